"""A worker whose parent is killed ends by itself, but only once a file it writes is whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.store.test_store_kill import alive

ROOT = Path(__file__).resolve().parents[1]

# The parent: starts one spawned worker, prints its pid and waits for it. The worker watches
# its parent, then holds a whole write for a second and a half, the time to kill the parent.
PARENT = """
import multiprocessing
import sys
import time
from pathlib import Path

from medreview import lifeline


def work(folder):
    lifeline.watch_parent(poll_seconds=0.05)
    with lifeline.whole_write():
        Path(folder, "started").write_text("")
        time.sleep(1.5)
        Path(folder, "whole").write_text("")
    time.sleep(60)


if __name__ == "__main__":
    worker = multiprocessing.get_context("spawn").Process(target=work, args=(sys.argv[1],))
    worker.start()
    print(worker.pid, flush=True)
    worker.join()
"""


def test_a_worker_whose_parent_is_killed_finishes_its_write_then_ends(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    deadline = time.monotonic() + 60
    while not (tmp_path / "started").exists():
        assert time.monotonic() < deadline, "the worker never started writing"
        time.sleep(0.02)
    parent.send_signal(signal.SIGKILL)  # the parent only, in the middle of the write
    parent.wait(30)
    parent.stdout.close()
    deadline = time.monotonic() + 15
    while alive({worker}) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive({worker}), "the worker outlived its killed parent"
    assert (tmp_path / "whole").exists(), "the worker ended in the middle of its write"
