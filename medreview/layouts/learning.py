"""Learning a layout from a verified document, and refining it with the next ones.

The analyst's verified values say which words on the page are values; every
other word that looks printed (letters and no digits, read with some confidence,
sharing no word with any verified value) is one of the form's printed words.
Each value's region is its words' box grown to its neighbours: to the word that
ends it on the right, to the next printed word below for a value of several
lines, and tied to the nearest printed words above or left of it (its label).
Geometry is worked out in the page's upright frame (the text lines' tilt is
measured from the words and taken out), as shares of the page.

Never stored: a value's words, or any word sharing a token with a value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from medreview.config import DateOrder
from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.layouts.format import (
    Anchor,
    Box,
    FieldRegion,
    Layout,
    LayoutError,
    LayoutPage,
    LayoutSet,
    word_key,
)
from medreview.layouts.matching import accepted, align, find_layout, left_edges
from medreview.layouts.reading import coerce, line_total
from medreview.model import BBox, FieldData, FieldResult, OcrPage, Word
from medreview.parsing import canonical
from medreview.parsing.canonical import MONTHS

# A layout needs at least this many printed words to be recognised again.
MIN_ANCHORS = 8
# Longest run of words a short value (date, phone, number...) may take.
_SPAN_WORDS = {
    FieldKind.LIST: 2,
    FieldKind.DATE: 4,
    FieldKind.PHONE: 4,
    FieldKind.NUMBER: 2,
    FieldKind.INTEGER: 2,
    FieldKind.REFILLS: 1,
    FieldKind.ENUM: 3,
    FieldKind.ALNUM: 3,
}
# Words a text value may skip between its own (labels between an address's rows).
_MAX_SKIP = 8
# How far a value with no neighbour may grow sideways (share of the page width).
_GROW_TEXT = 0.12
_GROW_OTHER = 0.05
_MARGIN = 0.004
_RIGHT_MARGIN = 0.97
_TEXT_KINDS = frozenset({FieldKind.STRING, FieldKind.LIST})
_EMPTY_WORDS = frozenset({"na", "none", "nil", "nothing", "notapplicable"})
_NUMBERING = re.compile(r"\d{1,2}[.)]?")
# Words of one heading line this many heading heights apart head two columns.
_COLUMN_GAP = 4.0
_REFILL_OPTIONS = frozenset({str(n) for n in range(12)} | {"prn"})


@dataclass(slots=True)
class _Page:
    """A teaching page: its words and their upright boxes as shares of the page."""

    ocr: OcrPage
    boxes: np.ndarray  # N x 4
    keys: list[str]
    _lines: list[list[int]] | None = None
    _read: dict[tuple[str, str, tuple[DateOrder, ...]], list[FieldData]] = field(
        default_factory=dict
    )

    def readings(
        self, spec: FieldSpec, text: str, orders: tuple[DateOrder, ...]
    ) -> list[FieldData]:
        """What ``text`` reads as for the field's kind, in each date order (remembered)."""
        key = (spec.name, text, orders)
        found = self._read.get(key)
        if found is None:
            found = [
                coerce(spec, text, o)
                for o in (orders if spec.kind is FieldKind.DATE else orders[:1])
            ]
            if spec.kind is FieldKind.ALNUM:
                found = [v.upper() if isinstance(v, str) else v for v in found]
            self._read[key] = found
        return found

    @property
    def centres(self) -> np.ndarray:
        return np.column_stack(
            ((self.boxes[:, 0] + self.boxes[:, 2]) / 2, (self.boxes[:, 1] + self.boxes[:, 3]) / 2)
        )

    def lines(self) -> list[list[int]]:
        """Word indices in reading order, line by line (worked out once)."""
        if self._lines is None:
            self._lines = self._group_lines()
        return self._lines

    def _group_lines(self) -> list[list[int]]:
        if not len(self.boxes):
            return []
        heights = self.boxes[:, 3] - self.boxes[:, 1]
        half = 0.5 * float(np.median(heights))
        cy = (self.boxes[:, 1] + self.boxes[:, 3]) / 2
        lines: list[list[int]] = []
        top = -1.0
        for i in sorted(range(len(cy)), key=lambda k: float(cy[k])):
            if lines and cy[i] - top <= half:
                lines[-1].append(i)
            else:
                lines.append([i])
                top = float(cy[i])
        return [sorted(line, key=lambda k: float(self.boxes[k, 0])) for line in lines]


