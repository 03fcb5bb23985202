"""Draw a document's content onto US-letter pages with Pillow.

Layouts follow ``shared/spec/documents.md``. Coordinates and font sizes are written for a
300-dpi page (2550 x 3300 px) and scaled by ``dpi / 300``, so the tests can render small pages
that look the same. Every text is placed on a baseline (Pillow anchor ``ls``), so a label and
its value line up whatever their fonts.

What a page shows is fixed by three things in the ground truth:

* ``fields``: the canonical values (ISO dates, ``(NNN) NNN-NNNN`` phones ...); the renderer
  prints them in the document's own forms (``style["date_format"]``, ``style["phone_format"]``);
* ``extras``: printed content outside the spec's fields (prescriber street, pad's AGE ...);
* ``style``: fonts, sizes, ink, the ℞ form, how yes/no answers are marked, and the seed of the
  small hand-made jitter of handwritten values.

A field missing from ``fields`` leaves its label with an empty line, as a blank form would.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from tests.corpus import fonts

PAGE_WIDTH, PAGE_HEIGHT = 2550, 3300  # US letter at 300 dpi
LEFT, RIGHT = 200, 2350  # the text block's margins

# The patient record's second page carries these fields; a one-page image of the record
# (PNG, JPEG) shows page 1 only and so has none of them.
PAGE_TWO_FIELDS = frozenset(
    {
        "insurance_company",
        "policy_number",
        "insurance_address",
        "insurance_expiry",
        "has_insurance",
        "allergies",
        "regular_medication",
    }
)

# fmt: off
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# fmt: on

DATE_FORMATS = ("mdy_slash", "dmy_text", "mdy_long", "iso")
PHONE_FORMATS = ("paren", "dash", "dot")
MARK_STYLES = ("word", "brackets", "boxes")
RX_STYLES = ("glyph", "Rx", "R-stroke")

HAND_INKS = ((25, 45, 140), (20, 28, 90), (35, 35, 45), (30, 60, 160))
_RULE = (120, 120, 120)


def format_date(iso_date: str, form: str) -> str:
    """An ISO date as a form prints it: ``03/14/2023``, ``14 Mar 2023``, ``March 14, 2023``."""
    day = dt.date.fromisoformat(iso_date)
    if form == "mdy_slash":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if form == "dmy_text":
        return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"
    if form == "mdy_long":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if form == "iso":
        return day.isoformat()
    raise ValueError(f"unknown date format {form!r}")


def format_phone(canonical: str, form: str) -> str:
    """A canonical ``(415) 555-0182`` as printed: ``(415) 555-0182``, ``415-555-0182``, ..."""
    digits = "".join(c for c in canonical if c.isdigit())
    if len(digits) != 10:
        return canonical
    area, exchange, line = digits[:3], digits[3:6], digits[6:]
    if form == "paren":
        return f"({area}) {exchange}-{line}"
    if form == "dash":
        return f"{area}-{exchange}-{line}"
    if form == "dot":
        return f"{area}.{exchange}.{line}"
    raise ValueError(f"unknown phone format {form!r}")


def format_number(value: float | int) -> str:
    """``72`` for 72.0, ``72.5`` for 72.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None = None
) -> dict[str, Any]:
    """A random, JSON-serialisable style; ``font`` forces the family of the values."""
    printed = fonts.families(handwriting=False)
    label_font = rnd.choice(printed).name
    if font is not None:
        value_font = fonts.family(font).name
    elif handwriting:
        value_font = rnd.choice(fonts.families(handwriting=True)).name
    else:
        value_font = label_font if rnd.random() < 0.5 else rnd.choice(printed).name
    style: dict[str, Any] = {
        "seed": rnd.getrandbits(32),
        "label_font": label_font,
        "label_bold": rnd.random() < 0.5,
        "label_size": rnd.randint(46, 54),
        "value_font": value_font,
        "value_size": rnd.randint(58, 66) if handwriting else rnd.randint(48, 58),
        "handwriting": handwriting,
        "ink": list(rnd.choice(HAND_INKS)) if handwriting else [rnd.randint(10, 40)] * 3,
        "date_format": rnd.choice(DATE_FORMATS),
        "phone_format": rnd.choice(PHONE_FORMATS),
        "rules": rnd.random() < 0.75,
        "spacing": round(rnd.uniform(1.0, 1.2), 3),
    }
    if document_type == "prescription":
        rx_fonts = [f.name for f in printed if f.has_rx_glyph]
        rx = rnd.choice(RX_STYLES if rx_fonts else RX_STYLES[1:])
        style.update(
            variant="pad" if handwriting else "printed",
            header_font=rnd.choice(printed).name,
            rx=rx,
            rx_font=rnd.choice(rx_fonts) if rx == "glyph" else rnd.choice(printed).name,
            rx_inline=rnd.random() < 0.5,
            label_case="upper" if handwriting and rnd.random() < 0.5 else "title",
            phone_label=rnd.choice(("Tel:", "Phone:", "Ph:")),
        )
    else:
        style.update(
            title_font=rnd.choice(printed).name,
            mark_style=rnd.choices(MARK_STYLES, weights=(4, 4, 2))[0],
            empty_list=rnd.choice(("N/A", "N/A", "None", "n/a", "")),
        )
    return style


