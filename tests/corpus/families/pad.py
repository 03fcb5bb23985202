"""A handwritten pad: capital labels with the values written on rules, choices circled.

Prescription: an optional practice header that names no doctor; ``NAME`` / ``AGE`` and
``ADDRESS`` / ``DATE`` on rules; an ℞; medicine lines carrying their dosing
(``Betaloc 100mg - 1 tab BID``: each line one ``medicines`` entry as written, so
``directions`` is absent); a refill row ``0 1 2 3 4 5 PRN`` with one choice ringed; ``DEA#``
and ``LIC #`` numbers printed at the bottom left; the prescriber's name signed above a
``signature`` rule (the prescriber of the truth).

Patient record: a ruled form with ``NAME``, ``PHONE``, ``ADDRESS`` (street, then the city
line on the next rule), ``BIRTH DATE`` / ``WEIGHT`` / ``HEIGHT``, the emergency contact's rows,
the immunities and the hepatitis B answer as ``IMMUNE  NOT IMMUNE`` / ``YES  NO`` with the
answer ringed by hand, and the medical problems; page 2 the insurance rows, ``MEDICAL
INSURANCE?  YES  NO`` ringed, the allergies and the medication.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = render.LEFT, render.RIGHT

# fmt: off
PRACTICES = (
    "Riverside Family Clinic", "Oak Street Medical Group", "Lakeview Health Center",
    "Northgate Practice", "Harbor Point Medical", "Sunrise Family Health",
    "Greenfield Medical Associates", "Westside Community Clinic",
)
_BRANDS = (
    ("Betaloc", ("50", "100"), "mg", "tab"), ("Lipitor", ("10", "20", "40"), "mg", "tab"),
    ("Zocor", ("20", "40"), "mg", "tab"), ("Norvasc", ("5", "10"), "mg", "tab"),
    ("Glucophage", ("500", "850"), "mg", "tab"), ("Synthroid", ("50", "75", "100"), "mcg", "tab"),
    ("Zoloft", ("50", "100"), "mg", "tab"), ("Augmentin", ("625", "875"), "mg", "tab"),
    ("Keflex", ("250", "500"), "mg", "cap"), ("Motrin", ("400", "600"), "mg", "tab"),
    ("Ventolin", ("100",), "mcg", ""), ("Lasix", ("20", "40"), "mg", "tab"),
)
_DOSING = (
    "1 {form} BID", "1 {form} TID", "1 {form} daily", "2 {form}s at night", "1 {form} QD",
    "1 {form} q8h", "1 {form} q12h", "1 {form} PRN pain", "1 {form} BID x 7 days",
    "1 {form} QID x 10 days", "1 {form} in the morning",
)
_INHALED = ("2 puffs PRN", "2 puffs q4h PRN", "1-2 puffs QID")
# fmt: on
_SEPARATORS = (" - ", " - ", " ")
# Pads print dates as the hand writes them: numeric forms and short written months.
_DATE_STYLES = ("mdy_slash", "mdy_short", "dmy_slash", "dmy_short", "dmy_text", "mdy_long")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, the ℞ form, the date and phone styles of one pad."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(40, 46), value_size=(52, 60)
    )
    style["date_style"] = rnd.choice(_DATE_STYLES)
    style["label_bold"] = True
    style["rule_colour"] = rnd.choice(([120, 120, 120], [120, 150, 200], [170, 130, 130]))
    if document_type == "prescription":
        printed = fonts.families(handwriting=False)
        rx_fonts = [f.name for f in printed if f.has_rx_glyph]
        rx = rnd.choice(render.RX_STYLES if rx_fonts else render.RX_STYLES[1:])
        style.update(
            rx=rx,
            rx_font=rnd.choice(rx_fonts) if rx == "glyph" else rnd.choice(printed).name,
            header_font=rnd.choice(printed).name,
            prescriber_written=True,
        )
    else:
        style["empty_list"] = rnd.choice(("N/A", "None", "-", ""))
    return style


def _medicine(rnd: random.Random) -> str:
    """``Betaloc 100mg - 1 tab BID``: a medicine with its dosing, as one line."""
    drug = rnd.choice(_BRANDS) if rnd.random() < 0.3 else rnd.choice(values.DRUGS)
    name, strengths, unit, form = drug
    dosing = rnd.choice(_DOSING).format(form=form) if form else rnd.choice(_INHALED)
    space = " " if rnd.random() < 0.4 else ""
    return f"{name} {rnd.choice(strengths)}{space}{unit}{rnd.choice(_SEPARATORS)}{dosing}"


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one pad."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd, pad=True)
        title = rnd.choice(("Dr. ", "Dr ", "Dr. "))
        fields["prescriber"] = (
            f"{title}{rnd.choice(values.FIRST_NAMES)} {rnd.choice(values.LAST_NAMES)}"
        )
        names: set[str] = set()
        medicines = []
        for _ in range(rnd.choice((1, 2, 2, 3, 3, 4))):
            line = _medicine(rnd)
            if line.split()[0] not in names:
                names.add(line.split()[0])
                medicines.append(line)
        fields["medicines"] = medicines
        fields.pop("directions", None)
        digits = "".join(rnd.choice("0123456789") for _ in range(7))
        extras["dea"] = f"{rnd.choice('ABFM')}{rnd.choice('ABCDEFGHJKLMNPRSTW')} {digits}"
        if rnd.random() < 0.8:
            extras["license"] = str(rnd.randint(100_000, 99_999_999))
        extras["practice"] = rnd.choice(PRACTICES) if rnd.random() < 0.6 else None
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    fields, extras = common.record_content(rnd)
    extras["practice"] = rnd.choice(PRACTICES) if rnd.random() < 0.5 else None
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


class _Pad:
    """A page of capital labels with values written on rules after them."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.rule_colour: tuple[int, int, int] = tuple(style["rule_colour"])

    def on_rule(self, x: float, y: float, label: str | None, value: str | None, end: float) -> None:
        """``LABEL ________`` with ``value`` written on the rule (no label: a continuation)."""
        start = self.page.text(x, y, label, "label") + 24 if label else x
        self.page.rule(start, end, y + 12, width=2, fill=self.rule_colour)
        if value:
            self.page.text(start + 14, y - 4, value, "value", max_width=end - start - 24)


