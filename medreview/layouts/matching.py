"""Which layout a document's pages show, and how each page lies against it.

A page matches a layout page when enough of the layout's printed words (its
anchors) are found on the page in the same arrangement. Candidates are found
cheaply first (the share of the layout's words present at all); for the best
few, a homography from the layout's frame to the page is estimated with RANSAC
on the centres of same-text words, so a tilted, scaled or photographed page is
aligned (``cv2.findHomography``). The layout whose anchors are found in place
in the largest share wins, if that share is high enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from medreview.layouts.format import Anchor, Layout, LayoutPage, LayoutSet, word_key
from medreview.model import OcrPage, Word

# A layout is a candidate when this share of its anchors' texts occur on the page at all...
MIN_PRESENT = 0.3
# ... and it matches when this share of its anchors is found in place,
MIN_COVERAGE = 0.3
# and this share of those whose text the page shows at all (a word of the layout's that
# the page prints elsewhere speaks against it; one it does not print at all, such as a
# previous prescriber's street, does not),
MIN_PLACED = 0.72
# with at least this many anchors found.
MIN_ANCHORS = 5
# How many candidates get a geometric check, best first.
CANDIDATES = 6
# An anchor is "in place" within this distance (shares of the page) of where the
# alignment puts it; RANSAC keeps correspondences within the same distance.
TOLERANCE = 0.018
# Layouts finding this share of the most anchors any layout finds compete on their score.
AMBIGUOUS = 0.85
# The printed words found may be this much wider or narrower than the layout's (median).
PRINT_WIDTH = 0.1
# Scores this close are a tie.
_TIE = 0.03
# A word text occurring more often than this on a page or layout is no landmark.
MAX_OCCURRENCES = 4
# A mapped page may be this much smaller or larger than the layout's (area ratio).
AREA_RANGE = (0.25, 4.0)
# Perspective is estimated only from this many aligned anchors spread this far.
_PERSPECTIVE_MIN = 10
_PERSPECTIVE_SPREAD = 0.3
# How far down (or up) the form's content may push a printed word (share of the page).
_PUSHED = 0.3


@dataclass(frozen=True, slots=True)
class PageWords:
    """A page's words ready for matching: keys and centres as shares of the page."""

    page: OcrPage
    keys: tuple[str, ...]
    centres: np.ndarray  # N x 2, x / width and y / height
    by_key: Mapping[str, tuple[int, ...]]
    lefts: np.ndarray  # N x 2: the middle of each word's left edge

    @classmethod
    def of(cls, page: OcrPage) -> PageWords:
        """Index a page's words."""
        width, height = max(page.width, 1), max(page.height, 1)
        keys = tuple(word_key(w.ocr_text or w.text) for w in page.words)
        centres = np.array(
            [
                ((w.bbox.x0 + w.bbox.x1) / 2 / width, (w.bbox.y0 + w.bbox.y1) / 2 / height)
                for w in page.words
            ],
            dtype=np.float64,
        ).reshape(-1, 2)
        by_key: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            if len(key) >= 2:
                by_key.setdefault(key, []).append(i)
            label = run_on_label(page.words[i].ocr_text or page.words[i].text)
            if label:  # "Tel:612-555-0115" is the label "Tel:" too (found by its left edge)
                by_key.setdefault(label, []).append(i)
        lefts = centres.copy()
        if len(page.words):
            lefts[:, 0] = [w.bbox.x0 / width for w in page.words]
        return cls(page, keys, centres, {k: tuple(v) for k, v in by_key.items()}, lefts)

    @property
    def words(self) -> tuple[Word, ...]:
        """The page's words."""
        return self.page.words


_RUN_ON = re.compile(r"([A-Za-z][A-Za-z/]*[A-Za-z])(?::(?=\S)|(?=[0-9(+]))")


def run_on_label(text: str) -> str:
    """The key of a label the OCR ran together with its value (``Tel:612...``, ``PHONE503``)."""
    found = _RUN_ON.match(text)
    if found is None or found.end() >= len(text):
        return ""
    return word_key(found.group(1))


