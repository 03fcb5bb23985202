"""Worker processes end when the process that started them dies.

A pool worker whose parent is killed (``kill -9`` of ingest or of the review
window) would otherwise live on, holding its OCR engine's few hundred MB. Each
worker runs a daemon thread that watches its parent's process id and ends the
worker as soon as the parent is gone (within half a second), after any file it is
writing is whole (:func:`whole_write`). Linux's
``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that started the
worker ends, and the review window starts its pool from a short-lived thread.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator

POLL_SECONDS = 0.5
# How long the watchdog waits for a file being written to be whole before it ends anyway.
WRITE_GRACE_SECONDS = 10.0
_started = False
# Held while this process writes a file whole (a temporary name, then a rename): the
# watchdog waits for it, so a worker whose parent died leaves no half-written file behind.
_writing = threading.Lock()


@contextlib.contextmanager
def whole_write() -> Iterator[None]:
    """Hold off the end of this worker while a file is written whole."""
    with _writing:
        yield


def watch_parent(poll_seconds: float = POLL_SECONDS) -> None:
    """Start the watchdog in this worker process; calling it again does nothing.

    Does nothing in a process that multiprocessing did not start (a command
    extracting in its own process must not end when its shell does).
    """
    global _started
    parent_process = multiprocessing.parent_process()
    if _started or parent_process is None or parent_process.pid is None:
        return
    _started = True
    # the pid multiprocessing recorded: the parent may have died before this runs
    parent = parent_process.pid
    thread = threading.Thread(
        target=_watch, args=(parent, poll_seconds), name="medreview-lifeline", daemon=True
    )
    thread.start()


def _watch(parent: int, poll_seconds: float) -> None:
    while True:
        if os.getppid() != parent:
            # Re-parented: the parent died. Nothing of this worker's is worth saving
            # (results go to the parent), so end without cleanup handlers, once a file
            # being written is whole.
            _writing.acquire(timeout=WRITE_GRACE_SECONDS)
            os._exit(1)
        time.sleep(poll_seconds)
