"""A second reader: Tesseract re-reads each field's evidence region and the readings are compared.

The main engine (PP-OCRv6) and Tesseract make different mistakes; where they give
the same value it was right every time in our measurements, while PP-OCR's own
score flagged few of its errors. So after the fields are parsed, Tesseract reads
the region of each field's evidence (the field's box, slightly enlarged, never
the whole page) and the two readings are compared:

- dates, phones, numbers, refills, policy numbers and enum answers: on canonical
  values, coerced by the same coercers the parser uses (``(415) 555-0185`` and
  ``415-555-0185`` agree);
- enum answers given by a tick beside printed options: a drawn mark is not text,
  so no verdict is made (``agreement`` stays ``None``);
- short free text (names, addresses, directions): the same words in the same order,
  compared case-blind and ignoring sentence punctuation (:func:`tokens`) and
  single-character specks that the value does not contain;
- lists and long free text: every word of the value must be among the words
  Tesseract read there (list numbers and bullets it adds are ignored).

The verdict goes into :attr:`FieldResult.agreement` (and the second reader's value
into ``second_reading`` when they differ), and the field's confidence is
recombined: agreement halves its doubt, a disagreement or a failed validation
caps it below :data:`LOW_CONFIDENCE`. A disagreeing field is never verified
automatically (:mod:`medreview.store.autoverify`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

import cv2
import numpy as np

from medreview.config import PipelineConfig
from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.model import FieldData, FieldResult, Word
from medreview.ocr import GrayImage, OcrEngine
from medreview.ocr.tesseract import PSM_BLOCK, create_default
from medreview.parsing import canonical
from medreview.parsing.values import KIND_TYPES, value_type
from medreview.validation import validate_field

# The engines that are Tesseract: reading a field again with them tells nothing.
TESSERACT_ENGINES = frozenset({"tesseract", "tesserocr", "pytesseract"})
# Below this a field is shown as doubtful (the review window's medium threshold).
LOW_CONFIDENCE = 0.60
# A disagreeing or invalid field's confidence is capped here, under LOW_CONFIDENCE.
DOUBTFUL_CAP = 0.45
# Share of the remaining doubt an agreement removes.
AGREEMENT_GAIN = 0.5
# Free text of more words than this is compared as a bag of words, like a list.
SHORT_TEXT_WORDS = 6
# Margin around the evidence box, in line heights, and the white border added.
_PAD_X, _PAD_Y, _BORDER = 0.5, 0.2, 16
# Tesseract reads best with text about this many pixels tall.
_MIN_LINE_PX, _TARGET_LINE_PX = 28, 40

_TYPED_KINDS = frozenset(
    {
        FieldKind.DATE,
        FieldKind.PHONE,
        FieldKind.INTEGER,
        FieldKind.NUMBER,
        FieldKind.REFILLS,
        FieldKind.ALNUM,
        FieldKind.ENUM,
    }
)


class WordCorrector(Protocol):
    """The pipeline's medical corrector, applied to the second reading too."""

    def correct(self, words: Sequence[Word]) -> list[Word]:
        """Words with misread medical terms corrected."""
        ...


def wanted(config: PipelineConfig, first_engine: str | None = None) -> bool:
    """Whether ``config`` asks for a second reading (never Tesseract after Tesseract)."""
    first = first_engine or config.engine
    return config.second_reader and first not in TESSERACT_ENGINES


@lru_cache(maxsize=2)
def reader_engine(language: str) -> OcrEngine:
    """This process's Tesseract for regions (one block of text each), loaded once."""
    return create_default(language, psm=PSM_BLOCK)


def tokens(text: str) -> list[str]:
    """Case-blind words, split at spaces and sentence punctuation.

    Other marks stay inside their word: ``6416"Willow`` is not ``6416 Willow``, and the
    full stop after a lone letter is an abbreviation's, not a sentence's: ``M.D.`` is not
    ``M.D``. Rules and box edges read at a word's ends (``|``, ``_``, dashes) are dropped.
    """
    initials = re.sub(r"(?<![a-z0-9])([a-z])\.", "\\1\x00", text.casefold())
    spaced = re.sub(r"[,.;:!?()\[\]{}]", " ", initials).replace("\x00", ".")
    words = (word.strip("|_-–—~'`\"") for word in spaced.split())
    return [word for word in words if word]


