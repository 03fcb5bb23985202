"""``medreview --self-test``: is this installation (or bundle) whole?

Runs every external program medreview uses (found as :mod:`medreview.programs`
finds them) and reads the sample scans that ship with medreview through the full
pipeline: a
printed prescription (PNG) and a scanned two-page patient record (PDF), which
between them need the OCR engine, the ``tesseract`` program (page orientation),
poppler's programs, the lexicon and the parsers. Each result's fields are
compared with the ground truth beside the scan. Every offline OCR engine is
loaded, and an in-memory store is opened (running every migration), given the
first result, read back and closed. A short report goes to ``out``; the exit
code is 0 when every check passed, else the failing check's code, with its
reason on the report. Reasons are error messages and field names, never values.
"""

from __future__ import annotations

import functools
import json
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from medreview import programs
from medreview.config import PipelineConfig
from medreview.errors import ExitCode, MedreviewError
from medreview.model import ExtractionResult
from medreview.ocr import engine_names, get_engine
from medreview.pipeline import extract_file
from medreview.store import Store
from medreview.store.migrate import head_revision

SAMPLE_FILES = ("rx_printed_scan.png", "patient_record.pdf")
# Share of the ground truth's fields that must be read exactly. An installation fault shows
# as an error or as most fields lost; the engines' accuracy is the benchmarks' business
# (PP-OCR reads 19 of the record's 21 fields today, Tesseract all of them).
MIN_FIELDS_MATCHED = 0.75
# Engines that need a network service; the self-test stays offline.
ONLINE_ENGINES = frozenset({"vision"})
_OWNER = "self-test"


class SelfTestFailure(MedreviewError):
    """A self-test check found something wrong."""

    code = "self_test"
    exit_code = ExitCode.FILE_FAILED


def samples_dir() -> Path:
    """The sample scans: in the bundle when frozen, else beside the package."""
    return programs.bundled("samples") or Path(__file__).resolve().parent.parent / "samples"


@dataclass(slots=True)
class _Report:
    out: TextIO
    failures: list[MedreviewError]

    def check(self, name: str, run: Callable[[], str]) -> None:
        """Run one check; print ``ok`` with its detail or ``FAIL`` with the reason."""
        started = time.perf_counter()
        try:
            detail = run()
        except MedreviewError as exc:
            self.failures.append(exc)
            self.out.write(f"  FAIL  {name}: {exc.message}\n")
            return
        except Exception as exc:  # report any bug as a failed check, without its message
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failure = SelfTestFailure(
                f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            )
            failure.exit_code = ExitCode.INTERNAL
            self.failures.append(failure)
            self.out.write(f"  FAIL  {name}: {failure.message}\n")
            return
        self.out.write(f"  ok    {name}: {detail} ({time.perf_counter() - started:.1f} s)\n")


def _programs() -> str:
    base = programs.bundle_dir()
    found = []
    for program in programs.PROGRAMS:
        line = programs.version(program)
        path = programs.find(program)
        where = "bundle" if base and path.resolve().is_relative_to(base.resolve()) else str(path)
        found.append(f"{program.name} {line.split()[-1]} ({where})")
    return ", ".join(found)


def _engines(config: PipelineConfig) -> str:
    names = [name for name in engine_names() if name not in ONLINE_ENGINES]
    versions = [f"{name} ({get_engine(name, config.language).version()})" for name in names]
    return f"default {config.engine}; loaded " + ", ".join(versions)


def _truth(scan: Path) -> dict[str, Any]:
    truth_path = scan.with_suffix(".json")
    if not scan.is_file() or not truth_path.is_file():
        raise SelfTestFailure(f"the sample {scan.name} or its ground truth is missing")
    truth: dict[str, Any] = json.loads(truth_path.read_text(encoding="utf-8"))
    return truth


def _compare(scan: Path, result: ExtractionResult) -> str:
    """Check a result against its ground truth; the detail line, or SelfTestFailure."""
    if result.error is not None:
        raise SelfTestFailure(result.error.message)
    truth = _truth(scan)
    if result.document_type != truth["document_type"]:
        raise SelfTestFailure(f"{scan.name} was classified as {result.document_type}")
    if len(result.pages) != truth["pages"]:
        raise SelfTestFailure(f"{scan.name}: {len(result.pages)} pages read of {truth['pages']}")
    read = result.to_json()["fields"]
    expected: dict[str, Any] = truth["fields"]
    wrong = sorted(
        name for name, value in expected.items() if read.get(name, {}).get("value") != value
    )
    matched = len(expected) - len(wrong)
    if matched < MIN_FIELDS_MATCHED * len(expected):
        raise SelfTestFailure(
            f"{scan.name}: {matched}/{len(expected)} fields as expected; "
            f"misread: {', '.join(wrong)}"
        )
    misread = f"; misread: {', '.join(wrong)}" if wrong else ""
    return (
        f"{result.document_type}, {len(result.pages)} page(s), "
        f"{matched}/{len(expected)} fields as expected{misread}"
    )


def _store(scan: Path, result: ExtractionResult | None) -> str:
    if result is None or result.error is not None:
        raise SelfTestFailure(f"no result of {scan.name} to store")
    with tempfile.TemporaryDirectory(prefix="medreview-selftest-") as folder:
        store = Store.open("sqlite://", files_root=Path(folder))
        try:
            [ref] = store.add_files(_OWNER, [scan])
            [(doc_id, _path)] = store.claim_for_processing(
                _OWNER, _OWNER, limit=1, lease_seconds=60
            )
            status = store.store_result(doc_id, result, owner=_OWNER)
            record = store.load_document(doc_id)
        finally:
            store.close()
    if doc_id != ref.id or set(record.result.fields) != set(result.fields):
        raise SelfTestFailure("the store did not give back the document it was given")
    return (
        f"in-memory SQLite at schema {head_revision()}; a document stored "
        f"({status.value}), read back and closed"
    )


def run_self_test(
    out: TextIO, samples: Path | None = None, config: PipelineConfig | None = None
) -> int:
    """Run every check, print the report to ``out`` and return the exit code."""
    samples = samples or samples_dir()
    config = config or PipelineConfig()
    base = programs.bundle_dir()
    where = f"bundle {base}" if base else f"source {Path(__file__).resolve().parent}"
    out.write(f"medreview self-test ({where})\n")
    started = time.perf_counter()
    report = _Report(out, [])
    report.check("programs", _programs)
    report.check("OCR engines", lambda: _engines(config))
    results: dict[str, ExtractionResult] = {}

    def read(name: str) -> str:
        scan = samples / name
        _truth(scan)
        results[name] = extract_file(scan, config, source=name)
        return _compare(scan, results[name])

    for name in SAMPLE_FILES:
        report.check(name, functools.partial(read, name))
    first = SAMPLE_FILES[0]
    report.check("store", lambda: _store(samples / first, results.get(first)))
    elapsed = time.perf_counter() - started
    if report.failures:
        out.write(f"self-test FAILED: {len(report.failures)} check(s) failed ({elapsed:.1f} s)\n")
        return int(report.failures[0].exit_code)
    out.write(f"self-test passed ({elapsed:.1f} s)\n")
    return int(ExitCode.OK)
