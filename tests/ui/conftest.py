"""pytest-qt set-up for the review window: offscreen, isolated settings, committed samples."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from medreview.model import ExtractionResult
from ui.evidence import PreparedDocument, page_files, prepare_document
from ui.workers import live_pools

DATA = Path(__file__).parent / "data"
TODAY = date(2024, 6, 1)


def load_result(name: str) -> ExtractionResult:
    """The committed extraction result of a sample."""
    return ExtractionResult.from_json(json.loads((DATA / name / "result.json").read_text()))


@pytest.fixture
def sample() -> Callable[..., PreparedDocument]:
    """Prepare a committed sample as the window would show it."""

    def make(name: str = "rx_0001", doc_id: int = 1) -> PreparedDocument:
        result = load_result(name)
        return prepare_document(
            doc_id, f"{name}.png", result, page_files(DATA / name, len(result.pages))
        )

    return make


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary INI file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_pool_work_left(qapp: object) -> Iterator[None]:
    """Fail any test that leaves background work running in a worker pool."""
    yield
    busy = [pool for pool in live_pools() if pool.active_count]
    for pool in busy:
        pool.cancel_all()
        pool.wait_done(5000)
    assert not busy, "a test left worker-pool jobs running"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot propagate size hints: not our bug."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
