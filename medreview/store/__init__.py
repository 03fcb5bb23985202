"""The durable store: batches, documents, pages, fields, edits, users and audit log.

One workstation uses an embedded SQLite file (WAL mode) under the user's data
directory (``MEDREVIEW_DATA_DIR`` overrides it); a firm shares one PostgreSQL
server (``--database postgresql://user@host/db``). The schema is migrated
(Alembic, scripts shipped in the package) every time a store is opened.

API summary (``Store``, in :mod:`medreview.store.api`; every method is one
transaction and returns immutable records; ``user`` is a user name, created as
an analyst on first use)::

    Store.open(url: str | None = None, *, files_root: Path | None = None,
               busy_timeout: float = 30.0) -> Store
    store.close()                                    # also a context manager
    # batches, users
    store.create_batch(name, *, auto_verify: float | None = None) -> BatchInfo
    store.batches() -> list[BatchInfo]; store.batch(name) -> BatchInfo
    store.documents(batch, statuses=None) -> list[DocumentSummary]
    store.ensure_user(name, role=Role.ANALYST) -> UserInfo
    store.set_role(name, role) -> UserInfo
    # ingest side
    store.add_files(batch, paths) -> list[DocumentRef]   # copies by hash, queues
    store.page_dir(doc_id) -> Path                        # image_dir for extract_file
    store.store_result(doc_id, result, image_paths=(), *, owner=None) -> Status
    store.mark_failed(doc_id, error: ErrorInfo, *, owner=None)
    store.claim_for_processing(batch, owner, *, limit, lease_seconds)
        -> list[tuple[int, Path]]
    store.renew_processing(owner, doc_ids, lease_seconds)
    store.requeue_processing(doc_id, owner, reason)
    store.requeue_failed(batch, user) -> int
    # review window
    store.claim_next(user, batch=None, lease_seconds=900) -> DocumentRecord | None
    store.load_document(doc_id) -> DocumentRecord
    store.save_edit(doc_id, user, field, value, lease_seconds=900)  # caller debounces
    store.renew(doc_id, user, lease_seconds=900)
    store.set_document_type(doc_id, user, document_type)
    store.submit(doc_id, user, *, teach=True)       # in_review -> verified, teaches its layout
    store.teach_layout(doc_id, user) -> str | None  # (when submit was told not to)
    store.reject(doc_id, user, reason)              # in_review -> rejected
    store.release(doc_id, user)                     # in_review -> ready
    store.audit_for(doc_id) -> list[AuditRecord]
    # layouts (submit above teaches them; see medreview.layouts)
    store.layouts() -> list[LayoutInfo]; store.layout(name) -> LayoutInfo
    store.layout_set() -> LayoutSet                 # parsed, for PipelineConfig.layouts
    store.save_layout(layout, user, *, source_name=None) -> tuple[LayoutInfo, bool]
    store.remove_layout(name, user)                 # supervisors
    store.page_words(doc_id) -> list[OcrPage]       # every OCR word, per page
    # supervisors
    store.batch_stats(batch=None) -> list[BatchStats]
    store.reopen(doc_id, user)                      # rejected/verified -> ready
    store.send_back_sample(batch, user, count, *, seed=None) -> list[int]
    store.export(batch, fmt, out, progress=None, *, user="system", new_only=False)
        -> ExportReport                             # csv | json | fhir (NDJSON)
    store.verified_documents(batch, *, new_only=False) -> list[DocumentRecord]
    store.mark_exported(doc_ids, user, *, detail) -> int   # returns re-exports

``DocumentRecord`` carries ``result`` (the :class:`~medreview.model.ExtractionResult`),
``image_paths`` (page-NNN.png, the pixel space of every bbox), ``prepared_paths``,
``edits`` (the analyst's values), ``final_values()``, ``status``, ``claimed_by``,
``lease_expires_at``, ``error`` and ``reject_reason``. Errors are
:class:`~medreview.errors.DatabaseError` subclasses: ``ClaimLostError`` (the claim
expired or was taken), ``InvalidTransitionError``, ``RecordNotFoundError``,
``DatabaseLockedError``, ``DiskFullError``, ``DatabaseUnavailableError``.
"""

from __future__ import annotations

from medreview.store.api import Store
from medreview.store.audit import AuditRecord
from medreview.store.layouts import LayoutInfo
from medreview.store.records import (
    BatchInfo,
    DocumentRecord,
    DocumentRef,
    DocumentSummary,
    UserInfo,
)
from medreview.store.schema import Role, Status

__all__ = [
    "AuditRecord",
    "BatchInfo",
    "DocumentRecord",
    "DocumentRef",
    "DocumentSummary",
    "LayoutInfo",
    "Role",
    "Status",
    "Store",
    "UserInfo",
]
