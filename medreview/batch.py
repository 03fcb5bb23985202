"""Scheduling extraction over many files: in this process or in a process pool.

Work items are picklable (a path, the config, an optional image folder); each
worker process loads its OCR engine and lexicon once, when it starts. Results
come back in input order whatever order they finish in.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from medreview.config import PipelineConfig
from medreview.model import ExtractionResult
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
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker_process,
                initargs=(self.config,),
            )
        return self

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
            futures: list[Future[ExtractionResult]] = [
                self._executor.submit(_run, item, self.config) for item in items
            ]
            for future in futures:
                future.add_done_callback(lambda _f: progress.advance())
            for future in futures:
                yield future.result()
        finally:
            progress.end()


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
