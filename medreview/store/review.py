"""The review station's bookkeeping: confirmed fields, postponing, sessions, double keying.

Each function runs in the caller's transaction (see :mod:`medreview.store.api`);
none of them writes a field value or OCR text anywhere but the fields tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from medreview.documents import fields_of
from medreview.errors import InvalidTransitionError, UsageError
from medreview.model import FieldData
from medreview.store import audit
from medreview.store.lifecycle import transition
from medreview.store.schema import (
    Batch,
    BlindKey,
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
    if doc.keying_conflict and Role(actor.role) is not Role.SUPERVISOR:
        raise InvalidTransitionError(
            f"document {doc.id} has a keying conflict: a supervisor decides"
        )
    if session.scalar(keyed_by(actor.id).where(BlindKey.document_id == doc.id).limit(1)):
        raise InvalidTransitionError(f"{actor.name} has already keyed document {doc.id}")
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


# -- double keying --------------------------------------------------------------------------


def blind_fields(session: Session, doc: Document) -> frozenset[str]:
    """The fields of ``doc`` its batch has keyed blind, twice (empty: no double keying)."""
    batch = session.get_one(Batch, doc.batch_id)
    chosen = set(batch.double_key_fields or ())
    return frozenset(s.name for s in fields_of(doc.document_type) if s.name in chosen)


def keyings(session: Session, doc: Document) -> dict[int, dict[str, FieldData]]:
    """Each keyer's blind values of ``doc``, by user id, in the order they keyed."""
    found: dict[int, dict[str, FieldData]] = {}
    rows = session.scalars(
        select(BlindKey).where(BlindKey.document_id == doc.id).order_by(BlindKey.id)
    )
    for row in rows:
        found.setdefault(row.user_id, {})[row.name] = row.value
    return found


def differing(
    first: dict[str, FieldData], second: dict[str, FieldData], names: Iterable[str]
) -> list[str]:
    """The fields two keyings disagree on (blank, None and [] are all "empty")."""
    empty: tuple[FieldData, ...] = (None, "", [])
    return [
        name
        for name in sorted(names)
        if not (first.get(name) in empty and second.get(name) in empty)
        and first.get(name) != second.get(name)
    ]


def settle_keying(
    session: Session,
    doc: Document,
    actor: User,
    blind: frozenset[str],
    values: dict[str, FieldData],
) -> bool:
    """Record ``actor``'s blind keying; True when the document may now be verified.

    The first keying sends the document back to ``ready`` for a second analyst.
    The second either agrees (the values become the final values) or flags a
    keying conflict, and the document waits for a supervisor, whose values
    decide. Audit entries name the fields only, never the values keyed.
    """
    supervisor = Role(actor.role) is Role.SUPERVISOR
    if doc.keying_conflict:
        if not supervisor:
            raise InvalidTransitionError(
                f"document {doc.id} has a keying conflict: a supervisor decides"
            )
        _write_finals(session, doc, actor, {n: values.get(n) for n in blind})
        audit.record(
            session, actor, "keying_resolved", document=doc, detail=", ".join(sorted(blind))
        )
        doc.keying_conflict = False
        return True
    done = keyings(session, doc)
    if actor.id in done:
        raise InvalidTransitionError(f"{actor.name} has already keyed document {doc.id}")
    for name in sorted(blind):
        session.add(
            BlindKey(
                document_id=doc.id, name=name, user_id=actor.id, value=values.get(name), at=utcnow()
            )
        )
        audit.record(session, actor, "keyed_blind", document=doc, field=name)
    if not done:
        transition(session, doc, Status.READY, actor, action="keyed_once")
        return False
    first = next(iter(done.values()))
    mine = {n: values.get(n) for n in blind}
    conflict = differing(first, mine, blind)
    if conflict:
        doc.keying_conflict = True
        transition(
            session, doc, Status.READY, actor, action="keying_conflict", detail=", ".join(conflict)
        )
        return False
    _write_finals(session, doc, actor, mine)
    return True


def _write_finals(
    session: Session, doc: Document, actor: User, values: dict[str, FieldData]
) -> None:
    for name, value in values.items():
        final = session.scalars(
            select(FinalValue).where(FinalValue.document_id == doc.id, FinalValue.name == name)
        ).first()
        if final is None:
            final = FinalValue(document_id=doc.id, name=name, user_id=actor.id)
            session.add(final)
        final.value = value
        final.user_id = actor.id
        final.updated_at = utcnow()


def keyed_by(user_id: int) -> Select[Any]:
    """Ids of the documents ``user_id`` already keyed blind (never handed to them again)."""
    return select(BlindKey.document_id).where(BlindKey.user_id == user_id)


def conflict_keyings(
    session: Session, doc: Document, blind: frozenset[str]
) -> dict[str, tuple[FieldData, FieldData]]:
    """For a document with a keying conflict: the two keyings of every blind field."""
    done = list(keyings(session, doc).values())
    if not doc.keying_conflict or len(done) < 2:
        return {}
    first, second = done[0], done[1]
    return {n: (first.get(n), second.get(n)) for n in sorted(blind)}
