"""A community pharmacy's patient profile and a clinic's computer-printed security prescription.

Written blind as the held-out family of round 22 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the
patient profile a community pharmacy has a new customer fill in at the counter (health
conditions, immunizations, prescription insurance card, allergies, medicines, service
preferences); the prescription is the sheet a clinic's prescribing system prints on
tamper-resistant paper, or the same blank filled in by hand when the system is down.

Patient record (two pages). One colour per form; label wording drawn per form from synonym
lists. A coloured stripe runs down the page's left edge. Sections are *side-headed*: a rule in
the colour across the page, the section's title in bold coloured type in a narrow column at the
left (on a pale tint of the colour on some forms), the section's fields in the wide column at the
right.

* Fields are placed in one of two ways, per form: *inline* (the label, then the value written on a
  rule running to the end of the field's cell) or *stacked* (a small label over the rule, the
  value on it). Two to four fields share a line.
* Page 1 head: a pharmacy cross in a ring, the pharmacy's name, its store number, street and city,
  telephone and fax (distractors) at the left; the form's title right-aligned, and under it a
  dashed "pharmacy use" box with a profile number, the initials of whoever keyed it and the date
  it was entered (distractors; that date is a few days after the record date). On the forms with
  the date "in the head" the record date is a field of its own under the head, before a line of
  instructions; on the others it is the date beside the signature at the foot of page 1.
* Patient: the name (one field, or a last-name field and a first-name-and-middle-initial field:
  the truth is ``First M. Last``); the date of birth, the sex (two printed options with a box
  each, a distractor), the weight and the height (the unit written after the number when the
  copy uses one); the home address as a street field and a city / state / ZIP field with a
  country field beside it (the truth joins the written parts with ``", "``) or as one wide
  field; the patient's telephone (``phone``) beside a cell phone (a distractor); the e-mail
  address and the preferred language (distractors).
* Emergency contact: the name and the relationship (a distractor); the telephone
  (``emergency_contact_phone``) and a work or alternate telephone (a distractor); the contact's
  address on a wide field.
* The patient's doctor and the doctor's office telephone (distractors), on most forms.
* Health conditions: a grid of printed conditions, three or four to a row, each after a box (the
  ticked ones are ``medical_problems``, in reading order: along each row, then down), a "none"
  option, and an "other" field where conditions not in the grid are written (after the ticked
  ones in the truth). A copy filled in a capitals-only hand writes every condition on the
  "other" field and ticks nothing. No condition: the "none" box ticked, or the copy's word for
  none written, or nothing.
* Immunizations: a small ruled table, the disease in the first column and the per-form status
  options (``Immune`` / ``Not immune`` / ``Unknown`` and the like) either as column heads with a
  box under each (the chosen one ticked or crossed) or printed in each row with the chosen one
  ringed by hand, per form. Chickenpox (varicella) and measles rows; under the table the
  hepatitis B question (yes / no / not sure) and a flu-shot question (a distractor). An unknown
  or unanswered status leaves the field out.
* The foot: the patient's signature and, on the forms with the date "at the foot", the date; fine
  print and the page number.

Page 2: a compact head (the pharmacy's name, the title, and on some forms the patient's name
written again on a running line). Then, in a per-form order, prescription insurance and allergies,
then medicines and preferences:

* Prescription insurance: a yes / no question (``has_insurance``; unanswered on some copies, then
  left out); the plan (``insurance_company``) and its help-desk telephone (a distractor); the
  cardholder or member ID (``policy_number``, separators as printed) and the Rx group; the BIN
  and PCN numbers; the cardholder's name and relationship; the plan's mailing address
  (``insurance_address``); the effective date (a distractor) and the expiration date
  (``insurance_expiry``). Everything but the plan, ID, address and expiration is a distractor.
* Allergies: a "no known drug allergies" box (ticked when there are none, on some copies), a
  grid of common drug allergies with a box each (ticked: ``allergies``, in reading order), an
  "other" field for the allergies not in the grid (after the ticked ones in the truth) and a
  reaction field (a distractor). A capitals-only hand writes them all on the "other" field.
* Medicines: a "no medicines" box, then a ruled table of the medicine (``regular_medication``),
  its strength, how often and who prescribed it (distractors), or one comma-separated field, per
  form.
* Preferences: easy-open caps, generic substitution and how refill reminders are sent, printed
  options with boxes (distractors all).
* An acknowledgement paragraph, the signature and a date signed (the record date again, or
  blank); fine print and the page number.

Prescription (one page), computer-printed on security paper: a fine line of repeated "void if
copied" wording at the very top and bottom, a thin coloured frame.

* Head: the clinic's name, its department, street and city, telephone and fax at the left
  (distractors). The prescriber either heads a block at the right (``prescriber`` as printed,
  titles kept, with NPI, DEA and licence numbers under it: distractors), or is typed after a
  "prescriber" label at the foot under the signature, or written by hand on a "prescriber (print
  name)" rule there, per form; the numbers follow the name wherever it is.
* The title (centred or at the left), and on the forms with the date "in the head" the date
  (``date``) at the right of the title's line.
* A framed patient panel with a coloured tab: the name and the date of birth (a distractor), the
  address (``patient_address``) on a wide field, the telephone and the chart number
  (distractors), the allergies (a distractor); on the forms with the date "with the patient" the
  date is a field of the panel.
* The medicines: the ℞ (or ``Rx``, or nothing) over numbered entries, one per line, each a number
  in a small coloured square, the medicine line (one ``medicines`` entry, with its dosing when the
  prescriber typed it on the line) and at the right the quantity to dispense, written with its
  number in words, and on some forms the days' supply (distractors).
* The directions after their label over three or four rules (``directions``; absent on some
  copies, mostly those whose medicine lines carry their dosing).
* The refills: a number on a short rule after their label, or the printed options ``0`` to
  ``5`` and ``PRN`` each with a box, the chosen one ticked (a larger number written after
  "other"), per form. On security-paper forms, a quantity check-off row of ranges with one box
  ticked (a distractor).
* The foot: two signature rules, "substitution permitted" and "dispense as written", the
  prescriber signing one; or one signature rule with a "dispense as written" box, per form. On
  the forms with the date "at the foot" the date is beside the signature. A strip of bars with
  the prescription's ID and fine print at the very foot.

Dates are written in one style per document (numeric month or day first, two-digit years on some
copies, written months, ISO); a day-first numeric document's record date (or prescription date)
has a day above 12, and birth dates keep four-digit years. Telephones are written in one style per
document.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 150.0, 2400.0
INK_DARK = (28, 28, 28)
SOFT = (96, 96, 96)
HAIR = (150, 150, 150)
BOTTOM = 3060.0  # the lowest baseline of the body (the footer's fine print is under it)

# fmt: off
COLOURS = ([20, 110, 90], [30, 84, 150], [150, 40, 60], [96, 62, 140], [176, 96, 20],
           [40, 96, 40])
PHARMACY_NAMES = ("Main Street Pharmacy", "Riverside Drug", "Corner Apothecary",
                  "Family Care Pharmacy", "Parkview Pharmacy", "Hometown Drug Co.",
                  "Lakeside Pharmacy", "Cornerstone Pharmacy", "Good Neighbor Drugs",
                  "Valley Rx & Wellness", "Oak Hill Pharmacy", "Harbor Health Pharmacy")
CLINIC_PLACES = ("Harbor", "Oakridge", "Summit", "Westfield", "Cedar Valley", "Northshore",
                 "Fairview", "Brookside", "Pinecrest", "Riverbend")
CLINIC_KINDS = ("Medical Group", "Family Health Center", "Internal Medicine Associates",
                "Community Clinic", "Physicians Group", "Primary Care")
DEPARTMENTS = ("Outpatient Services", "Family Medicine", "Adult Medicine", "Walk-in Clinic",
               "Department of Internal Medicine", None)
RELATIONS = ("Mother", "Father", "Spouse", "Wife", "Husband", "Daughter", "Son", "Sister",
             "Brother", "Partner", "Friend", "Neighbor")
HOLDER_RELATIONS = ("Self", "Self", "Spouse", "Parent", "Child", "Dependent")
LANGUAGES = ("English", "English", "English", "Spanish", "Vietnamese", "Chinese", "Arabic",
             "Polish", "Tagalog")
REACTIONS = ("Hives", "Rash", "Swelling", "Wheezing", "Anaphylaxis", "Itching", "Nausea",
             "Vomiting", "Hives, itching", "Rash and swelling")
FREQUENCIES = ("Once daily", "Twice daily", "At bedtime", "As needed", "Every morning",
               "Three times daily", "Weekly", "1 daily", "2x a day")
SIG_FREQUENCIES = ("daily", "BID", "TID", "at bedtime", "q12h", "q8h", "every morning",
                   "PRN pain")
NUMBER_WORDS = {7: "seven", 10: "ten", 14: "fourteen", 20: "twenty", 21: "twenty-one",
                28: "twenty-eight", 30: "thirty", 40: "forty", 42: "forty-two", 56: "fifty-six",
                60: "sixty", 84: "eighty-four", 90: "ninety", 100: "one hundred",
                120: "one hundred twenty", 180: "one hundred eighty"}
QTY_BANDS = ("1-24", "25-49", "50-74", "75-100", "101-150", "151+")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_short", "mdy_long", "mdy_plain",
                "dmy_text", "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# the conditions and drug allergies the record's grids print (a fixed list, in reading order)
CONDITION_GRID = ("Asthma", "Diabetes", "Hypertension", "High cholesterol", "Arthritis",
                  "Depression", "Anxiety", "Epilepsy", "Hypothyroidism", "Acid reflux", "COPD",
                  "Migraine")
ALLERGY_GRID = ("Penicillin", "Sulfa drugs", "Codeine", "Aspirin", "Ibuprofen", "Morphine",
                "Cephalosporins", "Latex", "Iodine")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Patient Profile",
        "New Patient Information",
        "Pharmacy Patient Profile",
        "Patient Health & Insurance Profile",
    ),
    "office": ("Pharmacy use only", "For pharmacy staff", "Store use"),
    "profile_no": ("Profile #", "Patient ID", "Profile no."),
    "entered": ("Entered by", "Keyed by", "Initials"),
    "entered_on": ("Date entered", "Entered on", "Keyed on"),
    "today": ("Today's date", "Date", "Date completed"),
    "intro": (
        "Please print clearly and complete both sides. Your pharmacist uses this information to "
        "check your prescriptions for safety.",
        "We keep this profile private. Tell us when anything changes: your medicines, allergies "
        "or insurance.",
        "Fill in every section that applies to you. Ask the pharmacy team if you need help.",
    ),
    "store": ("Store #", "Store no.", "Location"),
    "tel": ("Tel", "Phone", "Ph"),
    "fax": ("Fax", "Fax no."),
    "sec_patient": ("Patient", "About you", "Patient information"),
    "full": ("Full name", "Patient name", "Name (first, middle, last)"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name, M.I.", "First & middle initial", "Given name, M.I."),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "sex": ("Sex", "Gender"),
    "sex_options": ("M|F", "Male|Female"),
    "weight": ("Weight", "Wt", "Weight (for dosing)"),
    "height": ("Height", "Ht"),
    "street": ("Street address", "Home address", "Address"),
    "city": ("City, State, ZIP", "City / State / Zip", "Town, state, ZIP"),
    "country": ("Country", "Country"),
    "address_one": ("Home address", "Mailing address", "Address (street, city, ZIP)"),
    "phone": ("Home phone", "Best phone number", "Primary phone", "Phone"),
    "cell": ("Cell / text", "Mobile", "Other phone"),
    "email": ("E-mail", "Email address"),
    "language": ("Preferred language", "Language spoken"),
    "sec_contact": ("Emergency contact", "Person to notify", "In case of emergency"),
    "contact": ("Contact name", "Name", "Notify"),
    "relation": ("Relationship", "Relation"),
    "c_phone": ("Phone", "Home phone", "Contact phone"),
    "c_work": ("Work phone", "Alternate phone", "Daytime phone"),
    "c_address": ("Address", "Contact's address"),
    "sec_doctor": ("Your doctor", "Primary care provider", "Physician"),
    "doctor": ("Doctor's name", "Provider", "Physician name"),
    "doctor_phone": ("Office phone", "Doctor's phone", "Phone"),
    "sec_health": ("Health conditions", "Medical history", "Conditions"),
    "check_all": ("Check all that apply:", "Mark any condition you have:", "Do you have:"),
    "no_conditions": ("None of these", "No conditions", "None"),
    "other": ("Other", "Other conditions", "Not listed above"),
    "sec_vaccines": ("Immunizations", "Vaccine screening", "Vaccination history"),
    "disease": ("Disease", "Immunity to", "Illness"),
    "chicken": ("Chickenpox (varicella)", "Varicella / chickenpox"),
    "measles": ("Measles (MMR)", "Measles, mumps, rubella"),
    "status_set": (
        "Immune|Not immune|Unknown",
        "Immune|Not immune|Don't know",
        "Immune|Not immune|Not sure",
    ),
    "hep_b": (
        "Hepatitis B vaccine series completed?",
        "Finished the hepatitis B shots?",
        "Hepatitis B vaccinated (all doses)?",
    ),
    "flu": ("Flu shot this season?", "Influenza vaccine this year?"),
    "yes_no_sure": ("Yes|No|Not sure", "Yes|No|Unsure", "Y|N|?"),
    "sign": ("Patient signature", "Signature of patient or caregiver", "Signed"),
    "sign_date": ("Date", "Date signed"),
    "fine": (
        "This profile is kept confidential under our notice of privacy practices and is not "
        "shared without your consent except as the law allows.",
        "Information you give is used to fill your prescriptions safely and to bill your plan. "
        "Ask for a copy of our privacy notice.",
    ),
    "page": ("Page {} of 2", "{} of 2", "Page {}"),
    "running": ("Patient", "Name", "Patient name"),
    "sec_ins": ("Prescription insurance", "Drug coverage", "Prescription benefit plan"),
    "q_ins": (
        "Do you have prescription drug coverage?",
        "Do you have insurance for prescriptions?",
        "Is a plan paying for your prescriptions?",
    ),
    "yes_no": ("Yes|No", "Y|N"),
    "plan": ("Insurance company / plan", "Plan name", "Insurance carrier"),
    "plan_phone": ("Help desk phone", "Plan phone", "Member services"),
    "member": ("Cardholder ID", "Member ID", "ID / policy number"),
    "group": ("Rx Group", "Group #", "RxGRP"),
    "bin": ("RxBIN", "BIN"),
    "pcn": ("RxPCN", "PCN"),
    "holder": ("Cardholder name", "Name on card", "Subscriber"),
    "holder_rel": ("Relationship to cardholder", "Patient is"),
    "plan_address": ("Plan mailing address", "Claims address", "Insurer's address"),
    "effective": ("Effective date", "Coverage start"),
    "expiry": ("Expiration date", "Coverage ends", "Valid through"),
    "sec_allergy": ("Allergies", "Drug allergies", "Allergies & reactions"),
    "nkda": ("No known drug allergies", "NKDA (no known allergies)", "I have no allergies"),
    "allergic_to": ("Allergic to:", "I am allergic to:", "Check each:"),
    "allergy_other": ("Other allergies", "Food or other", "Other"),
    "reaction": ("Reaction", "What happened", "Reaction(s)"),
    "sec_meds": ("Current medications", "Medicines you take now", "Medication list"),
    "meds_note": (
        "Include over-the-counter medicines, vitamins and supplements.",
        "List prescription and non-prescription medicines.",
    ),
    "no_meds": ("I take no medicines", "None", "No current medicines"),
    "med": ("Medication", "Drug name", "Medicine"),
    "med_dose": ("Strength", "Dose"),
    "med_how": ("How often", "Directions", "Frequency"),
    "med_doctor": ("Prescriber", "Ordered by", "Doctor"),
    "meds_line": ("Medicines taken regularly", "Current medicines", "Medications"),
    "sec_pref": ("Preferences", "Pharmacy services", "Your choices"),
    "caps": ("Easy-open (not child-resistant) caps?", "I want easy-open caps"),
    "generic": ("Generic substitution OK?", "Generic drugs are OK"),
    "remind": ("Refill reminders by", "Contact me by"),
    "remind_options": ("Text|Call|E-mail|None", "Phone|Text|Email"),
    "ack": (
        "I received the pharmacy's notice of privacy practices. The information above is "
        "correct to the best of my knowledge.",
        "By signing I confirm that this information is accurate and I allow the pharmacy to bill "
        "my prescription plan.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("PRESCRIPTION", "Prescription", "Outpatient Prescription", "Rx Order"),
    "void": (
        "VOID IF COPIED",
        "ORIGINAL PRESCRIPTION - VOID IF COPIED",
        "SECURITY PAPER - DO NOT ACCEPT IF ALTERED",
    ),
    "tel": ("Tel", "Phone", "Ph"),
    "fax": ("Fax", "Fax"),
    "npi": ("NPI", "NPI #"),
    "dea": ("DEA", "DEA #", "DEA no."),
    "lic": ("Lic.", "License #", "State lic."),
    "date": ("Date", "Date written", "Date of issue"),
    "patient": ("PATIENT", "Patient", "Patient information"),
    "name": ("Name", "Patient name", "Patient"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "address": ("Address", "Home address", "Patient address"),
    "phone": ("Phone", "Tel", "Telephone"),
    "chart": ("Chart #", "MRN", "Patient ID"),
    "allergies": ("Allergies", "Allergy", "Known allergies"),
    "qty": ("Qty", "Disp", "Dispense"),
    "days": ("Days", "Days supply", "Supply"),
    "directions": ("Directions", "Sig", "Instructions to patient", "Directions for use"),
    "refills": ("Refills", "Refill", "No. of refills"),
    "times": ("times", "refills"),
    "other": ("Other", "more"),
    "qty_check": ("Quantity check-off", "Qty check", "Units"),
    "sub_ok": ("Substitution permitted", "Generic substitution permitted", "Substitution allowed"),
    "daw": ("Dispense as written", "Do not substitute", "Brand medically necessary"),
    "signature": ("Prescriber's signature", "Signature", "Signature of prescriber"),
    "prescriber": ("Prescriber", "Prescribed by", "Provider"),
    "print_name": ("Prescriber (print name)", "Printed name of prescriber", "Name (print)"),
    "rx_id": ("Rx ID", "Prescription ID", "Script no."),
    "fine": (
        "This prescription is printed on tamper-resistant paper. The word VOID appears when it "
        "is copied. Not valid after one year from the date written.",
        "Pharmacist: verify the prescriber before dispensing controlled substances. Do not "
        "accept if the quantity boxes are altered.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _shift(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    """The printed form's wording and fonts (both documents)."""
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
        rnd, handwriting=handwriting, font=font, label_size=(30, 33), value_size=(40, 46)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        place = rnd.choice(("head", "head", "typed", "written"))
        style.update(
            clinic=f"{rnd.choice(CLINIC_PLACES)} {rnd.choice(CLINIC_KINDS)}",
            department=rnd.choice(DEPARTMENTS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            fax=values.phone_number(rnd),
            prescriber_place=place,
            prescriber_written=place == "written",
            date_place=rnd.choice(("head", "patient", "foot")),
            title_centred=rnd.random() < 0.5,
            rx=rnd.choice(("glyph", "Rx", "none")) if rx_fonts else rnd.choice(("Rx", "none")),
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            refill_mode=rnd.choice(("line", "boxes")),
            qty_check=rnd.random() < 0.55,
            sub_mode=rnd.choice(("lines", "box")),
            direction_rules=rnd.choice((3, 4)),
            show_days=rnd.random() < 0.5,
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        pharmacy=rnd.choice(PHARMACY_NAMES),
        store_no=str(rnd.randint(12, 9870)),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        placement=rnd.choice(("inline", "stacked")),
        side_tint=rnd.random() < 0.5,
        date_place=rnd.choice(("head", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("rows", "rows", "wide")),
        grid_cols=rnd.choice((3, 4)),
        imm_mode=rnd.choice(("boxes", "ring")),
        doctor=rnd.random() < 0.75,
        med_mode=rnd.choice(("table", "table", "line")),
        order=rnd.choice(("insurance_first", "allergies_first")),
        running_name=rnd.random() < 0.5,
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
    """The items ticked in a printed grid (in the grid's order) and those written by hand."""
    if capitals:  # a capitals-only hand writes every item
        return [], list(items)
    ticked = [option for option in grid if option in items]
    return ticked, [item for item in items if item not in grid]


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    capitals = fonts.family(style["value_font"]).all_caps
    name = fields["patient_name"]
    first, last = name.split()[0], name.split()[-1]
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "profile_no": _digits(rnd, rnd.choice((6, 7, 8))),
        "entered_by": rnd.choice("ABCDEFGHJKLMNPRSTW") + rnd.choice("ABCDEFGHJKLMNPRSTW")
        if rnd.random() < 0.7
        else None,
        "entered_on": _shift(today, rnd.randint(1, 9)) if rnd.random() < 0.6 else None,
        "sex": rnd.choice((0, 1, 0, 1, None)),
        "cell": values.phone_number(rnd) if rnd.random() < 0.45 else None,
        "email": f"{first.lower()}.{last.lower()}{rnd.choice(('', str(rnd.randint(1, 99))))}"
        f"@{rnd.choice(('gmail.com', 'yahoo.com', 'outlook.com', 'mail.com'))}"
        if rnd.random() < 0.6
        else None,
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.6 else None,
    }
    if "emergency_contact_name" in fields:
        minor = (today - dt.date.fromisoformat(fields["birth_date"])).days < 18 * 365
        relations = (
            ("Mother", "Father", "Parent", "Guardian", "Grandmother") if minor else RELATIONS
        )
        extras["relation"] = rnd.choice(relations) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    if rnd.random() < 0.8:
        extras["doctor"] = f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        extras["doctor_phone"] = values.phone_number(rnd) if rnd.random() < 0.75 else None
    # the conditions: the grid's ticked ones first, then the written ones
    ticked, written = _split_grid(fields["medical_problems"], CONDITION_GRID, capitals)
    fields["medical_problems"] = ticked + written
    extras["conditions_ticked"] = ticked
    extras["conditions_none"] = not fields["medical_problems"] and rnd.random() < 0.5
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if key not in fields and rnd.random() < 0.6:
            extras[f"{key}_unsure"] = True
        elif key in fields and rnd.random() < 0.06:
            del fields[key]
            extras[f"{key}_unsure"] = True
    extras["flu"] = rnd.choice((0, 1, 1, 2, None))
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = (
            f"{rnd.choice(('', 'RX', 'GRP'))}{_digits(rnd, rnd.choice((4, 5, 6)))}"
            if rnd.random() < 0.75
            else None
        )
        extras["bin"] = _digits(rnd, 6) if rnd.random() < 0.8 else None
        extras["pcn"] = (
            rnd.choice(("ADV", "MEDDPRIME", "A4", "9999", "CN", "PCS", "03200000"))
            if extras["bin"] and rnd.random() < 0.8
            else None
        )
        extras["plan_phone"] = values.phone_number(rnd) if rnd.random() < 0.55 else None
        relation = rnd.choice(HOLDER_RELATIONS)
        extras["holder_relation"] = relation if rnd.random() < 0.85 else None
        if relation == "Self":
            extras["holder"] = name if rnd.random() < 0.5 else None
        else:
            extras["holder"] = values.person_name(rnd, last if rnd.random() < 0.7 else None)
        extras["effective"] = _shift(today, -rnd.randint(20, 900)) if rnd.random() < 0.6 else None
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # the question left unanswered
    ticked, written = _split_grid(fields["allergies"], ALLERGY_GRID, capitals)
    fields["allergies"] = ticked + written
    extras["allergies_ticked"] = ticked
    extras["nkda"] = not fields["allergies"] and rnd.random() < 0.6
    extras["reactions"] = (
        rnd.choice(REACTIONS) if fields["allergies"] and rnd.random() < 0.7 else None
    )
    strengths = {drug: (doses, unit) for drug, doses, unit, _ in values.DRUGS}
    rows = []
    for medicine in fields["regular_medication"]:
        doses, unit = strengths.get(medicine, (("",), ""))
        dose = f"{rnd.choice(doses)} {unit}".strip()
        doctor = f"Dr. {rnd.choice(values.LAST_NAMES)}" if rnd.random() < 0.6 else ""
        rows.append([dose if rnd.random() < 0.85 else "", rnd.choice(FREQUENCIES), doctor])
    extras["med_rows"] = rows
    extras["no_meds"] = not fields["regular_medication"] and rnd.random() < 0.5
    extras["caps"] = rnd.choice((0, 1, 1, None))
    extras["generic"] = rnd.choice((0, 0, 1, None))
    extras["remind"] = rnd.choice((0, 1, 2, None))
    extras["date_again"] = rnd.random() < 0.6
    return fields, extras, style


def _quantity(rnd: random.Random) -> tuple[int, str]:
    count = rnd.choice(sorted(NUMBER_WORDS))
    return count, f"{count} ({NUMBER_WORDS[count]})" if rnd.random() < 0.7 else f"#{count}"


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    if rnd.random() < 0.3:  # the dosing typed on each medicine line
        forms = {name: form for name, _, _, form in values.DRUGS}
        lines = []
        for line in fields["medicines"]:
            form = forms.get(line.split()[0], "") or "puff"
            count = rnd.choice(("1", "1", "2"))
            lines.append(f"{line} - {count} {form} {rnd.choice(SIG_FREQUENCIES)}")
        fields["medicines"] = lines
        if rnd.random() < 0.6:
            fields.pop("directions", None)
    if "refills" in fields and rnd.random() < 0.4:
        fields["refills"] = rnd.choice((0, 1, 2, 3, 5, 6, 11, "PRN"))
    age = rnd.randint(2, 94)
    birth = written.replace(year=written.year - age, day=min(written.day, 28))
    birth -= dt.timedelta(days=rnd.randint(1, 330))
    quantities = [_quantity(rnd) for _ in fields["medicines"]]
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    extras: dict[str, Any] = {
        "npi": "1" + _digits(rnd, 9),
        "dea": rnd.choice("ABFM") + rnd.choice(letters) + _digits(rnd, 7)
        if rnd.random() < 0.7
        else None,
        "license": f"{rnd.choice(('MD', 'DO', 'A', 'G', ''))}{_digits(rnd, rnd.choice((5, 6)))}"
        if rnd.random() < 0.6
        else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "chart": f"{rnd.choice(('', 'M', 'E'))}{_digits(rnd, rnd.choice((6, 7, 8)))}"
        if rnd.random() < 0.6
        else None,
        "patient_allergies": rnd.choice(("NKDA", "None known", "Penicillin", "Sulfa", "Codeine"))
        if rnd.random() < 0.7
        else None,
        "quantities": [text for _, text in quantities],
        "days": [str(rnd.choice((7, 10, 14, 30, 90))) for _ in fields["medicines"]],
        "qty_band": next(
            k for k, top in enumerate((24, 49, 74, 100, 150, 10**6)) if quantities[0][0] <= top
        ),
        "daw": rnd.random() < 0.25,
        "rx_id": f"{_digits(rnd, 4)}-{rnd.choice(letters)}{_digits(rnd, 5)}",
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.tint = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, INK_DARK
        )
        faces["q"] = render.Face(label.regular, size, INK_DARK)
        faces["opt"] = render.Face(label.regular, 28, INK_DARK)
        faces["cap"] = render.Face(label.regular, 25, (80, 80, 80))
        faces["colhead"] = render.Face(label.bold, 27, INK_DARK)
        faces["side"] = render.Face(title.bold, 34, self.colour)
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 60, INK_DARK)
        faces["note"] = render.Face(label.regular, 25, (70, 70, 70))
        faces["badge"] = render.Face(label.bold, 28, (255, 255, 255))
        faces["fine"] = render.Face(label.regular, 21, SOFT)

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
        self.line(x0, base + 13, x1, base + 13, width=2, fill=HAIR)
        if value:
            self.page.text(x0 + 12, base, value, "value", max_width=max(40.0, x1 - x0 - 24))

    def field(self, x0: float, x1: float, base: float, label: str, value: str) -> None:
        """A value on a rule, its label before it (inline) or over it (stacked), per form."""
        page = self.page
        if self.style.get("placement") == "stacked":
            page.text(x0, base - 62, label, "cap", max_width=x1 - x0)
            self.write(x0, x1, base, value)
            return
        room = max((x1 - x0) * 0.55, x1 - x0 - 260)
        end = page.text(x0, base, f"{label}:", "key", max_width=room)
        self.write(end + 14, x1, base, value)

    def fields_row(
        self, x0: float, x1: float, base: float, cells: Sequence[tuple[str, str, float]]
    ) -> None:
        """Fields sharing a line, each cell as wide as its share."""
        gap = 44.0
        total = sum(share for _, _, share in cells)
        room = x1 - x0 - gap * (len(cells) - 1)
        x = x0
        for label, value, share in cells:
            width = room * share / total
            self.field(x, x + width, base, label, value)
            x += width + gap

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, face: str = "opt"
    ) -> float:
        """Printed options, each after a box, the chosen one marked; where they end."""
        page = self.page
        for k, text in enumerate(options):
            end = common.checkbox(
                page, x, base + 2, checked=k == chosen, mark=self.style["mark"], side=32
            )
            x = page.text(end + 30, base, text, face) + 46
        return x - 46

    def fine_print(self, text: str, number: int | None) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3190 + 27 * k, line, "fine")
        if number is not None:
            page.text(RIGHT, 3190, self.word("page").format(number), "fine", anchor="rs")


