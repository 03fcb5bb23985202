from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, text

from medreview.cli import main
from medreview.errors import (
    ClaimLostError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    ExitCode,
    SchemaVersionError,
)
from medreview.ingest import ingest
from medreview.model import ExtractionResult
from medreview.store import Status, Store, db
from medreview.store.migrate import head_revision
from medreview.store.paths import default_database_url, files_dir, normalise_url
from medreview.store.schema import Base
from tests import rawdb
from tests.store.fakes import fake_extract, make_scans


def test_migrations_create_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_reopening_migrates_nothing_and_keeps_data(database_url: str, tmp_path: Path) -> None:
    with Store.open(database_url, files_root=tmp_path / "f") as first:
        first.create_batch("kept")
    with Store.open(database_url, files_root=tmp_path / "f") as second:
        assert [b.name for b in second.batches()] == ["kept"]


def test_a_newer_schema_is_refused(store: Store, database_url: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    with pytest.raises(SchemaVersionError):
        Store.open(database_url)


def test_default_database_lives_in_the_private_data_dir(tmp_path: Path) -> None:
    url = normalise_url(None)
    assert url.database == str(tmp_path / "data" / "medreview.sqlite3")
    assert default_database_url().startswith("sqlite:///")
    assert files_dir(url) == tmp_path / "data" / "medreview-files"
    with Store.open() as store:
        assert store.backend == "sqlite"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


def test_a_locked_sqlite_database_is_an_environment_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    with Store.open(f"sqlite:///{path}", busy_timeout=0.2) as store:
        holder = rawdb.connect(path)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLockedError):
                store.create_batch("b")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        store.create_batch("b")  # works again once the lock is gone


def test_an_unreachable_server_is_reported_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql://medreview:hunter2@127.0.0.1:1/medreview"
    with pytest.raises(DatabaseUnavailableError):
        Store.open(url)
    assert main(["stats", "--database", url]) == ExitCode.DATABASE
    err = capsys.readouterr().err
    assert "cannot open the database" in err and "hunter2" not in err


def test_an_abandoned_processing_claim_is_taken_over(store: Store, tmp_path: Path) -> None:
    make_scans(tmp_path / "in", 2)
    store.add_files("b", sorted((tmp_path / "in").iterdir()))
    (first, _) = store.claim_for_processing("b", "elsewhere:1:aa", limit=2, lease_seconds=-1)
    taken = store.claim_for_processing("b", "here:2:bb", limit=5, lease_seconds=60)
    assert [doc_id for doc_id, _ in taken] == [first[0], first[0] + 1]
    late = ExtractionResult(source="x", document_type="prescription")
    with pytest.raises(ClaimLostError):
        store.store_result(first[0], late, owner="elsewhere:1:aa")
    assert store.load_document(first[0]).status is Status.PROCESSING
    actions = [e.action for e in store.audit_for(first[0])]
    assert actions == [
        "registered",
        "processing_started",
        "processing_abandoned",
        "processing_started",
    ]


def test_a_live_processing_claim_is_left_alone(store: Store, tmp_path: Path) -> None:
    make_scans(tmp_path / "in", 1)
    store.add_files("b", sorted((tmp_path / "in").iterdir()))
    assert len(store.claim_for_processing("b", "elsewhere:1:aa", limit=1, lease_seconds=60)) == 1
    assert store.claim_for_processing("b", "here:2:bb", limit=1, lease_seconds=60) == []


def test_stats_per_analyst(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_scans(tmp_path / "in", 4)
    ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    for user, edits in (("alice", 2), ("bob", 0), ("alice", 1)):
        doc = store.claim_next(user)
        assert doc is not None
        for i in range(edits):
            store.save_edit(doc.id, user, "patient_name", f"corrected {i}")
        store.submit(doc.id, user)
    doc = store.claim_next("bob")
    assert doc is not None
    store.reject(doc.id, "bob", "illegible")
    (stats,) = store.batch_stats("b")
    assert stats.counts[Status.VERIFIED] == 3 and stats.counts[Status.REJECTED] == 1
    analysts = {a.name: a for a in stats.analysts}
    assert (analysts["alice"].verified, analysts["alice"].fields_changed) == (2, 2)
    assert analysts["alice"].fields_changed_per_document == 1.0
    assert (analysts["bob"].verified, analysts["bob"].rejected) == (1, 1)
    assert analysts["bob"].fields_changed_per_document == 0.0
    assert analysts["alice"].verified_per_hour is not None
    assert analysts["alice"].verified_per_hour > 0
    assert stats.automation_rate == 0.0
    url = store.url.render_as_string(hide_password=False)
    assert main(["stats", "--batch", "b", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "batch b: 4 document(s)" in out and "alice: 2 verified" in out


def test_a_full_sqlite_database_is_an_environment_error(tmp_path: Path) -> None:
    path = tmp_path / "full.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        store.create_batch("b")
        with store.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

        @event.listens_for(store.engine, "connect")
        def _cap(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")  # the disk is "full"

        store.engine.dispose()
        with pytest.raises(DiskFullError):
            for i in range(200):
                store.create_batch(f"batch {i:04d} " + "x" * 150)


def test_a_full_disk_while_copying_scans_is_an_environment_error() -> None:
    assert isinstance(db.classify(OSError(errno.ENOSPC, "No space left")), DiskFullError)
    assert db.classify(OSError(errno.EACCES, "Permission denied")) is None
    assert db.classify(ValueError("a bug")) is None
