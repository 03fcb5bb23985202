"""The batch queue as a Qt item model: one row per document, with a status icon."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

# status -> (label, standard icon, text colour)
_STATUS: dict[str, tuple[str, SP, str]] = {
    "queued": ("Queued", SP.SP_FileDialogInfoView, "#5f6368"),
    "processing": ("Reading…", SP.SP_BrowserReload, "#1a5fb4"),
    "ready": ("Ready", SP.SP_FileIcon, "#202124"),
    "in_review": ("In review", SP.SP_FileDialogDetailedView, "#1a5fb4"),
    "verified": ("Verified", SP.SP_DialogApplyButton, "#2e7d32"),
    "exported": ("Exported", SP.SP_DialogSaveButton, "#2e7d32"),
    "rejected": ("Rejected", SP.SP_DialogCancelButton, "#8d6e00"),
    "failed": ("Failed", SP.SP_MessageBoxCritical, "#b3261e"),
    "removed": ("Removed", SP.SP_TrashIcon, "#5f6368"),
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One document of the batch as the queue shows it."""

    doc_id: int
    name: str
    status: str
    document_type: str | None = None
    detail: str = ""


def status_label(status: str) -> str:
    """The status as shown to people."""
    return _STATUS.get(status, (status.replace("_", " ").capitalize(), SP.SP_FileIcon, ""))[0]


def status_icon(status: str) -> QIcon:
    """The standard icon of a status."""
    pixmap = _STATUS.get(status, ("", SP.SP_FileIcon, ""))[1]
    return QApplication.style().standardIcon(pixmap)


class QueueModel(QAbstractTableModel):
    """Documents of the open batch: name, type and status."""

    COLUMNS = ("Document", "Type", "Status")
    DocIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[QueueItem] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Documents (a flat table)."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Name, type, status."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, icon, colour and tooltip of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == self.DocIdRole:
            return item.doc_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.name
            if column == 1:
                return (item.document_type or "—").replace("_", " ")
            return status_label(item.status)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return status_icon(item.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            colour = _STATUS.get(item.status, ("", SP.SP_FileIcon, "#202124"))[2]
            return QColor(colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{item.name}: {status_label(item.status)}"
            return f"{tip}\n{item.detail}" if item.detail else tip
        return None

    # ----- updates -------------------------------------------------------------------------

    def set_items(self, items: list[QueueItem]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def update_items(self, items: list[QueueItem]) -> None:
        """Take a fresh list from the store, keeping the selection when it can.

        Rows change in place when the documents are the same ones; otherwise every
        row is replaced.
        """
        if [i.doc_id for i in items] != [i.doc_id for i in self._items]:
            self.set_items(items)
            return
        for row, item in enumerate(items):
            if item != self._items[row]:
                self._items[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def items(self) -> list[QueueItem]:
        """The rows, in order."""
        return list(self._items)

    def row_of(self, doc_id: int) -> int:
        """The row of a document, or -1."""
        for row, item in enumerate(self._items):
            if item.doc_id == doc_id:
                return row
        return -1

    def item(self, doc_id: int) -> QueueItem | None:
        """The row of a document, if shown."""
        row = self.row_of(doc_id)
        return self._items[row] if row >= 0 else None

    def upsert(self, item: QueueItem) -> None:
        """Add a document, or update its row."""
        row = self.row_of(item.doc_id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items))
            self._items.append(item)
            self.endInsertRows()
        else:
            self._items[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def set_status(
        self, doc_id: int, status: str, detail: str = "", *, document_type: str | None = None
    ) -> None:
        """Change one document's status (and its explanation, and type once known)."""
        item = self.item(doc_id)
        if item is not None:
            kind = document_type or item.document_type
            self.upsert(replace(item, status=status, detail=detail, document_type=kind))

    def counts(self) -> dict[str, int]:
        """Documents per status."""
        found: dict[str, int] = {}
        for item in self._items:
            found[item.status] = found.get(item.status, 0) + 1
        return found
