"""A rehabilitation clinic's intake and a government clinic's Rx blank.

Written blind as the held-out family of round 12 (then called ``heldout``): its author never read
the reader.

Neither document is a doctor's registration form or a doctor's own pad. The record is the
new-patient intake of an outpatient physical therapy and sports rehabilitation clinic, worded
for patients ("Best number to reach you", "Person we should call in an emergency"); the
prescription is the boxed, numbered-block prescription blank of a federal or tribal health
clinic, the kind whose blocks are filled in by the clinic and then by the pharmacy.

Patient record (two pages). Every page is headed by the clinic's emblem (a column of vertebrae in
a ring), its name, a line naming its services, its street and city and its printed telephone
and fax numbers (distractors); page 1 carries the form's title, a "please print" note and a
form code at the top right, page 2 a compact heading and "continued". Sections are numbered
in filled discs in the form's colour, the title beside the disc and a rule after it. Values
are written on rules after their labels, two or three blanks to a line, the labels drawn per
form from synonym lists (title case or capitals).

* A tinted *visit* band opens page 1: the referring physician and his or her telephone, the
  treating therapist, the reason for the visit and the date of injury or onset (all
  distractors); on the forms that print it there, the intake date (the record date). On the
  other forms the record date is written beside the patient's signature at the foot of page 1,
  under a sentence confirming the page.
* 1, about you: the name as one blank, or as a last-name blank and a "first name, M.I." blank
  (the truth is ``first M. last``); the date of birth, the age and the sex (boxes; distractors);
  the home address as one blank (street, city line and country on one line) or as a street
  blank and a city / state / ZIP blank with a country blank beside it; the best telephone
  number, with boxes for its kind (cell, home, work; a distractor) and an e-mail address (a
  distractor); height and weight (the unit written after the number) and the occupation (a
  distractor).
* 2, emergency contact: name and relationship (a distractor); the home telephone
  (``emergency_contact_phone``) and a cell / work telephone (a distractor); the address.
* 3, immunity: per form one of three ways of answering. *True / false statements* ("I am immune
  to measles.") marked by a hand-drawn X in a T, F or ? column of a ruled table, or by a ring
  around a printed T, F or ?: true is ``immune`` (or ``yes`` for the hepatitis B statement),
  false ``not immune`` (``no``). Or *initials*: each disease row prints its options (immune,
  not immune, don't know; yes, no, not sure) each with a short blank, and the patient wrote
  their initials on the chosen one. Mumps and a tetanus shot in the last ten years are rows of
  their own on some forms (distractors). A question marked ?, don't know or not sure, or not
  answered, is out of the truth.
* 4, health history: either a printed list of twelve conditions of which the patient circled
  those that apply, an "other" blank for the rest and a "none of these" box (the truth lists the
  circled conditions in printed order, then the written ones; a copy filled in a capitals-only
  hand writes them all on the "other" blank), or a question with the list written on two rules
  (or the document's word for none). Under it, "how did you hear about us?" with four boxes (a
  distractor).

Page 2 may repeat the patient's name and date of birth on a running line. 5, your condition: how
the trouble started (a written distractor), the pain today and at its worst on printed 0-10
scales with one number ringed (distractors), and a body chart (front and back figures) on
which the patient drew crosses over the painful places. 6, insurance: the insurance question
answered the same way as the immunity statements ("I have health insurance."); the company,
the member ID (``policy_number``, printed separators kept), a group number, the subscriber
and, when not the patient, the subscriber's date of birth (distractors); the claims address
from the back of the card; the date the coverage ends; whether the visit is related to an
auto accident or a work injury (boxes) with a claim number (distractors); an empty secondary
insurance line. 7, allergies: a question with a "no known allergies" box (ticked for the empty
list) and the allergies written on a rule (or the document's word for none). 8, medications:
either a table of medicine, dose and how often (the truth is the names; an empty list is the
word for none in the first row, or nothing) or the names written on two rules. 9, a financial
and consent paragraph, the signature and the date signed (the record date again, or blank).
A footer carries the form code, the clinic and the page number.

Prescription (one page): a boxed government form with numbered blocks, thick outer border.
Along the top: the service's name in small capitals and the clinic's name in the form's colour
(a distractor), with the title ``PRESCRIPTION`` and the form number at the right. Block 1,
"For (full name, address & phone number)", is either one open block in which the name, the
address (over one or two lines, broken at commas) and the patient's telephone (a distractor)
are written one under the other with no labels of their own, with an age written after "Age"
for young children; or ruled rows (patient name with an ID number, address, telephone). At the
right, block 2 is the medical facility, stamped in purple or printed, and block 3 the date. The
℞ (or ``Rx``) area has a sub-label and a quantity column: the medicines one a line with a
quantity each (distractors); then "Sig" with the directions on three rules; a "substitution
permitted" box; the refills as a ticked box among ``0 1 2 3 4 5 PRN`` with an "other" blank
(a number written there when not among them), or written in a box. Block 7, "Prescribed by",
has the signature and under it the prescriber's name typed in a monospace face or written by
hand, with the provider's NPI and DEA numbers beside it (distractors). The pharmacy's block
at the foot has the manufacturer, the lot number, an expiry date, the pharmacist's initials
and the date filled (all distractors, blank on a copy not yet filled). Fine print and the
form's edition run along the bottom.
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
GRID = (70, 70, 70)
RULE = (125, 125, 125)
STAMP = (110, 60, 160)

# fmt: off
CLINICS = (
    "Northgate Physical Therapy", "Lakeside Sports Rehab", "Summit Spine & Sport",
    "Riverbend Rehabilitation", "Cornerstone Physical Therapy", "Peak Motion Therapy",
    "Harbor Point PT & Wellness", "Oak Valley Rehab Center", "Keystone Orthopedic Rehab",
)
SERVICES = (
    "Physical Therapy | Sports Medicine | Hand Therapy",
    "Orthopedic and Sports Rehabilitation",
    "Outpatient Physical & Occupational Therapy",
    "Spine Care | Post-Surgical Rehab | Dry Needling",
)
AGENCIES = (
    "FEDERAL HEALTH SERVICE", "COMMUNITY HEALTH SERVICE", "PUBLIC HEALTH SERVICE",
    "MILITARY HEALTH SYSTEM", "TRIBAL HEALTH PROGRAM",
)
FACILITIES = (
    "Fort Alder Army Health Clinic", "Kings Harbor Naval Branch Clinic",
    "Cedar Ridge Tribal Health Center", "Riverside Community Clinic",
    "Pine Bluff Federal Health Center", "Mesa Verde Indian Health Clinic",
    "Great Lakes Branch Health Clinic", "Elmwood Outpatient Clinic",
)
PRINTED_CONDITIONS = (
    "Asthma", "Diabetes", "High blood pressure", "Heart disease", "Arthritis", "Osteoporosis",
    "Seizures", "Cancer", "Stroke", "Migraine", "Depression", "Back pain",
)
OTHER_CONDITIONS = tuple(c for c in values.CONDITIONS if c not in PRINTED_CONDITIONS)
COMPLAINTS = (
    "Low back pain", "Right knee pain", "Left shoulder pain", "Neck pain", "Ankle sprain",
    "Post-op ACL repair", "Hip pain", "Tennis elbow", "Sciatica", "Rotator cuff repair",
    "Plantar fasciitis", "Wrist fracture rehab", "Balance problems",
)
STORIES = (
    "Lifting boxes at work", "Slipped on ice", "Playing basketball", "Car accident",
    "No injury, came on slowly", "Fell down the stairs", "After my surgery", "Running",
    "Gardening over the weekend", "Woke up with it", "Moving furniture",
)
OCCUPATIONS = (
    "Teacher", "Nurse", "Warehouse associate", "Retired", "Student", "Electrician",
    "Office manager", "Truck driver", "Barista", "Software developer", "Mail carrier",
    "Homemaker", "Carpenter", "Cashier",
)
RELATIONS = (
    "Spouse", "Wife", "Husband", "Mother", "Father", "Daughter", "Son", "Sister", "Brother",
    "Partner", "Friend", "Neighbor",
)
FREQUENCIES = ("once a day", "twice a day", "at bedtime", "as needed", "every morning", "BID",
               "daily", "3x a day", "weekly")
HEARD = ("My doctor", "Friend or family", "Internet", "Insurance")
MANUFACTURERS = ("Teva", "Mylan", "Sandoz", "Apotex", "Aurobindo", "Lupin", "Zydus", "Cipla")
COLOURS = ([0, 105, 120], [30, 80, 150], [120, 40, 60], [50, 110, 60], [100, 70, 30])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_slash", "mdy_short", "mdy_short", "mdy_long",
                "mdy_plain", "dmy_text", "dmy_slash", "iso")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("New Patient Intake", "Patient Intake Form", "New Patient Questionnaire"),
    "print": ("Please print clearly.", "Please print and bring to your first visit."),
    "visit": ("About this visit", "Your visit", "Visit information"),
    "record_date": ("Today's date", "Intake date", "Date of first visit"),
    "ref_doc": ("Referring physician", "Referred by (doctor)", "Physician who referred you"),
    "ref_phone": ("Phone", "Doctor's phone", "Tel."),
    "therapist": ("Therapist", "Your therapist", "Treating PT"),
    "onset": ("Date of injury / onset", "When did it start?", "Injury date"),
    "complaint": ("Reason for visit", "Main problem", "What brings you in?"),
    "sec_you": ("About You", "Patient Information", "Your Information"),
    "name": ("Full legal name", "Your full name", "Patient name (first, middle, last)"),
    "last": ("Last name", "Family name"),
    "first": ("First name, M.I.", "First name & middle initial", "Given name, M.I."),
    "dob": ("Date of birth", "Birthdate", "DOB"),
    "age": ("Age", "Age (yrs)"),
    "sex": ("Sex", "Gender"),
    "address_one": ("Home address", "Mailing address", "Where do you live?"),
    "street": ("Street address", "Home street address", "Street"),
    "city": ("City, State, ZIP", "City / State / Zip", "Town, state and ZIP"),
    "country": ("Country", "Country (if not USA)"),
    "phone": ("Best number to reach you", "Best phone number", "Phone where we can reach you"),
    "email": ("E-mail", "Email address"),
    "height": ("Height", "Ht."),
    "weight": ("Weight", "Wt."),
    "occupation": ("Occupation", "Job / occupation", "What do you do for work?"),
    "sec_contact": ("Emergency Contact", "In Case of Emergency", "Who Should We Call?"),
    "contact": ("Person we should call in an emergency", "Emergency contact name", "Contact"),
    "relation": ("Relationship", "Relation to you"),
    "contact_home": ("Home phone", "Home tel.", "Phone (home)"),
    "contact_other": ("Cell / work phone", "Other phone", "Phone (cell or work)"),
    "contact_address": ("Their address", "Address", "Contact's address"),
    "sec_immun": ("Immunity", "Immunity and Vaccines", "Shots and Immunity"),
    "sec_history": ("Health History", "Your Health", "Medical Conditions"),
    "circle_q": (
        "Circle any condition you have now or have had:",
        "Please circle all that apply to you:",
    ),
    "heard": ("How did you hear about us?", "How did you find our clinic?"),
    "none_of_these": ("None of these", "None of the above"),
    "other": ("Other", "Other conditions", "Anything else"),
    "problems_q": (
        "List any medical conditions you are being treated for (heart, lungs, diabetes, "
        "arthritis, other):",
        "Do you have any medical conditions? Please list them:",
    ),
    "confirm": (
        "I confirm that the information on this page is complete and correct.",
        "The information above is true to the best of my knowledge.",
    ),
    "signature": ("Patient signature", "Signature of patient or guardian", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "continued": ("continued", "page 2", "(continued)"),
    "running_name": ("Patient name", "Name"),
    "running_dob": ("Date of birth", "DOB"),
    "sec_condition": ("Your Condition", "About Your Pain", "Your Problem Today"),
    "story": ("How did it start?", "How did this happen?", "Describe how it began"),
    "pain_now": ("Pain today (circle one)", "Pain right now", "Pain level today"),
    "pain_worst": ("Pain at its worst", "Worst pain this week"),
    "chart": ("Mark with an X where you feel pain", "Show us where it hurts (X)"),
    "front": ("Front", "FRONT"),
    "back": ("Back", "BACK"),
    "sec_insurance": ("Insurance and Billing", "Insurance", "Billing Information"),
    "company": ("Primary insurance company", "Insurance carrier", "Health plan"),
    "member": ("Member ID #", "Member / policy no.", "Subscriber ID"),
    "group": ("Group #", "Group no."),
    "holder": ("Subscriber (policy holder)", "Insured person", "Policy holder"),
    "holder_dob": ("Subscriber DOB", "Holder's birthdate"),
    "claims": ("Claims address (back of card)", "Send claims to", "Insurance mailing address"),
    "expiry": ("Coverage ends", "Card expires", "Plan valid through"),
    "related": ("Is this visit related to", "Is your injury due to"),
    "auto": ("an auto accident", "a car accident"),
    "work": ("a work injury", "workers' comp"),
    "neither": ("neither", "no"),
    "claim_no": ("Claim #", "Claim no."),
    "secondary": ("Secondary insurance", "Other insurance"),
    "secondary_id": ("ID #", "Member ID"),
    "sec_allergy": ("Allergies", "Allergies and Sensitivities"),
    "allergy_q": (
        "Are you allergic to any medicine, latex, adhesive tape or food? List:",
        "List anything you are allergic to:",
        "Allergies (medications, latex, foods):",
    ),
    "nka": ("No known allergies", "I have no allergies"),
    "sec_meds": ("Medications", "Medicines You Take", "Current Medications"),
    "med_col": ("Medication", "Medicine name"),
    "dose_col": ("Dose", "Strength"),
    "freq_col": ("How often", "When taken"),
    "meds_q": ("List the medicines you take regularly:", "What medicines do you take?"),
    "sec_consent": ("Consent and Financial Policy", "Authorization", "Signature"),
    "consent": (
        "I consent to evaluation and treatment by the therapists of this clinic. I authorize the "
        "release of information needed to process my insurance claims and I understand that I "
        "am responsible for any balance my plan does not pay.",
        "I agree to physical therapy evaluation and treatment. I assign my insurance benefits to "
        "the clinic and accept responsibility for co-pays, deductibles and missed visits "
        "cancelled with less than 24 hours notice.",
    ),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "for": (
        "1. FOR (Full name, address & phone number) (If under 12, give age)",
        "1. PATIENT (Name, address and telephone) (Age if under 12)",
    ),
    "for_name": ("Patient name", "Name (first, last)"),
    "for_id": ("ID No.", "Patient ID", "Beneficiary No."),
    "for_address": ("Address", "Home address"),
    "for_phone": ("Telephone", "Phone"),
    "age": ("Age", "Age (if under 12)"),
    "facility": ("2. MEDICAL FACILITY", "2. CLINIC / FACILITY"),
    "date": ("3. DATE", "3. DATE WRITTEN"),
    "date_inline": ("Date:", "Date written:"),
    "rx": ("4. (Medication, strength, dosage form)", "4. INSCRIPTION (Drug, strength, form)"),
    "qty": ("QTY", "Disp."),
    "sig": ("5. SIG", "5. SIGNA (Directions)", "5. DIRECTIONS"),
    "substitute": ("Substitution permitted", "Generic substitution OK"),
    "refills": ("6. REFILLS", "6. NUMBER OF REFILLS"),
    "other": ("Other:", "or"),
    "prescribed": ("7. PRESCRIBED BY (Signature, name, title)", "7. PRESCRIBER"),
    "npi": ("NPI", "NPI No."),
    "dea": ("DEA No.", "DEA"),
    "pharmacy": ("FOR PHARMACY USE ONLY", "PHARMACY USE"),
    "manufacturer": ("MANUFACTURER", "MFR"),
    "lot": ("LOT NO.", "LOT"),
    "exp": ("EXP DATE", "EXPIRES"),
    "filled_by": ("FILLED BY", "RPH"),
    "filled_on": ("DATE FILLED", "FILLED ON"),
    "fine": (
        "Prescriptions for controlled substances must be signed by the prescriber and presented "
        "within 7 days. Schedule II prescriptions may not be refilled.",
        "This prescription is valid for one year from the date written unless otherwise "
        "noted. Present your identification card when you pick up your medicine.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _phone(rnd: random.Random) -> str:
    return values.phone_number(rnd)


def _other_person(rnd: random.Random, taken: Sequence[str], last: str | None = None) -> str:
    name = values.person_name(rnd, last)
    while name in taken:
        name = values.person_name(rnd)
    return name


def _initials(name: str, dotted: bool) -> str:
    letters = [part[0].upper() for part in name.split() if part[0].isalpha()]
    return "".join(f"{c}." for c in letters) if dotted else "".join(letters)


def _phone_forms(canonical: str) -> list[str]:
    """The ways a hand here writes a number besides the document's phone style."""
    digits = "".join(c for c in canonical if c.isdigit())
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return [f"{a}/{b}-{c}", f"1-{a}-{b}-{c}"]


