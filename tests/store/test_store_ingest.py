from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from medreview.cli import main
from medreview.config import LoadConfig
from medreview.errors import ExitCode, FileMissingError
from medreview.ingest import collect_files, ingest
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.store.fakes import PRESCRIPTION, dying_extract, fake_extract, make_scans, write_scan


def test_ingest_inline_stores_results_and_images(store: Store, tmp_path: Path) -> None:
    scans = make_scans(tmp_path / "in", 6)
    (tmp_path / "in" / "notes.txt").write_text("not a scan")
    report = ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    assert (report.registered, report.processed, report.failed) == (6, 6, 0)
    assert report.pages == 9  # three one-page prescriptions, three two-page records
    info = store.batch("b")
    assert info.counts[Status.READY] == 6 and info.total == 6
    doc = store.load_document(store.documents("b")[1].id)
    assert doc.document_type == "patient_details" and len(doc.image_paths) == 2
    assert all(p.exists() for p in doc.image_paths)
    assert doc.result.fields["policy_number"].value == "4820193375"
    assert {d.source_name for d in store.documents("b")} == {s.name for s in scans}


def test_the_second_reading_and_the_layout_are_stored(store: Store, tmp_path: Path) -> None:
    scan = write_scan(
        tmp_path / "rx.json",
        "prescription",
        PRESCRIPTION,
        layout="clinic-a",
        second_readings={"date": "2023-08-14"},
    )
    ingest(store, [scan], "b", workers=0, extract=fake_extract)
    result = store.load_document(store.documents("b")[0].id).result
    assert result.layout == "clinic-a"
    assert result.fields["date"].agreement is False
    assert result.fields["date"].second_reading == "2023-08-14"
    assert result.fields["refills"].agreement is True


def test_rerun_is_resumable_and_registers_nothing_twice(store: Store, tmp_path: Path) -> None:
    make_scans(tmp_path / "in", 4)
    ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    make_scans(tmp_path / "in", 6)  # two new files beside the four done
    again = ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract)
    assert (again.registered, again.already_registered, again.processed) == (2, 4, 2)
    assert store.batch("b").counts[Status.READY] == 6


def test_pool_workers_and_failures(store: Store, tmp_path: Path) -> None:
    make_scans(tmp_path / "in", 5)
    (tmp_path / "in" / "broken.pdf").write_text("%PDF-garbage")
    write_scan(tmp_path / "in" / "err.png", "prescription", {}, error="encrypted")
    report = ingest(store, [tmp_path / "in"], "b", workers=2, extract=fake_extract)
    assert (report.processed, report.failed) == (5, 2)
    assert report.failures == {"not_a_document": 1, "encrypted": 1}
    failed = store.documents("b", [Status.FAILED])
    assert sorted(d.error_code or "" for d in failed) == ["encrypted", "not_a_document"]


def _crashing_extract(path: Path, config: object, *, image_dir: Path | None = None) -> object:
    raise RuntimeError(f"secret {path.read_text()}")


def test_an_extractor_crash_fails_only_that_document(store: Store, tmp_path: Path) -> None:
    write_scan(tmp_path / "a.png", "prescription", PRESCRIPTION)
    report = ingest(store, [tmp_path / "a.png"], "b", workers=0, extract=_crashing_extract)  # type: ignore[arg-type]
    assert report.failed == 1
    (doc,) = store.documents("b")
    record = store.load_document(doc.id)
    assert record.error is not None and record.error.code == "internal"
    assert "Helen" not in record.error.message


def test_auto_verify_verifies_only_complete_confident_documents(
    store: Store, tmp_path: Path
) -> None:
    write_scan(tmp_path / "good.png", "prescription", PRESCRIPTION, confidence=0.97)
    write_scan(tmp_path / "unsure.png", "prescription", {**PRESCRIPTION, "x": 1}, confidence=0.6)
    missing = {k: v for k, v in PRESCRIPTION.items() if k != "date"}
    write_scan(tmp_path / "missing.png", "prescription", missing, confidence=0.99)
    bad_date = {**PRESCRIPTION, "date": "2023-02-31"}
    write_scan(tmp_path / "invalid.png", "prescription", bad_date, confidence=0.99)
    report = ingest(store, [tmp_path], "b", workers=0, extract=fake_extract, auto_verify=0.9)
    assert report.auto_verified == 1
    by_name = {d.source_name: d for d in store.documents("b")}
    assert by_name["good.png"].status is Status.VERIFIED and by_name["good.png"].auto_verified
    assert by_name["good.png"].verified_by == "system"
    for name in ("unsure.png", "missing.png", "invalid.png"):
        assert by_name[name].status is Status.READY
    trail = store.audit_for(by_name["missing.png"].id)
    assert trail[-1].action == "auto_verify_skipped" and "date: missing" in (trail[-1].detail or "")
    stats = store.batch_stats("b")[0]
    assert stats.auto_verified == 1 and stats.automation_rate == 1.0
    assert store.send_back_sample("b", "sue", 5, seed=1) == [by_name["good.png"].id]
    assert store.load_document(by_name["good.png"].id).status is Status.READY
    assert store.batch_stats("b")[0].sent_back == 1


