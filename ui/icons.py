"""Toolbar icons: the platform's standard pixmaps, plus drawn glyphs where Qt has none."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle


def standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    """One of the style's standard icons."""
    return QApplication.style().standardIcon(pixmap)


def glyph(text: str, colour: str = "#3c4043") -> QIcon:
    """A crisp icon drawn from one or two characters (zoom, fit, page glyphs)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * (0.8 if len(text) == 1 else 0.5)))
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
