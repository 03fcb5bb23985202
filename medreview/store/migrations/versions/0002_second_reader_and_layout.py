"""A second reader's verdict per field, and the layout that read each document.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("fields") as batch:
        batch.add_column(sa.Column("agreement", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("second_reading", sa.JSON(), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("layout", sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("layout")
    with op.batch_alter_table("fields") as batch:
        batch.drop_column("second_reading")
        batch.drop_column("agreement")
