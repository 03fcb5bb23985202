"""Exports of verified documents for insurers: CSV, JSON and FHIR R4.

Only verified documents are written (and, unless ``new_only``, those already
exported, whose re-export is audited and reported as such). Values are the
final ones: the analyst's edits over what OCR read. The file is written to a
temporary name and renamed, and only then are the documents marked
``exported``, so a failed export changes nothing.
"""

from __future__ import annotations

import importlib
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from medreview.errors import UsageError
from medreview.progress import NullProgress, Progress
from medreview.store.records import DocumentRecord

if TYPE_CHECKING:
    from collections.abc import Iterator

    from medreview.store.api import Store

log = logging.getLogger(__name__)

Writer = Callable[[Sequence[DocumentRecord], IO[str], Progress], None]

# format -> "module:function", imported on use.
FORMATS: dict[str, str] = {
    "csv": "medreview.export.csv_export:write_csv",
    "json": "medreview.export.json_export:write_json",
    "fhir": "medreview.export.fhir_export:write_fhir",
}


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote."""

    batch: str
    fmt: str
    path: Path
    documents: int
    reexported: int

    def summary(self) -> str:
        """One PHI-free line for the terminal."""
        text = f"exported {self.documents} document(s) of batch {self.batch!r} as {self.fmt}"
        if self.reexported:
            text += f"; {self.reexported} of them had been exported before (re-export)"
        return f"{text} to {self.path}"


def writer_for(fmt: str) -> Writer:
    """The writer function of a format."""
    try:
        target = FORMATS[fmt]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise UsageError(f"unknown export format {fmt!r}; choose one of {choices}") from None
    module_name, _, function = target.partition(":")
    writer: Writer = getattr(importlib.import_module(module_name), function)
    return writer


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when fully written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_batch(
    store: Store,
    batch: str,
    fmt: str,
    out: Path,
    *,
    progress: Progress | None = None,
    user: str,
    new_only: bool = False,
) -> ExportReport:
    """Write a batch's verified documents to ``out`` and mark them exported."""
    writer = writer_for(fmt)
    records = sorted(store.verified_documents(batch, new_only=new_only), key=lambda r: r.id)
    with atomic_text(out) as handle:
        writer(records, handle, progress or NullProgress())
    reexported = store.mark_exported(
        [r.id for r in records], user, detail=f"{fmt} export to {out.name}"
    )
    report = ExportReport(batch, fmt, out, len(records), reexported)
    log.info("%s", report.summary())
    return report
