"""A nursing facility's admission record and an emergency department's discharge prescription.

Written blind as the held-out family of round 7 (then called ``heldout``): its author never read
the reader. Studied and tuned in round 8 under this name. Neither
document is a clinic's registration form or a doctor's pad; both come from institutions whose
forms are filled in by staff.

Patient record (two pages): a skilled-nursing facility's "resident admission record". The
printed form is in one "dropout" ink colour (lines, section letters, table headers). The
letterhead (the facility's name, street, telephone and fax) is at the top left and the form's
title and code at the top right. An office strip of small boxed cells follows at the right
(resident number and room, each label small in its cell's top corner, the value under it); the
admission date, which is the record date, is either a third cell of that strip or the first
row's right-hand pair in section A. Sections are lettered (a filled square with the letter in
white, the title beside it, a rule under both).

* A, the resident: a ruled key/value table whose labels are set flush *right* against the
  column rule, the value left of the next rule; two pairs a row (name and the admission date
  or sex; date of birth and age; weight and height, the unit in the label or after the value;
  telephone and language or sex), the home address one full-width row or a street row and a
  "city, state, ZIP" row with the country beside it; then where the resident was admitted
  from (a hospital or "Home") and the attending physician (a doctor's name and a distractor).
* B, contacts: a table with a row per person, each row two lines high (name, relationship,
  home phone, work/cell phone on the first; the address after a small tag on the second), the
  role printed in the first column. The emergency contact is the row whose role says so; the
  other rows (a second contact, a responsible party / health care proxy) are distractors, in
  a seeded order. The home phone column is ``emergency_contact_phone``; the work/cell column
  the extras' work phone.
* C, immunity and vaccines: an immunity *matrix* with the diseases across (chickenpox,
  measles, and mumps and rubella as distractors) and the statuses down (immune, not immune,
  unknown), the answer a hand-drawn tick or cross in one cell of a disease's column; then a
  vaccine table (hepatitis B series, influenza, pneumococcal, TB skin test) with Yes / No /
  Unknown columns marked the same way and the date of the last dose (distractor dates).
  An "unknown" mark, or none, leaves the field out of the truth.
* D, diagnoses: a numbered table of active diagnoses with an ICD-10 code column (the codes
  are distractors; the truth is the conditions in row order); an empty list is the form's
  word for none in the first row, or nothing. Beside it the code status, diet and mobility as
  ticked boxes (distractors).

Residents are nearly always born before 1976. Page 2 may open with a running line (the resident's
name and number). E, allergies: an alert box with a red tab, a "no known allergies" check box and a
written list (an empty list is the box ticked or the form's word for none). F, current medications:
a table of name, dose, route and frequency (the truth is the names). G, payer: a Yes / No
health-insurance question, the subscriber and relation (distractors), then two rounded "insurance
card" boxes transcribing the card's front (carrier, member ID = ``policy_number``, group number, an
*effective* date that is a distractor and the termination date = ``insurance_expiry``) and back
(claims address = ``insurance_address`` on its own line under its label, a member-services phone
and an Rx BIN, both distractors). The page ends with who gave the information (boxes), the staff
member who completed it (name and title, distractors) and the date (the record date again).

Prescription: an emergency department's discharge prescription. The hospital's letterhead (a cross
in a square, the hospital, "Emergency Department", street and the department's phone) and a
right-aligned title. The patient is either an addressograph *imprint* (a pale rounded box stamped
in a monospace face: the name, MRN and account number, date of birth and sex, the street and the
city line, all machine-made; the truth's address is the two lines joined by ``", "``) or written
rows (name and date of birth; address). Beside or under it: the date with the time after it, the
weight and the allergies (distractors), then the diagnosis (a distractor). The medicines are a
printed *check list* of common discharge drugs in two columns (the ticked ones are medicines, in
reading order: down the left column, then down the right) followed by "Other" rules with written
medicines; the truth lists the ticked ones first, then the written ones (a copy filled in a
capitals-only hand writes them all). The directions are on rules after their label; the refills are
written in a small box after their label (the box empty when absent), beside substitution boxes
(distractors). A follow-up line names another doctor (a distractor). The prescriber is written on a
"print name" rule or stamped (a tilted rubber stamp in purple with the name, the specialty and the
NPI); the NPI and DEA numbers and the discharging nurse are distractors.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
FOOTER = 3200.0
GREY = (95, 95, 95)
ALERT = (180, 30, 35)
STAMP_INK = (105, 40, 140)

# a table cell's drawer: (x0, baseline, x1) -> None
Drawer = Callable[[float, float, float], None]
Cell = str | Drawer | None

# fmt: off
FACILITIES = (
    "Maplewood Nursing & Rehabilitation", "Cedar Grove Care Center", "Brookhaven Health Care",
    "Willow Creek Skilled Nursing", "The Oaks at Fairview", "Sunrise Manor Care Center",
    "Heritage Hills Nursing Home", "Riverside Gardens Rehabilitation",
)
HOSPITALS = (
    "Saint Luke's Regional Hospital", "Bayview Medical Center", "Franklin County Hospital",
    "Mount Carmel Health", "Prairie View Hospital", "Union Memorial Hospital",
    "Clearwater General Hospital", "Highland Park Medical Center",
)
ADMITTED_FROM = (
    "Home", "Home", "Assisted living", "Saint Luke's Regional Hospital",
    "Bayview Medical Center", "Union Memorial Hospital", "Another nursing facility",
)
RELATIONS = (
    "Daughter", "Son", "Wife", "Husband", "Spouse", "Niece", "Nephew", "Sister", "Brother",
    "Friend", "Granddaughter", "Grandson", "Neighbor",
)
LANGUAGES = ("English", "English", "Spanish", "Polish", "Vietnamese", "Tagalog", "Italian")
STAFF_TITLES = ("RN", "LPN", "MSW", "RN, DON", "Admissions Coord.")
COLOURS = ([20, 95, 75], [150, 40, 40], [35, 70, 140], [120, 80, 20], [95, 45, 120])
# ICD-10 codes of values.CONDITIONS, printed beside the diagnoses (distractors)
ICD10 = {
    "Asthma": "J45.909", "Diabetes": "E11.9", "Type 2 diabetes": "E11.9", "Hypertension": "I10",
    "Migraine": "G43.909", "Seizures": "R56.9", "Headaches": "R51.9", "Epilepsy": "G40.909",
    "Hypothyroidism": "E03.9", "Arthritis": "M19.90", "Eczema": "L30.9", "Anemia": "D64.9",
    "Depression": "F32.A", "Anxiety": "F41.9", "High cholesterol": "E78.5",
    "Sleep apnea": "G47.33", "Psoriasis": "L40.9", "Acid reflux": "K21.9",
    "Osteoporosis": "M81.0", "Allergic rhinitis": "J30.9", "COPD": "J44.9", "Gout": "M10.9",
    "Back pain": "M54.50", "Kidney stones": "N20.0",
}
ROUTES = ("PO", "PO", "PO", "PO", "SL", "PO with food")
FREQUENCIES = ("Daily", "BID", "TID", "QHS", "Q AM", "PRN", "Q6H PRN", "Weekly")
DIAGNOSES_ED = (
    "Acute otitis media", "Urinary tract infection", "Ankle sprain", "Acute bronchitis",
    "Cellulitis, left forearm", "Strep pharyngitis", "Low back strain", "Migraine headache",
    "Sinusitis", "Contusion, right knee",
)
DEPARTMENTS = ("Emergency Department", "Emergency & Urgent Care", "Emergency Services")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Resident Admission Record", "Admission Face Sheet", "Resident Intake Record"),
    "instruction": (
        "To be completed by nursing staff on the day of admission. Print in ink.",
        "Complete all sections within 24 hours of admission.",
        "Admitting nurse: verify every entry with the resident or family.",
    ),
    "resident_no": ("Resident no.", "Res. #", "Facility ID"),
    "room": ("Room / bed", "Rm-Bed", "Unit / room"),
    "record_date": ("Admission date", "Date admitted", "Adm. date", "Admit date"),
    "section_resident": ("Resident", "Resident identification", "Resident data"),
    "patient_name": ("Resident name", "Name of resident", "Res. name", "Legal name"),
    "birth_date": ("D.O.B.", "Date of birth", "Birthdate"),
    "age": ("Age", "Age (yrs)"),
    "sex": ("Sex", "Gender"),
    "weight": ("Admit weight", "Wt.", "Weight"),
    "height": ("Ht.", "Height"),
    "phone": ("Tel.", "Home tel.", "Telephone", "Phone no."),
    "language": ("Language", "Primary language"),
    "address": ("Prior address", "Home address", "Previous residence"),
    "street": ("Street (prior residence)", "Home street", "No. / street"),
    "city_line": ("City, state, ZIP", "City / ST / ZIP"),
    "country": ("Country",),
    "admitted_from": ("Admitted from", "Transferred from", "Adm. source"),
    "attending": ("Attending physician", "Attending MD", "Primary physician"),
    "section_contacts": ("Contacts", "Family / responsible parties", "Persons to notify"),
    "col_role": ("Role", "Contact type", "Type"),
    "col_name": ("Name", "Full name"),
    "col_relation": ("Relationship", "Rel. to resident", "Relation"),
    "col_home": ("Home phone", "Home tel.", "Phone (home)"),
    "col_other": ("Work / cell", "Work or mobile", "Other phone"),
    "address_tag": ("Address:", "Addr.:", "Mailing address:"),
    "role_emergency": ("Emergency contact", "1st contact (emergency)", "Notify in emergency"),
    "role_second": ("2nd contact", "Alternate contact", "Second contact"),
    "role_poa": ("Responsible party", "Health care proxy", "POA / guardian"),
    "section_immunity": ("Immunity and vaccines", "Immunizations & screening", "Immunity status"),
    "status_head": ("Status", "Immunity", "Resident is"),
    "chicken_pox": ("Chickenpox (varicella)", "Varicella", "Chicken pox"),
    "measles": ("Measles (rubeola)", "Measles", "Rubeola (measles)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella", "Rubella (German measles)"),
    "immune": ("Immune", "Immune (hx / titer)"),
    "not immune": ("Not immune", "Not immune (susceptible)"),
    "unknown": ("Unknown", "Not known", "Not tested / unknown"),
    "matrix_note": (
        "Mark one box per column.",
        "Tick the status of each disease.",
        "One mark in each column.",
    ),
    "col_vaccine": ("Vaccine / test", "Vaccine", "Immunization"),
    "col_yes": ("Yes", "Y"),
    "col_no": ("No", "N"),
    "col_unknown": ("Unk.", "Unknown", "?"),
    "col_date": ("Date of last dose", "Last given", "Most recent date"),
    "hepatitis_b": ("Hepatitis B series", "Hep B vaccine (3 doses)", "Hepatitis B vaccinated"),
    "flu": ("Influenza (this season)", "Flu vaccine"),
    "pneumo": ("Pneumococcal", "Pneumonia vaccine"),
    "tb": ("TB skin test (PPD)", "TB screening"),
    "section_diagnoses": ("Diagnoses", "Active diagnoses", "Medical diagnoses"),
    "col_number": ("#", "No."),
    "col_diagnosis": ("Diagnosis / condition", "Diagnosis", "Active problem"),
    "col_icd": ("ICD-10", "Code", "ICD-10 code"),
    "code_status": ("Code status:", "Resuscitation:"),
    "diet": ("Diet:", "Diet order:"),
    "mobility": ("Mobility:", "Ambulation:"),
    "running": ("Resident:", "Name:"),
    "continued": ("(continued)", "page 2", "cont."),
    "section_allergies": ("Allergies", "Allergy information", "Allergies & sensitivities"),
    "allergy_tab": ("ALLERGIES", "ALLERGY"),
    "no_allergies": ("NKA (no known allergies)", "No known allergies", "NKDA / NKA"),
    "allergy_list": ("List:", "Allergic to:", "Substance(s):"),
    "section_medication": ("Current medications", "Medications on admission", "Home medications"),
    "col_med": ("Medication", "Drug name", "Medication name"),
    "col_dose": ("Dose", "Strength"),
    "col_route": ("Route", "Rte"),
    "col_freq": ("Frequency", "Freq.", "How often"),
    "section_payer": ("Payer information", "Insurance", "Payer / insurance"),
    "has_insurance": (
        "Health insurance coverage?",
        "Does the resident have health insurance?",
        "Insured?",
    ),
    "subscriber": ("Subscriber", "Policy holder", "Insured person"),
    "subscriber_relation": ("Relation", "Relation to resident"),
    "card_front": ("Insurance card - front", "Copy from card (front)", "Card front"),
    "card_back": ("Insurance card - back", "Copy from card (back)", "Card back"),
    "insurance_company": ("Carrier / plan", "Plan name", "Insurance carrier", "Payer"),
    "policy_number": ("Member ID", "ID #", "Member no.", "Policy #"),
    "group": ("Group no.", "Group #", "Grp"),
    "effective": ("Effective", "Eff. date", "Coverage from"),
    "insurance_expiry": ("Term. date", "Coverage ends", "Expires", "Valid thru"),
    "insurance_address": ("Send claims to:", "Claims address:", "Mail claims to:"),
    "services": ("Member services", "Customer service", "Member help line"),
    "rx_bin": ("Rx BIN", "RxBIN"),
    "source": ("Information obtained from:", "Source of information:"),
    "completed_by": ("Completed by", "Admitting nurse", "Staff completing form"),
    "staff_title": ("Title", "Position"),
    "completed_date": ("Date", "Date completed"),
    "signature": ("Signature", "Staff signature"),
}
SOURCES = (("resident", "Resident"), ("family", "Family"), ("records", "Hospital records"))
CODE_STATUS = (("full", "Full code"), ("dnr", "DNR"), ("dni", "DNI"))
DIETS = ("Regular", "Diabetic", "Low sodium", "Mechanical soft", "Renal", "Pureed")
MOBILITY = (("independent", "Independent"), ("walker", "Walker"), ("wheelchair", "Wheelchair"))

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Discharge Prescription", "ED Discharge Prescription", "Prescription on Discharge"),
    "mrn": ("MRN", "MR#"),
    "acct": ("ACCT", "FIN"),
    "dob": ("DOB", "BD"),
    "patient_name": ("Patient name:", "Patient:", "Name of patient:"),
    "birth": ("Date of birth:", "DOB:", "Born:"),
    "patient_address": ("Address:", "Home address:", "Patient address:"),
    "date": ("Date:", "Date of visit:", "Discharge date:"),
    "time": ("Time:", "Time of discharge:"),
    "weight": ("Weight (kg):", "Wt (kg):"),
    "allergies": ("Allergies:", "Drug allergies:", "Allergies / reactions:"),
    "diagnosis": ("Diagnosis:", "ED diagnosis:", "Discharge diagnosis:"),
    "menu_note": (
        "Check each medication prescribed; write others below.",
        "Tick the medicines to dispense. Others on the lines below.",
        "Mark all that apply.",
    ),
    "other": ("Other:", "Other medication:", "Other Rx:"),
    "directions": ("Sig / instructions:", "Instructions for patient:", "Sig:", "How to take:"),
    "refills": ("Refills:", "No. of refills:", "Refill(s):"),
    "substitution": ("Generic substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "follow_up": ("Follow up with:", "See your doctor:", "Follow-up:"),
    "follow_within": ("within", "in"),
    "prescriber": ("Prescriber (print name):", "Provider name (print):", "ED physician (print):"),
    "npi": ("NPI:", "NPI #:"),
    "dea": ("DEA:", "DEA #:"),
    "nurse": ("Discharge RN:", "Discharging nurse:", "Nurse:"),
    "signature": ("Prescriber signature", "Signature of prescriber", "Provider signature"),
    "void": (
        "Not valid after 30 days from the date written. No refills unless indicated.",
        "This prescription is void if altered. Quantities are for the discharge supply only.",
        "Bring this form to any pharmacy. Call the department with questions about your visit.",
    ),
}
STAMP_SPECIALTIES = ("Emergency Medicine", "Emergency Physician", "Dept. of Emergency Medicine")
MENU_SIZE = 8
OLDEST_YOUNG_RESIDENT = "1976-01-01"  # residents born before this, nearly always


# --- style and content ----------------------------------------------------------------------


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, ink colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 35), value_size=(42, 48)
    )
    proportional = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(proportional)
    style["title_font"] = rnd.choice(proportional)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["section_case"] = rnd.choice(("upper", "title"))
    style["page_numbers"] = rnd.choice(("Page {n} of 2", "{n}/2", "Pg {n}"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", ""))
    style["row_h"] = rnd.randint(76, 84) + (6 if handwriting else 0)
    if document_type == "prescription":
        labels = {key: rnd.choice(options) for key, options in _RX_LABELS.items()}
        drugs = rnd.sample(values.DRUGS, MENU_SIZE)
        style.update(
            labels=labels,
            hospital=_business(rnd, rnd.choice(HOSPITALS)),
            department=rnd.choice(DEPARTMENTS),
            form_code=f"ED-{rnd.randint(100, 999)} ({rnd.randint(1, 12)}/{rnd.randint(19, 25)})",
            imprint=rnd.random() < 0.6,
            menu=sorted(values.medicine_line(rnd, drug) for drug in drugs),
            stamp=rnd.random() < 0.4,
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.7,
            follow_up=rnd.random() < 0.75,
        )
        style["prescriber_written"] = not style["stamp"]
        return style
    labels = {key: rnd.choice(options) for key, options in _RECORD_LABELS.items()}
    style.update(
        labels=labels,
        facility=_business(rnd, rnd.choice(FACILITIES)),
        form_code=f"NF-{rnd.randint(10, 99)}{rnd.choice('ABC')} rev {rnd.randint(1, 12)}/"
        f"{rnd.randint(18, 25)}",
        date_place=rnd.choice(("strip", "section")),
        address_rows=rnd.choice((1, 2)),
        units_in_label=rnd.random() < 0.5,
        contact_order=rnd.choice(
            (
                ["emergency", "second", "poa"],
                ["poa", "emergency", "second"],
                ["emergency", "poa"],
                ["second", "emergency", "poa"],
            )
        ),
        running_header=rnd.random() < 0.6,
        allergy_none=rnd.choice(("box", "word")),
        no_allergies=rnd.choice(("NKA", "NKDA", "None known")),
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


def _doctor(rnd: random.Random) -> str:
    """Another doctor's name (an attending physician or a follow-up doctor: distractors)."""
    return f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    for _ in range(40):  # a resident of a nursing facility is seldom young
        fields, extras = common.record_content(rnd)
        if fields["birth_date"] < OLDEST_YOUNG_RESIDENT:
            break
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    admitted = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    age = admitted.year - birth.year - ((admitted.month, admitted.day) < (birth.month, birth.day))
    last = fields["patient_name"].split()[-1]
    extras.update(
        resident_no=f"{rnd.randint(10, 99)}-{rnd.randint(1000, 9999)}",
        room=f"{rnd.randint(1, 3)}{rnd.randint(1, 40):02d}-{rnd.choice('AB')}",
        age=age,
        sex=rnd.choice(("F", "M")),
        language=rnd.choice(LANGUAGES) if rnd.random() < 0.8 else None,
        admitted_from=rnd.choice(ADMITTED_FROM),
        attending=_doctor(rnd) if rnd.random() < 0.85 else None,
    )
    if "emergency_contact_name" in fields and rnd.random() < 0.9:
        extras["relationship"] = rnd.choice(RELATIONS)
    for key in ("second", "poa"):
        extras[f"{key}_name"] = values.person_name(rnd, last if rnd.random() < 0.5 else None)
        extras[f"{key}_relation"] = rnd.choice(RELATIONS)
        extras[f"{key}_phone"] = values.phone_number(rnd) if rnd.random() < 0.85 else None
        extras[f"{key}_other"] = values.phone_number(rnd) if rnd.random() < 0.4 else None
        extras[f"{key}_address"] = values.one_line_address(rnd) if rnd.random() < 0.6 else None
    _immunity_extras(fields, extras, rnd, admitted)
    extras["diagnosis_codes"] = [ICD10[name] for name in fields["medical_problems"]]
    extras.update(
        code_status=rnd.choice(CODE_STATUS)[0] if rnd.random() < 0.9 else None,
        diet=rnd.choice(DIETS) if rnd.random() < 0.8 else None,
        mobility=rnd.choice(MOBILITY)[0] if rnd.random() < 0.85 else None,
    )
    medication = fields["regular_medication"]
    strengths = {name: (choices, unit) for name, choices, unit, _ in values.DRUGS}
    extras["med_doses"] = [
        f"{rnd.choice(strengths[name][0])} {strengths[name][1]}" for name in medication
    ]
    extras["med_routes"] = [
        "Inh" if name in ("Salbutamol", "Albuterol") else rnd.choice(ROUTES) for name in medication
    ]
    extras["med_freqs"] = [rnd.choice(FREQUENCIES) for _ in medication]
    if rnd.random() < 0.05:  # the question left unanswered
        del fields["has_insurance"]
    if "insurance_company" in fields:
        relation = rnd.choice(("Self", "Self", "Self", "Spouse"))
        extras.update(
            subscriber=fields["patient_name"] if relation == "Self" else values.person_name(rnd),
            subscriber_relation=relation,
            group_number=f"{rnd.randint(10000, 99999)}" if rnd.random() < 0.7 else None,
            effective=_between(rnd, admitted - dt.timedelta(days=900), admitted).isoformat()
            if rnd.random() < 0.7
            else None,
            services_phone=f"(800) 555-01{rnd.randint(0, 99):02d}" if rnd.random() < 0.7 else None,
            rx_bin=f"{rnd.randint(0, 999999):06d}" if rnd.random() < 0.5 else None,
        )
    extras.update(
        source=rnd.choice(SOURCES)[0],
        staff=f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}",
        staff_title=rnd.choice(STAFF_TITLES),
    )
    return fields, extras, style


