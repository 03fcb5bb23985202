"""``medreview terms``: list and extend the user's medical terms.

Terms are vocabulary (drug, condition and local words the corrector should know),
never patient data, so they are printed freely.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medreview.lexicon import add_user_term, read_term_file, user_terms_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``terms`` command with its ``add`` and ``list`` actions."""
    parser = subparsers.add_parser(
        "terms",
        help="list or add the user's medical terms",
        description=(
            "Words the medical corrector should know and may correct towards, one per line "
            f"in the user's term file (default {user_terms_path()})."
        ),
    )
    actions = parser.add_subparsers(dest="terms_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add terms", description="Add terms to the file.")
    add.add_argument("words", nargs="+", metavar="WORD", help="a term (quote multi-word terms)")
    add.add_argument("--file", type=Path, help="the term file (default: the user's own)")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="list the terms", description="Print the terms.")
    listing.add_argument("--file", type=Path, help="the term file (default: the user's own)")
    listing.set_defaults(handler=run_list)


def run_add(args: argparse.Namespace) -> int:
    """Append each term; say which file was written."""
    path: Path | None = args.file
    for word in args.words:
        path = add_user_term(word, path)
    sys.stdout.write(f"added {len(args.words)} term(s) to {path}\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print the terms, one per line."""
    path: Path = args.file or user_terms_path()
    terms = read_term_file(path, missing_ok=args.file is None)
    sys.stdout.write("".join(f"{term}\n" for term in terms))
    return 0
