"""A women's health practice's prenatal intake record and its prescription with a tear-off stub.

Written blind as the held-out family of round 13 (then called ``heldout``): its author never read
the reader. Neither
document is a general clinic's registration form or a doctor's pad. The record is the first-visit
("new OB") intake of an obstetrics and midwifery practice, filled in partly by the patient and
partly by the nurse who books the pregnancy; the prescription is the practice's own printed
prescription sheet, whose lower part is an appointment reminder the patient tears off.

Every field of both documents is an *input group*, the way web forms and the PDF forms made
from them draw it: a rounded box the width of the field whose left end is a shaded *add-on*
holding the label (white on the form's colour, or dark on a pale tint of it, per form), the value
written in the white rest of the box. Two to four fields share a row; the boxes of a row fill
the text width in per-row shares. Labels come per form from synonym lists, in title case or
capitals. Section headings are the title in the form's colour, in capitals, with a thin rule
running from its end to the right margin.

Patient record (two pages).

* Page 1 opens with the practice's letterhead at the left (an emblem, the name, a line of
  services, street and city, telephone and fax: distractors); at the right the form's title, a
  line of instructions and an "office use" line with a chart number and the booking provider
  written on short rules (distractors). A rule in the form's colour closes the head.
* A *dating strip* of groups: on most forms the intake date (the record date) first, then the
  last menstrual period and the estimated due date (distractor dates) and the gravida / para
  count (a distractor). On the other forms the record date is written in a group beside the
  patient's signature at the foot of page 1.
* The patient: the name as one group, or a last-name group and a first-name-and-initial group
  (the truth is ``First M. Last``), on one row with the date of birth and the age (a
  distractor); the address as one wide group (street, city line and country on one line) over
  a row of the telephone and an e-mail address (a distractor), or a street group beside a city /
  state / ZIP group over a row of the country, the telephone and the e-mail address; then the
  pre-pregnancy weight and the height (the unit written after the number), the blood group and
  Rh and the occupation (distractors).
* The partner and the emergency contact: the baby's father or the partner, with a telephone
  (distractors); the emergency contact's name, relationship (a distractor) and home telephone
  (``emergency_contact_phone``) on one row; the contact's address beside another telephone (a
  distractor).
* Immunity: a ruled table with a row per infection (rubella, a distractor; chickenpox and
  measles, the fields), in a per-form order. Either three columns (immune, not immune, unknown)
  of which one cell of each row is marked by hand, or a written result column beside a "date
  tested" column (distractor dates). Under it the hepatitis B vaccine question with Yes / No /
  Not sure boxes. An unknown or not-sure answer, or none, leaves the field out of the truth.
* Medical history: a numbered table of twelve printed conditions in two halves, each row
  answered either by a ``+`` (yes) or an ``O`` (no) written in one narrow column, as obstetric
  records do (the legend printed above the table), or by an X in a Yes or a No column. The truth
  is the conditions of the rows answered yes, in row order (down the left half, then the right),
  then the conditions written in the "other" group. No row answered yes and nothing else
  written (or the document's word for none there) is the empty list; a copy filled in a
  capitals-only hand answers no to every printed row and writes its conditions in "other".

Page 2: a compact letterhead with a "continued" title, on most forms a running row with the
patient's name and date of birth. Insurance: a Yes / No question (boxes), then the carrier, the
member ID (``policy_number``, printed separators kept), a group number and the subscriber
(distractors), the claims address, the date the coverage *ends* (``insurance_expiry``) beside
the date it became *effective* (a distractor date). Allergies: a "no known drug allergies" box
(ticked for an empty list, or the document's word for none written instead) and the allergies in
one group. Medicines taken regularly: either one group with the list, or three numbered rows
of a medicine group and a "dose / how often" group (the latter distractors; an empty list is the
word for none in the first row, or nothing). Past pregnancies: a ruled table of year, weeks,
type of delivery, birth weight and sex (all distractors), one row per earlier pregnancy, empty
for a first pregnancy. Delivery plans: the planned hospital and the baby's doctor with a
telephone (distractors). A consent paragraph, the patient's signature and the date signed (the
record date again, or blank) close the page. Footers carry the form code and the page number.

Prescription (one page). The letterhead at the left; at the right either the prescriber's
printed name with a specialty line and the NPI and DEA numbers (distractors), or the NPI of the
group only, in which case the prescriber's name is written in a "prescriber (print)" group
left of the signature. A band in the form's colour with the title and an ``Rx No.`` (a
distractor). The patient's groups: name and date of birth (a distractor); the address; the
telephone (a distractor) and the date, or on other forms the date after its label at the right
under the band. On most forms pregnant and breastfeeding questions with Yes / No boxes
(distractors). A large ℞ (or ``Rx``), the medicines written on numbered rules, each beside a
quantity group at the right (distractors). The directions in a text area (the add-on a tab at
the top left of a box of three or more lines). The refills written in a small group beside
substitution boxes (distractors); the signature. Under a dashed perforation with a "detach"
note, the appointment reminder: the next visit's date and time and the provider (distractors),
the practice's telephone and a line of fine print.
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
FOOTER = 3228.0
DARK = (25, 25, 25)
GRID = (80, 80, 80)
RULE = (130, 130, 130)
GAP = 28.0  # between the groups of a row
ADDON_PAD = 20.0  # either side of an add-on's label

# fmt: off
PRACTICES = (
    "Bayside Women's Health", "Lakeview OB/GYN & Midwifery", "Willow Creek Women's Care",
    "Harbor Obstetrics & Gynecology", "Magnolia Midwifery and Birth Center",
    "Northfield Women's Clinic", "Riverstone OB-GYN Associates", "Cedar Grove Maternity Care",
)
SERVICES = (
    "Obstetrics | Gynecology | Midwifery",
    "Prenatal Care, Birth and Beyond",
    "Obstetrics, Gynecology & Ultrasound",
    "Certified Nurse-Midwives and Physicians",
)
HOSPITALS = (
    "St. Mary's Medical Center", "Mercy Birth Center", "County General Hospital",
    "Riverside Women's Hospital", "University Medical Center", "Good Samaritan Hospital",
)
FEMALE_NAMES = (
    "Helen", "Ana", "Maria", "Aisha", "Priya", "Grace", "Fatima", "Olivia", "Sofia", "Emma",
    "Chloe", "Amara", "Hannah", "Yuki", "Isabel", "Leila", "Nora", "Elena", "Mei", "Rosa",
    "Ingrid", "Julia", "Clara", "Zara", "Lucia", "Naomi", "Linda", "Sarah", "Emily", "Ruth",
)
MALE_NAMES = (
    "Alan", "Samuel", "James", "Wei", "Carlos", "Daniel", "Michael", "Noah", "Liam", "Mateo",
    "Ethan", "Lucas", "Diego", "Omar", "Henry", "Jacob", "Kwame", "David", "Victor", "Thomas",
    "Marcus", "Arjun", "Patrick", "Benjamin", "George", "Robert", "Kevin", "Joseph", "Hassan",
)
PRINTED_CONDITIONS = (
    "Asthma", "Diabetes", "Hypertension", "Epilepsy", "Migraine", "Depression",
    "Anxiety", "Anemia", "Hypothyroidism", "Acid reflux", "Kidney stones", "Back pain",
)
OTHER_CONDITIONS = tuple(c for c in values.CONDITIONS if c not in PRINTED_CONDITIONS)
OCCUPATIONS = (
    "Teacher", "Nurse", "Student", "Cashier", "Accountant", "Hair stylist", "Engineer",
    "Homemaker", "Pharmacist", "Receptionist", "Paralegal", "Server", "Graphic designer",
)
RELATIONS = ("Mother", "Sister", "Aunt", "Friend", "Partner", "Grandmother", "Cousin",
             "Neighbor", "Mother-in-law", "Stepmother")
PARTNER_ROLES = ("Husband", "Partner", "Boyfriend", "Spouse")
BLOOD_GROUPS = ("O Rh+", "A Rh+", "B Rh+", "AB Rh+", "O Rh-", "A Rh-", "O pos", "A neg",
                "B pos", "O+", "A+", "B-")
DELIVERIES = ("Vaginal", "C-section", "VBAC", "SVD", "Cesarean")
FREQUENCIES = ("once a day", "twice a day", "at bedtime", "as needed", "every morning", "BID",
               "daily", "3x a day")
COLOURS = ([150, 50, 100], [40, 100, 140], [110, 70, 150], [20, 120, 110], [170, 80, 60])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
TIMES = ("8:30 AM", "9:15 AM", "10:00 AM", "10:45 AM", "1:30 PM", "2:15 PM", "3:40 PM",
         "4:00 PM")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Prenatal Intake Record", "New OB Patient Intake", "Pregnancy Registration"),
    "instruct": (
        "Please complete every section in ink. Your nurse will go over it with you.",
        "Fill in the white areas. Shaded areas are completed by the nurse.",
        "Please print. Bring this form and your insurance card to your first visit.",
    ),
    "chart": ("Chart no.", "Chart #", "MRN"),
    "provider": ("Provider", "Booked with", "Clinician"),
    "sec_dating": ("This pregnancy", "Pregnancy dating", "Current pregnancy"),
    "record_date": ("Intake date", "First visit", "Today's date", "Booking date"),
    "lmp": ("LMP", "Last period (LMP)", "First day of LMP"),
    "edd": ("EDD", "Due date", "Est. due date"),
    "gp": ("G / P", "G-P", "Grav / para"),
    "sec_patient": ("About you", "Patient", "Mother's information"),
    "name": ("Full name", "Patient name", "Your name"),
    "last": ("Last name", "Surname"),
    "first": ("First name, M.I.", "First & middle initial", "Given name, M.I."),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "age": ("Age", "Age (yrs)"),
    "blood": ("Blood type / Rh", "Blood group", "ABO / Rh"),
    "address": ("Home address", "Address", "Mailing address"),
    "street": ("Street", "Street address"),
    "city": ("City, State, ZIP", "City / State / Zip", "Town, state, ZIP"),
    "country": ("Country", "Country (if not USA)"),
    "phone": ("Phone", "Best phone", "Cell / home phone", "Telephone"),
    "email": ("E-mail", "Email address"),
    "weight": ("Pre-pregnancy weight", "Weight before pregnancy", "Weight"),
    "height": ("Height", "Ht."),
    "occupation": ("Occupation", "Job"),
    "sec_people": ("Partner and emergency contact", "Your support people", "Family and contacts"),
    "partner": ("Baby's father / partner", "Partner's name", "Father of baby"),
    "partner_phone": ("Partner's phone", "His / her phone", "Phone"),
    "contact": ("Emergency contact", "In an emergency call", "Emergency contact name"),
    "relation": ("Relationship", "Relation to you"),
    "contact_home": ("Home phone", "Home tel.", "Phone (home)"),
    "contact_other": ("Cell / work phone", "Other phone", "Alt. phone"),
    "contact_address": ("Their address", "Contact's address", "Address"),
    "sec_immunity": ("Immunity", "Immunity status", "Infections and immunity"),
    "disease_col": ("Infection", "Disease", "Test"),
    "immune": ("Immune", "IMMUNE"),
    "not_immune": ("Not immune", "NOT IMMUNE"),
    "unknown": ("Unknown", "Don't know", "Not tested"),
    "result_col": ("Result", "Status"),
    "tested_col": ("Date tested", "Titer date", "Date of result"),
    "rubella": ("Rubella", "Rubella (German measles)"),
    "chicken_pox": ("Varicella (chickenpox)", "Chickenpox", "Chicken pox (varicella)"),
    "measles": ("Measles (rubeola)", "Measles", "Rubeola (measles)"),
    "hep_b": (
        "Have you completed the hepatitis B vaccine series?",
        "Hepatitis B vaccine received?",
        "Have you had the hepatitis B vaccine?",
    ),
    "not_sure": ("Not sure", "Don't know", "Unsure"),
    "sec_history": ("Medical history", "Your health history", "Past medical history"),
    "history_q": (
        "Have you ever had any of the following?",
        "Do you have, or have you had:",
        "Tell us about your health:",
    ),
    "legend": (
        "Write + for yes or O for no in the shaded column.",
        "Mark each row: + = yes (positive), O = no (negative).",
    ),
    "yes_no": ("Yes/No", "YES/NO", "Y/N"),
    "other": ("Other conditions", "Other", "Anything else"),
    "sign": ("Patient signature", "Signature of patient", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "continued": ("continued", "(continued)", "page 2"),
    "sec_insurance": ("Insurance", "Health insurance", "Billing and insurance"),
    "insurance_q": (
        "Do you have health insurance?",
        "Are you covered by a health plan?",
        "Do you have medical insurance?",
    ),
    "carrier": ("Insurance carrier", "Insurance company", "Health plan"),
    "member": ("Member ID", "Policy / member no.", "Subscriber ID"),
    "group": ("Group no.", "Group #"),
    "subscriber": ("Subscriber", "Policy holder", "Insured person"),
    "claims": ("Claims address", "Send claims to", "Insurer's address"),
    "effective": ("Effective date", "Coverage starts", "Effective"),
    "expiry": ("Coverage ends", "Expiration date", "Valid through"),
    "sec_allergy": ("Allergies", "Allergies and reactions", "Drug allergies"),
    "nkda": ("No known drug allergies", "No known allergies (NKA)"),
    "allergies": ("Allergic to", "Allergies", "List allergies"),
    "sec_meds": ("Medicines", "Current medications", "Medicines you take regularly"),
    "meds_one": ("Medicines taken regularly", "Current medicines", "Medications"),
    "med": ("Medicine", "Medication"),
    "dose": ("Dose / how often", "Dose and frequency", "How much, how often"),
    "sec_past": ("Past pregnancies", "Pregnancy history", "Previous pregnancies"),
    "past_year": ("Year", "Yr"),
    "past_weeks": ("Weeks", "Wks at birth"),
    "past_type": ("Type of delivery", "Delivery"),
    "past_weight": ("Birth weight", "Baby's weight"),
    "past_sex": ("Sex", "M / F"),
    "first_pregnancy": ("(none if this is your first pregnancy)", "(leave blank if none)"),
    "sec_plans": ("Delivery plans", "Birth plans", "Hospital and pediatrician"),
    "hospital": ("Planned hospital", "Delivering at", "Birth place"),
    "pediatrician": ("Baby's doctor", "Pediatrician", "Pediatric provider"),
    "pediatrician_phone": ("Phone", "Office phone"),
    "consent": (
        "I consent to prenatal care by the physicians and midwives of this practice and to the "
        "routine prenatal tests explained to me. I authorize the practice to bill my insurance "
        "and I understand I am responsible for any balance.",
        "The information I have given is complete and correct to the best of my knowledge. I "
        "agree to the release of my records to the hospital where I plan to deliver.",
    ),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription", "PRESCRIPTION ORDER"),
    "rx_no": ("Rx No.", "Rx #", "Script no."),
    "npi": ("NPI", "NPI #"),
    "dea": ("DEA", "DEA #"),
    "group_npi": ("Group NPI", "Practice NPI"),
    "name": ("Patient name", "Patient", "Name"),
    "dob": ("Date of birth", "DOB"),
    "address": ("Address", "Patient address", "Home address"),
    "phone": ("Phone", "Patient phone", "Tel."),
    "date": ("Date", "Date written", "Date issued"),
    "pregnant": ("Pregnant?", "Currently pregnant?"),
    "breastfeeding": ("Breastfeeding?", "Nursing?"),
    "qty": ("Qty", "Disp.", "Quantity"),
    "sig": ("Directions", "Sig", "Directions for use"),
    "refills": ("Refills", "Refill", "No. of refills"),
    "substitute": ("Substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "signature": ("Prescriber signature", "Signature"),
    "prescriber": ("Prescriber (print)", "Prescriber name", "Printed name"),
    "detach": ("Detach and keep this reminder", "Tear here and keep", "Cut along the line"),
    "reminder": ("Your next appointment", "APPOINTMENT REMINDER", "Next visit"),
    "next_date": ("Date", "Day"),
    "next_time": ("Time", "At"),
    "with": ("With", "Provider"),
    "call": ("To change this visit call", "Questions? Call"),
    "fine": (
        "Please allow 24 hours' notice to cancel or reschedule. Bring your prenatal record and "
        "your medicines to every visit.",
        "A missed appointment without notice may be billed. Prescriptions are valid for one year "
        "from the date written unless stated otherwise.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _woman(rnd: random.Random, last: str | None = None) -> str:
    """A woman's name, ``First Last`` or ``First M. Last``."""
    first = rnd.choice(FEMALE_NAMES)
    last = last or rnd.choice(values.LAST_NAMES)
    if rnd.random() < 0.2:
        return f"{first} {rnd.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    return f"{first} {last}"


