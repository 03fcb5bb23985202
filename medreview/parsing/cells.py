"""Where drawn lines put a label's value: its ruled cell, the column under it, the rule over it.

A form's lines say more than the words' places: a value stays inside its label's cell or
fills the cell beside it, a table's rows stand under their column's heading, a text area
opens under its tab, and a caption printed under a rule has its value on the rule (which side
a form writes on is decided once per document, :func:`captions_under`). A question in a table
may be answered by a mark in one of its answer columns or rows rather than by words
(:func:`column_choice`, :func:`row_choice`). All of it reads the page image's marks
(:mod:`medreview.parsing.marks`); without an image no cell is found.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

import numpy as np

from medreview.documents import YES_NO, FieldSpec
from medreview.model import BBox, Word
from medreview.parsing.choices import (
    Option,
    option_spans,
    read_choice,
    split_slashes,
    split_yes_no,
)
from medreview.parsing.layout import (
    COLUMN_GAP,
    ENUMERATION,
    LabelMatch,
    Line,
    after_wording,
    column_end,
    is_order,
    segments,
    value_above,
    value_below,
    value_right,
)
from medreview.parsing.marks import BOX_SCALES, Cell, PageMarks, Rule, decide
from medreview.parsing.page import (
    BASE_SCORE,
    Anchor,
    Candidate,
    Page,
    Relation,
    by_signature_only,
    is_filler,
    text_of,
    word_key,
)
from medreview.parsing.values import VALUE_TYPES, ValueType
from medreview.parsing.vocabulary import FieldWords
from medreview.parsing.wrapped import QUESTION_NUMBER


def label_cell(doc: Page, anchor: Anchor, *, along_tilt: bool = False) -> Cell | None:
    """The ruled cell that holds a label, if lines drawn on the page close one round it."""
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return None
    return marks.cell_of(BBox.union(w.bbox for w in anchor.words), along_tilt=along_tilt)


def own_row(doc: Page, anchor: Anchor, cell: Cell | None) -> Cell | None:
    """A label's share of a cell stacking several labels down one side with no line between.

    A shaded column of labels beside their value cells is one closed shape: each label's row
    of it, between the labels over and under it, meets its value's cell.
    """
    if cell is None:
        return None
    first = anchor.words[0]
    stacked = [
        a.words[0].bbox
        for a in doc.anchors
        if a.match.line != anchor.match.line
        and a.words[0].page == first.page
        and cell.holds(a.words[0].bbox)
        and abs(a.words[0].bbox.x0 - first.bbox.x0) <= first.bbox.height
    ]
    if not stacked:
        return cell
    over = [b.y1 for b in stacked if b.y1 <= first.bbox.y0]
    under = [b.y0 for b in stacked if b.y0 >= first.bbox.y1]
    return replace(cell, y0=max([cell.y0, *over]), y1=min([cell.y1, *under]))


def within_cell(cell: Cell | None, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words a label's cell holds (all of them when the label is in no cell)."""
    if cell is None:
        return words
    return tuple(w for w in words if cell.holds_written(w.bbox))


