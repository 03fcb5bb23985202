"""Scheduling extraction over many files: in this process or in a process pool.

Work items are picklable (a path, the config, an optional image folder); each
worker process builds its OCR engine and lexicon once. Results come back in
input order whatever order they finish in.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from medreview.config import PipelineConfig
from medreview.model import ExtractionResult
from medreview.pipeline import extract_file
from medreview.progress import NullProgress, Progress


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One file to extract; ``source`` is how the result names it."""

    path: Path
    source: str
    image_dir: Path | None = None


def _init_worker() -> None:
    # Before Tesseract loads in the child: one OpenMP thread per process.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _run(item: WorkItem, config: PipelineConfig) -> ExtractionResult:
    return extract_file(item.path, config, image_dir=item.image_dir, source=item.source)


def extract_many(
    items: Sequence[WorkItem],
    config: PipelineConfig,
    *,
    workers: int = 1,
    progress: Progress | None = None,
) -> Iterator[ExtractionResult]:
    """Extract every item, yielding results in input order; progress counts files."""
    progress = progress or NullProgress()
    progress.begin(len(items), "extracting")
    try:
        if workers <= 1 or len(items) <= 1:
            for item in items:
                yield _run(item, config)
                progress.advance()
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker
        ) as pool:
            futures: list[Future[ExtractionResult]] = [
                pool.submit(_run, item, config) for item in items
            ]
            for future in futures:
                future.add_done_callback(lambda _f: progress.advance())
            for future in futures:
                yield future.result()
    finally:
        progress.end()
