"""A plasma donation centre's donor registration and a seaport seafarers' clinic's prescription.

Written blind as the held-out family of round 37: its author never read the reader, its layouts,
its vocabulary or its tests. A reader's author must not read this module; the family is kept out
of the reader's tuning and measured apart.

Patient record (two pages): the registration a plasma donation centre fills in with a new donor.
Page 1: the centre's heading, either a coloured banner across the page or a drop-shaped mark beside
the centre's name, with its street, phone and licence number (distractors); the registration date
either written alone at the top right with no label or in a ruled stamp box whose caption sits under
the date; a donor number and a barcode (distractors). Three sections follow, the donor, the person
to call and the health screen, the last two in either order, each headed by a coloured band or by a
coloured title over a rule. Every entry is drawn one of three ways for the whole form: a ruled cell
with its caption in the top-left corner, a rule with a small caption printed under it, or a label
left of a rule. The donor section gives the name (whole, or surname and given names apart), the
birth date, sex and blood group (distractors), the phone and a second number (distractor), the
address as street, town line and country rows or as one line, weight, height and the date of the
last donation (distractor). The contact section gives the contact's name, how they are related
(distractor), a day phone (the contact's phone) and an evening phone (distractor), and their
address. The health screen asks the immunities in a ticked grid or with one printed word ringed
(with a rubella row as a distractor, and an unsure column that leaves a field out), the hepatitis B
shots with yes, no or unsure, and the diagnosed illnesses on rules; a shaded staff box (screener,
haemoglobin, pressure, pulse, the arm ringed: distractors) closes the page when there is room.
Page 2: the centre and the donor's name and number again; the cover section (insured? ticked or
ringed; the insurer, the member number, a group number, the plan holder, the insurer's phone, the
effective date (distractors), the insurer's address and the end date); allergies and regular
medicines either in two framed boxes of numbered lines with a "none" box, or written on rules one
under the other; the donor's declaration, signature, the date signed and a witness (distractors).

Prescription (one page): a seaport seafarers' clinic's prescription. The clinic's heading is
either centred or set left with a ship's-wheel mark and the contacts at the right; the prescriber
is printed either in the heading or under the signature rule, with a licence number (distractor)
and, in the heading, the port's duty nurse line (distractor). A consultation number in a box
(distractor); the date either alone at the top right or as a labelled entry among the seafarer's
details; the seafarer's details drawn the same three ways as the record (name, home address as
the patient's address, and as distractors the birth date, the vessel, the rank, the seaman's book
number, the nationality, the ship's agent and the agent's phone). The Rx sign, the medicines on
lines with a quantity beside each (distractor), the directions on rules, the refills either ringed
among 0 to 6 and PRN (a larger number written after them) or written on a short rule, a fit for
duty answer ticked (distractor), the signature, and the clinic's corner (nurse and time seen:
distractors) and small print at the foot.
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
FOOT = 3185.0  # the footer's rule; only small print below it
INK = (25, 25, 25)
GREY = (85, 85, 85)
LINE = (75, 75, 75)
FAINT = (165, 165, 165)
WHITE = (255, 255, 255)

# fmt: off
COLOURS = ([150, 30, 45], [30, 80, 140], [20, 105, 95], [95, 45, 120], [60, 60, 60],
           [170, 80, 20])
CENTRES = ("Lifeflow Plasma Center", "BrightVein Plasma Donor Centre",
           "Riverside Plasma Collection Center", "Crimson Oak Plasma",
           "Unity Plasma Donation Centre")
CLINICS = ("Harbourside Seafarers' Clinic", "Anchor Point Maritime Clinic",
           "Pier 9 Seafarers' Health Station", "Quayside Mariners' Clinic",
           "Port Welfare Medical Office")
TERMINALS = ("Terminal 3, Berth 14", "Container Gate B", "Cruise Terminal, Level 1",
             "Seamen's Mission Building", "North Quay Office 6")
BLOOD = ("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-")
RELATIONS = ("Spouse", "Wife", "Husband", "Mother", "Father", "Sister", "Brother", "Partner",
             "Friend", "Son", "Daughter", "Neighbour", "Aunt")
VESSELS = ("MV Nordic Star", "MT Coral Spirit", "MV Baltic Carrier", "MT Eastern Grace",
           "MV Cape Meridian", "MV Ocean Lark", "MV Silver Tern", "MT Gulf Harmony")
RANKS = ("Chief Officer", "Second Engineer", "AB Seaman", "Oiler", "Cook", "Bosun",
         "Deck Cadet", "Third Officer", "Motorman", "Fitter", "Messman")
NATIONS = ("Philippines", "India", "Ukraine", "Indonesia", "Myanmar", "Poland", "Ghana",
           "Croatia", "Vietnam", "Latvia")
AGENTS = ("Meridian Ship Agency", "Bluewater Port Services", "Harbor Line Agents",
          "Keel and Co Shipping", "Tidewater Maritime")
QUANTITIES = ("#10", "#20", "#30", "14 tabs", "1 inhaler", "#7", "28", "#15", "1 tube")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso", "dmy_short")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": ("DONOR HEALTH REGISTRATION", "New Donor Registration", "Donor Intake Record"),
    "licence": ("FDA Reg. 3004172", "Lic. no. 2291-P", "Establishment ID 18-0447"),
    "stamp": ("Registered on", "Date of registration", "Intake date"),
    "donor_no": ("Donor no.", "Donor ID", "Donor #"),
    "s_donor": ("The donor", "1. About the donor", "DONOR PARTICULARS"),
    "s_call": ("Person to call", "2. Who should we call?", "NEXT OF KIN"),
    "s_health": ("Health screen", "3. Health questions", "SCREENING HISTORY"),
    "whole": ("Donor's full name", "Name of donor", "Full legal name"),
    "surname": ("Surname", "Family name"),
    "given": ("Given names", "First and middle names"),
    "dob": ("Born", "Date of birth", "Birth date"),
    "sex": ("Sex", "M / F"),
    "blood": ("Blood group", "ABO / Rh", "Blood type (if known)"),
    "tel": ("Main phone", "Phone number", "Best number to reach you"),
    "alt": ("Text / other number", "Second phone", "Other number"),
    "street": ("Number and street", "Street", "Home street"),
    "town": ("Town, state, postcode", "City / State / ZIP", "City, state and zip"),
    "country": ("Country", "Nation"),
    "address": ("Home address (street, town, zip, country)", "Residential address"),
    "weight": ("Weight", "Body weight", "Wt"),
    "height": ("Height", "Ht", "Standing height"),
    "last": ("Last donated", "Previous donation", "Date of last donation"),
    "c_name": ("Name of contact", "Contact person", "Call this person"),
    "c_rel": ("Related how?", "Relationship", "Relation to donor"),
    "c_day": ("Daytime phone", "Phone (day)", "Home phone"),
    "c_eve": ("Evening / work phone", "Phone (evening)", "Work number"),
    "c_addr": ("Contact's address", "Their home address", "Address of contact"),
    "imm_q": ("Are you protected against these?", "Immunity (illness or vaccine):"),
    "imm_opts": ("Immune|Not immune|Unsure", "IMMUNE|NOT IMMUNE|DON'T KNOW"),
    "pox": ("Chicken pox", "Varicella (chickenpox)", "Chickenpox"),
    "measles": ("Measles", "Measles (rubeola)"),
    "rubella": ("Rubella", "German measles"),
    "hep": (
        "Completed the hepatitis B vaccine course?",
        "Had all your hepatitis B shots?",
        "Hepatitis B vaccinated?",
    ),
    "hep_opts": ("Yes|No|Unsure", "YES|NO|NOT SURE"),
    "ill": (
        "Illnesses a doctor has diagnosed (e.g. asthma, diabetes, epilepsy):",
        "Ongoing health conditions:",
        "Please list any medical conditions you have:",
    ),
    "staff": ("FOR CENTRE STAFF ONLY", "SCREENING (STAFF)", "OFFICE USE"),
    "screener": ("Screened by", "Screener", "Phlebotomist"),
    "hgb": ("Hgb g/dL", "Haemoglobin", "Hb"),
    "bp": ("BP", "Blood pressure"),
    "pulse": ("Pulse", "HR"),
    "arm": ("Arm:", "Venipuncture arm:"),
    "arm_opts": ("Left|Right", "L|R"),
    "p2_title": ("COVER, ALLERGIES AND MEDICINES", "Insurance and Medicines", "Donor Record (2)"),
    "p2_donor": ("Donor", "Donor name"),
    "s_cover": ("Health cover", "4. Insurance", "MEDICAL INSURANCE"),
    "ins_q": (
        "Do you hold medical insurance?",
        "Are you covered by a health plan?",
        "Medical insurance?",
    ),
    "yes_no": ("Yes|No", "YES|NO"),
    "insurer": ("Insurer", "Health plan / company", "Insurance carrier"),
    "member": ("Member no.", "Policy / member ID", "Certificate #"),
    "group": ("Group no.", "Group"),
    "holder": ("Plan holder", "Name of insured", "Policy holder"),
    "plan_phone": ("Insurer's phone", "Plan phone", "Member services"),
    "ins_addr": ("Insurer's mailing address", "Claims address", "Address of insurer"),
    "ends": ("Cover ends", "Expires", "Valid until"),
    "starts": ("Cover began", "Effective", "Start date"),
    "s_allergy": ("Allergies", "Known allergies", "Allergic reactions to"),
    "s_meds": ("Medicines taken regularly", "Regular medicines", "Medication you take"),
    "none_a": ("None known", "No allergies"),
    "none_m": ("None", "Takes no medicines"),
    "declare": (
        "I declare that the answers I have given are true to the best of my knowledge. I "
        "understand that my plasma will be tested and that I will be told of any result that "
        "matters to my health.",
        "I have read the donor information leaflet and had the chance to ask questions. I "
        "agree to the collection of my plasma and to the centre keeping this record.",
    ),
    "sign": ("Donor's signature", "Signature of donor"),
    "signed": ("Date", "Signed on"),
    "witness": ("Witnessed by", "Staff witness"),
    "fine": (
        "Plasma donors must be 18 or over and weigh at least 110 lb. Records are kept for ten "
        "years.",
        "Thank you for donating. Bring photo ID and proof of address to every visit.",
    ),
    "page": ("Page {} of 2", "Sheet {} / 2", "{} of 2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "tag": (
        "Medical care for crews in port",
        "Seafarers' health and welfare",
        "Ship crew medical service",
    ),
    "duty": ("Duty nurse", "After-hours nurse", "Nurse line"),
    "title": ("PRESCRIPTION", "Prescription for a seafarer", "CREW PRESCRIPTION"),
    "consult": ("Consult no.", "Visit ref.", "Encounter #"),
    "name": ("Seafarer's name", "Patient", "Name of crew member"),
    "date": ("Date", "Date of visit", "Seen on"),
    "dob": ("Date of birth", "Born", "DOB"),
    "vessel": ("Vessel", "Ship", "Vessel name"),
    "rank": ("Rank", "Rank / rating", "Position on board"),
    "book": ("Seaman's book no.", "Discharge book #", "Seafarer ID"),
    "home": ("Home address", "Permanent address", "Address ashore"),
    "nation": ("Nationality", "Flag of origin", "Citizenship"),
    "agent": ("Ship's agent", "Local agent", "Agency"),
    "agent_tel": ("Agent phone", "Agent tel.", "Agency phone"),
    "med": ("Medicine, strength and form", "Drug / strength", "Medication"),
    "qty": ("Quantity", "Qty", "Supply"),
    "sig": ("Directions", "How to take", "Instructions for use"),
    "refill": ("Refills:", "Repeats:", "Refill"),
    "times": ("times", "x"),
    "other": ("other", "or"),
    "fit": ("Fit for duty?", "Fitness for duty:"),
    "fit_opts": ("Fit|Fit with limits|Unfit", "Fit|Light duty|Not fit"),
    "sign": ("Signature of prescriber", "Doctor's signature", "Signed"),
    "lic": ("Licence no.", "Lic. #", "Medical licence"),
    "nurse": ("Nurse", "Triage by", "RN"),
    "time": ("Time seen", "Time"),
    "fine": (
        "Valid for 30 days. Medicines supplied for use on board only. Keep in the ship's "
        "medicine locker.",
        "The seafarers' clinic is open seven days a week while ships are alongside.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _maybe(rnd: random.Random, share: float, value: Any) -> Any:
    return value if rnd.random() < share else None


def _shift(day: dt.date, rnd: random.Random, low: int, high: int) -> str:
    return (day + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _base_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(42, 48)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["mark"] = rnd.choice(("tick", "cross"))
    style["rules"] = True
    style["arrangement"] = rnd.choice(("corner", "under", "left"))
    style["heading"] = rnd.choice(("band", "title"))
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _base_style(rnd, handwriting, font, _RX)
        style.update(
            clinic=rnd.choice(CLINICS),
            terminal=rnd.choice(TERMINALS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            duty_phone=values.phone_number(rnd),
            header=rnd.choice(("centred", "left")),
            date_spot=rnd.choice(("lone", "entry")),
            prescriber_spot=rnd.choice(("head", "foot")),
            refill_mode=rnd.choice(("ring", "ring", "written")),
            rx_glyph=rnd.random() < 0.5,
            sign_at=rnd.choice((2560.0, 2680.0, 2760.0)),
        )
        return style
    style = _base_style(rnd, handwriting, font, _REC)
    style.update(
        centre=rnd.choice(CENTRES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        header=rnd.choice(("banner", "mark")),
        date_spot=rnd.choice(("lone", "stamp")),
        split_name=rnd.random() < 0.4,
        address_rows=rnd.random() < 0.65,
        immune_mode=rnd.choice(("grid", "ring")),
        call_first=rnd.random() < 0.5,
        lists=rnd.choice(("boxes", "rules")),
        insured_mode=rnd.choice(("tick", "ring")),
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


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "donor_no": f"{rnd.choice(letters)}{rnd.choice(letters)}{rnd.randint(100000, 999999)}",
        "sex": _maybe(rnd, 0.85, rnd.choice(("F", "M"))),
        "blood": _maybe(rnd, 0.5, rnd.choice(BLOOD)),
        "alt_phone": _maybe(rnd, 0.45, values.phone_number(rnd)),
        "last_donation": _maybe(rnd, 0.55, _shift(record, rnd, -420, -9)),
        "rubella": _maybe(rnd, 0.7, rnd.choice((0, 0, 1, 2))),
        "screener": _maybe(rnd, 0.6, values.person_name(rnd)),
        "hgb": _maybe(rnd, 0.7, f"{rnd.randint(120, 168) / 10:.1f}"),
        "bp": _maybe(rnd, 0.7, f"{rnd.randint(100, 145)}/{rnd.randint(60, 92)}"),
        "pulse": _maybe(rnd, 0.6, str(rnd.randint(54, 98))),
        "arm": _maybe(rnd, 0.6, rnd.randrange(2)),
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = _maybe(rnd, 0.8, rnd.choice(RELATIONS))
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.1:  # the unsure box chosen
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = _maybe(rnd, 0.5, f"G{rnd.randint(1000, 99999)}")
        extras["holder"] = (
            "Self" if rnd.random() < 0.5 else _maybe(rnd, 0.8, values.person_name(rnd))
        )
        extras["plan_phone"] = _maybe(rnd, 0.5, values.phone_number(rnd))
        extras["effective"] = _maybe(rnd, 0.4, _shift(record, rnd, -800, -15))
    elif rnd.random() < 0.15:
        del fields["has_insurance"]  # left unanswered
    extras["signed"] = _maybe(rnd, 0.75, _shift(record, rnd, 0, 1))
    extras["witness"] = _maybe(rnd, 0.55, values.person_name(rnd))
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    visit = dt.date.fromisoformat(fields["date"])
    birth = dt.date(1955, 1, 1) + dt.timedelta(days=rnd.randint(0, 16000))
    birth = min(birth, visit - dt.timedelta(days=6600))
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    extras: dict[str, Any] = {
        "consult": _maybe(rnd, 0.7, f"{visit.year % 100:02d}-{rnd.randint(1, 9999):04d}"),
        "birth": _maybe(rnd, 0.7, birth.isoformat()),
        "vessel": _maybe(rnd, 0.85, rnd.choice(VESSELS)),
        "rank": _maybe(rnd, 0.7, rnd.choice(RANKS)),
        "book": _maybe(rnd, 0.6, f"{rnd.choice(letters)}{rnd.randint(1000000, 9999999)}"),
        "nation": _maybe(rnd, 0.7, rnd.choice(NATIONS)),
        "agent": _maybe(rnd, 0.55, rnd.choice(AGENTS)),
        "agent_phone": _maybe(rnd, 0.45, values.phone_number(rnd)),
        "quantities": [
            rnd.choice(QUANTITIES) if rnd.random() < 0.75 else "" for _ in fields["medicines"]
        ],
        "fit": _maybe(rnd, 0.7, rnd.choice((0, 0, 1, 2))),
        "licence": _maybe(rnd, 0.7, f"{rnd.choice(('MD', 'ML', 'PL'))}{rnd.randint(10000, 99999)}"),
        "nurse": _maybe(rnd, 0.55, values.person_name(rnd)),
        "time": _maybe(rnd, 0.5, f"{rnd.randint(7, 21)}:{rnd.choice(('00', '15', '30', '45'))}"),
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


# the baseline of a section's first entry below its heading, and the step between entries
_FIRST = {"corner": 130.0, "under": 100.0, "left": 100.0}
_STEP = {"corner": 116.0, "under": 132.0, "left": 102.0}


class _Sheet(common.Drawing):
    """One page being drawn: its faces, its wording and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.mode = str(style["arrangement"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK)
        faces["bold"] = render.Face(label.bold, size, INK)
        faces["cap"] = render.Face(label.regular, 25, GREY)
        faces["head"] = render.Face(title.bold, 42, self.colour)
        faces["band"] = render.Face(title.bold, 42, WHITE)
        faces["org"] = render.Face(title.bold, 60, self.colour)
        faces["org_white"] = render.Face(title.bold, 60, WHITE)
        faces["org_small"] = render.Face(title.regular, 30, (60, 60, 60))
        faces["note"] = render.Face(label.regular, 28, (50, 50, 50))
        faces["fine"] = render.Face(label.regular, 23, (110, 110, 110))

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
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 55
    ) -> float:
        return common.options_with_boxes(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            mark=self.style["mark"],
            gap=gap,
        )

    def rings(
        self, x: float, base: float, options: Sequence[str], chosen: int | None, gap: float = 75
    ) -> float:
        return common.circled_options(
            self.page,
            x,
            base,
            [(str(k), text) for k, text in enumerate(options)],
            None if chosen is None else str(chosen),
            gap=gap,
        )

    def slot(self, x0: float, x1: float, base: float, label: str, text: Any) -> None:
        """One entry the form's way: a cell with a corner caption, a caption under, a label left."""
        page = self.page
        if self.mode == "corner":
            self.rect(x0, base - 88, x1, base + 26, outline=LINE, width=2)
            page.text(x0 + 12, base - 58, label, "cap", max_width=x1 - x0 - 24)
            self.value(x0 + 22, base, text, x1 - x0 - 40)
        elif self.mode == "under":
            self.line(x0, base + 14, x1, base + 14, width=2, fill=LINE)
            page.text(x0 + 4, base + 48, label, "cap", max_width=x1 - x0 - 8)
            self.value(x0 + 12, base, text, x1 - x0 - 24)
        else:
            end = page.text(x0, base, f"{label}:", "label", max_width=(x1 - x0) * 0.55)
            self.line(end + 14, base + 14, x1, base + 14, width=1.5, fill=FAINT)
            self.value(end + 28, base, text, x1 - end - 40)

    def row(
        self,
        base: float,
        items: Sequence[tuple[str, Any, float]],
        x0: float = LEFT,
        x1: float = RIGHT,
    ) -> float:
        """Entries side by side on one baseline, widths by share; returns the next baseline."""
        gap = 0.0 if self.mode == "corner" else 45.0
        room = x1 - x0 - gap * (len(items) - 1)
        total = sum(share for _, _, share in items)
        x = x0
        for label, text, share in items:
            width = room * share / total
            self.slot(x, x + width, base, label, text)
            x += width + gap
        return base + _STEP[self.mode]

    def rows(self, top: float, rows: Sequence[Sequence[tuple[str, Any, float]]]) -> float:
        """Rows of entries under a heading at ``top``; returns the bottom of the last."""
        base = top + _FIRST[self.mode]
        for items in rows:
            base = self.row(base, items)
        return base - _STEP[self.mode] + (60 if self.mode == "under" else 40)

    def heading(self, y: float, key: str) -> float:
        """A section's heading with its baseline at ``y``; returns the heading's bottom."""
        text = self.word(key)
        if self.style["heading"] == "band":
            self.rect(LEFT, y - 52, RIGHT, y + 16, fill=self.colour, outline=None)
            self.page.text(LEFT + 20, y, text, "band", max_width=RIGHT - LEFT - 40)
        else:
            self.page.text(LEFT, y, text, "head", max_width=RIGHT - LEFT)
            self.line(LEFT, y + 16, RIGHT, y + 16, width=4, fill=self.colour)
        return y + 16

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, FOOT, RIGHT, FOOT, width=1.5, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 380)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, FOOT + 36 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, FOOT + 36, right, "fine", anchor="rs")

    def numbered(
        self, x0: float, x1: float, top: float, entries: Sequence[str], count: int
    ) -> float:
        """Numbered ruled lines from ``top``, one entry a line; returns the last line's base."""
        base = top
        for k in range(count):
            base = top + 88 * k
            self.page.text(x0, base, f"{k + 1}.", "label")
            self.line(x0 + 50, base + 12, x1, base + 12, width=1.5, fill=FAINT)
            if k < len(entries):
                self.value(x0 + 66, base, entries[k], x1 - x0 - 80)
        return base


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _drop(sheet: _Sheet, cx: float, cy: float, size: float, fill: Any) -> None:
    """A drop of blood: a triangle over a circle."""
    page = sheet.page
    r = size * 0.42
    page.draw.ellipse(
        [
            page.px(cx - r),
            page.px(cy - r + size * 0.2),
            page.px(cx + r),
            page.px(cy + r + 0.2 * size),
        ],
        fill=fill,
    )
    points = [
        (cx - r * 0.93, cy + size * 0.05),
        (cx, cy - size * 0.6),
        (cx + r * 0.93, cy + size * 0.05),
    ]
    page.draw.polygon([(page.px(a), page.px(b)) for a, b in points], fill=fill)


