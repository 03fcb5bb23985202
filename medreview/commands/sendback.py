"""``medreview send-back``: a supervisor returns a sample of auto-verified documents to review."""

from __future__ import annotations

import argparse
import sys

from medreview.commands.storeopts import (
    add_database_argument,
    add_user_argument,
    open_store,
    sign_in,
)
from medreview.errors import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``send-back`` command."""
    parser = subparsers.add_parser(
        "send-back",
        help="send a random sample of auto-verified documents back to review",
        description=(
            "Spot-check straight-through processing: move COUNT randomly chosen "
            "auto-verified documents of a batch back to the review queue."
        ),
    )
    parser.add_argument("--batch", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, help="make the sample reproducible")
    add_user_argument(parser, "the supervisor, signed in (default: the login name)")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Send the sample back and say how many documents went."""
    if args.count < 1:
        raise UsageError("--count must be at least 1")
    with open_store(args) as store:
        user = sign_in(store, args).name
        sent = store.send_back_sample(args.batch, user, args.count, seed=args.seed)
    sys.stderr.write(f"medreview: sent {len(sent)} document(s) of {args.batch!r} back to review\n")
    return 0
