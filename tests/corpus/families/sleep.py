"""A sleep centre's new-patient questionnaire and a mobile outreach van's two-panel prescription.

Written blind as the held-out family of round 23 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the
questionnaire a sleep disorders centre mails to a new patient before the first consultation
(identity, contacts, medical history, insurance, medicines and a sleepiness scale); the
prescription is the form a mobile health outreach van (street medicine, shelters, rural stops)
fills in on the spot: a two-panel sheet with a tear-off reminder stub at the foot.

Patient record (two pages). One colour per form; label wording drawn per form from synonym lists
(in capitals on some forms). Every value sits in a *two-column table*: a ruled grid whose rows
hold one or two label / value pairs, each label in a cell of its own (shaded with a pale tint of
the colour on some forms, followed by a colon on others) and its value written in the cell to its
right; a field given a whole row has its value cell running to the right edge. Sections are
full-width rows of the table, filled with the colour and titled in white, or tinted and titled in
the colour, per form, numbered on some forms.

* Page 1 head: a banner, per form either a band of the colour with the centre's name, its street,
  city, telephone and fax reversed out in white, or the name in the colour over a double rule;
  a crescent-moon emblem at the right. The questionnaire's title under it at the left, a line of
  instructions, and at the right an "office use" box: a chart number, the kind of study ordered
  (``PSG`` / ``HST`` / ``MSLT`` printed, one ringed) and the date the study is scheduled (all
  distractors; the study date is after the record date).
* The record date: on the forms with the date "in the head", a lone field at the right under the
  office box; on the others the first row of the patient table, beside the referral source (a
  distractor: ``Self`` or a doctor's name); on those the referral source instead shares the
  patient section's last row with the occupation (a distractor).
* Patient: the name (one wide row, or a last-name cell and a first-name-and-middle-initial cell:
  the truth is ``First M. Last``); the date of birth (four-digit year) beside the age (a
  distractor); the sex (printed options with a box each) beside the neck size (a distractor,
  written with its unit); the height and the weight (the unit written after the number when the
  copy uses one); the home address as a street row and a city / state / ZIP cell beside a
  country cell (the truth joins the written parts with ``", "``), or one wide row; the home
  telephone (``phone``) beside a mobile number (a distractor); the primary care doctor and the
  doctor's telephone (distractors).
* Emergency contact: the name and the relationship (a distractor); the telephone
  (``emergency_contact_phone``) and a work telephone (a distractor); the address on a wide row.
* Medical history: a table of printed conditions, two to a row, each with a "Yes" and a "No"
  column holding a box; the conditions whose "Yes" box is marked are ``medical_problems``, in
  reading order (along each row, then down), followed by those written on the "other
  conditions" row under the table. Some copies mark "No" on every other row, some leave them
  blank. A copy filled in a capitals-only hand writes every condition on the "other" row and
  marks nothing. No condition: nothing marked, the other row blank or the copy's word for none.
* Immunity: a small table with the status options as column heads (immune / not immune / unsure,
  worded per form); chickenpox and measles rows, each option a box to mark, or each option printed
  in its cell with the chosen one ringed by hand, per form. Under it the hepatitis B vaccine
  question with yes / no / unsure options (boxes or rings alike). An unsure or unanswered status
  leaves the field out.
* The foot: fine print and the page number.

Page 2: a compact head (the centre's name at the left, the title at the right) and on some forms a
running row with the patient's name and date of birth written again. Then the same kind of table:

* Insurance: the question whether the patient has health insurance (yes / no boxes, a whole row;
  unanswered on some copies without insurance, then left out); the insurance company
  (``insurance_company``) beside the member services telephone (a distractor); the policy or
  member ID (``policy_number``, separators as written) beside the group number (a distractor);
  the subscriber and the relationship to the patient (distractors); the claims address
  (``insurance_address``) on a wide row; the effective date (a distractor) beside the expiration
  date (``insurance_expiry``); a secondary insurance row (another insurer's name, or blank: a
  distractor).
* Medicines: a "no medicines" box, then a ruled table of the medicine (``regular_medication``),
  its strength, how often and what it is taken for (distractors); four rows or more.
* Allergies: a "no known allergies" box, a wide row of the allergies (``allergies``,
  comma-separated, or the copy's word for none) and a row for the reaction (a distractor).
* Sleep habits: the usual bedtime, the wake-up time and the caffeinated drinks a day
  (distractors), in one row of three pairs.
* An eight-situation sleepiness scale: a legend line, a table with the situation and four columns
  ``0`` to ``3``, a box in each cell (one ticked or crossed per row) or the digit printed in each
  cell with one ringed, per form; the total written at the foot (distractors all).
* The patient's signature and the date signed (the record date again, or blank); fine print and
  the page number.

Prescription (one page), printed in one colour per form.

* Head: the outreach programme's name in the colour, the sponsoring hospital or health system,
  the dispatch telephone and fax, and on some forms the medical director's name (distractors
  all: the medical director is never the prescriber). At the right a framed title and under it
  the stop or site the van served that day, written on a rule (a distractor); on the forms with
  the date "in the head" the date (``date``) under it.
* The page is split by a vertical rule into a narrow *patient panel* at the left and a wide
  *order panel* at the right. In the patient panel each field is a small label over a rule with
  the value written on it: the name, the date of birth (a distractor), the date on the forms with
  the date "in the panel", the address (``patient_address``, written over two rules when it does
  not fit one: the lines joined by a space give it back), the telephone, the weight and the
  allergies (distractors) and the client or programme ID (a distractor). At the panel's foot the
  prescriber: either the name written on a "prescribing clinician (print)" rule with the NPI or
  licence number on a rule under it, or a rubber stamp (a tinted, framed block in the stamp's
  colour) with the name and the NPI; ``prescriber`` is the name as written or stamped, titles and
  credentials kept (physicians, nurse practitioners and physician assistants).
* The order panel: the ℞ (or ``Rx``), numbered rules with one medicine a line (``medicines``; the
  dosing written on the line on some copies) and the quantity at the right of each (a
  distractor); the directions after their label over three or four rules (``directions``, absent
  on some copies); the refills, per form: the printed options ``0`` to ``5`` and ``PRN`` with the
  chosen one ringed, the same options with a box each, or a number written on a short rule after
  the label (a larger number written on an "other" rule in the first two, on the next line when
  the row is full); a "substitution permitted" yes / no question with boxes, a diagnosis or
  reason-for-visit field (a small label over a rule) and an empty framed pharmacy-use box
  (date filled, pharmacist, prescription number): distractors all.
* The prescriber's signature on a rule across the order panel, with the date beside it on the
  forms with the date "at the foot".
* A dashed tear-off line and the reminder stub: the next visit's date, time and place written on
  rules (distractors; the date is after the prescription's), and the van's telephone. Fine print
  at the very foot.

Dates are written in one style per document (numeric month or day first, two-digit years on some
copies, written months, ISO); a day-first numeric document's record date (or prescription date)
has a day above 12, and birth dates keep four-digit years. Telephones are written in one style per
document.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
MID = (LEFT + RIGHT) / 2
INK_DARK = (28, 28, 28)
GRID = (70, 70, 70)
HAIR = (140, 140, 140)
BOTTOM = 3080.0  # the lowest baseline of the body (the fine print is under it)

# fmt: off
COLOURS = ([34, 62, 120], [20, 100, 110], [88, 50, 120], [120, 40, 50], [40, 90, 50],
           [60, 60, 70])
STAMP_INKS = ([90, 40, 130], [30, 60, 150], [150, 30, 50])
CENTRE_PLACES = ("Lakeview", "Riverside", "Northgate", "Summit", "Bayshore", "Greenfield",
                 "Mercy", "St. Anne's", "Westbrook", "University")
CENTRE_KINDS = ("Sleep Disorders Center", "Center for Sleep Medicine", "Sleep Clinic",
                "Sleep & Breathing Institute", "Sleep Health Center")
PROGRAMMES = ("Mobile Health Outreach", "Community Health Van", "Street Medicine Program",
              "Care-A-Van Mobile Clinic", "Health on Wheels", "Mobile Medical Unit")
SPONSORS = ("A program of {} Hospital", "Operated by {} Health System",
            "Sponsored by {} Community Health", "{} Medical Center outreach service")
SITES = ("Eastside Shelter", "Lincoln Park", "Main St Library", "St. Mark's Church lot",
         "Riverside Campground", "Food Bank - Elm St", "Harbor Day Center", "Route 9 Stop 4",
         "Community Center", "Mission Kitchen")
OCCUPATIONS = ("Teacher", "Driver", "Nurse", "Retired", "Student", "Engineer", "Cashier",
               "Electrician", "Accountant", "Chef", "Homemaker", "Mechanic", "Night security")
RELATIONS = ("Wife", "Husband", "Spouse", "Mother", "Father", "Daughter", "Son", "Sister",
             "Brother", "Partner", "Friend")
HOLDER_RELATIONS = ("Self", "Self", "Spouse", "Parent")
FREQUENCIES = ("once a day", "twice a day", "at bedtime", "as needed", "every morning",
               "1 daily", "2x day", "weekly")
REASONS = ("blood pressure", "cholesterol", "diabetes", "pain", "mood", "thyroid", "stomach",
           "sleep", "allergies", "heart", "")
REACTIONS = ("Hives", "Rash", "Swelling", "Trouble breathing", "Nausea", "Itching")
BEDTIMES = ("9:30 pm", "10 pm", "10:30 pm", "11 pm", "11:30 pm", "midnight", "12:30 am",
            "1 am", "22:45", "23:00")
WAKE_TIMES = ("5:30 am", "6 am", "6:30 am", "7 am", "7:30 am", "8 am", "9 am", "06:15")
VISIT_TIMES = ("9:00", "9:30 am", "10 am", "11:00", "1 pm", "1:30 pm", "2:00", "3 pm", "4:30")
PT_ALLERGIES = ("NKDA", "None known", "Penicillin", "Sulfa", "Codeine", "Latex", "Aspirin")
REASONS_FOR_VISIT = ("Cough", "Skin infection", "Foot wound", "Hypertension follow-up",
                     "Dental pain", "Bronchitis", "Back pain", "Rash", "Ear infection",
                     "Diabetes check", "UTI symptoms")
SIG = ("daily", "BID", "TID", "at bedtime", "q12h", "every morning", "PRN")
CREDENTIALS = (", NP", ", FNP-C", ", PA-C", ", APRN")
NUMBER_WORDS = {10: "ten", 14: "fourteen", 20: "twenty", 28: "twenty-eight", 30: "thirty",
                60: "sixty", 90: "ninety"}
# the conditions the history table prints (reading order: along each row, then down)
HISTORY_GRID = ("Hypertension", "Diabetes", "Asthma", "COPD", "Depression", "Anxiety",
                "Acid reflux", "Migraine", "Hypothyroidism", "Arthritis", "Epilepsy",
                "Back pain")
SLEEPINESS = ("Sitting and reading", "Watching TV", "Sitting inactive in a public place",
              "Passenger in a car for an hour without a break",
              "Lying down to rest in the afternoon", "Sitting and talking to someone",
              "Sitting quietly after lunch without alcohol",
              "In a car, while stopped for a few minutes in traffic")
STUDIES = ("PSG", "HST", "MSLT")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "New Patient Sleep Questionnaire",
        "Sleep Medicine Intake Form",
        "Pre-Consultation Questionnaire",
        "New Patient Health Questionnaire",
    ),
    "intro": (
        "Please complete this questionnaire and bring it to your first appointment with your "
        "insurance card and a list of your medicines.",
        "Fill in every section in ink. If a question does not apply to you, leave it blank.",
        "Return this form at least three days before your consultation so we can verify your "
        "benefits.",
    ),
    "office": ("OFFICE USE ONLY", "For office use", "Clinic use only"),
    "chart": ("Chart #", "MRN", "Chart no."),
    "study": ("Study", "Study ordered", "Test"),
    "scheduled": ("Scheduled", "Study date", "Booked for"),
    "tel": ("Tel", "Phone", "Telephone"),
    "fax": ("Fax", "Fax"),
    "today": ("Date of visit", "Today's date", "Date completed", "Date"),
    "referral": ("Referred by", "Referral source", "Who referred you"),
    "sec_patient": ("Patient information", "About you", "Patient"),
    "full": ("Patient name", "Full name", "Name"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name, M.I.", "First & middle initial", "Given name(s)"),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "age": ("Age", "Age (years)"),
    "sex": ("Sex", "Gender", "Sex at birth"),
    "sex_options": ("Male|Female", "M|F"),
    "neck": ("Neck size", "Collar size", "Neck circumference"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt", "Current weight"),
    "street": ("Street address", "Home address", "Address"),
    "city": ("City, State, ZIP", "City / State / Zip", "Town, state, ZIP"),
    "country": ("Country", "Country"),
    "address_one": ("Home address", "Mailing address", "Address"),
    "phone": ("Home phone", "Phone", "Best number to reach you", "Telephone"),
    "cell": ("Mobile", "Cell phone", "Other phone"),
    "occupation": ("Occupation", "Job / work", "Employment"),
    "doctor": ("Primary care doctor", "Family physician", "Your doctor"),
    "doctor_phone": ("Doctor's phone", "Office phone", "Physician phone"),
    "sec_contact": ("Emergency contact", "In case of emergency", "Person to notify"),
    "contact": ("Name", "Contact name", "Contact"),
    "relation": ("Relationship", "Relation to you"),
    "c_phone": ("Phone", "Home phone", "Contact phone"),
    "c_work": ("Work phone", "Daytime phone", "Alternate phone"),
    "c_address": ("Address", "Contact's address"),
    "sec_history": ("Medical history", "Health history", "Past medical history"),
    "condition": ("Condition", "Have you ever had", "Diagnosis"),
    "yes": ("Yes", "Y"),
    "no": ("No", "N"),
    "other": ("Other conditions", "Other illnesses", "Anything else"),
    "sec_immunity": ("Immunity", "Immunizations", "Vaccines and immunity"),
    "disease": ("Disease", "Immunity to"),
    "chicken": ("Chickenpox (varicella)", "Varicella / chicken pox"),
    "measles": ("Measles (rubeola)", "Measles"),
    "status_set": (
        "Immune|Not immune|Unsure",
        "Immune|Not immune|Don't know",
        "Immune|Not immune|Unknown",
    ),
    "hep_b": (
        "Have you had the hepatitis B vaccine series?",
        "Hepatitis B vaccination completed?",
        "Vaccinated against hepatitis B?",
    ),
    "yes_no_unsure": ("Yes|No|Unsure", "Yes|No|Not sure"),
    "fine": (
        "The information on this questionnaire is confidential and part of your medical record. "
        "It is shared only as our notice of privacy practices describes.",
        "Please tell the front desk if any of this information changes before your visit.",
    ),
    "page": ("Page {} of 2", "{} / 2", "Page {}"),
    "running": ("Patient name", "Name"),
    "sec_insurance": ("Insurance", "Health insurance", "Insurance information"),
    "q_insurance": (
        "Do you have health insurance?",
        "Are you covered by a health plan?",
        "Do you have medical insurance?",
    ),
    "yes_no": ("Yes|No",),
    "company": ("Insurance company", "Insurance carrier", "Name of insurer", "Health plan"),
    "plan_phone": ("Member services", "Plan phone", "Insurer's phone"),
    "member": ("Policy / member ID", "Member ID", "Policy number", "Policy #"),
    "group": ("Group no.", "Group #", "Group"),
    "holder": ("Subscriber", "Policy holder", "Insured's name"),
    "holder_rel": ("Relationship", "Patient is the"),
    "claims": ("Claims address", "Insurer's address", "Mail claims to"),
    "effective": ("Effective date", "Coverage begins", "Start date"),
    "expiry": ("Expiration date", "Valid until", "Expiry date", "Coverage ends"),
    "secondary": ("Secondary insurance", "Other coverage", "Second plan"),
    "sec_meds": ("Medicines", "Current medications", "Medications you take"),
    "no_meds": ("I take no medicines", "No medications", "None"),
    "med": ("Medicine", "Medication name", "Drug"),
    "strength": ("Strength", "Dose", "mg / dose"),
    "how": ("How often", "Frequency", "When taken"),
    "reason": ("Taken for", "Reason", "Condition"),
    "sec_allergy": ("Allergies", "Drug and other allergies", "Allergies / reactions"),
    "nka": ("No known allergies", "No allergies (NKA)", "NKDA"),
    "allergies": ("Allergies", "Allergic to", "List allergies"),
    "reaction": ("Reaction", "What happens", "Type of reaction"),
    "sec_habits": ("Sleep habits", "Your sleep", "Sleep schedule"),
    "bedtime": ("Usual bedtime", "Bedtime", "Lights out"),
    "wake": ("Wake-up time", "Usual wake time", "Get up at"),
    "caffeine": ("Caffeine drinks / day", "Coffee, tea, cola a day", "Caffeine per day"),
    "sec_scale": ("Sleepiness scale", "Daytime sleepiness", "How sleepy are you?"),
    "scale_note": (
        "How likely are you to doze off in these situations? 0 = never, 1 = slight chance, "
        "2 = moderate chance, 3 = high chance. Mark one number on each line.",
        "Mark the chance of dozing in each situation: 0 never, 1 slight, 2 moderate, 3 high.",
    ),
    "situation": ("Situation", "Chance of dozing when"),
    "total": ("Total score", "Total", "Score"),
    "sign": ("Patient signature", "Signature of patient or guardian", "Signed"),
    "sign_date": ("Date", "Date signed"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription", "Rx Order", "Medication Order"),
    "dispatch": ("Dispatch", "Van phone", "Call"),
    "fax": ("Fax", "Fax"),
    "director": ("Medical Director", "Medical director", "Physician director"),
    "site": ("Site", "Stop / site", "Location today"),
    "date": ("Date", "Date written", "Date of visit"),
    "name": ("Patient name", "Client name", "Name"),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "address": ("Address", "Address / where staying", "Patient address"),
    "phone": ("Phone", "Contact phone", "Phone (if any)"),
    "weight": ("Weight", "Wt"),
    "allergies": ("Allergies", "Drug allergies", "Allergy"),
    "client_id": ("Client ID", "Program ID", "Outreach #"),
    "clinician": ("Prescribing clinician (print)", "Prescriber name (print)", "Clinician"),
    "npi": ("NPI / Lic.", "NPI", "License / NPI"),
    "qty": ("Qty", "Disp.", "#"),
    "directions": ("Directions", "Sig", "Instructions", "Directions for use"),
    "refills": ("Refills", "Refill", "Number of refills"),
    "times": ("times", "refills"),
    "other": ("other", "Other"),
    "sub": ("Substitution permitted?", "Generic substitution OK?", "May substitute?"),
    "reason": ("Diagnosis / reason for visit", "Reason for visit", "Dx"),
    "pharmacy": ("Pharmacy use only", "For pharmacy use", "Pharmacist"),
    "filled": ("Date filled", "Filled on", "Dispensed"),
    "rph": ("RPh initials", "Pharmacist", "RPh"),
    "rx_no": ("Rx #", "Rx no.", "Script #"),
    "yes_no": ("Yes|No",),
    "signature": ("Signature of prescriber", "Prescriber's signature", "Signature"),
    "tear": ("Tear here and keep this part", "Detach and keep", "Keep this reminder"),
    "next": ("Your next visit", "Next van visit", "Come back on"),
    "time": ("Time", "at"),
    "place": ("Place", "Where"),
    "questions": ("Questions? Call", "Need us sooner? Call", "Info line"),
    "fine": (
        "Prescriptions written on the mobile unit are valid at any pharmacy. Bring this form "
        "and a photo ID if you have one.",
        "This form is not valid if altered. Controlled substances are not prescribed on the van.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _shift(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    """The printed form's wording, fonts and colour (both documents)."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(28, 31), value_size=(40, 45)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        place = rnd.choice(("written", "written", "stamp"))
        place_name = rnd.choice(CENTRE_PLACES)
        style.update(
            programme=rnd.choice(PROGRAMMES),
            sponsor=rnd.choice(SPONSORS).format(place_name),
            phone=values.phone_number(rnd),
            fax=values.phone_number(rnd),
            director=(
                f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, MD"
                if rnd.random() < 0.5
                else None
            ),
            prescriber_place=place,
            prescriber_written=place == "written",
            stamp_ink=rnd.choice(STAMP_INKS),
            date_place=rnd.choice(("head", "panel", "foot")),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            refill_mode=rnd.choice(("ring", "boxes", "line")),
            direction_rules=rnd.choice((3, 4)),
            panel_x=rnd.choice((1000.0, 1040.0, 1080.0)),
            show_qty=rnd.random() < 0.7,
        )
        return style
    _wording(rnd, style, _REC)
    if rnd.random() < 0.3:
        style["labels"] = {
            key: text.upper() if not key.startswith(("intro", "fine", "scale_note")) else text
            for key, text in style["labels"].items()
        }
    style.update(
        centre=f"{rnd.choice(CENTRE_PLACES)} {rnd.choice(CENTRE_KINDS)}",
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        banner=rnd.choice(("band", "rule")),
        head_fill=rnd.choice(("solid", "tint")),
        numbered=rnd.random() < 0.5,
        shade_labels=rnd.random() < 0.6,
        colon=rnd.random() < 0.4,
        label_width=float(rnd.choice((300, 330, 360))),
        row_h=float(rnd.choice((94, 98, 102))),
        date_place=rnd.choice(("head", "table")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("rows", "rows", "one")),
        choice_mode=rnd.choice(("boxes", "ring")),
        running=rnd.random() < 0.5,
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


def _split_grid(
    items: Sequence[str], grid: Sequence[str], capitals: bool
) -> tuple[list[str], list[str]]:
    """The items marked in a printed table (in its order) and those written by hand."""
    if capitals:  # a capitals-only hand writes every item
        return [], list(items)
    marked = [option for option in grid if option in items]
    return marked, [item for item in items if item not in grid]


def _neck(rnd: random.Random, unit: str) -> tuple[float, str]:
    if unit in ("lb", "lbs"):
        return rnd.choice((13, 13.5, 14, 14.5, 15, 15.5, 16, 16.5, 17, 17.5, 18, 19)), "in"
    return float(rnd.randint(32, 47)), "cm"


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    age = (today - birth).days // 365
    capitals = fonts.family(style["value_font"]).all_caps
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "chart": f"{rnd.choice(('', 'S', 'SL-'))}{_digits(rnd, rnd.choice((5, 6, 7)))}"
        if rnd.random() < 0.6
        else None,
        "study": rnd.choice((0, 0, 1, 1, 2, None)),
        "study_date": _shift(today, rnd.randint(6, 70)) if rnd.random() < 0.5 else None,
        "age": age if rnd.random() < 0.7 else None,
        "sex": rnd.choice((0, 1, 0, 1, None)),
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.6 and age >= 16 else None,
        "cell": values.phone_number(rnd) if rnd.random() < 0.5 else None,
    }
    if rnd.random() < 0.6:
        extras["referral"] = (
            "Self"
            if rnd.random() < 0.3
            else f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        )
    if age >= 14 and rnd.random() < 0.6:
        neck, unit = _neck(rnd, str(base["weight_unit"]))
        extras["neck"] = neck
        extras["neck_unit"] = unit
    if rnd.random() < 0.75:
        extras["doctor"] = f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        extras["doctor_phone"] = values.phone_number(rnd) if rnd.random() < 0.7 else None
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    marked, written = _split_grid(fields["medical_problems"], HISTORY_GRID, capitals)
    fields["medical_problems"] = marked + written
    extras["conditions_marked"] = marked
    extras["answered_no"] = not capitals and rnd.random() < 0.5
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if key not in fields and rnd.random() < 0.6:
            extras[f"{key}_unsure"] = True
        elif key in fields and rnd.random() < 0.06:
            del fields[key]
            extras[f"{key}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["plan_phone"] = values.phone_number(rnd) if rnd.random() < 0.55 else None
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP'))}{_digits(rnd, rnd.choice((4, 5, 6)))}"
            if rnd.random() < 0.7
            else None
        )
        relation = rnd.choice(HOLDER_RELATIONS)
        extras["holder_relation"] = relation if rnd.random() < 0.85 else None
        last = fields["patient_name"].split()[-1]
        extras["holder"] = (
            fields["patient_name"]
            if relation == "Self"
            else values.person_name(rnd, last if rnd.random() < 0.7 else None)
        )
        if rnd.random() < 0.6:
            extras["effective"] = _shift(today, -rnd.randint(30, 1200))
        if rnd.random() < 0.25:
            others = [name for name in values.INSURERS if name != fields["insurance_company"]]
            extras["secondary"] = rnd.choice(others)
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    extras["nka"] = not fields["allergies"] and rnd.random() < 0.6
    extras["reaction"] = (
        rnd.choice(REACTIONS) if fields["allergies"] and rnd.random() < 0.6 else None
    )
    strengths = {drug: (doses, unit) for drug, doses, unit, _ in values.DRUGS}
    rows = []
    for medicine in fields["regular_medication"]:
        doses, unit = strengths.get(medicine, (("",), ""))
        dose = f"{rnd.choice(doses)} {unit}".strip() if rnd.random() < 0.85 else ""
        how = rnd.choice(FREQUENCIES) if rnd.random() < 0.9 else ""
        rows.append([dose, how, rnd.choice(REASONS)])
    extras["med_rows"] = rows
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.5
    extras["bedtime"] = rnd.choice(BEDTIMES) if rnd.random() < 0.85 else None
    extras["wake"] = rnd.choice(WAKE_TIMES) if rnd.random() < 0.85 else None
    extras["caffeine"] = rnd.choice((0, 1, 1, 2, 2, 3, 4, 6)) if rnd.random() < 0.75 else None
    scale: list[int | None] = [rnd.choice((0, 0, 1, 1, 2, 3)) for _ in SLEEPINESS]
    if rnd.random() < 0.15:
        scale[rnd.randrange(len(scale))] = None  # a line left unmarked
    extras["scale"] = scale
    if None not in scale and rnd.random() < 0.8:
        extras["scale_total"] = sum(v for v in scale if v is not None)
    extras["date_again"] = rnd.random() < 0.6
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    if rnd.random() < 0.3:  # a nurse practitioner or physician assistant prescribes
        fields["prescriber"] = (
            f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
            f"{rnd.choice(CREDENTIALS)}"
        )
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if rnd.random() < 0.3:  # the dosing written on each medicine line
        forms = {name: form for name, _, _, form in values.DRUGS}
        lines = []
        for line in fields["medicines"]:
            form = forms.get(line.split()[0], "") or "puff"
            lines.append(f"{line} - {rnd.choice(('1', '1', '2'))} {form} {rnd.choice(SIG)}")
        fields["medicines"] = lines
        if rnd.random() < 0.6:
            fields.pop("directions", None)
    if "refills" in fields and rnd.random() < 0.3:
        fields["refills"] = rnd.choice((0, 1, 2, 3, 6, 11, "PRN"))
    age = rnd.randint(16, 88)
    birth = written.replace(year=written.year - age, day=min(written.day, 28))
    birth -= dt.timedelta(days=rnd.randint(1, 330))
    quantities = []
    for _ in fields["medicines"]:
        count = rnd.choice(sorted(NUMBER_WORDS))
        quantities.append(f"{count} ({NUMBER_WORDS[count]})" if rnd.random() < 0.4 else f"#{count}")
    pounds = rnd.random() < 0.6
    extras: dict[str, Any] = {
        "site": rnd.choice(SITES) if rnd.random() < 0.8 else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.75 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "weight": (rnd.randint(100, 260) if pounds else rnd.randint(45, 120))
        if rnd.random() < 0.5
        else None,
        "weight_unit": "lb" if pounds else "kg",
        "patient_allergies": rnd.choice(PT_ALLERGIES) if rnd.random() < 0.7 else None,
        "client_id": f"{rnd.choice(('', 'MH', 'OV-'))}{_digits(rnd, rnd.choice((4, 5, 6)))}"
        if rnd.random() < 0.6
        else None,
        "npi": "1" + _digits(rnd, 9) if rnd.random() < 0.75 else None,
        "quantities": quantities,
        "substitution": rnd.choice((0, 0, 1, None)),
        "reason": rnd.choice(REASONS_FOR_VISIT) if rnd.random() < 0.6 else None,
        "next_visit": _shift(written, rnd.choice((7, 14, 14, 21, 28)))
        if rnd.random() < 0.7
        else None,
        "next_time": rnd.choice(VISIT_TIMES) if rnd.random() < 0.7 else None,
        "next_place": rnd.choice(SITES) if rnd.random() < 0.6 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


# draws a cell's content from x0 to x1 at a baseline
Content = str | Callable[[float, float, float], None]


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.tint = tuple(round(255 - (255 - c) * 0.14) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, INK_DARK
        )
        faces["q"] = render.Face(label.regular, size, INK_DARK)
        faces["opt"] = render.Face(label.regular, 28, INK_DARK)
        faces["cap"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["colhead"] = render.Face(label.bold, 27, INK_DARK)
        faces["band"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["band_tint"] = render.Face(title.bold, 34, self.colour)
        faces["org"] = render.Face(title.bold, 56, self.colour)
        faces["org_white"] = render.Face(title.bold, 56, (255, 255, 255))
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["org_small_white"] = render.Face(title.regular, 28, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 54, INK_DARK)
        faces["note"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))

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

    def write(self, x0: float, x1: float, base: float, value: str) -> None:
        """A value written from ``x0`` on a rule running to ``x1``."""
        self.line(x0, base + 14, x1, base + 14, width=2, fill=HAIR)
        if value:
            self.page.text(x0 + 10, base, value, "value", max_width=max(40.0, x1 - x0 - 20))

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, face: str = "opt"
    ) -> float:
        """Printed options, each after a box, the chosen one marked; where they end."""
        page = self.page
        for k, text in enumerate(options):
            end = common.checkbox(
                page, x, base + 2, checked=k == chosen, mark=self.style["mark"], side=32
            )
            x = page.text(end + 22, base, text, face) + 44
        return x - 44

    def choices(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, face: str = "opt"
    ) -> float:
        """Options marked the form's way: boxes, or the chosen one ringed by hand."""
        if self.style.get("choice_mode") == "ring":
            return common.circled_options(
                self.page,
                x + 30,
                base,
                [(str(k), text) for k, text in enumerate(options)],
                None if chosen is None else str(chosen),
                face=face,
                gap=80,
            )
        return self.boxes(x, base, options, chosen, face)

    def fine_print(self, text: str, number: int | None) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3200 + 27 * k, line, "fine")
        if number is not None:
            page.text(RIGHT, 3200, self.word("page").format(number), "fine", anchor="rs")


