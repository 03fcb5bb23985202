"""A research centre's interview questionnaire and a cardiology practice's prescription.

Written blind as the held-out family of round 20 (then called ``heldout``): its author never
read the reader.

Neither document is a practice's registration sheet or a doctor's pad. The record is the
baseline interview questionnaire of a clinical research centre's study, read aloud by a study
coordinator who writes the participant's answers on it; the prescription is the printed
prescription and medication schedule a cardiology practice hands (or mails) to its patients.

Patient record (two pages): a survey-style interview instrument.

* Page 1 head: the research centre's emblem, name, unit, street and city, telephone and fax and
  a "confidential" note (distractors) at the left; at the top right a framed identification
  panel of short rows (the participant ID, the site, the interviewer's name and ID: distractors
  and, on the forms with the date "on the cover", the date of the interview, the record date).
  Then a band in the form's colour with the study's title, the instrument's name, the protocol
  and IRB numbers and the version. On the forms with a *visit record*, a strip under the band
  holds up to three visits, one a column, each with its date and a result code, the codes' key
  under them: the record date is the date of the visit whose result is ``1`` (completed); the
  earlier visits' dates are distractors.
* The body is one ruled grid of four columns: the question number (``101``, ``12`` or ``A3``,
  per form), the question as it is read out (with the interviewer's instructions in capitals in
  the form's colour, or an instruction alone), the *coding categories* and a *skip* column.
  Open answers are written on rules in the coding column, some with a small caption before the
  rule (``FIRST NAME``, ``STREET``, ``HOME``); long answers (lists, one-line addresses) are
  written on rules across the question and coding columns under the question. Closed answers
  are pre-coded: the categories in capitals, one a line, dot leaders (on most forms) to their
  code (``1``, ``2``, ``8`` for don't know), the chosen code ringed by hand or the box after it
  ticked or crossed, per form; short ones stand side by side (``MALE 1  FEMALE 2``). The skip
  column names the question a category sends the interviewer to. Sections are full-width bars
  (a tinted band, a grey band or a title between rules), numbered or lettered like the questions.
* Page 1 questions: the date of the interview (on the forms with the date "in the
  questions"); the name (one answer, or the first name with its initial over the last name: the
  truth is ``First M. Last``); the date of birth; on some forms the age, sex and whether the
  telephone is a mobile (distractors, at most two of them per form); the address (three
  captioned rules: street, city line, country, the truth joining the written parts with
  ``", "``; or one wide rule); the telephone (``phone``). The alternate contact: the name and the
  relationship (a distractor) under one question, the home and the work / cell telephones (the
  home one is ``emergency_contact_phone``) and the address on a wide rule. Health history:
  chickenpox and measles either as one grid question (the diseases as lettered items, the codes
  under ``IMMUNE``, ``NOT IMMUNE`` and ``DK`` / ``DON'T KNOW`` column heads) or as two questions;
  the hepatitis B series (``YES`` / ``NO`` / don't know); don't know, or no answer, leaves the
  field out. The filter "has a doctor ever told you that you have a long-term condition?"
  (``NO`` is the empty list, and skips to the measurements) and the conditions written
  comma-separated on wide rules. Measurements: the weight and the height on captioned rules, the
  unit either written after the number or a coded choice at the rule's end (``KG`` / ``LB``,
  ``CM`` / ``IN``).

Page 2: a compact head and the participant ID again; the grid goes on. Health insurance: the
coded yes / no question (``has_insurance``; ``NO`` skips the rest of the section, no answer
leaves the field out), the kind of coverage (coded, a distractor), the company, the member or
policy number (written as on the card), the group number (a distractor), the claims address over
two captioned rules (the truth joins them), the date the coverage ends (``insurance_expiry``).
Allergies and medicines: a coded filter each (``NO`` is the empty list) and the allergies on
wide rules; the medicines either on wide rules, comma-separated, or in a numbered roster across
the grid of medicine, how often and what it is for (the truth is the medicine column). The end
of the interview under the grid: the time it ended and the interviewer's comments, then a framed
review strip (the supervisor's and the data clerk's names and dates: distractors). Fine print
and the page number at the foot of both pages.

Prescription (one page): a cardiology practice's sheet.

* Head: an emblem (a heart with a pulse line), the practice's name, its services, street and
  city, telephone and fax. Either the prescriber's printed name with a board line and the NPI
  (``prescriber`` as printed, titles kept), or, per form, the practice's physicians listed at
  the right (distractors but the prescriber), the prescriber then written by hand on a
  "prescribing physician" rule at the foot.
* The patient has no labels: the name and the address (street, then city line: the truth joins
  them with ``", "``) are written in the *address window* of a mailer (corner marks, the
  practice's return address in small print above, a fold mark at the page's left edge), or in a
  framed panel titled only "patient", per form. Beside it an information block of short label /
  value rows: the date (``date``, on the forms with the date "in the block"), the patient
  number, the date of birth and the telephone (distractors).
* The title, then the ℞ (or ``Rx``) over a *medication schedule*: a ruled table whose first
  column is the medicine (each row one ``medicines`` entry) and whose next columns are the times
  of day (morning, noon, evening, bedtime, under small drawn symbols on most forms) holding the
  number of tablets written by hand, then a quantity and, on most forms, what the medicine is
  for (distractors all).
* The directions over rules; the refills written on a short rule, written in a sentence
  ("refill ___ times") or ticked among ``0`` to ``5`` and ``PRN`` (a larger number written
  after "other"), per form; a generic-substitution choice; on most forms a box of today's
  readings (blood pressure, pulse, weight, INR: distractors); the next appointment and the lab
  work to have done before it (a distractor date and boxes).
* The signature with, on the forms with the date "at the foot", the date beside it; the
  handwritten prescriber (with the printed NPI) where the head lists the physicians; fine print
  at the very foot.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
FOOT = 3150.0  # nothing but fine print below this baseline
INK_DARK = (28, 28, 28)
SOFT = (96, 96, 96)
HAIR = (150, 150, 150)

# fmt: off
COLOURS = ([24, 86, 140], [120, 40, 56], [30, 110, 90], [88, 64, 140], [150, 90, 20],
           [60, 70, 80])
CENTRE_PLACES = ("Lakeshore", "Northgate", "Westbrook", "Fairhaven", "Granite State",
                 "Three Rivers", "Blue Ridge", "Bayview", "Prairie", "Cascade")
CENTRE_KINDS = ("Clinical Research Center", "Institute for Clinical Research",
                "Center for Population Health Studies", "Clinical Trials Unit",
                "Research Institute")
UNITS = ("Epidemiology & Clinical Research Unit", "Participant Services",
         "Cohort Studies Office", "Clinical Research Operations")
STUDIES = (("Heart and Lung Health Cohort", "HLH"), ("Community Aging and Memory Study", "CAMS"),
           ("Healthy Kidneys Longitudinal Study", "HKLS"),
           ("Metabolic Health in Adults Study", "MHAS"),
           ("Sleep and Cardiovascular Outcomes Study", "SCOS"),
           ("Vaccine Response Cohort", "VRC"))
RELATIONS = ("Wife", "Husband", "Partner", "Mother", "Father", "Sister", "Brother", "Son",
             "Daughter", "Friend", "Neighbor", "Niece", "Cousin")
REMARKS = ("Participant cooperative", "Interview done at home", "Spouse present",
           "Card not available, policy no. from letter", "Hearing difficulty, spoke slowly",
           "Needed reading glasses", "Some answers checked with daughter",
           "Interrupted once, resumed")
PRACTICE_PLACES = ("Riverside", "Summit", "Harbor", "Mercy Park", "Valley", "Crestview",
                   "Pinewood", "Bayside", "Northshore", "Fairview")
PRACTICE_KINDS = ("Heart & Vascular", "Cardiology Associates", "Heart Center",
                  "Cardiovascular Clinic", "Heart Care Partners")
SERVICES = ("Cardiology · Echocardiography · Vascular Medicine",
            "Heart failure & rhythm clinic · Anticoagulation service",
            "Preventive cardiology · Cardiac rehabilitation",
            "Interventional & general cardiology")
BOARDS = ("Board Certified in Cardiovascular Disease", "Cardiology & Internal Medicine",
          "Fellow, American College of Cardiology")
CARDIAC = ("Lisinopril", "Atorvastatin", "Amlodipine", "Metoprolol", "Losartan", "Clopidogrel",
           "Warfarin", "Furosemide", "Carvedilol", "Spironolactone", "Rosuvastatin",
           "Pravastatin", "Hydrochlorothiazide", "Atenolol", "Propranolol", "Simvastatin",
           "Metformin", "Pantoprazole")
# what a medicine is taken for, as a patient or a cardiologist writes it
REASONS = {
    "Lisinopril": ("blood pressure", "heart failure"), "Losartan": ("blood pressure",),
    "Amlodipine": ("blood pressure", "chest pain"),
    "Metoprolol": ("heart rhythm", "blood pressure"),
    "Carvedilol": ("heart failure",), "Atenolol": ("blood pressure", "heart rhythm"),
    "Propranolol": ("heart rhythm", "tremor"), "Atorvastatin": ("cholesterol",),
    "Rosuvastatin": ("cholesterol",), "Pravastatin": ("cholesterol",),
    "Simvastatin": ("cholesterol",), "Clopidogrel": ("blood thinner", "stent"),
    "Warfarin": ("blood thinner",), "Furosemide": ("fluid", "swelling"),
    "Spironolactone": ("fluid", "heart failure"),
    "Hydrochlorothiazide": ("blood pressure", "fluid"),
    "Metformin": ("blood sugar", "diabetes"), "Glipizide": ("blood sugar",),
    "Pantoprazole": ("stomach",), "Omeprazole": ("stomach", "heartburn"),
    "Famotidine": ("stomach",), "Levothyroxine": ("thyroid",), "Sertraline": ("mood",),
    "Escitalopram": ("mood", "anxiety"), "Citalopram": ("mood",), "Fluoxetine": ("mood",),
    "Trazodone": ("sleep",), "Gabapentin": ("nerve pain",), "Montelukast": ("asthma",),
    "Albuterol": ("asthma",), "Salbutamol": ("asthma",), "Cetirizine": ("allergies",),
    "Loratadine": ("allergies",), "Allopurinol": ("gout",), "Tamsulosin": ("prostate",),
    "Meloxicam": ("arthritis",), "Naproxen": ("pain",), "Ibuprofen": ("pain",),
    "Acetaminophen": ("pain",), "Alprazolam": ("anxiety",), "Lorazepam": ("anxiety",),
}
LABS = ("Lipid panel", "BMP", "INR", "CBC")
# how many tablets at morning, noon, evening and bedtime, and a frequency to write it with
SCHEDULES = (
    (("1", "", "", ""), "once daily in the morning"),
    (("", "", "1", ""), "once daily with supper"),
    (("", "", "", "1"), "at bedtime"),
    (("1", "", "1", ""), "twice daily"),
    (("½", "", "½", ""), "half a tablet twice daily"),
    (("2", "", "", ""), "two tablets every morning"),
    (("1", "1", "1", ""), "three times a day"),
)
HEART_ADVICE = (
    "Weigh yourself every morning and call if you gain more than 3 lb",
    "Do not stop any heart medicine without calling us",
    "Check your blood pressure at home and bring the log",
    "Limit salt and avoid grapefruit juice",
    "Stand up slowly if you feel dizzy",
    "Bring this schedule to every visit",
)
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "instrument": (
        "Baseline Interview Questionnaire",
        "Enrollment Interview",
        "Participant Baseline Questionnaire",
        "Visit 1 Interview Form",
    ),
    "confidential": ("CONFIDENTIAL", "CONFIDENTIAL WHEN COMPLETED"),
    "ident": ("IDENTIFICATION", "PARTICIPANT IDENTIFICATION", "COVER SHEET"),
    "pid": ("PARTICIPANT ID", "STUDY ID NUMBER", "PID"),
    "site": ("SITE", "CLINIC SITE", "SITE NUMBER"),
    "interviewer": ("INTERVIEWER NAME", "INTERVIEWER", "NAME OF INTERVIEWER"),
    "interviewer_id": ("INTERVIEWER ID", "STAFF CODE"),
    "interview_date": ("DATE OF INTERVIEW", "INTERVIEW DATE", "DATE COMPLETED"),
    "visits": ("INTERVIEWER VISITS", "VISIT RECORD", "CONTACT ATTEMPTS"),
    "visit": ("VISIT", "ATTEMPT"),
    "visit_date": ("DATE",),
    "visit_result": ("RESULT*", "RESULT CODE*"),
    "result_key": (
        "*RESULT CODES: 1 COMPLETED  2 NOT AT HOME  3 POSTPONED  4 REFUSED  6 OTHER",
        "*CODES: 1 COMPLETED  2 NO ONE AT HOME  3 RESCHEDULED  4 REFUSED  6 OTHER",
    ),
    "col_no": ("NO.", "Q.", "#"),
    "col_question": ("QUESTIONS AND FILTERS", "QUESTION", "QUESTIONS AND INSTRUCTIONS"),
    "col_coding": ("CODING CATEGORIES", "RESPONSE", "ANSWER / CODE"),
    "col_skip": ("SKIP", "GO TO", "SKIP TO"),
    "sec_id": ("PARTICIPANT INFORMATION", "ABOUT THE PARTICIPANT", "CONTACT DETAILS"),
    "sec_contact": ("ALTERNATE CONTACT", "EMERGENCY CONTACT", "PERSON TO CONTACT"),
    "sec_health": ("HEALTH HISTORY", "MEDICAL HISTORY", "HEALTH AND IMMUNITY"),
    "sec_measure": ("MEASUREMENTS", "BODY MEASUREMENTS"),
    "sec_insurance": ("HEALTH INSURANCE", "INSURANCE COVERAGE"),
    "sec_meds": ("ALLERGIES AND MEDICINES", "ALLERGIES AND MEDICATIONS"),
    "sec_end": ("END OF INTERVIEW", "INTERVIEW COMPLETION"),
    "q_date": ("RECORD TODAY'S DATE.", "ENTER THE DATE OF THIS INTERVIEW."),
    "q_name": (
        "First, what is your full name? PROBE FOR MIDDLE INITIAL.",
        "Please tell me your full name. ASK PARTICIPANT TO SPELL IT.",
        "What is your name? RECORD AS GIVEN ON ID.",
    ),
    "first": ("FIRST NAME, M.I.", "FIRST / M.I.", "GIVEN NAME"),
    "last": ("LAST NAME", "SURNAME", "FAMILY NAME"),
    "q_dob": ("What is your date of birth?", "On what date were you born?"),
    "q_age": (
        "How old were you at your last birthday? RECORD AGE IN COMPLETED YEARS.",
        "How old are you? COMPLETED YEARS.",
    ),
    "q_sex": ("RECORD SEX OF PARTICIPANT.", "RECORD SEX. ASK IF NOT SURE."),
    "male": ("MALE",),
    "female": ("FEMALE",),
    "q_address": (
        "What is your home address? WHERE WE CAN SEND STUDY MAIL.",
        "Where do you live? RECORD FULL ADDRESS.",
        "What is your current home address?",
    ),
    "street": ("STREET", "NO. & STREET"),
    "city": ("CITY, STATE, ZIP", "TOWN / STATE / ZIP"),
    "country": ("COUNTRY",),
    "q_phone": (
        "What is the best telephone number to reach you?",
        "At what telephone number can we reach you?",
    ),
    "q_mobile": ("Is that a mobile phone?", "Is this number a cell phone?"),
    "yes": ("YES",),
    "no": ("NO",),
    "dk": ("DON'T KNOW", "NOT SURE"),
    "q_contact": (
        "If we cannot reach you, or in an emergency, whom should we contact?",
        "Please give the name of someone we may contact in an emergency.",
    ),
    "q_contact_phone": (
        "What are this person's telephone numbers?",
        "At what numbers can we reach this person?",
    ),
    "contact_name": ("NAME", "FULL NAME"),
    "relation": ("RELATIONSHIP", "RELATION TO YOU"),
    "home": ("HOME", "HOME TEL."),
    "other": ("WORK / CELL", "OTHER"),
    "q_contact_address": ("What is this person's address?", "Where does this person live?"),
    "q_immunity": (
        "Has a doctor told you, or has a blood test shown, that you are immune to: READ EACH.",
        "Are you immune to the following, from past illness or vaccination? READ EACH.",
    ),
    "q_disease": (
        "Has a doctor told you, or has a blood test shown, that you are immune to {}?",
        "Are you immune to {}, from past illness or vaccination?",
    ),
    "chicken_pox": ("CHICKENPOX (VARICELLA)", "CHICKENPOX"),
    "measles": ("MEASLES", "MEASLES (RUBEOLA)"),
    "immune": ("IMMUNE",),
    "not_immune": ("NOT IMMUNE",),
    "dk_short": ("DK", "DON'T KNOW"),
    "q_hep_b": (
        "Have you received all the doses of the hepatitis B vaccine?",
        "Did you complete the hepatitis B vaccine series?",
    ),
    "q_conditions": (
        "Has a doctor ever told you that you have a long-term health condition, such as asthma, "
        "diabetes or seizures?",
        "Do you have any ongoing medical problems, for example asthma, high blood pressure or "
        "headaches?",
    ),
    "q_which": (
        "Which conditions? RECORD ALL MENTIONED.",
        "What are they? RECORD EACH CONDITION.",
    ),
    "q_measures": (
        "MEASURE THE PARTICIPANT'S WEIGHT AND HEIGHT AND RECORD.",
        "WEIGH THE PARTICIPANT (SHOES OFF) AND MEASURE STANDING HEIGHT. RECORD BOTH.",
    ),
    "weight": ("WEIGHT",),
    "height": ("HEIGHT",),
    "q_insured": (
        "Are you covered by any health insurance or health plan?",
        "Do you have health insurance at present?",
    ),
    "q_kind": ("What kind of coverage is it?", "Is that insurance through ...? READ OPTIONS."),
    "private": ("EMPLOYER / PRIVATE",),
    "medicare": ("MEDICARE",),
    "medicaid": ("MEDICAID",),
    "other_kind": ("OTHER",),
    "q_company": (
        "What is the name of your insurance company? ASK TO SEE CARD.",
        "Which company is your insurance with? ASK TO SEE CARD.",
    ),
    "q_policy": (
        "What is the member ID or policy number? COPY FROM CARD.",
        "RECORD THE POLICY NUMBER AS SHOWN ON THE CARD.",
    ),
    "q_group": ("RECORD THE GROUP NUMBER IF SHOWN.", "What is the group number?"),
    "q_claims": (
        "RECORD THE CLAIMS ADDRESS FROM THE BACK OF THE CARD.",
        "What address are claims sent to? SEE BACK OF CARD.",
    ),
    "claims_street": ("STREET / P.O. BOX",),
    "claims_city": ("CITY, STATE, ZIP",),
    "q_expiry": (
        "When does this coverage end? RECORD DATE ON CARD.",
        "RECORD THE EXPIRATION DATE OF THE COVERAGE.",
    ),
    "q_allergic": (
        "Are you allergic to any medicines, foods, latex or anything else?",
        "Do you have any allergies?",
    ),
    "q_allergies": (
        "What are you allergic to? RECORD ALL.",
        "List the allergies. RECORD ALL MENTIONED.",
    ),
    "q_takes": (
        "Do you take any medicines regularly, including pills, inhalers or injections?",
        "Are you currently taking any medicines on a regular basis?",
    ),
    "q_meds": (
        "Please tell me the names of the medicines you take. ASK TO SEE THE CONTAINERS.",
        "What medicines do you take? COPY NAMES FROM CONTAINERS.",
    ),
    "med_name": ("NAME OF MEDICINE", "MEDICINE"),
    "med_times": ("TIMES A DAY", "HOW OFTEN"),
    "med_for": ("WHAT IS IT FOR?", "REASON"),
    "end_short": ("END", "END OF FORM"),
    "end_time": ("RECORD THE TIME THE INTERVIEW ENDED.", "TIME INTERVIEW ENDED"),
    "remarks": ("INTERVIEWER'S OBSERVATIONS", "INTERVIEWER'S COMMENTS"),
    "reviewed": ("FIELD EDITED BY", "REVIEWED BY SUPERVISOR"),
    "entered": ("KEYED BY", "DATA ENTERED BY"),
    "on_date": ("DATE",),
    "fine": (
        "The information on this form is confidential and is used only for the purposes of the "
        "study. Do not write the participant's name on any page other than pages 1 and 2.",
        "Keep completed forms in a locked cabinet. Questions about this instrument: call the "
        "study coordinator.",
    ),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("Prescription and Medication Schedule", "Your Medicines", "New Prescriptions"),
    "patient": ("PATIENT", "Patient"),
    "date": ("Date", "Date issued", "Date written"),
    "patient_no": ("Patient no.", "Chart no.", "MRN"),
    "dob": ("Date of birth", "DOB", "Born"),
    "phone": ("Telephone", "Phone", "Tel."),
    "med": ("Medicine and strength", "Medication", "Drug / strength"),
    "times": (
        "Morning|Noon|Evening|Bedtime",
        "AM|Midday|PM|Night",
        "Breakfast|Lunch|Supper|Bedtime",
    ),
    "qty": ("Qty", "Disp.", "Quantity"),
    "reason": ("For", "What it is for", "Reason"),
    "directions": ("Directions", "Instructions", "Special instructions"),
    "refills": ("Refills", "Refill"),
    "refill_sentence": ("Refill this prescription|times", "May be refilled|times"),
    "other": ("Other",),
    "generic": ("Generic substitution permitted", "Generic OK"),
    "brand": ("Dispense as written", "Brand necessary"),
    "readings": ("Today's readings", "Your numbers today", "Vitals today"),
    "bp": ("BP",),
    "pulse": ("Pulse", "HR"),
    "weight": ("Weight", "Wt"),
    "inr": ("INR",),
    "next": ("Next appointment", "Next visit", "Return visit"),
    "labs": ("Labs before next visit:", "Blood work before next visit:"),
    "signature": ("Physician's signature", "Signature"),
    "prescriber": ("Prescribing physician (print)", "Prescriber's name (print)"),
    "physicians": ("Our physicians", "Physicians", "Cardiologists"),
    "fine": (
        "Take this schedule to your pharmacy and to every visit. Call our nurse line with any "
        "questions about your medicines. Void if altered.",
        "This prescription is valid for one year from the date issued. Keep the schedule with "
        "your medicines and bring it to each appointment.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _digits(rnd: random.Random, count: int) -> str:
    return str(rnd.randrange(10**count)).zfill(count)


def _after(rnd: random.Random, day: dt.date, low: int, high: int) -> str:
    return (day + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _reason(rnd: random.Random, drug: str, share: float) -> str:
    """What ``drug`` is for, as the form's column says it, or "" (not known, or not written)."""
    known = REASONS.get(drug)
    return rnd.choice(known) if known and rnd.random() < share else ""


