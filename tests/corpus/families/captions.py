"""The captions family: a hospital's own registration and prescription forms.

It was the held-out family until it had been measured (19%) and studied; it is tuned now. Its
values sit on rules with their captions *under* the rules, in its own wording.

Every page carries the hospital's letterhead (a logo, the hospital's name, its street and its
switchboard and fax numbers, none of them patient data) and a footer with the form's code and the
page number. Values are written on rules with a small caption *under* each rule naming it;
captions are drawn per document from synonym lists. The patient record (two pages) asks the
immunities as yes/no questions in a table, answered by a mark in a ``Y`` or ``N`` column or by a
written ``Y``/``N``; the name is one rule or split into surname and given names (the truth is
``given names surname``); the address is one rule or three; the medical conditions are a
free rule or a tick list with an "other" rule (the truth lists the ticked conditions in the
printed order, then the others); allergies may be answered by a "none known" box; the regular
medicines are numbered rules, one medicine each. A patient label box carries a hospital number.
The prescription has the patient in a box with a clinic and the date, the medicines in a table
with a quantity column, the directions on rules, the repeats, the prescriber's printed name
beside a signature with a registration and a pager number, and an empty pharmacy box.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image

from tests.corpus import fonts, render, values
from tests.corpus.families import common

LEFT, RIGHT = render.LEFT, render.RIGHT

# fmt: off
HOSPITALS = (
    "St. Brigid's Hospital", "Mercy General Hospital", "Lakeside Regional Medical Center",
    "Valley Memorial Hospital", "Holy Cross Hospital", "Riverbend Community Hospital",
    "Pine Ridge Medical Centre", "Eastfield University Hospital", "Good Samaritan Hospital",
    "Northshore District Hospital",
)
_RELATIONSHIPS = (
    "Spouse", "Wife", "Husband", "Mother", "Father", "Son", "Daughter", "Partner", "Sister",
    "Brother", "Friend", "Neighbour", "Guardian",
)
_CLINICS = (
    "Outpatients", "Emergency Dept", "Ward 4B", "Ward 7", "Day Surgery", "Fracture Clinic",
    "Medical Assessment Unit", "Cardiology OPD", "Paediatrics", "ENT Clinic",
)
# The conditions the tick list prints, in its order (from values.CONDITIONS).
CHECKLIST = (
    "Asthma", "Diabetes", "Hypertension", "Epilepsy", "Migraine", "Arthritis", "Depression",
    "High cholesterol",
)
_COLOURS = ([20, 60, 120], [0, 105, 110], [120, 30, 50], [30, 100, 60], [90, 50, 120])
# fmt: on

# Caption synonyms; one of each is drawn per document.
_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Patient Registration",
        "Registration & Admission Details",
        "Patient Demographics Sheet",
        "Outpatient Registration Form",
    ),
    "record_date": ("Date of attendance", "Attendance date", "Date registered"),
    "patient_label": ("Hospital no.", "MRN", "UR number"),
    "section_patient": ("Patient details", "Your details", "Patient identification"),
    "patient_name": ("Patient full name", "Forename(s) and surname", "Legal name"),
    "surname": ("Surname", "Family name", "Last name"),
    "given_names": ("Given name(s)", "First name(s)", "Forenames"),
    "birth_date": ("D.O.B.", "Born", "Birthdate"),
    "phone": ("Mobile", "Mobile no.", "Cell phone", "Best contact no."),
    "address": ("Residence", "Usual residential address", "Permanent address"),
    "street": ("No. and street", "Address line 1", "Street / house no."),
    "city": ("Town / city, state, ZIP", "City, state, zip code", "Suburb / town, state, postcode"),
    "country": ("Country", "Country of residence"),
    "weight": ("Wt.", "Weight", "Body weight"),
    "height": ("Ht.", "Height"),
    "section_kin": ("Next of kin", "Emergency contact", "Who should we contact?"),
    "kin_name": ("Name of next of kin", "Contact's name", "Nominated person"),
    "relationship": ("Relationship", "Relation to patient"),
    "kin_phone": ("Contact phone", "Their mobile", "Daytime no."),
    "kin_address": ("Address (if different)", "Contact's address", "Their address"),
    "section_history": ("Immunisation status", "Vaccination history", "Infection screening"),
    "question": ("Question", "Please answer", "Screening question"),
    "chicken_pox": (
        "Immune to chickenpox (varicella)?",
        "Varicella (chickenpox) - immune?",
        "Known to be immune to chickenpox?",
    ),
    "measles": ("Immune to measles?", "Measles (MMR) - immune?", "Known to be immune to measles?"),
    "hepatitis_b_vaccination": (
        "Completed hepatitis B vaccine course?",
        "Hep B vaccinated?",
        "Hepatitis B vaccine received?",
    ),
    "medical_problems": (
        "Current medical conditions",
        "Existing health conditions",
        "Ongoing conditions / diagnoses",
    ),
    "tick_all": ("tick all that apply", "mark each that applies", "tick if yes"),
    "none_of_these": ("None of these", "None"),
    "other": ("Other (please state)", "Other conditions", "Any other"),
    "section_insurance": ("Insurance / funding", "Payment details", "Health fund"),
    "has_insurance": (
        "Privately insured?",
        "Do you hold health insurance?",
        "Health fund member?",
    ),
    "insurance_company": ("Insurer name", "Health fund", "Insurance provider"),
    "policy_number": ("Membership no.", "Member number", "Policy / member no."),
    "insurance_address": ("Insurer's postal address", "Fund address", "Provider address"),
    "insurance_expiry": ("Cover expires", "Valid to", "Membership expiry"),
    "section_medicines": ("Allergies & current medicines", "Medication history", "Alerts"),
    "allergies": ("Allergies / adverse reactions", "Drug & other allergies", "Known reactions"),
    "no_allergies": ("No known allergies", "NKA", "Nil known"),
    "regular_medication": (
        "Regular medicines (name)",
        "Medicines currently taken",
        "Usual medications",
    ),
    "declaration": (
        "I confirm the information above is correct.",
        "I declare these details are true and complete.",
        "The above is correct to the best of my knowledge.",
    ),
    "signature": ("Signature of patient / guardian", "Signed", "Patient signature"),
    "signed_on": ("Date", "Date signed", "Signed on"),
}
_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Outpatient Prescription",
        "Hospital Prescription",
        "Pharmacy Order Form",
        "Discharge Prescription",
    ),
    "patient_name": ("Patient name", "Name of patient", "Patient (full name)"),
    "clinic": ("Ward / clinic", "Clinic", "Department"),
    "date": ("Date written", "Date prescribed", "Prescription date"),
    "patient_address": ("Patient's residence", "Usual address", "Patient address"),
    "medicines": ("Rx: drug, strength, form", "Drug name & strength", "Medicine (generic name)"),
    "quantity": ("Qty", "Quantity", "Supply"),
    "directions": ("Sig:", "Directions to patient", "Instructions for use"),
    "refills": ("No. of repeats", "Refills authorised", "Repeat authorisations"),
    "prescriber": ("Prescriber (print name)", "Prescriber's name", "Doctor (PRINT)"),
    "signature": ("Signature", "Prescriber signature"),
    "registration": ("Reg. no.", "NPI", "Licence no."),
    "pager": ("Bleep", "Pager", "Ext."),
    "pharmacy": ("PHARMACY USE ONLY", "FOR PHARMACY USE", "DISPENSARY USE"),
    "dispensed": ("Dispensed by", "Dispensed"),
    "checked": ("Checked by", "Checked"),
}
_SWITCHBOARD = ("Switchboard", "Tel", "Main line")
_FAX = ("Fax", "Facsimile")
_PAGES = ("Page {n} of {total}", "{n}/{total}", "p. {n} of {total}")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, captions, the hospital's colour and the form's variants."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(40, 46), value_size=(48, 56)
    )
    labels = _RX_LABELS if document_type == "prescription" else _RECORD_LABELS
    style["labels"] = {key: rnd.choice(options) for key, options in labels.items()}
    style["caption_size"] = rnd.randint(33, 38)
    style["caption_case"] = rnd.choice(("sentence", "upper"))
    style["caption_centred"] = rnd.random() < 0.4
    style["colour"] = rnd.choice(_COLOURS)
    style["logo"] = rnd.choice(("cross_square", "cross_circle", "initials"))
    style["title_centred"] = rnd.random() < 0.5
    style["section_mark"] = rnd.choice(("letter", "part", "plain"))
    style["mark"] = rnd.choice(("tick", "cross"))
    style["switchboard"] = rnd.choice(_SWITCHBOARD)
    style["fax"] = rnd.choice(_FAX)
    style["page_numbers"] = rnd.choice(_PAGES)
    if document_type == "prescription":
        style["prescriber_written"] = True
        return style
    all_caps = fonts.family(style["value_font"]).all_caps
    style.update(
        name_split=rnd.random() < 0.35,
        address_split=rnd.random() < 0.5,
        units_in_caption=rnd.random() < 0.5,
        answers=rnd.choice(("columns", "written_letter", "written_word")),
        # ticked printed conditions would not follow a capitals-only hand
        conditions=rnd.choice(("rule", "checklist")) if not all_caps else "rule",
        empty_list=rnd.choice(("None", "Nil", "N/A", "")),
    )
    return style


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    extras_hospital = _hospital(document_type, rnd)
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        extras.update(extras_hospital)
        extras["clinic"] = rnd.choice(_CLINICS)
        extras["quantities"] = [
            rnd.choice(("7", "14", "21", "28", "30", "56", "60", "90", "1"))
            for _ in fields["medicines"]
        ]
        extras["registration"] = str(rnd.randint(1_000_000, 9_999_999))
        extras["pager"] = str(rnd.randint(1000, 8999))
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    fields, extras = common.record_content(rnd)
    extras.update(extras_hospital)
    extras.pop("emergency_work_phone", None)  # this form has no place for it
    extras["mrn"] = str(rnd.randint(1_000_000, 9_999_999))
    if "emergency_contact_name" in fields and rnd.random() < 0.85:
        extras["relationship"] = rnd.choice(_RELATIONSHIPS)
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    if style["conditions"] == "checklist":  # the truth in the order the page shows
        problems = fields["medical_problems"]
        ticked = [c for c in CHECKLIST if c in problems]
        fields["medical_problems"] = ticked + [p for p in problems if p not in CHECKLIST]
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


def _hospital(document_type: str, rnd: random.Random) -> dict[str, Any]:
    """The letterhead: name, street, city line, switchboard and fax, and the form's code."""
    prefix = (
        rnd.choice(("RX", "PH"))
        if document_type == "prescription"
        else rnd.choice(("MR", "ADM", "HIM"))
    )
    code = rnd.choice(
        (
            f"Form {prefix}-{rnd.randint(10, 499)} rev {rnd.randint(1, 9)}",
            f"{prefix} {rnd.randint(1000, 9999)} (v{rnd.randint(1, 6)})",
        )
    )
    return {
        "hospital": rnd.choice(HOSPITALS),
        "hospital_street": values.street_line(rnd),
        "hospital_city": values.city_line(rnd, zip_code="state zip"),
        "switchboard": values.phone_number(rnd),
        "fax": values.phone_number(rnd) if rnd.random() < 0.6 else None,
        "form_code": code,
    }


