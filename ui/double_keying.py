"""The supervisor's double keying setting for a batch: which fields two analysts key blind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medreview.documents import DocumentType, fields_of


class DoubleKeyingDialog(QDialog):
    """Tick the fields to key twice, blind; none ticked turns double keying off."""

    def __init__(self, batch: str, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Double keying — {batch}")
        self.fields = QListWidget(self)
        self.fields.setObjectName("doubleKeyingFields")
        seen: set[str] = set()
        for kind in DocumentType:
            for spec in fields_of(kind.value):
                if spec.name in seen:
                    continue
                seen.add(spec.name)
                item = QListWidgetItem(f"{spec.label}  ({kind.value.replace('_', ' ')})")
                item.setData(Qt.ItemDataRole.UserRole, spec.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if spec.name in chosen else Qt.CheckState.Unchecked
                )
                self.fields.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Fields ticked here are keyed by two analysts who see neither the OCR value\n"
                "nor each other's; when they differ, a supervisor decides."
            )
        )
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.resize(420, 520)

    def chosen(self) -> list[str]:
        """The ticked fields' names."""
        names = []
        for row in range(self.fields.count()):
            item = self.fields.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names
