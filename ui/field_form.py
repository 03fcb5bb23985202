"""The field form: one editor per field, coloured by confidence, validated as the analyst types.

Every change the analyst makes (typing, picking words on the scan, taking a
re-read region or a second reading) goes through the form's undo stack, so
Ctrl+Z works across all of them. Validation rules live in the core
(``ui.validation_adapter``).

Every field starts "to check". Enter confirms the focused field as read (it is
marked with a tick) and moves to the next field still to check; editing a field
checks it too. F8 visits the fields still to check, and a document is submitted
only when none is left. A field whose second reader disagreed shows both
readings; Alt+1 keeps the first, Alt+2 takes the second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
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
from ui.confidence import HIGH_THRESHOLD, Level, form_stylesheet, level_of
from ui.field_editors import FieldEditor, make_editor, set_text, text_of, value_to_text
from ui.snippet import FieldSnippet, SnippetImage

_EDIT_COMMAND_ID = 4201


@dataclass(slots=True)
class _Page:
    """The editors of one document type."""

    host: QWidget
    rows: dict[str, _Row]
    order: list[str]
    grid: QGridLayout
    snippet: FieldSnippet


@dataclass(slots=True)
class _Row:
    """The widgets and state of one field."""

    spec: FieldSpec
    editor: FieldEditor
    label: QLabel
    badge: QLabel
    error: QLabel
    second: QLabel
    index: int
    result: FieldResult | None
    original_text: str
    text: str
    value: FieldData
    problem: str | None = None
    confirmed: bool = False
    blind: bool = False

    @property
    def edited(self) -> bool:
        """True when the analyst changed what OCR read."""
        return self.text != self.original_text

    @property
    def disagrees(self) -> bool:
        """True when a second reader read something else."""
        return self.result is not None and self.result.agreement is False

    @property
    def checked(self) -> bool:
        """Confirmed or corrected by the analyst, and valid."""
        return (self.confirmed or self.edited) and not self.problem


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
    fieldsConfirmed = Signal(list)
    allChecked = Signal()

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
        checked: frozenset[str] = frozenset(),
        blind: frozenset[str] = frozenset(),
        keyings: dict[str, tuple[FieldData, FieldData]] | None = None,
    ) -> None:
        """Show a document's fields, filled from ``values`` or else the OCR fields.

        ``values`` holds the analyst's saved edits (a field present there was edited);
        ``checked`` the fields already confirmed. Double keying: ``blind`` fields
        start empty, without OCR value or confidence; ``keyings`` (for the
        supervisor deciding a conflict) shows both keyings of a field as its two
        readings, Alt+1 / Alt+2 taking either.
        The editors are built once per document type and refilled for the next
        document of the same type, which keeps "submit and next" quick.
        """
        self.undo_stack.clear()
        self._today = today
        self._set_focused(None)
        self._show_page(document_type)
        self._title.setText(title or document_type.replace("_", " ").capitalize())
        saved = values or {}
        self._applying = True
        try:
            for name in self._order:
                row = self._rows[name]
                row.result = fields.get(name)
                row.blind = name in blind
                if keyings and name in keyings:
                    first, second = keyings[name]
                    row.result = (
                        FieldResult(first, 1.0, agreement=True)
                        if first == second or (not first and not second)
                        else FieldResult(first, 0.0, agreement=False, second_reading=second)
                    )
                elif row.blind:
                    row.result = None
                row.confirmed = name in checked
                row.original_text = value_to_text(row.result.value if row.result else None)
                text = value_to_text(saved[name]) if name in saved else row.original_text
                set_text(row.editor, text)
                row.text = text_of(row.editor)
                self._refresh(name, emit=False)
        finally:
            self._applying = False
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
        snippet = FieldSnippet(host)
        page = _Page(host, {}, [], grid, snippet)
        previous: QWidget | None = None
        for index, spec in enumerate(fields_of(document_type)):
            editor = make_editor(spec, host)
            label = QLabel(spec.label + (" *" if spec.required else ""), host)
            label.setObjectName("fieldLabel")
            label.setBuddy(editor)
            label.setWordWrap(True)  # long labels take two lines, not the editors' width
            label.setMinimumWidth(LABEL_MIN_WIDTH)
            label.setMaximumWidth(LABEL_MAX_WIDTH)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            badge = QLabel(host)
            badge.setObjectName("fieldBadge")
            badge.setMinimumWidth(40)
            error = QLabel(host)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            second = QLabel(host)
            second.setObjectName("secondReading")
            second.setWordWrap(True)
            second.setTextFormat(Qt.TextFormat.PlainText)
            second.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            second.hide()
            page.rows[spec.name] = _Row(
                spec, editor, label, badge, error, second, index, None, "", "", None
            )
            page.order.append(spec.name)
            top = Qt.AlignmentFlag.AlignTop if spec.kind is FieldKind.LIST else Qt.AlignmentFlag(0)
            base = ROWS_PER_FIELD * index
            grid.addWidget(label, base, 0, top | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(editor, base, 1)
            grid.addWidget(badge, base, 2, top)
            grid.addWidget(second, base + 1, 1, 1, 2)
            grid.addWidget(error, base + 3, 1, 1, 2)
            for widget in (label, editor, badge):
                widget.show()  # now, not on the layout's queued show, so focus can land
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, editor.sizePolicy().verticalPolicy())
            editor.installEventFilter(self)
            self._connect_editor(spec.name, editor)
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
        grid.addWidget(snippet, 2, 0, 1, 3)
        # space the rows do not need goes below the last field, not into a row's notes
        grid.setRowStretch(ROWS_PER_FIELD * len(page.order), 1)
        self._stack.addWidget(host)
        return page

    def clear_document(self) -> None:
        """Show no document."""
        self._stack.setCurrentIndex(0)
        self._set_focused(None)
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
        """The fields still to check, in form order: not confirmed nor corrected, or invalid."""
        return [name for name in self._order if not self._rows[name].checked]

    def summary_text(self) -> str:
        """The line under the title: fields, how many to check, invalid, disagreeing."""
        return self._summary.text()

    def badge_text(self, name: str) -> str:
        """The confidence badge beside a field (a tick once checked)."""
        return self._rows[name].badge.text()

    def label_text(self, name: str) -> str:
        """A field's label (an arrow marks the focused field)."""
        return self._rows[name].label.text()

    def second_reading_text(self, name: str) -> str:
        """The line showing both readings of a disagreeing field ("" otherwise)."""
        return self._rows[name].second.text()

    def is_checked(self, name: str) -> bool:
        """True when the analyst confirmed or corrected the field (and it is valid)."""
        return self._rows[name].checked

    def is_confirmed(self, name: str) -> bool:
        """True when the analyst confirmed the field as read (Enter)."""
        return self._rows[name].confirmed

    def disagreement(self, name: str) -> tuple[str, str] | None:
        """The two readings of a field whose readers disagree, as texts; else None."""
        row = self._rows[name]
        if not row.disagrees or row.result is None:
            return None
        return row.original_text, value_to_text(row.result.second_reading)

    def agreeing_fields(self) -> list[str]:
        """Fields still to check that both readers read alike, confidently and validly."""
        return [
            name
            for name in self.doubtful_fields()
            if (row := self._rows[name]).result is not None
            and row.result.agreement is True
            and row.result.confidence >= HIGH_THRESHOLD
            and not row.edited
            and not row.problem
        ]

    def choice_for(self, name: str, text: str) -> str | None:
        """The choice of an enum field that ``text`` (a word picked on the scan) names."""
        spec = self._rows[name].spec
        wanted = " ".join(text.lower().split()).strip(" .:;,")
        if not wanted:
            return None
        for choice in spec.choices:
            if choice.lower() == wanted:
                return choice
        starts = [c for c in spec.choices if c.lower().startswith(wanted)]
        return starts[0] if len(starts) == 1 else None

    def snippet(self) -> FieldSnippet | None:
        """The snippet widget of the page shown."""
        page = self._pages.get(self._document_type)
        return page.snippet if page is not None else None

    # ----- navigation ----------------------------------------------------------------------

    def focus_field(self, name: str) -> None:
        """Focus a field's editor with its whole value selected (as Tab does), in view."""
        row = self._rows[name]
        row.editor.setFocus(Qt.FocusReason.TabFocusReason)
        _select_all(row.editor)
        self.ensureWidgetVisible(row.editor, 20, 40)
        self._set_focused(name)

    def focus_first(self) -> None:
        """Focus the first field still to check, or the first field."""
        doubtful = self.doubtful_fields()
        if doubtful:
            self.focus_field(doubtful[0])
        elif self._order:
            self.focus_field(self._order[0])

    def focus_next_doubtful(self) -> str | None:
        """Jump to the next field still to check after the focused one (wrapping)."""
        doubtful = self.doubtful_fields()
        if not doubtful:
            return None
        start = self._order.index(self._focused) if self._focused in self._order else -1
        after = [n for n in doubtful if self._order.index(n) > start]
        target = after[0] if after else doubtful[0]
        self.focus_field(target)
        return target

    def _set_focused(self, name: str | None) -> None:
        if name == self._focused:
            return
        old = self._rows.get(self._focused) if self._focused else None
        self._focused = name
        if old is not None:
            self._mark_current(old, False)
        row = self._rows.get(name) if name else None
        if row is not None:
            self._mark_current(row, True)
            page = self._pages.get(self._document_type)
            if page is not None:
                page.snippet.set_snippet(None)
                page.grid.removeWidget(page.snippet)
                page.grid.addWidget(page.snippet, ROWS_PER_FIELD * row.index + 2, 1, 1, 2)
            self.fieldFocused.emit(name)

    @staticmethod
    def _mark_current(row: _Row, current: bool) -> None:
        """The focused field's label carries an arrow and its editor a strong border."""
        flag = "true" if current else "false"
        for widget in (row.label, row.editor):
            widget.setProperty("current", flag)
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
        text = row.spec.label + (" *" if row.spec.required else "")
        row.label.setText(f"▶ {text}" if current else text)

    def show_snippet(self, name: str, snippet: SnippetImage | None) -> None:
        """Show the scan's region of ``name`` under its editor (None hides it)."""
        page = self._pages.get(self._document_type)
        if page is not None and name == self._focused:
            page.snippet.set_snippet(snippet)

    # ----- checking ------------------------------------------------------------------------

    def confirm_field(self, name: str, *, advance: bool = True) -> bool:
        """Confirm a field as read (Enter); False (and nothing changes) when it is invalid."""
        row = self._rows.get(name)
        if row is None or row.problem:
            return False
        self._normalise(name)
        if not row.confirmed:
            row.confirmed = True
            self._refresh(name, emit=False)
            self._update_summary()
            self.fieldsConfirmed.emit([name])
        if advance:
            self._advance_from(name)
        return True

    def confirm_agreeing(self) -> list[str]:
        """Confirm every field both readers read alike, confidently and validly."""
        names = self.agreeing_fields()
        for name in names:
            self._rows[name].confirmed = True
            self._refresh(name, emit=False)
        if names:
            self._update_summary()
            self.fieldsConfirmed.emit(names)
        return names

    def take_reading(self, name: str, which: int) -> bool:
        """Take the first (1) or the second (2) reading of a disagreeing field."""
        readings = self.disagreement(name)
        if readings is None or which not in (1, 2):
            return False
        self.set_field_text(name, readings[which - 1])
        if which == 1:
            return self.confirm_field(name)
        self._advance_from(name)
        return True

    def _advance_from(self, name: str) -> None:
        """Move to the next field still to check, or say that none is left."""
        if self.doubtful_fields():
            self.focus_next_doubtful()
        else:
            self.allChecked.emit()

    def _normalise(self, name: str) -> None:
        """Show a one-line value in its stored form (a typed 09/10/2022 as 2022-09-10)."""
        row = self._rows[name]
        if not isinstance(row.editor, QLineEdit) or row.problem or row.value in (None, ""):
            return
        shown = value_to_text(row.value)
        if shown != row.text:
            self.set_field_text(name, shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Track the focused field and handle the form's keys.

        Enter confirms, Alt+1 / Alt+2 take a reading, Tab wraps around the form
        (it never falls into the queue); Undo/Redo are left to the window's actions.
        """
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            for name, row in self._rows.items():
                if row.editor is watched:
                    self.ensureWidgetVisible(row.editor, 20, 40)
                    self._set_focused(name)
                    if isinstance(event, QFocusEvent) and event.reason() in (
                        Qt.FocusReason.TabFocusReason,
                        Qt.FocusReason.BacktabFocusReason,
                    ):
                        _select_all(row.editor)
        elif kind == QEvent.Type.FocusOut:
            left = self._name_of(watched)
            if left is not None and not self._applying:
                self._normalise(left)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = self._name_of(watched)
            if pressed is not None and self._on_key(pressed, event):
                return True
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

    def _name_of(self, widget: QObject) -> str | None:
        for name, row in self._rows.items():
            if row.editor is widget:
                return name
        return None

    def _on_key(self, name: str, event: QKeyEvent) -> bool:
        """The form's own keys on a field's editor; True when handled."""
        key, mods = event.key(), event.modifiers()
        plain = mods & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        editor = self._rows[name].editor
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(editor, QComboBox) and editor.view().isVisible():
                return False
            if plain:
                self.confirm_field(name)
                return True
            if mods == Qt.KeyboardModifier.ShiftModifier and isinstance(editor, QPlainTextEdit):
                editor.insertPlainText("\n")  # a new line of a list
                return True
            return False
        if mods == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_1, Qt.Key.Key_2):
            self.take_reading(name, 1 if key == Qt.Key.Key_1 else 2)
            return True
        if key == Qt.Key.Key_Tab and plain and self._order and name == self._order[-1]:
            self.focus_field(self._order[0])
            return True
        if key == Qt.Key.Key_Backtab and self._order and name == self._order[0]:
            self.focus_field(self._order[-1])
            return True
        return False

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
        edited = row.edited
        confidence = row.result.confidence if row.result else 0.0
        level = Level.EDITED if edited else level_of(confidence)
        if row.blind and not row.disagrees:
            level = Level.BLIND
        if row.disagrees and level is Level.HIGH:
            level = Level.MEDIUM  # two readers disagree: never shown as trusted
        row.editor.setProperty("level", str(level))
        row.editor.setProperty("invalid", "true" if row.problem else "false")
        row.editor.setProperty("checked", "true" if row.checked else "false")
        style = row.editor.style()
        style.unpolish(row.editor)
        style.polish(row.editor)
        mark = "✓ " if row.checked else "≠ " if row.disagrees and not edited else ""
        shown = (
            "edited"
            if edited
            else "blind"
            if row.blind and not row.disagrees
            else f"{confidence:.0%}"
            if row.result
            else "—"
        )
        row.badge.setText(mark + shown)
        row.badge.setProperty("checked", "true" if row.checked else "false")
        row.badge.style().unpolish(row.badge)
        row.badge.style().polish(row.badge)
        readings = self._disagreement_text(row)
        row.second.setText(readings)
        row.second.setVisible(bool(readings))
        row.error.setText(row.problem or "")
        row.error.setVisible(bool(row.problem))
        row.editor.setToolTip(self._tooltip(row))
        if emit:
            self._update_summary()
            self.fieldEdited.emit(name, row.value)

    @staticmethod
    def _disagreement_text(row: _Row) -> str:
        if not row.disagrees or row.result is None or row.checked:
            return ""
        first = row.original_text.replace("\n", "; ") or "(blank)"
        second = value_to_text(row.result.second_reading).replace("\n", "; ") or "(blank)"
        what = "Keyings differ" if row.blind else "Readers disagree"
        return f"{what} — Alt+1: {first}   Alt+2: {second}"

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
        if result.agreement is False:
            second = value_to_text(result.second_reading)
            lines.append(f"Second reader: {_escape(second) or '—'}")
        elif result.agreement is True:
            lines.append("Second reader agrees")
        if row.problem:
            lines.append(f"<span style='color:#b3261e'>{_escape(row.problem)}</span>")
        return "<br>".join(lines)

    def _update_summary(self) -> None:
        errors = self.errors()
        doubtful = len(self.doubtful_fields())
        parts = [f"{len(self._order)} fields", f"{doubtful} to check"]
        disagreeing = sum(1 for n in self._order if self._rows[n].disagrees)
        if disagreeing:
            parts.append(f"{disagreeing} disagreeing")
        if errors:
            parts.append(f"{len(errors)} invalid")
        self._summary.setText(" · ".join(parts))
        valid = not errors
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)


ROWS_PER_FIELD = 4  # editor, second reading, snippet, error
LABEL_MIN_WIDTH = 120
LABEL_MAX_WIDTH = 150


def _select_all(editor: FieldEditor) -> None:
    """Select the whole value, so that typing replaces it (Tab, F8 and Enter alike)."""
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        editor.selectAll()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
