"""Learned layouts: a line of a field the page's OCR missed is read again from its region."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np

from medreview.config import PipelineConfig
from medreview.layouts import LayoutSet, apply_layouts, learn
from medreview.layouts.rereading import missed_ink
from medreview.model import BBox, ExtractionResult, FieldResult, OcrPage, Word
from tests import wordkit
from tests.layoutkit import PAGE_H, PAGE_W, SAMPLE_VALUES
from tests.test_layouts import OTHER_VALUES, form_a

MISSED = "Keep refrigerated always"


def page_image(words: Sequence[Word], *, rules: Sequence[int] = ()) -> np.ndarray:
    """A white page with each word's letters drawn as strokes, and ruled lines at ``rules``."""
    image = np.full((PAGE_H, PAGE_W), 255, dtype=np.uint8)
    for word in words:
        b = word.bbox
        for x in range(b.x0, b.x1 - 4, 9):  # a letter: a stroke 4 pixels wide
            cv2.rectangle(image, (x, b.y0 + 6), (x + 4, b.y1 - 6), 0, thickness=-1)
    for y in rules:  # a rule drawn slightly askew, as a scan shows it
        cv2.line(image, (100, y), (PAGE_W - 100, y + 30), 0, thickness=3)
    return image


class InkEngine:
    """Reads blocks of ink as the words of ``known`` of the same width (an engine's stand-in)."""

    name = "ink"

    def __init__(self, known: Sequence[Word]) -> None:
        self.known = list(known)
        self.calls = 0

    def version(self) -> str:
        return "ink 1"

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        self.calls += 1
        ink = cv2.dilate((image < 128).astype(np.uint8), np.ones((1, 9), np.uint8))
        count, _labels, stats, _ = cv2.connectedComponentsWithStats(ink)
        words = []
        for x, y, w, h, area in stats[1:count]:
            same = [k for k in self.known if abs(k.bbox.width - w) <= 8]
            if area > 50 and len(same) == 1:
                words.append(Word(same[0].text, 0.9, BBox(x, y - 6, x + w, y + h + 6), page_index))
        return OcrPage(page_index, image.shape[1], image.shape[0], tuple(words))

    def detect_rotation(self, image: np.ndarray) -> int:
        return 0


def read(page: OcrPage, image: np.ndarray, engine: InkEngine) -> ExtractionResult:
    layout = learn("clinic", "prescription", [form_a()], SAMPLE_VALUES)
    first = [w for w in page.words if w.text in OTHER_VALUES["directions"].split()]
    generic = {"directions": FieldResult.from_words(OTHER_VALUES["directions"], first)}
    result = ExtractionResult("scan.png", document_type="prescription", fields=generic)
    config = PipelineConfig(layouts=LayoutSet.of([layout]))
    apply_layouts(result, [page], config, [image], engine)
    return result


def test_a_line_the_ocr_missed_is_read_again_from_the_fields_region() -> None:
    page = form_a(OTHER_VALUES)
    second = wordkit.row(1570, 260, MISSED)  # the directions' second line ...
    image = page_image([*page.words, *second], rules=[1300])
    engine = InkEngine(second)
    result = read(page, image, engine)  # ... which the page's OCR did not see
    assert engine.calls == 1
    assert result.fields["directions"].value == f"{OTHER_VALUES['directions']} {MISSED}"
    assert missed_ink(image, BBox(0, 1300, PAGE_W, 1750), page)


def test_a_region_whose_every_line_was_read_is_not_read_again() -> None:
    page = form_a(OTHER_VALUES)
    image = page_image(page.words, rules=[1300, 1650])  # ruled lines are no text
    engine = InkEngine(page.words)
    result = read(page, image, engine)
    assert engine.calls == 0
    assert result.fields["directions"].value == OTHER_VALUES["directions"]
    assert not missed_ink(image, BBox(0, 1250, PAGE_W, 1750), page)
    # without the image nothing is read again either
    plain = replace(page)
    assert read(plain, image, engine).fields["directions"].value == OTHER_VALUES["directions"]
