"""Files sealed at rest: round trips, tampering, other keys, plain files, the plaintext copy."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from medreview.errors import FileMissingError, TruncatedFileError
from medreview.sealing import MAGIC, FileSeal, scratch_dir

KEY = "ab" * 32


def test_a_sealed_file_reads_back_and_shows_nothing_of_its_content(tmp_path: Path) -> None:
    seal = FileSeal.from_store_key(KEY)
    path = tmp_path / "scan.pdf"
    seal.write(path, b"%PDF-1.7 Zebulon Quaintance")
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and b"Zebulon" not in raw and b"%PDF" not in raw
    assert seal.read(path) == b"%PDF-1.7 Zebulon Quaintance"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert seal.seal(b"same") != seal.seal(b"same")  # a fresh nonce every time


def test_a_changed_byte_or_another_key_is_refused(tmp_path: Path) -> None:
    seal = FileSeal.from_store_key(KEY)
    path = tmp_path / "page-000.png"
    seal.write(path, b"pixels")
    with pytest.raises(TruncatedFileError, match="does not decrypt"):
        FileSeal.from_store_key("cd" * 32).read(path)
    raw = bytearray(path.read_bytes())
    raw[-20] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(TruncatedFileError, match="does not decrypt"):
        seal.read(path)
    with pytest.raises(TruncatedFileError, match="no key"):
        FileSeal(None).read(path)
    with pytest.raises(FileMissingError):
        seal.read(tmp_path / "gone.png")


def test_plain_files_still_read_and_encryption_off_writes_plain(tmp_path: Path) -> None:
    plain = tmp_path / "old.png"
    plain.write_bytes(b"\x89PNG old page")
    assert FileSeal.from_store_key(KEY).read(plain) == b"\x89PNG old page"
    off = FileSeal.from_store_key(None)
    assert not off.enabled and off.seal(b"data") == b"data"


def test_images_round_trip_and_the_key_stays_out_of_reprs(tmp_path: Path) -> None:
    seal = FileSeal.from_store_key(KEY)
    image = np.arange(60 * 80, dtype=np.uint16).reshape(60, 80).astype(np.uint8)
    seal.write_png(tmp_path / "p.png", image)
    assert np.array_equal(seal.read_image(tmp_path / "p.png"), image)
    assert KEY not in repr(seal) and "<key>" in repr(seal)
    assert pickle.loads(pickle.dumps(seal)) == seal  # travels to worker processes


def test_the_plaintext_copy_lives_only_while_it_is_read(tmp_path: Path) -> None:
    seal = FileSeal.from_store_key(KEY)
    stored = tmp_path / "abc.pdf"
    seal.write(stored, b"%PDF-1.4 content")
    with seal.plaintext(stored) as readable:
        assert readable != stored and readable.name == "abc.pdf"
        assert readable.read_bytes() == b"%PDF-1.4 content"
        assert oct(readable.stat().st_mode & 0o777) == "0o600"
        assert oct(readable.parent.parent.stat().st_mode & 0o777) == "0o700"
    assert not readable.exists() and not readable.parent.exists()
    plain = tmp_path / "plain.png"
    plain.write_bytes(b"\x89PNG")
    with seal.plaintext(plain) as readable:
        assert readable == plain


def test_plaintext_left_by_a_killed_process_is_swept(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = scratch_dir() / f"{dead.stdout.strip()}-x"
    left.mkdir()
    (left / "scan.pdf").write_bytes(b"plaintext")
    mine = scratch_dir() / f"{os.getpid()}-keep"
    mine.mkdir()
    try:
        scratch_dir()
        assert not left.exists() and mine.exists()
    finally:
        mine.rmdir()
