"""An urgent care centre's walk-in registration face sheet and its printed prescription.

Written blind as the held-out family of round 15 (then called ``heldout``): its author never read
the reader.

The record is the registration "face sheet" an urgent care or walk-in clinic keeps for a visit:
what the front desk (or a check-in kiosk) records about the patient, printed by the clinic's
system and, on the paper copies, filled in by hand. The prescription is the one-page
prescription the same kind of clinic prints and faxes to the patient's pharmacy, with the fax
machine's transmission line across its top.

Both are tab-stop sheets: a section header (a title between two rules, a dark tab with a rule
running from it, or a title over a double rule, per form) followed by rows of ``label  value``
pairs set in one or two columns. In each column the labels either end at a tab stop (right
aligned, the value after the stop) or start at the column's left with the value at the stop;
values sit on a light rule on some forms and on nothing on others. Labels come per form from
synonym lists, in title case or capitals, with or without a colon. Choices are printed options
each after a small circle, the chosen one filled in (a neat dot when printed, a scribbled fill by
hand). Dates are printed in one style per document; a day-first numeric document's record date
(or prescription date) has a day above 12. Telephones are printed in one style per document.

Patient record (two pages).

* Page 1: the clinic's name, services line, address and telephone at the left; at the right the
  sheet's title, a barcode and the medical record number and account number (distractors). The
  record date is the "visit date" in the visit section, or a "date of service" box under the
  title, or the registration date at the foot of page 1 beside the clerk's name (a distractor),
  per form. Visit: the arrival time, the visit type (options), the provider seen and the chief
  complaint (distractors).
* Patient: the name as one row or as a last-name row and a first-name row (the truth is
  ``First M. Last``), the date of birth with the age and sex (distractors); the address as one
  row or as street, city / state / ZIP and country rows (the truth joins the rows with
  ``", "``); the patient's telephone beside the preferred language and marital status
  (distractors). On most forms the patient's employer and its telephone (distractors).
  Triage vitals: height and weight (the unit after the number, or none) beside temperature,
  blood pressure, pulse and oxygen saturation (distractors).
* Emergency contact: name, relationship (a distractor), home telephone
  (``emergency_contact_phone``), another telephone (a distractor) and the address on one row.
* Health history: varicella and measles each answered Immune / Not immune / Unknown, the
  hepatitis B vaccine Yes / No / Not sure, and a tetanus question (a distractor); an Unknown
  answer or none leaves the field out. The medical problems as a problem-list table (the
  condition, its ICD-10 code and an onset year, the last two distractors; an empty list is the
  word for none in the first row, or nothing) or as one row, comma-separated.
* The small print at the foot: when and by whom the sheet was printed (a date that may be a few
  days after the visit) and "Page n of 2".

Page 2: a compact head and a running line (the patient's name, date of birth and record
number). Guarantor (the responsible party: "Self" or a person with relationship, telephone and
address, distractors). Insurance: the Yes / No question (``has_insurance``; unanswered leaves it
out), the primary plan's company, member or policy number (separators printed), group number
and plan type (distractors), subscriber (a distractor), claims address (``insurance_address``),
effective date (a distractor) and termination date (``insurance_expiry``), payer telephone (a
distractor); on some documents a secondary plan's company and member number (distractors).
Allergies: a table of allergen and reaction (the reaction a distractor) or one comma-separated
row; no allergies is the "no known allergies" option filled in, or the document's word for none.
Home medications: a table of medication, dose and frequency (the truth is the medication
column) or one comma-separated row. A consent paragraph, the patient's signature and the date
signed (the record date again, or blank).

Prescription (one page). The fax transmission line (a date and time near the prescription's, the
clinic's fax number, the page count: distractors) across the top; the clinic's header (name,
street and city, telephone and fax) and the title. The pharmacy the prescription is sent to
(name, address, telephone, fax: distractors) in a framed box on most forms. Patient: name, date
of birth (a distractor), address (``patient_address``), telephone, record number and allergies
(distractors). Prescriber: the name (``prescriber``, as printed with its titles), NPI and DEA
numbers, and on some documents a supervising physician (a distractor). The date written is a
row of its own, or a box at the top right, per form. Medications: an ``Rx`` mark (or the ℞)
and numbered entries, each a medicine line (one ``medicines`` entry) over a line of quantity and
days' supply (distractors), then the diagnosis code (a distractor); the directions after their
label over three or more rules; the refills as a number after their label or as printed options
``0`` to ``5`` and ``PRN`` with one filled in (a larger number written after them); substitution
options (a distractor); the signature over a rule and the small print at the foot.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
MID = 1250.0  # where the left column ends
COL2 = 1310.0  # where the right column starts
FOOTER = 3228.0
DARK = (25, 25, 25)
GRID = (70, 70, 70)
RULE = (150, 150, 150)

# fmt: off
CLINICS = (
    "FastCare Urgent Care", "Riverside Walk-In Clinic", "MedExpress Urgent Care Center",
    "Northgate Immediate Care", "Prairie Urgent & Family Care", "CityMD Walk-In Medical",
    "Harbor Point Urgent Care", "Sunrise Express Clinic", "Valley Immediate Care",
)
SERVICES = (
    "Walk-ins welcome | X-ray & lab on site | Open 7 days",
    "Urgent care - occupational medicine - physicals",
    "No appointment needed. Most insurance accepted.",
    "Minor injuries and illnesses, 8 am to 8 pm",
)
PHARMACIES = (
    "Walgreens #4471", "CVS Pharmacy #2210", "Rite Aid #0893", "Kroger Pharmacy",
    "Safeway Pharmacy #1632", "Costco Pharmacy #118", "Hy-Vee Pharmacy", "Publix Pharmacy #0547",
    "Medicine Shoppe", "Good Neighbor Pharmacy",
)
COMPLAINTS = (
    "Sore throat and fever", "Cough for 5 days", "Ankle injury", "Ear pain", "Rash on arms",
    "Urinary symptoms", "Back pain after lifting", "Laceration left hand", "Sinus pressure",
    "Nausea and vomiting", "Pink eye", "Headache", "Work physical", "Flu-like symptoms",
)
PROVIDER_SUFFIXES = (", PA-C", ", NP", ", FNP-C", ", MD", ", DO")
LANGUAGES = ("English", "English", "English", "Spanish", "Vietnamese", "Korean", "French",
             "Arabic", "Portuguese", "Somali")
MARITAL = ("Single", "Married", "Divorced", "Widowed", "Partner")
RELATIONS = ("Spouse", "Mother", "Father", "Daughter", "Son", "Sister", "Brother", "Friend",
             "Partner", "Aunt", "Roommate")
EMPLOYERS = (
    "Acme Logistics", "City of Springfield", "Target Corp.", "Self-employed", "Regional Medical "
    "Group", "Unified School District", "Boeing", "Home Depot", "State University", "Retired",
)
REACTIONS = ("Hives", "Rash", "Anaphylaxis", "Swelling", "Nausea", "Itching", "Unknown",
             "Shortness of breath", "GI upset")
FREQUENCIES = ("daily", "BID", "TID", "QHS", "once daily", "twice daily", "PRN", "weekly",
               "q AM")
PLANS = ("PPO", "HMO", "EPO", "POS", "Medicare Adv.", "Medicaid MCO")
TIMES = ("7:52 AM", "8:14 AM", "9:03 AM", "9:47 AM", "10:21 AM", "11:38 AM", "12:06 PM",
         "1:15 PM", "2:44 PM", "3:29 PM", "4:50 PM", "5:37 PM", "6:12 PM", "7:26 PM")
USERS = ("kiosk02", "frontdesk1", "jlopez", "mkim", "kiosk01", "reg3", "tbrown")
COLOURS = ([0, 90, 140], [150, 40, 40], [30, 110, 70], [60, 60, 60], [110, 60, 140],
           [200, 90, 20])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
DX_CODES = ("J02.9", "J06.9", "H66.90", "N39.0", "S93.401A", "J01.90", "L30.9", "R51.9",
            "H10.9", "M54.50", "R11.2", "J11.1")
# fmt: on

ICD10 = {
    "Asthma": "J45.909",
    "Diabetes": "E11.9",
    "Type 2 diabetes": "E11.9",
    "Hypertension": "I10",
    "Migraine": "G43.909",
    "Seizures": "R56.9",
    "Headaches": "R51.9",
    "Epilepsy": "G40.909",
    "Hypothyroidism": "E03.9",
    "Arthritis": "M19.90",
    "Eczema": "L30.9",
    "Anemia": "D64.9",
    "Depression": "F32.A",
    "Anxiety": "F41.9",
    "High cholesterol": "E78.00",
    "Sleep apnea": "G47.33",
    "Psoriasis": "L40.9",
    "Acid reflux": "K21.9",
    "Osteoporosis": "M81.0",
    "Allergic rhinitis": "J30.9",
    "COPD": "J44.9",
    "Gout": "M10.9",
    "Back pain": "M54.9",
    "Kidney stones": "N20.0",
}

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Patient Registration",
        "Registration Face Sheet",
        "Walk-In Registration",
        "Patient Face Sheet",
    ),
    "mrn": ("MRN", "Med Rec #", "Chart #"),
    "acct": ("Acct #", "Account", "Visit #"),
    "sec_visit": ("Visit information", "Encounter", "Today's visit"),
    "record_date": ("Visit date", "Date of service", "DOS", "Date of visit"),
    "arrival": ("Arrival time", "Time in", "Check-in time"),
    "visit_type": ("Visit type", "Arrived by"),
    "walkin": ("Walk-in",),
    "online": ("Online check-in", "Web reservation"),
    "referral": ("Referred", "Employer referral"),
    "provider": ("Provider", "Seen by", "Attending provider"),
    "complaint": ("Chief complaint", "Reason for visit", "Reason for today's visit"),
    "sec_patient": ("Patient demographics", "Patient", "Patient information"),
    "name": ("Patient name", "Name", "Full name"),
    "last": ("Last name", "Surname", "Last"),
    "first": ("First name, MI", "First / middle", "Given name(s)"),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "age": ("Age",),
    "sex": ("Sex", "Sex at birth", "Gender"),
    "address": ("Address", "Home address", "Mailing address"),
    "street": ("Street", "Address line 1", "Street address"),
    "city": ("City / State / ZIP", "City, ST ZIP", "City, state, zip"),
    "country": ("Country",),
    "phone": ("Phone", "Primary phone", "Home phone", "Telephone"),
    "language": ("Language", "Preferred language"),
    "marital": ("Marital status", "Marital"),
    "employer": ("Employer", "Employer name"),
    "employer_phone": ("Employer phone", "Work number"),
    "sec_vitals": ("Triage vitals", "Vital signs", "Nurse triage"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "temp": ("Temp", "Temperature"),
    "bp": ("BP", "Blood pressure"),
    "pulse": ("Pulse", "HR"),
    "spo2": ("SpO2", "O2 sat"),
    "sec_contact": ("Emergency contact", "In case of emergency", "Emergency contact / next of kin"),
    "contact": ("Name", "Contact name", "Contact"),
    "relation": ("Relationship", "Relation to patient"),
    "contact_phone": ("Home phone", "Phone (home)", "Home #"),
    "contact_other": ("Other phone", "Mobile / work", "Alternate phone"),
    "contact_address": ("Address", "Contact address"),
    "sec_history": ("Health history", "Medical history", "Health screening"),
    "chicken_pox": ("Chickenpox (varicella)", "Varicella", "Chicken pox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "hep_b": ("Hepatitis B vaccine series", "Hep B vaccinated?", "Hepatitis B vaccination"),
    "tetanus": ("Tetanus shot in last 10 years?", "Td / Tdap within 10 yrs?"),
    "immune": ("Immune",),
    "not_immune": ("Not immune",),
    "unknown": ("Unknown", "Don't know", "Not sure"),
    "yes": ("Yes",),
    "no": ("No",),
    "problems": ("Problem list", "Past medical history", "Chronic conditions", "Medical problems"),
    "problem": ("Problem", "Condition", "Diagnosis"),
    "icd": ("ICD-10", "Code"),
    "onset": ("Onset", "Since"),
    "registered_by": ("Registered by", "Registration clerk", "Entered by"),
    "foot_date": ("Registration date", "Date registered", "Date"),
    "printed": ("Printed", "Print date", "Printed on"),
    "by": ("by", "user"),
    "continued": ("(continued)", "- page 2", "continued"),
    "sec_guarantor": ("Guarantor", "Responsible party", "Financially responsible party"),
    "guarantor": ("Name", "Guarantor name"),
    "g_relation": ("Relationship", "Relation"),
    "g_phone": ("Phone", "Guarantor phone"),
    "g_address": ("Address", "Billing address"),
    "sec_insurance": ("Insurance", "Primary insurance", "Coverage"),
    "insurance_q": ("Do you have health insurance?", "Insured?", "Health insurance coverage?"),
    "carrier": ("Insurance company", "Payer", "Carrier", "Plan name"),
    "member": ("Member ID", "Policy #", "Policy / member no.", "Subscriber ID"),
    "group": ("Group #", "Group no."),
    "plan": ("Plan type", "Product"),
    "subscriber": ("Subscriber", "Policy holder", "Insured name"),
    "claims": ("Claims address", "Payer address", "Insurance address"),
    "effective": ("Effective", "Eff. date", "Coverage start"),
    "expiry": ("Termination date", "Expires", "Valid through", "Coverage end"),
    "payer_phone": ("Payer phone", "Member services", "Customer service"),
    "sec_secondary": ("Secondary insurance", "Other coverage"),
    "sec_allergy": ("Allergies", "Allergies / adverse reactions", "Drug & other allergies"),
    "nka": ("No known allergies", "NKA", "No known drug allergies"),
    "allergen": ("Allergen", "Allergy", "Substance"),
    "reaction": ("Reaction", "Response"),
    "allergies": ("Allergies", "Allergic to", "Allergy list"),
    "sec_meds": ("Home medications", "Current medications", "Medications you take"),
    "med": ("Medication", "Drug", "Medicine"),
    "dose": ("Dose", "Strength"),
    "freq": ("Frequency", "How often", "Sig"),
    "meds_one": ("Medications", "Current meds", "Taking"),
    "consent": (
        "I consent to examination and treatment by the providers of this clinic. I authorize "
        "the release of information needed to process claims and assign the benefits of my "
        "insurance to the clinic. I am responsible for any balance not paid by my insurer.",
        "By signing I agree to treatment, confirm that the information above is correct, and "
        "acknowledge that I received the clinic's notice of privacy practices.",
    ),
    "sign": ("Patient / guardian signature", "Signature of patient or representative"),
    "sign_date": ("Date", "Date signed"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "PRESCRIPTION",
        "Outpatient Prescription",
        "Prescription Order",
        "Printed Prescription",
    ),
    "from": ("FROM", "FR"),
    "to": ("TO",),
    "page": ("P.", "PAGE"),
    "send_to": ("Send to pharmacy", "Pharmacy", "Dispensing pharmacy"),
    "ph_phone": ("Ph", "Tel"),
    "ph_fax": ("Fax",),
    "sec_patient": ("Patient", "Patient information"),
    "name": ("Name", "Patient name", "Patient"),
    "dob": ("DOB", "Date of birth"),
    "sex": ("Sex", "Gender"),
    "address": ("Address", "Home address", "Patient address"),
    "phone": ("Phone", "Tel"),
    "mrn": ("MRN", "Chart #"),
    "allergies": ("Allergies", "Allergy"),
    "sec_prescriber": ("Prescriber", "Prescribing provider", "Ordering provider"),
    "prescriber": ("Name", "Prescriber", "Provider"),
    "npi": ("NPI", "NPI #"),
    "dea": ("DEA", "DEA #"),
    "supervisor": ("Supervising physician", "Collaborating MD"),
    "date": ("Date written", "Date", "Date issued", "Rx date"),
    "sec_meds": ("Medications", "Medication(s) prescribed", "Orders"),
    "disp": ("Disp", "Qty", "Dispense"),
    "days": ("Days supply", "Days"),
    "dx": ("Dx", "Diagnosis", "ICD-10"),
    "sig": ("Directions", "Sig", "Instructions", "Directions for use"),
    "refills": ("Refills", "Refills authorized", "Refill"),
    "subs": ("Substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "signature": ("Prescriber signature", "Signature", "Signed"),
    "fine": (
        "This prescription was transmitted by facsimile to the pharmacy named above only. "
        "Valid for one year from the date written. Do not fill if altered.",
        "CONFIDENTIAL: this fax holds protected health information. If you received it in "
        "error, call the sender and destroy it.",
    ),
}

_VISIT_TYPES = ("walkin", "online", "referral")


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _provider(rnd: random.Random) -> str:
    return f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}" + rnd.choice(
        PROVIDER_SUFFIXES
    )


def _sheet_style(rnd: random.Random, style: dict[str, Any]) -> None:
    """The printed sheet's look shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["header"] = rnd.choice(("rules", "tab", "double"))
    style["align"] = rnd.choice(("right", "right", "left"))
    style["underline"] = rnd.random() < 0.5
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["colon"] = rnd.random() < 0.65
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", ""))
    style["no_allergies"] = rnd.choice(("NKA", "NKDA", "None known", "None"))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed sheet (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 34), value_size=(40, 45)
    )
    _sheet_style(rnd, style)
    style["clinic"] = {
        "name": rnd.choice(CLINICS),
        "services": rnd.choice(SERVICES),
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": values.phone_number(rnd),
        "fax": values.phone_number(rnd),
    }
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            header_align=rnd.choice(("left", "centre")),
            date_place=rnd.choice(("row", "row", "corner")),
            pharmacy_box=rnd.random() < 0.8,
            refill_mode=rnd.choice(("value", "options")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.5,
            prescriber_written=True,
        )
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        date_place=rnd.choice(("visit", "visit", "corner", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        employer_row=rnd.random() < 0.7,
        problems_mode=rnd.choice(("table", "table", "one")),
        allergy_mode=rnd.choice(("table", "one")),
        meds_mode=rnd.choice(("table", "table", "one")),
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
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    visit = _between(rnd, dt.date(2019, 1, 5), dt.date(2025, 11, 30))
    fields: dict[str, Any] = {"record_date": visit.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    visit = dt.date.fromisoformat(fields["record_date"])
    age = rnd.randint(4, min(90, visit.year - 1931))
    birth = visit - dt.timedelta(days=365 * age + rnd.randint(10, 350))
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.45:
        lines.append(rnd.choice(("USA", "United States", "US")))
    fields["address"] = ", ".join(lines)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.88:
        fields["weight"] = weight
    if rnd.random() < 0.8:
        fields["height"] = height
    printed = visit + dt.timedelta(days=rnd.choice((0, 0, 0, 1, 2, 5)))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "mrn": f"{rnd.choice(('', 'M', 'UC'))}{_digits(rnd, rnd.choice((6, 7, 8)))}",
        "acct": _digits(rnd, rnd.choice((8, 9, 10))),
        "arrival": rnd.choice(TIMES) if rnd.random() < 0.85 else None,
        "visit_type": rnd.choice(_VISIT_TYPES) if rnd.random() < 0.85 else None,
        "provider": _provider(rnd) if rnd.random() < 0.8 else None,
        "complaint": rnd.choice(COMPLAINTS) if rnd.random() < 0.85 else None,
        "age": str(age) if rnd.random() < 0.75 else None,
        "sex": rnd.choice(("M", "F", "F", "M", "X", None)),
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.7 else None,
        "marital": rnd.choice(MARITAL) if rnd.random() < 0.6 else None,
        "employer": rnd.choice(EMPLOYERS) if rnd.random() < 0.6 else None,
        "employer_phone": values.phone_number(rnd) if rnd.random() < 0.4 else None,
        "temp": f"{rnd.choice(('97.8', '98.2', '98.6', '99.1', '100.4', '101.2'))} F"
        if rnd.random() < 0.8
        else None,
        "bp": f"{rnd.randint(100, 165)}/{rnd.randint(58, 98)}" if rnd.random() < 0.8 else None,
        "pulse": str(rnd.randint(58, 112)) if rnd.random() < 0.75 else None,
        "spo2": f"{rnd.randint(93, 100)}%" if rnd.random() < 0.6 else None,
        "registered_by": rnd.choice(USERS),
        "printed_date": printed.isoformat(),
        "printed_time": rnd.choice(TIMES),
    }
    if rnd.random() < 0.92:
        contact = values.person_name(rnd, last if rnd.random() < 0.55 else None)
        while contact == fields["patient_name"]:
            contact = values.person_name(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
        if rnd.random() < 0.92:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.7:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.3 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles"):
        roll = rnd.random()
        if roll < 0.62:
            fields[name] = "immune"
        elif roll < 0.84:
            fields[name] = "not immune"
        elif rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
    roll = rnd.random()
    if roll < 0.55:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.86:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.7:
        extras["hepatitis_b_vaccination_unsure"] = True
    extras["tetanus"] = rnd.choice(("yes", "no", "unknown", None))
    problems = values._pick_some(rnd, values.CONDITIONS, 0.35, 3)
    fields["medical_problems"] = problems
    extras["problem_codes"] = [ICD10.get(problem, "R69") for problem in problems]
    extras["problem_onsets"] = [
        str(rnd.randint(max(birth.year + 1, visit.year - 30), visit.year))
        if rnd.random() < 0.7
        else ""
        for _ in problems
    ]
    # page 2
    if rnd.random() < 0.55:
        extras["guarantor"] = "Self"
    else:
        extras["guarantor"] = values.person_name(rnd, last if rnd.random() < 0.7 else None)
        extras["g_relation"] = rnd.choice(RELATIONS)
        extras["g_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
        extras["g_address"] = values.one_line_address(rnd) if rnd.random() < 0.6 else None
    roll = rnd.random()
    if roll < 0.82:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
        fields["has_insurance"] = "no"
    if fields.get("has_insurance") == "yes":
        fields["insurance_company"] = rnd.choice(values.INSURERS)
        printed_number, canonical = values.policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed_number
        if rnd.random() < 0.8:
            street = rnd.choice((values.street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {values.city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                visit + dt.timedelta(days=rnd.randint(45, 1000))
            ).isoformat()
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP'))}{_digits(rnd, rnd.choice((5, 6, 7)))}"
            if rnd.random() < 0.7
            else None
        )
        extras["plan"] = rnd.choice(PLANS) if rnd.random() < 0.6 else None
        extras["subscriber"] = (
            fields["patient_name"] if extras["guarantor"] == "Self" else extras["guarantor"]
        )
        extras["effective"] = (
            (visit - dt.timedelta(days=rnd.randint(20, 1200))).isoformat()
            if rnd.random() < 0.65
            else None
        )
        extras["payer_phone"] = (
            f"(800) 555-01{rnd.randint(0, 99):02d}" if rnd.random() < 0.55 else None
        )
        if rnd.random() < 0.25:
            others = [name for name in values.INSURERS if name != fields["insurance_company"]]
            extras["secondary"] = rnd.choice(others)
            extras["secondary_member"] = values.policy_number(rnd)[0]
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    fields["allergies"] = allergies
    extras["reactions"] = [rnd.choice(REACTIONS) if rnd.random() < 0.8 else "" for _ in allergies]
    extras["nka_option"] = not allergies and rnd.random() < 0.7
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 4))
    fields["regular_medication"] = [] if rnd.random() < 0.35 else [d[0] for d in drugs]
    extras["med_rows"] = [
        [
            f"{rnd.choice(d[1])} {d[2]}" if rnd.random() < 0.9 else "",
            rnd.choice(FREQUENCIES) if rnd.random() < 0.85 else "",
        ]
        for d in drugs
    ]
    extras["signed_date"] = visit.isoformat() if rnd.random() < 0.75 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 20))
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(values.FIRST_NAMES)} "
        f"{rnd.choice(values.LAST_NAMES)}{suffix}",
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if rnd.random() < 0.87:
        fields["patient_address"] = values.one_line_address(rnd)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.88:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    disp, days = [], []
    for _, _, _, form in drugs:
        count = rnd.choice((10, 14, 20, 21, 30, 60, 90)) if form else 1
        unit = {"tab": "tablets", "cap": "capsules"}.get(form, "inhaler")
        disp.append(rnd.choice((f"{count}", f"{count} {unit}", f"#{count}")))
        days.append(str(rnd.choice((5, 7, 10, 14, 30, 90))) if rnd.random() < 0.7 else "")
    birth = _between(rnd, dt.date(1935, 1, 1), dt.date(2015, 12, 31))
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.5, 2)
    extras: dict[str, Any] = {
        "fax_date": (written + dt.timedelta(days=rnd.choice((0, 0, 0, 1)))).isoformat(),
        "fax_time": rnd.choice(TIMES),
        "pharmacy": rnd.choice(PHARMACIES) if rnd.random() < 0.9 else None,
        "pharmacy_address": values.one_line_address(rnd),
        "pharmacy_phone": values.phone_number(rnd),
        "pharmacy_fax": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.85 else None,
        "patient_sex": rnd.choice(("M", "F", None)),
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.65 else None,
        "mrn": _digits(rnd, rnd.choice((6, 7, 8))) if rnd.random() < 0.7 else None,
        "rx_allergies": ", ".join(allergies) if allergies else style["no_allergies"],
        "npi": f"1{_digits(rnd, 9)}" if rnd.random() < 0.85 else None,
        "dea": f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}{_digits(rnd, 7)}"
        if rnd.random() < 0.6
        else None,
        "supervisor": f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.25
        else None,
        "disp": disp,
        "days": days,
        "dx": rnd.choice(DX_CODES) if rnd.random() < 0.7 else None,
        "substitute": rnd.choice(("subs", "subs", "daw", None)),
    }
    if rnd.random() < 0.2:
        extras["rx_allergies"] = None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