def _clock(rnd: random.Random) -> str:
    return f"{rnd.randint(8, 17)}:{rnd.choice(('05', '10', '20', '25', '35', '40', '50'))}"


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
        rnd, handwriting=handwriting, font=font, label_size=(29, 32), value_size=(40, 44)
    )
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        head = rnd.choice(("single", "single", "group"))
        style.update(
            practice={
                "name": f"{rnd.choice(PRACTICE_PLACES)} {rnd.choice(PRACTICE_KINDS)}",
                "services": rnd.choice(SERVICES),
                "street": values.street_line(rnd),
                "city": values.city_line(rnd, zip_code="state zip"),
                "phone": values.phone_number(rnd),
                "fax": values.phone_number(rnd),
            },
            head=head,
            board=rnd.choice(BOARDS),
            window=rnd.choice(("window", "window", "panel")),
            date_place=rnd.choice(("block", "block", "foot")),
            icons=rnd.random() < 0.7,
            reason_column=rnd.random() < 0.7,
            refill_mode=rnd.choice(("line", "sentence", "boxes")),
            readings=rnd.random() < 0.65,
            rx_font=rnd.choice(rx_fonts) if rx_fonts and rnd.random() < 0.7 else "",
            rows=rnd.choice((4, 5)),
            direction_rules=rnd.choice((3, 4)),
        )
        style["prescriber_written"] = head == "group"
        return style
    _wording(rnd, style, _REC)
    place = rnd.choice(CENTRE_PLACES)
    title, code = rnd.choice(STUDIES)
    style.update(
        centre={
            "name": f"{place} {rnd.choice(CENTRE_KINDS)}",
            "unit": rnd.choice(UNITS),
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
            "fax": values.phone_number(rnd),
        },
        study={
            "title": title,
            "code": code,
            "protocol": f"{code}-{rnd.randint(2015, 2023)}-0{rnd.randint(1, 9)}",
            "irb": f"IRB #{rnd.randint(2015, 2023)}-{_digits(rnd, 4)}",
            "version": f"Version {rnd.randint(1, 4)}.{rnd.randint(0, 3)}",
        },
        numbering=rnd.choice(("section", "section", "running", "letter")),
        code_mark=rnd.choice(("ring", "ring", "box")),
        band=rnd.choice(("solid", "pale", "rule")),
        date_place=rnd.choice(("cover", "question", "visits")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("rows", "rows", "wide")),
        immunity_mode=rnd.choice(("grid", "separate")),
        unit_mode=rnd.choice(("written", "coded")),
        meds_mode=rnd.choice(("roster", "roster", "lines")),
        leaders=rnd.random() < 0.75,
    )
    most = 1 if style["date_place"] == "visits" else 2  # the page has room for so many
    asked = rnd.sample(("age", "sex", "mobile"), rnd.randint(0, most))
    style["asked"] = {ref: ref in asked for ref in ("age", "sex", "mobile")}
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
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    if (today - birth).days < 18 * 365:  # a study of adults
        birth = today.replace(year=today.year - rnd.randint(19, 80), day=min(today.day, 28))
        fields["birth_date"] = birth.isoformat()
        weight, height, weight_unit, height_unit = values._body_measures(rnd, 40)
        base.update(weight_unit=weight_unit, height_unit=height_unit)
        for name, value in (("weight", weight), ("height", height)):
            if name in fields:
                fields[name] = value
    lines = list(base["address_lines"])
    initials = "".join(rnd.choice("ABCDEFGHJKLMNPRSTW") for _ in range(2))
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "participant_id": f"{style['study']['code']}-{_digits(rnd, 4)}",
        "site": f"{rnd.randint(1, 12):02d}",
        "interviewer": f"{rnd.choice(values.FIRST_NAMES)[0]}. {rnd.choice(values.LAST_NAMES)}",
        "interviewer_id": _digits(rnd, 3),
        "age": str((today - birth).days // 365) if rnd.random() < 0.85 else None,
        "sex": rnd.choice(("male", "female", "female", "male", None)),
        "mobile": rnd.choice(("yes", "yes", "no", None)),
        "end_time": _clock(rnd) if rnd.random() < 0.8 else None,
        "remarks": rnd.choice(REMARKS) if rnd.random() < 0.5 else None,
        "reviewer": f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        if rnd.random() < 0.6
        else None,
        "reviewed_on": _after(rnd, today, 1, 9) if rnd.random() < 0.6 else None,
        "keyed_by": initials if rnd.random() < 0.5 else None,
        "keyed_on": _after(rnd, today, 3, 30) if rnd.random() < 0.5 else None,
    }
    earlier = sorted(rnd.sample(range(3, 19), rnd.choice((0, 0, 1, 1, 2))), reverse=True)
    # the visits before the completed one: their dates and result codes
    extras["visit_dates"] = [(today - dt.timedelta(days=days)).isoformat() for days in earlier]
    extras["visit_results"] = [rnd.choice(("2", "3", "2", "6")) for _ in earlier] + ["1"]
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
    # the closed answers: a don't-know answer leaves the field out
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name not in fields and rnd.random() < 0.6:
            extras[f"{name}_unsure"] = True
        elif name in fields and rnd.random() < 0.07:
            del fields[name]
            extras[f"{name}_unsure"] = True
    if fields.get("has_insurance") == "yes":
        extras["coverage"] = rnd.choice(("private", "private", "medicare", "medicaid", "other"))
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP '))}{_digits(rnd, rnd.choice((5, 6, 7)))}"
            if rnd.random() < 0.6
            else None
        )
    elif rnd.random() < 0.25:
        del fields["has_insurance"]  # not answered
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    meds = fields["regular_medication"]
    extras["med_rows"] = [
        [rnd.choice(("1", "2", "1", "3")), _reason(rnd, name, 0.7)] for name in meds
    ]
    return fields, extras, style


