"""``medreview layouts`` in-process through ``medreview.cli.main``, and ``extract`` using them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medreview.cli import main
from medreview.errors import ExitCode
from medreview.store import Store
from tests.accounts import add_people

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SCAN = SAMPLES / "rx_printed_scan.png"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MEDREVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDREVIEW_DATABASE", raising=False)
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    with Store.open(url) as store:
        add_people(store)  # the commands sign in as ana or sue
    return url


def values_file(tmp_path: Path) -> Path:
    truth = json.loads(SCAN.with_suffix(".json").read_text())
    path = tmp_path / "values.json"
    path.write_text(
        json.dumps({"document_type": truth["document_type"], "fields": truth["fields"]})
    )
    return path


@pytest.mark.slow
def test_learn_list_show_extract_remove(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    truth = json.loads(SCAN.with_suffix(".json").read_text())["fields"]
    values = values_file(tmp_path)
    args = ["--database", database, "--user", "ana"]
    assert main(["layouts", "learn", str(SCAN), str(values), "--name", "tanaka-pad", *args]) == 0
    assert "learned layout tanaka-pad (prescription, 7 fields" in capsys.readouterr().err

    assert main(["layouts", "list", "--database", database]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["NAME", "TYPE", "FIELDS", "DOCS", "TAUGHT", "BY", "FROM"]
    assert listing[1].split() == ["tanaka-pad", "prescription", "7", "1", "ana", SCAN.name]

    assert main(["layouts", "show", "tanaka-pad", "--database", database]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"# taught by ana from {SCAN.name}")
    assert 'name = "tanaka-pad"' in shown and "Directions" in shown
    for value in ("Amara", "Rivera", "Tamsulosin", "597", "05/28/2021"):
        assert value not in shown

    assert main(["layouts", "learn", str(SCAN), str(values), "--name", "tanaka-pad", *args]) == 0
    assert "refined layout tanaka-pad" in capsys.readouterr().err
    assert main(["layouts", "list", "--json", "--database", database]) == 0
    (row,) = [r for r in json.loads(capsys.readouterr().out) if not r["shipped"]]
    assert (row["name"], row["documents"], row["taught_by"]) == ("tanaka-pad", 2, "ana")

    assert main(["extract", str(SCAN), "--database", database]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["layout"] == "tanaka-pad"
    assert {name: f["value"] for name, f in result["fields"].items()} == truth
    assert main(["extract", str(SCAN), "--database", database, "--no-layouts"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["layout"] is None

    refused = main(["layouts", "remove", "tanaka-pad", "--database", database, "--user", "ana"])
    assert refused == ExitCode.AUTH
    assert "needs a supervisor" in capsys.readouterr().err
    assert main(["layouts", "show", "tanaka-pad", "--database", database]) == 0  # still there
    capsys.readouterr()
    assert main(["layouts", "remove", "tanaka-pad", "--database", database, "--user", "sue"]) == 0
    capsys.readouterr()
    assert main(["layouts", "show", "tanaka-pad", "--database", database]) == 2
    assert "no layout called 'tanaka-pad'" in capsys.readouterr().err


def test_learn_refuses_bad_values_files(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"document_type": "invoice", "fields": {}}')
    assert main(["layouts", "learn", str(SCAN), str(bad), "--database", database]) == 2
    assert "unknown document_type 'invoice'" in capsys.readouterr().err
    bad.write_text("not json")
    assert main(["layouts", "learn", str(SCAN), str(bad), "--database", database]) == 2
    assert "cannot read the values as JSON" in capsys.readouterr().err


def test_learn_reports_an_unreadable_scan(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    code = main(
        ["layouts", "learn", str(empty), str(values_file(tmp_path)), "--database", database]
    )
    assert code == 1
    assert "empty.png" in capsys.readouterr().err
