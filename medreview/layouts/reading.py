"""Reading a document's fields with the layout it matched, and weighing that reading.

The page's words are brought into the layout's frame through the alignment;
each field's region is moved with its anchors (a form whose content pushed a
section down), ended at its stop anchors, and the words whose centres fall in it
are the value, coerced by the field's kind with the canonical coercers. The
layout's reading is then set against the generic reader's: where they disagree
the field is doubtful (lower confidence and a warning naming the field only).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from medreview.config import DateOrder
from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.layouts.format import Box, FieldRegion, Layout, word_key
from medreview.layouts.matching import Match, PageAlignment
from medreview.model import BBox, FieldData, FieldResult, Word
from medreview.parsing import canonical
from medreview.parsing.canonical import TextStyle
from medreview.parsing.ocrtext import repair_words
from medreview.validation import validate_field

# A layout's reading is trusted this much (times the weakest word's confidence).
LAYOUT_STRENGTH = 0.97
# A word further from a region's middle than this share of its half-height is on its edge.
_EDGE = 0.75
# A list the form leaves blank is read as empty with this confidence.
BLANK_CONFIDENCE = 0.8
# A list neither the layout (no region) nor the generic reader found is blank this much.
UNPLACED_BLANK = 0.4
# A date read by repairing a separator the OCR misread is trusted this much.
REPAIRED_STRENGTH = 0.5
# A field the two readers disagree on is shown with at most this confidence.
DOUBTFUL_CONFIDENCE = 0.45
# Gap kept between a value and the anchor that ends it (share of the page).
STOP_MARGIN = 0.003
# A word of an anchor's text this near it (share of the page) is printed, not a value.
_NEAR_ANCHOR = 0.02
# Medical fields use the corrected text; the others the engine's reading.
_MEDICAL_KINDS = frozenset({FieldKind.LIST})
_MEDICAL_FIELDS = frozenset({"directions"})


_WORDY = re.compile(r"[^\W\d_]{3}")


def text_style(name: str) -> TextStyle:
    """How a free-text field's OCR debris is cleaned, by what the field is."""
    if name.endswith("address"):
        return TextStyle.ADDRESS
    if name == "directions":
        return TextStyle.PROSE
    if name.endswith("_name") or name in ("prescriber", "insurance_company"):
        return TextStyle.NAME
    return TextStyle.PLAIN


def coerce(spec: FieldSpec, text: str, order: DateOrder = DateOrder.MONTH_FIRST) -> FieldData:
    """The field's canonical value read from ``text``, or ``None`` when it is not of its kind."""
    match spec.kind:
        case FieldKind.DATE:
            return canonical.parse_date(text, order)
        case FieldKind.PHONE:
            return canonical.parse_phone(text)
        case FieldKind.NUMBER:
            return canonical.parse_number(text)
        case FieldKind.INTEGER:
            number = canonical.parse_number(text)
            return int(number) if number is not None else None
        case FieldKind.REFILLS:
            return canonical.parse_refills(text)
        case FieldKind.ENUM:
            return canonical.parse_choice(text, spec.choices)
        case FieldKind.LIST:
            # an item with no word of three letters is debris (a signature's loops read
            # as ``8 o`` in a region reaching down to its label), not a medicine or a condition
            return [
                repair_words(item, TextStyle.ITEM)
                for item in canonical.parse_list(text)
                if _WORDY.search(item)
            ]
        case FieldKind.ALNUM:
            return canonical.parse_alnum(text)
        case _:
            style = text_style(spec.name)
            cleaned = canonical.clean_text(text, style)
            # what the cleaning leaves of a misread name or state ("Carlos.Morgan", "LiA")
            return repair_words(cleaned, style) if cleaned else cleaned


