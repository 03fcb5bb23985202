"""A counselling centre's client intake packet and a dermatology practice's prescription blank.

Written blind as the held-out family of round 19 (then called ``heldout``): its author never
read the reader.

Neither document is a general practice's registration sheet or a doctor's pad. The record is the
intake packet a community counselling and behavioural health centre mails to a new client, worded
for the client in the first person; the prescription is the printed blank of a dermatology
practice, with a table of topical and oral medicines and a body map on which the dermatologist
marks the areas to treat.

Patient record (two pages). The printed form is in one colour per form (sage, dusk blue, plum,
terracotta or slate teal); labels are drawn per form from synonym lists.

* Page 1 head: a centred letterhead (an emblem of two interlocking rings, the centre's name, a
  tagline, the street and city, and a line with telephone, fax and web address: distractors),
  then a full-width pale title band with the form's title at the left and, on the forms with the
  date "in the head", ``Today's date`` (or a synonym) and the record date written on a blank at
  its right. A short confidentiality note follows.
* Sections are headed per form by a coloured dot with the title beside it and a thin rule, by the
  title in coloured capitals underlined only under itself, or by a pale full-width band holding
  the title.
* *About you* and *emergency contact* are **fill-in-the-blank prose**: printed sentences with
  blanks inside them, flowing and wrapping like a paragraph, so a value has printed words both
  before and after it ("My full name is ____, but I prefer to be called ____."). A blank is a
  rule or a pale shaded strip, per form; some blanks carry a small caption under them
  (``(street)``, ``(city, state, ZIP)``, ``(country)``, ``(relationship)``, ``(home)``,
  ``(work / cell)``). Every blank has a fixed width per form (the value shrinks to fit it), so
  the printed geometry of a form never depends on what is written.

  - On the forms with the date "in the prose", the paragraph opens with ``Today's date is ____``
    (the record date).
  - The name as one blank, or ``My last name is ____ and my first name (and initial) is ____``
    (the truth is ``First M. Last``); then a preferred name (a distractor, sometimes blank).
  - The date of birth, the age (a distractor), the height and the weight (the unit written after
    the number, or none).
  - The address as one blank (street, city line and country on one line) or as three captioned
    blanks, street, city line and country (the truth joins the written parts with ``", "``).
  - The best telephone number (``phone``) and a "may we leave a message?" Yes / No choice set
    inline in the sentence (a distractor), then the occupation (a distractor).
  - The emergency contact: the name, the relationship (a distractor), the home telephone
    (``emergency_contact_phone``, captioned ``(home)``), a work / cell number (a distractor) and
    the contact's address on one blank.

* *Physical health*: a prose line naming the primary care provider and his or her telephone
  (distractors); the medical conditions written comma-separated over two full-width rules (the
  document's word for none, or nothing, for the empty list); then an immunization table of rows
  (chickenpox, measles) with the options ``Immune`` / ``Not immune`` / ``Not sure`` in aligned
  columns, marked with a ticked or crossed box or ringed by hand, per form, and the hepatitis B
  series question with ``Yes`` / ``No`` / ``Not sure``. A "not sure" answer, or none, leaves the
  field out.
* On most forms, *what brings you here*: a grid of concerns with boxes, some ticked, and an
  "Other" blank (distractors). On some forms a two-week symptom screen follows (four statements,
  the columns ``0`` to ``3`` with one ringed per row, distractors).
* The foot of page 1: on the forms with the date "at the foot", the client's signature and the
  date (the record date); then a dashed *office use* box with the client number, the clinician
  assigned and the first appointment date (distractors, written by the staff). The form code and
  page number are fine print.

Page 2: a compact head (the centre's name, the title and "continued"), and a running line with the
client's name and the client number again.

* *Insurance*: "Will you use health insurance ...?" with Yes / No options (``has_insurance``; no
  answer leaves it out). Then either a drawing of the insurance card's **front and back** (two
  rounded rectangles side by side, as the client copies the card onto them): the front holds the
  insurance company, the member ID (the policy number, separators as written), the group number,
  the subscriber and the copay (distractors) and the date the coverage is valid through
  (``insurance_expiry``); the back holds the claims address (``insurance_address``, written over
  two rules, broken after the street), the member services telephone and the payer ID
  (distractors). Or, per form, the same in fill-in-the-blank prose ("My insurance company is
  ____ and my member ID is ____ ...").
* *Allergies and medications*: a "no known allergies" box, ticked for none, or the document's
  word for none written on the allergy blank, per form; otherwise the allergies comma-separated.
  The regular medications either as a ruled table of medicine, prescribed by and reason (the
  truth is the medicine column; the second and third columns are distractors) or one
  comma-separated blank over two rules; for none, an "I take no medicines" box ticked, or the
  document's word for none.
* A consent paragraph, the client's signature with the date signed (a distractor date) and the
  clinician's review line with a name and a date (distractors).

Prescription (one page): a dermatology practice's printed prescription blank.

* Head, per form: the practice (an emblem of a disc with three white layer bars, its name, a
  line of services, street and city, telephone and fax: distractors) at the left and the
  prescriber's block at the right (``prescriber`` as printed with its titles, a board line and
  the NPI and DEA numbers), or the practice centred with the prescriber's block centred under it,
  or the practice alone (then the prescriber's name is typed under the signature rule, or
  written by hand on a "prescriber (print)" blank at the foot).
* The patient block: name, date of birth (a distractor), the date (``date``, at the top right on
  the forms with the date "at the top"), address (``patient_address``), telephone and allergies
  (distractors); labels left of their blanks.
* The ℞ (or a bold ``Rx``) over a ruled medication table: ``Medication, strength & form``
  (each row one ``medicines`` entry), ``Qty`` and ``Apply to`` columns (the last two
  distractors: ``30 g``, ``#30``, ``scalp``); on most forms a framed body map at the right of the
  table (front and back outlines, the areas to treat marked by hand, and the Fitzpatrick skin
  type ``I`` to ``VI`` with one ringed: distractors).
* Directions (``Directions for use``, ``Sig`` or ``Instructions``) over three or four rules.
* Refills, per form: ``0 1 2 3 4 5 PRN`` with a box ticked (a larger number written after
  "Other"), the same ringed by hand, or the number written on a blank; beside it "Substitution
  permitted" / "Dispense as written" boxes (a distractor).
* The signature rule with a scribble; the date beside it on the forms with the date "at the
  foot"; the prescriber's typed or handwritten name on the forms whose head does not print it.
  Fine print at the very foot.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
FOOT = 3150.0  # no text but fine print below this baseline
DARK = (25, 25, 25)
GREY = (95, 95, 95)
RULE = (140, 140, 140)

# fmt: off
COLOURS = ([92, 128, 96], [52, 78, 132], [112, 52, 104], [168, 84, 52], [44, 104, 112])
CENTRE_PLACES = (
    "Cedar Valley", "Brightwater", "Hillcrest", "Old Mill", "Lakeside", "Greenway", "Northfield",
    "Maple Grove", "Harbor Light", "Stillwater", "Sunridge", "Pinecrest",
)
CENTRE_KINDS = (
    "Counseling Center", "Behavioral Health", "Center for Mental Wellness",
    "Family Counseling Services", "Psychological Services", "Community Counseling",
)
TAGLINES = (
    "Individual, couples & family counseling", "Therapy · Psychiatry · Recovery support",
    "Integrated behavioral health care", "Counseling for adults, teens and families",
)
OCCUPATIONS = (
    "Teacher", "Nurse", "Retired", "Student", "Electrician", "Cashier", "Accountant", "Driver",
    "Homemaker", "Engineer", "Chef", "Mechanic", "Paralegal", "Sales associate", "Unemployed",
    "Warehouse worker", "Hair stylist", "Social worker", "Carpenter", "Pharmacist",
)
RELATIONS = ("Wife", "Husband", "Partner", "Mother", "Father", "Sister", "Brother", "Daughter",
             "Son", "Friend", "Roommate", "Aunt", "Uncle", "Grandmother", "Cousin")
NICKNAMES = ("Sam", "Liz", "Alex", "Jo", "Max", "Bea", "Kit", "Ria", "Ben", "Tom", "Kate",
             "Nico", "Rob", "Tess", "Mo", "Jules", "Sunny", "Bo", "Dee", "Gus")
CONCERNS = (
    ("anxiety", "Anxiety or worry"), ("mood", "Low mood"), ("stress", "Stress"),
    ("sleep", "Sleep problems"), ("relationships", "Relationships"), ("grief", "Grief or loss"),
    ("substance", "Alcohol or drug use"), ("work", "Work or school"), ("anger", "Anger"),
    ("trauma", "Trauma"), ("parenting", "Parenting"), ("eating", "Eating concerns"),
)
OTHER_CONCERNS = ("Divorce", "New baby", "Moving", "Job loss", "Panic attacks", "Caregiving",
                  "Burnout", "Retirement", "Loneliness")
SCREEN = (
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Little interest or pleasure in doing things",
    "Feeling down, depressed or hopeless",
)
CLINICIANS = ("LCSW", "LPC", "PhD", "PsyD", "LMFT", "LMHC")
MED_REASONS = ("mood", "anxiety", "sleep", "blood pressure", "cholesterol", "pain", "thyroid",
               "diabetes", "stomach", "allergies", "focus", "heart")
PRACTICE_PLACES = ("Lakeview", "Summit", "Bayshore", "Riverbend", "Westgate", "Oak Park",
                   "Sandpoint", "Meridian", "Clearbrook", "Kingsley")
PRACTICE_KINDS = ("Dermatology", "Dermatology & Skin Surgery", "Skin & Laser Center",
                  "Dermatology Associates", "Skin Health Clinic")
DERM_SERVICES = ("Medical · Surgical · Cosmetic Dermatology",
                 "Skin cancer screening & Mohs surgery", "Adult & pediatric dermatology",
                 "Acne · Eczema · Psoriasis · Skin cancer")
BOARD_LINES = ("Board-certified dermatologist", "Diplomate, American Board of Dermatology",
               "Dermatology & dermatologic surgery")
# name, strengths, forms (topicals: vehicles; orals: tablet or capsule abbreviations)
TOPICALS = (
    ("Triamcinolone", ("0.025%", "0.1%", "0.5%"), ("cream", "ointment", "lotion")),
    ("Clobetasol", ("0.05%",), ("cream", "ointment", "solution", "foam")),
    ("Hydrocortisone", ("1%", "2.5%"), ("cream", "ointment")),
    ("Fluocinonide", ("0.05%",), ("cream", "gel", "ointment")),
    ("Desonide", ("0.05%",), ("cream", "lotion")),
    ("Mometasone", ("0.1%",), ("cream", "ointment")),
    ("Tretinoin", ("0.025%", "0.05%", "0.1%"), ("cream", "gel")),
    ("Adapalene", ("0.1%", "0.3%"), ("gel", "cream")),
    ("Clindamycin", ("1%",), ("gel", "lotion", "solution")),
    ("Mupirocin", ("2%",), ("ointment", "cream")),
    ("Ketoconazole", ("2%",), ("cream", "shampoo")),
    ("Metronidazole", ("0.75%", "1%"), ("gel", "cream")),
    ("Tacrolimus", ("0.03%", "0.1%"), ("ointment",)),
    ("Calcipotriene", ("0.005%",), ("cream", "ointment")),
    ("Permethrin", ("5%",), ("cream",)),
    ("Fluorouracil", ("5%",), ("cream",)),
)
ORALS = (
    ("Doxycycline", ("50", "100"), "cap"), ("Minocycline", ("50", "100"), "cap"),
    ("Isotretinoin", ("20", "30", "40"), "cap"), ("Spironolactone", ("50", "100"), "tab"),
    ("Terbinafine", ("250",), "tab"), ("Valacyclovir", ("500", "1000"), "tab"),
    ("Cephalexin", ("500",), "cap"), ("Hydroxyzine", ("10", "25"), "tab"),
    ("Fluconazole", ("150",), "tab"), ("Cetirizine", ("10",), "tab"),
)
AREAS = ("face", "scalp", "both hands", "elbows and knees", "trunk", "back", "chest",
         "lower legs", "feet", "arms", "neck")
# where a body map marks an area: (figure: 0 front / 1 back, x and y in the figure's height)
AREA_MARKS: dict[str, tuple[tuple[int, float, float], ...]] = {
    "face": ((0, 0.0, 0.07),),
    "scalp": ((1, 0.0, 0.035),),
    "both hands": ((0, -0.2, 0.56), (0, 0.2, 0.56)),
    "elbows and knees": ((1, -0.17, 0.33), (1, 0.17, 0.33), (0, -0.065, 0.73), (0, 0.065, 0.73)),
    "trunk": ((0, 0.0, 0.36),),
    "back": ((1, 0.0, 0.3),),
    "chest": ((0, 0.0, 0.24),),
    "lower legs": ((0, -0.065, 0.84), (0, 0.065, 0.84)),
    "feet": ((0, -0.07, 0.975), (0, 0.07, 0.975)),
    "arms": ((0, -0.165, 0.36), (0, 0.165, 0.36)),
    "neck": ((0, 0.0, 0.15),),
}
TOPICAL_FREQS = ("once daily", "twice daily", "at bedtime", "every other night",
                 "twice daily on weekdays only", "three times a day")
ORAL_FREQS = ("once daily", "twice daily", "at bedtime", "every 12 hours", "every morning")
DERM_ADVICE = (
    "Use sunscreen every day", "Do not use on broken skin", "Moisturize after each application",
    "Avoid the eyes and lips", "Stop and call the office if irritation occurs",
    "Wash hands after each use", "Do not use more than two weeks in a row",
    "Avoid the face, groin and underarms",
)
FOLLOW_UPS = ("2w", "1m", "3m", "6m", "prn")
DIAGNOSES = (
    ("Acne vulgaris", "L70.0"), ("Atopic dermatitis", "L20.9"), ("Psoriasis", "L40.0"),
    ("Rosacea", "L71.9"), ("Seborrheic dermatitis", "L21.9"), ("Tinea pedis", "B35.3"),
    ("Contact dermatitis", "L25.9"), ("Actinic keratosis", "L57.0"), ("Herpes zoster", "B02.9"),
    ("Onychomycosis", "B35.1"), ("Scabies", "B86"), ("Urticaria", "L50.9"),
    ("Impetigo", "L01.00"), ("Hand eczema", "L30.9"),
)
ORAL_ADVICE = (
    "Use sunscreen every day", "Avoid alcohol while taking this medicine",
    "Stop and call the office if a rash or swelling occurs", "May cause drowsiness",
    "Take with food if it upsets your stomach", "Finish the full course",
)
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Client Intake Form",
        "New Client Information",
        "Adult Intake Questionnaire",
        "Client Registration & History",
    ),
    "confidential": ("CONFIDENTIAL", "PRIVATE & CONFIDENTIAL", "CONFIDENTIAL CLIENT RECORD"),
    "intro": (
        "Everything you write here is kept confidential and is shared only as described in our "
        "notice of privacy practices. Please fill in every blank you can; leave blank anything "
        "you would rather discuss in person.",
        "Please complete this packet before your first appointment and bring it with you. Your "
        "answers help your counselor get to know you. Skip any question you prefer not to "
        "answer.",
    ),
    "today_head": ("Today's date", "Date completed", "Date"),
    "today_prose": ("Today's date is", "I am filling in this form on"),
    "sec_you": ("About you", "Tell us about yourself", "Client information"),
    "name_one": ("My full name is", "My name is", "My legal name is"),
    "name_last": ("My last name is",),
    "name_first": ("and my first name (and initial) is", "and my first name and initial are"),
    "preferred": ("Please call me", "I prefer to be called", "I like to be called"),
    "born": ("I was born on", "My date of birth is"),
    "age": ("and I am",),
    "years": ("years old.",),
    "body": ("I am|tall and I weigh", "My height is|and my weight is", "I am|tall and weigh about"),
    "address_one": ("My home address is", "I live at"),
    "address_street": ("I live at", "My home address is"),
    "phone": (
        "The best number to reach me is",
        "You can reach me at",
        "My phone number is",
    ),
    "message": ("May we leave a message?", "OK to leave a voicemail?"),
    "occupation": ("I work as", "My occupation is", "My job is"),
    "sec_contact": ("Emergency contact", "Someone we can call", "In case of emergency"),
    "contact": (
        "In an emergency, please contact",
        "If you cannot reach me, please call",
        "The person to call in an emergency is",
    ),
    "who_is": ("who is my", "my"),
    "contact_phone": ("Their home phone is", "They can be reached at"),
    "contact_other": ("or", "and also at"),
    "contact_address": ("Their address is", "They live at"),
    "sec_health": ("Your physical health", "Health history", "Medical information"),
    "pcp": ("My primary care provider is", "My family doctor is"),
    "pcp_phone": ("phone", "tel."),
    "problems": (
        "Medical conditions I am being treated for (for example asthma, diabetes, seizures):",
        "Please list any ongoing medical problems:",
        "Physical health conditions (write none if there are none):",
    ),
    "immunity": (
        "Immunizations (check one in each row)",
        "Have you had, or been vaccinated against:",
    ),
    "chicken_pox": ("Chickenpox (varicella)", "Chicken pox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "immune": ("Immune",),
    "not_immune": ("Not immune",),
    "unsure": ("Not sure", "Don't know"),
    "hep_b": (
        "Have you completed the hepatitis B vaccine series?",
        "Hepatitis B vaccine, all doses received?",
    ),
    "yes": ("Yes",),
    "no": ("No",),
    "sec_concerns": ("What brings you here?", "Reason for seeking services", "Current concerns"),
    "concerns_q": (
        "Please check everything that applies:",
        "What would you like help with? (check all that apply)",
    ),
    "other": ("Other",),
    "screen_q": (
        "Over the last 2 weeks, how often have you been bothered by:",
        "In the past two weeks, how often have you had:",
    ),
    "screen_cols": (
        "0 = not at all · 1 = several days · 2 = more than half the days · 3 = nearly every day",
    ),
    "sign": ("Client signature", "Signature of client"),
    "sign_date": ("Date",),
    "office": ("FOR OFFICE USE ONLY", "OFFICE USE"),
    "client_no": ("Client #", "Chart #", "Client ID"),
    "clinician": ("Clinician", "Therapist assigned", "Counselor"),
    "first_appt": ("First appt.", "Intake appt.", "First session"),
    "form": ("Form CI-1 rev. 2022", "INTAKE-A (04/2021)", "BH-100 rev. 09/2023", "CC-7 2020"),
    "continued": ("continued", "page 2"),
    "running": ("Client name", "Name"),
    "sec_insurance": ("Insurance", "Insurance and payment", "How you will pay"),
    "insured_q": (
        "Will you use health insurance for your visits?",
        "Do you have health insurance you would like us to bill?",
    ),
    "self_pay": ("No, I will self-pay", "No"),
    "card_note": (
        "Please copy the information from the front and back of your insurance card.",
        "Copy your insurance card here (front and back), or hand it to the front desk.",
    ),
    "sides": ("FRONT OF CARD|BACK OF CARD", "Front|Back", "Card front|Card back"),
    "insurer": ("Insurance company", "Health plan", "Insurer"),
    "member": ("Member ID", "ID #", "Policy number"),
    "group": ("Group #", "Group no."),
    "subscriber": ("Subscriber", "Policy holder", "Insured"),
    "valid": ("Valid through", "Expiration date", "Coverage ends"),
    "copay": ("Office copay", "Copay"),
    "claims": ("Send claims to", "Claims address", "Mail claims to"),
    "services": ("Member services", "Customer service"),
    "payer": ("Payer ID", "Rx BIN"),
    "p_insurer": ("My insurance company is", "I am insured with"),
    "p_member": ("and my member ID is", "and my ID number is"),
    "p_group": ("The group number is", "Group no."),
    "p_holder": ("The policy holder is", "The subscriber is"),
    "p_claims": ("Claims should be sent to", "The claims address is"),
    "p_valid": ("My coverage is valid through", "My card expires on"),
    "sec_meds": ("Allergies and medications", "Medicines & allergies"),
    "allergy_q": (
        "Do you have any allergies (medicines, foods, latex)?",
        "Allergies to medicines, foods or latex:",
    ),
    "nka": ("No known allergies", "None known"),
    "allergic_to": ("Allergic to:", "If yes, list them:", "List:"),
    "meds_q": (
        "Medications you take regularly (include psychiatric medicines):",
        "Current medications:",
        "Please list all medicines you take:",
    ),
    "no_meds": ("I take no medicines", "None"),
    "med": ("Medicine", "Name of medication"),
    "prescribed_by": ("Prescribed by", "Prescriber"),
    "reason": ("For", "Reason"),
    "sec_consent": ("Consent to services", "Agreement and consent"),
    "consent": (
        "I consent to assessment and counseling services at this centre. I understand that what "
        "I share is confidential except where the law requires otherwise (risk of harm to myself "
        "or others, abuse of a child or vulnerable adult, or a court order).",
        "I agree to receive behavioral health services and understand my rights and "
        "responsibilities as a client, including the limits of confidentiality, the cancellation "
        "policy and my financial responsibility for services not paid by insurance.",
    ),
    "client_sign": ("Signature of client or guardian", "Client signature"),
    "reviewed": ("Reviewed by (clinician)", "Clinician review"),
}

_RX: dict[str, tuple[str, ...]] = {
    "patient": ("Patient", "Patient name", "Name"),
    "dob": ("DOB", "Date of birth", "Birth date"),
    "date": ("Date", "Date written"),
    "address": ("Address", "Home address"),
    "phone": ("Phone", "Tel."),
    "allergies": ("Allergies", "Drug allergies"),
    "med": ("Medication, strength & form", "Drug / strength / vehicle", "Medication"),
    "qty": ("Qty", "Quantity", "Disp."),
    "area": ("Apply to", "Area", "Site"),
    "map": ("Mark areas to treat", "Treatment areas", "Areas to treat"),
    "sides": ("Front|Back", "F|B", "Anterior|Posterior"),
    "skin": ("Skin type", "Fitzpatrick"),
    "sig": ("Directions for use:", "Sig:", "Instructions:"),
    "refills": ("Refills", "Refill"),
    "other": ("Other",),
    "times": ("times",),
    "substitute": ("Substitution permitted", "Generic OK"),
    "daw": ("Dispense as written", "Brand medically necessary"),
    "diagnosis": ("Diagnosis", "Dx"),
    "icd": ("ICD-10", "ICD-10 code"),
    "follow": ("Return visit", "Follow-up in", "Next visit"),
    "visits": ("2 weeks|1 month|3 months|6 months|as needed", "2 wk|4 wk|3 mo|6 mo|PRN visit"),
    "signature": ("Prescriber's signature", "Signature"),
    "printed": ("Prescriber (print name)", "Printed name of prescriber"),
    "fine": (
        "This prescription is void if altered. Not valid after one year from the date written. "
        "Isotretinoin requires iPLEDGE authorization before dispensing.",
        "Please bring this prescription to any pharmacy. Call our office for refills at least "
        "three business days ahead. Void if photocopied.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _between(rnd: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rnd.randint(0, max(0, (last - first).days)))


def _digits(rnd: random.Random, count: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(count))


def _doctor(rnd: random.Random) -> str:
    return f"Dr. {rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"


def _printed_sheet(
    rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]
) -> None:
    """The printed form's wording and look, shared by both documents."""
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "n/a", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(32, 35), value_size=(40, 45)
    )
    if document_type == "prescription":
        _printed_sheet(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        style.update(
            practice={
                "name": f"{rnd.choice(PRACTICE_PLACES)} {rnd.choice(PRACTICE_KINDS)}",
                "services": rnd.choice(DERM_SERVICES),
                "street": values.street_line(rnd),
                "city": values.city_line(rnd, zip_code="state zip"),
                "phone": values.phone_number(rnd),
                "fax": values.phone_number(rnd),
            },
            head=rnd.choice(("split", "split", "centred", "practice")),
            foot_name=rnd.choice(("typed", "hand")),
            date_place=rnd.choice(("top", "top", "foot")),
            body_map=rnd.random() < 0.7,
            refill_mode=rnd.choice(("boxes", "circle", "write")),
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
            sig_rules=rnd.choice((3, 4)),
            table_rows=rnd.choice((4, 5)),
            board=rnd.choice(BOARD_LINES),
        )
        style["prescriber_written"] = style["head"] == "practice" and style["foot_name"] == "hand"
        return style
    _printed_sheet(rnd, style, _REC)
    place = rnd.choice(CENTRE_PLACES)
    site = rnd.choice(("counseling.org", "bh.org", "wellness.com", "therapy.com"))
    style.update(
        centre={
            "name": f"{place} {rnd.choice(CENTRE_KINDS)}",
            "tagline": rnd.choice(TAGLINES),
            "street": values.street_line(rnd),
            "city": values.city_line(rnd, zip_code="state zip"),
            "phone": values.phone_number(rnd),
            "fax": values.phone_number(rnd),
            "web": f"www.{place.lower().replace(' ', '')}{site}",
        },
        heading=rnd.choice(("dot", "underline", "band")),
        blank=rnd.choice(("rule", "rule", "shade")),
        choice=rnd.choice(("boxes", "boxes", "circle")),
        date_place=rnd.choice(("head", "prose", "foot")),
        name_mode=rnd.choice(("one", "split")),
        address_mode=rnd.choice(("one", "rows", "rows")),
        reasons=rnd.choice(("concerns", "concerns", "screen", "")),
        insurance_mode=rnd.choice(("card", "card", "prose")),
        meds_mode=rnd.choice(("table", "table", "lines")),
        nka_box=rnd.random() < 0.6,
        no_meds_box=rnd.random() < 0.5,
        no_allergies=rnd.choice(("NKA", "NKDA", "None")),
        line_gap=rnd.randint(112, 122),
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
    today = _between(rnd, dt.date(2019, 1, 2), dt.date(2025, 11, 20))
    fields: dict[str, Any] = {"record_date": today.isoformat()}
    common.settle_day_order(fields, ("record_date",), style, rnd)
    today = dt.date.fromisoformat(fields["record_date"])
    birth = _between(rnd, dt.date(1938, 1, 1), dt.date(2006, 12, 31))
    age = (today - birth).days // 365
    last = rnd.choice(values.LAST_NAMES)
    fields["patient_name"] = values.person_name(rnd, last)
    fields["birth_date"] = birth.isoformat()
    lines = [values.street_line(rnd), values.city_line(rnd)]
    if rnd.random() < 0.5:
        lines.append(rnd.choice(("USA", "United States", "US")))
    fields["address"] = ", ".join(lines)
    if rnd.random() < 0.9:
        fields["phone"] = values.phone_number(rnd)
    weight, height, weight_unit, height_unit = values._body_measures(rnd, age)
    if rnd.random() < 0.85:
        fields["height"] = height
    if rnd.random() < 0.85:
        fields["weight"] = weight
    concerns = [key for key, _ in CONCERNS if rnd.random() < 0.22]
    extras: dict[str, Any] = {
        "address_lines": lines,
        "weight_unit": weight_unit,
        "height_unit": height_unit,
        "preferred": rnd.choice(NICKNAMES) if rnd.random() < 0.4 else None,
        "age": str(age) if rnd.random() < 0.8 else None,
        "voicemail": rnd.choice(("yes", "yes", "no", None)),
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.8 else None,
        "pcp": _doctor(rnd) if rnd.random() < 0.75 else None,
        "pcp_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "concerns": concerns or [rnd.choice(CONCERNS)[0]],
        "concern_other": rnd.choice(OTHER_CONCERNS) if rnd.random() < 0.3 else None,
        "screen": [rnd.choice((0, 0, 1, 1, 2, 3)) if rnd.random() < 0.92 else None for _ in SCREEN],
        "client_no": f"{rnd.choice(('', 'C', 'BH-'))}{_digits(rnd, rnd.choice((5, 6)))}"
        if rnd.random() < 0.75
        else None,
        "clinician": f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, "
        f"{rnd.choice(CLINICIANS)}"
        if rnd.random() < 0.6
        else None,
        "first_appt": (today + dt.timedelta(days=rnd.randint(2, 30))).isoformat()
        if rnd.random() < 0.6
        else None,
    }
    if rnd.random() < 0.92:
        contact = values.person_name(rnd, last if rnd.random() < 0.5 else None)
        while contact == fields["patient_name"]:
            contact = values.person_name(rnd)
        fields["emergency_contact_name"] = contact
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.9 else None
        if rnd.random() < 0.93:
            fields["emergency_contact_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.5:
            extras["emergency_work_phone"] = values.phone_number(rnd)
        if rnd.random() < 0.75:
            fields["emergency_contact_address"] = (
                ", ".join(lines[:2]) if rnd.random() < 0.3 else values.one_line_address(rnd)
            )
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        roll = rnd.random()
        if roll < 0.83:
            if name == "hepatitis_b_vaccination":
                fields[name] = "yes" if rnd.random() < 0.65 else "no"
            else:
                fields[name] = "immune" if rnd.random() < 0.75 else "not immune"
        elif roll < 0.95:
            extras[f"{name}_unsure"] = True
    fields["medical_problems"] = values._pick_some(rnd, values.CONDITIONS, 0.4, 3)
    # page 2
    roll = rnd.random()
    if roll < 0.82:
        fields["has_insurance"] = "yes"
    elif roll < 0.95:
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
            ends = today + dt.timedelta(days=rnd.randint(40, 1000))
            fields["insurance_expiry"] = ends.isoformat()
        extras["group"] = (
            f"{rnd.choice(('', 'G', 'GRP-'))}{_digits(rnd, rnd.choice((5, 6)))}"
            if rnd.random() < 0.7
            else None
        )
        extras["subscriber"] = (
            fields["patient_name"]
            if rnd.random() < 0.6
            else values.person_name(rnd, last if rnd.random() < 0.7 else None)
        )
        extras["copay"] = (
            f"${rnd.choice((10, 15, 20, 25, 30, 35, 40, 50))}" if rnd.random() < 0.6 else None
        )
        extras["member_services"] = values.phone_number(rnd) if rnd.random() < 0.7 else None
        extras["payer_id"] = _digits(rnd, rnd.choice((5, 6))) if rnd.random() < 0.5 else None
    fields["allergies"] = values._pick_some(rnd, values.ALLERGIES, 0.45, 3)
    drugs = rnd.sample(values.DRUGS, rnd.randint(1, 4))
    fields["regular_medication"] = [] if rnd.random() < 0.3 else [name for name, *_ in drugs]
    extras["med_rows"] = [
        [
            _doctor(rnd) if rnd.random() < 0.7 else "",
            rnd.choice(MED_REASONS) if rnd.random() < 0.7 else "",
        ]
        for _ in drugs
    ]
    extras["signed_on"] = (
        (today - dt.timedelta(days=rnd.randint(0, 6))).isoformat() if rnd.random() < 0.75 else None
    )
    if rnd.random() < 0.5:
        extras["reviewer"] = (
            f"{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}, "
            f"{rnd.choice(CLINICIANS)}"
        )
        extras["reviewed_on"] = (today + dt.timedelta(days=rnd.randint(2, 21))).isoformat()
    return fields, extras, style


def _medicine(rnd: random.Random) -> tuple[str, str, str]:
    """A dermatology medicine line, its quantity and the area it is for ("" for an oral one)."""
    if rnd.random() < 0.7:
        name, strengths, vehicles = rnd.choice(TOPICALS)
        line = f"{name} {rnd.choice(strengths)} {rnd.choice(vehicles)}"
        quantity = rnd.choice(("15 g", "30 g", "45 g", "60 g", "80 g", "120 mL", "1 tube"))
        return line, quantity, rnd.choice(AREAS)
    name, strengths, form = rnd.choice(ORALS)
    line = f"{name} {rnd.choice(strengths)} mg"
    if rnd.random() < 0.4:
        line += f" {form}"
    quantity = "#1" if name == "Fluconazole" else rnd.choice(("#30", "#60", "#90", "#14", "30"))
    return line, quantity, ""


def _derm_directions(rnd: random.Random, rows: Sequence[tuple[str, str, str]]) -> str:
    """Directions for the medicines, then advice until the text fills two lines or so."""
    period = rnd.random() < 0.6
    sentences: list[str] = []
    for line, _, area in rows:
        name = line.split()[0]
        if area:
            sentence = rnd.choice(
                (
                    f"Apply a thin layer of {name} to the {area} {rnd.choice(TOPICAL_FREQS)}",
                    f"{name}: apply to {area} {rnd.choice(TOPICAL_FREQS)} for "
                    f"{rnd.choice((1, 2, 3, 4, 6, 8))} weeks",
                    f"Rub {name} gently into the {area} {rnd.choice(TOPICAL_FREQS)}",
                )
            )
        else:
            sentence = rnd.choice(
                (
                    f"{name}: take 1 by mouth {rnd.choice(ORAL_FREQS)} with a full glass of water",
                    f"Take {name} {rnd.choice(ORAL_FREQS)} with food",
                    f"{name} 1 {rnd.choice(('tablet', 'capsule'))} {rnd.choice(ORAL_FREQS)}",
                )
            )
        sentence += "." if period else ""
        if sentences and len(" ".join([*sentences, sentence])) > 200:
            break
        sentences.append(sentence)
    pool = DERM_ADVICE if any(area for _, _, area in rows) else ORAL_ADVICE
    advice = rnd.sample(pool, len(pool))
    while len(" ".join(sentences)) < 110 and advice:
        sentences.append(advice.pop() + ("." if period else ""))
    return " ".join(sentences)


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    written = _between(rnd, dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    fields: dict[str, Any] = {
        "prescriber": f"{title}{rnd.choice(values.FIRST_NAMES)} "
        f"{rnd.choice(values.LAST_NAMES)}{suffix}",
        "patient_name": values.person_name(rnd),
        "date": written.isoformat(),
    }
    common.settle_day_order(fields, ("date",), style, rnd)
    if rnd.random() < 0.85:
        fields["patient_address"] = values.one_line_address(rnd)
    rows: list[tuple[str, str, str]] = []
    for _ in range(rnd.choice((1, 1, 2, 2, 2, 3, 3, 4))):
        row = _medicine(rnd)
        if all(row[0].split()[0] != other[0].split()[0] for other in rows):
            rows.append(row)
    fields["medicines"] = [line for line, _, _ in rows]
    if rnd.random() < 0.9:
        fields["directions"] = _derm_directions(rnd, rows)
    if rnd.random() < 0.9:
        fields["refills"] = rnd.choice((0, 0, 1, 1, 2, 3, 5, 6, 11, "PRN"))
    birth = _between(rnd, dt.date(1936, 1, 1), dt.date(2016, 12, 31))
    allergies = values._pick_some(rnd, values.ALLERGIES, 0.5, 2)
    marks = sorted({area for _, _, area in rows if area})
    extras: dict[str, Any] = {
        "quantities": [quantity for _, quantity, _ in rows],
        "areas": [area for _, _, area in rows],
        "marks": marks if rnd.random() < 0.85 else [],
        "skin_type": rnd.choice(("I", "II", "III", "IV", "V", "VI", None)),
        "patient_dob": birth.isoformat() if rnd.random() < 0.8 else None,
        "patient_phone": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "rx_allergies": ", ".join(allergies) if allergies else rnd.choice(("NKDA", "None")),
        "npi": f"1{_digits(rnd, 9)}",
        "dea": f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')}{_digits(rnd, 7)}"
        if rnd.random() < 0.6
        else None,
        "daw": rnd.choice(("substitute", "substitute", "daw", None)),
        "follow_up": rnd.choice((*FOLLOW_UPS, None)),
    }
    if rnd.random() < 0.75:
        diagnosis, code = rnd.choice(DIAGNOSES)
        extras["diagnosis"] = diagnosis
        extras["icd"] = code if rnd.random() < 0.7 else None
    if rnd.random() < 0.15:
        extras["rx_allergies"] = None
    return fields, extras, style


# --- drawing helpers ------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


@dataclass(frozen=True)
class _Blank:
    """A blank inside a printed sentence: what is written on it, its width, a caption under it."""

    value: str
    width: float
    caption: str = ""


@dataclass(frozen=True)
class _Choice:
    """Printed options inside a sentence, one of them marked."""

    options: tuple[tuple[str, str], ...]
    chosen: str | None


_BREAK = None  # a part that ends the line
_Part = str | _Blank | _Choice | None


class _Sheet(common.Drawing):
    """One page of either form: faces, wording, blanks and marks."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.pale = tuple(round(255 - (255 - c) * 0.13) for c in self.colour)
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["key"] = render.Face(label.bold if style["label_bold"] else label.regular, size, DARK)
        faces["opt"] = render.Face(label.regular, size, DARK)
        faces["caption"] = render.Face(label.regular, 24, (80, 80, 80))
        faces["head"] = render.Face(title.bold, 40, DARK)
        faces["head_colour"] = render.Face(title.bold, 40, self.colour)
        faces["title"] = render.Face(title.bold, 56, self.colour)
        faces["sub"] = render.Face(title.regular, 36, DARK)
        faces["org"] = render.Face(title.bold, 54, DARK)
        faces["org_colour"] = render.Face(title.bold, 54, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (60, 60, 60))
        faces["doc"] = render.Face(title.bold, 44, DARK)
        faces["note"] = render.Face(label.regular, 28, (70, 70, 70))
        faces["fine"] = render.Face(label.regular, 22, GREY)
        self.value_size = float(faces["value"].size)

    def word(self, key: str) -> str:
        return self.words[key]

    def date(self, iso: str | None, *, short_year: bool = True) -> str:
        if not iso:
            return ""
        return common.format_date(iso, self.style["date_style"], short_year=short_year)

    def phone(self, canonical: str | None) -> str:
        return common.phone_text(canonical, self.style) or ""

    def blank_line(self, x0: float, x1: float, base: float, value: str) -> None:
        """A blank from ``x0`` to ``x1`` on ``base``: a rule or a pale strip, the value on it."""
        if self.style.get("blank") == "shade":
            self.rect(x0, base - 58, x1, base + 14, fill=self.pale, outline=None)
        else:
            self.line(x0, base + 12, x1, base + 12, width=2, fill=RULE)
        if value:
            self.page.text(x0 + 18, base, value, "value", max_width=max(40.0, x1 - x0 - 30))

    def labelled(self, x: float, x1: float, base: float, key: str, value: str) -> float:
        """``Label ____`` on one baseline; where the blank starts."""
        end = self.page.text(x, base, self.word(key), "key")
        self.blank_line(end + 16, x1, base, value)
        return end + 16

    def options(
        self,
        x: float,
        base: float,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        *,
        gap: float = 50,
    ) -> float:
        """Printed options, the chosen one ticked in its box or ringed by hand; where they end."""
        if self.style.get("choice") == "circle":  # room for the ring before the first option
            return common.circled_options(
                self.page, x + 30, base, options, chosen, face="opt", gap=gap
            )
        return common.options_with_boxes(
            self.page, x, base, options, chosen, mark=self.style["mark"], face="opt", gap=gap
        )

    def options_width(self, options: Sequence[tuple[str, str]], gap: float = 50) -> float:
        boxes = self.style.get("choice") != "circle"
        total = 0.0 if boxes else 30.0
        for _, text in options:
            total += self.page.width(text, "opt") + gap + (74 if boxes else 0)
        return total - gap

    def fill_in(self, x0: float, x1: float, top: float, parts: Sequence[_Part]) -> float:
        """Printed words and blanks flowing like a paragraph from ``top``; the bottom."""
        page = self.page
        gap = page.width("n", "opt") * 0.75
        line_gap = float(self.style["line_gap"])
        base = top + 70
        x = x0
        run: list[str] = []
        run_x = x0

        def flush() -> None:
            if run:
                page.text(run_x, base, " ".join(run), "opt")
            run.clear()

        def newline() -> None:
            nonlocal base, x
            flush()
            base += line_gap
            x = x0

        for part in parts:
            if part is None:
                newline()
                continue
            if isinstance(part, str):
                for k, piece in enumerate(part.split()):
                    glued = k == 0 and piece[0] in ",.;:)"
                    if run:
                        end = run_x + page.width(" ".join([*run, piece]), "opt")
                        if end > x1:
                            newline()
                    if not run:
                        lead = 0.0 if x == x0 or glued else gap
                        if x + lead + page.width(piece, "opt") > x1:
                            newline()
                            lead = 0.0
                        run_x = x + lead
                    run.append(piece)
                    x = run_x + page.width(" ".join(run), "opt")
                continue
            width = part.width if isinstance(part, _Blank) else self.options_width(part.options)
            width = min(width, x1 - x0)
            lead = 0.0 if x == x0 else gap + 14
            if x + lead + width > x1:
                newline()
                lead = 0.0
            flush()
            start = x + lead
            if isinstance(part, _Blank):
                self.blank_line(start, start + width, base, part.value)
                if part.caption:
                    page.text(start + width / 2, base + 42, part.caption, "caption", anchor="ms")
            else:
                self.options(start, base, part.options, part.chosen)
            x = start + width
        flush()
        return base + 56

    def heading(self, top: float, key: str) -> float:
        """A section's heading; the top of what follows it."""
        page = self.page
        text = self.word(key)
        kind = self.style.get("heading")
        if kind == "band":
            self.rect(LEFT, top, RIGHT, top + 62, fill=self.pale, outline=None)
            page.text(LEFT + 24, top + 46, text, "head_colour")
            return top + 78
        if kind == "underline":
            end = page.text(LEFT, top + 44, text.upper(), "head_colour")
            self.line(LEFT, top + 60, end, top + 60, width=5, fill=self.colour)
            return top + 76
        r = 15.0
        page.draw.ellipse(
            [page.px(LEFT), page.px(top + 16), page.px(LEFT + 2 * r), page.px(top + 16 + 2 * r)],
            fill=self.colour,
        )
        end = page.text(LEFT + 2 * r + 20, top + 46, text, "head")
        self.line(end + 24, top + 32, RIGHT, top + 32, width=2, fill=self.colour)
        return top + 72

    def fine_print(self, code: str, number: int | None) -> None:
        page = self.page
        page.text(LEFT, 3230, code, "fine")
        if number is not None:
            page.text(RIGHT, 3230, f"Page {number} of 2", "fine", anchor="rs")


# --- patient record -------------------------------------------------------------------------


def _rings(form: _Sheet, cx: float, cy: float, r: float) -> None:
    """The centre's emblem: two interlocking rings."""
    page = form.page
    for dx in (-r * 0.55, r * 0.55):
        page.draw.ellipse(
            [page.px(cx + dx - r), page.px(cy - r), page.px(cx + dx + r), page.px(cy + r)],
            outline=form.colour,
            width=max(1, page.px(9)),
        )


def _measure(fields: Mapping[str, Any], extras: Mapping[str, Any], name: str) -> str:
    """The height or weight as written, the unit (if any) after the number."""
    value = fields.get(name)
    if value is None:
        return ""
    parts = [render.format_number(value), _text(extras.get(name + "_unit"))]
    return " ".join(part for part in parts if part)


def _written_list(items: Sequence[str] | None, style: Mapping[str, Any]) -> str:
    """A list as the client writes it: comma-separated, or the form's word for none."""
    return common.list_text(items, str(style.get("empty_list") or "")) or ""


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Sheet(dpi, style)
    page = form.page
    word = form.word
    centre = style["centre"]
    mid = (LEFT + RIGHT) / 2
    # the centred letterhead
    _rings(form, mid, 128, 36)
    page.text(mid, 240, centre["name"], "org", anchor="ms", max_width=RIGHT - LEFT)
    page.text(mid, 284, centre["tagline"], "org_small", anchor="ms")
    page.text(mid, 322, f"{centre['street']}, {centre['city']}", "org_small", anchor="ms")
    contact = f"Tel {form.phone(centre['phone'])}   ·   Fax {form.phone(centre['fax'])}"
    page.text(mid, 360, f"{contact}   ·   {centre['web']}", "org_small", anchor="ms")
    # the title band, the record date at its right on the forms that put it there
    top = 392.0
    form.rect(LEFT, top, RIGHT, top + 96, fill=form.pale, outline=None)
    form.line(LEFT, top, RIGHT, top, width=4, fill=form.colour)
    page.text(LEFT + 24, top + 66, word("title"), "title", max_width=1150)
    today = form.date(fields.get("record_date"))
    place = style["date_place"]
    if place == "head":
        form.labelled(1500, RIGHT - 24, top + 68, "today_head", today)
    else:
        page.text(RIGHT - 24, top + 62, word("confidential"), "sub", anchor="rs")
    base = top + 140
    for text in render.wrap(page, word("intro"), "note", RIGHT - LEFT):
        page.text(LEFT, base, text, "note")
        base += 36
    # about you
    y = form.heading(base - 4, "sec_you")
    parts: list[_Part] = []
    if place == "prose":
        parts += [word("today_prose"), _Blank(today, 430), ".", _BREAK]
    name = _text(fields.get("patient_name"))
    if style["name_mode"] == "split":
        given, _, surname = name.rpartition(" ")
        parts += [word("name_last"), _Blank(surname, 440), word("name_first"), _Blank(given, 420)]
    else:
        parts += [word("name_one"), _Blank(name, 820)]
    parts += [".", _BREAK, word("preferred"), _Blank(_text(extras.get("preferred")), 260), "."]
    dob = form.date(fields.get("birth_date"), short_year=False)
    parts += [word("born"), _Blank(dob, 420), word("age"), _Blank(_text(extras.get("age")), 120)]
    before, after = word("body").split("|")
    parts += [word("years"), _BREAK, before, _Blank(_measure(fields, extras, "height"), 240)]
    parts += [after, _Blank(_measure(fields, extras, "weight"), 240), "."]
    parts += [word("occupation"), _Blank(_text(extras.get("occupation")), 560), ".", _BREAK]
    lines = common.address_lines(fields, extras)
    if style["address_mode"] == "one":
        parts += [word("address_one"), _Blank(_text(fields.get("address")), 1560), ".", _BREAK]
    else:
        parts += [word("address_street"), _Blank(_text(lines[0]), 760, "(street)"), ","]
        parts += [_Blank(_text(lines[1]), 640, "(city, state, ZIP)"), ","]
        parts += [_Blank(_text(lines[2]), 340, "(country)"), ".", _BREAK]
    yes_no = (("yes", word("yes")), ("no", word("no")))
    parts += [word("phone"), _Blank(form.phone(fields.get("phone")), 520), "."]
    parts += [word("message"), _Choice(yes_no, extras.get("voicemail"))]
    y = form.fill_in(LEFT, RIGHT, y, parts) + 22
    # the emergency contact
    y = form.heading(y, "sec_contact")
    contact_parts: list[_Part] = [
        word("contact"),
        _Blank(_text(fields.get("emergency_contact_name")), 700, "(name)"),
        ",",
        word("who_is"),
        _Blank(_text(extras.get("relation")), 380, "(relationship)"),
        ".",
        _BREAK,
        word("contact_phone"),
        _Blank(form.phone(fields.get("emergency_contact_phone")), 500, "(home)"),
        word("contact_other"),
        _Blank(form.phone(extras.get("emergency_work_phone")), 500, "(work / cell)"),
        ".",
        _BREAK,
        word("contact_address"),
        _Blank(_text(fields.get("emergency_contact_address")), 1500),
        ".",
    ]
    y = form.fill_in(LEFT, RIGHT, y, contact_parts) + 22
    # physical health
    y = form.heading(y, "sec_health")
    pcp_parts: list[_Part] = [
        word("pcp"),
        _Blank(_text(extras.get("pcp")), 640),
        ",",
        word("pcp_phone"),
        _Blank(form.phone(extras.get("pcp_phone")), 500),
        ".",
    ]
    y = form.fill_in(LEFT, RIGHT, y, pcp_parts)
    base = y + 40
    page.text(LEFT, base, word("problems"), "opt", max_width=RIGHT - LEFT)
    problems = _written_list(fields.get("medical_problems"), style)
    wrapped = render.wrap(page, problems, "value", RIGHT - LEFT - 80) if problems else []
    for k in range(2):
        base += 92
        form.blank_line(LEFT + 30, RIGHT, base, wrapped[k] if k < len(wrapped) else "")
    if len(wrapped) > 2:  # never: two lines hold the longest list
        raise ValueError("medical problems do not fit their two rules")
    base += 90
    page.text(LEFT, base, word("immunity"), "key")
    statuses = (
        ("immune", word("immune")),
        ("not immune", word("not_immune")),
        ("unsure", word("unsure")),
    )
    columns = (LEFT + 760, LEFT + 1200, LEFT + 1700)
    for name in ("chicken_pox", "measles"):
        base += 84
        page.text(LEFT + 30, base, word(name), "opt", max_width=700)
        chosen = "unsure" if extras.get(f"{name}_unsure") else fields.get(name)
        for x, option in zip(columns, statuses, strict=True):
            form.options(x, base, [option], chosen)
    base += 96
    end = page.text(LEFT, base, word("hep_b"), "key", max_width=1300)
    hep = "unsure" if extras.get("hepatitis_b_vaccination_unsure") else None
    hep = hep or fields.get("hepatitis_b_vaccination")
    form.options(max(end + 50, columns[0]), base, [*yes_no, ("unsure", word("unsure"))], hep)
    y = base + 40
    foot_top = 2930.0 if place == "foot" else 3000.0
    if y > foot_top - 60:  # never: the sections above fit every form
        raise ValueError("page 1 of the intake runs into its foot")
    # the foot: signature and date, the office box
    if place == "foot":
        base = foot_top + 10
        form.line(LEFT, base + 12, LEFT + 1150, base + 12, width=2.5, fill=(60, 60, 60))
        page.scribble(LEFT + 80, LEFT + 620, base, form.ink())
        page.text(LEFT, base + 46, word("sign"), "note")
        form.labelled(1450, RIGHT, base, "sign_date", today)
    _office_box(form, extras)
    form.fine_print(word("form"), 1)
    return page.image


def _reasons(form: _Sheet, extras: Mapping[str, Any], top: float) -> float:
    """What brings the client here: a grid of concerns, or the symptom screen; the bottom."""
    page = form.page
    word = form.word
    style = form.style
    y = form.heading(top, "sec_concerns")
    if style["reasons"] == "concerns":
        base = y + 44
        page.text(LEFT, base, word("concerns_q"), "opt")
        chosen = set(extras.get("concerns") or ())
        width = (RIGHT - LEFT) / 4
        for k, (key, text) in enumerate(CONCERNS):
            x = LEFT + 10 + (k % 4) * width
            row_base = base + 72 * (1 + k // 4)
            common.checkbox(page, x, row_base, checked=key in chosen, mark=style["mark"], side=36)
            page.text(x + 52, row_base, text, "opt", max_width=width - 70)
        base += 72 * 4
        form.labelled(LEFT + 10, LEFT + 1100, base, "other", _text(extras.get("concern_other")))
        return base + 30
    base = y + 44
    page.text(LEFT, base, word("screen_q"), "key")
    page.text(LEFT, base + 40, word("screen_cols"), "note")
    base += 40
    answers: Sequence[int | None] = extras.get("screen") or []
    scores = [(str(n), str(n)) for n in range(4)]
    for k, statement in enumerate(SCREEN):
        base += 72
        page.text(LEFT + 30, base, statement, "opt", max_width=1350)
        chosen_score = _text(answers[k] if k < len(answers) else None) or None
        common.circled_options(page, LEFT + 1560, base, scores, chosen_score, face="opt", gap=130)
    return base + 40


REASONS_HEIGHT = 520.0  # the most either kind of _reasons takes


def _office_box(form: _Sheet, extras: Mapping[str, Any]) -> None:
    """The dashed office-use box at the foot of page 1 and its staff-written entries."""
    page = form.page
    top, bottom = 3040.0, 3160.0
    x = LEFT
    while x < RIGHT:  # a dashed frame
        stop = min(x + 30, RIGHT)
        form.line(x, top, stop, top, width=2, fill=GREY)
        form.line(x, bottom, stop, bottom, width=2, fill=GREY)
        x += 50
    for edge in (LEFT, RIGHT):
        y = top
        while y < bottom:
            form.line(edge, y, edge, min(y + 30, bottom), width=2, fill=GREY)
            y += 50
    page.text(LEFT + 20, top + 38, form.word("office"), "caption")
    base = bottom - 22
    first = form.date(extras.get("first_appt"))
    cells = (
        ("client_no", _text(extras.get("client_no")), LEFT + 20, LEFT + 620),
        ("clinician", _text(extras.get("clinician")), LEFT + 680, LEFT + 1560),
        ("first_appt", first, LEFT + 1620, RIGHT - 20),
    )
    for key, value, x0, x1 in cells:
        end = page.text(x0, base, form.word(key), "note")
        form.line(end + 10, base + 8, x1, base + 8, width=1.5, fill=RULE)
        if value:
            page.text(end + 22, base, value, "value", max_width=x1 - end - 30, size=38)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Sheet(dpi, style)
    page = form.page
    word = form.word
    _rings(form, LEFT + 40, 150, 26)
    page.text(LEFT + 110, 172, style["centre"]["name"], "org_colour", max_width=1150)
    title = f"{word('title')} ({word('continued')})"
    page.text(RIGHT, 168, title, "sub", anchor="rs", max_width=900)
    form.line(LEFT, 210, RIGHT, 210, width=4, fill=form.colour)
    base = 300.0
    form.labelled(LEFT, 1500, base, "running", _text(fields.get("patient_name")))
    form.labelled(1580, RIGHT, base, "client_no", _text(extras.get("client_no")))
    # insurance
    y = form.heading(base + 70, "sec_insurance")
    base = y + 50
    end = page.text(LEFT, base, word("insured_q"), "key")
    options = (("yes", word("yes")), ("no", word("self_pay")))
    form.options(end + 50, base, options, fields.get("has_insurance"))
    if style["insurance_mode"] == "card":
        y = _insurance_card(form, fields, extras, base + 40)
    else:
        y = _insurance_prose(form, fields, extras, base)
    # allergies and medications
    y = form.heading(y + 40, "sec_meds")
    base = y + 50
    page.text(LEFT, base, word("allergy_q"), "key")
    allergies = fields.get("allergies")
    base += 96
    x = LEFT + 30
    if style["nka_box"]:
        chosen = "none" if allergies == [] else None
        x = form.options(x, base, [("none", word("nka"))], chosen) + 70
        shown = ", ".join(allergies) if allergies else ""
    elif allergies == []:
        shown = _text(style.get("no_allergies"))
    else:
        shown = ", ".join(allergies or [])
    end = page.text(x, base, word("allergic_to"), "opt")
    form.blank_line(end + 16, RIGHT, base, shown)
    base += 100
    page.text(LEFT, base, word("meds_q"), "key")
    meds = fields.get("regular_medication")
    if style["no_meds_box"]:
        chosen = "none" if meds == [] else None
        form.options(
            RIGHT - 30 - form.options_width([("none", word("no_meds"))]),
            base,
            [("none", word("no_meds"))],
            chosen,
        )
        none_word = ""
    else:
        none_word = _text(style.get("empty_list"))
    if style["meds_mode"] == "table":
        y = _med_table(form, base + 30, meds, extras.get("med_rows") or [], none_word)
    else:
        text = ", ".join(meds) if meds else none_word
        wrapped = render.wrap(page, text, "value", RIGHT - LEFT - 80) if text else []
        for k in range(2):
            base += 92
            form.blank_line(LEFT + 30, RIGHT, base, wrapped[k] if k < len(wrapped) else "")
        y = base + 20
    # what brings the client here, where the page has room for it
    if style["reasons"] and y + 40 + REASONS_HEIGHT <= 2560:
        y = _reasons(form, extras, y + 40)
    # consent and signatures
    y = form.heading(y + 40, "sec_consent")
    base = y + 34
    for text in render.wrap(page, word("consent"), "note", RIGHT - LEFT):
        page.text(LEFT, base, text, "note")
        base += 36
    base = max(base + 130, 2700.0)
    form.line(LEFT, base + 12, LEFT + 1150, base + 12, width=2.5, fill=(60, 60, 60))
    if extras.get("signed_on") or fields.get("has_insurance"):
        page.scribble(LEFT + 80, LEFT + 640, base, form.ink())
    page.text(LEFT, base + 46, word("client_sign"), "note")
    form.labelled(1450, RIGHT, base, "sign_date", form.date(extras.get("signed_on")))
    base += 170
    end = page.text(LEFT, base, word("reviewed"), "key")
    form.blank_line(end + 16, 1380, base, _text(extras.get("reviewer")))
    form.labelled(1450, RIGHT, base, "sign_date", form.date(extras.get("reviewed_on")))
    form.fine_print(word("form"), 2)
    return page.image


def _insurance_card(
    form: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], top: float
) -> float:
    """The card's front and back, as the client copies them; the bottom."""
    page = form.page
    word = form.word
    page.text(LEFT, top + 40, word("card_note"), "note")
    top += 70
    width = (RIGHT - LEFT - 60) / 2
    height = 660.0
    fronts = (LEFT, LEFT + width + 60)
    for x0, side in zip(fronts, word("sides").split("|"), strict=True):
        page.draw.rounded_rectangle(
            [page.px(x0), page.px(top), page.px(x0 + width), page.px(top + height)],
            radius=page.px(40),
            outline=form.colour,
            width=max(1, page.px(4)),
        )
        form.rect(x0 + 30, top + 24, x0 + width - 30, top + 70, fill=form.pale, outline=None)
        page.text(x0 + width / 2, top + 58, side, "caption", anchor="ms")
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    x0 = fronts[0] + 36
    x1 = fronts[0] + width - 36
    base = top + 160
    rows = (
        ("insurer", _text(fields.get("insurance_company"))),
        ("member", _text(policy)),
        ("group", _text(extras.get("group"))),
        ("subscriber", _text(extras.get("subscriber"))),
        ("valid", form.date(fields.get("insurance_expiry"))),
        ("copay", _text(extras.get("copay"))),
    )
    for key, value in rows:
        form.labelled(x0, x1, base, key, value)
        base += 88
    x0 = fronts[1] + 36
    x1 = fronts[1] + width - 36
    base = top + 160
    address = _text(fields.get("insurance_address"))
    street, comma, city = address.partition(", ")
    start = form.labelled(x0, x1, base, "claims", street if comma else address)
    base += 88
    form.blank_line(start, x1, base, city)
    base += 132
    form.labelled(x0, x1, base, "services", form.phone(extras.get("member_services")))
    base += 88
    form.labelled(x0, x1, base, "payer", _text(extras.get("payer_id")))
    return top + height


def _insurance_prose(
    form: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], base: float
) -> float:
    """The insurance in fill-in-the-blank sentences; the bottom."""
    word = form.word
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    parts: list[_Part] = [
        word("p_insurer"),
        _Blank(_text(fields.get("insurance_company")), 760),
        word("p_member"),
        _Blank(_text(policy), 520),
        ".",
        _BREAK,
        word("p_holder"),
        _Blank(_text(extras.get("subscriber")), 640),
        ".",
        word("p_group"),
        _Blank(_text(extras.get("group")), 300),
        ".",
        _BREAK,
        word("p_valid"),
        _Blank(form.date(fields.get("insurance_expiry")), 420),
        ".",
        word("copay"),
        _Blank(_text(extras.get("copay")), 220),
        ".",
        _BREAK,
        word("p_claims"),
        _Blank(_text(fields.get("insurance_address")), 1450),
        ".",
        _BREAK,
        word("services"),
        _Blank(form.phone(extras.get("member_services")), 500),
        ",",
        word("payer"),
        _Blank(_text(extras.get("payer_id")), 260),
    ]
    return form.fill_in(LEFT, RIGHT, base + 30, parts)


def _med_table(
    form: _Sheet,
    top: float,
    meds: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    none_word: str,
) -> float:
    """Medicine / prescribed by / reason, five rows; the bottom of the table."""
    page = form.page
    xs = (LEFT, 1040.0, 1800.0, RIGHT)
    head_h = 54.0
    row_h = 88.0
    form.rect(xs[0], top, xs[-1], top + head_h, fill=form.pale, outline=None)
    for key, x0, x1 in zip(("med", "prescribed_by", "reason"), xs, xs[1:], strict=False):
        page.text(
            x0 + 70 if key == "med" else x0 + 16,
            top + 38,
            form.word(key),
            "key",
            max_width=x1 - x0 - 90,
        )
    names = list(meds or [])
    for k in range(5):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 22
        form.line(xs[0], row_top + row_h, xs[-1], row_top + row_h, width=1.5, fill=RULE)
        page.text(xs[0] + 12, base, f"{k + 1}.", "opt")
        cells: list[str] = []
        if k < len(names):
            detail = list(rows[k]) if k < len(rows) else []
            cells = [names[k], *detail]
        elif k == 0 and meds == [] and none_word:
            cells = [none_word]
        for text, x0, x1 in zip(cells, xs, xs[1:], strict=False):
            if text:
                left = x0 + 70 if x0 == xs[0] else x0 + 16
                page.text(left, base, text, "value", max_width=x1 - left - 20)
    bottom = top + head_h + 5 * row_h
    form.line(xs[0], top, xs[-1], top, width=2.5, fill=form.colour)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5, fill=RULE)
    return bottom


# --- prescription ---------------------------------------------------------------------------


def _layers(form: _Sheet, cx: float, cy: float, r: float) -> None:
    """The practice's emblem: a disc with three white bars (the skin's layers)."""
    page = form.page
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)], fill=form.colour
    )
    for k, share in enumerate((0.75, 0.95, 0.7)):
        y = cy - r * 0.45 + k * r * 0.45
        half = r * share * 0.8
        form.line(cx - half, y, cx + half, y, width=max(4.0, r * 0.12), fill=(255, 255, 255))


