"""Pre-coded answers: a question's categories one a line, each with its code, one code marked.

An interview questionnaire prints a closed question's answers as *coding categories*: the
categories in capitals down a column (``IMMUNE``, ``NOT IMMUNE``, ``NOT SURE``), each with its
code at the row's end (``1``, ``2``, ``8``), and the interviewer rings the code of the answer
(or ticks a box after it). The code column need not keep to its categories' baselines, so a
code is paired with its category by what it says (``1`` the first, ``8`` "don't know"), not by
row, and the codes read place the ones OCR missed (a ring hides a digit). The image decides
which code is marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

from medreview.documents import FieldSpec
from medreview.model import BBox, FieldData, Word
from medreview.parsing.choices import ABSTAIN, prints_choices
from medreview.parsing.layout import compact, segments
from medreview.parsing.marks import PageMarks, decide
from medreview.parsing.page import BASE_SCORE, Anchor, Candidate, Page, Relation, text_of
from medreview.parsing.values import VALUE_TYPES
from medreview.parsing.vocabulary import FieldWords

# A code as printed (or read through its ring): one digit, maybe in brackets.
CODE = re.compile(r"^[(\[{]?([0-9])[)\]}]?$")
# A question's categories stand at most this many text heights over its label's line (the
# question wraps) ...
CATEGORY_REACH = 3.0
# ... and its categories' lines are at most this many of their pitches apart.
CATEGORY_PITCH = 1.5
# A question's categories start at one left edge, within this many text heights.
CATEGORY_ALIGN = 1.5
# A code stands at least this many text heights right of its category.
CODE_GAP = 2.0
# A code the image shows marked outranks the words of the category row it stands in ("NOT
# IMMUNE 2" right of the question reads as an answer written there).
MARKED_CODE = 1.02
# A code standing this many category pitches off the others' place is another question's.
CODE_SLACK = 0.5
# The categories of a list's filter question.
FILTER_CHOICES = ("yes", "no")
# The codes of "don't know" and "refused" (8 and 9 by the survey convention).
UNSURE_CODES = (8, 9)


def coded_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A choice answered by the code marked beside its category, at each of its labels.

    A list asked first as a yes / no question ("Do you take any medicines regularly?") is
    the empty list when "no" is marked; "yes" sends the interviewer to the question that
    lists them, so it answers nothing here.
    """
    listed = VALUE_TYPES[item.value].name == "list"
    choices = FILTER_CHOICES if listed else tuple(spec.choices)
    if not choices:
        return []
    found = []
    for anchor in doc.anchors:
        if f"field:{item.name}" not in anchor.keys:
            continue
        marks = doc.marks.get(anchor.words[0].page)
        if marks is None:
            continue
        run = _categories(doc, choices, anchor)
        if len(run) >= 2:
            chosen = _marked(doc, run, marks)
            if chosen is None:
                continue
            meaning, words = run[chosen]
        else:
            found_in_grid = _grid_answer(doc, choices, anchor, marks)
            if found_in_grid is None:
                continue
            meaning, words = found_in_grid
        answer: FieldData = None if meaning in ABSTAIN else meaning  # "NOT SURE": left out
        if listed:
            if meaning != "no":
                continue
            answer = []
        score = BASE_SCORE[Relation.RIGHT] * MARKED_CODE
        found.append(Candidate(item.name, answer, words, score, Relation.RIGHT, anchor.words))
    return found


Category = tuple[str, tuple[Word, ...]]


def _meanings(choices: Sequence[str]) -> dict[str, str]:
    """A question's categories as printed (compacted) to what they mean, "don't know" too."""
    return {compact(c): c for c in (*choices, *ABSTAIN)}


def _categories(doc: Page, choices: Sequence[str], anchor: Anchor) -> list[Category]:
    """The run of category lines right of a question's label, nearest the label."""
    label = BBox.union(w.bbox for w in anchor.words)
    page = anchor.words[0].page
    known = _meanings(choices)
    found: list[Category] = []
    for line in doc.lines:
        if line.page != page:
            continue
        for part in segments(line):
            words = part[:-1] if len(part) > 1 and CODE.match(part[-1].text) else part
            # the question's wording may run on into the categories' column
            for start in range(len(words)):
                if words[start].bbox.x0 <= label.x1:
                    continue
                meaning = known.get(compact(text_of(words[start:])))
                if meaning is not None:
                    found.append((meaning, words[start:]))
                    break
    runs = _runs(found)
    near = [r for r in runs if r[0][1][0].bbox.y0 >= label.y0 - CATEGORY_REACH * label.height]
    if not near:
        return []
    return min(near, key=lambda r: abs(r[0][1][0].bbox.y0 - label.y0))


