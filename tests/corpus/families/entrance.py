"""A university's student entrance health record and a health service's tinted prescription form.

Written blind as the held-out family of round 21 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the
entrance health record (immunization compliance and insurance waiver) a university's student
health service has every new student complete before the first term; the prescription is the
standard form of a public health service, printed on tinted security paper with white writing
panels, filled in by hand or printed on by the prescriber's computer.

Patient record (two pages). One colour per form; label wording drawn per form from synonym
lists. Sections are headed per form by a full-width band in the colour with the title in white
capitals, a small coloured tab with the title in white and a rule running from it, or the title
in coloured capitals over a double rule; sections are numbered through both pages.

* Fields are placed in one of two ways, per form. On *trailing* forms every value is written on
  a rule and its label is printed *after* the rule, right-aligned at the end of the field's
  cell, in small grey type (in parentheses on some forms): the value stands left of its label.
  On *keyed* forms the rules carry only a small ringed number; the labels are given in a key
  under the section (each number in its ring followed by the label), like footnotes. Two to
  three fields share a line.
* Page 1 head: the university's seal (a ring with the initials), its name, the service's name,
  street and city, telephone and fax (distractors) at the left; the form's title at the right,
  the entering term written on a rule, and the student ID number written one digit to a box in
  a comb of boxes (a distractor). On the forms with the date "in the head" the date the form
  was completed (the record date) is a field under the term. A line of instructions follows.
* Student information: the name (one field, or a family-name field and a given-names field
  with the middle initial: the truth is ``First M. Last``) and the date of birth; the e-mail
  address (a distractor) and the cell phone (``phone``); the permanent home address as three
  fields (street; city, state, ZIP; country: the truth joins the written parts with ``", "``)
  or one wide field; the campus or local address (a residence hall and room, a distractor),
  the height and the weight (the unit written after the number, when the copy uses one); the
  sex as two printed options with a box each (a distractor).
* Emergency contact: the name and the relationship (a distractor); the primary telephone
  (``emergency_contact_phone``) and an alternate telephone (a distractor); the contact's address
  on a wide field.
* Immunization record: a ruled table with a tinted header row: the vaccine; three dose-date
  columns (dates of childhood and adult doses: distractors); an immunity / status column. The
  MMR row carries measles and the varicella row chickenpox, each as three printed options
  (``Imm`` / ``Non`` / ``Unk``, ``Immune`` / ``Not immune`` / ``Unknown`` or ``Pos`` / ``Neg``
  / ``?``, per form) with a box after each, the chosen one ticked or crossed, a key line under
  the table spelling the options out; the hepatitis B row asks whether the series is complete
  (yes / no / not sure boxes). Tdap and, on most forms, meningococcal rows hold only dose dates.
  An unknown or unanswered status leaves the field out.
* Health history: a yes / no question about long-term conditions (boxes), the conditions
  written comma-separated on two rules after a short prompt (or the copy's word for none).
* When the page has room, a framed box a clinician fills in to vouch for the vaccination dates:
  the clinician's name, the office telephone and the date verified (distractors all).
* The foot: the student's signature and, on the forms with the date "at the foot", the date
  signed (the record date); fine print and the page number.

Page 2: a compact head (the service's name, the form's title, the student ID comb again). Then,
in a per-form order, allergies and medications, and health insurance:

* Allergies: a "no known allergies" box (ticked when there are none) over a table of the
  allergen (``allergies``) and the reaction (a distractor). Medications: a "none" box over a
  table of the medicine (``regular_medication``), its strength and how often (distractors).
* Health insurance: a yes / no question (``has_insurance``; unanswered on some copies, then left
  out); the carrier (``insurance_company``) and the carrier's telephone (a distractor); the
  member ID / policy number (written as on the card), the group number (a distractor) and the
  coverage end date (``insurance_expiry``); the policyholder ("Self" or a parent's name) and
  the relationship (distractors); the claims address on a wide field. Two dashed frames for a
  copy of the card follow.
* An office-use box: the reviewer's name, a review date (after the record date) and a status
  (a box ticked): distractors. Fine print and the page number.

Prescription (one page): the whole page tinted (green, lilac, blue or peach per form) inside a
darker frame, the form's service name and title at the top left and a form code at the right.

* Top row: a *pharmacy stamp* panel at the left (empty, or carrying a pharmacy's rubber stamp
  with its name, street and telephone: distractors); a narrow column of small panels with the
  patient's age and date of birth (distractors) and, on the forms with the date "at the side",
  the date (``date``); a white panel captioned with the per-form wording for "patient's name
  and address", holding the name and the address (street, then the city line: the truth joins
  them with ``", "``) and a health service number (digits grouped three, three and four: a
  distractor).
* A strip with the number of days' treatment written on a short rule (a distractor).
* The items panel: an endorsement column at the left (pharmacy use: a dispensing date and
  pack sizes when a pharmacy has stamped the form, distractors), and in the white area the ℞
  (or ``Rx``, or nothing, per form), one medicine a line (``medicines``) with its quantity at the
  right (a distractor); under the medicines the directions under their caption (``directions``)
  and the repeats, either as ``0`` to ``5`` and ``PRN`` with a box after each (a larger number
  written after "other") or a number written on a short rule, per form (``refills``).
* The foot: the prescriber's signature panel and, on the forms with the date "at the foot", the
  date panel beside it; the prescriber's block under them, as a rubber stamp in violet or blue
  ink or printed in black, per form: the name (``prescriber``, titles kept), a specialty line on
  some copies, street and city, telephone and the prescriber and practice codes (distractors).
  A serial number with a strip of bars and fine print at the very foot.
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

LEFT, RIGHT = 160.0, 2390.0
INK_DARK = (28, 28, 28)
SOFT = (100, 100, 100)
HAIR = (150, 150, 150)
ROW = 112.0  # from one line of fields to the next

# fmt: off
COLOURS = ([22, 78, 132], [128, 36, 48], [20, 104, 84], [92, 58, 136], [164, 84, 18],
           [52, 64, 78])
# the prescription paper: frame colour and page tint
PAPERS = (([34, 110, 64], [229, 242, 231]), ([112, 70, 142], [240, 233, 247]),
          ([38, 88, 142], [228, 238, 248]), ([160, 88, 40], [251, 237, 225]))
STAMP_INKS = ([88, 52, 150], [36, 62, 150], [30, 30, 30])
UNIVERSITIES = ("Lakeshore", "Northgate", "Westbrook", "Fairhaven", "Granite State",
                "Three Rivers", "Blue Ridge", "Bayview", "Prairie", "Cascade", "Kingsley",
                "Meridian")
UNI_KINDS = ("University", "State University", "College", "Institute of Technology")
HALLS = ("Birch", "Oak", "Founders", "Lakeview", "Hamilton", "Carver", "Meadow", "Summit",
         "Pioneer", "Rivera")
RELATIONS = ("Mother", "Father", "Parent", "Sister", "Brother", "Aunt", "Uncle", "Guardian",
             "Grandmother", "Spouse", "Partner", "Friend")
HOLDER_RELATIONS = ("Mother", "Father", "Parent", "Spouse", "Guardian")
REACTIONS = ("Hives", "Rash", "Swelling", "Wheezing", "Anaphylaxis", "Itching", "Nausea",
             "Throat tightness", "Vomiting")
FREQUENCIES = ("Once daily", "Twice daily", "At bedtime", "As needed", "Every morning",
               "Three times daily", "Weekly")
SERVICES = ("Community Health Service", "Public Health Prescribing Service",
            "District Health Authority", "State Health Plan", "Regional Health Board")
PHARMACIES = ("Main Street Pharmacy", "Corner Drug Store", "Riverside Chemist",
              "Parkview Apothecary", "Hilltop Pharmacy", "Central Dispensary")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Entrance Health Record",
        "New Student Health Form",
        "Pre-Entrance Health Report",
        "Student Health Clearance Form",
    ),
    "dept": (
        "Student Health Services",
        "Student Health Center",
        "University Health Service",
        "Campus Health & Wellness",
    ),
    "term": ("Entering term", "Term of entry", "Starting semester"),
    "sid": ("Student ID no.", "University ID", "Student number"),
    "instructions": (
        "Complete every part in ink and return this form before the first day of classes. "
        "Incomplete forms delay registration.",
        "Please print clearly. Send this form with copies of your vaccination records by the "
        "deadline on your admission letter.",
        "All entering students must complete both pages. Keep a copy for your records.",
    ),
    "date_done": ("Date completed", "Date of this form", "Form completed on"),
    "sec_student": ("Student information", "About the student", "Personal data"),
    "last": ("Family name", "Surname", "Last / family name"),
    "first": ("Given name(s), M.I.", "First name & middle initial", "Given names"),
    "full": ("Full legal name", "Student's name", "Name: first, middle, last"),
    "dob": ("Date of birth", "Birthdate", "D.O.B."),
    "email": ("University e-mail", "Student e-mail", "E-mail address"),
    "phone": ("Cell phone", "Mobile number", "Personal phone"),
    "street": ("Permanent address: street", "Home street address", "Street, permanent home"),
    "city": ("City, state, ZIP", "Town / state / postal code", "City / State / ZIP"),
    "country": ("Country", "Nation"),
    "home_one": ("Permanent home address", "Home address, permanent"),
    "campus": ("Campus / local address", "Residence hall & room", "Local address while enrolled"),
    "height": ("Height", "Ht."),
    "weight": ("Weight", "Wt."),
    "sex": ("Sex", "Gender"),
    "sex_options": ("M|F", "Male|Female"),
    "sec_contact": ("Emergency contact", "In an emergency, notify", "Person to notify"),
    "contact": ("Name of contact", "Contact person", "Notify"),
    "relation": ("Relationship", "Relation to student"),
    "c_phone": ("Primary phone", "Day phone", "Main number"),
    "c_alt": ("Alternate phone", "Evening / cell", "Other phone"),
    "c_address": ("Contact's address", "Address of contact", "Mailing address of contact"),
    "sec_immun": ("Immunization record", "Required immunizations", "Vaccination history"),
    "vaccine": ("Vaccine", "Immunization"),
    "doses": ("Dose 1|Dose 2|Dose 3", "1st dose|2nd dose|3rd dose", "Date #1|Date #2|Date #3"),
    "status": ("Immunity", "Titer / status", "Evidence of immunity"),
    "mmr": ("MMR (measles, mumps, rubella)", "Measles (MMR)"),
    "varicella": ("Varicella (chickenpox)", "Chickenpox / varicella"),
    "hep_b": ("Hepatitis B series", "Hepatitis B (Hep B)"),
    "tdap": ("Tdap (tetanus, diphtheria, pertussis)", "Tetanus booster (Tdap / Td)"),
    "mening": ("Meningococcal ACWY", "Meningitis (MenACWY)"),
    "hep_b_q": ("Series complete?", "All doses received?", "Completed?"),
    "hep_b_options": ("Yes|No|Not sure", "Y|N|Unsure"),
    "sec_history": ("Health history", "Medical conditions", "Ongoing health concerns"),
    "q_conditions": (
        "Do you have a chronic illness or a condition that needs ongoing care?",
        "Are you being treated for any long-term medical condition?",
        "Has a health care provider diagnosed you with an ongoing condition?",
    ),
    "yes_no": ("Yes|No", "Y|N"),
    "list_them": ("If yes, name each condition:", "If yes, please list:", "Condition(s):"),
    "provider_box": (
        "Health care provider verification",
        "To be completed by your doctor or nurse",
        "Clinician attestation",
    ),
    "provider_note": (
        "I have checked the vaccination dates above against the student's records.",
        "The dates above are copied from official immunization records.",
    ),
    "provider": ("Provider name (print)", "Clinician", "Doctor or nurse"),
    "provider_phone": ("Office phone", "Clinic telephone"),
    "provider_date": ("Date verified", "Date"),
    "sign": ("Signature of student", "Student's signature", "Signed (student)"),
    "sign_date": ("Date", "Date signed"),
    "sec_allergy": ("Allergies", "Allergy information", "Drug, food & other allergies"),
    "nka": ("No known allergies", "None known (NKA)", "I have no allergies"),
    "allergen": ("Allergic to", "Allergen", "Substance"),
    "reaction": ("Reaction", "What happens", "Type of reaction"),
    "sec_meds": ("Current medications", "Medicines taken regularly", "Daily medicines"),
    "no_meds": ("I take no regular medicines", "None", "No current medications"),
    "med": ("Medication name", "Medicine", "Drug"),
    "med_dose": ("Strength", "Dose"),
    "med_how": ("How often", "Frequency", "Schedule"),
    "sec_ins": ("Health insurance coverage", "Insurance waiver information", "Other coverage"),
    "q_ins": (
        "Are you covered by a health insurance plan other than the university's?",
        "Do you have your own health insurance?",
        "Are you enrolled in a private or family health plan?",
    ),
    "carrier": ("Insurance carrier", "Name of insurer", "Health plan / carrier"),
    "carrier_phone": ("Carrier phone, back of card", "Member services phone", "Plan telephone"),
    "member": ("Member ID / policy no.", "Subscriber ID", "Certificate / policy number"),
    "group": ("Group no.", "Group number", "Employer group #"),
    "end": ("Coverage end date", "Plan year ends", "Termination date"),
    "holder": ("Policyholder", "Subscriber's name", "Primary insured"),
    "holder_rel": ("Relation to student", "Relationship"),
    "claims": ("Claims mailing address", "Address for claims", "Carrier's address"),
    "card": ("Copy of card: front|back", "Card front|Card back", "Front of card|Back of card"),
    "office": ("For Student Health use only", "Office use", "Clinic use only"),
    "reviewed": ("Reviewed by", "Verified by"),
    "rev_date": ("Date", "On"),
    "office_status": ("Cleared|Hold|Incomplete", "Compliant|Not compliant|Pending"),
    "fine": (
        "Information on this form is confidential and is used by Student Health only. It is "
        "not part of your academic record.",
        "Records are kept confidential as required by law. Questions: call or write the "
        "Student Health office.",
    ),
    "page": ("Page {} of 2", "{} / 2", "Page {}"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription Form", "Prescription (Outpatient)"),
    "pharmacy": ("Pharmacy stamp", "Dispenser's stamp", "Pharmacy use: stamp"),
    "age": ("Age", "Age (yrs)"),
    "dob": ("D.o.B", "Date of birth", "Birth date"),
    "patient": (
        "Patient's name and address",
        "Title, forename, surname & address",
        "Name and address of patient",
    ),
    "health_no": ("Health no.", "Service no.", "Patient ID no."),
    "days": ("Number of days' treatment", "Days' supply", "Treatment period (days)"),
    "days_note": ("N.B. Ensure dose is stated", "State dose and frequency", "Dose must be shown"),
    "endorse": ("Endorsements", "Pharmacy use only", "Dispenser's endorsement"),
    "dispensed": ("Dispensed", "Date disp."),
    "pack": ("Pack", "Pack size"),
    "qty": ("Qty", "Quantity", "No. of units"),
    "directions": ("Directions", "Dose and directions", "Instructions for the patient"),
    "repeats": ("Repeats", "Repeats authorised", "Number of repeats"),
    "other": ("other", "more"),
    "signature": ("Signature of prescriber", "Prescriber's signature", "Signed"),
    "date": ("Date", "Date of issue", "Date written"),
    "stamp_head": (
        "For dispenser: prescriber's name, address & telephone",
        "Prescriber's details",
        "Prescriber stamp",
    ),
    "prescriber_no": ("Prescriber no.", "Prescriber code", "Licence no."),
    "practice_no": ("Practice code", "Clinic code"),
    "fine": (
        "Pharmacist: check the prescriber's signature and the date before dispensing. This "
        "form is void if altered. Not valid more than six months after the date of issue.",
        "It is an offence to alter this form or to obtain medicines by deception. Keep the "
        "dispensing receipt for your records.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _shift(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _aged(birth: dt.date, years: float, rnd: random.Random) -> dt.date:
    """A day when someone born on ``birth`` was about ``years`` old."""
    return birth + dt.timedelta(days=round(years * 365.25) + rnd.randint(0, 60))


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    """The printed form's wording and fonts (both documents)."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 33), value_size=(40, 46)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        frame, tint = rnd.choice(PAPERS)
        style.update(
            frame=frame,
            tint=tint,
            service=rnd.choice(SERVICES),
            form_code=f"Form {rnd.choice(('PH', 'RX', 'HS'))}-{rnd.randint(2, 19)}"
            f"{rnd.choice(('', 'A', 'C'))}",
            date_place=rnd.choice(("foot", "foot", "side")),
            rx=rnd.choice(("glyph", "Rx", "none")) if rx_fonts else rnd.choice(("Rx", "none")),
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            repeat_mode=rnd.choice(("boxes", "line")),
            stamp_ink=rnd.choice(STAMP_INKS),
            direction_rules=rnd.choice((3, 4)),
            item_rules=rnd.random() < 0.5,
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        colour=rnd.choice(COLOURS),
        university=f"{rnd.choice(UNIVERSITIES)} {rnd.choice(UNI_KINDS)}",
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        placement=rnd.choice(("trailing", "trailing", "keyed")),
        parens=rnd.random() < 0.4,
        heading=rnd.choice(("band", "tab", "double")),
        date_place=rnd.choice(("head", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("rows", "rows", "wide")),
        mening=rnd.random() < 0.7,
        status_set=rnd.choice(("Imm|Non|Unk", "Immune|Not immune|Unknown", "Pos|Neg|?")),
        order=rnd.choice(("allergies_first", "insurance_first")),
        sid_digits=rnd.choice((7, 8, 9)),
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


def _doses(
    rnd: random.Random, birth: dt.date, today: dt.date, ages: Sequence[float], count: int
) -> list[str]:
    """``count`` dose dates at about the given ages, all before ``today``."""
    found = []
    for years in ages[:count]:
        day = _aged(birth, years, rnd)
        if day < today - dt.timedelta(days=20):
            found.append(day.isoformat())
    return found


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
    }
    if not 17 * 365 <= (today - birth).days <= 58 * 365:  # a student, mostly young
        birth = today.replace(year=today.year - rnd.randint(17, 36), day=min(today.day, 28))
        birth -= dt.timedelta(days=rnd.randint(1, 330))
        fields["birth_date"] = birth.isoformat()
        weight, height, weight_unit, height_unit = values._body_measures(rnd, 25)
        extras.update(weight_unit=weight_unit, height_unit=height_unit)
        for name, value in (("weight", weight), ("height", height)):
            if name in fields:
                fields[name] = value
    season = rnd.choice(("Fall", "Spring", "Summer", "Fall"))
    first = fields["patient_name"].split()[0].lower()
    last = fields["patient_name"].split()[-1].lower()
    domain = rnd.choice(("student.edu", "mail.campus.edu", "gmail.com", "outlook.com"))
    extras.update(
        term=f"{season} {today.year + (1 if today.month > 8 and season != 'Fall' else 0)}",
        # one digit to a box of the comb
        student_id=list(_digits(rnd, int(style["sid_digits"]))),
        email=f"{first}.{last}{rnd.choice(('', str(rnd.randint(1, 99))))}@{domain}"
        if rnd.random() < 0.85
        else None,
        campus=f"{rnd.choice(HALLS)} Hall, Room {rnd.randint(101, 498)}"
        if rnd.random() < 0.7
        else None,
        sex=rnd.choice(("M", "F", "F", "M", None)),
    )
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    # the dose dates: childhood doses, and those a missing immunity suggests
    measles, varicella = fields.get("measles"), fields.get("chicken_pox")
    hep_b = fields.get("hepatitis_b_vaccination")
    extras["mmr_doses"] = _doses(
        rnd, birth, today, (1, 4.5), 2 if measles == "immune" else rnd.choice((0, 1, 2))
    )
    extras["varicella_doses"] = _doses(
        rnd, birth, today, (1.2, 4.6), rnd.choice((0, 2, 2)) if varicella == "immune" else 0
    )
    extras["hep_b_doses"] = _doses(
        rnd, birth, today, (0, 0.15, 0.55), 3 if hep_b == "yes" else rnd.choice((0, 0, 1, 2))
    )
    extras["tdap_doses"] = _doses(rnd, birth, today, (rnd.uniform(11, 16),), 1)
    extras["mening_doses"] = _doses(rnd, birth, today, (rnd.uniform(11, 12), 16.2), 2)
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name not in fields and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
        elif name in fields and rnd.random() < 0.06:
            del fields[name]
            extras[f"{name}_unsure"] = True
    if rnd.random() < 0.6:
        title, suffix = rnd.choice((("Dr. ", ""), ("", ", MD"), ("", ", NP"), ("", ", RN")))
        extras["provider"] = (
            f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"
        )
        extras["provider_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
        extras["provider_date"] = _shift(today, -rnd.randint(3, 200))
    # page 2
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.8 else "" for _ in fields["allergies"]
    ]
    strengths = {name: (doses, unit) for name, doses, unit, _ in values.DRUGS}
    rows = []
    for name in fields["regular_medication"]:
        doses, unit = strengths.get(name, (("",), ""))
        dose = f"{rnd.choice(doses)} {unit}".strip()
        rows.append([dose if rnd.random() < 0.85 else "", rnd.choice(FREQUENCIES)])
    extras["med_rows"] = rows
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{_digits(rnd, rnd.choice((5, 6)))}"
            if rnd.random() < 0.6
            else None
        )
        extras["carrier_phone"] = values.phone_number(rnd) if rnd.random() < 0.6 else None
        if rnd.random() < 0.3:
            extras["holder"], extras["holder_relation"] = "Self", None
        else:
            parent = values.person_name(rnd, last.capitalize() if rnd.random() < 0.7 else None)
            extras["holder"], extras["holder_relation"] = parent, rnd.choice(HOLDER_RELATIONS)
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    extras["reviewer"] = (
        f"{rnd.choice(values.FIRST_NAMES)[0]}. {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.55
        else None
    )
    extras["reviewed_on"] = _shift(today, rnd.randint(2, 40)) if extras["reviewer"] else None
    extras["office_status"] = rnd.choice((0, 1, 2)) if extras["reviewer"] else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, base = common.prescription_content(rnd)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if "refills" in fields and rnd.random() < 0.5:
        fields["refills"] = rnd.choice((0, 1, 2, 3, 5, "PRN"))
    age = rnd.randint(3, 92)
    birth = written.replace(year=written.year - age, day=min(written.day, 28))
    birth -= dt.timedelta(days=rnd.randint(1, 330))
    dispensed = rnd.random() < 0.35
    extras: dict[str, Any] = {
        "specialty": base["specialty"],
        "prescriber_street": base["prescriber_street"],
        "prescriber_city": base["prescriber_city"],
        "prescriber_phone": base["prescriber_phone"],
        "prescriber_no": _digits(rnd, rnd.choice((6, 7))),
        "practice_no": f"{rnd.choice('ABCDEFGHKLMNPRSTWY')}{_digits(rnd, 5)}",
        "age": str(age) if rnd.random() < 0.75 else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.7 else None,
        "health_no": f"{_digits(rnd, 3)} {_digits(rnd, 3)} {_digits(rnd, 4)}"
        if rnd.random() < 0.6
        else None,
        "days": str(rnd.choice((5, 7, 10, 14, 28, 30, 56, 90))) if rnd.random() < 0.7 else None,
        "quantities": [
            str(rnd.choice((14, 20, 28, 30, 56, 60, 84, 90))) if rnd.random() < 0.8 else ""
            for _ in fields["medicines"]
        ],
        "serial": f"{_digits(rnd, 4)} {_digits(rnd, 4)} {_digits(rnd, 2)}",
        "pharmacy": rnd.choice(PHARMACIES) if dispensed else None,
        "pharmacy_street": values.street_line(rnd) if dispensed else None,
        "pharmacy_phone": values.phone_number(rnd) if dispensed else None,
        "dispensed_on": _shift(written, rnd.randint(1, 12)) if dispensed else None,
        "packs": [str(rnd.choice((14, 28, 30, 56))) for _ in fields["medicines"]]
        if dispensed
        else [],
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any], colour: Sequence[int]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.tint = tuple(round(255 - (255 - c) * 0.14) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, INK_DARK
        )
        faces["q"] = render.Face(label.regular, size, INK_DARK)
        faces["opt"] = render.Face(label.regular, 27, INK_DARK)
        faces["cap"] = render.Face(label.regular, 25, (82, 82, 82))
        faces["num"] = render.Face(label.bold, 21, self.colour)
        faces["colhead"] = render.Face(label.bold, 27, INK_DARK)
        faces["sec"] = render.Face(title.bold, 34, self.colour)
        faces["sec_white"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["org"] = render.Face(title.bold, 48, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 58, INK_DARK)
        faces["note"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 22, SOFT)
        self.numbers: list[tuple[int, str]] = []  # a keyed section's key, as it is drawn
        self.count = 0

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

    def write(self, x0: float, x1: float, base: float, value: str, *, rule: bool = True) -> None:
        """A value written from ``x0`` on a rule running to ``x1``."""
        if rule:
            self.line(x0, base + 12, x1, base + 12, width=2, fill=HAIR)
        if value:
            self.page.text(x0 + 12, base, value, "value", max_width=max(40.0, x1 - x0 - 22))

    def field(self, x0: float, x1: float, base: float, key: str, value: str) -> None:
        """A value on a rule, its label after the rule or in the section's key, per form."""
        page = self.page
        label = self.word(key)
        if self.style["placement"] == "keyed":
            self.count += 1
            self.ring_number(x0 + 20, base - 12, self.count)
            self.numbers.append((self.count, label))
            self.write(x0 + 44, x1, base, value)
            return
        if self.style["parens"]:
            label = f"({label})"
        start = page.text(x1, base, label, "cap", anchor="rs", max_width=(x1 - x0) * 0.55)
        start -= min(page.width(label, "cap"), (x1 - x0) * 0.55)
        self.write(x0, start - 16, base, value)

    def ring_number(self, cx: float, cy: float, number: int) -> None:
        page = self.page
        r = 17.0
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            outline=self.colour,
            width=max(1, page.px(2.5)),
        )
        page.text(cx, cy + 8, str(number), "num", anchor="ms")

    def key_legend(self, top: float) -> float:
        """A keyed section's key under its fields (nothing on trailing forms); the next top."""
        if not self.numbers:
            return top
        page = self.page
        x, base = LEFT + 20, top + 40
        for number, label in self.numbers:
            width = 50 + page.width(label, "cap") + 46
            if x + width > RIGHT:
                x, base = LEFT + 20, base + 44
            self.ring_number(x + 17, base - 9, number)
            x = page.text(x + 44, base, label, "cap") + 46
        self.numbers = []
        return base + 30

    def heading(self, top: float, number: int, key: str) -> float:
        """A section's heading, per form; the first row's top."""
        page = self.page
        text = f"{number}. {self.word(key).upper()}"
        kind = self.style["heading"]
        if kind == "band":
            self.rect(LEFT, top, RIGHT, top + 54, fill=self.colour, outline=None)
            page.text(LEFT + 20, top + 40, text, "sec_white")
            return top + 54
        if kind == "tab":
            width = page.width(text, "sec_white") + 50
            self.rect(LEFT, top, LEFT + width, top + 54, fill=self.colour, outline=None)
            page.text(LEFT + 25, top + 40, text, "sec_white")
            self.line(LEFT + width, top + 52, RIGHT, top + 52, width=3, fill=self.colour)
            return top + 54
        page.text(LEFT, top + 40, text, "sec")
        self.line(LEFT, top + 54, RIGHT, top + 54, width=3, fill=self.colour)
        self.line(LEFT, top + 62, RIGHT, top + 62, width=1.5, fill=self.colour)
        return top + 62

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, face: str = "opt"
    ) -> float:
        """Printed options, each with a box after it, the chosen one marked; where they end."""
        page = self.page
        for k, text in enumerate(options):
            end = page.text(x, base, text, face)
            x = common.checkbox(
                page, end + 20, base + 2, checked=k == chosen, mark=self.style["mark"], side=34
            )
            x += 40
        return x - 40

    def fine_print(self, text: str, number: int | None) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 300)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3200 + 28 * k, line, "fine")
        if number is not None:
            page.text(RIGHT, 3200, self.word("page").format(number), "fine", anchor="rs")