def join_text(
    words: Sequence[Word], xs: Sequence[float], ys: Sequence[float], page_height: int, sep: str
) -> str:
    """The words as text: left to right within a line, lines joined by ``sep``.

    With a ``", "`` separator (an address over several rows or cells) a wide gap
    within a line (the next cell) separates parts too.
    """
    if not words:
        return ""
    median = float(np.median([w.bbox.height for w in words])) / max(page_height, 1)
    # lines are followed left to right, each word joining the line whose last word is
    # level with it: a line still sloping after the alignment (a photo) stays one line
    lines: list[list[int]] = []
    for i in sorted(range(len(words)), key=lambda i: xs[i]):
        level = [n for n, line in enumerate(lines) if abs(ys[line[-1]] - ys[i]) <= 0.5 * median]
        if level:
            lines[min(level, key=lambda n: abs(ys[lines[n][-1]] - ys[i]))].append(i)
        else:
            lines.append([i])
    lines.sort(key=lambda line: ys[line[0]])
    texts = []
    for line in lines:
        ordered = sorted(line, key=lambda i: xs[i])
        text = _text(words[ordered[0]])
        for before, after in itertools.pairwise(ordered):
            gap = (words[after].bbox.x0 - words[before].bbox.x1) / max(page_height, 1)
            wide = sep == ", " and gap > 2.5 * median and not text.endswith(",")
            text += (", " if wide else " ") + _text(words[after])
        texts.append(text)
    if sep == ", ":
        return "".join(
            t if n == 0 else (" " if texts[n - 1].endswith(",") else sep) + t
            for n, t in enumerate(texts)
        )
    return sep.join(texts)


def _text(word: Word) -> str:
    return word.text


def _exact(alignment: PageAlignment, anchor: int) -> bool:
    """Whether the anchor was found as a word of its own (not run together with a value)."""
    j = alignment.found.get(anchor)
    return j is not None and alignment.words.keys[j] == alignment.layout_page.anchors[anchor].key


def _moved_box(region: FieldRegion, alignment: PageAlignment, observed: np.ndarray) -> Box:
    """The region moved with its anchors and ended at its stops, in the layout's frame."""
    anchors = alignment.layout_page.anchors
    found = [i for i in region.anchors if _exact(alignment, i)]
    # the value moves with the nearer of its two nearest anchors; a third, above it, only
    # says when the one under it was pushed
    nearest = next((i for i in found if i in region.anchors[:2]), None)
    # (an anchor under the region, and one above it: not a label on the value's line)
    above = next((i for i in found[1:] if anchors[i].centre[1] < region.box[1]), None)
    if (
        nearest is not None
        and above is not None
        and anchors[nearest].centre[1] > region.box[3]
        and _pushed(alignment, observed, nearest, above)
    ):
        nearest = above
    dx, dy = 0.0, 0.0
    if nearest is not None:  # the region moves with its label, the nearest anchor found
        dx, dy = (float(v) for v in observed[alignment.found[nearest]] - anchors[nearest].centre)
    x0, y0, x1, y1 = region.box
    x0, y0, x1, y1 = x0 + dx, y0 + dy, x1 + dx, y1 + dy
    if region.stop_right is not None and _exact(alignment, region.stop_right):
        stop = anchors[region.stop_right]
        left = observed[alignment.found[region.stop_right]][0] - (stop.box[2] - stop.box[0]) / 2
        x1 = max(x0 + 0.01, left - STOP_MARGIN)
    if region.stop_below is not None and _exact(alignment, region.stop_below):
        stop = anchors[region.stop_below]
        top = observed[alignment.found[region.stop_below]][1] - (stop.box[3] - stop.box[1]) / 2
        y1 = max(y0 + 0.005, top - STOP_MARGIN)
    return (x0, y0, x1, y1)


def _pushed(alignment: PageAlignment, observed: np.ndarray, first: int, second: int) -> bool:
    """Whether the nearest anchor, under the value, moved apart from the one above it.

    (A specialty written between a prescriber's name and the ``Prov. no.`` under it
    pushes that label a line down: the name stays with ``Signed`` above it.) The value
    then moves with the anchor above it or on its line.
    """
    anchors = alignment.layout_page.anchors
    moved = [float(observed[alignment.found[i]][1] - anchors[i].centre[1]) for i in (first, second)]
    height = anchors[first].box[3] - anchors[first].box[1]
    return abs(moved[0] - moved[1]) > 0.6 * height


