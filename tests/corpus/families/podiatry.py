"""A podiatry practice's registration and history form and a cruise ship's medical prescription.

Written blind as the held-out family of round 32 (its author never read the reader, its
layouts, its vocabulary or its tests); tuned from round 33 on.

Patient record (two pages): the registration and foot health history a foot and ankle
(podiatry) practice hands a new patient. The practice's header (name, specialty line, address,
phones: distractors); a shaded "office use" sidebar down the left edge of page 1 (chart number,
provider, appointment time, copay, a referral date: distractors, and on some forms the visit
date itself); lettered sections in the main column, each a ledger of shaded label cells
beside value cells, two pairs to a row where they fit. The record date sits in a box at the
top right, or in the sidebar. The emergency contact has an evening and a daytime number (the
evening one is the home phone). A foot-complaint section (which foot, how long, symptoms
ticked, a foot outline marked where it hurts, shoe size: distractors); an immunity table whose
status is written by hand or circled (a tetanus booster date is a distractor; "unknown" leaves
the field out); the hepatitis B series answered in boxes; other conditions on ruled lines;
height and weight on blanks. Page 2: the patient's name and chart number again, insurance
(covered? circled; carrier, member ID, group, claims address, effective date as a distractor,
termination date; a subscriber row), an empty secondary-insurance ledger, allergies on a line
after a "none known" box with a latex question (distractor), medicines on numbered lines with a
blood-thinner question (distractor), an assignment of benefits, signature and the date signed.

Prescription (one page): the form a cruise ship's medical centre issues to a guest or crew
member: a dark band with the ship, the cruise line and the centre's deck and phone; a strip of
voyage details (voyage number, embarkation date, next port: distractors); the patient block
(guest or crew tick, cabin, date of birth, nationality: distractors; the patient's name, home
address and the date issued); the medicine table (route and quantity are distractors), the
directions on rules, refills ticked in boxes (or written after "other"), the physician's
signature block (printed name, registration number and the dispensing nurse: distractors), a
charge to the onboard account (distractor) and small print. Values are typed, or handwritten on
the handwriting copies.
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
SIDEBAR = 440.0  # the record's office-use sidebar: its width
GUTTER = 60.0  # between the sidebar and the main column
FOOT_TOP = 3160.0
INK_DARK = (25, 25, 25)
GREY = (95, 95, 95)
LINE = (80, 80, 80)
FAINT = (170, 170, 170)
WHITE = (255, 255, 255)

# fmt: off
COLOURS = ([18, 52, 86], [0, 95, 105], [90, 45, 110], [30, 80, 50], [120, 50, 30],
           [50, 50, 60])
PRACTICES = ("Stride Foot & Ankle Associates", "Summit Podiatry Group",
             "Keystone Foot and Ankle Center", "Heelstone Podiatric Medicine",
             "Arch & Ankle Specialists", "Riverbend Foot Clinic")
TAGLINES = ("Podiatric Medicine & Surgery", "Foot and Ankle Care for the Whole Family",
            "Diabetic Foot Care \u2022 Sports Injuries \u2022 Orthotics")
SHIPS = (("MS Coral Meridian", "Bluewave Cruise Line"),
         ("MV Northern Aurora", "Polaris Cruises"),
         ("SS Caribe Serenade", "Sunward Ocean Voyages"),
         ("MS Island Radiance", "Azure Seas Cruises"),
         ("MV Pacific Lantern", "Horizon Line Cruises"))
PORTS = ("Cozumel", "Nassau", "Juneau", "St. Thomas", "Ketchikan", "Grand Cayman", "Bermuda",
         "Halifax", "Roatan", "Costa Maya", "Skagway", "San Juan", "At sea")
NATIONALITIES = ("USA", "Canada", "UK", "Mexico", "Germany", "Philippines", "India", "Australia",
                 "Brazil", "USA")
RELATIONS = ("Spouse", "Wife", "Husband", "Daughter", "Son", "Mother", "Father", "Friend",
             "Neighbor", "Partner", "Sister", "Brother")
OCCUPATIONS = ("Retired", "Nurse", "Teacher", "Mail carrier", "Warehouse", "Runner",
               "Chef", "Student", "Electrician", "Office", "Server", "Farmer")
DURATIONS = ("2 weeks", "3 weeks", "1 month", "6 months", "1 year", "10 days", "3 months",
             "years")
SYMPTOMS = ("Pain", "Numbness", "Swelling", "Burning", "Itching", "Bunion", "Ingrown nail",
            "Heel pain", "Wound / ulcer", "Corns / calluses")
ROUTES = ("PO", "oral", "topical", "PO", "by mouth", "PO")
QUANTITIES = ("#10", "#14", "#20", "#30", "12", "1 box", "15", "#6")
PHARMACIES = ("Walgreens", "CVS", "Rite Aid", "Kroger", "Hometown Drug", "Costco", "Safeway")
DIAGNOSES = ("Motion sickness", "Sunburn", "Otitis externa", "Gastroenteritis", "Sprained ankle",
             "Upper respiratory infection", "Urinary tract infection", "Conjunctivitis",
             "Jellyfish sting", "Dental pain", "Bronchitis", "Cellulitis")
FOLLOW_UPS = ("within 3 days", "in 1 week", "if not better in 48 hours", "on return home",
              "within 7 days", "as needed")
APPOINTMENTS = ("8:15 AM", "9:00 AM", "9:45 AM", "10:30 AM", "11:15 AM", "1:00 PM", "2:30 PM",
                "3:45 PM")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso", "mdy_short")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "PATIENT REGISTRATION & FOOT HEALTH HISTORY",
        "New Patient Registration / Podiatric History",
        "Foot & Ankle Patient Information Sheet",
    ),
    "today": ("Date of visit", "Today's date", "Visit date"),
    "office": ("OFFICE USE ONLY", "FOR OFFICE USE", "STAFF ONLY"),
    "chart": ("Chart #", "Acct. no.", "MRN"),
    "provider": ("Provider", "Seen by", "Podiatrist"),
    "appt": ("Appt. time", "Appointment"),
    "copay": ("Copay $", "Co-pay collected $"),
    "referral": ("Referral rec'd", "Referral date"),
    "newpt": ("NEW|EST", "New|Established"),
    "verified": ("Ins. verified", "Eligibility checked"),
    "s_patient": ("Patient", "About the patient", "Patient details"),
    "s_contact": ("In an emergency, notify", "Emergency contact", "Person to notify"),
    "s_foot": ("Your foot complaint", "Reason for today's visit", "Chief complaint"),
    "s_history": ("Health history", "Medical history", "General health"),
    "last": ("Last name", "Surname"),
    "first": ("First & middle", "Given name(s)", "First name, M.I."),
    "whole": ("Patient's full name", "Name of patient", "Full name"),
    "dob": ("Born", "Date of birth", "Birthdate"),
    "sex": ("Sex", "Gender"),
    "street": ("Home address", "Street", "Residence"),
    "city": ("City, State, ZIP", "Town / State / Zip"),
    "country": ("Country",),
    "phone": ("Best phone", "Home / cell", "Telephone"),
    "occupation": ("Occupation", "Work"),
    "c_name": ("Name", "Contact person", "Notify"),
    "relation": ("Relationship", "Relation"),
    "c_home": ("Evening phone", "Home / evening", "Phone (home)"),
    "c_work": ("Daytime phone", "Work / day", "Phone (work)"),
    "c_address": ("Their address", "Address", "Contact's address"),
    "which": ("Which foot?", "Side affected:"),
    "which_opts": ("Left|Right|Both", "L|R|Both"),
    "how_long": ("How long has this bothered you?", "Duration of problem:"),
    "symptoms": ("Tick all that apply:", "Symptoms (check):"),
    "mark_it": ("Mark where it hurts", "Show the painful area"),
    "shoe": ("Shoe size", "Shoe size (US)"),
    "treated": ("Treated for this before?", "Seen anyone else for this problem?"),
    "disease": ("Disease", "Infection"),
    "status": ("Status", "Immune?", "Your status"),
    "chickenpox": ("Chicken pox (varicella)", "Varicella", "Chickenpox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "tetanus": ("Tetanus \u2014 last booster", "Tetanus shot (last)"),
    "immune_opts": ("Immune|Not immune|Unknown", "Immune|Not immune|Don't know"),
    "hep_b": (
        "Have you received the hepatitis B vaccine series?",
        "Hepatitis B vaccinated?",
        "Hepatitis B vaccine series completed?",
    ),
    "hep_opts": ("Yes|No|Unsure", "Yes|No|Not known"),
    "problems": (
        "Other medical conditions (diabetes, poor circulation, arthritis, gout ...):",
        "Do you have any other medical problems? List them:",
        "Illnesses or conditions you are being treated for:",
    ),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "cont": ("Registration (continued)", "Page 2 \u2014 insurance, allergies, medicines"),
    "p2_name": ("Patient", "Patient name"),
    "s_insurance": ("Insurance", "Health plan", "Billing & insurance"),
    "s_second": ("Secondary insurance (if any)", "Second plan"),
    "s_allergy": ("Allergies", "Allergies & sensitivities"),
    "s_meds": ("Medicines you take", "Current medications", "Medication list"),
    "s_consent": ("Assignment of benefits", "Consent & financial policy"),
    "ins_q": (
        "Are you covered by a health plan?",
        "Do you have medical insurance?",
        "Is the patient insured?",
    ),
    "yes_no": ("YES|NO", "Yes|No"),
    "carrier": ("Carrier", "Insurance company", "Plan name"),
    "member": ("Member ID", "Policy / ID no.", "ID #"),
    "group": ("Group", "Group no."),
    "claims": ("Claims address", "Send claims to", "Plan address"),
    "effective": ("Effective", "Start date", "Coverage from"),
    "expiry": ("Terminates", "Coverage ends", "Valid to"),
    "subscriber": ("Subscriber", "Insured person", "Policy holder"),
    "sub_rel": ("Relation to patient", "Relation"),
    "nka": ("None known", "No known allergies", "I have no allergies"),
    "allergic": ("Allergic to:", "List allergies:", "Allergies:"),
    "latex": ("Latex or adhesive tape sensitivity?", "Reaction to latex / tape?"),
    "no_meds": ("I take no medicines", "None"),
    "thinner": ("Do you take a blood thinner?", "On anticoagulants?"),
    "s_doctors": ("Your other providers", "Physician & pharmacy"),
    "pcp": ("Primary care doctor", "Family physician", "PCP"),
    "pharmacy": ("Pharmacy", "Preferred pharmacy"),
    "tel": ("Phone", "Tel."),
    "consent": (
        "I authorize my insurance benefits to be paid directly to the practice and I accept "
        "responsibility for any balance not covered. A copy of this form is as valid as the "
        "original.",
        "I consent to examination and treatment of my feet and ankles, including x-rays, and I "
        "assign to the practice all insurance payments for services provided to me.",
    ),
    "sign": ("Signature of patient or guardian", "Patient signature"),
    "sign_date": ("Date", "Date signed"),
    "fine": (
        "Form PD-7 \u2022 Please tell the front desk about any change of address, phone or "
        "insurance.",
        "Thank you for choosing us. Bring your shoes and any orthotics to each visit.",
    ),
    "page": ("Page {} of 2", "{} of 2", "Sheet {}/2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "centre": ("MEDICAL CENTRE", "SHIP'S HOSPITAL", "MEDICAL CENTER"),
    "deck": ("Deck 3, forward", "Deck 4, midship", "Deck 2, aft", "Deck 1, midship"),
    "title": ("PRESCRIPTION", "Prescription / Medication Issue", "Outpatient Prescription"),
    "voyage": ("Voyage no.", "Cruise #", "Voyage"),
    "embarked": ("Embarked", "Sailing date", "Embarkation"),
    "port": ("Next port", "Port of call", "Location"),
    "guest_crew": ("Guest|Crew", "Passenger|Crew member"),
    "name": ("Name", "Patient", "Guest name"),
    "cabin": ("Cabin", "Stateroom", "Cabin no."),
    "dob": ("DOB", "Date of birth"),
    "nation": ("Nationality", "Passport country"),
    "address": ("Home address", "Address ashore", "Permanent address"),
    "date": ("Date", "Date issued", "Issued on"),
    "time": ("Time seen", "Ship's time", "Time"),
    "med": ("Medicine & strength", "Medication", "Drug / strength"),
    "route": ("Route", "Via"),
    "qty": ("Qty", "Quantity", "Dispensed"),
    "directions": ("Directions", "Instructions to patient", "How to take"),
    "refills": ("Refills (ashore):", "Refills:", "Repeats:"),
    "other": ("other", "or"),
    "physician": ("Ship's physician", "Medical officer", "Physician"),
    "reg": ("Reg. no.", "Licence #", "Registration"),
    "nurse": ("Dispensed by", "Nurse"),
    "diagnosis": ("Diagnosis", "Condition treated", "Dx"),
    "allergy": ("Allergies", "Known allergies"),
    "supply": ("Supplied from ship's stock|To be filled ashore", "Dispensed on board|Fill ashore"),
    "follow": ("See your own doctor", "Follow up ashore", "Review"),
    "stamp": ("MEDICAL|ON BOARD", "SHIP'S|DOCTOR", "HEALTH|SERVICES"),
    "charge": ("Charged to onboard account", "Charge to folio", "Posted to cabin account"),
    "fine": (
        "Medicines supplied on board are for the named patient only. Show this prescription to "
        "your own doctor or pharmacist when you return home.",
        "This prescription may be presented at a pharmacy ashore. In a medical emergency on "
        "board dial 911 from any ship phone.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _common_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(30, 36), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "NONE", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _common_style(rnd, handwriting, font, _RX)
        ship, line = rnd.choice(SHIPS)
        style.update(
            ship=ship,
            line=line,
            phone=values.phone_number(rnd),
            extension=f"ext. {rnd.randint(10, 99)}",
            refill_mode=rnd.choice(("boxes", "written")),
            rx_glyph=rnd.random() < 0.6,
        )
        if rnd.random() < 0.5:
            style["phone_style"] = "intl"
        return style
    style = _common_style(rnd, handwriting, font, _REC)
    practice = rnd.choice(PRACTICES)
    slug = "".join(c for c in practice.lower().split()[0] if c.isalnum())
    style.update(
        practice=practice,
        tagline=rnd.choice(TAGLINES),
        web=f"{slug}feet.com",
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("corner", "sidebar")),
        sidebar_side=rnd.choice(("left", "left", "right")),
        split_name=rnd.random() < 0.5,
        immune_mode=rnd.choice(("written", "circled")),
        label_width=rnd.choice((330, 360, 400)),
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


def _some_date(rnd: random.Random, near: dt.date, low: int, high: int) -> str:
    return (near + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "chart": f"{rnd.choice('PFKA')}{rnd.randint(10000, 99999)}",
        "provider": _doctor(rnd) if rnd.random() < 0.7 else None,
        "appointment": rnd.choice(APPOINTMENTS) if rnd.random() < 0.8 else None,
        "copay": rnd.choice((10, 20, 25, 30, 35, 40, 50)) if rnd.random() < 0.6 else None,
        "referral_date": _some_date(rnd, record, -40, -3) if rnd.random() < 0.5 else None,
        "new_patient": rnd.randrange(2) if rnd.random() < 0.8 else None,
        "verified": rnd.random() < 0.6,
        "sex": rnd.choice(("F", "M")) if rnd.random() < 0.85 else None,
        "occupation": rnd.choice(OCCUPATIONS) if rnd.random() < 0.7 else None,
        "foot": rnd.randrange(3) if rnd.random() < 0.9 else None,
        "duration": rnd.choice(DURATIONS) if rnd.random() < 0.8 else None,
        "symptoms": sorted(rnd.sample(range(len(SYMPTOMS)), rnd.randint(0, 3))),
        "pain_spot": rnd.choice((None, "heel", "ball", "toe", "arch")),
        "shoe_size": rnd.choice((6, 7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, 12))
        if rnd.random() < 0.7
        else None,
        "treated": rnd.randrange(2) if rnd.random() < 0.7 else None,
        "tetanus": _some_date(rnd, record, -3600, -60) if rnd.random() < 0.5 else None,
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # "unknown" / "unsure" chosen
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = f"{rnd.randint(100, 99999):05d}" if rnd.random() < 0.6 else None
        if rnd.random() < 0.6:
            extras["effective"] = _some_date(rnd, record, -900, -20)
        if rnd.random() < 0.35:
            extras["subscriber"] = values.person_name(rnd)
            extras["subscriber_relation"] = rnd.choice(("Spouse", "Parent", "Self", "Partner"))
    elif rnd.random() < 0.15:
        del fields["has_insurance"]  # the question left unanswered
    allergies = fields["allergies"]
    extras["latex"] = (
        0 if "Latex" in allergies else (1 if rnd.random() < 0.8 else None)
    )  # 0 yes, 1 no
    medication = fields["regular_medication"]
    thinners = {"Warfarin", "Clopidogrel"}
    extras["thinner"] = 0 if thinners & set(medication) else (1 if rnd.random() < 0.8 else None)
    extras["dated_signature"] = rnd.random() < 0.7
    if rnd.random() < 0.75:
        extras["pcp"] = _doctor(rnd)
        extras["pcp_phone"] = values.phone_number(rnd) if rnd.random() < 0.8 else None
    if rnd.random() < 0.7:
        store = rnd.choice(PHARMACIES)
        extras["pharmacy"] = (
            f"{store} {rnd.choice(values.STREET_NAMES)} {rnd.choice(('St', 'Ave'))}"
        )
        extras["pharmacy_phone"] = values.phone_number(rnd) if rnd.random() < 0.7 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    issued = dt.date.fromisoformat(fields["date"])
    dob = dt.date(rnd.randint(1938, 2010), rnd.randint(1, 12), rnd.randint(1, 28))
    medicines = fields["medicines"]
    code = "".join(rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
    crew = rnd.random() < 0.2
    extras: dict[str, Any] = {
        "voyage": f"{code}{rnd.randint(1, 52):02d}{rnd.randint(1, 9)}{rnd.randint(0, 9)}",
        "embarked": _some_date(rnd, issued, -9, -1) if rnd.random() < 0.85 else None,
        "port": rnd.choice(PORTS) if rnd.random() < 0.8 else None,
        "crew": crew,
        "cabin": f"{rnd.randint(2, 12)}{rnd.randint(0, 3)}{rnd.randint(10, 99)}",
        "patient_dob": dob.isoformat() if rnd.random() < 0.8 else None,
        "nationality": rnd.choice(NATIONALITIES) if rnd.random() < 0.7 else None,
        "routes": [
            "inhaled" if m.split()[0] in ("Salbutamol", "Albuterol") else rnd.choice(ROUTES)
            for m in medicines
        ],
        "quantities": [rnd.choice(QUANTITIES) for _ in medicines],
        "registration": f"{rnd.choice(('GMC', 'MCI', 'LIC', 'MD'))} {rnd.randint(100000, 9999999)}",
        "diagnosis": rnd.choice(DIAGNOSES) if rnd.random() < 0.8 else None,
        "allergies_known": (
            ", ".join(rnd.sample(values.ALLERGIES, rnd.randint(1, 2)))
            if rnd.random() < 0.35
            else rnd.choice(("NKDA", "None"))
        )
        if rnd.random() < 0.8
        else None,
        "supply": rnd.randrange(2),
        "follow_up": rnd.choice(FOLLOW_UPS) if rnd.random() < 0.6 else None,
        "time": f"{rnd.randint(6, 22):02d}:{rnd.randint(0, 59):02d}"
        if rnd.random() < 0.7
        else None,
        "nurse": values.person_name(rnd) if rnd.random() < 0.6 else None,
        "charge": f"{rnd.randint(15, 180)}.{rnd.choice(('00', '50', '95'))}"
        if not crew and rnd.random() < 0.75
        else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    r, g, b = colour
    return (
        round(255 - (255 - r) * share),
        round(255 - (255 - g) * share),
        round(255 - (255 - b) * share),
    )


class _Form(common.Drawing):
    """One page: its faces and words, and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.letter = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK_DARK)
        faces["lbl"] = render.Face(label.regular, size, INK_DARK)
        faces["key"] = render.Face(label.regular, size - 3, (40, 40, 40))
        faces["bold"] = render.Face(label.bold, size, INK_DARK)
        faces["tiny"] = render.Face(label.regular, 25, GREY)
        faces["head"] = render.Face(title.bold, 42, self.colour)
        faces["letter"] = render.Face(title.bold, 36, WHITE)
        faces["org"] = render.Face(title.bold, 60, self.colour)
        faces["org_white"] = render.Face(title.bold, 64, WHITE)
        faces["band"] = render.Face(title.regular, 31, WHITE)
        faces["org_small"] = render.Face(title.regular, 29, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 50, INK_DARK)
        faces["doc"] = render.Face(title.bold, 44, INK_DARK)
        faces["note"] = render.Face(label.regular, 29, (50, 50, 50))
        faces["fine"] = render.Face(label.regular, 22, (100, 100, 100))

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
            self.page.text(x, base, str(text), "value", max_width=width, anchor=anchor)

    def heading(self, x0: float, x1: float, y: float, key: str) -> float:
        """A lettered section heading: a coloured disc, the title, a rule; returns below it."""
        page = self.page
        self.letter += 1
        r = 30.0
        cx, cy = x0 + r, y + r
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            fill=self.colour,
        )
        page.text(cx, cy + 13, "ABCDEFGHIJ"[self.letter - 1], "letter", anchor="ms")
        end = page.text(x0 + 2 * r + 22, cy + 15, self.word(key), "head", max_width=x1 - x0 - 120)
        self.line(end + 24, cy + 4, x1, cy + 4, width=2, fill=_tint(self.colour, 0.5))
        return y + 2 * r + 18

    def ledger(
        self,
        x0: float,
        x1: float,
        y: float,
        rows: Sequence[Sequence[tuple[str, Any]]],
        *,
        height: float = 92,
    ) -> float:
        """Rows of shaded label cells beside value cells; returns the bottom."""
        page = self.page
        key_w = float(self.style.get("label_width", 360))
        shade = _tint(self.colour, 0.12)
        for r, pairs in enumerate(rows):
            top = y + height * r
            bottom = top + height
            width = (x1 - x0) / len(pairs)
            for k, (label, text) in enumerate(pairs):
                a = x0 + width * k
                b = a + width
                kw = min(key_w, (x1 - x0) / 2 * 0.42)
                self.rect(a, top, a + kw, bottom, fill=shade, outline=None)
                page.text(a + 14, top + height / 2 + 11, label, "key", max_width=kw - 26)
                self.value(a + kw + 22, bottom - 24, text, b - a - kw - 40)
                self.line(a + kw, top, a + kw, bottom, width=1.5, fill=LINE)
                if k:
                    self.line(a, top, a, bottom, width=2, fill=LINE)
            self.line(x0, bottom, x1, bottom, width=2, fill=LINE)
        bottom = y + height * len(rows)
        self.rect(x0, y, x1, bottom, outline=LINE, width=3)
        return bottom

    def boxes(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, *, gap: float = 50
    ) -> float:
        return common.options_with_boxes(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            mark=self.style["mark"],
            face="lbl",
            gap=gap,
        )

    def circled(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 70
    ) -> float:
        return common.circled_options(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            face="lbl",
            gap=gap,
        )

    def blank(self, x: float, base: float, label: str, text: Any, width: float) -> float:
        """``Label ____``: a value on a short rule after its label; returns where it ends."""
        stop = self.page.text(x, base, label, "lbl")
        self.line(stop + 16, base + 14, stop + 16 + width, base + 14, width=2, fill=LINE)
        self.value(stop + 30, base, text, width - 26)
        return stop + 16 + width

    def paragraph(self, x: float, base: float, text: str, width: float, face: str) -> float:
        step = self.page.faces[face].size * 1.3
        for line in render.wrap(self.page, text, face, width - 120):
            self.page.text(x, base, line, face)
            base += step
        return base

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, 3178, RIGHT, 3178, width=1, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 400)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3212 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, 3212, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _practice_head(form: _Form) -> None:
    page, style = form.page, form.style
    colour = form.colour
    # the practice's mark: a footprint (a sole and five toes)
    cx, cy = LEFT + 40, 150.0
    page.draw.ellipse(
        [page.px(cx - 24), page.px(cy - 20), page.px(cx + 24), page.px(cy + 62)], fill=colour
    )
    for k, (dx, dy, r) in enumerate(
        ((-20, -40, 10), (-4, -48, 9), (11, -46, 8), (23, -38, 7), (32, -27, 6))
    ):
        del k
        page.draw.ellipse(
            [
                page.px(cx + dx - r),
                page.px(cy + dy - r),
                page.px(cx + dx + r),
                page.px(cy + dy + r),
            ],
            fill=colour,
        )
    page.text(LEFT + 100, 160, style["practice"], "org", max_width=1250)
    page.text(LEFT + 100, 212, style["tagline"], "org_small", max_width=1250)
    lines = (
        style["street"],
        style["city"],
        f"Tel {form.phone(style['phone'])}",
        f"Fax {form.phone(style['fax'])}",
        style["web"],
    )
    for k, line in enumerate(lines):
        page.text(RIGHT, 92 + 36 * k, line, "org_small", anchor="rs")
    form.line(LEFT, 268, RIGHT, 268, width=6, fill=colour)


