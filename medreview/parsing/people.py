"""A person's name, address or telephone read away from the field's own label.

A name or an address may be printed in labelled parts (``Street:``, ``City/State/Zip:``); a
list of contacts gives one row per person under column headings, its role first; a
registration form may print its people as columns and their details as rows. The value is
found through other labels than the field's own (its parts', the row's role, the person's
column heading), and a blank in the person's own place leaves the field absent rather than
taking another person's value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from medreview.documents import FieldSpec
from medreview.model import BBox, Word
from medreview.parsing import canonical
from medreview.parsing.cells import (
    caption_at_foot,
    captions_under,
    cell_over_caption,
    heading_column,
    label_cell,
    next_cell,
    row_slope,
    under_heading,
    value_above_label,
    within_cell,
    words_in_cell,
)
from medreview.parsing.labelled import (
    EMERGENCY_HEAD,
    PATIENT_HEAD,
    PERSON_HEADS,
    candidate_from,
    coerce,
    holds_other_value,
    led_by_telling_label,
    opens_a_part,
    reach_factor,
    without_blank_label,
)
from medreview.parsing.layout import (
    SECTION_WORD,
    SLASHES,
    LabelMatch,
    Line,
    value_below,
    value_right,
)
from medreview.parsing.ocrtext import without_joint
from medreview.parsing.page import (
    BASE_SCORE,
    LABEL_TYPES,
    STATE,
    ZIP_CODE,
    Anchor,
    Candidate,
    Page,
    PersonTable,
    Relation,
    is_filler,
    is_turned,
    text_of,
    word_key,
    wraps_onto,
)
from medreview.parsing.trailing import detached_value
from medreview.parsing.values import VALUE_TYPES
from medreview.parsing.vocabulary import FieldWords


def _part_anchors(
    doc: Page, item: FieldWords, scope: tuple[int, int] | None
) -> tuple[list[list[Anchor]], bool]:
    """Each part's labels, in the parts' order; a part may be printed in pieces along one line.

    When the first part has no label of its own, the field's own label printed on a later
    part's line stands for it ("Home address | City, state, ZIP | Country"); the flag says so.
    """
    found: list[list[Anchor]] = []
    before = -1  # the line of the part before: the next part is printed nearest it (under it
    # rather than over it)
    for part in item.parts:
        labelled = [
            a
            for a in doc.anchors
            if f"label:{part}" in a.keys and (scope is None or scope[0] <= a.match.line < scope[1])
        ]
        # ("St. Agnes Day Unit" in the head is no city's label, far from the street's)
        if before >= 0:
            labelled.sort(key=lambda a: (abs(a.match.line - before), a.match.line < before))
        row = [a for a in labelled if a.match.line == labelled[0].match.line] if labelled else []
        before = row[0].match.line if row else before
        # a label wrapped in its cell ("TOWN, STATE," over "ZIP") goes on on the next line
        wrapped = [a for a in labelled if any(wraps_onto(r, a) for r in row)]
        found.append([*row, *wrapped])
    if found and not found[0]:
        lines = {a.match.line for anchors in found for a in anchors}
        key = f"field:{item.name}"
        own = [a for a in doc.anchors if key in a.keys]
        found[0] = [a for a in own if a.match.line in lines][:1]
        if not found[0] and lines:
            # ... or on its own line just over the parts' ("Home address: 4053 Aspen Ave",
            # then "City: ...  State: ...  ZIP: ...")
            first = min(lines)
            over = [a for a in own if first - PARTS_BELOW <= a.match.line < first]
            found[0] = sorted(over, key=lambda a: a.match.line)[-1:]
        return found, bool(found[0])
    return found, False


# The field's own label heads the parts printed at most this many lines under it.
PARTS_BELOW = 2


# The section of the patient's own details: their parts may stand anywhere on the page.
OWN_SECTION = "patient"


def parts_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A value printed in labelled parts (``Street:``, ``City/State/Zip:``), joined by commas."""
    if not item.parts:
        return []
    kind = VALUE_TYPES[item.value]
    scope = doc.section_scope(item.section) if item.section else None
    if scope is None and item.section not in (None, OWN_SECTION):
        return []  # an insurer's or a contact's parts are looked for in their section only
    stops = [a.match for a in doc.anchors]
    pieces: list[tuple[Word, ...]] = []
    part_anchors, headed = _part_anchors(doc, item, scope)
    if scope is not None and not any(part_anchors) and doc.sections:
        # the patient's parts over the form's first heading ("Last name ... First name" on
        # the top row, "HOME ADDRESS AND PHONE" after it), in no other section
        part_anchors, headed = _part_anchors(doc, item, (0, doc.sections[0][0]))
    for anchors in part_anchors:
        for anchor in anchors:
            detached = detached_value(doc, anchor, stops)
            if detached is not None:  # the part before its caption or on its key's rule, or blank
                if detached and not doc.is_label_text(text_of(detached)):
                    pieces.append(detached)
                continue
            cell = label_cell(doc, anchor)
            right = value_right(doc.lines, anchor.match, stops)
            right = within_cell(cell, right) or next_cell(doc, cell, right)
            if right and doc.is_label_text(text_of(right)):
                right = ()  # a table's heading row: the next heading, not a value
            if captions_under(doc):  # the part is written over its caption
                above = value_above_label(doc, anchor, stops)
                below = within_cell(cell_over_caption(doc, anchor, cell), above)
            else:
                below = within_cell(cell, value_below(doc.lines, anchor.match, stops))
            if below and opens_a_part(doc, below):
                below = ()  # the next part's heading under a part left blank
            if not below and cell is not None:
                # written in the part's box (over its caption, a box left blank taking
                # nothing from the row under it), or the row under a table's heading cell
                below = words_in_cell(doc, anchor, cell) or ()
                if not below and not caption_at_foot(anchor, cell):
                    below = under_heading(doc, anchor, cell, stops, many=False)
            # far across the page, right is another column's value when one sits below
            words = below if below and right and reach_factor(doc, anchor, right) < 1.0 else right
            words = words or below
            words = without_blank_label(doc, kind, tuple(w for w in words if w.text not in SLASHES))
            if words and words[0].text.endswith(":"):
                continue  # the form's next label ("Session(s):" under a blank ZIP)
            if kind.name not in LABEL_TYPES and led_by_telling_label(doc, words):
                continue  # a blank part, then a telephone's label ("Country  cell +1 415 ...")
            if kind.name == "address" and words and holds_other_value(text_of(words)):
                continue  # a blank country, then the next question's telephone under it
            if any(w in piece for piece in pieces for w in words):
                continue  # a label wrapped in its box ("TOWN, STATE," over "ZIP"): one part
            if words and not doc.is_label_text(text_of(words)):  # "CITY / STATE7ZIP"
                pieces.append(words)
    if not pieces or (kind.name == "address" and len(pieces) < 2):
        return []  # a country alone is no address
    # an address's parts are joined by commas (a ZIP code after its state by a space); a
    # name's (given names, surname) by spaces, keeping an initial's full stop
    joint, ends = (", ", " ,.;:") if kind.name == "address" else (" ", " ,;:")
    texts = [without_joint(canonical.one_line(text_of(p)), ends) for p in pieces]
    text = texts[0]
    for before, piece in pairwise(texts):
        state_zip = kind.name == "address" and STATE.match(before) and ZIP_CODE.fullmatch(piece)
        text += (" " if state_zip else joint) + piece
    coerced = coerce(doc, spec, kind, text)
    if coerced is None:
        return []
    words = tuple(w for p in pieces for w in p)
    base = HEADED_PARTS if headed and len(pieces) > 1 else BASE_SCORE[Relation.PARTS]
    # parts that do not look like the value together ("May we leave a message?, Yes No"
    # taken from the line under an address's captions) count less, as a label's value does
    fit = kind.fit(text) if kind.name in ("name", "address") else 1.0
    score = base * coerced[1] * (0.5 + 0.5 * fit)
    return [Candidate(item.name, coerced[0], words, score, Relation.PARTS)]


