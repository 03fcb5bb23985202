"""Sign-in in the window, and automatic logoff: patient data hidden after an idle
time, the claim given back after a longer one, and the same user signing in again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from medreview.store import Status, Store
from tests.accounts import PASSWORD, add_people
from tests.ui.conftest import TODAY
from tests.ui.fakes import SampleExtract, region_reader, scan_file
from ui.controller import ReviewController
from ui.idle import IdleWatcher
from ui.main_window import MainWindow
from ui.signin import LockScreen, SignInDialog


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(f"sqlite:///{tmp_path / 'review.sqlite'}", files_root=tmp_path / "files")
    add_people(db)
    yield db
    db.close()


def test_the_sign_in_dialog_checks_the_password(qtbot: QtBot, store: Store) -> None:
    dialog = SignInDialog(store.authenticate, "ana")
    qtbot.addWidget(dialog)
    dialog.form.password_edit.setText("wrong password")
    dialog.form.button.click()
    assert dialog.user is None and "wrong user name or password" in dialog.form.message.text()
    assert dialog.form.password_edit.text() == ""  # never left in the field
    dialog.form.password_edit.setText(PASSWORD)
    dialog.form.button.click()
    assert dialog.user is not None and dialog.user.name == "ana"


def test_idle_window_hides_data_then_releases_the_claim(
    qtbot: QtBot, settings: QSettings, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    controller = ReviewController(
        window,
        store,
        user="ana",
        batch="b",
        extract=SampleExtract(),
        read_region=region_reader("3"),
        save_delay_ms=20,
        ocr_in_processes=False,
    )
    window.show()
    lock = LockScreen(window, store.authenticate, "ana")
    idle: IdleWatcher | None = None
    try:
        (tmp_path / "scans").mkdir()
        scan = scan_file(tmp_path / "scans", "rx_0001.png", "rx_0001")
        with qtbot.waitSignal(controller.documentShown, timeout=10_000):
            window.importRequested.emit([scan])
        doc = window.document
        # the analyst was busy until now: idle time counts from here
        idle = IdleWatcher(1.0, 2.0, window, tick_ms=50)
        idle.lockDue.connect(lock.lock)
        idle.releaseDue.connect(controller.release_open)
        lock.unlocked.connect(idle.reset)
        lock.unlocked.connect(controller.resume)
        assert doc is not None and not lock.locked
        with qtbot.waitSignal(idle.lockDue, timeout=5000):
            pass
        assert lock.locked
        assert lock.geometry() == window.rect()
        centre = window.rect().center()
        covered = window.childAt(centre)
        assert covered is lock or lock.isAncestorOf(covered)
        with qtbot.waitSignal(idle.releaseDue, timeout=5000):
            pass
        assert store.load_document(doc.doc_id).status is Status.READY  # given back
        lock.form.password_edit.setText("wrong password")
        lock.form.button.click()
        assert lock.locked
        with qtbot.waitSignal(controller.documentShown, timeout=10_000):
            lock.form.password_edit.setText(PASSWORD)
            lock.form.button.click()
        assert not lock.locked
        assert store.load_document(doc.doc_id).status is Status.IN_REVIEW
    finally:
        if idle is not None:
            idle.stop()
        controller.shutdown()