def _tilt(page: OcrPage) -> float:
    """The text lines' slope in radians, from each word to its right-hand neighbour."""
    if len(page.words) < 4:
        return 0.0
    b = np.array([w.bbox.as_list() for w in page.words], dtype=np.float64)
    cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    h = np.maximum(b[:, 3] - b[:, 1], 1.0)
    gap = b[None, :, 0] - b[:, None, 2]  # gap[i, j]: from i's right edge to j's left edge
    near = (gap > -0.3 * h[:, None]) & (gap < 2.5 * h[:, None])
    near &= np.abs(cy[None, :] - cy[:, None]) < 0.8 * h[:, None]
    np.fill_diagonal(near, False)
    angles = []
    for i in range(len(b)):
        candidates = np.flatnonzero(near[i])
        if len(candidates):
            j = candidates[np.argmin(gap[i, candidates])]
            angles.append(math.atan2(cy[j] - cy[i], cx[j] - cx[i]))
    if len(angles) < 4:
        return 0.0
    angle = float(np.median(angles))
    return angle if abs(angle) > math.radians(0.2) else 0.0


# A printed label the OCR ran together with the number after it (``refilled6``, ``Tel:503``).
_GLUED = re.compile(r"([A-Za-z]{3,}[:;.]?)(\d[\w/.()\-]*)")


def _unglued(page: OcrPage) -> OcrPage:
    """The page with each label run together with a number split in two words.

    The box is cut in proportion to the characters; the label's part looks printed
    (an anchor), the number's part may be the value.
    """
    words: list[Word] = []
    for word in page.words:
        glued = _GLUED.fullmatch(word.ocr_text or word.text)
        if glued is None:
            words.append(word)
            continue
        label, number = glued.groups()
        b = word.bbox
        cut = b.x0 + round(b.width * len(label) / (len(label) + len(number)))
        cut = min(max(cut, b.x0 + 1), b.x1 - 1)
        words.append(replace(word, text=label, ocr_text=label, bbox=BBox(b.x0, b.y0, cut, b.y1)))
        words.append(replace(word, text=number, ocr_text=number, bbox=BBox(cut, b.y0, b.x1, b.y1)))
    return replace(page, words=tuple(words))


def _teaching_page(page: OcrPage) -> _Page:
    page = _unglued(page)
    width, height = max(page.width, 1), max(page.height, 1)
    angle = _tilt(page)
    cos, sin = math.cos(-angle), math.sin(-angle)
    mx, my = width / 2, height / 2
    boxes = []
    for word in page.words:
        b = word.bbox
        corners = [(b.x0, b.y0), (b.x1, b.y0), (b.x1, b.y1), (b.x0, b.y1)]
        xs = [mx + (x - mx) * cos - (y - my) * sin for x, y in corners]
        ys = [my + (x - mx) * sin + (y - my) * cos for x, y in corners]
        # a rotated box's bounding box is taller than the word: keep the word's height
        cy, half = (min(ys) + max(ys)) / 2, b.height / 2
        boxes.append((min(xs) / width, (cy - half) / height, max(xs) / width, (cy + half) / height))
    keys = [word_key(w.ocr_text or w.text) for w in page.words]
    return _Page(page, np.array(boxes, dtype=np.float64).reshape(-1, 4), keys)


# -- finding each verified value's words ---------------------------------------------


def _value_text(value: FieldData) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _tokens(value: FieldData) -> list[str]:
    return [k for k in (word_key(t) for t in _value_text(value).split()) if k]


def _alike(key: str, token: str) -> bool:
    if key == token:
        return True
    return len(token) >= 3 and len(key) >= 2 and fuzz.ratio(key, token) >= 75


def _text_words(page: _Page, tokens: list[str], used: set[int]) -> list[int]:
    """The words spelling ``tokens`` in reading order, labels between them skipped."""
    order = [i for line in page.lines() for i in line if i not in used]
    best: list[int] = []
    for start, first in enumerate(order):
        if not _alike(page.keys[first], tokens[0]):
            continue
        taken, k, skipped = [first], 1, 0
        for i in order[start + 1 :]:
            if k >= len(tokens) or skipped > _MAX_SKIP:
                break
            key = page.keys[i]
            if _alike(key, tokens[k]):
                taken.append(i)
                k, skipped = k + 1, 0
            elif k + 1 < len(tokens) and _alike(key, tokens[k + 1]):
                taken.append(i)
                k, skipped = k + 2, 0
            elif key and tokens[k].startswith(key) and len(key) >= 2:
                taken.append(i)  # a token OCR split in two: its first part
            else:
                skipped += 1
        if len(taken) > len(best):
            best = taken
    return best if len(best) >= max(1, math.ceil(0.6 * len(tokens))) else []


_DIGIT_KINDS = frozenset(
    {FieldKind.DATE, FieldKind.PHONE, FieldKind.NUMBER, FieldKind.INTEGER, FieldKind.ALNUM}
)
_MONTHS = frozenset(month[:3] for month in MONTHS)