# --- patient record: the table ----------------------------------------------------------------


def _label(sheet: _Sheet, key: str) -> str:
    text = sheet.word(key)
    return f"{text}:" if sheet.style.get("colon") else text


def _row(sheet: _Sheet, top: float, cells: Sequence[tuple[str, Content]]) -> float:
    """A row of the table: one or two label / value pairs; returns the row's bottom."""
    page = sheet.page
    style = sheet.style
    rh = float(style["row_h"])
    lw = float(style["label_width"])
    bottom = top + rh
    spans = [(LEFT, RIGHT)] if len(cells) == 1 else [(LEFT, MID), (MID, RIGHT)]
    for (label, content), (x0, x1) in zip(cells, spans, strict=True):
        lx1 = x0 + lw
        if style["shade_labels"]:
            sheet.rect(x0, top, lx1, bottom, fill=sheet.tint, outline=None)
        lines = render.wrap(page, label, "key", lw - 30)
        if len(lines) == 1:
            page.text(x0 + 16, top + rh * 0.6, label, "key", max_width=lw - 30)
        else:
            for k, line in enumerate(lines[:2]):
                page.text(x0 + 16, top + rh / 2 - 6 + 32 * k, line, "cap", max_width=lw - 30)
        sheet.line(lx1, top, lx1, bottom, width=1.5, fill=HAIR)
        base = bottom - 28
        if callable(content):
            content(lx1 + 24, x1 - 24, base)
        elif content:
            page.text(lx1 + 24, base, content, "value", max_width=x1 - lx1 - 48)
    sheet.line(LEFT, bottom, RIGHT, bottom, width=2, fill=GRID)
    sheet.line(LEFT, top, LEFT, bottom, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, bottom, width=2, fill=GRID)
    if len(cells) == 2:
        sheet.line(MID, top, MID, bottom, width=2, fill=GRID)
    return bottom


