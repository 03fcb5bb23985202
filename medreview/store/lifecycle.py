"""The document life cycle: every status change happens here, validated and audited.

``queued -> processing -> ready -> in_review -> verified -> exported``, plus
``failed`` (with the error; a failed scan can be read again or ``removed``) and
``rejected`` (with the analyst's reason). The
allowed steps are one table, :data:`TRANSITIONS`; :func:`transition` checks a
step against it, updates the document and appends the audit entry in the
caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from medreview.errors import InvalidTransitionError
from medreview.store import audit
from medreview.store.schema import Document, Role, Status, User, utcnow

ANY_ROLE = frozenset(Role)
PEOPLE = frozenset({Role.ANALYST, Role.SUPERVISOR})
SUPERVISORS = frozenset({Role.SUPERVISOR, Role.SYSTEM})


@dataclass(frozen=True, slots=True)
class Rule:
    """An allowed step: the audit action it records and who may take it."""

    action: str
    roles: frozenset[Role] = ANY_ROLE


TRANSITIONS: dict[tuple[Status, Status], Rule] = {
    (Status.QUEUED, Status.PROCESSING): Rule("processing_started", frozenset({Role.SYSTEM})),
    (Status.PROCESSING, Status.READY): Rule("processed", frozenset({Role.SYSTEM})),
    (Status.PROCESSING, Status.FAILED): Rule("failed", frozenset({Role.SYSTEM})),
    (Status.PROCESSING, Status.QUEUED): Rule("processing_abandoned", frozenset({Role.SYSTEM})),
    (Status.FAILED, Status.QUEUED): Rule("requeued", ANY_ROLE),
    (Status.FAILED, Status.REMOVED): Rule("removed", ANY_ROLE),
    (Status.READY, Status.IN_REVIEW): Rule("claimed", PEOPLE),
    (Status.IN_REVIEW, Status.READY): Rule("released"),
    (Status.IN_REVIEW, Status.VERIFIED): Rule("verified", PEOPLE),
    (Status.IN_REVIEW, Status.REJECTED): Rule("rejected", PEOPLE),
    (Status.READY, Status.VERIFIED): Rule("auto_verified", frozenset({Role.SYSTEM})),
    (Status.VERIFIED, Status.EXPORTED): Rule("exported", SUPERVISORS),
    (Status.EXPORTED, Status.EXPORTED): Rule("re_exported", SUPERVISORS),
    (Status.VERIFIED, Status.READY): Rule("sent_back", SUPERVISORS),
    (Status.REJECTED, Status.READY): Rule("reopened", SUPERVISORS),
    # the analyst who verified a document corrects it until it is exported
    (Status.VERIFIED, Status.IN_REVIEW): Rule("reopened_for_correction", PEOPLE),
}


def transition(
    session: Session,
    document: Document,
    target: Status,
    actor: User,
    *,
    action: str | None = None,
    detail: str | None = None,
) -> None:
    """Move ``document`` to ``target`` and audit it, or raise InvalidTransitionError.

    ``action`` overrides the rule's audit action name for a special cause of the
    same step (``lease_expired`` for a release nobody asked for).
    """
    current = Status(document.status)
    rule = TRANSITIONS.get((current, target))
    if rule is None:
        raise InvalidTransitionError(
            f"document {document.id} cannot go from {current.value} to {target.value}"
        )
    if Role(actor.role) not in rule.roles:
        raise InvalidTransitionError(
            f"{actor.name} ({actor.role}) may not move document {document.id} to {target.value}"
        )
    document.status = target.value
    document.updated_at = utcnow()
    _apply_side_effects(document, target, actor)
    audit.record(
        session,
        actor,
        action or rule.action,
        document=document,
        old_value=current.value,
        new_value=target.value,
        detail=detail,
    )


def _apply_side_effects(document: Document, target: Status, actor: User) -> None:
    """The columns each status carries; leaving a claimed status drops the claim."""
    if target not in {Status.PROCESSING, Status.IN_REVIEW}:
        document.claimed_by_id = None
        document.claim_owner = None
        document.claimed_at = None
        document.lease_expires_at = None
    if target is Status.VERIFIED:
        document.verified_at = document.updated_at
        document.verified_by_id = actor.id
        document.auto_verified = Role(actor.role) is Role.SYSTEM
    elif target is Status.READY:
        document.verified_at = None
        document.verified_by_id = None
        document.reject_reason = None
        if document.processed_at is None:
            document.processed_at = document.updated_at
    elif target is Status.EXPORTED:
        document.exported_at = document.updated_at
    elif target is Status.QUEUED:
        document.error_code = None
        document.error_message = None
