"""``medreview serve``: the HTTP API (FastAPI on uvicorn) over the store."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys

from medreview.commands.layouts import pipeline_layouts
from medreview.commands.pipelineopts import add_pipeline_arguments, build_config
from medreview.commands.storeopts import add_database_argument
from medreview.errors import UsageError

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` command."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API (upload scans, follow them, fetch results and exports)",
        description=(
            "Serve the HTTP API over the store. Clients authenticate with API tokens from "
            "`medreview token create USER`; OpenAPI documentation is at /docs."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers", type=int, default=1, help="ingest processes for uploads (0: in a thread)"
    )
    parser.add_argument(
        "--extract-workers", type=int, default=1, help="processes for one-off extractions"
    )
    parser.add_argument(
        "--max-upload-mb", type=float, default=200.0, help="largest request body accepted"
    )
    parser.add_argument("--max-files", type=int, default=100, help="files per upload request")
    parser.add_argument("--tls-cert", default=None, help="serve HTTPS with this certificate")
    parser.add_argument("--tls-key", default=None, help="the certificate's private key")
    add_pipeline_arguments(parser)
    add_database_argument(parser)
    parser.set_defaults(handler=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    """Run the server until interrupted."""
    import uvicorn

    from medreview.api.app import ApiSettings, create_app

    if args.workers < 0 or args.extract_workers < 1 or args.max_upload_mb <= 0:
        raise UsageError("--workers must be 0 or more, --extract-workers and sizes positive")
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("--tls-cert and --tls-key go together")
    if not args.tls_cert and not _is_loopback(args.host):
        log.warning(
            "serving plain HTTP on %s: patient data and tokens cross the network unencrypted; "
            "use --tls-cert/--tls-key or a TLS reverse proxy",
            args.host,
        )
    settings = ApiSettings(
        database=args.database,
        pipeline=build_config(args, pipeline_layouts(args)),
        ingest_workers=args.workers,
        extract_workers=args.extract_workers,
        max_request_bytes=int(args.max_upload_mb * 1024 * 1024),
        max_files=args.max_files,
    )
    sys.stderr.write(f"medreview: serving the API on {args.host}:{args.port} (docs at /docs)\n")
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level="warning",
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
    )
    return 0
