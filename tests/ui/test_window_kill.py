"""``kill -9`` of the review window while it reads scans: its OCR workers end, no
copy is half-written, and the next run takes its claimed scans back at once."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medreview.ingest import ingest
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.store.test_store_kill import alive, children_of

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "rx_printed_scan.png"


@pytest.mark.slow
@pytest.mark.parametrize("when", ["reading the first scan", "showing the first document"])
def test_kill_9_of_the_window(tmp_path: Path, when: str) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    scans = tmp_path / "scans"
    scans.mkdir()
    for index in range(3):
        target = scans / f"scan{index}.png"
        shutil.copy(SAMPLE, target)
        with target.open("ab") as handle:
            handle.write(bytes([index]))  # three different files
    with Store.open(url) as store:
        add_people(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "ui.app", "--database", url, "--batch", "b"]
    command += ["--user", "ana", "--settings", str(tmp_path / "gui.ini"), "--import", str(scans)]
    window = subprocess.Popen(command, cwd=ROOT, env=env)
    workers: set[int] = set()
    deadline = time.monotonic() + 180
    try:
        while True:
            assert window.poll() is None, "the window ended by itself"
            assert time.monotonic() < deadline, "the window never got that far"
            workers |= children_of(window.pid)
            if workers and _reached(url, when):
                break
            time.sleep(0.05)
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait(30)
    end = time.monotonic() + 10
    while alive(workers) and time.monotonic() < end:
        time.sleep(0.1)
    assert not alive(workers), "OCR workers outlived the killed window"
    with Store.open(url) as store:
        assert store.batch("b").total == 3
        assert not list(store.files_root.rglob(".incoming-*"))
        # the next ingest on this host takes the dead window's OCR claims back at once
        report = ingest(store, [], "b", workers=0)
        info = store.batch("b")
        assert info.counts[Status.QUEUED] == info.counts[Status.PROCESSING] == 0, report
        assert info.counts[Status.READY] + info.counts[Status.IN_REVIEW] == 3


def _reached(url: str, when: str) -> bool:
    try:
        with Store.open(url, busy_timeout=0.1) as store:
            counts = store.batch("b").counts
    except Exception:  # not created yet, or busy
        return False
    if when == "reading the first scan":
        return counts[Status.PROCESSING] >= 1
    return counts[Status.IN_REVIEW] >= 1
