"""A fake pipeline for the store tests: reads the expected result from the "scan".

Each test scan is a small JSON file ``{"document_type": ..., "fields": {...},
"confidence": 0.9}`` (or ``{"error": "code"}``); the fake turns it into the
ExtractionResult the real pipeline would give and writes a page image. It is a
module-level function, so it pickles into the ingest process pool.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from medreview.config import PipelineConfig
from medreview.errors import MedreviewError
from medreview.model import BBox, ErrorInfo, ExtractionResult, FieldResult, PageInfo
from medreview.sealing import FileSeal

DELAY_ENV = "MEDREVIEW_FAKE_DELAY"
CALL_LOG_ENV = "MEDREVIEW_FAKE_CALL_LOG"


def write_scan(path: Path, document_type: str, fields: dict[str, Any], **extra: Any) -> Path:
    path.write_text(json.dumps({"document_type": document_type, "fields": fields, **extra}))
    return path


def seal_of(config: PipelineConfig | None) -> FileSeal:
    """The store's seal the caller's configuration carries (the stored scan is sealed)."""
    return (config.seal if config is not None else None) or FileSeal(None)


def fake_extract(
    path: Path,
    config: PipelineConfig,
    *,
    engine: object = None,
    image_dir: Path | None = None,
    progress: object = None,
) -> ExtractionResult:
    delay = float(os.environ.get(DELAY_ENV, "0"))
    if delay:
        time.sleep(delay)
    seal = seal_of(config)
    try:
        spec = json.loads(seal.read(path))
    except (OSError, ValueError, MedreviewError):
        return ExtractionResult(
            source=str(path), error=ErrorInfo("not_a_document", f"{path.name} is not a scan")
        )
    if "error" in spec:
        return ExtractionResult(source=str(path), error=ErrorInfo(spec["error"], "fake failure"))
    pages = int(spec.get("pages", 1))
    if image_dir is not None:
        image_dir.mkdir(parents=True, exist_ok=True)
        for index in range(pages):
            seal.write_png(image_dir / f"page-{index:03d}.png", np.full((50, 40), 255, np.uint8))
            seal.write_png(
                image_dir / f"page-{index:03d}-prepared.png", np.full((50, 40), 200, np.uint8)
            )
    confidence = float(spec.get("confidence", 0.95))
    second = spec.get("second_readings", {})
    result = ExtractionResult(
        source=str(path),
        document_type=spec["document_type"],
        engine="fake 1.0",
        layout=spec.get("layout"),
        pages=[PageInfo(i, 40, 50, 300) for i in range(pages)],
        fields={
            name: FieldResult(
                value=value,
                confidence=confidence,
                page=0,
                bbox=BBox(1, 2, 30, 12),
                ocr_text=str(value),
                boxes=(BBox(1, 2, 30, 12),),
                agreement=(name not in second) if second else None,
                second_reading=second.get(name),
            )
            for name, value in spec["fields"].items()
        },
    )
    log = os.environ.get(CALL_LOG_ENV)
    if log:
        with Path(log).open("a") as handle:
            handle.write(f"{path.name}\n")
    return result


PRESCRIPTION = {
    "prescriber": "Dr Alan Reyes, M.D",
    "patient_name": "Helen Okafor",
    "date": "2023-03-14",
    "patient_address": "41 Orchard Lane, Springfield, IL",
    "medicines": ["Amoxicillin 500 mg", "Ibuprofen 400 mg"],
    "directions": "Amoxicillin three times a day for 7 days",
    "refills": 2,
}

PATIENT_DETAILS = {
    "record_date": "2021-08-02",
    "patient_name": "Samuel Ortiz",
    "phone": "(415) 555-0182",
    "address": "77 Birch Rd, Portland, 97201, United States",
    "birth_date": "1984-11-23",
    "weight": 72,
    "height": 178,
    "emergency_contact_name": "Ana Ortiz",
    "emergency_contact_phone": "(503) 555-0199",
    "emergency_contact_address": "12 Elm St, Portland",
    "chicken_pox": "immune",
    "measles": "not immune",
    "hepatitis_b_vaccination": "yes",
    "medical_problems": ["Asthma"],
    "insurance_company": "Northwind Mutual",
    "policy_number": "4820193375",
    "insurance_address": "1 Market St, Seattle",
    "insurance_expiry": "2022-06-30",
    "has_insurance": "yes",
    "allergies": ["Penicillin"],
    "regular_medication": ["Salbutamol"],
}


def make_scans(folder: Path, count: int, *, prefix: str = "scan") -> list[Path]:
    """``count`` distinct scans alternating between the two document types."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        if i % 2 == 0:
            fields = {**PRESCRIPTION, "patient_name": f"Helen Okafor{i:04d}"}
            paths.append(write_scan(folder / f"{prefix}{i:04d}.png", "prescription", fields))
        else:
            fields = {**PATIENT_DETAILS, "patient_name": f"Samuel Ortiz{i:04d}"}
            paths.append(
                write_scan(folder / f"{prefix}{i:04d}.png", "patient_details", fields, pages=2)
            )
    return paths


def dying_extract(
    path: Path,
    config: PipelineConfig,
    *,
    image_dir: Path | None = None,
) -> ExtractionResult:
    """Like :func:`fake_extract`, but the worker process dies on a scan marked ``"die"``."""
    if json.loads(seal_of(config).read(path)).get("die"):
        os._exit(3)
    return fake_extract(path, config, image_dir=image_dir)
