"""Layouts end to end on generated scans: learn a family from one document, read the others.

Each family of the synthetic corpus is a form; one clean document of it teaches a layout, and
tilted, photographed documents of the same family are read by it (and by no other family's).
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from medreview.config import PipelineConfig
from medreview.layouts import Layout, LayoutSet, apply_layouts, learn
from medreview.pipeline import extract_file
from tests.corpus.generate import Sample, make_sample, random_document

# Tesseract's word boxes, as the layouts were developed with: with PP-OCRv6's line boxes split
# into words the classic prescription (few printed words) finds too few anchors to match; the
# closing note of issue 8 reports it.
ENGINE = "tesseract"

FAMILIES = (
    ("labels_above", "patient_details"),
    ("grid", "patient_details"),
    ("classic", "prescription"),
)


def scan(folder: Path, family: str, kind: str, index: int, degradation: str) -> Sample:
    rnd = random.Random(f"scan-test/{family}/{kind}/{index}")
    return make_sample(
        folder / f"{family}-{kind}-{index}",
        random_document(kind, rnd, family=family),
        degradation=degradation,
        fmt="png",
        rng=np.random.default_rng(index),
    )


@pytest.fixture(scope="module")
def learned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Layout]:
    folder = tmp_path_factory.mktemp("teach")
    layouts = {}
    for family, kind in FAMILIES:
        sample = scan(folder, family, kind, 0, "clean")
        result = extract_file(sample.path, PipelineConfig(engine=ENGINE, document_type=kind))
        name = f"{family}-{kind}"
        layouts[name] = learn(name, kind, result.ocr_pages, sample.fields, evidence=result.fields)
    return layouts


@pytest.mark.slow
@pytest.mark.parametrize(("family", "kind"), FAMILIES)
def test_a_learned_family_reads_its_other_documents(
    learned: dict[str, Layout], tmp_path: Path, family: str, kind: str
) -> None:
    layouts = PipelineConfig(
        engine=ENGINE, document_type=kind, layouts=LayoutSet.of(learned.values())
    )
    right = generic_right = total = 0
    missed: list[str] = []
    for index, degradation in ((1, "rotation"), (2, "phone_shadow")):
        sample = scan(tmp_path, family, kind, index, degradation)
        generic = extract_file(sample.path, PipelineConfig(engine=ENGINE, document_type=kind))
        result = replace(generic, fields=dict(generic.fields), warnings=list(generic.warnings))
        apply_layouts(result, generic.ocr_pages, layouts)
        assert result.layout == f"{family}-{kind}", sample.path.name
        values, before = result.values(), generic.values()
        for name, value in sample.fields.items():
            right += values.get(name) == value
            generic_right += before.get(name) == value
            total += 1
            if values.get(name) != value:
                missed.append(name)
    # at most one field worse than the generic reader alone: in the classic family the
    # prescriber's header line moves between copies (a specialty line comes and goes)
    assert right >= generic_right - 1, missed
    assert right >= 0.7 * total, missed
