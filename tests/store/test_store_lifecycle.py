from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from medreview.errors import (
    ClaimLostError,
    PermissionDeniedError,
    UsageError,
)
from medreview.model import ErrorInfo
from medreview.store import Status, Store
from medreview.store.lifecycle import TRANSITIONS
from tests.store.fakes import PRESCRIPTION, fake_extract, make_scans, write_scan


def _ready_doc(store: Store, tmp_path: Path, name: str = "rx.png") -> int:
    scan = write_scan(tmp_path / name, "prescription", {**PRESCRIPTION, "prescriber": name})
    (ref,) = store.add_files("b", [scan])
    result = fake_extract(scan, None, image_dir=store.page_dir(ref.id))  # type: ignore[arg-type]
    assert store.store_result(ref.id, result, [store.page_dir(ref.id) / "page-000.png"]) is (
        Status.READY
    )
    return ref.id


def test_full_life_cycle_is_audited(store: Store, tmp_path: Path) -> None:
    doc_id = _ready_doc(store, tmp_path)
    claimed = store.claim_next("alice", "b")
    assert claimed is not None and claimed.id == doc_id
    assert claimed.status is Status.IN_REVIEW and claimed.claimed_by == "alice"
    assert claimed.image_paths[0].exists()
    assert claimed.prepared_paths[0] is not None and claimed.prepared_paths[0].exists()
    assert claimed.result.fields["patient_name"].value == "Helen Okafor"
    store.save_edit(doc_id, "alice", "patient_name", "Helen Okafor-Reyes")
    store.save_edit(doc_id, "alice", "patient_name", "Helen Okafor-Reyes")  # no-op
    store.submit(doc_id, "alice")
    record = store.load_document(doc_id)
    assert record.status is Status.VERIFIED and record.verified_by == "alice"
    assert record.final_values()["patient_name"] == "Helen Okafor-Reyes"
    assert record.final_values()["medicines"] == PRESCRIPTION["medicines"]
    assert record.changed_fields() == ["patient_name"]
    trail = store.audit_for(doc_id)
    assert [e.action for e in trail] == [
        "registered",
        "processing_started",
        "processed",
        "claimed",
        "edited",
        "verified",
    ]
    edit = trail[4]
    assert (edit.actor, edit.field, edit.old_value, edit.new_value) == (
        "alice",
        "patient_name",
        "Helen Okafor",
        "Helen Okafor-Reyes",
    )
    assert trail[5].old_value == "in_review" and trail[5].new_value == "verified"


def test_reject_keeps_reason_and_supervisor_reopens(store: Store, tmp_path: Path) -> None:
    doc_id = _ready_doc(store, tmp_path)
    assert store.claim_next("alice") is not None
    with pytest.raises(UsageError):
        store.reject(doc_id, "alice", "  ")
    store.reject(doc_id, "alice", "illegible")
    record = store.load_document(doc_id)
    assert record.status is Status.REJECTED and record.reject_reason == "illegible"
    assert store.audit_for(doc_id)[-1].detail == "illegible"
    with pytest.raises(PermissionDeniedError):
        store.reopen(doc_id, "alice")  # analysts cannot
    store.reopen(doc_id, "sue")
    assert store.load_document(doc_id).status is Status.READY


def test_failed_result_keeps_error_and_can_be_requeued(store: Store, tmp_path: Path) -> None:
    scan = write_scan(tmp_path / "bad.png", "prescription", {})
    (ref,) = store.add_files("b", [scan])
    store.mark_failed(ref.id, ErrorInfo("truncated", "bad.png is damaged"))
    record = store.load_document(ref.id)
    assert record.status is Status.FAILED
    assert record.error == ErrorInfo("truncated", "bad.png is damaged")
    with pytest.raises(PermissionDeniedError):
        store.requeue_failed("b", "alice")
    assert store.requeue_failed("b", "sue") == 1
    assert store.load_document(ref.id).status is Status.QUEUED


def test_invalid_transitions_are_refused(store: Store, tmp_path: Path) -> None:
    doc_id = _ready_doc(store, tmp_path)
    with pytest.raises(ClaimLostError):
        store.submit(doc_id, "alice")  # never claimed
    assert store.claim_next("alice") is not None
    with pytest.raises(ClaimLostError):
        store.save_edit(doc_id, "bob", "patient_name", "x")
    with pytest.raises(UsageError):
        store.save_edit(doc_id, "alice", "no_such_field", "x")
    store.release(doc_id, "alice")
    assert store.load_document(doc_id).status is Status.READY
    assert (Status.READY, Status.EXPORTED) not in TRANSITIONS


def test_edits_survive_release_and_reclaim(store: Store, tmp_path: Path) -> None:
    doc_id = _ready_doc(store, tmp_path)
    assert store.claim_next("alice") is not None
    store.save_edit(doc_id, "alice", "refills", 3)
    store.release(doc_id, "alice")
    again = store.claim_next("bob")
    assert again is not None and again.edits == {"refills": 3}


def test_same_content_is_one_document_and_copies_survive_the_original(
    store: Store, tmp_path: Path
) -> None:
    (scan,) = make_scans(tmp_path / "in", 1)
    first = store.add_files("b", [scan])
    copy = tmp_path / "renamed.png"
    copy.write_bytes(scan.read_bytes())
    second = store.add_files("b", [copy])
    assert first[0].created and not second[0].created and first[0].id == second[0].id
    scan.unlink()
    stored = store.load_document(first[0].id).source_path
    assert stored.exists() and stored.is_relative_to(store.files_root)
    # the same content in another batch is a document of its own
    assert store.add_files("other", [copy])[0].created


def test_audit_log_is_append_only(store: Store, tmp_path: Path) -> None:
    _ready_doc(store, tmp_path)
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))


def test_review_lease_expires_and_returns_to_queue(store: Store, tmp_path: Path) -> None:
    doc_id = _ready_doc(store, tmp_path)
    assert store.claim_next("alice", lease_seconds=-1) is not None  # already expired
    taken = store.claim_next("bob")
    assert taken is not None and taken.id == doc_id and taken.claimed_by == "bob"
    actions = [e.action for e in store.audit_for(doc_id)]
    assert actions[-2:] == ["lease_expired", "claimed"]
    with pytest.raises(ClaimLostError):
        store.save_edit(doc_id, "alice", "refills", 1)


def test_own_claim_comes_back_first(store: Store, tmp_path: Path) -> None:
    first = _ready_doc(store, tmp_path, "a.png")
    _ready_doc(store, tmp_path, "b.png")
    claimed = store.claim_next("alice")
    assert claimed is not None and claimed.id == first
    again = store.claim_next("alice")  # the window crashed and reopened
    assert again is not None and again.id == first
    assert again.lease_expires_at is not None
    assert again.lease_expires_at - claimed.lease_expires_at >= timedelta(0)  # type: ignore[operator]
