"""The store's own copies of source scans, named by content hash.

A batch keeps working when the original is moved or deleted, and the same scan
added twice is stored once. Copies are written to a temporary name and renamed,
so a crash never leaves a half-written file under a hash name.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medreview.errors import (
    DiskFullError,
    FileMissingError,
    NotAFileError,
    UnreadableFileError,
)
from medreview.filenames import display_name
from medreview.store.db import private_dir

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A source file copied into the store."""

    sha256: str
    relative_path: str
    size_bytes: int


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise FileMissingError(f"{display_name(path)}: no such file") from None
    except OSError as exc:
        raise UnreadableFileError(
            f"{display_name(path)}: cannot be read ({exc.strerror})"
        ) from None
    return digest.hexdigest()


def copy_in(root: Path, source: Path) -> StoredFile:
    """Copy ``source`` under ``root/sources`` by its hash (once per content).

    Only a regular file is read: a FIFO or a device would block or never end.
    """
    try:
        mode = source.stat().st_mode
    except FileNotFoundError:
        raise FileMissingError(f"{display_name(source)}: no such file") from None
    except OSError as exc:
        raise UnreadableFileError(
            f"{display_name(source)}: cannot be read ({exc.strerror})"
        ) from None
    if not stat.S_ISREG(mode):
        raise NotAFileError(f"{display_name(source)}: not a regular file")
    sha = sha256_of(source)
    suffix = source.suffix.lower()
    if not (suffix[1:].isascii() and suffix[1:].isalnum()):
        suffix = ""  # a name that is not UTF-8 must not reach the database
    relative = f"sources/{sha[:2]}/{sha}{suffix}"
    target = root / relative
    size = source.stat().st_size
    if target.exists() and target.stat().st_size == size:
        return StoredFile(sha, relative, size)
    try:
        private_dir(target.parent)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError("the disk holding the medreview store is full") from exc
        if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
            raise
        # the source vanished or became unreadable between hashing and copying
        raise UnreadableFileError(
            f"{display_name(source)}: cannot be read ({exc.strerror})"
        ) from None
    return StoredFile(sha, relative, size)


def page_dir(root: Path, document_id: int) -> Path:
    """Where the pipeline writes a document's page images."""
    return root / "pages" / f"{document_id:08d}"


def relative_to_root(root: Path, path: Path) -> str:
    """A path stored in the database: relative to the store's root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def resolve(root: Path, stored: str) -> Path:
    """The absolute path of a stored (possibly relative) path."""
    path = Path(stored)
    return path if path.is_absolute() else root / path