def _may_start(kind: FieldKind, key: str) -> bool:
    """Whether a value of ``kind`` may start with a word of this key (a quick filter)."""
    if kind not in _DIGIT_KINDS:
        return True
    if any(c.isdigit() for c in key):
        return True
    return (kind is FieldKind.DATE and key[:3] in _MONTHS) or kind is FieldKind.ALNUM


def _span_words(
    page: _Page, spec: FieldSpec, value: FieldData, used: set[int], order: DateOrder
) -> list[int]:
    """The shortest run of words on one line that reads as ``value``.

    A small number in a column of item numbers (``1 2 3`` down a medicine list) is taken
    only when nothing else reads as the value.
    """
    longest = _SPAN_WORDS.get(spec.kind, 3)
    orders = (order, DateOrder.DAY_FIRST if order is DateOrder.MONTH_FIRST else order)
    if spec.kind is FieldKind.ALNUM and isinstance(value, str):
        value = value.upper()
    numbered: list[int] = []
    for length in range(1, longest + 1):
        for line in page.lines():
            for start in range(len(line) - length + 1):
                span = line[start : start + length]
                if any(i in used for i in span) or not _may_start(spec.kind, page.keys[span[0]]):
                    continue
                text = " ".join(page.ocr.words[i].ocr_text for i in span)
                if value == [] and (word_key(text) not in _EMPTY_WORDS or _in_phrase(page, span)):
                    continue  # only the words that say "nothing" mark an empty list
                if spec.kind is FieldKind.ENUM and not _written_choice(page, spec, span, value):
                    continue  # a question's word ("immune to measles?"), or a near miss
                if value in page.readings(spec, text, orders):
                    if length == 1 and _item_number(page, span[0]):
                        numbered = numbered or span
                        continue
                    return span
    return numbered


def _written_choice(page: _Page, spec: FieldSpec, span: list[int], value: FieldData) -> bool:
    """Whether the words spell the choice itself (or its yes/no answer), not in a phrase.

    The fuzzy reading that forgives a handwritten answer's slips would take a printed
    ``Reyes`` for ``yes``, or ``immune`` in a question's text for the answer. The other
    options printed beside it (``YES /NO*``) make no phrase.
    """
    answers = canonical.yes_no_answers(spec.choices)
    options = {word_key(c): c for c in spec.choices}
    text = " ".join(page.keys[i] for i in span)
    choice = options.get(text.replace(" ", "")) or answers.get(text)
    if choice != value:
        return False
    line = next(line for line in page.lines() if span[0] in line)
    first, last = line.index(span[0]), line.index(span[-1])
    height = float(np.median(page.boxes[span, 3] - page.boxes[span, 1]))
    words = {t for c in spec.choices for t in c.split()} | set(options) | set(answers)
    for before, after in ((first - 1, first), (last, last + 1)):
        if before < 0 or after >= len(line):
            continue
        other = line[before] if after in (first,) else line[after]
        key = page.keys[other]
        gap = float(page.boxes[line[after], 0] - page.boxes[line[before], 2])
        if key.isalpha() and len(key) > 1 and key not in words and gap < 1.2 * height:
            return False  # runs on into a word of letters: printed text
    return True


def _in_phrase(page: _Page, span: list[int]) -> bool:
    """Whether words run on into a word of letters right after them on their line.

    (``Nil known``, a printed option, is not a blank list's ``Nil`` written in; a label
    before the word is no phrase.)
    """
    line = next(line for line in page.lines() if span[0] in line)
    last = line.index(span[-1])
    if last + 1 >= len(line):
        return False
    after = line[last + 1]
    height = float(np.median(page.boxes[span, 3] - page.boxes[span, 1]))
    gap = float(page.boxes[after, 0] - page.boxes[span[-1], 2])
    return page.keys[after].isalpha() and gap < 1.2 * height


def _item_number(page: _Page, index: int) -> bool:
    """Whether a word is a small number with another straight above or below it."""
    if not _NUMBERING.fullmatch(page.ocr.words[index].ocr_text):
        return False
    box = page.boxes[index]
    height = float(box[3] - box[1])
    for j, other in enumerate(page.boxes):
        if j == index or not _NUMBERING.fullmatch(page.ocr.words[j].ocr_text):
            continue
        if (
            abs(float(other[0] - box[0])) <= height
            and 0 < abs(float(other[1] - box[1])) <= 3 * height
        ):
            return True
    return False


def _evidence_words(
    page: _Page, spec: FieldSpec, evidence: FieldResult | None, value: FieldData
) -> list[int]:
    if evidence is None or evidence.value != value or evidence.page != page.ocr.index:
        return []
    boxes = set(evidence.boxes)
    words = [i for i, w in enumerate(page.ocr.words) if w.bbox in boxes]
    if value == []:  # only a word saying "nothing" is an empty list's place, never its label
        return [i for i in words if page.keys[i] in _EMPTY_WORDS and not _in_phrase(page, [i])]
    if spec.kind in _TEXT_KINDS:
        # the generic reader's boxes may hold more than the value (a "nil" after a list):
        # only the words spelling the value's tokens are its place
        tokens = _tokens(value)
        words = [i for i in words if any(_alike(page.keys[i], t) for t in tokens)]
    return words