def _with_printed_phones(extras: dict[str, Any], phones: Sequence[str | None]) -> None:
    """Keep every form a phone of this document may be written in (its habit decides which)."""
    printed: list[str] = []
    for phone in phones:
        if phone:
            printed.extend(_phone_forms(phone))
    extras["phones_written"] = printed


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(42, 48)
    )
    printed = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice(printed)
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", "n/a", ""))
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["row_h"] = rnd.randint(92, 102)
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            agency=rnd.choice(AGENCIES),
            facility=rnd.choice(FACILITIES),
            form_no=f"Form {rnd.choice(('FHS', 'HS', 'DH', 'PHS'))} {rnd.randint(1200, 1299)}",
            edition=f"{rnd.choice(common.MONTHS)[:3].upper()} {rnd.randint(2008, 2020)}",
            for_mode=rnd.choice(("block", "block", "rows")),
            facility_mode=rnd.choice(("stamp", "printed")),
            date_place=rnd.choice(("box", "box", "rx")),
            refill_mode=rnd.choice(("boxes", "write")),
            prescriber_mode=rnd.choice(("typed", "written")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.6,
            med_rows=rnd.choice((4, 5)),
        )
        style["prescriber_written"] = style["prescriber_mode"] == "written"
        return style
    name = rnd.choice(CLINICS)
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        clinic={
            "name": name,
            "services": rnd.choice(SERVICES),
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": _phone(rnd),
            "fax": _phone(rnd),
        },
        form_code=f"{rnd.choice(('PT', 'INT', 'REG', 'NP'))}-{rnd.randint(100, 999)}"
        f" rev {rnd.randint(1, 12)}/{rnd.randint(17, 24)}",
        date_place=rnd.choice(("band", "band", "sign")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        choice=rnd.choice(("tf_cols", "tf_circle", "initials")),
        show_mumps=rnd.random() < 0.5,
        show_tetanus=rnd.random() < 0.5,
        problems_mode=rnd.choice(("circle", "circle", "lines")),
        meds_mode=rnd.choice(("table", "table", "lines")),
        running=rnd.random() < 0.6,
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
    birth = _between(rnd, dt.date(1934, 1, 1), dt.date(2012, 12, 31))
    last = rnd.choice(values.LAST_NAMES)
    fields: dict[str, Any] = {
        "record_date": record.isoformat(),
        "patient_name": values.person_name(rnd, last),
        "birth_date": birth.isoformat(),
    }
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    if birth >= record:
        birth = record - dt.timedelta(days=3000)
        fields["birth_date"] = birth.isoformat()
    if rnd.random() < 0.9:
        fields["phone"] = _phone(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.7:
        lines.append(rnd.choice(("USA", "United States", "U.S.A.")))
    fields["address"] = ", ".join(lines)
    age = (record - birth).days // 365
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.85:
        fields["height"] = height
    first = fields["patient_name"].split()[0]
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "phone_habit": rnd.choice(("style", "style", "slash", "one")),
        "age": age if rnd.random() < 0.75 else None,
        "sex": rnd.choice(("M", "F")) if rnd.random() < 0.9 else None,
        "phone_kind": rnd.choice(("Cell", "Home", "Work")) if rnd.random() < 0.8 else None,
        "email": f"{first.lower()}.{last.lower()}{rnd.randint(1, 99)}@"
        f"{rnd.choice(('mail.com', 'inbox.net', 'example.org', 'webmail.us'))}"
        if rnd.random() < 0.6
        else None,
        "occupation": (rnd.choice(OCCUPATIONS) if age >= 18 else "Student")
        if rnd.random() < 0.7
        else None,
        "ref_doc": f"Dr. {rnd.choice(values.FIRST_NAMES)[0]}. {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.85
        else None,
        "therapist": f"{values.person_name(rnd)}, {rnd.choice(('PT', 'PT, DPT', 'MPT'))}"
        if rnd.random() < 0.6
        else None,
        "complaint": rnd.choice(COMPLAINTS) if rnd.random() < 0.9 else None,
        "onset": (record - dt.timedelta(days=rnd.randint(3, 300))).isoformat()
        if rnd.random() < 0.8
        else None,
        "initials": _initials(fields["patient_name"], rnd.random() < 0.6),
    }
    extras["ref_phone"] = _phone(rnd) if extras["ref_doc"] and rnd.random() < 0.7 else None
    if rnd.random() < 0.93:
        fields["emergency_contact_name"] = _other_person(
            rnd, [fields["patient_name"]], last if rnd.random() < 0.6 else None
        )
        extras["contact_relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = _phone(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = _phone(rnd)
        if rnd.random() < 0.8:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.25 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles", "mumps"):
        roll = rnd.random()
        status = "immune" if roll < 0.66 else "not immune" if roll < 0.86 else None
        if status is None and rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
        if name == "mumps":
            extras["mumps_status"] = status
        elif status:
            fields[name] = status
    for name in ("hepatitis_b_vaccination", "tetanus"):
        roll = rnd.random()
        answer = "yes" if roll < 0.58 else "no" if roll < 0.88 else None
        if answer is None and rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
        if name == "tetanus":
            extras["tetanus_status"] = answer
        elif answer:
            fields[name] = answer
    all_caps = fonts.family(style["value_font"]).all_caps
    if style["problems_mode"] == "circle" and not all_caps:
        circled = [c for c in PRINTED_CONDITIONS if rnd.random() < 0.12][:3]
        other = rnd.sample(OTHER_CONDITIONS, rnd.choice((0, 0, 0, 1, 2)))
        problems = [] if rnd.random() < 0.3 else circled + other
    else:
        problems = values._pick_some(rnd, values.CONDITIONS, 0.4, 3)
    # the printed list's conditions first, in its order, then the others as written
    fields["medical_problems"] = [c for c in PRINTED_CONDITIONS if c in problems] + [
        p for p in problems if p not in PRINTED_CONDITIONS
    ]
    extras["heard"] = rnd.choice(HEARD) if rnd.random() < 0.7 else None
    extras["story"] = rnd.choice(STORIES) if rnd.random() < 0.75 else None
    extras["pain_now"] = rnd.randint(1, 8) if rnd.random() < 0.85 else None
    extras["pain_worst"] = (
        min(10, (extras["pain_now"] or 3) + rnd.randint(0, 4)) if rnd.random() < 0.7 else None
    )
    extras["pain_marks"] = [
        [rnd.choice(("front", "back")), round(rnd.uniform(0.25, 0.75), 3), rnd.uniform(0.1, 0.9)]
        for _ in range(rnd.choice((0, 1, 1, 2, 2, 3)))
    ]
    for mark in extras["pain_marks"]:
        mark[2] = round(mark[2], 3)
    # page 2
    roll = rnd.random()
    if roll < 0.8:
        fields["has_insurance"] = "yes"
    elif roll < 0.94:
        fields["has_insurance"] = "no"
    elif rnd.random() < 0.6:
        extras["has_insurance_unsure"] = True
    taken = [fields["patient_name"], fields.get("emergency_contact_name", "")]
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
                record + dt.timedelta(days=rnd.randint(40, 1000))
            ).isoformat()
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{rnd.randint(10000, 999999)}"
            if rnd.random() < 0.7
            else None
        )
        holder_self = rnd.random() < 0.55
        extras["holder"] = (
            rnd.choice(("Self", "SELF", "same"))
            if holder_self
            else _other_person(rnd, taken, last if rnd.random() < 0.7 else None)
        )
        extras["holder_birth"] = (
            _between(rnd, dt.date(1940, 1, 1), dt.date(2000, 12, 31)).isoformat()
            if not holder_self and rnd.random() < 0.7
            else None
        )
    related = {"Car accident": "auto", "Lifting boxes at work": "work"}.get(
        extras["story"] or "", rnd.choice(("neither", "neither", "work", "auto", None))
    )
    extras["related"] = related
    extras["claim_no"] = (
        f"{rnd.choice(('WC', 'A', 'CL'))}{rnd.randint(100000, 9999999)}"
        if related in ("work", "auto") and rnd.random() < 0.7
        else None
    )
    fields["allergies"] = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    extras["nka_box"] = not fields["allergies"] and rnd.random() < 0.7
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 3))
    fields["regular_medication"] = [] if rnd.random() < 0.4 else [d[0] for d in drugs]
    extras["med_details"] = [
        [f"{rnd.choice(d[1])} {d[2]}" if rnd.random() < 0.85 else "", rnd.choice(FREQUENCIES)]
        for d in drugs
    ]
    extras["signed_date"] = record.isoformat() if rnd.random() < 0.75 else None
    _with_printed_phones(
        extras,
        [
            fields.get("phone"),
            fields.get("emergency_contact_phone"),
            extras.get("emergency_work_phone"),
            extras.get("ref_phone"),
        ],
    )
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
        "patient_name": values.person_name(rnd),
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
        quantities.append(rnd.choice((str(count), f"#{count}", f"({count})")))
    filled = rnd.random() < 0.55
    extras: dict[str, Any] = {
        "phone_habit": rnd.choice(("style", "style", "slash", "one")),
        "patient_phone": _phone(rnd) if rnd.random() < 0.7 else None,
        "age": f"{rnd.randint(2, 11)} yrs" if rnd.random() < 0.15 else None,
        "patient_id": f"{rnd.randint(10**9, 10**10 - 1)}" if rnd.random() < 0.8 else None,
        "quantities": quantities,
        "substitute": rnd.random() < 0.6,
        "npi": f"1{rnd.randint(100000000, 999999999)}" if rnd.random() < 0.8 else None,
        "dea": f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}"
        f"{rnd.randint(1000000, 9999999)}"
        if rnd.random() < 0.5
        else None,
        "manufacturer": rnd.choice(MANUFACTURERS) if filled else None,
        "lot": f"{rnd.choice('ABCDEFGHKLMNPRT')}{rnd.randint(1000, 99999)}{rnd.choice('ABC')}"
        if filled
        else None,
        "exp": (written + dt.timedelta(days=rnd.randint(300, 900))).isoformat() if filled else None,
        "filled_by": f"{rnd.choice('ABCDEGJKLMNPRST')}{rnd.choice('ABCDEGJKLMNPRST')}"
        if filled
        else None,
        "filled_on": (written + dt.timedelta(days=rnd.randint(1, 6))).isoformat()
        if filled
        else None,
    }
    _with_printed_phones(extras, [extras["patient_phone"]])
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