def _printed_words(alignment: PageAlignment, observed: np.ndarray) -> set[int]:
    """The page's printed words: the anchors found, and words of an anchor's text near it."""
    printed = set(alignment.found.values())
    anchors = alignment.layout_page.anchors
    by_key: dict[str, list[int]] = {}
    for i, anchor in enumerate(anchors):
        by_key.setdefault(anchor.key, []).append(i)
    by_word: dict[str, list[int]] = {}
    for j, key in enumerate(alignment.words.keys):
        by_word.setdefault(key, []).append(j)
        for i in by_key.get(key, ()):
            near = float(np.hypot(*(observed[j] - anchors[i].centre))) <= _NEAR_ANCHOR
            # a label the form repeats down a column (``Supply:`` under each medicine) is
            # printed again under a longer list
            repeated = len(by_key[key]) > 1 and len(key) >= 3
            column = abs(float(observed[j][0]) - anchors[i].centre[0]) <= _NEAR_ANCHOR
            if near or (repeated and column):
                printed.add(j)
    # a label's other words beside a found anchor, the whole label pushed down with it
    # (``Mode of use:`` under a longer list): the same offset from it as on the form
    for i, j in alignment.found.items():
        for k, anchor in enumerate(anchors):
            offset = np.subtract(anchor.centre, anchors[i].centre)
            if k == i or abs(offset[1]) > _NEAR_ANCHOR or abs(offset[0]) > 0.2:
                continue
            for m in by_word.get(anchor.key, ()):
                if float(np.hypot(*(observed[m] - observed[j] - offset))) <= _NEAR_ANCHOR:
                    printed.add(m)
    return printed


def _printed_boxes(alignment: PageAlignment) -> set[BBox]:
    """The boxes of the anchors found (not of a label found run together with its value)."""
    words, keys = alignment.words.words, alignment.words.keys
    anchors = alignment.layout_page.anchors
    return {words[j].bbox for i, j in alignment.found.items() if keys[j] == anchors[i].key}


def _separator(spec: FieldSpec, region: FieldRegion) -> str:
    if spec.kind is FieldKind.LIST:
        return "\n"
    return region.join


@dataclass(frozen=True, slots=True)
class LayoutReading:
    """A field as a layout read it, and where its region lies on the page."""

    result: FieldResult
    box: Box
    alignment: PageAlignment
    # read again from the image: words the page's reading (and the generic reader) missed
    reread: bool = False

    def holds(self, found: FieldResult) -> bool:
        """Whether every word box of another reading of the field lies in this region."""
        if found.page != self.alignment.words.page.index or not found.boxes:
            return False
        page = self.alignment.words.page
        centres = np.array(
            [
                ((b.x0 + b.x1) / 2 / max(page.width, 1), (b.y0 + b.y1) / 2 / max(page.height, 1))
                for b in found.boxes
            ]
        )
        x0, y0, x1, y1 = self.box
        inside = [x0 <= x <= x1 and y0 <= y <= y1 for x, y in self.alignment.to_layout(centres)]
        return all(inside)


def _value_word(word: Word, spec: FieldSpec) -> bool:
    """Whether a word may be part of the value: text values drop OCR specks and dashes."""
    if spec.kind not in (FieldKind.STRING, FieldKind.LIST):
        return True
    key = word_key(word.ocr_text)
    return bool(key) and (len(key) > 2 or word.confidence >= 0.5)


