"""Golden cases of the shipped layouts: each still matches its form and reads it the same.

The cases (``tests/layouts_golden/NAME.json``: OCR words of a tilted generated document, its
ground truth, and what the layout read) and the layouts (``medreview/layouts/data/NAME.toml``)
are rebuilt together by ``python -m tests.layouts_golden.make``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medreview.config import PipelineConfig
from medreview.layouts import LayoutSet, find_layout, shipped_layouts
from medreview.layouts.reading import read_fields
from medreview.model import BBox, OcrPage, Word

GOLDEN = Path(__file__).resolve().parent / "layouts_golden"
CASES = sorted(GOLDEN.glob("*.json"))


def pages_of(case: dict[str, Any]) -> list[OcrPage]:
    return [
        OcrPage(
            page["index"],
            page["width"],
            page["height"],
            tuple(
                Word(text, conf, BBox(x0, y0, x1, y1), page=page["index"], ocr_text=ocr)
                for text, ocr, conf, x0, y0, x1, y1 in page["words"]
            ),
        )
        for page in case["pages"]
    ]


def test_every_shipped_layout_has_a_golden_case() -> None:
    assert sorted(layout.name for layout in shipped_layouts()) == [path.stem for path in CASES]


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_shipped_layout_reads_its_golden_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    match = find_layout(pages_of(case), LayoutSet.of(shipped_layouts()))
    assert match is not None and match.layout.name == case["layout"] == path.stem
    readings = read_fields(match, PipelineConfig().date_order)
    assert {name: r.result.value for name, r in readings.items()} == case["expected"]
    truth = case["truth"]
    right = sum(case["expected"].get(name) == value for name, value in truth.items())
    assert right >= 0.75 * len(truth)