def _locate(
    pages: Sequence[_Page],
    spec: FieldSpec,
    value: FieldData,
    evidence: FieldResult | None,
    used: dict[int, set[int]],
    order: DateOrder,
) -> tuple[_Page, list[int]] | None:
    for page in pages:
        words = _evidence_words(page, spec, evidence, value)
        if words and not any(i in used[page.ocr.index] for i in words):
            if len(words) > 1 and spec.kind not in _TEXT_KINDS:
                # the generic reader's boxes of a choice hold the printed options too, and
                # those of a date or phone its label: the shortest run reading as the value
                outside = set(range(len(page.keys))) - set(words)
                words = _span_words(page, spec, value, outside, order) or words
            return page, words
    for page in pages:
        taken = used[page.ocr.index]
        if value == []:  # a list the page marks empty ("N/A", "None")
            words = _span_words(page, spec, value, taken, order)
        elif spec.kind in _TEXT_KINDS:
            tokens = _tokens(value)
            words = _text_words(page, tokens, taken) if tokens else []
        else:
            words = _span_words(page, spec, value, taken, order)
        if words:
            return page, words
    if spec.kind in _DIGIT_KINDS and value not in (None, [], ""):
        # OCR misread one character of it (a slash read as 1, "lb" as 16): the run of
        # words whose digits are the value's but for one
        for page in pages:
            words = _digit_words(page, spec, value, used[page.ocr.index])
            if words:
                return page, words
    return None


def _digit_forms(spec: FieldSpec, value: FieldData) -> set[str]:
    """The digit strings a value of this kind may print as."""
    text = str(value)
    if spec.kind is FieldKind.DATE and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = text.split("-")
        forms = set()
        for d in {day, day.lstrip("0")}:
            for m in {month, month.lstrip("0")}:
                for y in (year, year[2:]):
                    forms |= {d + m + y, m + d + y}
                forms.add(year + m + d)
        return forms
    if spec.kind is FieldKind.NUMBER or spec.kind is FieldKind.INTEGER:
        number = float(value) if isinstance(value, int | float) else None
        if number is None:
            return set()
        return {f"{number:g}".replace(".", "")}
    digits = "".join(c for c in text if c.isdigit())
    return {digits} if len(digits) >= 4 else set()


def _digit_words(page: _Page, spec: FieldSpec, value: FieldData, used: set[int]) -> list[int]:
    """The shortest run of words on one line whose digits are ``value``'s but for one."""
    forms = _digit_forms(spec, value)
    if not forms:
        return []
    longest = _SPAN_WORDS.get(spec.kind, 3)
    for length in range(1, longest + 1):
        for line in page.lines():
            for start in range(len(line) - length + 1):
                span = line[start : start + length]
                if any(i in used for i in span):
                    continue
                digits = "".join(c for i in span for c in page.keys[i] if c.isdigit())
                if not digits or not any(c.isdigit() for c in page.keys[span[0]]):
                    continue
                if any(_near_digits(digits, form, spec.kind) for form in forms):
                    return span
    return []


def _near_digits(digits: str, form: str, kind: FieldKind) -> bool:
    """Whether ``digits`` read are ``form`` but for one misread character."""
    if kind in (FieldKind.NUMBER, FieldKind.INTEGER):
        # the unit after a number misread as digits ("123 lb" read "12316")
        return digits.startswith(form) and 0 < len(digits) - len(form) <= 2
    if len(form) < 6:
        return False
    return digits != form and Levenshtein.distance(digits, form) <= 1


# -- the form's printed words -----------------------------------------------------------


def _printed(page: _Page, index: int, values: set[int], value_keys: set[str]) -> bool:
    word = page.ocr.words[index]
    key = page.keys[index]
    return (
        index not in values and key.isalpha() and key not in value_keys and word.confidence >= 0.4
    )