def _immunity_extras(
    fields: dict[str, Any], extras: dict[str, Any], rnd: random.Random, admitted: dt.date
) -> None:
    """The matrix's distractor columns, the unsure answers and the vaccine table's dates."""
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name not in fields and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
    for name in ("mumps", "rubella"):
        extras[name] = rnd.choice(("immune", "immune", "not immune", "unknown", None))

    def last_dose(low: int, high: int) -> str | None:
        if rnd.random() < 0.25:
            return None
        return (admitted - dt.timedelta(days=rnd.randint(low, high))).isoformat()

    if fields.get("hepatitis_b_vaccination") == "yes":
        extras["hepatitis_b_date"] = last_dose(400, 9000)
    for key, low, high in (("flu", 10, 200), ("pneumo", 200, 3000), ("tb", 1, 300)):
        answer = rnd.choice(("yes", "yes", "no", "unknown", None))
        extras[f"{key}_answer"] = answer
        extras[f"{key}_date"] = last_dose(low, high) if answer == "yes" else None


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    fields, extras = common.prescription_content(rnd)
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    menu = list(style["menu"])
    # some of the medicines are on the printed list (not in a capitals-only hand, whose truth
    # is in capitals: those are all written)
    capitals = fonts.family(style["value_font"]).all_caps
    for medicine in fields["medicines"]:
        if rnd.random() < 0.55 and medicine not in menu and not capitals:
            free = [k for k, item in enumerate(menu) if item not in fields["medicines"]]
            menu[rnd.choice(free)] = medicine
    style["menu"] = sorted(menu)
    fields["medicines"] = _reading_order(fields["medicines"], style["menu"])
    extras.update(
        mrn=f"{rnd.randint(0, 99_999_999):08d}",
        account=str(rnd.randint(10_000_000, 99_999_999)),
        sex=rnd.choice(("F", "M")),
        patient_birth=_between(
            rnd, dt.date(1935, 1, 1), written - dt.timedelta(days=400)
        ).isoformat(),
        time=f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}",
        weight_kg=None,
        allergy_text=rnd.choice((*values.ALLERGIES[:8], "NKDA", "NKDA", "None")),
        diagnosis=rnd.choice(DIAGNOSES_ED) if rnd.random() < 0.8 else None,
        substitution=rnd.random() < 0.8,
        follow_doctor=_doctor(rnd),
        follow_days=f"{rnd.choice((2, 3, 5, 7, 10))} days",
        npi=str(rnd.randint(1_000_000_000, 1_999_999_999)),
        nurse=f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, RN"
        if rnd.random() < 0.7
        else None,
    )
    if rnd.random() < 0.7:  # about right for the patient's age
        age = (written - dt.date.fromisoformat(extras["patient_birth"])).days // 365
        kg = 4 + 3 * age if age < 16 else rnd.randint(50, 110)
        extras["weight_kg"] = str(max(4, kg + rnd.randint(-3, 3)))
    if rnd.random() < 0.6:
        digits = "".join(rnd.choice("0123456789") for _ in range(7))
        extras["dea"] = rnd.choice("ABFM") + rnd.choice("ABCDEFGHJKLMNPRSTW") + digits
    return fields, extras, style