def read_page_fields(
    layout: Layout, alignment: PageAlignment, order: DateOrder
) -> dict[str, LayoutReading]:
    """The fields a layout places on one aligned page.

    A word inside two fields' regions goes to the one it is well inside (not on its top
    or bottom edge), then to the smaller (the more precise place: a name line inside a
    loosely learned address block is the name's).
    """
    specs = {spec.name: spec for spec in fields_of(layout.document_type)}
    observed = alignment.to_layout(alignment.words.centres)
    printed = _printed_words(alignment, observed)
    page = alignment.words.page
    words, observed, split = _split_labels(alignment, observed)
    printed -= split  # (a label found run together with its value: the value is not printed)
    boxes: dict[str, Box] = {}
    owner: dict[int, tuple[tuple[bool, float], str]] = {}
    for region in layout.fields:
        spec = specs.get(region.name)
        if spec is None or region.page != alignment.layout_page.index:
            continue
        box = boxes[region.name] = _moved_box(region, alignment, observed)
        x0, y0, x1, y1 = box
        area = (x1 - x0) * (y1 - y0)
        middle, half = (y0 + y1) / 2, max((y1 - y0) / 2, 1e-6)
        for i in range(len(words)):
            # a word on a region's top or bottom edge is less its own than one well inside
            rank = (abs(float(observed[i][1]) - middle) > _EDGE * half, area)
            if (
                x0 <= observed[i][0] <= x1
                and y0 <= observed[i][1] <= y1
                and (region.choice or i not in printed)
                and _value_word(words[i], spec)
                and (i not in owner or owner[i][0] > rank)
            ):
                owner[i] = (rank, region.name)
    results: dict[str, LayoutReading] = {}
    for region in layout.fields:
        if region.name not in boxes:
            continue
        spec = specs[region.name]
        inside = [i for i, (_area, name) in sorted(owner.items()) if name == region.name]
        if region.choice and spec.kind is FieldKind.REFILLS:
            continue  # (a circled number in a printed row cannot be told from its text)
        if region.choice and not _marked_in_words([words[i] for i in inside]):
            # a row of options answered by a mark the words do not show (a tick in a
            # drawn box, a ring, a strike-out): the generic reader reads it from the image
            continue
        if not inside:
            if spec.kind is FieldKind.LIST and _region_found(region, alignment):
                # the form's list left blank: an empty list (the spec's [] for blank)
                empty = FieldResult(
                    value=[], confidence=BLANK_CONFIDENCE, page=alignment.words.page.index
                )
                results[region.name] = LayoutReading(empty, boxes[region.name], alignment)
            continue
        if spec.kind in _RUN_ON_KINDS:
            inside += _run_on(words, inside, set(owner) | printed)
        medical = spec.kind in _MEDICAL_KINDS or spec.name in _MEDICAL_FIELDS
        xs = [float(observed[i][0]) for i in inside]
        ys = [float(observed[i][1]) for i in inside]
        shown = [words[i] if medical else replace(words[i], text=words[i].ocr_text) for i in inside]
        found = _typed_value(spec, shown, xs, ys, page.height, _separator(spec, region), order)
        if found is None:
            continue
        value, used = found
        picked = [words[inside[k]] for k in used]
        # a date read only by repairing a misread separator is shown for review
        repaired = spec.kind is FieldKind.DATE and all(
            coerce(spec, shown[used[0]].text, o) is None for o in DateOrder
        )
        strength = REPAIRED_STRENGTH if repaired and len(used) == 1 else LAYOUT_STRENGTH
        result = FieldResult.from_words(value, picked, rule_strength=strength)
        results[region.name] = LayoutReading(result, boxes[region.name], alignment)
    return results


# Values that may run past their region's right edge on a copy that writes them longer.
_RUN_ON_KINDS = frozenset({FieldKind.PHONE, FieldKind.DATE, FieldKind.ALNUM})


def _run_on(words: Sequence[Word], inside: Sequence[int], taken: set[int]) -> list[int]:
    """Words with digits that carry on the region's value past its right edge, on its line.

    (``+1 502 555 0101`` written where the teaching copy had ``(801)555-0195``: the
    last part lies beyond the region.) Each starts within a word's height of the one
    before; words of other regions and the form's printed words are not taken.
    """
    if not inside:
        return []
    added: list[int] = []
    last = max(inside, key=lambda i: words[i].bbox.x1)
    while True:
        b = words[last].bbox
        after = [
            j
            for j, w in enumerate(words)
            if j not in taken
            and j not in inside
            and j not in added
            and any(c.isdigit() for c in w.ocr_text)
            and abs(w.bbox.center_y - b.center_y) < 0.5 * b.height
            and 0 <= w.bbox.x0 - b.x1 <= 1.5 * b.height
        ]
        if not after:
            return added
        last = min(after, key=lambda j: words[j].bbox.x0)
        added.append(last)


def _marked_in_words(words: Sequence[Word]) -> bool:
    """Whether the row's words show which option is marked (``[X] Yes``, ``[ ] No``)."""
    text = " ".join(w.ocr_text for w in sorted(words, key=lambda w: (w.line, w.bbox.x0)))
    return bool(canonical.CHECKED.search(text) or canonical.UNCHECKED.search(text))


def _region_found(region: FieldRegion, alignment: PageAlignment) -> bool:
    """Whether the region's own anchors (its label) were found on the page."""
    return any(i in alignment.found for i in region.anchors)


