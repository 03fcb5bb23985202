"""A dental practice's new-patient registration and a hospice's physician medication order sheet.

Written blind as the held-out family of round 16 (then called ``heldout``): its author never read
the reader.

Neither document is a clinic's registration face sheet or a doctor's pad. The record is the
questionnaire a new patient fills in at a dental practice: numbered questions in full sentences,
the medical part asked the way a dentist asks it. The prescription is the order sheet a hospice
keeps for a patient cared for at home: the attending physician's medication orders, written on
the hospice's printed sheet.

Patient record (two pages). Each field is a *question*: a number (running through the form,
per part as ``A3``, or none, per form) and a question or a short prompt from per-form synonym
lists, in sentence or title case. Two arrangements, per form: ``column``, with the questions at
the left and a ruled answer column at the right of a vertical rule (rows striped on some forms),
and ``stacked``, two questions a row, each answer on a rule under its question, the long ones
the page's width. Choices are printed options with a box before each, the chosen one ticked or
crossed (one mark per document). Parts are headed per form by a tinted band, a lettered disc or
a title over a rule.

* Page 1: the practice's letterhead (its name, the dentists with their degrees, street and city,
  telephone: distractors) at the left, the form's title and the chart number (a distractor) at
  the right. The record date is "today's date" under the title, the first question of part A,
  or the date beside the patient's signature at the foot of page 1, per form.
* Part A, the patient: the name (one answer, or last name and first name with initial: the
  truth is ``First M. Last``), the date of birth with the age (a distractor), sex (options, a
  distractor), the address (one answer, or street, city / state / ZIP and country: the truth
  joins them with ``", "``), the home telephone (``phone``), a cell telephone and an e-mail
  address, the occupation and who referred the patient (distractors).
* Part B, the emergency contact: name, relationship (a distractor), telephone
  (``emergency_contact_phone``), another telephone (a distractor) and the address.
* Part C, medical history: the physician's name and telephone and the date of the last physical
  examination (distractors); chickenpox and measles each Immune / Not immune / Not sure, the
  hepatitis B vaccine Yes / No / Not sure (a "not sure" answer, or none, leaves the field out);
  a premedication question (a distractor); height and weight (one answer with two tags, the
  unit after the number); the medical problems written comma-separated, or the document's word
  for none, or nothing.

Page 2: a running line (the patient's name and chart number again), part D, dental history
(the previous dentist and telephone, the last dental visit, the reason for today's visit and two
yes/no questions: distractors); part E, insurance: the yes/no question (``has_insurance``), the
company, the member or policy number (separators printed), the group number, the subscriber and
the subscriber's date of birth and employer (distractors), the claims address, the date the
coverage ends (``insurance_expiry``) and, on some documents, a separate dental plan and its
member number (distractors); part F, allergies (written, the word for none, or a ticked "no known
allergies" box) and medications (written comma-separated, or a table of medicine, dose and what
it is for: the truth is the medicine column); a consent paragraph, the signature and the date
signed (the record date again, or blank).

Prescription (one page): the hospice's letterhead (name, street and city, telephone and fax and,
on some sheets, the medical director: distractors) and the sheet's title. The order date is in a
box with the time and the order type (options, distractors) under the title, or beside the
physician's signature at the foot, per form. The patient's box: name, date of birth, hospice
number, the address (``patient_address``), the primary caregiver and telephone, the diagnosis,
the allergies and the level of care (options): all distractors but the name and address. The
orders: a table of numbered rows, each a medicine line (one ``medicines`` entry) with its route,
quantity and indication (distractors); "special instructions" (``directions``) over rules; the
refills written after their label or ticked among ``0`` to ``5`` and ``PRN`` (a larger number
written after "Other"); the pharmacy and its telephone (distractors); the attending physician's
name written on a rule (``prescriber``), the NPI and the signature; the nurse who received the
order (a distractor) and the small print at the foot.
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
FOOTER = 3228.0
DARK = (25, 25, 25)
GRID = (70, 70, 70)
RULE = (150, 150, 150)
LAST_BASE = 3120.0  # no text but the footer's below this baseline
SIGN_BASE = 3070.0  # a signature's rule (its caption is under it)

# fmt: off
PRACTICES = (
    "Bright Smile Family Dentistry", "Lakeside Dental Group", "Maple Grove Dental Care",
    "Riverbend Family & Cosmetic Dentistry", "Summit Dental Associates", "Gentle Touch Dental",
    "Harbor View Dental Studio", "Parkside Family Dentistry",
)
HOSPICES = (
    "Evening Star Hospice", "Gentle Shepherd Hospice", "Quiet Harbor Hospice & Palliative Care",
    "Willow Creek Hospice", "Lantern Hospice Care", "Serenity Hospice of the Valley",
)
DENTAL_PLANS = (
    "Delta Dental", "MetLife Dental", "Guardian Dental", "Ameritas", "United Concordia",
    "Renaissance Dental", "Dentegra",
)
REASONS = (
    "Cleaning and checkup", "Toothache lower left", "Broken filling", "Second opinion",
    "Bleeding gums", "Wisdom teeth", "Crown consultation", "Sensitive to cold",
    "New patient exam", "Chipped front tooth",
)
OCCUPATIONS = (
    "Teacher", "Nurse", "Electrician", "Student", "Accountant", "Retired", "Sales associate",
    "Software developer", "Truck driver", "Homemaker", "Chef", "Mechanic",
)
RELATIONS = ("Spouse", "Mother", "Father", "Daughter", "Son", "Sister", "Brother", "Friend",
             "Partner", "Neighbor", "Cousin")
EMPLOYERS = ("Acme Logistics", "County Schools", "Riverside Hospital", "Self-employed",
             "Northside Bank", "State University", "Metro Transit", "Retired")
DIAGNOSES = ("Metastatic lung cancer", "End-stage heart failure", "End-stage COPD",
             "Alzheimer's dementia", "Pancreatic cancer", "End-stage renal disease", "ALS",
             "Adult failure to thrive", "Metastatic breast cancer")
ROUTES = ("PO", "PO", "SL", "by mouth", "G-tube")
INDICATIONS = ("pain", "nausea", "anxiety", "dyspnea", "infection", "BP", "sleep", "reflux",
               "agitation", "secretions")
PHARMACIES = ("Hospice Pharmacy Services", "CareRx Hospice Pharmacy", "Walgreens #4471",
              "CVS Pharmacy #2210", "Optum Hospice Pharmacy", "Main Street Pharmacy")
TIMES = ("7:45 AM", "8:20 AM", "9:05 AM", "10:40 AM", "11:15 AM", "1:30 PM", "2:55 PM",
         "4:10 PM", "5:25 PM", "6:50 PM", "8:35 PM")
COLOURS = ([20, 100, 150], [0, 120, 120], [90, 60, 140], [140, 50, 70], [60, 90, 60],
           [70, 70, 70], [170, 95, 30])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "New Patient Registration",
        "Patient Information & Health History",
        "Dental Registration Form",
        "Welcome to Our Practice",
    ),
    "chart": ("Chart #", "Chart no.", "Patient ID"),
    "today": ("Today's date", "Date", "Date completed"),
    "part": ("Part", "Section"),
    "sec_patient": ("About you", "Patient information", "Patient"),
    "sec_contact": ("In case of emergency", "Emergency contact", "Whom should we call?"),
    "sec_medical": ("Medical history", "Your health", "Health history"),
    "sec_dental": ("Dental history", "Your teeth", "Dental background"),
    "sec_insurance": ("Insurance", "Insurance information", "Billing & insurance"),
    "sec_meds": ("Allergies and medicines", "Allergies & medications", "Medications"),
    "name": ("Patient's full name", "Name of patient", "What is your name?", "Full legal name"),
    "last": ("Last name", "Family name", "Surname"),
    "first": ("First name and initial", "First name, middle initial", "Given name(s)"),
    "dob": ("Date of birth", "Birth date", "When were you born?"),
    "age": ("Age",),
    "sex": ("Sex", "Gender"),
    "male": ("Male", "M"),
    "female": ("Female", "F"),
    "address": ("Home address", "Mailing address", "Where do you live?"),
    "street": ("Street address", "Street", "Address (number and street)"),
    "city": ("City, state, ZIP", "City / State / Zip", "Town, state and zip code"),
    "country": ("Country",),
    "phone": ("Home phone", "Home telephone", "Best number to reach you"),
    "cell": ("Cell phone", "Mobile", "Other number"),
    "email": ("E-mail", "Email address"),
    "occupation": ("Occupation", "What do you do for work?", "Occupation / employer"),
    "referred": ("Who referred you to us?", "Referred by", "Whom may we thank for referring you?"),
    "contact": ("Contact's name", "Name of contact", "Emergency contact"),
    "relation": ("Relationship to you", "Relationship", "How is this person related to you?"),
    "contact_phone": ("Contact's home phone", "Home phone", "Telephone (home)"),
    "contact_other": ("Work or cell phone", "Other phone", "Daytime number"),
    "contact_address": ("Contact's address", "Address", "Where does this person live?"),
    "physician": ("Physician's name", "Your medical doctor", "Primary care physician"),
    "physician_phone": ("Physician's phone", "Doctor's telephone", "Office phone"),
    "physical": ("Date of last physical exam", "Last medical checkup", "Last physical"),
    "chicken_pox": (
        "Have you had chickenpox (varicella)?",
        "Chickenpox (varicella)",
        "Varicella immunity",
    ),
    "measles": ("Have you had measles?", "Measles", "Measles immunity"),
    "hep_b": (
        "Have you had the hepatitis B vaccine?",
        "Hepatitis B vaccine",
        "Vaccinated against hepatitis B?",
    ),
    "premed": (
        "Told to take antibiotics before dental work?",
        "Antibiotic premedication required?",
        "Do you premedicate before dental visits?",
    ),
    "measures": ("Height and weight", "Height / weight", "Your height and weight"),
    "height": ("Ht", "Height"),
    "weight": ("Wt", "Weight"),
    "problems": (
        "List any medical conditions",
        "Medical problems (asthma, diabetes, etc.)",
        "Do you have any medical conditions?",
        "Conditions you are treated for",
    ),
    "immune": ("Immune", "Had it / immune"),
    "not_immune": ("Not immune",),
    "unsure": ("Not sure", "Don't know", "Unsure"),
    "yes": ("Yes",),
    "no": ("No",),
    "patient_line": ("Patient", "Patient name", "Name"),
    "continued": ("continued", "page 2", "(cont.)"),
    "dentist": ("Previous dentist", "Your last dentist", "Former dentist"),
    "dentist_phone": ("Dentist's phone", "Their phone"),
    "last_visit": (
        "Date of last dental visit",
        "Last dental visit",
        "When did you last see a dentist?",
    ),
    "reason": ("Reason for today's visit", "What brings you in today?", "Main concern"),
    "gums": ("Do your gums bleed when you brush?", "Bleeding gums?", "Gums bleed?"),
    "nervous": ("Are you nervous about dental treatment?", "Anxious about dental visits?"),
    "insurance_q": (
        "Do you have medical insurance?",
        "Are you covered by medical insurance?",
        "Medical insurance?",
    ),
    "carrier": ("Insurance company", "Name of insurance carrier", "Medical insurer"),
    "member": ("Member ID / policy no.", "Policy number", "Subscriber ID", "ID #"),
    "group": ("Group no.", "Group #", "Group number"),
    "subscriber": ("Subscriber's name", "Policy holder", "Name of insured"),
    "sub_dob": ("Subscriber's date of birth", "Policy holder's birth date", "Insured's DOB"),
    "sub_employer": ("Subscriber's employer", "Employer", "Insured's employer"),
    "claims": ("Claims address", "Insurance company address", "Send claims to"),
    "expiry": ("Coverage ends", "Expiration date", "Valid through", "Policy expires"),
    "dental_plan": ("Dental plan (if separate)", "Dental insurance", "Separate dental coverage"),
    "dental_member": ("Dental member ID", "Dental ID #"),
    "allergies": (
        "Are you allergic to anything?",
        "List any allergies",
        "Allergies (medicines, foods, latex)",
    ),
    "nka": ("No known allergies", "None known", "NKA"),
    "meds": (
        "List the medicines you take",
        "Current medications",
        "Medicines, vitamins and supplements you take",
    ),
    "med": ("Medicine", "Medication", "Drug"),
    "dose": ("Dose", "Strength"),
    "purpose": ("What for", "Reason", "Taken for"),
    "consent": (
        "I certify that the information above is correct to the best of my knowledge. I will "
        "tell the practice of any change in my health or medicines. I authorize my dental "
        "benefits to be paid directly to the practice.",
        "To the best of my knowledge the answers I gave are true and complete. I understand that "
        "I am responsible for any fees my insurance does not pay.",
    ),
    "sign": ("Signature of patient (or parent / guardian)", "Patient signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "form": ("Form DR-7 rev. 03/2021", "REG-NP 2022", "Form 102 (new patients)"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Physician Medication Orders",
        "Hospice Medication Order Sheet",
        "Physician's Orders: Medications",
        "Comfort Care Medication Orders",
    ),
    "director": ("Medical director", "Hospice medical director"),
    "order_date": ("Order date", "Date of order", "Date ordered"),
    "time": ("Time", "Time received"),
    "order_type": ("Order type", "Received as"),
    "written": ("Written",),
    "verbal": ("Verbal", "Telephone"),
    "sec_patient": ("Patient", "Patient information", "Hospice patient"),
    "name": ("Patient name", "Name", "Patient"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "hospice_id": ("Hospice ID", "MR #", "Patient no."),
    "address": ("Address", "Home address", "Residence"),
    "caregiver": ("Primary caregiver", "Caregiver", "Responsible caregiver"),
    "caregiver_phone": ("Caregiver phone", "Phone", "Contact no."),
    "diagnosis": ("Hospice diagnosis", "Terminal diagnosis", "Primary diagnosis"),
    "allergies": ("Allergies", "Drug allergies"),
    "level": ("Level of care", "Care level"),
    "routine": ("Routine home care", "Routine"),
    "continuous": ("Continuous care", "Continuous"),
    "respite": ("Inpatient respite", "Respite"),
    "period": ("Benefit period", "Cert. period", "Election period"),
    "sec_orders": ("Medication orders", "Orders", "Medications ordered"),
    "med": ("Medication and strength", "Drug / strength", "Medication"),
    "route": ("Route",),
    "qty": ("Qty", "Quantity", "Dispense"),
    "indication": ("Indication", "For", "Used for"),
    "sig": ("Special instructions", "Instructions", "Directions / comments"),
    "refills": ("Refills", "Refills authorized", "No. of refills"),
    "other": ("Other", "Other:"),
    "pharmacy": ("Pharmacy", "Dispensing pharmacy", "Send to"),
    "ph_phone": ("Phone", "Tel"),
    "prescriber": ("Attending physician", "Physician name (print)", "Ordering physician"),
    "npi": ("NPI", "NPI #"),
    "signature": ("Physician signature", "Signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "nurse": ("Order received by", "Taken by (RN)", "Nurse receiving order"),
    "read_back": ("Read back and verified", "Read back"),
    "fine": (
        "Orders remain in effect until discontinued by the attending physician. Controlled "
        "substances must be counted at each visit. Return one signed copy to the hospice.",
        "This sheet is part of the hospice plan of care. Fax signed orders to the hospice "
        "office within 48 hours.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _doctor(rnd: random.Random, suffixes: Sequence[str]) -> str:
    return f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{rnd.choice(suffixes)}"


def _form_style(rnd: random.Random, style: dict[str, Any]) -> None:
    """The printed sheet's look shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["header"] = rnd.choice(("band", "disc", "rule"))
    style["mark"] = rnd.choice(("tick", "cross"))
    style["sentence_case"] = rnd.random() < 0.6
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", ""))
    style["no_allergies"] = rnd.choice(("NKDA", "None", "NKA", "No known allergies"))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed sheet (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 34), value_size=(40, 45)
    )
    _form_style(rnd, style)
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            hospice={
                "name": rnd.choice(HOSPICES),
                "street": values.street_line(rnd),
                "city": values.city_line(rnd, zip_code="state zip"),
                "phone": values.phone_number(rnd),
                "fax": values.phone_number(rnd),
                "director": f"{rnd.choice(('Dr. ', 'Dr '))}{rnd.choice(values.FIRST_NAMES)} "
                f"{rnd.choice(values.LAST_NAMES)}, MD"
                if rnd.random() < 0.6
                else "",
            },
            date_place=rnd.choice(("top", "top", "foot")),
            refill_mode=rnd.choice(("write", "tick")),
            table_rows=rnd.choice((4, 5)),
            prescriber_written=True,
        )
        return style
    dentists = [_doctor(rnd, (", DDS", ", DMD")) for _ in range(rnd.choice((1, 2, 3)))]
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        practice={
            "name": rnd.choice(PRACTICES),
            "dentists": dentists,
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
        },
        arrangement=rnd.choice(("column", "stacked")),
        numbering=rnd.choice(("run", "part", "none")),
        answer_x=rnd.choice((1150.0, 1250.0, 1350.0)),
        stripes=rnd.random() < 0.5,
        date_place=rnd.choice(("head", "first", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        meds_mode=rnd.choice(("write", "table")),
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
    age = rnd.randint(5, min(90, visit.year - 1931))
    birth = visit - dt.timedelta(days=365 * age + rnd.randint(10, 350))
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if style["address_mode"] == "rows" and rnd.random() < 0.5:
        lines.append(rnd.choice(("USA", "United States")))
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.85:
        fields["weight"] = weight
    if rnd.random() < 0.75:
        fields["height"] = height
    first = fields["patient_name"].split()[0]
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "chart": f"{rnd.choice(('', 'D', 'PT'))}{_digits(rnd, rnd.choice((5, 6)))}",
        "age": str(age) if rnd.random() < 0.8 else None,
        "sex": rnd.choice(("male", "female", "female", "male", None)),
        "cell": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "email": f"{first.lower()}.{last.lower()}{rnd.randint(1, 99)}@example.com"
        if rnd.random() < 0.55
        else None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.7 else None,
        "referred": rnd.choice((values.person_name(rnd), "Friend", "Website", "Insurance list"))
        if rnd.random() < 0.6
        else None,
        "physician": f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.75
        else None,
        "physician_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "physical": (visit - dt.timedelta(days=rnd.randint(20, 700))).isoformat()
        if rnd.random() < 0.6
        else None,
        "premed": rnd.choice(("yes", "no", "no", "no", None)),
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
                fields["address"] if rnd.random() < 0.25 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles"):
        roll = rnd.random()
        if roll < 0.6:
            fields[name] = "immune"
        elif roll < 0.84:
            fields[name] = "not immune"
        elif rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
    roll = rnd.random()
    if roll < 0.55:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.85:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.7:
        extras["hepatitis_b_vaccination_unsure"] = True
    fields["medical_problems"] = values._pick_some(rnd, values.CONDITIONS, 0.35, 3)
    # page 2
    extras.update(
        dentist=f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.7
        else None,
        dentist_phone=values.phone_number(rnd) if rnd.random() < 0.5 else None,
        last_visit=(visit - dt.timedelta(days=rnd.randint(90, 1500))).isoformat()
        if rnd.random() < 0.7
        else None,
        reason=rnd.choice(REASONS) if rnd.random() < 0.85 else None,
        gums=rnd.choice(("yes", "no", "no", None)),
        nervous=rnd.choice(("yes", "no", "no", None)),
    )
    roll = rnd.random()
    if roll < 0.8:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
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
                visit + dt.timedelta(days=rnd.randint(40, 1000))
            ).isoformat()
        self_insured = rnd.random() < 0.5
        extras["subscriber"] = (
            fields["patient_name"]
            if self_insured
            else values.person_name(rnd, last if rnd.random() < 0.7 else None)
        )
        if not self_insured and rnd.random() < 0.7:
            sub_birth = birth - dt.timedelta(days=rnd.randint(-3000, 9000))
            extras["sub_dob"] = min(sub_birth, visit - dt.timedelta(days=6600)).isoformat()
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{_digits(rnd, rnd.choice((5, 6)))}"
            if rnd.random() < 0.7
            else None
        )
        extras["sub_employer"] = rnd.choice(EMPLOYERS) if rnd.random() < 0.6 else None
    if rnd.random() < 0.4:
        extras["dental_plan"] = rnd.choice(DENTAL_PLANS)
        extras["dental_member"] = values.policy_number(rnd)[0]
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    fields["allergies"] = allergies
    extras["nka_box"] = not allergies and rnd.random() < 0.6
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 4))
    fields["regular_medication"] = [] if rnd.random() < 0.35 else [d[0] for d in drugs]
    extras["med_rows"] = [
        [
            f"{rnd.choice(d[1])} {d[2]}" if rnd.random() < 0.9 else "",
            rnd.choice(INDICATIONS) if rnd.random() < 0.7 else "",
        ]
        for d in drugs
    ]
    extras["signed_date"] = visit.isoformat() if rnd.random() < 0.7 else None
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
    if rnd.random() < 0.88:
        fields["patient_address"] = values.one_line_address(rnd)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.88:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    routes, qty, why = [], [], []
    for _, _, _, form in drugs:
        routes.append(rnd.choice(ROUTES) if form else "INH")
        count = rnd.choice((10, 14, 20, 28, 30, 60, 90)) if form else 1
        qty.append(rnd.choice((f"{count}", f"#{count}")))
        why.append(rnd.choice(INDICATIONS) if rnd.random() < 0.8 else "")
    birth = _between(rnd, dt.date(1928, 1, 1), dt.date(1975, 12, 31))
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.5, 2)
    caregiver = values.person_name(rnd) if rnd.random() < 0.8 else None
    while caregiver == fields["patient_name"]:
        caregiver = values.person_name(rnd)
    cert_from = written - dt.timedelta(days=rnd.randint(3, 80))
    extras: dict[str, Any] = {
        "time": rnd.choice(TIMES) if rnd.random() < 0.8 else None,
        "order_type": rnd.choice(("written", "verbal", None)),
        "patient_dob": birth.isoformat() if rnd.random() < 0.85 else None,
        "hospice_id": f"{rnd.choice(('H', 'HS', ''))}{_digits(rnd, rnd.choice((5, 6, 7)))}",
        "caregiver": caregiver,
        "caregiver_phone": values.phone_number(rnd) if caregiver and rnd.random() < 0.8 else None,
        "diagnosis": rnd.choice(DIAGNOSES) if rnd.random() < 0.85 else None,
        "rx_allergies": ", ".join(allergies) if allergies else style["no_allergies"],
        "level": rnd.choice(("routine", "routine", "continuous", "respite", None)),
        "routes": routes,
        "qty": qty,
        "indications": why,
        "pharmacy": rnd.choice(PHARMACIES) if rnd.random() < 0.8 else None,
        "pharmacy_phone": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "npi": f"1{_digits(rnd, 9)}" if rnd.random() < 0.8 else None,
        "nurse": f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, RN"
        if rnd.random() < 0.6
        else None,
        "read_back": rnd.random() < 0.5,
        "cert_from": cert_from.isoformat() if rnd.random() < 0.5 else None,
    }
    if extras["cert_from"]:
        extras["cert_to"] = (cert_from + dt.timedelta(days=89)).isoformat()
    if rnd.random() < 0.15:
        extras["rx_allergies"] = None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