# --- patient record -------------------------------------------------------------------------

SIDE_X1 = 540.0  # the side heads' column ends here
FX0 = 580.0  # the fields' column starts here


def _row_height(sheet: _Sheet) -> float:
    return 112.0 if sheet.style["placement"] == "stacked" else 98.0


def _first_base(sheet: _Sheet, top: float) -> float:
    """The baseline of a section's first line of fields (a stacked label needs room)."""
    return top + (100.0 if sheet.style["placement"] == "stacked" else 80.0)


def _side_head(sheet: _Sheet, top: float, bottom: float, key: str) -> None:
    """A section's side head: the rule across, the title in the left column."""
    page = sheet.page
    if sheet.style["side_tint"]:
        sheet.rect(LEFT, top, SIDE_X1, bottom, fill=sheet.tint, outline=None)
    sheet.line(LEFT, top, RIGHT, top, width=3, fill=sheet.colour)
    lines = render.wrap(page, sheet.word(key), "side", SIDE_X1 - LEFT - 40)
    for k, line in enumerate(lines):
        page.text(LEFT + 18, top + 56 + 42 * k, line, "side")


def _stripe(sheet: _Sheet) -> None:
    sheet.rect(40, 120, 78, 3180, fill=sheet.colour, outline=None)


def _cross(sheet: _Sheet, cx: float, cy: float, r: float) -> None:
    """The pharmacy's emblem: a cross in a ring."""
    page = sheet.page
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
        outline=sheet.colour,
        width=max(1, page.px(5)),
    )
    arm, half = r * 0.62, r * 0.22
    sheet.rect(cx - half, cy - arm, cx + half, cy + arm, fill=sheet.colour, outline=None)
    sheet.rect(cx - arm, cy - half, cx + arm, cy + half, fill=sheet.colour, outline=None)


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """Page 1's head; the top of what follows."""
    page = sheet.page
    style = sheet.style
    _cross(sheet, LEFT + 80, 230, 72)
    x = LEFT + 190
    page.text(x, 200, str(style["pharmacy"]), "org", max_width=1020)
    lines = [
        f"{sheet.word('store')} {style['store_no']}  ·  {style['street']}, {style['city']}",
        f"{sheet.word('tel')} {sheet.phone(style['phone'])}   "
        f"{sheet.word('fax')} {sheet.phone(style['fax'])}",
    ]
    for k, line in enumerate(lines):
        page.text(x, 252 + 38 * k, line, "org_small", max_width=1060)
    page.text(RIGHT, 190, sheet.word("title"), "title", anchor="rs", max_width=1000)
    # the pharmacy-use box, dashed
    x0, y0, x1, y1 = 1660.0, 236.0, RIGHT, 436.0
    dash = 18.0
    pos = x0
    while pos < x1:
        end = min(pos + dash, x1)
        sheet.line(pos, y0, end, y0, width=2, fill=SOFT)
        sheet.line(pos, y1, end, y1, width=2, fill=SOFT)
        pos += dash * 2
    pos = y0
    while pos < y1:
        end = min(pos + dash, y1)
        sheet.line(x0, pos, x0, end, width=2, fill=SOFT)
        sheet.line(x1, pos, x1, end, width=2, fill=SOFT)
        pos += dash * 2
    page.text(x0 + 16, y0 + 34, sheet.word("office"), "note")
    page.text(x0 + 16, y0 + 102, f"{sheet.word('profile_no')}", "cap")
    page.text(x0 + 210, y0 + 102, _text(extras.get("profile_no")), "value", max_width=240)
    page.text(x0 + 480, y0 + 102, sheet.word("entered"), "cap")
    page.text(
        x0 + 480 + page.width(sheet.word("entered"), "cap") + 18,
        y0 + 102,
        _text(extras.get("entered_by")),
        "value",
        max_width=110,
    )
    page.text(x0 + 16, y0 + 172, sheet.word("entered_on"), "cap")
    page.text(
        x0 + 210,
        y0 + 172,
        sheet.date(extras.get("entered_on")),
        "value",
        max_width=x1 - x0 - 240,
    )
    top = 470.0
    if style["date_place"] == "head":
        sheet.field(
            LEFT, 1100, top + 80, sheet.word("today"), sheet.date(fields.get("record_date"))
        )
        top += 110
    lines = render.wrap(page, sheet.word("intro"), "note", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, top + 40 + 32 * k, line, "note")
    return top + 40 + 32 * min(2, len(lines)) + 6


