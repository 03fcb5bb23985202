"""Candidates at a field's own labels: every relation that finds a value by its label.

:func:`label_candidates` looks right of each label, beside it on a tilted line, below and
above it, inside its ruled cell and down its column, and runs on over the following lines for
multi-line values. :func:`candidate_from` turns the words a relation found into a scored
candidate (choices and refills read from their marks, lists and medicines from their entries)
and :func:`coerce` makes every value canonical by its type; the other candidate sources build
their candidates with the same two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from statistics import median

from rapidfuzz import fuzz

from medreview.documents import FIELDS, YES_NO, FieldKind, FieldSpec
from medreview.model import BBox, FieldData, Word
from medreview.parsing import canonical
from medreview.parsing.blanks import blank_before, on_blank
from medreview.parsing.cells import (
    TYPED,
    box_above,
    box_opened,
    box_under_tab,
    boxed_under_heads,
    captions_under,
    cell_over_caption,
    column_below,
    column_choice,
    field_kinds,
    label_cell,
    next_cell,
    own_row,
    row_choice,
    rule_over,
    under_heading,
    value_above_label,
    within_cell,
    words_in_cell,
)
from medreview.parsing.choices import (
    ABSTAIN,
    is_partial_row,
    is_refill_row,
    option_spans,
    prints_choices,
    read_box_row,
    read_choice,
    read_refill_row,
    read_statements,
    split_yes_no,
    statement_options,
    to_row_end,
    written_after_other,
)
from medreview.parsing.choices import REFILL_ROW as REFILL_CHOICES
from medreview.parsing.layout import (
    BELOW_REACH,
    COLUMN_GAP,
    ENUMERATION,
    PART_OPENER,
    SECTION_MARK,
    SECTION_WORD,
    LabelMatch,
    Line,
    column_end,
    compact,
    in_capitals,
    is_order,
    labelled_words,
    lettered_item,
    lettered_part,
    numbers_only,
    segments,
    value_above,
    value_below,
    value_beside,
    value_right,
    value_wrapped,
)
from medreview.parsing.legend import is_key_line, spelled_out
from medreview.parsing.lists import (
    OTHER_LINES,
    answer_legend,
    down_the_columns,
    entry_words,
    glyph_list,
    heads_over_boxes,
    is_box_text,
    is_instruction,
    is_other_label,
    marked_table,
    marked_value,
    medicine_text,
    none_option,
    orders_writing,
    other_entries,
    read_as_rx,
    row_number,
    rows_on,
    tick_list,
    ticked_medicines,
    without_quantities,
)
from medreview.parsing.marks import BOX_SCALES, Cell, PageMarks
from medreview.parsing.ocrtext import without_joint
from medreview.parsing.page import (
    BASE_SCORE,
    LABEL_TYPES,
    MEASURE_UNITS,
    UNNAMED_PART,
    ZIP_CODE,
    Anchor,
    Candidate,
    Page,
    Relation,
    by_signature,
    is_filler,
    lines_text,
    text_of,
    word_key,
)
from medreview.parsing.trailing import (
    captions_after,
    detached_value,
    ruled_before,
    value_before,
)
from medreview.parsing.values import VALUE_TYPES, ValueType
from medreview.parsing.vocabulary import FieldWords, Place

# A damaged label counts this much, and only before a value that fully fits its type.
WEAK_FACTOR = 0.8
# A shared label's place that is not the field's turn counts this much.
SHARED_ORDER = 0.97
# A shared label in the row of another field's question counts this much for the field.
OTHER_QUESTION = 0.75
# Values under their labels on a form that prints captions under the values (or values over
# labels on a form that prints labels over values) count this much.
AGAINST_CONVENTION = 0.7
# A choice's answer read past the question's cell counts this much.
OUTSIDE_CELL = 0.9
# A label found outside the field's section counts this much.
OUTSIDE_SECTION = 0.35


# A yes / no question's coding category as a list reads it: the answer, maybe its code and
# where it sends the interviewer ("NO 2 F3", "YES 1 -> D1", "NO 2 END").
CODING_ROW = re.compile(
    r"^(?:yes|no|don'?t know|not sure|dk)(?:\s+(?:\d|x|->|→|[a-z]?\d{1,2}|end(?: of form)?))*$",
    re.IGNORECASE,
)


def _before_next_question(doc: Page, anchor: Anchor, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A choice's words in its cell, up to the next line that asks a question of its own.

    A table whose row rules are too faint to find is one cell: "Measles  ✓" is followed by
    "Mumps  ✓" and "Hepatitis B series?  YES  (NO)", each another question's answer.
    """
    asking = {
        a.match.line
        for a in doc.anchors
        if a.match.line > anchor.match.line and a is not anchor and a.keys
    }
    asking |= {doc.line_of(w) for w in words if w.text.endswith("?")}
    asking.discard(anchor.match.line)
    if not asking:
        return words
    return tuple(w for w in words if doc.line_of(w) < min(asking))


def _immunity_answer(text: str) -> bool:
    """Whether a text is an immunity table's answers, as OCR reads them ("Immurie").

    "IMMUNE", "Not immune", or the heads of the table's columns read as one entry ("IMMUNE NOT
    IMMUNE DON'T KNOW"); "IODINE" is an allergy, however like "immune" a loose match finds it.
    """
    words = [compact(w) for w in text.split()]
    heads = [max(IMMUNITY_HEADS, key=lambda h: fuzz.ratio(w, h)) for w in words]
    matched = [fuzz.ratio(w, h) >= IMMUNITY_READ for w, h in zip(words, heads, strict=True)]
    return bool(words) and all(matched) and bool({IMMUNE, NON_IMMUNE} & set(heads))


# The words an immunity table's answers and column heads are made of, and how closely OCR's
# reading of one must match.
IMMUNE, NON_IMMUNE = compact("immune"), compact("non-immune")
IMMUNITY_HEADS = (IMMUNE, NON_IMMUNE, "not", "non", "dont", "know", "unsure", "unknown", "sure")
IMMUNITY_READ = 75.0


def coerce(
    doc: Page, spec: FieldSpec, kind: ValueType, text: str
) -> tuple[FieldData, float] | None:
    """The canonical value of a text and how valid it is (1, or less when the validator objects)."""
    value = kind.coerce(text, doc.order, spec.choices)
    if value is None or value == "":
        return None
    if isinstance(value, str) and spec.kind is FieldKind.STRING and doc.is_label_text(value):
        return None
    if isinstance(value, list) and value:
        # a list running on into printed labels (a footer's "Patient Signature") keeps none,
        # nor the coding categories of its yes / no question ("NO 2 -> F3"), nor an immunity
        # table's printed answer heads ("IMMUNE  NOT IMMUNE")
        value = [
            e
            for e in value
            if not doc.is_label_text(e) and not CODING_ROW.match(e) and not _immunity_answer(e)
        ]
        if not value:
            return None
    problem = kind.problem(spec, value)
    return value, (1.0 if problem is None else 0.6)


# Sections about another party than the patient and the people the fields name: what is
# labelled there is none of the document's fields.
OTHER_PARTIES = ("doctor", "referral")
# A heading stands alone on its line: this many words at most, its part's number included.
HEADING_WORDS = 6


# A field's fallback label (the vocabulary's ``fallback``) counts this much: less than a value
# under another of its labels.
FALLBACK_LABEL = 0.88
# A label on a later page than the document's first counts this much: the same label printed
# on the first page is the field's.
LATER_PAGE = 0.94
# ... and a date beside the signature there this much more: a date the first page shows
# unlabelled at its top right is the record's rather.
SIGNING_DATE = 0.8


def _label_factor(doc: Page, item: FieldWords, anchor: Anchor) -> float:
    """How much a label counts for a field: its match and whether it is in the field's section."""
    factor = 0.9 + 0.1 * min(1.0, anchor.match.score / 100.0)
    # a date of the document itself (the referral's date is the record's) is no party's
    parties = OTHER_PARTIES if item.section is not None or item.value != "date" else ()
    for name in parties:
        scope = doc.section_scope(name)
        if scope is None or not scope[0] < anchor.match.line < scope[1]:
            continue
        heading = doc.lines[scope[0]].words
        if _heads_people(doc, scope[0]):
            continue  # a person table's column heads ("Patient  Contact  Your family doctor")
        if len(heading) <= HEADING_WORDS and not holds_other_value(text_of(heading)):
            return 0.0  # under its own heading, the family doctor's telephone is no field
    if _heads_others_table(doc, anchor):
        return 0.0  # "Continue these home medicines" over "Medicine | Instructions"
    if item.value != "date" and _in_office_box(doc, anchor):
        return 0.0  # "Issued by" in the box headed "DISPENSARY USE": the dispenser
    if anchor.match.label in item.fallback:
        factor *= FALLBACK_LABEL  # "Referral date" beside "Evaluation date"
    if doc.lines[anchor.match.line].words[0].page > doc.lines[0].words[0].page:
        factor *= LATER_PAGE  # the first page's "Date" is the record's; the last's, a signature's
        if item.value == "date" and by_signature(doc, anchor.match.line):
            factor *= SIGNING_DATE  # ("Signature of patient   Date signed" on the last page)
    if item.section is None and _after_party(doc, anchor):
        factor *= PARTY_ROW  # "Doctor or nurse: ...  Date: ...": the clinician's date
    if item.section is not None:
        if doc.section_scope(item.section) is None:
            factor *= 0.85
        elif not doc.in_section(item.section, anchor.match.line):
            factor *= OUTSIDE_SECTION
    # a label shared with other fields says less by itself; printed several times, its
    # n-th place goes rather to the n-th field sharing it (patient, then emergency contact)
    fields = [k for k in anchor.keys if k.startswith("field:")]
    if len(fields) > 1 and item.section is None:
        factor *= 0.9
    if len(fields) > 1:
        owner = _row_owner(doc, anchor, fields)
        if owner is not None:
            # "whom should we contact?  FULL NAME ___": the question owns its row's caption
            if owner != f"field:{item.name}":
                factor *= OTHER_QUESTION
            return factor
        same = [a for a in doc.anchors if a.match.key == anchor.match.key]
        place = next((i for i, a in enumerate(same) if a is anchor), -1)
        if place != fields.index(f"field:{item.name}"):
            factor *= SHARED_ORDER
    return factor


def _in_office_box(doc: Page, anchor: Anchor) -> bool:
    """Whether a label stands in a drawn box an office's heading opens ("DISPENSARY USE").

    What is labelled there is the office's (the dispenser, the number it files under), but for
    a date: a clinic's box may date the visit itself.
    """
    cell = label_cell(doc, anchor)
    if cell is None:
        return False
    for other in doc.anchors:
        if other.match.line >= anchor.match.line or not OFFICE_HEADINGS & set(other.keys):
            continue
        heading = BBox.union(w.bbox for w in other.words)
        if heading.y0 - cell.y0 >= OFFICE_HEADING_TOP * heading.height:
            continue
        # the heading's own cell: a larger cell that merely holds it heads no box (tried, it
        # took the insurance answers of a sleep clinic's form)
        own = label_cell(doc, other)
        if own is not None and _bounds(own) == _bounds(cell):
            return True
    return False


def _bounds(cell: Cell) -> tuple[int, int, int, int]:
    """A cell's sides, whatever point its tilt is measured from."""
    return cell.x0, cell.y0, cell.x1, cell.y1


# The labels that, first in a drawn box, make it an office's ("For pharmacy use") ...
OFFICE_HEADINGS = frozenset({"label:pharmacy", "label:office_use"})
# ... standing within this many of their heights under the box's top.
OFFICE_HEADING_TOP = 2.0


def _heads_people(doc: Page, line: int) -> bool:
    """Whether a line heads a person table's columns: the patient's or the contact's too.

    The family doctor's column there is one column of the table, no section running on
    down the page.
    """
    keys = {k for a in doc.anchors_on(line) for k in a.keys}
    return bool(keys & PERSON_HEADS)


