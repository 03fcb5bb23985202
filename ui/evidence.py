"""Page images and word boxes of a result, in the shape the scan viewer draws.

Loading uses :class:`QImage`, which is safe off the GUI thread, so a document's
pages can be read by a worker before it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from medreview.errors import FileMissingError
from medreview.model import BBox, ExtractionResult, FieldData


@dataclass(frozen=True, slots=True)
class PageFiles:
    """The images the pipeline wrote for one page."""

    original: Path
    prepared: Path | None = None


@dataclass(frozen=True, slots=True)
class LoadedPage:
    """One page's images in memory; ``original`` fixes the pixel space of every box."""

    original: QImage
    prepared: QImage | None = None


@dataclass(frozen=True, slots=True)
class EvidenceBox:
    """One word box behind a field, with the text the engine read there."""

    field: str
    page: int
    bbox: BBox
    text: str
    confidence: float


def page_files(image_dir: Path, page_count: int) -> list[PageFiles]:
    """The pipeline's ``page-NNN.png`` / ``page-NNN-prepared.png`` pairs in ``image_dir``."""
    files = []
    for index in range(page_count):
        prepared = image_dir / f"page-{index:03d}-prepared.png"
        files.append(
            PageFiles(
                image_dir / f"page-{index:03d}.png",
                prepared if prepared.exists() else None,
            )
        )
    return files


def _read(path: Path) -> QImage:
    image = QImage(str(path))
    if image.isNull():
        raise FileMissingError(f"cannot read page image {path.name}")
    return image


def load_pages(files: Sequence[PageFiles]) -> list[LoadedPage]:
    """Read every page image (call from a worker: large scans take a while)."""
    return [LoadedPage(_read(f.original), _read(f.prepared) if f.prepared else None) for f in files]


def evidence_of(result: ExtractionResult) -> list[EvidenceBox]:
    """The word boxes of every field, each with its own text when it can be told.

    The contract keeps one ``ocr_text`` per field; when it has as many words as the
    field has boxes, each box gets its word, otherwise each box carries the
    field's whole text.
    """
    boxes: list[EvidenceBox] = []
    for name, field in result.fields.items():
        if field.page is None:
            continue
        word_boxes = field.boxes or ((field.bbox,) if field.bbox else ())
        words = field.ocr_text.split()
        per_word = len(words) == len(word_boxes)
        for index, bbox in enumerate(word_boxes):
            text = words[index] if per_word else field.ocr_text
            boxes.append(EvidenceBox(name, field.page, bbox, text, field.confidence))
    return boxes


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """Everything the window needs to show a document at once, read ahead by a worker."""

    doc_id: int
    name: str
    result: ExtractionResult
    pages: list[LoadedPage]
    evidence: list[EvidenceBox]
    values: dict[str, FieldData]
    page_files: list[PageFiles]


def prepare_document(
    doc_id: int,
    name: str,
    result: ExtractionResult,
    files: Sequence[PageFiles],
    values: dict[str, FieldData] | None = None,
) -> PreparedDocument:
    """Read a document's page images and evidence boxes (safe on a worker thread)."""
    return PreparedDocument(
        doc_id,
        name,
        result,
        load_pages(files),
        evidence_of(result),
        dict(values or {}),
        list(files),
    )