def _figure(form: _Sheet, cx: float, top: float, h: float) -> None:
    """A body outline (head, trunk, arms, legs) ``h`` tall from ``top``."""
    page = form.page

    def at(dx: float, dy: float) -> tuple[int, int]:
        return (page.px(cx + dx * h), page.px(top + dy * h))

    width = max(1, page.px(3))
    page.draw.ellipse([at(-0.055, 0.005), at(0.055, 0.135)], outline=GREY, width=width)
    outline = [
        (-0.03, 0.135), (-0.03, 0.16), (-0.13, 0.18), (-0.2, 0.5), (-0.23, 0.58), (-0.18, 0.6),
        (-0.165, 0.51), (-0.11, 0.3), (-0.11, 0.5), (-0.12, 0.55), (-0.09, 1.0), (-0.02, 1.0),
        (0.0, 0.58), (0.02, 1.0), (0.09, 1.0), (0.12, 0.55), (0.11, 0.5), (0.11, 0.3),
        (0.165, 0.51), (0.18, 0.6), (0.23, 0.58), (0.2, 0.5), (0.13, 0.18), (0.03, 0.16),
        (0.03, 0.135),
    ]  # fmt: skip
    page.draw.line([at(dx, dy) for dx, dy in outline], fill=GREY, width=width, joint="curve")


