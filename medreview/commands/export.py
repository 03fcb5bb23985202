"""``medreview export``: a batch's verified documents as CSV, JSON or FHIR R4."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medreview.commands.pipelineopts import TqdmProgress
from medreview.commands.storeopts import (
    add_database_argument,
    add_user_argument,
    open_store,
    sign_in,
)
from medreview.export import FORMATS
from medreview.progress import NullProgress, Progress


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="export a batch's verified documents for the insurer",
        description=(
            "Write the verified documents of a batch (final values: the analysts' edits "
            "over OCR) and mark them exported. Exporting again is allowed and reported."
        ),
    )
    parser.add_argument("--batch", required=True)
    parser.add_argument("--format", choices=sorted(FORMATS), required=True, dest="fmt")
    parser.add_argument(
        "--out", type=Path, required=True, help="output file (FHIR: NDJSON, a Bundle a line)"
    )
    add_user_argument(parser, "the supervisor, signed in (default: the login name)")
    parser.add_argument("--new-only", action="store_true", help="skip documents exported before")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Export and say how many documents were written (and re-exported)."""
    progress: Progress = NullProgress() if args.quiet else TqdmProgress()
    with open_store(args) as store:
        user = sign_in(store, args).name
        report = store.export(
            args.batch,
            args.fmt,
            args.out,
            progress,
            user=user,
            new_only=args.new_only,
        )
    sys.stderr.write(f"medreview: {report.summary()}\n")
    return 0
