"""The entries of a list or of a block of medicines, however the form lets them be written.

A list may be ticked in a printed check list (boxes drawn, or read by OCR as glyphs; under
``Yes`` / ``No`` heads or not), marked in a table of items (by columns or by a legend's codes)
or written one entry a line under the form's instructions; a block of medicines may be a
printed drug list with ticks, or lines carrying the ℞ mark, bullets and quantity columns that
are no drug's. Both the labelled and the unlabelled candidate sources read their lists here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby, pairwise
from statistics import median
from typing import NamedTuple

from medreview.model import BBox, Word
from medreview.parsing import canonical
from medreview.parsing.cells import captions_under, row_slope, value_above_label
from medreview.parsing.layout import (
    COLUMN_GAP,
    ENUMERATION,
    Line,
    compact,
    in_capitals,
    is_order,
    value_below,
    value_right,
)
from medreview.parsing.legend import is_key_line
from medreview.parsing.marks import BOX_SCALES, TICKED_INK, PageMarks
from medreview.parsing.page import Anchor, Page, lines_text, text_of, wraps_onto
from medreview.parsing.values import STRENGTH, ValueType

# What OCR makes of the ℞ mark, compared after ``compact``.
RX_NOISE = frozenset(
    {"", "r", "k", "rx", "b", "x", "px", "pk", "br", "rk", "kx", "ry", "by", "re", "fx", "ix"}
    | {"p", "bx", "kr", "rv", "rl", "r7", "ke", "q"}
)
# The same, as a word of its own (an empty word is none).
RX_READINGS = RX_NOISE - {""}
RX_GLUED = re.compile(r"^(?:Rx|RX|R|K|B|P|X|Px|Pk)[/:.,;]?(?=[A-Z][a-z]{3})")
# The ℞ OCR read glued to the row's number ("Rx1", "Px1.", PP-OCR's superscript "Rx¹").
RX_NUMBERED = re.compile(r"^(?:Rx|RX|Px|R|K)[\d\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,2}[.)]?$")
# A bullet or a row number before a medicine (a medicine line begins with the drug's name).
LEADING_BULLET = re.compile(r"^(?:\d{1,2}[.)]?|[-•*·>])$")


def read_as_rx(word: Word) -> bool:
    """Whether a word is what OCR made of the ℞ mark (``Rx``, ``Px``, ``R``)."""
    return word.text == "℞" or compact(word.text) in RX_READINGS


# A box OCR read as a glyph: ticked ("☑", "[x]") or empty ("☐", "[ ]").
_TICKED_BOX = r"[☑☒✓✔■]|\[\s*[xX✓✔]\s*\]"
_EMPTY_BOX = r"[☐□]|\[\s*\]"
_BOX_GLYPH = re.compile(f"({_TICKED_BOX}|{_EMPTY_BOX})")


def glyph_list(text: str) -> list[str] | None:
    """The entries after ticked boxes, in a row OCR read with its boxes as glyphs.

    "☑ Asthma ☐ Diabetes ☑ Hypertension" is Asthma and Hypertension.
    """
    parts = _BOX_GLYPH.split(text)
    if len(parts) < 5 or not any(re.fullmatch(_TICKED_BOX, box) for box in parts[1::2]):
        return None  # two boxes at least, one read ticked (OCR often drops a ticked box)
    entries = []
    for box, entry in zip(parts[1::2], parts[2::2], strict=True):
        entry = entry.strip(" ,;")
        if re.fullmatch(_TICKED_BOX, box) and entry and canonical.parse_list(entry):
            entries.append(entry)
    return entries


def tick_list(
    doc: Page, words: tuple[Word, ...], marks: PageMarks | None, *, printed: bool = False
) -> list[str] | None:
    """The entries ticked in a printed list of check boxes (``None``: the words are no such list).

    Each box answers the words right of it up to the next box; three boxes or more make a
    tick list. Under ``Yes`` / ``No`` heads a row's boxes with nothing written after them
    answer the question printed before them (a questionnaire whose Details column is left
    blank); what is written after them is the entry. An entry that says none (``None of
    these``) leaves the list empty. A ``printed`` list (a form's own list of drugs) leaves
    some of its boxes empty: rows each led by a filled square are numbered, not ticked.
    """
    if marks is None:
        return None
    entries: list[tuple[str, float, float]] = []
    answered = 0  # rows holding boxes
    rows = _rows(doc, words)
    # one text size for the whole list: OCR may take a big glyph beside a row into its words
    size = median(float(sorted(w.bbox.height for w in line)[len(line) // 4]) for line in rows)
    heads = _answer_heads(doc, words)
    # the boxes stand before their entries, or under the heads of the answer columns
    left = min(x for x, _ in heads) - 2 * size if heads else None
    right = max(x for x, _ in heads) + 2 * size if heads else None
    for line in rows:
        boxes = row_boxes(line, marks, size, left, right)
        group: list[tuple[BBox, float]] = []  # a row's answer boxes before its entry
        # what OCR read of a box or its tick ("c", "s", "冈") is no entry's word
        line = [w for w in line if not any(_over_box(w, box, size) for box, _ in boxes)]
        # a box stands level with the entry after it (on a tilted page, the next row's
        # boxes reach into this row's band)
        boxes = [(box, fill) for box, fill in boxes if _level_with_entry(box, line, size)]
        if heads and _boxes_after_entries(line, boxes, size):
            for entry, group in _entries_before_boxes(line, boxes):
                text = canonical.one_line(text_of(entry))
                if text:
                    entries.append((text, _yes_fill(group, heads, size), entry[0].bbox.x0))
            answered += 1
            continue
        for index, (box, fill) in enumerate(boxes):
            group.append((box, fill))
            end = boxes[index + 1][0].x0 if index + 1 < len(boxes) else 10**9
            entry = [w for w in line if box.x1 - size / 2 <= (w.bbox.x0 + w.bbox.x1) / 2 < end]
            text = canonical.one_line(text_of([w for w in entry if not is_box_text(w.text)]))
            if text:
                entries.append((text, _yes_fill(group, heads, size), group[0][0].x0))
                group = []
        answered += bool(boxes)
        if group and heads:
            question = [w for w in line if w.bbox.x1 <= group[0][0].x0 + size / 2]
            while question and ENUMERATION.match(question[0].text):
                question = question[1:]  # the question's number
            text = canonical.one_line(text_of(question))
            if text:
                entries.append((text, _yes_fill(group, heads, size), group[0][0].x0))
    if max(len(entries), answered) < TICK_LIST_BOXES:
        return None
    if printed and all(fill >= TICKED_INK for _, fill, _ in entries):
        return None
    # a table ruled across its rows is read as text is; free columns of boxes one by one
    ordered = entries if _ruled_across(rows, marks) else _down_columns(entries)
    ticked = [text for text, fill, _ in ordered if fill >= TICKED_INK]
    if any(canonical.parse_list(text.split()[0]) == [] for text in ticked):
        return []  # "None of these" ticked
    return ticked


def _boxes_after_entries(
    line: Sequence[Word], boxes: Sequence[tuple[BBox, float]], size: float
) -> bool:
    """Whether a row under answer heads prints its items first and their boxes after them.

    ``Hypertension  [ ] [ ]  Diabetes  [ ] [ ]``: the row opens with an item and nothing is
    written after its last box (a Details column filled in makes the written words the entry).
    """
    if not boxes or not line:
        return False
    first = (line[0].bbox.x0 + line[0].bbox.x1) / 2
    return first < boxes[0][0].x0 and all(
        (w.bbox.x0 + w.bbox.x1) / 2 < boxes[-1][0].x1 + size / 2 for w in line
    )


def _entries_before_boxes(
    line: Sequence[Word], boxes: Sequence[tuple[BBox, float]]
) -> list[tuple[list[Word], list[tuple[BBox, float]]]]:
    """A row's items, each with the run of boxes right after it (its answer columns)."""
    found: list[tuple[list[Word], list[tuple[BBox, float]]]] = []
    start = -float("inf")
    for box, fill in boxes:
        entry = [w for w in line if start <= (w.bbox.x0 + w.bbox.x1) / 2 < box.x0]
        while entry and ENUMERATION.match(entry[0].text):
            entry = entry[1:]  # the item's number
        if entry or not found:
            found.append((entry, [(box, fill)]))
        else:
            found[-1][1].append((box, fill))
        start = box.x1
    return [(entry, group) for entry, group in found if entry]


def _ruled_across(rows: Sequence[Sequence[Word]], marks: PageMarks) -> bool:
    """Whether drawn lines part a list's rows across its whole width (a table, not columns).

    A line runs between the first two rows from the left of their first words to the right
    of their last ones.
    """
    if len(rows) < 2 or not rows[0] or not rows[1]:
        return False
    left = min(w.bbox.x0 for line in rows[:2] for w in line)
    right = max(w.bbox.x1 for line in rows[:2] for w in line)
    upper = max(w.bbox.y1 for w in rows[0])
    lower = min(w.bbox.y0 for w in rows[1])
    height = max(w.bbox.height for w in rows[0])
    middle = (left + right) / 2
    return any(
        r.start <= left + height
        and r.end >= right - height
        and upper - height <= r.at(middle) <= lower + height
        for r in marks.rules()[0]
    )


class MarkedTable(NamedTuple):
    """A printed table's items answered yes by marks written in its rows."""

    chosen: list[str]  # the items answered yes, in reading order
    words: tuple[Word, ...]  # the table's rows
    keyed: bool  # a legend keys the marks (codes), rather than Yes / No heads


def marked_value(doc: Page, marked: MarkedTable) -> tuple[str, tuple[Word, ...]]:
    """A marked table's list as text, with what is written on its "Other" blank after it."""
    others = other_entries(doc, marked.words)
    text = "\n".join([*marked.chosen, *canonical.parse_list(text_of(others))]) or "None"
    return text, (*marked.words, *others)


def marked_table(doc: Page, words: tuple[Word, ...]) -> MarkedTable | None:
    """The items a table answers yes by marks written in its rows (see :class:`MarkedTable`).

    ``#  Yes  No  #  Yes  No`` over ``1 Asthma  X  7 Anxiety  X``: each item is followed by a
    mark (``X``, a tick) in its half's ``Yes`` or ``No`` column. Where a legend keys the
    answers instead ("Write + for yes or O for no"), by the code written after the item. The
    items answered yes come down the first half, then the next. A table a legend keys is read
    before any tick list (the cells round its codes look like boxes), one of heads after.
    ``None`` when the words start no such table (no heads and no legend, or no row answered).
    """
    first = min(doc.line_of(w) for w in words)
    page = words[0].page
    # codes written in boxes before the items ("NO Diabetes  YES Epilepsy  NO Anaemia"): a
    # first row of them is no row of Yes / No heads
    legend = answer_legend(doc, first)
    before = _codes_before(doc, first, legend or WRITTEN_ANSWERS)
    heads = [] if before else _answer_heads(doc, words)
    legend = {} if heads else legend or (WRITTEN_ANSWERS if before else {})
    if not heads and len(set(legend.values())) < 2:
        return None
    entries: list[tuple[str, float, float]] = []
    taken: list[Word] = []
    index = first
    while index < min(len(doc.lines), first + MARKED_ROWS) and doc.lines[index].page == page:
        line = doc.lines[index].words
        row = _coded_before(line, legend) if before else _marked_row(line, heads, legend)
        if not row and entries:
            break  # the end of the table
        entries.extend(row)
        taken.extend(line if row else ())
        index += 1
    if len(entries) < MARKED_ITEMS:
        return None
    chosen = [text for text, yes, _ in _down_columns(entries) if yes]
    return MarkedTable(chosen, tuple(taken), keyed=not heads)


# A marked table's rows follow its label within this many lines; it answers this many items.
MARKED_ROWS = 24
MARKED_ITEMS = 3
# A row's number before its item ("1", "12.").
_ROW_NUMBER = re.compile(r"^#?\d{1,2}[.):]?$")
# A legend keying a table's answers: "+ for yes", "O = no".
_LEGEND = re.compile(r"(\S{1,2})\s+(?:for|=|means)\s+(yes|no)\b", re.IGNORECASE)
# What OCR reads of a written code: a plus as "t", an O as a nought.
_CODE_READS = {"+": ("+", "t", "十", "†"), "O": ("O", "0", "o", "()")}


# Answers written as words in a table's boxes, with no legend keying them.
WRITTEN_ANSWERS = {"YES": 1.0, "NO": 0.0}
# What marks an item unsure in its box, before it ("? Anaemia", "DK Gout"): no answer.
_UNSURE_CODES = frozenset({"?", "DK", "U"})


def _codes_before(doc: Page, first: int, codes: Mapping[str, float]) -> bool:
    """Whether a table's rows begin with a code, each written in a box before its item.

    Looked for in its first rows: two or more codes on a row, the first leading it.
    """
    for index in range(first, min(len(doc.lines), first + 3)):
        words = [w.text.strip(" .,;:") for w in doc.lines[index].words]
        if words and words[0] in codes and sum(w in codes for w in words) >= 2:
            return True
    return False


def _coded_before(
    line: Sequence[Word], codes: Mapping[str, float]
) -> list[tuple[str, float, float]]:
    """A row's items, each after the code written in the box before it (unsure: not yes).

    Empty when the row does not begin with a code ("Write YES or NO" over the rows).
    """
    if not line or line[0].text.strip(" .,;:") not in {*codes, *_UNSURE_CODES}:
        return []
    found: list[tuple[str, float, float]] = []
    code: str | None = None
    item: list[Word] = []
    for word in [*line, None]:
        text = word.text.strip(" .,;:") if word is not None else None
        if word is not None and text not in codes and text not in _UNSURE_CODES:
            item.append(word)
            continue
        entry = canonical.one_line(text_of(item))
        if code is not None and entry and ":" not in entry and "=" not in entry:
            found.append((entry, codes.get(code, 0.0), item[0].bbox.x0))
        code, item = text, []
    return found


def answer_legend(doc: Page, first: int) -> dict[str, float]:
    """The codes a legend over a table keys as yes (1.0) and no (0.0), with OCR's reads."""
    codes: dict[str, float] = {}
    for index in range(max(0, first - 2), first + 1):
        for code, answer in _LEGEND.findall(text_of(doc.lines[index].words)):
            for read in _CODE_READS.get(code.upper(), (code,)):
                codes[read] = 1.0 if answer.lower() == "yes" else 0.0
    return codes


def _marked_row(
    line: Sequence[Word], heads: Sequence[tuple[float, bool]], legend: Mapping[str, float]
) -> list[tuple[str, float, float]]:
    """A table row's items, each with whether its mark says yes and where the item begins."""
    xs = sorted(x for x, _ in heads)
    reach = min((b - a for a, b in pairwise(xs)), default=0.0) * 0.4
    found: list[tuple[str, float, float]] = []
    item: list[Word] = []
    for word in line:
        text = word.text.strip(" .,;:")
        centre = (word.bbox.x0 + word.bbox.x1) / 2
        head = min(heads, key=lambda h: abs(h[0] - centre), default=None)
        if heads and head is not None and len(text) <= 2 and abs(head[0] - centre) <= reach:
            yes: float | None = float(head[1])
        else:
            yes = legend.get(text) if item else None
        if yes is None:
            if item or not _ROW_NUMBER.match(word.text):
                item.append(word)
            continue
        entry = canonical.one_line(text_of(item))
        # (the legend's own words, "Mark each row:" and "= yes", are no item)
        if entry and ":" not in entry and "=" not in entry and canonical.parse_list(entry):
            found.append((entry, yes, item[0].bbox.x0))
        item = []
    return found


def rows_on(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A list's words with the rest of their rows right of them, under ``Yes`` / ``No`` heads.

    A questionnaire's table holds its questions in one column and their answer boxes and
    details in the next ones: a row is read whole, and the rows after it that hold boxes
    under the heads are the table's too.
    """
    heads = _answer_heads(doc, words) if words else []
    # with no heads read, the columns of boxes the list's last row holds ("Asthma [ ] [ ]
    # Seizures [ ] [ ]" under the question, its Y / N heads lost to speckle)
    xs = [x for x, _ in heads] or _box_columns(doc, words)
    if not xs:
        return words
    left: float = min(w.bbox.x0 for w in words)
    if all(compact(w.text) in _HEAD_ANSWERS for w in words):
        left = -float("inf")  # the heads alone under the question: the items lead their rows
    lines = sorted({doc.line_of(w) for w in words})
    # the table runs on while its rows hold boxes under the heads, up to the next labelled
    # row ("Services requested: [ ] SN [X] PT" is its own question)
    index = lines[-1] + 1
    while (
        index < len(doc.lines)
        and doc.lines[index].page == words[0].page
        and _answered_row(doc, doc.lines[index], xs) >= (1 if heads else len(xs))
        and not any(a.match.start == 0 for a in doc.anchors_on(index))
    ):
        lines.append(index)
        index += 1
    return tuple(w for i in lines for w in doc.lines[i].words if w.bbox.x1 > left)


def _box_columns(doc: Page, words: tuple[Word, ...]) -> list[float]:
    """The centres of the check boxes on a list's last row, when it holds two or more."""
    line = doc.lines[max(doc.line_of(w) for w in words)]
    marks = doc.marks.get(line.page)
    if marks is None or not line.words:
        return []
    boxes = row_boxes(line.words, marks, line.height)
    return [(box.x0 + box.x1) / 2 for box, _ in boxes] if len(boxes) >= 2 else []


def row_boxes(
    line: Sequence[Word],
    marks: PageMarks,
    size: float,
    left: float | None = None,
    right: float | None = None,
) -> list[tuple[BBox, float]]:
    """The check boxes drawn on a row of words, left to right, with the ink inside each.

    They are looked for from three text heights before the row's first word (or from
    ``left``, where a list's answer columns begin) to its last word (or to ``right``, where
    they end), and a box inside a word is that word's letter, not a box. Boxes drawn much
    smaller than the line OCR gives the words are looked for when none as big are found.
    """
    band = BBox.union(w.bbox for w in line)
    half = int(size / 2)
    x0 = band.x0 - int(3 * size) if left is None else min(band.x0 - int(3 * size), int(left))
    x1 = band.x1 if right is None else max(band.x1, int(right))
    band = BBox(max(0, x0), band.y0 - half, x1, band.y1 + half)
    found: list[tuple[BBox, float]] = []
    for scale in BOX_SCALES:
        found = [
            (box, fill)
            for box, fill in marks.boxes(band, scale * size)
            if not any(w.bbox.x0 + size / 3 < box.x0 and box.x1 < w.bbox.x1 for w in line)
        ]
        if found:
            break
    return found


def none_option(
    doc: Page, words: tuple[Word, ...], marks: PageMarks | None
) -> tuple[bool, BBox] | None:
    """Whether a list's first row, a row of boxed options, has its "none" option ticked.

    "[X] No known allergies  [ ] EpiPen prescribed" is the empty list (``True``); the same row
    with the first box empty is no answer of the list (``False``); with it, where the option's
    words end. ``None`` when the row holds no boxed option saying none.
    """
    if marks is None or not words:
        return None
    first = doc.line_of(words[0])
    line = [w for w in words if doc.line_of(w) == first]
    size = float(sorted(w.bbox.height for w in line)[len(line) // 4])
    # (a box after the row's last option is looked for too)
    boxes = row_boxes(line, marks, size, right=line[-1].bbox.x1 + 3 * size)
    for index, (box, fill) in enumerate(boxes):
        end = boxes[index + 1][0].x0 if index + 1 < len(boxes) else 10**9
        entry = [w for w in line if box.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < end]
        text = _NONE_MISREAD.sub("None", text_of([w for w in entry if not is_box_text(w.text)]))
        if _NONE_OPTION.search(text) or (text and canonical.parse_list(text) == []):
            phrase = _NONE_PHRASE.match(text.lower())
            option = [w for w in entry if not is_box_text(w.text)] or entry
            if index + 1 < len(boxes) or phrase is None:
                option = line  # a row of options: nothing is written after the option
            else:
                option = option[: max(1, len(phrase.group(0).split()))]
            return fill >= TICKED_INK, BBox.union(w.bbox for w in option)
    # a box printed after its option ("I have no allergies [X]", "None [ ]")
    for index, (box, fill) in enumerate(boxes):
        start = boxes[index - 1][0].x1 if index else -(10**9)
        entry = [w for w in line if start <= (w.bbox.x0 + w.bbox.x1) / 2 < box.x0]
        option = [w for w in entry if not is_box_text(w.text)]
        while option and option[-1].text in _MARK_READ:
            option.pop()  # the box's tick OCR read as a letter ("medicines X")
        text = text_of(option)
        if option and _NONE_PHRASE.fullmatch(text.lower().strip(" .:")):
            return fill >= TICKED_INK, BBox.union(w.bbox for w in [*option, *line[-1:]])
    return None


# "None" as OCR misreads it: its n as "ri" ("Norie").
_NONE_MISREAD = re.compile(r"\bNorie\b", re.IGNORECASE)
# An option saying the list is empty: "No known allergies", "Camper has no known allergies".
_NONE_OPTION = re.compile(
    r"\b(?:no known|nka|nkda|none|no allergies|no (?:regular |current )?medic(?:ation|ine)s?"
    r"|no conditions|denies (?:any )?allergies)\b",
    re.IGNORECASE,
)
# The whole printed option, where a list written on its row after it begins.
_NONE_PHRASE = re.compile(
    r"(?:[a-z]+ (?:has|have) )?(?:no known (?:drug )?allergies(?: \(nka\))?|no allergies"
    r"|(?:i take |takes )?no (?:regular |current )?medic(?:ation|ine)s|no (?:medical )?conditions"
    r"|denies (?:any )?allergies"
    r"|nkda|nka|none of (?:these|the above)|none(?: known)?)"
)


# A tick or cross OCR read beside its box as a letter (a glyph is box text already).
_MARK_READ = frozenset({"X", "x", "V"})


def _over_box(word: Word, box: BBox, size: float) -> bool:
    """Whether a short word stands on a drawn box: OCR's reading of the box or its mark."""
    centre = (word.bbox.x0 + word.bbox.x1) / 2
    return len(word.text) <= 2 and box.x0 - size / 3 <= centre <= box.x1 + size / 3


def _level_with_entry(box: BBox, line: Sequence[Word], size: float) -> bool:
    """Whether the first word right of a box stands on the box's own level."""
    after = [w for w in line if w.bbox.x0 >= box.x1 - size / 2]
    if not after:
        return True
    word = min(after, key=lambda w: w.bbox.x0)
    return abs((word.bbox.y0 + word.bbox.y1) / 2 - (box.y0 + box.y1) / 2) <= 0.6 * size


def _answer_heads(doc: Page, words: tuple[Word, ...]) -> list[tuple[float, bool]]:
    """The ``Yes`` and ``No`` printed over a check list's columns of boxes: (centre, yes).

    Read from the list's own first lines and the line just over it.
    """
    first = min(doc.line_of(w) for w in words)
    lines = {doc.line_of(w) for w in words} | {first - 1}
    heads: list[tuple[float, bool]] = []
    for index in sorted(i for i in lines if 0 <= i < len(doc.lines)):
        line = doc.lines[index]
        if line.page != words[0].page:
            continue
        # (the heads may follow the list's own question on its line: "Do you have: Yes No")
        asked = [k for k, w in enumerate(line.words) if w.text.endswith((":", "?"))]
        tail = line.words[asked[-1] + 1 :] if asked else line.words
        answers = [(w, compact(w.text)) for w in tail]
        if _heads_row(tail):  # a row of heads, not a question's words
            heads.extend(
                ((w.bbox.x0 + w.bbox.x1) / 2, _HEAD_ANSWERS[key])
                for w, key in answers
                if key in _HEAD_ANSWERS
            )
    return heads


# The words heading a check list's answer columns, and whether each says yes.
_HEAD_ANSWERS = {compact(k): v for k, v in (("yes", True), ("y", True), ("sí", True))} | {
    compact(k): False for k in ("no", "n")
}


def _heads_row(words: Sequence[Word]) -> bool:
    """Whether words are a table's ``Yes`` / ``No`` column heads ("Yes  No  Details").

    A table in halves repeats its items' title before each half's heads ("Have you ever had
    Y  N  Have you ever had  Y  N"): there each title is followed by a run of heads.
    """
    said = [
        compact(w.text) in _HEAD_ANSWERS and not _runs_on(w, words[i + 1 : i + 2])
        for i, w in enumerate(words)
    ]
    if sum(said) >= 2 and 2 * sum(said) >= len(words):
        return True
    runs = [(answer, len(list(run))) for answer, run in groupby(said)]
    heads = [count for answer, count in runs if answer]
    return bool(runs) and runs[-1][0] and len(heads) >= 2 and min(heads) >= 2


def _runs_on(word: Word, after: Sequence[Word]) -> bool:
    """Whether a word runs on into a word in small letters at a space's width ("No allergies")."""
    return bool(after) and (
        after[0].text[:1].islower() and after[0].bbox.x0 - word.bbox.x1 < word.bbox.height
    )


def _answered_row(doc: Page, line: Line, heads: Sequence[float], size: float | None = None) -> int:
    """How many of a questionnaire's ``Yes`` / ``No`` heads have a box under them on a row."""
    marks = doc.marks.get(line.page)
    if marks is None or not heads or not line.words:
        return 0
    size = line.height if size is None else size
    # looked for under each head, where the row runs there (it climbs or falls on a photo)
    slope = row_slope(line)
    last = line.words[-1].bbox
    bands = []
    for x in heads:
        y = last.center_y + slope * (x - (last.x0 + last.x1) / 2)
        bands.append(
            (x, BBox(int(x - 1.5 * size), int(y - size), int(x + 1.5 * size), int(y + size)))
        )
    # (boxes drawn smaller than the line OCR gives a blurred row's words are looked for too;
    # a word's letter is no box, a box OCR read as a glyph is)
    lettered = [w for w in line.words if sum(c.isalnum() for c in w.text) >= 2]
    best = 0
    for scale in BOX_SCALES:
        found = sum(
            any(
                abs((box.x0 + box.x1) / 2 - x) <= size
                and not any(_inside(box, w.bbox) for w in lettered)
                for box, _ in marks.boxes(band, scale * size)
            )
            for x, band in bands
        )
        best = max(best, found)
        if best == len(bands):
            break  # a box under every head: no smaller size can find more
    return best


def _inside(box: BBox, word: BBox) -> bool:
    """Whether a box's centre lies within a word's box."""
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return word.x0 <= cx <= word.x1 and word.y0 <= cy <= word.y1


def heads_over_boxes(doc: Page, words: Sequence[Word]) -> bool:
    """Whether words are ``Yes`` / ``No`` heads over a column of boxes ("Yes  No  Details").

    A question's own options ("Any allergies?  Yes  No") have no boxes under them on the
    next line; a questionnaire's heads have each row's answer boxes under them.
    """
    if not words or not _heads_row(words):
        return False
    index = doc.line_of(words[0]) + 1
    if index >= len(doc.lines) or doc.lines[index].page != words[0].page:
        return False
    size = float(median(w.bbox.height for w in words))
    heads = [(w.bbox.x0 + w.bbox.x1) / 2 for w in words if compact(w.text) in _HEAD_ANSWERS]
    return _answered_row(doc, doc.lines[index], heads, size) >= 2


def _yes_fill(
    group: list[tuple[BBox, float]], heads: list[tuple[float, bool]], size: float
) -> float:
    """How much a row's answer boxes say yes: the ink of its ``Yes`` box, when it is the one marked.

    One box is the entry's own. Two or more stand under the list's ``Yes`` / ``No`` heads
    (the first is yes when no head is found); a mark in a ``No`` box is no tick.
    """
    if len(group) == 1 and not heads:
        return group[0][1]
    said = []
    for box, fill in group:
        centre = (box.x0 + box.x1) / 2
        near = sorted((abs(x - centre), yes) for x, yes in heads if abs(x - centre) <= 1.5 * size)
        said.append((near[0][1] if near else None, fill))
    if all(yes is None for yes, _ in said):
        said = [(k == 0, fill) for k, (_, fill) in enumerate(said)]
    yes = max((fill for answer, fill in said if answer), default=0.0)
    no = max((fill for answer, fill in said if answer is False), default=0.0)
    return yes if yes > no else 0.0


def ticked_medicines(doc: Page, words: tuple[Word, ...]) -> tuple[str, tuple[Word, ...]] | None:
    """The medicines of a printed drug list: those ticked, then those written on its "Other" rules.

    ``None`` when the words are no tick list; the text has one medicine a line.
    """
    left = min(w.bbox.x0 for w in words)
    lines = sorted({doc.line_of(w) for w in words})
    words = tuple(w for i in lines for w in doc.lines[i].words if w.bbox.x1 > left)  # whole rows
    ticked = tick_list(doc, doc.words_for(words, True), doc.marks.get(words[0].page), printed=True)
    if ticked is None:
        return None
    others = doc.words_for(other_entries(doc, words), True)
    written = lines_text(doc, others).split("\n") if others else []
    text = "\n".join(medicine_text(doc, t) for t in [*ticked, *written] if t.strip())
    return text, (*words, *others)


def _down_columns(entries: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """A tick list's entries as it is read: down its first column of boxes, then the next.

    Boxes stand in columns when each row holds as many as the first and the rows' boxes
    line up; otherwise (one row, or rows of their own widths) the order is as written. Two
    columns are two lists side by side; three or more make a grid, read as text is, along
    each row.
    """
    xs = [x for _, _, x in entries]
    if not xs:
        return entries
    width = max(xs) - min(xs)
    per_row = 1
    while per_row < len(xs) and xs[per_row] > xs[per_row - 1]:
        per_row += 1
    if not 2 <= per_row < GRID_COLUMNS or len(xs) % per_row or len(xs) == per_row:
        return entries
    rows = [xs[i : i + per_row] for i in range(0, len(xs), per_row)]
    slack = COLUMN_SLACK * width
    if any(abs(x - top) > slack for r in rows for x, top in zip(r, rows[0], strict=True)):
        return entries
    return [entries[i + c] for c in range(per_row) for i in range(0, len(xs), per_row)]


# A tick list this many columns wide is a grid, read along its rows.
GRID_COLUMNS = 3
# Boxes of one column line up within this share of the list's width.
COLUMN_SLACK = 0.05


def _rows(doc: Page, words: Iterable[Word]) -> list[list[Word]]:
    """A value's words by the line each stands on, lines in the order they first come."""
    by_line: dict[int, list[Word]] = {}
    for word in words:
        by_line.setdefault(doc.line_of(word), []).append(word)
    return list(by_line.values())


def down_the_columns(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Numbered rows set in two columns, read down the left column first.

    "1. Escitalopram   4. ____" over "2. Venlafaxine   5. ____": a number far right in a row,
    past a wide gap, starts the right column's entry, and the numbers say the left column
    comes first (each right-hand number above every left-hand one).
    """
    left: list[Word] = []
    right: list[Word] = []
    lefts: list[int] = []
    rights: list[int] = []
    for row in _rows(doc, words):
        height = median(w.bbox.height for w in row)
        cut = next(
            (
                i
                for i in range(1, len(row))
                if row_number(row[i].text) is not None
                and row[i].bbox.x0 - row[i - 1].bbox.x1 > COLUMN_GAP * height
            ),
            None,
        )
        if cut is None:
            left.extend(row)
            continue
        number = row_number(row[0].text)
        if number is not None:
            lefts.append(number)
        rights.append(row_number(row[cut].text) or 0)
        left.extend(row[:cut])
        right.extend(row[cut:])
    if len(rights) < 2 or not lefts or min(rights) <= max(lefts):
        return words
    return (*left, *right)


def row_number(text: str) -> int | None:
    """The number a numbered row's item is printed with ("4." is 4), if the word is one."""
    found = re.fullmatch(r"\(?(\d{1,2})[.):]", text)
    return int(found.group(1)) if found else None


def other_entries(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """What is written for "Other" just after a tick list (on its rule, or right of the label).

    A form may print several "Other" rules one under another; each one's writing is an
    entry, so the rules are read down to the last one that follows on.
    """
    last = max(doc.line_of(w) for w in words)
    heads = _answer_heads(doc, words)
    stops = [a.match for a in doc.anchors]
    found: list[Word] = []
    for anchor in sorted(doc.anchors, key=lambda a: a.match.line):
        if not is_other_label(anchor) or not 0 <= anchor.match.line - last <= OTHER_LINES:
            continue
        if heads and _answered_row(doc, doc.lines[anchor.match.line], [x for x, _ in heads]):
            continue  # a questionnaire's "Any other illness" row, answered in its columns
        last = anchor.match.line
        right = value_right(doc.lines, anchor.match, stops)
        if right:
            found.extend(right)
        elif any(wraps_onto(anchor, a) for a in doc.anchors_on(anchor.match.line + 1)):
            continue  # "OTHER" over "CONDITIONS: ...": the label's last line holds the entries
        elif captions_under(doc):
            return tuple(w for w in value_above_label(doc, anchor, stops) if w not in words)
        elif not found:
            below = value_below(doc.lines, anchor.match, stops)
            return () if below and _section_title(doc, below) else below
    return tuple(found)


def is_other_label(anchor: Anchor) -> bool:
    """Whether a label is an "Other" blank's: the ``other`` label, or a list's worded so.

    ``Other medical problems`` and ``Any other illness`` name the field's last entries.
    """
    if "label:other" in anchor.keys:
        return True
    first = [compact(w.text) for w in anchor.words[:2]]
    return first[:1] == ["other"] or first == ["any", "other"]


def _section_title(doc: Page, words: tuple[Word, ...]) -> bool:
    """Whether words stand on the next section's title, numbered or ruled.

    "4. VACCINES AND IMMUNITY", or a title with a rule run on from it across the page.
    """
    index = doc.line_of(words[0])
    line = doc.lines[index].words
    if doc.ruled_heading(index):
        return True  # a title with its rule run on across the page
    if any(start == index for start, _ in doc.sections):
        return True  # a part's heading ("Section 4  Vaccine History")
    numbered = len(line) > 1 and ENUMERATION.fullmatch(line[0].text) is not None
    return numbered and in_capitals(line[1:])


# The "Other" line of a tick list follows it within this many lines.
OTHER_LINES = 3
# A printed list with this many check boxes or more is a tick list.
TICK_LIST_BOXES = 3


def is_box_text(text: str) -> bool:
    """What OCR reads of a drawn box (``□``, ``[]``, ``]``): not part of the entry."""
    return not any(c.isalnum() for c in text) or text in ("LJ", "LI", "U", "O")


# A line of a form's own instructions: four words or more, most in small letters, with a word
# of running text among them ("List every medicine you take regularly, one per line.").
INSTRUCTION_WORDS = 4
# An order to write and where to, or what ("List them:"): a short instruction, whatever its
# length.
_WRITING_ORDERS = frozenset({"write", "list", "print", "enter", "use", "continue", "add"})
_PLACES = frozenset({"below", "above", "here", "overleaf"})
_WRITTEN_OBJECTS = frozenset({"them", "it", "all", "each", "these"})
# fmt: off
_RUNNING_TEXT = frozenset({
    "and", "or", "the", "you", "your", "we", "of", "to", "per", "if", "any", "every", "each",
    "please", "include", "list", "write", "all", "that",
})
# fmt: on


def orders_writing(words: Sequence[Word]) -> bool:
    """Whether a line is a short order to write, where or what ("List them:").

    ``write "none" below`` says where; ``List them:`` what, after a question.
    """
    texts = [w.text.strip(".,;:()") for w in words]
    texts = [t.lower() for t in texts if t.isalpha()]
    if len(texts) < 2 or texts[0] not in _WRITING_ORDERS:
        return False
    return texts[-1] in _PLACES or all(t in _WRITTEN_OBJECTS for t in texts[1:])


def is_instruction(words: Sequence[Word]) -> bool:
    """Whether a line is the form's wording for the reader, not an entry a person wrote.

    An interviewer's instruction is printed in capitals as an order ("RECORD ALL.").
    """
    if any(c.isdigit() for w in words for c in w.text):
        return False  # "Lasix 20mg - 1 tab in the morning" is an entry
    if is_order(words):
        return True
    if orders_writing(words):
        return True
    texts = [w.text.strip(".,;:()") for w in words]
    texts = [t for t in texts if t.isalpha()]
    if len(texts) < INSTRUCTION_WORDS:
        return False
    small = sum(t[:1].islower() for t in texts)
    return small >= 0.75 * len(texts) and any(t.lower() in _RUNNING_TEXT for t in texts)


def entry_words(doc: Page, words: tuple[Word, ...], kind: ValueType) -> tuple[Word, ...]:
    """A list's words without the form's instructions, up to the next question.

    A line asking a question ("Pregnant or breastfeeding?  Yes  No") is the next field's,
    and so is what follows it; a medicine list starts at its first line that names a drug
    or a strength (a table's column heading "strength and form" is no medicine).
    """
    kept: list[Word] = []
    for line in _rows(doc, words):
        if is_key_line(doc.lines[doc.line_of(line[0])].words):
            continue  # the codes' key over the rows ("Y = yes  N = no  ? = not sure")
        if any(w.text.endswith("?") for w in line):
            break
        if is_instruction(line):
            continue
        if kind.name == "medicines" and not kept and not kind.fit(text_of(line)):
            continue
        kept.extend(line)
    return tuple(kept)


def without_quantities(
    doc: Page, words: tuple[Word, ...], *, top: int | None = None
) -> tuple[Word, ...]:
    """Medicine lines without their quantity columns' numbers.

    A number far right of its line's drug, or under another column's heading ("Qty",
    "Days' supply", "Refills"), is that column's, and so is a count in brackets closing the
    line ("(20)"); choices printed alike on every row are the form's. Past a wide gap, what
    stands under another column's heading is that column's ("30 g   scalp" under "Qty" and
    "Apply to"). ``top`` is the first line of the block the words are a row of, when they
    are one row of it (the heading row stands over the block, not over its fourth row).
    """
    kept: list[Word] = []
    headings = _column_headings(doc, words, top)
    # the form's choices printed at every row's end ("OD OS OU") and their heading are no drug's
    words = tuple(w for w in words if not doc.printed_alike(w))
    for line in _rows(doc, words):
        height = min(w.bbox.height for w in line)
        drug = _drug_start(line)
        marked = [i for i in range(drug + 1, len(line)) if COUNT_MARK.match(line[i].text)]
        if marked:
            del line[marked[0] :]  # "Cetirizine 10 mg tab   #: 28": the count's printed mark
        for index in range(drug + 1, len(line)):
            gap = line[index].bbox.x0 - line[index - 1].bbox.x1
            centre = (line[index].bbox.x0 + line[index].bbox.x1) / 2
            if gap > HEADED_GAP * height and any(
                line[drug].bbox.x1 < x0 and line[index - 1].bbox.x1 < x0 and centre >= x0
                for x0, _ in headings  # (a heading right of the drug's column: "Date" is not)
            ):
                del line[index:]  # the quantity's and the area's columns ("30 g  scalp")
                break
        while (size := _quantity_size(line)) and len(line) > size:
            gap = line[-size].bbox.x0 - line[-size - 1].bbox.x1
            last = line[-size].bbox
            headed = any(x0 < (last.x0 + last.x1) / 2 < x1 for x0, x1 in headings)
            bracketed = BRACKETED_COUNT.fullmatch(line[-1].text) is not None
            close = gap <= QUANTITY_GAP * min(w.bbox.height for w in line)
            if close and not headed and not bracketed:
                break
            del line[-size:]
        if not (len(line) == 1 and QUANTITY.match(line[0].text) and kept):
            kept.extend(line)  # a line that is nothing but a quantity is no medicine
    return tuple(kept)


# The mark a form prints before each row's count ("#:", read "#;" or glued to it: "#:#60").
COUNT_MARK = re.compile(r"^#[:;]")
# How many lines over a medicine its table's heading row may be.
HEADING_REACH = 3


def _column_headings(
    doc: Page, words: tuple[Word, ...], top: int | None = None
) -> list[tuple[int, int]]:
    """The sides of the labels printed just over a medicine block that are no medicine's.

    A table's heading row names its columns ("Qty | Days' supply | RF"); a number under one
    is that column's, never part of the drug's line.
    """
    if not words:
        return []
    row = min(doc.line_of(w) for w in words)
    top = row if top is None else min(top, row)
    page = words[0].page
    sides: list[tuple[int, int]] = []
    for anchor in doc.anchors:
        line = anchor.match.line
        if anchor.words[0].page != page or not top - HEADING_REACH <= line < row:
            continue
        if "field:medicines" in anchor.keys:
            # the medicine column's heading row names the other columns beside it ("AM
            # Midday PM Night" over a schedule's counts), known labels or not
            sides.extend(_beside_heading(doc, anchor))
            continue
        box = BBox.union(w.bbox for w in anchor.words)
        sides.append((box.x0 - box.height, box.x1 + box.height))
    return sides


def _beside_heading(doc: Page, anchor: Anchor) -> list[tuple[int, int]]:
    """The sides of the words right of a medicine column's heading on its row.

    None when they give a strength (a drug written right of its label is no heading).
    """
    beside = doc.lines[anchor.match.line].words[anchor.match.end :]
    if not beside or STRENGTH.search(text_of(beside)):
        return []
    return [(int(w.bbox.x0 - w.bbox.height), int(w.bbox.x1 + w.bbox.height)) for w in beside]


# A quantity as a column prints it: "30", "#30", "(30)", or with what is counted ("30 tabs").
QUANTITY = re.compile(r"^#?\d+$|^PRN$|^\(\d+\)$")
# A count in brackets closing a drug's line ("Sitagliptin 100 mg (20)") is its quantity.
BRACKETED_COUNT = re.compile(r"\(\d+\)")
COUNTED = frozenset(
    {"tabs", "caps", "tablets", "capsules", "units", "bottles", "inhalers"}
    | {"tab", "cap", "tablet", "capsule", "unit", "bottle", "inhaler", "inh"}
)


def _drug_start(line: Sequence[Word]) -> int:
    """Where a medicine row's drug begins: after the ℞ mark and the row's number."""
    index = 0
    while index < len(line) - 1 and (
        compact(line[index].text) in RX_NOISE
        or line[index].text == "℞"
        or RX_NUMBERED.match(line[index].text)
        or ENUMERATION.fullmatch(line[index].text)
    ):
        index += 1
    return index


def _quantity_size(line: Sequence[Word]) -> int:
    """How many words at a line's end make a quantity: ``30``, or ``30 tabs``; 0 for none."""
    if line and QUANTITY.match(line[-1].text):
        return 1
    if len(line) > 1 and line[-1].text.lower() in COUNTED and QUANTITY.match(line[-2].text):
        return 2
    return 0


# A number this many of its heights right of a medicine line stands in a quantity column.
QUANTITY_GAP = 4.0
# Under another column's heading a narrower gap will do: a hand writes its columns closer.
HEADED_GAP = 1.5


def medicine_text(doc: Page, text: str) -> str:
    """A medicine line with the ℞ mark, a bullet and stray marks taken off."""
    tokens = text.split()
    while tokens and (
        compact(tokens[0]) in RX_NOISE or tokens[0] == "℞" or RX_NUMBERED.match(tokens[0])
    ):
        tokens = tokens[1:]
    if tokens:
        glued = RX_GLUED.match(tokens[0])
        if glued is not None:
            tokens[0] = tokens[0][glued.end() :]
    if len(tokens) > 1 and LEADING_BULLET.match(tokens[0]) and tokens[1][:1].isalpha():
        tokens = tokens[1:]
    line = " ".join(tokens)
    return line if sum(c.isalpha() for c in line) >= 3 else ""
