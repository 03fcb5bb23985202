"""The ``datasheet`` family: a clinic's data sheet and its letter-style prescription.

Written blind as the held-out family of the round before (measured there at 32% printed / 31%
handwriting by the generic reader, which nobody had tuned to it); studied and tuned since.

Every page carries the clinic's letterhead (its name, street and city, telephone and fax, none
of them patient data), a form code and a chart number at the top right, and a footer with the
form code again and the page number.

Patient record (two pages): the sections are bands with their titles turned on end in a
shaded strip down the left margin. Within a band, several fields share a line, far apart,
each label small (capitals or title case) and ending in a dash or in nothing, its value right
after it; in the "gutter" arrangement a line's first label is set flush right against a
common gutter. On some records the patient's name and birth date are not on the lines at
all but on an identification sticker at the top right, printed by a machine (the name with no
label, the birth date after a small one, the chart number). Phones carry their kind *after*
the number (``(home)``, ``(work)``). The record date is at the top right beside the title
(under it when a sticker is there), or at the foot of page 1 beside the signature. The
immunities and the two yes/no questions are answered either by striking out the option that
does not apply (``IMMUNE / NOT IMMUNE``, ``YES / NO``, "delete as appropriate") or by writing
the answer after the question. Page 2 mostly starts with a running header (the patient's name
and chart number again); the insurer, policy number and expiry are a table whose shaded header
row names the columns above the values; the allergies are a table with a reaction column and
the regular medicines a table with dose and frequency columns (the truth lists the names only);
an empty allergy table says ``NKDA`` or the like, or nothing.

Prescription (one page): a letter. The date stands alone at the top right or after a label
in the header block under an ``Rx#`` number; the body is running text with the values inside
it ("Please dispense to *Helen Okafor*, born *2/3/1961*, of *41 Orchard Lane ...*, the
following:"; the birth date is not a field), then the numbered medicines, each perhaps with a
``Disp:`` quantity line under it, the directions after their label, a refill sentence, and the
prescriber's printed name (with a licence number) under the signature. A handwritten letter is
a printed one with blanks: its values are written on short rules inside the text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from PIL import Image, ImageDraw

from tests.corpus import fonts, render, values
from tests.corpus.families import common

PAGE_WIDTH = render.PAGE_WIDTH
STRIP = (150.0, 245.0)  # the margin strip holding the section titles
LEFT, RIGHT = 300.0, 2390.0  # the content's edges

# fmt: off
CLINICS = (
    "Bayview Medical Clinic", "Tri-County Health Services", "Mount Hope Clinic",
    "Fairhaven Physicians Group", "Alder Creek Health Centre", "St. Luke's Outpatient Clinic",
    "Granite Falls Medical Practice", "Clearwater Community Health", "Old Mill Family Doctors",
    "Kingsbridge Polyclinic",
)
_RELATIONS = ("wife", "husband", "mother", "father", "son", "daughter", "partner", "aunt", "uncle",
              "cousin", "friend", "carer")
_REACTIONS = ("rash", "hives", "anaphylaxis", "swelling", "nausea", "wheeze", "itching",
              "unknown", "vomiting", "dizziness")
_FREQUENCIES = ("daily", "BID", "TID", "at night", "PRN", "mornings", "weekly", "q.d.")
_QUANTITIES = ("#14", "#21", "#28", "#30", "#60", "#90", "1 inhaler", "#10", "#7")
_COLOURS = ([25, 70, 140], [110, 40, 40], [20, 100, 90], [70, 70, 70], [90, 60, 130])
# fmt: on

# Wording; one of each is drawn per document.
_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Patient Data Sheet",
        "Client Health Record",
        "Registration Card",
        "Personal Health Summary",
        "Admission Face Sheet",
    ),
    "record_date": ("Completed on", "Date of entry", "Entry date", "Form date"),
    "chart": ("Chart no.", "Chart #", "File no.", "Acct #"),
    "strip_patient": ("PATIENT", "IDENTIFICATION", "PERSONAL DATA"),
    "strip_kin": ("NOTIFY", "IN AN EMERGENCY", "CONTACT PERSON"),
    "strip_history": ("HEALTH", "IMMUNITY", "SCREENING"),
    "strip_insurance": ("COVERAGE", "PAYER", "BILLING"),
    "strip_allergies": ("ALLERGIES", "ALERTS", "REACTIONS"),
    "strip_medicines": ("MEDICATIONS", "DRUG LIST", "HOME MEDS"),
    "patient_name": ("Pt. name", "Client name", "Name (print)"),
    "birth_date": ("D/O/B", "Date born", "DoB"),
    "weight": ("Wgt", "Body wt."),
    "height": ("Hgt", "Body ht."),
    "phone": ("Ph.", "Phone no.", "Tel. no."),
    "address": ("Mailing address", "Addr.", "Domicile", "Where you live"),
    "kin_name": ("Person to notify", "Notify", "Contact in emergency"),
    "relationship": ("Relation", "Rel."),
    "kin_address": ("Residing", "Addr. (contact)", "Contact lives at"),
    "chicken_pox": (
        "Varicella immunity",
        "Immunity to chickenpox (varicella)",
        "Chickenpox / varicella status",
    ),
    "measles": ("Measles immunity", "Immunity to measles", "Measles status"),
    "hepatitis_b_vaccination": (
        "Hep. B immunisation completed?",
        "Vaccinated for hepatitis B?",
        "HBV vaccine series done?",
    ),
    "medical_problems": ("Past & present illnesses", "Health problems", "Conditions treated for"),
    "delete": (
        "* delete as appropriate",
        "* strike out what does not apply",
        "* cross out the wrong answer",
    ),
    "has_insurance": (
        "Covered by health insurance?",
        "Any health coverage?",
        "Is the patient insured?",
    ),
    "insurance_company": ("Payer", "Insurance co.", "Ins. company"),
    "policy_number": ("Ins. No.", "Subscriber ID", "Certificate no."),
    "insurance_expiry": ("Exp.", "Valid thru", "Term. date", "Plan ends"),
    "insurance_address": ("Payer address", "Claims mailing addr.", "Ins. co. address"),
    "allergen": ("Allergen", "Allergic substance", "Drug / substance"),
    "reaction": ("Reaction", "Effect", "Response"),
    "drug": ("Drug", "Medicine", "Name of drug"),
    "dose": ("Dose", "Strength"),
    "frequency": ("Frequency", "How often", "When"),
    "signature": ("Signature of patient or guardian", "Signed (pt./guardian)", "Pt. signature"),
    "page": ("Sheet {n} of {total}", "Pg {n}/{total}", "- {n} -"),
}
_RX_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("", "", "Prescription", "Medication Request", "Rx Order"),
    "date": ("Date", "Dated", "Written"),
    "rx_number": ("Rx#", "Script no.", "Ref."),
    "opening": ("Please dispense to", "Kindly supply", "Dispense for", "Please fill for"),
    "born": ("born", "b.", "DOB"),
    "of": ("of", "who lives at", "address"),
    "following": ("the following:", "the items below:", "as follows:"),
    "quantity": ("Disp:", "Qty:", "Supply:"),
    "directions": ("Label:", "Mode of use:", "Sig. (directions):", "Use:"),
    "refills": ("May be refilled", "Refills permitted:", "Rpt."),
    "times": ("times", "x", ""),
    "licence": ("Lic. no.", "Provider #", "Prov. no."),
    "signed": ("Signed", "Signature", ""),
    "validity": (
        "Valid for 30 days from the date written.",
        "Not to be filled after 6 months.",
        "",
    ),
    "page": ("Page 1 of 1", "1/1", ""),
}
_LETTERHEAD_PHONE = ("Tel.", "T", "Phone")
_LETTERHEAD_FAX = ("Fax", "F")


def random_style(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> dict[str, Any]:
    """Fonts, wording, the clinic's colour and the form's variants."""
    style = common.base_style(
        rnd, handwriting=handwriting, font=font, label_size=(38, 44), value_size=(48, 56)
    )
    labels = _RX_LABELS if document_type == "prescription" else _RECORD_LABELS
    style["labels"] = {key: rnd.choice(options) for key, options in labels.items()}
    style["colour"] = rnd.choice(_COLOURS)
    style["label_case"] = rnd.choice(("upper", "title"))
    style["label_end"] = rnd.choice(("", " -", " \u2013"))
    style["letterhead_phone"] = rnd.choice(_LETTERHEAD_PHONE)
    style["letterhead_fax"] = rnd.choice(_LETTERHEAD_FAX)
    style["rules"] = handwriting or rnd.random() < 0.3  # blanks ruled under written values
    if document_type == "prescription":
        style.update(
            clinic=_clinic(rnd, ("RX", "MR", "CL")),
            date_place=rnd.choice(("alone", "labelled")),
            quantity_lines=rnd.random() < 0.6,
            show_birth=rnd.random() < 0.6,
            rx=rnd.choice(("none", "Rx", "glyph")),
            rx_font=next(
                (f.name for f in fonts.families(handwriting=False) if f.has_rx_glyph),
                style["title_font"],
            ),
        )
        return style
    style.update(
        clinic=_clinic(rnd, ("PDS", "HR", "REG", "FS")),
        arrangement=rnd.choice(("runin", "gutter")),
        strip_turn=rnd.choice((90, 270)),
        answers=rnd.choice(("delete", "write")),
        sticker=rnd.random() < 0.4,
        sticker_font=rnd.choice(fonts.families(handwriting=False)).name,
        date_place=rnd.choice(("top", "foot")),
        running_header=rnd.random() < 0.7,
        units_in_label=rnd.random() < 0.4,
        empty_list=rnd.choice(("None", "Nil", "N/A", "")),
        no_allergies=rnd.choice(("NKDA", "None known", "NKA", "")),
    )
    return style


def _clinic(rnd: random.Random, prefixes: Sequence[str]) -> dict[str, Any]:
    """The printed stationery's letterhead and form code (the same on every copy of a form)."""
    return {
        "name": rnd.choice(CLINICS),
        "street": values.street_line(rnd),
        "city": values.city_line(rnd, zip_code="state zip"),
        "phone": values.phone_number(rnd),
        "fax": values.phone_number(rnd) if rnd.random() < 0.7 else None,
        "phone_style": rnd.choice(sorted(common.PHONE_STYLES)),
        "form_code": f"{rnd.choice(prefixes)}-{rnd.randint(100, 999)} "
        f"({rnd.randint(1, 12):02d}/{rnd.randint(10, 24)})",
    }