def _barcode(sheet: _Sheet, x0: float, y0: float, x1: float, y1: float, key: str) -> None:
    """Bars drawn from a key (the donor number), so the same donor gets the same bars."""
    bars = random.Random(key)
    x = x0
    while x < x1 - 8:
        width = bars.choice((3, 3, 5, 7))
        sheet.rect(x, y0, x + width, y1, fill=INK, outline=None)
        x += width + bars.choice((3, 5, 6))


def _record_head(sheet: _Sheet, extras: Mapping[str, Any]) -> None:
    """The centre's heading with its contacts and licence (distractors)."""
    page, style = sheet.page, sheet.style
    contact = f"{style['street']}, {style['city']}  \u2022  Tel {sheet.phone(style['phone'])}"
    if style["header"] == "banner":
        sheet.rect(0, 0, 2550, 250, fill=sheet.colour, outline=None)
        _drop(sheet, LEFT + 50, 125, 110, WHITE)
        page.text(LEFT + 130, 150, style["centre"], "org_white", max_width=1450)
        page.text(LEFT + 130, 212, contact, "band", size=28, max_width=1450)
        page.text(LEFT, 300, sheet.word("licence"), "org_small")
    else:
        _drop(sheet, LEFT + 55, 170, 130, sheet.colour)
        page.text(LEFT + 150, 160, style["centre"], "org", max_width=1400)
        page.text(LEFT + 150, 215, contact, "org_small", max_width=1400)
        page.text(LEFT + 150, 260, sheet.word("licence"), "org_small", max_width=1400)


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    _record_head(sheet, extras)

    # the registration date (alone, or in a stamp box with its caption under it)
    record = sheet.date(fields.get("record_date"))
    date_top = 90.0 if style["header"] == "mark" else 300.0
    if style["date_spot"] == "lone":
        sheet.value(RIGHT, date_top + 90, record, 640, anchor="rs")
    else:
        sheet.rect(1800, date_top, RIGHT, date_top + 150, outline=sheet.colour, width=3)
        sheet.rect(1808, date_top + 8, RIGHT - 8, date_top + 142, outline=sheet.colour, width=1)
        sheet.value(1830, date_top + 85, record, RIGHT - 1860)
        page.text((1800 + RIGHT) / 2, date_top + 126, sheet.word("stamp"), "cap", anchor="ms")

    # the title, the donor number and its barcode
    y = 420.0 if style["header"] == "mark" else 500.0
    page.text(LEFT, y, sheet.word("title"), "org", size=46, max_width=1100)
    end = page.text(1320, y, sheet.word("donor_no"), "label")
    sheet.value(end + 24, y, extras.get("donor_no"), 1800 - end - 30)
    _barcode(sheet, 1830, y - 60, RIGHT, y + 4, str(extras.get("donor_no")))
    y += 110

    lines = common.address_lines(fields, extras)
    weight = _measure(fields.get("weight"), extras.get("weight_unit"))
    height = _measure(fields.get("height"), extras.get("height_unit"))

    def donor(top: float) -> float:
        word = sheet.word
        name = fields.get("patient_name")
        name_row: list[tuple[str, Any, float]]
        if style["split_name"] and name:
            given, _, surname = str(name).rpartition(" ")
            name_row = [(word("surname"), surname, 1.0), (word("given"), given, 1.3)]
        else:
            name_row = [(word("whole"), name, 2.3)]
        rows: list[list[tuple[str, Any, float]]] = [
            [*name_row, (word("sex"), extras.get("sex"), 0.4)],
            [
                (word("dob"), sheet.date(fields.get("birth_date"), short_year=False), 1.1),
                (word("blood"), extras.get("blood"), 0.8),
                (word("last"), sheet.date(extras.get("last_donation")), 1.1),
            ],
            [
                (word("tel"), sheet.phone(fields.get("phone")), 1.0),
                (word("alt"), sheet.phone(extras.get("alt_phone")), 1.0),
            ],
        ]
        if style["address_rows"]:
            rows += [
                [(word("street"), lines[0], 1.0)],
                [(word("town"), lines[1], 1.5), (word("country"), lines[2], 1.0)],
            ]
        else:
            rows.append([(word("address"), fields.get("address"), 1.0)])
        rows.append([(word("weight"), weight, 1.0), (word("height"), height, 1.0)])
        return sheet.rows(sheet.heading(top, "s_donor"), rows)

    def call(top: float) -> float:
        word = sheet.word
        rows = [
            [
                (word("c_name"), fields.get("emergency_contact_name"), 1.5),
                (word("c_rel"), extras.get("relation"), 0.9),
            ],
            [
                (word("c_day"), sheet.phone(fields.get("emergency_contact_phone")), 1.0),
                (word("c_eve"), sheet.phone(extras.get("emergency_work_phone")), 1.0),
            ],
            [(word("c_addr"), fields.get("emergency_contact_address"), 1.0)],
        ]
        return sheet.rows(sheet.heading(top, "s_call"), rows)

    def health(top: float) -> float:
        y = sheet.heading(top, "s_health") + 80
        page.text(LEFT, y, sheet.word("imm_q"), "bold", max_width=RIGHT - LEFT)
        answers: list[tuple[str, int | None]] = []
        for key, name in (("pox", "chicken_pox"), ("measles", "measles")):
            index = {"immune": 0, "not immune": 1}.get(fields.get(name) or "")
            if extras.get(f"{name}_unsure"):
                index = 2
            answers.append((sheet.word(key), index))
        answers.append((sheet.word("rubella"), extras.get("rubella")))
        options = sheet.parts("imm_opts")
        if style["immune_mode"] == "grid":
            col0, col_w = LEFT + 640, 400.0
            y += 70
            for k, option in enumerate(options):
                page.text(col0 + col_w * (k + 0.5), y, option, "cap", anchor="ms")
            for label, index in answers:
                y += 76
                page.text(LEFT + 30, y, label, "label", max_width=600)
                sheet.line(LEFT + 20, y + 20, col0 + col_w * 3, y + 20, width=1, fill=FAINT)
                for k in range(3):
                    common.checkbox(
                        page,
                        col0 + col_w * (k + 0.5) - 20,
                        y,
                        checked=index == k,
                        mark=style["mark"],
                        side=40,
                    )
        else:
            for label, index in answers:
                y += 84
                page.text(LEFT + 30, y, label, "label", max_width=600)
                sheet.rings(LEFT + 680, y, options, index)
        y += 100
        end = page.text(LEFT, y, sheet.word("hep"), "label", max_width=1350)
        hep = {"yes": 0, "no": 1}.get(fields.get("hepatitis_b_vaccination") or "")
        if extras.get("hepatitis_b_vaccination_unsure"):
            hep = 2
        if style["immune_mode"] == "grid":
            sheet.ticks(end + 50, y, sheet.parts("hep_opts"), hep)
        else:
            sheet.rings(end + 60, y, sheet.parts("hep_opts"), hep)
        y += 95
        page.text(LEFT, y, sheet.word("ill"), "label", max_width=RIGHT - LEFT)
        problems = common.list_text(fields.get("medical_problems"), str(style["empty_list"])) or ""
        texts = render.wrap(page, problems, "value", RIGHT - LEFT - 120) if problems else []
        for k in range(max(2, len(texts))):
            base = y + 88 * (k + 1)
            sheet.line(LEFT + 20, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
            if k < len(texts):
                sheet.value(LEFT + 40, base, texts[k], RIGHT - LEFT - 60)
        return y + 88 * max(2, len(texts)) + 30

    y = donor(y)
    order = (call, health) if style["call_first"] else (health, call)
    for section in order:
        y = section(y + 100)

    # the staff box (distractors), when the page has room for it
    if y + 360 < FOOT - 30:
        top = y + 60
        sheet.rect(LEFT, top, RIGHT, top + 280, fill=(242, 242, 242), outline=LINE, width=2)
        page.text(LEFT + 20, top + 40, sheet.word("staff"), "cap")
        row = top + 125
        end = page.text(LEFT + 20, row, f"{sheet.word('screener')}:", "label")
        sheet.line(end + 10, row + 12, 1000, row + 12, width=1.5, fill=FAINT)
        sheet.value(end + 20, row, extras.get("screener"), 980 - end)
        end = page.text(1080, row, sheet.word("arm"), "label")
        sheet.rings(end + 75, row, sheet.parts("arm_opts"), extras.get("arm"), gap=70)
        row += 105
        x = LEFT + 20
        for key, text, room in (
            ("hgb", extras.get("hgb"), 170),
            ("bp", extras.get("bp"), 220),
            ("pulse", extras.get("pulse"), 130),
        ):
            end = page.text(x, row, f"{sheet.word(key)}:", "label")
            sheet.line(end + 10, row + 12, end + room + 20, row + 12, width=1.5, fill=FAINT)
            sheet.value(end + 18, row, text, room)
            x = end + room + 90
    sheet.footer(sheet.word("fine"), sheet.word("page").format(1))
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    page.text(LEFT, 150, style["centre"], "org", size=40, max_width=1100)
    page.text(LEFT, 215, word("p2_title"), "org_small", max_width=1100)
    end = page.text(1350, 150, f"{word('p2_donor')}:", "label")
    sheet.line(end + 14, 164, RIGHT, 164, width=1.5, fill=FAINT)
    sheet.value(end + 28, 150, fields.get("patient_name"), RIGHT - end - 40)
    end = page.text(1350, 235, f"{word('donor_no')}:", "label")
    sheet.line(end + 14, 249, RIGHT, 249, width=1.5, fill=FAINT)
    sheet.value(end + 28, 235, extras.get("donor_no"), RIGHT - end - 40)

    # cover
    y = sheet.heading(380.0, "s_cover") + 90
    end = page.text(LEFT, y, word("ins_q"), "bold", max_width=1300)
    insured = {"yes": 0, "no": 1}.get(fields.get("has_insurance") or "")
    if style["insured_mode"] == "tick":
        sheet.ticks(end + 50, y, sheet.parts("yes_no"), insured, gap=70)
    else:
        sheet.rings(end + 60, y, sheet.parts("yes_no"), insured, gap=90)
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    rows = [
        [(word("insurer"), fields.get("insurance_company"), 1.4), (word("member"), policy, 1.0)],
        [(word("group"), extras.get("group"), 0.7), (word("holder"), extras.get("holder"), 1.3)],
        [(word("ins_addr"), fields.get("insurance_address"), 1.0)],
        [
            (word("ends"), sheet.date(fields.get("insurance_expiry")), 1.0),
            (word("starts"), sheet.date(extras.get("effective")), 1.0),
            (word("plan_phone"), sheet.phone(extras.get("plan_phone")), 1.1),
        ],
    ]
    y = sheet.rows(y + 10, rows) + 100

    # allergies and regular medicines
    empty = str(style["empty_list"])
    allergies = fields.get("allergies")
    medicines = fields.get("regular_medication")
    if style["lists"] == "boxes":
        half = (LEFT + RIGHT) / 2
        bottoms = []
        for x0, x1, head, none, items in (
            (LEFT, half - 25, word("s_allergy"), word("none_a"), allergies),
            (half + 25, RIGHT, word("s_meds"), word("none_m"), medicines),
        ):
            sheet.rect(x0, y - 50, x1, y + 20, fill=_tint(sheet.colour, 0.15), outline=None)
            page.text(x0 + 20, y, head, "bold", max_width=x1 - x0 - 40)
            tick_y = y + 100
            chosen = common.checkbox(
                page, x0 + 24, tick_y, checked=items == [], mark=style["mark"], side=38
            )
            page.text(chosen + 18, tick_y, none, "label")
            entries = list(items or [])
            if items == [] and empty:
                entries = [empty]
            last = sheet.numbered(x0 + 24, x1 - 24, tick_y + 95, entries, max(4, len(entries)))
            bottom = last + 50
            sheet.rect(x0, y - 50, x1, bottom, outline=sheet.colour, width=3)
            bottoms.append(bottom)
        y = max(bottoms) + 90
    else:
        for head, items in ((word("s_allergy"), allergies), (word("s_meds"), medicines)):
            page.text(LEFT, y, f"{head}:", "bold")
            text = common.list_text(items, empty) or ""
            texts = render.wrap(page, text, "value", RIGHT - LEFT - 120) if text else []
            for k in range(max(2, len(texts))):
                base = y + 90 * (k + 1)
                sheet.line(LEFT + 20, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
                if k < len(texts):
                    sheet.value(LEFT + 40, base, texts[k], RIGHT - LEFT - 60)
            y += 90 * max(2, len(texts)) + 120

    # the declaration and the signatures
    for line in render.wrap(page, word("declare"), "note", RIGHT - LEFT):
        page.text(LEFT, y, line, "note")
        y += 40
    y = max(y + 150, 2700.0)
    sheet.line(LEFT, y, 1050, y, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 600, y - 8, sheet.ink())
    page.text(LEFT, y + 38, word("sign"), "cap")
    sheet.line(1150, y, 1600, y, width=2.5, fill=LINE)
    sheet.value(1170, y - 14, sheet.date(extras.get("signed")), 420)
    page.text(1150, y + 38, word("signed"), "cap")
    sheet.line(1700, y, RIGHT, y, width=2.5, fill=LINE)
    sheet.value(1720, y - 14, extras.get("witness"), RIGHT - 1740)
    page.text(1700, y + 38, word("witness"), "cap")
    sheet.footer(word("fine"), word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _wheel(sheet: _Sheet, cx: float, cy: float, r: float) -> None:
    """A ship's wheel: a rim, a hub and eight spokes through it."""
    page = sheet.page
    colour = sheet.colour
    width = max(1, page.px(9))
    page.draw.ellipse(
        [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
        outline=colour,
        width=width,
    )
    for k in range(4):
        dx, dy = [(1.25, 0), (0.88, 0.88), (0, 1.25), (-0.88, 0.88)][k]
        sheet.line(cx - dx * r, cy - dy * r, cx + dx * r, cy + dy * r, width=9, fill=colour)
    page.draw.ellipse(
        [
            page.px(cx - r * 0.3),
            page.px(cy - r * 0.3),
            page.px(cx + r * 0.3),
            page.px(cy + r * 0.3),
        ],
        fill=colour,
    )


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    word = sheet.word
    prescriber = str(fields.get("prescriber", ""))
    in_head = style["prescriber_spot"] == "head" and bool(prescriber)
    place = f"{style['terminal']}, {style['street']}, {style['city']}"
    phones = (
        f"Tel {sheet.phone(style['phone'])}  \u2022  "
        f"{word('duty')} {sheet.phone(style['duty_phone'])}"
    )
    if style["header"] == "centred":
        centre = 2550 / 2
        page.text(centre, 170, style["clinic"], "org", anchor="ms", max_width=2000)
        y = 220.0
        for text in ((prescriber if in_head else ""), word("tag"), place, phones):
            if text:
                face = "bold" if text == prescriber else "org_small"
                page.text(centre, y, text, face, anchor="ms", max_width=2000)
                y += 44
    else:
        _wheel(sheet, LEFT + 80, 190, 62)
        x = LEFT + 200
        page.text(x, 170, style["clinic"], "org", max_width=1250)
        page.text(x, 220, word("tag"), "org_small", max_width=1250)
        if in_head:
            page.text(x, 275, prescriber, "bold", max_width=1250)
        for k, text in enumerate((style["terminal"], style["street"], style["city"], phones)):
            page.text(RIGHT, 140 + 42 * k, text, "org_small", anchor="rs", max_width=820)
        y = 320.0
    top_rule = max(y, 320.0) + 10
    sheet.line(LEFT, top_rule, RIGHT, top_rule, width=5, fill=sheet.colour)
    sheet.line(LEFT, top_rule + 14, RIGHT, top_rule + 14, width=1.5, fill=sheet.colour)

    # the title, the consultation box and (on some forms) the date alone at the right
    y = top_rule + 120
    page.text(LEFT, y, word("title"), "org", size=46, max_width=900)
    box_x0 = 1130.0
    sheet.rect(box_x0, y - 75, box_x0 + 520, y + 25, outline=LINE, width=2)
    page.text(box_x0 + 12, y - 48, word("consult"), "cap")
    sheet.value(box_x0 + 30, y + 4, extras.get("consult"), 470)
    visit = sheet.date(fields.get("date"))
    lone = style["date_spot"] == "lone"
    if lone:
        sheet.value(RIGHT, y, visit, RIGHT - 1700, anchor="rs")

    # the seafarer's details
    name_row: list[tuple[str, Any, float]] = [(word("name"), fields.get("patient_name"), 2.2)]
    name_row.append(
        (word("dob"), sheet.date(extras.get("birth"), short_year=False), 1.0)
        if lone
        else (word("date"), visit, 1.0)
    )
    rows: list[list[tuple[str, Any, float]]] = [name_row]
    if not lone:
        rows.append(
            [
                (word("dob"), sheet.date(extras.get("birth"), short_year=False), 1.0),
                (word("nation"), extras.get("nation"), 1.2),
            ]
        )
    rows += [
        [
            (word("vessel"), extras.get("vessel"), 1.4),
            (word("rank"), extras.get("rank"), 1.1),
            (word("book"), extras.get("book"), 1.0),
        ],
        [(word("home"), fields.get("patient_address"), 1.0)],
        [
            *([(word("nation"), extras.get("nation"), 1.0)] if lone else []),
            (word("agent"), extras.get("agent"), 1.4),
            (word("agent_tel"), sheet.phone(extras.get("agent_phone")), 1.0),
        ],
    ]
    y = sheet.rows(y + 20, rows) + 50

    # the Rx sign, the medicines and their quantities
    rx_fonts = [f for f in fonts.families(handwriting=False) if f.has_rx_glyph]
    if style["rx_glyph"] and rx_fonts:
        page.faces["rx"] = render.Face(rx_fonts[0].regular, 120, INK)
        page.text(LEFT, y + 110, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(page.faces["bold"].path, 96, INK)
        page.text(LEFT, y + 110, "Rx", "rx")
    mx, qx = LEFT + 220, 1950.0
    page.text(mx, y + 20, word("med"), "cap")
    page.text(qx + 10, y + 20, word("qty"), "cap")
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    count = max(3, len(medicines))
    for k in range(count):
        base = y + 110 + 96 * k
        sheet.line(mx, base + 14, qx - 30, base + 14, width=1.5, fill=FAINT)
        sheet.line(qx, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
        if k < len(medicines):
            sheet.value(mx + 16, base, medicines[k], qx - mx - 60)
            sheet.value(
                qx + 16, base, quantities[k] if k < len(quantities) else "", RIGHT - qx - 30
            )
    y += 110 + 96 * count + 40

    # the directions on rules
    page.text(LEFT, y, f"{word('sig')}:", "bold")
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 140) if directions else []
    for k in range(max(3, len(lines))):
        base = y + 90 * (k + 1)
        sheet.line(LEFT + 30, base + 14, RIGHT, base + 14, width=1.5, fill=FAINT)
        if k < len(lines):
            sheet.value(LEFT + 50, base, lines[k], RIGHT - LEFT - 70)
    y += 90 * max(3, len(lines)) + 120

    # the refills, then fitness for duty
    refills = fields.get("refills")
    end = page.text(LEFT, y, word("refill"), "bold")
    if style["refill_mode"] == "ring":
        tokens = ["0", "1", "2", "3", "4", "5", "6", "PRN"]
        chosen = tokens.index(str(refills)) if str(refills) in tokens else None
        end = sheet.rings(end + 60, y, tokens, chosen, gap=62)
        end = page.text(end + 10, y, f"{word('other')}:", "label")
        sheet.line(end + 14, y + 14, end + 170, y + 14, width=2, fill=LINE)
        if refills is not None and chosen is None:
            sheet.value(end + 40, y, refills, 120)
    else:
        sheet.line(end + 20, y + 14, end + 200, y + 14, width=2, fill=LINE)
        sheet.value(end + 60, y, "" if refills is None else refills, 130)
        if refills != "PRN":
            page.text(end + 220, y, word("times"), "label")
    y += 100
    end = page.text(LEFT, y, word("fit"), "label")
    sheet.ticks(end + 40, y, sheet.parts("fit_opts"), extras.get("fit"), gap=50)

    # the signature and the prescriber, and the clinic's corner
    y = max(y + 230, float(style["sign_at"]))
    sheet.line(LEFT, y, 1250, y, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 620, y - 8, (25, 35, 110))
    page.text(LEFT, y + 38, word("sign"), "cap")
    y2 = y + 120
    if not in_head and prescriber:
        page.text(LEFT, y2, prescriber, "bold", max_width=1250 - LEFT)
        y2 += 80
    end = page.text(LEFT, y2, f"{word('lic')}:", "label")
    sheet.value(end + 24, y2, extras.get("licence"), 1250 - end - 30)

    cx0 = 1500.0
    sheet.rect(cx0, y - 90, RIGHT, y + 210, fill=_tint(sheet.colour, 0.08), outline=LINE, width=2)
    row = y - 10
    for key, text in (("nurse", extras.get("nurse")), ("time", extras.get("time"))):
        end = page.text(cx0 + 20, row, f"{word(key)}:", "label")
        sheet.line(end + 14, row + 14, RIGHT - 20, row + 14, width=1.5, fill=FAINT)
        sheet.value(end + 28, row, text, RIGHT - end - 60)
        row += 120
    sheet.footer(word("fine"), "")
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