# The column heads a person table names the patient or the contact by (people.py's tables).
PATIENT_HEAD = "label:patient_column"
EMERGENCY_HEAD = "section:emergency"
PERSON_HEADS = frozenset({PATIENT_HEAD, EMERGENCY_HEAD})


def _heads_others_table(doc: Page, anchor: Anchor) -> bool:
    """Whether a label heads a column of a table that holds none of the document's fields.

    A discharge sheet lists the home medicines to go on with and those to stop beside the
    new prescriptions, each table under its own heading: the heading's line and the columns'
    heads right under it label nothing of the prescription's.
    """
    line = anchor.match.line
    page = doc.lines[line].page
    return any(
        title in OTHER_TABLES and 0 <= line - start <= TABLE_HEADS and doc.lines[start].page == page
        for start, title in doc.sections
    )


# Sections whose tables list what is none of the document's fields ...
OTHER_TABLES = ("home_medicines",)
# ... their columns' heads printed at most this many lines under the heading.
TABLE_HEADS = 2


# The document's date as the last of a row of visits' dates outranks the row's first.
LATEST_VISIT = 1.01


def _latest_visit(doc: Page, item: FieldWords, kind: ValueType, anchor: Anchor) -> tuple[Word, ...]:
    """The last date of a row of dates in cells after the document date's label.

    "DATE | 5/8/19 | 22/8/19 |": the visits' dates, one per attempt; the document is the
    last visit's.
    """
    if kind.name != "date" or Place.CORNER not in item.places:
        return ()
    after = _words_after(doc, anchor)
    dates = typed_runs(kind, after, whole=2.0)
    if len(dates) < 2 or any(kind.fit(text_of(d)) < 1.0 for d in dates):
        return ()
    if sum(len(d) for d in dates) != len(after):
        return ()  # other words between: "Date: 10 May 2019  RECEIVED JUN 4 2019" is no row
    return dates[-1]


def _after_party(doc: Page, anchor: Anchor) -> bool:
    """Whether a label stands in the row of another party's name (a clinician, a reviewer)."""
    before = [a for a in doc.anchors_on(anchor.match.line) if a.match.end <= anchor.match.start]
    # (the party's label leads its name: "Reviewed by:", not running text's "completed by")
    return any(
        k.split(":", 1)[1] in PARTY_LABELS and a.words[-1].text.endswith(":")
        for a in before
        for k in a.keys
    )


# The labels naming a party other than the patient, whose row's date or phone is theirs ...
PARTY_LABELS = frozenset({"primary_care", "completed_by", "office_use", "referral"})
# ... and how much a document's field counts at a label in such a row.
PARTY_ROW = 0.9


def _row_owner(doc: Page, anchor: Anchor, fields: Sequence[str]) -> str | None:
    """The one field a question left of a shared label on its line asks for, if any.

    A question wrapped onto the next line ends there, left of the label ("... whom should
    we  NAME ___" over "contact?").
    """
    line = anchor.match.line
    owners = [a for a in doc.anchors_on(line) if a.match.end <= anchor.match.start]
    if line + 1 < len(doc.lines):
        left = anchor.words[0].bbox.x0
        owners += [a for a in doc.anchors_on(line + 1) if a.words[-1].bbox.x1 < left]
    for before in sorted(owners, key=lambda a: -a.match.end):
        own = [k for k in before.keys if k.startswith("field:")]
        if len(own) == 1 and own[0] in fields and before.words[-1].text.endswith("?"):
            return own[0]
    return None


def _in_small_letters(words: Sequence[Word]) -> bool:
    """Whether words are mostly in small letters ("Osteoporosis, Gout"; not "Px NAPROXEN")."""
    letters = [c for w in words for c in w.text if c.isalpha()]
    return sum(c.islower() for c in letters) * 2 > len(letters)


def _row_number(line: Line, otherwise: int = -1) -> int:
    """The number a row begins with ("3." is 3), ``otherwise`` when it begins with none."""
    number = row_number(line.words[0].text) if line.words else None
    return otherwise if number is None else number


def _outdented_title(line: Line, x0: float) -> bool:
    """Whether a line is a numbered section's title, left of a value's edge.

    "D. BODY MEASUREMENTS" under the conditions written in a question's cell ends them.
    """
    words = line.words
    if len(words) < 2 or words[0].bbox.x0 > x0 - line.height:
        return False
    return bool(SECTION_MARK.fullmatch(words[0].text)) and in_capitals(words[1:])


def _continuation(
    doc: Page,
    line_index: int,
    words: tuple[Word, ...],
    max_lines: int,
    ends: Sequence[str],
    skips: Sequence[str] = (),
    edge: float | None = None,
    boxed: bool = False,
    columns: bool = False,
    after_colon: bool = False,
) -> list[tuple[Word, ...]]:
    """Further lines of a value below it: starting near its left edge, no label first.

    ``max_lines`` 0 runs until a label, a refill row or a wide gap; a line that starts
    with one of the ``skips`` labels is passed over (a quantity under its medicine). Words
    right of ``edge`` (the next column's heading) are that column's. ``boxed``: rows led by
    check boxes run on to the last one (a check list's entries stand right of their boxes).
    ``columns``: a label far right of the value's lines is the next column's, and the value
    runs on left of it (an address box beside a column of labelled fields); a label and its
    value in a column of their own left of the value's do not end it either. ``after_colon``:
    the entries were written after their label's colon, so a row led by check boxes under them
    is an option, no entry (``Allergies: Milk``, then ``[X] Takes no medicines``).
    """
    if max_lines == 1 or not words:
        return []
    running = max_lines == 0
    previous = doc.lines[line_index]
    first_height = previous.height
    # the ℞ before a first numbered row stands in the margin: the rows begin at its number, or
    # at the first drug, well apart from it
    apart = len(words) > 1 and words[1].bbox.x0 - words[0].bbox.x1 > COLUMN_GAP * first_height
    numbered_first = len(words) > 2 and ENUMERATION.match(words[1].text)
    lead = 1 if read_as_rx(words[0]) and (numbered_first or apart) else 0
    x0 = words[lead].bbox.x0
    extra: list[tuple[Word, ...]] = []
    numbered = _numbered(previous)
    if not numbered and _no_entry(words) and line_index + 1 < len(doc.lines):
        # the form's instruction, or its "[ ] None" option, then the numbered rows
        numbered = _numbered(doc.lines[line_index + 1])
    steps: list[float] = []  # the distances between the value's rows so far
    # where the labels the value runs past begin (a quantity's "supply" right of its medicine)
    aside: float | None = min(
        (
            previous.words[a.match.start].bbox.x0
            for a in doc.anchors_on(line_index)
            if a.match.start > 0 and names_any(a, skips)
        ),
        default=None,
    )
    for index in range(line_index + 1, len(doc.lines)):
        line = doc.lines[index]
        full = not running and len(extra) + 1 >= max_lines
        checked = boxed and _holds_boxes(doc, line, BOX_SCALES)
        # numbered rows (1., 2., 3.) run on to the last one, and so do rows of check boxes
        more = (numbered and _numbered(line)) or checked
        if full and not (more and len(extra) + 1 < NUMBERED_LINES):
            break
        if line.page != previous.page:
            break
        reach = (4.0 if running else BELOW_REACH) * max(line.height, previous.height, first_height)
        step = line.center_y - previous.center_y
        if step > reach:
            break
        if len(steps) >= 2 and step > ROW_STEP_JUMP * max(steps):
            break  # rows evenly spaced so far, then a wider gap: something else begins
        if sum(c.isalnum() for w in line.words for c in w.text) <= 1:
            continue  # a speck or a rule between the lines (OCR may read it "I")
        if boxed and all(read_as_rx(w) for w in line.words):
            continue  # a tall ℞ beside the rows, read as a line of its own between them
        # (an address's next line in capitals on its tinted box, with no label, is no title)
        titled = doc.ruled_heading(index) and not (columns and not doc.anchors_on(index))
        opens = _opens_section(doc, index)
        # the next numbered row written in capitals ("1. AMOXICILLIN") is no title
        next_row = numbered and _row_number(line) == _row_number(previous, 0) + 1
        outdented = _outdented_title(line, x0) and not next_row
        if is_refill_row(line.words) or titled or opens or outdented:
            break  # a refill row, or the next section's heading
        if index in over_captions(doc):
            break  # the value over another field's caption ("Instructions" under its box)
        if boxed and in_capitals(line.words) and _in_small_letters(words) and not next_row:
            break  # a title in capitals under entries that are not ("PROVIDER VERIFICATION")
        here = doc.anchors_on(index)
        if here and here[0].match.start == 0 and names_any(here[0], skips):
            previous = line
            continue
        if aside is not None and all(w.bbox.x0 >= aside for w in line.words):
            continue  # a quantity set a little lower than its label ("supply" / "30"), aside
        if running:
            if any(_ends_running(a, ends) for a in here) or _holds_boxes(doc, line):
                break  # a label opening a line, or a row of check boxes
            taken = line.words
        else:
            if checked and after_colon:
                break  # a boxed option under the entries written after the label
            # a label the value runs past, right of it (``Qty: 10`` after a medicine), ends
            # the line's part of the value
            past = [a.match.start for a in here if a.match.start > 0 and names_any(a, skips)]
            if past:
                start = line.words[past[0]].bbox.x0
                aside = start if aside is None else min(aside, start)
            # so does another column's label far right of the value's start ("Sacramento,
            # 95814   SUPERVISOR: ..." under a tall address box)
            beside = [
                a.match.start
                for a in here
                if columns
                and a.match.start > 0
                and a.words[0].bbox.x0 > x0 + COLUMN_LABEL * line.height
            ]
            cut = min(past + beside, default=len(line.words))
            margin = x0 - 2 * line.height
            left = [a for a in here if a.match.start < cut]
            if any(not (columns and _own_column(line, a, margin)) for a in left):
                break
            if left and not any(w.bbox.x1 > margin for w in line.words[:cut]):
                break  # only another column's label and value: the value ended above
            lettered = [w for w in line.words[:cut] if w.bbox.x1 <= margin and w.text.isalpha()]
            if columns and lettered and not left:
                break  # running text begun left of the value's column ("Is your injury ...")
            if checked and any(w.bbox.x1 <= margin and w.text[:1].isalpha() for w in line.words):
                break  # a row of boxes reaching well left of the value: a wider list's, below
            taken = tuple(w for w in line.words[:cut] if w.bbox.x1 > margin)
            if edge is not None:
                taken = tuple(w for w in taken if (w.bbox.x0 + w.bbox.x1) / 2 < edge)
            if not taken:
                continue  # words in the margin only (a section's title set on end)
            if taken[0].bbox.x0 > x0 + 3 * line.height and not checked:
                break
        extra.append(taken)
        steps.append(step)
        previous = line
    return extra


# A label this many text heights right of where a value's lines begin is another column's.
COLUMN_LABEL = 8.0


def _own_column(line: Line, anchor: Anchor, margin: float) -> bool:
    """Whether a label and its value stand wholly left of ``margin``, in a column of their own.

    A card's back runs its claims address on down the right while the front's ``MEMBER NAME``
    and its name fill the left of the same line.
    """
    end = anchor.words[-1].bbox.x1
    after = line.words[anchor.match.end :]
    own = [w for w in after if end < w.bbox.x0 and w.bbox.x1 <= margin]
    beyond = [w for w in after if w.bbox.x1 > margin]
    # (a wide gap parts the two columns: running text across the line is one column)
    return (
        end < margin
        and bool(own)
        and (not beyond or beyond[0].bbox.x0 - own[-1].bbox.x1 > COLUMN_GAP * line.height)
    )


def _is_label_word(word: Word) -> bool:
    """Whether a word is a printed label by its form: letters ending with a colon."""
    text = word.text
    return len(text) > 3 and text.endswith(":") and text[:-1].replace("/", "").isalpha()