def _menu_columns(menu: Sequence[str]) -> list[str]:
    """The printed list in reading order: down the left column, then down the right."""
    half = (len(menu) + 1) // 2
    return [*menu[:half], *menu[half:]]


def _split_medicines(medicines: Sequence[str], menu: Sequence[str]) -> tuple[list[str], list[str]]:
    """Which medicines are ticked on the printed list and which are written below it.

    A medicine is ticked while the truth's order and the list's reading order agree; from the
    first that is not on the list (or comes earlier in it) on, the rest are written, so the
    page read in order gives the truth's order back, whatever printed form the copy is on.
    """
    order = _menu_columns(menu)
    ticked: list[str] = []
    for k, medicine in enumerate(medicines):
        if medicine not in order or (ticked and order.index(medicine) < order.index(ticked[-1])):
            return ticked, list(medicines[k:])
        ticked.append(medicine)
    return ticked, []


def _reading_order(medicines: Sequence[str], menu: Sequence[str]) -> list[str]:
    """The medicines as the page shows them: the listed ones in the list's order, then the rest."""
    order = _menu_columns(menu)
    listed = sorted((m for m in medicines if m in order), key=order.index)
    return listed + [m for m in medicines if m not in order]


# --- drawing --------------------------------------------------------------------------------


class _Form:
    """A page of the form: its faces, lettered sections, key/value and header-row tables."""

    def __init__(self, dpi: int, style: Mapping[str, Any], labels: Mapping[str, str]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels = labels
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        mono = [f for f in fonts.installed_families() if "Mono" in f.name]
        size = int(style["label_size"])
        dark = (25, 25, 25)
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, dark
        )
        faces["head"] = render.Face(label.bold, size - 4, self.colour)
        faces["corner"] = render.Face(label.regular, 25, self.colour)
        faces["option"] = render.Face(label.regular, size - 2, dark)
        faces["section"] = render.Face(title.bold, 40, self.colour)
        faces["letter"] = render.Face(title.bold, 38, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 56, self.colour)
        faces["name"] = render.Face(title.bold, 50, dark)
        faces["letterhead"] = render.Face(title.regular, 30, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 23, (90, 90, 90))
        faces["imprint"] = render.Face((mono[0] if mono else label).bold, 38, (70, 60, 120))

    def word(self, key: str) -> str:
        return self.labels[key]

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 2) -> None:
        """A straight rule in the form's ink (horizontal or vertical)."""
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=self.colour,
            width=max(1, page.px(width)),
        )

    def letterhead(self, business: Mapping[str, Any], lines: Sequence[str], title: str) -> None:
        """The institution's name and numbers at the top left, the form's title at the right."""
        page = self.page
        x = LEFT + 130
        self._emblem(LEFT, 120, 100)
        page.text(x, 170, business["name"], "name", max_width=1420 - x)
        y = 218.0
        for text in lines:
            page.text(x, y, text, "letterhead", max_width=1420 - x)
            y += 40
        page.text(RIGHT, 175, title.upper(), "title", anchor="rs", max_width=RIGHT - 1500)
        page.text(RIGHT, 222, self.style["form_code"], "note", anchor="rs")
        self.line(LEFT, 330, RIGHT, 330, width=5)

    def _emblem(self, x: float, y: float, side: float) -> None:
        """A square with a cross cut out of it, in the form's ink."""
        page = self.page
        page.draw.rectangle(
            [page.px(x), page.px(y), page.px(x + side), page.px(y + side)], fill=self.colour
        )
        arm, mid = side * 0.18, side / 2
        for box in (
            (x + side * 0.2, y + mid - arm, x + side * 0.8, y + mid + arm),
            (x + mid - arm, y + side * 0.2, x + mid + arm, y + side * 0.8),
        ):
            page.draw.rectangle([page.px(v) for v in box], fill="white")

    def section(self, y: float, letter: str, key: str) -> float:
        """A lettered section title with a rule under it; returns the baseline below it."""
        page = self.page
        page.draw.rectangle(
            [page.px(LEFT), page.px(y - 46), page.px(LEFT + 56), page.px(y + 10)],
            fill=self.colour,
        )
        page.text(LEFT + 28, y, letter, "letter", anchor="ms")
        title = self.word(key)
        page.text(
            LEFT + 80,
            y,
            title.upper() if self.style["section_case"] == "upper" else title,
            "section",
        )
        self.line(LEFT, y + 18, RIGHT, y + 18, width=3)
        return y + 40

    def key_values(
        self, y: float, rows: Sequence[Sequence[tuple[str, str | None]]], *, x0: float = LEFT
    ) -> float:
        """Ruled rows of label/value pairs, each label flush right against its value's column.

        A row holds two pairs side by side, or one across the whole width. Returns the bottom.
        """
        page = self.page
        row_h = float(self.style["row_h"])
        mid = (x0 + RIGHT) / 2
        lefts = [row[0][0] for row in rows]
        rights = [row[1][0] for row in rows if len(row) > 1]
        left_w = max(page.width(t, "label") for t in lefts) + 46
        right_w = max((page.width(t, "label") for t in rights), default=0) + 46
        self.line(x0, y, RIGHT, y)
        for row in rows:
            bottom = y + row_h
            baseline = bottom - 24
            pairs = [(x0, left_w, mid if len(row) > 1 else RIGHT)]
            if len(row) > 1:
                pairs.append((mid, right_w, RIGHT))
            for (label, value), (a, width, b) in zip(row, pairs, strict=True):
                page.text(a + width - 16, baseline, label, "label", anchor="rs")
                self.line(a + width, y, a + width, bottom, width=1.5)
                if value:
                    page.text(
                        a + width + 18, baseline, value, "value", max_width=b - a - width - 34
                    )
            if len(row) > 1:
                self.line(mid, y, mid, bottom)
            self.line(x0, bottom, RIGHT, bottom)
            y = bottom
        return y

    def table(
        self,
        y: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Cell]],
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        row_h: float | None = None,
    ) -> float:
        """A header row naming the columns in the form's ink, the rows under it; the bottom.

        A cell is text (written), a drawer, or a blank.
        """
        page = self.page
        head_h = 50.0
        row_h = row_h or float(self.style["row_h"])
        total = sum(weight for _, weight in columns)
        edges = [x0]
        for _, weight in columns:
            edges.append(edges[-1] + (x1 - x0) * weight / total)
        for i, (text, _) in enumerate(columns):
            a, b = edges[i], edges[i + 1]
            page.text((a + b) / 2, y + head_h - 15, text, "head", anchor="ms", max_width=b - a - 16)
        bottom = y + head_h + row_h * len(rows)
        for x in edges:
            self.line(x, y, x, bottom, width=1.5)
        for level in [y, y + head_h, *(y + head_h + row_h * (k + 1) for k in range(len(rows)))]:
            self.line(x0, level, x1, level, width=1.5 if x0 < level < bottom else 2.5)
        for k, row in enumerate(rows):
            baseline = y + head_h + row_h * (k + 1) - 22
            for i, cell in enumerate(row):
                a, b = edges[i], edges[i + 1]
                if callable(cell):
                    cell(a, baseline, b)
                elif cell:
                    page.text(a + 16, baseline, cell, "value", max_width=b - a - 30)
        return bottom

    def printed(self, text: str, face: str = "label", *, centred: bool = False) -> Drawer:
        """A cell holding printed text (a row's name), left-aligned or centred."""

        def draw(a: float, baseline: float, b: float) -> None:
            if centred:
                self.page.text((a + b) / 2, baseline, text, face, anchor="ms", max_width=b - a - 16)
            else:
                self.page.text(a + 16, baseline, text, face, max_width=b - a - 30)

        return draw

    def mark_cell(self, marked: bool) -> Drawer:
        """An answer cell: a tick or a cross drawn by hand in its middle when marked."""

        def draw(a: float, baseline: float, b: float) -> None:
            if marked:
                self.mark((a + b) / 2, baseline - 18)

        return draw

    def mark(self, cx: float, cy: float) -> None:
        """The filler's tick or cross, about 50 px across, in the values' ink."""
        page = self.page
        ink = page.faces["value"].fill
        width = max(1, page.px(6))
        shake = page.jitter.uniform(-5, 5)
        if self.style["mark"] == "tick":
            points = [(cx - 22, cy + shake), (cx - 6, cy + 20), (cx + 26, cy - 26 + shake)]
            page.draw.line([(page.px(a), page.px(b)) for a, b in points], fill=ink, width=width)
            return
        for (a, b), (c, d) in (
            ((cx - 20, cy - 20 + shake), (cx + 20, cy + 20)),
            ((cx + 20, cy - 20), (cx - 20, cy + 20 + shake)),
        ):
            page.draw.line(
                [(page.px(a), page.px(b)), (page.px(c), page.px(d))], fill=ink, width=width
            )

    def boxes(
        self, x: float, y: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """Printed options each after a check box, the chosen one marked; returns the end."""
        for key, text in options:
            x = common.checkbox(
                self.page, x, y, checked=key == chosen, mark=self.style["mark"], side=34
            )
            x = self.page.text(x + 12, y, text, "option") + 40
        return x

    def on_rule(self, x: float, y: float, label: str, value: str | None, end: float) -> None:
        """``Label ______`` with the value written on the rule."""
        page = self.page
        start = page.text(x, y, label, "label") + 20 if label else x
        page.rule(start, end, y + 10, width=2, fill=GREY)
        if value:
            page.text(start + 12, y - 2, value, "value", max_width=end - start - 20)

    def footer(self, number: int | None) -> None:
        page = self.page
        page.text(LEFT, FOOTER, self.style["form_code"], "fine")
        if number is not None:
            shown = str(self.style["page_numbers"]).format(n=number)
            page.text(RIGHT, FOOTER, shown, "fine", anchor="rs")


@contextmanager
def _stamped(page: render.Page, face: str) -> Iterator[None]:
    """Machine-made values (an imprint) drawn in ``face`` while still counted as values."""
    written = page.faces["value"]
    page.faces["value"] = page.faces[face]
    try:
        yield
    finally:
        page.faces["value"] = written


def _phone(value: str | None, style: Mapping[str, Any]) -> str | None:
    return common.phone_text(value, style)


def _date(value: str | None, style: Mapping[str, Any], *, short_year: bool = True) -> str | None:
    return common.format_date(value, style["date_style"], short_year=short_year) if value else None


def _business_lines(business: Mapping[str, Any], *extra: str) -> list[str]:
    phone = common.format_phone(business["phone"], "dash")
    fax = common.format_phone(business["fax"], "dash")
    return [*extra, f"{business['street']}, {business['city']}", f"Tel {phone}   Fax {fax}"]


# --- the patient record ---------------------------------------------------------------------


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, style["labels"])
    page = form.page
    facility = style["facility"]
    form.letterhead(facility, _business_lines(facility), form.word("title"))
    record = common.date_text(fields, "record_date", style)
    _office_strip(form, extras, record if style["date_place"] == "strip" else None)
    y = form.section(560, "A", "section_resident")
    y = form.key_values(y, _resident_rows(form, fields, extras, record))
    y = form.section(y + 75, "B", "section_contacts")
    y = _contacts(form, fields, extras, y)
    y = form.section(y + 75, "C", "section_immunity")
    y = _immunity(form, fields, extras, y)
    y = form.section(y + 75, "D", "section_diagnoses")
    _diagnoses(form, fields, extras, y)
    form.footer(1)
    return page.image


