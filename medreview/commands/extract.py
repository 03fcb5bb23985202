"""``medreview extract``: files in, the spec's JSON array out on standard output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medreview.batch import WorkItem, extract_many
from medreview.commands.layouts import pipeline_layouts
from medreview.commands.pipelineopts import TqdmProgress, add_pipeline_arguments, build_config
from medreview.commands.storeopts import add_database_argument
from medreview.errors import ExitCode
from medreview.progress import NullProgress, Progress


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract fields from scans and print them as JSON",
        description="Extract fields from scans; print one JSON array, one object per file.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_pipeline_arguments(parser)
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Extract every path; exit non-zero when any file failed."""
    config = build_config(args, pipeline_layouts(args))
    items = [WorkItem(path=p, source=str(p)) for p in args.paths]
    progress: Progress = TqdmProgress(unit="file") if args.progress else NullProgress()
    results = [
        r.to_json() for r in extract_many(items, config, workers=args.workers, progress=progress)
    ]
    json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    failed = any(r["error"] is not None for r in results)
    return int(ExitCode.FILE_FAILED if failed else ExitCode.OK)
