"""Candidates where a value stands with no label of its own.

The vocabulary's ``places`` say where a field's value may sit unlabelled: under its section's
heading (by order), alone at the top right of page 1, in the letterhead, ticked among a group
practice's names, on an identification sticker by the birth date, under its person's name,
signed above ``Signature``, in the block of lines after the labelled rows, in a printed row of
choices, or anywhere its type's pattern matches (the last resort). Each source here reads one
such place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from medreview.documents import FIELDS, FieldSpec
from medreview.model import BBox, Word
from medreview.parsing import canonical
from medreview.parsing.canonical import TextStyle
from medreview.parsing.choices import is_refill_row, read_refill_row, written_after_other
from medreview.parsing.labelled import (
    SELF_EVIDENT,
    coerce,
    holds_other_value,
    line_mentions,
    names_any,
    next_heading,
    typed_runs,
)
from medreview.parsing.layout import (
    COLUMN_GAP,
    ENUMERATION,
    LabelMatch,
    Line,
    compact,
    segments,
    value_below,
    value_right,
)
from medreview.parsing.lists import (
    medicine_text,
    read_as_rx,
    row_boxes,
    ticked_medicines,
    without_quantities,
)
from medreview.parsing.marks import TICKED_INK, PageMarks, decide
from medreview.parsing.page import (
    BASE_SCORE,
    Anchor,
    Candidate,
    Page,
    Relation,
    is_filler,
    text_of,
    word_key,
)
from medreview.parsing.values import (
    SPEAKER,
    STRENGTH,
    VALUE_TYPES,
    ValueType,
    name_fit,
    strengths_mended,
)
from medreview.parsing.vocabulary import FieldWords, Place

# Words that mark a line as a doctor's name (compared after ``compact``).
DOCTOR_MARKS = frozenset({"dr", "md", "do", "mbbs", "doctor", "dds", "dmd", "np", "pa"})


def _free_segments(doc: Page, lo: int, hi: int) -> list[tuple[int, tuple[Word, ...]]]:
    """Segments of lines ``lo`` to ``hi`` with no label in them, in reading order.

    A segment running on into a label (``PO Box 7, Salem Expiry Date:``, no
    column gap between them) keeps its words before the label; what follows a
    label is that label's value.
    """
    labelled = {id(w) for a in doc.anchors for w in a.words}
    found: list[tuple[int, tuple[Word, ...]]] = []
    for index in range(lo, hi):
        for part in segments(doc.lines[index]):
            cut = next((i for i, w in enumerate(part) if id(w) in labelled), len(part))
            words = tuple(w for w in part[:cut] if not is_filler(w.text))
            if words:
                found.append((index, words))
    return found


def section_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """Unlabelled lines of the field's type under its section heading, by order."""
    if Place.SECTION not in item.places or item.section is None:
        return []
    scope = doc.section_scope(item.section)
    if scope is None:
        return []
    kind = VALUE_TYPES[item.value]
    free = _free_segments(doc, scope[0] + 1, scope[1])
    if kind.name in SELF_EVIDENT:  # also after labels the vocabulary does not know
        free = [(i, run) for i, words in free for run in typed_runs(kind, words)]
    found: list[Candidate] = []
    rank = 0
    used: set[int] = set()
    for position, (index, words) in enumerate(free):
        if id(words[0]) in used:
            continue
        if kind.name == "name" and len(words) > 1 and SPEAKER.fullmatch(words[0].text):
            # "I, ____ , date of birth ...": the sentence's speaker and commas are no name
            words = tuple(w for w in words[1:] if any(c.isalnum() for c in w.text))
            if not words:
                continue
        fit = kind.fit(text_of(words))
        if fit < 0.5 or (kind.name == "name" and holds_other_value(text_of(words))):
            continue
        block = [words]
        if kind.name == "address" and item.lines > 1:
            block += _address_block(doc, free[position + 1 :], index, words, item.lines - 1)
        used.update(id(ws[0]) for ws in block)
        text = ", ".join(canonical.one_line(text_of(ws)).strip(" ,.;:") for ws in block)
        coerced = coerce(doc, spec, kind, text)
        if coerced is None:
            continue
        score = BASE_SCORE[Relation.SECTION] * coerced[1] * fit * 0.85**rank
        all_words = doc.words_for((w for ws in block for w in ws), item.medical)
        found.append(Candidate(item.name, coerced[0], all_words, score, Relation.SECTION))
        rank += 1
    return found


def _address_block(
    doc: Page,
    following: list[tuple[int, tuple[Word, ...]]],
    line: int,
    first: tuple[Word, ...],
    limit: int,
) -> list[tuple[Word, ...]]:
    """The lines under an address's first line, in its column, until something else."""
    block: list[tuple[Word, ...]] = []
    x0 = first[0].bbox.x0
    last_line, last_words = line, first
    height = float(median(w.bbox.height for w in first))
    for index, words in following:
        if len(block) >= limit or index == last_line:
            continue
        if index > last_line + 1 and not block:
            pass
        if abs(words[0].bbox.x0 - x0) > 2.0 * height:
            continue
        gap = words[0].bbox.y0 - max(w.bbox.y1 for w in last_words)
        if gap > 1.6 * height:
            break
        text = text_of(words)
        if VALUE_TYPES["phone"].fit(text) or VALUE_TYPES["date"].fit(text):
            break
        block.append(words)
        last_line, last_words = index, words
    return block


