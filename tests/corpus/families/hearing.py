"""An audiology centre's new-patient case history and a paediatric practice's prescription.

Written blind as the held-out family of round 27 (then called ``heldout``): its author never read
the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the case
history a hearing (audiology) centre has a new patient fill in before the hearing test; the
prescription is a children's practice's prescription form with the child's weight and age and a
weight-based dose check.

Both documents are printed in one colour per form (the organisation's name, section headings,
table headers and bands); label wording is drawn per form from synonym lists. Dates are written
in one style per document (numeric month or day first, two-digit years on some copies, written
months, ISO; birth dates keep four-digit years); a day-first numeric document's record date (or
prescription date) has a day above 12. Telephones are written in one style per document. Values
are typed or handwritten (the handwriting fonts; a capitals-only hand gives an upper-case truth).

Patient record (two pages).

* Page 1 head: a mark of three sound arcs, the centre's name, a line of its services, and its
  street, city, telephone and fax on one line (distractors). At the top right, per form, either
  a rubber "RECEIVED" stamp (a double frame in a stamp colour, the centre's name in capitals)
  with the record date (``record_date``) written by hand on the stamp's rule and the receiving
  clerk's initials after "Front desk" / "Reception" / "Intake" (a distractor); or a framed
  office box with a chart number (a distractor). Under a rule in the colour, the form's title
  and a line of instructions, centred.
* Section headings, per form, are a coloured tab with white text over a coloured rule, or the
  heading in coloured capitals over a double rule; numbered ``1.`` / ``Section 1:`` / ``1)``.
* Section 1, the patient, four rows of ruled cells. Per form each cell's label is printed small
  *under* the writing space at the cell's bottom left (a faint guide line between them), or in a
  shaded strip at the cell's left with the value right of it. Row 1: the full name in one cell
  or a last-name cell *before* a first-name cell (the truth is ``First Last``, the first cell
  carrying any middle initial), the date of birth and, on the forms with the date "in a cell",
  today's date (``record_date``). Row 2: street, city, state and ZIP in four cells and, on some
  forms, a country cell (``address`` joins the street, ``City, ST ZIP`` as the corpus writes it,
  and the country when the form has the cell; a form without it has no country in the truth).
  Row 3: the home / primary telephone (``phone``), a cell or other telephone and an e-mail
  address (distractors). Row 4: height and weight (``height``, ``weight``; the unit written after
  the number or none), the occupation and the sex (printed options, one ringed: distractors).
* Section 2, the emergency contact, per form either a lead sentence and labelled rules (name
  and relationship on one line, home / day telephone and a work or cell number on the next, the
  address on the third) or a framed block with small labels over the name, relationship and
  the two telephones and the address on a labelled rule at its foot. ``emergency_contact_name``,
  ``emergency_contact_phone`` (the home / day number) and ``emergency_contact_address``; the
  relationship and the other number are distractors.
* Section 3, the hearing (all distractors): which ear is better and whether hearing aids are
  worn (printed options, one ringed), how long the loss has been noticed (written on a rule),
  and at the right a table of four symptoms with boxes for left, right and both ears.
* Section 4, illnesses and immunity, per form either two side-by-side grids of boxes (the
  illnesses under the columns ``Immune`` / ``Not immune`` / ``Not sure``; the vaccines under
  ``Yes`` / ``No`` / ``Not sure``) or the same questions in two halves, each followed by its
  printed answers with the one that applies ringed by hand. The illnesses are chickenpox
  (``chicken_pox``), measles (``measles``), mumps and rubella ("German measles"; both
  distractors). The vaccines are four questions, one of them (at a per-form place) the
  hepatitis B series (``hepatitis_b_vaccination``), the others flu, pneumococcal and tetanus
  (distractors). "Not sure", or nothing marked, leaves a field out.
* Section 5, general health: twelve printed conditions, four to a row, ringed or ticked (per
  form); the marked ones are ``medical_problems`` in reading order, followed by those written on
  the "other" rule. A copy in a capitals-only hand marks nothing and writes every condition on
  the rule; none: nothing marked and the rule blank or the copy's word for none.
* Foot: the signature rule and, on the forms with the date "at the foot", the date
  (``record_date``) on a rule beside it; fine print and the page number.

Page 2: a compact head (the mark, the centre's name, the title "continued") and, on some forms, a
running row with the patient's name. Section 6, insurance: "Do you have medical insurance?" with
``Yes`` / ``No`` boxes (``has_insurance``; unanswered on some copies without insurance, then left
out). Per form either a table of rows (insurer, policy / member ID, group number, subscriber,
relationship, claims address, coverage end) with a *primary* column and, for the first three
rows, a narrower *secondary* column (some copies name a second insurer there: a distractor; the
truth is the primary column), or the same rows as right-aligned labels before rules.
``insurance_company``, ``policy_number`` (printed with its separators), ``insurance_address``
(one line) and ``insurance_expiry``; group, subscriber and relationship are distractors. Then
whether the plan covers hearing aids (boxes, a distractor). Section 7, allergies: a question
with ``No`` / ``Yes`` boxes at the right, then the allergies on a rule (``allergies``; none: the
``No`` box ticked and the rule blank, or nothing ticked and the copy's word for none or blank).
Section 8, medicines: a note, a box "no regular medicines", and a table of medicine, strength,
how often and what for (the first column is ``regular_medication``; the others distractors; the
copy's word for none in the first row when none and the box is not ticked). On most forms,
Section 9 for the audiologist: an audiogram grid (frequencies 250 to 8k across, -10 to 120 dB
down) with, on some copies, the right ear's circles and the left ear's crosses joined by lines,
labelled result rules and the audiologist's name written (distractors). A consent paragraph,
the signature, fine print and the page number.

Prescription (one page).

* Head: a mark of two balloons, the practice's name in the colour, its line of services, its
  street and city, and its telephone and fax (distractors). At the right, per form, one of:
  a *roster* of the practice's physicians, each with a box, the prescriber's box ticked or
  crossed (``prescriber`` is the marked name as printed); the prescriber's name printed bold
  with an NPI number and the opening hours under it; or only the opening hours and the NPI (the
  prescriber then prints the name by hand at the foot).
* The title, white in a coloured band or centred under a coloured rule.
* The child's block, labels at the left of their rules or small labels over them, per form:
  the child's name (``patient_name``) and, on the forms with the date "at the top", the date
  (``date``; otherwise the age there); the date of birth, the age (``15 y``, ``4 yrs``,
  ``18 mo``) and the weight (kg or lb); the home address (``patient_address``); the parent or
  guardian (usually sharing the child's surname) and the parent's telephone; the drug
  allergies. All but the name, the date and the address are distractors.
* On some copies a tinted dose-check strip: weight in kg times mg/kg/day equals mg/day in a
  number of doses, each number written on a short rule (distractors).
* A large ℞ (or ``Rx``), column captions for the medicine and the quantity to dispense, then
  four rules (numbered on some forms): each medicine line on one (``medicines``: a children's
  liquid with its strength per 5 mL, an inhaler, chewable tablets or a cream, as written) and
  its quantity on a short rule at the right (a distractor).
* The directions after their label over four rules (``directions``, the lines joined).
* Refills, per form: ``0`` to ``5`` and ``PRN`` printed with one ringed (a larger number written
  after "other"); boxes ``0``, ``1``, ``2``, ``3`` and ``PRN`` with one marked, a larger number
  written after "other" / "more" before "times"; or the number written on a short rule before
  "times" (``refills``; nothing marked or written leaves it out).
* Two substitution boxes (one marked: a distractor), a follow-up visit (a later date or a
  phrase: a distractor) and a blank framed box "for pharmacy use".
* Foot: the signature rule, the date (``date``) on a rule beside it on the forms with the date
  "at the foot", the prescriber's name printed by hand on a rule (``prescriber``, titles kept) on
  the forms without a printed one, a licence or NPI number written on a rule (a distractor),
  and fine print.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 160.0, 2390.0
INK_DARK = (28, 28, 28)
OUTLINE = (60, 60, 60)
SHADE = (234, 234, 234)
FAINT = (150, 150, 150)

# fmt: off
COLOURS = ([0, 100, 120], [150, 62, 20], [58, 58, 140], [24, 108, 68], [112, 32, 92],
           [45, 45, 45])
STAMP_COLOURS = ([150, 30, 50], [70, 40, 150], [30, 90, 140])
CENTRES = ("Clearwater Hearing & Balance Center", "Riverside Audiology Associates",
           "Northgate Hearing Clinic", "Pinecrest Audiology and Hearing Aids",
           "Meadowbrook Ear & Hearing Center", "Lakeview Hearing Services")
CENTRE_LINES = ("Diagnostic audiology \u2022 Hearing aids \u2022 Tinnitus \u2022 Balance",
                "Hearing tests for all ages \u2022 Cochlear implant program",
                "Adult and pediatric audiology \u2022 Custom ear molds")
PRACTICES = ("Little Oaks Pediatrics", "Sunnyside Children's Clinic",
             "Bright Start Pediatric Care", "Maple Grove Pediatrics",
             "Harborlight Children's Health", "Kidwell Pediatric Associates")
PRACTICE_LINES = ("Pediatrics & Adolescent Medicine", "Newborns \u2022 Children \u2022 Teens",
                  "Board-certified pediatricians \u2022 Same-day sick visits")
HOURS = ("Mon\u2013Fri 8 am \u2013 6 pm \u2022 Sat 9 am \u2013 noon",
         "Open 7 days \u2022 Walk-in sick visits 8\u201310 am",
         "Weekdays 7:30 \u2013 5:30 \u2022 Evening clinic Tue & Thu")
OCCUPATIONS = ("Teacher", "Retired", "Nurse", "Electrician", "Student", "Mechanic", "Farmer",
               "Accountant", "Carpenter", "Musician", "Driver", "Homemaker", "Engineer")
RELATIONS = ("Wife", "Husband", "Daughter", "Son", "Mother", "Father", "Sister", "Brother",
             "Partner", "Friend", "Niece", "Neighbor")
SINCE = ("2 years", "6 months", "5 yrs", "since 2015", "many years", "1 year", "since childhood",
         "3 years")
REASONS = ("blood pressure", "cholesterol", "thyroid", "sleep", "pain", "heart", "sugar",
           "stomach", "mood", "allergies")
FREQUENCIES = ("once a day", "twice a day", "daily", "at bedtime", "as needed", "BID", "mornings",
               "every 12 hrs")
STRENGTHS = ("5 mg", "10 mg", "20 mg", "25 mg", "40 mg", "50 mg", "100 mg", "500 mg", "1 tab")
# the centre's checklist of conditions (the others are written under "other")
CHECKLIST = ("Diabetes", "Hypertension", "High cholesterol", "Migraine", "Arthritis", "Anemia",
             "Asthma", "Epilepsy", "Kidney stones", "Depression", "Sleep apnea",
             "Hypothyroidism")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")

# a child's medicines: name, strengths as written, forms written after them ("" for none)
CHILD_DRUGS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("Amoxicillin", ("250 mg/5 mL", "400 mg/5 mL"), ("susp", "suspension", ""), "liquid"),
    ("Azithromycin", ("100 mg/5 mL", "200 mg/5 mL"), ("susp", ""), "liquid"),
    ("Cefdinir", ("125 mg/5 mL", "250 mg/5 mL"), ("susp", ""), "liquid"),
    ("Cephalexin", ("125 mg/5 mL", "250 mg/5 mL"), ("susp", ""), "liquid"),
    ("Ibuprofen", ("100 mg/5 mL",), ("susp", "liquid", ""), "fever"),
    ("Acetaminophen", ("160 mg/5 mL",), ("liquid", "syrup", ""), "fever"),
    ("Cetirizine", ("5 mg/5 mL",), ("syrup", ""), "liquid"),
    ("Prednisolone", ("15 mg/5 mL",), ("solution", ""), "liquid"),
    ("Ondansetron", ("4 mg/5 mL",), ("solution", ""), "fever"),
    ("Famotidine", ("40 mg/5 mL",), ("susp", ""), "liquid"),
    ("Diphenhydramine", ("12.5 mg/5 mL",), ("liquid", ""), "fever"),
    ("Albuterol", ("90 mcg",), ("inhaler", "HFA"), "puffs"),
    ("Fluticasone", ("44 mcg", "110 mcg"), ("inhaler", "HFA"), "puffs"),
    ("Montelukast", ("4 mg", "5 mg"), ("chewable tab", "granules"), "chew"),
    ("Mupirocin", ("2%",), ("ointment",), "skin"),
    ("Hydrocortisone", ("1%", "2.5%"), ("cream", "ointment"), "skin"),
)
CHILD_FREQUENCIES = ("twice a day", "three times a day", "once a day", "every 12 hours",
                     "every 8 hours")
CHILD_ADVICE = ("Shake well before each dose", "Use the dosing syringe, not a kitchen spoon",
                "Keep in the refrigerator and throw away when finished",
                "Call the office if the fever lasts more than 3 days",
                "Finish all the medicine even if your child feels better",
                "Bring your child back if not better in 2 to 3 days")
DISPENSE = {"liquid": ("100 mL", "150 mL", "75 mL", "1 bottle"), "fever": ("120 mL", "1 bottle"),
            "puffs": ("1 inhaler", "2 inhalers"), "chew": ("30 tabs", "30"),
            "skin": ("15 g", "30 g", "1 tube")}
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": ("NEW PATIENT CASE HISTORY", "Audiology Case History", "Hearing Health Questionnaire"),
    "subtitle": (
        "Please print clearly and complete both pages before your hearing test.",
        "Fill in both sides in ink. Bring your hearing aids and a list of your medicines.",
        "Please answer every question; ask the front desk if you need help.",
    ),
    "received": ("RECEIVED", "RECEIVED", "DATE RECEIVED"),
    "received_by": ("Front desk", "Reception", "Intake"),
    "chart": ("Chart no.", "Patient ID", "Account #"),
    "office": ("Office use", "For office use only", "Staff only"),
    "sec": ("{}.", "Section {}:", "{})"),
    "s_patient": ("Patient information", "About the patient", "Personal details"),
    "name": ("Patient's full name", "Name of patient", "Full name (first, last)"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name, middle initial", "Given name(s)", "First name"),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "today": ("Today's date", "Date completed", "Date of visit"),
    "street": ("Street address", "Home address", "Mailing address"),
    "city": ("City", "City / town", "Town"),
    "state": ("State", "St."),
    "zip": ("ZIP", "Zip code", "ZIP code"),
    "country": ("Country",),
    "home": ("Home phone", "Primary phone", "Telephone (home)"),
    "cell": ("Cell phone", "Mobile", "Other phone"),
    "email": ("E-mail", "Email address"),
    "height": ("Height", "Ht."),
    "weight": ("Weight", "Wt."),
    "occupation": ("Occupation", "Job / work", "Employment"),
    "sex": ("Sex", "Gender"),
    "sexes": ("M|F", "Male|Female", "M|F|X"),
    "s_contact": ("Emergency contact", "In case of emergency", "Person to notify"),
    "c_lead": (
        "In case of emergency, please notify:",
        "Whom should we call in an emergency?",
        "Emergency contact (someone not living with you if possible):",
    ),
    "c_name": ("Name", "Contact's name", "Full name"),
    "c_relation": ("Relationship", "Relation to you", "Relationship to patient"),
    "c_home": ("Home / day phone", "Home telephone", "Phone (home)"),
    "c_work": ("Work or cell", "Work phone", "Other number"),
    "c_address": ("Address", "Their address", "Contact's address"),
    "s_hearing": ("Your hearing", "Hearing history", "About your hearing"),
    "better_q": (
        "Which ear do you hear better with?",
        "Is one ear better than the other?",
        "Better ear:",
    ),
    "better_opts": ("Left|Right|Same", "Left|Right|No difference"),
    "since_q": ("How long have you noticed a hearing problem", "Hearing loss noticed for"),
    "aids_q": ("Do you wear hearing aids?", "Hearing aids now?", "Have you worn hearing aids?"),
    "ear_cols": ("Left|Right|Both", "L|R|Both"),
    "ear_rows": (
        "Ringing or buzzing (tinnitus)|Dizziness or spinning|Ear pain or pressure|"
        "Drainage from the ear",
        "Tinnitus (noises in the ears)|Balance problems|Earache|Discharge or fluid",
    ),
    "ear_head": ("Do you have any of these?", "Symptoms", "Tick the ear(s) affected"),
    "s_immune": (
        "Childhood illnesses and immunity",
        "Immunity",
        "Infections that can affect hearing",
    ),
    "immune_note": (
        "Some infections can cause hearing loss. Mark one answer for each illness.",
        "Immune means you had the illness or were vaccinated against it.",
        "Answer for each: have you had it, or been vaccinated?",
    ),
    "illness_col": ("Illness", "Disease"),
    "immune_opts": (
        "Immune|Not immune|Not sure",
        "IMMUNE|NOT IMMUNE|NOT SURE",
        "Immune|Not immune|Don't know",
    ),
    "chickenpox": ("Chickenpox (varicella)", "Chicken pox", "Varicella (chickenpox)"),
    "measles": ("Measles (rubeola)", "Measles", "Measles (red measles)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella (German measles)", "German measles (rubella)"),
    "vacc_head": ("Vaccines", "Have you received:", "Vaccination history"),
    "yes_no": ("Yes|No|Not sure", "Yes|No|Don't know", "YES|NO|UNSURE"),
    "hep_b": (
        "Hepatitis B vaccine (series of 3)",
        "Hepatitis B vaccination completed?",
        "Hep B vaccine series",
    ),
    "v_flu": ("Flu shot in the last 12 months", "Influenza vaccine this season"),
    "v_pneumo": ("Pneumonia vaccine", "Pneumococcal vaccine"),
    "v_tetanus": ("Tetanus shot in the last 10 years", "Tetanus / Tdap booster"),
    "s_health": ("General health", "Medical history", "Your health"),
    "health_q_ring": (
        "Circle any condition you have now or have been treated for:",
        "Circle all that apply:",
    ),
    "health_q_box": (
        "Check any condition you have now or have been treated for:",
        "Check all that apply:",
    ),
    "other": ("Other conditions not listed", "Other", "Anything else"),
    "sign": ("Signature of patient or guardian", "Patient signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "page": ("Page {} of 2", "{} / 2", "p. {} of 2"),
    "fine": (
        "This history is part of your medical record and is shared only with those caring for "
        "you. Please tell us if anything changes.",
        "Hearing aid trials are subject to the return policy in your purchase agreement. Ask "
        "for a copy of our privacy notice.",
    ),
    "cont": ("continued", "(continued)", "page 2"),
    "running": ("Patient name", "Name", "Patient"),
    "s_insurance": ("Insurance and billing", "Health insurance", "Billing information"),
    "ins_q": (
        "Do you have medical insurance?",
        "Is this visit covered by health insurance?",
        "Do you have health insurance coverage?",
    ),
    "ins_yes_no": ("Yes|No", "YES|NO"),
    "primary": ("Primary insurance", "Primary", "Plan 1 (primary)"),
    "secondary": ("Secondary insurance", "Secondary", "Plan 2 (secondary)"),
    "company": ("Insurance company", "Insurer", "Name of insurance carrier"),
    "policy": ("Policy / member ID", "Member ID no.", "Policy number"),
    "group": ("Group no.", "Group number"),
    "subscriber": ("Subscriber name", "Name of insured", "Policy holder"),
    "sub_relation": ("Relationship to patient", "Insured is"),
    "ins_address": ("Claims address", "Insurance company address", "Mail claims to"),
    "expiry": ("Coverage ends", "Valid through", "Expiration date"),
    "aid_cover": (
        "Does your plan cover hearing aids?",
        "Hearing aid benefit?",
    ),
    "s_allergy": ("Allergies", "Allergies and sensitivities", "Allergies"),
    "allergy_q": (
        "Are you allergic to any medicines, latex, foods or adhesive tape?",
        "Do you have any allergies (medicines, latex, ear-mold materials, foods)?",
    ),
    "allergy_list": ("If yes, list them", "Please list", "Allergic to"),
    "s_meds": ("Medicines you take regularly", "Current medications", "Your medicines"),
    "meds_note": (
        "Include eye drops, inhalers, vitamins and medicines bought without a prescription.",
        "Some medicines can affect hearing, so please list all of them.",
    ),
    "no_meds": ("I do not take any medicines regularly", "No regular medicines"),
    "med_col": ("Medicine", "Name of medicine", "Medication"),
    "dose_col": ("Strength", "Dose"),
    "freq_col": ("How often", "When taken"),
    "why_col": ("What for", "Reason"),
    "s_audio": ("For audiologist use only", "Audiologist use", "Test results (staff)"),
    "audio_rows": (
        "Otoscopy R|Otoscopy L|Tympanometry|SRT (dB) R / L|WRS (%) R / L",
        "Ear canals|Tymps|Speech threshold|Word recognition|Recommendation",
    ),
    "consent": (
        "I authorize the center to bill my insurance for the services I receive and to release "
        "the information needed to process my claims. I am responsible for any balance.",
        "I confirm that this history is true to the best of my knowledge and agree to a hearing "
        "evaluation by the center's audiologists.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Pediatric Prescription", "Prescription \u2014 Children's Medicines"),
    "tel": ("Tel", "Phone", "Ph."),
    "fax": ("Fax", "Fax line"),
    "roster": ("Physicians", "Our doctors", "Prescriber (check one)"),
    "child": ("Child's name", "Patient", "Patient (child)"),
    "date": ("Date", "Date written", "Date of prescription"),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "age": ("Age", "Age (yrs/mo)"),
    "weight": ("Weight", "Wt", "Dosing weight"),
    "address": ("Home address", "Address", "Patient's address"),
    "parent": ("Parent / guardian", "Parent or guardian", "Responsible adult"),
    "parent_phone": ("Phone", "Parent's phone", "Contact no."),
    "allergies": ("Allergies", "Drug allergies", "Allergies / reactions"),
    "calc": ("Dose check", "Weight-based dose", "Dose calculation"),
    "per_day": ("mg/kg/day", "mg/kg/day"),
    "doses": ("doses a day", "divided doses"),
    "med_head": ("Medication, strength, form", "Medicine and strength", "Drug / strength"),
    "disp": ("Dispense", "Qty", "Disp."),
    "directions": ("Directions:", "Sig:", "Instructions for parent:", "How to give:"),
    "refills": ("Refills:", "Refill:", "Number of refills:"),
    "refill_times": ("times", "time(s)"),
    "other": ("other", "more"),
    "substitution": (
        "Generic substitution permitted|Dispense as written",
        "Substitution OK|Brand medically necessary",
    ),
    "follow": ("Follow-up visit", "Return to clinic", "Next appointment"),
    "pharmacy": ("For pharmacy use only", "Pharmacy use", "Pharmacist"),
    "pharmacy_rows": ("Date filled|Rx no.|RPh initials", "Filled on|Prescription #|Checked by"),
    "signature": ("Prescriber's signature", "Signature", "Physician signature"),
    "print": ("Prescriber (print name)", "Print name", "Name of prescriber"),
    "licence": ("Lic. #", "License no.", "NPI"),
    "fine": (
        "Keep all medicines out of the reach of children. Measure liquid medicines with the "
        "syringe or cup that comes with them.",
        "Never give aspirin to children or teenagers. Call the office if your child gets a "
        "rash, swelling or trouble breathing.",
    ),
    "valid": ("Not valid without the prescriber's signature.", "Void if altered."),
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
        mode = rnd.choice(("roster", "single", "foot"))
        style.update(
            practice=rnd.choice(PRACTICES),
            practice_line=rnd.choice(PRACTICE_LINES),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            fax=values.phone_number(rnd),
            hours=rnd.choice(HOURS),
            prescriber_mode=mode,
            prescriber_written=mode == "foot",
            date_place=rnd.choice(("top", "top", "foot")),
            label_mode=rnd.choice(("left", "above")),
            calc=rnd.random() < 0.6,
            refill_mode=rnd.choice(("ring", "blank", "box")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            numbered=rnd.random() < 0.5,
            band=rnd.random() < 0.6,
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        centre=rnd.choice(CENTRES),
        centre_line=rnd.choice(CENTRE_LINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        stamp_colour=rnd.choice(STAMP_COLOURS),
        date_place=rnd.choice(("stamp", "stamp", "cell", "foot")),
        name_mode=rnd.choice(("one", "split")),
        cell_mode=rnd.choice(("caption", "strip")),
        country_cell=rnd.random() < 0.65,
        contact_mode=rnd.choice(("lines", "block")),
        immune_mode=rnd.choice(("columns", "ring")),
        hep_b_row=rnd.randint(0, 3),
        history_mode=rnd.choice(("ring", "box")),
        section_style=rnd.choice(("tab", "caps")),
        running=rnd.random() < 0.6,
        insurance_mode=rnd.choice(("columns", "lines")),
        audiogram=rnd.random() < 0.75,
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


def _split_city(line: str) -> tuple[str, str, str]:
    """``Portland, OR 97201`` as its city, state and ZIP (either of the last two may be blank)."""
    city, _, rest = line.partition(", ")
    state = zip_code = ""
    for part in rest.split():
        if part.isdigit():
            zip_code = part
        else:
            state = part
    return city, state, zip_code


def _answer(rnd: random.Random, fields: dict[str, Any], extras: dict[str, Any], name: str) -> None:
    """Some copies mark "not sure" (or nothing) for a question: the field is then left out."""
    if name not in fields:
        return
    draw = rnd.random()
    if draw < 0.07:
        del fields[name]
        extras[f"{name}_unsure"] = True
    elif draw < 0.1:
        del fields[name]


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    capitals = fonts.family(style["value_font"]).all_caps
    lines = list(base["address_lines"])
    if not style["country_cell"] and len(lines) > 2:
        lines = lines[:2]
    fields["address"] = ", ".join(lines)
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "cell": values.phone_number(rnd) if rnd.random() < 0.55 else None,
        "email": None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.75 else None,
        "sex": rnd.choice((0, 1, None)),
    }
    if rnd.random() < 0.4:
        first = fields["patient_name"].split()[0].lower()
        extras["email"] = f"{first}{rnd.randint(1, 99)}@example.com"
    if style["date_place"] == "stamp":
        extras["received_by"] = (
            rnd.choice(("JK", "MR", "AL", "TS", "DW")) if rnd.random() < 0.6 else None
        )
    else:
        extras["chart"] = (
            f"{rnd.choice(('H', 'A', ''))}{_digits(rnd, 6)}" if rnd.random() < 0.6 else None
        )
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    # hearing (distractors): better ear, how long, aids, symptoms per ear
    extras["better_ear"] = rnd.choice((0, 1, 2, None))
    extras["since"] = rnd.choice(SINCE) if rnd.random() < 0.8 else None
    extras["aids"] = rnd.choice((0, 1, 1, None))
    extras["ear_marks"] = [rnd.choice((None, None, 0, 1, 2)) for _ in range(4)]
    # immunity
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        _answer(rnd, fields, extras, name)
    extras["mumps"] = rnd.choice((0, 0, 1, 2, None))
    extras["rubella"] = rnd.choice((0, 0, 1, 2, None))
    extras["vaccines"] = [rnd.choice((0, 1, 2, None)) for _ in range(3)]
    problems: list[str] = fields["medical_problems"]
    marked = [] if capitals else [item for item in CHECKLIST if item in problems]
    fields["medical_problems"] = marked + [item for item in problems if item not in marked]
    extras["conditions_marked"] = marked
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP '))}{_digits(rnd, 5)}" if rnd.random() < 0.7 else None
        )
        if rnd.random() < 0.55:
            extras["subscriber"] = fields["patient_name"]
            extras["sub_relation"] = "Self"
        else:
            extras["subscriber"] = values.person_name(rnd)
            extras["sub_relation"] = rnd.choice(("Spouse", "Parent", "Other"))
        if style["insurance_mode"] == "columns" and rnd.random() < 0.35:
            others = [name for name in values.INSURERS if name != fields["insurance_company"]]
            extras["insurer2"] = rnd.choice(others)
            extras["policy2"] = values.policy_number(rnd)[0]
            extras["group2"] = _digits(rnd, 6) if rnd.random() < 0.5 else None
        extras["aid_cover"] = rnd.choice((0, 1, 2, None))
    elif rnd.random() < 0.2:
        del fields["has_insurance"]  # the question left unanswered
    extras["allergy_box"] = (
        0 if fields["allergies"] else (1 if rnd.random() < 0.7 else None)
    )  # 0 yes, 1 no
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.5
    extras["med_rows"] = [
        [
            rnd.choice(STRENGTHS) if rnd.random() < 0.8 else "",
            rnd.choice(FREQUENCIES) if rnd.random() < 0.9 else "",
            rnd.choice(REASONS) if rnd.random() < 0.6 else "",
        ]
        for _ in fields["regular_medication"]
    ]
    if style["audiogram"] and rnd.random() < 0.6:
        # thresholds in dB at 250 ... 8000 Hz, right then left (drawn as marks, never written)
        start = rnd.choice((5, 10, 15, 20, 25, 30))
        slope = rnd.choice((0, 5, 5, 10))
        extras["thresholds"] = [
            [min(110, start + slope * k + rnd.choice((0, 5, 10)) + side * 5) for k in range(6)]
            for side in range(2)
        ]
        extras["tester"] = rnd.choice(("K. Lowe, Au.D.", "R. Singh, Au.D.", "M. Ortega, CCC-A"))
    return fields, extras, style


def _child_medicine(
    rnd: random.Random, drug: tuple[str, tuple[str, ...], tuple[str, ...], str]
) -> str:
    name, strengths, forms, _ = drug
    form = rnd.choice(forms)
    return " ".join(part for part in (name, rnd.choice(strengths), form) if part)


def _child_direction(
    rnd: random.Random, drug: tuple[str, tuple[str, ...], tuple[str, ...], str], ml: str
) -> str:
    name, _, _, kind = drug
    freq = rnd.choice(CHILD_FREQUENCIES)
    days = rnd.choice((5, 7, 10, 14))
    if kind == "liquid":
        return rnd.choice(
            (
                f"Give {ml} mL by mouth {freq} for {days} days",
                f"{name} {ml} mL {freq} for {days} days",
                f"Give {ml} mL {freq} with food",
            )
        )
    if kind == "fever":
        hours = rnd.choice((4, 6, 8))
        return f"Give {ml} mL every {hours} hours as needed for fever or pain"
    if kind == "puffs":
        return rnd.choice(
            (
                "2 puffs with the spacer every 4 hours as needed for cough or wheeze",
                f"{name} 2 puffs {freq} with spacer, rinse mouth after",
            )
        )
    if kind == "chew":
        return rnd.choice(("Chew 1 tablet at bedtime", f"{name} 1 at bedtime every night"))
    return f"Apply a thin layer to the rash {freq} for {days} days"


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=True)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    drugs = rnd.sample(CHILD_DRUGS, rnd.choice((1, 1, 2, 2, 3)))
    fields["medicines"] = [_child_medicine(rnd, drug) for drug in drugs]
    if "directions" in fields:
        period = rnd.random() < 0.5
        sentences = [
            _child_direction(rnd, drug, rnd.choice(("2.5", "3", "4", "5", "6", "7.5", "10")))
            + ("." if period else "")
            for drug in drugs
        ]
        advice = rnd.sample(CHILD_ADVICE, 2)
        while len(" ".join(sentences)) < 110 and advice:
            sentences.append(advice.pop() + ("." if period else ""))
        fields["directions"] = " ".join(sentences)
    # the child: months or years old
    months = rnd.randint(4, 17 * 12)
    birth = written - dt.timedelta(days=int(months * 30.44) + rnd.randint(0, 25))
    age = (
        f"{months} mo"
        if months < 24
        else rnd.choice((f"{months // 12} yrs", f"{months // 12}", f"{months // 12} y"))
    )
    kg = 3.5 + 0.5 * months if months < 24 else 2.2 * months / 12 + 7 + rnd.uniform(-2, 4)
    weight = f"{kg:.1f} kg" if rnd.random() < 0.7 else f"{round(kg * 2.2046)} lb"
    last = fields["patient_name"].split()[-1]
    if rnd.random() < 0.85:
        # the child's name with the family's surname; the parent shares it
        fields["patient_name"] = f"{rnd.choice(values.FIRST_NAMES)} {last}"
    parent = values.person_name(rnd, last if rnd.random() < 0.8 else None)
    if parent == fields["patient_name"]:
        parent = f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
    roster: list[str] = []
    if style["prescriber_mode"] == "roster":
        roster = [_doctor(rnd) for _ in range(rnd.randint(2, 4))]
        roster = [name for name in roster if name != fields["prescriber"]]
        roster.insert(rnd.randint(0, len(roster)), fields["prescriber"])
    kinds = [drug[3] for drug in drugs]
    extras: dict[str, Any] = {
        "roster": roster,
        "npi": _digits(rnd, 10),
        "patient_dob": birth.isoformat() if rnd.random() < 0.85 else None,
        "age": age if rnd.random() < 0.85 else None,
        "weight": weight if rnd.random() < 0.9 else None,
        "parent": parent if rnd.random() < 0.85 else None,
        "parent_phone": values.phone_number(rnd) if rnd.random() < 0.75 else None,
        "rx_allergies": rnd.choice(
            ("NKDA", "NKDA", "None known", "Penicillin", "Sulfa drugs", "Eggs")
        )
        if rnd.random() < 0.9
        else None,
        "dispense": [rnd.choice(DISPENSE[kind]) if rnd.random() < 0.85 else "" for kind in kinds],
        "substitution": rnd.choice((0, 0, 1, None)),
        "licence": (
            _digits(rnd, 10)
            if style["labels"]["licence"] == "NPI"
            else f"{rnd.choice(('A', 'MD', 'C'))}{_digits(rnd, 6)}"
        )
        if rnd.random() < 0.6
        else None,
    }
    if style["calc"] and kinds[0] in ("liquid", "fever") and "kg" in weight:
        rate = rnd.choice((10, 15, 30, 40, 45, 50, 90))
        extras["calc"] = [f"{kg:.1f}", str(rate), str(round(kg * rate)), str(rnd.choice((2, 3)))]
    if rnd.random() < 0.55:
        follow = written + dt.timedelta(days=rnd.choice((7, 10, 14, 21, 28)))
        extras["follow_up"] = follow.isoformat()
    elif rnd.random() < 0.3:
        extras["follow_note"] = rnd.choice(("2 weeks", "1 month", "as needed"))
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
        faces["caption"] = render.Face(label.regular, 24, (70, 70, 70))
        faces["opt"] = render.Face(label.regular, size + 1, INK_DARK)
        faces["colhead"] = render.Face(label.bold, size - 2, INK_DARK)
        faces["section"] = render.Face(title.bold, 36, self.colour)
        faces["section_white"] = render.Face(title.bold, 33, (255, 255, 255))
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 46, INK_DARK)
        faces["note"] = render.Face(label.regular, 24, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))
        faces["tiny"] = render.Face(label.regular, 20, (90, 90, 90))
        stamp = _rgb(style.get("stamp_colour") or style["colour"])
        faces["stamp"] = render.Face(title.bold, 34, stamp)
        faces["stamp_small"] = render.Face(title.regular, 21, stamp)

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

    def ring(self, x0: float, x1: float, base: float, face: str = "opt") -> None:
        size = self.page.faces[face].size
        self.page.ellipse_by_hand((x0 - 24, base - size - 18, x1 + 24, base + 18), self.ink())

    def rings(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float = 70
    ) -> float:
        """Printed options in a row, the chosen one ringed by hand; returns where they end."""
        page = self.page
        for k, text in enumerate(options):
            end = page.text(x, base, text, "opt")
            if k == chosen:
                self.ring(x, end, base)
            x = end + gap
        return x - gap

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float = 50
    ) -> float:
        """A box before each printed option, the chosen one marked; returns where they end."""
        page = self.page
        for k, text in enumerate(options):
            x = common.checkbox(
                page, x, base + 2, checked=k == chosen, mark=self.style["mark"], side=34
            )
            x = page.text(x + 14, base, text, "opt") + gap
        return x - gap

    def section(self, top: float, number: int, key: str) -> float:
        """A section's heading (a coloured tab or capitals over a rule); returns the body's top."""
        page = self.page
        heading = f"{self.word('sec').format(number)} {self.word(key)}"
        if self.style.get("section_style") == "tab":
            width = page.width(heading, "section_white") + 60
            page.draw.rounded_rectangle(
                [page.px(LEFT), page.px(top), page.px(LEFT + width), page.px(top + 54)],
                radius=page.px(12),
                fill=self.colour,
            )
            page.text(LEFT + 30, top + 40, heading, "section_white")
            self.line(LEFT, top + 52, RIGHT, top + 52, width=4, fill=self.colour)
            return top + 74
        page.text(LEFT, top + 42, heading.upper(), "section", max_width=RIGHT - LEFT)
        self.line(LEFT, top + 56, RIGHT, top + 56, width=2, fill=self.colour)
        self.line(LEFT, top + 62, RIGHT, top + 62, width=2, fill=self.colour)
        return top + 80

    def cell(self, x0: float, x1: float, top: float, height: float, label: str, text: str) -> None:
        """A ruled cell: its label under the writing space, or in a shaded strip at its left."""
        page = self.page
        self.rect(x0, top, x1, top + height, outline=OUTLINE, width=2)
        if self.style.get("cell_mode") == "strip":
            width = min(page.width(label, "caption") + 24, (x1 - x0) * 0.45)
            self.rect(x0 + 1, top + 1, x0 + width, top + height - 1, fill=SHADE, outline=None)
            self.line(x0 + width, top, x0 + width, top + height, width=1.5, fill=FAINT)
            words = label.split()
            lines = [label]
            if page.width(label, "caption") + 24 > width and len(words) > 1:
                half = (len(words) + 1) // 2
                lines = [" ".join(words[:half]), " ".join(words[half:])]
            for k, line in enumerate(lines):
                y = top + height / 2 + 8 - 13 * (len(lines) - 1) + 26 * k
                page.text(x0 + 10, y, line, "caption", max_width=width - 16)
            self.value(x0 + width + 20, top + height - 38, text, x1 - x0 - width - 36)
            return
        page.text(x0 + 10, top + height - 12, label, "caption", max_width=x1 - x0 - 20)
        self.line(
            x0 + 8, top + height - 38, x1 - 8, top + height - 38, width=1, fill=(200, 200, 200)
        )
        self.value(x0 + 18, top + height - 50, text, x1 - x0 - 36)

    def rule_field(
        self, x: float, base: float, end: float, label: str, text: str, *, face: str = "bold"
    ) -> None:
        """``Label:`` then its value on a rule up to ``end``."""
        page = self.page
        stop = page.text(x, base, f"{label}:", face)
        self.line(stop + 14, base + 14, end, base + 14, width=1.5, fill=OUTLINE)
        self.value(stop + 28, base, text, end - stop - 40)

    def above_field(self, x: float, base: float, end: float, label: str, text: str) -> None:
        """A small label over a rule, the value written on the rule."""
        page = self.page
        page.text(x, base - 62, label, "caption", max_width=end - x)
        self.line(x, base + 14, end, base + 14, width=1.5, fill=OUTLINE)
        self.value(x + 12, base, text, end - x - 24)

    def table(
        self,
        top: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str]],
        count: int,
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        row_h: float = 74.0,
    ) -> float:
        """A ruled table under a coloured header row of white titles; returns its bottom."""
        page = self.page
        head_h = 50.0
        count = max(count, len(rows))
        bottom = top + head_h + row_h * count
        self.rect(x0, top, x1, top + head_h, fill=_tint(self.colour, 0.85), outline=None)
        self.rect(x0, top, x1, bottom, outline=OUTLINE, width=2)
        total = sum(weight for _, weight in columns)
        edges = [x0]
        for _, weight in columns:
            edges.append(edges[-1] + (x1 - x0) * weight / total)
        for k, (title, _) in enumerate(columns):
            page.text(
                edges[k] + 14,
                top + 35,
                title,
                "section_white",
                size=26,
                max_width=edges[k + 1] - edges[k] - 28,
            )
            if k:
                self.line(edges[k], top + head_h, edges[k], bottom, width=1.5, fill=OUTLINE)
        for r in range(count):
            y = top + head_h + row_h * r
            if r:
                self.line(x0, y, x1, y, width=1, fill=FAINT)
            if r < len(rows):
                for k, text in enumerate(rows[r]):
                    self.value(edges[k] + 16, y + row_h - 18, text, edges[k + 1] - edges[k] - 32)
        return bottom

    def fine_print(self, text: str, right: str) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3205 + 27 * k, line, "fine")
        if right:
            page.text(RIGHT, 3205, right, "fine", anchor="rs")


def _lines_in(page: render.Page, text: str, width: float, most: int) -> list[str]:
    lines = render.wrap(page, text, "value", width) if text else []
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


def _measure(value: Any, unit: Any) -> str:
    if value is None:
        return ""
    return f"{render.format_number(value)} {_text(unit)}".strip()


# --- patient record ---------------------------------------------------------------------------


def _ear_logo(sheet: _Sheet, cx: float, cy: float) -> None:
    """The centre's mark: a dot with three sound arcs."""
    page = sheet.page
    r = 12
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=sheet.colour
    )
    for k in range(3):
        radius = 30 + 22 * k
        page.draw.arc(
            [
                page.px(cx - radius),
                page.px(cy - radius),
                page.px(cx + radius),
                page.px(cy + radius),
            ],
            start=-50,
            end=50,
            fill=sheet.colour,
            width=max(1, page.px(7)),
        )


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    page = sheet.page
    style = sheet.style
    _ear_logo(sheet, LEFT + 30, 190)
    page.text(LEFT + 120, 180, str(style["centre"]), "org", max_width=1500)
    page.text(LEFT + 120, 220, str(style["centre_line"]), "org_small", max_width=1500)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  Tel {sheet.phone(style['phone'])}"
        f"  \u2022  Fax {sheet.phone(style['fax'])}"
    )
    page.text(LEFT + 120, 256, contact, "org_small", max_width=1500)
    x0, x1 = 1840.0, RIGHT
    if style["date_place"] == "stamp":
        stamp = _rgb(style["stamp_colour"])
        page.draw.rounded_rectangle(
            [page.px(x0), page.px(105), page.px(x1), page.px(340)],
            radius=page.px(18),
            outline=stamp,
            width=max(1, page.px(5)),
        )
        sheet.rect(x0 + 12, 117, x1 - 12, 328, outline=stamp, width=2)
        page.text((x0 + x1) / 2, 162, sheet.word("received"), "stamp", anchor="ms")
        page.text(
            (x0 + x1) / 2,
            192,
            str(style["centre"]).upper(),
            "stamp_small",
            anchor="ms",
            max_width=x1 - x0 - 60,
        )
        sheet.line(x0 + 40, 284, x1 - 40, 284, width=2, fill=stamp)
        sheet.value(x0 + 56, 270, sheet.date(fields.get("record_date")), x1 - x0 - 110)
        by = f"{sheet.word('received_by')}:"
        end = page.text(x0 + 40, 316, by, "stamp_small")
        sheet.value(end + 16, 320, extras.get("received_by"), 120)
    else:
        sheet.rect(x0, 120, x1, 300, outline=OUTLINE, width=2)
        sheet.rect(x0, 120, x1, 160, fill=SHADE, outline=None)
        page.text(x0 + 16, 150, sheet.word("office"), "caption")
        end = page.text(x0 + 20, 240, f"{sheet.word('chart')}", "lbl")
        sheet.line(end + 14, 254, x1 - 20, 254, width=1.5, fill=OUTLINE)
        sheet.value(end + 26, 240, extras.get("chart"), x1 - end - 50)
    sheet.line(LEFT, 372, RIGHT, 372, width=6, fill=sheet.colour)
    page.text((LEFT + RIGHT) / 2, 440, sheet.word("title"), "title", anchor="ms")
    page.text((LEFT + RIGHT) / 2, 484, sheet.word("subtitle"), "note", anchor="ms")
    return 510.0


