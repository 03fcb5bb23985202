"""An immigration civil surgeon's applicant questionnaire and a hospital's outpatient prescription.

Written blind as the held-out family of round 25 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the
questionnaire a civil surgeon's office (a physician designated to do the medical examination of
people applying for permanent residence) has the applicant fill in before the exam: it is laid
out like a government form, with numbered parts and numbered items. The prescription is a
teaching hospital's outpatient prescription form, tinted, with white writing areas, the patient
in one box of name and address, and the prescriber's details printed at the *foot* of the form
instead of its head.

Patient record (two pages).

* Page 1 head: the practice's name in the form's colour, a line saying what it does, its street,
  city and telephone (distractors). At the right a framed office box with an appointment number
  and the applicant's A-number (distractors) and, on the forms with the date "in the box", the
  date of the examination (``record_date``) with its label. On the forms with a "lone" date it
  is written without a label at the top right above the box; on the others it is the date beside
  the applicant's signature at the foot of page 1. The form's title and a line of instructions.
* Parts are headed by a bar (the colour, black, or a light grey with dark text, per form) titled
  ``Part 1.`` / ``Section 1`` / ``A.`` and the part's name. Items are boxes with their label over
  them, numbered ``1.a.``, ``1.b.`` per row on most forms; the boxes are outlined, white or
  pale blue inside (a fillable form printed).
* Applicant: the name in one box (``Full name``) or a family-name box beside a given-names box
  (the given names carry the middle initial; the truth is ``Given Family``); the date of birth
  (the label carries the date's format hint on some copies), sex boxes, country of birth and
  country of citizenship (distractors); the street, then city, state, ZIP and country in four
  boxes of one row (the truth joins them ``street, City, ST ZIP, country`` as the corpus does);
  the daytime telephone (``phone``), a mobile number and an e-mail address (distractors); the
  height and weight (the unit in the label or written after the number, or none) beside eye and
  hair colour (distractors).
* Emergency contact: the name beside the relationship (a distractor); home telephone
  (``emergency_contact_phone``) beside a work telephone (a distractor); the address in one wide
  box (``emergency_contact_address``).
* Medical history: a question, then two halves of a table of printed conditions, each with
  ``Yes`` / ``No`` boxes at its right; the conditions marked yes are ``medical_problems`` in
  reading order (down the left half, then down the right), followed by those written in the
  "other" box. On some copies every other condition is marked no. A copy in a capitals-only hand
  marks nothing and writes every condition in the "other" box.
* Vaccination record: a table of vaccine, dose dates (distractors) and status. Varicella and
  measles each give ``Immune`` / ``Not immune`` / unknown, hepatitis B ``Yes`` / ``No`` /
  unknown (``hepatitis_b_vaccination``), with a box before each option or the chosen one ringed
  by hand, per form; an unknown or unanswered status leaves the field out. A tetanus row carries
  dose dates only.
* Foot: a certifying sentence, the applicant's signature, the date box on the forms with the date
  at the foot, fine print and the page number.

Page 2: a compact head, a running row (the applicant's name written again and the A-number), then
the billing part: a note, ``Do you have medical insurance?`` (``Yes`` / ``No`` boxes; unanswered
on some copies without insurance), the insurance company, the policy number (separators as
written), a group number (a distractor), the insurer's address in a wide box, the expiry date
and the policy holder (a distractor), how the exam fee was paid and the amount (distractors).
Allergies: a two-column table ``allergic to`` / ``reaction`` (the first column is ``allergies``;
a ticked "no known allergies" box or the copy's word for none in the first row when none).
Medicines: a three-column table ``medicine`` / ``dose`` / ``how often`` (the first column is
``regular_medication``), none the same way. A framed office part (a TB blood test result ringed,
the reviewer's initials) and the fine print.

Prescription (one page), the outpatient form: a tinted sheet inside a border.

* Head: the hospital's name and the form's title; under them the hospital's street, city and
  switchboard telephone (distractors).
* A pharmacy stamp box (empty) over age and date-of-birth boxes (distractors) on one side, and on
  the other (mirrored per form) a large white box captioned as the patient's title, name and
  address: the name (``patient_name``) on its first line with no label, the address
  (``patient_address``) on one line under it or over two (the street, then the rest; the truth
  joins them with ``", "``). Under it the hospital number, the clinic and, on some forms, the
  consultant in charge of the clinic (distractors all: the consultant is never the prescriber).
  On the forms with the date "at the top" the date (``date``) is a white box at the end of that
  row.
* The number of days' treatment (a distractor) with a reminder to state the dose.
* The prescribing area: a narrow tinted "pharmacy use" column and a white area with the ℞ (or
  ``Rx``), the medicines one a line (``medicines``) each with a quantity at the right (a
  distractor) on most forms; the directions (``directions``) after their label over ruled lines;
  the refills (``refills``) per form written after their label in a small box, or printed
  options ``0`` to ``6`` and ``PRN`` with one ringed by hand (a larger number written after
  "other").
* The prescriber's signature in a white box and, on the forms with the date "at the foot", the
  date in a white box beside it.
* The prescriber's block captioned as the prescriber's name, address and telephone: the
  prescriber (``prescriber``, as printed, titles kept) printed in bold or stamped in coloured ink
  in a frame, the department, the hospital's street and city, a pager or extension and a
  registration number (distractors). The form's serial number and fine print under the border.

Dates are written in one style per document (numeric month or day first, two-digit years on some
copies, written months, ISO); a day-first numeric document's record date (or prescription date)
has a day above 12, and birth dates keep four-digit years. Telephones are written in one style
per document.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
INK_DARK = (28, 28, 28)
OUTLINE = (60, 60, 60)
LABEL_H = 34.0  # the room a label takes over its box
ROW_GAP = 14.0

# fmt: off
COLOURS = ([20, 60, 120], [110, 30, 40], [20, 90, 70], [60, 60, 60], [70, 40, 110])
RX_TINTS = ([226, 240, 226], [236, 228, 244], [250, 244, 214], [222, 236, 246])
PRACTICE_NAMES = ("Gateway Medical Associates", "Liberty Family Clinic", "Pacific Civil Surgeons",
                  "New Horizons Medical Group", "Harborview Immigration Medicine",
                  "Crossroads Health Center", "Union Square Physicians", "Meridian Medical Office")
PRACTICE_LINES = (
    "USCIS-designated civil surgeon  \u2022  Immigration medical examinations",
    "Immigration physicals  \u2022  Vaccinations  \u2022  TB testing",
    "Civil surgeon office  \u2022  Form I-693 examinations",
)
HOSPITALS = ("St. Brigid's University Hospital", "Mercy General Hospital",
             "Riverside Teaching Hospital", "Holy Cross Medical Center",
             "County General Hospital", "Lakeview University Medical Center")
DEPARTMENTS = ("Department of Medicine", "Orthopaedic Outpatients", "Diabetes Centre",
               "Respiratory Clinic", "Rheumatology", "General Surgery Outpatients",
               "Cardiology Clinic", "Dermatology Outpatients")
CLINICS = ("Fracture clinic", "Diabetes", "Chest clinic", "Medical OPD", "Rheumatology",
           "Surgical OPD", "Cardiology", "Skin clinic")
COUNTRIES = ("Mexico", "India", "Philippines", "China", "Vietnam", "Nigeria", "El Salvador",
             "Dominican Republic", "Guatemala", "Ukraine", "Brazil", "Ghana", "Haiti", "Poland",
             "Pakistan", "Colombia")
EYES = ("Brown", "Black", "Blue", "Green", "Hazel", "Gray")
HAIR = ("Black", "Brown", "Blond", "Gray", "Red", "White")
RELATIONS = ("Wife", "Husband", "Spouse", "Mother", "Father", "Sister", "Brother", "Cousin",
             "Friend", "Son", "Daughter", "Sponsor")
REACTIONS = ("Hives", "Rash", "Swelling", "Itching", "Vomiting", "Wheezing", "Anaphylaxis")
FREQUENCIES = ("once a day", "twice a day", "daily", "at night", "as needed", "BID",
               "every morning")
DOSES = ("5 mg", "10 mg", "20 mg", "25 mg", "50 mg", "100 mg", "500 mg", "1 tab", "2 puffs")
EMAIL_HOSTS = ("gmail.com", "yahoo.com", "outlook.com", "mail.com")
# the conditions the history table prints, down the left half then down the right
HISTORY = ("Asthma", "Diabetes", "Hypertension", "Heart disease", "Tuberculosis", "Epilepsy",
           "Seizures", "Hepatitis", "Depression", "Migraine", "Arthritis", "Kidney stones")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
HINTS = {"mdy_slash": "(mm/dd/yyyy)", "dmy_slash": "(dd/mm/yyyy)", "dmy_dot": "(dd.mm.yyyy)",
         "iso": "(yyyy-mm-dd)"}
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Applicant Medical Questionnaire",
        "Immigration Medical Examination \u2014 Applicant Information",
        "Pre-Examination Health Questionnaire",
    ),
    "instructions": (
        "Type or print in black ink. Answer every item; write N/A if an item does not apply.",
        "Complete Parts 1 to 6 before your appointment and bring your vaccination records.",
        "Please print clearly. The civil surgeon will review your answers with you.",
    ),
    "office": ("Office use", "For office use only", "Clinic use"),
    "appointment": ("Appointment no.", "Receipt number", "Exam ID"),
    "a_number": ("A-Number", "A-Number (if any)", "USCIS A-No."),
    "exam_date": ("Date of examination", "Exam date", "Date of medical exam"),
    "part": ("Part {}.", "Section {}", "{}."),
    "p_applicant": ("Information About You", "Applicant Information", "Your Personal Details"),
    "family": ("Family Name (Last Name)", "Surname / family name", "Last name"),
    "given": (
        "Given Name (First Name and Middle Initial)",
        "Given names",
        "First name and middle initial",
    ),
    "full": ("Full Name (as shown on your passport)", "Applicant's full name", "Name of applicant"),
    "dob": ("Date of Birth", "Birth date", "DOB"),
    "sex": ("Sex", "Gender"),
    "sex_opts": ("Male|Female", "M|F"),
    "birth_country": ("Country of Birth", "Born in (country)", "Place of birth (country)"),
    "citizen": ("Country of Citizenship", "Nationality", "Citizenship"),
    "street": ("Street Number and Name", "Current U.S. address (street)", "Mailing address"),
    "city": ("City or Town", "City"),
    "state": ("State",),
    "zip": ("ZIP Code", "Zip"),
    "country": ("Country", "Country of residence"),
    "phone": ("Daytime Telephone Number", "Home phone", "Telephone"),
    "mobile": ("Mobile Telephone Number", "Cell phone", "Other phone"),
    "email": ("Email Address (if any)", "E-mail", "Email"),
    "height": ("Height", "Ht."),
    "weight": ("Weight", "Wt."),
    "eyes": ("Eye Color", "Eyes"),
    "hair": ("Hair Color", "Hair"),
    "p_contact": (
        "Emergency Contact",
        "Person to Contact in an Emergency",
        "In Case of Emergency, Notify",
    ),
    "c_name": ("Name", "Contact's full name", "Full name"),
    "relation": ("Relationship to you", "Relationship"),
    "c_phone": ("Home telephone", "Telephone (home)", "Home phone"),
    "c_work": ("Work telephone", "Daytime / work phone", "Work phone"),
    "c_address": ("Address", "Contact's address", "Full address"),
    "p_history": ("Medical History", "Your Health History", "Past Medical History"),
    "history_q": (
        "Have you ever been diagnosed with or treated for any of the following?",
        "Do you have now, or have you ever had:",
        "Answer Yes or No for each condition below.",
    ),
    "yes_no": ("Yes|No", "Y|N"),
    "other": ("Other conditions (please list)", "Other illness or condition", "Other problems"),
    "p_vaccines": ("Vaccination Record", "Immunizations and Immunity", "Vaccine History"),
    "vaccine_col": ("Vaccine / disease", "Vaccine", "Disease"),
    "dates_col": ("Date(s) received", "Dose dates", "Doses given"),
    "status_col": ("Status (mark one)", "Evidence of immunity", "Status"),
    "varicella": ("Varicella (chickenpox)", "Chickenpox (Varicella)", "Varicella"),
    "measles": ("Measles (MMR)", "Measles", "Measles / mumps / rubella"),
    "hep_b": (
        "Hepatitis B vaccination received?",
        "Hepatitis B vaccine series?",
        "Had the hepatitis B vaccination?",
    ),
    "tdap": ("Tetanus, diphtheria (Td/Tdap)", "Td / Tdap"),
    "immune_opts": ("Immune|Not immune|Unknown", "Immune|Not immune|Don't know"),
    "yes_no_unknown": ("Yes|No|Unknown", "Yes|No|Don't know"),
    "certify": (
        "I certify that the information I have given on this form is true and complete.",
        "I understand that false answers may delay my examination. My answers are true.",
    ),
    "sign": ("Signature of applicant", "Applicant's signature"),
    "sign_date": ("Date", "Date signed"),
    "fine": (
        "This questionnaire is part of your medical record at this office. The sealed report "
        "of the examination is given to you for your application.",
        "Bring a photo ID and every vaccination record you have. Fees are due on the day of "
        "the examination.",
    ),
    "page": ("Page {} of 2", "{} / 2", "Page {}"),
    "cont": ("continued", "(continued)", "page 2"),
    "running": ("Applicant's name", "Name", "Applicant"),
    "p_billing": ("Payment and Insurance", "Billing Information", "Medical Insurance"),
    "billing_note": (
        "The immigration medical examination is usually not covered by insurance; we ask for "
        "it for any follow-up care.",
        "Insurance details are used only for tests or treatment beyond the examination itself.",
    ),
    "q_insurance": (
        "Do you have medical insurance?",
        "Are you covered by a health insurance plan?",
        "Health insurance?",
    ),
    "company": ("Name of Insurance Company", "Insurance company", "Insurer"),
    "policy": ("Policy Number", "Member ID / Policy #", "Policy No."),
    "group": ("Group Number", "Group #"),
    "ins_address": ("Insurance Company Address", "Claims address", "Insurer's address"),
    "expiry": ("Expiry Date", "Valid until", "Coverage end date"),
    "holder": ("Policy holder", "Name of insured"),
    "payment": ("Exam fee paid by", "Payment method"),
    "payment_opts": ("Cash|Card|Money order", "Cash|Credit card|Check"),
    "fee": ("Amount", "Fee paid"),
    "p_allergy": ("Allergies", "Allergies and Reactions", "Drug and Other Allergies"),
    "allergy_col": ("Allergic to", "Substance", "Allergy"),
    "reaction_col": ("Reaction", "What happens"),
    "nka": ("No known allergies", "I have no allergies"),
    "p_meds": ("Current Medications", "Medication Taken Regularly", "Medicines You Take"),
    "med_col": ("Medicine (name)", "Medication", "Name of medicine"),
    "dose_col": ("Dose", "Strength"),
    "freq_col": ("How often", "Frequency", "When taken"),
    "no_meds": ("I take no regular medicines", "No regular medication"),
    "p_office": ("For Civil Surgeon Use Only", "Clinic Use Only"),
    "tb": ("IGRA (TB blood test)", "TB test (IGRA)"),
    "tb_opts": ("Negative|Positive|Pending", "Neg|Pos|Indeterminate"),
    "reviewed": ("Reviewed by", "Checked by"),
    "release": ("Release of information", "Authorization", "Consent"),
    "release_text": (
        "I authorize this office to release the results of my examination and any tests to "
        "U.S. Citizenship and Immigration Services, and to my insurer for any follow-up care.",
        "I consent to the examination, blood tests and vaccinations the civil surgeon finds "
        "necessary, and to the release of my results to the immigration authorities.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("OUTPATIENT PRESCRIPTION", "Hospital Outpatient Prescription", "OPD PRESCRIPTION"),
    "switchboard": ("Switchboard", "Main", "Tel"),
    "stamp": ("Pharmacy stamp", "Pharmacy Stamp", "Dispensing pharmacy"),
    "age": ("Age", "Age (yrs)"),
    "dob": ("D.o.B.", "Date of birth", "DOB"),
    "patient": (
        "Title, forename, surname & address",
        "Patient's name and address",
        "Patient (name, address)",
    ),
    "hospital_no": ("Hospital No.", "MRN", "Unit no."),
    "clinic": ("Clinic", "Clinic / ward", "Department"),
    "consultant": ("Consultant", "Consultant in charge", "Attending"),
    "date": ("Date", "Date of issue", "Date written"),
    "days": ("Number of days' treatment", "Days of treatment", "Duration (days)"),
    "dose_note": ("N.B. Ensure dose is stated", "State dose and frequency", "Print clearly"),
    "pharmacy_use": ("Pharmacy use", "For pharmacy", "Pharmacy"),
    "qty": ("Qty", "Quantity", "Supply"),
    "directions": ("Directions:", "Sig:", "Instructions:", "Label:"),
    "refills": ("Refills:", "Repeats:", "No. of refills:", "Refills authorised:"),
    "other": ("other", "Other"),
    "signature": ("Signature of prescriber", "Prescriber's signature", "Signed"),
    "prescriber": (
        "Prescriber's name, address and telephone",
        "Name and address of prescriber",
        "Prescriber (block capitals or stamp)",
    ),
    "pager": ("Bleep", "Pager", "Ext."),
    "reg": ("Reg. No.", "Licence No.", "Prescriber No."),
    "serial": ("No.", "Serial", "Form No."),
    "fine": (
        "This prescription is valid for 30 days from the date of issue. Collect your medicines "
        "from the outpatient pharmacy or any community pharmacy.",
        "Not valid for controlled drugs unless the quantity is written in words and figures.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _initials(rnd: random.Random) -> str:
    return rnd.choice("ABCDEJKLMNPRST") + rnd.choice("ABCDEGHJKLMNRSTW")


def _name(rnd: random.Random) -> str:
    return f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(26, 29), value_size=(40, 44)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        style.update(
            hospital=rnd.choice(HOSPITALS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            tint=rnd.choice(RX_TINTS),
            mirror=rnd.random() < 0.4,
            consultant_cell=rnd.random() < 0.6,
            address_split=rnd.random() < 0.6,
            date_place=rnd.choice(("foot", "foot", "top")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            show_qty=rnd.random() < 0.7,
            refill_mode=rnd.choice(("box", "ring")),
            stamp=rnd.random() < 0.4,
            stamp_ink=rnd.choice(([90, 40, 140], [30, 60, 150], [150, 30, 60])),
            serial=f"{rnd.choice(('', 'OP', 'H'))}{_digits(rnd, 7)}",
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        practice=rnd.choice(PRACTICE_NAMES),
        practice_line=rnd.choice(PRACTICE_LINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        bar=rnd.choice(("colour", "black", "grey")),
        numbered=rnd.random() < 0.7,
        fillable=rnd.random() < 0.4,
        date_place=rnd.choice(("box", "box", "lone", "foot")),
        name_mode=rnd.choice(("one", "split", "split")),
        hint=rnd.random() < 0.6,
        unit_in_label=rnd.random() < 0.5,
        choice_mode=rnd.choice(("boxes", "boxes", "ring")),
        running=rnd.random() < 0.7,
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


def _dose_dates(rnd: random.Random, before: dt.date, count: int) -> list[str]:
    last = before - dt.timedelta(days=rnd.randint(200, 3000))
    days = sorted({last - dt.timedelta(days=30 * k + rnd.randint(0, 20)) for k in range(count)})
    return [day.isoformat() for day in days]


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    capitals = fonts.family(style["value_font"]).all_caps
    first = fields["patient_name"].split()[0].lower()
    last = fields["patient_name"].split()[-1].lower()
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "appointment": f"{rnd.choice(('', 'AP-', 'CS'))}{_digits(rnd, rnd.choice((5, 6)))}"
        if rnd.random() < 0.7
        else None,
        "a_number": f"A{_digits(rnd, 9)}" if rnd.random() < 0.6 else None,
        "sex": rnd.choice((0, 1, None)),
        "birth_country": rnd.choice(COUNTRIES) if rnd.random() < 0.85 else None,
        "citizen": rnd.choice(COUNTRIES) if rnd.random() < 0.7 else None,
        "mobile": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "email": f"{first}.{last}{rnd.randint(1, 99)}@{rnd.choice(EMAIL_HOSTS)}"
        if rnd.random() < 0.5
        else None,
        "eyes": rnd.choice(EYES) if rnd.random() < 0.7 else None,
        "hair": rnd.choice(HAIR) if rnd.random() < 0.7 else None,
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    problems: list[str] = fields["medical_problems"]
    marked = [] if capitals else [item for item in HISTORY if item in problems]
    fields["medical_problems"] = marked + [item for item in problems if item not in marked]
    extras["conditions_marked"] = marked
    extras["answered_no"] = not capitals and rnd.random() < 0.6
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if key not in fields and rnd.random() < 0.6:
            extras[f"{key}_unsure"] = True
        elif key in fields and rnd.random() < 0.06:
            del fields[key]
            extras[f"{key}_unsure"] = True
    if fields.get("hepatitis_b_vaccination") == "yes" and rnd.random() < 0.7:
        extras["hep_b_doses"] = _dose_dates(rnd, today, 2)
    if fields.get("measles") == "immune" and rnd.random() < 0.5:
        extras["mmr_doses"] = _dose_dates(rnd, today, 2)
    if fields.get("chicken_pox") == "immune" and rnd.random() < 0.3:
        extras["varicella_doses"] = _dose_dates(rnd, today, rnd.choice((1, 2)))
    if rnd.random() < 0.5:
        extras["tdap_doses"] = _dose_dates(rnd, today, 1)
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = f"{rnd.choice(('', 'G', 'GRP'))}{_digits(rnd, 5)}"
        if rnd.random() < 0.4:
            extras["group"] = None
        extras["holder"] = fields["patient_name"] if rnd.random() < 0.6 else values.person_name(rnd)
        if rnd.random() < 0.25:
            extras["holder"] = None
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    extras["payment"] = rnd.choice((0, 1, 2, None))
    extras["fee"] = f"${rnd.choice((180, 220, 250, 275, 300, 350))}" if rnd.random() < 0.6 else None
    extras["reactions"] = [
        rnd.choice(REACTIONS) if rnd.random() < 0.7 else "" for _ in fields["allergies"]
    ]
    extras["nka"] = not fields["allergies"] and rnd.random() < 0.6
    extras["med_rows"] = [
        [rnd.choice(DOSES) if rnd.random() < 0.8 else "", rnd.choice(FREQUENCIES)]
        for _ in fields["regular_medication"]
    ]
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.6
    extras["tb"] = rnd.choice((0, 0, 1, 2, None))
    extras["reviewer"] = _initials(rnd) if rnd.random() < 0.7 else None
    extras["date_again"] = rnd.random() < 0.6
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    age = rnd.randint(16, 88)
    birth = dt.date(written.year - age, rnd.randint(1, 12), rnd.randint(1, 28))
    if birth > written.replace(year=written.year - age, day=min(written.day, 28)):
        age -= 1
    quantities = [
        f"{rnd.choice((14, 20, 28, 30, 56, 60, 90))}{rnd.choice(('', '', ' tabs', ' caps'))}"
        for _ in fields["medicines"]
    ]
    extras: dict[str, Any] = {
        "age": age if rnd.random() < 0.7 else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.75 else None,
        "hospital_no": f"{rnd.choice(('', 'H', 'MRN '))}{_digits(rnd, rnd.choice((6, 7, 8)))}"
        if rnd.random() < 0.8
        else None,
        "clinic": rnd.choice(CLINICS) if rnd.random() < 0.8 else None,
        "consultant": f"Dr {_name(rnd)}"
        if style["consultant_cell"] and rnd.random() < 0.7
        else None,
        "days": rnd.choice((5, 7, 10, 14, 28, 30)) if rnd.random() < 0.7 else None,
        "quantities": quantities,
        "department": rnd.choice(DEPARTMENTS),
        "pager": _digits(rnd, 4) if rnd.random() < 0.7 else None,
        "registration": f"{rnd.choice(('', 'MD', 'R'))}{_digits(rnd, 7)}"
        if rnd.random() < 0.6
        else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


# what goes in a box: a text, lines of text, or a drawer called with (x0, x1, baseline)
Content = str | list[str] | Callable[[float, float, float], None]


class _Form(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["lbl"] = render.Face(label.regular, size, INK_DARK)
        faces["num"] = render.Face(label.bold, size, INK_DARK)
        faces["opt"] = render.Face(label.regular, size + 2, INK_DARK)
        faces["colhead"] = render.Face(label.bold, size, INK_DARK)
        faces["bar"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["bar_dark"] = render.Face(title.bold, 34, INK_DARK)
        faces["org"] = render.Face(title.bold, 52, self.colour)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 46, INK_DARK)
        faces["note"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["typed"] = render.Face(label.bold, 40, INK_DARK)
        faces["typed_small"] = render.Face(label.regular, 30, INK_DARK)
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))
        ink = style.get("stamp_ink") or [90, 40, 140]
        faces["stamp"] = render.Face(label.bold, 40, _rgb(ink))
        faces["stamp_small"] = render.Face(label.regular, 29, _rgb(ink))
        self.row_number = 0

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

    # -- boxes -----------------------------------------------------------------------------

    def white_box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        fill = (226, 236, 252) if self.style.get("fillable") else (255, 255, 255)
        self.rect(x0, y0, x1, y1, fill=fill, outline=OUTLINE, width=2)

    def boxed(
        self,
        x0: float,
        x1: float,
        top: float,
        label: str,
        content: Content,
        *,
        number: str = "",
        height: float = 72.0,
        frame: bool = True,
    ) -> float:
        """A labelled box, the label over it; returns the box's bottom."""
        page = self.page
        base = top + LABEL_H - 10
        x = x0
        if number:
            x = page.text(x0, base, number, "num") + 12
        page.text(x, base, label, "lbl", max_width=max(60.0, x1 - x - 4))
        box_top = top + LABEL_H
        if frame:
            self.white_box(x0, box_top, x1, box_top + height)
        value_base = box_top + 53
        if callable(content):
            content(x0 + 16, x1 - 16, value_base)
        else:
            texts = [content] if isinstance(content, str) else content
            for k, text in enumerate(texts):
                if text:
                    page.text(x0 + 16, value_base + k * 64, text, "value", max_width=x1 - x0 - 32)
        return box_top + height

    def row(
        self,
        x0: float,
        x1: float,
        top: float,
        cells: Sequence[tuple[float, str, Content]],
        *,
        gap: float = 30.0,
        height: float = 72.0,
        numbered: bool = True,
    ) -> float:
        """Labelled boxes side by side, sharing the width by weight; returns the next row's top."""
        numbered = numbered and bool(self.style.get("numbered"))
        self.row_number += 1 if numbered else 0
        total = sum(weight for weight, _, _ in cells)
        width = x1 - x0 - gap * (len(cells) - 1)
        x = x0
        bottom = top
        for k, (weight, label, content) in enumerate(cells):
            w = width * weight / total
            number = ""
            if numbered:
                number = (
                    f"{self.row_number}.{'abcdef'[k]}."
                    if len(cells) > 1
                    else (f"{self.row_number}.")
                )
            bottom = self.boxed(
                x,
                x + w,
                top,
                label,
                content,
                number=number,
                height=height,
                frame=not callable(content),
            )
            x += w + gap
        return bottom + ROW_GAP

    def bar(self, top: float, number: int, key: str) -> float:
        """A part's heading bar; returns the top of its first row."""
        page = self.page
        kind = self.style.get("bar", "black")
        fill = {"colour": self.colour, "black": (20, 20, 20), "grey": (214, 214, 214)}[kind]
        self.rect(LEFT, top, RIGHT, top + 58, fill=fill, outline=None)
        face = "bar_dark" if kind == "grey" else "bar"
        label = self.word("part").format(
            number if self.word("part") != "{}." else "ABCDEFG"[number - 1]
        )
        end = page.text(LEFT + 16, top + 44, label, face)
        page.text(end + 24, top + 44, self.word(key), face, max_width=RIGHT - end - 50)
        self.row_number = 0
        return top + 78

    def options(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float = 50
    ) -> float:
        """Printed options, the chosen one boxed-and-marked or ringed per form."""
        pairs = [(str(k), text) for k, text in enumerate(options)]
        key = None if chosen is None else str(chosen)
        if self.style.get("choice_mode") == "ring":
            return common.circled_options(self.page, x, base, pairs, key, face="opt", gap=gap + 30)
        page = self.page
        for k, text in pairs:
            end = common.checkbox(
                page, x, base + 2, checked=k == key, mark=self.style["mark"], side=34
            )
            x = page.text(end + 16, base, text, "opt") + gap
        return x

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float = 50
    ) -> float:
        """Printed options with a box each (whatever the form's choice mode)."""
        page = self.page
        for k, text in enumerate(options):
            end = common.checkbox(
                page, x, base + 2, checked=k == chosen, mark=self.style["mark"], side=34
            )
            x = page.text(end + 16, base, text, "opt") + gap
        return x

    def fine_print(self, text: str, right: str) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 300)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3200 + 27 * k, line, "fine")
        if right:
            page.text(RIGHT, 3200, right, "fine", anchor="rs")


