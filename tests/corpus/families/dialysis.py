"""A dialysis unit's new-patient admission record and a military clinic's prescription form.

Written blind as the held-out family of round 18 (then called ``heldout``): its author never read
the reader.

Neither document is a general practice's registration sheet or a doctor's pad. The record is
the admission packet an outpatient dialysis unit has a new patient (or the admitting nurse)
fill in before the first treatment; the prescription is the government-issue form of a
military treatment facility, ruled into labelled boxes, the prescriber's name stamped (or
typed, or printed by hand) under the signature.

Patient record (two pages), printed in one ink colour per form (a teal, navy, maroon, green,
purple or slate) with a water-drop emblem. Label wording is drawn per form from synonym lists,
in title case or capitals.

* Page 1 head: the unit's emblem, name, line of services, street and city, telephone and fax
  (distractors) at the left; the form's title and subtitle at the right over a framed "office
  use" strip holding the unit's medical record number and the chair (distractors). Then a line
  of instructions. On the forms with the date in the head, a framed admission date (the record
  date) stands at the right of the instructions.
* The body runs in two *newspaper columns* split by a thin rule; every field is a *numbered
  item*: the number (``7.``, or white in a small filled disc) and the label on one line, the
  answer written below it on a pale tinted band or on a rule, per form. Two or three items
  may share a line of a column. Section titles are a filled tab with the title in white, the
  title in coloured capitals over a rule, or the title beside a short coloured bar, per form.
* Left column, the patient: the admission date (on the forms with the date "in the items")
  beside the unit or hospital the patient transfers from (a distractor); the name as one item,
  or a last-name item beside a first-name-and-initial item (the truth is ``First M. Last``);
  the date of birth beside sex (a distractor, printed ``M`` / ``F`` ringed by hand or boxes);
  the address as one item (street, city line and country on one line), or a street item over
  a "city, state, ZIP" item beside a country item (the truth joins the written parts with
  ``", "``); the home phone (``phone``) beside a cell phone (a distractor); the *dry weight*
  (the renal name for the weight; the number with its unit written after it, or none) beside
  the height; the preferred language and an interpreter yes/no (distractors). The emergency
  contact: the name beside the relationship (a distractor), the home phone
  (``emergency_contact_phone``) beside a work / cell phone (a distractor), the address.
* Right column: the dialysis information (distractors all: the nephrologist, the treatment
  type, the treatment days and the vascular access as ticked or crossed boxes, the date the
  patient first had dialysis and the primary cause of kidney failure, which may be a condition
  name such as ``Diabetes``); infection control: chickenpox and measles each with three boxes
  ``Immune`` / ``Not immune`` / ``Unknown`` (a marked "unknown", or no mark, leaves the field
  out), the hepatitis B vaccine series with ``Yes`` / ``No`` / ``Unknown`` boxes (the same),
  the hepatitis B surface antigen result (``Negative`` / ``Positive`` / ``Pending``, a
  distractor); the medical history: the other medical conditions written comma-separated over
  two bands or rules (the document's word for none, or nothing, for the empty list).
* Across the foot: the advance-directive question and the code status (boxes, distractors),
  then who completed the form with their title (distractors) and, on the forms with the date
  "at the foot", the date completed (the record date). The form code and page number are fine
  print at the very foot.

Page 2: a compact head (the unit, the title and "continued"), a running line with the
patient's name and the unit's record number again. A *verification table* whose columns are
the item, the patient's response, the initials of the staff member who checked it and the
date checked (initials and dates are distractors, the dates on or after the record date): the
insurance yes/no question (boxes in the response cell; unanswered leaves ``has_insurance``
out), the primary insurance company, the member / policy number (separators as printed), the
group number (a distractor), the policy holder (a distractor), the claims address, the date
coverage ends (``insurance_expiry``), a secondary coverage (a distractor, ``Medicare Part B``,
``Medicaid`` or ``None``) and the allergies: written comma-separated, or a "no known allergies"
box ticked for none on the forms that print one, or the form's word for none (``NKDA``, ``NKA``,
``None``). Then the home medications: a ruled table of medication, dose, how often and reason
(the truth is the medication column; the form's word for none in its first row for the empty
list), or, per form, one item with the list written comma-separated over two bands or rules.
The page ends with an acknowledgement paragraph, the patient's signature and the date signed
(a distractor date) and the staff witness's signature with its date (a distractor).

Prescription (one page): a government form drawn as one heavy-ruled frame of labelled boxes,
each label in small capitals in its box's top-left corner, the value written in the box. The
paper is white, or a pale green or blue security tint inside the frame. Above the frame, in
small print, the health system's name.

* The title row: the form's title at the left and a pharmacy "Rx no." box (left blank) at the
  right.
* The patient: either one "FOR (full name, address & phone number) (if under 12, give age)" box
  with the name, the address (``patient_address``) and the patient's phone (a distractor)
  written on three lines, beside small "AGE" and "ID NO." boxes (the age only for a child, and
  a ten-digit ID: distractors); or separate "patient name" / "age" and "address" / "phone"
  boxes.
* The medical facility box with the facility's name typed in (and the clinic after it: both
  distractors), beside the date box (``date``) on the forms with the date at the top; on the
  others that box is a "clinic / service" box with the clinic typed in (a distractor) and the
  date box sits beside the printed name at the foot.
* The big box: the ℞ with "(Superscription)" beside it; the medicines one a line after
  "(Inscription)", with a quantity column at the right (``#30``, distractors) or each followed
  by a "Disp #30" line under "(Subscription)" (distractors), or neither, per form; the
  directions after "(Signa)" (or "SIG" / "Directions") over ruled lines. At its right a
  pharmacy-use column of small boxes (MFG, EXP DATE, LOT NO., FILLED BY, CHECKED BY), blank.
* The refills box: ``0 1 2 3 4 5 PRN`` printed with one ringed by hand (a larger number
  written after "Other"), or the number written in the box; beside it the substitution boxes
  ("Generic substitution permitted" / "Dispense as written", one ticked: a distractor).
* The signature box (a scribble), the rank box and the degree box (written: distractors; the
  degree is the name's printed suffix when it has one).
* The printed name box: the prescriber's name (``prescriber``, as printed, titles kept)
  either in a violet rubber-stamp impression with the rank and corps, the clinic and the DEA
  number under it, or typed, or printed by hand; beside it the clinic's phone (a distractor) or
  the date (on the forms with the date at the foot).
* Fine print under the frame.
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
SPLIT = 1275.0  # the rule between the record's two columns
GUTTER = 34.0
LAST = 3100.0  # no text but fine print below this baseline
DARK = (25, 25, 25)
FRAME = (30, 30, 30)
GREY = (95, 95, 95)
RULE = (150, 150, 150)
STAMP = (92, 58, 150)

# fmt: off
COLOURS = ([0, 118, 122], [22, 52, 110], [124, 22, 48], [24, 110, 60], [88, 48, 128],
           [70, 84, 98])
UNIT_PLACES = (
    "Riverside", "Lakeshore", "Prairie View", "Harborside", "Bluestone", "Redwood", "Summit",
    "Millbrook", "Stonegate", "Clearwater", "Willow Creek", "Northgate",
)
UNIT_KINDS = ("Dialysis Center", "Kidney Center", "Renal Care", "Dialysis Unit", "Kidney Care")
SERVICES = (
    "In-center hemodialysis", "Home dialysis training", "Peritoneal dialysis",
    "Nocturnal hemodialysis", "Transplant referral", "Kidney disease education",
)
LANGUAGES = ("English", "Spanish", "Vietnamese", "Tagalog", "Arabic", "Russian", "Mandarin",
             "Haitian Creole", "Polish", "Somali", "Korean", "Portuguese")
CAUSES = ("Diabetes", "Hypertension", "Polycystic kidney disease", "Glomerulonephritis",
          "Lupus nephritis", "Obstructive uropathy", "Unknown")
RELATIONS = ("Wife", "Husband", "Daughter", "Son", "Sister", "Brother", "Mother", "Father",
             "Friend", "Partner", "Niece", "Nephew", "Neighbor")
STAFF_TITLES = ("RN", "LPN", "RN, CNN", "MSW", "Charge RN", "PCT")
SECONDARY = ("Medicare Part B", "Medicaid", "None", "Medigap", "VA benefits", "Tricare")
FREQS = ("daily", "twice daily", "at bedtime", "with meals", "three times a day", "as needed",
         "on dialysis days", "weekly", "every morning")
REASONS = ("blood pressure", "phosphorus", "anemia", "diabetes", "cholesterol", "heart",
           "sleep", "pain", "thyroid", "stomach", "mood", "infection")
# (name, strengths, unit): what dialysis patients take besides the common drugs
RENAL_DRUGS = (
    ("Sevelamer", ("800",), "mg"), ("Calcitriol", ("0.25", "0.5"), "mcg"),
    ("Cinacalcet", ("30", "60"), "mg"), ("Calcium acetate", ("667",), "mg"),
    ("Midodrine", ("5", "10"), "mg"),
)
FACILITY_PLACES = ("Fort Carver", "Camp Halsted", "Lakeport", "Whitfield", "Port Mercer",
                   "Redstone Flats", "Kessler Point", "Fort Alder", "Bayview Station")
FACILITY_KINDS = ("Army Health Clinic", "Naval Branch Health Clinic", "Air Force Medical Clinic",
                  "Coast Guard Sector Clinic", "Troop Medical Clinic", "Joint Base Clinic")
CLINICS = ("Family Practice", "Internal Medicine", "Primary Care Clinic", "Pediatrics",
           "Flight Medicine", "Acute Care Clinic", "Soldier Readiness Clinic")
# rank: the corps and service a stamp prints after it
RANKS = {
    "CPT": ("MC, USA", "SP, USA"), "MAJ": ("MC, USA", "SP, USA"), "LTC": ("MC, USA",),
    "LT": ("MC, USN", "MC, USCG"), "LCDR": ("MC, USN", "MC, USCG"), "CDR": ("MC, USN",),
    "Capt": ("USAF, MC", "USAF, BSC"), "Maj": ("USAF, MC",), "Lt Col": ("USAF, MC",),
    "CIV": ("GS", "Civilian"),
}
DEGREES = ("MD", "DO", "PA-C", "NP", "FNP-C")
DATE_CHOICES = ("dmy_text", "dmy_text", "dmy_long", "mdy_slash", "mdy_slash", "mdy_short",
                "mdy_long", "mdy_plain", "dmy_slash", "dmy_dot", "iso")
TINTS = (None, None, [236, 246, 236], [234, 241, 250])
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "New Patient Admission",
        "Admission Record",
        "Patient Intake & Admission",
        "New Patient Registration",
    ),
    "subtitle": ("Outpatient hemodialysis", "Chronic dialysis unit", "In-center & home dialysis"),
    "instructions": (
        "Please print clearly. Answer every question; ask your nurse if you are not sure. "
        "Bring your insurance card and all your medicine bottles to your first treatment.",
        "To be completed by the patient or family before the first treatment and reviewed by "
        "the admitting nurse. Write N/A for questions that do not apply.",
    ),
    "office": ("Office use", "For unit use", "Staff only"),
    "mrn": ("MRN", "Unit #", "Patient #"),
    "chair": ("Chair", "Station", "Chair / shift"),
    "admit_date": ("Date of admission", "Admission date", "Date admitted", "First treatment here"),
    "from": ("Transferred from", "Referred by (hospital / unit)", "Previous unit"),
    "sec_patient": ("Patient information", "About you", "Patient"),
    "name": ("Patient's full name", "Full legal name", "Name (first, middle, last)"),
    "last": ("Last name", "Surname", "Family name"),
    "first": ("First name, M.I.", "Given name & initial", "First name and middle initial"),
    "dob": ("Date of birth", "Birth date", "DOB"),
    "sex": ("Sex", "Gender"),
    "address": ("Home address", "Address (street, city, state, ZIP)", "Where you live"),
    "street": ("Street address", "Home address (number and street)", "Street / apt."),
    "city": ("City, state, ZIP", "City / State / ZIP code", "Town, state, ZIP"),
    "country": ("Country",),
    "phone": ("Home phone", "Telephone (home)", "Home tel."),
    "cell": ("Cell phone", "Mobile", "Other phone"),
    "weight": ("Dry weight", "Target (dry) weight", "Estimated dry weight"),
    "height": ("Height", "Ht."),
    "language": ("Preferred language", "Language spoken at home", "Primary language"),
    "interpreter": ("Interpreter needed?", "Need an interpreter?"),
    "sec_contact": ("Emergency contact", "Person to notify", "In case of emergency, call"),
    "contact": ("Name", "Contact's name", "Full name"),
    "relation": ("Relationship", "Relation to patient"),
    "contact_phone": ("Home phone", "Phone (home)", "Home tel."),
    "contact_other": ("Work / cell phone", "Alternate phone", "Cell"),
    "contact_address": ("Address", "Contact's address", "Home address"),
    "sec_dialysis": ("Dialysis information", "Treatment plan", "Kidney care"),
    "nephrologist": ("Nephrologist", "Attending nephrologist", "Kidney doctor"),
    "modality": ("Treatment type", "Modality", "Dialysis type"),
    "in_center": ("In-center HD",),
    "home_hd": ("Home HD",),
    "pd": ("Peritoneal (PD)", "PD"),
    "schedule": ("Treatment days", "Schedule", "Days"),
    "mwf": ("Mon-Wed-Fri", "M / W / F"),
    "tts": ("Tue-Thu-Sat", "T / Th / S"),
    "access": ("Vascular access", "Access type", "Current access"),
    "fistula": ("AV fistula", "Fistula"),
    "graft": ("AV graft", "Graft"),
    "catheter": ("Catheter", "CVC"),
    "first_dialysis": ("First dialysis ever", "Date dialysis began", "Started dialysis"),
    "cause": ("Primary cause of kidney failure", "Cause of ESRD", "Kidney diagnosis"),
    "sec_infection": ("Infection control", "Immunity & infection screening", "Immunizations"),
    "chicken_pox": ("Chickenpox (varicella)", "Varicella", "Chicken pox"),
    "measles": ("Measles (rubeola)", "Measles"),
    "immune": ("Immune",),
    "not_immune": ("Not immune",),
    "unknown": ("Unknown", "Don't know", "Not sure"),
    "hep_b": (
        "Hepatitis B vaccine series complete?",
        "Completed hepatitis B vaccination?",
        "Hep B vaccine (all doses) received?",
    ),
    "hbsag": ("Hepatitis B surface antigen", "HBsAg (last result)"),
    "negative": ("Negative",),
    "positive": ("Positive",),
    "pending": ("Pending", "Not done"),
    "sec_history": ("Medical history", "Health history", "Other health problems"),
    "problems": (
        "Other medical conditions (diabetes, heart disease, etc.)",
        "List any other medical problems",
        "Diagnoses besides kidney failure",
    ),
    "yes": ("Yes",),
    "no": ("No",),
    "directive": ("Advance directive on file?", "Do you have an advance directive?"),
    "code": ("Code status", "Resuscitation status"),
    "full_code": ("Full code",),
    "dnr": ("DNR", "Do not resuscitate"),
    "completed_by": ("Completed by", "Admitting nurse", "Intake done by"),
    "staff_title": ("Title", "Credentials"),
    "done_date": ("Date", "Date completed"),
    "form": ("Form DU-101 rev. 03/2022", "ADM-4 (2021)", "Form NP-ADM rev. 2023", "KC-11 08/2020"),
    "continued": ("continued", "page 2 of the admission record"),
    "running": ("Patient", "Patient name", "Name"),
    "sec_verify": (
        "Insurance and allergies (verified at admission)",
        "Coverage & allergy verification",
        "Payer and allergy check",
    ),
    "col_item": ("Item", "Question"),
    "col_answer": ("Response", "Patient's answer", "Answer"),
    "col_by": ("Verified by", "Staff initials", "Checked by"),
    "col_date": ("Date", "Date verified"),
    "insured_q": (
        "Do you have health insurance?",
        "Covered by insurance?",
        "Any health insurance coverage?",
    ),
    "carrier": ("Primary insurance", "Insurance company", "Primary payer"),
    "member": ("Member / policy no.", "Policy #", "Subscriber ID"),
    "group": ("Group no.", "Group #"),
    "holder": ("Policy holder", "Subscriber name", "Insured person"),
    "claims": ("Claims address", "Payer mailing address", "Send claims to"),
    "expiry": ("Coverage ends", "Termination date", "Valid through"),
    "secondary": ("Secondary coverage", "Other coverage", "Secondary payer"),
    "allergies": ("Drug / food / latex allergies", "Allergies", "Known allergies"),
    "nkda": ("No known allergies", "NKDA"),
    "sec_meds": ("Home medications", "Current medications", "Medications you take at home"),
    "med_note": (
        "Include vitamins, supplements and over-the-counter medicines.",
        "List every medicine, even if you take it only now and then.",
    ),
    "med": ("Medication", "Drug name", "Medicine"),
    "dose": ("Dose", "Strength"),
    "freq": ("How often", "Frequency", "When"),
    "reason": ("Reason", "What for", "Taken for"),
    "med_list": ("List all medicines you take", "Medicines taken regularly"),
    "sec_consent": ("Acknowledgement", "Patient rights and consent"),
    "consent": (
        "I have received a copy of the unit's patient rights and responsibilities, the "
        "grievance procedure and the emergency plan. The information I gave on this form is "
        "true and complete to the best of my knowledge.",
        "I consent to dialysis treatment and related care by the staff of this unit and "
        "authorize the release of information needed for billing and coordination of care "
        "with my nephrologist, my hospital and my insurers.",
    ),
    "patient_sign": (
        "Patient or representative signature",
        "Signature of patient / legal representative",
    ),
    "staff_sign": ("Staff witness", "Witness signature"),
    "sign_date": ("Date",),
}

_RX: dict[str, tuple[str, ...]] = {
    "system": (
        "MILITARY HEALTH SYSTEM",
        "UNIFORMED SERVICES HEALTH CARE",
        "ARMED FORCES MEDICAL SERVICE",
    ),
    "title": ("PRESCRIPTION", "OUTPATIENT PRESCRIPTION", "MEDICATION PRESCRIPTION"),
    "rx_no": ("RX NO. (Pharmacy)", "PHARMACY NO.", "RX NUMBER"),
    "for": (
        "FOR (Full name, address & phone number) (If under 12, give age)",
        "FOR (Patient's full name, address and telephone)",
        "PATIENT (Name, address, phone)",
    ),
    "name": ("PATIENT NAME", "NAME OF PATIENT", "PATIENT'S FULL NAME"),
    "address": ("ADDRESS", "HOME ADDRESS", "MAILING ADDRESS"),
    "phone": ("PHONE", "TELEPHONE NO."),
    "age": ("AGE", "AGE (if under 12)"),
    "id": ("ID NO.", "DOD ID NO.", "SPONSOR ID"),
    "facility": ("MEDICAL FACILITY", "TREATMENT FACILITY", "ISSUING FACILITY"),
    "service": ("CLINIC / SERVICE", "SERVICE", "DEPARTMENT"),
    "date": ("DATE", "DATE WRITTEN", "DATE ISSUED"),
    "super": ("(Superscription)",),
    "inscription": ("(Inscription)",),
    "subscription": ("(Subscription)",),
    "signa": ("(Signa)", "SIG", "Directions"),
    "qty": ("QTY", "QUANTITY", "DISP"),
    "pharmacy": ("PHARMACY USE ONLY", "FOR PHARMACY USE"),
    "mfg": ("MFG",),
    "exp": ("EXP DATE",),
    "lot": ("LOT NO.",),
    "filled": ("FILLED BY",),
    "checked": ("CHECKED BY",),
    "refills": ("REFILLS", "NO. OF REFILLS", "REFILL"),
    "other": ("Other",),
    "times": ("times",),
    "substitute": ("Generic substitution permitted", "Substitution allowed"),
    "daw": ("Dispense as written", "No substitution"),
    "signature": ("SIGNATURE", "SIGNATURE OF PRESCRIBER"),
    "rank": ("RANK", "RANK / GRADE"),
    "degree": ("DEGREE", "CREDENTIALS"),
    "printed": (
        "PRESCRIBER (Print or stamp name)",
        "NAME OF PRESCRIBER (Typed or stamped)",
        "PRESCRIBER'S NAME",
    ),
    "clinic_phone": ("PHONE / DSN", "CLINIC PHONE"),
    "form": (
        "RX FORM 1289-C, NOV 2019. PREVIOUS EDITION IS OBSOLETE.",
        "MHS FORM 12 (REV 2021). Previous editions may be used until exhausted.",
        "USHC-RX-4 (08/2022). Replaces all earlier versions.",
    ),
    "fine": (
        "Controlled substances: a new prescription is required for each fill. Not valid "
        "after 90 days. Pharmacy: verify the patient's ID card before dispensing.",
        "Bring your ID card to the pharmacy. Prescriptions not picked up within 10 days are "
        "returned to stock.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _initials(rnd: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTW"
    return rnd.choice(letters) + rnd.choice(letters)


def _printed_sheet(
    rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]
) -> None:
    """The printed form's wording and look, shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["capitals"] = rnd.random() < 0.35
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "n/a", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(28, 32), value_size=(40, 46)
    )
    if document_type == "prescription":
        _printed_sheet(rnd, style, _RX)
        printed = [f.name for f in fonts.families(handwriting=False)]
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        style.update(
            facility=f"{rnd.choice(FACILITY_PLACES)} {rnd.choice(FACILITY_KINDS)}",
            clinic=rnd.choice(CLINICS),
            clinic_phone=values.phone_number(rnd),
            tint=rnd.choice(TINTS),
            patient_box=rnd.choice(("for", "for", "split")),
            date_place=rnd.choice(("top", "top", "foot")),
            qty_mode=rnd.choice(("column", "line", "none")),
            refill_mode=rnd.choice(("circle", "write")),
            name_mode=rnd.choice(("stamp", "stamp", "typed", "hand")),
            stamp_font="Liberation Mono" if "Liberation Mono" in printed else style["label_font"],
            rx_form=rnd.choice(("glyph", "R")) if rx_fonts else "R",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else style["title_font"],
            sig_rules=rnd.choice((3, 4)),
        )
        style["prescriber_written"] = style["name_mode"] == "hand"
        return style
    _printed_sheet(rnd, style, _REC)
    style.update(
        colour=rnd.choice(COLOURS),
        unit={
            "name": f"{rnd.choice(UNIT_PLACES)} {rnd.choice(UNIT_KINDS)}",
            "services": rnd.sample(SERVICES, 2),
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
            "fax": values.phone_number(rnd),
        },
        answer=rnd.choice(("band", "band", "rule")),
        numbers=rnd.choice(("dot", "disc")),
        header=rnd.choice(("tab", "caps", "bar")),
        date_place=rnd.choice(("head", "items", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        sex_mode=rnd.choice(("circle", "boxes")),
        meds_mode=rnd.choice(("table", "table", "list")),
        nkda_box=rnd.random() < 0.5,
        no_allergies=rnd.choice(("NKDA", "NKA", "None")),
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
    admitted = _between(rnd, dt.date(2019, 1, 2), dt.date(2025, 11, 28))
    fields: dict[str, Any] = {"record_date": admitted.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    admitted = dt.date.fromisoformat(fields["record_date"])
    birth = _between(rnd, dt.date(1934, 1, 1), dt.date(1996, 12, 31))
    age = (admitted - birth).days // 365
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.55:
        lines.append(rnd.choice(("USA", "United States", "U.S.A.")))
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.9:
        fields["weight"] = weight
    if rnd.random() < 0.8:
        fields["height"] = height
    first_dialysis = admitted - dt.timedelta(days=rnd.randint(30, 2400))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "mrn": f"{rnd.choice(('', 'DU', 'K'))}{_digits(rnd, rnd.choice((6, 7)))}",
        "chair": f"{rnd.randint(1, 24)}{rnd.choice(('', '', 'A', 'B'))}"
        if rnd.random() < 0.7
        else None,
        "from": f"{rnd.choice(UNIT_PLACES)} {rnd.choice(('General Hospital', 'Medical Center'))}"
        if rnd.random() < 0.7
        else None,
        "sex": rnd.choice(("M", "F", "M", "F", None)),
        "cell": values.phone_number(rnd) if rnd.random() < 0.5 else None,
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.85 else None,
        "interpreter": rnd.choice(("no", "no", "yes", None)),
        "nephrologist": f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.85
        else None,
        "modality": rnd.choice(("in_center", "in_center", "home_hd", "pd", None)),
        "schedule": rnd.choice(("mwf", "tts", None)),
        "access": rnd.choice(("fistula", "fistula", "graft", "catheter", None)),
        "first_dialysis": first_dialysis.isoformat() if rnd.random() < 0.7 else None,
        "cause": rnd.choice(CAUSES) if rnd.random() < 0.8 else None,
        "hbsag": rnd.choice(("negative", "negative", "negative", "positive", "pending", None)),
        "directive": rnd.choice(("yes", "no", "no", None)),
        "code": rnd.choice(("full_code", "full_code", "dnr", None)),
        "staff": f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.8
        else None,
        "staff_title": rnd.choice(STAFF_TITLES) if rnd.random() < 0.8 else None,
    }
    if rnd.random() < 0.93:
        contact = values.person_name(rnd, last if rnd.random() < 0.6 else None)
        while contact == fields["patient_name"]:
            contact = values.person_name(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.55:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.75:
            fields["emergency_contact_address"] = (
                ", ".join(lines[:2]) if rnd.random() < 0.3 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        roll = rnd.random()
        if roll < 0.84:
            if name == "hepatitis_b_vaccination":
                fields[name] = "yes" if rnd.random() < 0.7 else "no"
            else:
                fields[name] = "immune" if rnd.random() < 0.75 else "not immune"
        elif roll < 0.95:
            extras[f"{name}_unsure"] = True
    fields["medical_problems"] = values._pick_some(rnd, values.CONDITIONS, 0.35, 3)
    # page 2
    roll = rnd.random()
    if roll < 0.86:
        fields["has_insurance"] = "yes"
    elif roll < 0.96:
        fields["has_insurance"] = "no"
    if fields.get("has_insurance") == "yes":
        fields["insurance_company"] = rnd.choice(values.INSURERS)
        printed, canonical = values.policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.8:
            street = rnd.choice((values.street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {values.city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.85:
            ends = admitted + dt.timedelta(days=rnd.randint(45, 1000))
            fields["insurance_expiry"] = ends.isoformat()
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GR-'))}{_digits(rnd, rnd.choice((5, 6)))}"
            if rnd.random() < 0.65
            else None
        )
        extras["holder"] = (
            fields["patient_name"]
            if rnd.random() < 0.6
            else values.person_name(rnd, last if rnd.random() < 0.7 else None)
        )
        extras["secondary"] = rnd.choice(SECONDARY) if rnd.random() < 0.7 else None
    fields["allergies"] = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    count = rnd.randint(1, 4)
    common_drugs = rnd.sample(values.DRUGS, count)
    renal = rnd.sample(RENAL_DRUGS, rnd.randint(0, 2))
    rows = [(name, strengths, unit) for name, strengths, unit, _ in common_drugs] + list(renal)
    rnd.shuffle(rows)
    rows = rows[:5]
    fields["regular_medication"] = [] if rnd.random() < 0.3 else [row[0] for row in rows]
    extras["med_rows"] = [
        [
            f"{rnd.choice(row[1])} {row[2]}" if rnd.random() < 0.85 else "",
            rnd.choice(FREQS) if rnd.random() < 0.85 else "",
            rnd.choice(REASONS) if rnd.random() < 0.6 else "",
        ]
        for row in rows
    ]
    extras["verifier"] = _initials(rnd)
    extras["verified_on"] = (admitted + dt.timedelta(days=rnd.randint(0, 6))).isoformat()
    extras["verified"] = [int(rnd.random() < 0.7) for _ in range(9)]
    extras["signed_on"] = (
        (admitted - dt.timedelta(days=rnd.randint(1, 10))).isoformat()
        if rnd.random() < 0.7
        else None
    )
    extras["witnessed_on"] = (
        (admitted + dt.timedelta(days=rnd.randint(1, 5))).isoformat()
        if rnd.random() < 0.5
        else None
    )
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = values.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    count = len(fields["medicines"])
    child = rnd.random() < 0.15
    rank = rnd.choice(sorted(RANKS))
    _, comma, suffix = fields["prescriber"].rpartition(", ")
    degree = suffix.replace(".", "") if comma else rnd.choice(DEGREES)
    extras: dict[str, Any] = {
        "age": str(rnd.randint(1, 11)) if child else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "id_number": _digits(rnd, 10) if rnd.random() < 0.55 else None,
        "quantities": [f"#{rnd.choice((10, 14, 20, 28, 30, 30, 60, 90))}" for _ in range(count)],
        "dispense": [f"Disp #{rnd.choice((10, 14, 20, 30, 30, 60, 90))}" for _ in range(count)],
        "daw": rnd.random() < 0.3,
        "rank": rank if rnd.random() < 0.8 else None,
        "corps": rnd.choice(RANKS[rank]),
        "degree": degree if rnd.random() < 0.75 else None,
        "dea": rnd.choice("ABFM") + rnd.choice("ABCDEFGHJKLMNPRSTW") + _digits(rnd, 7)
        if rnd.random() < 0.6
        else None,
    }
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


class _Form:
    """One page of either form: its faces, wording and drawing primitives."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style.get("colour") or FRAME)
        self.pale = tuple(round(255 - (255 - c) * 0.12) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        faces["corner"] = render.Face(label.regular, 25, DARK)
        faces["sect"] = render.Face(title.bold, 36, DARK)
        faces["sect_white"] = render.Face(title.bold, 34, (255, 255, 255))
        faces["sect_colour"] = render.Face(title.bold, 36, self.colour)
        faces["disc"] = render.Face(label.bold, 24, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 58, self.colour)
        faces["sub"] = render.Face(title.regular, 38, DARK)
        faces["org"] = render.Face(title.bold, 48, DARK)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 27, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 22, GREY)
        self.value_size = float(faces["value"].size)
        self.number = 0

    def word(self, key: str) -> str:
        text = self.words[key]
        if self.style.get("capitals") and not text.endswith("?") and len(text) < 45:
            return text.upper()
        return text

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def ink(self) -> tuple[int, int, int]:
        return _rgb(self.page.faces["value"].fill)

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 2, fill: Any = FRAME):
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=fill,
            width=max(1, page.px(width)),
        )

    def fill(self, x0: float, y0: float, x1: float, y1: float, colour: Any) -> None:
        page = self.page
        page.draw.rectangle([page.px(x0), page.px(y0), page.px(x1), page.px(y1)], fill=colour)

    def frame(self, x0: float, y0: float, x1: float, y1: float, width: float = 2) -> None:
        common.box(self.page, x0, y0, x1, y1, width=width)

    def boxes(
        self, x: float, base: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """Printed options each after a small box, the chosen one marked; where the row ends."""
        page = self.page
        for key, text in options:
            end = common.checkbox(
                page, x, base + 2, checked=key == chosen, mark=self.style["mark"], side=32
            )
            x = page.text(end + 12, base, text, "opt") + 38
        return x

    def ringed(
        self, x: float, base: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        return common.circled_options(self.page, x, base, options, chosen, face="opt", gap=60)


# --- patient record -------------------------------------------------------------------------


class _Record(_Form):
    """The admission record's two-column page of numbered items."""

    numbered = True  # page 2's items carry no numbers

    def band(self) -> float:
        return self.value_size + 30

    def section(self, x0: float, x1: float, top: float, key: str) -> float:
        """A section title; the top of its first item."""
        page = self.page
        text = self.word(key)
        kind = self.style["header"]
        if kind == "tab":
            self.fill(x0, top, x1, top + 50, self.colour)
            page.text(x0 + 18, top + 37, text.upper(), "sect_white", max_width=x1 - x0 - 36)
            return top + 72
        if kind == "caps":
            page.text(x0, top + 38, text.upper(), "sect_colour", max_width=x1 - x0)
            self.line(x0, top + 52, x1, top + 52, width=3, fill=self.colour)
            return top + 74
        self.fill(x0, top + 4, x0 + 14, top + 50, self.colour)
        page.text(x0 + 30, top + 40, text, "sect", max_width=x1 - x0 - 30)
        self.line(x0 + 30, top + 54, x1, top + 54, width=1.5, fill=RULE)
        return top + 76

    def caption(self, x0: float, x1: float, top: float, key: str) -> tuple[float, float]:
        """An item's number and label; their baseline and where the label ends."""
        page = self.page
        self.number += 1
        base = top + float(self.style["label_size"])
        x = x0
        if not self.numbered:
            pass
        elif self.style["numbers"] == "disc":
            r = 19.0
            cy = base - 11
            page.draw.ellipse(
                [page.px(x + 2), page.px(cy - r), page.px(x + 2 + 2 * r), page.px(cy + r)],
                fill=self.colour,
            )
            page.text(x + 2 + r, base - 2, str(self.number), "disc", anchor="ms")
            x += 2 * r + 14
        else:
            x = page.text(x, base, f"{self.number}.", "key") + 12
        end = page.text(x, base, self.word(key), "key", max_width=max(60.0, x1 - x - 24))
        return base, end

    def answer_lines(self, x0: float, x1: float, top: float, texts: Sequence[str], count: int):
        """``count`` answer bands (or rules) from ``top``; the bottom of the last one."""
        page = self.page
        height = self.band()
        y = top
        for k in range(count):
            if self.style["answer"] == "band":
                self.fill(x0, y, x1, y + height, self.pale)
            else:
                self.line(x0, y + height - 4, x1, y + height - 4, width=1.5, fill=RULE)
            if k < len(texts) and texts[k]:
                page.text(x0 + 16, y + height - 16, texts[k], "value", max_width=x1 - x0 - 32)
            y += height + 8
        return y - 8

    def item(self, x0: float, x1: float, top: float, key: str, value: str, lines: int = 1):
        """A numbered item with its answer below; the bottom of the item."""
        base, _ = self.caption(x0, x1, top, key)
        texts = [value]
        if lines > 1 and value:
            texts = render.wrap(self.page, value, "value", x1 - x0 - 40) or [value]
        return self.answer_lines(x0, x1, base + 16, texts, max(lines, len(texts)))

    def choice(
        self,
        x0: float,
        x1: float,
        top: float,
        key: str,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        *,
        ring: bool = False,
    ) -> float:
        """A numbered item whose answer is a row of printed options; the bottom of the row."""
        base, _ = self.caption(x0, x1, top, key)
        base += 18 + self.band() - 16
        if ring:
            self.ringed(x0 + 24, base, options, chosen)
        else:
            self.boxes(x0 + 16, base, options, chosen)
        return base + 22

    def pair(self, top: float, cells: Sequence[tuple[float, float, Any]]) -> float:
        """Items side by side; each cell is (x0, x1, draw(x0, x1, top) -> bottom)."""
        bottom = top
        for x0, x1, draw in cells:
            bottom = max(bottom, draw(x0, x1, top))
        return bottom


def _head(form: _Record, extras: Mapping[str, Any]) -> None:
    page = form.page
    unit = form.style["unit"]
    # the emblem: a water drop in the form's colour
    cx, top = LEFT + 50, 92.0
    page.draw.polygon(
        [
            (page.px(cx), page.px(top)),
            (page.px(cx - 44), page.px(top + 100)),
            (page.px(cx + 44), page.px(top + 100)),
        ],
        fill=form.colour,
    )
    page.draw.ellipse(
        [page.px(cx - 48), page.px(top + 62), page.px(cx + 48), page.px(top + 158)],
        fill=form.colour,
    )
    page.draw.ellipse(
        [page.px(cx - 18), page.px(top + 96), page.px(cx + 10), page.px(top + 124)],
        fill=(255, 255, 255),
    )
    x = LEFT + 130
    page.text(x, 140, unit["name"], "org", max_width=1050)
    page.text(x, 182, "  ·  ".join(unit["services"]), "org_small", max_width=1050)
    page.text(x, 220, f"{unit['street']}, {unit['city']}", "org_small", max_width=1050)
    contact = f"Tel {form.phone(unit['phone'])}    Fax {form.phone(unit['fax'])}"
    page.text(x, 256, contact, "org_small", max_width=1050)
    page.text(RIGHT, 148, form.words["title"], "title", anchor="rs", max_width=1000)
    page.text(RIGHT, 196, form.words["subtitle"], "sub", anchor="rs", max_width=1000)
    # the office strip: record number and chair
    x0 = RIGHT - 900
    form.frame(x0, 222, RIGHT, 292, width=2)
    end = page.text(x0 + 14, 266, form.words["office"].upper(), "note")
    split = end + (RIGHT - end) * 0.62
    for (key, value), (a, b) in zip(
        (("mrn", extras.get("mrn")), ("chair", extras.get("chair"))),
        ((end + 24, split), (split + 16, RIGHT - 10)),
        strict=True,
    ):
        stop = page.text(a, 266, f"{form.words[key]}:", "note")
        form.line(stop + 8, 276, b, 276, width=1.5, fill=RULE)
        if value:
            page.text(stop + 18, 268, str(value), "value", max_width=b - stop - 26, size=38)
    form.line(LEFT, 320, RIGHT, 320, width=5, fill=form.colour)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Record(dpi, style)
    page = form.page
    word = form.word
    _head(form, extras)
    admitted = form.date(fields.get("record_date"))
    place = style["date_place"]
    note_right = RIGHT - 760 if place == "head" else RIGHT
    base = 372.0
    for text in render.wrap(page, form.words["instructions"], "note", note_right - LEFT):
        page.text(LEFT, base, text, "note")
        base += 36
    if place == "head":
        x0 = RIGHT - 720
        form.frame(x0, 345, RIGHT, 345 + form.band() + 52, width=3)
        page.text(x0 + 16, 378, word("admit_date").upper(), "corner", max_width=680)
        page.text(x0 + 24, 345 + form.band() + 30, admitted, "value", max_width=660)
        base = max(base, 345 + form.band() + 52)
    top = base + 40
    form.line(SPLIT, top, SPLIT, LAST - 340, width=1.5, fill=RULE)
    a0, a1 = LEFT, SPLIT - GUTTER
    b0, b1 = SPLIT + GUTTER, RIGHT
    mid_a = (a0 + a1) / 2
    # left column: the patient
    y = form.section(a0, a1, top, "sec_patient")

    def text_item(key: str, value: str, lines: int = 1) -> Any:
        return lambda x0, x1, t: form.item(x0, x1, t, key, value, lines)

    if place == "items":
        y = (
            form.pair(
                y,
                [
                    (a0, mid_a - 14, text_item("admit_date", admitted)),
                    (mid_a + 14, a1, text_item("from", _text(extras.get("from")))),
                ],
            )
            + 30
        )
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        y = (
            form.pair(
                y,
                [
                    (a0, mid_a - 14, text_item("last", surname)),
                    (mid_a + 14, a1, text_item("first", given)),
                ],
            )
            + 30
        )
    else:
        y = form.item(a0, a1, y, "name", name) + 30
    dob = form.date(fields.get("birth_date"), short_year=False)
    sexes = (("M", "M"), ("F", "F"))

    def sex_item(x0: float, x1: float, t: float) -> float:
        ring = style["sex_mode"] == "circle"
        return form.choice(x0, x1, t, "sex", sexes, extras.get("sex"), ring=ring)

    y = form.pair(y, [(a0, a0 + 640, text_item("dob", dob)), (a0 + 680, a1, sex_item)]) + 30
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        y = form.item(a0, a1, y, "address", _text(fields.get("address"))) + 30
    else:
        y = form.item(a0, a1, y, "street", _text(lines[0])) + 30
        y = (
            form.pair(
                y,
                [
                    (a0, a0 + 700, text_item("city", _text(lines[1]))),
                    (a0 + 740, a1, text_item("country", _text(lines[2]))),
                ],
            )
            + 30
        )
    y = (
        form.pair(
            y,
            [
                (a0, mid_a - 14, text_item("phone", form.phone(fields.get("phone")))),
                (mid_a + 14, a1, text_item("cell", form.phone(extras.get("cell")))),
            ],
        )
        + 30
    )
    y = (
        form.pair(
            y,
            [
                (a0, mid_a - 14, text_item("weight", _measure(fields, extras, "weight"))),
                (mid_a + 14, a1, text_item("height", _measure(fields, extras, "height"))),
            ],
        )
        + 30
    )
    yes_no = (("yes", word("yes")), ("no", word("no")))

    def interpreter(x0: float, x1: float, t: float) -> float:
        return form.choice(x0, x1, t, "interpreter", yes_no, extras.get("interpreter"))

    y = (
        form.pair(
            y,
            [
                (a0, mid_a - 14, text_item("language", _text(extras.get("language")))),
                (mid_a + 14, a1, interpreter),
            ],
        )
        + 40
    )
    y = form.section(a0, a1, y, "sec_contact")
    y = (
        form.pair(
            y,
            [
                (a0, a0 + 680, text_item("contact", _text(fields.get("emergency_contact_name")))),
                (a0 + 720, a1, text_item("relation", _text(extras.get("relation")))),
            ],
        )
        + 30
    )
    home = form.phone(fields.get("emergency_contact_phone"))
    other = form.phone(extras.get("emergency_work_phone"))
    y = (
        form.pair(
            y,
            [
                (a0, mid_a - 14, text_item("contact_phone", home)),
                (mid_a + 14, a1, text_item("contact_other", other)),
            ],
        )
        + 30
    )
    address = _text(fields.get("emergency_contact_address"))
    left_bottom = form.item(a0, a1, y, "contact_address", address)
    # right column: dialysis, infection control, history
    y = form.section(b0, b1, top, "sec_dialysis")
    y = form.item(b0, b1, y, "nephrologist", _text(extras.get("nephrologist"))) + 30
    keys: dict[str, tuple[str, ...]] = {
        "modality": ("in_center", "home_hd", "pd"),
        "schedule": ("mwf", "tts"),
        "access": ("fistula", "graft", "catheter"),
    }
    for key, options in keys.items():
        choices = [(option, word(option)) for option in options]
        y = form.choice(b0, b1, y, key, choices, extras.get(key)) + 30
    y = (
        form.pair(
            y,
            [
                (
                    b0,
                    b0 + 420,
                    text_item("first_dialysis", form.date(extras.get("first_dialysis"))),
                ),
                (b0 + 450, b1, text_item("cause", _text(extras.get("cause")))),
            ],
        )
        + 40
    )
    y = form.section(b0, b1, y, "sec_infection")
    statuses = (("immune", word("immune")), ("not immune", word("not_immune")))
    for name in ("chicken_pox", "measles"):
        chosen = "unknown" if extras.get(f"{name}_unsure") else fields.get(name)
        options = (*statuses, ("unknown", word("unknown")))
        y = form.choice(b0, b1, y, name, options, chosen) + 30
    chosen = fields.get("hepatitis_b_vaccination")
    if extras.get("hepatitis_b_vaccination_unsure"):
        chosen = "unknown"
    y = form.choice(b0, b1, y, "hep_b", (*yes_no, ("unknown", word("unknown"))), chosen) + 30
    results = (("negative", word("negative")), ("positive", word("positive")))
    results += (("pending", word("pending")),)
    y = form.choice(b0, b1, y, "hbsag", results, extras.get("hbsag")) + 40
    y = form.section(b0, b1, y, "sec_history")
    problems = _written_list(fields.get("medical_problems"), style)
    right_bottom = form.item(b0, b1, y, "problems", problems, lines=2)
    # across the foot
    y = max(left_bottom, right_bottom) + 60
    y = max(y, LAST - 300)
    form.line(LEFT, y - 30, RIGHT, y - 30, width=2, fill=form.colour)

    def directive(x0: float, x1: float, t: float) -> float:
        return form.choice(x0, x1, t, "directive", yes_no, extras.get("directive"))

    def code(x0: float, x1: float, t: float) -> float:
        codes = (("full_code", word("full_code")), ("dnr", word("dnr")))
        return form.choice(x0, x1, t, "code", codes, extras.get("code"))

    y = form.pair(y, [(LEFT, a1, directive), (b0, RIGHT, code)]) + 30
    title = _text(extras.get("staff_title"))
    staff = [
        (LEFT, 1000.0, text_item("completed_by", _text(extras.get("staff")))),
        (1040.0, 1500.0 if place == "foot" else RIGHT, text_item("staff_title", title)),
    ]
    if place == "foot":
        staff.append((1540.0, RIGHT, text_item("done_date", admitted)))
    form.pair(y, staff)
    _footer(form, 1)
    return page.image


def _footer(form: _Form, number: int) -> None:
    page = form.page
    page.text(LEFT, 3235, form.words["form"], "fine")
    page.text(RIGHT, 3235, f"Page {number} of 2", "fine", anchor="rs")


def _written_list(items: Sequence[str] | None, style: Mapping[str, Any]) -> str:
    """A list as the patient writes it: comma-separated, or the form's word for none."""
    none_word = style.get("empty_list") or ""
    return common.list_text(items, str(none_word)) or ""


def _measure(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str:
    """The dry weight or height as written, the unit (if any) after the number."""
    value = fields.get(name)
    if value is None:
        return ""
    parts = [render.format_number(value), _text(extras.get(name + "_unit"))]
    return " ".join(part for part in parts if part)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Record(dpi, style)
    form.numbered = False
    page = form.page
    word = form.word
    unit = style["unit"]
    page.text(LEFT, 140, unit["name"], "org", max_width=1100)
    title = f"{form.words['title']} ({form.words['continued']})"
    page.text(RIGHT, 140, title, "sub", anchor="rs", max_width=1050)
    form.line(LEFT, 170, RIGHT, 170, width=5, fill=form.colour)
    base = 250.0
    end = page.text(LEFT, base, f"{word('running')}:", "key")
    form.line(end + 10, base + 12, 1500, base + 12, width=1.5, fill=RULE)
    page.text(end + 24, base, _text(fields.get("patient_name")), "value", max_width=1480 - end)
    end = page.text(1560, base, f"{word('mrn')}:", "key")
    form.line(end + 10, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
    page.text(end + 24, base, _text(extras.get("mrn")), "value", max_width=RIGHT - end - 40)
    # the verification table
    top = form.section(LEFT, RIGHT, base + 70, "sec_verify")
    top = _verify_table(form, fields, extras, top) + 60
    # home medications
    top = form.section(LEFT, RIGHT, top, "sec_meds")
    page.text(LEFT, top + 10, form.words["med_note"], "note", max_width=RIGHT - LEFT)
    top += 40
    meds = fields.get("regular_medication")
    if style["meds_mode"] == "table":
        top = _med_table(form, top, meds, extras.get("med_rows") or [])
    else:
        top = form.item(LEFT, RIGHT, top, "med_list", _written_list(meds, style), lines=2)
    # acknowledgement and signatures
    top = form.section(LEFT, RIGHT, top + 60, "sec_consent")
    base = top + 20
    for text in render.wrap(page, form.words["consent"], "note", RIGHT - LEFT):
        page.text(LEFT, base, text, "note")
        base += 36
    base += 150
    for key, signed, scribble in (
        ("patient_sign", "signed_on", True),
        ("staff_sign", "witnessed_on", bool(extras.get("witnessed_on"))),
    ):
        form.line(LEFT, base + 12, LEFT + 1300, base + 12, width=2.5, fill=(60, 60, 60))
        if scribble:
            page.scribble(LEFT + 80, LEFT + 620, base, form.ink())
        page.text(LEFT, base + 46, word(key), "note")
        end = page.text(LEFT + 1400, base, f"{word('sign_date')}:", "key")
        form.line(end + 12, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
        date = form.date(extras.get(signed))
        if date:
            page.text(end + 28, base, date, "value", max_width=RIGHT - end - 50)
        base += 150
    _footer(form, 2)
    return page.image


def _verify_table(
    form: _Record, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Item / response / verified by / date; the bottom of the table."""
    page = form.page
    word = form.word
    style = form.style
    xs = (LEFT, 860.0, 1820.0, 2030.0, RIGHT)
    head_h = 54.0
    row_h = form.value_size + 42
    form.fill(xs[0], top, xs[-1], top + head_h, form.pale)
    for key, x0, x1 in zip(
        ("col_item", "col_answer", "col_by", "col_date"), xs, xs[1:], strict=False
    ):
        page.text(x0 + 14, top + 38, word(key), "key", max_width=x1 - x0 - 24)
    allergies = fields.get("allergies")
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    rows: list[tuple[str, str, Any]] = [
        ("insured_q", "yes_no", fields.get("has_insurance")),
        ("carrier", "text", fields.get("insurance_company")),
        ("member", "text", policy),
        ("group", "text", extras.get("group")),
        ("holder", "text", extras.get("holder")),
        ("claims", "text", fields.get("insurance_address")),
        ("expiry", "text", form.date(fields.get("insurance_expiry"))),
        ("secondary", "text", extras.get("secondary")),
        ("allergies", "allergies", allergies),
    ]
    checked: Sequence[int] = extras.get("verified") or []
    for k, (key, kind, value) in enumerate(rows):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 22
        form.line(xs[0], row_top, xs[-1], row_top, width=1.5, fill=GREY)
        page.text(xs[0] + 14, base, word(key), "opt", max_width=xs[1] - xs[0] - 28)
        room = xs[2] - xs[1] - 70
        answered = value is not None and value != ""
        if kind == "yes_no":
            form.boxes(xs[1] + 18, base, (("yes", word("yes")), ("no", word("no"))), value)
        elif kind == "allergies" and style.get("nkda_box"):
            end = form.boxes(
                xs[1] + 18, base, (("none", word("nkda")),), "none" if value == [] else None
            )
            if value:
                page.text(end + 10, base, ", ".join(value), "value", max_width=xs[2] - end - 30)
        elif kind == "allergies":
            if value == []:
                shown = _text(style.get("no_allergies"))
            else:
                shown = ", ".join(value) if value else ""
            if shown:
                page.text(xs[1] + 18, base, shown, "value", max_width=room)
        elif answered:
            page.text(xs[1] + 18, base, str(value), "value", max_width=room)
        if answered and k < len(checked) and checked[k]:
            initials = _text(extras.get("verifier"))
            page.text(xs[2] + 18, base, initials, "value", max_width=xs[3] - xs[2] - 36)
            date = form.date(extras.get("verified_on"))
            page.text(xs[3] + 14, base, date, "value", max_width=xs[4] - xs[3] - 24)
    bottom = top + head_h + len(rows) * row_h
    form.frame(xs[0], top, xs[-1], bottom, width=2.5)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5, fill=GREY)
    return bottom


def _med_table(
    form: _Record, top: float, meds: Sequence[str] | None, rows: Sequence[Sequence[str]]
) -> float:
    """Medication / dose / how often / reason; the bottom of the table."""
    page = form.page
    xs = (LEFT, 1000.0, 1420.0, 1900.0, RIGHT)
    head_h = 50.0
    row_h = form.value_size + 38
    form.fill(xs[0], top, xs[-1], top + head_h, form.pale)
    for key, x0, x1 in zip(("med", "dose", "freq", "reason"), xs, xs[1:], strict=False):
        page.text(x0 + 14, top + 36, form.word(key), "key", max_width=x1 - x0 - 24)
    names = list(meds or [])
    count = max(5, len(names))
    for k in range(count):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 20
        form.line(xs[0], row_top, xs[-1], row_top, width=1.5, fill=GREY)
        if k < len(names):
            detail = list(rows[k]) if k < len(rows) else []
            cells = [names[k], *detail]
        elif k == 0 and meds == [] and form.style.get("empty_list"):
            cells = [str(form.style["empty_list"])]
        else:
            cells = []
        for text, x0, x1 in zip(cells, xs, xs[1:], strict=False):
            if text:
                page.text(x0 + 16, base, text, "value", max_width=x1 - x0 - 30)
    bottom = top + head_h + count * row_h
    form.frame(xs[0], top, xs[-1], bottom, width=2.5)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5, fill=GREY)
    return bottom


# --- prescription ---------------------------------------------------------------------------

FX0, FX1 = 170.0, 2380.0  # the frame's sides
PHARMACY_X = 1880.0  # the pharmacy-use column inside the big box


class _Rx(_Form):
    """The prescription form's labelled boxes."""

    def cell(self, x0: float, y0: float, x1: float, y1: float, key: str) -> None:
        """A ruled box with its label small in the top-left corner."""
        self.frame(x0, y0, x1, y1, width=2)
        self.page.text(x0 + 12, y0 + 30, self.words[key], "corner", max_width=x1 - x0 - 24)

    def written(self, x0: float, x1: float, base: float, text: str) -> None:
        if text:
            self.page.text(x0 + 22, base, text, "value", max_width=x1 - x0 - 44)


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Rx(dpi, style)
    page = form.page
    words = form.words
    vs = form.value_size
    tall = vs + 70  # a one-line box: label in the corner, the value under it
    if style.get("tint"):
        form.fill(FX0, 150, FX1, 3110, _rgb(style["tint"]))
    page.text(FX0, 120, words["system"], "note")
    form.frame(FX0, 150, FX1, 3110, width=5)
    # the title row
    y = 150.0
    page.add_face("rx_title", style["title_font"], 64, bold=True)
    page.text(FX0 + 30, y + 100, words["title"], "rx_title", max_width=1300)
    form.cell(1700, y, FX1, y + 140, "rx_no")
    y += 140
    # the patient
    name = _text(fields.get("patient_name"))
    address = _text(fields.get("patient_address"))
    phone = form.phone(extras.get("patient_phone"))
    if style["patient_box"] == "for":
        line_gap = vs + 34
        height = 60 + 3 * line_gap + 10
        form.cell(FX0, y, 1880, y + height, "for")
        for k, text in enumerate((name, address, phone)):
            form.written(FX0, 1880, y + 50 + (k + 1) * line_gap - 12, text)
        half = y + height / 2
        form.cell(1880, y, FX1, half, "age")
        form.written(1880, FX1, half - 24, _text(extras.get("age")))
        form.cell(1880, half, FX1, y + height, "id")
        form.written(1880, FX1, y + height - 24, _text(extras.get("id_number")))
        y += height
    else:
        form.cell(FX0, y, 1880, y + tall, "name")
        form.written(FX0, 1880, y + tall - 22, name)
        form.cell(1880, y, FX1, y + tall, "age")
        form.written(1880, FX1, y + tall - 22, _text(extras.get("age")))
        y += tall
        form.cell(FX0, y, 1700, y + tall, "address")
        form.written(FX0, 1700, y + tall - 22, address)
        form.cell(1700, y, FX1, y + tall, "phone")
        form.written(1700, FX1, y + tall - 22, phone)
        y += tall
    # the facility and the date
    date = form.date(fields.get("date"))
    form.cell(FX0, y, 1700, y + tall, "facility")
    typed = str(style["facility"])
    if style["date_place"] == "top":
        typed += f", {style['clinic']}"
    page.text(FX0 + 22, y + tall - 24, typed, "key", max_width=1700 - FX0 - 44)
    if style["date_place"] == "top":
        form.cell(1700, y, FX1, y + tall, "date")
        form.written(1700, FX1, y + tall - 22, date)
    else:
        form.cell(1700, y, FX1, y + tall, "service")
        page.text(1722, y + tall - 24, style["clinic"], "key", max_width=FX1 - 1744)
    y += tall
    refill_h = vs + 90
    y = _rx_body(form, fields, extras, y, 3110 - refill_h - (tall + 30) - 330)
    # refills and substitution
    form.cell(FX0, y, 1250, y + refill_h, "refills")
    base = y + refill_h - 26
    refills = fields.get("refills")
    if style["refill_mode"] == "circle":
        tokens = [(t, t) for t in ("0", "1", "2", "3", "4", "5", "PRN")]
        chosen = str(refills) if refills is not None else None
        x = form.ringed(FX0 + 40, base, tokens, chosen)
        x = page.text(x, base, words["other"], "opt")
        form.line(x + 10, base + 10, 1230, base + 10, width=1.5, fill=RULE)
        if refills is not None and chosen not in {t for t, _ in tokens}:
            page.text(x + 40, base, str(refills), "value")
    else:
        if refills is not None:
            page.text(FX0 + 200, base, str(refills), "value", anchor="ms")
        if refills != "PRN":
            page.text(FX0 + 300, base, words["times"], "opt")
    form.frame(1250, y, FX1, y + refill_h, width=2)
    daw = "daw" if extras.get("daw") else "substitute"
    options = (("substitute", words["substitute"]), ("daw", words["daw"]))
    for k, (key, text) in enumerate(options):
        form.boxes(1280, y + 58 + k * (refill_h - 76), [(key, text)], daw)
    y += refill_h
    # signature, rank and degree
    form.cell(FX0, y, 1500, y + tall + 30, "signature")
    page.scribble(FX0 + 120, FX0 + 760, y + tall + 4, form.ink())
    form.cell(1500, y, 1940, y + tall + 30, "rank")
    form.written(1500, 1940, y + tall + 8, _text(extras.get("rank")))
    form.cell(1940, y, FX1, y + tall + 30, "degree")
    form.written(1940, FX1, y + tall + 8, _text(extras.get("degree")))
    y += tall + 30
    # the printed name (stamped, typed or by hand) beside the date or the clinic's phone
    name_h = max(260.0, 3110.0 - y)
    form.cell(FX0, y, 1700, y + name_h, "printed")
    _printed_name(form, fields, extras, FX0 + 30, y + 50, 1670)
    if style["date_place"] == "foot":
        form.cell(1700, y, FX1, y + name_h, "date")
        form.written(1700, FX1, y + tall - 22, date)
    else:
        form.cell(1700, y, FX1, y + name_h, "clinic_phone")
        page.text(1722, y + tall - 24, form.phone(style["clinic_phone"]), "key")
    for k, text in enumerate(render.wrap(page, words["fine"], "fine", FX1 - FX0)):
        page.text(FX0, 3150 + 28 * k, text, "fine")
    page.text(FX0, 3240, words["form"], "fine")
    return page.image


def _rx_body(
    form: _Rx, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float, least: float
) -> float:
    """The big box: the ℞, the medicines, the directions; the pharmacy column. Its bottom."""
    page = form.page
    words = form.words
    style = form.style
    vs = form.value_size
    x0 = FX0 + 30
    rx_font = str(style["rx_font"])
    rx = fonts.RX_GLYPH if style["rx_form"] == "glyph" else "R"
    if rx == fonts.RX_GLYPH and not fonts.family(rx_font).has_rx_glyph:
        rx = "R"
    page.add_face("rx", rx_font, 120, bold=rx == "R")
    base = top + 150
    end = page.text(x0, base, rx, "rx")
    if rx == "R":  # the stroke across the R's leg
        form.line(end - 44, base - 22, end + 14, base + 34, width=9, fill=DARK)
        end += 18
    page.text(end + 24, base - 10, words["super"], "note")
    qty_mode = style["qty_mode"]
    med_right = PHARMACY_X - 40
    if qty_mode == "column":
        med_right = PHARMACY_X - 260
        page.text(PHARMACY_X - 130, base - 10, words["qty"], "corner", anchor="ms")
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    dispense: Sequence[str] = extras.get("dispense") or []
    gap = vs + 40
    base += 30
    med_x = x0 + 210  # the margin at the left holds the parts' printed names
    for k in range(max(3, len(medicines))):
        base += gap
        if k == 0:
            page.text(x0, base, words["inscription"], "note", max_width=med_x - x0 - 30)
        form.line(med_x - 20, base + 12, med_right, base + 12, width=1.5, fill=RULE)
        if k < len(medicines):
            page.text(med_x, base, medicines[k], "value", max_width=med_right - med_x - 20)
            if qty_mode == "column" and k < len(quantities):
                page.text(PHARMACY_X - 130, base, quantities[k], "value", anchor="ms")
            if qty_mode == "line" and k < len(dispense):
                base += gap - 10
                if k == 0:
                    page.text(x0, base, words["subscription"], "note", max_width=med_x - x0 - 30)
                page.text(med_x + 120, base, dispense[k], "value", max_width=med_right - med_x)
    if qty_mode == "column":
        form.line(PHARMACY_X - 250, top + 110, PHARMACY_X - 250, base + 30, width=1.5, fill=RULE)
    # the directions
    base += gap + 30
    label_end = page.text(x0, base, words["signa"], "key")
    text = fields.get("directions") or ""
    first_room = PHARMACY_X - 40 - label_end - 40
    lines = render.wrap(page, text, "value", first_room) if text else []
    rest = render.wrap(page, " ".join(lines[1:]), "value", PHARMACY_X - x0 - 120) if lines else []
    dgap = vs + 36
    count = max(int(style["sig_rules"]), len(rest) + 1)
    for k in range(count):
        start = label_end + 20 if k == 0 else x0 + 40
        y = base + k * dgap + 12
        form.line(start, y, PHARMACY_X - 40, y, width=1.5, fill=RULE)
    if lines:
        page.text(label_end + 36, base, lines[0], "value", max_width=first_room)
        for k, line in enumerate(rest):
            page.text(
                x0 + 60, base + (k + 1) * dgap, line, "value", max_width=PHARMACY_X - x0 - 120
            )
    bottom = max(base + count * dgap + 10, least)
    form.frame(FX0, top, FX1, bottom, width=2)
    # the pharmacy column
    form.line(PHARMACY_X, top, PHARMACY_X, bottom, width=2)
    page.text((PHARMACY_X + FX1) / 2, top + 36, words["pharmacy"], "corner", anchor="ms")
    keys = ("mfg", "exp", "lot", "filled", "checked")
    step = (bottom - top - 60) / len(keys)
    for k, key in enumerate(keys):
        y = top + 60 + k * step
        form.line(PHARMACY_X, y, FX1, y, width=1.5)
        page.text(PHARMACY_X + 12, y + 30, words[key], "corner")
    return bottom


def _printed_name(
    form: _Rx,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    x: float,
    top: float,
    right: float,
) -> None:
    """The prescriber's name under the signature: a stamp, typed, or printed by hand."""
    page = form.page
    style = form.style
    prescriber = _text(fields.get("prescriber"))
    mode = style["name_mode"]
    if mode == "hand":
        if prescriber:
            page.text(x, top + form.value_size + 40, prescriber, "value", max_width=right - x)
        return
    stamp = fonts.family(str(style["stamp_font"]))
    colour = STAMP if mode == "stamp" else DARK
    page.faces["stamp"] = render.Face(stamp.bold, 38, colour)
    page.faces["stamp_small"] = render.Face(stamp.regular, 30, colour)
    rank = _text(extras.get("rank"))
    second = ", ".join(part for part in (rank, _text(extras.get("corps"))) if part)
    lines = [(prescriber, "stamp"), (second, "stamp_small"), (style["clinic"], "stamp_small")]
    if extras.get("dea"):
        lines.append((f"DEA {extras['dea']}", "stamp_small"))
    base = top + 60
    widths = [page.width(text, face) for text, face in lines if text]
    room = right - x - 60
    for text, face in lines:
        if text:
            page.text(x + 24, base, text, face, max_width=room)
        base += 46
    if mode == "stamp":
        width = min(room, max(widths or [400.0])) + 50
        page.draw.rounded_rectangle(
            [page.px(x), page.px(top + 6), page.px(x + width), page.px(base - 20)],
            radius=page.px(14),
            outline=STAMP,
            width=max(1, page.px(4)),
        )


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