@dataclass(frozen=True, slots=True)
class Face:
    """A font role: family file, design size (300-dpi px), colour and whether it is handwritten."""

    path: Path
    size: int
    fill: tuple[int, int, int]
    hand: bool = False


@dataclass(frozen=True, slots=True)
class Drawn:
    """One text a page drew: its face, the text and its box in the image's pixels."""

    face: str
    text: str
    box: tuple[int, int, int, int]


_RECORDERS: list[list[Drawn]] = []


@contextmanager
def recording() -> Iterator[list[Drawn]]:
    """Collect every text the pages drawn inside the ``with`` draw, in drawing order."""
    drawn: list[Drawn] = []
    _RECORDERS.append(drawn)
    try:
        yield drawn
    finally:
        _RECORDERS.remove(drawn)


class Page:
    """One page being drawn, in 300-dpi design coordinates."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.scale = dpi / 300
        self.image = Image.new(
            "RGB", (round(PAGE_WIDTH * self.scale), round(PAGE_HEIGHT * self.scale)), "white"
        )
        self.draw = ImageDraw.Draw(self.image)
        self.jitter = random.Random(style["seed"])
        self.rules = bool(style["rules"])
        self.spacing = float(style["spacing"])
        ink: tuple[int, int, int] = tuple(style["ink"])
        label = fonts.family(style["label_font"])
        value = fonts.family(style["value_font"])
        dark = (25, 25, 25)
        self.faces = {
            "label": Face(
                label.bold if style["label_bold"] else label.regular, style["label_size"], dark
            ),
            "value": Face(value.regular, style["value_size"], ink, bool(style["handwriting"])),
            "heading": Face(label.bold, 58, dark),
            "small": Face(label.regular, 38, (60, 60, 60)),
        }

    def add_face(self, name: str, family: str, size: int, *, bold: bool = False) -> None:
        found = fonts.family(family)
        self.faces[name] = Face(found.bold if bold else found.regular, size, (20, 20, 20))

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def width(self, text: str, face: str, size: float | None = None) -> float:
        """Width of ``text`` in design pixels."""
        f = self.faces[face]
        return fonts.font_at(f.path, round(size or f.size)).getlength(text)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        face: str = "label",
        *,
        anchor: str = "ls",
        max_width: float | None = None,
        size: float | None = None,
    ) -> float:
        """Draw ``text`` with its baseline at ``y``; returns the design x where it ends."""
        if not text:
            return x
        f = self.faces[face]
        size = size or f.size
        width = self.width(text, face, size)
        if max_width is not None and width > max_width:  # shrink to fit its line
            size, width = size * max_width / width, max_width
        left = {"l": x, "m": x - width / 2, "r": x - width}[anchor[0]]
        if _RECORDERS:
            box = (
                self.px(left - 15),
                self.px(y - size * 1.05),
                self.px(left + width + 15),
                self.px(y + size * 0.4),
            )
            for recorder in _RECORDERS:
                recorder.append(Drawn(face, text, box))
        font = fonts.font_at(f.path, self.px(size))
        if f.hand:
            self._hand_text(left, y, text, font, f.fill)
        else:
            self.draw.text((self.px(left), self.px(y)), text, font=font, fill=f.fill, anchor="ls")
        return left + width

    def _hand_text(
        self, left: float, y: float, text: str, font: Any, fill: tuple[int, ...]
    ) -> None:
        """Handwriting: each value slightly rotated and off its baseline, as a hand writes."""
        angle = self.jitter.uniform(-1.8, 1.8)
        left += self.jitter.uniform(0, 12)
        y += self.jitter.uniform(-7, 5)
        x0, y0, x1, y1 = font.getbbox(text, anchor="ls")
        pad = self.px(12)
        mask = Image.new("L", (x1 - x0 + 2 * pad, y1 - y0 + 2 * pad), 0)
        ImageDraw.Draw(mask).text((pad - x0, pad - y0), text, font=font, fill=255, anchor="ls")
        turned = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        cx = self.px(left) + x0 - pad + mask.width / 2
        cy = self.px(y) + y0 - pad + mask.height / 2
        box = (round(cx - turned.width / 2), round(cy - turned.height / 2))
        self.image.paste(fill, (*box, box[0] + turned.width, box[1] + turned.height), turned)

    def rule(self, x0: float, x1: float, y: float, *, width: float = 3, fill: Any = _RULE) -> None:
        self.draw.line(
            [(self.px(x0), self.px(y)), (self.px(x1), self.px(y))],
            fill=fill,
            width=max(1, self.px(width)),
        )

    def field(
        self,
        label: str,
        value: str | None,
        x: float,
        y: float,
        end: float,
        *,
        value_x: float | None = None,
    ) -> None:
        """``Label: value`` on one baseline, the value over a form line up to ``end``."""
        label_end = self.text(x, y, label, "label")
        start = value_x if value_x is not None else label_end + 36
        if self.rules:
            self.rule(start - 12, end, y + 16)
        if value:
            self.text(start, y, value, "value", max_width=end - start - 10)

    def ellipse_by_hand(self, box: tuple[float, float, float, float], fill: Any) -> None:
        """A hand-drawn loop around ``box``: uneven radius, ends overlapping."""
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        phase = self.jitter.uniform(0, 2 * math.pi)
        start = self.jitter.uniform(0, 2 * math.pi)
        points = []
        for i in range(80):
            t = start + 2 * math.pi * 1.12 * i / 79
            wobble = 1 + 0.05 * math.sin(3 * t + phase) + 0.04 * i / 79
            points.append(
                (self.px(cx + rx * wobble * math.cos(t)), self.px(cy + ry * wobble * math.sin(t)))
            )
        self.draw.line(points, fill=fill, width=max(1, self.px(5)), joint="curve")

    def scribble(self, x0: float, x1: float, y: float, fill: Any) -> None:
        """A signature: a quick loopy stroke along a baseline."""
        points = []
        steps = 120
        loops = self.jitter.randint(4, 8)
        for i in range(steps):
            t = i / (steps - 1)
            px = x0 + (x1 - x0) * t + 40 * math.sin(2 * math.pi * loops * t)
            py = y - 30 - 45 * math.sin(2 * math.pi * loops * t + 1.2) * (1 - 0.6 * t)
            points.append((self.px(px), self.px(py)))
        self.draw.line(points, fill=fill, width=max(1, self.px(4)), joint="curve")


def wrap(page: Page, text: str, face: str, width: float) -> list[str]:
    """Greedy word wrap; the lines joined by single spaces give ``text`` back."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and page.width(candidate, face) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


