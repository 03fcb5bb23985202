"""CSV export: one row per document, columns in the spec's stable order.

Review metadata comes first, then every field of every document type in the
order of ``medreview.documents`` (a name shared by two types is one column).
List values are joined by ``"; "``; a field the document does not show is empty.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from medreview.documents import FIELDS
from medreview.export.values import as_text
from medreview.progress import Progress
from medreview.store.records import DocumentRecord

META_COLUMNS: tuple[str, ...] = (
    "document_id",
    "batch",
    "document_type",
    "source_file",
    "source_sha256",
    "verified_by",
    "verified_at",
    "auto_verified",
)


def field_columns() -> list[str]:
    """Every field name of every document type, in the spec's order, once."""
    names: list[str] = []
    for specs in FIELDS.values():
        names.extend(spec.name for spec in specs if spec.name not in names)
    return names


def columns() -> list[str]:
    """The header row."""
    return [*META_COLUMNS, *field_columns()]


def row_of(record: DocumentRecord) -> list[str]:
    """One document as a row of :func:`columns`."""
    values = record.final_values()
    meta = [
        str(record.id),
        record.batch,
        record.document_type or "",
        record.source_name,
        record.sha256,
        record.verified_by or "",
        record.verified_at.isoformat() if record.verified_at else "",
        "yes" if record.auto_verified else "no",
    ]
    return meta + [as_text(values.get(name)) for name in field_columns()]


def write_csv(records: Sequence[DocumentRecord], out: IO[str], progress: Progress) -> None:
    """Write the header and one row per document."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns())
    progress.begin(len(records), "Exporting CSV")
    try:
        for record in records:
            writer.writerow(row_of(record))
            progress.advance()
    finally:
        progress.end()
