"""The FHIR export against a FHIR R4 server's transaction handling, run locally.

The server (``tests/fhir_server/server.js``) is Medplum's FHIR router on an
in-memory repository, with every posted resource first validated by Medplum's
R4 validator (the base specification's StructureDefinitions): a transaction
with any validation error is refused. ``scripts/setup.sh`` installs its npm
packages; without them these tests fail (they are never skipped).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from medreview.export import ExportOptions
from medreview.export.fhir_export import RESOURCE_SYSTEM
from medreview.ingest import ingest
from medreview.store import Store
from tests.accounts import add_people
from tests.store.fakes import PATIENT_DETAILS, PRESCRIPTION, fake_extract, write_scan

SERVER_DIR = Path(__file__).resolve().parents[1] / "fhir_server"


@pytest.fixture(scope="module")
def fhir_server() -> Iterator[str]:
    node = shutil.which("node")
    if node is None or not (SERVER_DIR / "node_modules" / "@medplum" / "fhir-router").exists():
        pytest.fail("the test FHIR server is not installed: run scripts/setup.sh (node, npm ci)")
    process = subprocess.Popen(
        [node, str(SERVER_DIR / "server.js"), "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("listening "):
            process.kill()
            _, errors = process.communicate()
            pytest.fail(f"the test FHIR server did not start: {line}{errors}")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}", files_root=tmp_path / "f") as store:
        add_people(store)
        yield store


def _verified_batch(store: Store, tmp_path: Path, batch: str) -> None:
    folder = tmp_path / batch
    folder.mkdir()
    rx = {
        **PRESCRIPTION,
        "patient_name": f"Helen Okafor {batch}",
        "medicines": ["Amoxicillin 500 mg", "Ibuprofen 400 mg", "Betaloc 100mg - 1 tab BID"],
        "directions": "Amoxicillin three times a day for 7 days. Ibuprofen as needed. "
        "Betaloc with breakfast",
    }
    details = {**PATIENT_DETAILS, "patient_name": f"Samuel Ortiz {batch}"}
    write_scan(folder / "rx.png", "prescription", rx)
    write_scan(folder / "pd.png", "patient_details", details, pages=2)
    ingest(store, [folder], batch, workers=0, extract=fake_extract)
    while (doc := store.claim_next("alice", batch)) is not None:
        store.submit(doc.id, "alice")


def _post_all(client: httpx.Client, ndjson: Path) -> list[list[str]]:
    statuses = []
    for line in ndjson.read_text().splitlines():
        response = client.post("/", content=line, headers={"Content-Type": "application/fhir+json"})
        assert response.status_code == 200, response.text[:2000]
        body = response.json()
        assert body["type"] == "transaction-response"
        statuses.append([entry["response"]["status"] for entry in body["entry"]])
    return statuses


def _counts(client: httpx.Client) -> dict[str, int]:
    counts: dict[str, int] = client.get("/$counts").json()
    return counts


def test_reposting_an_export_creates_nothing_twice(
    fhir_server: str, sqlite_store: Store, tmp_path: Path
) -> None:
    _verified_batch(sqlite_store, tmp_path, "first")
    out = tmp_path / "first.ndjson"
    sqlite_store.export("first", "fhir", out, user="sue")
    bundles = [json.loads(line) for line in out.read_text().splitlines()]
    expected: dict[str, int] = {}
    for bundle in bundles:
        for entry in bundle["entry"]:
            kind = entry["resource"]["resourceType"]
            expected[kind] = expected.get(kind, 0) + 1
    with httpx.Client(base_url=fhir_server, timeout=60) as client:
        before = _counts(client)
        first = _post_all(client, out)
        assert all(status.startswith("201") for statuses in first for status in statuses)
        after_first = _counts(client)
        assert {k: after_first.get(k, 0) - before.get(k, 0) for k in expected} == expected
        assert expected["Patient"] == 2 and expected["MedicationRequest"] == 3

        second = _post_all(client, out)  # the receiver gets the same export again
        assert all(status.startswith("200") for statuses in second for status in statuses), second
        assert _counts(client) == after_first

        # Re-exported from the store (the documents are "exported" now): still nothing new.
        again = tmp_path / "again.ndjson"
        sqlite_store.export("first", "fhir", again, user="sue")
        _post_all(client, again)
        assert _counts(client) == after_first

        # Each resource is found by its identifier, once.
        patient_key = next(
            e["fullUrl"].removeprefix("urn:uuid:")
            for b in bundles
            for e in b["entry"]
            if e["resource"]["resourceType"] == "Patient" and "Helen" in json.dumps(e)
        )
        found = client.get(
            "/Patient", params={"identifier": f"{RESOURCE_SYSTEM}|{patient_key}"}
        ).json()
        assert [e["resource"]["name"][0]["text"] for e in found["entry"]] == ["Helen Okafor first"]

        # Another batch of other documents adds its own resources, sharing the insurer.
        _verified_batch(sqlite_store, tmp_path, "second")
        other = tmp_path / "second.ndjson"
        sqlite_store.export("second", "fhir", other, user="sue")
        _post_all(client, other)
        final = _counts(client)
        assert final["Patient"] == after_first["Patient"] + 2
        assert final["Organization"] == after_first["Organization"]  # one insurer


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_what_the_receiver_gets(fhir_server: str, sqlite_store: Store, tmp_path: Path) -> None:
    _verified_batch(sqlite_store, tmp_path, "b")
    out = tmp_path / "out.ndjson"
    sqlite_store.export("b", "fhir", out, user="sue")
    bundles = [json.loads(line) for line in out.read_text().splitlines()]
    rx = next(b for b in bundles if _resources(b, "MedicationRequest"))
    pd = next(b for b in bundles if _resources(b, "Coverage"))

    for bundle in bundles:
        for entry in bundle["entry"]:
            resource = entry["resource"]
            key = entry["fullUrl"].removeprefix("urn:uuid:")
            assert {"system": RESOURCE_SYSTEM, "value": key} in resource["identifier"]
            assert entry["request"] == {
                "method": "PUT",
                "url": f"{resource['resourceType']}?identifier={RESOURCE_SYSTEM}|{key}",
            }
        for observation in _resources(bundle, "Observation"):
            assert observation["effectiveDateTime"]  # a date on every Observation
            assert observation["code"].get("text") != "Record date"

    requests = _resources(rx, "MedicationRequest")
    by_medicine = {r["medicationCodeableConcept"]["text"]: r for r in requests}
    assert set(by_medicine) == {"Amoxicillin 500 mg", "Ibuprofen 400 mg", "Betaloc 100mg"}
    assert [d["text"] for d in by_medicine["Amoxicillin 500 mg"]["dosageInstruction"]] == [
        "Amoxicillin three times a day for 7 days"
    ]
    assert [d["text"] for d in by_medicine["Ibuprofen 400 mg"]["dosageInstruction"]] == [
        "Ibuprofen as needed"
    ]
    assert [d["text"] for d in by_medicine["Betaloc 100mg"]["dosageInstruction"]] == [
        "1 tab BID",
        "Betaloc with breakfast",
    ]

    vitals = {
        o["code"]["coding"][0]["code"]: o["valueQuantity"]
        for o in _resources(pd, "Observation")
        if "valueQuantity" in o
    }
    ucum = "http://unitsofmeasure.org"
    assert vitals["29463-7"] == {"value": 72, "unit": "kg", "system": ucum, "code": "kg"}
    assert vitals["8302-2"] == {"value": 178, "unit": "cm", "system": ucum, "code": "cm"}
    (condition,) = _resources(pd, "Condition")
    assert condition["code"]["coding"][0]["system"] == "http://hl7.org/fhir/sid/icd-10-cm"
    assert condition["code"]["coding"][0]["code"] == "J45"
    (coverage,) = _resources(pd, "Coverage")
    assert coverage["subscriberId"] == PATIENT_DETAILS["policy_number"]

    (reference,) = _resources(rx, "DocumentReference")
    attachment = reference["content"][0]["attachment"]
    assert "url" not in attachment  # no file:// path of the exporting machine
    stored = sqlite_store.load_document(
        next(d.id for d in sqlite_store.documents("b") if d.source_name == "rx.png")
    )
    import base64

    # the scan itself, not its sealed copy in the store
    assert base64.b64decode(attachment["data"]) == stored.seal.read(stored.source_path)
    assert not stored.source_path.read_bytes().startswith(b'{"document')

    linked = tmp_path / "linked.ndjson"
    options = ExportOptions(scan_url="https://scans.example.org/medreview")
    sqlite_store.export("b", "fhir", linked, user="sue", options=options)
    for line in linked.read_text().splitlines():
        (ref,) = _resources(json.loads(line), "DocumentReference")
        attachment = ref["content"][0]["attachment"]
        assert "data" not in attachment
        assert attachment["url"].startswith("https://scans.example.org/medreview/")

    with httpx.Client(base_url=fhir_server, timeout=60) as client:
        _post_all(client, out)  # the validator finds no error in any resource
        _post_all(client, linked)


def test_the_validator_catches_errors(fhir_server: str) -> None:
    broken = {
        "resourceType": "Observation",
        "code": {"text": "Weight"},
        "valueQuantity": {"value": "heavy"},
    }
    with httpx.Client(base_url=fhir_server, timeout=60) as client:
        outcome = client.post("/$validate", json=broken).json()
        errors = [i for i in outcome["issue"] if i["severity"] == "error"]
        assert errors  # status missing, value not a decimal
        bundle = {
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": [{"resource": broken, "request": {"method": "POST", "url": "Observation"}}],
        }
        refused = client.post("/", json=bundle)
        assert refused.status_code == 400
