"""An employer's pre-placement health questionnaire and a group practice's prescription blank.

Written blind as the held-out family of round 9 (then called ``heldout``): its author never read
the reader. Neither document is a clinic's registration form or a doctor's own pad: the record is
a questionnaire a new employee fills in for the employer's occupational health service, the
prescription a blank of a multi-doctor medical group whose physicians are all listed on it.

Patient record (two pages): the printed form looks like a fillable PDF printed out. Every page
opens with a solid band in the form's colour holding the employer's name and the occupational
health service's name in white, with the service's street, city, telephone and fax in small
print under it (distractors). Page 1 has the form's title and a line under it at the left and a
framed "medical in confidence" notice with an office reference number (a distractor) at the
right, then a short paragraph of instructions. Sections are headed by a part number and title in
the form's colour followed by a dashed rule to the margin. Fields are labels followed by a
rectangle (outlined, sometimes tinted pale blue, yellow or grey) with the value written inside;
the first label of each row is set in a label column (left or right aligned, with or without a
colon, in title case or capitals) so the boxes line up.

* Above the first section, on most forms: the position applied for (a distractor) and, at the
  right, the date the form was completed (the record date). The other forms have no such row:
  their record date is written at the foot of page 1 beside the applicant's signature.
* Personal details: the name as one box or as a surname box and a first-names box (the truth is
  ``first names surname``); date of birth, sex (boxes) and an employee number written one digit a
  box in a comb of seven (a distractor). The home address either one tall box of three lines
  (street, city line, country) with the telephone, an e-mail address and the line manager (a
  person's name, a distractor) in a column beside it, or a street box, a city / state / ZIP box
  with a country box, and the telephone beside the e-mail address. Then height and weight (the
  unit written after the number) and the proposed start date (a distractor date).
* Emergency contact: name and relationship (a distractor), home telephone (the field) and
  work / mobile telephone (a distractor), the address in one box.
* Immunity: a ruled table with a row per infection (chickenpox and measles, the fields; mumps
  and rubella, distractors), columns for "had the illness" (Yes / No written), the month and year
  of two vaccine doses (distractors) and the immunity status, either three ticked columns
  (immune, not immune, unknown) under a spanning header or one column in which the word is
  written. Under it the hepatitis B question with Yes / No / not sure boxes and the date of the
  last dose (a distractor). An "unknown" or "not sure" answer, or none, leaves the field out.
* Health questionnaire: eight printed questions on groups of conditions, each with a Yes and a
  No box and a details cell; the truth is what is written in the details cells of the Yes rows,
  in row order. Every row answered No is the empty list. Immunity and the questionnaire come in
  either order.

Page 2 repeats the band and a "continued" title, sometimes with the applicant's name and birth
date again. Four sections in a per-form order: allergies (a Yes / No question, then a table of
allergen and reaction; the reactions are distractors, an empty list is No ticked, the document's
word for none sometimes written in the first row); regular medicines (a Yes / No question, then
a table of medicine, dose, frequency and reason: the truth is the names); the family doctor
(name, clinic and telephone, distractors); health insurance (a Yes / No question, then the
insurer, a group number, the policy or member number, the policy holder, the insurer's address,
the date the cover ends and a member-services telephone). A declaration paragraph, the
signature, the printed name and the date (the record date again) follow, and an office box at the
foot where an occupational health nurse ticked an outcome and wrote initials and a later date in
red pen (distractors).

Prescription: a group practice's blank. The group's emblem (a heart crossed by a pulse line),
name, street, city, telephone, fax and opening hours, with the list of its physicians, each with
a specialty (the prescriber among them; the others are distractors), are printed either in a
tinted column down the left side or across the top in columns. The prescriber is either printed
as the pad's own header over the writing area ("personal" blanks of a group) with the specialty
and licence and NPI numbers, or typed after a "prescribing physician" label under the signature
rule. The patient's name, the date (at the top right or on the name row), the date of birth,
telephone and allergies (distractors) and the address are written in a rounded tinted panel with
ruled rows. A large ℞ (or ``Rx``), the medicines written one a line on rules with a quantity at
the right (distractors), the directions on rules after their label, the refills written in a
small box or on a short rule before "times", a "brand medically necessary" box, the date of the
next appointment (a distractor date), the signature and a line of fine print.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
FOOTER = 3215.0
ROW = 96.0  # distance between two rows of boxes
BOX_UP, BOX_DOWN = 60.0, 22.0  # a box's edges above and below its value's baseline
GRID = (120, 120, 120)
RED_PEN = (170, 30, 40)

# fmt: off
EMPLOYERS = (
    "Riverside Regional Medical Center", "Northgate Logistics Inc.", "Lakeshore School District",
    "Summit County Public Works", "Bayview University Hospital", "Meridian Food Processing",
    "Cascade Transit Authority", "St. Anne's Health System", "Harbor Point Manufacturing",
    "Granite State Utilities",
)
SERVICES = (
    "Employee Health Service", "Occupational Health", "Employee Health & Wellness",
    "Occupational Health Unit", "Workforce Health Services",
)
POSITIONS = (
    "Registered Nurse", "Warehouse Associate", "Bus Operator", "Lab Technician", "Teacher",
    "Food Service Worker", "Maintenance Technician", "Healthcare Assistant", "Porter",
    "Security Officer", "Pharmacy Technician", "Administrative Assistant", "Forklift Operator",
    "Radiographer", "Line Cook", "Electrician",
)
RELATIONS = (
    "Spouse", "Wife", "Husband", "Partner", "Mother", "Father", "Sister", "Brother", "Son",
    "Daughter", "Friend", "Aunt",
)
REACTIONS = ("rash", "hives", "swelling", "wheezing", "anaphylaxis", "nausea", "itching")
FREQUENCIES = (
    "once daily", "twice daily", "at night", "as needed", "every morning", "weekly", "2x a day",
)
REASONS = (
    "blood pressure", "asthma", "thyroid", "cholesterol", "mood", "pain", "diabetes",
    "reflux", "allergies", "sleep", "migraine",
)
CLINICS = (
    "Maple Family Practice", "Riverside Primary Care", "Oak Street Clinic",
    "Hillcrest Medical Group", "Valley Health Center", "Northside Family Medicine",
)
COLOURS = ([20, 70, 130], [0, 105, 95], [110, 30, 70], [55, 55, 60], [150, 60, 20], [60, 45, 120])
FILLS = (None, [232, 240, 252], [255, 249, 222], [241, 241, 241])
GROUPS = (
    "Westbrook Medical Group", "Cedar Valley Physicians", "Northshore Multispecialty Clinic",
    "Parkside Medical Associates", "Bridgewater Health Partners", "Elm Grove Medical Group",
    "Sunrise Physicians Network", "Lakeland Internal Medicine Associates",
)
GROUP_SPECIALTIES = (
    "Internal Medicine", "Family Medicine", "Pediatrics", "Cardiology", "Endocrinology",
    "Pulmonology", "Rheumatology", "Gastroenterology", "Dermatology", "Sports Medicine",
    "Geriatrics", "Neurology",
)
QUANTITY_WORDS = {
    7: "seven", 10: "ten", 14: "fourteen", 20: "twenty", 21: "twenty-one", 28: "twenty-eight",
    30: "thirty", 60: "sixty", 90: "ninety",
}
# the questionnaire's rows, in the printed order, and the row each condition is written on
QUESTIONS = (
    ("chest", ("Asthma, bronchitis or other chest / lung problems",
               "Asthma or any other breathing problem")),
    ("heart", ("Heart disease, high blood pressure or high cholesterol",
               "Heart or circulation problems, blood pressure")),
    ("glands", ("Diabetes, thyroid or other gland disorder", "Diabetes or thyroid problems")),
    ("nerves", ("Epilepsy, seizures, fainting or severe headaches",
                "Fits, blackouts, migraine or headaches")),
    ("mind", ("Depression, anxiety or other mental health condition",
              "Stress, anxiety, depression or other emotional problems")),
    ("joints", ("Back, neck, joint or bone problems", "Muscle, joint or back problems")),
    ("skin", ("Skin conditions (eczema, psoriasis, dermatitis)", "Any skin problem")),
    ("other", ("Any other illness, operation or long-term condition",
               "Anything else that may affect your work")),
)
CONDITION_ROW = {
    "Asthma": "chest", "COPD": "chest", "Sleep apnea": "chest", "Allergic rhinitis": "chest",
    "Hypertension": "heart", "High cholesterol": "heart", "Diabetes": "glands",
    "Type 2 diabetes": "glands", "Hypothyroidism": "glands", "Seizures": "nerves",
    "Epilepsy": "nerves", "Migraine": "nerves", "Headaches": "nerves", "Depression": "mind",
    "Anxiety": "mind", "Arthritis": "joints", "Back pain": "joints", "Osteoporosis": "joints",
    "Gout": "joints", "Eczema": "skin", "Psoriasis": "skin",
}
DISEASES = ("chicken_pox", "measles", "mumps", "rubella")
OUTCOMES = ("fit", "adjust", "refer")
MAIL_DOMAINS = ("example.com", "example.net", "example.org")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Pre-Placement Health Questionnaire",
        "Pre-Employment Health Questionnaire",
        "New Employee Health Declaration",
        "Occupational Health Pre-Placement Assessment",
        "Confidential Health Questionnaire for New Staff",
    ),
    "subtitle": (
        "To be completed by the applicant after a conditional offer of employment",
        "Please complete in black ink and return in the envelope provided",
        "All answers are seen only by the occupational health team",
    ),
    "confidential": ("MEDICAL IN CONFIDENCE", "CONFIDENTIAL - MEDICAL", "STRICTLY CONFIDENTIAL"),
    "oh_ref": ("OH ref.", "OH no.", "File no."),
    "instructions": (
        "Please answer every question and write clearly inside the boxes. Your answers will not "
        "be shared with your manager without your consent. If you need help with this form, "
        "call the occupational health office.",
        "This questionnaire helps us decide whether you need any support or adjustments at "
        "work. Answering yes to a question will not by itself stop your appointment. Return it "
        "before your start date.",
        "Complete all parts. Incomplete forms will be returned and may delay your start date. "
        "The information is held under medical confidentiality.",
    ),
    "position": ("Position applied for", "Job title", "Post offered"),
    "date_completed": ("Date completed", "Today's date", "Date of questionnaire"),
    "start_date": ("Proposed start date", "Start date", "Expected start date"),
    "sec_personal": ("Personal details", "About you", "Applicant details"),
    "surname": ("Surname", "Last name", "Family name"),
    "forenames": ("First name(s)", "Forename(s)", "Given names"),
    "full_name": ("Full name", "Name", "Applicant's name", "Name in full"),
    "birth": ("Date of birth", "DOB", "Birth date"),
    "sex": ("Sex", "Gender"),
    "employee_no": ("Employee no.", "Payroll no.", "Staff ID"),
    "home_address": ("Home address", "Address", "Permanent address"),
    "street": ("Street address", "Address line 1", "Home address"),
    "city": ("City, state, ZIP", "Town / city, ZIP", "City / State / Zip"),
    "country": ("Country",),
    "phone": ("Telephone", "Home / mobile tel.", "Contact number", "Phone"),
    "email": ("E-mail", "Email address"),
    "manager": ("Line manager", "Hiring manager", "Supervisor"),
    "height": ("Height",),
    "weight": ("Weight",),
    "sec_emergency": ("Emergency contact", "Next of kin / emergency contact", "Person to contact"),
    "em_name": ("Name", "Contact name", "Full name"),
    "relation": ("Relationship", "Relationship to you"),
    "em_home": ("Home tel.", "Home phone", "Telephone (home)"),
    "em_work": ("Work / mobile tel.", "Daytime phone", "Other phone"),
    "em_address": ("Address", "Contact's address", "Their address"),
    "sec_immunity": (
        "Immunity and vaccinations",
        "Immunisation history",
        "Infections and immunity",
    ),
    "immunity_note": (
        "Give the month and year of each vaccine dose; attach any blood test results you have.",
        "Staff working with patients must show immunity. Write the dates from your vaccine record.",
    ),
    "col_disease": ("Infection", "Disease", "Illness"),
    "col_had": ("Had the illness?", "Had it?", "Past illness"),
    "col_vaccine": ("Vaccine doses (mm/yyyy)", "Vaccination dates", "Date of each dose"),
    "col_doses": ("Dose 1|Dose 2", "1st dose|2nd dose", "First|Second"),
    "col_status": ("Immunity status", "Are you immune?", "Status"),
    "unknown": ("Unknown", "Don't know", "Not sure"),
    "chicken_pox": ("Chickenpox (varicella)", "Chicken pox", "Varicella / chickenpox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella (German measles)", "Rubella"),
    "hep_b": (
        "Completed a course of hepatitis B vaccine?",
        "Hepatitis B vaccination course completed?",
        "Fully vaccinated against hepatitis B?",
    ),
    "hep_unsure": ("Not sure", "Don't know"),
    "hep_last": ("Last dose", "Date of last dose"),
    "sec_health": ("Health questionnaire", "Your health", "Medical history"),
    "health_head": (
        "Do you have, or have you ever had:",
        "Have you ever suffered from:",
        "Please answer every question:",
    ),
    "details": ("Details (condition)", "If yes, give details", "Details"),
    "signature": ("Signature of applicant", "Applicant's signature", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "continued": ("continued", "page 2", "(continued)"),
    "running_name": ("Name", "Applicant"),
    "running_birth": ("DOB", "Date of birth"),
    "sec_allergy": ("Allergies", "Allergies and sensitivities"),
    "allergy_q": (
        "Do you have any allergies (medicines, foods, latex or other)?",
        "Are you allergic to anything, including medicines, latex or foods?",
        "Any known allergies?",
    ),
    "col_allergen": ("Allergic to", "Substance", "Allergen"),
    "col_reaction": ("Reaction", "What happens"),
    "sec_meds": ("Regular medication", "Medicines", "Current medication"),
    "meds_q": (
        "Do you take any medicines regularly (including inhalers and supplements)?",
        "Are you on any regular medication?",
        "Do you currently take any prescribed or over-the-counter medicines?",
    ),
    "col_med": ("Medicine", "Name of medicine", "Medication"),
    "col_dose": ("Dose", "Strength"),
    "col_freq": ("How often", "Frequency"),
    "col_for": ("Taken for", "Reason"),
    "sec_gp": ("Your family doctor", "Primary care physician", "GP / family doctor"),
    "gp_name": ("Doctor's name", "Physician"),
    "gp_practice": ("Practice / clinic", "Clinic"),
    "gp_phone": ("Telephone", "Clinic phone"),
    "sec_insurance": ("Health insurance", "Medical insurance cover", "Health plan"),
    "ins_q": (
        "Are you covered by a health insurance plan?",
        "Do you currently have medical insurance?",
        "Health insurance in place?",
    ),
    "company": ("Insurance company", "Name of insurer", "Health plan / insurer"),
    "group": ("Group no.", "Group #"),
    "policy": ("Policy / member no.", "Member ID", "Policy number"),
    "holder": ("Policy holder", "Primary insured", "Subscriber"),
    "ins_address": ("Insurer's address", "Claims address", "Address of insurer"),
    "expiry": ("Valid until", "Expiry date", "Cover ends", "Expiration date"),
    "services": ("Member services tel.", "Insurer phone"),
    "sec_declaration": ("Declaration", "Consent and declaration"),
    "declaration": (
        "I confirm that the answers I have given are true and complete. I understand that "
        "giving false information may lead to the withdrawal of the offer of employment, and I "
        "consent to occupational health contacting my doctor if more information is needed.",
        "I declare that the information on this form is correct to the best of my knowledge. I "
        "agree that occupational health may advise my employer on my fitness for work and any "
        "adjustments, without giving medical details.",
    ),
    "print_name": ("Print name", "Name (capitals)"),
    "oh_box": ("FOR OCCUPATIONAL HEALTH USE ONLY", "OH OFFICE USE", "OCCUPATIONAL HEALTH ONLY"),
    "fit": ("Fit for post", "Fit"),
    "adjust": ("Fit with adjustments", "Fit - restrictions"),
    "refer": ("Refer to OH physician", "Further assessment"),
    "reviewed": ("Reviewed by", "OH nurse"),
    "review_date": ("Date",),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription", "Outpatient Prescription", "Prescription Order"),
    "patient": ("Patient name", "Patient", "Name", "For"),
    "date": ("Date", "Date issued", "Date of issue"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "phone": ("Phone", "Tel.", "Patient phone"),
    "address": ("Address", "Patient address", "Home address"),
    "allergies": ("Allergies", "Drug allergies", "Known allergies"),
    "qty": ("Qty", "Quantity", "Disp."),
    "directions": ("Sig:", "Directions:", "Instructions:", "Directions for use:"),
    "refills": ("Refills", "Refills authorized", "No. of refills", "Repeats"),
    "times": ("times", "time(s)"),
    "brand": ("Brand medically necessary", "Dispense as written", "Do not substitute"),
    "follow": ("Next appointment", "Follow-up visit", "Return visit"),
    "signature": ("Prescriber's signature", "Signature", "Signature of physician"),
    "prescribed_by": ("Prescribing physician:", "Prescriber:", "Physician:"),
    "directory": ("Physicians", "Our providers", "Medical staff", "Providers"),
    "hours": (
        "Mon-Fri 8:00-6:00, Sat 9:00-12:00",
        "Open weekdays 7:30 am - 7 pm",
        "Hours: Mon-Thu 8-5, Fri 8-12",
    ),
    "lic": ("Lic. No.", "License #", "State lic."),
    "npi": ("NPI", "NPI #"),
    "void": (
        "Valid for 30 days from the date of issue. Refills are void after one year.",
        "This prescription is void if altered. Not valid without the prescriber's signature.",
        "Pharmacist: call the office to verify any controlled substance prescription.",
    ),
}

_NUMBERING = ("PART {letter}", "Section {number}", "{letter}.", "{number}.")


# --- style and content ----------------------------------------------------------------------


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(32, 36), value_size=(40, 46)
    )
    printed = fonts.families(handwriting=False)
    proportional = [f.name for f in printed if "Mono" not in f.name]
    style["label_font"] = rnd.choice(proportional)
    style["title_font"] = rnd.choice(proportional)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["printed_phones"] = rnd.choice(("paren", "dash", "dot"))
    style["form_code"] = f"{rnd.choice(('OH', 'EHS', 'HR', 'F'))}-{rnd.randint(10, 299)}"
    style["revision"] = (
        rnd.choice(("Rev.", "Version", "v.")) + f" {rnd.randint(1, 9)}/{rnd.randint(18, 25)}"
    )
    if document_type == "prescription":
        style["form_code"] = f"{rnd.choice(('RX', 'MG', 'P'))}-{rnd.randint(100, 999)}"
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            group=_business(rnd, rnd.choice(GROUPS)),
            directory_place=rnd.choice(("side", "top")),
            prescriber_place=rnd.choice(("header", "foot")),
            date_place=rnd.choice(("top", "row")),
            refill_mode=rnd.choice(("box", "rule")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.7,
        )
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        questions=[rnd.choice(texts) for _, texts in QUESTIONS],
        employer=_business(rnd, rnd.choice(EMPLOYERS)),
        service=rnd.choice(SERVICES),
        fill=rnd.choice(FILLS),
        label_align=rnd.choice(("left", "right")),
        label_case=rnd.choice(("title", "title", "upper")),
        colon=rnd.random() < 0.5,
        numbering=rnd.choice(_NUMBERING),
        head_case=rnd.choice(("upper", "title")),
        date_place=rnd.choice(("header", "header", "foot")),
        name_split=rnd.random() < 0.5,
        address_mode=rnd.choice(("tall", "split")),
        immunity_mode=rnd.choice(("tick", "write")),
        health_first=rnd.random() < 0.4,
        page_two=rnd.sample(("allergies", "medication", "doctor", "insurance"), 4),
        running_line=rnd.random() < 0.6,
        clerk_font=rnd.choice(fonts.families(handwriting=True)).name,
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


def _month_year(day: dt.date) -> str:
    return f"{day.month:02d}/{day.year}"


def _pick(rnd: random.Random, pool: Sequence[str], none_share: float, most: int) -> list[str]:
    if rnd.random() < none_share:
        return []
    return rnd.sample(list(pool), rnd.randint(1, most))


def _row_of(condition: str) -> str:
    return CONDITION_ROW.get(condition, "other")


def _question_order(problems: Sequence[str]) -> list[str]:
    """The conditions as the page shows them: row by row, in the written order within a row."""
    return [name for key, _ in QUESTIONS for name in problems if _row_of(name) == key]


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    record = _between(rnd, dt.date(2019, 1, 10), dt.date(2025, 12, 20))
    birth = record - dt.timedelta(days=rnd.randint(18 * 365 + 30, 66 * 365))
    last = rnd.choice(values.LAST_NAMES)
    fields: dict[str, Any] = {
        "record_date": record.isoformat(),
        "patient_name": values.person_name(rnd, last),
        "birth_date": birth.isoformat(),
    }
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    if rnd.random() < 0.92:
        fields["phone"] = values.phone_number(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.7:
        lines.append(rnd.choice(("United States", "USA", "United States")))
    fields["address"] = ", ".join(lines)
    age = (record - birth).days // 365
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.88:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    first = fields["patient_name"].split()[0].lower()
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "sex": rnd.choice(("M", "F")),
        "position": rnd.choice(POSITIONS),
        "manager": values.person_name(rnd) if rnd.random() < 0.7 else None,
        "start_date": (record + dt.timedelta(days=rnd.randint(10, 75))).isoformat(),
        "employee_no": f"{rnd.randint(0, 9_999_999):07d}" if rnd.random() < 0.6 else None,
        "email": f"{first}.{last.lower()}{rnd.randint(1, 99)}@{rnd.choice(MAIL_DOMAINS)}"
        if rnd.random() < 0.7
        else None,
        "oh_ref": f"{rnd.choice('ABCDEHK')}{rnd.randint(10000, 99999)}",
    }
    if rnd.random() < 0.93:
        fields["emergency_contact_name"] = values.person_name(
            rnd, last if rnd.random() < 0.55 else None
        )
        extras["relationship"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.95:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.55:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.8:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.25 else values.one_line_address(rnd)
            )
    _immunity_content(fields, extras, rnd, record, birth)
    problems = _pick(rnd, values.CONDITIONS, 0.4, 3)
    fields["medical_problems"] = _question_order(problems)
    # page 2
    allergies = _pick(rnd, values.ALLERGIES, 0.45, 3)
    fields["allergies"] = allergies
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.75 else None for _ in allergies
    ]
    extras["none_written"] = rnd.random() < 0.5
    medication = [name for name, *_ in rnd.sample(values.DRUGS, rnd.randint(1, 3))]
    fields["regular_medication"] = [] if rnd.random() < 0.4 else medication
    strengths = {name: (choices, unit) for name, choices, unit, _ in values.DRUGS}
    extras["med_doses"] = [
        f"{rnd.choice(strengths[name][0])} {strengths[name][1]}"
        for name in fields["regular_medication"]
    ]
    extras["med_frequencies"] = [rnd.choice(FREQUENCIES) for _ in fields["regular_medication"]]
    extras["med_reasons"] = [
        rnd.choice(REASONS) if rnd.random() < 0.6 else None for _ in fields["regular_medication"]
    ]
    if rnd.random() < 0.8:
        extras["gp_name"] = "Dr. " + values.person_name(rnd)
        extras["gp_practice"] = rnd.choice(CLINICS) if rnd.random() < 0.8 else None
        extras["gp_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
    answer = rnd.random()
    if answer < 0.82:
        fields["has_insurance"] = "yes"
    elif answer < 0.97:
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
                record + dt.timedelta(days=rnd.randint(45, 1000))
            ).isoformat()
        extras["holder"] = rnd.choice(
            ("Self", fields["patient_name"], values.person_name(rnd, last))
        )
        extras["group_number"] = (
            rnd.choice((str(rnd.randint(10000, 999999)), f"GRP{rnd.randint(1000, 9999)}"))
            if rnd.random() < 0.7
            else None
        )
        extras["services_phone"] = (
            f"(800) 555-01{rnd.randint(0, 99):02d}" if rnd.random() < 0.5 else None
        )
    extras["outcome"] = rnd.choice((*OUTCOMES, "fit", None))
    if extras["outcome"]:
        nurse = values.person_name(rnd).split()
        extras["reviewer"] = f"{nurse[0][0]}. {nurse[-1]} RN"
        extras["review_date"] = (record + dt.timedelta(days=rnd.randint(2, 20))).isoformat()
    return fields, extras, style


def _immunity_content(
    fields: dict[str, Any],
    extras: dict[str, Any],
    rnd: random.Random,
    record: dt.date,
    birth: dt.date,
) -> None:
    """The immunity table's rows and the hepatitis B answer; unsure answers stay out."""
    extras["unknown_word"] = rnd.choice(("Unknown", "Don't know", "Not sure"))
    for name in DISEASES:
        roll = rnd.random()
        status = "immune" if roll < 0.72 else "not immune" if roll < 0.88 else None
        if status is None and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
        if name in ("chicken_pox", "measles"):
            if status:
                fields[name] = status
        else:
            extras[f"{name}_status"] = status
        had = None
        doses: list[str] = []
        if status == "immune" and rnd.random() < 0.4:
            had = "Yes"
        else:
            had = "No" if rnd.random() < 0.7 else None
            count = 2 if status == "immune" else rnd.choice((0, 1))
            start = birth + dt.timedelta(days=rnd.randint(365, 6 * 365))
            for k in range(count):
                dose = start + dt.timedelta(days=k * rnd.randint(40, 1500))
                if dose < record and rnd.random() < 0.85:
                    doses.append(_month_year(dose))
        extras[f"{name}_had"] = had
        extras[f"{name}_doses"] = doses
    roll = rnd.random()
    if roll < 0.62:
        fields["hepatitis_b_vaccination"] = "yes"
        last = record - dt.timedelta(days=rnd.randint(200, 5000))
        extras["hep_b_last"] = _month_year(last) if rnd.random() < 0.75 else None
    elif roll < 0.9:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.7:
        extras["hepatitis_b_vaccination_unsure"] = True


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)

    def doctor() -> str:
        return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"

    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    fields: dict[str, Any] = {
        "prescriber": doctor(),
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    if rnd.random() < 0.85:
        fields["patient_address"] = values.one_line_address(rnd)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    names = [fields["prescriber"]]
    while len(names) < rnd.randint(3, 6):
        name = doctor()
        if name not in names:
            names.append(name)
    rnd.shuffle(names)
    specialties = [rnd.choice(GROUP_SPECIALTIES) for _ in names]
    quantities = []
    for _, _, _, form in drugs:
        count = rnd.choice(sorted(QUANTITY_WORDS))
        if not form:
            quantities.append(rnd.choice(("1 inhaler", "2 inhalers", "1")))
        elif rnd.random() < 0.4:
            quantities.append(f"#{count} ({QUANTITY_WORDS[count]})")
        else:
            quantities.append(rnd.choice((f"#{count}", str(count))))
    born = _between(rnd, dt.date(1935, 1, 1), dt.date(2018, 12, 31))
    allergy_pick = _pick(rnd, values.ALLERGIES, 0.5, 2)
    extras: dict[str, Any] = {
        "directory": names,
        "specialties": specialties,
        "license": f"{rnd.choice(('MD', 'A', 'G', 'DO', 'C'))}{rnd.randint(10000, 999999)}",
        "npi": str(rnd.randint(1_000_000_000, 1_999_999_999)),
        "patient_birth": born.isoformat() if rnd.random() < 0.75 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "allergy_text": ", ".join(allergy_pick)
        if allergy_pick
        else rnd.choice(("NKDA", "NKA", "None known", None)),
        "quantities": quantities,
        "follow_up": (written + dt.timedelta(days=rnd.randint(14, 120))).isoformat()
        if rnd.random() < 0.6
        else None,
        "brand": rnd.random() < 0.2,
    }
    return fields, extras, style


# --- drawing: the record --------------------------------------------------------------------


class _Form:
    """A page of the form: its faces, band, section heads, boxes, tables and check boxes."""

    def __init__(self, dpi: int, style: Mapping[str, Any], part: int = 0) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        self.tint = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        fill = style.get("fill")
        self.fill: tuple[int, ...] | None = tuple(fill) if fill else None
        self.part = part
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        dark = (25, 25, 25)
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, dark
        )
        faces["option"] = render.Face(label.regular, size - 2, dark)
        faces["colhead"] = render.Face(label.bold, size - 7, self.colour)
        faces["head"] = render.Face(title.bold, 40, self.colour)
        faces["title"] = render.Face(title.bold, 58, dark)
        faces["band"] = render.Face(title.bold, 48, (255, 255, 255))
        faces["band_small"] = render.Face(title.regular, 32, (255, 255, 255))
        faces["letterhead"] = render.Face(title.regular, 28, (70, 70, 70))
        faces["note"] = render.Face(label.regular, 28, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        faces["mono"] = render.Face(fonts.installed_families()[0].regular, 30, (40, 40, 40))
        for item in fonts.installed_families():
            if item.name == "Liberation Mono":
                faces["mono"] = render.Face(item.regular, 30, (40, 40, 40))
        faces["comb"] = faces["value"]
        self.cell = min(float(style["value_size"]), 44.0)  # a value's size in a table row
        if "clerk_font" in style:
            clerk = fonts.family(style["clerk_font"])
            faces["clerk"] = render.Face(clerk.regular, 44, RED_PEN, True)

    def word(self, key: str) -> str:
        return self.labels[key]

    def label(self, key: str) -> str:
        """A field's label as the form prints it (its case, with or without a colon)."""
        text = self.word(key)
        if self.style.get("label_case") == "upper":
            text = text.upper()
        return f"{text}:" if self.style.get("colon") else text

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

    def dashed(self, x0: float, x1: float, y: float) -> None:
        x = x0
        while x < x1:
            self.line(x, y, min(x + 22, x1), y, width=3)
            x += 34

    def input_box(self, x0: float, y: float, x1: float, rows: int = 1) -> None:
        """The rectangle a value is written in (``rows`` rows tall), tinted on some forms."""
        page = self.page
        page.draw.rectangle(
            [
                page.px(x0),
                page.px(y - BOX_UP),
                page.px(x1),
                page.px(y + BOX_DOWN + (rows - 1) * ROW),
            ],
            fill=self.fill,
            outline=GRID,
            width=max(1, page.px(2)),
        )

    def field(
        self,
        x0: float,
        x1: float,
        y: float,
        key: str,
        value: str | None,
        *,
        column: float | None = None,
    ) -> float:
        """A label and its box; ``column`` is the label column's width for a row's first cell.

        Returns where the box starts.
        """
        page = self.page
        text = self.label(key)
        if column is None:
            start = page.text(x0, y, text, "label") + 20
        elif self.style["label_align"] == "right":
            page.text(x0 + column - 20, y, text, "label", anchor="rs", max_width=column - 30)
            start = x0 + column
        else:
            page.text(x0, y, text, "label", max_width=column - 30)
            start = x0 + column
        self.input_box(start, y, x1)
        if value:
            page.text(start + 20, y, value, "value", max_width=x1 - start - 40)
        return start

    def column_width(self, keys: Sequence[str]) -> float:
        widest = max(self.page.width(self.label(key), "label") for key in keys)
        return min(widest + 50, 560.0)

    def box(self, x: float, y: float, checked: bool, side: float = 36) -> float:
        return common.checkbox(self.page, x, y, checked=checked, mark=self.style["mark"], side=side)

    def options(
        self, x: float, y: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        for key, text in options:
            x = self.box(x, y, key == chosen)
            x = self.page.text(x + 14, y, text, "option") + 44
        return x

    def cell_mark(self, cx: float, y: float) -> None:
        """A tick or cross by hand, centred in a table cell whose baseline is ``y``."""
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
        """A numbered section head and a dashed rule to the margin; returns the next baseline."""
        self.part += 1
        number = _numbered(self.style["numbering"], self.part)
        title = self.word(key)
        if self.style["head_case"] == "upper":
            title = title.upper()
        end = self.page.text(LEFT, y, f"{number}  {title}", "head")
        self.dashed(end + 26, RIGHT, y - 12)
        return y + 96

    def table(
        self, x: Sequence[float], top: float, heads: Sequence[str], rows: int, row: float
    ) -> list[float]:
        """A ruled table with a tinted header row; returns its rows' baselines."""
        page = self.page
        head = 52.0
        bottom = top + head + rows * row
        page.draw.rectangle(
            [page.px(x[0]), page.px(top), page.px(x[-1]), page.px(top + head)], fill=self.tint
        )
        for xi in x:
            self.line(xi, top, xi, bottom, fill=GRID)
        for yi in (top, top + head, bottom):
            self.line(x[0], yi, x[-1], yi, width=3, fill=GRID)
        for k in range(1, rows):
            self.line(x[0], top + head + k * row, x[-1], top + head + k * row, fill=GRID)
        for text, x0, x1 in zip(heads, x, x[1:], strict=False):
            page.text(x0 + 16, top + 36, text, "colhead", max_width=x1 - x0 - 30)
        return [top + head + (k + 1) * row - row * 0.28 for k in range(rows)]

    def band(self) -> None:
        """The employer's coloured band and the service's address under it."""
        page = self.page
        style = self.style
        employer = style["employer"]
        page.draw.rectangle(
            [page.px(LEFT), page.px(80), page.px(RIGHT), page.px(195)], fill=self.colour
        )
        _shield(self, LEFT + 28, 96, 84)
        page.text(LEFT + 140, 157, employer["name"], "band", max_width=1250)
        page.text(RIGHT - 30, 152, style["service"], "band_small", anchor="rs", max_width=700)
        phone = common.format_phone(employer["phone"], style["printed_phones"])
        fax = common.format_phone(employer["fax"], style["printed_phones"])
        address = f"{employer['street']}, {employer['city']}   Tel {phone}   Fax {fax}"
        page.text(LEFT, 240, address, "letterhead", max_width=RIGHT - LEFT)

    def footer(self, number: int) -> None:
        page = self.page
        page.text(LEFT, FOOTER, f"{self.style['form_code']}  {self.style['revision']}", "fine")
        page.text(RIGHT, FOOTER, f"Page {number} of 2", "fine", anchor="rs")


def _numbered(pattern: str, number: int) -> str:
    return pattern.format(letter="ABCDEFGHIJ"[number - 1], number=number)


def _shield(form: _Form, x: float, y: float, side: float) -> None:
    """The service's emblem in the band: a white shield with a cross in the form's colour."""
    page = form.page
    w, h = side * 0.8, side
    points = [
        (x, y),
        (x + w, y),
        (x + w, y + h * 0.5),
        (x + w / 2, y + h),
        (x, y + h * 0.5),
    ]
    page.draw.polygon([(page.px(a), page.px(b)) for a, b in points], fill=(255, 255, 255))
    cx, cy, arm = x + w / 2, y + h * 0.42, side * 0.1
    for box in (
        (cx - arm, cy - arm * 3, cx + arm, cy + arm * 3),
        (cx - arm * 3, cy - arm, cx + arm * 3, cy + arm),
    ):
        page.draw.rectangle([page.px(v) for v in box], fill=form.colour)


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _date(value: str | None, style: Mapping[str, Any], *, short_year: bool = True) -> str | None:
    if not value:
        return None
    return common.format_date(value, style["date_style"], short_year=short_year)


def _comb(form: _Form, x: float, y: float, digits: str | None, count: int = 7) -> float:
    """Seven boxes side by side, one digit written in each; returns where they end."""
    page = form.page
    side = 56.0
    for k in range(count):
        x0 = x + k * side
        page.draw.rectangle(
            [page.px(x0), page.px(y - BOX_UP), page.px(x0 + side), page.px(y + BOX_DOWN)],
            fill=form.fill,
            outline=GRID,
            width=max(1, page.px(2)),
        )
        if digits and k < len(digits):
            page.text(x0 + side / 2, y, digits[k], "comb", anchor="ms")
    return x + count * side


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    form.band()
    word = form.word

    # title, confidential notice, instructions
    page.text(LEFT, 345, word("title"), "title", max_width=1580)
    page.text(LEFT, 400, word("subtitle"), "note", max_width=1580)
    box_x = 1820.0
    page.draw.rectangle(
        [page.px(box_x), page.px(280), page.px(RIGHT), page.px(410)],
        outline=form.colour,
        width=max(1, page.px(4)),
    )
    page.text((box_x + RIGHT) / 2, 330, word("confidential"), "colhead", anchor="ms")
    end = page.text(box_x + 30, 385, f"{word('oh_ref')} ", "note")
    page.text(end + 6, 385, str(extras.get("oh_ref") or ""), "mono")
    y = 470.0
    for text in render.wrap(page, word("instructions"), "note", RIGHT - LEFT):
        page.text(LEFT, y, text, "note")
        y += 38

    # the top row (on forms dated there): the position and the record date
    record_date = common.date_text(fields, "record_date", style)
    y = 490.0
    if style["date_place"] == "header":
        y = 610.0
        form.field(LEFT, 1420, y, "position", extras.get("position"))
        form.field(1470, RIGHT, y, "date_completed", record_date)

    # personal details
    y = form.section(y + 125, "sec_personal")
    keys = ["birth", "height"]
    keys += ["surname"] if style["name_split"] else ["full_name"]
    keys += ["home_address"] if style["address_mode"] == "tall" else ["street", "city", "phone"]
    column = form.column_width(keys)
    name = fields.get("patient_name")
    if style["name_split"]:
        given, _, surname = (name or "").rpartition(" ")
        form.field(LEFT, 1200, y, "surname", surname or None, column=column)
        form.field(1240, RIGHT, y, "forenames", given or None)
    else:
        form.field(LEFT, RIGHT, y, "full_name", name, column=column)
    y += ROW
    form.field(LEFT, 980, y, "birth", common.date_text(fields, "birth_date", style), column=column)
    x = page.text(1030, y, form.label("sex"), "label") + 26
    x = form.options(x, y, (("M", "M"), ("F", "F")), extras.get("sex"))
    x = page.text(max(x, 1480), y, form.label("employee_no"), "label") + 20
    _comb(form, min(x, RIGHT - 7 * 56), y, extras.get("employee_no"))
    y += ROW
    lines = common.address_lines(fields, extras)
    phone = common.phone_text(fields.get("phone"), style)
    if style["address_mode"] == "tall":
        split = 1460.0
        text = form.label("home_address")
        if style["label_align"] == "right":
            page.text(LEFT + column - 20, y, text, "label", anchor="rs", max_width=column - 30)
        else:
            page.text(LEFT, y, text, "label", max_width=column - 30)
        form.input_box(LEFT + column, y, split - 40, rows=3)
        for k, line in enumerate(lines):
            if line:
                page.text(
                    LEFT + column + 20,
                    y + k * ROW,
                    line,
                    "value",
                    max_width=split - LEFT - column - 100,
                )
        form.field(split, RIGHT, y, "phone", phone)
        form.field(split, RIGHT, y + ROW, "email", extras.get("email"))
        form.field(split, RIGHT, y + 2 * ROW, "manager", extras.get("manager"))
    else:
        form.field(LEFT, RIGHT, y, "street", lines[0], column=column)
        form.field(LEFT, 1640, y + ROW, "city", lines[1], column=column)
        form.field(1680, RIGHT, y + ROW, "country", lines[2])
        form.field(LEFT, 1180, y + 2 * ROW, "phone", phone, column=column)
        form.field(1220, RIGHT, y + 2 * ROW, "email", extras.get("email"))
    y += 3 * ROW
    weight = _with_unit(fields, "weight", extras.get("weight_unit"))
    height = _with_unit(fields, "height", extras.get("height_unit"))
    form.field(LEFT, 760, y, "height", height, column=column)
    form.field(800, 1290, y, "weight", weight)
    form.field(1330, RIGHT, y, "start_date", _date(extras.get("start_date"), style))

    # the other sections of page 1
    y += 120
    parts = (
        [_emergency, _immunity, _health]
        if not style["health_first"]
        else [
            _emergency,
            _health,
            _immunity,
        ]
    )
    for draw in parts:
        y = draw(form, fields, extras, y)

    # the foot: the signature and, on some forms, the date completed
    if style["date_place"] == "foot":
        y = max(y, 2990.0)
        page.rule(LEFT, 1250, y + 16, width=2, fill=GRID)
        page.scribble(LEFT + 60, 1000, y + 6, page.faces["value"].fill)
        page.text(LEFT, y + 56, word("signature"), "note")
        form.field(1400, RIGHT, y, "sign_date", record_date)
    form.footer(1)
    return page.image


def _emergency(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    style = form.style
    y = form.section(y, "sec_emergency")
    column = form.column_width(("em_name", "em_home", "em_address"))
    form.field(LEFT, 1440, y, "em_name", fields.get("emergency_contact_name"), column=column)
    form.field(1480, RIGHT, y, "relation", extras.get("relationship"))
    y += ROW
    home = common.phone_text(fields.get("emergency_contact_phone"), style)
    work = common.phone_text(extras.get("emergency_work_phone"), style)
    form.field(LEFT, 1160, y, "em_home", home, column=column)
    form.field(1200, RIGHT, y, "em_work", work)
    y += ROW
    address = fields.get("emergency_contact_address")
    form.field(LEFT, RIGHT, y, "em_address", address, column=column)
    return y + 120


def _immunity(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    page = form.page
    style = form.style
    word = form.word
    y = form.section(y, "sec_immunity") - 40
    page.text(LEFT, y, word("immunity_note"), "note", max_width=RIGHT - LEFT)
    top = y + 22
    tick = style["immunity_mode"] == "tick"
    x = [LEFT, 760.0, 1030.0, 1300.0, 1570.0]
    x += [1840.0, 2110.0, RIGHT] if tick else [RIGHT]
    head = 96.0
    row = 58.0
    bottom = top + head + len(DISEASES) * row
    page.draw.rectangle(
        [page.px(LEFT), page.px(top), page.px(RIGHT), page.px(top + head)], fill=form.tint
    )
    for xi in x:
        joined = xi in (1300.0, 1840.0, 2110.0)  # under a spanning header
        form.line(xi, top + (head / 2 if joined else 0), xi, bottom, fill=GRID)
    form.line(1030, top + head / 2, RIGHT if tick else 1570, top + head / 2, fill=GRID)
    for yi in (top, top + head, bottom):
        form.line(LEFT, yi, RIGHT, yi, width=3, fill=GRID)
    for k in range(1, len(DISEASES)):
        form.line(LEFT, top + head + k * row, RIGHT, top + head + k * row, fill=GRID)
    low = top + head - 16
    page.text(LEFT + 16, low, word("col_disease"), "colhead")
    page.text(776, low, word("col_had"), "colhead", max_width=240)
    page.text(1046, top + 36, word("col_vaccine"), "colhead", max_width=510)
    first, _, second = word("col_doses").partition("|")
    page.text(1046, low, first, "colhead")
    page.text(1316, low, second, "colhead")
    statuses = (("immune", "Immune"), ("not immune", "Not immune"), ("unsure", word("unknown")))
    if tick:
        page.text(1586, top + 36, word("col_status"), "colhead", max_width=RIGHT - 1600)
        for k, (_, text) in enumerate(statuses):
            page.text(x[4 + k] + 16, low, text, "colhead", max_width=240)
    else:
        page.text(1586, top + 36, word("col_status"), "colhead", max_width=RIGHT - 1600)
        page.text(1586, low, "Immune / Not immune", "colhead", max_width=RIGHT - 1600)
    for k, name in enumerate(DISEASES):
        base = top + head + (k + 1) * row - 17
        page.text(LEFT + 16, base, word(name), "option", max_width=560)
        had = extras.get(f"{name}_had")
        if had:
            page.text(790, base, had, "value", max_width=220, size=form.cell)
        doses = list(extras.get(f"{name}_doses") or [])
        for d, dose in enumerate(doses[:2]):
            page.text(1046 + d * 270, base, dose, "value", max_width=240, size=form.cell)
        status = (
            fields.get(name) if name in ("chicken_pox", "measles") else extras.get(f"{name}_status")
        )
        if status is None and extras.get(f"{name}_unsure"):
            status = "unsure"
        if tick:
            for s, (key, _) in enumerate(statuses):
                if status == key:
                    form.cell_mark((x[4 + s] + x[5 + s]) / 2, base + 6)
        elif status:
            text = {"immune": "Immune", "not immune": "Not immune"}.get(
                status, str(extras.get("unknown_word"))
            )
            page.text(1590, base, text, "value", max_width=RIGHT - 1620, size=form.cell)
    # hepatitis B
    y = bottom + 95
    x0 = page.text(LEFT, y, word("hep_b"), "label", max_width=1000) + 34
    answer = fields.get("hepatitis_b_vaccination")
    if answer is None and extras.get("hepatitis_b_vaccination_unsure"):
        answer = "unsure"
    x0 = form.options(x0, y, (("yes", "Yes"), ("no", "No"), ("unsure", word("hep_unsure"))), answer)
    form.field(max(x0, 1840.0) - 20, RIGHT, y, "hep_last", extras.get("hep_b_last"))
    return y + 120


def _health(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    page = form.page
    word = form.word
    y = form.section(y, "sec_health") - 60
    x = [LEFT, 1370.0, 1490.0, 1610.0, RIGHT]
    heads = [word("health_head"), "Yes", "No", word("details")]
    row = 56.0
    baselines = form.table(x, y, heads, len(QUESTIONS), row)
    problems = list(fields.get("medical_problems") or [])
    texts = form.style["questions"]
    for k, ((key, _), base) in enumerate(zip(QUESTIONS, baselines, strict=True)):
        page.text(LEFT + 16, base, f"{k + 1}. {texts[k]}", "option", max_width=x[1] - LEFT - 30)
        written = [name for name in problems if _row_of(name) == key]
        form.box(x[1] + 42, base + 4, bool(written), side=34)
        form.box(x[2] + 42, base + 4, not written, side=34)
        if written:
            details = ", ".join(written)
            page.text(
                x[3] + 16, base, details, "value", max_width=RIGHT - x[3] - 32, size=form.cell
            )
    return baselines[-1] + 135


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, part=4)
    page = form.page
    word = form.word
    form.band()
    page.text(LEFT, 330, f"{word('title')} - {word('continued')}", "head", max_width=RIGHT - LEFT)
    y = 330.0
    if style["running_line"]:
        y = 410.0
        x = page.text(LEFT, y, form.label("running_name"), "option") + 20
        name = fields.get("patient_name")
        end = page.text(x, y, name, "value", max_width=900) if name else x + 600
        x = page.text(max(end + 60, 1350), y, form.label("running_birth"), "option") + 20
        birth = common.date_text(fields, "birth_date", style)
        if birth:
            page.text(x, y, birth, "value", max_width=RIGHT - x)
    y += 130
    drawers = {
        "allergies": _allergies,
        "medication": _medication,
        "doctor": _doctor,
        "insurance": _insurance,
    }
    for key in style["page_two"]:
        y = drawers[key](form, fields, extras, y)

    # declaration and signature
    y = form.section(y, "sec_declaration") - 50
    for text in render.wrap(page, word("declaration"), "note", RIGHT - LEFT):
        page.text(LEFT, y, text, "note")
        y += 38
    y += 90
    page.rule(LEFT, 900, y + 16, width=2, fill=GRID)
    page.scribble(LEFT + 50, 760, y + 6, page.faces["value"].fill)
    page.text(LEFT, y + 56, word("signature"), "note")
    form.field(940, 1790, y, "print_name", fields.get("patient_name"))
    form.field(1830, RIGHT, y, "sign_date", common.date_text(fields, "record_date", style))

    # the office box
    y = max(y + 120, 2900.0)
    page.draw.rectangle(
        [page.px(LEFT), page.px(y), page.px(RIGHT), page.px(y + 190)],
        fill=form.tint,
        outline=form.colour,
        width=max(1, page.px(3)),
    )
    page.text(LEFT + 24, y + 48, word("oh_box"), "colhead")
    base = y + 130
    x = LEFT + 24
    outcome = extras.get("outcome")
    for key in OUTCOMES:
        x = common.checkbox(page, x, base, checked=False, mark="tick", side=34)
        if key == outcome:  # the nurse's red tick
            ink = RED_PEN
            w = max(1, page.px(6))
            points = [(x - 30, base - 18), (x - 20, base - 2), (x + 8, base - 46)]
            page.draw.line([(page.px(a), page.px(b)) for a, b in points], fill=ink, width=w)
        x = page.text(x + 14, base, word(key), "option", max_width=340) + 40
    x = page.text(max(x, 1500), base, form.label("reviewed"), "option") + 16
    if extras.get("reviewer"):
        page.text(x, base, str(extras["reviewer"]), "clerk", max_width=2080 - x)
    x = page.text(2100, base, form.label("review_date"), "option") + 12
    review = _date(extras.get("review_date"), style)
    if review:
        page.text(x, base, review, "clerk", max_width=RIGHT - x - 10)
    form.footer(2)
    return page.image


def _yes_no(form: _Form, y: float, key: str, answer: str | None) -> float:
    """A question and its Yes / No boxes; returns the next baseline."""
    x = form.page.text(LEFT, y, form.word(key), "label", max_width=1800) + 40
    form.options(x, y, (("yes", "Yes"), ("no", "No")), answer)
    return y + 40


def _allergies(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    page = form.page
    word = form.word
    y = form.section(y, "sec_allergy")
    allergies = fields.get("allergies")
    answer = None if allergies is None else "yes" if allergies else "no"
    top = _yes_no(form, y, "allergy_q", answer)
    x = [LEFT, 1300.0, RIGHT]
    baselines = form.table(x, top, [word("col_allergen"), word("col_reaction")], 3, 58)
    reactions = list(extras.get("reactions") or [])
    for k, base in enumerate(baselines):
        if allergies and k < len(allergies):
            page.text(
                x[0] + 20, base, allergies[k], "value", max_width=x[1] - x[0] - 40, size=form.cell
            )
            reaction = reactions[k] if k < len(reactions) else None
            if reaction:
                page.text(
                    x[1] + 20, base, reaction, "value", max_width=x[2] - x[1] - 40, size=form.cell
                )
        elif k == 0 and allergies == [] and extras.get("none_written") and form.style["empty_list"]:
            page.text(x[0] + 20, base, str(form.style["empty_list"]), "value", size=form.cell)
    return baselines[-1] + 135


def _medication(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    page = form.page
    word = form.word
    y = form.section(y, "sec_meds")
    medication = fields.get("regular_medication")
    answer = None if medication is None else "yes" if medication else "no"
    top = _yes_no(form, y, "meds_q", answer)
    x = [LEFT, 900.0, 1260.0, 1760.0, RIGHT]
    heads = [word("col_med"), word("col_dose"), word("col_freq"), word("col_for")]
    baselines = form.table(x, top, heads, 4, 58)
    columns = (
        list(medication or []),
        list(extras.get("med_doses") or []),
        list(extras.get("med_frequencies") or []),
        list(extras.get("med_reasons") or []),
    )
    for k, base in enumerate(baselines):
        if medication and k < len(medication):
            for c, cells in enumerate(columns):
                cell = cells[k] if k < len(cells) else None
                if cell:
                    width = x[c + 1] - x[c] - 40
                    page.text(x[c] + 20, base, cell, "value", max_width=width, size=form.cell)
        elif (
            k == 0 and medication == [] and extras.get("none_written") and form.style["empty_list"]
        ):
            page.text(x[0] + 20, base, str(form.style["empty_list"]), "value", size=form.cell)
    return baselines[-1] + 135


def _doctor(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float) -> float:
    style = form.style
    y = form.section(y, "sec_gp")
    column = form.column_width(("gp_name", "gp_phone"))
    form.field(LEFT, 1300, y, "gp_name", extras.get("gp_name"), column=column)
    form.field(1340, RIGHT, y, "gp_practice", extras.get("gp_practice"))
    y += ROW
    phone = common.phone_text(extras.get("gp_phone"), style)
    form.field(LEFT, 1300, y, "gp_phone", phone, column=column)
    return y + 120


def _insurance(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], y: float
) -> float:
    style = form.style
    y = form.section(y, "sec_insurance")
    _yes_no(form, y, "ins_q", fields.get("has_insurance"))
    y += 110
    column = form.column_width(("company", "policy", "ins_address", "expiry"))
    form.field(LEFT, 1600, y, "company", fields.get("insurance_company"), column=column)
    form.field(1640, RIGHT, y, "group", extras.get("group_number"))
    y += ROW
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    form.field(LEFT, 1300, y, "policy", policy, column=column)
    form.field(1340, RIGHT, y, "holder", extras.get("holder"))
    y += ROW
    form.field(LEFT, RIGHT, y, "ins_address", fields.get("insurance_address"), column=column)
    y += ROW
    expiry = common.date_text(fields, "insurance_expiry", style)
    form.field(LEFT, 1100, y, "expiry", expiry, column=column)
    services = common.phone_text(extras.get("services_phone"), style)
    form.field(1140, RIGHT, y, "services", services)
    return y + 120


# --- drawing: the prescription --------------------------------------------------------------

SIDE_X0, SIDE_X1 = 120.0, 640.0


def _heart(form: _Form, x: float, y: float, side: float) -> None:
    """The group's emblem: a heart in the form's colour crossed by a white pulse line."""
    page = form.page
    r = side * 0.27
    for cx in (x + side * 0.29, x + side * 0.71):
        page.draw.ellipse(
            [page.px(cx - r), page.px(y + side * 0.08), page.px(cx + r), page.px(y + side * 0.62)],
            fill=form.colour,
        )
    page.draw.polygon(
        [
            (page.px(x + side * 0.03), page.px(y + side * 0.42)),
            (page.px(x + side * 0.97), page.px(y + side * 0.42)),
            (page.px(x + side * 0.5), page.px(y + side * 0.98)),
        ],
        fill=form.colour,
    )
    pulse = [(0.0, 0.45), (0.3, 0.45), (0.38, 0.25), (0.48, 0.68), (0.56, 0.38), (0.62, 0.45)]
    pulse.append((1.0, 0.45))
    page.draw.line(
        [(page.px(x + a * side), page.px(y + b * side)) for a, b in pulse],
        fill=(255, 255, 255),
        width=max(1, page.px(side * 0.06)),
        joint="curve",
    )


def _rx_faces(form: _Form) -> None:
    faces = form.page.faces
    title = fonts.family(form.style["title_font"])
    label = fonts.family(form.style["label_font"])
    faces["group"] = render.Face(title.bold, 42, (25, 25, 25))
    faces["doctor"] = render.Face(title.bold, 52, (20, 20, 20))
    faces["doctor_small"] = render.Face(title.bold, 40, (20, 20, 20))
    faces["entry"] = render.Face(label.bold, 29, (30, 30, 30))
    faces["small"] = render.Face(label.regular, 26, (80, 80, 80))
    faces["caption"] = render.Face(label.regular, 30, (60, 60, 60))


def _directory_side(form: _Form, extras: Mapping[str, Any]) -> None:
    """The tinted column down the left: the emblem, the group, its physicians, its numbers."""
    page = form.page
    style = form.style
    group = style["group"]
    page.draw.rectangle(
        [page.px(SIDE_X0), page.px(110), page.px(SIDE_X1), page.px(3110)], fill=form.tint
    )
    form.line(SIDE_X1, 110, SIDE_X1, 3110, width=4)
    _heart(form, SIDE_X0 + 40, 150, 130)
    y = 350.0
    width = SIDE_X1 - SIDE_X0 - 70
    for text in render.wrap(page, group["name"], "group", width):
        page.text(SIDE_X0 + 35, y, text, "group", max_width=width)
        y += 52
    form.line(SIDE_X0 + 35, y, SIDE_X1 - 35, y, width=3)
    y += 80
    page.text(SIDE_X0 + 35, y, form.word("directory").upper(), "colhead", max_width=width)
    y += 30
    for name, specialty in zip(
        extras.get("directory") or [], extras.get("specialties") or [], strict=False
    ):
        y += 62
        page.text(SIDE_X0 + 35, y, name, "entry", max_width=width)
        y += 38
        page.text(SIDE_X0 + 35, y, specialty, "small", max_width=width)
    phones = style["printed_phones"]
    rows = [
        group["street"],
        group["city"],
        f"Tel {common.format_phone(group['phone'], phones)}",
        f"Fax {common.format_phone(group['fax'], phones)}",
    ]
    y = 2760.0
    for text in rows:
        page.text(SIDE_X0 + 35, y, text, "small", max_width=width)
        y += 40
    for text in render.wrap(page, form.word("hours"), "small", width):
        y += 10
        page.text(SIDE_X0 + 35, y, text, "small", max_width=width)
        y += 40


def _directory_top(form: _Form, extras: Mapping[str, Any]) -> float:
    """The letterhead across the top with the physicians in columns; returns its bottom."""
    page = form.page
    style = form.style
    group = style["group"]
    _heart(form, LEFT, 110, 130)
    page.text(LEFT + 170, 185, group["name"], "doctor", max_width=RIGHT - LEFT - 170)
    phones = style["printed_phones"]
    line = (
        f"{group['street']}, {group['city']}   Tel {common.format_phone(group['phone'], phones)}"
        f"   Fax {common.format_phone(group['fax'], phones)}   {form.word('hours')}"
    )
    page.text(LEFT + 170, 238, line, "small", max_width=RIGHT - LEFT - 170)
    form.line(LEFT, 275, RIGHT, 275, width=4)
    page.text(LEFT, 330, form.word("directory").upper(), "colhead")
    names = list(extras.get("directory") or [])
    specialties = list(extras.get("specialties") or [])
    width = (RIGHT - LEFT) / 3
    for k, name in enumerate(names):
        x = LEFT + (k % 3) * width
        y = 390 + (k // 3) * 90
        page.text(x, y, name, "entry", max_width=width - 30)
        if k < len(specialties):
            page.text(x, y + 36, specialties[k], "small", max_width=width - 30)
    bottom = 390 + ((len(names) + 2) // 3) * 90
    form.line(LEFT, bottom, RIGHT, bottom, width=4)
    form.line(LEFT, bottom + 12, RIGHT, bottom + 12, width=1.5)
    return bottom + 100


def _on_rule(form: _Form, x: float, y: float, label: str, value: str | None, end: float) -> float:
    """``Label ________`` with the value written on the rule; returns the rule's end."""
    page = form.page
    start = page.text(x, y, label, "caption") + 22
    page.rule(start, end, y + 14, width=2, fill=GRID)
    if value:
        page.text(start + 14, y, value, "value", max_width=end - start - 28)
    return end


def _patient_panel(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], x0: float, top: float
) -> float:
    """The rounded panel of the patient's rows; returns its bottom."""
    page = form.page
    style = form.style
    word = form.word
    row = 100.0
    bottom = top + 4 * row + 20
    page.draw.rounded_rectangle(
        [page.px(x0), page.px(top), page.px(RIGHT), page.px(bottom)],
        radius=page.px(30),
        fill=form.tint,
        outline=form.colour,
        width=max(1, page.px(3)),
    )
    for k in range(1, 4):
        form.line(x0 + 20, top + 10 + k * row, RIGHT - 20, top + 10 + k * row, width=1.5)
    base = [top + 10 + (k + 1) * row - 26 for k in range(4)]
    mid = x0 + (RIGHT - x0) * 0.6

    def cell(x: float, y: float, key: str, value: str | None, end: float) -> None:
        start = page.text(x + 24, y, word(key), "caption") + 26
        if value:
            page.text(start, y, value, "value", max_width=end - start - 24)

    date = common.date_text(fields, "date", style)
    if style["date_place"] == "row":
        cell(x0, base[0], "patient", fields.get("patient_name"), mid)
        form.line(mid, top + 10, mid, top + 10 + row, width=1.5)
        cell(mid, base[0], "date", date, RIGHT)
    else:
        cell(x0, base[0], "patient", fields.get("patient_name"), RIGHT)
    birth = _date(extras.get("patient_birth"), style, short_year=False)
    cell(x0, base[1], "dob", birth, mid)
    form.line(mid, top + 10 + row, mid, top + 10 + 2 * row, width=1.5)
    cell(mid, base[1], "phone", common.phone_text(extras.get("patient_phone"), style), RIGHT)
    cell(x0, base[2], "address", fields.get("patient_address"), RIGHT)
    cell(x0, base[3], "allergies", extras.get("allergy_text"), RIGHT)
    return bottom


def _prescriber_lines(form: _Form, extras: Mapping[str, Any], directory_index: int) -> str:
    specialties = list(extras.get("specialties") or [])
    parts = []
    if 0 <= directory_index < len(specialties):
        parts.append(specialties[directory_index])
    parts.append(f"{form.word('lic')} {extras.get('license')}")
    parts.append(f"{form.word('npi')} {extras.get('npi')}")
    return "   ".join(parts)


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    _rx_faces(form)
    page = form.page
    word = form.word
    if style["directory_place"] == "side":
        _directory_side(form, extras)
        x0, y = SIDE_X1 + 80, 200.0
    else:
        x0, y = LEFT, _directory_top(form, extras)
    prescriber = fields.get("prescriber")
    directory = list(extras.get("directory") or [])
    index = directory.index(prescriber) if prescriber in directory else -1
    if style["prescriber_place"] == "header" and prescriber:
        page.text(x0, y + 20, prescriber, "doctor", max_width=RIGHT - x0)
        details = _prescriber_lines(form, extras, index)
        page.text(x0, y + 72, details, "small", max_width=RIGHT - x0)
        form.line(x0, y + 100, RIGHT, y + 100, width=2)
        y += 190
    else:
        y += 40

    # the title, the date at the top right, the patient's panel
    page.text(x0, y, word("title"), "head")
    if style["date_place"] == "top":
        date = common.date_text(fields, "date", style)
        _on_rule(form, RIGHT - 640, y, word("date"), date, RIGHT)
    y = _patient_panel(form, fields, extras, x0, y + 40)

    # the ℞ and the medicines with their quantities
    y += 170
    if style["rx_glyph"]:
        rx_font = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 120, (20, 20, 20))
        page.text(x0, y, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(fonts.family(style["title_font"]).bold, 96, (20, 20, 20))
        page.text(x0, y, "Rx", "rx")
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    qty_x = RIGHT - 560
    y += 100
    for k in range(max(4, len(medicines))):
        page.rule(x0 + 110, qty_x - 40, y + 14, width=2, fill=GRID)
        if k < len(medicines):
            page.text(x0 + 125, y, medicines[k], "value", max_width=qty_x - x0 - 190)
        quantity = quantities[k] if k < len(quantities) and k < len(medicines) else None
        _on_rule(form, qty_x, y, word("qty"), quantity, RIGHT)
        y += 100

    # directions
    y += 40
    label_end = page.text(x0, y, word("directions"), "caption") + 24
    text_x = x0 + 60
    lines = render.wrap(page, fields.get("directions") or "", "value", RIGHT - label_end - 50)
    for k in range(max(3, len(lines))):
        start = label_end if k == 0 else text_x
        page.rule(start, RIGHT, y + 14, width=2, fill=GRID)
        if k < len(lines):
            page.text(start + 12, y, lines[k], "value", max_width=RIGHT - start - 24)
        y += 92

    # refills, substitution and the next appointment
    y += 50
    refills = fields.get("refills")
    shown = None if refills is None else str(refills)
    x = page.text(x0, y, word("refills"), "caption") + 24
    if style["refill_mode"] == "box":
        page.draw.rectangle(
            [page.px(x), page.px(y - BOX_UP), page.px(x + 170), page.px(y + BOX_DOWN)],
            outline=GRID,
            width=max(1, page.px(2)),
        )
        if shown:
            page.text(x + 85, y, shown, "value", anchor="ms", max_width=150)
        x += 210
    else:
        page.rule(x, x + 170, y + 14, width=2, fill=GRID)
        if shown:
            page.text(x + 85, y, shown, "value", anchor="ms", max_width=160)
        x = page.text(x + 190, y, word("times"), "caption") + 30
    x = max(x + 40, x0 + 800)
    end = form.box(x, y, bool(extras.get("brand")), side=36)
    page.text(end + 16, y, word("brand"), "caption", max_width=RIGHT - end - 16)
    y += 110
    follow = _date(extras.get("follow_up"), style)
    _on_rule(form, x0, y, word("follow"), follow, x0 + 900)

    # the signature and, on some blanks, the prescriber typed under it
    y = max(y + 190, 2620.0)
    page.rule(x0, x0 + 950, y, width=3, fill=(60, 60, 60))
    page.scribble(x0 + 60, x0 + 760, y - 10, page.faces["value"].fill)
    page.text(x0, y + 42, word("signature"), "small")
    if style["prescriber_place"] == "foot" and prescriber:
        y += 130
        end = page.text(x0, y, word("prescribed_by"), "caption") + 20
        page.text(end, y, prescriber, "doctor_small", max_width=RIGHT - end)
        page.text(x0, y + 50, _prescriber_lines(form, extras, index), "small")
    page.text(x0, 3090, word("void"), "fine", max_width=RIGHT - x0)
    page.text(x0, FOOTER, f"{style['form_code']}  {style['revision']}", "fine")
    return page.image


render_pages = common.form_renderer((_prescription, _record_one, _record_two))