def _heart_directions(rnd: random.Random, rows: Sequence[tuple[str, str]]) -> str:
    """Directions for the medicines, then advice until the text fills two lines or so."""
    period = rnd.random() < 0.6
    sentences: list[str] = []
    for line, how in rows:
        name = line.split()[0]
        sentence = rnd.choice(
            (
                f"Take {name} {how}",
                f"{name}: {how}",
                f"{name} {how}, with food",
                f"Start {name} {how}",
            )
        )
        sentence += "." if period else ""
        if sentences and len(" ".join([*sentences, sentence])) > 190:
            break
        sentences.append(sentence)
    advice = rnd.sample(HEART_ADVICE, len(HEART_ADVICE))
    while len(" ".join(sentences)) < 110 and advice:
        sentences.append(advice.pop() + ("." if period else ""))
    return " ".join(sentences)


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd)
    common.settle_day_order(fields, ("date",), style, rnd)
    written = dt.date.fromisoformat(fields["date"])
    cardiac = [drug for drug in values.DRUGS if drug[0] in CARDIAC]
    drugs = rnd.sample(cardiac, len(fields["medicines"]))
    fields["medicines"] = [values.medicine_line(rnd, drug) for drug in drugs]
    plans = [rnd.choice(SCHEDULES) for _ in drugs]
    if "directions" in fields:
        rows = [(line, how) for line, (_, how) in zip(fields["medicines"], plans, strict=True)]
        fields["directions"] = _heart_directions(rnd, rows)
    if "refills" in fields and rnd.random() < 0.5:
        fields["refills"] = rnd.choice((0, 1, 2, 3, 3, 5, 11, "PRN"))
    birth = values._date_between(rnd, dt.date(1935, 1, 1), dt.date(1995, 12, 31))
    count = len(drugs)
    others = [
        f"{rnd.choice(('Dr. ', 'Dr '))}{rnd.choice(values.FIRST_NAMES)} "
        f"{rnd.choice(values.LAST_NAMES)}{rnd.choice((', MD', ', M.D.', ', DO'))}"
        for _ in range(rnd.randint(1, 3))
    ]
    extras: dict[str, Any] = {
        "schedule": [list(plan) for plan, _ in plans],
        "quantities": [f"#{rnd.choice((30, 30, 60, 90, 90, 180))}" for _ in range(count)],
        "reasons": [_reason(rnd, drug[0], 0.8) for drug in drugs],
        "patient_no": f"{rnd.choice(('', 'C', 'MRN '))}{_digits(rnd, rnd.choice((6, 7)))}"
        if rnd.random() < 0.8
        else None,
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "physicians": others,
        "npi": f"1{_digits(rnd, 9)}",
        "substitution": rnd.choice(("generic", "generic", "brand", None)),
        "bp": f"{rnd.randint(104, 168)}/{rnd.randint(60, 98)}" if rnd.random() < 0.85 else None,
        "pulse": str(rnd.randint(52, 96)) if rnd.random() < 0.8 else None,
        "weight_today": f"{rnd.randint(110, 260)} lb" if rnd.random() < 0.6 else None,
        "inr": f"{rnd.randint(15, 34) / 10:.1f}" if rnd.random() < 0.3 else None,
        "next_visit": _after(rnd, written, 14, 120) if rnd.random() < 0.75 else None,
        "labs": sorted(rnd.sample(LABS, rnd.randint(0, 2))),
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        colour = style["colour"]
        self.colour = (int(colour[0]), int(colour[1]), int(colour[2]))
        self.tint = tuple(round(255 - (255 - c) * 0.14) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["q"] = render.Face(label.regular, size, INK_DARK)
        faces["key"] = render.Face(
            label.bold if style["label_bold"] else label.regular, size, INK_DARK
        )
        faces["instr"] = render.Face(label.bold, size - 5, self.colour)
        faces["cat"] = render.Face(label.regular, size - 3, INK_DARK)
        faces["cap"] = render.Face(label.regular, 23, (70, 70, 70))
        faces["colhead"] = render.Face(label.bold, 25, INK_DARK)
        faces["colhead_white"] = render.Face(label.bold, 25, (255, 255, 255))
        faces["band"] = render.Face(title.bold, 36, INK_DARK)
        faces["band_white"] = render.Face(title.bold, 36, (255, 255, 255))
        faces["band_colour"] = render.Face(title.bold, 36, self.colour)
        faces["org"] = render.Face(title.bold, 50, self.colour)
        faces["org_small"] = render.Face(title.regular, 28, (60, 60, 60))
        faces["title"] = render.Face(title.bold, 56, INK_DARK)
        faces["doc"] = render.Face(title.bold, 44, INK_DARK)
        faces["note"] = render.Face(label.regular, 26, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 22, SOFT)

    def word(self, key: str) -> str:
        return self.words[key]

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def write(self, x0: float, x1: float, base: float, value: str, *, rule: bool = True) -> None:
        """A value written from ``x0`` on a rule running to ``x1``."""
        if rule:
            self.line(x0, base + 12, x1, base + 12, width=2, fill=HAIR)
        if value:
            self.page.text(x0 + 14, base, value, "value", max_width=max(40.0, x1 - x0 - 24))

    def ring(self, x0: float, x1: float, base: float, face: str) -> None:
        size = self.page.faces[face].size
        self.page.ellipse_by_hand((x0 - 22, base - size - 16, x1 + 22, base + 18), self.ink())

    def dots(self, x0: float, x1: float, base: float) -> None:
        """Dot leaders from ``x0`` to ``x1`` on the baseline."""
        page = self.page
        x = x0
        while x < x1:
            page.draw.rectangle(
                [page.px(x), page.px(base - 4), page.px(x + 3), page.px(base - 1)], fill=SOFT
            )
            x += 14

    def wrapped(
        self, x: float, base: float, text: str, face: str, width: float, gap: float
    ) -> float:
        """``text`` wrapped to ``width``; the baseline of its last line."""
        lines = render.wrap(self.page, text, face, width)
        for k, line in enumerate(lines):
            self.page.text(x, base + k * gap, line, face, max_width=width)
        return base + (len(lines) - 1) * gap

    def fine_print(self, text: str, number: int | None) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - (260 if number else 0))
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3196 + 28 * k, line, "fine")
        if number is not None:
            page.text(RIGHT, 3196, f"Page {number} of 2", "fine", anchor="rs")