def _man(rnd: random.Random, last: str | None = None) -> str:
    return f"{rnd.choice(MALE_NAMES)} {last or rnd.choice(values.LAST_NAMES)}"


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(29, 33), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice(printed)
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["addon"] = rnd.choice(("filled", "filled", "tint"))
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", "n/a", ""))
    style["no_allergies"] = rnd.choice(("NKDA", "NKA", "None known", "None"))
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["row_gap"] = rnd.randint(14, 20)
    practice = {
        "name": rnd.choice(PRACTICES),
        "services": rnd.choice(SERVICES),
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": values.phone_number(rnd),
        "fax": values.phone_number(rnd),
    }
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            practice=practice,
            prescriber_place=rnd.choice(("header", "header", "foot")),
            date_place=rnd.choice(("row", "row", "band")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.6,
            med_rows=rnd.choice((4, 5)),
            show_feeding=rnd.random() < 0.7,
        )
        style["prescriber_written"] = style["prescriber_place"] == "foot"
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        practice=practice,
        form_code=f"{rnd.choice(('OB', 'PN', 'WH', 'MAT'))}-{rnd.randint(10, 99)}"
        f" ({rnd.choice(common.MONTHS)[:3]} {rnd.randint(2015, 2023)})",
        date_place=rnd.choice(("strip", "strip", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        immunity_mode=rnd.choice(("marks", "result")),
        immunity_order=rnd.sample(["rubella", "chicken_pox", "measles"], 3),
        history_mode=rnd.choice(("plus", "plus", "yes_no")),
        meds_mode=rnd.choice(("one", "rows")),
        running=rnd.random() < 0.65,
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
    record = _between(rnd, dt.date(2019, 1, 10), dt.date(2025, 11, 30))
    fields: dict[str, Any] = {"record_date": record.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    age = rnd.randint(17, 43)
    birth = record - dt.timedelta(days=365 * age + rnd.randint(10, 350))
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = _woman(rnd, last)
    fields["birth_date"] = birth.isoformat()
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.65:
        lines.append(rnd.choice(("USA", "United States", "U.S.A.")))
    fields["address"] = ", ".join(lines)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    lmp = record - dt.timedelta(days=rnd.randint(42, 160))
    gravida = rnd.choice((1, 1, 2, 2, 3, 4))
    para = rnd.randint(0, gravida - 1)
    first = fields["patient_name"].split()[0]
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "chart": f"{rnd.choice(('', 'OB', 'W'))}{_digits(rnd, rnd.choice((6, 7)))}",
        "provider": f"{values.person_name(rnd)}, {rnd.choice(('CNM', 'MD', 'DO', 'NP'))}"
        if rnd.random() < 0.7
        else None,
        "lmp": lmp.isoformat() if rnd.random() < 0.85 else None,
        "edd": (lmp + dt.timedelta(days=280)).isoformat() if rnd.random() < 0.8 else None,
        "gp": f"G{gravida} P{para}" if rnd.random() < 0.75 else None,
        "age": age if rnd.random() < 0.75 else None,
        "blood": rnd.choice(BLOOD_GROUPS) if rnd.random() < 0.6 else None,
        "email": f"{first.lower()}.{last.lower()}{rnd.randint(1, 99)}@"
        f"{rnd.choice(('mail.com', 'inbox.net', 'example.org', 'webmail.us'))}"
        if rnd.random() < 0.6
        else None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.65 else None,
        "partner": _man(rnd, last if rnd.random() < 0.5 else None) if rnd.random() < 0.75 else None,
    }
    extras["partner_phone"] = (
        values.phone_number(rnd) if extras["partner"] and rnd.random() < 0.8 else None
    )
    if rnd.random() < 0.93:
        contact = _woman(rnd, last if rnd.random() < 0.5 else None)
        while contact in (fields["patient_name"], extras["partner"]):
            contact = _woman(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.8:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.25 else values.one_line_address(rnd)
            )
    extras["unsure_word"] = rnd.choice(("Unknown", "Don't know", "Not known"))
    tested = record - dt.timedelta(days=rnd.randint(20, 900))
    extras["tested"] = tested.isoformat() if rnd.random() < 0.7 else None
    for name in ("rubella", "chicken_pox", "measles"):
        roll = rnd.random()
        status = "immune" if roll < 0.66 else "not immune" if roll < 0.86 else None
        if status is None and rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
        if name == "rubella":
            extras["rubella_status"] = status
        elif status:
            fields[name] = status
    roll = rnd.random()
    if roll < 0.6:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.88:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.7:
        extras["hepatitis_b_vaccination_unsure"] = True
    all_caps = fonts.family(style["value_font"]).all_caps
    if rnd.random() < 0.4:
        problems: list[str] = []
    elif all_caps:  # the printed rows' words are not the hand's capitals: all written
        problems = rnd.sample(OTHER_CONDITIONS, rnd.randint(1, 2))
    else:
        marked = [c for c in PRINTED_CONDITIONS if rnd.random() < 0.12][:3]
        written = rnd.sample(OTHER_CONDITIONS, rnd.choice((0, 0, 0, 1, 2)))
        problems = (marked + written) or [rnd.choice(PRINTED_CONDITIONS)]
    fields["medical_problems"] = [c for c in PRINTED_CONDITIONS if c in problems] + [
        p for p in problems if p not in PRINTED_CONDITIONS
    ]
    extras["history_marks"] = [
        "+" if c in fields["medical_problems"] else "O" for c in PRINTED_CONDITIONS
    ]
    # page 2
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
        if rnd.random() < 0.85:
            street = rnd.choice((values.street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {values.city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                record + dt.timedelta(days=rnd.randint(60, 900))
            ).isoformat()
        extras["effective"] = (
            (record - dt.timedelta(days=rnd.randint(30, 700))).isoformat()
            if rnd.random() < 0.7
            else None
        )
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{rnd.randint(10000, 999999)}"
            if rnd.random() < 0.7
            else None
        )
        extras["subscriber"] = (
            rnd.choice(("Self", "SELF", "same"))
            if rnd.random() < 0.55
            else (extras["partner"] or _man(rnd, last))
        )
    fields["allergies"] = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    extras["nkda_box"] = not fields["allergies"] and rnd.random() < 0.7
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 3))
    fields["regular_medication"] = [] if rnd.random() < 0.45 else [d[0] for d in drugs]
    extras["med_details"] = [
        f"{rnd.choice(d[1])} {d[2]} {rnd.choice(FREQUENCIES)}" if rnd.random() < 0.85 else ""
        for d in drugs
    ]
    extras["past"] = [
        [
            str(rnd.randint(min(birth.year + 16, record.year - 2), record.year - 1)),
            str(rnd.choice((38, 39, 39, 40, 40, 41, 36, 34))),
            rnd.choice(DELIVERIES),
            rnd.choice(
                (f"{rnd.randint(5, 9)} lb {rnd.randint(0, 15)} oz", f"{rnd.randint(2400, 4300)} g")
            ),
            rnd.choice(("M", "F")),
        ]
        for _ in range(para)
    ]
    extras["past"].sort(key=lambda row: row[0])
    extras["hospital"] = rnd.choice(HOSPITALS) if rnd.random() < 0.75 else None
    extras["pediatrician"] = (
        f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.6
        else None
    )
    extras["pediatrician_phone"] = (
        values.phone_number(rnd) if extras["pediatrician"] and rnd.random() < 0.7 else None
    )
    extras["signed_date"] = record.isoformat() if rnd.random() < 0.75 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 20))
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(values.FIRST_NAMES)} "
        f"{rnd.choice(values.LAST_NAMES)}{suffix}",
        "patient_name": _woman(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if rnd.random() < 0.88:
        fields["patient_address"] = values.one_line_address(rnd)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    quantities = []
    for _, _, _, form in drugs:
        count = rnd.choice((10, 14, 20, 28, 30, 60, 90)) if form else 1
        quantities.append(rnd.choice((str(count), f"#{count}", f"{count} {form or 'inh'}")))
    birth = _between(rnd, dt.date(1976, 1, 1), dt.date(2006, 12, 31))
    extras: dict[str, Any] = {
        "specialty": rnd.choice(
            ("Obstetrics & Gynecology", "Maternal-Fetal Medicine", "Family Medicine", "OB/GYN")
        ),
        "npi": f"1{rnd.randint(100000000, 999999999)}",
        "dea": f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}"
        f"{rnd.randint(10**6, 10**7 - 1)}"
        if rnd.random() < 0.6
        else None,
        "rx_no": f"{rnd.randint(10**5, 10**7 - 1)}",
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "pregnant": rnd.choice(("yes", "no", None)),
        "breastfeeding": rnd.choice(("yes", "no", "no", None)),
        "quantities": quantities,
        "substitute": rnd.choice(("substitute", "daw", None)),
        "next_date": (written + dt.timedelta(days=rnd.randint(7, 60))).isoformat()
        if rnd.random() < 0.8
        else None,
        "next_time": rnd.choice(TIMES),
        "next_with": f"{values.person_name(rnd)}, {rnd.choice(('CNM', 'MD', 'NP', 'DO'))}"
        if rnd.random() < 0.7
        else None,
    }
    if extras["next_date"] is None:
        extras["next_time"] = None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


