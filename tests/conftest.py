"""Settings every test shares."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medreview.commands.storeopts import NEW_PASSWORD_ENV, PASSWORD_ENV
from medreview.store.keys import ENCRYPTION_ENV, KEY_ENV
from tests.accounts import PASSWORD

STORE_KEY = "test store passphrase"


def pytest_configure(config: pytest.Config) -> None:
    """Parallel workers (pytest-xdist) each get their own data directory, so a test
    that uses the shared default never meets another worker's store."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = os.environ.get("MEDREVIEW_DATA_DIR")
    if worker and shared:
        own = Path(shared) / worker
        own.mkdir(parents=True, exist_ok=True)
        os.environ["MEDREVIEW_DATA_DIR"] = str(own)


@pytest.fixture(autouse=True)
def _password_for_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands sign in with the test accounts' password (as a script would), and
    embedded stores are encrypted with a passphrase (there is no OS keyring here)."""
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    monkeypatch.delenv(NEW_PASSWORD_ENV, raising=False)
    monkeypatch.setenv(KEY_ENV, STORE_KEY)
    monkeypatch.delenv(ENCRYPTION_ENV, raising=False)
