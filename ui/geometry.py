"""Window geometry that fits the screen: restored sizes clamped, panels sized by width.

At 200% scaling a 2560x1440 screen offers 1280x720 logical pixels; a saved or
default size larger than the available area is shrunk and moved onto it. The
splitter gives the form a usable width first, so that at 1024x768 the field
editors stay wide enough to read.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

QUEUE_SHARE = 0.17
FORM_SHARE = 0.42
FORM_MIN = 360


def available_area(widget: QWidget) -> QRect | None:
    """The screen area the window may use (the taskbar excluded)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def clamp_to_screen(widget: QWidget) -> None:
    """Shrink and move ``widget`` so that its frame lies on the available screen area."""
    area = available_area(widget)
    if area is None or area.isEmpty():
        return
    frame = widget.frameGeometry()
    extra_w = max(0, frame.width() - widget.width())
    extra_h = max(0, frame.height() - widget.height())
    width = min(widget.width(), area.width() - extra_w)
    height = min(widget.height(), area.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(200, width), max(200, height))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(area.left(), x), max(area.top(), y))


def splitter_sizes(width: int) -> list[int]:
    """Queue, scan and form widths for a window ``width`` pixels wide."""
    queue = max(150, min(260, int(width * QUEUE_SHARE)))
    form = max(FORM_MIN, min(640, int(width * FORM_SHARE)))
    scan = max(200, width - queue - form)
    return [queue, scan, form]
