"""Extraction benchmark: accuracy, confident errors, speed and memory per engine and slice.

A script, not a test: ``.venv/bin/python -m tests.benchmarks.extract_bench``.
It generates a labelled corpus (or uses ``--corpus DIR`` of ``NAME.ext`` +
``NAME.json`` pairs) and extracts it with each engine set-up
(``--setups``: Tesseract alone, PP-OCRv6 alone, PP-OCRv6 with the Tesseract
second reader), printing per slice of the corpus (printed scan, photocopy,
phone photo, handwriting fonts):

- field-level exact-match accuracy;
- seconds per page (the pipeline's own stage timings, one worker);
- "confident errors": fields whose value is wrong yet neither below the review
  window's low-confidence threshold nor disagreeing with the second reader.

Then, for the last set-up, 1 against 2 worker processes (pages per minute,
speed-up) and the peak resident memory of the 2-process run (parent and workers).
``--ocr-cache DIR`` serves pages read before from a cache (:mod:`tests.benchmarks.ocr_cache`)
so accuracy re-runs in seconds, and ``--keep DIR`` keeps the generated corpus for them (with
the cache, seconds per page and the worker comparison mean nothing and are skipped).
``--preprocess-study`` instead reads the corpus with PP-OCRv6 alone under each
preprocessing step switched on or off, which is how the per-engine preprocessing
in ``medreview/config.py`` was chosen. On a shared machine timings are noisy:
compare ratios within one run, and re-run on a quiet machine for absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import cv2
from PIL import Image

from medreview.batch import ExtractionPool, WorkItem
from medreview.config import ENGINE_PREPROCESS, LoadConfig, PipelineConfig, PreprocessConfig
from medreview.loading import load_pages
from medreview.model import ExtractionResult
from medreview.second_reader import LOW_CONFIDENCE
from tests.benchmarks.ocr_cache import installed
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


def slice_of(truth: dict[str, Any]) -> str:
    """The corpus slice a document belongs to."""
    if truth.get("handwriting"):
        return "handwriting fonts"
    degradation = str(truth.get("degradation", ""))
    if "phone" in degradation:
        return "phone photo"
    if "photocopy" in degradation:
        return "photocopy"
    return "printed scan"


@dataclass
class Tally:
    """Counts of one slice."""

    fields: int = 0
    correct: int = 0
    confident_errors: int = 0
    disagreeing: int = 0
    pages: int = 0
    seconds: float = 0.0
    # document.field of each confident error (names only, never values)
    confident: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.fields += other.fields
        self.correct += other.correct
        self.confident_errors += other.confident_errors
        self.disagreeing += other.disagreeing
        self.pages += other.pages
        self.seconds += other.seconds
        self.confident += other.confident


def score(cases: list[Case], results: list[ExtractionResult]) -> dict[str, Tally]:
    """Per slice (and "all"), the counts of the run."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case, result in zip(cases, results, strict=True):
        tally = tallies[slice_of(case.truth)]
        tally.pages += len(result.pages)
        tally.seconds += sum(result.timings.values())
        for name, expected in case.truth["fields"].items():
            found = result.fields.get(name)
            ok = same(expected, found.value if found else None)
            tally.fields += 1
            tally.correct += ok
            if found is not None and found.agreement is False:
                tally.disagreeing += 1
            elif (
                not ok
                and found is not None
                and found.value not in (None, "", [])
                and found.confidence >= LOW_CONFIDENCE
            ):
                tally.confident_errors += 1
                tally.confident.append(f"{case.path.stem}.{name} (agreement {found.agreement})")
    total = Tally()
    for tally in list(tallies.values()):
        total.add(tally)
    tallies["all"] = total
    return tallies


