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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from medreview.layouts.format import Layout, LayoutPage, LayoutSet, word_key
from medreview.model import OcrPage, Word

# A layout is a candidate when this share of its anchors' texts occur on the page at all...
MIN_PRESENT = 0.4
# ... and it matches when this share of its anchors is found in place,
MIN_COVERAGE = 0.35
# and this share of those whose text the page shows at all (a word of the layout's that
# the page prints elsewhere speaks against it; one it does not print at all, such as a
# previous prescriber's street, does not),
MIN_PLACED = 0.72
# with at least this many anchors found.
MIN_ANCHORS = 6
# How many candidates get a geometric check, best first.
CANDIDATES = 6
# An anchor is "in place" within this distance (shares of the page) of where the
# alignment puts it; RANSAC keeps correspondences within the same distance.
TOLERANCE = 0.018
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
        return cls(page, keys, centres, {k: tuple(v) for k, v in by_key.items()})

    @property
    def words(self) -> tuple[Word, ...]:
        """The page's words."""
        return self.page.words


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

    @property
    def weight(self) -> float:
        """Anchors found: those found where the alignment puts them count fully, pushed half."""
        return len(self.found) - 0.5 * len(self.pushed)

    @property
    def landmarks(self) -> int:
        """The layout page's anchors that can be found (single characters cannot)."""
        return sum(1 for a in self.layout_page.anchors if len(a.key) >= 2)

    @property
    def coverage(self) -> float:
        """Share of the layout page's landmarks found (pushed ones counting half)."""
        return self.weight / max(1, self.landmarks)

    @property
    def present(self) -> int:
        """The layout page's landmarks whose text the page shows somewhere."""
        keys = self.words.by_key
        return sum(1 for a in self.layout_page.anchors if len(a.key) >= 2 and a.key in keys)

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
    return _IndexedPage(page, frozenset(by_key), centres, {k: tuple(v) for k, v in by_key.items()})


@lru_cache(maxsize=8)
def _indexed(layouts: LayoutSet) -> tuple[_IndexedLayout, ...]:
    """The set's layouts with their lookup tables (built once per process and set)."""
    return tuple(
        _IndexedLayout(layout, tuple(_index_page(p) for p in layout.pages))
        for layout in layouts.layouts
    )


def _present_share(indexed: _IndexedLayout, pages: Mapping[int, PageWords]) -> float:
    total = found = 0
    for lp in indexed.pages:
        words = pages.get(lp.page.index)
        if words is None:
            continue
        total += len(lp.keys)
        found += sum(1 for key in lp.keys if key in words.by_key)
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
) -> tuple[np.ndarray, dict[int, int], set[int]] | None:
    """A homography from anchor centres to the points of the same keys, and who is who.

    ``anchors`` are the anchors' keys, ``by_key`` the points' indices per key.
    A similarity (tilt, scale, shift) is fitted first with RANSAC; when its inliers
    spread over the page, a homography fitted to them adds perspective. Returns the
    matrix, per anchor found its point's index, and which of those were pushed
    (found away from where the alignment puts them).
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
    found, pushed = _place(anchors, anchor_centres, by_key, centres, matrix, tolerance)
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
) -> tuple[dict[int, int], set[int]]:
    """Each anchor's same-key point where the alignment puts it (one point per anchor).

    An anchor further away but alone of its text on the page and in the layout,
    and moved mostly up or down, is found too: the form's content pushed it.
    """
    predicted = cv2.perspectiveTransform(anchor_centres.reshape(-1, 1, 2), matrix).reshape(-1, 2)
    counts: dict[str, int] = {}
    for key in anchors:
        counts[key] = counts.get(key, 0) + 1
    pairs: list[tuple[float, int, int]] = []
    for i, key in enumerate(anchors):
        hits = by_key.get(key, ())
        for j in hits:
            dx, dy = centres[j] - predicted[i]
            distance = float(np.hypot(dx, dy))
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


def _align_page(lp: _IndexedPage, words: PageWords) -> PageAlignment | None:
    keys = [a.key for a in lp.page.anchors]
    aligned = align(keys, lp.centres, words.by_key, words.centres)
    if aligned is None:
        return None
    matrix, found, pushed = aligned
    return PageAlignment(lp.page, words, matrix, found, frozenset(pushed))


def _try(indexed: _IndexedLayout, pages: Mapping[int, PageWords]) -> Match | None:
    alignments: dict[int, PageAlignment] = {}
    for lp in indexed.pages:
        words = pages.get(lp.page.index)
        if words is None:
            continue
        alignment = _align_page(lp, words)
        if alignment is None or not accepted(
            alignment.weight, alignment.landmarks, alignment.present, 0
        ):
            return None  # every page the document has must be the layout's
        alignments[lp.page.index] = alignment
    if not alignments:
        return None
    match = Match(indexed.layout, alignments)
    landmarks = sum(a.landmarks for a in alignments.values())
    present = sum(a.present for a in alignments.values())
    return match if accepted(match.weight, landmarks, present, MIN_ANCHORS) else None


def accepted(found: float, landmarks: int, present: int, least: int) -> bool:
    """Whether ``found`` anchors of a layout's ``landmarks`` (``present`` of them shown) match."""
    return found >= least and found >= MIN_COVERAGE * landmarks and found >= MIN_PLACED * present


def find_layout(
    pages: Sequence[OcrPage],
    layouts: LayoutSet,
    *,
    document_type: str | None = None,
) -> Match | None:
    """The layout the pages show best (of ``document_type`` when given), or ``None``."""
    if not layouts.layouts or not pages:
        return None
    indexed = [
        item
        for item in _indexed(layouts)
        if document_type is None or item.layout.document_type == document_type
    ]
    words = {page.index: PageWords.of(page) for page in pages}
    shares = [(_present_share(item, words), n, item) for n, item in enumerate(indexed)]
    ranked = sorted((s for s in shares if s[0] >= MIN_PRESENT), key=lambda s: (-s[0], s[1]))
    best: Match | None = None
    for _share, _n, item in ranked[:CANDIDATES]:
        match = _try(item, words)
        if match is not None and (best is None or match.score > best.score):
            best = match
    return best


def match_layout(pages: Sequence[OcrPage], layout: Layout) -> Match | None:
    """How the pages lie against one given layout, if they show it."""
    return find_layout(pages, LayoutSet.of([layout]))


def layouts_of(layouts: Iterable[Layout], document_type: str) -> list[Layout]:
    """The layouts of one document type."""
    return [layout for layout in layouts if layout.document_type == document_type]
