from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from medreview.model import BBox
from tests.ui.helpers import click, drag
from ui.evidence import PreparedDocument
from ui.scan_view import ScanView


@pytest.fixture
def view(qtbot: QtBot) -> ScanView:
    widget = ScanView()
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _centre(box: BBox) -> QPointF:
    return QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)


def test_overlay_draws_every_word_box_with_tooltips(
    view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence, {"patient_name": "Patient name"})
    assert len(view.boxes()) == len(doc.evidence)
    names = view.boxes_of("patient_name")
    assert [b.evidence.text for b in names] == ["Helen", "0kafor"]
    assert "Patient name" in names[0].toolTip()
    assert "91%" in names[0].toolTip()


def test_clicking_a_word_box_picks_its_text(
    qtbot: QtBot, view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    box = view.boxes_of("patient_address")[1].evidence.bbox
    with qtbot.waitSignal(view.wordsPicked) as blocker:
        click(view, _centre(box))
    assert blocker.args == [["Orchard"]]


def test_shift_drag_picks_words_in_reading_order(
    qtbot: QtBot, view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    boxes = [b.evidence.bbox for b in view.boxes_of("medicines")]
    area = BBox.union(boxes[:3])
    with qtbot.waitSignal(view.wordsPicked) as blocker:
        drag(
            view,
            QPointF(area.x1 - 1, area.y1 - 1),
            QPointF(area.x0 + 1, area.y0 + 1),
            Qt.KeyboardModifier.ShiftModifier,
        )
    assert blocker.args == [["Amoxicilin", "500", "mg"]]


def test_plain_drag_draws_a_region_in_page_pixels(
    qtbot: QtBot, view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    view.set_zoom(1.0)
    view.centerOn(300, 700)
    with qtbot.waitSignal(view.regionDrawn) as blocker:
        drag(view, QPointF(200, 600), QPointF(500, 700))
    page, bbox = blocker.args
    assert page == 0
    assert abs(bbox.x0 - 200) <= 2 and abs(bbox.y0 - 600) <= 2
    assert abs(bbox.x1 - 500) <= 2 and abs(bbox.y1 - 700) <= 2


def test_zoom_fit_and_rotation(view: ScanView, sample: Callable[..., PreparedDocument]) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    fitted = view.zoom
    assert view.mapFromScene(QPointF(850, 0)).x() <= view.viewport().width()
    view.zoom_in()
    assert view.zoom == pytest.approx(fitted * 1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom < fitted
    view.fit_page()
    top, bottom = view.mapFromScene(QPointF(0, 0)), view.mapFromScene(QPointF(0, 1100))
    assert bottom.y() - top.y() <= view.viewport().height()
    view.rotate_page(90)
    assert view.rotation == 90
    assert view.transform().m12() > 0  # x axis now points down: turned clockwise
    view.rotate_page(270)
    assert view.rotation == 0


def test_pages_prepared_image_and_focus(
    qtbot: QtBot, view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("pd_0001")
    view.set_document(doc.pages, doc.evidence)
    assert (view.page, view.page_count) == (0, 2)
    with qtbot.waitSignal(view.pageChanged) as blocker:
        view.next_page()
    assert blocker.args == [1, 2]
    assert {b.evidence.field for b in view.boxes()} >= {"policy_number", "allergies"}
    view.next_page()
    assert view.page == 1
    view.toggle_prepared()
    assert view.showing_prepared
    view.focus_field("measles")  # on page 1: turns back and highlights
    assert view.page == 0
    assert all(b.focused for b in view.boxes_of("measles"))
    assert not any(b.focused for b in view.boxes_of("phone"))
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.intersects(view.boxes_of("measles")[0].sceneBoundingRect())


def test_wheel_zooms_around_cursor(
    qtbot: QtBot, view: ScanView, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    before = view.zoom
    pos = QPointF(200, 200)
    event = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(QPoint(200, 200))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom > before


def test_middle_drag_pans(view: ScanView, sample: Callable[..., PreparedDocument]) -> None:
    doc = sample("rx_0001")
    view.set_document(doc.pages, doc.evidence)
    view.set_zoom(2.0)
    view.centerOn(400, 500)
    before = view.verticalScrollBar().value()
    middle = Qt.MouseButton.MiddleButton
    start, end = QPoint(300, 400), QPoint(300, 300)
    for kind, pos, buttons, button in (
        (QEvent.Type.MouseButtonPress, start, middle, middle),
        (QEvent.Type.MouseMove, end, middle, Qt.MouseButton.NoButton),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, middle),
    ):
        event = QMouseEvent(
            kind,
            QPointF(pos),
            QPointF(view.viewport().mapToGlobal(pos)),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)
    assert view.verticalScrollBar().value() == before + 100