# -- regions -------------------------------------------------------------------------


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _region(
    page: _Page,
    spec: FieldSpec,
    words: list[int],
    value: FieldData,
    anchor_of: Mapping[int, int],
    placed: set[int],
) -> FieldRegion:
    boxes = page.boxes
    vx0, vy0 = float(boxes[words, 0].min()), float(boxes[words, 1].min())
    vx1, vy1 = float(boxes[words, 2].max()), float(boxes[words, 3].max())
    h = float(np.median(boxes[words, 3] - boxes[words, 1]))
    mine = set(words)
    # what may end a region: the form's printed words (a label sharing a word with some
    # value is no anchor, but still ends a value), item numbers and the other values; not
    # a stray word nobody placed (an area code the value left out, OCR debris)
    others = [
        i
        for i in range(len(boxes))
        if i not in mine
        and (
            i in anchor_of
            or i in placed
            or page.keys[i].isalpha()
            or _NUMBERING.fullmatch(page.ocr.words[i].ocr_text)
        )
    ]
    band = [
        i
        for i in others
        if _overlap(vy0, vy1, boxes[i, 1], boxes[i, 3]) > 0.5 * (boxes[i, 3] - boxes[i, 1])
    ]
    line = [
        i
        for i in range(len(boxes))
        if i not in mine
        and _overlap(vy0, vy1, boxes[i, 1], boxes[i, 3]) > 0.5 * (boxes[i, 3] - boxes[i, 1])
    ]
    options = _options(page, spec, line)
    multi = spec.kind is FieldKind.LIST or spec.name == "directions" or _line_count(page, words) > 1
    # a text, a date or a phone may be much longer on another copy (a written month, a
    # right-aligned date growing leftwards); what the region catches beyond it is
    # left out when the value is read
    wide = _TEXT_KINDS | {FieldKind.DATE, FieldKind.PHONE}
    grow = _GROW_TEXT if spec.kind in wide else _GROW_OTHER
    if options:
        chosen = [*words, *options]
        x0 = float(boxes[chosen, 0].min()) - _MARGIN * 3
        x1 = float(boxes[chosen, 2].max()) + _MARGIN * 3
        stop_right = None
    else:
        left = [i for i in band if boxes[i, 2] <= vx0 + _MARGIN]
        # a list's items end before whatever is written right of them that the analyst
        # left out of every item (a quantity column: ``#10`` after each medicine)
        ends = band
        if spec.kind is FieldKind.LIST:
            ends = [i for i in line if i in band or len(page.keys[i]) >= 2]
        right = [i for i in ends if boxes[i, 0] >= vx1 - _MARGIN]
        x0 = float(max(boxes[left, 2])) + _MARGIN if left else vx0 - grow
        nearest = min(right, key=lambda i: float(boxes[i, 0])) if right else None
        if nearest is not None:
            x1 = float(boxes[nearest, 0]) - _MARGIN
        else:  # nothing ends it: a text runs to the margin
            x1 = max(vx1 + grow, _RIGHT_MARGIN) if spec.kind in _TEXT_KINDS else vx1 + grow
        stop_right = anchor_of.get(nearest) if nearest is not None else None
        # a value under a column heading ends where the next column's heading begins
        # (a drug name's column, not the dose beside it that no value names)
        heading, column = _column(page, anchor_of, (vx0, vy0, vx1, vy1), h)
        if column is not None and float(boxes[column, 0]) - _MARGIN < x1:
            x1 = float(boxes[column, 0]) - _MARGIN
            stop_right = anchor_of[column]
        if heading is not None and not left:
            # ... and begins about where its heading does (not in a side bar's title)
            aspect = page.ocr.height / max(page.ocr.width, 1)
            x0 = max(x0, min(vx0, float(boxes[heading, 0])) - 1.5 * h * aspect)
    y0, y1 = vy0 - 0.35 * h, vy1 + 0.35 * h
    # the printed line above the value (a sentence the value is written under) is not it
    above = [
        float(boxes[i, 3])
        for i in others
        if boxes[i, 3] <= vy0 + 0.2 * h and _overlap(x0, x1, boxes[i, 0], boxes[i, 2]) > 0
    ]
    if above:
        y0 = max(y0, min(max(above) + _MARGIN, vy0 - 0.2 * h))
    stop_below = None
    if multi:
        # a label repeated between the value's lines (``Supply:`` under each medicine) is
        # the value's own, not what ends it: a longer list repeats it further down
        within = {
            page.keys[i]
            for i in others
            if vy0 < boxes[i, 1] < vy1 and _overlap(x0, x1, boxes[i, 0], boxes[i, 2]) > 0
        }
        below = [
            i
            for i in others
            if boxes[i, 1] >= vy1 - 0.2 * h
            and _overlap(x0, x1, boxes[i, 0], boxes[i, 2]) > 0
            and page.keys[i] not in within
        ]
        nearest = min(below, key=lambda i: float(boxes[i, 1])) if below else None
        y1 = float(boxes[nearest, 1]) - _MARGIN if nearest is not None else vy1 + 2.5 * h
        stop_below = anchor_of.get(nearest) if nearest is not None else None
        if nearest is not None and stop_below is None:
            # another value ends it: the label of that value (``Use:`` left of the
            # directions under a list) is what moves when this value is shorter
            labels = [
                i
                for i in anchor_of
                if vy1 - 0.2 * h <= boxes[i, 1] <= boxes[nearest, 3] and boxes[i, 0] < x1
            ]
            if labels:
                stop_below = anchor_of[min(labels, key=lambda i: float(boxes[i, 1]))]
    return FieldRegion(
        name=spec.name,
        kind=spec.kind.value,
        page=page.ocr.index,
        box=_clip((x0, y0, x1, max(y1, vy1 + 0.1 * h))),
        anchors=_references(page, anchor_of, vx0, (vy0 + vy1) / 2, vy1, vy1 + h),
        stop_right=stop_right,
        stop_below=stop_below,
        choice=bool(options),
        join=_joiner(spec),
        # (a text of one line or a few: not the directions, which run as long as they need)
        lines=_line_count(page, words)
        if spec.kind is FieldKind.STRING and spec.name != "directions"
        else 0,
    )