# Parts headed by the field's own label ("Address: 833 Hill Terrace  City, state, ZIP:
# Madison, 53703") hold more of the value than any one relation of that label.
HEADED_PARTS = 0.96


# A table of people (one row each, its role in the first column) prints its column headings
# within this many lines over a row.
ROLE_REACH = 6
# A row found by its role is worth a little more than a column's first row: the column's
# heading names the field, the role says whose row it is.
ROLE_FACTOR = 1.05


def role_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A field of a section read from the table row whose role names that section.

    A list of contacts prints one row per person, its role first ("Notify in emergency",
    "Health care proxy"), under column headings ("Full name", "Home tel."). The row whose
    role is the section's (the emergency contact's) holds the section's values: each under
    the heading naming its field, and an address after the tag on the row's next line.
    """
    if item.section is None:
        return []
    kind = VALUE_TYPES[item.value]
    own = f"field:{item.name}"
    section_fields = {f"field:{f.name}" for f in doc.vocab.fields if f.section == item.section}
    stops = [a.match for a in doc.anchors]
    found: list[Candidate] = []
    for role in doc.anchors:
        line = doc.lines[role.match.line]
        if f"section:{item.section}" not in role.keys or role.match.start != 0:
            continue
        if any(is_turned(w) for w in role.words):
            continue  # a section's title turned up the margin, laid on a row by OCR
        after = line.words[role.match.end :]
        if not after:
            continue  # the section's heading, not a row
        heading = _role_headings(doc, role, section_fields)
        if heading is None or not _under_headings(doc, heading, after):
            continue  # (a heading's own wording after it: "In case of emergency, please notify")
        place: tuple[Word, ...] = ()  # where the row holds the field's value
        words: tuple[Word, ...] = ()
        for anchor in heading:
            if own in anchor.keys:
                column = heading_column(doc, anchor, label_cell(doc, anchor))
                if column is not None:
                    x0, x1 = column
                    place = anchor.words
                    words = tuple(w for w in after if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= x1)
                break
        else:
            tagged = _role_tagged(doc, role, own, stops) if kind.name == "address" else None
            place, words = tagged or ((), ())
        if words:
            found.extend(
                candidate_from(doc, spec, item, kind, Relation.CELL, words, role, ROLE_FACTOR)
            )
        elif place:
            # the section's own row leaves the field blank: another row's value is not its
            score = BASE_SCORE[Relation.CELL] * ROLE_FACTOR
            found.append(Candidate(item.name, None, (), score, Relation.CELL, place))
    return found


def _under_headings(doc: Page, heading: Sequence[Anchor], words: Sequence[Word]) -> bool:
    """Whether any of a row's words stands in the column of one of the headings over it."""
    columns = [heading_column(doc, a, label_cell(doc, a)) for a in heading]
    spans = [column for column in columns if column is not None]
    return any(x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= x1 for x0, x1 in spans for w in words)


