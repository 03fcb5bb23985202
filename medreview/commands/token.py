"""``medreview token``: issue, list and revoke per-user API tokens (supervisors)."""

from __future__ import annotations

import argparse
import sys

from medreview.commands.storeopts import PASSWORD_ENV, add_database_argument, open_store, sign_in
from medreview.errors import PermissionDeniedError
from medreview.store import Role


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``token`` command and its ``create``, ``list`` and ``revoke`` actions."""
    parser = subparsers.add_parser(
        "token",
        help="issue or revoke API tokens for the HTTP API and scripts (supervisors)",
        description=(
            "API tokens authenticate a user to `medreview serve` and to scripts. A token is "
            "printed once when created; the store keeps only its hash."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="issue a token for an existing user")
    create.add_argument("user", help="the user the token signs in as")
    create.add_argument("--label", default="", help="what the token is for (shown in lists)")
    listing = actions.add_parser("list", help="list tokens (never the tokens themselves)")
    listing.add_argument("user", nargs="?", default=None)
    revoke = actions.add_parser("revoke", help="revoke a user's tokens (or one of them)")
    revoke.add_argument("user")
    revoke.add_argument("--id", type=int, default=None, dest="token_id", help="only this token")
    for sub in (create, listing, revoke):
        sub.add_argument(
            "--by",
            default=None,
            help=(
                "the supervisor doing this, signed in with a password from the terminal or "
                f"${PASSWORD_ENV} (default: the login name)"
            ),
        )
        add_database_argument(sub)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Do the action; ``create`` prints the token alone on standard output."""
    with open_store(args) as store:
        by = sign_in(store, argparse.Namespace(user=args.by)).name
        if args.action == "create":
            issued = store.create_token(args.user, by=by, label=args.label)
            sys.stdout.write(f"{issued.secret}\n")
            sys.stderr.write(
                f"medreview: token {issued.info.id} issued for {issued.info.user} "
                f"({issued.info.role}); it is shown only now\n"
            )
        elif args.action == "list":
            if store.user(by).role != Role.SUPERVISOR.value:
                raise PermissionDeniedError(f"{by} is not a supervisor")
            for info in store.tokens(args.user):
                state = "active" if info.active else f"revoked {info.revoked_at:%Y-%m-%d %H:%M}"
                used = f"{info.last_used_at:%Y-%m-%d %H:%M}" if info.last_used_at else "never"
                sys.stdout.write(
                    f"{info.id}\t{info.user}\t{info.role}\t{state}\tlast used {used}\t"
                    f"{info.label}\n"
                )
        else:
            count = store.revoke_tokens(args.user, by=by, token_id=args.token_id)
            sys.stderr.write(f"medreview: revoked {count} token(s) of {args.user}\n")
    return 0
