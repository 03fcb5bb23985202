"""The field snippet: the focused field's region of the scan, enlarged beside its editor.

Checking a value should need no zooming: the snippet shows the words behind
the field at a readable size, with each word's own confidence, and outlines in
red the words the engine was unsure of.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from medreview.model import BBox
from ui.confidence import HIGH_THRESHOLD, accent, level_of
from ui.evidence import EvidenceBox, LoadedPage

# Pixels of page kept around the field's words, and the snippet's size limits on screen.
MARGIN = 14
MAX_HEIGHT = 150
TEXT_HEIGHT = 30  # the words' height on screen when the width allows it
MAX_SCALE = 2.5


@dataclass(frozen=True, slots=True)
class SnippetImage:
    """A crop of a page around one field; ``words`` in the crop's pixel space."""

    image: QImage
    words: tuple[tuple[QRectF, float], ...]
    line_height: float


def cut_snippet(page: LoadedPage, boxes: list[EvidenceBox]) -> SnippetImage | None:
    """The region of ``page`` holding ``boxes`` (one field's word boxes), or None."""
    if not boxes:
        return None
    area = BBox.union(b.bbox for b in boxes)
    source = page.original
    rect = QRect(
        max(0, area.x0 - MARGIN),
        max(0, area.y0 - MARGIN),
        area.width + 2 * MARGIN,
        area.height + 2 * MARGIN,
    ).intersected(source.rect())
    if rect.isEmpty():
        return None
    words = tuple(
        (
            QRectF(b.bbox.x0 - rect.x(), b.bbox.y0 - rect.y(), b.bbox.width, b.bbox.height),
            b.confidence,
        )
        for b in boxes
    )
    heights = sorted(b.bbox.height for b in boxes)
    return SnippetImage(source.copy(rect), words, float(heights[len(heights) // 2]))


class FieldSnippet(QWidget):
    """Paints a :class:`SnippetImage` scaled to a readable size within the form's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldSnippet")
        self._snippet: SnippetImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.hide()

    @property
    def snippet(self) -> SnippetImage | None:
        """What is shown."""
        return self._snippet

    def set_snippet(self, snippet: SnippetImage | None) -> None:
        """Show a crop (hidden when None)."""
        self._snippet = snippet
        self.setVisible(snippet is not None)
        self.updateGeometry()
        self.update()

    def scale(self, width: int | None = None) -> float:
        """Screen pixels per page pixel: text at least readable, the crop within bounds."""
        snippet = self._snippet
        if snippet is None:
            return 1.0
        image = snippet.image
        available = max(80, (width or self.width() or 400) - 4)
        wanted = TEXT_HEIGHT / max(1.0, snippet.line_height)
        fit = min(available / max(1, image.width()), MAX_HEIGHT / max(1, image.height()))
        return max(0.05, min(MAX_SCALE, wanted, fit))

    def sizeHint(self) -> QSize:
        """As tall as the scaled crop."""
        if self._snippet is None:
            return QSize(0, 0)
        height = int(self._snippet.image.height() * self.scale()) + 4
        return QSize(200, min(MAX_HEIGHT + 4, height))

    def heightForWidth(self, width: int) -> int:
        """Height of the scaled crop at ``width``."""
        if self._snippet is None:
            return 0
        return min(MAX_HEIGHT + 4, int(self._snippet.image.height() * self.scale(width)) + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The crop, then the words' outlines coloured by their own confidence."""
        snippet = self._snippet
        if snippet is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale = self.scale()
        target = QRectF(2, 2, snippet.image.width() * scale, snippet.image.height() * scale)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.drawImage(target, snippet.image)
        for rect, confidence in snippet.words:
            if confidence >= HIGH_THRESHOLD:
                continue
            pen = QPen(accent(level_of(confidence)), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                QRectF(
                    2 + rect.x() * scale - 1,
                    2 + rect.y() * scale - 1,
                    rect.width() * scale + 2,
                    rect.height() * scale + 2,
                )
            )
        painter.setPen(QPen(QColor("#9aa0a6"), 1))
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        painter.end()

    def low_confidence_words(self) -> int:
        """How many words are outlined as doubtful."""
        if self._snippet is None:
            return 0
        return sum(1 for _, c in self._snippet.words if c < HIGH_THRESHOLD)
