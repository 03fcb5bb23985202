"""Golden end-to-end cases per layout family: generated scans, the real pipeline, the reader.

Each family's printed documents (fixed seeds) go through loading, preprocessing, the default
OCR engine, correction, classification and the reader; the fields read must match the truth
written beside the scan. OCR misreads a character now and then, so a family passes at 90% of
fields, with the document type always found and no field the document does not show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medreview.config import PipelineConfig
from medreview.pipeline import extract_file
from tests.corpus import generate_corpus

FAMILIES = (
    "classic",
    "labels_above",
    "pad",
    "grid",
    "dotted",
    "captions",
    "datasheet",
    "nursing",
    "camp",
    "employer",
    "preadmission",
)


@pytest.mark.slow
@pytest.mark.parametrize("family", FAMILIES)
def test_family_read_end_to_end(family: str, tmp_path: Path) -> None:
    samples = generate_corpus(
        tmp_path,
        2,
        seed=8,
        families=(family,),
        degradations=("clean",),
        formats=("tiff",),
        handwriting_share=0.0,
    )
    right = total = 0
    for sample in samples:
        result = extract_file(sample.path, PipelineConfig())
        assert result.error is None
        assert result.document_type == sample.document_type
        values = result.values()
        truth = sample.fields
        shown = {name for name, value in values.items() if value not in (None, "", [])}
        assert not shown - set(truth), "a field the document does not show was read"
        for name, expected in truth.items():
            total += 1
            right += values.get(name) == expected
    assert right >= 0.9 * total, f"{family}: {right}/{total}"