def _body_map(
    form: _Sheet, extras: Mapping[str, Any], x0: float, x1: float, top: float, bottom: float
) -> None:
    """The framed body map, its marks and the skin type."""
    page = form.page
    words = form.words
    common.box(page, x0, top, x1, bottom, width=2.5)
    page.text((x0 + x1) / 2, top + 40, words["map"], "caption", anchor="ms")
    h = bottom - top - 210
    centres = (x0 + (x1 - x0) * 0.27, x0 + (x1 - x0) * 0.73)
    fig_top = top + 70
    for cx, side in zip(centres, words["sides"].split("|"), strict=True):
        _figure(form, cx, fig_top, h)
        page.text(cx, fig_top + h + 40, side, "caption", anchor="ms")
    ink = form.ink()
    for area in extras.get("marks") or ():
        for figure, dx, dy in AREA_MARKS.get(area, ()):
            cx, cy = centres[figure] + dx * h, fig_top + dy * h
            form.line(cx - 16, cy - 16, cx + 16, cy + 16, width=6, fill=ink)
            form.line(cx + 16, cy - 16, cx - 16, cy + 16, width=6, fill=ink)
    base = bottom - 40
    end = page.text(x0 + 20, base, words["skin"], "caption")
    types = [(t, t) for t in ("I", "II", "III", "IV", "V", "VI")]
    common.circled_options(
        page, end + 56, base, types, extras.get("skin_type"), face="caption", gap=52
    )


