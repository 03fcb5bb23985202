"""The HTTP API's routes, authentication and errors.

Every route but ``/api/v1/health`` needs ``Authorization: Bearer TOKEN`` with a
token from ``medreview token create``; the token's user acts with their role
(analysts upload, follow and read; supervisors also export). Errors are JSON
``{"error": {"code", "message"}}`` with the same codes as the command line, and
their messages never carry a field value or OCR text.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.background import BackgroundTask

from medreview import errors, loading
from medreview.api.limits import BodySizeLimit
from medreview.api.workers import BackgroundIngest, ExtractionWorkers
from medreview.config import PipelineConfig
from medreview.export import FORMATS, MEDIA_TYPES, ExportOptions
from medreview.ingest import ExtractFunction, pipeline_extract
from medreview.model import ExtractionResult
from medreview.store import DocumentRecord, Role, Status, Store, UserInfo

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
_CHUNK = 1 << 20
_SAFE_NAME = re.compile(r"[^\w.\- ()]+")
DocumentTypeName = Literal["prescription", "patient_details"]


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """How the server runs: its store, limits and OCR workers."""

    database: str | None = None
    files_root: Path | None = None
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    # processes of the background ingest (0: in the ingest thread itself)
    ingest_workers: int = 1
    # processes for one-off extractions
    extract_workers: int = 1
    max_request_bytes: int = 200 * 1024 * 1024
    max_files: int = 100
    poll_seconds: float = 10.0


_STATUS_OF: list[tuple[type[errors.MedreviewError], int]] = [
    (errors.AuthenticationError, 401),
    (errors.PermissionDeniedError, 403),
    (errors.RecordNotFoundError, 404),
    (errors.UsageError, 400),
    (errors.InputError, 422),
    (errors.InvalidTransitionError, 409),
    (errors.ClaimLostError, 409),
    (errors.DatabaseLockedError, 503),
    (errors.DatabaseUnavailableError, 503),
    (errors.DiskFullError, 507),
]


def http_status(exc: errors.MedreviewError) -> int:
    """The HTTP status of a typed error."""
    for kind, status in _STATUS_OF:
        if isinstance(exc, kind):
            return status
    return 500


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The API's JSON error."""
    return JSONResponse(
        {"error": {"code": code, "message": message}},
        status_code=status,
        headers=dict(headers) if headers else None,
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
}


def _install_error_handlers(app: FastAPI) -> None:
    async def typed(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, errors.MedreviewError)
        status = http_status(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return error_response(status, exc.code, exc.message, headers)

    async def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = _HTTP_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, str(exc.detail), exc.headers)

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        # Name the parameters and the problems, never the values sent.
        problems = [
            f"{'.'.join(str(part) for part in problem.get('loc', ()))}: {problem.get('msg', '')}"
            for problem in exc.errors()
        ]
        return error_response(422, "invalid_request", "; ".join(problems))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return error_response(500, "internal", "unexpected failure; see the server's log")

    app.add_exception_handler(errors.MedreviewError, typed)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unexpected)


_bearer = HTTPBearer(auto_error=False, description="an API token from `medreview token create`")


def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> UserInfo:
    """The user of the request's bearer token (401 without a valid one)."""
    if credentials is None:
        raise errors.AuthenticationError(
            "an API token is required: send the header 'Authorization: Bearer TOKEN'"
        )
    store: Store = request.app.state.store
    return store.authenticate_token(credentials.credentials)


def supervisor(user: Annotated[UserInfo, Depends(current_user)]) -> UserInfo:
    """The current user, who must be a supervisor (403 otherwise)."""
    if user.role != Role.SUPERVISOR.value:
        raise errors.PermissionDeniedError(f"{user.name} is not a supervisor")
    return user


User = Annotated[UserInfo, Depends(current_user)]
Supervisor = Annotated[UserInfo, Depends(supervisor)]


def safe_name(filename: str | None, fallback: str = "upload") -> str:
    """A file name for an upload: its last component, no control or path characters."""
    name = Path((filename or "").replace("\\", "/")).name
    name = _SAFE_NAME.sub("_", name).strip(" .")[:200]
    return name or fallback


async def save_upload(upload: UploadFile, folder: Path) -> Path:
    """Write an upload to ``folder`` under its safe name (numbered if taken)."""
    name = safe_name(upload.filename)
    target = folder / name
    counter = 1
    while target.exists():
        target = folder / f"{counter}-{name}"
        counter += 1
    with target.open("wb") as out:
        while chunk := await upload.read(_CHUNK):
            out.write(chunk)
    return target


def document_status(record: DocumentRecord) -> dict[str, Any]:
    """A document's place in its life cycle (no field values)."""
    return {
        "id": record.id,
        "batch": record.batch,
        "source": record.source_name,
        "sha256": record.sha256,
        "status": record.status.value,
        "document_type": record.document_type,
        "error": record.error.to_json() if record.error else None,
        "verified_by": record.verified_by,
        "auto_verified": record.auto_verified,
        "updated_at": record.updated_at.isoformat() if record.updated_at else None,
    }


