from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.compat import _RESERVE


def test_a_long_shift_of_qt_calls_never_frees_none(qtbot: QtBot) -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to None per void call: no abort."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200_000):  # more than None's own references in this process
        label.setText("x")
    assert sys.getrefcount(None) > min(before, _RESERVE) - 300_000