# --- patient record: the questionnaire grid -------------------------------------------------

# the grid's columns: number, question, coding categories, skip
COLS = (LEFT, LEFT + 112, 1300.0, 2160.0, RIGHT)
CAT_GAP = 46.0  # from one coded category to the next
LINE_GAP = 68.0  # from one written line to the next


@dataclass(frozen=True)
class _Line:
    """A written answer in the coding column, a small caption before its rule."""

    value: str
    caption: str = ""
    units: _Codes | None = None  # coded units at the rule's right end


@dataclass(frozen=True)
class _Codes:
    """Pre-coded categories (key, printed text, code), one chosen, some sending on.

    ``across`` sets them side by side on one line instead of one a line.
    """

    options: tuple[tuple[str, str, str], ...]
    chosen: str | None
    skips: Mapping[str, str] = field(default_factory=dict)
    across: bool = False


_Item = _Line | _Codes


_SECTIONS = (
    ("sec_id", ("date", "name", "dob", "age", "sex", "address", "phone", "mobile")),
    ("sec_contact", ("contact", "contact_phone", "contact_address")),
    ("sec_health", ("immunity", "chicken_pox", "measles", "hep_b", "conditions", "which")),
    ("sec_measure", ("measures",)),
    ("sec_insurance", ("insured", "kind", "company", "policy", "group", "claims", "expiry")),
    ("sec_meds", ("allergic", "allergies", "takes", "meds")),
)


def _section_mark(style: Mapping[str, Any], section: int) -> str:
    return "ABCDEFGH"[section - 1] if style["numbering"] == "letter" else str(section)


def _numbers(style: Mapping[str, Any]) -> dict[str, str]:
    """Every question's printed number: ``101`` by section, ``12`` running or ``C3``."""
    left_out = {"immunity"} if style["immunity_mode"] == "separate" else {"chicken_pox", "measles"}
    if style["date_place"] != "question":
        left_out.add("date")
    left_out.update(ref for ref in ("age", "sex", "mobile") if not style["asked"][ref])
    numbers: dict[str, str] = {}
    running = 0
    for section, (_, refs) in enumerate(_SECTIONS, 1):
        asked = [ref for ref in refs if ref not in left_out]
        for k, ref in enumerate(asked, 1):
            running += 1
            if style["numbering"] == "running":
                numbers[ref] = str(running)
            elif style["numbering"] == "letter":
                numbers[ref] = f"{_section_mark(style, section)}{k}"
            else:
                numbers[ref] = f"{section}{k:02d}"
    return numbers


