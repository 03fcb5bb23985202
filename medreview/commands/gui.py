"""``medreview gui``: open the review window (the PySide6 application in ``ui``).

The core never imports PySide6 or ``ui`` (docs/adr/001-gui-entry.md), so this
command starts the GUI as ``python -m ui.app ARGS`` in a child process with the
same interpreter and hands back its exit code. In the PyInstaller bundle there
is no interpreter to run ``-m`` with: the bundle's one executable opens the
window itself when its first argument is ``gui`` (``packaging/launcher.py``), so
the child is ``medreview gui ARGS``. Every option after ``gui`` is the GUI's own
(``medreview gui --help`` shows them).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from typing import Any

from medreview.errors import UsageError

GUI_MODULE = "ui.app"


def register(subparsers: Any) -> None:
    """Add the ``gui`` sub-command."""
    parser = subparsers.add_parser(
        "gui",
        help="open the review window (options: medreview gui --help)",
        add_help=False,
        prefix_chars="\0",
    )
    parser.add_argument("gui_args", nargs=argparse.REMAINDER)
    parser.set_defaults(handler=run)


def gui_available() -> bool:
    """True when the GUI package and PySide6 are installed beside the core."""
    try:
        return (
            importlib.util.find_spec(GUI_MODULE) is not None
            and importlib.util.find_spec("PySide6") is not None
        )
    except ModuleNotFoundError:
        return False


def run(args: argparse.Namespace) -> int:
    """Run the GUI in a child interpreter and return its exit code."""
    if not gui_available():
        raise UsageError(
            "the review window is not installed: install medreview with its GUI "
            "(PySide6 and the 'ui' package)"
        )
    return subprocess.call(gui_command(args.gui_args))


def gui_command(gui_args: list[str]) -> list[str]:
    """The child process that opens the window with ``gui_args``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "gui", *gui_args]
    return [sys.executable, "-m", GUI_MODULE, *gui_args]
