"""Stored scans and page images encrypted at rest (AES-256-GCM), with the store's key.

The embedded database is encrypted by SQLCipher; the files beside it (the copies of the
source scans and the page images the window shows) are sealed with a key derived from the
same store key (HKDF-SHA256, its own context, so the two uses never share a key). A sealed
file is ``MAGIC``, a random 96-bit nonce, the ciphertext and GCM's 128-bit tag, so a changed
byte is caught when the file is opened, not shown. Files without ``MAGIC`` are read as they
are: stores written before sealing, and stores whose encryption is off (``FileSeal(None)``).

Programs that need a path (poppler's ``pdftoppm``) get the plaintext in a private
temporary file that lives only while it is read: in ``/dev/shm`` (memory, never on disk)
when the system has it, else in the private temporary folder, and removed on the way out;
files left by a killed process are swept when the next one starts.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from medreview import lifeline
from medreview.errors import FileMissingError, TruncatedFileError

MAGIC = b"MRSEAL1\n"
_NONCE = 12
_TAG = 16
_CONTEXT = b"medreview stored files v1"
_PNG_FAST = [cv2.IMWRITE_PNG_COMPRESSION, 1]
_SHM = Path("/dev/shm")


class FileSeal:
    """Seals and opens the store's files; ``key`` None leaves them plain (encryption off).

    Picklable, so worker processes get it with their configuration; its key never
    appears in a repr, a log or an error.
    """

    __slots__ = ("_key",)

    def __init__(self, key: bytes | None) -> None:
        """``key``: 32 bytes (see :meth:`from_store_key`), or None for plain files."""
        if key is not None and len(key) != 32:
            raise ValueError("a file key is 32 bytes")
        self._key = key

    @classmethod
    def from_store_key(cls, secret_hex: str | None) -> FileSeal:
        """The seal of a store whose raw key (hex, as SQLCipher takes it) is ``secret_hex``."""
        if secret_hex is None:
            return cls(None)
        from Cryptodome.Hash import SHA256
        from Cryptodome.Protocol.KDF import HKDF

        derived = HKDF(bytes.fromhex(secret_hex), 32, b"", SHA256, context=_CONTEXT)
        assert isinstance(derived, bytes)
        return cls(derived)

    @property
    def enabled(self) -> bool:
        """True when new files are encrypted."""
        return self._key is not None

    def __repr__(self) -> str:
        return f"FileSeal({'<key>' if self._key else 'off'})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileSeal) and other._key == self._key

    def __hash__(self) -> int:
        return hash((FileSeal, self._key))

    def __reduce__(self) -> tuple[type[FileSeal], tuple[bytes | None]]:
        return (FileSeal, (self._key,))

    # --- bytes -------------------------------------------------------------------------

    def seal(self, data: bytes) -> bytes:
        """``data`` encrypted (unchanged when encryption is off)."""
        if self._key is None:
            return data
        from Cryptodome.Cipher import AES

        nonce = secrets.token_bytes(_NONCE)
        cipher = AES.new(self._key, AES.MODE_GCM, nonce=nonce, mac_len=_TAG)
        cipher.update(MAGIC)
        body, tag = cipher.encrypt_and_digest(data)
        return MAGIC + nonce + body + tag

    def open(self, blob: bytes, name: str = "file") -> bytes:
        """The plaintext of a sealed (or plain) file's bytes; ``name`` is for messages."""
        if not blob.startswith(MAGIC):
            return blob
        if self._key is None:
            raise TruncatedFileError(
                f"{name}: the stored file is encrypted and this store has no key for it"
            )
        from Cryptodome.Cipher import AES

        nonce = blob[len(MAGIC) : len(MAGIC) + _NONCE]
        body, tag = blob[len(MAGIC) + _NONCE : -_TAG], blob[-_TAG:]
        cipher = AES.new(self._key, AES.MODE_GCM, nonce=nonce, mac_len=_TAG)
        cipher.update(MAGIC)
        try:
            return bytes(cipher.decrypt_and_verify(body, tag))
        except ValueError:
            raise TruncatedFileError(
                f"{name}: the stored file does not decrypt (damaged, or another store's key)"
            ) from None

    # --- files -------------------------------------------------------------------------

    def read(self, path: Path) -> bytes:
        """A stored file's plaintext."""
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            raise FileMissingError(f"{path.name}: the stored file is missing") from None
        return self.open(blob, path.name)

    def write(self, path: Path, data: bytes) -> None:
        """Write ``data`` sealed to ``path``: private (0600) and whole or not at all."""
        path.parent.mkdir(parents=True, exist_ok=True)
        sealed = self.seal(data)
        # a worker whose parent dies ends only once the file is whole (medreview.lifeline)
        with lifeline.whole_write():
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(sealed)
                    out.flush()
                    os.fsync(out.fileno())
                Path(temp).replace(path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise

    def is_sealed(self, path: Path) -> bool:
        """True when the file at ``path`` starts as a sealed file does."""
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC

    # --- images ------------------------------------------------------------------------

    def write_png(self, path: Path, image: npt.NDArray[np.uint8]) -> None:
        """Write an OpenCV image (gray or BGR) as a sealed PNG."""
        ok, encoded = cv2.imencode(".png", image, _PNG_FAST)
        if not ok:
            raise TruncatedFileError(f"{path.name}: the page image cannot be encoded")
        self.write(path, encoded.tobytes())

    def read_image(self, path: Path, flags: int = cv2.IMREAD_UNCHANGED) -> npt.NDArray[np.uint8]:
        """A stored image decoded by OpenCV (``flags`` as for ``cv2.imread``)."""
        data = np.frombuffer(self.read(path), dtype=np.uint8)
        image = cv2.imdecode(data, flags)
        if image is None:
            raise TruncatedFileError(f"{path.name}: the page image cannot be read")
        return image.astype(np.uint8, copy=False)

    @contextlib.contextmanager
    def plaintext(self, path: Path) -> Iterator[Path]:
        """``path`` itself when it is plain, else its plaintext in a private temporary file."""
        try:
            # never open what is not a regular file here: a FIFO would block for ever
            sealed = self.enabled and path.is_file() and self.is_sealed(path)
        except OSError:
            sealed = False  # the reader that follows names the real problem
        if not sealed:
            yield path
            return
        # a folder of its own, so the plaintext keeps the stored file's name for messages
        folder = Path(tempfile.mkdtemp(dir=scratch_dir(), prefix=f"{os.getpid()}-"))
        temp = folder / path.name
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(self.read(path))
            yield temp
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def scratch_dir() -> Path:
    """This user's private folder for plaintext read by programs (memory-backed when it can be).

    Files a killed process left behind (named by their process id) are removed here.
    """
    base = _SHM if _SHM.is_dir() and os.access(_SHM, os.W_OK) else Path(tempfile.gettempdir())
    folder = base / f"medreview-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise PermissionError(f"{folder} is not private to this user")
    for left in folder.iterdir():
        pid = left.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(left, ignore_errors=True)
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