def _role_headings(doc: Page, role: Anchor, fields: set[str]) -> list[Anchor] | None:
    """The column headings over a role's row.

    They are the nearest line above printing two headings or more right of the roles, one
    naming a field of the section; a row's lone tag ("Address:") is no heading line, nor is
    a row of labelled fields with their values ("Cell / home phone (602) 555-0146").
    """
    for index in range(role.match.line - 1, max(-1, role.match.line - ROLE_REACH), -1):
        if doc.lines[index].page != doc.lines[role.match.line].page:
            return None
        right = role.words[-1].bbox.x1
        heads = [a for a in doc.anchors_on(index) if a.words[0].bbox.x0 > right]
        printed = {word_key(w) for a in heads for w in a.words}
        written = [w for w in doc.lines[index].words if w.bbox.x0 > right]
        if any(word_key(w) not in printed and _VALUE_MARK.search(w.text) for w in written):
            continue  # a row of labelled values: a digit or an e-mail's @ is written there
        if len(heads) >= 2 and any(set(a.keys) & fields for a in heads):
            return heads
    return None


# What only a written value holds, never a column's heading: a digit, an e-mail's @.
_VALUE_MARK = re.compile(r"[0-9@]")


def _role_tagged(
    doc: Page, role: Anchor, own: str, stops: Sequence[LabelMatch]
) -> tuple[tuple[Word, ...], tuple[Word, ...]] | None:
    """The tag on the lines under a role's row, before the next row, and the value after it.

    ``None`` when the row has no such tag.
    """
    left = role.words[0].bbox.x0
    for index in range(role.match.line + 1, min(len(doc.lines), role.match.line + 3)):
        line = doc.lines[index]
        if line.words[0].bbox.x0 <= left + line.height:
            return None  # the next row's role
        for anchor in doc.anchors_on(index):
            if own in anchor.keys or any(k.endswith("address") for k in anchor.keys):
                return anchor.words, value_right(doc.lines, anchor.match, stops)
    return None


# A person table (one column per person, one row per attribute) prints its row labels within
# this many lines under its column headings, and each row's label within this many lines of
# the row's before it.
MATRIX_FIRST_ROW = 3
MATRIX_ROW_GAP = 3
# A value read from the column of the person it belongs to outranks one read beside the
# row's label (which, in such a table, is the first person's); the person's cell found blank
# counts a little less than a filled one, and a later row of the same field ("Tel. (home)",
# then "Tel. (work)") less than the first.
MATRIX_FACTOR = 1.08
MATRIX_BLANK = 0.9
MATRIX_LATER_ROW = 0.97
# The person a column heading names, from the keys its anchor carries.
_OTHER_HEAD = "label:other_person"
_PERSON_TYPES = frozenset({"name", "phone", "address", "date"})
# The rows a person table may give an address's lines: its street's, then the later ones.
_STREET_ROW = "label:street"
_ADDRESS_LINE_ROWS = ("label:city_state_zip", "label:country")