@dataclass(frozen=True, slots=True)
class PageAlignment:
    """How one document page lies against its layout page.

    ``to_page`` maps the layout's frame to the page (both as shares of their page);
    ``found`` gives, per anchor found in place, the index of the page word it is;
    ``coverage`` is the share of the layout page's anchors found.
    """

    layout_page: LayoutPage
    words: PageWords
    to_page: np.ndarray
    found: Mapping[int, int]
    pushed: frozenset[int] = frozenset()
    # the layout page's anchors that can be found (single characters cannot), and of
    # those, the ones whose text the page shows somewhere
    landmarks: int = 0
    present: int = 0

    @property
    def weight(self) -> float:
        """Anchors found: those found where the alignment puts them count fully, pushed half."""
        return len(self.found) - 0.5 * len(self.pushed)

    @property
    def coverage(self) -> float:
        """Share of the layout page's landmarks found (pushed ones counting half)."""
        return self.weight / max(1, self.landmarks)

    def to_layout(self, points: np.ndarray) -> np.ndarray:
        """Page points (shares of the page, N x 2) in the layout's frame."""
        if len(points) == 0:
            return points.reshape(0, 2)
        inverse = np.linalg.inv(self.to_page)
        mapped = cv2.perspectiveTransform(points.reshape(-1, 1, 2).astype(np.float64), inverse)
        return np.asarray(mapped, dtype=np.float64).reshape(-1, 2)


@dataclass(frozen=True, slots=True)
class Match:
    """A layout found on a document: its alignment on every page it covers."""

    layout: Layout
    pages: Mapping[int, PageAlignment]

    @property
    def coverage(self) -> float:
        """Share of the covered pages' anchors found in place."""
        total = sum(a.landmarks for a in self.pages.values())
        return self.weight / max(1, total)

    @property
    def weight(self) -> float:
        """Anchors found on every page (pushed ones counting half)."""
        return sum(a.weight for a in self.pages.values())

    @property
    def placed(self) -> float:
        """Share of the anchors whose text the pages show that are where the layout puts them."""
        return self.weight / max(1, sum(a.present for a in self.pages.values()))

    @property
    def score(self) -> float:
        """How well the layout explains the pages (to choose among matching layouts)."""
        return self.coverage * self.placed


@dataclass(frozen=True, slots=True)
class _IndexedPage:
    page: LayoutPage
    keys: frozenset[str]
    centres: np.ndarray
    by_key: Mapping[str, tuple[int, ...]]
    lefts: np.ndarray
    anchor_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _IndexedLayout:
    layout: Layout
    pages: tuple[_IndexedPage, ...]


def _index_page(page: LayoutPage) -> _IndexedPage:
    by_key: dict[str, list[int]] = {}
    for i, anchor in enumerate(page.anchors):
        if len(anchor.key) >= 2:
            by_key.setdefault(anchor.key, []).append(i)
    centres = np.array([a.centre for a in page.anchors], dtype=np.float64).reshape(-1, 2)
    by_key_t = {k: tuple(v) for k, v in by_key.items()}
    return _IndexedPage(
        page,
        frozenset(by_key),
        centres,
        by_key_t,
        left_edges(page.anchors),
        tuple(a.key for a in page.anchors),
    )


def left_edges(anchors: Sequence[Anchor]) -> np.ndarray:
    """The middle of each anchor's left edge (where a left-aligned label starts)."""
    return np.array(
        [(a.box[0], (a.box[1] + a.box[3]) / 2) for a in anchors], dtype=np.float64
    ).reshape(-1, 2)


@lru_cache(maxsize=8)
def _indexed(layouts: LayoutSet) -> tuple[_IndexedLayout, ...]:
    """The set's layouts with their lookup tables (built once per process and set)."""
    return tuple(
        _IndexedLayout(layout, tuple(_index_page(p) for p in layout.pages))
        for layout in layouts.layouts
    )


def _present_share(indexed: _IndexedLayout, pages: Mapping[int, frozenset[str]]) -> float:
    total = found = 0
    for lp in indexed.pages:
        keys = pages.get(lp.page.index)
        if keys is None:
            continue
        total += len(lp.keys)
        found += len(lp.keys & keys)
    return found / total if total else 0.0


def _sane(matrix: np.ndarray) -> bool:
    corners = np.array([[[0.0, 0.0]], [[1.0, 0.0]], [[1.0, 1.0]], [[0.0, 1.0]]])
    mapped = cv2.perspectiveTransform(corners, matrix).reshape(4, 2)
    area = 0.5 * abs(
        float(
            np.dot(mapped[:, 0], np.roll(mapped[:, 1], 1))
            - np.dot(mapped[:, 1], np.roll(mapped[:, 0], 1))
        )
    )
    if not AREA_RANGE[0] <= area <= AREA_RANGE[1]:
        return False
    edges = np.roll(mapped, -1, axis=0) - mapped
    turns = edges[:, 0] * np.roll(edges[:, 1], -1) - edges[:, 1] * np.roll(edges[:, 0], -1)
    return bool(np.all(turns > 0))  # convex and not mirrored


