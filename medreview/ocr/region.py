"""Reading one rectangle of a page again: the crop, its white border, boxes back in place.

The window's region re-read (an analyst drags a box round a value) and a layout's
re-read of a field's region where the page's reading missed a line both cut the
rectangle out of the page image, put a white border round it (engines read text
touching an image's edge badly), read it with the engine and bring the word boxes
back to the page's pixels. One helper does it for both.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from medreview.model import BBox, Word
from medreview.ocr import GrayImage, OcrEngine, ascii_forms

# White border put round a cut-out region before it is read (pixels).
BORDER = 20
# A region narrower or shorter than this (after clamping to the page) is not read.
MIN_SIDE = 4


def read_region(
    engine: OcrEngine, image: GrayImage, box: BBox, page_index: int = 0, border: int = BORDER
) -> list[Word]:
    """The words the engine reads in ``box`` of a gray page ``image``, in page pixels.

    The box is clamped to the page first; a box with less than :data:`MIN_SIDE` pixels
    left on a side (or none) reads no words. Each word keeps its text and confidence,
    its box moved back to the page and its ``page`` set to ``page_index``.
    """
    height, width = image.shape[:2]
    x0, y0 = max(0, box.x0), max(0, box.y0)
    x1, y1 = min(width, box.x1), min(height, box.y1)
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        return []
    crop = np.full((y1 - y0 + 2 * border, x1 - x0 + 2 * border), 255, dtype=np.uint8)
    crop[border : border + y1 - y0, border : border + x1 - x0] = image[y0:y1, x0:x1]
    read = engine.recognize(np.ascontiguousarray(crop), page_index)
    dx, dy = x0 - border, y0 - border
    return [
        replace(
            word,
            bbox=_clamped(
                BBox(word.bbox.x0 + dx, word.bbox.y0 + dy, word.bbox.x1 + dx, word.bbox.y1 + dy),
                width,
                height,
            ),
            page=page_index,
            text=ascii_forms(word.text),
            ocr_text=ascii_forms(word.ocr_text),
        )
        for word in read.words
    ]


def _clamped(box: BBox, width: int, height: int) -> BBox:
    """The box inside the page (a word the engine boxed out into the border)."""
    x0, y0 = min(max(0, box.x0), width - 1), min(max(0, box.y0), height - 1)
    return BBox(x0, y0, max(x0 + 1, min(width, box.x1)), max(y0 + 1, min(height, box.y1)))
