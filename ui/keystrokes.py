"""Counting the analyst's keystrokes per document, for the supervisor's statistics.

Every key press reaches the focused widget first as a ShortcutOverride event,
whether it then types a character or triggers an action (Ctrl+Enter, F8), so
counting those events at the focused widget counts each press exactly once.
Modifier keys alone and auto-repeat are not counted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_MODIFIERS = frozenset(
    {
        Qt.Key.Key_Control,
        Qt.Key.Key_Shift,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
    }
)


class KeystrokeCounter(QObject):
    """An application event filter counting key presses since the last :meth:`reset`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def reset(self) -> int:
        """Start counting again; returns the count so far."""
        count, self.count = self.count, 0
        return count

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count a press once, where it is first delivered."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.isAutoRepeat()
            and event.key() not in _MODIFIERS
        ):
            focused = QApplication.focusWidget()
            if watched is focused or (focused is None and watched.isWidgetType()):
                self.count += 1
        return False

    def stop(self) -> None:
        """Stop listening (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
