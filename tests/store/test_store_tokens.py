from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from medreview.cli import main
from medreview.commands.storeopts import PASSWORD_ENV
from medreview.errors import AuthenticationError, PermissionDeniedError, RecordNotFoundError
from medreview.store import Store
from medreview.store.schema import ApiToken, AuditEntry
from medreview.store.tokens import hash_token
from tests.accounts import PASSWORD, add_people


def test_tokens_issue_authenticate_and_revoke(store: Store) -> None:
    issued = store.create_token("alice", by="sue", label="scanner")
    assert issued.secret.startswith("mrt_") and len(issued.secret) > 40
    assert store.authenticate_token(issued.secret).name == "alice"
    assert store.authenticate_token(f" {issued.secret}\n").role == "analyst"
    second = store.create_token("alice", by="sue")
    assert second.secret != issued.secret

    (info, _) = store.tokens("alice")
    assert (info.label, info.active) == ("scanner", True)
    assert info.last_used_at is not None  # touched by the authentication

    with store.engine.connect() as conn:
        hashes = list(conn.execute(select(ApiToken.token_hash)).scalars())
        details = [d for d in conn.execute(select(AuditEntry.detail)).scalars() if d]
    assert hash_token(issued.secret) in hashes
    assert issued.secret not in hashes
    assert not any(issued.secret in detail for detail in details)
    assert "alice token 1" in details

    assert store.revoke_tokens("alice", by="sue", token_id=info.id) == 1
    with pytest.raises(AuthenticationError, match="revoked") as caught:
        store.authenticate_token(issued.secret)
    assert issued.secret not in caught.value.message
    assert store.authenticate_token(second.secret).name == "alice"
    assert store.revoke_tokens("alice", by="sue") == 1
    with pytest.raises(AuthenticationError):
        store.authenticate_token(second.secret)
    with pytest.raises(RecordNotFoundError):
        store.revoke_tokens("alice", by="sue", token_id=info.id)


def test_only_supervisors_issue_tokens_and_only_to_people(store: Store) -> None:
    with pytest.raises(PermissionDeniedError):
        store.create_token("alice", by="alice")
    with pytest.raises(AuthenticationError):
        store.create_token("nobody", by="sue")
    with pytest.raises(AuthenticationError):
        store.create_token("alice", by="nobody")
    with pytest.raises(AuthenticationError):  # the system signs nobody in
        store.create_token("system", by="sue")
    token = store.create_token("alice", by="sue").secret
    with pytest.raises(PermissionDeniedError):
        store.revoke_tokens("alice", by="alice")
    for forged in ("", "mrt_", "mrt_" + "x" * 500, token[:-1], token.replace("mrt_", "xyz_")):
        with pytest.raises(AuthenticationError):
            store.authenticate_token(forged)


def test_token_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
) -> None:
    db = ["--database", database_url]
    with Store.open(database_url, files_root=tmp_path / "f") as store:
        add_people(store)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert main(["token", "create", "alice", "--by", "sue", "--label", "lab", *db]) == 0
    out = capsys.readouterr()
    token = out.out.strip()
    assert token.startswith("mrt_") and token not in out.err
    assert main(["token", "create", "sue", "--by", "alice", *db]) == 7  # not a supervisor
    assert "supervisor" in capsys.readouterr().err
    assert main(["token", "list", "--by", "sue", *db]) == 0
    listing = capsys.readouterr().out
    assert "alice" in listing and "active" in listing and token not in listing
    assert main(["token", "list", "--by", "alice", *db]) == 7
    assert main(["token", "revoke", "alice", "--by", "sue", *db]) == 0
    assert "revoked 1 token(s)" in capsys.readouterr().err
    with (
        Store.open(database_url, files_root=tmp_path / "f") as store,
        pytest.raises(AuthenticationError),
    ):
        store.authenticate_token(token)
