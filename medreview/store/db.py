"""Engine, sessions and the one transaction helper of the store.

SQLite runs in WAL mode with a busy timeout, and every transaction starts with
``BEGIN IMMEDIATE``: a transaction takes the write lock when it begins, so a
read-then-update (claiming work) is atomic across processes and never fails
half-way with a stale snapshot. PostgreSQL runs at READ COMMITTED and claims rows
with ``FOR UPDATE SKIP LOCKED``.

Failures of the environment (locked, disk full, server unreachable) become typed
:class:`~medreview.errors.DatabaseError` subclasses; anything else (integrity
errors, SQL mistakes) is a bug and propagates unchanged.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from medreview.errors import (
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
)
from medreview.store.keys import StoreKey, key_for

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000

# PostgreSQL SQLSTATE codes that describe the environment, not a bug.
_PG_DISK_FULL = {"53100", "53200", "53300"}
_PG_LOCKED = {"55P03", "40P01", "40001"}
_PG_UNAVAILABLE_PREFIXES = ("08", "57P", "28")


def is_sqlite(engine: Engine) -> bool:
    """True for the embedded backend."""
    return engine.dialect.name == "sqlite"


def describe(url: URL) -> str:
    """The URL without its password, safe for messages."""
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine with the backend's pragmas and transaction behaviour set up.

    ``busy_timeout_ms`` is how long SQLite waits for another process's write lock
    (PostgreSQL: for a row or table lock) before DatabaseLockedError.
    """
    if url.get_backend_name() == "sqlite":
        key: StoreKey | None = None
        connect_args: dict[str, Any] = {"timeout": busy_timeout_ms / 1000}
        path: Path | None = None
        if url.database and url.database != ":memory:":
            path = Path(url.database)
            private_dir(path.parent)
            key = key_for(path)
            if key is not None:
                _encrypt_plain_database(path, key)
        if key is not None:
            import sqlcipher3

            engine = create_engine(url, module=sqlcipher3.dbapi2, connect_args=connect_args)
        else:
            engine = create_engine(url, connect_args=connect_args)
        _configure_sqlite(engine, busy_timeout_ms, key, path)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        isolation_level="READ COMMITTED",
        connect_args={
            "options": f"-c lock_timeout={busy_timeout_ms}",
            "connect_timeout": 10,
            **tls_arguments(url),
        },
    )


SQLITE_HEADER = b"SQLite format 3\x00"
TLS_ENV = "MEDREVIEW_DB_TLS"
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})


def tls_arguments(url: URL) -> dict[str, str]:
    """PostgreSQL: TLS required for any host but this one, unless turned off (warned).

    ``MEDREVIEW_DB_TLS=off`` (or ``sslmode`` in the URL) overrides; a remote server
    reached without TLS sends patient data in the clear, so that is logged loudly.
    """
    if "sslmode" in url.query:
        mode = str(url.query["sslmode"])
    elif os.environ.get(TLS_ENV, "").strip().lower() in {"off", "0", "no", "disable"}:
        mode = "disable"
    elif (url.host or "") in _LOCAL_HOSTS or (url.host or "").startswith("/"):
        return {}
    else:
        return {"sslmode": "require"}
    if mode in {"disable", "allow", "prefer"} and (url.host or "") not in _LOCAL_HOSTS:
        log.warning(
            "the connection to PostgreSQL on %s may be unencrypted (sslmode=%s): patient "
            "data crosses the network in the clear",
            url.host,
            mode,
        )
    return {"sslmode": mode}


def private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) readable by this user only (0700)."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in [*missing, folder]:
        _chmod(created, 0o700)


def private_file(path: Path) -> None:
    """Make an existing file readable and writable by this user only (0600)."""
    _chmod(path, 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.exists() and path.stat().st_uid == os.getuid():
            path.chmod(mode)
    except OSError:
        log.warning("cannot restrict the permissions of %s", path.name)


def _encrypt_plain_database(path: Path, key: StoreKey) -> None:
    """Encrypt, in place, an embedded store written before encryption was turned on."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return
    except FileNotFoundError:
        return
    import sqlcipher3

    temp = path.with_name(f".{path.name}.encrypting")
    temp.unlink(missing_ok=True)
    plain = sqlcipher3.dbapi2.connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY {_key_literal(key)}", (str(temp),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    private_file(temp)
    temp.replace(path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.warning("encrypted the embedded store %s, which was not encrypted", path.name)


def _key_literal(key: StoreKey) -> str:
    if key.raw:
        return f"\"x'{key.secret}'\""
    return "'" + key.secret.replace("'", "''") + "'"


def _configure_sqlite(
    engine: Engine, busy_timeout_ms: int, key: StoreKey | None, path: Path | None
) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not pysqlite, decide how transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if key is not None:
                cursor.execute(key.pragma())  # before anything reads the file
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        finally:
            cursor.close()
        if path is not None:
            # the WAL and shared-memory files take the database file's permissions
            private_file(path)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    Environment failures are re-raised as typed :class:`DatabaseError`.
    """
    try:
        with factory() as session, session.begin():
            yield session
    except DBAPIError as exc:
        typed = classify_chain(exc)
        if typed is None:
            raise
        raise typed from exc


def classify_chain(exc: BaseException) -> DatabaseError | None:
    """Like :func:`classify`, also looking at the errors this one arose from.

    SQLite ends the whole transaction on "disk full"; rolling back a savepoint then
    fails with "no such savepoint", which hides the real cause in its context.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        typed = classify(current)
        if typed is not None:
            return typed
        current = current.__cause__ or current.__context__
    return None


def classify(exc: BaseException) -> DatabaseError | None:
    """The typed error for an environment failure, or None for a bug."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DiskFullError("the disk holding the medreview store is full")
    if not isinstance(exc, DBAPIError):
        return None
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    text = str(orig).lower()
    if sqlstate in _PG_DISK_FULL or "disk is full" in text or "disk full" in text:
        return DiskFullError("the disk holding the medreview database is full")
    if sqlstate in _PG_LOCKED or "database is locked" in text or "table is locked" in text:
        return DatabaseLockedError(
            "the database stayed locked by another process; try again in a moment"
        )
    if isinstance(sqlstate, str) and sqlstate.startswith(_PG_UNAVAILABLE_PREFIXES):
        return DatabaseUnavailableError("the database server refused or dropped the connection")
    if isinstance(exc, OperationalError) and (
        sqlstate is None
        and (
            "unable to open" in text
            or "connection" in text
            or "could not connect" in text
            or "readonly database" in text
            or "disk i/o error" in text
        )
    ):
        return DatabaseUnavailableError("the database cannot be opened or reached")
    if "file is not a database" in text:
        return DatabaseUnavailableError(
            "the database cannot be read: a wrong key (MEDREVIEW_KEY), or not a medreview store"
        )
    return None