class _Grid:
    """The questionnaire's ruled grid, drawn row by row down a page."""

    def __init__(self, sheet: _Sheet, top: float) -> None:
        self.sheet = sheet
        self.page = sheet.page
        self.y = top
        self.numbers = _numbers(sheet.style)

    def head(self) -> None:
        """The column headings."""
        sheet = self.sheet
        band = sheet.style["band"]
        top, bottom = self.y, self.y + 56
        face = "colhead"
        if band == "solid":
            sheet.rect(COLS[0], top, COLS[-1], bottom, fill=sheet.colour, outline=None)
            face = "colhead_white"
        elif band == "pale":
            sheet.rect(COLS[0], top, COLS[-1], bottom, fill=sheet.tint, outline=None)
        keys = ("col_no", "col_question", "col_coding", "col_skip")
        for key, x0, x1 in zip(keys, COLS, COLS[1:], strict=False):
            self.page.text(
                (x0 + x1) / 2, top + 38, sheet.word(key), face, anchor="ms", max_width=x1 - x0 - 16
            )
        sheet.line(COLS[0], top, COLS[-1], top, width=4, fill=INK_DARK)
        sheet.line(COLS[0], bottom, COLS[-1], bottom, width=3, fill=INK_DARK)
        for x in COLS[1:-1]:
            sheet.line(x, top, x, bottom, width=2, fill=INK_DARK)
        self.y = bottom

    def bar(self, section: int) -> None:
        """A section's full-width bar."""
        sheet = self.sheet
        top, bottom = self.y, self.y + 52
        key = _SECTIONS[section - 1][0]
        text = f"{_section_mark(sheet.style, section)}. {sheet.word(key)}"
        if sheet.style["band"] == "solid":
            sheet.rect(COLS[0], top, COLS[-1], bottom, fill=sheet.tint, outline=None)
            self.page.text(COLS[0] + 20, top + 39, text, "band_colour")
        elif sheet.style["band"] == "pale":
            sheet.rect(COLS[0], top, COLS[-1], bottom, fill=(226, 226, 226), outline=None)
            self.page.text(COLS[0] + 20, top + 39, text, "band")
        else:
            self.page.text(COLS[0] + 20, top + 39, text, "band")
        sheet.line(COLS[0], bottom, COLS[-1], bottom, width=3, fill=INK_DARK)
        sheet.line(COLS[0], top, COLS[0], bottom, width=3, fill=INK_DARK)
        sheet.line(COLS[-1], top, COLS[-1], bottom, width=3, fill=INK_DARK)
        self.y = bottom

    def _question(self, text: str, x0: float, x1: float, top: float) -> float:
        """The question as read out, the interviewer's capitals apart; its last baseline."""
        sheet = self.sheet
        spoken, instruction = _split_instruction(text)
        base = top + 44
        if spoken:
            base = sheet.wrapped(x0, base, spoken, "q", x1 - x0 - 16, 40) + 40
        if instruction:
            base = sheet.wrapped(x0, base, instruction, "instr", x1 - x0 - 16, 36) + 36
        return base - 36

    def row(
        self,
        ref: str,
        key: str,
        items: Sequence[_Item],
        *,
        wide: Sequence[str] | None = None,
        wide_rules: int = 0,
        text: str = "",
    ) -> None:
        """One question: its number, wording (``key``'s, or ``text``), answers and skips.

        ``wide`` answers are written on ``wide_rules`` rules under the question across the
        question and coding columns.
        """
        sheet = self.sheet
        page = self.page
        number = self.numbers[ref]
        top = self.y
        q_end = self._question(text or sheet.word(key), COLS[1] + 18, COLS[2] - 20, top)
        height = q_end - top + 26
        base = top + 48
        for item in items:
            if isinstance(item, _Line):
                base = self._line(item, base) + LINE_GAP
            elif item.across:
                base = self._across(item, base) + LINE_GAP
            else:
                base = self._codes(item, base) + LINE_GAP
        coding_bottom = base - LINE_GAP + 26
        split = max(top + height, coding_bottom if items else top)
        bottom = split
        if wide_rules:
            texts = list(wide or [])
            base = split + 56
            for k in range(wide_rules):
                sheet.write(COLS[1] + 18, COLS[3] - 20, base, texts[k] if k < len(texts) else "")
                base += LINE_GAP
            bottom = base - LINE_GAP + 30
        page.text(COLS[0] + 16, top + 44, number + ".", "key")
        sheet.line(COLS[0], bottom, COLS[-1], bottom, width=1.5, fill=HAIR)
        for x in (COLS[0], COLS[-1]):
            sheet.line(x, top, x, bottom, width=3, fill=INK_DARK)
        sheet.line(COLS[1], top, COLS[1], bottom, width=2, fill=INK_DARK)
        sheet.line(COLS[3], top, COLS[3], bottom, width=2, fill=INK_DARK)
        sheet.line(COLS[2], top, COLS[2], split, width=2, fill=INK_DARK)
        self.y = bottom

    def _line(self, item: _Line, base: float) -> float:
        x0, x1 = COLS[2] + 18, COLS[3] - 22
        if item.caption:
            x0 = self.page.text(x0, base, item.caption, "cap") + 12
        if item.units:
            x1 = self._across(item.units, base, right=x1) - 30
        self.sheet.write(x0, x1, base, item.value)
        return base

    def _mark(self, key: str, code: str, chosen: str | None, right: float, base: float) -> float:
        """A code ending at ``right``, ringed or followed by a marked box; where it starts."""
        sheet = self.sheet
        page = self.page
        if sheet.style["code_mark"] == "box":
            mark = sheet.style["mark"]
            common.checkbox(page, right - 32, base + 2, checked=key == chosen, mark=mark, side=32)
            right -= 50
        end = page.text(right, base, code, "cat", anchor="rs")
        start = end - page.width(code, "cat")
        if key == chosen and sheet.style["code_mark"] != "box":
            sheet.ring(start, end, base, "cat")
        return start

    def _across(self, item: _Codes, base: float, right: float | None = None) -> float:
        """The categories side by side (``TEXT code``), ending at ``right``; where they start."""
        page = self.page
        x = right if right is not None else COLS[3] - 22
        for key, text, code in reversed(item.options):
            start = self._mark(key, code, item.chosen, x, base)
            x = page.text(start - 36, base, text, "cat", anchor="rs") - page.width(text, "cat")
            x -= 44
        if right is None:
            return base
        return x + 44

    def _codes(self, item: _Codes, base: float) -> float:
        """The categories one a line; the baseline of the last."""
        sheet = self.sheet
        page = self.page
        for k, (key, text, code) in enumerate(item.options):
            b = base + k * CAT_GAP
            start = self._mark(key, code, item.chosen, COLS[3] - 48, b)
            end = page.text(COLS[2] + 18, b, text, "cat", max_width=start - COLS[2] - 70)
            if sheet.style["leaders"]:
                sheet.dots(end + 14, start - 20, b)
            target = item.skips.get(key)
            if target:
                page.text(COLS[3] + 20, b, f"→ {target}", "cat", max_width=RIGHT - COLS[3] - 36)
        return base + (len(item.options) - 1) * CAT_GAP

    def immunity(self, items: Sequence[tuple[str, str | None]]) -> None:
        """One question, the diseases as lettered rows, the codes in three columns."""
        sheet = self.sheet
        page = self.page
        number = self.numbers["immunity"]
        top = self.y
        q_end = self._question(sheet.word("q_immunity"), COLS[1] + 18, COLS[2] - 20, top)
        heads = (
            ("immune", sheet.word("immune"), "1"),
            ("not immune", sheet.word("not_immune"), "2"),
            ("unsure", sheet.word("dk_short"), "8"),
        )
        width = (COLS[3] - COLS[2]) / 3
        head_base = top + 40
        for k, (_, text, _) in enumerate(heads):
            cx = COLS[2] + width * (k + 0.5)
            page.text(cx, head_base, text, "cap", anchor="ms", max_width=width - 12)
        base = max(top + 150, q_end + 70)
        for k, (key, chosen) in enumerate(items):
            b = base + k * 70
            page.text(
                COLS[1] + 40,
                b,
                f"{'abc'[k]})  {sheet.word(key)}",
                "q",
                max_width=COLS[2] - COLS[1] - 60,
            )
            sheet.dots(
                COLS[1] + 60 + page.width(f"{'abc'[k]})  {sheet.word(key)}", "q"), COLS[2] - 20, b
            )
            for j, (option, _, code) in enumerate(heads):
                cx = COLS[2] + width * (j + 0.5)
                end = page.text(cx, b, code, "cat", anchor="ms")
                start = end - page.width(code, "cat")
                if sheet.style["code_mark"] == "box":
                    common.checkbox(
                        page,
                        end + 16,
                        b + 2,
                        checked=option == chosen,
                        mark=sheet.style["mark"],
                        side=32,
                    )
                elif option == chosen:
                    sheet.ring(start, end, b, "cat")
        bottom = base + (len(items) - 1) * 70 + 40
        page.text(COLS[0] + 16, top + 44, number + ".", "key")
        sheet.line(COLS[0], bottom, COLS[-1], bottom, width=1.5, fill=HAIR)
        for x, width_ in ((COLS[0], 3.0), (COLS[-1], 3.0), (COLS[1], 2.0), (COLS[3], 2.0)):
            sheet.line(x, top, x, bottom, width=width_, fill=INK_DARK)
        sheet.line(COLS[2], top, COLS[2], top + 60, width=2, fill=INK_DARK)
        self.y = bottom

    def close(self) -> None:
        self.sheet.line(COLS[0], self.y, COLS[-1], self.y, width=4, fill=INK_DARK)


def _split_instruction(text: str) -> tuple[str, str]:
    """A question's spoken words and the interviewer's instruction in capitals after them."""
    words = text.split()
    cut = len(words)
    while (
        cut > 0
        and words[cut - 1].upper() == words[cut - 1]
        and any(c.isalpha() for c in words[cut - 1])
    ):
        cut -= 1
    if cut == 0:
        return "", text
    if cut == len(words):
        return text, ""
    return " ".join(words[:cut]), " ".join(words[cut:])


def _emblem(sheet: _Sheet, cx: float, cy: float, r: float) -> None:
    """The research centre's emblem: three linked atoms in a ring."""
    page = sheet.page
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
        outline=sheet.colour,
        width=max(1, page.px(6)),
    )
    points = [(cx + r * 0.5 * math.cos(a), cy + r * 0.5 * math.sin(a)) for a in (-1.57, 0.52, 2.62)]
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
        sheet.line(ax, ay, bx, by, width=5, fill=sheet.colour)
    for ax, ay in points:
        dot = r * 0.18
        page.draw.ellipse(
            [page.px(ax - dot), page.px(ay - dot), page.px(ax + dot), page.px(ay + dot)],
            fill=sheet.colour,
        )


