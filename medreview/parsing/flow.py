"""Columns a form's sections flow down, found from the white gutters beside their headings.

A form set in two or three columns with no drawn line between them (a section bar heading
each column, the sections running down the first column and on at the top of the next) reads
as one line across the page: ``Roberts Grace Naomi Perez Roommate WC claim #`` joins the
patient's name, the emergency contact's and the claim number. A section heading that begins
mid-page, with a gutter of white running up and down beside it that no word crosses, starts a
column; the columns are read apart, as a panel fenced by a drawn edge is
(:func:`medreview.parsing.page.build_page`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from medreview.model import OcrPage
from medreview.parsing.layout import Line, find_labels, page_lines, segment_starts
from medreview.parsing.marks import PageMarks, Rule

# A column's heading begins past this share of the page's width (the first column's are left).
FLOW_MARGIN = 0.2
# The white between two columns' words is at least this many line heights wide.
GUTTER_GAP = 1.0
# A word from the left may reach this many line heights past the gutter's line (a photo's
# slant) before it crosses it.
GUTTER_SLACK = 0.5
# A column's first word this many line heights from the gutter's line moves the line towards
# it, by at most this many line heights a line.
GUTTER_TRACK = 1.5
TRACK_STEP = 0.25
# A drawn line ends the columns when it runs this many line heights past the gutter both ways.
RULE_REACH = 3.0
# Columns run down at least this share of the page, with this many lines on each side.
FLOW_HEIGHT = 0.2
FLOW_ROWS = 5
# A column holds this many section headings or more.
FLOW_HEADINGS = 2
# A column no heading opens runs as far up and down the page as the others, within this share
# of the page's height.
FLOW_AGREE = 0.05


@dataclass(frozen=True, slots=True)
class _Gutter:
    """The white a column's heading stands right of, from its first line to its last."""

    top: float
    bottom: float
    points: tuple[tuple[float, float], ...]  # (y, x) where the column's words begin


def flow_edges(
    page: OcrPage, headings: Mapping[str, Sequence[str]], marks: PageMarks | None
) -> list[Rule]:
    """The gutters between a page's columns of sections, as upright lines, left to right.

    ``headings`` is the vocabulary's section headings (``heading -> variants``). None when
    the page is no such form: a table's columns have one heading each, over them, and a
    label and its value sit on one line across the page, the gutter between crossed by the
    rows that span it.
    """
    lines = page_lines([page])
    across = marks.rules()[0] if marks is not None else []
    heads: list[tuple[float, float, float, int]] = []  # (x, y, line height, line) of each
    for match in find_labels(lines, headings):
        line = lines[match.line]
        head = line.words[match.start].bbox
        if match.start not in segment_starts(line):
            continue
        if match.end < len(line.words) and match.end not in segment_starts(line):
            continue  # words after it in its segment: a label's, no column's heading
        heads.append((head.x0, head.center_y, line.height, match.line))
    found: list[tuple[_Gutter, int]] = []  # each gutter, with the headings on its edge
    for x, y, height, index in heads:
        if x < FLOW_MARGIN * page.width or any(_near(g, x, y, height) for g, _ in found):
            continue  # the first column's, or a later heading of a column already found
        gutter = _gutter(lines, index, x, across)
        if (
            gutter is not None
            and gutter.bottom - gutter.top >= FLOW_HEIGHT * page.height
            and len(gutter.points) >= FLOW_ROWS
        ):
            found.append((gutter, sum(_near(gutter, *head[:3]) for head in heads)))
    # sections flow down a column: two headings or more begin on its edge; once one column
    # shows it, a column of one section on the page is another
    if not any(count >= FLOW_HEADINGS for _, count in found):
        return []
    gutters = [gutter for gutter, _ in found]
    gutters.extend(_unheaded(lines, gutters, page, across))
    # the columns run side by side where every gutter does
    top, bottom = max(g.top for g in gutters), min(g.bottom for g in gutters)
    if bottom - top < FLOW_HEIGHT * page.height:
        gutters = [max(gutters, key=lambda g: g.bottom - g.top)]
        top, bottom = gutters[0].top, gutters[0].bottom
    return sorted((_as_rule(g, top, bottom) for g in gutters), key=lambda r: r.level)