# --- prescription ---------------------------------------------------------------------------


def rx_symbol(page: Page, style: Mapping[str, Any], x: float, y: float) -> float:
    """Draw the ℞ at baseline ``y``; returns where it ends."""
    page.add_face("rx", style["rx_font"], 150, bold=style["rx"] != "glyph")
    if style["rx"] == "glyph":
        return page.text(x, y, fonts.RX_GLYPH, "rx")
    if style["rx"] == "Rx":
        return page.text(x, y, "Rx", "rx")
    end = page.text(x, y, "R", "rx")
    # the stroke across the R's leg
    page.draw.line(
        [(page.px(end - 55), page.px(y - 10)), (page.px(end + 25), page.px(y + 55))],
        fill=(20, 20, 20),
        width=page.px(12),
    )
    return end + 25


def _render_prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> list[Image.Image]:
    page = Page(dpi, style)
    pad = style["variant"] == "pad"
    gap = page.spacing

    def label(text: str) -> str:
        return text.upper() if style["label_case"] == "upper" else text

    def date(name: str) -> str | None:
        value = fields.get(name)
        return format_date(value, style["date_format"]) if value else None

    # the prescriber's printed header, centred
    page.add_face("header_name", style["header_font"], 74, bold=True)
    page.add_face("header", style["header_font"], 48)
    y = 260.0
    if fields.get("prescriber"):
        page.text(PAGE_WIDTH / 2, y, fields["prescriber"], "header_name", anchor="ms")
        y += 84
    phone = extras.get("prescriber_phone")
    for line in (
        extras.get("specialty"),
        extras.get("prescriber_street"),
        extras.get("prescriber_city"),
        f"{style['phone_label']} {format_phone(phone, style['phone_format'])}" if phone else None,
    ):
        if line:
            page.text(PAGE_WIDTH / 2, y, line, "header", anchor="ms")
            y += 64
    page.rule(LEFT - 20, RIGHT + 20, y, width=5, fill=(30, 30, 30))
    page.rule(LEFT - 20, RIGHT + 20, y + 14, width=2, fill=(30, 30, 30))

    # Name / (Age) / Date, then Address
    y += 170 * gap
    age = extras.get("age") if pad else None
    name_end = 1230 if age is not None else 1520
    page.field(label("Name:"), fields.get("patient_name"), LEFT, y, name_end)
    if age is not None:
        page.field(label("Age:"), str(age), name_end + 60, y, 1580)
    page.field(label("Date:"), date("date"), 1660, y, RIGHT)
    y += 125 * gap
    page.field(label("Address:"), fields.get("patient_address"), LEFT, y, RIGHT)

    # ℞ and the medicines
    y += 230 * gap
    rx_end = rx_symbol(page, style, LEFT, y)
    if style["rx_inline"]:
        med_x = rx_end + 60
    else:
        med_x, y = LEFT + 120, y + 150 * gap
    for medicine in fields.get("medicines", ()):
        page.text(med_x, y, medicine, "value", max_width=RIGHT - med_x)
        y += 108 * gap

    # Directions over two or three lines
    y += 70 * gap
    page.text(LEFT, y, label("Directions:"), "label")
    text_x = LEFT + 60
    lines = wrap(page, fields.get("directions", ""), "value", RIGHT - text_x - 40)
    for i in range(max(3, len(lines))):
        y += 96 * gap
        if page.rules:
            page.rule(text_x - 12, RIGHT, y + 16)
        if i < len(lines):
            page.text(text_x, y, lines[i], "value", max_width=RIGHT - text_x)

    # Refill
    y += 140 * gap
    refills = fields.get("refills")
    refill_end = page.text(LEFT, y, label("Refill:"), "label")
    if pad:
        x = refill_end + 60
        ink = tuple(style["ink"])
        circled = False
        for token in ("0", "1", "2", "3", "4", "5", "PRN"):
            end = page.text(x, y, token, "label")
            if refills is not None and str(refills) == token:
                page.ellipse_by_hand((x - 28, y - 68, end + 28, y + 22), ink)
                circled = True
            x = end + 70
        if refills is not None and not circled:
            page.text(x + 40, y, str(refills), "value")
    else:
        start = refill_end + 36
        blank_end = start + (170 if refills == "PRN" else 130)
        if page.rules or refills is None:
            page.rule(start - 6, blank_end, y + 16)
        if refills is not None:
            page.text((start + blank_end) / 2, y, str(refills), "value", anchor="ms")
        if refills != "PRN":
            page.text(blank_end + 24, y, "times", "label")

    # signature, and a pad's DEA# / LIC #
    ink = tuple(style["ink"]) if pad else (25, 35, 110)
    page.rule(1500, RIGHT, 2960, width=3, fill=(60, 60, 60))
    page.text(1500, 3015, label("Signature"), "small")
    page.scribble(1560, 2200, 2950, ink)
    bottom_y = 2900.0
    for key, text in (("dea", "DEA#"), ("license", "LIC #")):
        if pad and extras.get(key):
            page.field(text, str(extras[key]), LEFT, bottom_y, 1350)
            bottom_y += 100
    return [page.image]