def _holds_boxes(doc: Page, line: Line, scales: Sequence[float] = (1.0,)) -> bool:
    """Whether a line begins with check boxes: one or two drawn just before its first word.

    ``scales``: the sizes of box looked for, as shares of the line's height (a check list's
    boxes may be drawn much smaller than the line OCR gives its words).
    """
    marks = doc.marks.get(line.page)
    if marks is None or not line.words:
        return False
    # (past what OCR read of a box or its tick: "c", "s")
    first = next((w.bbox for w in line.words if len(w.text) > 2), line.words[0].bbox)
    size = float(median(w.bbox.height for w in line.words))
    half = int(size / 2)
    band = BBox(
        first.x0 - int(LEADING_BOXES * size), first.y0 - half, first.x0 + half, first.y1 + half
    )
    return any(marks.boxes(band, scale * size) for scale in scales)


# A check list's boxes stand within this many text heights before its entry (a Yes and a No box).
LEADING_BOXES = 5.0


# A gap this many times the widest step between a value's rows so far ends the value.
ROW_STEP_JUMP = 1.6


def heads_table(doc: Page, anchor: Anchor | None) -> bool:
    """Whether a label heads a table's column: other columns' headings stand right of it."""
    if anchor is None:
        return False
    return any(
        f"label:{TABLE_HEADER}" in other.keys and other.match.start >= anchor.match.end
        for other in doc.anchors_on(anchor.match.line)
    )


# The headings of a table's other columns ([TYPE.labels] of the vocabulary).
TABLE_HEADER = "table_header"
# Numbered rows of a list run on to at most this many.
NUMBERED_LINES = 12


def line_mentions(doc: Page, anchor: Anchor, stem: str, *, after_label: bool = True) -> bool:
    """Whether a word on the label's line (after the label, or anywhere) begins with ``stem``.

    The wording a title carries says which relation it asks for: "(Signature, name, title)" a
    name under the signature, "Full name, address & phone number" an address under the name,
    "Please circle all that apply" (before the label or after it) a list of ringed items.
    """
    line = doc.lines[anchor.match.line].words
    words = line[anchor.match.end :] if after_label else line
    return any(compact(w.text).startswith(stem) for w in words)


def next_heading(doc: Page, anchor: Anchor | None) -> float | None:
    """Where the next label on the label's line begins (a table's next column, the next field)."""
    if anchor is None:
        return None
    after = [
        a.words[0].bbox.x0
        for a in doc.anchors_on(anchor.match.line)
        if a.match.start >= anchor.match.end
    ]
    return float(min(after)) if after else None


def _under_title_bar(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The line under a label that stands alone on its line, right of where that line begins.

    A section's title centred in its bar (``ORDERS``) heads the rows under it, which start at
    the page's margin, left of the title: no word stands in the title's own column.
    """
    match = anchor.match
    line = doc.lines[match.line]
    if match.start != 0 or match.end != len(line.words) or match.line + 1 >= len(doc.lines):
        return ()
    below = doc.lines[match.line + 1]
    if below.page != line.page or not below.words:
        return ()
    if below.center_y - line.center_y > BELOW_REACH * max(line.height, below.height):
        return ()
    if below.words[0].bbox.x1 >= line.words[0].bbox.x0:
        return ()  # the line starts under the title: value_below's case
    line_stops = {s.start for s in stops if s.line == match.line + 1}
    if 0 in line_stops:
        return ()  # the next row's label
    return tuple(below.words[: min(line_stops, default=len(below.words))])


def _numbered(line: Line) -> bool:
    """Whether a line begins with a row number (``1.``, ``2)``), after the ℞ of a first row.

    A row of numbered rules in two columns is one too by the right column's number past a
    wide gap, when OCR missed the first (``Clopidogrel      4.``).
    """
    words = line.words[1:] if line.words and read_as_rx(line.words[0]) else line.words
    if not words:
        return False
    if ENUMERATION.match(words[0].text) is not None:
        return True
    last = words[-1]
    return (
        len(words) >= 2
        and row_number(last.text) is not None
        and last.bbox.x0 - words[-2].bbox.x1 > COLUMN_GAP * line.height
    )


# A value written over its caption runs up at most this many lines when its field sets none.
UP_LINES = 6


def _continuation_up(
    doc: Page, line_index: int, words: tuple[Word, ...], max_lines: int
) -> list[tuple[Word, ...]]:
    """Further lines of a value written over its caption: the rules above it, nearest first."""
    if max_lines == 1 or not words:
        return []
    limit = max_lines if max_lines > 0 else UP_LINES
    x0 = words[0].bbox.x0
    extra: list[tuple[Word, ...]] = []
    below = doc.lines[line_index]
    steps: list[float] = []  # the distances between the value's lines so far
    for index in range(line_index - 1, -1, -1):
        line = doc.lines[index]
        if len(extra) + 1 >= limit or line.page != below.page:
            break
        step = below.center_y - line.center_y
        if step > 2.5 * max(line.height, below.height):
            break
        if steps and step > ROW_STEP_JUMP * max(steps):
            break  # the lines of a box evenly spaced, then a wider gap: another box's row
        if not any(c.isalnum() for w in line.words for c in w.text):
            continue
        if doc.anchors_on(index) or is_refill_row(line.words):
            break
        taken = tuple(w for w in line.words if w.bbox.x1 > x0 - 2 * line.height)
        if not taken or abs(taken[0].bbox.x0 - x0) > 3 * line.height:
            break
        extra.append(taken)
        steps.append(step)
        below = line
    return extra


def _address_lines(lines: Iterable[str]) -> str:
    """An address's printed lines as one value, each after a comma.

    A ZIP code wrapped alone onto the line under its state (``Pittsburgh, PA`` / ``15222``)
    follows the state after a space, as written on one line.
    """
    joined: list[str] = []
    for line in lines:
        if joined and ZIP_ALONE.fullmatch(line) and STATE_ENDS.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return ", ".join(joined)


ZIP_ALONE = re.compile(r"\d{5}(?:-\d{4})?")
STATE_ENDS = re.compile(r"\b[A-Z]\.?[A-Z]\.?$")


# An address in a box over its caption runs up to this many lines.
BOX_ADDRESS_LINES = 3


def _rows_before(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The rows numbered before a list's first one, just over it with their numbers in line.

    A tall ℞ beside the rows is read on the second row's line (``Rx 2. Ibuprofen 400 mg``):
    the list still begins at ``1.``, over it.
    """
    lead = 1 if len(words) > 1 and read_as_rx(words[0]) else 0
    number = words[lead]
    if not ENUMERATION.match(number.text) or not (digits := re.sub(r"\D", "", number.text)):
        return ()
    wanted = int(digits) - 1
    first = doc.line_of(words[0])
    rows: list[tuple[Word, ...]] = []
    below = doc.lines[first]
    for index in range(first - 1, -1, -1):
        if wanted < 1:
            break
        line = doc.lines[index]
        if line.page != below.page or below.center_y - line.center_y > BELOW_REACH * line.height:
            return ()
        mark = next(
            (
                w
                for w in line.words
                if ENUMERATION.match(w.text)
                and re.sub(r"\D", "", w.text) == str(wanted)
                and abs(w.bbox.x0 - number.bbox.x0) <= line.height
            ),
            None,
        )
        if mark is None:
            return ()
        at = line.words.index(mark)
        # (up to a label after it on the row: "Dispense #90" is the row's quantity)
        after = [a.match.start for a in doc.anchors_on(index) if a.match.start > at]
        rows.append(line.words[at : min(after, default=len(line.words))])
        wanted -= 1
        below = line
    return () if wanted else tuple(w for row in reversed(rows) for w in row)


def over_captions(doc: Page) -> frozenset[int]:
    """On a form of captions under their values, the lines a field's caption has over it.

    A value running on down the page stops there: the directions' box under the medicines'
    rows is the directions', its caption under it.
    """
    if doc.captioned is None:
        found: set[int] = set()
        if captions_under(doc):
            stops = [a.match for a in doc.anchors]
            for anchor in doc.anchors:
                names = [k.split(":", 1)[1] for k in anchor.keys if k.startswith("field:")]
                if not names:
                    continue
                above = value_above_label(doc, anchor, stops)
                if not above:
                    continue
                first = doc.line_of(above[0])
                found.add(first)
                spans = [doc.vocab.field(n).lines for n in names]
                lines = 0 if 0 in spans else max(spans)  # (0: as many as run on)
                more = _continuation_up(doc, first, above, lines)
                found.update(doc.line_of(ws[0]) for ws in more)
        doc.captioned = frozenset(found)
    return doc.captioned


def _sentence_after(doc: Page, anchor: Anchor) -> list[Word]:
    """The words running on after a label in its own column ("...; ask the front desk")."""
    parts = segments(doc.lines[anchor.match.line])
    own = next((part for part in parts if anchor.words[0] in part), parts[0])
    return [w for w in own if w not in anchor.words]


def names_any(anchor: Anchor, names: Sequence[str]) -> bool:
    """Whether a label is one of the vocabulary's ``names`` (fields' or other labels')."""
    return any(k.split(":", 1)[1] in names for k in anchor.keys)


def _ends_running(anchor: Anchor, ends: Sequence[str]) -> bool:
    """Whether a label ends running text: one of ``ends``, or a label opening its line."""
    if names_any(anchor, ends):
        return True
    first = anchor.words[0].text
    return anchor.match.start == 0 and (first[:1].isupper() or anchor.words[-1].text.endswith(":"))


