"""A chiropractic practice's new-patient intake and a ski resort mountain clinic's prescription.

Written blind as the held-out family of round 35 (its author never read the reader, its layouts,
its vocabulary or its tests); tuned from round 36 on.

Patient record (two pages): the intake packet a chiropractic and spine practice hands a new patient.
Page 1: the practice's letterhead (a round mark, the practice's name, a tagline, its street, phone
and fax: distractors); the visit date either in a small boxed cell at the top right with its caption
in the cell's corner, or written alone at the top right with no label; a chart number (distractor)
under it; a shaded title band with a form code. Sections are framed boxes whose titles run
vertically up a shaded strip at their left edge; after the patient section the other three come in
one of a few orders, with more or less room between them. The patient section has two columns, drawn
either as a key/value table (shaded label cells, values in the cells beside them) or as rules with
the value written at the rule's start and its caption printed small at the rule's right end, after
the value: the patient's name (whole, or last and first names apart), the street, the town line, the
country and the phone on the left; the birth date, sex and occupation (distractors), weight and
height on the right (on some forms the two columns are swapped). A complaint section of distractors
(the reason for the visit, the date the trouble began, a 0 to 10 pain scale with one number ringed,
the areas that hurt ticked, who referred the patient and whether they saw a chiropractor before).
The emergency section: the contact's name and relationship (distractor), a home phone (the contact's
phone) and a cell or work phone (distractor), the contact's address. A health section: the
immunities as ticks in a grid (immune / not immune / unsure, with a mumps row as a distractor) or as
the printed words with one ringed; the hepatitis B series asked with Yes / No / Unsure; the
diagnosed conditions written on two rules. Page 2: the patient's name and chart number again; the
insurance section (covered? ticked; the carrier, the member or policy number, a group number
(distractor), the carrier's claims address, the coverage end date, and as distractors the
subscriber, the subscriber's birth date, the relation to the subscriber and the effective date;
whether the visit follows an accident, with a claim number); allergies and regular medicines in two
framed boxes side by side, one per numbered line, each with a "none" box; the financial and consent
paragraph with the signature and the date signed (distractor); and a shaded office box (examining
doctor, ringed X-ray answer, visits a week: distractors).

Prescription (one page): a ski resort's mountain clinic prescription. A letterhead with a drawn peak
(the clinic, the resort and lodge level, the street, the clinic's and the ski patrol's phones,
sometimes the medical director, a doctor who is not the prescriber: distractors), either spread left
and right or centred; a patrol incident number in a box; the date either beside the title on a rule
or in the patient box; the patient box (name, the date or the age; the birth date, the lodging while
at the resort, a local phone and the lift pass number as distractors; the home address, which is the
patient's address) drawn as a table or as rules with captions after the values; the injury
(distractor); the Rx sign with the medicines on lines and a quantity to dispense beside each
(distractor); the directions on rules; the refills ticked among boxes 0 to 5 and PRN (or written
after "other"), or written on a short rule; substitution boxes (distractor); the signature, the
prescriber either printed under it or written by hand on a caption rule, with NPI and DEA numbers
(distractors), placed lower or higher on the page; the clinic's corner (nurse and time seen:
distractors) and small print at the foot.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageDraw

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 165.0, 2385.0
FOOT = 3190.0  # the footer's rule; the small print below it
INK = (25, 25, 25)
GREY = (90, 90, 90)
LINE = (80, 80, 80)
FAINT = (170, 170, 170)
WHITE = (255, 255, 255)

# fmt: off
COLOURS = ([30, 90, 110], [90, 60, 30], [40, 100, 60], [110, 40, 70], [50, 60, 120],
           [60, 60, 60])
PRACTICES = ("Align Spine & Wellness Center", "Keystone Chiropractic Group",
             "Backbone Family Chiropractic", "Riverbend Spine and Posture Clinic",
             "Northgate Chiropractic & Rehab Studio", "Clearwater Spinal Health")
TAGLINES = ("Adjustments \u2022 Massage \u2022 Posture", "Family chiropractic since 1998",
            "Spinal care for work, sport and life",
            "Chiropractic \u2013 Acupuncture \u2013 Stretch")
CLINICS = ("Summit Peak Mountain Clinic", "Powder Ridge Ski Clinic", "Alpine Bowl Medical Post",
           "Eagle Crest Slopeside Clinic", "Timberline Valley Mountain Medicine")
RESORTS = ("at Powder Ridge Resort", "Blackfir Mountain Resort", "at Snowcap Village",
           "Silver Basin Ski Area", "Grizzly Peak Resort")
LEVELS = ("Base Lodge, Level 2", "Mid-Mountain Chalet", "Village Plaza, Unit 4",
          "Gondola Base Building")
OCCUPATIONS = ("Office worker", "Carpenter", "Retired", "Teacher", "Truck driver", "Nurse",
               "Student", "Mechanic", "Programmer", "Hairdresser", "Warehouse", "Chef")
RELATIONS = ("Spouse", "Wife", "Husband", "Parent", "Mother", "Father", "Son", "Daughter",
             "Sister", "Brother", "Partner", "Roommate", "Friend")
COMPLAINTS = ("Low back pain", "Stiff neck", "Headaches", "Sciatica left leg", "Shoulder pain",
              "Mid back pain", "Neck pain after fall", "Hip pain", "Tension headaches")
LODGES = ("Summit Lodge", "Snowberry Inn", "Pine Hollow Condos", "Ridgeview Hotel",
          "Alpenglow Chalets", "Timber Lodge")
INJURIES = ("Wrist sprain", "Knee sprain", "Shoulder strain", "Bronchitis", "Sinusitis",
            "Altitude headache", "Contusion of thigh", "Sore throat", "Laceration of chin",
            "Ankle sprain", "Frostnip, fingers")
QUANTITIES = ("#10", "#14", "#20", "#30", "30", "1 inh", "#6", "1 box", "15")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso", "dmy_short")
ORDERS = (("patient", "complaint", "emergency", "health"),
          ("patient", "emergency", "complaint", "health"),
          ("patient", "emergency", "health", "complaint"))
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": ("NEW PATIENT INTAKE", "Patient Intake Form", "WELCOME \u2014 NEW PATIENT FORM"),
    "form": ("Form C-7", "NP-2", "Intake 04"),
    "visit": ("Visit date", "First visit", "Date of visit", "Today's date"),
    "chart": ("Chart #", "Acct no.", "File no."),
    "s_pat": ("PATIENT", "ABOUT YOU", "PERSONAL"),
    "s_comp": ("COMPLAINT", "YOUR PAIN", "SYMPTOMS"),
    "s_emer": ("EMERGENCY", "CONTACT", "IN AN EMERGENCY"),
    "s_health": ("HEALTH", "HISTORY", "MEDICAL"),
    "whole": ("Full name", "Patient name", "Name (first, last)"),
    "last": ("Last name", "Surname"),
    "first": ("First name", "Given name"),
    "street": ("Street address", "Mailing address", "Home street"),
    "town": ("City / State / ZIP", "Town, state, zip", "City-State-Zip"),
    "country": ("Country", "Country of residence"),
    "tel": ("Best phone", "Home / cell phone", "Phone no."),
    "dob": ("Birthdate", "DOB", "Date born"),
    "sex": ("Sex", "Gender"),
    "job": ("Occupation", "Job / work", "Employer / job"),
    "weight": ("Weight", "Wt.", "Body weight"),
    "height": ("Height", "Ht.", "Tall"),
    "reason": ("Reason for today's visit", "Main complaint", "What brings you in?"),
    "onset": ("When did it start?", "Onset date", "Began on"),
    "pain": ("Pain today (0 none \u2013 10 worst):", "Rate your pain 0\u201310:"),
    "areas": ("Where?", "Area(s):", "Location:"),
    "area_names": (
        "Neck|Upper back|Low back|Shoulder|Hip|Head",
        "Neck|Mid back|Lower back|Arm|Leg|Headache",
    ),
    "ref": ("Referred by", "Who referred you?", "Referral source"),
    "prior": ("Seen a chiropractor before?", "Previous chiropractic care?"),
    "yes_no": ("Yes|No", "Y|N", "YES|NO"),
    "e_name": ("Contact person", "Emergency contact", "Notify"),
    "e_rel": ("Relationship", "Relation to you"),
    "e_home": ("Home phone", "Phone (home)", "Evening phone"),
    "e_other": ("Cell / work phone", "Work phone", "Daytime phone"),
    "e_addr": ("Contact's address", "Their address", "Address of contact"),
    "imm_head": ("Immunity", "Have you had or been vaccinated for:"),
    "imm_cols": ("Immune|Not immune|Unsure", "IMMUNE|NOT IMMUNE|DON'T KNOW"),
    "pox": ("Chicken pox", "Chickenpox (varicella)", "Varicella"),
    "measles": ("Measles", "Measles (rubeola)"),
    "mumps": ("Mumps",),
    "hep": (
        "Hepatitis B shots completed?",
        "Received the hepatitis B vaccine series?",
        "Hep B vaccinated?",
    ),
    "hep_opts": ("Yes|No|Unsure", "YES|NO|NOT SURE"),
    "problems": (
        "Diagnosed conditions (diabetes, asthma, seizures ...):",
        "Other health problems we should know about:",
        "Medical conditions you are treated for:",
    ),
    "p2_name": ("Patient", "Name"),
    "p2_title": ("INSURANCE & BILLING", "Billing, Allergies, Medicines", "PAGE TWO \u2014 BILLING"),
    "s_ins": ("INSURANCE", "BILLING", "COVERAGE"),
    "ins_q": (
        "Are you covered by health insurance?",
        "Do you carry health insurance?",
        "Health insurance for this care?",
    ),
    "carrier": ("Carrier", "Insurance co.", "Plan name"),
    "policy": ("Member / policy ID", "ID #", "Subscriber ID"),
    "group": ("Group #", "Group no."),
    "c_addr": ("Claims address", "Carrier's address", "Mail claims to"),
    "end": ("Coverage ends", "Valid thru", "Plan year ends"),
    "start": ("Effective", "Coverage began", "Eff. date"),
    "subscriber": ("Subscriber / policy holder", "Insured's name", "Policy holder"),
    "sub_dob": ("Subscriber DOB", "Insured's birthdate"),
    "sub_rel": ("Patient is subscriber's", "Relation to insured"),
    "accident": ("Is this visit due to an accident?", "Injury related to:"),
    "acc_opts": ("Auto|Work|Other|No", "Car accident|Job injury|Sports|None"),
    "claim": ("Claim #", "Claim no."),
    "s_allergy": ("Allergies", "Allergic to", "Drug / food allergies"),
    "s_meds": ("Medicines you take", "Current medications", "Regular medicines"),
    "none_a": ("None known", "No allergies"),
    "none_m": ("None", "No medicines"),
    "consent": (
        "I authorize this office to treat me and to bill my insurance carrier. I understand that "
        "I am responsible for any amount not covered and that the information above is true.",
        "By signing I consent to chiropractic examination and care, and I assign my insurance "
        "benefits to this practice. I will report any change in my health or coverage.",
    ),
    "sign": ("Patient signature", "Signature of patient or guardian"),
    "signed": ("Date", "Date signed"),
    "office": ("OFFICE USE", "FOR CLINIC USE ONLY", "STAFF ONLY"),
    "exam": ("Exam by", "Doctor", "Seen by"),
    "xray": ("X-rays:", "Films taken:"),
    "visits": ("Visits / wk", "Freq./week"),
    "fine": (
        "Please bring your insurance card and photo ID to every visit. 24 hours notice for "
        "cancellations.",
        "Information on this form is kept confidential under federal privacy rules.",
    ),
    "page": ("Page {} of 2", "p. {}/2", "{} of 2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "patrol": ("Ski patrol", "Patrol dispatch", "Mountain ops"),
    "incident": ("Incident #", "Patrol report no.", "Accident no."),
    "title": ("PRESCRIPTION", "Prescription \u2014 Outpatient", "MEDICATION ORDER"),
    "name": ("Patient", "Guest name", "Name"),
    "date": ("Date", "Date seen", "Today"),
    "dob": ("DOB", "Birthdate", "Date of birth"),
    "home": ("Home address", "Permanent address", "Home (street, city, state)"),
    "lodging": ("Staying at", "Local lodging / room", "Resort address"),
    "local": ("Local phone", "Phone while here", "Cell"),
    "pass": ("Lift pass #", "Season pass no.", "Ticket #"),
    "injury": ("Injury / illness", "Diagnosis", "Assessment"),
    "drug": ("Medication and strength", "Drug / strength", "Medicine"),
    "qty": ("Disp.", "Qty", "Dispense"),
    "sig": ("Directions", "Sig", "Take as follows"),
    "refill": ("Refills:", "Refill", "No. of refills:"),
    "other": ("other", "or"),
    "times": ("times", "x"),
    "sub": ("Substitution permitted|Dispense as written", "Generic OK|Brand only"),
    "sign": ("Provider signature", "Signature", "Signed"),
    "caption": ("Provider name (print)", "Printed name of prescriber", "Prescriber"),
    "npi": ("NPI", "NPI #"),
    "dea": ("DEA", "DEA #", "DEA no."),
    "nurse": ("Nurse / PA", "Intake by", "RN"),
    "time": ("Time seen", "Time"),
    "director": ("Medical director", "Physician director", "Medical Director:"),
    "age": ("Age", "Age (yrs)", "Yrs"),
    "fine": (
        "Mountain clinic open daily during the ski season. For emergencies call ski patrol or "
        "911. Fill within 30 days.",
        "This prescription is valid at any pharmacy. Keep medicines away from children. "
        "Follow up with your own doctor at home.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random, suffixes: Sequence[str] = ("", ", DC", ", D.C.")) -> str:
    title = rnd.choice(("Dr. ", "Dr ", ""))
    suffix = rnd.choice(suffixes) if title == "" else rnd.choice(("", *suffixes))
    if not title and not suffix:
        suffix = ", DC"
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _shift(day: dt.date, rnd: random.Random, low: int, high: int) -> str:
    return (day + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _base_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 35), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NKA", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    style["arrangement"] = rnd.choice(("table", "after"))
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _base_style(rnd, handwriting, font, _RX)
        style.update(
            clinic=rnd.choice(CLINICS),
            resort=rnd.choice(RESORTS),
            level=rnd.choice(LEVELS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            patrol_phone=values.phone_number(rnd),
            header=rnd.choice(("spread", "centred")),
            refill_mode=rnd.choice(("boxes", "boxes", "written")),
            prescriber_written=(handwriting and rnd.random() < 0.6) or rnd.random() < 0.15,
            rx_glyph=rnd.random() < 0.5,
            sign_at=rnd.choice((2500.0, 2650.0, 2750.0)),
            date_top=rnd.random() < 0.4,
        )
        return style
    style = _base_style(rnd, handwriting, font, _REC)
    style.update(
        practice=rnd.choice(PRACTICES),
        tagline=rnd.choice(TAGLINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_spot=rnd.choice(("box", "box", "lone")),
        split_name=rnd.random() < 0.45,
        immune_mode=rnd.choice(("grid", "ring")),
        strip=rnd.choice((70.0, 80.0, 90.0)),
        order=rnd.choice(ORDERS),
        gap=rnd.choice((40.0, 55.0, 70.0)),
        swap=rnd.random() < 0.3,
        sign_at=rnd.choice((0.0, 2450.0, 2650.0, 2780.0)),
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


def _maybe(rnd: random.Random, share: float, value: Any) -> Any:
    return value if rnd.random() < share else None


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    areas = sorted(rnd.sample(range(6), rnd.choice((0, 1, 1, 2, 2, 3))))
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "chart": _maybe(rnd, 0.7, f"{rnd.randint(100, 9999)}-{rnd.choice('ABCDKMR')}"),
        "sex": _maybe(rnd, 0.85, rnd.choice(("F", "M"))),
        "occupation": _maybe(rnd, 0.65, rnd.choice(OCCUPATIONS)),
        "complaint": _maybe(rnd, 0.85, rnd.choice(COMPLAINTS)),
        "onset": _maybe(rnd, 0.6, _shift(record, rnd, -400, -3)),
        "pain": _maybe(rnd, 0.8, rnd.randint(1, 9)),
        "areas": areas,
        "referrer": _maybe(rnd, 0.45, values.person_name(rnd)),
        "prior": _maybe(rnd, 0.75, rnd.randrange(2)),
        "mumps": _maybe(rnd, 0.7, rnd.choice((0, 0, 1, 2))),
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = _maybe(rnd, 0.85, rnd.choice(RELATIONS))
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # "unsure" chosen
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = _maybe(rnd, 0.55, f"{rnd.randint(10000, 999999)}")
        extras["effective"] = _maybe(rnd, 0.4, _shift(record, rnd, -900, -20))
        if rnd.random() < 0.5:
            extras["subscriber"] = "Self"
        else:
            extras["subscriber"] = values.person_name(rnd)
            extras["sub_relation"] = _maybe(rnd, 0.8, rnd.choice(("Spouse", "Child", "Dependent")))
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=rnd.randint(0, 17000))
            extras["sub_dob"] = _maybe(rnd, 0.6, birth.isoformat())
    elif rnd.random() < 0.15:
        del fields["has_insurance"]  # left unanswered
    accident = _maybe(rnd, 0.75, rnd.choice((0, 1, 2, 3, 3, 3)))
    extras["accident"] = accident
    if accident is not None and accident < 3 and rnd.random() < 0.6:
        extras["claim"] = f"{rnd.choice(('AC', 'WC', 'CL'))}{rnd.randint(100000, 9999999)}"
    extras["signed"] = _maybe(rnd, 0.7, _shift(record, rnd, 0, 2))
    extras["examiner"] = _maybe(rnd, 0.5, _doctor(rnd))
    extras["visits"] = _maybe(rnd, 0.4, rnd.choice((1, 2, 3)))
    extras["xray"] = _maybe(rnd, 0.5, rnd.randrange(2))
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    visit = dt.date.fromisoformat(fields["date"])
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rnd.randint(0, 27000))
    birth = min(birth, visit - dt.timedelta(days=400))
    extras: dict[str, Any] = {
        "incident": _maybe(rnd, 0.65, f"{visit.year % 100:02d}-{rnd.randint(1, 4999):04d}"),
        "birth": _maybe(rnd, 0.7, birth.isoformat()),
        "age": _maybe(rnd, 0.8, max(1, (visit - birth).days // 365)),
        "lodging": _maybe(rnd, 0.65, f"{rnd.choice(LODGES)}, Room {rnd.randint(101, 480)}"),
        "local_phone": _maybe(rnd, 0.5, values.phone_number(rnd)),
        "pass": _maybe(rnd, 0.45, f"{rnd.choice(letters)}{rnd.randint(1000000, 9999999)}"),
        "injury": _maybe(rnd, 0.8, rnd.choice(INJURIES)),
        "quantities": [
            rnd.choice(QUANTITIES) if rnd.random() < 0.8 else "" for _ in fields["medicines"]
        ],
        "substitution": _maybe(rnd, 0.6, rnd.randrange(2)),
        "npi": _maybe(rnd, 0.7, str(rnd.randint(1000000000, 1999999999))),
        "dea": _maybe(
            rnd,
            0.5,
            rnd.choice("ABFM") + rnd.choice(letters) + str(rnd.randint(1000000, 9999999)),
        ),
        "nurse": _maybe(rnd, 0.55, values.person_name(rnd)),
        "time": _maybe(rnd, 0.5, f"{rnd.randint(9, 16)}:{rnd.choice(('05', '20', '35', '50'))}"),
        "director": _maybe(rnd, 0.35, _doctor(rnd, (", MD", ", M.D.", ", DO"))),
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    return (
        round(255 - (255 - colour[0]) * share),
        round(255 - (255 - colour[1]) * share),
        round(255 - (255 - colour[2]) * share),
    )


class _Form(common.Drawing):
    """One page being drawn: its faces and wording, and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK)
        faces["bold"] = render.Face(label.bold, size, INK)
        faces["cap"] = render.Face(label.regular, 24, GREY)
        faces["strip"] = render.Face(title.bold, 34, WHITE)
        faces["band"] = render.Face(title.bold, 50, WHITE)
        faces["band_small"] = render.Face(title.regular, 26, WHITE)
        faces["org"] = render.Face(title.bold, 54, self.colour)
        faces["org_small"] = render.Face(title.regular, 29, (65, 65, 65))
        faces["box_head"] = render.Face(title.bold, 34, self.colour)
        faces["note"] = render.Face(label.regular, 27, (55, 55, 55))
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
            self.page.text(x, base, str(text), "value", max_width=max(60, width), anchor=anchor)

    def ticks(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 50
    ) -> float:
        return common.options_with_boxes(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            mark=self.style["mark"],
            face="label",
            gap=gap,
        )

    def rings(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 70
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

    def vertical(self, x0: float, y0: float, x1: float, y1: float, text: str) -> None:
        """A shaded strip with ``text`` running up it (a section's title)."""
        page = self.page
        self.rect(x0, y0, x1, y1, fill=self.colour, outline=None)
        face = page.faces["strip"]
        size = float(face.size)
        room = (y1 - y0) - 30
        width = page.width(text, "strip")
        if width > room:
            size = size * room / width
        font = fonts.font_at(face.path, page.px(size))
        left, top, right, bottom = (round(v) for v in font.getbbox(text))
        pad = 4
        mask = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
        ImageDraw.Draw(mask).text((pad - left, pad - top), text, font=font, fill=255)
        turned = mask.rotate(90, expand=True)
        cx, cy = page.px((x0 + x1) / 2), page.px((y0 + y1) / 2)
        box = (cx - turned.width // 2, cy - turned.height // 2)
        page.image.paste(WHITE, (*box, box[0] + turned.width, box[1] + turned.height), turned)

    def item(self, x0: float, x1: float, base: float, label: str, text: Any) -> None:
        """One field the form's way: a table row, or a rule whose caption follows the value."""
        page = self.page
        if self.style["arrangement"] == "table":
            label_w = min(430.0, (x1 - x0) * 0.42)
            top = base - 62
            self.rect(x0, top, x0 + label_w, base + 22, fill=_tint(self.colour, 0.13), outline=None)
            self.rect(x0, top, x1, base + 22, outline=LINE, width=2)
            self.line(x0 + label_w, top, x0 + label_w, base + 22, width=2, fill=LINE)
            page.text(x0 + 14, base - 8, label, "label", max_width=label_w - 24)
            self.value(x0 + label_w + 20, base, text, x1 - x0 - label_w - 36)
        else:
            caption = label.lower() if label[:1].isupper() and label[1:2].islower() else label
            cap_w = page.width(caption, "cap")
            self.line(x0, base + 12, x1, base + 12, width=2, fill=LINE)
            page.text(x1 - 4, base + 4, caption, "cap", anchor="rs")
            self.value(x0 + 10, base, text, x1 - x0 - cap_w - 50)

    def column(self, x0: float, x1: float, top: float, items: Sequence[tuple[str, Any]]) -> float:
        """Items one under another from ``top``; returns the bottom."""
        step = 84.0 if self.style["arrangement"] == "table" else 96.0
        for k, (label, text) in enumerate(items):
            self.item(x0, x1, top + 66 + step * k, label, text)
        return top + 66 + step * (len(items) - 1) + 40

    def section(self, top: float, bottom: float, key: str) -> None:
        """The frame of a section with its title up the strip at its left."""
        strip = float(self.style.get("strip", 80.0))
        self.rect(LEFT, top, RIGHT, bottom, outline=self.colour, width=3)
        self.vertical(LEFT, top, LEFT + strip, bottom, self.word(key))

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, FOOT, RIGHT, FOOT, width=1.5, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 400)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, FOOT + 36 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, FOOT + 36, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _letterhead(form: _Form, right_edge: float) -> None:
    page, style = form.page, form.style
    colour = form.colour
    cx, cy = LEFT + 62, 190.0
    page.draw.ellipse(
        [page.px(cx - 62), page.px(cy - 62), page.px(cx + 62), page.px(cy + 62)], fill=colour
    )
    for k in range(5):  # a column of small vertebrae
        y = cy - 48 + 20 * k
        form.rect(
            cx - 16 + 2 * abs(k - 2), y, cx + 16 - 2 * abs(k - 2), y + 13, fill=WHITE, outline=None
        )
    x = LEFT + 160
    page.text(x, 170, style["practice"], "org", max_width=right_edge - x)
    page.text(x, 218, style["tagline"], "org_small", max_width=right_edge - x)
    contact = (
        f"{style['street']}, {style['city']}  |  P {form.phone(style['phone'])}"
        f"  |  F {form.phone(style['fax'])}"
    )
    page.text(x, 262, contact, "org_small", max_width=right_edge - x)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    colour = form.colour
    _letterhead(form, 1800)

    # the visit date (boxed, or alone) and the chart number
    record = form.date(fields.get("record_date"))
    if style["date_spot"] == "box":
        form.rect(1880, 105, RIGHT, 215, outline=LINE, width=2)
        page.text(1894, 133, form.word("visit").upper(), "cap")
        form.value(1910, 200, record, RIGHT - 1940)
    else:
        form.value(RIGHT, 190, record, RIGHT - 1880, anchor="rs")
    chart_label = f"{form.word('chart')}"
    end = page.text(1880, 290, chart_label, "label")
    form.line(end + 14, 302, RIGHT, 302, width=1.5, fill=FAINT)
    form.value(end + 30, 290, extras.get("chart"), RIGHT - end - 40)

    # the title band
    form.rect(LEFT, 350, RIGHT, 430, fill=colour, outline=None)
    page.text(LEFT + 24, 408, form.word("title"), "band", max_width=1500)
    page.text(RIGHT - 24, 402, form.word("form"), "band_small", anchor="rs")

    strip = float(style["strip"])
    inner = LEFT + strip + 30
    mid = 1330.0

    def patient(top: float) -> float:
        """The patient; returns the bottom."""
        lines = common.address_lines(fields, extras)
        name = fields.get("patient_name")
        name_items: list[tuple[str, Any]]
        if style["split_name"] and name:
            given, _, surname = str(name).rpartition(" ")
            name_items = [(form.word("last"), surname), (form.word("first"), given)]
        else:
            name_items = [(form.word("whole"), name)]
        left_items: list[tuple[str, Any]] = [
            *name_items,
            (form.word("street"), lines[0]),
            (form.word("town"), lines[1]),
            (form.word("country"), lines[2]),
            (form.word("tel"), form.phone(fields.get("phone"))),
        ]
        right_items: list[tuple[str, Any]] = [
            (form.word("dob"), form.date(fields.get("birth_date"), short_year=False)),
            (form.word("sex"), extras.get("sex")),
            (form.word("weight"), _measure(fields.get("weight"), extras.get("weight_unit"))),
            (form.word("height"), _measure(fields.get("height"), extras.get("height_unit"))),
            (form.word("job"), extras.get("occupation")),
        ]
        if style["swap"]:  # the birth date's column on the left
            left_items, right_items = right_items, left_items
        bottom = max(
            form.column(inner, mid - 30, top, left_items),
            form.column(mid + 30, RIGHT - 30, top, right_items),
        )
        bottom += 20
        form.section(top, bottom, "s_pat")
        return bottom

    def complaint(top: float) -> float:
        """The complaint (distractors); returns the bottom."""
        y = top + 80
        form.item(inner, RIGHT - 30, y, form.word("reason"), extras.get("complaint"))
        y += 100
        form.item(inner, mid + 200, y, form.word("onset"), form.date(extras.get("onset")))
        form.item(mid + 260, RIGHT - 30, y, form.word("ref"), extras.get("referrer"))
        y += 100
        end = page.text(inner, y, form.word("pain"), "bold")
        form.rings(end + 56, y, [str(n) for n in range(11)], extras.get("pain"), gap=64)
        y += 95
        end = page.text(inner, y, form.word("areas"), "bold")
        x = end + 36
        chosen = set(extras.get("areas") or [])
        for k, area in enumerate(form.parts("area_names")):
            x = common.checkbox(page, x, y, checked=k in chosen, mark=style["mark"], side=36)
            x = page.text(x + 16, y, area, "label") + 40
        y += 95
        end = page.text(inner, y, form.word("prior"), "label")
        form.ticks(end + 56, y, form.parts("yes_no"), extras.get("prior"))
        bottom = y + 40
        form.section(top, bottom, "s_comp")
        return bottom

    def emergency(top: float) -> float:
        """The emergency contact; returns the bottom."""
        emer_left: list[tuple[str, Any]] = [
            (form.word("e_name"), fields.get("emergency_contact_name")),
            (form.word("e_rel"), extras.get("relation")),
        ]
        emer_right: list[tuple[str, Any]] = [
            (form.word("e_home"), form.phone(fields.get("emergency_contact_phone"))),
            (form.word("e_other"), form.phone(extras.get("emergency_work_phone"))),
        ]
        bottom = max(
            form.column(inner, mid - 30, top, emer_left),
            form.column(mid + 30, RIGHT - 30, top, emer_right),
        )
        y = bottom + 70
        form.item(
            inner, RIGHT - 30, y, form.word("e_addr"), fields.get("emergency_contact_address")
        )
        bottom = y + 50
        form.section(top, bottom, "s_emer")
        return bottom

    def health(top: float) -> float:
        """Health: immunities, hepatitis B, conditions; returns the bottom."""
        y = top + 70
        page.text(inner, y, form.word("imm_head"), "bold")
        rows: list[tuple[str, int | None]] = []
        for key, name in (("pox", "chicken_pox"), ("measles", "measles")):
            answer = fields.get(name)
            index = {"immune": 0, "not immune": 1}.get(answer or "")
            if extras.get(f"{name}_unsure"):
                index = 2
            rows.append((form.word(key), index))
        rows.append((form.word("mumps"), extras.get("mumps")))
        options = form.parts("imm_cols")
        if style["immune_mode"] == "grid":
            col0 = inner + 560
            col_w = 330.0
            for k, option in enumerate(options):
                page.text(col0 + col_w * k + col_w / 2, y, option, "cap", anchor="ms")
            for r, (label, index) in enumerate(rows):
                base = y + 70 + 70 * r
                page.text(inner + 20, base, label, "label", max_width=520)
                form.line(inner, base + 18, col0 + col_w * 3, base + 18, width=1, fill=FAINT)
                for k in range(3):
                    common.checkbox(
                        page,
                        col0 + col_w * k + col_w / 2 - 20,
                        base,
                        checked=index == k,
                        mark=style["mark"],
                        side=40,
                    )
            y += 70 * len(rows) + 30
        else:
            for label, index in rows:
                y += 80
                page.text(inner + 20, y, f"{label}:", "label", max_width=520)
                form.rings(inner + 600, y, options, index, gap=80)
            y += 10
        y += 90
        end = page.text(inner, y, form.word("hep"), "label")
        hep = {"yes": 0, "no": 1}.get(fields.get("hepatitis_b_vaccination") or "")
        if extras.get("hepatitis_b_vaccination_unsure"):
            hep = 2
        form.rings(end + 60, y, form.parts("hep_opts"), hep, gap=70)
        y += 90
        page.text(inner, y, form.word("problems"), "label", max_width=RIGHT - inner - 40)
        problems = common.list_text(fields.get("medical_problems"), str(style["empty_list"])) or ""
        texts = render.wrap(page, problems, "value", RIGHT - inner - 80) if problems else []
        for k in range(max(2, len(texts))):
            base = y + 85 * (k + 1)
            form.line(inner, base + 12, RIGHT - 30, base + 12, width=1.5, fill=FAINT)
            if k < len(texts):
                form.value(inner + 10, base, texts[k], RIGHT - inner - 60)
        bottom = y + 85 * max(2, len(texts)) + 40
        form.section(top, bottom, "s_health")
        return bottom

    sections = {
        "patient": patient,
        "complaint": complaint,
        "emergency": emergency,
        "health": health,
    }
    bottom = 430.0
    for key in style["order"]:
        bottom = sections[key](bottom + float(style["gap"]))
    form.footer(form.word("fine"), form.word("page").format(1))
    return page.image


def _list_box(
    form: _Form, x0: float, x1: float, top: float, head: str, none: str, items: Any
) -> float:
    """A framed box of numbered lines, one item a line, with a "none" box; returns its bottom."""
    page = form.page
    form.rect(x0, top, x1, top + 64, fill=_tint(form.colour, 0.16), outline=None)
    page.text(x0 + 20, top + 46, head, "box_head", max_width=x1 - x0 - 40)
    y = top + 140
    empty = items == []
    end = common.checkbox(page, x0 + 24, y, checked=empty, mark=form.style["mark"], side=38)
    page.text(end + 18, y, none, "label")
    entries = list(items or [])
    if empty and form.style["empty_list"]:
        entries = [str(form.style["empty_list"])]
    count = max(4, len(entries))
    for k in range(count):
        base = y + 90 * (k + 1)
        page.text(x0 + 24, base, f"{k + 1}.", "label")
        form.line(x0 + 80, base + 12, x1 - 24, base + 12, width=1.5, fill=FAINT)
        if k < len(entries):
            form.value(x0 + 96, base, entries[k], x1 - x0 - 130)
    bottom = y + 90 * count + 50
    form.rect(x0, top, x1, bottom, outline=form.colour, width=3)
    return bottom


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    colour = form.colour
    page.text(LEFT, 150, style["practice"], "org", max_width=1200, size=40)
    name_label = f"{form.word('p2_name')}:"
    end = page.text(1400, 150, name_label, "label")
    form.line(end + 14, 162, RIGHT, 162, width=1.5, fill=FAINT)
    form.value(end + 30, 150, fields.get("patient_name"), RIGHT - end - 40)
    end = page.text(1400, 240, form.word("chart"), "label")
    form.line(end + 14, 252, 2000, 252, width=1.5, fill=FAINT)
    form.value(end + 30, 240, extras.get("chart"), 2000 - end - 40)

    form.rect(LEFT, 290, RIGHT, 370, fill=colour, outline=None)
    page.text(LEFT + 24, 348, form.word("p2_title"), "band", max_width=1700)

    strip = float(style["strip"])
    inner = LEFT + strip + 30
    mid = 1330.0

    # insurance
    top = 410.0
    y = top + 80
    end = page.text(inner, y, form.word("ins_q"), "bold")
    insured = {"yes": 0, "no": 1}.get(fields.get("has_insurance") or "")
    form.ticks(end + 50, y, form.parts("yes_no"), insured)
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    left_items: list[tuple[str, Any]] = [
        (form.word("carrier"), fields.get("insurance_company")),
        (form.word("policy"), policy),
        (form.word("group"), extras.get("group")),
        (form.word("end"), form.date(fields.get("insurance_expiry"))),
    ]
    right_items: list[tuple[str, Any]] = [
        (form.word("subscriber"), extras.get("subscriber")),
        (form.word("sub_rel"), extras.get("sub_relation")),
        (form.word("sub_dob"), form.date(extras.get("sub_dob"), short_year=False)),
        (form.word("start"), form.date(extras.get("effective"))),
    ]
    bottom = max(
        form.column(inner, mid - 30, y + 20, left_items),
        form.column(mid + 30, RIGHT - 30, y + 20, right_items),
    )
    y = bottom + 70
    form.item(inner, RIGHT - 30, y, form.word("c_addr"), fields.get("insurance_address"))
    y += 100
    end = page.text(inner, y, form.word("accident"), "label")
    form.ticks(end + 40, y, form.parts("acc_opts"), extras.get("accident"), gap=40)
    y += 95
    end = page.text(inner, y, f"{form.word('claim')}", "label")
    form.line(end + 14, y + 12, 1300, y + 12, width=1.5, fill=FAINT)
    form.value(end + 30, y, extras.get("claim"), 1300 - end - 40)
    bottom = y + 45
    form.section(top, bottom, "s_ins")

    # allergies and medicines side by side
    top = bottom + 60
    half = (LEFT + RIGHT) / 2
    left_bottom = _list_box(
        form,
        LEFT,
        half - 25,
        top,
        form.word("s_allergy"),
        form.word("none_a"),
        fields.get("allergies"),
    )
    right_bottom = _list_box(
        form,
        half + 25,
        RIGHT,
        top,
        form.word("s_meds"),
        form.word("none_m"),
        fields.get("regular_medication"),
    )
    y = max(left_bottom, right_bottom) + 80

    # consent and signature
    for line in render.wrap(page, form.word("consent"), "note", RIGHT - LEFT - 40):
        page.text(LEFT, y, line, "note")
        y += 38
    y = max(y + 110, float(style["sign_at"]))
    form.line(LEFT, y, 1300, y, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 560, y - 8, form.ink())
    page.text(LEFT, y + 36, form.word("sign"), "cap")
    form.line(1450, y, 2150, y, width=2.5, fill=LINE)
    form.value(1470, y - 14, form.date(extras.get("signed")), 660)
    page.text(1450, y + 36, form.word("signed"), "cap")

    # the office box (distractors)
    top = y + 110
    form.rect(LEFT, top, RIGHT, top + 200, fill=(244, 244, 244), outline=LINE, width=2)
    page.text(LEFT + 20, top + 38, form.word("office"), "cap")
    row = top + 130
    end = page.text(LEFT + 20, row, f"{form.word('exam')}:", "label")
    form.line(end + 14, row + 12, 1000, row + 12, width=1.5, fill=FAINT)
    form.value(end + 30, row, extras.get("examiner"), 1000 - end - 40)
    end = page.text(1060, row, form.word("xray"), "label")
    end = form.rings(end + 50, row, form.parts("yes_no"), extras.get("xray"), gap=60)
    end = page.text(max(end + 20, 1700), row, f"{form.word('visits')}:", "label")
    form.line(end + 14, row + 12, RIGHT - 20, row + 12, width=1.5, fill=FAINT)
    form.value(end + 30, row, extras.get("visits"), RIGHT - end - 60)
    form.footer(form.word("fine"), form.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _peak(form: _Form, cx: float, base: float) -> None:
    """A drawn mountain: two peaks with snow caps."""
    page = form.page
    colour = form.colour
    for dx, height, half in ((-30, 120, 90), (45, 90, 75)):
        points = [(cx + dx - half, base), (cx + dx, base - height), (cx + dx + half, base)]
        page.draw.polygon([(page.px(a), page.px(b)) for a, b in points], fill=colour)
        cap = [
            (cx + dx - half * 0.3, base - height * 0.7),
            (cx + dx, base - height),
            (cx + dx + half * 0.3, base - height * 0.7),
        ]
        page.draw.polygon([(page.px(a), page.px(b)) for a, b in cap], fill=WHITE)


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    colour = form.colour
    centre = 2550 / 2
    phones = (
        f"Clinic {form.phone(style['phone'])}  \u2022  "
        f"{form.word('patrol')} {form.phone(style['patrol_phone'])}"
    )
    place = f"{style['level']} \u2022 {style['street']}, {style['city']}"
    if style["header"] == "spread":
        _peak(form, LEFT + 110, 250)
        x = LEFT + 260
        page.text(x, 170, style["clinic"], "org", max_width=1300)
        page.text(x, 222, style["resort"], "org_small", max_width=1300)
        page.text(RIGHT, 150, style["level"], "org_small", anchor="rs", max_width=700)
        page.text(RIGHT, 190, f"{style['street']}", "org_small", anchor="rs", max_width=700)
        page.text(RIGHT, 230, f"{style['city']}", "org_small", anchor="rs", max_width=700)
        page.text(RIGHT, 270, phones, "org_small", anchor="rs", max_width=1000)
        if extras.get("director"):
            director = f"{form.word('director').rstrip(':')}: {extras['director']}"
            page.text(x, 268, director, "org_small", max_width=880)
    else:
        _peak(form, centre, 150)
        page.text(centre, 230, style["clinic"], "org", anchor="ms", max_width=1900)
        page.text(
            centre,
            272,
            f"{style['resort']} \u2022 {place}",
            "org_small",
            anchor="ms",
            max_width=2000,
        )
        if extras.get("director"):
            phones = f"{phones}  \u2022  {form.word('director').rstrip(':')} {extras['director']}"
        page.text(centre, 308, phones, "org_small", anchor="ms", max_width=2100)
    form.line(LEFT, 335, RIGHT, 335, width=6, fill=colour)

    # the title and the patrol incident number
    title_room = 900 if style["date_top"] else 1500
    page.text(LEFT, 440, form.word("title"), "box_head", size=52, max_width=title_room)
    bx0 = 1760.0
    form.rect(bx0, 375, RIGHT, 470, outline=LINE, width=2)
    page.text(bx0 + 14, 402, form.word("incident").upper(), "cap")
    form.value(bx0 + 40, 455, extras.get("incident"), RIGHT - bx0 - 60)
    visit = form.date(fields.get("date"))
    if style["date_top"]:  # the date beside the title, the box asks the age instead
        end = page.text(1120, 440, f"{form.word('date')}:", "label")
        form.line(end + 14, 452, 1700, 452, width=2, fill=LINE)
        form.value(end + 30, 440, visit, 1700 - end - 40)

    # the patient box
    top = 510.0
    mid = 1400.0
    x0 = LEFT + 30
    left_items: list[tuple[str, Any]] = [
        (form.word("name"), fields.get("patient_name")),
        (form.word("dob"), form.date(extras.get("birth"), short_year=False)),
    ]
    right_items: list[tuple[str, Any]] = [
        (form.word("age"), extras.get("age")) if style["date_top"] else (form.word("date"), visit),
        (form.word("local"), form.phone(extras.get("local_phone"))),
    ]
    bottom = max(
        form.column(x0, mid - 20, top, left_items),
        form.column(mid + 20, RIGHT - 30, top, right_items),
    )
    y = bottom + 66
    form.item(x0, RIGHT - 30, y, form.word("home"), fields.get("patient_address"))
    y += 96
    form.item(x0, mid + 300, y, form.word("lodging"), extras.get("lodging"))
    form.item(mid + 340, RIGHT - 30, y, form.word("pass"), extras.get("pass"))
    y += 96
    form.item(x0, RIGHT - 30, y, form.word("injury"), extras.get("injury"))
    bottom = y + 50
    form.rect(LEFT, top, RIGHT, bottom, outline=colour, width=3)

    # the Rx sign, the medicines and their quantities
    top = bottom + 60
    if style["rx_glyph"] and any(f.has_rx_glyph for f in fonts.families(handwriting=False)):
        rx_font = next(f for f in fonts.families(handwriting=False) if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 120, INK)
        page.text(LEFT, top + 130, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(page.faces["bold"].path, 100, INK)
        page.text(LEFT, top + 120, "Rx", "rx")
    mx = LEFT + 230
    qty_x = 2020.0
    page.text(mx, top + 40, form.word("drug"), "cap")
    page.text(qty_x + 20, top + 40, form.word("qty"), "cap")
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    count = max(4, len(medicines))
    for r in range(count):
        base = top + 130 + 95 * r
        form.line(mx, base + 14, qty_x - 30, base + 14, width=1.5, fill=FAINT)
        form.line(qty_x, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
        if r < len(medicines):
            form.value(mx + 20, base, medicines[r], qty_x - mx - 70)
            form.value(qty_x + 20, base, quantities[r] if r < len(quantities) else "", 320)
    y = top + 130 + 95 * count + 40

    # the directions on rules
    page.text(LEFT, y, f"{form.word('sig')}:", "bold")
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 200) if directions else []
    for k in range(max(3, len(lines))):
        line_y = y + 90 * (k + 1)
        form.line(LEFT + 40, line_y + 14, RIGHT, line_y + 14, width=1.5, fill=FAINT)
        if k < len(lines):
            form.value(LEFT + 60, line_y, lines[k], RIGHT - LEFT - 80)
    y += 90 * max(3, len(lines)) + 120

    # the refills, then substitution
    refills = fields.get("refills")
    end = page.text(LEFT, y, form.word("refill"), "bold")
    if style["refill_mode"] == "boxes":
        tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = tokens.index(str(refills)) if str(refills) in tokens else None
        end = form.ticks(end + 40, y, tokens, chosen, gap=36)
        end = page.text(end + 10, y, f"{form.word('other')}:", "label")
        form.line(end + 14, y + 12, end + 170, y + 12, width=2, fill=LINE)
        if refills is not None and chosen is None:
            form.value(end + 40, y, refills, 120)
    else:
        form.line(end + 20, y + 12, end + 200, y + 12, width=2, fill=LINE)
        form.value(end + 60, y, "" if refills is None else refills, 130)
        if refills != "PRN":
            page.text(end + 220, y, form.word("times"), "label")
    y += 100
    form.ticks(LEFT, y, form.parts("sub"), extras.get("substitution"), gap=60)

    # the signature and the prescriber, then the clinic's corner, low on the page
    y = max(y + 200, float(style["sign_at"]))
    form.line(LEFT, y, 1200, y, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 600, y - 8, (25, 35, 110))
    page.text(LEFT, y + 36, form.word("sign"), "cap")
    prescriber = str(fields.get("prescriber", ""))
    y2 = y + 130
    if style["prescriber_written"]:
        form.line(LEFT, y2 + 12, 1200, y2 + 12, width=2, fill=LINE)
        form.value(LEFT + 20, y2, prescriber, 1200 - LEFT - 40)
        page.text(LEFT, y2 + 48, form.word("caption"), "cap")
    else:
        page.text(LEFT, y2, prescriber, "bold", max_width=1200 - LEFT)
    y3 = y2 + 120
    end = page.text(LEFT, y3, f"{form.word('npi')}:", "label")
    form.value(end + 24, y3, extras.get("npi"), 600 - end)
    end = page.text(680, y3, f"{form.word('dea')}:", "label")
    form.value(end + 24, y3, extras.get("dea"), 1250 - end)

    cx0 = 1500.0
    form.rect(cx0, y - 90, RIGHT, y + 230, fill=_tint(colour, 0.08), outline=LINE, width=2)
    row = y - 10
    end = page.text(cx0 + 20, row, f"{form.word('nurse')}:", "label")
    form.line(end + 14, row + 12, RIGHT - 20, row + 12, width=1.5, fill=FAINT)
    form.value(end + 30, row, extras.get("nurse"), RIGHT - end - 60)
    row += 120
    end = page.text(cx0 + 20, row, f"{form.word('time')}:", "label")
    form.line(end + 14, row + 12, RIGHT - 20, row + 12, width=1.5, fill=FAINT)
    form.value(end + 30, row, extras.get("time"), RIGHT - end - 60)
    form.footer(form.word("fine"), "")
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