def align(
    anchors: Sequence[str],
    anchor_centres: np.ndarray,
    by_key: Mapping[str, Sequence[int]],
    centres: np.ndarray,
    *,
    tolerance: float = TOLERANCE,
    lefts: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, dict[int, int], set[int]] | None:
    """A homography from anchor centres to the points of the same keys, and who is who.

    ``anchors`` are the anchors' keys, ``by_key`` the points' indices per key.
    A similarity (tilt, scale, shift) is fitted first with RANSAC; when its inliers
    spread over the page, a homography fitted to them adds perspective. Returns the
    matrix, per anchor found its point's index, and which of those were pushed
    (found away from where the alignment puts them). ``lefts`` (the anchors' and the
    points' left edges) lets a label printed in a wider or narrower font be found by
    where it starts.
    """
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    counts: dict[str, int] = {}
    for key in anchors:
        counts[key] = counts.get(key, 0) + 1
    for i, key in enumerate(anchors):
        hits = by_key.get(key, ())
        if not hits or len(hits) > MAX_OCCURRENCES or counts[key] > MAX_OCCURRENCES:
            continue
        for j in hits:
            src.append(anchor_centres[i])
            dst.append(centres[j])
    if len(src) < 3:
        return None
    source = np.array(src, dtype=np.float64)
    target = np.array(dst, dtype=np.float64)
    fitted = _fit(cv2.estimateAffinePartial2D, source, target, tolerance)
    if fitted is None:
        return None
    matrix, inliers = fitted
    # a form printed with other line spacing stretches one way only: a full affine fits it
    stretched = _fit(cv2.estimateAffine2D, source, target, tolerance)
    if stretched is not None and stretched[1].sum() >= inliers.sum() + max(3, inliers.sum() // 5):
        matrix, inliers = stretched
    spread = np.ptp(source[inliers], axis=0) if inliers.sum() else np.zeros(2)
    if inliers.sum() >= _PERSPECTIVE_MIN and float(spread.min()) >= _PERSPECTIVE_SPREAD:
        homography, _ = cv2.findHomography(source[inliers], target[inliers], 0)
        if homography is not None and _sane(homography):
            residual = cv2.perspectiveTransform(source[inliers].reshape(-1, 1, 2), homography)
            error = np.hypot(*(residual.reshape(-1, 2) - target[inliers]).T)
            if float(np.median(error)) <= tolerance / 2:
                matrix = homography
    if not _sane(matrix):
        return None
    found, pushed = _place(anchors, anchor_centres, by_key, centres, matrix, tolerance, lefts)
    return matrix, found, pushed


def _fit(
    estimator: Any, source: np.ndarray, target: np.ndarray, tolerance: float
) -> tuple[np.ndarray, np.ndarray] | None:
    """A 2 x 3 transform fitted with RANSAC, as 3 x 3, and its inliers; ``None`` if none."""
    estimate: tuple[np.ndarray | None, np.ndarray | None] = estimator(
        source,
        target,
        method=cv2.RANSAC,
        ransacReprojThreshold=tolerance,
        maxIters=500,
        confidence=0.995,
    )
    transform, mask = estimate
    if transform is None or mask is None:
        return None
    matrix = np.vstack([np.asarray(transform, dtype=np.float64), [0.0, 0.0, 1.0]])
    return matrix, mask.ravel().astype(bool)


def _place(
    anchors: Sequence[str],
    anchor_centres: np.ndarray,
    by_key: Mapping[str, Sequence[int]],
    centres: np.ndarray,
    matrix: np.ndarray,
    tolerance: float,
    lefts: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[dict[int, int], set[int]]:
    """Each anchor's same-key point where the alignment puts it (one point per anchor).

    An anchor further away but alone of its text on the page and in the layout,
    and moved mostly up or down, is found too: the form's content pushed it.
    """
    predicted = cv2.perspectiveTransform(anchor_centres.reshape(-1, 1, 2), matrix).reshape(-1, 2)
    starts = None
    if lefts is not None and len(lefts[0]):
        starts = cv2.perspectiveTransform(lefts[0].reshape(-1, 1, 2), matrix).reshape(-1, 2)
    counts: dict[str, int] = {}
    for key in anchors:
        counts[key] = counts.get(key, 0) + 1
    pairs: list[tuple[float, int, int]] = []
    for i, key in enumerate(anchors):
        hits = by_key.get(key, ())
        for j in hits:
            dx, dy = centres[j] - predicted[i]
            distance = float(np.hypot(dx, dy))
            if starts is not None and lefts is not None:
                distance = min(distance, float(np.hypot(*(lefts[1][j] - starts[i]))))
            if distance <= tolerance * 1.5:
                pairs.append((distance, i, j))
            elif (
                len(hits) == 1
                and counts[key] == 1
                and abs(float(dx)) <= tolerance * 2
                and abs(float(dy)) <= _PUSHED
            ):
                pairs.append((1.0 + distance, i, j))
    found: dict[int, int] = {}
    pushed: set[int] = set()
    taken: set[int] = set()
    for distance, i, j in sorted(pairs):
        if i not in found and j not in taken:
            found[i] = j
            taken.add(j)
            if distance >= 1.0:
                pushed.add(i)
    return found, pushed


def case_shape(text: str) -> str:
    """How a word is printed: ``upper`` (NAME), ``title`` (Name), ``lower`` (name), else ``""``.

    One printed form prints each label one way: a word of another case is another form's.
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return ""
    if all(c.isupper() for c in letters):
        return "upper"
    if all(c.islower() for c in letters[1:]):
        return "title" if letters[0].isupper() else "lower"
    return ""  # mixed (OCR reads some capitals small): no telling


def _same_case(anchor: str, word: str) -> bool:
    a, b = case_shape(anchor), case_shape(word)
    return not a or not b or a == b


def _align_page(lp: _IndexedPage, words: PageWords, any_case: bool) -> PageAlignment | None:
    keys = lp.anchor_keys
    aligned = align(keys, lp.centres, words.by_key, words.centres, lefts=(lp.lefts, words.lefts))
    if aligned is None:
        return None
    matrix, found, pushed = aligned
    page_words = words.words
    found = {
        i: j
        for i, j in found.items()
        if any_case
        or _same_case(lp.page.anchors[i].text, page_words[j].ocr_text or page_words[j].text)
    }
    pushed = {i for i in pushed if i in found}
    landmarks = sum(len(v) for v in lp.by_key.values())
    present = sum(len(v) for k, v in lp.by_key.items() if k in words.by_key)
    return PageAlignment(lp.page, words, matrix, found, frozenset(pushed), landmarks, present)


def _try(indexed: _IndexedLayout, pages: Mapping[int, PageWords]) -> Match | None:
    alignments: dict[int, PageAlignment] = {}
    for lp in indexed.pages:
        words = pages.get(lp.page.index)
        if words is None:
            continue
        alignment = _align_page(lp, words, indexed.layout.any_case)
        if alignment is None or not accepted(
            alignment.weight, alignment.landmarks, alignment.present, 0
        ):
            return None  # every page the document has must be the layout's
        alignments[lp.page.index] = alignment
    if not alignments:
        return None
    if not indexed.layout.any_case and not _same_print(alignments.values()):
        return None  # the same words printed in another font or size: another printing
    match = Match(indexed.layout, alignments)
    landmarks = sum(a.landmarks for a in alignments.values())
    present = sum(a.present for a in alignments.values())
    return match if accepted(match.weight, landmarks, present, MIN_ANCHORS) else None


def _same_print(alignments: Iterable[PageAlignment]) -> bool:
    """Whether the printed words found are as wide as the layout's, once aligned.

    One printed form prints its labels in one font and size: the anchors' widths, mapped
    onto the page, are the page words' widths (the median within ``PRINT_WIDTH``). A form
    printing the same labels in another font or size is another form.
    """
    ratios: list[float] = []
    for alignment in alignments:
        page = alignment.words.page
        width = max(page.width, 1)
        anchors = alignment.layout_page.anchors
        found = [
            (i, j)
            for i, j in alignment.found.items()
            if alignment.words.keys[j] == anchors[i].key and len(anchors[i].key) >= 3
        ]
        if not found:
            continue
        ends = np.array(
            [
                [anchors[i].box[0], anchors[i].centre[1], anchors[i].box[2], anchors[i].centre[1]]
                for i, _j in found
            ],
            dtype=np.float64,
        ).reshape(-1, 1, 2)
        mapped = cv2.perspectiveTransform(ends, alignment.to_page).reshape(-1, 2, 2)
        expected = mapped[:, 1, 0] - mapped[:, 0, 0]
        for (_i, j), span in zip(found, expected, strict=True):
            word = alignment.words.words[j]
            if span > 0:
                ratios.append((word.bbox.x1 - word.bbox.x0) / width / float(span))
    if len(ratios) < MIN_ANCHORS:
        return True  # too few to tell
    return abs(float(np.median(ratios)) - 1.0) <= PRINT_WIDTH


def accepted(found: float, landmarks: int, present: int, least: int) -> bool:
    """Whether ``found`` anchors of a layout's ``landmarks`` (``present`` of them shown) match."""
    return found >= least and found >= MIN_COVERAGE * landmarks and found >= MIN_PLACED * present


def find_layout(
    pages: Sequence[OcrPage],
    layouts: LayoutSet,
    *,
    document_type: str | None = None,
) -> Match | None:
    """The layout the pages show best (of ``document_type`` when given), or ``None``.

    Candidates are the layouts whose printed words the pages show most; the best of
    those that match is chosen by :func:`best_match`.
    """
    if not layouts.layouts or not pages:
        return None
    indexed = [
        item
        for item in _indexed(layouts)
        if document_type is None or item.layout.document_type == document_type
    ]
    words = {page.index: PageWords.of(page) for page in pages}
    keys = {index: frozenset(page.by_key) for index, page in words.items()}
    shares = [(_present_share(item, keys), n, item) for n, item in enumerate(indexed)]
    ranked = sorted((s for s in shares if s[0] >= MIN_PRESENT), key=lambda s: (-s[0], s[1]))
    matches = [m for m in (_try(item, words) for _s, _n, item in ranked[:CANDIDATES]) if m]
    if not matches:
        return None
    return best_match(matches)


def best_match(matches: Sequence[Match]) -> Match | None:
    """The match that explains the pages best, ``None`` when two forms tie.

    Of the layouts that find nearly as many anchors as the most (``AMBIGUOUS``), the one
    whose anchors are in place in the largest share wins: a layout learned from this very
    form beats a shipped one that spans its family (``any_case``), which wins only a tie.
    Two layouts of different document types that explain the pages about equally well
    leave the document to the generic reader.
    """
    if not matches:
        return None
    most = max(m.weight for m in matches)
    near = sorted(
        (m for m in matches if m.weight >= AMBIGUOUS * most),
        key=lambda m: (-round(m.score, 2), m.layout.any_case, -m.weight),
    )
    best = near[0]
    for rival in near[1:]:
        if rival.layout.document_type != best.layout.document_type and (
            rival.score >= best.score - _TIE
        ):
            return None  # two kinds of form explain the page about as well: neither is trusted
    return best


def same_form(a: Layout, b: Layout) -> bool:
    """Whether two layouts describe the same form: ``b``'s printed words line up with ``a``'s."""
    if a.document_type != b.document_type:
        return False
    common = [(pa, pb) for pa in a.pages for pb in b.pages if pa.index == pb.index]
    for pa, pb in common:
        if len(pa.keys & pb.keys) < MIN_ANCHORS:
            return False
        by_key: dict[str, list[int]] = {}
        for j, anchor in enumerate(pb.anchors):
            if len(anchor.key) >= 2:
                by_key.setdefault(anchor.key, []).append(j)
        centres = np.array([x.centre for x in pb.anchors], dtype=np.float64).reshape(-1, 2)
        own = np.array([x.centre for x in pa.anchors], dtype=np.float64).reshape(-1, 2)
        aligned = align([x.key for x in pa.anchors], own, by_key, centres)
        if aligned is None:
            return False
        _matrix, found, pushed = aligned
        landmarks = sum(1 for x in pa.anchors if len(x.key) >= 2)
        present = sum(1 for x in pa.anchors if len(x.key) >= 2 and x.key in by_key)
        if not accepted(len(found) - 0.5 * len(pushed), landmarks, present, MIN_ANCHORS):
            return False
    return bool(common)


def match_layout(pages: Sequence[OcrPage], layout: Layout) -> Match | None:
    """How the pages lie against one given layout, if they show it."""
    return find_layout(pages, LayoutSet.of([layout]))


def layouts_of(layouts: Iterable[Layout], document_type: str) -> list[Layout]:
    """The layouts of one document type."""
    return [layout for layout in layouts if layout.document_type == document_type]
