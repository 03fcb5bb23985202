"""Encryption at rest: no readable patient value in any file of the data folder,
private permissions, keys, and TLS towards a remote PostgreSQL server."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from medreview.errors import DatabaseUnavailableError
from medreview.ingest import ingest
from medreview.sealing import MAGIC
from medreview.store import Status, Store
from medreview.store.db import tls_arguments
from tests.accounts import add_people

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "rx_printed_scan.png"


def _needles() -> list[bytes]:
    truth = json.loads(SAMPLE.with_suffix(".json").read_text())["fields"]
    values = [truth["patient_name"], truth["prescriber"], truth["patient_address"]]
    values += ["Zebulon Quaintance", "Rivera", "Tanaka", "Valley Rd"]
    found = []
    for value in values:
        found += [value.encode("utf-8"), value.encode("utf-16-le"), value.upper().encode()]
    return found


@pytest.mark.slow
def test_no_patient_value_is_readable_in_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'medreview.sqlite3'}"
    with Store.open(url) as store:
        add_people(store)
        report = ingest(store, [SAMPLE], "b", workers=0)
        assert report.processed == 1
        doc = store.claim_next("alice", "b")
        assert doc is not None and doc.result.values().get("patient_name")
        store.save_edit(doc.id, "alice", "patient_name", "Zebulon Quaintance")
        store.submit(doc.id, "alice")
        assert store.load_document(doc.id).status is Status.VERIFIED
        # the WAL holds the latest pages until a checkpoint: look while it is there
        files = [p for p in data.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") for p in files)
        _assert_unreadable_and_private(data, files)
        # the scan copy and the page images are sealed, and read back through the store
        stored = [p for p in files if p.parts[-3] in {"sources", "pages"}]
        assert len(stored) == 3 and all(p.read_bytes().startswith(MAGIC) for p in stored)
        assert not any(b"\x89PNG" in p.read_bytes() for p in stored)
        record = store.load_document(doc.id)
        page = record.seal.read_image(record.image_paths[0])
        assert page.shape[:2] == (record.result.pages[0].height, record.result.pages[0].width)
        assert record.seal.read(record.source_path) == SAMPLE.read_bytes()
    _assert_unreadable_and_private(data, [p for p in data.rglob("*") if p.is_file()])


def _assert_unreadable_and_private(data: Path, files: list[Path]) -> None:
    assert len(files) >= 4  # database, its WAL, the scan, the page images
    for path in files:
        raw = path.read_bytes()
        for needle in _needles():
            assert needle not in raw, f"{needle!r} readable in {path.relative_to(data)}"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.relative_to(data)
    for folder in [data, *(p for p in data.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_the_database_needs_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    with Store.open(url) as store:
        store.create_batch("b")
    assert not (tmp_path / "k.sqlite3").read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setenv("MEDREVIEW_KEY", "another passphrase")
    with pytest.raises(DatabaseUnavailableError, match="wrong key"):
        Store.open(url)
    monkeypatch.delenv("MEDREVIEW_KEY")
    with pytest.raises(DatabaseUnavailableError, match="MEDREVIEW_KEY"):
        Store.open(url)  # no keyring on this machine either


def test_a_plain_store_is_encrypted_when_a_key_appears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    monkeypatch.setenv("MEDREVIEW_ENCRYPTION", "off")
    with caplog.at_level(logging.WARNING), Store.open(url) as store:
        store.create_batch("plain batch")
    assert "NOT encrypted" in caplog.text
    assert (tmp_path / "p.sqlite3").read_bytes().startswith(b"SQLite format 3")
    monkeypatch.delenv("MEDREVIEW_ENCRYPTION")
    with Store.open(url) as store:
        assert [b.name for b in store.batches()] == ["plain batch"]
        assert store.verify_integrity().ok
    raw = (tmp_path / "p.sqlite3").read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"plain batch" not in raw


def test_plain_scans_and_page_images_are_sealed_when_a_key_appears(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    monkeypatch.setenv("MEDREVIEW_ENCRYPTION", "off")
    with Store.open(url) as store:
        add_people(store)
        (ref,) = store.add_files("b", [SAMPLE])
        page = store.page_dir(ref.id) / "page-000.png"
        page.write_bytes(b"\x89PNG a page written before sealing")
        scan = store.scan_path(ref.sha256)
    assert scan.read_bytes() == SAMPLE.read_bytes()
    monkeypatch.delenv("MEDREVIEW_ENCRYPTION")
    with Store.open(url) as store:
        assert scan.read_bytes().startswith(MAGIC) and page.read_bytes().startswith(MAGIC)
        assert store.seal.read(scan) == SAMPLE.read_bytes()
        assert store.seal.read(page) == b"\x89PNG a page written before sealing"
        assert store.verify_integrity().ok  # the scan's registered hash is its plaintext's


def test_postgresql_requires_tls_except_on_this_host(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    remote = make_url("postgresql+psycopg://u@db.example.org/medreview")
    assert tls_arguments(remote) == {"sslmode": "require"}
    assert tls_arguments(make_url("postgresql+psycopg://u@localhost/m")) == {}
    assert tls_arguments(make_url("postgresql+psycopg://u@127.0.0.1:5432/m")) == {}
    verify = make_url("postgresql+psycopg://u@db.example.org/m?sslmode=verify-full")
    assert tls_arguments(verify) == {"sslmode": "verify-full"}
    monkeypatch.setenv("MEDREVIEW_DB_TLS", "off")
    with caplog.at_level(logging.WARNING):
        assert tls_arguments(remote) == {"sslmode": "disable"}
    assert "in the clear" in caplog.text
