"""The generic reader on printed grids: drug check lists, choice matrices and role rows.

Each test draws the page's lines and boxes the way a form prints them and lays OCR words
over them (:mod:`tests.wordkit`), then reads the page as ``medreview extract`` would.
"""

from __future__ import annotations

import cv2
import numpy as np

from medreview.config import PipelineConfig
from medreview.documents import DocumentType
from medreview.model import BBox, Word
from medreview.parsing import parse_fields
from tests.wordkit import layout, ocr_page, row

CONFIG = PipelineConfig()
WIDTH, HEIGHT = 2550, 3300


def read(document_type: DocumentType, words: list[Word], image: np.ndarray) -> dict[str, object]:
    outcome = parse_fields(document_type, [ocr_page(words)], CONFIG, [image])
    return {name: result.value for name, result in outcome.fields.items()}


def blank() -> np.ndarray:
    return np.full((HEIGHT, WIDTH), 255, dtype=np.uint8)


def check_box(image: np.ndarray, x: int, y: int, *, ticked: bool) -> None:
    """A printed 36 px box at ``(x, y)``, crossed when ``ticked``."""
    cv2.rectangle(image, (x, y), (x + 36, y + 36), 0, 3)
    if ticked:
        cv2.line(image, (x + 6, y + 6), (x + 30, y + 30), 0, 5)
        cv2.line(image, (x + 30, y + 6), (x + 6, y + 30), 0, 5)


def test_a_drug_check_list_in_two_columns_is_read_down_each_column_then_its_other_rules() -> None:
    """A discharge form's printed drugs: the ticked ones, left column first, then "Other Rx:".

    The big "Rx" beside the first row is taller than the list's words; the boxes are still
    measured against the list's own text size.
    """
    image = blank()
    drugs = (
        ("Amlodipine 10 mg", True, "Omeprazole 20 mg", True),
        ("Cephalexin 250 mg", False, "Tramadol 50 mg", False),
        ("Lisinopril 20 mg tab", True, "Sertraline 25 mg", False),
    )
    words = layout([(400, 150, "Patient name: John Smith"), (480, 150, "Date: 03/14/2024")])
    words.append(Word("Rx", 0.95, BBox(150, 590, 270, 690)))
    for index, (left, left_ticked, right, right_ticked) in enumerate(drugs):
        y = 620 + 80 * index
        check_box(image, 340, y, ticked=left_ticked)
        check_box(image, 1370, y, ticked=right_ticked)
        words += row(y, 400, left) + row(y, 1430, right)
    words += layout(
        [
            (900, 340, "Other Rx:"),
            (900, 520, "Metformin 500 mg"),
            (980, 340, "Other Rx:"),
            (1100, 150, "Instructions for patient: Take one tablet daily"),
        ]
    )
    medicines = read(DocumentType.PRESCRIPTION, words, image)["medicines"]
    assert medicines == [
        "Amlodipine 10 mg",
        "Lisinopril 20 mg tab",
        "Omeprazole 20 mg",
        "Metformin 500 mg",
    ]
