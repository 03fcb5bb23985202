"""The layout-independent reader: typed candidates, label anchors, relations, one assignment.

For every field of a document type (:mod:`medreview.parsing.vocabulary`) the
reader gathers candidates:

* at each of its labels: the words right of it, beside it on a tilted line,
  below it in its column, inside the ruled cell that holds it, running on over
  the following lines for multi-line values;
* where a value sits with no label: unlabelled lines of the field's type under
  its section heading (by order), alone at the top right of page 1, the
  letterhead, the name signed above ``Signature``, the block of lines between
  the labelled rows, a printed row of choices.

Each candidate is coerced by its value type (:mod:`medreview.parsing.values`)
and scored by type validity, label match, relation, distance and section; the
best consistent set is kept (a word serves one field) and each field's
confidence comes from its score and its margin over the runner-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from itertools import pairwise
from statistics import median
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from medreview.config import DateOrder, PipelineConfig
from medreview.documents import (
    DOCUMENT_TYPES,
    FIELDS,
    YES_NO,
    DocumentType,
    FieldKind,
    FieldSpec,
)
from medreview.lexicon import get_lexicon
from medreview.model import BBox, FieldData, FieldResult, OcrPage, Word
from medreview.parsing import canonical
from medreview.parsing.canonical import TextStyle
from medreview.parsing.choices import (
    ABSTAIN,
    Option,
    is_partial_row,
    is_refill_row,
    option_spans,
    read_box_row,
    read_choice,
    read_refill_row,
    split_slashes,
    written_after_other,
)
from medreview.parsing.choices import (
    REFILL_ROW as REFILL_CHOICES,
)
from medreview.parsing.layout import (
    BELOW_REACH,
    COLUMN_GAP,
    ENUMERATION,
    SECTION_MARK,
    SECTION_WORD,
    SLASHES,
    LabelMatch,
    Line,
    after_wording,
    compact,
    find_labels,
    glued_value,
    lettered_part,
    page_lines,
    repeated_columns,
    segment_starts,
    segments,
    split_word,
    value_above,
    value_below,
    value_beside,
    value_right,
    value_wrapped,
)
from medreview.parsing.marks import Cell, PageMarks, Rule, decide
from medreview.parsing.ocrtext import without_joint
from medreview.parsing.values import (
    STRENGTH,
    VALUE_TYPES,
    ValueType,
    infer_date_order,
    name_fit,
)
from medreview.parsing.vocabulary import FieldWords, Place, Vocabulary, vocabulary

GrayImage = npt.NDArray[np.uint8]


class Relation(StrEnum):
    """How a candidate relates to what anchors it; each carries a base score."""

    RIGHT = "right"
    BESIDE = "beside"
    BELOW = "below"
    WRAPPED = "wrapped"
    ABOVE = "above"
    CELL = "cell"
    COLUMN = "column"
    PARTS = "parts"
    SECTION = "section"
    CORNER = "corner"
    HEADER = "header"
    TICKED = "ticked"
    SIGNED = "signed"
    STICKER = "sticker"
    BLOCK = "block"
    ROW = "row"
    ANYWHERE = "anywhere"


BASE_SCORE: dict[Relation, float] = {
    Relation.RIGHT: 0.95,
    Relation.CELL: 0.95,
    Relation.COLUMN: 0.93,
    Relation.PARTS: 0.94,
    Relation.BELOW: 0.9,
    Relation.WRAPPED: 0.9,
    Relation.ABOVE: 0.9,
    Relation.BESIDE: 0.85,
    Relation.HEADER: 0.8,
    Relation.TICKED: 0.95,
    Relation.BLOCK: 0.85,
    Relation.SIGNED: 0.7,
    Relation.STICKER: 0.8,
    Relation.SECTION: 0.72,
    Relation.CORNER: 0.7,
    Relation.ROW: 0.75,
    Relation.ANYWHERE: 0.45,
}
# Candidates below this score are not kept at all.
MIN_SCORE = 0.3
# How many points below the usual bar a damaged label may match (see ``Anchor.weak``).
WEAK_LABEL_SLACK = 16.0
# A damaged label counts this much, and only before a value that fully fits its type.
WEAK_FACTOR = 0.8
# A shared label's place that is not the field's turn counts this much.
SHARED_ORDER = 0.97
# Values under their labels on a form that prints captions under the values (or values over
# labels on a form that prints labels over values) count this much.
AGAINST_CONVENTION = 0.7
# A choice's answer read past the question's cell counts this much.
OUTSIDE_CELL = 0.9
# A label found outside the field's section counts this much.
OUTSIDE_SECTION = 0.35
# A rule this share of the page wide, within this share of its height from the top, closes
# the page's letterhead.
LETTERHEAD_RULE = 0.6
LETTERHEAD_DEPTH = 0.2
# Words that mark a line as a doctor's name (compared after ``compact``).
DOCTOR_MARKS = frozenset({"dr", "md", "do", "mbbs", "doctor", "dds", "dmd", "np", "pa"})
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


@dataclass(slots=True)
class ParseOutcome:
    """The fields read from a document and what went wrong (field and problem only)."""

    fields: dict[str, FieldResult] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A printed label found on the page and the keys (fields, labels, sections) it stands for."""

    match: LabelMatch
    keys: tuple[str, ...]
    words: tuple[Word, ...]
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible value of one field, with the words it was read from and its score."""

    field: str
    value: FieldData
    words: tuple[Word, ...]
    score: float
    relation: Relation
    label_words: tuple[Word, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonTable:
    """A table of people in columns, their details in rows (see ``matrix_candidates``)."""

    heads: list[Anchor]  # the column headings, left to right
    rows: list[tuple[Anchor, tuple[float, float]]]  # each row's label, its top and bottom there
    slope: float  # how far the table's rows fall per pixel across the page (a tilted photo)


@dataclass(slots=True)
class Page:
    """What the reader knows of the document: lines, anchors, sections, images."""

    lines: tuple[Line, ...]
    anchors: list[Anchor]
    vocab: Vocabulary
    order: DateOrder
    marks: dict[int, PageMarks]
    medical: dict[tuple[int, int, int, int, int], Word]
    sizes: dict[int, tuple[int, int]]
    label_texts: frozenset[str]
    sections: list[tuple[int, str]] = field(default_factory=list)
    weak_anchors: list[Anchor] = field(default_factory=list)
    line_index: dict[tuple[int, int, int, int, int], int] = field(default_factory=dict)
    # whether the form prints its captions under the values (decided once, by the page)
    captions_under: bool | None = None
    # per page, where the rule closing its letterhead runs (-1: none; found once)
    letterheads: dict[int, float] = field(default_factory=dict)
    # the words of segments led by another document type's label ("Allergies: ...")
    foreign: frozenset[tuple[int, int, int, int, int]] = frozenset()
    # the person tables (people in columns, fields in rows; found once)
    person_tables: list[PersonTable] | None = None
    # per line, whether it is a heading with a rule run on from its end (found on demand)
    ruled: dict[int, bool] = field(default_factory=dict)
    # per page, where a tear-off stub starts down the page (-1: none; found once)
    stubs: dict[int, float] = field(default_factory=dict)
    # the words of columns printed alike row after row, with their headings (found once)
    repeated: frozenset[tuple[int, int, int, int, int]] | None = None
    # the labels of telephones and dates, compacted (found once)
    telling_labels: frozenset[str] | None = None

    def anchors_on(self, line: int) -> list[Anchor]:
        """The anchors found on one line."""
        return [a for a in self.anchors if a.match.line == line]

    def line_of(self, word: Word) -> int:
        """The index of the line holding a word."""
        if not self.line_index:
            self.line_index.update(
                {_key(w): i for i, ln in enumerate(self.lines) for w in ln.words}
            )
        return self.line_index[_key(word)]

    def section_scope(self, name: str) -> tuple[int, int] | None:
        """Lines from a section's heading to the next heading or page end.

        A heading of the same section just after it (a form's title naming it, then the
        section's own bar) continues it.
        """
        for position, (line, title) in enumerate(self.sections):
            if title == name:
                page = self.lines[line].page
                following = [
                    ln for ln, other in self.sections[position + 1 :] if ln > line and other != name
                ]
                end = min(following, default=len(self.lines))
                for index in range(line + 1, end):
                    if self.lines[index].page != page:
                        return line, index
                return line, end
        return None

    def in_section(self, name: str, line: int) -> bool:
        """Whether a line lies under a section's heading (the heading's own line included)."""
        scope = self.section_scope(name)
        return scope is not None and scope[0] <= line < scope[1]

    def in_letterhead(self, line: int) -> bool:
        """Whether a line is in its page's letterhead: over a long rule near the page's top.

        The clinic's own address and phone stand there; a record's fields never do.
        """
        page = self.lines[line].page
        if page not in self.letterheads:
            width, height = self.sizes.get(page, (0, 0))
            marks = self.marks.get(page)
            rules = marks.rules()[0] if marks is not None else []
            tops = [
                r.level  # where the rule runs at its middle
                for r in rules
                if r.end - r.start >= LETTERHEAD_RULE * width
                and r.level < LETTERHEAD_DEPTH * height
            ]
            self.letterheads[page] = min(tops, default=-1.0)
        return self.lines[line].bbox.y1 <= self.letterheads[page]

    def ruled_heading(self, line: int) -> bool:
        """Whether a line is a heading a rule runs on from, level with its text, to the right.

        ``PREGNANCY HISTORY ────────``: a section's title in capitals, never a value nor a
        value's next line. A label's blank after it ("Group no.: ____") runs under the
        writing, not through the middle of it, and the label ends with its colon.
        """
        if line not in self.ruled:
            words = self.lines[line].words
            letters = [c for w in words for c in w.text if c.isalpha()]
            if len(letters) < 4 or not all(c.isupper() for c in letters):
                words = ()  # a title in capitals only
            elif words[-1].text.endswith(":"):
                words = ()  # a label before its blank
            marks = self.marks.get(self.lines[line].page)
            height = self.lines[line].height
            end = words[-1].bbox.x1 if words else 0
            middle = (words[-1].bbox.y0 + words[-1].bbox.y1) / 2 if words else 0
            self.ruled[line] = bool(words) and any(
                end - height / 2 <= r.start <= end + HEADING_RULE_GAP * height
                and r.end - r.start >= HEADING_RULE_LENGTH * height
                and abs(r.at(r.start) - middle) <= HEADING_RULE_LEVEL * height
                for r in (marks.rules()[0] if marks is not None else ())
            )
        return self.ruled[line]

    def on_stub(self, word: Word) -> bool:
        """Whether a word is on a tear-off stub: under "Detach and keep" low on its page.

        An appointment reminder the patient tears off carries its own date, provider and
        telephone; none of them is the document's.
        """
        if word.page not in self.stubs:
            height = self.sizes.get(word.page, (0, 0))[1]
            self.stubs[word.page] = min(
                (
                    float(self.lines[a.match.line].bbox.y1)
                    for a in self.anchors
                    if "label:detach" in a.keys
                    and self.lines[a.match.line].page == word.page
                    and self.lines[a.match.line].center_y > STUB_DEPTH * height
                ),
                default=-1.0,
            )
        top = self.stubs[word.page]
        return 0 <= top <= word.bbox.y0

    def blank_labels(self) -> frozenset[str]:
        """The labels of telephones and dates (fields' and others'), compacted."""
        if self.telling_labels is None:
            fields = [f for f in self.vocab.fields if f.value in _LABEL_TYPES]
            keys = [k for k in self.vocab.labels if "phone" in k or "date" in k]
            self.telling_labels = frozenset(
                compact(label)
                for labels in (*(f.labels for f in fields), *(self.vocab.labels[k] for k in keys))
                for label in labels
            )
        return self.telling_labels

    def printed_alike(self, word: Word) -> bool:
        """Whether a word stands in a column the form prints alike on every row (``OD OS OU``)."""
        if self.repeated is None:
            self.repeated = frozenset(repeated_columns(self.lines))
        return _key(word) in self.repeated

    def words_for(self, words: Iterable[Word], medical: bool) -> tuple[Word, ...]:
        """The words as the engine read them, or medically corrected for medical fields."""
        if not medical:
            return tuple(words)
        return tuple(self.medical.get(_key(w), w) for w in words)

    def is_label_text(self, text: str) -> bool:
        """Whether a text is a printed label of the vocabulary (never a value).

        Labels printed together with a slash OCR read as a digit count too ("STATE7ZIP").
        """
        squashed = compact(text)
        if not squashed:
            return False
        if squashed in self.label_texts or any(
            len(squashed) >= 5 and fuzz.ratio(squashed, label) >= 92 for label in self.label_texts
        ):
            return True
        parts = [compact(part) for part in _LABEL_JOINS.split(text.strip())]
        return len(parts) > 1 and all(len(p) >= 3 and p in self.label_texts for p in parts)


# A tear-off stub's "Detach and keep" stands below this share of its page's height.
STUB_DEPTH = 0.5
# A heading's rule starts within this many text heights of its last word, runs at least this
# many, and stays within this share of a text height of the words' middle.
HEADING_RULE_GAP = 2.0
HEADING_RULE_LENGTH = 8.0
HEADING_RULE_LEVEL = 0.3


# Between two labels printed as one ("STATE/ZIP"), the slash or a digit OCR read for it.
_LABEL_JOINS = re.compile(r"(?<=[A-Za-z])[/|71](?=[A-Za-z])")


def _key(word: Word) -> tuple[int, int, int, int, int]:
    box = word.bbox
    return (word.page, box.x0, box.y0, box.x1, box.y1)


def _on_end(word: Word) -> bool:
    """Whether a word is printed on end (a section's title turned up a margin strip)."""
    letters = sum(c.isalpha() for c in word.text)
    return letters >= 4 and word.bbox.height > ON_END * word.bbox.width


def _upright(words: Sequence[Word]) -> list[Word]:
    """The words set upright: those on end, and short ones stacked with them, left out.

    Text turned on end is no line of the form (it would join the lines it crosses).
    """
    turned = [w.bbox for w in words if _on_end(w)]

    def stacked(box: BBox) -> bool:
        return any(
            min(box.x1, t.x1) - max(box.x0, t.x0) > 0.5 * box.width
            and min(abs(box.y1 - t.y0), abs(t.y1 - box.y0), abs(box.y0 - t.y0)) < 4 * t.width
            for t in turned
        )

    return [
        w for w in words if not _on_end(w) and not (len(w.text) <= 2 and turned and stacked(w.bbox))
    ]


# A word this many times taller than wide is printed on end.
ON_END = 2.0


def _as_read(page: OcrPage, label_ends: frozenset[str]) -> OcrPage:
    """The page with every word as the engine read it, before medical correction.

    A value OCR glued to a label's last word is a word of its own ("refilled6", "nameVictor"
    where a label ends in "refilled", "name"); text turned on end is left out, and so is a
    date's format printed as a hint ("mm/dd/yyyy"): it is the form's, never a value.
    """
    words: list[Word] = []
    for word in _upright(page.words):
        word = replace(word, text=word.ocr_text, corrected=False) if word.corrected else word
        if DATE_HINT.fullmatch(word.text.strip("()[]:")):
            continue
        glued = glued_value(word.text)
        if glued is None or not _label_end(compact(glued[0]), label_ends):
            words.append(word)
        else:
            words.extend(split_word(word, glued))
    return replace(page, words=tuple(words))


# A date's format as a form prints it for the writer: "mm/dd/yyyy", "DD-MM-YY", "yyyy/mm/dd".
DATE_HINT = re.compile(
    r"(?i)(?:[md]{1,2}[/.-][md]{1,2}[/.-]y{2,4}|y{2,4}[/.-][md]{1,2}[/.-][md]{1,2})"
)


def _label_end(printed: str, label_ends: frozenset[str]) -> bool:
    """Whether letters end like a label: its last word, or run on into it ("FORMDATE")."""
    return printed in label_ends or any(
        len(end) >= 4 and printed.endswith(end) for end in label_ends
    )


def _text(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in words)


def _is_filler(text: str) -> bool:
    return not re.sub(r"[_.\-—–|:·•=~]", "", text).strip()


# How much better than another type's longer label a label must match to stand.
CLOSER = 10.0


def build_page(
    document_type: DocumentType,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None,
) -> Page:
    """Lines, anchors and sections of a document, as every relation reads them."""
    vocab = vocabulary(document_type)
    owners = vocab.label_owners()
    label_ends = frozenset(compact(label.split()[-1]) for label in owners if label.split())
    as_read = [_as_read(p, label_ends) for p in pages]
    marks: dict[int, PageMarks] = {}
    for page, image in zip(sorted(pages, key=lambda p: p.index), images or (), strict=False):
        if image is not None:
            marks[page.index] = PageMarks(image)
    lines = tuple(_panel_lines(as_read, marks))
    table = {label: (label,) for label in owners}
    foreign = find_labels(lines, _foreign_labels(document_type)[0])
    # a label of this type that begins another type's longer one is that one's ("Drug
    # allergies:" on a prescription is no medicine's label)
    longer = {(m.line, m.start): m for m in foreign}
    anchors = []
    fenced = _fenced_words(lines, marks)
    matches = find_labels(lines, table, fenced=fenced)
    labelled = {(m.line, i) for m in matches for i in range(m.start, m.end)}
    for match in matches:
        other = longer.get((match.line, match.start))
        if other is not None and other.end > match.end and other.score >= match.score - CLOSER:
            continue  # (a worse match, "PROVIDER: Dr." for "Provider address", takes nothing)
        words = lines[match.line].words[match.start : match.end]
        if _state_after_city(lines[match.line].words, match):
            continue  # "Lansing, MI 48933": Michigan, not a middle initial's label
        if (match.line, match.start - 1) not in labelled and _word_of_a_phrase(
            lines[match.line].words, match
        ):
            continue  # "occupational medicine - physicals": a clinic's services, no label
        keys = _owners(owners, match)
        if _after_part_letter(lines[match.line].words, match):
            # "PART G Health plan": the part's title, no field's label
            keys = tuple(k for k in keys if k.startswith("section:"))
            if not keys:
                continue
        if len(words) > 1 and _answer_word(document_type, keys, words[-1]):
            # a variant's last word was an answer ("Varicella / chickenpox Immune"): not the label's
            match = replace(match, end=match.end - 1)
            words = words[:-1]
        anchors.append(Anchor(match, keys, words))
    medical = {_key(w): w for p in pages for w in p.words}
    texts = [w.text for p in as_read for w in p.words]
    order = infer_date_order([" ".join(texts)], config.date_order)
    sizes = {p.index: (p.width, p.height) for p in pages}
    label_texts = frozenset(compact(label) for label in owners)
    doc = Page(lines, anchors, vocab, order, marks, medical, sizes, label_texts)
    starts = {i: segment_starts(ln) for i, ln in enumerate(lines)}
    # labels OCR damaged badly ("appress"), believed only before a value of their field's type
    taken = {(a.match.line, i) for a in anchors for i in range(a.match.start, a.match.end)}
    for match in find_labels(lines, table, slack=WEAK_LABEL_SLACK, fenced=fenced):
        span = {(match.line, i) for i in range(match.start, match.end)}
        keys = tuple(
            k
            for k in _owners(owners, match)
            if k.startswith("field:") and vocab.field(k.split(":", 1)[1]).value in _PROVING
        )
        words = lines[match.line].words[match.start : match.end]
        printed = "".join(w.text for w in words)
        lettered = sum(c.isalpha() for c in printed) >= 0.7 * len(printed)
        # one word of the label's length: a damaged label, not a value that looks like one
        alike = len(words) == 1 and abs(len(compact(printed)) - len(compact(match.key))) <= 1
        alike = alike and " " not in match.key.strip()  # a damaged word, not a whole phrase
        # a drug or a condition the lexicon knows is a value, never a damaged label
        alike = alike and not get_lexicon().is_term(printed.strip(",.;:").lower())
        if keys and lettered and alike and not span & taken and match.start in starts[match.line]:
            doc.weak_anchors.append(Anchor(match, keys, words, weak=True))
    doc.foreign = _foreign_fields(document_type, lines, starts, foreign)
    doc.sections = sorted(
        (a.match.line, key.split(":", 1)[1])
        for a in anchors
        for key in a.keys
        if key.startswith("section:")
        and (a.match.start in starts[a.match.line] or _after_section_letter(lines, a.match))
        and (a.match.end - a.match.start > 1 or _heads_its_line(lines, a.match))
    )
    # a lettered part whose title the vocabulary lacks ("PART F Medicines") still ends the
    # section before it
    named = {line for line, _ in doc.sections}
    doc.sections = sorted(
        [
            *doc.sections,
            *((i, UNNAMED_PART) for i, ln in enumerate(lines) if i not in named and _part(ln)),
        ]
    )
    doc.anchors = [_in_its_section(doc, a) for a in doc.anchors]
    return doc


def _fenced_words(lines: Sequence[Line], marks: Mapping[int, PageMarks]) -> dict[int, set[int]]:
    """Per line, the words a drawn box or cell begins just before.

    A box round "Date of physical 03/10/2025" beside running text: an upright line stands
    in the gap before its first word, or lines over and under the words start there.
    """
    fenced: dict[int, set[int]] = {}
    for index, line in enumerate(lines):
        found = marks.get(line.page)
        if found is None or len(line.words) < 2:
            continue
        middle, reach = line.center_y, FENCE_REACH * line.height
        lying, upright = found.rules()
        sides = [r.at(middle) for r in upright if r.start <= middle <= r.end]
        for i, (before, word) in enumerate(pairwise(line.words), 1):
            gap = (before.bbox.x1, word.bbox.x0)
            starts = [r for r in lying if gap[0] <= r.start <= gap[1]]
            over = any(0 < middle - r.at(r.start) <= reach for r in starts)
            under = any(0 < r.at(r.start) - middle <= reach for r in starts)
            if any(gap[0] <= x <= gap[1] for x in sides) or (over and under):
                fenced.setdefault(index, set()).add(i)
    return fenced


# A box's lines run over and under its words within this many of their line's heights.
FENCE_REACH = 1.5


def _panel_lines(pages: Sequence[OcrPage], marks: Mapping[int, PageMarks]) -> list[Line]:
    """The pages' lines, a panel fenced off by a drawn edge read apart from the body.

    A sidebar's doctors and offices sit level with the body's rows ("Lic. MD476564" beside
    "Ketorolac 0.5% gtts"); read as one line they join the body's values. Each column between
    panel edges is grouped into lines of its own, left column first.
    """
    lines: list[Line] = []
    for page in sorted(pages, key=lambda p: p.index):
        found = marks.get(page.index)
        edges = found.panel_edges() if found is not None else []
        if not edges:
            lines.extend(page_lines([page]))
            continue
        columns: dict[int, list[Word]] = {}
        for word in page.words:
            cx, cy = (word.bbox.x0 + word.bbox.x1) / 2, word.bbox.center_y
            columns.setdefault(sum(e.at(cy) < cx for e in edges), []).append(word)
        for column in sorted(columns):
            lines.extend(page_lines([replace(page, words=tuple(columns[column]))]))
    return lines


# The section of a lettered part whose title names none of the vocabulary's sections.
UNNAMED_PART = "part"


def _part(line: Line) -> bool:
    """Whether a line begins with a part's word and letter, then its title ("PART F Medicines")."""
    return lettered_part(line.words) and line.words[2].text[:1].isalpha()


def _heads_its_line(lines: Sequence[Line], match: LabelMatch) -> bool:
    """Whether a one-word heading begins its line and stands alone or before its colon's value.

    ``PATIENT`` alone and ``NOTIFY- Rosa Allen`` head sections; ``Patient / guardian
    signature``, ``PATIENT REGISTRATION FORM`` and a letterhead's last word do not.
    """
    words = lines[match.line].words
    first = match.start == 0 or _after_section_letter(lines, match)
    return first and (match.end == len(words) or words[match.end - 1].text.endswith((":", "-")))


def _in_its_section(doc: Page, anchor: Anchor) -> Anchor:
    """A label some field owns only under its section's heading, kept for that field there.

    "Name" under PRESCRIBING PRACTITIONER is the prescriber's, and no longer the patient's;
    elsewhere it is the patient's alone.
    """
    key, line = anchor.match.key, anchor.match.line
    scoped = {}
    for k in anchor.keys:
        if k.startswith("field:"):
            section = doc.vocab.label_section(k.split(":", 1)[1], key)
            if section is not None:
                scoped[k] = doc.in_section(section, line)
    if not scoped:
        return anchor
    here = [k for k, inside in scoped.items() if inside]
    kept = [
        k
        for k in anchor.keys
        if (k in here) or (not here and k not in scoped) or not k.startswith("field:")
    ]
    return replace(anchor, keys=tuple(kept))


def _after_part_letter(words: Sequence[Word], match: LabelMatch) -> bool:
    """Whether a match begins its line after a part's word and letter ("PART B", "Section 2")."""
    return match.start == 2 and lettered_part(words)


def _after_section_letter(lines: Sequence[Line], match: LabelMatch) -> bool:
    """Whether a heading stands right after its section's letter, first on its line.

    The letter may follow the word ``Part`` or ``Section`` ("PART B  Person to contact").
    """
    words = lines[match.line].words
    if _after_part_letter(words, match):
        return True
    return match.start == 1 and bool(SECTION_MARK.fullmatch(words[0].text))


@cache
def _choices(document_type: DocumentType) -> Mapping[str, tuple[str, ...]]:
    """Each choice field's answers."""
    return {s.name: s.choices for s in FIELDS[document_type] if s.kind is FieldKind.ENUM}


def _answer_word(document_type: DocumentType, keys: Sequence[str], word: Word) -> bool:
    """Whether a label's last word, with no colon or question mark, is one of its answers."""
    if word.text.endswith(("?", ":")):
        return False
    choices = _choices(document_type)
    fields = (key.split(":", 1)[1] for key in keys if key.startswith("field:"))
    return any(option_spans([word], choices[name]) for name in fields if name in choices)


# Value types whose form tells them apart from a medicine line or running text.
_TELLING = frozenset({"date", "phone", "number", "code"})


@cache
def _foreign_labels(
    document_type: DocumentType,
) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, frozenset[str]]]:
    """The labels other document types print and this one does not.

    Returned as a label table for :func:`find_labels`, and per label the value types of its
    fields whose form tells them (``_TELLING``). Built once per document type.
    """
    own = {compact(label) for label in vocabulary(document_type).label_owners()}
    telling: dict[str, set[str]] = {}
    for other in DOCUMENT_TYPES:
        if other is document_type:
            continue
        vocab = vocabulary(other)
        for label, keys in vocab.label_owners().items():
            if compact(label) in own:
                continue
            fields = (key.split(":", 1)[1] for key in keys if key.startswith("field:"))
            kinds = (vocab.field(name).value for name in fields)
            telling.setdefault(label, set()).update(k for k in kinds if k in _TELLING)
    table = {label: (label,) for label in telling}
    return table, {label: frozenset(kinds) for label, kinds in telling.items()}


