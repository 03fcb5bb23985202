"""The key of the encrypted embedded store (SQLCipher), and where it comes from.

In order: ``MEDREVIEW_KEY`` (a passphrase, for scripts and servers; the key is
derived from it once per process with PBKDF2-HMAC-SHA512, 256,000 rounds, so a new
connection costs no key derivation), else the operating system's keyring
(service ``medreview``, one random 256-bit key per database file, created with the
database). ``MEDREVIEW_ENCRYPTION=off`` stores the data unencrypted, with a
warning; without any of these a new store is refused with a message that says
what to set. The key never goes to a log or an error message.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import URL

from medreview.errors import DatabaseUnavailableError

log = logging.getLogger(__name__)

KEY_ENV = "MEDREVIEW_KEY"
ENCRYPTION_ENV = "MEDREVIEW_ENCRYPTION"
KEYRING_SERVICE = "medreview"


@dataclass(frozen=True, slots=True)
class StoreKey:
    """A passphrase or a raw key, as SQLCipher's ``PRAGMA key`` takes it."""

    secret: str
    raw: bool = False

    def pragma(self) -> str:
        """The ``PRAGMA key`` statement (quoted, never logged)."""
        if self.raw:
            return f"PRAGMA key = \"x'{self.secret}'\""
        return "PRAGMA key = '" + self.secret.replace("'", "''") + "'"

    def __repr__(self) -> str:
        return "StoreKey(<hidden>)"


def encryption_enabled() -> bool:
    """False only when ``MEDREVIEW_ENCRYPTION=off``."""
    return os.environ.get(ENCRYPTION_ENV, "on").strip().lower() not in {"off", "0", "no"}


def key_for(database: Path) -> StoreKey | None:
    """The key of the embedded database at ``database`` (None: unencrypted)."""
    if not encryption_enabled():
        log.warning(
            "%s=off: the embedded store is NOT encrypted at rest; do not keep patient data in it",
            ENCRYPTION_ENV,
        )
        return None
    passphrase = os.environ.get(KEY_ENV)
    if passphrase:
        return StoreKey(derive(passphrase), raw=True)
    return _from_keyring(database.resolve())


_KDF_SALT = b"medreview store key v1"
_KDF_ROUNDS = 256_000


@lru_cache(maxsize=4)
def derive(passphrase: str) -> str:
    """The 256-bit raw key (hex) of a passphrase."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), _KDF_SALT, _KDF_ROUNDS, 32)
    return key.hex()


def files_key(url: URL) -> str | None:
    """The raw key (hex) the store's scans and page images are sealed with, if any.

    The embedded store's own key (``MEDREVIEW_KEY`` or the keyring); for PostgreSQL, whose
    files live on this machine, ``MEDREVIEW_KEY`` alone, else the files stay plain (warned).
    """
    if not encryption_enabled():
        return None  # encryption off: plain files (the embedded store warned when it opened)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        key = key_for(Path(url.database))
        return key.secret if key is not None else None
    passphrase = os.environ.get(KEY_ENV)
    if passphrase:
        return derive(passphrase)
    log.warning(
        "%s is not set: the scans and page images this PostgreSQL store keeps on this "
        "machine are not encrypted",
        KEY_ENV,
    )
    return None


def _from_keyring(database: Path) -> StoreKey:
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        raise _no_key() from None
    if isinstance(keyring.get_keyring(), NoKeyring):
        raise _no_key()
    try:
        stored = keyring.get_password(KEYRING_SERVICE, str(database))
        if stored:
            return StoreKey(stored, raw=True)
        if database.exists() and database.stat().st_size > 0:
            raise DatabaseUnavailableError(
                "the keyring holds no key for this encrypted store; set "
                f"{KEY_ENV} to its passphrase"
            )
        created = secrets.token_hex(32)
        keyring.set_password(KEYRING_SERVICE, str(database), created)
        log.info("created a new store key in the system keyring")
        return StoreKey(created, raw=True)
    except KeyringError:
        raise _no_key() from None


def _no_key() -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        "the store is encrypted and no key is available: set "
        f"{KEY_ENV} to a passphrase, or use a system with an OS keyring "
        f"({ENCRYPTION_ENV}=off stores patient data unencrypted, not recommended)"
    )
