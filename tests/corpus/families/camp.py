"""A summer camp's health history form and a dental practice's prescription pad.

Written blind as the held-out family of round 8 (then called ``heldout``): its author never read
the reader. Neither document is a clinic's registration form; the record is filled in by a parent
for a camp, the prescription is written by a dentist.

Patient record (two pages): a camp's "camper health history", filled in by the camper's parent
or guardian. The printed form is in one ink colour (a pine-tree emblem, section bars, table
rules). The letterhead (the camp's name, street and city, telephone and fax numbers) is at the
top left; the form's title, the season ("Summer 2023") and a line telling the parent to complete
it are at the top right. Sections are pale tinted bars with a dark stripe at their left and the
title in bold in them. Values are written on rules right after their labels, several fields to a
line, labels drawn per form from synonym lists.

* The record date is either "Today's date" (or a synonym) at the right of the line under the
  letterhead, or the date after "Completed by" (a parent's name, a distractor) at the foot of
  page 1. An office box at the foot of page 1 holds a cabin number and, on some copies, a red
  "received" stamp with a later date (both distractors).
* Camper: the name and date of birth; the age, sex (boxes), height and weight (the unit after
  the value when written); the street on a line of its own, then the city, state and ZIP in
  three blanks (the truth's address is the street and the city line ``City, ST ZIP`` joined by
  ``", "``; a state or ZIP left blank is left out; the form asks no country); the home phone
  (the patient's ``phone``), the school grade and the sessions attended (boxes), distractors.
* Emergency contact, "someone other than a parent": name and relationship (a distractor), home
  phone (``emergency_contact_phone``) and work / cell phone (a distractor), the address on one
  line.
* Immunizations: chickenpox and measles each answered by a box ticked or crossed among
  ``Immune`` / ``Not immune`` / ``Don't know``; then a vaccine table (Yes / No / ? columns
  marked in a cell, and the month and year of the last dose written) whose rows, in a per-form
  order, are a tetanus booster, hepatitis B (the field), meningococcal and influenza vaccines
  (the others distractors). A "don't know" mark, or none, leaves the field out of the truth.
* Medical history: a fixed check list of fourteen conditions in two columns, each row a Yes
  box and a No box before the condition; the truth is the Yes rows read down the left column
  then down the right, followed by the conditions written on the "Other" line. No Yes and
  nothing else written (or the form's word for none on that line) is the empty list. In a
  capitals-only hand the conditions are all written on the "Other" line.

Page 2 may open with a running line (the camper's name and birth date again). Parents /
guardians: a table of one or two rows (name, relationship, cell and work phones), distractors.
Allergies: a "no known allergies" box (ticked for the empty list) and three rows, medicines,
foods and insects / environment, each with a reaction blank (a distractor); the truth is the
three rows' allergies in that order. An epinephrine auto-injector box is a distractor.
Medications: a table of name, dose, the times of day (boxes) and the reason (the truth is the
names; an empty list is the form's word for none in the first row, or nothing). Health
insurance: a Yes / No box question, then the company, the policy holder (a parent, a
distractor), the policy or member number, a group number (a distractor), the claims address
(``insurance_address``), the coverage end date (``insurance_expiry``) and a member-services
phone (a distractor). An authorization paragraph ends the page with the parent's signature,
the date (the record date again) and the parent's printed name.

Prescription: a dental practice's pad. The letterhead has a drawn tooth, the practice's name,
street, city, telephone and fax. At the right either one dentist's name (the prescriber) with
a line of specialty, or the practice's two or three dentists each after a box, the prescriber's
box ticked or crossed. The patient's name and the date, the address, the age and the tooth or
procedure (distractors) are written on rules; a large ℞ (or ``Rx``); the medicines numbered one
a line, each with a quantity after a ``Disp:`` label (the quantity in figures and words, a
distractor); the directions on up to three rules after ``Sig:`` or a synonym; the refills as
a ticked "No refills" box (0), a number written in a blank before "times", or a ticked ``PRN``
box; substitution boxes, the signature, and the dentist's DEA, NPI and license numbers printed
under it (distractors), then a small-print warning.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
FOOTER = 3215.0
RULE = (110, 110, 110)
STAMP = (175, 35, 45)

# fmt: off
CAMPS = (
    "Camp Pinewood", "Camp Silver Lake", "Camp Tall Timbers", "Wildwood YMCA Camp",
    "Camp Blue Heron", "Eagle Ridge Day Camp", "Camp Cedar Point", "Camp Kinnikinnick",
    "Lakeview Adventure Camp",
)
PRACTICES = (
    "Lakeside Family Dentistry", "Bright Smile Dental Group", "Oak Ridge Oral Surgery",
    "Maple Street Dental Care", "Harbor View Dental Associates", "Pinecrest Pediatric Dentistry",
    "Summit Endodontics", "Riverbend Dental Arts",
)
DENTAL_SPECIALTIES = (
    "General & Cosmetic Dentistry", "Family Dentistry", "Oral & Maxillofacial Surgery",
    "Endodontics", "Pediatric Dentistry", "Periodontics & Implants",
)
DENTAL_TITLES = (
    ("Dr. ", ", DDS"), ("Dr ", ", DMD"), ("", ", D.D.S."), ("Dr. ", ", DMD"), ("", ", DDS"),
    ("Dr. ", ""), ("Dr ", ", D.M.D."),
)
# what dentists prescribe, from values.DRUGS
DENTAL_DRUGS = (
    "Amoxicillin", "Ibuprofen", "Acetaminophen", "Azithromycin", "Cephalexin", "Clindamycin",
    "Metronidazole", "Naproxen", "Tramadol", "Doxycycline", "Valacyclovir", "Prednisone",
    "Ondansetron", "Hydroxyzine", "Meloxicam",
)
PROCEDURES = (
    "extraction", "root canal", "implant", "wisdom teeth", "abscess", "crown prep", "SRP",
    "biopsy", "perio surgery",
)
QUANTITY_WORDS = {
    4: "four", 6: "six", 8: "eight", 10: "ten", 12: "twelve", 14: "fourteen", 15: "fifteen",
    20: "twenty", 21: "twenty-one", 24: "twenty-four", 28: "twenty-eight", 30: "thirty",
    40: "forty",
}
# the check list of the medical history, read down the left column then the right
CHECKLIST = (
    "Asthma", "ADHD", "Diabetes", "Ear infections", "Seizures", "Heart murmur", "Migraine",
    "Bedwetting", "Eczema", "Motion sickness", "Anxiety", "Frequent nosebleeds", "Depression",
    "Allergic rhinitis",
)
# a camper's conditions (values.CONDITIONS a child may have)
KID_CONDITIONS = (
    "Asthma", "Diabetes", "Seizures", "Migraine", "Eczema", "Anxiety", "Depression",
    "Allergic rhinitis", "Headaches", "Epilepsy", "Anemia", "Psoriasis", "Acid reflux",
    "Hypothyroidism", "Sleep apnea",
)
KID_MEDICINES = (
    "Montelukast", "Albuterol", "Salbutamol", "Cetirizine", "Loratadine", "Fluoxetine",
    "Sertraline", "Escitalopram", "Metformin", "Levothyroxine", "Lamotrigine", "Topiramate",
    "Omeprazole", "Famotidine", "Propranolol", "Hydroxyzine",
)
MED_REASONS = {
    "Montelukast": "asthma", "Albuterol": "asthma", "Salbutamol": "wheezing",
    "Cetirizine": "allergies", "Loratadine": "hay fever", "Fluoxetine": "mood",
    "Sertraline": "anxiety", "Escitalopram": "anxiety", "Metformin": "blood sugar",
    "Levothyroxine": "thyroid", "Lamotrigine": "seizures", "Topiramate": "migraines",
    "Omeprazole": "reflux", "Famotidine": "stomach", "Propranolol": "headaches",
    "Hydroxyzine": "itching",
}
# the allergy rows, in the printed order, and which row each allergy is written on
ALLERGY_ROWS = ("medication", "food", "other")
ALLERGY_KIND = {
    "penicillin": "medication", "sulfa drugs": "medication", "aspirin": "medication",
    "codeine": "medication", "ibuprofen": "medication", "amoxicillin": "medication",
    "morphine": "medication", "cephalosporins": "medication", "iodine": "medication",
    "peanuts": "food", "shellfish": "food", "eggs": "food", "tree nuts": "food", "milk": "food",
    "soy": "food", "latex": "other", "bee stings": "other", "pollen": "other",
    "dust mites": "other", "cat dander": "other",
}
REACTIONS = ("hives", "rash", "swelling", "anaphylaxis", "upset stomach", "itchy eyes", "wheezing")
RELATIONS = (
    "Aunt", "Uncle", "Grandmother", "Grandfather", "Neighbor", "Family friend", "Godmother",
    "Cousin", "Grandma", "Grandpa",
)
PARENT_RELATIONS = ("Parent", "Parent", "Parent", "Guardian", "Stepparent", "Foster parent")
COLOURS = ([25, 95, 55], [30, 65, 130], [120, 70, 25], [110, 35, 60], [20, 100, 110])
SESSIONS = ("1", "2", "3", "Full")
TIMES = ("AM", "Noon", "PM", "Bed")
VACCINES = ("tetanus", "hepatitis_b", "meningococcal", "flu")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Camper Health History",
        "Camper Health Form",
        "Health History & Authorization",
        "Camper Medical Information",
    ),
    "subtitle": (
        "To be completed by the camper's parent or guardian",
        "Parent / guardian must complete both pages",
        "Please print clearly - one form per camper",
    ),
    "today": ("Today's date:", "Date completed:", "Date:"),
    "sec_camper": ("Camper information", "About the camper", "Camper"),
    "name": ("Camper's name:", "Name of camper:", "Participant name:", "Camper (full name):"),
    "birth": ("Date of birth:", "Birthdate:", "DOB:"),
    "age": ("Age:", "Age at camp:"),
    "sex": ("Sex:", "Gender:"),
    "height": ("Height:", "Ht.:"),
    "weight": ("Weight:", "Wt.:"),
    "street": ("Home address:", "Street address:", "Mailing address:"),
    "city": ("City:", "Town / city:"),
    "state": ("State:", "St.:"),
    "zip": ("ZIP:", "Zip code:"),
    "phone": ("Home phone:", "Home tel.:", "Family phone:"),
    "grade": ("Grade (fall):", "School grade:", "Grade entering:"),
    "sessions": ("Session(s):", "Attending:", "Sessions:"),
    "sec_emergency": (
        "Emergency contact",
        "If parents cannot be reached",
        "Alternate emergency contact",
    ),
    "emergency_note": (
        "Someone other than a parent who can make decisions for the camper.",
        "Not a parent or guardian listed on page 2.",
        "Must be reachable during camp; not the parents.",
    ),
    "em_name": ("Name:", "Contact name:", "Full name:"),
    "relation": ("Relationship:", "Relation to camper:"),
    "em_phone": ("Home phone:", "Phone (home):", "Primary phone:"),
    "em_other": ("Work / cell:", "Other phone:", "Work phone:"),
    "em_address": ("Address:", "Home address:", "Street, city, state:"),
    "sec_immunity": ("Immunizations", "Immunity & vaccines", "Immunization history"),
    "immunity_question": (
        "Is the camper immune (had the disease, or fully vaccinated)?",
        "Immunity - history of the disease or complete vaccination:",
        "Mark one box for each disease:",
    ),
    "chicken_pox": ("Chickenpox (varicella)", "Chicken pox", "Varicella (chickenpox)"),
    "measles": ("Measles (rubeola)", "Measles"),
    "unsure": ("Don't know", "Unsure", "Not sure"),
    "col_vaccine": ("Vaccine", "Immunization", "Vaccine received"),
    "col_unsure": ("?", "Unsure"),
    "col_date": ("Month / year of last dose", "Last dose (mo/yr)", "Most recent dose"),
    "tetanus": ("Tetanus booster (Td / Tdap)", "Tetanus (Tdap)"),
    "hepatitis_b": ("Hepatitis B (complete series)", "Hepatitis B vaccine", "Hep B (all doses)"),
    "meningococcal": ("Meningococcal (MenACWY)", "Meningitis vaccine"),
    "flu": ("Influenza (this year)", "Flu shot (this season)"),
    "sec_history": ("Medical history", "Health history", "Conditions"),
    "history_question": (
        "Has the camper ever had, or does the camper now have:",
        "Check Yes or No for each condition, past or present:",
    ),
    "other_conditions": ("Other conditions:", "Other (please list):", "Other health problems:"),
    "completed_by": ("Completed by:", "Form filled in by:"),
    "completed_date": ("Date:", "Date completed:"),
    "office": ("OFFICE USE", "FOR CAMP USE ONLY", "OFFICE"),
    "cabin": ("Cabin", "Bunk", "Unit"),
    "running": ("Camper:", "Camper name:"),
    "running_birth": ("DOB:", "Born:"),
    "sec_parents": ("Parents / guardians", "Parent or guardian information", "Family"),
    "col_parent": ("Parent / guardian name", "Name"),
    "col_relation": ("Relationship", "Relation"),
    "col_cell": ("Cell phone", "Mobile"),
    "col_work": ("Work phone", "Daytime phone"),
    "sec_allergies": ("Allergies", "Allergies and reactions"),
    "nka": ("No known allergies", "Camper has no known allergies", "NKA"),
    "epipen": ("Carries an epinephrine auto-injector", "EpiPen prescribed"),
    "allergy_medication": ("Medications:", "Drug allergies:", "Medicines:"),
    "allergy_food": ("Foods:", "Food allergies:", "Food:"),
    "allergy_other": ("Insects / environment:", "Other (insects, latex):", "Environmental:"),
    "reaction": ("Reaction:", "Type of reaction:"),
    "sec_medication": ("Medications", "Daily medications", "Medications taken regularly"),
    "medication_note": (
        "List every medication taken regularly, at home or at camp. Send it in its original "
        "container.",
        "Include over-the-counter medicines and vitamins taken daily.",
    ),
    "col_med": ("Medication", "Name of medicine", "Drug"),
    "col_dose": ("Dose", "Amount"),
    "col_times": ("Times given", "When"),
    "col_reason": ("Reason", "Taken for"),
    "sec_insurance": ("Health insurance", "Insurance information", "Medical insurance"),
    "has_insurance": (
        "Is the camper covered by health insurance?",
        "Does your family carry health insurance for the camper?",
        "Health insurance?",
    ),
    "company": ("Insurance company:", "Insurance carrier:", "Name of insurer:", "Health plan:"),
    "holder": ("Policy holder:", "Subscriber:", "Name of insured:"),
    "policy": ("Policy / ID #:", "Member ID:", "Policy number:", "Subscriber ID:"),
    "group": ("Group #:", "Group no.:"),
    "ins_address": ("Claims address:", "Insurer's address:", "Mail claims to:"),
    "expiry": ("Coverage ends:", "Valid through:", "Expiration date:", "Exp. date:"),
    "ins_phone": ("Member services:", "Insurance phone:"),
    "card_note": (
        "Please attach a copy of both sides of the insurance card.",
        "Enclose a copy of the front and back of the card.",
    ),
    "sec_consent": ("Authorization for treatment", "Parent / guardian authorization", "Consent"),
    "consent": (
        "I give permission for the camp health staff to give routine care and the medicines "
        "listed above, and to seek emergency treatment, including hospitalization, anesthesia "
        "and surgery, when a physician judges it necessary. The information on this form is "
        "correct to the best of my knowledge.",
        "I authorize the camp nurse and physician to treat my child and to release these "
        "records to a hospital or physician if needed. I understand that I will be contacted "
        "as soon as possible after any emergency. I confirm this health history is complete.",
    ),
    "signature": ("Signature of parent / guardian", "Parent or guardian signature"),
    "sign_date": ("Date:", "Date signed:"),
    "printed_name": ("Print name:", "Printed name:"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "patient": ("Patient:", "Name:", "Patient name:", "For:"),
    "date": ("Date:",),
    "address": ("Address:", "Patient address:"),
    "age": ("Age:",),
    "tooth": ("Tooth / procedure:", "Tooth #:", "Procedure:"),
    "disp": ("Disp:", "Qty:", "Dispense:"),
    "directions": ("Sig:", "Directions:", "Instructions:"),
    "no_refill": ("No refills", "NR (no refill)", "Do not refill"),
    "refill": ("Refill", "Refills:"),
    "times": ("times",),
    "prn": ("Refill PRN", "PRN"),
    "generic": ("Generic substitution permitted", "Substitution OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "signature": ("Signature", "Prescriber's signature", "Dentist's signature"),
    "dea": ("DEA #", "DEA No."),
    "npi": ("NPI", "NPI #"),
    "license": ("Lic. #", "State license"),
    "group_note": ("Prescriber:", "Prescribing dentist:", "Dentist:"),
    "void": (
        "Not valid after 30 days. Refills are void unless a number is written above.",
        "This prescription is void if altered. Quantities over 30 days' supply need a new "
        "prescription.",
        "For dental use only. Call the office with any questions about this prescription.",
    ),
}


# --- style and content ----------------------------------------------------------------------


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, ink colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(42, 50)
    )
    printed = fonts.families(handwriting=False)
    proportional = [f.name for f in printed if "Mono" not in f.name]
    style["label_font"] = rnd.choice(proportional)
    style["title_font"] = rnd.choice(proportional)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", ""))
    style["form_code"] = (
        f"{rnd.choice('ABCDEFHKMPRSTW')}{rnd.randint(100, 999)}-{rnd.randint(1, 9)}"
    )
    style["revision"] = f"rev. {rnd.randint(1, 12)}/{rnd.randint(17, 24)}"
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            practice=_business(rnd, rnd.choice(PRACTICES)),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families())
            and rnd.random() < 0.75,
            numbered=rnd.random() < 0.7,
        )
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        camp=_business(rnd, rnd.choice(CAMPS)),
        date_place=rnd.choice(("top", "foot")),
        vaccine_order=rnd.sample(VACCINES, len(VACCINES)),
        running_line=rnd.random() < 0.65,
        title_case=rnd.choice(("upper", "title")),
        page_numbers=rnd.choice(("Page {n} of 2", "{n} of 2", "p. {n}/2")),
    )
    return style


def _business(rnd: random.Random, name: str) -> dict[str, Any]:
    """An institution's printed name, street and numbers (none of them patient data)."""
    return {
        "name": name,
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": values.phone_number(rnd),
        "fax": values.phone_number(rnd),
    }


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _kid_measures(rnd: random.Random, age: int) -> tuple[float, float, str, str]:
    """A child's weight and height as a parent writes them, and the units after them."""
    cm = 75 + age * 6.2 + rnd.uniform(-8, 8)
    kg = 9 + age * 2.9 + rnd.uniform(-3, 5)
    if rnd.random() < 0.3:
        weight_unit, height_unit = rnd.choice((("kg", "cm"), ("", "")))
        return round(kg), round(cm), weight_unit, height_unit
    weight_unit, height_unit = rnd.choice((("lbs", "in"), ("lb", "in"), ("", ""), ("lbs", "")))
    return round(kg * 2.2046), round(cm / 2.54), weight_unit, height_unit


