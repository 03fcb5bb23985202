"""The entry point of the PyInstaller bundle: one executable for the window and every command.

``medreview gui ARGS`` (or no arguments at all, as a desktop launcher starts it)
opens the review window in this process: a bundle has no interpreter to start
``python -m ui.app`` with (docs/adr/001-gui-entry.md). Everything else is the
``medreview`` command line. This module lives outside the Qt-free core, so it
may import ``ui``; it imports Qt only when the window is asked for.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window or a command; return the exit code."""
    # First of all: a spawned worker process of the frozen build (extract --workers,
    # ingest, the window's OCR pool) runs its task here and exits.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "gui":
        from ui.app import main as gui_main

        return gui_main(args[1:])
    from medreview.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
