from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from medreview.model import BBox
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.ui.conftest import DATA, TODAY
from tests.ui.fakes import SampleExtract, region_reader, scan_file
from tests.ui.helpers import click, drag
from ui.confidence import Level
from ui.controller import ReviewController
from ui.main_window import MainWindow


@dataclass
class Station:
    window: MainWindow
    controller: ReviewController
    store: Store
    scans: Path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(f"sqlite:///{tmp_path / 'review.sqlite'}", files_root=tmp_path / "files")
    add_people(db)
    yield db
    db.close()


@pytest.fixture
def station(qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path) -> Iterator[Station]:
    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    controller = ReviewController(
        window,
        store,
        user="ana",
        batch="week-12",
        extract=SampleExtract(),
        read_region=region_reader("3"),
        save_delay_ms=30,
        ocr_in_processes=False,
    )
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    scans = tmp_path / "scans"
    scans.mkdir()
    yield Station(window, controller, store, scans)
    controller.shutdown()


def _centre(box: BBox) -> QPointF:
    return QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)


def _import(qtbot: QtBot, station: Station, samples: list[tuple[str, str]]) -> None:
    paths = [scan_file(station.scans, name, sample) for name, sample in samples]
    with qtbot.waitSignal(station.controller.documentShown, timeout=10_000):
        station.window.importRequested.emit(paths)


def _confirm_all(qtbot: QtBot, window: MainWindow) -> None:
    """Press Enter on every field still to check, as an analyst would."""
    window.form.focus_first()
    while window.form.doubtful_fields():
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)


def test_review_a_document_end_to_end(qtbot: QtBot, station: Station) -> None:
    window, store = station.window, station.store
    _import(qtbot, station, [("rx_0001.png", "rx_0001"), ("rx_0002.png", "rx_0002")])
    doc = window.document
    assert doc is not None and doc.name == "rx_0001.png"
    form = window.form
    # every field filled and coloured
    for name in form.field_names:
        assert form.text(name), name
        assert form.level(name) in (Level.HIGH, Level.MEDIUM, Level.LOW)
    # F8 goes to the next field still to check; fix the low-confidence list
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F8)
    assert form.focused_field == "patient_name"
    form.focus_field("medicines")
    medicines = form.editor("medicines")
    assert isinstance(medicines, QPlainTextEdit)
    medicines.selectAll()
    qtbot.keyClicks(medicines, "Amoxicillin 250 mg")
    # click a word box to fill the focused field
    form.focus_field("patient_name")
    box = window.scan.boxes_of("prescriber")[2].evidence.bbox
    window.scan.centerOn(_centre(box))
    click(window.scan, _centre(box))
    assert form.text("patient_name") == "Reyes,"
    form.undo_stack.undo()
    assert form.text("patient_name") == "Helen Okafor"
    # draw a region: re-read in the background, offered for the focused field
    form.focus_field("refills")
    window.scan.set_zoom(1.0)
    window.scan.centerOn(QPointF(300, 700))
    with qtbot.waitSignal(station.controller.regionRead, timeout=5000) as read:
        drag(window.scan, QPointF(210, 640), QPointF(300, 700))
    assert read.args == [doc.doc_id, "refills", "3"]
    window.messages.use_button.click()
    assert form.text("refills") == "3"
    # the edits reach the store while typing (debounced)
    qtbot.waitUntil(lambda: store.load_document(doc.doc_id).edits.get("refills") == 3)
    # confirm the rest (Enter), then submit and next (Ctrl+Enter): the next one is shown
    _confirm_all(qtbot, window)
    qtbot.waitUntil(lambda: "prescriber" in store.load_document(doc.doc_id).checked)
    with qtbot.waitSignal(station.controller.documentShown, timeout=5000) as shown:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shown.args != [doc.doc_id]
    record = store.load_document(doc.doc_id)
    assert record.status is Status.VERIFIED
    assert record.final_value("medicines") == ["Amoxicillin 250 mg"]
    assert record.final_value("refills") == 3
    assert record.final_value("patient_name") == "Helen Okafor"
    actions = [entry.action for entry in store.audit_for(doc.doc_id)]
    assert "verified" in actions and "claimed" in actions
    assert sum(1 for a in actions if "edit" in a) >= 2
    assert window.queue.item(doc.doc_id).status == "verified"  # type: ignore[union-attr]


def test_reject_with_a_reason(qtbot: QtBot, station: Station) -> None:
    window, store = station.window, station.store
    _import(qtbot, station, [("rx_0002.png", "rx_0002")])
    doc = window.document
    assert doc is not None
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.reject_dialog
    assert dialog is not None
    dialog.reason_box.setCurrentText("Illegible scan")
    with qtbot.waitSignal(station.controller.queueEmpty, timeout=5000):
        dialog.buttons.accepted.emit()
    record = store.load_document(doc.doc_id)
    assert record.status is Status.REJECTED
    assert record.reject_reason == "Illegible scan"
    assert any(e.action == "rejected" for e in store.audit_for(doc.doc_id))
    assert window.document is None
    assert "No document" in window.messages.label.text()