def matrix_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A person's field read from a table whose columns are people and whose rows are fields.

    A registration form may print the patient, the person to notify and the next of kin as
    columns side by side, under one column of row labels (``Full name``, ``Home address``).
    The field's value is where its row meets its person's column: the emergency contact's
    column for the contact's fields, the patient's for the patient's. A blank cell there
    leaves the field absent rather than reading another person's value beside the label.
    """
    kind = VALUE_TYPES[item.value]
    if kind.name not in _PERSON_TYPES or item.section not in (None, "patient", "emergency"):
        return []
    person = "emergency" if item.section == "emergency" else "patient"
    own = f"field:{item.name}"
    found: list[Candidate] = []
    for table in _matrices(doc):
        column = _person_column(doc, table, person)
        if column is None:
            continue
        heading = table.heads[0].match.line
        factor = MATRIX_FACTOR
        for position, (label, (top, bottom)) in enumerate(table.rows):
            if own not in label.keys and not (kind.name == "address" and _STREET_ROW in label.keys):
                continue
            rows = [(label, top, bottom)]
            if kind.name == "address":
                # an address's later lines in rows of their own ("City, State, ZIP", "Country")
                for later, (later_top, later_bottom) in table.rows[position + 1 :]:
                    if not any(k in later.keys for k in _ADDRESS_LINE_ROWS):
                        break
                    rows.append((later, later_top, later_bottom))
            words = tuple(
                w
                for row_label, row_top, row_bottom in rows
                for ln in doc.lines[heading + 1 :]
                if ln.page == label.words[0].page
                for w in ln.words
                if _in_person_cell(
                    w, (row_label.words[0].bbox.x0, row_top, row_bottom), column, table.slope
                )
                and not is_filler(w.text)
            )
            matched = factor * (0.9 + 0.1 * min(1.0, label.match.score / 100.0))
            factor *= MATRIX_LATER_ROW
            if words:
                found.extend(
                    candidate_from(doc, spec, item, kind, Relation.CELL, words, label, matched)
                )
            else:
                score = BASE_SCORE[Relation.CELL] * matched * MATRIX_BLANK
                found.append(Candidate(item.name, None, (), score, Relation.CELL, label.words))
    return found


def _in_person_cell(
    word: Word, row: tuple[float, float, float], column: tuple[float, float], slope: float
) -> bool:
    """Whether a word stands in a row (its label's left, top and bottom) and a column.

    The word's height is taken back to the label's, along the table's slope.
    """
    middle = (word.bbox.x0 + word.bbox.x1) / 2
    x, top, bottom = row
    return top <= word.bbox.center_y - slope * (middle - x) <= bottom and (
        column[0] <= middle <= column[1]
    )


def _is_person_head(anchor: Anchor) -> bool:
    return any(k in anchor.keys for k in (PATIENT_HEAD, _OTHER_HEAD, EMERGENCY_HEAD))


def _other_names_joined(line: Line, heads: list[Anchor]) -> list[Anchor]:
    """Person headings with another name for the same one after a slash kept once.

    ``EMERGENCY CONTACT / NEXT OF KIN`` names one person: a section's title, no table's two
    columns.
    """
    kept: list[Anchor] = []
    for head in heads:
        if kept and kept[-1].match.line == head.match.line:
            between = line.words[kept[-1].match.end : head.match.start]
            if between and all(w.text in SLASHES for w in between):
                continue
        kept.append(head)
    return kept


def _matrices(doc: Page) -> list[PersonTable]:
    """The person tables of a document: their column headings and their labelled rows.

    A table's heading line names two people or more, one of them the patient or the person
    to notify; its rows are the field labels under it, in one column left of the headings,
    each row reaching from its label's ruled cell's top to its bottom (or, where no cell was
    found, halfway to the rows above and below). Its rows fall across the page as its
    lines do on average.
    """
    if doc.person_tables is not None:
        return doc.person_tables
    tables: list[PersonTable] = []
    headings = {ln for ln, _ in doc.sections}
    for index, line in enumerate(doc.lines):
        heads = _other_names_joined(
            line,
            sorted(
                (a for a in doc.anchors_on(index) if _is_person_head(a)),
                key=lambda a: a.words[0].bbox.x0,
            ),
        )
        if len(heads) < 2 or not any(PERSON_HEADS.intersection(a.keys) for a in heads):
            continue
        left = heads[0].words[0].bbox.x0
        labels: list[Anchor] = []
        last = index
        for below in range(index + 1, len(doc.lines)):
            words = doc.lines[below].words
            if (
                doc.lines[below].page != line.page
                or below - last > (MATRIX_ROW_GAP if labels else MATRIX_FIRST_ROW)
                or below in headings
                or (len(words) > 1 and SECTION_WORD.fullmatch(words[0].text))
            ):
                break  # the table ends at the next section ("Part B - Prescription")
            for anchor in doc.anchors_on(below):
                if (
                    anchor.words[-1].bbox.x1 <= left
                    and any(k.startswith(("field:", "label:")) for k in anchor.keys)
                    and not _is_person_head(anchor)  # ("Relationship to / patient", wrapped)
                ):
                    if labels and abs(anchor.words[0].bbox.x0 - labels[0].words[0].bbox.x0) > (
                        3 * anchor.words[0].bbox.height
                    ):
                        continue  # not the table's column of row labels
                    labels.append(anchor)
                    last = below
        if len(labels) >= 2:
            slopes = [row_slope(ln) for ln in doc.lines[index : last + 1]]
            slope = float(median([s for s in slopes if s] or [0.0]))
            tables.append(PersonTable(heads, _matrix_rows(doc, labels), slope))
    doc.person_tables = tables
    return tables


def _matrix_rows(doc: Page, labels: Sequence[Anchor]) -> list[tuple[Anchor, tuple[float, float]]]:
    """Each row label with the top and bottom of its row."""
    rows: list[tuple[Anchor, tuple[float, float]]] = []
    for position, label in enumerate(labels):
        box = BBox.union(w.bbox for w in label.words)
        cell = label_cell(doc, label)
        if cell is not None and cell.y1 - cell.y0 < 8 * box.height:
            rows.append((label, (float(cell.y0), float(cell.y1))))
            continue
        above = labels[position - 1].words[0].bbox.y1 if position else box.y0 - box.height
        below = labels[position + 1].words[0].bbox.y0 if position + 1 < len(labels) else None
        bottom = (box.y1 + below) / 2 if below is not None else box.y1 + 2 * box.height
        rows.append((label, ((above + box.y0) / 2, bottom)))
    return rows


def _person_column(doc: Page, table: PersonTable, person: str) -> tuple[float, float] | None:
    """The left and right of the column a person table gives one person.

    The person to notify is the column headed as the emergency contact; the next of kin's
    column is theirs only when the table has no such column. With no ruled cell round its
    heading, a column runs from its heading to the next; headings centred over their columns
    (far right of the row labels) share the width between them half and half, the first
    column beginning at the row labels.
    """
    heads = table.heads
    if person == "patient":
        chosen = [a for a in heads if PATIENT_HEAD in a.keys]
    else:
        chosen = [a for a in heads if EMERGENCY_HEAD in a.keys and _OTHER_HEAD not in a.keys]
        chosen = chosen or [a for a in heads if EMERGENCY_HEAD in a.keys]
    if len(chosen) != 1:
        return None
    head = chosen[0]
    position = heads.index(head)
    height = head.words[0].bbox.height
    cell = label_cell(doc, head)
    if cell is not None and not any(
        cell.holds(w.bbox) for a in heads if a is not head for w in a.words
    ):
        return float(cell.x0), float(cell.x1)
    width = doc.sizes.get(head.words[0].page, (0, 0))[0]
    page_end = float(width or head.words[-1].bbox.x1 + 40 * height)
    labels_end = max(label.words[-1].bbox.x1 for label, _ in table.rows)
    if heads[0].words[0].bbox.x0 - labels_end > CENTRED_HEADS * height:
        centres = [(a.words[0].bbox.x0 + a.words[-1].bbox.x1) / 2 for a in heads]
        left = labels_end if position == 0 else (centres[position - 1] + centres[position]) / 2
        if position + 1 < len(heads):
            return left, (centres[position] + centres[position + 1]) / 2
        return left, page_end
    x0 = head.words[0].bbox.x0 - height
    if position + 1 < len(heads):
        return x0, heads[position + 1].words[0].bbox.x0 - height
    return x0, page_end


# Column headings this many text heights right of the row labels are centred over their
# columns.
CENTRED_HEADS = 4.0
