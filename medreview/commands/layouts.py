"""``medreview layouts``: learn, list, show and remove the layouts of forms.

``learn SCAN VALUES.json`` reads the scan with the generic reader and teaches the
store the layout its verified values show (``VALUES.json`` in the form of
``samples/*.json``). Layouts hold a form's printed words and regions, never a
patient's values, so ``list`` and ``show`` print them freely.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from medreview.commands.storeopts import add_database_argument, open_store
from medreview.config import LoadConfig, PipelineConfig
from medreview.documents import fields_of
from medreview.errors import ExitCode, UsageError
from medreview.layouts import (
    LayoutSet,
    available_layouts,
    dumps,
    learn,
    shipped_layouts,
    teach,
)
from medreview.ocr import engine_names
from medreview.store import Store
from medreview.store.paths import DATABASE_ENV, default_database_url, normalise_url


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``layouts`` command and its actions."""
    parser = subparsers.add_parser(
        "layouts",
        help="learn, list, show and remove the layouts of forms",
        description=(
            "Layouts describe a form's printed words and where each value sits; a document "
            "that matches one is read by it. Verified documents teach them."
        ),
    )
    actions = parser.add_subparsers(dest="layouts_action", metavar="ACTION", required=True)
    learn_parser = actions.add_parser(
        "learn",
        help="learn a layout from a scan and its verified values",
        description="Read SCAN, and store the layout its verified VALUES.json show.",
    )
    learn_parser.add_argument("scan", type=Path, metavar="SCAN")
    learn_parser.add_argument("values", type=Path, metavar="VALUES.json")
    learn_parser.add_argument("--name", help="the layout's name (an existing one is refined)")
    learn_parser.add_argument("--user", help="who taught it (default: login)")
    learn_parser.add_argument(
        "--engine",
        choices=engine_names(),
        default=PipelineConfig().engine,
        help="OCR engine (the one extract reads with, so the words match)",
    )
    learn_parser.add_argument("--dpi", type=int, default=LoadConfig().dpi, help="PDF rendering DPI")
    add_database_argument(learn_parser)
    learn_parser.set_defaults(handler=run_learn)
    listing = actions.add_parser("list", help="list the layouts", description="List layouts.")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    add_database_argument(listing)
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="print a layout file", description="Print a layout.")
    show.add_argument("name", metavar="NAME")
    add_database_argument(show)
    show.set_defaults(handler=run_show)
    remove = actions.add_parser(
        "remove", help="remove a layout (supervisors)", description="Remove a stored layout."
    )
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("--user", help="the supervisor removing it (default: login)")
    add_database_argument(remove)
    remove.set_defaults(handler=run_remove)


def pipeline_layouts(args: argparse.Namespace, store: Store | None = None) -> LayoutSet | None:
    """The layouts ``extract`` and ``ingest`` use: shipped ones, then the store's.

    ``--no-layouts`` gives none. Without ``store``, the store ``--database`` names is
    opened, or the embedded one when it exists (it is never created for this).
    """
    if getattr(args, "no_layouts", False):
        return None
    stored = LayoutSet()
    if store is not None:
        stored = store.layout_set()
    elif _store_exists(args.database):
        with Store.open(args.database) as opened:
            stored = opened.layout_set()
    return available_layouts(stored)


def _store_exists(url: str | None) -> bool:
    if url is not None or os.environ.get(DATABASE_ENV):
        return True
    parsed = normalise_url(default_database_url())
    return parsed.database is not None and Path(parsed.database).exists()


def _read_values(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path.name}: cannot read the values as JSON") from exc
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise UsageError(f'{path.name}: expected {{"document_type": ..., "fields": {{...}}}}')
    document_type = str(data.get("document_type"))
    if not fields_of(document_type):
        raise UsageError(f"{path.name}: unknown document_type {data.get('document_type')!r}")
    return document_type, data["fields"]