def next_cell(
    doc: Page, cell: Cell | None, words: tuple[Word, ...], *, whole_row: bool = False
) -> tuple[Word, ...]:
    """The words right of a label that fill the next cell of its table row.

    A two-column table prints the label in one cell and the value in the cell
    beside it; that cell must hold no label of its own (a grid's neighbour
    cell with its corner label is another field's). The value ends at the
    cell's far side (the staff's initials and the date checked follow in
    columns of their own) unless ``whole_row``: a question's answer may be
    marked in a later column of its row.
    """
    if cell is None or not words:
        return ()
    marks = doc.marks.get(words[0].page)
    beside = marks.cell_of(words[0].bbox) if marks is not None else None
    height = words[0].bbox.height
    if beside is None:
        # no cell closes round the value (its lines too faint, or handwriting over them):
        # the words just past the label's cell, up to the next label, are still its row's
        return words if 0 <= words[0].bbox.x0 - cell.x1 <= 3 * height else ()
    if abs(beside.x0 - cell.x1) > max(8, height // 2):
        return ()
    overlap = min(beside.y1, cell.y1) - max(beside.y0, cell.y0)
    if overlap < 0.6 * min(beside.y1 - beside.y0, cell.y1 - cell.y0):
        return ()
    page = words[0].page
    if any(beside.holds(w.bbox) for a in doc.anchors for w in a.words if w.page == page):
        return ()
    # the words are one segment of one line, up to the next label: on a tilted page they
    # leave the cell's upright rectangle, and a line drawn across the value from the row
    # above (crossing it askew) does not end it
    taken: list[Word] = []
    for word in words:
        middle = (word.bbox.x0 + word.bbox.x1) / 2
        if middle < beside.x0:
            continue
        if not whole_row and middle > beside.x1 and _in_later_cell(marks, word, beside):
            break  # the row's next column: the staff's initials, the date checked
        taken.append(word)
    return tuple(taken)


# Pixels a neighbouring cell's side may stand left of a cell's own (lines drawn a little apart).
RULE_SLACK = 8


def _in_later_cell(marks: PageMarks | None, word: Word, cell: Cell) -> bool:
    """Whether a word stands in a ruled cell of its own right of ``cell``."""
    other = marks.cell_of(word.bbox) if marks is not None else None
    return other is not None and other.x0 >= cell.x1 - RULE_SLACK


# A word starting this many pixels or more inside a cell's right side is the cell's ...
SIDE_SLACK = 4
# ... and the words after it a word's space apart (this share of the line's height) too.
WORD_SPACE = 0.6


def _run_on_past_side(line: Line, held: list[Word], cell: Cell) -> list[Word]:
    """A cell's words and those its last word runs on into, when it crosses the cell's side.

    A value typed too long for its cell runs over its right line ("..., United | States"):
    the words a space apart after the one across the line are still the value's.
    """
    if not held or held[-1].bbox.x1 <= cell.x1:
        return held
    words = list(line.words)
    index = words.index(held[-1])
    while index + 1 < len(words) and (
        words[index + 1].bbox.x0 - words[index].bbox.x1 < WORD_SPACE * line.height
    ):
        index += 1
        held.append(words[index])
    return held


def _cell_words(doc: Page, anchor: Anchor, cell: Cell) -> tuple[Word, ...]:
    """The words written in a label's cell, over and under it: its wording and labels left out."""
    first = anchor.words[0]
    inside: list[Word] = []
    for line in doc.lines:
        if line.page != first.page:
            continue
        held = [w for w in line.words if cell.holds_written(w.bbox)]
        if held:  # a written line is the cell's whole when part of it is
            # (a word written across the cell's right side, "..., United | States", is in it)
            held = [
                w
                for w in line.words
                if cell.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 and w.bbox.x0 < cell.x1 - SIDE_SLACK
            ]
            held = _run_on_past_side(line, held, cell)
        inside += [w for w in held if w not in anchor.words and not is_filler(w.text)]
    other_labels = {
        w for a in doc.anchors for w in a.words if a is not anchor and a.words[0].text[:1].isupper()
    }
    # the label's wording may run on in its cell ("NAME OF TRAVELER", "7. PRESCRIBED BY
    # (Signature, name, title)"), and its number stands before it: no value
    on_line = [w for w in inside if doc.line_of(w) == anchor.match.line]
    start = first.bbox.x0
    before = [w for w in on_line if w.bbox.x1 <= start]
    after = [w for w in on_line if w.bbox.x1 > start]
    wording = {w for w in before if ENUMERATION.match(w.text)}
    if anchor.words[-1].text.endswith("?"):
        wording |= set(_question_lead(before, first))  # "What is this person's address?"
    wording |= set(after) - set(after_wording(after))
    kept = [w for w in inside if w not in other_labels and w not in wording]
    # another field's label further right in the cell, on the label's line or the one over
    # it, heads its own column of it: what stands under it is its value ("Name
    # Relationship" over "Noah E. Rogers  Friend")
    label_end = anchor.words[-1].bbox.x1
    heads = [
        a.words[0].bbox.x0
        for a in doc.anchors
        if a.match.line in (anchor.match.line - 1, anchor.match.line)
        and not set(a.keys) & set(anchor.keys)
        and cell.holds_written(a.words[0].bbox)
        and a.words[0].bbox.x0 > label_end + COLUMN_GAP * a.words[0].bbox.height
    ]
    if heads:
        kept = [w for w in kept if (w.bbox.x0 + w.bbox.x1) / 2 < min(heads)]
    # the interviewer's instruction under the question ("RECORD FULL ADDRESS.") is wording
    orders = {i for i in {doc.line_of(w) for w in kept} if is_order(doc.lines[i].words)}
    kept = [w for w in kept if doc.line_of(w) not in orders]
    # a line of the cell led by another field's label is that field's, and so is what
    # follows it (the directions after "SIG" in the box of the drugs)
    led = [
        a.match.line
        for a in doc.anchors
        if a is not anchor
        and a.match.line > anchor.match.line
        and any(k.startswith("field:") for k in a.keys)
        and a.words[0] in inside
        and not any(w in inside for w in doc.lines[a.match.line].words[: a.match.start])
    ]
    if led:
        kept = [w for w in kept if doc.line_of(w) < min(led)]
    return tuple(kept)


def words_in_cell(doc: Page, anchor: Anchor, cell: Cell | None) -> tuple[Word, ...] | None:
    """The words inside the ruled cell that holds a label (label left out)."""
    if cell is None:
        return None
    kept = _cell_words(doc, anchor, cell)
    after = tuple(w for w in kept if doc.line_of(w) >= anchor.match.line)
    if after and anchor.words[-1].text.endswith(":"):
        return after  # a label with its colon leads what is written after it, on any form
    if captions_under(doc) or _caption_of_cell(doc, anchor, cell, kept):
        return kept  # the value is written over its caption
    # the lines over the label in its cell are another row's (a box round the allergies'
    # row and the drug table's heading, "Drug and strength", under it)
    return after


def caption_at_foot(anchor: Anchor, cell: Cell) -> bool:
    """Whether a label, without a colon, stands at the foot of a box with room over it.

    The box holds a line or two over the caption (a frame round half the page is no box).
    """
    label = BBox.union(w.bbox for w in anchor.words)
    return (
        not anchor.words[-1].text.endswith(":")
        and cell.y1 - label.y1 <= label.height
        and label.height / 2 <= label.y0 - cell.y0 <= CAPTION_BOX * label.height
    )


# A box a caption stands at the foot of is at most this many of its text heights over it.
CAPTION_BOX = 4.0


def _caption_of_cell(doc: Page, anchor: Anchor, cell: Cell, kept: Sequence[Word]) -> bool:
    """Whether a label is its cell's caption: printed at the cell's foot, its value over it.

    The label, without a colon, stands at the cell's foot; nothing is written on or under its
    line in the cell, what is over it is no check box's option, and no line over it holds a
    label of its own (a box round the allergies' row and a table's heading under it is two
    rows, not a value and its caption).
    """
    if not kept or any(doc.line_of(w) >= anchor.match.line for w in kept):
        return False
    if not caption_at_foot(anchor, cell):
        return False  # a label for what follows it, or one standing higher in its box
    marks = doc.marks.get(anchor.words[0].page)
    first = kept[0].bbox
    if not any(c.isalnum() for c in kept[0].text) or (
        marks is not None
        and marks.boxes(
            BBox(first.x0 - 2 * first.height, first.y0, first.x0, first.y1), first.height
        )
    ):
        return False  # a check box's printed option ("[ ] No medications") is no value
    over = {doc.line_of(w) for w in kept}
    return not any(
        a is not anchor and a.match.line in over and cell.holds_written(a.words[0].bbox)
        for a in doc.anchors
    )


def _question_lead(before: Sequence[Word], label: Word) -> list[Word]:
    """The words a question asks before the label that ends it, at a word's space from it.

    "What is this person's address?": the question's lead-in is its wording, no value.
    """
    lead: list[Word] = []
    edge = label
    for word in sorted(before, key=lambda w: -w.bbox.x1):
        if edge.bbox.x0 - word.bbox.x1 > COLUMN_GAP * max(1, edge.bbox.height):
            break
        lead.append(word)
        edge = word
    return lead


# A table's filled cells further apart than this many of their own heights are two tables.
COLUMN_GAP_ROWS = 3.0


def column_below(doc: Page, anchor: Anchor, head: Cell, *, many: bool) -> tuple[Word, ...]:
    """The words in the cells under a table's column heading: its rows, top down.

    A cell counts when it lies under the heading's words, within the heading
    cell's width (a heading row may run across the table undivided), and holds no
    label; the first such cell for a single value, every row down the table for a list.
    """
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return ()
    page = anchor.words[0].page
    slack = max(8.0, 0.5 * anchor.words[0].bbox.height)
    label = BBox.union(w.bbox for w in anchor.words)
    middle = (label.x0 + label.x1) / 2
    labelled = {word_key(w) for a in doc.anchors for w in a.words}
    label_boxes = [
        w.bbox for a in doc.anchors if a is not anchor for w in a.words if w.page == page
    ]
    rows: list[tuple[Cell, list[Word]]] = []
    bands: set[int] = set()
    beside = _headings_beside(doc, anchor, head)
    for line in doc.lines:
        if line.page != page or line.bbox.y1 < head.y1:
            continue
        runs = _runs(line) if beside else {}
        for word in line.words:
            centre = (word.bbox.x0 + word.bbox.x1) / 2
            if word.bbox.y0 + word.bbox.y1 < 2 * head.y1 or not head.x0 <= centre <= head.x1:
                continue  # (a word written high in its cell may touch the heading's rule)
            if beside and _nearer_another(runs[id(word)], label, beside):
                continue  # under another heading of a row the form draws undivided
            cell = marks.cell_of(word.bbox)
            if cell is None or not cell.x0 <= middle <= cell.x1:
                continue
            if cell.x0 < head.x0 - slack and cell.x1 > head.x1 + slack:
                bands.add(cell.y0)  # a band across the table: a section's title
            if cell.x0 < head.x0 - slack or cell.x1 > head.x1 + slack:
                continue
            # on a tilted page each word finds its cell's lines at its own place: one cell
            same = next((r for r in rows if _same_cell(r[0], cell, slack)), None)
            if same is None:
                rows.append((cell, [word]))
            else:
                same[1].append(word)
    found: list[Word] = []
    bottom = float(head.y1)
    first: Cell | None = None
    own = _question_digits(doc.lines[anchor.match.line].words[0].text)
    # labels on lines of their own under the table ("Refills:", "Instructions (Sig)")
    labels_below = [
        BBox.union(w.bbox for w in other.words).y0
        for other in doc.anchors
        if other.words[0].page == page and other.match.line > anchor.match.line
    ]
    for cell, words in sorted(rows, key=lambda r: r[0].y0):
        y0, y1 = cell.y0, cell.y1
        if y0 - bottom > max(slack, COLUMN_GAP_ROWS * (y1 - y0)):
            break
        if first is not None and any(bottom <= y < y0 for y in labels_below):
            break  # another field's label between: the table has ended
        opening = doc.lines[min(doc.line_of(w) for w in words)].words[0]
        if own and _question_digits(opening.text) >= own:
            break  # the next numbered question's row ("304. Which conditions?", "401. MEASURE")
        if any(bottom <= band < y0 for band in bands):
            break  # a band across the table between: the next section ("D. BODY MEASUREMENTS")
        if first is not None and (
            abs(cell.x0 - first.x0) > slack or abs(cell.x1 - first.x1) > slack
        ):
            break  # a cell of another table: a column keeps its sides all the way down
        if any(word_key(w) in labelled for w in words) or any(cell.holds(b) for b in label_boxes):
            break  # another field's cell (its corner label may sit on the cell's own lines)
        words = _with_words_between(doc, words)
        kept = [w for w in words if not is_filler(w.text)]
        if kept:
            found.extend(kept)
            first = first or cell
            if not many:
                break
        bottom = float(y1)
    return tuple(found)


def _headings_beside(doc: Page, anchor: Anchor, head: Cell) -> list[BBox]:
    """The other labels on a heading's line inside its cell.

    A row of column headings the form draws with no rules between ("Mobile  Ht.  Current
    weight  Job title").
    """
    line = anchor.match.line
    return [
        BBox.union(w.bbox for w in other.words)
        for other in doc.anchors
        if other is not anchor
        and other.match.line == line
        and not set(map(word_key, other.words)) & set(map(word_key, anchor.words))
        and all(head.holds(w.bbox) for w in other.words)
    ]


def _runs(line: Line) -> dict[int, BBox]:
    """Per word of a line (by id), the box of the run of words it stands in (its segment)."""
    return {
        id(word): box
        for part in segments(line)
        for box in (BBox.union(w.bbox for w in part),)
        for word in part
    }


def _nearer_another(box: BBox, label: BBox, others: Sequence[BBox]) -> bool:
    """Whether a run of words stands nearer another heading of its row than its own, across.

    A line running under both (a sentence across the table) is no other's.
    """

    def apart(heading: BBox) -> float:
        return max(0.0, heading.x0 - box.x1, box.x0 - heading.x1)

    own = apart(label)
    return any(apart(other) < own for other in others)


def _question_digits(text: str) -> int:
    """How many digits a question's printed number has ("304." 3), 0 for no such number."""
    found = QUESTION_NUMBER.fullmatch(text)
    if found is None or not text.endswith((".", ")", ":")):
        return 0
    return sum(c.isdigit() for c in text)


def under_heading(
    doc: Page, anchor: Anchor, head: Cell, stops: Sequence[LabelMatch], *, many: bool
) -> tuple[Word, ...]:
    """The value in the column under a table's heading cell (every row's, for a list).

    When the lines round the value's own cell are not found closed (handwriting over them,
    a photo's perspective), the words of the line just under the heading's bottom rule,
    within its sides, are still its column's.
    """
    column = column_below(doc, anchor, head, many=many)
    if column:
        return column
    words = value_below(doc.lines, anchor.match, stops)
    if not words or words[0].bbox.y0 - head.y1 > words[0].bbox.height:
        return ()
    return tuple(w for w in words if head.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= head.x1)


def box_under_tab(doc: Page, anchor: Anchor, tab: Cell) -> tuple[Word, ...]:
    """The words of the box a label's tab opens, top down: "Directions" over a text area.

    The tab is drawn in the box's top left corner (a form's text area, or an input group's
    shaded add-on): its bottom edge stops short of the box's far side, while the box's sides
    run on down to a rule across its whole width. Everything written in the box under the
    tab's bottom edge is the value. Empty when the label stands in no such tab (a table's
    heading cell is closed by a rule across the table).
    """
    page = anchor.words[0].page
    marks = doc.marks.get(page)
    if marks is None:
        return ()
    horizontal, vertical = marks.rules()
    size = anchor.words[0].bbox.height
    slack = max(8.0, 0.5 * size)
    label = BBox.union(w.bbox for w in anchor.words)

    def side(x: float, r: Rule) -> bool:  # a box's side from the tab's top far down past it
        return (
            abs(r.at(tab.y1) - x) <= slack
            and r.start <= tab.y0 + slack
            and r.end >= tab.y1 + TAB_DEPTH * size
        )

    rights = [r.at(tab.y1) for r in vertical if r.at(tab.y1) > label.x1 and side(r.at(tab.y1), r)]
    if not any(side(tab.x0, r) for r in vertical) or not rights:
        return ()
    left, right = float(tab.x0), min(rights)
    # the tab's own bottom edge stops well short of the box's far side, and no rule runs on
    # across the box there (a table's heading row is closed across the table)
    level = [r for r in horizontal if abs(r.at(left) - tab.y1) <= slack and r.start <= left + slack]
    short = any(r.end <= left + TAB_SHARE * (right - left) for r in level) and not any(
        r.end >= right - slack for r in level
    )
    across = [
        r.at((left + right) / 2)
        for r in horizontal
        if r.start <= left + slack and r.end >= right - slack and r.at(left) > tab.y1 + slack
    ]
    if not short or not across:
        return ()
    bottom = min(across)
    return tuple(
        w
        for line in doc.lines
        if line.page == page and tab.y1 < line.center_y < bottom
        for w in line.words
        if left < (w.bbox.x0 + w.bbox.x1) / 2 < right and not is_filler(w.text)
    )


# A tab's bottom edge runs at most this share of its box's width; the box's sides run on at
# least this many text heights under the tab.
TAB_SHARE = 0.5


def box_opened(doc: Page, anchor: Anchor, own: Cell | None) -> tuple[Word, ...]:
    """The words of the box a label's own small cell opens: at its right, or under it.

    A label turned up a narrow band at a box's left side (laid flat by the page model), or
    printed in a small tab standing on the box's top edge at its left (its lines too short to
    be found, the label itself stands for it): the label's cell holds the label alone, and
    the box it opens, as tall as the band or reaching past the tab, holds the value (over
    several lines for an address), and no other label. Empty when the label opens no such box.
    """
    page = anchor.words[0].page
    marks = doc.marks.get(page)
    size = anchor.words[0].bbox.height
    if marks is None:
        return ()
    label = BBox.union(w.bbox for w in anchor.words)
    own = own or Cell(label.x0, label.y0, label.x1, label.y1, 0.0, label.x0)
    box = None
    if own.x1 - own.x0 <= BAND_WIDTH * size:
        middle = (own.y0 + own.y1) // 2
        box = marks.cell_of(
            BBox(own.x1 + SIDE_SLACK, middle - 2, own.x1 + 3 * SIDE_SLACK, middle + 2)
        )
        if box is not None and not (
            abs(box.x0 - own.x1) <= max(8, size // 2)
            and min(box.y1, own.y1) - max(box.y0, own.y0)
            >= 0.8 * max(box.y1 - box.y0, own.y1 - own.y0)
        ):
            box = None
    if box is None and own.y1 - own.y0 <= TAB_HEIGHT * size:
        centre = (own.x0 + own.x1) // 2
        box = marks.cell_of(
            BBox(centre - 2, own.y1 + SIDE_SLACK, centre + 2, own.y1 + 3 * SIDE_SLACK)
        )
        if box is not None and not (
            abs(box.y0 - own.y1) <= max(8, size // 2)
            and abs(box.x0 - own.x0) <= max(8, size // 2)
            and box.x1 - own.x1 >= size
        ):
            box = None
    if box is None:
        return ()
    held = [
        w
        for line in doc.lines
        if line.page == page and box.y0 < line.center_y < box.y1
        for w in line.words
        if box.x0 < (w.bbox.x0 + w.bbox.x1) / 2 < box.x1
    ]
    labels = {word_key(w) for a in doc.anchors for w in a.words}
    if any(word_key(w) in labels for w in held if w not in anchor.words):
        return ()  # a box of several labelled values
    return tuple(w for w in held if w not in anchor.words and not is_filler(w.text))


# A label's band is at most this many of its text heights wide; its tab this many tall.
BAND_WIDTH = 2.5
TAB_HEIGHT = 2.0
TAB_DEPTH = 2.0


def _with_words_between(doc: Page, words: list[Word]) -> list[Word]:
    """A cell's words in reading order, with any word of their lines between them.

    A speck or a broken line may leave one word of a cell's value in no closed cell
    ("52 Oak Way": "Oak" crossed by a speck's line); it is its neighbours' still.
    """
    taken = {word_key(w) for w in words}
    lines = sorted({doc.line_of(w) for w in words})
    kept = list(words)
    for index in lines:
        own = [w for w in words if doc.line_of(w) == index]
        x0, x1 = min(w.bbox.x0 for w in own), max(w.bbox.x1 for w in own)
        kept += [
            w
            for w in doc.lines[index].words
            if word_key(w) not in taken and x0 < w.bbox.x0 and w.bbox.x1 < x1
        ]
    return sorted(kept, key=lambda w: (doc.line_of(w), w.bbox.x0))


def _same_cell(a: Cell, b: Cell, slack: float) -> bool:
    """Whether two cells found at different words are one (same sides, rows overlapping)."""
    if abs(a.x0 - b.x0) > slack or abs(a.x1 - b.x1) > slack:
        return False
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


# How far up a table (in lines) the heading row of its answer columns is looked for.
HEADING_LINES = 8


# An answer read from a mark in a table's answer column or row counts a little less than a
# column's value: the question is its evidence, and one heading answers many questions.
MARKED_COLUMN = 0.95


def column_choice(
    doc: Page, spec: FieldSpec, item: FieldWords, anchor: Anchor, cell: Cell, factor: float
) -> list[Candidate] | None:
    """A question's answer marked in a table's answer columns (a tick under ``Y`` or ``N``).

    The columns are named by the nearest row above the question printing the choices
    (or their initials) right of its cell, with a drawn line between each two; the answer
    is the column whose part of the question's row holds clearly more ink. ``None`` when
    the mark stands in a last column that is no choice ("Don't know"): the field is left
    out, whatever else the row says.
    """
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return []
    top_rule, bottom_rule = _row_rules(marks, cell)
    # the heads over the table's own width first: a second table beside it prints its own
    # ("Disease  Immune  Not immune | Vaccine  Yes  No" on one line)
    width = max((r.end for r in (top_rule, bottom_rule) if r is not None), default=math.inf)
    found = answer_heads(doc, spec, anchor, cell.x1 - 4, width) or answer_heads(
        doc, spec, anchor, cell.x1 - 4
    )
    if found is None:
        return []
    heads, words, centres, choices = found
    middle = (cell.y0 + cell.y1) / 2
    ruled = marks.rules()[1]

    def middle_at(x: float) -> float:
        """The row's middle at ``x`` (a tilted page's row climbs or falls across it)."""
        if top_rule is not None and bottom_rule is not None:
            return (top_rule.at(x) + bottom_rule.at(x)) / 2
        return middle

    if not all(
        any(a < r.at(middle) < b and r.start <= middle_at(r.at(middle)) <= r.end for r in ruled)
        for a, b in pairwise(centres[: len(heads)])
    ):
        # no line between the headings: one column of written answers ("Immune / Not immune")
        return _written_in_column(
            doc, spec, item, anchor, words[heads[0].start : heads[-1].end], factor
        )
    half = min(b - a for a, b in pairwise(centres)) / 2
    inset = 0.15 * (cell.y1 - cell.y0)
    # on a tilted photo the row climbs or falls across the page: along its drawn lines, or
    # as its words do
    slope = row_slope(doc.lines[anchor.match.line])
    origin = (cell.x0 + cell.x1) / 2
    fills = []
    for c in centres:
        shift = slope * (c - origin)
        top, bottom = cell.y0 + inset + shift, cell.y1 - inset + shift
        left, right = c - 0.7 * half, c + 0.7 * half
        if (
            top_rule is not None
            and bottom_rule is not None
            and top_rule.start <= c <= top_rule.end
            and bottom_rule.start <= c <= bottom_rule.end
        ):
            # the row's own cell under the heading, between its drawn lines
            sides = _column_sides(ruled, c, middle_at(c))
            if sides is not None:
                fills.append(_cell_ink(marks, sides, top_rule, bottom_rule, inset))
                continue
        fills.append(marks.ink(left, top, right, bottom))
    chosen = decide(fills)
    if chosen is None:
        return []
    answer = choices[chosen]
    if answer is None:
        return None
    score = BASE_SCORE[Relation.COLUMN] * factor * MARKED_COLUMN
    return [Candidate(item.name, answer, anchor.words, score, Relation.COLUMN)]


class AnswerHeads(NamedTuple):
    """The heads of a table's answer columns: the choices, their words, where each column is.

    ``choices`` holds ``None`` for a last column heading no choice ("Don't know").
    """

    options: list[Option]
    words: tuple[Word, ...]
    centres: list[float]
    choices: list[str | None]


def answer_heads(
    doc: Page, spec: FieldSpec, anchor: Anchor, left: float, right: float = math.inf
) -> AnswerHeads | None:
    """The nearest row above a question printing its choices between ``left`` and ``right``.

    ``Yes·No`` read as one word heads two columns. A head stands there when its middle does:
    OCR's box of a one-letter head (``Y``) runs past its column's side.
    """
    page = anchor.words[0].page
    heads: list[Option] = []
    words: tuple[Word, ...] = ()
    for index in range(anchor.match.line - 1, max(-1, anchor.match.line - HEADING_LINES), -1):
        line = doc.lines[index]
        if line.page != page:
            break
        words = split_yes_no(
            tuple(w for w in line.words if left <= (w.bbox.x0 + w.bbox.x1) / 2 <= right)
        )
        heads = option_spans(words, spec.choices)
        if len(heads) >= 2:
            break
    if len(heads) < 2:
        return None
    centres = [(words[o.start].bbox.x0 + words[o.end - 1].bbox.x1) / 2 for o in heads]
    choices: list[str | None] = [o.choice for o in heads]
    # a last column heading no choice ("Don't know", "Unknown"): a mark there answers nothing
    rest = [w for w in words[heads[-1].end :] if any(c.isalpha() for c in w.text)]
    if (
        0 < len(rest) <= MAX_OTHER_HEAD
        and all(o.end <= heads[-1].end for o in heads)
        and rest[0].bbox.x0 - centres[-1] < 2 * (centres[-1] - centres[-2])
    ):
        centres.append((rest[0].bbox.x0 + rest[-1].bbox.x1) / 2)
        choices.append(None)
    return AnswerHeads(heads, words, centres, choices)


def boxed_under_heads(
    doc: Page, spec: FieldSpec, item: FieldWords, anchor: Anchor, factor: float
) -> list[Candidate] | None:
    """A question's answer ticked in the boxes its row draws under the answers' heads.

    ``Varicella  [x]  [ ]  [ ]`` under ``Immune  Not immune  Don't know``, with no line
    between the columns: each head has one box of the row under it, and the clearly marked
    one answers. The heads and their boxes may stand before the questions too (``Yes No``
    over ``[ ] [x] Hepatitis B vaccine received?``). ``None`` when the mark is under a head
    that is no choice: the field is left out.
    """
    page = anchor.words[0].page
    marks = doc.marks.get(page)
    if marks is None:
        return []
    found = answer_heads(doc, spec, anchor, anchor.words[-1].bbox.x1)
    start = _question_start(doc, anchor)
    if found is None:
        found = answer_heads(doc, spec, anchor, -math.inf, start)
    if found is None:
        found = _unread_heads(doc, spec, anchor, marks, start)
    if found is None:
        return []
    # the label's own letters size the boxes (a box OCR read as a glyph heightens its line)
    size = float(sorted(w.bbox.height for w in anchor.words)[len(anchor.words) // 2])
    top = min(w.bbox.y0 for w in anchor.words)
    bottom = max(w.bbox.y1 for w in anchor.words)
    slack = size / 2
    origin = (anchor.words[0].bbox.x0 + anchor.words[-1].bbox.x1) / 2
    # on a tilted photo the row climbs or falls from the question to its boxes, along the
    # table's drawn lines
    slope = _rules_slope(marks, origin, (top + bottom) / 2, found.centres[-1], size)
    if found.centres[-1] < anchor.words[0].bbox.x0:
        # boxes before the question: its row's level where its words begin
        top, bottom = _row_level(doc, anchor.match.line, start)
        slack = size / 3
        slope = 0.0
    step = min(b - a for a, b in pairwise(found.centres))
    left, right = found.centres[0] - step / 2, found.centres[-1] + step / 2
    shifts = (slope * (left - origin), slope * (right - origin))
    band = BBox(
        int(left),
        int(top - size + min(0.0, *shifts)),
        int(right),
        int(bottom + size + max(0.0, *shifts)),
    )
    for scale in BOX_SCALES:
        boxes = [
            (box, fill)
            for box, fill in marks.boxes(band, scale * size)
            if top - slack
            <= (box.y0 + box.y1) / 2 - slope * ((box.x0 + box.x1) / 2 - origin)
            <= bottom + slack
        ]
        fills = _one_under_each(boxes, found.centres, step / 3)
        if fills is None:
            fills = _one_right_of_each(boxes, found.centres, step)
        if fills is not None:
            break
    else:
        return []  # not one box a column: no row of boxes under these heads
    chosen = decide(fills)
    if chosen is None:
        return []
    answer = found.choices[chosen]
    if answer is None:
        return None
    score = BASE_SCORE[Relation.COLUMN] * factor * MARKED_COLUMN
    return [Candidate(item.name, answer, anchor.words, score, Relation.COLUMN)]


def _unread_heads(
    doc: Page, spec: FieldSpec, anchor: Anchor, marks: PageMarks, start: float
) -> AnswerHeads | None:
    """The heads of two columns of boxes before a block of questions, OCR missing one or both.

    OCR often drops a lone letter: ``Y  N`` over the boxes may be read as ``N`` alone, or not
    at all. Two boxes stand before the question: a head read over one of them names it and
    the other is the other choice; with neither read, but print over both columns of the
    block's first row, they are ``Yes`` and ``No`` in the order every form prints them.
    ``start`` is where the question's words begin (:func:`_question_start`).
    """
    if len(spec.choices) != 2:
        return None
    size = float(sorted(w.bbox.height for w in anchor.words)[len(anchor.words) // 2])
    centres = _box_pair(doc, marks, anchor.match.line, start, size)
    if centres is None:
        return None
    reach = (centres[1] - centres[0]) / 3
    for index in range(anchor.match.line - 1, max(-1, anchor.match.line - HEADING_LINES), -1):
        line = doc.lines[index]
        if line.page != doc.lines[anchor.match.line].page:
            break
        words = split_yes_no(tuple(w for w in line.words if w.bbox.x1 <= start))
        heads = option_spans(words, spec.choices)
        if len(heads) == 1 and len(words) == 1:
            head = words[heads[0].start].bbox
            near = [abs((head.x0 + head.x1) / 2 - c) < reach for c in centres]
            if sum(near) != 1:
                return None
            other = next(c for c in spec.choices if c != heads[0].choice)
            choices: list[str | None] = (
                [heads[0].choice, other] if near[0] else [other, heads[0].choice]
            )
            return AnswerHeads([], (), list(centres), choices)
        if words and _box_pair(doc, marks, index, start, size) is None:
            break  # the block's first row is under this line
    if tuple(spec.choices) != YES_NO or not _printed_over(doc, marks, anchor, start, centres, size):
        return None
    return AnswerHeads([], (), list(centres), list(YES_NO))


# How far left of a question its boxes may stand, in text heights.
BOXES_REACH = 8.0
# Print over a column of boxes holds at least this share of ink.
HEAD_INK = 0.03


def _box_pair(
    doc: Page, marks: PageMarks, index: int, start: float, size: float
) -> tuple[float, float] | None:
    """The centres of the two boxes a line draws before ``start``, when it draws two."""
    top, bottom = _row_level(doc, index, start)
    band = BBox(int(start - BOXES_REACH * size), int(top - size), int(start), int(bottom + size))
    for scale in BOX_SCALES:
        boxes = [
            box
            for box, _ in marks.boxes(band, scale * size)
            if top - size / 3 <= (box.y0 + box.y1) / 2 <= bottom + size / 3
        ]
        if len(boxes) == 2:
            a, b = ((box.x0 + box.x1) / 2 for box in boxes)
            return (a, b) if a < b else (b, a)
    return None


def _row_level(doc: Page, index: int, start: float) -> tuple[int, int]:
    """The top and bottom of a line where its words begin at ``start``.

    A tilted photo's line rises or falls across the page: the boxes before a question stand
    level with its first words, not with the line as a whole.
    """
    words = doc.lines[index].words
    first = next((w for w in words if w.bbox.x1 > start), words[-1]).bbox
    return first.y0, first.y1


def _printed_over(
    doc: Page,
    marks: PageMarks,
    anchor: Anchor,
    start: float,
    centres: tuple[float, float],
    size: float,
) -> bool:
    """Whether print stands over both box columns of a question block's first row."""
    page = doc.lines[anchor.match.line].page
    first = anchor.match.line
    while first > 0 and doc.lines[first - 1].page == page:
        if _box_pair(doc, marks, first - 1, start, size) is None:
            break
        first -= 1
    top = doc.lines[first].bbox.y0
    above = [w.bbox for w in doc.lines[first - 1].words] if first > 0 else []
    y0, y1 = top - 2.2 * size, top - 0.5 * size
    if any(
        b.y1 > y0 and min(b.x1, centres[1] + size) > max(b.x0, centres[0] - size) for b in above
    ):
        return False  # the line above reaches over the columns: no heads row between
    return all(marks.ink(c - 0.6 * size, y0, c + 0.6 * size, y1) >= HEAD_INK for c in centres)


def _question_start(doc: Page, anchor: Anchor) -> float:
    """Where a question's words begin on its line: past the marks OCR read in its boxes."""
    line = doc.lines[anchor.match.line].words
    start = anchor.words[0].bbox.x0
    for word in reversed([w for w in line if w.bbox.x1 <= start]):
        if len(word.text) <= 1 or not any(c.isalpha() for c in word.text):
            break  # a box, or a tick in one ("X", "c")
        start = word.bbox.x0
    return start


def _one_under_each(
    boxes: Sequence[tuple[BBox, float]], centres: Sequence[float], reach: float
) -> list[float] | None:
    """Each column's box's ink, when exactly one box stands under each column's centre."""
    fills: list[float] = []
    for centre in centres:
        under = [fill for box, fill in boxes if abs((box.x0 + box.x1) / 2 - centre) < reach]
        if len(under) != 1:
            return None
        fills.append(under[0])
    return fills


def _rules_slope(marks: PageMarks, x0: float, y: float, x1: float, size: float) -> float:
    """How much the drawn lines nearest a row fall per pixel from ``x0`` across to ``x1``.

    0 where no line runs across the row's span near it.
    """
    near = [
        rule
        for rule in marks.rules()[0]
        if rule.start <= x0 and rule.end >= x1 and abs(rule.at(x0) - y) <= ROW_LINES * size
    ]
    nearest = min(near, key=lambda r: abs(r.at(x0) - y), default=None)
    return 0.0 if nearest is None else nearest.slope


# A row's own lines lie within this many of its text heights over or under its middle.
ROW_LINES = 1.5


def _one_right_of_each(
    boxes: Sequence[tuple[BBox, float]], centres: Sequence[float], step: float
) -> list[float] | None:
    """Each column's box's ink, the heads printed at their columns' left.

    A ruled table writes its heads from each cell's left edge and centres the boxes in the
    cells (``Had it / immune`` over a box half a head to its right): each box nearest one
    head, one box a head, none left of its head.
    """
    columns: list[list[float]] = [[] for _ in centres]
    for box, fill in boxes:
        middle = (box.x0 + box.x1) / 2
        nearest = min(range(len(centres)), key=lambda i: abs(centres[i] - middle))
        if middle < centres[nearest] - step / 6:
            return None
        columns[nearest].append(fill)
    if any(len(column) != 1 for column in columns):
        return None
    return [column[0] for column in columns]


def _cell_ink(
    marks: PageMarks, sides: tuple[float, float], top: Rule, bottom: Rule, inset: float
) -> float:
    """A row's cell's ink between its drawn lines, against a square of the row's height.

    The cell is measured in strips as tall as the row, each between the lines where they
    run over it (a tilted page's lines climb across a wide cell); a tick fills little of a
    wide cell, so the ink is counted as a share of one square strip.
    """
    left, right = sides[0] + inset, sides[1] - inset
    height = (bottom.at((left + right) / 2) - top.at((left + right) / 2)) - 2 * inset
    if right <= left or height <= 0:
        return 0.0
    count = max(1, round((right - left) / height))
    step = (right - left) / count
    total = 0.0
    for i in range(count):
        x0, x1 = left + i * step, left + (i + 1) * step
        middle = (x0 + x1) / 2
        total += marks.ink(x0, top.at(middle) + inset, x1, bottom.at(middle) - inset)
    return total


def _column_sides(ruled: Sequence[Rule], x: float, y: float) -> tuple[float, float] | None:
    """The upright lines either side of ``x`` at height ``y`` (a table column's sides)."""
    at = [r.at(y) for r in ruled if r.start <= y <= r.end]
    left = [v for v in at if v < x]
    right = [v for v in at if v > x]
    if not left or not right:
        return None
    return max(left), min(right)


def _row_rules(marks: PageMarks, cell: Cell) -> tuple[Rule | None, Rule | None]:
    """The drawn lines over and under a table's row, taken at its first cell.

    A cell's top and bottom are where its lines pass its label, near its left side (on a
    tilted page they climb or fall across the row).
    """
    reach = ROW_RULE_SLACK * (cell.y1 - cell.y0)
    found: list[Rule | None] = []
    for level in (cell.y0, cell.y1):
        near: list[tuple[float, int, Rule]] = []
        for x in (cell.x0 + (cell.y1 - cell.y0), (cell.x0 + cell.x1) / 2):
            near += [
                (abs(r.at(x) - level), r.start - r.end, r)
                for r in marks.rules()[0]
                if r.start <= x <= r.end and abs(r.at(x) - level) <= reach
            ]
        found.append(min(near, key=lambda n: (round(n[0]), n[1]))[2] if near else None)
    return found[0], found[1]


# A row's line passes its cell's top or bottom within this share of the row's height.
ROW_RULE_SLACK = 0.3


def _written_in_column(
    doc: Page,
    spec: FieldSpec,
    item: FieldWords,
    anchor: Anchor,
    heading: Sequence[Word],
    factor: float,
) -> list[Candidate]:
    """The answer written on the question's row under the one heading naming the choices.

    "Measles  No  12/1989  Immune" under "Past illness | Dose | Immune / Not immune": the
    "No" stands under another heading and is no answer.
    """
    line = doc.lines[anchor.match.line]
    size = line.height
    x0, x1 = heading[0].bbox.x0 - size, heading[-1].bbox.x1 + 2 * size
    after = line.words[anchor.match.end :]
    row = [w for w in after if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= x1]
    asked = any(w.text.endswith("?") for w in after)
    if asked or len(option_spans(split_slashes(row), spec.choices)) != 1:
        return []  # nothing written there, or the row's own printed options to mark
    answer, sureness = read_choice(row, spec.choices, doc.marks.get(line.page))
    if answer is None:
        return []
    score = BASE_SCORE[Relation.COLUMN] * factor * MARKED_COLUMN * sureness
    return [Candidate(item.name, answer, tuple(row), score, Relation.COLUMN, anchor.words)]


# A column heading no choice ("Don't know") is printed in this many words at most.
MAX_OTHER_HEAD = 3


def row_slope(line: Line) -> float:
    """How much a row's words fall per pixel across the page (0 when too few to tell).

    Words of one size are followed by their middles; a printed label beside a larger written
    value by their feet, which stand on one line where their middles do not.
    """
    heights = [w.bbox.height for w in line.words]
    mixed = max(heights, default=0) > MIXED_SIZES * min(heights, default=0)
    centres = [
        ((w.bbox.x0 + w.bbox.x1) / 2, float(w.bbox.y1) if mixed else w.bbox.center_y)
        for w in line.words
    ]
    if len(centres) < 2 or centres[-1][0] - centres[0][0] < 4 * line.height:
        return 0.0
    xs, ys = zip(*centres, strict=True)
    return float(np.polyfit(xs, ys, 1)[0])


# Words this many times taller than others on their row are of another size.
MIXED_SIZES = 1.3


def row_choice(
    doc: Page, spec: FieldSpec, item: FieldWords, anchor: Anchor, cell: Cell | None, factor: float
) -> list[Candidate]:
    """A question heading a table's column, answered by a mark in one answer's row.

    A matrix prints its questions across and its answers down (diseases over the columns,
    "Immune" / "Not immune" / "Unknown" at the rows' left): the question's column holds one
    mark, and the row it stands in is the answer. Rows printing no choice ("Unknown") take
    part in nothing, so a mark there answers nothing. The column is the heading's cell, or
    where its lines were not found (pale, blurred), halfway to the next headings.
    """
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return []
    column = heading_column(doc, anchor, cell)
    if column is None:
        return []
    x0, x1 = column
    page = anchor.words[0].page
    own = f"field:{item.name}"
    rows: list[tuple[str, BBox, Cell | None]] = []
    for index in range(
        anchor.match.line + 1, min(len(doc.lines), anchor.match.line + HEADING_LINES)
    ):
        line = doc.lines[index]
        if line.page != page or any(own not in a.keys for a in doc.anchors_on(index)):
            break  # the next question's row or another table
        left = _leading_run(tuple(w for w in line.words if w.bbox.x1 <= x0 + 4))
        if not left:
            continue
        box = BBox.union(w.bbox for w in left)
        row_cell = marks.cell_of(box)
        if rows and not _same_row_heads((rows[0][1], rows[0][2]), (box, row_cell)):
            break  # past the table: its rows' headings stand in one column
        spans = option_spans(left, spec.choices)
        if len(spans) == 1:
            rows.append((spans[0].choice, box, row_cell))
    if len({choice for choice, _, _ in rows}) < 2:
        return []
    centres = [(box.y0 + box.y1) / 2 for _, box, _ in rows]
    half = min(b - a for a, b in pairwise(centres)) / 2
    inset = 0.15 * (x1 - x0)
    fills = []
    for (_, _, row_cell), y in zip(rows, centres, strict=True):
        top, bottom = y - 0.8 * half, y + 0.8 * half  # the row's band between its neighbours
        if row_cell is not None and row_cell.y0 <= y <= row_cell.y1:
            top, bottom = row_cell.y0 + 0.3 * half, row_cell.y1 - 0.3 * half  # its ruled cell
        fills.append(marks.ink(x0 + inset, top, x1 - inset, bottom))
    chosen = decide(fills)
    if chosen is None:
        return []
    score = BASE_SCORE[Relation.COLUMN] * factor * MARKED_COLUMN
    return [Candidate(item.name, rows[chosen][0], anchor.words, score, Relation.COLUMN)]


def _leading_run(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A row's first words up to the first wide gap: its heading, not the marks after it."""
    run = list(words[:1])
    for word in words[1:]:
        if word.bbox.x0 - run[-1].bbox.x1 > 2.5 * run[-1].bbox.height:
            break
        run.append(word)
    return tuple(run)


def _same_row_heads(first: tuple[BBox, Cell | None], other: tuple[BBox, Cell | None]) -> bool:
    """Whether two rows' headings stand in one column.

    They do in the same column of ruled cells or, where no lines were found, when they start
    within a few letters of each other.
    """
    (box, cell), (other_box, other_cell) = first, other
    if cell is not None:
        return other_cell is not None and abs(other_cell.x1 - cell.x1) <= 8
    return abs(other_box.x0 - box.x0) <= 3 * box.height


def heading_column(doc: Page, anchor: Anchor, cell: Cell | None) -> tuple[float, float] | None:
    """The left and right of the column a heading names: its cell, or halfway to its neighbours.

    A cell that holds other headings too is a heading row whose inner lines were not found.
    """
    line = doc.lines[anchor.match.line]
    if cell is not None and not any(
        cell.x0 < (w.bbox.x0 + w.bbox.x1) / 2 < cell.x1 for w in line.words if w not in anchor.words
    ):
        return cell.x0, cell.x1
    first, last = anchor.words[0].bbox, anchor.words[-1].bbox
    before = [w.bbox.x1 for w in line.words if w.bbox.x1 <= first.x0]
    after = [w.bbox.x0 for w in line.words if w.bbox.x0 >= last.x1]
    if not before or not after:
        return None  # a heading cell at a table's edge is not told from a label by the row
    return (max(before) + first.x0) / 2, (last.x1 + min(after)) / 2


def rule_over(doc: Page, anchor: Anchor) -> tuple[float, float, float] | None:
    """The drawn line right over a label (a caption under the rule a value is written on)."""
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return None
    box = BBox.union(w.bbox for w in anchor.words)
    centre, height = (box.x0 + box.x1) / 2, max(8, box.height)
    over: list[Rule] = []
    # (a rule printed pale, fainter than the page's other lines, still carries its value)
    for rules in (marks.rules()[0], marks.pale_rules()):
        over = [
            r
            for r in rules
            if r.start - height <= centre <= r.end + height
            and box.x0 < r.end  # (a caption begins under its rule)
            and -0.3 * height <= box.y0 - r.at(centre) <= 0.9 * height
        ]
        if over:
            break
    if not over:
        return None
    rule = max(over, key=lambda r: r.at(centre))
    return (rule.start - height / 2, rule.end + height / 2, rule.at(centre))


def cell_over_caption(doc: Page, anchor: Anchor, cell: Cell | None) -> Cell | None:
    """The cell a value written over its caption stays in.

    None when the caption's cell is only the strip under the rule the value is written on
    (a boxed row of captioned blanks): the value stands over the cell, on its top line.
    """
    return None if cell is not None and caption_strip(doc, anchor, cell) else cell


def caption_strip(doc: Page, anchor: Anchor, cell: Cell) -> bool:
    """Whether a label's cell is a caption's strip at the foot of a box, under its value.

    A box of a form's grid, its value written on a rule drawn across it and the caption
    under that rule: the lines close a low cell round the caption, and the box's sides go on
    up past the rule. (A table's heading row under open paper has no sides over it.)
    """
    marks = doc.marks.get(anchor.words[0].page)
    rule = rule_over(doc, anchor)
    height = doc.lines[anchor.match.line].height
    if marks is None or rule is None or abs(rule[2] - cell.y0) > height:
        return False
    if cell.y1 - cell.y0 > CAPTION_STRIP * height:
        return False
    middle = (cell.y0 + cell.y1) / 2
    sides = any(
        min(abs(r.at(middle) - cell.x0), abs(r.at(middle) - cell.x1)) <= height / 3
        and r.start <= cell.y0 - height
        and r.end >= middle
        for r in marks.rules()[1]
    )
    if not sides:
        return False
    # the box's part over the rule holds the value alone: a table's row over the label's
    # prints a label of its own ("2 Health plan name")
    x = (cell.x0 + cell.x1) / 2
    tops = [r.at(x) for r in marks.rules()[0] if r.start <= x <= r.end]
    top = max((y for y in tops if y < cell.y0 - height / 2), default=cell.y0 - 3 * height)
    return not any(
        cell.x0 <= a.words[0].bbox.x0 < cell.x1 and top < a.words[0].bbox.y0 < cell.y0
        for a in doc.anchors
        if a is not anchor and a.words[0].page == anchor.words[0].page
    )


# A caption's strip is at most this many of its text heights high.
CAPTION_STRIP = 2.5


def value_above_label(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The value written over a label: on the rule over it, or the line over it in its column.

    A caption under a tall shaded box takes the box's last written line however far up it
    stands (:func:`box_above`).
    """
    panel = doc.panel_of(anchor.match.line)
    return value_above(doc.lines, anchor.match, stops, rule_over(doc, anchor), panel) or box_above(
        doc, anchor, stops
    )


def box_above(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The last line written in a shaded box a caption stands under, space left under it.

    The directions' box is drawn for four lines and holds two: the white of the caption's
    paper against the tint all the way from the box's writing down to the caption tells the
    box.
    """
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return ()
    line = doc.lines[anchor.match.line]
    panel = doc.panel_of(anchor.match.line)
    label = BBox.union(w.bbox for w in anchor.words)
    height = line.height
    x0 = label.x0 - height
    x1 = column_end(line, anchor.match, stops)
    nearest = max(
        (
            i
            for i, other in enumerate(doc.lines)
            if other.page == line.page
            and (panel is None or i in panel)
            and other.bbox.y1 < label.y0
            and label.y0 - other.bbox.y1 <= BOX_REACH * height
            and any(x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < x1 for w in other.words)
        ),
        key=lambda i: doc.lines[i].bbox.y1,
        default=None,
    )
    if nearest is None:
        return ()
    words = tuple(w for w in doc.lines[nearest].words if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < x1)
    written = BBox.union(w.bbox for w in words)
    paper = marks.paper_level(BBox(label.x0, label.y0, label.x1, label.y1))
    if paper is None:
        return ()
    # tinted all the way down from the writing to a line's height over the caption (the box's
    # foot): no white strip between two boxes (an empty box under another box's last line is
    # no box of that line)
    step = max(4, int(height / 3))
    # (from the line's highest foot: a quantity's box at its end may reach lower)
    for top in range(min(w.bbox.y1 for w in words) + 2, label.y0 - int(height) - step, step):
        inside = marks.paper_level(BBox(written.x0, top, written.x1, top + step))
        if inside is None or paper - inside < BOX_TINT:
            return ()
    return words


# A caption's box may leave this many line heights unwritten over it ...
BOX_REACH = 6.0
# ... when its paper is this many gray levels darker than the caption's.
BOX_TINT = 8.0


def field_kinds(doc: Page, anchor: Anchor) -> list[ValueType]:
    """The value types of the fields a label names."""
    return [
        VALUE_TYPES[doc.vocab.field(k.split(":", 1)[1]).value]
        for k in anchor.keys
        if k.startswith("field:")
    ]


def captions_under(doc: Page) -> bool:
    """Whether the form prints labels under their values (captions under the rules).

    Decided from the document itself, as the date order is: the labels of typed fields
    (dates, phones, numbers, codes) are asked whether a value of their type sits under
    them or over them, and the side that answers more often wins.
    """
    if doc.captions_under is None:
        stops = [a.match for a in doc.anchors]
        under = over = 0
        for anchor in doc.anchors:
            kinds = [k for k in field_kinds(doc, anchor) if k.name in TYPED]
            cell = label_cell(doc, anchor)
            if (
                not kinds
                or by_signature_only(doc, anchor)
                or (
                    cell is not None
                    and (_cell_words(doc, anchor, cell) or not caption_strip(doc, anchor, cell))
                )
            ):
                continue
            if value_right(doc.lines, anchor.match, stops):
                continue  # a value beside its label says nothing of above and below
            below = text_of(value_below(doc.lines, anchor.match, stops))
            above = text_of(value_above_label(doc, anchor, stops))
            over += any(k.fit(below) >= 0.5 for k in kinds)
            under += any(k.fit(above) >= 0.5 for k in kinds)
        doc.captions_under = under >= 2 and under > over
    return doc.captions_under


# Value types whose values are told from other text by their form alone.
TYPED = frozenset({"date", "phone", "number", "code", "refills", "name", "address"})
