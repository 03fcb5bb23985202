"""Reading a field's region again when the page's OCR left lines of it unread.

The engine reading a whole page sometimes misses a line of text (a line of
directions under a heading, a medicine between two others). A layout knows
where each value sits, so the page image tells where such a line was missed:
a band of ink inside a field's region, as tall as a line of text, with no word
on it. Only then is the region cut out and read again by the same engine (a
small image, so it costs a fraction of a page), and the words it finds where the
page's reading had none join the page's words before the layout reads the page
again. Regions whose every line of ink holds a word are never re-read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import cv2
import numpy as np

from medreview.config import DateOrder
from medreview.documents import FieldKind, fields_of
from medreview.layouts.format import Box, Layout
from medreview.layouts.matching import Match, PageAlignment, PageWords
from medreview.layouts.reading import LayoutReading, read_page_fields
from medreview.model import BBox, OcrPage, Word
from medreview.ocr.region import read_region

if TYPE_CHECKING:
    from medreview.ocr import GrayImage, OcrEngine

# Pixels darker than this are ink.
INK_LEVEL = 150
# A row of a region is inked when at least this share of its width is ink ...
_ROW_INK = 0.01
# ... and a drawn rule (a row or column inked over this share) is no text.
_RULE_SHARE = 0.5
# A band of inked rows is a line of text when at least this share of a word's height.
_LINE_SHARE = 0.5
# Unread ink at least this many lines' heights wide is a line the page's reading missed.
_UNREAD_LINES = 3.0


def reread_missed_lines(
    match: Match,
    readings: Mapping[str, LayoutReading],
    images: Sequence[GrayImage | None],
    engine: OcrEngine,
    order: DateOrder,
) -> dict[str, LayoutReading]:
    """The layout's readings, with the fields whose regions hold unread lines read again.

    ``images`` are the document's upright gray pages in page order (the word boxes'
    pixel space). A field is replaced only when its new reading uses more words.
    """
    results = dict(readings)
    kinds = {spec.name: spec.kind for spec in fields_of(match.layout.document_type)}
    for index, alignment in match.pages.items():
        image = images[index] if 0 <= index < len(images) else None
        if image is None:
            continue
        page = alignment.words.page
        added: list[Word] = []
        names: list[str] = []
        for region in match.layout.fields:
            if region.page != alignment.layout_page.index or not _multiline(
                kinds.get(region.name), region.name
            ):
                continue
            box = _page_box(_region_box(region.name, readings, alignment, match.layout), alignment)
            missed = missed_ink(image, box, page) if box is not None else []
            if box is None or not missed:
                continue
            found = _read_missed(image, box, page, engine, missed)
            if found:
                added += found
                names.append(region.name)
        if not added:
            continue
        more = replace(page, words=(*page.words, *added))
        again = read_page_fields(match.layout, replace(alignment, words=PageWords.of(more)), order)
        for name in names:
            new, old = again.get(name), results.get(name)
            if new is not None and (old is None or len(new.result.boxes) > len(old.result.boxes)):
                results[name] = replace(new, reread=True)
    return results


def _multiline(kind: FieldKind | None, name: str) -> bool:
    """Whether a field's value runs over several lines (a list, directions, an address)."""
    return kind is FieldKind.LIST or name == "directions"


def _region_box(
    name: str, readings: Mapping[str, LayoutReading], alignment: PageAlignment, layout: Layout
) -> Box:
    """Where the field's region lies on this page, in the layout's frame (moved as read)."""
    reading = readings.get(name)
    if reading is not None:
        return reading.box
    return next(r.box for r in layout.fields if r.name == name)


