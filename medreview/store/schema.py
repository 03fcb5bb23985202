"""The store's tables as SQLAlchemy 2 ORM models.

The migrations in ``migrations/versions`` create exactly these tables (a test
compares them). Times are stored as naive UTC and read back as aware UTC, the
same on SQLite and PostgreSQL. ``audit_log`` is append-only: triggers created
by the migration refuse UPDATE and DELETE on it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class Status(StrEnum):
    """A document's place in its life cycle (see :mod:`medreview.store.lifecycle`)."""

    QUEUED = "queued"
    PROCESSING = "processing"
    READY = "ready"
    IN_REVIEW = "in_review"
    VERIFIED = "verified"
    EXPORTED = "exported"
    FAILED = "failed"
    REJECTED = "rejected"


class Role(StrEnum):
    """What a user may do; ``system`` is the store's own actor (ingest, auto-verify)."""

    ANALYST = "analyst"
    SUPERVISOR = "supervisor"
    SYSTEM = "system"


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Naive UTC in the database, aware UTC in Python."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store as naive UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read back as aware UTC."""
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING)
    # SQLAlchemy reads this class attribute; it is never mutated.
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012


class User(Base):
    """An analyst, a supervisor, or the system itself."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Batch(Base):
    """A named set of documents handed to an insurer together."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Straight-through processing: verify without review at or above this confidence.
    auto_verify_confidence: Mapped[float | None] = mapped_column(Float, default=None)


class Document(Base):
    """One source file and where it is in its life cycle."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("batch_id", "source_hash", name="uq_documents_batch_hash"),
        Index("ix_documents_queue", "status", "batch_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    source_name: Mapped[str] = mapped_column(String(500))
    source_hash: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(String(500))
    size_bytes: Mapped[int] = mapped_column(Integer)
    document_type: Mapped[str | None] = mapped_column(String(32), default=None)
    status: Mapped[str] = mapped_column(String(16), default=Status.QUEUED.value)
    engine: Mapped[str | None] = mapped_column(String(100), default=None)
    layout: Mapped[str | None] = mapped_column(String(200), default=None)
    warnings: Mapped[Any] = mapped_column(JSON, default=list)
    error_code: Mapped[str | None] = mapped_column(String(64), default=None)
    error_message: Mapped[str | None] = mapped_column(Text, default=None)
    reject_reason: Mapped[str | None] = mapped_column(Text, default=None)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    claim_owner: Mapped[str | None] = mapped_column(String(200), default=None)
    claimed_at: Mapped[datetime | None] = mapped_column(default=None)
    lease_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    auto_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(default=None)
    verified_at: Mapped[datetime | None] = mapped_column(default=None)
    exported_at: Mapped[datetime | None] = mapped_column(default=None)


class Page(Base):
    """One rendered page of a document and the images the review window shows."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "index", name="uq_pages_document_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[int] = mapped_column(Integer)
    skew_degrees: Mapped[float] = mapped_column(Float, default=0.0)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    steps: Mapped[Any] = mapped_column(JSON, default=list)
    image_path: Mapped[str | None] = mapped_column(String(500), default=None)
    prepared_path: Mapped[str | None] = mapped_column(String(500), default=None)
    # every word OCR read: [text, ocr_text or "", confidence, x0, y0, x1, y1] (to learn layouts)
    words: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)


class ExtractedField(Base):
    """A field as the pipeline read it: canonical value and its evidence."""

    __tablename__ = "fields"
    __table_args__ = (UniqueConstraint("document_id", "name", name="uq_fields_document_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON(none_as_null=False))
    confidence: Mapped[float] = mapped_column(Float)
    page: Mapped[int | None] = mapped_column(Integer, default=None)
    bbox: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    boxes: Mapped[Any] = mapped_column(JSON, default=list)
    ocr_text: Mapped[str] = mapped_column(Text, default="")
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=None)
    second_reading: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)


class FinalValue(Base):
    """The analyst's value for a field, overriding what OCR read."""

    __tablename__ = "final_values"
    __table_args__ = (
        UniqueConstraint("document_id", "name", name="uq_final_values_document_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON(none_as_null=False))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class StoredLayout(Base):
    """A form's layout (the TOML text of :mod:`medreview.layouts.format`) and who taught it."""

    __tablename__ = "layouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    document_type: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    documents: Mapped[int] = mapped_column(Integer, default=1)
    # bumped on every change, so readers re-parse only what changed
    revision: Mapped[int] = mapped_column(Integer, default=1)
    taught_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    source_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), default=None
    )
    source_name: Mapped[str | None] = mapped_column(String(500), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One thing someone did: append-only, written in the same transaction as the change."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_document", "document_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id"), default=None)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), default=None)
    field: Mapped[str | None] = mapped_column(String(64), default=None)
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    detail: Mapped[str | None] = mapped_column(Text, default=None)
