"""An allergy and asthma clinic's new-patient history and a hospital's discharge prescription.

Written blind as the held-out family of round 26 (then called ``heldout``): its author never read
the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the history
an allergy, asthma and immunology clinic has a new patient fill in before the first consultation;
the prescription is the sheet a hospital ward fills in when it sends a patient home: the
prescriptions written for the discharge, the home medicines to go on with and those to stop.

Both documents are printed in one colour per form (section titles, rules and the clinic's or
hospital's name); label wording is drawn per form from synonym lists. Dates are written in one
style per document (numeric month or day first, two-digit years on some copies, written months,
ISO; birth dates keep four-digit years); a day-first numeric document's record date (or
prescription date) has a day above 12. Telephones are written in one style per document.

Patient record (two pages).

* Page 1 head: a round emblem, the clinic's name, its specialty line and its street, telephone
  and fax (distractors) at the left; the form's title and a line asking for both sides to be
  completed at the right, over a rule in the colour. The record date is, per form, written on a
  rule after its label under the head at the right, written alone without a label in the top
  right corner, or the date beside the patient's signature at the foot of page 1.
* Section A, a *person matrix*: a ruled table whose first column holds the row labels and whose
  other columns are headed "patient", "emergency contact" and, on some forms, the primary care
  physician (a distractor column). Rows, in one of two orders per form: full name, relationship
  to the patient (the patient's cell is shaded and printed ``Self``), date of birth (shaded for
  the others), street, city / state / ZIP, country (on some forms only; a form without it has no
  country in the truth), home telephone and another (work or mobile) telephone. The patient's
  column gives ``patient_name``, ``birth_date``, ``address`` (its street, city line and country
  cells joined with ``", "``) and ``phone`` (the home row; the other row is a distractor); the
  contact's column gives ``emergency_contact_name``, ``emergency_contact_address`` (its street
  and city cells, and country when written, joined with ``", "``) and
  ``emergency_contact_phone`` (the home row; the other row and the relationship are
  distractors). The physician's column (name, office street and city, office telephone) is a
  distractor.
* A framed strip "for clinic staff": height and weight written in cells with their labels at the
  cells' left (the unit written after the number, or none), beside peak flow, oxygen saturation
  and temperature (distractors).
* Section B, the medical history: a checklist of conditions with a box before each, four to a
  row; the ticked ones are ``medical_problems`` in reading order, followed by those written on
  the "other conditions" rule. A copy in a capitals-only hand ticks nothing and writes every
  condition on the rule; none: nothing ticked, the rule blank or the copy's word for none. Then
  chickenpox and measles, each followed by the printed words ``IMMUNE / NOT IMMUNE``: per form
  the one that does not apply struck through by hand ("delete as appropriate"), or the one that
  does ringed by hand ("circle one"); neither marked leaves the field out. Then a block of
  yes / no questions whose ``Yes`` and ``No`` columns of boxes stand at the *left* of the
  questions; one of them (at a per-form place) asks about the hepatitis B vaccine
  (``hepatitis_b_vaccination``; both boxes blank leaves it out), the others are distractors.
* Foot: the signature line (with the date on the forms with the date at the foot), fine print and
  the page number.

Page 2: a compact head and, on some forms, a running row with the patient's name again. Section
C, allergies: a "no known allergies" box, then a ruled table of substance, reaction and year
(the first column is ``allergies``; the copy's word for none in its first row when none and the
box is not ticked). Section D, medicines: a table of medicine, dose and how often (the first
column is ``regular_medication``), or numbered rules with one medicine each, per form. Section E,
insurance: a sentence with two printed choices, "have" or "do not have" insurance, marked the
form's way (struck or ringed; ``has_insurance``; unanswered on some copies without insurance, then
left out). Then per form either a *ledger* (labels right-aligned against a vertical rule, values
on rules to its right: company, member or policy number with separators as written, group number,
policy holder, claims address on one line, coverage end date: group and holder are distractors)
or a framed area "attach a copy of your insurance card" holding a photocopy of the card's front
and back, printed in capitals in the card's own type: the front with the insurer's name
(``insurance_company``), a plan name, the member's name (a distractor), the member ID
(``policy_number``), the group number, an effective date (distractors) and a valid-through date
(``insurance_expiry``); the back with the claims address over two lines (street or PO box, then
city, state and ZIP: ``insurance_address`` joins them with ``", "``), member services and
pharmacy help-desk numbers and small print (distractors). A consent paragraph, the signature and
fine print.

Prescription (one page), the discharge sheet.

* Head: the hospital's name in the colour, its department line, street, city and switchboard
  telephone (distractors); the sheet's title at the right.
* A ruled patient grid (labels in the cells' top-left corners): the patient's name, the MRN and
  the date of birth (distractors but the name); the home address (``patient_address``) across a
  wide cell, the ward or unit and the admission date (distractors); on the forms with the date
  "in the grid", the discharge date (``date``) at the end of the second row.
* A row of the allergies written (distractor) and the discharge destination (printed options,
  one ringed: a distractor).
* Three sections in one of two orders per form: *new prescriptions* (an ℞ or ``Rx`` beside a
  table of medication and quantity: the medication column is ``medicines``, the quantity a
  distractor; under it the directions over ruled lines (``directions``) and the refills, written
  in a box after their label or as boxes ``0`` to ``5`` and ``PRN`` with one ticked and a larger
  number written after "other"); *home medicines to continue* (a table of medicine and how to
  take it, distractors) and *medicines to stop* (a table of medicine and reason, distractors).
  The order puts the new prescriptions first, or after the two home-medicine tables.
* Foot: the prescribing physician's name printed by hand on a rule (``prescriber``, titles
  kept), the signature, the NPI or pager (distractors), the date (``date``, on the forms with
  the date "at the foot") and the time (a distractor); the nurse who went over the list with the
  patient (a name with ``RN``, a distractor) and the patient's signature; fine print.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
INK_DARK = (28, 28, 28)
OUTLINE = (70, 70, 70)
SHADE = (226, 226, 226)

# fmt: off
COLOURS = ([24, 88, 120], [120, 40, 60], [46, 100, 50], [70, 50, 120], [40, 40, 40])
CLINICS = ("Cedar Valley Allergy & Asthma", "Northside Allergy and Immunology",
           "Bluewater Asthma & Allergy Center", "Prairie Allergy Associates",
           "Harbor Allergy, Asthma & Sinus", "Summit Allergy Clinic")
SPECIALTY_LINES = ("Allergy \u2022 Asthma \u2022 Immunology",
                   "Adult and pediatric allergy, asthma and immunology",
                   "Board-certified allergists \u2022 Allergy testing \u2022 Immunotherapy")
HOSPITALS = ("Saint Anselm Regional Hospital", "Good Shepherd Medical Center",
             "Riverbend Community Hospital", "Mount Carmel General Hospital",
             "Westfield Memorial Hospital", "Lakeshore University Hospital")
DEPARTMENTS = ("Department of Internal Medicine", "Inpatient Pharmacy Services",
               "Hospital Medicine Service", "Department of Surgery", "Cardiology Unit")
WARDS = ("4 West", "Ward 7B", "Med-Surg 3", "CCU", "5 North", "Ortho 2", "Step-down 6")
RELATIONS = ("Wife", "Husband", "Spouse", "Mother", "Father", "Sister", "Brother", "Son",
             "Daughter", "Partner", "Friend", "Neighbor")
REACTIONS = ("Hives", "Rash", "Swelling", "Itching", "Wheezing", "Anaphylaxis", "Sneezing",
             "Vomiting", "Runny nose")
FREQUENCIES = ("once a day", "twice a day", "daily", "at night", "as needed", "BID", "TID",
               "every morning")
DOSES = ("5 mg", "10 mg", "20 mg", "25 mg", "50 mg", "100 mg", "1 tab", "2 puffs", "1 spray")
PLANS = ("PPO", "HMO Select", "Choice Plus", "Gold 1500", "Open Access", "Silver HMO")
PHARMACIES = ("Walgreens", "CVS Pharmacy", "Rite Aid", "Kroger Pharmacy", "Main Street Drug",
              "Costco Pharmacy", "Hometown Pharmacy")
STOP_REASONS = ("replaced by new medicine", "kidney function", "low blood pressure",
                "no longer needed", "interaction", "side effects", "bleeding risk")
CHECKLIST = ("Asthma", "Eczema", "Allergic rhinitis", "Sleep apnea", "Acid reflux", "Migraine",
             "Hypertension", "Diabetes")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
DESTINATIONS = ("Home|Home with home health|Nursing facility|Other",
                "Home|Home health|SNF|Rehab|Other")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": ("New Patient History", "Allergy & Asthma Health History", "New Patient Intake"),
    "subtitle": (
        "Please complete both sides and bring this form to your first visit.",
        "Fill in both pages in ink before your appointment.",
        "Please print. Both pages must be completed before you are seen.",
    ),
    "date": ("Today's date", "Date completed", "Date"),
    "sec": ("{}.", "Section {}:", "Part {} \u2014"),
    "s_people": ("Patient and emergency contact", "About you", "Contact information"),
    "col_patient": ("Patient", "Patient", "Yourself"),
    "col_contact": ("Emergency contact", "In an emergency call", "Emergency contact person"),
    "col_doctor": ("Primary care physician", "Your family doctor", "Referring physician"),
    "r_name": ("Full name", "Name", "Name (first, last)"),
    "r_relation": ("Relationship to patient", "Relationship", "Relation to patient"),
    "r_dob": ("Date of birth", "Birth date", "DOB"),
    "r_street": ("Street address", "Address", "Street"),
    "r_city": ("City, State, ZIP", "City / State / Zip", "Town, state, zip"),
    "r_country": ("Country",),
    "r_home": ("Home phone", "Home telephone", "Phone (home)"),
    "r_other": ("Work / cell phone", "Other phone", "Mobile or work phone"),
    "self": ("Self", "SELF"),
    "staff": ("For clinic staff", "Clinic use only", "Nurse to complete"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "peak": ("Peak flow", "PEF"),
    "spo2": ("SpO2", "O2 sat"),
    "temp": ("Temp", "Temperature"),
    "s_symptoms": ("Allergy symptoms", "Your symptoms", "When do your symptoms occur?"),
    "symptom_col": ("Symptom", "Where", "Symptoms"),
    "seasons": ("Spring|Summer|Fall|Winter|All year", "Spring|Summer|Autumn|Winter|Year-round"),
    "symptom_rows": (
        "Nose (sneezing, congestion)|Eyes (itching, watering)|Chest (cough, wheeze)|"
        "Skin (hives, rash)",
        "Runny or stuffy nose|Itchy, watery eyes|Cough or wheezing|Hives or itching",
    ),
    "pharmacy": ("Preferred pharmacy", "Pharmacy you use", "Your pharmacy"),
    "pharmacy_phone": ("Pharmacy phone", "Phone"),
    "s_history": ("Medical history", "Your health history", "Past medical history"),
    "checklist_q": (
        "Tick every condition you have now or have had:",
        "Check all that apply:",
        "Have you been diagnosed with any of the following? (check all that apply)",
    ),
    "other": ("Other conditions", "Other medical problems", "Any other illness"),
    "chickenpox": ("Chickenpox (varicella)", "Chicken pox", "Varicella (chickenpox)"),
    "measles": ("Measles (rubeola)", "Measles", "Measles (MMR)"),
    "immune_words": ("IMMUNE|NOT IMMUNE", "Immune|Not immune"),
    "strike_note": (
        "(delete as appropriate)",
        "(cross out one)",
        "(strike out what does not apply)",
    ),
    "ring_note": ("(circle one)", "(circle)", "(circle the answer)"),
    "yes_no": ("Yes|No", "Y|N"),
    "hep_b": (
        "Have you completed the hepatitis B vaccine series?",
        "Have you had the hepatitis B vaccination?",
        "Hepatitis B vaccine received?",
    ),
    "q_epi": (
        "Have you ever used an epinephrine auto-injector (EpiPen)?",
        "Have you ever needed epinephrine for a reaction?",
    ),
    "q_er": (
        "Any emergency visits for asthma in the last 12 months?",
        "Have you been to the ER for breathing problems this year?",
    ),
    "q_smoke": ("Do you smoke or vape?", "Does anyone smoke in your home?"),
    "q_pets": ("Are there pets in your home?", "Do you have a cat or dog?"),
    "sign": ("Signature of patient or guardian", "Patient signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "page": ("Page {} of 2", "{} / 2", "p. {}"),
    "fine": (
        "Your answers are kept in your medical record and used only for your care. "
        "Bring all inhalers and medicines to your visit.",
        "Do not take antihistamines for five days before your visit unless your doctor tells you "
        "to; they stop the skin tests from working.",
    ),
    "running": ("Patient name", "Name", "Patient"),
    "cont": ("continued", "(continued)", "page 2"),
    "s_allergy": ("Allergies", "Known allergies", "Allergies and reactions"),
    "nka": ("No known allergies", "I have no allergies"),
    "allergy_col": ("Substance", "Allergic to", "What you react to"),
    "reaction_col": ("Reaction", "What happened"),
    "year_col": ("Year", "When"),
    "s_meds": ("Current medicines", "Medicines you take regularly", "Medications"),
    "med_col": ("Medicine", "Name of medicine", "Medication"),
    "dose_col": ("Dose", "Strength"),
    "freq_col": ("How often", "Times a day", "Frequency"),
    "meds_note": (
        "Include inhalers, nasal sprays, eye drops and vitamins.",
        "List every medicine, including inhalers and over-the-counter ones.",
    ),
    "s_home": ("Your home", "Home environment", "Where you live"),
    "home_rows": (
        "Type of home:House,Apartment,Mobile home|Heating:Forced air,Radiators,Wood stove|"
        "Bedroom floor:Carpet,Wood,Tile|Mold or damp:Yes,No,Not sure",
        "Home:House,Apartment,Other|Heating:Gas,Electric,Wood|Floors:Carpet,Hard floors,Both|"
        "Visible mold:Yes,No,Not sure",
    ),
    "s_insurance": ("Insurance", "Health insurance", "Insurance information"),
    "ins_sentence": ("I {} medical insurance.", "I {} health insurance coverage."),
    "ins_words": ("HAVE|DO NOT HAVE", "have|do not have"),
    "company": ("Insurance company", "Insurer", "Name of insurance company"),
    "policy": ("Member ID / Policy no.", "Policy number", "Member ID"),
    "group": ("Group no.", "Group number"),
    "holder": ("Policy holder", "Subscriber", "Name of insured"),
    "ins_address": ("Claims address", "Insurance address", "Send claims to"),
    "expiry": ("Coverage ends", "Expiry date", "Valid until"),
    "card_box": (
        "Attach a copy of the front and back of your insurance card here",
        "Insurance card (front and back) \u2014 staff will photocopy",
        "Copy of insurance card",
    ),
    "consent": (
        "I confirm that the information above is correct, and I consent to allergy testing and "
        "treatment by the clinic's physicians.",
        "I agree that the clinic may bill my insurer and that I am responsible for any amount "
        "my insurance does not pay.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": (
        "DISCHARGE PRESCRIPTION AND MEDICATION LIST",
        "Discharge Medication Reconciliation",
        "Going Home: Your Medicines",
    ),
    "switchboard": ("Switchboard", "Main", "Tel"),
    "patient": ("Patient name", "Name", "Patient"),
    "mrn": ("MRN", "Medical record no.", "Hospital no."),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "address": ("Home address", "Address", "Discharge address"),
    "ward": ("Ward / unit", "Unit", "Nursing unit"),
    "admitted": ("Admitted", "Admission date", "Date admitted"),
    "date": ("Discharge date", "Date of discharge", "Discharged"),
    "allergies": ("Allergies", "Allergies / intolerances", "Drug allergies"),
    "destination": ("Discharged to", "Going to", "Discharge destination"),
    "new": ("New prescriptions", "Prescriptions for discharge", "Start taking"),
    "new_note": ("send to pharmacy", "new or changed", "filled at discharge"),
    "continue": ("Continue these home medicines", "Home medicines: keep taking", "Continue"),
    "stop": ("Stop taking these medicines", "Stop", "Do not take"),
    "med_col": ("Medication and strength", "Medicine", "Drug, strength, form"),
    "qty_col": ("Quantity", "Qty", "Dispense"),
    "how_col": ("How to take", "Dose and frequency", "Instructions"),
    "why_col": ("Reason", "Why stopped", "Reason stopped"),
    "directions": ("Directions for the patient:", "Sig:", "Directions:", "How to take:"),
    "refills": ("Refills:", "Refills authorized:", "Number of refills:"),
    "other": ("other", "Other"),
    "prescriber": (
        "Prescribing physician (print name)",
        "Discharging physician (print)",
        "Prescriber's name",
    ),
    "signature": ("Signature", "Physician signature", "Signed"),
    "npi": ("NPI", "Pager", "Ext."),
    "sign_date": ("Date", "Date signed"),
    "time": ("Time", "Time signed"),
    "nurse": (
        "Reviewed with patient by",
        "Medication list explained by (nurse)",
        "Nurse reviewing",
    ),
    "patient_sign": ("Patient or caregiver signature", "Patient signature"),
    "fine": (
        "Take this list to every appointment. Ask your pharmacist before taking any other "
        "medicine, vitamin or herbal product.",
        "Throw away any old lists. Prescriptions not filled within 30 days must be rewritten.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(27, 30), value_size=(40, 44)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        style.update(
            hospital=rnd.choice(HOSPITALS),
            department=rnd.choice(DEPARTMENTS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            destinations=rnd.choice(DESTINATIONS),
            new_first=rnd.random() < 0.55,
            date_place=rnd.choice(("grid", "foot")),
            refill_mode=rnd.choice(("box", "boxes")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            prescriber_written=True,
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        clinic=rnd.choice(CLINICS),
        specialty=rnd.choice(SPECIALTY_LINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("head", "head", "corner", "foot")),
        doctor_column=rnd.random() < 0.6,
        country_row=rnd.random() < 0.7,
        row_order=rnd.choice(("identity_first", "address_first")),
        choice_mode=rnd.choice(("strike", "ring")),
        hep_b_row=rnd.randint(0, 4),
        section_style=rnd.choice(("band", "rule")),
        running=rnd.random() < 0.6,
        med_mode=rnd.choice(("table", "lines")),
        insurance_mode=rnd.choice(("card", "ledger")),
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


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    capitals = fonts.family(style["value_font"]).all_caps
    lines = list(base["address_lines"])
    if not style["country_row"] and len(lines) > 2:
        lines = lines[:2]
        fields["address"] = ", ".join(lines)
    contact = fields.get("emergency_contact_address")
    if contact and not style["country_row"]:
        parts = render.split_address(contact)
        fields["emergency_contact_address"] = ", ".join(parts[:2])
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "mobile": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "peak_flow": str(rnd.choice(range(250, 650, 10))) if rnd.random() < 0.6 else None,
        "spo2": str(rnd.randint(94, 100)) if rnd.random() < 0.6 else None,
        "temp": rnd.choice(("98.6", "98.2", "97.9", "99.1", "36.8", "37.0"))
        if rnd.random() < 0.4
        else None,
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    if style["doctor_column"] and rnd.random() < 0.85:
        title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
        extras["doctor_name"] = (
            f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"
        )
        extras["doctor_street"] = values.street_line(rnd) if rnd.random() < 0.7 else None
        extras["doctor_city"] = (
            values.city_line(rnd) if extras["doctor_street"] and rnd.random() < 0.9 else None
        )
        extras["doctor_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
    problems: list[str] = fields["medical_problems"]
    marked = [] if capitals else [item for item in CHECKLIST if item in problems]
    fields["medical_problems"] = marked + [item for item in problems if item not in marked]
    extras["conditions_marked"] = marked
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if key in fields and rnd.random() < 0.06:
            del fields[key]  # the question left unanswered
    # the seasons ticked for each symptom row (distractors)
    extras["seasons"] = [
        sorted(rnd.sample(range(5), rnd.choice((0, 1, 1, 2, 3)))) for _ in range(4)
    ]
    # the distractor yes / no questions: 0 yes, 1 no, None blank
    extras["answers"] = [rnd.choice((0, 1, 1, 1, None)) for _ in range(4)]
    # page 2
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.75 else "" for _ in fields["allergies"]
    ]
    extras["years"] = [
        str(rnd.randint(max(1950, record.year - 40), record.year)) if rnd.random() < 0.5 else ""
        for _ in fields["allergies"]
    ]
    extras["nka"] = not fields["allergies"] and rnd.random() < 0.6
    if rnd.random() < 0.75:
        street = f"{rnd.choice(values.STREET_NAMES)} {rnd.choice(('St', 'Ave', 'Rd'))}"
        extras["pharmacy"] = f"{rnd.choice(PHARMACIES)}, {street}"
        extras["pharmacy_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
    extras["home"] = [rnd.choice((0, 1, 2, None)) for _ in range(4)]
    extras["med_rows"] = [
        [rnd.choice(DOSES) if rnd.random() < 0.8 else "", rnd.choice(FREQUENCIES)]
        for _ in fields["regular_medication"]
    ]
    if fields.get("has_insurance") == "yes":
        printed = base["policy_number_printed"]
        extras["policy_number_printed"] = printed
        extras["group"] = f"{rnd.choice(('', 'G', 'GRP'))}{_digits(rnd, 5)}"
        if rnd.random() < 0.3:
            extras["group"] = None
        holder = fields["patient_name"] if rnd.random() < 0.6 else values.person_name(rnd)
        extras["holder"] = holder
        if style["insurance_mode"] == "card":
            # the card is printed in capitals, and the truth is what it prints
            fields["insurance_company"] = fields["insurance_company"].upper()
            if "insurance_address" in fields:
                fields["insurance_address"] = fields["insurance_address"].upper()
            extras["policy_number_printed"] = printed.upper()
            extras["holder"] = holder.upper()
            extras["plan"] = rnd.choice(PLANS) if rnd.random() < 0.8 else None
            if "insurance_expiry" in fields:
                start = dt.date.fromisoformat(fields["insurance_expiry"]) - dt.timedelta(
                    days=rnd.choice((364, 365, 730))
                )
                extras["effective"] = start.isoformat()
            else:
                extras["effective"] = (record - dt.timedelta(days=rnd.randint(30, 600))).isoformat()
            extras["services"] = f"1-800-555-01{rnd.randint(0, 99):02d}"
            extras["rx_help"] = f"1-877-555-01{rnd.randint(0, 99):02d}"
        elif rnd.random() < 0.25:
            extras["holder"] = None
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    return fields, extras, style


def _how(rnd: random.Random, drug: tuple[str, tuple[str, ...], str, str]) -> str:
    """How a home medicine is taken, as the nurse writes it."""
    unit = drug[3] or "puffs"
    count = "2" if unit == "puffs" else rnd.choice(("1", "1", "2"))
    plural = "s" if count == "2" and unit != "puffs" else ""
    return f"{count} {unit}{plural} {rnd.choice(FREQUENCIES)}"


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    admitted = written - dt.timedelta(days=rnd.randint(1, 12))
    birth = dt.date(written.year - rnd.randint(18, 92), rnd.randint(1, 12), rnd.randint(1, 28))
    prescribed = {line.split()[0] for line in fields["medicines"]}
    others = [drug for drug in values.DRUGS if drug[0] not in prescribed]
    picked = rnd.sample(others, rnd.randint(0, 3) + rnd.randint(0, 2))
    split = rnd.randint(0, len(picked))
    keep, stop = picked[:split], picked[split:]
    allergies = values.ALLERGIES[:10]
    extras: dict[str, Any] = {
        "mrn": f"{rnd.choice(('', 'M', 'MRN'))}{_digits(rnd, rnd.choice((7, 8)))}"
        if rnd.random() < 0.9
        else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.85 else None,
        "ward": rnd.choice(WARDS) if rnd.random() < 0.8 else None,
        "admitted": admitted.isoformat() if rnd.random() < 0.8 else None,
        "rx_allergies": rnd.choice(
            ("NKDA", "NKDA", "None known", ", ".join(rnd.sample(allergies, rnd.randint(1, 2))))
        )
        if rnd.random() < 0.9
        else None,
        "destination": rnd.choice((0, 0, 0, 1, 2, None)),
        "quantities": [
            f"{rnd.choice((14, 20, 28, 30, 60, 90))}{rnd.choice(('', '', ' tabs', ' caps'))}"
            if rnd.random() < 0.85
            else ""
            for _ in fields["medicines"]
        ],
        "continue_rows": [[values.medicine_line(rnd, drug), _how(rnd, drug)] for drug in keep],
        "stop_rows": [
            [
                values.medicine_line(rnd, drug),
                rnd.choice(STOP_REASONS) if rnd.random() < 0.7 else "",
            ]
            for drug in stop
        ],
        "npi": _digits(rnd, 10 if style["labels"]["npi"] == "NPI" else rnd.choice((4, 5)))
        if rnd.random() < 0.7
        else None,
        "time": f"{rnd.randint(8, 19)}:{rnd.choice(('00', '15', '30', '45', '10', '50'))}"
        if rnd.random() < 0.7
        else None,
        "nurse": f"{values.person_name(rnd)}, RN" if rnd.random() < 0.75 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


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
        faces["corner"] = render.Face(label.regular, 23, (80, 80, 80))
        faces["opt"] = render.Face(label.regular, size + 2, INK_DARK)
        faces["colhead"] = render.Face(label.bold, size, INK_DARK)
        faces["section"] = render.Face(title.bold, 36, self.colour)
        faces["section_white"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 46, INK_DARK)
        faces["note"] = render.Face(label.regular, 24, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))
        mono = next(
            (f for f in fonts.families(handwriting=False) if "Mono" in f.name),
            fonts.family(style["label_font"]),
        )
        faces["card_big"] = render.Face(title.bold, 44, (20, 20, 20))
        faces["card"] = render.Face(label.regular, 24, (40, 40, 40))
        faces["card_value"] = render.Face(mono.bold, 32, (15, 15, 15))

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

    def section(self, top: float, letter: str, key: str) -> float:
        """A section's title (a band or a coloured title over a rule); returns the body's top."""
        page = self.page
        heading = f"{self.word('sec').format(letter)} {self.word(key)}"
        if self.style.get("section_style") == "band":
            self.rect(LEFT, top, RIGHT, top + 56, fill=self.colour, outline=None)
            page.text(LEFT + 18, top + 42, heading, "section_white", max_width=RIGHT - LEFT - 40)
            return top + 76
        self.rect(LEFT, top + 8, LEFT + 26, top + 50, fill=self.colour, outline=None)
        page.text(LEFT + 44, top + 46, heading, "section", max_width=RIGHT - LEFT - 60)
        self.line(LEFT, top + 62, RIGHT, top + 62, width=3, fill=self.colour)
        return top + 82

    def strike(self, x0: float, x1: float, base: float) -> None:
        """A hand's stroke through a printed word."""
        jitter = self.page.jitter
        y0 = base - 12 + jitter.uniform(-4, 4)
        y1 = base - 14 + jitter.uniform(-6, 6)
        self.line(x0 - 10, y0, x1 + 10, y1, width=6, fill=self.ink())

    def choice(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float
    ) -> float:
        """Printed options, separated by slashes: the others struck through or the one ringed."""
        page = self.page
        strike = self.style.get("choice_mode") == "strike"
        for k, text in enumerate(options):
            if k:
                x = page.text(x + gap / 2, base, "/", "opt") + gap / 2
            end = page.text(x, base, text, "opt")
            if chosen is not None:
                if strike and k != chosen:
                    self.strike(x, end, base)
                elif not strike and k == chosen:
                    size = page.faces["opt"].size
                    page.ellipse_by_hand(
                        (x - 26, base - size - 20, end + 26, base + 20), self.ink()
                    )
            x = end
        return x

    def fine_print(self, text: str, right: str) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 300)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3200 + 27 * k, line, "fine")
        if right:
            page.text(RIGHT, 3200, right, "fine", anchor="rs")

    def table(
        self,
        top: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str]],
        count: int,
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        row_h: float = 76.0,
    ) -> float:
        """A ruled table: a tinted header row, then ``count`` rows; returns its bottom."""
        page = self.page
        head_h = 52.0
        count = max(count, len(rows))
        bottom = top + head_h + row_h * count
        tint = tuple(255 - (255 - c) // 7 for c in self.colour)
        self.rect(x0, top, x1, top + head_h, fill=tint, outline=None)
        self.rect(x0, top, x1, bottom, outline=OUTLINE, width=2)
        total = sum(weight for _, weight in columns)
        edges = [x0]
        for _, weight in columns:
            edges.append(edges[-1] + (x1 - x0) * weight / total)
        for k, (title, _) in enumerate(columns):
            page.text(
                edges[k] + 14, top + 37, title, "colhead", max_width=edges[k + 1] - edges[k] - 28
            )
            if k:
                self.line(edges[k], top, edges[k], bottom, width=2, fill=OUTLINE)
        for r in range(count):
            y = top + head_h + row_h * r
            self.line(x0, y, x1, y, width=1.5, fill=(130, 130, 130))
            if r < len(rows):
                for k, text in enumerate(rows[r]):
                    if text:
                        page.text(
                            edges[k] + 16,
                            y + row_h - 20,
                            text,
                            "value",
                            max_width=edges[k + 1] - edges[k] - 32,
                        )
        return bottom


def _lines_in(page: render.Page, text: str, width: float, most: int) -> list[str]:
    lines = render.wrap(page, text, "value", width) if text else []
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


def _measure(value: Any, unit: Any) -> str:
    if value is None:
        return ""
    return f"{render.format_number(value)} {_text(unit)}".strip()


# --- patient record -------------------------------------------------------------------------


def _emblem(sheet: _Sheet, cx: float, cy: float, radius: float) -> None:
    """A round emblem: a ring with a stylised leaf (or lungs) inside."""
    page = sheet.page
    page.draw.ellipse(
        [page.px(cx - radius), page.px(cy - radius), page.px(cx + radius), page.px(cy + radius)],
        outline=sheet.colour,
        width=max(1, page.px(6)),
    )
    for side in (-1, 1):
        x0 = cx + side * 10 if side > 0 else cx - radius * 0.62
        x1 = cx + radius * 0.62 if side > 0 else cx - 10
        page.draw.ellipse(
            [page.px(x0), page.px(cy - radius * 0.5), page.px(x1), page.px(cy + radius * 0.55)],
            fill=sheet.colour,
        )
    sheet.line(cx, cy - radius * 0.75, cx, cy + 10, width=8, fill=(255, 255, 255))


def _record_head(sheet: _Sheet, fields: Mapping[str, Any]) -> float:
    page = sheet.page
    style = sheet.style
    _emblem(sheet, LEFT + 60, 190, 58)
    x = LEFT + 150
    page.text(x, 170, str(style["clinic"]), "org", max_width=1150)
    page.text(x, 212, str(style["specialty"]), "org_small", max_width=1150)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  Tel {sheet.phone(style['phone'])}"
        f"  \u2022  Fax {sheet.phone(style['fax'])}"
    )
    page.text(x, 250, contact, "org_small", max_width=1150)
    title_base = 190.0
    if style["date_place"] == "corner":
        page.text(RIGHT - 10, 150, sheet.date(fields.get("record_date")), "value", anchor="rs")
        title_base = 230.0
    page.text(RIGHT, title_base, sheet.word("title"), "title", anchor="rs", max_width=880)
    page.text(RIGHT, title_base + 36, sheet.word("subtitle"), "note", anchor="rs", max_width=880)
    sheet.line(LEFT, 290, RIGHT, 290, width=6, fill=sheet.colour)
    top = 310.0
    if style["date_place"] == "head":
        base = 400.0
        x1 = RIGHT
        x0 = x1 - 560
        page.text(x0 - 20, base, f"{sheet.word('date')}:", "bold", anchor="rs")
        sheet.line(x0, base + 14, x1, base + 14, width=2, fill=OUTLINE)
        page.text(x0 + 20, base, sheet.date(fields.get("record_date")), "value", max_width=520)
        top = 440.0
    return top