class _Sheet(common.Drawing):
    """One page of the forms: its faces and its input groups, boxes and tables."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.tint = tuple(round(255 - (255 - c) * 0.16) for c in self.colour)
        self.pale = tuple(round(255 - (255 - c) * 0.07) for c in self.colour)
        filled = style["addon"] == "filled"
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["addon"] = render.Face(
            label.bold if style["label_bold"] or filled else label.regular,
            size,
            (255, 255, 255) if filled else DARK,
        )
        faces["plain"] = render.Face(label.regular, size + 4, DARK)
        faces["cell"] = render.Face(label.bold, size, DARK)
        faces["head"] = render.Face(title.bold, 40, self.colour)
        faces["title"] = render.Face(title.bold, 60, DARK)
        faces["org"] = render.Face(title.bold, 52, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (75, 75, 75))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        self.value_size = float(faces["value"].size)
        # an input group's box around a baseline: from ``top`` above it to ``bottom`` under it
        self.top = self.value_size + 14
        self.bottom = self.value_size * 0.4 + 10
        self.pitch = self.top + self.bottom + float(style["row_gap"])
        self.line_gap = self.value_size * 1.5  # between the lines of a text area

    # words and values

    def label(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["label_case"] == "upper" else text

    def word(self, key: str) -> str:
        if key in ("yes", "no"):  # the form's pair of answers, printed alike
            yes, no = self.labels["yes_no"].split("/")
            return yes if key == "yes" else no
        return self.labels[key]

    def date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    # lines and shapes

    def line(
        self, x0: float, y0: float, x1: float, y1: float, width: float = 2, fill: Any = GRID
    ) -> None:
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=fill,
            width=max(1, page.px(width)),
        )

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: Any = None,
        outline: Any = GRID,
        width: float = 2,
        radius: float = 0,
    ) -> None:
        page = self.page
        box = [page.px(x0), page.px(y0), page.px(x1), page.px(y1)]
        if radius:
            page.draw.rounded_rectangle(
                box,
                radius=page.px(radius),
                fill=fill,
                outline=outline,
                width=max(1, page.px(width)) if outline else 0,
            )
        else:
            page.draw.rectangle(
                box, fill=fill, outline=outline, width=max(1, page.px(width)) if outline else 0
            )

    def cross(self, cx: float, cy: float, half: float = 20) -> None:
        """An X drawn by hand in the values' ink."""
        jitter = self.page.jitter
        for (a, b), (c, d) in (((-1, -1), (1, 1)), ((1, -1), (-1, 1))):
            self.line(
                cx + a * half + jitter.uniform(-4, 4),
                cy + b * half + jitter.uniform(-4, 4),
                cx + c * half + jitter.uniform(-4, 4),
                cy + d * half + jitter.uniform(-4, 4),
                width=6,
                fill=self.ink(),
            )

    def box(self, x: float, base: float, checked: bool) -> float:
        """A check box on the baseline, marked the copy's way when ``checked``."""
        return common.checkbox(self.page, x, base, checked=checked, mark=self.style["mark"])

    def options(
        self, x: float, base: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """``[ ] Yes  [x] No  [ ] Not sure``: a box before each printed option."""
        for key, text in options:
            x = self.box(x, base, key == chosen)
            x = self.page.text(x + 16, base, text, "plain") + 56
        return x

    def addon_width(self, label: str) -> float:
        """The width of the add-on that holds ``label``."""
        return self.page.width(label, "addon") + 2 * ADDON_PAD

    def area_base(self, base: float, line: int) -> float:
        """The baseline of a text area's line ``line`` (from 0) under its add-on at ``base``."""
        return base + self.bottom + self.value_size + 20 + line * self.line_gap

    def group(
        self,
        x0: float,
        base: float,
        x1: float,
        label: str,
        value: str | None,
        *,
        lines: int = 0,
    ) -> None:
        """An input group: a rounded box, the label in an add-on at its left, the value after.

        With ``lines`` the box is a text area of that many lines: the add-on is a tab at its
        top left and the value is not drawn here (the caller writes the lines at
        :meth:`area_base`).
        """
        page = self.page
        top = base - self.top
        add_bottom = base + self.bottom
        bottom = self.area_base(base, lines - 1) + self.bottom if lines else add_bottom
        self.rect(x0, top, x1, bottom, fill=(255, 255, 255), outline=GRID, width=2, radius=12)
        face = page.faces["addon"]
        room = max(80.0, (x1 - x0) * 0.6 - 2 * ADDON_PAD)
        end = x0 + min(self.addon_width(label), room + 2 * ADDON_PAD)
        fill = self.colour if self.style["addon"] == "filled" else self.tint
        self.rect(x0, top, end, add_bottom, fill=fill, outline=None, radius=12)
        self.rect(end - 14, top, end, add_bottom, fill=fill, outline=None)
        if lines:  # square the tab's lower corners over the text area
            self.rect(x0, add_bottom - 14, end, add_bottom, fill=fill, outline=None)
            self.line(x0, add_bottom, end, add_bottom, width=2)
        self.line(end, top, end, add_bottom, width=2)
        self.rect(x0, top, x1, bottom, outline=GRID, width=2, radius=12)
        label_base = (top + add_bottom) / 2 + face.size * 0.36
        page.text(x0 + ADDON_PAD, label_base, label, "addon", max_width=room)
        if value and not lines:
            start = end + 22
            page.text(start, base, value, "value", max_width=max(60.0, x1 - start - 40))

    def row(
        self,
        base: float,
        items: Sequence[tuple[str, str | None, float]],
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> float:
        """Input groups side by side; the next baseline.

        Each group is its add-on plus a share of the room left for the values, so a long label
        does not crowd its value out (plain shares of the width when the labels leave too
        little room).
        """
        total = sum(share for _, _, share in items)
        width = x1 - x0 - GAP * (len(items) - 1)
        addons = [self.addon_width(label) for label, _, _ in items]
        room = width - sum(addons)
        x = x0
        for (label, value, share), addon in zip(items, addons, strict=True):
            if room >= 200 * len(items):
                end = x + addon + room * share / total
            else:
                end = x + width * share / total
            self.group(x, base, end, label, value)
            x = end + GAP
        return base + self.pitch

    def heading(self, base: float, key: str) -> float:
        """A section's title in capitals with a rule on to the margin; the first row's base."""
        page = self.page
        end = page.text(LEFT, base, self.word(key).upper(), "head")
        self.line(end + 24, base - 14, RIGHT, base - 14, width=3, fill=self.colour)
        return base + 30 + self.top

    def wrapped(
        self, x: float, base: float, text: str, face: str, width: float, gap: float
    ) -> float:
        """Running text wrapped to ``width``; the last line's baseline."""
        for line in render.wrap(self.page, text, face, width):
            self.page.text(x, base, line, face)
            base += gap
        return base - gap

    def table(
        self,
        top: float,
        xs: Sequence[float],
        heads: Sequence[str],
        rows: Sequence[Sequence[str | None]],
        *,
        head_h: float = 62,
        row_h: float = 80,
    ) -> float:
        """A ruled table with a tinted header row; value cells written; its bottom."""
        page = self.page
        self.rect(xs[0], top, xs[-1], top + head_h, fill=self.pale, outline=None)
        for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
            page.text(x0 + 16, top + head_h / 2 + 12, head, "cell", max_width=x1 - x0 - 30)
        for k, row in enumerate(rows):
            row_top = top + head_h + k * row_h
            base = row_top + row_h / 2 + self.value_size * 0.36
            for value, x0, x1 in zip(row, xs, xs[1:], strict=False):
                if value:
                    page.text(x0 + 22, base, value, "value", max_width=x1 - x0 - 44)
            self.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        bottom = top + head_h + len(rows) * row_h
        self.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
        for x in xs[1:-1]:
            self.line(x, top, x, bottom, width=1.5)
        return bottom


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _letterhead(sheet: _Sheet, *, compact: bool) -> float:
    """The practice's name and numbers at the top left; the baseline under them."""
    page = sheet.page
    practice = sheet.style["practice"]
    # the emblem: a ring with a smaller disc inside, in the form's colour
    cx, cy, r = LEFT + 55, 175.0, 52.0
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
        outline=sheet.colour,
        width=max(1, page.px(9)),
    )
    page.draw.ellipse(
        [page.px(cx - 22), page.px(cy - 8), page.px(cx + 22), page.px(cy + 36)],
        fill=sheet.colour,
    )
    page.draw.ellipse(
        [page.px(cx - 13), page.px(cy - 36), page.px(cx + 13), page.px(cy - 10)],
        fill=sheet.colour,
    )
    x = LEFT + 140
    page.text(x, 170, practice["name"], "org", max_width=1300)
    if compact:
        return 260.0
    page.text(x, 220, practice["services"], "org_small", max_width=1300)
    page.text(x, 262, f"{practice['street']}, {practice['city']}", "org_small", max_width=1300)
    tel = common.phone_text(practice["phone"], sheet.style)
    fax = common.phone_text(practice["fax"], sheet.style)
    page.text(x, 304, f"Tel {tel}   Fax {fax}", "org_small", max_width=1300)
    return 340.0


def _footer(sheet: _Sheet, text: str) -> None:
    sheet.page.text(LEFT, FOOTER, text, "fine")
    sheet.page.text(RIGHT, FOOTER, sheet.style["practice"]["name"], "fine", anchor="rs")


# --- the patient record ---------------------------------------------------------------------


def _immunity(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The immunity table and the hepatitis B question; the baseline after them."""
    page = sheet.page
    style = sheet.style
    rows: list[tuple[str, str | None, bool]] = []
    for name in style["immunity_order"]:
        status = extras.get("rubella_status") if name == "rubella" else fields.get(name)
        rows.append((sheet.word(name), status, bool(extras.get(f"{name}_unsure"))))
    row_h = max(74.0, sheet.value_size + 28)
    if style["immunity_mode"] == "marks":
        xs = [LEFT, 1050.0, 1490.0, 1930.0, RIGHT]
        heads = [sheet.label(k) for k in ("disease_col", "immune", "not_immune", "unknown")]
        bottom = sheet.table(top, xs, heads, [[None] * 4 for _ in rows], row_h=row_h)
        for k, (text, status, unsure) in enumerate(rows):
            row_top = top + 62 + k * row_h
            page.text(LEFT + 22, row_top + row_h / 2 + 14, text, "plain", max_width=850)
            column = {"immune": 1, "not immune": 2}.get(status or "", 3 if unsure else 0)
            if column:
                cx = (xs[column] + xs[column + 1]) / 2
                sheet.cross(cx, row_top + row_h / 2, 22)
    else:
        xs = [LEFT, 1050.0, 1750.0, RIGHT]
        heads = [sheet.label(k) for k in ("disease_col", "result_col", "tested_col")]
        words = {"immune": sheet.word("immune"), "not immune": sheet.word("not_immune")}
        cells: list[list[str | None]] = []
        for _, status, unsure in rows:
            written = words.get(status or "") or (extras.get("unsure_word") if unsure else None)
            tested = sheet.date(extras.get("tested")) if status or unsure else None
            cells.append([None, written, tested])
        bottom = sheet.table(top, xs, heads, cells, row_h=row_h)
        for k, (text, _, _) in enumerate(rows):
            row_top = top + 62 + k * row_h
            page.text(LEFT + 22, row_top + row_h / 2 + 14, text, "plain", max_width=850)
    base = bottom + 90
    end = page.text(LEFT, base, sheet.word("hep_b"), "plain", max_width=1450) + 40
    answer = fields.get("hepatitis_b_vaccination")
    if answer is None and extras.get("hepatitis_b_vaccination_unsure"):
        answer = "unsure"
    sheet.options(
        max(end, 1300.0),
        base,
        [("yes", sheet.word("yes")), ("no", sheet.word("no")), ("unsure", sheet.word("not_sure"))],
        answer,
    )
    return base


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], base: float
) -> float:
    """The numbered condition table in two halves and the "other" group; the next baseline."""
    page = sheet.page
    style = sheet.style
    page.text(LEFT, base, sheet.word("history_q"), "plain")
    plus = style["history_mode"] == "plus"
    if plus:
        page.text(RIGHT, base, sheet.word("legend"), "note", anchor="rs", max_width=1000)
    marks = list(extras.get("history_marks") or [])
    answered = "medical_problems" in fields
    top = base + 34
    half = (RIGHT - LEFT - 60) / 2
    row_h = max(62.0, sheet.value_size + 16)
    head_h = 52.0
    for side in range(2):
        x0 = LEFT + side * (half + 60)
        x1 = x0 + half
        mark_w = 130.0 if plus else 220.0
        xs = [x0, x0 + 80, x1 - mark_w, x1] if plus else [x0, x0 + 80, x1 - mark_w, x1 - 110, x1]
        heads = ["#", "", "+ / O"] if plus else ["#", "", sheet.word("yes"), sheet.word("no")]
        if plus:
            mark_x = xs[2]
            sheet.rect(mark_x, top + head_h, x1, top + head_h + 6 * row_h, fill=sheet.tint)
        rows: list[list[str | None]] = []
        for k in range(6):
            index = side * 6 + k
            mark = marks[index] if answered and index < len(marks) else None
            rows.append([None, None, mark] if plus else [None] * 4)
        sheet.table(top, xs, heads, rows, head_h=head_h, row_h=row_h)
        for k in range(6):
            index = side * 6 + k
            row_base = top + head_h + k * row_h + row_h / 2 + 13
            page.text(x0 + 40, row_base, f"{index + 1}", "plain", anchor="ms")
            page.text(xs[1] + 20, row_base, PRINTED_CONDITIONS[index], "plain")
            if not plus and answered and index < len(marks):
                column = 2 if marks[index] == "+" else 3
                sheet.cross((xs[column] + xs[column + 1]) / 2, row_base - 13, 18)
    base = top + head_h + 6 * row_h + 30 + sheet.top
    problems = fields.get("medical_problems")
    written = [p for p in problems or [] if p not in PRINTED_CONDITIONS]
    if problems is not None and not problems:
        other: str | None = style["empty_list"] or None
    else:
        other = ", ".join(written) or None
    return sheet.row(base, [(sheet.label("other"), other, 1.0)])


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _letterhead(sheet, compact=False)

    # the title, the instruction and the office line at the right
    page.text(RIGHT, 180, sheet.word("title"), "title", anchor="rs", max_width=900)
    page.text(RIGHT, 230, sheet.word("instruct"), "note", anchor="rs", max_width=900)
    x = 1240.0
    x = page.text(x, 300, "OFFICE USE", "note") + 30
    for key, value in (("chart", extras.get("chart")), ("provider", extras.get("provider"))):
        x = page.text(x, 300, f"{sheet.label(key)}:", "note") + 12
        end = x + 210 if key == "chart" else RIGHT
        sheet.line(x, 308, end - 10, 308, width=1.5, fill=RULE)
        if value:
            page.text(x + 6, 296, str(value), "value", max_width=end - x - 20, size=36)
        x = end + 20
    sheet.line(LEFT, 350, RIGHT, 350, width=4, fill=sheet.colour)

    # the dating strip
    base = 390 + sheet.top
    strip: list[tuple[str, str | None, float]] = []
    if style["date_place"] == "strip":
        strip.append((sheet.label("record_date"), sheet.date(fields.get("record_date")), 1.2))
    strip += [
        (sheet.label("lmp"), sheet.date(extras.get("lmp")), 1.2),
        (sheet.label("edd"), sheet.date(extras.get("edd")), 1.2),
        (sheet.label("gp"), extras.get("gp"), 0.55),
    ]
    base = sheet.row(base, strip)

    # the patient
    base = sheet.heading(base + 20, "sec_patient")
    name = fields.get("patient_name") or ""
    birth = sheet.date(fields.get("birth_date"), short_year=False)
    age = extras.get("age")
    age_text = str(age) if age is not None else None
    if style["name_mode"] == "one":
        names = [(sheet.label("name"), name or None, 1.6)]
    else:
        given, _, surname = name.rpartition(" ")
        names = [(sheet.label("last"), surname or None, 1.0)]
        names.append((sheet.label("first"), given or None, 1.0))
    base = sheet.row(
        base, [*names, (sheet.label("dob"), birth, 1.1), (sheet.label("age"), age_text, 0.5)]
    )
    lines = common.address_lines(fields, extras)
    phone = (sheet.label("phone"), sheet.phone(fields.get("phone")), 1.0)
    email = (sheet.label("email"), extras.get("email"), 1.25)
    if style["address_mode"] == "one":
        address = ", ".join(line for line in lines if line) or None
        base = sheet.row(base, [(sheet.label("address"), address, 1.0)])
        base = sheet.row(base, [phone, email])
    else:
        base = sheet.row(
            base, [(sheet.label("street"), lines[0], 1.1), (sheet.label("city"), lines[1], 1.0)]
        )
        base = sheet.row(base, [(sheet.label("country"), lines[2], 0.75), phone, email])
    base = sheet.row(
        base,
        [
            (sheet.label("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 1.2),
            (sheet.label("height"), _with_unit(fields, "height", extras.get("height_unit")), 0.7),
            (sheet.label("blood"), extras.get("blood"), 0.8),
            (sheet.label("occupation"), extras.get("occupation"), 1.0),
        ],
    )

    # partner and emergency contact
    base = sheet.heading(base + 20, "sec_people")
    base = sheet.row(
        base,
        [
            (sheet.label("partner"), extras.get("partner"), 1.3),
            (sheet.label("partner_phone"), sheet.phone(extras.get("partner_phone")), 1.0),
        ],
    )
    base = sheet.row(
        base,
        [
            (sheet.label("contact"), fields.get("emergency_contact_name"), 1.4),
            (sheet.label("relation"), extras.get("relation"), 0.75),
            (sheet.label("contact_home"), sheet.phone(fields.get("emergency_contact_phone")), 1.0),
        ],
    )
    base = sheet.row(
        base,
        [
            (sheet.label("contact_address"), fields.get("emergency_contact_address"), 1.7),
            (sheet.label("contact_other"), sheet.phone(extras.get("emergency_work_phone")), 0.9),
        ],
    )

    # immunity, then the medical history
    top = sheet.heading(base + 20, "sec_immunity") - sheet.top - 10
    base = _immunity(sheet, fields, extras, top)
    base = sheet.heading(base + 110, "sec_history") - sheet.top + 10
    base = _history(sheet, fields, extras, base)

    # the foot: signature, and the record date here when the strip has none
    sign = max(base + 60, 3040.0)
    sheet.line(LEFT, sign + 24, 1250, sign + 24, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, 1050, sign + 10, sheet.ink())
    page.text(LEFT, sign + 64, sheet.word("sign"), "note")
    if style["date_place"] == "foot":
        sheet.row(
            sign, [(sheet.label("sign_date"), sheet.date(fields.get("record_date")), 1.0)], 1400
        )
    _footer(sheet, f"{style['form_code']}   Page 1 of 2")
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    y = _letterhead(sheet, compact=True)
    page.text(RIGHT, 170, f"{sheet.word('title')} {sheet.word('continued')}", "plain", anchor="rs")
    sheet.line(LEFT, y, RIGHT, y, width=4, fill=sheet.colour)
    base = y + 50 + sheet.top
    if style["running"]:
        base = sheet.row(
            base,
            [
                (sheet.label("name"), fields.get("patient_name"), 1.4),
                (sheet.label("dob"), sheet.date(fields.get("birth_date"), short_year=False), 1.0),
            ],
        )

    # insurance
    base = sheet.heading(base + 10, "sec_insurance") - sheet.top + 50
    end = page.text(LEFT, base, sheet.word("insurance_q"), "plain") + 50
    sheet.options(
        end,
        base,
        [("yes", sheet.word("yes")), ("no", sheet.word("no"))],
        fields.get("has_insurance"),
    )
    base += 40 + sheet.top
    base = sheet.row(
        base,
        [
            (sheet.label("carrier"), fields.get("insurance_company"), 1.3),
            (
                sheet.label("member"),
                extras.get("policy_number_printed") or fields.get("policy_number"),
                1.0,
            ),
        ],
    )
    base = sheet.row(
        base,
        [
            (sheet.label("group"), extras.get("group"), 0.8),
            (sheet.label("subscriber"), extras.get("subscriber"), 1.2),
        ],
    )
    base = sheet.row(base, [(sheet.label("claims"), fields.get("insurance_address"), 1.0)])
    base = sheet.row(
        base,
        [
            (sheet.label("effective"), sheet.date(extras.get("effective")), 1.0),
            (sheet.label("expiry"), sheet.date(fields.get("insurance_expiry")), 1.0),
        ],
    )

    # allergies
    base = sheet.heading(base + 10, "sec_allergy") - sheet.top + 50
    nkda = bool(extras.get("nkda_box"))
    x = sheet.box(LEFT, base, nkda)
    page.text(x + 16, base, sheet.word("nkda"), "plain")
    base += 40 + sheet.top
    allergies = None if nkda else common.list_text(fields.get("allergies"), style["no_allergies"])
    base = sheet.row(base, [(sheet.label("allergies"), allergies, 1.0)])

    # medicines
    base = sheet.heading(base + 10, "sec_meds")
    medication = list(fields.get("regular_medication") or [])
    if style["meds_mode"] == "one":
        text = common.list_text(fields.get("regular_medication"), style["empty_list"])
        base = sheet.row(base, [(sheet.label("meds_one"), text, 1.0)])
    else:
        details = list(extras.get("med_details") or [])
        for k in range(3):
            name: str | None = None
            detail: str | None = None
            if k < len(medication):
                name = medication[k]
                detail = (details[k] if k < len(details) else "") or None
            elif k == 0 and "regular_medication" in fields:
                name = style["empty_list"] or None
            page.text(LEFT, base, f"{k + 1}.", "plain")
            base = sheet.row(
                base,
                [(sheet.label("med"), name, 1.2), (sheet.label("dose"), detail, 1.0)],
                LEFT + 60,
            )

    # past pregnancies
    top = sheet.heading(base + 10, "sec_past") - sheet.top
    past = list(extras.get("past") or [])
    page.text(LEFT, top + 10, sheet.word("first_pregnancy"), "note")
    top += 30
    xs = [LEFT, 520.0, 860.0, 1400.0, 1990.0, RIGHT]
    heads = [sheet.label(k) for k in ("past_year", "past_weeks", "past_type", "past_weight")]
    heads.append(sheet.label("past_sex"))
    rows: list[list[str | None]] = [list(row) for row in past[:3]]
    rows += [[None] * 5 for _ in range(3 - len(rows))]
    bottom = sheet.table(top, xs, heads, rows, head_h=56, row_h=max(70.0, sheet.value_size + 26))

    # delivery plans
    base = sheet.heading(bottom + 110, "sec_plans")
    base = sheet.row(
        base,
        [
            (sheet.label("hospital"), extras.get("hospital"), 1.0),
        ],
    )
    base = sheet.row(
        base,
        [
            (sheet.label("pediatrician"), extras.get("pediatrician"), 1.2),
            (sheet.label("pediatrician_phone"), sheet.phone(extras.get("pediatrician_phone")), 0.9),
        ],
    )

    # consent and signature
    last = sheet.wrapped(LEFT, base - 20, sheet.word("consent"), "note", RIGHT - LEFT, 36)
    sign = max(last + 140, 3040.0)
    sheet.line(LEFT, sign + 24, 1250, sign + 24, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, 1050, sign + 10, sheet.ink())
    page.text(LEFT, sign + 64, sheet.word("sign"), "note")
    sheet.row(sign, [(sheet.label("sign_date"), sheet.date(extras.get("signed_date")), 1.0)], 1400)
    _footer(sheet, f"{style['form_code']}   Page 2 of 2")
    return page.image


# --- the prescription -----------------------------------------------------------------------


def _rx_mark(sheet: _Sheet, x: float, y: float) -> float:
    page = sheet.page
    if sheet.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(family.regular, 140, sheet.colour)
        return page.text(x, y, fonts.RX_GLYPH, "rx")
    title = fonts.family(sheet.style["title_font"])
    page.faces["rx"] = render.Face(title.bold, 110, sheet.colour)
    return page.text(x, y, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _letterhead(sheet, compact=False)
    page.faces["who"] = render.Face(fonts.family(style["title_font"]).bold, 50, DARK)

    # the prescriber (or the group's number) at the right
    x = RIGHT
    if style["prescriber_place"] == "header":
        page.text(x, 170, fields.get("prescriber") or "", "who", anchor="rs", max_width=900)
        page.text(x, 220, extras.get("specialty") or "", "org_small", anchor="rs")
        numbers = f"{sheet.label('npi')} {extras.get('npi')}"
        if extras.get("dea"):
            numbers += f"   {sheet.label('dea')} {extras['dea']}"
        page.text(x, 262, numbers, "org_small", anchor="rs")
    else:
        page.text(
            x, 220, f"{sheet.label('group_npi')} {extras.get('npi')}", "org_small", anchor="rs"
        )

    # the title band
    band_top, band_bottom = 370.0, 470.0
    sheet.rect(LEFT - 20, band_top, RIGHT + 20, band_bottom, fill=sheet.colour, outline=None)
    page.faces["band"] = render.Face(fonts.family(style["title_font"]).bold, 50, (255, 255, 255))
    page.faces["band_small"] = render.Face(
        fonts.family(style["label_font"]).regular, 32, (255, 255, 255)
    )
    page.text(LEFT + 10, band_bottom - 32, sheet.word("title"), "band")
    date_text = sheet.date(fields.get("date"))
    page.text(1120, band_bottom - 34, f"{sheet.label('rx_no')} {extras.get('rx_no')}", "band_small")
    base = band_bottom + 70 + sheet.top
    if style["date_place"] == "band":
        end = page.text(1700, band_bottom + 90, f"{sheet.label('date')}:", "plain") + 24
        if date_text:
            page.text(end, band_bottom + 90, date_text, "value", max_width=RIGHT - end - 10)
        base += 80

    # the patient
    base = sheet.row(
        base,
        [
            (sheet.label("name"), fields.get("patient_name"), 1.5),
            (sheet.label("dob"), sheet.date(extras.get("patient_dob"), short_year=False), 1.0),
        ],
    )
    base = sheet.row(base, [(sheet.label("address"), fields.get("patient_address"), 1.0)])
    phone_row: list[tuple[str, str | None, float]] = [
        (sheet.label("phone"), sheet.phone(extras.get("patient_phone")), 1.0)
    ]
    if style["date_place"] == "row":
        phone_row.append((sheet.label("date"), date_text, 1.0))
    base = sheet.row(base, phone_row)
    if style["show_feeding"]:
        x = LEFT
        for key in ("pregnant", "breastfeeding"):
            x = page.text(x, base, sheet.label(key), "plain") + 30
            x = sheet.options(x, base, [("yes", "Yes"), ("no", "No")], extras.get(key)) + 60
        base += 90

    # the medicines
    rx_base = base + 90
    rx_end = _rx_mark(sheet, LEFT, rx_base)
    med_x = max(rx_end + 40, LEFT + 220)
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    qty_x = 1850.0
    base = rx_base + 30
    for k in range(int(style["med_rows"])):
        page.text(med_x, base, f"{k + 1}.", "plain")
        start = med_x + 60
        sheet.line(start, base + 24, qty_x - 40, base + 24, 2, RULE)
        if k < len(medicines):
            page.text(start + 10, base, medicines[k], "value", max_width=qty_x - start - 70)
        quantity = quantities[k] if k < len(quantities) and k < len(medicines) else None
        sheet.row(base, [(sheet.label("qty"), quantity, 1.0)], qty_x)
        base += sheet.value_size + 52

    # the directions, a text area
    base += 30
    directions = fields.get("directions") or ""
    width = RIGHT - LEFT - 60
    lines = render.wrap(page, directions, "value", width) if directions else []
    count = max(3, len(lines))
    sheet.group(LEFT, base, RIGHT, sheet.label("sig"), None, lines=count)
    for k, line in enumerate(lines):
        page.text(LEFT + 30, sheet.area_base(base, k), line, "value", max_width=width)
    base = sheet.area_base(base, count - 1) + sheet.pitch + 10

    # refills and substitution
    refills = fields.get("refills")
    sheet.row(
        base, [(sheet.label("refills"), None if refills is None else str(refills), 1.0)], LEFT, 800
    )
    x = 900.0
    for key in ("substitute", "daw"):
        x = sheet.box(x, base, extras.get("substitute") == key)
        x = page.text(x + 16, base, sheet.word(key), "plain") + 60

    # the signature, and the prescriber's printed name under it when not in the header
    sign = base + 180
    sheet.line(1300, sign + 24, RIGHT, sign + 24, width=3, fill=(60, 60, 60))
    page.scribble(1360, 2200, sign + 10, sheet.ink())
    page.text(1300, sign + 64, sheet.word("signature"), "note")
    if style["prescriber_place"] == "foot":
        sheet.row(sign, [(sheet.label("prescriber"), fields.get("prescriber"), 1.0)], LEFT, 1230)

    # the perforation and the appointment reminder
    cut = max(sign + 150, 2640.0)
    x = LEFT - 40
    while x < RIGHT + 40:
        sheet.line(x, cut, x + 26, cut, width=3, fill=(110, 110, 110))
        x += 46
    page.text(RIGHT, cut - 16, sheet.word("detach"), "note", anchor="rs")
    base = cut + 90
    page.text(LEFT, base, sheet.word("reminder"), "head")
    base += 30 + sheet.top
    base = sheet.row(
        base,
        [
            (sheet.label("next_date"), sheet.date(extras.get("next_date")), 1.1),
            (sheet.label("next_time"), extras.get("next_time"), 0.7),
            (sheet.label("with"), extras.get("next_with"), 1.4),
        ],
    )
    practice = style["practice"]
    call = f"{sheet.word('call')} {common.phone_text(practice['phone'], style)}"
    page.text(LEFT, base - 30, call, "plain", max_width=RIGHT - LEFT)
    page.text(LEFT, FOOTER, sheet.word("fine"), "fine", max_width=RIGHT - LEFT)
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