def _prescriber_block(
    form: _Sheet,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    x: float,
    top: float,
    anchor: str,
) -> float:
    """The prescriber's printed name, board line and numbers; the bottom."""
    page = form.page
    style = form.style
    lines = [(_text(fields.get("prescriber")), "doc"), (str(style["board"]), "org_small")]
    numbers = f"NPI {extras['npi']}" if extras.get("npi") else ""
    if extras.get("dea"):
        numbers = f"{numbers}   DEA {extras['dea']}".strip()
    lines.append((numbers, "org_small"))
    base = top
    for text, face in lines:
        if text:
            page.text(x, base, text, face, anchor=anchor, max_width=940)
        base += 50 if face == "doc" else 40
    return base


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Sheet(dpi, style)
    page = form.page
    words = form.words
    practice = style["practice"]
    head = style["head"]
    mid = (LEFT + RIGHT) / 2
    contact = f"Tel {form.phone(practice['phone'])}   Fax {form.phone(practice['fax'])}"
    if head == "centred":
        _layers(form, mid, 120, 40)
        page.text(mid, 232, practice["name"], "org_colour", anchor="ms")
        page.text(mid, 274, practice["services"], "org_small", anchor="ms")
        page.text(
            mid,
            312,
            f"{practice['street']}, {practice['city']}   ·   {contact}",
            "org_small",
            anchor="ms",
        )
        bottom = _prescriber_block(form, fields, extras, mid, 384, "ms")
    else:
        _layers(form, LEFT + 48, 168, 48)
        x = LEFT + 130
        room = 1000.0 if head == "split" else RIGHT - x
        page.text(x, 160, practice["name"], "org_colour", max_width=room)
        page.text(x, 204, practice["services"], "org_small", max_width=room)
        page.text(x, 242, f"{practice['street']}, {practice['city']}", "org_small", max_width=room)
        page.text(x, 280, contact, "org_small", max_width=room)
        bottom = 300.0
        if head == "split":
            bottom = max(bottom, _prescriber_block(form, fields, extras, RIGHT, 168, "rs"))
    top = bottom + 20
    form.line(LEFT, top, RIGHT, top, width=5, fill=form.colour)
    # the patient block
    date = form.date(fields.get("date"))
    base = top + 110
    if style["date_place"] == "top":
        form.labelled(LEFT, 1560, base, "patient", _text(fields.get("patient_name")))
        form.labelled(1640, RIGHT, base, "date", date)
    else:
        form.labelled(LEFT, RIGHT, base, "patient", _text(fields.get("patient_name")))
    base += 110
    dob = form.date(extras.get("patient_dob"), short_year=False)
    form.labelled(LEFT, 900, base, "dob", dob)
    form.labelled(980, RIGHT, base, "phone", form.phone(extras.get("patient_phone")))
    base += 110
    form.labelled(LEFT, RIGHT, base, "address", _text(fields.get("patient_address")))
    base += 110
    form.labelled(LEFT, RIGHT, base, "allergies", _text(extras.get("rx_allergies")))
    # the ℞ and the medication table, the body map beside it
    top = base + 70
    rx = fonts.RX_GLYPH if style.get("rx_font") else "Rx"
    page.add_face("rx", str(style["rx_font"] or style["title_font"]), 120, bold=rx == "Rx")
    page.text(LEFT, top + 120, rx, "rx")
    table_right = 1700.0 if style["body_map"] else RIGHT
    rows = int(style["table_rows"])
    bottom = _rx_table(form, fields, extras, LEFT + 170, table_right, top + 20, rows)
    if style["body_map"]:
        _body_map(form, extras, 1760, RIGHT, top + 20, max(bottom, top + 760))
        bottom = max(bottom, top + 760)
    # the directions
    base = bottom + 110
    end = page.text(LEFT, base, words["sig"], "key")
    text = _text(fields.get("directions"))
    first = render.wrap(page, text, "value", RIGHT - end - 90)[:1] if text else []
    rest = text[len(first[0]) :].strip() if first else ""
    more = render.wrap(page, rest, "value", RIGHT - LEFT - 90) if rest else []
    count = max(int(style["sig_rules"]), 1 + len(more))
    for k in range(count):
        x0 = end + 16 if k == 0 else LEFT
        line = (first if k == 0 else more[k - 1 : k]) or [""]
        form.blank_line(x0, RIGHT, base + k * 96, line[0])
    base += count * 96 + 40
    # refills and substitution
    base = _refills(form, fields.get("refills"), base)
    daw = extras.get("daw")
    form.options(1450, base, [("substitute", words["substitute"])], daw)
    form.options(1450, base + 70, [("daw", words["daw"])], daw)
    # the diagnosis and the return visit
    base += 200
    form.labelled(LEFT, 1500, base, "diagnosis", _text(extras.get("diagnosis")))
    form.labelled(1580, RIGHT, base, "icd", _text(extras.get("icd")))
    base += 110
    end = page.text(LEFT, base, f"{words['follow']}:", "key")
    visits = [(key, text) for key, text in zip(FOLLOW_UPS, words["visits"].split("|"), strict=True)]
    form.options(end + 40, base, visits, extras.get("follow_up"), gap=44)
    # signature, date and the prescriber's name at the foot
    base = max(base + 200, 2830.0)
    form.line(LEFT, base + 12, LEFT + 1150, base + 12, width=2.5, fill=(60, 60, 60))
    page.scribble(LEFT + 100, LEFT + 700, base, form.ink())
    page.text(LEFT, base + 46, words["signature"], "note")
    if style["date_place"] == "foot":
        form.labelled(1450, RIGHT, base, "date", date)
    if head == "practice":
        base += 150
        if style["foot_name"] == "typed":
            page.text(LEFT, base, _text(fields.get("prescriber")), "doc")
            numbers = f"NPI {extras['npi']}" if extras.get("npi") else ""
            page.text(LEFT + 1300, base, numbers, "org_small")
        else:
            form.labelled(LEFT, 1400, base, "printed", _text(fields.get("prescriber")))
    for k, text in enumerate(render.wrap(page, words["fine"], "fine", RIGHT - LEFT)):
        page.text(LEFT, 3200 + 28 * k, text, "fine")
    return page.image