# The column heads of a grid of coded items stand at most this many lines over an item.
GRID_REACH = 6
# A category head may be printed short ("DK" for "don't know").
SHORT_HEADS = {"dk": "don't know"}


def _grid_answer(
    doc: Page, choices: Sequence[str], anchor: Anchor, marks: PageMarks
) -> Category | None:
    """An item's code ringed under its grid's category heads.

    "Are you immune to: a) CHICKENPOX  1 2 8" under ``IMMUNE  NOT IMMUNE  DK``: each
    head's code stands under the head's middle on the item's row, read by OCR or not (a
    ring hides it); the ringed one is the answer.
    """
    line = doc.lines[anchor.match.line]
    row = line.words[anchor.match.end :]
    if prints_choices(row, choices):
        return None  # the item prints its own choices: the row over it is the last item's
    heads = _heads_over(doc, choices, anchor)
    if heads is None:
        return None
    height = max(8, int(median(w.bbox.height for w in anchor.words)))
    x0, x1 = heads[0][1][0].bbox.x0 - height, heads[-1][1][-1].bbox.x1 + height
    if any(x0 < w.bbox.x1 and w.bbox.x0 < x1 and _written(w.text) for w in row):
        return None  # words written under the heads: a value, not an item's ringed code
    y0 = anchor.words[0].bbox.y0
    band = BBox(x0, y0 - height // 2, x1, y0 + height + height // 2)
    if len(marks.boxes(band, height)) >= max(2, len(heads) - 1):
        return None  # a check box under the heads (the ticked one's lines may be lost in its
        # tick): a grid ticked, not codes ringed
    boxes = []
    codes: list[tuple[Word, ...]] = []
    for _, words in heads:
        middle = (words[0].bbox.x0 + words[-1].bbox.x1) // 2
        read = [w for w in row if CODE.match(w.text) and w.bbox.x0 <= middle <= w.bbox.x1]
        if read:
            boxes.append(read[0].bbox)
        else:
            boxes.append(BBox(middle - height // 3, y0, middle + height // 3, y0 + height))
        codes.append(tuple(read[:1]))
    chosen = decide([marks.ring_mark(b, [], both_ends=True) for b in boxes])
    # the evidence is the item's code (the heads are every item's)
    return (heads[chosen][0], codes[chosen]) if chosen is not None else None


def _written(text: str) -> bool:
    """Whether a word is written text, not a code (a ringed ``1`` OCR read as ``i``)."""
    return not CODE.match(text) and sum(c.isalnum() for c in text) >= 2


def _heads_over(doc: Page, choices: Sequence[str], anchor: Anchor) -> list[Category] | None:
    """The category heads in capitals over an item, right of it, left to right."""
    known = _meanings(choices) | {compact(k): v for k, v in SHORT_HEADS.items()}
    page = anchor.words[0].page
    right = anchor.words[-1].bbox.x1
    for index in range(anchor.match.line - 1, max(-1, anchor.match.line - GRID_REACH), -1):
        above = doc.lines[index]
        if above.page != page:
            return None
        words = [w for w in above.words if w.bbox.x0 > right and w.text.isupper()]
        heads: list[Category] = []
        start = 0
        while start < len(words):
            for size in (3, 2, 1):
                piece = tuple(words[start : start + size])
                meaning = known.get(compact(text_of(piece))) if len(piece) == size else None
                if meaning is not None:
                    heads.append((meaning, piece))
                    start += size
                    break
            else:
                start += 1
        if len({m for m, _ in heads if m in choices}) >= 2:
            return heads
    return None


def _runs(categories: list[Category]) -> list[list[Category]]:
    """Category lines split into questions.

    A question's categories end where one repeats, after "don't know", or where the next line
    stands apart or starts at another left edge.
    """
    ordered = sorted(categories, key=lambda c: c[1][0].bbox.y0)
    runs: list[list[Category]] = []
    for category in ordered:
        run = runs[-1] if runs else None
        if run:
            y = category[1][0].bbox.y0
            pitch = y - run[-1][1][0].bbox.y0
            usual = run[-1][1][0].bbox.y0 - run[-2][1][0].bbox.y0 if len(run) > 1 else None
            apart = pitch > CATEGORY_PITCH * (usual or 2.5 * run[-1][1][0].bbox.height)
            repeated = category[0] in {c[0] for c in run}
            left = category[1][0].bbox
            aligned = abs(left.x0 - run[0][1][0].bbox.x0) <= CATEGORY_ALIGN * left.height
            ended = run[-1][0] in ABSTAIN  # "don't know" closes its question's categories
            if not apart and not repeated and aligned and not ended:
                run.append(category)
                continue
        runs.append([category])
    return runs


def _marked(doc: Page, run: Sequence[Category], marks: PageMarks) -> int | None:
    """Which category's code is ringed (or its box ticked), from the page image."""
    height = float(median(w.bbox.height for _, ws in run for w in ws))
    right = max(ws[-1].bbox.x1 for _, ws in run) + CODE_GAP * height
    pitch = (run[-1][1][0].bbox.y0 - run[0][1][0].bbox.y0) / (len(run) - 1)
    top = run[0][1][0].bbox.y0 - pitch
    bottom = run[-1][1][0].bbox.y1 + 1.5 * pitch
    page = run[0][1][0].page
    codes = [
        w
        for line in doc.lines
        if line.page == page
        for w in line.words
        if CODE.match(w.text) and w.bbox.x0 > right and top <= w.bbox.y0 <= bottom
    ]
    boxes = _code_boxes(run, codes, pitch) or _column_from_nearby(doc, run, right, pitch)
    if boxes is None:
        return None
    # a box printed after each code, one ticked; or a ring drawn round one code
    ticks = [marks.box_mark(_box_after(b), []) for b in boxes]
    if (chosen := decide([t - min(ticks) for t in ticks])) is not None:  # (empty boxes alike)
        return chosen
    others = [w.bbox for w in codes]
    return decide(
        [marks.ring_mark(b, [o for o in others if o != b], both_ends=True) for b in boxes]
    )


def _box_after(code: BBox) -> BBox:
    """Where a check box printed right after a code stands (OCR may read both as one word)."""
    h = max(8, code.height)
    return BBox(code.x0 + h // 2, code.y0 - h // 2, code.x0 + 5 * h // 2, code.y1 + h // 4)


def _code_boxes(run: Sequence[Category], codes: Sequence[Word], pitch: float) -> list[BBox] | None:
    """Where each category's code is printed, read or not (a ring may hide it from OCR).

    A code names its category: ``1`` the first, ``2`` the second, ``8`` or ``9`` the
    closing "don't know". The codes read tell how far the code column stands from its
    categories' lines; a code further off is another question's.
    """
    tops = [ws[0].bbox.y0 for _, ws in run]
    offsets: dict[int, tuple[float, Word]] = {}
    for code in codes:
        digit = CODE.match(code.text)
        index = _category_of(run, int(digit.group(1))) if digit is not None else None
        if index is not None:
            offsets.setdefault(index, (code.bbox.y0 - tops[index], code))
    if not offsets:
        return None
    usual = median(o for o, _ in offsets.values())
    kept = {i: w for i, (o, w) in offsets.items() if abs(o - usual) <= CODE_SLACK * pitch}
    if not kept:
        return None
    x0 = int(median(w.bbox.x0 for w in kept.values()))
    width = int(median(w.bbox.width for w in kept.values()))
    height = int(median(w.bbox.height for w in kept.values()))
    boxes = []
    for index, category_top in enumerate(tops):
        if index in kept:
            boxes.append(kept[index].bbox)
        else:
            y0 = int(category_top + usual)
            boxes.append(BBox(x0, y0, x0 + width, y0 + height))
    return boxes


# Another question's code this many category pitches away still shows where codes stand.
NEARBY_CODES = 8.0


def _column_from_nearby(
    doc: Page, run: Sequence[Category], right: float, pitch: float
) -> list[BBox] | None:
    """Where a question's codes stand when OCR read none of them.

    A dotted leader runs into one code, a ring hides another: they stand in the code column
    of the nearest question, level with their categories.
    """
    page = run[0][1][0].page
    middle = (run[0][1][0].bbox.y0 + run[-1][1][0].bbox.y0) / 2
    near = [
        w
        for line in doc.lines
        if line.page == page
        for w in line.words
        if CODE.match(w.text)
        and w.bbox.x0 > right
        and abs(w.bbox.y0 - middle) <= NEARBY_CODES * pitch
    ]
    if not near:
        return None
    code = min(near, key=lambda w: abs(w.bbox.y0 - middle)).bbox
    return [BBox(code.x0, ws[0].bbox.y0, code.x1, ws[0].bbox.y0 + code.height) for _, ws in run]


def _category_of(run: Sequence[Category], code: int) -> int | None:
    """The category a code stands for: its place in the run, or the run's "don't know"."""
    unsure = run[-1][0] in ABSTAIN
    if code in UNSURE_CODES and unsure:
        return len(run) - 1
    if 1 <= code <= len(run) - (1 if unsure else 0):
        return code - 1
    return None
