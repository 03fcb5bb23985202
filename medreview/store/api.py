"""The :class:`Store` facade: the one way the CLI, ingest and review window use the store.

Every method is one transaction (see :func:`medreview.store.db.transaction`) and
returns immutable records, never ORM objects, so callers on any thread can hold
them. See the package docstring for a summary of the API.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from medreview.documents import DocumentType, fields_of
from medreview.errors import (
    AuthenticationError,
    ClaimLostError,
    DatabaseUnavailableError,
    InputError,
    InvalidTransitionError,
    PermissionDeniedError,
    RecordNotFoundError,
    TamperedError,
    UsageError,
)
from medreview.filenames import display_name
from medreview.layouts import Layout, LayoutSet
from medreview.model import ErrorInfo, ExtractionResult, FieldData, OcrPage
from medreview.progress import Progress
from medreview.sealing import FileSeal
from medreview.store import (
    accounts,
    analyst_stats,
    audit,
    convert,
    db,
    files,
    integrity,
    keys,
    queue,
    review,
    tokens,
)
from medreview.store import layouts as store_layouts
from medreview.store.analyst_stats import AnalystDay, ReviewSessionInfo
from medreview.store.audit import AuditRecord
from medreview.store.autoverify import auto_verify_failures
from medreview.store.layouts import LayoutInfo
from medreview.store.lifecycle import transition
from medreview.store.migrate import upgrade
from medreview.store.paths import files_dir, normalise_url
from medreview.store.records import (
    BatchInfo,
    DocumentRecord,
    DocumentRef,
    DocumentSummary,
    UserInfo,
)
from medreview.store.schema import (
    Batch,
    Document,
    ExtractedField,
    FinalValue,
    Role,
    Status,
    User,
    utcnow,
)

if TYPE_CHECKING:
    from medreview.export import ExportOptions, ExportReport
    from medreview.store.stats import BatchStats
    from medreview.store.tokens import IssuedToken, TokenInfo

log = logging.getLogger(__name__)

SYSTEM_USER = "system"
REVIEWABLE = frozenset({Status.VERIFIED, Status.EXPORTED})


class Store:
    """Batches, documents, fields, edits and their audit trail in one database."""

    def __init__(
        self,
        url: str | None = None,
        *,
        files_root: Path | None = None,
        busy_timeout: float = db.BUSY_TIMEOUT_MS / 1000,
    ) -> None:
        """Connect and migrate; prefer :meth:`open`."""
        self.url = normalise_url(url)
        self.files_root = files_root or files_dir(self.url)
        self.engine = db.create_store_engine(self.url, busy_timeout_ms=int(busy_timeout * 1000))
        self._sessions = db.session_factory(self.engine)
        self._layouts = store_layouts.LayoutCache()
        try:
            with self.engine.begin() as connection:
                if upgrade(connection):
                    log.info("migrated the database at %s", db.describe(self.url))
        except BaseException as exc:
            self.engine.dispose()
            if not isinstance(exc, DBAPIError):
                raise
            typed = db.classify_chain(exc)
            if typed is None:
                raise
            if isinstance(typed, DatabaseUnavailableError):
                typed = DatabaseUnavailableError(
                    f"cannot open the database {db.describe(self.url)}: {typed.message}"
                )
            raise typed from exc
        db.private_dir(self.files_root)  # 0700: scans and page images are patient data
        # scans and page images are sealed with a key derived from the store's
        self.seal = FileSeal.from_store_key(keys.files_key(self.url))
        if self.seal.enabled:
            files.seal_plain_files(self.files_root, self.seal)

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        files_root: Path | None = None,
        busy_timeout: float = db.BUSY_TIMEOUT_MS / 1000,
    ) -> Store:
        """Open (creating and migrating if needed) the store at ``url``.

        ``None`` means ``MEDREVIEW_DATABASE`` or the embedded SQLite file under the
        user's data directory (``MEDREVIEW_DATA_DIR`` overrides it). ``busy_timeout``
        (seconds) is how long to wait for another process's lock.
        """
        return cls(url, files_root=files_root, busy_timeout=busy_timeout)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def _tx(self) -> AbstractContextManager[Session]:
        return db.transaction(self._sessions)

    # -- users and batches ------------------------------------------------

    def create_first_supervisor(self, name: str, password: str) -> UserInfo:
        """Set-up: the first supervisor account, allowed only while there is none."""
        password_hash = accounts.hash_password(password)
        with self._tx() as session:
            taken = session.scalars(
                select(User).where(
                    User.role == Role.SUPERVISOR.value, User.password_hash.is_not(None)
                )
            ).first()
            if taken is not None:
                raise PermissionDeniedError(
                    "this store already has a supervisor; ask them to create your account"
                )
            user = _account(session, name, Role.SUPERVISOR, password_hash)
            audit.record(
                session,
                _system(session),
                "user_created",
                new_value=Role.SUPERVISOR.value,
                detail=f"{name} (first supervisor, at set-up)",
            )
            return _user_info(user)

    def authenticate(self, name: str, password: str) -> UserInfo:
        """Check a person's password; every attempt is audited (never the password)."""
        with self._tx() as session:
            user = accounts.find(session, name)
            good = accounts.check_password(user, password)
            if user is None or not good or not user.active or Role(user.role) is Role.SYSTEM:
                audit.record(session, _system(session), "sign_in_failed", detail=name)
                failed = True
            else:
                audit.record(session, user, "signed_in")
                failed = False
                info = _user_info(user)
        if failed:
            raise AuthenticationError(f"wrong user name or password for {name!r}")
        return info

    def user(self, name: str) -> UserInfo:
        """An active person's account (AuthenticationError when there is none)."""
        with self._tx() as session:
            return _user_info(accounts.person(session, name))

    def users(self, actor: str) -> list[UserInfo]:
        """Every account (supervisors only)."""
        with self._tx() as session:
            accounts.person(session, actor, accounts.SUPERVISORS)
            rows = session.scalars(select(User).where(User.role != Role.SYSTEM.value))
            return [_user_info(user) for user in rows.all()]

    def create_user(self, actor: str, name: str, role: Role | str, password: str) -> UserInfo:
        """A supervisor creates an analyst's or supervisor's account (audited)."""
        role = Role(role)
        if role is Role.SYSTEM:
            raise UsageError("the system user cannot be created")
        password_hash = accounts.hash_password(password)
        with self._tx() as session:
            boss = accounts.person(session, actor, accounts.SUPERVISORS)
            user = _account(session, name, role, password_hash)
            audit.record(session, boss, "user_created", new_value=role.value, detail=name)
            return _user_info(user)

    def set_role(self, actor: str, name: str, role: Role | str) -> UserInfo:
        """A supervisor changes a person's role (audited)."""
        role = Role(role)
        if role is Role.SYSTEM:
            raise UsageError("nobody can be given the system role")
        with self._tx() as session:
            boss = accounts.person(session, actor, accounts.SUPERVISORS)
            user = accounts.person(session, name)
            if user.role != role.value:
                audit.record(
                    session,
                    boss,
                    "role_changed",
                    old_value=user.role,
                    new_value=role.value,
                    detail=name,
                )
                user.role = role.value
            return _user_info(user)

    def set_password(self, actor: str, name: str, password: str) -> UserInfo:
        """A person changes their own password, or a supervisor resets one (audited)."""
        password_hash = accounts.hash_password(password)
        with self._tx() as session:
            roles = accounts.PEOPLE if actor == name else accounts.SUPERVISORS
            who = accounts.person(session, actor, roles)
            user = accounts.person(session, name)
            user.password_hash = password_hash
            audit.record(session, who, "password_changed", detail=name)
            return _user_info(user)

    def set_active(self, actor: str, name: str, active: bool) -> UserInfo:
        """A supervisor disables (or enables again) another person's account (audited)."""
        with self._tx() as session:
            boss = accounts.person(session, actor, accounts.SUPERVISORS)
            if name == actor:
                raise UsageError("a supervisor cannot disable their own account")
            user = accounts.find(session, name)
            if user is None or Role(user.role) is Role.SYSTEM:
                raise RecordNotFoundError(f"there is no account called {name!r}")
            if user.active != active:
                action = "user_enabled" if active else "user_disabled"
                audit.record(session, boss, action, detail=name)
                user.active = active
            return _user_info(user)

    # -- API tokens (see medreview.store.tokens) ---------------------------

    def create_token(self, user: str, *, by: str, label: str = "") -> IssuedToken:
        """Issue an API token for the existing ``user``; ``by`` must be a supervisor.

        The returned ``secret`` is shown once; only its hash is stored.
        """
        with self._tx() as session:
            return tokens.issue_token(
                session, accounts.person(session, user), accounts.person(session, by), label
            )

    def authenticate_token(self, token: str) -> UserInfo:
        """The user an active API token belongs to (AuthenticationError otherwise)."""
        with self._tx() as session:
            user = tokens.authenticate_token(session, token)
            return UserInfo(user.id, user.name, user.role)

    def revoke_tokens(self, user: str, *, by: str, token_id: int | None = None) -> int:
        """Revoke one (``token_id``) or every active token of ``user``; returns how many."""
        with self._tx() as session:
            return tokens.revoke_tokens(
                session, accounts.person(session, user), accounts.person(session, by), token_id
            )

    def tokens(self, user: str | None = None) -> list[TokenInfo]:
        """Every API token (or one user's), never the tokens themselves."""
        with self._tx() as session:
            owner = accounts.person(session, user) if user is not None else None
            return tokens.list_tokens(session, owner)

    def create_batch(self, name: str, *, auto_verify: float | None = None) -> BatchInfo:
        """The batch called ``name``, created if new; ``auto_verify`` updates its setting.

        ``auto_verify`` is the confidence at or above which a document whose required
        fields are all present and valid is verified without review.
        """
        if auto_verify is not None and not 0.0 <= auto_verify <= 1.0:
            raise UsageError("the auto-verify confidence must be between 0 and 1")
        with self._tx() as session:
            batch = _batch(session, name, create=True)
            if auto_verify is not None and batch.auto_verify_confidence != auto_verify:
                audit.record(
                    session,
                    _system(session),
                    "auto_verify_set",
                    batch_id=batch.id,
                    old_value=batch.auto_verify_confidence,
                    new_value=auto_verify,
                )
                batch.auto_verify_confidence = auto_verify
            return _batch_info(session, batch)

    def batches(self) -> list[BatchInfo]:
        """Every batch, newest first, with counts by status."""
        with self._tx() as session:
            rows = session.scalars(select(Batch).order_by(Batch.id.desc()))
            return [_batch_info(session, batch) for batch in rows]

    def batch(self, name: str) -> BatchInfo:
        """One batch by name."""
        with self._tx() as session:
            return _batch_info(session, _batch(session, name))

    def documents(
        self, batch: str, statuses: Iterable[Status] | None = None
    ) -> list[DocumentSummary]:
        """A batch's documents (optionally only some statuses), oldest first."""
        with self._tx() as session:
            batch_row = _batch(session, batch)
            stmt = select(Document).where(Document.batch_id == batch_row.id)
            if statuses is not None:
                stmt = stmt.where(Document.status.in_([s.value for s in statuses]))
            names = convert.user_names(session)
            return [
                DocumentSummary(
                    id=doc.id,
                    source_name=doc.source_name,
                    status=Status(doc.status),
                    document_type=doc.document_type,
                    claimed_by=names.get(doc.claimed_by_id) if doc.claimed_by_id else None,
                    verified_by=names.get(doc.verified_by_id) if doc.verified_by_id else None,
                    auto_verified=doc.auto_verified,
                    error_code=doc.error_code,
                    updated_at=doc.updated_at,
                )
                for doc in session.scalars(stmt.order_by(Document.id))
            ]

    # -- registering and processing ----------------------------------------

    def add_files(
        self,
        batch: str,
        paths: Sequence[Path],
        *,
        user: str | None = None,
        check: Callable[[Path], object] | None = None,
        refused: Callable[[Path, InputError], None] | None = None,
    ) -> list[DocumentRef]:
        """Copy files into the store and queue them in ``batch`` (created if new).

        A file whose content the batch already holds is not added again; its
        existing document is returned with ``created=False``. ``user`` (an
        existing user, e.g. an API upload's) is audited as who registered them;
        by default the system is. ``check`` (for
        example :func:`medreview.loading.check_input`) runs on each file before
        it is copied; a file it refuses, or that cannot be read, is never copied.
        With ``refused`` such a file is reported to it (and audited as
        ``file_refused``) and the other files go on; without, the error propagates.
        """
        stored: list[tuple[Path, files.StoredFile]] = []
        rejected: list[tuple[Path, InputError]] = []
        for path in paths:
            try:
                if check is not None:
                    check(path)
                stored.append((path, files.copy_in(self.files_root, path, self.seal)))
            except InputError as exc:
                if refused is None:
                    raise
                rejected.append((path, exc))
        refs: list[DocumentRef] = []
        with self._tx() as session:
            batch_row = _batch(session, batch, create=True)
            system = accounts.person(session, user) if user is not None else _system(session)
            for path, copy in stored:
                refs.append(_register(session, batch_row, system, path, copy))
            for path, error in rejected:
                audit.record(
                    session,
                    system,
                    "file_refused",
                    batch_id=batch_row.id,
                    detail=f"{display_name(path)}: {error.code}",
                )
        for path, error in rejected:
            if refused is not None:
                refused(path, error)
        return refs

    def scan_path(self, sha256: str) -> Path:
        """The stored copy of the scan with this SHA-256 (RecordNotFoundError if none)."""
        with self._tx() as session:
            doc = session.scalars(select(Document).where(Document.source_hash == sha256)).first()
            if doc is None:
                raise RecordNotFoundError("there is no scan with that hash")
            return files.resolve(self.files_root, doc.stored_path)

    def page_dir(self, doc_id: int) -> Path:
        """Where the pipeline should write a document's page images (made private, 0700)."""
        folder = files.page_dir(self.files_root, doc_id)
        db.private_dir(folder)
        return folder

    def claim_for_processing(
        self, batch: str, owner: str, *, limit: int, lease_seconds: float
    ) -> list[tuple[int, Path]]:
        """Claim queued documents for an ingest process: ``(doc_id, stored source path)``."""
        with self._tx() as session:
            batch_row = _batch(session, batch)
            system = _system(session)
            docs = queue.claim_for_processing(
                session,
                system,
                owner,
                batch_id=batch_row.id,
                limit=limit,
                lease_seconds=lease_seconds,
            )
            return [(doc.id, files.resolve(self.files_root, doc.stored_path)) for doc in docs]

    def renew_processing(self, owner: str, doc_ids: list[int], lease_seconds: float) -> None:
        """Extend an ingest process's leases on the documents it is still working on."""
        with self._tx() as session:
            queue.renew(session, owner, doc_ids, lease_seconds)

    def store_result(
        self,
        doc_id: int,
        result: ExtractionResult,
        image_paths: Sequence[Path] = (),
        *,
        owner: str | None = None,
    ) -> Status:
        """Save the pipeline's result and make the document ``ready`` (or ``failed``).

        With ``owner`` the result is only accepted while that ingest process still
        holds the document (ClaimLostError otherwise), so a late result never
        overwrites one stored by whoever took the document over. When the batch
        has auto-verify set and every required field passes, the document goes on
        to ``verified`` in the same transaction. Returns the new status.
        """
        folder = files.page_dir(self.files_root, doc_id)
        for image in [*image_paths, *(folder.glob("*") if folder.is_dir() else [])]:
            db.private_file(image)  # page and prepared images: 0600, whoever wrote them
        with self._tx() as session:
            doc = _document(session, doc_id, lock=True)
            system = _system(session)
            _take_for_processing(session, doc, system, owner)
            if result.error is not None:
                _fail(session, doc, system, result.error)
                return Status.FAILED
            convert.write_result(session, doc, result, image_paths, self.files_root)
            transition(session, doc, Status.READY, system)
            threshold = session.get_one(Batch, doc.batch_id).auto_verify_confidence
            if threshold is not None:
                failures = auto_verify_failures(result, threshold)
                if not failures:
                    transition(session, doc, Status.VERIFIED, system)
                else:
                    audit.record(
                        session,
                        system,
                        "auto_verify_skipped",
                        document=doc,
                        detail="; ".join(failures),
                    )
            return Status(doc.status)

    def mark_failed(self, doc_id: int, error: ErrorInfo, *, owner: str | None = None) -> None:
        """Record that the document could not be processed, with a PHI-free error."""
        with self._tx() as session:
            doc = _document(session, doc_id, lock=True)
            system = _system(session)
            _take_for_processing(session, doc, system, owner)
            _fail(session, doc, system, error)

    def requeue_processing(self, doc_id: int, owner: str, reason: str) -> None:
        """An ingest process gives a document it holds back to the queue (PHI-free reason)."""
        with self._tx() as session:
            doc = _document(session, doc_id, lock=True)
            system = _system(session)
            _take_for_processing(session, doc, system, owner)
            transition(
                session, doc, Status.QUEUED, system, action="processing_abandoned", detail=reason
            )

    def requeue_failed(self, batch: str, user: str) -> int:
        """Send a batch's failed documents back to the ingest queue (supervisors)."""
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            batch_row = _batch(session, batch)
            stmt = select(Document).where(
                Document.batch_id == batch_row.id, Document.status == Status.FAILED.value
            )
            docs = list(session.scalars(stmt))
            for doc in docs:
                transition(session, doc, Status.QUEUED, actor)
            return len(docs)

    # -- review ------------------------------------------------------------

    def claim_next(
        self,
        user: str,
        batch: str | None = None,
        lease_seconds: float = queue.DEFAULT_REVIEW_LEASE_SECONDS,
    ) -> DocumentRecord | None:
        """Claim the next ``ready`` document for ``user`` (their own open claim first).

        Two analysts never get the same document; a claim not renewed (by
        :meth:`save_edit` or :meth:`renew`) within ``lease_seconds`` returns to the
        queue. None when nothing is waiting.
        """
        with self._tx() as session:
            actor = accounts.person(session, user)
            system = _system(session)
            batch_id = _batch(session, batch).id if batch is not None else None
            doc = queue.claim_next(
                session, actor, system, batch_id=batch_id, lease_seconds=lease_seconds
            )
            if doc is None:
                return None
            session.flush()
            return convert.read_record(session, doc, self.files_root, self.seal)

    def renew(
        self, doc_id: int, user: str, lease_seconds: float = queue.DEFAULT_REVIEW_LEASE_SECONDS
    ) -> None:
        """Keep ``user``'s claim alive while they work (ClaimLostError if it is gone)."""
        with self._tx() as session:
            doc = _claimed(session, doc_id, accounts.person(session, user))
            doc.lease_expires_at = utcnow() + _seconds(lease_seconds)

    def load_document(self, doc_id: int) -> DocumentRecord:
        """A document with its result, page images, edits and status."""
        with self._tx() as session:
            return convert.read_record(
                session, _document(session, doc_id), self.files_root, self.seal
            )

    def save_edit(
        self,
        doc_id: int,
        user: str,
        field: str,
        value: FieldData,
        lease_seconds: float = queue.DEFAULT_REVIEW_LEASE_SECONDS,
    ) -> None:
        """Write the analyst's final value for a field and audit it; renews the claim.

        The caller debounces (about a second) so a crash loses at most the last
        second of typing. Saving the value already stored does nothing.
        """
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            known = {spec.name for spec in fields_of(doc.document_type)}
            if known and field not in known:
                raise UsageError(f"{doc.document_type} documents have no field {field!r}")
            if field in review.blind_fields(session, doc):
                raise UsageError(f"{field} is keyed blind: its value is given with the submit")
            doc.lease_expires_at = utcnow() + _seconds(lease_seconds)
            final = session.scalars(
                select(FinalValue).where(FinalValue.document_id == doc_id, FinalValue.name == field)
            ).first()
            if final is not None:
                old: FieldData = final.value
            else:
                extracted = session.scalars(
                    select(ExtractedField).where(
                        ExtractedField.document_id == doc_id, ExtractedField.name == field
                    )
                ).first()
                old = extracted.value if extracted is not None else None
            if final is not None and final.value == value:
                return
            if final is None:
                final = FinalValue(document_id=doc_id, name=field, user_id=actor.id)
                session.add(final)
            final.value = value
            final.user_id = actor.id
            final.updated_at = utcnow()
            doc.updated_at = final.updated_at
            audit.record(
                session, actor, "edited", document=doc, field=field, old_value=old, new_value=value
            )

    def set_document_type(self, doc_id: int, user: str, document_type: str) -> None:
        """Correct the detected document type of a claimed document."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            if not fields_of(document_type):
                raise UsageError(f"unknown document type {document_type!r}")
            if doc.document_type != document_type:
                audit.record(
                    session,
                    actor,
                    "type_changed",
                    document=doc,
                    old_value=doc.document_type,
                    new_value=document_type,
                )
                doc.document_type = document_type

    def submit(
        self,
        doc_id: int,
        user: str,
        blind_values: dict[str, FieldData] | None = None,
        *,
        teach: bool = True,
    ) -> Status:
        """The analyst has checked every field: ``in_review -> verified``; the new status.

        A document whose type is unknown has no fields to verify and is refused.
        In a double-keyed batch ``blind_values`` are the analyst's values of the
        blind fields: the first keying returns the document to ``ready`` for a
        second analyst; two equal keyings verify it; differing ones leave it
        ``ready`` with a keying conflict for a supervisor, whose submit decides.

        The verified document teaches its layout (learned, or refined when the
        document matched one) in the same transaction; a document that cannot teach is
        verified all the same. ``teach=False`` leaves that to :meth:`teach_layout`, for a
        caller that would rather not wait for it (learning takes 0.1-0.3 s).
        """
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            if not fields_of(doc.document_type):
                raise UsageError(
                    f"document {doc_id} has no known type; choose its type before verifying it"
                )
            blind = review.blind_fields(session, doc)
            if blind and not review.settle_keying(session, doc, actor, blind, blind_values or {}):
                return Status(doc.status)
            transition(session, doc, Status.VERIFIED, actor)
            doc.postponed_at = None
            if teach:
                self._teach(session, doc, actor)
            return Status.VERIFIED

    def teach_layout(self, doc_id: int, user: str) -> str | None:
        """Learn or refine a layout from a verified document; the layout's name, or ``None``."""
        with self._tx() as session:
            doc = _document(session, doc_id)
            if doc.status not in (Status.VERIFIED.value, Status.EXPORTED.value):
                raise InvalidTransitionError(f"document {doc_id} is {doc.status}, not verified")
            return self._teach(session, doc, accounts.person(session, user))

    def _teach(self, session: Session, doc: Document, actor: User) -> str | None:
        try:
            with session.begin_nested():
                return store_layouts.teach_from(session, doc, actor, self._layouts)
        except Exception as exc:  # learning must never undo a verification
            log.error("document %d taught no layout: unexpected %s", doc.id, type(exc).__name__)
            return None

    # -- layouts -------------------------------------------------------------

    def layouts(self) -> list[LayoutInfo]:
        """Every stored layout (with its TOML text), oldest first."""
        with self._tx() as session:
            return store_layouts.all_infos(session)

    def layout(self, name: str) -> LayoutInfo:
        """One stored layout by name."""
        with self._tx() as session:
            row = store_layouts.find(session, name)
            if row is None:
                raise RecordNotFoundError(f"there is no layout called {name!r}")
            return store_layouts.info(session, row)

    def layout_set(self) -> LayoutSet:
        """The stored layouts, parsed, for the pipeline (cached until a layout changes)."""
        with self._tx() as session:
            return LayoutSet.of(self._layouts.layouts(session))

    def save_layout(
        self, layout: Layout, user: str, *, source_name: str | None = None
    ) -> tuple[LayoutInfo, bool]:
        """Store a layout (replacing one of the same name); returns it and whether it is new."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            row, created = store_layouts.save(session, layout, actor, source_name=source_name)
            action = "layout_learned" if created else "layout_refined"
            audit.record(session, actor, action, detail=layout.name)
            return store_layouts.info(session, row), created

    def remove_layout(self, name: str, user: str) -> None:
        """A supervisor removes a layout: documents it matched go to the generic reader."""
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            row = store_layouts.find(session, name)
            if row is None:
                raise RecordNotFoundError(f"there is no layout called {name!r}")
            session.delete(row)
            audit.record(session, actor, "layout_removed", detail=name)

    def page_words(self, doc_id: int) -> list[OcrPage]:
        """The OCR words stored for each page of a document (to learn its layout)."""
        with self._tx() as session:
            return store_layouts.page_words(session, _document(session, doc_id))

    def set_double_keying(self, batch: str, fields: Sequence[str] | None, user: str) -> None:
        """Key ``fields`` of ``batch``'s documents blind, twice (None: off); supervisors only."""
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            known = {s.name for t in DocumentType for s in fields_of(t.value)}
            unknown = [f for f in fields or () if f not in known]
            if unknown:
                raise UsageError(f"there is no field {unknown[0]!r}")
            row = _batch(session, batch)
            new = sorted(set(fields)) if fields else None
            if row.double_key_fields != new:
                audit.record(
                    session,
                    actor,
                    "double_keying_set",
                    batch_id=row.id,
                    old_value=row.double_key_fields,
                    new_value=new,
                )
                row.double_key_fields = new

    # -- the review station (see medreview.store.review) ---------------------

    def claim(
        self, doc_id: int, user: str, lease_seconds: float = queue.DEFAULT_REVIEW_LEASE_SECONDS
    ) -> DocumentRecord:
        """Claim one chosen document: a ready one, or one ``user`` verified (to correct it).

        InvalidTransitionError when someone else holds it, it is exported, or it
        was verified by another analyst.
        """
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _document(session, doc_id, lock=True)
            review.take(session, doc, actor, utcnow() + _seconds(lease_seconds))
            session.flush()
            return convert.read_record(session, doc, self.files_root, self.seal)

    def confirm_fields(self, doc_id: int, user: str, names: Sequence[str]) -> list[str]:
        """The analyst checked these fields as read; returns those newly confirmed."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            known = {spec.name for spec in fields_of(doc.document_type)}
            unknown = [n for n in names if n not in known]
            if unknown:
                raise UsageError(f"{doc.document_type} documents have no field {unknown[0]!r}")
            return review.confirm(session, doc, actor, names)

    def postpone(self, doc_id: int, user: str) -> None:
        """Put a claimed document aside: it is handed out again after the other ready ones."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            review.postpone(session, _claimed(session, doc_id, actor), actor)

    def log_review(
        self, doc_id: int, user: str, started_at: datetime, keystrokes: int, outcome: str
    ) -> None:
        """Record one review session (time and keystrokes) for the analyst statistics."""
        with self._tx() as session:
            review.log_session(
                session,
                _document(session, doc_id),
                accounts.person(session, user),
                started_at,
                keystrokes,
                outcome,
            )

    def review_sessions(
        self, *, user: str | None = None, batch: str | None = None
    ) -> list[ReviewSessionInfo]:
        """Stored review sessions (time and keystrokes per document), oldest first."""
        with self._tx() as session:
            user_id = accounts.person(session, user).id if user is not None else None
            batch_id = _batch(session, batch).id if batch is not None else None
            return analyst_stats.sessions(session, user_id=user_id, batch_id=batch_id)

    def analyst_stats(self, batch: str | None = None) -> list[AnalystDay]:
        """Per analyst and day: documents per hour, keystrokes per document, error rate."""
        with self._tx() as session:
            batch_id = _batch(session, batch).id if batch is not None else None
            return analyst_stats.analyst_days(session, batch_id=batch_id)

    def replace_result(
        self,
        doc_id: int,
        user: str,
        result: ExtractionResult,
        image_paths: Sequence[Path] = (),
    ) -> DocumentRecord:
        """Replace a claimed document's fields with a new reading (after a type change).

        The analyst's values and confirmations belonged to the old reading and are
        dropped; the change is audited.
        """
        if result.error is not None or not fields_of(result.document_type):
            raise UsageError(f"document {doc_id} could not be read again as a known type")
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            old_type = doc.document_type
            review.clear_checks(session, doc)
            convert.write_result(session, doc, result, image_paths, self.files_root)
            audit.record(
                session,
                actor,
                "read_again",
                document=doc,
                old_value=old_type,
                new_value=result.document_type,
            )
            session.flush()
            return convert.read_record(session, doc, self.files_root, self.seal)

    def retry_failed(self, doc_id: int, user: str) -> None:
        """Send one failed scan back to be read again."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            transition(session, _document(session, doc_id, lock=True), Status.QUEUED, actor)

    def remove_failed(self, doc_id: int, user: str) -> None:
        """Take a failed scan out of its batch (kept, with its audit trail, as ``removed``)."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            transition(session, _document(session, doc_id, lock=True), Status.REMOVED, actor)

    def reject(self, doc_id: int, user: str, reason: str) -> None:
        """The document cannot be verified (illegible, wrong type...): ``-> rejected``."""
        if not reason.strip():
            raise UsageError("a rejection needs a reason")
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _claimed(session, doc_id, actor)
            transition(session, doc, Status.REJECTED, actor, detail=reason.strip())
            doc.reject_reason = reason.strip()

    def release(self, doc_id: int, user: str) -> None:
        """Give a claimed document back to the queue (its edits are kept)."""
        with self._tx() as session:
            actor = accounts.person(session, user)
            doc = _document(session, doc_id, lock=True)
            if Role(actor.role) is not Role.SUPERVISOR:
                doc = _claimed(session, doc_id, actor)
            transition(session, doc, Status.READY, actor)

    def reopen(self, doc_id: int, user: str) -> None:
        """A supervisor sends a rejected or verified document back to review."""
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            doc = _document(session, doc_id, lock=True)
            transition(session, doc, Status.READY, actor)

    def send_back_sample(
        self, batch: str, user: str, count: int, *, seed: int | None = None
    ) -> list[int]:
        """A supervisor sends ``count`` random auto-verified documents back to review."""
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            batch_row = _batch(session, batch)
            stmt = select(Document).where(
                Document.batch_id == batch_row.id,
                Document.status == Status.VERIFIED.value,
                Document.auto_verified.is_(True),
            )
            candidates = list(session.scalars(stmt.order_by(Document.id)))
            chosen = random.Random(seed).sample(candidates, min(count, len(candidates)))
            for doc in chosen:
                transition(session, doc, Status.READY, actor, detail="auto-verify sample")
            return sorted(doc.id for doc in chosen)

    def audit_for(self, doc_id: int) -> list[AuditRecord]:
        """A document's audit trail, oldest first."""
        with self._tx() as session:
            _document(session, doc_id)
            return audit.entries_for(session, doc_id)

    # -- supervisors ---------------------------------------------------------

    def batch_stats(self, batch: str | None = None) -> list[BatchStats]:
        """Statistics of one batch, or of every batch."""
        from medreview.store.stats import compute_stats

        with self._tx() as session:
            rows = (
                [_batch(session, batch)]
                if batch is not None
                else list(session.scalars(select(Batch).order_by(Batch.id)))
            )
            return [compute_stats(session, row) for row in rows]

    def verified_documents(self, batch: str, *, new_only: bool = False) -> list[DocumentRecord]:
        """A batch's verified (and, unless ``new_only``, already exported) documents.

        These are what an export writes, so they are checked first: the audit
        chain and its triggers, each document against its trail, and each stored
        scan against its hash. Anything that does not verify refuses the export
        with :class:`~medreview.errors.TamperedError` naming what failed.
        """
        statuses = [Status.VERIFIED.value] if new_only else [s.value for s in REVIEWABLE]
        with self._tx() as session:
            batch_row = _batch(session, batch)
            stmt = select(Document).where(
                Document.batch_id == batch_row.id, Document.status.in_(statuses)
            )
            docs = list(session.scalars(stmt))
            report = integrity.IntegrityReport()
            integrity.verify_triggers(session, report)
            integrity.verify_chain(session, report)
            integrity.verify_documents(
                session, self.files_root, self.seal, report, [d.id for d in docs]
            )
            if not report.ok:
                shown = "; ".join(p.message for p in report.problems[:5])
                more = len(report.problems) - 5
                raise TamperedError(
                    f"export refused, the store does not verify: {shown}"
                    + (f" (and {more} more)" if more > 0 else "")
                    + "; run `medreview audit verify`"
                )
            return [convert.read_record(session, doc, self.files_root, self.seal) for doc in docs]

    def verify_integrity(
        self, *, doc_ids: Sequence[int] | None = None, scans: bool = True
    ) -> integrity.IntegrityReport:
        """Check the audit chain, its triggers and the documents (all, or ``doc_ids``)."""
        with self._tx() as session:
            report = integrity.IntegrityReport()
            integrity.verify_triggers(session, report)
            integrity.verify_chain(session, report)
            integrity.verify_documents(
                session, self.files_root, self.seal, report, doc_ids, scans=scans
            )
            return report

    def mark_exported(self, doc_ids: Sequence[int], user: str, *, detail: str) -> int:
        """Mark documents exported (re-exports are audited as such); returns re-exports."""
        reexported = 0
        with self._tx() as session:
            actor = accounts.person(session, user, accounts.SUPERVISORS)
            for doc_id in doc_ids:
                doc = _document(session, doc_id, lock=True)
                if doc.status == Status.EXPORTED.value:
                    reexported += 1
                transition(session, doc, Status.EXPORTED, actor, detail=detail)
        return reexported

    def export(
        self,
        batch: str,
        fmt: str,
        out: Path,
        progress: Progress | None = None,
        *,
        user: str,
        new_only: bool = False,
        options: ExportOptions | None = None,
    ) -> ExportReport:
        """Write a batch's verified documents in a format of ``medreview.export.FORMATS``.

        ``user`` must be a supervisor's account (the system user may not export);
        anyone else is refused before anything is written.
        """
        from medreview.export import export_batch

        with self._tx() as session:  # before a single value is written
            accounts.person(session, user, accounts.SUPERVISORS)
        return export_batch(
            self,
            batch,
            fmt,
            out,
            progress=progress,
            user=user,
            new_only=new_only,
            options=options,
        )