def _letterhead(sheet: _Sheet, compact: bool, band_top: float = 300.0) -> float:
    """The centre's head and the study band; the top of what follows."""
    page = sheet.page
    style = sheet.style
    centre, study = style["centre"], style["study"]
    if compact:
        _emblem(sheet, LEFT + 34, 150, 34)
        page.text(LEFT + 90, 166, centre["name"], "org", max_width=1200, size=38)
        page.text(RIGHT, 140, study["title"], "note", anchor="rs", max_width=900)
        caption = f"{sheet.word('instrument')} · {study['protocol']}"
        page.text(RIGHT, 176, caption, "note", anchor="rs", max_width=900)
        sheet.line(LEFT, 204, RIGHT, 204, width=4, fill=sheet.colour)
        return 224.0
    _emblem(sheet, LEFT + 56, 150, 56)
    x = LEFT + 142
    page.text(x, 134, centre["name"], "org", max_width=1000)
    page.text(x, 176, centre["unit"], "org_small", max_width=1050)
    page.text(x, 212, f"{centre['street']}, {centre['city']}", "org_small", max_width=1050)
    contact = f"Tel {sheet.phone(centre['phone'])}   Fax {sheet.phone(centre['fax'])}"
    page.text(x, 248, contact, "org_small", max_width=1050)
    page.text(x, 284, sheet.word("confidential"), "colhead")
    top = band_top
    sheet.rect(LEFT, top, RIGHT, top + 92, fill=sheet.colour, outline=None)
    page.faces["study"] = render.Face(page.faces["band_white"].path, 38, (255, 255, 255))
    page.text(LEFT + 24, top + 48, study["title"].upper(), "study", max_width=1400)
    page.text(LEFT + 24, top + 80, sheet.word("instrument"), "colhead_white", max_width=1400)
    protocol = f"Protocol {study['protocol']}   {study['irb']}"
    page.text(RIGHT - 24, top + 44, protocol, "colhead_white", anchor="rs")
    page.text(RIGHT - 24, top + 80, study["version"], "colhead_white", anchor="rs")
    return top + 92


def _cover(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The identification panel at the top right; its bottom."""
    page = sheet.page
    rows: list[tuple[str, str]] = [
        ("pid", _text(extras.get("participant_id"))),
        ("site", _text(extras.get("site"))),
        ("interviewer", _text(extras.get("interviewer"))),
        ("interviewer_id", _text(extras.get("interviewer_id"))),
    ]
    if sheet.style["date_place"] == "cover":
        rows.insert(1, ("interview_date", sheet.date(fields.get("record_date"))))
    x0, top = 1380.0, 60.0
    bottom = top + 64 + len(rows) * 48
    common.box(page, x0, top, RIGHT, bottom, width=2.5)
    sheet.rect(x0, top, RIGHT, top + 44, fill=sheet.tint, outline=None)
    page.text(x0 + 18, top + 32, sheet.word("ident"), "colhead")
    value_x = x0 + 18 + max(page.width(sheet.word(key), "cap") for key, _ in rows) + 20
    for k, (key, value) in enumerate(rows):
        base = top + 94 + k * 48
        page.text(x0 + 18, base, sheet.word(key), "cap")
        sheet.line(value_x, base + 8, RIGHT - 20, base + 8, width=1.5, fill=HAIR)
        if value:
            page.text(value_x + 12, base, value, "value", max_width=RIGHT - value_x - 44, size=36)
    return bottom


def _visit_record(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """Up to three visits, one a column: the one whose result is 1 holds the record date."""
    page = sheet.page
    label_w = 300.0
    col_w = (RIGHT - LEFT - label_w) / 3
    bottom = top + 190
    common.box(page, LEFT, top, RIGHT, bottom, width=2.5)
    sheet.rect(LEFT, top, RIGHT, top + 46, fill=sheet.tint, outline=None)
    page.text(LEFT + 18, top + 33, sheet.word("visits"), "colhead", max_width=label_w - 20)
    dates = [*(extras.get("visit_dates") or []), fields.get("record_date") or ""]
    results = list(extras.get("visit_results") or ["1"])
    for k in range(3):
        x = LEFT + label_w + col_w * k
        page.text(x + col_w / 2, top + 33, f"{sheet.word('visit')} {k + 1}", "cap", anchor="ms")
        sheet.line(x, top, x, bottom - 40, width=1.5, fill=HAIR)
    for j, key in enumerate(("visit_date", "visit_result")):
        base = top + 90 + j * 48
        page.text(LEFT + 18, base, sheet.word(key), "cap", max_width=label_w - 30)
        sheet.line(LEFT, base + 12, RIGHT, base + 12, width=1, fill=HAIR)
        for k, (when, result) in enumerate(zip(dates[:3], results, strict=False)):
            text = sheet.date(when) if j == 0 else result
            cx = LEFT + label_w + col_w * (k + 0.5)
            if text:
                page.text(cx, base, text, "value", anchor="ms", max_width=col_w - 20, size=36)
    key = sheet.word("result_key")
    page.text(LEFT + 18, bottom - 12, key, "cap", max_width=RIGHT - LEFT - 36)
    return bottom


def _yes_no(sheet: _Sheet, chosen: str | None, *, dk: bool = False, skip_no: str = "") -> _Codes:
    options = [("yes", sheet.word("yes"), "1"), ("no", sheet.word("no"), "2")]
    if dk:
        options.append(("unsure", sheet.word("dk"), "8"))
    return _Codes(tuple(options), chosen, {"no": skip_no} if skip_no else {})


def _measure(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str, written: bool) -> str:
    value = fields.get(name)
    if value is None:
        return ""
    unit = _text(extras.get(f"{name}_unit")) if written else ""
    return f"{render.format_number(value)} {unit}".strip()


def _unit_codes(extras: Mapping[str, Any], name: str, units: tuple[str, str]) -> _Codes:
    unit = _text(extras.get(f"{name}_unit")).lower().rstrip("s")
    chosen = unit if unit in units else None
    return _Codes(((units[0], units[0].upper(), "1"), (units[1], units[1].upper(), "2")), chosen)


def _list_lines(sheet: _Sheet, items: Sequence[str] | None) -> list[str]:
    text = ", ".join(items or [])
    return render.wrap(sheet.page, text, "value", COLS[3] - COLS[1] - 80) if text else []


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    word = sheet.word
    panel = _cover(sheet, fields, extras)
    top = _letterhead(sheet, compact=False, band_top=max(300.0, panel + 20))
    if style["date_place"] == "visits":
        top = _visit_record(sheet, fields, extras, top + 20)
    grid = _Grid(sheet, top + 24)
    numbers = grid.numbers
    grid.head()
    grid.bar(1)
    if style["date_place"] == "question":
        grid.row("date", "q_date", [_Line(sheet.date(fields.get("record_date")))])
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        grid.row("name", "q_name", [_Line(given, word("first")), _Line(surname, word("last"))])
    else:
        grid.row("name", "q_name", [_Line(name)])
    grid.row("dob", "q_dob", [_Line(sheet.date(fields.get("birth_date"), short_year=False))])
    if style["asked"]["age"]:
        grid.row("age", "q_age", [_Line(_text(extras.get("age")))])
    if style["asked"]["sex"]:
        sexes = (("male", word("male"), "1"), ("female", word("female"), "2"))
        grid.row("sex", "q_sex", [_Codes(sexes, extras.get("sex"), across=True)])
    if style["address_mode"] == "rows":
        lines = common.address_lines(fields, extras)
        rows: list[_Item] = [
            _Line(_text(lines[0]), word("street")),
            _Line(_text(lines[1]), word("city")),
            _Line(_text(lines[2]), word("country")),
        ]
        grid.row("address", "q_address", rows)
    else:
        grid.row("address", "q_address", [], wide=[_text(fields.get("address"))], wide_rules=1)
    grid.row("phone", "q_phone", [_Line(sheet.phone(fields.get("phone")))])
    if style["asked"]["mobile"]:
        mobile = _yes_no(sheet, extras.get("mobile"))
        grid.row("mobile", "q_mobile", [_Codes(mobile.options, mobile.chosen, across=True)])
    grid.bar(2)
    contact: list[_Item] = [
        _Line(_text(fields.get("emergency_contact_name")), word("contact_name")),
        _Line(_text(extras.get("relation")), word("relation")),
    ]
    grid.row("contact", "q_contact", contact)
    phones: list[_Item] = [
        _Line(sheet.phone(fields.get("emergency_contact_phone")), word("home")),
        _Line(sheet.phone(extras.get("emergency_work_phone")), word("other")),
    ]
    grid.row("contact_phone", "q_contact_phone", phones)
    address = [_text(fields.get("emergency_contact_address"))]
    grid.row("contact_address", "q_contact_address", [], wide=address, wide_rules=1)
    grid.bar(3)
    chosen = {
        name: "unsure" if extras.get(f"{name}_unsure") else fields.get(name)
        for name in ("chicken_pox", "measles")
    }
    if style["immunity_mode"] == "grid":
        grid.immunity(list(chosen.items()))
    else:
        options = (
            ("immune", word("immune"), "1"),
            ("not immune", word("not_immune"), "2"),
            ("unsure", word("dk"), "8"),
        )
        for name, answer in chosen.items():
            disease = "chickenpox (varicella)" if name == "chicken_pox" else "measles"
            asked = word("q_disease").format(disease)
            grid.row(name, "", [_Codes(options, answer)], text=asked)
    hep = fields.get("hepatitis_b_vaccination")
    hep = "unsure" if extras.get("hepatitis_b_vaccination_unsure") else hep
    grid.row("hep_b", "q_hep_b", [_yes_no(sheet, hep, dk=True)])
    problems = fields.get("medical_problems")
    answer = None if problems is None else ("yes" if problems else "no")
    skip = [_yes_no(sheet, answer, skip_no=numbers["measures"])]
    grid.row("conditions", "q_conditions", skip)
    grid.row("which", "q_which", [], wide=_list_lines(sheet, problems), wide_rules=2)
    grid.bar(4)
    coded = style["unit_mode"] == "coded"
    measures: list[_Item] = []
    for name, units in (("weight", ("kg", "lb")), ("height", ("cm", "in"))):
        value = _measure(fields, extras, name, not coded)
        codes = _unit_codes(extras, name, units) if coded else None
        measures.append(_Line(value, word(name), codes))
    grid.row("measures", "q_measures", measures)
    grid.close()
    if grid.y > FOOT - 20:  # never: every form's page 1 fits
        raise ValueError(f"page 1 of the questionnaire runs into its foot ({grid.y:.0f})")
    sheet.fine_print(word("fine"), 1)
    return sheet.page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    top = _letterhead(sheet, compact=True)
    base = top + 70
    end = page.text(LEFT, base, word("pid"), "cap")
    sheet.write(end + 12, LEFT + 900, base, _text(extras.get("participant_id")))
    grid = _Grid(sheet, base + 50)
    numbers = grid.numbers
    grid.head()
    grid.bar(5)
    insured = [_yes_no(sheet, fields.get("has_insurance"), skip_no=numbers["allergic"])]
    grid.row("insured", "q_insured", insured)
    kinds = (
        ("private", word("private"), "1"),
        ("medicare", word("medicare"), "2"),
        ("medicaid", word("medicaid"), "3"),
        ("other", word("other_kind"), "6"),
    )
    grid.row("kind", "q_kind", [_Codes(kinds, extras.get("coverage"))])
    grid.row("company", "q_company", [_Line(_text(fields.get("insurance_company")))])
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    grid.row("policy", "q_policy", [_Line(_text(policy))])
    grid.row("group", "q_group", [_Line(_text(extras.get("group")))])
    street, comma, city = _text(fields.get("insurance_address")).partition(", ")
    claims: list[_Item] = [
        _Line(street, word("claims_street")),
        _Line(city if comma else "", word("claims_city")),
    ]
    grid.row("claims", "q_claims", claims)
    grid.row("expiry", "q_expiry", [_Line(sheet.date(fields.get("insurance_expiry")))])
    grid.bar(6)
    allergies = fields.get("allergies")
    answer = None if allergies is None else ("yes" if allergies else "no")
    grid.row("allergic", "q_allergic", [_yes_no(sheet, answer, skip_no=numbers["takes"])])
    grid.row("allergies", "q_allergies", [], wide=_list_lines(sheet, allergies), wide_rules=2)
    meds = fields.get("regular_medication")
    answer = None if meds is None else ("yes" if meds else "no")
    grid.row("takes", "q_takes", [_yes_no(sheet, answer, skip_no=word("end_short"))])
    if style["meds_mode"] == "lines":
        grid.row("meds", "q_meds", [], wide=_list_lines(sheet, meds), wide_rules=2)
    else:
        grid.row("meds", "q_meds", [])
        grid.y = _roster(sheet, meds or [], extras.get("med_rows") or [], grid.y)
    grid.close()
    if grid.y > 2660:  # never: the end of the interview always has its room
        raise ValueError(f"page 2 of the questionnaire runs into its end block ({grid.y:.0f})")
    _end_block(sheet, extras, grid.y + 70)
    sheet.fine_print(word("fine"), 2)
    return page.image


def _roster(sheet: _Sheet, meds: Sequence[str], rows: Sequence[Sequence[str]], top: float) -> float:
    """The numbered medicine roster across the grid; its bottom."""
    page = sheet.page
    xs = (COLS[0], COLS[1], 1500.0, 1820.0, COLS[-1])
    heads = ("", "med_name", "med_times", "med_for")
    head_bottom = top + 50
    sheet.rect(COLS[0], top, COLS[-1], head_bottom, fill=sheet.tint, outline=None)
    for key, x0, x1 in zip(heads, xs, xs[1:], strict=False):
        if key:
            page.text(x0 + 16, top + 36, sheet.word(key), "cap", max_width=x1 - x0 - 24)
    row_h = 76.0
    for k in range(4):
        base = head_bottom + (k + 1) * row_h - 22
        page.text(COLS[0] + 30, base, f"{k + 1}", "cat")
        if k < len(meds):
            detail = list(rows[k]) if k < len(rows) else ["", ""]
            for text, x0, x1 in zip((meds[k], *detail), xs[1:], xs[2:], strict=False):
                if text:
                    page.text(x0 + 16, base, text, "value", max_width=x1 - x0 - 30)
        sheet.line(COLS[0], base + 22, COLS[-1], base + 22, width=1.5, fill=HAIR)
    bottom = head_bottom + 4 * row_h
    for x in xs:
        width = 3.0 if x in (COLS[0], COLS[-1]) else 1.5
        sheet.line(x, top, x, bottom, width=width, fill=INK_DARK if width > 2 else HAIR)
    return bottom


def _end_block(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> None:
    """The end of the interview and the office's review strip."""
    page = sheet.page
    word = sheet.word
    page.text(LEFT, top + 40, word("sec_end"), "band_colour")
    base = top + 120
    end = page.text(LEFT, base, word("end_time"), "instr")
    sheet.write(end + 20, end + 300, base, _text(extras.get("end_time")))
    page.text(end + 320, base, "HR : MIN", "cap")
    base += 90
    end = page.text(LEFT, base, word("remarks"), "cap")
    sheet.write(end + 16, RIGHT, base, _text(extras.get("remarks")))
    base += 110
    common.box(page, LEFT, base - 66, RIGHT, base + 44, width=2)
    strip = (
        ("reviewed", _text(extras.get("reviewer")), sheet.date(extras.get("reviewed_on"))),
        ("entered", _text(extras.get("keyed_by")), sheet.date(extras.get("keyed_on"))),
    )
    half = (RIGHT - LEFT) / 2
    for k, (key, who, when) in enumerate(strip):
        x0 = LEFT + 20 + k * half
        end = page.text(x0, base, word(key), "cap")
        sheet.write(end + 10, x0 + half * 0.55, base, who)
        end = page.text(x0 + half * 0.58, base, word("on_date"), "cap")
        sheet.write(end + 10, x0 + half - 40, base, when)


# --- prescription ---------------------------------------------------------------------------


def _heart(sheet: _Sheet, cx: float, cy: float, r: float) -> None:
    """The practice's emblem: a heart crossed by a pulse line."""
    page = sheet.page
    outline = []
    for k in range(60):
        t = 2 * math.pi * k / 60
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        outline.append((page.px(cx + x * r / 17), page.px(cy - y * r / 17)))
    page.draw.polygon(outline, fill=sheet.colour)
    pulse = [
        (-1.2, 0.0),
        (-0.4, 0.0),
        (-0.25, -0.45),
        (-0.05, 0.5),
        (0.15, -0.2),
        (0.3, 0.0),
        (1.2, 0.0),
    ]
    sheet.line(cx - 1.3 * r, cy, cx - 0.7 * r, cy, width=5, fill=sheet.colour)
    points = [(page.px(cx + dx * r * 0.7), page.px(cy + dy * r)) for dx, dy in pulse]
    page.draw.line(points, fill=(255, 255, 255), width=max(1, page.px(6)), joint="curve")


def _time_icon(sheet: _Sheet, kind: int, cx: float, cy: float) -> None:
    """Small symbols over the schedule's columns: sunrise, sun, sunset, moon."""
    page = sheet.page
    r = 16.0
    colour = sheet.colour
    if kind == 3:  # a crescent moon
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=colour
        )
        page.draw.ellipse(
            [page.px(cx - r + 9), page.px(cy - r - 5), page.px(cx + r + 9), page.px(cy + r - 5)],
            fill=sheet.tint,
        )
        return
    page.draw.ellipse(
        [
            page.px(cx - r * 0.7),
            page.px(cy - r * 0.7),
            page.px(cx + r * 0.7),
            page.px(cy + r * 0.7),
        ],
        fill=colour,
    )
    for k in range(8):
        a = k * math.pi / 4
        sheet.line(
            cx + math.cos(a) * r,
            cy + math.sin(a) * r,
            cx + math.cos(a) * r * 1.45,
            cy + math.sin(a) * r * 1.45,
            width=3,
            fill=colour,
        )
    if kind in (0, 2):  # the horizon across a rising or setting sun
        sheet.rect(cx - r * 1.7, cy + 1, cx + r * 1.7, cy + r * 1.6, fill=sheet.tint, outline=None)
        sheet.line(cx - r * 1.7, cy + 2, cx + r * 1.7, cy + 2, width=3, fill=colour)