def label_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The values at each of the field's labels, by every relation that finds one."""
    kind = VALUE_TYPES[item.value]
    key = f"field:{item.name}"
    found: list[Candidate] = []
    stops = [a.match for a in (*doc.anchors, *doc.weak_anchors)]
    weak_words = {word_key(w) for a in doc.weak_anchors for w in a.words}
    for anchor in [*doc.anchors, *doc.weak_anchors]:
        if key not in anchor.keys:
            continue
        if kind.name == "phone" and doc.in_letterhead(anchor.match.line):
            continue  # the clinic's own telephone
        if kind.name == "list" and _in_the_name(doc, anchor):
            continue  # the clinic's name or specialties ("Allergy • Asthma • Immunology")
        factor = _label_factor(doc, item, anchor) * (WEAK_FACTOR if anchor.weak else 1.0)
        if kind.name == "list" and _after_tick_list(doc, anchor):
            continue  # "Other medical problems: ..." goes on the tick list over it
        gated = _gated_list(doc, spec, item, anchor, stops) if kind.name == "list" else None
        if gated is not None:
            found.extend(replace(c, score=c.score * factor) for c in gated)
            continue  # a question answered yes or no: its answer row is no list
        detached = detached_value(doc, anchor, stops)
        if detached:
            made = candidate_from(doc, spec, item, kind, Relation.BEFORE, detached, anchor, factor)
            found.extend(made)
            if made or captions_after(doc):
                continue  # a caption after its value, or a key's entry: no value follows it
            # (on a form leading its values, a line's last label with a figure before it of
            # another type, "8.8   Date written", leads its own value after all)
        elif detached is not None:
            score = BASE_SCORE[Relation.BEFORE] * BLANK_CAPTION * factor
            blank: FieldData = [] if kind.name == "list" else None  # (a blank list is empty)
            found.append(Candidate(item.name, blank, (), score, Relation.BEFORE, anchor.words))
            continue  # its rule left blank
        if detached is None and kind.name in SELF_EVIDENT:
            closed = _typed_before(doc, kind, anchor, stops)
            if closed:
                score = factor * TYPED_BEFORE
                found.extend(
                    candidate_from(doc, spec, item, kind, Relation.BEFORE, closed, anchor, score)
                )
        ringed = _ringed_list(doc, item, anchor) if kind.name == "list" else None
        if ringed is not None:
            value, words = ringed
            score = BASE_SCORE[Relation.BELOW] * factor
            found.append(Candidate(item.name, value, words, score, Relation.BELOW, anchor.words))
            continue  # the printed items are the list's choices, not its entries
        options: list[tuple[Relation, tuple[Word, ...], float]] = []
        # in a grid a value never crosses its cell's lines; a row of a table photographed askew
        # is followed along its tilt to its far side, but what stands under such a row or its
        # column is read as if no cell closed round the label
        upright = label_cell(doc, anchor)
        cell = upright or label_cell(doc, anchor, along_tilt=True)
        right = value_right(doc.lines, anchor.match, stops)
        if kind.name in ("choice", "refills"):
            right = tuple(w for w in _words_after(doc, anchor) if not is_filler(w.text))
        if kind.name == "refills":
            right = (*right, *_other_beside(doc, anchor), *_other_under(doc, anchor))
        # a choice, or a date or telephone its own form proves, may stand past the label's cell
        # (a question's cell, the answer in the coding column's open cell beside it)
        beyond = right if kind.name == "choice" or kind.name in SELF_EVIDENT else ()
        if kind.name == "address" and kind.fit(text_of(right)) >= 1.0:
            beyond = right  # (so may a street and its town, past a cell drawn askew)
        # a question's answer marked in its table's answer columns
        columns: list[Candidate] = []
        if kind.name == "choice" and cell is not None:
            marked = column_choice(doc, spec, item, anchor, cell, factor)
            if marked is None:
                continue  # marked "Don't know": no answer, whatever the row's other columns say
            columns = marked
        if kind.name == "choice" and not columns:
            boxed = boxed_under_heads(doc, spec, item, anchor, factor)
            if boxed is None:
                continue  # ticked under "Don't know": no answer
            columns = boxed
        if kind.name == "choice" and not columns:
            columns = row_choice(doc, spec, item, anchor, cell, factor)
        in_cell = within_cell(cell, right)
        if in_cell and kind.name == "list" and _label_tail(anchor, in_cell):
            # "Medicines you take regularly | Quetiapine": the label's last word, then the value
            longer = replace(anchor.match, end=anchor.match.end + 1)
            right = value_right(doc.lines, longer, stops)
            in_cell = within_cell(cell, right)
        if kind.name == "choice" and cell is not None and not option_spans(in_cell, spec.choices):
            # the rest of the label's wording ("Measles, mumps, rubella"): the answer is past it
            right = beyond = tuple(w for w in right if w not in in_cell)
            in_cell = ()
        # (beside a column of stacked labels, the value's cell is level with the label's row)
        level = own_row(doc, anchor, cell) if not in_cell else None
        right = in_cell or next_cell(doc, level, right, whole_row=kind.name == "choice")
        if columns:
            right = ()  # marked in its answer columns: a word in another column is no answer
        if kind.name == "address" or not (kind.multiline or kind.name in ("choice", "refills")):
            right = on_blank(doc, anchor, right, parts=kind.name == "address")
        if kind.name == "list" and heads_over_boxes(doc, right):
            right = ()  # the answer columns' heads of a questionnaire under the label
        if (
            right
            and kind.name == "list"
            and cell is not None
            and not in_cell
            and column_below(doc, anchor, cell, many=True)
        ):
            right = ()  # a table's heading row: the next heading is no entry of the list
        if right and _title_goes_on(doc, anchor, right):
            right = ()  # "8 • CURRENT MEDICATIONS, VITAMINS & SUPPLEMENTS": the part's title
        if right:
            options.append((Relation.RIGHT, right, reach_factor(doc, anchor, right)))
            clause = _first_clause(right, kind.name) if kind.name in TYPED - {"address"} else ()
            if clause:
                options.append((Relation.RIGHT, clause, reach_factor(doc, anchor, clause)))
            elif kind.name in SELF_EVIDENT and kind.fit(text_of(right)) < 1.0:
                # a phone or a date among other words ("Mejor número +1 412 555 0143 Home")
                runs = typed_runs(kind, right)
                if runs:
                    reach = IN_OTHER_WORDS * reach_factor(doc, anchor, runs[0])
                    options.append((Relation.RIGHT, runs[0], reach))
            visits = _latest_visit(doc, item, kind, anchor)
            if visits:
                reach = LATEST_VISIT * reach_factor(doc, anchor, right)  # (as near as the first)
                options.append((Relation.RIGHT, visits, reach))
        elif beyond and cell and not columns:
            # a question's answer past its cell when no answer columns take it (a photo's
            # cells drawn askew): counts less than one inside
            if kind.name in SELF_EVIDENT:
                runs = typed_runs(kind, beyond, whole=1.0)
                beyond = runs[0] if runs else ()
            if beyond:
                options.append(
                    (Relation.RIGHT, beyond, OUTSIDE_CELL * reach_factor(doc, anchor, beyond))
                )
        else:
            beside = within_cell(cell, value_beside(doc.lines, anchor.match, stops))
            if beside:
                options.append((Relation.BESIDE, beside, 1.0))
        wrapped = () if right or upright else value_wrapped(doc.lines, anchor.match, stops)
        if wrapped:
            options.append((Relation.WRAPPED, wrapped, 1.0))
        below_stops = stops
        if kind.name == "list":
            # "Any medical conditions? Please list them:" asks for one list, written under both
            asks = {
                (a.match.line, a.match.start)
                for a in doc.anchors_on(anchor.match.line)
                if f"label:{LIST_FOLLOWS}" in a.keys
            }
            below_stops = [s for s in stops if (s.line, s.start) not in asks]
        rows = kind.name in ("list", "medicines")  # (a table's rows, numbered at the left)
        below = within_cell(
            upright, value_below(doc.lines, anchor.match, below_stops, numbered=rows)
        )
        if below and rows and _nearer_heading(doc, item.name, anchor, below):
            below = ()  # the table's own column heading, between, reads its rows
        if below and kind.name == "list" and numbers_only(below):
            below = ()  # its numbered rules left blank
        if not below and kind.name in ("list", "medicines") and upright is None:
            below = _under_title_bar(doc, anchor, stops)
        if not below and not right and kind.name in SELF_EVIDENT:
            below = _typed_under(doc, kind, anchor, stops)
        if not below and kind.name == "name" and line_mentions(doc, anchor, SIGNATURE):
            # "PRESCRIBED BY (Signature, name, title)": the name is printed under the signature
            line = doc.lines[anchor.match.line]
            below = value_below(
                doc.lines, anchor.match, stops, SIGNATURE_REACH, line.words[-1].bbox.x1
            )
        if below and word_key(below[0]) in weak_words:
            below = ()  # a damaged label, not a value
        if below and _is_label_word(below[0]):
            below = ()  # the next row's own label ("Food:" under "Medicines:")
        if kind.name == "choice" and any(w.text.endswith("?") for w in below):
            below = ()  # the next question's row, not this one's answer
        if kind.name == "choice" and prints_choices(_words_after(doc, anchor), spec.choices):
            below = ()  # its own row prints the choices to mark: the row under is another's
        under = captions_under(doc)
        titled = _numbered_title(doc, anchor)  # (its value under it, captions or not)
        if below and kind.name in SELF_EVIDENT and kind.fit(text_of(below)) < 1.0:
            # a date or a phone among the next columns' values ("14/08/2024 Emily Garcia")
            runs = typed_runs(kind, below, whole=1.0)
            below = runs[0] if runs else below
        if below:
            # (a line holding only the ℞ mark, between a table's heading and its rows, is none)
            gap = sum(
                1
                for ln in doc.lines[anchor.match.line + 1 : doc.line_of(below[0])]
                if not all(read_as_rx(w) for w in ln.words)
            )
            against = AGAINST_CONVENTION if under and not titled else 1.0
            options.append((Relation.BELOW, below, max(0.6, 1.0 - 0.1 * gap) * against))
        # over the label: on a form of captions, or written on the rule drawn over it
        rule = rule_over(doc, anchor)
        above = value_above(doc.lines, anchor.match, stops, rule, doc.panel_of(anchor.match.line))
        if not above and rule is None and under:
            above = box_above(doc, anchor, stops)  # (a tall box's last written line)
        above = within_cell(cell_over_caption(doc, anchor, upright), above)
        if above and is_instruction(_sentence_after(doc, anchor)):
            above = ()  # a line of instructions for the reader is no caption
        if above and kind.name == "choice" and _answers_another(doc, anchor, above):
            above = ()  # the question over that row heads its answers, captions or not
        if above and word_key(above[0]) not in weak_words and under and not titled:
            options.append((Relation.ABOVE, above, 1.0))
        elif (
            above
            and word_key(above[0]) not in weak_words
            and rule is not None
            and not _part_heading(doc, anchor)
        ):
            weaker = factor * AGAINST_CONVENTION
            found.extend(
                candidate_from(doc, spec, item, kind, Relation.ABOVE, above, anchor, weaker)
            )
        inside = words_in_cell(doc, anchor, cell)
        if inside and not any(c.isalnum() for w in inside for c in w.text):
            inside = ()  # the label's own mark left in its cell ("Policy #"): no value
        if inside and kind.name == "list" and _label_tail(anchor, inside):
            inside = ()  # "Medicines you take regularly": the label's last word
        if inside and kind.name == "choice":
            inside = _before_next_question(doc, anchor, inside)
        tabbed = box_under_tab(doc, anchor, cell) if cell is not None and not inside else ()
        if not inside and not tabbed:
            tabbed = box_opened(doc, anchor, cell)
        if inside or tabbed:
            held = inside or tabbed
            if kind.name == "name" and doc.line_of(held[-1]) != doc.line_of(held[0]):
                # a stamp's first line is the name; its rank, clinic and number follow
                first = tuple(w for w in held if doc.line_of(w) == doc.line_of(held[0]))
                held = first if kind.fit(text_of(first)) >= 1.0 else held
            options.append((Relation.CELL, held, 1.0))
        elif upright is not None:
            column = under_heading(doc, anchor, upright, stops, many=kind.multiline)
            if kind.name == "choice" and any(w.text.endswith("?") for w in column):
                column = ()  # the next question's cell under this one's, not its answer
            if column:
                options.append((Relation.COLUMN, column, 1.0))
        if kind.name == "address" and COUNTRY_PART in item.parts:
            country = _country_after(doc, anchor, stops)
            options = [(r, (*ws, *country), d) for r, ws, d in options]
        made = [
            candidate
            for relation, words, distance in options
            for candidate in candidate_from(
                doc, spec, item, kind, relation, words, anchor, factor * distance
            )
        ]
        found.extend(cells_run_on(made, Relation.BELOW) if kind.multiline else made)
        found.extend(columns)
        if (
            kind.name == "list"
            and not made
            and all(_no_entries(doc, words) for _, words, _ in options)
            and not any(c.label_words == anchor.words for c in found)
        ):
            # a list left blank after its label is an empty list, not an absent field (what
            # follows it, if anything, holds no entry: the next question, the form's wording)
            found.append(Candidate(item.name, [], anchor.words, 0.5 * factor, Relation.RIGHT))
        elif not options and not made and _blank_in_section(doc, item, anchor):
            # the field's own place in its section left blank: a value outside the section
            # (the athlete's cell phone over the emergency contact's) is another's
            score = BLANK_IN_SECTION * factor
            found.append(Candidate(item.name, None, (), score, Relation.RIGHT, anchor.words))
    return found


def _part_heading(doc: Page, anchor: Anchor) -> bool:
    """Whether a label is a part's heading ("Part D — Allergies", "D. Known allergies").

    The rule over a heading is the bar it is printed under, no rule a value is written on.
    """
    lead = doc.lines[anchor.match.line].words[: anchor.match.start]
    marks = [w for w in lead if w.text not in DASHES]
    return bool(marks) and all(
        SECTION_WORD.fullmatch(w.text) or SECTION_MARK.fullmatch(w.text) for w in marks
    )