def _column(
    page: _Page,
    anchor_of: Mapping[int, int],
    value: tuple[float, float, float, float],
    h: float,
) -> tuple[int | None, int | None]:
    """The heading over the value's column and the next column's, as printed words.

    The value's heading is the nearest printed word above it, within three lines, whose
    left edge is near the value's (not the caption of the row above: none lies nearer
    under the value); the word after the first wide gap right of it on its line heads the
    next column, if it is printed and the value ends before it. ``(None, None)`` when the
    value has no heading.
    """
    boxes = page.boxes
    vx0, vy0, vx1, vy1 = value
    over = [
        i
        for i in anchor_of
        if vy0 - 3 * h <= boxes[i, 3] <= vy0 + 0.2 * h and abs(float(boxes[i, 0]) - vx0) <= 2 * h
    ]
    if not over:
        return None, None
    heading = max(over, key=lambda i: float(boxes[i, 3]))
    # a caption under the value nearer than the word above: that word is the caption
    # of the row above, not a heading
    gap = vy0 - float(boxes[heading, 3])
    if any(
        vy0 < boxes[i, 1] <= vy1 + max(gap, 0.0) + 0.5 * h
        and abs(float(boxes[i, 0]) - vx0) <= 2 * h
        for i in anchor_of
    ):
        return None, None
    top, bottom = float(boxes[heading, 1]), float(boxes[heading, 3])
    # the heading line's words left to right from the heading: the next column starts
    # after a wide gap (a label's own words, ``Drug / substance``, stand close together)
    line = sorted(
        (
            i
            for i in range(len(boxes))
            if boxes[i, 0] > boxes[heading, 0]
            and _overlap(top, bottom, boxes[i, 1], boxes[i, 3]) > 0.5 * (bottom - top)
        ),
        key=lambda i: float(boxes[i, 0]),
    )
    end = float(boxes[heading, 2])
    for i in line:
        if boxes[i, 0] - end > _COLUMN_GAP * (bottom - top):
            return heading, (i if i in anchor_of and boxes[i, 0] > vx1 else None)
        end = max(end, float(boxes[i, 2]))
    return heading, None


def _sense(
    region: FieldRegion,
    spec: FieldSpec,
    values: Mapping[str, FieldData],
    evidence: Mapping[str, FieldResult],
) -> FieldRegion:
    """The region marked ``struck`` when its row answers by striking the other option out.

    A row of two printed options whose mark the generic reader read as the option the
    analyst did not choose: the form's mark strikes out what does not apply.
    """
    found = evidence.get(region.name)
    if not region.choice or len(spec.choices) != 2 or found is None:
        return region
    if found.value in spec.choices and found.value != values.get(region.name):
        return replace(region, struck=True)
    return region


def _options(page: _Page, spec: FieldSpec, band: list[int]) -> list[int]:
    """Other printed options of a choice on the value's line (``No`` beside ``[X] Yes``)."""
    if spec.kind is FieldKind.REFILLS:
        return [i for i in band if page.keys[i] in _REFILL_OPTIONS]
    if spec.kind is FieldKind.ENUM:
        tokens = {t for choice in spec.choices for t in choice.split()}
        tokens |= set(canonical.yes_no_answers(spec.choices))  # Y and N columns
        return [i for i in band if page.keys[i] in tokens]
    return []


def _line_count(page: _Page, words: list[int]) -> int:
    return line_total((float(page.boxes[i, 1]), float(page.boxes[i, 3])) for i in words)


def _joiner(spec: FieldSpec) -> str:
    """How a value's lines join.

    An address's rows are its comma-separated parts (the spec's canonical form);
    other text runs on with spaces.
    """
    return ", " if spec.name.endswith("address") else " "