# --- patient record -------------------------------------------------------------------------


def _seal(sheet: _Sheet, cx: float, cy: float, r: float, initials: str) -> None:
    """The university's seal: two rings, the initials in the middle, a star on either side."""
    page = sheet.page
    for radius, width in ((r, 5), (r * 0.8, 2)):
        page.draw.ellipse(
            [
                page.px(cx - radius),
                page.px(cy - radius),
                page.px(cx + radius),
                page.px(cy + radius),
            ],
            outline=sheet.colour,
            width=max(1, page.px(width)),
        )
    page.add_face("seal", sheet.style["title_font"], round(r * 0.62), bold=True)
    page.faces["seal"] = render.Face(page.faces["seal"].path, round(r * 0.62), sheet.colour)
    page.text(cx, cy + r * 0.22, initials, "seal", anchor="ms")
    for side in (-1, 1):
        x = cx + side * r * 0.9
        points = []
        for k in range(10):
            angle = math.pi / 2 + k * math.pi / 5
            radius = 9 if k % 2 == 0 else 4
            points.append(
                (page.px(x + radius * math.cos(angle)), page.px(cy - radius * math.sin(angle)))
            )
        page.draw.polygon(points, fill=sheet.colour)


def _comb(sheet: _Sheet, x: float, base: float, digits: Sequence[str], cells: int) -> float:
    """A comb of boxes, one written digit in each; where it ends."""
    page = sheet.page
    width = 50.0
    for k in range(cells):
        x0 = x + k * width
        sheet.rect(x0, base - 52, x0 + width, base + 14, outline=SOFT, width=2)
        if k < len(digits):
            page.text(x0 + width / 2, base, digits[k], "value", anchor="ms", max_width=width - 8)
    return x + cells * width


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """Page 1's head; the bottom of the instructions."""
    page = sheet.page
    style = sheet.style
    name = str(style["university"])
    initials = "".join(part[0] for part in name.split() if part[0].isupper())[:3]
    _seal(sheet, LEFT + 80, 210, 78, initials)
    x = LEFT + 190
    page.text(x, 170, name, "org", max_width=1060)
    page.text(x, 214, sheet.word("dept"), "org_small", max_width=1060)
    page.text(x, 250, f"{style['street']}, {style['city']}", "org_small", max_width=1060)
    contact = f"Tel {sheet.phone(style['phone'])}  ·  Fax {sheet.phone(style['fax'])}"
    page.text(x, 286, contact, "org_small", max_width=1060)
    page.text(RIGHT, 170, sheet.word("title"), "title", anchor="rs", max_width=980)
    end = page.text(1470, 250, f"{sheet.word('term')}:", "q")
    sheet.write(end + 10, RIGHT, 250, _text(extras.get("term")))
    base = 340.0
    end = page.text(1470, base, f"{sheet.word('sid')}:", "q", max_width=330)
    cells = int(style["sid_digits"])
    _comb(sheet, max(end + 16, RIGHT - cells * 50), base, extras.get("student_id") or [], cells)
    bottom = 380.0
    if style["date_place"] == "head":
        base = 440.0
        end = page.text(1470, base, f"{sheet.word('date_done')}:", "key", max_width=400)
        sheet.write(end + 10, RIGHT, base, sheet.date(fields.get("record_date")))
        bottom = 470.0
    sheet.line(LEFT, bottom + 14, RIGHT, bottom + 14, width=4, fill=sheet.colour)
    lines = render.wrap(page, sheet.word("instructions"), "note", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, bottom + 58 + 34 * k, line, "note")
    return bottom + 58 + 34 * (min(len(lines), 2) - 1) + 20