def _with_unit(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str:
    if name not in fields:
        return ""
    unit = _text(extras.get(f"{name}_unit"))
    return f"{render.format_number(fields[name])} {unit}".strip()


def _patient(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The patient section; the next section's top."""
    page = sheet.page
    style = sheet.style
    row = _row_height(sheet)
    base = _first_base(sheet, top)
    word = sheet.word
    if style["name_mode"] == "split":
        given, _, surname = _text(fields.get("patient_name")).rpartition(" ")
        sheet.fields_row(FX0, RIGHT, base, [(word("last"), surname, 1), (word("first"), given, 1)])
    else:
        sheet.fields_row(FX0, RIGHT, base, [(word("full"), _text(fields.get("patient_name")), 1)])
    base += row
    # date of birth and sex; weight, height and language
    sex_x = 1300.0
    sheet.field(
        FX0, sex_x - 40, base, word("dob"), sheet.date(fields.get("birth_date"), short_year=False)
    )
    end = page.text(sex_x, base, f"{word('sex')}:", "key")
    sex = extras.get("sex")
    sheet.boxes(end + 24, base, sheet.parts("sex_options"), sex if isinstance(sex, int) else None)
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("weight"), _with_unit(fields, extras, "weight"), 1),
            (word("height"), _with_unit(fields, extras, "height"), 0.7),
            (word("language"), _text(extras.get("language")), 1),
        ],
    )
    base += row
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "wide":
        sheet.fields_row(FX0, RIGHT, base, [(word("address_one"), _text(fields.get("address")), 1)])
    else:
        sheet.fields_row(FX0, RIGHT, base, [(word("street"), _text(lines[0]), 1)])
        base += row
        sheet.fields_row(
            FX0,
            RIGHT,
            base,
            [(word("city"), _text(lines[1]), 2.2), (word("country"), _text(lines[2]), 1)],
        )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("phone"), sheet.phone(fields.get("phone")), 1),
            (word("cell"), sheet.phone(extras.get("cell")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [(word("email"), _text(extras.get("email")), 1)],
    )
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_patient")
    return bottom


def _contact(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    row = _row_height(sheet)
    word = sheet.word
    base = _first_base(sheet, top)
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("contact"), _text(fields.get("emergency_contact_name")), 1.5),
            (word("relation"), _text(extras.get("relation")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("c_phone"), sheet.phone(fields.get("emergency_contact_phone")), 1),
            (word("c_work"), sheet.phone(extras.get("emergency_work_phone")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0, RIGHT, base, [(word("c_address"), _text(fields.get("emergency_contact_address")), 1)]
    )
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_contact")
    return bottom


def _doctor(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    base = _first_base(sheet, top)
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (sheet.word("doctor"), _text(extras.get("doctor")), 1.4),
            (sheet.word("doctor_phone"), sheet.phone(extras.get("doctor_phone")), 1),
        ],
    )
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_doctor")
    return bottom


def _grid(
    sheet: _Sheet, top: float, options: Sequence[str], ticked: Sequence[str], cols: int
) -> float:
    """Printed options in rows of ``cols``, each after a box; the baseline of the last row."""
    page = sheet.page
    width = (RIGHT - FX0) / cols
    base = top
    for k, option in enumerate(options):
        if k and k % cols == 0:
            base += 58
        x = FX0 + (k % cols) * width
        end = common.checkbox(
            page, x, base + 2, checked=option in ticked, mark=sheet.style["mark"], side=32
        )
        page.text(end + 30, base, option, "opt", max_width=width - 84)
    return base


def _conditions(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    problems: Sequence[str] = fields.get("medical_problems") or []
    ticked: Sequence[str] = extras.get("conditions_ticked") or []
    written = [item for item in problems if item not in ticked]
    base = top + 56
    end = page.text(FX0, base, sheet.word("check_all"), "q")
    none = bool(extras.get("conditions_none"))
    end = common.checkbox(
        page, max(end + 80, 1500.0), base + 2, checked=none, mark=sheet.style["mark"], side=32
    )
    page.text(end + 30, base, sheet.word("no_conditions"), "opt")
    base = _grid(sheet, base + 62, CONDITION_GRID, ticked, int(sheet.style["grid_cols"]))
    other = ", ".join(written)
    if not problems and not extras.get("conditions_none"):
        other = _text(sheet.style.get("empty_list"))
    base += _row_height(sheet) - 4
    sheet.fields_row(FX0, RIGHT, base, [(sheet.word("other"), other, 1)])
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_health")
    return bottom


def _immunizations(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    options = sheet.parts("status_set")
    x0, split = FX0, FX0 + 620
    widths = [max(page.width(text, "colhead") + 60, 240.0) for text in options]
    rows = (("chicken", "chicken_pox"), ("measles", "measles"))
    y = top + 36
    row_h = 70.0
    if style["imm_mode"] == "boxes":
        sheet.rect(x0, y, RIGHT, y + 56, fill=sheet.tint, outline=None)
        page.text(x0 + 14, y + 40, sheet.word("disease"), "colhead")
        x = split
        for text, width in zip(options, widths, strict=True):
            page.text(x + 14, y + 40, text, "colhead")
            x += width
        y += 56
    for key, name in rows:
        base = y + row_h - 26
        page.text(x0 + 14, base, sheet.word(key), "q", max_width=split - x0 - 30)
        unsure = bool(extras.get(f"{name}_unsure"))
        chosen = 2 if unsure else {"immune": 0, "not immune": 1}.get(_text(fields.get(name)))
        if style["imm_mode"] == "boxes":
            x = split
            for k, width in enumerate(widths):
                common.checkbox(
                    page, x + 30, base + 2, checked=k == chosen, mark=style["mark"], side=32
                )
                x += width
        else:
            common.circled_options(
                page,
                split + 20,
                base,
                [(str(k), text) for k, text in enumerate(options)],
                None if chosen is None else str(chosen),
                face="opt",
                gap=90,
            )
        y += row_h
        sheet.line(x0, y, RIGHT, y, width=1.5, fill=HAIR)
    sheet.line(x0, top + 36, RIGHT, top + 36, width=2, fill=sheet.colour)
    # hepatitis B and the flu shot
    questions: tuple[tuple[str, str | None], ...] = (
        ("hep_b", "hepatitis_b_vaccination"),
        ("flu", None),
    )
    for key, asked in questions:
        base = y + 70
        end = page.text(x0 + 14, base, sheet.word(key), "q", max_width=1000)
        if asked:
            unsure = bool(extras.get(f"{asked}_unsure"))
            chosen = 2 if unsure else {"yes": 0, "no": 1}.get(_text(fields.get(asked)))
        else:
            flu = extras.get("flu")
            chosen = flu if isinstance(flu, int) else None
        opts = sheet.parts("yes_no_sure")
        start = max(end + 40, split + 560)
        if style["imm_mode"] == "boxes":
            sheet.boxes(start, base, opts, chosen)
        else:
            common.circled_options(
                page,
                start + 20,
                base,
                [(str(k), text) for k, text in enumerate(opts)],
                None if chosen is None else str(chosen),
                face="opt",
                gap=90,
            )
        y += 70
    bottom = y + 36
    _side_head(sheet, top, bottom, "sec_vaccines")
    return bottom


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _stripe(sheet)
    top = _record_head(sheet, fields, extras) + 10
    top = _patient(sheet, fields, extras, top) + 10
    top = _contact(sheet, fields, extras, top) + 10
    if style["doctor"]:
        top = _doctor(sheet, extras, top) + 10
    top = _conditions(sheet, fields, extras, top) + 10
    top = _immunizations(sheet, fields, extras, top)
    sheet.line(LEFT, top, RIGHT, top, width=3, fill=sheet.colour)
    base = min(max(top + 140, 2990.0), BOTTOM)
    sheet.line(LEFT, base + 13, LEFT + 1000, base + 13, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 560, base, sheet.ink())
    page.text(LEFT, base + 48, sheet.word("sign"), "note")
    if style["date_place"] == "foot":
        end = page.text(1300, base, f"{sheet.word('sign_date')}:", "key")
        sheet.write(end + 14, 2000, base, sheet.date(fields.get("record_date")))
    sheet.fine_print(sheet.word("fine"), 1)
    return page.image


def _insurance(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    word = sheet.word
    row = _row_height(sheet)
    base = top + 70
    end = page.text(FX0, base, word("q_ins"), "q", max_width=1100)
    answer = {"yes": 0, "no": 1}.get(_text(fields.get("has_insurance")))
    sheet.boxes(max(end + 50, 1760.0), base, sheet.parts("yes_no"), answer)
    base += row + 10
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("plan"), _text(fields.get("insurance_company")), 1.5),
            (word("plan_phone"), sheet.phone(extras.get("plan_phone")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (
                word("member"),
                _text(extras.get("policy_number_printed") or fields.get("policy_number")),
                1.5,
            ),
            (word("group"), _text(extras.get("group")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [(word("bin"), _text(extras.get("bin")), 1), (word("pcn"), _text(extras.get("pcn")), 1)],
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("holder"), _text(extras.get("holder")), 1.4),
            (word("holder_rel"), _text(extras.get("holder_relation")), 1),
        ],
    )
    base += row
    sheet.fields_row(
        FX0, RIGHT, base, [(word("plan_address"), _text(fields.get("insurance_address")), 1)]
    )
    base += row
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (word("effective"), sheet.date(extras.get("effective")), 1),
            (word("expiry"), sheet.date(fields.get("insurance_expiry")), 1),
        ],
    )
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_ins")
    return bottom


def _allergies(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    allergies: Sequence[str] = fields.get("allergies") or []
    ticked: Sequence[str] = extras.get("allergies_ticked") or []
    written = [item for item in allergies if item not in ticked]
    base = top + 66
    end = common.checkbox(
        page, FX0, base + 2, checked=bool(extras.get("nkda")), mark=sheet.style["mark"], side=32
    )
    page.text(end + 30, base, sheet.word("nkda"), "key")
    page.text(FX0, base + 66, sheet.word("allergic_to"), "q")
    base = _grid(sheet, base + 130, ALLERGY_GRID, ticked, 3)
    other = ", ".join(written)
    if not allergies and not extras.get("nkda"):
        other = _text(sheet.style.get("empty_list"))
    base += _row_height(sheet) - 4
    sheet.fields_row(
        FX0,
        RIGHT,
        base,
        [
            (sheet.word("allergy_other"), other, 1.5),
            (sheet.word("reaction"), _text(extras.get("reactions")), 1),
        ],
    )
    bottom = base + 46
    _side_head(sheet, top, bottom, "sec_allergy")
    return bottom


def _medicines(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    medicines: Sequence[str] = fields.get("regular_medication") or []
    rows: Sequence[Sequence[str]] = extras.get("med_rows") or []
    base = top + 60
    page.text(FX0, base, sheet.word("meds_note"), "note", max_width=RIGHT - FX0)
    base += 62
    end = common.checkbox(
        page, FX0, base + 2, checked=bool(extras.get("no_meds")), mark=sheet.style["mark"], side=32
    )
    page.text(end + 30, base, sheet.word("no_meds"), "opt")
    empty = "" if extras.get("no_meds") else _text(sheet.style.get("empty_list"))
    if sheet.style["med_mode"] == "line":
        base += _row_height(sheet)
        text = ", ".join(medicines) if medicines else empty
        sheet.fields_row(FX0, RIGHT, base, [(sheet.word("meds_line"), text, 1)])
        bottom = base + 46
    else:
        cols = (FX0, FX0 + 720, FX0 + 1010, FX0 + 1420, RIGHT)
        heads = (sheet.word("med"), sheet.word("med_dose"), sheet.word("med_how"))
        y = base + 30
        sheet.rect(cols[0], y, cols[-1], y + 50, fill=sheet.tint, outline=None)
        for k, text in enumerate((*heads, sheet.word("med_doctor"))):
            page.text(cols[k] + 14, y + 36, text, "colhead", max_width=cols[k + 1] - cols[k] - 24)
        y += 50
        count = max(3, len(medicines))
        for k in range(count):
            b = y + 62
            if k < len(medicines):
                cells = [medicines[k], *(rows[k] if k < len(rows) else ())]
            else:
                cells = [empty] if k == 0 and not medicines else []
            for c, text in enumerate(cells[:4]):
                if text:
                    page.text(cols[c] + 16, b, text, "value", max_width=cols[c + 1] - cols[c] - 32)
            y += 80
            sheet.line(cols[0], y, cols[-1], y, width=1.5, fill=HAIR)
        for x in cols[1:-1]:
            sheet.line(x, base + 30, x, y, width=1.5, fill=HAIR)
        bottom = y + 20
    _side_head(sheet, top, bottom, "sec_meds")
    return bottom


def _preferences(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    page = sheet.page
    base = top + 62
    for key, chosen, options in (
        ("caps", extras.get("caps"), sheet.parts("yes_no")),
        ("generic", extras.get("generic"), sheet.parts("yes_no")),
        ("remind", extras.get("remind"), sheet.parts("remind_options")),
    ):
        end = page.text(FX0, base, sheet.word(key), "q", max_width=960)
        sheet.boxes(
            max(end + 40, 1600.0), base, options, chosen if isinstance(chosen, int) else None
        )
        base += 66
    bottom = base - 20
    _side_head(sheet, top, bottom, "sec_pref")
    return bottom


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _stripe(sheet)
    _cross(sheet, LEFT + 46, 176, 40)
    page.text(LEFT + 110, 192, str(style["pharmacy"]), "org", size=40, max_width=1000)
    page.text(RIGHT, 192, sheet.word("title"), "title", anchor="rs", size=44, max_width=1000)
    top = 250.0
    if style["running_name"]:
        end = page.text(LEFT, top + 70, f"{sheet.word('running')}:", "key")
        sheet.write(end + 14, 1400, top + 70, _text(fields.get("patient_name")))
        top += 110
    top += 20
    first, second = (_insurance, _allergies)
    if style["order"] == "allergies_first":
        first, second = second, first
    top = first(sheet, fields, extras, top) + 14
    top = second(sheet, fields, extras, top) + 14
    top = _medicines(sheet, fields, extras, top) + 14
    top = _preferences(sheet, extras, top)
    sheet.line(LEFT, top, RIGHT, top, width=3, fill=sheet.colour)
    lines = render.wrap(page, sheet.word("ack"), "note", RIGHT - LEFT)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT, top + 50 + 34 * k, line, "note")
    base = min(max(top + 220, 2960.0), BOTTOM)
    sheet.line(LEFT, base + 13, LEFT + 1000, base + 13, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 560, base, sheet.ink())
    page.text(LEFT, base + 48, sheet.word("sign"), "note")
    end = page.text(1300, base, f"{sheet.word('sign_date')}:", "key")
    again = sheet.date(fields.get("record_date")) if extras.get("date_again") else ""
    sheet.write(end + 14, 2000, base, again)
    sheet.fine_print(sheet.word("fine"), 2)
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _void_line(sheet: _Sheet, base: float) -> None:
    page = sheet.page
    text = f"{sheet.word('void')}  ·  "
    line = text * 30
    while page.width(line, "fine") > RIGHT - LEFT:
        line = line[: -len(text)]
    page.text(LEFT, base, line.rstrip(" ·"), "fine")


def _prescriber_numbers(sheet: _Sheet, extras: Mapping[str, Any]) -> list[str]:
    found = [f"{sheet.word('npi')} {extras['npi']}"]
    if extras.get("dea"):
        found.append(f"{sheet.word('dea')} {extras['dea']}")
    if extras.get("license"):
        found.append(f"{sheet.word('lic')} {extras['license']}")
    return found


def _rx_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    page = sheet.page
    style = sheet.style
    page.text(LEFT + 30, 210, str(style["clinic"]), "org", max_width=1200)
    lines = [
        _text(style.get("department")),
        f"{style['street']}, {style['city']}",
        f"{sheet.word('tel')} {sheet.phone(style['phone'])}   "
        f"{sheet.word('fax')} {sheet.phone(style['fax'])}",
    ]
    base = 262.0
    for line in lines:
        if line:
            page.text(LEFT + 30, base, line, "org_small", max_width=1200)
            base += 38
    if style["prescriber_place"] == "head":
        x = RIGHT - 30
        page.text(x, 210, _text(fields.get("prescriber")), "prescriber", anchor="rs", max_width=900)
        b = 262.0
        for line in _prescriber_numbers(sheet, extras):
            page.text(x, b, line, "org_small", anchor="rs")
            b += 38
        base = max(base, b)
    top = base + 30
    sheet.line(LEFT + 30, top, RIGHT - 30, top, width=3, fill=sheet.colour)
    base = top + 96
    if style["title_centred"]:
        page.text(render.PAGE_WIDTH / 2, base, sheet.word("title"), "title", anchor="ms")
    else:
        page.text(LEFT + 30, base, sheet.word("title"), "title")
    if style["date_place"] == "head":
        end = page.text(1700, base, f"{sheet.word('date')}:", "key")
        sheet.write(end + 14, RIGHT - 30, base, sheet.date(fields.get("date")))
    return base + 50


def _patient_panel(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    x0, x1 = LEFT + 30, RIGHT - 30
    rows = 4 if style["date_place"] != "patient" else 5
    bottom = top + 60 + rows * 100 + 10
    sheet.rect(x0, top + 24, x1, bottom, outline=sheet.colour, width=3)
    tab = sheet.word("patient")
    width = page.width(tab, "badge") + 50
    sheet.rect(x0, top, x0 + width, top + 48, fill=sheet.colour, outline=None)
    page.text(x0 + 25, top + 36, tab, "badge")
    fx0, fx1 = x0 + 40, x1 - 40
    base = top + 120
    word = sheet.word
    cells = [
        (word("name"), _text(fields.get("patient_name")), 1.6),
        (word("dob"), sheet.date(extras.get("patient_dob"), short_year=False), 1),
    ]
    sheet.fields_row(fx0, fx1, base, cells)
    base += 100
    sheet.fields_row(fx0, fx1, base, [(word("address"), _text(fields.get("patient_address")), 1)])
    base += 100
    sheet.fields_row(
        fx0,
        fx1,
        base,
        [
            (word("phone"), sheet.phone(extras.get("patient_phone")), 1),
            (word("chart"), _text(extras.get("chart")), 1),
        ],
    )
    base += 100
    sheet.fields_row(
        fx0, fx1, base, [(word("allergies"), _text(extras.get("patient_allergies")), 1)]
    )
    if style["date_place"] == "patient":
        base += 100
        sheet.fields_row(fx0, fx0 + 900, base, [(word("date"), sheet.date(fields.get("date")), 1)])
    return bottom


def _medicine_list(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    page = sheet.page
    style = sheet.style
    x = LEFT + 40
    base = top + 130
    glyph = {"glyph": fonts.RX_GLYPH, "Rx": "Rx", "none": ""}[str(style["rx"])]
    if glyph:
        rx_font = str(style["rx_font"] or style["title_font"])
        page.add_face("rx", rx_font, 96, bold=glyph == "Rx")
        page.text(x, base, glyph, "rx")
        base += 120
    else:
        base += 10
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    days: Sequence[str] = extras.get("days") or []
    show_days = bool(style["show_days"])
    qty_x = 1700.0 if not show_days else 1520.0
    days_x = 2090.0
    for k, medicine in enumerate(medicines):
        sheet.rect(x, base - 42, x + 50, base + 8, fill=sheet.colour, outline=None)
        page.text(x + 25, base - 4, str(k + 1), "badge", anchor="ms")
        page.text(x + 80, base, medicine, "value", max_width=qty_x - x - 120)
        end = page.text(qty_x, base, f"{sheet.word('qty')}:", "key")
        qty = quantities[k] if k < len(quantities) else ""
        limit = (days_x if show_days else RIGHT - 30) - end - 40
        page.text(end + 30, base, qty, "value", max_width=limit)
        if show_days:
            end = page.text(days_x, base, f"{sheet.word('days')}:", "key", max_width=150)
            page.text(end + 14, base, days[k] if k < len(days) else "", "value", max_width=110)
        sheet.line(x + 70, base + 24, RIGHT - 40, base + 24, width=1.5, fill=HAIR)
        base += 104
    return base - 30


def _refills(sheet: _Sheet, refills: Any, x: float, base: float) -> None:
    page = sheet.page
    end = page.text(x, base, f"{sheet.word('refills')}:", "key")
    if sheet.style["refill_mode"] == "line":
        sheet.write(end + 14, end + 190, base, _text(refills))
        if refills != "PRN":
            page.text(end + 210, base, sheet.word("times"), "q")
        return
    options = ["0", "1", "2", "3", "4", "5", "PRN"]
    chosen = options.index(str(refills)) if str(refills) in options else None
    end = sheet.boxes(end + 30, base, options, chosen, face="q")
    end = page.text(end + 50, base, f"{sheet.word('other')}:", "q")
    sheet.write(end + 10, end + 170, base, "" if chosen is not None else _text(refills))


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    header = fonts.family(style["title_font"])
    page.faces["prescriber"] = render.Face(header.bold, 46, INK_DARK)
    sheet.rect(LEFT - 40, 90, RIGHT + 40, 3150, outline=sheet.colour, width=3)
    _void_line(sheet, 70)
    top = _rx_head(sheet, fields, extras)
    top = _patient_panel(sheet, fields, extras, top)
    top = _medicine_list(sheet, fields, extras, top)
    # the directions
    base = top + 90
    page.text(LEFT + 40, base, f"{sheet.word('directions')}:", "key")
    text = _text(fields.get("directions"))
    lines = render.wrap(page, text, "value", RIGHT - LEFT - 200) if text else []
    count = max(int(style["direction_rules"]), len(lines))
    for k in range(count):
        b = base + 86 + k * 88
        sheet.write(LEFT + 80, RIGHT - 40, b, lines[k] if k < len(lines) else "")
    base += 86 + count * 88 + 40
    _refills(sheet, fields.get("refills"), LEFT + 40, base)
    if style["qty_check"]:
        base += 96
        end = page.text(LEFT + 40, base, f"{sheet.word('qty_check')}:", "q")
        band = extras.get("qty_band")
        sheet.boxes(end + 30, base, QTY_BANDS, band if isinstance(band, int) else None, face="q")
    # the signature, the substitution choice and the prescriber at the foot
    base = max(base + 190, 2660.0)
    ink = sheet.ink()
    daw = bool(extras.get("daw"))
    if style["sub_mode"] == "lines":
        for k, key in enumerate(("sub_ok", "daw")):
            x0 = LEFT + 40 + k * 1130
            sheet.line(x0, base + 13, x0 + 1000, base + 13, width=2.5, fill=(60, 60, 60))
            page.text(x0, base + 48, sheet.word(key), "note")
            if (k == 1) == daw:
                page.scribble(x0 + 80, x0 + 560, base, ink)
    else:
        x0 = LEFT + 40
        sheet.line(x0, base + 13, x0 + 1100, base + 13, width=2.5, fill=(60, 60, 60))
        page.text(x0, base + 48, sheet.word("signature"), "note")
        page.scribble(x0 + 80, x0 + 600, base, ink)
        end = common.checkbox(page, 1400, base + 2, checked=daw, mark=style["mark"], side=32)
        page.text(end + 30, base, sheet.word("daw"), "q")
    base += 130
    place = style["prescriber_place"]
    if place == "typed":
        end = page.text(LEFT + 40, base, f"{sheet.word('prescriber')}:", "key")
        end = page.text(end + 20, base, _text(fields.get("prescriber")), "prescriber")
        page.text(
            end + 40,
            base,
            "  ".join(_prescriber_numbers(sheet, extras)),
            "q",
            max_width=RIGHT - end - 80,
        )
    elif place == "written":
        end = page.text(LEFT + 40, base, f"{sheet.word('print_name')}:", "key")
        sheet.write(end + 14, 1500, base, _text(fields.get("prescriber")))
        page.text(
            1540, base, "  ".join(_prescriber_numbers(sheet, extras)), "q", max_width=RIGHT - 1580
        )
    if style["date_place"] == "foot":
        base += 0 if place == "head" else 100
        end = page.text(LEFT + 40, base, f"{sheet.word('date')}:", "key")
        sheet.write(end + 14, end + 520, base, sheet.date(fields.get("date")))
    # the bars and the fine print
    x = LEFT + 40
    digits = [int(c) for c in extras["rx_id"] if c.isdigit()]
    for k, digit in enumerate(digits * 3):
        width = 3 + (digit % 3) * 3
        sheet.rect(x, 2990, x + width, 3050, fill=INK_DARK, outline=None)
        x += width + 5 + (k % 2) * 4
    page.text(x + 30, 3040, f"{sheet.word('rx_id')}: {extras['rx_id']}", "q")
    lines = render.wrap(page, sheet.word("fine"), "fine", RIGHT - LEFT - 80)
    for k, line in enumerate(lines[:2]):
        page.text(LEFT + 40, 3090 + 27 * k, line, "fine")
    _void_line(sheet, 3200)
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