def _mono() -> fonts.FontFamily:
    for item in fonts.installed_families():
        if item.name == "Liberation Mono":
            return item
    return fonts.families(handwriting=False)[0]


class _Form(common.Drawing):
    """One page of the forms: its faces and the ways it draws blanks, boxes and answers."""

    def __init__(self, dpi: int, style: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.extras = extras
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.tint = tuple(round(255 - (255 - c) * 0.11) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, DARK
        )
        faces["plain"] = render.Face(label.regular, size, DARK)
        faces["block"] = render.Face(label.bold, 27, (40, 40, 40))
        faces["head"] = render.Face(title.bold, 42, self.colour)
        faces["disc"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 50, DARK)
        faces["big"] = render.Face(title.bold, 64, DARK)
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (75, 75, 75))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        mono = _mono()
        faces["typed"] = render.Face(mono.regular, 40, (30, 30, 30))
        faces["stamp"] = render.Face(mono.bold, 34, STAMP)
        self.row_h = float(style["row_h"])
        self.section = 0

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
        if not canonical:
            return None
        habit = self.extras.get("phone_habit", "style")
        if habit == "slash":
            return _phone_forms(canonical)[0]
        if habit == "one":
            return _phone_forms(canonical)[1]
        return common.phone_text(canonical, self.style)

    # lines and shapes

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: Any = None,
        outline: Any = GRID,
        width: float = 2,
    ) -> None:
        page = self.page
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            fill=fill,
            outline=outline,
            width=max(1, page.px(width)),
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

    def ring(self, x0: float, base: float, x1: float, face: str = "plain") -> None:
        """A hand-drawn loop around a printed word at baseline ``base``."""
        size = self.page.faces[face].size
        self.page.ellipse_by_hand((x0 - 22, base - size - 18, x1 + 22, base + 18), self.ink())

    def box(self, x: float, base: float, checked: bool) -> float:
        return common.checkbox(
            self.page, x, base, checked=checked, mark=self.style["mark"], side=38
        )

    def blank(
        self,
        x: float,
        base: float,
        label: str,
        value: str | None,
        end: float,
        face: str = "label",
    ) -> None:
        """``Label ______`` with the value written on the rule (the rule below its baseline)."""
        page = self.page
        start = page.text(x, base, label, face) + 18
        self.line(start, base + 24, end, base + 24, width=2, fill=RULE)
        if value:
            page.text(start + 14, base, value, "value", max_width=max(40.0, end - start - 24))

    def row(
        self,
        base: float,
        items: Sequence[tuple[str, str | None, float]],
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> float:
        """A line of blanks sharing the width by their shares; returns the next baseline.

        An item with neither label nor value only keeps its share of the line free.
        """
        total = sum(share for _, _, share in items)
        x = x0
        for label, value, share in items:
            end = x + (x1 - x0) * share / total
            if label or value:
                self.blank(x, base, label, value, end - 40)
            x = end
        return base + self.row_h

    def boxes(
        self, x: float, base: float, label: str, options: Sequence[str], chosen: str | None
    ) -> float:
        """``Label [ ] A [ ] B``: returns where it ends."""
        page = self.page
        x = page.text(x, base, label, "label") + 36
        for option in options:
            x = self.box(x, base, option == chosen)
            x = page.text(x + 14, base, option, "plain") + 34
        return x

    def heading(self, y: float, key: str) -> float:
        """A numbered disc and a section title at ``y`` (its top); returns the next baseline."""
        page = self.page
        self.section += 1
        r = 28.0
        cx, cy = LEFT + r, y + r
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=self.colour
        )
        page.text(cx, cy + 12, str(self.section), "disc", anchor="ms")
        end = page.text(LEFT + 2 * r + 24, cy + 15, self.word(key).upper(), "head")
        self.line(end + 30, cy + 4, RIGHT, cy + 4, width=3, fill=self.colour)
        return y + 2 * r + 70

    def wrapped(
        self, x: float, base: float, text: str, face: str, width: float, gap: float = 40
    ) -> float:
        """Printed text wrapped at ``width``; returns the last line's baseline."""
        rows = render.wrap(self.page, text, face, width)
        for k, row in enumerate(rows):
            self.page.text(x, base + k * gap, row, face, max_width=width)
        return base + (len(rows) - 1) * gap

    def lines_of(
        self, base: float, text: str | None, x0: float, x1: float, count: int, gap: float = 84
    ) -> float:
        """``count`` writing rules from baseline ``base`` with ``text`` wrapped on them."""
        page = self.page
        rows = render.wrap(page, text, "value", x1 - x0 - 60) if text else []
        for k in range(max(count, len(rows))):
            line_base = base + k * gap
            self.line(x0, line_base + 24, x1, line_base + 24, width=2, fill=RULE)
            if k < len(rows):
                page.text(x0 + 20, line_base, rows[k], "value", max_width=x1 - x0 - 40)
        return base + max(count, len(rows)) * gap


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _answer(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str | None:
    """A choice's answer: the field, a distractor's status, ``unsure`` or none."""
    if extras.get(f"{name}_unsure"):
        return "unsure"
    value = fields.get(name) or extras.get(f"{name}_status")
    return str(value) if value else None


def _comma_lines(form: _Form, text: str | None, width: float, most: int) -> list[str]:
    """A one-line address written over up to ``most`` lines, broken at its commas."""
    if not text:
        return []
    lines: list[str] = []
    for part in text.split(", "):
        if lines and (
            len(lines) >= most or form.page.width(f"{lines[-1]}, {part}", "value") <= width
        ):
            lines[-1] = f"{lines[-1]}, {part}"
        else:
            lines.append(part)
    return lines


# --- the record -----------------------------------------------------------------------------

_STATEMENTS: dict[str, tuple[str, str]] = {
    # name: (statement when true, disease or question for the initials rows)
    "chicken_pox": ("I am immune to chickenpox (varicella).", "Chickenpox (varicella)"),
    "measles": ("I am immune to measles (rubeola).", "Measles"),
    "mumps": ("I am immune to mumps.", "Mumps"),
    "hepatitis_b_vaccination": (
        "I have completed the hepatitis B vaccine series.",
        "Hepatitis B vaccine series done?",
    ),
    "tetanus": ("I have had a tetanus shot in the last 10 years.", "Tetanus shot, last 10 yrs?"),
    "has_insurance": ("I have health insurance.", "Do you have health insurance?"),
}
_YES_NO = frozenset({"hepatitis_b_vaccination", "tetanus", "has_insurance"})


def _tf_key(answer: str | None) -> str | None:
    return {"immune": "T", "yes": "T", "not immune": "F", "no": "F", "unsure": "?"}.get(
        answer or ""
    )


def _choice_intro(form: _Form, *, short: bool = False) -> str:
    """How the copy's statements are answered (``short`` for the insurance question)."""
    mode = form.style["choice"]
    if mode == "tf_cols":
        if short:
            return "Put an X under T (true, yes) or F (false, no)."
        return (
            "Put an X under T (true, yes) or F (false, no) for each statement. If you do not "
            "know whether you are immune or not immune, mark ?."
        )
    if mode == "tf_circle":
        if short:
            return "Circle T (true, yes) or F (false, no)."
        return (
            "Circle T (true, yes) or F (false, no) after each statement. Not sure whether you "
            "are immune or not immune? Circle ?."
        )
    if short:
        return "Write your initials after Yes or No."
    return "Write your initials on the line after the answer that applies to you."


def _choices(
    form: _Form,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    top: float,
    names: Sequence[str],
) -> float:
    """The statements (or initials rows) for ``names`` from ``top``; returns the next top."""
    page = form.page
    mode = form.style["choice"]
    row_h = 76.0
    if mode == "tf_cols":
        xs = (1900.0, 2060.0, 2220.0, RIGHT)
        head = 54.0
        page.draw.rectangle(
            [page.px(LEFT), page.px(top), page.px(RIGHT), page.px(top + head)], fill=form.tint
        )
        page.text(LEFT + 16, top + 39, "Statement", "label")
        for option, x0, x1 in zip(("T", "F", "?"), xs, xs[1:], strict=False):
            page.text((x0 + x1) / 2, top + 39, option, "label", anchor="ms")
        y = top + head
        for name in names:
            base = y + row_h / 2 + 12
            page.text(LEFT + 16, base, _STATEMENTS[name][0], "plain", max_width=xs[0] - LEFT - 30)
            marked = _tf_key(_answer(fields, extras, name))
            for option, x0, x1 in zip(("T", "F", "?"), xs, xs[1:], strict=False):
                if option == marked:
                    form.cross((x0 + x1) / 2, y + row_h / 2)
            y += row_h
            form.line(LEFT, y, RIGHT, y, width=1.5)
        form.rect(LEFT, top, RIGHT, y)
        for x in xs[:-1]:
            form.line(x, top, x, y, width=1.5)
        return y + 40
    y = top
    for name in names:
        base = y + 46
        answer = _answer(fields, extras, name)
        if mode == "tf_circle":
            page.text(LEFT + 16, base, _STATEMENTS[name][0], "plain", max_width=1700 - LEFT)
            x = 1880.0
            marked = _tf_key(answer)
            for option in ("T", "F", "?"):
                end = page.text(x, base, option, "label")
                if option == marked:
                    form.ring(x, base, end, "label")
                x = end + 110
        else:
            page.text(LEFT + 16, base, _STATEMENTS[name][1], "plain", max_width=700)
            if name in _YES_NO:
                options = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))
            else:
                options = (("immune", "Immune"), ("not immune", "Not immune"), ("unsure", "Unsure"))
            x = 920.0
            for key, text in options:
                end = page.text(x, base, text, "plain") + 14
                form.line(end, base + 18, end + 210, base + 18, width=2, fill=RULE)
                if key == answer:
                    page.text(end + 30, base, str(extras.get("initials") or "X"), "value")
                x = end + 260
        form.line(LEFT, y + row_h, RIGHT, y + row_h, width=1, fill=(190, 190, 190))
        y += row_h
    return y + 30


