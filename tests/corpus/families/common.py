"""What the layout families share: date and phone styles, drawing helpers, content tweaks.

Every family draws on :class:`tests.corpus.render.Page` (300-dpi design coordinates) and keeps
the truth canonical: a date is printed in the document's ``date_style`` and a phone in its
``phone_style``, while ``fields`` keep ISO dates and ``(NNN) NNN-NNNN`` phones.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from PIL import Image

from tests.corpus import fonts, render, values

# fmt: off
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# fmt: on

# name: how 2023-03-14 looks. The ``*_short`` styles print two-digit years, used only for
# dates from 2000 to 2039 (record, prescription and expiry dates); a birth date in such a
# document keeps four digits, so its century is never a guess.
DATE_STYLES = {
    "mdy_slash": "03/14/2023",
    "dmy_slash": "14/03/2023",
    "dmy_dot": "14.03.2023",
    "mdy_short": "3/14/23",
    "dmy_short": "14/3/23",
    "dmy_long": "14 March 2023",
    "dmy_text": "14 Mar 2023",
    "mdy_long": "March 14, 2023",
    "mdy_plain": "March 14 2023",
    "iso": "2023-03-14",
}
DAY_FIRST_NUMERIC = frozenset({"dmy_slash", "dmy_dot", "dmy_short"})

# name: how (415) 555-0182 looks
PHONE_STYLES = {
    "paren": "(415) 555-0182",
    "dash": "415-555-0182",
    "dot": "415.555.0182",
    "space": "415 555 0182",
    "intl": "+1 415 555 0182",
    "paren_tight": "(415)555-0182",
}

DARK = (25, 25, 25)


def format_date(iso_date: str, style: str, *, short_year: bool = True) -> str:
    """An ISO date as ``style`` prints it; ``short_year=False`` keeps four-digit years."""
    day = dt.date.fromisoformat(iso_date)
    year = str(day.year)
    if style.endswith("_short"):
        if short_year and 2000 <= day.year < 2040:
            year = f"{day.year % 100:02d}"
        if style == "mdy_short":
            return f"{day.month}/{day.day}/{year}"
        return f"{day.day}/{day.month}/{year}"
    month = MONTHS[day.month - 1]
    forms = {
        "mdy_slash": f"{day.month:02d}/{day.day:02d}/{year}",
        "dmy_slash": f"{day.day:02d}/{day.month:02d}/{year}",
        "dmy_dot": f"{day.day:02d}.{day.month:02d}.{year}",
        "dmy_long": f"{day.day} {month} {year}",
        "dmy_text": f"{day.day} {month[:3]} {year}",
        "mdy_long": f"{month} {day.day}, {year}",
        "mdy_plain": f"{month} {day.day} {year}",
        "iso": day.isoformat(),
    }
    if style not in forms:
        raise ValueError(f"unknown date style {style!r}")
    return forms[style]


def format_phone(canonical: str, style: str) -> str:
    """A canonical ``(415) 555-0182`` as ``style`` prints it."""
    digits = "".join(c for c in canonical if c.isdigit())
    if len(digits) != 10:
        return canonical
    a, b, c = digits[:3], digits[3:6], digits[6:]
    forms = {
        "paren": f"({a}) {b}-{c}",
        "dash": f"{a}-{b}-{c}",
        "dot": f"{a}.{b}.{c}",
        "space": f"{a} {b} {c}",
        "intl": f"+1 {a} {b} {c}",
        "paren_tight": f"({a}){b}-{c}",
    }
    if style not in forms:
        raise ValueError(f"unknown phone style {style!r}")
    return forms[style]


def base_style(
    rnd: random.Random,
    *,
    handwriting: bool,
    font: str | None,
    label_size: tuple[int, int] = (40, 48),
    value_size: tuple[int, int] = (48, 58),
) -> dict[str, Any]:
    """The keys :class:`~tests.corpus.render.Page` needs, plus a date and a phone style."""
    printed = fonts.families(handwriting=False)
    label_font = rnd.choice(printed).name
    if font is not None:
        value_font = fonts.family(font).name
    elif handwriting:
        value_font = rnd.choice(fonts.families(handwriting=True)).name
    else:
        value_font = rnd.choice(printed).name
    low, high = value_size
    return {
        "seed": rnd.getrandbits(32),
        "label_font": label_font,
        "label_bold": rnd.random() < 0.4,
        "label_size": rnd.randint(*label_size),
        "value_font": value_font,
        "value_size": rnd.randint(low + 6, high + 6) if handwriting else rnd.randint(low, high),
        "handwriting": handwriting,
        "ink": list(rnd.choice(render.HAND_INKS)) if handwriting else [rnd.randint(10, 40)] * 3,
        "rules": True,
        "spacing": 1.0,
        "date_style": rnd.choice(sorted(DATE_STYLES)),
        "phone_style": rnd.choice(sorted(PHONE_STYLES)),
        "title_font": rnd.choice(printed).name,
    }


def settle_day_order(
    fields: dict[str, Any], names: Sequence[str], style: Mapping[str, Any], rnd: random.Random
) -> None:
    """Make a day-first numeric document's first date tell its order (day above 12).

    The spec reads an ambiguous numeric date month first unless the document's own dates show
    otherwise; a day-first page therefore shows at least one date whose day cannot be a month,
    and it is the first one in ``names`` the page carries (page 1, so a one-page image keeps it).
    """
    if style["date_style"] not in DAY_FIRST_NUMERIC:
        return
    for name in names:
        if name in fields:
            day = dt.date.fromisoformat(fields[name])
            if day.day <= 12:
                fields[name] = day.replace(day=rnd.randint(13, 28)).isoformat()
            return


def date_text(fields: Mapping[str, Any], name: str, style: Mapping[str, Any]) -> str | None:
    """A date field as the page prints it (birth dates always with four-digit years)."""
    value = fields.get(name)
    if not value:
        return None
    return format_date(value, style["date_style"], short_year=name != "birth_date")


def phone_text(value: str | None, style: Mapping[str, Any]) -> str | None:
    """A phone as the page prints it."""
    return format_phone(value, style["phone_style"]) if value else None


def list_text(items: Sequence[str] | None, empty: str) -> str | None:
    """A list field printed comma-separated; ``empty`` (``N/A``, ``None``, ``""``) for none."""
    if items is None:
        return None
    return ", ".join(items) if items else empty or None


def record_content(rnd: random.Random) -> tuple[dict[str, Any], dict[str, Any]]:
    """A patient record's fields and extras, drawn the classic family's way."""
    return values.patient_details_content(rnd)


def prescription_content(
    rnd: random.Random, *, pad: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A prescription's fields and extras, drawn the classic family's way."""
    return values.prescription_content(rnd, pad=pad)


