"""How long matching a page against many learned layouts takes (a script, not a test)::

    .venv/bin/python -m tests.benchmarks.layout_match_bench [--layouts 200] [--per-family 1]
        [--seed 7] [--ocr-cache DIR] [--corpus DIR]

It generates one document per layout family and document type (``tests.corpus``), reads them
with OCR, learns a layout from each, and adds variants of those layouts (printed words moved and
partly re-worded, so they pass the quick word filter and need the geometric check) until there
are ``--layouts``. Then it matches every page of freshly generated documents of the same
families against all of them and prints the time per page (median, 95th percentile, worst),
with how many pages found their own family's layout.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from medreview.config import PipelineConfig
from medreview.layouts import Anchor, Layout, LayoutError, LayoutSet, find_layout, learn
from medreview.model import OcrPage
from medreview.pipeline import extract_file
from tests.benchmarks.ocr_cache import installed
from tests.corpus.families import FAMILIES
from tests.corpus.generate import KINDS, Sample, generate_corpus, load_corpus

WORDS = ("Clinic", "Form", "Patient", "Notes", "Office", "Code", "Ref", "Ward", "Unit", "Signed")


def variant(layout: Layout, n: int, rnd: random.Random) -> Layout:
    """Another form with the same words: half the printed words swap places, a few re-worded.

    Its words pass the quick word filter, so the geometric check has to turn it down.
    """
    pages = []
    for page in layout.pages:
        boxes = [anchor.box for anchor in page.anchors]
        moved = rnd.sample(range(len(boxes)), len(boxes) // 2)
        shuffled = moved[:]
        rnd.shuffle(shuffled)
        for a, b in zip(moved, shuffled, strict=True):
            boxes[a] = page.anchors[b].box
        anchors = tuple(
            Anchor(rnd.choice(WORDS) if rnd.random() < 0.2 else anchor.text, box)
            for anchor, box in zip(page.anchors, boxes, strict=True)
        )
        pages.append(replace(page, anchors=anchors))
    return replace(layout, name=f"{layout.name}-variant-{n}", pages=tuple(pages))


def read(samples: Sequence[Sample], engine: str) -> list[tuple[Sample, list[OcrPage]]]:
    done = []
    for sample in samples:
        config = PipelineConfig(engine=engine, document_type=sample.document_type)
        result = extract_file(sample.path, config)
        done.append((sample, result.ocr_pages))
    return done


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--layouts", type=int, default=200)
    parser.add_argument("--per-family", type=int, default=1, help="pages read per family and type")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engine", default=PipelineConfig().engine)
    parser.add_argument("--ocr-cache", type=Path, help="folder of cached OCR answers")
    parser.add_argument(
        "--corpus", type=Path, help="a generated corpus: the first document per family teaches"
    )
    args = parser.parse_args(argv)
    groups = len(FAMILIES) * len(KINDS)
    with tempfile.TemporaryDirectory(prefix="medreview-match-bench-") as name:
        folder = Path(name)
        if args.corpus:
            teachers, readers = [], []
            seen: set[tuple[str, str]] = set()
            for sample in load_corpus(args.corpus):
                group = (sample.family, sample.document_type)
                (readers if group in seen else teachers).append(sample)
                seen.add(group)
        else:
            teachers = generate_corpus(
                folder / "teach", groups, seed=args.seed, families=FAMILIES, handwriting_share=0.0
            )
            readers = generate_corpus(
                folder / "read",
                groups * args.per_family,
                seed=args.seed + 1,
                families=FAMILIES,
                handwriting_share=0.0,
            )
        with contextlib.ExitStack() as stack:
            if args.ocr_cache:
                stack.enter_context(installed(args.ocr_cache))
            taught = read(teachers, args.engine)
            pages = read(readers, args.engine)
        learned: list[Layout] = []
        for sample, ocr in taught:  # (the truth files live in the scratch folder)
            try:
                name = f"{sample.family}-{sample.document_type}"
                learned.append(learn(name, sample.document_type, ocr, sample.fields))
            except LayoutError as exc:
                print(f"  {sample.path.name}: no layout ({exc.message})")
    rnd = random.Random(args.seed)
    layouts = list(learned)
    while len(layouts) < args.layouts:
        layouts.append(variant(rnd.choice(learned), len(layouts), rnd))
    everything = LayoutSet.of(layouts)
    find_layout(pages[0][1][:1], everything)  # the index is built once per process
    times: list[float] = []
    own = total = 0
    for sample, ocr in pages:
        for page in ocr:
            start = time.perf_counter()
            match = find_layout([page], everything)
            times.append((time.perf_counter() - start) * 1000)
            total += 1
            own += int(match is not None and match.layout.name.startswith(f"{sample.family}-"))
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(
        f"seed {args.seed}: {len(layouts)} layouts ({len(learned)} learned from OCR, the rest "
        f"variants); {total} pages of {len(pages)} documents"
    )
    print(
        f"matching time per page: median {statistics.median(times):.1f} ms, "
        f"95th percentile {p95:.1f} ms, worst {times[-1]:.1f} ms (target < 50 ms)"
    )
    print(f"pages matched to their own family's layout: {own} of {total}")


if __name__ == "__main__":
    main()
