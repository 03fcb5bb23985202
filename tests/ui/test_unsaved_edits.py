"""An edit the database cannot take now stays queued, marked, and is saved later; an
import never stops on a bad file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from medreview.store import Store
from tests import rawdb
from tests.accounts import add_people
from tests.ui.conftest import TODAY
from tests.ui.fakes import SampleExtract, region_reader, scan_file
from ui.controller import ReviewController
from ui.main_window import MainWindow


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    # a short busy timeout: the window must not wait long for a held lock
    db = Store.open(
        f"sqlite:///{tmp_path / 'review.sqlite'}", files_root=tmp_path / "files", busy_timeout=0.2
    )
    add_people(db)
    yield db
    db.close()


def test_an_edit_made_while_the_database_is_locked_is_kept_and_saved(
    qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    controller = ReviewController(
        window,
        store,
        user="ana",
        batch="b",
        extract=SampleExtract(),
        read_region=region_reader("3"),
        save_delay_ms=20,
        retry_ms=100,
        ocr_in_processes=False,
    )
    window.show()
    try:
        (tmp_path / "scans").mkdir()
        scan = scan_file(tmp_path / "scans", "rx_0001.png", "rx_0001")
        with qtbot.waitSignal(controller.documentShown, timeout=10_000):
            window.importRequested.emit([scan])
        doc = window.document
        assert doc is not None
        assert store.url.database is not None
        blocker = rawdb.connect(store.url.database)
        blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            editor = window.form.editor("patient_name")
            assert isinstance(editor, QLineEdit)
            with qtbot.waitSignal(controller.unsavedChanged, timeout=5000) as marked:
                window.form.focus_field("patient_name")
                editor.selectAll()
                qtbot.keyClicks(editor, "Jane Doe")
            assert marked.args[0] >= 1
            assert "Not saved yet" in window.statusBar().currentMessage()
            qtbot.wait(400)  # several retries fail while the lock is held
            assert controller.unsaved_edits >= 1
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        qtbot.waitUntil(lambda: controller.unsaved_edits == 0, timeout=5000)
        assert store.load_document(doc.doc_id).edits["patient_name"] == "Jane Doe"
        assert "Not saved" not in window.statusBar().currentMessage()
    finally:
        controller.shutdown()


def test_an_import_with_a_fifo_refuses_it_and_reads_the_rest(
    qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path
) -> None:
    import os

    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    controller = ReviewController(
        window,
        store,
        user="ana",
        batch="b",
        extract=SampleExtract(),
        read_region=region_reader("3"),
        ocr_in_processes=False,
    )
    window.show()
    try:
        (tmp_path / "scans").mkdir()
        fifo = tmp_path / "scans" / "pipe.png"
        os.mkfifo(fifo)
        scan = scan_file(tmp_path / "scans", "rx_0001.png", "rx_0001")
        with qtbot.waitSignal(controller.documentShown, timeout=10_000):
            window.importRequested.emit([fifo, scan])
        assert window.document is not None and window.document.name == "rx_0001.png"
        with store.engine.connect() as conn:
            refused = conn.execute(
                text("SELECT detail FROM audit_log WHERE action = 'file_refused'")
            ).scalars()
            assert list(refused) == ["pipe.png: not_a_file"]
    finally:
        controller.shutdown()
