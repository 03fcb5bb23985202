"""PDF copies of verified documents: searchable scans and clean copies, one PDF each.

Both formats write a ZIP holding one PDF per document (``000042-scan.pdf``),
each page the scan's page as the pipeline rendered it (the pixel space of every
field's evidence), at its size in points (pixels x 72 / dpi).

- ``pdf``: **searchable copy**. The page image with an invisible text layer
  (PDF text render mode 3) holding each field's *verified* value, placed on the
  boxes of the words it was read from: one word per box when the counts agree,
  one list item per line when they do, otherwise the value's words spread over
  the lines in proportion to their widths, each run stretched horizontally to
  its box (a list with fewer items than its evidence has lines, one item a
  line). Viewers find and select the values where they stand on the scan;
  ``pdftotext`` extracts them. A value with no evidence on the page (a field
  the analyst added) goes, still invisible, along the first page's bottom edge.
- ``clean``: the **clean copy**. Each word box of a field's evidence is painted
  over in the paper's colour around it (the median of the padded box, so a
  shaded phone photo gets no white patches) and the verified value is typed
  along the line, visibly, in a plain sans-serif face sized to it; the rest of
  the page (printed form, stamps, signatures) is the scan as it was.

The store keeps the words behind the fields, not every OCR word of the page, so
the text layer holds the verified values, not the page's other text.
ReportLab draws both (images, text with a render mode and horizontal scale, a
subset-embedded Unicode TrueType face); DejaVu Sans is used when installed
(Debian's fonts-dejavu-core), Helvetica otherwise (Latin-1 only).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Literal

import numpy as np
from PIL import Image

from medreview.errors import InternalError
from medreview.export import ExportOptions
from medreview.export.values import as_text
from medreview.model import BBox, FieldData
from medreview.progress import Progress
from medreview.store.records import DocumentRecord

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
_FONT_NAME = "MedreviewSans"
# Text height as a share of its box's height; the rest is ascender/descender room.
_FILL = 0.8
_PAD = 4  # pixels of white around a replaced word

Mode = Literal["searchable", "clean"]


@cache
def font_name() -> str:
    """A registered Unicode TrueType font if one is installed, else Helvetica.

    Also turns off ReportLab's ASCII85 stream encoding: binary streams are
    smaller, and its pure-Python encoder took 80% of a page's time.
    """
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    rl_config.useA85 = 0

    for path in FONT_CANDIDATES:
        if path.exists():
            pdfmetrics.registerFont(TTFont(_FONT_NAME, str(path)))
            return _FONT_NAME
    return "Helvetica"


@dataclass(frozen=True, slots=True)
class Run:
    """Text to place along one line of word boxes (pixel coordinates, left to right)."""

    text: str
    boxes: tuple[BBox, ...]


def lines_of(boxes: Iterable[BBox], skew_degrees: float = 0.0) -> list[tuple[BBox, ...]]:
    """Word boxes grouped into lines, each left to right, lines top down.

    On a page scanned askew a line's boxes climb or fall across the page, often
    by more than the line spacing, so boxes are compared in the page's deskewed
    frame (``skew_degrees`` > 0: lines rise to the right).
    """
    slope = math.tan(math.radians(skew_degrees))

    def level(box: BBox) -> float:
        return box.center_y + slope * (box.x0 + box.x1) / 2

    lines: list[list[BBox]] = []
    for box in sorted(boxes, key=level):
        for line in lines:
            reference = sum(level(b) for b in line) / len(line)
            height = max(min(b.height for b in line), box.height)
            if abs(level(box) - reference) < 0.5 * height:
                line.append(box)
                break
        else:
            lines.append([box])
    ordered = [tuple(sorted(line, key=lambda b: b.x0)) for line in lines]
    return sorted(ordered, key=lambda line: sum(level(b) for b in line) / len(line))


def _spread(words: list[str], lines: Sequence[tuple[BBox, ...]]) -> list[str]:
    """Words spread over lines in proportion to the lines' widths, in order."""
    widths = [line[-1].x1 - line[0].x0 for line in lines]
    total = sum(widths) or 1
    texts: list[str] = []
    start = covered = 0
    for index, width in enumerate(widths):
        covered += width
        end = len(words) if index == len(lines) - 1 else round(len(words) * covered / total)
        end = max(end, start)
        texts.append(" ".join(words[start:end]))
        start = end
    return texts