def _split_labels(
    alignment: PageAlignment, observed: np.ndarray
) -> tuple[list[Word], np.ndarray, set[int]]:
    """The page's words, a label run together with its value (``PHONE503``) split in two.

    A word that starts with the text of one of the form's anchors (three letters or more)
    and goes on keeps only what follows, with its box narrowed in proportion; the label's
    part is printed and goes. Returns the words, their centres in the layout's frame and
    which were split.
    """
    words = list(alignment.words.words)
    split: set[int] = set()
    keys = sorted(
        {a.key for a in alignment.layout_page.anchors if len(a.key) >= 3}, key=len, reverse=True
    )
    if not keys:
        return words, observed, split
    observed = observed.copy()
    page = alignment.words.page
    for i, word in enumerate(words):
        key = alignment.words.keys[i]
        if len(key) < 4:
            continue
        label = next((k for k in keys if key.startswith(k) and len(key) > len(k)), None)
        if label is None:
            continue
        text = word.ocr_text or word.text
        cut, seen = 0, 0
        while cut < len(text) and seen < len(label):
            seen += text[cut].isalnum()
            cut += 1
        rest = text[cut:].lstrip(":;,.-/ ")
        if not rest or not (rest[0].isdigit() or text[cut] in ":;/"):
            continue  # a value word that starts like a label ("States"), not a run-on
        share = (len(text) - len(rest)) / len(text)
        x0 = word.bbox.x0 + round(share * word.bbox.width)
        box = BBox(min(x0, word.bbox.x1 - 1), word.bbox.y0, word.bbox.x1, word.bbox.y1)
        words[i] = replace(word, text=rest, ocr_text=rest, bbox=box)
        centre = np.array(
            [
                [
                    (box.x0 + box.x1) / 2 / max(page.width, 1),
                    (box.y0 + box.y1) / 2 / max(page.height, 1),
                ]
            ]
        )
        observed[i] = alignment.to_layout(centre)[0]
        split.add(i)
    return words, observed, split


_SHORT_KINDS = frozenset({FieldKind.DATE, FieldKind.PHONE, FieldKind.NUMBER, FieldKind.INTEGER})


def _typed_value(
    spec: FieldSpec,
    words: Sequence[Word],
    xs: Sequence[float],
    ys: Sequence[float],
    page_height: int,
    sep: str,
    order: DateOrder,
) -> tuple[FieldData, list[int]] | None:
    """The value the region's words give, and which of them it used.

    A date, phone or number takes the longest run of the words, in reading order,
    that reads as a valid value of its kind (a neighbouring cell's word is left out).
    """
    everything = list(range(len(words)))
    text = join_text(words, xs, ys, page_height, sep)
    value = coerce(spec, text, order)
    valid = value is not None and validate_field(spec, value) is None
    if spec.kind not in _SHORT_KINDS or (valid and _canonical(spec, value)):
        if value is None or (value == [] and spec.kind is not FieldKind.LIST):
            return None
        return value, everything
    ranked = sorted(everything, key=lambda i: (round(ys[i] * 200), xs[i]))
    # a run that reads as the kind's canonical form (a phone's ten digits) beats the whole
    # region read as written (a neighbouring cell's number run into the phone)
    written: tuple[FieldData, list[int]] | None = (value, everything) if valid else None
    for length in range(min(len(ranked), 6), 0, -1):
        for start in range(len(ranked) - length + 1):
            run = ranked[start : start + length]
            part = " ".join(words[i].text for i in run)
            value = coerce(spec, part, order)
            if value is not None and validate_field(spec, value) is None:
                if _canonical(spec, value):
                    return value, run
                written = written or (value, run)
    if written is not None:
        return written
    if spec.kind is FieldKind.DATE:
        for i in ranked:  # a separator the OCR read as 1 ("19103/2020"): one repair only
            repaired = {
                value
                for variant in _separator_repairs(words[i].text)
                if (value := coerce(spec, variant, order)) is not None
                and validate_field(spec, value) is None
            }
            if len(repaired) == 1:
                return repaired.pop(), [i]
    return None


_NANP = re.compile(r"\(\d{3}\) \d{3}-\d{4}")


