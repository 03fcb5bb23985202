"""A boxed grid form: ruled cells, a small label in each cell's top-left corner, values inside.

Choices are printed options with a check box before each, the chosen one ticked or crossed
(one mark style per document). Section bars split the record; the prescription's refills are a
row of boxes ``0 1 2 3 4 5 PRN``, so a grid prescription's refills are one of those.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render
from tests.corpus.families import common

LEFT, RIGHT = render.LEFT - 40, render.RIGHT + 40
REFILL_OPTIONS = ("0", "1", "2", "3", "4", "5", "PRN")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, the corner labels' case and size, the check mark and the row height."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(40, 46), value_size=(46, 54)
    )
    style.update(
        corner_size=rnd.randint(31, 36),
        corner_case=rnd.choice(("upper", "title")),
        mark=rnd.choice(("tick", "cross")),
        row=rnd.randint(150, 168),
        bar_fill=rnd.choice(([215, 215, 215], [200, 215, 235], [230, 225, 205])),
    )
    if document_type == "prescription":
        style["prescriber_written"] = True
    else:
        style["empty_list"] = rnd.choice(("N/A", "None", ""))
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one grid form."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        if "refills" in fields and str(fields["refills"]) not in REFILL_OPTIONS:
            fields["refills"] = rnd.randint(0, 5)
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    fields, extras = common.record_content(rnd)
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


class _Grid:
    """A page of ruled cells, drawn row by row from the top."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        label = fonts.family(style["label_font"])
        self.page.faces["corner"] = render.Face(
            label.bold if style["label_bold"] else label.regular,
            int(style["corner_size"]),
            (45, 45, 45),
        )
        self.page.add_face("title", style["title_font"], 72, bold=True)
        self.page.add_face("bar", style["label_font"], 42, bold=True)
        self.row = float(style["row"])

    def label(self, text: str) -> str:
        return text.upper() if self.style["corner_case"] == "upper" else text

    def cell(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        label: str,
        value: str | None = None,
    ) -> None:
        """A ruled cell, its label in the top-left corner and ``value`` along its bottom."""
        common.box(self.page, x0, y0, x1, y1)
        self.page.text(
            x0 + 14, y0 + 14 + self.style["corner_size"] * 0.75, self.label(label), "corner"
        )
        if value:
            self.page.text(x0 + 24, y1 - 30, value, "value", max_width=x1 - x0 - 44)

    def lines_cell(
        self, x0: float, y0: float, x1: float, y1: float, label: str, lines: Sequence[str]
    ) -> None:
        """A tall cell holding several value lines."""
        self.cell(x0, y0, x1, y1, label)
        step = self.page.faces["value"].size + 34
        y = y0 + 40 + step
        for line in lines:
            self.page.text(x0 + 24, y, line, "value", max_width=x1 - x0 - 44)
            y += step

    def choice_cell(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        label: str,
        options: Sequence[tuple[str, str]],
        chosen: str | None,
        *,
        gap: float = 70,
    ) -> None:
        """A cell of printed options, each after a box; the chosen box marked."""
        self.cell(x0, y0, x1, y1, label)
        common.options_with_boxes(
            self.page, x0 + 30, y1 - 30, options, chosen, mark=self.style["mark"], gap=gap
        )

    def bar(self, y0: float, text: str) -> float:
        """A shaded section bar across the grid; returns its bottom."""
        page = self.page
        fill = tuple(self.style["bar_fill"])
        page.draw.rectangle(
            [page.px(LEFT), page.px(y0), page.px(RIGHT), page.px(y0 + 70)],
            fill=fill,
            outline=(35, 35, 35),
            width=max(1, page.px(3)),
        )
        page.text(LEFT + 20, y0 + 52, text.upper(), "bar")
        return y0 + 70


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    grid = _Grid(dpi, style)
    page = grid.page
    page.text(LEFT, 300, "PRESCRIPTION", "title")
    row = grid.row
    y = 380.0
    phone = common.phone_text(extras.get("prescriber_phone"), style)
    grid.cell(LEFT, y, 1600, y + row, "Prescriber", fields.get("prescriber"))
    grid.cell(1600, y, RIGHT, y + row, "Phone", phone)
    y += row
    grid.cell(LEFT, y, 1600, y + row, "Patient name", fields.get("patient_name"))
    grid.cell(1600, y, RIGHT, y + row, "Date", common.date_text(fields, "date", style))
    y += row
    grid.cell(LEFT, y, RIGHT, y + row, "Address", fields.get("patient_address"))
    y += row
    medicines = list(fields.get("medicines", ()))
    tall = 120 + 4 * (page.faces["value"].size + 34)
    grid.lines_cell(LEFT, y, RIGHT, y + tall, "Medication", medicines)
    y += tall
    lines = render.wrap(page, fields.get("directions", ""), "value", RIGHT - LEFT - 60)
    tall = 100 + 3 * (page.faces["value"].size + 34)
    grid.lines_cell(LEFT, y, RIGHT, y + tall, "Directions", lines)
    y += tall
    refills = fields.get("refills")
    grid.choice_cell(
        LEFT,
        y,
        RIGHT,
        y + row,
        "Refills",
        [(o, o) for o in REFILL_OPTIONS],
        str(refills) if refills is not None else None,
        gap=110,
    )
    y += row
    grid.cell(LEFT, y, RIGHT, y + 2 * row, "Signature")
    page.scribble(LEFT + 300, LEFT + 1000, y + 2 * row - 40, (25, 35, 110))
    return page.image