def _columns(style: Mapping[str, Any]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Page 1's sidebar and main column, left to right, with the sidebar on the form's side."""
    if style.get("sidebar_side") == "right":
        return (RIGHT - SIDEBAR, RIGHT), (LEFT, RIGHT - SIDEBAR - GUTTER)
    return (LEFT, LEFT + SIDEBAR), (LEFT + SIDEBAR + GUTTER, RIGHT)


def _sidebar(form: _Form, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    """The shaded office-use column down one edge of page 1."""
    page, style = form.page, form.style
    sx0, sx1 = _columns(style)[0]
    top, bottom = 300.0, 3120.0
    form.rect(sx0, top, sx1, bottom, fill=(238, 238, 238), outline=None)
    form.rect(sx0, top, sx1, top + 70, fill=(90, 90, 90), outline=None)
    page.text((sx0 + sx1) / 2, top + 48, form.word("office"), "band", anchor="ms")
    width = sx1 - sx0 - 50
    items: list[tuple[str, Any]] = []
    if style["date_place"] == "sidebar":
        items.append((form.word("today"), form.date(fields.get("record_date"))))
    items += [
        (form.word("chart"), extras.get("chart")),
        (form.word("provider"), extras.get("provider")),
        (form.word("appt"), extras.get("appointment")),
        (form.word("copay"), extras.get("copay")),
        (form.word("referral"), form.date(extras.get("referral_date"))),
    ]
    y = top + 150
    for label, text in items:
        page.text(sx0 + 24, y, label, "tiny", max_width=width)
        form.line(sx0 + 24, y + 86, sx1 - 24, y + 86, width=1.5, fill=LINE)
        form.value(sx0 + 34, y + 72, text, width - 20)
        y += 150
    y += 20
    x = sx0 + 24
    for k, option in enumerate(form.parts("newpt")):
        end = page.text(x, y, option, "lbl")
        if extras.get("new_patient") == k:
            size = page.faces["lbl"].size
            page.ellipse_by_hand((x - 18, y - size - 16, end + 18, y + 18), form.ink())
        x = end + 60
    y += 110
    common.checkbox(
        page, sx0 + 24, y, checked=bool(extras.get("verified")), mark=form.style["mark"]
    )
    page.text(sx0 + 90, y, form.word("verified"), "tiny", max_width=width - 70)
    # a ruled block for staff notes
    y += 90
    page.text(sx0 + 24, y, "Notes", "tiny")
    for k in range(6):
        form.line(sx0 + 24, y + 70 + 80 * k, sx1 - 24, y + 70 + 80 * k, 1, FAINT)


def _foot_outline(form: _Form, x: float, y: float, spot: Any, mirror: bool) -> None:
    """A foot seen from below: a sole outline and five toes, an X where it hurts."""
    page = form.page
    sign = -1 if mirror else 1
    cx = x
    page.draw.ellipse(
        [page.px(cx - 55), page.px(y + 40), page.px(cx + 55), page.px(y + 300)],
        outline=LINE,
        width=max(1, page.px(3)),
    )
    toes = ((-38, 12, 20), (-6, 2, 16), (20, 8, 14), (40, 20, 12), (54, 36, 10))
    for dx, dy, r in toes:
        tx = cx + sign * dx
        page.draw.ellipse(
            [page.px(tx - r), page.px(y + dy - r), page.px(tx + r), page.px(y + dy + r)],
            outline=LINE,
            width=max(1, page.px(3)),
        )
    spots = {"heel": (0, 260), "ball": (-10, 90), "toe": (-38, 12), "arch": (25, 175)}
    if spot in spots:
        dx, dy = spots[spot]
        mx, my = cx + sign * dx, y + dy
        ink = form.ink()
        form.line(mx - 20, my - 20, mx + 20, my + 20, width=6, fill=ink)
        form.line(mx + 20, my - 20, mx - 20, my + 20, width=6, fill=ink)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    _practice_head(form)
    _sidebar(form, fields, extras)
    x0, x1 = _columns(style)[1]

    # title, and the visit date boxed at the top right
    if style["date_place"] == "corner":
        page.text(x0, 380, form.word("title"), "title", max_width=1150)
        bx = x1 - 520
        form.rect(bx, 310, x1, 430, outline=LINE, width=3)
        page.text(bx + 14, 342, form.word("today"), "tiny")
        form.value(bx + 30, 408, form.date(fields.get("record_date")), x1 - bx - 60)
    else:
        page.text(x0, 380, form.word("title"), "title", max_width=x1 - x0)

    # A: the patient
    y = form.heading(x0, x1, 470, "s_patient")
    name = fields.get("patient_name", "")
    name_row: list[tuple[str, Any]]
    if style["split_name"]:
        given, _, surname = name.rpartition(" ")
        name_row = [(form.word("last"), surname), (form.word("first"), given)]
    else:
        name_row = [(form.word("whole"), name)]
    lines = common.address_lines(fields, extras)
    y = form.ledger(
        x0,
        x1,
        y,
        [
            name_row,
            [
                (form.word("dob"), form.date(fields.get("birth_date"), short_year=False)),
                (form.word("sex"), extras.get("sex")),
            ],
            [(form.word("street"), lines[0])],
            [(form.word("city"), lines[1]), (form.word("country"), lines[2])],
            [
                (form.word("phone"), form.phone(fields.get("phone"))),
                (form.word("occupation"), extras.get("occupation")),
            ],
        ],
    )

    # B: emergency contact
    y = form.heading(x0, x1, y + 50, "s_contact")
    y = form.ledger(
        x0,
        x1,
        y,
        [
            [
                (form.word("c_name"), fields.get("emergency_contact_name")),
                (form.word("relation"), extras.get("relation")),
            ],
            [
                (form.word("c_home"), form.phone(fields.get("emergency_contact_phone"))),
                (form.word("c_work"), form.phone(extras.get("emergency_work_phone"))),
            ],
            [(form.word("c_address"), fields.get("emergency_contact_address"))],
        ],
    )

    # C: the foot complaint (distractors)
    y = form.heading(x0, x1, y + 50, "s_foot")
    base = y + 60
    end = page.text(x0, base, form.word("which"), "lbl")
    end = form.circled(end + 60, base, form.parts("which_opts"), extras.get("foot"))
    answers = ["Yes", "No"]
    room = sum(page.width(a, "lbl") for a in answers) + 70 + 50
    start = max(end + 80, x0 + 820)
    end_q = page.text(start, base, form.word("treated"), "lbl", max_width=x1 - start - room - 60)
    form.circled(end_q + 60, base, answers, extras.get("treated"))
    base += 90
    form.blank(x0, base, form.word("how_long"), extras.get("duration"), 360)
    base += 80
    page.text(x0, base, form.word("symptoms"), "lbl")
    chosen = set(extras.get("symptoms") or ())
    col_w = 440.0
    for k, symptom in enumerate(SYMPTOMS):
        bx = x0 + col_w * (k % 3)
        by = base + 76 + 72 * (k // 3)
        common.checkbox(page, bx, by, checked=k in chosen, mark=style["mark"], side=38)
        page.text(bx + 56, by, symptom, "key", max_width=col_w - 70)
    diagram_x = x0 + 3 * col_w + 40
    page.text(diagram_x, base, form.word("mark_it"), "tiny", max_width=x1 - diagram_x)
    spot = extras.get("pain_spot")
    foot = extras.get("foot")
    _foot_outline(form, diagram_x + 80, base + 30, spot if foot in (0, 2) else None, True)
    _foot_outline(form, diagram_x + 250, base + 30, spot if foot in (1, 2) else None, False)
    page.text(diagram_x + 80, base + 380, "L", "tiny", anchor="ms")
    page.text(diagram_x + 250, base + 380, "R", "tiny", anchor="ms")
    base += 76 + 72 * 4 + 20
    form.blank(x0, base, form.word("shoe"), extras.get("shoe_size"), 160)

    # D: health history
    y = form.heading(x0, x1, base + 90, "s_history")
    top = y + 10
    col1 = x0 + 560
    row = 84.0
    form.rect(x0, top, x1, top + 56, fill=_tint(form.colour, 0.12), outline=None)
    page.text(x0 + 16, top + 40, form.word("disease"), "bold")
    page.text(col1 + 16, top + 40, form.word("status"), "bold")
    rows = (
        (form.word("chickenpox"), "chicken_pox"),
        (form.word("measles"), "measles"),
        (form.word("tetanus"), "tetanus"),
    )
    bottom = top + 56 + row * len(rows)
    for r, (label, name) in enumerate(rows):
        b = top + 56 + row * r + 58
        page.text(x0 + 16, b, label, "lbl", max_width=col1 - x0 - 30)
        form.line(x0, top + 56 + row * (r + 1), x1, top + 56 + row * (r + 1), 2, LINE)
        if name == "tetanus":
            form.value(col1 + 30, b, form.date(extras.get("tetanus")), x1 - col1 - 60)
            continue
        value = fields.get(name)
        if style["immune_mode"] == "written":
            unknown = form.parts("immune_opts")[2]
            ux = x1 - 40 - page.width(unknown, "key") - 56
            common.checkbox(
                page, ux, b, checked=bool(extras.get(f"{name}_unsure")), mark=style["mark"], side=38
            )
            page.text(ux + 56, b, unknown, "key")
            form.value(col1 + 30, b, value.upper() if value else None, ux - col1 - 80)
        else:
            chosen_k = {"immune": 0, "not immune": 1}.get(value) if value else None
            if extras.get(f"{name}_unsure"):
                chosen_k = 2
            form.circled(col1 + 40, b, form.parts("immune_opts"), chosen_k, gap=80)
    form.rect(x0, top, x1, bottom, outline=LINE, width=3)
    form.line(col1, top, col1, bottom, 2, LINE)

    base = bottom + 90
    end = page.text(x0, base, form.word("hep_b"), "lbl", max_width=1050)
    hep = fields.get("hepatitis_b_vaccination")
    chosen_k = {"yes": 0, "no": 1}.get(hep) if hep else None
    if extras.get("hepatitis_b_vaccination_unsure"):
        chosen_k = 2
    form.boxes(max(end + 40, x0 + 1080), base, form.parts("hep_opts"), chosen_k, gap=40)

    base += 90
    page.text(x0, base, form.word("problems"), "lbl", max_width=x1 - x0)
    problems = fields.get("medical_problems")
    text = common.list_text(problems, str(style["empty_list"])) or ""
    written = render.wrap(page, text, "value", x1 - x0 - 60) if text else []
    for k in range(2):
        line_y = base + 90 + 86 * k
        form.line(x0, line_y + 14, x1, line_y + 14, width=1.5, fill=FAINT)
        if k < len(written):
            rest = written[k] if k == 0 else " ".join(written[1:])
            form.value(x0 + 20, line_y, rest, x1 - x0 - 40)
    base += 90 + 86 + 110
    end = form.blank(
        x0,
        base,
        form.word("height"),
        _measure(fields.get("height"), extras.get("height_unit")),
        300,
    )
    form.blank(
        end + 80,
        base,
        form.word("weight"),
        _measure(fields.get("weight"), extras.get("weight_unit")),
        300,
    )
    form.footer(form.word("fine"), form.word("page").format(1))
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    form.letter = 4
    page = form.page
    page.text(LEFT, 150, style["practice"], "org", max_width=1100, size=42)
    page.text(RIGHT, 150, form.word("cont"), "bold", anchor="rs", max_width=1000)
    form.line(LEFT, 185, RIGHT, 185, width=4, fill=form.colour)
    end = form.blank(LEFT, 290, f"{form.word('p2_name')}:", fields.get("patient_name"), 1100)
    form.blank(
        end + 80,
        290,
        form.word("chart"),
        extras.get("chart"),
        RIGHT - end - 110 - page.width(form.word("chart"), "lbl"),
    )

    # E: insurance
    y = form.heading(LEFT, RIGHT, 360, "s_insurance")
    base = y + 60
    end = page.text(LEFT, base, form.word("ins_q"), "lbl")
    insured = fields.get("has_insurance")
    chosen = {"yes": 0, "no": 1}.get(insured) if insured else None
    form.circled(end + 70, base, form.parts("yes_no"), chosen)
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    y = form.ledger(
        LEFT,
        RIGHT,
        base + 40,
        [
            [(form.word("carrier"), fields.get("insurance_company"))],
            [(form.word("member"), policy), (form.word("group"), extras.get("group"))],
            [(form.word("claims"), fields.get("insurance_address"))],
            [
                (form.word("effective"), form.date(extras.get("effective"))),
                (form.word("expiry"), form.date(fields.get("insurance_expiry"))),
            ],
            [
                (form.word("subscriber"), extras.get("subscriber")),
                (form.word("sub_rel"), extras.get("subscriber_relation")),
            ],
        ],
    )
    page.text(LEFT, y + 70, form.word("s_second"), "bold")
    y = form.ledger(
        LEFT,
        RIGHT,
        y + 95,
        [
            [(form.word("carrier"), None), (form.word("member"), None)],
            [(form.word("subscriber"), None), (form.word("sub_rel"), None)],
        ],
        height=80,
    )

    # F: other providers (distractors)
    y = form.heading(LEFT, RIGHT, y + 60, "s_doctors")
    y = form.ledger(
        LEFT,
        RIGHT,
        y,
        [
            [
                (form.word("pcp"), extras.get("pcp")),
                (form.word("tel"), form.phone(extras.get("pcp_phone"))),
            ],
            [
                (form.word("pharmacy"), extras.get("pharmacy")),
                (form.word("tel"), form.phone(extras.get("pharmacy_phone"))),
            ],
        ],
        height=84,
    )

    # G: allergies
    y = form.heading(LEFT, RIGHT, y + 60, "s_allergy")
    allergies = fields.get("allergies")
    base = y + 60
    common.checkbox(page, LEFT, base, checked=allergies == [], mark=style["mark"])
    page.text(LEFT + 66, base, form.word("nka"), "lbl")
    base += 100
    text = common.list_text(allergies, str(style["empty_list"])) or ""
    if allergies == []:
        text = ""  # the box says it
    form.blank(
        LEFT,
        base,
        form.word("allergic"),
        text,
        RIGHT - LEFT - 40 - page.width(form.word("allergic"), "lbl"),
    )
    base += 100
    end = page.text(LEFT, base, form.word("latex"), "lbl")
    form.circled(end + 70, base, form.parts("yes_no"), extras.get("latex"))

    # H: medicines
    y = form.heading(LEFT, RIGHT, base + 60, "s_meds")
    medication = fields.get("regular_medication") or []
    base = y + 60
    common.checkbox(page, LEFT, base, checked=not medication, mark=style["mark"])
    page.text(LEFT + 66, base, form.word("no_meds"), "lbl")
    half = (RIGHT - LEFT) / 2
    for k in range(6):
        bx = LEFT + half * (k // 3)
        by = base + 90 + 84 * (k % 3)
        page.text(bx, by, f"{k + 1}.", "lbl")
        form.line(bx + 50, by + 14, bx + half - 60, by + 14, width=1.5, fill=FAINT)
        if k < len(medication):
            form.value(bx + 70, by, medication[k], half - 140)
    base += 90 + 84 * 3 + 20
    end = page.text(LEFT, base, form.word("thinner"), "lbl")
    form.circled(end + 70, base, form.parts("yes_no"), extras.get("thinner"))

    # I: consent and signature
    y = form.heading(LEFT, RIGHT, base + 60, "s_consent")
    base = form.paragraph(LEFT, y + 50, form.word("consent"), RIGHT - LEFT, "note")
    base += 120
    form.line(LEFT, base, 1350, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 80, LEFT + 600, base - 8, form.ink())
    page.text(LEFT, base + 40, form.word("sign"), "tiny")
    signed = form.date(fields.get("record_date")) if extras.get("dated_signature") else ""
    form.line(1500, base, RIGHT, base, width=2.5, fill=LINE)
    form.value(1520, base - 14, signed, RIGHT - 1540)
    page.text(1500, base + 40, form.word("sign_date"), "tiny")
    form.footer(form.word("fine"), form.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    colour = form.colour

    # the dark band: ship, line, the medical centre and its phone
    form.rect(0, 60, 2550, 330, fill=colour, outline=None)
    # a small anchor-like mark: a ring over a cross
    mx = LEFT + 50
    page.draw.ellipse(
        [page.px(mx - 22), page.px(105), page.px(mx + 22), page.px(149)],
        outline=WHITE,
        width=max(1, page.px(6)),
    )
    form.line(mx, 149, mx, 270, width=9, fill=WHITE)
    form.line(mx - 45, 185, mx + 45, 185, width=9, fill=WHITE)
    page.draw.arc(
        [page.px(mx - 60), page.px(190), page.px(mx + 60), page.px(275)],
        start=20,
        end=160,
        fill=WHITE,
        width=max(1, page.px(8)),
    )
    page.text(LEFT + 140, 165, style["ship"], "org_white", max_width=1150)
    page.text(LEFT + 140, 225, style["line"], "band", max_width=1150)
    page.text(LEFT + 140, 285, f"{form.word('centre')} \u2022 {form.word('deck')}", "band")
    page.text(RIGHT, 165, f"Tel {form.phone(style['phone'])}", "band", anchor="rs")
    page.text(RIGHT, 215, style["extension"], "band", anchor="rs")

    # the title and the voyage strip (distractors)
    page.text(LEFT, 450, form.word("title"), "title", max_width=1200)
    strip = [
        (form.word("voyage"), extras.get("voyage")),
        (form.word("embarked"), form.date(extras.get("embarked"))),
        (form.word("port"), extras.get("port")),
    ]
    x = 1380.0
    w = (RIGHT - x) / 3
    for k, (label, text) in enumerate(strip):
        a = x + w * k
        form.rect(a, 370, a + w, 480, outline=LINE, width=2)
        page.text(a + 12, 398, label, "tiny", max_width=w - 24)
        form.value(a + 20, 462, text, w - 40)

    # the patient block
    top = 540.0
    form.boxes(LEFT, top + 50, form.parts("guest_crew"), 1 if extras.get("crew") else 0, gap=50)
    y = form.ledger(
        LEFT,
        RIGHT,
        top + 90,
        [
            [
                (form.word("name"), fields.get("patient_name")),
                (form.word("cabin"), extras.get("cabin")),
            ],
            [
                (form.word("dob"), form.date(extras.get("patient_dob"), short_year=False)),
                (form.word("nation"), extras.get("nationality")),
            ],
            [(form.word("address"), fields.get("patient_address"))],
            [
                (form.word("date"), form.date(fields.get("date"))),
                (form.word("time"), extras.get("time")),
            ],
        ],
        height=96,
    )

    # diagnosis and allergies (distractors)
    base = y + 80
    end = page.text(LEFT, base, f"{form.word('diagnosis')}:", "lbl")
    form.line(end + 16, base + 14, 1250, base + 14, 2, LINE)
    form.value(end + 30, base, extras.get("diagnosis"), 1250 - end - 50)
    end = page.text(1330, base, f"{form.word('allergy')}:", "lbl")
    form.line(end + 16, base + 14, RIGHT, base + 14, 2, LINE)
    form.value(end + 30, base, extras.get("allergies_known"), RIGHT - end - 50)

    # the medicine table
    top = base + 60
    if style["rx_glyph"]:
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        if rx_fonts:
            page.add_face("rx", rx_fonts[0], 120)
            page.text(LEFT, top + 110, fonts.RX_GLYPH, "rx")
        else:
            page.add_face("rx", style["title_font"], 110, bold=True)
            page.text(LEFT, top + 110, "Rx", "rx")
    else:
        page.add_face("rx", style["title_font"], 110, bold=True)
        page.text(LEFT, top + 110, "Rx", "rx")
    tx0 = LEFT + 200
    medicines = list(fields.get("medicines") or [])
    routes = list(extras.get("routes") or [])
    quantities = list(extras.get("quantities") or [])
    edges = (tx0, tx0 + 1300, tx0 + 1680, RIGHT)
    head = 56.0
    row = 92.0
    n = max(4, len(medicines))
    bottom = top + head + row * n
    form.rect(tx0, top, RIGHT, top + head, fill=_tint(colour, 0.15), outline=None)
    for k, label in enumerate((form.word("med"), form.word("route"), form.word("qty"))):
        page.text(edges[k] + 16, top + 40, label, "bold", max_width=edges[k + 1] - edges[k] - 30)
    for r in range(n):
        form.line(tx0, top + head + row * (r + 1), RIGHT, top + head + row * (r + 1), 1.5, FAINT)
        if r < len(medicines):
            b = top + head + row * r + 66
            form.value(edges[0] + 24, b, medicines[r], edges[1] - edges[0] - 48)
            form.value(
                edges[1] + 24, b, routes[r] if r < len(routes) else "", edges[2] - edges[1] - 48
            )
            form.value(
                edges[2] + 24,
                b,
                quantities[r] if r < len(quantities) else "",
                edges[3] - edges[2] - 48,
            )
    form.rect(tx0, top, RIGHT, bottom, outline=LINE, width=3)
    for edge in edges[1:-1]:
        form.line(edge, top, edge, bottom, 2, LINE)

    # directions on rules
    base = bottom + 90
    page.text(LEFT, base, form.word("directions"), "bold")
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 100) if directions else []
    for k in range(max(3, len(lines))):
        ly = base + 90 + 84 * k
        form.line(LEFT + 40, ly + 14, RIGHT, ly + 14, 1.5, FAINT)
        if k < len(lines):
            form.value(LEFT + 60, ly, lines[k], RIGHT - LEFT - 80)
    base += 90 + 84 * max(3, len(lines)) + 40

    # refills
    refills = fields.get("refills")
    end = page.text(LEFT, base, form.word("refills"), "bold")
    if style["refill_mode"] == "boxes":
        tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = tokens.index(str(refills)) if str(refills) in tokens else None
        end = form.boxes(end + 40, base, tokens, chosen, gap=36)
        end = page.text(end + 10, base, f"{form.word('other')}:", "lbl")
        form.line(end + 16, base + 14, end + 200, base + 14, 2, LINE)
        if refills is not None and chosen is None:
            form.value(end + 40, base, refills, 150)
    else:
        form.line(end + 24, base + 14, end + 260, base + 14, 2, LINE)
        form.value(end + 60, base, "" if refills is None else refills, 180)

    base += 110
    form.boxes(LEFT, base, form.parts("supply"), extras.get("supply"), gap=80)
    base += 100
    end = page.text(LEFT, base, f"{form.word('follow')}:", "lbl")
    form.line(end + 16, base + 14, 1400, base + 14, 2, LINE)
    form.value(end + 30, base, extras.get("follow_up"), 1400 - end - 50)

    # the physician's block, the nurse and the charge
    base += 130
    block_top = base
    block_bottom = min(base + 330, 3090.0)
    form.rect(LEFT, block_top, 1400, block_bottom, outline=colour, width=3)
    page.text(LEFT + 20, block_top + 36, form.word("physician").upper(), "tiny")
    sig_y = block_top + 150
    form.line(LEFT + 30, sig_y, 1370, sig_y, 2, LINE)
    page.scribble(LEFT + 80, LEFT + 620, sig_y - 6, (25, 35, 110))
    page.text(LEFT + 30, sig_y + 62, fields.get("prescriber", ""), "doc", max_width=1300 - LEFT)
    end = page.text(LEFT + 30, sig_y + 130, f"{form.word('reg')}:", "lbl")
    page.text(end + 20, sig_y + 130, extras.get("registration", ""), "lbl")
    rx0 = 1460.0
    end = page.text(rx0, block_top + 60, f"{form.word('nurse')}:", "lbl")
    form.line(end + 16, block_top + 74, RIGHT, block_top + 74, 2, LINE)
    form.value(end + 30, block_top + 60, extras.get("nurse"), RIGHT - end - 50)
    page.text(rx0, block_top + 170, form.word("charge"), "lbl", max_width=RIGHT - rx0)
    end = page.text(rx0, block_top + 260, "US$", "lbl")
    form.line(end + 16, block_top + 274, end + 300, block_top + 274, 2, LINE)
    form.value(end + 30, block_top + 260, extras.get("charge"), 260)
    # the medical centre's round stamp below the physician's block
    sx, sy, ring = LEFT + 260, block_bottom + 230, 150.0
    if sy + ring > FOOT_TOP - 20:  # no room above the small print: the stamp went on the back
        form.footer(form.word("fine"), "")
        return page.image
    stamp = _tint(colour, 0.55)
    for radius, width in ((ring, 6), (ring - 22, 2)):
        page.draw.ellipse(
            [
                page.px(sx - radius),
                page.px(sy - radius),
                page.px(sx + radius),
                page.px(sy + radius),
            ],
            outline=stamp,
            width=max(1, page.px(width)),
        )
    top_word, bottom_word = form.parts("stamp")
    page.add_face("stamp", style["title_font"], 30, bold=True)
    page.faces["stamp"] = render.Face(page.faces["stamp"].path, 30, stamp)
    page.text(sx, sy - 30, top_word, "stamp", anchor="ms", max_width=2 * ring - 70)
    page.text(sx, sy + 12, style["ship"].upper(), "stamp", anchor="ms", max_width=2 * ring - 60)
    page.text(sx, sy + 54, bottom_word, "stamp", anchor="ms", max_width=2 * ring - 70)
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
