"""A school athletics pre-participation history form and an eye clinic's prescription blank.

Written blind as the held-out family of round 17 (then called ``heldout``): its author never read
the reader.

Neither document is a clinic's registration sheet or a doctor's pad. The record is the history
form a student athlete (with a parent) fills in before the yearly sports physical, on the
athletic department's printed sheet; the prescription is the blank of a group ophthalmology
practice whose physicians are listed down a tinted sidebar, the one who writes ticking the box
beside their printed name.

Patient record (two pages). Fields are filled in on short rules after inline labels, several to
a line (the label wording is drawn per form from synonym lists, in sentence or title case), in
sections headed per form by a tinted band, a boxed capital title or an underlined title.

* Page 1: the school's crest, name, department ("Sports Medicine") and its street, telephone and
  fax (distractors) at the left; the form's title and the season (``2023-24``, a distractor) at
  the right. The record date is the exam date: on the name's line, in a box at the top right,
  or in the examiner's strip at the foot, per form. The athlete's line: the name (one answer, or
  last name and first name with initial: the truth is ``First M. Last``), the date of birth, the
  age, sex (``M`` / ``F`` circled), the grade or class, the student ID and the sports
  (distractors but the name and birth date). The home address (one answer, or street; city,
  state and ZIP; country: the truth joins them with ``", "``) and the home phone (``phone``) with
  a cell phone (a distractor). The parent / guardian or emergency contact: name, relationship (a
  distractor), the home phone (``emergency_contact_phone``), a work or cell phone (a distractor)
  and the address.
* An immunization grid: rows chickenpox (varicella) and measles, with mumps and rubella rows on
  some forms (distractors), columns ``Immune``, ``Not immune`` and ``Don't know``; the mark in
  the chosen cell (a tick, a cross, or a filled bubble where the form prints bubbles). A "don't
  know" answer, or none, leaves the field out.
* A numbered table of health questions with ``Yes`` / ``No`` columns: sports questions
  (distractors) and, at a per-form row, the hepatitis B vaccine series (``yes`` / ``no``). A
  question the athlete does not know is left blank and its number ringed by hand, as the form
  asks ("circle questions you don't know the answers to"): the field is then absent.
* The past and current medical conditions written comma-separated over two rules, the
  document's word for none, or nothing.
* A boxed strip "to be completed by the examiner": height and weight (the number with its unit),
  blood pressure, pulse and vision right / left (distractors), and the exam date where the form
  puts it there.

Page 2: a running line (the athlete's name and student ID again); the medicines question (yes /
no boxes, a distractor derived from the list) and the medicines written comma-separated or in a
table of medicine, dose and how often (the truth is the medicine column); the allergies question
with category boxes (medicines, pollens, food, stinging insects: distractors) and the allergies
written out, the word for none, or nothing (the truth is ``[]`` then); the insurance section: the
yes/no coverage question (``has_insurance``), the company with its telephone (a distractor), the
policy or member ID (separators printed) and the group number (a distractor), the policy holder
and relationship (distractors), the claims address, the effective date (a distractor) and the
expiration date (``insurance_expiry``); the consent paragraph with the athlete's and the parent's
signatures and the dates they signed (distractors); a "team physician use only" clearance box
(the choice, the physician's name and the clearance date: distractors).

Prescription (one page): a tinted sidebar at the left carries the practice's eye logo, name and
subspecialties, the physicians (one to five, each with a license number: with more than one a
box before each, the prescriber's ticked; the truth is the name as printed, titles kept) and
the offices (street, city and telephone: distractors) with an after-hours number. The body at
the right: the title and a serial number in red (a distractor); the patient's name, date of
birth and chart number (distractors but the name), the address (``patient_address``) and the
date (``date``, on the chart's line or under the signatures at the foot, per form); the ℞ and
the medicines one a rule, each with printed ``OD OS OU`` at the rule's end, the eye ringed by
hand for eye drops (a distractor); the directions over rules; the refills written on a rule, or
``0`` to ``5`` and ``PRN`` printed with one ringed (a larger number written after "Other"); two
signature lines ("substitution permitted" / "dispense as written"), the scribble on one of them;
the DEA and NPI numbers written by hand (distractors) and small print at the foot.
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
DARK = (25, 25, 25)
GRID = (70, 70, 70)
RULE = (140, 140, 140)
RED = (190, 40, 40)
LAST_BASE = 3110.0  # no text but the footer's fine print below this baseline

# fmt: off
SCHOOLS = (
    "Northbrook", "Riverside", "Lakeview", "Cedar Ridge", "Westfield", "Pine Valley",
    "Eastlake", "Mountain View", "Fairmont", "Brookhaven", "Oak Hollow", "Granite Falls",
)
SCHOOL_KINDS = ("High School", "College", "University", "Academy", "Community College")
SPORTS = (
    "Soccer", "Basketball", "Football", "Volleyball", "Cross country", "Track", "Swimming",
    "Wrestling", "Baseball", "Softball", "Tennis", "Lacrosse", "Golf", "Cheer", "Hockey",
)
GRADES = ("9", "10", "11", "12", "Fr", "So", "Jr", "Sr")
RELATIONS = ("Mother", "Father", "Guardian", "Grandmother", "Grandfather", "Aunt", "Uncle",
             "Stepmother", "Stepfather", "Sister", "Brother")
HOW_OFTEN = ("daily", "twice a day", "as needed", "at night", "weekly", "before exercise")
PRACTICES = (
    "Clearview Eye Associates", "Summit Ophthalmology Group", "Bayside Eye & Retina",
    "Valley Eye Physicians", "Horizon Eye Care Specialists", "Lakeshore Eye Institute",
    "Crestwood Ophthalmology", "Meridian Eye Center",
)
SUBSPECIALTIES = (
    "Cataract & Refractive Surgery", "Glaucoma", "Retina", "Cornea", "Pediatric Ophthalmology",
    "Oculoplastics", "Comprehensive Eye Care",
)
# (name, strength): eye drops an ophthalmologist writes
EYE_DROPS = (
    ("Latanoprost", "0.005%"), ("Timolol", "0.5%"), ("Brimonidine", "0.2%"),
    ("Dorzolamide", "2%"), ("Prednisolone acetate", "1%"), ("Moxifloxacin", "0.5%"),
    ("Ketorolac", "0.5%"), ("Cyclosporine", "0.05%"), ("Tobramycin", "0.3%"),
    ("Olopatadine", "0.1%"), ("Ofloxacin", "0.3%"), ("Difluprednate", "0.05%"),
)
DROP_FORMS = ("eye drops", "ophthalmic solution", "ophth soln", "gtts")
EYES = {"OD": "the right eye", "OS": "the left eye", "OU": "both eyes"}
DROP_FREQ = ("once daily", "twice daily", "three times a day", "four times a day",
             "at bedtime", "every 2 hours while awake")
DROP_ADVICE = (
    "Wait 5 minutes between different eye drops",
    "Do not touch the dropper tip to the eye",
    "Remove contact lenses before use",
    "Shake well before each use",
    "Keep follow-up appointment in two weeks",
)
COLOURS = ([0, 84, 147], [128, 0, 32], [0, 110, 80], [90, 50, 130], [180, 90, 0],
           [40, 90, 120], [100, 100, 100])
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
# fmt: on

# sports questions the athletes answer yes or no (distractors)
QUESTIONS = (
    "Has a doctor ever denied or restricted your participation in sports for any reason?",
    "Have you ever passed out or nearly passed out during or after exercise?",
    "Have you ever had discomfort, pain or pressure in your chest during exercise?",
    "Does your heart ever race or skip beats during exercise?",
    "Has anyone in your family died suddenly before age 35?",
    "Have you ever had a stress fracture or an injury to a bone, muscle or ligament?",
    "Do you cough, wheeze or have difficulty breathing during or after exercise?",
    "Have you ever had a head injury or concussion?",
    "Have you ever become ill while exercising in the heat?",
    "Do you wear glasses, contact lenses or protective eyewear?",
    "Are you missing a kidney, an eye, a testicle or any other organ?",
    "Have you had mononucleosis (mono) within the last month?",
)

_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "department": ("Sports Medicine", "Department of Athletics", "Athletic Training Room"),
    "title": (
        "Preparticipation Physical Evaluation",
        "Pre-Participation Health History",
        "Athletic Participation Physical",
        "Sports Physical: History Form",
    ),
    "subtitle": ("History form", "Student-athlete history", "Part 1: health history"),
    "season": ("Season", "School year", "Academic year"),
    "instructions": (
        "Complete this form with your parent or guardian before your physical. Bring it to "
        "your appointment. Circle questions you don't know the answers to.",
        "To be filled in by the student-athlete and a parent before the exam. Circle any "
        "question you do not know the answer to.",
    ),
    "exam_date": ("Date of exam", "Exam date", "Date of physical"),
    "name": ("Name", "Student-athlete's name", "Athlete name"),
    "last": ("Last name", "Surname"),
    "first": ("First name & initial", "First, M.I."),
    "dob": ("Date of birth", "DOB", "Birth date"),
    "age": ("Age",),
    "sex": ("Sex",),
    "grade": ("Grade", "Class", "Year"),
    "student_id": ("Student ID", "ID #", "School ID"),
    "sports": ("Sport(s)", "Sports", "Team(s)"),
    "sec_home": ("Home address and phone", "Athlete contact information", "Where you live"),
    "address": ("Home address", "Address", "Mailing address"),
    "street": ("Street", "Street address", "Number & street"),
    "city": ("City, state, ZIP", "City / State / Zip", "Town, state, zip"),
    "country": ("Country",),
    "phone": ("Home phone", "Phone", "Home telephone"),
    "cell": ("Cell", "Athlete's cell", "Mobile"),
    "sec_contact": (
        "Parent / guardian or emergency contact",
        "Emergency contact",
        "In an emergency notify",
    ),
    "contact": ("Name", "Contact name", "Parent / guardian"),
    "relation": ("Relationship", "Relation to athlete"),
    "contact_phone": ("Home phone", "Phone (home)", "Home tel."),
    "contact_other": ("Work / cell", "Work phone", "Other phone"),
    "contact_address": ("Address", "Contact's address", "Home address"),
    "sec_immun": ("Immunizations", "Immunization status", "Immunity"),
    "disease": ("Disease", "Illness"),
    "immune": ("Immune*", "Immune (had it or vaccinated)"),
    "not_immune": ("Not immune",),
    "unknown": ("Don't know", "Unsure", "Not sure"),
    "immune_note": (
        "* Had the disease, or completed the vaccine series.",
        "* Immune means you had the illness or were fully vaccinated.",
    ),
    "chicken_pox": ("Chickenpox (varicella)", "Varicella (chickenpox)", "Chicken pox"),
    "measles": ("Measles (rubeola)", "Measles"),
    "mumps": ("Mumps",),
    "rubella": ("Rubella (German measles)", "Rubella"),
    "sec_questions": ("Health questions", "General and cardiac history", "Medical questions"),
    "question": ("Question", 'Explain "yes" answers below'),
    "yes": ("Yes",),
    "no": ("No",),
    "hep_b": (
        "Have you completed the hepatitis B vaccine series?",
        "Have you received all hepatitis B vaccine shots?",
        "Are you vaccinated against hepatitis B?",
    ),
    "problems": (
        "List past and current medical conditions",
        "Medical conditions (asthma, diabetes, seizures, other)",
        "Do you have any ongoing medical issues? List them",
    ),
    "sec_exam": ("To be completed by the examiner", "Examiner use only", "Physical findings"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "bp": ("BP", "Blood pressure"),
    "pulse": ("Pulse", "HR"),
    "vision": ("Vision", "Visual acuity"),
    "vision_r": ("R 20/", "Right 20/"),
    "vision_l": ("L 20/", "Left 20/"),
    "running": ("Athlete", "Student", "Name"),
    "sec_meds": ("Medicines and allergies", "Medications & allergies"),
    "med_q": (
        "Do you take any prescription or over-the-counter medicines or supplements?",
        "Are you currently taking any medicines, inhalers or supplements?",
    ),
    "med_list": ("If yes, list them", "Please list", "Medicines taken regularly"),
    "med": ("Medicine", "Medication", "Name of medicine"),
    "dose": ("Dose", "Strength"),
    "how_often": ("How often", "When taken"),
    "allergy_q": ("Do you have any allergies?", "Are you allergic to anything?"),
    "allergy_kinds": ("To", "Check all that apply"),
    "allergy_list": ("Please list", "List allergies", "Specific allergies"),
    "medicines_kind": ("Medicines",),
    "pollens_kind": ("Pollens",),
    "food_kind": ("Food",),
    "insects_kind": ("Stinging insects",),
    "sec_insurance": ("Insurance information", "Health insurance", "Primary insurance"),
    "insured_q": (
        "Is the athlete covered by health insurance?",
        "Do you have medical insurance?",
        "Does the student have health insurance coverage?",
    ),
    "carrier": ("Insurance company", "Name of insurance company", "Insurer"),
    "carrier_phone": ("Phone", "Claims phone"),
    "member": ("Policy / member ID", "Policy #", "ID number"),
    "group": ("Group #", "Group no."),
    "holder": ("Policy holder", "Name of insured", "Subscriber"),
    "holder_rel": ("Relationship", "Relation"),
    "claims": ("Claims address", "Insurance address", "Mail claims to"),
    "effective": ("Effective date", "Coverage began"),
    "expiry": ("Expiration date", "Valid until", "Coverage ends"),
    "sec_consent": ("Consent and authorization", "Parent / athlete signatures"),
    "consent": (
        "I hereby state that, to the best of my knowledge, my answers to the questions on this "
        "form are complete and correct. I authorize the team physician and athletic trainers to "
        "give emergency care and to share this information with the athletic department.",
        "We certify that the information above is true and complete. We consent to emergency "
        "treatment by the sports medicine staff and to the release of this record to coaches "
        "as needed for the athlete's safety.",
    ),
    "athlete_sign": ("Signature of athlete", "Student-athlete signature"),
    "parent_sign": ("Signature of parent / guardian", "Parent or guardian signature"),
    "sign_date": ("Date",),
    "sec_clearance": ("Team physician use only", "Medical eligibility (office use)"),
    "cleared": ("Cleared for all sports without restriction", "Cleared: all sports"),
    "cleared_with": ("Cleared with recommendations", "Cleared after further evaluation"),
    "not_cleared": ("Not cleared", "Not cleared for any sport"),
    "physician": ("Physician", "Examining physician", "Name of physician"),
    "form": ("Form SM-PPE rev. 2022", "ATH-101 (2021)", "PPE-5 rev. 04/2023"),
}

_RX_LABELS: dict[str, tuple[str, ...]] = {
    "physicians": ("Physicians", "Our doctors", "Medical staff"),
    "offices": ("Offices", "Locations", "Two convenient locations"),
    "after_hours": ("After hours", "Emergencies", "Night line"),
    "title": ("Prescription", "Prescription blank", "Rx order"),
    "serial": ("No.", "Serial", "Rx no."),
    "name": ("Patient", "Patient name", "Name"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "chart": ("Chart #", "MRN", "Acct #"),
    "address": ("Address", "Patient address", "Home address"),
    "date": ("Date", "Date written", "Date issued"),
    "eye": ("Eye", "Eye(s)"),
    "sig": ("Directions", "Instructions", "Sig / instructions to patient"),
    "refills": ("Refills", "Refill", "No. of refills"),
    "other": ("Other",),
    "times": ("times",),
    "substitute": ("Substitution permitted", "Generic substitution permitted"),
    "daw": ("Dispense as written", "Do not substitute"),
    "dea": ("DEA #", "DEA no."),
    "npi": ("NPI", "NPI #"),
    "fine": (
        "This prescription blank is tamper-resistant. The word VOID appears when copied. "
        "Prescriptions for controlled substances must be filled within 30 days.",
        "Bring your current eye drops to every visit. Refills are handled through your "
        "pharmacy; allow two business days.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _form_style(rnd: random.Random, style: dict[str, Any]) -> None:
    """The printed sheet's look, shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["sentence_case"] = rnd.random() < 0.5
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "n/a", ""))


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed sheet (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 34), value_size=(40, 46)
    )
    _form_style(rnd, style)
    if document_type == "prescription":
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        doctors = []
        for _ in range(rnd.choice((1, 2, 3, 3, 4, 5))):
            title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
            doctors.append(
                {
                    "name": f"{title}{rnd.choice(values.FIRST_NAMES)} "
                    f"{rnd.choice(values.LAST_NAMES)}{suffix}",
                    "license": f"{rnd.choice(('A', 'G', 'MD', 'C'))}{_digits(rnd, 6)}",
                    "field": rnd.choice(SUBSPECIALTIES) if rnd.random() < 0.5 else "",
                }
            )
        offices = [
            {
                "street": values.street_line(rnd),
                "city": values.city_line(rnd, zip_code="state zip"),
                "phone": values.phone_number(rnd),
            }
            for _ in range(rnd.choice((1, 2, 2)))
        ]
        style.update(
            labels={key: rnd.choice(options) for key, options in _RX_LABELS.items()},
            practice={
                "name": rnd.choice(PRACTICES),
                "fields": rnd.sample(SUBSPECIALTIES, rnd.choice((2, 3))),
                "doctors": doctors,
                "offices": offices,
                "after_hours": values.phone_number(rnd),
            },
            serial=f"{rnd.choice(('', 'E', 'RX'))}{_digits(rnd, 7)}",
            sidebar_width=rnd.choice((560.0, 600.0, 640.0)),
            date_place=rnd.choice(("top", "top", "foot")),
            refill_mode=rnd.choice(("write", "circle")),
            med_rules=rnd.choice((4, 5)),
            rx_form=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else style["title_font"],
        )
        return style
    school = f"{rnd.choice(SCHOOLS)} {rnd.choice(SCHOOL_KINDS)}"
    questions = rnd.sample(range(len(QUESTIONS)), rnd.choice((5, 6, 7)))
    style.update(
        labels={key: rnd.choice(options) for key, options in _RECORD_LABELS.items()},
        school={
            "name": school,
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
            "fax": values.phone_number(rnd),
        },
        header=rnd.choice(("band", "boxed", "underline")),
        cells=rnd.choice(("plain", "plain", "bubble")),
        date_place=rnd.choice(("line", "corner", "exam")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        meds_mode=rnd.choice(("write", "table")),
        mmr_rows=rnd.random() < 0.5,
        questions=questions,
        hep_b_row=rnd.randint(0, len(questions)),
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
    exam = _between(rnd, dt.date(2019, 1, 5), dt.date(2025, 11, 30))
    fields: dict[str, Any] = {"record_date": exam.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    exam = dt.date.fromisoformat(fields["record_date"])
    age = rnd.randint(14, 22)
    birth = exam - dt.timedelta(days=365 * age + rnd.randint(10, 350))
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if style["address_mode"] == "rows" and rnd.random() < 0.5:
        lines.append(rnd.choice(("USA", "United States")))
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.88:
        fields["phone"] = values.phone_number(rnd)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.85:
        fields["weight"] = weight
    if rnd.random() < 0.8:
        fields["height"] = height
    sports = rnd.sample(SPORTS, rnd.choice((1, 1, 2)))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "age": str(age) if rnd.random() < 0.85 else None,
        "sex": rnd.choice(("M", "F", "F", "M", None)),
        "grade": (str(min(12, max(9, age - 5))) if age <= 18 else rnd.choice(GRADES[4:]))
        if rnd.random() < 0.8
        else None,
        "student_id": _digits(rnd, rnd.choice((6, 7, 8))) if rnd.random() < 0.75 else None,
        "sports": ", ".join(sports) if rnd.random() < 0.9 else None,
        "cell": values.phone_number(rnd) if rnd.random() < 0.55 else None,
        "answers": [rnd.choice(("no", "no", "no", "yes", None)) for _ in style["questions"]],
        "bp": f"{rnd.randint(100, 135)}/{rnd.randint(60, 88)}" if rnd.random() < 0.7 else None,
        "pulse": str(rnd.randint(52, 96)) if rnd.random() < 0.7 else None,
        "vision_r": rnd.choice(("20", "20", "25", "30", "40")) if rnd.random() < 0.6 else None,
        "vision_l": rnd.choice(("20", "20", "25", "30", "40")) if rnd.random() < 0.6 else None,
        "season_from": (exam.year if exam.month >= 6 else exam.year - 1),
    }
    if rnd.random() < 0.94:
        contact = values.person_name(rnd, last if rnd.random() < 0.7 else None)
        while contact == fields["patient_name"]:
            contact = values.person_name(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.6:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.75:
            fields["emergency_contact_address"] = (
                fields["address"] if rnd.random() < 0.35 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles", "mumps", "rubella"):
        roll = rnd.random()
        answer: str | None = None
        if roll < 0.62:
            answer = "immune"
        elif roll < 0.84:
            answer = "not immune"
        elif rnd.random() < 0.7:
            extras[f"{name}_unsure"] = True
        if name in ("chicken_pox", "measles"):
            if answer:
                fields[name] = answer
        else:
            extras[name] = answer
    roll = rnd.random()
    if roll < 0.6:
        fields["hepatitis_b_vaccination"] = "yes"
    elif roll < 0.86:
        fields["hepatitis_b_vaccination"] = "no"
    else:
        extras["hepatitis_b_vaccination_unsure"] = True
    fields["medical_problems"] = values._pick_some(rnd, values.CONDITIONS, 0.45, 3)
    # page 2
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 3))
    fields["regular_medication"] = [] if rnd.random() < 0.45 else [d[0] for d in drugs]
    extras["med_rows"] = [
        [
            f"{rnd.choice(d[1])} {d[2]}" if rnd.random() < 0.85 else "",
            rnd.choice(HOW_OFTEN) if rnd.random() < 0.8 else "",
        ]
        for d in drugs
    ]
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.5, 3)
    fields["allergies"] = allergies
    extras["allergy_kinds"] = (
        sorted(rnd.sample(("medicines", "pollens", "food", "insects"), rnd.randint(1, 2)))
        if allergies
        else []
    )
    roll = rnd.random()
    if roll < 0.82:
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
            fields["insurance_expiry"] = (
                exam + dt.timedelta(days=rnd.randint(40, 900))
            ).isoformat()
        extras["carrier_phone"] = values.phone_number(rnd) if rnd.random() < 0.5 else None
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP'))}{_digits(rnd, rnd.choice((5, 6)))}"
            if rnd.random() < 0.7
            else None
        )
        holder = fields.get("emergency_contact_name") if rnd.random() < 0.6 else None
        extras["holder"] = holder or values.person_name(rnd, last)
        extras["holder_rel"] = rnd.choice(("Mother", "Father", "Guardian", "Parent", "Stepparent"))
        if rnd.random() < 0.5:
            extras["effective"] = (exam - dt.timedelta(days=rnd.randint(20, 700))).isoformat()
    extras["athlete_signed"] = exam.isoformat() if rnd.random() < 0.5 else None
    extras["parent_signed"] = (
        (exam - dt.timedelta(days=rnd.randint(0, 9))).isoformat() if rnd.random() < 0.6 else None
    )
    extras["clearance"] = rnd.choice(("cleared", "cleared", "cleared_with", "not_cleared", None))
    if extras["clearance"]:
        extras["physician"] = (
            f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
            if rnd.random() < 0.8
            else None
        )
        extras["cleared_on"] = (exam + dt.timedelta(days=rnd.randint(0, 12))).isoformat()
    return fields, extras, style