def _section(sheet: _Sheet, top: float, key: str, number: int) -> float:
    """A full-width section row of the table; returns its bottom."""
    page = sheet.page
    height = 58.0
    title = sheet.word(key)
    if sheet.style["numbered"]:
        title = f"{number}. {title}"
    if sheet.style["head_fill"] == "solid":
        sheet.rect(LEFT, top, RIGHT, top + height, fill=sheet.colour, outline=None)
        page.text(LEFT + 18, top + 42, title, "band")
    else:
        sheet.rect(LEFT, top, RIGHT, top + height, fill=sheet.tint, outline=GRID, width=2)
        page.text(LEFT + 18, top + 42, title, "band_tint")
    sheet.line(LEFT, top, RIGHT, top, width=3, fill=GRID)
    return top + height


def _with_unit(value: Any, unit: Any) -> str:
    if value is None:
        return ""
    return f"{render.format_number(value)} {_text(unit)}".strip()


def _moon(sheet: _Sheet, cx: float, cy: float, r: float, colour: Any, back: Any) -> None:
    """The centre's emblem: a crescent moon and a star."""
    page = sheet.page
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=colour
    )
    off = r * 0.45
    page.draw.ellipse(
        [
            page.px(cx - r + off),
            page.px(cy - r - off * 0.4),
            page.px(cx + r + off),
            page.px(cy + r - off * 0.4),
        ],
        fill=back,
    )
    sx, sy, s = cx + r * 0.55, cy - r * 0.1, r * 0.22
    points = []
    for k in range(10):
        radius = s if k % 2 == 0 else s * 0.42
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(
            (page.px(sx + radius * math.cos(angle)), page.px(sy + radius * math.sin(angle)))
        )
    page.draw.polygon(points, fill=colour)


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """Page 1's head; the top of the table."""
    page = sheet.page
    style = sheet.style
    contact = (
        f"{style['street']}, {style['city']}   {sheet.word('tel')} {sheet.phone(style['phone'])}"
        f"   {sheet.word('fax')} {sheet.phone(style['fax'])}"
    )
    if style["banner"] == "band":
        sheet.rect(LEFT, 100, RIGHT, 290, fill=sheet.colour, outline=None)
        page.text(LEFT + 40, 190, str(style["centre"]), "org_white", max_width=1800)
        page.text(LEFT + 40, 250, contact, "org_small_white", max_width=1850)
        _moon(sheet, RIGHT - 140, 195, 62, (255, 255, 255), sheet.colour)
    else:
        page.text(LEFT, 190, str(style["centre"]), "org", max_width=1800)
        page.text(LEFT, 240, contact, "org_small", max_width=1850)
        sheet.line(LEFT, 272, RIGHT, 272, width=6, fill=sheet.colour)
        sheet.line(LEFT, 286, RIGHT, 286, width=2, fill=sheet.colour)
        _moon(sheet, RIGHT - 140, 185, 62, sheet.colour, (255, 255, 255))
    page.text(LEFT, 390, sheet.word("title"), "title", max_width=1400)
    lines = render.wrap(page, sheet.word("intro"), "note", 1380)
    for k, line in enumerate(lines[:3]):
        page.text(LEFT, 446 + 34 * k, line, "note")
    # the office-use box
    x0, y0, x1, y1 = 1640.0, 320.0, RIGHT, 560.0
    sheet.rect(x0, y0, x1, y1, outline=GRID, width=2)
    page.text(x0 + 16, y0 + 36, sheet.word("office"), "colhead")
    sx = x0 + 330
    page.text(x0 + 16, y0 + 78, sheet.word("chart"), "cap")
    page.text(x0 + 16, y0 + 138, _text(extras.get("chart")), "value", max_width=sx - x0 - 40)
    page.text(sx, y0 + 78, sheet.word("scheduled"), "cap")
    page.text(sx, y0 + 138, sheet.date(extras.get("study_date")), "value", max_width=x1 - sx - 16)
    end = page.text(x0 + 16, y0 + 214, sheet.word("study"), "cap")
    study = extras.get("study")
    common.circled_options(
        page,
        end + 80,
        y0 + 214,
        [(str(k), text) for k, text in enumerate(STUDIES)],
        str(study) if isinstance(study, int) else None,
        face="cap",
        gap=64,
    )
    top = 590.0
    if style["date_place"] == "head":
        base = 630.0
        end = page.text(1640, base, f"{sheet.word('today')}:", "key", max_width=330)
        sheet.write(end + 20, RIGHT, base, sheet.date(fields.get("record_date")))
        top = 690.0
    return top