class _Sheet(common.Drawing):
    """One page of the sheets: faces, section headers, tab-stop rows and filled circles."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.pale = tuple(round(255 - (255 - c) * 0.14) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        faces["head"] = render.Face(title.bold, 36, DARK)
        faces["head_white"] = render.Face(title.bold, 36, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 60, DARK)
        faces["org"] = render.Face(title.bold, 54, self.colour)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 27, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        self.value_size = float(faces["value"].size)
        self.row = self.value_size * 1.1 + 30

    # words and values

    def label(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["label_case"] == "upper" else text

    def key(self, key: str) -> str:
        """A row's label, with the form's colon."""
        text = self.label(key)
        return f"{text}:" if self.style["colon"] and not text.endswith("?") else text

    def date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    # shapes

    def circle(self, x: float, base: float, filled: bool) -> float:
        """An option's circle on the baseline, filled in when chosen; where it ends."""
        page = self.page
        r = 16.0
        cx, cy = x + r, base - 14
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            outline=(40, 40, 40),
            width=max(1, page.px(2.5)),
        )
        if filled:
            if self.style["handwriting"]:  # a scribbled fill, spilling a little over the rim
                points = []
                for i in range(28):
                    t = 2 * math.pi * i / 28
                    k = r * page.jitter.uniform(0.75, 1.2)
                    points.append((page.px(cx + k * math.cos(t)), page.px(cy + k * math.sin(t))))
                page.draw.polygon(points, fill=self.ink())
            else:
                k = r * 0.62
                page.draw.ellipse(
                    [page.px(cx - k), page.px(cy - k), page.px(cx + k), page.px(cy + k)],
                    fill=self.ink(),
                )
        return x + 2 * r

    def options(
        self,
        x: float,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        gap: float = 48,
    ) -> float:
        """``o Yes  * No``: a circle before each printed option; where the row ends."""
        for key, text in options:
            x = self.circle(x, base, key == chosen)
            x = self.page.text(x + 14, base, text, "opt") + gap
        return x

    def header(self, top: float, key: str) -> float:
        """A section's header; where its first row's top is."""
        page = self.page
        text = self.labels[key].upper()
        kind = self.style["header"]
        mid = top + 30
        if kind == "rules":
            width = page.width(text, "head")
            centre = (LEFT + RIGHT) / 2
            page.text(centre, mid + 13, text, "head", anchor="ms")
            self.line(LEFT, mid, centre - width / 2 - 24, mid, width=3, fill=self.colour)
            self.line(centre + width / 2 + 24, mid, RIGHT, mid, width=3, fill=self.colour)
        elif kind == "tab":
            width = page.width(text, "head_white") + 48
            self.rect(LEFT, top + 4, LEFT + width, top + 58, fill=self.colour, outline=None)
            page.text(LEFT + 24, top + 44, text, "head_white")
            self.line(LEFT, top + 57, RIGHT, top + 57, width=3, fill=self.colour)
        else:
            page.text(LEFT, top + 40, text, "head")
            self.line(LEFT, top + 54, RIGHT, top + 54, width=3, fill=self.colour)
            self.line(LEFT, top + 62, RIGHT, top + 62, width=1.5, fill=self.colour)
        return top + 66

    def stop(self, x0: float, labels: Sequence[str], most: float = 560) -> float:
        """The tab stop of a column: after its longest label, within ``most``."""
        widest = max((self.page.width(text, "key") for text in labels if text), default=0.0)
        return x0 + min(widest + 40, most)

    def pair(
        self, x0: float, stop: float, x1: float, base: float, label: str, value: str | None
    ) -> tuple[float, float]:
        """One ``label  value`` pair at a tab stop; the value's room ``(start, end)``."""
        page = self.page
        if label:
            if self.style["align"] == "right":
                page.text(stop - 18, base, label, "key", anchor="rs", max_width=stop - x0 - 24)
            else:
                page.text(x0, base, label, "key", max_width=stop - x0 - 24)
        start = stop + 6
        if self.style["underline"]:
            self.line(start - 4, base + 12, x1 - 16, base + 12, width=1.5, fill=RULE)
        if value:
            page.text(start + 6, base, value, "value", max_width=max(60.0, x1 - start - 30))
        return start, x1

    def rows(
        self,
        top: float,
        columns: Sequence[Sequence[tuple[str, str | None]]],
    ) -> float:
        """Pairs set down one column (the page's width) or two; the top after them."""
        bounds = [(LEFT, RIGHT)] if len(columns) == 1 else [(LEFT, MID), (COL2, RIGHT)]
        for (x0, x1), items in zip(bounds, columns, strict=True):
            stop = self.stop(x0, [label for label, _ in items], most=(x1 - x0) * 0.5)
            for k, (label, value) in enumerate(items):
                base = top + (k + 1) * self.row - 24
                self.pair(x0, stop, x1, base, label, value)
        return top + max(len(items) for items in columns) * self.row + 8

    def note(self, x: float, base: float, text: str, width: float, gap: float = 37) -> float:
        """Running small print wrapped to ``width``; the last line's baseline."""
        for line in render.wrap(self.page, text, "note", width):
            self.page.text(x, base, line, "note")
            base += gap
        return base - gap

    def barcode(self, x: float, top: float, height: float, code: str) -> float:
        """A barcode drawn from ``code``'s characters; where it ends."""
        x += 8
        for char in f"*{code}*":
            number = ord(char)
            for bit in range(6):
                width = 3 + 3 * ((number >> bit) & 1)
                if bit % 2 == 0:
                    self.rect(x, top, x + width, top + height, fill=DARK, outline=None)
                x += width + 2
        return x

    def table(
        self,
        top: float,
        heads: Sequence[str],
        xs: Sequence[float],
        rows: Sequence[Sequence[str | None]],
        count: int,
        *,
        numbered: bool = False,
    ) -> float:
        """A ruled table with a tinted head row; the top after it."""
        page = self.page
        head_h, row_h = 50.0, self.value_size + 44
        self.rect(xs[0], top, xs[-1], top + head_h, fill=self.pale, outline=None)
        for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
            page.text(x0 + 14, top + 36, head, "opt", max_width=x1 - x0 - 24)
        for k in range(count):
            row_top = top + head_h + k * row_h
            base = row_top + row_h - 24
            self.line(xs[0], row_top, xs[-1], row_top, width=1.5)
            cells = rows[k] if k < len(rows) else ()
            offset = 0
            if numbered:
                page.text(xs[0] + 14, base, f"{k + 1}.", "opt")
                offset = 1
            for value, x0, x1 in zip(cells, xs[offset:], xs[offset + 1 :], strict=False):
                if value:
                    page.text(x0 + 16, base, value, "value", max_width=x1 - x0 - 30)
        bottom = top + head_h + count * row_h
        self.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
        for x in xs[1:-1]:
            self.line(x, top, x, bottom, width=1.5)
        return bottom


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _list_text(items: Sequence[str] | None, style: Mapping[str, Any]) -> str | None:
    return common.list_text(items, str(style["empty_list"]))


