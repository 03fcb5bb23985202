"""Scheduling extraction over many files: in this process or in a process pool.

Work items are picklable (a path, the config, an optional image folder); each
worker process loads its OCR engine and lexicon once, when it starts. Results
come back in input order whatever order they finish in.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from medreview.config import PipelineConfig
from medreview.model import ErrorInfo, ExtractionResult
from medreview.pipeline import extract_file, init_worker_process
from medreview.progress import NullProgress, Progress

# How long each warm-up task holds its worker, so that every worker gets one.
_WARM_HOLD_SECONDS = 0.3


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One file to extract; ``source`` is how the result names it."""

    path: Path
    source: str
    image_dir: Path | None = None


def _run(item: WorkItem, config: PipelineConfig) -> ExtractionResult:
    return extract_file(item.path, config, image_dir=item.image_dir, source=item.source)


def _hold() -> None:
    time.sleep(_WARM_HOLD_SECONDS)


class ExtractionPool:
    """Extraction in ``workers`` processes (or in this process for one worker).

    A context manager: the processes live from ``__enter__`` to ``__exit__``, so a
    caller extracting several lists pays the start-up once.
    """

    def __init__(self, config: PipelineConfig, workers: int = 1) -> None:
        self.config = config
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractionPool:
        if self.workers > 1:
            self._executor = self._new_executor()
        return self

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker_process,
            initargs=(self.config,),
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=exc is not None)
            self._executor = None

    def warm(self) -> None:
        """Start every worker and load its engine and lexicon now, not with the first file."""
        if self._executor is None:
            init_worker_process(self.config)
            return
        wait([self._executor.submit(_hold) for _ in range(self.workers)])

    def extract(
        self, items: Sequence[WorkItem], progress: Progress | None = None
    ) -> Iterator[ExtractionResult]:
        """Extract every item, yielding results in input order; progress counts files."""
        progress = progress or NullProgress()
        progress.begin(len(items), "extracting")
        try:
            if self._executor is None:
                for item in items:
                    yield _run(item, self.config)
                    progress.advance()
                return
            for result in self._pooled(items):
                progress.advance()
                yield result
        finally:
            progress.end()

    def _pooled(self, items: Sequence[WorkItem]) -> Iterator[ExtractionResult]:
        """Results in input order; a worker that dies costs only the file that killed it.

        At most two files per worker are in flight. When a worker dies, the pool is
        replaced and the files that were in flight are run again one at a time: one
        that kills its worker while alone gets a ``worker_crashed`` error.
        """
        waiting = deque(range(len(items)))
        suspects: deque[int] = deque()
        flight: dict[Future[ExtractionResult], int] = {}
        done: dict[int, ExtractionResult] = {}
        solo: int | None = None
        emitted = 0
        while emitted < len(items):
            if suspects and not flight:
                solo = suspects.popleft()
                flight[self._submit(items[solo])] = solo
            while not suspects and solo is None and waiting and len(flight) < self.workers * 2:
                index = waiting.popleft()
                flight[self._submit(items[index])] = index
            finished, _ = wait(list(flight), return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                index = flight.pop(future)
                try:
                    done[index] = future.result()
                except BrokenProcessPool:
                    broken = True
                    if index == solo:
                        done[index] = _crashed(items[index])
                    else:
                        suspects.append(index)
                if index == solo:
                    solo = None
            if broken:
                for future, index in flight.items():
                    if future.done() and not future.cancelled() and future.exception() is None:
                        done[index] = future.result()
                    else:
                        suspects.append(index)  # the pool is gone: it runs again, alone
                suspects = deque(sorted(suspects))
                flight.clear()
                solo = None
                self._restart()
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1

    def _submit(self, item: WorkItem) -> Future[ExtractionResult]:
        assert self._executor is not None
        return self._executor.submit(_run, item, self.config)

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor()


def _crashed(item: WorkItem) -> ExtractionResult:
    return ExtractionResult(
        source=item.source,
        error=ErrorInfo("worker_crashed", "the OCR worker process died on this document"),
    )


def extract_many(
    items: Sequence[WorkItem],
    config: PipelineConfig,
    *,
    workers: int = 1,
    progress: Progress | None = None,
) -> Iterator[ExtractionResult]:
    """Extract every item with a pool of its own, yielding results in input order."""
    with ExtractionPool(config, workers if len(items) > 1 else 1) as pool:
        yield from pool.extract(items, progress)
