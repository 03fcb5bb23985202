"""Bring a database's schema to the newest revision, programmatically, on open.

The migration scripts ship inside the package (``migrations/``), so an installed
or frozen medreview can upgrade any database it opens without an ``alembic.ini``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from medreview.errors import SchemaVersionError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the packaged scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this medreview knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a revision
        raise SchemaVersionError("medreview ships no database migrations")
    return head


def upgrade(connection: Connection) -> bool:
    """Upgrade to head inside the connection's transaction; True if anything ran.

    A database stamped with a revision this medreview does not know was written
    by a newer version and is refused rather than damaged.
    """
    script = ScriptDirectory.from_config(alembic_config())
    current = MigrationContext.configure(connection).get_current_revision()
    if current == script.get_current_head():
        return False
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise SchemaVersionError(
            "the database was created by a newer medreview; upgrade medreview to open it"
        )
    command.upgrade(alembic_config(connection), "head")
    return True