def _drop_line(rnd: random.Random, drop: tuple[str, str]) -> str:
    return f"{drop[0]} {drop[1]} {rnd.choice(DROP_FORMS)}"


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 20))
    doctors = style["practice"]["doctors"]
    ticked = rnd.randrange(len(doctors))
    fields: dict[str, Any] = {
        "prescriber": doctors[ticked]["name"],
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    if rnd.random() < 0.86:
        fields["patient_address"] = values.one_line_address(rnd)
    count = rnd.choice((1, 2, 2, 3, 3, 4))
    drops = rnd.sample(EYE_DROPS, count)
    oral = rnd.sample(values.DRUGS, count)
    medicines: list[str] = []
    eyes: list[str] = []
    sentences: list[str] = []
    period = rnd.random() < 0.5
    for k in range(count):
        if k < 2 or rnd.random() < 0.6:  # mostly drops, sometimes a pill
            eye = rnd.choice(("OD", "OS", "OU", "OU"))
            medicines.append(_drop_line(rnd, drops[k]))
            eyes.append(eye)
            count_word = rnd.choice(("1", "one", "1", "2"))
            drops_word = f"{count_word} drop{'s' if count_word == '2' else ''}"
            name = drops[k][0]
            sentence = rnd.choice(
                (
                    f"{rnd.choice(('Instill', 'Put', 'Use'))} {drops_word} in {EYES[eye]}",
                    f"{name} {drops_word} in {EYES[eye]}",
                    f"Instill {drops_word} of {name} in {EYES[eye]}",
                )
            )
            sentence += f" {rnd.choice(DROP_FREQ)}"
        else:
            medicines.append(values.medicine_line(rnd, oral[k]))
            eyes.append("")
            sentence = values._direction(rnd, oral[k])
        if not sentences or len(" ".join([*sentences, sentence])) < 190:
            sentences.append(sentence + ("." if period else ""))
    advice = rnd.sample(DROP_ADVICE, len(DROP_ADVICE))
    while len(" ".join(sentences)) < 100 and advice:
        sentences.append(advice.pop() + ("." if period else ""))
    fields["medicines"] = medicines
    if rnd.random() < 0.86:
        fields["directions"] = " ".join(sentences)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 1, 1, 2, 3, 3, 5, 6, 11, "PRN"))
    birth = _between(rnd, dt.date(1935, 1, 1), dt.date(2012, 12, 31))
    extras: dict[str, Any] = {
        "ticked": ticked,
        "eyes": eyes,
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "chart": f"{rnd.choice(('', 'E', 'M'))}{_digits(rnd, rnd.choice((5, 6, 7)))}"
        if rnd.random() < 0.75
        else None,
        "daw": rnd.random() < 0.3,
        "dea": rnd.choice("ABFM") + rnd.choice("ABCDEFGHJKLMNPRSTW") + _digits(rnd, 7)
        if rnd.random() < 0.45
        else None,
        "npi": f"1{_digits(rnd, 9)}" if rnd.random() < 0.6 else None,
    }
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _Sheet(common.Drawing):
    """One page of the forms: faces, section headers, rules and marks."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.pale = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        faces["label"] = faces["opt"]
        faces["head"] = render.Face(title.bold, 38, DARK)
        faces["head_white"] = render.Face(title.bold, 36, (255, 255, 255))
        faces["title"] = render.Face(title.bold, 56, self.colour)
        faces["subtitle"] = render.Face(title.regular, 40, DARK)
        faces["org"] = render.Face(title.bold, 50, DARK)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["doc"] = render.Face(label.bold, 30, DARK)
        faces["note"] = render.Face(label.regular, 27, (70, 70, 70))
        faces["serial"] = render.Face(label.bold, 36, RED)
        faces["fine"] = render.Face(label.regular, 23, (95, 95, 95))
        self.value_size = float(faces["value"].size)
        self.row = max(80.0, self.value_size * 1.05 + 36)

    def label(self, key: str) -> str:
        text = self.labels[key]
        if self.style["sentence_case"] or text.endswith("?") or len(text) > 60:
            return text
        small = {"a", "an", "and", "of", "or", "to", "the", "for", "by", "if", "you", "in"}
        words = text.split(" ")
        return " ".join(
            w if k and w in small else w[:1].upper() + w[1:] for k, w in enumerate(words)
        )

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def row_of(
        self,
        base: float,
        items: Sequence[tuple[str, str, float]],
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> None:
        """Inline ``Label ______`` pairs on one baseline, the rules sharing the room by weight."""
        page = self.page
        gap = 36.0
        widths = [page.width(label, "key") for label, _, _ in items]
        room = x1 - x0 - sum(widths) - 16 * len(items) - gap * (len(items) - 1)
        total = sum(weight for _, _, weight in items) or 1.0
        x = x0
        for label, value, weight in items:
            end = page.text(x, base, label, "key")
            rule_end = end + 16 + max(60.0, room * weight / total)
            self.line(end + 8, base + 12, rule_end, base + 12, width=1.5, fill=RULE)
            if value:
                page.text(end + 22, base, value, "value", max_width=max(40.0, rule_end - end - 34))
            x = rule_end + gap

    def options(
        self,
        x: float,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        gap: float = 40,
    ) -> float:
        """``[ ] Yes  [x] No``: a box before each printed option; where the row ends."""
        page = self.page
        for key, text in options:
            x = common.checkbox(
                page, x, base + 2, checked=key == chosen, mark=self.style["mark"], side=34
            )
            x = page.text(x + 14, base, text, "opt") + gap
        return x

    def mark(self, cx: float, cy: float, chosen: bool) -> None:
        """A table cell's answer: a printed bubble filled in, or a tick or cross by hand."""
        page = self.page
        ink = self.ink()
        if self.style.get("cells") == "bubble":
            r = 17.0
            box = [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)]
            page.draw.ellipse(box, outline=GRID, width=max(1, page.px(2)))
            if chosen:
                inner = [page.px(cx - r + 5), page.px(cy - r + 5)]
                inner += [page.px(cx + r - 5), page.px(cy + r - 5)]
                page.draw.ellipse(inner, fill=ink)
            return
        if not chosen:
            return
        width = max(1, page.px(6))
        if self.style["mark"] == "tick":
            points = [(cx - 22, cy), (cx - 6, cy + 18), (cx + 26, cy - 24)]
            page.draw.line([(page.px(a), page.px(b)) for a, b in points], fill=ink, width=width)
        else:
            for (a, b), (c, d) in (
                ((cx - 20, cy - 20), (cx + 20, cy + 20)),
                ((cx + 20, cy - 20), (cx - 20, cy + 20)),
            ):
                page.draw.line(
                    [(page.px(a), page.px(b)), (page.px(c), page.px(d))], fill=ink, width=width
                )

    def header(self, top: float, key: str) -> float:
        """A section's header; where the section's first baseline may start."""
        page = self.page
        text = self.label(key)
        kind = self.style.get("header", "band")
        if kind == "band":
            self.rect(LEFT, top, RIGHT, top + 54, fill=self.colour, outline=None)
            page.text(LEFT + 24, top + 41, text.upper(), "head_white", max_width=RIGHT - LEFT - 48)
        elif kind == "boxed":
            self.rect(LEFT, top, RIGHT, top + 56, fill=self.pale, outline=self.colour, width=3)
            page.text(LEFT + 24, top + 42, text.upper(), "head", max_width=RIGHT - LEFT - 48)
        else:
            page.text(LEFT, top + 42, text, "head", max_width=RIGHT - LEFT)
            self.line(LEFT, top + 56, RIGHT, top + 56, width=4, fill=self.colour)
        return top + 56

    def note(self, x: float, base: float, text: str, width: float, gap: float = 36) -> float:
        """Running small print wrapped to ``width``; the last line's baseline."""
        for line in render.wrap(self.page, text, "note", width):
            self.page.text(x, base, line, "note")
            base += gap
        return base - gap

    def footer(self, text: str, number: int, of: int) -> None:
        page = self.page
        page.text(LEFT, 3235, text, "fine")
        page.text(RIGHT, 3235, f"Page {number} of {of}", "fine", anchor="rs")


