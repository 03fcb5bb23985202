"""Wires the review window to the store and the pipeline.

The GUI thread does the short database transactions (claim, save, submit: a few
milliseconds on SQLite); region re-reads and page-image loading run in the
worker pool, and OCR too, each pool job handing its document to a spawned OCR
process (the pipeline's Python stages would otherwise hold the GIL and stall
the window). The next document is read ahead so "submit and next" shows it at
once. Every failure ends as a message on the document or in the window, never
as a frozen or crashed window.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from medreview.config import PipelineConfig
from medreview.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    MedreviewError,
)
from medreview.filenames import display_name
from medreview.ingest import WorkDone, WorkItem, pipeline_extract, run_item
from medreview.loading import check_input
from medreview.model import BBox, ErrorInfo, ExtractionResult, FieldData, Word
from medreview.pipeline import init_worker_process
from medreview.store import DocumentRecord, DocumentRef, DocumentSummary, Role, Status, Store
from medreview.store.schema import utcnow
from ui.evidence import PageFiles, PreparedDocument, prepare_document
from ui.main_window import MainWindow
from ui.queue_model import QueueItem
from ui.workers import CancelToken, SignalProgress, WorkerError, WorkerPool

log = logging.getLogger(__name__)

T = TypeVar("T")

OCR_LEASE_SECONDS = 600.0
LEASE_RENEW_MS = 120_000
OCR_NICENESS = 10
# How long closing waits for each ended OCR process to exit.
CHILD_EXIT_SECONDS = 2.0
DEFAULT_BATCH = "inbox"
# How often the queue is read again from the store (other analysts, expired claims).
QUEUE_REFRESH_MS = 3000


class ExtractFunction(Protocol):
    """What the window needs of the pipeline (``medreview.pipeline.extract_file``)."""

    def __call__(
        self, path: Path, config: PipelineConfig, *, image_dir: Path | None = None
    ) -> ExtractionResult:
        """Read one file; a bad file gives a result with ``error``."""
        ...


RegionReader = Callable[[Path, BBox, PipelineConfig, int], list[Word]]


def pipeline_read_region(
    image_path: Path, bbox: BBox, config: PipelineConfig, page: int
) -> list[Word]:
    """The real region re-read (imported lazily: the pipeline loads OCR libraries)."""
    from medreview.pipeline import read_region

    return read_region(image_path, bbox, config, page_index=page)


def _differs(shown: FieldData, stored: FieldData) -> bool:
    """True when the form's value is a real change (blank, None and [] are all "empty")."""
    empty: tuple[FieldData, ...] = (None, "", [])
    if shown in empty and stored in empty:
        return False
    return shown != stored


def words_to_text(words: list[Word]) -> str:
    """Words in reading order, lines joined by spaces."""
    ordered = sorted(words, key=lambda w: (w.line, round(w.bbox.center_y / 20), w.bbox.x0))
    return " ".join(w.text for w in ordered)


@dataclass(slots=True)
class _Open:
    """The document on screen and its unsaved edits."""

    record: DocumentRecord
    pending: dict[str, FieldData]
    started: datetime = field(default_factory=utcnow)


def _files_of(record: DocumentRecord) -> list[PageFiles]:
    prepared: list[Path | None] = [*record.prepared_paths, *([None] * len(record.image_paths))]
    files = []
    for index, path in enumerate(record.image_paths):
        view = prepared[index]
        shown = view if view is not None and view.exists() else None
        files.append(PageFiles(path, shown, record.seal))
    return files


def _prepare(record: DocumentRecord) -> PreparedDocument:
    return prepare_document(
        record.id,
        record.source_name,
        record.result,
        _files_of(record),
        record.edits,
        record.checked,
        record.blind_fields,
        record.keyings,
    )


