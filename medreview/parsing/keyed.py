"""Fields keyed by number: rules marked ①, ②, ... and a key under them naming each number.

Some forms print no label at a field at all: each rule carries a small number (often in a
ring) and a key under the rows spells the numbers out, like footnotes ("① Family name
② Given name(s) ③ D.O.B."). OCR reads small ringed digits badly, so the numbers are not
read: the key's entries and the numbered rules above it are paired in reading order, as
both are printed in the same order. A key is believed only when its entries and the rules
count alike; otherwise nothing is paired.

The key is a line (or lines running on) of short entries set apart by wide gaps or number
marks, most of them labels the vocabulary knows; the rules are the drawn lines between the
section's heading (or the key before) and the key, each with a number printed just before its
start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from medreview.model import Word
from medreview.parsing.blanks import BLANK_OVERHANG, drawn_rules, written_on
from medreview.parsing.layout import Line
from medreview.parsing.marks import MARK_REACH, PageMarks, Rule
from medreview.parsing.page import Anchor, Page

# A key's entries stand at least this many line heights apart; a label's words closer.
ENTRY_GAP = 1.2
# A key has at least this many entries, and this share of them are labels the reader knows.
MIN_ENTRIES = 3
KNOWN_SHARE = 0.5
MIN_PER_LINE = 2
# A key's next line follows within this many line heights.
KEY_LEADING = 2.0
# A numbered rule is at least this many line heights long (its number is looked for within
# marks.MARK_REACH line heights before its start, and nothing stands as far again before).
MIN_RULE = 2.5
# Less than this share of the spot before the number is dark (the number stands alone),
# looked for over the rule's own line by this many line heights.
CLEAR_INK = 0.01
ABOVE_RULE = 0.2
# A ring's number as OCR reads it: circled numerals, digits, or both ("⑨", "13", "1④", "⑩0");
# a figure after a circled numeral is the value's own unless the word ends there ("③19.06").
CIRCLED = "\u2460-\u2473\u24ea\u24f5-\u24fe\u2776-\u2793"
NUMBER_MARK = re.compile(rf"^(?:\d{{0,2}}[{CIRCLED}]+(?:\d$)?|\d{{1,2}}$)")

# ... read into a value's first word: the circled numeral only ("⑥1 Maple Lane": house 1).
_VALUE_MARK = re.compile(rf"^\d{{0,2}}[{CIRCLED}]+")
# A ring's number OCR read inside a word, between two entries ("number⑥Home").
_INNER_MARK = re.compile(rf"[{CIRCLED}]")

Span = tuple[int, int, int, int]  # (line, first word, end word, entry in its first word)


def keyed_values(doc: Page) -> dict[Span, tuple[Word, ...]]:
    """Per key entry (its words' span), the words written on its numbered rule (found once)."""
    if doc.keyed is None:
        doc.keyed = {}
        done: set[int] = set()
        for index in range(len(doc.lines)):
            if index in done:
                continue
            key = _key_at(doc, index)
            if not key:
                continue
            lines = sorted({span[0] for span in key})
            doc.keyed.update(_paired(doc, lines[0], key, done))
            done.update(lines)
    return doc.keyed


def _entries(line: Line) -> list[tuple[int, int, int]]:
    """A line's entries, split at wide gaps and number marks.

    Each is (first word, end word, entry in its first word): OCR may read a ring's number
    inside a word, between two entries ("number⑥Home", "⑧Height⑨Wt."), and such a word
    begins one entry more (it stays the end of the one before).
    """
    limit = ENTRY_GAP * line.height
    entries: list[tuple[int, int, int]] = []
    start: tuple[int, int] | None = None
    for index, word in enumerate(line.words):
        mark = NUMBER_MARK.match(word.text)
        gap = index > 0 and word.bbox.x0 - line.words[index - 1].bbox.x1 > limit
        if start is not None and (gap or mark):
            entries.append((*start[:1], index, start[1]))
            start = None
        if mark and mark.end() == len(word.text):
            continue  # the number alone
        if start is None:
            start = (index, 0)
        inner = len(_INNER_MARK.findall(_unmarked(word.text)[1:]))
        for part in range(1, inner + 1):
            entries.append((start[0], index + 1, start[1]))
            start = (index, part)
    if start is not None:
        entries.append((start[0], len(line.words), start[1]))
    return entries


def _figures(text: str) -> bool:
    """Whether a word holds figures other than a ring's number (a date's, a phone's)."""
    return any(c.isdigit() for c in _INNER_MARK.sub("", _unmarked(text)))


def _unmarked(text: str) -> str:
    """A word's text without the ringed number OCR read into its front."""
    mark = NUMBER_MARK.match(text)
    return text[mark.end() :] if mark else text


def _known(doc: Page, line: int, entry: tuple[int, int, int]) -> bool:
    """Whether an entry is a label the reader found (one anchor's words, a word either way)."""
    first, end, part = entry
    return part == 0 and any(
        a.match.start <= first + 1
        and a.match.end >= end - 1
        and a.match.end - a.match.start >= end - first - 1
        for a in doc.anchors_on(line)
    )


def _key_line(doc: Page, index: int, *, first: bool = True) -> tuple[list[Span], int] | None:
    """A line's entries when it may be (part of) a key, and how many are known labels.

    A key's first line holds several entries, one of them known at least; the line it runs
    on to may hold one.
    """
    line = doc.lines[index]
    entries = _entries(line)
    if len(entries) < (MIN_PER_LINE if first else 1) or any(
        w.text.endswith("?") for w in line.words
    ):
        return None  # a title alone, or a question and its answers
    if any(_figures(w.text) for a, b, _ in entries for w in line.words[a:b]):
        return None  # a value among them (a date, a phone): no key
    known = sum(_known(doc, index, e) for e in entries)
    if first and not known:
        return None
    return [(index, *e) for e in entries], known


def _key_at(doc: Page, index: int) -> list[Span]:
    """The key beginning at a line (running on over the next lines), or nothing.

    Most of its entries are labels the reader knows (OCR may damage a few).
    """
    found = _key_line(doc, index)
    if found is None:
        return []
    spans, known = found
    line = doc.lines[index]
    following = index + 1
    while following < len(doc.lines):
        after = doc.lines[following]
        if after.page != line.page:
            break
        if after.words[0].bbox.y0 - doc.lines[following - 1].bbox.y1 > KEY_LEADING * line.height:
            break
        more = _key_line(doc, following, first=False)
        if more is None:
            break
        spans.extend(more[0])
        known += more[1]
        following += 1
    if len(spans) < MIN_ENTRIES or known < KNOWN_SHARE * len(spans):
        return []
    return spans


def _top_of_band(doc: Page, key_line: int, keys: set[int]) -> float:
    """Where the rows the key names begin: under the heading or the key over them."""
    page = doc.lines[key_line].page
    headings = {line for line, _ in doc.sections}
    for index in range(key_line - 1, -1, -1):
        line = doc.lines[index]
        if line.page != page:
            return 0.0
        if index in headings or index in keys or doc.ruled_heading(index):
            return line.bbox.y1
    return 0.0


def _numbered_rules(marks: PageMarks, top: float, bottom: float, height: float) -> list[Rule]:
    """The rules between two levels with a number printed just before each, in reading order."""
    found = []
    for rule in drawn_rules(marks):
        level = rule.at(rule.start)
        if not top < level < bottom or rule.end - rule.start < MIN_RULE * height:
            continue
        if _numbered(marks, rule.start, level, height):
            found.append(rule)
    unique: list[Rule] = []
    for rule in found:  # (a rule is found both as a drawn and as a pale line)
        if not any(
            abs(rule.start - other.start) < height / 2
            and abs(rule.at(rule.start) - other.at(other.start)) < height / 2
            for other in unique
        ):
            unique.append(rule)
    rows: list[list[Rule]] = []
    for rule in sorted(unique, key=lambda r: r.at(r.start)):
        if rows and abs(rule.at(rule.start) - rows[-1][0].at(rows[-1][0].start)) < height:
            rows[-1].append(rule)
        else:
            rows.append([rule])
    return [rule for row in rows for rule in sorted(row, key=lambda r: r.start)]


def _numbered(marks: PageMarks, start: float, level: float, height: float) -> bool:
    """Whether a number stands alone just before a rule's start: a small ring, nothing before it.

    (A rule under a caption's neighbour, or a table's line, has words running up to it.)
    """
    top, bottom = level - height, level - ABOVE_RULE * height
    before = marks.ink(start - 2 * MARK_REACH * height, top, start - MARK_REACH * height, bottom)
    return before < CLEAR_INK and marks.mark_before(start, level, height)


def _paired(
    doc: Page, key_line: int, key: Sequence[Span], keys: set[int]
) -> dict[Span, tuple[Word, ...]]:
    """The key's entries paired with the numbered rules over it, when they count alike."""
    line = doc.lines[key_line]
    marks = doc.marks.get(line.page)
    if marks is None:
        return {}
    height = line.height
    top = _top_of_band(doc, key_line, keys)
    bottom = line.bbox.y0
    rules = _numbered_rules(marks, top, bottom, height)
    if len(rules) != len(key):
        return {}
    written: dict[int, list[Word]] = {k: [] for k in range(len(rules))}
    for other in doc.lines:
        if other.page != line.page or not top < other.bbox.center_y < bottom:
            continue
        for word in other.words:
            number = _rule_under(rules, word, other.height)
            if number is not None:
                written[number].append(_without_number(word, rules[number].start))
    slack = BLANK_OVERHANG * height
    # (the number itself, read as a word of its own, ends before the rule's start)
    return {
        span: tuple(
            w for w in written[number] if w.bbox.x1 > rules[number].start + slack and w.text
        )
        for number, span in enumerate(key)
    }


def _rule_under(rules: Sequence[Rule], word: Word, height: float) -> int | None:
    """The index of the rule a word is written on, if any."""
    return next(
        (number for number, rule in enumerate(rules) if written_on(rule, word.bbox, height)), None
    )


def _without_number(word: Word, start: float) -> Word:
    """A word with the rule's ringed number OCR read into its front taken off ("⑨Meadow").

    A number in plain digits is the value's own ("98 Maple Court"), unless the word begins
    before the rule does, at the ring, and its letters follow the digits ("10Noah").
    """
    mark = _VALUE_MARK.match(word.text)
    if mark is None and word.bbox.x0 < start:
        mark = _RING_DIGITS.match(word.text)
    return word if mark is None else replace(word, text=word.text[mark.end() :])


# A ring's number in plain digits glued to the value's first word ("10Noah").
_RING_DIGITS = re.compile(r"^\d{1,2}(?=[A-Za-z])")


def keyed_value(doc: Page, anchor: Anchor) -> tuple[Word, ...] | None:
    """The words on the rule a key's entry names (``None`` when the label is in no key)."""
    match = anchor.match
    for (line, first, end, _), words in keyed_values(doc).items():
        if line == match.line and first <= match.start < end:
            return words  # (the first entry holding the label's first word)
    return None