def document(
    document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, extras and style of one document of this family."""
    if document_type == "prescription":
        fields, extras = common.prescription_content(rnd)
        extras["chart"] = str(rnd.randint(10_000, 999_999)).zfill(7)
        born = dt.date(1935, 1, 1) + dt.timedelta(days=rnd.randint(0, 28_000))
        extras["patient_birth"] = born.isoformat()
        extras["quantities"] = [rnd.choice(_QUANTITIES) for _ in fields["medicines"]]
        extras["licence"] = str(rnd.randint(100_000, 9_999_999))
        style = random_style(document_type, rnd, handwriting=handwriting, font=font)
        common.settle_day_order(fields, ("date",), style, rnd)
        return fields, extras, style
    if document_type != "patient_details":
        raise ValueError(f"unknown document type {document_type!r}")
    fields, extras = common.record_content(rnd)
    extras["chart"] = str(rnd.randint(10_000, 999_999)).zfill(7)
    if "emergency_contact_name" in fields and rnd.random() < 0.8:
        extras["relationship"] = rnd.choice(_RELATIONS)
    extras["reactions"] = [rnd.choice(_REACTIONS) for _ in fields["allergies"]]
    strengths = {name: (s, unit) for name, s, unit, _ in values.DRUGS}
    doses = []
    for name in fields["regular_medication"]:
        options, unit = strengths[name]
        doses.append([f"{rnd.choice(options)} {unit}", rnd.choice(_FREQUENCIES)])
    extras["doses"] = doses
    style = random_style(document_type, rnd, handwriting=handwriting, font=font)
    common.settle_day_order(fields, ("record_date", "birth_date"), style, rnd)
    return fields, extras, style


class _Sheet:
    """A page of the clinic's stationery: letterhead, margin strips, run-in fields, tables."""

    def __init__(self, dpi: int, style: Mapping[str, Any]) -> None:
        self.page = render.Page(dpi, style)
        self.style = style
        self.labels: Mapping[str, str] = style["labels"]
        self.colour: tuple[int, int, int] = tuple(style["colour"])
        label = fonts.family(style["label_font"])
        title = fonts.family(style["title_font"])
        page = self.page
        page.faces["label"] = render.Face(
            label.bold if style["label_bold"] else label.regular,
            int(style["label_size"]) - (4 if style["label_case"] == "upper" else 0),
            (35, 35, 35),
        )
        page.faces["prose"] = render.Face(label.regular, int(style["label_size"]) + 6, (20, 20, 20))
        page.faces["clinic"] = render.Face(title.bold, 60, self.colour)
        page.faces["letterhead"] = render.Face(title.regular, 34, (50, 50, 50))
        page.faces["title"] = render.Face(title.bold, 62, (20, 20, 20))
        page.faces["strip"] = render.Face(label.bold, 40, (255, 255, 255))
        page.faces["th"] = render.Face(label.bold, 36, (25, 25, 25))
        page.faces["option"] = render.Face(label.regular, 40, (25, 25, 25))

    def label(self, key: str) -> str:
        text = self.labels[key]
        if self.style["label_case"] == "upper":
            text = text.upper()
        return f"{text}{self.style['label_end']}" if not text.endswith("?") else text

    def letterhead(self, right: Sequence[str]) -> float:
        """The clinic's name and numbers at the left, ``right`` lines at the right."""
        page, style = self.page, self.style
        clinic = style["clinic"]
        page.text(LEFT - 60, 210, clinic["name"], "clinic")
        page.text(LEFT - 60, 268, f"{clinic['street']}, {clinic['city']}", "letterhead")
        numbers = f"{style['letterhead_phone']} {self.clinic_phone(clinic['phone'])}"
        if clinic["fax"]:
            numbers += f"    {style['letterhead_fax']} {self.clinic_phone(clinic['fax'])}"
        page.text(LEFT - 60, 318, numbers, "letterhead")
        for i, line in enumerate(right):
            page.text(RIGHT, 210 + 54 * i, line, "letterhead", anchor="rs")
        page.rule(LEFT - 60, RIGHT, 352, width=6, fill=self.colour)
        page.rule(LEFT - 60, RIGHT, 366, width=2, fill=self.colour)
        return 366.0

    def clinic_phone(self, number: str) -> str:
        return common.format_phone(number, self.style["clinic"]["phone_style"])

    def footer(self, page_text: str) -> None:
        self.page.text(LEFT - 60, 3180, self.style["clinic"]["form_code"], "small")
        if page_text:
            self.page.text(RIGHT, 3180, page_text, "small", anchor="rs")

    def strip(self, top: float, bottom: float, key: str) -> None:
        """A shaded margin strip from ``top`` to ``bottom`` with the section's title on end."""
        page = self.page
        x0, x1 = STRIP
        page.draw.rectangle(
            [page.px(x0), page.px(top), page.px(x1), page.px(bottom)], fill=self.colour
        )
        text = self.labels[key]
        face = page.faces["strip"]
        size = min(face.size, face.size * (bottom - top - 50) / max(1, page.width(text, "strip")))
        font = fonts.font_at(face.path, max(4, page.px(size)))
        left, upper, right, lower = font.getbbox(text)
        mask = Image.new("L", (max(1, right - left + 4), max(1, lower - upper + 4)), 0)
        ImageDraw.Draw(mask).text((2 - left, 2 - upper), text, font=font, fill=255)
        turned = mask.rotate(int(self.style["strip_turn"]), expand=True)
        cx, cy = page.px((x0 + x1) / 2), page.px((top + bottom) / 2)
        corner = (cx - turned.width // 2, cy - turned.height // 2)
        box = (*corner, corner[0] + turned.width, corner[1] + turned.height)
        page.image.paste(face.fill, box, turned)
        page.rule(x1 + 20, RIGHT, top, width=2, fill=self.colour)

    def blank(self, x0: float, x1: float, y: float) -> None:
        """The rule a hand writes on (printed sheets leave none)."""
        if self.page.rules:
            self.page.rule(x0, x1, y + 14, width=2, fill=(110, 110, 110))

    def item(
        self,
        x: float,
        y: float,
        key: str | None,
        value: str | None,
        end: float,
        *,
        tag: str | None = None,
        flush: float | None = None,
    ) -> float:
        """``LABEL - value (tag)`` from ``x`` (the label flush right at ``flush`` if given)."""
        page = self.page
        if key is None:
            start = x
        elif flush is not None:
            page.text(flush, y, self.label(key), "label", anchor="rs")
            start = flush + 40
        else:
            start = page.text(x, y, self.label(key), "label") + 34
        tag_width = page.width(f"({tag})", "option") + 30 if tag else 0
        self.blank(start - 8, end - tag_width, y)
        written = start
        if value:
            limit = end - start - tag_width - 10
            written = page.text(start + 6, y, value, "value", max_width=limit)
        if tag and (value or page.rules):
            at = max(written, start + 200) + 40 if value else end - tag_width + 20
            page.text(at, y, f"({tag})", "option")
        return written

    def row(
        self,
        y: float,
        items: Sequence[tuple[str | None, str | None, str | None]],
        *,
        flush: float | None,
        step: float,
        gap: float = 100,
    ) -> float:
        """Fields (key, value, tag) along one line, far apart, wrapping when the line is full.

        A line's first label is set flush right at ``flush`` when given; a field without a
        key is a second value of the one before it. Returns the last line's baseline.
        """
        page = self.page
        x: float | None = None
        for key, value, tag in items:
            label = page.width(self.label(key), "label") + 34 if key else 0
            size = max(page.width(value or "", "value"), 200 if value else 300) + 30
            if tag:
                size += page.width(f"({tag})", "option") + 40
            if x is not None and x + gap + label + size > RIGHT:
                x, y = None, y + step
            if x is None:
                start = flush + 40 if flush is not None else LEFT + label
                end = min(start + size, RIGHT)
                self.item(LEFT, y, key, value, end, tag=tag, flush=flush if key else None)
            else:
                start = x + gap + label
                end = min(start + size, RIGHT)
                self.item(x + gap, y, key, value, end, tag=tag)
            x = end
        return y

    def options(
        self, x: float, y: float, options: Sequence[tuple[str, str]], chosen: str | None
    ) -> float:
        """``IMMUNE / NOT IMMUNE*``: the options that do not apply struck out by hand."""
        page = self.page
        ink = page.faces["value"].fill
        size = page.faces["option"].size
        for i, (key, text) in enumerate(options):
            if i:
                x = page.text(x + 18, y, "/", "option") + 18
            end = page.text(x, y, text, "option")
            if chosen is not None and key != chosen:
                lift = page.jitter.uniform(-6, 6)
                page.draw.line(
                    [
                        (page.px(x - 14), page.px(y - size * 0.32 + lift)),
                        (page.px(end + 14), page.px(y - size * 0.4 - lift)),
                    ],
                    fill=ink,
                    width=max(1, page.px(6)),
                )
            x = end
        return page.text(x + 4, y, "*", "option")

    def table(
        self,
        y: float,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[str | None]],
        *,
        height: float = 108,
    ) -> float:
        """A table: a shaded header row of column names above rows of values; its bottom."""
        page = self.page
        edges = [*(x for _, x in columns), RIGHT]
        tint = tuple(round(255 - (255 - c) * 0.18) for c in self.colour)
        page.draw.rectangle(
            [page.px(edges[0]), page.px(y), page.px(RIGHT), page.px(y + 70)], fill=tint
        )
        for (name, x0), x1 in zip(columns, edges[1:], strict=True):
            common.box(page, x0, y, x1, y + 70, width=2)
            page.text(x0 + 20, y + 50, name, "th")
        y += 70
        for row in rows:
            for (_, x0), x1, cell in zip(columns, edges[1:], row, strict=True):
                common.box(page, x0, y, x1, y + height, width=2)
                if cell:
                    page.text(x0 + 22, y + height - 30, cell, "value", max_width=x1 - x0 - 40)
            y += height
        return y


_IMMUNE = (("immune", "IMMUNE"), ("not immune", "NOT IMMUNE"))
_YES_NO = (("yes", "YES"), ("no", "NO"))


def _answer(
    sheet: _Sheet, x: float, y: float, options: Sequence[tuple[str, str]], value: str | None
) -> None:
    """The answer to a question after its label: struck options or a written word."""
    if sheet.style["answers"] == "delete":
        sheet.options(x, y, options, value)
        return
    shown = dict(options)[value].capitalize() if value else None
    sheet.item(x, y, None, shown, x + 520)


def _measure(
    sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any], name: str
) -> str | None:
    if name not in fields:
        return None
    number = render.format_number(fields[name])
    unit = extras.get(f"{name}_unit") or ""
    if sheet.style["units_in_label"] and unit:
        sheet.labels = {**sheet.labels, name: f"{sheet.labels[name]} ({unit})"}
        return number
    return f"{number} {unit}".strip()


