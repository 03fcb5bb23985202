"""A geriatric day hospital's admission record and a house-call doctor's home-visit prescription.

Written blind as the held-out family of round 29 (then called ``heldout``): its author never read
the reader.

Neither document is a registration sheet or an office pad. The record is the admission record a
day hospital for older adults fills in when a patient first attends (the nurse's measurements,
the referrer, the patient's problems as a numbered list); the prescription is the sheet a
physician who visits patients at home writes during the visit (the visit's number and times, the
medicines, directions for the patient or the carer).

Both documents are printed in one colour per form (the organisation's name, a band along the
top, the running headers' rules); label wording is drawn per form from synonym lists. Dates are
written in one style per document (numeric month or day first, two-digit years on some copies,
written months, ISO; birth dates keep four-digit years); a day-first numeric document's record
date (or prescription date) has a day above 12. Telephones are written in one style per
document. Values are typed or handwritten (the handwriting fonts; a capitals-only hand gives an
upper-case truth).

The layout devices, each chosen per form and per part:

* *running headers in small capitals*: every group of fields sits under a header set in small
  capitals (a larger first letter, the rest as smaller capitals), a letter or number before it
  (``A``, ``B``... or ``1``, ``2``...), with a thin coloured rule across the page above it and a
  short thick one under its start. Headers name the group only; the fields carry their own
  labels.
* *arrows*: the label is printed at the left and a printed arrow (a thin line ending in a solid
  arrowhead) runs from it to the value, which is written with no rule under it; the values of a
  group start at one x, so the arrows differ in length.
* *labels after their values*: the value is written on a rule, and its label is printed to the
  RIGHT of the rule's end, in small grey type (``Helen Okafor ______  full name``); two such
  fields may share a line.
* *circles*: some values (measurements, the visit's facts) are written centred inside printed
  circles in a row, each circle's label printed above it.
* *two-column flow*: numbered lines in two columns divided by a vertical rule, filled down the
  left column first and then down the right one (``1`` ``2`` ``3`` on the left, ``4`` ``5``
  ``6`` on the right); the record's problems and regular medicines, and the prescription's
  directions (the text wrapped to the column's width, the lines read down the left column and
  on at the top of the right one).
* *highlighted answers*: on some forms the answers to the immunity and yes/no questions are
  printed options, the chosen one marked over with a translucent highlighter (yellow, green or
  pink) rather than written.

Patient record (two pages).

* Page 1 head: a coloured band along the top edge; the hospital's name in the colour, the day
  hospital's line and its street, telephone and fax (distractors) in small type; the form's
  title under a rule. The record date (``record_date``), per form, either at the top right in the
  way of the patient part (arrow or label after the rule), or written inside a coloured
  rubber-stamp frame at the top right whose top line is printed ``ADMITTED`` / ``ATTENDED`` /
  ``FIRST ATTENDANCE``.
* Header A (the patient), arrows or labels after the values. With arrows: one field a line:
  the name (or, on some forms, surname and given names on two lines), date of birth, telephone,
  street, town / state / ZIP, country. With labels after: the name (or surname and given names
  side by side) on a whole line; date of birth and telephone side by side; the street on a whole
  line; town / state / ZIP and country side by side. ``patient_name`` (given names and surname
  joined), ``birth_date``, ``phone``, ``address`` (street, city line and country joined with
  ``", "``; no country written, none in the truth).
* Header B, the nurse's measurements, five circles in a row: height and weight (``height``,
  ``weight``: the number, with its unit written after it or none), then blood pressure, pulse and
  a memory score (``26/30``) or a falls-risk score: distractors.
* Header C, the next of kin, arrows or labels after: the name, the relationship, the home
  telephone, the work or mobile telephone and the address on one line.
  ``emergency_contact_name``, ``emergency_contact_phone`` (the home number),
  ``emergency_contact_address``; the relationship and the other number are distractors.
* Header D, immunity: chickenpox, measles and the hepatitis B vaccine, per form either written
  (the answer ``Immune`` / ``Not immune`` / ``Yes`` / ``No`` written after an arrow, or on a rule
  with the question after it) or highlighted among printed options (``Immune  Not immune
  Unknown``; ``Yes  No  Unknown``). ``chicken_pox``, ``measles``, ``hepatitis_b_vaccination``;
  an unknown answer, or none, leaves the field out.
* Header E, current problems: the two-column flow of six numbered lines (``medical_problems`` in
  reading order, the left column first; none: the copy's word for none on line 1, or nothing).
* Foot: the admitting nurse's signature over its label at the left and, beside it at the right,
  the referring doctor (arrow or label after; a distractor); a line of fine print on some forms
  and the page number.

Page 2: the band, the hospital's name and the title "continued". Header F, funding: the question
"Do you have medical insurance?" written or highlighted (``has_insurance``; unanswered on some
copies without insurance, then left out), then, arrows or labels after: the insurer, the policy
or member number (its separators as printed), a group number (a distractor), the claims address
on one line and the date the cover ends. ``insurance_company``, ``policy_number``,
``insurance_address``, ``insurance_expiry``. Header G, allergies: one line, the allergies
comma-separated (``allergies``; the copy's word for none, or nothing). Header H, regular
medicines: the two-column flow of eight numbered lines (``regular_medication``, the left column
first). A mobility line of printed aids with the one used highlighted, and the transport
(arrow or label after, as the funding part; distractors); the signature, fine print and page
number. Page 2's headers go on from page 1's letters or numbers (``F``... or ``6``...).

Prescription (one page), the home-visit sheet.

* Head: the coloured band; the practice's name in the colour, its line of services, its street,
  city and telephone (distractors); at the right the sheet's title in small capitals. On the
  forms whose prescriber is printed, under the head a label (``Visiting physician:``,
  ``Physician:``, ``Doctor on visit:``) and the doctor's name in bold type (``prescriber``).
* Four circles: the visit number, the time of arrival, the time of leaving and the patient's
  age (distractors).
* Header (the patient), arrows or labels after: the patient's name, the date of the visit
  (``date``) and the home address on one line (``patient_name``, ``date``,
  ``patient_address``); with labels after, name and date share a line.
* Header (the medicines): a large ℞ or ``Rx`` at the left, then the medicines one a line, each
  after a printed number in a small circle (``medicines``), and at the line's right end a
  quantity after its small label (a distractor).
* Header (directions): the two-column flow of the directions, its lines unnumbered
  (``directions``, the lines joined in reading order: the left column, then the right one).
* Refills, per form: the number written in a box with the label after it (``refills permitted``)
  or an arrow from ``Refills`` to the written number (``PRN`` written as such); nothing written
  leaves ``refills`` out. At the line's right the next visit's date on a rule with its label
  after it (a distractor).
* Foot: the signature over its label at the left; on the forms whose prescriber is not printed,
  above the foot at the right, the physician's name written by hand on a rule with its label
  after it (``physician's name``, ``print name``; ``prescriber``, titles kept); fine print.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageChops

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = 190.0, 2360.0
INK_DARK = (28, 28, 28)
OUTLINE = (80, 80, 80)
FAINT = (170, 170, 170)
GREY_LABEL = (90, 90, 90)

# fmt: off
COLOURS = ([0, 100, 110], [120, 50, 90], [70, 90, 30], [30, 60, 130], [140, 80, 20],
           [60, 60, 60])
HIGHLIGHTS = ([255, 236, 90], [170, 240, 150], [255, 175, 215])
HOSPITALS = ("Elmstead Day Hospital", "Riverside Centre for Older Adults",
             "St. Agnes Geriatric Day Unit", "Maple Grove Day Hospital",
             "Harbourview Elder Care Day Hospital", "Northgate Memory & Mobility Unit")
HOSPITAL_LINES = ("Day hospital for older adults \u2022 Falls \u2022 Memory \u2022 Mobility",
                  "Geriatric assessment and rehabilitation day service",
                  "Comprehensive geriatric assessment \u2022 Therapy \u2022 Nursing")
PRACTICES = ("Hearthside House Calls", "Doorstep Physicians", "Homebound Medical Associates",
             "Visiting Doctors of the Valley", "CareAtHome Physician Group")
PRACTICE_LINES = ("Physician home visits for the homebound and the elderly",
                  "House calls \u2022 Geriatric care \u2022 Palliative support",
                  "Primary care delivered at home")
RELATIONS = ("Wife", "Husband", "Daughter", "Son", "Niece", "Nephew", "Sister", "Brother",
             "Neighbour", "Carer", "Friend", "Grandson")
AIDS = ("None|Stick|Frame|Wheelchair", "Independent|Cane|Walker|Chair")
TRANSPORT = ("Own car", "Hospital transport", "Taxi", "Family", "Ambulance")
QUANTITIES = ("30", "28 tabs", "14", "60", "1 box", "90", "7 days", "20 caps")
DATE_CHOICES = ("mdy_slash", "mdy_slash", "mdy_short", "mdy_long", "mdy_plain", "dmy_text",
                "dmy_long", "dmy_slash", "dmy_dot", "dmy_short", "iso")
# fmt: on

_REC: dict[str, tuple[str, ...]] = {
    "title": (
        "Day Hospital Admission Record",
        "Admission to Day Hospital",
        "Day Unit Attendance \u2014 First Visit Record",
    ),
    "today": ("date of admission", "admitted on", "date of first attendance"),
    "stamp": ("ADMITTED", "ATTENDED", "FIRST ATTENDANCE"),
    "numbering": ("letters", "numbers"),
    "h_patient": ("The patient", "Patient particulars", "Personal details"),
    "h_measure": ("Nurse's measurements", "Observations on admission", "Baseline measurements"),
    "h_contact": ("Next of kin", "Next of kin / emergency contact", "Person to contact"),
    "h_immune": ("Immunity", "Infection history and vaccines", "Immunity status"),
    "h_problems": ("Current problems", "Active problems", "Problem list"),
    "h_funding": ("Funding", "Insurance and funding", "Health cover"),
    "h_allergy": ("Allergies", "Known allergies", "Allergies and sensitivities"),
    "h_meds": ("Regular medicines", "Medicines taken at home", "Current medication"),
    "name": ("full name", "name of patient", "patient's name"),
    "surname": ("surname", "family name", "last name"),
    "given": ("given names", "first names", "forenames"),
    "dob": ("date of birth", "born", "birth date"),
    "phone": ("telephone", "home phone", "phone"),
    "street": ("street", "house and street", "street address"),
    "city": ("town / state / ZIP", "city, state, zip", "town and postcode"),
    "country": ("country", "nation"),
    "height": ("Height", "Ht"),
    "weight": ("Weight", "Wt"),
    "bp": ("BP", "Blood pressure"),
    "pulse": ("Pulse", "Heart rate"),
    "score": ("Memory score|MMSE", "Falls risk|Falls score"),
    "c_name": ("name", "next of kin", "contact's name"),
    "relation": ("relationship", "relation to patient"),
    "c_home": ("home phone", "home telephone"),
    "c_work": ("work / mobile", "other phone", "daytime phone"),
    "c_address": ("address", "contact's address", "their address"),
    "chickenpox": ("Chickenpox (varicella)", "Chicken pox", "Varicella"),
    "measles": ("Measles", "Measles (rubeola)"),
    "hep_b": ("Hepatitis B vaccine", "Hep B vaccination course", "Vaccinated for hepatitis B"),
    "immune_opts": ("Immune|Not immune|Unknown", "Immune|Not immune|Not known"),
    "yes_opts": ("Yes|No|Unknown", "Yes|No|Not known"),
    "highlight_note": ("(highlight one)", "(mark the answer)", "(staff to highlight)"),
    "referrer": ("referred by", "referring doctor", "GP / referrer"),
    "sign": ("Admitting nurse", "Signature of admitting nurse", "Nurse's signature"),
    "page": ("Page {} of 2", "{} / 2", "Sheet {} of 2"),
    "fine": (
        "This record is part of the patient's hospital notes. Please bring an up-to-date list of "
        "medicines to every attendance.",
        "Information is shared with the patient's family doctor and the day hospital team only.",
    ),
    "cont": ("continued", "(continued)", "page two"),
    "ins_q": (
        "Do you have medical insurance?",
        "Is the patient covered by medical insurance?",
        "Do you have health insurance?",
    ),
    "company": ("insurer", "insurance company", "name of insurer"),
    "policy": ("policy / member no.", "member ID", "policy number"),
    "group": ("group no.", "group"),
    "ins_address": ("claims address", "insurer's address"),
    "expiry": ("cover valid until", "cover ends", "expiry date"),
    "allergies": ("allergic to", "allergies", "substances"),
    "mobility": ("Mobility aid", "Walking aid"),
    "aids": AIDS,
    "transport": ("transport", "travels by"),
}

_RX: dict[str, tuple[str, ...]] = {
    "title": ("Home Visit Prescription", "House Call Prescription", "Prescription at Home"),
    "numbering": ("letters", "numbers"),
    "prescriber": ("Visiting physician:", "Physician:", "Doctor on visit:"),
    "visit": ("Visit no.", "Visit"),
    "arrived": ("Arrived", "Time in"),
    "left": ("Left", "Time out"),
    "age": ("Age", "Age (yrs)"),
    "h_patient": ("Patient", "Seen at home", "Patient visited"),
    "h_meds": ("Medicines", "Prescribed", "Medication ordered"),
    "h_dirs": ("Directions", "Directions for patient or carer", "How to take"),
    "name": ("patient's name", "name", "patient"),
    "date": ("date of visit", "date", "visit date"),
    "address": ("home address", "address", "visited at"),
    "qty": ("qty", "quantity", "supply"),
    "refills": ("refills permitted", "repeats", "refills"),
    "refills_arrow": ("Refills", "Repeats", "Refills allowed"),
    "next": ("next visit", "next call due", "follow-up visit"),
    "signature": ("Signature of visiting physician", "Physician's signature", "Signed"),
    "print": ("physician's name", "name of prescriber", "print name"),
    "fine": (
        "Keep this sheet with the patient's medicines. For urgent problems between visits call "
        "the practice; out of hours dial the number on the back of the patient's care plan.",
        "A copy of this prescription has been sent to the patient's pharmacy. Bring all "
        "medicines out for the next visit so the doctor can check them.",
    ),
}


# --- content --------------------------------------------------------------------------------


def _doctor(rnd: random.Random) -> str:
    title, suffix = rnd.choice(values.PRESCRIBER_STYLES)
    return f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}{suffix}"


def _wording(rnd: random.Random, style: dict[str, Any], words: Mapping[str, Sequence[str]]) -> None:
    printed = [f.name for f in fonts.families(handwriting=False)]
    style["label_font"] = rnd.choice(printed)
    style["title_font"] = rnd.choice([name for name in printed if "Mono" not in name])
    style["date_style"] = rnd.choice(DATE_CHOICES)
    style["empty_list"] = rnd.choice(("None", "N/A", "none", "Nil", ""))
    style["labels"] = {key: rnd.choice(options) for key, options in words.items()}
    style["colour"] = rnd.choice(COLOURS)
    style["highlighter"] = rnd.choice(HIGHLIGHTS)


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """The printed form (wording, colour, arrangement) and how this copy is filled in."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(35, 40), value_size=(45, 50)
    )
    modes = ("arrow", "after")
    if document_type == "prescription":
        _wording(rnd, style, _RX)
        rx_fonts = [f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph]
        printed = rnd.random() < 0.5
        style.update(
            practice=rnd.choice(PRACTICES),
            practice_line=rnd.choice(PRACTICE_LINES),
            street=values.street_line(rnd),
            city=values.city_line(rnd, zip_code="state zip"),
            phone=values.phone_number(rnd),
            prescriber_printed=printed,
            prescriber_written=not printed,
            patient_mode=rnd.choice(modes),
            refill_mode=rnd.choice(modes),
            rx=rnd.choice(("glyph", "Rx")) if rx_fonts else "Rx",
            rx_font=rnd.choice(rx_fonts) if rx_fonts else "",
        )
        return style
    _wording(rnd, style, _REC)
    style.update(
        hospital=rnd.choice(HOSPITALS),
        hospital_line=rnd.choice(HOSPITAL_LINES),
        street=values.street_line(rnd),
        city=values.city_line(rnd, zip_code="state zip"),
        phone=values.phone_number(rnd),
        fax=values.phone_number(rnd),
        date_place=rnd.choice(("head", "stamp")),
        patient_mode=rnd.choice(modes),
        split_name=rnd.random() < 0.35,
        contact_mode=rnd.choice(modes),
        answer_mode=rnd.choice(("written", "highlight")),
        insurance_mode=rnd.choice(modes),
        referrer_mode=rnd.choice(modes),
        fine=rnd.random() < 0.7,
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
    # a day hospital's patients are older adults
    birth = fields["birth_date"]
    year = 1928 + rnd.randint(0, 34)
    fields["birth_date"] = f"{year}{birth[4:]}" if birth[5:] != "02-29" else f"{year}-02-28"
    common.settle_day_order(fields, ("record_date",), style, rnd)
    extras: dict[str, Any] = {
        "address_lines": list(base["address_lines"]),
        "weight_unit": base["weight_unit"],
        "height_unit": base["height_unit"],
        "bp": f"{rnd.randint(105, 170)}/{rnd.randint(60, 95)}" if rnd.random() < 0.85 else None,
        "pulse": rnd.randint(52, 96) if rnd.random() < 0.85 else None,
        "score": f"{rnd.randint(14, 30)}/30" if rnd.random() < 0.7 else None,
        "referrer": _doctor(rnd) if rnd.random() < 0.75 else None,
    }
    if "score" in style["labels"] and style["labels"]["score"].startswith("Falls"):
        extras["score"] = str(rnd.randint(0, 25)) if rnd.random() < 0.7 else None
    if "emergency_contact_name" in fields:
        extras["relation"] = rnd.choice(RELATIONS) if rnd.random() < 0.85 else None
    if "emergency_work_phone" in base:
        extras["emergency_work_phone"] = base["emergency_work_phone"]
    for name in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        if name not in fields:
            continue
        draw = rnd.random()
        if draw < 0.1:  # "unknown" marked: not an answer the truth keeps
            del fields[name]
            extras[f"{name}_unsure"] = True
        elif draw < 0.13:
            del fields[name]
    fields["medical_problems"] = fields["medical_problems"][:6]
    if fields.get("has_insurance") == "yes":
        extras["policy_number_printed"] = base["policy_number_printed"]
        extras["group"] = str(rnd.randint(10000, 99999)) if rnd.random() < 0.55 else None
    elif rnd.random() < 0.2:
        del fields["has_insurance"]  # the question left unanswered
    extras["aid"] = rnd.randrange(4) if rnd.random() < 0.8 else None
    extras["transport"] = rnd.choice(TRANSPORT) if rnd.random() < 0.7 else None
    return fields, extras, style


def _prescription_document(
    rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    style = random_style("prescription", rnd, handwriting=handwriting, font=font)
    fields, _ = common.prescription_content(rnd, pad=rnd.random() < 0.5)
    common.settle_day_order(fields, ("date",), style, rnd)
    visit = fields["date"]
    hour, minute = rnd.randint(8, 16), rnd.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
    stay = rnd.randint(20, 75)
    out = hour * 60 + minute + stay
    next_visit = values.iso(
        dt.date.fromisoformat(visit) + dt.timedelta(days=rnd.choice((7, 14, 28)))
    )
    extras: dict[str, Any] = {
        "visit_no": str(rnd.randint(1, 40)) if rnd.random() < 0.8 else None,
        "arrived": f"{hour}:{minute:02d}" if rnd.random() < 0.8 else None,
        "left": f"{out // 60}:{out % 60:02d}" if rnd.random() < 0.7 else None,
        "age": rnd.randint(66, 99) if rnd.random() < 0.75 else None,
        "quantities": [
            rnd.choice(QUANTITIES) if rnd.random() < 0.8 else "" for _ in fields["medicines"]
        ],
        "next_visit": next_visit if rnd.random() < 0.6 else None,
    }
    return fields, extras, style


# --- drawing --------------------------------------------------------------------------------


def _rgb(colour: Sequence[int]) -> tuple[int, int, int]:
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def _tint(colour: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """``colour`` mixed with white (``share`` of the colour kept)."""
    r, g, b = colour
    return (
        round(255 - (255 - r) * share),
        round(255 - (255 - g) * share),
        round(255 - (255 - b) * share),
    )


class _Sheet(common.Drawing):
    """One page of either document: faces, wording, dates and phones as this copy writes them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.words: Mapping[str, str] = style["labels"]
        self.colour = _rgb(style["colour"])
        self.header_count = 0
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        size = int(style["label_size"])
        faces = self.page.faces
        faces["lbl"] = render.Face(label.regular, size, INK_DARK)
        faces["bold"] = render.Face(label.bold, size, INK_DARK)
        faces["after"] = render.Face(label.regular, size - 4, GREY_LABEL)
        faces["opt"] = render.Face(label.regular, size, INK_DARK)
        faces["num"] = render.Face(label.regular, size - 4, GREY_LABEL)
        faces["sc"] = render.Face(title.regular, 40, INK_DARK)
        faces["sc_col"] = render.Face(title.bold, 40, self.colour)
        faces["org"] = render.Face(title.bold, 54, self.colour)
        faces["org_small"] = render.Face(title.regular, 27, (70, 70, 70))
        faces["title"] = render.Face(title.bold, 50, INK_DARK)
        faces["doctor"] = render.Face(title.bold, 44, INK_DARK)
        faces["stamp"] = render.Face(title.bold, 30, self.colour)
        faces["fine"] = render.Face(label.regular, 21, (100, 100, 100))

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

    def band(self) -> None:
        """The coloured band along the page's top edge."""
        self.rect(0, 0, render.PAGE_WIDTH, 64, fill=self.colour, outline=None)
        self.rect(0, 64, render.PAGE_WIDTH, 76, fill=_tint(self.colour, 0.35), outline=None)

    def small_caps(self, x: float, base: float, text: str, face: str, size: float) -> float:
        """``text`` in small capitals: each word's first letter full size, the rest smaller."""
        page = self.page
        space = size * 0.4
        for word in text.split():
            first, rest = word[0].upper(), word[1:].upper()
            x = page.text(x, base, first, face, size=size)
            if rest:
                x = page.text(x + 1, base, rest, face, size=size * 0.76)
            x += space
        return x - space

    def header(self, top: float, key: str) -> float:
        """A running header in small capitals over a group; returns the group's first baseline."""
        self.header_count += 1
        n = self.header_count
        mark = chr(ord("A") + n - 1) if self.word("numbering") == "letters" else str(n)
        self.line(LEFT, top, RIGHT, top, width=2, fill=self.colour)
        base = top + 56
        end = self.small_caps(LEFT, base, mark, "sc_col", 40)
        end = self.small_caps(end + 30, base, self.word(key), "sc", 40)
        self.line(LEFT, base + 14, min(end, LEFT + 420), base + 14, width=6, fill=self.colour)
        return base + 96

    def arrow(self, x0: float, x1: float, base: float) -> None:
        """A printed arrow from x0 to x1, level with the labels' middle."""
        page = self.page
        y = base - page.faces["lbl"].size * 0.36
        if x1 - x0 < 40:
            return
        self.line(x0, y, x1 - 20, y, width=2.5, fill=OUTLINE)
        page.draw.polygon(
            [
                (page.px(x1), page.px(y)),
                (page.px(x1 - 26), page.px(y - 11)),
                (page.px(x1 - 26), page.px(y + 11)),
            ],
            fill=OUTLINE,
        )

    def arrow_field(
        self, x: float, base: float, label: str, text: Any, value_x: float, end: float
    ) -> None:
        """``Label ──▶ value``: the value at ``value_x``, no rule under it."""
        stop = self.page.text(x, base, label, "lbl")
        self.arrow(stop + 22, value_x - 22, base)
        self.value(value_x, base, text, end - value_x)

    def arrow_column(self, labels: Sequence[str], x: float = LEFT) -> float:
        """Where a group's values start after its arrows."""
        widest = max(self.page.width(label, "lbl") for label in labels)
        return x + widest + 150

    def after_field(self, x0: float, x1: float, base: float, label: str, text: Any) -> None:
        """``value ______  label``: the value on a rule, its label printed after the rule."""
        page = self.page
        width = page.width(label, "after")
        stop = x1 - width
        self.line(x0, base + 14, stop - 22, base + 14, width=1.5, fill=OUTLINE)
        page.text(stop, base, label, "after")
        self.value(x0 + 14, base, text, stop - x0 - 50)

    def fields(
        self,
        mode: str,
        top: float,
        rows: Sequence[Sequence[tuple[str, Any, float]]],
        step: float = 96.0,
    ) -> float:
        """Rows of fields, arrows (one field a line) or labels after (several a line).

        Each field is (label, text, share of the line when labels follow the values); returns
        the baseline after the last line.
        """
        base = top
        if mode == "arrow":
            flat = [item for row in rows for item in row]
            value_x = self.arrow_column([label for label, _, _ in flat])
            for label, text, _ in flat:
                self.arrow_field(LEFT, base, label, text, value_x, RIGHT)
                base += step
            return base
        for row in rows:
            total = sum(share for *_, share in row)
            x = LEFT
            for k, (label, text, _) in enumerate(row):
                end = LEFT + (RIGHT - LEFT) * sum(s for *_, s in row[: k + 1]) / total
                if not label:  # the rest of the line left empty
                    continue
                self.after_field(x, end - (50 if k < len(row) - 1 else 0), base, label, text)
                x = end + 30
            base += step
        return base

    def circles(self, top: float, items: Sequence[tuple[str, Any]], r: float = 92) -> float:
        """Printed circles in a row, each label above, a value written centred inside."""
        page = self.page
        gap = (RIGHT - LEFT) / len(items)
        cy = top + 60 + r
        for k, (label, text) in enumerate(items):
            cx = LEFT + gap * (k + 0.5)
            page.text(cx, top + 30, label, "lbl", anchor="ms", max_width=gap - 30)
            page.draw.ellipse(
                [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
                outline=self.colour,
                width=max(1, page.px(3)),
            )
            size = page.faces["value"].size
            self.value(cx, cy + size * 0.36, text, 2 * r - 34, anchor="ms")
        return cy + r + 40

    def flow(
        self,
        top: float,
        items: Sequence[str],
        rows: int,
        *,
        step: float = 84.0,
        numbered: bool = True,
    ) -> float:
        """Two columns of lines divided by a vertical rule, filled down the left one first."""
        page = self.page
        mid = (LEFT + RIGHT) / 2
        self.line(mid, top - 50, mid, top + step * (rows - 1) + 24, width=2, fill=self.colour)
        for column in range(2):
            x0 = LEFT if column == 0 else mid + 40
            x1 = mid - 40 if column == 0 else RIGHT
            for row in range(rows):
                index = column * rows + row
                base = top + step * row
                start = x0
                if numbered:
                    page.text(x0 + 40, base, f"{index + 1}.", "num", anchor="rs")
                    start = x0 + 64
                self.line(start, base + 14, x1, base + 14, width=1, fill=FAINT)
                if index < len(items):
                    self.value(start + 8, base, items[index], x1 - start - 16)
        return top + step * rows

    def highlight(self, x0: float, x1: float, base: float) -> None:
        """A translucent highlighter stroke over a printed word."""
        page = self.page
        size = page.faces["opt"].size
        box = (
            page.px(x0 - 10),
            page.px(base - size * 0.95 + page.jitter.uniform(-3, 3)),
            page.px(x1 + 10 + page.jitter.uniform(-4, 8)),
            page.px(base + size * 0.28),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return
        region = page.image.crop(box)
        tint = Image.new("RGB", region.size, _rgb(self.style["highlighter"]))
        page.image.paste(ImageChops.multiply(region, tint), box[:2])

    def options(self, x: float, base: float, options: Sequence[str], chosen: int | None) -> float:
        """Printed options in a row, the chosen one highlighted; returns where they end."""
        page = self.page
        for k, text in enumerate(options):
            width = page.width(text, "opt")
            if k == chosen:
                self.highlight(x, x + width, base)
            page.text(x, base, text, "opt")
            x += width + 70
        return x - 70

    def fine_print(self, text: str, right: str) -> None:
        page = self.page
        lines = render.wrap(page, text, "fine", RIGHT - LEFT - 320)
        for k, line in enumerate(lines[:2]):
            page.text(LEFT, 3205 + 27 * k, line, "fine")
        if right:
            page.text(RIGHT, 3205, right, "fine", anchor="rs")

    def signature(self, x0: float, x1: float, base: float, label: str) -> None:
        self.line(x0, base, x1, base, width=2.5, fill=OUTLINE)
        self.page.scribble(x0 + 60, x0 + min(520.0, (x1 - x0) * 0.6), base - 8, self.ink())
        self.page.text(x0, base + 40, label, "lbl")


def _measure(value: Any, unit: Any) -> str | None:
    if value is None:
        return None
    return f"{render.format_number(value)} {unit or ''}".strip()


# --- patient record -------------------------------------------------------------------------


def _record_head(sheet: _Sheet, fields: Mapping[str, Any], page_two: bool) -> float:
    page, style = sheet.page, sheet.style
    sheet.band()
    page.text(LEFT, 190, style["hospital"], "org", max_width=1380)
    if page_two:
        cont = sheet.word("cont")
        tail = cont if cont.startswith("(") else f"\u2014 {cont}"
        title = f"{sheet.word('title')} {tail}"
        page.text(LEFT, 290, title, "title", max_width=RIGHT - LEFT)
        return 380.0
    page.text(LEFT, 240, style["hospital_line"], "org_small", max_width=1380)
    contact = (
        f"{style['street']}, {style['city']}  \u2022  Tel {sheet.phone(style['phone'])}"
        f"  \u2022  Fax {sheet.phone(style['fax'])}"
    )
    page.text(LEFT, 280, contact, "org_small", max_width=1380)
    sheet.line(LEFT, 318, RIGHT, 318, width=2, fill=OUTLINE)
    record = sheet.date(fields.get("record_date"))
    title_room = 1500.0
    if style["date_place"] == "stamp":
        x0, x1, y0, y1 = 1720.0, 2330.0, 130.0, 300.0
        sheet.rect(x0, y0, x1, y1, outline=sheet.colour, width=5)
        sheet.rect(x0 + 10, y0 + 10, x1 - 10, y1 - 10, outline=sheet.colour, width=2)
        page.text((x0 + x1) / 2, y0 + 56, sheet.word("stamp"), "stamp", anchor="ms")
        sheet.value((x0 + x1) / 2, y1 - 36, record, x1 - x0 - 60, anchor="ms")
    elif style["patient_mode"] == "arrow":
        label = sheet.word("today").capitalize()
        value_x = RIGHT - max(page.width(record, "value"), 330)
        start = value_x - 130 - page.width(label, "lbl")
        title_room = start - LEFT - 60
        stop = page.text(start, 400, label, "lbl")
        sheet.arrow(stop + 22, value_x - 22, 400)
        sheet.value(value_x, 400, record, RIGHT - value_x)
    else:
        sheet.after_field(1760, RIGHT, 400, sheet.word("today"), record)
        title_room = 1760 - LEFT - 60
    page.text(LEFT, 400, sheet.word("title"), "title", max_width=title_room)
    return 470.0


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    y = _record_head(sheet, fields, page_two=False)

    # A: the patient
    base = sheet.header(y, "h_patient")
    lines = common.address_lines(fields, extras)
    name = fields.get("patient_name", "")
    if style["split_name"]:
        given, _, surname = name.rpartition(" ")
        names = [(sheet.word("surname"), surname, 1.0), (sheet.word("given"), given, 1.0)]
    else:
        names = [(sheet.word("name"), name, 1.0)]
    dob = (sheet.word("dob"), sheet.date(fields.get("birth_date"), short_year=False), 1.0)
    phone = (sheet.word("phone"), sheet.phone(fields.get("phone")), 1.0)
    street = (sheet.word("street"), lines[0], 1.0)
    city = (sheet.word("city"), lines[1], 1.5)
    country = (sheet.word("country"), lines[2], 1.0)
    if style["patient_mode"] == "arrow":
        rows = [[item] for item in [*names, dob, phone, street, city, country]]
        step = 90.0
    else:
        rows = [names, [dob, phone], [street], [city, country]]
        step = 112.0
    base = sheet.fields(style["patient_mode"], base, rows, step)

    # B: measurements in circles
    y = base - 40
    base = sheet.header(y, "h_measure")
    score_label = sheet.parts("score")[0]
    items = [
        (sheet.word("height"), _measure(fields.get("height"), extras.get("height_unit"))),
        (sheet.word("weight"), _measure(fields.get("weight"), extras.get("weight_unit"))),
        (sheet.word("bp"), extras.get("bp")),
        (sheet.word("pulse"), extras.get("pulse")),
        (score_label, extras.get("score")),
    ]
    y = sheet.circles(base - 70, items, r=90)

    # C: next of kin
    base = sheet.header(y, "h_contact")
    contact = [
        (sheet.word("c_name"), fields.get("emergency_contact_name"), 1.6),
        (sheet.word("relation"), extras.get("relation"), 1.0),
        (sheet.word("c_home"), sheet.phone(fields.get("emergency_contact_phone")), 1.0),
        (sheet.word("c_work"), sheet.phone(extras.get("emergency_work_phone")), 1.0),
        (sheet.word("c_address"), fields.get("emergency_contact_address"), 1.0),
    ]
    if style["contact_mode"] == "arrow":
        rows = [[item] for item in contact]
        step = 90.0
    else:
        rows = [contact[:2], contact[2:4], contact[4:]]
        step = 112.0
    base = sheet.fields(style["contact_mode"], base, rows, step)

    # D: immunity
    y = base - 40
    base = sheet.header(y, "h_immune")
    questions = (
        (sheet.word("chickenpox"), "chicken_pox", "immune_opts"),
        (sheet.word("measles"), "measles", "immune_opts"),
        (sheet.word("hep_b"), "hepatitis_b_vaccination", "yes_opts"),
    )
    base = _answers(sheet, fields, extras, base, questions)

    # E: current problems in two columns
    y = base - 40
    base = sheet.header(y, "h_problems")
    problems = fields.get("medical_problems")
    items_shown: list[str] = list(problems or [])
    if problems == [] and style["empty_list"]:
        items_shown = [str(style["empty_list"])]
    sheet.flow(base, items_shown, 3, step=86)
    referrer = (sheet.word("referrer"), extras.get("referrer"), 1.0)
    if style["referrer_mode"] == "arrow":
        value_x = sheet.arrow_column([referrer[0]], 1250)
        sheet.arrow_field(1250, 3040, referrer[0], referrer[1], value_x, RIGHT)
    else:
        sheet.after_field(1250, RIGHT, 3040, referrer[0], referrer[1])

    sheet.signature(LEFT, 1100, 3040, sheet.word("sign"))
    if style["fine"]:
        sheet.fine_print(sheet.word("fine"), sheet.word("page").format(1))
    else:
        page.text(RIGHT, 3205, sheet.word("page").format(1), "fine", anchor="rs")
    return page.image


def _answers(
    sheet: _Sheet,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    base: float,
    questions: Sequence[tuple[str, str, str]],
    *,
    mode: str | None = None,
) -> float:
    """Questions answered by writing (arrow or label after) or by highlighting an option."""
    page, style = sheet.page, sheet.style
    answer_mode = style["answer_mode"]
    if answer_mode == "highlight":
        widest = max(page.width(text, "lbl") for text, _, _ in questions)
        x_opts = LEFT + widest + 80
        note = sheet.word("highlight_note")
        page.text(RIGHT, base - 70, note, "after", anchor="rs")
        for text, name, opts in questions:
            options = sheet.parts(opts)
            value = fields.get(name)
            keys = (
                ["immune", "not immune", "unknown"]
                if opts == "immune_opts"
                else ["yes", "no", "unknown"]
            )
            chosen = keys.index(value) if value in keys else None
            if extras.get(f"{name}_unsure"):
                chosen = 2
            page.text(LEFT, base, text, "lbl")
            sheet.options(x_opts, base, options, chosen)
            base += 92
        return base
    mode = mode or style["patient_mode"]
    rows = []
    for text, name, _ in questions:
        value = fields.get(name)
        rows.append([(text, value.capitalize() if value else None, 1.0)])
    return sheet.fields(mode, base, rows, 90 if mode == "arrow" else 104)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    y = _record_head(sheet, fields, page_two=True)
    sheet.header_count = 5  # the headers run on from page 1's

    # F: funding
    base = sheet.header(y + 40, "h_funding")
    base = _answers(
        sheet,
        fields,
        extras,
        base,
        ((sheet.word("ins_q"), "has_insurance", "yes_opts"),),
        mode=style["insurance_mode"],
    )
    expiry = sheet.date(fields.get("insurance_expiry"))
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    items = [
        (sheet.word("company"), fields.get("insurance_company"), 1.6),
        (sheet.word("policy"), policy, 1.3),
        (sheet.word("group"), extras.get("group"), 0.7),
        (sheet.word("ins_address"), fields.get("insurance_address"), 1.0),
        (sheet.word("expiry"), expiry, 1.0),
    ]
    mode = style["insurance_mode"]
    if mode == "arrow":
        rows = [[item] for item in items]
    else:
        rows = [[items[0]], items[1:3], [items[3]], [items[4], ("", None, 1.0)]]
    base = sheet.fields(mode, base + 20, rows, 104 if mode == "arrow" else 124)

    # G: allergies
    base = sheet.header(base + 10, "h_allergy")
    allergies = common.list_text(fields.get("allergies"), str(style["empty_list"]))
    allergy = [(sheet.word("allergies"), allergies, 1.0)]
    base = sheet.fields(mode, base, [allergy], 96)

    # H: regular medicines in two columns
    base = sheet.header(base + 10, "h_meds")
    medication = fields.get("regular_medication")
    shown: list[str] = list(medication or [])
    if medication == [] and style["empty_list"]:
        shown = [str(style["empty_list"])]
    base = sheet.flow(base, shown, 4, step=104)

    # mobility and transport (distractors)
    base += 110
    stop = page.text(LEFT, base, f"{sheet.word('mobility')}:", "lbl")
    sheet.options(stop + 50, base, sheet.parts("aids"), extras.get("aid"))
    transport = (sheet.word("transport"), extras.get("transport"), 1.0)
    if mode == "arrow":
        base += 120
        value_x = sheet.arrow_column([transport[0]])
        sheet.arrow_field(LEFT, base, transport[0], transport[1], value_x, 1500)
    else:
        base += 130
        sheet.after_field(LEFT, 1500, base, transport[0], transport[1])

    sheet.signature(LEFT, 1100, 3040, sheet.word("sign"))
    if style["fine"]:
        sheet.fine_print(sheet.word("fine"), sheet.word("page").format(2))
    else:
        page.text(RIGHT, 3205, sheet.word("page").format(2), "fine", anchor="rs")
    return page.image


# --- prescription ---------------------------------------------------------------------------


def _rx_mark(sheet: _Sheet, x: float, base: float) -> float:
    page, style = sheet.page, sheet.style
    if style["rx"] == "glyph" and style["rx_font"]:
        page.add_face("rx", style["rx_font"], 130)
        return page.text(x, base, fonts.RX_GLYPH, "rx")
    page.add_face("rx", style["title_font"], 110, bold=True)
    return page.text(x, base, "Rx", "rx")


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    sheet.band()
    page.text(LEFT, 190, style["practice"], "org", max_width=1300)
    page.text(LEFT, 240, style["practice_line"], "org_small", max_width=1300)
    page.text(LEFT, 280, f"{style['street']}, {style['city']}", "org_small", max_width=1300)
    page.text(LEFT, 318, f"Tel {sheet.phone(style['phone'])}", "org_small")
    title_end = RIGHT - 10
    width = sum(page.width(w, "sc", 44) for w in sheet.word("title").split()) + 200
    sheet.small_caps(max(1560.0, title_end - width), 200, sheet.word("title"), "sc_col", 44)
    sheet.line(LEFT, 350, RIGHT, 350, width=2, fill=OUTLINE)
    y = 350.0
    if style["prescriber_printed"] and fields.get("prescriber"):
        stop = page.text(LEFT, 440, sheet.word("prescriber"), "lbl")
        page.text(stop + 30, 440, fields["prescriber"], "doctor", max_width=RIGHT - stop - 40)
        y = 470.0

    # the visit in circles
    items = [
        (sheet.word("visit"), extras.get("visit_no")),
        (sheet.word("arrived"), extras.get("arrived")),
        (sheet.word("left"), extras.get("left")),
        (sheet.word("age"), extras.get("age")),
    ]
    y = sheet.circles(y + 30, items, r=100)

    # the patient
    base = sheet.header(y, "h_patient")
    name = (sheet.word("name"), fields.get("patient_name"), 1.6)
    date = (sheet.word("date"), sheet.date(fields.get("date")), 1.0)
    address = (sheet.word("address"), fields.get("patient_address"), 1.0)
    mode = style["patient_mode"]
    patient: list[list[tuple[str, Any, float]]] = (
        [[name], [date], [address]] if mode == "arrow" else [[name, date], [address]]
    )
    base = sheet.fields(mode, base, patient, 110 if mode == "arrow" else 126)

    # the medicines after the Rx
    base = sheet.header(base - 30, "h_meds")
    top = base - 40
    _rx_mark(sheet, LEFT, top + 110)
    x0 = LEFT + 260
    qty_label = sheet.word("qty")
    qty_x = RIGHT - 330
    quantities = list(extras.get("quantities") or [])
    for k, medicine in enumerate(fields.get("medicines") or []):
        line = top + 70 + 124 * k
        r = 24
        cx, cy = x0 + r, line - 16
        page.draw.ellipse(
            [page.px(cx - r), page.px(cy - r), page.px(cx + r), page.px(cy + r)],
            outline=sheet.colour,
            width=max(1, page.px(2.5)),
        )
        page.text(cx, line - 4, str(k + 1), "num", anchor="ms", size=28)
        sheet.line(x0 + 70, line + 14, qty_x - 30, line + 14, width=1, fill=FAINT)
        sheet.value(x0 + 80, line, medicine, qty_x - x0 - 130)
        stop = page.text(qty_x, line, qty_label, "after")
        sheet.line(stop + 14, line + 14, RIGHT, line + 14, width=1, fill=FAINT)
        quantity = quantities[k] if k < len(quantities) else ""
        sheet.value(stop + 24, line, quantity, RIGHT - stop - 30)
    base = top + 70 + 124 * max(4, len(fields.get("medicines") or [])) + 10

    # directions in two columns
    base = sheet.header(base - 40, "h_dirs")
    directions = fields.get("directions") or ""
    col = (RIGHT - LEFT) / 2 - 80
    lines = render.wrap(page, directions, "value", col - 30) if directions else []
    depth = max(3, math.ceil(len(lines) / 2))
    base = sheet.flow(base, lines, depth, step=100, numbered=False)

    # refills and next visit
    base += 120
    refills = fields.get("refills")
    shown = "" if refills is None else str(refills)
    next_visit = sheet.date(extras.get("next_visit"))
    if style["refill_mode"] == "arrow":
        label = sheet.word("refills_arrow")
        stop = page.text(LEFT, base, label, "lbl")
        sheet.arrow(stop + 22, stop + 150, base)
        sheet.value(stop + 172, base, shown, 200)
        sheet.after_field(1300, RIGHT, base, sheet.word("next"), next_visit)
    else:
        x = LEFT
        sheet.rect(x, base - 62, x + 170, base + 20, outline=OUTLINE, width=2.5)
        sheet.value(x + 85, base, shown, 150, anchor="ms")
        page.text(x + 196, base, sheet.word("refills"), "after")
        sheet.after_field(1300, RIGHT, base, sheet.word("next"), next_visit)

    # foot
    if style["prescriber_written"]:
        sheet.after_field(1300, RIGHT, 2860, sheet.word("print"), fields.get("prescriber"))
    sheet.signature(LEFT, 1150, 3000, sheet.word("signature"))
    sheet.fine_print(sheet.word("fine"), "")
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
