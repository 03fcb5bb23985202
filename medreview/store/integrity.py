"""Tamper evidence: check the audit chain, its triggers, and documents against both.

Someone who can write the database file could drop the append-only triggers,
delete or forge audit entries, change a final value or swap a stored scan. Each
leaves a trace this module finds:

- the chain: every entry's ``prev_hash`` is the hash of the entry before it and
  its ``entry_hash`` the hash of its own values (:mod:`medreview.store.audit`),
  so a changed, deleted or inserted entry breaks the chain at that entry;
- the triggers that make ``audit_log`` append-only must exist;
- a document's status must be the one its last audited status change recorded,
  each final value the one its last ``edited`` entry recorded, and its stored
  scan must still have the SHA-256 recorded when it was registered.

Problems name entries and documents by id, never a value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from medreview.errors import InputError
from medreview.sealing import FileSeal
from medreview.store import audit, files
from medreview.store.schema import AuditEntry, Document, FinalValue, Status

STATUS_VALUES = frozenset(s.value for s in Status)
_SQLITE_TRIGGERS = frozenset({"audit_log_no_update", "audit_log_no_delete"})
_PG_TRIGGER = "audit_log_append_only"
_HASH_PREFIX = "sha256:"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing that does not verify (ids only, no values)."""

    kind: str  # chain | trigger | status | value | scan
    message: str
    entry_id: int | None = None
    document_id: int | None = None


@dataclass(slots=True)
class IntegrityReport:
    """What a check found."""

    entries: int = 0
    documents: int = 0
    scans: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.problems

    @property
    def first_broken_link(self) -> Problem | None:
        """The first problem of the chain itself, if any."""
        return next((p for p in self.problems if p.kind == "chain"), None)

    def for_document(self, doc_id: int) -> list[Problem]:
        """The problems that concern one document."""
        return [p for p in self.problems if p.document_id == doc_id]


def verify_chain(session: Session, report: IntegrityReport) -> None:
    """Walk the whole log in id order; report the first broken link (and stop there)."""
    stmt = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    rows = session.scalars(stmt)
    try:
        problem = _first_broken(rows, report)
    finally:
        rows.close()
    if problem is not None:
        report.problems.append(problem)


def _first_broken(entries: Iterable[AuditEntry], report: IntegrityReport) -> Problem | None:
    previous = audit.GENESIS
    for entry in entries:
        report.entries += 1
        if entry.prev_hash != previous:
            return Problem(
                "chain",
                f"audit entry {entry.id} does not follow the entry before it "
                "(an entry was deleted, inserted or rewritten)",
                entry.id,
                entry.document_id,
            )
        if entry.entry_hash != audit.entry_hash(entry):
            return Problem(
                "chain",
                f"audit entry {entry.id} does not match its hash (its values were changed)",
                entry.id,
                entry.document_id,
            )
        previous = entry.entry_hash
    return None


def verify_triggers(session: Session, report: IntegrityReport) -> None:
    """The append-only triggers must exist (and be enabled, on PostgreSQL)."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        found = set(
            session.execute(
                text(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                )
            ).scalars()
        )
        missing = sorted(_SQLITE_TRIGGERS - found)
    else:
        enabled = session.execute(
            text("SELECT tgenabled FROM pg_trigger WHERE tgname = :name"), {"name": _PG_TRIGGER}
        ).scalar()
        missing = [] if enabled in ("O", "A", b"O", b"A") else [_PG_TRIGGER]
    for name in missing:
        report.problems.append(
            Problem("trigger", f"the audit log's append-only trigger {name} is missing or disabled")
        )


def verify_documents(
    session: Session,
    files_root: Path,
    seal: FileSeal,
    report: IntegrityReport,
    doc_ids: Iterable[int] | None = None,
    *,
    scans: bool = True,
) -> None:
    """Each document against its audit trail, and (with ``scans``) its stored scan."""
    stmt = select(Document).order_by(Document.id)
    if doc_ids is not None:
        stmt = stmt.where(Document.id.in_(list(doc_ids)))
    for doc in session.scalars(stmt):
        report.documents += 1
        trail = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.document_id == doc.id).order_by(AuditEntry.id)
            )
        )
        _check_status(doc, trail, report)
        _check_values(session, doc, trail, report)
        if scans:
            _check_scan(doc, trail, files_root, seal, report)


def _check_status(doc: Document, trail: list[AuditEntry], report: IntegrityReport) -> None:
    changes = [
        e
        for e in trail
        if e.field is None
        and e.action != "type_changed"
        and isinstance(e.new_value, str)
        and e.new_value in STATUS_VALUES
    ]
    if changes and changes[-1].new_value != doc.status:
        report.problems.append(
            Problem(
                "status",
                f"document {doc.id} is {doc.status} but its audit trail ends at "
                f"{changes[-1].new_value}",
                changes[-1].id,
                doc.id,
            )
        )


def _check_values(
    session: Session, doc: Document, trail: list[AuditEntry], report: IntegrityReport
) -> None:
    last_edit = {e.field: e for e in trail if e.action == "edited" and e.field is not None}
    finals = session.scalars(select(FinalValue).where(FinalValue.document_id == doc.id))
    for final in finals:
        entry = last_edit.get(final.name)
        if entry is None or entry.new_value != final.value:
            report.problems.append(
                Problem(
                    "value",
                    f"document {doc.id}: the final value of {final.name} is not the one "
                    "its audit trail recorded",
                    entry.id if entry is not None else None,
                    doc.id,
                )
            )


def _check_scan(
    doc: Document,
    trail: list[AuditEntry],
    files_root: Path,
    seal: FileSeal,
    report: IntegrityReport,
) -> None:
    report.scans += 1
    registered = next((e for e in trail if e.action == "registered"), None)
    detail = registered.detail if registered is not None else None
    recorded = (
        detail[len(_HASH_PREFIX) :]
        if detail is not None and detail.startswith(_HASH_PREFIX)
        else doc.source_hash  # registered before the hash was recorded
    )
    if recorded != doc.source_hash:
        report.problems.append(
            Problem(
                "scan",
                f"document {doc.id}: its recorded scan hash was changed after registration",
                registered.id if registered is not None else None,
                doc.id,
            )
        )
        return
    try:
        actual = files.stored_sha256(files.resolve(files_root, doc.stored_path), seal)
    except (OSError, InputError):  # a missing or unreadable scan is a finding
        actual = None
    if actual != doc.source_hash:
        report.problems.append(
            Problem(
                "scan",
                f"document {doc.id}: the stored scan is missing or is not the one registered",
                None,
                doc.id,
            )
        )


def registration_detail(sha256: str) -> str:
    """The ``detail`` of a ``registered`` entry: the scan's hash, covered by the chain."""
    return f"{_HASH_PREFIX}{sha256}"
