"""Two processes on one database: a shared review queue, a crashed ingest."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import func, select

from medreview.ingest import ingest
from medreview.store import Status, Store
from medreview.store.schema import AuditEntry, ExtractedField
from tests.store.fakes import CALL_LOG_ENV, DELAY_ENV, fake_extract, make_scans
from tests.store.workers import claim_until_empty

ROOT = Path(__file__).resolve().parents[2]


def test_two_processes_never_claim_the_same_document(
    store: Store, database_url: str, tmp_path: Path
) -> None:
    make_scans(tmp_path / "in", 200)
    ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    assert store.batch("b").counts[Status.READY] == 200
    context = multiprocessing.get_context("spawn")
    manager = context.Manager()
    start = manager.Barrier(2)
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        futures = [
            pool.submit(claim_until_empty, database_url, str(store.files_root), user, start)
            for user in ("alice", "bob")
        ]
        alice, bob = (f.result(timeout=240) for f in futures)
    manager.shutdown()
    assert not set(alice) & set(bob)
    assert len(alice) + len(bob) == 200 == len(set(alice) | set(bob))
    assert alice and bob, (len(alice), len(bob))  # both really took part
    assert store.batch("b").counts[Status.VERIFIED] == 200
    with store.engine.connect() as conn:
        claims = conn.execute(
            select(AuditEntry.document_id, func.count())
            .where(AuditEntry.action == "claimed")
            .group_by(AuditEntry.document_id)
        ).all()
    assert len(claims) == 200 and all(count == 1 for _, count in claims)


def _ready_count(store: Store) -> int:
    try:
        return store.batch("b").counts[Status.READY]
    except Exception:  # the batch is not registered yet
        return 0


def test_killed_ingest_rerun_processes_every_document_exactly_once(
    store: Store, database_url: str, tmp_path: Path
) -> None:
    scans = make_scans(tmp_path / "in", 30)
    call_log = tmp_path / "calls.log"
    env = {
        **os.environ,
        DELAY_ENV: "0.15",
        CALL_LOG_ENV: str(call_log),
        "PYTHONPATH": str(ROOT),
    }
    args = [str(tmp_path / "in"), "b", "1"]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.workers", database_url, str(store.files_root), *args],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _ready_count(store) < 8:
            assert child.poll() is None, "the ingest ended before it could be killed"
            assert time.monotonic() < deadline, "the ingest made no progress"
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the ingest and its pool workers
        child.wait(30)
    # the fake logs the name of the file it read: the store's hash-named copy
    done_before = {
        store.load_document(d.id).source_path.name for d in store.documents("b", [Status.READY])
    }
    assert 8 <= len(done_before) < 30
    processing = store.batch("b").counts[Status.PROCESSING]
    assert processing > 0  # the kill left claimed work behind

    os.environ[CALL_LOG_ENV] = str(call_log)
    try:
        report = ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    finally:
        del os.environ[CALL_LOG_ENV]
    assert report.registered == 0 and report.already_registered == 30
    info = store.batch("b")
    assert info.counts[Status.READY] == 30 == info.total
    calls = Counter(call_log.read_text().split())
    assert all(calls[name] == 1 for name in done_before)  # finished work was not redone
    assert set(calls) == {store.load_document(d.id).source_path.name for d in store.documents("b")}
    assert len(calls) == len(scans)
    with store.engine.connect() as conn:
        processed = Counter(
            conn.execute(
                select(AuditEntry.document_id).where(AuditEntry.action == "processed")
            ).scalars()
        )
        abandoned = conn.scalar(
            select(func.count()).where(AuditEntry.action == "processing_abandoned")
        )
        fields = Counter(conn.execute(select(ExtractedField.document_id)).scalars())
    assert len(processed) == 30 and set(processed.values()) == {1}
    assert abandoned == processing
    assert sorted(set(fields.values())) == [7, 21]  # one set of fields per document


def test_two_ingest_processes_share_a_batch_without_doing_a_document_twice(
    store: Store, database_url: str, tmp_path: Path
) -> None:
    make_scans(tmp_path / "in", 24)
    call_log = tmp_path / "calls.log"
    env = {**os.environ, DELAY_ENV: "0.2", CALL_LOG_ENV: str(call_log), "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "tests.store.workers",
        database_url,
        str(store.files_root),
        str(tmp_path / "in"),
        "b",
        "1",
    ]
    children = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(2)]
    try:
        codes = [child.wait(240) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait(30)
    assert codes == [0, 0]
    info = store.batch("b")
    assert info.counts[Status.READY] == 24 == info.total
    calls = Counter(call_log.read_text().split())
    assert len(calls) == 24 and set(calls.values()) == {1}  # no document read twice
    with store.engine.connect() as conn:
        owners = conn.execute(
            select(AuditEntry.document_id, func.count())
            .where(AuditEntry.action == "processing_started")
            .group_by(AuditEntry.document_id)
        ).all()
        workers = conn.execute(
            select(func.count(func.distinct(AuditEntry.detail))).where(
                AuditEntry.action == "processing_started"
            )
        ).scalar()
    assert len(owners) == 24 and all(count == 1 for _, count in owners)
    assert workers == 2  # both processes really took part