def _header(pad: _Pad, practice: str | None, style: Mapping[str, Any], title: str) -> float:
    page = pad.page
    page.add_face("practice", style["title_font"], 64, bold=True)
    y = 230.0
    if practice:
        page.text(render.PAGE_WIDTH / 2, y, practice, "practice", anchor="ms")
        y += 80
    page.text(render.PAGE_WIDTH / 2, y, title, "heading", anchor="ms")
    page.rule(LEFT - 20, RIGHT + 20, y + 40, width=4, fill=(40, 40, 40))
    return y + 40


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    pad = _Pad(dpi, style)
    page = pad.page
    page.add_face("practice", style["header_font"], 70, bold=True)
    page.add_face("header", style["header_font"], 44)
    y = 240.0
    if extras.get("practice"):
        page.text(render.PAGE_WIDTH / 2, y, extras["practice"], "practice", anchor="ms")
        y += 70
        phone = extras.get("prescriber_phone")
        address = f"{extras['prescriber_street']}, {extras['prescriber_city']}"
        page.text(render.PAGE_WIDTH / 2, y, address, "header", anchor="ms")
        y += 58
        if phone:
            page.text(
                render.PAGE_WIDTH / 2,
                y,
                common.phone_text(phone, style) or "",
                "header",
                anchor="ms",
            )
            y += 58
        page.rule(LEFT - 20, RIGHT + 20, y, width=3, fill=(40, 40, 40))
    y = max(y, 420) + 180
    age = extras.get("age")
    pad.on_rule(LEFT, y, "NAME", fields.get("patient_name"), 1700)
    pad.on_rule(1760, y, "AGE", str(age) if age is not None else None, RIGHT)
    y += 140
    pad.on_rule(LEFT, y, "ADDRESS", fields.get("patient_address"), 1700)
    pad.on_rule(1760, y, "DATE", common.date_text(fields, "date", style), RIGHT)

    y += 260
    render.rx_symbol(page, style, LEFT, y)
    y += 60
    for i in range(5):
        y += 130
        page.rule(LEFT + 140, RIGHT, y + 12, width=2, fill=pad.rule_colour)
        medicines = fields.get("medicines", ())
        if i < len(medicines):
            page.text(LEFT + 160, y - 4, medicines[i], "value", max_width=RIGHT - LEFT - 180)

    y += 220
    end = page.text(LEFT, y, "REFILL", "label")
    x = end + 80
    refills = fields.get("refills")
    common.circled_options(
        page,
        x,
        y,
        [(token, token) for token in ("0", "1", "2", "3", "4", "5", "PRN")],
        str(refills) if refills is not None else None,
        gap=90,
    )

    bottom = 2800.0
    if extras.get("dea"):
        page.text(LEFT, bottom, f"DEA# {extras['dea']}", "label")
    if extras.get("license"):
        page.text(LEFT, bottom + 90, f"LIC # {extras['license']}", "label")
    page.text(1450, bottom - 10, fields.get("prescriber", ""), "value", max_width=RIGHT - 1460)
    page.rule(1420, RIGHT, bottom + 30, width=3, fill=(60, 60, 60))
    page.text(1420, bottom + 85, "signature", "small")
    return page.image