class _Form(common.Drawing):
    """One page of the forms: faces, part headers, boxes and rules."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.pale = tuple(round(255 - (255 - c) * 0.12) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        faces["label"] = faces["opt"]
        faces["num"] = render.Face(label.bold, size - 2, self.colour)
        faces["head"] = render.Face(title.bold, 38, DARK)
        faces["head_white"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 58, DARK)
        faces["org"] = render.Face(title.bold, 52, self.colour)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 27, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        self.value_size = float(faces["value"].size)
        self.row = max(74.0, self.value_size * 1.05 + 30)

    def label(self, key: str) -> str:
        text = self.labels[key]
        if self.style["sentence_case"] or text.endswith("?"):
            return text
        small = {"a", "an", "and", "of", "or", "to", "the", "for", "by", "if", "you", "in"}
        words = text.split(" ")
        return " ".join(
            w if k and w in small else w[:1].upper() + w[1:] for k, w in enumerate(words)
        )

    def date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    def options(
        self,
        x: float,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        gap: float = 44,
    ) -> float:
        """``[ ] Yes  [x] No``: a box before each printed option; where the row ends."""
        page = self.page
        for key, text in options:
            x = common.checkbox(
                page, x, base + 2, checked=key == chosen, mark=self.style["mark"], side=34
            )
            x = page.text(x + 14, base, text, "opt") + gap
        return x

    def options_width(self, options: Sequence[tuple[str, str]], gap: float = 44) -> float:
        return sum(34 + 14 + self.page.width(text, "opt") + gap for _, text in options)

    def header(self, top: float, letter: str, key: str) -> float:
        """A part's header; where its first row's top is."""
        page = self.page
        text = self.label(key)
        kind = self.style["header"]
        numbered = self.style["numbering"] != "none" if "numbering" in self.style else True
        if kind == "band":
            self.rect(LEFT, top + 6, RIGHT, top + 62, fill=self.pale, outline=None)
            self.line(LEFT, top + 6, LEFT, top + 62, width=10, fill=self.colour)
            title = f"{self.labels.get('part', 'Part')} {letter}. {text}" if numbered else text
            page.text(LEFT + 30, top + 48, title.upper(), "head", max_width=RIGHT - LEFT - 60)
        elif kind == "disc":
            r = 30.0
            cx, cy = LEFT + r, top + 34
            page.draw.ellipse(
                [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
                fill=self.colour,
            )
            page.text(cx, cy + 12, letter, "head_white", anchor="ms")
            end = page.text(LEFT + 2 * r + 24, top + 48, text, "head", max_width=1500)
            self.line(end + 24, cy, RIGHT, cy, width=2, fill=self.colour)
        else:
            title = f"{letter}. {text.upper()}" if numbered else text.upper()
            page.text(LEFT, top + 44, title, "head", max_width=RIGHT - LEFT)
            self.line(LEFT, top + 58, RIGHT, top + 58, width=4, fill=self.colour)
        return top + 74

    def note(self, x: float, base: float, text: str, width: float, gap: float = 36) -> float:
        """Running small print wrapped to ``width``; the last line's baseline."""
        for line in render.wrap(self.page, text, "note", width):
            self.page.text(x, base, line, "note")
            base += gap
        return base - gap

    def footer(self, left: str, number: int, total: int) -> None:
        page = self.page
        self.line(LEFT, FOOTER - 40, RIGHT, FOOTER - 40, width=1.5, fill=RULE)
        page.text(LEFT, FOOTER, left, "fine", max_width=1800)
        page.text(RIGHT, FOOTER, f"Page {number} of {total}", "fine", anchor="rs")