class _Form:
    """A page of the hospital's form: letterhead, captioned rules, tables, footer."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        label = fonts.family(style["label_font"])
        self.page.faces["caption"] = render.Face(
            label.regular, int(style["caption_size"]), (55, 55, 55)
        )
        self.page.faces["section"] = render.Face(label.bold, 48, self.colour)
        self.page.faces["letter"] = render.Face(label.bold, 44, (255, 255, 255))
        self.page.faces["th"] = render.Face(label.bold, 38, (30, 30, 30))
        self.page.add_face("title", style["title_font"], 66, bold=True)
        self.page.add_face("hospital", style["title_font"], 62, bold=True)
        self.page.add_face("letterhead", style["title_font"], 36)
        self.sections = 0

    def caption(self, key: str) -> str:
        text = self.labels[key]
        return text.upper() if self.style["caption_case"] == "upper" else text

    def field(self, x0: float, x1: float, y: float, key: str, value: str | None) -> None:
        """``value`` written on a rule at ``y`` from x0 to x1, its caption under the rule."""
        page = self.page
        page.rule(x0, x1, y, width=2, fill=(90, 90, 90))
        if value:
            page.text(x0 + 14, y - 16, value, "value", max_width=x1 - x0 - 28)
        below = y + self.style["caption_size"] + 12
        if self.style["caption_centred"]:
            page.text((x0 + x1) / 2, below, self.caption(key), "caption", anchor="ms")
        else:
            page.text(x0, below, self.caption(key), "caption")

    def letterhead(self, extras: Mapping[str, Any], style: Mapping[str, Any]) -> float:
        """The hospital's logo, name, street and numbers; returns the rule under them."""
        page = self.page
        x0, y0, side = LEFT - 20, 130.0, 190.0
        logo = style["logo"]
        if logo == "cross_circle":
            page.draw.ellipse(
                [page.px(x0), page.px(y0), page.px(x0 + side), page.px(y0 + side)],
                outline=self.colour,
                width=page.px(8),
            )
        else:
            page.draw.rectangle(
                [page.px(x0), page.px(y0), page.px(x0 + side), page.px(y0 + side)],
                outline=self.colour,
                width=page.px(8),
            )
        cx, cy = x0 + side / 2, y0 + side / 2
        if logo == "initials":
            initials = "".join(w[0] for w in extras["hospital"].split() if w[0].isupper())
            page.faces["logo"] = render.Face(page.faces["hospital"].path, 56, self.colour)
            page.text(cx, cy + 20, initials[:3], "logo", anchor="ms")
        else:
            arm, half = 62.0, 20.0
            for box in (
                (cx - half, cy - arm, cx + half, cy + arm),
                (cx - arm, cy - half, cx + arm, cy + half),
            ):
                page.draw.rectangle([page.px(v) for v in box], fill=self.colour)
        x = x0 + side + 40
        page.text(x, 200, extras["hospital"], "hospital")
        page.text(x, 258, f"{extras['hospital_street']}, {extras['hospital_city']}", "letterhead")
        numbers = f"{style['switchboard']} {common.phone_text(extras['switchboard'], style)}"
        if extras.get("fax"):
            numbers += f"   {style['fax']} {common.phone_text(extras['fax'], style)}"
        page.text(x, 310, numbers, "letterhead")
        page.rule(LEFT - 20, RIGHT + 20, 360, width=8, fill=self.colour)
        return 360.0

    def title(self, y: float, text: str) -> None:
        if self.style["title_centred"]:
            self.page.text(render.PAGE_WIDTH / 2, y, text.upper(), "title", anchor="ms")
        else:
            self.page.text(LEFT - 20, y, text.upper(), "title")

    def section(self, y: float, key: str) -> None:
        """A section heading at baseline ``y``: ``[A] Patient details`` and the like."""
        page = self.page
        text = self.labels[key]
        mark = self.style["section_mark"]
        letter = "ABCDEFG"[self.sections]
        self.sections += 1
        if mark == "letter":
            page.draw.rectangle(
                [page.px(LEFT - 20), page.px(y - 56), page.px(LEFT + 50), page.px(y + 14)],
                fill=self.colour,
            )
            page.text(LEFT + 15, y - 4, letter, "letter", anchor="ms")
            page.text(LEFT + 80, y, text, "section")
        elif mark == "part":
            page.text(LEFT - 20, y, f"PART {letter} - {text.upper()}", "section")
        else:
            page.text(LEFT - 20, y, text, "section")
        page.rule(LEFT - 20, RIGHT + 20, y + 26, width=3, fill=self.colour)

    def footer(self, extras: Mapping[str, Any], number: int, total: int) -> None:
        page = self.page
        page.text(LEFT - 20, 3170, extras["form_code"], "small")
        page.text(render.PAGE_WIDTH / 2, 3170, "CONFIDENTIAL", "small", anchor="ms")
        shown = self.style["page_numbers"].format(n=number, total=total)
        page.text(RIGHT + 20, 3170, shown, "small", anchor="rs")

    def tick_box(self, x: float, y: float, checked: bool) -> float:
        return common.checkbox(self.page, x, y, checked=checked, mark=self.style["mark"])

    def shade(self, x0: float, y0: float, x1: float, y1: float) -> None:
        page = self.page
        tint = tuple(round(255 - (255 - c) * 0.14) for c in self.colour)
        page.draw.rectangle(
            [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
            fill=tint,
            outline=(60, 60, 60),
            width=max(1, page.px(2)),
        )


def _patient_label(form: _Form, extras: Mapping[str, Any]) -> None:
    """The hospital-number box at the top right."""
    page = form.page
    x0, y0, x1, y1 = 1880.0, 140.0, RIGHT + 20, 320.0
    common.box(page, x0, y0, x1, y1, width=2)
    page.text(x0 + 20, y0 + 50, form.caption("patient_label"), "caption")
    page.add_face("mrn", form.style["label_font"], 50, bold=True)  # a label printer's number
    page.text(x0 + 30, y1 - 34, extras["mrn"], "mrn", max_width=x1 - x0 - 50)


def _answer(form: _Form, y0: float, y1: float, x: float, value: str | None) -> None:
    """One yes/no answer in the table's answer column(s)."""
    page = form.page
    answers = form.style["answers"]
    positive = value in ("yes", "immune")
    if answers == "columns":
        for column, checked in ((x, positive), (x + 220, value is not None and not positive)):
            form.tick_box(column + 88, y1 - 32, value is not None and checked)
        return
    if value is None:
        return
    if answers == "written_letter":
        written = "Y" if positive else "N"
    else:
        written = "Yes" if positive else "No"
    page.text(x + 110, y1 - 30, written, "value", anchor="ms")


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    form.letterhead(extras, style)
    _patient_label(form, extras)
    form.title(480, form.labels["title"])
    form.field(1750, RIGHT, 620, "record_date", common.date_text(fields, "record_date", style))

    form.section(730, "section_patient")
    y = 900.0
    name = fields.get("patient_name")
    if style["name_split"] and name:
        given, _, surname = name.rpartition(" ")
        form.field(LEFT, 1150, y, "surname", surname)
        form.field(1220, RIGHT, y, "given_names", given)
    else:
        form.field(LEFT, RIGHT, y, "patient_name", name)

    y += 172

    def measure(name: str, unit_key: str) -> tuple[str, str | None]:
        unit = extras.get(unit_key) or ""
        key = name
        if name not in fields:
            return key, None
        number = render.format_number(fields[name])
        if style["units_in_caption"] and unit:
            form.labels = {**form.labels, name: f"{form.labels[name]} ({unit})"}
            return key, number
        return key, f"{number} {unit}".strip()

    form.field(LEFT, 760, y, "birth_date", common.date_text(fields, "birth_date", style))
    form.field(820, 1170, y, *measure("weight", "weight_unit"))
    form.field(1230, 1560, y, *measure("height", "height_unit"))
    form.field(1620, RIGHT, y, "phone", common.phone_text(fields.get("phone"), style))

    y += 172
    street, city, country = common.address_lines(fields, extras)
    if style["address_split"]:
        form.field(LEFT, RIGHT, y, "street", street)
        y += 172
        form.field(LEFT, 1700, y, "city", city)
        form.field(1770, RIGHT, y, "country", country)
    else:
        form.field(LEFT, RIGHT, y, "address", fields.get("address"))

    y += 160
    form.section(y, "section_kin")
    y += 170
    kin_phone = common.phone_text(fields.get("emergency_contact_phone"), style)
    form.field(LEFT, 1150, y, "kin_name", fields.get("emergency_contact_name"))
    form.field(1210, 1640, y, "relationship", extras.get("relationship"))
    form.field(1700, RIGHT, y, "kin_phone", kin_phone)
    y += 172
    form.field(LEFT, RIGHT, y, "kin_address", fields.get("emergency_contact_address"))

    y += 160
    form.section(y, "section_history")
    y = _history_table(form, fields, y + 60)
    _conditions(form, fields, y + 90)
    form.footer(extras, 1, 2)
    return page.image


def _history_table(form: _Form, fields: Mapping[str, Any], top: float) -> float:
    """The yes/no questions of the immunities; returns the table's bottom."""
    page = form.page
    columns = form.style["answers"] == "columns"
    split = RIGHT + 20 - (440 if columns else 220)
    head = 80.0
    form.shade(LEFT - 20, top, RIGHT + 20, top + head)
    page.text(LEFT, top + head - 24, form.caption("question"), "th")
    if columns:
        for column, letter in ((split, "Y"), (split + 220, "N")):
            page.text(column + 110, top + head - 24, letter, "th", anchor="ms")
    else:
        page.text(split + 110, top + head - 24, "Y / N", "th", anchor="ms")
    row = 105.0
    y = top + head
    for key in ("chicken_pox", "measles", "hepatitis_b_vaccination"):
        common.box(page, LEFT - 20, y, split, y + row, width=2)
        common.box(page, split, y, split + 220, y + row, width=2)
        if columns:
            common.box(page, split + 220, y, split + 440, y + row, width=2)
        page.text(LEFT, y + row - 34, form.labels[key], "label")
        _answer(form, y, y + row, split, fields.get(key))
        y += row
    return y


def _conditions(form: _Form, fields: Mapping[str, Any], y: float) -> None:
    """The medical conditions: one rule, or a tick list with an "other" rule."""
    page = form.page
    problems = fields.get("medical_problems")
    if form.style["conditions"] == "rule":
        shown = common.list_text(problems, form.style["empty_list"])
        form.field(LEFT, RIGHT, y + 110, "medical_problems", shown)
        return
    chosen = set(problems or ())
    end = page.text(LEFT, y, form.labels["medical_problems"], "label")
    page.text(end + 24, y, f"({form.labels['tick_all']})", "caption")
    columns = (LEFT, LEFT + 540, LEFT + 1080, LEFT + 1620)
    items = [*CHECKLIST, form.labels["none_of_these"]]
    for i, item in enumerate(items):
        x = columns[i % 4]
        row_y = y + 95 + 88 * (i // 4)
        checked = item in chosen or (
            item == form.labels["none_of_these"] and problems is not None and not problems
        )
        end = form.tick_box(x, row_y, checked)
        page.text(end + 22, row_y - 4, item, "label")
    others = [p for p in problems or () if p not in CHECKLIST]
    form.field(LEFT, RIGHT, y + 95 + 88 * 3 + 30, "other", ", ".join(others) or None)


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    form.sections = 3
    page = form.page
    form.letterhead(extras, style)
    _patient_label(form, extras)

    y = 500.0
    form.section(y, "section_insurance")
    y += 130
    end = page.text(LEFT, y, form.labels["has_insurance"], "label")
    insured = fields.get("has_insurance")
    x = end + 80
    for letter, answer in (("Y", "yes"), ("N", "no")):
        x = page.text(x, y, letter, "label") + 24
        x = form.tick_box(x, y, insured == answer) + 90
    y += 190
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    form.field(LEFT, 1350, y, "insurance_company", fields.get("insurance_company"))
    form.field(1420, RIGHT, y, "policy_number", policy)
    y += 172
    expiry = common.date_text(fields, "insurance_expiry", style)
    form.field(LEFT, 1700, y, "insurance_address", fields.get("insurance_address"))
    form.field(1770, RIGHT, y, "insurance_expiry", expiry)

    y += 170
    form.section(y, "section_medicines")
    y += 172
    allergies = fields.get("allergies")
    shown = ", ".join(allergies) if allergies else None
    form.field(LEFT, 1750, y, "allergies", shown)
    x = form.tick_box(1830, y - 10, allergies is not None and not allergies)
    page.text(x + 22, y - 14, form.labels["no_allergies"], "label")

    y += 140
    medication = fields.get("regular_medication")
    form.shade(LEFT - 20, y, RIGHT + 20, y + 80)
    page.text(LEFT, y + 56, form.caption("regular_medication"), "th")
    lines: Sequence[str | None] = list(medication or ())
    if medication is not None and not medication and style["empty_list"]:
        lines = [style["empty_list"]]
    y += 80
    for i in range(4):
        y += 120
        page.text(LEFT, y - 16, f"{i + 1}.", "label")
        page.rule(LEFT + 80, RIGHT, y, width=2, fill=(90, 90, 90))
        if i < len(lines) and lines[i]:
            page.text(LEFT + 100, y - 16, lines[i] or "", "value", max_width=RIGHT - LEFT - 120)

    y += 190
    page.text(LEFT, y, form.labels["declaration"], "label")
    y += 220
    form.field(LEFT, 1500, y, "signature", None)
    page.scribble(LEFT + 80, LEFT + 700, y - 10, tuple(style["ink"]))
    form.field(1600, RIGHT, y, "signed_on", common.date_text(fields, "record_date", style))
    form.footer(extras, 2, 2)
    return page.image


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    form = _Form(dpi, style)
    page = form.page
    form.letterhead(extras, style)
    form.title(480, form.labels["title"])

    # the patient's box
    common.box(page, LEFT - 20, 540, RIGHT + 20, 1000, width=3)
    y = 700.0
    form.field(LEFT + 10, 1280, y, "patient_name", fields.get("patient_name"))
    form.field(1340, 1700, y, "clinic", extras.get("clinic"))
    form.field(1760, RIGHT - 10, y, "date", common.date_text(fields, "date", style))
    y += 172
    form.field(LEFT + 10, RIGHT - 10, y, "patient_address", fields.get("patient_address"))

    # the medicines' table
    top = 1080.0
    qty = 2050.0
    form.shade(LEFT - 20, top, RIGHT + 20, top + 80)
    page.text(LEFT, top + 56, form.labels["medicines"], "th")
    page.text(qty + 30, top + 56, form.labels["quantity"], "th")
    medicines = list(fields.get("medicines", ()))
    quantities = list(extras.get("quantities") or ())
    y = top + 80
    row = 115.0
    for i in range(4):
        common.box(page, LEFT - 20, y, qty, y + row, width=2)
        common.box(page, qty, y, RIGHT + 20, y + row, width=2)
        if i < len(medicines):
            page.text(LEFT, y + row - 32, medicines[i], "value", max_width=qty - LEFT - 30)
        if i < len(quantities) and i < len(medicines):
            page.text(qty + 30, y + row - 32, quantities[i], "value", max_width=RIGHT - qty - 20)
        y += row

    # the directions on rules: after "Sig:" on the first, or captioned under the last
    label = form.labels["directions"]
    inline = label.endswith(":")
    start = page.text(LEFT, y + 140 - 16, label, "label") + 30 if inline else LEFT
    lines = render.wrap(page, fields.get("directions", ""), "value", RIGHT - start - 40)
    y += 30
    for i in range(max(3, len(lines))):
        y += 110
        x = start if i == 0 else LEFT
        page.rule(x, RIGHT, y, width=2, fill=(90, 90, 90))
        if i < len(lines):
            page.text(x + 14, y - 16, lines[i], "value", max_width=RIGHT - x - 28)
    below = y + style["caption_size"] + 12
    if not inline and style["caption_centred"]:
        page.text(render.PAGE_WIDTH / 2, below, form.caption("directions"), "caption", anchor="ms")
    elif not inline:
        page.text(LEFT, below, form.caption("directions"), "caption")

    y += 200
    refills = fields.get("refills")
    form.field(LEFT, 700, y, "refills", str(refills) if refills is not None else None)

    # the prescriber
    y += 230
    form.field(LEFT, 1250, y, "prescriber", fields.get("prescriber"))
    form.field(1330, RIGHT, y, "signature", None)
    page.scribble(1400, 2050, y - 10, (25, 35, 110))
    y += 170
    form.field(LEFT, 800, y, "registration", extras.get("registration"))
    form.field(870, 1250, y, "pager", extras.get("pager"))

    # the pharmacy's empty box
    y += 110
    common.box(page, LEFT - 20, y, RIGHT + 20, y + 260, width=2)
    page.text(LEFT, y + 60, form.labels["pharmacy"], "th")
    form.field(LEFT, 1000, y + 190, "dispensed", None)
    form.field(1100, 1800, y + 190, "checked", None)
    form.footer(extras, 1, 1)
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
