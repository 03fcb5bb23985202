"""Where the API's OCR runs: a background ingest, and a pool for one-off extractions.

Uploads are registered in the store and answered at once; the
:class:`BackgroundIngest` thread then runs :func:`medreview.ingest.ingest` on
every batch with queued documents (the same claims, leases, process pool and
result storage as ``medreview ingest``; several servers and ingest commands
may share one PostgreSQL store). A one-off extraction runs in its own warm
process pool (:class:`ExtractionWorkers`), so a file that crashes the engine
takes down a worker, not the server, and the server's threads never share an
OCR engine.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from medreview.config import PipelineConfig
from medreview.errors import CancelledError, MedreviewError
from medreview.ingest import ExtractFunction, ingest, pipeline_extract
from medreview.model import ErrorInfo, ExtractionResult
from medreview.pipeline import extract_file, init_worker_process
from medreview.store import Status, Store

log = logging.getLogger(__name__)


class _StopCheck:
    """A progress sink that ends an ingest run between documents when asked to."""

    def __init__(self, stop: threading.Event) -> None:
        self._stop = stop

    def begin(self, total: int, description: str) -> None:
        """Nothing to show."""

    def advance(self, units: int = 1) -> None:
        """Stop here if the server is shutting down."""
        if self._stop.is_set():
            raise CancelledError("the server is stopping")

    def end(self) -> None:
        """Nothing to show."""


class BackgroundIngest:
    """A thread that ingests queued documents of every batch, woken by uploads."""

    def __init__(
        self,
        store: Store,
        config: PipelineConfig,
        *,
        workers: int = 1,
        poll_seconds: float = 10.0,
        extract: ExtractFunction = pipeline_extract,
    ) -> None:
        self.store = store
        self.config = config
        self.workers = workers
        self.poll_seconds = poll_seconds
        self.extract = extract
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="medreview-ingest", daemon=True)

    def start(self) -> None:
        """Start the thread (it first takes up documents left queued before)."""
        self._thread.start()

    def wake(self) -> None:
        """New documents are queued."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the document in hand and stop; unfinished ones stay queued."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _pending(self) -> list[str]:
        return [
            info.name
            for info in self.store.batches()
            if info.counts[Status.QUEUED] or info.counts[Status.PROCESSING]
        ]

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                for batch in self._pending():
                    if self._stop.is_set():
                        break
                    ingest(
                        self.store,
                        [],
                        batch,
                        workers=self.workers,
                        config=self.config,
                        extract=self.extract,
                        progress=_StopCheck(self._stop),
                    )
            except CancelledError:
                break
            except MedreviewError as exc:
                log.warning("background ingest: %s", exc.code)
            except Exception as exc:  # the thread must outlive any one failure
                log.error("background ingest: unexpected %s", type(exc).__name__)
            self._wake.wait(self.poll_seconds)


def extract_upload(path: Path, config: PipelineConfig, source: str) -> ExtractionResult:
    """Run in a pool worker: extract one uploaded file, nothing stored."""
    return extract_file(path, config, source=source)


class ExtractionWorkers:
    """A warm process pool for one-off extractions (started on first use)."""

    def __init__(self, config: PipelineConfig, workers: int = 1) -> None:
        self.config = config
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=init_worker_process,
                    initargs=(self.config,),
                )
            return self._pool

    async def extract(self, path: Path, source: str, document_type: str | None) -> ExtractionResult:
        """Extract ``path`` in a worker; a crashed worker gives an error result."""
        config = replace(self.config, document_type=document_type or self.config.document_type)
        pool = self._executor()
        try:
            future = pool.submit(extract_upload, path, config, source)
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            return ExtractionResult(
                source=source,
                error=ErrorInfo("worker_crashed", "the OCR worker process died on this file"),
            )

    def close(self) -> None:
        """Stop the workers."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
