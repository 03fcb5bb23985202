"""What the commands that run the pipeline share: its options and a progress bar."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from medreview.config import CorrectionConfig, DateOrder, LoadConfig, PipelineConfig
from medreview.documents import DocumentType
from medreview.layouts import LayoutSet
from medreview.ocr import engine_names


def add_pipeline_arguments(parser: argparse.ArgumentParser) -> None:
    """The pipeline's options: type, engine and its threads, second reader, DPI, dates."""
    parser.add_argument(
        "--type",
        choices=[t.value for t in DocumentType if t is not DocumentType.UNKNOWN],
        help="skip classification and parse as this document type",
    )
    parser.add_argument(
        "--engine",
        choices=engine_names(),
        default=PipelineConfig().engine,
        help="OCR engine (default: %(default)s; vision also needs MEDREVIEW_ENABLE_VISION=1)",
    )
    parser.add_argument(
        "--ocr-threads",
        type=int,
        default=PipelineConfig().ocr_threads,
        help="threads per OCR engine (default: %(default)s; processes use the other cores)",
    )
    parser.add_argument(
        "--no-second-reader",
        action="store_true",
        help="do not let Tesseract re-read each field's region to check it",
    )
    parser.add_argument("--dpi", type=int, default=LoadConfig().dpi, help="PDF rendering DPI")
    parser.add_argument(
        "--date-order",
        choices=[o.value for o in DateOrder],
        default=DateOrder.MONTH_FIRST.value,
        help="how to read ambiguous numeric dates",
    )
    parser.add_argument("--no-correction", action="store_true", help="keep OCR text as read")
    parser.add_argument(
        "--no-layouts",
        action="store_true",
        help="read with the generic reader only (no shipped or learned layouts)",
    )


def build_config(args: argparse.Namespace, layouts: LayoutSet | None = None) -> PipelineConfig:
    """The pipeline configuration those options ask for, matching ``layouts`` when given."""
    return PipelineConfig(
        layouts=None if args.no_layouts else layouts,
        engine=args.engine,
        ocr_threads=max(1, args.ocr_threads),
        second_reader=not args.no_second_reader,
        document_type=args.type,
        date_order=DateOrder(args.date_order),
        load=LoadConfig(dpi=args.dpi),
        correction=CorrectionConfig(enabled=not args.no_correction),
    )


class TqdmProgress:
    """Renders :class:`~medreview.progress.Progress` as a tqdm bar on standard error."""

    def __init__(self, unit: str = "doc") -> None:
        self._unit = unit
        self._bar: Any = None

    def begin(self, total: int, description: str) -> None:
        """Open the bar."""
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=description, unit=self._unit, file=sys.stderr)

    def advance(self, units: int = 1) -> None:
        """Move the bar."""
        if self._bar is not None:
            self._bar.update(units)

    def end(self) -> None:
        """Close the bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
