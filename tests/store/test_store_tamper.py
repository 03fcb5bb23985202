"""Tampering with the database or the stored scans is caught by ``audit verify`` and
refuses the export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from medreview.cli import main
from medreview.errors import TamperedError
from medreview.ingest import ingest
from medreview.store import Store
from medreview.store.audit import GENESIS
from tests import rawdb
from tests.store.fakes import PATIENT_DETAILS, PRESCRIPTION, fake_extract, write_scan


def _verified_batch(store: Store, tmp_path: Path) -> list[int]:
    folder = tmp_path / "in"
    folder.mkdir()
    write_scan(folder / "rx.png", "prescription", PRESCRIPTION)
    write_scan(folder / "pd.png", "patient_details", PATIENT_DETAILS, pages=2)
    ingest(store, [folder], "b", workers=0, extract=fake_extract)
    ids = []
    while (doc := store.claim_next("alice", "b")) is not None:
        field = "refills" if doc.document_type == "prescription" else "allergies"
        store.save_edit(doc.id, "alice", field, "PRN" if field == "refills" else ["Latex"])
        store.submit(doc.id, "alice")
        ids.append(doc.id)
    return ids


def _drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
    else:
        conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


def _restore_triggers(conn: Connection) -> None:
    """Put the triggers back, as a careful attacker would."""
    if conn.dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            conn.execute(
                text(
                    f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
                )
            )
    else:
        conn.execute(
            text(
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
            )
        )


def drop_a_trigger(conn: Connection, ids: list[int], store: Store) -> None:
    _drop_triggers(conn)


def delete_an_entry(conn: Connection, ids: list[int], store: Store) -> None:
    _drop_triggers(conn)
    conn.execute(
        text("DELETE FROM audit_log WHERE document_id = :d AND action = 'edited'"), {"d": ids[0]}
    )
    _restore_triggers(conn)


def change_an_entry(conn: Connection, ids: list[int], store: Store) -> None:
    _drop_triggers(conn)
    conn.execute(
        text(
            "UPDATE audit_log SET actor = 'mallory' WHERE document_id = :d AND action = 'verified'"
        ),
        {"d": ids[0]},
    )
    _restore_triggers(conn)


def change_a_final_value(conn: Connection, ids: list[int], store: Store) -> None:
    conn.execute(
        text("UPDATE final_values SET value = :v WHERE document_id = :d"),
        {"v": '"FORGED"', "d": ids[0]},
    )


def forge_a_status(conn: Connection, ids: list[int], store: Store) -> None:
    conn.execute(text("UPDATE documents SET status = 'exported' WHERE id = :d"), {"d": ids[0]})


def swap_a_scan(conn: Connection, ids: list[int], store: Store) -> None:
    stored = conn.execute(
        text("SELECT stored_path FROM documents WHERE id = :d"), {"d": ids[0]}
    ).scalar_one()
    (store.files_root / stored).write_text('{"document_type": "prescription", "fields": {}}')


def swap_a_scan_and_its_hash(conn: Connection, ids: list[int], store: Store) -> None:
    import hashlib

    stored = conn.execute(
        text("SELECT stored_path FROM documents WHERE id = :d"), {"d": ids[0]}
    ).scalar_one()
    forged = b'{"document_type": "prescription", "fields": {}}'
    (store.files_root / stored).write_bytes(forged)
    conn.execute(
        text("UPDATE documents SET source_hash = :h WHERE id = :d"),
        {"h": hashlib.sha256(forged).hexdigest(), "d": ids[0]},
    )


TAMPERS: list[Callable[[Connection, list[int], Store], None]] = [
    drop_a_trigger,
    delete_an_entry,
    change_an_entry,
    change_a_final_value,
    forge_a_status,
    swap_a_scan,
    swap_a_scan_and_its_hash,
]
EXPECTED = {
    "drop_a_trigger": "trigger",
    "delete_an_entry": "chain",
    "change_an_entry": "chain",
    "change_a_final_value": "value",
    "forge_a_status": "status",
    "swap_a_scan": "scan",
    "swap_a_scan_and_its_hash": "scan",
}


@pytest.mark.parametrize("tamper", TAMPERS, ids=lambda t: t.__name__)
def test_audit_verify_and_export_catch_tampering(
    store: Store,
    database_url: str,
    tmp_path: Path,
    tamper: Callable[[Connection, list[int], Store], None],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _verified_batch(store, tmp_path)
    monkeypatch.setenv("MEDREVIEW_FILES_DIR", str(store.files_root))
    assert store.verify_integrity().ok
    assert main(["audit", "verify", "--user", "sue", "--database", database_url]) == 0
    assert "everything verifies" in capsys.readouterr().err

    engine = rawdb.engine(database_url)  # the attacker can write the file (and has the key)
    with engine.begin() as conn:
        tamper(conn, ids, store)
    engine.dispose()

    report = store.verify_integrity()
    assert not report.ok
    assert report.problems[0].kind == EXPECTED[tamper.__name__]
    assert main(["audit", "verify", "--user", "sue", "--database", database_url]) == 6
    err = capsys.readouterr().err
    if EXPECTED[tamper.__name__] == "chain":
        assert "first broken link: audit entry" in err
    with pytest.raises(TamperedError):
        store.export("b", "csv", tmp_path / "out.csv", user="sue")
    assert not (tmp_path / "out.csv").exists()


def test_the_chain_links_every_entry(store: Store, tmp_path: Path) -> None:
    _verified_batch(store, tmp_path)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT prev_hash, entry_hash FROM audit_log ORDER BY id")).all()
    assert rows[0][0] == GENESIS
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, len(rows)))
    assert len({row[1] for row in rows}) == len(rows)


def test_the_migration_chains_entries_written_before_it(tmp_path: Path) -> None:
    from alembic import command

    from medreview.store.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = rawdb.engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.execute(
            text("INSERT INTO users (name, role, created_at) VALUES ('system', 'system', :at)"),
            {"at": "2026-01-01 00:00:00"},
        )
        for second in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, user_id, actor, action, new_value) "
                    "VALUES (:at, 1, 'system', 'x', '\"v\"')"
                ),
                {"at": f"2026-01-01 00:00:0{second}.123456"},
            )
    engine.dispose()
    with Store.open(url) as store:
        assert store.verify_integrity().entries == 3 and store.verify_integrity().ok
        store.create_batch("b", auto_verify=0.5)  # a new entry continues the chain
        report = store.verify_integrity()
        assert report.ok and report.entries == 4
