"""One editor widget per field kind, and how the form reads and writes their text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from medreview.documents import FieldKind, FieldSpec
from medreview.model import FieldData

FieldEditor = QLineEdit | QPlainTextEdit | QComboBox

_PLACEHOLDERS: dict[FieldKind, str] = {
    FieldKind.DATE: "YYYY-MM-DD",
    FieldKind.PHONE: "(NNN) NNN-NNNN",
    FieldKind.REFILLS: "0-11 or PRN",
    FieldKind.ALNUM: "letters and digits",
    FieldKind.LIST: "one entry per line",
}


def make_editor(spec: FieldSpec, parent: QWidget | None = None) -> FieldEditor:
    """The editor for a field: lists get several lines, enums a combo box."""
    editor: FieldEditor
    if spec.kind is FieldKind.LIST:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setUndoRedoEnabled(False)
        lines = QFontMetrics(editor.font()).lineSpacing()
        editor.setFixedHeight(lines * 4 + 16)
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    elif spec.kind is FieldKind.ENUM:
        editor = QComboBox(parent)
        editor.addItem("", "")
        for choice in spec.choices:
            editor.addItem(choice, choice)
    else:
        editor = QLineEdit(parent)
        editor.setClearButtonEnabled(False)
    placeholder = _PLACEHOLDERS.get(spec.kind)
    if placeholder and isinstance(editor, QLineEdit | QPlainTextEdit):
        editor.setPlaceholderText(placeholder)
    editor.setObjectName(f"field_{spec.name}")
    editor.setAccessibleName(spec.label)
    return editor


def text_of(editor: FieldEditor) -> str:
    """What the editor shows, as text."""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return str(editor.currentData() or "")
    return editor.text()


def set_text(editor: FieldEditor, text: str) -> None:
    """Show ``text`` (an enum not among the choices shows as blank)."""
    if isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != text:
            editor.setPlainText(text)
    elif isinstance(editor, QComboBox):
        index = editor.findData(text)
        editor.setCurrentIndex(max(0, index))
    elif editor.text() != text:
        editor.setText(text)
        editor.setCursorPosition(0)  # show the start of a long value, not its end


def value_to_text(value: FieldData) -> str:
    """A canonical value as the analyst edits it (lists one entry per line)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
