from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from medreview.model import BBox
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, drag
from ui.confidence import Level
from ui.evidence import PreparedDocument
from ui.main_window import MainWindow, scan_paths
from ui.queue_model import QueueItem


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    win = MainWindow(settings, user="ana", today=TODAY)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _centre(box: BBox) -> QPointF:
    return QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)


def test_document_is_shown_with_first_doubt_focused(
    window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.queue.set_items([QueueItem(1, "rx_0001.png", "in_review", "prescription")])
    window.show_document(sample("rx_0001"))
    assert window.form.focused_field == "prescriber"  # every field is still to check
    assert all(b.focused for b in window.scan.boxes_of("prescriber"))
    assert window.queue_view.currentIndex().row() == 0
    assert window.commands["submit"].isEnabled()


def test_keyboard_edit_and_submit(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F8)
    assert window.form.focused_field == "patient_name"
    window.form.focus_field("medicines")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.form.focused_field == "directions"
    editor = window.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Take twice a day")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.form.text("directions") == "Take three times a day for 7 days"
    qtbot.keyClick(
        editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.form.text("directions") == "Take twice a day"
    # fields nobody checked block the submit, and the first of them gets the focus
    with qtbot.assertNotEmitted(window.submitRequested):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "still to check" in window.messages.label.text()
    assert window.form.focused_field == "prescriber"
    while window.form.doubtful_fields():  # Enter confirms each and moves to the next
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(window.submitRequested) as blocker:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    doc_id, values = blocker.args
    assert doc_id == 1
    assert values["directions"] == "Take twice a day"
    assert values["medicines"] == ["Amoxicillin 500 mg", "Ibuprofen 400 mg"]


def test_invalid_field_blocks_submit_and_says_why(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    editor = window.form.editor("refills")
    assert isinstance(editor, QLineEdit)
    window.form.focus_field("refills")
    editor.selectAll()
    qtbot.keyClicks(editor, "15")
    window.form.focus_field("prescriber")
    with qtbot.assertNotEmitted(window.submitRequested):
        window.commands["submit"].trigger()
    assert window.messages.isVisible()
    assert "Refills" in window.messages.label.text()
    assert window.form.focused_field == "refills"


def test_clicking_a_word_fills_the_focused_field(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    window.form.focus_field("patient_name")
    box = window.scan.boxes_of("patient_address")[1].evidence.bbox
    window.scan.centerOn(_centre(box))
    with qtbot.waitSignal(window.fieldEdited) as blocker:
        click(window.scan, _centre(box))
    assert blocker.args == [1, "patient_name", "Orchard"]
    assert window.form.level("patient_name") is Level.EDITED
    assert window.form.focused_field == "patient_name"
    window.form.undo_stack.undo()
    assert window.form.text("patient_name") == "Helen Okafor"


def test_shift_drag_adds_a_medicine_line(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    window.form.focus_field("medicines")
    area = BBox.union(b.evidence.bbox for b in window.scan.boxes_of("directions")[:2])
    window.scan.centerOn(_centre(area))
    drag(
        window.scan,
        QPointF(area.x0 + 1, area.y0 + 1),
        QPointF(area.x1 - 1, area.y1 - 1),
        Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.form.values()["medicines"] == [
        "Amoxicillin 500 mg",
        "Ibuprofen 400 mg",
        "Take three",
    ]


def test_region_request_and_offer(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    window.form.focus_field("refills")
    window.scan.set_zoom(1.0)
    window.scan.centerOn(QPointF(300, 700))
    with qtbot.waitSignal(window.regionRequested) as blocker:
        drag(window.scan, QPointF(200, 650), QPointF(400, 720))
    doc_id, page, bbox, field = blocker.args
    assert (doc_id, page, field) == (1, 0, "refills")
    assert isinstance(bbox, BBox) and bbox.width > 150
    window.offer_region_text(1, "refills", "3")
    assert window.messages.use_button.isVisible()
    window.messages.use_button.click()
    assert window.form.text("refills") == "3"
    assert not window.messages.isVisible()


def test_reject_asks_for_a_reason(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.reject_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason_box.setCurrentText("Wrong   document type")
    with qtbot.waitSignal(window.rejectRequested) as blocker:
        dialog.buttons.accepted.emit()
    assert blocker.args == [1, "Wrong document type"]


def test_every_action_is_in_a_menu_and_listed_in_help(qtbot: QtBot, window: MainWindow) -> None:
    in_menus = {a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()}
    assert set(window.commands.values()) <= in_menus
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None
    listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "Submit and next" in listed and "Next doubtful field" in listed
    assert dialog.table.rowCount() == len(window.commands)
    dialog.close()


def test_geometry_and_splitter_are_remembered(qtbot: QtBot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(760, 540)
    first.show()
    first.splitter.setSizes([200, 600, 300])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 760
    assert second.splitter.sizes() == sizes


def test_view_keys_drive_the_scan(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("pd_0001"))
    zoom = window.scan.zoom
    window.commands["zoom_in"].trigger()
    assert window.scan.zoom > zoom
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.scan.page == 1
    assert "Page 2 of 2" in window.scan_header.text()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6)
    assert window.scan.showing_prepared
    window.commands["rotate"].trigger()
    assert window.scan.rotation == 90


def test_scan_paths_expands_folders(tmp_path: Path) -> None:
    root = tmp_path
    (root / "sub").mkdir()
    for name in ("a.pdf", "sub/b.PNG", "notes.txt"):
        (root / name).write_bytes(b"x")
    assert scan_paths([root]) == [root / "a.pdf", root / "sub" / "b.PNG"]


def test_dropping_a_folder_queues_its_scans(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "readme.txt").write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    pos = QPointF(200, 200)
    enter = QDragEnterEvent(
        pos.toPoint(),  # Qt's drag-enter event takes a QPoint (the drop a QPointF)
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importRequested) as blocker:
        QApplication.sendEvent(window, drop)
    assert blocker.args == [[tmp_path / "a.pdf"]]


def test_the_status_bar_says_when_cloud_ocr_is_on(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDREVIEW_ENABLE_VISION", raising=False)
    off = MainWindow(settings)
    qtbot.addWidget(off)
    assert off.cloud_label.isHidden()
    monkeypatch.setenv("MEDREVIEW_ENABLE_VISION", "1")
    on = MainWindow(settings)
    qtbot.addWidget(on)
    on.show()
    assert on.cloud_label.isVisible()
    assert "Google" in on.cloud_label.text()