# An answer is a list of parts, each ``(kind, tag, payload)``: ``("value", tag, text)`` a value
# written after an optional small tag; ``("choice", "", (options, chosen))`` printed options.
Part = tuple[str, str, Any]


class _Question:
    def __init__(self, key: str, parts: Sequence[Part], *, wide: bool = False) -> None:
        self.key = key
        self.parts = list(parts)
        self.wide = wide


def _value(text: str | None, tag: str = "") -> Part:
    return ("value", tag, text)


def _choice(options: Sequence[tuple[str, str]], chosen: str | None) -> Part:
    return ("choice", "", (list(options), chosen))


class _Questionnaire:
    """Lays numbered questions out in a form's arrangement."""

    def __init__(self, form: _Form) -> None:
        self.form = form
        self.number = 0
        self.part_number = 0

    def start_part(self) -> None:
        self.part_number = 0

    def prompt(self, letter: str, key: str) -> tuple[str, str]:
        """The question's number (or ``""``) and its wording."""
        self.number += 1
        self.part_number += 1
        scheme = self.form.style["numbering"]
        number = {"run": f"{self.number}.", "part": f"{letter}{self.part_number}"}.get(scheme, "")
        return number, self.form.label(key)

    def answer(self, x0: float, x1: float, base: float, parts: Sequence[Part]) -> None:
        """An answer's parts side by side in ``[x0, x1]`` on the baseline."""
        form, page = self.form, self.form.page
        share = (x1 - x0) / len(parts)
        for k, (kind, tag, payload) in enumerate(parts):
            a, b = x0 + k * share, x0 + (k + 1) * share
            if kind == "choice":
                options, chosen = payload
                options = list(options)
                while form.options_width(options) > b - a - 10 and len(options) > 1:
                    spare = [o for o in options if o[0] != chosen]
                    options.remove(spare[-1])
                form.options(a + 10, base, options, chosen)
                continue
            start = a + 10
            if tag:
                start = page.text(start, base, tag, "opt") + 16
            form.line(start - 4, base + 12, b - 24, base + 12, width=1.5, fill=RULE)
            if payload:
                page.text(start + 8, base, payload, "value", max_width=max(60.0, b - start - 44))

    def lay_out(self, top: float, letter: str, questions: Sequence[_Question]) -> float:
        if self.form.style["arrangement"] == "column":
            return self._column(top, letter, questions)
        return self._stacked(top, letter, questions)

    def _column(self, top: float, letter: str, questions: Sequence[_Question]) -> float:
        form, page = self.form, self.form.page
        answer_x = float(form.style["answer_x"])
        row = form.row
        for k, question in enumerate(questions):
            if form.style["stripes"] and k % 2 == 1:
                form.rect(LEFT, top + 6, RIGHT, top + row + 4, fill=form.pale, outline=None)
            base = top + row - 22
            number, text = self.prompt(letter, question.key)
            x = LEFT + 10
            if number:
                page.text(x, base, number, "num")
                x += 74
            page.text(x, base, text, "key", max_width=answer_x - x - 30)
            self.answer(answer_x + 10, RIGHT, base, question.parts)
            top += row
        return top + 10

    def _stacked(self, top: float, letter: str, questions: Sequence[_Question]) -> float:
        form, page = self.form, self.form.page
        half = (RIGHT - LEFT - 80) / 2
        height = form.row + 44
        column = 0
        for question in questions:
            if question.wide and column == 1:
                top += height
                column = 0
            x0 = LEFT + column * (half + 80)
            x1 = RIGHT if question.wide else x0 + half
            number, text = self.prompt(letter, question.key)
            x = x0
            if number:
                x = page.text(x0, top + 40, number, "num") + 18
            page.text(x, top + 40, text, "key", max_width=x1 - x - 10)
            self.answer(x0 + 20, x1, top + height - 14, question.parts)
            if question.wide or column == 1:
                top += height
                column = 0
            else:
                column = 1
        if column == 1:
            top += height
        return top + 16


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _list_text(items: Sequence[str] | None, style: Mapping[str, Any]) -> str | None:
    return common.list_text(items, str(style["empty_list"]))