def _canonical(spec: FieldSpec, value: FieldData) -> bool:
    """Whether a valid value is in its kind's canonical form (a phone of ten digits)."""
    return spec.kind is not FieldKind.PHONE or bool(_NANP.fullmatch(str(value)))


def _separator_repairs(text: str) -> list[str]:
    """``text`` with one ``1`` beside a date's digits read as its separator, or dropped.

    Or with a speck OCR read between two digits of a part taken out (``12/22/2.022``).
    """
    variants = [
        text[: m.start()] + text[m.end() :]
        for m in re.finditer(r"(?<=[0-9])[.,'`](?=[0-9])", text)
        if len(re.findall(r"[/.-]", text[: m.start()] + text[m.end() :])) == 2
    ]
    if not re.fullmatch(r"[0-9]+(?:[/.-][0-9]+){0,2}", text):
        return variants
    for i, c in enumerate(text):
        if c == "1" and 0 < i < len(text) - 1:
            variants += [text[:i] + "/" + text[i + 1 :], text[:i] + text[i + 1 :]]
    return variants


def read_fields(match: Match, order: DateOrder) -> dict[str, LayoutReading]:
    """Every field the matched layout places on the document's pages.

    Numeric dates are read in the day order the document's own unambiguous dates
    show (``17/12/2020`` is day first), else in ``order``.
    """
    results: dict[str, LayoutReading] = {}
    for alignment in match.pages.values():
        results.update(read_page_fields(match.layout, alignment, order))
    dates = {
        spec.name: spec
        for spec in fields_of(match.layout.document_type)
        if spec.kind is FieldKind.DATE
    }
    own = document_date_order([r.result.ocr_text for n, r in results.items() if n in dates])
    if own is not None and own is not order:
        for name in set(results) & set(dates):
            reading = results[name]
            value = canonical.parse_date(reading.result.ocr_text, own)
            if value is not None and validate_field(dates[name], value) is None:
                results[name] = replace(reading, result=replace(reading.result, value=value))
    return results


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})(?!\d)")


def document_date_order(texts: Sequence[str]) -> DateOrder | None:
    """The day order a document's numeric dates show where only one order is possible."""
    votes = {DateOrder.MONTH_FIRST: 0, DateOrder.DAY_FIRST: 0}
    for text in texts:
        for first, second, _year in _NUMERIC_DATE.findall(text):
            a, b = int(first), int(second)
            if a > 12 >= b:
                votes[DateOrder.DAY_FIRST] += 1
            elif b > 12 >= a:
                votes[DateOrder.MONTH_FIRST] += 1
    if votes[DateOrder.DAY_FIRST] == votes[DateOrder.MONTH_FIRST]:
        return None
    return max(votes, key=lambda o: votes[o])


def _left_out(extra: set[BBox], lines: Sequence[BBox], reading: LayoutReading) -> bool:
    """Whether the ``extra`` words are words of letters on the lines of ``lines``.

    (A first name or a city the generic reader left out; not a phone or a licence number
    printed on the line of a prescriber's name.)
    """
    words = {w.bbox: w for w in reading.alignment.words.words}
    for b in extra:
        word = words.get(b)
        if word is None or not word_key(word.ocr_text or word.text).isalpha():
            return False
        if not any(
            min(b.y1, line.y1) - max(b.y0, line.y0) > 0.5 * min(b.height, line.height)
            for line in lines
        ):
            return False
    return True


def _form_words(boxes: set[BBox], reading: LayoutReading) -> bool:
    """Whether any of the words is one of the form's printed words (a label, found or not).

    (``Rel.`` after a name: the label the name ends at, which the alignment did not place.)
    """
    keys = reading.alignment.layout_page.keys
    words = reading.alignment.words
    return any(
        words.keys[j] in keys and len(words.keys[j]) >= 2
        for j, word in enumerate(words.words)
        if word.bbox in boxes
    )


def _marked_options(found: FieldResult, reading: LayoutReading) -> bool:
    """Whether a list reading holds an item all of whose words the form prints.

    (A condition of a printed check list, read ticked; a list written by hand has items
    of its own words.)
    """
    if not isinstance(found.value, list) or not found.value:
        return False
    keys = reading.alignment.layout_page.keys
    for item in found.value:
        words = [k for k in (word_key(t) for t in str(item).split()) if len(k) >= 3]
        if words and all(k in keys for k in words):
            return True
    return False