def _clinic_head(sheet: _Sheet, *, compact: bool, align: str = "left") -> float:
    """The clinic's letterhead; the bottom of the head (the title is drawn by the caller)."""
    page = sheet.page
    clinic = sheet.style["clinic"]
    x, y = LEFT, 112.0  # a plus in a rounded square: the clinic's mark
    page.draw.rounded_rectangle(
        [page.px(x), page.px(y), page.px(x + 96), page.px(y + 96)],
        radius=page.px(18),
        fill=sheet.colour,
    )
    sheet.rect(x + 38, y + 16, x + 58, y + 80, fill=(255, 255, 255), outline=None)
    sheet.rect(x + 16, y + 38, x + 80, y + 58, fill=(255, 255, 255), outline=None)
    tx = x + 124
    page.text(tx, 166, clinic["name"], "org", max_width=1150)
    if compact:
        return 215.0
    lines = (
        clinic["services"],
        f"{clinic['street']}, {clinic['city']}",
        f"Phone {sheet.phone(clinic['phone'])}   Fax {sheet.phone(clinic['fax'])}",
    )
    for k, text in enumerate(lines):
        page.text(tx, 210 + 36 * k, text, "org_small", max_width=1150)
    return 300.0


def _footer(sheet: _Sheet, number: int, total: int, left: str) -> None:
    page = sheet.page
    sheet.line(LEFT, FOOTER - 40, RIGHT, FOOTER - 40, width=1.5, fill=RULE)
    page.text(LEFT, FOOTER, left, "fine", max_width=1700)
    page.text(RIGHT, FOOTER, f"Page {number} of {total}", "fine", anchor="rs")


