"""Mouse gestures on a QGraphicsView, sent as real events to its viewport."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

NO_MOD = Qt.KeyboardModifier.NoModifier


def _send(
    view: QGraphicsView,
    kind: QEvent.Type,
    pos: QPoint,
    buttons: Qt.MouseButton,
    button: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier,
) -> None:
    local = QPointF(pos)
    glob = QPointF(view.viewport().mapToGlobal(pos))
    event = QMouseEvent(kind, local, glob, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def drag(
    view: QGraphicsView, start: QPointF, end: QPointF, modifiers: Qt.KeyboardModifier = NO_MOD
) -> None:
    """Press at ``start``, move in steps, release at ``end`` (scene coordinates)."""
    left = Qt.MouseButton.LeftButton
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    _send(view, QEvent.Type.MouseButtonPress, a, left, left, modifiers)
    for step in range(1, 5):
        p = a + (b - a) * step / 4
        _send(view, QEvent.Type.MouseMove, p, left, Qt.MouseButton.NoButton, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton, left, modifiers)


def click(view: QGraphicsView, at: QPointF, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    """A left click at a scene point."""
    left = Qt.MouseButton.LeftButton
    p = view.mapFromScene(at)
    _send(view, QEvent.Type.MouseButtonPress, p, left, left, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, p, Qt.MouseButton.NoButton, left, modifiers)
