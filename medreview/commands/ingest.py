"""``medreview ingest``: register scans in a batch and OCR them into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medreview.commands.layouts import pipeline_layouts
from medreview.commands.pipelineopts import TqdmProgress, add_pipeline_arguments, build_config
from medreview.commands.storeopts import add_database_argument, open_store
from medreview.errors import ExitCode, UsageError
from medreview.ingest import ingest
from medreview.progress import NullProgress, Progress
from medreview.store.queue import DEFAULT_PROCESSING_LEASE_SECONDS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ingest`` command."""
    parser = subparsers.add_parser(
        "ingest",
        help="register scans in a batch and run OCR on them ahead of the analysts",
        description=(
            "Copy scans into the store, run the pipeline in a process pool and store the "
            "results. Re-running resumes; many ingest processes may share one database."
        ),
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="FOLDER_OR_FILE")
    parser.add_argument("--batch", required=True, help="batch name (created if new)")
    parser.add_argument("--workers", type=int, default=1, help="pool processes (0: inline)")
    parser.add_argument(
        "--auto-verify",
        type=float,
        metavar="CONFIDENCE",
        help="verify without review when every required field is valid at this confidence",
    )
    parser.add_argument(
        "--lease",
        type=float,
        default=DEFAULT_PROCESSING_LEASE_SECONDS,
        metavar="SECONDS",
        help="how long a claimed document stays with a silent ingest process",
    )
    add_pipeline_arguments(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Ingest; exit 1 when any document failed (the others are stored)."""
    if args.workers < 0:
        raise UsageError("--workers must be 0 or more")
    progress: Progress = NullProgress() if args.quiet else TqdmProgress()
    with open_store(args) as store:
        report = ingest(
            store,
            args.paths,
            args.batch,
            workers=args.workers,
            config=build_config(args, pipeline_layouts(args, store)),
            progress=progress,
            lease_seconds=args.lease,
            auto_verify=args.auto_verify,
        )
    sys.stderr.write(f"medreview: {report.summary()}\n")
    return int(ExitCode.FILE_FAILED if report.failed else ExitCode.OK)
