"""User accounts: argon2id password hashes, and who may do what.

People are analysts or supervisors; the ``system`` user (ingest, auto-verify)
has no password and cannot sign in. Passwords are stored only as argon2id
hashes (argon2-cffi's defaults, rehashed on sign-in when those change). Every
check here runs inside the store's API, so no entry point can skip it.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from medreview.errors import AuthenticationError, PermissionDeniedError, UsageError
from medreview.store.schema import Role, User

MIN_PASSWORD_LENGTH = 10
PEOPLE = frozenset({Role.ANALYST, Role.SUPERVISOR})
SUPERVISORS = frozenset({Role.SUPERVISOR})

_hasher = PasswordHasher()
# verifying against this costs as much as a real check, so an unknown name
# cannot be told from a wrong password by the time it takes
_DUMMY_HASH = _hasher.hash("medreview-no-such-user")


def hash_password(password: str) -> str:
    """The argon2id hash of a password that meets the length rule."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    """True when ``password`` is the user's; rehashes an outdated hash in place."""
    stored = user.password_hash if user is not None else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if user is None or stored is None:
        return False
    if _hasher.check_needs_rehash(stored):
        user.password_hash = _hasher.hash(password)
    return True


def find(session: Session, name: str) -> User | None:
    """The account called ``name``, if any."""
    return session.scalars(select(User).where(User.name == name)).first()


def person(session: Session, name: str, roles: frozenset[Role] = PEOPLE) -> User:
    """The active account ``name`` with one of ``roles``, or a typed refusal.

    An unknown or disabled name is an :class:`AuthenticationError`; a person
    whose role does not allow the action a :class:`PermissionDeniedError`.
    """
    user = find(session, name)
    if user is None or not user.active or Role(user.role) is Role.SYSTEM:
        raise AuthenticationError(f"there is no active account called {name!r}")
    if Role(user.role) not in roles:
        needed = " or ".join(sorted(r.value for r in roles))
        raise PermissionDeniedError(
            f"{name} is {_article(user.role)} {user.role}; this needs a {needed}"
        )
    return user


def _article(role: str) -> str:
    return "an" if role[:1] in "aeiou" else "a"
