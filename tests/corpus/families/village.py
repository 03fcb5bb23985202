"""A fly-in village nursing station's client face sheet and a marathon medical tent's prescription.

Written blind as the held-out family of round 36 (its author never read the reader, its layouts,
its vocabulary or its tests); tuned from round 37 on.

Patient record (two pages): the client registration face sheet of a remote village clinic
staffed by community health aides and visited by fly-in providers. Page 1: a letterhead with an
emblem, the health corporation, the clinic's community, street and telephone (distractors) and
the visiting provider (a distractor doctor); at the right either a chart tab (chart number and
community, distractors, and on some forms the visit date under its caption) or, on the others,
a rubber-stamp box holding the visit date alone; a title bar with the form number. The body's
sections either carry their names written vertically in a shaded band down the left edge or
numbered headings over rules, and the next-of-kin and health sections swap places on some
forms. The client's particulars are either cells whose value is written on the left with its
caption in a shaded cell at the cell's right end, or a table of column heads with the values in
the row under each (the name then as surname and given names), with sex, age and a beneficiary
number in comb boxes as distractors. Next of kin: the same cells or a headed table (name,
relationship, home phone, message phone) and the address. Health: the reason for today's visit
(distractor), the immunities either as a tick table with had-it, not-immune and don't-know
columns (mumps and rubella rows are distractors) or written by hand in caption cells, a numbered
list of yes/no questions with the hepatitis B series among TB, tetanus and tobacco questions
(answers ringed or ticked), and the ongoing health problems on rules. Page 2: the client's name
and chart number; coverage (a yes/no question, then the insurer, the member number either in a
table cell or in comb boxes, the coverage end date, a subscriber name and a Medicaid number as
distractors, the claims address) and the allergies and home medicines (a no-known-allergies box,
a table with dose and how-often columns as distractors), in either order; the client's
signature, the health aide's name and a date (distractors); small print at the foot.

Prescription (one page): the prescription slip of a city marathon's finish-line medical tent run
by a sports medicine clinic. A coloured banner with the race's name; the clinic's street and
telephone, a nurse line's telephone and the race's medical director (distractors) under it; the
tent's title with the date either alone at the right or in the patient table. The runner: a
headed table (bib number, name, age, date) or caption cells at the right end of each value, then
the home address and a phone (distractor); the finish time, temperature and blood pressure
(distractors) on one line, above or below the runner; the Rx
sign heads a medicine table with quantity and route columns (distractors); the instructions in a
ruled box; the refills either ringed in a row of numbers or written in a small boxed cell beside
a follow-up line (distractor); release checkboxes (distractors); the signature with the tent
physician's name typed or written under it and a licence number (distractor); small print.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageDraw

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 170.0, 2380.0
FOOT = 3190.0  # the footer's rule; the small print below it
INK = (22, 22, 22)
GREY = (95, 95, 95)
LINE = (60, 60, 60)
FAINT = (165, 165, 165)
WHITE = (255, 255, 255)
BAND_W = 96.0  # the shaded band of vertical section names

# fmt: off
ACCENTS = ([24, 70, 110], [120, 40, 30], [30, 90, 70], [70, 50, 110], [40, 40, 40],
           [150, 80, 20])
SHADES = ([226, 232, 240], [236, 236, 236], [240, 234, 222], [228, 238, 230])
CORPORATIONS = ("Tundra Rivers Health Corporation", "North Slope Regional Health Consortium",
                "Kuskowan Tribal Health Services", "Interior Villages Health Authority",
                "Bristol Coast Native Health Corporation", "Yukon Delta Rural Health Board")
COMMUNITIES = ("Pilot Station", "Caribou Narrows", "Sandy Portage", "Kwik Bay", "Eagle Bluff",
               "Ptarmigan Lake", "Willow Slough", "Tern Island")
HUBS = ("Bethel Regional Hospital", "Kotzebue Hub Clinic", "Dillingham Referral Hospital",
        "Nome Regional Medical Center")
RACES = ("Riverfront City Marathon", "Harbor Lights Marathon & Half", "Capitol Run Marathon",
         "Lakeshore Spring Marathon", "Red Rock Canyon Marathon", "Old Town 26.2")
CLINICS = ("Peak Performance Sports Medicine", "Summit Orthopedics & Sports Medicine",
           "Stride Sports Medicine Associates", "Northside Sports & Family Medicine",
           "Endurance Medicine Partners")
TENTS = ("Finish Line Medical Tent", "Main Medical Tent", "Medical Tent B (Mile 26)",
         "Finish Area Medical Station")
REASONS = ("Earache", "Cough x 3 days", "Cut on hand", "Sore throat", "Well child check",
           "BP check", "Rash on arms", "Fever", "Back pain after lifting", "Med refill",
           "Toothache", "Dog bite")
RELATIONS = ("Mother", "Father", "Wife", "Husband", "Sister", "Brother", "Aunt", "Uncle",
             "Grandmother", "Son", "Daughter", "Cousin")
CHA = ("CHA", "CHA/P", "CHP", "CHA II")
DOSES = ("1 tab", "2 tabs", "1 cap", "5 mL", "2 puffs", "1/2 tab")
OFTEN = ("daily", "twice a day", "at night", "as needed", "every morning", "3x a day")
ROUTES = ("PO", "by mouth", "oral", "topical", "inhaled")
QUANTITIES = ("#10", "#20", "#30", "#14", "1 tube", "#6", "1 inhaler")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "CLIENT REGISTRATION \u2014 FACE SHEET",
        "Village Clinic Registration Record",
        "CLIENT FACE SHEET / HEALTH HISTORY",
    ),
    "form": ("Form CHAP-12 (rev. 03/19)", "VC-201", "Form RH-4 Rev 2021", "CHS 07 (6/18)"),
    "provider": ("Visiting provider", "Itinerant physician", "Fly-in clinician"),
    "chart": ("Chart no.", "Chart #", "Clinic chart"),
    "community": ("Community", "Village", "Site"),
    "seen": ("Seen on", "Date of visit", "Registered"),
    "stamp": ("RECEIVED", "REGISTERED", "SEEN"),
    "hub": ("Referral hub", "Medevac to", "Hub hospital"),
    "s_client": ("CLIENT", "ABOUT THE CLIENT", "IDENTIFICATION"),
    "s_kin": ("NEXT OF KIN", "FAMILY CONTACT", "WHO TO CALL"),
    "s_health": ("HEALTH", "HEALTH HISTORY", "HISTORY"),
    "name": ("name of client", "client's full name", "full name"),
    "surname": ("Surname", "Last name", "Family name"),
    "given": ("Given name(s)", "First & middle", "First name"),
    "dob": ("born", "date of birth", "birthdate"),
    "dob_head": ("Birthdate", "Date of birth", "Born"),
    "sex": ("sex", "gender"),
    "age": ("age", "yrs"),
    "weight": ("body weight", "wt", "weighs"),
    "height": ("height", "ht", "stands"),
    "phone": ("telephone", "home tel.", "phone at home"),
    "street": ("house / street or box", "street address", "mailing address"),
    "town": ("town, state, ZIP", "city / state / zip", "town & ZIP"),
    "country": ("country", "nation"),
    "benef": ("Beneficiary no.", "Tribal ID", "Enrollment no."),
    "k_name": ("name", "contact person", "next of kin"),
    "k_rel": ("relationship", "relation"),
    "k_home": ("home phone", "phone (home)", "tel. home"),
    "k_msg": ("message phone", "work / message", "other phone"),
    "k_addr": ("their address", "address of contact", "lives at"),
    "reason": ("Reason for visit today:", "Chief complaint:", "Came in for:"),
    "illness": ("Illness", "Childhood disease", "Disease"),
    "had": ("Had it / immune", "Immune", "Yes, immune"),
    "not_imm": ("Not immune", "Never had"),
    "dunno": ("Don't know", "Unsure", "?"),
    "pox": ("Chickenpox (varicella)", "Chicken pox", "Varicella"),
    "measles": ("Measles (red measles)", "Measles", "Rubeola / measles"),
    "mumps": ("Mumps",),
    "rubella": ("German measles (rubella)", "Rubella"),
    "q_head": ("Ask the client:", "Questions", "Screening"),
    "hep": (
        "Finished all 3 hepatitis B shots?",
        "Hepatitis B vaccine series complete?",
        "Ever had the hepatitis B vaccine (all doses)?",
    ),
    "q_tb": ("TB skin test in the last year?", "PPD / TB test this year?"),
    "q_tet": ("Tetanus shot in the last 10 years?", "Td / Tdap within 10 yrs?"),
    "q_tob": ("Smokes or chews tobacco?", "Uses tobacco / iqmik?"),
    "yes_no": ("YES|NO", "Yes|No"),
    "problems": (
        "Ongoing health problems (asthma, seizures, sugar, heart):",
        "Long-term health concerns:",
        "Medical problems the client is followed for:",
    ),
    "p2": ("Face sheet \u2014 page 2", "Registration (continued)", "Client record, p. 2"),
    "p2_name": ("Client", "Name"),
    "s_cov": ("HEALTH COVERAGE", "COVERAGE / PAYER", "INSURANCE"),
    "s_meds": ("ALLERGIES & MEDICINES", "ALLERGIES / HOME MEDS", "MEDS & ALLERGIES"),
    "ins_q": (
        "Does the client have health insurance?",
        "Covered by a private or employer plan?",
        "Any health insurance?",
    ),
    "carrier": ("Insurance company / plan", "Plan name", "Insurer"),
    "member": ("Member / policy no.", "Policy no.", "ID no. on card"),
    "ends": ("Coverage ends", "Card expires", "Good through"),
    "subscriber": ("Subscriber", "Policy holder", "Card holder"),
    "medicaid": ("Medicaid no.", "Denali KidCare / Medicaid"),
    "c_addr": ("send claims to", "claims address", "plan's address"),
    "nka": ("No known allergies", "NKA", "Denies allergies"),
    "allergy": ("Allergic to:", "Allergies:", "Reacts to:"),
    "medicine": ("Medicine taken at home", "Home medication", "Medicine"),
    "dose": ("How much", "Dose"),
    "often": ("How often", "When"),
    "none_meds": ("Takes no medicines", "None"),
    "sign": ("Client or guardian signature", "Signature of client"),
    "aide": ("Health aide", "Registered by", "CHA/P"),
    "signed": ("Date", "Signed on"),
    "fine": (
        "Confidential: keep in the client's chart at the clinic. Copies travel with the client "
        "on any medevac or referral flight.",
        "This face sheet is reviewed at every visit. Corrections are initialled and dated by "
        "the health aide.",
    ),
    "page": ("Page {} of 2", "{}/2", "p. {} of 2"),
}

_RX: dict[str, tuple[str, ...]] = {
    "medical": ("MEDICAL SERVICES", "RACE MEDICINE", "MEDICAL TEAM"),
    "by": ("Medical care provided by", "In partnership with", "Medical services by"),
    "tel": ("Tel", "Phone", "Clinic"),
    "line": ("After-hours nurse line", "Runner help line", "Medical info line"),
    "director": ("Medical Director", "Race medical director", "Chief medical officer"),
    "title": ("PRESCRIPTION", "Prescription", "Take-home prescription"),
    "date": ("Date", "Date issued", "Today's date"),
    "bib": ("Bib no.", "Bib #", "Race no."),
    "name": ("Runner / patient", "Patient name", "Name"),
    "name_cap": ("patient", "runner's name", "name"),
    "age": ("Age",),
    "address": ("Home address", "Address", "Mailing address"),
    "address_cap": ("home address", "address", "lives at"),
    "phone": ("Cell phone", "Phone", "Contact phone"),
    "finish": ("Finish time", "Time in", "Clock time"),
    "temp": ("Temp (\u00b0F)", "Core temp", "Temp"),
    "bp": ("BP", "Blood pressure"),
    "drug": ("Medication / strength", "Drug and strength", "Medicine"),
    "qty": ("Qty", "Disp.", "Quantity"),
    "route": ("Route", "How"),
    "sig": ("Instructions to patient", "Directions", "How to take"),
    "refill": ("Refills (circle):", "Refills:", "Refill:"),
    "other": ("other", "more"),
    "refill_box": ("Refills authorised", "No. of refills", "Refills"),
    "follow": ("See your own doctor within", "Follow up with your doctor in", "Recheck in"),
    "days": ("days", "day(s)"),
    "release": ("Released to:", "Disposition:"),
    "rel_opts": ("Home|Hotel|Hospital", "Self|Family|EMS transport"),
    "signature": ("Physician signature", "Signature", "Tent physician"),
    "print": ("Name of physician (print)", "Printed name", "Physician"),
    "lic": ("Lic. no.", "License #", "State lic."),
    "fine": (
        "Not valid unless signed. Medicines dispensed in the medical tent are free of charge; "
        "take this slip to any pharmacy for the rest.",
        "If symptoms worsen call 911 or go to the nearest emergency department. Keep hydrated "
        "and rest for 48 hours.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _base_style(
    rnd: random.Random, handwriting: bool, font: str | None, words: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(31, 36), value_size=(40, 46)
    )
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "", "NONE", "n/a"))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["mark"] = rnd.choice(("tick", "cross"))
    style["accent"] = rnd.choice(ACCENTS)
    style["shade"] = rnd.choice(SHADES)
    style["rules"] = True
    return style


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colours, arrangement) and how this copy is filled in."""
    if document_type == "prescription":
        style = _base_style(rnd, handwriting, font, _RX)
        style.update(
            race=rnd.choice(RACES),
            clinic=rnd.choice(CLINICS),
            tent=rnd.choice(TENTS),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            nurse_line=values.phone_number(rnd),
            findings_first=rnd.random() < 0.4,
            date_alone=rnd.random() < 0.45,
            runner="table" if rnd.random() < 0.55 else "captions",
            refill_mode=rnd.choice(("ring", "ring", "cell")),
            prescriber_written=rnd.random() < 0.35,
            rx_glyph=rnd.random() < 0.5,
        )
        return style
    style = _base_style(rnd, handwriting, font, _REC)
    style.update(
        corporation=rnd.choice(CORPORATIONS),
        community=rnd.choice(COMMUNITIES),
        hub=rnd.choice(HUBS),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        band=rnd.random() < 0.55,
        date_stamp=rnd.random() < 0.45,
        particulars="table" if rnd.random() < 0.5 else "captions",
        kin_table=rnd.random() < 0.5,
        health_first=rnd.random() < 0.35,
        immunity_ticks=rnd.random() < 0.55,
        rings=rnd.random() < 0.5,
        hep_row=rnd.randrange(4),
        policy_comb=rnd.random() < 0.45,
        meds_first=rnd.random() < 0.35,
        immune_case=rnd.choice(("title", "upper")),
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


def _shift(day: dt.date, rnd: random.Random, low: int, high: int) -> str:
    return (day + dt.timedelta(days=rnd.randint(low, high))).isoformat()


def _record_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("patient_details", rnd, handwriting=handwriting, font=font)
    fields, base = common.record_content(rnd)
    common.settle_day_order(fields, ("record_date",), style, rnd)
    record = dt.date.fromisoformat(fields["record_date"])
    birth = dt.date.fromisoformat(fields["birth_date"])
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "chart": f"{rnd.choice('ABCDEFGHKMNPRT')}{rnd.randint(1000, 99999)}",
        "provider": _doctor(rnd) if rnd.random() < 0.8 else None,
        "sex": rnd.choice(("M", "F")) if rnd.random() < 0.85 else None,
        "age": (record - birth).days // 365 if rnd.random() < 0.7 else None,
        "beneficiary": "".join(rnd.choice("0123456789") for _ in range(9))
        if rnd.random() < 0.6
        else None,
        "reason": rnd.choice(REASONS) if rnd.random() < 0.8 else None,
        "mumps": rnd.choice((0, 0, 1, 2)) if rnd.random() < 0.7 else None,
        "rubella": rnd.choice((0, 1, 2)) if rnd.random() < 0.6 else None,
        "answers": [
            rnd.choice(("yes", "no", "no")) if rnd.random() < 0.85 else None for _ in range(3)
        ],
    }
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name in fields and rnd.random() < 0.08:  # "don't know", or left unanswered
            del fields[name]
            extras[f"{name}_unsure"] = True
    # page 2
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        if rnd.random() < 0.5:
            last = fields["patient_name"].split()[-1]
            extras["subscriber"] = values.person_name(rnd, last if rnd.random() < 0.7 else None)
    elif rnd.random() < 0.12:
        del fields["has_insurance"]  # the question left unanswered
    if rnd.random() < 0.35:
        extras["medicaid"] = "".join(rnd.choice("0123456789") for _ in range(10))
    extras["medicine_rows"] = [
        [
            rnd.choice(DOSES) if rnd.random() < 0.75 else "",
            rnd.choice(OFTEN) if rnd.random() < 0.75 else "",
        ]
        for _ in fields["regular_medication"]
    ]
    extras["aide"] = f"{values.person_name(rnd)}, {rnd.choice(CHA)}" if rnd.random() < 0.7 else None
    extras["signed"] = _shift(record, rnd, 0, 3) if rnd.random() < 0.6 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=False)
    common.settle_day_order(fields, ("date",), style, rnd)
    medicines = fields["medicines"]
    hours = rnd.randint(2, 6)
    extras: dict[str, Any] = {
        "director": _doctor(rnd),
        "bib": str(rnd.randint(100, 39999)),
        "age": rnd.randint(18, 79) if rnd.random() < 0.75 else None,
        "phone": values.phone_number(rnd) if rnd.random() < 0.55 else None,
        "finish": f"{hours}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
        if rnd.random() < 0.7
        else None,
        "temp": f"{rnd.uniform(97.0, 104.5):.1f}" if rnd.random() < 0.6 else None,
        "bp": f"{rnd.randint(90, 160)}/{rnd.randint(55, 100)}" if rnd.random() < 0.6 else None,
        "quantities": [rnd.choice(QUANTITIES) if rnd.random() < 0.8 else "" for _ in medicines],
        "routes": [rnd.choice(ROUTES) if rnd.random() < 0.6 else "" for _ in medicines],
        "follow": rnd.choice((2, 3, 5, 7, 10)) if rnd.random() < 0.6 else None,
        "release": rnd.randrange(3) if rnd.random() < 0.8 else None,
        "license": f"{rnd.choice(('MD', 'DO', 'A'))}{rnd.randint(10000, 999999)}",
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


class _Sheet(common.Drawing):
    """One page being drawn: its faces and wording, and how this copy writes dates and phones."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.accent = _rgb(style["accent"])
        self.shade = _rgb(style["shade"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        value = fonts.family(style["value_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["label"] = render.Face(label.regular, size, INK)
        faces["bold"] = render.Face(label.bold, size, INK)
        faces["cap"] = render.Face(label.regular, 27, GREY)
        faces["head"] = render.Face(title.bold, 42, self.accent)
        faces["vert"] = render.Face(title.bold, 34, self.accent)
        faces["bar"] = render.Face(title.bold, 50, WHITE)
        faces["bar_small"] = render.Face(title.regular, 30, WHITE)
        faces["org"] = render.Face(title.bold, 50, self.accent)
        faces["org_small"] = render.Face(title.regular, 30, (55, 55, 55))
        faces["title"] = render.Face(title.bold, 58, self.accent)
        faces["stamp"] = render.Face(title.bold, 30, self.accent)
        faces["comb"] = render.Face(
            value.regular,
            int(style["value_size"]) - 4,
            _rgb(style["ink"]),
            bool(style["handwriting"]),
        )
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
            self.page.text(x, base, str(text), "value", max_width=width, anchor=anchor)

    def on_rule(self, x: float, base: float, label: str, text: Any, stop: float) -> float:
        """``Label ______`` up to ``stop``, the value on the rule; returns ``stop``."""
        end = self.page.text(x, base, label, "label")
        self.line(end + 14, base + 12, stop, base + 12, width=2, fill=LINE)
        self.value(end + 34, base, text, stop - end - 50)
        return stop

    def mark(self, x: float, base: float, checked: bool, side: float = 38) -> float:
        return common.checkbox(
            self.page, x, base, checked=checked, mark=self.style["mark"], side=side
        )

    def yes_no(self, x: float, base: float, answer: str | None) -> float:
        """The printed YES / NO, ringed by hand or each after a box."""
        options = self.parts("yes_no")
        keys = [("yes", options[0]), ("no", options[1])]
        if self.style.get("rings"):
            return common.circled_options(self.page, x + 40, base, keys, answer, gap=70)
        return common.options_with_boxes(
            self.page, x, base, keys, answer, mark=self.style["mark"], gap=50
        )

    def vertical(self, x: float, top: float, bottom: float, text: str) -> None:
        """``text`` written bottom to top, centred in the band from ``top`` to ``bottom``."""
        page = self.page
        face = page.faces["vert"]
        size = float(face.size)
        length = page.width(text, "vert")
        if length > bottom - top - 40:
            size *= (bottom - top - 40) / length
        font = fonts.font_at(face.path, max(4, page.px(size)))
        x0, y0, x1, y1 = font.getbbox(text)
        mask = Image.new("L", (max(1, x1 - x0 + 4), max(1, y1 - y0 + 4)), 0)
        ImageDraw.Draw(mask).text((2 - x0, 2 - y0), text, font=font, fill=255)
        turned = mask.rotate(90, expand=True)
        left = round(page.px(x) - turned.width / 2)
        upper = round(page.px((top + bottom) / 2) - turned.height / 2)
        page.image.paste(
            face.fill, (left, upper, left + turned.width, upper + turned.height), turned
        )

    def comb(self, x: float, base: float, text: str, count: int, cell: float = 56) -> float:
        """Comb boxes of ``count`` cells, one character of ``text`` in each; returns the end."""
        page = self.page
        top, bottom = base - 58, base + 14
        for k in range(count):
            self.rect(x + k * cell, top, x + (k + 1) * cell, bottom, outline=LINE, width=2)
            if k < len(text):
                page.text(x + k * cell + cell / 2, base, text[k], "comb", anchor="ms")
        return x + count * cell

    def footer(self, left: str, right: str) -> None:
        page = self.page
        self.line(LEFT, FOOT, RIGHT, FOOT, width=1.5, fill=FAINT)
        lines = render.wrap(page, left, "fine", RIGHT - LEFT - 400)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, FOOT + 34 + 28 * k, line, "fine")
        if right:
            page.text(RIGHT, FOOT + 34, right, "fine", anchor="rs")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# A cell of a caption row: (caption, value, share of the row's width)
Cell = tuple[str, Any, float]
ROW_H = 100.0


def _caption_row(sheet: _Sheet, x0: float, x1: float, top: float, cells: Sequence[Cell]) -> float:
    """A row of cells, each value written at its left and its caption shaded at its right."""
    page = sheet.page
    total = sum(share for _, _, share in cells)
    x = x0
    for caption, text, share in cells:
        end = x + (x1 - x0) * share / total
        cap_w = min(page.width(caption, "cap") + 36, (end - x) * 0.5)
        sheet.rect(end - cap_w, top, end, top + ROW_H, fill=sheet.shade, outline=None)
        page.text(end - 14, top + ROW_H - 20, caption, "cap", anchor="rs", max_width=cap_w - 24)
        sheet.line(x + 16, top + ROW_H - 24, end - cap_w - 16, top + ROW_H - 24, 1.5, FAINT)
        sheet.value(x + 30, top + ROW_H - 34, text, end - cap_w - x - 70)
        sheet.rect(x, top, end, top + ROW_H, outline=LINE, width=2)
        x = end
    return top + ROW_H


def _table(
    sheet: _Sheet,
    top: float,
    heads: Sequence[str],
    edges: Sequence[float],
    rows: Sequence[Sequence[Any]],
    min_rows: int = 1,
    row_h: float = 90.0,
) -> float:
    """A table with shaded column heads and ruled rows; returns its bottom."""
    page = sheet.page
    head_h = 54.0
    sheet.rect(edges[0], top, edges[-1], top + head_h, fill=sheet.shade, outline=None)
    for k, head in enumerate(heads):
        width = edges[k + 1] - edges[k] - 24
        page.text(edges[k] + 12, top + 38, head, "bold", max_width=width)
    count = max(min_rows, len(rows))
    bottom = top + head_h + row_h * count
    for r in range(count):
        base = top + head_h + row_h * (r + 1) - 28
        if r:
            y = top + head_h + row_h * r
            sheet.line(edges[0], y, edges[-1], y, 1.5, FAINT)
        if r < len(rows):
            for k, text in enumerate(rows[r]):
                sheet.value(edges[k] + 28, base, text, edges[k + 1] - edges[k] - 56)
    sheet.rect(edges[0], top, edges[-1], bottom, outline=LINE, width=3)
    sheet.line(edges[0], top + head_h, edges[-1], top + head_h, 2, LINE)
    for x in edges[1:-1]:
        sheet.line(x, top, x, bottom, 2, LINE)
    return bottom


# --- patient record -------------------------------------------------------------------------


def _section(sheet: _Sheet, top: float, bottom: float, key: str, number: int) -> float:
    """Mark a section from ``top`` to ``bottom``: its band or its heading; returns the body x."""
    if sheet.style["band"]:
        sheet.rect(LEFT, top, LEFT + BAND_W, bottom, fill=sheet.shade, outline=None)
        sheet.line(LEFT + BAND_W, top, LEFT + BAND_W, bottom, 3, sheet.accent)
        sheet.vertical(LEFT + BAND_W / 2, top, bottom, sheet.word(key))
        return LEFT + BAND_W + 30
    return LEFT


def _heading(sheet: _Sheet, y: float, key: str, number: int) -> float:
    """A numbered heading over a rule when the form has no band; returns where the body starts."""
    if sheet.style["band"]:
        return y + 20
    page = sheet.page
    page.text(LEFT, y + 50, f"{number}.  {sheet.word(key)}", "head")
    sheet.line(LEFT, y + 66, RIGHT, y + 66, 3, sheet.accent)
    return y + 90


def _letterhead(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    page, style = sheet.page, sheet.style
    accent = sheet.accent
    cx, cy = LEFT + 80, 210.0
    page.draw.ellipse(
        [page.px(cx - 78), page.px(cy - 78), page.px(cx + 78), page.px(cy + 78)],
        outline=accent,
        width=max(1, page.px(7)),
    )
    # a mountain and a small plane's wing inside the emblem
    page.draw.polygon(
        [
            (page.px(cx - 55), page.px(cy + 40)),
            (page.px(cx - 10), page.px(cy - 30)),
            (page.px(cx + 20), page.px(cy + 5)),
            (page.px(cx + 55), page.px(cy + 40)),
        ],
        fill=accent,
    )
    sheet.line(cx - 30, cy - 45, cx + 50, cy - 55, 6, accent)
    x = LEFT + 190
    page.text(x, 170, style["corporation"], "org", max_width=1250)
    page.text(x, 222, f"{style['community']} Clinic", "org_small", max_width=1250)
    contact = f"{style['street']}, {style['city']}   \u2022   {sheet.phone(style['phone'])}"
    page.text(x, 262, contact, "org_small", max_width=1250)
    provider = extras.get("provider")
    line = f"{sheet.word('provider')}: {provider}" if provider else ""
    hub = f"{sheet.word('hub')}: {style['hub']}"
    page.text(x, 302, f"{line}   {hub}".strip(), "org_small", max_width=1250)

    # the chart tab, or the stamp with the visit date
    tab_x = 1620.0
    date = sheet.date(fields.get("record_date"))
    if style["date_stamp"]:
        sheet.rect(tab_x, 110, RIGHT, 200, outline=LINE, width=2)
        page.text(tab_x + 20, 172, f"{sheet.word('chart')}", "cap")
        sheet.value(tab_x + 230, 176, extras.get("chart"), RIGHT - tab_x - 260)
        top = 228.0
        sheet.rect(1900, top, RIGHT, top + 130, outline=accent, width=5)
        page.text((1900 + RIGHT) / 2, top + 36, sheet.word("stamp"), "stamp", anchor="ms")
        sheet.value((1900 + RIGHT) / 2, top + 108, date, RIGHT - 1960, anchor="ms")
        page.text(tab_x, 300, style["community"], "cap", max_width=260)
    else:
        rows = (
            (sheet.word("chart"), extras.get("chart")),
            (sheet.word("community"), style["community"]),
            (sheet.word("seen"), date),
        )
        sheet.rect(tab_x, 110, RIGHT, 110 + 84 * len(rows), outline=LINE, width=3)
        for k, (caption, text) in enumerate(rows):
            top = 110 + 84 * k
            sheet.rect(tab_x, top, tab_x + 250, top + 84, fill=sheet.shade, outline=None)
            page.text(tab_x + 14, top + 54, caption, "cap", max_width=224)
            if k:
                sheet.line(tab_x, top, RIGHT, top, 2, LINE)
            if k == 1:
                page.text(tab_x + 280, top + 58, str(text), "label", max_width=RIGHT - tab_x - 300)
            else:
                sheet.value(tab_x + 280, top + 60, text, RIGHT - tab_x - 310)
        sheet.line(tab_x + 250, 110, tab_x + 250, 110 + 84 * len(rows), 2, LINE)

    # the title bar
    sheet.rect(LEFT, 400, RIGHT, 470, fill=accent, outline=None)
    page.text(LEFT + 24, 452, sheet.word("title"), "bar", max_width=1500)
    page.text(RIGHT - 24, 448, sheet.word("form"), "bar_small", anchor="rs")


def _client(
    sheet: _Sheet, top: float, fields: Mapping[str, Any], extras: Mapping[str, Any]
) -> float:
    """The client's particulars from ``top``; returns the bottom."""
    page, style = sheet.page, sheet.style
    lines = common.address_lines(fields, extras)
    birth = sheet.date(fields.get("birth_date"), short_year=False)
    weight = _measure(fields.get("weight"), extras.get("weight_unit"))
    height = _measure(fields.get("height"), extras.get("height_unit"))
    phone = sheet.phone(fields.get("phone"))
    sex, age = extras.get("sex"), extras.get("age")
    body_x = LEFT + BAND_W + 30 if style["band"] else LEFT
    y = top
    if style["particulars"] == "captions":
        rows: list[list[Cell]] = [
            [(sheet.word("name"), fields.get("patient_name"), 1.0)],
            [
                (sheet.word("dob"), birth, 1.6),
                (sheet.word("sex"), sex, 0.6),
                (sheet.word("age"), "" if age is None else age, 0.6),
            ],
            [
                (sheet.word("weight"), weight, 1.0),
                (sheet.word("height"), height, 1.0),
                (sheet.word("phone"), phone, 1.5),
            ],
            [(sheet.word("street"), lines[0], 1.0)],
            [(sheet.word("town"), lines[1], 1.7), (sheet.word("country"), lines[2], 1.0)],
        ]
        for row in rows:
            y = _caption_row(sheet, body_x, RIGHT, y, row)
    else:
        given, _, surname = str(fields.get("patient_name") or "").rpartition(" ")
        width = RIGHT - body_x
        edges = [body_x + width * f for f in (0, 0.27, 0.57, 0.82, 0.91, 1.0)]
        heads = [sheet.word(k) for k in ("surname", "given", "dob_head")] + [
            sheet.word("sex").capitalize(),
            sheet.word("age").capitalize(),
        ]
        row = [surname, given, birth, sex or "", "" if age is None else age]
        y = _table(sheet, y, heads, edges, [row])
        edges = [body_x + width * f for f in (0, 0.25, 0.5, 1.0)]
        heads = [sheet.word(k).capitalize() for k in ("weight", "height", "phone")]
        y = _table(sheet, y + 24, heads, edges, [[weight or "", height or "", phone]])
        edges = [body_x + width * f for f in (0, 0.42, 0.8, 1.0)]
        heads = [sheet.word(k).capitalize() for k in ("street", "town", "country")]
        y = _table(sheet, y + 24, heads, edges, [[lines[0] or "", lines[1] or "", lines[2] or ""]])
    # the beneficiary number in comb boxes (a distractor)
    y += 90
    end = page.text(body_x, y, f"{sheet.word('benef')}:", "label")
    sheet.comb(end + 30, y, str(extras.get("beneficiary") or ""), 9)
    return y + 40


def _kin(sheet: _Sheet, top: float, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> float:
    style = sheet.style
    body_x = LEFT + BAND_W + 30 if style["band"] else LEFT
    home = sheet.phone(fields.get("emergency_contact_phone"))
    other = sheet.phone(extras.get("emergency_work_phone"))
    relation = extras.get("relation") or ""
    if style["kin_table"]:
        width = RIGHT - body_x
        edges = [body_x + width * f for f in (0, 0.34, 0.53, 0.77, 1.0)]
        heads = [sheet.word(k).capitalize() for k in ("k_name", "k_rel", "k_home", "k_msg")]
        row = [fields.get("emergency_contact_name") or "", relation, home, other]
        y = _table(sheet, top, heads, edges, [row])
        y = _caption_row(
            sheet,
            body_x,
            RIGHT,
            y + 24,
            [(sheet.word("k_addr"), fields.get("emergency_contact_address"), 1.0)],
        )
        return y
    rows: list[list[Cell]] = [
        [
            (sheet.word("k_name"), fields.get("emergency_contact_name"), 1.6),
            (sheet.word("k_rel"), relation, 1.0),
        ],
        [(sheet.word("k_home"), home, 1.0), (sheet.word("k_msg"), other, 1.0)],
        [(sheet.word("k_addr"), fields.get("emergency_contact_address"), 1.0)],
    ]
    y = top
    for row in rows:
        y = _caption_row(sheet, body_x, RIGHT, y, row)
    return y


def _immune_word(sheet: _Sheet, value: str | None) -> str:
    if not value:
        return ""
    text = "Not immune" if value == "not immune" else "Immune"
    return text.upper() if sheet.style["immune_case"] == "upper" else text


def _health(
    sheet: _Sheet, top: float, fields: Mapping[str, Any], extras: Mapping[str, Any]
) -> float:
    page, style = sheet.page, sheet.style
    body_x = LEFT + BAND_W + 30 if style["band"] else LEFT
    y = top + 60
    sheet.on_rule(body_x, y, sheet.word("reason"), extras.get("reason"), RIGHT)
    y += 50
    if style["immunity_ticks"]:
        width = RIGHT - body_x
        edges = [body_x + width * f for f in (0, 0.4, 0.6, 0.8, 1.0)]
        heads = [sheet.word(k) for k in ("illness", "had", "not_imm", "dunno")]
        head_h, row_h = 54.0, 72.0
        sheet.rect(edges[0], y, edges[-1], y + head_h, fill=sheet.shade, outline=None)
        for k, head in enumerate(heads):
            page.text(edges[k] + 12, y + 38, head, "bold", max_width=edges[k + 1] - edges[k] - 24)
        table_rows: list[tuple[str, int | None]] = []
        for key, name in (("pox", "chicken_pox"), ("measles", "measles")):
            value = fields.get(name)
            if value is not None:
                chosen = 0 if value == "immune" else 1
            else:
                chosen = 2 if extras.get(f"{name}_unsure") else None
            table_rows.append((sheet.word(key), chosen))
        for key in ("mumps", "rubella"):
            table_rows.append((sheet.word(key), extras.get(key)))
        bottom = y + head_h + row_h * len(table_rows)
        for r, (caption, chosen) in enumerate(table_rows):
            base = y + head_h + row_h * (r + 1) - 20
            page.text(edges[0] + 16, base, caption, "label", max_width=edges[1] - edges[0] - 30)
            for k in range(3):
                cx = (edges[k + 1] + edges[k + 2]) / 2 - 19
                sheet.mark(cx, base, chosen == k)
            if r:
                line_y = y + head_h + row_h * r
                sheet.line(edges[0], line_y, edges[-1], line_y, 1.5, FAINT)
        sheet.rect(edges[0], y, edges[-1], bottom, outline=LINE, width=3)
        sheet.line(edges[0], y + head_h, edges[-1], y + head_h, 2, LINE)
        for x in edges[1:-1]:
            sheet.line(x, y, x, bottom, 2, LINE)
        y = bottom
    else:
        row: list[Cell] = [
            (sheet.word("pox"), _immune_word(sheet, fields.get("chicken_pox")), 1.0),
            (sheet.word("measles"), _immune_word(sheet, fields.get("measles")), 1.0),
        ]
        y = _caption_row(sheet, body_x, RIGHT, y, row)
    # the numbered questions, hepatitis B among them
    y += 80
    page.text(body_x, y, sheet.word("q_head"), "bold")
    questions: list[tuple[str, str | None]] = [
        (sheet.word("q_tb"), extras["answers"][0]),
        (sheet.word("q_tet"), extras["answers"][1]),
        (sheet.word("q_tob"), extras["answers"][2]),
    ]
    questions.insert(
        int(style["hep_row"]), (sheet.word("hep"), fields.get("hepatitis_b_vaccination"))
    )
    answer_x = 1700.0
    for k, (question, answer) in enumerate(questions):
        y += 74
        page.text(body_x + 20, y, f"{k + 1}.", "label")
        page.text(body_x + 80, y, question, "label", max_width=answer_x - body_x - 120)
        sheet.yes_no(answer_x, y, answer)
    # the ongoing problems on two rules
    y += 100
    page.text(body_x, y, sheet.word("problems"), "label", max_width=RIGHT - body_x)
    text = common.list_text(fields.get("medical_problems"), str(style["empty_list"])) or ""
    lines = render.wrap(page, text, "value", RIGHT - body_x - 100) if text else []
    for k in range(2):
        base = y + 82 * (k + 1)
        sheet.line(body_x, base + 12, RIGHT, base + 12, 1.5, FAINT)
        if k < len(lines):
            rest = lines[k] if k == 0 else " ".join(lines[1:])
            sheet.value(body_x + 40, base, rest, RIGHT - body_x - 60)
    return y + 82 * 2 + 30


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    _letterhead(sheet, fields, extras)
    parts = [("s_client", _client)]
    rest = [("s_kin", _kin), ("s_health", _health)]
    if style["health_first"]:
        rest.reverse()
    parts += rest
    y = 520.0
    for number, (key, draw) in enumerate(parts, start=1):
        body_top = _heading(sheet, y, key, number)
        bottom = draw(sheet, body_top, fields, extras)
        _section(sheet, y, bottom, key, number)
        y = bottom + 60
    sheet.footer(sheet.word("fine"), sheet.word("page").format(1))
    return sheet.page.image


def _coverage(
    sheet: _Sheet, top: float, fields: Mapping[str, Any], extras: Mapping[str, Any]
) -> float:
    page, style = sheet.page, sheet.style
    body_x = LEFT + BAND_W + 30 if style["band"] else LEFT
    y = top + 60
    end = page.text(body_x, y, sheet.word("ins_q"), "label", max_width=1400)
    sheet.yes_no(end + 50, y, fields.get("has_insurance"))
    y += 40
    policy = extras.get("policy_number_printed") or fields.get("policy_number") or ""
    expiry = sheet.date(fields.get("insurance_expiry"))
    width = RIGHT - body_x
    if style["policy_comb"]:
        edges = [body_x + width * f for f in (0, 0.65, 1.0)]
        heads = [sheet.word("carrier"), sheet.word("ends")]
        y = _table(sheet, y, heads, edges, [[fields.get("insurance_company") or "", expiry]])
        y += 100
        end = page.text(body_x, y, f"{sheet.word('member')}:", "label")
        sheet.comb(end + 30, y, str(fields.get("policy_number") or ""), 13)
        y += 40
    else:
        edges = [body_x + width * f for f in (0, 0.45, 0.77, 1.0)]
        heads = [sheet.word(k) for k in ("carrier", "member", "ends")]
        row = [fields.get("insurance_company") or "", policy, expiry]
        y = _table(sheet, y, heads, edges, [row])
    y += 24
    y = _caption_row(
        sheet,
        body_x,
        RIGHT,
        y,
        [
            (sheet.word("subscriber").lower(), extras.get("subscriber"), 1.0),
            (sheet.word("medicaid").lower(), extras.get("medicaid"), 1.0),
        ],
    )
    return _caption_row(
        sheet, body_x, RIGHT, y, [(sheet.word("c_addr"), fields.get("insurance_address"), 1.0)]
    )


def _medicines(
    sheet: _Sheet, top: float, fields: Mapping[str, Any], extras: Mapping[str, Any]
) -> float:
    page, style = sheet.page, sheet.style
    body_x = LEFT + BAND_W + 30 if style["band"] else LEFT
    y = top + 60
    allergies = fields.get("allergies")
    sheet.mark(body_x, y + 4, allergies == [])
    page.text(body_x + 60, y, sheet.word("nka"), "label")
    y += 90
    text = common.list_text(allergies, str(style["empty_list"])) or ""
    sheet.on_rule(body_x, y, sheet.word("allergy"), text, RIGHT)
    y += 80
    medication = fields.get("regular_medication")
    sheet.mark(body_x, y + 4, medication == [])
    page.text(body_x + 60, y, sheet.word("none_meds"), "label")
    y += 36
    dose_rows = list(extras.get("medicine_rows") or [])
    rows: list[list[Any]] = []
    for k, item in enumerate(medication or []):
        dose, often = dose_rows[k] if k < len(dose_rows) else ("", "")
        rows.append([item, dose, often])
    if medication == [] and style["empty_list"]:
        rows = [[style["empty_list"], "", ""]]
    width = RIGHT - body_x
    edges = [body_x + width * f for f in (0, 0.5, 0.72, 1.0)]
    heads = [sheet.word(k) for k in ("medicine", "dose", "often")]
    return _table(sheet, y, heads, edges, rows, min_rows=3, row_h=80)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.text(LEFT, 150, style["corporation"], "org", max_width=1300)
    page.text(RIGHT, 150, sheet.word("p2"), "bold", anchor="rs", max_width=800)
    sheet.line(LEFT, 176, RIGHT, 176, width=5, fill=sheet.accent)
    stop = sheet.on_rule(LEFT, 280, f"{sheet.word('p2_name')}:", fields.get("patient_name"), 1550)
    sheet.on_rule(stop + 60, 280, f"{sheet.word('chart')}:", extras.get("chart"), RIGHT)
    parts = [("s_cov", _coverage), ("s_meds", _medicines)]
    if style["meds_first"]:
        parts.reverse()
    y = 380.0
    for number, (key, draw) in enumerate(parts, start=4):
        body_top = _heading(sheet, y, key, number)
        bottom = draw(sheet, body_top, fields, extras)
        _section(sheet, y, bottom, key, number)
        y = bottom + 80

    # the signatures (distractors)
    base = max(y + 160, 2700.0)
    sheet.line(LEFT, base, 1000, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 40, LEFT + 500, base - 8, sheet.ink())
    page.text(LEFT, base + 36, sheet.word("sign"), "cap")
    sheet.line(1080, base, 1860, base, width=2.5, fill=LINE)
    sheet.value(1100, base - 14, extras.get("aide"), 740)
    page.text(1080, base + 36, sheet.word("aide"), "cap")
    sheet.line(1920, base, RIGHT, base, width=2.5, fill=LINE)
    sheet.value(1935, base - 14, sheet.date(extras.get("signed")), RIGHT - 1950)
    page.text(1920, base + 36, sheet.word("signed"), "cap")
    sheet.footer(sheet.word("fine"), sheet.word("page").format(2))
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _findings(sheet: _Sheet, base: float, extras: Mapping[str, Any]) -> float:
    """The tent's findings on one line (distractors); returns the line's baseline."""
    x = LEFT
    for key in ("finish", "temp", "bp"):
        stop = x + 700
        sheet.on_rule(x, base, f"{sheet.word(key)}:", extras.get(key), stop)
        x = stop + 45
    return base


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    accent = sheet.accent

    # the race's banner, the clinic and the medical director
    sheet.rect(LEFT - 40, 90, RIGHT + 40, 250, fill=accent, outline=None)
    for k in range(3):  # a runner's stride marks
        x = LEFT + 10 + 40 * k
        sheet.line(x, 220, x + 50, 120, 10, WHITE)
    page.text(LEFT + 170, 170, style["race"].upper(), "bar", max_width=1500)
    page.text(LEFT + 170, 222, sheet.word("medical"), "bar_small")
    by = f"{sheet.word('by')} {style['clinic']}"
    page.text(LEFT, 310, by, "org_small", max_width=1500)
    contact = f"{style['street']}, {style['city']}  \u2022  {sheet.word('tel')} "
    contact += sheet.phone(style["phone"])
    page.text(LEFT, 352, contact, "org_small", max_width=1500)
    page.text(RIGHT, 310, f"{sheet.word('director')}:", "org_small", anchor="rs")
    page.text(RIGHT, 352, str(extras.get("director")), "org_small", anchor="rs", max_width=700)
    line = f"{sheet.word('line')}: {sheet.phone(style['nurse_line'])}"
    page.text(LEFT, 394, line, "org_small", max_width=1500)

    # the title, and the date alone at the right on some slips
    y = 480.0
    page.text(LEFT, y, sheet.word("title"), "title", max_width=900)
    page.text(LEFT, y + 50, style["tent"], "cap")
    date = sheet.date(fields.get("date"))
    if style["date_alone"]:
        sheet.value(RIGHT, y, date, 650, anchor="rs")
        sheet.line(RIGHT - 600, y + 14, RIGHT, y + 14, 1.5, FAINT)
    sheet.line(LEFT, y + 80, RIGHT, y + 80, 4, accent)

    # the runner, after or before the tent's findings
    y += 120
    if style["findings_first"]:
        y = _findings(sheet, y + 40, extras) + 60
    age = "" if extras.get("age") is None else extras["age"]
    phone = sheet.phone(extras.get("phone"))
    if style["runner"] == "table":
        width = RIGHT - LEFT
        if style["date_alone"]:
            edges = [LEFT + width * f for f in (0, 0.16, 0.86, 1.0)]
            heads = [sheet.word("bib"), sheet.word("name"), sheet.word("age")]
            row = [extras.get("bib"), fields.get("patient_name"), age]
        else:
            edges = [LEFT + width * f for f in (0, 0.14, 0.62, 0.72, 1.0)]
            heads = [sheet.word(k) for k in ("bib", "name", "age", "date")]
            row = [extras.get("bib"), fields.get("patient_name"), age, date]
        y = _table(sheet, y, heads, edges, [row])
        edges = [LEFT + width * f for f in (0, 0.7, 1.0)]
        heads = [sheet.word("address"), sheet.word("phone")]
        y = _table(sheet, y + 20, heads, edges, [[fields.get("patient_address"), phone]])
    else:
        cells: list[Cell] = [
            (sheet.word("bib").lower(), extras.get("bib"), 0.6),
            (sheet.word("name_cap"), fields.get("patient_name"), 2.0),
            (sheet.word("age").lower(), age, 0.5),
        ]
        if not style["date_alone"]:
            cells.append((sheet.word("date").lower(), date, 1.3))
        y = _caption_row(sheet, LEFT, RIGHT, y, cells)
        cells = [
            (sheet.word("address_cap"), fields.get("patient_address"), 2.6),
            (sheet.word("phone").lower(), phone, 1.2),
        ]
        y = _caption_row(sheet, LEFT, RIGHT, y, cells)

    if not style["findings_first"]:
        y = _findings(sheet, y + 90, extras)

    # the Rx sign and the medicine table
    y += 70
    medicines = list(fields.get("medicines") or [])
    quantities = list(extras.get("quantities") or [])
    routes = list(extras.get("routes") or [])
    rows = [
        [
            medicine,
            quantities[k] if k < len(quantities) else "",
            routes[k] if k < len(routes) else "",
        ]
        for k, medicine in enumerate(medicines)
    ]
    rx_w = 190.0
    if style["rx_glyph"] and any(f.has_rx_glyph for f in fonts.families(handwriting=False)):
        rx_font = next(f for f in fonts.families(handwriting=False) if f.has_rx_glyph)
        page.faces["rx"] = render.Face(rx_font.regular, 130, accent)
        page.text(LEFT + 10, y + 170, fonts.RX_GLYPH, "rx")
    else:
        page.faces["rx"] = render.Face(page.faces["bold"].path, 105, accent)
        page.text(LEFT + 10, y + 160, "Rx", "rx")
    edges = [LEFT + rx_w, 1760.0, 2050.0, RIGHT]
    heads = [sheet.word(k) for k in ("drug", "qty", "route")]
    y = _table(sheet, y, heads, edges, rows, min_rows=4, row_h=92)

    # the instructions in a ruled box
    y += 60
    directions = fields.get("directions") or ""
    lines = render.wrap(page, directions, "value", RIGHT - LEFT - 120) if directions else []
    count = max(3, len(lines))
    box_bottom = y + 70 + 86 * count + 20
    sheet.rect(LEFT, y, RIGHT, box_bottom, outline=LINE, width=3)
    sheet.rect(LEFT, y, RIGHT, y + 56, fill=sheet.shade, outline=None)
    page.text(LEFT + 16, y + 40, sheet.word("sig"), "bold")
    for k in range(count):
        base = y + 56 + 86 * (k + 1)
        sheet.line(LEFT + 20, base + 12, RIGHT - 20, base + 12, 1.5, FAINT)
        if k < len(lines):
            sheet.value(LEFT + 40, base, lines[k], RIGHT - LEFT - 80)
    y = box_bottom + 110

    # the refills, and the follow-up (a distractor)
    refills = fields.get("refills")
    follow = "" if extras.get("follow") is None else extras["follow"]
    if style["refill_mode"] == "ring":
        end = page.text(LEFT, y, sheet.word("refill"), "bold")
        tokens = ["0", "1", "2", "3", "4", "5", "PRN"]
        chosen = str(refills) if refills is not None and str(refills) in tokens else None
        x = common.circled_options(page, end + 60, y, [(t, t) for t in tokens], chosen, gap=70)
        x = page.text(x + 10, y, f"{sheet.word('other')}:", "label")
        sheet.line(x + 14, y + 12, x + 180, y + 12, 2, LINE)
        if refills is not None and chosen is None:
            sheet.value(x + 50, y, refills, 120)
        y += 110
        end = page.text(LEFT, y, sheet.word("follow"), "label")
        sheet.line(end + 14, y + 12, end + 170, y + 12, 2, LINE)
        sheet.value(end + 50, y, follow, 110)
        page.text(end + 190, y, sheet.word("days"), "label")
    else:
        end = page.text(LEFT, y, sheet.word("follow"), "label")
        sheet.line(end + 14, y + 12, end + 170, y + 12, 2, LINE)
        sheet.value(end + 50, y, follow, 110)
        page.text(end + 190, y, sheet.word("days"), "label")
        box_x = 1800.0
        sheet.rect(box_x, y - 90, RIGHT, y + 60, outline=accent, width=4)
        page.text(box_x + 20, y - 50, sheet.word("refill_box"), "cap", max_width=RIGHT - box_x - 40)
        sheet.value((box_x + RIGHT) / 2, y + 30, "" if refills is None else refills, 300, "ms")
        y += 110

    # where the runner went (distractors)
    y += 100
    x = page.text(LEFT, y, sheet.word("release"), "label") + 40
    for k, option in enumerate(sheet.parts("rel_opts")):
        x = sheet.mark(x, y + 4, extras.get("release") == k)
        x = page.text(x + 20, y, option, "label") + 60

    # the signature and the physician
    base = max(y + 220, 2700.0)
    sheet.line(LEFT, base, 1300, base, width=2.5, fill=LINE)
    page.scribble(LEFT + 60, LEFT + 600, base - 8, sheet.ink())
    page.text(LEFT, base + 36, sheet.word("signature"), "cap")
    prescriber = str(fields.get("prescriber", ""))
    name_base = base + 140
    if style["prescriber_written"]:
        sheet.line(LEFT, name_base + 12, 1300, name_base + 12, width=2, fill=LINE)
        sheet.value(LEFT + 20, name_base, prescriber, 1300 - LEFT - 40)
        page.text(LEFT, name_base + 48, sheet.word("print"), "cap")
    else:
        page.text(LEFT, name_base, prescriber, "bold", max_width=1300 - LEFT)
    page.text(
        RIGHT, name_base, f"{sheet.word('lic')} {extras.get('license', '')}", "label", anchor="rs"
    )
    sheet.footer(sheet.word("fine"), "")
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
