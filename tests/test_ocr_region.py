"""The one region re-read helper: crop, white border, boxes back in the page's pixels."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from medreview.model import BBox, OcrPage, Word
from medreview.ocr import get_engine
from medreview.ocr.region import BORDER, read_region

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


class InkEngine:
    """Reads every blob of ink in the image it is given as one word ``"ink"``."""

    name = "ink"

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def version(self) -> str:
        return "ink 1"

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        self.shapes.append(image.shape)
        count, _labels, stats, _c = cv2.connectedComponentsWithStats((image < 128).astype(np.uint8))
        words = tuple(
            Word("ink", 0.9, BBox(int(x), int(y), int(x + w), int(y + h)), page_index)
            for x, y, w, h, _area in stats[1:count]
        )
        return OcrPage(page_index, image.shape[1], image.shape[0], words, self.version())

    def detect_rotation(self, image: np.ndarray) -> int:
        return 0


def page_with_blocks(*boxes: BBox) -> np.ndarray:
    page = np.full((400, 600), 255, dtype=np.uint8)
    for b in boxes:
        page[b.y0 : b.y1, b.x0 : b.x1] = 0
    return page


def test_words_come_back_in_page_pixels_with_the_page_index() -> None:
    block = BBox(300, 200, 340, 220)
    engine = InkEngine()
    words = read_region(
        engine, page_with_blocks(block, BBox(10, 10, 50, 30)), BBox(250, 150, 400, 260), 3
    )
    assert [(w.bbox, w.page) for w in words] == [(block, 3)]
    assert engine.shapes == [(110 + 2 * BORDER, 150 + 2 * BORDER)]  # the crop and its border


def test_a_box_past_the_page_is_clamped_to_it() -> None:
    block = BBox(560, 370, 600, 400)  # in the page's bottom right corner
    engine = InkEngine()
    words = read_region(engine, page_with_blocks(block), BBox(500, 300, 900, 700))
    assert [w.bbox for w in words] == [block]
    assert engine.shapes == [(100 + 2 * BORDER, 100 + 2 * BORDER)]


@pytest.mark.parametrize(
    "box", [BBox(10, 10, 12, 12), BBox(700, 500, 800, 600), BBox(-50, 5, -1, 90)]
)
def test_a_box_with_nothing_of_the_page_in_it_reads_nothing(box: BBox) -> None:
    engine = InkEngine()
    assert read_region(engine, page_with_blocks(BBox(0, 0, 600, 400)), box) == []
    assert engine.shapes == []


def test_a_real_engine_reads_only_the_region() -> None:
    image = Image.new("L", (1200, 800), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    draw.text((100, 100), "Ignore this line", font=font, fill=0)
    draw.text((600, 500), "Ibuprofen 400 mg", font=font, fill=0)
    gray = np.asarray(image, dtype=np.uint8)
    words = read_region(get_engine("tesseract"), gray, BBox(560, 470, 1150, 580), 1)
    assert [w.text for w in words] == ["Ibuprofen", "400", "mg"]
    assert words[0].bbox.x0 == pytest.approx(600, abs=10)
    assert words[0].bbox.y0 == pytest.approx(512, abs=15)
    assert {w.page for w in words} == {1}
