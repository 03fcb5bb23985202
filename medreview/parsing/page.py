"""The page the reader works on: lines, label anchors, sections and the page images' marks.

:func:`build_page` reads a document's OCR words once into a :class:`Page`: the visual lines
(a panel fenced off by a drawn edge read apart, text on end left out), every label of the
document type's vocabulary found on them (:class:`Anchor`; badly damaged ones kept aside as
weak), the section headings and the marks of each page image. Every candidate source asks the
page the same questions (which line holds a word, whether a line is under a section, in the
letterhead, on a tear-off stub), so they are answered here, once. A :class:`Candidate` is one
possible value of one field, scored by its :class:`Relation` to what anchors it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from medreview.config import DateOrder, PipelineConfig
from medreview.documents import DOCUMENT_TYPES, FIELDS, DocumentType, FieldKind
from medreview.lexicon import get_lexicon
from medreview.model import BBox, FieldData, OcrPage, Word
from medreview.parsing.blanks import drawn_rules, printed_between
from medreview.parsing.choices import ABSTAIN, option_spans
from medreview.parsing.flow import flow_edges
from medreview.parsing.layout import (
    SECTION_MARK,
    LabelMatch,
    Line,
    compact,
    find_labels,
    glued_value,
    in_capitals,
    lettered_part,
    page_lines,
    repeated_columns,
    segment_starts,
    smaller,
    split_word,
)
from medreview.parsing.marks import PageMarks, Rule
from medreview.parsing.ocrtext import DOSE_FORMS
from medreview.parsing.values import STRENGTH_UNITS, VALUE_TYPES, infer_date_order
from medreview.parsing.vocabulary import Vocabulary, vocabulary
from medreview.parsing.wrapped import (
    Wrapped,
    side_parts,
    side_titles,
    stacked_labels,
    whole_label,
    wrapped_questions,
)

GrayImage = npt.NDArray[np.uint8]


class Relation(StrEnum):
    """How a candidate relates to what anchors it; each carries a base score."""

    RIGHT = "right"
    BEFORE = "before"
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
    STAMP = "stamp"
    STICKER = "sticker"
    CARD = "card"
    MAILING = "mailing"
    BLOCK = "block"
    ROW = "row"
    ANYWHERE = "anywhere"


BASE_SCORE: dict[Relation, float] = {
    Relation.RIGHT: 0.95,
    Relation.BEFORE: 0.95,
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
    Relation.STAMP: 0.75,
    Relation.STICKER: 0.8,
    Relation.CARD: 0.75,
    Relation.MAILING: 0.7,
    Relation.SECTION: 0.72,
    Relation.CORNER: 0.7,
    Relation.ROW: 0.75,
    Relation.ANYWHERE: 0.45,
}


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
    """A table of people in columns, their details in rows (see ``people.matrix_candidates``)."""

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
    # whether the form prints its captions after the values, on their line (decided once)
    captions_after: bool | None = None
    # per entry of a key of numbered fields (its line and words), the words on its rule
    keyed: dict[tuple[int, int, int, int], tuple[Word, ...]] | None = None
    # the abbreviations the page spells out in a key line ("Imm = immune"; found once)
    abbreviations: dict[str, str] | None = None
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
    # the lines that begin a panel's column after another on their page (a section ends there)
    panel_starts: frozenset[int] = frozenset()
    # the lines of each panel's column read apart (a page's head and foot are in none)
    panels: tuple[range, ...] = ()
    # on a form of captions under their values, the lines written over a field's caption
    captioned: frozenset[int] | None = None

    def panel_of(self, line: int) -> range | None:
        """The lines of the panel's column a line is read in, if it is in one."""
        return next((panel for panel in self.panels if line in panel), None)

    def anchors_on(self, line: int) -> list[Anchor]:
        """The anchors found on one line."""
        return [a for a in self.anchors if a.match.line == line]

    def line_of(self, word: Word) -> int:
        """The index of the line holding a word."""
        if not self.line_index:
            self.line_index.update(
                {word_key(w): i for i, ln in enumerate(self.lines) for w in ln.words}
            )
        return self.line_index[word_key(word)]

    def section_scope(self, name: str) -> tuple[int, int] | None:
        """Lines from a section's heading to the next heading, panel column or page end.

        A heading of the same section just after it (a form's title naming it, then the
        section's own bar) continues it, even where it opens a panel's column (an office box's
        ``IDENTIFICATION`` beside the letterhead, then the form's own ``ABOUT THE PARTICIPANT``).
        """
        for position, (line, title) in enumerate(self.sections):
            if title == name:
                page = self.lines[line].page
                following = [
                    ln for ln, other in self.sections[position + 1 :] if ln > line and other != name
                ]
                end = min(following, default=len(self.lines))
                again = {ln for ln, other in self.sections[position + 1 :] if other == name}
                for index in range(line + 1, end):
                    if self.lines[index].page != page:
                        return line, index
                    if index in self.panel_starts and index not in again:
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
        writing, not through the middle of it, and the label ends with its colon. A title
        in capitals set on a tinted band (a box's header) is such a heading too.
        """
        if line not in self.ruled:
            words = self.lines[line].words
            if not in_capitals(words):
                words = ()  # a title in capitals only
            elif words[-1].text.endswith(":"):
                words = ()  # a label before its blank
            marks = self.marks.get(self.lines[line].page)
            height = self.lines[line].height
            end = words[-1].bbox.x1 if words else 0
            middle = (words[-1].bbox.y0 + words[-1].bbox.y1) / 2 if words else 0
            self.ruled[line] = bool(words) and (
                any(
                    end - height / 2 <= r.start <= end + HEADING_RULE_GAP * height
                    and r.end - r.start >= HEADING_RULE_LENGTH * height
                    and abs(r.at(r.start) - middle) <= HEADING_RULE_LEVEL * height
                    for r in (marks.rules()[0] if marks is not None else ())
                )
                or (marks is not None and _on_band(marks, words))
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
            fields = [f for f in self.vocab.fields if f.value in LABEL_TYPES]
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
        return word_key(word) in self.repeated

    def words_for(self, words: Iterable[Word], medical: bool) -> tuple[Word, ...]:
        """The words as the engine read them, or medically corrected for medical fields."""
        if not medical:
            return tuple(words)
        return tuple(self.medical.get(word_key(w), w) for w in words)

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


# A rule this share of the page wide, within this share of its height from the top, closes
# the page's letterhead.
LETTERHEAD_RULE = 0.6
LETTERHEAD_DEPTH = 0.2
# A tear-off stub's "Detach and keep" stands below this share of its page's height.
STUB_DEPTH = 0.5
# A heading's rule starts within this many text heights of its last word, runs at least this
# many, and stays within this share of a text height of the words' middle.
HEADING_RULE_GAP = 2.0
HEADING_RULE_LENGTH = 8.0
HEADING_RULE_LEVEL = 0.3


# Between two labels printed as one ("STATE/ZIP"), the slash or a digit OCR read for it.
_LABEL_JOINS = re.compile(r"(?<=[A-Za-z])[/|71](?=[A-Za-z])")


def _on_band(marks: PageMarks, words: Sequence[Word]) -> bool:
    """Whether words are set on a tinted band, their paper darker than the page's around."""
    tints = [marks.tint(w.bbox) for w in words]
    return all(t is not None and t >= BAND_TINT for t in tints)


# A box's header band is at least this much darker than the paper around it (gray levels).
BAND_TINT = 12.0


def word_key(word: Word) -> tuple[int, int, int, int, int]:
    """A word's identity on the page: its page and box (the same word, however corrected)."""
    box = word.bbox
    return (word.page, box.x0, box.y0, box.x1, box.y1)


def _on_end(word: Word) -> bool:
    """Whether a word is printed on end (a section's title turned up a margin strip)."""
    letters = sum(c.isalpha() for c in word.text)
    return letters >= 4 and word.bbox.height > ON_END * word.bbox.width


def _upright(words: Sequence[Word]) -> list[Word]:
    """The words set upright, and short text turned on end laid flat (:func:`_laid_flat`).

    Longer text turned on end is no line of the form (it would join the lines it crosses),
    nor are short words stacked with it.
    """
    turned = [w.bbox for w in words if _on_end(w)]

    def stacked(box: BBox) -> bool:
        return any(
            min(box.x1, t.x1) - max(box.x0, t.x0) > 0.5 * box.width
            and min(abs(box.y1 - t.y0), abs(t.y1 - box.y0), abs(box.y0 - t.y0)) < 4 * t.width
            for t in turned
        )

    def in_a_line(word: Word) -> bool:
        """Whether a short word is set flat beside an upright word on its line.

        The "Do" of "Do you have ...", a part's number "6.": no piece of the turned text.
        """
        box = word.bbox
        if box.height >= ON_END * box.width:
            return False
        return any(
            other is not word
            and not _on_end(other)
            and min(box.y1, other.bbox.y1) - max(box.y0, other.bbox.y0) > 0.5 * box.height
            and max(other.bbox.x0 - box.x1, box.x0 - other.bbox.x1) < 2 * box.height
            for other in words
        )

    upright = [
        w
        for w in words
        if not _on_end(w)
        and not (len(w.text) <= 2 and turned and stacked(w.bbox) and not in_a_line(w))
    ]
    return [*upright, *_laid_flat([w for w in words if _on_end(w)], upright)]


# A word this many times taller than wide is printed on end.
ON_END = 2.0
# Text turned on end at most this many text heights long is a label up a box's side.
TURNED_LABEL = 5.0


def _laid_flat(words: Sequence[Word], upright: Sequence[Word]) -> list[Word]:
    """Short words turned on end (a box's label up its side) laid flat at their middle height.

    Each stays within its narrow box, one text line tall at the text's middle height: the
    label then stands on the line of the value beside it, and a label turned in two lines
    ("Patient's" beside "name") reads as one. A word longer than :data:`TURNED_LABEL` text
    heights (a part's title up a margin strip) is left out.
    """
    heights = sorted(w.bbox.height for w in upright)
    if not heights:
        return []
    size = heights[len(heights) // 2]
    found: list[Word] = []
    for word in words:
        box = word.bbox
        if box.height > TURNED_LABEL * size:
            continue
        middle = (box.y0 + box.y1) // 2
        flat = BBox(box.x0, middle - size // 2, box.x1, middle + size - size // 2)
        found.append(replace(word, bbox=flat))
    return found


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


# An arrow's head OCR reads as a word is this short at most ("▶", "V", "1").
ARROWHEAD_LETTERS = 2


# Arrows OCR reads as characters, alone or glued to the value they point at ("▶Jacob").
ARROWS = "▶►▸→➔➜➝➞➤⟶⇒"


def _without_arrowheads(page: OcrPage, marks: PageMarks | None) -> OcrPage:
    """The page without the heads of arrows printed from labels to values, read as words."""
    words = []
    for word in page.words:
        text = word.text.strip(ARROWS)
        if not text:
            continue
        if len(text) <= ARROWHEAD_LETTERS and marks is not None and marks.ends_an_arrow(word.bbox):
            continue
        words.append(word if text == word.text else replace(word, text=text))
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


def text_of(words: Sequence[Word]) -> str:
    """Words joined by spaces, as one line of text."""
    return " ".join(w.text for w in words)


def is_filler(text: str) -> bool:
    """Whether a word is a rule, dots or a speck the form prints: no writing at all."""
    return not re.sub(r"[_.\-—–|:·•=~]", "", text).strip()


# How much better than another type's longer label a label must match to stand.
CLOSER = 10.0
# How many points below the usual bar a damaged label may match (see ``Anchor.weak``).
WEAK_LABEL_SLACK = 16.0


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
    marks: dict[int, PageMarks] = {}
    for page, image in zip(sorted(pages, key=lambda p: p.index), images or (), strict=False):
        if image is not None:
            marks[page.index] = PageMarks(image)
    as_read = [_without_arrowheads(_as_read(p, label_ends), marks.get(p.index)) for p in pages]
    headings = {
        label: (label,)
        for label, keys in owners.items()
        if any(k.startswith("section:") for k in keys)
    }
    table = {label: (label,) for label in owners}
    lines, panel_starts, panels = _panel_lines(as_read, marks, headings, table)
    foreign = find_labels(lines, _foreign_labels(document_type)[0])
    # a label of this type that begins another type's longer one is that one's ("Drug
    # allergies:" on a prescription is no medicine's label)
    longer = {(m.line, m.start): m for m in foreign}
    anchors = []
    fenced = _fenced_words(lines, marks)
    # the fields' column begins past a side title's part, however close to it
    titled = side_parts(lines)
    for index, end in titled.items():
        if end < len(lines[index].words):
            fenced.setdefault(index, set()).add(end)
    between = printed_between(lines, marks)
    matches = find_labels(lines, table, fenced=fenced, printed=between)
    labelled = {(m.line, i) for m in matches for i in range(m.start, m.end)}
    for match in matches:
        other = longer.get((match.line, match.start))
        if other is not None and other.end > match.end and other.score >= match.score - CLOSER:
            continue  # (a worse match, "PROVIDER: Dr." for "Provider address", takes nothing)
        words = lines[match.line].words[match.start : match.end]
        if _state_after_city(lines[match.line].words, match):
            continue  # "Lansing, MI 48933": Michigan, not a middle initial's label
        wording = between.get(match.line, set())
        after_blank = match.start in wording and match.start - 1 not in wording
        if _in_an_enumeration(lines[match.line], match):
            continue  # "Page 2 - insurance, allergies, medicines": what the page holds
        if (
            (match.line, match.start - 1) not in labelled
            and not after_blank  # ("I am 73 in ____ tall": a value's unit on its blank)
            and _word_of_a_phrase(lines[match.line], match)
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
        if _number_mark_after(lines[match.line], match, labelled):
            # "Policy / ID no.": the label's own mark for a number, never the value's start
            match = replace(match, end=match.end + 1)
            words = lines[match.line].words[match.start : match.end]
        anchors.append(Anchor(match, keys, words))
    wrapped = [
        *side_titles(lines, titled, marks),
        *wrapped_questions(lines),
        *stacked_labels(lines),
    ]
    anchors = _with_wrapped(lines, wrapped, anchors, table, owners)
    medical = {word_key(w): w for p in pages for w in p.words}
    texts = [w.text for p in as_read for w in p.words]
    order = infer_date_order([" ".join(texts)], config.date_order)
    sizes = {p.index: (p.width, p.height) for p in pages}
    label_texts = frozenset(compact(label) for label in owners)
    doc = Page(lines, anchors, vocab, order, marks, medical, sizes, label_texts)
    doc.panel_starts = panel_starts
    doc.panels = panels
    starts = {i: segment_starts(ln) for i, ln in enumerate(lines)}
    # labels OCR damaged badly ("appress"), believed only before a value of their field's type
    taken = {(a.match.line, i) for a in anchors for i in range(a.match.start, a.match.end)}
    for match in find_labels(lines, table, slack=WEAK_LABEL_SLACK, fenced=fenced):
        if match.label.endswith(":"):
            continue  # a label the vocabulary writes with its colon is matched closely only
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
        # a drug or a condition the lexicon knows is a value, never a damaged label; nor is a
        # printed answer ("Unsure" is no "Insured")
        alike = alike and not get_lexicon().is_term(printed.strip(",.;:").lower())
        alike = alike and not option_spans(words, ABSTAIN)
        # ... nor one OCR damaged as much ("Urisure" is as near "Unsure" as "Insured")
        alike = alike and not _nearer_an_answer(printed, match.key)
        if keys and lettered and alike and not span & taken and match.start in starts[match.line]:
            doc.weak_anchors.append(Anchor(match, keys, words, weak=True))
    doc.foreign = _foreign_fields(document_type, lines, starts, foreign)
    doc.sections = sorted(
        (_heading_line(lines, a, marks.get(lines[a.match.line].page)), key.split(":", 1)[1])
        for a in anchors
        for key in a.keys
        if key.startswith("section:")
        and (
            a.match.start in starts[a.match.line]
            or _after_section_letter(lines, a.match)
            or _after_title_slash(lines, a.match)
        )
        and (a.match.end - a.match.start > 1 or _heads_its_line(lines, a.match))
        and not _beside_a_field(lines, anchors, a)
    )
    # a lettered part whose title the vocabulary lacks ("PART F Medicines") still ends the
    # section before it
    named = {line for line, _ in doc.sections}
    numbered = _numbered_headings(lines, marks)
    doc.sections = sorted(
        [
            *doc.sections,
            *((i, UNNAMED_PART) for i, ln in enumerate(lines) if i not in named and _part(ln)),
        ]
    )
    # ... and so does a numbered title in a form that numbers its parts: where the part before
    # is numbered too (a heading the form does not number, "IDENTIFICATION", runs on over its
    # "1. CONTACT DETAILS")
    for i in sorted(numbered - named):
        before = [line for line, _ in doc.sections if line < i]
        if not before or max(before) in numbered:
            doc.sections = sorted([*doc.sections, (i, UNNAMED_PART)])
    scoped = [_in_its_section(doc, a) for a in doc.anchors]
    # out of its section, a bracketed label is the gloss of the label before it ("Medical
    # conditions (check all that apply):"), and no label of its own
    doc.anchors = [a for a in scoped if a.keys or not a.words[0].text.startswith("(")]
    return doc


def _with_wrapped(
    lines: Sequence[Line],
    wrapped: Sequence[Wrapped],
    anchors: list[Anchor],
    table: Mapping[str, Sequence[str]],
    owners: Mapping[str, tuple[str, ...]],
) -> list[Anchor]:
    """The anchors with each label wrapped over lines read whole, not in its parts.

    ``Primary care`` over ``provider`` is the doctor's title, not a caregiver's label and a
    provider's: every line's part stands for what the whole label does. Where two wrapped
    readings share words, the closer match takes them ("Best number to reach" over "you" is
    the telephone's label; "you" over "Family physician" is then no "Your family physician").
    """
    wholes = [whole for found in wrapped if (whole := whole_label(lines, found, table))]
    taken: set[tuple[int, int]] = set()
    for label, match in sorted(wholes, key=lambda whole: -whole[1].score):
        keys = _owners(owners, match)
        if _heads_another_section(anchors, label, match, keys):
            continue  # "1. PATIENT" over "NAME: ...": a section's heading, then its first row
        spans = {(index, i) for index, start, end in label.parts for i in range(start, end)}
        if spans & taken:
            continue
        taken |= spans
        anchors = [
            a
            for a in anchors
            if not any((a.match.line, i) in spans for i in range(a.match.start, a.match.end))
        ]
        parts = [
            Anchor(replace(match, line=i, start=a, end=b), keys, lines[i].words[a:b])
            for i, a, b in label.parts
        ]
        if any(_after_a_label(anchors, p) for p in parts) and _leads_a_value(lines, parts[-1]):
            # ("REFERRAL" over "SOURCE:" after the row's first label and value: a label)
            keys = tuple(k for k in keys if not k.startswith("section:"))
        anchors.extend(Anchor(p.match, keys, p.words) for p in parts)
    return sorted(anchors, key=lambda a: (a.match.line, a.match.start))


# A label spelled exactly, before any bonus for its colon.
PERFECT = 100.0


def _heads_another_section(
    anchors: Sequence[Anchor], label: Wrapped, whole: LabelMatch, keys: tuple[str, ...]
) -> bool:
    """Whether a wrapped label's first line alone is, as closely, a section's heading it is not.

    ("Primary care" spells "Primary caregiver" less closely than it and "provider" spell
    "Primary care provider".)
    """
    index, start, end = label.parts[0]
    return any(
        a.match.line == index
        and a.match.start == start
        and a.match.end == end
        and a.match.score >= min(whole.score, PERFECT)  # (a colon's bonus set aside)
        and any(k.startswith("section:") and k not in keys for k in a.keys)
        for a in anchors
    )


def _fenced_words(lines: Sequence[Line], marks: Mapping[int, PageMarks]) -> dict[int, set[int]]:
    """Per line, the words a drawn box or cell begins (or ends) just before.

    A box round "Date of physical 03/10/2025" beside running text: an upright line stands
    in the gap before its first word, or lines over and under the words start there; or a
    box round a value closes before its caption ("[ 3 ] repeats"); or the rule a value is
    written on starts or ends in the gap ("Helen Okafor ____ name  12/03/2024 ____ date").
    """
    fenced: dict[int, set[int]] = {}
    for index, line in enumerate(lines):
        found = marks.get(line.page)
        if found is None or len(line.words) < 2:
            continue
        middle, reach = line.center_y, FENCE_REACH * line.height
        lying, upright = found.rules()
        blanks = drawn_rules(found)  # (a value's rule or box may be drawn pale)
        sides = [r.at(middle) for r in upright if r.start <= middle <= r.end]
        for i, (before, word) in enumerate(pairwise(line.words), 1):
            gap = (before.bbox.x1, word.bbox.x0)
            starts = [r for r in lying if gap[0] <= r.start <= gap[1]]
            over = any(0 < middle - r.at(r.start) <= reach for r in starts)
            under = any(0 < r.at(r.start) - middle <= reach for r in starts)
            ends = [r for r in blanks if gap[0] <= r.end <= gap[1]]
            begins = [r for r in blanks if gap[0] <= r.start <= gap[1]]
            # (a value's rule, or its box's foot, ends or starts in a gap wider than a space)
            ruled = any(0 < r.at(r.end) - middle <= reach for r in ends) or any(
                0 < r.at(r.start) - middle <= reach for r in begins
            )
            space = RULED_GAP * min(before.bbox.height, word.bbox.height)
            ruled = ruled and gap[1] - gap[0] >= space  # (more than a word's space)
            if any(gap[0] <= x <= gap[1] for x in sides) or (over and under) or ruled:
                fenced.setdefault(index, set()).add(i)
    return fenced


# A box's lines run over and under its words within this many of their line's heights.
FENCE_REACH = 1.5
# A value's rule ends (or starts) in a gap at least this many of its words' heights wide.
RULED_GAP = 0.6


def _panel_lines(
    pages: Sequence[OcrPage],
    marks: Mapping[int, PageMarks],
    headings: Mapping[str, Sequence[str]],
    labels: Mapping[str, Sequence[str]],
) -> tuple[tuple[Line, ...], frozenset[int], tuple[range, ...]]:
    """The pages' lines, a panel fenced off by a drawn edge read apart from the body.

    A sidebar's doctors and offices sit level with the body's rows ("Lic. MD476564" beside
    "Ketorolac 0.5% gtts"); read as one line they join the body's values, and so do a form's
    two columns of items. Each column between panel edges is grouped into lines of its own,
    left column first; what stands above or below the edges (the head, a foot across both
    columns) is read whole, before and after them. A page with no such edge may still set its
    sections in columns with white between (:func:`flow_edges`), or one part's lines in two
    columns a short rule divides (:func:`_dividers`). Returns the lines, the indexes of those
    that begin a column after another on their page, and each column's lines.
    """
    lines: list[Line] = []
    starts: set[int] = set()
    panels: list[range] = []
    for page in sorted(pages, key=lambda p: p.index):
        found = marks.get(page.index)
        edges = found.panel_edges() if found is not None else []
        if not edges:
            edges = flow_edges(page, headings, found)
        if edges:
            bands = [_Band(min(e.start for e in edges), max(e.end for e in edges), edges)]
        else:
            bands = _dividers(page, found, labels)
        if not bands:
            lines.extend(page_lines([page]))
            continue
        groups: dict[tuple[int, int], list[Word]] = {}
        for word in page.words:
            group = (len(bands), 0)  # below every band
            for number, band in enumerate(bands):
                side = band.side(word.bbox)
                if side < 0:
                    group = (number, -1)  # above the band, below the one before
                    break
                if side == 0:
                    group = (number, 1 + band.column(word.bbox))
                    break
            groups.setdefault(group, []).append(word)
        for group in sorted(groups):
            number, column = group
            if column > 1:
                starts.add(len(lines))
            first = len(lines)
            lines.extend(page_lines([replace(page, words=tuple(groups[group]))]))
            if column > 0:
                panels.append(range(first, len(lines)))
    return tuple(lines), frozenset(starts), tuple(panels)


@dataclass(frozen=True, slots=True)
class _Band:
    """A stretch of the page read in columns: from ``top`` to ``bottom``, split at ``edges``.

    A panel's edges take the words whose middles stand between their ends. A short rule
    dividing two columns (``overlap``) takes every word reaching into its length, measured
    along the page's tilt (the rule's own slope): the rule may start below the first line's
    top and end above the last one's bottom.
    """

    top: float
    bottom: float
    edges: Sequence[Rule]
    overlap: bool = False

    def side(self, box: BBox) -> int:
        """-1 when a word stands above the band, 1 below it, 0 in it."""
        if not self.overlap:
            return -1 if box.center_y < self.top else 1 if box.center_y > self.bottom else 0
        rule = self.edges[0]
        shift = rule.slope * ((box.x0 + box.x1) / 2 - rule.level)
        return -1 if box.y1 + shift < self.top else 1 if box.y0 + shift > self.bottom else 0

    def column(self, box: BBox) -> int:
        """The column a word in the band stands in, 0 the leftmost."""
        cx, cy = (box.x0 + box.x1) / 2, box.center_y
        return sum(e.at(cy) < cx for e in self.edges)


# A short rule divides two columns when this many lines of words stand beside it, one at
# least on both sides; not when this share of the lines left of it begin with a label.
DIVIDED_LINES = 2
LABEL_COLUMN = 0.5


def _dividers(
    page: OcrPage, marks: PageMarks | None, labels: Mapping[str, Sequence[str]]
) -> list[_Band]:
    """The stretches of a page a short upright rule divides into two columns, top to bottom.

    A rule divides columns when lines of words stand beside it (two lines at least, one with
    words on both sides) and no word runs across it. A column of labels beside their values
    (``Insurer | Oscar Health``) is one table read along its rows, not two columns.
    """
    if marks is None:
        return []
    bands: list[_Band] = []
    for rule in marks.column_dividers():
        band = _Band(rule.start, rule.end, (rule,), overlap=True)
        near = [w for w in page.words if band.side(w.bbox) == 0]
        if any(w.bbox.x0 < rule.at(w.bbox.center_y) < w.bbox.x1 for w in near):
            continue
        rows = page_lines([replace(page, words=tuple(near))])
        sides = [{band.column(w.bbox) for w in row.words} for row in rows]
        if len(rows) < DIVIDED_LINES or not any(len(found) == 2 for found in sides):
            continue
        left = [w for w in near if band.column(w.bbox) == 0]
        lines = page_lines([replace(page, words=tuple(left))])
        labelled = {m.line for m in find_labels(lines, labels) if m.start == 0}
        if len(labelled) < LABEL_COLUMN * len(lines):
            bands.append(band)
    # (two rules side by side divide a table's columns, read along its rows)
    return sorted(
        (
            b
            for b in bands
            if not any(o is not b and o.top <= b.bottom and b.top <= o.bottom for o in bands)
        ),
        key=lambda b: b.top,
    )


# The section of a lettered part whose title names none of the vocabulary's sections.
UNNAMED_PART = "part"


def _part(line: Line) -> bool:
    """Whether a line begins with a part's word and letter, then its title ("PART F Medicines").

    A bullet or a dash may stand between ("SECTION 3 • FERTILITY HISTORY").
    """
    words = line.words
    return lettered_part(words) and words[_title_start(words)].text[:1].isalpha()


def _title_start(words: Sequence[Word]) -> int:
    """Where a part's title begins after its word and letter.

    Past a bullet or a dash between (``SECTION 3 • TITLE``), if a word follows it.
    """
    return 3 if PART_DIVIDER.fullmatch(words[2].text) and len(words) > 3 else 2


# What a form prints between a part's number and its title.
PART_DIVIDER = re.compile(r"[•·\-–—:|]")


# A numbered heading's rule runs across at least this share of its page's width, within this
# many of the heading's line heights over it; or it is underlined from its number on.
HEADING_RULE_SPAN = 0.5
HEADING_RULE_OVER = 1.5
# The share of a numbered heading's letters that are capitals.
HEADING_CAPITALS = 0.85


def _numbered_headings(lines: Sequence[Line], marks: Mapping[int, PageMarks]) -> set[int]:
    """The lines that are parts' numbered titles: each with the part before or after it.

    Parts are numbered in order (``A`` ``B`` ``C``, ``1`` ``2`` ``3``): a lone title-like
    line in capitals under a rule (``8 SUNSET RD`` written in a grid's row) numbers no part.
    """
    found = {
        i: _mark_order(ln.words[0].text)
        for i, ln in enumerate(lines)
        if _numbered_heading(ln, marks.get(ln.page))
    }
    orders = set(found.values())
    return {i for i, order in found.items() if order - 1 in orders or order + 1 in orders}


def _mark_order(mark: str) -> int:
    """A part's letter or number as its place in order ("C" 3, "12." 12)."""
    mark = mark.strip(".):")
    return int(mark) if mark.isdigit() else ord(mark.upper()) - ord("A") + 1


def _numbered_heading(line: Line, marks: PageMarks | None) -> bool:
    """Whether a line is a part's numbered title in capitals, set off by a rule.

    ``B  NURSE'S MEASUREMENTS`` under a rule across the page, or underlined from its letter:
    the part's title even when the vocabulary does not know its wording. (A numbered value in
    capitals, ``1 LORAZEPAM 0.5 MG``, has no such rule.)
    """
    words = line.words
    if marks is None or len(words) < 2 or not SECTION_MARK.fullmatch(words[0].text):
        return False
    bracket = next((i for i, w in enumerate(words) if w.text.startswith("(")), len(words))
    title = words[1:bracket]  # (without its note: "(staff to highlight)")
    letters = [c for w in title for c in w.text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= HEADING_CAPITALS * len(letters)
    if len(letters) < 4 or not capitals:
        return False  # (a letter OCR read small stays a capital's: "NEXT OF KiN")
    if any(i > 1 and not words[i].text.startswith("(") for i in segment_starts(line)):
        return False  # another column's words beside it (its bracketed note may stand apart)
    width = marks.gray.shape[1]
    top, height, start = line.bbox.y0, line.height, words[0].bbox.x0
    for rule in marks.rules()[0]:
        level = rule.at(start)
        across = rule.end - rule.start >= HEADING_RULE_SPAN * width and rule.start <= start
        if across and 0 < top - level <= HEADING_RULE_OVER * height:
            return True
        under = abs(rule.start - start) <= height and rule.end > words[1].bbox.x1
        if under and 0 < level - line.bbox.y1 <= height:
            return True
    return False


def wraps_onto(upper: Anchor, lower: Anchor) -> bool:
    """Whether a label's part stands on the line under another part of the same wrapped label.

    Every part of a label wrapped over lines keeps the whole label's match (``TOWN, STATE,``
    over ``ZIP``): the same label, as closely matched, one line down.
    """
    return (
        lower.match.line == upper.match.line + 1
        and lower.match.label == upper.match.label
        and lower.match.score == upper.match.score
    )


def _beside_a_field(lines: Sequence[Line], anchors: Sequence[Anchor], anchor: Anchor) -> bool:
    """Whether a heading's words stand after another label on their line, a value after them.

    ``Date of visit: April 13, 2024   Referral source: Dr. Linda Nelson``: a row's second
    label with its value (or its colon, the value in the cell beside), not the heading of a
    section.
    """
    return _after_a_label(anchors, anchor) and _leads_a_value(lines, anchor)


def _after_a_label(anchors: Sequence[Anchor], anchor: Anchor) -> bool:
    """Whether another label than a heading stands before a label on its line."""
    return any(
        other.match.line == anchor.match.line
        and other.match.end <= anchor.match.start
        and not all(k.startswith("section:") for k in other.keys)
        for other in anchors
    )


def _heading_line(lines: Sequence[Line], anchor: Anchor, marks: PageMarks | None) -> int:
    """The line a section's heading opens the section at.

    A title turned up a tinted strip at the section's left edge is read as words far narrower
    than their letters, which OCR lays on the line of their middle, rows below the section's
    start (and may box only part of a word): the section opens at the first line beside the
    strip. With no tinted strip seen, where the section begins is not told: its title's line.
    """
    turned = [w for w in anchor.words if is_turned(w)]
    tops = [y for w in turned if (y := _strip_top(marks, w)) is not None] if marks else []
    if not tops:
        return anchor.match.line
    top = min(tops)
    index = anchor.match.line
    while index > 0 and lines[index - 1].page == lines[index].page:
        if lines[index - 1].bbox.y1 <= top:
            break
        index -= 1
    return index


def is_turned(word: Word) -> bool:
    """Whether a word is printed turned on end: its box far narrower than its letters."""
    letters = sum(c.isalpha() for c in word.text)
    return letters >= 2 and word.bbox.width < TURNED_TITLE * word.bbox.height * letters


def _strip_top(marks: PageMarks, word: Word) -> int | None:
    """Where the tinted strip a turned word is printed up begins, ``None`` on plain paper.

    The strip is tinted paper around the word, the page lighter past the strip's side.
    """
    step = max(8, word.bbox.width)
    x0, x1 = word.bbox.x0, word.bbox.x1

    def level(y: int, left: int, right: int) -> float | None:
        return marks.paper_level(BBox(left, y - step, right, y))

    first = level(word.bbox.y0, x0, x1)
    if first is None:
        return None
    beside = (level(word.bbox.y0, x1 + k * step, x1 + (k + 1) * step) for k in range(STRIP_STEPS))
    if not any(paper is not None and paper - first >= STRIP_TINT for paper in beside):
        return None
    y = word.bbox.y0
    while y - step > 0:
        here = level(y - step, x0, x1)
        if here is None or here > first + STRIP_TINT / 2:
            break
        y -= step
    return y


# A word's box this share of its letters' width printed flat or narrower: turned on end.
TURNED_TITLE = 0.17
# A strip's paper this much darker than the page's beside it is tinted; its side is looked
# for this many of the word's widths away.
STRIP_TINT = 8.0
STRIP_STEPS = 12


def _leads_a_value(lines: Sequence[Line], anchor: Anchor) -> bool:
    """Whether a label closes with its colon or has words after it on its line."""
    valued = anchor.match.end < len(lines[anchor.match.line].words)
    return valued or anchor.words[-1].text.endswith(":")


def _heads_its_line(lines: Sequence[Line], match: LabelMatch) -> bool:
    """Whether a one-word heading begins its line and stands alone or before its colon's value.

    ``PATIENT`` alone, ``NOTIFY- Rosa Allen`` and ``5. ALLERGIES / HOME MEDS`` head sections,
    and so does a title in a narrow column at the left, its section's fields well apart right
    of it (``Conditions  Check all that apply:``); ``Patient / guardian signature``, ``PATIENT
    REGISTRATION FORM`` and a letterhead's last word do not.
    """
    words = lines[match.line].words
    first = match.start == 0 or _after_section_letter(lines, match)
    if not first:
        return False
    if match.end == len(words) or words[match.end - 1].text.endswith((":", "-")):
        return True
    if words[match.end].text == "/" and in_capitals(words[match.start :]):
        return True  # the title names its part twice ("ALLERGIES / HOME MEDS")
    if not words[match.start].text[:1].isupper():
        return False  # a wrapped label's last word ("Relationship to / patient")
    gap = words[match.end].bbox.x0 - words[match.end - 1].bbox.x1
    return gap >= SIDE_GAP * lines[match.line].height


# A one-word title this many line heights or more left of the next word heads a side column.
SIDE_GAP = 3.0


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
                scoped[k] = doc.in_section(section, line) or (
                    section == SIGNER_SECTION and by_signature(doc, line)
                )
    if not scoped:
        return anchor
    here = [k for k, inside in scoped.items() if inside]
    kept = [
        k
        for k in anchor.keys
        if (k in here) or (not here and k not in scoped) or not k.startswith("field:")
    ]
    return replace(anchor, keys=tuple(kept))


# The section a signature's block stands for when no heading names it: the prescriber's
# ("Signed ____" over "Print name ____" at a prescription's foot).
SIGNER_SECTION = "prescriber"
# ... within this many of its text heights over or under the signature's label.
SIGNATURE_REACH = 4.0


def by_signature_only(doc: Page, anchor: Anchor) -> bool:
    """Whether a label counts for its field only by standing in a signature's block.

    Such a block prints its captions under its rules whatever the rest of the form does: it
    casts no vote on the form's captions (:func:`~medreview.parsing.cells.captions_under`).
    """
    line = anchor.match.line
    return any(
        doc.vocab.label_section(k.split(":", 1)[1], anchor.match.key) == SIGNER_SECTION
        and not doc.in_section(SIGNER_SECTION, line)
        for k in anchor.keys
        if k.startswith("field:")
    )


def by_signature(doc: Page, line: int) -> bool:
    """Whether a line stands in a signature's block: a signature's label just over or under."""
    here = doc.lines[line]
    return any(
        "label:signature" in a.keys
        and doc.lines[a.match.line].page == here.page
        and abs(doc.lines[a.match.line].center_y - here.center_y) <= SIGNATURE_REACH * here.height
        for a in doc.anchors
    )


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


def _after_title_slash(lines: Sequence[Line], match: LabelMatch) -> bool:
    """Whether a heading is the second name of a part's title in capitals after a slash.

    ``SECTION 2 • PARTNER / EMERGENCY CONTACT``: the title names the part twice; a title
    joining two parts with "and" ("PARTNER AND EMERGENCY CONTACT") is no such title.
    """
    words = lines[match.line].words
    at = match.start - 1
    if at < 1 or words[at].text != "/" or not in_capitals(words[match.start : match.end]):
        return False
    while at > 0 and in_capitals(words[at - 1 : at]):
        at -= 1
    return at == 0 or (lettered_part(words) and at == _title_start(words))


def _nearer_an_answer(printed: str, label: str) -> bool:
    """Whether a damaged word reads at least as close to an unsure answer as to a label."""
    word = compact(printed)
    to_label = fuzz.ratio(word, compact(label))
    return any(fuzz.ratio(word, compact(answer)) >= to_label for answer in ABSTAIN)


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


def _word_of_a_phrase(line: Line, match: LabelMatch) -> bool:
    """Whether a one-word label found is a lower-case word running on from another.

    A form prints its labels capitalised or with a colon; ``medicine`` in ``Urgent care -
    occupational medicine - physicals`` is a word of the clinic's services line. (The word
    before must be no label's: ``Home street address`` is two labels; and a strength's unit
    before a gap ends the phrase: ``... 60 mg      supply 28 tabs``; a table's cell after a
    gap, ``as needed    allergies``, is still running text.)
    """
    if match.end != match.start + 1 or match.start == 0:
        return False
    words = line.words
    printed, before = words[match.start].text, words[match.start - 1].text
    if match.start in segment_starts(line):
        if before.lower() in MEASURE_UNITS:
            return False  # a strength ends the value before the gap ("60 mg      supply")
        if smaller(words, match.start):
            return False  # a caption in small print after its value ("178 lbs      weight")
    return printed.isalpha() and printed.islower() and before.isalpha() and before.islower()


def _number_mark_after(line: Line, match: LabelMatch, labelled: set[tuple[int, int]]) -> bool:
    """Whether the word after a label is a mark saying a number follows ("no.", "#", "Nº")."""
    after = match.end
    if after + 1 >= len(line.words) or (match.line, after) in labelled:
        return False
    return line.words[after].text.lower() in NUMBER_MARKS and after not in segment_starts(line)


# Marks a label ends with before a number's value (a bare "No" is an answer, not one).
NUMBER_MARKS = frozenset({"no.", "#", "#:", "no.:", "nº", "№", "nr.", "num."})


def _in_an_enumeration(line: Line, match: LabelMatch) -> bool:
    """Whether a one-word label found is a word of a list in small letters after a comma.

    "Page 2 - insurance, allergies, medicines" names what a page holds; a clause's own label
    in small letters ("..., born") still opens one.
    """
    if match.end != match.start + 1 or match.start == 0 or match.key[:1].islower():
        return False
    printed = line.words[match.start].text.rstrip(",;")
    before = line.words[match.start - 1].text
    return (
        before.endswith(",")
        and before[:-1].isalpha()
        and before[:-1].islower()
        and printed.isalpha()
        and printed.islower()
    )


# Units and forms a medicine's strength ends with ("60 mg", "100 mcg tab").
MEASURE_UNITS = STRENGTH_UNITS | DOSE_FORMS


def _state_after_city(words: Sequence[Word], match: LabelMatch) -> bool:
    """Whether a label found is an address's two-letter state after its city and comma.

    OCR may misread the state's letters ("M1") when its ZIP code follows.
    """
    printed = words[match.start].text
    zip_after = match.end < len(words) and ZIP_CODE.fullmatch(words[match.end].text) is not None
    return (
        match.end == match.start + 1
        and match.start > 0
        and words[match.start - 1].text.endswith(",")
        and (STATE.match(printed) is not None or (len(printed) == 2 and zip_after))
    )


# A ZIP code, five digits or ZIP+4.
ZIP_CODE = re.compile(r"\b\d{5}(?:-\d{4})?\b")


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
        value = text_of(words[match.end : end])
        typed = any(VALUE_TYPES[kind].fit(value) >= 1.0 for kind in telling[match.key])
        if (colon and match.start in starts[match.line]) or (value and typed):
            found.update(word_key(w) for w in words[match.start : end])
    return frozenset(found)


# Value types whose form proves a damaged label is one (a list or prose proves nothing).
_PROVING = frozenset(
    {"date", "phone", "number", "code", "name", "address", "choice", "refills", "medicines"}
)


def _owners(owners: Mapping[str, tuple[str, ...]], match: LabelMatch) -> tuple[str, ...]:
    """The keys a label found stands for, with those of labels it matches as well."""
    keys = [k for label in (match.key, *match.ties) for k in owners[label]]
    return tuple(dict.fromkeys(keys))


def lines_text(doc: Page, words: Sequence[Word]) -> str:
    """Words joined by spaces within a line and newlines between lines."""
    parts: list[list[Word]] = []
    last_line = -1
    for word in words:
        index = doc.line_of(word)
        if index != last_line:
            parts.append([])
            last_line = index
        parts[-1].append(word)
    return "\n".join(text_of(p) for p in parts)


# Value types whose own labels never end another type's value.
LABEL_TYPES = frozenset({"phone", "date"})


STATE = re.compile(r"^[A-Z]{2}$")
