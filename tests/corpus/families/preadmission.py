"""A Canadian hospital's pre-admission forms.

Written blind as the held-out family of round 10 (then called ``heldout``): its author never read
the reader.

* ``patient_details``: a hospital pre-admission (pre-operative) health questionnaire, two
  pages of ruled tables whose labels sit in shaded cells left of their values. A hospital
  letterhead with a logo; a box for the patient's ID label (an addressograph sticker printed
  in a monospaced font, with the name as ``SURNAME, GIVEN``, MRN, birth date and admission
  date), or left empty. The completion date shares a row with the booked surgery date (a
  distractor date), surgeon and procedure; the name is one cell or surname and given names;
  the birth date has age and sex beside it and a format hint when numeric; Canadian
  addresses (province, postal code), a health card number and version, the family doctor and
  phone. An emergency contact with relationship, home and other phones, address and the
  adult driving the patient home (distractor name and phone). Immunity answers are printed
  options (``IMMUNE / NOT IMMUNE / DON'T KNOW``) marked "delete as appropriate" (struck out or
  underlined by hand) or as boxes ticked or crossed; mumps and rubella rows are distractors.
  Page 2: previous operations with years, allergies with reactions (a "no known allergies"
  box), medications with dose and frequency, supplementary insurance (question, insurer,
  certificate, group number, plan holder, address, expiry), the declaration with signature
  and date signed, and an office-use line with a nurse and a review date.
* ``prescription``: the hospital's outpatient clinic prescription: letterhead, prescriber
  printed under it or written by hand at the foot with a licence number, a patient table
  (name, birth date, address, phone, health card, weight, allergies), the date at the top or
  by the signature, a ℞ table of medicines with a quantity column, directions on ruled lines,
  repeats as a written number or ticked boxes with an "other" blank, interval, LU code, a
  "no substitution" box and a follow-up date.
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
FOOTER = 3222.0
BODY_END = 3110.0  # no text below this but the footer's fine print
DARK = (25, 25, 25)
GRID = (70, 70, 70)

# fmt: off
HOSPITALS = (
    "Riverside Regional Health Centre", "St. Brendan's General Hospital",
    "Lakehead Memorial Hospital", "Queensway District Health Centre",
    "Fraser Valley Community Hospital", "Grand River Hospital", "Northshore General Hospital",
    "Trillium Valley Health", "Bayview Regional Hospital", "Prairie Mercy Hospital",
)
RECORD_UNITS = (
    "Pre-Admission Clinic", "Surgical Pre-Assessment Unit", "Day Surgery Pre-Op Assessment",
    "Perioperative Services", "Same Day Surgery Program",
)
RX_UNITS = {  # the clinic and its physicians' specialty
    "Eye Clinic": "Ophthalmology", "Fracture Clinic": "Orthopaedic Surgery",
    "Women's Health Clinic": "Obstetrics & Gynaecology",
    "Diabetes Education Centre": "Endocrinology", "Urgent Care Centre": "Family Medicine",
    "Outpatient Surgery Clinic": "General Surgery", "Respiratory Clinic": "Respirology",
}
CA_CITIES = (
    ("Ottawa", "ON", "K1N 5T1", "613"), ("Kingston", "ON", "K7L 3N6", "613"),
    ("Toronto", "ON", "M5V 2T6", "416"), ("Hamilton", "ON", "L8P 4R5", "905"),
    ("London", "ON", "N6A 3K7", "519"), ("Sudbury", "ON", "P3E 2C6", "705"),
    ("Thunder Bay", "ON", "P7B 1A9", "807"), ("Barrie", "ON", "L4M 3X9", "705"),
    ("Peterborough", "ON", "K9J 2M1", "705"), ("Windsor", "ON", "N9A 5K6", "519"),
    ("Winnipeg", "MB", "R3C 0V8", "204"), ("Brandon", "MB", "R7A 1A4", "204"),
    ("Regina", "SK", "S4P 3Y2", "306"), ("Saskatoon", "SK", "S7K 1J5", "306"),
    ("Calgary", "AB", "T2P 1J9", "403"), ("Edmonton", "AB", "T5J 2R7", "780"),
    ("Vancouver", "BC", "V6B 1A1", "604"), ("Victoria", "BC", "V8W 1P6", "250"),
    ("Kelowna", "BC", "V1Y 6H2", "250"), ("Halifax", "NS", "B3J 1S9", "902"),
    ("Moncton", "NB", "E1C 4M3", "506"), ("Fredericton", "NB", "E3B 1E5", "506"),
    ("Charlottetown", "PE", "C1A 4P3", "902"), ("St. John's", "NL", "A1C 5M2", "709"),
)
STREET_KINDS = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Cres", "Crescent", "Dr", "Blvd",
                "Court", "Way", "Lane")
INSURERS = (
    "Sun Life Financial", "Manulife", "Canada Life", "Green Shield Canada", "Blue Cross",
    "Pacific Blue Cross", "Medavie Blue Cross", "Desjardins Insurance", "Great-West Life",
    "Empire Life", "Industrial Alliance", "RBC Insurance", "SSQ Insurance",
    # as printed, typos kept
    "Manulfe", "Sunlife Finacial", "Green Sheild Canada", "Desjardin Insurance",
)
PROCEDURES = (
    "Laparoscopic cholecystectomy", "Right knee arthroscopy", "Left cataract extraction",
    "Colonoscopy", "Carpal tunnel release", "Inguinal hernia repair", "Tonsillectomy",
    "Hysteroscopy", "Septoplasty", "Total hip replacement", "Cystoscopy",
    "Excision of skin lesion", "Shoulder arthroscopy", "Thyroidectomy", "Bunionectomy",
)
OPERATIONS = (
    "Appendectomy", "Tonsils out", "C-section", "Knee scope", "Wisdom teeth", "Hernia repair",
    "Gallbladder", "Broken wrist pinned", "Cataract", "Hysterectomy", "Colonoscopy", "D&C",
)
ANAESTHETIC_NOTES = ("No", "No", "None", "Nausea", "Yes - sick after", "No problems")
RELATIONS = (
    "Spouse", "Wife", "Husband", "Partner", "Mother", "Father", "Daughter", "Son", "Sister",
    "Brother", "Friend", "Neighbour",
)
REACTIONS = ("Rash", "Hives", "Swelling", "Anaphylaxis", "Nausea", "Wheeze", "Itchy", "Unknown")
FREQUENCIES = (
    "once a day", "twice a day", "at bedtime", "in the morning", "as needed", "OD", "BID",
    "TID", "QHS", "PRN", "1 daily", "2x day",
)
LANGUAGES = ("English", "English", "French", "English", "Punjabi", "Cantonese", "Spanish")
COLOURS = ([0, 84, 130], [25, 95, 60], [120, 30, 45], [60, 60, 70], [0, 110, 120], [80, 50, 120])
SHADES = ([228, 228, 228], [236, 242, 248], [240, 236, 226], None)
RX_SUFFIXES = (", MD, FRCSC", ", MD, FRCPC", ", MD, CCFP", ", MD", ", M.D.", "")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Pre-Admission Health Questionnaire",
        "Pre-Operative Patient Questionnaire",
        "Surgical Pre-Assessment Questionnaire",
        "Patient Health History - Pre-Admission",
    ),
    "instructions": (
        "Please print clearly in ink and bring this form to your pre-admission appointment.",
        "To be completed by the patient before surgery. Please print clearly.",
        "Complete every section. Ask the pre-admission nurse if you need help.",
    ),
    "continued": ("(continued)", "- page 2", "(cont'd)"),
    "completed": ("Date completed", "Today's date", "Date form completed", "Date"),
    "surgery_date": ("Surgery date", "Date of surgery", "Booked for", "Procedure date"),
    "surgeon": ("Surgeon", "Booking surgeon", "Surgeon / physician"),
    "procedure": ("Procedure", "Planned procedure", "Operation"),
    "surname": ("Surname", "Last name", "Family name"),
    "given": ("Given name(s)", "First name", "First & middle names"),
    "full_name": ("Patient name", "Full legal name", "Name"),
    "birth": ("Date of birth", "Birth date", "DOB"),
    "age": ("Age",),
    "sex": ("Sex", "Gender", "M/F"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "street": ("Home address", "Street address", "Address"),
    "city": ("City, province, postal code", "City / Prov. / Postal code", "Town, prov., postal"),
    "country": ("Country",),
    "phone": ("Home phone", "Home tel.", "Phone (home)", "Telephone"),
    "cell": ("Cell / work phone", "Other phone", "Mobile"),
    "card": ("Health card no.", "Health card number", "Provincial health no."),
    "version": ("Version", "Vers. code"),
    "language": ("Language", "Preferred language"),
    "gp": ("Family doctor", "Family physician", "Primary care provider"),
    "gp_phone": ("Doctor's phone", "Office phone", "Clinic tel."),
    "contact": ("Contact name", "Name", "Emergency contact"),
    "relation": ("Relationship", "Relation to you"),
    "contact_phone": ("Home phone", "Phone", "Telephone (home)"),
    "contact_other": ("Work / cell", "Other phone", "Daytime phone"),
    "contact_address": ("Address", "Contact's address", "Home address"),
    "escort": ("Adult taking you home", "Driver after surgery", "Escort home"),
    "escort_phone": ("Escort's phone", "Phone", "Their phone"),
    "sec_patient": ("Patient information", "About you", "Personal details"),
    "sec_contact": ("Emergency contact", "In case of emergency", "Person to notify"),
    "sec_health": ("Health history", "Your health", "Medical history"),
    "sec_ops": ("Previous surgery and anaesthesia", "Past operations", "Surgical history"),
    "sec_allergy": ("Allergies", "Allergies and reactions", "Drug and other allergies"),
    "sec_meds": ("Current medications", "Medications you take", "Medication list"),
    "sec_insurance": ("Supplementary insurance", "Extended health coverage", "Insurance"),
    "sec_declare": ("Declaration", "Patient declaration", "Signature"),
    "immunity_head": ("Immunity (delete as appropriate)", "Are you immune to:", "Immunity"),
    "chicken_pox": ("Chickenpox (varicella)", "Chicken pox", "Varicella (chickenpox)"),
    "measles": ("Measles", "Measles (rubeola)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella (German measles)", "Rubella"),
    "hep_b": (
        "Hepatitis B vaccine series completed?",
        "Hepatitis B vaccination received?",
        "Have you had the hepatitis B vaccine?",
    ),
    "problems": (
        "Medical conditions (e.g. heart, lung, diabetes, sleep apnea):",
        "List any medical problems you have:",
        "Other illnesses or conditions:",
    ),
    "op_year": ("Year",),
    "op_what": ("Operation / procedure", "Surgery", "What was done"),
    "op_problem": ("Problems with anaesthetic?", "Anaesthetic problems?", "Any reaction?"),
    "no_allergies": ("No known allergies", "I have no allergies", "NKA"),
    "allergy": ("Allergic to", "Allergy", "Substance"),
    "reaction": ("Reaction", "What happens", "Type of reaction"),
    "no_meds": ("I take no medications", "No medications", "None taken"),
    "med": ("Medication", "Drug name", "Medicine"),
    "dose": ("Dose", "Strength", "Dose / strength"),
    "often": ("How often", "Frequency", "When taken"),
    "insured": (
        "Do you have private or supplementary health insurance?",
        "Do you have extended health coverage?",
        "Are you covered by a private insurance plan?",
    ),
    "insurer": ("Insurance company", "Insurer", "Name of insurer", "Carrier"),
    "policy": ("Policy / certificate no.", "Policy #", "Certificate no.", "Member ID"),
    "group": ("Group / plan no.", "Group no.", "Plan #"),
    "holder": ("Plan holder", "Policy holder", "Subscriber"),
    "insurer_address": ("Insurer's address", "Claims address", "Company address"),
    "expiry": ("Valid until", "Expiry date", "Coverage ends"),
    "declare": (
        "I confirm that the information on this form is true and complete to the best of my "
        "knowledge.",
        "The above information is correct. I will tell the nurse of any change before surgery.",
    ),
    "signature": ("Signature of patient", "Patient / guardian signature", "Signed"),
    "signed": ("Date signed", "Date", "Signed on"),
    "office": ("For office use - reviewed by", "Office use only: RN", "Reviewed by"),
    "office_date": ("Date", "on"),
    "label_box": ("Affix patient label here", "Patient ID label", "Addressograph"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Prescription", "Outpatient Prescription", "Medication Prescription"),
    "patient": ("Patient name", "Patient", "Name"),
    "birth": ("Date of birth", "DOB", "Birth date"),
    "address": ("Address", "Home address", "Patient address"),
    "phone": ("Phone", "Tel.", "Telephone"),
    "card": ("Health card no.", "HCN", "Health no."),
    "weight": ("Weight", "Wt"),
    "allergies": ("Allergies", "Allergies / intolerances", "Drug allergies"),
    "date": ("Date", "Date written", "Date issued"),
    "med": ("Medication / strength / form", "Drug and strength", "Medication"),
    "qty": ("Qty (Mitte)", "Mitte", "Quantity"),
    "directions": ("Directions (Sig)", "Sig", "Directions for use"),
    "refills": ("Repeats", "Refills", "No. of repeats"),
    "other": ("Other", "or", "Other:"),
    "times": ("times", "x", ""),
    "interval": ("Interval", "Repeat interval", "Dispense every"),
    "lu": ("LU code", "LU #", "Limited use code"),
    "nosub": ("No substitution", "Do not substitute", "Dispense as written"),
    "follow": ("Follow-up", "Return to clinic", "Next appointment"),
    "prescriber": ("Prescriber (print)", "Physician name", "Prescriber"),
    "licence": ("Licence no.", "CPSO #", "Reg. no."),
    "signature": ("Signature", "Prescriber's signature", "Signed"),
    "void": (
        "Valid for one year from the date written. Void if altered.",
        "Pharmacist: verify by phone if in doubt. Not valid for narcotics or controlled drugs.",
        "This prescription may not be photocopied. Void if altered or unsigned.",
    ),
}


# --- style and content ----------------------------------------------------------------------


def _institution(rnd: random.Random, name: str) -> dict[str, Any]:
    city, province, code, area = rnd.choice(CA_CITIES)
    return {
        "name": name,
        "street": f"{rnd.randint(10, 2999)} {rnd.choice(values.STREET_NAMES)} "
        f"{rnd.choice(STREET_KINDS)}",
        "city": f"{city}, {province} {code}",
        "phone": f"({area}) 555-01{rnd.randint(0, 99):02d}",
        "fax": f"({area}) 555-01{rnd.randint(0, 99):02d}",
        "ext": str(rnd.randint(2000, 7999)) if rnd.random() < 0.5 else None,
    }


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colours, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(32, 37), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice(printed)
    style["colour"] = rnd.choice(COLOURS)
    style["shade"] = rnd.choice(SHADES)
    style["mark"] = rnd.choice(("strike", "underline"))
    style["empty_list"] = rnd.choice(("None", "N/A", "Nil", "none", ""))
    style["printed_phones"] = rnd.choice(("paren", "dash", "space"))
    style["logo"] = rnd.choice(("cross", "ring", "wave"))
    style["head_mode"] = rnd.choice(("band", "bar", "rule"))
    style["row_h"] = rnd.randint(100, 116)
    style["colon"] = rnd.random() < 0.35
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["numbering"] = rnd.choice(("letter", "number", "none"))
    style["form_code"] = f"{rnd.choice(('PAC', 'SUR', 'HIM', 'NUR'))}-{rnd.randint(100, 999)}"
    style["revision"] = f"Rev. {rnd.randint(1, 12):02d}/{rnd.randint(15, 24)}"
    style["option_case"] = rnd.choice(("upper", "title"))
    style["option_mode"] = rnd.choice(("slash", "slash", "boxes"))
    style["unsure_word"] = rnd.choice(("Don't know", "Unsure", "Unknown"))
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            hospital=_institution(rnd, rnd.choice(HOSPITALS)),
            unit=rnd.choice(sorted(RX_UNITS)),
            prescriber_place=rnd.choice(("header", "header", "foot")),
            date_place=rnd.choice(("top", "foot")),
            refill_mode=rnd.choice(("write", "boxes")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.7,
            med_rows=rnd.choice((4, 5)),
            show_card=rnd.random() < 0.7,
            show_phone=rnd.random() < 0.7,
            show_weight=rnd.random() < 0.5,
            pharmacy_box=rnd.random() < 0.6,
            sig_lines=rnd.choice((3, 4)),
        )
        style["prescriber_written"] = style["prescriber_place"] == "foot"
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        hospital=_institution(rnd, rnd.choice(HOSPITALS)),
        unit=rnd.choice(RECORD_UNITS),
        name_split=rnd.random() < 0.55,
        booking_row=rnd.random() < 0.75,
        booking_first=rnd.random() < 0.5,
        show_card=rnd.random() < 0.7,
        show_gp=rnd.random() < 0.6,
        show_escort=rnd.random() < 0.6,
        show_mmr=rnd.random() < 0.5,
        date_hint=rnd.random() < 0.6,
        sticker_date=rnd.choice(("iso", "dmy_text")),
        page_two_name=rnd.random() < 0.6,
        office_row=rnd.random() < 0.6,
    )
    return style


def _ca_phone(rnd: random.Random, area: str | None = None) -> str:
    if area is None:
        area = rnd.choice(CA_CITIES)[3]
    return f"({area}) 555-01{rnd.randint(0, 99):02d}"


def _ca_address(rnd: random.Random, *, zip_share: float = 0.85) -> tuple[list[str], str]:
    """A street line and a city line (``Ottawa, ON K1N 5T1``), and the city's area code."""
    city, province, code, area = rnd.choice(CA_CITIES)
    number = rnd.choice((rnd.randint(1, 99), rnd.randint(100, 999), rnd.randint(1000, 9899)))
    street = f"{number} {rnd.choice(values.STREET_NAMES)} {rnd.choice(STREET_KINDS)}"
    if rnd.random() < 0.12:
        street = f"Unit {rnd.randint(1, 40)}, {street}" if rnd.random() < 0.5 else street
    city_line = f"{city}, {province} {code}" if rnd.random() < zip_share else f"{city}, {province}"
    return [street, city_line], area


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _doctor(rnd: random.Random) -> str:
    return f"Dr. {rnd.choice(values.FIRST_NAMES)[0]}. {rnd.choice(values.LAST_NAMES)}"