def _word_of_a_phrase(words: Sequence[Word], match: LabelMatch) -> bool:
    """Whether a one-word label found is a lower-case word running on from another.

    A form prints its labels capitalised or with a colon; ``medicine`` in ``Urgent care -
    occupational medicine - physicals`` is a word of the clinic's services line. (The word
    before must be no label's: ``Home street address`` is two labels.)
    """
    if match.end != match.start + 1 or match.start == 0:
        return False
    printed, before = words[match.start].text, words[match.start - 1].text
    return printed.isalpha() and printed.islower() and before.isalpha() and before.islower()


def _state_after_city(words: Sequence[Word], match: LabelMatch) -> bool:
    """Whether a label found is an address's two-letter state after its city and comma."""
    printed = words[match.start].text
    return (
        match.end == match.start + 1
        and match.start > 0
        and words[match.start - 1].text.endswith(",")
        and _STATE.match(printed) is not None
    )


def _foreign_fields(
    document_type: DocumentType,
    lines: Sequence[Line],
    starts: dict[int, set[int]],
    matches: Sequence[LabelMatch],
) -> frozenset[tuple[int, int, int, int, int]]:
    """The words of segments led by another type's label (of ``matches``) and its colon or value.

    The label counts with a colon after it, or with a value whose form tells its field's
    type ("BIRTH DATE 2009-05-21", ``_TELLING``). A prescription pad of an unfamiliar
    clinic may ask for the patient's birth date, weight, allergies or insurance: this type
    has no field for them, but what is written there is theirs, never a medicine line nor a
    date found anywhere.
    """
    telling = _foreign_labels(document_type)[1]
    found: set[tuple[int, int, int, int, int]] = set()
    for match in matches:
        words = lines[match.line].words
        following = [i for i in starts[match.line] if i > match.start]
        end = min(following, default=len(words))
        if match.start not in starts[match.line]:
            # inside running text ("..., born 19 Sep 1951, who lives at"): up to the clause's end
            end = next((i + 1 for i in range(match.end, end) if words[i].text.endswith(",")), end)
        colon = words[match.end - 1].text.endswith(":") or (
            match.end < len(words) and words[match.end].text.startswith(":")
        )
        value = _text(words[match.end : end])
        typed = any(VALUE_TYPES[kind].fit(value) >= 1.0 for kind in telling[match.key])
        if (colon and match.start in starts[match.line]) or (value and typed):
            found.update(_key(w) for w in words[match.start : end])
    return frozenset(found)


