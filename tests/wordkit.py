"""Hand-made OCR output for parser tests: words laid out like a page, with boxes."""

from __future__ import annotations

from collections.abc import Sequence

from medreview.model import BBox, OcrPage, Word

CHAR_W = 18
HEIGHT = 36
SPACE = 14


def row(
    y: int, x: int, text: str, *, conf: float = 0.95, page: int = 0, dy_per_word: int = 0
) -> list[Word]:
    """Words of ``text`` from ``(x, y)``; ``dy_per_word`` tilts the line (skew)."""
    words: list[Word] = []
    for i, token in enumerate(text.split()):
        width = CHAR_W * len(token)
        top = y + i * dy_per_word
        words.append(Word(token, conf, BBox(x, top, x + width, top + HEIGHT), page=page))
        x += width + SPACE
    return words


def layout(
    rows: Sequence[tuple[int, int, str]], *, page: int = 0, conf: float = 0.95
) -> list[Word]:
    """Words of several ``(y, x, text)`` rows."""
    return [w for y, x, text in rows for w in row(y, x, text, conf=conf, page=page)]


def ocr_page(words: Sequence[Word], index: int = 0) -> OcrPage:
    """A page holding ``words`` (shuffled order does not matter to the parser)."""
    return OcrPage(index=index, width=2550, height=3300, words=tuple(words))
