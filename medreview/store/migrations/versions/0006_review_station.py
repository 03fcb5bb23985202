"""The review station: field checks, postponing, review sessions, word confidences, double keying.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 06:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "field_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_field_checks_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_field_checks_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_checks")),
        sa.UniqueConstraint("document_id", "name", name="uq_field_checks_document_name"),
    )
    op.create_table(
        "review_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("keystrokes", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_review_sessions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_review_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_sessions")),
    )
    op.create_index(
        "ix_review_sessions_user", "review_sessions", ["user_id", "ended_at"], unique=False
    )
    op.create_table(
        "blind_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=False), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_blind_keys_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_blind_keys_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blind_keys")),
        sa.UniqueConstraint("document_id", "name", "user_id", name="uq_blind_keys_document_name"),
    )
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("postponed_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("keying_conflict", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("fields") as batch:
        batch.add_column(sa.Column("box_confidences", sa.JSON(), nullable=True))
    with op.batch_alter_table("batches") as batch:
        batch.add_column(sa.Column("double_key_fields", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("batches") as batch:
        batch.drop_column("double_key_fields")
    with op.batch_alter_table("fields") as batch:
        batch.drop_column("box_confidences")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("keying_conflict")
        batch.drop_column("postponed_at")
    op.drop_table("blind_keys")
    op.drop_index("ix_review_sessions_user", table_name="review_sessions")
    op.drop_table("review_sessions")
    op.drop_table("field_checks")
