from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from medreview.cli import main
from medreview.export.csv_export import columns, read_rows
from medreview.ingest import ingest
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.store.fakes import PATIENT_DETAILS, PRESCRIPTION, fake_extract, write_scan


def _verified_batch(store: Store, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Two documents verified by an analyst, one field edited in each; final values."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_scan(folder / "rx.png", "prescription", PRESCRIPTION)
    write_scan(folder / "pd.png", "patient_details", PATIENT_DETAILS, pages=2)
    ingest(store, [folder], "b", workers=0, extract=fake_extract)
    finals: dict[str, dict[str, Any]] = {}
    while (doc := store.claim_next("alice", "b")) is not None:
        if doc.document_type == "prescription":
            store.save_edit(doc.id, "alice", "refills", "PRN")
            store.save_edit(doc.id, "alice", "medicines", ["Amoxicillin 250 mg"])
        else:
            store.save_edit(doc.id, "alice", "allergies", ["Latex", "Penicillin"])
        store.submit(doc.id, "alice")
        finals[doc.source_name] = store.load_document(doc.id).final_values()
    return finals


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def test_exports_round_trip_every_final_value(store: Store, tmp_path: Path) -> None:
    finals = _verified_batch(store, tmp_path)
    assert finals["rx.png"]["refills"] == "PRN"
    assert finals["pd.png"]["allergies"] == ["Latex", "Penicillin"]

    store.export("b", "csv", tmp_path / "out.csv", user="sue")
    rows = {str(row["source_file"]): row for row in read_rows(tmp_path / "out.csv")}
    with (tmp_path / "out.csv").open(newline="") as handle:
        assert next(csv.reader(handle)) == columns()
    for source, values in finals.items():
        assert {name: rows[source][name] for name in values} == values

    report = store.export("b", "json", tmp_path / "out.json", user="sue")
    assert report.reexported == 2  # the CSV export marked them exported
    exported = {obj["source"]: obj for obj in json.loads((tmp_path / "out.json").read_text())}
    for source, values in finals.items():
        fields = exported[source]["fields"]
        assert {name: f["value"] for name, f in fields.items()} == values
        assert exported[source]["review"]["verified_by"] == "alice"
    assert exported["rx.png"]["fields"]["refills"]["edited"] is True
    assert exported["rx.png"]["fields"]["refills"]["ocr_value"] == 2
    assert exported["rx.png"]["fields"]["prescriber"]["confidence"] == pytest.approx(0.95)

    store.export("b", "fhir", tmp_path / "out.ndjson", user="sue")
    lines = (tmp_path / "out.ndjson").read_text().splitlines()
    assert len(lines) == 2
    for line in lines:
        bundle = Bundle.model_validate_json(line)
        assert bundle.type == "transaction"
    rx_bundle = next(json.loads(x) for x in lines if "MedicationRequest" in x)
    pd_bundle = next(json.loads(x) for x in lines if "Immunization" in x)
    pd_kinds = {e["resource"]["resourceType"] for e in pd_bundle["entry"]}
    assert {
        "Patient",
        "Immunization",
        "Condition",
        "AllergyIntolerance",
        "Coverage",
        "DocumentReference",
        "MedicationStatement",
    } <= pd_kinds
    for bundle_json, source in ((rx_bundle, "rx.png"), (pd_bundle, "pd.png")):
        text = json.dumps(bundle_json, ensure_ascii=False)
        for name, value in finals[source].items():
            for item in _texts(value):
                assert json.dumps(item, ensure_ascii=False).strip('"') in text, name


def test_export_only_verified_and_marks_exported(store: Store, tmp_path: Path) -> None:
    _verified_batch(store, tmp_path)
    write_scan(tmp_path / "late.png", "prescription", {**PRESCRIPTION, "refills": 5})
    ingest(store, [tmp_path / "late.png"], "b", workers=0, extract=fake_extract)
    first = store.export("b", "json", tmp_path / "a.json", user="sue")
    assert (first.documents, first.reexported) == (2, 0)
    assert len(json.loads((tmp_path / "a.json").read_text())) == 2  # the ready one is not
    assert store.batch("b").counts[Status.EXPORTED] == 2
    again = store.export("b", "csv", tmp_path / "b.csv", user="sue")
    assert again.reexported == 2 and "re-export" in again.summary()
    new = store.export("b", "csv", tmp_path / "c.csv", user="sue", new_only=True)
    assert new.documents == 0
    doc_id = store.documents("b", [Status.EXPORTED])[0].id
    assert [e.action for e in store.audit_for(doc_id)][-3:] == [
        "verified",
        "exported",
        "re_exported",
    ]


def test_auto_verified_json_matches_ground_truth(store: Store, tmp_path: Path) -> None:
    truth = {"rx.png": PRESCRIPTION, "pd.png": PATIENT_DETAILS}
    write_scan(tmp_path / "rx.png", "prescription", PRESCRIPTION, confidence=0.99)
    write_scan(tmp_path / "pd.png", "patient_details", PATIENT_DETAILS, confidence=0.99)
    ingest(store, [tmp_path], "b", workers=0, extract=fake_extract, auto_verify=0.9)
    store.export("b", "json", tmp_path / "out.json", user="sue")
    exported = json.loads((tmp_path / "out.json").read_text())
    assert len(exported) == 2
    for obj in exported:
        assert obj["review"]["auto_verified"] is True
        assert obj["review"]["verified_by"] == "system"
        values = {name: f["value"] for name, f in obj["fields"].items()}
        assert values == truth[obj["source"]]


def test_no_phi_in_logs_of_ingest_and_export(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'phi.sqlite3'}"
    folder = tmp_path / "in"
    folder.mkdir()
    write_scan(folder / "a.png", "prescription", PRESCRIPTION, confidence=0.5)
    write_scan(folder / "b.png", "patient_details", PATIENT_DETAILS, confidence=0.99)
    write_scan(folder / "c.png", "prescription", {}, error="truncated")
    caplog.set_level(logging.DEBUG)
    with Store.open(url) as store:
        add_people(store)
        ingest(store, [folder], "b", workers=0, extract=fake_extract, auto_verify=0.9)
        doc = store.claim_next("alice")
        assert doc is not None
        store.save_edit(doc.id, "alice", "directions", "Take with food, Helen")
        store.submit(doc.id, "alice")
    for fmt in ("csv", "json", "fhir"):
        code = main(
            [
                "-vv",
                "export",
                "--batch",
                "b",
                "--format",
                fmt,
                "--quiet",
                "--out",
                str(tmp_path / f"out.{fmt}"),
                "--database",
                url,
                "--user",
                "sue",
            ]
        )
        assert code == 0
    assert main(["-vv", "stats", "--database", url]) == 0
    captured = capsys.readouterr()
    logs = caplog.text + captured.err + captured.out
    assert "exported 2 document(s)" in logs  # the log was really captured
    values = [*PRESCRIPTION.values(), *PATIENT_DETAILS.values(), "Take with food, Helen"]
    for value in values:
        for item in _texts(value):
            if len(item) >= 4:  # short numbers like "72" occur in timings and counts
                assert item not in logs, item


def test_a_field_the_analyst_cleared_is_absent_from_exports(store: Store, tmp_path: Path) -> None:
    write_scan(tmp_path / "rx.png", "prescription", PRESCRIPTION)
    ingest(store, [tmp_path / "rx.png"], "b", workers=0, extract=fake_extract)
    doc = store.claim_next("alice")
    assert doc is not None
    store.save_edit(doc.id, "alice", "patient_address", None)
    store.submit(doc.id, "alice")
    store.export("b", "json", tmp_path / "out.json", user="sue")
    store.export("b", "csv", tmp_path / "out.csv", user="sue")
    (obj,) = json.loads((tmp_path / "out.json").read_text())
    assert "patient_address" not in obj["fields"]
    assert obj["review"]["changed_fields"] == ["patient_address"]
    with (tmp_path / "out.csv").open(newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["patient_address"] == "" and row["patient_name"] == "Helen Okafor"


def test_fhir_keeps_a_value_that_is_not_a_valid_date(store: Store, tmp_path: Path) -> None:
    odd = {**PRESCRIPTION, "date": "2023-02-31", "medicines": []}
    write_scan(tmp_path / "rx.png", "prescription", odd)
    ingest(store, [tmp_path / "rx.png"], "b", workers=0, extract=fake_extract)
    doc = store.claim_next("alice")
    assert doc is not None
    store.submit(doc.id, "alice")
    store.export("b", "fhir", tmp_path / "out.ndjson", user="sue")
    line = (tmp_path / "out.ndjson").read_text().strip()
    Bundle.model_validate_json(line)
    values = {
        e["resource"]["code"]["text"]: e["resource"]["valueString"]
        for e in json.loads(line)["entry"]
        if e["resource"]["resourceType"] == "Observation"
    }
    assert values["Date"] == "2023-02-31"  # kept as text, not as an invalid FHIR date
    assert values["Directions"] == PRESCRIPTION["directions"]  # no medicine to carry it