def _health_card(rnd: random.Random) -> str:
    digits = "".join(rnd.choice("0123456789") for _ in range(10))
    return rnd.choice((f"{digits[:4]} {digits[4:7]} {digits[7:]}", digits[:9], digits))


def _pick(rnd: random.Random, pool: Sequence[str], none_share: float, most: int) -> list[str]:
    if rnd.random() < none_share:
        return []
    return rnd.sample(list(pool), rnd.randint(1, most))


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        return _prescription_document(rnd, handwriting=handwriting, font=font)
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    record = _between(rnd, dt.date(2019, 1, 5), dt.date(2025, 11, 30))
    birth = _between(rnd, dt.date(1932, 1, 1), record - dt.timedelta(days=17 * 365))
    last = rnd.choice(values.LAST_NAMES)
    fields: dict[str, Any] = {
        "record_date": record.isoformat(),
        "patient_name": values.person_name(rnd, last),
        "birth_date": birth.isoformat(),
    }
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    lines, area = _ca_address(rnd)
    if rnd.random() < 0.55:
        lines.append(rnd.choice(("Canada", "Canada", "CANADA")))
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.9:
        fields["phone"] = _ca_phone(rnd, area if rnd.random() < 0.8 else None)
    age = (record - birth).days // 365
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    sticker = rnd.random() < 0.55
    written_birth = not sticker or rnd.random() < 0.8
    surgery = record + dt.timedelta(days=rnd.randint(3, 60))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "written_birth": written_birth,
        "age": age if rnd.random() < 0.8 else None,
        "sex": rnd.choice(("M", "F", "Male", "Female")) if rnd.random() < 0.9 else None,
        "surgery_date": surgery.isoformat() if rnd.random() < 0.85 else None,
        "surgeon": _doctor(rnd) if rnd.random() < 0.8 else None,
        "procedure": rnd.choice(PROCEDURES) if rnd.random() < 0.8 else None,
        "other_phone": _ca_phone(rnd, area) if rnd.random() < 0.5 else None,
        "health_card": _health_card(rnd) if rnd.random() < 0.85 else None,
        "version": "".join(rnd.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(2))
        if rnd.random() < 0.5
        else None,
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.7 else None,
        "gp": _doctor(rnd) if rnd.random() < 0.85 else None,
        "gp_phone": _ca_phone(rnd) if rnd.random() < 0.6 else None,
    }
    if sticker:
        extras["sticker"] = {
            "mrn": f"{rnd.randint(0, 99_999_999):08d}",
            "encounter": f"{rnd.choice('EVA')}{rnd.randint(1_000_000, 9_999_999)}",
            "admit": surgery.isoformat(),
            "attending": _doctor(rnd).upper(),
            "location": rnd.choice(("PAC", "DSU", "SDS", "4W", "PREOP")),
        }
    if rnd.random() < 0.93:
        name = values.person_name(rnd, last if rnd.random() < 0.6 else None)
        while name == fields["patient_name"]:
            name = values.person_name(rnd)
        fields["emergency_contact_name"] = name
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.95:
            fields["emergency_contact_phone"] = _ca_phone(rnd, area if rnd.random() < 0.6 else None)
        if rnd.random() < 0.55:
            extras["emergency_work_phone"] = _ca_phone(rnd)
        if rnd.random() < 0.8:
            contact_lines, _ = _ca_address(rnd)
            fields["emergency_contact_address"] = (
                ", ".join(lines[:2]) if rnd.random() < 0.25 else ", ".join(contact_lines)
            )
    if rnd.random() < 0.7:
        extras["escort"] = values.person_name(rnd)
        extras["escort_phone"] = _ca_phone(rnd) if rnd.random() < 0.8 else None
    for name in ("chicken_pox", "measles", "mumps", "rubella"):
        roll = rnd.random()
        status = "immune" if roll < 0.7 else "not immune" if roll < 0.86 else None
        if status is None and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
        if name in ("chicken_pox", "measles"):
            if status:
                fields[name] = status
        else:
            extras[f"{name}_status"] = status
    roll = rnd.random()
    if roll < 0.6:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.88:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.6:
        extras["hepatitis_b_vaccination_unsure"] = True
    fields["medical_problems"] = _pick(rnd, values.CONDITIONS, 0.4, 3)
    # page 2
    operations = []
    for _ in range(rnd.choice((0, 0, 1, 1, 2, 3))):
        year = rnd.randint(min(birth.year + 4, record.year - 1), record.year - 1)
        operations.append([str(year), rnd.choice(OPERATIONS), rnd.choice(ANAESTHETIC_NOTES)])
    extras["operations"] = sorted(operations)
    allergies = _pick(rnd, values.ALLERGIES, 0.45, 3)
    fields["allergies"] = allergies
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.75 else None for _ in allergies
    ]
    extras["none_ticked"] = rnd.random() < 0.6
    medication = [name for name, *_ in rnd.sample(values.DRUGS, rnd.randint(1, 3))]
    fields["regular_medication"] = [] if rnd.random() < 0.4 else medication
    strengths = {name: (choices, unit) for name, choices, unit, _ in values.DRUGS}
    extras["med_doses"] = [
        f"{rnd.choice(strengths[name][0])} {strengths[name][1]}" if rnd.random() < 0.85 else None
        for name in fields["regular_medication"]
    ]
    extras["med_often"] = [rnd.choice(FREQUENCIES) for _ in fields["regular_medication"]]
    roll = rnd.random()
    if roll < 0.8:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
        fields["has_insurance"] = "no"
    if fields.get("has_insurance") == "yes":
        fields["insurance_company"] = rnd.choice(INSURERS)
        if rnd.random() < 0.5:
            printed, canonical = values.policy_number(rnd)
        else:
            digits = "".join(rnd.choice("0123456789") for _ in range(9))
            printed = f"{digits}-{rnd.randint(0, 9):02d}" if rnd.random() < 0.5 else digits
            canonical = "".join(c for c in printed if c.isalnum())
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.8:
            insurer_lines, _ = _ca_address(rnd, zip_share=1.0)
            if rnd.random() < 0.4:
                insurer_lines[0] = f"PO Box {rnd.randint(100, 9999)}"
            fields["insurance_address"] = ", ".join(insurer_lines)
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                record + dt.timedelta(days=rnd.randint(40, 1000))
            ).isoformat()
        extras["group_number"] = str(rnd.randint(10000, 999999)) if rnd.random() < 0.7 else None
        extras["holder"] = (
            rnd.choice(("Self", "Self", values.person_name(rnd, last)))
            if rnd.random() < 0.8
            else None
        )
    extras["signed_date"] = record.isoformat() if rnd.random() < 0.7 else None
    if rnd.random() < 0.6:
        nurse = values.person_name(rnd).split()
        extras["reviewer"] = f"{nurse[0][0]}. {nurse[-1]}, RN"
        extras["review_date"] = (record + dt.timedelta(days=rnd.randint(1, 14))).isoformat()
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    title = rnd.choice(("Dr. ", "Dr ", "Dr. ", ""))
    suffix = rnd.choice(RX_SUFFIXES) if title == "" else rnd.choice(("", *RX_SUFFIXES))
    if not title and not suffix:
        suffix = ", MD"
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        f"{suffix}",
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    lines, area = _ca_address(rnd)
    if rnd.random() < 0.85:
        fields["patient_address"] = ", ".join(lines)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    born = _between(rnd, dt.date(1935, 1, 1), dt.date(2018, 12, 31))
    quantities = []
    for _, _, _, form in drugs:
        if not form:
            quantities.append(rnd.choice(("1 inhaler", "2 inhalers", "1")))
        else:
            count = rnd.choice((10, 14, 20, 21, 28, 30, 60, 90, 100))
            quantities.append(rnd.choice((str(count), f"{count} {form}s", f"#{count}")))
    allergy_pick = _pick(rnd, values.ALLERGIES, 0.5, 2)
    extras: dict[str, Any] = {
        "patient_birth": born.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": _ca_phone(rnd, area) if rnd.random() < 0.75 else None,
        "health_card": _health_card(rnd) if rnd.random() < 0.8 else None,
        "weight_text": f"{rnd.randint(12, 120)} kg" if rnd.random() < 0.6 else None,
        "allergy_text": ", ".join(allergy_pick)
        if allergy_pick
        else rnd.choice(("NKDA", "NKA", "None known", None)),
        "quantities": quantities,
        "interval": rnd.choice(("30 days", "28 days", "90 days", "1 month"))
        if rnd.random() < 0.4
        else None,
        "lu_code": str(rnd.randint(100, 699)) if rnd.random() < 0.3 else None,
        "nosub": rnd.random() < 0.2,
        "follow_up": (written + dt.timedelta(days=rnd.randint(10, 120))).isoformat()
        if rnd.random() < 0.5
        else None,
        "licence": str(rnd.randint(10000, 199999)),
    }
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


