"""Per-user API tokens: issue, authenticate, revoke (the HTTP API and scripts use them).

A token is ``mrt_`` followed by 43 random URL-safe characters (256 bits), shown
once when issued. The store keeps only its SHA-256 (a token has too much entropy
for a slow hash to add anything), so a copy of the database gives no usable
token. Every function runs inside the caller's transaction; issuing and revoking
are audited (never with the token itself).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.errors import AuthenticationError, PermissionDeniedError, RecordNotFoundError
from medreview.store import audit
from medreview.store.schema import ApiToken, Role, User, utcnow

TOKEN_PREFIX = "mrt_"
_TOKEN_BYTES = 32
_MAX_TOKEN_LENGTH = 200
# last_used_at is written at most this often per token, not on every request.
_TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An issued token as lists show it (never the token itself)."""

    id: int
    user: str
    role: str
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token: ``secret`` is shown once and never stored."""

    info: TokenInfo
    secret: str


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(token: ApiToken, user: User) -> TokenInfo:
    return TokenInfo(
        id=token.id,
        user=user.name,
        role=user.role,
        label=token.label,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def require_supervisor(actor: User) -> None:
    """Refuse unless ``actor`` is a supervisor."""
    if actor.role != Role.SUPERVISOR.value:
        raise PermissionDeniedError(f"{actor.name} is not a supervisor")


def issue_token(session: Session, user: User, created_by: User, label: str = "") -> IssuedToken:
    """A new token for ``user``, issued by the supervisor ``created_by``."""
    require_supervisor(created_by)
    if user.role not in (Role.ANALYST.value, Role.SUPERVISOR.value):
        raise PermissionDeniedError(f"{user.name} cannot have an API token")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(_TOKEN_BYTES)
    row = ApiToken(
        user_id=user.id,
        token_hash=hash_token(secret),
        label=label.strip()[:100],
        created_by_id=created_by.id,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit.record(session, created_by, "token_created", detail=f"{user.name} token {row.id}")
    return IssuedToken(_info(row, user), secret)


def authenticate_token(session: Session, token: str) -> User:
    """The user an active token belongs to (AuthenticationError otherwise).

    The message never repeats the token.
    """
    token = token.strip()
    if not token.startswith(TOKEN_PREFIX) or len(token) > _MAX_TOKEN_LENGTH:
        raise AuthenticationError("not a medreview API token")
    row = session.scalars(select(ApiToken).where(ApiToken.token_hash == hash_token(token))).first()
    if row is None or row.revoked_at is not None:
        raise AuthenticationError("the API token is unknown or revoked")
    user = session.get_one(User, row.user_id)
    if user.role not in (Role.ANALYST.value, Role.SUPERVISOR.value):
        raise AuthenticationError("the API token's user cannot sign in")
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at >= _TOUCH_EVERY:
        row.last_used_at = now
    return user


def revoke_tokens(
    session: Session, user: User, revoked_by: User, token_id: int | None = None
) -> int:
    """Revoke one of ``user``'s tokens (or all of them); returns how many were active."""
    require_supervisor(revoked_by)
    stmt = select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    if token_id is not None:
        stmt = stmt.where(ApiToken.id == token_id)
    rows = list(session.scalars(stmt))
    if token_id is not None and not rows:
        raise RecordNotFoundError(f"{user.name} has no active token {token_id}")
    now = utcnow()
    for row in rows:
        row.revoked_at = now
        audit.record(session, revoked_by, "token_revoked", detail=f"{user.name} token {row.id}")
    return len(rows)


def list_tokens(session: Session, user: User | None = None) -> list[TokenInfo]:
    """Every token (or one user's), oldest first."""
    stmt = select(ApiToken, User).join(User, User.id == ApiToken.user_id)
    if user is not None:
        stmt = stmt.where(ApiToken.user_id == user.id)
    return [_info(token, owner) for token, owner in session.execute(stmt.order_by(ApiToken.id))]
