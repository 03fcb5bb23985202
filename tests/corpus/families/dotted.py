"""The dotted family: values after dotted leaders, in numbered sections.

It was the held-out family of the previous round (measured there at 33% of fields, never seen by
the reader's author) and is now a tuned family; a fresh held-out family replaced it.

Values sit right of their labels after dotted leaders, in numbered sections, with the
immunities and the insurance in two-column tables; labels are drawn per document from
synonym lists.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import render
from tests.corpus.families import common

LEFT, RIGHT = render.LEFT, render.RIGHT

# Label synonyms; one of each is drawn per document.
_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Patient Intake Sheet", "Clinical Registration Form", "New Patient Summary"),
    "record_date": ("Date of visit", "Visit date", "Date seen"),
    "personal": ("Personal details", "About the patient", "Patient particulars"),
    "patient_name": ("Full name", "Patient's name", "Name in full"),
    "birth_date": ("DOB", "Birth Date", "Date of birth"),
    "phone": ("Tel", "Telephone", "Contact number"),
    "address": ("Home address", "Residential address", "Lives at"),
    "weight": ("Body weight", "Wt", "Weight"),
    "height": ("Stature", "Ht", "Height"),
    "kin": ("Next of kin", "Person to contact", "Emergency contact person"),
    "kin_name": ("Name", "Contact name", "Full name"),
    "kin_phone": ("Tel", "Telephone", "Daytime tel"),
    "kin_address": ("Address", "Contact address", "Lives at"),
    "history": ("Immunisation and history", "Health background", "Medical background"),
    "condition": ("Condition", "Disease", "Item"),
    "status": ("Status", "Answer", "Result"),
    "chicken_pox": ("Varicella (chicken pox)", "Chickenpox", "Varicella"),
    "measles": ("Measles", "Measles (rubeola)", "Rubeola / measles"),
    "hepatitis_b_vaccination": ("Hep B vaccine received", "Vaccinated against hepatitis B"),
    "medical_problems": ("Known conditions", "Ongoing illnesses", "Current diagnoses"),
    "insurance": ("Cover", "Health cover", "Insurance and cover"),
    "has_insurance": ("Insured?", "Holds health cover", "Covered by a plan"),
    "insurance_company": ("Insurer", "Health plan", "Carrier"),
    "policy_number": ("Policy #", "Member ID", "Plan no."),
    "insurance_address": ("Insurer address", "Plan address", "Claims address"),
    "insurance_expiry": ("Valid until", "Expiry Date", "Cover ends"),
    "medicines": ("Allergies and medicines", "Sensitivities and treatment", "Other"),
    "allergies": ("Known allergies", "Allergic to", "Sensitivities"),
    "regular_medication": ("Current medicines", "Takes regularly", "Repeat medicines"),
}
_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("Medication Order", "Prescription Form", "Treatment Order"),
    "prescriber": ("Prescribing physician", "Issued by", "Clinician"),
    "patient_name": ("Patient", "Issued to", "For"),
    "date": ("Date of issue", "Issued on", "Dated"),
    "patient_address": ("Patient address", "Residing at", "Address of patient"),
    "medicines": ("Medicine", "Item prescribed", "Preparation"),
    "directions": ("Instructions", "How to take", "Patient instructions"),
    "refills": ("Repeats", "Number of repeats", "Repeat count"),
}
_YES_NO = {"yes": ("Yes", "Y", "YES"), "no": ("No", "N", "NO")}
_IMMUNE = {"immune": ("Immune", "IMMUNE"), "not immune": ("Not immune", "NOT IMMUNE")}


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, leaders and one wording per label."""
    style = common.base_style(rnd, handwriting=handwriting, font=font)
    labels = _RX_LABELS if document_type == "prescription" else _RECORD_LABELS
    style["labels"] = {key: rnd.choice(options) for key, options in labels.items()}
    style["colon"] = rnd.choice(("", ":"))
    style["answer_form"] = rnd.randrange(3)
    style["shade"] = rnd.choice(([232, 232, 232], [225, 235, 245], [245, 240, 225]))
    if document_type == "prescription":
        style["prescriber_written"] = True
    else:
        style["empty_list"] = rnd.choice(("N/A", "None", "nil", ""))
        style["units_in_label"] = rnd.random() < 0.5
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    fields, extras = common.record_content(rnd)
    extras.pop("emergency_work_phone", None)  # this form has no place for it
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


