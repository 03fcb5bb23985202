"""A transplant centre's candidate registration and a rural mission hospital's prescription card.

Written blind as the held-out family of round 33 (its author never read the reader, its layouts,
its vocabulary or its tests); tuned from round 34 on.

Patient record (two pages): the registration a regional organ transplant institute fills in when
a candidate is referred for evaluation. Page 1: the institute's letterhead (name, programme
line, street, phone and fax: distractors) beside an addressograph box that either holds a
printed patient label (medical record number, the name as SURNAME, Given and a clinic code) or
asks for one; a coloured title bar with the form number and a revision date (distractor); a
strip of four cells whose labels sit on top (the evaluation date, which is the record date, and
as distractors the referral date, the referring physician and the transplant coordinator), or,
on some forms, three distractor cells with the evaluation date written at the top right instead;
the organ programme ticked in a row of boxes or circled (distractor); "Part" sections whose rows
have their labels right-aligned against a vertical rule with the values right of it: the
candidate's surname and given names (or the full name), the home address on three rows, a
primary telephone, an alternate telephone and an occupation (distractors) on the left; date of
birth, sex (distractor), weight, height, blood group and preferred language (distractors) on the
right. The next of kin in a table (name, relationship, home and work telephones; the work one a
distractor), a blank second row, and the contact's address below it. A serology table whose rows
(measles, mumps, rubella, varicella/chicken pox; mumps and rubella distractors) are ticked in
Immune / Not immune / Not tested columns (not tested leaves the field out), the hepatitis B
course circled (yes, no, don't know: left out) with a surface antibody titre (distractor), and
other health conditions on two rules. Page 2: the candidate's name again and the record number,
funding and insurance (insured? ticked; the payer, the policy number, the claims address and the
cover end date, with a group number, a cover start date and the financial coordinator as
distractors), allergies in a substance / reaction / severity table after a "no known allergies"
box, current medicines in a medicine / dose / frequency table after a "no regular medicines"
box, a declaration, the candidate's signature with the date signed and a witness (distractor),
and a shaded office-use box (registry number, data-entry initials, a circled listing status:
distractors).

Prescription (one page): the outpatient prescription and treatment card of a rural mission
hospital's dispensary. A centred letterhead (a cross emblem, the hospital, the department, a
post-office box and town, a radio-telephone number: distractors); the outpatient number in a box
at the top right (distractor); the patient's name with age and sex (distractors), the residence
(the patient's address), the date of the visit beside the clinic and the weight (distractors), a
diagnosis and a row of ticked laboratory tests (distractors); the medicines on numbered lines
after the Rx sign, each with a quantity column (distractor); the instructions to the patient on
rules; the repeats either circled in a row of numbers (or written after "other") or written in a
sentence, beside (or under) the next review date (distractor); the prescriber as a rubber stamp
under the signature (name, post and registration number) or written by hand on a rule over a
printed caption; and, in a dispensary-use box, the dispensing technician with the date
dispensed, the fee and the receipt number (distractors); small print at the foot.
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
FOOT = 3185.0  # the footer's rule; the small print below it
INK = (25, 25, 25)
GREY = (95, 95, 95)
LINE = (75, 75, 75)
FAINT = (175, 175, 175)
WHITE = (255, 255, 255)

# fmt: off
COLOURS = ([120, 28, 40], [20, 70, 120], [15, 90, 80], [70, 50, 120], [40, 40, 50],
           [150, 70, 20])
STAMP_INKS = ([95, 40, 140], [30, 60, 150], [150, 30, 60])
INSTITUTES = ("Meridian Regional Transplant Institute", "Lakeside Organ Transplant Center",
              "Harbor Valley Transplant Program", "Ridgecrest Center for Organ Transplantation",
              "Northfield Kidney & Liver Transplant Unit")
PROGRAMMES = ("Kidney \u2022 Liver \u2022 Pancreas \u2022 Heart",
              "Adult Solid Organ Transplant Services", "Abdominal Transplant Programme",
              "Living Donor and Deceased Donor Transplantation")
HOSPITALS = ("St. Brigid's Mission Hospital", "Good Shepherd Mission Hospital",
             "Holy Cross Mission Hospital", "Mount Carmel Mission Hospital",
             "St. Columba's Mission Hospital", "Bethany Mission Hospital")
TOWNS = ("Kisoro", "Mbarara", "Chikuni", "Nkhoma", "Embangweni", "Mutomo", "Kiwoko", "Mvumi",
         "Ilembula", "Tenwek")
BLOOD_GROUPS = ("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-")
LANGUAGES = ("English", "Spanish", "English", "Vietnamese", "Polish", "Arabic", "French",
             "Tagalog", "English")
OCCUPATIONS = ("Retired", "Driver", "Teacher", "Accountant", "Unemployed", "Nurse aide",
               "Welder", "Cashier", "Farmer", "Student", "Homemaker", "Engineer")
RELATIONS = ("Wife", "Husband", "Mother", "Father", "Son", "Daughter", "Sister", "Brother",
             "Partner", "Niece", "Friend")
REACTIONS = ("Rash", "Hives", "Swelling", "Wheeze", "Vomiting", "Itching", "Anaphylaxis",
             "Nausea", "Blisters")
SEVERITIES = ("Mild", "Moderate", "Severe")
FREQUENCIES = ("Once daily", "Twice daily", "At night", "Three times daily", "Mornings",
               "As needed", "Weekly")
CLINICS = ("General OPD", "MCH clinic", "Medical OPD", "Surgical OPD", "Casualty", "Eye clinic",
           "Chronic care")
DIAGNOSES = ("Malaria", "Pneumonia", "Urinary tract infection", "Hypertension", "Otitis media",
             "Skin infection", "Typhoid fever", "Bronchitis", "Peptic ulcer", "Diabetes review",
             "Gastroenteritis", "Back pain")
QUANTITIES = ("#10", "#14", "#20", "#28", "#30", "#60", "1 box", "15", "21")
POSTS = ("Medical Officer", "Clinical Officer", "Medical Superintendent", "Senior Medical Officer")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso", "dmy_short")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "TRANSPLANT CANDIDATE REGISTRATION",
        "Candidate Registration \u2014 Pre-Transplant Evaluation",
        "REFERRAL & CANDIDATE DATA SHEET",
    ),
    "form": ("Form TX-104", "TXP 12", "Form 31-B"),
    "rev": ("Rev. 03/2019", "rev. 11/2018", "Revised 06/2020"),
    "label_box": ("Affix patient identification label here", "PATIENT LABEL"),
    "eval": ("Evaluation date", "Date of first visit", "Assessment date", "Seen in clinic on"),
    "ref_date": ("Referral received", "Date referred", "Referral date"),
    "ref_by": ("Referring physician", "Referred by", "Referring nephrologist"),
    "coord": ("Transplant coordinator", "Coordinator", "Nurse coordinator"),
    "organ": ("Organ programme:", "Evaluated for:", "Transplant type:"),
    "organs": ("Kidney|Liver|Kidney-pancreas|Heart|Lung", "Renal|Hepatic|Pancreas|Cardiac"),
    "part": ("Part", "Section", "PART"),
    "s_cand": ("Candidate", "About the candidate", "Candidate's particulars"),
    "s_kin": ("Next of kin", "Person to contact", "Nearest relative / contact"),
    "s_sero": ("Serology and immunity", "Infection screen", "Immunity status"),
    "s_other": ("Other health conditions", "Co-existing conditions"),
    "surname": ("Surname", "Family name", "Last name"),
    "given": ("Given names", "First name(s)", "Forenames"),
    "whole": ("Full legal name", "Candidate's name", "Name in full"),
    "street": ("Home address", "Residence", "Street"),
    "town": ("Town / State / ZIP", "City, State, Zip", "Town & postcode"),
    "country": ("Country", "Nation"),
    "tel": ("Primary telephone", "Main contact no.", "Telephone (home)"),
    "alt": ("Alternate telephone", "Other number", "Mobile (alt.)"),
    "job": ("Occupation", "Employment"),
    "dob": ("Date of birth", "Born on", "D.O.B."),
    "sex": ("Sex", "Gender"),
    "weight": ("Body weight", "Weight", "Wt at visit"),
    "height": ("Height", "Stature", "Ht"),
    "blood": ("Blood group", "ABO / Rh"),
    "lang": ("Language", "Preferred language"),
    "k_name": ("Name", "Contact name"),
    "k_rel": ("Relationship", "Relation"),
    "k_home": ("Home tel.", "Telephone (home)", "Evening no."),
    "k_work": ("Work tel.", "Telephone (work)", "Daytime no."),
    "k_addr": ("Address of contact", "Contact's address", "Their address"),
    "infection": ("Infection", "Agent", "Screen"),
    "immune": ("Immune|Not immune|Not tested", "IMMUNE|NOT IMMUNE|UNKNOWN"),
    "measles": ("Measles", "Measles (rubeola)"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella", "Rubella (German measles)"),
    "varicella": ("Varicella (chicken pox)", "Chicken pox / VZV", "Chickenpox (varicella)"),
    "hep_b": (
        "Hepatitis B vaccine course completed?",
        "Has the candidate been vaccinated against hepatitis B?",
        "Hep B immunisation given?",
    ),
    "hep_opts": ("Yes|No|Don't know", "YES|NO|UNSURE"),
    "titre": ("Anti-HBs titre", "HBsAb level"),
    "other_q": (
        "List other illnesses (e.g. diabetes, asthma, epilepsy):",
        "Any other medical conditions? Please list:",
        "Other diagnoses under treatment:",
    ),
    "p2": ("Candidate registration (continued)", "Page 2 \u2014 funding, allergies, medicines"),
    "p2_name": ("Candidate", "Name"),
    "mrn": ("MRN", "Record no.", "Hospital no."),
    "s_fund": ("Funding and insurance", "Payer information", "Insurance / funding"),
    "s_allergy": ("Allergies and adverse reactions", "Drug & other allergies"),
    "s_meds": ("Current medicines", "Medicines taken regularly", "Present medication"),
    "s_decl": ("Declaration", "Candidate's declaration"),
    "ins_q": (
        "Does the candidate hold health insurance?",
        "Is the candidate covered by a health plan?",
        "Medical insurance in force?",
    ),
    "yes_no": ("Yes|No", "YES|NO"),
    "payer": ("Payer / insurer", "Insurance carrier", "Health plan"),
    "policy": ("Policy or member no.", "Member ID", "Policy #"),
    "group": ("Group no.", "Group"),
    "claims": ("Claims address", "Payer's mailing address", "Send claims to"),
    "start": ("Cover began", "Effective from", "Start of cover"),
    "end": ("Cover ends", "Valid through", "Termination date"),
    "fin": ("Financial coordinator", "Benefits counsellor"),
    "nka": ("No known allergies", "NKDA \u2014 none known"),
    "substance": ("Substance", "Allergen", "Drug / substance"),
    "reaction": ("Reaction", "What happens"),
    "severity": ("Severity", "Grade"),
    "no_meds": ("Takes no regular medicines", "No current medication"),
    "medicine": ("Medicine", "Drug name", "Medication"),
    "dose": ("Dose", "Strength"),
    "freq": ("How often", "Frequency", "Times"),
    "decl": (
        "I confirm that the information on this form is correct to the best of my knowledge and "
        "I agree that it may be shared with the transplant team and the organ allocation "
        "network.",
        "I understand that evaluation does not guarantee listing for transplant, and I consent "
        "to the release of my records to the transplant programme and my payer.",
    ),
    "sign": ("Signature of candidate (or guardian)", "Candidate's signature"),
    "signed": ("Date signed", "Date"),
    "witness": ("Witness (print name)", "Witnessed by"),
    "office": ("FOR TRANSPLANT OFFICE USE ONLY", "OFFICE USE \u2014 DO NOT WRITE BELOW"),
    "registry": ("Registry ID", "Waitlist no.", "Candidate ID"),
    "entered": ("Entered by", "Data entry (initials)"),
    "status": ("Listing status", "Status"),
    "statuses": ("Active|On hold|Not listed|Pending", "Listed|Deferred|Declined"),
    "fine": (
        "Confidential patient information. Return completed form to the transplant office.",
        "Please keep a copy for your records. Changes of address or insurance must be reported.",
    ),
    "page": ("Page {} of 2", "{} / 2", "Sheet {} of 2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "dept": (
        "Outpatient Department \u2022 Dispensary",
        "OPD & Pharmacy",
        "Out-Patients' Dispensary",
    ),
    "radio": ("Radio-tel.", "Tel.", "Phone / radio"),
    "opd": ("OPD No.", "O.P. No.", "Card no."),
    "title": (
        "OUTPATIENT PRESCRIPTION",
        "Prescription & Treatment Card",
        "DISPENSARY PRESCRIPTION",
    ),
    "name": ("Patient's name", "Name of patient", "Patient"),
    "age": ("Age", "Age (yrs)"),
    "sex": ("M|F", "Male|Female"),
    "home": ("Residence", "Village / address", "Home address"),
    "date": ("Date of visit", "Date", "Seen on"),
    "clinic": ("Clinic", "Ward / clinic"),
    "weight": ("Wt (kg)", "Weight kg"),
    "dx": ("Diagnosis", "Provisional diagnosis", "Dx"),
    "tests": ("Tests requested:", "Investigations:", "Lab:"),
    "test_names": ("Malaria RDT|Hb|Urinalysis|Blood sugar|Stool", "MRDT|HB|Urine|RBS|HIV"),
    "drug": ("Drug, strength", "Medicine & strength", "Preparation"),
    "qty": ("Qty", "Amount", "No."),
    "how": ("Instructions to patient", "How to take", "Dosage instructions"),
    "repeat_row": ("Repeats:", "Refill:", "No. of repeats:"),
    "other": ("other", "or"),
    "repeat_text": (
        "This prescription may be repeated|times",
        "Repeat|times",
        "May be refilled|times",
    ),
    "review": ("Return for review on", "Next visit", "Review date"),
    "caption": ("Prescriber (name & title)", "Prescribed by", "Name of prescriber"),
    "signature": ("Signature of prescriber", "Prescriber's signature", "Signature"),
    "reg": ("Reg. No.", "Reg.", "Licence No."),
    "disp": ("Dispensed by", "Issued by"),
    "disp_date": ("Date dispensed", "Issued on"),
    "fee": ("Fee paid", "Amount paid"),
    "receipt": ("Receipt no.", "Rcpt"),
    "fine": (
        "Keep all medicines out of reach of children. Bring this card and your empty packets to "
        "your next visit.",
        "Medicines are for the named patient only. Complete the full course. Ask the dispensary "
        "if anything is not clear.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _base_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 35), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "nil", "NONE", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _base_style(rnd, handwriting, font, _RX)
        style.update(
            hospital=rnd.choice(HOSPITALS),
            town=rnd.choice(TOWNS),
            box=rnd.randint(12, 980),
            phone=values.phone_number(rnd),
            stamp_ink=rnd.choice(STAMP_INKS),
            prescriber_written=rnd.random() < 0.3,
            repeat_mode=rnd.choice(("row", "sentence")),
            rx_glyph=rnd.random() < 0.5,
        )
        return style
    style = _base_style(rnd, handwriting, font, _REC)
    institute = rnd.choice(INSTITUTES)
    style.update(
        institute=institute,
        programme=rnd.choice(PROGRAMMES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("strip", "strip", "corner")),
        date_cell=rnd.randrange(4),
        split_name=rnd.random() < 0.6,
        gutter=rnd.choice((360.0, 390.0, 420.0)),
        sero_order=rnd.choice(("mmrv", "vmmr")),
        organ_boxes=rnd.random() < 0.8,
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


def _shift(day: dt.date, rnd: random.Random, low: int, high: int) -> str:
    return (day + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "mrn": f"{rnd.randint(10, 99)}-{rnd.randint(100000, 999999)}",
        "sticker": rnd.random() < 0.55,
        "clinic_code": rnd.choice(("TXK", "TXL", "TXP", "HEP", "REN")) + str(rnd.randint(1, 9)),
        "referred": _shift(record, rnd, -60, -5) if rnd.random() < 0.75 else None,
        "referrer": _doctor(rnd) if rnd.random() < 0.8 else None,
        "coordinator": values.person_name(rnd) if rnd.random() < 0.6 else None,
        "organ": rnd.randrange(4) if rnd.random() < 0.9 else None,
        "alt_phone": values.phone_number(rnd) if rnd.random() < 0.4 else None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.7 else None,
        "sex": rnd.choice(("F", "M")) if rnd.random() < 0.9 else None,
        "blood_group": rnd.choice(BLOOD_GROUPS) if rnd.random() < 0.6 else None,
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.5 else None,
        "mumps": rnd.choice((0, 0, 1, 2)) if rnd.random() < 0.85 else None,
        "rubella": rnd.choice((0, 0, 1, 2)) if rnd.random() < 0.85 else None,
        "titre": f"{rnd.randint(2, 900)} mIU/mL" if rnd.random() < 0.35 else None,
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # "not tested" / "don't know" chosen
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = f"G{rnd.randint(1000, 99999)}" if rnd.random() < 0.5 else None
        extras["cover_start"] = _shift(record, rnd, -1000, -30) if rnd.random() < 0.5 else None
        extras["financial"] = values.person_name(rnd) if rnd.random() < 0.5 else None
    elif rnd.random() < 0.15:
        del fields["has_insurance"]  # the question left unanswered
    extras["allergy_rows"] = [
        [rnd.choice(REACTIONS), rnd.choice(SEVERITIES)] if rnd.random() < 0.8 else ["", ""]
        for _ in fields["allergies"]
    ]
    extras["medicine_rows"] = []
    for name in fields["regular_medication"]:
        drug = next(d for d in values.DRUGS if d[0] == name)
        dose = f"{rnd.choice(drug[1])} {drug[2]}" if rnd.random() < 0.85 else ""
        extras["medicine_rows"].append(
            [dose, rnd.choice(FREQUENCIES) if rnd.random() < 0.8 else ""]
        )
    extras["signed"] = rnd.random() < 0.7
    extras["witness"] = values.person_name(rnd) if rnd.random() < 0.5 else None
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    extras["registry"] = (
        "".join(rnd.choice(letters) for _ in range(3)) + str(rnd.randint(100000, 999999))
        if rnd.random() < 0.5
        else None
    )
    extras["entered_by"] = (
        "".join(rnd.choice(letters) for _ in range(2)) if rnd.random() < 0.5 else None
    )
    extras["status"] = rnd.randrange(3) if rnd.random() < 0.4 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    if style["prescriber_written"] and rnd.random() < 0.5:  # a clinical officer writes no "Dr"
        fields["prescriber"] = fields["prescriber"].removeprefix("Dr. ").removeprefix("Dr ")
    common.settle_day_order(fields, ("date",), style, rnd)
    visit = dt.date.fromisoformat(fields["date"])
    medicines = fields["medicines"]
    age = rnd.randint(1, 88)
    weight = 7 + 3 * age if age < 14 else rnd.randint(45, 98)
    extras: dict[str, Any] = {
        "opd": f"{rnd.randint(1, 99999):05d}/{visit.year % 100:02d}",
        "age": age if rnd.random() < 0.85 else None,
        "weight": weight if rnd.random() < 0.5 else None,
        "sex": rnd.randrange(2) if rnd.random() < 0.85 else None,
        "clinic": rnd.choice(CLINICS) if rnd.random() < 0.7 else None,
        "diagnosis": rnd.choice(DIAGNOSES) if rnd.random() < 0.8 else None,
        "tests": sorted(rnd.sample(range(5), rnd.choice((0, 0, 1, 1, 2, 3)))),
        "quantities": [rnd.choice(QUANTITIES) if rnd.random() < 0.85 else "" for _ in medicines],
        "post": rnd.choice(POSTS),
        "registration": f"{rnd.choice(('MO', 'CO', 'MP'))}/{rnd.randint(1000, 99999)}",
        "review": _shift(visit, rnd, 7, 42) if rnd.random() < 0.5 else None,
        "dispenser": values.person_name(rnd) if rnd.random() < 0.7 else None,
        "dispensed": _shift(visit, rnd, 1, 3) if rnd.random() < 0.4 else None,
        "fee": f"{rnd.choice((2, 3, 5, 10, 15, 20))}.00" if rnd.random() < 0.6 else None,
        "receipt": str(rnd.randint(10000, 99999)) if rnd.random() < 0.5 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    return (
        round(255 - (255 - colour[0]) * share),
        round(255 - (255 - colour[1]) * share),
        round(255 - (255 - colour[2]) * share),
    )


class _Sheet(common.Drawing):
    """One page being drawn: its faces and wording, and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK)
        faces["bold"] = render.Face(label.bold, size, INK)
        faces["cap"] = render.Face(label.regular, 25, GREY)
        faces["head"] = render.Face(title.bold, 40, self.colour)
        faces["bar"] = render.Face(title.bold, 44, WHITE)
        faces["bar_small"] = render.Face(title.regular, 27, WHITE)
        faces["org"] = render.Face(title.bold, 56, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 48, INK)
        faces["note"] = render.Face(label.regular, 28, (55, 55, 55))
        faces["fine"] = render.Face(label.regular, 22, (110, 110, 110))

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
        if text is not None and str(text) != "":
            self.page.text(x, base, str(text), "value", max_width=width, anchor=anchor)

    def ticks(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 50
    ) -> float:
        return common.options_with_boxes(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            mark=self.style["mark"],
            face="label",
            gap=gap,
        )

    def rings(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 70
    ) -> float:
        return common.circled_options(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            face="label",
            gap=gap,
        )

    def on_rule(self, x: float, base: float, label: str, text: Any, stop: float) -> float:
        """``Label ______`` up to ``stop``, the value on the rule; returns ``stop``."""
        end = self.page.text(x, base, label, "label")
        self.line(end + 14, base + 12, stop, base + 12, width=2, fill=LINE)
        self.value(end + 30, base, text, stop - end - 44)
        return stop

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, FOOT, RIGHT, FOOT, width=1.5, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 420)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, FOOT + 36 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, FOOT + 36, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _part(sheet: _Sheet, y: float, number: int, key: str) -> float:
    """A part's heading: a coloured tab with its number, the title, a rule; returns below it."""
    page = sheet.page
    tab = f"{sheet.word('part')} {number}"
    width = page.width(tab, "bar_small") + 36
    sheet.rect(LEFT, y - 40, LEFT + width, y + 12, fill=sheet.colour, outline=None)
    page.text(LEFT + 18, y, tab, "bar_small")
    page.text(LEFT + width + 24, y, sheet.word(key), "head", max_width=RIGHT - LEFT - width - 40)
    sheet.line(LEFT, y + 12, RIGHT, y + 12, width=3, fill=sheet.colour)
    return y + 12