def _lines_in(page: render.Page, text: str, width: float, most: int) -> list[str]:
    lines = render.wrap(page, text, "value", width) if text else []
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return lines


# --- patient record -------------------------------------------------------------------------


def _record_head(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    page = form.page
    style = form.style
    page.text(LEFT, 170, str(style["practice"]), "org", max_width=1350)
    page.text(LEFT, 218, str(style["practice_line"]), "org_small", max_width=1350)
    contact = f"{style['street']}, {style['city']}  \u2022  {form.phone(style['phone'])}"
    page.text(LEFT, 258, contact, "org_small", max_width=1350)
    # the office box at the right
    x0, x1 = 1540.0, RIGHT
    top = 110.0
    if style["date_place"] == "lone":
        page.text(x1 - 10, 150, form.date(fields.get("record_date")), "value", anchor="rs")
        top = 170.0
    rows = [
        (form.word("appointment"), _text(extras.get("appointment"))),
        (form.word("a_number"), _text(extras.get("a_number"))),
    ]
    if style["date_place"] == "box":
        rows.insert(0, (form.word("exam_date"), form.date(fields.get("record_date"))))
    height = 36 + 70 * len(rows)
    form.rect(x0, top, x1, top + height, outline=OUTLINE, width=3)
    page.text(x0 + 16, top + 28, form.word("office"), "colhead")
    y = top + 36
    for label, value in rows:
        form.line(x0, y, x1, y, width=1.5, fill=(130, 130, 130))
        page.text(x0 + 16, y + 44, f"{label}:", "lbl", max_width=320)
        if value:
            page.text(x0 + 345, y + 50, value, "value", max_width=x1 - x0 - 400)
        y += 70
    title_top = max(330.0, top + height + 50)
    page.text(LEFT, title_top, form.word("title"), "title", max_width=RIGHT - LEFT)
    page.text(LEFT, title_top + 44, form.word("instructions"), "note", max_width=RIGHT - LEFT)
    return title_top + 76


def _city_parts(line: str | None) -> tuple[str, str, str]:
    """``Portland, OR 97201`` as city, state and ZIP."""
    if not line:
        return "", "", ""
    city, _, rest = line.partition(", ")
    state = zip_code = ""
    for token in rest.split():
        if token.isdigit():
            zip_code = token
        elif token.isalpha() and len(token) == 2 and not state:
            state = token
        else:
            return line, "", ""
    return city, state, zip_code


def _measure(form: _Form, key: str, value: Any, unit: Any) -> tuple[str, str]:
    label = form.word(key)
    if value is None:
        return label, ""
    number = render.format_number(value)
    unit = _text(unit)
    if unit and form.style.get("unit_in_label"):
        return f"{label} ({unit})", number
    return label, f"{number} {unit}".strip()


def _applicant(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    style = form.style
    top = form.bar(top, 1, "p_applicant")
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split" and " " in name:
        given, _, family = name.rpartition(" ")
        top = form.row(
            LEFT, RIGHT, top, [(1, form.word("family"), family), (1.2, form.word("given"), given)]
        )
    else:
        top = form.row(LEFT, RIGHT, top, [(1, form.word("full"), name)])
    dob_label = form.word("dob")
    hint = HINTS.get(str(style["date_style"]))
    if style.get("hint") and hint:
        dob_label = f"{dob_label} {hint}"
    sex = extras.get("sex")

    def sex_boxes(x0: float, x1: float, base: float) -> None:
        form.boxes(x0 - 12, base, form.parts("sex_opts"), sex if isinstance(sex, int) else None)

    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1.1, dob_label, form.date(fields.get("birth_date"), short_year=False)),
            (0.7, form.word("sex"), sex_boxes),
            (1, form.word("birth_country"), _text(extras.get("birth_country"))),
            (1, form.word("citizen"), _text(extras.get("citizen"))),
        ],
    )
    lines = common.address_lines(fields, extras)
    city, state, zip_code = _city_parts(lines[1])
    top = form.row(LEFT, RIGHT, top, [(1, form.word("street"), _text(lines[0]))])
    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1.3, form.word("city"), city),
            (0.45, form.word("state"), state),
            (0.6, form.word("zip"), zip_code),
            (1, form.word("country"), _text(lines[2])),
        ],
    )
    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1, form.word("phone"), form.phone(fields.get("phone"))),
            (1, form.word("mobile"), form.phone(extras.get("mobile"))),
            (1.3, form.word("email"), _text(extras.get("email"))),
        ],
    )
    height = _measure(form, "height", fields.get("height"), extras.get("height_unit"))
    weight = _measure(form, "weight", fields.get("weight"), extras.get("weight_unit"))
    return form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1, height[0], height[1]),
            (1, weight[0], weight[1]),
            (1, form.word("eyes"), _text(extras.get("eyes"))),
            (1, form.word("hair"), _text(extras.get("hair"))),
        ],
    )