def address_lines(fields: Mapping[str, Any], extras: Mapping[str, Any]) -> list[str | None]:
    """The patient address's three printed rows (street, city line, country), ``None`` padded."""
    address = fields.get("address")
    lines: list[str | None] = list(
        extras.get("address_lines") or (render.split_address(address) if address else [])
    )
    return lines + [None] * (3 - len(lines))


# The gray a family's pages draw their rules and boxes in unless told otherwise.
RULE_GRAY = (70, 70, 70)


class Drawing:
    """Ink, rules and rectangles in a page's units, as every family's page drawer needs them."""

    page: render.Page

    def ink(self) -> tuple[int, int, int]:
        """The colour the values are written in."""
        fill = self.page.faces["value"].fill
        return (fill[0], fill[1], fill[2])

    def line(
        self, x0: float, y0: float, x1: float, y1: float, width: float = 2, fill: Any = RULE_GRAY
    ) -> None:
        page = self.page
        page.draw.line(
            [(page.px(x0), page.px(y0)), (page.px(x1), page.px(y1))],
            fill=fill,
            width=max(1, page.px(width)),
        )

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        fill: Any = None,
        outline: Any = RULE_GRAY,
        width: float = 2,
    ) -> None:
        page = self.page
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            fill=fill,
            outline=outline,
            width=max(1, page.px(width)) if outline else 0,
        )


