"""The field form: one editor per field, coloured by confidence, validated as the analyst types.

Every change the analyst makes (typing, picking words on the scan, taking a
re-read region) goes through the form's undo stack, so Ctrl+Z works across all
of them. Validation rules live in the core (``ui.validation_adapter``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from medreview.documents import FieldKind, FieldSpec, fields_of
from medreview.model import FieldData, FieldResult
from ui import validation_adapter
from ui.confidence import Level, form_stylesheet, level_of
from ui.field_editors import FieldEditor, make_editor, set_text, text_of, value_to_text

_EDIT_COMMAND_ID = 4201


@dataclass(slots=True)
class _Page:
    """The editors of one document type."""

    host: QWidget
    rows: dict[str, _Row]
    order: list[str]


@dataclass(slots=True)
class _Row:
    """The widgets and state of one field."""

    spec: FieldSpec
    editor: FieldEditor
    label: QLabel
    badge: QLabel
    error: QLabel
    result: FieldResult | None
    original_text: str
    text: str
    value: FieldData
    problem: str | None = None


class _EditCommand(QUndoCommand):
    """One change of one field's text; consecutive typing in a field merges into one step."""

    def __init__(self, form: FieldForm, name: str, old: str, new: str, *, typing: bool) -> None:
        super().__init__(f"Edit {name}")
        self._form = form
        self.name = name
        self.old = old
        self.new = new
        self.typing = typing
        self._applied = True  # the editor already shows ``new`` when the command is pushed

    def id(self) -> int:
        """Edits are mergeable with each other."""
        return _EDIT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in the same field is one undo step."""
        if (
            isinstance(other, _EditCommand)
            and other.name == self.name
            and self.typing
            and other.typing
        ):
            self.new = other.new
            return True
        return False

    def redo(self) -> None:
        """Apply the new text (skipped the first time: it is already shown)."""
        if self._applied:
            self._applied = False
            return
        self._form._apply_text(self.name, self.new)

    def undo(self) -> None:
        """Put the old text back."""
        self._form._apply_text(self.name, self.old)


class FieldForm(QScrollArea):
    """Editors for every field of one document type."""

    fieldFocused = Signal(str)
    fieldEdited = Signal(str, object)
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.undo_stack = QUndoStack(self)
        self._rows: dict[str, _Row] = {}
        self._order: list[str] = []
        self._focused: str | None = None
        self._applying = False
        self._today: date | None = None
        self._document_type = ""
        self._valid = True
        self._body = QWidget()
        self._body.setStyleSheet(form_stylesheet())
        self._outer = QVBoxLayout(self._body)
        self._outer.setContentsMargins(12, 10, 12, 10)
        self._title = QLabel()
        self._title.setObjectName("formTitle")
        self._title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self._summary = QLabel()
        self._summary.setObjectName("formSummary")
        self._summary.setStyleSheet("color: #555;")
        self._outer.addWidget(self._title)
        self._outer.addWidget(self._summary)
        # One page of editors per document type, built once and kept: switching
        # between a prescription and a patient record never rebuilds widgets.
        self._stack = QStackedWidget()
        self._stack.addWidget(QWidget())  # the empty page: no document
        self._pages: dict[str, _Page] = {}
        self._outer.addWidget(self._stack)
        self._outer.addStretch(1)
        self.setWidget(self._body)

    # ----- content -------------------------------------------------------------------------

    def set_document(
        self,
        document_type: str,
        fields: dict[str, FieldResult],
        values: dict[str, FieldData] | None = None,
        *,
        title: str = "",
        today: date | None = None,
    ) -> None:
        """Show a document's fields, filled from ``values`` or else the OCR fields.

        ``values`` holds the analyst's saved edits (a field present there was edited).
        The editors are built once per document type and refilled for the next
        document of the same type, which keeps "submit and next" quick.
        """
        self.undo_stack.clear()
        self._today = today
        self._show_page(document_type)
        self._title.setText(title or document_type.replace("_", " ").capitalize())
        saved = values or {}
        self._applying = True
        try:
            for name in self._order:
                row = self._rows[name]
                row.result = fields.get(name)
                row.original_text = value_to_text(row.result.value if row.result else None)
                text = value_to_text(saved[name]) if name in saved else row.original_text
                set_text(row.editor, text)
                row.text = text_of(row.editor)
                self._refresh(name, emit=False)
        finally:
            self._applying = False
        self._focused = None
        self.verticalScrollBar().setValue(0)
        self._update_summary()

    def prebuild(self, document_types: list[str]) -> None:
        """Build the editors of these types now (at start-up), not when a document arrives."""
        for document_type in document_types:
            if document_type not in self._pages:
                page = self._pages[document_type] = self._build_page(document_type)
                page.host.ensurePolished()  # style sheet work now, not at the first document

    def _show_page(self, document_type: str) -> None:
        page = self._pages.get(document_type)
        if page is None:
            page = self._pages[document_type] = self._build_page(document_type)
        self._document_type = document_type
        self._rows, self._order = page.rows, page.order
        # only the page shown counts for the height, so a short form leaves no gap
        for other in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.host.setSizePolicy(policy, policy)
        self._stack.setCurrentWidget(page.host)
        self._stack.adjustSize()

    def _build_page(self, document_type: str) -> _Page:
        """One row of widgets per field of ``document_type``, on a page of their own."""
        host = QWidget()
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        page = _Page(host, {}, [])
        previous: QWidget | None = None
        for index, spec in enumerate(fields_of(document_type)):
            editor = make_editor(spec, host)
            label = QLabel(spec.label + (" *" if spec.required else ""), host)
            label.setObjectName("fieldLabel")
            label.setBuddy(editor)
            badge = QLabel(host)
            badge.setObjectName("fieldBadge")
            badge.setMinimumWidth(40)
            error = QLabel(host)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            page.rows[spec.name] = _Row(spec, editor, label, badge, error, None, "", "", None)
            page.order.append(spec.name)
            top = Qt.AlignmentFlag.AlignTop if spec.kind is FieldKind.LIST else Qt.AlignmentFlag(0)
            grid.addWidget(label, 2 * index, 0, top | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(editor, 2 * index, 1)
            grid.addWidget(badge, 2 * index, 2, top)
            grid.addWidget(error, 2 * index + 1, 1)
            for widget in (label, editor, badge):
                widget.show()  # now, not on the layout's queued show, so focus can land
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, editor.sizePolicy().verticalPolicy())
            editor.installEventFilter(self)
            self._connect_editor(spec.name, editor)
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
        self._stack.addWidget(host)
        return page

    def clear_document(self) -> None:
        """Show no document."""
        self._stack.setCurrentIndex(0)
        self._rows, self._order = {}, []
        self._document_type = ""
        self._focused = None
        self.undo_stack.clear()
        self._title.setText("No document")
        self._summary.setText("")

    def _connect_editor(self, name: str, editor: FieldEditor) -> None:
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text: self._on_user_changed(name))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._on_user_changed(name))
        else:
            editor.activated.connect(lambda _index: self._on_user_changed(name))

    # ----- queries -------------------------------------------------------------------------

    @property
    def field_names(self) -> list[str]:
        """The fields shown, in form order."""
        return list(self._order)

    @property
    def focused_field(self) -> str | None:
        """The field whose editor has (or last had) the focus."""
        return self._focused

    def editor(self, name: str) -> FieldEditor:
        """The editor widget of a field."""
        return self._rows[name].editor

    def text(self, name: str) -> str:
        """What a field's editor shows."""
        return self._rows[name].text

    def level(self, name: str) -> Level:
        """The colour level a field is shown with."""
        return Level(str(self._rows[name].editor.property("level")))

    def values(self) -> dict[str, FieldData]:
        """Every field's current canonical value."""
        return {name: self._rows[name].value for name in self._order}

    def edited_values(self) -> dict[str, FieldData]:
        """Only the fields the analyst changed."""
        return {
            name: row.value for name, row in self._rows.items() if row.text != row.original_text
        }

    def errors(self) -> dict[str, str]:
        """Field name to why its value cannot be submitted."""
        found = {name: row.problem for name, row in self._rows.items() if row.problem}
        if self._document_type:
            for name, message in validation_adapter.problems(
                self._document_type, self.values(), today=self._today
            ).items():
                found.setdefault(name, message)
        return found

    def is_valid(self) -> bool:
        """True when no field has a problem."""
        return not self.errors()

    def doubtful_fields(self) -> list[str]:
        """Invalid fields, and OCR fields below high confidence the analyst has not changed."""
        return [
            name
            for name in self._order
            if self._rows[name].problem or self.level(name) in (Level.LOW, Level.MEDIUM)
        ]

    # ----- navigation ----------------------------------------------------------------------

    def focus_field(self, name: str) -> None:
        """Put the keyboard focus in a field's editor and scroll it into view."""
        row = self._rows[name]
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(row.editor, 20, 40)
        self._set_focused(name)

    def focus_first(self) -> None:
        """Focus the first doubtful field, or the first field."""
        doubtful = self.doubtful_fields()
        if doubtful:
            self.focus_field(doubtful[0])
        elif self._order:
            self.focus_field(self._order[0])

    def focus_next_doubtful(self) -> str | None:
        """Jump to the next doubtful field after the focused one (wrapping); its name."""
        doubtful = self.doubtful_fields()
        if not doubtful:
            return None
        start = self._order.index(self._focused) if self._focused in self._order else -1
        after = [n for n in doubtful if self._order.index(n) > start]
        target = after[0] if after else doubtful[0]
        self.focus_field(target)
        return target

    def _set_focused(self, name: str) -> None:
        if name != self._focused:
            self._focused = name
            self.fieldFocused.emit(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Track the focused field; leave Undo/Redo to the window's actions."""
        if event.type() == QEvent.Type.FocusIn:
            for name, row in self._rows.items():
                if row.editor is watched:
                    self.ensureWidgetVisible(row.editor, 20, 40)
                    self._set_focused(name)
        elif (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # ----- editing -------------------------------------------------------------------------

    def set_field_text(self, name: str, text: str) -> None:
        """Replace a field's text as one undoable step (word picks, region re-reads)."""
        row = self._rows[name]
        if text == row.text:
            return
        old = row.text
        self._apply_text(name, text)
        self.undo_stack.push(_EditCommand(self, name, old, text, typing=False))

    def _on_user_changed(self, name: str) -> None:
        if self._applying:
            return
        row = self._rows[name]
        old, new = row.text, text_of(row.editor)
        if old == new:
            return
        row.text = new
        self._refresh(name, emit=True)
        self.undo_stack.push(_EditCommand(self, name, old, new, typing=True))

    def _apply_text(self, name: str, text: str) -> None:
        row = self._rows.get(name)
        if row is None:
            return
        self._applying = True
        try:
            set_text(row.editor, text)
        finally:
            self._applying = False
        row.text = text_of(row.editor)
        self._refresh(name, emit=True)

    def _refresh(self, name: str, *, emit: bool) -> None:
        """Re-parse, re-validate and re-colour one field."""
        row = self._rows[name]
        row.value = validation_adapter.parse(row.spec, row.text)
        row.problem = validation_adapter.problem(row.spec, row.value, today=self._today)
        edited = row.text != row.original_text
        confidence = row.result.confidence if row.result else 0.0
        level = Level.EDITED if edited else level_of(confidence)
        row.editor.setProperty("level", str(level))
        row.editor.setProperty("invalid", "true" if row.problem else "false")
        style = row.editor.style()
        style.unpolish(row.editor)
        style.polish(row.editor)
        row.badge.setText("edited" if edited else f"{confidence:.0%}" if row.result else "—")
        row.error.setText(row.problem or "")
        row.error.setVisible(bool(row.problem))
        row.editor.setToolTip(self._tooltip(row))
        if emit:
            self._update_summary()
            self.fieldEdited.emit(name, row.value)

    @staticmethod
    def _tooltip(row: _Row) -> str:
        result = row.result
        if result is None:
            return f"{row.spec.label}: not found on the scan"
        lines = [
            f"<b>{row.spec.label}</b>",
            f"OCR text: {_escape(result.ocr_text) or '—'}",
            f"Confidence: {result.confidence:.0%}",
        ]
        if result.corrected:
            lines.append(f"Corrected to: {_escape(row.original_text)}")
        if row.problem:
            lines.append(f"<span style='color:#b3261e'>{_escape(row.problem)}</span>")
        return "<br>".join(lines)

    def _update_summary(self) -> None:
        errors = self.errors()
        doubtful = len(self.doubtful_fields())
        parts = [f"{len(self._order)} fields", f"{doubtful} to check"]
        if errors:
            parts.append(f"{len(errors)} invalid")
        self._summary.setText(" · ".join(parts))
        valid = not errors
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