def _office_strip(form: _Form, extras: Mapping[str, Any], record: str | None) -> None:
    """Boxed office cells at the right under the letterhead, the instruction at the left."""
    page = form.page
    cells = [("resident_no", extras.get("resident_no"), 300.0), ("room", extras.get("room"), 250.0)]
    if record is not None:
        cells.append(("record_date", record, max(380.0, page.width(record, "value") + 60)))
    x1 = RIGHT
    top, bottom = 360.0, 470.0
    for key, value, width in reversed(cells):
        x0 = x1 - width
        page.draw.rectangle(
            [page.px(x0), page.px(top), page.px(x1), page.px(bottom)],
            outline=form.colour,
            width=max(1, page.px(2.5)),
        )
        page.text(x0 + 10, top + 28, form.word(key).upper(), "corner", max_width=width - 20)
        if value:
            page.text(x0 + 20, bottom - 20, value, "value", max_width=width - 36)
        x1 = x0
    page.text(LEFT, 430, form.word("instruction"), "note", max_width=x1 - LEFT - 60)


def _resident_rows(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], record: str | None
) -> list[list[tuple[str, str | None]]]:
    """Section A's rows of label/value pairs, in this copy's arrangement."""
    style = form.style
    word = form.word
    sex = (word("sex"), extras.get("sex"))
    first_right = (word("record_date"), record) if style["date_place"] == "section" else sex

    def measure(name: str, unit_key: str) -> tuple[str, str | None]:
        unit = extras.get(unit_key) or ""
        label = word(name)
        if name not in fields:
            return (f"{label} ({unit})" if unit and style["units_in_label"] else label), None
        number = render.format_number(fields[name])
        if unit and style["units_in_label"]:
            return f"{label} ({unit})", number
        return label, f"{number} {unit}".strip()

    age = extras.get("age")
    rows: list[list[tuple[str, str | None]]] = [
        [(word("patient_name"), fields.get("patient_name")), first_right],
        [
            (word("birth_date"), common.date_text(fields, "birth_date", style)),
            (word("age"), str(age) if age is not None else None),
        ],
        [measure("weight", "weight_unit"), measure("height", "height_unit")],
    ]
    lines = common.address_lines(fields, extras)
    if style["address_rows"] == 1:
        shown = ", ".join(line for line in lines if line) or None
        rows.append([(word("address"), shown)])
    else:
        rows.append([(word("street"), lines[0])])
        rows.append([(word("city_line"), lines[1]), (word("country"), lines[2])])
    third = (word("language"), extras.get("language")) if style["date_place"] == "strip" else sex
    rows.append([(word("phone"), _phone(fields.get("phone"), style)), third])
    rows.append(
        [
            (word("admitted_from"), extras.get("admitted_from")),
            (word("attending"), extras.get("attending")),
        ]
    )
    return rows


