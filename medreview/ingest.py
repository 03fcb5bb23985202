"""Headless ingest: register scans in a batch, OCR them in a process pool, store results.

Resumable and safe to run many times at once: files are registered by content
hash (a re-run adds nothing twice), documents are claimed from the store's queue
with a lease before processing (two ingest processes, on any machines sharing a
PostgreSQL database, never take the same one), and each result is stored in its
own transaction only while the claim still holds. A killed run loses only the
documents it had in flight; the next run takes them back (at once when the dead
process ran on the same host, else when the lease runs out).

Work items sent to the pool are picklable (paths and configuration); the
extraction function is injectable so tests can pass a fake.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from medreview.config import LoadConfig, PipelineConfig
from medreview.errors import ClaimLostError, InputError, MedreviewError
from medreview.filenames import display_name, display_path
from medreview.loading import check_input
from medreview.model import ErrorInfo, ExtractionResult
from medreview.page_images import PAGE_GLOB
from medreview.pipeline import init_worker_process
from medreview.progress import NullProgress, Progress
from medreview.store.queue import DEFAULT_PROCESSING_LEASE_SECONDS, worker_owner
from medreview.store.schema import Status

if TYPE_CHECKING:
    from medreview.store.api import Store

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset(
    {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif"}
)
REGISTER_CHUNK = 200
WORKER_CRASHED = ErrorInfo("worker_crashed", "the OCR worker process died on this document")


class InputCheck(Protocol):
    """What ingest runs on a file before copying it in (``loading.check_input``)."""

    def __call__(self, path: Path, config: LoadConfig) -> object:
        """Raise an :class:`~medreview.errors.InputError` for a file to refuse."""
        ...


class ExtractFunction(Protocol):
    """What ingest needs of the pipeline (``medreview.pipeline.extract_file``)."""

    def __call__(
        self, path: Path, config: PipelineConfig, *, image_dir: Path | None = None
    ) -> ExtractionResult:
        """Read one file; never raises for a bad input (the result carries the error)."""
        ...


def pipeline_extract(
    path: Path, config: PipelineConfig, *, image_dir: Path | None = None
) -> ExtractionResult:
    """The real pipeline (it caches its OCR engine per worker process)."""
    from medreview.pipeline import extract_file

    return extract_file(path, config, image_dir=image_dir)


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One document for a pool worker: paths and options only."""

    doc_id: int
    source: Path
    image_dir: Path
    config: PipelineConfig


@dataclass(frozen=True, slots=True)
class WorkDone:
    """What a worker sends back."""

    doc_id: int
    result: ExtractionResult
    image_paths: list[Path]
    seconds: float