def _contact(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = form.bar(top, 2, "p_contact")
    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1.6, form.word("c_name"), _text(fields.get("emergency_contact_name"))),
            (1, form.word("relation"), _text(extras.get("relation"))),
        ],
    )
    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1, form.word("c_phone"), form.phone(fields.get("emergency_contact_phone"))),
            (1, form.word("c_work"), form.phone(extras.get("emergency_work_phone"))),
        ],
    )
    return form.row(
        LEFT,
        RIGHT,
        top,
        [(1, form.word("c_address"), _text(fields.get("emergency_contact_address")))],
    )


def _history(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = form.page
    top = form.bar(top, 3, "p_history")
    page.text(LEFT, top + 22, form.word("history_q"), "lbl", max_width=RIGHT - LEFT)
    marked = {item.upper() for item in extras.get("conditions_marked") or []}
    answered_no = bool(extras.get("answered_no"))
    yes, no = form.parts("yes_no")
    half = (RIGHT - LEFT - 60) / 2
    per_column = (len(HISTORY) + 1) // 2
    head = top + 76
    step = 50.0
    for column in range(2):
        x0 = LEFT + column * (half + 60)
        yes_x = x0 + half - 190
        no_x = x0 + half - 90
        page.text(yes_x + 17, head, yes, "colhead", anchor="ms")
        page.text(no_x + 17, head, no, "colhead", anchor="ms")
        form.line(x0, head + 12, x0 + half, head + 12, width=2, fill=OUTLINE)
        for k, condition in enumerate(HISTORY[column * per_column : (column + 1) * per_column]):
            base = head + 20 + step * (k + 1) - 14
            page.text(x0 + 8, base, condition, "opt", max_width=yes_x - x0 - 30)
            has = condition.upper() in marked
            common.checkbox(page, yes_x, base + 4, checked=has, mark=form.style["mark"], side=34)
            common.checkbox(
                page,
                no_x,
                base + 4,
                checked=answered_no and not has,
                mark=form.style["mark"],
                side=34,
            )
            form.line(x0, base + 18, x0 + half, base + 18, width=1, fill=(180, 180, 180))
    top = head + 20 + step * per_column + 20
    problems: Sequence[str] = fields.get("medical_problems") or []
    shown = {item.upper() for item in extras.get("conditions_marked") or []}
    written = [item for item in problems if item.upper() not in shown]
    other = ", ".join(written) if written else ""
    if not problems and "medical_problems" in fields:
        other = _text(form.style.get("empty_list"))
    return form.row(LEFT, RIGHT, top, [(1, form.word("other"), other)])


def _vaccines(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = form.page
    top = form.bar(top, 4, "p_vaccines")
    c1, c2 = LEFT + 640, LEFT + 1330
    head = top + 30
    page.text(LEFT + 10, head, form.word("vaccine_col"), "colhead")
    page.text(c1 + 16, head, form.word("dates_col"), "colhead")
    page.text(c2 + 16, head, form.word("status_col"), "colhead")
    row_h = 78.0
    y = head + 16
    status_of = {"immune": 0, "not immune": 1, "yes": 0, "no": 1}

    def chosen(name: str) -> int | None:
        if name in fields:
            return status_of[str(fields[name])]
        return 2 if extras.get(f"{name}_unsure") else None

    rows: list[tuple[str, str, list[str] | None, int | None]] = [
        (
            form.word("varicella"),
            "varicella_doses",
            form.parts("immune_opts"),
            chosen("chicken_pox"),
        ),
        (form.word("measles"), "mmr_doses", form.parts("immune_opts"), chosen("measles")),
        (
            form.word("hep_b"),
            "hep_b_doses",
            form.parts("yes_no_unknown"),
            chosen("hepatitis_b_vaccination"),
        ),
        (form.word("tdap"), "tdap_doses", None, None),
    ]
    form.rect(LEFT, y, RIGHT, y + row_h * len(rows), outline=OUTLINE, width=2)
    for x in (c1, c2):
        form.line(x, y, x, y + row_h * len(rows), width=2, fill=OUTLINE)
    for k, (label, doses_key, options, pick) in enumerate(rows):
        top_k = y + row_h * k
        if k:
            form.line(LEFT, top_k, RIGHT, top_k, width=2, fill=OUTLINE)
        base = top_k + 54
        page.text(LEFT + 14, base, label, "opt", max_width=c1 - LEFT - 44)
        doses = [form.date(day) for day in extras.get(doses_key) or []]
        if doses:
            page.text(c1 + 16, base, ", ".join(doses), "value", max_width=c2 - c1 - 70)
        if options:
            form.options(c2 + 30, base, options, pick, gap=34)
    return y + row_h * len(rows) + 24


def _record_foot(form: _Form, fields: Mapping[str, Any], top: float) -> None:
    page = form.page
    base = max(top + 170, 2930.0)
    page.text(LEFT, base - 120, form.word("certify"), "lbl", max_width=RIGHT - LEFT)
    form.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 620, base - 8, form.ink())
    page.text(LEFT, base + 34, form.word("sign"), "lbl")
    if form.style["date_place"] == "foot":
        x0 = 1500.0
        form.line(x0, base, RIGHT, base, width=2.5, fill=OUTLINE)
        page.text(x0 + 20, base - 18, form.date(fields.get("record_date")), "value")
        page.text(x0, base + 34, form.word("sign_date"), "lbl")


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    top = _record_head(form, fields, extras)
    top = _applicant(form, fields, extras, top + 10)
    top = _contact(form, fields, extras, top + 6)
    top = _history(form, fields, extras, top + 6)
    top = _vaccines(form, fields, extras, top + 6)
    _record_foot(form, fields, top)
    form.fine_print(form.word("fine"), form.word("page").format(1))
    return form.page.image


def _table(
    form: _Form,
    top: float,
    columns: Sequence[tuple[str, float]],
    rows: Sequence[Sequence[str]],
    count: int,
) -> float:
    """A ruled table: a header row, then ``count`` rows; returns its bottom."""
    page = form.page
    head_h, row_h = 56.0, 76.0
    bottom = top + head_h + row_h * count
    form.rect(LEFT, top, RIGHT, top + head_h, fill=(232, 232, 232), outline=None)
    form.rect(LEFT, top, RIGHT, bottom, outline=OUTLINE, width=2)
    total = sum(weight for _, weight in columns)
    edges = [LEFT]
    for _, weight in columns:
        edges.append(edges[-1] + (RIGHT - LEFT) * weight / total)
    for k, (title, _) in enumerate(columns):
        page.text(edges[k] + 14, top + 40, title, "colhead", max_width=edges[k + 1] - edges[k] - 28)
        if k:
            form.line(edges[k], top, edges[k], bottom, width=2, fill=OUTLINE)
    for r in range(count):
        y = top + head_h + row_h * r
        form.line(LEFT, y, RIGHT, y, width=1.5, fill=(120, 120, 120))
        if r < len(rows):
            for k, text in enumerate(rows[r]):
                if text:
                    page.text(
                        edges[k] + 16, y + 56, text, "value", max_width=edges[k + 1] - edges[k] - 32
                    )
    return bottom


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    page.text(LEFT, 170, str(style["practice"]), "org", size=42, max_width=1200)
    title = f"{form.word('title')} \u2014 {form.word('cont')}"
    page.text(RIGHT, 170, title, "lbl", anchor="rs", max_width=1000)
    form.line(LEFT, 200, RIGHT, 200, width=4, fill=form.colour)
    top = 230.0
    if style.get("running"):
        top = form.row(
            LEFT,
            RIGHT,
            top,
            [
                (1.6, form.word("running"), _text(fields.get("patient_name"))),
                (1, form.word("a_number"), _text(extras.get("a_number"))),
            ],
            numbered=False,
        )
    top = form.bar(top + 10, 5, "p_billing")
    page.text(LEFT, top + 20, form.word("billing_note"), "note", max_width=RIGHT - LEFT)
    top += 44
    # the insurance question: options on its line
    base = top + 40
    end = LEFT
    if style.get("numbered"):
        end = page.text(LEFT, base, "1.", "num") + 12
        form.row_number = 1
    end = page.text(end, base, form.word("q_insurance"), "lbl")
    has = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    form.boxes(end + 40, base, form.parts("yes_no"), has)
    top = base + 34
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (1.4, form.word("company"), _text(fields.get("insurance_company"))),
            (1, form.word("policy"), policy),
            (0.6, form.word("group"), _text(extras.get("group"))),
        ],
    )
    top = form.row(
        LEFT, RIGHT, top, [(1, form.word("ins_address"), _text(fields.get("insurance_address")))]
    )
    payment = extras.get("payment")

    def paid_by(x0: float, x1: float, base: float) -> None:
        form.boxes(
            x0 - 12,
            base,
            form.parts("payment_opts"),
            payment if isinstance(payment, int) else None,
            gap=36,
        )

    top = form.row(
        LEFT,
        RIGHT,
        top,
        [
            (0.8, form.word("expiry"), form.date(fields.get("insurance_expiry"))),
            (1.1, form.word("holder"), _text(extras.get("holder"))),
            (1.3, form.word("payment"), paid_by),
            (0.5, form.word("fee"), _text(extras.get("fee"))),
        ],
    )
    # allergies
    top = form.bar(top + 10, 6, "p_allergy")
    allergies: Sequence[str] = fields.get("allergies") or []
    reactions: Sequence[str] = extras.get("reactions") or []
    form.boxes(LEFT, top + 30, [form.word("nka")], 0 if extras.get("nka") else None)
    rows: list[list[str]] = [
        [item, reactions[k] if k < len(reactions) else ""] for k, item in enumerate(allergies)
    ]
    if not allergies and "allergies" in fields and not extras.get("nka"):
        rows = [[_text(style.get("empty_list")), ""]]
    top = _table(
        form, top + 56, [(form.word("allergy_col"), 1.2), (form.word("reaction_col"), 1)], rows, 3
    )
    # medicines
    top = form.bar(top + 40, 7, "p_meds")
    medicines: Sequence[str] = fields.get("regular_medication") or []
    med_rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    form.boxes(LEFT, top + 30, [form.word("no_meds")], 0 if extras.get("no_meds") else None)
    rows = [
        [item, *(med_rows[k] if k < len(med_rows) else ["", ""])]
        for k, item in enumerate(medicines)
    ]
    if not medicines and "regular_medication" in fields and not extras.get("no_meds"):
        rows = [[_text(style.get("empty_list")), "", ""]]
    top = _table(
        form,
        top + 56,
        [(form.word("med_col"), 1.3), (form.word("dose_col"), 0.6), (form.word("freq_col"), 0.8)],
        rows,
        4,
    )
    # the office part
    top += 50
    form.rect(LEFT, top, RIGHT, top + 200, outline=OUTLINE, width=3)
    page.text(LEFT + 20, top + 42, form.word("p_office"), "colhead")
    base = top + 120
    end = page.text(LEFT + 20, base, f"{form.word('tb')}:", "lbl")
    tb = extras.get("tb")
    end = common.circled_options(
        page,
        end + 70,
        base,
        [(str(k), text) for k, text in enumerate(form.parts("tb_opts"))],
        None if tb is None else str(tb),
        face="opt",
        gap=90,
    )
    end = page.text(max(end + 40, 1650), base, f"{form.word('reviewed')}:", "lbl")
    page.text(end + 30, base, _text(extras.get("reviewer")), "value")
    # the release of information, signed and dated
    top += 290
    page.text(LEFT, top, form.word("release"), "colhead")
    lines = render.wrap(page, form.word("release_text"), "lbl", RIGHT - LEFT)
    for k, line in enumerate(lines[:3]):
        page.text(LEFT, top + 48 + 40 * k, line, "lbl")
    base = top + 48 + 40 * min(3, len(lines)) + 150
    form.line(LEFT, base, LEFT + 1150, base, width=2.5, fill=OUTLINE)
    page.scribble(LEFT + 80, LEFT + 560, base - 8, form.ink())
    page.text(LEFT, base + 34, form.word("sign"), "lbl")
    form.line(1500, base, RIGHT, base, width=2.5, fill=OUTLINE)
    again = form.date(fields.get("record_date")) if extras.get("date_again") else ""
    page.text(1520, base - 18, again, "value")
    page.text(1500, base + 34, form.word("sign_date"), "lbl")
    form.fine_print(form.word("fine"), form.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    tint = _rgb(style["tint"])
    edge = tuple(max(0, c - 90) for c in tint)
    x_min, x_max = 110.0, 2440.0
    form.rect(x_min, 100, x_max, 3150, fill=tint, outline=edge, width=5)
    # head
    page.text(LEFT, 190, str(style["hospital"]), "org", size=50, max_width=1300)
    page.text(RIGHT, 190, form.word("title"), "title", anchor="rs", max_width=880)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  {form.word('switchboard')} "
        f"{form.phone(style['phone'])}"
    )
    page.text(LEFT, 244, contact, "org_small", max_width=RIGHT - LEFT)
    form.line(LEFT, 272, RIGHT, 272, width=3, fill=edge)
    # the stamp box with age and date of birth under it, and the patient box
    narrow, wide = (1620.0, RIGHT), (LEFT, 1570.0)
    if not style.get("mirror"):
        narrow, wide = (LEFT, 900.0), (950.0, RIGHT)
    nx0, nx1 = narrow
    page.text(nx0, 320, form.word("stamp"), "lbl")
    form.rect(nx0, 334, nx1, 620, fill=(255, 255, 255), outline=OUTLINE, width=2)
    mid = (nx0 + nx1) / 2 - 60
    page.text(nx0, 670, form.word("age"), "lbl")
    form.rect(nx0, 684, mid - 20, 770, fill=(255, 255, 255), outline=OUTLINE, width=2)
    page.text(nx0 + 16, 748, _text(extras.get("age")), "value", max_width=mid - nx0 - 50)
    page.text(mid + 20, 670, form.word("dob"), "lbl")
    form.rect(mid + 20, 684, nx1, 770, fill=(255, 255, 255), outline=OUTLINE, width=2)
    dob = form.date(extras.get("patient_dob"), short_year=False)
    page.text(mid + 36, 748, dob, "value", max_width=nx1 - mid - 52)
    wx0, wx1 = wide
    page.text(wx0, 320, form.word("patient"), "lbl")
    form.rect(wx0, 334, wx1, 620, fill=(255, 255, 255), outline=OUTLINE, width=2)
    page.text(wx0 + 24, 414, _text(fields.get("patient_name")), "value", max_width=wx1 - wx0 - 48)
    address = _text(fields.get("patient_address"))
    if style.get("address_split") and ", " in address:
        street, _, rest = address.partition(", ")
        page.text(wx0 + 24, 494, street, "value", max_width=wx1 - wx0 - 48)
        page.text(wx0 + 24, 574, rest, "value", max_width=wx1 - wx0 - 48)
    elif address:
        page.text(wx0 + 24, 494, address, "value", max_width=wx1 - wx0 - 48)
    # hospital number, clinic, consultant (and the date)
    cells: list[tuple[str, str, float]] = [
        (form.word("hospital_no"), _text(extras.get("hospital_no")), 1),
        (form.word("clinic"), _text(extras.get("clinic")), 1),
    ]
    if style.get("consultant_cell"):
        cells.append((form.word("consultant"), _text(extras.get("consultant")), 1.4))
    if style.get("date_place") == "top":
        cells.append((form.word("date"), form.date(fields.get("date")), 1))
    total = sum(weight for *_, weight in cells)
    gap = 30.0
    width = wx1 - wx0 - gap * (len(cells) - 1)
    x = wx0
    for label, value, weight in cells:
        w = width * weight / total
        page.text(x, 670, label, "lbl", max_width=w)
        form.rect(x, 684, x + w, 770, fill=(255, 255, 255), outline=OUTLINE, width=2)
        if value:
            page.text(x + 14, 748, value, "value", max_width=w - 28)
        x += w + gap
    # days of treatment
    base = 860.0
    end = page.text(LEFT, base, f"{form.word('days')}:", "lbl")
    form.rect(
        end + 24, base - 62, end + 204, base + 20, fill=(255, 255, 255), outline=OUTLINE, width=2
    )
    page.text(end + 40, base, _text(extras.get("days")), "value", max_width=150)
    page.text(RIGHT - 20, base, form.word("dose_note"), "colhead", anchor="rs")
    # the prescribing area
    area_top, area_bottom = 920.0, 2380.0
    column = 380.0
    form.rect(
        LEFT,
        area_top,
        LEFT + column,
        area_bottom,
        fill=tuple(max(0, c - 14) for c in tint),
        outline=OUTLINE,
        width=2,
    )
    page.text(LEFT + column / 2, area_top + 44, form.word("pharmacy_use"), "colhead", anchor="ms")
    for k in range(1, 8):
        y = area_top + 60 + k * 180
        form.line(LEFT + 20, y, LEFT + column - 20, y, width=1, fill=(150, 150, 150))
    ax0 = LEFT + column + 30
    form.rect(ax0, area_top, RIGHT, area_bottom, fill=(255, 255, 255), outline=OUTLINE, width=2)
    glyph = fonts.RX_GLYPH if style.get("rx") == "glyph" else "Rx"
    page.add_face("rx", str(style.get("rx_font") or style["title_font"]), 100, bold=glyph == "Rx")
    page.text(ax0 + 24, area_top + 120, glyph, "rx")
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    show_qty = bool(style.get("show_qty"))
    med_x = ax0 + 210
    qty_x = RIGHT - 300
    if show_qty:
        page.text(qty_x + 20, area_top + 44, form.word("qty"), "colhead")
        form.line(qty_x, area_top, qty_x, area_top + 120 + 112 * 4, width=1.5, fill=(150, 150, 150))
    y = area_top + 120
    for k in range(4):
        if k < len(medicines):
            page.text(
                med_x,
                y,
                medicines[k],
                "value",
                max_width=(qty_x if show_qty else RIGHT) - med_x - 30,
            )
            if show_qty and k < len(quantities):
                page.text(qty_x + 20, y, quantities[k], "value", max_width=260)
        y += 112
    # the directions over ruled lines
    base = y + 30
    label = form.word("directions")
    end = page.text(ax0 + 24, base, label, "num")
    lines = _lines_in(page, _text(fields.get("directions")), RIGHT - end - 140, 4)
    for k in range(4):
        line_y = base + k * 86
        form.line(end + 24, line_y + 14, RIGHT - 30, line_y + 14, width=1.5, fill=(150, 150, 150))
        if k < len(lines):
            page.text(end + 34, line_y, lines[k], "value", max_width=RIGHT - end - 70)
    # the refills
    base += 4 * 86 + 50
    end = page.text(ax0 + 24, base, form.word("refills"), "num")
    refills = fields.get("refills")
    if style.get("refill_mode") == "ring":
        options = ["0", "1", "2", "3", "4", "5", "6", "PRN"]
        key = str(refills) if str(refills) in options else None
        end = common.circled_options(
            page, end + 70, base, [(o, o) for o in options], key, face="opt", gap=70
        )
        end = page.text(end + 10, base, f"{form.word('other')}:", "opt")
        form.line(end + 16, base + 12, end + 200, base + 12, width=1.5, fill=OUTLINE)
        if refills is not None and key is None:
            page.text(end + 40, base, str(refills), "value")
    else:
        form.rect(
            end + 30,
            base - 62,
            end + 260,
            base + 22,
            fill=(255, 255, 255),
            outline=OUTLINE,
            width=2,
        )
        page.text(end + 50, base, _text(refills), "value", max_width=190)
    # the signature and the date
    sig_top = area_bottom + 70
    page.text(LEFT, sig_top - 14, form.word("signature"), "lbl")
    form.rect(LEFT, sig_top, 1500, sig_top + 120, fill=(255, 255, 255), outline=OUTLINE, width=2)
    page.scribble(LEFT + 100, LEFT + 700, sig_top + 90, form.ink())
    if style.get("date_place") == "foot":
        page.text(1560, sig_top - 14, form.word("date"), "lbl")
        form.rect(
            1560, sig_top, RIGHT, sig_top + 120, fill=(255, 255, 255), outline=OUTLINE, width=2
        )
        page.text(
            1580, sig_top + 86, form.date(fields.get("date")), "value", max_width=RIGHT - 1600
        )
    # the prescriber's block
    block = sig_top + 190
    page.text(LEFT, block - 14, form.word("prescriber"), "lbl")
    form.rect(LEFT, block, RIGHT, 3090, fill=(255, 255, 255), outline=OUTLINE, width=2)
    stamped = bool(style.get("stamp"))
    big, small = ("stamp", "stamp_small") if stamped else ("typed", "typed_small")
    x = LEFT + 50
    if stamped:
        count = 2 + sum(1 for key in ("department", "pager") if extras.get(key))
        bottom = block + 80 + 42 * (count + 1) + 30
        form.rect(LEFT + 24, block + 24, 1600, bottom, outline=page.faces["stamp"].fill, width=4)
    y = block + 80
    page.text(x, y, _text(fields.get("prescriber")), big, max_width=1480)
    pager = extras.get("pager")
    lines = [
        _text(extras.get("department")),
        _text(style["hospital"]),
        f"{style['street']}, {style['city']}",
        f"{form.word('switchboard')} {form.phone(style['phone'])}",
        f"{form.word('pager')} {pager}" if pager else "",
    ]
    for line in lines:
        if line:
            y += 42
            page.text(x, y, line, small, max_width=1480)
    registration = extras.get("registration")
    if registration:
        page.text(
            RIGHT - 30, block + 80, f"{form.word('reg')} {registration}", "typed_small", anchor="rs"
        )
    page.text(RIGHT - 30, 3060, f"{form.word('serial')} {style['serial']}", "num", anchor="rs")
    lines = render.wrap(page, form.word("fine"), "fine", x_max - x_min)
    for k, line in enumerate(lines[:2]):
        page.text(x_min, 3195 + 27 * k, line, "fine")
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
