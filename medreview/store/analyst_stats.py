"""Analyst statistics for supervisors: per analyst and day, from the review sessions.

Each review session (:class:`~medreview.store.schema.ReviewSession`) is one
analyst's time on one document and the keys they pressed. Per analyst and day
(UTC): documents verified, hours spent in review (every session, also those
that ended in a reject or a postponement), documents per hour, keystrokes per
document finished, and the error rate found later: the share of the documents
they verified that a supervisor sent back to review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.store.schema import AuditEntry, Document, ReviewSession, User


@dataclass(frozen=True, slots=True)
class ReviewSessionInfo:
    """One stored review session."""

    document_id: int
    user: str
    keystrokes: int
    seconds: float
    outcome: str


@dataclass(frozen=True, slots=True)
class AnalystDay:
    """One analyst's work on one day."""

    name: str
    day: date
    verified: int
    rejected: int
    hours: float
    keystrokes: int
    sent_back: int

    @property
    def documents_per_hour(self) -> float | None:
        """Verified documents per hour of review (None before any timed review)."""
        return self.verified / self.hours if self.hours > 0 else None

    @property
    def keystrokes_per_document(self) -> float | None:
        """Keys pressed per document finished (verified or rejected)."""
        done = self.verified + self.rejected
        return self.keystrokes / done if done else None

    @property
    def error_rate(self) -> float | None:
        """Share of the verified documents a supervisor sent back."""
        return self.sent_back / self.verified if self.verified else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON."""
        rate, keys, errors = self.documents_per_hour, self.keystrokes_per_document, self.error_rate
        return {
            "name": self.name,
            "day": self.day.isoformat(),
            "verified": self.verified,
            "rejected": self.rejected,
            "hours": round(self.hours, 4),
            "documents_per_hour": None if rate is None else round(rate, 2),
            "keystrokes_per_document": None if keys is None else round(keys, 1),
            "error_rate": None if errors is None else round(errors, 4),
        }


def sessions(
    session: Session, *, user_id: int | None = None, batch_id: int | None = None
) -> list[ReviewSessionInfo]:
    """Stored review sessions, oldest first."""
    stmt = (
        select(ReviewSession, User.name)
        .join(User, User.id == ReviewSession.user_id)
        .order_by(ReviewSession.id)
    )
    if user_id is not None:
        stmt = stmt.where(ReviewSession.user_id == user_id)
    if batch_id is not None:
        stmt = stmt.join(Document, Document.id == ReviewSession.document_id).where(
            Document.batch_id == batch_id
        )
    return [
        ReviewSessionInfo(
            row.document_id,
            name,
            row.keystrokes,
            max(0.0, (row.ended_at - row.started_at).total_seconds()),
            row.outcome,
        )
        for row, name in session.execute(stmt)
    ]


def analyst_days(session: Session, *, batch_id: int | None = None) -> list[AnalystDay]:
    """Per analyst and day: verified, rejected, hours, keystrokes, documents sent back."""
    verified: dict[tuple[str, date], int] = defaultdict(int)
    rejected: dict[tuple[str, date], int] = defaultdict(int)
    seconds: dict[tuple[str, date], float] = defaultdict(float)
    keys: dict[tuple[str, date], int] = defaultdict(int)
    stmt = select(ReviewSession, User.name).join(User, User.id == ReviewSession.user_id)
    if batch_id is not None:
        stmt = stmt.join(Document, Document.id == ReviewSession.document_id).where(
            Document.batch_id == batch_id
        )
    for row, name in session.execute(stmt):
        key = (name, row.ended_at.date())
        seconds[key] += max(0.0, (row.ended_at - row.started_at).total_seconds())
        keys[key] += row.keystrokes
        if row.outcome == "verified":
            verified[key] += 1
        elif row.outcome == "rejected":
            rejected[key] += 1
    sent_back = _sent_back(session, batch_id)
    days = sorted(set(verified) | set(rejected) | set(seconds), key=lambda k: (k[1], k[0]))
    return [
        AnalystDay(
            name,
            day,
            verified[(name, day)],
            rejected[(name, day)],
            seconds[(name, day)] / 3600,
            keys[(name, day)],
            sent_back.get((name, day), 0),
        )
        for name, day in days
    ]


def _sent_back(session: Session, batch_id: int | None) -> dict[tuple[str, date], int]:
    """Per analyst and day of their verification: documents later sent back to review."""
    stmt = select(AuditEntry.actor, AuditEntry.action, AuditEntry.document_id, AuditEntry.at).where(
        AuditEntry.action.in_(["verified", "sent_back"])
    )
    if batch_id is not None:
        stmt = stmt.where(AuditEntry.batch_id == batch_id)
    last: dict[int, tuple[str, date]] = {}
    found: dict[tuple[str, date], int] = defaultdict(int)
    for actor, action, doc_id, at in session.execute(stmt.order_by(AuditEntry.id)):
        if doc_id is None:
            continue
        if action == "verified":
            last[doc_id] = (actor, at.date())
        elif doc_id in last:
            found[last.pop(doc_id)] += 1
    return found
