"""Extraction benchmark: accuracy, speed, time per stage and peak memory.

A script, not a test: ``.venv/bin/python -m tests.benchmarks.extract_bench``.
It generates a labelled corpus (or uses ``--corpus DIR`` of ``NAME.ext`` +
``NAME.json`` pairs), extracts it with 1 and with 2 worker processes and prints:

- field-level exact-match accuracy per document type, per field and per
  degradation, with handwriting-font pages reported separately;
- pages per minute with 1 and 2 processes, and the speed-up;
- seconds per stage and the share of time spent outside the OCR engine call;
- the peak resident memory of the whole 2-process run (parent and workers);
- the in-process (tesserocr) against the subprocess (pytesseract) engine.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medreview.batch import ExtractionPool, WorkItem
from medreview.config import PipelineConfig
from medreview.loading import load_pages
from medreview.model import ExtractionResult
from medreview.ocr import get_engine
from medreview.preprocess import to_gray
from tests.corpus.generate import generate_corpus

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Case:
    path: Path
    truth: dict[str, Any]


def corpus_cases(folder: Path) -> list[Case]:
    cases = []
    for truth_path in sorted(folder.glob("*.json")):
        matches = [p for p in folder.glob(truth_path.stem + ".*") if p.suffix != ".json"]
        if matches:
            cases.append(Case(matches[0], json.loads(truth_path.read_text())))
    return cases


class MemorySampler:
    """Samples the resident memory of this process and all its descendants."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree_rss(root: int) -> int:
        children: dict[int, list[int]] = defaultdict(list)
        rss: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                statm = (entry / "statm").read_text().split()
            except OSError:
                continue
            pid = int(entry.name)
            children[int(fields[1])].append(pid)
            rss[pid] = int(statm[1]) * _PAGE_SIZE
        total, stack = 0, [root]
        while stack:
            pid = stack.pop()
            total += rss.get(pid, 0)
            stack.extend(children.get(pid, ()))
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return abs(float(expected) - float(actual)) < 1e-6
        except (TypeError, ValueError):
            return False
    return bool(expected == actual)


def score(cases: list[Case], results: list[ExtractionResult]) -> dict[str, dict[str, list[int]]]:
    """Per grouping key, [correct, total] counts."""
    tally: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for case, result in zip(cases, results, strict=True):
        truth = case.truth
        values = result.values()
        group = "handwriting" if truth.get("handwriting") else "printed"
        for name, expected in truth["fields"].items():
            ok = int(same(expected, values.get(name)))
            keys = {
                "type": f"{group} {truth['document_type']}",
                "field": f"{truth['document_type']}.{name}",
                "degradation": f"{group} {truth.get('degradation', '?')}",
                "overall": group,
            }
            for kind, key in keys.items():
                tally[kind][key][0] += ok
                tally[kind][key][1] += 1
        for name in values.keys() - truth["fields"].keys():
            if values[name] not in (None, [], ""):
                tally["spurious"][f"{truth['document_type']}.{name}"][1] += 1
    return tally


@dataclass
class Run:
    results: list[ExtractionResult]
    seconds: float  # extraction with warm workers
    startup: float  # starting the workers and loading their engines and lexicons
    peak_memory: int

    @property
    def pages(self) -> int:
        return sum(len(r.pages) for r in self.results)


def run(cases: list[Case], config: PipelineConfig, workers: int) -> Run:
    items = [WorkItem(c.path, str(c.path)) for c in cases]
    with MemorySampler() as memory:
        start = time.perf_counter()
        with ExtractionPool(config, workers) as pool:
            pool.warm()
            ready = time.perf_counter()
            results = list(pool.extract(items))
            done = time.perf_counter()
    return Run(results, done - ready, ready - start, memory.peak)


def page_images(cases: list[Case], count: int) -> Iterator[Any]:
    for case in cases:
        for page in load_pages(case.path, PipelineConfig().load):
            yield to_gray(page.image)
            count -= 1
            if count == 0:
                return


def compare_engines(cases: list[Case], pages: int) -> None:
    images = list(page_images(cases, pages))
    for name in ("tesserocr", "pytesseract"):
        engine = get_engine(name)
        engine.recognize(images[0], 0)  # load models outside the timing
        start = time.perf_counter()
        for index, image in enumerate(images):
            engine.recognize(image, index)
        per_page = (time.perf_counter() - start) / len(images)
        print(f"  {name:<12} {per_page:6.2f} s/page ({engine.version()})")


def print_table(title: str, rows: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    for key in sorted(rows):
        correct, total = rows[key]
        share = 100.0 * correct / total if total else 0.0
        print(f"  {key:<48} {share:6.1f}%  ({correct}/{total})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of NAME.ext + NAME.json")
    parser.add_argument("--documents", type=int, default=36, help="documents to generate")
    parser.add_argument("--handwriting-share", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-single", action="store_true", help="only the 2-worker run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="medreview-bench-") as scratch:
        folder = args.corpus
        if folder is None:
            folder = Path(scratch)
            print(f"generating {args.documents} documents ...", flush=True)
            generate_corpus(
                folder, args.documents, seed=args.seed, handwriting_share=args.handwriting_share
            )
        cases = corpus_cases(folder)
        config = PipelineConfig()
        print(f"corpus: {len(cases)} documents", flush=True)

        runs: dict[int, Run] = {}
        for workers in (2,) if args.skip_single else (1, 2):
            runs[workers] = run(cases, config, workers)
            done = runs[workers]
            print(
                f"{workers} worker(s): {done.pages} pages in {done.seconds:.1f} s "
                f"(+{done.startup:.1f} s start-up)",
                flush=True,
            )

        results = runs[min(runs)].results
        failed = [r.source for r in results if r.error]
        pages = sum(len(r.pages) for r in results)
        tally = score(cases, results)
        print_table("accuracy by document type", tally["overall"] | tally["type"])
        print_table("accuracy by degradation", tally["degradation"])
        print_table("accuracy by field", tally["field"])
        if tally["spurious"]:
            print_table("fields extracted that the document does not show", tally["spurious"])
        if failed:
            print(f"\nfailed files: {failed}")

        print("\nthroughput (warm workers; with start-up in brackets)")
        for workers, done in sorted(runs.items()):
            warm = 60 * done.pages / done.seconds
            cold = 60 * done.pages / (done.seconds + done.startup)
            print(f"  {workers} process(es): {warm:6.1f} pages/minute ({cold:.1f})")
        if 1 in runs and 2 in runs:
            one, two = runs[1], runs[2]
            print(f"  speed-up 2 vs 1: {one.seconds / two.seconds:.2f}x", end=" ")
            print(f"({(one.seconds + one.startup) / (two.seconds + two.startup):.2f}x)")

        stages: dict[str, float] = defaultdict(float)
        for result in results:
            for stage, seconds in result.timings.items():
                stages[stage] += seconds
        total = sum(stages.values())
        print("\ntime per stage (seconds per page)")
        for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<12} {seconds / pages:6.3f}  ({100 * seconds / total:4.1f}%)")
        print(f"  outside the OCR engine: {100 * (1 - stages['ocr'] / total):.1f}% of the time")

        print(f"\npeak memory, 2-process run: {runs[2].peak_memory / 2**20:.0f} MiB")
        print("\nengines on the same pages")
        compare_engines(cases, 4)


if __name__ == "__main__":
    main()
