"""Fake OCR engines for fault injection and fast pipeline tests."""

from __future__ import annotations

import numpy as np

from medreview.errors import EngineError
from medreview.model import BBox, OcrPage, Word


class ScriptedEngine:
    """Returns the same words for every page, in the image's pixel space."""

    name = "scripted"

    def __init__(self, lines: list[str], confidence: float = 0.95) -> None:
        self.lines = lines
        self.confidence = confidence
        self.calls = 0

    def version(self) -> str:
        return "scripted 1.0"

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        self.calls += 1
        words = []
        for line_no, line in enumerate(self.lines):
            x = 100
            for text in line.split():
                width = 22 * len(text)
                box = BBox(x, 100 + 60 * line_no, x + width, 140 + 60 * line_no)
                words.append(Word(text, self.confidence, box, page_index, 0, line_no))
                x += width + 20
        height, width = image.shape[:2]
        return OcrPage(page_index, width, height, tuple(words), self.version())

    def detect_rotation(self, image: np.ndarray) -> int:
        return 0


class CrashingEngine(ScriptedEngine):
    """An engine with a bug: raises an unexpected exception."""

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        raise RuntimeError("segfault-like failure with patient text Helen Okafor")


class FailingEngine(ScriptedEngine):
    """An engine that reports a failure the way real engines do."""

    def recognize(self, image: np.ndarray, page_index: int) -> OcrPage:
        raise EngineError(f"Tesseract failed on page {page_index + 1}")
