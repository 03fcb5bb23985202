"""What the store's commands share: ``--database``, ``--user`` and signing in.

A command that touches the store signs its user in first: with an API token in
``MEDREVIEW_TOKEN`` (for scripts; ``medreview token create``), else with the
password from ``MEDREVIEW_PASSWORD`` or asked for on the terminal, which the
store checks (argon2) and audits. What the user may then do is checked again by
the store itself, whatever the command.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from medreview.errors import AuthenticationError, UsageError
from medreview.store import Store, UserInfo
from medreview.store.paths import DATABASE_ENV

PASSWORD_ENV = "MEDREVIEW_PASSWORD"
TOKEN_ENV = "MEDREVIEW_TOKEN"
NEW_PASSWORD_ENV = "MEDREVIEW_NEW_PASSWORD"


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    """``--database URL`` (default: ``MEDREVIEW_DATABASE`` or the embedded SQLite file)."""
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help=(
            "SQLAlchemy URL or SQLite file, e.g. postgresql://user@host/medreview "
            f"(default: ${DATABASE_ENV} or the SQLite file in the user's data directory)"
        ),
    )


def open_store(args: argparse.Namespace) -> Store:
    """The store the command line names."""
    return Store.open(args.database)


def add_user_argument(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    """``--user NAME`` (default: the login name)."""
    parser.add_argument(
        "--user",
        default=None,
        help=help_text
        or f"sign in as this user (default: the login name); password from ${PASSWORD_ENV} "
        "or the terminal",
    )


def sign_in(store: Store, args: argparse.Namespace) -> UserInfo:
    """Sign the command's user in, or raise AuthenticationError."""
    named = getattr(args, "user", None)
    token = os.environ.get(TOKEN_ENV)
    if token:
        user = store.authenticate_token(token)
        if named is not None and named != user.name:
            raise AuthenticationError(f"the token in {TOKEN_ENV} is not {named!r}'s")
        return user
    name = named or getpass.getuser()
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise AuthenticationError(
                f"no password for {name!r}: type it in a terminal, or set {PASSWORD_ENV} "
                "for a script"
            )
        password = getpass.getpass(f"medreview password for {name}: ")
    return store.authenticate(name, password)


def new_password(name: str) -> str:
    """A new password for ``name``: ``MEDREVIEW_NEW_PASSWORD``, or typed twice."""
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise UsageError(f"no new password: type it in a terminal, or set {NEW_PASSWORD_ENV}")
    first = getpass.getpass(f"new password for {name}: ")
    if getpass.getpass("again: ") != first:
        raise UsageError("the two passwords differ")
    return first