def _contacts(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    """Section B: a row per person, two lines high, the role in the first column."""
    page = form.page
    style = form.style
    people = {
        "emergency": (
            fields.get("emergency_contact_name"),
            extras.get("relationship"),
            fields.get("emergency_contact_phone"),
            extras.get("emergency_work_phone"),
            fields.get("emergency_contact_address"),
        ),
        **{
            key: (
                extras.get(f"{key}_name"),
                extras.get(f"{key}_relation"),
                extras.get(f"{key}_phone"),
                extras.get(f"{key}_other"),
                extras.get(f"{key}_address"),
            )
            for key in ("second", "poa")
        },
    }
    columns = [
        (form.word("col_role"), 0.2),
        (form.word("col_name"), 0.27),
        (form.word("col_relation"), 0.15),
        (form.word("col_home"), 0.19),
        (form.word("col_other"), 0.19),
    ]
    row_h = float(style["row_h"])
    rows: list[list[Cell]] = []
    for key in style["contact_order"]:
        name, relation, home, other, _ = people[key]
        rows.append(
            [
                form.printed(form.word(f"role_{key}"), "option"),
                name,
                relation,
                _phone(home, style),
                _phone(other, style),
            ]
        )
        rows.append([None] * len(columns))
    bottom = form.table(y, columns, rows, row_h=row_h)
    # each person's second line is one cell from the name column to the right edge
    total = sum(weight for _, weight in columns)
    name_x = LEFT + (RIGHT - LEFT) * columns[0][1] / total
    for k, key in enumerate(style["contact_order"]):
        top = y + 50 + row_h * (2 * k + 1)
        page.draw.rectangle(
            [page.px(name_x + 4), page.px(top + 4), page.px(RIGHT - 4), page.px(top + row_h - 4)],
            fill="white",
        )
        page.draw.rectangle(
            [page.px(LEFT + 4), page.px(top - 3), page.px(name_x - 4), page.px(top + 3)],
            fill="white",
        )
        baseline = top + row_h - 22
        end = page.text(name_x + 16, baseline, form.word("address_tag"), "corner")
        address = people[key][4]
        if address:
            page.text(end + 20, baseline, address, "value", max_width=RIGHT - end - 40)
    return bottom


def _immunity(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    """Section C: the diseases-across immunity matrix, then the vaccine table."""
    page = form.page
    answers = {
        "chicken_pox": fields.get("chicken_pox")
        or ("unknown" if extras.get("chicken_pox_unsure") else None),
        "measles": fields.get("measles") or ("unknown" if extras.get("measles_unsure") else None),
        "mumps": extras.get("mumps"),
        "rubella": extras.get("rubella"),
    }
    diseases = ("chicken_pox", "measles", "mumps", "rubella")
    columns = [(form.word("status_head"), 0.24), *((form.word(d), 0.19) for d in diseases)]
    rows: list[list[Cell]] = [
        [form.printed(form.word(status)), *(form.mark_cell(answers[d] == status) for d in diseases)]
        for status in ("immune", "not immune", "unknown")
    ]
    y = form.table(y, columns, rows, row_h=64)
    page.text(LEFT, y + 40, form.word("matrix_note"), "note")
    y += 66

    hep_b = fields.get("hepatitis_b_vaccination") or (
        "unknown" if extras.get("hepatitis_b_vaccination_unsure") else None
    )
    vaccines = [
        ("hepatitis_b", hep_b, extras.get("hepatitis_b_date")),
        ("flu", extras.get("flu_answer"), extras.get("flu_date")),
        ("pneumo", extras.get("pneumo_answer"), extras.get("pneumo_date")),
        ("tb", extras.get("tb_answer"), extras.get("tb_date")),
    ]
    columns = [
        (form.word("col_vaccine"), 0.34),
        (form.word("col_yes"), 0.11),
        (form.word("col_no"), 0.11),
        (form.word("col_unknown"), 0.12),
        (form.word("col_date"), 0.32),
    ]
    table_rows: list[list[Cell]] = [
        [
            form.printed(form.word(key)),
            *(form.mark_cell(answer == option) for option in ("yes", "no", "unknown")),
            _date(date, form.style),
        ]
        for key, answer, date in vaccines
    ]
    return form.table(y, columns, table_rows, row_h=64)


def _diagnoses(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> None:
    """Section D: the numbered diagnoses with their codes, the care choices beside them."""
    page = form.page
    style = form.style
    problems = list(fields.get("medical_problems") or ())
    codes = list(extras.get("diagnosis_codes") or ())
    if not problems and fields.get("medical_problems") == [] and style["empty_list"]:
        problems, codes = [style["empty_list"]], []
    rows: list[list[Cell]] = []
    for k in range(4):
        rows.append(
            [
                form.printed(f"{k + 1}", "option", centred=True),
                problems[k] if k < len(problems) else None,
                codes[k] if k < len(codes) else None,
            ]
        )
    columns = [
        (form.word("col_number"), 0.1),
        (form.word("col_diagnosis"), 0.6),
        (form.word("col_icd"), 0.3),
    ]
    form.table(y, columns, rows, x1=1440, row_h=64)
    x = 1510.0
    choices = (
        ("code_status", CODE_STATUS, extras.get("code_status")),
        ("mobility", MOBILITY, extras.get("mobility")),
    )
    yy = y + 60
    for key, options, chosen in choices:
        page.text(x, yy, form.word(key), "label")
        form.boxes(x + 20, yy + 72, options, chosen)
        yy += 135
    form.on_rule(x, yy, form.word("diet"), extras.get("diet"), RIGHT)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, style["labels"])
    page = form.page
    y = 170.0
    if style["running_header"]:
        end = page.text(LEFT, y, form.word("running"), "label")
        page.text(end + 20, y, fields.get("patient_name") or "", "value", max_width=1100)
        x = 1500.0
        end = page.text(x, y, f"{form.word('resident_no')}:", "label")
        page.text(end + 20, y, extras.get("resident_no") or "", "value")
        form.line(LEFT, y + 20, RIGHT, y + 20, width=1.5)
        y += 70
    title = f"{form.word('title')} {form.word('continued')}"
    page.text(LEFT, y + 40, f"{style['facility']['name']}: {title}", "note")
    y = form.section(y + 150, "E", "section_allergies")
    y = _allergies(form, fields, y)
    y = form.section(y + 90, "F", "section_medication")
    y = _medications(form, fields, extras, y)
    y = form.section(y + 90, "G", "section_payer")
    y = _payer(form, fields, extras, y)
    _completion(form, fields, extras, y + 150)
    form.footer(2)
    return page.image


def _allergies(form: _Form, fields: Mapping[str, Any], y: float) -> float:
    """Section E: the alert box with its red tab, the none-known box and the list."""
    page = form.page
    style = form.style
    top, bottom = y + 10, y + 220
    tab = 330.0
    page.draw.rectangle(
        [page.px(LEFT), page.px(top), page.px(RIGHT), page.px(bottom)],
        outline=ALERT,
        width=max(1, page.px(5)),
    )
    page.draw.rectangle(
        [page.px(LEFT), page.px(top), page.px(LEFT + tab), page.px(bottom)], fill=ALERT
    )
    page.faces["alert"] = render.Face(fonts.family(style["title_font"]).bold, 44, (255, 255, 255))
    page.text(
        LEFT + tab / 2,
        (top + bottom) / 2 + 16,
        form.word("allergy_tab"),
        "alert",
        anchor="ms",
        max_width=tab - 30,
    )
    allergies = fields.get("allergies")
    none_box = allergies == [] and style["allergy_none"] == "box"
    x = LEFT + tab + 40
    end = common.checkbox(page, x, top + 80, checked=none_box, mark=style["mark"], side=36)
    page.text(end + 14, top + 80, form.word("no_allergies"), "option")
    shown = None
    if allergies:
        shown = ", ".join(allergies)
    elif allergies == [] and style["allergy_none"] == "word":
        shown = style["no_allergies"]
    form.on_rule(x, top + 170, form.word("allergy_list"), shown, RIGHT - 40)
    return bottom


def _medications(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    """Section F: a row per medication with its dose, route and frequency."""
    style = form.style
    medication = fields.get("regular_medication")
    names = list(medication or ())
    doses = list(extras.get("med_doses") or ())
    routes = list(extras.get("med_routes") or ())
    freqs = list(extras.get("med_freqs") or ())
    if medication == [] and style["empty_list"]:
        names = [style["empty_list"]]
    rows: list[list[Cell]] = []
    for k in range(5):
        if k < len(names):
            rows.append(
                [
                    names[k],
                    doses[k] if k < len(doses) and medication else None,
                    routes[k] if k < len(routes) and medication else None,
                    freqs[k] if k < len(freqs) and medication else None,
                ]
            )
        else:
            rows.append([None] * 4)
    columns = [
        (form.word("col_med"), 0.42),
        (form.word("col_dose"), 0.2),
        (form.word("col_route"), 0.14),
        (form.word("col_freq"), 0.24),
    ]
    return form.table(y, columns, rows)


def _payer(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    """Section G: the insurance question, the subscriber, the card's front and back."""
    page = form.page
    style = form.style
    y += 70
    end = page.text(LEFT, y, form.word("has_insurance"), "label")
    form.boxes(end + 40, y, (("yes", "Yes"), ("no", "No")), fields.get("has_insurance"))
    y += 100
    form.on_rule(LEFT, y, f"{form.word('subscriber')}:", extras.get("subscriber"), 1500)
    form.on_rule(
        1560, y, f"{form.word('subscriber_relation')}:", extras.get("subscriber_relation"), RIGHT
    )
    y += 60
    gap = 60.0
    width = (RIGHT - LEFT - gap) / 2
    card_top, card_bottom = y + 60, y + 520
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    front = [
        ("insurance_company", fields.get("insurance_company")),
        ("policy_number", policy),
        ("group", extras.get("group_number")),
        ("effective", _date(extras.get("effective"), style)),
        ("insurance_expiry", common.date_text(fields, "insurance_expiry", style)),
    ]
    _card(form, LEFT, card_top, LEFT + width, card_bottom, "card_front", front)
    x0 = LEFT + width + gap
    _card(form, x0, card_top, RIGHT, card_bottom, "card_back", [])
    inner = x0 + 40
    yy = card_top + 90
    page.text(inner, yy, form.word("insurance_address"), "label")
    address = fields.get("insurance_address")
    for k in range(2):  # the address on the first rule, the second left for a long one
        yy += 80
        page.rule(inner, RIGHT - 40, yy + 10, width=2, fill=GREY)
        if address and k == 0:
            page.text(inner + 12, yy - 2, address, "value", max_width=RIGHT - inner - 70)
    yy += 100
    services = _phone(extras.get("services_phone"), style)
    form.on_rule(inner, yy, f"{form.word('services')}:", services, RIGHT - 40)
    yy += 90
    form.on_rule(inner, yy, f"{form.word('rx_bin')}:", extras.get("rx_bin"), x0 + 800)
    return card_bottom


def _card(
    form: _Form,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    caption: str,
    rows: Sequence[tuple[str, str | None]],
) -> None:
    """A rounded box standing for an insurance card, its caption above it, its rows inside."""
    page = form.page
    page.text(x0 + 10, y0 - 16, form.word(caption), "note")
    page.draw.rounded_rectangle(
        [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
        radius=page.px(40),
        outline=form.colour,
        width=max(1, page.px(3)),
    )
    y = y0 + 90
    for key, value in rows:
        form.on_rule(x0 + 40, y, f"{form.word(key)}:", value, x1 - 40)
        y += 82


def _completion(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> None:
    """Where the information came from, who completed the form, its date and signature."""
    page = form.page
    end = page.text(LEFT, y, form.word("source"), "label")
    form.boxes(end + 30, y, SOURCES, extras.get("source"))
    y += 120
    form.on_rule(LEFT, y, f"{form.word('completed_by')}:", extras.get("staff"), 1150)
    form.on_rule(1200, y, f"{form.word('staff_title')}:", extras.get("staff_title"), 1700)
    record = common.date_text(fields, "record_date", form.style)
    form.on_rule(1750, y, f"{form.word('completed_date')}:", record, RIGHT)
    y += 140
    page.rule(LEFT, 1150, y, width=2, fill=GREY)
    page.scribble(LEFT + 60, 900, y - 8, tuple(form.style["ink"]))
    page.text(LEFT, y + 36, form.word("signature"), "fine")


# --- the prescription -----------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, style["labels"])
    page = form.page
    hospital = style["hospital"]
    form.letterhead(hospital, _business_lines(hospital, style["department"]), form.word("title"))
    if style["imprint"]:
        y = _imprint_patient(form, fields, extras)
    else:
        y = _written_patient(form, fields, extras)
    y = _medicines(form, fields, y + 40)
    y = _directions(form, fields, extras, y + 110)
    _prescriber(form, fields, extras, max(y + 200, 2480.0))
    for k, line in enumerate(render.wrap(page, form.word("void"), "fine", RIGHT - LEFT)):
        page.text(LEFT, 3140 + 30 * k, line, "fine")
    form.footer(None)
    return page.image


def _imprint_patient(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The addressograph imprint at the left, the visit's rows at the right; the bottom."""
    page = form.page
    style = form.style
    x0, y0, x1, y1 = LEFT, 380.0, 1260.0, 700.0
    page.draw.rounded_rectangle(
        [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
        radius=page.px(24),
        fill=(246, 244, 250),
        outline=(200, 195, 215),
        width=max(1, page.px(2)),
    )
    street, _, city = (fields.get("patient_address") or "").partition(", ")
    x, y = x0 + 36, y0 + 70
    birth = _date(extras.get("patient_birth"), style, short_year=False)
    with _stamped(page, "imprint"):
        page.text(x, y, fields.get("patient_name") or "", "value", max_width=x1 - x - 30)
        y += 54
        end = page.text(x, y, f"{form.word('mrn')} ", "imprint")
        end = page.text(end, y, extras.get("mrn") or "", "value") + 30
        end = page.text(end, y, f"{form.word('acct')} ", "imprint")
        page.text(end, y, extras.get("account") or "", "value")
        y += 54
        end = page.text(x, y, f"{form.word('dob')} ", "imprint")
        end = page.text(end, y, birth or "", "value") + 30
        page.text(end, y, extras.get("sex") or "", "value")
        for line in (street, city):
            y += 54
            if line:
                page.text(x, y, line, "value", max_width=x1 - x - 30)
    rx = 1330.0
    date = common.date_text(fields, "date", style)
    time_x = RIGHT - 170 - page.width(form.word("time"), "label")
    form.on_rule(rx, y0 + 60, form.word("date"), date, time_x - 40)
    form.on_rule(time_x, y0 + 60, form.word("time"), extras.get("time"), RIGHT)
    form.on_rule(rx, y0 + 160, form.word("weight"), extras.get("weight_kg"), RIGHT)
    form.on_rule(rx, y0 + 260, form.word("allergies"), extras.get("allergy_text"), RIGHT)
    y = y1 + 90
    form.on_rule(LEFT, y, form.word("diagnosis"), extras.get("diagnosis"), RIGHT)
    return y


def _written_patient(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The patient's rows written on rules; the bottom."""
    style = form.style
    y = 420.0
    date = common.date_text(fields, "date", style)
    time_x = 1650 - 170 - form.page.width(form.word("time"), "label")
    form.on_rule(LEFT, y, form.word("date"), date, time_x - 40)
    form.on_rule(time_x, y, form.word("time"), extras.get("time"), 1650)
    form.on_rule(1700, y, form.word("weight"), extras.get("weight_kg"), RIGHT)
    y += 105
    form.on_rule(LEFT, y, form.word("patient_name"), fields.get("patient_name"), 1500)
    birth = _date(extras.get("patient_birth"), style, short_year=False)
    form.on_rule(1560, y, form.word("birth"), birth, RIGHT)
    y += 105
    form.on_rule(LEFT, y, form.word("patient_address"), fields.get("patient_address"), RIGHT)
    y += 105
    form.on_rule(LEFT, y, form.word("allergies"), extras.get("allergy_text"), 1100)
    form.on_rule(1160, y, form.word("diagnosis"), extras.get("diagnosis"), RIGHT)
    return y


def _medicines(form: _Form, fields: Mapping[str, Any], y: float) -> float:
    """The ℞, the printed check list in two columns, then the "Other" rules; the bottom."""
    page = form.page
    style = form.style
    if style["rx_glyph"]:
        rx_font = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 110, (20, 20, 20))
        page.text(LEFT, y + 120, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(fonts.family(style["title_font"]).bold, 90, (20, 20, 20))
        page.text(LEFT, y + 120, "Rx", "rx")
    x0 = LEFT + 190
    page.text(x0, y + 40, form.word("menu_note"), "note")
    medicines = list(fields.get("medicines") or ())
    ticked, written = _split_medicines(medicines, style["menu"])
    order = _menu_columns(style["menu"])
    half = (len(order) + 1) // 2
    column_x = (x0, x0 + (RIGHT - x0) / 2)
    for k, item in enumerate(order):
        cx = column_x[k // half]
        baseline = y + 120 + 80 * (k % half)
        end = common.checkbox(
            page, cx, baseline, checked=item in ticked, mark=style["mark"], side=38
        )
        page.text(end + 18, baseline, item, "label", max_width=(RIGHT - x0) / 2 - 110)
    y += 120 + 80 * half
    for k in range(max(3, len(written))):
        y += 82 if k else 30
        form.on_rule(x0, y, form.word("other"), written[k] if k < len(written) else None, RIGHT)
    return y


def _directions(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    """The directions on rules, the refills box and the substitution boxes; the bottom."""
    page = form.page
    style = form.style
    start = page.text(LEFT, y, form.word("directions"), "label") + 22
    lines = _wrap_first(page, fields.get("directions") or "", RIGHT - start - 30, RIGHT - LEFT - 30)
    for k in range(max(3, len(lines))):
        x = start if k == 0 else LEFT
        if k:
            y += 84
        page.rule(x, RIGHT, y + 10, width=2, fill=GREY)
        if k < len(lines):
            page.text(x + 12, y - 2, lines[k], "value", max_width=RIGHT - x - 20)
    y += 120
    refills = fields.get("refills")
    shown = str(refills) if refills is not None else None
    end = page.text(LEFT, y, form.word("refills"), "label") + 24
    width = max(150.0, page.width(shown or "", "value") + 50)
    common.box(page, end, y - 62, end + width, y + 22, width=2.5)
    if shown:
        page.text(end + width / 2, y - 4, shown, "value", anchor="ms")
    choices = (("sub", form.word("substitution")), ("daw", form.word("daw")))
    form.boxes(end + width + 90, y, choices, "sub" if extras.get("substitution", True) else "daw")
    if style["follow_up"]:
        y += 110
        form.on_rule(LEFT, y, form.word("follow_up"), extras.get("follow_doctor"), 1600)
        form.on_rule(1640, y, form.word("follow_within"), extras.get("follow_days"), RIGHT)
    return y


def _wrap_first(page: render.Page, text: str, first: float, rest: float) -> list[str]:
    """Word-wrap with a shorter first line (it follows the label)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        width = first if not lines else rest
        if current and page.width(candidate, "value") > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _prescriber(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> None:
    """The prescriber written on a rule or stamped, the signature, NPI, DEA and nurse."""
    page = form.page
    style = form.style
    prescriber = fields.get("prescriber")
    if style["stamp"]:
        _stamp(form, prescriber, extras.get("npi"), LEFT + 20, y - 60)
    else:
        form.on_rule(LEFT, y, form.word("prescriber"), prescriber, 1500)
    page.rule(1560, RIGHT, y, width=2, fill=GREY)
    page.scribble(1620, 2250, y - 10, tuple(style["ink"]))
    page.text(1560, y + 36, form.word("signature"), "fine")
    y += 130
    form.on_rule(LEFT, y + 40 if style["stamp"] else y, form.word("npi"), extras.get("npi"), 700)
    form.on_rule(760, y + 40 if style["stamp"] else y, form.word("dea"), extras.get("dea"), 1300)
    form.on_rule(1560, y, form.word("nurse"), extras.get("nurse"), RIGHT)


def _stamp(form: _Form, name: str | None, npi: str | None, x: float, y: float) -> None:
    """A rubber stamp in purple: the prescriber's name, the specialty and the NPI, tilted."""
    page = form.page
    style = form.style
    label = fonts.family(style["label_font"])
    page.faces["stamp"] = render.Face(label.bold, 44, STAMP_INK, hand=True)
    page.faces["stamp_small"] = render.Face(label.regular, 32, STAMP_INK, hand=True)
    specialty = STAMP_SPECIALTIES[int(style["seed"]) % len(STAMP_SPECIALTIES)]
    lines = [(name or "", "stamp"), (specialty, "stamp_small"), (f"NPI {npi or ''}", "stamp_small")]
    width = max(page.width(text, face) for text, face in lines) + 100
    page.draw.rectangle(
        [page.px(x), page.px(y - 60), page.px(x + width), page.px(y + 140)],
        outline=STAMP_INK,
        width=max(1, page.px(5)),
    )
    yy = y
    for text, face in lines:
        page.text(x + 34, yy, text, face)
        yy += 58


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
