"""``medreview export``: a batch's verified documents as CSV, JSON, FHIR R4 or PDF copies."""

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
from medreview.export import FORMATS, ExportOptions
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
        "--out",
        type=Path,
        required=True,
        help=(
            "output file (fhir: NDJSON, a Bundle a line; pdf, clean: a ZIP of one PDF per document)"
        ),
    )
    add_user_argument(parser, "the supervisor, signed in (default: the login name)")
    parser.add_argument("--new-only", action="store_true", help="skip documents exported before")
    csv_group = parser.add_argument_group("CSV options")
    csv_group.add_argument(
        "--bom", action="store_true", help="start with a UTF-8 byte order mark (for Excel)"
    )
    csv_group.add_argument(
        "--lists",
        choices=["json", "joined"],
        default="json",
        help='lists as JSON arrays ("[]" when empty; default) or joined by "; "',
    )
    csv_group.add_argument(
        "--text-ids",
        action="store_true",
        help='identifiers as ="0042" so spreadsheets keep leading zeros',
    )
    parser.add_argument(
        "--scan-url",
        metavar="URL",
        default=None,
        help="FHIR: link scans as URL/<sha256> instead of carrying them in the Bundle",
    )
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
            options=ExportOptions(
                csv_bom=args.bom,
                csv_lists=args.lists,
                csv_text_ids=args.text_ids,
                scan_url=args.scan_url,
            ),
        )
    sys.stderr.write(f"medreview: {report.summary()}\n")
    return 0
