"""An oncology centre's new-patient intake and its day unit's take-home prescription.

Written blind as the held-out family of round 28 (then called ``heldout``): its author never read
the reader.

Neither document is a registration sheet or a doctor's pad. The record is the intake a cancer
centre has a new patient complete before the first consultation (the measurements a nurse takes
for dosing, the infections that matter before treatment); the prescription is the sheet its
chemotherapy day unit sends home with a patient after a treatment (the supportive medicines).

Both documents are printed in one colour per form (the centre's name, its emblem of petals,
section headings); label wording is drawn per form from synonym lists. Dates are written in one
style per document (numeric month or day first, two-digit years on some copies, written months,
ISO; birth dates keep four-digit years); a day-first numeric document's record date (or
prescription date) has a day above 12. Telephones are written in one style per document. Values
are typed or handwritten (the handwriting fonts; a capitals-only hand gives an upper-case truth).

Two devices run through both documents, each chosen per form and per part:

* *sentences with blanks*: printed sentences in plain language whose blanks (rules, each as wide
  as what is written on it) hold the values, with a word in brackets after some blanks saying
  what goes there (``(street)``, ``(town, state, ZIP)``). The lines wrap as the blanks need.
* *cells with turned labels*: ruled cells whose label is printed, per form, either turned a
  quarter turn (reading upwards) in a shaded band at the cell's left edge, or in a small shaded
  tab standing on the cell's top edge at its left; the value is written inside the cell, an
  address over several lines.

Patient record (two pages).

* Page 1 head: the emblem, the centre's name, its line of services and its street, telephone and
  fax (distractors); at the top right a dashed frame for the hospital's patient label: a printed
  sticker with a bar code, an MRN and a clinic code (distractors), or the frame empty with its
  note. The form's title and a line of instructions; on the forms with the date "in the head"
  the record date (``record_date``) written on a rule after its label at the right of the title.
* Part 1, the patient: sentences with blanks (the name, the date of birth, the street, the town /
  state / ZIP and the country as three blanks, the telephone) or cells (full name, date of birth;
  the home address over up to three lines in one tall cell, the telephone). ``patient_name``,
  ``birth_date``, ``address`` (the street, city line and country joined with ``", "``; no
  country written, none in the truth), ``phone``.
* Part 2, measurements taken by the nurse, always cells: height and weight (``height``,
  ``weight``; the unit written after the number or none), and the body surface area, blood
  pressure and pulse (distractors).
* Part 3, the emergency contact: sentences with blanks or cells: the name, the relationship, the
  home telephone, the work or mobile telephone and the address (one line).
  ``emergency_contact_name``, ``emergency_contact_phone`` (the home number),
  ``emergency_contact_address``; the relationship and the other number are distractors.
* Part 4, infections and vaccines, per form either *codes* or *underlining*. Codes: two small
  tables side by side, illnesses (chickenpox, measles, mumps, rubella) and vaccines (hepatitis B
  at a per-form row, flu, pneumococcal, shingles), each under a printed legend of the codes to
  write (``I`` / ``NI`` / ``U``; ``+`` / ``-`` / ``?``; ``Y`` / ``N`` / ``?``; ``YES`` / ``NO``
  / ``DK``), the code written by hand in a narrow column, and a year or note column
  (distractor). Underlining: each illness or vaccine followed by printed options, the one that
  applies underlined by hand. ``chicken_pox``, ``measles``, ``hepatitis_b_vaccination``; an
  unknown answer, or none, leaves the field out; mumps, rubella and the other vaccines are
  distractors.
* Part 5, other illnesses, per form either twelve printed conditions in three columns, each
  after a narrow box where the yes / no code of the yes / no legend is written (the conditions
  answered yes are ``medical_problems`` in reading order, down each column in turn, followed by
  those written on the "other" rule; some copies answer only the yes ones), or four numbered
  rules with one condition each (more than four: the rest on the last rule, comma-separated). A
  copy in a capitals-only hand writes every condition on the rules; none: all answered no (or
  nothing) and the rule blank or the copy's word for none.
* Foot: on the forms with the date "in a declaration" a sentence with the record date in its
  blank; the signature; on the forms with the date "at the foot" the date beside it; fine print
  and the page number.

Page 2: a compact head (the emblem, the centre's name, the title "continued") and, on some forms,
the patient's name and date of birth again on rules. Part 6, insurance: the question "Do you have
medical insurance?" answered as a code in a box (with its legend) or by underlining ``Yes`` /
``No`` (``has_insurance``; unanswered on some copies without insurance, then left out); then
sentences with blanks or cells: the insurer, the policy or member number (with its separators as
printed), a group number and the policy holder (distractors), the claims address on one line,
and the date the cover ends. ``insurance_company``, ``policy_number``, ``insurance_address``,
``insurance_expiry``. Part 7, allergies: a "no known allergies" box and a table of substance and
reaction (the first column is ``allergies``; the copy's word for none in its first row when none
and the box is not ticked). Part 8, medicines: a "no regular medicines" box and a schedule of
medicine, strength and ticks under morning / midday / evening / night (the first column is
``regular_medication``). A consent sentence with the patient's name in its blank, the signature
and, beside it, a framed box for office use (the oncologist's name, the date the referral was
received and the initials of the clerk, written: distractors); fine print and the page number.

Prescription (one page), the take-home sheet.

* Head: the emblem, the centre's name, the day unit's line, its street, city and telephone
  (distractors); at the right the sheet's title and, on the forms whose prescriber is printed,
  a label (``Prescriber:``, ``Prescribed by:``, ``Doctor:``) with the doctor's name typed in
  bold (``prescriber``); on the forms with the date "in the head" the date (``date``) on a rule
  under them.
* A strip of cells: the regimen, the cycle, the day of the cycle and, on some forms, the
  consultant in charge (a doctor's name written like the values: a distractor; the prescriber
  is never the consultant).
* The patient: a sentence with blanks ("Please supply ... of ... with the medicines below",
  with the date in it on the forms with the date "with the patient") or cells (the patient's
  name, the hospital number and date of birth (distractors), the home address over two lines and,
  on the same forms, the date). ``patient_name``, ``patient_address`` (the lines joined with
  ``", "``), ``date``.
* Cells of height, weight, body surface area and allergies (distractors).
* A large ℞ or ``Rx`` at the left of a table of medicine and strength, dose, route, how often
  and supply: the first column is ``medicines``; the others are distractors.
* The instructions for the patient after their label over four rules (``directions``, the
  lines joined).
* Refills ("repeats"), per form: the number written in a box before "times", or ``0`` to ``5``
  and ``PRN`` printed with the chosen one underlined by hand (a larger number written after
  "other"); nothing written or underlined leaves ``refills`` out. Under them the date the next
  cycle is due and the nurse who went over the medicines with the patient (a name with ``RN``),
  both distractors, on labelled rules.
* Foot: the signature; the date (``date``) beside it on the forms with the date "at the foot";
  on the forms whose prescriber is not printed, the prescriber's name written by hand on a rule
  (``prescriber``, titles kept); a bleep number (a distractor); a pharmacy box of initials
  (distractors); fine print.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageDraw

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
INK_DARK = (28, 28, 28)
OUTLINE = (70, 70, 70)
FAINT = (160, 160, 160)
SHADE = (232, 232, 232)

# fmt: off
COLOURS = ([110, 40, 120], [20, 95, 110], [160, 60, 30], [40, 70, 140], [30, 110, 60],
           [50, 50, 50])
CENTRES = ("Rosewood Cancer Centre", "Northbridge Oncology Institute",
           "St. Brendan's Cancer Care", "Valley Regional Cancer Center",
           "Lakeside Oncology & Hematology", "Hope Springs Cancer Institute")
CENTRE_LINES = ("Medical oncology \u2022 Hematology \u2022 Infusion services",
                "Chemotherapy day unit \u2022 Radiotherapy \u2022 Supportive care",
                "Adult oncology and blood disorders")
UNIT_LINES = ("Chemotherapy Day Unit \u2022 Oncology Pharmacy",
              "Infusion Suite \u2022 Take-home medicines service",
              "Ambulatory Oncology Unit")
RELATIONS = ("Wife", "Husband", "Partner", "Daughter", "Son", "Mother", "Father", "Sister",
             "Brother", "Friend", "Niece", "Carer")
REGIMENS = ("FOLFOX", "AC-T", "CAPOX", "R-CHOP", "Carboplatin/Paclitaxel", "FEC", "Gem/Cis",
            "ABVD", "Docetaxel")
REACTIONS = ("Rash", "Hives", "Swelling", "Itching", "Vomiting", "Wheezing", "Anaphylaxis",
             "Nausea")
STRENGTHS = ("5 mg", "10 mg", "20 mg", "25 mg", "40 mg", "50 mg", "100 mg", "500 mg", "1 tab")
NOTES = ("as a child", "2015", "2019", "2021", "1990s", "school", "2008", "last year")
CHECKLIST = ("Diabetes", "Hypertension", "Asthma", "COPD", "Epilepsy", "Depression",
             "Anxiety", "Arthritis", "Hypothyroidism", "Kidney stones", "Anemia", "Gout")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")

# the day unit's supportive medicines, in the corpus's drug form
ONCO_DRUGS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("Ondansetron", ("4", "8"), "mg", "tab"),
    ("Dexamethasone", ("2", "4", "8"), "mg", "tab"),
    ("Metoclopramide", ("10",), "mg", "tab"),
    ("Prochlorperazine", ("5", "10"), "mg", "tab"),
    ("Omeprazole", ("20", "40"), "mg", "cap"),
    ("Loperamide", ("2",), "mg", "cap"),
    ("Allopurinol", ("100", "300"), "mg", "tab"),
    ("Acyclovir", ("400", "800"), "mg", "tab"),
    ("Fluconazole", ("50", "100"), "mg", "cap"),
    ("Lorazepam", ("0.5", "1"), "mg", "tab"),
    ("Capecitabine", ("150", "500"), "mg", "tab"),
    ("Famotidine", ("20", "40"), "mg", "tab"),
    ("Acetaminophen", ("500", "650"), "mg", "tab"),
    ("Ciprofloxacin", ("250", "500"), "mg", "tab"),
)
DOSES = ("1 tab", "2 tabs", "1 cap", "2 caps", "1", "2", "8 mg", "4 mg")
ROUTES = ("oral", "PO", "by mouth")
HOW_OFTEN = ("BD", "TDS", "once daily", "twice daily", "PRN", "every 8 h", "at night", "QDS")
SUPPLY = ("14 tabs", "28", "10 caps", "3 days", "7 days", "20 tabs", "1 box")
# the codes a legend asks for: (legend, positive, negative, unsure)
IMMUNE_CODES = (
    ("I = immune   NI = not immune   U = unknown", "I", "NI", "U"),
    ("+ immune (had it or vaccinated)   - not immune   ? don't know", "+", "-", "?"),
    ("Y = immune   N = not immune   ? = not sure", "Y", "N", "?"),
)
YES_CODES = (
    ("Y = yes   N = no   ? = not sure", "Y", "N", "?"),
    ("Write YES or NO (DK = don't know)", "YES", "NO", "DK"),
)
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "New Patient Registration",
        "Patient Intake Questionnaire",
        "Registration for Cancer Care",
    ),
    "instr": (
        "Please complete both pages before your first appointment and bring your medicines.",
        "Fill in every blank you can; a nurse will help you with anything you are unsure of.",
        "Print clearly in ink. Your answers help us plan your treatment safely.",
    ),
    "label_note": ("Affix patient label here", "Patient label", "Hospital label"),
    "today": ("Date of first visit", "Date completed", "Today's date"),
    "sec": ("Part {}", "Section {}", "{}."),
    "s_you": ("About you", "Your details", "Patient details"),
    "s_measure": ("Measured at your visit", "Nurse's measurements", "Clinic measurements"),
    "s_contact": ("Emergency contact", "Your support person", "Next of kin / emergency contact"),
    "s_immune": ("Infections and vaccines", "Immunity before treatment", "Infection screening"),
    "s_health": ("Other health problems", "Your medical history", "Other illnesses"),
    "you_cloze": (
        "My name is {name} and I was born on {dob}. My home address is {street} (street), "
        "{city} (town, state, ZIP), {country} (country). The best number to call me on is "
        "{phone}.",
        "I, {name}, date of birth {dob}, live at {street} (street), {city} (town, state, ZIP), "
        "{country} (country). You can telephone me on {phone}.",
    ),
    "name": ("Full name", "Patient's name", "Name"),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "address": ("Home address", "Address", "Where you live"),
    "phone": ("Telephone", "Home phone", "Phone number"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "bsa": ("BSA (m\u00b2)", "Body surface area"),
    "bp": ("Blood pressure", "BP"),
    "pulse": ("Pulse", "Heart rate"),
    "contact_cloze": (
        "In an emergency, please contact {c_name}, who is my {relation}. Their home telephone "
        "is {c_home} and their work or mobile number is {c_work}. They live at {c_address}.",
        "If we cannot reach you, we will call {c_name} ({relation}) at home on {c_home}, or at "
        "work on {c_work}. Their address is {c_address}.",
    ),
    "c_name": ("Contact's name", "Name", "Emergency contact"),
    "relation": ("Relationship", "Relation to you"),
    "c_home": ("Home phone", "Home telephone"),
    "c_work": ("Work / mobile", "Other phone", "Work phone"),
    "c_address": ("Contact's address", "Their address", "Address"),
    "immune_note": (
        "Treatment can weaken your defences against infection. Please answer for each line.",
        "Some infections are dangerous during chemotherapy. Tell us what you know.",
    ),
    "illness": ("Illness", "Infection"),
    "vaccine": ("Vaccine", "Vaccination"),
    "code": ("Code", "Answer"),
    "when": ("Year / notes", "When", "Details"),
    "underline_note": ("Underline one answer on each line.", "Underline the answer that applies."),
    "immune_opts": ("Immune|Not immune|Don't know", "Immune|Not immune|Not sure"),
    "yes_opts": ("Yes|No|Don't know", "Yes|No|Not sure"),
    "chickenpox": ("Chickenpox (varicella)", "Chicken pox", "Varicella (chickenpox)"),
    "measles": ("Measles", "Measles (rubeola)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella (German measles)", "German measles"),
    "hep_b": ("Hepatitis B (full course)", "Hepatitis B vaccine", "Hep B series completed"),
    "flu": ("Flu (this season)", "Influenza"),
    "pneumo": ("Pneumococcal", "Pneumonia vaccine"),
    "shingles": ("Shingles", "Shingles (zoster)"),
    "health_q": (
        "Do you have, or have you been treated for, any of these? Write the code in each box.",
        "Answer each line with the code in the box beside it.",
    ),
    "health_list": (
        "Please list any other illnesses you have now or have been treated for:",
        "Other medical problems (one per line):",
    ),
    "other": ("Other illnesses", "Anything else", "Other"),
    "declaration": (
        "I completed this form on {date} and my answers are true to the best of my knowledge.",
        "Form filled in on {date}. I confirm that the information above is correct.",
    ),
    "sign": ("Patient's signature", "Signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "page": ("Page {} of 2", "{} / 2", "p. {} of 2"),
    "fine": (
        "Your information is kept confidentially in your hospital record and shared only with "
        "the team caring for you.",
        "If anything changes, please tell the reception desk at your next visit.",
    ),
    "cont": ("continued", "(continued)", "page 2"),
    "s_insurance": ("Health insurance", "Insurance and billing", "Your insurance"),
    "ins_q": (
        "Do you have medical insurance?",
        "Are you covered by medical insurance?",
        "Do you have health insurance?",
    ),
    "ins_cloze": (
        "My health insurance is with {company}, policy or member number {policy}, group "
        "{group}. Claims should be sent to {ins_address}. My cover is valid until {expiry}. "
        "The policy holder is {holder}.",
        "Insurer: {company}; member ID {policy} (group {group}), held by {holder}. Claims "
        "address: {ins_address}. Cover ends on {expiry}.",
    ),
    "company": ("Insurance company", "Insurer", "Name of insurer"),
    "policy": ("Policy / member no.", "Member ID", "Policy number"),
    "group": ("Group no.", "Group"),
    "holder": ("Policy holder", "Name of insured"),
    "ins_address": ("Claims address", "Insurer's address"),
    "expiry": ("Valid until", "Cover ends", "Expiry date"),
    "s_allergy": ("Allergies", "Allergies and reactions"),
    "no_allergy": ("I have no known allergies", "No known allergies"),
    "substance": ("Allergic to", "Substance or medicine"),
    "reaction": ("What happened", "Reaction"),
    "s_meds": ("Medicines you take", "Your regular medicines", "Current medication"),
    "no_meds": ("I take no regular medicines", "No regular medicines"),
    "med": ("Medicine", "Name of medicine"),
    "strength": ("Strength", "Dose"),
    "times": ("Morning|Midday|Evening|Night", "AM|Noon|PM|Bed"),
    "consent": (
        "I, {name}, agree to the centre sharing my information with my family doctor and my "
        "insurer for my care and its billing.",
        "I, {name}, consent to the exchange of my records between the centre, my general "
        "practitioner and my insurer.",
    ),
    "running": ("Patient", "Name"),
    "office": ("For office use only", "Office use", "Staff only"),
    "oncologist": ("Oncologist", "Consultant", "Treating doctor"),
    "referred": ("Referral received", "Referral date", "Referred on"),
    "entered": ("Entered by", "Registered by", "Checked by"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("TAKE-HOME MEDICINES", "Discharge Prescription", "Take-home Prescription"),
    "sub": ("Prescription", "To take home after treatment", "Supportive care"),
    "prescriber": ("Prescriber:", "Prescribed by:", "Doctor:"),
    "date": ("Date", "Date written", "Date of issue"),
    "regimen": ("Regimen", "Protocol"),
    "cycle": ("Cycle", "Cycle no."),
    "day": ("Day", "Day of cycle"),
    "consultant": ("Consultant", "Consultant in charge"),
    "cloze": (
        "Please supply {name} of {address} with the medicines listed below.",
        "Medicines to take home for {name}, whose home address is {address}.",
    ),
    "cloze_date": (
        "On {date}, please supply {name} of {address} with the medicines listed below.",
        "Medicines prescribed on {date} to take home for {name}, whose home address is {address}.",
    ),
    "name": ("Patient's name", "Patient", "Name"),
    "hosp": ("Hospital no.", "MRN"),
    "dob": ("Date of birth", "DOB"),
    "address": ("Home address", "Address"),
    "height": ("Height",),
    "weight": ("Weight",),
    "bsa": ("BSA (m\u00b2)", "Surface area"),
    "allergies": ("Allergies", "Known allergies"),
    "med": ("Medicine and strength", "Drug and strength", "Medication"),
    "dose": ("Dose",),
    "route": ("Route",),
    "often": ("How often", "Frequency"),
    "supply": ("Supply", "Quantity"),
    "directions": (
        "Instructions for the patient:",
        "Directions:",
        "How to take your medicines:",
    ),
    "refills": ("Repeats:", "Refills:", "Repeats (refills):"),
    "times": ("times", "time(s)"),
    "other": ("other", "more"),
    "signature": ("Prescriber's signature", "Signature", "Signed"),
    "print": ("Prescriber's name (print)", "Name of prescriber", "Print name"),
    "bleep": ("Bleep", "Pager"),
    "next_due": ("Next cycle due", "Next treatment", "Next appointment"),
    "nurse": ("Counselled by", "Explained to patient by", "Nurse"),
    "pharmacy": ("Pharmacy use", "For pharmacy only"),
    "pharm_rows": ("Screened|Dispensed|Checked", "Clinical check|Assembled|Final check"),
    "fine": (
        "Bring this sheet and all your medicines to your next appointment. Call the 24-hour "
        "oncology line if you have a temperature of 38\u00b0C or more.",
        "Keep your medicines in their original packs. If you are sick within an hour of a "
        "dose, do not take another; ring the unit for advice.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["cell_mode"] = rnd.choice(("turned", "tab"))
    style["heading_mode"] = rnd.choice(("bar", "disc"))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(28, 31), value_size=(40, 45)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        printed = rnd.random() < 0.5
        style.update(
            centre=rnd.choice(CENTRES),
            unit_line=rnd.choice(UNIT_LINES),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            prescriber_printed=printed,
            prescriber_written=not printed,
            consultant=rnd.random() < 0.5,
            date_place=rnd.choice(("head", "patient", "foot")),
            patient_mode=rnd.choice(("cloze", "cells")),
            refill_mode=rnd.choice(("box", "underline")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
        )
        return style
    _wording(rnd, style, _REC)
    immune = rnd.randrange(len(IMMUNE_CODES))
    style.update(
        centre=rnd.choice(CENTRES),
        centre_line=rnd.choice(CENTRE_LINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("head", "declaration", "foot")),
        you_mode=rnd.choice(("cloze", "cells")),
        contact_mode=rnd.choice(("cloze", "cells")),
        immune_mode=rnd.choice(("codes", "codes", "underline")),
        immune_codes=immune,
        yes_codes=rnd.randrange(len(YES_CODES)),
        hep_b_row=rnd.randint(0, 3),
        history_mode=rnd.choice(("codes", "list")),
        running=rnd.random() < 0.6,
        insurance_mode=rnd.choice(("cloze", "cells")),
    )
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    return _record_document(rnd, handwriting=handwriting, font=font)


def _answer(rnd: random.Random, fields: dict[str, Any], extras: dict[str, Any], name: str) -> None:
    """Some copies answer "don't know" (or nothing) to a question: the field is then left out."""
    if name not in fields:
        return
    draw = rnd.random()
    if draw < 0.08:
        del fields[name]
        extras[f"{name}_unsure"] = True
    elif draw < 0.11:
        del fields[name]


def _bsa(height: Any, height_unit: str, weight: Any, weight_unit: str) -> str | None:
    """The body surface area (Mosteller) a nurse works out, as written (``1.85``)."""
    if height is None or weight is None:
        return None
    cm = float(height) * (2.54 if height_unit == "in" or float(height) < 90 else 1.0)
    kg = float(weight) / (2.2046 if weight_unit in ("lb", "lbs") or float(weight) > 140 else 1.0)
    return f"{math.sqrt(cm * kg / 3600):.2f}"


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    capitals = fonts.family(style["value_font"]).all_caps
    immune = IMMUNE_CODES[int(style["immune_codes"])]
    yes = YES_CODES[int(style["yes_codes"])]
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "mrn": _digits(rnd, 8) if rnd.random() < 0.6 else None,
        "clinic_code": rnd.choice(("ONC-2", "HEM 4", "CDU", "ONC/B")),
        "bp": f"{rnd.randint(100, 150)}/{rnd.randint(60, 95)}" if rnd.random() < 0.8 else None,
        "pulse": rnd.randint(56, 98) if rnd.random() < 0.8 else None,
        "codes": [*immune[1:], *yes[1:]],
    }
    extras["bsa"] = (
        _bsa(fields.get("height"), base["height_unit"], fields.get("weight"), base["weight_unit"])
        if rnd.random() < 0.7
        else None
    )
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        _answer(rnd, fields, extras, name)
    # mumps, rubella, flu, pneumococcal, shingles: 0 yes / immune, 1 no, 2 unsure, None blank
    extras["others"] = [rnd.choice((0, 0, 1, 2, None)) for _ in range(5)]
    extras["notes"] = [rnd.choice(NOTES) if rnd.random() < 0.3 else None for _ in range(8)]
    problems: list[str] = fields["medical_problems"]
    marked = [] if capitals else [item for item in CHECKLIST if item in problems]
    # reading order: down the left column, then the right one
    fields["medical_problems"] = marked + [item for item in problems if item not in marked]
    extras["conditions_marked"] = marked
    extras["answer_all"] = not capitals and rnd.random() < 0.7
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = _digits(rnd, 5) if rnd.random() < 0.6 else None
        extras["holder"] = fields["patient_name"] if rnd.random() < 0.6 else values.person_name(rnd)
    elif rnd.random() < 0.2:
        del fields["has_insurance"]  # the question left unanswered
    extras["no_allergy"] = not fields["allergies"] and rnd.random() < 0.6
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.75 else "" for _ in fields["allergies"]
    ]
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.5
    record = dt.date.fromisoformat(fields["record_date"])
    extras["oncologist"] = _doctor(rnd) if rnd.random() < 0.6 else None
    extras["referred"] = (
        (record - dt.timedelta(days=rnd.randint(3, 40))).isoformat() if rnd.random() < 0.6 else None
    )
    extras["entered_by"] = (
        rnd.choice(("JT", "MK", "AL", "RS", "DW")) if rnd.random() < 0.6 else None
    )
    extras["med_rows"] = [
        [rnd.choice(STRENGTHS) if rnd.random() < 0.8 else "", *_schedule(rnd)]
        for _ in fields["regular_medication"]
    ]
    return fields, extras, style


def _schedule(rnd: random.Random) -> list[str]:
    """Which of the four times of day a medicine is ticked under (``"x"`` ticked)."""
    pattern = rnd.choice(((1, 0, 0, 0), (1, 0, 1, 0), (0, 0, 0, 1), (1, 1, 1, 0), (1, 0, 0, 1)))
    return ["x" if tick else "" for tick in pattern]


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=rnd.random() < 0.6)
    common.settle_day_order(fields, ("date",), style, rnd)
    drugs = rnd.sample(ONCO_DRUGS, rnd.choice((1, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if "directions" in fields:
        fields["directions"] = values.directions_text(rnd, drugs)
    written = dt.date.fromisoformat(fields["date"])
    birth = written - dt.timedelta(days=rnd.randint(19 * 365, 88 * 365))
    consultant = _doctor(rnd)
    while consultant == fields["prescriber"]:
        consultant = _doctor(rnd)
    height = rnd.randint(150, 195)
    weight = rnd.randint(45, 120)
    extras: dict[str, Any] = {
        "regimen": rnd.choice(REGIMENS),
        "cycle": str(rnd.randint(1, 8)),
        "cycle_day": str(rnd.choice((1, 1, 8, 15, 22))),
        "consultant": consultant,
        "hospital_no": _digits(rnd, 7) if rnd.random() < 0.8 else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "height": f"{height} cm" if rnd.random() < 0.85 else None,
        "weight": f"{weight} kg" if rnd.random() < 0.85 else None,
        "bsa": f"{math.sqrt(height * weight / 3600):.2f}" if rnd.random() < 0.8 else None,
        "rx_allergies": rnd.choice(("NKDA", "None known", "Penicillin", "Sulfa drugs", "Codeine"))
        if rnd.random() < 0.85
        else None,
        "table": [
            [
                rnd.choice(DOSES) if rnd.random() < 0.9 else "",
                rnd.choice(ROUTES) if rnd.random() < 0.7 else "",
                rnd.choice(HOW_OFTEN) if rnd.random() < 0.9 else "",
                rnd.choice(SUPPLY) if rnd.random() < 0.85 else "",
            ]
            for _ in drugs
        ],
        "bleep": str(rnd.randint(1000, 8999)) if rnd.random() < 0.6 else None,
        "next_due": (written + dt.timedelta(days=rnd.choice((14, 21, 28)))).isoformat()
        if rnd.random() < 0.7
        else None,
        "nurse": f"{values.person_name(rnd)} RN" if rnd.random() < 0.6 else None,
        "pharmacy": [rnd.choice(("JT", "AK", "RM", "SL", "")) for _ in range(3)],
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """``colour`` mixed with white (``share`` of the colour kept)."""
    r, g, b = colour
    return (
        round(255 - (255 - r) * share),
        round(255 - (255 - g) * share),
        round(255 - (255 - b) * share),
    )


_SLOT = re.compile(r"\{(\w+)\}")


class _Sheet(common.Drawing):
    """One page of either document: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["lbl"] = render.Face(label.regular, size, INK_DARK)
        faces["bold"] = render.Face(label.bold, size, INK_DARK)
        faces["caption"] = render.Face(label.regular, 25, (50, 50, 50))
        faces["opt"] = render.Face(label.regular, size, INK_DARK)
        faces["colhead"] = render.Face(label.bold, size - 3, INK_DARK)
        faces["section"] = render.Face(title.bold, 36, self.colour)
        faces["section_dark"] = render.Face(title.bold, 34, INK_DARK)
        faces["disc"] = render.Face(title.bold, 32, (255, 255, 255))
        faces["org"] = render.Face(title.bold, 52, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 48, INK_DARK)
        faces["note"] = render.Face(label.regular, 24, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))
        mono = [f for f in fonts.families(handwriting=False) if "Mono" in f.name] or [label]
        faces["mono"] = render.Face(mono[0].regular, 26, (20, 20, 20))

    def word(self, key: str) -> str:
        return self.words[key]

    def parts(self, key: str) -> list[str]:
        return self.words[key].split("|")

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def value(self, x: float, base: float, text: Any, width: float, anchor: str = "ls") -> None:
        if text:
            self.page.text(x, base, str(text), "value", max_width=width, anchor=anchor)

    def underline(self, x0: float, x1: float, base: float) -> None:
        """A stroke of the pen under a printed word."""
        page = self.page
        jitter = page.jitter
        points = []
        for k in range(9):
            x = x0 - 10 + (x1 - x0 + 20) * k / 8
            y = base + 14 + 3 * math.sin(k * 1.3 + jitter.uniform(0, 1)) + jitter.uniform(-1, 1)
            points.append((page.px(x), page.px(y)))
        page.draw.line(points, fill=self.ink(), width=max(1, page.px(5)), joint="curve")

    def underlined(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 56
    ) -> float:
        """Printed options in a row, the chosen one underlined by hand; returns where they end."""
        page = self.page
        for k, text in enumerate(options):
            end = page.text(x, base, text, "opt")
            if k == chosen:
                self.underline(x, end, base)
            x = end + gap
        return x - gap

    def section(self, top: float, number: int, key: str) -> float:
        """A part's heading (a tinted bar, or a numbered disc); returns the body's top."""
        page = self.page
        title = self.word(key)
        if self.style["heading_mode"] == "bar":
            self.rect(LEFT, top, RIGHT, top + 54, fill=_tint(self.colour, 0.22), outline=None)
            self.line(LEFT, top, LEFT, top + 54, width=10, fill=self.colour)
            heading = f"{self.word('sec').format(number)}  {title}"
            page.text(LEFT + 26, top + 40, heading, "section_dark", max_width=RIGHT - LEFT - 40)
            return top + 74
        r = 28
        cx, cy = LEFT + r, top + 28
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=self.colour
        )
        page.text(cx, cy + 12, str(number), "disc", anchor="ms")
        page.text(LEFT + 2 * r + 24, top + 42, title, "section", max_width=RIGHT - LEFT - 100)
        self.line(LEFT + 2 * r + 24, top + 56, RIGHT, top + 56, width=2, fill=self.colour)
        return top + 76

    def turned(self, x0: float, x1: float, top: float, bottom: float, text: str) -> None:
        """``text`` turned a quarter (reading upwards), centred in the band x0..x1.

        A label too long for the band's height is set on two turned lines.
        """
        page = self.page
        face = page.faces["caption"]
        size = face.size * 0.92
        room = bottom - top - 16
        lines = [text]
        words = text.split()
        if page.width(text, "caption", size) > room and len(words) > 1:
            cut = min(
                range(1, len(words)),
                key=lambda k: max(
                    page.width(" ".join(words[:k]), "caption", size),
                    page.width(" ".join(words[k:]), "caption", size),
                ),
            )
            lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        width = max(page.width(line, "caption", size) for line in lines)
        if width > room:
            size *= room / width
        font = fonts.font_at(face.path, max(4, page.px(size)))
        step = page.px(size * 1.15)
        heights = [font.getbbox(line, anchor="ls") for line in lines]
        span = int(max(box[2] for box in heights)) + 6
        ascent = int(-min(box[1] for box in heights)) + 1
        mask = Image.new("L", (max(1, span), max(1, ascent + step * (len(lines) - 1) + 8)), 0)
        drawing = ImageDraw.Draw(mask)
        for k, line in enumerate(lines):
            drawing.text((2, ascent + 2 + step * k), line, font=font, fill=255, anchor="ls")
        turned = mask.rotate(90, expand=True)
        cx, cy = page.px((x0 + x1) / 2), page.px((top + bottom) / 2)
        at = (round(cx - turned.width / 2), round(cy - turned.height / 2))
        page.image.paste(face.fill, (*at, at[0] + turned.width, at[1] + turned.height), turned)

    def cell(
        self, x0: float, x1: float, top: float, height: float, label: str, lines: Sequence[str]
    ) -> None:
        """A ruled cell, its label turned in a band at its left or in a tab on its top edge."""
        page = self.page
        self.rect(x0, top, x1, top + height, outline=OUTLINE, width=2)
        start = x0 + 20
        if self.style["cell_mode"] == "turned":
            band = 62.0
            self.rect(x0 + 1, top + 1, x0 + band, top + height - 1, fill=SHADE, outline=None)
            self.line(x0 + band, top, x0 + band, top + height, width=1.5, fill=FAINT)
            self.turned(x0, x0 + band, top, top + height, label)
            start = x0 + band + 20
        else:
            width = min(page.width(label, "caption") + 28, x1 - x0)
            self.rect(x0, top - 36, x0 + width, top, fill=SHADE, outline=OUTLINE, width=2)
            page.text(x0 + 14, top - 9, label, "caption", max_width=width - 22)
        shown = [line for line in lines if line]
        if not shown:
            return
        step = (height - 24) / max(1, len(lines))
        for k, line in enumerate(lines):
            base = top + 12 + step * (k + 1) - min(24.0, step * 0.3)
            self.value(start, base, line, x1 - start - 16)

    def cell_row(
        self,
        top: float,
        height: float,
        cells: Sequence[tuple[str, Sequence[str], float]],
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> float:
        """A row of cells, widths in proportion to their weights; returns the row's bottom."""
        if self.style["cell_mode"] == "tab":
            top += 38
        total = sum(weight for *_, weight in cells)
        x = x0
        for label, lines, weight in cells:
            end = x + (x1 - x0) * weight / total
            self.cell(x, end, top, height, label, lines)
            x = end
        return top + height

    def cloze(
        self,
        top: float,
        template: str,
        slots: Mapping[str, str],
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        step: float = 88.0,
        least: float = 220.0,
    ) -> float:
        """A printed sentence whose ``{slots}`` are blanks holding their values; returns its end.

        A blank is as wide as its value (at least ``least``); a line wraps before a word or a
        blank that does not fit.
        """
        page = self.page
        space = page.width(" ", "lbl")
        x, base = x0, top + step * 0.8
        pieces = _SLOT.split(template)
        for k, piece in enumerate(pieces):
            if k % 2 == 0:
                for word in piece.split():
                    width = page.width(word, "lbl")
                    glued = word[0] in ",.;:)" and x > x0
                    if glued:
                        x -= space
                    elif x + width > x1:
                        x, base = x0, base + step
                    x = page.text(x, base, word, "lbl") + space
                continue
            text = slots.get(piece, "")
            width = min(max(least, page.width(text, "value") + 50), x1 - x0)
            if x + width > x1:
                x, base = x0, base + step
            self.line(x + 4, base + 12, x + width - 4, base + 12, width=1.5, fill=OUTLINE)
            self.value(x + 18, base, text, width - 36)
            x += width + space
        return base + 24

    def rule_field(
        self, x: float, base: float, end: float, label: str, text: str, *, face: str = "bold"
    ) -> None:
        """``Label:`` then its value on a rule up to ``end``."""
        page = self.page
        stop = page.text(x, base, f"{label}:", face)
        self.line(stop + 14, base + 14, end, base + 14, width=1.5, fill=OUTLINE)
        self.value(stop + 28, base, text, end - stop - 40)

    def code_box(
        self, x: float, base: float, code: str, width: float = 96.0, height: float = 58.0
    ) -> None:
        """A narrow box with a code written in it."""
        self.rect(x, base + 14 - height, x + width, base + 14, outline=OUTLINE, width=2)
        self.value(x + width / 2, base, code, width - 12, anchor="ms")

    def table(
        self,
        top: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str]],
        count: int,
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        row_h: float = 82.0,
        ticks: Sequence[int] = (),
    ) -> float:
        """A ruled table under a shaded header; ``ticks`` columns hold boxes ticked for ``x``."""
        page = self.page
        head_h = 48.0
        count = max(count, len(rows))
        bottom = top + head_h + row_h * count
        self.rect(x0, top, x1, top + head_h, fill=_tint(self.colour, 0.18), outline=None)
        self.rect(x0, top, x1, bottom, outline=OUTLINE, width=2)
        total = sum(weight for _, weight in columns)
        edges = [x0]
        for _, weight in columns:
            edges.append(edges[-1] + (x1 - x0) * weight / total)
        for k, (title, _) in enumerate(columns):
            anchor = "ms" if k in ticks else "ls"
            x = (edges[k] + edges[k + 1]) / 2 if k in ticks else edges[k] + 14
            page.text(
                x, top + 34, title, "colhead", anchor=anchor, max_width=edges[k + 1] - edges[k] - 20
            )
            if k:
                self.line(edges[k], top, edges[k], bottom, width=1.5, fill=OUTLINE)
        for r in range(count):
            y = top + head_h + row_h * r
            if r:
                self.line(x0, y, x1, y, width=1, fill=FAINT)
            for k in ticks:
                mid = (edges[k] + edges[k + 1]) / 2
                checked = r < len(rows) and k < len(rows[r]) and rows[r][k] == "x"
                common.checkbox(
                    page, mid - 16, y + row_h / 2 + 16, checked=checked, mark="tick", side=32
                )
            if r < len(rows):
                for k, text in enumerate(rows[r]):
                    if k in ticks:
                        continue
                    self.value(edges[k] + 16, y + row_h - 22, text, edges[k + 1] - edges[k] - 32)
        return bottom

    def emblem(self, cx: float, cy: float, r: float = 46) -> None:
        """The centre's mark: petals around a heart, in the colour."""
        page = self.page
        petal = r * 0.42
        for k in range(6):
            angle = k * math.pi / 3
            px, py = cx + r * 0.58 * math.cos(angle), cy + r * 0.58 * math.sin(angle)
            page.draw.ellipse(
                [
                    page.px(px - petal),
                    page.px(py - petal),
                    page.px(px + petal),
                    page.px(py + petal),
                ],
                fill=_tint(self.colour, 0.55),
            )
        core = r * 0.36
        page.draw.ellipse(
            [page.px(cx - core), page.px(cy - core), page.px(cx + core), page.px(cy + core)],
            fill=self.colour,
        )

    def fine_print(self, text: str, right: str) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3205 + 27 * k, line, "fine")
        if right:
            page.text(RIGHT, 3205, right, "fine", anchor="rs")

    def signature(self, x0: float, x1: float, base: float, label: str) -> None:
        self.line(x0, base, x1, base, width=2.5, fill=OUTLINE)
        self.page.scribble(x0 + 60, x0 + min(520.0, (x1 - x0) * 0.6), base - 8, self.ink())
        self.page.text(x0, base + 36, label, "lbl")


