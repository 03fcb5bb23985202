"""Where the embedded database and the store's files live.

``MEDREVIEW_DATA_DIR`` overrides ``platformdirs.user_data_dir("medreview")`` so
tests and portable installs never touch the real user directory, and
``MEDREVIEW_FILES_DIR`` points a shared PostgreSQL store at a folder every
machine mounts.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

DATA_DIR_ENV = "MEDREVIEW_DATA_DIR"
FILES_DIR_ENV = "MEDREVIEW_FILES_DIR"
DATABASE_ENV = "MEDREVIEW_DATABASE"
DATABASE_FILE = "medreview.sqlite3"


def data_dir() -> Path:
    """The user's medreview data directory (created on demand by the caller)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("medreview", appauthor=False))


def default_database_url() -> str:
    """``MEDREVIEW_DATABASE`` if set, else the embedded SQLite file in :func:`data_dir`."""
    configured = os.environ.get(DATABASE_ENV)
    if configured:
        return configured
    return f"sqlite:///{data_dir() / DATABASE_FILE}"


def normalise_url(url: str | None) -> URL:
    """Parse a database URL, choosing the psycopg 3 driver for plain ``postgresql://``.

    A bare filesystem path is taken as an SQLite file.
    """
    text = url or default_database_url()
    if "://" not in text:
        text = f"sqlite:///{Path(text).expanduser().resolve()}"
    parsed = make_url(text)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def files_dir(url: URL) -> Path:
    """The folder of source copies and page images that belongs to a database.

    An SQLite file keeps its folder beside it (``NAME-files``); a server database
    uses ``MEDREVIEW_FILES_DIR`` or the data directory's ``files`` folder.
    """
    override = os.environ.get(FILES_DIR_ENV)
    if override:
        return Path(override)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database)
        return db.with_name(f"{db.stem}-files")
    return data_dir() / "files"
