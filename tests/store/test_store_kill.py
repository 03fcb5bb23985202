"""``kill -9`` of an ingest at several points: nothing lost, nothing half-written, no
worker process left behind (the workers notice their parent is gone and end)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from medreview.ingest import ingest
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.store.fakes import CALL_LOG_ENV, DELAY_ENV, fake_extract, make_scans

ROOT = Path(__file__).resolve().parents[2]


def children_of(pid: int) -> set[int]:
    """Every live (not zombie) descendant of ``pid``."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        if fields.get("State", "").startswith("Z"):
            continue
        parents[int(entry.name)] = int(fields.get("PPid", "0"))
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """The pids still running (zombies count as ended)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "State:\tZ" not in state:
            running.add(pid)
    return running


def _ready(store: Store) -> int:
    try:
        return store.batch("b").counts[Status.READY]
    except Exception:  # the batch is not registered yet
        return 0


@pytest.mark.parametrize("when", ["starting", "after 3 documents", "after 12 documents"])
def test_kill_9_of_ingest_leaves_no_worker_and_loses_nothing(
    tmp_path: Path, when: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    files_root = tmp_path / "files"
    make_scans(tmp_path / "in", 16)
    call_log = tmp_path / "calls.log"
    env = {**os.environ, DELAY_ENV: "0.3", CALL_LOG_ENV: str(call_log), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.store.workers", url, str(files_root)]
    child = subprocess.Popen([*command, str(tmp_path / "in"), "b", "2"], cwd=ROOT, env=env)
    workers: set[int] = set()
    with Store.open(url, files_root=files_root) as store:
        try:
            deadline = time.monotonic() + 120
            target = {"starting": 0, "after 3 documents": 3, "after 12 documents": 12}[when]
            while len(workers) < 2 or _ready(store) < target:
                assert child.poll() is None, "the ingest ended before it could be killed"
                assert time.monotonic() < deadline, "the ingest made no progress"
                workers |= children_of(child.pid)
                time.sleep(0.02)
        finally:
            child.send_signal(signal.SIGKILL)  # the ingest only, not its workers
            child.wait(30)
        assert workers
        deadline = time.monotonic() + 10
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(workers), "worker processes outlived the killed ingest"

        leftovers = list(files_root.rglob(".incoming-*"))
        assert not leftovers  # no half-written copy under any name
        monkeypatch.setenv(CALL_LOG_ENV, str(call_log))
        report = ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
        assert report.registered + report.already_registered == 16
        info = store.batch("b")
        assert info.counts[Status.READY] == 16 == info.total
        for doc in store.documents("b"):
            trail = [entry.action for entry in store.audit_for(doc.id)]
            assert trail.count("registered") == 1 and trail.count("processed") == 1
    assert len(Counter(call_log.read_text().split())) == 16  # every scan was read


def test_kill_9_of_export_leaves_the_store_consistent(tmp_path: Path) -> None:
    """Killed at any point, an export leaves either no output or a complete one, and
    never marks a document exported without the file that holds it."""
    import json

    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    files_root = tmp_path / "files"
    make_scans(tmp_path / "in", 150)
    with Store.open(url, files_root=files_root) as store:
        add_people(store)
        ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract, auto_verify=0.5)
        assert store.batch("b").counts[Status.VERIFIED] == 150
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDREVIEW_FILES_DIR": str(files_root)}
    out = tmp_path / "out.json"
    command = [sys.executable, "-m", "medreview", "export", "--batch", "b", "--format", "json"]
    command += ["--out", str(out), "--user", "sue", "--quiet", "--database", url]
    exported_before = 0
    for delay in (1.0, 2.0, 3.0, 4.0):
        out.unlink(missing_ok=True)
        child = subprocess.Popen(command, cwd=ROOT, env=env)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        with Store.open(url, files_root=files_root) as store:
            counts = store.batch("b").counts
            assert counts[Status.VERIFIED] + counts[Status.EXPORTED] == 150
            if out.exists():
                assert len(json.loads(out.read_text())) == 150  # complete, never half
            else:  # no file: no document newly marked exported
                assert counts[Status.EXPORTED] == exported_before
            assert counts[Status.EXPORTED] in {0, 150}  # one transaction marks them all
            assert store.verify_integrity(scans=False).ok
            exported_before = counts[Status.EXPORTED]
