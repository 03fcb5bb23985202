"""A home health agency's referral and intake form and a pharmacy's telephoned-prescription record.

Written blind as the held-out family of round 14 (then called ``heldout``): its author never read
the reader.

Neither document is a clinic's registration form or a doctor's pad. The record is the referral a
hospital discharge planner or a doctor's office sends (by fax, mostly) to a home health agency
to start care at home: it is about the patient, but written by someone else, with the referral's
own people, dates and numbers around the patient's. The prescription is the record a pharmacist
writes on the pharmacy's own pre-printed pad while a prescriber's office reads a prescription out
on the telephone: the prescriber's name is written by hand, like everything else on it.

Both forms are ruled *strips*: a section is a bar (a solid band in the form's colour with its
title in white capitals, a grey band with dark capitals, or a title in the colour over a thick
rule, per form) followed by rows of cells. A cell holds its label at its left (title case or
capitals, with or without a colon, per form) and the value written after it on the same
baseline. On "boxed" forms every row is a ruled grid (cells closed by rules on all sides); on
"open" forms there are no boxes, only a rule under each value. Labels come per form from
synonym lists. Dates are written in one style per document (month or day first, numeric or with
the month's name); when a day-first numeric style is used the first date of page 1 has a day
above 12. Telephones are written in one style per document.

Patient record (two pages).

* Page 1 opens with the agency's letterhead at the left (its name in the form's colour, a line
  of services, street and city, telephone and fax: distractors) and the form's title at the
  right over a framed "fax the referral to" note with the intake fax number (a distractor).
  On the forms with the date "in the head", a boxed referral date (the record date) sits under
  that note.
* Referral source: the referral date (the record date, on the forms with the date "in the
  source"), the referring person and the facility or practice (distractors), the referrer's
  telephone and fax, the hospital discharge date and the requested start of care (all
  distractors, the dates near the record date).
* Patient: the name as one cell or as a "last name" cell and a "first, MI" cell (the truth is
  ``First M. Last``), the date of birth, the age (a distractor) and sex boxes (a distractor);
  the address as one wide cell (street, city line and country written on one line) or as a
  street cell over a "city, state, ZIP" cell beside a country cell (the truth joins them with
  ``", "``); the telephone beside the primary language (a distractor); on most forms a vitals
  row (height and weight, the unit written after the number or none, with the last blood
  pressure and pulse, distractors); a "lives with" row of boxes (a distractor).
* Caregiver / emergency contact: name, relationship (a distractor) and home telephone
  (``emergency_contact_phone``) on one row; the address beside a cell/work telephone (a
  distractor).
* Clinical information: the immunization status either as a ruled table with a row per
  infection (varicella and measles, the fields, and mumps, a distractor, in a per-form order),
  ``Immune`` / ``Not immune`` / ``Unknown`` columns of which one box per row is marked, and a
  "date" column of distractor dates; or as one line per infection with the three words printed
  and one ringed by hand. An unknown answer, or none, leaves the field out. The hepatitis B
  question is answered with Yes / No / Unknown boxes or a ringed ``Y`` or ``N``. The medical
  problems are written after their label over two rules, comma-separated (or the document's
  word for none, or nothing), or one per numbered printed rule. Then the services requested
  (printed boxes, ticked: a distractor) and the reason for referral written on a rule (a
  distractor: nursing or therapy tasks, never a condition).
* On the forms with the date "at the foot", the foot of page 1 has a "completed by" cell (a
  distractor name) beside the date (the record date); the other forms print the completed-by
  cell alone.

Page 2: a compact letterhead with the title and "continued", a running row with the patient's
name and date of birth (the same values again). Payer / insurance: a Yes / No question (boxes
or ringed letters; unanswered leaves ``has_insurance`` out), a row of payer-type boxes
(Medicare, Medicaid, commercial, VA, private pay; a distractor), the insurance company beside
the policy or member number (printed separators kept), the payer's address, the effective date
(a distractor) beside the termination or expiry date (``insurance_expiry``), an authorization
number (a distractor). Allergies: an ``NKDA`` box (ticked for an empty list, or the document's
word for none written instead) and the allergies written in one cell. Medications: a ruled
table of medicine, dose, route and frequency (the last three distractors; the truth is the
medicine column, an empty list is the word for none in the first row or nothing), or one cell
with the names comma-separated. The physician who will sign the plan of care: name, NPI,
telephone, fax and the face-to-face encounter date (distractors). An attestation paragraph, the
signature of the person completing the referral and the date signed (the record date again, or
blank). The footers carry the form code and "Page n of 2".

Prescription (one page). The pharmacy's header (name, street and city, telephone and fax, a
store number: distractors), centred or at the left, then a bar with the form's title. The date
of the call (the date) either first in a row with the time of the call and an Rx number
(distractors), or in a box at the top right under the header beside the time. Prescriber: the
prescriber's name written by hand (titles kept, ``Dr.`` and ``MD`` as written), the office's
call-back telephone, the DEA and NPI numbers, and the person who called in the order with a role
(distractors). Patient: name, date of birth (a distractor), address (``patient_address``),
telephone and allergies (distractors). Medication: an ``Rx`` mark (or the ℞ glyph) and a ruled
table of numbered rows, each a drug and strength (one ``medicines`` entry) beside a quantity
(a distractor); the directions written over three or more rules after their label
(``directions``). Refills: printed numbers ``0`` to ``5`` and ``PRN`` of which one is ringed,
or a number written on a short rule. Then substitution boxes and a "read back" box
(distractors), the receiving pharmacist's name written (a distractor) and a signature, and a
line of fine print about telephoned prescriptions at the foot.
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
FOOTER = 3228.0
DARK = (25, 25, 25)
GRID = (70, 70, 70)
RULE = (120, 120, 120)

# fmt: off
AGENCIES = (
    "Heartland Home Health", "Visiting Nurse Association of the Valley",
    "Evergreen Home Health Services", "Northstar Visiting Nurses", "Riverbend Home Care",
    "Summit Home Health & Hospice", "CareBridge Home Health Agency", "Lakeside Home Nursing",
)
TAGLINES = (
    "Skilled Nursing | Physical, Occupational & Speech Therapy | Home Health Aides",
    "A Medicare-certified home health agency",
    "Nursing and therapy in the comfort of home",
    "Serving the tri-county area since 1987",
)
FACILITIES = (
    "St. Mary's Medical Center", "County General Hospital", "Mercy Hospital", "University "
    "Medical Center", "Good Samaritan Hospital", "Riverside Family Practice", "Valley Internal "
    "Medicine", "Oak Park Rehabilitation Center", "Memorial Hospital",
)
ROLES = ("RN, CM", "MSW", "RN", "Discharge planner", "LPN", "MA", "Case manager")
LANGUAGES = ("English", "English", "English", "Spanish", "Vietnamese", "Polish", "Arabic",
             "Russian", "Tagalog", "Mandarin")
RELATIONS = ("Wife", "Husband", "Daughter", "Son", "Sister", "Brother", "Niece", "Neighbor",
             "Friend", "Granddaughter", "Spouse")
REASONS = (
    "Post-op wound care and dressing changes", "Medication management and teaching",
    "Gait and balance training after a fall", "Home safety evaluation",
    "Ostomy care teaching", "Vital signs monitoring and teaching", "Strengthening and ADL training",
    "IV antibiotic administration", "Catheter care",
)
ROUTES = ("PO", "PO", "by mouth", "inhaled", "PO", "SL", "oral")
FREQUENCIES = ("daily", "BID", "TID", "at bedtime", "every morning", "twice a day", "PRN",
               "once a day", "q8h")
PHARMACIES = (
    "Main Street Pharmacy", "Corner Drug & Compounding", "Bayview Community Pharmacy",
    "Valley Family Pharmacy", "Oakwood Apothecary", "Hometown Drug Store",
    "Parkside Pharmacy & Gifts", "Cedar Hills Pharmacy",
)
CALLER_ROLES = ("MA", "RN", "LPN", "office nurse", "CMA", "front desk")
TIMES = ("8:40 AM", "9:15 AM", "10:05 AM", "11:30 AM", "12:50 PM", "1:20 PM", "2:45 PM",
         "3:10 PM", "4:35 PM", "5:55 PM")
COLOURS = ([30, 70, 130], [20, 105, 90], [120, 40, 40], [70, 70, 70], [90, 60, 130])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
SERVICES = ("sn", "pt", "ot", "st", "msw", "hha")
PAYERS = ("medicare", "medicaid", "commercial", "va", "private")
# fmt: on

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("HOME HEALTH REFERRAL", "Home Care Referral & Intake", "Referral for Home Health"),
    "subtitle": ("Intake / start of care", "Referral and intake form", "New patient referral"),
    "fax_note": ("Fax completed referral to", "Please fax to Intake", "Intake fax"),
    "sec_source": ("Referral source", "Referral information", "Referred by"),
    "record_date": ("Referral date", "Date of referral", "Date referred"),
    "referrer": ("Referring person", "Contact name", "Referred by"),
    "facility": ("Facility / practice", "Referring facility", "Hospital / office"),
    "src_phone": ("Phone", "Contact phone", "Tel."),
    "src_fax": ("Fax", "Fax #"),
    "discharge": ("Discharge date", "Hospital D/C date", "D/C date"),
    "soc": ("Requested start of care", "SOC date", "Start of care"),
    "sec_patient": ("Patient information", "Patient demographics", "Patient"),
    "name": ("Patient name", "Name", "Patient"),
    "last": ("Last name", "Last", "Surname"),
    "first": ("First, MI", "First name / MI", "Given name, M.I."),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "age": ("Age",),
    "sex": ("Sex", "Gender"),
    "address": ("Address", "Home address", "Address where care is given"),
    "street": ("Street", "Street address", "Address"),
    "city": ("City, State, ZIP", "City / State / Zip", "City, ST, ZIP"),
    "country": ("Country",),
    "phone": ("Phone", "Home phone", "Patient phone", "Telephone"),
    "language": ("Primary language", "Language"),
    "lives": ("Lives with", "Living situation"),
    "alone": ("Alone",),
    "spouse": ("Spouse", "Spouse/partner"),
    "family": ("Family", "Other family"),
    "facility_home": ("ALF", "Assisted living"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "bp": ("BP", "Last BP"),
    "pulse": ("Pulse", "HR"),
    "sec_contact": (
        "Caregiver / emergency contact",
        "Emergency contact",
        "Primary caregiver & emergency contact",
    ),
    "contact": ("Name", "Contact name", "Caregiver"),
    "relation": ("Relationship", "Relation"),
    "contact_phone": ("Home phone", "Phone (home)", "Home tel."),
    "contact_other": ("Cell / work", "Work phone", "Other phone"),
    "contact_address": ("Address", "Contact address"),
    "sec_clinical": ("Clinical information", "Medical information", "Health history"),
    "imm_head": ("Immunization status", "Immunity", "Immunizations"),
    "chicken_pox": ("Varicella (chickenpox)", "Chicken pox", "Varicella"),
    "measles": ("Measles (rubeola)", "Measles", "Measles (MMR)"),
    "mumps": ("Mumps",),
    "imm_words": ("Immune/Not immune", "IMMUNE/NOT IMMUNE"),
    "unknown": ("Unknown", "Unk."),
    "imm_date": ("Date", "Titer / vaccine date", "Date of record"),
    "hep_b": (
        "Hepatitis B vaccine series completed?",
        "Has the patient had the hepatitis B vaccine?",
        "Hep B vaccination",
    ),
    "yes": ("Yes",),
    "no": ("No",),
    "problems": (
        "Medical history / active problems",
        "Medical problems (diabetes, CHF, COPD ...)",
        "Other diagnoses & comorbidities",
        "Medical history",
    ),
    "services": ("Services requested", "Disciplines ordered"),
    "reason": ("Reason for referral", "Skilled need", "Focus of care"),
    "completed_by": ("Completed by", "Form completed by", "Referral taken by"),
    "foot_date": ("Date",),
    "continued": ("(continued)", "continued", "- page 2"),
    "running": ("Patient", "Patient name"),
    "sec_insurance": ("Payer / insurance", "Insurance information", "Payment source"),
    "insurance_q": (
        "Does the patient have health insurance?",
        "Insured?",
        "Health insurance coverage?",
    ),
    "payer": ("Payer type", "Primary payer"),
    "carrier": ("Insurance company", "Payer name", "Insurance"),
    "member": ("Policy / member #", "Member ID", "Policy number"),
    "claims": ("Payer address", "Claims address", "Insurance address"),
    "effective": ("Effective date", "Eff. date"),
    "expiry": ("Termination date", "Coverage ends", "Expiration date", "Valid through"),
    "auth": ("Authorization #", "Prior auth no."),
    "sec_allergy": ("Allergies", "Allergies / sensitivities"),
    "nkda": ("NKDA", "No known allergies"),
    "allergies": ("Allergic to", "List allergies", "Allergies"),
    "sec_meds": ("Current medications", "Medication list", "Home medications"),
    "med": ("Medication", "Drug"),
    "dose": ("Dose", "Strength"),
    "route": ("Route",),
    "freq": ("Frequency", "How often"),
    "meds_one": ("Medications taken regularly", "Current medications", "Meds"),
    "sec_physician": (
        "Physician to sign plan of care",
        "Certifying physician",
        "Attending physician",
    ),
    "phys_name": ("Physician", "Name"),
    "npi": ("NPI", "NPI #"),
    "phys_phone": ("Phone", "Office phone"),
    "phys_fax": ("Fax",),
    "f2f": ("Face-to-face encounter date", "F2F visit date", "Date of face-to-face visit"),
    "sec_directives": ("Code status / advance directives", "Advance directives"),
    "code_status": ("Code status", "Resuscitation status"),
    "full_code": ("Full code", "Full resuscitation"),
    "dnr": ("DNR", "Do not resuscitate (DNR)"),
    "directive": (
        "Advance directive / living will on file?",
        "Does the patient have an advance directive?",
    ),
    "attest": (
        "I certify that the information on this referral is accurate to the best of my knowledge "
        "and that the patient is under the care of the physician named above, who will review "
        "and sign the home health plan of care.",
        "The patient has agreed to be referred for home health services. Records of the "
        "face-to-face encounter and the hospital discharge summary are attached or will follow "
        "by fax within 48 hours.",
    ),
    "sign": ("Signature of person completing referral", "Referring clinician signature"),
    "sign_date": ("Date", "Date signed"),
}

_SERVICE_WORDS = {
    "sn": ("Skilled nursing", "SN"),
    "pt": ("Physical therapy", "PT"),
    "ot": ("Occupational therapy", "OT"),
    "st": ("Speech therapy", "ST"),
    "msw": ("Social work", "MSW"),
    "hha": ("Home health aide", "HHA"),
}
_PAYER_WORDS = {
    "medicare": "Medicare",
    "medicaid": "Medicaid",
    "commercial": "Commercial / HMO",
    "va": "VA",
    "private": "Private pay",
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "TELEPHONE PRESCRIPTION ORDER",
        "Verbal / Telephone Rx Record",
        "PHONED-IN PRESCRIPTION",
        "Telephoned Prescription",
    ),
    "store": ("Store #", "Store no."),
    "date": ("Date", "Date received", "Date of call"),
    "time": ("Time", "Time rec'd"),
    "rx_no": ("Rx #", "Rx No.", "Prescription #"),
    "sec_prescriber": ("Prescriber", "Prescribing practitioner", "From (prescriber)"),
    "prescriber": ("Name", "Prescriber name", "Practitioner"),
    "office_phone": ("Office phone", "Call-back #", "Phone"),
    "dea": ("DEA #", "DEA"),
    "npi": ("NPI", "NPI #"),
    "caller": ("Called in by", "Caller (agent)", "Name of caller"),
    "sec_patient": ("Patient", "Patient information"),
    "name": ("Name", "Patient name"),
    "dob": ("DOB", "Date of birth"),
    "address": ("Address", "Patient address"),
    "phone": ("Phone", "Tel."),
    "allergies": ("Allergies", "Allergy info"),
    "sec_meds": ("Medication", "Drug(s) ordered", "Medication(s)"),
    "drug": ("Drug name & strength", "Drug / strength", "Medication & strength"),
    "qty": ("Qty", "Quantity", "Disp #"),
    "sig": ("Sig / directions", "Directions", "Sig"),
    "refills": ("Refills", "Refills authorized", "No. of refills"),
    "times": ("times", "x"),
    "subs": ("Substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "DAW"),
    "readback": ("Order read back and verified", "Read back to caller"),
    "received": ("Received by (RPh)", "Pharmacist receiving order", "Taken by"),
    "signature": ("RPh signature", "Signature"),
    "pharmacy_use": ("For pharmacy use only", "Pharmacy use", "Office use only"),
    "filled_on": ("Date filled", "Filled on"),
    "filled_by": ("Filled by", "Tech"),
    "ndc": ("NDC dispensed", "NDC"),
    "verified": ("Verified by", "RPh check"),
    "fine": (
        "Schedule II prescriptions may not be received by telephone except in an emergency. "
        "Reduce every telephoned order to writing at once and file it with the prescriptions.",
        "A telephoned prescription is valid only when received by a pharmacist or pharmacy "
        "intern. Verify the prescriber's identity by call-back when in doubt.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _grid_style(rnd: random.Random, style: dict[str, Any]) -> None:
    """The printed form's look shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False) if "Mono" not in f.name]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice(printed)
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["bar"] = rnd.choice(("solid", "shaded", "rule"))
    style["grid"] = rnd.choice(("boxed", "boxed", "open"))
    style["label_case"] = rnd.choice(("title", "title", "upper"))
    style["colon"] = rnd.random() < 0.6
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", "n/a", ""))
    style["no_allergies"] = rnd.choice(("NKDA", "NKA", "None known", "None"))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(29, 33), value_size=(40, 46)
    )
    _grid_style(rnd, style)
    if document_type == "prescription":
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            pharmacy={
                "name": rnd.choice(PHARMACIES),
                "street": values.street_line(rnd),
                "city": values.city_line(rnd, zip_code="state zip"),
                "phone": values.phone_number(rnd),
                "fax": values.phone_number(rnd),
                "store": str(rnd.randint(100, 9999)),
            },
            header_align=rnd.choice(("centre", "left")),
            date_place=rnd.choice(("row", "row", "corner")),
            refill_mode=rnd.choice(("circle", "write")),
            rx_glyph=any(f.has_rx_glyph for f in fonts.installed_families()) and rnd.random() < 0.5,
            med_rows=rnd.choice((4, 5)),
            prescriber_written=True,
        )
        return style
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        agency={
            "name": rnd.choice(AGENCIES),
            "tagline": rnd.choice(TAGLINES),
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
            "fax": values.phone_number(rnd),
            "intake_fax": values.phone_number(rnd),
        },
        form_code=f"{rnd.choice(('HH', 'REF', 'HHA', 'INT'))}-{rnd.randint(100, 999)}"
        f" rev. {rnd.randint(1, 12):02d}/{rnd.randint(2012, 2023)}",
        date_place=rnd.choice(("head", "source", "source", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        immunity_mode=rnd.choice(("table", "circle")),
        immunity_order=rnd.sample(["chicken_pox", "measles", "mumps"], 3),
        yn_mode=rnd.choice(("boxes", "boxes", "circle")),
        problems_mode=rnd.choice(("text", "lines")),
        meds_mode=rnd.choice(("table", "table", "one")),
        vitals=rnd.random() < 0.75,
        service_words=rnd.randrange(2),
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
    fields: dict[str, Any] = {"record_date": record.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    age = rnd.randint(40, min(96, record.year - 1931))
    birth = record - dt.timedelta(days=365 * age + rnd.randint(10, 350))
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.5:
        lines.append(rnd.choice(("USA", "United States", "U.S.A.")))
    fields["address"] = ", ".join(lines)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.88:
        fields["weight"] = weight
    if rnd.random() < 0.82:
        fields["height"] = height
    discharge = record + dt.timedelta(days=rnd.randint(1, 3))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "referrer": f"{values.person_name(rnd)}, {rnd.choice(ROLES)}"
        if rnd.random() < 0.85
        else None,
        "facility": rnd.choice(FACILITIES) if rnd.random() < 0.85 else None,
        "src_phone": values.phone_number(rnd) if rnd.random() < 0.85 else None,
        "src_fax": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "discharge": discharge.isoformat() if rnd.random() < 0.7 else None,
        "soc": (discharge + dt.timedelta(days=rnd.randint(1, 4))).isoformat()
        if rnd.random() < 0.7
        else None,
        "age": age if rnd.random() < 0.7 else None,
        "sex": rnd.choice(("M", "F", None)),
        "language": rnd.choice(LANGUAGES) if rnd.random() < 0.7 else None,
        "lives": rnd.choice(("alone", "spouse", "family", "facility_home", None)),
        "bp": f"{rnd.randint(104, 168)}/{rnd.randint(58, 96)}" if rnd.random() < 0.7 else None,
        "pulse": str(rnd.randint(56, 104)) if rnd.random() < 0.6 else None,
    }
    if rnd.random() < 0.93:
        contact = values.person_name(rnd, last if rnd.random() < 0.6 else None)
        while contact == fields["patient_name"]:
            contact = values.person_name(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.75:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.3 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles", "mumps"):
        roll = rnd.random()
        status = "immune" if roll < 0.62 else "not immune" if roll < 0.84 else None
        if status is None and rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
        if name == "mumps":
            extras["mumps_status"] = status
        elif status:
            fields[name] = status
        tested = record - dt.timedelta(days=rnd.randint(40, 3000))
        extras[f"{name}_date"] = tested.isoformat() if status and rnd.random() < 0.55 else None
    roll = rnd.random()
    if roll < 0.55:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.86:
        fields["hepatitis_b_vaccination"] = "no"
    elif rnd.random() < 0.7:
        extras["hepatitis_b_vaccination_unsure"] = True
    fields["medical_problems"] = values._pick_some(rnd, values.CONDITIONS, 0.35, 3)
    extras["services"] = rnd.sample(SERVICES, rnd.randint(1, 3))
    extras["reason"] = rnd.choice(REASONS) if rnd.random() < 0.8 else None
    extras["completed_by"] = f"{values.person_name(rnd)}, {rnd.choice(ROLES)}"
    # page 2
    roll = rnd.random()
    if roll < 0.82:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
        fields["has_insurance"] = "no"
    extras["payer"] = None
    if fields.get("has_insurance") == "yes":
        extras["payer"] = rnd.choice(PAYERS[:4])
        fields["insurance_company"] = rnd.choice(values.INSURERS)
        printed, canonical = values.policy_number(rnd)
        fields["policy_number"] = canonical
        extras["policy_number_printed"] = printed
        if rnd.random() < 0.85:
            street = rnd.choice((values.street_line(rnd), f"PO Box {rnd.randint(100, 99999)}"))
            fields["insurance_address"] = f"{street}, {values.city_line(rnd, zip_code='state zip')}"
        if rnd.random() < 0.85:
            fields["insurance_expiry"] = (
                record + dt.timedelta(days=rnd.randint(60, 900))
            ).isoformat()
        extras["effective"] = (
            (record - dt.timedelta(days=rnd.randint(30, 900))).isoformat()
            if rnd.random() < 0.65
            else None
        )
        extras["auth"] = (
            f"{rnd.choice(('', 'PA', 'A-'))}{_digits(rnd, rnd.choice((7, 8, 9)))}"
            if rnd.random() < 0.5
            else None
        )
    elif fields.get("has_insurance") == "no":
        extras["payer"] = "private"
    fields["allergies"] = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    extras["nkda_box"] = not fields["allergies"] and rnd.random() < 0.7
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 4))
    fields["regular_medication"] = [] if rnd.random() < 0.35 else [d[0] for d in drugs]
    extras["med_rows"] = [
        [
            f"{rnd.choice(d[1])} {d[2]}" if rnd.random() < 0.9 else "",
            rnd.choice(ROUTES) if d[3] else "inhaled",
            rnd.choice(FREQUENCIES) if rnd.random() < 0.9 else "",
        ]
        for d in drugs
    ]
    extras["physician"] = (
        f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.85
        else None
    )
    extras["npi"] = f"1{_digits(rnd, 9)}" if rnd.random() < 0.75 else None
    extras["phys_phone"] = values.phone_number(rnd) if rnd.random() < 0.75 else None
    extras["phys_fax"] = values.phone_number(rnd) if rnd.random() < 0.5 else None
    extras["f2f"] = (
        (record - dt.timedelta(days=rnd.randint(0, 28))).isoformat() if rnd.random() < 0.7 else None
    )
    extras["code_status"] = rnd.choice(("full", "full", "dnr", None))
    extras["directive"] = rnd.choice(("yes", "no", None))
    extras["signed_date"] = record.isoformat() if rnd.random() < 0.75 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 20))
    fields: dict[str, Any] = {
        "prescriber": _doctor(rnd),
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    if rnd.random() < 0.87:
        fields["patient_address"] = values.one_line_address(rnd)
    drugs = rnd.sample(values.DRUGS, rnd.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    if rnd.random() < 0.88:
        fields["directions"] = values.directions_text(rnd, drugs)
    if rnd.random() < 0.9:
        if style["refill_mode"] == "circle":
            fields["refills"] = rnd.choice((0, 0, 0, 1, 1, 2, 3, 4, 5, "PRN"))
        else:
            fields["refills"] = rnd.choice((0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    quantities = []
    for _, _, _, form in drugs:
        count = rnd.choice((10, 14, 20, 21, 30, 60, 90)) if form else 1
        quantities.append(rnd.choice((str(count), f"#{count}", f"{count} {form or 'inh'}")))
    birth = _between(rnd, dt.date(1935, 1, 1), dt.date(2012, 12, 31))
    initial = rnd.choice("ABCDEFGHJKLMNPRSTW")
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.5, 2)
    extras: dict[str, Any] = {
        "time": rnd.choice(TIMES) if rnd.random() < 0.8 else None,
        "rx_no": f"{rnd.randint(10**5, 10**7 - 1)}" if rnd.random() < 0.7 else None,
        "office_phone": values.phone_number(rnd) if rnd.random() < 0.85 else None,
        "dea": f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}{_digits(rnd, 7)}"
        if rnd.random() < 0.6
        else None,
        "npi": f"1{_digits(rnd, 9)}" if rnd.random() < 0.7 else None,
        "caller": f"{values.person_name(rnd)} ({rnd.choice(CALLER_ROLES)})"
        if rnd.random() < 0.8
        else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "rx_allergies": ", ".join(allergies) if allergies else style["no_allergies"],
        "quantities": quantities,
        "substitute": rnd.choice(("subs", "subs", "daw", None)),
        "readback": rnd.random() < 0.85,
        "received_by": f"{initial}. {rnd.choice(values.LAST_NAMES)}, RPh"
        if rnd.random() < 0.85
        else None,
    }
    if rnd.random() < 0.25:
        extras["rx_allergies"] = None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


class _Form(common.Drawing):
    """One page of the forms: its faces, bars, ruled rows of cells and boxes."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.pale = tuple(round(255 - (255 - c) * 0.12) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["cap"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        white = style["bar"] == "solid"
        bar_fill = (255, 255, 255) if white else DARK if style["bar"] == "shaded" else self.colour
        faces["bar"] = render.Face(title.bold, 38, bar_fill)
        faces["title"] = render.Face(title.bold, 56, DARK)
        faces["org"] = render.Face(title.bold, 58, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        self.value_size = float(faces["value"].size)
        self.row_h = self.value_size * 1.25 + 50
        self.table_row = self.value_size + 56
        self.boxed = style["grid"] == "boxed"

    # words and values

    def label(self, key: str) -> str:
        if key in ("immune", "not_immune"):  # the form's pair of answers, printed alike
            immune, not_immune = self.labels["imm_words"].split("/")
            return immune if key == "immune" else not_immune
        text = self.labels[key]
        if self.style["label_case"] == "upper":
            text = text.upper()
        return text

    def case(self, text: str) -> str:
        """Printed text in the form's label case."""
        return text.upper() if self.style["label_case"] == "upper" else text

    def cap(self, key: str) -> str:
        """A cell's label, with the form's colon."""
        text = self.label(key)
        return f"{text}:" if self.style["colon"] and not text.endswith("?") else text

    def date(self, iso: str | None, *, short_year: bool = True) -> str | None:
        if not iso:
            return None
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str | None:
        return common.phone_text(canonical, self.style)

    # lines and shapes

    def box(self, x: float, base: float, checked: bool) -> float:
        """A check box on the baseline, marked the copy's way when ``checked``."""
        return common.checkbox(
            self.page, x, base, checked=checked, mark=self.style["mark"], side=38
        )

    def options(
        self,
        x: float,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | Sequence[str] | None,
        gap: float = 44,
    ) -> float:
        """``[ ] Yes  [x] No``: a box before each printed option; where the row ends."""
        picked = {chosen} if isinstance(chosen, str) else set(chosen or ())
        for key, text in options:
            x = self.box(x, base, key in picked)
            x = self.page.text(x + 14, base, text, "opt") + gap
        return x

    def options_row(
        self,
        label: str,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | Sequence[str] | None,
        gap: float = 40,
    ) -> float:
        """A label and its boxes, wrapped under the label when the row is full; the last base."""
        page = self.page
        x = page.text(LEFT, base, label, "cap") + 30
        for key, text in options:
            width = 38 + 14 + page.width(text, "opt")
            if x + width > RIGHT - 10:
                x, base = LEFT + 40, base + 66
            self.options(x, base, ((key, text),), chosen)
            x += width + gap
        return base

    def ring(
        self, x: float, base: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """Printed options in a row, the chosen one ringed in the values' ink."""
        return common.circled_options(self.page, x, base, options, chosen, face="opt", gap=110)

    def bar(self, top: float, key: str) -> float:
        """A section's bar; where its first row starts."""
        page = self.page
        text = self.labels[key].upper()
        kind = self.style["bar"]
        height = 58.0
        if kind == "solid":
            self.rect(LEFT, top, RIGHT, top + height, fill=self.colour, outline=None)
        elif kind == "shaded":
            self.rect(LEFT, top, RIGHT, top + height, fill=(222, 222, 222), outline=GRID)
        else:
            self.line(LEFT, top + height, RIGHT, top + height, width=6, fill=self.colour)
        page.text(LEFT + 18, top + height / 2 + 14, text, "bar", max_width=RIGHT - LEFT - 40)
        return top + height + (0 if kind != "rule" else 6)

    def cells(
        self,
        top: float,
        items: Sequence[tuple[str, str | None, float]],
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        height: float | None = None,
    ) -> list[tuple[float, float, float]]:
        """A row of cells, each its label then the value; ``(label end, cell end, base)`` each.

        Labels are printed at the cell's left; shares of the row's width size the cells.
        """
        page = self.page
        height = height or self.row_h
        base = top + height - 30
        total = sum(share for _, _, share in items)
        # each cell is its label plus a share of the room left for the values, so a long label
        # does not crowd its value out (plain shares when the labels leave too little room)
        labels = [page.width(label, "cap") + 50 for label, _, _ in items]
        room = x1 - x0 - sum(labels)
        x = x0
        spans: list[tuple[float, float, float]] = []
        if self.boxed:
            self.rect(x0, top, x1, top + height, outline=GRID, width=2)
        for k, (label, value, share) in enumerate(items):
            if room >= 260 * len(items):
                width = labels[k] + room * share / total
            else:
                width = (x1 - x0) * share / total
            end = x1 if k == len(items) - 1 else x + width
            if self.boxed and k:
                self.line(x, top, x, top + height, width=2)
            pad = 14.0 if self.boxed else (0.0 if k == 0 else 30.0)
            label_end = page.text(x + pad, base, label, "cap", max_width=(end - x) * 0.62)
            start = label_end + 20 if label else x + pad
            if not self.boxed:
                self.line(start - 6, base + 14, end - 10, base + 14, width=2, fill=RULE)
            if value:
                page.text(start + 6, base, value, "value", max_width=max(60.0, end - start - 26))
            spans.append((start, end, base))
            x = end
        return spans

    def rules(self, x0: float, base: float, x1: float, count: int, gap: float) -> None:
        """Writing rules under ``count`` baselines from ``base``."""
        for k in range(count):
            y = base + k * gap + 14
            self.line(x0, y, x1, y, width=2, fill=RULE)

    def wrapped_value(
        self, x0: float, base: float, x1: float, text: str | None, count: int, gap: float
    ) -> float:
        """A value written over ``count`` (or more) rules; the baseline after the last."""
        lines = render.wrap(self.page, text, "value", x1 - x0 - 30) if text else []
        count = max(count, len(lines))
        self.rules(x0, base, x1, count, gap)
        for k, line in enumerate(lines):
            self.page.text(x0 + 12, base + k * gap, line, "value", max_width=x1 - x0 - 20)
        return base + count * gap

    def note(self, x: float, base: float, text: str, width: float, gap: float = 38) -> float:
        """Running small print wrapped to ``width``; the last line's baseline."""
        for line in render.wrap(self.page, text, "note", width):
            self.page.text(x, base, line, "note")
            base += gap
        return base - gap


def _with_unit(fields: Mapping[str, Any], name: str, unit: str | None) -> str | None:
    if name not in fields:
        return None
    return f"{render.format_number(fields[name])} {unit or ''}".strip()


def _list_text(items: Sequence[str] | None, style: Mapping[str, Any]) -> str | None:
    return common.list_text(items, str(style["empty_list"]))


# --- patient record -------------------------------------------------------------------------


def _record_head(form: _Form, *, compact: bool) -> float:
    """The agency's letterhead and the title; the baseline under them."""
    page = form.page
    agency = form.style["agency"]
    # a house under a roof line: the agency's emblem
    x, y = LEFT, 120.0
    colour = form.colour
    roof = [(x, y + 60), (x + 55, y + 10), (x + 110, y + 60)]
    page.draw.line([(page.px(a), page.px(b)) for a, b in roof], fill=colour, width=page.px(10))
    form.rect(x + 22, y + 58, x + 88, y + 118, fill=None, outline=colour, width=8)
    tx = x + 140
    page.text(tx, 180, agency["name"], "org", max_width=1180)
    if compact:
        title = f"{form.labels['title']} {form.labels['continued']}"
        page.text(RIGHT, 180, title, "title", anchor="rs", max_width=900)
        form.line(LEFT, 238, RIGHT, 238, width=5, fill=colour)
        return 238.0
    page.text(tx, 228, agency["tagline"], "org_small", max_width=1180)
    page.text(tx, 268, f"{agency['street']}, {agency['city']}", "org_small", max_width=1180)
    numbers = (
        f"Tel {common.phone_text(agency['phone'], form.style)}   "
        f"Fax {common.phone_text(agency['fax'], form.style)}"
    )
    page.text(tx, 308, numbers, "org_small", max_width=1180)
    page.text(RIGHT, 180, form.labels["title"], "title", anchor="rs", max_width=900)
    page.text(RIGHT, 232, form.labels["subtitle"], "org_small", anchor="rs", max_width=900)
    note = f"{form.labels['fax_note']}: {common.phone_text(agency['intake_fax'], form.style)}"
    width = page.width(note, "note") + 40
    form.rect(RIGHT - width, 258, RIGHT, 318, outline=colour, width=3)
    page.text(RIGHT - width + 20, 300, note, "note")
    form.line(LEFT, 350, RIGHT, 350, width=5, fill=colour)
    return 350.0


def _footer(form: _Form, number: int) -> None:
    page = form.page
    page.text(LEFT, FOOTER, str(form.style["form_code"]), "fine")
    page.text(RIGHT, FOOTER, f"Page {number} of 2", "fine", anchor="rs")


def _yes_no(
    form: _Form, x: float, base: float, chosen: str | None, *, unsure: bool = False
) -> float:
    """The form's yes / no answer: boxes (with Unknown) or a ringed Y or N."""
    if form.style["yn_mode"] == "circle":
        return form.ring(x + 40, base, (("yes", "Y"), ("no", "N")), chosen)
    options = [
        ("yes", form.label("yes")),
        ("no", form.label("no")),
        ("unknown", form.label("unknown")),
    ]
    return form.options(x, base, options, "unknown" if unsure and not chosen else chosen)


def _immunity(
    form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The immunization status; the top of what follows."""
    page = form.page
    order: Sequence[str] = form.style["immunity_order"]
    statuses = {
        name: extras.get("mumps_status") if name == "mumps" else fields.get(name) for name in order
    }
    page.text(LEFT, top + 46, form.cap("imm_head"), "cap")
    top += 66
    choices = (("immune", "immune"), ("not immune", "not_immune"), ("unknown", "unknown"))
    if form.style["immunity_mode"] == "table":
        xs = (LEFT, LEFT + 700, LEFT + 1000, LEFT + 1330, LEFT + 1620, RIGHT)
        heads = ("", *(form.label(key) for _, key in choices), form.label("imm_date"))
        head_h, row_h = 56.0, form.table_row
        form.rect(xs[0], top, xs[-1], top + head_h, fill=form.pale, outline=None)
        for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
            page.text((x0 + x1) / 2, top + 40, head, "cap", anchor="ms", max_width=x1 - x0 - 20)
        for k, name in enumerate(order):
            row_top = top + head_h + k * row_h
            base = row_top + row_h - 30
            form.line(xs[0], row_top, xs[-1], row_top, width=1.5)
            page.text(xs[0] + 16, base, form.label(name), "cap", max_width=xs[1] - xs[0] - 30)
            status = statuses[name]
            if status is None and extras.get(f"{name}_unsure"):
                status = "unknown"
            for (key, _), x0, x1 in zip(choices, xs[1:], xs[2:], strict=False):
                mid = (x0 + x1) / 2
                form.box(mid - 19, base - 2, key == status)
            written = form.date(extras.get(f"{name}_date"))
            if written:
                page.text(xs[4] + 20, base, written, "value", max_width=xs[5] - xs[4] - 40)
        bottom = top + head_h + len(order) * row_h
        form.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
        for x in xs[1:-1]:
            form.line(x, top, x, bottom, width=1.5)
        return bottom + 20
    for name in order:
        base = top + 84
        page.text(LEFT + 40, base, form.cap(name), "cap")
        status = statuses[name]
        if status is None and extras.get(f"{name}_unsure"):
            status = "unknown"
        words = [(key, form.label(label)) for key, label in choices]
        form.ring(LEFT + 720, base, words, status)
        written = form.date(extras.get(f"{name}_date"))
        if written:
            end = page.text(LEFT + 1560, base, form.cap("imm_date"), "cap", max_width=300)
            page.text(end + 20, base, written, "value", max_width=RIGHT - end - 30)
        top = base + 20
    return top + 10


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    top = _record_head(form, compact=False)
    record = form.date(fields.get("record_date"))
    place = style["date_place"]
    if place == "head":
        label = form.cap("record_date")
        width = page.width(label, "cap") + max(360.0, page.width(record or "", "value") + 60)
        saved = form.boxed
        form.boxed = True
        form.cells(top + 20, [(label, record, 1)], x0=RIGHT - width, x1=RIGHT)
        form.boxed = saved
        top += 20 + form.row_h
    # referral source
    top = form.bar(top + 26, "sec_source")
    first: list[tuple[str, str | None, float]] = []
    if place == "source":
        first.append((form.cap("record_date"), record, 0.9))
    first += [
        (form.cap("referrer"), extras.get("referrer"), 1.6),
        (form.cap("facility"), extras.get("facility"), 1.3),
    ]
    form.cells(top, first)
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("src_phone"), form.phone(extras.get("src_phone")), 1.2),
            (form.cap("src_fax"), form.phone(extras.get("src_fax")), 1),
            (form.cap("discharge"), form.date(extras.get("discharge")), 1),
            (form.cap("soc"), form.date(extras.get("soc")), 1.1),
        ],
    )
    top += form.row_h
    # patient
    top = form.bar(top + 26, "sec_patient")
    name = fields.get("patient_name")
    dob = form.date(fields.get("birth_date"), short_year=False)
    age = extras.get("age")
    row: list[tuple[str, str | None, float]]
    if style["name_mode"] == "split" and name:
        given, _, surname = name.rpartition(" ")
        row = [(form.cap("last"), surname, 1.1), (form.cap("first"), given, 1.1)]
    else:
        row = [(form.cap("name"), name, 2.0)]
    row += [(form.cap("dob"), dob, 1.4), (form.cap("age"), str(age) if age else None, 0.35)]
    row.append((form.cap("sex"), None, 0.8))
    spans = form.cells(top, row)
    start, _, base = spans[-1]
    form.options(start, base, (("M", "M"), ("F", "F")), extras.get("sex"), gap=22)
    top += form.row_h
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        form.cells(top, [(form.cap("address"), fields.get("address"), 1)])
        top += form.row_h
    else:
        form.cells(top, [(form.cap("street"), lines[0], 1)])
        top += form.row_h
        form.cells(top, [(form.cap("city"), lines[1], 1.6), (form.cap("country"), lines[2], 0.8)])
        top += form.row_h
    phone_row: list[tuple[str, str | None, float]] = [
        (form.cap("phone"), form.phone(fields.get("phone")), 1.1),
        (form.cap("language"), extras.get("language"), 1),
    ]
    form.cells(top, phone_row)
    top += form.row_h
    if style["vitals"]:
        form.cells(
            top,
            [
                (form.cap("height"), _with_unit(fields, "height", extras.get("height_unit")), 1),
                (form.cap("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 1),
                (form.cap("bp"), extras.get("bp"), 0.8),
                (form.cap("pulse"), extras.get("pulse"), 0.6),
            ],
        )
    else:
        form.cells(
            top,
            [
                (form.cap("height"), _with_unit(fields, "height", extras.get("height_unit")), 1),
                (form.cap("weight"), _with_unit(fields, "weight", extras.get("weight_unit")), 1),
            ],
        )
    top += form.row_h
    spans = form.cells(top, [(form.cap("lives"), None, 1)])
    start, _, base = spans[0]
    lives = [(key, form.label(key)) for key in ("alone", "spouse", "family", "facility_home")]
    form.options(start + 10, base, lives, extras.get("lives"), gap=60)
    top += form.row_h
    # caregiver / emergency contact
    top = form.bar(top + 26, "sec_contact")
    form.cells(
        top,
        [
            (form.cap("contact"), fields.get("emergency_contact_name"), 1.5),
            (form.cap("relation"), extras.get("relation"), 0.9),
            (form.cap("contact_phone"), form.phone(fields.get("emergency_contact_phone")), 1.1),
        ],
    )
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("contact_address"), fields.get("emergency_contact_address"), 2.4),
            (form.cap("contact_other"), form.phone(extras.get("emergency_work_phone")), 1.1),
        ],
    )
    top += form.row_h
    # clinical
    top = form.bar(top + 26, "sec_clinical")
    top = _immunity(form, fields, extras, top)
    base = top + 60
    end = page.text(LEFT, base, form.cap("hep_b"), "cap")
    _yes_no(
        form,
        end + 40,
        base,
        fields.get("hepatitis_b_vaccination"),
        unsure=bool(extras.get("hepatitis_b_vaccination_unsure")),
    )
    base += 100
    problems = fields.get("medical_problems")
    gap = form.value_size + 36
    if style["problems_mode"] == "lines":
        page.text(LEFT, base, form.cap("problems"), "cap")
        items = list(problems or [])
        if problems is not None and not items and style["empty_list"]:
            items = [str(style["empty_list"])]
        count = max(3, len(items))
        half = (RIGHT - LEFT) / 3
        for k in range(count):
            x = LEFT + 40 + (k % 3) * half
            b = base + gap * (1 + k // 3)
            number = page.text(x, b, f"{k + 1}.", "cap")
            form.line(number + 10, b + 14, x + half - 60, b + 14, width=2, fill=RULE)
            if k < len(items):
                page.text(number + 22, b, items[k], "value", max_width=x + half - number - 90)
        base += gap * (1 + (count + 2) // 3)
    else:
        end = page.text(LEFT, base, form.cap("problems"), "cap")
        text = _list_text(problems, style)
        lines_text = render.wrap(page, text, "value", RIGHT - end - 60) if text else []
        form.line(end + 14, base + 14, RIGHT, base + 14, width=2, fill=RULE)
        if lines_text:
            page.text(end + 30, base, lines_text[0], "value", max_width=RIGHT - end - 50)
        rest = " ".join(lines_text[1:])
        base = form.wrapped_value(LEFT, base + gap, RIGHT, rest or None, 1, gap)
    base += 10
    words = [(key, form.case(_SERVICE_WORDS[key][int(style["service_words"])])) for key in SERVICES]
    base = form.options_row(form.cap("services"), base, words, extras.get("services"))
    base += 30
    form.cells(base, [(form.cap("reason"), extras.get("reason"), 1)])
    base += form.row_h
    # completed by (and, on some forms, the record date)
    foot_top = max(base + 40, 2960.0)
    if place == "foot":
        form.cells(
            foot_top,
            [
                (form.cap("completed_by"), extras.get("completed_by"), 1.8),
                (form.cap("foot_date"), record, 1),
            ],
        )
    else:
        form.cells(foot_top, [(form.cap("completed_by"), extras.get("completed_by"), 1)])
    _footer(form, 1)
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    top = _record_head(form, compact=True) + 20
    form.cells(
        top,
        [
            (form.cap("running"), fields.get("patient_name"), 2),
            (form.cap("dob"), form.date(fields.get("birth_date"), short_year=False), 1),
        ],
    )
    top += form.row_h
    # insurance
    top = form.bar(top + 30, "sec_insurance")
    base = top + 70
    end = page.text(LEFT, base, form.cap("insurance_q"), "cap")
    if style["yn_mode"] == "circle":
        form.ring(end + 80, base, (("yes", "Y"), ("no", "N")), fields.get("has_insurance"))
    else:
        yes_no = (("yes", form.label("yes")), ("no", form.label("no")))
        form.options(end + 40, base, yes_no, fields.get("has_insurance"))
    base += 80
    payers = [(key, form.case(_PAYER_WORDS[key])) for key in PAYERS]
    base = form.options_row(form.cap("payer"), base, payers, extras.get("payer"))
    top = base + 30
    form.cells(
        top,
        [
            (form.cap("carrier"), fields.get("insurance_company"), 1.5),
            (
                form.cap("member"),
                extras.get("policy_number_printed") or fields.get("policy_number"),
                1.1,
            ),
        ],
    )
    top += form.row_h
    form.cells(top, [(form.cap("claims"), fields.get("insurance_address"), 1)])
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("effective"), form.date(extras.get("effective")), 1),
            (form.cap("expiry"), form.date(fields.get("insurance_expiry")), 1.1),
            (form.cap("auth"), extras.get("auth"), 1),
        ],
    )
    top += form.row_h
    # allergies
    top = form.bar(top + 30, "sec_allergy")
    allergies = fields.get("allergies")
    nkda = bool(extras.get("nkda_box")) and allergies == []
    spans = form.cells(top, [(form.cap("nkda"), None, 0.5), (form.cap("allergies"), None, 2)])
    start, _, base = spans[0]
    form.box(start + 10, base, nkda)
    start, end, base = spans[1]
    text = None if nkda else common.list_text(allergies, str(style["no_allergies"]))
    if text:
        page.text(start + 6, base, text, "value", max_width=end - start - 26)
    top += form.row_h
    # medications
    top = form.bar(top + 30, "sec_meds")
    meds = fields.get("regular_medication")
    details: Sequence[Sequence[str]] = extras.get("med_rows") or []
    if style["meds_mode"] == "one":
        form.cells(top + 10, [(form.cap("meds_one"), _list_text(meds, style), 1)])
        top += 10 + form.row_h
    else:
        xs = (LEFT, LEFT + 90, LEFT + 900, LEFT + 1350, LEFT + 1700, RIGHT)
        heads = (
            "#",
            form.label("med"),
            form.label("dose"),
            form.label("route"),
            form.label("freq"),
        )
        head_h, row_h = 56.0, form.table_row
        top += 14
        form.rect(xs[0], top, xs[-1], top + head_h, fill=form.pale, outline=None)
        for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
            page.text(x0 + 14, top + 40, head, "cap", max_width=x1 - x0 - 24)
        rows: list[list[str | None]] = []
        if meds:
            for k, medicine in enumerate(meds):
                detail = list(details[k]) if k < len(details) else ["", "", ""]
                rows.append([medicine, *detail])
        elif meds is not None and style["empty_list"]:
            rows.append([str(style["empty_list"]), None, None, None])
        count = max(5, len(rows))
        for k in range(count):
            row_top = top + head_h + k * row_h
            base = row_top + row_h - 30
            form.line(xs[0], row_top, xs[-1], row_top, width=1.5)
            page.text(xs[0] + 26, base, f"{k + 1}", "cap")
            if k < len(rows):
                for value, x0, x1 in zip(rows[k], xs[1:], xs[2:], strict=False):
                    if value:
                        page.text(x0 + 18, base, value, "value", max_width=x1 - x0 - 36)
        bottom = top + head_h + count * row_h
        form.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
        for x in xs[1:-1]:
            form.line(x, top, x, bottom, width=1.5)
        top = bottom
    # physician
    top = form.bar(top + 30, "sec_physician")
    form.cells(
        top,
        [
            (form.cap("phys_name"), extras.get("physician"), 1.6),
            (form.cap("npi"), extras.get("npi"), 1),
        ],
    )
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("phys_phone"), form.phone(extras.get("phys_phone")), 1),
            (form.cap("phys_fax"), form.phone(extras.get("phys_fax")), 1),
        ],
    )
    top += form.row_h
    form.cells(top, [(form.cap("f2f"), form.date(extras.get("f2f")), 1)], x1=LEFT + 1300)
    top += form.row_h
    # code status and advance directives
    top = form.bar(top + 30, "sec_directives")
    base = top + 70
    codes = (("full", form.label("full_code")), ("dnr", form.label("dnr")))
    form.options_row(form.cap("code_status"), base, codes, extras.get("code_status"), gap=50)
    base += 76
    end = page.text(LEFT, base, form.cap("directive"), "cap")
    yes_no = (("yes", form.label("yes")), ("no", form.label("no")))
    form.options(end + 40, base, yes_no, extras.get("directive"))
    top = base
    # attestation and signature
    base = form.note(LEFT, top + 90, form.labels["attest"], RIGHT - LEFT)
    sign_base = max(base + 150, 2900.0)
    form.line(LEFT, sign_base + 14, LEFT + 1300, sign_base + 14, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 700, sign_base, form.ink())
    page.text(LEFT, sign_base + 56, form.label("sign"), "note")
    end = page.text(LEFT + 1400, sign_base, form.cap("sign_date"), "cap")
    form.line(end + 14, sign_base + 14, RIGHT, sign_base + 14, width=2, fill=RULE)
    signed = form.date(extras.get("signed_date"))
    if signed:
        page.text(end + 30, sign_base, signed, "value", max_width=RIGHT - end - 50)
    _footer(form, 2)
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _rx_mark(form: _Form, x: float, base: float) -> float:
    page = form.page
    if form.style["rx_glyph"]:
        family = next(f for f in fonts.installed_families() if f.has_rx_glyph)
        page.add_face("rx", family.name, 110)
        return page.text(x, base, fonts.RX_GLYPH, "rx")
    page.add_face("rx", form.style["title_font"], 90, bold=True)
    return page.text(x, base, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    pharmacy = style["pharmacy"]
    # header
    lines = (
        f"{pharmacy['street']}, {pharmacy['city']}",
        f"Tel {common.phone_text(pharmacy['phone'], style)}   "
        f"Fax {common.phone_text(pharmacy['fax'], style)}   "
        f"{form.labels['store']} {pharmacy['store']}",
    )
    if style["header_align"] == "centre":
        mid = (LEFT + RIGHT) / 2
        page.text(mid, 190, pharmacy["name"], "org", anchor="ms", max_width=RIGHT - LEFT)
        for k, line in enumerate(lines):
            page.text(mid, 245 + 42 * k, line, "org_small", anchor="ms", max_width=RIGHT - LEFT)
    else:
        cx, cy = LEFT + 50, 200.0  # a mortar: the pharmacy's mark
        form.rect(cx - 38, cy - 22, cx + 38, cy - 8, fill=form.colour, outline=None)
        page.draw.chord(
            [page.px(cx - 50), page.px(cy - 60), page.px(cx + 50), page.px(cy + 50)],
            0,
            180,
            fill=form.colour,
        )
        page.text(LEFT + 130, 190, pharmacy["name"], "org", max_width=1300)
        for k, line in enumerate(lines):
            page.text(LEFT + 130, 245 + 42 * k, line, "org_small", max_width=1300)
    top = form.bar(360, "title")
    date = form.date(fields.get("date"))
    time = extras.get("time")
    if style["date_place"] == "corner":
        label_w = max(page.width(form.cap("date"), "cap"), page.width(form.cap("time"), "cap"))
        width = label_w + max(380.0, page.width(date or "", "value") + 60)
        saved = form.boxed
        form.boxed = True
        form.cells(top + 24, [(form.cap("date"), date, 1)], x0=RIGHT - width, x1=RIGHT)
        form.cells(top + 24 + form.row_h, [(form.cap("time"), time, 1)], x0=RIGHT - width, x1=RIGHT)
        form.boxed = saved
        form.cells(
            top + 24 + form.row_h, [(form.cap("rx_no"), extras.get("rx_no"), 1)], x1=LEFT + 900
        )
        top += 24 + 2 * form.row_h
    else:
        form.cells(
            top + 24,
            [
                (form.cap("date"), date, 1.2),
                (form.cap("time"), time, 0.8),
                (form.cap("rx_no"), extras.get("rx_no"), 1),
            ],
        )
        top += 24 + form.row_h
    # prescriber
    top = form.bar(top + 30, "sec_prescriber")
    form.cells(
        top,
        [
            (form.cap("prescriber"), fields.get("prescriber"), 1.7),
            (form.cap("office_phone"), form.phone(extras.get("office_phone")), 1),
        ],
    )
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("dea"), extras.get("dea"), 1),
            (form.cap("npi"), extras.get("npi"), 1),
            (form.cap("caller"), extras.get("caller"), 1.7),
        ],
    )
    top += form.row_h
    # patient
    top = form.bar(top + 30, "sec_patient")
    form.cells(
        top,
        [
            (form.cap("name"), fields.get("patient_name"), 1.7),
            (form.cap("dob"), form.date(extras.get("patient_dob"), short_year=False), 1),
        ],
    )
    top += form.row_h
    form.cells(top, [(form.cap("address"), fields.get("patient_address"), 1)])
    top += form.row_h
    form.cells(
        top,
        [
            (form.cap("phone"), form.phone(extras.get("patient_phone")), 1),
            (form.cap("allergies"), extras.get("rx_allergies"), 1.7),
        ],
    )
    top += form.row_h
    # medication
    top = form.bar(top + 30, "sec_meds")
    mark_end = _rx_mark(form, LEFT, top + 120)
    xs = (max(mark_end + 30, LEFT + 190), LEFT + 260, LEFT + 1800, RIGHT)
    head_h, row_h = 56.0, form.table_row
    table_top = top + 24
    form.rect(xs[0], table_top, xs[-1], table_top + head_h, fill=form.pale, outline=None)
    page.text(xs[1] + 14, table_top + 40, form.label("drug"), "cap", max_width=xs[2] - xs[1] - 30)
    page.text(xs[2] + 14, table_top + 40, form.label("qty"), "cap", max_width=xs[3] - xs[2] - 30)
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    count = max(int(style["med_rows"]), len(medicines))
    for k in range(count):
        row_top = table_top + head_h + k * row_h
        base = row_top + row_h - 30
        form.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        page.text((xs[0] + xs[1]) / 2, base, f"{k + 1}", "cap", anchor="ms")
        if k < len(medicines):
            page.text(xs[1] + 18, base, medicines[k], "value", max_width=xs[2] - xs[1] - 36)
            if k < len(quantities) and quantities[k]:
                page.text(xs[2] + 18, base, quantities[k], "value", max_width=xs[3] - xs[2] - 36)
    bottom = table_top + head_h + count * row_h
    form.rect(xs[0], table_top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        form.line(x, table_top, x, bottom, width=1.5)
    # directions
    base = bottom + 80
    end = page.text(LEFT, base, form.cap("sig"), "cap")
    gap = form.value_size + 34
    text = fields.get("directions")
    lines_text = render.wrap(page, text, "value", RIGHT - end - 60) if text else []
    form.line(end + 14, base + 14, RIGHT, base + 14, width=2, fill=RULE)
    if lines_text:
        page.text(end + 30, base, lines_text[0], "value", max_width=RIGHT - end - 50)
    rest = " ".join(lines_text[1:])
    base = form.wrapped_value(LEFT, base + gap, RIGHT, rest or None, 2, gap)
    # refills, substitution, read back
    base += 30
    refills = fields.get("refills")
    end = page.text(LEFT, base, form.cap("refills"), "cap")
    if style["refill_mode"] == "circle":
        tokens = (("0", "0"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"))
        chosen = None if refills is None else str(refills)
        x = form.ring(end + 50, base, (*tokens, ("PRN", "PRN")), chosen)
        if refills is not None and chosen not in {"0", "1", "2", "3", "4", "5", "PRN"}:
            page.text(x + 20, base, str(refills), "value")
    else:
        form.line(end + 16, base + 14, end + 200, base + 14, width=2, fill=RULE)
        if refills is not None:
            page.text(end + 108, base, str(refills), "value", anchor="ms")
        page.text(end + 216, base, form.label("times"), "opt")
    base += 90
    end = form.box(LEFT, base, bool(extras.get("readback")))
    page.text(end + 16, base, form.label("readback"), "opt")
    subs = (("subs", form.label("subs")), ("daw", form.label("daw")))
    form.options(LEFT + 1150, base, subs, extras.get("substitute"), gap=40)
    base += 40
    spans = form.cells(
        base,
        [(form.cap("received"), extras.get("received_by"), 1.3), (form.cap("signature"), None, 1)],
    )
    start, end_x, sign_base = spans[1]
    if extras.get("received_by"):
        page.scribble(start + 30, min(end_x - 40, start + 500), sign_base, form.ink())
    # the pharmacy's own box, left blank when the order is taken
    top = max(sign_base + 120, 2880.0)
    form.rect(LEFT, top, RIGHT, top + 50, fill=form.pale, outline=GRID)
    page.text(LEFT + 16, top + 37, form.label("pharmacy_use").upper(), "cap")
    saved = form.boxed
    form.boxed = True
    form.cells(
        top + 50,
        [
            (form.cap("filled_on"), None, 1),
            (form.cap("filled_by"), None, 1),
            (form.cap("ndc"), None, 1.2),
            (form.cap("verified"), None, 1),
        ],
    )
    form.boxed = saved
    page.text(LEFT, FOOTER, form.labels["fine"], "fine", max_width=RIGHT - LEFT)
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