def _rx_head(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    """The practice and the prescriber (or the physicians); the bottom of the head."""
    page = sheet.page
    style = sheet.style
    practice = style["practice"]
    _heart(sheet, LEFT + 52, 170, 50)
    x = LEFT + 130
    room = 1150.0
    page.text(x, 160, practice["name"], "org", max_width=room)
    page.text(x, 202, practice["services"], "org_small", max_width=room)
    page.text(x, 240, f"{practice['street']}, {practice['city']}", "org_small", max_width=room)
    contact = f"Tel {sheet.phone(practice['phone'])}   Fax {sheet.phone(practice['fax'])}"
    page.text(x, 278, contact, "org_small", max_width=room)
    bottom = 300.0
    if style["head"] == "single":
        page.text(RIGHT, 160, _text(fields.get("prescriber")), "doc", anchor="rs", max_width=800)
        page.text(RIGHT, 202, style["board"], "org_small", anchor="rs", max_width=800)
        page.text(RIGHT, 240, f"NPI {extras['npi']}", "org_small", anchor="rs")
    else:
        names = sorted({*extras.get("physicians", []), _text(fields.get("prescriber"))})
        page.text(RIGHT, 130, sheet.word("physicians").upper(), "colhead", anchor="rs")
        for k, name in enumerate(names):
            page.text(RIGHT, 170 + 36 * k, name, "org_small", anchor="rs", max_width=700)
        bottom = max(bottom, 170 + 36 * len(names) - 10)
    sheet.line(LEFT, bottom + 16, RIGHT, bottom + 16, width=5, fill=sheet.colour)
    return bottom + 16


def _patient_block(sheet: _Sheet, fields: Mapping[str, Any], top: float) -> float:
    """The unlabelled name and address, in a mailer's window or a framed panel; the bottom."""
    page = sheet.page
    style = sheet.style
    practice = style["practice"]
    x0, x1 = LEFT + 30, LEFT + 1100
    y0, y1 = top + 60, top + 400
    name = _text(fields.get("patient_name"))
    street, comma, city = _text(fields.get("patient_address")).partition(", ")
    lines = [name, street, city if comma else ""]
    if style["window"] == "window":
        for cx, cy, dx, dy in ((x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)):
            sheet.line(cx, cy, cx + 40 * dx, cy, width=2, fill=SOFT)
            sheet.line(cx, cy, cx, cy + 40 * dy, width=2, fill=SOFT)
        back = f"{practice['name']} · {practice['street']} · {practice['city']}"
        end = page.text(x0 + 30, y0 + 50, back, "fine", max_width=x1 - x0 - 60)
        sheet.line(x0 + 30, y0 + 58, end, y0 + 58, width=1, fill=SOFT)
        base = y0 + 140
    else:
        sheet.rect(x0, y0, x1, y1, fill=None, outline=sheet.colour, width=3)
        sheet.rect(x0, y0, x0 + 260, y0 + 52, fill=sheet.colour, outline=None)
        page.text(x0 + 20, y0 + 38, sheet.word("patient"), "colhead_white")
        base = y0 + 140
    for line in lines:
        if line:
            page.text(x0 + 50, base, line, "value", max_width=x1 - x0 - 90)
        base += 78
    sheet.line(0, 1100, 40, 1100, width=2, fill=SOFT)  # the fold mark at the page's edge
    return y1


def _info_block(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> None:
    """Short label / value rows at the right of the patient."""
    page = sheet.page
    rows = [
        ("patient_no", _text(extras.get("patient_no"))),
        ("dob", sheet.date(extras.get("patient_dob"), short_year=False)),
        ("phone", sheet.phone(extras.get("patient_phone"))),
    ]
    if sheet.style["date_place"] == "block":
        rows.insert(0, ("date", sheet.date(fields.get("date"))))
    x0, value_x = 1400.0, 1760.0
    base = top + 130
    for key, value in rows:
        page.text(x0, base, sheet.word(key), "key", max_width=value_x - x0 - 30)
        sheet.write(value_x - 14, RIGHT, base, value)
        base += 80


def _schedule(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The ℞ and the medication schedule; the table's bottom."""
    page = sheet.page
    style = sheet.style
    rx = fonts.RX_GLYPH if style.get("rx_font") else "Rx"
    page.add_face("rx", str(style["rx_font"] or style["title_font"]), 96, bold=rx == "Rx")
    page.text(LEFT, top + 96, rx, "rx")
    x0 = LEFT + 150
    times = sheet.word("times").split("|")
    time_w = 150.0
    qty_w = 150.0
    reason_w = 300.0 if style["reason_column"] else 0.0
    med_right = RIGHT - 4 * time_w - qty_w - reason_w
    xs = [x0, med_right] + [med_right + time_w * (k + 1) for k in range(4)]
    xs.append(xs[-1] + qty_w)
    if reason_w:
        xs.append(RIGHT)
    head_h = 104.0 if style["icons"] else 62.0
    sheet.rect(x0, top, RIGHT, top + head_h, fill=sheet.tint, outline=None)
    head_base = top + head_h - 18
    page.text(x0 + 16, head_base, sheet.word("med"), "colhead", max_width=med_right - x0 - 30)
    for k, text in enumerate(times):
        cx = med_right + time_w * (k + 0.5)
        if style["icons"]:
            _time_icon(sheet, k, cx, top + 34)
        page.text(cx, head_base, text, "cap", anchor="ms", max_width=time_w - 12)
    page.text(
        xs[5] + qty_w / 2, head_base, sheet.word("qty"), "cap", anchor="ms", max_width=qty_w - 12
    )
    if reason_w:
        page.text(xs[6] + 16, head_base, sheet.word("reason"), "cap", max_width=reason_w - 24)
    medicines: Sequence[str] = fields.get("medicines") or []
    plans: Sequence[Sequence[str]] = extras.get("schedule") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    reasons: Sequence[str] = extras.get("reasons") or []
    row_h = 108.0
    rows = max(int(style["rows"]), len(medicines))
    for k in range(rows):
        base = top + head_h + (k + 1) * row_h - 30
        sheet.line(x0, base + 30, RIGHT, base + 30, width=1.5, fill=HAIR)
        if k >= len(medicines):
            continue
        page.text(x0 + 16, base, medicines[k], "value", max_width=med_right - x0 - 30)
        plan = plans[k] if k < len(plans) else []
        for j, dose in enumerate(plan[:4]):
            if dose:
                page.text(med_right + time_w * (j + 0.5), base, dose, "value", anchor="ms")
        if k < len(quantities) and quantities[k]:
            page.text(
                xs[5] + qty_w / 2, base, quantities[k], "value", anchor="ms", max_width=qty_w - 16
            )
        if reason_w and k < len(reasons) and reasons[k]:
            page.text(xs[6] + 14, base, reasons[k], "value", max_width=reason_w - 24)
    bottom = top + head_h + rows * row_h
    sheet.line(x0, top, RIGHT, top, width=3, fill=sheet.colour)
    sheet.line(x0, bottom, RIGHT, bottom, width=3, fill=sheet.colour)
    for x in xs[1:-1]:
        sheet.line(x, top, x, bottom, width=1.5, fill=HAIR)
    return bottom


def _refills(sheet: _Sheet, refills: Any, base: float) -> None:
    page = sheet.page
    mode = sheet.style["refill_mode"]
    if mode == "sentence":
        before, after = sheet.word("refill_sentence").split("|")
        end = page.text(LEFT, base, before, "key")
        sheet.write(end + 14, end + 200, base, _text(refills))
        page.text(end + 216, base, after, "key")
        return
    end = page.text(LEFT, base, f"{sheet.word('refills')}:", "key")
    if mode == "line":
        sheet.write(end + 14, end + 220, base, _text(refills))
        return
    tokens = [(t, t) for t in ("0", "1", "2", "3", "4", "5", "PRN")]
    chosen = _text(refills) or None
    x = common.options_with_boxes(
        page, end + 30, base, tokens, chosen, mark=sheet.style["mark"], face="q", gap=26
    )
    end = page.text(x + 10, base, sheet.word("other"), "q")
    written = _text(refills) if chosen not in {t for t, _ in tokens} else ""
    sheet.write(end + 10, end + 150, base, written)


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    top = _rx_head(sheet, fields, extras)
    bottom = _patient_block(sheet, fields, top)
    _info_block(sheet, fields, extras, top)
    base = bottom + 110
    page.text(LEFT, base, word("title"), "title", max_width=RIGHT - LEFT)
    bottom = _schedule(sheet, fields, extras, base + 44)
    # the directions
    base = bottom + 110
    end = page.text(LEFT, base, f"{word('directions')}:", "key")
    text = _text(fields.get("directions"))
    first = render.wrap(page, text, "value", RIGHT - end - 60)[:1] if text else []
    rest = text[len(first[0]) :].strip() if first else ""
    more = render.wrap(page, rest, "value", RIGHT - LEFT - 60) if rest else []
    count = max(int(style["direction_rules"]), 1 + len(more))
    for k in range(count):
        x0 = end + 14 if k == 0 else LEFT
        line = first[0] if k == 0 and first else (more[k - 1] if 0 < k <= len(more) else "")
        sheet.write(x0, RIGHT, base + k * 92, line)
    base += count * 92 + 60
    _refills(sheet, fields.get("refills"), base)
    options = [("generic", word("generic")), ("brand", word("brand"))]
    common.options_with_boxes(
        page,
        LEFT,
        base + 90,
        options,
        extras.get("substitution"),
        mark=style["mark"],
        face="q",
        gap=60,
    )
    base += 240
    if style["readings"]:
        _readings(sheet, extras, base)
    else:
        _next_visit(sheet, extras, LEFT, base)
    # the signature and, per form, the date and the handwritten prescriber
    base = 2900.0
    sheet.line(LEFT, base + 12, LEFT + 1100, base + 12, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 90, LEFT + 650, base, sheet.ink())
    page.text(LEFT, base + 46, word("signature"), "note")
    if style["date_place"] == "foot":
        end = page.text(1450, base, f"{word('date')}:", "key")
        sheet.write(end + 14, RIGHT, base, sheet.date(fields.get("date")))
    if style["head"] == "group":
        base += 140
        end = page.text(LEFT, base, word("prescriber"), "key")
        sheet.write(end + 24, 1500, base, _text(fields.get("prescriber")))
        page.text(1560, base, f"NPI {extras['npi']}", "org_small")
    sheet.fine_print(word("fine"), None)
    return page.image


def _readings(sheet: _Sheet, extras: Mapping[str, Any], top: float) -> None:
    """Today's readings in a framed box at the left, the next visit beside it."""
    page = sheet.page
    x1 = LEFT + 900
    common.box(page, LEFT, top, x1, top + 240, width=2)
    page.text(LEFT + 20, top + 44, sheet.word("readings"), "colhead")
    cells = (("bp", "bp"), ("pulse", "pulse"), ("weight", "weight_today"), ("inr", "inr"))
    for k, (key, name) in enumerate(cells):
        x = LEFT + 20 + (k % 2) * 440
        base = top + 120 + (k // 2) * 80
        end = page.text(x, base, sheet.word(key), "q")
        sheet.write(end + 10, x + 400, base, _text(extras.get(name)))
    _next_visit(sheet, extras, x1 + 80, top + 44)


def _next_visit(sheet: _Sheet, extras: Mapping[str, Any], x: float, base: float) -> None:
    page = sheet.page
    end = page.text(x, base, f"{sheet.word('next')}:", "key")
    sheet.write(end + 14, min(end + 560, RIGHT), base, sheet.date(extras.get("next_visit")))
    base += 90
    end = page.text(x, base, sheet.word("labs"), "q")
    chosen = set(extras.get("labs") or [])
    lx = end + 30
    for k, lab in enumerate(LABS):
        if lx + 60 + page.width(lab, "q") > RIGHT:
            lx, base = x + 30, base + 70
        checked = lab in chosen
        box_end = common.checkbox(
            page, lx, base + 2, checked=checked, mark=sheet.style["mark"], side=32
        )
        lx = page.text(box_end + 12, base, lab, "q") + 40
        del k


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
