"""The ``medreview`` sub-commands, one module each.

Every module here exposes ``register(subparsers)``, which adds its parser and
sets ``handler`` (a function of the parsed arguments returning an exit code).
"""

from __future__ import annotations

COMMAND_MODULES: tuple[str, ...] = (
    "medreview.commands.extract",
    "medreview.commands.ingest",
    "medreview.commands.export",
    "medreview.commands.stats",
    "medreview.commands.sendback",
    "medreview.commands.role",
    "medreview.commands.terms",
    "medreview.commands.layouts",
    "medreview.commands.gui",
)
