"""Handing out work so no document is ever given to two analysts or two workers.

On PostgreSQL the candidate rows are locked with ``FOR UPDATE SKIP LOCKED``, so
concurrent claimers each take a different row without waiting. On SQLite the
transaction began with ``BEGIN IMMEDIATE`` (see :mod:`medreview.store.db`), which
makes select-then-update atomic across processes.

A claim carries a lease; a claim whose holder crashed returns to the queue when
its lease runs out (or at once, for an ingest worker on this host whose process
is gone).
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, case, or_, select
from sqlalchemy.orm import Session

from medreview.store.lifecycle import transition
from medreview.store.review import keyed_by
from medreview.store.schema import Document, Role, Status, User, utcnow

DEFAULT_REVIEW_LEASE_SECONDS = 15 * 60
DEFAULT_PROCESSING_LEASE_SECONDS = 10 * 60


def worker_owner() -> str:
    """A claim owner name for an ingest process: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(4).hex()}"


def _lock(session: Session, stmt: Select[Document]) -> Select[Document]:
    if session.get_bind().dialect.name == "postgresql":
        return stmt.with_for_update(skip_locked=True)
    return stmt


def claim_next(
    session: Session,
    user: User,
    system: User,
    *,
    batch_id: int | None,
    lease_seconds: float,
) -> Document | None:
    """Claim the next document for review: first the user's own open claim, then FIFO."""
    now = utcnow()
    lease_until = now + timedelta(seconds=lease_seconds)
    own = select(Document).where(
        Document.status == Status.IN_REVIEW.value, Document.claimed_by_id == user.id
    )
    if batch_id is not None:
        own = own.where(Document.batch_id == batch_id)
    mine = session.scalars(_lock(session, own.order_by(Document.id).limit(1))).first()
    if mine is not None:
        mine.lease_expires_at = lease_until
        return mine
    stmt = select(Document).where(
        or_(
            Document.status == Status.READY.value,
            and_(Document.status == Status.IN_REVIEW.value, Document.lease_expires_at < now),
        )
    )
    if batch_id is not None:
        stmt = stmt.where(Document.batch_id == batch_id)
    # double keying: never the same analyst twice; conflicts go to supervisors only
    stmt = stmt.where(Document.id.not_in(keyed_by(user.id)))
    if Role(user.role) is not Role.SUPERVISOR:
        stmt = stmt.where(Document.keying_conflict.is_(False))
    # documents put aside (postponed) come after every other, oldest postponement first
    order = (
        case((Document.postponed_at.is_(None), 0), else_=1),
        Document.postponed_at,
        Document.id,
    )
    document = session.scalars(_lock(session, stmt.order_by(*order).limit(1))).first()
    if document is None:
        return None
    if document.status == Status.IN_REVIEW.value:
        transition(session, document, Status.READY, system, action="lease_expired")
    transition(session, document, Status.IN_REVIEW, user)
    document.claimed_by_id = user.id
    document.claimed_at = now
    document.lease_expires_at = lease_until
    return document


def claim_for_processing(
    session: Session,
    system: User,
    owner: str,
    *,
    batch_id: int,
    limit: int,
    lease_seconds: float,
) -> list[Document]:
    """Claim up to ``limit`` queued documents of a batch for one ingest process.

    Documents left in ``processing`` by a process that is gone (its lease ran
    out, or it ran on this host and its pid no longer exists) are taken back first.
    """
    now = utcnow()
    _requeue_abandoned(session, system, batch_id, now)
    stmt = (
        select(Document)
        .where(Document.status == Status.QUEUED.value, Document.batch_id == batch_id)
        .order_by(Document.id)
        .limit(limit)
    )
    documents = list(session.scalars(_lock(session, stmt)))
    for document in documents:
        transition(session, document, Status.PROCESSING, system, detail=owner)
        document.claim_owner = owner
        document.claimed_at = now
        document.lease_expires_at = now + timedelta(seconds=lease_seconds)
    return documents


def _requeue_abandoned(session: Session, system: User, batch_id: int, now: datetime) -> None:
    stmt = select(Document).where(
        Document.status == Status.PROCESSING.value, Document.batch_id == batch_id
    )
    for document in session.scalars(_lock(session, stmt)):
        expired = document.lease_expires_at is not None and document.lease_expires_at < now
        if expired or _owner_is_dead(document.claim_owner):
            transition(
                session,
                document,
                Status.QUEUED,
                system,
                action="processing_abandoned",
                detail="lease expired" if expired else "ingest process ended",
            )


def _owner_is_dead(owner: str | None) -> bool:
    """True when the owner ran on this host and its process no longer exists."""
    if not owner:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def renew(session: Session, owner: str, document_ids: list[int], lease_seconds: float) -> None:
    """Extend the leases an ingest process still holds."""
    if not document_ids:
        return
    until = utcnow() + timedelta(seconds=lease_seconds)
    stmt = select(Document).where(
        Document.id.in_(document_ids),
        Document.status == Status.PROCESSING.value,
        Document.claim_owner == owner,
    )
    for document in session.scalars(stmt):
        document.lease_expires_at = until
