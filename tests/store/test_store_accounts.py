"""Accounts are real: argon2 passwords, set-up once, managed by supervisors, audited;
roles are enforced by the store whatever the entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from medreview.cli import main
from medreview.errors import AuthenticationError, PermissionDeniedError, UsageError
from medreview.store import Store
from tests.accounts import PASSWORD


def _actions(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars())


def test_passwords_are_argon2_hashes_and_checked(store: Store) -> None:
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE name = 'alice'")).scalar()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert store.authenticate("alice", PASSWORD).role == "analyst"
    with pytest.raises(AuthenticationError):
        store.authenticate("alice", "not the password")
    with pytest.raises(AuthenticationError):
        store.authenticate("nobody", PASSWORD)
    with pytest.raises(AuthenticationError):
        store.authenticate("system", "")  # the system user cannot sign in
    actions = _actions(store)
    assert actions.count("signed_in") == 1 and actions.count("sign_in_failed") == 3


def test_only_one_first_supervisor_and_only_supervisors_manage_accounts(store: Store) -> None:
    with pytest.raises(PermissionDeniedError):
        store.create_first_supervisor("eve", "another password")
    with pytest.raises(PermissionDeniedError):
        store.create_user("alice", "carol", "supervisor", "some password")
    with pytest.raises(UsageError):
        store.create_user("sue", "carol", "analyst", "short")
    store.create_user("sue", "carol", "analyst", "carol's password")
    with pytest.raises(UsageError):
        store.create_user("sue", "carol", "analyst", "carol's password")
    with pytest.raises(PermissionDeniedError):
        store.set_role("alice", "carol", "supervisor")
    assert store.set_role("sue", "carol", "supervisor").role == "supervisor"
    store.set_active("sue", "carol", False)
    with pytest.raises(AuthenticationError):
        store.authenticate("carol", "carol's password")
    with pytest.raises(AuthenticationError):
        store.claim_next("carol")  # a disabled account does nothing
    store.set_password("alice", "alice", "alice's new password")
    assert store.authenticate("alice", "alice's new password").name == "alice"
    with pytest.raises(PermissionDeniedError):
        store.set_password("alice", "bob", "bob's new password")
    actions = _actions(store)
    for action in ("user_created", "role_changed", "user_disabled", "password_changed"):
        assert action in actions, action


def test_no_entry_point_makes_a_supervisor_of_a_name(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AuthenticationError):
        store.export("b", "csv", tmp_path / "out.csv", user="anyname")
    with pytest.raises(PermissionDeniedError):
        store.export("b", "csv", tmp_path / "out.csv", user="alice")
    with pytest.raises(AuthenticationError):
        store.claim_next("anyname")
    assert not (tmp_path / "out.csv").exists()
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM users")).scalars())
    assert "anyname" not in names


def test_set_up_and_manage_accounts_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("MEDREVIEW_NEW_PASSWORD", "first password")
    assert main(["user", "setup", "boss", "--database", url]) == 0
    assert main(["user", "setup", "eve", "--database", url]) == 7  # only once
    monkeypatch.setenv("MEDREVIEW_PASSWORD", "first password")
    monkeypatch.setenv("MEDREVIEW_NEW_PASSWORD", "analyst password")
    assert main(["user", "add", "ann", "--user", "boss", "--database", url]) == 0
    assert main(["user", "list", "--user", "boss", "--database", url]) == 0
    assert "ann\tanalyst" in capsys.readouterr().out
    monkeypatch.setenv("MEDREVIEW_PASSWORD", "analyst password")
    assert main(["user", "add", "mallory", "--user", "ann", "--database", url]) == 7
    out = tmp_path / "out.csv"
    args = ["export", "--batch", "b", "--format", "csv", "--out", str(out), "--database", url]
    assert main([*args, "--user", "ann"]) == 7
    assert main([*args, "--user", "anyname"]) == 7
    assert not out.exists()
