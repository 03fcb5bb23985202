"""Section titles set in a narrow column at the left, wrapped over two or three lines.

A side-headed form prints each section's title at the left of its first rows
(``Health`` over ``conditions``, ``Primary care`` over ``provider``) and the section's
fields in a wide column right of it. OCR reads each of the title's lines as the start of a
row of fields, so no line holds the whole title, and its parts match other labels
(``Primary care`` is no ``Primary caregiver``). Here the parts are found by where they
stand, joined, and matched whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median
from typing import NamedTuple

from medreview.parsing.layout import LabelMatch, Line, find_labels
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


class SideTitle(NamedTuple):
    """A title's parts: per line of it, the line's index and how many of its first words."""

    parts: tuple[tuple[int, int], ...]


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
) -> list[SideTitle]:
    """Titles of two parts or more (:func:`side_parts`), each close under the one before."""
    titles: list[SideTitle] = []
    for page in sorted({line.page for line in lines}):
        here = {i: end for i, end in parts.items() if lines[i].page == page}
        titles += _runs(lines, here, marks.get(page))
    return titles


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


def _runs(
    lines: Sequence[Line], parts: Mapping[int, int], marks: PageMarks | None
) -> list[SideTitle]:
    """The titles of two parts or more, each part close under the one before, aligned."""
    titles: list[SideTitle] = []
    run: list[tuple[int, int]] = []
    for index in sorted(parts):
        end = parts[index]
        if (
            run
            and run[-1][0] == index - 1
            and _continues(lines[run[-1][0]], run[-1][1], lines[index], end, marks)
        ):
            run.append((index, end))
            continue
        if len(run) >= 2:
            titles.append(SideTitle(tuple(run)))
        run = [(index, end)]
    if len(run) >= 2:
        titles.append(SideTitle(tuple(run)))
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


def whole_title(
    lines: Sequence[Line], title: SideTitle, labels: Mapping[str, Sequence[str]]
) -> tuple[SideTitle, LabelMatch] | None:
    """The label the title's first parts spell together, when it takes all of their words.

    The longest run of parts that does, of two parts or more: a wrapped label may stand
    close over the next row's label (``Relationship to`` / ``patient`` / ``D.O.B.``).
    """
    for count in range(len(title.parts), 1, -1):
        parts = title.parts[:count]
        match = _whole(lines, parts, labels)
        if match is not None:
            return SideTitle(parts), match
    return None


def _whole(
    lines: Sequence[Line], parts: Sequence[tuple[int, int]], labels: Mapping[str, Sequence[str]]
) -> LabelMatch | None:
    """The best label taking all the words of the parts, read as one line."""
    words = tuple(w for index, end in parts for w in lines[index].words[:end])
    joined = Line(words, lines[parts[0][0]].page)
    found = [m for m in find_labels([joined], labels) if m.start == 0 and m.end == len(words)]
    return max(found, key=lambda m: m.score, default=None)
