"""The Qt binding medreview runs on keeps Python's reference counts right."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_their_reference_to_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call.

    After some thousands of calls (minutes of typing) the interpreter aborted with
    "deallocating None"; pyproject.toml keeps that release out.
    """
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setText("x")
    assert sys.getrefcount(None) > before - 100
