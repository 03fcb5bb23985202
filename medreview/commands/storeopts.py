"""What the store's commands share: the ``--database`` option and a progress bar."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from medreview.store import Store
from medreview.store.paths import DATABASE_ENV


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    """``--database URL`` (default: ``MEDREVIEW_DATABASE`` or the embedded SQLite file)."""
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help=(
            "SQLAlchemy URL or SQLite file, e.g. postgresql://user@host/medreview "
            f"(default: ${DATABASE_ENV} or the SQLite file in the user's data directory)"
        ),
    )


def open_store(args: argparse.Namespace) -> Store:
    """The store the command line names."""
    return Store.open(args.database)


class TqdmProgress:
    """Renders progress as a tqdm bar on standard error."""

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