def result_json(record: DocumentRecord) -> dict[str, Any]:
    """The extract contract's object, with final values (edits over OCR) and the status."""
    body = record.result.to_json()
    fields: dict[str, Any] = {}
    for name, value in record.final_values().items():
        extracted = record.result.fields.get(name)
        if extracted is not None:
            item = extracted.to_json()
        else:
            item = {
                "confidence": None,
                "page": None,
                "bbox": None,
                "ocr_text": "",
                "corrected": False,
                "boxes": [],
                "agreement": None,
            }
        item["value"] = value
        item["edited"] = name in record.changed_fields()
        fields[name] = item
    body.update(
        source=record.source_name,
        document_type=record.document_type,
        fields=fields,
        document_id=record.id,
        batch=record.batch,
        status=record.status.value,
    )
    return body


_NOT_READ = frozenset({Status.QUEUED, Status.PROCESSING})
_VERIFIED = frozenset({Status.VERIFIED, Status.EXPORTED})
_SCAN_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


def create_app(settings: ApiSettings, *, extract: ExtractFunction = pipeline_extract) -> FastAPI:
    """The API application over the store ``settings`` names."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(settings.database, files_root=settings.files_root)
        background = BackgroundIngest(
            store,
            settings.pipeline,
            workers=settings.ingest_workers,
            poll_seconds=settings.poll_seconds,
            extract=extract,
        )
        workers = ExtractionWorkers(settings.pipeline, settings.extract_workers)
        app.state.store = store
        app.state.ingest = background
        app.state.extraction = workers
        app.state.uploads = store.files_root / "incoming"
        app.state.uploads.mkdir(parents=True, exist_ok=True)
        background.start()
        try:
            yield
        finally:
            background.stop()
            workers.close()
            store.close()

    app = FastAPI(
        title="medreview",
        version="1",
        summary="Medical document data entry: upload scans, follow them, fetch results.",
        description=(
            "Authenticate with `Authorization: Bearer TOKEN` (tokens from "
            "`medreview token create USER`). Errors are "
            '`{"error": {"code": ..., "message": ...}}`.'
        ),
        lifespan=lifespan,
    )
    _install_error_handlers(app)

    @app.get(f"{API_PREFIX}/health", tags=["server"])
    def health() -> dict[str, str]:
        """The server is up (no authentication)."""
        return {"status": "ok"}

    @app.get(f"{API_PREFIX}/me", tags=["server"])
    def me(user: User) -> dict[str, str]:
        """Who the token signs in as."""
        return {"user": user.name, "role": user.role}

    @app.post(f"{API_PREFIX}/batches/{{batch}}/documents", status_code=202, tags=["documents"])
    async def upload(
        request: Request,
        batch: str,
        user: User,
        files: Annotated[list[UploadFile], File(description="scans: PDF, PNG, JPEG, TIFF")],
    ) -> dict[str, Any]:
        """Add scans to a batch (created if new); they are OCRed in the background.

        Answers at once with each file's document id and status (``queued``, or
        what it already was when the batch held the same content); a file that
        is not a document gets its own error and the others are still added.
        """
        if len(files) > settings.max_files:
            raise HTTPException(413, f"at most {settings.max_files} files per request")
        store: Store = request.app.state.store
        folder = Path(tempfile.mkdtemp(dir=request.app.state.uploads))
        try:
            saved: list[tuple[str, Path | None, dict[str, str] | None]] = []
            for item in files:
                path = await save_upload(item, folder)
                try:
                    loading.sniff_format(path)
                except errors.InputError as exc:
                    saved.append((path.name, None, exc.to_json()))
                    continue
                saved.append((path.name, path, None))
            good = [kept for _, kept, _ in saved if kept is not None]
            refs = iter(store.add_files(batch, good, user=user.name) if good else [])
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        documents: list[dict[str, Any]] = []
        for name, kept, error in saved:
            if kept is None:
                documents.append({"source": name, "id": None, "status": None, "error": error})
                continue
            ref = next(refs)
            documents.append(
                {
                    "source": ref.source_name,
                    "id": ref.id,
                    "status": ref.status.value,
                    "created": ref.created,
                    "sha256": ref.sha256,
                    "error": None,
                    "status_url": f"{API_PREFIX}/documents/{ref.id}",
                }
            )
        request.app.state.ingest.wake()
        return {"batch": batch, "documents": documents}

    @app.get(f"{API_PREFIX}/batches/{{batch}}", tags=["batches"])
    def batch_info(request: Request, batch: str, user: User) -> dict[str, Any]:
        """A batch's counts by status and its documents' statuses."""
        store: Store = request.app.state.store
        info = store.batch(batch)
        return {
            "batch": info.name,
            "created_at": info.created_at.isoformat(),
            "counts": {status.value: count for status, count in info.counts.items()},
            "documents": [
                {
                    "id": doc.id,
                    "source": doc.source_name,
                    "status": doc.status.value,
                    "document_type": doc.document_type,
                    "error_code": doc.error_code,
                }
                for doc in store.documents(batch)
            ],
        }

    @app.get(f"{API_PREFIX}/documents/{{doc_id}}", tags=["documents"])
    def status(request: Request, doc_id: int, user: User) -> dict[str, Any]:
        """Where a document is: ``queued``, ``processing``, ``ready``, ..., ``failed``."""
        store: Store = request.app.state.store
        return document_status(store.load_document(doc_id))

    @app.get(f"{API_PREFIX}/documents/{{doc_id}}/result", tags=["documents"])
    def result(request: Request, doc_id: int, user: User) -> dict[str, Any]:
        """The document's fields in the extract contract's JSON (final values).

        409 ``not_ready`` while it is still queued or being read.
        """
        store: Store = request.app.state.store
        record = store.load_document(doc_id)
        if record.status in _NOT_READ:
            raise errors.InvalidTransitionError(
                f"document {doc_id} is {record.status.value}; its result is not ready yet"
            )
        return result_json(record)

    @app.get(f"{API_PREFIX}/documents/{{doc_id}}/copy", tags=["documents"])
    def copy(
        request: Request,
        doc_id: int,
        user: User,
        kind: Annotated[
            Literal["searchable", "clean"],
            Query(description="searchable scan, or the clean copy with values typed"),
        ] = "searchable",
    ) -> Response:
        """A verified document's searchable PDF or clean copy (nothing is marked exported)."""
        from medreview.export.pdf_export import document_pdf

        store: Store = request.app.state.store
        record = store.load_document(doc_id)
        if record.status not in _VERIFIED:
            raise errors.InvalidTransitionError(
                f"document {doc_id} is {record.status.value}; only verified documents have copies"
            )
        return Response(
            document_pdf(record, kind),
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{doc_id:06d}-{kind}.pdf"'},
        )

    @app.get(f"{API_PREFIX}/scans/{{sha256}}", tags=["documents"])
    def scan(request: Request, sha256: str, user: User) -> Response:
        """The stored scan with this SHA-256 (what FHIR exports link to with ``scan_url``)."""
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise errors.UsageError("a scan is named by its SHA-256, 64 hexadecimal digits")
        store: Store = request.app.state.store
        path = store.scan_path(sha256)
        media_type = _SCAN_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return Response(store.seal.read(path), media_type=media_type)

    @app.post(f"{API_PREFIX}/extract", tags=["extraction"])
    async def extract_once(
        request: Request,
        user: User,
        file: Annotated[UploadFile, File(description="one scan: PDF, PNG, JPEG, TIFF")],
        document_type: Annotated[
            DocumentTypeName | None, Form(description="skip classification")
        ] = None,
    ) -> JSONResponse:
        """Extract one file now and return the contract's object; nothing is stored.

        A file that cannot be read answers 422 with the object and its ``error``.
        """
        folder = Path(tempfile.mkdtemp(dir=request.app.state.uploads))
        try:
            path = await save_upload(file, folder)
            outcome: ExtractionResult = await request.app.state.extraction.extract(
                path, path.name, document_type
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        body = outcome.to_json()
        return JSONResponse(body, status_code=200 if outcome.error is None else 422)

    @app.post(f"{API_PREFIX}/batches/{{batch}}/export", tags=["batches"])
    def export(
        request: Request,
        batch: str,
        user: Supervisor,
        format: Annotated[
            Literal["csv", "json", "fhir", "pdf", "clean"], Query(description="export format")
        ] = "json",
        new_only: bool = False,
        bom: Annotated[bool, Query(description="CSV: UTF-8 byte order mark")] = False,
        lists: Annotated[Literal["json", "joined"], Query(description="CSV lists")] = "json",
        text_ids: Annotated[bool, Query(description='CSV: identifiers as ="0042"')] = False,
        scan_url: Annotated[str | None, Query(description="FHIR: link scans here")] = None,
    ) -> FileResponse:
        """Export the batch's verified documents (supervisors) and mark them exported."""
        if format not in FORMATS:  # pragma: no cover - the Literal already checks
            raise errors.UsageError(f"unknown export format {format!r}")
        store: Store = request.app.state.store
        store.batch(batch)
        media_type, suffix = MEDIA_TYPES[format]
        folder = Path(tempfile.mkdtemp(dir=request.app.state.uploads))
        out = folder / f"{safe_name(batch, 'batch')}-{format}{suffix}"
        try:
            report = store.export(
                batch,
                format,
                out,
                user=user.name,
                new_only=new_only,
                options=ExportOptions(
                    csv_bom=bom, csv_lists=lists, csv_text_ids=text_ids, scan_url=scan_url
                ),
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(
            out,
            media_type=media_type,
            filename=out.name,
            headers={
                "X-Medreview-Documents": str(report.documents),
                "X-Medreview-Reexported": str(report.reexported),
            },
            background=BackgroundTask(shutil.rmtree, folder, True),
        )

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    return app