def _practice_head(form: _Form, *, compact: bool) -> None:
    """The practice's letterhead at the left (a tooth in a circle, name, dentists, address)."""
    page = form.page
    practice = form.style["practice"]
    cx, cy, r = LEFT + 50, 160.0, 50.0
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=form.colour
    )
    tooth = [
        (cx - 26, cy - 24),
        (cx - 10, cy - 30),
        (cx, cy - 24),
        (cx + 10, cy - 30),
        (cx + 26, cy - 24),
        (cx + 24, cy + 2),
        (cx + 14, cy + 30),
        (cx + 6, cy + 30),
        (cx, cy + 10),
        (cx - 6, cy + 30),
        (cx - 14, cy + 30),
        (cx - 24, cy + 2),
    ]
    page.draw.polygon([(page.px(a), page.px(b)) for a, b in tooth], fill=(255, 255, 255))
    tx = LEFT + 130
    page.text(tx, 166, practice["name"], "org", max_width=1000)
    if compact:
        return
    lines = (
        "  ·  ".join(f"Dr. {name}" for name in practice["dentists"]),
        f"{practice['street']}, {practice['city']}",
        f"Tel {form.phone(practice['phone'])}",
    )
    for k, text in enumerate(lines):
        page.text(tx, 212 + 34 * k, text, "org_small", max_width=1150)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    labels = form.labels
    _practice_head(form, compact=False)
    page.text(RIGHT, 166, labels["title"], "title", anchor="rs", max_width=950)
    chart = f"{form.label('chart')} {extras.get('chart', '')}"
    page.text(RIGHT, 222, chart, "org_small", anchor="rs")
    record = form.date(fields.get("record_date"))
    place = style["date_place"]
    if place == "head":
        base = 300.0
        label = form.label("today")
        room = max(330.0, page.width(record or "", "value") + 50)
        page.text(RIGHT - room - 20, base, label, "key", anchor="rs")
        form.line(RIGHT - room - 10, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
        if record:
            page.text(RIGHT - room, base, record, "value", max_width=room - 10)
    form.line(LEFT, 330, RIGHT, 330, width=3, fill=form.colour)
    questions = _Questionnaire(form)
    # part A
    top = form.header(345, "A", "sec_patient")
    questions.start_part()
    part: list[_Question] = []
    if place == "first":
        part.append(_Question("today", [_value(record)]))
    name = fields.get("patient_name")
    if style["name_mode"] == "split" and name:
        given, _, surname = name.rpartition(" ")
        part += [_Question("last", [_value(surname)]), _Question("first", [_value(given)])]
    else:
        part.append(_Question("name", [_value(name)], wide=True))
    dob = form.date(fields.get("birth_date"), short_year=False)
    part.append(_Question("dob", [_value(dob), _value(extras.get("age"), form.label("age"))]))
    sexes = (("male", form.label("male")), ("female", form.label("female")))
    part.append(_Question("sex", [_choice(sexes, extras.get("sex"))]))
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        part.append(_Question("address", [_value(fields.get("address"))], wide=True))
    else:
        part += [
            _Question("street", [_value(lines[0])], wide=True),
            _Question("city", [_value(lines[1])]),
            _Question("country", [_value(lines[2])]),
        ]
    part += [
        _Question("phone", [_value(form.phone(fields.get("phone")))]),
        _Question("cell", [_value(form.phone(extras.get("cell")))]),
        _Question("email", [_value(extras.get("email"))]),
        _Question("occupation", [_value(extras.get("occupation"))]),
        _Question("referred", [_value(extras.get("referred"))], wide=True),
    ]
    top = questions.lay_out(top, "A", part)
    # part B
    top = form.header(top + 6, "B", "sec_contact")
    questions.start_part()
    part = [
        _Question("contact", [_value(fields.get("emergency_contact_name"))]),
        _Question("relation", [_value(extras.get("relation"))]),
        _Question("contact_phone", [_value(form.phone(fields.get("emergency_contact_phone")))]),
        _Question("contact_other", [_value(form.phone(extras.get("emergency_work_phone")))]),
        _Question("contact_address", [_value(fields.get("emergency_contact_address"))], wide=True),
    ]
    top = questions.lay_out(top, "B", part)
    # part C
    top = form.header(top + 6, "C", "sec_medical")
    questions.start_part()
    immunity = (
        ("immune", form.label("immune")),
        ("not immune", form.label("not_immune")),
        ("unsure", form.label("unsure")),
    )
    yes_no = (("yes", form.label("yes")), ("no", form.label("no")))
    unsure = ("unsure", form.label("unsure"))

    def answer(name: str) -> str | None:
        return fields.get(name) or ("unsure" if extras.get(f"{name}_unsure") else None)

    part = [
        _Question("physician", [_value(extras.get("physician"))]),
        _Question("physician_phone", [_value(form.phone(extras.get("physician_phone")))]),
        _Question("physical", [_value(form.date(extras.get("physical")))]),
        _Question(
            "measures",
            [
                _value(
                    _with_unit(fields, "height", extras.get("height_unit")), form.label("height")
                ),
                _value(
                    _with_unit(fields, "weight", extras.get("weight_unit")), form.label("weight")
                ),
            ],
        ),
        _Question("chicken_pox", [_choice(immunity, answer("chicken_pox"))], wide=True),
        _Question("measles", [_choice(immunity, answer("measles"))], wide=True),
        _Question(
            "hep_b", [_choice((*yes_no, unsure), answer("hepatitis_b_vaccination"))], wide=True
        ),
        _Question("premed", [_choice(yes_no, extras.get("premed"))], wide=True),
        _Question(
            "problems", [_value(_list_text(fields.get("medical_problems"), style))], wide=True
        ),
    ]
    top = questions.lay_out(top, "C", part)
    # the foot: the signature and, on some forms, the date
    base = min(max(top + 110, 3020.0), SIGN_BASE)
    form.line(LEFT, base + 12, LEFT + 1150, base + 12, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, LEFT + 600, base, form.ink())
    page.text(LEFT, base + 48, form.label("sign"), "note", max_width=1150)
    if place == "foot":
        end = page.text(LEFT + 1300, base, form.label("today"), "key")
        form.line(end + 14, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
        if record:
            page.text(end + 30, base, record, "value", max_width=RIGHT - end - 50)
    form.footer(labels["form"], 1, 2)
    return page.image


def _page_one_count(style: Mapping[str, Any]) -> int:
    """How many questions page 1 asks (its parts A, B and C)."""
    part_a = (
        int(style["date_place"] == "first")
        + (2 if style["name_mode"] == "split" else 1)
        + 1
        + 1
        + 5
    )
    part_a += 1 if style["address_mode"] == "one" else 3
    return part_a + 5 + 9


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    labels = form.labels
    _practice_head(form, compact=True)
    title = f"{labels['title']} ({form.labels['continued'].strip('()')})"
    page.text(RIGHT, 166, title, "title", anchor="rs", max_width=1040, size=48)
    base = 270.0
    end = page.text(LEFT, base, form.label("patient_line"), "key")
    page.text(end + 40, base, fields.get("patient_name") or "", "value", max_width=1100)
    chart = f"{form.label('chart')} {extras.get('chart', '')}"
    page.text(RIGHT, base, chart, "org_small", anchor="rs")
    form.line(LEFT, 300, RIGHT, 300, width=3, fill=form.colour)
    questions = _Questionnaire(form)
    questions.number = _page_one_count(style)  # a running number goes on from page 1
    yes_no = (("yes", form.label("yes")), ("no", form.label("no")))
    # part D
    top = form.header(315, "D", "sec_dental")
    questions.start_part()
    part = [
        _Question("dentist", [_value(extras.get("dentist"))]),
        _Question("dentist_phone", [_value(form.phone(extras.get("dentist_phone")))]),
        _Question("last_visit", [_value(form.date(extras.get("last_visit")))]),
        _Question("reason", [_value(extras.get("reason"))]),
        _Question("gums", [_choice(yes_no, extras.get("gums"))]),
        _Question("nervous", [_choice(yes_no, extras.get("nervous"))]),
    ]
    top = questions.lay_out(top, "D", part)
    # part E
    top = form.header(top + 6, "E", "sec_insurance")
    questions.start_part()
    part = [
        _Question("insurance_q", [_choice(yes_no, fields.get("has_insurance"))], wide=True),
        _Question("carrier", [_value(fields.get("insurance_company"))]),
        _Question(
            "member",
            [_value(extras.get("policy_number_printed") or fields.get("policy_number"))],
        ),
        _Question("group", [_value(extras.get("group"))]),
        _Question("subscriber", [_value(extras.get("subscriber"))]),
        _Question("sub_dob", [_value(form.date(extras.get("sub_dob"), short_year=False))]),
        _Question("sub_employer", [_value(extras.get("sub_employer"))]),
        _Question("claims", [_value(fields.get("insurance_address"))], wide=True),
        _Question("expiry", [_value(form.date(fields.get("insurance_expiry")))]),
    ]
    if extras.get("dental_plan"):
        part += [
            _Question("dental_plan", [_value(extras.get("dental_plan"))]),
            _Question("dental_member", [_value(extras.get("dental_member"))]),
        ]
    top = questions.lay_out(top, "E", part)
    # part F
    top = form.header(top + 6, "F", "sec_meds")
    questions.start_part()
    allergies = fields.get("allergies")
    nka = bool(extras.get("nka_box")) and allergies == []
    if nka:
        allergy_parts: list[Part] = [_choice((("nka", form.label("nka")),), "nka")]
    else:
        text = common.list_text(allergies, str(style["no_allergies"]))
        allergy_parts = [_value(text)]
    part = [_Question("allergies", allergy_parts, wide=True)]
    meds = fields.get("regular_medication")
    table = style["meds_mode"] == "table" and bool(meds)
    if not table:
        part.append(_Question("meds", [_value(_list_text(meds, style))], wide=True))
    top = questions.lay_out(top, "F", part)
    if table and meds:
        number, text = questions.prompt("F", "meds")
        page.text(LEFT + 10, top + 40, f"{number} {text}".strip(), "key", max_width=2000)
        top = _med_table(form, top + 60, meds, extras.get("med_rows") or [])
    base = form.note(LEFT, top + 70, labels["consent"], RIGHT - LEFT)
    sign = min(max(base + 140, 2960.0), SIGN_BASE)
    form.line(LEFT, sign + 12, LEFT + 1150, sign + 12, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, LEFT + 600, sign, form.ink())
    page.text(LEFT, sign + 48, form.label("sign"), "note", max_width=1150)
    end = page.text(LEFT + 1300, sign, form.label("sign_date"), "key")
    form.line(end + 14, sign + 12, RIGHT, sign + 12, width=1.5, fill=RULE)
    signed = form.date(extras.get("signed_date"))
    if signed:
        page.text(end + 30, sign, signed, "value", max_width=RIGHT - end - 50)
    form.footer(labels["form"], 2, 2)
    return page.image


def _med_table(
    form: _Form, top: float, meds: Sequence[str], rows: Sequence[Sequence[str]]
) -> float:
    """The medicines as a ruled table (medicine, dose, what for); the top after it."""
    page = form.page
    xs = (LEFT, LEFT + 1000, LEFT + 1500, RIGHT)
    heads = (form.label("med"), form.label("dose"), form.label("purpose"))
    head_h, row_h = 48.0, form.value_size + 40
    form.rect(xs[0], top, xs[-1], top + head_h, fill=form.pale, outline=None)
    for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
        page.text(x0 + 14, top + 35, head, "opt", max_width=x1 - x0 - 24)
    count = max(3, len(meds))
    for k in range(count):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 22
        form.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        if k < len(meds):
            detail = list(rows[k]) if k < len(rows) else ["", ""]
            for text, x0, x1 in zip((meds[k], *detail), xs, xs[1:], strict=False):
                if text:
                    page.text(x0 + 16, base, text, "value", max_width=x1 - x0 - 30)
    bottom = top + head_h + count * row_h
    form.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5)
    return bottom


# --- prescription ---------------------------------------------------------------------------


def _pair(form: _Form, x: float, x1: float, base: float, label: str, value: str | None) -> None:
    """``label value`` with the value on a light rule running to ``x1``."""
    page = form.page
    end = page.text(x, base, label, "key", max_width=420)
    form.line(end + 12, base + 12, x1 - 20, base + 12, width=1.5, fill=RULE)
    if value:
        page.text(end + 24, base, value, "value", max_width=max(60.0, x1 - end - 60))


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    labels = form.labels
    hospice = style["hospice"]
    # letterhead: a leaf in the sheet's colour, the hospice, its numbers
    page.draw.ellipse(
        [page.px(LEFT), page.px(110), page.px(LEFT + 70), page.px(210)], fill=form.colour
    )
    form.line(LEFT + 35, 120, LEFT + 35, 225, width=5, fill=(255, 255, 255))
    tx = LEFT + 100
    page.text(tx, 160, hospice["name"], "org", max_width=1100)
    lines = [
        f"{hospice['street']}, {hospice['city']}",
        f"Tel {form.phone(hospice['phone'])}   Fax {form.phone(hospice['fax'])}",
    ]
    if hospice["director"]:
        lines.append(f"{labels['director']}: {hospice['director']}")
    for k, text in enumerate(lines):
        page.text(tx, 204 + 34 * k, text, "org_small", max_width=1100)
    page.text(RIGHT, 160, labels["title"], "title", anchor="rs", max_width=1000)
    top = 320.0
    form.line(LEFT, top, RIGHT, top, width=4, fill=form.colour)
    date = form.date(fields.get("date"))
    top += 20
    row = form.row
    if style["date_place"] == "top":
        form.rect(LEFT, top, RIGHT, top + row + 10, outline=form.colour, width=3)
        base = top + row - 16
        _pair(form, LEFT + 24, LEFT + 820, base, form.label("order_date"), date)
        _pair(form, LEFT + 860, LEFT + 1330, base, form.label("time"), extras.get("time"))
        end = page.text(LEFT + 1380, base, form.label("order_type"), "key")
        kinds = (("written", form.label("written")), ("verbal", form.label("verbal")))
        form.options(end + 24, base, kinds, extras.get("order_type"), gap=30)
        top += row + 30
    # patient
    top = _rx_header(form, top, "sec_patient")
    box_top = top
    mid = LEFT + 1180
    base = top + row - 20
    _pair(form, LEFT + 20, mid, base, form.label("name"), fields.get("patient_name"))
    dob = form.date(extras.get("patient_dob"), short_year=False)
    _pair(form, mid + 20, mid + 620, base, form.label("dob"), dob)
    _pair(form, mid + 640, RIGHT, base, form.label("hospice_id"), extras.get("hospice_id"))
    base += row
    _pair(form, LEFT + 20, RIGHT, base, form.label("address"), fields.get("patient_address"))
    base += row
    _pair(form, LEFT + 20, mid, base, form.label("caregiver"), extras.get("caregiver"))
    phone = form.phone(extras.get("caregiver_phone"))
    _pair(form, mid + 20, RIGHT, base, form.label("caregiver_phone"), phone)
    base += row
    _pair(form, LEFT + 20, mid, base, form.label("diagnosis"), extras.get("diagnosis"))
    _pair(form, mid + 20, RIGHT, base, form.label("allergies"), extras.get("rx_allergies"))
    base += row
    end = page.text(LEFT + 20, base, form.label("level"), "key")
    levels = (
        ("routine", form.label("routine")),
        ("continuous", form.label("continuous")),
        ("respite", form.label("respite")),
    )
    end = form.options(end + 30, base, levels, extras.get("level"), gap=40)
    if extras.get("cert_from"):  # the benefit period: two dates joined by a printed dash
        if end + page.width(form.label("period"), "key") + 30 > RIGHT - 740:
            base += row - 10  # no room beside the options: on a line of its own
        since = form.date(extras["cert_from"]) or ""
        page.text(RIGHT - 740, base, form.label("period"), "key", anchor="rs", max_width=300)
        page.text(RIGHT - 720, base, since, "value", max_width=320)
        page.text(RIGHT - 375, base, "-", "opt")
        page.text(RIGHT - 330, base, form.date(extras.get("cert_to")) or "", "value", max_width=320)
    top = base + 30
    form.rect(LEFT, box_top, RIGHT, top, outline=GRID, width=2)
    # orders
    top = _rx_header(form, top + 14, "sec_orders")
    xs = (LEFT, LEFT + 80, LEFT + 1300, LEFT + 1600, LEFT + 1850, RIGHT)
    heads = (
        "#",
        form.label("med"),
        form.label("route"),
        form.label("qty"),
        form.label("indication"),
    )
    head_h, row_h = 48.0, form.value_size + 40
    form.rect(xs[0], top, xs[-1], top + head_h, fill=form.pale, outline=None)
    for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
        page.text(x0 + 12, top + 35, head, "opt", max_width=x1 - x0 - 20)
    medicines: Sequence[str] = fields.get("medicines") or []
    routes: Sequence[str] = extras.get("routes") or []
    qty: Sequence[str] = extras.get("qty") or []
    why: Sequence[str] = extras.get("indications") or []
    count = max(int(style["table_rows"]), len(medicines))
    for k in range(count):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 22
        form.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        page.text(xs[0] + 14, base, f"{k + 1}", "opt")
        if k < len(medicines):
            cells = (
                medicines[k],
                routes[k] if k < len(routes) else "",
                qty[k] if k < len(qty) else "",
                why[k] if k < len(why) else "",
            )
            for text, x0, x1 in zip(cells, xs[1:], xs[2:], strict=False):
                if text:
                    page.text(x0 + 16, base, text, "value", max_width=x1 - x0 - 30)
    bottom = top + head_h + count * row_h
    form.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5)
    # special instructions
    base = bottom + 80
    end = page.text(LEFT, base, form.label("sig"), "key")
    gap = form.value_size + 32
    text = fields.get("directions")
    first_room = RIGHT - end - 60
    lines = render.wrap(page, text, "value", first_room) if text else []
    rest = render.wrap(page, " ".join(lines[1:]), "value", RIGHT - LEFT - 80) if lines else []
    count = max(3, len(rest) + 1)
    for k in range(count):
        x0 = end + 16 if k == 0 else LEFT
        form.line(x0, base + k * gap + 12, RIGHT, base + k * gap + 12, width=1.5, fill=RULE)
    if lines:
        page.text(end + 30, base, lines[0], "value", max_width=first_room)
        for k, line in enumerate(rest):
            page.text(LEFT + 30, base + (k + 1) * gap, line, "value", max_width=RIGHT - LEFT - 60)
    base += count * gap + 40
    # refills
    refills = fields.get("refills")
    end = page.text(LEFT, base, form.label("refills"), "key")
    if style["refill_mode"] == "tick":
        tokens = [(str(n), str(n)) for n in range(6)] + [("PRN", "PRN")]
        chosen = None if refills is None else str(refills)
        x = form.options(end + 36, base, tokens, chosen, gap=30)
        x = page.text(x + 10, base, form.label("other"), "opt")
        form.line(x + 10, base + 12, x + 170, base + 12, width=1.5, fill=RULE)
        if refills is not None and chosen not in {token for token, _ in tokens}:
            page.text(x + 40, base, str(refills), "value")
    else:
        form.line(end + 14, base + 12, end + 240, base + 12, width=1.5, fill=RULE)
        if refills is not None:
            page.text(end + 120, base, str(refills), "value", anchor="ms")
    # pharmacy
    if extras.get("pharmacy") or extras.get("pharmacy_phone"):
        base += row + 10
        end = page.text(LEFT, base, form.label("pharmacy"), "key")
        if extras.get("pharmacy"):
            page.text(end + 24, base, str(extras["pharmacy"]), "value", max_width=1000)
        phone = form.phone(extras.get("pharmacy_phone"))
        if phone:
            tag_end = page.text(LEFT + 1400, base, form.label("ph_phone"), "key")
            page.text(tag_end + 24, base, phone, "value", max_width=RIGHT - tag_end - 40)
    # physician
    base = max(base + row + 40, 2700.0)
    _pair(form, LEFT, LEFT + 1350, base, form.label("prescriber"), fields.get("prescriber"))
    _pair(form, LEFT + 1400, RIGHT, base, form.label("npi"), extras.get("npi"))
    base += row + 70
    form.line(LEFT, base + 12, LEFT + 1150, base + 12, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 640, base, form.ink())
    page.text(LEFT, base + 46, form.label("signature"), "note")
    if style["date_place"] == "foot":
        _pair(form, LEFT + 1250, RIGHT, base, form.label("sign_date"), date)
    base = min(base + 130, LAST_BASE)
    end = page.text(LEFT, base, form.label("nurse"), "key")
    if extras.get("nurse"):
        page.text(end + 24, base, str(extras["nurse"]), "value", max_width=900)
    rb = ("read_back", form.label("read_back"))
    form.options(LEFT + 1500, base, (rb,), "read_back" if extras.get("read_back") else None)
    form.footer(labels["fine"], 1, 1)
    return page.image


def _rx_header(form: _Form, top: float, key: str) -> float:
    """A section's title bar on the order sheet; where its first row's top is."""
    page = form.page
    text = form.label(key).upper()
    if form.style["header"] == "band":
        form.rect(LEFT, top, RIGHT, top + 52, fill=form.colour, outline=None)
        page.text(LEFT + 24, top + 40, text, "head_white")
    else:
        page.text(LEFT, top + 42, text, "head")
        form.line(LEFT, top + 54, RIGHT, top + 54, width=3, fill=form.colour)
    return top + 60


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
