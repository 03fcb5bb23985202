"""Alembic environment: runs on the connection :mod:`medreview.store.migrate` hands it.

On PostgreSQL a transaction-scoped advisory lock serialises concurrent openers
(many ingest processes starting at once); on SQLite the ``BEGIN IMMEDIATE`` of
the surrounding transaction does the same.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from medreview.store.schema import Base

MIGRATION_LOCK_KEY = 7_345_001


def run_migrations_online() -> None:
    """Migrate on the given connection, inside its transaction."""
    connection = context.config.attributes["connection"]
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