def _gutter_rows(
    sheet: _Sheet,
    x0: float,
    x1: float,
    top: float,
    gutter: float,
    rows: Sequence[tuple[str, Any]],
    step: float = 92,
) -> float:
    """Rows whose labels stand right-aligned against a vertical rule, values after it."""
    page = sheet.page
    rule_x = x0 + gutter
    for k, (label, text) in enumerate(rows):
        base = top + step * (k + 1) - 26
        page.text(rule_x - 26, base, label, "label", anchor="rs", max_width=gutter - 40)
        sheet.line(rule_x + 10, base + 14, x1, base + 14, width=1.5, fill=FAINT)
        sheet.value(rule_x + 30, base, text, x1 - rule_x - 50)
    bottom = top + step * len(rows)
    sheet.line(rule_x, top + 10, rule_x, bottom, width=3, fill=sheet.colour)
    return bottom


def _letterhead(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    page, style = sheet.page, sheet.style
    colour = sheet.colour
    # the institute's mark: two linked rings over a stem
    cx, cy = LEFT + 55, 175.0
    for dx in (-18, 18):
        page.draw.ellipse(
            [page.px(cx + dx - 34), page.px(cy - 34), page.px(cx + dx + 34), page.px(cy + 34)],
            outline=colour,
            width=max(1, page.px(9)),
        )
    sheet.line(cx, cy + 34, cx, cy + 95, width=9, fill=colour)
    x = LEFT + 150
    page.text(x, 165, style["institute"], "org", max_width=1480 - x)
    page.text(x, 215, style["programme"], "org_small", max_width=1480 - x)
    page.text(x, 255, f"{style['street']}, {style['city']}", "org_small", max_width=1480 - x)
    contact = f"Tel {sheet.phone(style['phone'])}  \u2022  Fax {sheet.phone(style['fax'])}"
    page.text(x, 293, contact, "org_small", max_width=1480 - x)
    # the addressograph box: a printed label, or the request for one
    bx0, by0, bx1, by1 = 1560.0, 90.0, RIGHT, 320.0
    if extras.get("sticker"):
        sheet.rect(bx0, by0, bx1, by1, fill=(250, 248, 236), outline=(150, 150, 150), width=2)
        mono = fonts.family("Liberation Mono") if _has("Liberation Mono") else None
        path = mono.bold if mono else page.faces["bold"].path
        page.faces["sticker"] = render.Face(path, 30, (30, 30, 30))
        name = str(fields.get("patient_name", ""))
        given, _, surname = name.rpartition(" ")
        lines = (
            f"MRN {extras.get('mrn', '')}",
            f"{surname.upper()}, {given}" if given else surname.upper(),
            f"Clinic {extras.get('clinic_code', '')}",
        )
        for k, line in enumerate(lines):
            page.text(bx0 + 30, by0 + 62 + 62 * k, line, "sticker", max_width=bx1 - bx0 - 60)
    else:
        for k in range(0, int(bx1 - bx0), 40):  # a dashed outline
            sheet.line(bx0 + k, by0, min(bx0 + k + 22, bx1), by0, width=2, fill=FAINT)
            sheet.line(bx0 + k, by1, min(bx0 + k + 22, bx1), by1, width=2, fill=FAINT)
        for k in range(0, int(by1 - by0), 40):
            sheet.line(bx0, by0 + k, bx0, min(by0 + k + 22, by1), width=2, fill=FAINT)
            sheet.line(bx1, by0 + k, bx1, min(by0 + k + 22, by1), width=2, fill=FAINT)
        page.text(
            (bx0 + bx1) / 2, (by0 + by1) / 2 + 10, sheet.word("label_box"), "cap", anchor="ms"
        )


def _has(name: str) -> bool:
    return any(f.name == name for f in fonts.installed_families())


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    colour = sheet.colour
    _letterhead(sheet, fields, extras)

    # the title bar
    sheet.rect(0, 360, 2550, 450, fill=colour, outline=None)
    page.text(LEFT, 422, sheet.word("title"), "bar", max_width=1500)
    page.text(RIGHT, 400, sheet.word("form"), "bar_small", anchor="rs")
    page.text(RIGHT, 436, sheet.word("rev"), "bar_small", anchor="rs")

    # the strip of four cells, labels on top
    record = sheet.date(fields.get("record_date"))
    cells: list[tuple[str, str]] = [
        (sheet.word("ref_date"), sheet.date(extras.get("referred"))),
        (sheet.word("ref_by"), extras.get("referrer") or ""),
        (sheet.word("coord"), extras.get("coordinator") or ""),
    ]
    if style["date_place"] == "strip":
        cells.insert(int(style["date_cell"]) % 4, (sheet.word("eval"), record))
    top, bottom = 490.0, 610.0
    span = RIGHT if len(cells) == 4 else 1660.0
    widths = [0.21, 0.29, 0.29, 0.21] if len(cells) == 4 else [0.28, 0.36, 0.36]
    x = LEFT
    for (label, text), share in zip(cells, widths, strict=True):
        width = (span - LEFT) * share
        sheet.rect(x, top, x + width, bottom, outline=LINE, width=2)
        page.text(x + 14, top + 32, label.upper(), "cap", max_width=width - 28)
        sheet.value(x + 24, bottom - 22, text, width - 48)
        x += width
    if len(cells) == 3:  # the evaluation date on its own at the right, its label over it
        x0 = span + 80
        page.text(x0, top + 30, f"{sheet.word('eval')}:", "bold", max_width=RIGHT - x0)
        sheet.line(x0, bottom - 8, RIGHT, bottom - 8, width=2, fill=LINE)
        sheet.value(x0 + 20, bottom - 22, record, RIGHT - x0 - 30)
    # the organ programme (distractor)
    y = bottom + 100
    end = page.text(LEFT, y, sheet.word("organ"), "bold")
    if style["organ_boxes"]:
        sheet.ticks(end + 40, y, sheet.parts("organs"), extras.get("organ"))
    else:
        sheet.rings(end + 60, y, sheet.parts("organs"), extras.get("organ"), gap=85)

    # part 1: the candidate, two columns of gutter rows
    y = _part(sheet, y + 130, 1, "s_cand")
    lines = common.address_lines(fields, extras)
    name = fields.get("patient_name")
    name_rows: list[tuple[str, Any]]
    if style["split_name"] and name:
        given, _, surname = str(name).rpartition(" ")
        name_rows = [(sheet.word("surname"), surname), (sheet.word("given"), given)]
    else:
        name_rows = [(sheet.word("whole"), name)]
    left_rows: list[tuple[str, Any]] = [
        *name_rows,
        (sheet.word("street"), lines[0]),
        (sheet.word("town"), lines[1]),
        (sheet.word("country"), lines[2]),
        (sheet.word("tel"), sheet.phone(fields.get("phone"))),
        (sheet.word("alt"), sheet.phone(extras.get("alt_phone"))),
        (sheet.word("job"), extras.get("occupation")),
    ]
    right_rows: list[tuple[str, Any]] = [
        (sheet.word("dob"), sheet.date(fields.get("birth_date"), short_year=False)),
        (sheet.word("sex"), extras.get("sex")),
        (sheet.word("weight"), _measure(fields.get("weight"), extras.get("weight_unit"))),
        (sheet.word("height"), _measure(fields.get("height"), extras.get("height_unit"))),
        (sheet.word("blood"), extras.get("blood_group")),
        (sheet.word("lang"), extras.get("language")),
    ]
    gutter = float(style["gutter"])
    split = 1330.0
    low = _gutter_rows(sheet, LEFT, split - 50, y + 10, gutter, left_rows)
    _gutter_rows(sheet, split, RIGHT, y + 10, gutter - 40, right_rows)
    y = low + 20

    # part 2: next of kin in a table
    y = _part(sheet, y + 80, 2, "s_kin")
    shares = (0.32, 0.18, 0.25, 0.25)
    heads = (sheet.word("k_name"), sheet.word("k_rel"), sheet.word("k_home"), sheet.word("k_work"))
    cells_row = (
        fields.get("emergency_contact_name"),
        extras.get("relation"),
        sheet.phone(fields.get("emergency_contact_phone")),
        sheet.phone(extras.get("emergency_work_phone")),
    )
    top = y + 30
    head_h, row_h = 56.0, 86.0
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=_tint(colour, 0.14), outline=None)
    x = LEFT
    edges = [LEFT]
    for share in shares:
        x += (RIGHT - LEFT) * share
        edges.append(x)
    for k, head in enumerate(heads):
        page.text(edges[k] + 14, top + 40, head, "bold", max_width=edges[k + 1] - edges[k] - 28)
        sheet.value(
            edges[k] + 20, top + head_h + row_h - 24, cells_row[k], edges[k + 1] - edges[k] - 40
        )
    bottom = top + head_h + 2 * row_h
    sheet.rect(LEFT, top, RIGHT, bottom, outline=LINE, width=3)
    for edge in edges[1:-1]:
        sheet.line(edge, top, edge, bottom, width=2, fill=LINE)
    for k in (0, 1):
        sheet.line(LEFT, top + head_h + row_h * k, RIGHT, top + head_h + row_h * k, 2, LINE)
    y = bottom + 80
    sheet.on_rule(
        LEFT, y, f"{sheet.word('k_addr')}:", fields.get("emergency_contact_address"), RIGHT
    )

    # part 3: serology, ticked in columns
    y = _part(sheet, y + 110, 3, "s_sero")
    columns = sheet.parts("immune")
    status = {"immune": 0, "not immune": 1}
    rows: list[tuple[str, int | None]] = []
    for key in ("measles", "mumps", "rubella", "varicella"):
        if key == "measles":
            value = fields.get("measles")
            chosen = status.get(value) if value else (2 if extras.get("measles_unsure") else None)
        elif key == "varicella":
            value = fields.get("chicken_pox")
            unsure = extras.get("chicken_pox_unsure")
            chosen = status.get(value) if value else (2 if unsure else None)
        else:
            chosen = extras.get(key)
        rows.append((sheet.word(key), chosen))
    if style["sero_order"] == "vmmr":
        rows = [rows[3], rows[0], rows[1], rows[2]]
    top = y + 26
    first_w = 720.0
    col_w = (RIGHT - LEFT - first_w) / 3
    head_h, row_h = 56.0, 74.0
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=_tint(colour, 0.14), outline=None)
    page.text(LEFT + 14, top + 40, sheet.word("infection"), "bold")
    for k, text in enumerate(columns):
        cx = LEFT + first_w + col_w * (k + 0.5)
        page.text(cx, top + 40, text, "bold", anchor="ms", max_width=col_w - 20)
    for r, (label, chosen) in enumerate(rows):
        row_top = top + head_h + row_h * r
        page.text(LEFT + 14, row_top + row_h - 24, label, "label", max_width=first_w - 28)
        for k in range(3):
            cx = LEFT + first_w + col_w * (k + 0.5)
            common.checkbox(
                page,
                cx - 20,
                row_top + row_h - 16,
                checked=chosen == k,
                mark=style["mark"],
                side=40,
            )
        sheet.line(LEFT, row_top, RIGHT, row_top, 1.5, LINE)
    bottom = top + head_h + row_h * len(rows)
    sheet.rect(LEFT, top, RIGHT, bottom, outline=LINE, width=3)
    for k in range(3):
        edge = LEFT + first_w + col_w * k
        sheet.line(edge, top, edge, bottom, 2, LINE)

    # hepatitis B, circled, and the antibody titre (distractor)
    y = bottom + 90
    end = page.text(LEFT, y, sheet.word("hep_b"), "label", max_width=1250)
    hep = fields.get("hepatitis_b_vaccination")
    chosen = {"yes": 0, "no": 1}.get(hep) if hep else None
    if chosen is None and extras.get("hepatitis_b_vaccination_unsure"):
        chosen = 2
    end = sheet.rings(end + 90, y, sheet.parts("hep_opts"), chosen, gap=85)
    titre = f"{sheet.word('titre')}:"
    titre_x = max(end + 40, 1640.0)
    if RIGHT - titre_x - page.width(titre, "label") < 360:  # no room: on the line below
        y += 90
        titre_x = LEFT + 40
    sheet.on_rule(titre_x, y, titre, extras.get("titre"), min(RIGHT, titre_x + 900))

    # part 4: other conditions on two rules
    y = _part(sheet, y + 120, 4, "s_other")
    y += 66
    page.text(LEFT, y, sheet.word("other_q"), "label", max_width=RIGHT - LEFT)
    text = common.list_text(fields.get("medical_problems"), str(style["empty_list"])) or ""
    lines_out = render.wrap(page, text, "value", RIGHT - LEFT - 120) if text else []
    for k in range(2):
        base = y + 86 * (k + 1)
        sheet.line(LEFT + 30, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
        if k < len(lines_out):
            rest = lines_out[k] if k == 0 else " ".join(lines_out[1:])
            sheet.value(LEFT + 50, base, rest, RIGHT - LEFT - 70)
    sheet.footer(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


def _table(
    sheet: _Sheet,
    top: float,
    heads: Sequence[str],
    shares: Sequence[float],
    rows: Sequence[Sequence[Any]],
    minimum: int,
) -> float:
    """A ruled table: a shaded header row and at least ``minimum`` rows; returns its bottom."""
    page = sheet.page
    head_h, row_h = 54.0, 80.0
    edges = [LEFT]
    for share in shares:
        edges.append(edges[-1] + (RIGHT - LEFT) * share)
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=_tint(sheet.colour, 0.14), outline=None)
    for k, head in enumerate(heads):
        page.text(edges[k] + 14, top + 38, head, "bold", max_width=edges[k + 1] - edges[k] - 28)
    count = max(minimum, len(rows))
    for r in range(count):
        row_top = top + head_h + row_h * r
        sheet.line(LEFT, row_top, RIGHT, row_top, 1.5, LINE)
        if r < len(rows):
            for k, text in enumerate(rows[r]):
                width = edges[k + 1] - edges[k] - 40
                sheet.value(edges[k] + 20, row_top + row_h - 22, text, width)
    bottom = top + head_h + row_h * count
    sheet.rect(LEFT, top, RIGHT, bottom, outline=LINE, width=3)
    for edge in edges[1:-1]:
        sheet.line(edge, top, edge, bottom, 2, LINE)
    return bottom


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.text(LEFT, 150, style["institute"], "org", max_width=1300, size=40)
    page.text(RIGHT, 150, sheet.word("p2"), "bold", anchor="rs", max_width=900)
    sheet.line(LEFT, 180, RIGHT, 180, width=5, fill=sheet.colour)
    sheet.on_rule(LEFT, 280, f"{sheet.word('p2_name')}:", fields.get("patient_name"), 1500)
    sheet.on_rule(1600, 280, f"{sheet.word('mrn')}:", extras.get("mrn"), RIGHT)

    # part 5: funding and insurance
    y = _part(sheet, 410, 5, "s_fund")
    y += 80
    end = page.text(LEFT, y, sheet.word("ins_q"), "label")
    insured = fields.get("has_insurance")
    sheet.ticks(end + 50, y, sheet.parts("yes_no"), {"yes": 0, "no": 1}.get(insured or ""))
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    mid = 1420.0
    y += 110
    sheet.on_rule(LEFT, y, f"{sheet.word('payer')}:", fields.get("insurance_company"), mid - 60)
    sheet.on_rule(mid, y, f"{sheet.word('group')}:", extras.get("group"), RIGHT)
    y += 100
    sheet.on_rule(LEFT, y, f"{sheet.word('policy')}:", policy, mid - 60)
    sheet.on_rule(mid, y, f"{sheet.word('start')}:", sheet.date(extras.get("cover_start")), RIGHT)
    y += 100
    sheet.on_rule(LEFT, y, f"{sheet.word('claims')}:", fields.get("insurance_address"), RIGHT)
    y += 100
    expiry = sheet.date(fields.get("insurance_expiry"))
    sheet.on_rule(LEFT, y, f"{sheet.word('end')}:", expiry, mid - 60)
    sheet.on_rule(mid, y, f"{sheet.word('fin')}:", extras.get("financial"), RIGHT)

    # part 6: allergies
    y = _part(sheet, y + 140, 6, "s_allergy")
    allergies = list(fields.get("allergies") or [])
    y += 76
    common.checkbox(page, LEFT, y, checked=fields.get("allergies") == [], mark=style["mark"])
    page.text(LEFT + 70, y, sheet.word("nka"), "label")
    reaction_rows = list(extras.get("allergy_rows") or [])
    rows = [
        [item, *(reaction_rows[k] if k < len(reaction_rows) else ["", ""])]
        for k, item in enumerate(allergies)
    ]
    if fields.get("allergies") == [] and style["empty_list"]:
        rows = [[str(style["empty_list"]), "", ""]]
    heads = (sheet.word("substance"), sheet.word("reaction"), sheet.word("severity"))
    y = _table(sheet, y + 40, heads, (0.45, 0.33, 0.22), rows, 3)

    # part 7: medicines
    y = _part(sheet, y + 110, 7, "s_meds")
    medication = list(fields.get("regular_medication") or [])
    y += 76
    common.checkbox(
        page, LEFT, y, checked=fields.get("regular_medication") == [], mark=style["mark"]
    )
    page.text(LEFT + 70, y, sheet.word("no_meds"), "label")
    dose_rows = list(extras.get("medicine_rows") or [])
    rows = [
        [item, *(dose_rows[k] if k < len(dose_rows) else ["", ""])]
        for k, item in enumerate(medication)
    ]
    heads = (sheet.word("medicine"), sheet.word("dose"), sheet.word("freq"))
    y = _table(sheet, y + 40, heads, (0.42, 0.24, 0.34), rows, 3)

    # part 8: declaration and signatures
    y = _part(sheet, y + 110, 8, "s_decl")
    base = y + 60
    for line in render.wrap(page, sheet.word("decl"), "note", RIGHT - LEFT - 60):
        page.text(LEFT, base, line, "note")
        base += 38
    base += 110
    sheet.line(LEFT, base, 1200, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 560, base - 8, sheet.ink())
    page.text(LEFT, base + 38, sheet.word("sign"), "cap")
    sheet.line(1300, base, 1800, base, width=2.5, fill=LINE)
    if extras.get("signed"):
        sheet.value(1320, base - 14, sheet.date(fields.get("record_date")), 460)
    page.text(1300, base + 38, sheet.word("signed"), "cap")
    sheet.line(1880, base, RIGHT, base, width=2.5, fill=LINE)
    sheet.value(1900, base - 14, extras.get("witness"), RIGHT - 1920)
    page.text(1880, base + 38, sheet.word("witness"), "cap")

    # the transplant office's box (distractors)
    top = base + 170
    sheet.rect(LEFT, top, RIGHT, top + 250, fill=(246, 246, 246), outline=LINE, width=2)
    page.text(LEFT + 20, top + 40, sheet.word("office"), "cap")
    row = top + 120
    stop = sheet.on_rule(LEFT + 20, row, f"{sheet.word('registry')}:", extras.get("registry"), 1150)
    sheet.on_rule(stop + 60, row, f"{sheet.word('entered')}:", extras.get("entered_by"), RIGHT - 20)
    row += 90
    end = page.text(LEFT + 20, row, f"{sheet.word('status')}:", "label")
    sheet.rings(end + 50, row, sheet.parts("statuses"), extras.get("status"), gap=85)
    sheet.footer(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    colour = sheet.colour
    centre = 2550 / 2

    # the letterhead: a cross, the hospital, its department, box and radio-telephone
    cx, cy = centre, 130.0
    sheet.rect(cx - 14, cy - 52, cx + 14, cy + 52, fill=colour, outline=None)
    sheet.rect(cx - 40, cy - 28, cx + 40, cy, fill=colour, outline=None)
    page.text(centre, 255, style["hospital"], "org", anchor="ms", max_width=1900)
    page.text(centre, 305, sheet.word("dept"), "org_small", anchor="ms")
    box_line = (
        f"P.O. Box {style['box']}, {style['town']}  \u2022  "
        f"{sheet.word('radio')} {sheet.phone(style['phone'])}"
    )
    page.text(centre, 348, box_line, "org_small", anchor="ms", max_width=1900)
    sheet.line(LEFT, 380, RIGHT, 380, width=6, fill=colour)
    sheet.line(LEFT, 394, RIGHT, 394, width=2, fill=colour)

    # the title and the outpatient number in its box (distractor)
    page.text(LEFT, 500, sheet.word("title"), "title", max_width=1350)
    bx0 = 1750.0
    sheet.rect(bx0, 430, RIGHT, 530, outline=LINE, width=3)
    page.text(bx0 + 16, 462, sheet.word("opd"), "cap")
    sheet.value(bx0 + 40, 514, extras.get("opd"), RIGHT - bx0 - 60)

    # the patient
    y = 650.0
    sheet.on_rule(LEFT, y, f"{sheet.word('name')}:", fields.get("patient_name"), 1500)
    age = extras.get("age")
    sheet.on_rule(1560, y, f"{sheet.word('age')}:", age, 1860)
    sheet.rings(1940, y, sheet.parts("sex"), extras.get("sex"), gap=75)
    y += 120
    sheet.on_rule(LEFT, y, f"{sheet.word('home')}:", fields.get("patient_address"), RIGHT)
    y += 120
    sheet.on_rule(LEFT, y, f"{sheet.word('date')}:", sheet.date(fields.get("date")), 900)
    sheet.on_rule(960, y, f"{sheet.word('clinic')}:", extras.get("clinic"), 1820)
    sheet.on_rule(1880, y, f"{sheet.word('weight')}:", extras.get("weight"), RIGHT)
    y += 120
    sheet.on_rule(LEFT, y, f"{sheet.word('dx')}:", extras.get("diagnosis"), RIGHT)
    y += 120
    end = page.text(LEFT, y, sheet.word("tests"), "label")
    requested = set(extras.get("tests") or [])
    x = end + 40
    for k, test in enumerate(sheet.parts("test_names")):
        x = common.checkbox(page, x, y, checked=k in requested, mark=style["mark"], side=38)
        x = page.text(x + 20, y, test, "label") + 50

    # the Rx sign and the medicines on numbered lines with a quantity column
    top = y + 90
    sheet.line(LEFT, top, RIGHT, top, width=3, fill=colour)
    if style["rx_glyph"] and any(f.has_rx_glyph for f in fonts.families(handwriting=False)):
        rx_font = next(f for f in fonts.families(handwriting=False) if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 120, INK)
        page.text(LEFT, top + 150, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(page.faces["bold"].path, 100, INK)
        page.text(LEFT, top + 140, "Rx", "rx")
    x0 = LEFT + 220
    qty_x = 1980.0
    page.text(x0, top + 60, sheet.word("drug"), "bold")
    page.text(qty_x + 20, top + 60, sheet.word("qty"), "bold")
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    count = max(4, len(medicines))
    for r in range(count):
        base = top + 150 + 100 * r
        page.text(x0, base, f"{r + 1}.", "label")
        sheet.line(x0 + 60, base + 14, qty_x - 30, base + 14, width=1.5, fill=FAINT)
        sheet.line(qty_x, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
        if r < len(medicines):
            sheet.value(x0 + 80, base, medicines[r], qty_x - x0 - 130)
            sheet.value(qty_x + 20, base, quantities[r] if r < len(quantities) else "", 360)
    sheet.line(qty_x - 10, top + 80, qty_x - 10, top + 150 + 100 * (count - 1) + 30, 2, LINE)
    base = top + 150 + 100 * count + 10

    # the instructions on rules
    page.text(LEFT, base, f"{sheet.word('how')}:", "bold")
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 180) if directions else []
    for k in range(max(3, len(lines))):
        line_y = base + 92 * (k + 1)
        sheet.line(LEFT + 30, line_y + 14, RIGHT, line_y + 14, width=1.5, fill=FAINT)
        if k < len(lines):
            sheet.value(LEFT + 50, line_y, lines[k], RIGHT - LEFT - 70)
    base += 92 * max(3, len(lines)) + 130

    # the repeats
    refills = fields.get("refills")
    if style["repeat_mode"] == "row":
        end = page.text(LEFT, base, sheet.word("repeat_row"), "bold")
        tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = tokens.index(str(refills)) if str(refills) in tokens else None
        end = sheet.rings(end + 60, base, tokens, chosen, gap=75)
        end = page.text(end + 10, base, f"{sheet.word('other')}:", "label")
        sheet.line(end + 14, base + 12, end + 180, base + 12, width=2, fill=LINE)
        if refills is not None and chosen is None:
            sheet.value(end + 40, base, refills, 130)
        stop = end + 180
    else:
        before, after = sheet.parts("repeat_text")
        end = page.text(LEFT, base, before, "label")
        sheet.line(end + 20, base + 12, end + 220, base + 12, width=2, fill=LINE)
        sheet.value(end + 60, base, "" if refills is None else refills, 150)
        stop = end + 220
        if refills != "PRN":
            stop = page.text(end + 240, base, after, "label")
    review = f"{sheet.word('review')}:"
    review_x = max(stop + 120, 1500.0)
    if RIGHT - review_x - page.width(review, "label") < 420:  # no room: on the line below
        base += 100
        review_x = LEFT
    sheet.on_rule(
        review_x, base, review, sheet.date(extras.get("review")), min(RIGHT, review_x + 880)
    )

    # the prescriber: signature, and a rubber stamp or a written name
    base += 260
    sig_y = base
    sheet.line(LEFT, sig_y, 1150, sig_y, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 560, sig_y - 8, (25, 35, 110))
    page.text(LEFT, sig_y + 38, sheet.word("signature"), "cap")
    prescriber = str(fields.get("prescriber", ""))
    if style["prescriber_written"]:
        line_y = sig_y + 150
        sheet.line(LEFT, line_y + 12, 1150, line_y + 12, width=2, fill=LINE)
        sheet.value(LEFT + 20, line_y, prescriber, 1100 - LEFT)
        page.text(LEFT, line_y + 50, sheet.word("caption"), "cap")
        reg_y = line_y + 130
        end = page.text(LEFT, reg_y, f"{sheet.word('reg')}", "label")
        page.text(end + 40, reg_y, str(extras.get("registration", "")), "label")
    else:
        ink = _rgb(style["stamp_ink"])
        sx0, sy0 = LEFT + 40, sig_y + 70
        page.faces["stamp"] = render.Face(page.faces["bold"].path, 40, ink)
        page.faces["stamp_small"] = render.Face(page.faces["label"].path, 30, ink)
        width = max(page.width(prescriber, "stamp"), 560) + 70
        sx1 = min(sx0 + width, 1250.0)
        sheet.rect(sx0, sy0, sx1, sy0 + 220, outline=ink, width=5)
        sheet.rect(sx0 + 10, sy0 + 10, sx1 - 10, sy0 + 210, outline=ink, width=2)
        page.text(
            (sx0 + sx1) / 2, sy0 + 75, prescriber, "stamp", anchor="ms", max_width=sx1 - sx0 - 100
        )
        post = f"{extras.get('post', '')} \u2022 {style['hospital']}"
        page.text(
            (sx0 + sx1) / 2, sy0 + 130, post, "stamp_small", anchor="ms", max_width=sx1 - sx0 - 100
        )
        reg = f"{sheet.word('reg')} {extras.get('registration', '')}"
        page.text((sx0 + sx1) / 2, sy0 + 180, reg, "stamp_small", anchor="ms")

    # the dispensary's corner (distractors)
    dx0 = 1400.0
    sheet.rect(dx0, sig_y - 80, RIGHT, sig_y + 330, outline=LINE, width=2)
    page.text(dx0 + 20, sig_y - 40, "DISPENSARY USE", "cap")
    row = sig_y + 40
    sheet.on_rule(dx0 + 20, row, f"{sheet.word('disp')}:", extras.get("dispenser"), RIGHT - 20)
    row += 95
    sheet.on_rule(
        dx0 + 20,
        row,
        f"{sheet.word('disp_date')}:",
        sheet.date(extras.get("dispensed")),
        RIGHT - 20,
    )
    row += 95
    stop = sheet.on_rule(dx0 + 20, row, f"{sheet.word('fee')}:", extras.get("fee"), dx0 + 470)
    sheet.on_rule(stop + 30, row, f"{sheet.word('receipt')}:", extras.get("receipt"), RIGHT - 20)
    sheet.footer(sheet.word("fine"), "")
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
