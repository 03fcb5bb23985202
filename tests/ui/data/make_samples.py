"""Regenerate the committed review-window samples (run from the repository root).

Each sample is a folder with ``page-NNN.png``, ``page-NNN-prepared.png`` and
``result.json`` (the extract contract plus word boxes) whose boxes match the
drawn words exactly, so clicking a box on screen picks a known word.

    .venv/bin/python tests/ui/data/make_samples.py
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from medreview.model import BBox, ExtractionResult, FieldResult, PageInfo

HERE = Path(__file__).parent
WIDTH, HEIGHT, DPI = 850, 1100, 100
FONT = ImageFont.load_default(size=22)
SMALL = ImageFont.load_default(size=17)

# (field, label, page, lines of the value as printed, ocr lines or None, confidence, value)
Row = tuple[str, str, int, list[str], list[str] | None, float, object]

SAMPLES: dict[str, tuple[str, list[str], list[Row]]] = {
    "rx_0001": (
        "prescription",
        ["Dr Alan Reyes, M.D", "12 Elm Street, Springfield", "(217) 555-0143"],
        [
            ("prescriber", "", 0, ["Dr Alan Reyes, M.D"], None, 0.95, "Dr Alan Reyes, M.D"),
            ("patient_name", "Name:", 0, ["Helen Okafor"], ["Helen 0kafor"], 0.91, "Helen Okafor"),
            ("date", "Date:", 0, ["03/14/2023"], None, 0.88, "2023-03-14"),
            (
                "patient_address",
                "Address:",
                0,
                ["41 Orchard Lane, Springfield, IL"],
                None,
                0.72,
                "41 Orchard Lane, Springfield, IL",
            ),
            (
                "medicines",
                "Rx",
                0,
                ["Amoxicillin 500 mg", "Ibuprofen 400 mg"],
                ["Amoxicilin 500 mg", "Ibuprofen 400 mg"],
                0.41,
                ["Amoxicillin 500 mg", "Ibuprofen 400 mg"],
            ),
            (
                "directions",
                "Directions:",
                0,
                ["Take three times a day for 7 days"],
                None,
                0.93,
                "Take three times a day for 7 days",
            ),
            ("refills", "Refill:", 0, ["2"], None, 0.97, 2),
        ],
    ),
    "rx_0002": (
        "prescription",
        ["Dr Maria Chen", "8 Harbor Road, Salem", "(503) 555-0110"],
        [
            ("prescriber", "", 0, ["Dr Maria Chen"], None, 0.96, "Dr Maria Chen"),
            ("patient_name", "Name:", 0, ["Samuel Ortiz"], None, 0.93, "Samuel Ortiz"),
            ("date", "Date:", 0, ["08/02/2021"], None, 0.9, "2021-08-02"),
            (
                "patient_address",
                "Address:",
                0,
                ["77 Birch Rd, Portland"],
                None,
                0.9,
                "77 Birch Rd, Portland",
            ),
            ("medicines", "Rx", 0, ["Salbutamol 100 mcg"], None, 0.89, ["Salbutamol 100 mcg"]),
            (
                "directions",
                "Directions:",
                0,
                ["Two puffs as needed"],
                None,
                0.9,
                "Two puffs as needed",
            ),
            ("refills", "Refill:", 0, ["1"], ["l"], 0.55, 1),
        ],
    ),
    "pd_0001": (
        "patient_details",
        ["Patient Medical Record"],
        [
            ("record_date", "Date:", 0, ["08/02/2021"], None, 0.94, "2021-08-02"),
            ("patient_name", "Name:", 0, ["Samuel Ortiz"], None, 0.92, "Samuel Ortiz"),
            ("phone", "Phone:", 0, ["415 555 0182"], None, 0.81, "(415) 555-0182"),
            ("birth_date", "Birth Date:", 0, ["11/23/1984"], None, 0.9, "1984-11-23"),
            ("chicken_pox", "Chicken Pox:", 0, ["IMMUNE"], None, 0.93, "immune"),
            ("measles", "Measles:", 0, ["NOT IMMUNE"], None, 0.64, "not immune"),
            (
                "insurance_company",
                "Insurance:",
                1,
                ["Northwind Mutual"],
                None,
                0.9,
                "Northwind Mutual",
            ),
            ("policy_number", "Policy No:", 1, ["4820193375"], None, 0.52, "4820193375"),
            ("has_insurance", "Insured:", 1, ["Yes"], None, 0.95, "yes"),
            ("allergies", "Allergies:", 1, ["Penicillin"], None, 0.87, ["Penicillin"]),
        ],
    ),
}


def _draw_words(
    draw: ImageDraw.ImageDraw, x: int, y: int, text: str, font: ImageFont.FreeTypeFont
) -> list[BBox]:
    boxes = []
    for word in text.split():
        left, top, right, bottom = draw.textbbox((x, y), word, font=font)
        draw.text((x, y), word, fill=(25, 25, 35), font=font)
        boxes.append(BBox(int(left) - 2, int(top) - 2, int(right) + 2, int(bottom) + 2))
        x = int(right) + int(font.getlength(" "))
    return boxes


def make(name: str) -> None:
    document_type, header, rows = SAMPLES[name]
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    page_count = 1 + max(r[2] for r in rows)
    pages = [Image.new("RGB", (WIDTH, HEIGHT), (250, 248, 240)) for _ in range(page_count)]
    draws = [ImageDraw.Draw(p) for p in pages]
    y_of = [70] * page_count
    for line in header:
        draws[0].text((WIDTH // 2, y_of[0]), line, fill=(25, 25, 35), font=FONT, anchor="ma")
        y_of[0] += 34
    y_of[0] += 30
    fields: dict[str, FieldResult] = {}
    for field, label, page, lines, _ocr, confidence, value in rows:
        draw = draws[page]
        if field == "prescriber":
            _, _, width, _ = draw.textbbox((0, 0), lines[0], font=FONT)
            boxes = _draw_words(draw, (WIDTH - int(width)) // 2, 70, lines[0], FONT)
        else:
            draw.text((70, y_of[page]), label, fill=(90, 90, 100), font=SMALL)
            boxes = []
            for line in lines:
                boxes += _draw_words(draw, 220, y_of[page], line, FONT)
                y_of[page] += 40
            y_of[page] += 24
        ocr = " ".join(_ocr or lines)
        fields[field] = FieldResult(
            value=value,  # type: ignore[arg-type]
            confidence=confidence,
            page=page,
            bbox=BBox.union(boxes),
            ocr_text=ocr,
            corrected=_ocr is not None,
            boxes=tuple(boxes),
        )
    for index, image in enumerate(pages):
        image.save(folder / f"page-{index:03d}.png", optimize=True)
        gray = ImageOps.grayscale(image).point(lambda v: 255 if v > 160 else 0)
        gray.save(folder / f"page-{index:03d}-prepared.png", optimize=True)
    result = ExtractionResult(
        source=f"{name}.png",
        document_type=document_type,
        engine="sample",
        pages=[PageInfo(i, WIDTH, HEIGHT, DPI) for i in range(page_count)],
        fields=fields,
    )
    (folder / "result.json").write_text(json.dumps(result.to_json(), indent=1) + "\n")


if __name__ == "__main__":
    for sample in SAMPLES:
        make(sample)
