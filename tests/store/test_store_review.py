"""The review station's store side: checks, chosen claims, postponing, sessions, double keying."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from medreview.errors import (
    AuthenticationError,
    InvalidTransitionError,
    PermissionDeniedError,
    UsageError,
)
from medreview.model import ErrorInfo
from medreview.store import Role, Status, Store
from medreview.store.schema import utcnow
from tests.store.fakes import PRESCRIPTION, fake_extract, write_scan


def _ready(store: Store, tmp_path: Path, name: str, batch: str = "b") -> int:
    scan = write_scan(tmp_path / name, "prescription", {**PRESCRIPTION, "prescriber": name})
    (ref,) = store.add_files(batch, [scan])
    result = fake_extract(scan, None, image_dir=store.page_dir(ref.id))  # type: ignore[arg-type]
    store.store_result(ref.id, result, [store.page_dir(ref.id) / "page-000.png"])
    return ref.id


def test_confirmed_fields_are_kept_with_the_document(store: Store, tmp_path: Path) -> None:
    doc_id = _ready(store, tmp_path, "a.png")
    assert store.claim_next("alice", "b") is not None
    assert store.confirm_fields(doc_id, "alice", ["patient_name", "date"]) == [
        "patient_name",
        "date",
    ]
    assert store.confirm_fields(doc_id, "alice", ["date"]) == []
    with pytest.raises(UsageError):
        store.confirm_fields(doc_id, "alice", ["no_such_field"])
    assert store.load_document(doc_id).checked == {"patient_name", "date"}
    confirmed = [e for e in store.audit_for(doc_id) if e.action == "confirmed"]
    assert [(e.field, e.new_value) for e in confirmed] == [("patient_name", None), ("date", None)]


def test_postponed_documents_come_after_the_others(store: Store, tmp_path: Path) -> None:
    first, second = _ready(store, tmp_path, "a.png"), _ready(store, tmp_path, "b.png")
    assert store.claim_next("alice", "b").id == first  # type: ignore[union-attr]
    store.postpone(first, "alice")
    assert store.claim_next("alice", "b").id == second  # type: ignore[union-attr]
    store.submit(second, "alice")
    assert store.claim_next("alice", "b").id == first  # type: ignore[union-attr]
    assert "postponed" in [e.action for e in store.audit_for(first)]


def test_claim_a_chosen_document_and_reopen_your_own(store: Store, tmp_path: Path) -> None:
    first, second = _ready(store, tmp_path, "a.png"), _ready(store, tmp_path, "b.png")
    assert store.claim(second, "alice").status is Status.IN_REVIEW
    with pytest.raises(InvalidTransitionError):
        store.claim(second, "bob")  # alice holds it
    store.submit(second, "alice")
    assert store.claim(second, "alice").status is Status.IN_REVIEW  # to correct it
    store.submit(second, "alice")
    with pytest.raises(InvalidTransitionError):
        store.claim(second, "bob")  # verified by someone else
    assert store.user("sue").role == Role.SUPERVISOR
    store.mark_exported([second], "sue", detail="t")
    with pytest.raises(InvalidTransitionError):
        store.claim(second, "alice")
    assert store.claim(first, "bob").claimed_by == "bob"


def test_review_sessions_give_analyst_statistics(store: Store, tmp_path: Path) -> None:
    doc_id = _ready(store, tmp_path, "a.png")
    store.claim_next("alice", "b")
    store.submit(doc_id, "alice")
    store.log_review(doc_id, "alice", utcnow() - timedelta(minutes=6), 30, "verified")
    with pytest.raises(UsageError):
        store.log_review(doc_id, "alice", utcnow(), -1, "verified")
    [session] = store.review_sessions(user="alice")
    assert session.keystrokes == 30 and 355 < session.seconds < 365
    [day] = store.analyst_stats("b")
    assert (day.name, day.verified, day.keystrokes_per_document) == ("alice", 1, 30)
    assert day.documents_per_hour is not None and 9.8 < day.documents_per_hour < 10.2
    assert day.error_rate == 0
    store.reopen(doc_id, "sue")
    assert store.analyst_stats("b")[0].error_rate == 1.0


def test_a_failed_scan_is_retried_or_removed_one_at_a_time(store: Store, tmp_path: Path) -> None:
    (ref,) = store.add_files("b", [write_scan(tmp_path / "x.png", "prescription", {})])
    store.mark_failed(ref.id, ErrorInfo("truncated", "x.png is damaged"))
    store.retry_failed(ref.id, "alice")
    assert store.load_document(ref.id).status is Status.QUEUED
    store.mark_failed(ref.id, ErrorInfo("truncated", "x.png is damaged"))
    store.remove_failed(ref.id, "alice")
    assert store.load_document(ref.id).status is Status.REMOVED
    with pytest.raises(InvalidTransitionError):
        store.retry_failed(ref.id, "alice")


def test_exports_are_refused_to_analysts_before_writing(store: Store, tmp_path: Path) -> None:
    doc_id = _ready(store, tmp_path, "a.png")
    store.claim_next("alice", "b")
    store.submit(doc_id, "alice")
    out = tmp_path / "out.csv"
    with pytest.raises(PermissionDeniedError):
        store.export("b", "csv", out, user="alice")
    assert not out.exists()
    with pytest.raises(AuthenticationError):
        store.export("b", "csv", out, user="nobody")  # no account, no export
    assert not out.exists()
    store.export("b", "csv", out, user="sue")  # a supervisor
    assert out.exists()


def test_double_keying_agreeing_keyings_verify(store: Store, tmp_path: Path) -> None:
    doc_id = _ready(store, tmp_path, "a.png")
    with pytest.raises(PermissionDeniedError):
        store.set_double_keying("b", ["patient_name"], "alice")
    store.set_double_keying("b", ["patient_name", "refills"], "sue")
    assert store.batch("b").double_key_fields == ("patient_name", "refills")
    record = store.claim_next("alice", "b")
    assert record is not None and record.blind_fields == {"patient_name", "refills"}
    with pytest.raises(UsageError):
        store.save_edit(doc_id, "alice", "patient_name", "x")  # blind values come with submit
    typed = {"patient_name": "Helen Okafor", "refills": 2}
    assert store.submit(doc_id, "alice", typed) is Status.READY  # first keying done
    assert store.claim_next("alice", "b") is None  # never the same analyst twice
    assert store.claim_next("bob", "b") is not None
    assert store.submit(doc_id, "bob", dict(typed)) is Status.VERIFIED
    record = store.load_document(doc_id)
    assert (
        record.final_value("patient_name") == "Helen Okafor" and record.final_value("refills") == 2
    )
    assert all(e.new_value is None for e in store.audit_for(doc_id) if e.action == "keyed_blind")


def test_double_keying_mismatch_goes_to_a_supervisor(store: Store, tmp_path: Path) -> None:
    doc_id = _ready(store, tmp_path, "a.png")
    store.set_double_keying("b", ["refills"], "sue")
    store.claim_next("alice", "b")
    store.submit(doc_id, "alice", {"refills": 2})
    store.claim_next("bob", "b")
    assert store.submit(doc_id, "bob", {"refills": 3}) is Status.READY
    record = store.load_document(doc_id)
    assert record.keying_conflict and record.keyings == {"refills": (2, 3)}  # every blind field
    assert store.claim_next("ana", "b") is None  # analysts never get a conflict
    with pytest.raises(InvalidTransitionError):
        store.claim(doc_id, "ana")
    assert store.claim_next("sue", "b") is not None
    assert store.submit(doc_id, "sue", {"refills": 2}) is Status.VERIFIED
    record = store.load_document(doc_id)
    assert record.final_value("refills") == 2 and not record.keying_conflict
    conflict = next(e for e in store.audit_for(doc_id) if e.action == "keying_conflict")
    assert conflict.detail == "refills"
