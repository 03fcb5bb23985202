"""Rebuild the shipped layouts and their golden cases (a script, run by hand)::

    .venv/bin/python -m tests.layouts_golden.make [--ocr-cache DIR]

For each tuned layout family of the synthetic corpus (``tests.corpus.families``; never the
held-out one) and document type, it generates three clean documents, reads them with
Tesseract, learns a layout from the first and refines it with the other two (words seen on one
document only, such as a prescriber's street, drop out), and writes it to
``medreview/layouts/data/NAME.toml`` when one more document, scanned at a tilt, matches it:
that document becomes the golden case ``tests/layouts_golden/NAME.json``: its OCR words (the
layout engine's input), its ground truth, and what the layout read then.
``test_layouts_golden.py`` checks that the shipped layout still matches and reads it the same.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from medreview.config import PipelineConfig
from medreview.layouts import Layout, LayoutSet, dumps, find_layout, learn, refine
from medreview.layouts.reading import read_fields
from medreview.model import OcrPage
from medreview.pipeline import extract_file
from tests.benchmarks.ocr_cache import installed
from tests.corpus.generate import KINDS, make_sample, random_document

FAMILIES = ("classic", "labels_above", "grid", "pad")
TEACHING = 3
DATA = Path(__file__).resolve().parents[2] / "medreview" / "layouts" / "data"
GOLDEN = Path(__file__).resolve().parent
SHORT = {"prescription": "rx", "patient_details": "record"}


def layout_name(family: str, document_type: str) -> str:
    return f"{family.replace('_', '-')}-{SHORT[document_type]}"


def read(folder: Path, stem: str, family: str, kind: str, seed: str, degradation: str):  # type: ignore[no-untyped-def]
    rnd = random.Random(seed)
    document = random_document(kind, rnd, family=family)
    sample = make_sample(
        folder / stem,
        document,
        degradation=degradation,
        fmt="tiff",
        rng=np.random.default_rng(rnd.getrandbits(64)),
    )
    result = extract_file(sample.path, PipelineConfig(document_type=kind))
    return sample, result


def words_json(pages: list[OcrPage]) -> list[dict[str, object]]:
    return [
        {
            "index": page.index,
            "width": page.width,
            "height": page.height,
            "words": [
                [w.text, w.ocr_text, round(w.confidence, 3), *w.bbox.as_list()] for w in page.words
            ],
        }
        for page in pages
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Rebuild the shipped layouts and golden cases.")
    parser.add_argument("--ocr-cache", type=Path, help="folder of cached OCR answers")
    args = parser.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        if args.ocr_cache:
            stack.enter_context(installed(args.ocr_cache))
        build()


def build() -> None:
    layouts: dict[str, Layout] = {}
    goldens: dict[str, tuple[dict[str, Any], list[OcrPage]]] = {}
    with tempfile.TemporaryDirectory(prefix="medreview-golden-") as name:
        folder = Path(name)
        for family in FAMILIES:
            for kind in KINDS:
                title = layout_name(family, kind)
                layout = None
                for i in range(TEACHING):
                    sample, result = read(
                        folder, f"{title}-{i}", family, kind, f"ship/{title}/{i}", "clean"
                    )
                    taught = learn(
                        title, kind, result.ocr_pages, sample.fields, evidence=result.fields
                    )
                    layout = taught if layout is None else (refine(layout, taught) or layout)
                assert layout is not None
                layouts[title] = replace(
                    layout,
                    description=f"The {family} {kind} form of the synthetic corpus, learned from "
                    f"{layout.documents} generated documents (tests/layouts_golden/make.py)",
                    any_case=True,  # the family prints its labels in either case
                )
                sample, result = read(
                    folder, f"{title}-golden", family, kind, f"golden/{title}", "rotation"
                )
                goldens[title] = (dict(sample.fields), result.ocr_pages)
    # a layout ships only when its golden document is read by it among all the others
    while True:
        everything = LayoutSet.of(layouts.values())
        misread = [
            title
            for title, (_sample, pages) in goldens.items()
            if title in layouts
            and getattr(find_layout(pages, everything), "layout", None) != layouts[title]
        ]
        if not misread:
            break
        for title in misread:
            print(f"{title}: not shipped, its golden document is not read by it")
            del layouts[title]
    for path in [*DATA.glob("*.toml"), *GOLDEN.glob("*.json")]:
        path.unlink()
    for title, layout in layouts.items():
        truth, pages = goldens[title]
        match = find_layout(pages, everything)
        assert match is not None
        (DATA / f"{title}.toml").write_text(dumps(layout), encoding="utf-8")
        readings = read_fields(match, PipelineConfig().date_order)
        case = {
            "layout": match.layout.name,
            "document_type": layout.document_type,
            "truth": truth,
            "expected": {n: r.result.value for n, r in sorted(readings.items())},
            "pages": words_json(pages),
        }
        (GOLDEN / f"{title}.json").write_text(
            json.dumps(case, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        right = sum(case["expected"].get(k) == v for k, v in truth.items())
        print(
            f"{title}: {layout.anchor_count} printed words, {len(layout.fields)} fields; "
            f"golden: {right} of {len(truth)} fields right, {len(readings)} read"
        )


if __name__ == "__main__":
    main()
