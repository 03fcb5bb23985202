"""The defects of issue 9, each reproduced, and the station's review features."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from medreview.errors import InvalidTransitionError, PermissionDeniedError, UsageError
from medreview.model import BBox, ErrorInfo, ExtractionResult
from medreview.store import Status, Store
from tests.accounts import PASSWORD, SUPERVISOR, add_people
from tests.ui.conftest import DATA, TODAY
from tests.ui.fakes import SampleExtract, scan_file, seed
from tests.ui.helpers import click
from ui import app
from ui.controller import ReviewController
from ui.evidence import PreparedDocument, evidence_of
from ui.main_window import MainWindow
from ui.supervisor_view import SupervisorView


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    win = MainWindow(settings, user="ana", today=TODAY)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(f"sqlite:///{tmp_path / 'review.sqlite'}", files_root=tmp_path / "files")
    add_people(db)
    yield db
    db.close()


def _controller(window: MainWindow, store: Store, **options: object) -> ReviewController:
    settings: dict[str, object] = {
        "user": "ana",
        "batch": "week-12",
        "extract": SampleExtract(),
        "save_delay_ms": 30,
        "ocr_in_processes": False,
        "refresh_ms": 100,
    }
    settings.update(options)
    return ReviewController(window, store, **settings)  # type: ignore[arg-type]


def _centre(box: BBox) -> QPointF:
    return QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)


def _confirm_all(qtbot: QtBot, window: MainWindow) -> None:
    form = window.form
    form.focus_first()
    for _ in range(3 * len(form.field_names)):
        if not form.doubtful_fields() or form.focused_field is None:
            return
        qtbot.keyClick(form.editor(form.focused_field), Qt.Key.Key_Return)
    raise AssertionError(f"fields left that Enter cannot confirm: {form.doubtful_fields()}")


# ----- defect 1: closing ends the program and releases its claims ---------------------------


def _quit(window: MainWindow, seen: dict[str, float]) -> None:
    seen["closed"] = time.monotonic()
    window.commands["quit"].trigger()


def _close_when_shown(after_ms: int, seen: dict[str, float]) -> None:
    """Close the review window (Ctrl+Q) once it shows a document."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.document is not None:
                QTimer.singleShot(after_ms, partial(_quit, widget, seen))
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_closing_the_window_ends_the_session_and_releases_claims(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    with Store.open(url) as db:
        add_people(db)
        seed(db, "demo", ["rx_0001"], tmp_path / "scans")
        # a real scan still to read: an OCR process is busy with it when the window closes
        scan = tmp_path / "real.png"
        shutil.copy(DATA / "rx_0002" / "page-000.png", scan)
        db.add_files("demo", [scan])
    seen: dict[str, float] = {}
    _close_when_shown(400, seen)
    args = ["--database", url, "--batch", "demo", "--user", "ana"]
    assert app.main([*args, "--settings", str(tmp_path / "gui.ini")]) == 0
    assert time.monotonic() - seen["closed"] < 1.0
    assert multiprocessing.active_children() == []
    with Store.open(url) as db:
        statuses = {d.source_name: d.status for d in db.documents("demo")}
        assert statuses["rx_0001-0.png"] is Status.READY
        assert statuses["real.png"] is Status.QUEUED  # read again next time
        doc_id = next(d.id for d in db.documents("demo") if d.source_name == "rx_0001-0.png")
        actions = [e.action for e in db.audit_for(doc_id)]
        assert actions.count("claimed") == actions.count("released") == 1


# ----- defect 2: a word picked for a choice field ---------------------------------------------


def test_a_picked_word_never_blanks_a_choice_field(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("pd_0001"))
    form = window.form
    form.focus_field("measles")
    word = window.scan.boxes_of("patient_name")[0].evidence.bbox
    window.scan.centerOn(_centre(word))
    click(window.scan, _centre(word))
    assert form.values()["measles"] == "not immune"  # "Samuel" is no choice: nothing changes
    assert "choices" in window.statusBar().currentMessage()
    # a word that names a choice takes it
    immune = window.scan.boxes_of("chicken_pox")[0].evidence.bbox
    window.scan.centerOn(_centre(immune))
    click(window.scan, _centre(immune))
    assert form.values()["measles"] == "immune"
    combo = form.editor("measles")
    assert isinstance(combo, QComboBox) and combo.currentText() == "immune"


# ----- defect 3: confident-looking fields, per-word confidence --------------------------------


def test_word_boxes_show_their_own_confidence(
    window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("pd_0001")
    fields = dict(doc.result.fields)
    fields["patient_name"] = replace(fields["patient_name"], box_confidences=(0.97, 0.41))
    result = replace(doc.result, fields=fields)
    boxes = [b for b in evidence_of(result) if b.field == "patient_name"]
    assert [b.confidence for b in boxes] == [0.97, 0.41]
    window.show_document(replace(doc, result=result, evidence=evidence_of(result)))
    shown = window.scan.boxes_of("patient_name")
    assert "97%" in shown[0].toolTip() and "41%" in shown[1].toolTip()
    window.form.focus_field("patient_name")
    snippet = window.form.snippet()
    assert snippet is not None and snippet.isVisible()
    assert snippet.low_confidence_words() == 1


def test_a_green_field_is_visited_and_blocks_submit_until_checked(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    """A wrong value at 86% (no second reading) reached the export after F8 + Ctrl+Enter."""
    doc = sample("pd_0001")
    fields = dict(doc.result.fields)
    for name, found in fields.items():
        fields[name] = replace(found, confidence=0.95, agreement=True)
    fields["insurance_company"] = replace(
        fields["insurance_company"], value="Alouquerque", confidence=0.86, agreement=None
    )
    result = replace(doc.result, fields=fields)
    window.show_document(replace(doc, result=result, evidence=evidence_of(result)))
    window.commands["confirm_agreeing"].trigger()
    assert window.form.doubtful_fields() == [
        n for n in window.form.field_names if n not in fields or n == "insurance_company"
    ]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F8)
    visited = window.form.focused_field
    assert visited in window.form.doubtful_fields()
    with qtbot.assertNotEmitted(window.submitRequested):
        window.commands["submit"].trigger()
    assert "still to check" in window.messages.label.text()
    window.form.focus_field("insurance_company")
    assert window.form.focused_field == "insurance_company"


# ----- defect 4: unknown documents, changing the type ------------------------------------------


def test_an_unknown_document_cannot_be_submitted(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    doc = sample("rx_0001")
    unknown = replace(doc, result=replace(doc.result, document_type=None, fields={}), evidence=[])
    window.show_document(unknown)
    assert "type of this document is not known" in window.messages.label.text()
    with qtbot.assertNotEmitted(window.submitRequested):
        window.commands["submit"].trigger()
    assert "Ctrl+T" in window.messages.label.text()


def test_store_refuses_to_verify_an_unknown_document(store: Store, tmp_path: Path) -> None:
    store.add_files("b", [scan_file(tmp_path, "x.png", "x")])
    [(doc_id, _)] = store.claim_for_processing("b", "w", limit=1, lease_seconds=60)
    store.store_result(doc_id, ExtractionResult(source="x.png"), owner="w")
    record = store.claim_next("ana", "b")
    assert record is not None
    with pytest.raises(UsageError):
        store.submit(doc_id, "ana")


def test_changing_the_type_reads_the_fields_again(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    class AsType(SampleExtract):
        """The scan reads as a prescription unless asked for a patient record."""

        def __call__(self, path, config, *, image_dir=None):  # type: ignore[no-untyped-def]
            sample = config.seal.read(path).decode().strip()  # the store's copy is sealed
            if config.document_type == "patient_details":
                path = scan_file(tmp_path, "as-record.png", "pd_0001")
            result = super().__call__(path, config, image_dir=image_dir)
            result.source = sample
            return result

    seed(store, "week-12", ["rx_0001"], tmp_path / "scans")
    controller = _controller(window, store, extract=AsType())
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        assert window.document is not None
        doc_id = window.document.doc_id
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        dialog = window.type_dialog
        assert dialog is not None
        dialog.setTextValue("patient_details")
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            dialog.accept()
        assert window.document is not None and window.document.doc_id == doc_id
        assert window.form.field_names[0] == "record_date"
        record = store.load_document(doc_id)
        assert record.document_type == "patient_details"
        assert record.status is Status.IN_REVIEW
        assert "read_again" in [e.action for e in store.audit_for(doc_id)]
    finally:
        controller.shutdown()


# ----- defect 5: exports are for supervisors ----------------------------------------------------


def test_an_analyst_cannot_export(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    seed(store, "week-12", ["rx_0001"], tmp_path / "scans")
    controller = _controller(window, store)
    try:
        assert not window.commands["export"].isEnabled()
        out = tmp_path / "out.csv"
        with pytest.raises(PermissionDeniedError):
            store.export("week-12", "csv", out, user="ana")
        assert not out.exists()  # refused before anything was written
    finally:
        controller.shutdown()
    assert store.user("sue").role == "supervisor"
    other = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    supervisor = _controller(other, store, user="sue")
    try:
        assert other.commands["export"].isEnabled()
    finally:
        supervisor.shutdown()


# ----- defect 8: the region offer, Escape ------------------------------------------------------


def test_enter_takes_the_offer_and_escape_dismisses_it(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    window.form.focus_field("refills")
    window.offer_region_text(1, "refills", "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.form.text("refills") == "3"
    assert not window.messages.isVisible()
    window.offer_region_text(1, "refills", "5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.messages.isVisible()
    assert window.form.text("refills") == "3"
    assert window.form.focused_field == "refills"


# ----- defect 9: a queue that lives -----------------------------------------------------------


def test_the_queue_shows_other_analysts_work_and_picks_up_expired_claims(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    ids = seed(store, "week-12", ["rx_0001", "rx_0002"], tmp_path / "scans")
    # bob's claim outlasts the window's start however slow the machine (a half-second lease
    # had run out on a loaded CI before the window claimed, and it was given bob's document)
    bob = store.claim_next("bob", "week-12", lease_seconds=60)
    assert bob is not None and bob.id == ids[0]
    controller = _controller(window, store)
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        assert window.document is not None and window.document.doc_id == ids[1]
        assert window.queue.item(ids[0]).status == "in_review"  # type: ignore[union-attr]
        store.submit(ids[0], "bob")  # bob finishes: the queue says so without a reload
        qtbot.waitUntil(
            lambda: window.queue.item(ids[0]).status == "verified",  # type: ignore[union-attr]
            timeout=3000,
        )
        _confirm_all(qtbot, window)
        with qtbot.waitSignal(controller.queueEmpty, timeout=5000):
            window.commands["submit"].trigger()
        assert "No document waiting" in window.messages.label.text()
        # a third document's claim expires: the idle window picks it up by itself
        [third] = seed(store, "later", ["pd_0001"], tmp_path / "more")
        store.create_user(SUPERVISOR, "carl", "analyst", PASSWORD)
        carl = store.claim_next("carl", "later", lease_seconds=0.3)
        assert carl is not None
        controller.switch_batch("later")
        assert window.document is None
        with qtbot.waitSignal(controller.documentShown, timeout=5000) as shown:
            pass
        assert shown.args == [third]
    finally:
        controller.shutdown()


def test_open_a_chosen_document_reopen_your_own_and_postpone(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    ids = seed(store, "week-12", ["rx_0001", "rx_0002", "pd_0001"], tmp_path / "scans")
    controller = _controller(window, store)
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        assert window.document is not None and window.document.doc_id == ids[0]
        # open the third document from the queue: the first is given back
        window.queue_view.setCurrentIndex(window.queue.index(window.queue.row_of(ids[2]), 0))
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            window.commands["open_selected"].trigger()
        assert window.document is not None and window.document.doc_id == ids[2]
        assert store.load_document(ids[0]).status is Status.READY
        # postpone it: the next ready one comes first, the postponed one last
        with qtbot.waitSignal(controller.documentShown, timeout=5000) as shown:
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert shown.args == [ids[0]]
        _confirm_all(qtbot, window)
        with qtbot.waitSignal(controller.documentShown, timeout=5000) as shown:
            window.commands["submit"].trigger()
        assert shown.args == [ids[1]]
        # reopen the one just verified, to correct it
        window.queue_view.setCurrentIndex(window.queue.index(window.queue.row_of(ids[0]), 0))
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            window.commands["open_selected"].trigger()
        assert window.document is not None and window.document.doc_id == ids[0]
        assert not window.form.doubtful_fields()  # its confirmations were kept
        record = store.load_document(ids[0])
        assert record.status is Status.IN_REVIEW
        actions = [e.action for e in store.audit_for(ids[0])]
        assert "reopened_for_correction" in actions and "confirmed" in actions
        # another analyst cannot reopen it
        store.submit(ids[0], "ana")
        with pytest.raises(InvalidTransitionError):
            store.claim(ids[0], "bob")
        store.mark_exported([ids[0]], "sue", detail="test")
        with pytest.raises(InvalidTransitionError):
            store.claim(ids[0], "ana")  # exported: closed for corrections
    finally:
        controller.shutdown()


# ----- defect 10 ---------------------------------------------------------------------------------


def test_supervisor_view_claims_nothing_and_shows_the_chosen_batch(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    with Store.open(url) as db:
        add_people(db)
        seed(db, "demo", ["rx_0001"], tmp_path / "scans")
        seed(db, "newer", ["rx_0002"], tmp_path / "scans2")
    seen: dict[str, object] = {}

    def inspect() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                view = widget.findChild(SupervisorView)
                seen["batch"] = view.selected_batch() if view else None
                seen["document"] = widget.document
                widget.close()
                return
        QTimer.singleShot(50, inspect)

    QTimer.singleShot(300, inspect)
    args = ["--database", url, "--batch", "demo", "--view", "supervisor", "--user", "sue"]
    assert app.main([*args, "--settings", str(tmp_path / "gui.ini")]) == 0
    assert seen == {"batch": "demo", "document": None}
    with Store.open(url) as db:
        for batch in ("demo", "newer"):
            for doc in db.documents(batch):
                assert "claimed" not in [e.action for e in db.audit_for(doc.id)]


def test_a_scan_read_while_the_supervisor_view_shows_is_not_claimed(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    """Finishing OCR used to open the next document whatever the view (a claim, CI flake)."""
    controller = _controller(window, store)
    scans = tmp_path / "scans"
    scans.mkdir()
    try:
        controller.start(review=False)
        with qtbot.waitSignal(controller.ocrFinished, timeout=10_000):
            window.importRequested.emit([scan_file(scans, "rx.png", "rx_0001")])
        qtbot.wait(300)  # the open-next timer would have fired
        [item] = window.queue.items()
        assert item.status == "ready"
        assert window.document is None
        assert "claimed" not in [e.action for e in store.audit_for(item.doc_id)]
        controller.resume_review()
        qtbot.waitUntil(lambda: window.document is not None, timeout=10_000)
        assert "claimed" in [e.action for e in store.audit_for(item.doc_id)]
    finally:
        controller.shutdown()


def test_failed_scans_are_named_and_can_be_read_again_or_removed(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    controller = _controller(window, store)
    scans = tmp_path / "scans"
    scans.mkdir()
    try:
        with qtbot.waitSignal(controller.ocrFinished, timeout=10_000):
            window.importRequested.emit([scan_file(scans, "engine.png", "engine")])
        [item] = window.queue.items()
        assert item.status == "failed"
        assert "engine.png" in window.messages.label.text()
        assert "engine.png" in item.detail  # not the storage hash
        window.queue_view.setCurrentIndex(window.queue.index(0, 0))
        with qtbot.waitSignal(controller.ocrFinished, timeout=10_000):
            window.commands["retry_failed"].trigger()
        assert "requeued" in [e.action for e in store.audit_for(item.doc_id)]
        window.queue_view.setCurrentIndex(window.queue.index(0, 0))
        window.commands["remove_failed"].trigger()
        assert window.queue.items() == []
        assert store.load_document(item.doc_id).status is Status.REMOVED
    finally:
        controller.shutdown()


def test_a_typed_reject_reason_replaces_the_suggested_one(
    qtbot: QtBot, window: MainWindow, sample: Callable[..., PreparedDocument]
) -> None:
    window.show_document(sample("rx_0001"))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.reject_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    box = dialog.reason_box  # the dialog opens with the reason box focused
    qtbot.keyClicks(box, "Torn page")
    with qtbot.waitSignal(window.rejectRequested) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert blocker.args == [1, "Torn page"]


def test_a_saved_size_larger_than_the_screen_is_clamped(qtbot: QtBot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(2560, 1600)  # saved on a larger (or unscaled) screen
    first.save_settings()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    area = second.screen().availableGeometry()
    assert second.width() <= area.width() and second.height() <= area.height()
    assert area.contains(second.frameGeometry().topLeft())


def test_fields_are_usable_at_1024_by_768(
    qtbot: QtBot, tmp_path: Path, sample: Callable[..., PreparedDocument]
) -> None:
    settings = QSettings(str(tmp_path / "small.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    win.show_document(sample("pd_0001"))
    qtbot.wait(10)
    widths = {n: win.form.editor(n).width() for n in win.form.field_names}
    assert min(widths.values()) >= 180, widths
    editor = win.form.editor("patient_name")
    assert isinstance(editor, QLineEdit)


# ----- double keying ----------------------------------------------------------------------------


def _key_blind(qtbot: QtBot, window: MainWindow, values: dict[str, str]) -> None:
    """Type the blind fields' values, then confirm everything left (Enter)."""
    form = window.form
    for name, text in values.items():
        form.focus_field(name)
        qtbot.keyClicks(form.editor(name), text)
    _confirm_all(qtbot, window)


def test_double_keying_keys_blind(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    [doc_id] = seed(store, "week-12", ["rx_0001"], tmp_path / "scans")
    store.set_double_keying("week-12", ["refills", "patient_name"], "sue")
    controller = _controller(window, store)
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        form = window.form
        # blind: no OCR value, no confidence, no word boxes that would show the OCR text
        assert form.text("refills") == "" and form.text("patient_name") == ""
        assert form.badge_text("refills") == "blind"
        assert window.scan.boxes_of("refills") == []
        assert window.scan.boxes_of("prescriber") != []
        assert "keyed blind" in window.messages.label.text()
        _key_blind(qtbot, window, {"refills": "2", "patient_name": "Helen Okafor"})
        assert store.load_document(doc_id).edits.get("refills") is None  # never saved
        with qtbot.waitSignal(controller.queueEmpty, timeout=5000):
            window.commands["submit"].trigger()
        record = store.load_document(doc_id)
        assert record.status is Status.READY and "refills" not in record.edits
        assert window.queue.item(doc_id).detail == "keyed once"  # type: ignore[union-attr]
        # the second analyst keys 3: a conflict for the supervisor
        assert store.claim_next("ana", "week-12") is None
        store.claim_next("bob", "week-12")
        store.submit(doc_id, "bob", {"refills": 3, "patient_name": "Helen Okafor"})
        assert store.load_document(doc_id).keying_conflict
    finally:
        controller.shutdown()


def _keying_conflict(store: Store, tmp_path: Path) -> int:
    """A prescription two analysts keyed blind, their refills differing (2 and 3)."""
    [doc_id] = seed(store, "week-12", ["rx_0001"], tmp_path / "scans")
    store.set_double_keying("week-12", ["refills", "patient_name"], "sue")
    for user, refills in (("ana", 2), ("bob", 3)):
        store.claim_next(user, "week-12")
        store.submit(doc_id, user, {"refills": refills, "patient_name": "Helen Okafor"})
    return doc_id


def test_a_supervisor_decides_a_keying_conflict(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    doc_id = _keying_conflict(store, tmp_path)
    controller = _controller(window, store, user="sue")
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        form = window.form
        assert form.disagreement("refills") == ("2", "3")
        assert form.disagreement("patient_name") is None  # both keyed it alike
        assert "Keyings differ" in form.second_reading_text("refills")
        form.focus_field("refills")
        qtbot.keyClick(form.editor("refills"), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        _confirm_all(qtbot, window)
        with qtbot.waitSignal(controller.queueEmpty, timeout=5000):
            window.commands["submit"].trigger()
    finally:
        controller.shutdown()
    record = store.load_document(doc_id)
    assert record.status is Status.VERIFIED
    assert record.final_value("refills") == 2
    assert record.final_value("patient_name") == "Helen Okafor"


def test_a_scan_failed_in_ingest_is_named_as_imported(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    store.add_files("week-12", [scan_file(tmp_path, "torn.png", "x")])
    [(doc_id, stored)] = store.claim_for_processing("week-12", "w", limit=1, lease_seconds=60)
    store.mark_failed(doc_id, ErrorInfo("truncated", f"{stored.name} is damaged"), owner="w")
    controller = _controller(window, store)
    try:
        controller.refresh_queue()
        window.documentActivated.emit(doc_id)
        text = window.messages.label.text()
        assert "torn.png is damaged" in text and stored.name not in text
    finally:
        controller.shutdown()


def test_a_disagreement_note_takes_only_the_lines_it_needs(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    """Room the fields do not need goes below them, not into a note (it grew to fill the form)."""
    _keying_conflict(store, tmp_path)
    controller = _controller(window, store, user="sue")
    try:
        with qtbot.waitSignal(controller.documentShown, timeout=5000):
            controller.start()
        window.form.focus_field("prescriber")  # its snippet shows under it
        qtbot.wait(100)
        notes = [n for n in window.form.findChildren(QLabel, "secondReading") if n.isVisible()]
        assert len(notes) == 1
        assert notes[0].height() <= 4 * notes[0].fontMetrics().lineSpacing()
    finally:
        controller.shutdown()
