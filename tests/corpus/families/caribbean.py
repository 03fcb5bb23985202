"""A Caribbean medical centre's registration and an insurer's Rx claim.

Written blind as the held-out family of round 11 (then called ``heldout``): its author never read
the reader.

Both documents come from the English-speaking Caribbean (Jamaica, the Bahamas, Barbados,
Trinidad and Tobago, the Cayman Islands, Bermuda and the Windward and Leeward Islands), whose
telephone numbers are in the North American numbering plan (``(876) 555-0142``) while its forms
follow British conventions: dates mostly day first, addresses of a street, a town with its parish
or island (a postcode only in Barbados, Cayman and Bermuda) and the country, no ZIP code.

Patient record (two pages): a private medical centre's "patient registration and health
questionnaire". The letterhead (an emblem, the centre's name, street, town and country,
telephone, fax and e-mail) is at the top left and a framed office-use box at the top right (file
or docket number and a clerk's initials, distractors, and on some forms the date of registration,
which is the record date). The form's title follows with a line of instructions; on the forms
whose office box has no date, the record date is written after a label at the right of the title.
Sections are headed either by a centred capitalised title between double rules or by a roman
numeral, the title and a rule under both; the numbering runs on across the two pages.

* I, personal particulars: a *person matrix*. Its columns are people (the patient, the person to
  contact in an emergency and, on most forms, the next of kin, the last two in a per-form order),
  each headed by a coloured cell; its rows are attributes (name, relationship, date of birth, home
  address on three lines, home telephone, work or cell telephone, occupation), the row labels in a
  column at the left. Cells that do not apply (the contact's date of birth, the patient's
  relationship, printed "Self") are hatched or greyed. The emergency contact's column gives
  ``emergency_contact_name``, its home telephone ``emergency_contact_phone`` and its address
  (written over up to three lines, broken at commas; the truth joins them with ``", "``); the
  next of kin's column and the work telephones are distractors. The patient's address is its
  three rows joined (street, town line, country; the country sometimes left blank). Under the
  matrix a strip of short blanks: sex, age, weight and height (the unit written after the number)
  and a national identification number (a distractor).
* II, immunisation history: rows for chickenpox, measles (the fields), rubella and, on some forms,
  a COVID-19 vaccine question (distractors), the hepatitis B question and the date of the last
  tetanus booster (a distractor date). Answers are marked in one of two ways per copy: a *code*
  written in a small box (digits ``1`` / ``2`` / ``3`` or letters ``I`` / ``N`` / ``U`` and ``Y`` /
  ``N`` / ``U``), with the key printed once under the section title or after every box; or the
  chosen printed option *highlighted* with a translucent yellow marker. The third option
  (don't know, not sure, unknown) or no answer leaves the field out of the truth.
* III, medical history: a question naming examples, the conditions written on two rules (or the
  document's word for none, or nothing, for the empty list); the family doctor and the doctor's
  telephone (distractors).

Page 2 repeats a compact letterhead and a running line with the patient's name and file number.
IV, allergies, and V, regular medicines, are questions answered on rules (comma-separated lists;
the document's word for none or nothing for an empty list). VI, insurance: a yes / no question
marked like the immunities, then a paragraph with *blanks inside its sentences* (one of three
wordings): the insurer, the policy or membership number, the insurer's claims address and the
date the cover is valid until (the fields), and the principal member and the group or employer
plan (distractors), written on short rules inside the running text. VII, consent: a paragraph,
the signature, the date signed (the record date again, or blank) and a witness's name
(a distractor); an office strip at the foot with a deposit amount and a receipt number.

Prescription: an island insurer's "prescription drug claim form" in three parts. The insurer's
emblem, name, claims department, street, town and numbers at the top left, the form's title and
a red serial number at the top right, a line of instructions. Part A is a *person matrix* with
two columns, the principal member and the patient: name (the principal's name a distractor,
left blank when the patient is the member), member number, relationship, the patient's date of
birth (a distractor) and the patient's address (over two lines, broken at commas). Part B, for the
physician: the date of the prescription (here, or beside the signature at the foot of the part)
and a diagnosis code (a distractor); a ℞ (or ``Rx``) beside a table of numbered medicine rows
with a quantity column (distractors); directions on three rules; the repeats written on a short
rule before "times" or a highlighted number in a printed row ``0 1 2 3 4 5 PRN`` with an "other"
blank; the physician's name written after its label (the prescriber), a registration number and
an office telephone (distractors), the signature. Part C, for the pharmacy: a table of the items
dispensed (the medicines' names again, a quantity and an amount in dollars: distractors), the
pharmacy's rubber stamp in purple, the date dispensed (a distractor date a few days later) and
the total claimed. The insurer's small print runs along the foot.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageChops

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
BODY_END = 3110.0  # no text below this but the footer's fine print
FOOTER = 3222.0
DARK = (25, 25, 25)
GRID = (60, 60, 60)
HIGHLIGHTER = (255, 234, 90)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# fmt: off
PLACES = (  # town line, country, area code
    ("Kingston 10, St. Andrew", "Jamaica", "876"), ("Kingston 5", "Jamaica", "876"),
    ("Montego Bay, St. James", "Jamaica", "876"), ("Mandeville, Manchester", "Jamaica", "876"),
    ("Ocho Rios, St. Ann", "Jamaica", "876"), ("Spanish Town, St. Catherine", "Jamaica", "876"),
    ("Nassau, New Providence", "Bahamas", "242"), ("Freeport, Grand Bahama", "Bahamas", "242"),
    ("Bridgetown, St. Michael BB11000", "Barbados", "246"),
    ("Holetown, St. James BB24016", "Barbados", "246"),
    ("Port of Spain", "Trinidad and Tobago", "868"), ("San Fernando", "Trinidad and Tobago", "868"),
    ("Scarborough, Tobago", "Trinidad and Tobago", "868"),
    ("George Town, Grand Cayman KY1-1104", "Cayman Islands", "345"),
    ("Hamilton HM 12", "Bermuda", "441"), ("Castries", "Saint Lucia", "758"),
    ("Kingstown", "St. Vincent and the Grenadines", "784"), ("St. George's", "Grenada", "473"),
    ("Road Town, Tortola", "British Virgin Islands", "284"), ("Basseterre", "St. Kitts", "869"),
    ("Roseau", "Dominica", "767"), ("St. John's", "Antigua", "268"),
)
STREETS = (
    "Hope", "Constant Spring", "Old Hope", "Barbican", "Red Hills", "Marine", "Harbour", "Bay",
    "Palm", "Hibiscus", "Mahogany", "Coral", "Seaview", "Church", "Queen", "King", "Duke",
    "Cane Garden", "Frangipani", "Tamarind", "Breadfruit", "Cotton Tree", "Shirley", "Market",
    "Windward", "Belmont", "Lady Musgrave", "Waterloo", "Paradise", "Bougainvillea",
)
STREET_KINDS = ("Road", "Rd", "Street", "St", "Avenue", "Ave", "Drive", "Lane", "Close",
                "Crescent", "Gardens", "Terrace", "Way")
FIRST_NAMES = (
    *values.FIRST_NAMES, "Andre", "Kemar", "Shanice", "Tamika", "Dwayne", "Marlon", "Latoya",
    "Rohan", "Keisha", "Shawn", "Nadine", "Winston", "Beverley", "Desmond", "Marcia", "Clive",
    "Sonia", "Ravi", "Anisa", "Delroy", "Simone", "Trevor", "Yvonne", "Kareem", "Giselle",
)
SURNAMES = (
    *values.LAST_NAMES, "Fraser", "Henry", "Grant", "McKenzie", "Forbes", "Ferguson", "Rolle",
    "Knowles", "Pinder", "Gittens", "Boyce", "Ramdial", "Maharaj", "Persad", "Joseph", "Charles",
    "Alleyne", "Ebanks", "Bodden", "Outerbridge", "Simmons", "Daley", "Bailey", "Thompson",
    "Francis", "Lewis",
)
CENTRES = (
    "Harbourview Medical Centre", "Windward Private Hospital", "Seacrest Medical Centre",
    "St. Andrew Polyclinic", "Coral Bay Medical Centre", "Palm Grove Family Health Centre",
    "Bayside Medical Associates", "Mahogany Hill Medical Centre", "Belmont Private Hospital",
)
INSURERS = (
    "Sagicor Life", "Guardian Life", "Guardian Group", "BF&M Insurance", "Colina Insurance",
    "Family Guardian", "CG United Insurance", "Cigna Global Health", "Bupa Global",
    "Allianz Care", "GeoBlue", "Island Heritage Health", "Caribbean Alliance Health",
    "Beacon Health Plan", "Antilles Mutual",
    # as printed, typos kept
    "Sagicor Lfe", "Gaurdian Life", "Colinna Insurance", "BF&M Insurence",
)
CLAIM_INSURERS = (
    "Antilles Mutual Health", "Island Heritage Health", "Caribbean Alliance Health",
    "Windward Medical Assurance", "Beacon Health Plan", "Harbour Life & Health",
)
RELATIONS = (
    "Mother", "Father", "Wife", "Husband", "Spouse", "Common-law spouse", "Daughter", "Son",
    "Sister", "Brother", "Aunt", "Uncle", "Cousin", "Friend", "Godmother", "Neighbour",
)
GUARDIANS = ("Mother", "Father", "Grandmother", "Grandfather", "Aunt", "Uncle", "Guardian")
DEPENDANTS = ("Spouse", "Wife", "Husband", "Child", "Son", "Daughter", "Dependant")
OCCUPATIONS = (
    "Teacher", "Nurse", "Accountant", "Hotel worker", "Civil servant", "Police officer",
    "Student", "Retired", "Farmer", "Mechanic", "Bank clerk", "Fisherman", "Self-employed",
    "Taxi operator", "Pharmacist", "Security guard", "Chef", "Engineer", "Pensioner",
)
CONDITIONS = (*values.CONDITIONS, "Sickle cell trait", "Glaucoma", "Sickle cell disease")
DIAGNOSES = ("J02.9", "J06.9", "I10", "E11.9", "N39.0", "L03.90", "M54.5", "K21.9", "J45.909",
             "H10.9", "B34.9", "R51", "A90", "E78.5", "J01.90")
PHARMACIES = ("Fontana Pharmacy", "Lee's Drug Store", "Harbour Street Pharmacy", "Island Pharmacy",
              "Medi-Care Drugs", "Super Plus Pharmacy", "Collins Pharmacy", "Kelly's Drug Mart")
COLOURS = ([0, 96, 110], [20, 70, 140], [150, 40, 40], [40, 100, 50], [90, 50, 120],
           [70, 70, 80])
DATE_CHOICES = ("dmy_slash", "dmy_slash", "dmy_slash", "dmy_dot", "dmy_short", "dmy_long",
                "dmy_text", "dmy_text", "mdy_slash", "mdy_long", "iso")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Patient Registration Form",
        "New Patient Registration & Health Questionnaire",
        "Patient Information and Medical History",
        "Registration / Health History Form",
    ),
    "instructions": (
        "Please complete in BLOCK LETTERS and answer every question.",
        "All information is confidential. Please print clearly.",
        "To be completed by the patient (or parent / guardian) at the first visit.",
    ),
    "office": ("FOR OFFICE USE ONLY", "OFFICE USE", "OFFICIAL USE"),
    "file_no": ("File No.", "Docket No.", "Chart No.", "Reg. No."),
    "registered": ("Date registered", "Date of registration", "Reg. date"),
    "clerk": ("Clerk", "Recorded by", "Initials"),
    "title_date": ("Date", "Today's date", "Date completed"),
    "sec_particulars": (
        "Personal Particulars",
        "Patient and Contacts",
        "Particulars of Patient and Relatives",
    ),
    "col_patient": ("Patient", "Patient (self)", "The patient"),
    "col_contact": ("Emergency contact", "In emergency notify", "Person to contact"),
    "col_kin": ("Next of kin", "Nearest relative", "Next-of-kin"),
    "r_name": ("Full name", "Name (first & last)", "Name in full", "Names"),
    "r_relation": ("Relationship to patient", "Relationship", "Relation"),
    "r_birth": ("Date of birth", "D.O.B.", "Born"),
    "r_address": ("Home address", "Residential address", "Address"),
    "r_home_tel": ("Home telephone", "Tel. (home)", "Telephone", "Phone (res.)"),
    "r_other_tel": ("Work / cell", "Tel. (work / mobile)", "Cell / business phone"),
    "r_occupation": ("Occupation", "Occupation / employer"),
    "self": ("Self", "SELF", "-"),
    "sex": ("Sex", "Gender", "M / F"),
    "age": ("Age", "Age (yrs)"),
    "weight": ("Weight", "Wt.", "Body weight"),
    "height": ("Height", "Ht."),
    "id_no": ("TRN / NIS No.", "National ID No.", "NIB No.", "NIS No."),
    "sec_immun": ("Immunisation History", "Immunity and Vaccination", "Vaccination Record"),
    "code_intro": (
        "Write the number or letter of your answer in the box.",
        "Enter the code that applies in each box.",
        "Answer by code in the box provided.",
    ),
    "highlight_intro": (
        "Highlight the answer that applies on each line.",
        "Mark one answer on each line with a highlighter.",
    ),
    "unsure_immune": ("Don't know", "Not sure", "Unknown"),
    "unsure_yes_no": ("Not sure", "Don't know", "Unsure"),
    "chicken_pox": ("Chickenpox (varicella)", "Chicken pox", "Varicella / chickenpox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "rubella": ("Rubella (German measles)", "German measles"),
    "covid": ("COVID-19 vaccine received?", "Vaccinated against COVID-19?"),
    "hep_b": (
        "Completed the hepatitis B vaccine series?",
        "Hepatitis B vaccination (3 doses) done?",
        "Vaccinated against hepatitis B?",
    ),
    "tetanus": ("Last tetanus booster (date)", "Date of last tetanus shot", "Tetanus - last dose"),
    "sec_history": ("Medical History", "Health History", "Past and Present Illnesses"),
    "problems": (
        "Are you being treated for any illness (e.g. diabetes, high blood pressure, asthma, "
        "sickle cell)? Please list:",
        "List any medical conditions, including high blood pressure, sugar (diabetes) and "
        "sickle cell:",
        "Existing medical conditions:",
    ),
    "doctor": ("Name of your family doctor", "Regular doctor / GP", "Family physician"),
    "doctor_tel": ("Tel.", "Phone", "Doctor's tel."),
    "running": ("Patient name", "Name of patient", "Patient"),
    "continued": ("(continued)", "- page 2", "(cont.)"),
    "sec_allergy": ("Allergies", "Allergies and Reactions", "Drug and Food Allergies"),
    "allergy_q": (
        "Are you allergic to any medicine, food, insect sting or latex? List them:",
        "List all known allergies (medicines, foods, other):",
        "Allergies to medicines or anything else:",
    ),
    "sec_meds": ("Current Medication", "Medicines You Take", "Regular Medication"),
    "meds_q": (
        "List every medicine you take regularly, including bush teas and supplements:",
        "What medicines do you take every day or most days?",
        "Regular medication (names):",
    ),
    "sec_insurance": ("Insurance and Assignment of Benefits", "Health Insurance", "Payment"),
    "insured_q": (
        "Are you covered by health insurance?",
        "Do you have medical insurance?",
        "Is your care covered by an insurance plan?",
    ),
    "sec_consent": ("Consent and Signature", "Declaration", "Authorisation"),
    "consent": (
        "I consent to examination and treatment by the doctors and staff of this centre and "
        "confirm that the information I have given is true and complete.",
        "I certify that the above is correct. I agree to pay all charges not covered by my "
        "insurer and to inform the centre of any change to these particulars.",
    ),
    "signature": ("Signature of patient / guardian", "Patient's signature", "Signed"),
    "signed": ("Date", "Date signed"),
    "witness": ("Witness", "Witnessed by"),
    "deposit": ("Deposit received", "Amount paid"),
    "receipt": ("Receipt No.", "Rec. No."),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Prescription Drug Claim Form",
        "Prescription Claim Form",
        "Pharmacy Benefit Claim - Prescription",
    ),
    "department": ("Health Claims Department", "Group Health Claims", "Medical Claims Unit"),
    "instructions": (
        "Part A: member. Part B: prescribing physician. Part C: pharmacy. Attach the original "
        "receipt.",
        "This form must be completed in full; incomplete claims will be returned to the member.",
    ),
    "part_a": ("Part A - Member and Patient", "Section A: Member / Patient Details"),
    "part_b": (
        "Part B - Prescription (to be completed by the physician)",
        "Section B: Physician's Prescription",
    ),
    "part_c": ("Part C - Pharmacy", "Section C: Dispensing Pharmacy"),
    "col_member": ("Principal member", "Policyholder / employee", "Member"),
    "col_patient": ("Patient", "Patient (if dependant)", "Claimant"),
    "r_name": ("Name", "Full name", "Name in full"),
    "r_member_no": ("Member / policy No.", "Certificate No.", "Member ID"),
    "r_relation": ("Relationship to member", "Relationship", "Relation"),
    "r_birth": ("Date of birth", "D.O.B."),
    "r_address": ("Address", "Home address", "Mailing address"),
    "date": ("Date of prescription", "Date", "Date written"),
    "diagnosis": ("Diagnosis (ICD-10)", "Diagnosis code", "ICD code"),
    "med": ("Medicine, strength & dosage form", "Drug / strength", "Medication prescribed"),
    "qty": ("Qty", "Quantity", "No. of units"),
    "directions": ("Directions for use", "Sig. / directions", "Instructions to patient"),
    "repeats": ("Repeats", "Refills", "Number of repeats"),
    "times": ("times", "time(s)"),
    "other": ("Other:", "or"),
    "physician": ("Physician's name (print)", "Prescribing doctor", "Name of physician"),
    "reg": ("Med. Council Reg. No.", "Registration No.", "Reg. No."),
    "tel": ("Tel.", "Office tel.", "Phone"),
    "signature": ("Physician's signature", "Signature of doctor", "Signature"),
    "sign_date": ("Date", "Date signed"),
    "item": ("Item dispensed", "Drug dispensed", "Product"),
    "amount": ("Amount ($)", "Cost $", "Price"),
    "dispensed": ("Date dispensed", "Date filled"),
    "total": ("Total claimed ($)", "Total $", "Amount claimed"),
    "stamp": ("Pharmacy stamp", "Stamp of pharmacy"),
    "small_print": (
        "Claims must be submitted within 90 days of the date of service. The insurer may "
        "request further information. Any false statement may void the claim.",
        "Benefits are subject to the terms of the policy. Keep a copy for your records.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _place(rnd: random.Random) -> tuple[str, str, str]:
    town, country, area = rnd.choice(PLACES)
    return town, country, area


def _street(rnd: random.Random) -> str:
    number = rnd.choice((rnd.randint(1, 40), rnd.randint(1, 299)))
    street = f"{rnd.choice(STREETS)} {rnd.choice(STREET_KINDS)}"
    if rnd.random() < 0.15:
        return f"Lot {number} {street}"
    return f"{number} {street}"


def _phone(rnd: random.Random, area: str | None = None) -> str:
    return f"({area or _place(rnd)[2]}) 555-01{rnd.randint(0, 99):02d}"


def _person(rnd: random.Random, last: str | None = None) -> str:
    first = rnd.choice(FIRST_NAMES)
    last = last or rnd.choice(SURNAMES)
    if rnd.random() < 0.1:
        return f"{first} {rnd.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    return f"{first} {last}"


def _other_person(rnd: random.Random, taken: Sequence[str], last: str | None = None) -> str:
    name = _person(rnd, last)
    while name in taken:
        name = _person(rnd)
    return name


def _doctor(rnd: random.Random) -> str:
    return f"Dr. {rnd.choice(FIRST_NAMES)[0]}. {rnd.choice(SURNAMES)}"


def _pick(rnd: random.Random, pool: Sequence[str], none_share: float, most: int) -> list[str]:
    if rnd.random() < none_share:
        return []
    return rnd.sample(list(pool), rnd.randint(1, most))


def _one_line_address(rnd: random.Random) -> str:
    town, country, _ = _place(rnd)
    return f"{_street(rnd)}, {town}, {country}"


def _code(mark: str, key: str) -> str:
    """The code a copy answers ``key`` with (``digits`` or ``letters``)."""
    if mark == "digits":
        return {"immune": "1", "yes": "1", "not immune": "2", "no": "2", "unsure": "3"}[key]
    return {"immune": "I", "not immune": "N", "yes": "Y", "no": "N", "unsure": "U"}[key]


def _answer(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str | None:
    """A choice row's answer: the field, a distractor's status, ``unsure`` or none."""
    if extras.get(f"{name}_unsure"):
        return "unsure"
    value = fields.get(name) or extras.get(f"{name}_status")
    return str(value) if value else None


_CHOICE_ROWS = ("chicken_pox", "measles", "rubella", "covid", "hepatitis_b_vaccination")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice(printed)
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choices(("digits", "letters", "highlight"), weights=(3, 2, 3))[0]
    style["empty_list"] = rnd.choice(("N/A", "Nil", "None", "NIL", "none", ""))
    style["head_mode"] = rnd.choice(("centred", "roman"))
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["emblem"] = rnd.choice(("sun", "ring", "leaf"))
    style["printed_phones"] = rnd.choice(("paren", "dash", "dot"))
    style["row_h"] = rnd.randint(94, 106)
    style["hatch"] = rnd.choice(("hatch", "grey"))
    style["form_code"] = f"{rnd.choice(('REG', 'MR', 'PR', 'HQ'))}-{rnd.randint(10, 99)}"
    style["revision"] = f"Rev. {rnd.randint(1, 12):02d}/{rnd.randint(16, 24)}"
    town, country, area = _place(rnd)
    org = {
        "street": f"{rnd.randint(1, 120)} {rnd.choice(STREETS)} {rnd.choice(STREET_KINDS)}",
        "town": f"{town}, {country}",
        "phone": f"({area}) 555-01{rnd.randint(0, 99):02d}",
        "fax": f"({area}) 555-01{rnd.randint(0, 99):02d}",
    }
    if document_type == "prescription":
        org["name"] = rnd.choice(CLAIM_INSURERS)
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            org=org,
            serial=f"{rnd.randint(0, 999_999):06d}",
            date_place=rnd.choice(("top", "foot")),
            refill_mode=rnd.choice(("write", "highlight")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.6,
            med_rows=rnd.choice((4, 5)),
            prescriber_written=True,
        )
        return style
    org["name"] = rnd.choice(CENTRES)
    org["email"] = f"info@{org['name'].split()[0].lower().strip('.')}med.com"
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        org=org,
        date_place=rnd.choice(("office", "title")),
        columns=rnd.choice(("contact_first", "kin_first", "contact_only", "contact_first")),
        key_place=rnd.choice(("top", "row")),
        show_covid=rnd.random() < 0.5,
        show_office_strip=rnd.random() < 0.6,
        cloze=rnd.randrange(3),
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
    record = _between(rnd, dt.date(2019, 1, 5), dt.date(2025, 11, 30))
    birth = _between(rnd, dt.date(1934, 1, 1), min(dt.date(2015, 12, 31), record))
    last = rnd.choice(SURNAMES)
    fields: dict[str, Any] = {
        "record_date": record.isoformat(),
        "patient_name": _person(rnd, last),
        "birth_date": birth.isoformat(),
    }
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    if birth >= record:
        birth = record - dt.timedelta(days=400)
        fields["birth_date"] = birth.isoformat()
    town, country, area = _place(rnd)
    lines = [_street(rnd), town]
    if rnd.random() < 0.8:
        lines.append(country)
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.9:
        fields["phone"] = _phone(rnd, area)
    age = (record - birth).days // 365
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "age": age if rnd.random() < 0.8 else None,
        "sex": rnd.choice(("M", "F", "Male", "Female")) if rnd.random() < 0.9 else None,
        "id_number": f"{rnd.randint(100, 999)}-{rnd.randint(100, 999)}-{rnd.randint(100, 999)}"
        if rnd.random() < 0.7
        else None,
        "occupation": (rnd.choice(OCCUPATIONS) if age >= 18 else "Student")
        if rnd.random() < 0.75
        else None,
        "other_phone": _phone(rnd, area) if rnd.random() < 0.5 else None,
        "file_no": f"{rnd.randint(1000, 99999)}/{record.year % 100:02d}",
        "clerk": f"{rnd.choice('ABCDEGJKLMNPRST')}.{rnd.choice('ABCDEGJKLMNPRST')}."
        if rnd.random() < 0.7
        else None,
    }
    if rnd.random() < 0.93:
        fields["emergency_contact_name"] = _other_person(
            rnd, [fields["patient_name"]], last if rnd.random() < 0.5 else None
        )
        relations = RELATIONS if age >= 18 else GUARDIANS
        extras["contact_relation"] = rnd.choice(relations) if rnd.random() < 0.9 else None
        if rnd.random() < 0.95:
            fields["emergency_contact_phone"] = _phone(rnd, area if rnd.random() < 0.7 else None)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = _phone(rnd, area)
        if rnd.random() < 0.8:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.25 else _one_line_address(rnd)
            )
    taken = [fields["patient_name"], fields.get("emergency_contact_name", "")]
    extras["kin_name"] = _other_person(rnd, taken, last) if rnd.random() < 0.85 else None
    kin_relations = RELATIONS if age >= 18 else GUARDIANS
    extras["kin_relation"] = rnd.choice(kin_relations) if extras["kin_name"] else None
    extras["kin_phone"] = _phone(rnd) if extras["kin_name"] and rnd.random() < 0.8 else None
    extras["kin_other_phone"] = _phone(rnd) if extras["kin_name"] and rnd.random() < 0.3 else None
    extras["kin_address"] = (
        _one_line_address(rnd) if extras["kin_name"] and rnd.random() < 0.7 else None
    )
    for name in ("chicken_pox", "measles", "rubella"):
        roll = rnd.random()
        status = "immune" if roll < 0.68 else "not immune" if roll < 0.86 else None
        if status is None and rnd.random() < 0.65:
            extras[f"{name}_unsure"] = True
        if name == "rubella":
            extras["rubella_status"] = status
        elif status:
            fields[name] = status
    for name in ("hepatitis_b_vaccination", "covid"):
        roll = rnd.random()
        answer = "yes" if roll < 0.6 else "no" if roll < 0.88 else None
        if answer is None and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
        if name == "covid":
            extras["covid_status"] = answer
        elif answer:
            fields[name] = answer
    if rnd.random() < 0.6:
        last_shot = _between(rnd, birth + dt.timedelta(days=5 * 365), record - dt.timedelta(400))
        extras["tetanus"] = last_shot.isoformat() if last_shot < record else None
    fields["medical_problems"] = _pick(rnd, CONDITIONS, 0.4, 3)
    extras["gp"] = _doctor(rnd) if rnd.random() < 0.7 else None
    extras["gp_phone"] = _phone(rnd, area) if extras["gp"] and rnd.random() < 0.7 else None
    # page 2
    fields["allergies"] = _pick(rnd, values.ALLERGIES, 0.45, 3)
    medication = [name for name, *_ in rnd.sample(values.DRUGS, rnd.randint(1, 3))]
    fields["regular_medication"] = [] if rnd.random() < 0.4 else medication
    roll = rnd.random()
    if roll < 0.8:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
        fields["has_insurance"] = "no"
    elif rnd.random() < 0.5:
        extras["has_insurance_unsure"] = True
    if fields.get("has_insurance") == "yes":
        fields["insurance_company"] = rnd.choice(INSURERS)
        printed, canonical = values.policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.85:
            town, country, _ = _place(rnd)
            street = rnd.choice(
                (_street(rnd), f"PO Box {rnd.choice('NS')}-{rnd.randint(100, 9999)}")
            )
            fields["insurance_address"] = f"{street}, {town}, {country}"
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                record + dt.timedelta(days=rnd.randint(40, 1000))
            ).isoformat()
        extras["group"] = (
            f"{rnd.choice(('GRP', 'G', ''))}{rnd.randint(1000, 99999)}"
            if rnd.random() < 0.6
            else None
        )
        extras["holder"] = (
            rnd.choice(("Self", "Self", _other_person(rnd, taken, last)))
            if rnd.random() < 0.7
            else None
        )
    extras["signed_date"] = record.isoformat() if rnd.random() < 0.7 else None
    extras["witness"] = _other_person(rnd, taken) if rnd.random() < 0.4 else None
    extras["deposit"] = (
        f"${rnd.choice((50, 100, 150, 200, 250, 500, 1000, 2500)):,}.00"
        if rnd.random() < 0.5
        else None
    )
    extras["receipt"] = str(rnd.randint(10000, 999999)) if rnd.random() < 0.5 else None
    extras["code_marks"] = _codes_written(fields, extras, style["mark"])
    return fields, extras, style


def _codes_written(fields: Mapping[str, Any], extras: Mapping[str, Any], mark: str) -> list[str]:
    """The codes a copy marked by code writes in its boxes."""
    if mark == "highlight":
        return []
    written = []
    for name in (*_CHOICE_ROWS, "has_insurance"):
        answer = _answer(fields, extras, name)
        if answer:
            written.append(_code(mark, answer))
    return sorted(set(written))


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    title = rnd.choice(("Dr. ", "Dr ", "Dr. "))
    suffix = rnd.choice(("", "", ", MBBS", ", MBBS, DM", ", MD", ", M.B.B.S."))
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 20))
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(FIRST_NAMES)} {rnd.choice(SURNAMES)}{suffix}",
        "patient_name": _person(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    town, country, area = _place(rnd)
    if rnd.random() < 0.85:
        parts = [_street(rnd), town]
        if rnd.random() < 0.5:
            parts.append(country)
        fields["patient_address"] = ", ".join(parts)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.9:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    quantities = []
    dispensed = []
    for name, _, _, form in drugs:
        count = rnd.choice((10, 14, 20, 21, 28, 30, 60, 90)) if form else 1
        quantities.append(
            rnd.choice((str(count), f"#{count}", f"{count} {form}s" if form else "1"))
        )
        amount = f"{rnd.randint(3, 180) * 25 / 10:,.2f}"
        dispensed.append([name, str(count), amount])
    member_self = rnd.random() < 0.3
    surname = fields["patient_name"].split()[-1]
    principal = None if member_self else _person(rnd, surname if rnd.random() < 0.6 else None)
    extras: dict[str, Any] = {
        "principal": principal,
        "member_no": f"{rnd.choice(('', 'M', 'JM', 'BB'))}{rnd.randint(100000, 9999999)}"
        + (f"-{rnd.randint(0, 9):02d}" if rnd.random() < 0.4 else ""),
        "relation": "Self" if member_self else rnd.choice(DEPENDANTS),
        "patient_birth": _between(rnd, dt.date(1936, 1, 1), written - dt.timedelta(400)).isoformat()
        if rnd.random() < 0.8
        else None,
        "diagnosis": rnd.choice(DIAGNOSES) if rnd.random() < 0.8 else None,
        "quantities": quantities,
        "reg_no": f"{rnd.choice(('', 'MC ', 'R'))}{rnd.randint(1000, 29999)}",
        "prescriber_phone": _phone(rnd, area) if rnd.random() < 0.7 else None,
        "dispensed": dispensed if rnd.random() < 0.8 else [],
        "dispensed_date": (written + dt.timedelta(days=rnd.randint(1, 9))).isoformat()
        if rnd.random() < 0.8
        else None,
        "pharmacy": [
            rnd.choice(PHARMACIES).upper(),
            f"{rnd.choice(STREETS).upper()} {rnd.choice(('ST', 'RD', 'PLAZA'))}, {town.upper()}",
            f"TEL {common.format_phone(_phone(rnd, area), 'dash')}",
        ]
        if rnd.random() < 0.85
        else [],
    }
    amounts = [float(row[2].replace(",", "")) for row in extras["dispensed"]]
    extras["total"] = f"{sum(amounts):,.2f}" if amounts else None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


def _mono() -> fonts.FontFamily:
    found = fonts.installed_families()[0]
    for item in fonts.installed_families():
        if item.name == "Liberation Mono":
            found = item
    return found


class _Form(common.Drawing):
    """One page of the forms: its faces and the ways it draws labels, cells and answers."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = (
            int(style["colour"][0]),
            int(style["colour"][1]),
            int(style["colour"][2]),
        )
        self.tint = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        self.section_number = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, DARK
        )
        faces["plain"] = render.Face(label.regular, size, DARK)
        faces["key"] = render.Face(label.regular, size - 5, (45, 45, 45))
        faces["colhead"] = render.Face(label.bold, size - 3, (255, 255, 255))
        faces["head"] = render.Face(title.bold, 40, self.colour)
        faces["title"] = render.Face(title.bold, 52, DARK)
        faces["org"] = render.Face(title.bold, 52, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 27, (80, 80, 80))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        mono = _mono()
        faces["serial"] = render.Face(mono.bold, 40, (190, 30, 30))
        faces["stamp"] = render.Face(mono.bold, 29, (95, 55, 150))
        self.row_h = float(style["row_h"])

    # words and values

    def label(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["label_case"] == "upper" else text

    def word(self, key: str) -> str:
        return self.labels[key]

    def date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    def printed_phone(self, canonical: str) -> str:
        return common.format_phone(canonical, self.style["printed_phones"])

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
        self, x0: float, y0: float, x1: float, y1: float, fill: Any = None, outline: Any = GRID
    ) -> None:
        page = self.page
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            fill=fill,
            outline=outline,
            width=max(1, page.px(2)),
        )

    def hatch(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A cell that does not apply: hatched, or greyed, as the form prints it."""
        if self.style["hatch"] == "grey":
            self.rect(x0, y0, x1, y1, fill=(222, 222, 222))
            return
        height = y1 - y0
        t = x0 - height
        while t < x1:
            ys, ye = y0 + max(0.0, x0 - t), y0 + min(height, x1 - t)
            if ys < ye:
                self.line(t + ys - y0, ys, t + ye - y0, ye, width=1.5, fill=(150, 150, 150))
            t += 26

    def highlight(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A stroke of yellow highlighter over printed words (multiplied, so they stay dark)."""
        page = self.page
        jitter = page.jitter
        box = (
            page.px(x0 + jitter.uniform(-10, 4)),
            page.px(y0 + jitter.uniform(-6, 4)),
            page.px(x1 + jitter.uniform(-4, 12)),
            page.px(y1 + jitter.uniform(-4, 6)),
        )
        if box[2] - box[0] < 1 or box[3] - box[1] < 1:
            return
        region = page.image.crop(box)
        marker = Image.new("RGB", region.size, HIGHLIGHTER)
        page.image.paste(ImageChops.multiply(region, marker), box[:2])

    def emblem(self, x: float, y: float, side: float) -> None:
        page = self.page
        c = self.colour
        kind = self.style["emblem"]
        px = page.px
        if kind == "sun":  # a sun over the sea
            page.draw.ellipse(
                [px(x + side * 0.2), px(y + side * 0.08), px(x + side * 0.8), px(y + side * 0.68)],
                fill=c,
            )
            for k in range(3):
                top = y + side * (0.62 + 0.13 * k)
                points = [
                    (px(x + side * t / 12), px(top + side * 0.04 * (-1) ** t)) for t in range(13)
                ]
                page.draw.line(points, fill=c, width=max(1, px(side * 0.06)))
        elif kind == "ring":
            page.draw.ellipse(
                [px(x), px(y), px(x + side), px(y + side)], outline=c, width=max(1, px(side * 0.08))
            )
            arm = side * 0.14
            mid = side / 2
            for box in (
                (x + mid - arm, y + side * 0.22, x + mid + arm, y + side * 0.78),
                (x + side * 0.22, y + mid - arm, x + side * 0.78, y + mid + arm),
            ):
                page.draw.rectangle([px(v) for v in box], fill=c)
        else:  # a leaf
            page.draw.ellipse(
                [px(x + side * 0.15), px(y), px(x + side * 0.85), px(y + side)], fill=c
            )
            page.draw.line(
                [(px(x + side * 0.5), px(y + side * 0.08)), (px(x + side * 0.5), px(y + side))],
                fill=(255, 255, 255),
                width=max(1, px(side * 0.05)),
            )

    def letterhead(self, *, right_limit: float, department: str | None = None) -> float:
        """Emblem, name and address block at the top left; returns the y under it."""
        page = self.page
        org = self.style["org"]
        top, side = 130.0, 160.0
        self.emblem(LEFT, top, side)
        x = LEFT + side + 40
        width = right_limit - x
        page.text(x, top + 50, org["name"], "org", max_width=width)
        y = top + 94
        if department:
            page.text(x, y, department, "org_small", max_width=width)
            y += 40
        page.text(x, y, f"{org['street']}, {org['town']}", "org_small", max_width=width)
        y += 40
        numbers = (
            f"Tel: {self.printed_phone(org['phone'])}    Fax: {self.printed_phone(org['fax'])}"
        )
        if org.get("email"):
            numbers += f"    {org['email']}"
        page.text(x, y, numbers, "org_small", max_width=width)
        return max(y + 30, top + side + 20)

    def heading(self, y: float, key: str, *, numbered: bool = True) -> float:
        """A section title at ``y`` (its top); returns the top of what follows."""
        page = self.page
        self.section_number += 1
        title = self.word(key)
        if not numbered:
            page.text(LEFT, y + 44, title, "head")
            self.line(LEFT, y + 60, RIGHT, y + 60, width=4, fill=self.colour)
        elif self.style["head_mode"] == "centred":
            text = title.upper()
            mid = (LEFT + RIGHT) / 2
            width = page.width(text, "head")
            page.text(mid, y + 44, text, "head", anchor="ms")
            for offset in (24.0, 34.0):
                self.line(LEFT, y + offset, mid - width / 2 - 30, y + offset, fill=self.colour)
                self.line(mid + width / 2 + 30, y + offset, RIGHT, y + offset, fill=self.colour)
        else:
            page.text(LEFT, y + 44, f"{ROMAN[self.section_number - 1]}.  {title}", "head")
            self.line(LEFT, y + 60, RIGHT, y + 60, width=4, fill=self.colour)
        return y + 80

    def wrapped(
        self, x: float, y: float, text: str, face: str, width: float, gap: float = 40
    ) -> float:
        """Printed text wrapped at ``width``; returns the last line's baseline."""
        rows = render.wrap(self.page, text, face, width)
        for k, row in enumerate(rows):
            self.page.text(x, y + k * gap, row, face, max_width=width)
        return y + (len(rows) - 1) * gap

    def blank(
        self, x: float, y: float, label: str, value: str | None, end: float, face: str = "plain"
    ) -> None:
        """``Label ______`` with the value written on the rule."""
        page = self.page
        start = page.text(x, y, label, face) + 20
        self.line(start, y + 12, end, y + 12, width=2, fill=(120, 120, 120))
        if value:
            page.text(start + 16, y - 4, value, "value", max_width=max(40.0, end - start - 26))

    def strip(self, y: float, items: Sequence[tuple[str, str | None, float]]) -> float:
        """A row of short blanks sharing the width by their shares; returns the next top."""
        total = sum(share for _, _, share in items)
        x = LEFT
        base = y + 54
        for label, value, share in items:
            end = x + (RIGHT - LEFT) * share / total
            self.blank(x, base, label, value, end - 40)
            x = end
        return y + 90

    def lines_of(
        self, y: float, text: str | None, x0: float, x1: float, count: int, gap: float = 80
    ) -> float:
        """``count`` writing rules from baseline ``y`` with ``text`` wrapped on them."""
        page = self.page
        rows = render.wrap(page, text, "value", x1 - x0 - 50) if text else []
        rows = rows[: max(count, len(rows))]
        for k in range(max(count, len(rows))):
            base = y + k * gap
            self.line(x0, base + 14, x1, base + 14, width=2, fill=(130, 130, 130))
            if k < len(rows):
                page.text(x0 + 20, base, rows[k], "value", max_width=x1 - x0 - 30)
        return y + max(count, len(rows)) * gap

    def matrix(
        self,
        y: float,
        heads: Sequence[str],
        rows: Sequence[tuple[str, Sequence[tuple[str, Any]], int]],
        *,
        label_w: float = 420,
        line_h: float = 60,
    ) -> float:
        """A person matrix: a column per person, a row per attribute; returns its bottom.

        Each row is (label, cells, lines); a cell is ``("v", [value lines])``, ``("p", printed
        text)``, ``("x", None)`` for a cell that does not apply, or ``("-", None)`` left blank.
        """
        page = self.page
        head_h = 58.0
        col_w = (RIGHT - LEFT - label_w) / len(heads)
        xs = [LEFT + label_w + k * col_w for k in range(len(heads) + 1)]
        page.draw.rectangle(
            [page.px(xs[0]), page.px(y), page.px(RIGHT), page.px(y + head_h)], fill=self.colour
        )
        for text, x0 in zip(heads, xs, strict=False):
            page.text(x0 + 16, y + 40, text.upper(), "colhead", max_width=col_w - 30)
        top = y + head_h
        value_size = page.faces["value"].size
        for label, cells, lines in rows:
            h = self.row_h if lines == 1 else lines * line_h + 30
            label_rows = render.wrap(page, label, "label", label_w - 30)[:2]
            if len(label_rows) == 1:
                page.text(
                    LEFT + 14, top + h / 2 + 12, label_rows[0], "label", max_width=label_w - 28
                )
            else:
                for k, text in enumerate(label_rows):
                    page.text(LEFT + 14, top + 38 + k * 38, text, "label", max_width=label_w - 28)
            for (kind, content), x0, x1 in zip(cells, xs, xs[1:], strict=False):
                if kind == "x":
                    self.hatch(x0, top, x1, top + h)
                elif kind == "p":
                    page.text(x0 + 20, top + h / 2 + 12, str(content), "plain")
                elif kind == "v":
                    texts = [t for t in content if t]
                    if lines == 1:
                        bases = [top + h / 2 + value_size * 0.36]
                    else:
                        bases = [top + 14 + line_h * (k + 1) - line_h * 0.2 for k in range(lines)]
                    for text, base in zip(texts, bases, strict=False):
                        page.text(x0 + 20, base, text, "value", max_width=x1 - x0 - 40)
            self.line(LEFT, top + h, RIGHT, top + h)
            top += h
        self.rect(LEFT, y, RIGHT, top, outline=GRID)
        for x in xs[:-1]:
            self.line(x, y, x, top)
        return top

    def key_text(self, yes_no: bool) -> str:
        mark = self.style["mark"]
        keys = ("yes", "no", "unsure") if yes_no else ("immune", "not immune", "unsure")
        return "    ".join(f"{_code(mark, key)} = {self.option_word(key, yes_no)}" for key in keys)

    def option_word(self, key: str, yes_no: bool) -> str:
        if key == "unsure":
            return self.word("unsure_yes_no" if yes_no else "unsure_immune")
        return {"yes": "Yes", "no": "No", "immune": "Immune", "not immune": "Not immune"}[key]

    def choice(
        self, x: float, y: float, chosen: str | None, *, yes_no: bool, key_in_row: bool
    ) -> float:
        """An answer marked the copy's way at baseline ``y``; returns where it ends."""
        page = self.page
        mark = self.style["mark"]
        if mark != "highlight":
            side = 60.0
            self.rect(x, y - 48, x + side, y + 12, outline=(40, 40, 40))
            if chosen:
                page.text(x + side / 2, y, _code(mark, chosen), "value", anchor="ms")
            end = x + side
            if key_in_row:
                end = page.text(end + 30, y, self.key_text(yes_no), "key")
            return end
        keys = ("yes", "no", "unsure") if yes_no else ("immune", "not immune", "unsure")
        size = page.faces["plain"].size
        for key in keys:
            end = page.text(x, y, self.option_word(key, yes_no), "plain")
            if key == chosen:
                self.highlight(x - 8, y - size * 1.0, end + 8, y + size * 0.3)
            x = end + 70
        return x

    def cloze(
        self,
        y: float,
        tokens: Sequence[tuple[str, str | None, float]],
        x0: float,
        x1: float,
        gap: float = 92,
    ) -> float:
        """Running text with blanks written in: ``("p", words, 0)`` or ``("b", value, width)``.

        Returns the baseline under the last line.
        """
        page = self.page
        space = page.width(" ", "plain") * 1.4
        x, base = x0, y
        for kind, text, width in tokens:
            if kind == "p":
                for word in str(text).split():
                    w = page.width(word, "plain")
                    attached = word[0] in ".,);:"  # kept on its line, after the blank
                    gap_before = 0.0 if attached else space
                    if not attached and x + gap_before + w > x1 and x > x0:
                        x, base, gap_before = x0, base + gap, 0.0
                    x = page.text(x + gap_before, base, word, "plain")
                continue
            w = max(width, page.width(text, "value") + 60 if text else 0.0)
            w = min(w, x1 - x0)
            gap_before = space if x > x0 else 0.0
            if x + gap_before + w > x1 and x > x0:
                x, base, gap_before = x0, base + gap, 0.0
            start = x + gap_before
            self.line(start, base + 12, start + w, base + 12, width=2, fill=(110, 110, 110))
            if text:
                page.text(start + 24, base - 6, text, "value", max_width=w - 34)
            x = start + w
        return base + gap

    def footer(self, number: int | None, centre: str) -> None:
        page = self.page
        style = self.style
        page.text(LEFT, FOOTER, f"{style['form_code']}   {style['revision']}", "fine")
        page.text((LEFT + RIGHT) / 2, FOOTER, centre, "fine", anchor="ms")
        if number:
            page.text(RIGHT, FOOTER, f"Page {number} of 2", "fine", anchor="rs")


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _comma_lines(form: _Form, text: str | None, width: float, most: int) -> list[str]:
    """A one-line address written over up to ``most`` lines, broken at its commas."""
    if not text:
        return []
    parts = text.split(", ")
    lines: list[str] = []
    for part in parts:
        if lines and (
            len(lines) >= most or form.page.width(f"{lines[-1]}, {part}", "value") <= width
        ):
            lines[-1] = f"{lines[-1]}, {part}"
        else:
            lines.append(part)
    return lines


# --- the record -----------------------------------------------------------------------------


def _office_box(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    page = form.page
    x0, y0, x1, y1 = 1760.0, 120.0, RIGHT, 400.0
    form.rect(x0, y0, x1, y1, outline=form.colour)
    page.draw.rectangle([page.px(x0), page.px(y0), page.px(x1), page.px(y0 + 50)], fill=form.colour)
    page.text((x0 + x1) / 2, y0 + 36, form.word("office"), "colhead", anchor="ms")
    rows: list[tuple[str, str | None]] = [(form.word("file_no"), extras.get("file_no"))]
    if form.style["date_place"] == "office":
        rows.append((form.word("registered"), form.date(fields.get("record_date"))))
    rows.append((form.word("clerk"), extras.get("clerk")))
    step = (y1 - y0 - 60) / len(rows)
    for k, (label, value) in enumerate(rows):
        base = y0 + 50 + step * (k + 1) - 16
        end = page.text(x0 + 16, base, label, "note") + 14
        form.line(end, base + 10, x1 - 16, base + 10, width=1.5, fill=(140, 140, 140))
        if value:
            page.text(end + 10, base - 2, value, "value", max_width=x1 - end - 36)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    y = form.letterhead(right_limit=1720)
    _office_box(form, fields, extras)
    y = max(y, 400.0) + 80
    title = form.word("title").upper()
    title_end = 1560.0 if style["date_place"] == "title" else RIGHT
    page.text(LEFT, y, title, "title", max_width=title_end - LEFT - 40)
    if style["date_place"] == "title":
        form.blank(1600, y, form.label("title_date"), form.date(fields.get("record_date")), RIGHT)
    page.text(LEFT, y + 48, form.word("instructions"), "note", max_width=RIGHT - LEFT)
    y += 80

    # I, the person matrix
    y = form.heading(y, "sec_particulars")
    columns = ["patient", "contact", "kin"]
    if style["columns"] == "kin_first":
        columns = ["patient", "kin", "contact"]
    elif style["columns"] == "contact_only":
        columns = ["patient", "contact"]
    heads = [
        form.word({"patient": "col_patient", "contact": "col_contact", "kin": "col_kin"}[c])
        for c in columns
    ]
    col_w = (RIGHT - LEFT - 420) / len(columns) - 40
    contact = {
        "name": fields.get("emergency_contact_name"),
        "relation": extras.get("contact_relation"),
        "address": _comma_lines(form, fields.get("emergency_contact_address"), col_w, 3),
        "home": form.phone(fields.get("emergency_contact_phone")),
        "other": form.phone(extras.get("emergency_work_phone")),
    }
    kin = {
        "name": extras.get("kin_name"),
        "relation": extras.get("kin_relation"),
        "address": _comma_lines(form, extras.get("kin_address"), col_w, 3),
        "home": form.phone(extras.get("kin_phone")),
        "other": form.phone(extras.get("kin_other_phone")),
    }
    lines = common.address_lines(fields, extras)
    patient = {
        "name": fields.get("patient_name"),
        "relation": None,
        "address": [line or "" for line in lines],
        "home": form.phone(fields.get("phone")),
        "other": form.phone(extras.get("other_phone")),
    }
    people = {"patient": patient, "contact": contact, "kin": kin}

    def cells(key: str) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for column in columns:
            value = people[column][key]
            if isinstance(value, list):
                out.append(("v", value) if any(value) else ("-", None))
            else:
                out.append(("v", [value]) if value else ("-", None))
        return out

    relation = cells("relation")
    relation[0] = ("p", form.word("self"))
    birth_cells: list[tuple[str, Any]] = [("x", None)] * len(columns)
    birth = common.date_text(fields, "birth_date", style)
    birth_cells[0] = ("v", [birth]) if birth else ("-", None)
    occupation: list[tuple[str, Any]] = [("x", None)] * len(columns)
    if extras.get("occupation"):
        occupation[0] = ("v", [extras["occupation"]])
    else:
        occupation[0] = ("-", None)
    rows: list[tuple[str, Sequence[tuple[str, Any]], int]] = [
        (form.label("r_name"), cells("name"), 1),
        (form.label("r_relation"), relation, 1),
        (form.label("r_birth"), birth_cells, 1),
        (form.label("r_address"), cells("address"), 3),
        (form.label("r_home_tel"), cells("home"), 1),
        (form.label("r_other_tel"), cells("other"), 1),
        (form.label("r_occupation"), occupation, 1),
    ]
    y = form.matrix(y, heads, rows)
    y += 10
    age = extras.get("age")
    y = form.strip(
        y,
        [
            (form.label("sex"), extras.get("sex"), 0.8),
            (form.label("age"), None if age is None else str(age), 0.7),
            (form.label("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 1.0),
            (form.label("height"), _with_unit(fields, "height", extras.get("height_unit")), 1.0),
            (form.label("id_no"), extras.get("id_number"), 1.55),
        ],
    )
    y += 40

    # II, immunisation
    y = form.heading(y, "sec_immun")
    code_mode = style["mark"] != "highlight"
    intro = form.word("code_intro") if code_mode else form.word("highlight_intro")
    end = page.text(LEFT + 10, y + 36, intro, "note")
    top_key = code_mode and style["key_place"] == "top"
    if top_key:
        page.text(end + 40, y + 36, form.key_text(False), "key", max_width=RIGHT - end - 40)
    y += 56
    rows_here: list[tuple[str, bool]] = [
        ("chicken_pox", False),
        ("measles", False),
        ("rubella", False),
    ]
    if style["show_covid"]:
        rows_here.append(("covid", True))
    rows_here.append(("hepatitis_b_vaccination", True))
    names = {"hepatitis_b_vaccination": "hep_b"}
    label_w = max(page.width(form.word(names.get(n, n)), "plain") for n, _ in rows_here)
    column = LEFT + 30 + min(label_w, 1150) + 50
    for name, yes_no in rows_here:
        base = y + 62
        page.text(LEFT + 30, base, form.word(names.get(name, name)), "plain", max_width=1150)
        form.choice(
            column,
            base,
            _answer(fields, extras, name),
            yes_no=yes_no,
            key_in_row=not top_key or yes_no,
        )
        form.line(LEFT + 20, y + 98, RIGHT, y + 98, width=1, fill=(175, 175, 175))
        y += 98
    base = y + 62
    form.blank(LEFT + 30, base, form.word("tetanus"), form.date(extras.get("tetanus")), 1500)
    y += 100

    # III, medical history
    y = form.heading(y + 30, "sec_history")
    last = form.wrapped(LEFT + 10, y + 40, form.word("problems"), "plain", RIGHT - LEFT - 20)
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    y = form.lines_of(last + 88, problems, LEFT + 10, RIGHT, 3, gap=84)
    y = form.strip(
        y - 30,
        [
            (form.word("doctor"), extras.get("gp"), 1.3),
            (form.word("doctor_tel"), form.phone(extras.get("gp_phone")), 0.8),
        ],
    )
    form.footer(1, style["org"]["name"])
    return page.image


_CLOZE: tuple[tuple[tuple[str, str, float], ...], ...] = (
    (
        ("p", "I am insured with", 0),
        ("b", "insurance_company", 620),
        ("p", "under policy / membership no.", 0),
        ("b", "policy", 420),
        ("p", ". The principal member is", 0),
        ("b", "holder", 480),
        ("p", "(group / employer plan", 0),
        ("b", "group", 300),
        ("p", "). My cover is valid until", 0),
        ("b", "insurance_expiry", 380),
        ("p", "and claims are to be sent to", 0),
        ("b", "insurance_address", 900),
        (
            "p",
            ". I authorise the centre to bill my insurer directly and to release to it the "
            "medical information it needs to settle my claims.",
            0,
        ),
    ),
    (
        ("p", "My health insurer is", 0),
        ("b", "insurance_company", 620),
        (
            "p",
            ", whose claims office is at",
            0,
        ),
        ("b", "insurance_address", 900),
        ("p", ". My policy number is", 0),
        ("b", "policy", 420),
        ("p", ", group", 0),
        ("b", "group", 300),
        ("p", ", in the name of", 0),
        ("b", "holder", 480),
        ("p", ", and my card expires on", 0),
        ("b", "insurance_expiry", 380),
        (
            "p",
            ". I assign to the centre all benefits payable for my treatment and accept that "
            "any balance not paid by the insurer is due from me.",
            0,
        ),
    ),
    (
        ("p", "Name of the insurance company as shown on the card:", 0),
        ("b", "insurance_company", 700),
        ("p", "; member / policy no.", 0),
        ("b", "policy", 420),
        ("p", "; valid through", 0),
        ("b", "insurance_expiry", 380),
        ("p", "; principal member", 0),
        ("b", "holder", 480),
        ("p", "; employer group", 0),
        ("b", "group", 300),
        ("p", "; address of the insurer", 0),
        ("b", "insurance_address", 900),
        ("p", ". I authorise payment of medical benefits directly to the centre.", 0),
    ),
)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    form.section_number = 3
    page = form.page
    y = form.letterhead(right_limit=RIGHT)
    y += 40
    end = page.text(
        LEFT, y, f"{form.word('title')} {form.word('continued')}", "head", max_width=1400
    )
    form.blank(max(end + 60, 1450), y, form.label("file_no"), extras.get("file_no"), RIGHT)
    y += 80
    form.blank(LEFT, y, form.label("running"), fields.get("patient_name"), 1500)
    y += 50

    # IV, allergies; V, regular medicines
    for section, question, name, count in (
        ("sec_allergy", "allergy_q", "allergies", 3),
        ("sec_meds", "meds_q", "regular_medication", 3),
    ):
        y = form.heading(y + 30, section)
        last = form.wrapped(LEFT + 10, y + 40, form.word(question), "plain", RIGHT - LEFT - 20)
        text = common.list_text(fields.get(name), style["empty_list"])
        y = form.lines_of(last + 88, text, LEFT + 10, RIGHT, count, gap=84) - 40

    # VI, insurance
    y = form.heading(y + 40, "sec_insurance")
    base = y + 50
    end = page.text(LEFT + 10, base, form.word("insured_q"), "label", max_width=1100)
    form.choice(
        end + 50, base, _answer(fields, extras, "has_insurance"), yes_no=True, key_in_row=True
    )
    y = base + 90
    blanks = {
        "insurance_company": fields.get("insurance_company"),
        "policy": extras.get("policy_number_printed") or fields.get("policy_number"),
        "holder": extras.get("holder"),
        "group": extras.get("group"),
        "insurance_expiry": form.date(fields.get("insurance_expiry")),
        "insurance_address": fields.get("insurance_address"),
    }
    tokens = [
        (kind, blanks.get(text) if kind == "b" else text, width)
        for kind, text, width in _CLOZE[int(style["cloze"]) % len(_CLOZE)]
    ]
    y = form.cloze(y, tokens, LEFT + 10, RIGHT - 10, gap=100) - 40

    # VII, consent and signature
    y = form.heading(y + 40, "sec_consent")
    last = form.wrapped(LEFT + 10, y + 40, form.word("consent"), "note", RIGHT - LEFT - 20, 38)
    sign = last + 170
    form.line(LEFT + 10, sign, 1250, sign, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, 1050, sign - 8, form.ink())
    page.text(LEFT + 10, sign + 38, form.word("signature"), "note")
    form.line(1400, sign, RIGHT, sign, width=3, fill=(60, 60, 60))
    page.text(1400, sign + 38, form.word("signed"), "note")
    signed = form.date(extras.get("signed_date"))
    if signed:
        page.text(1430, sign - 16, signed, "value", max_width=RIGHT - 1460)
    y = sign + 120
    form.blank(LEFT + 10, y, form.word("witness"), extras.get("witness"), 1250, face="note")
    if style["show_office_strip"]:
        y += 110
        form.rect(LEFT, y - 60, RIGHT, y + 40, fill=form.tint)
        page.text(LEFT + 16, y, form.word("office"), "note")
        form.blank(760, y, form.word("deposit"), extras.get("deposit"), 1560, face="note")
        form.blank(1620, y, form.word("receipt"), extras.get("receipt"), RIGHT - 20, face="note")
    form.footer(2, style["org"]["name"])
    return page.image


# --- the prescription -----------------------------------------------------------------------


def _rx_mark(form: _Form, x: float, y: float) -> float:
    page = form.page
    if form.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(family.regular, 120, form.colour)
        return page.text(x, y, fonts.RX_GLYPH, "rx")
    title = fonts.family(form.style["title_font"])
    page.faces["rx"] = render.Face(title.bold, 96, form.colour)
    return page.text(x, y, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    y = form.letterhead(right_limit=1500, department=form.word("department"))
    page.text(RIGHT, 190, form.word("title").upper(), "title", anchor="rs", max_width=850)
    page.text(RIGHT, 260, f"No. {style['serial']}", "serial", anchor="rs")
    y = max(y, 360.0) + 40
    page.text(LEFT, y, form.word("instructions"), "note", max_width=RIGHT - LEFT)
    y += 24

    # Part A: the member and the patient
    y = form.heading(y, "part_a", numbered=False)
    col_w = (RIGHT - LEFT - 420) / 2 - 40
    principal = extras.get("principal")
    rows: list[tuple[str, Sequence[tuple[str, Any]], int]] = [
        (
            form.label("r_name"),
            [
                ("v", [principal]) if principal else ("-", None),
                ("v", [fields.get("patient_name")]) if fields.get("patient_name") else ("-", None),
            ],
            1,
        ),
        (
            form.label("r_member_no"),
            [
                ("v", [extras.get("member_no")]) if extras.get("member_no") else ("-", None),
                ("x", None),
            ],
            1,
        ),
        (
            form.label("r_relation"),
            [
                ("x", None),
                ("v", [extras.get("relation")]) if extras.get("relation") else ("-", None),
            ],
            1,
        ),
        (
            form.label("r_birth"),
            [
                ("x", None),
                ("v", [form.date(extras.get("patient_birth"), short_year=False)])
                if extras.get("patient_birth")
                else ("-", None),
            ],
            1,
        ),
    ]
    address = _comma_lines(form, fields.get("patient_address"), col_w, 2)
    rows.append(
        (form.label("r_address"), [("x", None), ("v", address) if address else ("-", None)], 2)
    )
    form.row_h = min(form.row_h, 86.0)
    y = form.matrix(y, [form.word("col_member"), form.word("col_patient")], rows, line_h=58)
    y += 40

    # Part B: the prescription
    y = form.heading(y, "part_b", numbered=False)
    date_value = form.date(fields.get("date"))
    if style["date_place"] == "top":
        y = form.strip(
            y - 20,
            [
                (form.label("date"), date_value, 1.0),
                (form.label("diagnosis"), extras.get("diagnosis"), 1.0),
            ],
        )
    else:
        y = form.strip(y - 20, [(form.label("diagnosis"), extras.get("diagnosis"), 1.0)])
    end = _rx_mark(form, LEFT, y + 110)
    table_left = max(end + 30, LEFT + 200)
    med_rows = int(style["med_rows"])
    row_h = 84.0 if med_rows == 4 else 80.0
    head_h = 52.0
    xs = [table_left, table_left + (RIGHT - table_left) * 0.78, RIGHT]
    page.draw.rectangle(
        [page.px(xs[0]), page.px(y), page.px(RIGHT), page.px(y + head_h)], fill=form.colour
    )
    page.text(xs[0] + 16, y + 37, form.word("med").upper(), "colhead", max_width=xs[1] - xs[0] - 30)
    page.text(xs[1] + 16, y + 37, form.word("qty").upper(), "colhead", max_width=xs[2] - xs[1] - 30)
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    value_size = page.faces["value"].size
    for k in range(med_rows):
        top = y + head_h + k * row_h
        base = top + row_h / 2 + value_size * 0.36
        page.text(xs[0] + 14, base, f"{k + 1}.", "key")
        if k < len(medicines):
            page.text(xs[0] + 70, base, medicines[k], "value", max_width=xs[1] - xs[0] - 90)
            if k < len(quantities):
                page.text(xs[1] + 20, base, quantities[k], "value", max_width=xs[2] - xs[1] - 40)
        form.line(xs[0], top + row_h, RIGHT, top + row_h)
    bottom = y + head_h + med_rows * row_h
    form.rect(xs[0], y, RIGHT, bottom)
    form.line(xs[1], y, xs[1], bottom)
    y = bottom + 60

    page.text(LEFT, y, form.label("directions"), "label")
    y = form.lines_of(y + 84, fields.get("directions"), LEFT, RIGHT, 3, gap=84)
    y += 10

    # repeats
    refills = fields.get("refills")
    base = y + 20
    end = page.text(LEFT, base, form.label("repeats"), "label") + 40
    if style["refill_mode"] == "write":
        form.line(end, base + 12, end + 190, base + 12, width=2, fill=(110, 110, 110))
        if refills is not None:
            page.text(end + 95, base - 4, str(refills), "value", anchor="ms")
        page.text(end + 215, base, form.word("times"), "plain")
    else:
        size = page.faces["plain"].size
        x = end
        for option in (0, 1, 2, 3, 4, 5, "PRN"):
            stop = page.text(x, base, str(option), "plain")
            if option == refills:
                form.highlight(x - 14, base - size * 1.0, stop + 14, base + size * 0.3)
            x = stop + 60
        x = page.text(x + 20, base, form.word("other"), "plain") + 20
        form.line(x, base + 12, x + 170, base + 12, width=2, fill=(110, 110, 110))
        if refills is not None and refills not in (0, 1, 2, 3, 4, 5, "PRN"):
            page.text(x + 85, base - 4, str(refills), "value", anchor="ms")
    y = base + 30

    # the physician
    y = form.strip(
        y,
        [
            (form.label("physician"), fields.get("prescriber"), 1.45),
            (form.label("reg"), extras.get("reg_no"), 0.75),
        ],
    )
    sign = y + 130
    form.line(LEFT, sign, 1000, sign, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, 900, sign - 8, form.ink())
    page.text(LEFT, sign + 36, form.word("signature"), "note")
    form.blank(1060, sign - 6, form.label("tel"), form.phone(extras.get("prescriber_phone")), 1680)
    if style["date_place"] == "foot":
        form.blank(1730, sign - 6, form.label("sign_date"), date_value, RIGHT)
    y = sign + 100

    # Part C: the pharmacy
    y = form.heading(y, "part_c", numbered=False)
    table_right = 1560.0
    xs = [LEFT, LEFT + (table_right - LEFT) * 0.56, LEFT + (table_right - LEFT) * 0.74, table_right]
    head_h, row_h = 50.0, 66.0
    page.draw.rectangle(
        [page.px(LEFT), page.px(y), page.px(table_right), page.px(y + head_h)], fill=form.tint
    )
    for key, x0, x1 in zip(("item", "qty", "amount"), xs, xs[1:], strict=False):
        page.text(x0 + 12, y + 36, form.word(key), "key", max_width=x1 - x0 - 20)
    dispensed = list(extras.get("dispensed") or [])
    for k in range(3):
        top = y + head_h + k * row_h
        if k < len(dispensed):
            base = top + row_h / 2 + value_size * 0.34
            for value, x0, x1 in zip(dispensed[k], xs, xs[1:], strict=False):
                page.text(x0 + 14, base, str(value), "value", max_width=x1 - x0 - 26)
        form.line(LEFT, top + row_h, table_right, top + row_h)
    bottom = y + head_h + 3 * row_h
    form.rect(LEFT, y, table_right, bottom)
    for x in xs[1:-1]:
        form.line(x, y, x, bottom)
    # the pharmacy's stamp
    sx0, sx1 = table_right + 50, RIGHT
    form.rect(sx0, y, sx1, bottom, outline=(150, 150, 150))
    page.text(sx0 + 12, y + 32, form.word("stamp"), "note")
    stamp = list(extras.get("pharmacy") or [])
    if stamp:
        ink = page.faces["stamp"].fill
        page.draw.rounded_rectangle(
            [page.px(sx0 + 30), page.px(y + 56), page.px(sx1 - 30), page.px(bottom - 14)],
            radius=page.px(16),
            outline=ink,
            width=max(1, page.px(4)),
        )
        for k, text in enumerate(stamp[:3]):
            page.text(
                (sx0 + sx1) / 2,
                y + 112 + k * 48,
                text,
                "stamp",
                anchor="ms",
                max_width=sx1 - sx0 - 90,
            )
    y = bottom + 10
    form.strip(
        y,
        [
            (form.word("dispensed"), form.date(extras.get("dispensed_date")), 1.0),
            (form.word("total"), extras.get("total"), 1.0),
        ],
    )
    page.text(LEFT, 3160, form.word("small_print"), "fine", max_width=RIGHT - LEFT)
    form.footer(None, style["org"]["name"])
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
