"""CSV export: one row per document, columns in the spec's stable order.

Review metadata comes first, then every field of every document type in the
order of ``medreview.documents`` (a name shared by two types is one column).
A field the document does not show is an empty cell. Lists are JSON arrays by
default (``[]`` is an empty list), or their items joined by ``"; "``
(``csv_lists="joined"``).

Cells are safe to open in a spreadsheet: a cell that starts like a formula
(``=``, ``+``, ``-``, ``@``, a tab or a carriage return, or their full-width
forms) gets a leading ``'``, so Excel and LibreOffice show it as text and never
run it; a cell that starts with ``'`` gets one more, so :func:`read_rows` can
undo exactly what was added. ``csv_text_ids`` writes identifiers as
``="0042"``, which spreadsheets show as the text ``0042``; ``csv_bom`` starts
the file with a UTF-8 byte order mark for Excel.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from medreview.documents import FIELDS, FieldKind
from medreview.export import ExportOptions
from medreview.export.values import LIST_SEPARATOR, as_text
from medreview.model import FieldData
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

# What a spreadsheet reads as the start of a formula (and the full-width forms
# some of them also accept), plus the quote that marks a neutralised cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", "'")
_TEXT_ID = re.compile(r'="([0-9A-Za-z]*)"')


def field_kinds() -> dict[str, FieldKind]:
    """Every field name of every document type, in the spec's order, with its kind."""
    kinds: dict[str, FieldKind] = {}
    for specs in FIELDS.values():
        for spec in specs:
            kinds.setdefault(spec.name, spec.kind)
    return kinds


def field_columns() -> list[str]:
    """Every field name of every document type, in the spec's order, once."""
    return list(field_kinds())


def identifier_columns() -> set[str]:
    """Columns holding identifiers, which spreadsheets must keep as text."""
    ids = {name for name, kind in field_kinds().items() if kind is FieldKind.ALNUM}
    return ids | {"source_sha256"}


def columns() -> list[str]:
    """The header row."""
    return [*META_COLUMNS, *field_columns()]


def neutralise(cell: str) -> str:
    """A cell that no spreadsheet will evaluate as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def cell_of(value: FieldData, kind: FieldKind | None, options: ExportOptions) -> str:
    """One value as a cell's text (before neutralisation)."""
    if value is None:
        return ""
    if isinstance(value, list) and options.csv_lists == "json":
        return json.dumps([str(item) for item in value], ensure_ascii=False)
    if kind is FieldKind.LIST and options.csv_lists == "json":
        return json.dumps([str(value)], ensure_ascii=False)
    return as_text(value)


def row_of(record: DocumentRecord, options: ExportOptions | None = None) -> list[str]:
    """One document as a row of :func:`columns`, every cell safe for spreadsheets."""
    options = options or ExportOptions()
    values = record.final_values()
    cells = {
        "document_id": str(record.id),
        "batch": record.batch,
        "document_type": record.document_type or "",
        "source_file": record.source_name,
        "source_sha256": record.sha256,
        "verified_by": record.verified_by or "",
        "verified_at": record.verified_at.isoformat() if record.verified_at else "",
        "auto_verified": "yes" if record.auto_verified else "no",
    }
    for name, kind in field_kinds().items():
        cells[name] = cell_of(values.get(name), kind, options)
    ids = identifier_columns() if options.csv_text_ids else set()
    row = []
    for name in columns():
        cell = cells[name]
        if name in ids and cell and re.fullmatch(r"[0-9A-Za-z]+", cell):
            row.append(f'="{cell}"')
        else:
            row.append(neutralise(cell))
    return row


def write_csv(
    records: Sequence[DocumentRecord],
    out: IO[bytes],
    progress: Progress,
    options: ExportOptions,
) -> None:
    """Write the header and one row per document."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if options.csv_bom else "utf-8", newline="")
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(columns())
        progress.begin(len(records), "Exporting CSV")
        try:
            for record in records:
                writer.writerow(row_of(record, options))
                progress.advance()
        finally:
            progress.end()
        text.flush()
    finally:
        text.detach()


# -- reading an export back (for receivers' scripts and the round-trip tests) --


def parse_cell(cell: str, kind: FieldKind | None, options: ExportOptions) -> FieldData:
    """Undo :func:`row_of` for one cell: the typed value, or None for an empty cell."""
    if match := _TEXT_ID.fullmatch(cell):
        return match.group(1)
    if cell.startswith("'"):
        cell = cell[1:]
    elif cell == "":
        return None
    if kind is FieldKind.LIST:
        if options.csv_lists == "json":
            items = json.loads(cell)
            return [str(item) for item in items]
        return cell.split(LIST_SEPARATOR) if cell else []
    if kind is FieldKind.NUMBER:
        try:
            number = float(cell)
        except ValueError:
            return cell
        return int(number) if number.is_integer() and "." not in cell else number
    if kind in (FieldKind.INTEGER, FieldKind.REFILLS) and cell.isdigit():
        return int(cell)
    return cell


def read_rows(path: Path, options: ExportOptions | None = None) -> list[dict[str, FieldData]]:
    """A CSV export's rows as typed field values (absent fields left out)."""
    options = options or ExportOptions()
    kinds = field_kinds()
    rows: list[dict[str, FieldData]] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for raw in csv.DictReader(handle):
            row: dict[str, FieldData] = {}
            for name, cell in raw.items():
                value = parse_cell(cell, kinds.get(name), options)
                if value is not None:
                    row[name] = value
            rows.append(row)
    return rows