# --- patient medical record -----------------------------------------------------------------


def _yes_no(page: Page, style: Mapping[str, Any], x: float, y: float, value: str | None) -> None:
    """The answer to a yes/no question, marked the form's way."""
    mark = style["mark_style"]
    if mark == "word":
        if page.rules:
            page.rule(x - 12, x + 220, y + 16)
        if value:
            page.text(x, y, value.capitalize(), "value")
        return
    for option in ("yes", "no"):
        chosen = value == option
        if mark == "brackets":
            inner = page.width("X", "label") + 16
            x = page.text(x, y, "[", "label")
            if chosen:
                page.text(x + inner / 2, y, "X", "value", anchor="ms")
            x = page.text(x + inner, y, "]", "label")
        else:  # drawn boxes, ticked by hand
            side = 46
            page.draw.rectangle(
                [page.px(x), page.px(y - side), page.px(x + side), page.px(y)],
                outline=(40, 40, 40),
                width=max(1, page.px(3)),
            )
            if chosen:
                ink = page.faces["value"].fill
                tick = [(x + 6, y - 24), (x + 20, y - 6), (x + side + 12, y - side - 14)]
                page.draw.line(
                    [(page.px(a), page.px(b)) for a, b in tick],
                    fill=ink,
                    width=max(1, page.px(7)),
                    joint="curve",
                )
            x += side
        x = page.text(x + 20, y, option.capitalize(), "label") + 90


