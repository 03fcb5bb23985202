"""Labels wrapped over lines: side titles and numbered questions, read whole.

A side-headed form prints each section's title at the left of its first rows
(``Health`` over ``conditions``, ``Primary care`` over ``provider``) and the section's
fields in a wide column right of it; a questionnaire runs a long question on over two or
three lines, its answer codes in a column at the right. OCR reads each line apart, so no
line holds the whole label, and its parts match other labels (``Primary care`` is no
``Primary caregiver``) or none. Here the parts are found by where they stand, joined, and
matched whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from statistics import median
from typing import NamedTuple

from medreview.model import Word
from medreview.parsing.layout import LabelMatch, Line, find_labels, segment_starts
from medreview.parsing.marks import PageMarks

# The fields' column: at least this many lines start within this many line heights of it ...
BODY_ROWS = 3
BODY_ALIGN = 1.5
# ... this many line heights or more right of the page's left margin.
SIDE_WIDTH = 4.0
# A title's part is at most this many words, this many line heights or more left of the row's
# fields (a word's space is less) ...
TITLE_WORDS = 4
TITLE_GAP = 0.8
# ... and the next part starts within this many line heights under it, level at its left.
TITLE_LEADING = 0.8
TITLE_ALIGN = 1.0


class Wrapped(NamedTuple):
    """A label's parts: per line of it, the line's index and its words' span ``[start, end)``."""

    parts: tuple[tuple[int, int, int], ...]


def side_parts(lines: Sequence[Line]) -> dict[int, int]:
    """Per line starting with a part of a title in a left side column, how many words it has.

    The fields' column is where most of a page's lines start, well right of its margin; a
    title's part is the first words of a line starting at the margin, left of that column,
    the rest of the line (if any) resuming in the column.
    """
    parts: dict[int, int] = {}
    for page in sorted({line.page for line in lines}):
        indexes = [i for i, line in enumerate(lines) if line.page == page]
        starts = [(lines[i].words[0].bbox.x0, lines[i].height) for i in indexes]
        body = _body_left(starts)
        margin = min(x for x, _ in starts)
        if body is None or body - margin < SIDE_WIDTH * median(h for _, h in starts):
            continue
        parts |= {i: end for i in indexes if (end := _title_part(lines[i], body, margin))}
    return parts


def side_titles(
    lines: Sequence[Line], parts: Mapping[int, int], marks: Mapping[int, PageMarks]
) -> list[Wrapped]:
    """Titles of two parts or more (:func:`side_parts`), each close under the one before."""
    return _runs(lines, parts, marks)


