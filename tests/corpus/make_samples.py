"""Rebuild the committed demo samples in ``samples/`` (each with its ``NAME.json`` truth).

Usage: ``python -m tests.corpus.make_samples [OUT]`` (``OUT`` defaults to ``samples/`` at the
repository root). The same code and fonts give the same files. Each file stays under
:data:`MAX_BYTES`, so the encoders' quality is set per sample.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tests.corpus.generate import Sample, make_sample, random_document

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 400_000

_RECORD_FIELDS = (
    "phone",
    "weight",
    "height",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_address",
    "chicken_pox",
    "measles",
    "hepatitis_b_vaccination",
    "insurance_company",
    "insurance_address",
    "insurance_expiry",
)


def _rich_prescription(document: Mapping[str, Any]) -> bool:
    """Every optional field shown, and at least two medicines."""
    fields = document["fields"]
    optional = ("patient_address", "directions", "refills")
    return all(name in fields for name in optional) and len(fields["medicines"]) >= 2


def _rich_record(document: Mapping[str, Any]) -> bool:
    """Most optional fields shown, and some medical problems and allergies."""
    fields = document["fields"]
    shown = all(name in fields for name in _RECORD_FIELDS)
    return shown and bool(fields["medical_problems"]) and bool(fields["allergies"])


@dataclass(frozen=True)
class SampleSpec:
    """One committed sample: how it is drawn, degraded and encoded."""

    name: str
    document_type: str
    handwriting: bool
    font: str | None
    degradation: str
    fmt: str
    seed: int
    wanted: Callable[[Mapping[str, Any]], bool]
    jpeg_quality: int = 85
    tiff_compression: str = "tiff_deflate"
    colour: str = "auto"


SAMPLES = (
    SampleSpec(
        name="rx_printed_scan",
        document_type="prescription",
        handwriting=False,
        font="Liberation Serif",
        degradation="rotation+blur",
        fmt="png",
        seed=101,
        wanted=_rich_prescription,
        colour="grey",
    ),
    SampleSpec(
        name="rx_phone_photo",
        document_type="prescription",
        handwriting=True,
        font="Comic Neue",
        degradation="phone_shadow",
        fmt="jpeg",
        seed=202,
        wanted=_rich_prescription,
        jpeg_quality=60,
    ),
    SampleSpec(
        name="patient_record",
        document_type="patient_details",
        handwriting=False,
        font="DejaVu Sans",
        degradation="photocopy",
        fmt="pdf",
        seed=303,
        wanted=_rich_record,
        colour="bilevel",
    ),
    SampleSpec(
        name="patient_record_photo",
        document_type="patient_details",
        handwriting=True,
        font="DkgHandwriting",
        degradation="phone_shadow",
        fmt="tiff",
        seed=404,
        wanted=_rich_record,
        jpeg_quality=30,
        tiff_compression="jpeg",
        colour="grey",
    ),
)


def _document(spec: SampleSpec) -> tuple[int, dict[str, Any]]:
    """The first document from ``spec.seed`` on that shows what the sample should show."""
    for seed in range(spec.seed, spec.seed + 1000):
        document = random_document(
            spec.document_type, random.Random(seed), handwriting=spec.handwriting, font=spec.font
        )
        if spec.wanted(document):
            return seed, document
    raise RuntimeError(f"no seed from {spec.seed} gives the document {spec.name} wants")


def build(out_dir: Path) -> list[Sample]:
    """Write every sample into ``out_dir``; raises if one is larger than :data:`MAX_BYTES`."""
    samples = []
    for spec in SAMPLES:
        seed, document = _document(spec)
        sample = make_sample(
            out_dir / spec.name,
            document,
            degradation=spec.degradation,
            fmt=spec.fmt,
            rng=np.random.default_rng(seed),
            jpeg_quality=spec.jpeg_quality,
            tiff_compression=spec.tiff_compression,
            colour=spec.colour,
            extra={"seed": seed},
        )
        size = sample.path.stat().st_size
        if size > MAX_BYTES:
            raise RuntimeError(f"{sample.path} is {size} bytes, over {MAX_BYTES}")
        samples.append(sample)
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the samples and list them with their sizes."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else ROOT / "samples"
    for sample in build(out_dir):
        print(f"{sample.path}\t{sample.path.stat().st_size // 1000} KB\t{sample.degradation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
