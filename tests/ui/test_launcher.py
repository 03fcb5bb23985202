"""The bundle's entry point (packaging/launcher.py), run from source."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from medreview.store import Store
from tests.accounts import add_people
from tests.ui.fakes import seed

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"


def load_launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("medreview_launcher", LAUNCHER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gui_opens_the_window_in_this_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    with Store.open(url) as store:
        add_people(store)
        seed(store, "demo", ["rx_0001"], tmp_path / "scans")
    png = tmp_path / "launcher.png"
    args = ["gui", "--database", url, "--batch", "demo", "--user", "ana"]
    args += ["--settings", str(tmp_path / "g.ini"), "--screenshot", str(png), "--size", "800x500"]
    assert load_launcher().main(args) == 0
    assert QImage(str(png)).width() == 800


def test_other_arguments_are_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        load_launcher().main(["extract", "--help"])
    assert caught.value.code == 0
    assert "Extract fields from scans" in capsys.readouterr().out
