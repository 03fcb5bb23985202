"""Writing and reading the append-only audit log.

Entries are added in the caller's session, so an entry commits or rolls back
together with the change it records. Values go to the database only, never to
the Python log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.model import FieldData
from medreview.store.schema import AuditEntry, Document, User, utcnow


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audit entry as the review window and reports see it."""

    id: int
    at: datetime
    actor: str
    action: str
    document_id: int | None
    field: str | None
    old_value: FieldData
    new_value: FieldData
    detail: str | None


def record(
    session: Session,
    actor: User,
    action: str,
    *,
    document: Document | None = None,
    batch_id: int | None = None,
    field: str | None = None,
    old_value: Any = None,
    new_value: Any = None,
    detail: str | None = None,
) -> AuditEntry:
    """Append one entry in the current transaction."""
    entry = AuditEntry(
        at=utcnow(),
        user_id=actor.id,
        actor=actor.name,
        action=action,
        batch_id=document.batch_id if document is not None else batch_id,
        document_id=document.id if document is not None else None,
        field=field,
        old_value=old_value,
        new_value=new_value,
        detail=detail,
    )
    session.add(entry)
    return entry


def to_record(entry: AuditEntry) -> AuditRecord:
    """The immutable view of an entry."""
    return AuditRecord(
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        document_id=entry.document_id,
        field=entry.field,
        old_value=entry.old_value,
        new_value=entry.new_value,
        detail=entry.detail,
    )


def entries_for(session: Session, document_id: int) -> list[AuditRecord]:
    """A document's entries, oldest first."""
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.document_id == document_id).order_by(AuditEntry.id)
    )
    return [to_record(row) for row in rows]
