"""Counting the analyst's keystrokes per document, for the supervisor's statistics.

Every key press reaches the focused widget first as a ShortcutOverride event,
whether it then types a character or triggers an action (Ctrl+Enter, F8); when
the widget does not take it, the same event goes on to its parents. A press is
counted where it is first delivered: a ShortcutOverride for the same key at an
ancestor of the widget that got it, before the key is released, is the same
press. Modifier keys alone and auto-repeat are not counted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

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
        self._last: tuple[int, QWidget] | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def reset(self) -> int:
        """Start counting again; returns the count so far."""
        count, self.count = self.count, 0
        return count

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count a press once, where it is first delivered."""
        kind = event.type()
        if kind == QEvent.Type.KeyRelease:
            self._last = None
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and not event.isAutoRepeat()
            and event.key() not in _MODIFIERS
        ) and not self._propagated(event.key(), watched):
            self.count += 1
            self._last = (event.key(), watched)
        return False

    def _propagated(self, key: int, widget: QWidget) -> bool:
        """True when this is the last counted press going on to a parent."""
        last = self._last
        if last is None or last[0] != key:
            return False
        try:
            return widget.isAncestorOf(last[1])
        except RuntimeError:  # the widget that took the press is gone
            return False

    def stop(self) -> None:
        """Stop listening (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
