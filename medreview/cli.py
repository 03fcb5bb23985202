"""The ``medreview`` command line: parses arguments and maps errors to exit codes.

``main`` is the console script's entry point and the function the tests call
in-process. Each sub-command lives in its own module under ``medreview.commands``;
``--self-test`` (:mod:`medreview.selftest`) checks the installation instead of
running a command.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from medreview.commands import COMMAND_MODULES
from medreview.errors import MedreviewError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="medreview",
        description="Verification station for medical document data entry.",
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (never field values)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="read the bundled samples, check their fields and the store, and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None and not args.self_test:
        parser.error("a command is required")
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.self_test:
            from medreview.selftest import run_self_test

            return run_self_test(sys.stdout)
        code: int = args.handler(args)
    except MedreviewError as exc:
        sys.stderr.write(f"medreview: {exc.message}\n")
        return int(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("medreview: interrupted\n")
        return 130
    return code


def run() -> None:
    """Console-script wrapper that exits with :func:`main`'s code."""
    raise SystemExit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