def _dotted(page: render.Page, x0: float, x1: float, y: float, step: float = 22) -> None:
    """A dotted leader along a baseline, from x0 to x1."""
    r = 1.8
    x = x0
    while x < x1:
        page.draw.ellipse(
            [page.px(x - r), page.px(y - r), page.px(x + r), page.px(y + r)], fill=(70, 70, 70)
        )
        x += step


class _Sheet:
    """A page of ``label ........ value`` lines and small tables."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.page.add_face("title", style["title_font"], 76, bold=True)
        self.page.add_face("section", style["label_font"], 52, bold=True)
        self.section_number = 0

    def label(self, key: str) -> str:
        text = self.labels[key]
        return text if text.endswith("?") else f"{text}{self.style['colon']}"

    def leader(
        self, x: float, y: float, key: str, value: str | None, value_x: float, end: float
    ) -> None:
        """``label ........ value``: dots from the label to where the value starts."""
        label_end = self.page.text(x, y, self.label(key), "label")
        if value:
            width = self.page.width(value, "value")
            start = value_x
            _dotted(self.page, label_end + 20, start - 36, y)
            self.page.text(start, y, value, "value", max_width=end - start)
            if start + width < end - 80:
                _dotted(self.page, min(start + width, end) + 40, end, y)
        else:
            _dotted(self.page, label_end + 20, end, y)

    def section(self, y: float, key: str) -> float:
        self.section_number += 1
        self.page.text(LEFT - 20, y, f"{self.section_number}. {self.labels[key]}", "section")
        return y + 110

    def table(
        self, y: float, rows: Sequence[tuple[str, str | None]], header: tuple[str, str] | None
    ) -> float:
        """A two-column table, labels in a shaded left column; returns its bottom."""
        page = self.page
        split = 1150
        height = 118
        all_rows = ([header] if header else []) + list(rows)
        top = y
        for i, (label, value) in enumerate(all_rows):
            y0, y1 = top + i * height, top + (i + 1) * height
            is_header = header is not None and i == 0
            page.draw.rectangle(
                [page.px(LEFT), page.px(y0), page.px(split), page.px(y1)],
                fill=tuple(self.style["shade"]),
            )
            common.box(page, LEFT, y0, split, y1, width=2)
            common.box(page, split, y0, RIGHT, y1, width=2)
            page.text(LEFT + 24, y1 - 38, label, "label")
            if value:
                face = "label" if is_header else "value"
                page.text(split + 30, y1 - 36, value, face, max_width=RIGHT - split - 50)
        return top + len(all_rows) * height


def _answer(value: str | None, table: Mapping[str, tuple[str, ...]], form: int) -> str | None:
    if not value:
        return None
    options = table[value]
    return options[min(form, len(options) - 1)]


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.text(LEFT - 20, 280, sheet.labels["title"], "title")
    sheet.leader(
        1450, 400, "record_date", common.date_text(fields, "record_date", style), 1900, RIGHT
    )
    y = sheet.section(560, "personal")
    value_x = 900
    street, city, country = common.address_lines(fields, extras)
    address = ", ".join(part for part in (street, city, country) if part)
    for key, value in (
        ("patient_name", fields.get("patient_name")),
        ("birth_date", common.date_text(fields, "birth_date", style)),
        ("phone", common.phone_text(fields.get("phone"), style)),
        ("address", address or None),
    ):
        sheet.leader(LEFT, y, key, value, value_x, RIGHT)
        y += 105

    def measure(name: str, unit_key: str) -> str | None:
        if name not in fields:
            return None
        number = render.format_number(fields[name])
        unit = extras.get(unit_key) or ""
        return number if style["units_in_label"] else f"{number} {unit}".strip()

    for x, key, unit_key, value_x, end in (
        (LEFT, "weight", "weight_unit", 700, 1200),
        (1300, "height", "height_unit", 1750, RIGHT),
    ):
        unit = extras.get(unit_key)
        if style["units_in_label"] and unit:
            sheet.labels = {**sheet.labels, key: f"{sheet.labels[key]} ({unit})"}
        sheet.leader(x, y, key, measure(key, unit_key), value_x, end)
    y += 180
    y = sheet.section(y, "kin")
    for key, value in (
        ("kin_name", fields.get("emergency_contact_name")),
        ("kin_phone", common.phone_text(fields.get("emergency_contact_phone"), style)),
        ("kin_address", fields.get("emergency_contact_address")),
    ):
        sheet.leader(LEFT, y, key, value, 900, RIGHT)
        y += 105
    y += 80
    y = sheet.section(y, "history")
    form = int(style["answer_form"])
    y = sheet.table(
        y - 40,
        [
            (sheet.labels["chicken_pox"], _answer(fields.get("chicken_pox"), _IMMUNE, form)),
            (sheet.labels["measles"], _answer(fields.get("measles"), _IMMUNE, form)),
            (
                sheet.labels["hepatitis_b_vaccination"],
                _answer(fields.get("hepatitis_b_vaccination"), _YES_NO, form),
            ),
        ],
        (sheet.labels["condition"], sheet.labels["status"]),
    )
    y += 120
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    sheet.leader(LEFT, y, "medical_problems", problems, 900, RIGHT)
    page.text(RIGHT, 3170, "p. 1", "small", anchor="rs")
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    sheet.section_number = 3
    page = sheet.page
    y = sheet.section(300, "insurance")
    form = int(style["answer_form"])
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    y = sheet.table(
        y - 40,
        [
            (sheet.label("has_insurance"), _answer(fields.get("has_insurance"), _YES_NO, form)),
            (sheet.label("insurance_company"), fields.get("insurance_company")),
            (sheet.label("policy_number"), policy),
            (sheet.label("insurance_address"), fields.get("insurance_address")),
            (
                sheet.label("insurance_expiry"),
                common.date_text(fields, "insurance_expiry", style),
            ),
        ],
        None,
    )
    y = sheet.section(y + 160, "medicines")
    for key in ("allergies", "regular_medication"):
        sheet.leader(
            LEFT, y, key, common.list_text(fields.get(key), style["empty_list"]), 900, RIGHT
        )
        y += 110
    page.text(RIGHT, 3170, "p. 2", "small", anchor="rs")
    return page.image


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    page.add_face("header", style["title_font"], 42)
    y = 240.0
    for line in (extras.get("prescriber_street"), extras.get("prescriber_city")):
        if line:
            page.text(RIGHT, y, line, "header", anchor="rs")
            y += 56
    phone = extras.get("prescriber_phone")
    if phone:
        page.text(RIGHT, y, f"T {common.phone_text(phone, style)}", "header", anchor="rs")
    page.text(LEFT - 20, 300, sheet.labels["title"], "title")
    y = 560.0
    value_x = 1000
    for key, value in (
        ("prescriber", fields.get("prescriber")),
        ("patient_name", fields.get("patient_name")),
        ("date", common.date_text(fields, "date", style)),
        ("patient_address", fields.get("patient_address")),
    ):
        sheet.leader(LEFT, y, key, value, value_x, RIGHT)
        y += 115
    y += 60
    medicines = list(fields.get("medicines", ()))
    rows = [(f"{i + 1}", m) for i, m in enumerate(medicines)]
    rows += [(f"{i + 1}", None) for i in range(len(rows), 4)]
    y = _medicine_table(sheet, y, sheet.labels["medicines"], rows)
    y += 120
    page.text(LEFT, y, sheet.label("directions"), "label")
    lines = render.wrap(page, fields.get("directions", ""), "value", RIGHT - LEFT - 100)
    for i in range(max(3, len(lines))):
        y += page.faces["value"].size + 40
        _dotted(page, LEFT + 40, RIGHT, y + 34)
        if i < len(lines):
            page.text(LEFT + 50, y, lines[i], "value", max_width=RIGHT - LEFT - 60)
    y += 150
    refills = fields.get("refills")
    sheet.leader(LEFT, y, "refills", str(refills) if refills is not None else None, 900, 1300)
    page.rule(1500, RIGHT, 2960, width=3, fill=(60, 60, 60))
    page.scribble(1560, 2200, 2950, (25, 35, 110))
    return page.image


def _medicine_table(
    sheet: _Sheet, y: float, header: str, rows: Sequence[tuple[str, str | None]]
) -> float:
    page = sheet.page
    height = 112
    page.draw.rectangle(
        [page.px(LEFT), page.px(y), page.px(RIGHT), page.px(y + height)],
        fill=tuple(sheet.style["shade"]),
    )
    common.box(page, LEFT, y, RIGHT, y + height, width=2)
    page.text(LEFT + 150, y + height - 36, header, "label")
    y += height
    for number, medicine in rows:
        common.box(page, LEFT, y, LEFT + 120, y + height, width=2)
        common.box(page, LEFT + 120, y, RIGHT, y + height, width=2)
        page.text(LEFT + 40, y + height - 36, number, "label")
        if medicine:
            page.text(LEFT + 150, y + height - 34, medicine, "value", max_width=RIGHT - LEFT - 180)
        y += height
    return y


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