def _choice_row(
    pad: _Pad, y: float, label: str, options: tuple[tuple[str, str], ...], chosen: str | None
) -> None:
    page = pad.page
    page.text(LEFT, y, label, "label")
    common.circled_options(pad.page, 1250, y, options, chosen, gap=110)


_IMMUNE = (("immune", "IMMUNE"), ("not immune", "NOT IMMUNE"))
_YES_NO = (("yes", "YES"), ("no", "NO"))


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    pad = _Pad(dpi, style)
    y = _header(pad, extras.get("practice"), style, "PATIENT RECORD")
    y += 170
    pad.on_rule(1650, y, "DATE", common.date_text(fields, "record_date", style), RIGHT)
    y += 140
    pad.on_rule(LEFT, y, "NAME", fields.get("patient_name"), RIGHT)
    y += 130
    pad.on_rule(LEFT, y, "PHONE", common.phone_text(fields.get("phone"), style), 1300)
    street, city, country = common.address_lines(fields, extras)
    y += 130
    pad.on_rule(LEFT, y, "ADDRESS", street, RIGHT)
    y += 130
    pad.on_rule(LEFT + 250, y, None, ", ".join(p for p in (city, country) if p), RIGHT)

    def measure(name: str, unit_key: str) -> str | None:
        if name not in fields:
            return None
        return f"{render.format_number(fields[name])} {extras.get(unit_key) or ''}".strip()

    y += 150
    pad.on_rule(LEFT, y, "BIRTH DATE", common.date_text(fields, "birth_date", style), 1150)
    pad.on_rule(1220, y, "WEIGHT", measure("weight", "weight_unit"), 1760)
    pad.on_rule(1820, y, "HEIGHT", measure("height", "height_unit"), RIGHT)
    y += 170
    pad.on_rule(LEFT, y, "EMERGENCY CONTACT", fields.get("emergency_contact_name"), 1500)
    phone = common.phone_text(fields.get("emergency_contact_phone"), style)
    pad.on_rule(1560, y, "PHONE", phone, RIGHT)
    y += 130
    pad.on_rule(LEFT, y, "ADDRESS", fields.get("emergency_contact_address"), RIGHT)
    y += 190
    _choice_row(pad, y, "CHICKEN POX (VARICELLA)", _IMMUNE, fields.get("chicken_pox"))
    y += 140
    _choice_row(pad, y, "MEASLES", _IMMUNE, fields.get("measles"))
    y += 140
    _choice_row(pad, y, "HEPATITIS B VACCINATION?", _YES_NO, fields.get("hepatitis_b_vaccination"))
    y += 170
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    pad.on_rule(LEFT, y, "MEDICAL PROBLEMS", problems, RIGHT)
    y += 130
    pad.on_rule(LEFT, y, None, None, RIGHT)
    return pad.page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    pad = _Pad(dpi, style)
    y = _header(pad, extras.get("practice"), style, "INSURANCE")
    y += 190
    _choice_row(pad, y, "MEDICAL INSURANCE?", _YES_NO, fields.get("has_insurance"))
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    for label, value in (
        ("INSURANCE COMPANY", fields.get("insurance_company")),
        ("POLICY NO.", policy),
        ("ADDRESS", fields.get("insurance_address")),
        ("EXPIRES", common.date_text(fields, "insurance_expiry", style)),
    ):
        y += 140
        pad.on_rule(LEFT, y, label, value, RIGHT)
    y += 200
    for label, name in (("ALLERGIES", "allergies"), ("MEDICATIONS", "regular_medication")):
        y += 140
        pad.on_rule(LEFT, y, label, common.list_text(fields.get(name), style["empty_list"]), RIGHT)
    page = pad.page
    page.rule(1420, RIGHT, 2900, width=3, fill=(60, 60, 60))
    page.text(1420, 2955, "signature", "small")
    page.scribble(1480, 2100, 2890, tuple(style["ink"]))
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