def _matrix(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top, "A", "s_people")
    lines = common.address_lines(fields, extras)
    contact = render.split_address(_text(fields.get("emergency_contact_address")))
    contact += [""] * (3 - len(contact))
    doctor = bool(style.get("doctor_column"))
    shaded = "\u0000"  # a cell the form shades: it does not apply to that column
    rows: list[tuple[str, list[str]]] = [
        (
            "r_name",
            [
                _text(fields.get("patient_name")),
                _text(fields.get("emergency_contact_name")),
                _text(extras.get("doctor_name")),
            ],
        ),
        ("r_relation", ["\u0001", _text(extras.get("relation")), shaded]),
        ("r_dob", [sheet.date(fields.get("birth_date"), short_year=False), shaded, shaded]),
        ("r_street", [_text(lines[0]), contact[0], _text(extras.get("doctor_street"))]),
        ("r_city", [_text(lines[1]), contact[1], _text(extras.get("doctor_city"))]),
        ("r_country", [_text(lines[2]), contact[2], shaded]),
        (
            "r_home",
            [
                sheet.phone(fields.get("phone")),
                sheet.phone(fields.get("emergency_contact_phone")),
                shaded,
            ],
        ),
        (
            "r_other",
            [
                sheet.phone(extras.get("mobile")),
                sheet.phone(extras.get("emergency_work_phone")),
                sheet.phone(extras.get("doctor_phone")),
            ],
        ),
    ]
    if not style.get("country_row"):
        rows = [row for row in rows if row[0] != "r_country"]
    if style.get("row_order") == "address_first":
        order = (
            "r_name",
            "r_street",
            "r_city",
            "r_country",
            "r_home",
            "r_other",
            "r_dob",
            "r_relation",
        )
        rows.sort(key=lambda row: order.index(row[0]))
    heads = ["col_patient", "col_contact"] + (["col_doctor"] if doctor else [])
    weights = [1.15, 1.15, 0.85][: len(heads)]
    label_w = 400.0
    total = sum(weights)
    edges = [LEFT + label_w]
    for weight in weights:
        edges.append(edges[-1] + (RIGHT - LEFT - label_w) * weight / total)
    head_h, row_h = 56.0, 84.0
    bottom = top + head_h + row_h * len(rows)
    tint = tuple(255 - (255 - c) // 6 for c in sheet.colour)
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=tint, outline=None)
    for k, key in enumerate(heads):
        page.text(
            (edges[k] + edges[k + 1]) / 2,
            top + 40,
            sheet.word(key),
            "colhead",
            anchor="ms",
            max_width=edges[k + 1] - edges[k] - 20,
        )
    for r, (key, cells) in enumerate(rows):
        y = top + head_h + row_h * r
        page.text(LEFT + 14, y + row_h - 28, sheet.word(key), "lbl", max_width=label_w - 24)
        for k in range(len(heads)):
            x0, x1 = edges[k], edges[k + 1]
            text = cells[k]
            if text == shaded:
                sheet.rect(x0, y, x1, y + row_h, fill=SHADE, outline=None)
            elif text == "\u0001":
                sheet.rect(x0, y, x1, y + row_h, fill=SHADE, outline=None)
                page.text(x0 + 18, y + row_h - 26, sheet.word("self"), "opt")
            elif text:
                page.text(x0 + 18, y + row_h - 22, text, "value", max_width=x1 - x0 - 50)
        sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=(120, 120, 120))
    for x in edges:
        sheet.line(x, top, x, bottom, width=2, fill=OUTLINE)
    sheet.rect(LEFT, top, RIGHT, bottom, outline=OUTLINE, width=3)
    return bottom