# -- helpers (all run inside the caller's transaction) -------------------------


def _seconds(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)


def _system(session: Session) -> User:
    """The store's own actor (ingest, auto-verify), created on first use."""
    user = accounts.find(session, SYSTEM_USER)
    if user is not None:
        return user
    try:
        with session.begin_nested():
            user = User(name=SYSTEM_USER, role=Role.SYSTEM.value, created_at=utcnow())
            session.add(user)
    except IntegrityError:
        user = session.scalars(select(User).where(User.name == SYSTEM_USER)).one()
    return user


def _account(session: Session, name: str, role: Role, password_hash: str) -> User:
    """A new person's account (UsageError when the name is taken)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise UsageError("a user name needs 1 to 100 characters")
    if accounts.find(session, name) is not None:
        raise UsageError(f"there is already an account called {name!r}")
    user = User(
        name=name, role=role.value, created_at=utcnow(), password_hash=password_hash, active=True
    )
    session.add(user)
    session.flush()
    return user


def _user_info(user: User) -> UserInfo:
    return UserInfo(user.id, user.name, user.role)


def _batch(session: Session, name: str, *, create: bool = False) -> Batch:
    batch = session.scalars(select(Batch).where(Batch.name == name)).first()
    if batch is not None:
        return batch
    if not create:
        raise RecordNotFoundError(f"there is no batch called {name!r}")
    try:
        with session.begin_nested():
            batch = Batch(name=name, created_at=utcnow())
            session.add(batch)
    except IntegrityError:
        batch = session.scalars(select(Batch).where(Batch.name == name)).one()
    return batch


def _batch_info(session: Session, batch: Batch) -> BatchInfo:
    rows = session.execute(
        select(Document.status, func.count())
        .where(Document.batch_id == batch.id)
        .group_by(Document.status)
    )
    counts = dict.fromkeys(Status, 0)
    for status, count in rows:
        counts[Status(status)] = count
    return BatchInfo(
        batch.id,
        batch.name,
        batch.created_at,
        batch.auto_verify_confidence,
        counts,
        tuple(batch.double_key_fields or ()),
    )


def _document(session: Session, doc_id: int, *, lock: bool = False) -> Document:
    stmt = select(Document).where(Document.id == doc_id)
    if lock and session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    doc = session.scalars(stmt).first()
    if doc is None:
        raise RecordNotFoundError(f"there is no document {doc_id}")
    return doc


def _claimed(session: Session, doc_id: int, user: User) -> Document:
    doc = _document(session, doc_id, lock=True)
    if doc.status != Status.IN_REVIEW.value or doc.claimed_by_id != user.id:
        raise ClaimLostError(
            f"document {doc_id} is no longer claimed by {user.name}; claim it again"
        )
    return doc


def _take_for_processing(session: Session, doc: Document, system: User, owner: str | None) -> None:
    if owner is not None:
        if doc.status != Status.PROCESSING.value or doc.claim_owner != owner:
            raise ClaimLostError(f"document {doc.id} was taken over by another ingest process")
        return
    if doc.status == Status.QUEUED.value:
        transition(session, doc, Status.PROCESSING, system)
    elif doc.status != Status.PROCESSING.value:
        raise InvalidTransitionError(f"document {doc.id} is {doc.status}, not being processed")


def _fail(session: Session, doc: Document, system: User, error: ErrorInfo) -> None:
    transition(session, doc, Status.FAILED, system, detail=error.code)
    doc.error_code = error.code
    doc.error_message = error.message


def _register(
    session: Session, batch: Batch, system: User, path: Path, copy: files.StoredFile
) -> DocumentRef:
    def existing() -> Document | None:
        return session.scalars(
            select(Document).where(
                Document.batch_id == batch.id, Document.source_hash == copy.sha256
            )
        ).first()

    found = existing()
    if found is None:
        try:
            with session.begin_nested():
                now = utcnow()
                doc = Document(
                    batch_id=batch.id,
                    source_name=display_name(path),
                    source_hash=copy.sha256,
                    stored_path=copy.relative_path,
                    size_bytes=copy.size_bytes,
                    status=Status.QUEUED.value,
                    warnings=[],
                    auto_verified=False,
                    created_at=now,
                    updated_at=now,
                )
                session.add(doc)
                session.flush()
                audit.record(
                    session,
                    system,
                    "registered",
                    document=doc,
                    new_value=Status.QUEUED.value,
                    detail=integrity.registration_detail(copy.sha256),
                )
            return DocumentRef(
                doc.id, batch.name, doc.source_name, copy.sha256, Status.QUEUED, True
            )
        except IntegrityError:
            found = existing()
            if found is None:
                raise
    return DocumentRef(
        found.id, batch.name, found.source_name, copy.sha256, Status(found.status), False
    )