def _lines_in(page: render.Page, text: str, width: float, most: int) -> list[str]:
    lines = render.wrap(page, text, "value", width) if text else []
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


def _measure(value: Any, unit: Any) -> str:
    if value is None:
        return ""
    return f"{render.format_number(value)} {_text(unit)}".strip()


def _dashed_rect(sheet: _Sheet, x0: float, y0: float, x1: float, y1: float) -> None:
    dash, gap = 22.0, 14.0
    for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
        length = math.hypot(c - a, d - b)
        t = 0.0
        while t < length:
            u = min(t + dash, length)
            sheet.line(
                a + (c - a) * t / length,
                b + (d - b) * t / length,
                a + (c - a) * u / length,
                b + (d - b) * u / length,
                width=2,
                fill=FAINT,
            )
            t = u + gap


def _barcode(sheet: _Sheet, x: float, top: float, height: float, digits: str, end: float) -> None:
    """Bars drawn from the digits, up to ``end``."""
    page = sheet.page
    for k, char in enumerate(digits * 3):
        value = int(char)
        for width in (2 + value % 3 * 2, 3 + (value + k) % 2 * 3):
            if x + width > end:
                return
            x0 = page.px(x)
            page.draw.rectangle(
                [x0, page.px(top), max(x0, page.px(x + width) - 1), page.px(top + height)],
                fill=(15, 15, 15),
            )
            x += width + 4 + (value + k) % 3 * 2