def _sticker(sheet: _Sheet, fields: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
    """The patient's identification label stuck on at the top right, printed by a machine.

    It names the patient and the birth date with hardly a label; on a handwritten form its
    print is still a printer's.
    """
    page, style = sheet.page, sheet.style
    printer = fonts.family(style["sticker_font"])
    if style["handwriting"]:
        page.faces["sticker"] = render.Face(printer.regular, 46, (20, 20, 20))
    face = "sticker" if style["handwriting"] else "value"
    page.faces["sticker_label"] = render.Face(printer.regular, 34, (40, 40, 40))
    x0, y0, x1, y1 = 1480.0, 395.0, RIGHT, 690.0
    page.draw.rounded_rectangle(
        [page.px(x0), page.px(y0), page.px(x1), page.px(y1)],
        radius=page.px(20),
        fill=(251, 251, 246),
        outline=(150, 150, 150),
        width=max(1, page.px(2)),
    )
    x = x0 + 34
    if fields.get("patient_name"):
        page.text(x, y0 + 85, fields["patient_name"], face, max_width=x1 - x - 30)
    end = page.text(x, y0 + 175, f"{sheet.labels['birth_date']}:", "sticker_label")
    birth = common.date_text(fields, "birth_date", style)
    if birth:
        page.text(end + 24, y0 + 175, birth, face, max_width=x1 - end - 50)
    page.text(x, y0 + 255, f"{sheet.labels['chart']} {extras['chart']}", "sticker_label")


def _record_one(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    labels = sheet.labels
    sticker = bool(style["sticker"])
    right = [style["clinic"]["form_code"]]
    if not sticker:
        right.append(f"{labels['chart']} {extras['chart']}")
    sheet.letterhead(right)
    page.text(LEFT - 60, 500, labels["title"].upper(), "title")
    record = common.date_text(fields, "record_date", style)
    top = 600.0  # the patient's band
    if sticker:
        _sticker(sheet, fields, extras)
        top = 740.0
    if style["date_place"] == "top" and sticker:  # under the title
        sheet.item(LEFT - 60, 620, "record_date", record, 1380)
    elif style["date_place"] == "top":
        width = max(page.width(record or "", "value"), 330) + 30
        sheet.item(RIGHT - width, 500, "record_date", record, RIGHT, flush=RIGHT - width - 20)
    gutter = None
    if style["arrangement"] == "gutter":  # flush right against the widest first label
        firsts = ("patient_name", "birth_date", "address", "phone", "kin_name", "kin_address")
        widest = max(page.width(sheet.label(key), "label") for key in (*firsts, "medical_problems"))
        gutter = min(LEFT + widest + 10, 1000.0)
    line = 128.0

    def first(y: float, key: str, value: str | None, end: float, tag: str | None = None) -> None:
        sheet.item(LEFT, y, key, value, end, tag=tag, flush=gutter)

    # the patient (the name and birth date on the sticker when there is one)
    y = top + 110
    measures: list[tuple[str | None, str | None, str | None]] = [
        ("weight", _measure(sheet, fields, extras, "weight"), None),
        ("height", _measure(sheet, fields, extras, "height"), None),
    ]
    if not sticker:
        first(y, "patient_name", fields.get("patient_name"), RIGHT)
        y += line
        birth = common.date_text(fields, "birth_date", style)
        measures.insert(0, ("birth_date", birth, None))
    y = sheet.row(y, measures, flush=gutter, step=line)
    y += line
    street, city, country = common.address_lines(fields, extras)
    address = ", ".join(p for p in (street, city, country) if p)
    start = (gutter + 40) if gutter else LEFT + page.width(sheet.label("address"), "label") + 40
    if page.width(address, "value") < RIGHT - start - 20:
        first(y, "address", address or None, RIGHT)
    else:  # street on the first line, the rest on the next
        first(y, "address", street, RIGHT)
        y += line
        rest = ", ".join(p for p in (city, country) if p)
        sheet.item(start, y, None, rest or None, RIGHT)
    y += line
    phone = common.phone_text(fields.get("phone"), style)
    first(y, "phone", phone, min(start + 900, RIGHT), tag="home" if phone else None)
    bottom = y + 70
    sheet.strip(top, bottom, "strip_patient")

    # whom to notify
    top = bottom + 60
    y = top + 110
    name = fields.get("emergency_contact_name")
    y = sheet.row(
        y,
        [("kin_name", name, None), ("relationship", extras.get("relationship"), None)],
        flush=gutter,
        step=line,
    )
    y += line
    home = common.phone_text(fields.get("emergency_contact_phone"), style)
    work = common.phone_text(extras.get("emergency_work_phone"), style)
    phones: list[tuple[str | None, str | None, str | None]] = [
        ("phone", home, "home" if home and work else None)
    ]
    if work:
        phones.append((None, work, "work"))
    y = sheet.row(y, phones, flush=gutter, step=line, gap=90)
    y += line
    first(y, "kin_address", fields.get("emergency_contact_address"), RIGHT)
    bottom = y + 70
    sheet.strip(top, bottom, "strip_kin")

    # immunities and history
    top = bottom + 60
    y = top + 110
    questions = ("chicken_pox", "measles", "hepatitis_b_vaccination")
    widest = max(page.width(sheet.label(key), "label") for key in questions)
    answer_x = min(max(1650.0, LEFT + widest + 100), 1820.0)
    for key, options in (
        ("chicken_pox", _IMMUNE),
        ("measles", _IMMUNE),
        ("hepatitis_b_vaccination", _YES_NO),
    ):
        if gutter is None:
            page.text(LEFT, y, sheet.label(key), "label")
        else:
            page.text(answer_x - 80, y, sheet.label(key), "label", anchor="rs")
        _answer(sheet, answer_x, y, options, fields.get(key))
        y += line
    problems = common.list_text(fields.get("medical_problems"), style["empty_list"])
    first(y, "medical_problems", problems, RIGHT)
    y += line * 0.8
    if style["answers"] == "delete":
        page.text(RIGHT, y, labels["delete"], "small", anchor="rs")
    bottom = y + 40
    sheet.strip(top, bottom, "strip_history")

    if style["date_place"] == "foot":
        y = 2930.0
        page.rule(LEFT, 1500, y + 14, width=3, fill=(60, 60, 60))
        page.scribble(LEFT + 80, LEFT + 700, y, tuple(style["ink"]))
        page.text(LEFT, y + 70, labels["signature"], "small")
        sheet.item(1650, y, "record_date", record, RIGHT)
    sheet.footer(labels["page"].format(n=1, total=2))
    return page.image


def _record_two(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    labels = sheet.labels
    sheet.letterhead([style["clinic"]["form_code"]])
    y = 470.0
    if style["running_header"]:
        sheet.item(LEFT - 60, y, "patient_name", fields.get("patient_name"), 1600)
        page.text(RIGHT, y, f"{sheet.label('chart')} {extras['chart']}", "label", anchor="rs")
        page.rule(LEFT - 60, RIGHT, y + 40, width=2, fill=(120, 120, 120))
    line = 128.0

    # coverage
    top = 570.0
    y = top + 110
    page.text(LEFT, y, sheet.label("has_insurance"), "label")
    _answer(sheet, 1650, y, _YES_NO, fields.get("has_insurance"))
    y += 60
    policy = extras.get("policy_number_printed") or fields.get("policy_number")
    y = sheet.table(
        y,
        [
            (labels["insurance_company"], LEFT),
            (labels["policy_number"], 1250),
            (labels["insurance_expiry"], 1900),
        ],
        [
            [
                fields.get("insurance_company"),
                policy,
                common.date_text(fields, "insurance_expiry", style),
            ]
        ],
    )
    y += line
    sheet.item(LEFT, y, "insurance_address", fields.get("insurance_address"), RIGHT)
    if style["answers"] == "delete":
        page.text(RIGHT, y + 90, labels["delete"], "small", anchor="rs")
    bottom = y + 110
    sheet.strip(top, bottom, "strip_insurance")

    # allergies
    top = bottom + 60
    allergies = fields.get("allergies")
    reactions = list(extras.get("reactions") or ())
    rows: list[list[str | None]] = [
        [a, reactions[i] if i < len(reactions) else None] for i, a in enumerate(allergies or ())
    ]
    if allergies is not None and not allergies:
        rows = [[style["no_allergies"] or None, None]]
    rows += [[None, None]] * (3 - len(rows))
    bottom = (
        sheet.table(top + 40, [(labels["allergen"], LEFT), (labels["reaction"], 1500)], rows) + 40
    )
    sheet.strip(top, bottom, "strip_allergies")

    # regular medicines
    top = bottom + 60
    medication = fields.get("regular_medication")
    doses = list(extras.get("doses") or ())
    rows = []
    for i, name in enumerate(medication or ()):
        dose, often = doses[i] if i < len(doses) else (None, None)
        rows.append([name, dose, often])
    if medication is not None and not medication:
        rows = [[style["empty_list"] or None, None, None]]
    rows += [[None, None, None]] * (4 - len(rows))
    bottom = (
        sheet.table(
            top + 40,
            [(labels["drug"], LEFT), (labels["dose"], 1300), (labels["frequency"], 1800)],
            rows,
        )
        + 40
    )
    sheet.strip(top, bottom, "strip_medicines")

    y = 2930.0
    page.rule(LEFT, 1500, y + 14, width=3, fill=(60, 60, 60))
    page.scribble(LEFT + 80, LEFT + 700, y, tuple(style["ink"]))
    page.text(LEFT, y + 70, labels["signature"], "small")
    sheet.footer(labels["page"].format(n=2, total=2))
    return page.image


def _flow(
    sheet: _Sheet,
    segments: Sequence[tuple[str | None, bool]],
    y: float,
    step: float,
) -> float:
    """Running text from LEFT to RIGHT: prose words and whole values (``True``) in turn.

    A value is never broken; a missing value on a ruled (handwritten) sheet leaves a blank
    rule. Punctuation that opens a prose segment sticks to what precedes it. Returns the
    last line's baseline.
    """
    page = sheet.page
    space = page.width(" ", "prose")
    x = LEFT
    for text, is_value in segments:
        if is_value:
            if not text and not page.rules:
                continue
            width = min(page.width(text, "value") if text else 520, RIGHT - LEFT)
            if x > LEFT and x + space + width + 50 > RIGHT:  # room for a comma after it
                x, y = LEFT, y + step
            start = x + (space if x > LEFT else 0)
            sheet.blank(start - 6, start + width + 24, y)
            if text:
                page.text(start + 6, y, text, "value", max_width=RIGHT - LEFT)
            x = start + width + 30  # merged text keeps a gap before its punctuation
            continue
        for word in (text or "").split():
            glued = word[0] in ",.;:)"
            width = page.width(word, "prose")
            gap = 0 if glued or x == LEFT else space
            if x > LEFT and x + gap + width > RIGHT and not glued:
                x, y, gap = LEFT, y + step, 0
            x = page.text(x + gap, y, word, "prose")
    return y


def _prescription(
    fields: Mapping[str, Any], extras: Mapping[str, Any], style: Mapping[str, Any], dpi: int
) -> Image.Image:
    sheet = _Sheet(dpi, style)
    page = sheet.page
    labels = sheet.labels
    date = common.date_text(fields, "date", style)
    sheet.letterhead([f"{labels['rx_number']} {extras['chart']}"])
    if style["date_place"] == "labelled":  # under the Rx number, the value after its label
        width = max(page.width(date or "", "value"), 300)
        page.text(RIGHT - width - 30, 290, f"{labels['date']}:", "letterhead", anchor="rs")
        sheet.blank(RIGHT - width - 10, RIGHT, 290)
        if date:
            page.text(RIGHT - width, 290, date, "value", max_width=width)
        y = 520.0
    else:  # alone at the top right, as a letter's date
        if date:
            page.text(RIGHT, 500, date, "value", anchor="rs")
        y = 600.0
    if labels["title"]:
        page.text(PAGE_WIDTH / 2, y, labels["title"].upper(), "title", anchor="ms")
        y += 130

    birth = extras.get("patient_birth") if style["show_birth"] else None
    birth_text = common.format_date(birth, style["date_style"], short_year=False) if birth else None
    segments: list[tuple[str | None, bool]] = [
        (labels["opening"], False),
        (fields.get("patient_name"), True),
    ]
    if birth_text:
        segments += [(f", {labels['born']}", False), (birth_text, True)]
    if fields.get("patient_address") or page.rules:
        segments += [(f", {labels['of']}", False), (fields.get("patient_address"), True)]
    segments.append((f", {labels['following']}", False))
    step = max(page.faces["value"].size, page.faces["prose"].size) + 52
    y = _flow(sheet, segments, y + 60, step)

    # the medicines, numbered; perhaps a quantity line under each
    y += 60
    indent = LEFT + 90
    if style["rx"] != "none":
        page.add_face("rx", style["rx_font"] if style["rx"] == "glyph" else style["title_font"], 96)
        page.text(LEFT - 40, y + 110, fonts.RX_GLYPH if style["rx"] == "glyph" else "Rx", "rx")
        indent = LEFT + 180
    quantities = list(extras.get("quantities") or ())
    for i, medicine in enumerate(fields.get("medicines", ())):
        y += step + 10
        end = page.text(indent, y, f"{i + 1}.", "prose")
        page.text(end + 30, y, medicine, "value", max_width=RIGHT - end - 40)
        if style["quantity_lines"] and i < len(quantities):
            y += step - 10
            q_end = page.text(end + 30, y, labels["quantity"], "prose")
            sheet.blank(q_end + 20, q_end + 330, y)
            page.text(q_end + 30, y, quantities[i], "value")

    # directions
    directions = fields.get("directions")
    y += step + 60
    if directions or page.rules:
        label_end = page.text(LEFT, y, labels["directions"], "prose")
        first_x = label_end + 30
        words = (directions or "").split()
        lines: list[str] = []
        x_start = first_x
        current = ""
        for word in words:  # the first line starts after the label
            candidate = f"{current} {word}".strip()
            if current and page.width(candidate, "value") > RIGHT - x_start - 20:
                lines.append(current)
                current, x_start = word, LEFT + 40
            else:
                current = candidate
        if current:
            lines.append(current)
        for i in range(max(len(lines), 2 if page.rules else 1)):
            x = first_x if i == 0 else LEFT + 40
            if i:
                y += step
            sheet.blank(x - 6, RIGHT, y)
            if i < len(lines):
                page.text(x, y, lines[i], "value", max_width=RIGHT - x - 10)
        y += step + 40

    # refills as a sentence
    refills = fields.get("refills")
    y += 30
    end = page.text(LEFT, y, labels["refills"], "prose")
    if refills is not None or page.rules:
        shown = str(refills) if refills is not None else ""
        width = max(page.width(shown, "value"), 90)
        sheet.blank(end + 24, end + width + 60, y)
        page.text(end + 40, y, shown, "value")
        end += width + 70
    if labels["times"] and refills != "PRN":
        page.text(end + 10, y, labels["times"], "prose")

    # the signature, the printed name under it, the licence number
    y = min(y + 330, 2900.0)
    if labels["signed"]:
        page.text(1350, y, labels["signed"], "small", anchor="rs")
    page.scribble(1450, 2150, y - 10, (25, 35, 110))
    page.rule(1400, RIGHT, y + 14, width=3, fill=(60, 60, 60))
    page.add_face("doctor", style["title_font"], 48, bold=True)
    page.text(1400, y + 80, fields.get("prescriber", ""), "doctor", max_width=RIGHT - 1400)
    below = y + 140
    if extras.get("specialty"):
        page.text(1400, below, extras["specialty"], "letterhead")
        below += 52
    page.text(1400, below, f"{labels['licence']} {extras['licence']}", "letterhead")
    if labels["validity"]:
        page.text(LEFT - 60, 3110, labels["validity"], "small")
    sheet.footer(labels["page"])
    return page.image


# The pages; ``pages=1`` draws only a record's first page.
render_pages = common.form_renderer((_prescription, _record_one, _record_two))
