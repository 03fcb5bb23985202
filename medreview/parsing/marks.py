"""What the page image shows beyond the words: ruled cells, ticked boxes, circled choices.

Works on the gray upright page (uint8, the pixel space of the word boxes).
Ink is counted with an integral image, so each question about a region costs
four look-ups; drawn lines come from a morphological opening with long thin
kernels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from medreview.model import BBox

# A drawn line is at least this share of the page's width (horizontal) or height (vertical).
MIN_RULE_SHARE = 0.04
# Drawn lines are looked for on the page shrunk by this factor.
RULE_SHRINK = 3
# Fainter drawn lines are looked for among pixels at least this dark (or the page's ink
# limit), and must run at least this share of the page.
RULE_LIGHTEST = 200.0
FAINT_RULE_SHARE = 0.12
# A mark decides a choice when its ink beats the runner-up's by this factor ...
MARK_RATIO = 1.6
# ... and covers at least this share of the region it is looked for in.
MARK_MIN_INK = 0.02
# A check box with this much ink inside it is ticked.
TICKED_INK = 0.06
# Rows (of the shrunk page) merged when looking for drawn lines, so a tilted line holds.
RULE_SLANT = 3
# Ink before or after a word (its middle half) below this share: no ring is drawn round it,
# and the ink its ring region holds counts this much (a bubble or a box beside the word).
RING_ARC = 0.008
UNRINGED = 0.1
# A ring drawn wide round a word ends this many of its heights past it at most.
RING_REACH = 1.5
# A box is drawn about as tall as its row's letters, or smaller than the whole line OCR gives
# a word (its ascenders, descenders and brackets): the sizes it is looked for at, in turn.
BOX_SCALES = (1.0, 0.7)
# A ringed number before a rule: looked for this many of its size before the rule's start; its
# ring at least this share of the size across, and as wide as tall within this share.
MARK_REACH = 1.6
MARK_SMALLEST = 0.35
MARK_ROUND = 0.3
MARK_SPECK = 0.15
# A printed bubble: as wide as tall within these ratios, its size within these shares of the
# text's height.
BUBBLE_ASPECT = (0.6, 1.8)
BUBBLE_SIZE = (0.5, 1.6)
# A printed bubble in a row of them: as wide as tall, at most this many text heights, and
# either this solid (filled in) or clear in its middle (this much ink at most: a ring).
ROUND_BUBBLE = (0.8, 1.25)
BUBBLE_ROW_SIZE = 1.2
FILLED_BUBBLE = 0.6
RING_MIDDLE = 0.1
# Pixels kept clear of a drawn line when looking for a mark beside it.
RULE_CLEARANCE = 5
# The steepest slant a strike through a word is looked for at (rise over run).
STRIKE_SLOPE = 0.08
# Where a pen line under a word runs, in the word's heights over and under its box's bottom.
UNDERLINE_BAND = (0.15, 0.5)
# A panel's edge runs down at least this share of the page, and stands at least this share of
# its width in from either side.
PANEL_EDGE = 0.5
PANEL_MARGIN = 0.1
# A sidebar set apart by its tint alone: a band this share of the page's width wide, within
# this share of it from the page's side, found by opening the tint with a window this share of
# the page; its inner edge steps from tint to paper within this many shrunk pixels on this
# share of its rows.
SIDEBAR_WIDTH = (0.08, 0.4)
SIDEBAR_MARGIN = 0.15
SIDEBAR_OPEN = 0.04
SIDEBAR_STEP = 3
SIDEBAR_SHARP = 0.7
# A panel's edge may be paler than any other drawn line (a light gray rule between a form's
# two columns): pixels this dark count, in a line no wider than this many shrunk pixels.
PANEL_LIGHTEST = 232.0
PANEL_EDGE_WIDTH = 8
# A page with more pale upright pieces than this is grainy: none of them is a drawn line.
GRAINY_UPRIGHTS = 60
# An arrow's shaft meets its head within the head's middle, this share of its height in from
# its top and its bottom.
ARROW_MIDDLE = 0.2
# A box needs this many paper pixels for its paper's lightness to be measured.
PAPER_PIXELS = 20
# The paper a highlighter's tint is measured against: this far round the word, in the word's
# heights (past the stroke's edge, short of the next line and the next word).
TINT_BAND = (0.45, 0.9)


@dataclass(frozen=True, slots=True)
class Cell:
    """A rectangle closed by drawn lines on all four sides.

    ``y0`` and ``y1`` are where its top and bottom lines pass ``origin``; on a tilted page
    they climb or fall by ``slope`` per pixel across it.
    """

    x0: int
    y0: int
    x1: int
    y1: int
    slope: float = 0.0
    origin: float = 0.0

    def _level(self, box: BBox) -> float:
        """How far the cell's lines have moved at a box's middle (0 on a straight page)."""
        return self.slope * ((box.x0 + box.x1) / 2 - self.origin)

    def holds(self, box: BBox) -> bool:
        """Whether a box's centre lies inside the cell."""
        cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 - self._level(box)
        return self.x0 <= cx <= self.x1 and self.y0 <= cy <= self.y1

    def holds_written(self, box: BBox) -> bool:
        """Whether a word is written in the cell: its centre, or a good part over its bottom.

        Handwriting runs over the line it is written on.
        """
        if self.holds(box):
            return True
        cx, shift = (box.x0 + box.x1) / 2, self._level(box)
        y0, y1 = box.y0 - shift, box.y1 - shift
        overlap = min(y1, self.y1) - max(y0, self.y0)
        return self.x0 <= cx <= self.x1 and y0 > self.y0 and overlap >= 0.4 * box.height


@dataclass(frozen=True, slots=True)
class Rule:
    """A drawn line: horizontal at ``level`` from ``start`` to ``end``, or vertical likewise.

    ``slope`` is how far the line drifts per pixel along it (a page photographed or
    scanned askew), so ``at(t)`` is its level at position ``t`` along it.
    """

    level: float
    start: int
    end: int
    slope: float = 0.0

    def at(self, t: float) -> float:
        """The line's level (y of a horizontal line, x of a vertical one) at ``t`` along it."""
        return self.level + self.slope * (t - (self.start + self.end) / 2)


