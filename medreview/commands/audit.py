"""``medreview audit verify``: check the audit chain, its triggers, documents and scans."""

from __future__ import annotations

import argparse
import json
import sys

from medreview.commands.storeopts import (
    add_database_argument,
    add_user_argument,
    open_store,
    sign_in,
)
from medreview.errors import ExitCode, PermissionDeniedError
from medreview.store import Role


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` command and its ``verify`` action."""
    parser = subparsers.add_parser(
        "audit",
        help="check the audit log for tampering",
        description=(
            "verify: walk the audit log's hash chain and report the first broken link; "
            "check that the append-only triggers exist, that every document's status "
            "and final values are the ones its audit trail recorded, and that every "
            "stored scan still has the hash recorded when it was registered."
        ),
    )
    parser.add_argument("action", choices=["verify"])
    parser.add_argument("--no-scans", action="store_true", help="skip re-hashing stored scans")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    add_user_argument(parser, "the supervisor, signed in (default: the login name)")
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Verify; exit 0 when everything holds, 6 when something does not."""
    with open_store(args) as store:
        if sign_in(store, args).role != Role.SUPERVISOR.value:
            raise PermissionDeniedError("only a supervisor may verify the audit log")
        report = store.verify_integrity(scans=not args.no_scans)
    if args.json:
        findings = {
            "ok": report.ok,
            "entries": report.entries,
            "documents": report.documents,
            "scans": report.scans,
            "problems": [
                {
                    "kind": p.kind,
                    "entry_id": p.entry_id,
                    "document_id": p.document_id,
                    "message": p.message,
                }
                for p in report.problems
            ],
        }
        sys.stdout.write(json.dumps(findings, indent=2) + "\n")
    link = report.first_broken_link
    if link is not None:
        sys.stderr.write(f"medreview: first broken link: {link.message}\n")
    for problem in report.problems:
        if problem is not link:
            sys.stderr.write(f"medreview: {problem.message}\n")
    sys.stderr.write(
        f"medreview: {report.entries} audit entries, {report.documents} documents, "
        f"{report.scans} scans checked: "
        + ("everything verifies" if report.ok else f"{len(report.problems)} problem(s)")
        + "\n"
    )
    return int(ExitCode.OK if report.ok else ExitCode.INTEGRITY)
