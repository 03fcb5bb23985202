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
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        isolation_level="READ COMMITTED",
        connect_args={"options": f"-c lock_timeout={busy_timeout_ms}", "connect_timeout": 10},
    )


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not pysqlite, decide how transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        finally:
            cursor.close()

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
    return None
