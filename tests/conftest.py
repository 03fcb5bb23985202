"""Settings every test shares."""

from __future__ import annotations

import pytest

from medreview.commands.storeopts import NEW_PASSWORD_ENV, PASSWORD_ENV
from tests.accounts import PASSWORD


@pytest.fixture(autouse=True)
def _password_for_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands sign in with the test accounts' password (as a script would)."""
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    monkeypatch.delenv(NEW_PASSWORD_ENV, raising=False)