def checkbox(
    page: render.Page,
    x: float,
    y: float,
    *,
    checked: bool,
    mark: str,
    side: float = 44,
) -> float:
    """A printed box whose bottom-left is at (x, baseline y), ticked or crossed when checked.

    Returns where the box ends. ``mark`` is ``"tick"`` or ``"cross"``; the mark is in the
    values' ink.
    """
    page.draw.rectangle(
        [page.px(x), page.px(y - side), page.px(x + side), page.px(y)],
        outline=(40, 40, 40),
        width=max(1, page.px(3)),
    )
    if checked:
        ink = page.faces["value"].fill
        width = max(1, page.px(7))
        if mark == "tick":
            points = [
                (x + 6, y - side / 2),
                (x + side * 0.42, y - 6),
                (x + side + 14, y - side - 16),
            ]
            page.draw.line([(page.px(a), page.px(b)) for a, b in points], fill=ink, width=width)
        else:
            for (a, b), (c, d) in (
                ((x + 4, y - side + 4), (x + side - 4, y - 4)),
                ((x + side - 4, y - side + 4), (x + 4, y - 4)),
            ):
                page.draw.line(
                    [(page.px(a), page.px(b)), (page.px(c), page.px(d))], fill=ink, width=width
                )
    return x + side


def options_with_boxes(
    page: render.Page,
    x: float,
    y: float,
    options: Iterable[tuple[str, str]],
    chosen: str | None,
    *,
    mark: str,
    face: str = "label",
    gap: float = 70,
) -> float:
    """``[ ] Yes  [x] No``: a box before each printed option, the chosen one marked."""
    for key, text in options:
        x = checkbox(page, x, y, checked=key == chosen, mark=mark)
        x = page.text(x + 30, y, text, face) + gap
    return x


def circled_options(
    page: render.Page,
    x: float,
    y: float,
    options: Iterable[tuple[str, str]],
    chosen: str | None,
    *,
    face: str = "label",
    gap: float = 80,
) -> float:
    """Printed options in a row, the chosen one ringed by hand in the values' ink."""
    ink = page.faces["value"].fill
    for key, text in options:
        end = page.text(x, y, text, face)
        if key == chosen:
            height = page.faces[face].size
            page.ellipse_by_hand((x - 40, y - height - 26, end + 40, y + 26), ink)
        x = end + gap
    return x


def box(page: render.Page, x0: float, y0: float, x1: float, y1: float, width: float = 3) -> None:
    """A ruled rectangle (a grid cell's outline)."""
    page.draw.rectangle(
        [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
        outline=(35, 35, 35),
        width=max(1, page.px(width)),
    )


# draws one page of a form from (fields, extras, style, dpi)
PageDrawer = Callable[[Mapping[str, Any], Mapping[str, Any], Mapping[str, Any], int], Image.Image]


class RenderPages(Protocol):
    """A family's ``render_pages`` (see the package docstring)."""

    def __call__(
        self,
        document_type: str,
        fields: Mapping[str, Any],
        extras: Mapping[str, Any],
        style: Mapping[str, Any],
        *,
        dpi: int,
        pages: int | None,
    ) -> list[Image.Image]: ...


def form_renderer(drawers: tuple[PageDrawer, PageDrawer, PageDrawer]) -> RenderPages:
    """A family's ``render_pages`` from its (prescription, record page 1, record page 2) drawers.

    A prescription is one page; a record two, or only its first with ``pages=1``.
    """
    prescription, record_one, record_two = drawers

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
        if document_type == "prescription":
            return [prescription(fields, extras, style, dpi)]
        images = [record_one(fields, extras, style, dpi)]
        if pages is None or pages > 1:
            images.append(record_two(fields, extras, style, dpi))
        return images

    return render_pages