def _rx_table(
    form: _Sheet,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    x0: float,
    x1: float,
    top: float,
    rows: int,
) -> float:
    """Medication / quantity / area; the bottom of the table."""
    page = form.page
    words = form.words
    qty_w, area_w = 200.0, 330.0
    xs = (x0, x1 - qty_w - area_w, x1 - area_w, x1)
    head_h = 56.0
    row_h = 100.0
    form.rect(x0, top, x1, top + head_h, fill=form.pale, outline=None)
    for key, a, b in zip(("med", "qty", "area"), xs, xs[1:], strict=False):
        page.text(a + 14, top + 40, words[key], "key", max_width=b - a - 24)
    medicines: Sequence[str] = fields.get("medicines") or []
    quantities: Sequence[str] = extras.get("quantities") or []
    areas: Sequence[str] = extras.get("areas") or []
    for k in range(max(rows, len(medicines))):
        row_top = top + head_h + k * row_h
        base = row_top + row_h - 26
        form.line(x0, row_top + row_h, x1, row_top + row_h, width=1.5, fill=RULE)
        if k >= len(medicines):
            continue
        cells = (
            medicines[k],
            quantities[k] if k < len(quantities) else "",
            areas[k] if k < len(areas) else "",
        )
        for text, a, b in zip(cells, xs, xs[1:], strict=False):
            if text:
                page.text(a + 16, base, text, "value", max_width=b - a - 30)
    bottom = top + head_h + max(rows, len(medicines)) * row_h
    form.line(x0, top, x1, top, width=2.5, fill=form.colour)
    for x in xs[1:-1]:
        form.line(x, top, x, bottom, width=1.5, fill=RULE)
    return bottom


def _refills(form: _Sheet, refills: Any, base: float) -> float:
    """The refills row, per form; its baseline."""
    page = form.page
    words = form.words
    mode = form.style["refill_mode"]
    end = page.text(LEFT, base, f"{words['refills']}:", "key")
    if mode == "write":
        form.blank_line(end + 16, end + 250, base, _text(refills))
        if refills != "PRN":
            page.text(end + 270, base, words["times"], "opt")
        return base
    tokens = [(t, t) for t in ("0", "1", "2", "3", "4", "5", "PRN")]
    chosen = _text(refills) or None
    if mode == "circle":
        common.circled_options(page, end + 50, base, tokens, chosen, face="opt", gap=56)
    else:
        common.options_with_boxes(
            page, end + 30, base, tokens, chosen, mark=form.style["mark"], face="opt", gap=30
        )
    other = page.text(LEFT + 40, base + 90, words["other"], "opt")
    form.blank_line(other + 16, other + 200, base + 90, "")
    if refills is not None and chosen not in {t for t, _ in tokens}:
        page.text(other + 34, base + 90, str(refills), "value")
    return base


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