def _list_text(values: Sequence[str] | None, style: Mapping[str, Any]) -> str | None:
    if values is None:
        return None
    return ", ".join(values) if values else str(style["empty_list"]) or None


def split_address(address: str) -> list[str]:
    """The printed lines of a record's one-line address: street, city/state/zip, country."""
    parts = address.split(", ")
    if len(parts) <= 2:
        return parts
    country = parts[-1] if not any(c.isdigit() for c in parts[-1]) and len(parts) >= 4 else None
    middle = parts[1:-1] if country else parts[1:]
    lines = [parts[0], ", ".join(middle)]
    if country:
        lines.append(country)
    return lines


def _record_page(page: Page, style: Mapping[str, Any], number: int) -> None:
    page.add_face("title", style["title_font"], 84, bold=True)
    page.text(PAGE_WIDTH / 2, 280, "Patient Medical Record", "title", anchor="ms")
    page.text(PAGE_WIDTH / 2, 3170, f"Page {number} of 2", "small", anchor="ms")


def _heading(page: Page, y: float, text: str) -> None:
    page.text(LEFT - 20, y, text, "heading")
    page.rule(LEFT - 20, RIGHT + 20, y + 26, width=4, fill=(40, 40, 40))


def _render_record_page_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    page = Page(dpi, style)
    gap = page.spacing
    _record_page(page, style, 1)

    def date(name: str) -> str | None:
        value = fields.get(name)
        return format_date(value, style["date_format"]) if value else None

    def phone(value: str | None) -> str | None:
        return format_phone(value, style["phone_format"]) if value else None

    # record date, top right
    record = date("record_date") or ""
    value_width = max(page.width(record, "value"), 360)
    page.field("Date:", record, RIGHT - value_width - 170, 440, RIGHT, value_x=RIGHT - value_width)

    # Patient Information: left column beside Birth Date / Weight / Height
    y0 = 620.0
    _heading(page, y0, "Patient Information")
    address = fields.get("address")
    lines = list(extras.get("address_lines") or (split_address(address) if address else []))
    lines += [None] * (3 - len(lines))
    left_rows = (
        ("Name:", fields.get("patient_name")),
        ("Phone:", phone(fields.get("phone"))),
        ("Street:", lines[0]),
        ("City/State/Zip:", lines[1]),
        ("Country:", lines[2]),
    )
    value_x = LEFT + max(page.width(text, "label") for text, _ in left_rows) + 40
    for i, (text, value) in enumerate(left_rows):
        page.field(text, value, LEFT, y0 + (130 + 108 * i) * gap, 1450, value_x=value_x)

    def with_unit(name: str, unit_key: str) -> str | None:
        if name not in fields:
            return None
        unit = extras.get(unit_key) or ""
        return f"{format_number(fields[name])} {unit}".strip()

    right_rows = (
        ("Birth Date:", date("birth_date")),
        ("Weight:", with_unit("weight", "weight_unit")),
        ("Height:", with_unit("height", "height_unit")),
    )
    right_x = 1580
    value_x = right_x + max(page.width(text, "label") for text, _ in right_rows) + 40
    for i, (text, value) in enumerate(right_rows):
        page.field(text, value, right_x, y0 + (130 + 108 * i) * gap, RIGHT, value_x=value_x)

    # In Case of Emergency
    y = y0 + (130 + 108 * 5 + 140) * gap
    _heading(page, y, "In Case of Emergency")
    y += 130 * gap
    page.field("Name:", fields.get("emergency_contact_name"), LEFT, y, 1450)
    page.field("Home Phone:", phone(fields.get("emergency_contact_phone")), right_x, y, RIGHT)
    y += 108 * gap
    page.field("Address:", fields.get("emergency_contact_address"), LEFT, y, RIGHT)
    y += 108 * gap
    page.field("Work Phone:", phone(extras.get("emergency_work_phone")), right_x, y, RIGHT)

    # General Medical History
    y += 170 * gap
    _heading(page, y, "General Medical History")
    rows = (("Chicken Pox (Varicella):", "chicken_pox"), ("Measles:", "measles"))
    value_x = LEFT + max(page.width(text, "label") for text, _ in rows) + 50
    for text, name in rows:
        y += 115 * gap
        value = fields.get(name)
        page.field(text, value.upper() if value else None, LEFT, y, value_x + 520, value_x=value_x)
    y += 130 * gap
    end = page.text(LEFT, y, "Have you had the Hepatitis B vaccination?", "label")
    _yes_no(page, style, end + 50, y, fields.get("hepatitis_b_vaccination"))
    y += 130 * gap
    page.text(LEFT, y, "List any Medical Problems (asthma, seizures, headaches):", "label")
    y += 105 * gap
    page.field("", _list_text(fields.get("medical_problems"), style), LEFT + 40, y, RIGHT)
    y += 105 * gap
    if page.rules:
        page.rule(LEFT + 40, RIGHT, y + 16)
    return page.image