class ReviewController(QObject):
    """The analyst's session: queue, current document, background OCR."""

    documentShown = Signal(int)
    queueEmpty = Signal()
    ocrFinished = Signal(int, str)
    regionRead = Signal(int, str, str)
    failed = Signal(str)
    unsavedChanged = Signal(int)
    imported = Signal(int)

    def __init__(
        self,
        window: MainWindow,
        store: Store,
        *,
        user: str,
        batch: str | None = None,
        config: PipelineConfig | None = None,
        extract: ExtractFunction = pipeline_extract,
        read_region: RegionReader = pipeline_read_region,
        pool: WorkerPool | None = None,
        ocr_slots: int = 1,
        ocr_in_processes: bool = True,
        save_delay_ms: int = 800,
        refresh_ms: int = QUEUE_REFRESH_MS,
        retry_ms: int = 3000,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.user = user
        # re-reads and background OCR seal page images with the store's key
        self.config = replace(config or PipelineConfig(), seal=store.seal)
        self.pool = pool or WorkerPool(max(2, ocr_slots + 1), self)
        self._extract = extract
        self._read_region = read_region
        self._ocr_slots = max(1, ocr_slots)
        self._use_processes = ocr_in_processes
        self._executor: ProcessPoolExecutor | None = None
        # host:pid first, as ingest's owners: a killed window's OCR claims are taken
        # back at once by the next ingest or window on this host
        self._owner = f"{socket.gethostname()}:{os.getpid()}:gui"
        self._ocr_in_flight: dict[int, None] = {}
        self._ocr_slots_busy = 0
        self._pump_wanted = False
        self._ocr_done = 0
        self._open: _Open | None = None
        self._ahead: PreparedDocument | None = None
        self._ahead_loading: int | None = None
        self._loading: int | None = None
        self._stopped = False
        self.role = Role(self.store.user(user).role)  # an active account, signed in by the caller
        self.batch = batch or self._default_batch()
        self.store.create_batch(self.batch)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(save_delay_ms)
        self._save_timer.timeout.connect(self.flush_edits)
        self._unsaved = 0
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(retry_ms)
        self._retry_timer.timeout.connect(self.flush_edits)
        # Claims expire when not renewed: keep the open document's and the OCR leases alive.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)
        self._lease_timer.timeout.connect(self._renew_leases)
        self._lease_timer.start()
        # The queue lives: statuses come from the store, and an idle window opens
        # documents that became ready (other analysts' claims that expired).
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(refresh_ms)
        self._refresh_timer.timeout.connect(self._on_refresh_timer)
        self._reviewing = True
        self._refreshing = False
        w = window
        w.set_user(user)
        w.set_batch(self.batch)
        w.set_can_export(self.role is Role.SUPERVISOR)
        w.submitRequested.connect(self._on_submit_requested)
        w.rejectRequested.connect(self._on_reject_requested)
        w.fieldEdited.connect(self._on_field_edited)
        w.regionRequested.connect(self._on_region_requested)
        w.importRequested.connect(self._on_import_requested)
        w.documentActivated.connect(self._on_document_activated)
        w.closing.connect(self.shutdown)
        w.fieldsConfirmed.connect(self._on_fields_confirmed)
        w.postponeRequested.connect(self._on_postpone_requested)
        w.typeChangeRequested.connect(self._on_type_change_requested)
        w.retryRequested.connect(self._on_retry_requested)
        w.removeRequested.connect(self._on_remove_requested)
        w.batchChosen.connect(self.switch_batch)

    def _default_batch(self) -> str:
        batches = self.store.batches()
        return batches[-1].name if batches else DEFAULT_BATCH

    # ----- session -------------------------------------------------------------------------

    def start(self, *, review: bool = True) -> None:
        """Show the queue, start reading queued scans, open the first document.

        With ``review=False`` (the supervisor view) nothing is claimed until
        :meth:`resume_review`.
        """
        self._reviewing = review
        self.refresh_queue()
        self._refresh_timer.start()
        self.pump_ocr()
        if review:
            self.open_next()

    def resume_review(self) -> None:
        """The analyst turned to the review view: open a document if none is."""
        self._reviewing = True
        if self._open is None and self._loading is None:
            self.open_next()

    def pause_review(self) -> None:
        """The user turned to the supervisor view: open no further document until back."""
        self._reviewing = False

    def shutdown(self) -> None:
        """Save edits, give the open document back, stop background work (within a second).

        OCR processes still reading are ended and their scans queued again.
        """
        if self._stopped:
            return
        self._stopped = True
        self._lease_timer.stop()
        self._refresh_timer.stop()
        self.flush_edits()
        if self._open is not None:
            self._leave("released")
            doc_id = self._open.record.id
            self._ok(lambda: self.store.release(doc_id, self.user))
            self._open = None
        self.pool.cancel_all()
        executor, self._executor = self._executor, None
        children = multiprocessing.active_children() if executor is not None else []
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
            for child in children:
                child.terminate()  # our own OCR processes: a page may take seconds
        self.pool.wait_done(10_000)
        if executor is not None:
            executor.shutdown(wait=True)
        for child in children:
            child.join(CHILD_EXIT_SECONDS)  # ended, not left as zombies behind the window
        for doc_id in list(self._ocr_in_flight):
            self._ok(partial(self.store.requeue_processing, doc_id, self._owner, "window closed"))
        self._ocr_in_flight.clear()

    def release_open(self) -> None:
        """Automatic logoff: save edits and give the open document back to the queue.

        The document stays claimed while an edit is still waiting to be saved.
        """
        if not self.flush_edits() or self._open is None:
            return
        doc_id = self._open.record.id
        if self._ok(lambda: self.store.release(doc_id, self.user)):
            self._open = None
            self.window.clear_document("Signed off: the document went back to the queue.")

    def resume(self) -> None:
        """After signing in again: open the next document if none is open."""
        if self._open is None:
            self.open_next()

    def refresh_queue(self) -> None:
        """Reload the batch's document list and progress (rows updated in place)."""
        docs = self._guard(lambda: self.store.documents(self.batch))
        if docs is not None:
            self._show_queue(self.batch, docs, self._batch_names())

    def _show_queue(self, batch: str, docs: list[DocumentSummary], batches: list[str]) -> None:
        if batch != self.batch or self._stopped:
            return  # the analyst switched batch meanwhile
        items = []
        for doc in docs:
            if doc.status is Status.REMOVED:
                continue
            detail = doc.error_code or "" if doc.status is Status.FAILED else ""
            if doc.status is Status.IN_REVIEW and doc.claimed_by and doc.claimed_by != self.user:
                detail = f"being reviewed by {doc.claimed_by}"
            elif doc.status is Status.VERIFIED and doc.verified_by:
                detail = f"verified by {doc.verified_by}"
            items.append(
                QueueItem(doc.id, doc.source_name, str(doc.status), doc.document_type, detail)
            )
        self.window.queue.update_items(items)
        self.window.set_batches(batches, self.batch)
        if self._open is not None:
            self.window.select_queue_row(self._open.record.id)
        self._update_progress()

    def _on_refresh_timer(self) -> None:
        """Read the queue in the pool (a large batch takes a while), then show it."""
        if self._stopped or self._refreshing:
            return
        self._refreshing = True
        store, batch = self.store, self.batch

        def job(
            token: CancelToken, progress: SignalProgress
        ) -> tuple[list[DocumentSummary], list[str]]:
            return store.documents(batch), sorted(b.name for b in store.batches())

        self.pool.start(
            job,
            name="queue refresh",
            on_result=lambda found: self._on_queue_read(batch, *found),
            on_finished=self._on_refresh_finished,
        )

    def _on_queue_read(self, batch: str, docs: list[DocumentSummary], batches: list[str]) -> None:
        self._show_queue(batch, docs, batches)
        if self._stopped:
            return
        if self.window.queue.counts().get("queued", 0):
            self.pump_ocr()  # scans queued again (retried, or left by a closed window)
        if self._reviewing and self._open is None and self._loading is None:
            self.open_next(quiet=True)

    def _on_refresh_finished(self) -> None:
        self._refreshing = False

    def switch_batch(self, name: str) -> None:
        """Work on another batch: the open document is given back first."""
        if name == self.batch or self._stopped:
            return
        self._put_back()
        self.batch = name
        self._ahead = None
        self.window.set_batch(name)
        self.refresh_queue()
        self.pump_ocr()
        if self._reviewing:
            self.open_next()

    def _put_back(self) -> None:
        """Save and release the open document (switching batch or document)."""
        current = self._open
        if current is None:
            return
        self.flush_edits()
        self._leave("released")
        doc_id = current.record.id
        self._ok(lambda: self.store.release(doc_id, self.user))
        self._open = None
        self.window.queue.set_status(doc_id, "ready")
        self.window.clear_document()

    def _leave(self, outcome: str) -> None:
        """Record the open document's review session (time and keystrokes)."""
        current = self._open
        if current is None:
            return
        keys = self.window.keystrokes.reset()
        doc_id, started = current.record.id, current.started
        self._ok(lambda: self.store.log_review(doc_id, self.user, started, keys, outcome))

    def _batch_names(self) -> list[str]:
        batches = self._guard(self.store.batches) or []
        return sorted(b.name for b in batches)

    def _update_progress(self) -> None:
        counts = self.window.queue.counts()
        done = sum(counts.get(s, 0) for s in ("verified", "exported", "rejected"))
        self.window.set_batch_progress(done, sum(counts.values()))

    # ----- opening documents ---------------------------------------------------------------

    def open_next(self, *, quiet: bool = False) -> None:
        """Claim the next document and show it (at once when it was read ahead).

        ``quiet``: when nothing is waiting, leave the window as it is (the timer's retry).
        Nothing is claimed while the supervisor view is showing.
        """
        if self._stopped or self._loading is not None or not self._reviewing:
            return
        record = self._guard(lambda: self.store.claim_next(self.user, self.batch))
        if record is None:
            if self._open is None and not quiet:
                # a slot still winding down after its last scan leaves nothing to wait for
                counts = self.window.queue.counts()
                unread = counts.get("queued", 0) + counts.get("processing", 0)
                waiting = self._ocr_slots_busy > 0 and unread > 0
                self.window.clear_document(
                    "Scans are being read; the next document opens when ready."
                    if waiting
                    else "No document waiting in this batch."
                )
                self.queueEmpty.emit()
            return
        self._show_record(record)

    def _show_record(self, record: DocumentRecord) -> None:
        self.window.queue.set_status(record.id, str(record.status))
        ahead = self._ahead
        if ahead is not None and ahead.doc_id == record.id:
            self._ahead = None
            self._display(
                record,
                PreparedDocument(
                    ahead.doc_id,
                    ahead.name,
                    record.result,
                    ahead.pages,
                    ahead.evidence,
                    dict(record.edits),
                    ahead.page_files,
                    record.checked,
                    record.blind_fields,
                    dict(record.keyings),
                ),
            )
            return
        self._loading = record.id
        self.pool.start(
            lambda _t, _p: _prepare(record),
            name="load document",
            on_result=lambda doc: self._on_loaded(record, doc),
            on_error=lambda err: self._on_load_failed(record, err),
        )

    def _on_loaded(self, record: DocumentRecord, document: PreparedDocument) -> None:
        self._loading = None
        if not self._stopped:
            self._display(record, document)

    def _on_load_failed(self, record: DocumentRecord, error: WorkerError) -> None:
        self._loading = None
        self.window.show_error(f"{record.source_name}: {error.message}")
        self.failed.emit(error.message)

    def _display(self, record: DocumentRecord, document: PreparedDocument) -> None:
        self._open = _Open(record, {})
        self.window.keystrokes.reset()
        self.window.show_document(document)
        self.window.queue.set_status(record.id, "in_review")
        self.documentShown.emit(record.id)
        QTimer.singleShot(0, self._read_ahead)

    def _read_ahead(self) -> None:
        """Load the next ready document now, so "submit and next" shows it at once.

        The queries and the image loading both run in the pool (the store hands
        out session-free records, safe on any thread).
        """
        if self._stopped or self._ahead_loading is not None:
            return
        current = self._open.record.id if self._open else -1
        cached = self._ahead.doc_id if self._ahead else None
        store, batch = self.store, self.batch

        def job(token: CancelToken, progress: SignalProgress) -> PreparedDocument | None:
            ready = [d.id for d in store.documents(batch, [Status.READY]) if d.id != current]
            if not ready or ready[0] == cached:
                return None
            token.check()
            return _prepare(store.load_document(ready[0]))

        self._ahead_loading = current
        self.pool.start(
            job,
            name="read ahead",
            on_result=self._on_ahead_loaded,
            on_finished=self._on_ahead_finished,
        )

    def _on_ahead_loaded(self, document: PreparedDocument | None) -> None:
        if document is not None:
            self._ahead = document

    def _on_ahead_finished(self) -> None:
        self._ahead_loading = None

    @property
    def ahead_id(self) -> int | None:
        """The document read ahead, if any (benchmarks and tests)."""
        return self._ahead.doc_id if self._ahead else None

    # ----- edits and decisions -------------------------------------------------------------

    def _on_field_edited(self, doc_id: int, name: str, value: FieldData) -> None:
        if self._open is None or self._open.record.id != doc_id:
            return
        if name in self._open.record.blind_fields:
            return  # keyed blind: the value goes with the submit, never saved before
        self._open.pending[name] = value
        self._save_timer.start()

    def flush_edits(self) -> bool:
        """Write the open document's pending edits (debounced while typing).

        An edit the store cannot take now (database locked, unreachable, disk full)
        stays pending and is retried every few seconds, with a "not saved yet" mark
        in the status bar, until it is saved; it is never dropped.
        """
        self._save_timer.stop()
        current = self._open
        if current is None or not current.pending:
            self._mark_unsaved(0)
            return True
        doc_id = current.record.id
        for name, value in list(current.pending.items()):
            try:
                self.store.save_edit(doc_id, self.user, name, value)
            except (DatabaseLockedError, DatabaseUnavailableError, DiskFullError) as exc:
                log.warning("store: %s; %d edit(s) kept for retry", exc.code, len(current.pending))
                self._mark_unsaved(len(current.pending))
                self._retry_timer.start()
                return False
            except MedreviewError as exc:
                current.pending.clear()  # the claim is gone: these edits have no document
                self._mark_unsaved(0)
                log.warning("store: %s", exc.code)
                self.window.show_error(exc.message)
                self.failed.emit(exc.message)
                return False
            del current.pending[name]
        self._mark_unsaved(0)
        return True

    @property
    def unsaved_edits(self) -> int:
        """Edits typed but not yet in the store (0 when everything is saved)."""
        return self._unsaved

    def _mark_unsaved(self, count: int) -> None:
        if count == self._unsaved:
            return
        self._unsaved = count
        if count:
            self.window.statusBar().showMessage(
                f"Not saved yet: {count} edit(s) waiting for the database; retrying…"
            )
        else:
            self._retry_timer.stop()
            self.window.statusBar().showMessage("All edits saved.", 3000)
        self.unsavedChanged.emit(count)

    def _on_submit_requested(self, doc_id: int, values: dict[str, FieldData]) -> None:
        current = self._open
        if current is None or current.record.id != doc_id:
            return
        blind = current.record.blind_fields
        for name, value in values.items():
            if name in blind:
                continue
            if _differs(value, current.record.final_value(name)) or name in current.pending:
                current.pending[name] = value
        if not self.flush_edits():
            return
        keyed = {name: values.get(name) for name in blind} if blind else None
        status = self._guard(lambda: self.store.submit(doc_id, self.user, keyed))
        if status is None:
            return
        self._leave("verified")
        if status is Status.VERIFIED:
            self._finish(doc_id, "verified")
        else:
            record = self._guard(lambda: self.store.load_document(doc_id))
            conflict = record is not None and record.keying_conflict
            self._finish(doc_id, "ready", "keying conflict" if conflict else "keyed once")

    def _on_reject_requested(self, doc_id: int, reason: str) -> None:
        if self._open is None or self._open.record.id != doc_id:
            return
        self.flush_edits()
        if not self._ok(lambda: self.store.reject(doc_id, self.user, reason)):
            return
        self._leave("rejected")
        self._finish(doc_id, "rejected", reason)

    def _finish(self, doc_id: int, status: str, detail: str = "") -> None:
        self._open = None
        self.window.queue.set_status(doc_id, status, detail)
        self._update_progress()
        self.open_next()

    def _on_document_activated(self, doc_id: int) -> None:
        """Open a chosen queue row: a ready document, or one this analyst verified.

        A failed scan's row explains why it failed (read again: Ctrl+Shift+G).
        """
        item = self.window.queue.item(doc_id)
        if item is None:
            return
        if item.status == "failed":
            record = self._guard(lambda: self.store.load_document(doc_id))
            error = record.error if record is not None else None
            reason = f"{error.code}: {error.message}" if error else item.detail
            if record is not None:  # read by `medreview ingest`: named by its storage hash
                reason = reason.replace(record.source_path.name, item.name)
            self.window.show_error(
                f"{item.name} could not be read. {reason} "
                "Read it again with Ctrl+Shift+G or remove it with Ctrl+Shift+Del."
            )
            return
        if self._open is not None and self._open.record.id == doc_id:
            return
        if item.status not in ("ready", "in_review", "verified") or self._loading is not None:
            self.window.statusBar().showMessage(f"{item.name} cannot be opened now.", 4000)
            return
        self._put_back()
        record = self._guard(lambda: self.store.claim(doc_id, self.user))
        if record is None:
            self.refresh_queue()
            if self._open is None:
                self.open_next()
            return
        self._reviewing = True
        self._show_record(record)

    def _on_fields_confirmed(self, doc_id: int, names: list[str]) -> None:
        if self._open is None or self._open.record.id != doc_id:
            return
        self._ok(lambda: self.store.confirm_fields(doc_id, self.user, names))

    def _on_postpone_requested(self, doc_id: int) -> None:
        if self._open is None or self._open.record.id != doc_id:
            return
        self.flush_edits()
        self._leave("postponed")
        if not self._ok(lambda: self.store.postpone(doc_id, self.user)):
            return
        self._ahead = None  # the store decides what comes next now
        self._finish(doc_id, "ready", "postponed")

    def _on_type_change_requested(self, doc_id: int, document_type: str) -> None:
        """Read the document again as ``document_type`` in the background, then show it."""
        current = self._open
        if current is None or current.record.id != doc_id:
            return
        self.flush_edits()
        record, extract = current.record, self._extract
        config = replace(self.config, document_type=document_type)
        store, user = self.store, self.user
        image_dir = store.page_dir(doc_id)

        def job(token: CancelToken, progress: SignalProgress) -> DocumentRecord:
            result = extract(record.source_path, config, image_dir=image_dir)
            token.check()
            if result.error is not None:
                raise MedreviewError(result.error.message)
            images = sorted(image_dir.glob("page-[0-9][0-9][0-9].png"))
            return store.replace_result(doc_id, user, result, images)

        self.window.statusBar().showMessage(f"Reading the document again as {document_type}…")
        self._loading = doc_id
        self.pool.start(
            job,
            name="read again",
            on_result=self._on_read_again,
            on_error=lambda err: self._on_load_failed(record, err),
        )

    def _on_read_again(self, record: DocumentRecord) -> None:
        self._loading = None
        if self._stopped or self._open is None or self._open.record.id != record.id:
            return
        self.window.queue.set_status(record.id, "in_review", document_type=record.document_type)
        self.window.statusBar().showMessage("Read again; every field is to check.", 5000)
        self._show_record(record)

    def _on_retry_requested(self, doc_id: int) -> None:
        if self._ok(lambda: self.store.retry_failed(doc_id, self.user)):
            self.refresh_queue()
            self.pump_ocr()

    def _on_remove_requested(self, doc_id: int) -> None:
        if self._ok(lambda: self.store.remove_failed(doc_id, self.user)):
            self.refresh_queue()

    # ----- region re-read ------------------------------------------------------------------

    def _on_region_requested(self, doc_id: int, page: int, bbox: BBox, field: str) -> None:
        current = self._open
        if current is None or current.record.id != doc_id:
            return
        paths = current.record.image_paths
        if page >= len(paths):
            return
        image, config, reader = paths[page], self.config, self._read_region

        def job(token: CancelToken, progress: SignalProgress) -> str:
            return words_to_text(reader(image, bbox, config, page))

        self.pool.start(
            job,
            name="region",
            on_result=lambda text: self._on_region_read(doc_id, field, text),
            on_error=lambda err: self.window.show_error(
                f"Re-reading the region failed: {err.message}"
            ),
        )

    def _on_region_read(self, doc_id: int, field: str, text: str) -> None:
        self.window.offer_region_text(doc_id, field, text)
        self.regionRead.emit(doc_id, field, text)

    # ----- import and background OCR -------------------------------------------------------

    def _on_import_requested(self, paths: list[Path]) -> None:
        """Copy the scans into the store in the pool (large files), then queue them."""
        store, batch = self.store, self.batch
        self.window.statusBar().showMessage(f"Importing {len(paths)} scan(s)…")
        # the real pipeline's checks refuse a bad file before it is copied (a fake
        # extraction in tests reads files the pipeline would refuse)
        load = self.config.load
        check = (
            (lambda path: check_input(path, load)) if self._extract is pipeline_extract else None
        )
        refused: list[str] = []

        def job(_t: CancelToken, _p: SignalProgress) -> list[DocumentRef]:
            return store.add_files(
                batch,
                paths,
                check=check,
                refused=lambda path, exc: refused.append(f"{display_name(path)} ({exc.code})"),
            )

        def on_result(refs: list[DocumentRef]) -> None:
            self._on_imported(refs)
            if refused:
                shown = ", ".join(refused[:3]) + (" …" if len(refused) > 3 else "")
                self.window.show_error(f"{len(refused)} file(s) refused: {shown}")

        self.pool.start(
            job,
            name="import",
            on_result=on_result,
            on_error=lambda err: self.window.show_error(f"Import failed: {err.message}"),
        )

    def _on_imported(self, refs: list[DocumentRef]) -> None:
        new = sum(1 for r in refs if r.created)
        self.window.statusBar().showMessage(
            f"Queued {new} scan(s) for reading; {len(refs) - new} already in the batch.", 6000
        )
        self.refresh_queue()
        self.pump_ocr()
        self.imported.emit(new)

    def pump_ocr(self) -> None:
        """Start OCR slots up to the limit; each claims, reads and stores one scan.

        Asked while every slot is busy, the next slot to finish pumps again (a
        scan queued meanwhile is never left waiting).
        """
        self._pump_wanted = self._ocr_slots_busy >= self._ocr_slots
        while not self._stopped and self._ocr_slots_busy < self._ocr_slots:
            self._ocr_slots_busy += 1
            self._start_ocr_slot()

    def _processes(self) -> ProcessPoolExecutor | None:
        """The OCR processes (started on first use), or None to OCR on the pool thread."""
        if self._use_processes and self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._ocr_slots,
                mp_context=multiprocessing.get_context("spawn"),
                # a lower priority, so on a busy machine the scheduler serves the window first
                initializer=init_worker_process,
                initargs=(self.config, OCR_NICENESS),
            )
        return self._executor

    def _start_ocr_slot(self) -> None:
        """One pool job: claim a queued scan, OCR it in a process, store the result.

        Every database call of the job runs on the pool thread, so reading a batch
        costs the GUI thread only the queue updates.
        """
        extract, executor = self._extract, self._processes()
        store, owner, batch, config = self.store, self._owner, self.batch, self.config
        taken: list[int] = []

        def read(token: CancelToken, item: WorkItem) -> WorkDone:
            if executor is None:
                return run_item(extract, item)
            # The pool thread only waits: the OCR holds no lock the GUI thread needs.
            future = executor.submit(run_item, extract, item)
            while True:
                try:
                    return future.result(timeout=0.25)
                except FutureTimeout:
                    if token.cancelled:
                        future.cancel()
                        token.check()

        def job(token: CancelToken, progress: SignalProgress) -> tuple[WorkDone, Status] | None:
            claimed = store.claim_for_processing(
                batch, owner, limit=1, lease_seconds=OCR_LEASE_SECONDS
            )
            if not claimed:
                return None
            doc_id, source = claimed[0]
            taken.append(doc_id)
            progress.note(doc_id)
            work = read(token, WorkItem(doc_id, source, store.page_dir(doc_id), config))
            token.check()
            error = work.result.error
            if error is not None:  # name the scan as imported, not by its storage hash
                names = {d.id: d.source_name for d in store.documents(batch, [Status.PROCESSING])}
                shown = names.get(doc_id, source.name)
                work.result.error = ErrorInfo(error.code, error.message.replace(source.name, shown))
            return work, store.store_result(work.doc_id, work.result, work.image_paths, owner=owner)

        self.pool.start(
            job,
            name="ocr",
            on_note=self._on_ocr_claimed,
            on_result=self._on_ocr_done,
            on_error=lambda err: self._on_ocr_error(taken[0] if taken else None, err),
            on_finished=lambda: self._on_ocr_slot_finished(bool(taken)),
        )

    def _on_ocr_claimed(self, doc_id: int) -> None:
        if not self._ocr_in_flight:
            self._ocr_done = 0
        self._ocr_in_flight[doc_id] = None
        self.window.queue.set_status(doc_id, "processing")
        self._show_ocr_progress()

    def _on_ocr_done(self, outcome: tuple[WorkDone, Status] | None) -> None:
        if outcome is None or self._stopped:
            return
        work, status = outcome
        self._ocr_in_flight.pop(work.doc_id, None)
        self._ocr_done += 1
        if status is Status.FAILED and work.result.error is not None:
            error = work.result.error
            self.window.queue.set_status(work.doc_id, "failed", f"{error.code}: {error.message}")
            self.window.show_error(f"A scan could not be read: {error.message}")
            self.ocrFinished.emit(work.doc_id, "failed")
        else:
            self.window.queue.set_status(
                work.doc_id, str(status), document_type=work.result.document_type
            )
            self.ocrFinished.emit(work.doc_id, str(status))

    def _on_ocr_error(self, doc_id: int | None, error: WorkerError) -> None:
        if self._stopped:
            return  # shutting down: the scan is queued again by shutdown()
        if "BrokenProcessPool" in error.message and self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None  # a crashed OCR process: start fresh ones next time
        if doc_id is None:  # the claim itself failed (database trouble)
            self.window.show_error(f"Reading scans stopped: {error.message}")
            return
        self._ocr_in_flight.pop(doc_id, None)
        self._ocr_done += 1
        self._ok(
            lambda: self.store.mark_failed(
                doc_id, ErrorInfo(error.code, error.message), owner=self._owner
            )
        )
        self.window.queue.set_status(doc_id, "failed", f"{error.code}: {error.message}")
        self.window.show_error(f"A scan could not be read: {error.message}")
        self.ocrFinished.emit(doc_id, "failed")

    def _on_ocr_slot_finished(self, worked: bool) -> None:
        self._ocr_slots_busy -= 1
        self._show_ocr_progress()
        self._update_progress()
        if self._stopped:
            return
        if worked or self._pump_wanted:
            self.pump_ocr()  # the next scan at once, so the OCR process never idles
        if self._open is None and self._loading is None:
            QTimer.singleShot(0, self.open_next)
        elif self._ahead is None:
            self._read_ahead()

    def _show_ocr_progress(self) -> None:
        counts = self.window.queue.counts()
        waiting = counts.get("queued", 0) + counts.get("processing", 0)
        total = self._ocr_done + waiting if self._ocr_slots_busy and waiting else 0
        self.window.set_background_progress(
            self._ocr_done, total, f"Reading scans: {self._ocr_done} of {total}"
        )

    @property
    def ocr_running(self) -> int:
        """OCR jobs under way (0 once every queued scan was read)."""
        return self._ocr_slots_busy

    def _renew_leases(self) -> None:
        """Renew the review claim and the OCR claims (an idle analyst keeps the document)."""
        if self._stopped:
            return
        if self._open is not None:
            doc_id = self._open.record.id
            self._ok(lambda: self.store.renew(doc_id, self.user))
        if self._ocr_in_flight:
            ids = list(self._ocr_in_flight)
            self._ok(lambda: self.store.renew_processing(self._owner, ids, OCR_LEASE_SECONDS))

    # ----- errors --------------------------------------------------------------------------

    def _guard(self, call: Callable[[], T]) -> T | None:
        """Run a store call; a typed error becomes a message in the window, never a crash."""
        try:
            return call()
        except MedreviewError as exc:
            log.warning("store: %s", exc.code)
            self.window.show_error(exc.message)
            self.failed.emit(exc.message)
            return None

    def _ok(self, call: Callable[[], object]) -> bool:
        """Like :meth:`_guard` for calls that return nothing: True when it succeeded."""
        try:
            call()
        except MedreviewError as exc:
            log.warning("store: %s", exc.code)
            self.window.show_error(exc.message)
            self.failed.emit(exc.message)
            return False
        return True
