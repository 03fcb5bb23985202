"""Finding external programs: the bundle, then the setting, then PATH, then a clear error."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from medreview import poppler, programs
from medreview.errors import EngineUnavailableError
from medreview.ocr.tesseract import PytesseractEngine

SAMPLE_PDF = Path(__file__).resolve().parent.parent / "samples" / "patient_record.pdf"
SYSTEM_PATH = os.environ.get("PATH", os.defpath)  # before any test empties it


def fake_program(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho fake\n")
    path.chmod(0o755)
    return path


def system(name: str) -> Path:
    found = shutil.which(name, path=SYSTEM_PATH)
    assert found, f"{name} is installed by scripts/setup.sh"
    return Path(found).resolve()


@pytest.fixture
def empty_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """PATH with nothing on it, and no setting: nothing can be found."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for program in programs.PROGRAMS:
        monkeypatch.delenv(program.setting, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    return empty


def frozen(monkeypatch: pytest.MonkeyPatch, bundle: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)


def test_the_bundle_comes_first_then_the_setting_then_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_path: Path
) -> None:
    on_path = fake_program(empty_path, "tesseract")
    assert programs.find(programs.TESSERACT) == on_path
    in_setting = fake_program(tmp_path / "setting", "tesseract")
    monkeypatch.setenv("MEDREVIEW_TESSERACT", str(in_setting.parent))
    assert programs.find(programs.TESSERACT) == in_setting
    monkeypatch.setenv("MEDREVIEW_TESSERACT", str(in_setting))  # the program itself
    assert programs.find(programs.TESSERACT) == in_setting
    bundle = tmp_path / "bundle"
    in_bundle = fake_program(bundle / programs.BUNDLE_PROGRAMS, "tesseract")
    frozen(monkeypatch, bundle)
    assert programs.find(programs.TESSERACT) == in_bundle


def test_a_missing_program_is_named_with_where_it_was_looked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_path: Path
) -> None:
    frozen(monkeypatch, tmp_path / "bundle")
    monkeypatch.setenv("MEDREVIEW_POPPLER", str(tmp_path / "no-poppler"))
    with pytest.raises(EngineUnavailableError) as caught:
        programs.find(programs.PDFTOPPM)
    message = caught.value.message
    assert message.startswith("the pdftoppm program was not found")
    assert "the bundle" in message
    assert "MEDREVIEW_POPPLER" in message
    assert "PATH" in message
    assert "poppler-utils" in message


def test_a_setting_without_the_program_falls_through_to_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_path: Path
) -> None:
    on_path = fake_program(empty_path, "pdfinfo")
    fake_program(tmp_path / "setting", "pdftoppm")
    monkeypatch.setenv("MEDREVIEW_POPPLER", str(tmp_path / "setting"))
    assert programs.find(programs.PDFINFO) == on_path


def test_poppler_reports_the_missing_program(empty_path: Path) -> None:
    with pytest.raises(EngineUnavailableError, match="pdfinfo program was not found"):
        poppler.info(SAMPLE_PDF)


def test_poppler_runs_from_its_setting(monkeypatch: pytest.MonkeyPatch, empty_path: Path) -> None:
    monkeypatch.setenv("MEDREVIEW_POPPLER", str(system("pdftoppm").parent))
    pdf = poppler.info(SAMPLE_PDF)
    assert pdf.pages == 2
    page = poppler.render_page(SAMPLE_PDF, 1, 50)
    assert page.ndim == 3
    assert page.shape[:2] == pdf.pixels(1, 50)[::-1]
    gray = poppler.render_page(SAMPLE_PDF, 1, 50, gray=True)
    assert gray.shape == page.shape[:2]


def test_programs_run_from_a_bundle_with_its_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_path: Path
) -> None:
    bundle = tmp_path / "bundle"
    (bundle / programs.BUNDLE_PROGRAMS).mkdir(parents=True)
    for program in programs.PROGRAMS:
        (bundle / programs.BUNDLE_PROGRAMS / program.name).symlink_to(system(program.name))
    frozen(monkeypatch, bundle)
    assert programs.version(programs.PDFTOPPM).startswith("pdftoppm version")
    assert programs.version(programs.TESSERACT).startswith("tesseract ")
    assert poppler.info(SAMPLE_PDF).pages == 2
    engine = PytesseractEngine()
    assert engine.version().startswith("tesseract ")


def test_a_bundled_program_sees_the_bundle_libraries_and_a_system_one_does_not(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert programs.program_env(Path("/usr/bin/tesseract")) is None  # not frozen: unchanged
    bundle = tmp_path / "bundle"
    inside = fake_program(bundle / programs.BUNDLE_PROGRAMS, "tesseract")
    frozen(monkeypatch, bundle)
    # what PyInstaller's bootloader does: the bundle first, the original value kept aside
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{bundle}{os.pathsep}/opt/lib")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/lib")
    env = programs.program_env(inside)
    assert env is not None
    assert env["LD_LIBRARY_PATH"].split(os.pathsep) == [str(bundle), "/opt/lib"]
    env = programs.program_env(tmp_path / "elsewhere" / "tesseract")
    assert env is not None
    assert env["LD_LIBRARY_PATH"] == "/opt/lib"
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG")
    env = programs.program_env(tmp_path / "elsewhere" / "tesseract")
    assert env is not None
    assert "LD_LIBRARY_PATH" not in env