# Value types whose form proves a damaged label is one (a list or prose proves nothing).
_PROVING = frozenset(
    {"date", "phone", "number", "code", "name", "address", "choice", "refills", "medicines"}
)


def _owners(owners: Mapping[str, tuple[str, ...]], match: LabelMatch) -> tuple[str, ...]:
    """The keys a label found stands for, with those of labels it matches as well."""
    keys = [k for label in (match.key, *match.ties) for k in owners[label]]
    return tuple(dict.fromkeys(keys))


# --- candidates -------------------------------------------------------------------------------


def _coerce(
    doc: Page, spec: FieldSpec, kind: ValueType, text: str
) -> tuple[FieldData, float] | None:
    """The canonical value of a text and how valid it is (1, or less when the validator objects)."""
    value = kind.coerce(text, doc.order, spec.choices)
    if value is None or value == "":
        return None
    if isinstance(value, str) and spec.kind is FieldKind.STRING and doc.is_label_text(value):
        return None
    if isinstance(value, list) and value:
        # a list running on into printed labels (a footer's "Patient Signature") keeps none
        value = [entry for entry in value if not doc.is_label_text(entry)]
        if not value:
            return None
    problem = kind.problem(spec, value)
    return value, (1.0 if problem is None else 0.6)


# Sections about another party than the patient and the people the fields name: what is
# labelled there is none of the document's fields.
OTHER_PARTIES = ("doctor", "referral")
# A heading stands alone on its line: this many words at most, its part's number included.
HEADING_WORDS = 6


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
        if len(heading) <= HEADING_WORDS and not _holds_other_value(_text(heading)):
            return 0.0  # under its own heading, the family doctor's telephone is no field
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
        same = [a for a in doc.anchors if a.match.key == anchor.match.key]
        place = next((i for i, a in enumerate(same) if a is anchor), -1)
        if place != fields.index(f"field:{item.name}"):
            factor *= SHARED_ORDER
    return factor


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
) -> list[tuple[Word, ...]]:
    """Further lines of a value below it: starting near its left edge, no label first.

    ``max_lines`` 0 runs until a label, a refill row or a wide gap; a line that starts
    with one of the ``skips`` labels is passed over (a quantity under its medicine). Words
    right of ``edge`` (the next column's heading) are that column's. ``boxed``: rows led by
    check boxes run on to the last one (a check list's entries stand right of their boxes).
    ``columns``: a label far right of the value's lines is the next column's, and the value
    runs on left of it (an address box beside a column of labelled fields).
    """
    if max_lines == 1 or not words:
        return []
    running = max_lines == 0
    # the ℞ before a first numbered row stands in the margin: the rows begin at its number
    lead = 1 if len(words) > 2 and _read_as_rx(words[0]) and ENUMERATION.match(words[1].text) else 0
    x0 = words[lead].bbox.x0
    extra: list[tuple[Word, ...]] = []
    previous = doc.lines[line_index]
    first_height = previous.height
    numbered = _numbered(doc.lines[line_index])
    if not numbered and _is_instruction(words) and line_index + 1 < len(doc.lines):
        numbered = _numbered(doc.lines[line_index + 1])  # the form's instruction, then rows
    steps: list[float] = []  # the distances between the value's rows so far
    for index in range(line_index + 1, len(doc.lines)):
        line = doc.lines[index]
        full = not running and len(extra) + 1 >= max_lines
        checked = boxed and _holds_boxes(doc, line)
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
        if is_refill_row(line.words) or doc.ruled_heading(index):
            break  # a refill row, or the next section's heading
        here = doc.anchors_on(index)
        if here and here[0].match.start == 0 and _names_any(here[0], skips):
            previous = line
            continue
        if running:
            if any(_ends_running(a, ends) for a in here) or _holds_boxes(doc, line):
                break  # a label opening a line, or a row of check boxes
            taken = line.words
        else:
            # a label the value runs past, right of it (``Qty: 10`` after a medicine), ends
            # the line's part of the value
            past = [a.match.start for a in here if a.match.start > 0 and _names_any(a, skips)]
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
            if any(a.match.start < cut for a in here):
                break
            taken = tuple(w for w in line.words[:cut] if w.bbox.x1 > x0 - 2 * line.height)
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


def _is_label_word(word: Word) -> bool:
    """Whether a word is a printed label by its form: letters ending with a colon."""
    text = word.text
    return len(text) > 3 and text.endswith(":") and text[:-1].replace("/", "").isalpha()


def _holds_boxes(doc: Page, line: Line) -> bool:
    """Whether a line begins with check boxes: one or two drawn just before its first word."""
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
    return bool(marks.boxes(band, size))


# A check list's boxes stand within this many text heights before its entry (a Yes and a No box).
LEADING_BOXES = 5.0


# A gap this many times the widest step between a value's rows so far ends the value.
ROW_STEP_JUMP = 1.6
# Numbered rows of a list run on to at most this many.
NUMBERED_LINES = 12


def _line_mentions(doc: Page, anchor: Anchor, stem: str, *, after_label: bool = True) -> bool:
    """Whether a word on the label's line (after the label, or anywhere) begins with ``stem``.

    The wording a title carries says which relation it asks for: "(Signature, name, title)" a
    name under the signature, "Full name, address & phone number" an address under the name,
    "Please circle all that apply" (before the label or after it) a list of ringed items.
    """
    line = doc.lines[anchor.match.line].words
    words = line[anchor.match.end :] if after_label else line
    return any(compact(w.text).startswith(stem) for w in words)


def _next_heading(doc: Page, anchor: Anchor | None) -> float | None:
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
    """Whether a line begins with a row number (``1.``, ``2)``), after the ℞ of a first row."""
    words = line.words[1:] if line.words and _read_as_rx(line.words[0]) else line.words
    return bool(words) and ENUMERATION.match(words[0].text) is not None


def _read_as_rx(word: Word) -> bool:
    """Whether a word is what OCR made of the ℞ mark (``Rx``, ``Px``, ``R``)."""
    return word.text == "℞" or compact(word.text) in RX_READINGS


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
    for index in range(line_index - 1, -1, -1):
        line = doc.lines[index]
        if len(extra) + 1 >= limit or line.page != below.page:
            break
        if below.center_y - line.center_y > 2.5 * max(line.height, below.height):
            break
        if not any(c.isalnum() for w in line.words for c in w.text):
            continue
        if doc.anchors_on(index) or is_refill_row(line.words):
            break
        taken = tuple(w for w in line.words if w.bbox.x1 > x0 - 2 * line.height)
        if not taken or abs(taken[0].bbox.x0 - x0) > 3 * line.height:
            break
        extra.append(taken)
        below = line
    return extra


def _names_any(anchor: Anchor, names: Sequence[str]) -> bool:
    """Whether a label is one of the vocabulary's ``names`` (fields' or other labels')."""
    return any(k.split(":", 1)[1] in names for k in anchor.keys)


def _ends_running(anchor: Anchor, ends: Sequence[str]) -> bool:
    """Whether a label ends running text: one of ``ends``, or a label opening its line."""
    if _names_any(anchor, ends):
        return True
    first = anchor.words[0].text
    return anchor.match.start == 0 and (first[:1].isupper() or anchor.words[-1].text.endswith(":"))


def _cell(doc: Page, anchor: Anchor, *, along_tilt: bool = False) -> Cell | None:
    """The ruled cell that holds a label, if lines drawn on the page close one round it."""
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return None
    return marks.cell_of(BBox.union(w.bbox for w in anchor.words), along_tilt=along_tilt)