def _page_box(box: Box, alignment: PageAlignment) -> BBox | None:
    """A box of the layout's frame in the page's pixels (the bounding box of its corners)."""
    page = alignment.words.page
    x0, y0, x1, y1 = box
    corners = np.array([[[x0, y0]], [[x1, y0]], [[x1, y1]], [[x0, y1]]], dtype=np.float64)
    mapped = cv2.perspectiveTransform(corners, alignment.to_page).reshape(-1, 2)
    xs = np.clip(mapped[:, 0] * page.width, 0, page.width)
    ys = np.clip(mapped[:, 1] * page.height, 0, page.height)
    left, top, right, bottom = int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())
    if right - left < 8 or bottom - top < 8:
        return None
    return BBox(left, top, right, bottom)


def _line_height(page: OcrPage) -> float:
    heights = [w.bbox.height for w in page.words]
    return float(np.median(heights)) if heights else 0.0


def _ink(gray: GrayImage, box: BBox, height: float) -> np.ndarray:
    """The region's ink (True where dark), drawn rules and the page's dark edges left out.

    A rule is ink running straight (or nearly: a page scanned askew) for twice a line's
    height or more, across or down; no letter of text does.
    """
    dark = gray[box.y0 : box.y1, box.x0 : box.x1] < INK_LEVEL
    if dark.size == 0:
        return dark
    ink = dark.astype(np.uint8)
    length = max(8, int(2 * height))
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    rules = cv2.dilate(np.maximum(across, down), np.ones((5, 5), np.uint8))
    return np.asarray(dark & (rules == 0), dtype=bool)


def ink_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """The bands of rows of the region's ink (rows of the region)."""
    if ink.size == 0:
        return []
    inked = ink.sum(axis=1) >= max(3, _ROW_INK * ink.shape[1])
    bands: list[tuple[int, int]] = []
    start: int | None = None
    for row, on in enumerate([*inked.tolist(), False]):
        if on and start is None:
            start = row
        elif not on and start is not None:
            bands.append((start, row))
            start = None
    return bands


def missed_ink(gray: GrayImage, box: BBox, page: OcrPage) -> list[BBox]:
    """Stretches of the region's ink, as tall as text and wide as words, no page word covers.

    Each band of inked rows at least half a line tall is looked along: the columns its
    ink spans, less those of the page's words on the band (and half a line beside
    them), are unread when they add up to three lines' height or more. Page pixels.
    """
    height = _line_height(page)
    if height <= 0:
        return []
    ink = _ink(gray, box, height)
    if ink.size == 0:
        return []
    missed = []
    for top, bottom in ink_bands(ink):
        if bottom - top < _LINE_SHARE * height:
            continue  # a speck, a dotted rule
        columns = ink[top:bottom].any(axis=0)
        covered = np.zeros_like(columns)
        y0, y1 = box.y0 + top, box.y0 + bottom
        for word in page.words:
            b = word.bbox
            if min(y1, b.y1) - max(y0, b.y0) > 0:
                left = max(0, int(b.x0 - box.x0 - height / 2))
                covered[left : max(left, int(b.x1 - box.x0 + height / 2))] = True
        unread = columns & ~covered
        if unread.sum() >= _UNREAD_LINES * height:
            xs = np.flatnonzero(unread)
            missed.append(BBox(box.x0 + int(xs[0]), y0, box.x0 + int(xs[-1]) + 1, y1))
    return missed


def _read_missed(
    gray: GrayImage, box: BBox, page: OcrPage, engine: OcrEngine, missed: Sequence[BBox]
) -> list[Word]:
    """The words the engine reads in the region on the ink the page's reading missed."""
    read = read_region(engine, gray, box, page.index)
    found = []
    for word in read:
        cx, cy = (word.bbox.x0 + word.bbox.x1) / 2, (word.bbox.y0 + word.bbox.y1) / 2
        if not any(m.y0 <= cy <= m.y1 for m in missed) or any(
            o.bbox.x0 <= cx <= o.bbox.x1 and o.bbox.y0 <= cy <= o.bbox.y1 for o in page.words
        ):
            continue  # not on a line the page's reading missed, or read there already
        found.append(word)
    return found