def _printed_line(sheet: _Sheet, extras: Mapping[str, Any]) -> str:
    when = sheet.date(extras.get("printed_date")) or ""
    return (
        f"{sheet.label('printed')} {when} {extras.get('printed_time', '')} "
        f"{sheet.labels['by']} {extras.get('registered_by', '')}"
    )


# --- patient record -------------------------------------------------------------------------


def _answer(
    sheet: _Sheet,
    base: float,
    label_key: str,
    options: Sequence[tuple[str, str]],
    chosen: str | None,
) -> None:
    """A question's label and its options at the history's tab stop."""
    page = sheet.page
    page.text(LEFT + 20, base, sheet.key(label_key), "key", max_width=780)
    sheet.options(LEFT + 860, base, options, chosen)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _clinic_head(sheet, compact=False)
    page.text(RIGHT, 166, sheet.labels["title"], "title", anchor="rs", max_width=900)
    end = sheet.barcode(RIGHT - 560, 190, 62, str(extras.get("mrn", "")))
    ids = f"{sheet.label('mrn')} {extras.get('mrn', '')}   {sheet.label('acct')} {extras['acct']}"
    page.text(RIGHT, 290, ids, "org_small", anchor="rs", max_width=max(300.0, end - LEFT))
    top = 330.0
    record = sheet.date(fields.get("record_date"))
    place = style["date_place"]
    if place == "corner":
        label = sheet.key("record_date")
        width = page.width(label, "key") + max(340.0, page.width(record or "", "value") + 60)
        sheet.rect(RIGHT - width, top, RIGHT, top + sheet.row, outline=sheet.colour, width=3)
        base = top + sheet.row - 26
        end = page.text(RIGHT - width + 18, base, label, "key")
        if record:
            page.text(end + 24, base, record, "value", max_width=RIGHT - end - 40)
        top += sheet.row + 10
    # visit
    top = sheet.header(top + 10, "sec_visit")
    left: list[tuple[str, str | None]] = []
    if place == "visit":
        left.append((sheet.key("record_date"), record))
    left += [
        (sheet.key("arrival"), extras.get("arrival")),
        (sheet.key("provider"), extras.get("provider")),
    ]
    right: list[tuple[str, str | None]] = [
        (sheet.key("visit_type"), None),
        (sheet.key("complaint"), extras.get("complaint")),
    ]
    sheet.rows(top, [left, right])
    stop = sheet.stop(COL2, [label for label, _ in right], most=(RIGHT - COL2) * 0.5)
    kinds = [(key, sheet.label(key)) for key in _VISIT_TYPES]
    base = top + sheet.row - 24
    _visit_options(sheet, stop + 12, base, kinds, extras.get("visit_type"))
    top += max(len(left), len(right)) * sheet.row + 8
    # patient
    top = sheet.header(top + 14, "sec_patient")
    name = fields.get("patient_name")
    left = []
    if style["name_mode"] == "split" and name:
        given, _, surname = name.rpartition(" ")
        left += [(sheet.key("last"), surname), (sheet.key("first"), given)]
    else:
        left.append((sheet.key("name"), name))
    lines = common.address_lines(fields, extras)
    wide: list[tuple[str, str | None]] = []
    if style["address_mode"] == "one":
        wide.append((sheet.key("address"), fields.get("address")))
    else:
        wide += [
            (sheet.key("street"), lines[0]),
            (sheet.key("city"), lines[1]),
            (sheet.key("country"), lines[2]),
        ]
    right = [
        (sheet.key("dob"), sheet.date(fields.get("birth_date"), short_year=False)),
        (sheet.key("age"), extras.get("age")),
    ]
    if len(left) == 2:
        right.append((sheet.key("sex"), extras.get("sex")))
    else:
        left.append((sheet.key("sex"), extras.get("sex")))
    top = sheet.rows(top, [left, right]) - 8
    top = sheet.rows(top, [wide]) - 8
    left = [(sheet.key("phone"), sheet.phone(fields.get("phone")))]
    right = [(sheet.key("language"), extras.get("language"))]
    left.append((sheet.key("marital"), extras.get("marital")))
    if style["employer_row"]:
        right.append((sheet.key("employer"), extras.get("employer")))
        left.append((sheet.key("employer_phone"), sheet.phone(extras.get("employer_phone"))))
    top = sheet.rows(top, [left, right])
    # vitals
    top = sheet.header(top + 14, "sec_vitals")
    top = sheet.rows(
        top,
        [
            [
                (sheet.key("height"), _with_unit(fields, "height", extras.get("height_unit"))),
                (sheet.key("weight"), _with_unit(fields, "weight", extras.get("weight_unit"))),
            ],
            [
                (sheet.key("temp"), extras.get("temp")),
                (sheet.key("bp"), extras.get("bp")),
            ],
        ],
    )
    # emergency contact
    top = sheet.header(top + 14, "sec_contact")
    top = (
        sheet.rows(
            top,
            [
                [
                    (sheet.key("contact"), fields.get("emergency_contact_name")),
                    (
                        sheet.key("contact_phone"),
                        sheet.phone(fields.get("emergency_contact_phone")),
                    ),
                ],
                [
                    (sheet.key("relation"), extras.get("relation")),
                    (sheet.key("contact_other"), sheet.phone(extras.get("emergency_work_phone"))),
                ],
            ],
        )
        - 8
    )
    top = sheet.rows(
        top, [[(sheet.key("contact_address"), fields.get("emergency_contact_address"))]]
    )
    # health history
    top = sheet.header(top + 14, "sec_history")
    immunity = (
        ("immune", sheet.label("immune")),
        ("not immune", sheet.label("not_immune")),
        ("unknown", sheet.label("unknown")),
    )
    step = max(64.0, sheet.value_size + 18)
    base = top + step - 10
    for name in ("chicken_pox", "measles"):
        chosen = fields.get(name) or ("unknown" if extras.get(f"{name}_unsure") else None)
        _answer(sheet, base, name, immunity, chosen)
        base += step
    yes_no = (("yes", sheet.label("yes")), ("no", sheet.label("no")))
    hep = fields.get("hepatitis_b_vaccination") or (
        "unknown" if extras.get("hepatitis_b_vaccination_unsure") else None
    )
    _answer(sheet, base, "hep_b", (*yes_no, ("unknown", sheet.label("unknown"))), hep)
    base += step
    _answer(
        sheet,
        base,
        "tetanus",
        (*yes_no, ("unknown", sheet.label("unknown"))),
        extras.get("tetanus"),
    )
    top = base + 24
    problems = fields.get("medical_problems")
    if style["problems_mode"] == "table":
        page.text(LEFT, top + 50, sheet.key("problems"), "key")
        rows: list[list[str | None]] = []
        codes: Sequence[str] = extras.get("problem_codes") or []
        onsets: Sequence[str] = extras.get("problem_onsets") or []
        for k, problem in enumerate(problems or []):
            rows.append(
                [
                    problem,
                    codes[k] if k < len(codes) else None,
                    onsets[k] if k < len(onsets) else None,
                ]
            )
        if problems is not None and not problems and style["empty_list"]:
            rows.append([str(style["empty_list"]), None, None])
        xs = (LEFT, LEFT + 90, LEFT + 1150, LEFT + 1650, RIGHT)
        heads = ("#", sheet.label("problem"), sheet.label("icd"), sheet.label("onset"))
        top = sheet.table(top + 72, heads, xs, rows, max(3, len(rows)), numbered=True)
    else:
        top = sheet.rows(top, [[(sheet.key("problems"), _list_text(problems, style))]])
    # the foot: who registered the patient (and, on some forms, the date)
    foot = max(top + 30 + sheet.row, 3100.0)
    base = foot
    end = page.text(LEFT, base, sheet.key("registered_by"), "key")
    page.text(end + 24, base, str(extras.get("registered_by", "")), "value", max_width=600)
    if place == "foot":
        end = page.text(LEFT + 1250, base, sheet.key("foot_date"), "key")
        sheet.line(end + 14, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
        if record:
            page.text(end + 30, base, record, "value", max_width=RIGHT - end - 50)
    _footer(sheet, 1, 2, _printed_line(sheet, extras))
    return page.image


def _visit_options(
    sheet: _Sheet, x: float, base: float, kinds: Sequence[tuple[str, str]], chosen: str | None
) -> None:
    """The visit type's options, shrunk to the room left in the right column."""
    page = sheet.page
    room = RIGHT - x - 10
    needed = sum(32 + 14 + page.width(text, "opt") + 30 for _, text in kinds)
    gap = 30.0
    if needed > room:  # fewer words: the first option only when the row is too narrow
        kinds = [kind for kind in kinds if kind[0] == chosen] or list(kinds[:1])
    sheet.options(x, base, kinds, chosen, gap=gap)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _clinic_head(sheet, compact=True)
    title = f"{sheet.labels['title']} {sheet.labels['continued']}"
    page.text(RIGHT, 166, title, "title", anchor="rs", max_width=1000)
    sheet.line(LEFT, 215, RIGHT, 215, width=4, fill=sheet.colour)
    top = sheet.rows(
        225,
        [
            [(sheet.key("name"), fields.get("patient_name"))],
            [
                (sheet.key("dob"), sheet.date(fields.get("birth_date"), short_year=False)),
                (sheet.key("mrn"), extras.get("mrn")),
            ],
        ],
    )
    # guarantor
    top = sheet.header(top + 10, "sec_guarantor")
    top = (
        sheet.rows(
            top,
            [
                [
                    (sheet.key("guarantor"), extras.get("guarantor")),
                    (sheet.key("g_phone"), sheet.phone(extras.get("g_phone"))),
                ],
                [(sheet.key("g_relation"), extras.get("g_relation"))],
            ],
        )
        - 8
    )
    top = sheet.rows(top, [[(sheet.key("g_address"), extras.get("g_address"))]])
    # insurance
    top = sheet.header(top + 14, "sec_insurance")
    base = top + 62
    end = page.text(LEFT, base, sheet.key("insurance_q"), "key")
    yes_no = (("yes", sheet.label("yes")), ("no", sheet.label("no")))
    sheet.options(end + 40, base, yes_no, fields.get("has_insurance"))
    top = base + 14
    top = (
        sheet.rows(
            top,
            [
                [
                    (sheet.key("carrier"), fields.get("insurance_company")),
                    (sheet.key("group"), extras.get("group")),
                    (sheet.key("subscriber"), extras.get("subscriber")),
                    (sheet.key("effective"), sheet.date(extras.get("effective"))),
                ],
                [
                    (
                        sheet.key("member"),
                        extras.get("policy_number_printed") or fields.get("policy_number"),
                    ),
                    (sheet.key("plan"), extras.get("plan")),
                    (sheet.key("payer_phone"), sheet.phone(extras.get("payer_phone"))),
                    (sheet.key("expiry"), sheet.date(fields.get("insurance_expiry"))),
                ],
            ],
        )
        - 8
    )
    top = sheet.rows(top, [[(sheet.key("claims"), fields.get("insurance_address"))]])
    if extras.get("secondary"):
        base = top + sheet.row - 24
        end = page.text(LEFT, base, sheet.label("sec_secondary").upper(), "key")
        page.text(end + 30, base, str(extras["secondary"]), "value", max_width=900)
        end = page.text(LEFT + 1400, base, sheet.key("member"), "key", max_width=400)
        page.text(
            end + 24,
            base,
            str(extras.get("secondary_member", "")),
            "value",
            max_width=RIGHT - end - 40,
        )
        top += sheet.row + 8
    # allergies
    top = sheet.header(top + 14, "sec_allergy")
    allergies = fields.get("allergies")
    nka = bool(extras.get("nka_option")) and allergies == []
    base = top + 60
    sheet.options(LEFT, base, (("nka", sheet.label("nka")),), "nka" if nka else None)
    top = base + 10
    if style["allergy_mode"] == "table":
        rows: list[list[str | None]] = []
        reactions: Sequence[str] = extras.get("reactions") or []
        for k, allergy in enumerate(allergies or []):
            rows.append([allergy, reactions[k] if k < len(reactions) else None])
        if allergies == [] and not nka and style["no_allergies"]:
            rows.append([str(style["no_allergies"]), None])
        xs: Sequence[float] = (LEFT, LEFT + 1200, RIGHT)
        heads: Sequence[str] = (sheet.label("allergen"), sheet.label("reaction"))
        top = sheet.table(top + 20, heads, xs, rows, max(2, len(rows))) + 8
    else:
        text = None if nka else common.list_text(allergies, str(style["no_allergies"]))
        top = sheet.rows(top, [[(sheet.key("allergies"), text)]])
    # medications
    top = sheet.header(top + 14, "sec_meds")
    meds = fields.get("regular_medication")
    if style["meds_mode"] == "table":
        details: Sequence[Sequence[str]] = extras.get("med_rows") or []
        rows = []
        if meds:
            for k, medicine in enumerate(meds):
                detail = list(details[k]) if k < len(details) else ["", ""]
                rows.append([medicine, *detail])
        elif meds is not None and style["empty_list"]:
            rows.append([str(style["empty_list"]), None, None])
        xs = (LEFT, LEFT + 90, LEFT + 1000, LEFT + 1500, RIGHT)
        heads = ("#", sheet.label("med"), sheet.label("dose"), sheet.label("freq"))
        top = sheet.table(top + 10, heads, xs, rows, max(4, len(rows)), numbered=True)
    else:
        top = sheet.rows(top, [[(sheet.key("meds_one"), _list_text(meds, style))]])
    # consent and signature
    base = sheet.note(LEFT, top + 80, sheet.labels["consent"], RIGHT - LEFT)
    sign = max(base + 150, 2980.0)
    sheet.line(LEFT, sign + 12, LEFT + 1200, sign + 12, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 640, sign, sheet.ink())
    page.text(LEFT, sign + 52, sheet.labels["sign"], "note")
    end = page.text(LEFT + 1350, sign, sheet.key("sign_date"), "key")
    sheet.line(end + 14, sign + 12, RIGHT, sign + 12, width=1.5, fill=RULE)
    signed = sheet.date(extras.get("signed_date"))
    if signed:
        page.text(end + 30, sign, signed, "value", max_width=RIGHT - end - 50)
    _footer(sheet, 2, 2, _printed_line(sheet, extras))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _rx_mark(sheet: _Sheet, x: float, base: float) -> float:
    page = sheet.page
    if sheet.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.add_face("rx", family.name, 100)
        return page.text(x, base, fonts.RX_GLYPH, "rx")
    page.add_face("rx", sheet.style["title_font"], 84, bold=True)
    return page.text(x, base, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    clinic = style["clinic"]
    labels = sheet.labels
    # the fax machine's transmission line
    fax_date = sheet.date(extras.get("fax_date")) or ""
    strip = (
        f"{fax_date}  {extras.get('fax_time', '')}   {labels['from']}: {clinic['name']}  "
        f"{sheet.phone(clinic['fax'])}   {labels['to']}: {extras.get('pharmacy') or ''}"
    )
    page.text(LEFT - 60, 62, strip, "fine", max_width=1900)
    page.text(RIGHT + 60, 62, f"{labels['page']} 001/001", "fine", anchor="rs")
    # header
    if style["header_align"] == "centre":
        mid = (LEFT + RIGHT) / 2
        page.text(mid, 180, clinic["name"], "org", anchor="ms", max_width=RIGHT - LEFT)
        address = f"{clinic['street']}, {clinic['city']}"
        numbers = f"Phone {sheet.phone(clinic['phone'])}   Fax {sheet.phone(clinic['fax'])}"
        page.text(mid, 224, address, "org_small", anchor="ms", max_width=RIGHT - LEFT)
        page.text(mid, 260, numbers, "org_small", anchor="ms", max_width=RIGHT - LEFT)
        page.text(mid, 340, labels["title"], "title", anchor="ms", max_width=RIGHT - LEFT)
        top = 370.0
    else:
        _clinic_head(sheet, compact=False)
        page.text(RIGHT, 166, labels["title"], "title", anchor="rs", max_width=900)
        top = 310.0
    sheet.line(LEFT, top, RIGHT, top, width=4, fill=sheet.colour)
    top += 16
    date = sheet.date(fields.get("date"))
    date_row = style["date_place"] == "row"
    if not date_row:
        label = sheet.key("date")
        width = page.width(label, "key") + max(340.0, page.width(date or "", "value") + 60)
        sheet.rect(RIGHT - width, top, RIGHT, top + sheet.row, outline=sheet.colour, width=3)
        base = top + sheet.row - 26
        end = page.text(RIGHT - width + 18, base, label, "key")
        if date:
            page.text(end + 24, base, date, "value", max_width=RIGHT - end - 40)
    # pharmacy
    if style["pharmacy_box"]:
        box_right = RIGHT if date_row else RIGHT - 760
        head = sheet.label("send_to").upper()
        page.text(LEFT + 20, top + 46, head, "key")
        pharmacy_lines = [
            extras.get("pharmacy"),
            extras.get("pharmacy_address"),
        ]
        base = top + 46
        x = LEFT + 40 + page.width(head, "key") + 30
        for line in pharmacy_lines:
            if line:
                page.text(x, base, line, "value", max_width=box_right - x - 30)
            base += sheet.value_size + 18
        contacts = [
            (sheet.label("ph_phone"), sheet.phone(extras.get("pharmacy_phone"))),
            (sheet.label("ph_fax"), sheet.phone(extras.get("pharmacy_fax"))),
        ]
        nx = x
        for tag, digits in contacts:
            if digits:
                nx = page.text(nx, base, tag, "opt") + 16
                nx = page.text(nx, base, digits, "value", max_width=box_right - nx - 30) + 50
        bottom = base + 30
        sheet.rect(LEFT, top + 4, box_right, bottom, outline=GRID, width=2)
        top = max(bottom, top + sheet.row) + 16
    elif not date_row:
        top += sheet.row + 16
    # patient
    top = sheet.header(top + 6, "sec_patient")
    left = [
        (sheet.key("name"), fields.get("patient_name")),
        (sheet.key("phone"), sheet.phone(extras.get("patient_phone"))),
    ]
    right = [
        (sheet.key("dob"), sheet.date(extras.get("patient_dob"), short_year=False)),
        (sheet.key("sex"), extras.get("patient_sex")),
    ]
    if extras.get("mrn"):
        right.append((sheet.key("mrn"), extras.get("mrn")))
    top = sheet.rows(top, [left, right]) - 8
    top = sheet.rows(
        top,
        [
            [
                (sheet.key("address"), fields.get("patient_address")),
                (sheet.key("allergies"), extras.get("rx_allergies")),
            ]
        ],
    )
    # prescriber
    top = sheet.header(top + 10, "sec_prescriber")
    left = [(sheet.key("prescriber"), fields.get("prescriber"))]
    right = [(sheet.key("npi"), extras.get("npi")), (sheet.key("dea"), extras.get("dea"))]
    if extras.get("supervisor"):
        left.append((sheet.key("supervisor"), extras.get("supervisor")))
    if date_row:
        left.append((sheet.key("date"), date))
    top = sheet.rows(top, [left, right])
    # medications
    top = sheet.header(top + 10, "sec_meds")
    mark_end = _rx_mark(sheet, LEFT, top + 100)
    x = max(mark_end + 40, LEFT + 200)
    medicines: Sequence[str] = fields.get("medicines") or []
    disp: Sequence[str] = extras.get("disp") or []
    days: Sequence[str] = extras.get("days") or []
    base = top + 70
    for k, medicine in enumerate(medicines):
        number_end = page.text(x, base, f"{k + 1}.", "key")
        page.text(number_end + 24, base, medicine, "value", max_width=RIGHT - number_end - 50)
        base += 58
        sub_x = number_end + 40
        if k < len(disp) and disp[k]:
            sub_x = page.text(sub_x, base, sheet.key("disp"), "opt") + 16
            sub_x = page.text(sub_x, base, disp[k], "value", max_width=500) + 60
        if k < len(days) and days[k]:
            sub_x = page.text(sub_x, base, sheet.key("days"), "opt") + 16
            page.text(sub_x, base, days[k], "value", max_width=300)
        base += sheet.value_size + 46
    if extras.get("dx"):
        end = page.text(x, base, sheet.key("dx"), "key")
        page.text(end + 20, base, str(extras["dx"]), "value", max_width=600)
        base += sheet.value_size + 40
    # directions
    base += 20
    end = page.text(LEFT, base, sheet.key("sig"), "key")
    gap = sheet.value_size + 34
    text = fields.get("directions")
    lines = render.wrap(page, text, "value", RIGHT - end - 60) if text else []
    count = max(3, len(lines))
    for k in range(count):
        x0 = end + 20 if k == 0 else LEFT + 40
        b = base + k * gap
        sheet.line(x0, b + 12, RIGHT, b + 12, width=1.5, fill=RULE)
    if lines:
        page.text(end + 30, base, lines[0], "value", max_width=RIGHT - end - 50)
        rest = render.wrap(page, " ".join(lines[1:]), "value", RIGHT - LEFT - 80)
        for k, line in enumerate(rest):
            page.text(LEFT + 50, base + (k + 1) * gap, line, "value", max_width=RIGHT - LEFT - 70)
        count = max(count, len(rest) + 1)
    base += count * gap + 20
    # refills
    refills = fields.get("refills")
    end = page.text(LEFT, base, sheet.key("refills"), "key")
    if style["refill_mode"] == "options":
        tokens = [(str(n), str(n)) for n in range(6)] + [("PRN", "PRN")]
        chosen = None if refills is None else str(refills)
        x = sheet.options(end + 40, base, tokens, chosen, gap=34)
        if refills is not None and chosen not in {token for token, _ in tokens}:
            page.text(x + 20, base, str(refills), "value")
    else:
        sheet.line(end + 16, base + 12, end + 220, base + 12, width=1.5, fill=RULE)
        if refills is not None:
            page.text(end + 118, base, str(refills), "value", anchor="ms")
    subs = (("subs", sheet.label("subs")), ("daw", sheet.label("daw")))
    base += 84
    sheet.options(LEFT, base, subs, extras.get("substitute"), gap=60)
    # signature
    sign = max(base + 170, 2960.0)
    sheet.line(LEFT + 1150, sign + 12, RIGHT, sign + 12, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 1220, LEFT + 1800, sign, sheet.ink())
    page.text(LEFT + 1150, sign + 52, sheet.labels["signature"], "note")
    _footer(sheet, 1, 1, labels["fine"])
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
    """The sheet's pages; ``pages=1`` draws only a record's first page."""
    return common.form_renderer((_prescription, _record_one, _record_two))(
        document_type, fields, extras, style, dpi=dpi, pages=pages
    )