def runs_for(value: FieldData, boxes: Sequence[BBox], skew_degrees: float = 0.0) -> list[Run]:
    """Where a value's text goes over its evidence boxes (see the module docstring)."""
    items = [str(item) for item in value] if isinstance(value, list) else [as_text(value)]
    items = [item for item in items if item.strip()]
    if not items or not boxes:
        return []
    lines = lines_of(boxes, skew_degrees)
    if isinstance(value, list) and len(items) <= len(lines):
        # one item a line; lines left over (the analyst removed an item) stay empty
        texts = items + [""] * (len(lines) - len(items))
    else:
        texts = _spread(" ".join(items).split(), lines)
    return [Run(text, line) for text, line in zip(texts, lines, strict=True)]


def _page_runs(record: DocumentRecord) -> tuple[dict[int, list[Run]], list[str]]:
    """Runs per page, and the values with no evidence to place them on."""
    per_page: dict[int, list[Run]] = {}
    unplaced: list[str] = []
    skews = {page.index: page.skew_degrees for page in record.result.pages}
    for name, value in record.final_values().items():
        found = record.result.fields.get(name)
        runs: list[Run] = []
        if found is not None and found.page is not None:
            runs = runs_for(value, found.boxes, skews.get(found.page, 0.0))
        if not runs or found is None or found.page is None:
            unplaced.append(f"{name.replace('_', ' ')}: {as_text(value)}")
            continue
        per_page.setdefault(found.page, []).extend(runs)
    return per_page, unplaced


@dataclass(frozen=True, slots=True)
class _Placement:
    """A run in PDF points: start of its baseline, its angle, length and text height."""

    x: float
    y: float
    angle: float
    length: float
    height: float