def _emblem(form: _Form, x: float, y: float, side: float) -> None:
    """A ring holding a column of vertebrae."""
    page = form.page
    px = page.px
    page.draw.ellipse(
        [px(x), px(y), px(x + side), px(y + side)],
        outline=form.colour,
        width=max(1, px(side * 0.06)),
    )
    count = 5
    h = side * 0.6 / count
    for k in range(count):
        top = y + side * 0.2 + k * h
        w = side * (0.22 + 0.04 * k)
        page.draw.rounded_rectangle(
            [px(x + side / 2 - w / 2), px(top + h * 0.12), px(x + side / 2 + w / 2), px(top + h)],
            radius=max(1, px(h * 0.3)),
            fill=form.colour,
        )


def _letterhead(form: _Form, *, compact: bool) -> float:
    """The clinic's letterhead at the top left; returns the y under it."""
    page = form.page
    clinic = form.style["clinic"]
    side = 100.0 if compact else 150.0
    top = 110.0
    _emblem(form, LEFT, top, side)
    x = LEFT + side + 36
    width = (1600.0 if not compact else 1300.0) - x
    page.text(x, top + 48, clinic["name"], "org", max_width=width)
    if compact:
        return top + side + 30
    page.text(x, top + 92, clinic["services"], "org_small", max_width=width)
    page.text(x, top + 132, f"{clinic['street']}, {clinic['city']}", "org_small", max_width=width)
    tel = common.format_phone(clinic["phone"], "dash")
    fax = common.format_phone(clinic["fax"], "dash")
    page.text(x, top + 172, f"Phone {tel}   Fax {fax}", "org_small", max_width=width)
    return top + 200