@dataclass(slots=True)
class PageMarks:
    """One page image, asked about ink in regions and the cells its lines draw."""

    gray: npt.NDArray[np.uint8]
    _ink: npt.NDArray[np.int32] | None = field(default=None, init=False)
    _rules: tuple[list[Rule], list[Rule]] | None = field(default=None, init=False)
    _small: npt.NDArray[np.uint8] | None = field(default=None, init=False)
    _strips: list[Rule] | None = field(default=None, init=False)
    _tint: tuple[npt.NDArray[np.uint8], npt.NDArray[np.bool_], npt.NDArray[np.bool_]] | None = (
        field(default=None, init=False)
    )
    _blanks: list[Rule] | None = field(default=None, init=False)
    _dividers: list[Rule] | None = field(default=None, init=False)
    _limit: float | None = field(default=None, init=False)
    _gray: npt.NDArray[np.uint8] | None = field(default=None, init=False)
    _flat: npt.NDArray[np.uint8] | None = field(default=None, init=False)

    def _plain(self) -> npt.NDArray[np.uint8]:
        """The page in gray with its lighting made even (a photo's shadow is no ink)."""
        if self._flat is None:
            gray = self.gray
            if gray.ndim != 2:
                gray = np.asarray(cv2.cvtColor(gray, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
            self._flat = _flattened(gray)
        return self._flat

    def _ink_limit(self) -> float:
        """The gray level under which a pixel is ink (found once, from the page)."""
        if self._limit is None:
            threshold, _ = cv2.threshold(self._plain(), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
            self._limit = min(max(float(threshold), 96.0), 170.0)  # a clean two-tone page gives 0
        return self._limit

    def _scanned(self) -> npt.NDArray[np.uint8]:
        """The page in gray as scanned, its lighting as it was."""
        if self.gray.ndim == 2:
            return self.gray
        if self._gray is None:
            self._gray = np.asarray(cv2.cvtColor(self.gray, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
        return self._gray

    def _binary(self, gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
        return np.asarray(gray < self._ink_limit(), dtype=np.uint8)

    def ink(self, x0: float, y0: float, x1: float, y1: float) -> float:
        """The share of dark pixels in a rectangle (0 when it is empty or off the page)."""
        if self._ink is None:
            integral = cv2.integral(self._binary(self._plain()))
            self._ink = np.asarray(integral, dtype=np.int32)
        height, width = self._ink.shape[0] - 1, self._ink.shape[1] - 1
        a, b = max(0, int(x0)), max(0, int(y0))
        c, d = min(width, int(x1)), min(height, int(y1))
        if c <= a or d <= b:
            return 0.0
        table = self._ink
        total = int(table[d, c]) - int(table[b, c]) - int(table[d, a]) + int(table[b, a])
        return total / float((c - a) * (d - b))

    def rules(self) -> tuple[list[Rule], list[Rule]]:
        """Drawn lines, horizontal and vertical, each with its slope.

        Lines as dark as the text are found at a twenty-fifth of the page; a
        fainter line (thin, blurred, gray) only when it runs much longer, which
        text never does.
        """
        if self._rules is None:
            # lines survive a darkest-pixel shrink, which makes the search RULE_SHRINK² faster
            step = RULE_SHRINK
            shrunk = self._shrunk()
            dark = self._binary(np.asarray(shrunk, dtype=np.uint8))
            faint = np.asarray(shrunk < max(self._limit or 0.0, RULE_LIGHTEST), dtype=np.uint8)
            found: tuple[list[Rule], list[Rule]] = ([], [])
            for binary, share in ((dark, MIN_RULE_SHARE), (faint, FAINT_RULE_SHARE)):
                height, width = binary.shape
                across = max(8, int(width * share))
                down = max(8, int(height * share / 1.3))
                # a line on a tilted page steps from row to row: neighbouring rows merged
                # first, it stays one run along its length
                lying = cv2.dilate(binary, np.ones((RULE_SLANT, 1), np.uint8))
                standing = cv2.dilate(binary, np.ones((1, RULE_SLANT), np.uint8))
                horizontal = cv2.morphologyEx(
                    lying, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (across, 1))
                )
                vertical = cv2.morphologyEx(
                    standing, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, down))
                )
                found[0].extend(_segments(np.asarray(horizontal, dtype=np.uint8), True))
                found[1].extend(_segments(np.asarray(vertical, dtype=np.uint8), False))
            self._rules = (_scaled(found[0], step), _scaled(found[1], step))
        return self._rules

    def panel_edges(self) -> list[Rule]:
        """Upright lines that fence a panel off the page (a sidebar's edge), left to right.

        A line down most of the page that no lying line crosses: a sidebar of the practice's
        doctors and offices beside the form's body, a form's second column of items, a box's
        column for the pharmacy's use. A table's column lines are crossed by its rows' lines,
        and a frame round the page stands at its margins.
        """
        height, width = self.gray.shape[:2]
        horizontal, vertical = self.rules()
        edges: list[Rule] = []
        for rule in [*vertical, *self._pale_uprights(), *self.tinted_sides()]:
            x = rule.at((rule.start + rule.end) / 2)
            if rule.end - rule.start < PANEL_EDGE * height:
                continue
            if not PANEL_MARGIN * width < x < (1 - PANEL_MARGIN) * width:
                continue
            slack = RULE_CLEARANCE * RULE_SHRINK
            crossed = any(
                h.start < rule.at(h.at(x)) - slack
                and h.end > rule.at(h.at(x)) + slack
                and rule.start + slack < h.at(x) < rule.end - slack  # a join at its end is none
                for h in horizontal
            )
            if not crossed and all(abs(e.level - rule.level) > slack for e in edges):
                edges.append(rule)
        return sorted(edges, key=lambda r: r.level)

    def ends_an_arrow(self, box: BBox) -> bool:
        """Whether a small word is an arrow's head: a lying line runs into it at mid-height.

        A form may point from a label to its value with a printed arrow (``name ───▶ Helen``);
        OCR reads the solid head as a mark or a letter (``▶``, ``V``, ``1``). The arrow's shaft
        comes from the left, through the word's middle, and stops in it.
        """
        height = box.y1 - box.y0
        middle = (box.y0 + ARROW_MIDDLE * height, box.y1 - ARROW_MIDDLE * height)
        return any(
            rule.start < box.x0 - height
            and box.x0 < rule.end <= box.x1 + height / 2
            and middle[0] <= rule.at(box.x0) <= middle[1]
            for rule in self.rules()[0]
        )

    def column_dividers(self) -> list[Rule]:
        """Short upright lines standing free between two columns of lines, top to bottom.

        A form may divide one part into two columns with a short rule ("1 2 3 | 4 5 6"), the
        text flowing down the left column first. Such a rule touches no lying line: a box's
        side meets its top and bottom, a table's column line its rows. Longer lines are
        :meth:`panel_edges`' to judge.
        """
        if self._dividers is None:
            height = self.gray.shape[0]
            horizontal = [*self.rules()[0], *self.pale_rules()]
            slack = RULE_CLEARANCE * RULE_SHRINK
            found: list[Rule] = []
            # (pale lines too, but not on a grainy page, whose specks line up into hundreds of
            # upright pieces)
            pale = self._pale_uprights()
            uprights = [*self.rules()[1], *(pale if len(pale) <= GRAINY_UPRIGHTS else ())]
            for rule in sorted(uprights, key=lambda r: r.start):
                if rule.end - rule.start >= PANEL_EDGE * height:
                    continue
                touched = any(
                    h.start - slack <= rule.at(h.at(rule.level)) <= h.end + slack
                    and rule.start - slack <= h.at(rule.level) <= rule.end + slack
                    for h in horizontal
                )
                twin = any(
                    abs(f.level - rule.level) <= slack and f.start < rule.end and rule.start < f.end
                    for f in found
                )  # (one line found twice)
                if not touched and not twin:
                    found.append(rule)
            self._dividers = found
        return self._dividers

    def _shrunk(self) -> npt.NDArray[np.uint8]:
        """The even-lit page shrunk by its darkest pixels, where drawn lines are looked for."""
        if self._small is None:
            step = RULE_SHRINK
            eroded = cv2.erode(self._plain(), np.ones((step, step), np.uint8))
            self._small = np.asarray(eroded[::step, ::step], dtype=np.uint8)
        return self._small

    def pale_rules(self) -> list[Rule]:
        """Short lying lines however pale: the blanks a form prints for values in its sentences.

        :meth:`rules` takes a pale line only when it runs long; a blank for an age or a height
        is short and drawn in light gray. A tinted band's body is left out.
        """
        if self._blanks is None:
            shrunk = self._shrunk()
            paper = float(np.median(shrunk))
            # lighter than ink (a dark line is one of :meth:`rules`; a printed word's baseline
            # would join into a line here), darker than the paper
            limit = self._ink_limit()
            pale = np.asarray((shrunk < paper - BLANK_CONTRAST) & (shrunk >= limit), np.uint8)
            lying = cv2.dilate(pale, np.ones((RULE_SLANT, 1), np.uint8))
            across = max(8, int(pale.shape[1] * MIN_RULE_SHARE))
            kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (across, 1))
            lines = np.asarray(cv2.morphologyEx(lying, cv2.MORPH_OPEN, kernel), dtype=np.uint8)
            thick = cv2.morphologyEx(
                lines, cv2.MORPH_OPEN, np.ones((PANEL_EDGE_WIDTH + RULE_SLANT, 1), np.uint8)
            )
            lines[thick > 0] = 0  # a tinted band's body, not a line
            self._blanks = _scaled(_segments(lines, True), RULE_SHRINK)
        return self._blanks

    def strips(self) -> list[Rule]:
        """Pale shaded strips a form prints for values to be written in, as their bottom edges.

        A strip is tinted paper, lighter than ink and darker than the page, wide and tall
        enough for a line of writing. Tint right beside ink is the antialiased edge of a
        printed letter, not a strip's; the writing in a strip counts as part of it. A
        section's tinted band is found too: it begins before its words, as no blank does.
        """
        if self._strips is None:
            step = RULE_SHRINK
            count, _, stats, shares = self._tinted_regions(STRIP_HEIGHT, STRIP_WIDTH)
            found = []
            for index in range(1, count):
                x, y, w, h = (int(v) for v in stats[index, :4])
                area = int(stats[index, cv2.CC_STAT_AREA])
                if w >= STRIP_ASPECT * h and shares[index] >= STRIP_SHARE * area:
                    found.append(Rule(float((y + h) * step), x * step, (x + w) * step))
            self._strips = found
        return self._strips

    def _tinted(
        self,
    ) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """The even-lit page shrunk by averaging, where its paper is tinted, and where ink is.

        Tint is paper darker than the page's and lighter than ink; tint right beside ink is
        the antialiased edge of a printed letter, not tinted paper. Found once per page.
        """
        if self._tint is None:
            step = RULE_SHRINK
            plain = self._plain()
            small = np.asarray(
                cv2.resize(
                    plain,
                    (max(1, plain.shape[1] // step), max(1, plain.shape[0] // step)),
                    interpolation=cv2.INTER_AREA,
                ),
                dtype=np.uint8,
            )
            paper = float(np.median(small))
            ink = small < self._ink_limit()
            near_ink = cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
            tinted = (small < paper - STRIP_TINT) & ~near_ink
            self._tint = (small, tinted, near_ink)
        return self._tint

    def _tinted_regions(
        self, tall: int, wide: int
    ) -> tuple[int, npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.intp]]:
        """The shrunk page's tinted regions at least ``tall`` by ``wide`` pixels.

        The writing in a region is part of it (a printed word on white paper has no tint).
        Returns their count, labels and stats as OpenCV gives them, and how many tinted pixels
        each holds.
        """
        _, tinted, near_ink = self._tinted()
        kernel = np.ones((tall, wide), np.uint8)
        mask = np.asarray(
            cv2.morphologyEx(np.asarray(tinted | near_ink, np.uint8), cv2.MORPH_OPEN, kernel),
            dtype=np.uint8,
        )
        count, found, measures, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
        labels = np.asarray(found, dtype=np.int32)
        stats = np.asarray(measures, dtype=np.int32)
        return count, labels, stats, np.bincount(labels[tinted], minlength=count)

    def tinted_sides(self) -> list[Rule]:
        """The inner edges of shaded bands down a page's side (an "office use" sidebar).

        A sidebar may be set apart by its tint alone, with no line drawn: paper darker than
        the page's, its writing inside it, running down most of the page at its left or right
        edge. Its inner edge is a step from tint to paper (a photo's shadow fades instead).
        """
        step = RULE_SHRINK
        small = self._tinted()[0].astype(np.float32)
        height, width = small.shape[:2]
        count, labels, stats, shares = self._tinted_regions(
            max(3, int(SIDEBAR_OPEN * height)), max(3, int(SIDEBAR_OPEN * width))
        )
        found: list[Rule] = []
        for index in range(1, count):
            x, y, w, h = (int(v) for v in stats[index, :4])
            if (
                h < PANEL_EDGE * height
                or not SIDEBAR_WIDTH[0] * width <= w <= SIDEBAR_WIDTH[1] * width
            ):
                continue
            if shares[index] < STRIP_SHARE * int(stats[index, cv2.CC_STAT_AREA]):
                continue
            left = x + w / 2 < width / 2
            if (x if left else width - x - w) > SIDEBAR_MARGIN * width:
                continue  # a band at the page's side, not a table's shaded column
            rows = np.arange(y + h // 10, y + h - h // 10, max(1, h // 40))
            edges = []
            for row in rows:
                inside = np.flatnonzero(labels[row] == index)
                if inside.size:
                    edges.append((row, int(inside.max() if left else inside.min())))
            if len(edges) < 4:
                continue
            outward = SIDEBAR_STEP if left else -SIDEBAR_STEP
            steps = [
                small[row, col + outward] - small[row, col - outward]
                for row, col in edges
                if col - SIDEBAR_STEP >= 0 and col + SIDEBAR_STEP < width
            ]
            if sum(rise >= STRIP_TINT for rise in steps) < SIDEBAR_SHARP * len(edges):
                continue  # a shadow's fading edge
            along, across = np.array(edges, dtype=np.float64).T
            slope, level = np.polyfit(along, across, 1)
            middle = y + h / 2
            found.append(
                Rule(float((level + slope * middle) * step), y * step, (y + h) * step, float(slope))
            )
        return found

    def _pale_uprights(self) -> list[Rule]:
        """Thin upright lines, however pale, for :meth:`panel_edges` to measure.

        A light gray rule between a form's two columns is too faint for :meth:`rules`. Pieces
        a twenty-fifth of the page long are joined along the line; a tinted band's body is
        left out, and no text stands that tall.
        """
        step = RULE_SHRINK
        pale = np.asarray(self._shrunk() < PANEL_LIGHTEST, dtype=np.uint8)
        standing = cv2.dilate(pale, np.ones((1, RULE_SLANT), np.uint8))
        # found in short pieces, which a tilted line's drift leaves whole, then joined
        down = max(8, int(pale.shape[0] * MIN_RULE_SHARE / 1.3))
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, down))
        lines = np.asarray(cv2.morphologyEx(standing, cv2.MORPH_OPEN, kernel), dtype=np.uint8)
        wide = cv2.morphologyEx(
            lines, cv2.MORPH_OPEN, np.ones((1, PANEL_EDGE_WIDTH + RULE_SLANT), np.uint8)
        )
        lines[wide > 0] = 0  # a tinted band's body, not a line
        return _scaled(_segments(lines, False), step)

    def cell_of(self, box: BBox, *, along_tilt: bool = False) -> Cell | None:
        """The smallest ruled cell around a box, ``None`` when lines do not close one.

        Lines are taken where they pass the box (a tilted page's lines drift),
        and the cell is the rectangle they close there. With ``along_tilt``, when
        none closes, the row is followed along its tilt to its far side's line,
        which on a tilted page may end short of the label's own height. A cell
        carries its lines' slope, so what it holds is read along its row.
        """
        horizontal, vertical = self.rules()
        if not horizontal or not vertical:
            return None
        cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        slack = max(4, box.height // 3)
        above = [r for r in horizontal if r.at(cx) <= box.y0 + slack and r.start <= cx <= r.end]
        below = [r for r in horizontal if r.at(cx) >= box.y1 - slack and r.start <= cx <= r.end]
        if not (above and below):
            return None
        top = max(above, key=lambda r: r.at(cx))
        bottom = min(below, key=lambda r: r.at(cx))
        left = [r for r in vertical if r.at(cy) <= box.x0 + slack and r.start <= cy <= r.end]
        for tilt in dict.fromkeys((0.0, top.slope if along_tilt else 0.0)):
            right = [
                r
                for r in vertical
                if r.at(cy) >= box.x1 - slack and r.start <= cy + tilt * (r.at(cy) - cx) <= r.end
            ]
            if left and right:
                side = max(left, key=lambda r: r.at(cy))
                far = min(right, key=lambda r: r.at(cy))
                cell = self._closed(side, top, far, bottom, cy, cx, slack)
                if cell is not None:
                    return cell
        return None

    def _closed(
        self, side: Rule, top: Rule, far: Rule, bottom: Rule, cy: float, cx: float, slack: int
    ) -> Cell | None:
        """The cell four lines draw, when they reach its corners (no rule under a value)."""
        horizontal, vertical = self.rules()
        corners = (round(side.at(cy)), round(top.at(cx)), round(far.at(cy)), round(bottom.at(cx)))
        cell = Cell(*corners, slope=(top.slope + bottom.slope) / 2, origin=cx)
        closed = any(
            abs(r.at(cell.y0) - side.at(cell.y0)) <= slack
            and r.start <= top.at(r.at(cell.y0)) + slack
            and r.end >= bottom.at(r.at(cell.y1)) - slack
            for r in vertical
        ) and any(
            abs(r.at(cell.x0) - top.at(cell.x0)) <= slack
            and r.start <= side.at(r.at(cell.x0)) + slack
            and r.end >= far.at(r.at(cell.x1)) - slack
            for r in horizontal
        )
        return cell if closed else None

    def clear_of_lines(self, region: BBox, *, before: bool = True) -> BBox:
        """The part of a region beside a word that no drawn line crosses.

        A cell's border is no tick: a region ``before`` a word is cut right of the upright
        lines it holds, one after a word left of them, and either above the lying lines under
        its middle and below those over it.
        """
        cx, cy = (region.x0 + region.x1) / 2, (region.y0 + region.y1) / 2
        x0, y0, x1, y1 = float(region.x0), float(region.y0), float(region.x1), float(region.y1)
        for level in (r.at(cx) for r in self.rules()[0] if r.start <= cx <= r.end):
            if y0 <= level < cy:
                y0 = min(cy, level + RULE_CLEARANCE)
            elif cy <= level < y1:
                y1 = max(cy, level - RULE_CLEARANCE)
        inside = [
            x for x in (r.at(cy) for r in self.rules()[1] if r.start <= cy <= r.end) if x0 <= x < x1
        ]
        if inside and before:
            x0 = min(x1, max(inside) + RULE_CLEARANCE)
        elif inside:
            x1 = max(x0, min(inside) - RULE_CLEARANCE)
        return BBox(int(x0), int(y0), int(x1), int(y1))

    def box_mark(self, region: BBox, glyphs: list[BBox]) -> float:
        """Ink in a region (a check box and its tick) outside the printed glyphs' boxes."""
        total = self.ink(region.x0, region.y0, region.x1, region.y1) * _area(region)
        for glyph in glyphs:
            x0, y0 = max(glyph.x0, region.x0), max(glyph.y0, region.y0)
            x1, y1 = min(glyph.x1, region.x1), min(glyph.y1, region.y1)
            if x1 > x0 and y1 > y0:
                total -= self.ink(x0, y0, x1, y1) * (x1 - x0) * (y1 - y0)
        return max(0.0, total) / max(1.0, _area(region))

    def _ink_off_rules(self, region: BBox, size: float, glyphs: list[BBox]) -> float:
        """Ink in a region outside the printed glyphs' boxes and off the rules crossing it."""
        if region.x1 <= region.x0 or region.y1 <= region.y0:
            return 0.0
        rules = float(self._rule_ink(region, size).sum())
        total = self.box_mark(region, glyphs) * _area(region) - rules
        return max(0.0, total) / max(1.0, _area(region))

    def ring_mark(
        self, box: BBox, others: Sequence[BBox] = (), *, both_ends: bool = False
    ) -> float:
        """Ink in a ring around a word's box: a circle drawn round a choice.

        Ink inside ``others`` (the neighbouring words) does not count. ``both_ends`` asks
        for ink before and after the word too, as a ring has and a bubble or a box printed
        before the word has not.
        """
        h = max(8, box.height)
        outer = BBox(
            box.x0 - int(0.8 * h),
            box.y0 - int(0.45 * h),
            box.x1 + int(0.8 * h),
            box.y1 + int(0.45 * h),
        )
        inner = BBox(box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2)
        # a rule the words stand on, or a table's row lines close over and under them, is no
        # ring's ink
        lines = self._rule_ink(outer, h)
        left, top = max(0, outer.x0), max(0, outer.y0)
        outer_ink = self.ink(outer.x0, outer.y0, outer.x1, outer.y1) * _area(outer)
        outer_ink -= float(lines.sum())
        inner_ink = self.ink(inner.x0, inner.y0, inner.x1, inner.y1) * _area(inner)
        inner_ink -= float(
            lines[
                max(0, inner.y0 - top) : max(0, inner.y1 - top),
                max(0, inner.x0 - left) : max(0, inner.x1 - left),
            ].sum()
        )
        for other in others:
            x0, y0 = max(other.x0, outer.x0), max(other.y0, outer.y0)
            x1, y1 = min(other.x1, outer.x1), min(other.y1, outer.y1)
            if x1 > x0 and y1 > y0:
                outer_ink -= self.ink(x0, y0, x1, y1) * (x1 - x0) * (y1 - y0)
        score = max(0.0, outer_ink - inner_ink) / max(1.0, _area(outer) - _area(inner))
        if not both_ends:
            return score
        # a ring passes both ends of the word; a bubble or a box before it, one end only
        for reach in (outer.x1 - box.x1, int(RING_REACH * h)):
            if self._ends_ringed(box, reach, others):
                return score
        return score * UNRINGED

    def _ends_ringed(self, box: BBox, reach: int, others: Sequence[BBox]) -> bool:
        """Whether ink stands within ``reach`` before and after a word, as a ring's ends do.

        Past a neighbouring word, or past a check box drawn beside the word, is looked at no
        further: a ring's end is nearer than either, a row's next box is no ring's.
        """
        h = max(8, box.height)
        y0, y1 = box.y0 + h // 4, box.y1 - h // 4
        left, right = box.x0 - reach, box.x1 + reach
        for other in others:
            if other.y0 < y1 and y0 < other.y1:
                if other.x1 <= box.x0:
                    left = max(left, other.x1 + 2)
                elif other.x0 >= box.x1:
                    right = min(right, other.x0 - 2)
        if reach > int(0.8 * h) + 2:
            band = BBox(left, box.y0 - h // 2, right, box.y1 + h // 2)
            if any(self.boxes(band, scale * h) for scale in BOX_SCALES):
                return False
        glyphs = list(others)
        ahead = BBox(left, y0, box.x0 - 2, y1)
        cleared = self.clear_of_lines(ahead)
        before = self.box_mark(cleared, glyphs)
        if before < RING_ARC and cleared.x0 > ahead.x0:
            # a ring round a cell's first choice crosses the cell's side: its end is the ink
            # there that is no rule's
            before = self._ink_off_rules(ahead, h, glyphs)
        after_word = BBox(box.x1 + 2, y0, right, y1)
        after = self.box_mark(self.clear_of_lines(after_word, before=False), glyphs)
        return min(before, after) >= RING_ARC

    def mark_before(self, x: float, level: float, size: float) -> bool:
        """Whether a small round mark of its own (a ringed number) stands just before ``x``.

        The mark sits over ``level`` (a rule's), is about ``size`` (a line's height) across,
        half as much again at most, about as wide as tall, and clear of the spot's edges: a
        word running up to ``x``, or a tinted band's edge, is not.
        """
        x0, y0 = max(0, int(x - MARK_REACH * size)), max(0, int(level - 1.8 * size))
        x1, y1 = max(0, int(x)), max(0, int(level - 0.1 * size))
        if x1 - x0 < 4 or y1 - y0 < 4:
            return False
        crop = self._binary(self._plain()[y0:y1, x0:x1])
        count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
        # (a thin or pale ring falls apart into arcs: the pieces clear of the spot's edges
        # are taken together)
        pieces = [
            BBox(left, top, left + width, top + height)
            for left, top, width, height in (
                (int(v) for v in stats[index][:4]) for index in range(1, count)
            )
            if left > 0
            and top > 0
            and left + width < x1 - x0
            and top + height < y1 - y0
            and max(width, height) >= MARK_SPECK * size  # (a speck of the scan is none)
        ]
        if not pieces:
            return False
        mark = BBox.union(pieces)
        width, height = mark.x1 - mark.x0, mark.y1 - mark.y0
        sized = MARK_SMALLEST * size <= min(width, height) <= max(width, height) <= 1.5 * size
        return sized and abs(width - height) <= MARK_ROUND * size

    def paper_level(self, box: BBox) -> float | None:
        """How light the paper is inside a box: the median of its pixels lighter than ink.

        A highlighter's stroke over a printed word leaves the word's paper darker than its
        neighbours'. ``None`` for a box off the page or all ink. The page is read as scanned,
        not evened out: evening out would take the stroke for a shadow.
        """
        gray = self._scanned()
        region = gray[max(0, box.y0) : max(0, box.y1), max(0, box.x0) : max(0, box.x1)]
        paper = region[region >= self._ink_limit()]
        if paper.size < PAPER_PIXELS:
            return None
        return float(np.median(paper))

    def tint(self, box: BBox) -> float | None:
        """How much darker a box's paper is than the lightest paper just around it.

        A highlighter's stroke tints the paper under a word and not the paper a little over,
        under, before or after it (the rows over and under may be highlighted too); a shadow
        or a photocopy's gray falls on both alike. ``None`` where neither is measured.
        """
        height = max(8, box.height)
        near, far = int(TINT_BAND[0] * height), int(TINT_BAND[1] * height)
        inside = self.paper_level(box)
        bands = (
            BBox(box.x0, box.y0 - far, box.x1, box.y0 - near),  # above
            BBox(box.x0, box.y1 + near, box.x1, box.y1 + far),  # below
            BBox(box.x0 - far, box.y0, box.x0 - near, box.y1),  # before
            BBox(box.x1 + near, box.y0, box.x1 + far, box.y1),  # after
        )
        around = [level for band in bands if (level := self.paper_level(band)) is not None]
        if inside is None or not around:
            return None
        return max(around) - inside

    def strike_mark(self, box: BBox) -> float:
        """How much of a word a line drawn through its middle crosses (0 to 1): struck out."""
        return self.strike_run(box) / float(max(1, box.x1 - max(0, box.x0)))

    def underline_mark(self, box: BBox) -> float:
        """How much of a word a line drawn just under it spans (0 to 1): underlined.

        A line running on well past the word is the row's printed rule, no pen's.
        """
        height = max(8, box.height)
        over, under = (int(share * height) for share in UNDERLINE_BAND)
        run = self._longest_run(box.x0, box.x1, box.y1 - over, box.y1 + under, beyond=height)
        return run / float(max(1, box.x1 - max(0, box.x0)))

    def strike_run(self, box: BBox) -> int:
        """The longest line of ink through the middle of a box's height, in pixels.

        Letters' own strokes are short; a strike is one run of ink across the word, found in
        the middle of its height. It is looked for at a few slants, for a tilted page or a
        line drawn by hand.
        """
        height = max(8, box.height)
        return self._longest_run(
            box.x0, box.x1, box.y0 + int(0.25 * height), box.y1 - int(0.2 * height)
        )

    def _longest_run(self, left: int, right: int, top: int, bottom: int, beyond: int = 0) -> int:
        """The longest run of ink across ``left``-``right`` at a height between top and bottom.

        With ``beyond``, a run under the whole stretch reaching that far past either end is
        left out (a drawn rule).
        """
        x0, x1 = max(0, left - beyond), right + beyond
        drift = int(STRIKE_SLOPE * (right - left)) + 1
        y0 = max(0, top - drift)
        crop = self._plain()[y0 : max(y0, bottom + drift), x0:x1]
        if crop.shape[0] <= 2 * drift or crop.shape[1] < 8:
            return 0
        binary = cv2.dilate(self._binary(np.asarray(crop, dtype=np.uint8)), np.ones((3, 1)))
        rows = np.arange(drift + (top - y0 - drift), crop.shape[0] - drift)[:, None]
        columns = np.arange(crop.shape[1])
        inner = (max(0, left) - x0, min(right, x0 + crop.shape[1]) - x0)
        slopes = np.linspace(-STRIKE_SLOPE, STRIKE_SLOPE, 9)
        shifts = [np.rint(s * (columns - crop.shape[1] / 2)).astype(int) for s in slopes]
        if beyond:
            rule = np.zeros_like(binary)
            every = np.arange(crop.shape[0])[:, None]
            for shift in shifts:
                across = np.clip(every + shift, 0, crop.shape[0] - 1)
                ink = binary[across, columns]
                # a line under the whole word running on to either end of the stretch
                from_left = ink[:, : inner[1]].all(axis=1)
                to_right = ink[:, inner[0] :].all(axis=1)
                for row in across[from_left | to_right]:
                    rule[row, columns] = 1
            binary = binary * (1 - rule)
        longest = 0
        for shift in shifts:
            band = binary[np.clip(rows + shift, 0, crop.shape[0] - 1), columns]
            for row in band:
                edges = np.flatnonzero(np.diff(np.concatenate(([0], row, [0]))))
                if len(edges):
                    runs = np.minimum(edges[1::2], inner[1]) - np.maximum(edges[::2], inner[0])
                    longest = max(longest, int(runs.max()))
        return longest

    def bubble(self, region: BBox, size: float, words: Sequence[BBox] = ()) -> float | None:
        """How solid the round mark in a region is: about 0.8 filled in, 0.3 an empty ring.

        ``None`` when the region holds no blob of about the text's ``size`` and roughly
        as wide as tall (a printed bubble before its choice, or the scribble filling it)
        outside the ``words`` read there.
        """
        gray = self._plain()
        x0, y0 = max(0, region.x0), max(0, region.y0)
        crop = gray[y0 : max(y0, region.y1), x0 : max(x0, region.x1)]
        if crop.size == 0:
            return None
        binary = self._binary(np.asarray(crop, dtype=np.uint8)).copy()
        for word in words:
            binary[
                max(0, word.y0 - y0) : max(0, word.y1 - y0),
                max(0, word.x0 - x0) : max(0, word.x1 - x0),
            ] = 0
        count, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
        solid: float | None = None
        for index in range(1, count):
            x, y, w, h = (int(v) for v in stats[index, :4])
            round_ = BUBBLE_ASPECT[0] <= w / max(1, h) <= BUBBLE_ASPECT[1]
            if round_ and BUBBLE_SIZE[0] * size <= max(w, h) <= BUBBLE_SIZE[1] * size:
                # all the ink inside the bubble's outline (a blurred fill may part from it)
                inside = np.count_nonzero(binary[y : y + h, x : x + w]) / float(w * h)
                solid = max(solid or 0.0, inside)
        return solid

    def bubble_row(self, band: BBox, size: float) -> list[float]:
        """How solid each printed bubble along a band is, left to right (0.3 a ring, 0.8 filled).

        Only round blobs of about the text's ``size`` count: a ring (its middle clear) or a
        solid disc. Digits and letters (``0``, ``N``) are narrower or inked through the middle.
        """
        gray = self._plain()
        x0, y0 = max(0, band.x0), max(0, band.y0)
        crop = gray[y0 : max(y0, band.y1), x0 : max(x0, band.x1)]
        if crop.size == 0:
            return []
        binary = self._binary(np.asarray(crop, dtype=np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
        found: list[tuple[int, float]] = []
        outlines = [tuple(int(v) for v in stats[i, :4]) for i in range(1, count)]
        for index in range(1, count):
            x, y, w, h = (int(v) for v in stats[index, :4])
            if any(
                ox < x and oy < y and x + w < ox + ow and y + h < oy + oh
                for ox, oy, ow, oh in outlines
            ):
                continue  # the dot filling a ring, inside it
            if not ROUND_BUBBLE[0] <= w / max(1, h) <= ROUND_BUBBLE[1]:
                continue
            if not BUBBLE_SIZE[0] * size <= max(w, h) <= BUBBLE_ROW_SIZE * size:
                continue
            own = labels[y : y + h, x : x + w] == index
            # all the ink inside the outline: a dot filling a ring may stand apart from it
            solid = np.count_nonzero(binary[y : y + h, x : x + w]) / float(w * h)
            middle = own[h * 3 // 10 : h * 7 // 10, w * 3 // 10 : w * 7 // 10]
            clear = np.count_nonzero(middle) / float(max(1, middle.size))
            if solid >= FILLED_BUBBLE or (clear <= RING_MIDDLE and solid >= MARK_MIN_INK):
                found.append((x, solid))
        return [solid for _, solid in sorted(found)]

    def _rule_ink(self, band: BBox, size: float) -> npt.NDArray[np.uint8]:
        """The long straight rules crossing a band (1 where a rule's ink is), band-sized.

        Looked for in the band widened by a rule's length, so a table's rule is seen whole
        however narrow the band; a tick crossing one is then kept apart from it.
        """
        gray = self._plain()
        length = max(3, int(RULE_LENGTH * size))
        x0, y0 = max(0, band.x0), max(0, band.y0)
        wx0, wy0 = max(0, x0 - length), max(0, y0 - length)
        wide = gray[wy0 : band.y1 + length, wx0 : band.x1 + length]
        binary = self._binary(np.asarray(wide, dtype=np.uint8))
        rules = np.zeros_like(binary)
        for shape, gap in (((length, 1), (RULE_GAP, 1)), ((1, length), (1, RULE_GAP))):
            # a faint rule breaks up on a scan: its gaps are bridged before it is measured
            joined = cv2.morphologyEx(
                binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, gap)
            )
            kernel = cv2.getStructuringElement(cv2.MORPH_RECT, shape)
            rules |= np.asarray(cv2.morphologyEx(joined, cv2.MORPH_OPEN, kernel), np.uint8) & binary
        height, width = max(0, band.y1 - y0), max(0, band.x1 - x0)
        return np.asarray(rules[y0 - wy0 : y0 - wy0 + height, x0 - wx0 : x0 - wx0 + width])

    def empty_box_before(self, word: BBox) -> bool:
        """Whether an empty check box is drawn just before a word (an option nobody ticked)."""
        fill = self.box_before(word)
        return fill is not None and fill < TICKED_INK

    def box_before(self, word: BBox) -> float | None:
        """The ink inside a check box drawn just before a word, ``None`` with no box there.

        The box is looked for at the word's height, then smaller (OCR may box a word tall).
        """
        size = word.height
        half = size // 2
        band = BBox(word.x0 - int(2.5 * size), word.y0 - half, word.x0 + size // 3, word.y1 + half)
        for scale in BOX_SCALES:
            found = self.boxes(band, scale * size)
            if found:
                return max(fill for _, fill in found)
        return None

    def boxes(self, band: BBox, size: float) -> list[tuple[BBox, float]]:
        """Check boxes drawn in a band of the page, left to right, with the ink inside each.

        A box is a roughly square piece of ink about ``size`` (the text height)
        whose left and bottom sides are straight lines (a tick may overshoot the
        top and right); what is inside it, away from its sides, is its mark.
        """
        gray = self._plain()
        x0, y0 = max(0, band.x0), max(0, band.y0)
        crop = gray[y0 : max(y0, band.y1), x0 : max(x0, band.x1)]
        if crop.size == 0:
            return []
        binary = self._binary(np.asarray(crop, dtype=np.uint8))
        binary = np.asarray(binary & (1 - self._rule_ink(band, size)), dtype=np.uint8)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
        found: list[tuple[BBox, float]] = []
        for index in range(1, count):
            x, y, w, h = (int(v) for v in stats[index, :4])
            if not (BOX_MIN * size <= h <= 2.6 * size and BOX_MIN * size <= w <= 2.6 * size):
                continue
            mask = np.asarray(labels[y : y + h, x : x + w] == index, dtype=bool)
            side = _square_side(mask)
            if side is None:
                continue
            inset = max(2, side // 5)
            top = y + h - side
            inner = mask[top - y + inset : y + h - y - inset, inset : side - inset]
            fill = float(inner.mean()) if inner.size else 0.0
            found.append((BBox(x0 + x, y0 + top, x0 + x + side, y0 + y + h), fill))
        return sorted(found, key=lambda item: item[0].x0)


# A check box is drawn at most this many pixels wider than tall.
# A blank's line is at least this many gray levels darker than the page.
BLANK_CONTRAST = 30.0
# A strip's paper is this many gray levels darker than the page's, and at least this share of
# it (the rest is its writing); a strip is at least this tall and wide on the shrunk page, and
# this many times wider than tall.
STRIP_TINT = 6.0
STRIP_SHARE = 0.25
STRIP_HEIGHT = 8
STRIP_WIDTH = 30
STRIP_ASPECT = 2.5

BOX_WIDER = 2
# A check box is at least this share of its row's text height.
BOX_MIN = 0.6
# A straight stroke this many text heights long is a rule, never a box's side ...
RULE_LENGTH = 3.0
# ... gaps of up to this many pixels in it bridged.
RULE_GAP = 7


# The page's background is estimated on the page shrunk by this factor, as the lightest
# value within BACKGROUND_REACH shrunk pixels (wider than any stroke, box or rule) ...
BACKGROUND_SHRINK = 4
BACKGROUND_REACH = 9
# ... and only pages whose background somewhere falls below this are evened out.
EVEN_LIGHT = 200


def _flattened(gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The page divided by its background, so shadowed paper reads as white paper.

    An evenly lit scan is returned as it is.
    """
    height, width = gray.shape
    step = BACKGROUND_SHRINK
    size = (max(1, width // step), max(1, height // step))
    small = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    kernel = np.ones((BACKGROUND_REACH, BACKGROUND_REACH), np.uint8)
    background = cv2.blur(cv2.dilate(small, kernel), (BACKGROUND_REACH, BACKGROUND_REACH))
    if int(np.percentile(background, 2)) >= EVEN_LIGHT:
        return gray
    full = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(full, 1), scale=255)
    return np.asarray(flat, dtype=np.uint8)


def _square_side(mask: npt.NDArray[np.bool_]) -> int | None:
    """The side of the square whose left and bottom edges a component draws, if it draws one."""
    h, w = mask.shape
    left = np.asarray(mask[:, : max(1, w // 12)].any(axis=1), dtype=bool)
    bottom = np.asarray(mask[h - max(1, h // 12) :, :].any(axis=0), dtype=bool)
    # the box's side: how far the bottom line runs (a tick adds little on the right)
    run = int(bottom.sum())
    # (a box a pixel or two wider than tall, as a blurred scan draws one, has its left side)
    height = int(left[max(0, h - run) :].sum()) if run <= h + BOX_WIDER else 0
    if run < 0.6 * w or not 0.75 * run <= height <= 1.25 * run:
        return None
    return run if run >= 6 else None


def _scaled(found: list[Rule], step: int) -> list[Rule]:
    return [
        Rule(r.level * step + step // 2, r.start * step, r.end * step + step - 1, r.slope)
        for r in found
    ]


def _area(box: BBox) -> float:
    return float(max(0, box.x1 - box.x0) * max(0, box.y1 - box.y0))


def _segments(mask: npt.NDArray[np.uint8], horizontal: bool) -> list[Rule]:
    """Connected line pieces of a mask, each with its level at its middle and its slope."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[Rule] = []
    for index in range(1, count):
        x, y, w, h = (int(v) for v in stats[index, :4])
        if horizontal and w > 3 * h:
            piece = labels[y : y + h, x : x + w] == index
            found.append(_fitted(piece, y, x, w))
        elif not horizontal and h > 3 * w:
            piece = np.asarray(labels[y : y + h, x : x + w] == index).T
            found.append(_fitted(piece, x, y, h))
    return found


def _fitted(piece: npt.NDArray[np.bool_], offset: int, start: int, length: int) -> Rule:
    """A line piece (rows across, columns along) as a level, its ends and its slope.

    The level is the mean across position of the ink in the first and last
    stretch along the line; a straight line gives slope 0.
    """
    across = np.arange(piece.shape[0], dtype=np.float64)
    reach = max(1, length // 8)

    def level(columns: npt.NDArray[np.bool_]) -> float:
        weights = columns.sum(axis=1)
        total = float(weights.sum())
        return float((across * weights).sum() / total) if total else piece.shape[0] / 2

    first, last = level(piece[:, :reach]), level(piece[:, -reach:])
    span = max(1.0, length - reach)
    return Rule(offset + (first + last) / 2, start, start + length, (last - first) / span)


def decide(scores: list[float]) -> int | None:
    """The index of the one clearly marked choice, ``None`` when none or several are."""
    if len(scores) < 2:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    best, second = scores[order[0]], scores[order[1]]
    if best < MARK_MIN_INK or best < MARK_RATIO * second:
        return None
    return order[0]