_IMMUNE = (("immune", "Immune"), ("not immune", "Not immune"))
_YES_NO = (("yes", "Yes"), ("no", "No"))
MIDDLE = 1400


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    grid = _Grid(dpi, style)
    page, row = grid.page, grid.row
    page.text(LEFT, 330, "PATIENT MEDICAL RECORD", "title")
    grid.cell(1800, 220, RIGHT, 220 + row, "Date", common.date_text(fields, "record_date", style))
    y = grid.bar(470, "Patient information")

    def measure(name: str, unit_key: str) -> str | None:
        if name not in fields:
            return None
        return f"{render.format_number(fields[name])} {extras.get(unit_key) or ''}".strip()

    street, city, country = common.address_lines(fields, extras)
    grid.cell(LEFT, y, MIDDLE, y + row, "Patient name", fields.get("patient_name"))
    birth = common.date_text(fields, "birth_date", style)
    grid.cell(MIDDLE, y, RIGHT, y + row, "Date of birth", birth)
    y += row
    grid.cell(LEFT, y, 1100, y + row, "Phone", common.phone_text(fields.get("phone"), style))
    grid.cell(1100, y, 1750, y + row, "Weight", measure("weight", "weight_unit"))
    grid.cell(1750, y, RIGHT, y + row, "Height", measure("height", "height_unit"))
    y += row
    grid.cell(LEFT, y, RIGHT, y + row, "Street address", street)
    y += row
    grid.cell(LEFT, y, 1750, y + row, "City / State / Zip", city)
    grid.cell(1750, y, RIGHT, y + row, "Country", country)
    y = grid.bar(y + row + 50, "Emergency contact")
    home = common.phone_text(fields.get("emergency_contact_phone"), style)
    work = common.phone_text(extras.get("emergency_work_phone"), style)
    grid.cell(LEFT, y, MIDDLE, y + row, "Name", fields.get("emergency_contact_name"))
    grid.cell(MIDDLE, y, RIGHT, y + row, "Home phone", home)
    y += row
    grid.cell(LEFT, y, MIDDLE, y + row, "Address", fields.get("emergency_contact_address"))
    grid.cell(MIDDLE, y, RIGHT, y + row, "Work phone", work)
    y = grid.bar(y + row + 50, "Medical history")
    grid.choice_cell(
        LEFT, y, MIDDLE, y + row, "Chicken pox (varicella)", _IMMUNE, fields.get("chicken_pox")
    )
    grid.choice_cell(MIDDLE, y, RIGHT, y + row, "Measles", _IMMUNE, fields.get("measles"))
    y += row
    grid.choice_cell(
        LEFT,
        y,
        RIGHT,
        y + row,
        "Hepatitis B vaccination",
        _YES_NO,
        fields.get("hepatitis_b_vaccination"),
    )
    y += row
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    grid.cell(LEFT, y, RIGHT, y + row, "Medical problems", problems)
    page.text(render.PAGE_WIDTH / 2, 3170, "1 / 2", "small", anchor="ms")
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    grid = _Grid(dpi, style)
    page, row = grid.page, grid.row
    y = grid.bar(300, "Insurance")
    grid.choice_cell(
        LEFT, y, RIGHT, y + row, "Medical insurance", _YES_NO, fields.get("has_insurance")
    )
    y += row
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    grid.cell(LEFT, y, MIDDLE, y + row, "Insurance company", fields.get("insurance_company"))
    grid.cell(MIDDLE, y, RIGHT, y + row, "Policy number", policy)
    y += row
    address = fields.get("insurance_address")
    grid.cell(LEFT, y, 1750, y + row, "Insurance address", address)
    expiry = common.date_text(fields, "insurance_expiry", style)
    grid.cell(1750, y, RIGHT, y + row, "Expiry date", expiry)
    y = grid.bar(y + row + 50, "Allergies and medication")
    for label, name in (("Allergies", "allergies"), ("Regular medication", "regular_medication")):
        grid.cell(
            LEFT, y, RIGHT, y + row, label, common.list_text(fields.get(name), style["empty_list"])
        )
        y += row
    grid.cell(LEFT, y + 50, RIGHT, y + 50 + 2 * row, "Patient signature")
    page.scribble(LEFT + 300, LEFT + 900, y + 50 + 2 * row - 40, (25, 35, 110))
    page.text(render.PAGE_WIDTH / 2, 3170, "2 / 2", "small", anchor="ms")
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
