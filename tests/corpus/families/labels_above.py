"""The printed form as analysts receive it: every label above its value, in two columns.

Patient record (``shared/spec/documents.md``, "The form as analysts receive it"): the record
date alone at the top right (often day-first, ``17/12/2020``); under *Patient Information* the
name, phone and address rows with no labels of their own, ``Birth Date`` / ``Weight`` /
``Height`` in the right column each over its value; under *In Case of Emergency* the contact's
name unlabelled, ``Home phone`` over its number, the contact's address unlabelled in the right
column with ``Work phone`` below it; the immunities and yes/no answers on the line below their
question. Page 2, *Medical Insurance Details*: ``Name of Insurance Company:``,
``Policy Number:``, the insurer's address unlabelled, ``Expiry Date:``,
``Do you have medical insurance?``, ``List any allergies:``,
``List any medication taken regularly:``, each over its value.

Prescription: a printed form with the doctor's name in a printed header and ``Patient Name``,
``Date``, ``Address``, ``Medication``, ``Directions`` and ``Refills`` each printed above its
value.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from PIL import Image

from tests.corpus import fonts, render
from tests.corpus.families import common

LEFT, RIGHT = render.LEFT, render.RIGHT
COLUMN = 1380  # the right column's left edge

# The real form prints dates day-first more often than not.
_DATE_STYLES = ("dmy_slash", "dmy_slash", "dmy_long", "mdy_plain", "dmy_short", "mdy_slash")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, sizes, the date and phone styles and the label variants of one form."""
    style = common.base_style(rnd, handwriting=handwriting, font=font)
    style["date_style"] = rnd.choice(_DATE_STYLES)
    style["label_colour"] = rnd.choice(([25, 25, 25], [70, 70, 70], [30, 50, 110]))
    style["rules"] = rnd.random() < 0.5
    if document_type == "prescription":
        printed = fonts.families(handwriting=False)
        style.update(
            header_font=rnd.choice(printed).name,
            header_align=rnd.choice(("left", "centre")),
            phone_label=rnd.choice(("Tel.", "Phone:", "T:")),
            medicines_label=rnd.choice(("Medication", "Rx", "Prescribed medication")),
            directions_label=rnd.choice(("Directions", "Directions for use", "Sig")),
        )
    else:
        style.update(
            empty_list=rnd.choice(("N/A", "None", "")),
            unit_labels=rnd.random() < 0.5,
            yes_no_case=rnd.choice(("title", "upper")),
        )
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one labels-above document."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    fields, extras = common.record_content(rnd)
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


class _Form:
    """A page whose labels sit above their values."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        label = fonts.family(style["label_font"])
        size = int(style["label_size"])
        face = label.bold if style["label_bold"] else label.regular
        colour: tuple[int, int, int] = tuple(style["label_colour"])
        self.page.faces["label"] = render.Face(face, size, colour)
        self.page.add_face("title", style["title_font"], 80, bold=True)
        self.label_gap = size + 22  # label baseline to value baseline
        self.value_gap = int(style["value_size"]) + 34

    def labelled(
        self, x: float, y: float, label: str, value: str | None, end: float
    ) -> tuple[float, float]:
        """``label`` at baseline ``y``, ``value`` on the line below; returns the value's line."""
        self.page.text(x, y, label, "label")
        return self.value(x, y + self.value_gap, value, end), y + self.value_gap

    def value(self, x: float, y: float, value: str | None, end: float) -> float:
        """A value on its own line (over a rule when the form rules its lines)."""
        if self.page.rules:
            self.page.rule(x - 8, end, y + 16, width=2)
        if value:
            self.page.text(x, y, value, "value", max_width=end - x - 10)
        return y

    def heading(self, y: float, text: str) -> None:
        self.page.text(LEFT - 20, y, text, "heading")
        self.page.rule(LEFT - 20, RIGHT + 20, y + 24, width=4, fill=(40, 40, 40))