def _title_goes_on(doc: Page, anchor: Anchor, right: Sequence[Word]) -> bool:
    """Whether the words after a part's title in capitals are more of the title.

    They are capitals of the title's own size: a value written after it is no printed title's.
    """
    if not _part_heading(doc, anchor) or not in_capitals(anchor.words) or not in_capitals(right):
        return False
    size = max(w.bbox.height for w in anchor.words)
    return all(abs(w.bbox.height - size) <= TITLE_SIZE * size for w in right)


# Words this share of a title's height apart in size are printed alike.
TITLE_SIZE = 0.15


# The dashes a part's heading prints between its letter and its title.
DASHES = ("—", "–", "-", "--", "•", "·")


def _in_the_name(doc: Page, anchor: Anchor) -> bool:
    """Whether a label's words are part of the letterhead's naming, no question or caption.

    A clinic's name and specialties ("Summit Allergy Clinic", "Allergy • Asthma") say what it
    treats; a label there that asks for a value ends with a colon or a question mark.
    """
    if anchor.words[-1].text.endswith((":", "?")):
        return False
    line = doc.lines[anchor.match.line]
    after = line.words[anchor.match.end].text if anchor.match.end < len(line.words) else ""
    if after in NAME_JOINS:
        return True  # "Allergy & Asthma Health History", "Allergy • Asthma • Immunology"
    page = anchor.words[0].page
    height = doc.sizes.get(page, (0, 0))[1]
    first = page == doc.lines[0].page
    rows = (a.match.line for a in doc.anchors if a.words[-1].text.endswith(":"))
    top = (
        first
        and anchor.words[0].bbox.y0 < TOP_OF_PAGE * height
        and anchor.match.line < min(rows, default=len(doc.lines))
    )
    return top or doc.in_letterhead(anchor.match.line)


# What joins the words of a name or a list of specialties.
NAME_JOINS = ("&", "•", "·")
# A clinic's name and specialties stand in this top share of the first page, over its first
# labelled row (its head, even where no rule closes it; a later page's head may hold its
# first section).
TOP_OF_PAGE = 0.12


def _after_tick_list(doc: Page, anchor: Anchor) -> bool:
    """Whether a list's label is its "Other" blank's, just under a tick list of the field's.

    What is written there is the list's last entries, read with the ticked ones; a part that
    opens between is another's ("4. Immunity" ticked, then "5. Your medical history"), and so
    is a row of boxes answering another field's question ("Hepatitis B vaccine? [ ] Yes"),
    or any row over that question.
    """
    line = anchor.match.line
    page = doc.lines[line].page
    if not is_other_label(anchor):
        return False
    own = set(anchor.keys)
    for above in range(line - 1, max(0, line - OTHER_LINES) - 1, -1):
        if doc.lines[above].page != page or any(above < s <= line for s, _ in doc.sections):
            return False
        if PART_OPENER.fullmatch(doc.lines[above].words[0].text):
            return False  # a part's heading whose number OCR lost or glued ("Section.4")
        if any(
            a.words[-1].text.endswith("?") and any(k.startswith("field:") for k in a.keys)
            for a in doc.anchors_on(above)
            if not own & set(a.keys)
        ):
            return False  # another field's question over it, and so are its boxes
        if _holds_boxes(doc, doc.lines[above]):
            return True
    return False


def _boxed_value(doc: Page, kind: ValueType, relation: Relation, words: Sequence[Word]) -> bool:
    """Whether words over or under a label are a value in capitals on a tinted box, no title.

    ``KWAME PEREZ`` written in a shaded box looks like a band's title; over its caption on a
    form of captions, or as a name, an address, a date or a phone of its own form under its
    label on a line holding no label, it is the value.
    """
    if relation is Relation.ABOVE and captions_under(doc):
        return True
    line = doc.line_of(words[0])
    return (
        relation in (Relation.ABOVE, Relation.BELOW)
        and kind.name in ("name", "address", "date", "phone")
        and not doc.anchors_on(line)
        and kind.fit(text_of(words)) >= 1.0
    )


def _numbered_title(doc: Page, anchor: Anchor) -> bool:
    """Whether a field's label is a numbered title alone on its line (``2. Rx``).

    Its value stands under it whatever the form's captions do (``B. MEDICATIONS PRESCRIBED
    TODAY``: a word of the title may follow the label); a section's heading that is a field's
    label too (``3. PERSON TO NOTIFY``) keeps to the captions.
    """
    words = doc.lines[anchor.match.line].words
    return (
        not any(k.startswith("section:") for k in anchor.keys)
        and anchor.match.start == 1
        and anchor.match.end >= len(words) - 1
        and ENUMERATION.match(words[0].text) is not None
    )


def _answers_another(doc: Page, anchor: Anchor, row: Sequence[Word]) -> bool:
    """Whether a row over a choice's label stands right under another choice's label.

    A form of captions under its boxes still prints each question over its answers:
    ``Measles`` under chickenpox's ``Immune  Not immune  Unsure`` is the next question, not that
    row's caption.
    """
    box = doc.lines[doc.line_of(row[0])].bbox  # (the whole row, whatever the column took)
    for other in doc.anchors:
        if other is anchor or not _asks_a_choice(doc, other):
            continue
        label = BBox.union(w.bbox for w in other.words)
        if (
            label.y1 <= box.y0 + box.height / 2
            and box.y0 - label.y1 <= ANSWERS_UNDER * box.height
            and label.x0 < box.x1
            and box.x0 < label.x1
        ):
            return True
    return False


# An answer row this many of its heights under a question's label is that question's.
ANSWERS_UNDER = 1.5


def _asks_a_choice(doc: Page, anchor: Anchor) -> bool:
    """Whether a label is a choice field's (a question answered by ticking an option)."""
    return any(kind.name == "choice" for kind in field_kinds(doc, anchor))


def before_label_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The values written on the blank before a label that closes it ("I am ____ tall").

    A yes/no field's sentence may print both statements before its closing words instead,
    one of them marked: "I have / do not have medical insurance".
    """
    if spec.choices == YES_NO:
        return _statement_answers(doc, item) if item.after else []
    key = f"after:{item.name}"
    kind = VALUE_TYPES[item.value]
    found: list[Candidate] = []
    for anchor in doc.anchors:
        if key not in anchor.keys:
            continue
        words = blank_before(doc, anchor)
        if words:
            factor = _label_factor(doc, item, anchor)
            found.extend(
                candidate_from(doc, spec, item, kind, Relation.RIGHT, words, anchor, factor)
            )
    return found


def _statement_answers(doc: Page, item: FieldWords) -> list[Candidate]:
    """A yes/no answered by marking one of two statements printed before its closing words.

    "I have / do not have medical insurance. (circle one)": the statement struck through, or
    the one ringed, decides; the positive one is yes. The closing words stand mid-sentence,
    where no label is looked for, so each line is searched for them.
    """
    found: list[Candidate] = []
    targets = [compact(label) for label in item.after]
    for line in doc.lines:
        for start in range(1, len(line.words)):
            end = _spelled_at(line.words, start, targets)
            if end is None:
                continue
            before = line.words[:start]
            options = statement_options(before)
            answer = read_statements(before, options, doc.marks.get(line.page)) if options else None
            if answer is not None:
                score = BASE_SCORE[Relation.BEFORE] * MARKED_STATEMENT
                closing = line.words[start:end]
                found.append(Candidate(item.name, answer, before, score, Relation.BEFORE, closing))
            break
    return found


# A statement read from its mark counts as a choice read from the image does.
MARKED_STATEMENT = 0.9


def _spelled_at(words: Sequence[Word], start: int, targets: Sequence[str]) -> int | None:
    """Where words from ``start`` spell one of the targets (compacted) out, past its last word."""
    text = ""
    for end in range(start, len(words)):
        text += compact(words[end].text)
        if text in targets:
            return end + 1
        if not any(t.startswith(text) for t in targets):
            return None
    return None


def _other_beside(doc: Page, anchor: Anchor) -> tuple[Word, ...]:
    """A refill row's ``Other:`` entry, taken for a label, and the count written after it."""
    later = sorted(
        (a for a in doc.anchors_on(anchor.match.line) if a.match.start >= anchor.match.end),
        key=lambda a: a.match.start,
    )
    if not later or "label:other" not in later[0].keys:
        return ()
    written = _words_after(doc, later[0])
    if not written or not written[0].text.strip("_.").isdigit():
        return ()  # nothing written at "Other": the row ends at its last entry
    return (*later[0].words, *written[:1])


def _other_under(doc: Page, anchor: Anchor) -> tuple[Word, ...]:
    """A refill row's ``Other`` entry and the count written at it, printed on the line under."""
    line = anchor.match.line + 1
    if line >= len(doc.lines) or doc.lines[line].page != doc.lines[anchor.match.line].page:
        return ()
    words = doc.lines[line].words
    row = doc.lines[anchor.match.line]
    near = words[0].bbox.y0 - row.bbox.y1 < 2 * row.height
    if near and len(words) >= 2 and compact(words[0].text) == compact("Other"):
        count = words[1].text.strip("_.")
        if count.isdigit() and len(count) <= 2:
            return words[:2]
    return ()


# A field's label in its own section with nothing written at it counts this much for absence.
BLANK_IN_SECTION = 0.4
# A caption after an empty rule counts this much of its relation for the field's absence.
BLANK_CAPTION = 0.8


def _blank_in_section(doc: Page, item: FieldWords, anchor: Anchor) -> bool:
    """Whether a (strong) label of a field kept to a section stands inside that section."""
    return (
        item.section is not None
        and not anchor.weak
        and doc.in_section(item.section, anchor.match.line)
        and f"section:{item.section}" not in anchor.keys  # (the heading itself, no blank)
    )


# A printed list whose items the patient rings ("Please circle all that apply"): at least this
# many short items (of at most this many words) on lines of two or more, in this many lines.
RINGED_ITEMS = 4
RINGED_ITEM_WORDS = 4
RINGED_LINES = 8
# A ring round an item: this much ink round it, and this many times the list's median item.
RINGED = 0.03
RINGED_OVER_MEDIAN = 4.0
CIRCLE = compact("circle")


def _ringed_list(
    doc: Page, item: FieldWords, anchor: Anchor
) -> tuple[list[str], tuple[Word, ...]] | None:
    """The printed items ringed under a list's label, then those written on its "other" blank.

    ``None`` when the label does not ask for rings ("Please circle all that apply"; a table's
    ruled cells under another label look ringed) or no block of short printed items follows.
    """
    page = anchor.words[0].page
    marks = doc.marks.get(page)
    if marks is None or not line_mentions(doc, anchor, CIRCLE, after_label=False):
        return None
    items: list[tuple[tuple[Word, ...], float]] = []
    index = anchor.match.line + 1
    while index < min(len(doc.lines), anchor.match.line + 1 + RINGED_LINES):
        line = doc.lines[index]
        parts = segments(line)
        if line.page != page or len(parts) < 2:
            break
        if any(
            len(part) > RINGED_ITEM_WORDS or (len(part) > 1 and part[-1].text.endswith(":"))
            for part in parts
        ):
            break  # a label and its blank ("Other conditions:"), or running text
        for part in parts:
            box = BBox.union(w.bbox for w in part)
            others = [w.bbox for w in line.words if w not in part]
            items.append((part, marks.ring_mark(box, others, both_ends=True)))
        index += 1
    if len(items) < RINGED_ITEMS:
        return None
    middle = median(score for _, score in items)
    chosen = [
        part
        for part, score in items
        if score >= RINGED
        and score >= RINGED_OVER_MEDIAN * middle
        and canonical.parse_list(text_of(part))
    ]
    value = [
        entry
        for part in chosen
        for entry in canonical.parse_list(text_of(doc.words_for(part, item.medical)))
    ]
    words = [w for part in chosen for w in part]
    # the "other" blank on the line after the items: what is written after its colon
    if index < len(doc.lines) and doc.lines[index].page == page:
        after = doc.lines[index].words
        colons = [i for i, w in enumerate(after) if w.text.endswith(":")]
        written = after[colons[-1] + 1 :] if colons else ()
        if written:
            value += canonical.parse_list(text_of(doc.words_for(written, item.medical)))
            words += written
    return value, tuple(words)


