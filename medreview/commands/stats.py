"""``medreview stats``: per-batch progress, automation rate and analyst figures."""

from __future__ import annotations

import argparse
import json
import sys

from medreview.commands.storeopts import add_database_argument, open_store
from medreview.store.stats import BatchStats


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``stats`` command."""
    parser = subparsers.add_parser(
        "stats",
        help="show batch statistics",
        description=(
            "Counts by status, automation rate, and per analyst: documents verified per "
            "hour and fields changed per document (how much the OCR got wrong)."
        ),
    )
    parser.add_argument("--batch", help="one batch (default: every batch)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def _number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render(stats: BatchStats) -> str:
    """A short text report of one batch."""
    counts = ", ".join(f"{s.value} {n}" for s, n in stats.counts.items() if n)
    rate = stats.automation_rate
    lines = [
        f"batch {stats.batch}: {stats.total} document(s)" + (f" ({counts})" if counts else ""),
        f"  automation rate: {'-' if rate is None else f'{rate:.0%}'}"
        f" ({stats.auto_verified} auto-verified, {stats.sent_back} sent back for review)",
    ]
    for analyst in stats.analysts:
        lines.append(
            f"  {analyst.name}: {analyst.verified} verified, {analyst.rejected} rejected, "
            f"{_number(analyst.verified_per_hour)} per hour, "
            f"{_number(analyst.fields_changed_per_document, 2)} fields changed per document"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the statistics."""
    with open_store(args) as store:
        all_stats = store.batch_stats(args.batch)
    if args.json:
        json.dump([s.to_json() for s in all_stats], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("".join(render(s) + "\n" for s in all_stats) or "no batches\n")
    return 0