# --- patient record ---------------------------------------------------------------------------


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    page = sheet.page
    style = sheet.style
    sheet.emblem(LEFT + 50, 190)
    page.text(LEFT + 130, 182, str(style["centre"]), "org", max_width=1500)
    page.text(LEFT + 130, 224, str(style["centre_line"]), "org_small", max_width=1500)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  Tel {sheet.phone(style['phone'])}"
        f"  \u2022  Fax {sheet.phone(style['fax'])}"
    )
    page.text(LEFT + 130, 262, contact, "org_small", max_width=1500)
    # the frame for the hospital's patient label
    x0, x1, y0, y1 = 1800.0, RIGHT, 96.0, 306.0
    _dashed_rect(sheet, x0, y0, x1, y1)
    mrn = extras.get("mrn")
    if mrn:
        sheet.rect(x0 + 24, y0 + 24, x1 - 24, y1 - 24, fill=(250, 250, 244), outline=FAINT)
        page.text(x0 + 48, y0 + 70, f"MRN {mrn}", "mono")
        page.text(x1 - 48, y0 + 70, str(extras.get("clinic_code") or ""), "mono", anchor="rs")
        _barcode(sheet, x0 + 48, y0 + 96, 80, str(mrn), x1 - 48)
    else:
        page.text((x0 + x1) / 2, (y0 + y1) / 2 + 10, sheet.word("label_note"), "note", anchor="ms")
    sheet.line(LEFT, 334, RIGHT, 334, width=5, fill=sheet.colour)
    page.text(LEFT, 404, sheet.word("title"), "title", max_width=1300)
    page.text(LEFT, 448, sheet.word("instr"), "note", max_width=1500)
    if style["date_place"] == "head":
        sheet.rule_field(
            1560, 404, RIGHT, sheet.word("today"), sheet.date(fields.get("record_date"))
        )
    return 470.0