def region_of(layout: Layout, name: str) -> FieldRegion:
    """The layout's region of a field it places."""
    return next(region for region in layout.fields if region.name == name)


def line_total(spans: Iterable[tuple[float, float]]) -> int:
    """How many lines of text words make, from their ``(top, bottom)`` edges.

    A word starts a new line when its middle lies more than 0.6 of the words' median
    height below the previous one's.
    """
    edges = list(spans)
    if not edges:
        return 0
    height = float(np.median([bottom - top for top, bottom in edges]))
    middles = sorted((top + bottom) / 2 for top, bottom in edges)
    return 1 + sum(1 for a, b in itertools.pairwise(middles) if b - a > 0.6 * height)


def _line_total(boxes: Sequence[BBox]) -> int:
    """How many lines of text the word boxes make."""
    return line_total((b.y0, b.y1) for b in boxes)


def _same_lines(fewer: Sequence[BBox], more: Sequence[BBox]) -> bool:
    """Whether the words ``more`` adds lie only on lines ``fewer`` has words on."""
    height = float(np.median([b.height for b in more]))
    middles = [(b.y0 + b.y1) / 2 for b in fewer]
    return all(
        any(abs((b.y0 + b.y1) / 2 - m) <= 0.5 * height for m in middles)
        for b in set(more) - set(fewer)
    )


def faithful(found: FieldResult, reading: LayoutReading) -> bool:
    """Whether a text value uses no word more often than the words it was read from show it.

    Values of other kinds (dates, phones, lists), and readings whose words are not on the
    layout's page, are taken as read.
    """
    if not isinstance(found.value, str) or found.page != reading.alignment.words.page.index:
        return True
    boxes = set(found.boxes)
    words = [w for w in reading.alignment.words.words if w.bbox in boxes]
    if not words:
        return True
    shown = Counter(word_key(w.ocr_text or w.text) for w in words)
    used = Counter(k for k in (word_key(t) for t in found.value.split()) if k)
    return all(count <= shown[k] for k, count in used.items() if k in shown)