def _sex_cell(sheet: _Sheet, extras: Mapping[str, Any]) -> Content:
    sex = extras.get("sex")

    def draw(x0: float, x1: float, base: float) -> None:
        sheet.boxes(x0, base, sheet.parts("sex_options"), sex if isinstance(sex, int) else None)

    return draw


def _patient(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    style = sheet.style
    top = _section(sheet, top, "sec_patient", 1)
    if style["date_place"] == "table":
        top = _row(
            sheet,
            top,
            [
                (_label(sheet, "today"), sheet.date(fields.get("record_date"))),
                (_label(sheet, "referral"), _text(extras.get("referral"))),
            ],
        )
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        top = _row(sheet, top, [(_label(sheet, "last"), surname), (_label(sheet, "first"), given)])
    else:
        top = _row(sheet, top, [(_label(sheet, "full"), name)])
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "dob"), sheet.date(fields.get("birth_date"), short_year=False)),
            (_label(sheet, "age"), _text(extras.get("age"))),
        ],
    )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "sex"), _sex_cell(sheet, extras)),
            (_label(sheet, "neck"), _with_unit(extras.get("neck"), extras.get("neck_unit"))),
        ],
    )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "height"), _with_unit(fields.get("height"), extras.get("height_unit"))),
            (_label(sheet, "weight"), _with_unit(fields.get("weight"), extras.get("weight_unit"))),
        ],
    )
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        top = _row(sheet, top, [(_label(sheet, "address_one"), _text(fields.get("address")))])
    else:
        top = _row(sheet, top, [(_label(sheet, "street"), _text(lines[0]))])
        top = _row(
            sheet,
            top,
            [(_label(sheet, "city"), _text(lines[1])), (_label(sheet, "country"), _text(lines[2]))],
        )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "phone"), sheet.phone(fields.get("phone"))),
            (_label(sheet, "cell"), sheet.phone(extras.get("cell"))),
        ],
    )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "doctor"), _text(extras.get("doctor"))),
            (_label(sheet, "doctor_phone"), sheet.phone(extras.get("doctor_phone"))),
        ],
    )
    if style["date_place"] != "table":  # the referral keeps a row of its own
        top = _row(
            sheet,
            top,
            [
                (_label(sheet, "referral"), _text(extras.get("referral"))),
                (_label(sheet, "occupation"), _text(extras.get("occupation"))),
            ],
        )
    return top


