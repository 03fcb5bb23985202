"""``medreview user``: accounts (set-up of the first supervisor, then supervisors only)."""

from __future__ import annotations

import argparse
import sys

from medreview.commands.storeopts import (
    add_database_argument,
    add_user_argument,
    new_password,
    open_store,
    sign_in,
)
from medreview.errors import UsageError
from medreview.store import Role

ACTIONS = ("setup", "add", "passwd", "disable", "enable", "list")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``user`` command."""
    parser = subparsers.add_parser(
        "user",
        help="manage user accounts",
        description=(
            "setup NAME: create the first supervisor of a new store (no sign-in; refused "
            "once a supervisor exists). add NAME --role R, disable NAME, enable NAME, "
            "list: a signed-in supervisor manages accounts. passwd [NAME]: change your "
            "own password, or (supervisors) reset someone's. New passwords come from "
            "$MEDREVIEW_NEW_PASSWORD or are typed twice. Every change is audited."
        ),
    )
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("name", nargs="?", help="the account's user name")
    parser.add_argument(
        "--role", choices=[Role.ANALYST.value, Role.SUPERVISOR.value], default="analyst"
    )
    add_user_argument(parser, "who is signing in to do this (default: the login name)")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Do the action and confirm it (never printing a password)."""
    if args.action not in {"list", "passwd"} and not args.name:
        raise UsageError(f"user {args.action} needs a NAME")
    with open_store(args) as store:
        if args.action == "setup":
            user = store.create_first_supervisor(args.name, new_password(args.name))
            sys.stderr.write(f"medreview: {user.name} is the first supervisor\n")
            return 0
        actor = sign_in(store, args).name
        if args.action == "add":
            user = store.create_user(actor, args.name, Role(args.role), new_password(args.name))
            sys.stderr.write(f"medreview: created {user.name} ({user.role})\n")
        elif args.action == "passwd":
            name = args.name or actor
            store.set_password(actor, name, new_password(name))
            sys.stderr.write(f"medreview: the password of {name} was changed\n")
        elif args.action in {"disable", "enable"}:
            user = store.set_active(actor, args.name, args.action == "enable")
            sys.stderr.write(f"medreview: {user.name} is {args.action}d\n")
        else:
            for user in store.users(actor):
                sys.stdout.write(f"{user.name}\t{user.role}\n")
    return 0
