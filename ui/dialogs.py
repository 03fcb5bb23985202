"""Small dialogs of the review window: shortcuts help and reject-with-reason."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

REJECT_REASONS = (
    "Illegible scan",
    "Wrong document type",
    "Incomplete document (pages missing)",
    "Duplicate of another document",
    "Not a medical document",
)


class ShortcutsDialog(QDialog):
    """Every action with its keys, built from the actions themselves so it never lies."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(0, 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        for action in actions:
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if not keys:
                continue
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "")))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Tab / Shift+Tab move between fields; every action is also in the menus.")
        )
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(460, 520)


class RejectDialog(QDialog):
    """Asks why a document is rejected; the reason is stored with the audit entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reject document")
        self.reason_box = QComboBox(self)
        self.reason_box.setEditable(True)
        self.reason_box.addItems(REJECT_REASONS)
        self.reason_box.setCurrentIndex(0)
        self.reason_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.reason_box.lineEdit()
        if line is not None:
            line.returnPressed.connect(self._on_accepted)  # Enter rejects with what is shown
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Reject")
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Why is this document rejected?"))
        layout.addWidget(self.reason_box)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """The suggested reason is selected, so that typing replaces it (never appends)."""
        super().showEvent(event)
        self.reason_box.setFocus()
        line = self.reason_box.lineEdit()
        if line is not None:
            line.selectAll()

    def reason(self) -> str:
        """The chosen or typed reason, on one line."""
        return " ".join(self.reason_box.currentText().split())

    def _on_accepted(self) -> None:
        if self.reason():
            self.accept()