def _contact(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = _section(sheet, top, "sec_contact", 2)
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "contact"), _text(fields.get("emergency_contact_name"))),
            (_label(sheet, "relation"), _text(extras.get("relation"))),
        ],
    )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "c_phone"), sheet.phone(fields.get("emergency_contact_phone"))),
            (_label(sheet, "c_work"), sheet.phone(extras.get("emergency_work_phone"))),
        ],
    )
    return _row(
        sheet, top, [(_label(sheet, "c_address"), _text(fields.get("emergency_contact_address")))]
    )


def _history(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = _section(sheet, top, "sec_history", 3)
    problems: Sequence[str] = fields.get("medical_problems") or []
    marked: Sequence[str] = extras.get("conditions_marked") or []
    answered_no = bool(extras.get("answered_no"))
    yes_w = 130.0
    halves = [(LEFT, MID), (MID, RIGHT)]
    head_h, row_h = 50.0, 64.0
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=sheet.tint, outline=None)
    for x0, x1 in halves:
        page.text(x0 + 16, top + 36, sheet.word("condition"), "colhead", max_width=x1 - x0 - 300)
        page.text(x1 - 2 * yes_w + yes_w / 2, top + 36, sheet.word("yes"), "colhead", anchor="ms")
        page.text(x1 - yes_w / 2, top + 36, sheet.word("no"), "colhead", anchor="ms")
    y = top + head_h
    sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for k, condition in enumerate(HISTORY_GRID):
        x0, x1 = halves[k % 2]
        base = y + row_h - 20
        page.text(x0 + 16, base, condition, "q", max_width=x1 - x0 - 2 * yes_w - 30)
        has = condition in marked
        for column, checked in ((0, has), (1, answered_no and not has)):
            cx = x1 - 2 * yes_w + column * yes_w + yes_w / 2
            common.checkbox(page, cx - 16, base + 4, checked=checked, mark=style["mark"], side=32)
        if k % 2 == 1:
            y += row_h
            sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for _x0, x1 in halves:
        for x in (x1 - 2 * yes_w, x1 - yes_w):
            sheet.line(x, top, x, y, width=1.5, fill=HAIR)
    sheet.line(MID, top, MID, y, width=2, fill=GRID)
    sheet.line(LEFT, top, LEFT, y, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, y, width=2, fill=GRID)
    written = [item for item in problems if item not in marked]
    other = ", ".join(written)
    if not problems:
        other = _text(style.get("empty_list"))
    return _row(sheet, y, [(_label(sheet, "other"), other)])


