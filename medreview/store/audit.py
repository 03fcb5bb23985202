"""Writing and reading the append-only audit log, a hash chain.

Entries are added in the caller's session, so an entry commits or rolls back
together with the change it records. Values go to the database only, never to
the Python log.

Each entry carries the previous entry's hash (``prev_hash``) and its own
(``entry_hash``): SHA-256 of the previous hash and of every value the entry
records (time, actor, action, document, field, old and new value, detail), in a
canonical JSON form. Changing, deleting or inserting an entry breaks the chain
at that entry; :mod:`medreview.store.integrity` finds the first broken link.
On PostgreSQL a transaction-scoped advisory lock keeps the chain a single line
when several processes write at once (SQLite's writers are serialised already).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
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
    """Append one entry, chained to the one before, in the current transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    # the query flushes this transaction's earlier entries, so they count
    previous = session.scalars(
        select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
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
    entry.prev_hash = previous or GENESIS
    entry.entry_hash = entry_hash(entry)
    session.add(entry)
    return entry


GENESIS = "0" * 64
# any fixed number: the advisory lock that serialises appends on PostgreSQL
CHAIN_LOCK = 0x6D6564726576


def canonical(entry: AuditEntry) -> bytes:
    """The values an entry's hash covers, as canonical JSON bytes."""
    at = entry.at
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    content = {
        "at": at.isoformat(timespec="microseconds"),
        "user_id": entry.user_id,
        "actor": entry.actor,
        "action": entry.action,
        "batch_id": entry.batch_id,
        "document_id": entry.document_id,
        "field": entry.field,
        "old_value": entry.old_value,
        "new_value": entry.new_value,
        "detail": entry.detail,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 of the previous entry's hash and this entry's values."""
    digest = hashlib.sha256((entry.prev_hash or GENESIS).encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical(entry))
    return digest.hexdigest()


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