# How far under a signing label (in line heights) the name printed under the signature sits.
SIGNATURE_REACH = 8.0
SIGNATURE = compact("signature")


def cells_run_on(candidates: list[Candidate], longer: Relation) -> list[Candidate]:
    """A cell's text cut short by a writing rule, taken on as a longer reading runs.

    A block of directions written on three rules ("5. SIG" over them) is a cell whose bottom
    the first rule draws; the lines under it are the same text when the label's value below
    (``Relation.BELOW``) begins with the cell's words and goes on. A government blank boxes
    ``4. INSCRIPTION (Drug, strength, form)`` with its first drug likewise, and the drugs on
    the rules under the box are the unlabelled block (``Relation.BLOCK``) the cell's drug
    begins. The cell takes the longer reading's value, at its own score.
    """
    runs = [c for c in candidates if c.relation is longer and c.words]
    out: list[Candidate] = []
    for candidate in candidates:
        if candidate.relation is Relation.CELL and candidate.words:
            size = len(candidate.words)
            keys = [word_key(w) for w in candidate.words]
            on = [
                r
                for r in runs
                if r.field == candidate.field
                and len(r.words) > size
                and [word_key(w) for w in r.words[:size]] == keys
            ]
            if on:
                candidate = replace(candidate, value=on[0].value, words=on[0].words)
        out.append(candidate)
    return out


# The part an address's country is printed under, after the address's own label.
COUNTRY_PART = "country"
# How many lines under an address's label its country's label may follow.
COUNTRY_REACH = 2


