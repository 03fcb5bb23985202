"""The store's own copies of source scans, named by content hash.

A batch keeps working when the original is moved or deleted, and the same scan
added twice is stored once. Copies are sealed (encrypted, :mod:`medreview.sealing`)
with the store's key, written to a temporary name and renamed, so a crash never
leaves a half-written file under a hash name. The hash is the plaintext's.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from medreview.errors import (
    DiskFullError,
    FileMissingError,
    NotAFileError,
    UnreadableFileError,
)
from medreview.filenames import display_name
from medreview.sealing import FileSeal
from medreview.store.db import private_dir

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A source file copied into the store."""

    sha256: str
    relative_path: str
    size_bytes: int


def copy_in(root: Path, source: Path, seal: FileSeal | None = None) -> StoredFile:
    """Copy ``source`` under ``root/sources`` by its hash (once per content), sealed.

    Only a regular file is read: a FIFO or a device would block or never end. Inputs
    are size-checked before they get here, so the copy is made in memory.
    """
    seal = seal or FileSeal(None)
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
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise FileMissingError(f"{display_name(source)}: no such file") from None
    except OSError as exc:
        raise UnreadableFileError(
            f"{display_name(source)}: cannot be read ({exc.strerror})"
        ) from None
    sha = hashlib.sha256(data).hexdigest()
    suffix = source.suffix.lower()
    if not (suffix[1:].isascii() and suffix[1:].isalnum()):
        suffix = ""  # a name that is not UTF-8 must not reach the database
    relative = f"sources/{sha[:2]}/{sha}{suffix}"
    target = root / relative
    if target.exists():
        return StoredFile(sha, relative, len(data))
    try:
        private_dir(target.parent)
        seal.write(target, data)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError("the disk holding the medreview store is full") from exc
        raise
    return StoredFile(sha, relative, len(data))


def stored_sha256(path: Path, seal: FileSeal) -> str:
    """Hex SHA-256 of a stored file's plaintext (what was registered)."""
    return hashlib.sha256(seal.read(path)).hexdigest()


_SEALED_MARKER = ".sealed-v1"


def seal_plain_files(root: Path, seal: FileSeal) -> None:
    """Seal, once, the scans and page images a store wrote before its files were sealed."""
    marker = root / _SEALED_MARKER
    if marker.exists():
        return
    for folder in (root / "sources", root / "pages"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and not seal.is_sealed(path):
                seal.write(path, path.read_bytes())
    marker.touch(mode=0o600)


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
