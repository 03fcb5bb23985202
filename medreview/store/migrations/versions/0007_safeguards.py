"""Safeguards: the audit log as a hash chain, and users with passwords.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 06:40:00

Existing audit entries are chained in id order (the append-only triggers are
lifted for that one update and put back).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    # plain ADD COLUMN: a batch copy of users would trip its foreign keys on SQLite
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("entry_hash", sa.String(length=64), nullable=True))
    op.add_column("users", sa.Column("password_hash", sa.String(length=255), nullable=True))
    op.add_column(
        "users", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
    )
    _chain_existing_entries()


def _chain_existing_entries() -> None:
    from medreview.store.audit import GENESIS, entry_hash
    from medreview.store.schema import AuditEntry

    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    session = Session(bind=bind)
    previous = GENESIS
    for entry in session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id)):
        entry.prev_hash = previous
        entry.entry_hash = previous = entry_hash(entry)
    session.flush()
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("active")
        batch.drop_column("password_hash")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