def _immunity(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    top = _section(sheet, top, "sec_immunity", 4)
    options = sheet.parts("status_set")
    first_w = 760.0
    col_w = (RIGHT - LEFT - first_w) / len(options)
    head_h, row_h = 50.0, 70.0
    ring = style["choice_mode"] == "ring"
    sheet.rect(LEFT, top, RIGHT, top + head_h, fill=sheet.tint, outline=None)
    page.text(LEFT + 16, top + 36, sheet.word("disease"), "colhead")
    if not ring:
        for k, text in enumerate(options):
            cx = LEFT + first_w + col_w * (k + 0.5)
            page.text(cx, top + 36, text, "colhead", anchor="ms")
    y = top + head_h
    sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for key, name in (("chicken", "chicken_pox"), ("measles", "measles")):
        base = y + row_h - 22
        page.text(LEFT + 16, base, sheet.word(key), "q", max_width=first_w - 30)
        unsure = bool(extras.get(f"{name}_unsure"))
        chosen = 2 if unsure else {"immune": 0, "not immune": 1}.get(_text(fields.get(name)))
        for k, text in enumerate(options):
            cx = LEFT + first_w + col_w * (k + 0.5)
            if ring:
                end = page.text(cx, base, text, "opt", anchor="ms")
                if k == chosen:
                    start = end - page.width(text, "opt")
                    page.ellipse_by_hand((start - 30, base - 50, end + 30, base + 20), sheet.ink())
            else:
                common.checkbox(
                    page, cx - 16, base + 4, checked=k == chosen, mark=style["mark"], side=32
                )
        y += row_h
        sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for k in range(len(options)):
        x = LEFT + first_w + col_w * k
        sheet.line(x, top, x, y, width=1.5, fill=HAIR)
    sheet.line(LEFT, top, LEFT, y, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, y, width=2, fill=GRID)
    # the hepatitis B question
    base = y + 78
    end = page.text(LEFT + 16, base, sheet.word("hep_b"), "q", max_width=1300)
    unsure = bool(extras.get("hepatitis_b_vaccination_unsure"))
    answer = fields.get("hepatitis_b_vaccination")
    chosen = 2 if unsure else {"yes": 0, "no": 1}.get(_text(answer))
    sheet.choices(max(end + 60, 1500.0), base, sheet.parts("yes_no_unsure"), chosen)
    return base + 40


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _record_head(sheet, fields, extras)
    top = _patient(sheet, fields, extras, top) + 30
    top = _contact(sheet, fields, extras, top) + 30
    top = _history(sheet, fields, extras, top) + 30
    _immunity(sheet, fields, extras, top)
    sheet.fine_print(sheet.word("fine"), 1)
    return page.image


# --- patient record: page 2 -----------------------------------------------------------------


def _yes_no_cell(sheet: _Sheet, chosen: int | None) -> Content:
    def draw(x0: float, x1: float, base: float) -> None:
        sheet.boxes(x0, base, sheet.parts("yes_no"), chosen)

    return draw


def _question_row(sheet: _Sheet, top: float, question: str, chosen: int | None) -> float:
    """A whole row holding a question and its yes / no boxes."""
    page = sheet.page
    rh = float(sheet.style["row_h"])
    bottom = top + rh
    base = bottom - 30
    end = page.text(LEFT + 16, base, question, "key", max_width=1300)
    sheet.boxes(max(end + 60, 1500.0), base, sheet.parts("yes_no"), chosen)
    sheet.line(LEFT, bottom, RIGHT, bottom, width=2, fill=GRID)
    sheet.line(LEFT, top, LEFT, bottom, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, bottom, width=2, fill=GRID)
    return bottom


def _insurance(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    top = _section(sheet, top, "sec_insurance", 5)
    answer = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    top = _question_row(sheet, top, sheet.word("q_insurance"), answer)
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "company"), _text(fields.get("insurance_company"))),
            (_label(sheet, "plan_phone"), sheet.phone(extras.get("plan_phone"))),
        ],
    )
    policy = _text(extras.get("policy_number_printed") or fields.get("policy_number"))
    top = _row(
        sheet,
        top,
        [(_label(sheet, "member"), policy), (_label(sheet, "group"), _text(extras.get("group")))],
    )
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "holder"), _text(extras.get("holder"))),
            (_label(sheet, "holder_rel"), _text(extras.get("holder_relation"))),
        ],
    )
    top = _row(sheet, top, [(_label(sheet, "claims"), _text(fields.get("insurance_address")))])
    top = _row(
        sheet,
        top,
        [
            (_label(sheet, "effective"), sheet.date(extras.get("effective"))),
            (_label(sheet, "expiry"), sheet.date(fields.get("insurance_expiry"))),
        ],
    )
    return _row(sheet, top, [(_label(sheet, "secondary"), _text(extras.get("secondary")))])