def corner_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A lone value at the top right of page 1 (a record date)."""
    if Place.CORNER not in item.places or not doc.lines:
        return []
    kind = VALUE_TYPES[item.value]
    first_page = doc.lines[0].page
    width, height = doc.sizes.get(first_page, (0, 0))
    found = []
    for index, words in _free_segments(doc, 0, len(doc.lines)):
        if doc.lines[index].page != first_page:
            break
        box_x = (words[0].bbox.x0 + words[-1].bbox.x1) / 2
        if words[0].bbox.y0 > 0.25 * height or box_x < 0.5 * width:
            continue
        if kind.fit(text_of(words)) < 1.0:
            continue
        coerced = coerce(doc, spec, kind, text_of(words))
        if coerced is not None:
            score = BASE_SCORE[Relation.CORNER] * coerced[1]
            found.append(Candidate(item.name, coerced[0], words, score, Relation.CORNER))
    return found


def card_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The issuer printed largest on a card copied under its label (an insurance card).

    "Attach a copy of your insurance card here" over the card's front: the insurer's name
    stands out as its biggest print, with no label of its own; the card's other lines are
    labelled (``MEMBER ID``) or small print.
    """
    if Place.CARD not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    headings = {line for line, _ in doc.sections}
    found: list[Candidate] = []
    for anchor in doc.anchors:
        if CARD_LABEL not in anchor.keys:
            continue
        start = anchor.match.line + 1
        page = doc.lines[anchor.match.line].page
        end = start
        while end < min(len(doc.lines), start + CARD_LINES) and end not in headings:
            if doc.lines[end].page != page:
                break
            end += 1
        card = [w.bbox.height for line in doc.lines[start:end] for w in line.words]
        printed = [
            (float(median(w.bbox.height for w in words)), words)
            for _, words in _free_segments(doc, start, min(end, start + CARD_TOP))
            if any(c.isalpha() for c in text_of(words))
        ]
        for height, words in sorted(printed, key=lambda p: -p[0])[:1]:
            if height < CARD_BIG * median(card) or kind.fit(text_of(words)) < 0.5:
                continue
            coerced = coerce(doc, spec, kind, text_of(words))
            if coerced is not None:
                score = BASE_SCORE[Relation.CARD] * coerced[1]
                found.append(Candidate(item.name, coerced[0], words, score, Relation.CARD))
    return found


# The label a copied card stands under ...
CARD_LABEL = "label:card_copy"
# ... the card's lines within this many lines under it; its issuer on its first lines, in
# print this much bigger than the card's.
CARD_LINES = 8
CARD_TOP = 2
CARD_BIG = 1.15


def _first_row_line(doc: Page) -> int:
    """The first line holding a field's label (where a letterhead ends)."""
    rows = [a.match.line for a in doc.anchors if any(k.startswith("field:") for k in a.keys)]
    return min(rows, default=min(4, len(doc.lines)))


def header_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A doctor's name in the letterhead above the first labelled row, titles kept."""
    if Place.HEADER not in item.places or not doc.lines:
        return []
    kind = VALUE_TYPES[item.value]
    first_page = doc.lines[0].page
    found = []
    end = _first_row_line(doc)
    for index in range(end):
        line = doc.lines[index]
        if line.page != first_page:
            break
        for part in segments(line):
            marks = {compact(w.text) for w in part}
            letters = sum(any(c.isalpha() for c in w.text) for w in part)
            doctor = bool(marks & DOCTOR_MARKS) and letters >= 2
            fit = name_fit(canonical.clean_text(text_of(part), TextStyle.NAME) or "")
            if fit < 0.5 or (not doctor and (index > 0 or fit < 1.0)):
                continue  # a doctor's name has no digits ("PA 15222" is a state and zip)
            if _under_other_label(doc, index, part):
                continue  # "Medical director:" over its doctor: the label's, not the pad's
            coerced = coerce(doc, spec, kind, text_of(part))
            if coerced is None:
                continue
            score = BASE_SCORE[Relation.HEADER] * coerced[1] * (1.0 if doctor else 0.6)
            if _credentials_under(doc, index):
                score *= CREDENTIALED  # the pad's own doctor, over the practice's list
            found.append(Candidate(item.name, coerced[0], part, score, Relation.HEADER))
    return found


def _under_other_label(doc: Page, index: int, part: Sequence[Word]) -> bool:
    """Whether a letterhead name is the value of a label no field has, over it or before it."""
    start, end = part[0].bbox.x0, part[-1].bbox.x1
    height = max(8, part[0].bbox.height)
    above = doc.anchors_on(index - 1) if index else []
    for anchor in [*above, *doc.anchors_on(index)]:
        if any(k.startswith("field:") for k in anchor.keys):
            continue
        label = BBox.union(w.bbox for w in anchor.words)
        if anchor.match.line == index:
            if 0 <= start - label.x1 <= 2 * height:
                return True
        elif label.x0 < end and start < label.x1 and label.y1 <= part[0].bbox.y0 + height / 2:
            return True
    return False


# A letterhead name with its licence or NPI printed under it counts this much more.
CREDENTIALED = 1.05


def _credentials_under(doc: Page, index: int) -> bool:
    """Whether the line under a letterhead name prints a licence, NPI or DEA number."""
    below = index + 1
    if below >= len(doc.lines) or doc.lines[below].page != doc.lines[index].page:
        return False
    return any(names_any(a, STAMP_LABELS) for a in doc.anchors_on(below))


# A name, where its box stands, the box's fill when found at the name's size, a box seen.
Row = tuple[tuple[Word, ...], BBox, float | None, bool]