def combine(
    layout_fields: Mapping[str, LayoutReading],
    generic: Mapping[str, FieldResult],
    layout: Layout,
    match: Match | None = None,
) -> tuple[dict[str, FieldResult], list[str]]:
    """The layout's reading set against the generic reader's, and the doubts it raises.

    A field the layout read takes the layout's value, unless the generic reader
    read it from inside the layout's region too, or read all the layout's words and
    more (then the generic reading is kept). Where the two values differ the field is
    doubtful. A field the layout did not read keeps the generic reading, unless that
    reading is made only of the form's printed words and of words the layout read as other
    fields (a label, or a line of the address above, read as a blank field's value: the
    field is blank; a choice, read from its mark, is not). ``match`` gives
    the printed words of every page.
    """
    fields = dict(generic)
    for region in layout.fields:  # a row answered by striking out what does not apply
        marked = generic.get(region.name)
        spec = next((s for s in fields_of(layout.document_type) if s.name == region.name), None)
        if region.struck and marked and spec is not None and marked.value in spec.choices:
            flipped = next(c for c in spec.choices if c != marked.value)
            fields[region.name] = replace(marked, value=flipped)
    if match is not None:
        printed = {index: _printed_boxes(alignment) for index, alignment in match.pages.items()}
        # (a choice is read from a mark around or beside a printed option: not blank)
        choices = {
            spec.name
            for spec in fields_of(layout.document_type)
            if spec.kind in (FieldKind.ENUM, FieldKind.REFILLS)
        }
        read = {b for r in layout_fields.values() for b in r.result.boxes}
        for name, found in generic.items():
            if name in layout_fields or name in choices or not found.boxes:
                continue
            if found.page in printed and set(found.boxes) <= printed[found.page] | read:
                del fields[name]  # the form's words, or words of values the layout placed
    warnings: list[str] = []
    taken = {  # the words a reading of another field may not have: printed, or others' values
        name: {b for other, r in layout_fields.items() if other != name for b in r.result.boxes}
        | _printed_boxes(r.alignment)
        for name, r in layout_fields.items()
    }
    kinds = {spec.name: spec.kind for spec in fields_of(layout.document_type)}
    for name in kinds:
        reading = layout_fields.get(name)
        theirs = generic.get(name)
        if reading is None:
            continue
        ours = reading.result
        if theirs is not None and isinstance(theirs.value, str) and kinds[name] is FieldKind.STRING:
            # the slips the layout's reading repairs are repaired in the generic one too
            theirs = replace(theirs, value=repair_words(theirs.value, text_style(name)))
        elif theirs is not None and isinstance(theirs.value, list):
            items = [
                repair_words(v, TextStyle.ITEM) if isinstance(v, str) else v for v in theirs.value
            ]
            theirs = replace(theirs, value=items)
        if theirs is not None and theirs.value != ours.value:
            # the generic reader read it where the layout says, or read every word the
            # layout did and more (the region was too tight): its reading is kept
            extra = set(theirs.boxes) - set(ours.boxes)
            wider = bool(ours.boxes) and set(ours.boxes) <= set(theirs.boxes)
            wider = wider and not extra & taken[name] and not _form_words(extra, reading)
            # ... unless the layout read every word it did and more, in the region (the
            # generic reader stopped early in a list, or left out a word of a line it read;
            # not a text's extra line, such as a specialty under a prescriber's name)
            more = bool(theirs.boxes) and set(theirs.boxes) < set(ours.boxes)
            more = more and (
                isinstance(ours.value, list)
                or reading.reread
                or (
                    kinds[name] is FieldKind.STRING
                    and _left_out(set(ours.boxes) - set(theirs.boxes), theirs.boxes, reading)
                )
            )
            # ... or read an item the generic reader dropped from the very same words
            dropped = (
                isinstance(ours.value, list)
                and isinstance(theirs.value, list)
                and set(theirs.boxes) == set(ours.boxes)
                and set(map(str, theirs.value)) < set(map(str, ours.value))
            )
            keep = (reading.holds(theirs) and not more and not dropped) or (wider and not dropped)
            # a list the generic reader read from marks beside the form's printed options (a
            # check list): the layout's region holds the options its teaching copy had ticked
            keep = keep or _marked_options(theirs, reading)
            # an option word the layout read where the generic reader read the whole row
            # of options it stands in (and the mark among them): the row's reading is kept
            shared = set(ours.boxes) & set(theirs.boxes)
            if kinds[name] is FieldKind.ENUM and shared and len(set(theirs.boxes)) > len(shared):
                keep = keep or not region_of(layout, name).choice
            # a text read over more lines than it took on the teaching documents (a
            # specialty under a prescriber's name) gives way to a reading within them;
            # one within them that adds whole lines to the generic reading is kept
            learned = region_of(layout, name).lines
            if learned and kinds[name] is FieldKind.STRING and theirs.boxes:
                if _line_total(ours.boxes) > learned >= _line_total(theirs.boxes):
                    keep = True
                elif (
                    set(theirs.boxes) < set(ours.boxes)
                    and _line_total(theirs.boxes) < _line_total(ours.boxes) <= learned
                    and not _same_lines(theirs.boxes, ours.boxes)
                ):
                    keep = False
            # ... and a text whose words the generic reader repeated or made up (an address
            # part twice) is not kept over the layout's, which spells its words as read
            keep = keep and (faithful(theirs, reading) or not faithful(ours, reading))
            chosen, other = (theirs, ours) if keep else (ours, theirs)
            # the other reading is a second reading that disagrees: shown beside it, never
            # verified automatically, and no later reader makes it confident again
            ours = replace(
                chosen,
                confidence=min(chosen.confidence, DOUBTFUL_CONFIDENCE),
                agreement=False,
                second_reading=other.value,
            )
            warnings.append(f"{name}: the layout's reading differs from the generic reader's")
        fields[name] = ours
    if match is not None:
        # a list the form places nowhere (blank on the teaching copy) and neither reader
        # found on this copy: blank here too, the spec's [] (shown for review)
        placed = {region.name for region in layout.fields}
        page = min(match.pages)
        for spec in fields_of(layout.document_type):
            if spec.kind is FieldKind.LIST and spec.name not in fields.keys() | placed:
                fields[spec.name] = FieldResult(value=[], confidence=UNPLACED_BLANK, page=page)
    return fields, warnings
