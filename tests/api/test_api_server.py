"""The HTTP API end to end: a running server, real OCR, httpx over loopback."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from medreview.commands.storeopts import NEW_PASSWORD_ENV, PASSWORD_ENV
from medreview.store import Status
from tests.accounts import PASSWORD
from tests.api.conftest import MAX_REQUEST_BYTES, RunningServer, free_port

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "rx_printed_scan.png"
TRUTH = json.loads(SAMPLE.with_suffix(".json").read_text())["fields"]


def _wait_until_read(client: httpx.Client, doc_id: int, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = client.get(f"/api/v1/documents/{doc_id}").json()
        if body["status"] not in ("queued", "processing"):
            return body
        assert time.monotonic() < deadline, f"document {doc_id} still {body['status']}"
        time.sleep(0.3)


def _error(response: httpx.Response) -> dict[str, str]:
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, str] = response.json()["error"]
    assert error["code"] and error["message"]
    return error


def test_upload_status_result_and_export(server: RunningServer, tmp_path: Path) -> None:
    analyst = server.client(server.analyst_token)
    bad = tmp_path / "notes.txt"
    bad.write_text("not a scan")
    started = time.monotonic()
    response = analyst.post(
        "/api/v1/batches/api-batch/documents",
        files=[
            ("files", (SAMPLE.name, SAMPLE.read_bytes(), "image/png")),
            ("files", (bad.name, bad.read_bytes(), "text/plain")),
        ],
    )
    answered_in = time.monotonic() - started
    assert response.status_code == 202, response.text
    good, refused = response.json()["documents"]
    assert answered_in < 5  # registered and answered, not OCRed while the client waits
    assert good["status"] == "queued" and good["created"] is True
    assert refused["id"] is None and refused["error"]["code"] == "not_a_document"

    status = _wait_until_read(analyst, good["id"])
    assert status["status"] == "ready" and status["document_type"] == "prescription"
    assert status["source"] == SAMPLE.name

    result = analyst.get(f"/api/v1/documents/{good['id']}/result").json()
    assert set(result) >= {"source", "document_type", "engine", "pages", "fields", "error"}
    assert result["error"] is None and result["status"] == "ready"
    for name in ("patient_name", "prescriber", "date"):
        assert result["fields"][name]["value"] == TRUTH[name], name
        assert len(result["fields"][name]["bbox"]) == 4

    scan = analyst.get(f"/api/v1/scans/{good['sha256']}")
    assert scan.status_code == 200 and scan.content == SAMPLE.read_bytes()
    assert scan.headers["content-type"] == "image/png"
    assert analyst.get(f"/api/v1/scans/{'0' * 64}").status_code == 404
    assert analyst.get("/api/v1/scans/../../etc/passwd").status_code in (400, 404)

    batch = analyst.get("/api/v1/batches/api-batch").json()
    assert batch["counts"]["ready"] == 1 and len(batch["documents"]) == 1

    not_verified = analyst.get(f"/api/v1/documents/{good['id']}/copy")
    assert not_verified.status_code == 409

    # An analyst verifies it (with one edit) in the window; the result shows the final value.
    with server.store() as store:
        assert store.audit_for(good["id"])[0].actor == "alice"  # who uploaded it
        doc = store.claim_next("alice", "api-batch")
        assert doc is not None
        store.save_edit(doc.id, "alice", "medicines", ['=HYPERLINK("x")', "Bupropion 150 mg"])
        store.submit(doc.id, "alice")
    result = analyst.get(f"/api/v1/documents/{good['id']}/result").json()
    assert result["status"] == "verified"
    assert result["fields"]["medicines"]["value"][0] == '=HYPERLINK("x")'
    assert result["fields"]["medicines"]["edited"] is True

    for kind in ("searchable", "clean"):
        copy = analyst.get(f"/api/v1/documents/{good['id']}/copy", params={"kind": kind})
        assert copy.status_code == 200 and copy.content.startswith(b"%PDF-")
        assert copy.headers["content-type"] == "application/pdf"
        pdf = tmp_path / f"{kind}.pdf"
        pdf.write_bytes(copy.content)
        text = subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = " ".join(text.split())
        assert TRUTH["patient_name"] in text and "Bupropion 150 mg" in text, kind

    refused_export = analyst.post("/api/v1/batches/api-batch/export", params={"format": "csv"})
    assert refused_export.status_code == 403 and _error(refused_export)["code"] == "forbidden"

    supervisor = server.client(server.supervisor_token)
    exported = supervisor.post(
        "/api/v1/batches/api-batch/export",
        params={"format": "csv", "bom": "true", "lists": "joined"},
    )
    assert exported.status_code == 200, exported.text
    assert exported.headers["x-medreview-documents"] == "1"
    assert exported.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0]["patient_name"] == TRUTH["patient_name"]
    assert rows[0]["medicines"].startswith("'=HYPERLINK")  # neutralised
    with server.store() as store:
        assert store.batch("api-batch").counts[Status.EXPORTED] == 1

    fhir = supervisor.post("/api/v1/batches/api-batch/export", params={"format": "fhir"})
    assert fhir.status_code == 200 and fhir.headers["x-medreview-reexported"] == "1"
    assert json.loads(fhir.text.splitlines()[0])["type"] == "transaction"


def test_one_off_extraction_stores_nothing(server: RunningServer, tmp_path: Path) -> None:
    client = server.client(server.analyst_token)
    response = client.post(
        "/api/v1/extract",
        files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "image/png")},
        data={"document_type": "prescription"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == SAMPLE.name and body["document_type"] == "prescription"
    assert body["error"] is None
    assert body["fields"]["patient_name"]["value"] == TRUTH["patient_name"]
    assert body["fields"]["date"]["value"] == TRUTH["date"]

    detected = client.post(
        "/api/v1/extract", files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "image/png")}
    )
    assert detected.status_code == 200 and detected.json()["document_type"] == "prescription"

    broken = client.post(
        "/api/v1/extract", files={"file": ("scan.pdf", b"%PDF-1.4\nbroken", "application/pdf")}
    )
    assert broken.status_code == 422
    assert broken.json()["error"]["code"] in ("truncated", "not_a_document")

    wrong_type = client.post(
        "/api/v1/extract",
        files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "image/png")},
        data={"document_type": "invoice"},
    )
    assert wrong_type.status_code == 422 and _error(wrong_type)["code"] == "invalid_request"
    assert "invoice" not in wrong_type.text  # errors name parameters, never echo values

    with server.store() as store:
        assert store.batches() == []
    assert not any((server.files_root / "incoming").iterdir())  # uploads cleaned up


def test_authentication_failures(server: RunningServer) -> None:
    anonymous = server.client()
    assert anonymous.get("/api/v1/health").json() == {"status": "ok"}
    for method, path in (
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/documents/1"),
        ("GET", "/api/v1/batches/x"),
        ("POST", "/api/v1/batches/x/export"),
    ):
        response = anonymous.request(method, path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
        assert _error(response)["code"] == "unauthenticated"
    upload = anonymous.post(
        "/api/v1/batches/x/documents", files={"files": ("a.png", b"x", "image/png")}
    )
    assert upload.status_code == 401

    forged = server.client("mrt_" + "A" * 43)
    assert forged.get("/api/v1/me").status_code == 401
    assert server.client("not-a-token").get("/api/v1/me").status_code == 401
    basic = anonymous.get("/api/v1/me", headers={"Authorization": "Basic c3VlOnNlY3JldA=="})
    assert basic.status_code == 401

    analyst = server.client(server.analyst_token)
    assert analyst.get("/api/v1/me").json() == {"user": "alice", "role": "analyst"}
    with server.store() as store:
        assert store.revoke_tokens("alice", by="sue") == 1
    revoked = analyst.get("/api/v1/me")
    assert revoked.status_code == 401 and "revoked" in _error(revoked)["message"]
    assert "mrt_" not in revoked.text

    supervisor = server.client(server.supervisor_token)
    missing = supervisor.get("/api/v1/documents/999")
    assert missing.status_code == 404 and _error(missing)["code"] == "record_not_found"
    assert supervisor.get("/api/v1/batches/nope").status_code == 404


def test_oversized_uploads_are_refused(server: RunningServer) -> None:
    client = server.client(server.analyst_token)
    big = os.urandom(MAX_REQUEST_BYTES + 1024)
    declared = client.post(
        "/api/v1/batches/big/documents", files={"files": ("big.png", big, "image/png")}
    )
    assert declared.status_code == 413
    assert _error(declared)["code"] == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        boundary = b"--xyz\r\n"
        yield boundary
        yield b'Content-Disposition: form-data; name="files"; filename="big.png"\r\n'
        yield b"Content-Type: image/png\r\n\r\n"
        for _ in range(40):
            yield os.urandom(100 * 1024)
        yield b"\r\n--xyz--\r\n"

    streamed = client.post(
        "/api/v1/batches/big/documents",
        content=chunks(),
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert streamed.status_code == 413 and _error(streamed)["code"] == "too_large"
    with server.store() as store:
        assert store.batches() == []  # nothing registered

    assert client.get("/api/v1/me").status_code == 200  # the server is still serving


def test_openapi_documentation_is_served(server: RunningServer) -> None:
    anonymous = server.client()
    spec = anonymous.get("/openapi.json").json()
    assert {
        "/api/v1/batches/{batch}/documents",
        "/api/v1/documents/{doc_id}",
        "/api/v1/documents/{doc_id}/result",
        "/api/v1/extract",
        "/api/v1/batches/{batch}/export",
    } <= set(spec["paths"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    docs = anonymous.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_the_serve_command_runs_the_server(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {
        **os.environ,
        "MEDREVIEW_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
        NEW_PASSWORD_ENV: PASSWORD,  # the set-up's new password
        PASSWORD_ENV: PASSWORD,  # signing in afterwards
    }
    port = free_port()
    command = [sys.executable, "-m", "medreview.cli"]
    created = subprocess.run(
        [*command, "user", "setup", "sue", "--database", database],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sue is the first supervisor" in created.stderr
    token = subprocess.run(
        [*command, "token", "create", "sue", "--by", "sue", "--database", database],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert token.startswith("mrt_")
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--workers", "0", "--database", database],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)
        me = httpx.get(f"{url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json() == {"user": "sue", "role": "supervisor"}
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
    assert server.returncode == 0
    assert token not in errors