def _country_after(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The country written under its own label just after an address's (``Country: USA``)."""
    line = anchor.match.line
    for other in doc.anchors:
        if f"label:{COUNTRY_PART}" not in other.keys:
            continue
        if not line < other.match.line <= line + COUNTRY_REACH:
            continue
        if any(
            line < a.match.line < other.match.line and a.match.start == 0
            for a in doc.anchors
            if a.keys != other.keys
        ):
            return ()  # another field's row between: the country is not this address's
        cell = label_cell(doc, other)
        right = value_right(doc.lines, other.match, stops)
        words = within_cell(cell, right) or next_cell(doc, cell, right)
        if words and text_of(words)[:1].isupper():
            return words  # (a label printed twice, in two languages, holds it after the second)
    return ()


# A list's question is answered by YES_NO; "no" is the empty list, "yes" points to its list.
# The label of the row a question's list is written on ("If yes, list them").
LIST_FOLLOWS = "if_yes"
# How many lines under its question a list's "If yes" row may be.
LIST_FOLLOWS_REACH = 3


def _gated_list(
    doc: Page, spec: FieldSpec, item: FieldWords, anchor: Anchor, stops: Sequence[LabelMatch]
) -> list[Candidate] | None:
    """A list asked as a yes/no question: "no" is the empty list, "yes" points to its list.

    "Any allergies? [ ] Yes [X] No" is no allergies; "Ongoing conditions? (o) Yes" is the
    list written on the ``If yes`` row under it (a list written there answers yes whatever
    the marks say). ``None`` when no yes/no row follows the label.
    """
    words = tuple(w for w in _words_after(doc, anchor) if not is_filler(w.text))
    inside = tuple(
        w for w in within_cell(label_cell(doc, anchor), words) if any(c.isalnum() for c in w.text)
    )
    words = _no_phrase_as_no(inside or words)
    options = split_yes_no(words)  # (read for the answer only: the page's words stay whole)
    if not words or not prints_choices(options, YES_NO):
        return None
    if len(set(answer_legend(doc, anchor.match.line).values())) > 1:
        return None  # a legend keying a table's answers ("+ = yes, O = no"), no question
    line = anchor.match.line
    kind = VALUE_TYPES[item.value]
    for follows in doc.anchors:
        if f"label:{LIST_FOLLOWS}" not in follows.keys:
            continue
        if not line < follows.match.line <= line + LIST_FOLLOWS_REACH:
            continue
        between = (a for a in doc.anchors if line < a.match.line < follows.match.line)
        if any(k.startswith("field:") and k not in anchor.keys for a in between for k in a.keys):
            break  # past the next question: its "If yes" row is not this one's
        cell = label_cell(doc, follows)
        right = value_right(doc.lines, follows.match, stops)
        right = within_cell(cell, right) or next_cell(doc, cell, right)
        if right:  # (a label printed twice, in two languages, holds it after the second)
            return candidate_from(doc, spec, item, kind, Relation.RIGHT, right, follows, 1.0)
    if heads_over_boxes(doc, words):
        return None  # "Yes  No  Details" heading the answer columns of the list's table
    marks = doc.marks.get(words[0].page)
    answer, sureness = read_choice(options, YES_NO, marks, anchor.words[-1].bbox.x1)
    if answer != "no":
        return []
    base = BASE_SCORE[Relation.RIGHT] * sureness
    return [Candidate(item.name, [], words, base, Relation.RIGHT, anchor.words)]


# The printed "no" of an allergy question ("No known allergies", "None known").
_NO_PHRASE = re.compile(r"^(?:no|none)$", re.IGNORECASE)


def _no_phrase_as_no(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A question's row with its "No known allergies" or "None known" answer read as "No"."""
    kept: list[Word] = []
    skip = 0
    for index, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        after = words[index + 1].text.lower() if index + 1 < len(words) else ""
        if _NO_PHRASE.match(word.text) and after.startswith("known"):
            run = 2 if index + 2 < len(words) and words[index + 2].text[:1].islower() else 1
            kept.append(replace(word, text="No"))
            skip = run
        else:
            kept.append(word)
    return tuple(kept)


def _first_clause(words: tuple[Word, ...], kind: str) -> tuple[Word, ...]:
    """A typed value's words up to the first comma, when more follow ("Linda Oyelaran, b. ...").

    A name or an organisation also ends before a bracket or a number ("Jane Doe (wife)
    555-123-4567").
    """
    for index, word in enumerate(words[:-1]):
        if word.text.endswith(",") or words[index + 1].text == ",":
            return words[: index + 1]
        after = words[index + 1].text
        named = kind in ("name", "organisation")
        if named and (after.startswith(("(", "+")) or after[:1].isdigit()):
            return words[: index + 1]
    return ()


# Right of a label, a value this many line heights away or nearer counts in full ...
RIGHT_REACH = 12.0
# ... and each line height further costs this share (down to 0.6).
RIGHT_FALLOFF = 0.02


def reach_factor(doc: Page, anchor: Anchor, words: tuple[Word, ...]) -> float:
    """How much a value right of its label counts by its distance (far across the page: less)."""
    height = doc.lines[anchor.match.line].height or 1.0
    gap = (words[0].bbox.x0 - anchor.words[-1].bbox.x1) / height
    return max(0.6, 1.0 - RIGHT_FALLOFF * max(0.0, gap - RIGHT_REACH))


# A list read as none from a statement this many words long or more ("I take no medications",
# printed as an option, its box unseen) counts this much less than a list of entries.
PRINTED_NONE_WORDS = 3
PRINTED_NONE = 0.95


def _measures_heading(words: Sequence[Word]) -> bool:
    """Whether a list's words are only a table's heading of measures ("mg / dose")."""
    texts = [compact(w.text) for w in words]
    texts = [t for t in texts if t]
    return bool(texts) and all(t in MEASURE_UNITS or t in _MEASURE_HEADS for t in texts)


_MEASURE_HEADS = frozenset({"dose", "dosage", "strength", "frequency", "route", "qty", "quantity"})


def _no_entries(doc: Page, words: Sequence[Word]) -> bool:
    """Whether a list's words begin with an order to write them or with the next question."""
    first = [w for w in words if doc.line_of(w) == doc.line_of(words[0])]
    return orders_writing(first) or any(w.text.endswith("?") for w in first)


def _no_entry(words: Sequence[Word]) -> bool:
    """Whether a list's first line is the form's: an instruction or a lone "None" option."""
    if is_instruction(words):
        return True
    written = [w for w in words if not is_box_text(w.text)]
    return bool(written) and canonical.parse_list(text_of(written)) == []


def _lines_under(doc: Page, words: tuple[Word, ...], first: int) -> tuple[Word, ...]:
    """The words a list runs on to under its first line, when no drawn box is among them."""
    under = tuple(w for w in words if doc.line_of(w) != first)
    return () if any(is_box_text(w.text) for w in under) else under


def _words_after(doc: Page, anchor: Anchor) -> tuple[Word, ...]:
    """Every word right of a label up to the next label on its line (boxes and marks too)."""
    line = doc.lines[anchor.match.line]
    later = [a.match.start for a in doc.anchors_on(anchor.match.line)]
    end = min((s for s in later if s >= anchor.match.end), default=len(line.words))
    return line.words[anchor.match.end : end]


def candidate_from(
    doc: Page,
    spec: FieldSpec,
    item: FieldWords,
    kind: ValueType,
    relation: Relation,
    words: tuple[Word, ...],
    anchor: Anchor | None,
    factor: float,
) -> list[Candidate]:
    """The candidate a relation's words make, multi-line values and choices included."""
    if (
        relation is not Relation.CELL
        and not _boxed_value(doc, kind, relation, words)
        and doc.ruled_heading(doc.line_of(words[0]))
    ):
        return []  # a section's heading: "ALLERGIES AND REACTIONS" holds no allergy
    if is_key_line(words):
        return []  # what a table's abbreviations mean ("Imm = immune; Non = not immune")
    if relation is Relation.ABOVE and (kind.multiline or item.lines != 1 or kind.name == "address"):
        # (an address written in a box over its caption may take the box's lines)
        lines = max(item.lines, BOX_ADDRESS_LINES) if kind.name == "address" else item.lines
        more = _continuation_up(doc, doc.line_of(words[0]), words, lines)
        words = tuple(w for ws in (*reversed(more), words) for w in ws)
    elif relation not in (Relation.CELL, Relation.COLUMN, Relation.BEFORE) and (
        kind.multiline or item.lines != 1
    ):  # (a value its caption closes is the rule's: it runs on over no other line)
        line = doc.line_of(words[0])
        edge = next_heading(doc, anchor) if relation is Relation.BELOW else None
        budget = item.lines
        if budget and kind.name in ("list", "medicines") and is_instruction(words):
            budget += 1  # the form's instruction over the entries is no entry of the list
        if (
            budget
            and kind.name == "list"
            and relation is Relation.BELOW
            and heads_table(doc, anchor)
        ):
            budget = NUMBERED_LINES  # a table's column: its rows run on to the table's end
        boxed = kind.name in ("list", "medicines")
        columns = kind.name == "address"
        after_colon = (
            boxed
            and relation is Relation.RIGHT
            and anchor is not None
            and anchor.words[-1].text.endswith(":")
        )
        more = _continuation(
            doc, line, words, budget, item.ends, item.skips, edge, boxed, columns, after_colon
        )
        words = tuple(w for ws in (words, *more) for w in ws)
    if is_order(words):
        return []  # an interviewer's instruction ("ASK TO SEE CARD.") is never a value
    words = doc.words_for(words, item.medical)
    if kind.name in _NUMBERED_NOT and all(ENUMERATION.fullmatch(w.text) for w in words):
        return []  # the next question's number on the row ("E3 Policy number"), no value
    if words and all(lettered_item(w.text) for w in words):
        return []  # an item's number and letter ("5.a."), no count or measure
    if relation is Relation.BELOW and opens_a_part(doc, words):
        return []  # the next part's heading under a box left blank ("Section 2 ...")
    if relation is Relation.ABOVE and _numbered_part(doc, words):
        return []  # the part's heading over a label ("Section 5: Medical history")
    if relation is Relation.RIGHT:
        first = doc.line_of(words[0])
        on_line = [w for w in words if doc.line_of(w) == first]
        if kind.name in ("list", "medicines") and is_instruction(on_line):
            return []  # "... problems? List them:": the list is written under the question
        if anchor is not None and _question_runs_on(anchor.words, words):
            return []  # "List the medicines you take regularly": the question, no answer
        if _label_runs_on(words):
            return []  # "Physician director: ...": a longer label, and another's value
        words = _before_running_text(kind, words)
    words = without_blank_label(doc, kind, words)
    if kind.name == "address" and item.lines == 1 and relation in _RUNS_ON_TO_ITS_TOWN:
        words = (*words, *_address_close(doc, item, words))
    if kind.name == "address":
        words = _to_zip_line(doc, words)
    if kind.name in ("list", "medicines") and relation in (Relation.RIGHT, Relation.BELOW):
        words = (*_rows_before(doc, words), *words)
    if kind.name in ("list", "medicines"):
        words = down_the_columns(doc, entry_words(doc, words, kind))
        if not words or _measures_heading(words):
            return []
    if kind.name == "medicines":
        words = without_quantities(doc, words)
        if not words:
            return []
    base = BASE_SCORE[relation] * factor
    label_words = anchor.words if anchor is not None else ()
    if kind.name == "choice":
        marks = doc.marks.get(words[0].page)
        beside = relation in (Relation.RIGHT, Relation.BESIDE) and label_words
        start = label_words[-1].bbox.x1 if beside else None
        coded = _coded_answer(doc, spec, words)
        # (a yes / no row read as one word, "YN", is read as its two options)
        row = split_yes_no(words) if spec.choices == YES_NO else words
        letters = _letters_height(doc, label_words, words)
        answer, sureness = coded or read_choice(row, spec.choices, marks, start, letters)
        if answer is None and coded is None and (spelled := spelled_out(doc, words)) != words:
            # short options a key line spells out ("Imm  Non  Unk": immune, not immune, ...)
            answer, sureness = read_choice(spelled, spec.choices, marks, start)
            signs = [new for new, old in zip(spelled, words, strict=True) if new != old]
            if answer is None and len(signs) == 1:
                # one sign written in the row ("+" under a key "+ immune  - not immune"): the
                # answer it stands for, whatever else the row holds (a date, the next column)
                answer, sureness = read_choice(signs, spec.choices, None)
        if answer is None:
            return []
        return [Candidate(item.name, answer, words, base * sureness, relation, label_words)]
    marks = doc.marks.get(words[0].page)
    # a list may be a printed table answered by marks written in its rows
    marked = marked_table(doc, words) if kind.name == "list" else None
    # a refill row's boxes start at its label, whatever OCR read of their entries
    after_label = relation is Relation.RIGHT and bool(label_words)
    label = BBox.union(w.bbox for w in label_words) if after_label else None
    if kind.name == "refills" and (
        is_refill_row(words)
        or is_partial_row(words)
        or _box_row(words, marks, label)
        or written_after_other(words) is not None
    ):
        circled, sureness = read_refill_row(words, marks, label)
        if circled is None:
            return []
        text = circled
        base *= sureness
    elif kind.name == "list" and (glyphs := glyph_list(text_of(words))) is not None:
        text = "\n".join(glyphs) or "None"  # boxes OCR read as glyphs: the ticked entries
    elif marked is not None and marked.keyed:
        text, words = marked_value(doc, marked)  # (answers keyed by a legend, never boxes)
    elif (
        kind.name == "list"
        and (ticked := tick_list(doc, whole := rows_on(doc, words), marks)) is not None
    ):
        words = whole  # (a questionnaire's rows, read whole)
        others = other_entries(doc, words)
        words = (*words, *others)
        text = "\n".join([*ticked, *canonical.parse_list(text_of(others))]) or "None"
    elif marked is not None:
        text, words = marked_value(doc, marked)  # (marks written in Yes / No columns)
    elif kind.name == "list" and (none := none_option(doc, words, marks)) is not None:
        none_ticked, none_box = none
        first = doc.line_of(words[0])
        written = tuple(w for w in words if w.bbox.x0 > none_box.x1 and doc.line_of(w) == first)
        if none_ticked:
            text = "None"
        elif written and not any(is_box_text(w.text) for w in written):
            words = written  # "[ ] I have no allergies   Sulfa drugs": the list after the option
            text = text_of(words)
        elif not written and (under := _lines_under(doc, words, first)):
            words = under  # "[ ] None" over the numbered lines the list is written on
            text = lines_text(doc, words)
        else:
            return []  # "[ ] No known allergies  [ ] EpiPen": options, not the list
    elif kind.name == "medicines" and (ticked_drugs := ticked_medicines(doc, words)) is not None:
        text, words = ticked_drugs
    else:
        text = lines_text(doc, words) if kind.multiline else text_of(words)
        if kind.name == "address":  # an address's printed lines are its parts
            text = _address_lines(without_joint(p, " ,;:.") for p in text.split("\n"))
        if kind.name == "medicines":
            text = "\n".join(medicine_text(doc, t) for t in text.split("\n"))
    coerced = coerce(doc, spec, kind, text)
    if coerced is None:
        return []
    value, validity = coerced
    option = value == "PRN" or (value == 0 and not any(c.isdigit() for c in text_of(words)))
    if kind.name == "refills" and option and _after_empty_box(doc, label_words[:1] or words[:1]):
        return []  # "[ ] Refill PRN": an option printed, and left unticked
    fit = 1.0 if kind.name in ("choice", "refills") else kind.fit(text_of(words))
    if kind.name == "address" and isinstance(value, str):
        fit = max(fit, kind.fit(value))  # as repaired: "I57 FOREST COURT" is 157
    if anchor is not None and anchor.weak and fit < 1.0:
        return []
    if kind.name in _TYPED_TEXT and not fit and (relation in _OFF_LINE or text_of(words).islower()):
        return []  # off the label's line only a value that looks like one; "the" never does
    if relation in _OFF_LINE and any(NUMBERED_LABEL.match(w.text) for w in words):
        return []  # another label and its number OCR read as one word ("10Mobile")
    if kind.name == "medicines" and not fit:
        return []  # no drug the lexicon knows and no strength: a title's "RX ORDER"
    if kind.name in ("name", "address", "organisation") and holds_other_value(text_of(words)):
        return []  # a date or a phone inside a name or an address is another field's value
    score = base * validity * (0.5 + 0.5 * fit)
    if kind.name == "list" and value == [] and len(words) >= PRINTED_NONE_WORDS:
        score *= PRINTED_NONE  # "I take no medications" printed, its box unseen: entries win
    if kind.name == "number":
        words = _measure_words(words)  # (what follows the measure is no evidence of it)
    return [Candidate(item.name, value, words, score, relation, label_words)]


# The units a measure is written with.
_UNITS = frozenset({"lb", "lbs", "kg", "kgs", "in", "ins", "inch", "inches", "cm", "ft", "feet"})
_UNITS |= frozenset({"m", "pounds", "pound", "st", "stone", "oz", "g"})


def _measure_words(words: Sequence[Word]) -> tuple[Word, ...]:
    """A measure's own words: its first number, and the numbers and units written with it.

    ``129 lbs`` of ``129 lbs  High cholesterol, Gout`` (a row's next box read on with it).
    """
    first = next((i for i, w in enumerate(words) if any(c.isdigit() for c in w.text)), None)
    if first is None:
        return tuple(words)
    end = first + 1
    while end < len(words):
        text = words[end].text.strip(".,;:()").lower()
        if not (text.replace(".", "").isdigit() or text in _UNITS or set(text) <= set("'\"")):
            break
        end += 1
    return tuple(words[first:end])


# A form that asks for answers by code prints its key within this many lines over the row.
CODE_KEY_REACH = 6


def _code_pairs(words: Sequence[Word]) -> list[tuple[int, int, str, str]]:
    """A printed key's pairs ("I = Immune  N = Not immune"): start, end, code and meaning.

    OCR may glue the sign to the code ("I= Immune").
    """
    starts: list[tuple[int, int]] = []  # where a pair starts, and where its meaning does
    for i, word in enumerate(words[:-1]):
        if _GLUED_CODE.fullmatch(word.text):
            starts.append((i, i + 1))
        elif len(word.text) == 1 and word.text.isalnum() and words[i + 1].text == "=":
            starts.append((i, i + 2))
    pairs = []
    for position, (start, meaning_start) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(words)
        meaning = text_of(words[meaning_start:end]).strip(" ,;.")
        if meaning:
            pairs.append((start, end, words[start].text[0].upper(), meaning))
    return pairs


_GLUED_CODE = re.compile(r"[A-Za-z0-9]=")
# A code written in a box that OCR read as its lookalike ("1" for the key's "I").
_CODE_LOOKALIKES = {"1": "I", "I": "1", "L": "I", "0": "O", "O": "0"}


def _coded_answer(
    doc: Page, spec: FieldSpec, words: tuple[Word, ...]
) -> tuple[str | None, float] | None:
    """A choice answered by a code written in its box ("Y"), read through the form's key.

    The key is printed after the box or once over the rows ("1 = Immune  2 = Not immune");
    an answer the key gives as unsure leaves the field out. ``None`` when the row holds no
    lone code or the form prints no key for it.
    """
    line = doc.line_of(words[0])
    if any(doc.line_of(w) != line for w in words):
        return None
    # the line as printed, on to its end: the row's words may have left out the key's "=" as
    # filler, and the key may stand apart after the box
    row = [w for w in doc.lines[line].words if w.bbox.x0 >= words[0].bbox.x0]
    pairs = _code_pairs(row)
    key = {code: meaning for _, _, code, meaning in pairs}
    taken = {row[i] for start, end, _, _ in pairs for i in range(start, end)}
    # the question's wording may run on past its label ("... series?  Y")
    codes = [w for w in words if w not in taken and len(w.text.strip(" .,;:")) == 1]
    if len(codes) != 1 or not codes[0].text.strip(" .,;:").isalnum():
        return None
    code = codes[0].text.strip(" .,;:").upper()
    if code not in key:
        for index in range(line - 1, max(-1, line - CODE_KEY_REACH), -1):
            if doc.lines[index].page != doc.lines[line].page:
                break
            above = {c: m for _, _, c, m in _code_pairs(doc.lines[index].words)}
            if len(above) >= 2:
                key = above
                break
    meaning = key.get(code, key.get(_CODE_LOOKALIKES.get(code, code)))
    if meaning is None:
        return None
    if canonical.one_line(meaning).lower() in ABSTAIN:
        return None, 0.9
    answer = canonical.parse_choice(meaning, spec.choices)
    return (answer, 0.9) if answer is not None else None


_RUNNING_WORD = re.compile(r"^[A-Z]?[a-z]{2,}")


def _nearer_heading(doc: Page, name: str, anchor: Anchor, below: Sequence[Word]) -> bool:
    """Whether a label of the same field stands under a label, over or on its first row.

    ``MEDICATIONS ORDERED`` over a table headed ``Drug / Strength | Route | Qty``: the
    column's heading reads the drugs alone, the title would take whole rows.
    """
    first = doc.line_of(below[0])
    key = f"field:{name}"
    return any(
        key in a.keys
        for line in range(anchor.match.line + 1, first + 1)
        for a in doc.anchors_on(line)
    )


def _question_runs_on(label: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether the one word right of a label is the rest of its question, colon and all.

    "List the medicines you take regularly:" where the vocabulary knows "List the medicines
    you take": the label ends with no colon, and the lower-case word after it, at a word's
    space, ends with the question's colon or question mark.
    """
    if len(words) != 1 or not label or label[-1].text.endswith((":", "?")):
        return False
    word = words[0]
    text = word.text.rstrip(":?")
    return _at_a_space(label[-1], word) and word.text != text and text.isalpha() and text.islower()


def _label_tail(anchor: Anchor, words: Sequence[Word]) -> bool:
    """Whether the word left in a label's cell is more of the label.

    One word in small letters at a word's space after it, saying no "none".
    """
    if len(words) != 1:
        return False
    word = words[0]
    text = word.text.strip(".,;:")
    lowered = text.isalpha() and text.islower()
    return _at_a_space(anchor.words[-1], word) and lowered and canonical.parse_list(word.text) != []


def _at_a_space(last: Word, word: Word) -> bool:
    """Whether a word follows a label's last word at a word's space, not past a column's gap."""
    return word.bbox.x0 - last.bbox.x1 <= COLUMN_GAP * max(1, last.bbox.height)


def _before_running_text(kind: ValueType, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A value written in a blank of running text, without the sentence running on after it.

    A form may print its blanks inside sentences ("I am insured with ____ under policy
    no. ____"). A code ends before the first word with lower-case letters ("BX-8909-4918
    The principal"); an insurer's name before the lower-case words that close it ("Caribbean
    Alliance Health under policy"), when it holds a capital word before them.
    """
    if kind.name == "code":
        end = next(
            (i for i, w in enumerate(words) if i and _RUNNING_WORD.match(w.text)), len(words)
        )
        return words[:end]
    if kind.name == "organisation":
        end = len(words)
        while end > 1 and (
            words[end - 1].text[:1].islower() or not any(c.isalnum() for c in words[end - 1].text)
        ):
            end -= 1
        if end < len(words) and any(w.text[:1].isupper() for w in words[:end]):
            return words[:end]
    return words


# A blank field's label a value may run up to at its line's end holds this many words at most.
BLANK_LABEL_WORDS = 3


def without_blank_label(doc: Page, kind: ValueType, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A value without the label of a blank telephone or date its writing ran up to.

    "Sacramento, CA  Country United States Cell ____": the athlete's cell phone is left blank
    and the country, written up to its label, reads on into it. A telephone's or a date's
    label (or a label naming a telephone) closing the value's line is never the value's.
    """
    if kind.name in LABEL_TYPES or len(words) < 2:
        return words
    last = words[-1]
    line = doc.lines[doc.line_of(last)]
    if line.words[-1] is not last and word_key(line.words[-1]) != word_key(last):
        return words
    labels = doc.blank_labels()
    for size in range(min(BLANK_LABEL_WORDS, len(words) - 1), 0, -1):
        if compact(" ".join(w.text for w in words[-size:])) in labels:
            return words[:-size]
    return words


def led_by_telling_label(doc: Page, words: tuple[Word, ...]) -> bool:
    """Whether words begin with a telephone's or a date's label and hold more after it."""
    labels = doc.blank_labels()
    return any(
        compact(" ".join(w.text for w in words[:size])) in labels
        for size in range(1, min(BLANK_LABEL_WORDS, len(words) - 1) + 1)
    )


def _to_zip_line(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """An address's lines up to the one with its ZIP code, and on only to words (a country).

    A card's or a cell's next line of digits alone is another number (a payer's ID).
    """
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(doc.line_of(word), []).append(word)
    kept: list[Word] = []
    zipped = False
    for index in sorted(lines):
        text = text_of(lines[index])
        if zipped and not any(c.isalpha() for c in text):
            break
        kept.extend(lines[index])
        zipped = zipped or ZIP_CODE.search(text) is not None
    return tuple(kept)


def _letters_height(doc: Page, label: Sequence[Word], words: Sequence[Word]) -> float | None:
    """The height of a question's letters when it stands on its answers' line, else ``None``."""
    if not label or not words or doc.line_of(label[-1]) != doc.line_of(words[0]):
        return None
    return float(median(w.bbox.height for w in label))


def _label_runs_on(words: Sequence[Word]) -> bool:
    """Whether a value right of a label opens with a word in small letters and a colon."""
    first = words[0].text if words else ""
    return first.endswith(":") and first[:-1].isalpha() and first[:1].islower()


def _address_close(doc: Page, item: FieldWords, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """An address's state or ZIP code written on the next rule, when its line ran out.

    "3163 Cedar Street Apt 26, Louisville," over "KY 40202": a line without a ZIP code goes
    on under it when the next line, starting at its left, begins with a state or holds a ZIP.
    """
    text = text_of(words)
    if not any(c.isdigit() for c in text) or ZIP_CODE.search(text):
        return ()  # (an address's lines begin with its number: "where staying" is a label's)
    line = doc.line_of(words[-1])
    more = _continuation(doc, line, words, 2, item.ends, item.skips, columns=True)
    if more and _ADDRESS_CLOSE.search(text_of(more[0])):
        return more[0]
    return ()


# The close of an address written on a line of its own: a state first, or a ZIP code.
_ADDRESS_CLOSE = re.compile(r"^[A-Z]{2}\b(?![a-z])|\b\d{5}(?:-\d{4})?$")
# The relations an address's close may follow on the next rule.
_RUNS_ON_TO_ITS_TOWN = frozenset({Relation.BELOW, Relation.RIGHT, Relation.ABOVE})


def _box_row(words: Sequence[Word], marks: PageMarks | None, label: BBox | None) -> bool:
    """Whether the image shows a row of check boxes among the words (a refill row of boxes)."""
    if marks is None or not words:
        return False  # OCR may have read little of a row of boxes ("0", "PRN")
    return read_box_row(to_row_end(words), REFILL_CHOICES, marks, label)[1]


# A form's item number glued to its label's first word: "10Mobile", "19Contact's".
NUMBERED_LABEL = re.compile(r"^\d{1,2}[A-Z][a-z]{2,}")


def _numbered_part(doc: Page, words: Sequence[Word]) -> bool:
    """Whether words begin a numbered part's heading ("Section 5:", "2  OBSERVATIONS")."""
    index = doc.line_of(words[0])
    unnamed = (index, UNNAMED_PART) in doc.sections
    return opens_a_part(doc, words) and (lettered_part(doc.lines[index].words) or unnamed)


def opens_a_part(doc: Page, words: Sequence[Word]) -> bool:
    """Whether words begin a line that opens a section (its heading, or its part's number)."""
    index = doc.line_of(words[0])
    return _opens_section(doc, index) and doc.lines[index].words[0] is words[0]


def _opens_section(doc: Page, index: int) -> bool:
    """Whether a line opens one of the page's sections."""
    return any(start == index for start, _ in doc.sections)


# Text types whose fit tells a value from stray text.
_TYPED_TEXT = frozenset({"name", "address"})
# Value types a question's number alone ("E3", "4.") never is (a count may be: "(3)").
_NUMBERED_NOT = frozenset({"name", "address", "organisation", "code", "text", "prose", "list"})
# Relations that take a value off its label's line.
_OFF_LINE = frozenset(
    {Relation.BELOW, Relation.ABOVE, Relation.BESIDE, Relation.WRAPPED, Relation.COLUMN}
)


# The printed answers of every choice field (``IMMUNE``, ``NOT IMMUNE``, ``YES``) and the
# answers that choose none (``DON'T KNOW``): never a name.
_CHOICE_WORDS = frozenset(
    word
    for choices in [*(spec.choices for specs in FIELDS.values() for spec in specs), ABSTAIN]
    for choice in choices
    for word in choice.split()
)


def holds_other_value(text: str) -> bool:
    """Whether a text holds a date or a phone number, or is nothing but printed answers."""
    if VALUE_TYPES["date"].search(text) or VALUE_TYPES["phone"].search(text):
        return True
    words = [w.strip(".,:;()[]").lower() for w in text.split()]
    return bool(words) and all(w in _CHOICE_WORDS for w in words)


# Value types a value's own form proves (a phone number, a date), wherever it stands.
SELF_EVIDENT = frozenset({"phone", "date"})


def typed_runs(
    kind: ValueType, words: tuple[Word, ...], whole: float = 0.5
) -> list[tuple[Word, ...]]:
    """A segment's values of the type, left to right ("Main no. 816-555-0141 Other 515-...").

    A segment that fits the type at least ``whole`` is kept whole.
    """
    if kind.fit(text_of(words)) >= whole:
        return [words]
    runs: list[tuple[Word, ...]] = []
    start = 0
    while start < len(words):
        end = next(
            (
                end
                for end in range(min(len(words), start + TYPED_RUN), start, -1)
                if kind.fit(text_of(words[start:end])) >= 1.0
            ),
            None,
        )
        if end is None:
            start += 1
            continue
        while end > start + 1 and not any(c.isdigit() for c in words[end - 1].text):
            end -= 1  # a phone and a date end in digits ("(801) 555-0194 O" is a bubble after it)
        runs.append(words[start:end])
        start = end
    return runs


def _typed_under(
    doc: Page, kind: ValueType, anchor: Anchor, stops: Sequence[LabelMatch]
) -> tuple[Word, ...]:
    """A date or a phone written whole under a label, run on from the words before it.

    "Dr Isabel Roberts 13.11.2023" under "Attending  Date of issue": boxes only their tint
    parts leave no gap between the values.
    """
    line = doc.lines[anchor.match.line]
    x0 = line.words[anchor.match.start].bbox.x0 - line.height
    x1 = column_end(line, anchor.match, stops)
    index = anchor.match.line + 1
    if index >= len(doc.lines) or doc.lines[index].page != line.page:
        return ()
    below = doc.lines[index]
    if below.center_y - line.center_y > BELOW_REACH * max(line.height, below.height):
        return ()
    column = tuple(w for w in below.words if x0 <= w.bbox.x0 and w.bbox.x1 <= x1 + line.height)
    runs = [r for r in typed_runs(kind, column, whole=1.0) if kind.fit(text_of(r)) >= 1.0]
    if len(runs) != 1 or runs[0][0] is not column[0]:
        return ()  # (words under the label before it are a value or a label of their own)
    # (a label's value after it on the row below is that label's: "ADM 10 Dec 2022")
    before = below.words.index(runs[0][0]) - 1
    return () if before in labelled_words(stops, index) else runs[0]


# The most words a phone or a date is written in ("+1 412 555 0143", "14 March 2023").
TYPED_RUN = 4
# A phone or a date found among other words right of its label counts this much.
IN_OTHER_WORDS = 0.9
# A date or a phone just before a label with none after it (a cell's caption after its value,
# on a form that leads its values elsewhere) counts this much.
TYPED_BEFORE = 0.8


def _typed_before(
    doc: Page, kind: ValueType, anchor: Anchor, stops: Sequence[LabelMatch]
) -> tuple[Word, ...]:
    """A date or a phone written just before its label, when nothing of its type follows it.

    ``2022-06-16  Valid through``: the cell's caption closes the value before it; the label
    before on the line, if any, keeps its own value (a word serves one field).
    """
    words = value_before(doc, anchor, stops)
    if not words or kind.fit(text_of(words)) < 1.0:
        return ()
    line = doc.lines[anchor.match.line]
    near = anchor.words[0].bbox.x0 - words[-1].bbox.x1 <= COLUMN_GAP * line.height
    if not near and not ruled_before(doc, anchor, words):
        return ()  # another column's value, not one written on the rule the label closes
    after = value_right(doc.lines, anchor.match, stops)
    under = value_below(doc.lines, anchor.match, stops)
    if any(kind.fit(text_of(ws)) >= 0.5 for ws in (after, under)):
        return ()
    return words


def _after_empty_box(doc: Page, first: Sequence[Word]) -> bool:
    """Whether an empty check box is drawn just before a word (an option nobody ticked)."""
    marks = doc.marks.get(first[0].page) if first else None
    return marks is not None and marks.empty_box_before(first[0].bbox)
