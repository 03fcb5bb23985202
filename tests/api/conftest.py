"""A real API server on a loopback port, in a thread of the test process.

The server is uvicorn serving ``create_app`` over a fresh SQLite store, with
the real pipeline (Tesseract) for uploads and one-off extractions; the tests
talk HTTP to it with httpx.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn

from medreview.api.app import ApiSettings, create_app
from medreview.store import Store
from tests.accounts import add_people

MAX_REQUEST_BYTES = 2 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class RunningServer:
    url: str
    database: str
    files_root: Path
    supervisor_token: str
    analyst_token: str
    clients: list[httpx.Client] = field(default_factory=list)

    def client(self, token: str | None = None) -> httpx.Client:
        """A client (closed when the test ends) that sends ``token`` as its bearer."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        client = httpx.Client(base_url=self.url, headers=headers, timeout=120)
        self.clients.append(client)
        return client

    def store(self) -> Store:
        return Store.open(self.database, files_root=self.files_root)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDREVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDREVIEW_DATABASE", raising=False)
    monkeypatch.delenv("MEDREVIEW_FILES_DIR", raising=False)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    database = f"sqlite:///{tmp_path / 'api.sqlite3'}"
    files_root = tmp_path / "files"
    with Store.open(database, files_root=files_root) as store:
        add_people(store)
        supervisor_token = store.create_token("sue", by="sue").secret
        analyst_token = store.create_token("alice", by="sue").secret
    settings = ApiSettings(
        database=database,
        files_root=files_root,
        ingest_workers=0,
        extract_workers=1,
        max_request_bytes=MAX_REQUEST_BYTES,
        poll_seconds=0.5,
    )
    port = free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the API server did not start")
        time.sleep(0.05)
    running_server = RunningServer(
        f"http://127.0.0.1:{port}", database, files_root, supervisor_token, analyst_token
    )
    try:
        yield running_server
    finally:
        for client in running_server.clients:
            client.close()
        running.should_exit = True
        thread.join(60)
        assert not thread.is_alive(), "the API server did not stop"
