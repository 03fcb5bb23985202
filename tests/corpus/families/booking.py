"""A jail's receiving health screening and a neurology group practice's sidebar prescription.

Written blind as the held-out family of round 34 (its author never read the reader, its layouts,
its vocabulary or its tests); tuned from round 35 on.

Patient record (two pages): the receiving health screening a county detention centre's medical
unit fills in when a person is booked in. Page 1: the agency's letterhead (the sheriff's office
or corrections department, the detention health services line, the facility's street and the
medical unit's telephone: distractors) on the left, and on the right a ruled identification box
holding the booking number and the housing unit (distractors) and, on some forms, the intake
date; a black title bar with the form number at its right end; on the other forms a row under
the bar with the screening date, the time of arrival and the arresting agency (time and agency
are distractors). "Section A" is a ruled grid of the person's particulars: each cell's label
either sits in a shaded cell left of its value or is printed small in the cell's top-left
corner with the value below it. Its rows: the name (in full, or as last name and first name in
two cells), date of birth beside the age (distractor), sex and language (distractors), weight
beside height (with units), home telephone beside a cell phone (distractor), the last known
street address across the row, then city/state/ZIP beside the country. "Section B" (person to
notify) is either the same grid (name and relationship, home and work telephones, address) or a
table with column heads (name, relationship, home phone, work phone) and the address on a rule
below it. "Section C" (medical screening) holds the immunities, either as a table with Immune /
Not immune / Unknown columns (chicken pox, measles and a tetanus row as distractor; unknown
leaves the field out) or as rows of printed options with the answer ringed by hand; then a
numbered question table with Yes and No columns (or Y / N ringed) where one question asks about
the hepatitis B vaccine series and the others (cough, doctor's care, self-harm, intoxication)
are distractors; then the current medical problems written on two rules. Page 2: the name and
booking number again; "Section D" health coverage (a yes/no question, then a grid with the
carrier, a group number (distractor), the policy or member number, a Medicaid number
(distractor), the carrier's address and the coverage dates, the start a distractor); "Section E"
allergies after a "no known allergies" box, either as a substance / reaction table or on rules;
"Section F" medications after a "none" box, in a medication / dose / how often / last dose
table (the last three are distractors); "Section G" disposition boxes and a sick-call follow-up
(distractors); the screening nurse's signature with a printed name, date and time
(distractors); and a medical records box (distractors); small print at the foot.

Prescription (one page): the prescription blank of a neurology and headache group practice. A
tinted sidebar down the left edge carries the practice's emblem, name, street, telephone, fax
and hours, and the list of its physicians with their sub-specialties (distractors; the
prescriber may be one of them). The main panel: a title with the date either labelled on a rule
at the right or standing alone at the top right; the patient's name, the address, the date of
birth and a telephone (distractors) and the allergies (distractor) on rules, in one of two
orders; the Rx sign before a box of numbered medicine lines with a quantity column
(distractor); the directions on rules under a "Sig" style heading; the refills either as a row
of boxes (0 to 5 and PRN, "other" for more) with one marked, or written on a rule in a sentence;
generic substitution boxes and the next appointment (distractors); the signature line with the
prescriber's name typed under it or written by hand on a second rule, and an NPI number
(distractor); small print at the foot.
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
FOOT = 3190.0  # the footer's rule; the small print below it
INK = (22, 22, 22)
GREY = (90, 90, 90)
LINE = (60, 60, 60)
FAINT = (170, 170, 170)
WHITE = (255, 255, 255)
SHADE = (232, 232, 232)

# fmt: off
ACCENTS = ([30, 30, 30], [25, 55, 95], [90, 35, 35], [35, 75, 55], [60, 45, 90])
SIDEBARS = ([228, 236, 246], [236, 242, 232], [244, 236, 228], [238, 234, 246],
            [236, 236, 236])
AGENCIES = ("Office of the County Sheriff", "Department of Corrections",
            "County Sheriff's Office", "Regional Jail Authority")
HEALTH_LINES = ("Detention Health Services", "Correctional Health Care Unit",
                "Jail Medical Services", "Inmate Health Services Division")
FACILITIES = ("Harlan County Detention Center", "Westbrook Regional Jail",
              "Pine Ridge Adult Detention Facility", "Marion County Jail",
              "Eastgate Correctional Center", "Cedar Falls Intake & Release Center")
PRACTICES = ("Lakeview Neurology & Headache Center", "Associated Neurologists of the Valley",
             "Riverbend Neurology Group", "Summit Brain & Spine Neurology",
             "Northgate Headache and Neurology Associates", "Coastal Neurology Partners")
SUBSPECIALTIES = ("General Neurology", "Headache Medicine", "Epilepsy", "Movement Disorders",
                  "Neuromuscular Medicine", "Multiple Sclerosis", "Stroke & Vascular Neurology",
                  "Clinical Neurophysiology")
HOURS = ("Mon-Fri 8:00-5:00", "Mon-Thu 8-6, Fri 8-12", "Weekdays 7:30 am - 4:30 pm")
AGENCIES_ARREST = ("City PD", "Sheriff", "State Patrol", "County Sheriff", "Transit PD",
                   "Marshal Svc", "Probation")
HOUSING = ("A-Pod", "B-2", "Intake", "C-Block", "Med-1", "D-14", "Booking")
LANGUAGES = ("English", "English", "Spanish", "English", "Vietnamese", "Somali", "Russian")
RELATIONS = ("Mother", "Father", "Wife", "Husband", "Sister", "Brother", "Aunt", "Son",
             "Daughter", "Girlfriend", "Friend", "Grandmother")
REACTIONS = ("Hives", "Rash", "Swelling", "Throat closes", "Vomiting", "Itching", "Wheezing")
FREQUENCIES = ("daily", "BID", "TID", "at bedtime", "every morning", "as needed", "QID")
DISPOSITIONS = ("General population", "Medical observation", "Mental health referral",
                "Sent to ER")
QUANTITIES = ("#30", "#60", "#90", "#14", "#20", "1 box", "30", "#10")
LAST_DOSES = ("this AM", "last night", "yesterday", "2 days ago", "08:00", "unknown")
ALLERGY_NOTES = ("NKDA", "Penicillin", "Sulfa", "Codeine", "Latex", "NKA", "Aspirin")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso", "mdy_slash")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "RECEIVING HEALTH SCREENING",
        "INTAKE MEDICAL SCREENING \u2014 RECEIVING",
        "Booking Health Screen / Medical Intake",
    ),
    "form": ("Form DHS-7 (rev. 2/18)", "JMS 104", "Form MED-01  Rev 09/2021", "HS-3 (05/17)"),
    "booking": ("Booking No.", "Booking #", "Inmate No."),
    "housing": ("Housing", "Housing unit", "Cell / Pod"),
    "intake": ("Intake date", "Date booked", "Screening date"),
    "s_date": ("Date of screening", "Screening date", "Date"),
    "time": ("Time", "Time in", "Arrival time"),
    "agency": ("Arresting agency", "Brought in by", "Agency"),
    "sec": ("SECTION", "Section", "Part"),
    "s_id": ("Identification", "Personal information", "Detainee information"),
    "s_kin": ("Person to notify in an emergency", "Emergency notification", "Next of kin"),
    "s_med": ("Medical screening", "Health questions", "Medical history screening"),
    "name": ("Name (first, last)", "Detainee name", "Full name"),
    "last": ("Last name", "Surname"),
    "first": ("First name", "Given name(s)", "First / middle"),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "age": ("Age",),
    "sex": ("Sex", "Gender"),
    "lang": ("Primary language", "Language"),
    "weight": ("Weight", "Wt."),
    "height": ("Height", "Ht."),
    "phone": ("Home phone", "Telephone", "Phone no."),
    "cell": ("Cell phone", "Other phone", "Mobile"),
    "street": ("Last known address", "Street address", "Home address"),
    "city": ("City / State / ZIP", "City, State, Zip", "Town / State / ZIP"),
    "country": ("Country", "Country of residence"),
    "k_name": ("Name", "Person to notify", "Contact name"),
    "k_rel": ("Relationship", "Relation to detainee"),
    "k_home": ("Home phone", "Phone (home)", "Telephone"),
    "k_work": ("Work phone", "Phone (work/cell)", "Daytime phone"),
    "k_addr": ("Address", "Their address", "Contact address"),
    "immunity": ("Immunity", "Disease", "History / immunity"),
    "imm_opts": ("Immune|Not immune|Unknown", "IMMUNE|NOT IMMUNE|UNKNOWN"),
    "pox": ("Chicken pox (varicella)", "Varicella / chickenpox", "Chickenpox"),
    "measles": ("Measles (rubeola)", "Measles", "Measles / MMR"),
    "tetanus": ("Tetanus (last 10 yrs)", "Tetanus booster"),
    "q_no": ("No.", "#", "Q"),
    "question": ("Question", "Ask the detainee", "Screening question"),
    "yes_no": ("Yes|No", "YES|NO", "Y|N"),
    "hep": (
        "Have you completed the hepatitis B vaccine series?",
        "Hepatitis B vaccination received?",
        "Ever vaccinated against hepatitis B (all 3 shots)?",
    ),
    "q_cough": ("Cough for more than 3 weeks, night sweats or weight loss?",),
    "q_care": ("Currently under a doctor's care or taking medication?",),
    "q_harm": ("Thoughts of harming yourself now or in the past?",),
    "q_drunk": ("Under the influence of alcohol or drugs at booking?",),
    "problems": (
        "Current medical problems (asthma, seizures, diabetes, heart):",
        "List any medical conditions you are being treated for:",
        "Medical problems (e.g. asthma, seizures, headaches):",
    ),
    "officer": ("Receiving officer", "Booking officer", "Screened with officer"),
    "badge": ("Badge no.", "Badge / ID #"),
    "p2": ("Receiving screening \u2014 page 2", "Intake screening (continued)"),
    "p2_name": ("Name", "Detainee"),
    "s_cov": ("Health coverage", "Insurance / benefits", "Medical coverage at booking"),
    "s_allergy": ("Allergies", "Drug and food allergies"),
    "s_meds": ("Medications", "Current prescribed medications", "Medicines brought in / taken"),
    "s_disp": ("Disposition", "Screening outcome"),
    "ins_q": (
        "Did you have health insurance at the time of booking?",
        "Do you have medical insurance?",
        "Covered by a health plan?",
    ),
    "carrier": ("Insurance carrier", "Insurer", "Health plan"),
    "group": ("Group no.", "Group #"),
    "policy": ("Policy / member no.", "Member ID", "Policy #"),
    "medicaid": ("Medicaid no.", "State ID (Medicaid)"),
    "c_addr": ("Carrier address", "Claims mailing address", "Address of insurer"),
    "start": ("Coverage began", "Effective date"),
    "end": ("Coverage ends", "Expiration date", "Valid until"),
    "nka": ("No known allergies", "NKA", "Denies allergies"),
    "allergen": ("Allergic to", "Substance", "Allergen"),
    "reaction": ("Reaction", "What happens"),
    "allergy_list": ("List allergies:", "Allergic to:"),
    "no_meds": ("Takes no medications", "None reported"),
    "medicine": ("Medication", "Drug name", "Medicine"),
    "dose": ("Dose", "Strength"),
    "often": ("How often", "Frequency"),
    "last_dose": ("Last dose taken", "Last taken"),
    "followup": ("Sick call follow-up in", "Refer to provider within"),
    "days": ("days", "day(s)"),
    "nurse_sign": ("Signature of screening nurse", "Screened by (signature)"),
    "nurse_name": ("Printed name", "Name / credentials"),
    "signed": ("Date", "Date screened"),
    "signed_time": ("Time", "Time completed"),
    "office": ("MEDICAL RECORDS USE ONLY", "FOR MEDICAL RECORDS"),
    "chart": ("Chart no.", "Medical record #"),
    "scanned": ("Scanned on", "Filed"),
    "fine": (
        "Confidential health information. Maintain in the detainee's medical record; do not "
        "place in the classification file.",
        "This screening is completed at booking. Refusals must be documented and re-offered "
        "within 24 hours.",
    ),
    "page": ("Page {} of 2", "{} of 2", "Pg {}/2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription", "OUTPATIENT PRESCRIPTION"),
    "date": ("Date", "Date written", "Date issued"),
    "tel": ("Tel", "Phone", "T"),
    "fax": ("Fax", "F"),
    "hours": ("Hours", "Office hours"),
    "staff": ("PHYSICIANS", "Our neurologists", "Medical staff"),
    "name": ("Patient", "Patient name", "Name"),
    "address": ("Address", "Home address", "Patient address"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "phone": ("Phone", "Tel", "Contact no."),
    "allergy": ("Allergies", "Drug allergies", "Allergy"),
    "drug": ("Medication / strength", "Drug and strength", "Medicine"),
    "qty": ("Disp.", "Quantity", "Qty"),
    "sig": ("Sig / directions", "Directions for use", "Instructions"),
    "refill": ("Refills:", "Refill:", "Number of refills:"),
    "other": ("other", "more"),
    "refill_text": ("Refill|times", "May refill|times", "Refills authorised:|"),
    "generic": ("Generic substitution permitted", "Substitution allowed"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "next": ("Next appointment", "Return visit", "Follow-up on"),
    "signature": ("Prescriber's signature", "Signature", "Physician signature"),
    "print": ("Prescriber (print name)", "Printed name of prescriber", "Prescribing physician"),
    "npi": ("NPI", "NPI #", "NPI no."),
    "pharmacy": ("PHARMACY USE ONLY", "FOR PHARMACIST USE"),
    "rx_no": ("Rx no.", "Prescription #"),
    "filled": ("Filled by", "RPh initials"),
    "filled_on": ("Date filled", "Dispensed on"),
    "fine": (
        "Void if altered. This prescription is not valid unless signed by the prescriber. "
        "Bring all medication bottles to every appointment.",
        "Please allow 48 hours for refill requests. For urgent questions call the office "
        "during business hours.",
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
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", "", "N/A"))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colours, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _base_style(rnd, handwriting, font, _RX)
        style.update(
            practice=rnd.choice(PRACTICES),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            fax=values.phone_number(rnd),
            hours=rnd.choice(HOURS),
            accent=rnd.choice(ACCENTS[1:]),
            sidebar=rnd.choice(SIDEBARS),
            date_corner=rnd.random() < 0.4,
            dob_first=rnd.random() < 0.4,
            refill_mode=rnd.choice(("boxes", "boxes", "sentence")),
            prescriber_written=rnd.random() < 0.35,
            rx_glyph=rnd.random() < 0.5,
        )
        return style
    style = _base_style(rnd, handwriting, font, _REC)
    style.update(
        agency=rnd.choice(AGENCIES),
        health=rnd.choice(HEALTH_LINES),
        facility=rnd.choice(FACILITIES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        accent=rnd.choice(ACCENTS),
        date_in_box=rnd.random() < 0.35,
        corner_labels=rnd.random() < 0.4,
        split_name=rnd.random() < 0.5,
        kin_table=rnd.random() < 0.5,
        immunity_rings=rnd.random() < 0.4,
        yes_no_rings=rnd.random() < 0.35,
        hep_row=rnd.randrange(4),
        allergy_table=rnd.random() < 0.5,
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


def _clock(rnd: random.Random) -> str:
    return f"{rnd.randint(0, 23):02d}:{rnd.choice(range(0, 60, 5)):02d}"


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "booking": f"{record.year % 100:02d}-{rnd.randint(10000, 99999)}",
        "housing": rnd.choice(HOUSING) if rnd.random() < 0.6 else None,
        "time": _clock(rnd) if rnd.random() < 0.8 else None,
        "arrest_agency": rnd.choice(AGENCIES_ARREST) if rnd.random() < 0.7 else None,
        "age": (record - birth).days // 365 if rnd.random() < 0.75 else None,
        "sex": rnd.choice(("M", "F")) if rnd.random() < 0.9 else None,
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.6 else None,
        "cell": values.phone_number(rnd) if rnd.random() < 0.4 else None,
        "tetanus": rnd.choice((0, 0, 1, 2)) if rnd.random() < 0.7 else None,
        "answers": [rnd.choice((0, 1, 1)) if rnd.random() < 0.9 else None for _ in range(4)],
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # "unknown" ticked, or left unanswered
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = f"{rnd.randint(100, 99999):05d}" if rnd.random() < 0.5 else None
        extras["cover_start"] = _shift(record, rnd, -900, -20) if rnd.random() < 0.4 else None
    elif rnd.random() < 0.15:
        del fields["has_insurance"]  # the question left unanswered
    if rnd.random() < 0.25:
        extras["medicaid"] = "".join(rnd.choice("0123456789") for _ in range(9))
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.75 else "" for _ in fields["allergies"]
    ]
    extras["medicine_rows"] = []
    for name in fields["regular_medication"]:
        drug = next(d for d in values.DRUGS if d[0] == name)
        extras["medicine_rows"].append(
            [
                f"{rnd.choice(drug[1])} {drug[2]}" if rnd.random() < 0.8 else "",
                rnd.choice(FREQUENCIES) if rnd.random() < 0.8 else "",
                rnd.choice(LAST_DOSES) if rnd.random() < 0.5 else "",
            ]
        )
    extras["officer"] = values.person_name(rnd) if rnd.random() < 0.5 else None
    extras["badge"] = str(rnd.randint(100, 9999)) if rnd.random() < 0.5 else None
    extras["disposition"] = rnd.randrange(len(DISPOSITIONS)) if rnd.random() < 0.85 else None
    extras["followup"] = rnd.choice((1, 3, 7, 14)) if rnd.random() < 0.5 else None
    extras["nurse"] = (
        f"{values.person_name(rnd)}, {rnd.choice(('RN', 'LPN', 'LVN'))}"
        if rnd.random() < 0.7
        else None
    )
    extras["signed"] = fields["record_date"] if rnd.random() < 0.6 else None
    extras["signed_time"] = _clock(rnd) if rnd.random() < 0.5 else None
    extras["chart"] = (
        "".join(rnd.choice(letters) for _ in range(2)) + str(rnd.randint(10000, 999999))
        if rnd.random() < 0.5
        else None
    )
    extras["scanned"] = _shift(record, rnd, 1, 20) if rnd.random() < 0.3 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    visit = dt.date.fromisoformat(fields["date"])
    medicines = fields["medicines"]
    colleagues = [_doctor(rnd) for _ in range(rnd.randint(1, 3))]
    if rnd.random() < 0.7:
        colleagues.insert(rnd.randint(0, len(colleagues)), fields["prescriber"])
    birth = visit - dt.timedelta(days=rnd.randint(6 * 365, 85 * 365))
    extras: dict[str, Any] = {
        "staff": colleagues,
        "staff_roles": [rnd.choice(SUBSPECIALTIES) for _ in colleagues],
        "dob": birth.isoformat() if rnd.random() < 0.6 else None,
        "phone": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "allergy": rnd.choice(ALLERGY_NOTES) if rnd.random() < 0.6 else None,
        "quantities": [rnd.choice(QUANTITIES) if rnd.random() < 0.8 else "" for _ in medicines],
        "substitution": rnd.choice((0, 0, 1)) if rnd.random() < 0.7 else None,
        "next": _shift(visit, rnd, 14, 120) if rnd.random() < 0.5 else None,
        "npi": str(rnd.randint(1_000_000_000, 1_999_999_999)),
        "rx_no": str(rnd.randint(1_000_000, 9_999_999)) if rnd.random() < 0.4 else None,
        "filled_by": rnd.choice(("JT", "MK", "RPh", "AL", "SD")) if rnd.random() < 0.4 else None,
        "filled": _shift(visit, rnd, 0, 4) if rnd.random() < 0.4 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


class _Sheet(common.Drawing):
    """One page being drawn: its faces and wording, and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.accent = _rgb(style["accent"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK)
        faces["bold"] = render.Face(label.bold, size, INK)
        faces["corner"] = render.Face(label.regular, 24, GREY)
        faces["cap"] = render.Face(label.regular, 25, GREY)
        faces["head"] = render.Face(title.bold, 40, self.accent)
        faces["bar"] = render.Face(title.bold, 50, WHITE)
        faces["bar_small"] = render.Face(title.regular, 28, WHITE)
        faces["org"] = render.Face(title.bold, 46, self.accent)
        faces["org_small"] = render.Face(title.regular, 30, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 56, self.accent)
        faces["side"] = render.Face(label.regular, 28, (50, 50, 50))
        faces["side_bold"] = render.Face(label.bold, 30, self.accent)
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

    def on_rule(self, x: float, base: float, label: str, text: Any, stop: float) -> float:
        """``Label ______`` up to ``stop``, the value on the rule; returns ``stop``."""
        end = self.page.text(x, base, label, "label")
        self.line(end + 14, base + 12, stop, base + 12, width=2, fill=LINE)
        self.value(end + 30, base, text, stop - end - 44)
        return stop

    def mark(self, x: float, base: float, checked: bool, side: float = 40) -> float:
        return common.checkbox(
            self.page, x, base, checked=checked, mark=self.style["mark"], side=side
        )

    def rings(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 60
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

    def section(self, y: float, letter: str, key: str) -> float:
        """``SECTION A  Identification`` over a thick rule; returns the rule's y."""
        page = self.page
        end = page.text(LEFT, y, f"{self.word('sec')} {letter}", "head")
        page.text(end + 30, y, self.word(key), "head", max_width=RIGHT - end - 40)
        self.line(LEFT, y + 14, RIGHT, y + 14, width=4, fill=self.accent)
        return y + 14

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, FOOT, RIGHT, FOOT, width=1.5, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 400)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, FOOT + 34 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, FOOT + 34, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# a grid row: one or two (label, value) cells
Cell = tuple[str, Any]


def _grid(sheet: _Sheet, top: float, rows: Sequence[Sequence[Cell]]) -> float:
    """A ruled grid of label/value cells; returns its bottom."""
    page = sheet.page
    corner = bool(sheet.style["corner_labels"])
    row_h = 116.0 if corner else 92.0
    label_w = 390.0
    mid = (LEFT + RIGHT) / 2
    y = top
    for row in rows:
        spans = [(LEFT, RIGHT)] if len(row) == 1 else [(LEFT, mid), (mid, RIGHT)]
        for (x0, x1), (label, text) in zip(spans, row, strict=True):
            if corner:
                page.text(x0 + 12, y + 30, label, "corner", max_width=x1 - x0 - 24)
                sheet.value(x0 + 30, y + row_h - 22, text, x1 - x0 - 50)
            else:
                sheet.rect(x0, y, x0 + label_w, y + row_h, fill=SHADE, outline=None)
                page.text(x0 + 16, y + 56, label, "label", max_width=label_w - 28)
                sheet.line(x0 + label_w, y, x0 + label_w, y + row_h, 2, LINE)
                sheet.value(x0 + label_w + 24, y + 62, text, x1 - x0 - label_w - 44)
        if len(row) == 2:
            sheet.line(mid, y, mid, y + row_h, 2, LINE)
        y += row_h
        sheet.line(LEFT, y, RIGHT, y, 2, LINE)
    sheet.rect(LEFT, top, RIGHT, y, outline=LINE, width=3)
    return y


def _table(
    sheet: _Sheet,
    top: float,
    heads: Sequence[str],
    edges: Sequence[float],
    rows: Sequence[Sequence[Any]],
    minimum: int,
    row_h: float = 78.0,
) -> float:
    """A ruled table with a shaded head row; returns its bottom."""
    page = sheet.page
    head_h = 54.0
    sheet.rect(edges[0], top, edges[-1], top + head_h, fill=SHADE, outline=None)
    for k, head in enumerate(heads):
        page.text(edges[k] + 12, top + 38, head, "bold", max_width=edges[k + 1] - edges[k] - 24)
    count = max(minimum, len(rows))
    for r in range(count):
        row_top = top + head_h + row_h * r
        sheet.line(edges[0], row_top, edges[-1], row_top, 1.5, LINE)
        if r < len(rows):
            for k, text in enumerate(rows[r]):
                width = edges[k + 1] - edges[k] - 36
                sheet.value(edges[k] + 18, row_top + row_h - 20, text, width)
    bottom = top + head_h + row_h * count
    sheet.rect(edges[0], top, edges[-1], bottom, outline=LINE, width=3)
    for edge in edges[1:-1]:
        sheet.line(edge, top, edge, bottom, 2, LINE)
    return bottom


# --- patient record -------------------------------------------------------------------------


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    record_date = sheet.date(fields.get("record_date"))

    # the letterhead and the identification box
    page.text(LEFT, 130, style["agency"].upper(), "org", max_width=1300)
    page.text(LEFT, 180, style["health"], "org_small", max_width=1300)
    page.text(LEFT, 222, style["facility"], "org_small", max_width=1300)
    place = f"{style['street']}, {style['city']}"
    page.text(LEFT, 264, place, "org_small", max_width=1300)
    page.text(LEFT, 306, f"Medical unit {sheet.phone(style['phone'])}", "org_small")
    bx0 = 1600.0
    rows = 3 if style["date_in_box"] else 2
    sheet.rect(bx0, 80, RIGHT, 80 + 80 * rows, outline=LINE, width=3)
    box_rows: list[tuple[str, Any]] = [
        (sheet.word("booking"), extras.get("booking")),
        (sheet.word("housing"), extras.get("housing")),
    ]
    if style["date_in_box"]:
        box_rows.append((sheet.word("intake"), record_date))
    for k, (label, text) in enumerate(box_rows):
        row_top = 80 + 80 * k
        if k:
            sheet.line(bx0, row_top, RIGHT, row_top, 2, LINE)
        page.text(bx0 + 16, row_top + 52, label, "label", max_width=300)
        sheet.value(bx0 + 340, row_top + 58, text, RIGHT - bx0 - 360)
    sheet.line(bx0 + 320, 80, bx0 + 320, 80 + 80 * rows, 2, LINE)

    # the title bar
    bar = 80 + 80 * rows + 40 if style["date_in_box"] else 360.0
    sheet.rect(LEFT, bar, RIGHT, bar + 78, fill=(20, 20, 20), outline=None)
    page.text(LEFT + 24, bar + 58, sheet.word("title"), "bar", max_width=1500)
    page.text(RIGHT - 24, bar + 52, sheet.word("form"), "bar_small", anchor="rs")
    y = bar + 78
    if not style["date_in_box"]:
        y += 90
        stop = sheet.on_rule(LEFT, y, f"{sheet.word('s_date')}:", record_date, 1000)
        stop = sheet.on_rule(stop + 50, y, f"{sheet.word('time')}:", extras.get("time"), 1450)
        sheet.on_rule(stop + 50, y, f"{sheet.word('agency')}:", extras.get("arrest_agency"), RIGHT)
    else:
        y += 30
        end = page.text(LEFT, y + 40, f"{sheet.word('time')}:", "label")
        sheet.value(end + 30, y + 40, extras.get("time"), 300)

    # section A: identification
    y = sheet.section(y + 100, "A", "s_id")
    name = str(fields.get("patient_name", ""))
    given, _, surname = name.rpartition(" ")
    name_row: list[Cell] = (
        [(sheet.word("last"), surname), (sheet.word("first"), given)]
        if style["split_name"] and given
        else [(sheet.word("name"), name)]
    )
    lines = common.address_lines(fields, extras)
    grid_rows: list[list[Cell]] = [
        name_row,
        [
            (sheet.word("dob"), sheet.date(fields.get("birth_date"), short_year=False)),
            (sheet.word("age"), extras.get("age")),
        ],
        [(sheet.word("sex"), extras.get("sex")), (sheet.word("lang"), extras.get("language"))],
        [
            (sheet.word("weight"), _measure(fields.get("weight"), extras.get("weight_unit"))),
            (sheet.word("height"), _measure(fields.get("height"), extras.get("height_unit"))),
        ],
        [
            (sheet.word("phone"), sheet.phone(fields.get("phone"))),
            (sheet.word("cell"), sheet.phone(extras.get("cell"))),
        ],
        [(sheet.word("street"), lines[0])],
        [(sheet.word("city"), lines[1]), (sheet.word("country"), lines[2])],
    ]
    y = _grid(sheet, y + 26, grid_rows)

    # section B: the person to notify
    y = sheet.section(y + 100, "B", "s_kin")
    kin_phone = sheet.phone(fields.get("emergency_contact_phone"))
    work_phone = sheet.phone(extras.get("emergency_work_phone"))
    if style["kin_table"]:
        heads = [sheet.word(k) for k in ("k_name", "k_rel", "k_home", "k_work")]
        edges = [LEFT, 900.0, 1320.0, 1850.0, RIGHT]
        row = [fields.get("emergency_contact_name"), extras.get("relation"), kin_phone, work_phone]
        y = _table(sheet, y + 26, heads, edges, [row], 1, row_h=84)
        y += 90
        sheet.on_rule(
            LEFT, y, f"{sheet.word('k_addr')}:", fields.get("emergency_contact_address"), RIGHT
        )
        y += 20
    else:
        kin_rows: list[list[Cell]] = [
            [
                (sheet.word("k_name"), fields.get("emergency_contact_name")),
                (sheet.word("k_rel"), extras.get("relation")),
            ],
            [(sheet.word("k_home"), kin_phone), (sheet.word("k_work"), work_phone)],
            [(sheet.word("k_addr"), fields.get("emergency_contact_address"))],
        ]
        y = _grid(sheet, y + 26, kin_rows)

    # section C: immunities, questions and medical problems
    y = sheet.section(y + 100, "C", "s_med")
    options = sheet.parts("imm_opts")
    codes = {"immune": 0, "not immune": 1}
    immunities: list[tuple[str, int | None]] = []
    for key, name_key in (("chicken_pox", "pox"), ("measles", "measles")):
        answer: int | None = codes.get(str(fields.get(key)))
        if extras.get(f"{key}_unsure") and answer is None:
            answer = 2
        immunities.append((sheet.word(name_key), answer))
    immunities.append((sheet.word("tetanus"), extras.get("tetanus")))
    if style["immunity_rings"]:
        y += 26
        for label, answer in immunities:
            y += 84
            page.text(LEFT, y, f"{label}:", "label", max_width=640)
            sheet.rings(860, y, options, answer, gap=90)
    else:
        edges = [LEFT, 1000.0, 1460.0, 1920.0, RIGHT]
        heads = [sheet.word("immunity"), *options]
        y = _table(sheet, y + 26, heads, edges, [], len(immunities), row_h=74)
        for r, (label, answer) in enumerate(immunities):
            base = y - 74 * (len(immunities) - r) + 54
            page.text(LEFT + 18, base, label, "label", max_width=edges[1] - LEFT - 36)
            for k in range(3):
                centre = (edges[k + 1] + edges[k + 2]) / 2
                sheet.mark(centre - 20, base + 4, answer == k)

    # the numbered questions
    hep = fields.get("hepatitis_b_vaccination")
    answers = list(extras.get("answers") or [None] * 4)
    questions: list[tuple[str, int | None]] = [
        (sheet.word(key), answers[k])
        for k, key in enumerate(("q_cough", "q_care", "q_harm", "q_drunk"))
    ]
    questions.insert(int(style["hep_row"]), (sheet.word("hep"), {"yes": 0, "no": 1}.get(hep or "")))
    yes, no = sheet.parts("yes_no")
    edges = [LEFT, 290.0, 1980.0, 2180.0, RIGHT]
    heads = [sheet.word("q_no"), sheet.word("question"), yes, no]
    if style["yes_no_rings"]:
        edges = [LEFT, 290.0, 1980.0, RIGHT]
        heads = [sheet.word("q_no"), sheet.word("question"), f"{yes} / {no}"]
    row_h = 72.0
    top = y + 40
    y = _table(sheet, top, heads, edges, [], len(questions), row_h=row_h)
    for r, (question, answer) in enumerate(questions):
        base = top + 54 + row_h * r + 50
        page.text(LEFT + 18, base, f"{r + 1}.", "label")
        page.text(edges[1] + 16, base, question, "label", max_width=edges[2] - edges[1] - 32)
        if style["yes_no_rings"]:
            sheet.rings(edges[2] + 40, base, [yes, no], answer, gap=70)
        else:
            for k in range(2):
                centre = (edges[k + 2] + edges[k + 3]) / 2
                sheet.mark(centre - 20, base + 4, answer == k)

    # the medical problems on two rules
    y += 80
    page.text(LEFT, y, sheet.word("problems"), "label", max_width=RIGHT - LEFT)
    problems = fields.get("medical_problems")
    text = common.list_text(problems, str(style["empty_list"])) or ""
    lines_out = render.wrap(page, text, "value", RIGHT - LEFT - 100) if text else []
    for k in range(2):
        base = y + 84 * (k + 1)
        sheet.line(LEFT, base + 12, RIGHT, base + 12, width=1.5, fill=FAINT)
        if k < len(lines_out):
            rest = lines_out[k] if k == 0 else " ".join(lines_out[1:])
            sheet.value(LEFT + 40, base, rest, RIGHT - LEFT - 60)

    # the receiving officer (distractors), where the page has room
    base = y + 84 * 2 + 150
    if base < FOOT - 60:
        stop = sheet.on_rule(LEFT, base, f"{sheet.word('officer')}:", extras.get("officer"), 1500)
        sheet.on_rule(stop + 60, base, f"{sheet.word('badge')}:", extras.get("badge"), RIGHT)
    sheet.footer(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.text(LEFT, 140, style["facility"], "org", max_width=1300)
    page.text(RIGHT, 140, sheet.word("p2"), "bold", anchor="rs", max_width=850)
    sheet.line(LEFT, 166, RIGHT, 166, width=5, fill=(20, 20, 20))
    stop = sheet.on_rule(LEFT, 270, f"{sheet.word('p2_name')}:", fields.get("patient_name"), 1500)
    sheet.on_rule(stop + 60, 270, f"{sheet.word('booking')}:", extras.get("booking"), RIGHT)

    # section D: health coverage
    y = sheet.section(400, "D", "s_cov")
    y += 84
    end = page.text(LEFT, y, sheet.word("ins_q"), "label", max_width=1500)
    insured = {"yes": 0, "no": 1}.get(fields.get("has_insurance") or "")
    x = end + 50
    for k, option in enumerate(sheet.parts("yes_no")):
        x = sheet.mark(x, y + 4, insured == k)
        x = page.text(x + 24, y, option, "label") + 60
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    rows: list[list[Cell]] = [
        [
            (sheet.word("carrier"), fields.get("insurance_company")),
            (sheet.word("group"), extras.get("group")),
        ],
        [(sheet.word("policy"), policy), (sheet.word("medicaid"), extras.get("medicaid"))],
        [(sheet.word("c_addr"), fields.get("insurance_address"))],
        [
            (sheet.word("start"), sheet.date(extras.get("cover_start"))),
            (sheet.word("end"), sheet.date(fields.get("insurance_expiry"))),
        ],
    ]
    y = _grid(sheet, y + 40, rows)

    # section E: allergies
    y = sheet.section(y + 100, "E", "s_allergy")
    y += 80
    allergies = fields.get("allergies")
    sheet.mark(LEFT, y + 4, allergies == [])
    page.text(LEFT + 70, y, sheet.word("nka"), "label")
    items = list(allergies or [])
    empty = str(style["empty_list"]) if allergies == [] else ""
    if style["allergy_table"]:
        reactions = list(extras.get("reactions") or [])
        table_rows = [
            [item, reactions[k] if k < len(reactions) else ""] for k, item in enumerate(items)
        ]
        if empty:
            table_rows = [[empty, ""]]
        heads = [sheet.word("allergen"), sheet.word("reaction")]
        y = _table(sheet, y + 36, heads, [LEFT, 1300.0, RIGHT], table_rows, 3, row_h=86)
    else:
        y += 90
        end = page.text(LEFT, y, sheet.word("allergy_list"), "label")
        text = ", ".join(items) if items else empty
        sheet.line(end + 14, y + 12, RIGHT, y + 12, width=1.5, fill=FAINT)
        sheet.value(end + 40, y, text, RIGHT - end - 60)
        y += 84
        sheet.line(LEFT, y + 12, RIGHT, y + 12, width=1.5, fill=FAINT)

    # section F: medications
    y = sheet.section(y + 100, "F", "s_meds")
    y += 80
    medication = fields.get("regular_medication")
    sheet.mark(LEFT, y + 4, medication == [])
    page.text(LEFT + 70, y, sheet.word("no_meds"), "label")
    dose_rows = list(extras.get("medicine_rows") or [])
    med_rows: list[list[Any]] = []
    for k, item in enumerate(medication or []):
        dose, often, last = dose_rows[k] if k < len(dose_rows) else ("", "", "")
        med_rows.append([item, dose, often, last])
    heads = [sheet.word(k) for k in ("medicine", "dose", "often", "last_dose")]
    edges = [LEFT, 1000.0, 1400.0, 1880.0, RIGHT]
    y = _table(sheet, y + 36, heads, edges, med_rows, 4, row_h=86)

    # section G: disposition (distractors)
    y = sheet.section(y + 100, "G", "s_disp")
    y += 80
    chosen = extras.get("disposition")
    x = LEFT
    for k, option in enumerate(DISPOSITIONS):
        width = 40 + 24 + page.width(option, "label") + 60
        if x + width > RIGHT:
            x, y = LEFT, y + 76
        x = sheet.mark(x, y + 4, chosen == k)
        x = page.text(x + 24, y, option, "label") + 60
    y += 90
    end = page.text(LEFT, y, sheet.word("followup"), "label")
    sheet.line(end + 14, y + 12, end + 180, y + 12, width=2, fill=LINE)
    sheet.value(end + 50, y, extras.get("followup"), 120)
    page.text(end + 200, y, sheet.word("days"), "label")

    # the nurse's signature (distractors)
    base = y + 170
    sheet.line(LEFT, base, 1000, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 40, LEFT + 480, base - 8, sheet.ink())
    page.text(LEFT, base + 36, sheet.word("nurse_sign"), "cap")
    sheet.line(1060, base, 1700, base, width=2.5, fill=LINE)
    sheet.value(1080, base - 14, extras.get("nurse"), 600)
    page.text(1060, base + 36, sheet.word("nurse_name"), "cap")
    sheet.line(1760, base, 2120, base, width=2.5, fill=LINE)
    sheet.value(1775, base - 14, sheet.date(extras.get("signed")), 330)
    page.text(1760, base + 36, sheet.word("signed"), "cap")
    sheet.line(2170, base, RIGHT, base, width=2.5, fill=LINE)
    sheet.value(2180, base - 14, extras.get("signed_time"), RIGHT - 2190)
    page.text(2170, base + 36, sheet.word("signed_time"), "cap")

    # the medical records box (distractors)
    top = min(base + 110, FOOT - 200)
    sheet.rect(LEFT, top, RIGHT, top + 150, fill=(245, 245, 245), outline=LINE, width=2)
    page.text(LEFT + 20, top + 38, sheet.word("office"), "cap")
    row = top + 112
    stop = sheet.on_rule(LEFT + 20, row, f"{sheet.word('chart')}:", extras.get("chart"), 1200)
    sheet.on_rule(
        stop + 60, row, f"{sheet.word('scanned')}:", sheet.date(extras.get("scanned")), RIGHT - 20
    )
    sheet.footer(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------

SIDE_RIGHT = 700.0  # the sidebar's right edge
MAIN = 780.0  # the main panel's left edge


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    accent = sheet.accent

    # the sidebar: emblem, practice, contacts and physicians
    sheet.rect(LEFT - 70, 100, SIDE_RIGHT, FOOT - 40, fill=_rgb(style["sidebar"]), outline=None)
    sheet.rect(SIDE_RIGHT - 8, 100, SIDE_RIGHT, FOOT - 40, fill=accent, outline=None)
    cx, cy = (LEFT + SIDE_RIGHT) / 2 - 35, 250.0
    page.draw.ellipse(
        [page.px(cx - 80), page.px(cy - 80), page.px(cx + 80), page.px(cy + 80)],
        outline=accent,
        width=max(1, page.px(8)),
    )
    page.draw.ellipse(
        [page.px(cx - 40), page.px(cy - 40), page.px(cx + 40), page.px(cy + 40)],
        fill=accent,
    )
    width = SIDE_RIGHT - LEFT - 40
    y = 420.0
    for line in render.wrap(page, style["practice"], "side_bold", width):
        page.text(LEFT - 20, y, line, "side_bold", max_width=width)
        y += 42
    y += 30
    contact = (
        style["street"],
        style["city"],
        f"{sheet.word('tel')} {sheet.phone(style['phone'])}",
        f"{sheet.word('fax')} {sheet.phone(style['fax'])}",
        f"{sheet.word('hours')}: {style['hours']}",
    )
    for line in contact:
        page.text(LEFT - 20, y, line, "side", max_width=width)
        y += 40
    y += 70
    page.text(LEFT - 20, y, sheet.word("staff"), "side_bold", max_width=width)
    sheet.line(LEFT - 20, y + 14, SIDE_RIGHT - 50, y + 14, 2, accent)
    y += 70
    roles = list(extras.get("staff_roles") or [])
    for k, doctor in enumerate(extras.get("staff") or []):
        page.text(LEFT - 20, y, str(doctor), "side", max_width=width)
        if k < len(roles):
            page.text(LEFT - 20, y + 34, roles[k], "cap", max_width=width)
        y += 96

    # the title and the date
    right = RIGHT
    page.text(MAIN, 230, sheet.word("title"), "title", max_width=900)
    date = sheet.date(fields.get("date"))
    if style["date_corner"]:
        sheet.value(right, 230, date, 700, anchor="rs")
    else:
        sheet.on_rule(1750, 230, f"{sheet.word('date')}:", date, right)
    sheet.line(MAIN, 290, right, 290, width=4, fill=accent)

    # the patient
    y = 400.0
    sheet.on_rule(MAIN, y, f"{sheet.word('name')}:", fields.get("patient_name"), right)
    address_y, dob_y = (620.0, 510.0) if style["dob_first"] else (510.0, 620.0)
    sheet.on_rule(
        MAIN, address_y, f"{sheet.word('address')}:", fields.get("patient_address"), right
    )
    dob = sheet.date(extras.get("dob"), short_year=False)
    stop = sheet.on_rule(MAIN, dob_y, f"{sheet.word('dob')}:", dob, 1560)
    sheet.on_rule(
        stop + 50, dob_y, f"{sheet.word('phone')}:", sheet.phone(extras.get("phone")), right
    )
    sheet.on_rule(MAIN, 730, f"{sheet.word('allergy')}:", extras.get("allergy"), right)

    # the Rx sign and the medicine box
    top = 800.0
    if style["rx_glyph"] and any(f.has_rx_glyph for f in fonts.families(handwriting=False)):
        rx_font = next(f for f in fonts.families(handwriting=False) if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 130, accent)
        page.text(MAIN, top + 150, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(page.faces["bold"].path, 110, accent)
        page.text(MAIN, top + 140, "Rx", "rx")
    box_x = MAIN + 200
    qty_x = 2030.0
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    count = max(4, len(medicines))
    row_h = 96.0
    head = top + 40
    bottom = head + 56 + row_h * count
    sheet.rect(box_x, head, right, head + 56, fill=SHADE, outline=None)
    page.text(box_x + 16, head + 40, sheet.word("drug"), "bold", max_width=qty_x - box_x - 40)
    page.text(qty_x + 16, head + 40, sheet.word("qty"), "bold", max_width=right - qty_x - 30)
    for r in range(count):
        base = head + 56 + row_h * (r + 1) - 26
        page.text(box_x + 16, base, f"{r + 1})", "label")
        if r:
            sheet.line(box_x, base - row_h + 26, right, base - row_h + 26, 1.5, FAINT)
        if r < len(medicines):
            sheet.value(box_x + 80, base, medicines[r], qty_x - box_x - 110)
            sheet.value(qty_x + 24, base, quantities[r] if r < len(quantities) else "", 300)
    sheet.rect(box_x, head, right, bottom, outline=LINE, width=3)
    sheet.line(qty_x, head, qty_x, bottom, 2, LINE)

    # the directions on rules
    base = bottom + 90
    page.text(MAIN, base, f"{sheet.word('sig')}:", "bold")
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", right - MAIN - 120) if directions else []
    for k in range(max(3, len(lines))):
        line_y = base + 88 * (k + 1)
        sheet.line(MAIN, line_y + 12, right, line_y + 12, width=1.5, fill=FAINT)
        if k < len(lines):
            sheet.value(MAIN + 30, line_y, lines[k], right - MAIN - 50)
    base += 88 * max(3, len(lines)) + 120

    # the refills
    refills = fields.get("refills")
    if style["refill_mode"] == "boxes":
        end = page.text(MAIN, base, sheet.word("refill"), "bold")
        x = end + 40
        tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
        for token in tokens:
            x = sheet.mark(x, base + 4, str(refills) == token, side=36)
            x = page.text(x + 14, base, token, "label") + 34
        x = page.text(x, base, f"{sheet.word('other')}:", "label")
        sheet.line(x + 14, base + 12, x + 170, base + 12, width=2, fill=LINE)
        if refills is not None and str(refills) not in tokens:
            sheet.value(x + 40, base, refills, 120)
    else:
        before, after = sheet.parts("refill_text")
        end = page.text(MAIN, base, before, "label")
        sheet.line(end + 20, base + 12, end + 200, base + 12, width=2, fill=LINE)
        sheet.value(end + 50, base, "" if refills is None else refills, 140)
        if after and refills != "PRN":
            page.text(end + 220, base, after, "label")

    # substitution and the next appointment (distractors)
    base += 100
    chosen = extras.get("substitution")
    x = MAIN
    for k, key in enumerate(("generic", "daw")):
        x = sheet.mark(x, base + 4, chosen == k, side=36)
        x = page.text(x + 20, base, sheet.word(key), "label", max_width=680) + 60
    base += 100
    sheet.on_rule(MAIN, base, f"{sheet.word('next')}:", sheet.date(extras.get("next")), 1700)

    # the signature and the prescriber
    base += 200
    sheet.line(MAIN, base, 1800, base, width=2.5, fill=LINE)
    page.scribble(MAIN + 60, MAIN + 560, base - 8, sheet.ink())
    page.text(MAIN, base + 36, sheet.word("signature"), "cap")
    prescriber = str(fields.get("prescriber", ""))
    base += 130
    if style["prescriber_written"]:
        sheet.line(MAIN, base + 12, 1800, base + 12, width=2, fill=LINE)
        sheet.value(MAIN + 20, base, prescriber, 1800 - MAIN - 40)
        page.text(MAIN, base + 48, sheet.word("print"), "cap")
    else:
        page.text(MAIN, base, prescriber, "bold", max_width=1800 - MAIN)
    npi = f"{sheet.word('npi')}: {extras.get('npi', '')}"
    page.text(right, base, npi, "label", anchor="rs")

    # the pharmacy's box at the foot of the panel (distractors)
    top = max(base + 140, FOOT - 330)
    if top + 240 < FOOT - 40:
        sheet.rect(MAIN, top, right, top + 240, fill=(248, 248, 248), outline=LINE, width=2)
        page.text(MAIN + 20, top + 40, sheet.word("pharmacy"), "cap")
        row = top + 120
        stop = sheet.on_rule(MAIN + 20, row, f"{sheet.word('rx_no')}:", extras.get("rx_no"), 1500)
        sheet.on_rule(
            stop + 50, row, f"{sheet.word('filled')}:", extras.get("filled_by"), right - 20
        )
        row += 90
        filled = sheet.date(extras.get("filled"))
        sheet.on_rule(MAIN + 20, row, f"{sheet.word('filled_on')}:", filled, 1500)
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
