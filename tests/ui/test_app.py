from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from medreview import cli
from medreview.commands import gui as gui_command
from medreview.errors import ExitCode
from medreview.store import Status, Store
from tests.accounts import add_people
from tests.ui.fakes import seed
from ui import app


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    with Store.open(url) as store:
        add_people(store)
        seed(store, "demo", ["rx_0001", "pd_0001"], tmp_path / "scans")
    return url


def test_screenshot_of_the_review_window(database: str, tmp_path: Path) -> None:
    png = tmp_path / "shots" / "main.png"
    args = ["--database", database, "--batch", "demo", "--user", "ana"]
    args += [
        "--settings",
        str(tmp_path / "gui.ini"),
        "--screenshot",
        str(png),
        "--size",
        "1200x800",
    ]
    assert app.main(args) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1200, 800)
    with Store.open(database) as store:  # the document shown was given back on exit
        assert {d.status for d in store.documents("demo")} == {Status.READY}


def test_screenshot_of_the_supervisor_view(database: str, tmp_path: Path) -> None:
    png = tmp_path / "sup.png"
    args = ["--database", database, "--batch", "demo", "--view", "supervisor", "--user", "sue"]
    args += ["--settings", str(tmp_path / "gui.ini"), "--screenshot", str(png)]
    assert app.main(args) == 0
    assert not QImage(str(png)).isNull()


def test_screenshot_times_out_on_an_empty_batch(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    with Store.open(url) as store:
        add_people(store)
    args = ["--database", url, "--batch", "nothing", "--timeout", "0.5", "--user", "ana"]
    args += ["--settings", str(tmp_path / "gui.ini"), "--screenshot", str(tmp_path / "x.png")]
    assert app.main(args) == ExitCode.FILE_FAILED
    assert not (tmp_path / "x.png").exists()


def test_medreview_gui_command_runs_the_window_in_a_child(database: str, tmp_path: Path) -> None:
    png = tmp_path / "cli.png"
    code = cli.main(
        [
            "gui",
            "--database",
            database,
            "--batch",
            "demo",
            "--user",
            "ana",
            "--settings",
            str(tmp_path / "g.ini"),
            "--screenshot",
            str(png),
            "--size",
            "900x600",
        ]
    )
    assert code == 0
    assert QImage(str(png)).width() == 900


def test_medreview_gui_without_the_gui_package_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gui_command, "GUI_MODULE", "no_such_gui_package.app")
    assert cli.main(["gui"]) == ExitCode.USAGE
    assert "not installed" in capsys.readouterr().err


def test_the_window_needs_a_valid_sign_in(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--database", database, "--batch", "demo", "--settings", str(tmp_path / "g.ini")]
    args += ["--screenshot", str(tmp_path / "x.png")]
    assert app.main([*args, "--user", "nobody"]) == ExitCode.AUTH
    monkeypatch.setenv("MEDREVIEW_PASSWORD", "wrong password")
    assert app.main([*args, "--user", "ana"]) == ExitCode.AUTH
    assert not (tmp_path / "x.png").exists()
