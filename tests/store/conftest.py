"""Fixtures of the store tests: a private PostgreSQL server and per-test databases.

The server is Debian's PostgreSQL binaries started with ``pg_ctl`` in a temporary
directory on a free private port (the system cluster is not used). If it cannot
start, every PostgreSQL test fails with the reason; none is skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from medreview.store import Store
from tests.accounts import add_people

# Each parallel test worker (pytest-xdist) starts its search from its own ports.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
FIRST_PORT = 54329 + 10 * int(_WORKER.removeprefix("gw") or 0)
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def _pg_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not versions:
        pytest.fail("PostgreSQL is not installed (run scripts/setup.sh): no pg_ctl found")
    return versions[-1].parent


def _free_port(start: int = FIRST_PORT) -> int:
    for port in range(start, start + 100):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free TCP port for the test PostgreSQL server")


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class PostgresServer:
    """A throw-away PostgreSQL cluster."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.base = Path(tempfile.mkdtemp(prefix="medreview-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self.log = self.base / "server.log"
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")

    def _run(self, args: list[str], *, fail: bool = True) -> bool:
        done = subprocess.run(
            _as_postgres(args), capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0 and fail:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            pytest.fail(
                f"PostgreSQL test server: {' '.join(args[:1])} failed ({done.returncode}):\n"
                f"{done.stdout}\n{done.stderr}\n{log}"
            )
        return done.returncode == 0

    def start(self) -> None:
        self._run(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        )
        # Another test run may take the port between the check and the start: retry.
        for attempt in range(3):
            options = (
                f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
                "-c max_connections=200"
            )
            command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options]
            command += ["-l", str(self.log), "-w", "-t", "60", "start"]
            if self._run(command, fail=attempt == 2):
                return
            self.port = _free_port(self.port + 1)

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]),
            capture_output=True,
            timeout=120,
            check=False,
        )
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data directory."""
    monkeypatch.setenv("MEDREVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDREVIEW_DATABASE", raising=False)
    monkeypatch.delenv("MEDREVIEW_FILES_DIR", raising=False)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    server.admin(f"CREATE DATABASE {name}")
    try:
        yield server.url(name)
    finally:
        server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(database_url, files_root=tmp_path / "files")
    add_people(opened)
    try:
        yield opened
    finally:
        opened.close()