def _with_unit(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str:
    if name not in fields:
        return ""
    unit = _text(extras.get(f"{name}_unit"))
    return f"{render.format_number(fields[name])} {unit}".strip()


def _student(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Section 1; the next top."""
    page = sheet.page
    style = sheet.style
    base = sheet.heading(top, 1, "sec_student") + 86
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        sheet.field(LEFT, 850, base, "last", surname)
        sheet.field(890, 1620, base, "first", given)
    else:
        sheet.field(LEFT, 1620, base, "full", name)
    sheet.field(1660, RIGHT, base, "dob", sheet.date(fields.get("birth_date"), short_year=False))
    base += ROW
    sheet.field(LEFT, 1400, base, "email", _text(extras.get("email")))
    sheet.field(1440, RIGHT, base, "phone", sheet.phone(fields.get("phone")))
    base += ROW
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "rows":
        sheet.field(LEFT, 1080, base, "street", _text(lines[0]))
        sheet.field(1120, 1960, base, "city", _text(lines[1]))
        sheet.field(2000, RIGHT, base, "country", _text(lines[2]))
    else:
        sheet.field(LEFT, RIGHT, base, "home_one", _text(fields.get("address")))
    base += ROW
    sheet.field(LEFT, 1100, base, "campus", _text(extras.get("campus")))
    sheet.field(1140, 1540, base, "height", _with_unit(fields, extras, "height"))
    options = sheet.parts("sex_options")
    sex_label = f"{sheet.word('sex')}:"
    room = page.width(sex_label, "opt") + 14 + sum(page.width(o, "opt") + 94 for o in options)
    sex_x = RIGHT - room + 40
    sheet.field(1580, sex_x - 30, base, "weight", _with_unit(fields, extras, "weight"))
    end = page.text(sex_x, base, sex_label, "opt")
    sex = extras.get("sex")
    sheet.boxes(end + 14, base, options, {"M": 0, "F": 1}.get(_text(sex)), face="opt")
    return sheet.key_legend(base + 10) + 40


def _contact(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Section 2; the next top."""
    base = sheet.heading(top, 2, "sec_contact") + 86
    sheet.field(LEFT, 1440, base, "contact", _text(fields.get("emergency_contact_name")))
    sheet.field(1480, RIGHT, base, "relation", _text(extras.get("relation")))
    base += ROW
    sheet.field(LEFT, 1160, base, "c_phone", sheet.phone(fields.get("emergency_contact_phone")))
    sheet.field(1200, RIGHT, base, "c_alt", sheet.phone(extras.get("emergency_work_phone")))
    base += ROW
    sheet.field(LEFT, RIGHT, base, "c_address", _text(fields.get("emergency_contact_address")))
    return sheet.key_legend(base + 10) + 40


# immunization table columns: vaccine, three doses, status
_IMM_COLS = (LEFT, 740.0, 1040.0, 1340.0, 1640.0, RIGHT)
_STATUS_SETS = {
    "Imm|Non|Unk": "Imm = immune (documented disease or positive titer); Non = not immune; "
    "Unk = unknown or not tested.",
    "Immune|Not immune|Unknown": "Mark one box for each disease: immune, not immune or unknown.",
    "Pos|Neg|?": "Pos = immune (positive titer); Neg = not immune (negative titer); ? = unknown.",
}


def _immunizations(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Section 3, the vaccination table; the next top."""
    page = sheet.page
    style = sheet.style
    top = sheet.heading(top, 3, "sec_immun") + 24
    cols = _IMM_COLS
    head_h = 58.0
    sheet.rect(cols[0], top, cols[-1], top + head_h, fill=sheet.tint, outline=None)
    heads = [sheet.word("vaccine"), *sheet.parts("doses"), sheet.word("status")]
    for k, text in enumerate(heads):
        page.text(cols[k] + 16, top + 40, text, "colhead", max_width=cols[k + 1] - cols[k] - 28)
    status_set = str(style["status_set"])
    options = status_set.split("|")
    rows: list[tuple[str, str, str | None]] = [
        ("mmr", "mmr_doses", "measles"),
        ("varicella", "varicella_doses", "chicken_pox"),
        ("hep_b", "hep_b_doses", "hepatitis_b_vaccination"),
        ("tdap", "tdap_doses", None),
    ]
    if style["mening"]:
        rows.append(("mening", "mening_doses", None))
    row_h = 92.0
    y = top + head_h
    for key, doses_key, name in rows:
        base = y + row_h - 30
        page.text(cols[0] + 16, base, sheet.word(key), "q", max_width=cols[1] - cols[0] - 44)
        doses: Sequence[str] = extras.get(doses_key) or []
        for k, iso in enumerate(doses[:3]):
            page.text(
                cols[k + 1] + 14,
                base,
                sheet.date(iso, short_year=False),
                "value",
                max_width=cols[k + 2] - cols[k + 1] - 26,
            )
        x = cols[4] + 18
        unsure = bool(name and extras.get(f"{name}_unsure"))
        if name in ("measles", "chicken_pox"):
            value = fields.get(name)
            chosen = 2 if unsure else {"immune": 0, "not immune": 1}.get(_text(value))
            sheet.boxes(x, base, options, chosen)
        elif name == "hepatitis_b_vaccination":
            options_hb = sheet.parts("hep_b_options")
            needed = sum(page.width(text, "opt") + 94 for text in options_hb) - 40
            room = RIGHT - 14 - x - needed - 20
            end = x - 20
            if room > 120:  # the question, shrunk to the room the options leave
                end = page.text(x, base, sheet.word("hep_b_q"), "cap", max_width=room)
            value = fields.get(name)
            chosen = 2 if unsure else {"yes": 0, "no": 1}.get(_text(value))
            sheet.boxes(end + 20, base, options_hb, chosen)
        y += row_h
        sheet.line(cols[0], y, cols[-1], y, width=1.5, fill=HAIR)
    sheet.line(cols[0], top, cols[-1], top, width=3, fill=sheet.colour)
    sheet.line(cols[0], top + head_h, cols[-1], top + head_h, width=2, fill=sheet.colour)
    sheet.line(cols[0], y, cols[-1], y, width=3, fill=sheet.colour)
    for x in cols[1:-1]:
        sheet.line(x, top, x, y, width=1.5, fill=HAIR)
    page.text(LEFT, y + 42, _STATUS_SETS[status_set], "note", max_width=RIGHT - LEFT)
    return y + 90


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Section 4; the next top."""
    page = sheet.page
    base = sheet.heading(top, 4, "sec_history") + 70
    problems = fields.get("medical_problems")
    end = page.text(LEFT, base, sheet.word("q_conditions"), "q", max_width=1750)
    chosen = None if problems is None else (0 if problems else 1)
    sheet.boxes(end + 40, base, sheet.parts("yes_no"), chosen)
    base += 96
    text = common.list_text(problems, str(sheet.style["empty_list"])) or ""
    end = page.text(LEFT, base, sheet.word("list_them"), "q")
    lines = render.wrap(page, text, "value", RIGHT - end - 60) if text else []
    first = lines[0] if lines else ""
    rest = " ".join(text.split()[len(first.split()) :]) if first else ""
    sheet.write(end + 14, RIGHT, base, first)
    sheet.write(LEFT, RIGHT, base + 90, rest)
    del extras
    return base + 130


def _provider(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> None:
    """The framed box a clinician fills in to vouch for the vaccination dates."""
    page = sheet.page
    sheet.rect(LEFT, top, RIGHT, top + 240, outline=sheet.colour, width=2)
    sheet.rect(LEFT, top, RIGHT, top + 52, fill=sheet.tint, outline=None)
    page.text(LEFT + 20, top + 38, sheet.word("provider_box").upper(), "colhead")
    page.text(LEFT + 20, top + 96, sheet.word("provider_note"), "note", max_width=RIGHT - LEFT)
    base = top + 180
    end = page.text(LEFT + 20, base, f"{sheet.word('provider')}:", "q")
    sheet.write(end + 10, 1100, base, _text(extras.get("provider")))
    end = page.text(1140, base, f"{sheet.word('provider_phone')}:", "q")
    sheet.write(end + 10, 1760, base, sheet.phone(extras.get("provider_phone")))
    end = page.text(1800, base, f"{sheet.word('provider_date')}:", "q", max_width=260)
    sheet.write(end + 10, RIGHT - 20, base, sheet.date(extras.get("provider_date")))


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style, style["colour"])
    page = sheet.page
    top = _record_head(sheet, fields, extras) + 30
    top = _student(sheet, fields, extras, top)
    top = _contact(sheet, fields, extras, top)
    top = _immunizations(sheet, fields, extras, top)
    top = _history(sheet, fields, extras, top)
    if top + 250 < 2980:
        _provider(sheet, extras, top + 10)
    base = 3090.0
    sheet.line(LEFT, base + 12, LEFT + 1100, base + 12, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 620, base, sheet.ink())
    page.text(LEFT, base + 46, sheet.word("sign"), "note")
    if style["date_place"] == "foot":
        end = page.text(1400, base, f"{sheet.word('sign_date')}:", "key")
        sheet.write(end + 12, RIGHT, base, sheet.date(fields.get("record_date")))
    sheet.fine_print(sheet.word("fine"), 1)
    return page.image


def _table(
    sheet: _Sheet,
    top: float,
    heads: Sequence[str],
    cols: Sequence[float],
    rows: Sequence[Sequence[str]],
    count: int,
) -> float:
    """A ruled table of written rows under a tinted header row; its bottom."""
    page = sheet.page
    head_h, row_h = 54.0, 96.0
    sheet.rect(cols[0], top, cols[-1], top + head_h, fill=sheet.tint, outline=None)
    for k, text in enumerate(heads):
        page.text(cols[k] + 16, top + 38, text, "colhead", max_width=cols[k + 1] - cols[k] - 28)
    y = top + head_h
    for k in range(max(count, len(rows))):
        base = y + row_h - 26
        if k < len(rows):
            for j, cell in enumerate(rows[k]):
                if cell:
                    page.text(
                        cols[j] + 16,
                        base,
                        cell,
                        "value",
                        max_width=cols[j + 1] - cols[j] - 30,
                    )
        y += row_h
        sheet.line(cols[0], y, cols[-1], y, width=1.5, fill=HAIR)
    sheet.line(cols[0], top, cols[-1], top, width=3, fill=sheet.colour)
    sheet.line(cols[0], y, cols[-1], y, width=3, fill=sheet.colour)
    for x in cols[1:-1]:
        sheet.line(x, top, x, y, width=1.5, fill=HAIR)
    return y


def _allergies_and_meds(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float, number: int
) -> float:
    """The allergy and medication sections; the next top."""
    allergies: Sequence[str] | None = fields.get("allergies")
    base = sheet.heading(top, number, "sec_allergy") + 66
    sheet.boxes(LEFT, base, [sheet.word("nka")], 0 if allergies == [] else None)
    reactions: Sequence[str] = extras.get("reactions") or []
    rows = [
        [item, reactions[k] if k < len(reactions) else ""] for k, item in enumerate(allergies or [])
    ]
    heads = (sheet.word("allergen"), sheet.word("reaction"))
    top = _table(sheet, base + 36, heads, (LEFT, 1300.0, RIGHT), rows, 3) + 50
    medicines: Sequence[str] | None = fields.get("regular_medication")
    base = sheet.heading(top, number + 1, "sec_meds") + 66
    sheet.boxes(LEFT, base, [sheet.word("no_meds")], 0 if medicines == [] else None)
    plans: Sequence[Sequence[str]] = extras.get("med_rows") or []
    rows = [
        [name, *(plans[k] if k < len(plans) else ["", ""])]
        for k, name in enumerate(medicines or [])
    ]
    med_heads = (sheet.word("med"), sheet.word("med_dose"), sheet.word("med_how"))
    bottom = _table(sheet, base + 36, med_heads, (LEFT, 1150.0, 1600.0, RIGHT), rows, 3)
    return bottom + 50


def _insurance(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float, number: int
) -> float:
    """The insurance section; the next top."""
    page = sheet.page
    base = sheet.heading(top, number, "sec_ins") + 70
    end = page.text(LEFT, base, sheet.word("q_ins"), "q", max_width=1800)
    answer = fields.get("has_insurance")
    sheet.boxes(end + 40, base, sheet.parts("yes_no"), {"yes": 0, "no": 1}.get(_text(answer)))
    base += ROW
    sheet.field(LEFT, 1360, base, "carrier", _text(fields.get("insurance_company")))
    sheet.field(1400, RIGHT, base, "carrier_phone", sheet.phone(extras.get("carrier_phone")))
    base += ROW
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    sheet.field(LEFT, 1060, base, "member", policy)
    sheet.field(1100, 1660, base, "group", _text(extras.get("group")))
    sheet.field(1700, RIGHT, base, "end", sheet.date(fields.get("insurance_expiry")))
    base += ROW
    sheet.field(LEFT, 1360, base, "holder", _text(extras.get("holder")))
    sheet.field(1400, RIGHT, base, "holder_rel", _text(extras.get("holder_relation")))
    base += ROW
    sheet.field(LEFT, RIGHT, base, "claims", _text(fields.get("insurance_address")))
    return sheet.key_legend(base + 10) + 50


def _card_frames(sheet: _Sheet, top: float) -> float:
    """Two dashed frames for a copy of the insurance card; their bottom."""
    page = sheet.page
    width, height = 880.0, 440.0
    for k, caption in enumerate(sheet.parts("card")):
        x0 = LEFT + 120 + k * (width + 230)
        for x_a, y_a, x_b, y_b in (
            (x0, top, x0 + width, top),
            (x0, top + height, x0 + width, top + height),
            (x0, top, x0, top + height),
            (x0 + width, top, x0 + width, top + height),
        ):
            length = math.hypot(x_b - x_a, y_b - y_a)
            steps = int(length // 40)
            for s in range(steps):
                t0, t1 = s / steps, (s + 0.55) / steps
                sheet.line(
                    x_a + (x_b - x_a) * t0,
                    y_a + (y_b - y_a) * t0,
                    x_a + (x_b - x_a) * t1,
                    y_a + (y_b - y_a) * t1,
                    width=2,
                    fill=HAIR,
                )
        page.text(x0 + width / 2, top + height / 2 + 10, caption, "cap", anchor="ms")
    return top + height


def _office(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> None:
    """The office-use box at the foot of page 2."""
    page = sheet.page
    sheet.rect(LEFT, top, RIGHT, top + 190, outline=SOFT, width=2)
    page.text(LEFT + 20, top + 44, sheet.word("office").upper(), "colhead")
    base = top + 136
    end = page.text(LEFT + 20, base, f"{sheet.word('reviewed')}:", "q")
    sheet.write(end + 10, 980, base, _text(extras.get("reviewer")))
    end = page.text(1020, base, f"{sheet.word('rev_date')}:", "q")
    sheet.write(end + 10, 1500, base, sheet.date(extras.get("reviewed_on")))
    sheet.boxes(1550, base, sheet.parts("office_status"), extras.get("office_status"))


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style, style["colour"])
    page = sheet.page
    page.text(LEFT, 170, str(style["university"]), "org", max_width=1200)
    page.text(LEFT, 214, sheet.word("dept"), "org_small", max_width=1200)
    page.text(RIGHT, 170, sheet.word("title"), "colhead", anchor="rs", max_width=900)
    end = page.text(1470, 250, f"{sheet.word('sid')}:", "q", max_width=330)
    cells = int(style["sid_digits"])
    _comb(sheet, max(end + 16, RIGHT - cells * 50), 250, extras.get("student_id") or [], cells)
    sheet.line(LEFT, 300, RIGHT, 300, width=4, fill=sheet.colour)
    top = 350.0
    if style["order"] == "allergies_first":
        top = _allergies_and_meds(sheet, fields, extras, top, 5)
        top = _insurance(sheet, fields, extras, top, 7)
    else:
        top = _insurance(sheet, fields, extras, top, 5)
        top = _allergies_and_meds(sheet, fields, extras, top, 6)
    if top + 520 < 2880:
        _card_frames(sheet, top + 20)
    _office(sheet, extras, 2900)
    sheet.fine_print(sheet.word("fine"), 2)
    return page.image


# --- prescription ---------------------------------------------------------------------------

WHITE = (255, 255, 255)


def _panel(sheet: _Sheet, x0: float, y0: float, x1: float, y1: float, caption: str) -> None:
    """A white writing panel on the tinted paper, its caption small in its top-left corner."""
    sheet.rect(x0, y0, x1, y1, fill=WHITE, outline=sheet.colour, width=3)
    if caption:
        sheet.page.text(x0 + 14, y0 + 32, caption, "cap", max_width=x1 - x0 - 28)


def _pharmacy_stamp(
    sheet: _Sheet, extras: Mapping[str, Any], x0: float, y0: float, x1: float, y1: float
) -> None:
    """The pharmacy's rubber stamp, when a pharmacy has dispensed the form."""
    name = extras.get("pharmacy")
    if not name:
        return
    page = sheet.page
    ink = (120, 40, 60)
    page.faces["pstamp"] = render.Face(page.faces["stamp"].path, 34, ink)
    page.faces["pstamp_small"] = render.Face(page.faces["stamp_small"].path, 26, ink)
    sheet.rect(x0 + 40, y0 + 70, x1 - 40, y1 - 40, outline=ink, width=3)
    cx = (x0 + x1) / 2
    page.text(cx, y0 + 130, str(name).upper(), "pstamp", anchor="ms", max_width=x1 - x0 - 110)
    page.text(
        cx,
        y0 + 176,
        _text(extras.get("pharmacy_street")),
        "pstamp_small",
        anchor="ms",
        max_width=x1 - x0 - 110,
    )
    page.text(cx, y0 + 214, sheet.phone(extras.get("pharmacy_phone")), "pstamp_small", anchor="ms")


def _rx_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The paper, the title and the top row of panels; the bottom of the top row."""
    page = sheet.page
    style = sheet.style
    tint = style["tint"]
    sheet.rect(0, 0, render.PAGE_WIDTH, render.PAGE_HEIGHT, fill=tuple(tint), outline=None)
    sheet.rect(90, 90, render.PAGE_WIDTH - 90, 3160, outline=sheet.colour, width=5)
    page.text(LEFT, 190, str(style["service"]), "org", max_width=1400)
    page.text(LEFT, 250, sheet.word("title"), "title_colour", max_width=1400)
    page.text(RIGHT, 190, str(style["form_code"]), "cap", anchor="rs")
    top, bottom = 300.0, 760.0
    # the pharmacy stamp panel
    _panel(sheet, LEFT, top, 860, bottom, sheet.word("pharmacy"))
    _pharmacy_stamp(sheet, extras, LEFT, top, 860, bottom)
    # age, date of birth and, per form, the date
    x0, x1 = 900.0, 1260.0
    small = [
        ("age", _text(extras.get("age"))),
        ("dob", sheet.date(extras.get("patient_dob"), short_year=False)),
    ]
    if style["date_place"] == "side":
        small.append(("date", sheet.date(fields.get("date"))))
    height = (bottom - top - 20 * (len(small) - 1)) / len(small)
    for k, (key, value) in enumerate(small):
        y0 = top + k * (height + 20)
        _panel(sheet, x0, y0, x1, y0 + height, sheet.word(key))
        if value:
            page.text(x0 + 20, y0 + height - 28, value, "value", max_width=x1 - x0 - 40)
    # the patient's name and address
    px0 = 1300.0
    _panel(sheet, px0, top, RIGHT, bottom, sheet.word("patient"))
    name = _text(fields.get("patient_name"))
    street, comma, city = _text(fields.get("patient_address")).partition(", ")
    base = top + 120
    for line in (name, street, city if comma else ""):
        if line:
            page.text(px0 + 40, base, line, "value", max_width=RIGHT - px0 - 70)
        base += 92
    health = extras.get("health_no")
    end = page.text(px0 + 20, bottom - 30, f"{sheet.word('health_no')}", "cap")
    if health:
        page.text(end + 20, bottom - 30, str(health), "value", max_width=RIGHT - end - 50)
    return bottom


def _repeats(sheet: _Sheet, refills: Any, x: float, base: float) -> None:
    page = sheet.page
    end = page.text(x, base, f"{sheet.word('repeats')}:", "key")
    if sheet.style["repeat_mode"] == "line":
        sheet.write(end + 14, end + 220, base, _text(refills))
        return
    tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
    written = _text(refills)
    chosen = tokens.index(written) if written in tokens else None
    x = sheet.boxes(end + 30, base, tokens, chosen)
    end = page.text(x + 40, base, sheet.word("other"), "opt")
    sheet.write(end + 10, end + 150, base, "" if chosen is not None else written)


def _items(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The days strip and the items panel with its endorsement column; the panel's bottom."""
    page = sheet.page
    style = sheet.style
    base = top + 90
    end = page.text(LEFT, base, f"{sheet.word('days')}:", "key")
    sheet.write(end + 14, end + 240, base, _text(extras.get("days")))
    page.text(end + 300, base, sheet.word("days_note"), "note")
    y0, y1 = top + 140, 2330.0
    split, qty_x = 620.0, 2120.0
    _panel(sheet, LEFT, y0, split, y1, sheet.word("endorse"))
    _panel(sheet, split, y0, RIGHT, y1, "")
    sheet.line(qty_x, y0, qty_x, y0 + 560, width=1.5, fill=HAIR)
    page.text((qty_x + RIGHT) / 2, y0 + 40, sheet.word("qty"), "cap", anchor="ms")
    # the pharmacy's endorsements
    if extras.get("dispensed_on"):
        base = y0 + 110
        page.text(LEFT + 20, base, sheet.word("dispensed"), "cap")
        page.text(
            LEFT + 30,
            base + 60,
            sheet.date(extras.get("dispensed_on")),
            "value",
            max_width=split - LEFT - 60,
        )
        packs: Sequence[str] = extras.get("packs") or []
        for k, pack in enumerate(packs):
            b = base + 170 + k * 100
            end = page.text(LEFT + 20, b, sheet.word("pack"), "cap")
            page.text(end + 20, b, pack, "value", max_width=split - end - 50)
    # the ℞ and the medicines
    x = split + 40
    base = y0 + 120
    if style["rx"] != "none":
        glyph = fonts.RX_GLYPH if style["rx"] == "glyph" else "Rx"
        rx_font = str(style["rx_font"] or style["title_font"])
        page.add_face("rx", rx_font, 90, bold=glyph == "Rx")
        page.text(x, base, glyph, "rx")
        x += 150
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    for k, medicine in enumerate(medicines):
        b = base + k * 105
        if style["item_rules"]:
            sheet.line(x, b + 14, qty_x - 20, b + 14, width=1.5, fill=HAIR)
        page.text(x + 8, b, medicine, "value", max_width=qty_x - x - 40)
        if k < len(quantities) and quantities[k]:
            page.text((qty_x + RIGHT) / 2, b, quantities[k], "value", anchor="ms")
    # the directions
    base = y0 + 620
    sheet.line(split, base - 60, RIGHT, base - 60, width=1.5, fill=HAIR)
    page.text(split + 40, base, f"{sheet.word('directions')}:", "key")
    text = _text(fields.get("directions"))
    lines = render.wrap(page, text, "value", RIGHT - split - 120) if text else []
    count = max(int(style["direction_rules"]), len(lines))
    for k in range(count):
        b = base + 90 + k * 92
        sheet.write(split + 50, RIGHT - 30, b, lines[k] if k < len(lines) else "")
    base += 90 + count * 92 + 60
    _repeats(sheet, fields.get("refills"), split + 40, min(base, y1 - 50))
    return y1


def _stamp(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float) -> None:
    """The prescriber's block: a rubber stamp or a printed block, per form."""
    page = sheet.page
    x0, x1 = LEFT, RIGHT
    _panel(sheet, x0, top, x1, top + 350, sheet.word("stamp_head"))
    ink = tuple(int(c) for c in sheet.style["stamp_ink"])
    if ink != (30, 30, 30):
        sheet.rect(x0 + 60, top + 52, x0 + 1380, top + 330, outline=ink, width=4)
    x = x0 + 100
    base = top + 112
    page.text(x, base, _text(fields.get("prescriber")), "stamp", max_width=1200)
    lines = [
        _text(extras.get("specialty")),
        _text(extras.get("prescriber_street")),
        _text(extras.get("prescriber_city")),
        f"Tel. {sheet.phone(extras.get('prescriber_phone'))}",
    ]
    base += 60
    for line in lines:
        if line:
            page.text(x, base, line, "stamp_small", max_width=1200)
            base += 46
    page.text(1620, top + 140, f"{sheet.word('prescriber_no')}: {extras['prescriber_no']}", "q")
    page.text(1620, top + 210, f"{sheet.word('practice_no')}: {extras['practice_no']}", "q")


def _bars(sheet: _Sheet, x: float, base: float, serial: str) -> None:
    """The serial number's strip of bars, then the number."""
    page = sheet.page
    digits = [int(c) for c in serial if c.isdigit()]
    for k, digit in enumerate(digits * 2):
        width = 3 + (digit % 3) * 3
        sheet.rect(x, base - 60, x + width, base, fill=INK_DARK, outline=None)
        x += width + 5 + (k % 2) * 4
    page.text(x + 30, base, serial, "q")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style, style["frame"])
    page = sheet.page
    title = fonts.family(style["title_font"])
    ink = tuple(int(c) for c in style["stamp_ink"])
    faces = page.faces
    faces["title_colour"] = render.Face(title.bold, 50, INK_DARK)
    faces["stamp"] = render.Face(title.bold, 46, (ink[0], ink[1], ink[2]))
    faces["stamp_small"] = render.Face(title.regular, 32, (ink[0], ink[1], ink[2]))
    bottom = _rx_head(sheet, fields, extras)
    bottom = _items(sheet, fields, extras, bottom)
    # the signature and, per form, the date
    top = bottom + 40
    sign_x1 = 1600.0 if style["date_place"] == "foot" else RIGHT
    _panel(sheet, LEFT, top, sign_x1, top + 150, sheet.word("signature"))
    page.scribble(LEFT + 120, LEFT + 700, top + 120, sheet.ink())
    if style["date_place"] == "foot":
        _panel(sheet, 1640, top, RIGHT, top + 150, sheet.word("date"))
        page.text(1670, top + 118, sheet.date(fields.get("date")), "value", max_width=RIGHT - 1700)
    _stamp(sheet, fields, extras, top + 190)
    _bars(sheet, LEFT, 3080, str(extras["serial"]))
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3200 + 28 * k, line, "fine")
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