def field_misses(cases: list[Case], results: list[ExtractionResult]) -> dict[str, list[int]]:
    """Per field, [correct, total]."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, result in zip(cases, results, strict=True):
        values = result.values()
        for name, expected in case.truth["fields"].items():
            key = f"{case.truth['document_type']}.{name}"
            rows[key][0] += same(expected, values.get(name))
            rows[key][1] += 1
    return rows


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


def print_slices(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title}")
    print(
        f"  {'slice':<18} {'accuracy':>16} {'s/page':>7} {'confident errors':>18} {'disagree':>9}"
    )
    for key in sorted(tallies, key=lambda k: (k == "all", k)):
        t = tallies[key]
        share = 100.0 * t.correct / t.fields if t.fields else 0.0
        confident = 100.0 * t.confident_errors / t.fields if t.fields else 0.0
        disagree = 100.0 * t.disagreeing / t.fields if t.fields else 0.0
        per_page = t.seconds / t.pages if t.pages else 0.0
        print(
            f"  {key:<18} {share:6.1f}% ({t.correct:>3}/{t.fields:<3}) {per_page:7.2f} "
            f"{confident:8.1f}% ({t.confident_errors:>3})  {disagree:7.1f}%",
            flush=True,
        )


SETUPS: dict[str, PipelineConfig] = {
    "tesseract": PipelineConfig(engine="tesseract"),
    "ppocr": PipelineConfig(engine="ppocr", second_reader=False),
    "ppocr+second": PipelineConfig(engine="ppocr"),
}


# Each step is switched against the PP-OCR profile only on the documents where it can
# fire (the others would read the same twice): degradations by name, or handwriting.
STEP_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "illumination": ("phone_shadow", "colour_cast"),
    "despeckle": ("photocopy", "noise"),
    "deskew": ("rotation", "phone_shadow"),
    "binarize_retry": ("handwriting", "phone_shadow", "photocopy"),
    "enlarge_small": ("low_resolution",),
}


def _fires(step: str, truth: dict[str, Any]) -> bool:
    wanted = STEP_DOCUMENTS[step]
    return (bool(truth.get("handwriting")) and "handwriting" in wanted) or any(
        name in str(truth.get("degradation", "")) for name in wanted
    )


def low_resolution_copies(cases: list[Case], folder: Path, count: int = 4) -> list[Case]:
    """Printed documents' first pages at 100 dpi, as small phone photos and faxes come."""
    copies = []
    # one-page documents only: the fields of later pages would not be on the copy
    printed = [
        c for c in cases if slice_of(c.truth) == "printed scan" and c.truth.get("pages", 1) == 1
    ]
    for case in printed[:count]:
        page = next(iter(load_pages(case.path, LoadConfig(gray=True))))
        small = cv2.resize(page.image, None, fx=1 / 3, fy=1 / 3, interpolation=cv2.INTER_AREA)
        path = folder / f"{case.path.stem}_100dpi.png"
        Image.fromarray(small).save(path, dpi=(100, 100))
        copies.append(Case(path, dict(case.truth, degradation="low_resolution")))
    return copies


