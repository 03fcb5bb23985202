"""The supervisor's layouts dialog, and the caption naming the layout that read a document.

The dialog lists the store's layouts (learned from verified documents or saved
with ``medreview layouts learn``), shows the selected one's file, and removes it
after asking. It talks to the store through two callables, so tests can pass a
store's methods directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medreview.errors import MedreviewError
from medreview.model import ExtractionResult
from medreview.store import LayoutInfo, Store

_HEADERS = ("Name", "Type", "Fields", "Documents", "Taught by", "From", "Updated")


def layout_caption(result: ExtractionResult | None) -> str:
    """What the window says about who read the open document."""
    if result is None:
        return ""
    if result.layout:
        return f"Read by layout {result.layout}"
    return "Read by the generic reader"


class LayoutsDialog(QDialog):
    """List, show and remove the store's layouts."""

    def __init__(
        self,
        load: Callable[[], list[LayoutInfo]],
        remove: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        """``load()`` lists the layouts; ``remove(name)`` removes one (may raise)."""
        super().__init__(parent)
        self.setWindowTitle("Layouts")
        self.resize(820, 520)
        self._load = load
        self._remove = remove
        self._confirm = confirm or self._ask
        self._infos: list[LayoutInfo] = []
        self.table = QTableWidget(0, len(_HEADERS), self)
        self.table.setObjectName("layoutsTable")
        self.table.setHorizontalHeaderLabels(list(_HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("layoutText")
        self.text.setReadOnly(True)
        self.text.setFont(QFont("monospace"))
        self.status = QLabel("")
        self.status.setObjectName("layoutsStatus")
        self.remove_button = QPushButton("Remove…", self)
        self.remove_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the layouts again."""
        self._infos = self._load()
        self.table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            source = info.source_name or (
                f"document {info.source_document}" if info.source_document else "-"
            )
            cells = (
                info.name,
                info.document_type,
                str(info.fields),
                str(info.documents),
                info.taught_by or "-",
                source,
                info.updated_at.strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(f"{len(self._infos)} layout(s)")
        self._on_selection_changed()

    def names(self) -> list[str]:
        """The names listed."""
        return [info.name for info in self._infos]

    def select(self, name: str) -> None:
        """Select a layout by name."""
        if name in self.names():
            self.table.selectRow(self.names().index(name))

    def selected(self) -> LayoutInfo | None:
        """The selected layout."""
        rows = self.table.selectionModel().selectedRows()
        return self._infos[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        info = self.selected()
        self.remove_button.setEnabled(info is not None)
        self.text.setPlainText(info.body if info is not None else "")

    def remove_selected(self) -> None:
        """Remove the selected layout after asking."""
        info = self.selected()
        if info is None or not self._confirm(info.name):
            return
        try:
            self._remove(info.name)
        except MedreviewError as exc:
            self.status.setText(exc.message)
            return
        self.refresh()
        self.status.setText(f"Removed {info.name}")

    def _ask(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Remove layout",
            f"Remove the layout {name}? Documents of its form will be read by the "
            "generic reader until a verified one teaches it again.",
        )
        return answer == QMessageBox.StandardButton.Yes


def open_layouts_dialog(store: Store, user: str, parent: QWidget | None = None) -> None:
    """Show the layouts dialog on ``store``; removals are made as ``user``."""
    dialog = LayoutsDialog(store.layouts, lambda name: store.remove_layout(name, user), parent)
    dialog.exec()
    dialog.deleteLater()
