"""Layouts end to end on generated scans: learn a form from one document, read its other copies.

Per family, one printed form (one style of the family: its labels, fonts and geometry) is filled
in three times with other values, value fonts and scan conditions (:func:`generate_forms`); the
clean first copy teaches a layout (read with the default engine, PP-OCR), and the tilted and
photographed others are read by it, and by no other family's. A document of a family no layout
was taught from is left to the generic reader.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from medreview.config import PipelineConfig
from medreview.layouts import Layout, LayoutSet, apply_layouts, learn
from medreview.model import ExtractionResult
from medreview.pipeline import extract_file
from tests.corpus.generate import Sample, generate_forms

FAMILIES = (
    ("labels_above", "patient_details"),
    ("grid", "patient_details"),
    ("classic", "prescription"),
)


def read(sample: Sample, layouts: LayoutSet | None = None) -> ExtractionResult:
    config = PipelineConfig(document_type=sample.document_type, second_reader=False)
    result = extract_file(sample.path, config)
    assert result.error is None, sample.path.name
    if layouts is not None:
        generic = result
        result = replace(generic, fields=dict(generic.fields), warnings=list(generic.warnings))
        apply_layouts(result, generic.ocr_pages, replace(config, layouts=layouts))
    return result


# the forms are drawn and learned once per module: parallel workers keep its tests together
pytestmark = pytest.mark.xdist_group("learned_forms")


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Sample]]:
    folder = tmp_path_factory.mktemp("forms")
    found: dict[str, list[Sample]] = {}
    for family, kind in FAMILIES:
        found[f"{family}-{kind}"] = generate_forms(
            folder / family,
            (3,),
            seed=11,
            kinds=(kind,),
            families=(family,),
            degradations=("rotation", "phone_shadow"),
            formats=("png",),
        )
    return found


@pytest.fixture(scope="module")
def learned(forms: dict[str, list[Sample]]) -> dict[str, Layout]:
    layouts = {}
    for name, samples in forms.items():
        teacher = samples[0]
        result = read(teacher)
        layouts[name] = learn(
            name, teacher.document_type, result.ocr_pages, teacher.fields, evidence=result.fields
        )
    return layouts


@pytest.mark.slow
@pytest.mark.parametrize(("family", "kind"), FAMILIES)
def test_a_learned_form_reads_its_other_copies(
    forms: dict[str, list[Sample]], learned: dict[str, Layout], family: str, kind: str
) -> None:
    layouts = LayoutSet.of(learned.values())
    right = generic_right = total = 0
    missed: list[str] = []
    for sample in forms[f"{family}-{kind}"][1:]:
        generic = read(sample)
        result = read(sample, layouts)
        assert result.layout == f"{family}-{kind}", sample.path.name  # its own, no other
        values, before = result.values(), generic.values()
        for name, value in sample.fields.items():
            right += values.get(name) == value
            generic_right += before.get(name) == value
            total += 1
            if values.get(name) != value:
                missed.append(name)
        shown = [n for n, v in values.items() if n not in sample.fields and v not in (None, "")]
        assert not shown, shown  # a field the copy leaves blank stays absent
    assert right >= generic_right, missed
    assert right >= 0.85 * total, missed


@pytest.mark.slow
def test_a_form_no_layout_was_taught_is_left_to_the_generic_reader(
    learned: dict[str, Layout], tmp_path: Path
) -> None:
    for kind in ("patient_details", "prescription"):
        (sample,) = generate_forms(tmp_path / kind, (1,), seed=5, kinds=(kind,), families=("pad",))
        result = read(sample, LayoutSet.of(learned.values()))
        assert result.layout is None, sample.path.name
