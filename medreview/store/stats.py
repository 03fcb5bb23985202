"""Batch statistics for supervisors: progress, analyst throughput, OCR error rate.

Throughput is measured from the audit log: the time an analyst spent on a
document runs from their last claim of it to their verification. "Fields
changed" counts the fields whose final value differs from what OCR read, a
direct measure of how much the OCR got wrong.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from medreview.store.schema import (
    AuditEntry,
    Batch,
    Document,
    ExtractedField,
    FinalValue,
    Status,
)


@dataclass(frozen=True, slots=True)
class AnalystStats:
    """One analyst's work in a batch."""

    name: str
    verified: int
    rejected: int
    review_hours: float
    fields_changed: int

    @property
    def verified_per_hour(self) -> float | None:
        """Documents verified per hour of review, None before any timed review."""
        return self.verified / self.review_hours if self.review_hours > 0 else None

    @property
    def fields_changed_per_document(self) -> float | None:
        """Mean number of fields the analyst corrected per verified document."""
        return self.fields_changed / self.verified if self.verified else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for ``medreview stats --json``."""
        per_hour = self.verified_per_hour
        changed = self.fields_changed_per_document
        return {
            "name": self.name,
            "verified": self.verified,
            "rejected": self.rejected,
            "review_hours": round(self.review_hours, 4),
            "verified_per_hour": None if per_hour is None else round(per_hour, 2),
            "fields_changed": self.fields_changed,
            "fields_changed_per_document": None if changed is None else round(changed, 3),
        }


@dataclass(frozen=True, slots=True)
class BatchStats:
    """Counts by status, automation rate and per-analyst figures of one batch."""

    batch: str
    counts: dict[Status, int]
    auto_verified: int
    sent_back: int
    analysts: list[AnalystStats] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Documents in the batch."""
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        """Documents verified or exported."""
        return self.counts[Status.VERIFIED] + self.counts[Status.EXPORTED]

    @property
    def automation_rate(self) -> float | None:
        """Share of the done documents that were verified without review."""
        return self.auto_verified / self.done if self.done else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for ``medreview stats --json``."""
        rate = self.automation_rate
        return {
            "batch": self.batch,
            "total": self.total,
            "counts": {status.value: count for status, count in self.counts.items()},
            "auto_verified": self.auto_verified,
            "automation_rate": None if rate is None else round(rate, 4),
            "sent_back_from_auto_verify": self.sent_back,
            "analysts": [a.to_json() for a in self.analysts],
        }


def compute_stats(session: Session, batch: Batch) -> BatchStats:
    """Statistics of one batch, read in the caller's transaction."""
    counts = dict.fromkeys(Status, 0)
    for status, count in session.execute(
        select(Document.status, func.count())
        .where(Document.batch_id == batch.id)
        .group_by(Document.status)
    ):
        counts[Status(status)] = count
    auto = session.scalar(
        select(func.count()).where(
            Document.batch_id == batch.id,
            Document.auto_verified.is_(True),
            Document.status.in_([Status.VERIFIED.value, Status.EXPORTED.value]),
        )
    )
    sent_back = session.scalar(
        select(func.count()).where(
            AuditEntry.batch_id == batch.id, AuditEntry.action == "sent_back"
        )
    )
    return BatchStats(
        batch=batch.name,
        counts=counts,
        auto_verified=auto or 0,
        sent_back=sent_back or 0,
        analysts=_analysts(session, batch),
    )


def _analysts(session: Session, batch: Batch) -> list[AnalystStats]:
    claimed_at: dict[tuple[str, int], datetime] = {}
    verified: dict[str, int] = defaultdict(int)
    rejected: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    verified_docs: dict[str, set[int]] = defaultdict(set)
    rows = session.execute(
        select(AuditEntry.actor, AuditEntry.action, AuditEntry.document_id, AuditEntry.at)
        .where(
            AuditEntry.batch_id == batch.id,
            AuditEntry.action.in_(["claimed", "verified", "rejected"]),
        )
        .order_by(AuditEntry.id)
    )
    for actor, action, doc_id, at in rows:
        if doc_id is None:
            continue
        key = (actor, doc_id)
        if action == "claimed":
            claimed_at[key] = at
            continue
        start = claimed_at.pop(key, None)
        if start is not None:
            seconds[actor] += (at - start).total_seconds()
        if action == "verified":
            verified[actor] += 1
            verified_docs[actor].add(doc_id)
        else:
            rejected[actor] += 1
    changed = _changed_fields(session, batch)
    names = sorted(set(verified) | set(rejected))
    return [
        AnalystStats(
            name=name,
            verified=verified[name],
            rejected=rejected[name],
            review_hours=seconds[name] / 3600,
            fields_changed=sum(changed.get(doc_id, 0) for doc_id in verified_docs[name]),
        )
        for name in names
    ]


def _changed_fields(session: Session, batch: Batch) -> dict[int, int]:
    """Per document, how many final values differ from the OCR value."""
    extracted = {
        (doc_id, name): value
        for doc_id, name, value in session.execute(
            select(ExtractedField.document_id, ExtractedField.name, ExtractedField.value)
            .join(Document, Document.id == ExtractedField.document_id)
            .where(Document.batch_id == batch.id)
        )
    }
    changed: dict[int, int] = defaultdict(int)
    for doc_id, name, value in session.execute(
        select(FinalValue.document_id, FinalValue.name, FinalValue.value)
        .join(Document, Document.id == FinalValue.document_id)
        .where(Document.batch_id == batch.id)
    ):
        if extracted.get((doc_id, name)) != value:
            changed[doc_id] += 1
    return changed