def _place(run: Run, scale: float, page_h: float, skew_degrees: float) -> _Placement:
    first, last = run.boxes[0], run.boxes[-1]
    heights = sorted(b.height for b in run.boxes)
    angle = math.radians(skew_degrees)
    # The median box is as tall as the text plus what the slope adds across a word.
    height = heights[len(heights) // 2] * scale
    width = (last.x1 - first.x0) * scale
    length = width / math.cos(angle)
    x = first.x0 * scale
    y = page_h - first.y1 * scale
    return _Placement(x, y, skew_degrees, length, max(height, 1.0))


def _fit_size(text: str, font: str, place: _Placement) -> float:
    """The font size that fills the text height without running past the line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = place.height * _FILL
    natural = stringWidth(text, font, size)
    if natural > place.length > 0:
        size *= place.length / natural
    return max(size, 1.0)


def _pixels(png: bytes) -> np.ndarray:
    """A page image (its file's bytes) as an RGB array."""
    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGB"))


def _background(pixels: np.ndarray | None, box: BBox) -> tuple[float, float, float]:
    """The paper's colour around a word: the median of its padded box (text is the minority)."""
    if pixels is None:
        return (1.0, 1.0, 1.0)
    height, width = pixels.shape[:2]
    crop = pixels[
        max(0, box.y0 - _PAD) : min(height, box.y1 + _PAD),
        max(0, box.x0 - _PAD) : min(width, box.x1 + _PAD),
    ]
    if crop.size == 0:
        return (1.0, 1.0, 1.0)
    red, green, blue = (float(v) / 255 for v in np.median(crop.reshape(-1, 3), axis=0))
    return (red, green, blue)


def document_pdf(record: DocumentRecord, mode: Mode) -> bytes:
    """One document's searchable or clean PDF."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    if not record.image_paths:
        raise InternalError(f"document {record.id} has no page images to copy")
    font = font_name()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1, invariant=1)
    canvas.setTitle(f"medreview document {record.id}")
    canvas.setCreator("medreview")
    per_page, unplaced = _page_runs(record)
    pages = {page.index: page for page in record.result.pages}
    for index, image_path in enumerate(record.image_paths):
        png = record.seal.read(image_path)  # page images are sealed at rest
        reader = ImageReader(io.BytesIO(png))
        width_px, height_px = reader.getSize()
        pixels = _pixels(png) if mode == "clean" else None
        info = pages.get(index)
        scale = 72.0 / (info.dpi if info is not None and info.dpi else 300)
        skew = info.skew_degrees if info is not None else 0.0
        page_w, page_h = width_px * scale, height_px * scale
        canvas.setPageSize((page_w, page_h))
        canvas.drawImage(reader, 0, 0, page_w, page_h)
        for run in per_page.get(index, []):
            if not run.text and mode == "searchable":
                continue
            place = _place(run, scale, page_h, skew)
            size = _fit_size(run.text, font, place)
            canvas.saveState()
            if mode == "clean":
                pad = _PAD * scale
                for box in run.boxes:
                    canvas.setFillColorRGB(*_background(pixels, box))
                    canvas.rect(
                        box.x0 * scale - pad,
                        page_h - box.y1 * scale - pad,
                        box.width * scale + 2 * pad,
                        box.height * scale + 2 * pad,
                        stroke=0,
                        fill=1,
                    )
                canvas.setFillColorRGB(0, 0, 0)
            text = canvas.beginText()
            text.setFont(font, size)
            if mode == "searchable":
                # Invisible, level across the line's middle (text extraction reads
                # level text in order; a slanted run comes out in pieces), and
                # stretched to the line, never squeezed: pdftotext drops letters
                # that overlap their neighbours.
                text.setTextRenderMode(3)
                width = (run.boxes[-1].x1 - run.boxes[0].x0) * scale
                natural = stringWidth(run.text, font, size) or 1.0
                text.setHorizScale(max(100.0, 100.0 * width / natural))
                middle = sum(b.center_y for b in run.boxes) / len(run.boxes)
                text.setTextOrigin(place.x, page_h - middle * scale - size * 0.35)
            else:
                # Typed along the line, as the scan's own text runs.
                canvas.translate(place.x, place.y)
                canvas.rotate(place.angle)
                text.setTextOrigin(0, place.height * 0.2)
            if run.text:
                text.textOut(run.text)
                canvas.drawText(text)
            canvas.restoreState()
        if index == 0 and unplaced:
            size = 6.0
            text = canvas.beginText()
            text.setTextRenderMode(3 if mode == "searchable" else 0)
            text.setFont(font, size)
            text.setTextOrigin(4, 4 + size * (len(unplaced) - 1))
            for line in unplaced:
                text.textLine(line)
            canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def member_name(record: DocumentRecord) -> str:
    """The document's file name inside the ZIP."""
    stem = Path(record.source_name).stem or "document"
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)[:80]
    return f"{record.id:06d}-{safe}.pdf"


def _write_zip(
    records: Sequence[DocumentRecord], out: IO[bytes], progress: Progress, mode: Mode
) -> None:
    progress.begin(
        len(records), "Writing searchable PDFs" if mode == "searchable" else "Writing clean copies"
    )
    try:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
            for record in records:
                archive.writestr(member_name(record), document_pdf(record, mode))
                progress.advance()
    finally:
        progress.end()


def write_searchable(
    records: Sequence[DocumentRecord], out: IO[bytes], progress: Progress, options: ExportOptions
) -> None:
    """A ZIP of searchable PDFs, one per document."""
    _write_zip(records, out, progress, "searchable")


def write_clean(
    records: Sequence[DocumentRecord], out: IO[bytes], progress: Progress, options: ExportOptions
) -> None:
    """A ZIP of clean copies, one per document."""
    _write_zip(records, out, progress, "clean")