def _references(
    page: _Page, anchor_of: Mapping[int, int], x: float, y: float, bottom: float, lowest: float
) -> tuple[int, ...]:
    """The two anchors nearest the value's start, above it or on its line, nearest first.

    When both lie under the value's ``bottom`` (``Prov. no.`` under a prescriber's name),
    the nearest above it or on its line follows them: a line written between the value
    and the words under it pushes those down, not the value.
    """
    centres = page.centres
    near = sorted(
        (math.hypot(float(centres[i, 0]) - x, 2 * (float(centres[i, 1]) - y)), i, anchor)
        for i, anchor in anchor_of.items()
        if centres[i, 1] <= lowest
    )
    chosen = [anchor for _d, _i, anchor in near[:2]]
    if near and all(centres[i, 1] > bottom for _d, i, _a in near[:2]):
        chosen += [anchor for _d, i, anchor in near[2:] if centres[i, 1] <= y][:1]
    return tuple(chosen)


def _clip(box: Box) -> Box:
    """The box inside the page, not empty, rounded as the file writes it."""
    x0, y0, x1, y1 = (min(1.0, max(0.0, v)) for v in box)
    x1, y1 = max(x1, min(1.0, x0 + 0.005)), max(y1, min(1.0, y0 + 0.005))
    return (round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4))


# -- learning --------------------------------------------------------------------------


def learn(
    name: str,
    document_type: str,
    pages: Sequence[OcrPage],
    values: Mapping[str, FieldData],
    *,
    evidence: Mapping[str, FieldResult] | None = None,
    order: DateOrder = DateOrder.MONTH_FIRST,
) -> Layout:
    """A layout from one verified document: its printed words and its values' regions.

    ``values`` are the verified canonical values; ``evidence`` the pipeline's fields,
    whose word boxes locate a value the analyst left unchanged. Raises
    :class:`LayoutError` when the page shows too few printed words to be known again.
    """
    specs = fields_of(document_type)
    if not specs:
        raise LayoutError(f"cannot learn a layout of document type {document_type!r}")
    teaching = [_teaching_page(page) for page in pages]
    used: dict[int, set[int]] = {p.ocr.index: set() for p in teaching}
    located: list[tuple[FieldSpec, _Page, list[int]]] = []
    value_keys: set[str] = set()
    for spec in specs:
        value = values.get(spec.name)
        if value is None or value == "":
            continue
        value_keys.update(_tokens(value))
        where = _locate(teaching, spec, value, (evidence or {}).get(spec.name), used, order)
        if where is not None:
            page, words = where
            used[page.ocr.index].update(words)
            located.append((spec, page, words))
    value_keys = {k for k in value_keys if len(k) >= 2}
    layout_pages: list[LayoutPage] = []
    anchor_maps: dict[int, dict[int, int]] = {}
    for page in teaching:
        index = page.ocr.index
        printed = [i for i in range(len(page.keys)) if _printed(page, i, used[index], value_keys)]
        anchor_maps[index] = {word: n for n, word in enumerate(printed)}
        anchors = tuple(
            Anchor(page.ocr.words[i].ocr_text, _clip(tuple(float(v) for v in page.boxes[i])))  # type: ignore[arg-type]
            for i in printed
        )
        aspect = page.ocr.height / max(page.ocr.width, 1)
        layout_pages.append(LayoutPage(index, round(aspect, 4), anchors))
    if sum(len(p.anchors) for p in layout_pages) < MIN_ANCHORS:
        raise LayoutError("the document shows too few printed words to learn its layout")
    regions = [
        _region(
            page, spec, words, values[spec.name], anchor_maps[page.ocr.index], used[page.ocr.index]
        )
        for spec, page, words in located
    ]
    if not regions:
        raise LayoutError("none of the verified values was found on the page")
    regions = [
        _sense(region, spec, values, evidence or {})
        for region, (spec, _page, _words) in zip(regions, located, strict=True)
    ]
    pages_used = {r.page for r in regions}
    kept = tuple(p for p in layout_pages if p.index in pages_used or p.anchors)
    return Layout(name, document_type, kept, tuple(regions))


# -- refining ----------------------------------------------------------------------------