def _footer(form: _Form, number: int) -> None:
    page = form.page
    page.text(LEFT, FOOTER, form.style["form_code"], "fine")
    page.text((LEFT + RIGHT) / 2, FOOTER, form.style["clinic"]["name"], "fine", anchor="ms")
    page.text(RIGHT, FOOTER, f"Page {number} of 2", "fine", anchor="rs")


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, extras)
    page = form.page
    y = _letterhead(form, compact=False)
    page.text(RIGHT, 170, form.word("title").upper(), "title", anchor="rs", max_width=700)
    page.text(RIGHT, 220, form.word("print"), "note", anchor="rs", max_width=700)
    y = max(y, 320.0) + 10
    form.line(LEFT, y, RIGHT, y, width=5, fill=form.colour)

    # the visit band
    band_top = y + 24
    band_bottom = band_top + 60 + 2 * form.row_h
    form.rect(LEFT, band_top, RIGHT, band_bottom, fill=form.tint, outline=form.tint)
    page.text(LEFT + 16, band_top + 40, form.word("visit").upper(), "block")
    base = band_top + 60 + form.row_h - 38
    record = form.date(fields.get("record_date"))
    first_row: list[tuple[str, str | None, float]] = []
    if style["date_place"] == "band":
        first_row.append((form.label("record_date"), record, 0.85))
    first_row += [
        (form.label("ref_doc"), extras.get("ref_doc"), 1.3),
        (form.label("ref_phone"), form.phone(extras.get("ref_phone")), 0.85),
    ]
    base = form.row(base, first_row)
    second_row: list[tuple[str, str | None, float]] = [
        (form.label("onset"), form.date(extras.get("onset")), 0.95),
        (form.label("complaint"), extras.get("complaint"), 1.1),
        (form.label("therapist"), extras.get("therapist"), 0.95),
    ]
    form.row(base, second_row)
    y = band_bottom + 40

    # 1, about you
    base = form.heading(y, "sec_you")
    name = fields.get("patient_name")
    if style["name_mode"] == "split" and name:
        given, _, surname = name.rpartition(" ")
        base = form.row(
            base, [(form.label("last"), surname, 1.0), (form.label("first"), given, 1.0)]
        )
    else:
        base = form.row(base, [(form.label("name"), name, 1.0)])
    birth = form.date(fields.get("birth_date"), short_year=False)
    age = extras.get("age")
    form.row(
        base,
        [
            (form.label("dob"), birth, 1.0),
            (form.label("age"), None if age is None else str(age), 0.5),
            ("", None, 0.75),
        ],
    )
    sex_x = LEFT + (RIGHT - LEFT) * 1.5 / 2.25
    form.boxes(sex_x, base, form.label("sex"), ("M", "F"), extras.get("sex"))
    base += form.row_h
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        whole = ", ".join(line for line in lines if line) or None
        base = form.row(base, [(form.label("address_one"), whole, 1.0)])
    else:
        base = form.row(base, [(form.label("street"), lines[0], 1.0)])
        base = form.row(
            base, [(form.label("city"), lines[1], 1.3), (form.label("country"), lines[2], 0.7)]
        )
    form.row(
        base,
        [
            (form.label("phone"), form.phone(fields.get("phone")), 1.4),
            ("", None, 0.95),
            (form.label("email"), extras.get("email"), 1.15),
        ],
    )
    x0 = LEFT + (RIGHT - LEFT) * 1.4 / 3.5 - 20
    form.boxes(x0, base, "", ("Cell", "Home", "Work"), extras.get("phone_kind"))
    base += form.row_h
    base = form.row(
        base,
        [
            (form.label("height"), _with_unit(fields, "height", extras.get("height_unit")), 0.7),
            (form.label("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 0.7),
            (form.label("occupation"), extras.get("occupation"), 1.2),
        ],
    )

    # 2, emergency contact
    base = form.heading(base - 30, "sec_contact")
    base = form.row(
        base,
        [
            (form.label("contact"), fields.get("emergency_contact_name"), 1.45),
            (form.label("relation"), extras.get("contact_relation"), 0.7),
        ],
    )
    base = form.row(
        base,
        [
            (form.label("contact_home"), form.phone(fields.get("emergency_contact_phone")), 1.0),
            (form.label("contact_other"), form.phone(extras.get("emergency_work_phone")), 1.0),
        ],
    )
    base = form.row(
        base, [(form.label("contact_address"), fields.get("emergency_contact_address"), 1.0)]
    )

    # 3, immunity
    top = form.heading(base - 30, "sec_immun") - 40
    last = form.wrapped(LEFT, top, _choice_intro(form), "note", RIGHT - LEFT, 36)
    names = ["chicken_pox", "measles"]
    if style["show_mumps"]:
        names.append("mumps")
    names.append("hepatitis_b_vaccination")
    if style["show_tetanus"]:
        names.append("tetanus")
    y = _choices(form, fields, extras, last + 24, names)

    # 4, health history
    base = form.heading(y, "sec_history")
    problems = list(fields.get("medical_problems") or [])
    if style["problems_mode"] == "circle":
        page.text(LEFT, base - 14, form.word("circle_q"), "plain")
        col_w = (RIGHT - LEFT) / 4
        row_gap = 80.0
        for k, condition in enumerate(PRINTED_CONDITIONS):
            x = LEFT + 30 + (k % 4) * col_w
            line_base = base + 62 + (k // 4) * row_gap
            end = page.text(x, line_base, condition, "plain")
            if condition in problems:
                form.ring(x, line_base, end)
        base += 62 + 3 * row_gap
        others = [p for p in problems if p not in PRINTED_CONDITIONS]
        x = form.box(LEFT + 30, base, not problems and "medical_problems" in fields)
        x = page.text(x + 16, base, form.word("none_of_these"), "plain") + 60
        form.blank(x, base, f"{form.label('other')}:", ", ".join(others) or None, RIGHT)
        base += 100
    else:
        last = form.wrapped(LEFT, base - 14, form.word("problems_q"), "plain", RIGHT - LEFT, 42)
        text = common.list_text(fields.get("medical_problems"), style["empty_list"])
        base = form.lines_of(last + 80, text, LEFT + 20, RIGHT, 3)
    form.boxes(LEFT, base + 10, form.label("heard"), HEARD, extras.get("heard"))
    base += 10 + form.row_h

    # the signature, with the record date when the form asks it there
    if style["date_place"] == "sign":
        base = max(base + 60, 2880.0)
        page.text(LEFT, base - 90, form.word("confirm"), "note")
        form.line(LEFT, base + 24, 1300, base + 24, width=3, fill=(60, 60, 60))
        page.scribble(LEFT + 60, 1100, base + 10, form.ink())
        page.text(LEFT, base + 64, form.word("signature"), "note")
        form.blank(1400, base, form.label("sign_date"), record, RIGHT)
    _footer(form, 1)
    return page.image


def _body(form: _Form, x: float, y: float, h: float, marks: Sequence[Any], side: str) -> None:
    """A standing figure outline (head, trunk, arms, legs) with the patient's crosses."""
    page = form.page
    px = page.px
    ink = (90, 90, 90)
    w = h * 0.42
    cx = x + w / 2
    head = h * 0.11
    width = max(1, px(3))
    page.draw.ellipse(
        [px(cx - head / 2), px(y), px(cx + head / 2), px(y + head)], outline=ink, width=width
    )
    neck = y + head
    shoulder = neck + h * 0.04
    hip = shoulder + h * 0.36
    foot = y + h
    trunk = [
        (cx - w * 0.26, shoulder),
        (cx + w * 0.26, shoulder),
        (cx + w * 0.2, hip),
        (cx - w * 0.2, hip),
        (cx - w * 0.26, shoulder),
    ]
    page.draw.line([(px(a), px(b)) for a, b in trunk], fill=ink, width=width)
    for sign in (-1, 1):
        arm = [
            (cx + sign * w * 0.26, shoulder),
            (cx + sign * w * 0.42, shoulder + h * 0.2),
            (cx + sign * w * 0.48, hip + h * 0.02),
        ]
        page.draw.line([(px(a), px(b)) for a, b in arm], fill=ink, width=width)
        leg = [(cx + sign * w * 0.12, hip), (cx + sign * w * 0.16, foot)]
        page.draw.line([(px(a), px(b)) for a, b in leg], fill=ink, width=width)
        page.draw.line(
            [(px(cx + sign * w * 0.16), px(foot)), (px(cx + sign * w * 0.28), px(foot))],
            fill=ink,
            width=width,
        )
    page.draw.line([(px(cx), px(neck)), (px(cx), px(shoulder))], fill=ink, width=width)
    for where, fx, fy in marks:
        if where == side:
            form.cross(x + w * float(fx), y + h * float(fy), half=16)


def _pain_scale(form: _Form, x: float, base: float, label: str, chosen: Any) -> None:
    page = form.page
    x = page.text(x, base, label, "label") + 30
    for k in range(11):
        end = page.text(x, base, str(k), "plain")
        if chosen is not None and int(chosen) == k:
            form.ring(x, base, end)
        x = end + 52


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, extras)
    form.section = 4
    page = form.page
    y = _letterhead(form, compact=True)
    page.text(
        RIGHT,
        175,
        f"{form.word('title').upper()} ({form.word('continued').strip('()')})",
        "head",
        anchor="rs",
        max_width=900,
    )
    form.line(LEFT, y, RIGHT, y, width=5, fill=form.colour)
    base = y + 80
    if style["running"]:
        base = form.row(
            base,
            [
                (form.label("running_name"), fields.get("patient_name"), 1.4),
                (
                    form.label("running_dob"),
                    form.date(fields.get("birth_date"), short_year=False),
                    0.9,
                ),
            ],
        )
        base -= 10

    # 5, the condition and the body chart
    top = base - 60
    base = form.heading(top, "sec_condition")
    chart_x = 1640.0
    page.text(chart_x, base - 10, form.word("chart"), "note", max_width=RIGHT - chart_x)
    figure_h = 430.0
    marks = extras.get("pain_marks") or []
    chart_bottom = base + 30 + figure_h + 44
    for k, side in enumerate(("front", "back")):
        fx = chart_x + 40 + k * 360
        _body(form, fx, base + 30, figure_h, marks, side)
        page.text(fx + figure_h * 0.21, chart_bottom, form.word(side), "note", anchor="ms")
    form.blank(LEFT, base, form.label("story"), extras.get("story"), chart_x - 60)
    base += form.row_h + 20
    _pain_scale(form, LEFT, base, form.label("pain_now"), extras.get("pain_now"))
    base += form.row_h + 10
    _pain_scale(form, LEFT, base, form.label("pain_worst"), extras.get("pain_worst"))
    base = max(base + form.row_h, chart_bottom + 70)

    # 6, insurance
    top = form.heading(base - 40, "sec_insurance") - 40
    page.text(LEFT, top, _choice_intro(form, short=True), "note")
    y = _choices(form, fields, extras, top + 24, ["has_insurance"]) - 10
    base = y + 50
    base = form.row(
        base,
        [
            (form.label("company"), fields.get("insurance_company"), 1.3),
            (
                form.label("member"),
                extras.get("policy_number_printed") or fields.get("policy_number"),
                1.0,
            ),
        ],
    )
    base = form.row(
        base,
        [
            (form.label("group"), extras.get("group"), 0.7),
            (form.label("holder"), extras.get("holder"), 1.1),
            (
                form.label("holder_dob"),
                form.date(extras.get("holder_birth"), short_year=False),
                0.75,
            ),
        ],
    )
    base = form.row(base, [(form.label("claims"), fields.get("insurance_address"), 1.0)])
    related = extras.get("related")
    end = form.boxes(
        LEFT,
        base,
        f"{form.label('related')}:",
        (form.word("auto"), form.word("work"), form.word("neither")),
        form.word(related) if related else None,
    )
    expiry = form.date(fields.get("insurance_expiry"))
    claim_x = max(end + 10, 1500.0)
    form.blank(claim_x, base, form.label("claim_no"), extras.get("claim_no"), RIGHT)
    base += form.row_h
    base = form.row(
        base,
        [
            (form.label("expiry"), expiry, 0.9),
            (form.label("secondary"), None, 1.2),
            (form.label("secondary_id"), None, 0.7),
        ],
    )

    # 7, allergies
    base = form.heading(base - 30, "sec_allergy")
    page.text(LEFT, base - 10, form.word("allergy_q"), "plain", max_width=RIGHT - LEFT)
    base += 80
    nka = bool(extras.get("nka_box"))
    x = form.box(LEFT + 10, base, nka)
    x = page.text(x + 16, base, form.word("nka"), "plain") + 50
    allergies = fields.get("allergies")
    text = None if nka else common.list_text(allergies, style["empty_list"])
    form.line(x, base + 24, RIGHT, base + 24, width=2, fill=RULE)
    if text:
        page.text(x + 20, base, text, "value", max_width=RIGHT - x - 30)
    base += form.row_h + 10

    # 8, medications
    top = form.heading(base - 40, "sec_meds") - 40
    medication = list(fields.get("regular_medication") or [])
    if style["meds_mode"] == "table":
        xs = (LEFT, 1150.0, 1650.0, RIGHT)
        head = 52.0
        row_h = 74.0
        page.draw.rectangle(
            [page.px(LEFT), page.px(top), page.px(RIGHT), page.px(top + head)], fill=form.tint
        )
        for key, x0 in zip(("med_col", "dose_col", "freq_col"), xs, strict=False):
            page.text(x0 + 16, top + 38, form.label(key), "label")
        details = list(extras.get("med_details") or [])
        value_size = page.faces["value"].size
        for k in range(4):
            row_top = top + head + k * row_h
            row_base = row_top + row_h / 2 + value_size * 0.36
            cells: list[str | None] = [None, None, None]
            if k < len(medication):
                cells[0] = medication[k]
                if k < len(details):
                    cells[1], cells[2] = details[k][0] or None, details[k][1] or None
            elif k == 0 and not medication and "regular_medication" in fields:
                cells[0] = style["empty_list"] or None
            for value, x0, x1 in zip(cells, xs, xs[1:], strict=False):
                if value:
                    page.text(x0 + 24, row_base, value, "value", max_width=x1 - x0 - 48)
            form.line(LEFT, row_top + row_h, RIGHT, row_top + row_h, width=1.5)
        bottom = top + head + 4 * row_h
        form.rect(LEFT, top, RIGHT, bottom)
        for x in xs[1:-1]:
            form.line(x, top, x, bottom, width=1.5)
        base = bottom + 100
    else:
        page.text(LEFT, top + 30, form.word("meds_q"), "plain")
        text = common.list_text(fields.get("regular_medication"), style["empty_list"])
        base = form.lines_of(top + 110, text, LEFT + 20, RIGHT, 2) + 40

    # 9, consent
    base = form.heading(base - 40, "sec_consent")
    last = form.wrapped(LEFT, base - 20, form.word("consent"), "note", RIGHT - LEFT, 36)
    sign = max(last + 130, 2960.0)
    form.line(LEFT, sign + 24, 1300, sign + 24, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 60, 1100, sign + 10, form.ink())
    page.text(LEFT, sign + 64, form.word("signature"), "note")
    form.blank(1400, sign, form.label("sign_date"), form.date(extras.get("signed_date")), RIGHT)
    _footer(form, 2)
    return page.image


# --- the prescription -----------------------------------------------------------------------


def _rx_mark(form: _Form, x: float, y: float) -> float:
    page = form.page
    if form.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.faces["rx"] = render.Face(family.regular, 130, DARK)
        return page.text(x, y, fonts.RX_GLYPH, "rx")
    title = fonts.family(form.style["title_font"])
    page.faces["rx"] = render.Face(title.bold, 100, DARK)
    return page.text(x, y, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style, extras)
    page = form.page
    x0, x1 = LEFT - 30, RIGHT + 30
    top, bottom = 120.0, 3110.0
    split = 1640.0
    value_size = page.faces["value"].size

    # the head row
    head_bottom = top + 190
    page.text(LEFT, top + 60, style["agency"], "block")
    page.text(LEFT, top + 130, style["facility"], "org", max_width=split - LEFT - 40)
    page.text(
        (split + x1) / 2, top + 95, "PRESCRIPTION", "big", anchor="ms", max_width=x1 - split - 60
    )
    page.text((split + x1) / 2, top + 150, style["form_no"], "note", anchor="ms")
    form.line(x0, head_bottom, x1, head_bottom, width=3)
    form.line(split, top, split, head_bottom, width=3)

    # block 1, the patient; blocks 2 and 3 at the right
    block_bottom = head_bottom + 500
    page.text(LEFT, head_bottom + 40, form.word("for"), "block", max_width=split - LEFT - 30)
    address = _comma_lines(form, fields.get("patient_address"), split - LEFT - 80, 2)
    phone = form.phone(extras.get("patient_phone"))
    if style["for_mode"] == "block":
        base = head_bottom + 130
        rows = [fields.get("patient_name"), *address, phone]
        for text in rows:
            if text:
                page.text(LEFT + 30, base, text, "value", max_width=split - LEFT - 80)
                base += 90
        age = extras.get("age")
        if age:
            end = page.text(split - 380, block_bottom - 40, form.label("age"), "label")
            page.text(end + 24, block_bottom - 40, str(age), "value", max_width=split - end - 50)
    else:
        base = head_bottom + 130
        for items in (
            [
                (form.label("for_name"), fields.get("patient_name"), 1.6),
                (form.label("for_id"), extras.get("patient_id"), 1.0),
            ],
            [(form.label("for_address"), fields.get("patient_address"), 1.0)],
            [
                (form.label("for_phone"), phone, 1.6),
                (form.label("age"), extras.get("age"), 1.0),
            ],
        ):
            base = form.row(base, items, LEFT, split + 20) + 10
    form.line(split, head_bottom, split, block_bottom, width=3)
    facility_bottom = head_bottom + 260
    page.text(split + 24, head_bottom + 40, form.word("facility"), "block")
    if style["facility_mode"] == "stamp":
        page.draw.rounded_rectangle(
            [
                page.px(split + 40),
                page.px(head_bottom + 70),
                page.px(x1 - 30),
                page.px(facility_bottom - 20),
            ],
            radius=page.px(14),
            outline=STAMP,
            width=max(1, page.px(4)),
        )
        for k, text in enumerate((style["facility"].upper(), style["agency"])):
            page.text(
                (split + x1) / 2,
                head_bottom + 130 + k * 50,
                text,
                "stamp",
                anchor="ms",
                max_width=x1 - split - 190,
            )
    else:
        page.text(
            split + 40, head_bottom + 140, style["facility"], "plain", max_width=x1 - split - 70
        )
    form.line(split, facility_bottom, x1, facility_bottom, width=3)
    date_text = form.date(fields.get("date"))
    if style["date_place"] == "box":
        page.text(split + 24, facility_bottom + 40, form.word("date"), "block")
        if date_text:
            page.text(
                split + 60, facility_bottom + 140, date_text, "value", max_width=x1 - split - 100
            )
    form.line(x0, block_bottom, x1, block_bottom, width=3)

    # block 4, the medicines
    y = block_bottom
    page.text(LEFT, y + 40, form.word("rx"), "block")
    qty_x = 2050.0
    page.text(qty_x + 30, y + 40, form.word("qty"), "block")
    if style["date_place"] == "rx":
        end = page.text(1300, y + 40 + 80, form.label("date_inline"), "label") + 20
        form.line(end, y + 144, qty_x - 40, y + 144, width=2, fill=RULE)
        if date_text:
            page.text(end + 20, y + 120, date_text, "value", max_width=qty_x - end - 80)
    rx_end = _rx_mark(form, LEFT + 10, y + 200)
    med_x = max(rx_end + 50, LEFT + 230)
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    row_gap = 112.0
    base = y + 320
    for k in range(int(style["med_rows"])):
        line_base = base + k * row_gap
        form.line(med_x - 10, line_base + 24, qty_x - 30, line_base + 24, width=1.5, fill=RULE)
        form.line(qty_x + 20, line_base + 24, x1 - 40, line_base + 24, width=1.5, fill=RULE)
        if k < len(medicines):
            page.text(med_x + 10, line_base, medicines[k], "value", max_width=qty_x - med_x - 70)
            if k < len(quantities):
                page.text(qty_x + 40, line_base, quantities[k], "value", max_width=x1 - qty_x - 100)
    form.line(qty_x, y, qty_x, base + int(style["med_rows"]) * row_gap - 40, width=2)
    y = base + int(style["med_rows"]) * row_gap - 40
    form.line(x0, y, x1, y, width=2)

    # block 5, directions; block 6, refills
    page.text(LEFT, y + 40, form.word("sig"), "block")
    base = form.lines_of(y + 130, fields.get("directions"), LEFT + 20, x1 - 40, 3, gap=96)
    x = form.box(LEFT + 20, base, bool(extras.get("substitute")))
    page.text(x + 16, base, form.word("substitute"), "plain")
    y = base + 60
    form.line(x0, y, x1, y, width=2)
    base = y + 130
    page.text(LEFT, y + 40, form.word("refills"), "block")
    refills = fields.get("refills")
    if style["refill_mode"] == "boxes":
        x = LEFT + 20
        for option in (0, 1, 2, 3, 4, 5, "PRN"):
            x = form.box(x, base, option == refills)
            x = page.text(x + 14, base, str(option), "plain") + 48
        x = page.text(x + 20, base, form.word("other"), "plain") + 20
        form.line(x, base + 24, x + 200, base + 24, width=2, fill=RULE)
        if refills is not None and refills not in (0, 1, 2, 3, 4, 5, "PRN"):
            page.text(x + 100, base, str(refills), "value", anchor="ms")
    else:
        form.rect(LEFT + 20, base - 70, LEFT + 260, base + 30, outline=(40, 40, 40))
        if refills is not None:
            page.text(LEFT + 140, base, str(refills), "value", anchor="ms")
    y = base + 80
    form.line(x0, y, x1, y, width=3)

    # block 7, the prescriber
    page.text(LEFT, y + 40, form.word("prescribed"), "block")
    sign = y + 185
    form.line(LEFT + 20, sign + 24, 1350, sign + 24, width=2, fill=(60, 60, 60))
    page.scribble(LEFT + 80, 1150, sign + 10, form.ink())
    prescriber = fields.get("prescriber")
    if prescriber:
        face = "typed" if style["prescriber_mode"] == "typed" else "value"
        page.text(LEFT + 30, sign + 120, prescriber, face, max_width=1350 - LEFT - 40)
    form.blank(1450, sign, form.label("npi"), extras.get("npi"), x1 - 40)
    form.blank(1450, sign + 120, form.label("dea"), extras.get("dea"), x1 - 40)
    y = sign + 200
    form.line(x0, y, x1, y, width=3)

    # the pharmacy's blocks
    band = 52.0
    page.draw.rectangle(
        [page.px(x0), page.px(y), page.px(x1), page.px(y + band)], fill=(225, 225, 225)
    )
    page.text((x0 + x1) / 2, y + 37, form.word("pharmacy"), "block", anchor="ms")
    cells = (
        ("manufacturer", extras.get("manufacturer"), 1.2),
        ("lot", extras.get("lot"), 1.0),
        ("exp", form.date(extras.get("exp")), 1.0),
        ("filled_by", extras.get("filled_by"), 0.7),
        ("filled_on", form.date(extras.get("filled_on")), 1.0),
    )
    total = sum(share for _, _, share in cells)
    cell_top, cell_bottom = y + band, y + band + 200
    x = x0
    for key, value, share in cells:
        end = x + (x1 - x0) * share / total
        page.text(x + 18, cell_top + 38, form.word(key), "block", max_width=end - x - 30)
        if value:
            page.text(
                x + 24,
                cell_top + 130 + value_size * 0.3,
                value,
                "value",
                max_width=end - x - 48,
            )
        if end < x1:
            form.line(end, cell_top, end, cell_bottom, width=2)
        x = end
    form.line(x0, cell_bottom, x1, cell_bottom, width=3)
    form.wrapped(LEFT, cell_bottom + 60, form.word("fine"), "note", RIGHT - LEFT, 36)
    form.rect(x0, top, x1, bottom, width=5, outline=(30, 30, 30))
    page.text(x0, FOOTER, f"{style['form_no']}, {style['edition']}", "fine")
    page.text(x1, FOOTER, "PREVIOUS EDITIONS ARE OBSOLETE", "fine", anchor="rs")
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
