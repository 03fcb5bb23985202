"""Automatic logoff: hide patient data after an idle time, give claims back later.

:class:`IdleWatcher` sees every keyboard and mouse event of the application. After
``lock_after`` seconds without one it emits ``lockDue`` (the window puts its
:class:`~ui.signin.LockScreen` up); after ``release_after`` seconds it emits
``releaseDue`` (the controller saves edits and gives the open document back to
the queue, so an idle analyst does not hold it).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_LOCK_SECONDS = 10 * 60
DEFAULT_RELEASE_SECONDS = 30 * 60
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Counts the time since the last user input (install it on the application)."""

    lockDue = Signal()
    releaseDue = Signal()

    def __init__(
        self,
        lock_after: float = DEFAULT_LOCK_SECONDS,
        release_after: float = DEFAULT_RELEASE_SECONDS,
        parent: QObject | None = None,
        *,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.lock_after = lock_after
        self.release_after = max(release_after, lock_after)
        self._last = time.monotonic()
        self._locked = False
        self._released = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()

    @property
    def idle_seconds(self) -> float:
        """Seconds since the last input."""
        return time.monotonic() - self._last

    def reset(self) -> None:
        """Activity (or a new sign-in): start counting again."""
        self._last = time.monotonic()
        self._locked = False
        self._released = False

    def stop(self) -> None:
        """Stop watching."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note user input; while locked only a sign-in (``reset``) counts."""
        if event.type() in _ACTIVITY and not self._locked:
            self._last = time.monotonic()
        return False

    def _on_tick(self) -> None:
        idle = self.idle_seconds
        if not self._locked and idle >= self.lock_after:
            self._locked = True
            self.lockDue.emit()
        if not self._released and idle >= self.release_after:
            self._released = True
            self.releaseDue.emit()