def ticked_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The ticked one of the names listed with a check box each (a group practice's pad).

    "[X] Dr Nora Rivera  [ ] Dr Noah Brown": the lines above the other fields' labels
    that open with a drawn box; the one box clearly marked names the field's value.
    """
    if Place.HEADER not in item.places or not doc.lines:
        return []
    own = f"field:{item.name}"
    others = [
        a.match.line
        for a in doc.anchors
        if any(k.startswith("field:") and k != own for k in a.keys)
    ]
    first_page = doc.lines[0].page
    marks = doc.marks.get(first_page)
    if marks is None:
        return []
    rows: list[Row] = []
    for index in range(min(others, default=len(doc.lines))):
        line = doc.lines[index]
        if line.page != first_page:
            break
        for part in segments(line):  # (a letterhead's right column too)
            lettered = [i for i, w in enumerate(part) if sum(c.isalpha() for c in w.text) >= 2]
            if not lettered:
                continue
            name = part[lettered[0] :]
            height = name[0].bbox.height
            # (a box OCR read as a glyph: a little round it, so the band holds its sides)
            glyph = part[0].bbox.x0 - height // 2
            left = glyph if lettered[0] else name[0].bbox.x0 - int(TICK_REACH * height)
            top, bottom = name[0].bbox.y0 - height // 2, name[0].bbox.y1 + height // 2
            band = BBox(left, top, name[0].bbox.x0 - 1, bottom)
            found = (
                [marks.boxes(band, scale * height) for scale in TICK_BOX_SCALES]
                if band.x1 > band.x0
                else []
            )
            # (a box at the name's own size has its fill read; a smaller one is only seen)
            fill = max((f for _, f in found[0]), default=None) if found else None
            seen = any(found)
            square = BBox(
                name[0].bbox.x0 - int(1.6 * height),
                name[0].bbox.y0,
                name[0].bbox.x0 - height // 5,
                name[0].bbox.y1,
            )
            rows.append((name, square, fill, seen))
    kind = VALUE_TYPES[item.value]
    for words in (_ticked_by_fill(rows), _ticked_by_ink(rows, marks)):
        coerced = coerce(doc, spec, kind, text_of(words)) if words else None
        value = coerced[0] if coerced is not None and isinstance(coerced[0], str) else ""
        if coerced is not None and name_fit(value) >= 0.5:
            score = BASE_SCORE[Relation.TICKED] * coerced[1]
            return [Candidate(item.name, coerced[0], words, score, Relation.TICKED)]
    return []


def _ticked_by_fill(rows: list[Row]) -> tuple[Word, ...]:
    """The name whose box, of those found, is clearly the one filled.

    The names are listed down a column, each after its box: a box beside a name of its own
    (a logo by a cruise line's name, a "Guest / Crew" pair) is no choice among them.
    """
    boxed = [
        (name, fill)
        for name, _, fill, _ in rows
        if fill is not None and _in_a_column(name, [r for r in rows if r[2] is not None])
    ]
    chosen = decide([fill for _, fill in boxed]) if len(boxed) >= 2 else None
    return boxed[chosen][0] if chosen is not None else ()


def _in_a_column(name: tuple[Word, ...], rows: list[Row]) -> bool:
    """Whether another of the rows starts at the name's left edge."""
    edge, height = name[0].bbox.x0, name[0].bbox.height
    return any(r[0] is not name and abs(r[0][0].bbox.x0 - edge) <= height / 2 for r in rows)


def _ticked_by_ink(rows: list[Row], marks: PageMarks) -> tuple[Word, ...]:
    """The doctor's name down the names' column whose box's place holds clearly more ink.

    A box the tick runs over may not be found as a box: the ink where each box stands
    decides, over the least inked one's (an empty box's sides). Only doctors' names count (a
    letterhead's logo beside its clinic's name is no box).
    """
    column = _box_column(rows)
    doctors = [(n, b) for n, b, _, _ in column if {compact(w.text) for w in n} & DOCTOR_MARKS]
    inks = [marks.ink(b.x0, b.y0, b.x1, b.y1) for _, b in doctors]
    chosen = decide([ink - min(inks) for ink in inks]) if len(doctors) >= 2 else None
    return doctors[chosen][0] if chosen is not None else ()


# A check box before a name is looked for this many of the name's heights to its left ...
TICK_REACH = 3.0
# ... at these shares of the name's height (a letterhead's boxes are small beside its names).
TICK_BOX_SCALES = (1.0, 0.75, 0.5)


def _box_column(rows: list[Row]) -> list[Row]:
    """The names that start at one left edge, most of them after a box found.

    A letterhead lists its doctors down a column, each after a box; OCR or the box finder
    may miss a box or two (a tick drawn over one), but never the column's edge. (The
    clinic's name and address lines start at an edge too, a box found in its logo at most.)
    """
    best: list[Row] = []
    for name, _, _, seen in rows:
        if not seen:
            continue
        edge, height = name[0].bbox.x0, name[0].bbox.height
        column = [r for r in rows if abs(r[0][0].bbox.x0 - edge) <= height / 2]
        if _boxes_seen(column) > _boxes_seen(best):
            best = column
    return best


def _boxes_seen(rows: list[Row]) -> tuple[int, int]:
    """How many of the rows have a box found, then how many rows there are."""
    return sum(seen for _, _, _, seen in rows), len(rows)


# The line over a birth date's label is this many of its heights away at most.
STICKER_REACH = 2.5


def sticker_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A patient's name or address on an identification sticker or imprint, by its birth date.

    A wristband, a label or an addressograph imprint prints the name first, maybe an
    identification line ("MRN ... ACCT ...") under it, then "DOB ...", then the address's
    lines, all starting at one left edge: the name is the nearest such line over the birth
    date that looks like a name, the address the lines under it.
    """
    if Place.STICKER not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    labelled = {word_key(w) for a in doc.anchors for w in a.words}
    found = []
    for anchor in doc.anchors:
        if not {"field:birth_date", "label:born"} & set(anchor.keys):
            continue
        label = anchor.words[0].bbox
        height = max(8, label.height)
        if kind.name == "address":
            lines = _sticker_lines(doc, anchor, 1, labelled)
            text = ", ".join(text_of(p).strip(" ,") for p in lines)
            coerced = coerce(doc, spec, kind, text) if text else None
            if coerced is not None and kind.fit(text) >= 1.0:
                words = tuple(w for p in lines for w in p)
                score = BASE_SCORE[Relation.STICKER] * coerced[1]
                found.append(Candidate(item.name, coerced[0], words, score, Relation.STICKER))
            continue
        lines = _sticker_lines(doc, anchor, -1, labelled)
        for rank, part in enumerate(lines):
            if label.y0 - part[-1].bbox.y1 > (STICKER_REACH + 1.5 * rank) * height:
                break
            text = text_of(part)
            if kind.fit(text) < 1.0:
                continue
            coerced = coerce(doc, spec, kind, text)
            if coerced is not None:
                score = BASE_SCORE[Relation.STICKER] * coerced[1] * STICKER_LINE_FACTOR**rank
                found.append(Candidate(item.name, coerced[0], part, score, Relation.STICKER))
            break
    return found


# An address listed under its person's name runs on at most this many lines.
LISTED_ADDRESS_LINES = 3
# ... found among this many lines under the name (a panel beside it has lines of its own).
LISTED_SCAN = 2 * LISTED_ADDRESS_LINES
ADDRESS = compact("address")


def listed_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """An address written with no label under its person's name, where the block lists both.

    "1. FOR (Full name, address & phone number)": the name, the address and the telephone
    are written one under another; the address is the lines after the name's, in the
    label's column, up to the telephone or the next label.
    """
    if item.under_name is None:
        return []
    kind = VALUE_TYPES[item.value]
    phone = VALUE_TYPES["phone"]
    stops = [a.match for a in doc.anchors]
    starts = {(s.line, s.start) for s in stops}
    found = []
    for anchor in doc.anchors:
        if f"field:{item.under_name}" not in anchor.keys:
            continue
        named = any(compact(w.text) == ADDRESS for w in anchor.words)  # "Name and address"
        if not named and not line_mentions(doc, anchor, ADDRESS):
            continue  # the block's title does not list an address
        name = value_below(doc.lines, anchor.match, stops)
        if not name:
            continue
        page = doc.lines[anchor.match.line].page
        heading = next_heading(doc, anchor)
        limit = 10**9 if heading is None else heading
        left = name[0].bbox.x0 - name[0].bbox.height
        parts: list[tuple[Word, ...]] = []
        first = doc.line_of(name[0])
        for index in range(first + 1, min(len(doc.lines), first + 1 + LISTED_SCAN)):
            below = doc.lines[index]
            # the segment written in the name's column (a stamp beside it is another block's)
            column = next(
                (p for p in segments(below) if left <= p[0].bbox.x0 < min(limit, name[-1].bbox.x1)),
                (),
            )
            if below.page != page:
                break
            if not column:
                continue  # a line of the panel beside it only ("D.O.B" in the next column)
            if ENUMERATION.match(column[0].text):
                break  # the next block's number
            if (index, below.words.index(column[0])) in starts or phone.fit(text_of(column)) >= 1.0:
                break  # the next label, or the telephone that ends the address
            parts.append(column)
            if len(parts) == LISTED_ADDRESS_LINES:
                break
        text = ", ".join(text_of(part).strip(" ,") for part in parts)
        coerced = coerce(doc, spec, kind, text) if text else None
        if coerced is not None and kind.fit(text) >= 1.0:
            words = tuple(w for part in parts for w in part)
            score = BASE_SCORE[Relation.BELOW] * coerced[1]
            found.append(Candidate(item.name, coerced[0], words, score, Relation.BELOW))
    return found


# A sticker's name may stand this many lines over its birth date (an ID line between) ...
STICKER_NAME_LINES = 2
# ... each line up counting this much less; its address runs on this many lines under it.
STICKER_LINE_FACTOR = 0.95
STICKER_ADDRESS_LINES = 2


def _sticker_lines(
    doc: Page, anchor: Anchor, step: int, labelled: set[tuple[int, int, int, int, int]]
) -> list[tuple[Word, ...]]:
    """The line segments starting at a birth date label's left edge, nearest first.

    They are over it (``step`` -1) or under it (1), up to the first line with none.
    """
    label = anchor.words[0].bbox
    height = max(8, label.height)
    reach = STICKER_NAME_LINES if step < 0 else STICKER_ADDRESS_LINES
    found: list[tuple[Word, ...]] = []
    index = anchor.match.line
    for _ in range(reach):
        index += step
        if not 0 <= index < len(doc.lines) or doc.lines[index].page != anchor.words[0].page:
            break
        part = next(
            (p for p in segments(doc.lines[index]) if abs(p[0].bbox.x0 - label.x0) <= 2 * height),
            None,
        )
        if part is None:
            break
        if any(word_key(w) in labelled for w in part):
            if step > 0:
                break  # the next label's line ends the address
            continue  # an identification line ("MRN ... ACCT ...") between name and birth date
        found.append(tuple(part))
    return found


# A mailer's address runs on at most this many lines under the name, each at most this many
# text heights under the one before it.
MAILING_ADDRESS_LINES = 3
MAILING_GAP = 1.6
# The block's lines are evenly spaced: a line this many times further down is something else.
MAILING_PITCH = 1.4


def mailing_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A name over its street and town lines, unlabelled, in one column (an address window).

    A mailer prints its addressee as an envelope does: the name, the street, the town with
    its state and ZIP code, from one left edge, with no label; so does a panel holding only
    the patient. The name is the block's first line and the address the lines under it; a
    doctor's name heads no such block.
    """
    if Place.MAILING not in item.places or not doc.lines:
        return []
    kind = VALUE_TYPES[item.value]
    found = []
    for name, address in _mailing_blocks(doc):
        parts = (name,) if kind.name == "name" else address
        text = ", ".join(text_of(p).strip(" ,") for p in parts)
        coerced = coerce(doc, spec, kind, text)
        if coerced is None:
            continue
        words = tuple(w for p in parts for w in p)
        score = BASE_SCORE[Relation.MAILING] * coerced[1]
        found.append(Candidate(item.name, coerced[0], words, score, Relation.MAILING))
    return found


def _mailing_blocks(doc: Page) -> list[tuple[tuple[Word, ...], list[tuple[Word, ...]]]]:
    """Page 1's blocks of a name over two or more address lines, from one left edge."""
    labelled = {word_key(w) for a in doc.anchors for w in a.words}
    address = VALUE_TYPES["address"]
    first_page = doc.lines[0].page
    free = [
        (index, part)
        for index, line in enumerate(doc.lines)
        if line.page == first_page
        for part in segments(line)
        if not any(word_key(w) in labelled for w in part)
    ]
    blocks = []
    for position, (index, name) in enumerate(free):
        text = text_of(name)
        if name_fit(text) < 1.0 or {compact(w.text) for w in name} & DOCTOR_MARKS:
            continue
        height = float(median(w.bbox.height for w in name))
        lines: list[tuple[Word, ...]] = []
        last_index, last = index, name
        previous = name
        for below_index, below in free[position + 1 :]:
            if len(lines) == MAILING_ADDRESS_LINES or below_index > last_index + 1:
                break
            if below_index == last_index or abs(below[0].bbox.x0 - name[0].bbox.x0) > height:
                continue
            if below[0].bbox.y0 - max(w.bbox.y1 for w in last) > MAILING_GAP * height:
                break
            if holds_other_value(text_of(below)):
                break  # a telephone or a date under the address ends it
            pitch = below[0].bbox.y0 - last[0].bbox.y0
            if lines and pitch > MAILING_PITCH * (last[0].bbox.y0 - previous[0].bbox.y0):
                break  # a heading further down than the block's lines are apart
            lines.append(below)
            previous = last
            last_index, last = below_index, below
        street = len(lines) >= 2 and address.fit(text_of(lines[0])) >= 1.0
        if street and address.fit(", ".join(text_of(p) for p in lines)) >= 1.0:
            blocks.append((name, lines))
    return blocks


# Labels of a prescriber's stamp: the doctor's printed name stands over them.
STAMP_LABELS = ("license", "registration", "dea")
# A doctor's name at the signature counts this much more: it outranks the letterhead's names
# (a group practice lists its doctors; the one who signs prescribes).
SIGNER = 1.18


def signed_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The name written just above the ``Signature`` label (the signing doctor).

    A doctor's name (``Dr``, ``MBBS``) printed over the stamp's licence number counts too, and
    so does one right of the label (``Signed: Dr Alan Reyes, M.D``) or typed on the line
    under the signature's caption (``Tent physician`` / ``Dr. Ann Lee, MD``).
    """
    if Place.SIGNED not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    found: list[Candidate] = []
    stops = [a.match for a in doc.anchors]
    labelled = {word_key(w) for a in doc.anchors for w in a.words}
    for anchor in doc.anchors:
        stamp = "label:signature" not in anchor.keys
        if stamp and not names_any(anchor, STAMP_LABELS):
            continue
        label = anchor.words[0].bbox
        height = max(8, label.height)
        right = () if stamp else _trim_fillers(value_right(doc.lines, anchor.match, stops))
        # a doctor's name printed just before the stamp's number on its line ("Joseph Perez,
        # M.D.  DEA NO. BB8219483")
        own = doc.lines[anchor.match.line]
        before = _segment_before(own, anchor.match) if stamp else ()
        for index in range(anchor.match.line, max(-1, anchor.match.line - 4), -1):
            line = doc.lines[index]
            if line.page != anchor.words[0].page or label.y0 - line.bbox.y1 > 4 * height:
                break
            own_line = index == anchor.match.line
            for part in [*segments(line), right] if own_line else segments(line):
                part = _trim_fillers(part)
                beside = part is right or (own_line and bool(before) and part == before)
                if not part or (part[-1].bbox.x1 < label.x0 - 2 * height and not beside):
                    continue
                if part[0].bbox.y1 > label.y0 + height // 2 and not beside:
                    continue  # beside or below the label, not signed above it
                if any(word_key(w) in labelled for w in part):
                    continue
                doctor = bool({compact(w.text) for w in part} & CLINICIAN_MARKS)
                if (stamp or beside) and not doctor:
                    continue
                found += _signed_name(doc, spec, kind, part, SIGNER if doctor else 0.9)
        if not stamp:
            found += _typed_under(doc, spec, kind, anchor, labelled)
    return found


def _signed_name(
    doc: Page, spec: FieldSpec, kind: ValueType, part: tuple[Word, ...], factor: float
) -> list[Candidate]:
    """The name a signature's block shows, scored by how well it reads as one (or none)."""
    text = text_of(part)
    fit = name_fit(canonical.clean_text(text, TextStyle.NAME) or "")
    coerced = coerce(doc, spec, kind, text) if fit >= 0.5 else None
    if coerced is None:
        return []
    score = BASE_SCORE[Relation.SIGNED] * coerced[1] * fit * factor
    return [Candidate(spec.name, coerced[0], part, score, Relation.SIGNED)]


def _typed_under(
    doc: Page,
    spec: FieldSpec,
    kind: ValueType,
    anchor: Anchor,
    labelled: set[tuple[int, int, int, int, int]],
) -> list[Candidate]:
    """A doctor's name typed on the line under a signature's caption, starting where it does."""
    index = anchor.match.line + 1
    label = anchor.words[0].bbox
    height = max(8, label.height)
    if index >= len(doc.lines) or doc.lines[index].page != anchor.words[0].page:
        return []
    found: list[Candidate] = []
    for part in segments(doc.lines[index]):
        part = _trim_fillers(part)
        if (
            not part
            or part[0].bbox.y0 - label.y1 > 3 * height
            or abs(part[0].bbox.x0 - label.x0) > 2 * height
            or any(word_key(w) in labelled for w in part)
            or not {compact(w.text) for w in part} & CLINICIAN_MARKS
        ):
            continue
        found += _signed_name(doc, spec, kind, part, SIGNER * TYPED_UNDER)
    return found


# A name typed under the signature's caption counts this much of one signed over it.
TYPED_UNDER = 0.95


def stamp_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A clinician's name stamped in a small frame with no label at it ("Helen Schmidt, APRN").

    A rubber stamp prints the name and credential first, maybe a number under it; the frame
    is a drawn cell holding no label but a stamp's own (``NPI``), and no longer than a few
    lines.
    """
    if Place.STAMP not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    stamped = {word_key(w) for a in doc.anchors if names_any(a, STAMP_LABELS) for w in a.words}
    labelled = {word_key(w) for a in doc.anchors for w in a.words} - stamped
    found = []
    for index, line in enumerate(doc.lines):
        marks = doc.marks.get(line.page)
        if marks is None:
            continue
        for part in segments(line):
            if not {compact(w.text) for w in part} & CLINICIAN_MARKS:
                continue
            cell = marks.cell_of(BBox.union(w.bbox for w in part))
            if cell is None or cell.y1 - cell.y0 > STAMP_LINES * line.height:
                continue
            held = [
                w
                for other in doc.lines[max(0, index - STAMP_LINES) : index + STAMP_LINES]
                if other.page == line.page
                for w in other.words
                if cell.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= cell.x1
                and cell.y0 <= (w.bbox.y0 + w.bbox.y1) / 2 <= cell.y1
            ]
            if (
                any(word_key(w) in labelled for w in held)
                or min(held, key=lambda w: w.bbox.y0) not in part
            ):
                continue  # a labelled cell, or a stamp whose first line is another's
            text = text_of(part)
            if name_fit(canonical.clean_text(text, TextStyle.NAME) or "") < 1.0:
                continue
            coerced = coerce(doc, spec, kind, text)
            if coerced is not None:
                score = BASE_SCORE[Relation.STAMP] * coerced[1]
                found.append(Candidate(item.name, coerced[0], part, score, Relation.STAMP))
    return found


# The credentials that mark a clinician's name (compared after ``compact``).
CLINICIAN_MARKS = DOCTOR_MARKS | frozenset(
    compact(c) for c in ("APRN", "FNP-C", "FNP", "PA-C", "DNP", "CRNP", "NP-C")
)
# A stamp's frame is at most this many of its lines high.
STAMP_LINES = 5


def _segment_before(line: Line, match: LabelMatch) -> tuple[Word, ...]:
    """The segment of a line just before a label, when a segment ends there."""
    before = [
        part for part in segments(line) if part[-1].bbox.x1 <= line.words[match.start].bbox.x0
    ]
    return before[-1] if before else ()


# A state code and a ZIP code: the end of an address.
STATE_ZIP = re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b")
_BLOCK_END = ("directions", "refills", "signature", "dea", "license", "substitution")


def block_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """Unlabelled lines after the last labelled row before the next labels, one entry a line."""
    if Place.BLOCK not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    order = [s.name for s in FIELDS[doc.vocab.document_type]]
    before = set(order[: order.index(item.name)]) - {"prescriber"}
    stops = [a.match for a in doc.anchors]
    rows: list[int] = []
    for anchor in (*doc.anchors, *doc.weak_anchors):
        row = any(k.startswith("field:") and k.split(":")[1] in before for k in anchor.keys)
        if not row and "label:age" not in anchor.keys:
            continue
        rows.append(anchor.match.line)
        if not value_right(doc.lines, anchor.match, stops):
            below = value_below(doc.lines, anchor.match, stops)
            if below and _row_value(doc, anchor, below):
                rows.append(doc.line_of(below[0]))  # the row's value under its label
    if not rows:
        return []
    # what stands left of a large ℞ is another column (a side panel listing the practice's
    # doctors under its "PROVIDERS" heading): its words neither end the block nor fill it
    mark = _rx_mark(doc, min(rows), len(doc.lines))
    left = -1.0 if mark is None else mark.bbox.x0 - mark.bbox.height
    # the rows over the block come before what ends it (a footer's "For dental use only"
    # under the signature is no patient's row)
    ends = [a for a in doc.anchors if names_any(a, _BLOCK_END) and a.words[0].bbox.x0 > left]
    ending = [a.match.line for a in ends if a.match.line > min(rows)]
    rows = [line for line in rows if not ending or line < min(ending)]
    start = max(rows) + 1
    end = len(doc.lines)
    for index in range(start, len(doc.lines)):
        if any(a.match.line == index for a in ends) or is_refill_row(doc.lines[index].words):
            end = index
            break
        if doc.lines[index].page != doc.lines[start - 1].page:
            end = index
            break
    lines: list[tuple[Word, ...]] = []
    weak_lines = {a.match.line for a in doc.weak_anchors}
    own_key = f"field:{item.name}"
    for index in range(start, end):
        anchors = doc.anchors_on(index)
        own = {w for a in anchors if own_key in a.keys for w in a.words}
        # a label the entry runs past (``Qty: 10`` right of a medicine) ends the entry
        past = [a.match.start for a in anchors if a.match.start > 0 and names_any(a, item.skips)]
        cut = min(past, default=None)
        if cut is not None:
            anchors = [a for a in anchors if a.match.start < cut]
        if len(own) < sum(len(a.words) for a in anchors) or index in weak_lines:
            continue  # another label's line; the field's own ("Rx") only starts the block
        line_words = tuple(
            w
            for w in doc.lines[index].words[:cut]
            if w not in own and w is not mark and w.bbox.x0 > left
        )
        if any(word_key(w) in doc.foreign for w in line_words):
            continue  # another document type's labelled field
        words = without_quantities(doc, _trim_fillers(line_words), top=start)
        if words and _unlabelled_address(words):
            continue  # an unlabelled address ("53 Lake Ct, Anchorage, AK 99501") is no medicine
        if words and words[-1].text.endswith(":"):
            continue  # a sentence's lead-in to the list ("the following:")
        if any(w.text.endswith("?") for w in words):
            continue  # a question the form asks ("Currently pregnant?  Yes  No")
        if words and not kind.fit(text_of(doc.words_for(words, item.medical))):
            continue  # no drug the lexicon knows and no strength: a town under the name
        if words and medicine_text(doc, text_of(words)):
            lines.append(doc.words_for(words, item.medical))
    if not lines:
        return []
    words = tuple(w for ws in lines for w in ws)
    text = "\n".join(medicine_text(doc, text_of(ws)) for ws in lines)
    if (ticked := ticked_medicines(doc, words)) is not None:
        text, words = ticked
    coerced = coerce(doc, spec, kind, text)
    if coerced is None:
        return []
    score = BASE_SCORE[Relation.BLOCK] * coerced[1]
    return [Candidate(item.name, coerced[0], words, score, Relation.BLOCK)]


# How much taller than the page's text the ℞ is drawn when it marks the writing area.
RX_MARK_SIZE = 1.6


def _rx_mark(doc: Page, start: int, end: int) -> Word | None:
    """The first ℞ drawn large among lines ``start:end``: the writing area's left edge.

    A pad draws its ℞ two or three times the text's height; OCR reads it as ``Rx``, ``Px``
    or ``R`` (``RX_NOISE``), often on one line with a side panel's words left of it.
    """
    if start >= end:
        return None
    page = doc.lines[start].page
    heights = [w.bbox.height for ln in doc.lines if ln.page == page for w in ln.words]
    typical = float(median(heights)) if heights else 0.0
    for index in range(start, end):
        if doc.lines[index].page != page:
            break  # (the writing area of the page the rows are on)
        words = doc.lines[index].words
        for place, word in enumerate(words):
            if place and word.bbox.x0 - words[place - 1].bbox.x1 < COLUMN_GAP * typical:
                continue  # a word of a sentence ("tablets by mouth"), no mark of its own
            if read_as_rx(word) and word.bbox.height >= RX_MARK_SIZE * typical:
                return word
    return None


# Words of a medicine's dose: a line holding one is no address ("1 MELOXICAM I5 MG TAB").
_DOSE_WORDS = frozenset(
    {"mg", "mcg", "ml", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules"}
)


def _unlabelled_address(words: Sequence[Word]) -> bool:
    """Whether a line is an address: with its state and ZIP, or of an address's form.

    A line with a dose is none: "8714 Cedar Street Apt 6, Charleston, 29401" is an address,
    "1 MELOXICAM I5 MG TAB" and "2 Bupropion 300 ma" (its unit misread) are not.
    """
    text = text_of(words)
    if STATE_ZIP.search(text):
        return True
    dose = STRENGTH.search(strengths_mended(text)) or any(
        w.text.strip(",.;:").lower() in _DOSE_WORDS for w in words
    )
    return not dose and VALUE_TYPES["address"].fit(text) > 0


def _row_value(doc: Page, anchor: Anchor, words: tuple[Word, ...]) -> bool:
    """Whether words under a row's label are its value (of its type), not a medicine line."""
    names = [k.split(":", 1)[1] for k in anchor.keys if k.startswith("field:")]
    text = text_of(words)
    if not names:
        return True
    return any(VALUE_TYPES[doc.vocab.field(name).value].fit(text) > 0 for name in names)


def _trim_fillers(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words without the rules and specks before and after them (a dash inside stays)."""
    start, end = 0, len(words)
    while start < end and is_filler(words[start].text):
        start += 1
    while end > start and is_filler(words[end - 1].text):
        end -= 1
    return words[start:end]


def row_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A printed row of the field's choices (``0 1 2 3 4 5 PRN``) found without its label."""
    if Place.ROW not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    found = []
    if kind.name == "refills":
        # the row's label, or its word inside a row of boxed options ("Do not refill")
        lines = {a.match.line for a in doc.anchors if f"field:{item.name}" in a.keys}
        lines |= {
            i
            for i, line in enumerate(doc.lines)
            if any(compact(w.text).startswith(_REFILL) for w in line.words)
        }
        for index in sorted(lines):
            found.extend(_boxed_refills(doc, spec, item, doc.lines[index]))
    # (a row's labels are none of its entries: "No. of Refills")
    labelled = {(a.match.line, i) for a in doc.anchors for i in range(a.match.start, a.match.end)}
    for index, line in enumerate(doc.lines):
        entries = [w for i, w in enumerate(line.words) if (index, i) not in labelled]
        if not is_refill_row(entries):
            continue
        words = tuple(w for w in line.words if not doc.is_label_text(w.text))
        text: str | None
        if (written := written_after_other(line.words)) is not None:
            text, sureness = written, 0.9  # (the row's "Other" is a label: not in its words)
        else:
            text, sureness = read_refill_row(words, doc.marks.get(line.page))
        if text is None:
            continue
        coerced = coerce(doc, spec, kind, text)
        if coerced is not None:
            score = BASE_SCORE[Relation.ROW] * sureness * coerced[1]
            found.append(Candidate(item.name, coerced[0], words, score, Relation.ROW))
    return found


def _boxed_refills(doc: Page, spec: FieldSpec, item: FieldWords, line: Line) -> list[Candidate]:
    """Refills from a row of boxed options: "[ ] No refills  Refill _2_ times  [ ] PRN".

    Each drawn box answers the words after it: the one clearly ticked gives its option (none
    or PRN); with no box ticked, the number written before ``times`` is the count.
    """
    marks = doc.marks.get(line.page)
    words = line.words
    if marks is None or len(words) < 2:
        return []
    size = float(sorted(w.bbox.height for w in words)[len(words) // 4])
    boxes = row_boxes(words, marks, size)
    if len(boxes) < 2:
        return []
    options: list[tuple[int | str | None, tuple[Word, ...]]] = []
    for index, (box, _fill) in enumerate(boxes):
        end = boxes[index + 1][0].x0 if index + 1 < len(boxes) else 10**9
        # (OCR may take the box into its option's first word: "☐No" read as "No")
        entry = tuple(w for w in words if box.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < end)
        options.append((_refill_option(entry), entry))
    kind = VALUE_TYPES[item.value]
    chosen = decide([fill for _, fill in boxes])
    if chosen is not None:
        value, entry = options[chosen]
        sureness = 1.0
    elif max(fill for _, fill in boxes) < TICKED_INK and (count := _count_before_times(words)):
        value, entry = _coerce_count(count), count
        sureness = 0.98
    else:
        return []
    if value is None or not entry:
        return []
    coerced = coerce(doc, spec, kind, str(value))
    if coerced is None:
        return []
    score = BASE_SCORE[Relation.TICKED] * sureness * coerced[1] * BOXED_ROW
    return [Candidate(item.name, coerced[0], entry, score, Relation.TICKED)]


# A refill row read from its boxes outranks a label's reading of one option's words.
BOXED_ROW = 1.02


def _refill_option(entry: Sequence[Word]) -> int | str | None:
    """What a boxed option of a refill row says: ``PRN``, none (0), or nothing known."""
    keys = [compact(w.text) for w in entry]
    if _PRN in keys or _AS_NEEDED in "".join(keys):
        return "PRN"
    if any(k in _NONE_WORDS for k in keys[:3]):
        return 0
    return None


_PRN, _AS_NEEDED, _REFILL = compact("PRN"), compact("as needed"), compact("refill")
_NONE_WORDS = frozenset(compact(w) for w in ("no", "not", "nr", "none", "zero"))
_TIMES = frozenset(compact(w) for w in ("times", "time", "x"))


def _count_before_times(words: Sequence[Word]) -> tuple[Word, ...]:
    """The word written in the blank before ``times`` ("Refill _2_ times")."""
    for before, word in pairwise(words):
        if compact(word.text) in _TIMES and any(c.isalnum() for c in before.text):
            return (before,)
    # "Refill2times"; a bare figure is a printed option ("[ ] 2"), no count written in a blank
    glued = [w for w in words if _GLUED_COUNT.fullmatch(w.text) and not w.text.isdigit()]
    return tuple(glued[:1])


# A count OCR read glued to the words around it: "Refill2times", "Refill2", "2times".
_GLUED_COUNT = re.compile(r"[A-Za-z()]*?(\d{1,2})(?:times?|x)?", re.IGNORECASE)


def _coerce_count(words: Sequence[Word]) -> str:
    """A count as written: a stroke read as a dash or a letter is the figure one."""
    text = text_of(words).strip(" _")
    if text in ("一", "-", "—", "l", "I", "|", "/"):
        return "1"
    glued = _GLUED_COUNT.fullmatch(text)  # "Refill2": the blank's 2
    return glued.group(1) if glued else text


def _owned(doc: Page) -> set[tuple[int, int, int, int, int]]:
    """The words another printed label of no field introduces: its own ("born 19 Sep 1951")."""
    stops = [a.match for a in doc.anchors]
    return {
        word_key(w)
        for a in doc.anchors
        if not any(k.startswith("field:") for k in a.keys)
        for w in value_right(doc.lines, a.match, stops)
    }


# A measure written with its unit, glued or not ("82 kg", "182cm").
_MEASURE = re.compile(r"(\d{2,3}(?:\.\d)?)([a-z]*)\.?", re.IGNORECASE)


def unit_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A number written with the field's own unit, wherever it stands ("82 kg" is a weight).

    Its label may be lost (turned up a box's side, OCR read none of it); the unit still says
    which measure it is. Counts as little as a value found anywhere: a label's value wins.
    """
    if not item.units:
        return []
    units = {u.lower() for u in item.units}
    owned = _owned(doc)
    found = []
    for line in doc.lines:
        words = line.words
        for index, word in enumerate(words):
            measure = _MEASURE.fullmatch(word.text)
            if measure is None:
                continue
            unit = measure.group(2).lower()
            taken: tuple[Word, ...] = (word,)
            if not unit and index + 1 < len(words):
                unit, taken = words[index + 1].text.lower().rstrip(".,;"), (word, words[index + 1])
            keys = {word_key(w) for w in taken}
            if unit not in units or keys & owned or keys & doc.foreign:
                continue
            coerced = coerce(doc, spec, VALUE_TYPES[item.value], measure.group(1))
            if coerced is not None:
                score = BASE_SCORE[Relation.ANYWHERE] * coerced[1]
                found.append(Candidate(item.name, coerced[0], taken, score, Relation.ANYWHERE))
    return found


def anywhere_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """Every value of the field's type on the page, found by its search pattern (a last resort)."""
    if Place.ANYWHERE not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    found = []
    owned = _owned(doc)
    for line in doc.lines:
        for part in segments(line):
            text, starts = "", []
            for word in part:
                starts.append(len(text))
                text += word.text + " "
            for match in kind.pattern.finditer(text) if kind.pattern else ():
                words = tuple(
                    w
                    for w, at in zip(part, starts, strict=True)
                    if at < match.end() and at + len(w.text) > match.start()
                )
                coerced = coerce(doc, spec, kind, match.group(0))
                if any(word_key(w) in doc.foreign or word_key(w) in owned for w in words):
                    continue  # another type's field ("Date of Birth: ..."), a label's value
                if coerced is not None and words:
                    score = BASE_SCORE[Relation.ANYWHERE] * coerced[1]
                    found.append(Candidate(item.name, coerced[0], words, score, Relation.ANYWHERE))
    return found
