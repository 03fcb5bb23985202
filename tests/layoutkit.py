"""Form families for the layout tests: one printed form, many documents filled in on it.

The classic generator (``tests.corpus.generate``) draws a new style (fonts, spacing,
how answers are marked, the prescriber's header) for every document. A *family*
here keeps all of that fixed, as a printed form does, and varies only what is
written on it: the values and the page's degradation.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from medreview.model import BBox, OcrPage, Word
from tests import wordkit
from tests.corpus import generate, render

_HEADER_KEYS = ("specialty", "prescriber_street", "prescriber_city", "prescriber_phone")


@dataclass(frozen=True, slots=True)
class Family:
    """A printed form: a document type and the seed of its fixed style."""

    name: str
    document_type: str
    seed: int
    pad: bool = False
    fmt: str = "png"

    def style(self) -> dict[str, Any]:
        rnd = random.Random(f"family/{self.name}/{self.seed}")
        style = render.random_style(
            self.document_type, rnd, handwriting=self.pad, font="DejaVu Serif" if self.pad else None
        )
        if self.document_type == "prescription":
            style["variant"] = "pad" if self.pad else "printed"
            style["handwriting"] = False
            style["ink"] = [25, 25, 25]
            style["label_case"] = "title"
        else:
            style["empty_list"] = "N/A"
        return style

    def document(self, index: int) -> dict[str, Any]:
        rnd = random.Random(f"{self.name}/{index}")
        document = generate.random_document(self.document_type, rnd)
        document["style"] = self.style()
        document["font"] = document["style"]["value_font"]
        if self.document_type == "prescription":
            head = generate.random_document(self.document_type, random.Random(f"{self.name}/head"))
            document["fields"]["prescriber"] = head["fields"]["prescriber"]
            for key in _HEADER_KEYS:
                document["extras"][key] = head["extras"][key]
            if not self.pad:
                for key in ("age", "dea", "license"):
                    document["extras"].pop(key, None)
        return document

    def write(self, folder: Path, index: int, degradation: str = "clean") -> generate.Sample:
        return generate.make_sample(
            folder / f"{self.name}_{index:03d}",
            self.document(index),
            degradation=degradation,
            fmt=self.fmt,
            rng=np.random.default_rng(index),
        )


FAMILIES = (
    Family("clinic_rx", "prescription", 1),
    Family("pad_rx", "prescription", 2, pad=True),
    Family("record_a", "patient_details", 3, fmt="tiff"),
)


# --- synthetic forms: OCR words laid out as a form would print them (no OCR needed) ---

PAGE_W, PAGE_H = 2550, 3300

# (text, x, y) of printed words, and per field where its value starts
FORM_A_PRINTED = (
    ("Riverside Family Clinic", 900, 150),
    ("200 Main Street Suite", 880, 220),
    ("Telephone and Fax", 930, 290),
    ("Name:", 200, 600),
    ("Date:", 1650, 600),
    ("Address:", 200, 720),
    ("Rx", 200, 900),
    ("Directions:", 200, 1400),
    ("Refill:", 200, 1800),
    ("times", 560, 1800),
    ("Signature of prescriber", 1500, 3000),
    ("Prescriber:", 200, 2500),
)
FORM_A_VALUES = {
    "patient_name": (380, 600),
    "date": (1820, 600),
    "patient_address": (420, 720),
    "medicines": (330, 1000),
    "directions": (260, 1500),
    "refills": (400, 1800),
    "prescriber": (430, 2500),
}
FORM_B_PRINTED = (
    ("PATIENT", 1200, 400),
    ("Patient full name", 200, 1100),
    ("Date of issue", 1500, 1100),
    ("Home address of patient", 200, 1400),
    ("Medication list", 200, 1700),
    ("Instructions for use", 200, 2300),
    ("Number of repeats", 1500, 2800),
    ("Doctor", 200, 2800),
)
FORM_B_VALUES = {
    "patient_name": (200, 1170),
    "date": (1500, 1170),
    "patient_address": (200, 1470),
    "medicines": (200, 1770),
    "directions": (200, 2370),
    "refills": (1500, 2870),
    "prescriber": (200, 2870),
}
SAMPLE_VALUES: dict[str, Any] = {
    "prescriber": "Dr Alan Reyes",
    "patient_name": "Helen Okafor",
    "date": "2023-03-14",
    "patient_address": "41 Orchard Lane, Springfield, IL",
    "medicines": ["Amoxicillin 500 mg", "Ibuprofen 400 mg"],
    "directions": "Amoxicillin three times a day for 7 days",
    "refills": 2,
}


def printed_value(name: str, value: Any) -> list[str]:
    """The lines a form prints for a value (dates month first with slashes)."""
    if name == "date":
        year, month, day = str(value).split("-")
        return [f"{month}/{day}/{year}"]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def synthetic_page(
    printed: Sequence[tuple[str, int, int]],
    places: Mapping[str, tuple[int, int]],
    values: Mapping[str, Any],
    *,
    matrix: np.ndarray | None = None,
    line_gap: int = 70,
) -> OcrPage:
    """OCR words of a filled-in form; ``matrix`` (3 x 3) moves the page like a photo."""
    words: list[Word] = []
    for text, x, y in printed:
        words += wordkit.row(y, x, text)
    for name, (x, y) in places.items():
        if name in values:
            for i, line in enumerate(printed_value(name, values[name])):
                words += wordkit.row(y + i * line_gap, x, line)
    if matrix is not None:
        words = [replace(w, bbox=_moved(w.bbox, matrix)) for w in words]
    return OcrPage(0, PAGE_W, PAGE_H, tuple(words))


def _moved(box: BBox, matrix: np.ndarray) -> BBox:
    corners = np.array(
        [[[box.x0, box.y0]], [[box.x1, box.y0]], [[box.x1, box.y1]], [[box.x0, box.y1]]],
        dtype=np.float64,
    )
    moved = cv2.perspectiveTransform(corners, matrix).reshape(4, 2)
    cx, cy = moved.mean(axis=0)
    half_w, half_h = box.width / 2 * matrix[0, 0], box.height / 2 * matrix[1, 1]
    return BBox(round(cx - half_w), round(cy - half_h), round(cx + half_w), round(cy + half_h))


def photo_matrix(degrees: float = 0.0, scale: float = 1.0, perspective: float = 0.0) -> np.ndarray:
    """A tilt about the page centre, a scale and a little perspective, as a phone gives."""
    angle = np.deg2rad(degrees)
    cx, cy = PAGE_W / 2, PAGE_H / 2
    rotate = np.array(
        [
            [scale * np.cos(angle), -scale * np.sin(angle), 0.0],
            [scale * np.sin(angle), scale * np.cos(angle), 0.0],
            [0.0, 0.0, 1.0],
        ]
    )
    to_centre = np.array([[1.0, 0, -cx], [0, 1.0, -cy], [0, 0, 1.0]])
    back = np.array([[1.0, 0, cx], [0, 1.0, cy], [0, 0, 1.0]])
    keystone = np.array([[1.0, 0, 0], [0, 1.0, 0], [0, perspective / PAGE_H, 1.0]])
    return back @ keystone @ rotate @ to_centre