def _list_text(items: Sequence[str] | None, style: Mapping[str, Any]) -> str:
    return common.list_text(items, str(style.get("empty_list", ""))) or ""


def _with_unit(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str:
    if name not in fields:
        return ""
    unit = _text(extras.get(f"{name}_unit"))
    return f"{render.format_number(fields[name])} {unit}".strip()


# --- patient record -------------------------------------------------------------------------


def _letterhead(sheet: _Sheet, extras: Mapping[str, Any]) -> None:
    page = sheet.page
    school = sheet.style["school"]
    # the crest: a shield in the school's colour with a white chevron
    x, y = LEFT, 95.0
    shield = [(x, y), (x + 110, y), (x + 110, y + 80), (x + 55, y + 135), (x, y + 80)]
    page.draw.polygon([(page.px(a), page.px(b)) for a, b in shield], fill=sheet.colour)
    sheet.line(x + 20, y + 40, x + 55, y + 75, width=8, fill=(255, 255, 255))
    sheet.line(x + 55, y + 75, x + 90, y + 40, width=8, fill=(255, 255, 255))
    tx = LEFT + 140
    page.text(tx, 150, school["name"], "org", max_width=1050)
    page.text(tx, 195, sheet.label("department"), "subtitle", max_width=1050)
    lines = (
        f"{school['street']}, {school['city']}",
        f"Tel {sheet.phone(school['phone'])}   Fax {sheet.phone(school['fax'])}",
    )
    for k, text in enumerate(lines):
        page.text(tx, 235 + 32 * k, text, "org_small", max_width=1050)
    page.text(RIGHT, 150, sheet.label("title"), "title", anchor="rs", max_width=1050)
    page.text(RIGHT, 205, sheet.label("subtitle"), "subtitle", anchor="rs", max_width=1000)
    start = int(extras.get("season_from") or 2023)
    season = f"{sheet.label('season')} {start}-{(start + 1) % 100:02d}"
    page.text(RIGHT, 250, season, "org_small", anchor="rs")
    sheet.line(LEFT, 300, RIGHT, 300, width=5, fill=sheet.colour)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    label = sheet.label
    row = sheet.row
    _letterhead(sheet, extras)
    exam_date = sheet.date(fields.get("record_date"))
    place = style["date_place"]
    top = 300.0
    if place == "corner":  # a box at the top right under the title
        box_x = RIGHT - 700
        sheet.rect(box_x, 320, RIGHT, 320 + row, outline=sheet.colour, width=3)
        end = page.text(box_x + 20, 320 + row - 26, label("exam_date"), "key")
        page.text(end + 24, 320 + row - 26, exam_date, "value", max_width=RIGHT - end - 50)
        note_width = box_x - LEFT - 40
        top = 320.0
    else:
        note_width = RIGHT - LEFT
    base = sheet.note(LEFT, top + 50, sheet.labels["instructions"], note_width)
    base = max(base + row, 320 + 2 * row + 10 if place == "corner" else 0.0)
    # the athlete's lines
    if style["name_mode"] == "split":
        parts = _text(fields.get("patient_name")).split(" ")
        surname, given = parts[-1], " ".join(parts[:-1])
        items = [(label("last"), surname, 1.0), (label("first"), given, 1.1)]
    else:
        items = [(label("name"), _text(fields.get("patient_name")), 2.0)]
    if place == "line":
        items.append((label("exam_date"), exam_date, 0.9))
    sheet.row_of(base, items)
    base += row
    dob = sheet.date(fields.get("birth_date"), short_year=False)
    sheet.row_of(
        base,
        [
            (label("dob"), dob, 1.4),
            (label("age"), _text(extras.get("age")), 0.3),
            (label("grade"), _text(extras.get("grade")), 0.35),
            (label("student_id"), _text(extras.get("student_id")), 0.9),
        ],
        x1=RIGHT - 260,
    )
    end = page.text(RIGHT - 230, base, label("sex"), "key")
    x = end + 30
    for option in ("M", "F"):
        stop = page.text(x, base, option, "opt")
        if extras.get("sex") == option:
            page.ellipse_by_hand((x - 20, base - 52, stop + 20, base + 20), sheet.ink())
        x = stop + 50
    base += row
    sheet.row_of(base, [(label("sports"), _text(extras.get("sports")), 1.0)])
    # home
    top = sheet.header(base + 50, "sec_home")
    base = top + row
    lines = common.address_lines(fields, extras)
    phone = sheet.phone(fields.get("phone"))
    cell = sheet.phone(extras.get("cell"))
    if style["address_mode"] == "one":
        sheet.row_of(base, [(label("address"), _text(fields.get("address")), 1.0)])
        base += row
        sheet.row_of(base, [(label("phone"), phone, 1.0), (label("cell"), cell, 1.0)])
    else:
        sheet.row_of(base, [(label("street"), _text(lines[0]), 1.6), (label("phone"), phone, 1.0)])
        base += row
        sheet.row_of(
            base,
            [
                (label("city"), _text(lines[1]), 1.4),
                (label("country"), _text(lines[2]), 0.6),
                (label("cell"), cell, 0.9),
            ],
        )
    # contact
    top = sheet.header(base + 50, "sec_contact")
    base = top + row
    sheet.row_of(
        base,
        [
            (label("contact"), _text(fields.get("emergency_contact_name")), 1.6),
            (label("relation"), _text(extras.get("relation")), 0.8),
        ],
    )
    base += row
    sheet.row_of(
        base,
        [
            (label("contact_phone"), sheet.phone(fields.get("emergency_contact_phone")), 1.0),
            (label("contact_other"), sheet.phone(extras.get("emergency_work_phone")), 1.0),
        ],
    )
    base += row
    sheet.row_of(
        base, [(label("contact_address"), _text(fields.get("emergency_contact_address")), 1.0)]
    )
    # immunizations
    top = sheet.header(base + 50, "sec_immun")
    top = _immunity_grid(sheet, fields, extras, top + 14)
    # health questions
    top = sheet.header(top + 36, "sec_questions")
    top = _question_table(sheet, fields, extras, top + 14)
    # medical conditions
    base = top + 66
    page.text(LEFT, base, label("problems"), "key", max_width=RIGHT - LEFT)
    text = _list_text(fields.get("medical_problems"), style)
    gap = sheet.value_size + 30
    wrapped = render.wrap(page, text, "value", RIGHT - LEFT - 80) if text else []
    for k in range(max(2, len(wrapped))):
        y = base + (k + 1) * gap
        sheet.line(LEFT, y + 12, RIGHT, y + 12, width=1.5, fill=RULE)
        if k < len(wrapped):
            page.text(LEFT + 30, y, wrapped[k], "value", max_width=RIGHT - LEFT - 60)
    base += max(2, len(wrapped)) * gap
    # the examiner's strip
    _exam_strip(sheet, fields, extras, max(base + 50, LAST_BASE - 2 * row - 40))
    sheet.footer(sheet.labels["form"], 1, 2)
    return page.image


def _immunity_grid(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Diseases down, Immune / Not immune / Don't know across; the bottom of the grid."""
    page = sheet.page
    label = sheet.label
    xs = (LEFT, LEFT + 760, LEFT + 1260, LEFT + 1700, RIGHT)
    heads = (label("disease"), label("immune"), label("not_immune"), label("unknown"))
    head_h, row_h = 52.0, 62.0
    sheet.rect(xs[0], top, xs[-1], top + head_h, fill=sheet.pale, outline=None)
    for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
        page.text(
            (x0 + x1) / 2 if x0 > LEFT else x0 + 16,
            top + 37,
            head,
            "opt",
            anchor="ms" if x0 > LEFT else "ls",
            max_width=x1 - x0 - 24,
        )
    rows: list[tuple[str, str | None, bool]] = [
        ("chicken_pox", fields.get("chicken_pox"), bool(extras.get("chicken_pox_unsure"))),
        ("measles", fields.get("measles"), bool(extras.get("measles_unsure"))),
    ]
    if sheet.style.get("mmr_rows"):
        for name in ("mumps", "rubella"):
            rows.append((name, extras.get(name), bool(extras.get(f"{name}_unsure"))))
    for k, (key, answer, unsure) in enumerate(rows):
        row_top = top + head_h + k * row_h
        sheet.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        page.text(xs[0] + 16, row_top + row_h - 20, label(key), "opt", max_width=720)
        cy = row_top + row_h / 2
        for column, x0, x1 in zip(("immune", "not immune", "unsure"), xs[1:], xs[2:], strict=False):
            chosen = answer == column or (column == "unsure" and unsure)
            sheet.mark((x0 + x1) / 2, cy, chosen)
    bottom = top + head_h + len(rows) * row_h
    sheet.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        sheet.line(x, top, x, bottom, width=1.5)
    page.text(LEFT, bottom + 36, sheet.labels["immune_note"], "note", max_width=RIGHT - LEFT)
    return bottom + 36


def _question_table(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Numbered questions with Yes / No columns; the bottom of the table."""
    page = sheet.page
    style = sheet.style
    label = sheet.label
    xs = (LEFT, LEFT + 80, RIGHT - 300, RIGHT - 150, RIGHT)
    head_h, row_h = 50.0, 64.0
    sheet.rect(xs[0], top, xs[-1], top + head_h, fill=sheet.pale, outline=None)
    page.text(xs[1] + 14, top + 36, label("question"), "opt", max_width=xs[2] - xs[1] - 30)
    page.text((xs[2] + xs[3]) / 2, top + 36, label("yes"), "opt", anchor="ms")
    page.text((xs[3] + xs[4]) / 2, top + 36, label("no"), "opt", anchor="ms")
    rows: list[tuple[str, str | None, bool]] = []
    answers: Sequence[str | None] = extras.get("answers") or []
    for k, index in enumerate(style["questions"]):
        answer = answers[k] if k < len(answers) else None
        rows.append((QUESTIONS[index], answer, False))
    hep_b = (
        label("hep_b"),
        fields.get("hepatitis_b_vaccination"),
        bool(extras.get("hepatitis_b_vaccination_unsure")),
    )
    rows.insert(min(int(style["hep_b_row"]), len(rows)), hep_b)
    for k, (question, answer, unsure) in enumerate(rows):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 20
        sheet.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        number = f"{k + 1}."
        stop = page.text(xs[0] + 16, base, number, "opt")
        if unsure or (answer is None and k % 3 == 1):  # "circle what you don't know"
            page.ellipse_by_hand((xs[0] + 2, base - 44, stop + 10, base + 16), sheet.ink())
        page.text(xs[1] + 14, base, question, "opt", max_width=xs[2] - xs[1] - 30)
        cy = row_top + row_h / 2
        sheet.mark((xs[2] + xs[3]) / 2, cy, answer == "yes")
        sheet.mark((xs[3] + xs[4]) / 2, cy, answer == "no")
    bottom = top + head_h + len(rows) * row_h
    sheet.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        sheet.line(x, top, x, bottom, width=1.5)
    return bottom


def _exam_strip(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> None:
    """A boxed strip for the examiner: height, weight, BP, pulse, vision (and the exam date)."""
    page = sheet.page
    label = sheet.label
    row = sheet.row
    sheet.rect(LEFT, top, RIGHT, top + 2 * row + 40, outline=sheet.colour, width=3)
    page.text(LEFT + 20, top + 40, label("sec_exam").upper(), "note", max_width=1200)
    base = top + row + 10
    items = [
        (label("height"), _with_unit(fields, extras, "height"), 1.0),
        (label("weight"), _with_unit(fields, extras, "weight"), 1.0),
        (label("bp"), _text(extras.get("bp")), 0.9),
        (label("pulse"), _text(extras.get("pulse")), 0.6),
    ]
    sheet.row_of(base, items, x0=LEFT + 20, x1=RIGHT - 20)
    base += row
    items = [
        (f"{label('vision')}   {label('vision_r')}", _text(extras.get("vision_r")), 0.5),
        (label("vision_l"), _text(extras.get("vision_l")), 0.5),
    ]
    if sheet.style["date_place"] == "exam":
        items.append((label("exam_date"), sheet.date(fields.get("record_date")), 1.2))
    sheet.row_of(base, items, x0=LEFT + 20, x1=RIGHT - 20)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    label = sheet.label
    row = sheet.row
    school = style["school"]
    # the running line
    page.text(LEFT, 150, school["name"], "org_small", max_width=900)
    page.text(RIGHT, 150, sheet.label("title"), "org_small", anchor="rs", max_width=1000)
    sheet.line(LEFT, 175, RIGHT, 175, width=3, fill=sheet.colour)
    base = 175 + row
    sheet.row_of(
        base,
        [
            (label("running"), _text(fields.get("patient_name")), 1.6),
            (label("student_id"), _text(extras.get("student_id")), 0.7),
        ],
    )
    # medicines and allergies
    top = sheet.header(base + 40, "sec_meds")
    base = top + row
    meds = fields.get("regular_medication")
    yes_no = (("yes", label("yes")), ("no", label("no")))
    taking = None if meds is None else ("yes" if meds else "no")
    end = page.text(LEFT, base, label("med_q"), "key", max_width=1750)
    sheet.options(max(end + 40, RIGHT - 330), base, yes_no, taking)
    base += row
    table = style["meds_mode"] == "table" and bool(meds)
    if table and meds:
        page.text(LEFT, base - 10, label("med_list"), "key")
        base = _med_table(sheet, base + 10, meds, extras.get("med_rows") or []) + row
    else:
        sheet.row_of(base, [(label("med_list"), _list_text(meds, style), 1.0)])
        base += row
    allergies = fields.get("allergies")
    answered = None if allergies is None else ("yes" if allergies else "no")
    end = page.text(LEFT, base, label("allergy_q"), "key", max_width=1750)
    sheet.options(max(end + 40, RIGHT - 330), base, yes_no, answered)
    base += row
    end = page.text(LEFT + 40, base, label("allergy_kinds"), "key")
    x = end + 30
    kinds: Sequence[str] = extras.get("allergy_kinds") or []
    for kind in ("medicines", "pollens", "food", "insects"):
        x = sheet.options(
            x, base, ((kind, label(f"{kind}_kind")),), kind if kind in kinds else None
        )
    base += row
    shown = _list_text(allergies, style) if allergies else ""
    if allergies == [] and style.get("empty_list"):
        shown = str(style["empty_list"])
    sheet.row_of(base, [(label("allergy_list"), shown, 1.0)], x0=LEFT + 40)
    # insurance
    top = sheet.header(base + 40, "sec_insurance")
    base = top + row
    end = page.text(LEFT, base, label("insured_q"), "key", max_width=1750)
    sheet.options(end + 50, base, yes_no, fields.get("has_insurance"))
    base += row
    sheet.row_of(
        base,
        [
            (label("carrier"), _text(fields.get("insurance_company")), 1.7),
            (label("carrier_phone"), sheet.phone(extras.get("carrier_phone")), 0.9),
        ],
    )
    base += row
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    sheet.row_of(
        base,
        [
            (label("member"), _text(policy), 1.5),
            (label("group"), _text(extras.get("group")), 0.8),
        ],
    )
    base += row
    sheet.row_of(
        base,
        [
            (label("holder"), _text(extras.get("holder")), 1.5),
            (label("holder_rel"), _text(extras.get("holder_rel")), 0.7),
        ],
    )
    base += row
    sheet.row_of(base, [(label("claims"), _text(fields.get("insurance_address")), 1.0)])
    base += row
    sheet.row_of(
        base,
        [
            (label("effective"), sheet.date(extras.get("effective")), 1.0),
            (label("expiry"), sheet.date(fields.get("insurance_expiry")), 1.0),
        ],
    )
    # consent and signatures
    top = sheet.header(base + 40, "sec_consent")
    base = sheet.note(LEFT, top + 50, sheet.labels["consent"], RIGHT - LEFT)
    for key, signed in (("athlete_sign", "athlete_signed"), ("parent_sign", "parent_signed")):
        base += row + 110
        sheet.line(LEFT, base + 12, LEFT + 1200, base + 12, width=3, fill=(60, 60, 60))
        page.scribble(LEFT + 60, LEFT + 560, base, sheet.ink())
        page.text(LEFT, base + 46, label(key), "note")
        end = page.text(LEFT + 1320, base, label("sign_date"), "key")
        sheet.line(end + 14, base + 12, RIGHT, base + 12, width=1.5, fill=RULE)
        date = sheet.date(extras.get(signed))
        if date:
            page.text(end + 30, base, date, "value", max_width=RIGHT - end - 50)
    # the team physician's box
    top = max(base + 90, LAST_BASE - 3 * row - 10)
    sheet.rect(LEFT, top, RIGHT, top + 3 * row + 10, fill=None, outline=GRID, width=2)
    page.text(LEFT + 20, top + 40, label("sec_clearance").upper(), "note")
    base = top + row + 8
    choices = (
        ("cleared", label("cleared")),
        ("cleared_with", label("cleared_with")),
        ("not_cleared", label("not_cleared")),
    )
    widths = [page.width(text, "opt") for _, text in choices]
    room = RIGHT - LEFT - 40 - len(choices) * 48 - (len(choices) - 1) * 50
    scale = min(1.0, room / sum(widths))
    x = LEFT + 20
    for (key, text), width in zip(choices, widths, strict=True):
        chosen = key == extras.get("clearance")
        x = common.checkbox(page, x, base + 2, checked=chosen, mark=style["mark"], side=34)
        x = page.text(x + 14, base, text, "opt", max_width=width * scale) + 50
    base += row
    sheet.row_of(
        base,
        [
            (label("physician"), _text(extras.get("physician")), 1.5),
            (label("sign_date"), sheet.date(extras.get("cleared_on")), 1.0),
        ],
        x0=LEFT + 20,
        x1=RIGHT - 20,
    )
    sheet.footer(sheet.labels["form"], 2, 2)
    return page.image


def _med_table(
    sheet: _Sheet, top: float, meds: Sequence[str], rows: Sequence[Sequence[str]]
) -> float:
    """The medicines as a ruled table (medicine, dose, how often); the bottom of the table."""
    page = sheet.page
    xs = (LEFT, LEFT + 1000, LEFT + 1550, RIGHT)
    heads = (sheet.label("med"), sheet.label("dose"), sheet.label("how_often"))
    head_h, row_h = 48.0, sheet.value_size + 36
    sheet.rect(xs[0], top, xs[-1], top + head_h, fill=sheet.pale, outline=None)
    for head, x0, x1 in zip(heads, xs, xs[1:], strict=False):
        page.text(x0 + 14, top + 35, head, "opt", max_width=x1 - x0 - 24)
    count = max(3, len(meds))
    for k in range(count):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 20
        sheet.line(xs[0], row_top, xs[-1], row_top, width=1.5)
        if k < len(meds):
            detail = list(rows[k]) if k < len(rows) else ["", ""]
            for text, x0, x1 in zip((meds[k], *detail), xs, xs[1:], strict=False):
                if text:
                    page.text(x0 + 16, base, text, "value", max_width=x1 - x0 - 30)
    bottom = top + head_h + count * row_h
    sheet.rect(xs[0], top, xs[-1], bottom, outline=GRID, width=2)
    for x in xs[1:-1]:
        sheet.line(x, top, x, bottom, width=1.5)
    return bottom


# --- prescription ---------------------------------------------------------------------------


def _sidebar(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The practice's tinted sidebar; where the body starts."""
    page = sheet.page
    style = sheet.style
    practice = style["practice"]
    width = float(style["sidebar_width"])
    x0, x1 = 110.0, 110.0 + width
    sheet.rect(x0, 90, x1, 3190, fill=sheet.pale, outline=None)
    sheet.line(x1, 90, x1, 3190, width=4, fill=sheet.colour)
    inner = x0 + 30
    room = width - 60
    # the eye logo
    cx, cy = x0 + width / 2, 190.0
    page.draw.ellipse(
        [page.px(cx - 110), page.px(cy - 50), page.px(cx + 110), page.px(cy + 50)],
        outline=sheet.colour,
        width=page.px(8),
    )
    page.draw.ellipse(
        [page.px(cx - 42), page.px(cy - 42), page.px(cx + 42), page.px(cy + 42)], fill=sheet.colour
    )
    page.draw.ellipse(
        [page.px(cx - 14), page.px(cy - 14), page.px(cx + 14), page.px(cy + 14)],
        fill=(255, 255, 255),
    )
    base = 320.0
    for line in render.wrap(page, practice["name"], "org", room):
        page.text(cx, base, line, "org", anchor="ms", max_width=room)
        base += 58
    for text in practice["fields"]:
        page.text(cx, base, text, "org_small", anchor="ms", max_width=room)
        base += 36
    base += 50
    page.text(inner, base, sheet.label("physicians").upper(), "head", max_width=room)
    sheet.line(inner, base + 14, x1 - 30, base + 14, width=2, fill=sheet.colour)
    base += 70
    doctors = [dict(d) for d in practice["doctors"]]
    ticked = int(extras.get("ticked") or 0) % max(1, len(doctors))
    prescriber = fields.get("prescriber")
    if prescriber and doctors and all(d["name"] != prescriber for d in doctors):
        doctors[ticked]["name"] = prescriber  # a form drawn for another document's doctor
    elif prescriber:
        ticked = next(k for k, d in enumerate(doctors) if d["name"] == prescriber)
    boxes = len(doctors) > 1
    for k, doctor in enumerate(doctors):
        x = inner
        if boxes:
            chosen = bool(prescriber) and k == ticked
            x = common.checkbox(page, inner, base + 2, checked=chosen, mark=style["mark"], side=32)
            x += 16
        page.text(x, base, doctor["name"], "doc", max_width=x1 - 20 - x)
        base += 38
        small = f"Lic. {doctor['license']}"
        if doctor["field"]:
            small = f"{doctor['field']} · {small}"
        page.text(x, base, small, "org_small", max_width=x1 - 20 - x)
        base += 66
    base += 30
    page.text(inner, base, sheet.label("offices").upper(), "head", max_width=room)
    sheet.line(inner, base + 14, x1 - 30, base + 14, width=2, fill=sheet.colour)
    base += 64
    for office in practice["offices"]:
        for text in (office["street"], office["city"], f"Tel {sheet.phone(office['phone'])}"):
            page.text(inner, base, text, "org_small", max_width=room)
            base += 36
        base += 26
    after = f"{sheet.label('after_hours')}: {sheet.phone(practice['after_hours'])}"
    page.text(inner, base + 10, after, "org_small", max_width=room)
    return x1 + 80


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    label = sheet.label
    row = sheet.row
    left = _sidebar(sheet, fields, extras)
    right = RIGHT
    # title and serial number
    page.text(left, 190, label("title").upper(), "title", max_width=1000)
    serial = f"{sheet.labels['serial']} {style['serial']}"
    page.text(right, 190, serial, "serial", anchor="rs")
    sheet.line(left, 230, right, 230, width=4, fill=sheet.colour)
    base = 230 + row + 20
    date = sheet.date(fields.get("date"))
    dob = sheet.date(extras.get("patient_dob"), short_year=False)
    sheet.row_of(
        base,
        [(label("name"), _text(fields.get("patient_name")), 1.5), (label("dob"), dob, 0.8)],
        x0=left,
        x1=right,
    )
    base += row
    sheet.row_of(
        base, [(label("address"), _text(fields.get("patient_address")), 1.0)], x0=left, x1=right
    )
    base += row
    chart = (label("chart"), _text(extras.get("chart")), 0.8)
    if style["date_place"] == "top":
        sheet.row_of(base, [(label("date"), date, 1.0), chart], x0=left, x1=right)
    else:
        sheet.row_of(base, [chart], x0=left, x1=left + 900)
    # the Rx and the medicines, each on its rule with the eye at its end
    base += 200
    rx_font = str(style.get("rx_font") or style["title_font"])
    rx = fonts.RX_GLYPH if style["rx_form"] == "glyph" else "Rx"
    if rx == fonts.RX_GLYPH and not fonts.family(rx_font).has_rx_glyph:
        rx = "Rx"
    page.add_face("rx", rx_font, 130, bold=rx == "Rx")
    page.text(left, base, rx, "rx")
    medicines: Sequence[str] = fields.get("medicines") or []
    eyes: Sequence[str] = extras.get("eyes") or []
    eye_x = right - 330
    base += 110
    page.text(eye_x + 150, base - 70, label("eye"), "note", anchor="ms")
    gap = sheet.value_size + 44
    for k in range(max(int(style["med_rules"]), len(medicines))):
        y = base + k * gap
        sheet.line(left + 60, y + 12, eye_x - 30, y + 12, width=1.5, fill=RULE)
        x = eye_x
        eye = eyes[k] if k < len(eyes) else ""
        for option in ("OD", "OS", "OU"):
            stop = page.text(x, y, option, "opt")
            if k < len(medicines) and eye == option:
                page.ellipse_by_hand((x - 16, y - 48, stop + 16, y + 18), sheet.ink())
            x = stop + 36
        if k < len(medicines):
            page.text(left + 80, y, medicines[k], "value", max_width=eye_x - left - 140)
    base += max(int(style["med_rules"]), len(medicines)) * gap + 40
    # directions
    end = page.text(left, base, label("sig"), "key")
    text = fields.get("directions")
    first_room = right - end - 50
    lines = render.wrap(page, text, "value", first_room) if text else []
    rest = render.wrap(page, " ".join(lines[1:]), "value", right - left - 60) if lines else []
    dgap = sheet.value_size + 34
    count = max(3, len(rest) + 1)
    for k in range(count):
        x0 = end + 14 if k == 0 else left
        sheet.line(x0, base + k * dgap + 12, right, base + k * dgap + 12, width=1.5, fill=RULE)
    if lines:
        page.text(end + 28, base, lines[0], "value", max_width=first_room)
        for k, line in enumerate(rest):
            page.text(left + 20, base + (k + 1) * dgap, line, "value", max_width=right - left - 40)
    base += count * dgap + 50
    # refills
    refills = fields.get("refills")
    end = page.text(left, base, label("refills"), "key")
    if style["refill_mode"] == "circle":
        x = end + 50
        circled = False
        for token in ("0", "1", "2", "3", "4", "5", "PRN"):
            stop = page.text(x, base, token, "opt")
            if refills is not None and str(refills) == token:
                page.ellipse_by_hand((x - 22, base - 50, stop + 22, base + 18), sheet.ink())
                circled = True
            x = stop + 56
        x = page.text(x + 10, base, label("other"), "opt")
        sheet.line(x + 10, base + 12, x + 170, base + 12, width=1.5, fill=RULE)
        if refills is not None and not circled:
            page.text(x + 50, base, str(refills), "value")
    else:
        sheet.line(end + 14, base + 12, end + 220, base + 12, width=1.5, fill=RULE)
        if refills is not None:
            page.text(end + 117, base, str(refills), "value", anchor="ms")
        if refills != "PRN":
            page.text(end + 240, base, label("times"), "opt")
    # two signature lines: the scribble on one of them
    base = max(base + row + 150, 2500.0)
    daw = bool(extras.get("daw"))
    mid = (left + right) / 2
    for k, key in enumerate(("substitute", "daw")):
        x0 = left if k == 0 else mid + 40
        x1 = mid - 40 if k == 0 else right
        sheet.line(x0, base + 12, x1, base + 12, width=3, fill=(60, 60, 60))
        page.text((x0 + x1) / 2, base + 50, label(key), "note", anchor="ms", max_width=x1 - x0)
        if (k == 1) == daw:
            page.scribble(x0 + 60, min(x1 - 60, x0 + 560), base, sheet.ink())
    base += row + 60
    if style["date_place"] == "foot":
        sheet.row_of(base, [(label("date"), date, 1.0)], x0=left, x1=left + 900)
        base += row
    items = [
        (label("dea"), _text(extras.get("dea")), 1.0),
        (label("npi"), _text(extras.get("npi")), 1.0),
    ]
    sheet.row_of(min(base, LAST_BASE), items, x0=left, x1=right)
    for k, line in enumerate(render.wrap(page, sheet.labels["fine"], "fine", right - left)):
        page.text(left, 3215 + 28 * k, line, "fine")
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
