"""OCR engines behind one small interface, selected by name.

An engine turns a grayscale page image (``numpy.ndarray``, uint8) into an
:class:`~medreview.model.OcrPage` whose word boxes are in that image's pixel
space. A new engine is one new module plus one line in :data:`_ENGINES`.
"""

from __future__ import annotations

import importlib
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from medreview.errors import UsageError
from medreview.model import OcrPage

GrayImage = npt.NDArray[np.uint8]


@runtime_checkable
class OcrEngine(Protocol):
    """What the pipeline needs of an OCR engine."""

    name: str

    def version(self) -> str:
        """A short ``"name version"`` string for the result's ``engine`` key."""
        ...

    def recognize(self, image: GrayImage, page_index: int) -> OcrPage:
        """Read every word of a page image."""
        ...

    def detect_rotation(self, image: GrayImage) -> int:
        """Degrees (0, 90, 180, 270) the page must be turned clockwise to be upright."""
        ...


# name -> "module:factory"; imported lazily so an optional engine's missing
# package only matters when that engine is asked for.
_ENGINES: dict[str, str] = {
    "ppocr": "medreview.ocr.ppocr:PpocrEngine",
    "tesseract": "medreview.ocr.tesseract:create_default",
    "tesserocr": "medreview.ocr.tesseract:TesserocrEngine",
    "pytesseract": "medreview.ocr.tesseract:PytesseractEngine",
    "vision": "medreview.ocr.vision:VisionEngine",
}


# Full-width forms (U+FF01 to U+FF5E) to their ASCII twins: PP-OCR's models, trained on
# Chinese print too, read a colon or a comma as "：" or "，" now and then ("Qty：#7").
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def ascii_forms(text: str) -> str:
    """The text with full-width letters, digits and punctuation as plain ASCII."""
    return text.translate(_FULL_WIDTH)


def engine_names() -> list[str]:
    """The names ``--engine`` accepts."""
    return sorted(_ENGINES)


DEFAULT_ENGINE = "ppocr"


def get_engine(name: str, language: str = "eng", threads: int = 1) -> OcrEngine:
    """Create the engine registered under ``name``.

    ``threads`` is how many threads one engine may use (engines that parallelise
    by process, such as Tesseract, ignore it).
    """
    try:
        target = _ENGINES[name]
    except KeyError:
        raise UsageError(
            f"unknown OCR engine {name!r}; choose one of {', '.join(engine_names())}"
        ) from None
    module_name, _, factory_name = target.partition(":")
    factory = getattr(importlib.import_module(module_name), factory_name)
    engine: OcrEngine = factory(language=language, threads=threads)
    return engine
