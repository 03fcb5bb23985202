"""``medreview --self-test`` from source: passes here, fails with a reason when something is off."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from medreview import programs
from medreview.cli import main
from medreview.commands.gui import gui_command
from medreview.errors import ExitCode
from medreview.selftest import MIN_FIELDS_MATCHED, SAMPLE_FILES, run_self_test, samples_dir

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def copy_samples(folder: Path) -> Path:
    folder.mkdir()
    for name in SAMPLE_FILES:
        for path in (SAMPLES / name, (SAMPLES / name).with_suffix(".json")):
            shutil.copy(path, folder / path.name)
    return folder


def test_the_samples_are_found_beside_the_package_from_source() -> None:
    assert samples_dir() == SAMPLES


@pytest.mark.slow
def test_self_test_passes_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == ExitCode.OK
    report = capsys.readouterr().out
    lines = report.splitlines()
    assert lines[0].startswith("medreview self-test (source ")
    checks = [line.split(":")[0].split() for line in lines[1:-1]]
    assert checks == [
        ["ok", "programs"],
        ["ok", "OCR", "engines"],
        ["ok", "rx_printed_scan.png"],
        ["ok", "patient_record.pdf"],
        ["ok", "store"],
    ]
    assert "7/7 fields as expected" in report
    # The default engine (PP-OCR) may slip a letter in a field or two of the scanned
    # record (the engines' accuracy is the benchmarks' business): the check passes at
    # MIN_FIELDS_MATCHED and names what it misread, never the values.
    record = next(line for line in lines if "patient_record.pdf" in line)
    found = re.search(r"(\d+)/(\d+) fields as expected(?:; misread: (\w+(?:, \w+)*))?", record)
    assert found is not None, record
    matched, total = int(found[1]), int(found[2])
    misread = found[3].split(", ") if found[3] else []
    truth = json.loads((SAMPLES / "patient_record.json").read_text())["fields"]
    assert total == len(truth) == 21 and matched >= MIN_FIELDS_MATCHED * total
    assert len(misread) == total - matched and set(misread) <= set(truth)
    for value in truth.values():
        for item in value if isinstance(value, list) else [value]:
            assert len(str(item)) < 4 or str(item) not in report
    assert lines[-1].startswith("self-test passed")


@pytest.mark.slow
def test_misread_fields_fail_it_by_name_without_values(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path / "samples")
    truth_path = samples / "rx_printed_scan.json"
    truth = json.loads(truth_path.read_text())
    truth["fields"]["refills"] = 7
    truth["fields"]["date"] = "1999-01-01"
    truth_path.write_text(json.dumps(truth))
    out = io.StringIO()
    assert run_self_test(out, samples=samples) == ExitCode.FILE_FAILED
    report = out.getvalue()
    assert "FAIL  rx_printed_scan.png: rx_printed_scan.png: 5/7 fields as expected" in report
    assert "misread: date, refills" in report
    assert "ok    patient_record.pdf" in report
    assert "self-test FAILED: 1 check(s) failed" in report
    for value in ("Amara", "Tanaka", "2021-05-28", "1999-01-01"):
        assert value not in report


@pytest.mark.slow
def test_a_missing_program_fails_it_naming_the_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for program in programs.PROGRAMS:
        monkeypatch.delenv(program.setting, raising=False)
    out = io.StringIO()
    assert run_self_test(out) == ExitCode.ENGINE
    report = out.getvalue()
    assert "FAIL  programs: the tesseract program was not found" in report
    assert "FAIL  patient_record.pdf: the pdfinfo program was not found" in report
    assert "install poppler-utils or set MEDREVIEW_POPPLER" in report


def test_a_missing_sample_fails_it(tmp_path: Path) -> None:
    samples = copy_samples(tmp_path / "samples")
    (samples / "patient_record.pdf").unlink()
    (samples / "rx_printed_scan.json").unlink()
    out = io.StringIO()
    assert run_self_test(out, samples=samples) != ExitCode.OK
    report = out.getvalue()
    assert "FAIL  rx_printed_scan.png: the sample rx_printed_scan.png or its ground truth" in report
    assert "FAIL  patient_record.pdf: the sample patient_record.pdf or its ground truth" in report
    assert "FAIL  store: no result of rx_printed_scan.png to store" in report


def test_a_command_or_the_self_test_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == ExitCode.USAGE
    assert "a command is required" in capsys.readouterr().err


def test_gui_runs_the_bundle_executable_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    assert gui_command(["--batch", "b"]) == [sys.executable, "-m", "ui.app", "--batch", "b"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert gui_command(["--batch", "b"]) == [sys.executable, "gui", "--batch", "b"]
