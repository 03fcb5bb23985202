"""What the store's commands share: the ``--database`` option."""

from __future__ import annotations

import argparse

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