class _Sheet(common.Drawing):
    """One page of the hospital's forms: its faces, letterhead, sections and ruled rows."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        shade = style.get("shade")
        self.shade: tuple[int, ...] | None = tuple(shade) if shade else None
        self.tint = tuple(round(255 - (255 - c) * 0.16) for c in self.colour)
        self.part = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, DARK
        )
        faces["cell"] = render.Face(label.regular, size - 2, DARK)
        faces["option"] = render.Face(label.regular, size, DARK)
        faces["colhead"] = render.Face(label.bold, size - 4, DARK)
        faces["head"] = render.Face(title.bold, 38, (255, 255, 255))
        faces["head_dark"] = render.Face(title.bold, 38, self.colour)
        faces["title"] = render.Face(title.bold, 56, DARK)
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 30, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 26, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        mono = fonts.installed_families()[0]
        for item in fonts.installed_families():
            if item.name == "Liberation Mono":
                mono = item
        faces["sticker"] = render.Face(mono.regular, 30, (20, 20, 20))
        faces["sticker_bold"] = render.Face(mono.bold, 34, (20, 20, 20))
        self.row_h = float(style["row_h"])

    def label(self, key: str) -> str:
        text = self.labels[key]
        if self.style["label_case"] == "upper":
            text = text.upper()
        return f"{text}:" if self.style["colon"] and not text.endswith((":", "?")) else text

    def word(self, key: str) -> str:
        return self.labels[key]

    def line(
        self, x0: float, y0: float, x1: float, y1: float, width: float = 2, fill: Any = GRID
    ) -> None:
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=fill,
            width=max(1, page.px(width)),
        )

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Any = None) -> None:
        page = self.page
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            fill=fill,
            outline=GRID,
            width=max(1, page.px(2)),
        )

    def printed_phone(self, canonical: str) -> str:
        return common.format_phone(canonical, self.style["printed_phones"])

    def value_phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    def value_date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def date_hint(self) -> str | None:
        """The format a numeric date is asked in, printed under its label."""
        hints = {
            "mdy_slash": "mm/dd/yyyy",
            "dmy_slash": "dd/mm/yyyy",
            "dmy_dot": "dd.mm.yyyy",
            "mdy_short": "m/d/yy",
            "dmy_short": "d/m/yy",
            "iso": "yyyy-mm-dd",
        }
        if not self.style.get("date_hint", True):
            return None
        return hints.get(self.style["date_style"])

    # the letterhead, sections, rows

    def logo(self, x: float, y: float, side: float) -> None:
        page = self.page
        kind = self.style["logo"]
        c = self.colour
        if kind == "cross":
            page.draw.rounded_rectangle(
                [page.px(x), page.px(y), page.px(x + side), page.px(y + side)],
                radius=page.px(side * 0.18),
                fill=c,
            )
            arm = side * 0.2
            mid = side / 2
            for box in (
                (x + mid - arm / 2, y + side * 0.18, x + mid + arm / 2, y + side * 0.82),
                (x + side * 0.18, y + mid - arm / 2, x + side * 0.82, y + mid + arm / 2),
            ):
                page.draw.rectangle([page.px(v) for v in box], fill=(255, 255, 255))
        elif kind == "ring":
            page.draw.ellipse(
                [page.px(x), page.px(y), page.px(x + side), page.px(y + side)],
                outline=c,
                width=max(1, page.px(side * 0.1)),
            )
            page.draw.ellipse(
                [
                    page.px(x + side * 0.34),
                    page.px(y + side * 0.34),
                    page.px(x + side * 0.66),
                    page.px(y + side * 0.66),
                ],
                fill=c,
            )
        else:
            page.draw.rectangle(
                [page.px(x), page.px(y), page.px(x + side), page.px(y + side)], fill=c
            )
            for k in range(3):
                top = y + side * (0.3 + 0.18 * k)
                points = [
                    (page.px(x + side * t / 10), page.px(top + side * 0.06 * (-1) ** t))
                    for t in range(11)
                ]
                page.draw.line(points, fill=(255, 255, 255), width=max(1, page.px(side * 0.05)))

    def letterhead(self, *, right_limit: float, compact: bool = False) -> float:
        """Logo, hospital, unit, address and numbers; returns the y below it."""
        page = self.page
        org = self.style["hospital"]
        side = 120.0 if compact else 170.0
        top = 140.0
        self.logo(LEFT, top, side)
        x = LEFT + side + 40
        width = right_limit - x - 20
        page.text(x, top + 52, org["name"], "org", max_width=width)
        page.text(x, top + 100, self.style["unit"], "org_small", max_width=width)
        if compact:
            return top + side + 30
        phone = self.printed_phone(org["phone"])
        if org.get("ext"):
            phone += f" ext. {org['ext']}"
        page.text(x, top + 146, f"{org['street']}, {org['city']}", "org_small", max_width=width)
        page.text(
            x,
            top + 190,
            f"Tel. {phone}   Fax {self.printed_phone(org['fax'])}",
            "org_small",
            max_width=width,
        )
        return top + 230

    def section(self, y: float, key: str) -> float:
        """A section head at ``y`` (its top); returns the top of what follows."""
        page = self.page
        self.part += 1
        numbering = self.style["numbering"]
        title = self.word(key).upper() if self.style["head_mode"] == "band" else self.word(key)
        if numbering == "letter":
            title = f"{'ABCDEFGHIJ'[self.part - 1]}.  {title}"
        elif numbering == "number":
            title = f"{self.part}.  {title}"
        mode = self.style["head_mode"]
        if mode == "band":
            page.draw.rectangle(
                [page.px(LEFT), page.px(y), page.px(RIGHT), page.px(y + 56)], fill=self.colour
            )
            page.text(LEFT + 18, y + 42, title, "head")
        elif mode == "bar":
            page.draw.rectangle(
                [page.px(LEFT), page.px(y), page.px(RIGHT), page.px(y + 56)],
                fill=self.tint,
                outline=self.colour,
                width=max(1, page.px(2)),
            )
            page.text(LEFT + 18, y + 42, title, "head_dark")
        else:
            page.text(LEFT, y + 42, title, "head_dark")
            self.line(LEFT, y + 56, RIGHT, y + 56, width=5, fill=self.colour)
        return y + 72

    def row(
        self,
        y: float,
        cells: Sequence[tuple[str, str | None, float]],
        *,
        hints: Mapping[int, str | None] | None = None,
        height: float | None = None,
    ) -> float:
        """A ruled row of (label, value, share) cells, labels shaded; returns its bottom."""
        page = self.page
        h = height or self.row_h
        total = sum(share for _, _, share in cells)
        x = LEFT
        label_size = page.faces["cell"].size
        value_size = page.faces["value"].size
        for index, (text, value, share) in enumerate(cells):
            x1 = x + (RIGHT - LEFT) * share / total
            hint = (hints or {}).get(index)
            wanted = max(page.width(text, "cell"), page.width(hint, "note") if hint else 0)
            label_w = min(wanted + 36, (x1 - x) * 0.5)
            if self.shade:
                page.draw.rectangle(
                    [page.px(x), page.px(y), page.px(x + label_w), page.px(y + h)],
                    fill=self.shade,
                )
            self.rect(x, y, x1, y + h)
            self.line(x + label_w, y, x + label_w, y + h)
            if hint:
                page.text(x + 16, y + h * 0.46, text, "cell", max_width=label_w - 26)
                page.text(x + 16, y + h * 0.46 + 36, hint, "note", max_width=label_w - 26)
            else:
                baseline = y + h / 2 + label_size * 0.36
                page.text(x + 16, baseline, text, "cell", max_width=label_w - 26)
            if value:
                page.text(
                    x + label_w + 22,
                    y + h / 2 + value_size * 0.36,
                    value,
                    "value",
                    max_width=x1 - x - label_w - 50,
                )
            x = x1
        return y + h

    def table(
        self,
        y: float,
        heads: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str | None]],
        count: int,
        height: float | None = None,
        left: float = LEFT,
    ) -> float:
        """A ruled table with a shaded head row; ``count`` rows, filled from ``rows``."""
        page = self.page
        h = height or self.row_h * 0.9
        head = 54.0
        total = sum(share for _, share in heads)
        xs = [left]
        for _, share in heads:
            xs.append(xs[-1] + (RIGHT - left) * share / total)
        bottom = y + head + count * h
        page.draw.rectangle(
            [page.px(left), page.px(y), page.px(RIGHT), page.px(y + head)],
            fill=self.shade or self.tint,
        )
        self.rect(left, y, RIGHT, bottom)
        for x in xs[1:-1]:
            self.line(x, y, x, bottom)
        for k in range(count + 1):
            self.line(left, y + head + k * h, RIGHT, y + head + k * h)
        for (text, _), x0, x1 in zip(heads, xs, xs[1:], strict=False):
            page.text(x0 + 14, y + 38, text, "colhead", max_width=x1 - x0 - 24)
        value_size = page.faces["value"].size
        for k, row in enumerate(rows[:count]):
            base = y + head + k * h + h / 2 + value_size * 0.36
            for value, x0, x1 in zip(row, xs, xs[1:], strict=False):
                if value:
                    page.text(x0 + 18, base, value, "value", max_width=x1 - x0 - 36)
        return bottom

    def options(self, x: float, y: float, chosen: str | None, *, yes_no: bool) -> float:
        """The printed answers, the chosen one marked by hand; returns where they end."""
        page = self.page
        keys = ("yes", "no", "unsure") if yes_no else ("immune", "not immune", "unsure")
        words = {
            "yes": "Yes",
            "no": "No",
            "immune": "Immune",
            "not immune": "Not immune",
            "unsure": self.style["unsure_word"],
        }
        texts = [words[key] for key in keys]
        if self.style["option_case"] == "upper":
            texts = [text.upper() for text in texts]
        ink = self.ink()
        size = page.faces["option"].size
        if self.style["option_mode"] == "boxes":
            mark = "cross" if self.style["mark"] == "strike" else "tick"
            for key, text in zip(keys, texts, strict=True):
                x = common.checkbox(page, x, y, checked=key == chosen, mark=mark, side=38)
                x = page.text(x + 18, y, text, "option") + 56
            return x
        spans = []
        for k, (key, text) in enumerate(zip(keys, texts, strict=True)):
            end = page.text(x, y, text, "option")
            spans.append((key, x, end))
            x = end
            if k < len(keys) - 1:
                x = page.text(x, y, "  /  ", "option")
        if chosen is None:
            return x
        jitter = page.jitter
        for key, x0, x1 in spans:
            if self.style["mark"] == "strike" and key != chosen:
                mid = y - size * 0.36
                page.draw.line(
                    [
                        (page.px(x0 - 8), page.px(mid + jitter.uniform(-6, 6))),
                        (page.px(x1 + 8), page.px(mid + jitter.uniform(-6, 6))),
                    ],
                    fill=ink,
                    width=max(1, page.px(5)),
                )
            elif self.style["mark"] == "underline" and key == chosen:
                base = y + 12
                points = [
                    (
                        page.px(x0 - 6 + (x1 - x0 + 12) * t / 8),
                        page.px(base + jitter.uniform(-3, 3)),
                    )
                    for t in range(9)
                ]
                page.draw.line(points, fill=ink, width=max(1, page.px(5)))
        return x

    def lines_of(
        self, y: float, text: str | None, x0: float, x1: float, count: int, gap: float = 84
    ) -> float:
        """``count`` ruled writing lines from baseline ``y``; ``text`` wrapped on them."""
        page = self.page
        rows = render.wrap(page, text, "value", x1 - x0 - 40) if text else []
        for k in range(max(count, len(rows))):
            base = y + k * gap
            self.line(x0, base + 14, x1, base + 14, width=2, fill=(130, 130, 130))
            if k < len(rows):
                page.text(x0 + 16, base, rows[k], "value", max_width=x1 - x0 - 24)
        return y + max(count, len(rows)) * gap

    def footer(self, number: int | None) -> None:
        page = self.page
        style = self.style
        page.text(LEFT, FOOTER, f"{style['form_code']}  {style['revision']}", "fine")
        if number:
            page.text(RIGHT, FOOTER, f"Page {number} of 2", "fine", anchor="rs")
        page.text((LEFT + RIGHT) / 2, FOOTER, style["hospital"]["name"], "fine", anchor="ms")
        # a form barcode in the margin
        x = RIGHT - 420.0
        bars = random.Random(style["form_code"])
        while x < RIGHT - 120:
            w = bars.choice((3, 3, 6, 9))
            page.draw.rectangle(
                [page.px(x), page.px(3140), page.px(x + w), page.px(3180)], fill=(30, 30, 30)
            )
            x += w + bars.choice((4, 6, 9))


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


# --- the record -----------------------------------------------------------------------------


def _label_box(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    """The patient ID label's place, top right: empty, or with the printed sticker on it."""
    page = sheet.page
    x0, y0, x1, y1 = 1600.0, 130.0, RIGHT, 430.0
    sticker = extras.get("sticker")
    if not sticker:
        for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
            length = ((c - a) ** 2 + (d - b) ** 2) ** 0.5
            steps = int(length // 30)
            for k in range(0, steps, 2):
                t0, t1 = k / steps, min(1.0, (k + 1) / steps)
                sheet.line(
                    a + (c - a) * t0,
                    b + (d - b) * t0,
                    a + (c - a) * t1,
                    b + (d - b) * t1,
                    width=2,
                    fill=(120, 120, 120),
                )
        page.text((x0 + x1) / 2, (y0 + y1) / 2 + 10, sheet.word("label_box"), "note", anchor="ms")
        return
    # the sticker: a white label with a soft shadow, a little off the box
    sx0, sy0, sx1, sy1 = x0 + 14, y0 + 12, x1 - 6, y1 - 4
    page.draw.rectangle(
        [page.px(sx0 + 8), page.px(sy0 + 8), page.px(sx1 + 8), page.px(sy1 + 8)],
        fill=(205, 205, 205),
    )
    page.draw.rounded_rectangle(
        [page.px(sx0), page.px(sy0), page.px(sx1), page.px(sy1)],
        radius=page.px(18),
        fill=(252, 252, 250),
        outline=(170, 170, 170),
        width=max(1, page.px(2)),
    )
    given, _, surname = str(fields["patient_name"]).rpartition(" ")
    birth = fields.get("birth_date")
    born = common.format_date(birth, sheet.style["sticker_date"], short_year=False) if birth else ""
    sex = str(extras.get("sex") or "")[:1]
    width = sx1 - sx0 - 50
    x = sx0 + 24
    page.text(x, sy0 + 62, f"{surname.upper()}, {given.upper()}", "sticker_bold", max_width=width)
    page.text(
        x, sy0 + 112, f"MRN {sticker['mrn']}   {sticker['encounter']}", "sticker", max_width=width
    )
    end = page.text(x, sy0 + 160, "DOB ", "sticker")
    end = page.text(end, sy0 + 160, born, "sticker")
    page.text(end + 30, sy0 + 160, sex, "sticker")
    admitted = common.format_date(sticker["admit"], sheet.style["sticker_date"])
    page.text(x, sy0 + 208, f"ADM {admitted}  {sticker['location']}", "sticker", max_width=width)
    page.text(x, sy0 + 256, sticker["attending"], "sticker", max_width=width)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    y = sheet.letterhead(right_limit=1580)
    _label_box(sheet, fields, extras)
    y = max(y, 450.0) + 70
    page.text(LEFT, y, style["labels"]["title"].upper(), "title", max_width=RIGHT - LEFT)
    page.text(LEFT, y + 50, sheet.word("instructions"), "note", max_width=RIGHT - LEFT)
    y += 80

    # how many rows the page holds, so the row height fits them
    rows = 7 + 1 + 3  # top, patient (name, birth, size, street, city, phones), contact
    rows += int(style["booking_row"]) + int(style["show_card"]) + int(style["show_gp"])
    rows += int(style["show_escort"])
    fixed = y + 3 * 72 + 3 * 24 + (4 + 2 * int(style["show_mmr"])) * 74 + 70 + 4 * 78 + 30
    sheet.row_h = min(float(style["row_h"]), (BODY_END - fixed) / rows)

    # the completion date, beside the booking
    done = (sheet.label("completed"), sheet.value_date(fields.get("record_date")), 1.0)
    booked = (sheet.label("surgery_date"), sheet.value_date(extras.get("surgery_date")), 1.0)
    hint = sheet.date_hint()
    if style["booking_first"]:
        y = sheet.row(y, [booked, done], hints={0: hint, 1: hint})
    else:
        y = sheet.row(y, [done, booked], hints={0: hint, 1: hint})
    if style["booking_row"]:
        y = sheet.row(
            y,
            [
                (sheet.label("procedure"), extras.get("procedure"), 1.25),
                (sheet.label("surgeon"), extras.get("surgeon"), 0.75),
            ],
        )
    y += 24

    # the patient
    y = sheet.section(y, "sec_patient")
    name = str(fields.get("patient_name") or "")
    if style["name_split"]:
        given, _, surname = name.rpartition(" ")
        y = sheet.row(
            y,
            [
                (sheet.label("surname"), surname or None, 1.0),
                (sheet.label("given"), given or None, 1.0),
            ],
        )
    else:
        y = sheet.row(y, [(sheet.label("full_name"), name or None, 1.0)])
    birth = common.date_text(fields, "birth_date", style) if extras.get("written_birth") else None
    age = extras.get("age")
    y = sheet.row(
        y,
        [
            (sheet.label("birth"), birth, 1.3),
            (sheet.label("age"), None if age is None else str(age), 0.45),
            (sheet.label("sex"), extras.get("sex"), 0.55),
        ],
        hints={0: hint},
    )
    y = sheet.row(
        y,
        [
            (sheet.label("height"), _with_unit(fields, "height", extras.get("height_unit")), 1.0),
            (sheet.label("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 1.0),
        ],
    )
    lines = common.address_lines(fields, extras)
    y = sheet.row(y, [(sheet.label("street"), lines[0], 1.0)])
    y = sheet.row(
        y, [(sheet.label("city"), lines[1], 1.45), (sheet.label("country"), lines[2], 0.55)]
    )
    y = sheet.row(
        y,
        [
            (sheet.label("phone"), sheet.value_phone(fields.get("phone")), 1.0),
            (sheet.label("cell"), sheet.value_phone(extras.get("other_phone")), 1.0),
        ],
    )
    if style["show_card"]:
        y = sheet.row(
            y,
            [
                (sheet.label("card"), extras.get("health_card"), 1.0),
                (sheet.label("version"), extras.get("version"), 0.45),
                (sheet.label("language"), extras.get("language"), 0.75),
            ],
        )
    if style["show_gp"]:
        y = sheet.row(
            y,
            [
                (sheet.label("gp"), extras.get("gp"), 1.1),
                (sheet.label("gp_phone"), sheet.value_phone(extras.get("gp_phone")), 0.9),
            ],
        )
    y += 24

    # the emergency contact
    y = sheet.section(y, "sec_contact")
    y = sheet.row(
        y,
        [
            (sheet.label("contact"), fields.get("emergency_contact_name"), 1.3),
            (sheet.label("relation"), extras.get("relation"), 0.7),
        ],
    )
    y = sheet.row(
        y,
        [
            (
                sheet.label("contact_phone"),
                sheet.value_phone(fields.get("emergency_contact_phone")),
                1.0,
            ),
            (
                sheet.label("contact_other"),
                sheet.value_phone(extras.get("emergency_work_phone")),
                1.0,
            ),
        ],
    )
    y = sheet.row(
        y, [(sheet.label("contact_address"), fields.get("emergency_contact_address"), 1.0)]
    )
    if style["show_escort"]:
        y = sheet.row(
            y,
            [
                (sheet.label("escort"), extras.get("escort"), 1.2),
                (sheet.label("escort_phone"), sheet.value_phone(extras.get("escort_phone")), 0.8),
            ],
        )
    y += 24

    # health history
    y = sheet.section(y, "sec_health")
    head = sheet.word("immunity_head")
    if style["option_mode"] == "boxes" and "delete" in head:
        head = "Immunity (mark one box for each)"
    page.text(LEFT + 10, y + 44, head, "colhead")
    y += 74
    rows_here: list[tuple[str, str | None, bool]] = [
        ("chicken_pox", fields.get("chicken_pox"), False),
        ("measles", fields.get("measles"), False),
    ]
    if style["show_mmr"]:
        rows_here += [
            ("mumps", extras.get("mumps_status"), False),
            ("rubella", extras.get("rubella_status"), False),
        ]
    for key, _, _ in list(rows_here):
        if extras.get(f"{key}_unsure"):
            rows_here = [(k, "unsure" if k == key else v, b) for k, v, b in rows_here]
    hep = fields.get("hepatitis_b_vaccination")
    if extras.get("hepatitis_b_vaccination_unsure"):
        hep = "unsure"
    rows_here.append(("hep_b", hep, True))
    column = LEFT + 40 + max(page.width(sheet.word(key), "label") for key, _, _ in rows_here) + 60
    for key, chosen, yes_no in rows_here:
        base = y + 50
        page.text(LEFT + 30, base, sheet.word(key), "label")
        sheet.options(column, base, chosen, yes_no=yes_no)
        sheet.line(LEFT + 20, y + 74, RIGHT, y + 74, width=1, fill=(170, 170, 170))
        y += 74
    y += 20
    page.text(LEFT + 30, y + 50, sheet.word("problems"), "label", max_width=RIGHT - LEFT - 40)
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    y = sheet.lines_of(y + 50 + 78, problems, LEFT + 30, RIGHT, 3, gap=78)
    sheet.footer(1)
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    sheet.part = 3
    page = sheet.page
    y = sheet.letterhead(right_limit=1580, compact=True)
    sticker = bool(extras.get("sticker"))
    if sticker:
        _label_box(sheet, fields, extras)
        y = 450.0
    page.text(
        LEFT,
        y + 40,
        f"{style['labels']['title']} {sheet.word('continued')}",
        "head_dark",
        max_width=RIGHT - LEFT,
    )
    y += 70
    name_row = bool(style["page_two_name"]) and not sticker
    fixed = y + 20 + 156 + 232 + 232 + 176 + 406 + 40
    sheet.row_h = min(float(style["row_h"]), (BODY_END - fixed) / (0.9 * 10 + 4 + int(name_row)))
    if name_row:
        y = sheet.row(y, [(sheet.label("full_name"), fields.get("patient_name"), 1.0)])
    y += 20

    # previous operations
    y = sheet.section(y, "sec_ops")
    y = sheet.table(
        y,
        [
            (sheet.word("op_year"), 0.35),
            (sheet.word("op_what"), 1.2),
            (sheet.word("op_problem"), 0.85),
        ],
        [list(row) for row in extras.get("operations", [])],
        3,
    )
    y += 30

    # allergies
    y = sheet.section(y, "sec_allergy")
    allergies = fields.get("allergies")
    ticked = allergies == [] and bool(extras.get("none_ticked"))
    mark = "cross" if style["mark"] == "strike" else "tick"
    end = common.checkbox(page, LEFT + 20, y + 52, checked=ticked, mark=mark, side=40)
    page.text(end + 20, y + 50, sheet.word("no_allergies"), "option")
    y += 76
    rows: list[list[str | None]] = []
    if allergies:
        reactions = list(extras.get("reactions") or [])
        reactions += [None] * (len(allergies) - len(reactions))
        rows = [[a, r] for a, r in zip(allergies, reactions, strict=False)]
    elif allergies == [] and not ticked:
        rows = [[style["empty_list"] or None, None]]
    y = sheet.table(y, [(sheet.word("allergy"), 1.0), (sheet.word("reaction"), 1.0)], rows, 3)
    y += 30

    # medications
    y = sheet.section(y, "sec_meds")
    medication = fields.get("regular_medication")
    none_meds = medication == [] and bool(extras.get("none_ticked"))
    end = common.checkbox(page, LEFT + 20, y + 52, checked=none_meds, mark=mark, side=40)
    page.text(end + 20, y + 50, sheet.word("no_meds"), "option")
    y += 76
    med_rows: list[list[str | None]] = []
    if medication:
        doses = list(extras.get("med_doses") or [])
        often = list(extras.get("med_often") or [])
        med_rows = [
            [m, doses[k] if k < len(doses) else None, often[k] if k < len(often) else None]
            for k, m in enumerate(medication)
        ]
    elif medication == [] and not none_meds:
        med_rows = [[style["empty_list"] or None, None, None]]
    y = sheet.table(
        y,
        [(sheet.word("med"), 1.1), (sheet.word("dose"), 0.6), (sheet.word("often"), 0.7)],
        med_rows,
        4,
    )
    y += 30

    # insurance
    y = sheet.section(y, "sec_insurance")
    end = page.text(LEFT + 20, y + 50, sheet.word("insured"), "label", max_width=1300)
    sheet.options(end + 50, y + 50, fields.get("has_insurance"), yes_no=True)
    y += 80
    y = sheet.row(
        y,
        [
            (sheet.label("insurer"), fields.get("insurance_company"), 1.1),
            (
                sheet.label("policy"),
                extras.get("policy_number_printed") or fields.get("policy_number"),
                0.9,
            ),
        ],
    )
    y = sheet.row(
        y,
        [
            (sheet.label("group"), extras.get("group_number"), 0.8),
            (sheet.label("holder"), extras.get("holder"), 1.2),
        ],
    )
    y = sheet.row(y, [(sheet.label("insurer_address"), fields.get("insurance_address"), 1.0)])
    y = sheet.row(
        y,
        [(sheet.label("expiry"), sheet.value_date(fields.get("insurance_expiry")), 1.0)],
        hints={0: sheet.date_hint()},
    )
    y += 24

    # declaration and signature
    y = sheet.section(y, "sec_declare")
    page.text(LEFT + 10, y + 44, sheet.word("declare"), "option", max_width=RIGHT - LEFT - 20)
    y += 44 + 150
    sheet.line(LEFT + 10, y, 1300, y, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, 1100, y - 8, sheet.ink())
    page.text(LEFT + 10, y + 40, sheet.word("signature"), "note")
    sheet.line(1500, y, RIGHT, y, width=3, fill=(60, 60, 60))
    page.text(1500, y + 40, sheet.word("signed"), "note")
    signed = sheet.value_date(extras.get("signed_date"))
    if signed:
        page.text(1530, y - 14, signed, "value", max_width=RIGHT - 1560)
    if style["office_row"]:
        y += 110
        end = page.text(LEFT + 10, y, sheet.word("office"), "note")
        sheet.line(end + 20, y + 10, 1450, y + 10, width=2, fill=(130, 130, 130))
        if extras.get("reviewer"):
            page.text(end + 40, y - 4, extras["reviewer"], "value", max_width=1430 - end - 40)
        end = page.text(1500, y, sheet.word("office_date"), "note")
        sheet.line(end + 20, y + 10, RIGHT, y + 10, width=2, fill=(130, 130, 130))
        review = sheet.value_date(extras.get("review_date")) if extras.get("reviewer") else None
        if review:
            page.text(end + 40, y - 4, review, "value", max_width=RIGHT - end - 60)
    sheet.footer(2)
    return page.image


# --- the prescription -----------------------------------------------------------------------


def _rx_mark(sheet: _Sheet, x: float, y: float) -> float:
    page = sheet.page
    face = "rx_glyph"
    if sheet.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces[face] = render.Face(family.regular, 110, sheet.colour)
        return page.text(x, y, fonts.RX_GLYPH, face)
    title = fonts.family(sheet.style["title_font"])
    page.faces[face] = render.Face(title.bold, 96, sheet.colour)
    return page.text(x, y, "Rx", face)


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    labels = sheet.label
    header = style["prescriber_place"] == "header"
    y = sheet.letterhead(right_limit=RIGHT)
    if header and fields.get("prescriber"):
        page.faces["doctor"] = render.Face(fonts.family(style["title_font"]).bold, 46, DARK)
        page.text(RIGHT, y + 30, fields["prescriber"], "doctor", anchor="rs", max_width=1200)
        page.text(
            RIGHT,
            y + 76,
            f"{RX_UNITS.get(style['unit'], '')}   {sheet.word('licence')} {extras.get('licence')}",
            "org_small",
            anchor="rs",
            max_width=1200,
        )
        y += 100
    sheet.line(LEFT, y + 10, RIGHT, y + 10, width=6, fill=sheet.colour)
    y += 40

    # the title and, on some forms, the date beside it
    page.text(LEFT, y + 60, style["labels"]["title"].upper(), "title")
    date_value = sheet.value_date(fields.get("date"))
    if style["date_place"] == "top":
        end = page.text(1450, y + 60, labels("date"), "label")
        sheet.line(end + 20, y + 74, RIGHT, y + 74, width=2)
        if date_value:
            page.text(end + 40, y + 58, date_value, "value", max_width=RIGHT - end - 60)
    y += 110

    # the patient
    sheet.row_h = min(sheet.row_h, 98.0)
    y = sheet.row(
        y,
        [
            (labels("patient"), fields.get("patient_name"), 1.3),
            (labels("birth"), sheet.value_date(extras.get("patient_birth"), short_year=False), 0.7),
        ],
    )
    y = sheet.row(y, [(labels("address"), fields.get("patient_address"), 1.0)])
    if style["show_card"] or style["show_phone"]:
        cells: list[tuple[str, str | None, float]] = []
        if style["show_phone"]:
            cells.append((labels("phone"), sheet.value_phone(extras.get("patient_phone")), 1.0))
        if style["show_card"]:
            cells.append((labels("card"), extras.get("health_card"), 1.0))
        y = sheet.row(y, cells)
    allergy_cells: list[tuple[str, str | None, float]] = [
        (labels("allergies"), extras.get("allergy_text"), 1.4)
    ]
    if style["show_weight"]:
        allergy_cells.append((labels("weight"), extras.get("weight_text"), 0.6))
    y = sheet.row(y, allergy_cells)
    y += 40

    # the medicines
    end = _rx_mark(sheet, LEFT, y + 100)
    table_y = y + 10
    heads = [(sheet.word("med"), 1.5), (sheet.word("qty"), 0.5)]
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    med_rows: list[list[str | None]] = [
        [m, quantities[k] if k < len(quantities) else None] for k, m in enumerate(medicines)
    ]
    # the table starts right of the symbol
    y = sheet.table(table_y, heads, med_rows, int(style["med_rows"]), height=100, left=end + 30)
    y += 40

    # directions
    page.text(LEFT, y + 40, labels("directions"), "label")
    y = sheet.lines_of(
        y + 40 + 90, fields.get("directions"), LEFT, RIGHT, int(style["sig_lines"]), gap=90
    )
    y += 20

    # repeats
    refills = fields.get("refills")
    base = y + 40
    end = page.text(LEFT, base, labels("refills"), "label")
    if style["refill_mode"] == "write":
        start = end + 30
        sheet.line(start, base + 14, start + 190, base + 14, width=2, fill=(110, 110, 110))
        if refills is not None:
            page.text(start + 95, base - 2, str(refills), "value", anchor="ms")
        page.text(start + 210, base, sheet.word("times"), "option")
        x = start + 210 + page.width(sheet.word("times"), "option") + 90
    else:
        x = end + 40
        mark = "cross" if style["mark"] == "strike" else "tick"
        for option in range(6):
            x = common.checkbox(page, x, base, checked=refills == option, mark=mark, side=38)
            x = page.text(x + 14, base, str(option), "option") + 44
        x = page.text(x, base, sheet.word("other"), "option") + 20
        sheet.line(x, base + 14, x + 170, base + 14, width=2, fill=(110, 110, 110))
        if refills is not None and not (isinstance(refills, int) and refills <= 5):
            page.text(x + 85, base - 2, str(refills), "value", anchor="ms")
        x += 260
    end = page.text(x, base, labels("interval"), "option") + 20
    sheet.line(end, base + 14, RIGHT, base + 14, width=2, fill=(110, 110, 110))
    if extras.get("interval"):
        page.text(end + 20, base - 2, extras["interval"], "value", max_width=RIGHT - end - 40)
    y = base + 60

    # the small boxes: no substitution, LU code, follow-up
    base = y + 50
    mark = "cross" if style["mark"] == "strike" else "tick"
    x = common.checkbox(page, LEFT, base, checked=bool(extras.get("nosub")), mark=mark, side=38)
    x = page.text(x + 16, base, sheet.word("nosub"), "option") + 70
    end = page.text(x, base, labels("lu"), "option") + 20
    sheet.line(end, base + 14, end + 200, base + 14, width=2, fill=(110, 110, 110))
    if extras.get("lu_code"):
        page.text(end + 20, base - 2, extras["lu_code"], "value", max_width=170)
    end = page.text(end + 260, base, labels("follow"), "option") + 20
    sheet.line(end, base + 14, RIGHT, base + 14, width=2, fill=(110, 110, 110))
    follow = sheet.value_date(extras.get("follow_up"))
    if follow:
        page.text(end + 20, base - 2, follow, "value", max_width=RIGHT - end - 40)
    y = base + 40

    # the pharmacy's box, left blank
    if style["pharmacy_box"]:
        top = y + 60
        sheet.rect(LEFT, top, RIGHT, top + 200, fill=(248, 248, 248))
        page.text(LEFT + 16, top + 40, "PHARMACY USE ONLY", "colhead")
        for k, text in enumerate(("Rx #", "Date filled", "Qty dispensed", "Pharmacist")):
            x0 = LEFT + k * (RIGHT - LEFT) / 4
            if k:
                sheet.line(x0, top + 60, x0, top + 200)
            page.text(x0 + 16, top + 100, text, "note")
        sheet.line(LEFT, top + 60, RIGHT, top + 60)
        y = top + 200

    # the signature block
    sign_y = min(max(y + 260, 2620.0), 2860.0)
    sheet.line(LEFT, sign_y, 1250, sign_y, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, 1050, sign_y - 8, sheet.ink())
    page.text(LEFT, sign_y + 40, sheet.word("signature"), "note")
    if style["date_place"] == "foot":
        sheet.line(1400, sign_y, RIGHT, sign_y, width=3, fill=(60, 60, 60))
        page.text(1400, sign_y + 40, sheet.word("date"), "note")
        if date_value:
            page.text(1430, sign_y - 16, date_value, "value", max_width=RIGHT - 1460)
    if not header:
        line_y = sign_y + 150
        end = page.text(LEFT, line_y, labels("prescriber"), "label")
        sheet.line(end + 20, line_y + 14, 1500, line_y + 14, width=2, fill=(110, 110, 110))
        if fields.get("prescriber"):
            page.text(end + 40, line_y - 2, fields["prescriber"], "value", max_width=1460 - end)
        end = page.text(1560, line_y, labels("licence"), "label")
        sheet.line(end + 20, line_y + 14, RIGHT, line_y + 14, width=2, fill=(110, 110, 110))
        page.text(
            end + 40,
            line_y - 2,
            str(extras.get("licence") or ""),
            "value",
            max_width=RIGHT - end - 60,
        )
    page.text(LEFT, 3150, sheet.word("void"), "fine", max_width=RIGHT - LEFT)
    sheet.footer(None)
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
    return common.form_renderer(
        (
            _prescription,
            _record_one,
            _record_two,
        )
    )(document_type, fields, extras, style, dpi=dpi, pages=pages)