def refine(layout: Layout, taught: Layout) -> Layout | None:
    """``layout`` confirmed and widened by ``taught`` (learned from another document of it).

    Anchors found again count one more sighting; each field's region grows to hold
    the new document's value too (a field the layout lacked is added). After three
    documents, anchors seen in fewer than half of them are dropped: they were
    not printed on the form. ``None`` when ``taught`` does not line up with it.
    """
    if taught.document_type != layout.document_type:
        return None
    pages = {p.index: p for p in layout.pages}
    regions = {r.name: r for r in layout.fields}
    seen = {index: [a.seen for a in page.anchors] for index, page in pages.items()}
    aligned_any = False
    for tp in taught.pages:
        lp = pages.get(tp.index)
        if lp is None:
            continue
        keys = [a.key for a in lp.anchors]
        centres = np.array([a.centre for a in lp.anchors], dtype=np.float64).reshape(-1, 2)
        by_key: dict[str, list[int]] = {}
        for j, anchor in enumerate(tp.anchors):
            by_key.setdefault(anchor.key, []).append(j)
        taught_centres = np.array([a.centre for a in tp.anchors], dtype=np.float64).reshape(-1, 2)
        lefts = (left_edges(lp.anchors), left_edges(tp.anchors))
        aligned = align(keys, centres, by_key, taught_centres, lefts=lefts)
        if aligned is None:
            continue
        matrix, found, pushed = aligned
        landmarks = sum(1 for a in lp.anchors if len(a.key) >= 2)
        present = sum(1 for a in lp.anchors if len(a.key) >= 2 and a.key in by_key)
        if not accepted(len(found) - 0.5 * len(pushed), landmarks, present, MIN_ANCHORS):
            continue  # another form
        aligned_any = True
        for i in found:
            seen[tp.index][i] += 1
        back = {j: i for i, j in found.items()}
        inverse = np.linalg.inv(matrix)
        for region in (r for r in taught.fields if r.page == tp.index):
            box = _map_box(region.box, inverse)
            shifts = [
                np.array(lp.anchors[back[j]].centre) - _map_point(tp.anchors[j].centre, inverse)
                for j in region.anchors
                if j in back
            ]
            if shifts:
                dx, dy = (float(v) for v in np.mean(shifts, axis=0))
                box = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
            old = regions.get(region.name)
            if old is None:
                regions[region.name] = replace(
                    region,
                    box=_clip(box),
                    anchors=tuple(back[j] for j in region.anchors if j in back),
                    stop_right=back.get(region.stop_right)
                    if region.stop_right is not None
                    else None,
                    stop_below=back.get(region.stop_below)
                    if region.stop_below is not None
                    else None,
                )
            elif old.page == region.page:
                union = (
                    min(old.box[0], box[0]),
                    min(old.box[1], box[1]),
                    max(old.box[2], box[2]),
                    max(old.box[3], box[3]),
                )
                regions[region.name] = replace(
                    old,
                    box=_clip(union),
                    choice=old.choice or region.choice,
                    lines=max(old.lines, region.lines),
                )
    if not aligned_any:
        return None
    documents = layout.documents + taught.documents
    return _prune(layout, pages, seen, regions, documents)


def _prune(
    layout: Layout,
    pages: Mapping[int, LayoutPage],
    seen: Mapping[int, list[int]],
    regions: Mapping[str, FieldRegion],
    documents: int,
) -> Layout:
    new_pages: list[LayoutPage] = []
    renumber: dict[int, dict[int, int]] = {}
    for index, page in pages.items():
        keep = [i for i, count in enumerate(seen[index]) if documents < 3 or 2 * count >= documents]
        renumber[index] = {old: new for new, old in enumerate(keep)}
        anchors = tuple(replace(page.anchors[i], seen=seen[index][i]) for i in keep)
        new_pages.append(LayoutPage(index, page.aspect, anchors))
    fields = []
    order = [spec.name for spec in fields_of(layout.document_type)]
    for region in sorted(regions.values(), key=lambda r: order.index(r.name)):
        table = renumber[region.page]
        fields.append(
            replace(
                region,
                anchors=tuple(table[a] for a in region.anchors if a in table),
                stop_right=table.get(region.stop_right) if region.stop_right is not None else None,
                stop_below=table.get(region.stop_below) if region.stop_below is not None else None,
            )
        )
    return replace(layout, pages=tuple(new_pages), fields=tuple(fields), documents=documents)


def _map_point(point: tuple[float, float], matrix: np.ndarray) -> np.ndarray:
    x, y = point
    v = matrix @ np.array([x, y, 1.0])
    return np.array([v[0] / v[2], v[1] / v[2]])


def _map_box(box: Box, matrix: np.ndarray) -> Box:
    x0, y0, x1, y1 = box
    points = [_map_point(p, matrix) for p in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def teach(
    layouts: Sequence[Layout],
    document_type: str,
    pages: Sequence[OcrPage],
    values: Mapping[str, FieldData],
    *,
    new_name: str,
    read_by: str | None = None,
    evidence: Mapping[str, FieldResult] | None = None,
    order: DateOrder = DateOrder.MONTH_FIRST,
) -> tuple[Layout, bool]:
    """The layout a verified document teaches: an existing one refined, or a new one.

    The layout refined is the one that read the document (``read_by``), else the
    one its pages match. Returns the layout and whether it is new.
    """
    taught = learn(new_name, document_type, pages, values, evidence=evidence, order=order)
    same_type = [layout for layout in layouts if layout.document_type == document_type]
    known = next((layout for layout in same_type if layout.name == read_by), None)
    if known is None:
        match = find_layout(pages, LayoutSet.of(same_type), document_type=document_type)
        known = match.layout if match is not None else None
    if known is not None:
        refined = refine(known, taught)
        if refined is not None:
            return refined, False
    return taught, True