def _patient_cells(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    style = sheet.style
    h = 118.0
    top = sheet.section(top, 1, "s_patient")
    # row 1: name (one cell or two), birth date, maybe today's date
    name = _text(fields.get("patient_name"))
    dob = sheet.date(fields.get("birth_date"), short_year=False)
    row: list[tuple[str, str, float]] = []
    if style["name_mode"] == "split":
        given, _, family = name.rpartition(" ")
        row += [(sheet.word("last"), family, 3), (sheet.word("first"), given, 3.4)]
    else:
        row.append((sheet.word("name"), name, 6.4))
    row.append((sheet.word("dob"), dob, 2.4))
    if style["date_place"] == "cell":
        row.append((sheet.word("today"), sheet.date(fields.get("record_date")), 2.4))
    top = _cell_row(sheet, top, h, row)
    # row 2: street, city, state, ZIP, country
    lines = [_text(line) for line in common.address_lines(fields, extras)]
    city, state, zip_code = _split_city(lines[1])
    row = [
        (sheet.word("street"), lines[0], 4.2),
        (sheet.word("city"), city, 2.4),
        (sheet.word("state"), state, 1.0),
        (sheet.word("zip"), zip_code, 1.4),
    ]
    if style["country_cell"]:
        row.append((sheet.word("country"), lines[2], 1.8))
    top = _cell_row(sheet, top, h, row)
    # row 3: phones and e-mail
    row = [
        (sheet.word("home"), sheet.phone(fields.get("phone")), 3),
        (sheet.word("cell"), sheet.phone(extras.get("cell")), 3),
        (sheet.word("email"), _text(extras.get("email")), 3.4),
    ]
    top = _cell_row(sheet, top, h, row)
    # row 4: height, weight, occupation and the sex ringed (a distractor)
    row = [
        (sheet.word("height"), _measure(fields.get("height"), extras.get("height_unit")), 2),
        (sheet.word("weight"), _measure(fields.get("weight"), extras.get("weight_unit")), 2),
        (sheet.word("occupation"), _text(extras.get("occupation")), 3.4),
        (sheet.word("sex"), "", 2),
    ]
    bottom = _cell_row(sheet, top, h, row)
    # the sex options inside the last cell
    x = RIGHT - (RIGHT - LEFT) * 2 / 9.4 + 24
    if style["cell_mode"] == "strip":
        x += sheet.page.width(sheet.word("sex"), "caption") + 40
    sheet.rings(x, top + 66, sheet.parts("sexes"), extras.get("sex"), gap=56)
    return bottom


def _cell_row(
    sheet: _Sheet, top: float, height: float, cells: Sequence[tuple[str, str, float]]
) -> float:
    total = sum(weight for *_, weight in cells)
    x = LEFT
    for label, text, weight in cells:
        end = x + (RIGHT - LEFT) * weight / total
        sheet.cell(x, end, top, height, label, text)
        x = end
    return top + height


def _contact(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    top = sheet.section(top + 28, 2, "s_contact")
    name = _text(fields.get("emergency_contact_name"))
    relation = _text(extras.get("relation"))
    home = sheet.phone(fields.get("emergency_contact_phone"))
    work = sheet.phone(extras.get("emergency_work_phone"))
    address = _text(fields.get("emergency_contact_address"))
    if sheet.style["contact_mode"] == "lines":
        base = top + 46
        page.text(LEFT, base, sheet.word("c_lead"), "lbl")
        base += 84
        sheet.rule_field(LEFT, base, 1540, sheet.word("c_name"), name)
        sheet.rule_field(1600, base, RIGHT, sheet.word("c_relation"), relation)
        base += 84
        sheet.rule_field(LEFT, base, 1180, sheet.word("c_home"), home)
        sheet.rule_field(1240, base, RIGHT, sheet.word("c_work"), work)
        base += 84
        sheet.rule_field(LEFT, base, RIGHT, sheet.word("c_address"), address)
        return base + 24
    # a framed block, labels over their rules
    box_top = top + 12
    sheet.rect(LEFT, box_top, RIGHT, box_top + 370, outline=OUTLINE, width=2)
    page.text(LEFT + 20, box_top + 36, sheet.word("c_lead"), "note")
    base = box_top + 144
    sheet.above_field(LEFT + 20, base, 1500, sheet.word("c_name"), name)
    sheet.above_field(1560, base, RIGHT - 20, sheet.word("c_relation"), relation)
    base += 100
    sheet.above_field(LEFT + 20, base, 1100, sheet.word("c_home"), home)
    sheet.above_field(1160, base, RIGHT - 20, sheet.word("c_work"), work)
    base += 96
    # the address on the block's last row, its label at the left
    sheet.rule_field(LEFT + 20, base, RIGHT - 20, sheet.word("c_address"), address, face="lbl")
    return box_top + 370


def _hearing(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """Questions about the hearing at the left, a table of symptoms per ear at the right."""
    page = sheet.page
    top = sheet.section(top + 28, 3, "s_hearing")
    middle = 1230.0
    base = top + 50
    for key, options, chosen in (
        ("better_q", sheet.parts("better_opts"), extras.get("better_ear")),
        ("aids_q", ["Yes", "No"], extras.get("aids")),
    ):
        end = page.text(LEFT, base, sheet.word(key), "lbl", max_width=middle - LEFT - 60)
        width = sum(page.width(text, "opt") for text in options) + 46 * (len(options) - 1)
        if end + 40 + width > middle - 50:  # the answers on the next line
            base += 66
            end = LEFT + 20
        sheet.rings(end + 40, base, options, chosen, gap=46)
        base += 76
    page.text(LEFT, base, f"{sheet.word('since_q')}:", "lbl", max_width=middle - LEFT - 40)
    base += 70
    sheet.line(LEFT, base + 14, middle - 40, base + 14, width=1.5, fill=OUTLINE)
    sheet.value(LEFT + 20, base, extras.get("since"), middle - LEFT - 80)
    left_bottom = base + 20
    # symptoms per ear: a small table of boxes
    columns = sheet.parts("ear_cols")
    rows = sheet.parts("ear_rows")
    col_w = 120.0
    x_cols = [RIGHT - col_w * (len(columns) - k) for k in range(len(columns))]
    head = top + 14
    page.text(
        middle + 10, head + 30, sheet.word("ear_head"), "colhead", max_width=x_cols[0] - middle - 20
    )
    for x, title in zip(x_cols, columns, strict=True):
        page.text(x + col_w / 2, head + 30, title, "colhead", anchor="ms")
    marks: Sequence[int | None] = extras.get("ear_marks") or []
    for r, row in enumerate(rows):
        y = head + 44 + 58 * r
        sheet.line(middle, y, RIGHT, y, width=1, fill=(200, 200, 200))
        page.text(middle + 10, y + 44, row, "opt", max_width=x_cols[0] - middle - 20)
        chosen = marks[r] if r < len(marks) else None
        for k, x in enumerate(x_cols):
            common.checkbox(
                page,
                x + col_w / 2 - 17,
                y + 46,
                checked=k == chosen,
                mark=sheet.style["mark"],
                side=34,
            )
    return max(left_bottom, head + 44 + 58 * len(rows))


def _immunity(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top + 28, 4, "s_immune")
    page.text(LEFT, top + 30, sheet.word("immune_note"), "note")
    status = {"immune": 0, "not immune": 1}
    options = sheet.parts("immune_opts")

    def chosen(name: str) -> int | None:
        if extras.get(f"{name}_unsure"):
            return 2
        value = fields.get(name)
        return status.get(_text(value)) if value else None

    illnesses: list[tuple[str, int | None]] = [
        (sheet.word("chickenpox"), chosen("chicken_pox")),
        (sheet.word("measles"), chosen("measles")),
        (sheet.word("mumps"), extras.get("mumps")),
        (sheet.word("rubella"), extras.get("rubella")),
    ]
    yes_no = sheet.parts("yes_no")
    hep_b = {"yes": 0, "no": 1}.get(_text(fields.get("hepatitis_b_vaccination")))
    if extras.get("hepatitis_b_vaccination_unsure"):
        hep_b = 2
    marks: Sequence[int | None] = extras.get("vaccines") or [None] * 3
    vaccines: list[tuple[str, int | None]] = [
        (sheet.word("v_flu"), marks[0]),
        (sheet.word("v_pneumo"), marks[1]),
        (sheet.word("v_tetanus"), marks[2]),
    ]
    vaccines.insert(int(style["hep_b_row"]), (sheet.word("hep_b"), hep_b))
    row_h = 60.0
    if style["immune_mode"] == "columns":
        # two side-by-side grids: illnesses with immunity columns, vaccines with yes / no ones
        half = (LEFT + RIGHT) / 2
        base = _mark_grid(
            sheet, LEFT, half - 30, top + 50, sheet.word("illness_col"), options, illnesses, row_h
        )
        other = _mark_grid(
            sheet, half + 30, RIGHT, top + 50, sheet.word("vacc_head"), yes_no, vaccines, row_h
        )
        return max(base, other)
    # each question followed by its printed answers, the one that applies ringed: illnesses at
    # the left, vaccines at the right
    bottom = top
    for x0, title, rows, answers in (
        (LEFT, sheet.word("illness_col"), illnesses, options),
        (1300.0, sheet.word("vacc_head"), vaccines, yes_no),
    ):
        base = top + 84
        page.text(x0, base, title, "colhead")
        label_w = max(page.width(text, "opt") for text, _ in rows) + 40
        label_w = min(label_w, 560.0)
        for text, answer in rows:
            base += row_h
            page.text(x0 + 10, base, text, "opt", max_width=label_w - 30)
            sheet.rings(x0 + label_w, base, answers, answer, gap=46)
        bottom = max(bottom, base + 20)
    return bottom


def _mark_grid(
    sheet: _Sheet,
    x0: float,
    x1: float,
    top: float,
    title: str,
    options: Sequence[str],
    rows: Sequence[tuple[str, int | None]],
    row_h: float,
) -> float:
    """A grid of questions down the left and a column of boxes per answer."""
    page = sheet.page
    col_w = max(max(page.width(o, "tiny") for o in options) + 24, 110.0)
    first = x1 - col_w * len(options)
    head_h = 46.0
    sheet.rect(x0, top, x1, top + head_h, fill=SHADE, outline=None)
    page.text(x0 + 10, top + 33, title, "colhead", max_width=first - x0 - 20)
    for k, option in enumerate(options):
        page.text(first + col_w * (k + 0.5), top + 32, option, "tiny", anchor="ms")
    bottom = top + head_h + row_h * len(rows)
    sheet.rect(x0, top, x1, bottom, outline=OUTLINE, width=2)
    for k in range(len(options)):
        sheet.line(first + col_w * k, top, first + col_w * k, bottom, width=1, fill=FAINT)
    for r, (text, answer) in enumerate(rows):
        y = top + head_h + row_h * r
        sheet.line(x0, y, x1, y, width=1, fill=FAINT)
        page.text(x0 + 10, y + 42, text, "opt", max_width=first - x0 - 34)
        for k in range(len(options)):
            common.checkbox(
                page,
                first + col_w * (k + 0.5) - 16,
                y + 46,
                checked=k == answer,
                mark=sheet.style["mark"],
                side=32,
            )
    return bottom


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = sheet.section(top + 28, 5, "s_health")
    ring = style["history_mode"] == "ring"
    page.text(LEFT, top + 32, sheet.word("health_q_ring" if ring else "health_q_box"), "lbl")
    marked = set(extras.get("conditions_marked") or [])
    column_w = (RIGHT - LEFT) / 4
    base = top + 100
    for k, condition in enumerate(CHECKLIST):
        x = LEFT + 30 + column_w * (k % 4)
        y = base + 64 * (k // 4)
        if ring:
            end = page.text(x, y, condition, "opt")
            if condition in marked:
                sheet.ring(x, end, y)
        else:
            end = common.checkbox(
                page, x - 20, y + 2, checked=condition in marked, mark=style["mark"], side=34
            )
            page.text(end + 16, y, condition, "opt")
    base += 64 * ((len(CHECKLIST) + 3) // 4) + 14
    problems: Sequence[str] = fields.get("medical_problems") or []
    written = ", ".join(item for item in problems if item not in marked)
    if not problems and "medical_problems" in fields:
        written = _text(style.get("empty_list"))
    sheet.rule_field(LEFT, base, RIGHT, sheet.word("other"), written)
    return base + 20


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _record_head(sheet, fields, extras)
    top = _patient_cells(sheet, fields, extras, top + 10)
    top = _contact(sheet, fields, extras, top)
    top = _hearing(sheet, extras, top)
    top = _immunity(sheet, fields, extras, top)
    top = _history(sheet, fields, extras, top)
    base = max(top + 130, 3040.0)
    sheet.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 600, base - 8, sheet.ink())
    page.text(LEFT, base + 34, sheet.word("sign"), "lbl")
    if style["date_place"] == "foot":
        x0 = 1500.0
        sheet.line(x0, base, RIGHT, base, width=2.5, fill=OUTLINE)
        sheet.value(x0 + 30, base - 18, sheet.date(fields.get("record_date")), RIGHT - x0 - 60)
        page.text(x0, base + 34, sheet.word("sign_date"), "lbl")
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
    sheet.boxes(end + 50, base, sheet.parts("ins_yes_no"), has, gap=60)
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    rows = [
        ("company", _text(fields.get("insurance_company")), _text(extras.get("insurer2"))),
        ("policy", policy, _text(extras.get("policy2"))),
        ("group", _text(extras.get("group")), _text(extras.get("group2"))),
        ("subscriber", _text(extras.get("subscriber")), ""),
        ("sub_relation", _text(extras.get("sub_relation")), ""),
        ("ins_address", _text(fields.get("insurance_address")), ""),
        ("expiry", sheet.date(fields.get("insurance_expiry")), ""),
    ]
    if style["insurance_mode"] == "columns":
        # rows of labels, a column for the primary plan and a narrower one for a second plan
        label_w, row_h = 440.0, 72.0
        x1 = LEFT + label_w
        x2 = 1780.0
        head = base + 36
        sheet.rect(x1, head, RIGHT, head + 48, fill=_tint(sheet.colour, 0.85), outline=None)
        page.text(x1 + 16, head + 34, sheet.word("primary"), "section_white", size=26)
        page.text(x2 + 16, head + 34, sheet.word("secondary"), "section_white", size=26)
        y = head + 48
        for key, first, second in rows:
            sheet.line(LEFT, y, RIGHT, y, width=1, fill=FAINT)
            page.text(LEFT + 8, y + 46, sheet.word(key), "bold", max_width=label_w - 40)
            if key in ("ins_address", "expiry", "subscriber", "sub_relation"):
                sheet.value(x1 + 16, y + row_h - 20, first, RIGHT - x1 - 32)
            else:
                sheet.value(x1 + 16, y + row_h - 20, first, x2 - x1 - 32)
                sheet.value(x2 + 16, y + row_h - 20, second, RIGHT - x2 - 32)
            y += row_h
        sheet.rect(LEFT, head, RIGHT, y, outline=OUTLINE, width=2)
        sheet.line(x1, head, x1, y, width=1.5, fill=OUTLINE)
        sheet.line(x2, head, x2, head + 48 + row_h * 3, width=1.5, fill=OUTLINE)
        base = y + 60
    else:
        label_w = max(page.width(f"{sheet.word(key)}:", "bold") for key, *_ in rows)
        for key, first, _ in rows:
            base += 76
            stop = page.text(
                LEFT + label_w - page.width(f"{sheet.word(key)}:", "bold"),
                base,
                f"{sheet.word(key)}:",
                "bold",
            )
            sheet.line(stop + 14, base + 14, RIGHT, base + 14, width=1.5, fill=OUTLINE)
            sheet.value(stop + 28, base, first, RIGHT - stop - 40)
        base += 76
    end = page.text(LEFT, base, sheet.word("aid_cover"), "lbl")
    sheet.boxes(end + 50, base, sheet.parts("yes_no"), extras.get("aid_cover"), gap=50)
    return base + 20


def _audiogram(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """A blank audiogram and a few result rules for the audiologist (all distractors)."""
    page = sheet.page
    top = sheet.section(top + 30, 9, "s_audio")
    x0, x1 = LEFT + 110, 1300.0
    y0, step = top + 96, 34.0
    levels = list(range(-10, 121, 10))
    y1 = y0 + step * (len(levels) - 1)
    freqs = ("250", "500", "1k", "2k", "4k", "8k")
    col = (x1 - x0) / (len(freqs) - 1)
    page.text((x0 + x1) / 2, top + 34, "Frequency (Hz)", "tiny", anchor="ms")
    for k, freq in enumerate(freqs):
        x = x0 + col * k
        sheet.line(x, y0, x, y1, width=1, fill=FAINT)
        page.text(x, y0 - 26, freq, "tiny", anchor="ms")
    for k, level in enumerate(levels):
        y = y0 + step * k
        sheet.line(x0, y, x1, y, width=2 if level == 20 else 1, fill=FAINT)
        page.text(x0 - 16, y + 7, str(level), "tiny", anchor="rs")
    page.text(LEFT, y0 - 26, "dB HL", "tiny")
    thresholds: Sequence[Sequence[int]] = extras.get("thresholds") or []
    for side, points in enumerate(thresholds):
        colour = (190, 30, 30) if side == 0 else (30, 60, 190)
        previous: tuple[float, float] | None = None
        for k, level in enumerate(points):
            x, y = x0 + col * k, y0 + step * (level + 10) / 10
            if side == 0:
                page.draw.ellipse(
                    [page.px(x - 13), page.px(y - 13), page.px(x + 13), page.px(y + 13)],
                    outline=colour,
                    width=max(1, page.px(4)),
                )
            else:
                sheet.line(x - 12, y - 12, x + 12, y + 12, width=4, fill=colour)
                sheet.line(x - 12, y + 12, x + 12, y - 12, width=4, fill=colour)
            if previous:
                sheet.line(previous[0], previous[1], x, y, width=2, fill=colour)
            previous = (x, y)
    base = y0
    for row in sheet.parts("audio_rows"):
        base += 80
        stop = page.text(1400, base, f"{row}:", "lbl", max_width=420)
        sheet.line(stop + 14, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
    base += 80
    stop = page.text(1400, base, "Audiologist:", "lbl")
    sheet.line(stop + 14, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
    sheet.value(stop + 28, base, extras.get("tester"), RIGHT - stop - 40)
    return max(y1 + 30, base + 30)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _ear_logo(sheet, LEFT + 30, 160)
    page.text(LEFT + 120, 176, str(style["centre"]), "org", size=38, max_width=1300)
    title = f"{sheet.word('title')} \u2014 {sheet.word('cont')}"
    page.text(RIGHT, 176, title, "lbl", anchor="rs", max_width=820)
    sheet.line(LEFT, 230, RIGHT, 230, width=5, fill=sheet.colour)
    top = 260.0
    if style.get("running"):
        base = top + 50
        sheet.rule_field(LEFT, base, 1500, sheet.word("running"), _text(fields.get("patient_name")))
        top = base + 30
    top = _insurance(sheet, fields, extras, top + 20)
    # allergies: a no / yes answer, then the list
    top = sheet.section(top + 30, 7, "s_allergy")
    base = top + 50
    end = page.text(LEFT, base, sheet.word("allergy_q"), "lbl", max_width=1600)
    sheet.boxes(
        max(end + 50, 1820),
        base,
        ["No", "Yes"],
        {0: 1, 1: 0}.get(
            int(extras["allergy_box"]) if extras.get("allergy_box") is not None else -1
        ),
        gap=50,
    )
    base += 84
    allergies: Sequence[str] = fields.get("allergies") or []
    listed = ", ".join(allergies)
    if not allergies and "allergies" in fields and extras.get("allergy_box") is None:
        listed = _text(style.get("empty_list"))
    sheet.rule_field(LEFT, base, RIGHT, sheet.word("allergy_list"), listed, face="lbl")
    # medicines
    top = sheet.section(base + 40, 8, "s_meds")
    page.text(LEFT, top + 28, sheet.word("meds_note"), "note")
    end = common.checkbox(
        page, LEFT, top + 84, checked=bool(extras.get("no_meds")), mark=style["mark"], side=34
    )
    page.text(end + 16, top + 82, sheet.word("no_meds"), "opt")
    medicines: Sequence[str] = fields.get("regular_medication") or []
    med_rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    rows = [[item, *(med_rows[k] if k < len(med_rows) else [])] for k, item in enumerate(medicines)]
    if not medicines and "regular_medication" in fields and not extras.get("no_meds"):
        rows = [[_text(style.get("empty_list"))]]
    top = sheet.table(
        top + 110,
        [
            (sheet.word("med_col"), 1.4),
            (sheet.word("dose_col"), 0.6),
            (sheet.word("freq_col"), 0.8),
            (sheet.word("why_col"), 0.8),
        ],
        rows,
        4,
        row_h=70.0,
    )
    if style.get("audiogram"):
        top = _audiogram(sheet, extras, top)
    top += 40
    lines = render.wrap(page, sheet.word("consent"), "lbl", RIGHT - LEFT)
    for k, line in enumerate(lines[:3]):
        page.text(LEFT, top + 40 * k, line, "lbl")
    base = min(max(top + 40 * min(3, len(lines)) + 120, 2980.0), 3070.0)
    sheet.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 560, base - 8, sheet.ink())
    page.text(LEFT, base + 34, sheet.word("sign"), "lbl")
    sheet.fine_print(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _balloon(sheet: _Sheet, cx: float, cy: float) -> None:
    """The practice's mark: two balloons on strings."""
    page = sheet.page
    for dx, dy, shade in ((-16, 6, 0.55), (18, -10, 1.0)):
        x, y = cx + dx, cy + dy
        page.draw.ellipse(
            [page.px(x - 30), page.px(y - 38), page.px(x + 30), page.px(y + 38)],
            fill=_tint(sheet.colour, shade),
        )
        sheet.line(x, y + 38, cx + dx / 3, cy + 96, width=2, fill=(90, 90, 90))


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    mode = style["prescriber_mode"]
    # head
    _balloon(sheet, LEFT + 40, 180)
    page.text(LEFT + 120, 190, str(style["practice"]), "org", max_width=1350)
    page.text(LEFT + 120, 232, str(style["practice_line"]), "org_small", max_width=1350)
    page.text(LEFT + 120, 268, f"{style['street']}, {style['city']}", "org_small", max_width=1350)
    contact = (
        f"{sheet.word('tel')} {sheet.phone(style['phone'])}   {sheet.word('fax')} "
        f"{sheet.phone(style['fax'])}"
    )
    page.text(LEFT + 120, 304, contact, "org_small", max_width=1350)
    roster: Sequence[str] = extras.get("roster") or []
    head_bottom = 340.0
    if mode == "roster":
        page.text(1640, 140, sheet.word("roster"), "colhead")
        for k, name in enumerate(roster):
            base = 190.0 + 50 * k
            end = common.checkbox(
                page,
                1640,
                base + 2,
                checked=name == fields.get("prescriber"),
                mark=style["mark"],
                side=32,
            )
            page.text(end + 16, base, name, "opt", size=33, max_width=RIGHT - end - 20)
        head_bottom = max(head_bottom, 190 + 50 * len(roster))
    elif mode == "single":
        page.text(
            RIGHT,
            190,
            _text(fields.get("prescriber")),
            "title",
            size=42,
            anchor="rs",
            max_width=780,
        )
        page.text(RIGHT, 232, f"NPI {extras.get('npi')}", "org_small", anchor="rs")
        page.text(RIGHT, 268, str(style["hours"]), "org_small", anchor="rs", max_width=780)
    else:
        page.text(RIGHT, 190, str(style["hours"]), "org_small", anchor="rs", max_width=780)
        page.text(RIGHT, 232, f"NPI {extras.get('npi')}", "org_small", anchor="rs")
    top: float = head_bottom + 30
    if style.get("band"):
        sheet.rect(LEFT, top, RIGHT, top + 60, fill=sheet.colour, outline=None)
        page.text(LEFT + 24, top + 44, sheet.word("title"), "section_white", size=36)
    else:
        sheet.line(LEFT, top + 4, RIGHT, top + 4, width=5, fill=sheet.colour)
        page.text((LEFT + RIGHT) / 2, top + 52, sheet.word("title"), "title", size=40, anchor="ms")
    top += 60
    top = _child_block(sheet, fields, extras, top + 30)
    if extras.get("calc"):
        top = _calc_strip(sheet, extras, top + 30)
    top = _medicines(sheet, fields, extras, top + 40)
    # directions
    base = top + 70
    end = page.text(LEFT, base, sheet.word("directions"), "bold")
    start = end + 24
    lines = _lines_in(page, _text(fields.get("directions")), RIGHT - start - 40, 4)
    for k in range(4):
        y = base + 78 * k
        sheet.line(start, y + 14, RIGHT, y + 14, width=1.5, fill=(150, 150, 150))
        if k < len(lines):
            sheet.value(start + 14, y, lines[k], RIGHT - start - 30)
    base += 3 * 78 + 110
    _refills(sheet, fields.get("refills"), base)
    base += 90
    options = sheet.parts("substitution")
    sheet.boxes(LEFT, base, options, extras.get("substitution"), gap=70)
    base += 90
    follow_text = sheet.date(extras.get("follow_up")) or _text(extras.get("follow_note"))
    sheet.rule_field(LEFT, base, 1300, sheet.word("follow"), follow_text, face="lbl")
    # the pharmacy's box, left blank
    box_top = base + 60
    sheet.rect(1500, box_top, RIGHT, box_top + 250, outline=FAINT, width=2)
    sheet.rect(1500, box_top, RIGHT, box_top + 44, fill=SHADE, outline=None)
    page.text(1516, box_top + 32, sheet.word("pharmacy"), "caption")
    for k, key in enumerate(sheet.parts("pharmacy_rows")):
        y = box_top + 100 + 64 * k
        stop = page.text(1520, y, f"{key}:", "caption")
        sheet.line(stop + 12, y + 8, RIGHT - 20, y + 8, width=1, fill=FAINT)
    # the foot: signature, the printed name, the date
    base = max(box_top + 250 + 130, 2780.0)
    sheet.line(LEFT, base, 1300, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 60, 900, base - 6, sheet.ink())
    page.text(LEFT, base + 36, sheet.word("signature"), "lbl")
    if style["date_place"] == "foot":
        sheet.line(1420, base, RIGHT, base, width=2.5, fill=OUTLINE)
        sheet.value(1440, base - 18, sheet.date(fields.get("date")), RIGHT - 1460)
        page.text(1420, base + 36, sheet.word("date"), "lbl")
    base += 140
    if mode == "foot":
        sheet.line(LEFT, base, 1300, base, width=2, fill=OUTLINE)
        sheet.value(LEFT + 20, base - 16, fields.get("prescriber"), 1100)
        page.text(LEFT, base + 36, sheet.word("print"), "lbl")
    sheet.rule_field(
        1420, base - 10, RIGHT, sheet.word("licence"), _text(extras.get("licence")), face="lbl"
    )
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT - 500)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3205 + 27 * k, line, "fine")
    page.text(RIGHT, 3205, sheet.word("valid"), "fine", anchor="rs")
    return page.image


def _child_block(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The child's details: labels at the left of their rules, or small labels over them."""
    date_top = sheet.style["date_place"] == "top"
    rows: list[list[tuple[str, str, float]]] = []
    first: list[tuple[str, str, float]] = [("child", _text(fields.get("patient_name")), 1560)]
    if date_top:
        first.append(("date", sheet.date(fields.get("date")), RIGHT))
    else:
        first.append(("age", _text(extras.get("age")), RIGHT))
    rows.append(first)
    second: list[tuple[str, str, float]] = [
        ("dob", sheet.date(extras.get("patient_dob"), short_year=False), 1000)
    ]
    if date_top:
        second.append(("age", _text(extras.get("age")), 1560))
    second.append(("weight", _text(extras.get("weight")), RIGHT))
    rows.append(second)
    rows.append([("address", _text(fields.get("patient_address")), RIGHT)])
    rows.append(
        [
            ("parent", _text(extras.get("parent")), 1560),
            ("parent_phone", sheet.phone(extras.get("parent_phone")), RIGHT),
        ]
    )
    rows.append([("allergies", _text(extras.get("rx_allergies")), RIGHT)])
    above = sheet.style["label_mode"] == "above"
    step = 118.0 if above else 92.0
    base = top + (84 if above else 56)
    for row in rows:
        x = LEFT
        for key, text, end in row:
            if above:
                sheet.above_field(x, base, end - 40, sheet.word(key), text)
            else:
                sheet.rule_field(x, base, end - 40, sheet.word(key), text)
            x = end + 20
        base += step
    return base - step + 30


def _calc_strip(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """The weight-based dose check: weight x mg/kg/day = mg/day in n doses (distractors)."""
    page = sheet.page
    calc: Sequence[str] = extras.get("calc") or ["", "", "", ""]
    sheet.rect(
        LEFT,
        top,
        RIGHT,
        top + 96,
        fill=_tint(sheet.colour, 0.08),
        outline=_tint(sheet.colour, 0.6),
        width=2,
    )
    base = top + 62
    x = page.text(LEFT + 20, base, f"{sheet.word('calc')}:", "bold")
    parts = [
        (calc[0], "kg  \u00d7"),
        (calc[1], f"{sheet.word('per_day')}  ="),
        (calc[2], "mg/day  \u00f7"),
        (calc[3], sheet.word("doses")),
    ]
    for text, after in parts:
        sheet.line(x + 20, base + 12, x + 200, base + 12, width=1.5, fill=OUTLINE)
        sheet.value(x + 110, base, text, 170, anchor="ms")
        x = page.text(x + 220, base, after, "lbl")
    return top + 96


def _medicines(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    glyph = fonts.RX_GLYPH if style.get("rx") == "glyph" else "Rx"
    page.add_face("rx", str(style.get("rx_font") or style["title_font"]), 110, bold=glyph == "Rx")
    page.text(LEFT, top + 110, glyph, "rx")
    x0 = LEFT + 230
    disp_x = 1900.0
    page.text(x0, top + 20, sheet.word("med_head"), "caption")
    page.text(disp_x, top + 20, sheet.word("disp"), "caption")
    medicines: Sequence[str] = fields.get("medicines") or []
    dispense: Sequence[str] = extras.get("dispense") or []
    base = top + 20
    for k in range(4):
        base += 100
        x = x0
        if style.get("numbered"):
            x = page.text(x0, base, f"{k + 1}.", "bold") + 20
        sheet.line(x, base + 14, disp_x - 40, base + 14, width=1.5, fill=(160, 160, 160))
        sheet.line(disp_x, base + 14, RIGHT, base + 14, width=1.5, fill=(160, 160, 160))
        if k < len(medicines):
            sheet.value(x + 12, base, medicines[k], disp_x - x - 70)
            sheet.value(
                disp_x + 12, base, dispense[k] if k < len(dispense) else "", RIGHT - disp_x - 24
            )
    return base + 20


def _refills(sheet: _Sheet, refills: Any, base: float) -> None:
    page = sheet.page
    mode = sheet.style["refill_mode"]
    end = page.text(LEFT, base, sheet.word("refills"), "bold")
    if mode == "ring":
        options = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = options.index(str(refills)) if str(refills) in options else None
        x = sheet.rings(end + 60, base, options, chosen, gap=64)
        if refills is not None and chosen is None:
            stop = page.text(x + 60, base, f"{sheet.word('other')}:", "opt")
            sheet.value(stop + 20, base, refills, 200)
        return
    x = end + 40
    if mode == "box":
        options = ["0", "1", "2", "3", "PRN"]
        chosen = options.index(str(refills)) if str(refills) in options else None
        x = sheet.boxes(x, base, options, chosen, gap=44) + 60
        x = page.text(x, base, f"{sheet.word('other')}:", "opt") + 20
        text = "" if chosen is not None else _text(refills)
    else:
        text = _text(refills)
    sheet.line(x, base + 14, x + 200, base + 14, width=1.5, fill=OUTLINE)
    sheet.value(x + 100, base, text, 180, anchor="ms")
    page.text(x + 220, base, sheet.word("refill_times"), "opt")


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
