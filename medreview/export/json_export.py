"""JSON export: the spec's extraction objects with final values, plus review metadata.

Each field keeps the contract's keys (``value``, ``confidence``, ``page``, ``bbox``,
``ocr_text``, ``corrected``) with ``value`` the final canonical value, and adds
``ocr_value`` (what OCR read) and ``edited``; so a batch can be compared with
ground truth field by field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, Any

from medreview.export import ExportOptions
from medreview.progress import Progress
from medreview.store.records import DocumentRecord


def document_json(record: DocumentRecord) -> dict[str, Any]:
    """One verified document as an export object."""
    body = record.result.to_json()
    fields: dict[str, Any] = {}
    for name, value in record.final_values().items():
        extracted = record.result.fields.get(name)
        base = (
            extracted.to_json()
            if extracted is not None
            else {
                "confidence": None,
                "page": None,
                "bbox": None,
                "ocr_text": "",
                "corrected": False,
            }
        )
        base.pop("boxes", None)
        base.pop("box_confidences", None)
        fields[name] = {
            **base,
            "value": value,
            "ocr_value": extracted.value if extracted is not None else None,
            "edited": name in record.edits,
        }
    body["fields"] = fields
    body["document_type"] = record.document_type
    body["review"] = {
        "document_id": record.id,
        "batch": record.batch,
        "source_sha256": record.sha256,
        "verified_by": record.verified_by,
        "verified_at": record.verified_at.isoformat() if record.verified_at else None,
        "auto_verified": record.auto_verified,
        "changed_fields": record.changed_fields(),
        "previously_exported_at": (record.exported_at.isoformat() if record.exported_at else None),
    }
    return body


def write_json(
    records: Sequence[DocumentRecord],
    out: IO[bytes],
    progress: Progress,
    options: ExportOptions,
) -> None:
    """Write one JSON array of export objects (UTF-8)."""
    progress.begin(len(records), "Exporting JSON")
    try:
        items = []
        for record in records:
            items.append(document_json(record))
            progress.advance()
        out.write(json.dumps(items, ensure_ascii=False, indent=2).encode("utf-8"))
        out.write(b"\n")
    finally:
        progress.end()
