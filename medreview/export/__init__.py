"""Exports of verified documents for insurers: CSV, JSON, FHIR R4 and PDF copies.

Only verified documents are written (and, unless ``new_only``, those already
exported, whose re-export is audited and reported as such). Values are the
final ones: the analyst's edits over what OCR read. Every export is written to
an anonymous temporary file in the destination folder and linked under its
name only when complete (:func:`atomic_output`), and only then are the
documents marked ``exported``: a failed or killed export leaves nothing behind
and changes nothing.
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from medreview.errors import DiskFullError, UsageError
from medreview.progress import NullProgress, Progress
from medreview.store.records import DocumentRecord

if TYPE_CHECKING:
    from collections.abc import Iterator

    from medreview.store.api import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How flat formats write values, and where FHIR finds the scans.

    - ``csv_bom``: start the CSV with a UTF-8 byte order mark (Excel then reads
      it as UTF-8 instead of the system's code page).
    - ``csv_lists``: ``json`` writes a list as a JSON array (``[]`` for an empty
      list, an empty cell for a missing field: lossless); ``joined`` joins the
      items with ``"; "`` (easier to read, but an empty list and a missing field
      look the same).
    - ``csv_text_ids``: write identifiers (policy numbers, the scan's hash) as
      ``="0042"`` so spreadsheets keep them as text with their leading zeros.
    - ``scan_url``: FHIR ``DocumentReference``s link to ``scan_url/<sha256>``
      instead of carrying the scan inside the Bundle.
    """

    csv_bom: bool = False
    csv_lists: Literal["json", "joined"] = "json"
    csv_text_ids: bool = False
    scan_url: str | None = None


Writer = Callable[[Sequence[DocumentRecord], IO[bytes], Progress, ExportOptions], None]

# format -> "module:function", imported on use. Every writer gets a binary file.
FORMATS: dict[str, str] = {
    "csv": "medreview.export.csv_export:write_csv",
    "json": "medreview.export.json_export:write_json",
    "fhir": "medreview.export.fhir_export:write_fhir",
    "pdf": "medreview.export.pdf_export:write_searchable",
    "clean": "medreview.export.pdf_export:write_clean",
}

# What each format's file is (for HTTP responses and file dialogs).
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "json": ("application/json", ".json"),
    "fhir": ("application/fhir+ndjson", ".ndjson"),
    "pdf": ("application/zip", ".zip"),
    "clean": ("application/zip", ".zip"),
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


_PARTIAL_SUFFIX = ".partial"


def _partial_name(path: Path) -> str:
    return f".{path.name}.{os.getpid()}{_PARTIAL_SUFFIX}"


def _remove_dead_partials(path: Path) -> None:
    """Delete named partial files of ``path`` whose writing process is gone.

    Only the fallback for file systems without anonymous files leaves these.
    """
    for partial in path.parent.glob(f".{path.name}.*{_PARTIAL_SUFFIX}"):
        pid_text = partial.name[len(path.name) + 2 : -len(_PARTIAL_SUFFIX)]
        if not pid_text.isdigit():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            partial.unlink(missing_ok=True)
        except PermissionError:
            continue


def _anonymous_file(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _link_anonymous(fd: int, target: Path) -> None:
    """Give an ``O_TMPFILE`` file a name (linkat with AT_SYMLINK_FOLLOW on /proc's link)."""
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        # A directory fd makes Python call linkat(..., AT_SYMLINK_FOLLOW), not link().
        os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _fsync_dir(folder: Path) -> None:
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that appears at ``path`` only when fully written (mode 0600).

    The data goes to a file with no name in the destination folder (``O_TMPFILE``),
    which is given its name (through a link and a rename) only after the body
    has finished: a process killed while writing leaves no file at all. Where
    the file system cannot make unnamed files, a hidden named file is used and
    removed on failure; one left by a killed process is removed by the next
    export to the same path.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    _remove_dead_partials(path)
    fd = _anonymous_file(folder)
    temp: Path | None = None
    if fd is None:
        temp = folder / _partial_name(path)
        temp.unlink(missing_ok=True)
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if temp is None:
                temp = folder / _partial_name(path)
                temp.unlink(missing_ok=True)
                _link_anonymous(handle.fileno(), temp)
        temp.replace(path)
        _fsync_dir(folder)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(f"the disk is full; {path.name} was not written") from exc
        raise
    except BaseException:
        if temp is not None:
            temp.unlink(missing_ok=True)
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
    options: ExportOptions | None = None,
) -> ExportReport:
    """Write a batch's verified documents to ``out`` and mark them exported."""
    writer = writer_for(fmt)
    records = sorted(store.verified_documents(batch, new_only=new_only), key=lambda r: r.id)
    with atomic_output(out) as handle:
        writer(records, handle, progress or NullProgress(), options or ExportOptions())
    reexported = store.mark_exported(
        [r.id for r in records], user, detail=f"{fmt} export to {out.name}"
    )
    report = ExportReport(batch, fmt, out, len(records), reexported)
    log.info("%s", report.summary())
    return report