def _staff_strip(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    page.text(LEFT, top + 30, sheet.word("staff"), "colhead")
    box_top = top + 44
    height = 92.0
    cells = [
        ("height", _measure(fields.get("height"), extras.get("height_unit")), 1.0),
        ("weight", _measure(fields.get("weight"), extras.get("weight_unit")), 1.0),
        ("peak", _text(extras.get("peak_flow")), 0.9),
        ("spo2", _text(extras.get("spo2")), 0.75),
        ("temp", _text(extras.get("temp")), 0.75),
    ]
    total = sum(weight for *_, weight in cells)
    x = LEFT
    for key, value, weight in cells:
        w = (RIGHT - LEFT) * weight / total
        sheet.rect(x, box_top, x + w, box_top + height, outline=OUTLINE, width=2)
        end = page.text(x + 14, box_top + 58, f"{sheet.word(key)}:", "bold")
        if value:
            page.text(end + 18, box_top + 62, value, "value", max_width=x + w - end - 30)
        x += w
    sheet.rect(LEFT, box_top, RIGHT, box_top + height, outline=OUTLINE, width=3)
    return box_top + height


def _symptoms(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """Which seasons each symptom comes in: a table of boxes (distractors all)."""
    page = sheet.page
    top = sheet.section(top, "B", "s_symptoms")
    seasons = sheet.parts("seasons")
    label_w = 820.0
    column_w = (RIGHT - LEFT - label_w) / len(seasons)
    head_h, row_h = 50.0, 62.0
    rows = sheet.parts("symptom_rows")
    bottom = top + head_h + row_h * len(rows)
    tint = tuple(255 - (255 - c) // 7 for c in sheet.colour)
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=tint, outline=None)
    page.text(LEFT + 14, top + 36, sheet.word("symptom_col"), "colhead")
    for k, season in enumerate(seasons):
        x = LEFT + label_w + column_w * k
        page.text(
            x + column_w / 2, top + 36, season, "colhead", anchor="ms", max_width=column_w - 10
        )
        sheet.line(x, top, x, bottom, width=1.5, fill=OUTLINE)
    ticked: Sequence[Sequence[int]] = extras.get("seasons") or []
    for r, label in enumerate(rows):
        y = top + head_h + row_h * r
        sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=(130, 130, 130))
        page.text(LEFT + 14, y + 44, label, "opt", max_width=label_w - 28)
        chosen = ticked[r] if r < len(ticked) else []
        for k in range(len(seasons)):
            x = LEFT + label_w + column_w * (k + 0.5) - 18
            common.checkbox(page, x, y + 50, checked=k in chosen, mark=sheet.style["mark"], side=36)
    sheet.rect(LEFT, top, RIGHT, bottom, outline=OUTLINE, width=2)
    return bottom


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top, "C", "s_history")
    page.text(LEFT, top + 24, sheet.word("checklist_q"), "lbl", max_width=RIGHT - LEFT)
    marked = {item.upper() for item in extras.get("conditions_marked") or []}
    column_w = (RIGHT - LEFT) / 4
    base = top + 90
    for k, condition in enumerate(CHECKLIST):
        x = LEFT + column_w * (k % 4)
        y = base + 66 * (k // 4)
        end = common.checkbox(
            page, x, y + 4, checked=condition.upper() in marked, mark=style["mark"], side=36
        )
        page.text(end + 18, y, condition, "opt", max_width=column_w - 80)
    base += 66 * ((len(CHECKLIST) + 3) // 4) + 20
    problems: Sequence[str] = fields.get("medical_problems") or []
    written = [item for item in problems if item.upper() not in marked]
    other = ", ".join(written)
    if not problems and "medical_problems" in fields:
        other = _text(style.get("empty_list"))
    end = page.text(LEFT, base, f"{sheet.word('other')}:", "bold")
    sheet.line(end + 16, base + 14, RIGHT, base + 14, width=2, fill=OUTLINE)
    if other:
        page.text(end + 30, base, other, "value", max_width=RIGHT - end - 50)
    # immunity
    base += 110
    strike = style.get("choice_mode") == "strike"
    note = sheet.word("strike_note" if strike else "ring_note")
    options = sheet.parts("immune_words")
    status = {"immune": 0, "not immune": 1}
    label_w = max(page.width(sheet.word(key), "bold") for key in ("chickenpox", "measles"))
    for key, name in (("chickenpox", "chicken_pox"), ("measles", "measles")):
        page.text(LEFT, base, f"{sheet.word(key)}:", "bold")
        value = fields.get(name)
        end = sheet.choice(
            LEFT + label_w + 60,
            base,
            options,
            status.get(_text(value)) if value else None,
            gap=80,
        )
        page.text(end + 50, base, note, "note")
        base += 86
    # the yes / no block: the answer columns at the left of the questions
    base += 10
    yes, no = sheet.parts("yes_no")
    col_yes, col_no = LEFT + 10, LEFT + 100
    page.text(col_yes + 18, base, yes, "colhead", anchor="ms")
    page.text(col_no + 18, base, no, "colhead", anchor="ms")
    questions: list[tuple[str, int | None]] = [
        (sheet.word(key), answer)
        for key, answer in zip(
            ("q_epi", "q_er", "q_smoke", "q_pets"), extras.get("answers") or [None] * 4, strict=True
        )
    ]
    hep_b = {"yes": 0, "no": 1}.get(_text(fields.get("hepatitis_b_vaccination")))
    questions.insert(int(style.get("hep_b_row", 0)), (sheet.word("hep_b"), hep_b))
    for question, answer in questions:
        base += 64
        common.checkbox(page, col_yes, base + 4, checked=answer == 0, mark=style["mark"], side=36)
        common.checkbox(page, col_no, base + 4, checked=answer == 1, mark=style["mark"], side=36)
        page.text(LEFT + 190, base, question, "opt", max_width=RIGHT - LEFT - 200)
        sheet.line(LEFT + 180, base + 16, RIGHT, base + 16, width=1, fill=(190, 190, 190))
    return base + 30


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _record_head(sheet, fields)
    top = _matrix(sheet, fields, extras, top + 10)
    top = _staff_strip(sheet, fields, extras, top + 16)
    top = _symptoms(sheet, extras, top + 30)
    top = _history(sheet, fields, extras, top + 30)
    base = max(top + 150, 3020.0)
    sheet.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 620, base - 8, sheet.ink())
    page.text(LEFT, base + 34, sheet.word("sign"), "lbl")
    if style["date_place"] == "foot":
        x0 = 1500.0
        sheet.line(x0, base, RIGHT, base, width=2.5, fill=OUTLINE)
        page.text(x0 + 20, base - 18, sheet.date(fields.get("record_date")), "value")
        page.text(x0, base + 34, sheet.word("sign_date"), "lbl")
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


def _card(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], x0: float, y0: float
) -> None:
    """The photocopy of an insurance card's front (left) and back (right)."""
    page = sheet.page
    w, h = 1000.0, 630.0
    grey = (222, 222, 222)
    for k in range(2):
        x = x0 + k * (w + 60)
        page.draw.rounded_rectangle(
            [page.px(x), page.px(y0), page.px(x + w), page.px(y0 + h)],
            radius=page.px(44),
            fill=grey,
            outline=(90, 90, 90),
            width=max(1, page.px(3)),
        )
    # front
    x = x0 + 40
    page.text(x, y0 + 80, _text(fields.get("insurance_company")), "card_big", max_width=w - 80)
    plan = _text(extras.get("plan"))
    if plan:
        page.text(x0 + w - 40, y0 + 130, plan.upper(), "card", anchor="rs")
    sheet.line(x0 + 30, y0 + 150, x0 + w - 30, y0 + 150, width=3, fill=(90, 90, 90))
    rows = [
        ("MEMBER NAME", _text(extras.get("holder"))),
        ("MEMBER ID", _text(extras.get("policy_number_printed") or fields.get("policy_number"))),
        ("GROUP NO.", _text(extras.get("group"))),
    ]
    y = y0 + 200
    for label, value in rows:
        page.text(x, y, label, "card")
        if value:
            page.text(x + 250, y + 2, value, "card_value", max_width=w - 320)
        y += 78
    y += 20
    page.text(x, y, "EFFECTIVE", "card")
    page.text(x + 180, y + 2, sheet.date(extras.get("effective")), "card_value", max_width=300)
    expiry = sheet.date(fields.get("insurance_expiry"))
    if expiry:
        page.text(x + 500, y, "VALID THRU", "card")
        page.text(x + 690, y + 2, expiry, "card_value", max_width=w - 740)
    page.text(x, y0 + h - 40, "Present this card at every visit.", "card")
    # back
    x = x0 + w + 60 + 40
    y = y0 + 80
    page.text(x, y, "SUBMIT CLAIMS TO:", "card")
    address = _text(fields.get("insurance_address"))
    street, _, rest = address.partition(", ")
    for line in (street, rest):
        y += 52
        if line:
            page.text(x, y, line, "card_value", max_width=w - 80)
    y += 90
    page.text(x, y, "MEMBER SERVICES", "card")
    page.text(x + 380, y + 2, _text(extras.get("services")), "card_value", max_width=w - 460)
    y += 60
    page.text(x, y, "PHARMACY HELP", "card")
    page.text(x + 380, y + 2, _text(extras.get("rx_help")), "card_value", max_width=w - 460)
    y += 80
    for line in (
        "This card does not guarantee coverage. Possession of this card",
        "does not entitle you to benefits. Report a lost card at once.",
    ):
        page.text(x, y, line, "card")
        y += 34


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _emblem(sheet, LEFT + 36, 150, 34)
    page.text(LEFT + 90, 168, str(style["clinic"]), "org", size=38, max_width=1200)
    title = f"{sheet.word('title')} \u2014 {sheet.word('cont')}"
    page.text(RIGHT, 168, title, "lbl", anchor="rs", max_width=900)
    sheet.line(LEFT, 200, RIGHT, 200, width=5, fill=sheet.colour)
    top = 230.0
    if style.get("running"):
        base = top + 60
        end = page.text(LEFT, base, f"{sheet.word('running')}:", "bold")
        sheet.line(end + 16, base + 14, 1500, base + 14, width=2, fill=OUTLINE)
        page.text(end + 30, base, _text(fields.get("patient_name")), "value", max_width=1400 - end)
        top = base + 40
    # allergies
    top = sheet.section(top + 20, "D", "s_allergy")
    allergies: Sequence[str] = fields.get("allergies") or []
    reactions: Sequence[str] = extras.get("reactions") or []
    years: Sequence[str] = extras.get("years") or []
    end = common.checkbox(
        page, LEFT, top + 36, checked=bool(extras.get("nka")), mark=style["mark"], side=36
    )
    page.text(end + 18, top + 32, sheet.word("nka"), "opt")
    rows: list[list[str]] = [
        [item, reactions[k] if k < len(reactions) else "", years[k] if k < len(years) else ""]
        for k, item in enumerate(allergies)
    ]
    if not allergies and "allergies" in fields and not extras.get("nka"):
        rows = [[_text(style.get("empty_list")), "", ""]]
    top = sheet.table(
        top + 64,
        [
            (sheet.word("allergy_col"), 1.3),
            (sheet.word("reaction_col"), 1.1),
            (sheet.word("year_col"), 0.4),
        ],
        rows,
        3,
    )
    # medicines
    top = sheet.section(top + 40, "E", "s_meds")
    page.text(LEFT, top + 24, sheet.word("meds_note"), "note")
    medicines: Sequence[str] = fields.get("regular_medication") or []
    med_rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    empty = not medicines and "regular_medication" in fields
    if style.get("med_mode") == "table":
        rows = [
            [item, *(med_rows[k] if k < len(med_rows) else ["", ""])]
            for k, item in enumerate(medicines)
        ]
        if empty:
            rows = [[_text(style.get("empty_list")), "", ""]]
        top = sheet.table(
            top + 44,
            [
                (sheet.word("med_col"), 1.3),
                (sheet.word("dose_col"), 0.6),
                (sheet.word("freq_col"), 0.8),
            ],
            rows,
            4,
        )
    else:
        texts = list(medicines) or ([_text(style.get("empty_list"))] if empty else [])
        base = top + 44
        for k in range(4):
            base += 76
            page.text(LEFT + 10, base, f"{k + 1}.", "bold")
            sheet.line(LEFT + 70, base + 14, 1500, base + 14, width=2, fill=OUTLINE)
            if k < len(texts) and texts[k]:
                page.text(LEFT + 90, base, texts[k], "value", max_width=1390)
        top = base + 20
    base = top + 70
    end = page.text(LEFT, base, f"{sheet.word('pharmacy')}:", "bold")
    sheet.line(end + 16, base + 14, 1500, base + 14, width=2, fill=OUTLINE)
    page.text(end + 30, base, _text(extras.get("pharmacy")), "value", max_width=1460 - end)
    end = page.text(1560, base, f"{sheet.word('pharmacy_phone')}:", "bold")
    sheet.line(end + 16, base + 14, RIGHT, base + 14, width=2, fill=OUTLINE)
    page.text(
        end + 30,
        base,
        sheet.phone(extras.get("pharmacy_phone")),
        "value",
        max_width=RIGHT - end - 40,
    )
    top = base + 20
    # insurance
    top = sheet.section(top + 40, "F", "s_insurance")
    base = top + 50
    before, _, after = sheet.word("ins_sentence").partition("{}")
    end = page.text(LEFT, base, before.strip(), "opt")
    has = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    end = sheet.choice(end + 36, base, sheet.parts("ins_words"), has, gap=80)
    end = page.text(end + 24, base, after.strip(), "opt")
    strike = style.get("choice_mode") == "strike"
    page.text(end + 40, base, sheet.word("strike_note" if strike else "ring_note"), "note")
    top = base + 40
    if style.get("insurance_mode") == "card":
        box_h = 780.0
        page.text(LEFT, top + 34, sheet.word("card_box"), "bold")
        box_top = top + 54
        for k in range(0, int((RIGHT - LEFT) // 40), 2):  # a dashed frame
            x = LEFT + 40 * k
            sheet.line(x, box_top, min(x + 40, RIGHT), box_top, width=2, fill=(120, 120, 120))
            sheet.line(
                x,
                box_top + box_h,
                min(x + 40, RIGHT),
                box_top + box_h,
                width=2,
                fill=(120, 120, 120),
            )
        for k in range(0, int(box_h // 40), 2):
            y = box_top + 40 * k
            for x in (LEFT, RIGHT):
                sheet.line(x, y, x, min(y + 40, box_top + box_h), width=2, fill=(120, 120, 120))
        if "insurance_company" in fields:
            _card(sheet, fields, extras, LEFT + 50, box_top + 75)
        top = box_top + box_h
    else:
        rule_x = LEFT + 560
        policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
        ledger = [
            ("company", _text(fields.get("insurance_company"))),
            ("policy", policy),
            ("group", _text(extras.get("group"))),
            ("holder", _text(extras.get("holder"))),
            ("ins_address", _text(fields.get("insurance_address"))),
            ("expiry", sheet.date(fields.get("insurance_expiry"))),
        ]
        base = top + 20
        first = base
        for key, value in ledger:
            base += 82
            page.text(rule_x - 24, base, sheet.word(key), "bold", anchor="rs", max_width=520)
            sheet.line(rule_x + 20, base + 14, RIGHT, base + 14, width=1.5, fill=(140, 140, 140))
            if value:
                page.text(rule_x + 40, base, value, "value", max_width=RIGHT - rule_x - 60)
        sheet.line(rule_x, first + 20, rule_x, base + 30, width=3, fill=sheet.colour)
        top = base + 30
    # the home: printed choices, one boxed per row (distractors)
    top = sheet.section(top + 40, "G", "s_home")
    home: Sequence[int | None] = extras.get("home") or []
    for k, row in enumerate(sheet.word("home_rows").split("|")):
        label, _, options = row.partition(":")
        x0 = LEFT if k % 2 == 0 else LEFT + (RIGHT - LEFT) / 2
        base = top + 50 + 70 * (k // 2)
        end = page.text(x0, base, f"{label}:", "bold")
        x = max(end + 30, x0 + 300)
        chosen = home[k] if k < len(home) else None
        for m, option in enumerate(options.split(",")):
            x = common.checkbox(page, x, base + 4, checked=m == chosen, mark=style["mark"], side=34)
            x = page.text(x + 14, base, option, "opt") + 36
    top += 50 + 70 * 2
    # consent and signature
    top += 40
    lines = render.wrap(page, sheet.word("consent"), "lbl", RIGHT - LEFT)
    for k, line in enumerate(lines[:3]):
        page.text(LEFT, top + 40 * k, line, "lbl")
    base = max(top + 40 * min(3, len(lines)) + 120, 3000.0)
    base = min(base, 3080.0)
    sheet.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 560, base - 8, sheet.ink())
    page.text(LEFT, base + 34, sheet.word("sign"), "lbl")
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _grid_cell(
    sheet: _Sheet, x0: float, x1: float, top: float, height: float, label: str, value: str
) -> None:
    page = sheet.page
    sheet.rect(x0, top, x1, top + height, outline=OUTLINE, width=2)
    page.text(x0 + 12, top + 30, label, "corner", max_width=x1 - x0 - 24)
    if value:
        page.text(x0 + 18, top + height - 22, value, "value", max_width=x1 - x0 - 36)


def _rx_section(sheet: _Sheet, top: float, key: str, note: str = "") -> float:
    page = sheet.page
    sheet.rect(LEFT, top, RIGHT, top + 54, fill=sheet.colour, outline=None)
    end = page.text(LEFT + 18, top + 40, sheet.word(key).upper(), "section_white")
    if note:
        page.text(end + 30, top + 40, f"({note})", "section_white", size=26)
    return top + 54


def _new_prescriptions(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = _rx_section(sheet, top, "new", sheet.word("new_note"))
    glyph = fonts.RX_GLYPH if style.get("rx") == "glyph" else "Rx"
    page.add_face("rx", str(style.get("rx_font") or style["title_font"]), 96, bold=glyph == "Rx")
    page.text(LEFT + 10, top + 130, glyph, "rx")
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    rows = [
        [item, quantities[k] if k < len(quantities) else ""] for k, item in enumerate(medicines)
    ]
    top = sheet.table(
        top + 20,
        [(sheet.word("med_col"), 1.6), (sheet.word("qty_col"), 0.5)],
        rows,
        4,
        x0=LEFT + 200,
        row_h=86.0,
    )
    # directions over ruled lines
    base = top + 64
    end = page.text(LEFT, base, sheet.word("directions"), "bold")
    start = end + 24
    lines = _lines_in(page, _text(fields.get("directions")), RIGHT - start - 60, 4)
    for k in range(4):
        y = base + 80 * k
        sheet.line(start, y + 14, RIGHT, y + 14, width=1.5, fill=(140, 140, 140))
        if k < len(lines):
            page.text(start + 14, y, lines[k], "value", max_width=RIGHT - start - 30)
    # refills
    base += 4 * 80 + 20
    end = page.text(LEFT, base, sheet.word("refills"), "bold")
    refills = fields.get("refills")
    if style.get("refill_mode") == "boxes":
        options = ["0", "1", "2", "3", "4", "5", "PRN"]
        key = str(refills) if str(refills) in options else None
        x = end + 50
        for option in options:
            x = common.checkbox(
                page, x, base + 4, checked=option == key, mark=style["mark"], side=36
            )
            x = page.text(x + 14, base, option, "opt") + 46
        x = page.text(x + 10, base, f"{sheet.word('other')}:", "opt")
        sheet.line(x + 16, base + 14, x + 200, base + 14, width=1.5, fill=OUTLINE)
        if refills is not None and key is None:
            page.text(x + 40, base, str(refills), "value")
    else:
        sheet.rect(end + 30, base - 60, end + 250, base + 22, outline=OUTLINE, width=2)
        page.text(end + 50, base, _text(refills), "value", max_width=180)
    return base + 40


def _home_tables(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    top = _rx_section(sheet, top, "continue")
    rows: Sequence[Sequence[str]] = extras.get("continue_rows") or []
    top = sheet.table(
        top + 16,
        [(sheet.word("med_col"), 1.2), (sheet.word("how_col"), 1)],
        rows,
        4,
        row_h=76.0,
    )
    top = _rx_section(sheet, top + 36, "stop")
    rows = extras.get("stop_rows") or []
    return sheet.table(
        top + 16,
        [(sheet.word("med_col"), 1.2), (sheet.word("why_col"), 1)],
        rows,
        3,
        row_h=76.0,
    )


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    # head
    page.text(LEFT, 170, str(style["hospital"]), "org", max_width=1250)
    page.text(LEFT, 212, str(style["department"]), "org_small", max_width=1250)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  {sheet.word('switchboard')} "
        f"{sheet.phone(style['phone'])}"
    )
    page.text(LEFT, 250, contact, "org_small", max_width=1250)
    page.text(RIGHT, 200, sheet.word("title"), "title", size=40, anchor="rs", max_width=900)
    sheet.line(LEFT, 285, RIGHT, 285, width=6, fill=sheet.colour)
    # the patient grid
    top, height = 320.0, 110.0
    _grid_cell(
        sheet, LEFT, 1250, top, height, sheet.word("patient"), _text(fields.get("patient_name"))
    )
    _grid_cell(sheet, 1250, 1800, top, height, sheet.word("mrn"), _text(extras.get("mrn")))
    dob = sheet.date(extras.get("patient_dob"), short_year=False)
    _grid_cell(sheet, 1800, RIGHT, top, height, sheet.word("dob"), dob)
    top += height
    date_here = style.get("date_place") == "grid"
    address_end = 1550.0 if date_here else 1800.0
    _grid_cell(
        sheet,
        LEFT,
        address_end,
        top,
        height,
        sheet.word("address"),
        _text(fields.get("patient_address")),
    )
    cells = [("ward", _text(extras.get("ward"))), ("admitted", sheet.date(extras.get("admitted")))]
    if date_here:
        cells.append(("date", sheet.date(fields.get("date"))))
    width = (RIGHT - address_end) / len(cells)
    for k, (key, value) in enumerate(cells):
        x0 = address_end + width * k
        _grid_cell(sheet, x0, x0 + width, top, height, sheet.word(key), value)
    sheet.rect(LEFT, 320, RIGHT, top + height, outline=OUTLINE, width=4)
    # allergies and destination
    base = top + height + 80
    end = page.text(LEFT, base, f"{sheet.word('allergies')}:", "bold")
    sheet.line(end + 16, base + 14, RIGHT, base + 14, width=1.5, fill=OUTLINE)
    page.text(
        end + 30, base, _text(extras.get("rx_allergies")), "value", max_width=RIGHT - end - 40
    )
    base += 80
    end = page.text(LEFT, base, f"{sheet.word('destination')}:", "bold")
    destination = extras.get("destination")
    options = str(style["destinations"]).split("|")
    common.circled_options(
        page,
        end + 50,
        base,
        [(str(k), text) for k, text in enumerate(options)],
        None if destination is None else str(destination),
        face="opt",
        gap=70,
    )
    top = base + 50
    if style.get("new_first"):
        top = _new_prescriptions(sheet, fields, extras, top + 10)
        top = _home_tables(sheet, extras, top + 30)
    else:
        top = _home_tables(sheet, extras, top + 10)
        top = _new_prescriptions(sheet, fields, extras, top + 40)
    # the prescriber's block
    base = max(top + 120, 2760.0)
    sheet.line(LEFT, base + 14, 1250, base + 14, width=2, fill=OUTLINE)
    page.text(LEFT + 20, base, _text(fields.get("prescriber")), "value", max_width=1080)
    page.text(LEFT, base + 48, sheet.word("prescriber"), "lbl")
    sheet.line(1320, base + 14, RIGHT, base + 14, width=2, fill=OUTLINE)
    page.scribble(1380, 1950, base + 4, sheet.ink())
    page.text(1320, base + 48, sheet.word("signature"), "lbl")
    base += 140
    x = LEFT
    foot = [("npi", _text(extras.get("npi")), 600.0)]
    if style.get("date_place") == "foot":
        foot.append(("sign_date", sheet.date(fields.get("date")), 560.0))
    foot.append(("time", _text(extras.get("time")), 300.0))
    for key, value, w in foot:
        end = page.text(x, base, f"{sheet.word(key)}:", "bold")
        sheet.line(end + 12, base + 14, x + w, base + 14, width=1.5, fill=OUTLINE)
        if value:
            page.text(end + 24, base, value, "value", max_width=x + w - end - 30)
        x += w + 60
    base += 110
    end = page.text(LEFT, base, f"{sheet.word('nurse')}:", "lbl")
    sheet.line(end + 12, base + 14, 1250, base + 14, width=1.5, fill=OUTLINE)
    page.text(end + 24, base, _text(extras.get("nurse")), "value", max_width=1230 - end)
    sheet.line(1320, base + 14, RIGHT, base + 14, width=1.5, fill=OUTLINE)
    page.scribble(1380, 1800, base + 4, (30, 30, 40))
    page.text(1320, base + 48, sheet.word("patient_sign"), "note")
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3200 + 27 * k, line, "fine")
    return page.image


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