def _body_left(starts: Sequence[tuple[float, float]]) -> float | None:
    """Where most lines start (each given by its start and its height), if enough do."""
    best, count = None, 0
    for x, height in starts:
        near = sorted(other for other, _ in starts if abs(other - x) <= BODY_ALIGN * height)
        if len(near) > count:
            best, count = near[len(near) // 2], len(near)
    return best if count >= BODY_ROWS else None


def _title_part(line: Line, body: float, margin: float) -> int:
    """How many of a line's first words are a side title's part (0: none)."""
    words, height = line.words, line.height
    if words[0].bbox.x0 > margin + BODY_ALIGN * height:
        return 0
    end = 0
    while end < len(words) and words[end].bbox.x1 < body - height / 2:
        end += 1
    if not 0 < end <= TITLE_WORDS:
        return 0
    if end < len(words):
        resumed = words[end].bbox.x0
        if resumed < body - BODY_ALIGN * height or (
            resumed - words[end - 1].bbox.x1 < TITLE_GAP * height
        ):
            return 0
    return end


def wrapped_questions(lines: Sequence[Line]) -> list[Wrapped]:
    """Numbered questions run on over the next lines, up to the line their question mark ends.

    A question's part of a line is its words before a wide gap (the answer codes stand in a
    column at the right); the next lines carry on when they start level with or a little
    right of the question's first word, close under it, and begin no question of their own.
    """
    found: list[Wrapped] = []
    for index, line in enumerate(lines):
        words = line.words
        if len(words) < 2 or not QUESTION_NUMBER.fullmatch(words[0].text):
            continue
        parts = [(index, 1, _part_end(line, 1))]
        left, height = words[1].bbox.x0, line.height
        above = line
        while not _asked(lines, parts[-1]) and len(parts) < QUESTION_LINES:
            following = parts[-1][0] + 1
            if following >= len(lines):
                break
            below = lines[following]
            first = below.words[0]
            gap = first.bbox.y0 - max(w.bbox.y1 for w in above.words)
            if (
                below.page != line.page
                or QUESTION_NUMBER.fullmatch(first.text)
                or not -height <= first.bbox.x0 - left <= QUESTION_INDENT * height
                or gap > TITLE_LEADING * height
            ):
                break
            parts.append((following, 0, _part_end(below, 0)))
            above = below
        if len(parts) >= 2 and _asked(lines, parts[-1]):
            found.append(Wrapped(tuple(parts)))
    return found


def stacked_labels(lines: Sequence[Line]) -> list[Wrapped]:
    """Labels wrapped inside their cell: a few words over the label's last words.

    A form prints a long label small, over two lines of its cell (``Best number to`` /
    ``reach you:``, ``First & middle`` / ``initial:``), its value in the next cell on the
    lower line. The upper part is a segment of its line of a few words, no colon closing it;
    the lower one starts level with it at its left, set tight under it, and ends at its colon
    (or with its segment). OCR may read the upper part onto another row's line: the parts are
    found by where they stand, not by which line holds them.
    """
    starts = [sorted(segment_starts(line)) for line in lines]
    heads: list[tuple[int, int, int, Word, float, float]] = []  # upper parts
    for index, line in enumerate(lines):
        for start, end in _spans(starts[index], len(line.words)):
            words = line.words[start:end]
            if (
                0 < len(words) <= TITLE_WORDS
                and not words[-1].text.endswith(":")
                and all(any(c.isalpha() for c in w.text) for w in words)
            ):
                height = float(median(w.bbox.height for w in words))
                bottom = float(max(w.bbox.y1 for w in words))
                heads.append((index, start, end, words[0], height, bottom))
    found: list[Wrapped] = []
    for index, start, end, first, height, bottom in heads:
        for other, line in enumerate(lines):
            if other == index or line.page != lines[index].page:
                continue
            for below, below_end in _spans(starts[other], len(line.words)):
                word = line.words[below]
                if abs(word.bbox.x0 - first.bbox.x0) > TITLE_ALIGN * height or not (
                    -height / 2 <= word.bbox.y0 - bottom <= STACK_LEADING * height
                ):
                    continue
                stop = next(
                    (k + 1 for k in range(below, below_end) if line.words[k].text.endswith(":")),
                    below_end,
                )
                if stop - below <= TITLE_WORDS:
                    found.append(Wrapped(((index, start, end), (other, below, stop))))
    return found


# A label's lines in its cell are set tight: the lower starts at most this many of the upper's
# heights under it (OCR's boxes of small type overlap); a form's rows stand further apart.
STACK_LEADING = 0.1


def _spans(starts: Sequence[int], length: int) -> list[tuple[int, int]]:
    """A line's segments as ``[start, end)`` spans, from where each begins."""
    return [(start, end) for start, end in zip(starts, [*starts[1:], length], strict=True)]


# A question's number: "303.", "E6.", "12)", "b)".
QUESTION_NUMBER = re.compile(r"(?:[A-Z]?\d{1,3}[.):]?|[a-hA-H][.)])")
# A question runs on over this many lines at most; its next lines start at most this many
# line heights right of its first word.
QUESTION_LINES = 3
QUESTION_INDENT = 4.0


def _part_end(line: Line, start: int) -> int:
    """Where a line's part of a question ends: at the first wide gap after ``start``."""
    breaks = [i for i in segment_starts(line) if i > start]
    return min(breaks, default=len(line.words))


def _asked(lines: Sequence[Line], part: tuple[int, int, int]) -> bool:
    """Whether a question's part ends with its question mark."""
    index, start, end = part
    return end > start and lines[index].words[end - 1].text.endswith("?")


def _runs(
    lines: Sequence[Line], parts: Mapping[int, int], marks: Mapping[int, PageMarks]
) -> list[Wrapped]:
    """The titles of two parts or more, each part close under the one before, aligned."""
    titles: list[Wrapped] = []
    run: list[tuple[int, int, int]] = []
    for index in sorted(parts):
        end = parts[index]
        if (
            run
            and run[-1][0] == index - 1
            and _continues(
                lines[run[-1][0]], run[-1][2], lines[index], end, marks.get(lines[index].page)
            )
        ):
            run.append((index, 0, end))
            continue
        if len(run) >= 2:
            titles.append(Wrapped(tuple(run)))
        run = [(index, 0, end)]
    if len(run) >= 2:
        titles.append(Wrapped(tuple(run)))
    return titles


def _continues(above: Line, above_end: int, line: Line, end: int, marks: PageMarks | None) -> bool:
    """Whether a line's first words carry on the title part of the line above.

    Close under it, level at its left, and with no drawn line between: a heading's bar over
    a cell's corner label (``EMERGENCY CONTACT`` over ``NAME``) are two things.
    """
    if line.page != above.page:
        return False
    first, last = above.words[:above_end], line.words[:end]
    height = max(above.height, line.height)
    bottom = max(w.bbox.y1 for w in first)
    gap = min(w.bbox.y0 for w in last) - bottom
    if (
        gap > TITLE_LEADING * height
        or abs(first[0].bbox.x0 - last[0].bbox.x0) > TITLE_ALIGN * height
    ):
        return False
    if marks is None:
        return True
    x0 = max(first[0].bbox.x0, last[0].bbox.x0)
    x1 = min(first[-1].bbox.x1, last[-1].bbox.x1)
    middle = (x0 + x1) / 2
    top = min(w.bbox.y0 for w in last)
    return not any(
        r.start <= middle <= r.end and bottom - RULE_SLACK <= r.at(middle) <= top + RULE_SLACK
        for r in marks.rules()[0]
    )


# A drawn line this many pixels into a title's parts still stands between them.
RULE_SLACK = 4


def whole_label(
    lines: Sequence[Line], wrapped: Wrapped, labels: Mapping[str, Sequence[str]]
) -> tuple[Wrapped, LabelMatch] | None:
    """The label the first parts spell together, when it takes all of their words.

    The longest run of parts that does, of two parts or more: a wrapped label may stand
    close over the next row's label (``Relationship to`` / ``patient`` / ``D.O.B.``), and a
    question's label may end before its question does, past its first line ("Has a doctor
    ever told you that you have a / long-term health condition, such as asthma").
    """
    for count in range(len(wrapped.parts), 1, -1):
        parts = wrapped.parts[:count]
        words = tuple(w for index, start, end in parts for w in lines[index].words[start:end])
        joined = Line(words, lines[parts[0][0]].page)
        first = parts[0][2] - parts[0][1]
        found = [
            m
            for m in find_labels([joined], labels)
            if m.start == 0
            and m.score >= WRAPPED_SCORE
            and (m.end == len(words) or (first < m.end and _asks(words, m)))
        ]
        if found:
            # (a question's words past its label, to its question mark, are the label's too)
            return Wrapped(parts), max(found, key=lambda m: (m.end, m.score))
    return None


# A label joined from its lines matches this closely at least: words of the row's next
# label or value between its parts ("... whom  NAME Lucia Clark / should we contact?")
# make a looser match.
WRAPPED_SCORE = 95.0


def _asks(words: Sequence[Word], match: LabelMatch) -> bool:
    """Whether the words run on past a label as its question does, to a question mark."""
    return any(w.text.endswith("?") for w in words[match.end :])