def _render_record_page_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    page = Page(dpi, style)
    gap = page.spacing
    _record_page(page, style, 2)
    y = 520.0
    _heading(page, y, "Insurance Information")
    y += 140 * gap
    end = page.text(LEFT, y, "Do you have medical insurance?", "label")
    _yes_no(page, style, end + 50, y, fields.get("has_insurance"))
    expiry = fields.get("insurance_expiry")
    rows = (
        ("Insurance Company:", fields.get("insurance_company")),
        ("Policy Number:", extras.get("policy_number_printed") or fields.get("policy_number")),
        ("Insurance Address:", fields.get("insurance_address")),
        ("Expiry Date:", format_date(expiry, style["date_format"]) if expiry else None),
    )
    value_x = LEFT + max(page.width(text, "label") for text, _ in rows) + 40
    for text, value in rows:
        y += 115 * gap
        page.field(text, value, LEFT, y, RIGHT, value_x=value_x)

    y += 200 * gap
    _heading(page, y, "Allergies and Medication")
    lists = (
        ("Allergies:", _list_text(fields.get("allergies"), style)),
        ("Regular Medication:", _list_text(fields.get("regular_medication"), style)),
    )
    value_x = LEFT + max(page.width(text, "label") for text, _ in lists) + 40
    for text, value in lists:
        y += 130 * gap
        page.field(text, value, LEFT, y, RIGHT, value_x=value_x)

    page.rule(1500, RIGHT, 2960, width=3, fill=(60, 60, 60))
    page.text(1500, 3015, "Patient Signature", "small")
    page.scribble(1560, 2150, 2950, (25, 35, 110))
    return page.image


def render_pages(
    document_type: str,
    fields: Mapping[str, Any],
    extras: Mapping[str, Any],
    style: Mapping[str, Any],
    *,
    dpi: int = 300,
    pages: int | None = None,
) -> list[Image.Image]:
    """The document's pages as RGB images; ``pages=1`` draws only a record's first page."""
    if document_type == "prescription":
        return _render_prescription(fields, extras, style, dpi)
    if document_type == "patient_details":
        images = [_render_record_page_one(fields, extras, style, dpi)]
        if pages is None or pages > 1:
            images.append(_render_record_page_two(fields, extras, style, dpi))
        return images
    raise ValueError(f"unknown document type {document_type!r}")
