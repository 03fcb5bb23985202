"""Store benchmark: ingest throughput and review-queue claim latency, SQLite and PostgreSQL.

A script, not a test: ``.venv/bin/python -m tests.benchmarks.store_bench``.
Prints:

- ingest throughput in pages per minute with 1 and 2 worker processes on each
  backend, through the real pipeline on the committed ``samples/`` (``--copies N``
  ingests N distinct copies of each) or, with ``--fake``, through the fake
  extractor (the store's own overhead);
- the latency of ``claim_next`` (and claim + submit) with 200 ready documents.

PostgreSQL is ``--postgres URL`` or a private server started like the tests do.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from medreview.ingest import ingest, pipeline_extract
from medreview.store import Store
from medreview.store.keys import KEY_ENV
from tests.accounts import add_people
from tests.store.conftest import PostgresServer
from tests.store.fakes import fake_extract, make_scans

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SCAN_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"}


def _sample_copies(folder: Path, copies: int) -> None:
    """``copies`` byte-distinct copies of each sample (trailing bytes; readers ignore them)."""
    folder.mkdir(parents=True)
    for sample in sorted(SAMPLES.iterdir()):
        if sample.suffix.lower() not in SCAN_SUFFIXES:
            continue
        data = sample.read_bytes()
        for copy in range(copies):
            (folder / f"{sample.stem}-{copy}{sample.suffix}").write_bytes(data + b"\n" * copy)


@contextmanager
def _databases(postgres: str | None, work: Path) -> Iterator[Callable[[str], str]]:
    server: PostgresServer | None = None
    if postgres is None:
        server = PostgresServer()
        server.start()
    try:

        def make(backend: str) -> str:
            if backend == "sqlite":
                return f"sqlite:///{work / f'{uuid.uuid4().hex}.sqlite3'}"
            if server is None:
                return postgres or ""
            name = f"bench_{uuid.uuid4().hex[:10]}"
            server.admin(f"CREATE DATABASE {name}")
            return server.url(name)

        yield make
    finally:
        if server is not None:
            server.stop()


def bench_ingest(url: str, folder: Path, workers: int, fake: bool, work: Path) -> str:
    with Store.open(url, files_root=work / uuid.uuid4().hex) as store:
        batch = f"bench-{uuid.uuid4().hex[:6]}"
        report = ingest(
            store,
            [folder],
            batch,
            workers=workers,
            extract=fake_extract if fake else pipeline_extract,
        )
    return (
        f"{report.processed} docs, {report.pages} pages, {report.failed} failed in "
        f"{report.seconds:.1f} s = {report.pages_per_minute:.1f} pages/min"
    )


def bench_claims(url: str, work: Path, count: int) -> str:
    with Store.open(url, files_root=work / uuid.uuid4().hex) as store:
        folder = work / f"claims-{uuid.uuid4().hex[:6]}"
        make_scans(folder, count)
        add_people(store)  # "bench" is one of the test accounts
        ingest(store, [folder], "claims", workers=0, extract=fake_extract)
        claim_ms: list[float] = []
        cycle_ms: list[float] = []
        while True:
            start = time.perf_counter()
            doc = store.claim_next("bench")
            claimed = time.perf_counter()
            if doc is None:
                break
            store.submit(doc.id, "bench")
            claim_ms.append((claimed - start) * 1000)
            cycle_ms.append((time.perf_counter() - start) * 1000)
    quantiles = statistics.quantiles(claim_ms, n=20)
    return (
        f"{len(claim_ms)} claims: median {statistics.median(claim_ms):.1f} ms, "
        f"p95 {quantiles[18]:.1f} ms, max {max(claim_ms):.1f} ms; "
        f"claim + submit median {statistics.median(cycle_ms):.1f} ms"
    )


def main() -> None:
    os.environ.setdefault(KEY_ENV, "benchmark passphrase")  # no OS keyring needed
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="PostgreSQL URL (default: a private server)")
    parser.add_argument("--copies", type=int, default=1, help="copies of each sample")
    parser.add_argument("--fake", action="store_true", help="fake extractor, 200 scans")
    parser.add_argument("--claims", type=int, default=200, help="ready documents to claim")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="medreview-bench-"))
    try:
        folder = work / "scans"
        if args.fake:
            make_scans(folder, 200)
        else:
            _sample_copies(folder, args.copies)
        with _databases(args.postgres, work) as make:
            for backend in args.backends.split(","):
                for workers in (1, 2):
                    url = make(backend)
                    line = bench_ingest(url, folder, workers, args.fake, work)
                    kind = "fake" if args.fake else "real OCR"
                    print(f"ingest {backend:10s} {workers} worker(s), {kind}: {line}", flush=True)
            for backend in args.backends.split(","):
                url = make(backend)
                print(f"claim  {backend:10s}: {bench_claims(url, work, args.claims)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
