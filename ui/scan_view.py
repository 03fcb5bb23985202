"""The scan viewer: zoom, pan, pages, rotation, original/prepared, and the evidence overlay.

Mouse grammar (the overlay's word boxes are the evidence behind the fields):
click a word box to pick its text; shift-drag over several to pick them in
reading order; drag on the page to draw a region to re-read; middle-drag or
space-drag to pan; the wheel zooms around the cursor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QWidget,
)

from medreview.model import BBox
from ui.confidence import FOCUS_ACCENT, accent, level_of
from ui.evidence import EvidenceBox, LoadedPage

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
# Below this many view pixels a press-release is a click, not a drag.
CLICK_SLOP = 4


class OverlayBox(QGraphicsRectItem):
    """One word box of the overlay; hovering shows its text and confidence."""

    def __init__(self, evidence: EvidenceBox, label: str) -> None:
        b = evidence.bbox
        super().__init__(QRectF(b.x0, b.y0, b.width, b.height))
        self.evidence = evidence
        self._focused = False
        self._hovered = False
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setToolTip(
            f"<b>{label}</b><br>OCR text: {_escape(evidence.text)}<br>"
            f"Confidence: {evidence.confidence:.0%}"
        )
        self._restyle()

    @property
    def focused(self) -> bool:
        """True when the box belongs to the focused field."""
        return self._focused

    def set_focused(self, focused: bool) -> None:
        """Highlight (or not) as part of the focused field."""
        self._focused = focused
        self._restyle()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Brighten under the cursor."""
        self._hovered = True
        self._restyle()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Back to normal."""
        self._hovered = False
        self._restyle()
        super().hoverLeaveEvent(event)

    def _restyle(self) -> None:
        colour = (
            QColor(FOCUS_ACCENT) if self._focused else accent(level_of(self.evidence.confidence))
        )
        pen = QPen(colour, 3 if self._focused else 2)
        pen.setCosmetic(True)
        fill = QColor(colour)
        fill.setAlpha(90 if self._hovered else 55 if self._focused else 25)
        self.setPen(pen)
        self.setBrush(QBrush(fill))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(slots=True)
class _Drag:
    """A mouse gesture in progress."""

    mode: str  # "word", "words", "region" or "pan"
    press_view: QPointF
    press_scene: QPointF
    box: OverlayBox | None = None
    last_view: QPointF = field(default_factory=QPointF)


class ScanView(QGraphicsView):
    """Shows one page of a document at a time, with the evidence boxes over it."""

    wordsPicked = Signal(list)
    regionDrawn = Signal(int, object)
    pageChanged = Signal(int, int)
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#5f6368"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._pages: list[LoadedPage] = []
        self._rotation: list[int] = []
        self._evidence: list[EvidenceBox] = []
        self._labels: dict[str, str] = {}
        self._page = 0
        self._zoom = 1.0
        self._fit: str | None = "width"
        self._prepared = False
        self._focused_field: str | None = None
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._pixmap_key: tuple[int, bool, bool] | None = None
        self._boxes: list[OverlayBox] = []
        self._band = QGraphicsRectItem()
        band_pen = QPen(QColor(FOCUS_ACCENT), 1, Qt.PenStyle.DashLine)
        band_pen.setCosmetic(True)
        self._band.setPen(band_pen)
        self._band.setBrush(QColor(26, 95, 180, 40))
        self._band.setZValue(20)
        self._drag: _Drag | None = None
        self._space_down = False

    # ----- content -------------------------------------------------------------------------

    def set_document(
        self,
        pages: list[LoadedPage],
        evidence: list[EvidenceBox],
        labels: dict[str, str] | None = None,
    ) -> None:
        """Show a new document from its first page, fitted to the width."""
        self._pages = list(pages)
        self._rotation = [0] * len(pages)
        self._evidence = list(evidence)
        self._labels = dict(labels or {})
        self._focused_field = None
        self._fit = "width"
        self._page = 0
        self._show()

    def clear_document(self) -> None:
        """Show nothing (no document open)."""
        self.set_document([], [])

    @property
    def page(self) -> int:
        """Index of the page shown."""
        return self._page

    @property
    def page_count(self) -> int:
        """Number of pages of the document."""
        return len(self._pages)

    @property
    def zoom(self) -> float:
        """Current scale of the page (1.0 is one image pixel per screen pixel)."""
        return self._zoom

    @property
    def rotation(self) -> int:
        """Rotation of the page shown, in degrees clockwise."""
        return self._rotation[self._page] if self._pages else 0

    @property
    def showing_prepared(self) -> bool:
        """True when the preprocessed image is shown instead of the original."""
        return self._prepared

    def boxes(self) -> list[OverlayBox]:
        """The overlay boxes on the page shown."""
        return list(self._boxes)

    def boxes_of(self, field_name: str) -> list[OverlayBox]:
        """The overlay boxes of one field on the page shown."""
        return [b for b in self._boxes if b.evidence.field == field_name]

    def _show(self) -> None:
        scene = self.scene()
        if self._band.scene() is not None:
            scene.removeItem(self._band)
        scene.clear()
        self._boxes = []
        self._pixmap_item = None
        if not self._pages:
            scene.setSceneRect(QRectF())
            self.pageChanged.emit(0, 0)
            return
        page = self._pages[self._page]
        width, height = page.original.width(), page.original.height()
        item = QGraphicsPixmapItem()
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._pixmap_item = item
        self._pixmap_key = None
        self._update_pixmap()
        scene.addItem(item)
        for evidence in self._evidence:
            if evidence.page == self._page:
                box = OverlayBox(evidence, self._labels.get(evidence.field, evidence.field))
                box.set_focused(evidence.field == self._focused_field)
                scene.addItem(box)
                self._boxes.append(box)
        scene.addItem(self._band)
        self._band.hide()
        scene.setSceneRect(QRectF(0, 0, width, height))
        self._apply_transform()
        self.pageChanged.emit(self._page, len(self._pages))

    def _update_pixmap(self) -> None:
        """Show the image (original or prepared) at the resolution the zoom needs."""
        item = self._pixmap_item
        if item is None or not self._pages:
            return
        page = self._pages[self._page]
        full = page.prepared if self._prepared and page.prepared is not None else page.original
        preview = page.prepared_preview if full is page.prepared else page.preview
        small = preview is not None and self._zoom * page.original.width() <= preview.width()
        image = preview if small and preview is not None else full
        key = (self._page, self._prepared, small)
        if key == self._pixmap_key:
            return
        self._pixmap_key = key
        item.setPixmap(QPixmap.fromImage(image))
        width, height = page.original.width(), page.original.height()
        item.setTransform(
            QTransform.fromScale(width / max(1, image.width()), height / max(1, image.height()))
        )

    # ----- pages, image, rotation ---------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Switch to page ``index`` (clamped)."""
        if not self._pages:
            return
        index = max(0, min(index, len(self._pages) - 1))
        if index != self._page:
            self._page = index
            self._show()

    def next_page(self) -> None:
        """Show the following page."""
        self.show_page(self._page + 1)

    def previous_page(self) -> None:
        """Show the preceding page."""
        self.show_page(self._page - 1)

    def set_show_prepared(self, prepared: bool) -> None:
        """Show the preprocessed image (``True``) or the original scan."""
        if prepared != self._prepared:
            self._prepared = prepared
            self._show()

    def toggle_prepared(self) -> None:
        """Swap between the original and the preprocessed image."""
        self.set_show_prepared(not self._prepared)

    def rotate_page(self, degrees: int = 90) -> None:
        """Turn the page shown by ``degrees`` clockwise (for viewing; boxes follow)."""
        if self._pages:
            self._rotation[self._page] = (self._rotation[self._page] + degrees) % 360
            self._apply_transform()

    # ----- zoom ----------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        """Scale the page; leaves fit mode."""
        self._fit = None
        self._set_zoom(zoom)

    def zoom_in(self) -> None:
        """One step closer."""
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further."""
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        """Fit the page's width to the view, and keep it so on resize."""
        self._fit = "width"
        self._apply_transform()

    def fit_page(self) -> None:
        """Show the whole page, and keep it so on resize."""
        self._fit = "page"
        self._apply_transform()

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._update_pixmap()
        self.setTransform(QTransform().rotate(self.rotation).scale(self._zoom, self._zoom))
        self.zoomChanged.emit(self._zoom)

    def _apply_transform(self) -> None:
        if not self._pages:
            return
        if self._fit is not None:
            rect = QTransform().rotate(self.rotation).mapRect(self.sceneRect())
            viewport = self.maximumViewportSize()
            margin = 16
            by_width = (
                viewport.width() - margin - self.verticalScrollBar().sizeHint().width()
            ) / max(1.0, rect.width())
            by_height = (viewport.height() - margin) / max(1.0, rect.height())
            zoom = by_width if self._fit == "width" else min(by_width, by_height)
            self._set_zoom(zoom)
            if self._fit == "width":
                self.centerOn(self.sceneRect().center().x(), 0)
        else:
            self._set_zoom(self._zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the fit mode across resizes."""
        super().resizeEvent(event)
        if self._fit is not None:
            self._apply_transform()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom smoothly around the cursor (high-resolution wheels give small steps)."""
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.set_zoom(self._zoom * (1.0015**delta))
        event.accept()

    # ----- focus ---------------------------------------------------------------------------

    def focus_field(self, field_name: str | None) -> None:
        """Highlight a field's boxes, turning to its page and scrolling them into view."""
        self._focused_field = field_name
        mine = [e for e in self._evidence if e.field == field_name]
        if mine and mine[0].page != self._page:
            self._page = mine[0].page
            self._show()
        for box in self._boxes:
            box.set_focused(box.evidence.field == field_name)
        boxes = self.boxes_of(field_name) if field_name else []
        if boxes:
            area = boxes[0].sceneBoundingRect()
            for box in boxes[1:]:
                area = area.united(box.sceneBoundingRect())
            self.ensureVisible(area, 40, 40)

    # ----- mouse ---------------------------------------------------------------------------

    def _box_at(self, view_pos: QPointF) -> OverlayBox | None:
        for item in self.items(view_pos.toPoint()):
            if isinstance(item, OverlayBox):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pick, a region, or a pan."""
        pos = event.position()
        scene_pos = self.mapToScene(pos.toPoint())
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._drag = _Drag("pan", pos, scene_pos, last_view=pos)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif button == Qt.MouseButton.LeftButton and self._pages:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            box = self._box_at(pos)
            mode = "words" if shift else "word" if box is not None else "region"
            self._drag = _Drag(mode, pos, scene_pos, box=box, last_view=pos)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Follow the gesture (pan, or stretch the rubber band)."""
        drag = self._drag
        if drag is None:
            super().mouseMoveEvent(event)
            return
        pos = event.position()
        if drag.mode == "pan":
            delta = pos - drag.last_view
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            drag.last_view = pos
        elif (pos - drag.press_view).manhattanLength() >= CLICK_SLOP:
            if drag.mode == "word":
                drag.mode = "region"
            self._band.setRect(
                QRectF(drag.press_scene, self.mapToScene(pos.toPoint())).normalized()
            )
            self._band.show()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Finish the gesture: emit the picked words or the drawn region."""
        drag, self._drag = self._drag, None
        self._band.hide()
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        pos = event.position()
        self.viewport().unsetCursor()
        is_click = (pos - drag.press_view).manhattanLength() < CLICK_SLOP
        rect = QRectF(drag.press_scene, self.mapToScene(pos.toPoint())).normalized()
        if drag.mode == "word" and drag.box is not None:
            self.wordsPicked.emit([drag.box.evidence.text])
        elif drag.mode == "words":
            picked = [drag.box] if is_click and drag.box else self._boxes_in(rect)
            if picked:
                self.wordsPicked.emit([b.evidence.text for b in picked])
        elif drag.mode == "region" and not is_click:
            page_rect = rect.intersected(self.sceneRect())
            if page_rect.width() >= 2 and page_rect.height() >= 2:
                bbox = BBox(
                    int(page_rect.left()),
                    int(page_rect.top()),
                    int(page_rect.right()),
                    int(page_rect.bottom()),
                )
                self.regionDrawn.emit(self._page, bbox)
        event.accept()

    def _boxes_in(self, rect: QRectF) -> list[OverlayBox]:
        hit = [b for b in self._boxes if rect.intersects(b.sceneBoundingRect())]
        seen: set[tuple[int, int, int, int]] = set()
        unique = []
        for box in sorted(hit, key=lambda b: (b.evidence.bbox.center_y // 20, b.evidence.bbox.x0)):
            b = box.evidence.bbox
            key = (b.x0, b.y0, b.x1, b.y1)
            if key not in seen:
                seen.add(key)
                unique.append(box)
        return unique

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space held down turns the left button into a pan."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Leave pan mode when space is released."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)