def _unheaded(
    lines: Sequence[Line], gutters: Sequence[_Gutter], page: OcrPage, across: Sequence[Rule]
) -> list[_Gutter]:
    """The gutters before columns no heading opens (a section run on from the column before).

    Looked for where many lines' segments begin level, on a page whose columns are known, and
    taken when they run as far up and down the page as those.
    """
    top, bottom = max(g.top for g in gutters), min(g.bottom for g in gutters)
    slack = FLOW_AGREE * page.height
    starts = sorted(
        (line.words[i].bbox.x0, index, line.height)
        for index, line in enumerate(lines)
        if top <= line.bbox.center_y <= bottom
        for i in segment_starts(line)
        if i > 0
    )
    found: list[_Gutter] = []
    while starts:
        x, index, height = starts[0]
        level = [s for s in starts if s[0] - x <= height]
        starts = starts[len(level) :]
        if len(level) < FLOW_ROWS or x < FLOW_MARGIN * page.width:
            continue
        if any(_near(g, x, lines[index].bbox.center_y, height) for g in (*gutters, *found)):
            continue
        gutter = _gutter(lines, index, x, across)
        if (
            gutter is not None
            and len(gutter.points) >= FLOW_ROWS
            and gutter.top <= top + slack
            and gutter.bottom >= bottom - slack
        ):
            found.append(gutter)
    return found


def _near(gutter: _Gutter, x: float, y: float, height: float) -> bool:
    """Whether a point stands on a gutter's line, within its run."""
    if not gutter.top <= y <= gutter.bottom:
        return False
    nearest = min(gutter.points, key=lambda p: abs(p[0] - y))
    return abs(nearest[1] - x) <= GUTTER_TRACK * height


def _gutter(lines: Sequence[Line], at: int, x: float, across: Sequence[Rule]) -> _Gutter | None:
    """The gutter left of a heading, followed up and down the page until a line crosses it.

    A drawn line across the gutter (a section's rule across the page) ends it too.
    """
    page = lines[at].page
    points: list[tuple[float, float]] = []
    rows = {"left": 0, "right": 0}
    reach: list[Line] = []
    for step in (-1, 1):
        edge = x
        index = at if step == 1 else at - 1
        while 0 <= index < len(lines) and lines[index].page == page:
            line = lines[index]
            split = _split(line, edge)
            if split is None:
                break
            if index != at:
                upper, lower = (lines[index - 1], line) if step == 1 else (line, lines[index + 1])
                if _ruled_between(upper, lower, edge, across):
                    break
            left, right = split
            rows["left"] += left
            rows["right"] += right is not None
            height = line.height
            if right is not None and abs(right - edge) <= GUTTER_TRACK * height:
                # (followed slowly: a photo's slant, not a column's indented items)
                edge += max(-TRACK_STEP * height, min(TRACK_STEP * height, right - edge))
                points.append((line.bbox.center_y, right))
            reach.append(line)
            index += step
    if min(rows.values()) < FLOW_ROWS or not points:
        return None
    return _Gutter(
        min(ln.bbox.y0 for ln in reach),
        max(ln.bbox.y1 for ln in reach),
        tuple(sorted(points)),
    )


def _ruled_between(upper: Line, lower: Line, x: float, across: Sequence[Rule]) -> bool:
    """Whether a drawn line runs across the gutter between two lines (a section's rule)."""
    height = max(upper.height, lower.height)
    return any(
        rule.start < x - RULE_REACH * height
        and rule.end > x + RULE_REACH * height
        and upper.bbox.center_y < rule.at(x) < lower.bbox.center_y
        for rule in across
    )


def _split(line: Line, x: float) -> tuple[bool, float | None] | None:
    """Whether a line has words left of a gutter's line, and where its words right of it begin.

    A word beginning a little left of the line (a check box before its item) is the column's.
    None when a word crosses the line, or the two sides stand closer than a gutter's width.
    """
    height = line.height
    near = x - GUTTER_TRACK * height
    end = max((w.bbox.x1 for w in line.words if w.bbox.x0 < near), default=None)
    start = min((w.bbox.x0 for w in line.words if w.bbox.x0 >= near), default=None)
    if end is not None and end > x + GUTTER_SLACK * height:
        return None
    if end is not None and start is not None and start - end < GUTTER_GAP * height:
        return None
    return end is not None, start


def _as_rule(gutter: _Gutter, top: float, bottom: float) -> Rule:
    """A gutter as the upright line its column's words begin on, slanted as they are.

    The line is fitted to where the column's lines begin and set a pixel left of them all.
    """
    ys = [y for y, _ in gutter.points]
    xs = [x for _, x in gutter.points]
    y_mean, x_mean = sum(ys) / len(ys), sum(xs) / len(xs)
    spread = sum((y - y_mean) ** 2 for y in ys)
    slope = sum((y - y_mean) * (x - x_mean) for y, x in gutter.points) / spread if spread else 0.0
    middle = (top + bottom) / 2
    # (shifted left of every line's first word: an indented item's slant is no column's)
    level = min(x - slope * (y - middle) for y, x in gutter.points) - 1.0
    return Rule(level, int(top), int(bottom), slope)