def _about_you(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = sheet.section(top, 1, "s_you")
    lines = [_text(line) for line in common.address_lines(fields, extras)]
    name = _text(fields.get("patient_name"))
    dob = sheet.date(fields.get("birth_date"), short_year=False)
    phone = sheet.phone(fields.get("phone"))
    if sheet.style["you_mode"] == "cloze":
        slots = {
            "name": name,
            "dob": dob,
            "street": lines[0],
            "city": lines[1],
            "country": lines[2],
            "phone": phone,
        }
        return sheet.cloze(top, sheet.word("you_cloze"), slots)
    bottom = sheet.cell_row(
        top + 10, 124, [(sheet.word("name"), [name], 3.0), (sheet.word("dob"), [dob], 1.3)]
    )
    return sheet.cell_row(
        bottom + 16,
        214,
        [(sheet.word("address"), lines, 3.0), (sheet.word("phone"), [phone], 1.3)],
    )


def _measurements(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = sheet.section(top, 2, "s_measure")
    cells = [
        (sheet.word("height"), [_measure(fields.get("height"), extras.get("height_unit"))], 1.0),
        (sheet.word("weight"), [_measure(fields.get("weight"), extras.get("weight_unit"))], 1.0),
        (sheet.word("bsa"), [_text(extras.get("bsa"))], 1.0),
        (sheet.word("bp"), [_text(extras.get("bp"))], 1.0),
        (sheet.word("pulse"), [_text(extras.get("pulse"))], 0.8),
    ]
    return sheet.cell_row(top + 10, 124, cells)


def _contact(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = sheet.section(top, 3, "s_contact")
    name = _text(fields.get("emergency_contact_name"))
    relation = _text(extras.get("relation"))
    home = sheet.phone(fields.get("emergency_contact_phone"))
    work = sheet.phone(extras.get("emergency_work_phone"))
    address = _text(fields.get("emergency_contact_address"))
    if sheet.style["contact_mode"] == "cloze":
        slots = {
            "c_name": name,
            "relation": relation,
            "c_home": home,
            "c_work": work,
            "c_address": address,
        }
        return sheet.cloze(top, sheet.word("contact_cloze"), slots)
    bottom = sheet.cell_row(
        top + 10,
        124,
        [
            (sheet.word("c_name"), [name], 2.2),
            (sheet.word("relation"), [relation], 1.1),
            (sheet.word("c_home"), [home], 1.4),
        ],
    )
    return sheet.cell_row(
        bottom + 16,
        124,
        [(sheet.word("c_address"), [address], 3.3), (sheet.word("c_work"), [work], 1.4)],
    )


def _immunity(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top, 4, "s_immune")
    page.text(LEFT, top + 30, sheet.word("immune_note"), "note")
    status = {"immune": 0, "not immune": 1, "yes": 0, "no": 1}

    def answer(name: str) -> int | None:
        if extras.get(f"{name}_unsure"):
            return 2
        value = fields.get(name)
        return status.get(_text(value)) if value else None

    others: Sequence[int | None] = extras.get("others") or [None] * 5
    illnesses: list[tuple[str, int | None]] = [
        (sheet.word("chickenpox"), answer("chicken_pox")),
        (sheet.word("measles"), answer("measles")),
        (sheet.word("mumps"), others[0]),
        (sheet.word("rubella"), others[1]),
    ]
    vaccines: list[tuple[str, int | None]] = [
        (sheet.word("flu"), others[2]),
        (sheet.word("pneumo"), others[3]),
        (sheet.word("shingles"), others[4]),
    ]
    vaccines.insert(
        int(style["hep_b_row"]), (sheet.word("hep_b"), answer("hepatitis_b_vaccination"))
    )
    notes: Sequence[str | None] = extras.get("notes") or [None] * 8
    if style["immune_mode"] == "underline":
        base = top + 84
        page.text(LEFT, base, sheet.word("underline_note"), "lbl")
        label_w = 560.0
        for k, (text, chosen) in enumerate(illnesses):
            y = base + 70 * (k + 1)
            page.text(LEFT + 10, y, text, "opt", max_width=label_w - 30)
            sheet.underlined(LEFT + label_w, y, sheet.parts("immune_opts"), chosen, gap=44)
        x0 = 1290.0
        for k, (text, chosen) in enumerate(vaccines):
            y = base + 70 * (k + 1)
            page.text(x0, y, text, "opt", max_width=label_w - 30)
            sheet.underlined(x0 + label_w, y, sheet.parts("yes_opts"), chosen, gap=44)
        return base + 70 * 4 + 24
    immune = IMMUNE_CODES[int(style["immune_codes"])]
    yes = YES_CODES[int(style["yes_codes"])]
    half = (LEFT + RIGHT) / 2
    bottom = top
    for x0, x1, head, legend, rows, note_at in (
        (LEFT, half - 30, sheet.word("illness"), immune, illnesses, 0),
        (half + 30, RIGHT, sheet.word("vaccine"), yes, vaccines, 4),
    ):
        page.text(x0, top + 74, legend[0], "caption", max_width=x1 - x0)
        table_rows = [
            [
                text,
                legend[1 + chosen] if chosen is not None else "",
                _text(notes[note_at + k]) if chosen == 0 else "",
            ]
            for k, (text, chosen) in enumerate(rows)
        ]
        edge = _code_table(
            sheet,
            top + 96,
            x0,
            x1,
            [head, sheet.word("code"), sheet.word("when")],
            table_rows,
        )
        bottom = max(bottom, edge)
    return bottom


def _code_table(
    sheet: _Sheet,
    top: float,
    x0: float,
    x1: float,
    heads: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> float:
    """Printed questions, a narrow column of written codes and a column of written notes."""
    page = sheet.page
    row_h = 64.0
    head_h = 44.0
    edges = [x0, x0 + (x1 - x0) * 0.5, x0 + (x1 - x0) * 0.66, x1]
    bottom = top + head_h + row_h * len(rows)
    sheet.rect(x0, top, x1, top + head_h, fill=_tint(sheet.colour, 0.18), outline=None)
    sheet.rect(x0, top, x1, bottom, outline=OUTLINE, width=2)
    for k, head in enumerate(heads):
        page.text(edges[k] + 12, top + 33, head, "colhead", max_width=edges[k + 1] - edges[k] - 20)
        if k:
            sheet.line(edges[k], top, edges[k], bottom, width=1.5, fill=OUTLINE)
    for r, (question, code, note) in enumerate(rows):
        y = top + head_h + row_h * r
        if r:
            sheet.line(x0, y, x1, y, width=1, fill=FAINT)
        page.text(x0 + 12, y + 44, question, "opt", max_width=edges[1] - x0 - 24)
        sheet.value((edges[1] + edges[2]) / 2, y + 50, code, edges[2] - edges[1] - 20, anchor="ms")
        sheet.value(edges[2] + 16, y + 50, note, x1 - edges[2] - 30)
    return bottom


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top, 5, "s_health")
    problems: Sequence[str] = fields.get("medical_problems") or []
    none_word = "" if problems or "medical_problems" not in fields else _text(style["empty_list"])
    if style["history_mode"] == "list":
        page.text(LEFT, top + 36, sheet.word("health_list"), "lbl")
        base = top + 36
        items = list(problems) or [none_word]
        if len(items) > 4:
            items = [*items[:3], ", ".join(items[3:])]
        for k in range(4):
            base += 78
            stop = page.text(LEFT + 20, base, f"{k + 1}.", "bold")
            sheet.line(stop + 20, base + 14, 1700, base + 14, width=1.5, fill=OUTLINE)
            sheet.value(stop + 36, base, items[k] if k < len(items) else "", 1700 - stop - 60)
        return base + 24
    yes = YES_CODES[int(style["yes_codes"])]
    page.text(LEFT, top + 36, sheet.word("health_q"), "lbl", max_width=RIGHT - LEFT)
    page.text(LEFT, top + 76, yes[0], "caption")
    marked = set(extras.get("conditions_marked") or [])
    rows = (len(CHECKLIST) + 2) // 3
    base = top + 86
    for k, condition in enumerate(CHECKLIST):
        column, row = divmod(k, rows)
        x = LEFT + 10 + column * (RIGHT - LEFT) / 3
        y = base + 72 * (row + 1)
        code = yes[1] if condition in marked else (yes[2] if extras.get("answer_all") else "")
        sheet.code_box(x, y + 2, code)
        page.text(x + 124, y, condition, "opt")
    base += 72 * rows + 90
    written = ", ".join(item for item in problems if item not in marked) or none_word
    sheet.rule_field(LEFT, base, RIGHT, sheet.word("other"), written)
    return base + 24


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _record_head(sheet, fields, extras)
    top = _about_you(sheet, fields, extras, top + 20)
    top = _measurements(sheet, fields, extras, top + 36)
    top = _contact(sheet, fields, extras, top + 36)
    top = _immunity(sheet, fields, extras, top + 36)
    top = _history(sheet, fields, extras, top + 36)
    if style["date_place"] == "declaration":
        slots = {"date": sheet.date(fields.get("record_date"))}
        top = sheet.cloze(top + 20, sheet.word("declaration"), slots, step=80)
    base = min(max(top + 130, 2990.0), 3080.0)
    sheet.signature(LEFT, LEFT + 1100, base, sheet.word("sign"))
    if style["date_place"] == "foot":
        x0 = 1500.0
        sheet.line(x0, base, RIGHT, base, width=2.5, fill=OUTLINE)
        sheet.value(x0 + 30, base - 18, sheet.date(fields.get("record_date")), RIGHT - x0 - 60)
        page.text(x0, base + 36, sheet.word("sign_date"), "lbl")
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


def _insurance(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top, 6, "s_insurance")
    base = top + 50
    end = page.text(LEFT, base, sheet.word("ins_q"), "lbl")
    has = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    if style["immune_mode"] == "underline":
        sheet.underlined(end + 60, base, ["Yes", "No"], has, gap=60)
    else:
        yes = YES_CODES[int(style["yes_codes"])]
        sheet.code_box(end + 40, base + 4, yes[1 + has] if has is not None else "", 130, 80)
        page.text(end + 200, base, yes[0], "caption")
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    slots = {
        "company": _text(fields.get("insurance_company")),
        "policy": policy,
        "group": _text(extras.get("group")),
        "ins_address": _text(fields.get("insurance_address")),
        "expiry": sheet.date(fields.get("insurance_expiry")),
        "holder": _text(extras.get("holder")),
    }
    if style["insurance_mode"] == "cloze":
        return sheet.cloze(base + 20, sheet.word("ins_cloze"), slots)
    row = sheet.cell_row(
        base + 40,
        124,
        [
            (sheet.word("company"), [slots["company"]], 2.2),
            (sheet.word("policy"), [slots["policy"]], 1.6),
            (sheet.word("group"), [slots["group"]], 0.9),
        ],
    )
    return sheet.cell_row(
        row + 16,
        124,
        [
            (sheet.word("ins_address"), [slots["ins_address"]], 2.4),
            (sheet.word("holder"), [slots["holder"]], 1.4),
            (sheet.word("expiry"), [slots["expiry"]], 0.9),
        ],
    )


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    sheet.emblem(LEFT + 40, 160, 36)
    page.text(LEFT + 110, 176, str(style["centre"]), "org", size=40, max_width=1300)
    title = f"{sheet.word('title')} \u2014 {sheet.word('cont')}"
    page.text(RIGHT, 176, title, "lbl", anchor="rs", max_width=800)
    sheet.line(LEFT, 226, RIGHT, 226, width=5, fill=sheet.colour)
    top = 250.0
    if style["running"]:
        base = top + 56
        sheet.rule_field(LEFT, base, 1400, sheet.word("running"), _text(fields.get("patient_name")))
        dob = sheet.date(fields.get("birth_date"), short_year=False)
        sheet.rule_field(1480, base, RIGHT, sheet.word("dob"), dob)
        top = base + 30
    top = _insurance(sheet, fields, extras, top + 30)
    # allergies
    top = sheet.section(top + 40, 7, "s_allergy")
    end = common.checkbox(
        page, LEFT, top + 50, checked=bool(extras.get("no_allergy")), mark=style["mark"], side=36
    )
    page.text(end + 18, top + 46, sheet.word("no_allergy"), "opt")
    allergies: Sequence[str] = fields.get("allergies") or []
    reactions: Sequence[str] = extras.get("reactions") or []
    rows = [[item, reactions[k] if k < len(reactions) else ""] for k, item in enumerate(allergies)]
    if not allergies and "allergies" in fields and not extras.get("no_allergy"):
        rows = [[_text(style["empty_list"]), ""]]
    top = sheet.table(
        top + 80, [(sheet.word("substance"), 1.3), (sheet.word("reaction"), 1.0)], rows, 4
    )
    # medicines: a schedule
    top = sheet.section(top + 40, 8, "s_meds")
    end = common.checkbox(
        page, LEFT, top + 50, checked=bool(extras.get("no_meds")), mark=style["mark"], side=36
    )
    page.text(end + 18, top + 46, sheet.word("no_meds"), "opt")
    medicines: Sequence[str] = fields.get("regular_medication") or []
    med_rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    rows = [[item, *(med_rows[k] if k < len(med_rows) else [])] for k, item in enumerate(medicines)]
    if not medicines and "regular_medication" in fields and not extras.get("no_meds"):
        rows = [[_text(style["empty_list"])]]
    times = sheet.parts("times")
    top = sheet.table(
        top + 80,
        [(sheet.word("med"), 1.6), (sheet.word("strength"), 0.7), *((t, 0.45) for t in times)],
        rows,
        5,
        ticks=(2, 3, 4, 5),
    )
    top = sheet.cloze(
        top + 40, sheet.word("consent"), {"name": _text(fields.get("patient_name"))}, step=78
    )
    base = min(max(top + 140, 2960.0), 3080.0)
    sheet.signature(LEFT, LEFT + 1100, base, sheet.word("sign"))
    _office_box(sheet, extras, 1420.0, base - 330, base + 40)
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


def _office_box(sheet: _Sheet, extras: Mapping[str, Any], x0: float, y0: float, y1: float) -> None:
    """The centre's box for its own use: oncologist, referral received, entered by."""
    page = sheet.page
    sheet.rect(x0, y0, RIGHT, y1, outline=FAINT, width=2)
    sheet.rect(x0, y0, RIGHT, y0 + 44, fill=SHADE, outline=None)
    page.text(x0 + 16, y0 + 32, sheet.word("office"), "caption")
    rows = (
        ("oncologist", _text(extras.get("oncologist"))),
        ("referred", sheet.date(extras.get("referred"))),
        ("entered", _text(extras.get("entered_by"))),
    )
    for k, (key, text) in enumerate(rows):
        y = y0 + 120 + 86 * k
        stop = page.text(x0 + 16, y, f"{sheet.word(key)}:", "caption")
        sheet.line(stop + 12, y + 10, RIGHT - 16, y + 10, width=1, fill=FAINT)
        sheet.value(stop + 24, y, text, RIGHT - stop - 50)


# --- prescription ---------------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    place = style["date_place"]
    date = sheet.date(fields.get("date"))
    # head
    sheet.emblem(LEFT + 50, 190)
    page.text(LEFT + 130, 182, str(style["centre"]), "org", max_width=1150)
    page.text(LEFT + 130, 224, str(style["unit_line"]), "org_small", max_width=1150)
    page.text(LEFT + 130, 262, f"{style['street']}, {style['city']}", "org_small", max_width=1150)
    page.text(LEFT + 130, 298, f"Tel {sheet.phone(style['phone'])}", "org_small")
    page.text(RIGHT, 170, sheet.word("title"), "title", anchor="rs", max_width=860)
    page.text(RIGHT, 214, sheet.word("sub"), "org_small", anchor="rs", max_width=860)
    head = 320.0
    if style["prescriber_printed"]:
        label = sheet.word("prescriber")
        name = _text(fields.get("prescriber"))
        width = page.width(name, "bold", 36)
        stop = page.text(RIGHT - width - 20 - page.width(label, "lbl"), 268, label, "lbl")
        page.text(stop + 20, 268, name, "bold", size=36, max_width=RIGHT - stop - 20)
    if place == "head":
        sheet.rule_field(1640, 330, RIGHT, sheet.word("date"), date)
        head = 350.0
    sheet.line(LEFT, head + 20, RIGHT, head + 20, width=5, fill=sheet.colour)
    top = head + 40
    # the treatment strip
    strip = [
        (sheet.word("regimen"), [_text(extras.get("regimen"))], 1.6),
        (sheet.word("cycle"), [_text(extras.get("cycle"))], 0.8),
        (sheet.word("day"), [_text(extras.get("cycle_day"))], 0.8),
    ]
    if style["consultant"]:
        strip.append((sheet.word("consultant"), [_text(extras.get("consultant"))], 2.4))
    top = sheet.cell_row(top + 10, 118, strip)
    # the patient
    name = _text(fields.get("patient_name"))
    address = _text(fields.get("patient_address"))
    if style["patient_mode"] == "cloze":
        key = "cloze_date" if place == "patient" else "cloze"
        slots = {"name": name, "address": address, "date": date}
        top = sheet.cloze(top + 20, sheet.word(key), slots)
    else:
        dob = sheet.date(extras.get("patient_dob"), short_year=False)
        row = sheet.cell_row(
            top + 20,
            118,
            [
                (sheet.word("name"), [name], 2.4),
                (sheet.word("hosp"), [_text(extras.get("hospital_no"))], 1.0),
                (sheet.word("dob"), [dob], 1.1),
            ],
        )
        street, _, rest = address.partition(", ")
        cells: list[tuple[str, Sequence[str], float]] = [
            (sheet.word("address"), [street, rest], 3.4)
        ]
        if place == "patient":
            cells.append((sheet.word("date"), [date], 1.1))
        top = sheet.cell_row(row + 16, 176, cells)
    top = sheet.cell_row(
        top + 30,
        118,
        [
            (sheet.word("height"), [_text(extras.get("height"))], 0.9),
            (sheet.word("weight"), [_text(extras.get("weight"))], 0.9),
            (sheet.word("bsa"), [_text(extras.get("bsa"))], 0.9),
            (sheet.word("allergies"), [_text(extras.get("rx_allergies"))], 2.2),
        ],
    )
    # the medicines
    glyph = fonts.RX_GLYPH if style["rx"] == "glyph" else "Rx"
    page.add_face("rx", str(style["rx_font"] or style["title_font"]), 110, bold=glyph == "Rx")
    page.text(LEFT, top + 130, glyph, "rx")
    medicines: Sequence[str] = fields.get("medicines") or []
    table: Sequence[Sequence[str]] = extras.get("table") or []
    rows = [[item, *(table[k] if k < len(table) else [])] for k, item in enumerate(medicines)]
    top = sheet.table(
        top + 40,
        [
            (sheet.word("med"), 2.5),
            (sheet.word("dose"), 0.7),
            (sheet.word("route"), 0.7),
            (sheet.word("often"), 0.9),
            (sheet.word("supply"), 0.8),
        ],
        rows,
        5,
        x0=LEFT + 200,
        row_h=84.0,
    )
    # directions
    base = top + 90
    page.text(LEFT, base, sheet.word("directions"), "bold")
    lines = _lines_in(page, _text(fields.get("directions")), RIGHT - LEFT - 100, 4)
    for k in range(4):
        y = base + 94 * (k + 1)
        sheet.line(LEFT + 20, y + 14, RIGHT, y + 14, width=1.5, fill=FAINT)
        if k < len(lines):
            sheet.value(LEFT + 36, y, lines[k], RIGHT - LEFT - 60)
    base += 94 * 4 + 110
    _refills(sheet, fields.get("refills"), base)
    base += 110
    sheet.rule_field(LEFT, base, 1160, sheet.word("next_due"), sheet.date(extras.get("next_due")))
    sheet.rule_field(1240, base, RIGHT, sheet.word("nurse"), _text(extras.get("nurse")))
    # foot
    base = max(base + 200, 2760.0)
    sheet.signature(LEFT, 1250, base, sheet.word("signature"))
    if place == "foot":
        sheet.line(1380, base, 1980, base, width=2.5, fill=OUTLINE)
        sheet.value(1400, base - 18, date, 560)
        page.text(1380, base + 36, sheet.word("date"), "lbl")
    base += 150
    if not style["prescriber_printed"]:
        sheet.line(LEFT, base, 1250, base, width=2, fill=OUTLINE)
        sheet.value(LEFT + 20, base - 16, fields.get("prescriber"), 1050)
        page.text(LEFT, base + 36, sheet.word("print"), "lbl")
    sheet.rule_field(1380, base - 10, 1980, sheet.word("bleep"), _text(extras.get("bleep")))
    # the pharmacy's box of initials
    x0, y0 = 2040.0, base - 260
    sheet.rect(x0, y0, RIGHT, base + 40, outline=FAINT, width=2)
    sheet.rect(x0, y0, RIGHT, y0 + 40, fill=SHADE, outline=None)
    page.text(x0 + 14, y0 + 30, sheet.word("pharmacy"), "caption", max_width=RIGHT - x0 - 24)
    initials: Sequence[str] = extras.get("pharmacy") or []
    for k, key in enumerate(sheet.parts("pharm_rows")):
        y = y0 + 104 + 84 * k
        stop = page.text(x0 + 14, y, key, "caption", max_width=180)
        sheet.line(stop + 10, y + 8, RIGHT - 14, y + 8, width=1, fill=FAINT)
        sheet.value(stop + 20, y, initials[k] if k < len(initials) else "", RIGHT - stop - 40)
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT - 100)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3205 + 27 * k, line, "fine")
    return page.image


def _refills(sheet: _Sheet, refills: Any, base: float) -> None:
    page = sheet.page
    end = page.text(LEFT, base, sheet.word("refills"), "bold")
    if sheet.style["refill_mode"] == "underline":
        options = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = options.index(str(refills)) if str(refills) in options else None
        x = sheet.underlined(end + 50, base, options, chosen, gap=60)
        stop = page.text(x + 70, base, f"{sheet.word('other')}:", "opt")
        sheet.line(stop + 14, base + 14, stop + 200, base + 14, width=1.5, fill=OUTLINE)
        if refills is not None and chosen is None:
            sheet.value(stop + 107, base, refills, 170, anchor="ms")
        return
    x = end + 40
    sheet.rect(x, base - 56, x + 150, base + 18, outline=OUTLINE, width=2)
    sheet.value(x + 75, base, _text(refills), 136, anchor="ms")
    page.text(x + 176, base, sheet.word("times"), "opt")


def render_pages(
    document_type: str,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    style: Mapping[str, Any],
    *,
    dpi: int,
    pages: int | None,
) -> list[Image.Image]:
    """The form's pages; ``pages=1`` draws only a record's first page."""
    return common.form_renderer((_prescription, _record_one, _record_two))(
        document_type, fields, extras, style, dpi=dpi, pages=pages
    )
