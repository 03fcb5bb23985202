"""The review station's bookkeeping: confirmed fields, postponing, sessions, re-reads.

Each function runs in the caller's transaction (see :mod:`medreview.store.api`);
none of them writes a field value or OCR text anywhere but the fields tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from medreview.errors import InvalidTransitionError, UsageError
from medreview.store import audit
from medreview.store.lifecycle import transition
from medreview.store.schema import (
    Document,
    FieldCheck,
    FinalValue,
    ReviewSession,
    Role,
    Status,
    User,
    utcnow,
)

OUTCOMES = frozenset({"verified", "rejected", "postponed", "released"})


def confirm(session: Session, doc: Document, actor: User, names: Iterable[str]) -> list[str]:
    """Mark fields as checked by ``actor``; returns the names newly confirmed."""
    known = set(session.scalars(select(FieldCheck.name).where(FieldCheck.document_id == doc.id)))
    added = []
    for name in dict.fromkeys(names):
        if name in known:
            continue
        session.add(FieldCheck(document_id=doc.id, name=name, user_id=actor.id, at=utcnow()))
        audit.record(session, actor, "confirmed", document=doc, field=name)
        added.append(name)
    return added


def clear_checks(session: Session, doc: Document) -> None:
    """Forget every confirmation and analyst value (the fields were read again)."""
    session.execute(delete(FieldCheck).where(FieldCheck.document_id == doc.id))
    session.execute(delete(FinalValue).where(FinalValue.document_id == doc.id))


def take(session: Session, doc: Document, actor: User, lease_until: datetime) -> None:
    """Give ``doc`` to ``actor`` for review: a ready one, or one they verified (to correct).

    A document verified by someone else, exported, or claimed by another analyst
    whose lease still runs is refused with InvalidTransitionError.
    """
    status = Status(doc.status)
    now = utcnow()
    if status is Status.IN_REVIEW:
        mine = doc.claimed_by_id == actor.id
        expired = doc.lease_expires_at is not None and doc.lease_expires_at < now
        if not mine and not expired:
            raise InvalidTransitionError(f"document {doc.id} is being reviewed by someone else")
        if not mine:
            transition(session, doc, Status.READY, actor, action="lease_expired")
            status = Status.READY
    if status is Status.VERIFIED:
        supervisor = Role(actor.role) is Role.SUPERVISOR
        if doc.verified_by_id != actor.id and not supervisor:
            raise InvalidTransitionError(
                f"document {doc.id} was verified by someone else; a supervisor can send it back"
            )
    elif status not in (Status.READY, Status.IN_REVIEW):
        raise InvalidTransitionError(f"document {doc.id} is {status.value}, it cannot be opened")
    if Status(doc.status) is not Status.IN_REVIEW:
        transition(session, doc, Status.IN_REVIEW, actor)
    doc.claimed_by_id = actor.id
    doc.claimed_at = now
    doc.lease_expires_at = lease_until


def postpone(session: Session, doc: Document, actor: User) -> None:
    """Put a claimed document back, to be handed out after every other ready one."""
    transition(session, doc, Status.READY, actor, action="postponed")
    doc.postponed_at = utcnow()


def log_session(
    session: Session,
    doc: Document,
    actor: User,
    started_at: datetime,
    keystrokes: int,
    outcome: str,
) -> None:
    """Record how long ``actor`` spent on ``doc`` and how many keys they pressed."""
    if outcome not in OUTCOMES:
        raise UsageError(f"unknown review outcome {outcome!r}")
    if keystrokes < 0:
        raise UsageError("a keystroke count cannot be negative")
    session.add(
        ReviewSession(
            document_id=doc.id,
            user_id=actor.id,
            started_at=started_at,
            ended_at=max(utcnow(), started_at),
            keystrokes=keystrokes,
            outcome=outcome,
        )
    )
