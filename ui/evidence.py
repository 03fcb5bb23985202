"""Page images and word boxes of a result, in the shape the scan viewer draws.

Loading uses :class:`QImage`, which is safe off the GUI thread, so a document's
pages can be read by a worker before it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from medreview.errors import FileMissingError
from medreview.model import BBox, ExtractionResult, FieldData
from medreview.page_images import page_paths
from medreview.sealing import FileSeal


@dataclass(frozen=True, slots=True)
class PageFiles:
    """The images the pipeline wrote for one page, and the seal they are read through."""

    original: Path
    prepared: Path | None = None
    seal: FileSeal = dataclass_field(default_factory=lambda: FileSeal(None))


@dataclass(frozen=True, slots=True)
class LoadedPage:
    """One page's images in memory; ``original`` fixes the pixel space of every box.

    ``preview`` and ``prepared_preview`` are the same images at most
    :data:`PREVIEW_WIDTH` wide: painting a 300 dpi scan scaled down to a quarter
    on every repaint would cost tens of milliseconds; the previews are drawn
    instead whenever the page is shown small.
    """

    original: QImage
    prepared: QImage | None = None
    preview: QImage | None = None
    prepared_preview: QImage | None = None


PREVIEW_WIDTH = 1100
_DISPLAY_FORMAT = QImage.Format.Format_RGB32


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
        original, prepared = page_paths(image_dir, index)
        files.append(PageFiles(original, prepared if prepared.exists() else None))
    return files


def _read(path: Path, seal: FileSeal) -> QImage:
    """An image (sealed at rest) in the format the screen paints without converting it again."""
    image = QImage.fromData(seal.read(path))
    if image.isNull():
        raise FileMissingError(f"cannot read page image {path.name}")
    return image.convertToFormat(_DISPLAY_FORMAT)


def _preview(image: QImage) -> QImage | None:
    if image.width() <= PREVIEW_WIDTH:
        return None
    return image.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)


def load_page(files: PageFiles) -> LoadedPage:
    """Read one page's images and make their previews (safe on a worker thread)."""
    original = _read(files.original, files.seal)
    prepared = _read(files.prepared, files.seal) if files.prepared else None
    return LoadedPage(
        original, prepared, _preview(original), _preview(prepared) if prepared else None
    )


def load_pages(files: Sequence[PageFiles]) -> list[LoadedPage]:
    """Read every page image (call from a worker: large scans take a while)."""
    return [load_page(f) for f in files]


def evidence_of(result: ExtractionResult) -> list[EvidenceBox]:
    """The word boxes of every field, each with its own text and confidence when known.

    The contract keeps one ``ocr_text`` per field; when it has as many words as the
    field has boxes, each box gets its word, otherwise each box carries the
    field's whole text. Each box carries its own engine confidence
    (``box_confidences``); a result without them gives every box the field's.
    """
    boxes: list[EvidenceBox] = []
    for name, field in result.fields.items():
        if field.page is None:
            continue
        word_boxes = field.boxes or ((field.bbox,) if field.bbox else ())
        words = field.ocr_text.split()
        per_word = len(words) == len(word_boxes)
        confidences = field.box_confidences
        own = len(confidences) == len(word_boxes)
        for index, bbox in enumerate(word_boxes):
            text = words[index] if per_word else field.ocr_text
            confidence = confidences[index] if own else field.confidence
            boxes.append(EvidenceBox(name, field.page, bbox, text, confidence))
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
    # the fields the analyst already confirmed
    checked: frozenset[str] = frozenset()
    # double keying: fields keyed blind, and (for a supervisor) both keyings of each
    # field the two analysts keyed differently
    blind: frozenset[str] = frozenset()
    keyings: dict[str, tuple[FieldData, FieldData]] = dataclass_field(default_factory=dict)


def prepare_document(
    doc_id: int,
    name: str,
    result: ExtractionResult,
    files: Sequence[PageFiles],
    values: dict[str, FieldData] | None = None,
    checked: frozenset[str] = frozenset(),
    blind: frozenset[str] = frozenset(),
    keyings: dict[str, tuple[FieldData, FieldData]] | None = None,
) -> PreparedDocument:
    """Read a document's page images and evidence boxes (safe on a worker thread).

    The boxes of blind fields are left out unless the keyings are being decided:
    they would show the OCR text to an analyst keying blind.
    """
    hidden = blind if not keyings else frozenset()
    return PreparedDocument(
        doc_id,
        name,
        result,
        load_pages(files),
        [box for box in evidence_of(result) if box.field not in hidden],
        dict(values or {}),
        list(files),
        checked,
        blind,
        dict(keyings or {}),
    )