def _month_year(day: dt.date, rnd: random.Random) -> str:
    return (
        f"{day.month}/{day.year}" if rnd.random() < 0.6 else f"{day.month:02d}/{day.year % 100:02d}"
    )


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    capitals = fonts.family(style["value_font"]).all_caps
    year = rnd.randint(2019, 2025)
    record = _between(rnd, dt.date(year, 1, 15), dt.date(year, 6, 20))  # before the summer
    birth = record - dt.timedelta(days=rnd.randint(6 * 365 + 40, 16 * 365 + 300))
    last = rnd.choice(values.LAST_NAMES)
    fields: dict[str, Any] = {
        "record_date": record.isoformat(),
        "patient_name": values.person_name(rnd, last),
        "birth_date": birth.isoformat(),
    }
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    age = _years(birth, record)
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    fields["address"] = ", ".join(lines)
    weight, height, weight_unit, height_unit = _kid_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "season": str(record.year),
        "age": age,
        "sex": rnd.choice(("M", "F")),
        "grade": _grade(age + 1 if record.month >= 6 else age) if rnd.random() < 0.85 else None,
        "sessions": sorted(rnd.sample(range(3), rnd.choice((1, 1, 2))))
        if rnd.random() < 0.85
        else [3],
        "cabin": f"{rnd.choice('ABCGK')}-{rnd.randint(1, 12)}" if rnd.random() < 0.6 else None,
        "received": (record + dt.timedelta(days=rnd.randint(2, 25))).isoformat()
        if rnd.random() < 0.5
        else None,
    }
    # the parents (distractors); the first one filled the form in
    parents = rnd.choice((1, 2, 2))
    for n in range(2):
        key = f"parent{n + 1}"
        if n < parents:
            extras[f"{key}_name"] = values.person_name(rnd, last if rnd.random() < 0.8 else None)
            extras[f"{key}_relation"] = rnd.choice(PARENT_RELATIONS)
            extras[f"{key}_cell"] = values.phone_number(rnd)
            extras[f"{key}_work"] = values.phone_number(rnd) if rnd.random() < 0.6 else None
    if rnd.random() < 0.93:
        fields["emergency_contact_name"] = values.person_name(
            rnd, last if rnd.random() < 0.4 else None
        )
        extras["relationship"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.95:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.75:
            fields["emergency_contact_address"] = values.one_line_address(rnd)
    _immunity(fields, extras, rnd, record)
    problems = _pick(rnd, KID_CONDITIONS, 0.45, 3)
    if capitals:  # written in capitals, so never ticked on the printed list
        problems = [name for name in problems if name not in CHECKLIST]
    fields["medical_problems"] = _history_order(problems)
    extras["checklist_blank"] = (
        rnd.sample(range(len(CHECKLIST)), rnd.randint(1, 3)) if rnd.random() < 0.2 else []
    )
    # page 2
    allergies = _pick(rnd, values.ALLERGIES, 0.45, 3)
    fields["allergies"] = _allergy_order(allergies)
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.7 else None for _ in ALLERGY_ROWS
    ]
    extras["epipen"] = bool(allergies) and rnd.random() < 0.4
    medication = rnd.sample(KID_MEDICINES, rnd.randint(1, 3)) if rnd.random() < 0.55 else []
    fields["regular_medication"] = medication
    strengths = {name: (choices, unit) for name, choices, unit, _ in values.DRUGS}
    extras["med_doses"] = [
        "2 puffs"
        if name in ("Albuterol", "Salbutamol")
        else f"{rnd.choice(strengths[name][0])} {strengths[name][1]}"
        for name in medication
    ]
    extras["med_times"] = [sorted(rnd.sample(range(4), rnd.choice((1, 1, 2)))) for _ in medication]
    extras["med_reasons"] = [
        MED_REASONS[name] if rnd.random() < 0.75 else None for name in medication
    ]
    answer = rnd.random()
    if answer < 0.83:
        fields["has_insurance"] = "yes"
    elif answer < 0.96:
        fields["has_insurance"] = "no"
    if fields.get("has_insurance") == "yes":
        fields["insurance_company"] = rnd.choice(values.INSURERS)
        printed, canonical = values.policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.8:
            street = rnd.choice((values.street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {values.city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                record + dt.timedelta(days=rnd.randint(60, 900))
            ).isoformat()
        extras["holder"] = extras["parent1_name"] if rnd.random() < 0.85 else None
        extras["group_number"] = (
            rnd.choice((str(rnd.randint(10000, 999999)), f"G{rnd.randint(1000, 9999)}"))
            if rnd.random() < 0.7
            else None
        )
        extras["services_phone"] = (
            f"(800) 555-01{rnd.randint(0, 99):02d}" if rnd.random() < 0.5 else None
        )
    return fields, extras, style


def _grade(age: int) -> str:
    grade = age - 5
    if grade <= 0:
        return "K"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(grade, "th")
    return f"{grade}{suffix}" if grade <= 12 else "12th"


def _pick(rnd: random.Random, pool: Sequence[str], none_share: float, most: int) -> list[str]:
    if rnd.random() < none_share:
        return []
    return rnd.sample(list(pool), rnd.randint(1, most))


def _history_order(problems: Sequence[str]) -> list[str]:
    """The conditions as the page shows them: the check list's in its order, then the rest."""
    listed = [name for name in CHECKLIST if name in problems]
    return listed + [name for name in problems if name not in CHECKLIST]


def _allergy_kind(allergy: str) -> str:
    return ALLERGY_KIND.get(allergy.lower(), "other")


def _allergy_order(allergies: Sequence[str]) -> list[str]:
    """The allergies as the page shows them: medicines, then foods, then the rest."""
    return [a for kind in ALLERGY_ROWS for a in allergies if _allergy_kind(a) == kind]


def _immunity(
    fields: dict[str, Any], extras: dict[str, Any], rnd: random.Random, record: dt.date
) -> None:
    """The two immunities, the hepatitis B answer and the vaccine table's other rows."""
    for name in ("chicken_pox", "measles"):
        if rnd.random() < 0.92:
            fields[name] = rnd.choice(("immune", "immune", "immune", "not immune"))
        elif rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
    if rnd.random() < 0.9:
        fields["hepatitis_b_vaccination"] = rnd.choice(("yes", "yes", "yes", "no"))
    elif rnd.random() < 0.6:
        extras["hepatitis_b_vaccination_unsure"] = True

    def last_dose(low: int, high: int) -> str | None:
        if rnd.random() < 0.3:
            return None
        return _month_year(record - dt.timedelta(days=rnd.randint(low, high)), rnd)

    if fields.get("hepatitis_b_vaccination") == "yes":
        extras["hepatitis_b_date"] = last_dose(700, 4000)
    for key, low, high in (("tetanus", 200, 2500), ("meningococcal", 100, 2000), ("flu", 30, 250)):
        answer = rnd.choice(("yes", "yes", "no", "unsure", None))
        extras[f"{key}_answer"] = answer
        extras[f"{key}_date"] = last_dose(low, high) if answer == "yes" else None


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    title, suffix = rnd.choice(DENTAL_TITLES)

    def dentist() -> str:
        return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"

    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    fields: dict[str, Any] = {
        "prescriber": dentist(),
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    if rnd.random() < 0.85:
        fields["patient_address"] = values.one_line_address(rnd)
    pool = [drug for drug in values.DRUGS if drug[0] in DENTAL_DRUGS]
    drugs = rnd.sample(pool, rnd.choice((1, 1, 2, 2, 2, 3, 3)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, "PRN"))
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    group = rnd.random() < 0.5
    dentists = [fields["prescriber"]]
    if group:
        others: list[str] = []
        while len(others) < rnd.choice((1, 2)):
            name = dentist()
            if name not in dentists and name not in others:
                others.append(name)
        dentists = others
        dentists.insert(rnd.randint(0, len(others)), fields["prescriber"])
    quantities = []
    for _ in drugs:
        count = rnd.choice(sorted(QUANTITY_WORDS))
        quantities.append(
            f"#{count} ({QUANTITY_WORDS[count]})" if rnd.random() < 0.6 else str(count)
        )
    birth_age = rnd.randint(8, 88)
    extras: dict[str, Any] = {
        "dentists": dentists,
        "specialty": rnd.choice(DENTAL_SPECIALTIES) if rnd.random() < 0.7 else None,
        "age": birth_age if rnd.random() < 0.7 else None,
        "tooth": _tooth(rnd) if rnd.random() < 0.7 else None,
        "quantities": quantities,
        "generic": rnd.choice(("generic", "daw", None)),
        "dea": rnd.choice("ABFM")
        + rnd.choice("ABCDEFGHJKLMNPRSTW")
        + f"{rnd.randint(0, 9999999):07d}",
        "npi": str(rnd.randint(1_000_000_000, 1_999_999_999)),
        "license": f"{rnd.choice(('D', 'DDS', 'DN'))}{rnd.randint(1000, 99999)}"
        if rnd.random() < 0.7
        else None,
    }
    return fields, extras, style


def _tooth(rnd: random.Random) -> str:
    procedure = rnd.choice(PROCEDURES)
    if procedure in ("wisdom teeth", "SRP", "perio surgery"):
        return procedure
    return f"#{rnd.randint(1, 32)} {procedure}"


# --- drawing --------------------------------------------------------------------------------


class _Sheet:
    """A page of the form: its faces, section bars, blanks, boxes and table rules."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        self.tint = tuple(round(255 - (255 - c) * 0.16) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        dark = (25, 25, 25)
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, dark
        )
        faces["option"] = render.Face(label.regular, size - 2, dark)
        faces["head"] = render.Face(label.bold, size - 5, self.colour)
        faces["section"] = render.Face(title.bold, 40, (20, 20, 20))
        faces["title"] = render.Face(title.bold, 58, self.colour)
        faces["name"] = render.Face(title.bold, 52, dark)
        faces["letterhead"] = render.Face(title.regular, 30, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (75, 75, 75))
        faces["fine"] = render.Face(label.regular, 23, (90, 90, 90))
        faces["stamp"] = render.Face(title.bold, 34, STAMP)
        faces["rx"] = render.Face(title.bold, 120, (20, 20, 20))

    def word(self, key: str) -> str:
        return self.labels[key]

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        width: float = 2,
        fill: tuple[int, int, int] | None = None,
    ) -> None:
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=fill or self.colour,
            width=max(1, page.px(width)),
        )

    def blank(
        self, x: float, y: float, label: str, value: str | None, end: float, *, face: str = "label"
    ) -> float:
        """``Label: ________`` with the value written on the rule; returns the rule's end."""
        page = self.page
        start = page.text(x, y, label, face) + 22
        page.rule(start, end, y + 14, width=2, fill=RULE)
        if value:
            page.text(start + 12, y, value, "value", max_width=end - start - 24)
        return end

    def box(self, x: float, y: float, checked: bool, side: float = 38) -> float:
        return common.checkbox(self.page, x, y, checked=checked, mark=self.style["mark"], side=side)

    def options(
        self, x: float, y: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """``[ ] A  [x] B``: a box before each printed option, the chosen one marked."""
        for key, text in options:
            x = self.box(x, y, key == chosen)
            x = self.page.text(x + 16, y, text, "option") + 46
        return x

    def cell_mark(self, cx: float, y: float) -> None:
        """A hand-made tick or cross centred in a table cell whose baseline is ``y``."""
        page = self.page
        ink = page.faces["value"].fill
        width = max(1, page.px(6))
        if self.style["mark"] == "tick":
            points = [(cx - 18, y - 20), (cx - 4, y - 2), (cx + 24, y - 44)]
            page.draw.line([(page.px(a), page.px(b)) for a, b in points], fill=ink, width=width)
            return
        for a, b, c, d in ((cx - 18, y - 40, cx + 18, y), (cx + 18, y - 40, cx - 18, y)):
            page.draw.line(
                [(page.px(a), page.px(b)), (page.px(c), page.px(d))], fill=ink, width=width
            )

    def section(self, y: float, key: str) -> float:
        """A tinted bar with the section's title; returns the first baseline under it."""
        page = self.page
        page.draw.rectangle(
            [page.px(LEFT), page.px(y - 46), page.px(RIGHT), page.px(y + 14)], fill=self.tint
        )
        page.draw.rectangle(
            [page.px(LEFT), page.px(y - 46), page.px(LEFT + 16), page.px(y + 14)],
            fill=self.colour,
        )
        page.text(LEFT + 40, y, self.word(key).upper(), "section")
        return y + 100

    def table_rules(
        self, x: Sequence[float], top: float, rows: int, head: float, row: float
    ) -> list[float]:
        """A ruled table: the header row and ``rows`` rows; returns the rows' baselines."""
        bottom = top + head + rows * row
        for xi in x:
            self.line(xi, top, xi, bottom)
        self.line(x[0], top, x[-1], top, width=3)
        self.line(x[0], top + head, x[-1], top + head, width=3)
        for k in range(1, rows + 1):
            self.line(x[0], top + head + k * row, x[-1], top + head + k * row)
        return [top + head + (k + 1) * row - row * 0.28 for k in range(rows)]

    def footer(self, left: str, number: int | None) -> None:
        page = self.page
        page.text(LEFT, FOOTER, left, "fine")
        if number is not None:
            text = str(self.style["page_numbers"]).format(n=number)
            page.text(RIGHT, FOOTER, text, "fine", anchor="rs")


def _pine(sheet: _Sheet, x: float, y: float, side: float) -> None:
    """The camp's emblem: a pine tree in a ring, in the form's ink."""
    page = sheet.page
    page.draw.ellipse(
        [page.px(x), page.px(y), page.px(x + side), page.px(y + side)],
        outline=sheet.colour,
        width=max(1, page.px(6)),
    )
    cx = x + side / 2
    for top, half, base in ((0.14, 0.18, 0.44), (0.3, 0.25, 0.62), (0.46, 0.32, 0.8)):
        page.draw.polygon(
            [
                (page.px(cx), page.px(y + side * top)),
                (page.px(cx - side * half), page.px(y + side * base)),
                (page.px(cx + side * half), page.px(y + side * base)),
            ],
            fill=sheet.colour,
        )
    page.draw.rectangle(
        [
            page.px(cx - side * 0.05),
            page.px(y + side * 0.8),
            page.px(cx + side * 0.05),
            page.px(y + side * 0.9),
        ],
        fill=sheet.colour,
    )


def _tooth_emblem(sheet: _Sheet, x: float, y: float, side: float) -> None:
    """The practice's emblem: a molar's outline, in the form's ink."""
    page = sheet.page
    w = max(1, page.px(7))
    s = side
    points = [
        (0.18, 0.12), (0.34, 0.06), (0.5, 0.14), (0.66, 0.06), (0.82, 0.12), (0.9, 0.32),
        (0.82, 0.55), (0.76, 0.92), (0.64, 0.95), (0.57, 0.66), (0.5, 0.6), (0.43, 0.66),
        (0.36, 0.95), (0.24, 0.92), (0.18, 0.55), (0.1, 0.32), (0.18, 0.12),
    ]  # fmt: skip
    page.draw.line(
        [(page.px(x + a * s), page.px(y + b * s)) for a, b in points],
        fill=sheet.colour,
        width=w,
        joint="curve",
    )


def _letterhead(sheet: _Sheet, business: Mapping[str, Any], emblem: str, right_edge: float) -> None:
    """The institution's name, street and numbers at the top left, beside its emblem."""
    page = sheet.page
    if emblem == "pine":
        _pine(sheet, LEFT, 110, 150)
    else:
        _tooth_emblem(sheet, LEFT, 110, 150)
    x = LEFT + 185
    page.text(x, 175, business["name"], "name", max_width=right_edge - x)
    page.text(
        x, 225, f"{business['street']}, {business['city']}", "letterhead", max_width=right_edge - x
    )
    phone = common.format_phone(business["phone"], "dash")
    fax = common.format_phone(business["fax"], "dash")
    page.text(x, 268, f"Tel {phone}  |  Fax {fax}", "letterhead", max_width=right_edge - x)


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _city_parts(line: str | None) -> tuple[str | None, str | None, str | None]:
    """A city line ``Portland, OR 97201`` as its city, state and ZIP blanks."""
    if not line:
        return None, None, None
    city, _, rest = line.partition(", ")
    state = zip_code = None
    for token in rest.split():
        if token.isdigit():
            zip_code = token
        else:
            state = token
    return city, state, zip_code


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    camp = style["camp"]
    _letterhead(sheet, camp, "pine", 1300)
    title = word("title")
    page.text(
        RIGHT,
        185,
        title.upper() if style["title_case"] == "upper" else title,
        "title",
        anchor="rs",
        max_width=RIGHT - 1340,
    )
    season = extras.get("season")
    if season:
        page.text(RIGHT, 240, f"Summer {season}", "head", anchor="rs")
    page.text(RIGHT, 285, word("subtitle"), "note", anchor="rs", max_width=RIGHT - 1340)
    sheet.line(LEFT, 320, RIGHT, 320, width=5)
    sheet.line(LEFT, 332, RIGHT, 332, width=2)
    date = common.date_text(fields, "record_date", style)
    if style["date_place"] == "top":
        label = word("today")
        width = max(page.width(date or "", "value") + 60, 380)
        x = RIGHT - width - page.width(label, "label") - 22
        sheet.blank(x, 410, label, date, RIGHT)

    # camper
    y = sheet.section(500, "sec_camper")
    sheet.blank(LEFT, y, word("name"), fields.get("patient_name"), 1540)
    sheet.blank(1600, y, word("birth"), common.date_text(fields, "birth_date", style), RIGHT)
    y += 100
    age = extras.get("age")
    sheet.blank(LEFT, y, word("age"), str(age) if age is not None else None, 500)
    x = page.text(560, y, word("sex"), "label") + 24
    sheet.options(x, y, (("M", "M"), ("F", "F")), extras.get("sex"))
    sheet.blank(
        1060, y, word("height"), _with_unit(fields, "height", extras.get("height_unit")), 1540
    )
    sheet.blank(
        1600, y, word("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), RIGHT
    )
    y += 100
    lines = list(extras.get("address_lines") or [])
    if not lines and fields.get("address"):
        address = str(fields["address"])
        street, _, city_line = address.partition(", ")
        lines = [street, city_line]
    lines += [None] * (2 - len(lines))
    sheet.blank(LEFT, y, word("street"), lines[0], RIGHT)
    y += 100
    city, state, zip_code = _city_parts(lines[1])
    sheet.blank(LEFT, y, word("city"), city, 1240)
    sheet.blank(1300, y, word("state"), state, 1700)
    sheet.blank(1760, y, word("zip"), zip_code, RIGHT)
    y += 100
    sheet.blank(LEFT, y, word("phone"), common.phone_text(fields.get("phone"), style), 1060)
    sheet.blank(1120, y, word("grade"), extras.get("grade"), 1580)
    x = page.text(1640, y, word("sessions"), "label") + 24
    chosen = set(extras.get("sessions") or [])
    for k, text in enumerate(SESSIONS):
        x = sheet.box(x, y, k in chosen, side=34)
        x = page.text(x + 12, y, text, "option") + 30

    # emergency contact
    y = sheet.section(y + 130, "sec_emergency")
    page.text(RIGHT, y - 100, word("emergency_note"), "note", anchor="rs", max_width=1250)
    sheet.blank(LEFT, y, word("em_name"), fields.get("emergency_contact_name"), 1400)
    sheet.blank(1460, y, word("relation"), extras.get("relationship"), RIGHT)
    y += 100
    sheet.blank(
        LEFT,
        y,
        word("em_phone"),
        common.phone_text(fields.get("emergency_contact_phone"), style),
        1150,
    )
    sheet.blank(
        1210,
        y,
        word("em_other"),
        common.phone_text(extras.get("emergency_work_phone"), style),
        RIGHT,
    )
    y += 100
    sheet.blank(LEFT, y, word("em_address"), fields.get("emergency_contact_address"), RIGHT)

    # immunizations
    y = sheet.section(y + 130, "sec_immunity") - 20
    page.text(LEFT, y, word("immunity_question"), "label", max_width=RIGHT - LEFT)
    for name in ("chicken_pox", "measles"):
        y += 85
        page.text(LEFT + 30, y, word(name), "label", max_width=880)
        chosen_answer = fields.get(name) or ("unsure" if extras.get(f"{name}_unsure") else None)
        sheet.options(
            1000,
            y,
            (("immune", "Immune"), ("not immune", "Not immune"), ("unsure", word("unsure"))),
            chosen_answer,
        )
    top = y + 45
    columns = (LEFT, 1140, 1290, 1440, 1590, RIGHT)
    order = list(style["vaccine_order"])
    baselines = sheet.table_rules(columns, top, len(order), 62, 68)
    head_y = top + 44
    for text, (x0, x1) in zip(
        (word("col_vaccine"), "Yes", "No", word("col_unsure"), word("col_date")),
        itertools.pairwise(columns),
        strict=True,
    ):
        page.text((x0 + x1) / 2, head_y, text, "head", anchor="ms", max_width=x1 - x0 - 20)
    for key, base in zip(order, baselines, strict=True):
        page.text(LEFT + 20, base, word(key), "option", max_width=columns[1] - LEFT - 40)
        if key == "hepatitis_b":
            answer = fields.get("hepatitis_b_vaccination") or (
                "unsure" if extras.get("hepatitis_b_vaccination_unsure") else None
            )
        else:
            answer = extras.get(f"{key}_answer")
        for k, option in enumerate(("yes", "no", "unsure")):
            if answer == option:
                sheet.cell_mark((columns[1 + k] + columns[2 + k]) / 2, base + 8)
        when = extras.get(f"{key}_date")
        if when:
            page.text(columns[4] + 30, base, str(when), "value", max_width=RIGHT - columns[4] - 60)
    y = top + 62 + len(order) * 68

    # medical history: a check list in two columns, then the others
    y = sheet.section(y + 110, "sec_history") - 20
    page.text(LEFT, y, word("history_question"), "label", max_width=RIGHT - LEFT)
    y += 70
    problems = list(fields.get("medical_problems") or [])
    blank_rows = set(extras.get("checklist_blank") or [])
    half = (len(CHECKLIST) + 1) // 2
    for column, x0 in enumerate((LEFT + 10, 1290.0)):
        page.text(x0 + 19, y, "Yes", "head", anchor="ms")
        page.text(x0 + 109, y, "No", "head", anchor="ms")
        for k in range(half):
            index = column * half + k
            if index >= len(CHECKLIST):
                break
            name = CHECKLIST[index]
            base = y + 66 + k * 62
            answered = index not in blank_rows or name in problems
            sheet.box(x0, base, answered and name in problems, side=36)
            sheet.box(x0 + 90, base, answered and name not in problems, side=36)
            page.text(x0 + 170, base, name, "option")
    y += 66 + half * 62 + 40
    others = [name for name in problems if name not in CHECKLIST]
    written: str | None = ", ".join(others) or None
    if not problems:
        written = str(style["empty_list"]) or None
    sheet.blank(LEFT, y, word("other_conditions"), written, RIGHT)

    # the foot: who completed it (and when), the office box
    y = 3090.0
    office_x = 1700.0
    if style["date_place"] == "foot":
        sheet.blank(LEFT, y, word("completed_by"), extras.get("parent1_name"), 1080)
        sheet.blank(1120, y, word("completed_date"), date, office_x - 50)
    page.draw.rectangle(
        [page.px(office_x), page.px(y - 70), page.px(RIGHT), page.px(y + 30)],
        outline=sheet.colour,
        width=max(1, page.px(2)),
    )
    page.text(office_x + 18, y - 36, word("office"), "fine")
    x = page.text(office_x + 18, y + 10, word("cabin"), "fine") + 14
    cabin = extras.get("cabin")
    if cabin:
        page.text(x, y + 12, str(cabin), "value", max_width=220)
    received = extras.get("received")
    if received:
        day = dt.date.fromisoformat(received)
        stamp = f"RECEIVED {common.MONTHS[day.month - 1][:3].upper()} {day.day} {day.year}"
        page.text(RIGHT - 20, y - 4, stamp, "stamp", anchor="rs", max_width=RIGHT - office_x - 330)
    sheet.footer(f"{style['form_code']}  {style['revision']}", 1)
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    page.text(LEFT, 180, style["camp"]["name"], "name", max_width=1100)
    title = word("title")
    page.text(
        RIGHT,
        180,
        title.upper() if style["title_case"] == "upper" else title,
        "head",
        anchor="rs",
        max_width=1000,
    )
    sheet.line(LEFT, 215, RIGHT, 215, width=4)
    y = 250.0
    if style["running_line"]:
        y = 300.0
        x = page.text(LEFT, y, word("running"), "option") + 20
        name = fields.get("patient_name")
        end = page.text(x, y, name, "value", max_width=1000) if name else x + 600
        x = page.text(max(end + 60, 1300), y, word("running_birth"), "option") + 20
        birth = common.date_text(fields, "birth_date", style)
        if birth:
            page.text(x, y, birth, "value", max_width=RIGHT - x)

    # parents / guardians (distractors)
    y = sheet.section(y + 120, "sec_parents") - 60
    columns = (LEFT, 980, 1340, 1870, RIGHT)
    baselines = sheet.table_rules(columns, y, 2, 58, 80)
    for text, (x0, x1) in zip(
        (word("col_parent"), word("col_relation"), word("col_cell"), word("col_work")),
        itertools.pairwise(columns),
        strict=True,
    ):
        page.text(x0 + 16, y + 42, text, "head", max_width=x1 - x0 - 30)
    for n, base in enumerate(baselines, start=1):
        key = f"parent{n}"
        cells = (
            extras.get(f"{key}_name"),
            extras.get(f"{key}_relation"),
            common.phone_text(extras.get(f"{key}_cell"), style),
            common.phone_text(extras.get(f"{key}_work"), style),
        )
        for cell, (x0, x1) in zip(cells, itertools.pairwise(columns), strict=True):
            if cell:
                page.text(x0 + 16, base, cell, "value", max_width=x1 - x0 - 32)
    y += 58 + 2 * 80

    # allergies
    y = sheet.section(y + 110, "sec_allergies") - 10
    allergies = list(fields.get("allergies") or [])
    x = sheet.box(LEFT, y, "allergies" in fields and not allergies)
    page.text(x + 16, y, word("nka"), "option")
    x = sheet.box(1300, y, bool(extras.get("epipen")))
    page.text(x + 16, y, word("epipen"), "option", max_width=RIGHT - x - 16)
    reactions = list(extras.get("reactions") or [None] * 3)
    for k, kind in enumerate(ALLERGY_ROWS):
        y += 95
        items = [a for a in allergies if _allergy_kind(a) == kind]
        sheet.blank(LEFT, y, word(f"allergy_{kind}"), ", ".join(items) or None, 1600)
        reaction = reactions[k] if items and k < len(reactions) else None
        sheet.blank(1660, y, word("reaction"), reaction, RIGHT)

    # medications
    y = sheet.section(y + 140, "sec_medication") - 40
    page.text(LEFT, y, word("medication_note"), "note", max_width=RIGHT - LEFT)
    top = y + 25
    columns = (LEFT, 900, 1180, 1800, RIGHT)
    baselines = sheet.table_rules(columns, top, 4, 58, 74)
    for text, (x0, x1) in zip(
        (word("col_med"), word("col_dose"), word("col_times"), word("col_reason")),
        itertools.pairwise(columns),
        strict=True,
    ):
        page.text(x0 + 16, top + 42, text, "head", max_width=x1 - x0 - 30)
    medication = list(fields.get("regular_medication") or [])
    doses = list(extras.get("med_doses") or [])
    times = list(extras.get("med_times") or [])
    reasons = list(extras.get("med_reasons") or [])
    for k, base in enumerate(baselines):
        x = columns[2] + 20
        marked = set(times[k]) if k < len(times) and k < len(medication) else set()
        for t, text in enumerate(TIMES):
            x = sheet.box(x, base + 4, t in marked, side=30)
            x = page.text(x + 8, base, text, "note") + 22
        if k < len(medication):
            cells = (
                medication[k],
                doses[k] if k < len(doses) else None,
                None,
                reasons[k] if k < len(reasons) else None,
            )
        elif k == 0 and "regular_medication" in fields:
            cells = (str(style["empty_list"]) or None, None, None, None)
        else:
            continue
        for cell, (x0, x1) in zip(cells, itertools.pairwise(columns), strict=True):
            if cell:
                page.text(x0 + 16, base, cell, "value", max_width=x1 - x0 - 32)
    y = top + 58 + 4 * 74

    # health insurance
    y = sheet.section(y + 110, "sec_insurance") - 10
    x = page.text(LEFT, y, word("has_insurance"), "label", max_width=1500) + 40
    sheet.options(x, y, (("yes", "Yes"), ("no", "No")), fields.get("has_insurance"))
    y += 100
    sheet.blank(LEFT, y, word("company"), fields.get("insurance_company"), 1380)
    sheet.blank(1440, y, word("holder"), extras.get("holder"), RIGHT)
    y += 100
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    sheet.blank(LEFT, y, word("policy"), policy, 1380)
    sheet.blank(1440, y, word("group"), extras.get("group_number"), RIGHT)
    y += 100
    sheet.blank(LEFT, y, word("ins_address"), fields.get("insurance_address"), RIGHT)
    y += 100
    sheet.blank(LEFT, y, word("expiry"), common.date_text(fields, "insurance_expiry", style), 1100)
    sheet.blank(
        1160, y, word("ins_phone"), common.phone_text(extras.get("services_phone"), style), RIGHT
    )
    y += 70
    page.text(LEFT, y, word("card_note"), "note", max_width=RIGHT - LEFT)

    # authorization and signature
    y = sheet.section(y + 110, "sec_consent") - 40
    for text in render.wrap(page, word("consent"), "note", RIGHT - LEFT):
        page.text(LEFT, y, text, "note")
        y += 40
    y += 170
    page.rule(LEFT, 1150, y + 14, width=2, fill=RULE)
    page.scribble(LEFT + 60, 900, y + 4, page.faces["value"].fill)
    page.text(LEFT, y + 52, word("signature"), "note")
    sheet.blank(1210, y, word("sign_date"), common.date_text(fields, "record_date", style), 1700)
    sheet.blank(1760, y, word("printed_name"), extras.get("parent1_name"), RIGHT)
    sheet.footer(f"{style['form_code']}  {style['revision']}", 2)
    return page.image


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    practice = style["practice"]
    _letterhead(sheet, practice, "tooth", 1380)
    page.faces["doctor"] = render.Face(page.faces["name"].path, 44, (25, 25, 25))
    dentists = list(extras.get("dentists") or [])
    prescriber = fields.get("prescriber")
    if prescriber and prescriber not in dentists:
        dentists = [prescriber]
    if len(dentists) == 1:
        page.text(RIGHT, 180, dentists[0], "doctor", anchor="rs", max_width=RIGHT - 1440)
        specialty = extras.get("specialty")
        if specialty:
            page.text(RIGHT, 232, specialty, "letterhead", anchor="rs", max_width=RIGHT - 1440)
    elif dentists:
        y = 150.0
        page.text(1460, y - 10, word("group_note"), "note")
        for name in dentists:
            y += 62
            x = sheet.box(1460, y, name == prescriber, side=34)
            page.text(x + 18, y, name, "option", max_width=RIGHT - x - 18)
    y = 370.0
    sheet.line(LEFT, y, RIGHT, y, width=5)
    sheet.line(LEFT, y + 12, RIGHT, y + 12, width=2)

    y = 510.0
    sheet.blank(LEFT, y, word("patient"), fields.get("patient_name"), 1600)
    sheet.blank(1660, y, word("date"), common.date_text(fields, "date", style), RIGHT)
    y += 120
    sheet.blank(LEFT, y, word("address"), fields.get("patient_address"), RIGHT)
    y += 120
    age = extras.get("age")
    sheet.blank(LEFT, y, word("age"), str(age) if age is not None else None, 520)
    sheet.blank(580, y, word("tooth"), extras.get("tooth"), 1500)

    # the ℞ and the medicines
    y += 200
    if style["rx_glyph"]:
        rx_font = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 130, (20, 20, 20))
        page.text(LEFT, y, fonts.RX_GLYPH, "rx")
    else:
        page.text(LEFT, y, "Rx", "rx")
    y += 140
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    for k in range(max(3, len(medicines))):  # the pad's numbered medicine lines
        x = LEFT + 60
        if style["numbered"]:
            x = page.text(x, y, f"{k + 1}.", "label") + 30
        page.rule(x, 1660, y + 14, width=2, fill=RULE)
        if k < len(medicines):
            page.text(x + 10, y, medicines[k], "value", max_width=1650 - x - 10)
        sheet.blank(1720, y, word("disp"), quantities[k] if k < len(quantities) else None, RIGHT)
        y += 135

    # directions
    y += 70
    label_end = page.text(LEFT, y, word("directions"), "label") + 24
    lines = render.wrap(page, fields.get("directions") or "", "value", RIGHT - label_end - 60)
    for k in range(3):
        page.rule(label_end if k == 0 else LEFT + 60, RIGHT, y + 14 + k * 100, width=2, fill=RULE)
    for k, text in enumerate(lines):
        page.text(
            (label_end if k == 0 else LEFT + 60) + 12,
            y + k * 100,
            text,
            "value",
            max_width=RIGHT - (label_end if k == 0 else LEFT + 60) - 24,
        )
    y += max(3, len(lines)) * 100 + 90

    # refills and substitution
    refills = fields.get("refills")
    x = sheet.box(LEFT, y, refills == 0)
    x = page.text(x + 16, y, word("no_refill"), "option") + 70
    x = page.text(x, y, word("refill"), "option") + 20
    page.rule(x, x + 150, y + 14, width=2, fill=RULE)
    if isinstance(refills, int) and refills > 0:
        page.text(x + 75, y, str(refills), "value", anchor="ms")
    x = page.text(x + 170, y, word("times"), "option") + 70
    x = sheet.box(x, y, refills == "PRN")
    page.text(x + 16, y, word("prn"), "option")
    y += 100
    generic = extras.get("generic")
    x = sheet.box(LEFT, y, generic == "generic")
    x = page.text(x + 16, y, word("generic"), "option") + 70
    x = sheet.box(x, y, generic == "daw")
    page.text(x + 16, y, word("daw"), "option", max_width=RIGHT - x - 16)

    # signature and the dentist's numbers
    y = max(y + 300, 2700.0)
    page.rule(1200, RIGHT, y, width=3, fill=(60, 60, 60))
    page.scribble(1260, 1950, y - 10, page.faces["value"].fill)
    page.text(1200, y + 45, word("signature"), "note")
    y += 130
    numbers = [
        (word("dea"), extras.get("dea")),
        (word("npi"), extras.get("npi")),
        (word("license"), extras.get("license")),
    ]
    x = 1200.0
    for label, number in numbers:
        if number:
            x = page.text(x, y, f"{label} {number}", "letterhead") + 50
    page.text(LEFT, 3060, word("void"), "note", max_width=RIGHT - LEFT)
    sheet.footer(f"{style['form_code']}  {style['revision']}", None)
    return page.image


render_pages = common.form_renderer((_prescription, _record_one, _record_two))