def _medicines(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    top = _section(sheet, top, "sec_meds", 6)
    medicines: Sequence[str] = fields.get("regular_medication") or []
    rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    no_meds = bool(extras.get("no_meds"))
    base = top + 62
    end = common.checkbox(
        page, LEFT + 16, base + 2, checked=no_meds, mark=sheet.style["mark"], side=32
    )
    page.text(end + 22, base, sheet.word("no_meds"), "opt")
    y = top + 90
    cols = (LEFT, LEFT + 820, LEFT + 1200, LEFT + 1700, RIGHT)
    sheet.rect(LEFT, y, RIGHT, y + 50, fill=sheet.tint, outline=None)
    for k, key in enumerate(("med", "strength", "how", "reason")):
        page.text(
            cols[k] + 16, y + 36, sheet.word(key), "colhead", max_width=cols[k + 1] - cols[k] - 30
        )
    head_top = y
    y += 50
    sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    empty = "" if no_meds else _text(sheet.style.get("empty_list"))
    for k in range(max(4, len(medicines))):
        b = y + 60
        if k < len(medicines):
            cells = [medicines[k], *(rows[k] if k < len(rows) else ())]
        else:
            cells = [empty] if k == 0 and not medicines else []
        for c, text in enumerate(cells[:4]):
            if text:
                page.text(cols[c] + 20, b, text, "value", max_width=cols[c + 1] - cols[c] - 40)
        y += 80
        sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for x in cols[1:-1]:
        sheet.line(x, head_top, x, y, width=1.5, fill=HAIR)
    sheet.line(LEFT, top, LEFT, y, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, y, width=2, fill=GRID)
    sheet.line(LEFT, y, RIGHT, y, width=2, fill=GRID)
    return y


def _allergies(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    top = _section(sheet, top, "sec_allergy", 7)
    allergies: Sequence[str] = fields.get("allergies") or []
    nka = bool(extras.get("nka"))
    rh = float(sheet.style["row_h"])
    base = top + rh - 30
    end = common.checkbox(page, LEFT + 16, base + 2, checked=nka, mark=sheet.style["mark"], side=32)
    page.text(end + 22, base, sheet.word("nka"), "key")
    sheet.line(LEFT, top, LEFT, top + rh, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, top + rh, width=2, fill=GRID)
    top += rh
    sheet.line(LEFT, top, RIGHT, top, width=2, fill=GRID)
    text = ", ".join(allergies)
    if not allergies and not nka:
        text = _text(sheet.style.get("empty_list"))
    top = _row(sheet, top, [(_label(sheet, "allergies"), text)])
    return _row(sheet, top, [(_label(sheet, "reaction"), _text(extras.get("reaction")))])


def _habits(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """Bedtime, wake time and caffeine in one row of three pairs."""
    page = sheet.page
    top = _section(sheet, top, "sec_habits", 8)
    rh = float(sheet.style["row_h"])
    bottom = top + rh
    third = (RIGHT - LEFT) / 3
    caffeine = extras.get("caffeine")
    cells = (
        ("bedtime", _text(extras.get("bedtime"))),
        ("wake", _text(extras.get("wake"))),
        ("caffeine", "" if caffeine is None else str(caffeine)),
    )
    for k, (key, value) in enumerate(cells):
        x0 = LEFT + k * third
        end = page.text(x0 + 16, bottom - 30, f"{sheet.word(key)}:", "key", max_width=third - 240)
        if value:
            page.text(end + 20, bottom - 28, value, "value", max_width=x0 + third - end - 40)
        if k:
            sheet.line(x0, top, x0, bottom, width=2, fill=GRID)
    sheet.line(LEFT, bottom, RIGHT, bottom, width=2, fill=GRID)
    sheet.line(LEFT, top, LEFT, bottom, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, bottom, width=2, fill=GRID)
    return bottom


def _scale(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    page = sheet.page
    style = sheet.style
    top = _section(sheet, top, "sec_scale", 9)
    lines = render.wrap(page, sheet.word("scale_note"), "note", RIGHT - LEFT - 40)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT + 16, top + 40 + 32 * k, line, "note")
    y = top + 40 + 32 * min(2, len(lines)) + 4
    col_w = 130.0
    first_x1 = RIGHT - 4 * col_w
    head_top = y
    sheet.rect(LEFT, y, RIGHT, y + 46, fill=sheet.tint, outline=None)
    page.text(LEFT + 16, y + 34, sheet.word("situation"), "colhead")
    ring = style["choice_mode"] == "ring"
    if not ring:
        for k in range(4):
            page.text(first_x1 + col_w * (k + 0.5), y + 34, str(k), "colhead", anchor="ms")
    y += 46
    sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    scale: Sequence[int | None] = extras.get("scale") or [None] * len(SLEEPINESS)
    row_h = 58.0
    for k, situation in enumerate(SLEEPINESS):
        base = y + row_h - 18
        page.text(LEFT + 16, base, f"{k + 1}. {situation}", "opt", max_width=first_x1 - LEFT - 30)
        chosen = scale[k] if k < len(scale) else None
        for n in range(4):
            cx = first_x1 + col_w * (n + 0.5)
            if ring:
                page.text(cx, base, str(n), "opt", anchor="ms")
                if n == chosen:
                    page.ellipse_by_hand((cx - 30, base - 40, cx + 30, base + 14), sheet.ink())
            else:
                common.checkbox(
                    page, cx - 15, base + 4, checked=n == chosen, mark=style["mark"], side=30
                )
        y += row_h
        sheet.line(LEFT, y, RIGHT, y, width=1.5, fill=HAIR)
    for n in range(4):
        x = first_x1 + col_w * n
        sheet.line(x, head_top, x, y, width=1.5, fill=HAIR)
    sheet.line(LEFT, top, LEFT, y, width=2, fill=GRID)
    sheet.line(RIGHT, top, RIGHT, y, width=2, fill=GRID)
    sheet.line(LEFT, y, RIGHT, y, width=2, fill=GRID)
    base = y + 70
    end = page.text(first_x1 - 260, base, f"{sheet.word('total')}:", "key", max_width=240)
    total = extras.get("scale_total")
    sheet.write(max(end + 16, first_x1), RIGHT, base, "" if total is None else str(total))
    return base + 30


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.text(LEFT, 180, str(style["centre"]), "org", size=40, max_width=1150)
    page.text(RIGHT, 180, sheet.word("title"), "title", anchor="rs", size=40, max_width=1000)
    sheet.line(LEFT, 206, RIGHT, 206, width=4, fill=sheet.colour)
    top = 236.0
    if style["running"]:
        base = top + 64
        end = page.text(LEFT, base, f"{sheet.word('running')}:", "key")
        sheet.write(end + 20, 1250, base, _text(fields.get("patient_name")))
        end = page.text(1320, base, f"{sheet.word('dob')}:", "key")
        sheet.write(end + 20, RIGHT, base, sheet.date(fields.get("birth_date"), short_year=False))
        top += 100
    top = _insurance(sheet, fields, extras, top + 10) + 24
    top = _medicines(sheet, fields, extras, top) + 24
    top = _allergies(sheet, fields, extras, top) + 24
    top = _habits(sheet, extras, top) + 24
    top = _scale(sheet, extras, top)
    base = min(max(top + 110, 2990.0), BOTTOM)
    sheet.line(LEFT, base + 14, LEFT + 1000, base + 14, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 560, base, sheet.ink())
    page.text(LEFT, base + 48, sheet.word("sign"), "note")
    end = page.text(1300, base, f"{sheet.word('sign_date')}:", "key")
    again = sheet.date(fields.get("record_date")) if extras.get("date_again") else ""
    sheet.write(end + 20, 2050, base, again)
    sheet.fine_print(sheet.word("fine"), 2)
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _stacked(sheet: _Sheet, x0: float, x1: float, base: float, label: str, value: str) -> None:
    """A small label over a rule, the value written on the rule."""
    sheet.page.text(x0, base - 62, label, "cap", max_width=x1 - x0)
    sheet.write(x0, x1, base, value)


def _rx_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    page = sheet.page
    style = sheet.style
    page.text(LEFT, 190, str(style["programme"]), "org", max_width=1400)
    lines = [
        str(style["sponsor"]),
        f"{sheet.word('dispatch')} {sheet.phone(style['phone'])}   "
        f"{sheet.word('fax')} {sheet.phone(style['fax'])}",
    ]
    if style.get("director"):
        lines.append(f"{sheet.word('director')}: {style['director']}")
    base = 244.0
    for line in lines:
        page.text(LEFT, base, line, "org_small", max_width=1400)
        base += 40
    # the framed title, the site and the date at the right
    x0, x1 = 1720.0, RIGHT
    sheet.rect(x0, 110, x1, 220, outline=sheet.colour, width=5)
    page.text((x0 + x1) / 2, 186, sheet.word("title"), "title", anchor="ms", max_width=x1 - x0 - 40)
    b = 300.0
    end = page.text(x0, b, f"{sheet.word('site')}:", "key", max_width=260)
    sheet.write(end + 16, x1, b, _text(extras.get("site")))
    if style["date_place"] == "head":
        b += 96
        end = page.text(x0, b, f"{sheet.word('date')}:", "key", max_width=260)
        sheet.write(end + 16, x1, b, sheet.date(fields.get("date")))
    top = max(base, b) + 40
    sheet.line(LEFT, top, RIGHT, top, width=4, fill=sheet.colour)
    return top


def _patient_panel(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> None:
    page = sheet.page
    style = sheet.style
    x0, x1 = LEFT, float(style["panel_x"]) - 50
    step = 160.0
    base = top + 130
    word = sheet.word
    _stacked(sheet, x0, x1, base, word("name"), _text(fields.get("patient_name")))
    base += step
    _stacked(
        sheet, x0, x1, base, word("dob"), sheet.date(extras.get("patient_dob"), short_year=False)
    )
    if style["date_place"] == "panel":
        base += step
        _stacked(sheet, x0, x1, base, word("date"), sheet.date(fields.get("date")))
    base += step
    address = _text(fields.get("patient_address"))
    lines = render.wrap(page, address, "value", x1 - x0 - 30) if address else []
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    _stacked(sheet, x0, x1, base, word("address"), lines[0] if lines else "")
    base += 96
    sheet.write(x0, x1, base, lines[1] if len(lines) > 1 else "")
    base += step
    _stacked(sheet, x0, x1, base, word("phone"), sheet.phone(extras.get("patient_phone")))
    base += step
    weight = extras.get("weight")
    _stacked(sheet, x0, x1, base, word("weight"), _with_unit(weight, extras.get("weight_unit")))
    base += step
    _stacked(sheet, x0, x1, base, word("allergies"), _text(extras.get("patient_allergies")))
    base += step
    _stacked(sheet, x0, x1, base, word("client_id"), _text(extras.get("client_id")))
    # the prescriber at the panel's foot
    base = 2560.0
    npi = _text(extras.get("npi"))
    if style["prescriber_place"] == "written":
        _stacked(sheet, x0, x1, base, word("clinician"), _text(fields.get("prescriber")))
        _stacked(sheet, x0, x1, base + step, word("npi"), npi)
        return
    ink = _rgb(style["stamp_ink"])
    stamp_tint = tuple(round(255 - (255 - c) * 0.08) for c in ink)
    title = fonts.family(style["title_font"])
    page.faces["stamp"] = render.Face(title.bold, 40, ink)
    page.faces["stamp_small"] = render.Face(title.regular, 28, ink)
    sheet.rect(x0, base - 90, x1, base + 110, fill=stamp_tint, outline=ink, width=4)
    sheet.rect(x0 + 10, base - 80, x1 - 10, base + 100, outline=ink, width=2)
    page.text(x0 + 34, base, _text(fields.get("prescriber")), "stamp", max_width=x1 - x0 - 68)
    if npi:
        page.text(x0 + 34, base + 60, f"NPI {npi}", "stamp_small", max_width=x1 - x0 - 68)


def _refills(sheet: _Sheet, refills: Any, x: float, x1: float, base: float) -> float:
    """The refills row, per form; returns the baseline of its last line."""
    page = sheet.page
    mode = sheet.style["refill_mode"]
    end = page.text(x, base, f"{sheet.word('refills')}:", "key")
    if mode == "line":
        sheet.write(end + 20, end + 200, base, _text(refills))
        if refills != "PRN":
            page.text(end + 220, base, sheet.word("times"), "q")
        return base
    options = ["0", "1", "2", "3", "4", "5", "PRN"]
    chosen = options.index(str(refills)) if str(refills) in options else None
    if mode == "ring":
        end = common.circled_options(
            page,
            end + 80,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            face="q",
            gap=64,
        )
    else:
        end = sheet.boxes(end + 30, base, options, chosen, face="q") + 40
    other = f"{sheet.word('other')}:"
    if end + page.width(other, "q") + 200 > x1:  # no room left on the line
        base += 84
        end = x + 40
    end = page.text(end, base, other, "q")
    written = "" if chosen is not None or refills is None else str(refills)
    sheet.write(end + 14, end + 180, base, written)
    return base


def _order_panel(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    x0, x1 = float(style["panel_x"]) + 50, RIGHT
    base = top + 150
    glyph = fonts.RX_GLYPH if style["rx"] == "glyph" else "Rx"
    page.add_face("rx", str(style["rx_font"] or style["title_font"]), 100, bold=glyph == "Rx")
    page.text(x0, base, glyph, "rx")
    base += 140
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    show_qty = bool(style["show_qty"])
    qty_x = x1 - 330
    for k in range(max(4, len(medicines))):
        page.text(x0, base, f"{k + 1}.", "key")
        end = qty_x - 30 if show_qty else x1
        sheet.line(x0 + 60, base + 14, end, base + 14, width=2, fill=HAIR)
        if k < len(medicines):
            page.text(x0 + 76, base, medicines[k], "value", max_width=end - x0 - 90)
        if show_qty:
            label_end = page.text(qty_x, base, f"{sheet.word('qty')}:", "key")
            sheet.line(label_end + 10, base + 14, x1, base + 14, width=2, fill=HAIR)
            if k < len(quantities) and k < len(medicines):
                page.text(
                    label_end + 20, base, quantities[k], "value", max_width=x1 - label_end - 30
                )
        base += 115
    base += 40
    page.text(x0, base, f"{sheet.word('directions')}:", "key")
    text = _text(fields.get("directions"))
    lines = render.wrap(page, text, "value", x1 - x0 - 40) if text else []
    count = max(int(style["direction_rules"]), len(lines))
    for k in range(count):
        sheet.write(x0, x1, base + 95 + k * 95, lines[k] if k < len(lines) else "")
    base += 95 + count * 95 + 70
    base = _refills(sheet, fields.get("refills"), x0, x1, base)
    base += 120
    end = page.text(x0, base, sheet.word("sub"), "q", max_width=700)
    sub = extras.get("substitution")
    sheet.boxes(end + 40, base, sheet.parts("yes_no"), sub if isinstance(sub, int) else None)
    base += 150
    _stacked(sheet, x0, x1, base, sheet.word("reason"), _text(extras.get("reason")))
    # an empty pharmacy-use box in what room is left
    y0 = base + 90
    y1 = min(y0 + 330, 2620.0)
    if y1 - y0 > 150:
        sheet.rect(x0, y0, x1, y1, outline=HAIR, width=2)
        page.text(x0 + 20, y0 + 44, sheet.word("pharmacy"), "colhead")
        third = (x1 - x0) / 3
        for k, key in enumerate(("filled", "rph", "rx_no")):
            page.text(x0 + 20 + k * third, y0 + 110, sheet.word(key), "cap")
            if y1 - y0 > 220:
                sheet.line(
                    x0 + 20 + k * third,
                    y1 - 40,
                    x0 + (k + 1) * third - 20,
                    y1 - 40,
                    width=1.5,
                    fill=HAIR,
                )
    return base


def _stub(sheet: _Sheet, extras: Mapping[str, Any]) -> None:
    """The dashed tear-off line and the reminder stub under it."""
    page = sheet.page
    style = sheet.style
    y = 2900.0
    note = sheet.word("tear")
    half = page.width(note, "cap") / 2 + 30
    centre = render.PAGE_WIDTH / 2
    x = LEFT
    while x < RIGHT:
        if x + 24 < centre - half or x > centre + half:
            sheet.line(x, y, min(x + 24, RIGHT), y, width=2, fill=(90, 90, 90))
        x += 44
    page.text(centre, y + 9, note, "cap", anchor="ms")
    base = y + 100
    end = page.text(LEFT, base, f"{sheet.word('next')}:", "key", max_width=420)
    sheet.write(end + 20, 1150, base, sheet.date(extras.get("next_visit")))
    end = page.text(1200, base, f"{sheet.word('time')}:", "key")
    sheet.write(end + 20, 1600, base, _text(extras.get("next_time")))
    end = page.text(1650, base, f"{sheet.word('place')}:", "key")
    sheet.write(end + 20, RIGHT, base, _text(extras.get("next_place")))
    base += 76
    page.text(
        LEFT, base, f"{sheet.word('questions')} {sheet.phone(style['phone'])}", "q", max_width=1600
    )


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    top = _rx_head(sheet, fields, extras)
    panel_x = float(style["panel_x"])
    sheet.line(panel_x, top + 30, panel_x, 2800, width=3, fill=sheet.colour)
    _patient_panel(sheet, fields, extras, top)
    _order_panel(sheet, fields, extras, top)
    # the signature across the order panel, the date beside it on some forms
    x0 = panel_x + 50
    base = 2740.0
    sign_end = RIGHT if style["date_place"] != "foot" else 1700.0
    sheet.line(x0, base + 14, sign_end, base + 14, width=2.5, fill=(60, 60, 60))
    page.scribble(x0 + 80, x0 + 560, base, sheet.ink())
    page.text(x0, base + 50, sheet.word("signature"), "note")
    if style["date_place"] == "foot":
        page.text(1760, base + 50, sheet.word("date"), "note")
        sheet.write(1760, RIGHT, base, sheet.date(fields.get("date")))
    _stub(sheet, extras)
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, 3200 + 27 * k, line, "fine")
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
