"""``medreview role``: a supervisor makes a user an analyst or a supervisor (audited)."""

from __future__ import annotations

import argparse
import sys

from medreview.commands.storeopts import (
    add_database_argument,
    add_user_argument,
    open_store,
    sign_in,
)
from medreview.store import Role


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``role`` command."""
    parser = subparsers.add_parser(
        "role",
        help="set a user's role",
        description="Set a user's role; supervisors export, requeue and send work back.",
    )
    parser.add_argument("name", help="user name as the analyst signs in")
    parser.add_argument("role", choices=[Role.ANALYST.value, Role.SUPERVISOR.value])
    add_user_argument(parser, "the supervisor making the change (default: the login name)")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Set the role and confirm it."""
    with open_store(args) as store:
        actor = sign_in(store, args)
        user = store.set_role(actor.name, args.name, Role(args.role))
    article = "an" if user.role == Role.ANALYST.value else "a"
    sys.stderr.write(f"medreview: {user.name} is now {article} {user.role}\n")
    return 0