def run_learn(args: argparse.Namespace) -> int:
    """Read the scan, learn (or refine) its layout and store it."""
    from medreview.pipeline import extract_file

    document_type, values = _read_values(args.values)
    config = PipelineConfig(
        engine=args.engine, document_type=document_type, load=LoadConfig(dpi=args.dpi)
    )
    result = extract_file(args.scan, config)
    if result.error is not None:
        sys.stderr.write(f"medreview: {result.error.message}\n")
        return int(ExitCode.FILE_FAILED)
    with open_store(args) as store:
        stored = {info.name for info in store.layouts()}
        known = available_layouts(store.layout_set()).layouts
        if args.name and args.name not in {layout.name for layout in known}:
            layout = learn(
                args.name, document_type, result.ocr_pages, values, evidence=result.fields
            )
        else:
            name = args.name or _free_name(stored, document_type)
            layout, _new = teach(
                known,
                document_type,
                result.ocr_pages,
                values,
                new_name=name,
                read_by=args.name,
                evidence=result.fields,
            )
            if args.name and layout.name != args.name:
                raise UsageError(f"{args.scan.name} does not line up with layout {args.name!r}")
        info, created = store.save_layout(
            layout, args.user or getpass.getuser(), source_name=args.scan.name
        )
    verb = "learned" if created else "refined"
    sys.stderr.write(
        f"medreview: {verb} layout {info.name} ({info.document_type}, {info.fields} fields, "
        f"{info.anchors} printed words, {info.documents} document(s))\n"
    )
    return 0


def _free_name(taken: set[str], document_type: str) -> str:
    n = 1
    while f"{document_type}-{n}" in taken:
        n += 1
    return f"{document_type}-{n}"


def run_list(args: argparse.Namespace) -> int:
    """Print the stored layouts, then the shipped ones the store does not override."""
    with open_store(args) as store:
        infos = store.layouts()
    stored = {info.name for info in infos}
    rows: list[dict[str, Any]] = [{**info.to_json(), "shipped": False} for info in infos]
    for layout in shipped_layouts():
        if layout.name not in stored:
            rows.append(
                {
                    "name": layout.name,
                    "document_type": layout.document_type,
                    "documents": layout.documents,
                    "fields": len(layout.fields),
                    "anchors": layout.anchor_count,
                    "taught_by": None,
                    "source_name": None,
                    "source_document": None,
                    "created_at": None,
                    "updated_at": None,
                    "shipped": True,
                }
            )
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    header = ("NAME", "TYPE", "FIELDS", "DOCS", "TAUGHT BY", "FROM")
    table = [header] + [
        (
            row["name"],
            row["document_type"],
            str(row["fields"]),
            str(row["documents"]),
            "(shipped)" if row["shipped"] else row["taught_by"] or "-",
            row["source_name"]
            or (f"document {row['source_document']}" if row["source_document"] else "-"),
        )
        for row in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        sys.stdout.write("\n")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Print a layout's TOML (a stored one, else a shipped one)."""
    with open_store(args) as store:
        stored = {info.name: info for info in store.layouts()}
    if args.name in stored:
        info = stored[args.name]
        by = f" by {info.taught_by}" if info.taught_by else ""
        source = info.source_name or (
            f"document {info.source_document}" if info.source_document else "-"
        )
        sys.stdout.write(f"# taught{by} from {source}; updated {info.updated_at.isoformat()}\n")
        sys.stdout.write(info.body)
        return 0
    shipped = {layout.name: layout for layout in shipped_layouts()}
    if args.name in shipped:
        sys.stdout.write("# shipped with medreview\n")
        sys.stdout.write(dumps(shipped[args.name]))
        return 0
    raise UsageError(f"there is no layout called {args.name!r}")


def run_remove(args: argparse.Namespace) -> int:
    """Remove a stored layout."""
    with open_store(args) as store:
        store.remove_layout(args.name, args.user or getpass.getuser())
    sys.stderr.write(f"medreview: removed layout {args.name}\n")
    return 0