def test_a_missing_path_is_refused_alone(store: Store, tmp_path: Path) -> None:
    scans = make_scans(tmp_path / "in", 3)
    assert collect_files([tmp_path / "nope", *scans]) == [tmp_path / "nope", *scans]

    def exists(path: Path, _limits: LoadConfig) -> None:
        if not path.exists():
            raise FileMissingError(f"{path.name}: no such file")

    report = ingest(
        store, [tmp_path / "nope", *scans], "b", workers=0, extract=fake_extract, precheck=exists
    )
    assert [(name, code) for name, code, _ in report.refused] == [
        (str(tmp_path / "nope"), "not_found")
    ]
    assert (report.registered, report.processed) == (3, 3)
    trail = store.audit_for(store.documents("b")[0].id)
    assert trail[0].action == "registered"


def test_cli_ingest_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    bad = tmp_path / "in" / "bad.png"
    bad.parent.mkdir()
    bad.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    with Store.open(url) as store:
        add_people(store)
    args = ["ingest", str(bad), "--batch", "b", "--workers", "0", "--quiet", "--database", url]
    assert main([*args, "--user", "nobody"]) == ExitCode.AUTH  # no account, no ingest
    code = main([*args, "--user", "alice"])
    assert code == 1  # the real check refused the broken file before copying it in
    assert "refused" in capsys.readouterr().err
    assert main(["stats", "--json", "--database", url]) == 0
    out = capsys.readouterr().out
    assert '"failed": 0' in out
    assert main(["stats", "--batch", "nope", "--database", url]) == 5


def test_cli_send_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    make_scans(tmp_path / "in", 4)
    with Store.open(url) as store:
        add_people(store)
        ingest(store, [tmp_path / "in"], "b", workers=0, extract=fake_extract, auto_verify=0.5)
        assert store.batch("b").counts[Status.VERIFIED] == 4
    args = ["send-back", "--batch", "b", "--count", "2", "--user", "sue", "--database", url]
    assert main(args) == 0
    assert "sent 2 document(s)" in capsys.readouterr().err
    with Store.open(url) as store:
        assert store.batch("b").counts[Status.READY] == 2
        (stats,) = store.batch_stats("b")
        assert (stats.auto_verified, stats.sent_back) == (2, 2)


def test_a_scan_that_kills_its_worker_fails_alone(store: Store, tmp_path: Path) -> None:
    make_scans(tmp_path / "in", 5)
    write_scan(tmp_path / "in" / "poison.png", "prescription", PRESCRIPTION, die=True)
    report = ingest(store, [tmp_path / "in"], "b", workers=1, extract=dying_extract)
    assert (report.processed, report.failed) == (5, 1)
    assert report.failures == {"worker_crashed": 1}
    (failed,) = store.documents("b", [Status.FAILED])
    assert failed.source_name == "poison.png" and failed.error_code == "worker_crashed"


def test_cli_role_needs_a_signed_in_supervisor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    with Store.open(url) as store:
        add_people(store)
    assert main(["role", "alice", "supervisor", "--user", "sue", "--database", url]) == 0
    assert "alice is now a supervisor" in capsys.readouterr().err
    assert main(["role", "alice", "analyst", "--user", "sue", "--database", url]) == 0
    # an analyst may not change roles; an unknown name or a wrong password signs nobody in
    assert main(["role", "bob", "supervisor", "--user", "alice", "--database", url]) == 7
    assert main(["role", "bob", "supervisor", "--user", "anyname", "--database", url]) == 7
    monkeypatch.setenv("MEDREVIEW_PASSWORD", "wrong password")
    assert main(["role", "bob", "supervisor", "--user", "sue", "--database", url]) == 7
    assert "wrong user name or password" in capsys.readouterr().err
    with Store.open(url) as store:
        assert store.user("alice").role == "analyst"
        assert store.user("bob").role == "analyst"
        with store.engine.connect() as conn:
            actions = list(conn.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars())
    assert actions.count("role_changed") == 2 and "sign_in_failed" in actions
    assert actions.count("user_created") == 1 + 4  # sue at set-up, then four people
