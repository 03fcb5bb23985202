"""Code the store tests run in other processes (spawned, so it must be importable)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from threading import Barrier

from medreview.ingest import ingest
from medreview.store import Store
from tests.store.fakes import fake_extract


def claim_until_empty(url: str, files_root: str, user: str, start: Barrier) -> list[int]:
    """Claim and verify documents until the queue is empty; the ids claimed."""
    claimed: list[int] = []
    with Store.open(url, files_root=Path(files_root)) as store:
        start.wait(60)  # both processes are connected: go
        while (doc := store.claim_next(user)) is not None:
            claimed.append(doc.id)
            store.submit(doc.id, user)
            # An analyst looks at a document before the next claim; without this pause
            # one process can win SQLite's lock every time and starve the other.
            time.sleep(0.005)
    return claimed


def main(argv: list[str]) -> None:
    """``python -m tests.store.workers URL FILES_ROOT FOLDER BATCH WORKERS``: one ingest."""
    url, files_root, folder, batch, workers = argv
    with Store.open(url, files_root=Path(files_root)) as store:
        ingest(store, [Path(folder)], batch, workers=int(workers), extract=fake_extract)


if __name__ == "__main__":
    main(sys.argv[1:])
