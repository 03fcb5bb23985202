"""Prescription fields: the header's doctor, the labelled rows, the ℞ block, refills.

Layout (``shared/spec/documents.md``): a centred prescriber header, then
``Name: ... Date: ...``, ``Address: ...``, the ℞ mark and one medicine per
line, ``Directions:`` over several lines and ``Refill: _N_ times`` (or a
``0 1 2 3 4 5 PRN`` row with one number circled on handwritten pads).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medreview.config import PipelineConfig
from medreview.documents import DocumentType, FieldSpec
from medreview.model import FieldResult, OcrPage, Word
from medreview.parsing import canonical
from medreview.parsing.base import ParseOutcome, StepResult, apply_rules, found_result
from medreview.parsing.canonical import TextStyle
from medreview.parsing.layout import Line, compact, segments
from medreview.parsing.rules import (
    DocumentRules,
    FieldRule,
    Found,
    LabelledLines,
    Method,
    Where,
)

# Labels of the rows between the header and the ℞ block.
HEADER_FIELDS = ("patient_name", "date", "patient_address", "age")

RULES = DocumentRules(
    DocumentType.PRESCRIPTION,
    rules=(
        FieldRule("prescriber", method=Method.HEADER, strength=0.9, style=TextStyle.NAME),
        FieldRule(
            "patient_name",
            ("Name", "Patient Name", "Patient's Name", "Name of Patient", "Patient"),
            where=Where.RIGHT,
            style=TextStyle.NAME,
        ),
        FieldRule("date", ("Date", "Dated"), where=Where.RIGHT),
        FieldRule(
            "patient_address",
            ("Address", "Addr", "Patient Address", "Add"),
            where=Where.RIGHT,
            style=TextStyle.ADDRESS,
        ),
        FieldRule("medicines", method=Method.RX_BLOCK, strength=0.9, medical=True),
        FieldRule(
            "directions",
            ("Directions", "Direction", "Sig", "Instructions"),
            method=Method.RUNNING_TEXT,
            stops=("refills", "signature", "dea", "license", "substitution"),
            strength=0.9,
            medical=True,
            style=TextStyle.PROSE,
        ),
        FieldRule(
            "refills",
            ("Refill", "Refills", "Refills Allowed"),
            method=Method.REFILLS,
            where=Where.RIGHT,
            strength=0.9,
        ),
    ),
    other_labels={
        "age": ("Age",),
        "dea": ("DEA#", "DEA", "DEA No"),
        "license": ("LIC #", "LIC#", "Lic No", "License", "License No"),
        "signature": ("Signature", "Signed", "Prescriber Signature", "Dr Signature"),
        "substitution": ("Substitution Permitted", "Dispense As Written", "Label"),
    },
)

# Words that mark a line as the prescriber's name (compared after `compact`).
DOCTOR_MARKS = frozenset({"dr", "md", "do", "mbbs", "doctor", "dds", "np", "pa"})

# What OCR makes of the ℞ mark, compared after `compact` (letters and digits only).
RX_NOISE = frozenset(
    {"", "r", "k", "rx", "b", "x", "px", "pk", "br", "rk", "kx", "ry", "by", "re", "fx", "ix"}
    | {"r", "p", "bx", "kr", "rv", "rl", "r7", "ke", "q"}
)
# ℞ glued to the first medicine: "KAmoxicillin", "R/Amoxicillin", "Rx.Amoxicillin".
RX_GLUED = re.compile(r"^(?:Rx|RX|R|K|B|P|X|Px|Pk)[/:.,;]?(?=[A-Z][a-z]{3})")
LEADING_BULLET = re.compile(r"^(?:\d{1,2}[.)]|[-•*·>])$")
REFILL_ROW = ("0", "1", "2", "3", "4", "5", "PRN")


def _header_lines(doc: LabelledLines) -> list[int]:
    """Lines above the first patient row (the prescriber's header)."""
    rows = [m.line for m in doc.labels if m.key in HEADER_FIELDS]
    first_page = doc.lines[0].page if doc.lines else 0
    end = min(rows, default=min(4, len(doc.lines)))
    return [i for i in range(end) if doc.lines[i].page == first_page]


def prescriber_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """The header's doctor line, titles kept; the first header line when none is marked."""
    candidates: list[tuple[Word, ...]] = []
    for index in _header_lines(doc):
        for part in segments(doc.lines[index]):
            marks = {compact(w.text) for w in part}
            if marks & DOCTOR_MARKS and sum(any(c.isalpha() for c in w.text) for w in part) >= 2:
                candidates.append(part)
    strength = rule.strength
    if not candidates:
        lines = _header_lines(doc)
        if not lines:
            return StepResult(None)
        candidates.append(doc.lines[lines[0]].words)
        strength *= 0.6
    words = candidates[0]
    found = Found(" ".join(w.text for w in words), words, strength)
    return found_result(spec, found, config, rule.style)


def _strip_rx(words: tuple[Word, ...], line: Line, first: bool) -> tuple[Word, ...]:
    """Drop the ℞ mark (read as "R", "K", "Rx:", "B/", a tall blob) before a medicine."""
    if not words:
        return words
    head = words[0]
    tall = head.bbox.height > 1.5 * line.height and len(head.text) <= 3
    noise = compact(head.text) in RX_NOISE or not any(c.isalnum() for c in head.text)
    if len(words) > 1 and (noise or tall or head.text == "℞"):
        return _strip_rx(words[1:], line, first) if first else words[1:]
    if len(words) == 1 and (tall or head.text == "℞" or compact(head.text) in RX_NOISE):
        return ()
    glued = RX_GLUED.match(head.text)
    if glued is not None and first:
        rest = head.text[glued.end() :]
        cut = head.bbox.x0 + round(head.bbox.width * glued.end() / len(head.text))
        trimmed = Word(
            rest,
            head.confidence,
            type(head.bbox)(cut, head.bbox.y0, head.bbox.x1, head.bbox.y1),
            head.page,
            head.block,
            head.line,
            ocr_text=head.ocr_text,
            corrected=head.corrected,
        )
        return (trimmed, *words[1:])
    return words


def _medicine_words(line: Line, first: bool) -> tuple[Word, ...]:
    words = _strip_rx(line.words, line, first)
    if words and LEADING_BULLET.match(words[0].text):
        words = words[1:]
    while words and not any(c.isalnum() for c in words[-1].text):
        words = words[:-1]  # stray marks after the line: ".", "|", "—"
    letters = max((sum(c.isalpha() for c in w.text) for w in words), default=0)
    return words if letters >= 3 else ()


def rx_block_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """Medicine lines between the patient rows (or the ℞ mark) and ``Directions:``."""
    ends = [m.line for m in doc.labels if m.key in ("directions", "refills", "signature")]
    end = min(ends, default=len(doc.lines))
    rows = [m.line for m in doc.labels if m.key in HEADER_FIELDS and m.line < end]
    if not rows:
        return StepResult(None)
    labelled = {m.line for m in doc.labels}
    items: list[str] = []
    used: list[Word] = []
    for index in range(max(rows) + 1, end):
        line = doc.lines[index]
        if index in labelled:
            continue
        words = _medicine_words(line, first=not items)
        if words:
            item = canonical.clean_text(" ".join(w.text for w in words), TextStyle.ITEM)
            if item:
                items.append(item)
                used.extend(words)
    if not items:
        return StepResult(None, "no medicine lines found")
    return StepResult(FieldResult.from_words(items, used, rule_strength=rule.strength))


def running_text_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """All text after the label up to the next stop label, lines joined by spaces."""
    hits = doc.matches(rule.field)
    if not hits:
        return StepResult(None)
    hit = hits[0]
    first = doc.lines[hit.line]
    words: list[Word] = list(doc.words_after(hit))
    previous = first
    for index in range(hit.line + 1, len(doc.lines)):
        line = doc.lines[index]
        reach = 4 * max(previous.height, first.height)
        if line.page != first.page or line.center_y - previous.center_y > reach:
            break
        if not any(c.isalnum() for w in line.words for c in w.text):
            continue  # a speck or a rule between the lines
        if _is_refill_row(line.words):
            break
        stops = [m for m in doc.labels if m.line == index]
        if any(m.key in rule.stops or m.start == 0 for m in stops):
            break
        words.extend(line.words)
        previous = line
    kept = tuple(w for w in words if any(c.isalnum() for c in w.text) or len(w.text) > 1)
    if not kept:
        return StepResult(None)
    text = " ".join(w.text for w in kept)
    return found_result(spec, Found(text, kept, rule.strength), config, rule.style)


def _refill_token(text: str) -> str | None:
    """A clean entry of the refill row (``0``-``5``, ``PRN``), or ``None`` for anything else."""
    if len(text) <= 2 and not any(c in "()[]{}" for c in text):
        fixed = canonical.fix_digits(text)
        if fixed in REFILL_ROW[:-1]:
            return fixed
    if len(text) <= 5 and canonical.parse_refills(text) == "PRN":
        return "PRN"
    return None


# A number with a bracket beside it: the circle round it as OCR reads it ("(4)", "3)").
_CIRCLED = re.compile(r"^[(\[{]?\s*([0-5OolI])\s*[)\]}]?$")


def _row_tokens(words: Sequence[Word]) -> list[str]:
    """The row's entries, with what OCR ran together pulled apart.

    ``1(2)3`` gives ``1``, ``(2)``, ``3``; ``4.5`` gives ``4``, ``5``; ``2G)4``
    gives ``2``, ``G``, ``4``; ``4=PRN`` gives ``4``, ``PRN``.
    """
    tokens: list[str] = []
    for word in words:
        for text in re.findall(r"\([^()]*\)|[^()\s=]+", word.text):
            text = text.rstrip(".,:;") or text
            if re.fullmatch(r"[0-5](?:[.,]?[0-5])+", text):
                tokens.extend(c for c in text if c.isdigit())
            elif len(text) > 1 and text[0] in "012345" and not text[1].isdigit():
                tokens.extend([text[0], text[1:]])
            else:
                tokens.append(text)
    return tokens


def circled_refill(words: Sequence[Word]) -> str | None:
    """The number circled in a ``0 1 2 3 4 5 PRN`` row, if the word boxes show it.

    A circle drawn round a number makes OCR read brackets round it (``(4)``),
    drop it or garble it. So: the one bracketed number (unless it is also read
    clean elsewhere: then the bracket held another digit); else the one entry
    missing from the row; else the one unreadable token between two clean
    neighbours. A clean full row shows nothing and gives ``None``.
    """
    tokens = _row_tokens(words)
    kinds = [_refill_token(t) for t in tokens]
    clean = {k for k in kinds if k is not None}
    circled = {
        canonical.fix_digits(m.group(1))
        for t in tokens
        if any(c in "()[]{}" for c in t) and (m := _CIRCLED.match(t))
    }
    if len(circled) == 1 and not circled & clean:
        return circled.pop()
    missing = [t for t in REFILL_ROW if t not in clean]
    garbled = [i for i, k in enumerate(kinds) if k is None]
    if len(missing) == 1 and len(garbled) <= 2:
        return missing[0]
    if len(garbled) == 1:
        i = garbled[0]
        left = kinds[i - 1] if i > 0 else None
        right = kinds[i + 1] if i + 1 < len(kinds) else None
        if left is not None and left != "PRN":
            guess = REFILL_ROW[REFILL_ROW.index(left) + 1]
            follows = REFILL_ROW[REFILL_ROW.index(guess) + 1 :][:1]
            if guess in missing and (right is None or (right,) == follows):
                return guess
    return None


def refills_step(
    doc: LabelledLines,
    rules: DocumentRules,
    rule: FieldRule,
    spec: FieldSpec,
    config: PipelineConfig,
) -> StepResult:
    """``Refill: _2_ times`` / ``PRN``, or the circled entry of a pad's refill row.

    A pad's row is recognised by its printed choices even when its label is
    unreadable.
    """
    hits = doc.matches(rule.field)
    strength = rule.strength
    if hits:
        hit = hits[0]
        line = doc.lines[hit.line]
        words = doc.words_after(hit)
        label_words = line.words[hit.start : hit.end]
    else:
        index = refill_row_line(doc)
        if index is None:
            return StepResult(None)
        words = label_words = doc.lines[index].words
        strength *= 0.8
    if _is_refill_row(words):  # a printed row of choices, not a written number
        value = circled_refill(words)
        if value is None:
            return StepResult(None, "refill row without a readable mark")
        text = value
        strength *= 0.75
    else:
        text = " ".join(w.text for w in words)
    kept = tuple(w for w in words if w.text.strip("_ ")) or label_words
    return found_result(spec, Found(text, kept, strength), config)


def _is_refill_row(words: Sequence[Word]) -> bool:
    """Whether words print most of ``0 1 2 3 4 5 PRN`` (a pad's refill choices) and little else."""
    tokens = _row_tokens(words)
    kinds = [_refill_token(t) for t in tokens]
    found = set(kinds) - {None}
    mostly = sum(k is not None for k in kinds) >= 0.6 * len(tokens)
    return mostly and len(found) >= 4 and ("PRN" in found or len(found) >= 5)


def refill_row_line(doc: LabelledLines) -> int | None:
    """The line holding a pad's refill row, found by its printed choices."""
    for index, line in enumerate(doc.lines):
        if _is_refill_row(line.words):
            return index
    return None


STEPS = {
    Method.HEADER: prescriber_step,
    Method.RX_BLOCK: rx_block_step,
    Method.RUNNING_TEXT: running_text_step,
    Method.REFILLS: refills_step,
}


class PrescriptionParser:
    """The :class:`~medreview.parsing.base.FieldParser` of prescriptions."""

    document_type = DocumentType.PRESCRIPTION

    def parse(self, pages: Sequence[OcrPage], config: PipelineConfig) -> ParseOutcome:
        """Every prescription field the pages show."""
        return apply_rules(RULES, pages, config, STEPS)