def _text_of(value: FieldData) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def compare(
    spec: FieldSpec, value: FieldData, reading: str, config: PipelineConfig
) -> tuple[bool | None, FieldData]:
    """The verdict on ``value`` given the second reader's text of its region.

    Returns ``(agreement, second_value)``; ``agreement`` is ``None`` when no
    verdict can be made (see the module docstring for the rules).
    """
    if spec.kind in _TYPED_KINDS:
        if spec.kind is FieldKind.ENUM and all(
            set(tokens(choice)) <= set(tokens(reading)) for choice in spec.choices
        ):
            return None, None  # every option printed: the answer is a mark, not text
        reader = value_type(KIND_TYPES[spec.kind])
        typed = reader.coerce(reading, config.date_order, spec.choices) if reading.strip() else None
        return typed == value, typed
    first = tokens(_text_of(value))
    read = tokens(reading)
    second: FieldData
    if spec.kind is FieldKind.LIST:
        second = canonical.parse_list(reading) if read else None
    else:
        second = canonical.one_line(reading) or None
    if not first:
        return None, None
    if spec.kind is FieldKind.LIST or len(first) > SHORT_TEXT_WORDS:
        missing = Counter(first) - Counter(read)
        return not missing, second
    kept = [t for t in read if len(t) > 1 or t.isdigit() or t in first]
    return kept == first, second


def region(image: GrayImage, field: FieldResult) -> GrayImage | None:
    """The field's evidence box with a margin, enlarged if small, binarised, framed in white."""
    if field.bbox is None:
        return None
    box = field.bbox
    heights = sorted(b.height for b in field.boxes) or [box.height]
    line = max(1, heights[len(heights) // 2])
    height, width = image.shape[:2]
    x0 = max(0, round(box.x0 - _PAD_X * line))
    x1 = min(width, round(box.x1 + _PAD_X * line))
    y0 = max(0, round(box.y0 - _PAD_Y * line))
    y1 = min(height, round(box.y1 + _PAD_Y * line))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    crop = np.asarray(image[y0:y1, x0:x1], dtype=np.uint8)
    if line < _MIN_LINE_PX:
        scale = min(4.0, _TARGET_LINE_PX / line)
        crop = np.asarray(
            cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC),
            dtype=np.uint8,
        )
    # One region is evenly lit: a 3x3 median removes photocopy dust and Otsu's threshold
    # gives black ink on white paper. Both matter: on a dusty grey region Tesseract
    # (5.5, in-process) read nothing at all.
    smooth = np.asarray(cv2.medianBlur(crop, 3), dtype=np.uint8)
    _, ink = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    framed = cv2.copyMakeBorder(
        ink, _BORDER, _BORDER, _BORDER, _BORDER, cv2.BORDER_CONSTANT, value=255
    )
    return np.ascontiguousarray(np.asarray(framed, dtype=np.uint8))


def _reading(words: Sequence[Word]) -> str:
    """Words in reading order (lines top to bottom, each left to right) as text."""
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    ordered = sorted(lines.values(), key=lambda ws: min(w.bbox.y0 for w in ws))
    rows = (sorted(ws, key=lambda w: w.bbox.x0) for ws in ordered)
    return "\n".join(" ".join(w.text for w in row) for row in rows)


def combine(
    field: FieldResult, spec: FieldSpec, agreement: bool | None, second: FieldData
) -> FieldResult:
    """The field with the verdict recorded and its confidence recombined.

    Confidence starts from the engine's score (as the parser weighed it); an
    agreement halves the remaining doubt; a disagreement, or a value that fails
    validation, caps it at :data:`DOUBTFUL_CAP` so the window shows it as doubtful.
    """
    confidence = field.confidence
    if agreement is True:
        confidence += (1.0 - confidence) * AGREEMENT_GAIN
    if agreement is False or validate_field(spec, field.value) is not None:
        confidence = min(confidence, DOUBTFUL_CAP)
    return replace(
        field,
        confidence=confidence,
        agreement=agreement,
        second_reading=second if agreement is False else None,
    )


def second_reading(
    fields: Mapping[str, FieldResult],
    document_type: str | None,
    gray_pages: Sequence[GrayImage],
    config: PipelineConfig,
    *,
    engine: OcrEngine | None = None,
    corrector: WordCorrector | None = None,
    first_engine: str | None = None,
) -> dict[str, FieldResult]:
    """Every field with Tesseract's verdict on it (fields without evidence are left as they are).

    ``gray_pages`` are the upright gray pages in the pixel space of the fields' boxes;
    ``first_engine`` names the engine that read them when it is not ``config.engine``.
    """
    if not wanted(config, first_engine) or not fields:
        return dict(fields)
    reader = engine or reader_engine(config.language)
    specs = {spec.name: spec for spec in fields_of(document_type)}
    checked: dict[str, FieldResult] = {}
    for name, field in fields.items():
        spec = specs.get(name)
        if (
            spec is None
            or field.value in (None, "", [])
            or field.page is None
            or not 0 <= field.page < len(gray_pages)
            or field.agreement is False  # already contradicted (a layout's reading): stays so
        ):
            checked[name] = field
            continue
        crop = region(gray_pages[field.page], field)
        if crop is None:
            checked[name] = field
            continue
        words = list(reader.recognize(crop, field.page).words)
        if corrector is not None:
            words = corrector.correct(words)
        agreement, second = compare(spec, field.value, _reading(words), config)
        checked[name] = combine(field, spec, agreement, second)
    return checked
