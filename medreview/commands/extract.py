"""``medreview extract``: files in, the spec's JSON array out on standard output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medreview.batch import WorkItem, extract_many
from medreview.config import DateOrder, LoadConfig, PipelineConfig
from medreview.documents import DocumentType
from medreview.errors import ExitCode
from medreview.ocr import engine_names
from medreview.progress import NullProgress, Progress


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract fields from scans and print them as JSON",
        description="Extract fields from scans; print one JSON array, one object per file.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--type",
        choices=[t.value for t in DocumentType if t is not DocumentType.UNKNOWN],
        help="skip classification and parse as this document type",
    )
    parser.add_argument("--engine", choices=engine_names(), default="tesseract")
    parser.add_argument("--dpi", type=int, default=LoadConfig().dpi, help="PDF rendering DPI")
    parser.add_argument(
        "--date-order",
        choices=[o.value for o in DateOrder],
        default=DateOrder.MONTH_FIRST.value,
        help="how to read ambiguous numeric dates",
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--no-correction", action="store_true", help="keep OCR text as read")
    parser.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    parser.set_defaults(handler=run)


class _TqdmProgress:
    """Renders progress as a tqdm bar on standard error."""

    def __init__(self) -> None:
        self._bar: object | None = None

    def begin(self, total: int, description: str) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=description, unit="file", file=sys.stderr)

    def advance(self, units: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(units)  # type: ignore[attr-defined]

    def end(self) -> None:
        if self._bar is not None:
            self._bar.close()  # type: ignore[attr-defined]


def build_config(args: argparse.Namespace) -> PipelineConfig:
    """The pipeline configuration the command line asks for."""
    base = PipelineConfig()
    return PipelineConfig(
        engine=args.engine,
        document_type=args.type,
        date_order=DateOrder(args.date_order),
        load=LoadConfig(dpi=args.dpi),
        correction=type(base.correction)(enabled=not args.no_correction),
    )


def run(args: argparse.Namespace) -> int:
    """Extract every path; exit non-zero when any file failed."""
    config = build_config(args)
    items = [WorkItem(path=p, source=str(p)) for p in args.paths]
    progress: Progress = _TqdmProgress() if args.progress else NullProgress()
    results = [
        r.to_json() for r in extract_many(items, config, workers=args.workers, progress=progress)
    ]
    json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    failed = any(r["error"] is not None for r in results)
    return int(ExitCode.FILE_FAILED if failed else ExitCode.OK)