def run_item(extract: ExtractFunction, item: WorkItem) -> WorkDone:
    """Run the pipeline on one document; every failure becomes a result error."""
    start = time.monotonic()
    try:
        result = extract(item.source, item.config, image_dir=item.image_dir)
    except MedreviewError as exc:
        result = ExtractionResult(source=item.source.name, error=ErrorInfo(exc.code, exc.message))
    except Exception as exc:  # one document must never end the batch
        # The exception text may quote the document, so only its type is kept.
        result = ExtractionResult(
            source=item.source.name,
            error=ErrorInfo("internal", f"unexpected {type(exc).__name__} while processing"),
        )
    images = sorted(item.image_dir.glob(PAGE_GLOB))
    return WorkDone(item.doc_id, result, images, time.monotonic() - start)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did (counts only, no values)."""

    batch: str
    registered: int = 0
    already_registered: int = 0
    processed: int = 0
    failed: int = 0
    auto_verified: int = 0
    pages: int = 0
    lost_claims: int = 0
    seconds: float = 0.0
    failures: dict[str, int] = field(default_factory=dict)
    # files refused before they were copied in: (shown name, error code, message)
    refused: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def pages_per_minute(self) -> float:
        """Throughput of this run."""
        return self.pages * 60 / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        """One PHI-free line for the terminal."""
        return (
            f"batch {self.batch!r}: {self.registered} new file(s), "
            f"{self.already_registered} already registered; processed {self.processed} "
            f"({self.pages} pages, {self.pages_per_minute:.1f} pages/min), "
            f"{self.failed} failed, {self.auto_verified} auto-verified"
            + (f"; {len(self.refused)} file(s) refused" if self.refused else "")
        )


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """The paths named, and the supported files under the folders named, in order.

    Nothing is refused here: a missing path, or an entry of a folder that is a
    FIFO or a broken link, is kept so that its own check gives it a per-file error.
    """
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found.extend(
                path
                for path in sorted(item.rglob("*"))
                if path.suffix.lower() in SUPPORTED_SUFFIXES
                and not path.is_dir()
                and not any(part.startswith(".") for part in path.relative_to(item).parts)
            )
        else:
            found.append(item)
    return found


def register(
    store: Store,
    batch: str,
    paths: Sequence[Path],
    report: IngestReport,
    check: Callable[[Path], object] | None = None,
) -> None:
    """Check, copy and queue the files (chunked transactions; known content is skipped).

    A file ``check`` refuses, or that cannot be read, is counted in
    ``report.refused`` and never copied; the other files go on.
    """

    def refused(path: Path, exc: InputError) -> None:
        report.refused.append((display_path(path), exc.code, exc.message))
        log.warning("refused %s: %s", display_name(path), exc.code)

    for start in range(0, len(paths), REGISTER_CHUNK):
        chunk = paths[start : start + REGISTER_CHUNK]
        for ref in store.add_files(batch, chunk, check=check, refused=refused):
            if ref.created:
                report.registered += 1
            else:
                report.already_registered += 1


def ingest(
    store: Store,
    inputs: Sequence[Path],
    batch: str,
    *,
    workers: int = 1,
    config: PipelineConfig | None = None,
    extract: ExtractFunction = pipeline_extract,
    progress: Progress | None = None,
    lease_seconds: float = DEFAULT_PROCESSING_LEASE_SECONDS,
    auto_verify: float | None = None,
    precheck: InputCheck | None = None,
) -> IngestReport:
    """Register ``inputs`` in ``batch`` and process every queued document of it.

    ``workers`` pool processes run ``extract`` (0 runs it in this process).
    ``auto_verify`` sets the batch's straight-through confidence. ``precheck``
    refuses a file before it is copied in; by default the pipeline's own check
    (:func:`medreview.loading.check_input`) when ``extract`` is the real pipeline,
    and none for a fake (which reads files the pipeline would refuse).
    """
    started = time.monotonic()
    report = IngestReport(batch)
    config = config or PipelineConfig()
    store.create_batch(batch, auto_verify=auto_verify)
    if precheck is None and extract is pipeline_extract:
        precheck = check_input
    check = None if precheck is None else _bound(precheck, config.load)
    register(store, batch, collect_files(inputs), report, check)
    info = store.batch(batch)
    todo = info.counts[Status.QUEUED] + info.counts[Status.PROCESSING]
    log.info("batch %r: %d document(s) to process", batch, todo)
    sink = progress or NullProgress()
    sink.begin(todo, f"Ingesting {batch}")
    try:
        # workers seal the page images they write with the store's key
        config = replace(config, seal=store.seal)
        run = _Run(store, batch, config, sink, lease_seconds, report)
        run.process(workers, extract)
    finally:
        sink.end()
        report.seconds = time.monotonic() - started
    log.info("%s", report.summary())
    return report


def _bound(check: InputCheck, limits: LoadConfig) -> Callable[[Path], object]:
    return lambda path: check(path, limits)


Submit = Callable[[WorkItem], "Future[WorkDone]"]

# When a worker process dies, the documents it may have held are retried one at
# a time; a document that kills a worker while alone in flight is marked failed,
# so one poisonous scan cannot stop a batch nor take its neighbours down with it.


@dataclass(slots=True)
class _Run:
    """The state of one ingest process's work on one batch."""

    store: Store
    batch: str
    config: PipelineConfig
    progress: Progress
    lease_seconds: float
    report: IngestReport
    owner: str = field(default_factory=worker_owner)
    suspects: set[int] = field(default_factory=set)

    def process(self, workers: int, extract: ExtractFunction) -> None:
        """Run until no queued document of the batch is left for this process."""
        if workers <= 0:
            self.loop(1, _inline(extract))
            return
        context = multiprocessing.get_context("spawn")
        while True:
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=init_worker_process,
                initargs=(self.config,),
            ) as pool:
                try:
                    finished = self.loop(workers, lambda item: pool.submit(run_item, extract, item))
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
            if finished:
                return
            log.warning("an OCR worker process died; starting a new pool")

    def loop(self, workers: int, submit: Submit) -> bool:
        """Claim, submit and store; False when the pool broke and must be replaced."""
        in_flight: dict[Future[WorkDone], int] = {}
        renew_every = max(self.lease_seconds / 3, 1.0)
        last_renewal = time.monotonic()
        exhausted = False
        while True:
            room = (1 if self.suspects else workers * 2) - len(in_flight)
            if room > 0 and not exhausted:
                claimed = self.store.claim_for_processing(
                    self.batch, self.owner, limit=room, lease_seconds=self.lease_seconds
                )
                exhausted = len(claimed) < room
                if exhausted and not claimed:
                    self.suspects.clear()  # taken by other processes, or done
                for doc_id, source in claimed:
                    item = WorkItem(doc_id, source, self.store.page_dir(doc_id), self.config)
                    in_flight[submit(item)] = doc_id
            if not in_flight:
                return True
            done, _ = wait(list(in_flight), timeout=renew_every, return_when=FIRST_COMPLETED)
            for future in done:
                doc_id = in_flight.pop(future)
                try:
                    work = future.result()
                except BrokenProcessPool:
                    self.crashed([doc_id, *in_flight.values()])
                    return False
                self.suspects.discard(doc_id)
                self.save(work)
                self.progress.advance()
            if exhausted and not done:
                exhausted = False  # look again for work freed by others meanwhile
            if time.monotonic() - last_renewal >= renew_every:
                self.store.renew_processing(
                    self.owner, list(in_flight.values()), self.lease_seconds
                )
                last_renewal = time.monotonic()

    def crashed(self, doc_ids: list[int]) -> None:
        """Fail the document a dead worker held alone; else retry its group one by one."""
        alone = len(doc_ids) == 1 and bool(self.suspects)
        for doc_id in doc_ids:
            try:
                if alone:
                    self.suspects.discard(doc_id)
                    self.store.mark_failed(doc_id, WORKER_CRASHED, owner=self.owner)
                    self.count_failure(doc_id, WORKER_CRASHED.code)
                    self.progress.advance()
                else:
                    self.suspects.add(doc_id)
                    self.store.requeue_processing(doc_id, self.owner, "worker process died")
            except ClaimLostError:
                self.report.lost_claims += 1

    def count_failure(self, doc_id: int, code: str) -> None:
        """Count a failed document (by error code only)."""
        self.report.failed += 1
        self.report.failures[code] = self.report.failures.get(code, 0) + 1
        log.warning("document %d failed: %s", doc_id, code)

    def save(self, work: WorkDone) -> None:
        """Store one result while this process still holds the document."""
        try:
            status = self.store.store_result(
                work.doc_id, work.result, work.image_paths, owner=self.owner
            )
        except ClaimLostError:
            self.report.lost_claims += 1
            log.warning(
                "document %d was taken over by another process; result dropped", work.doc_id
            )
            return
        if status is Status.FAILED:
            self.count_failure(
                work.doc_id, work.result.error.code if work.result.error else "unknown"
            )
            return
        self.report.processed += 1
        self.report.pages += len(work.result.pages)
        if status is Status.VERIFIED:
            self.report.auto_verified += 1


def _inline(extract: ExtractFunction) -> Submit:
    def submit(item: WorkItem) -> Future[WorkDone]:
        future: Future[WorkDone] = Future()
        future.set_result(run_item(extract, item))
        return future

    return submit