def test_failing_engine_marks_the_document_and_the_window_stays_usable(
    qtbot: QtBot, station: Station
) -> None:
    window, store, controller = station.window, station.store, station.controller
    paths = [
        scan_file(station.scans, "broken.png", "crash"),
        scan_file(station.scans, "engine.png", "engine"),
        scan_file(station.scans, "rx_0001.png", "rx_0001"),
    ]
    with qtbot.waitSignal(controller.documentShown, timeout=10_000):
        window.importRequested.emit(paths)
    qtbot.waitUntil(lambda: controller.ocr_running == 0, timeout=10_000)
    failed = {item.name: item for item in window.queue.items() if item.status == "failed"}
    assert set(failed) == {"broken.png", "engine.png"}
    assert "internal" in failed["broken.png"].detail
    assert "Helen" not in failed["broken.png"].detail
    assert "the OCR engine failed" in failed["engine.png"].detail
    assert store.load_document(failed["engine.png"].doc_id).status is Status.FAILED
    # still usable: the good document is shown and editable
    assert window.document is not None and window.document.name == "rx_0001.png"
    editor = window.form.editor("refills")
    assert isinstance(editor, QLineEdit)
    window.form.focus_field("refills")
    editor.selectAll()
    qtbot.keyClicks(editor, "4")
    assert window.form.values()["refills"] == 4


def test_next_document_is_read_ahead(qtbot: QtBot, station: Station) -> None:
    window, controller = station.window, station.controller
    _import(qtbot, station, [("a.png", "rx_0001"), ("b.png", "rx_0002"), ("c.png", "pd_0001")])
    qtbot.waitUntil(lambda: controller.ocr_running == 0, timeout=10_000)
    qtbot.waitUntil(lambda: controller.ahead_id is not None, timeout=5000)
    ahead = controller.ahead_id
    first = window.document
    assert first is not None and ahead != first.doc_id
    _confirm_all(qtbot, window)
    window.commands["submit"].trigger()  # the next one is in memory: shown synchronously
    assert window.document is not None and window.document.doc_id == ahead


def test_crashing_engine_in_the_real_pipeline(
    qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path
) -> None:
    from medreview.pipeline import extract_file
    from tests.fakes import CrashingEngine

    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    extract = partial(extract_file, engine=CrashingEngine([]))
    controller = ReviewController(window, store, user="ana", batch="b", extract=extract)
    window.show()
    scan = tmp_path / "scan.png"
    shutil.copy(DATA / "rx_0002" / "page-000.png", scan)
    try:
        with qtbot.waitSignal(controller.ocrFinished, timeout=30_000) as done:
            window.import_paths([scan])
        assert done.args[1] == "failed"
        item = window.queue.items()[0]
        assert item.status == "failed" and item.detail.startswith("internal:")
        assert "Helen" not in item.detail and "Helen" not in window.messages.label.text()
        assert window.messages.isVisible()
        assert window.document is None
        window.commands["next_doubtful"].trigger()  # nothing open: no crash
        window.commands["shortcuts"].trigger()
        assert window.shortcuts_dialog is not None
        window.shortcuts_dialog.close()
    finally:
        controller.shutdown()


def test_leases_are_renewed_while_the_analyst_works(qtbot: QtBot, station: Station) -> None:
    _import(qtbot, station, [("rx_0001.png", "rx_0001")])
    doc = station.window.document
    assert doc is not None
    before = station.store.load_document(doc.doc_id).lease_expires_at
    assert before is not None
    qtbot.wait(20)
    station.controller._renew_leases()
    after = station.store.load_document(doc.doc_id).lease_expires_at
    assert after is not None and after > before


def test_region_is_re_read_by_the_real_pipeline(
    qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    controller = ReviewController(
        window, store, user="ana", batch="b", extract=SampleExtract(), ocr_in_processes=False
    )
    window.show()
    try:
        scans = tmp_path / "scans"
        scans.mkdir()
        with qtbot.waitSignal(controller.documentShown, timeout=10_000):
            window.import_paths([scan_file(scans, "rx.png", "rx_0001")])
        window.form.focus_field("patient_name")
        area = BBox.union(b.evidence.bbox for b in window.scan.boxes_of("patient_address"))
        window.scan.set_zoom(1.0)
        window.scan.centerOn(_centre(area))
        with qtbot.waitSignal(controller.regionRead, timeout=30_000) as read:
            drag(
                window.scan,
                QPointF(area.x0 - 6, area.y0 - 6),
                QPointF(area.x1 + 6, area.y1 + 6),
            )
        assert read.args[1] == "patient_name"
        assert read.args[2] == "41 Orchard Lane, Springfield, IL"
    finally:
        controller.shutdown()


def test_submitting_unchanged_fields_writes_no_edits(qtbot: QtBot, station: Station) -> None:
    _import(qtbot, station, [("pd.png", "pd_0001")])
    doc = station.window.document
    assert doc is not None
    _confirm_all(qtbot, station.window)
    with qtbot.waitSignal(station.controller.queueEmpty, timeout=5000):
        station.window.commands["submit"].trigger()
    record = station.store.load_document(doc.doc_id)
    assert record.status is Status.VERIFIED
    assert record.edits == {}
    assert not [e for e in station.store.audit_for(doc.doc_id) if "edit" in e.action]
