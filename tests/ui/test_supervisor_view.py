from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from medreview.store import Status, Store
from tests.accounts import add_people
from tests.ui.fakes import seed
from ui.supervisor_view import SupervisorView
from ui.workers import WorkerPool


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(f"sqlite:///{tmp_path / 'sup.sqlite'}", files_root=tmp_path / "files")
    add_people(db, extra={"ben": "analyst"})
    ids = seed(db, "week-12", ["rx_0001", "rx_0002", "pd_0001"], tmp_path / "scans")
    assert len(ids) == 3
    for user in ("ana", "ben"):
        record = db.claim_next(user, "week-12")
        assert record is not None
        db.submit(record.id, user)
    yield db
    db.close()


def test_batches_counts_and_throughput(qtbot: QtBot, qtmodeltester: object, store: Store) -> None:
    view = SupervisorView(store.batch_stats, store.export, WorkerPool(1))
    qtbot.addWidget(view)
    view.refresh()
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    assert view.selected_batch() == "week-12"
    row = [view.model.data(view.model.index(0, c)) for c in range(view.model.columnCount())]
    assert row[:2] == ["week-12", 3]
    assert row[4] == 1 and row[6] == 2  # ready, verified
    names = [name for name, _, _ in view.chart.bars()]
    assert names == ["ana", "ben"]
    assert all("1 verified" in label for _, _, label in view.chart.bars())
    assert "2 of 3" in view.summary.text()


def test_export_runs_in_the_background_with_progress(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    pool = WorkerPool(1)

    def export(batch: str, fmt: str, out: Path, progress: object) -> object:
        return store.export(batch, fmt, out, progress, user="sue")  # type: ignore[arg-type]

    view = SupervisorView(store.batch_stats, export, pool)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.refresh()
    view.ask_export()
    dialog = view.export_dialog
    assert dialog is not None
    dialog.format_box.setCurrentText("json")
    out = tmp_path / "out" / "week-12.json"
    dialog.path_edit.setText(str(out))
    assert dialog.choice() == ("json", out)
    out.parent.mkdir()
    with qtbot.waitSignal(view.exportFinished, timeout=10_000) as done:
        dialog.accept()
    assert "exported 2 document(s)" in done.args[0]
    assert out.exists()
    qtbot.waitUntil(lambda: pool.active_count == 0)
    assert store.batch("week-12").counts[Status.EXPORTED] == 2


def test_export_error_is_shown(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    pool = WorkerPool(1)
    view = SupervisorView(store.batch_stats, store.export, pool)  # analyst "system" default
    qtbot.addWidget(view)
    view.refresh()
    with qtbot.waitSignal(view.exportFailed, timeout=10_000) as failed:
        view.start_export("no-such-batch", "csv", tmp_path / "x.csv")
    assert failed.args[0]
    qtbot.waitUntil(lambda: pool.active_count == 0)
    assert not view.progress.isVisible()


def test_analyst_statistics_per_analyst_and_day(
    qtbot: QtBot, qtmodeltester: object, store: Store
) -> None:
    from datetime import timedelta

    from medreview.store.schema import utcnow

    done = {d.verified_by: d.id for d in store.documents("week-12") if d.verified_by}
    started = utcnow() - timedelta(minutes=3)
    store.log_review(done["ana"], "ana", started, 24, "verified")
    store.log_review(done["ben"], "ben", utcnow() - timedelta(minutes=6), 60, "verified")
    store.reopen(done["ben"], "sue")  # the supervisor sends ben's document back
    view = SupervisorView(
        store.batch_stats, store.export, WorkerPool(1), load_analysts=store.analyst_stats
    )
    qtbot.addWidget(view)
    view.refresh()
    qtmodeltester.check(view.analysts)  # type: ignore[attr-defined]
    days = {d.name: d for d in view.analysts.days()}
    assert set(days) == {"ana", "ben"}
    assert days["ana"].keystrokes_per_document == 24
    assert days["ana"].error_rate == 0
    assert days["ben"].error_rate == 1.0
    rate = days["ana"].documents_per_hour
    assert rate is not None and 19 < rate < 21  # one document in three minutes
    row = [view.analysts.data(view.analysts.index(1, c)) for c in range(7)]
    assert row[0] == "ben" and row[4] == "60" and row[5] == "1 (100%)"


def test_double_keying_is_chosen_per_batch(qtbot: QtBot, store: Store) -> None:
    from PySide6.QtCore import Qt

    view = SupervisorView(
        store.batch_stats,
        store.export,
        WorkerPool(1),
        double_keying=(
            lambda batch: store.batch(batch).double_key_fields,
            lambda batch, fields: store.set_double_keying(batch, fields or None, "sue"),
        ),
    )
    qtbot.addWidget(view)
    view.refresh()
    view.double_keying_button.click()
    dialog = view.double_keying_dialog
    assert dialog is not None
    items = [dialog.fields.item(r) for r in range(dialog.fields.count())]
    for item in items:
        if item.data(Qt.ItemDataRole.UserRole) in ("refills", "policy_number"):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert store.batch("week-12").double_key_fields == ("policy_number", "refills")
    assert "2 field(s)" in view.status.text()
    view.double_keying_button.click()
    dialog = view.double_keying_dialog
    assert dialog is not None
    assert sorted(dialog.chosen()) == ["policy_number", "refills"]
    for row in range(dialog.fields.count()):
        dialog.fields.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert store.batch("week-12").double_key_fields == ()