def preprocess_study(cases: list[Case], scratch: Path, per_step: int) -> None:
    """PP-OCRv6 alone, each preprocessing step switched against the kept profile.

    Each step is compared on at most ``per_step`` documents where it can fire; the
    profile's reading of a document is made once and shared between steps.
    """
    kept = ENGINE_PREPROCESS["ppocr"]
    cases = cases + low_resolution_copies(cases, scratch)
    done: dict[tuple[PreprocessConfig, Path], ExtractionResult] = {}

    def read(pre: PreprocessConfig, subset: list[Case]) -> Tally:
        todo = [c for c in subset if (pre, c.path) not in done]
        config = PipelineConfig(engine="ppocr", second_reader=False, preprocess=pre)
        if todo:
            for case, result in zip(todo, run(todo, config, 1).results, strict=True):
                done[pre, case.path] = result
        return score(subset, [done[pre, c.path] for c in subset])["all"]

    for step in STEP_DOCUMENTS:
        subset = [c for c in cases if _fires(step, c.truth)][:per_step]
        if not subset:
            continue
        flipped = not getattr(kept, step)
        other = f"{step} {'on' if flipped else 'off'}"
        print(f"\n{other} against the PP-OCR profile, {len(subset)} documents")
        for name, pre in (("profile", kept), (other, replace(kept, **{step: flipped}))):
            tally = read(pre, subset)
            share = 100.0 * tally.correct / tally.fields if tally.fields else 0.0
            print(
                f"  {name:<22} {share:6.1f}% ({tally.correct}/{tally.fields}) "
                f"{tally.seconds / max(1, tally.pages):6.2f} s/page",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of NAME.ext + NAME.json")
    parser.add_argument("--documents", type=int, default=36, help="documents to generate")
    parser.add_argument("--handwriting-share", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--setups", default=",".join(SETUPS), help=f"comma-separated, of {', '.join(SETUPS)}"
    )
    parser.add_argument("--skip-workers", action="store_true", help="no 1 vs 2 process run")
    parser.add_argument("--preprocess-study", action="store_true")
    parser.add_argument("--per-step", type=int, default=4, help="documents per studied step")
    parser.add_argument("--fields", action="store_true", help="also accuracy per field")
    parser.add_argument(
        "--ocr-cache",
        type=Path,
        help="serve OCR read before from this folder (accuracy only: no timings, one process)",
    )
    parser.add_argument("--keep", type=Path, help="generate the corpus into this folder (kept)")
    args = parser.parse_args()
    if args.ocr_cache is not None:
        args.skip_workers = True
        with installed(args.ocr_cache) as stats:
            bench(args)
        print(f"\nOCR cache {args.ocr_cache}: {stats.hits} hits, {stats.misses} misses")
        print(
            "(seconds per page above are cache reads, not the engines': time without --ocr-cache)"
        )
    else:
        bench(args)


def bench(args: argparse.Namespace) -> None:
    """Generate or load the corpus and run every set-up on it."""

    with tempfile.TemporaryDirectory(prefix="medreview-bench-") as scratch:
        folder = args.corpus
        if folder is None and args.keep is not None and args.keep.is_dir():
            folder = args.keep  # generated by an earlier run
        if folder is None:
            folder = args.keep or Path(scratch)
            print(f"generating {args.documents} documents (seed {args.seed}) ...", flush=True)
            generate_corpus(
                folder, args.documents, seed=args.seed, handwriting_share=args.handwriting_share
            )
        cases = corpus_cases(folder)
        counts = defaultdict(int)
        for case in cases:
            counts[slice_of(case.truth)] += 1
        print(f"corpus: {len(cases)} documents {dict(sorted(counts.items()))}", flush=True)

        if args.preprocess_study:
            preprocess_study(cases, Path(scratch), args.per_step)
            return
        setups = {name: SETUPS[name] for name in args.setups.split(",")}
        last: PipelineConfig | None = None
        for name, config in setups.items():
            done = run(cases, config, 1)
            print_slices(f"{name} (1 process, {done.pages} pages)", score(cases, done.results))
            confident = score(cases, done.results)["all"].confident
            if confident:
                print("  confident errors: " + ", ".join(confident))
            failed = [r.source for r in done.results if r.error]
            if failed:
                print(f"  failed files: {failed}")
            if args.fields:
                for key, (correct, total) in sorted(field_misses(cases, done.results).items()):
                    print(f"    {key:<44} {correct:>3}/{total}")
            stages: dict[str, float] = defaultdict(float)
            for result in done.results:
                for stage, seconds in result.timings.items():
                    stages[stage] += seconds
            print(
                "  seconds per page by stage: "
                + ", ".join(f"{k} {v / done.pages:.2f}" for k, v in sorted(stages.items()))
            )
            last = config
            one = done

        if last is not None and not args.skip_workers:
            two = run(cases, last, 2)
            print("\nworker processes (warm; start-up in brackets)")
            for workers, done in ((1, one), (2, two)):
                warm = 60 * done.pages / done.seconds
                print(
                    f"  {workers} process(es): {warm:6.1f} pages/minute "
                    f"(+{done.startup:.1f} s start-up), peak memory "
                    f"{done.peak_memory / 2**20:.0f} MiB"
                )
            print(f"  speed-up 2 vs 1: {one.seconds / two.seconds:.2f}x")


if __name__ == "__main__":
    main()