def _yes_no(value: str | None, style: Mapping[str, Any]) -> str | None:
    if not value:
        return None
    return value.upper() if style["yes_no_case"] == "upper" else value.capitalize()


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    page.text(LEFT - 20, 290, "Patient Medical Record", "title")
    record = common.date_text(fields, "record_date", style)
    if record:  # alone at the top right
        page.text(RIGHT, 290, record, "value", anchor="rs")

    y0 = 520.0
    form.heading(y0, "Patient Information")
    street, city, country = common.address_lines(fields, extras)
    rows = (
        fields.get("patient_name"),
        common.phone_text(fields.get("phone"), style),
        street,
        city,
        country,
    )
    row = form.value_gap + 10
    for i, text in enumerate(rows):
        if text:
            page.text(LEFT, y0 + 120 + row * i, text, "value", max_width=COLUMN - LEFT - 60)

    def measure(name: str, unit_key: str, label: str) -> tuple[str, str | None]:
        unit = extras.get(unit_key) or ""
        if style["unit_labels"] and unit:
            label = f"{label} ({unit})"
        return label, render.format_number(fields[name]) if name in fields else None

    right = (
        ("Birth Date", common.date_text(fields, "birth_date", style)),
        measure("weight", "weight_unit", "Weight"),
        measure("height", "height_unit", "Height"),
    )
    y = y0 + 110
    for label, value in right:
        _, y = form.labelled(COLUMN, y, label, value, RIGHT)
        y += form.label_gap + 20

    y = max(y, y0 + 120 + row * 5) + 60
    form.heading(y, "In Case of Emergency")
    y += 120
    page.text(LEFT, y, fields.get("emergency_contact_name") or "", "value")
    if fields.get("emergency_contact_address"):
        page.text(COLUMN, y, fields["emergency_contact_address"], "value", max_width=RIGHT - COLUMN)
    phone_y = y + form.value_gap + 10
    form.labelled(
        LEFT,
        phone_y,
        "Home phone",
        common.phone_text(fields.get("emergency_contact_phone"), style),
        COLUMN - 80,
    )
    form.labelled(
        COLUMN,
        phone_y,
        "Work phone",
        common.phone_text(extras.get("emergency_work_phone"), style),
        RIGHT,
    )

    y = phone_y + form.value_gap + 150
    form.heading(y, "General Medical History")
    y += 120
    for x, label, name, end in (
        (LEFT, "Chicken Pox (Varicella):", "chicken_pox", COLUMN - 80),
        (COLUMN, "Measles:", "measles", RIGHT),
    ):
        value = fields.get(name)
        form.labelled(x, y, label, value.upper() if value else None, end)
    y += form.value_gap + form.label_gap + 40
    _, y = form.labelled(
        LEFT,
        y,
        "Have you had the Hepatitis B vaccination?",
        _yes_no(fields.get("hepatitis_b_vaccination"), style),
        COLUMN - 80,
    )
    y += form.label_gap + 40
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    form.labelled(
        LEFT, y, "List any Medical Problems (asthma, seizures, headaches):", problems, RIGHT
    )
    page.text(render.PAGE_WIDTH / 2, 3170, "Page 1 of 2", "small", anchor="ms")
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    y = 320.0
    form.heading(y, "Medical Insurance Details")
    y += 130
    _, value_y = form.labelled(
        LEFT, y, "Name of Insurance Company:", fields.get("insurance_company"), COLUMN - 80
    )
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    form.labelled(COLUMN, y, "Policy Number:", policy, RIGHT)
    address = fields.get("insurance_address")
    if address:  # unlabelled, under the company's name
        page.text(LEFT, value_y + form.value_gap, address, "value", max_width=COLUMN - LEFT - 80)
    y = value_y + 2 * form.value_gap + 40
    form.labelled(
        COLUMN,
        value_y + form.label_gap + 30,
        "Expiry Date:",
        common.date_text(fields, "insurance_expiry", style),
        RIGHT,
    )
    y += 60
    for label, value in (
        ("Do you have medical insurance?", _yes_no(fields.get("has_insurance"), style)),
        (
            "List any allergies:",
            common.list_text(fields.get("allergies"), style["empty_list"]),
        ),
        (
            "List any medication taken regularly:",
            common.list_text(fields.get("regular_medication"), style["empty_list"]),
        ),
    ):
        _, y = form.labelled(LEFT, y, label, value, RIGHT)
        y += form.label_gap + 50
    page.rule(1500, RIGHT, 2960, width=3, fill=(60, 60, 60))
    page.text(1500, 3015, "Signature", "small")
    page.text(render.PAGE_WIDTH / 2, 3170, "Page 2 of 2", "small", anchor="ms")
    return page.image


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    page.add_face("header_name", style["header_font"], 72, bold=True)
    page.add_face("header", style["header_font"], 44)
    centre = style["header_align"] == "centre"
    x, anchor = (render.PAGE_WIDTH / 2, "ms") if centre else (LEFT, "ls")
    y = 250.0
    page.text(x, y, fields["prescriber"], "header_name", anchor=anchor)
    y += 80
    phone = extras.get("prescriber_phone")
    for line in (
        extras.get("specialty"),
        extras.get("prescriber_street"),
        extras.get("prescriber_city"),
        f"{style['phone_label']} {common.format_phone(phone, style['phone_style'])}"
        if phone
        else None,
    ):
        if line:
            page.text(x, y, line, "header", anchor=anchor)
            y += 58
    page.rule(LEFT - 20, RIGHT + 20, y, width=4, fill=(30, 30, 30))

    y += 130
    form.labelled(LEFT, y, "Patient Name", fields.get("patient_name"), COLUMN - 80)
    _, y = form.labelled(COLUMN + 300, y, "Date", common.date_text(fields, "date", style), RIGHT)
    y += form.label_gap + 40
    _, y = form.labelled(LEFT, y, "Address", fields.get("patient_address"), RIGHT)

    y += form.label_gap + 70
    page.text(LEFT, y, style["medicines_label"], "label")
    for medicine in fields.get("medicines", ()):
        y += form.value_gap + 6
        page.text(LEFT + 40, y, medicine, "value", max_width=RIGHT - LEFT - 40)

    y += form.label_gap + 70
    page.text(LEFT, y, style["directions_label"], "label")
    lines = render.wrap(page, fields.get("directions", ""), "value", RIGHT - LEFT - 80)
    for i in range(max(2, len(lines))):
        y += form.value_gap
        form.value(LEFT + 40, y, lines[i] if i < len(lines) else None, RIGHT)

    y += form.label_gap + 70
    refills = fields.get("refills")
    form.labelled(LEFT, y, "Refills", str(refills) if refills is not None else None, LEFT + 400)

    page.rule(1500, RIGHT, 2960, width=3, fill=(60, 60, 60))
    page.text(1500, 3015, "Signature", "small")
    page.scribble(1560, 2200, 2950, (25, 35, 110))
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