def _in_cell(cell: Cell | None, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words a label's cell holds (all of them when the label is in no cell)."""
    if cell is None:
        return words
    return tuple(w for w in words if cell.holds_written(w.bbox))


def _next_cell(doc: Page, cell: Cell | None, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words right of a label that fill the next cell of its table row.

    A two-column table prints the label in one cell and the value in the cell
    beside it; that cell must hold no label of its own (a grid's neighbour
    cell with its corner label is another field's).
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
    return tuple(w for w in words if beside.x0 <= (w.bbox.x0 + w.bbox.x1) / 2)


def _words_in_cell(doc: Page, anchor: Anchor, cell: Cell | None) -> tuple[Word, ...] | None:
    """The words inside the ruled cell that holds a label (label left out)."""
    first = anchor.words[0]
    if cell is None:
        return None
    inside: list[Word] = []
    for line in doc.lines:
        if line.page != first.page:
            continue
        held = [w for w in line.words if cell.holds_written(w.bbox)]
        if held:  # a written line is the cell's whole when part of it is
            held = [w for w in line.words if cell.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= cell.x1]
        inside += [w for w in held if w not in anchor.words and not _is_filler(w.text)]
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
    wording |= set(after) - set(after_wording(after))
    kept = [w for w in inside if w not in other_labels and w not in wording]
    if _captions_under(doc):
        return tuple(kept)  # the value is written over its caption
    # the lines over the label in its cell are another row's (a box round the allergies'
    # row and the drug table's heading, "Drug and strength", under it)
    return tuple(w for w in kept if doc.line_of(w) >= anchor.match.line)


# A table's filled cells further apart than this many of their own heights are two tables.
COLUMN_GAP_ROWS = 3.0


def _column_below(doc: Page, anchor: Anchor, head: Cell, *, many: bool) -> tuple[Word, ...]:
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
    labelled = {_key(w) for a in doc.anchors for w in a.words}
    label_boxes = [
        w.bbox for a in doc.anchors if a is not anchor for w in a.words if w.page == page
    ]
    rows: list[tuple[Cell, list[Word]]] = []
    for line in doc.lines:
        if line.page != page or line.bbox.y1 < head.y1:
            continue
        for word in line.words:
            centre = (word.bbox.x0 + word.bbox.x1) / 2
            if word.bbox.y0 + word.bbox.y1 < 2 * head.y1 or not head.x0 <= centre <= head.x1:
                continue  # (a word written high in its cell may touch the heading's rule)
            cell = marks.cell_of(word.bbox)
            if cell is None or not cell.x0 <= middle <= cell.x1:
                continue
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
    for cell, words in sorted(rows, key=lambda r: r[0].y0):
        y0, y1 = cell.y0, cell.y1
        if y0 - bottom > max(slack, COLUMN_GAP_ROWS * (y1 - y0)):
            break
        if first is not None and (
            abs(cell.x0 - first.x0) > slack or abs(cell.x1 - first.x1) > slack
        ):
            break  # a cell of another table: a column keeps its sides all the way down
        if any(_key(w) in labelled for w in words) or any(cell.holds(b) for b in label_boxes):
            break  # another field's cell (its corner label may sit on the cell's own lines)
        words = _with_words_between(doc, words)
        kept = [w for w in words if not _is_filler(w.text)]
        if kept:
            found.extend(kept)
            first = first or cell
            if not many:
                break
        bottom = float(y1)
    return tuple(found)


def _under_heading(
    doc: Page, anchor: Anchor, head: Cell, stops: Sequence[LabelMatch], *, many: bool
) -> tuple[Word, ...]:
    """The value in the column under a table's heading cell (every row's, for a list).

    When the lines round the value's own cell are not found closed (handwriting over them,
    a photo's perspective), the words of the line just under the heading's bottom rule,
    within its sides, are still its column's.
    """
    column = _column_below(doc, anchor, head, many=many)
    if column:
        return column
    words = value_below(doc.lines, anchor.match, stops)
    if not words or words[0].bbox.y0 - head.y1 > words[0].bbox.height:
        return ()
    return tuple(w for w in words if head.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= head.x1)


def _box_under_tab(doc: Page, anchor: Anchor, tab: Cell) -> tuple[Word, ...]:
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
        if left < (w.bbox.x0 + w.bbox.x1) / 2 < right and not _is_filler(w.text)
    )


# A tab's bottom edge runs at most this share of its box's width; the box's sides run on at
# least this many text heights under the tab.
TAB_SHARE = 0.5
TAB_DEPTH = 2.0


def _with_words_between(doc: Page, words: list[Word]) -> list[Word]:
    """A cell's words in reading order, with any word of their lines between them.

    A speck or a broken line may leave one word of a cell's value in no closed cell
    ("52 Oak Way": "Oak" crossed by a speck's line); it is its neighbours' still.
    """
    taken = {_key(w) for w in words}
    lines = sorted({doc.line_of(w) for w in words})
    kept = list(words)
    for index in lines:
        own = [w for w in words if doc.line_of(w) == index]
        x0, x1 = min(w.bbox.x0 for w in own), max(w.bbox.x1 for w in own)
        kept += [
            w
            for w in doc.lines[index].words
            if _key(w) not in taken and x0 < w.bbox.x0 and w.bbox.x1 < x1
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


def _column_choice(
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
    page = anchor.words[0].page
    heads: list[Option] = []
    words: tuple[Word, ...] = ()
    for index in range(anchor.match.line - 1, max(-1, anchor.match.line - HEADING_LINES), -1):
        line = doc.lines[index]
        if line.page != page:
            break
        words = tuple(w for w in line.words if w.bbox.x0 >= cell.x1 - 4)
        heads = option_spans(words, spec.choices)
        if len(heads) >= 2:
            break
    if len(heads) < 2:
        return []
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
    middle = (cell.y0 + cell.y1) / 2
    ruled = marks.rules()[1]
    top_rule, bottom_rule = _row_rules(marks, cell)

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
    slope = _row_slope(doc.lines[anchor.match.line])
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


def _row_slope(line: Line) -> float:
    """How much a row's words fall per pixel across the page (0 when too few to tell)."""
    centres = [((w.bbox.x0 + w.bbox.x1) / 2, w.bbox.center_y) for w in line.words]
    if len(centres) < 2 or centres[-1][0] - centres[0][0] < 4 * line.height:
        return 0.0
    xs, ys = zip(*centres, strict=True)
    return float(np.polyfit(xs, ys, 1)[0])


def _row_choice(
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
    column = _heading_column(doc, anchor, cell)
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


def _heading_column(doc: Page, anchor: Anchor, cell: Cell | None) -> tuple[float, float] | None:
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


def _lines_text(doc: Page, words: Sequence[Word]) -> str:
    """Words joined by spaces within a line and newlines between lines."""
    parts: list[list[Word]] = []
    last_line = -1
    for word in words:
        index = doc.line_of(word)
        if index != last_line:
            parts.append([])
            last_line = index
        parts[-1].append(word)
    return "\n".join(_text(p) for p in parts)


def label_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The values at each of the field's labels, by every relation that finds one."""
    kind = VALUE_TYPES[item.value]
    key = f"field:{item.name}"
    found: list[Candidate] = []
    stops = [a.match for a in (*doc.anchors, *doc.weak_anchors)]
    weak_words = {_key(w) for a in doc.weak_anchors for w in a.words}
    for anchor in [*doc.anchors, *doc.weak_anchors]:
        if key not in anchor.keys:
            continue
        if kind.name == "phone" and doc.in_letterhead(anchor.match.line):
            continue  # the clinic's own telephone
        factor = _label_factor(doc, item, anchor) * (WEAK_FACTOR if anchor.weak else 1.0)
        gated = _gated_list(doc, spec, item, anchor, stops) if kind.name == "list" else None
        if gated is not None:
            found.extend(replace(c, score=c.score * factor) for c in gated)
            continue  # a question answered yes or no: its answer row is no list
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
        upright = _cell(doc, anchor)
        cell = upright or _cell(doc, anchor, along_tilt=True)
        right = value_right(doc.lines, anchor.match, stops)
        if kind.name in ("choice", "refills"):
            right = tuple(w for w in _words_after(doc, anchor) if not _is_filler(w.text))
        beyond = right if kind.name == "choice" else ()
        # a question's answer marked in its table's answer columns
        columns: list[Candidate] = []
        if kind.name == "choice" and cell is not None:
            marked = _column_choice(doc, spec, item, anchor, cell, factor)
            if marked is None:
                continue  # marked "Don't know": no answer, whatever the row's other columns say
            columns = marked
        if kind.name == "choice" and not columns:
            columns = _row_choice(doc, spec, item, anchor, cell, factor)
        in_cell = _in_cell(cell, right)
        if kind.name == "choice" and cell is not None and not option_spans(in_cell, spec.choices):
            # the rest of the label's wording ("Measles, mumps, rubella"): the answer is past it
            right = beyond = tuple(w for w in right if w not in in_cell)
            in_cell = ()
        right = in_cell or _next_cell(doc, cell, right)
        if kind.name == "list" and _heads_over_boxes(doc, right):
            right = ()  # the answer columns' heads of a questionnaire under the label
        if (
            right
            and kind.name == "list"
            and cell is not None
            and not in_cell
            and _column_below(doc, anchor, cell, many=True)
        ):
            right = ()  # a table's heading row: the next heading is no entry of the list
        if right:
            options.append((Relation.RIGHT, right, _reach(doc, anchor, right)))
            clause = _first_clause(right, kind.name) if kind.name in _TYPED - {"address"} else ()
            if clause:
                options.append((Relation.RIGHT, clause, _reach(doc, anchor, clause)))
            elif kind.name in _SELF_EVIDENT and kind.fit(_text(right)) < 1.0:
                # a phone or a date among other words ("Mejor número +1 412 555 0143 Home")
                runs = _typed_runs(kind, right)
                if runs:
                    reach = IN_OTHER_WORDS * _reach(doc, anchor, runs[0])
                    options.append((Relation.RIGHT, runs[0], reach))
        elif beyond and cell and not columns:
            # a question's answer past its cell when no answer columns take it (a photo's
            # cells drawn askew): counts less than one inside
            options.append((Relation.RIGHT, beyond, OUTSIDE_CELL * _reach(doc, anchor, beyond)))
        else:
            beside = _in_cell(cell, value_beside(doc.lines, anchor.match, stops))
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
        below = _in_cell(upright, value_below(doc.lines, anchor.match, below_stops, numbered=rows))
        if below and rows and _nearer_heading(doc, item.name, anchor, below):
            below = ()  # the table's own column heading, between, reads its rows
        if not below and kind.name in ("list", "medicines") and upright is None:
            below = _under_title_bar(doc, anchor, stops)
        if not below and kind.name == "name" and _line_mentions(doc, anchor, SIGNATURE):
            # "PRESCRIBED BY (Signature, name, title)": the name is printed under the signature
            line = doc.lines[anchor.match.line]
            below = value_below(
                doc.lines, anchor.match, stops, SIGNATURE_REACH, line.words[-1].bbox.x1
            )
        if below and _key(below[0]) in weak_words:
            below = ()  # a damaged label, not a value
        if below and _is_label_word(below[0]):
            below = ()  # the next row's own label ("Food:" under "Medicines:")
        if kind.name == "choice" and any(w.text.endswith("?") for w in below):
            below = ()  # the next question's row, not this one's answer
        under = _captions_under(doc)
        if below and kind.name in _SELF_EVIDENT and kind.fit(_text(below)) < 1.0:
            # a date or a phone among the next columns' values ("14/08/2024 Emily Garcia")
            runs = _typed_runs(kind, below, whole=1.0)
            below = runs[0] if runs else below
        if below:
            gap = doc.line_of(below[0]) - anchor.match.line - 1
            against = AGAINST_CONVENTION if under else 1.0
            options.append((Relation.BELOW, below, max(0.6, 1.0 - 0.1 * gap) * against))
        # over the label: on a form of captions, or written on the rule drawn over it
        rule = _rule_over(doc, anchor)
        above = _in_cell(upright, value_above(doc.lines, anchor.match, stops, rule))
        if above and _key(above[0]) not in weak_words and under:
            options.append((Relation.ABOVE, above, 1.0))
        elif above and _key(above[0]) not in weak_words and rule is not None:
            weaker = factor * AGAINST_CONVENTION
            found.extend(_candidate(doc, spec, item, kind, Relation.ABOVE, above, anchor, weaker))
        inside = _words_in_cell(doc, anchor, cell)
        tabbed = _box_under_tab(doc, anchor, cell) if cell is not None and not inside else ()
        if inside:
            options.append((Relation.CELL, inside, 1.0))
        elif tabbed:
            options.append((Relation.CELL, tabbed, 1.0))
        elif upright is not None:
            column = _under_heading(doc, anchor, upright, stops, many=kind.multiline)
            if column:
                options.append((Relation.COLUMN, column, 1.0))
        if kind.name == "address" and COUNTRY_PART in item.parts:
            country = _country_after(doc, anchor, stops)
            options = [(r, (*ws, *country), d) for r, ws, d in options]
        made = [
            candidate
            for relation, words, distance in options
            for candidate in _candidate(
                doc, spec, item, kind, relation, words, anchor, factor * distance
            )
        ]
        found.extend(_cells_run_on(made, Relation.BELOW) if kind.multiline else made)
        found.extend(columns)
        if not options and kind.name == "list":
            # a list left blank after its label is an empty list, not an absent field
            found.append(Candidate(item.name, [], anchor.words, 0.5 * factor, Relation.RIGHT))
        elif not options and not made and _blank_in_section(doc, item, anchor):
            # the field's own place in its section left blank: a value outside the section
            # (the athlete's cell phone over the emergency contact's) is another's
            score = BLANK_IN_SECTION * factor
            found.append(Candidate(item.name, None, (), score, Relation.RIGHT, anchor.words))
    return found


# A field's label in its own section with nothing written at it counts this much for absence.
BLANK_IN_SECTION = 0.4


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
    if marks is None or not _line_mentions(doc, anchor, CIRCLE, after_label=False):
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
        and canonical.parse_list(_text(part))
    ]
    value = [
        entry
        for part in chosen
        for entry in canonical.parse_list(_text(doc.words_for(part, item.medical)))
    ]
    words = [w for part in chosen for w in part]
    # the "other" blank on the line after the items: what is written after its colon
    if index < len(doc.lines) and doc.lines[index].page == page:
        after = doc.lines[index].words
        colons = [i for i, w in enumerate(after) if w.text.endswith(":")]
        written = after[colons[-1] + 1 :] if colons else ()
        if written:
            value += canonical.parse_list(_text(doc.words_for(written, item.medical)))
            words += written
    return value, tuple(words)


# How far under a signing label (in line heights) the name printed under the signature sits.
SIGNATURE_REACH = 8.0
SIGNATURE = compact("signature")


def _cells_run_on(candidates: list[Candidate], longer: Relation) -> list[Candidate]:
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
            keys = [_key(w) for w in candidate.words]
            on = [
                r
                for r in runs
                if r.field == candidate.field
                and len(r.words) > size
                and [_key(w) for w in r.words[:size]] == keys
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
        if any(line < a.match.line < other.match.line for a in doc.anchors if a.keys != other.keys):
            return ()  # another field's label between: the country is not this address's
        cell = _cell(doc, other)
        right = value_right(doc.lines, other.match, stops)
        words = _in_cell(cell, right) or _next_cell(doc, cell, right)
        if words and _text(words)[:1].isupper():
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
    words = tuple(w for w in _words_after(doc, anchor) if not _is_filler(w.text))
    inside = tuple(
        w for w in _in_cell(_cell(doc, anchor), words) if any(c.isalnum() for c in w.text)
    )
    words = _no_phrase_as_no(inside or words)
    if not words or len({o.choice for o in option_spans(split_slashes(words), YES_NO)}) < 2:
        return None
    if len(set(_answer_legend(doc, anchor.match.line).values())) > 1:
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
        cell = _cell(doc, follows)
        right = value_right(doc.lines, follows.match, stops)
        right = _in_cell(cell, right) or _next_cell(doc, cell, right)
        if right:  # (a label printed twice, in two languages, holds it after the second)
            return _candidate(doc, spec, item, kind, Relation.RIGHT, right, follows, 1.0)
    if _heads_over_boxes(doc, words):
        return None  # "Yes  No  Details" heading the answer columns of the list's table
    marks = doc.marks.get(words[0].page)
    answer, sureness = read_choice(words, YES_NO, marks, anchor.words[-1].bbox.x1)
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


def _rule_over(doc: Page, anchor: Anchor) -> tuple[float, float, float] | None:
    """The drawn line right over a label (a caption under the rule a value is written on)."""
    marks = doc.marks.get(anchor.words[0].page)
    if marks is None:
        return None
    box = BBox.union(w.bbox for w in anchor.words)
    centre, height = (box.x0 + box.x1) / 2, max(8, box.height)
    over = [
        r
        for r in marks.rules()[0]
        if r.start - height <= centre <= r.end + height
        and -0.3 * height <= box.y0 - r.at(centre) <= 0.9 * height
    ]
    if not over:
        return None
    rule = max(over, key=lambda r: r.at(centre))
    return (rule.start - height / 2, rule.end + height / 2, rule.at(centre))


def _value_above(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The value written over a label: on the rule over it, or the line over it in its column."""
    return value_above(doc.lines, anchor.match, stops, _rule_over(doc, anchor))


def _captions_under(doc: Page) -> bool:
    """Whether the form prints labels under their values (captions under the rules).

    Decided from the document itself, as the date order is: the labels of typed fields
    (dates, phones, numbers, codes) are asked whether a value of their type sits under
    them or over them, and the side that answers more often wins.
    """
    if doc.captions_under is None:
        stops = [a.match for a in doc.anchors]
        under = over = 0
        for anchor in doc.anchors:
            kinds = [
                VALUE_TYPES[doc.vocab.field(k.split(":", 1)[1]).value]
                for k in anchor.keys
                if k.startswith("field:")
            ]
            kinds = [k for k in kinds if k.name in _TYPED]
            if not kinds or _cell(doc, anchor) is not None:
                continue
            if value_right(doc.lines, anchor.match, stops):
                continue  # a value beside its label says nothing of above and below
            below = _text(value_below(doc.lines, anchor.match, stops))
            above = _text(_value_above(doc, anchor, stops))
            over += any(k.fit(below) >= 0.5 for k in kinds)
            under += any(k.fit(above) >= 0.5 for k in kinds)
        doc.captions_under = under >= 2 and under > over
    return doc.captions_under


# Value types whose values are told from other text by their form alone.
_TYPED = frozenset({"date", "phone", "number", "code", "refills", "name", "address"})


# Right of a label, a value this many line heights away or nearer counts in full ...
RIGHT_REACH = 12.0
# ... and each line height further costs this share (down to 0.6).
RIGHT_FALLOFF = 0.02


def _reach(doc: Page, anchor: Anchor, words: tuple[Word, ...]) -> float:
    """How much a value right of its label counts by its distance (far across the page: less)."""
    height = doc.lines[anchor.match.line].height or 1.0
    gap = (words[0].bbox.x0 - anchor.words[-1].bbox.x1) / height
    return max(0.6, 1.0 - RIGHT_FALLOFF * max(0.0, gap - RIGHT_REACH))


def _words_after(doc: Page, anchor: Anchor) -> tuple[Word, ...]:
    """Every word right of a label up to the next label on its line (boxes and marks too)."""
    line = doc.lines[anchor.match.line]
    later = [a.match.start for a in doc.anchors_on(anchor.match.line)]
    end = min((s for s in later if s >= anchor.match.end), default=len(line.words))
    return line.words[anchor.match.end : end]


def _candidate(
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
    if relation is not Relation.CELL and doc.ruled_heading(doc.line_of(words[0])):
        return []  # a section's heading: "ALLERGIES AND REACTIONS" holds no allergy
    if relation is Relation.ABOVE and (kind.multiline or item.lines != 1):
        more = _continuation_up(doc, doc.line_of(words[0]), words, item.lines)
        words = tuple(w for ws in (*reversed(more), words) for w in ws)
    elif relation not in (Relation.CELL, Relation.COLUMN) and (kind.multiline or item.lines != 1):
        line = doc.line_of(words[0])
        edge = _next_heading(doc, anchor) if relation is Relation.BELOW else None
        budget = item.lines
        if budget and kind.name in ("list", "medicines") and _is_instruction(words):
            budget += 1  # the form's instruction over the entries is no entry of the list
        boxed = kind.name in ("list", "medicines")
        columns = kind.name == "address"
        more = _continuation(doc, line, words, budget, item.ends, item.skips, edge, boxed, columns)
        words = tuple(w for ws in (words, *more) for w in ws)
    words = doc.words_for(words, item.medical)
    if kind.name in _NUMBERED_NOT and all(ENUMERATION.fullmatch(w.text) for w in words):
        return []  # the next question's number on the row ("E3 Policy number"), no value
    if relation is Relation.RIGHT:
        if anchor is not None and _question_runs_on(anchor.words, words):
            return []  # "List the medicines you take regularly": the question, no answer
        words = _before_running_text(kind, words)
    words = _without_blank_label(doc, kind, words)
    if kind.name in ("list", "medicines"):
        words = _entry_words(doc, words, kind)
        if not words:
            return []
    if kind.name == "medicines":
        words = _without_quantities(doc, words)
        if not words:
            return []
    base = BASE_SCORE[relation] * factor
    label_words = anchor.words if anchor is not None else ()
    if kind.name == "choice":
        marks = doc.marks.get(words[0].page)
        beside = relation in (Relation.RIGHT, Relation.BESIDE) and label_words
        start = label_words[-1].bbox.x1 if beside else None
        coded = _coded_answer(doc, spec, words)
        answer, sureness = coded or read_choice(words, spec.choices, marks, start)
        if answer is None:
            return []
        return [Candidate(item.name, answer, words, base * sureness, relation, label_words)]
    marks = doc.marks.get(words[0].page)
    # a list may be a printed table answered by marks written in its rows
    marked = _marked_table(doc, words) if kind.name == "list" else None
    if kind.name == "refills" and (
        is_refill_row(words) or is_partial_row(words) or _box_row(words, marks)
    ):
        circled, sureness = read_refill_row(words, marks)
        if circled is None:
            return []
        text = circled
        base *= sureness
    elif kind.name == "list" and (glyphs := _glyph_list(_text(words))) is not None:
        text = "\n".join(glyphs) or "None"  # boxes OCR read as glyphs: the ticked entries
    elif marked is not None and marked.keyed:
        text, words = _marked_value(doc, marked)  # (answers keyed by a legend, never boxes)
    elif (
        kind.name == "list"
        and (ticked := _tick_list(doc, whole := _rows_on(doc, words), marks)) is not None
    ):
        words = whole  # (a questionnaire's rows, read whole)
        others = _other_entries(doc, words)
        words = (*words, *others)
        text = "\n".join([*ticked, *canonical.parse_list(_text(others))]) or "None"
    elif marked is not None:
        text, words = _marked_value(doc, marked)  # (marks written in Yes / No columns)
    elif kind.name == "list" and (none := _none_option(doc, words, marks)) is not None:
        none_ticked, none_box = none
        first = doc.line_of(words[0])
        written = tuple(w for w in words if w.bbox.x0 > none_box.x1 and doc.line_of(w) == first)
        if none_ticked:
            text = "None"
        elif written and not any(_is_box_text(w.text) for w in written):
            words = written  # "[ ] I have no allergies   Sulfa drugs": the list after the option
            text = _text(words)
        else:
            return []  # "[ ] No known allergies  [ ] EpiPen": options, not the list
    elif kind.name == "medicines" and (ticked_drugs := _ticked_medicines(doc, words)) is not None:
        text, words = ticked_drugs
    else:
        text = _lines_text(doc, words) if kind.multiline else _text(words)
        if kind.name == "address":  # an address's printed lines are its parts
            text = ", ".join(without_joint(p, " ,;:.") for p in text.split("\n"))
        if kind.name == "medicines":
            text = "\n".join(_medicine_text(doc, t) for t in text.split("\n"))
    coerced = _coerce(doc, spec, kind, text)
    if coerced is None:
        return []
    value, validity = coerced
    option = value == "PRN" or (value == 0 and not any(c.isdigit() for c in _text(words)))
    if kind.name == "refills" and option and _after_empty_box(doc, label_words[:1] or words[:1]):
        return []  # "[ ] Refill PRN": an option printed, and left unticked
    fit = 1.0 if kind.name in ("choice", "refills") else kind.fit(_text(words))
    if kind.name == "address" and isinstance(value, str):
        fit = max(fit, kind.fit(value))  # as repaired: "I57 FOREST COURT" is 157
    if anchor is not None and anchor.weak and fit < 1.0:
        return []
    if kind.name in _TYPED_TEXT and not fit and (relation in _OFF_LINE or _text(words).islower()):
        return []  # off the label's line only a value that looks like one; "the" never does
    if kind.name == "medicines" and not fit:
        return []  # no drug the lexicon knows and no strength: a title's "RX ORDER"
    if kind.name in ("name", "address", "organisation") and _holds_other_value(_text(words)):
        return []  # a date or a phone inside a name or an address is another field's value
    score = base * validity * (0.5 + 0.5 * fit)
    return [Candidate(item.name, value, words, score, relation, label_words)]


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
        meaning = _text(words[meaning_start:end]).strip(" ,;.")
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
    word, last = words[0], label[-1]
    near = word.bbox.x0 - last.bbox.x1 <= COLUMN_GAP * max(1, last.bbox.height)
    text = word.text.rstrip(":?")
    return near and word.text != text and text.isalpha() and text.islower()


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
# Value types whose own labels never end another type's value.
_LABEL_TYPES = frozenset({"phone", "date"})


def _without_blank_label(doc: Page, kind: ValueType, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A value without the label of a blank telephone or date its writing ran up to.

    "Sacramento, CA  Country United States Cell ____": the athlete's cell phone is left blank
    and the country, written up to its label, reads on into it. A telephone's or a date's
    label (or a label naming a telephone) closing the value's line is never the value's.
    """
    if kind.name in _LABEL_TYPES or len(words) < 2:
        return words
    last = words[-1]
    line = doc.lines[doc.line_of(last)]
    if line.words[-1] is not last and _key(line.words[-1]) != _key(last):
        return words
    labels = doc.blank_labels()
    for size in range(min(BLANK_LABEL_WORDS, len(words) - 1), 0, -1):
        if compact(" ".join(w.text for w in words[-size:])) in labels:
            return words[:-size]
    return words


def _led_by_telling_label(doc: Page, words: tuple[Word, ...]) -> bool:
    """Whether words begin with a telephone's or a date's label and hold more after it."""
    labels = doc.blank_labels()
    return any(
        compact(" ".join(w.text for w in words[:size])) in labels
        for size in range(1, min(BLANK_LABEL_WORDS, len(words) - 1) + 1)
    )


# A box OCR read as a glyph: ticked ("☑", "[x]") or empty ("☐", "[ ]").
_TICKED_BOX = r"[☑☒✓✔■]|\[\s*[xX✓✔]\s*\]"
_EMPTY_BOX = r"[☐□]|\[\s*\]"
_BOX_GLYPH = re.compile(f"({_TICKED_BOX}|{_EMPTY_BOX})")


def _glyph_list(text: str) -> list[str] | None:
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


def _tick_list(doc: Page, words: tuple[Word, ...], marks: PageMarks | None) -> list[str] | None:
    """The entries ticked in a printed list of check boxes (``None``: the words are no such list).

    Each box answers the words right of it up to the next box; three boxes or more make a
    tick list. Under ``Yes`` / ``No`` heads a row's boxes with nothing written after them
    answer the question printed before them (a questionnaire whose Details column is left
    blank); what is written after them is the entry. An entry that says none (``None of
    these``) leaves the list empty.
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
        boxes = _row_boxes(line, marks, size, left, right)
        group: list[tuple[BBox, float]] = []  # a row's answer boxes before its entry
        # what OCR read of a box or its tick ("c", "s", "冈") is no entry's word
        line = [w for w in line if not any(_over_box(w, box, size) for box, _ in boxes)]
        # a box stands level with the entry after it (on a tilted page, the next row's
        # boxes reach into this row's band)
        boxes = [(box, fill) for box, fill in boxes if _level_with_entry(box, line, size)]
        for index, (box, fill) in enumerate(boxes):
            group.append((box, fill))
            end = boxes[index + 1][0].x0 if index + 1 < len(boxes) else 10**9
            entry = [w for w in line if box.x1 - size / 2 <= (w.bbox.x0 + w.bbox.x1) / 2 < end]
            text = canonical.one_line(_text([w for w in entry if not _is_box_text(w.text)]))
            if text:
                entries.append((text, _yes_fill(group, heads, size), group[0][0].x0))
                group = []
        answered += bool(boxes)
        if group and heads:
            question = [w for w in line if w.bbox.x1 <= group[0][0].x0 + size / 2]
            while question and ENUMERATION.match(question[0].text):
                question = question[1:]  # the question's number
            text = canonical.one_line(_text(question))
            if text:
                entries.append((text, _yes_fill(group, heads, size), group[0][0].x0))
    if max(len(entries), answered) < TICK_LIST_BOXES:
        return None
    ticked = [text for text, fill, _ in _down_columns(entries) if fill >= TICKED_INK]
    if any(canonical.parse_list(text.split()[0]) == [] for text in ticked):
        return []  # "None of these" ticked
    return ticked


class MarkedTable(NamedTuple):
    """A printed table's items answered yes by marks written in its rows."""

    chosen: list[str]  # the items answered yes, in reading order
    words: tuple[Word, ...]  # the table's rows
    keyed: bool  # a legend keys the marks (codes), rather than Yes / No heads


def _marked_value(doc: Page, marked: MarkedTable) -> tuple[str, tuple[Word, ...]]:
    """A marked table's list as text, with what is written on its "Other" blank after it."""
    others = _other_entries(doc, marked.words)
    text = "\n".join([*marked.chosen, *canonical.parse_list(_text(others))]) or "None"
    return text, (*marked.words, *others)


def _marked_table(doc: Page, words: tuple[Word, ...]) -> MarkedTable | None:
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
    heads = _answer_heads(doc, words)
    legend = {} if heads else _answer_legend(doc, first)
    if not heads and len(set(legend.values())) < 2:
        return None
    entries: list[tuple[str, float, float]] = []
    taken: list[Word] = []
    index = first
    while index < min(len(doc.lines), first + MARKED_ROWS) and doc.lines[index].page == page:
        line = doc.lines[index].words
        row = _marked_row(line, heads, legend)
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


def _answer_legend(doc: Page, first: int) -> dict[str, float]:
    """The codes a legend over a table keys as yes (1.0) and no (0.0), with OCR's reads."""
    codes: dict[str, float] = {}
    for index in range(max(0, first - 2), first + 1):
        for code, answer in _LEGEND.findall(_text(doc.lines[index].words)):
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
        entry = canonical.one_line(_text(item))
        # (the legend's own words, "Mark each row:" and "= yes", are no item)
        if entry and ":" not in entry and "=" not in entry and canonical.parse_list(entry):
            found.append((entry, yes, item[0].bbox.x0))
        item = []
    return found


def _rows_on(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A list's words with the rest of their rows right of them, under ``Yes`` / ``No`` heads.

    A questionnaire's table holds its questions in one column and their answer boxes and
    details in the next ones: a row is read whole, and the rows after it that hold boxes
    under the heads are the table's too.
    """
    heads = _answer_heads(doc, words) if words else []
    if not heads:
        return words
    left = min(w.bbox.x0 for w in words)
    lines = sorted({doc.line_of(w) for w in words})
    # the table runs on while its rows hold boxes under the heads, up to the next labelled
    # row ("Services requested: [ ] SN [X] PT" is its own question)
    xs = [x for x, _ in heads]
    index = lines[-1] + 1
    while (
        index < len(doc.lines)
        and doc.lines[index].page == words[0].page
        and _answered_row(doc, doc.lines[index], xs)
        and not any(a.match.start == 0 for a in doc.anchors_on(index))
    ):
        lines.append(index)
        index += 1
    return tuple(w for i in lines for w in doc.lines[i].words if w.bbox.x1 > left)


def _row_boxes(
    line: Sequence[Word],
    marks: PageMarks,
    size: float,
    left: float | None = None,
    right: float | None = None,
) -> list[tuple[BBox, float]]:
    """The check boxes drawn on a row of words, left to right, with the ink inside each.

    They are looked for from three text heights before the row's first word (or from
    ``left``, where a list's answer columns begin) to its last word (or to ``right``, where
    they end), and a box inside a word is that word's letter, not a box.
    """
    band = BBox.union(w.bbox for w in line)
    half = int(size / 2)
    x0 = band.x0 - int(3 * size) if left is None else min(band.x0 - int(3 * size), int(left))
    x1 = band.x1 if right is None else max(band.x1, int(right))
    band = BBox(max(0, x0), band.y0 - half, x1, band.y1 + half)
    return [
        (box, fill)
        for box, fill in marks.boxes(band, size)
        if not any(w.bbox.x0 + size / 3 < box.x0 and box.x1 < w.bbox.x1 for w in line)
    ]


def _none_option(
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
    boxes = _row_boxes(line, marks, size)
    for index, (box, fill) in enumerate(boxes):
        end = boxes[index + 1][0].x0 if index + 1 < len(boxes) else 10**9
        entry = [w for w in line if box.x0 <= (w.bbox.x0 + w.bbox.x1) / 2 < end]
        text = _text([w for w in entry if not _is_box_text(w.text)])
        if _NONE_OPTION.search(text) or (text and canonical.parse_list(text) == []):
            phrase = _NONE_PHRASE.match(text.lower())
            option = [w for w in entry if not _is_box_text(w.text)] or entry
            if index + 1 < len(boxes) or phrase is None:
                option = line  # a row of options: nothing is written after the option
            else:
                option = option[: max(1, len(phrase.group(0).split()))]
            return fill >= TICKED_INK, BBox.union(w.bbox for w in option)
    return None


# An option saying the list is empty: "No known allergies", "Camper has no known allergies".
_NONE_OPTION = re.compile(
    r"\b(?:no known|nka|nkda|none|no allergies|no medications)\b", re.IGNORECASE
)
# The whole printed option, where a list written on its row after it begins.
_NONE_PHRASE = re.compile(
    r"(?:[a-z]+ (?:has|have) )?(?:no known (?:drug )?allergies(?: \(nka\))?|no allergies"
    r"|no medications|nkda|nka|none(?: known)?)"
)


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
    """Whether words are a table's ``Yes`` / ``No`` column heads ("Yes  No  Details")."""
    said = sum(compact(w.text) in _HEAD_ANSWERS for w in words)
    return said >= 2 and 2 * said >= len(words)


def _answered_row(doc: Page, line: Line, heads: Sequence[float], size: float | None = None) -> int:
    """How many of a questionnaire's ``Yes`` / ``No`` heads have a box under them on a row."""
    marks = doc.marks.get(line.page)
    if marks is None or not heads or not line.words:
        return 0
    size = line.height if size is None else size
    # looked for under each head, where the row runs there (it climbs or falls on a photo)
    slope = _row_slope(line)
    last = line.words[-1].bbox
    found = 0
    for x in heads:
        y = last.center_y + slope * (x - (last.x0 + last.x1) / 2)
        band = BBox(int(x - 1.5 * size), int(y - size), int(x + 1.5 * size), int(y + size))
        found += any(abs((box.x0 + box.x1) / 2 - x) <= size for box, _ in marks.boxes(band, size))
    return found


def _heads_over_boxes(doc: Page, words: Sequence[Word]) -> bool:
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


def _ticked_medicines(doc: Page, words: tuple[Word, ...]) -> tuple[str, tuple[Word, ...]] | None:
    """The medicines of a printed drug list: those ticked, then those written on its "Other" rules.

    ``None`` when the words are no tick list; the text has one medicine a line.
    """
    left = min(w.bbox.x0 for w in words)
    lines = sorted({doc.line_of(w) for w in words})
    words = tuple(w for i in lines for w in doc.lines[i].words if w.bbox.x1 > left)  # whole rows
    ticked = _tick_list(doc, doc.words_for(words, True), doc.marks.get(words[0].page))
    if ticked is None:
        return None
    others = doc.words_for(_other_entries(doc, words), True)
    written = _lines_text(doc, others).split("\n") if others else []
    text = "\n".join(_medicine_text(doc, t) for t in [*ticked, *written] if t.strip())
    return text, (*words, *others)


def _down_columns(entries: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """A tick list's entries as it is read: down its first column of boxes, then the next.

    Boxes stand in columns when each row holds as many as the first and the rows' boxes
    line up; otherwise (one row, or rows of their own widths) the order is as written.
    """
    xs = [x for _, _, x in entries]
    if not xs:
        return entries
    width = max(xs) - min(xs)
    per_row = 1
    while per_row < len(xs) and xs[per_row] > xs[per_row - 1]:
        per_row += 1
    if per_row < 2 or len(xs) % per_row or len(xs) == per_row:
        return entries
    rows = [xs[i : i + per_row] for i in range(0, len(xs), per_row)]
    slack = COLUMN_SLACK * width
    if any(abs(x - top) > slack for r in rows for x, top in zip(r, rows[0], strict=True)):
        return entries
    return [entries[i + c] for c in range(per_row) for i in range(0, len(xs), per_row)]


# Boxes of one column line up within this share of the list's width.
COLUMN_SLACK = 0.05


def _rows(doc: Page, words: Iterable[Word]) -> list[list[Word]]:
    """A value's words by the line each stands on, lines in the order they first come."""
    by_line: dict[int, list[Word]] = {}
    for word in words:
        by_line.setdefault(doc.line_of(word), []).append(word)
    return list(by_line.values())


def _other_entries(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """What is written for "Other" just after a tick list (on its rule, or right of the label).

    A form may print several "Other" rules one under another; each one's writing is an
    entry, so the rules are read down to the last one that follows on.
    """
    last = max(doc.line_of(w) for w in words)
    heads = _answer_heads(doc, words)
    stops = [a.match for a in doc.anchors]
    found: list[Word] = []
    for anchor in sorted(doc.anchors, key=lambda a: a.match.line):
        if "label:other" not in anchor.keys or not 0 <= anchor.match.line - last <= OTHER_LINES:
            continue
        if heads and _answered_row(doc, doc.lines[anchor.match.line], [x for x, _ in heads]):
            continue  # a questionnaire's "Any other illness" row, answered in its columns
        last = anchor.match.line
        right = value_right(doc.lines, anchor.match, stops)
        if right:
            found.extend(right)
        elif _captions_under(doc):
            return tuple(w for w in _value_above(doc, anchor, stops) if w not in words)
        elif not found:
            return value_below(doc.lines, anchor.match, stops)
    return tuple(found)


# The "Other" line of a tick list follows it within this many lines.
OTHER_LINES = 3
# A printed list with this many check boxes or more is a tick list ...
TICK_LIST_BOXES = 3
# ... and a box with this much ink inside it is ticked.
TICKED_INK = 0.06


def _is_box_text(text: str) -> bool:
    """What OCR reads of a drawn box (``□``, ``[]``, ``]``): not part of the entry."""
    return not any(c.isalnum() for c in text) or text in ("LJ", "LI", "U", "O")


# A line of a form's own instructions: four words or more, most in small letters, with a word
# of running text among them ("List every medicine you take regularly, one per line.").
INSTRUCTION_WORDS = 4
# fmt: off
_RUNNING_TEXT = frozenset({
    "and", "or", "the", "you", "your", "we", "of", "to", "per", "if", "any", "every", "each",
    "please", "include", "list", "write", "all", "that",
})
# fmt: on


def _is_instruction(words: Sequence[Word]) -> bool:
    """Whether a line is the form's wording for the reader, not an entry a person wrote."""
    if any(c.isdigit() for w in words for c in w.text):
        return False  # "Lasix 20mg - 1 tab in the morning" is an entry
    texts = [w.text.strip(".,;:()") for w in words]
    texts = [t for t in texts if t.isalpha()]
    if len(texts) < INSTRUCTION_WORDS:
        return False
    small = sum(t[:1].islower() for t in texts)
    return small >= 0.75 * len(texts) and any(t.lower() in _RUNNING_TEXT for t in texts)


def _entry_words(doc: Page, words: tuple[Word, ...], kind: ValueType) -> tuple[Word, ...]:
    """A list's words without the form's instructions, up to the next question.

    A line asking a question ("Pregnant or breastfeeding?  Yes  No") is the next field's,
    and so is what follows it; a medicine list starts at its first line that names a drug
    or a strength (a table's column heading "strength and form" is no medicine).
    """
    kept: list[Word] = []
    for line in _rows(doc, words):
        if any(w.text.endswith("?") for w in line):
            break
        if _is_instruction(line):
            continue
        if kind.name == "medicines" and not kept and not kind.fit(_text(line)):
            continue
        kept.extend(line)
    return tuple(kept)


def _without_quantities(doc: Page, words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Medicine lines without their quantity columns' numbers.

    A number far right of its line's drug, or under another column's heading ("Qty",
    "Days' supply", "Refills"), is that column's, and so is a count in brackets closing the
    line ("(20)"); choices printed alike on every row are the form's.
    """
    kept: list[Word] = []
    headings = _column_headings(doc, words)
    # the form's choices printed at every row's end ("OD OS OU") and their heading are no drug's
    words = tuple(w for w in words if not doc.printed_alike(w))
    for line in _rows(doc, words):
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


# How many lines over a medicine its table's heading row may be.
HEADING_REACH = 3


def _column_headings(doc: Page, words: tuple[Word, ...]) -> list[tuple[int, int]]:
    """The sides of the labels printed just over a medicine block that are no medicine's.

    A table's heading row names its columns ("Qty | Days' supply | RF"); a number under one
    is that column's, never part of the drug's line.
    """
    if not words:
        return []
    top = min(doc.line_of(w) for w in words)
    page = words[0].page
    sides: list[tuple[int, int]] = []
    for anchor in doc.anchors:
        line = anchor.match.line
        if anchor.words[0].page != page or not top - HEADING_REACH <= line < top:
            continue
        if "field:medicines" in anchor.keys:
            continue
        box = BBox.union(w.bbox for w in anchor.words)
        sides.append((box.x0 - box.height, box.x1 + box.height))
    return sides


# A quantity as a column prints it: "30", "#30", "(30)", or with what is counted ("30 tabs").
QUANTITY = re.compile(r"^#?\d+$|^PRN$|^\(\d+\)$")
# A count in brackets closing a drug's line ("Sitagliptin 100 mg (20)") is its quantity.
BRACKETED_COUNT = re.compile(r"\(\d+\)")
COUNTED = frozenset(
    {"tabs", "caps", "tablets", "capsules", "units", "bottles", "inhalers"}
    | {"tab", "cap", "tablet", "capsule", "unit", "bottle", "inhaler", "inh"}
)


def _quantity_size(line: Sequence[Word]) -> int:
    """How many words at a line's end make a quantity: ``30``, or ``30 tabs``; 0 for none."""
    if line and QUANTITY.match(line[-1].text):
        return 1
    if len(line) > 1 and line[-1].text.lower() in COUNTED and QUANTITY.match(line[-2].text):
        return 2
    return 0


# A number this many of its heights right of a medicine line stands in a quantity column.
QUANTITY_GAP = 4.0


def _box_row(words: Sequence[Word], marks: PageMarks | None) -> bool:
    """Whether the image shows a row of check boxes among the words (a refill row of boxes)."""
    if marks is None or not words:
        return False  # OCR may have read little of a row of boxes ("0", "PRN")
    return read_box_row(words, REFILL_CHOICES, marks)[1]


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


def _holds_other_value(text: str) -> bool:
    """Whether a text holds a date or a phone number, or is nothing but printed answers."""
    if VALUE_TYPES["date"].search(text) or VALUE_TYPES["phone"].search(text):
        return True
    words = [w.strip(".,:;()[]").lower() for w in text.split()]
    return bool(words) and all(w in _CHOICE_WORDS for w in words)


def _medicine_text(doc: Page, text: str) -> str:
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


def _part_anchors(
    doc: Page, item: FieldWords, scope: tuple[int, int] | None
) -> tuple[list[list[Anchor]], bool]:
    """Each part's labels, in the parts' order; a part may be printed in pieces along one line.

    When the first part has no label of its own, the field's own label printed on a later
    part's line stands for it ("Home address | City, state, ZIP | Country"); the flag says so.
    """
    found: list[list[Anchor]] = []
    for part in item.parts:
        labelled = [
            a
            for a in doc.anchors
            if f"label:{part}" in a.keys and (scope is None or scope[0] <= a.match.line < scope[1])
        ]
        found.append([a for a in labelled if a.match.line == labelled[0].match.line])
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


def parts_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """A value printed in labelled parts (``Street:``, ``City/State/Zip:``), joined by commas."""
    if not item.parts:
        return []
    kind = VALUE_TYPES[item.value]
    scope = doc.section_scope(item.section) if item.section else None
    stops = [a.match for a in doc.anchors]
    pieces: list[tuple[Word, ...]] = []
    part_anchors, headed = _part_anchors(doc, item, scope)
    if scope is not None and not any(part_anchors) and doc.sections:
        # the patient's parts over the form's first heading ("Last name ... First name" on
        # the top row, "HOME ADDRESS AND PHONE" after it), in no other section
        part_anchors, headed = _part_anchors(doc, item, (0, doc.sections[0][0]))
    for anchors in part_anchors:
        for anchor in anchors:
            cell = _cell(doc, anchor)
            right = value_right(doc.lines, anchor.match, stops)
            right = _in_cell(cell, right) or _next_cell(doc, cell, right)
            if right and doc.is_label_text(_text(right)):
                right = ()  # a table's heading row: the next heading, not a value
            if _captions_under(doc):  # the part is written over its caption
                below = _in_cell(cell, _value_above(doc, anchor, stops))
            else:
                below = _in_cell(cell, value_below(doc.lines, anchor.match, stops))
            if not below and cell is not None:  # the row under a table's heading cell
                below = _under_heading(doc, anchor, cell, stops, many=False)
            # far across the page, right is another column's value when one sits below
            words = below if below and right and _reach(doc, anchor, right) < 1.0 else right
            words = words or below
            words = _without_blank_label(
                doc, kind, tuple(w for w in words if w.text not in SLASHES)
            )
            if words and words[0].text.endswith(":"):
                continue  # the form's next label ("Session(s):" under a blank ZIP)
            if kind.name not in _LABEL_TYPES and _led_by_telling_label(doc, words):
                continue  # a blank part, then a telephone's label ("Country  cell +1 415 ...")
            if words and not doc.is_label_text(_text(words)):  # "CITY / STATE7ZIP"
                pieces.append(words)
    if not pieces or (kind.name == "address" and len(pieces) < 2):
        return []  # a country alone is no address
    # an address's parts are joined by commas (a ZIP code after its state by a space); a
    # name's (given names, surname) by spaces, keeping an initial's full stop
    joint, ends = (", ", " ,.;:") if kind.name == "address" else (" ", " ,;:")
    texts = [without_joint(canonical.one_line(_text(p)), ends) for p in pieces]
    text = texts[0]
    for before, piece in pairwise(texts):
        state_zip = kind.name == "address" and _STATE.match(before) and _ZIP.match(piece)
        text += (" " if state_zip else joint) + piece
    coerced = _coerce(doc, spec, kind, text)
    if coerced is None:
        return []
    words = tuple(w for p in pieces for w in p)
    base = HEADED_PARTS if headed and len(pieces) > 1 else BASE_SCORE[Relation.PARTS]
    score = base * coerced[1]
    return [Candidate(item.name, coerced[0], words, score, Relation.PARTS)]


# Parts headed by the field's own label ("Address: 833 Hill Terrace  City, state, ZIP:
# Madison, 53703") hold more of the value than any one relation of that label.
HEADED_PARTS = 0.96


_STATE = re.compile(r"^[A-Z]{2}$")
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")


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
            words = tuple(w for w in part[:cut] if not _is_filler(w.text))
            if words:
                found.append((index, words))
    return found


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
        after = line.words[role.match.end :]
        if not after:
            continue  # the section's heading, not a row
        heading = _role_headings(doc, role, section_fields)
        if heading is None:
            continue
        place: tuple[Word, ...] = ()  # where the row holds the field's value
        words: tuple[Word, ...] = ()
        for anchor in heading:
            if own in anchor.keys:
                column = _heading_column(doc, anchor, _cell(doc, anchor))
                if column is not None:
                    x0, x1 = column
                    place = anchor.words
                    words = tuple(w for w in after if x0 <= (w.bbox.x0 + w.bbox.x1) / 2 <= x1)
                break
        else:
            tagged = _role_tagged(doc, role, own, stops) if kind.name == "address" else None
            place, words = tagged or ((), ())
        if words:
            found.extend(_candidate(doc, spec, item, kind, Relation.CELL, words, role, ROLE_FACTOR))
        elif place:
            # the section's own row leaves the field blank: another row's value is not its
            score = BASE_SCORE[Relation.CELL] * ROLE_FACTOR
            found.append(Candidate(item.name, None, (), score, Relation.CELL, place))
    return found


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
        printed = {_key(w) for a in heads for w in a.words}
        written = [w for w in doc.lines[index].words if w.bbox.x0 > right]
        if any(_key(w) not in printed and _VALUE_MARK.search(w.text) for w in written):
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
_PATIENT_HEAD = "label:patient_column"
_OTHER_HEAD = "label:other_person"
_EMERGENCY_HEAD = "section:emergency"
_PERSON_TYPES = frozenset({"name", "phone", "address", "date"})


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
        column = _person_column(doc, table.heads, person)
        if column is None:
            continue
        heading = table.heads[0].match.line
        factor = MATRIX_FACTOR
        for label, (top, bottom) in table.rows:
            if own not in label.keys:
                continue
            row = (label.words[0].bbox.x0, top, bottom)
            words = tuple(
                w
                for ln in doc.lines[heading + 1 :]
                if ln.page == label.words[0].page
                for w in ln.words
                if _in_person_cell(w, row, column, table.slope) and not _is_filler(w.text)
            )
            matched = factor * (0.9 + 0.1 * min(1.0, label.match.score / 100.0))
            factor *= MATRIX_LATER_ROW
            if words:
                found.extend(
                    _candidate(doc, spec, item, kind, Relation.CELL, words, label, matched)
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
    return any(k in anchor.keys for k in (_PATIENT_HEAD, _OTHER_HEAD, _EMERGENCY_HEAD))


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
        if len(heads) < 2 or not any(
            _PATIENT_HEAD in a.keys or _EMERGENCY_HEAD in a.keys for a in heads
        ):
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
            slopes = [_row_slope(ln) for ln in doc.lines[index : last + 1]]
            slope = float(median([s for s in slopes if s] or [0.0]))
            tables.append(PersonTable(heads, _matrix_rows(doc, labels), slope))
    doc.person_tables = tables
    return tables


def _matrix_rows(doc: Page, labels: Sequence[Anchor]) -> list[tuple[Anchor, tuple[float, float]]]:
    """Each row label with the top and bottom of its row."""
    rows: list[tuple[Anchor, tuple[float, float]]] = []
    for position, label in enumerate(labels):
        box = BBox.union(w.bbox for w in label.words)
        cell = _cell(doc, label)
        if cell is not None and cell.y1 - cell.y0 < 8 * box.height:
            rows.append((label, (float(cell.y0), float(cell.y1))))
            continue
        above = labels[position - 1].words[0].bbox.y1 if position else box.y0 - box.height
        below = labels[position + 1].words[0].bbox.y0 if position + 1 < len(labels) else None
        bottom = (box.y1 + below) / 2 if below is not None else box.y1 + 2 * box.height
        rows.append((label, ((above + box.y0) / 2, bottom)))
    return rows


def _person_column(doc: Page, heads: Sequence[Anchor], person: str) -> tuple[float, float] | None:
    """The left and right of the column a person table gives one person.

    The person to notify is the column headed as the emergency contact; the next of kin's
    column is theirs only when the table has no such column.
    """
    if person == "patient":
        chosen = [a for a in heads if _PATIENT_HEAD in a.keys]
    else:
        chosen = [a for a in heads if _EMERGENCY_HEAD in a.keys and _OTHER_HEAD not in a.keys]
        chosen = chosen or [a for a in heads if _EMERGENCY_HEAD in a.keys]
    if len(chosen) != 1:
        return None
    head = chosen[0]
    position = heads.index(head)
    height = head.words[0].bbox.height
    cell = _cell(doc, head)
    if cell is not None and not any(
        cell.holds(w.bbox) for a in heads if a is not head for w in a.words
    ):
        return float(cell.x0), float(cell.x1)
    x0 = head.words[0].bbox.x0 - height
    if position + 1 < len(heads):
        return x0, heads[position + 1].words[0].bbox.x0 - height
    width = doc.sizes.get(head.words[0].page, (0, 0))[0]
    return x0, float(width or head.words[-1].bbox.x1 + 40 * height)


def section_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """Unlabelled lines of the field's type under its section heading, by order."""
    if Place.SECTION not in item.places or item.section is None:
        return []
    scope = doc.section_scope(item.section)
    if scope is None:
        return []
    kind = VALUE_TYPES[item.value]
    free = _free_segments(doc, scope[0] + 1, scope[1])
    if kind.name in _SELF_EVIDENT:  # also after labels the vocabulary does not know
        free = [(i, run) for i, words in free for run in _typed_runs(kind, words)]
    found: list[Candidate] = []
    rank = 0
    used: set[int] = set()
    for position, (index, words) in enumerate(free):
        if id(words[0]) in used:
            continue
        fit = kind.fit(_text(words))
        if fit < 0.5 or (kind.name == "name" and _holds_other_value(_text(words))):
            continue
        block = [words]
        if kind.name == "address" and item.lines > 1:
            block += _address_block(doc, free[position + 1 :], index, words, item.lines - 1)
        used.update(id(ws[0]) for ws in block)
        text = ", ".join(canonical.one_line(_text(ws)).strip(" ,.;:") for ws in block)
        coerced = _coerce(doc, spec, kind, text)
        if coerced is None:
            continue
        score = BASE_SCORE[Relation.SECTION] * coerced[1] * fit * 0.85**rank
        all_words = doc.words_for((w for ws in block for w in ws), item.medical)
        found.append(Candidate(item.name, coerced[0], all_words, score, Relation.SECTION))
        rank += 1
    return found


# Value types a value's own form proves (a phone number, a date), wherever it stands.
_SELF_EVIDENT = frozenset({"phone", "date"})


def _typed_runs(
    kind: ValueType, words: tuple[Word, ...], whole: float = 0.5
) -> list[tuple[Word, ...]]:
    """A segment's values of the type, left to right ("Main no. 816-555-0141 Other 515-...").

    A segment that fits the type at least ``whole`` is kept whole.
    """
    if kind.fit(_text(words)) >= whole:
        return [words]
    runs: list[tuple[Word, ...]] = []
    start = 0
    while start < len(words):
        end = next(
            (
                end
                for end in range(min(len(words), start + TYPED_RUN), start, -1)
                if kind.fit(_text(words[start:end])) >= 1.0
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


# The most words a phone or a date is written in ("+1 412 555 0143", "14 March 2023").
TYPED_RUN = 4
# A phone or a date found among other words right of its label counts this much.
IN_OTHER_WORDS = 0.9


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
        text = _text(words)
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
        if kind.fit(_text(words)) < 1.0:
            continue
        coerced = _coerce(doc, spec, kind, _text(words))
        if coerced is not None:
            score = BASE_SCORE[Relation.CORNER] * coerced[1]
            found.append(Candidate(item.name, coerced[0], words, score, Relation.CORNER))
    return found


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
            fit = name_fit(canonical.clean_text(_text(part), TextStyle.NAME) or "")
            if fit < 0.5 or (not doctor and (index > 0 or fit < 1.0)):
                continue  # a doctor's name has no digits ("PA 15222" is a state and zip)
            coerced = _coerce(doc, spec, kind, _text(part))
            if coerced is None:
                continue
            score = BASE_SCORE[Relation.HEADER] * coerced[1] * (1.0 if doctor else 0.6)
            if _credentials_under(doc, index):
                score *= CREDENTIALED  # the pad's own doctor, over the practice's list
            found.append(Candidate(item.name, coerced[0], part, score, Relation.HEADER))
    return found


# A letterhead name with its licence or NPI printed under it counts this much more.
CREDENTIALED = 1.05


def _credentials_under(doc: Page, index: int) -> bool:
    """Whether the line under a letterhead name prints a licence, NPI or DEA number."""
    below = index + 1
    if below >= len(doc.lines) or doc.lines[below].page != doc.lines[index].page:
        return False
    return any(_names_any(a, STAMP_LABELS) for a in doc.anchors_on(below))


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
    rows: list[tuple[tuple[Word, ...], float]] = []
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
            left = part[0].bbox.x0 if lettered[0] else name[0].bbox.x0 - int(TICK_REACH * height)
            top, bottom = name[0].bbox.y0 - height // 2, name[0].bbox.y1 + height // 2
            band = BBox(left, top, name[0].bbox.x0 - 1, bottom)
            boxes = marks.boxes(band, height) if band.x1 > band.x0 else []
            if boxes:
                rows.append((name, max(fill for _, fill in boxes)))
    if len(rows) < 2:
        return []
    chosen = decide([fill for _, fill in rows])
    if chosen is None:
        return []
    kind = VALUE_TYPES[item.value]
    words = rows[chosen][0]
    coerced = _coerce(doc, spec, kind, _text(words))
    if coerced is None or name_fit(coerced[0] if isinstance(coerced[0], str) else "") < 0.5:
        return []
    score = BASE_SCORE[Relation.TICKED] * coerced[1]
    return [Candidate(item.name, coerced[0], words, score, Relation.TICKED)]


# A check box before a name is looked for this many of the name's heights to its left.
TICK_REACH = 3.0


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
    labelled = {_key(w) for a in doc.anchors for w in a.words}
    found = []
    for anchor in doc.anchors:
        if not {"field:birth_date", "label:born"} & set(anchor.keys):
            continue
        label = anchor.words[0].bbox
        height = max(8, label.height)
        if kind.name == "address":
            lines = _sticker_lines(doc, anchor, 1, labelled)
            text = ", ".join(_text(p).strip(" ,") for p in lines)
            coerced = _coerce(doc, spec, kind, text) if text else None
            if coerced is not None and kind.fit(text) >= 1.0:
                words = tuple(w for p in lines for w in p)
                score = BASE_SCORE[Relation.STICKER] * coerced[1]
                found.append(Candidate(item.name, coerced[0], words, score, Relation.STICKER))
            continue
        lines = _sticker_lines(doc, anchor, -1, labelled)
        for rank, part in enumerate(lines):
            if label.y0 - part[-1].bbox.y1 > (STICKER_REACH + 1.5 * rank) * height:
                break
            text = _text(part)
            if kind.fit(text) < 1.0:
                continue
            coerced = _coerce(doc, spec, kind, text)
            if coerced is not None:
                score = BASE_SCORE[Relation.STICKER] * coerced[1] * STICKER_LINE_FACTOR**rank
                found.append(Candidate(item.name, coerced[0], part, score, Relation.STICKER))
            break
    return found


# An address listed under its person's name runs on at most this many lines.
LISTED_ADDRESS_LINES = 3
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
        if not _line_mentions(doc, anchor, ADDRESS):
            continue  # the block's title does not list an address
        name = value_below(doc.lines, anchor.match, stops)
        if not name:
            continue
        page = doc.lines[anchor.match.line].page
        heading = _next_heading(doc, anchor)
        limit = 10**9 if heading is None else heading
        left = name[0].bbox.x0 - name[0].bbox.height
        parts: list[tuple[Word, ...]] = []
        first = doc.line_of(name[0])
        for index in range(first + 1, min(len(doc.lines), first + 1 + LISTED_ADDRESS_LINES)):
            below = doc.lines[index]
            # the segment written in the name's column (a stamp beside it is another block's)
            column = next(
                (p for p in segments(below) if left <= p[0].bbox.x0 < min(limit, name[-1].bbox.x1)),
                (),
            )
            if below.page != page or not column or ENUMERATION.match(column[0].text):
                break  # the end of the block, or the next block's number
            if (index, below.words.index(column[0])) in starts or phone.fit(_text(column)) >= 1.0:
                break  # the next label, or the telephone that ends the address
            parts.append(column)
        text = ", ".join(_text(part).strip(" ,") for part in parts)
        coerced = _coerce(doc, spec, kind, text) if text else None
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
        if any(_key(w) in labelled for w in part):
            if step > 0:
                break  # the next label's line ends the address
            continue  # an identification line ("MRN ... ACCT ...") between name and birth date
        found.append(tuple(part))
    return found


# Labels of a prescriber's stamp: the doctor's printed name stands over them.
STAMP_LABELS = ("license", "registration", "dea")


def signed_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """The name written just above the ``Signature`` label (the signing doctor).

    A doctor's name (``Dr``, ``MBBS``) printed over the stamp's licence number counts too, and
    so does one right of the label (``Signed: Dr Alan Reyes, M.D``).
    """
    if Place.SIGNED not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    found = []
    stops = [a.match for a in doc.anchors]
    for anchor in doc.anchors:
        stamp = "label:signature" not in anchor.keys
        if stamp and not _names_any(anchor, STAMP_LABELS):
            continue
        label = anchor.words[0].bbox
        height = max(8, label.height)
        labelled = {_key(w) for a in doc.anchors for w in a.words}
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
                if any(_key(w) in labelled for w in part):
                    continue
                text = _text(part)
                fit = name_fit(canonical.clean_text(text, TextStyle.NAME) or "")
                if fit < 0.5:
                    continue
                coerced = _coerce(doc, spec, kind, text)
                if coerced is None:
                    continue
                doctor = bool({compact(w.text) for w in part} & DOCTOR_MARKS)
                if (stamp or beside) and not doctor:
                    continue
                score = BASE_SCORE[Relation.SIGNED] * coerced[1] * fit * (1.0 if doctor else 0.9)
                found.append(Candidate(item.name, coerced[0], part, score, Relation.SIGNED))
    return found


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
    ends = [a for a in doc.anchors if _names_any(a, _BLOCK_END) and a.words[0].bbox.x0 > left]
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
        past = [a.match.start for a in anchors if a.match.start > 0 and _names_any(a, item.skips)]
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
        if any(_key(w) in doc.foreign for w in line_words):
            continue  # another document type's labelled field
        words = _without_quantities(doc, _trim_fillers(line_words))
        if words and _unlabelled_address(words):
            continue  # an unlabelled address ("53 Lake Ct, Anchorage, AK 99501") is no medicine
        if words and words[-1].text.endswith(":"):
            continue  # a sentence's lead-in to the list ("the following:")
        if any(w.text.endswith("?") for w in words):
            continue  # a question the form asks ("Currently pregnant?  Yes  No")
        if words and _medicine_text(doc, _text(words)):
            lines.append(doc.words_for(words, item.medical))
    if not lines:
        return []
    words = tuple(w for ws in lines for w in ws)
    text = "\n".join(_medicine_text(doc, _text(ws)) for ws in lines)
    if (ticked := _ticked_medicines(doc, words)) is not None:
        text, words = ticked
    coerced = _coerce(doc, spec, kind, text)
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
        for word in doc.lines[index].words:
            if _read_as_rx(word) and word.bbox.height >= RX_MARK_SIZE * typical:
                return word
    return None


# Words of a medicine's dose: a line holding one is no address ("1 MELOXICAM I5 MG TAB").
_DOSE_WORDS = frozenset(
    {"mg", "mcg", "ml", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules"}
)


def _unlabelled_address(words: Sequence[Word]) -> bool:
    """Whether a line is an address: with its state and ZIP, or of an address's form.

    A line with a dose is none: "8714 Cedar Street Apt 6, Charleston, 29401" is an address,
    "1 MELOXICAM I5 MG TAB" is not.
    """
    text = _text(words)
    if STATE_ZIP.search(text):
        return True
    dose = STRENGTH.search(text) or any(w.text.strip(",.;:").lower() in _DOSE_WORDS for w in words)
    return not dose and VALUE_TYPES["address"].fit(text) > 0


def _row_value(doc: Page, anchor: Anchor, words: tuple[Word, ...]) -> bool:
    """Whether words under a row's label are its value (of its type), not a medicine line."""
    names = [k.split(":", 1)[1] for k in anchor.keys if k.startswith("field:")]
    text = _text(words)
    if not names:
        return True
    return any(VALUE_TYPES[doc.vocab.field(name).value].fit(text) > 0 for name in names)


def _trim_fillers(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words without the rules and specks before and after them (a dash inside stays)."""
    start, end = 0, len(words)
    while start < end and _is_filler(words[start].text):
        start += 1
    while end > start and _is_filler(words[end - 1].text):
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
        coerced = _coerce(doc, spec, kind, text)
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
    boxes = _row_boxes(words, marks, size)
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
    coerced = _coerce(doc, spec, kind, str(value))
    if coerced is None:
        return []
    score = BASE_SCORE[Relation.TICKED] * sureness * coerced[1] * BOXED_ROW
    return [Candidate(item.name, coerced[0], entry, score, Relation.TICKED)]


def _after_empty_box(doc: Page, first: Sequence[Word]) -> bool:
    """Whether an empty check box is drawn just before a word (an option nobody ticked)."""
    marks = doc.marks.get(first[0].page) if first else None
    if marks is None:
        return False
    box = first[0].bbox
    size = box.height
    half = size // 2
    band = BBox(box.x0 - int(2.5 * size), box.y0 - half, box.x0 + size // 3, box.y1 + half)
    found = marks.boxes(band, size)
    return bool(found) and max(fill for _, fill in found) < TICKED_INK


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
    text = _text(words).strip(" _")
    if text in ("一", "-", "—", "l", "I", "|", "/"):
        return "1"
    glued = _GLUED_COUNT.fullmatch(text)  # "Refill2": the blank's 2
    return glued.group(1) if glued else text


def anywhere_candidates(doc: Page, spec: FieldSpec, item: FieldWords) -> list[Candidate]:
    """Every value of the field's type on the page, found by its search pattern (a last resort)."""
    if Place.ANYWHERE not in item.places:
        return []
    kind = VALUE_TYPES[item.value]
    found = []
    stops = [a.match for a in doc.anchors]
    # what another printed label of no field introduces is its own ("born 19 Sep 1951")
    owned = {
        _key(w)
        for a in doc.anchors
        if not any(k.startswith("field:") for k in a.keys)
        for w in value_right(doc.lines, a.match, stops)
    }
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
                coerced = _coerce(doc, spec, kind, match.group(0))
                if any(_key(w) in doc.foreign or _key(w) in owned for w in words):
                    continue  # another type's field ("Date of Birth: ..."), a label's value
                if coerced is not None and words:
                    score = BASE_SCORE[Relation.ANYWHERE] * coerced[1]
                    found.append(Candidate(item.name, coerced[0], words, score, Relation.ANYWHERE))
    return found


GENERATORS = (
    label_candidates,
    role_candidates,
    matrix_candidates,
    parts_candidates,
    section_candidates,
    corner_candidates,
    header_candidates,
    ticked_candidates,
    signed_candidates,
    sticker_candidates,
    listed_candidates,
    block_candidates,
    row_candidates,
    anywhere_candidates,
)


# --- assignment -------------------------------------------------------------------------------


def assign(candidates: Sequence[Candidate]) -> dict[str, tuple[Candidate, float]]:
    """One consistent choice: best scores first, a word serving one field, one value a field.

    Returns each chosen candidate with its margin over the field's best
    candidate of another value (1 when there is none).
    """
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    used: set[tuple[int, int, int, int, int]] = set()
    chosen: dict[str, tuple[Candidate, float]] = {}
    for candidate in ranked:
        if candidate.field in chosen or candidate.score < MIN_SCORE:
            continue
        ids = {_key(w) for w in candidate.words}
        if ids & used:
            continue
        rivals = [
            c.score
            for c in ranked
            if c.field == candidate.field and c.value != candidate.value and c is not candidate
        ]
        runner_up = max(rivals, default=0.0)
        margin = (candidate.score - runner_up) / candidate.score if candidate.score else 0.0
        chosen[candidate.field] = (candidate, max(0.0, margin))
        used |= ids
    return chosen


def read_document(
    document_type: DocumentType,
    pages: Sequence[OcrPage],
    config: PipelineConfig,
    images: Sequence[GrayImage | None] | None = None,
) -> ParseOutcome:
    """Every field of ``document_type`` the pages show, canonical, with its evidence."""
    outcome = ParseOutcome()
    specs = FIELDS[document_type]
    if not any(p.words for p in pages):
        outcome.warnings.extend(f"{s.name}: required field not found" for s in specs if s.required)
        return outcome
    doc = build_page(document_type, pages, config, images)
    candidates: list[Candidate] = []
    for spec in specs:
        item = doc.vocab.field(spec.name)
        for generate in GENERATORS:
            candidates.extend(generate(doc, spec, item))
    # a tear-off reminder's date, provider and telephone are the reminder's, not the document's
    candidates = [c for c in candidates if not c.words or not all(map(doc.on_stub, c.words))]
    candidates = _cells_run_on(candidates, Relation.BLOCK)
    for name, (original, margin) in assign(candidates).items():
        if original.value is None:
            continue  # the field's place on the form is found blank: it stays absent
        candidate = original
        strength = candidate.score * (0.85 + 0.15 * min(1.0, 2.0 * margin))
        evidence = original.words or original.label_words
        outcome.fields[name] = FieldResult.from_words(
            original.value, evidence, rule_strength=min(1.0, strength / 0.95)
        )
    for spec in specs:
        if spec.name not in outcome.fields and spec.required:
            outcome.warnings.append(f"{spec.name}: required field not found")
    return outcome
