"""The supervisor's layouts dialog, and the window's label naming the layout that read it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from medreview.layouts import learn
from medreview.store import Store
from tests.accounts import add_people
from tests.layoutkit import FORM_A_PRINTED, FORM_A_VALUES, SAMPLE_VALUES, synthetic_page
from ui.evidence import PreparedDocument
from ui.layouts_dialog import LayoutsDialog, layout_caption
from ui.main_window import MainWindow
from ui.supervisor_view import SupervisorView
from ui.workers import WorkerPool


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store.open(f"sqlite:///{tmp_path / 'layouts.sqlite'}", files_root=tmp_path / "files")
    add_people(db)  # ana an analyst, sue a supervisor
    page = synthetic_page(FORM_A_PRINTED, FORM_A_VALUES, SAMPLE_VALUES)
    for name in ("clinic", "pharmacy"):
        db.save_layout(
            learn(name, "prescription", [page], SAMPLE_VALUES), "ana", source_name="x.png"
        )
    yield db
    db.close()


def test_dialog_lists_shows_and_removes(qtbot: QtBot, store: Store) -> None:
    asked: list[str] = []

    def confirm(name: str) -> bool:
        asked.append(name)
        return True

    user = ["ana"]
    dialog = LayoutsDialog(
        store.layouts, lambda name: store.remove_layout(name, user[0]), confirm=confirm
    )
    qtbot.addWidget(dialog)
    assert dialog.names() == ["clinic", "pharmacy"]
    assert dialog.table.item(0, 4).text() == "ana"
    assert not dialog.remove_button.isEnabled()
    dialog.select("pharmacy")
    assert dialog.remove_button.isEnabled()
    assert 'name = "pharmacy"' in dialog.text.toPlainText()
    dialog.remove_button.click()
    assert "needs a supervisor" in dialog.status.text()
    assert dialog.names() == ["clinic", "pharmacy"]
    user[0] = "sue"
    dialog.remove_button.click()
    assert asked == ["pharmacy", "pharmacy"]
    assert dialog.names() == ["clinic"] and [i.name for i in store.layouts()] == ["clinic"]
    assert dialog.status.text() == "Removed pharmacy"


def test_declining_keeps_the_layout(qtbot: QtBot, store: Store) -> None:
    dialog = LayoutsDialog(
        store.layouts, lambda name: store.remove_layout(name, "sue"), confirm=lambda _n: False
    )
    qtbot.addWidget(dialog)
    dialog.select("clinic")
    dialog.remove_selected()
    assert dialog.names() == ["clinic", "pharmacy"]


def test_supervisor_view_opens_layouts(qtbot: QtBot, store: Store) -> None:
    opened: list[bool] = []
    view = SupervisorView(
        store.batch_stats, store.export, WorkerPool(1), manage_layouts=lambda: opened.append(True)
    )
    qtbot.addWidget(view)
    assert view.layouts_button is not None
    view.layouts_button.click()
    assert opened == [True]
    plain = SupervisorView(store.batch_stats, store.export, WorkerPool(1))
    qtbot.addWidget(plain)
    assert plain.layouts_button is None


def test_window_names_the_layout_that_read_the_document(
    qtbot: QtBot, settings: QSettings, sample: Callable[..., PreparedDocument]
) -> None:
    window = MainWindow(settings, user="ana")
    qtbot.addWidget(window)
    document = sample("rx_0001")
    window.show_document(document)
    assert window.layout_label.text() == "Read by the generic reader"
    learned = replace(document, result=replace(document.result, layout="clinic"))
    window.show_document(learned)
    assert window.layout_label.text() == "Read by layout clinic"
    window.clear_document()
    assert window.layout_label.text() == ""
    assert layout_caption(None) == ""
