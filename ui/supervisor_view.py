"""The supervisor's page: batches by status, analyst throughput, and export.

It reads :meth:`medreview.store.Store.batch_stats` (a few aggregate queries) on
the GUI thread and runs exports in the worker pool with a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medreview.export import FORMATS, MEDIA_TYPES, ExportReport
from medreview.progress import Progress
from medreview.store import Status
from medreview.store.analyst_stats import AnalystDay
from medreview.store.stats import AnalystStats, BatchStats
from ui.confidence import FOCUS_ACCENT
from ui.double_keying import DoubleKeyingDialog
from ui.workers import CancelToken, SignalProgress, WorkerError, WorkerPool

Index = QModelIndex | QPersistentModelIndex

# Below a minute of timed review a rate per hour means nothing: bars then show counts.
MIN_TIMED_HOURS = 1 / 60

_COLUMNS: tuple[tuple[str, Status | str], ...] = (
    ("Batch", "name"),
    ("Total", "total"),
    ("Queued", Status.QUEUED),
    ("Reading", Status.PROCESSING),
    ("Ready", Status.READY),
    ("In review", Status.IN_REVIEW),
    ("Verified", Status.VERIFIED),
    ("Rejected", Status.REJECTED),
    ("Failed", Status.FAILED),
    ("Exported", Status.EXPORTED),
    ("Auto-verified", "auto"),
)


Row = TypeVar("Row")


class _RowsModel(QAbstractTableModel, Generic[Row]):
    """A flat table of rows under fixed column titles; subclasses say what a cell shows."""

    titles: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per title."""
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None

    def _row(self, index: Index) -> Row | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def _replace(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class BatchStatsModel(_RowsModel[BatchStats]):
    """One row per batch with its counts by status."""

    titles = tuple(title for title, _key in _COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Counts, right-aligned; failed counts in red."""
        stats = self._row(index)
        if stats is None:
            return None
        key = _COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return stats.batch
            if key == "total":
                return stats.total
            if key == "auto":
                return stats.auto_verified
            return stats.counts.get(Status(key), 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and key == Status.FAILED
            and stats.counts.get(Status.FAILED, 0)
        ):
            return QColor("#b3261e")
        return None

    def set_stats(self, rows: list[BatchStats]) -> None:
        """Replace every row."""
        self._replace(rows)

    def stats(self, row: int) -> BatchStats | None:
        """The statistics shown in a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None


_ANALYST_COLUMNS = (
    "Analyst",
    "Day",
    "Verified",
    "Docs / hour",
    "Keys / doc",
    "Sent back",
    "Rejected",
)


class AnalystDayModel(_RowsModel[AnalystDay]):
    """Analyst statistics: one row per analyst and day."""

    titles = _ANALYST_COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The figures, right-aligned; a dash where there is nothing to divide."""
        day = self._row(index)
        if day is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            rate, keys, errors = day.documents_per_hour, day.keystrokes_per_document, day.error_rate
            cells: tuple[object, ...] = (
                day.name,
                day.day.isoformat(),
                day.verified,
                "—" if rate is None else f"{rate:.1f}",
                "—" if keys is None else f"{keys:.0f}",
                "—" if errors is None else f"{day.sent_back} ({errors:.0%})",
                day.rejected,
            )
            return cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and day.sent_back:
            return QColor("#b3261e")
        return None

    def set_days(self, rows: list[AnalystDay]) -> None:
        """Replace every row."""
        self._replace(rows)

    def days(self) -> list[AnalystDay]:
        """The rows shown."""
        return list(self._rows)


class ThroughputChart(QWidget):
    """Horizontal bars: documents verified per hour of review, one per analyst."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysts: list[AnalystStats] = []
        self._title = "Analyst throughput"
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_analysts(self, title: str, analysts: list[AnalystStats]) -> None:
        """Show one batch's analysts."""
        self._title = title
        self._analysts = list(analysts)
        self.update()

    def bars(self) -> list[tuple[str, float, str]]:
        """What is drawn: name, bar length and its label."""
        timed = all(a.review_hours >= MIN_TIMED_HOURS for a in self._analysts if a.verified)
        bars = []
        for a in self._analysts:
            rate = a.verified_per_hour if timed else None
            counts = f"{a.verified} verified · {a.rejected} rejected"
            label = f"{rate:.1f} docs/h · {counts}" if rate is not None else counts
            bars.append((a.name, rate if rate is not None else float(a.verified), label))
        return bars

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the bars with their names and values."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        title = QFont(self.font())
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor("#202124"))
        painter.drawText(QRectF(12, 8, self.width() - 24, 20), self._title)
        painter.setFont(self.font())
        bars = self.bars()
        if not bars:
            painter.setPen(QColor("#5f6368"))
            painter.drawText(QRectF(12, 36, self.width() - 24, 20), "No reviews yet.")
            painter.end()
            return
        top, row_height, name_width = 38.0, 30.0, 130.0
        width = min(520.0, max(40.0, self.width() - name_width - 220))
        peak = max(value for _, value, _ in bars) or 1.0
        for index, (name, value, label) in enumerate(bars):
            y = top + index * row_height
            painter.setPen(QColor("#3c4043"))
            painter.drawText(
                QRectF(12, y, name_width - 20, row_height - 8),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                name,
            )
            length = max(2.0, width * value / peak)
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(QColor(FOCUS_ACCENT))
            painter.drawRoundedRect(QRectF(name_width, y + 4, length, row_height - 14), 3, 3)
            painter.setPen(QColor("#3c4043"))
            painter.drawText(
                QRectF(name_width + length + 8, y, 210, row_height - 8),
                int(Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        painter.end()


class ExportDialog(QDialog):
    """Choose a format and a destination file."""

    def __init__(self, batch: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export batch {batch}")
        self.format_box = QComboBox(self)
        self.format_box.addItems(list(FORMATS))
        self.path_edit = QLineEdit(str(Path.home() / f"{batch}.csv"), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._on_browse_clicked)
        self.format_box.currentTextChanged.connect(self._on_format_changed)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format", self.format_box)
        form.addRow("Destination", row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, 140)

    def choice(self) -> tuple[str, Path]:
        """The format and destination chosen."""
        return self.format_box.currentText(), Path(self.path_edit.text()).expanduser()

    def _on_format_changed(self, fmt: str) -> None:
        path = Path(self.path_edit.text())
        _media_type, suffix = MEDIA_TYPES.get(fmt, ("", f".{fmt}"))
        self.path_edit.setText(str(path.with_suffix(suffix)))

    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.path_edit.text())
        if name:
            self.path_edit.setText(name)


class SupervisorView(QWidget):
    """Batches with counts by status, per-analyst throughput and the export command."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)

    def __init__(
        self,
        load_stats: Callable[[], list[BatchStats]],
        run_export: Callable[[str, str, Path, Progress], ExportReport],
        pool: WorkerPool,
        parent: QWidget | None = None,
        *,
        manage_layouts: Callable[[], None] | None = None,
        load_analysts: Callable[[str], list[AnalystDay]] | None = None,
        double_keying: tuple[Callable[[str], tuple[str, ...]], Callable[[str, list[str]], None]]
        | None = None,
    ) -> None:
        """``load_stats()`` returns batch statistics; ``run_export(batch, fmt, out, progress)``.

        ``manage_layouts`` (when given) opens the layouts dialog from a "Layouts…" button;
        ``load_analysts(batch)`` gives the analyst statistics per analyst and day;
        ``double_keying`` is ``(fields_of(batch), set_fields(batch, fields))``.
        """
        super().__init__(parent)
        self._load_stats = load_stats
        self._load_analysts = load_analysts
        self._double_keying = double_keying
        self.double_keying_dialog: DoubleKeyingDialog | None = None
        self.double_keying_button = QPushButton("Double keying…")
        self.double_keying_button.setVisible(double_keying is not None)
        self.double_keying_button.clicked.connect(self.ask_double_keying)
        self.analysts = AnalystDayModel(self)
        self.analyst_table = QTableView(self)
        self.analyst_table.setObjectName("analystTable")
        self.analyst_table.setModel(self.analysts)
        self.analyst_table.verticalHeader().hide()
        self.analyst_table.setAlternatingRowColors(True)
        self.analyst_table.setShowGrid(False)
        self.analyst_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        analyst_header = self.analyst_table.horizontalHeader()
        analyst_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        analyst_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._run_export = run_export
        self._pool = pool
        self.export_dialog: ExportDialog | None = None
        self.model = BatchStatsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("batchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = ThroughputChart(self)
        self.summary = QLabel("")
        self.summary.setObjectName("supervisorSummary")
        self.refresh_button = QPushButton("Refresh")
        self.export_button = QPushButton("Export batch…")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        title = QLabel("Supervisor")
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.double_keying_button)
        self.layouts_button: QPushButton | None = None
        if manage_layouts is not None:
            self.layouts_button = QPushButton("Layouts…")
            self.layouts_button.setObjectName("layoutsButton")
            self.layouts_button.clicked.connect(manage_layouts)
            top.addWidget(self.layouts_button)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.status)
        bottom.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        analyst_panel = QWidget(self)
        analyst_layout = QVBoxLayout(analyst_panel)
        analyst_layout.setContentsMargins(0, 6, 0, 0)
        analyst_title = QLabel("Analyst statistics — per analyst and day")
        analyst_title.setStyleSheet("font-weight: 600;")
        analyst_layout.addWidget(analyst_title)
        analyst_layout.addWidget(self.analyst_table)
        analyst_panel.setVisible(load_analysts is not None)
        splitter.addWidget(analyst_panel)
        splitter.setSizes([150, 220, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_batch(current.row())
        )

    def refresh(self, select: str | None = None) -> None:
        """Reload the statistics (keeps the selected batch)."""
        current = self.selected_batch() or select
        rows: list[BatchStats] = self._load_stats()
        self.model.set_stats(rows)
        names = [r.batch for r in rows]
        row = names.index(current) if current in names else len(rows) - 1
        if row >= 0:
            self.table.selectRow(row)
            self._show_batch(row)

    def selected_batch(self) -> str | None:
        """The batch whose analysts are charted."""
        stats = self.model.stats(self.table.currentIndex().row())
        return stats.batch if stats else None

    def _show_batch(self, row: int) -> None:
        stats = self.model.stats(row)
        if stats is None:
            return
        self.chart.set_analysts(f"Analyst throughput — {stats.batch}", stats.analysts)
        if self._load_analysts is not None:
            self.analysts.set_days(self._load_analysts(stats.batch))
        rate = stats.automation_rate
        auto = f" · {rate:.0%} verified automatically" if rate is not None else ""
        self.summary.setText(f"{stats.done} of {stats.total} documents verified{auto}")

    def ask_double_keying(self) -> None:
        """Choose the selected batch's fields keyed blind by two analysts."""
        batch = self.selected_batch()
        if batch is None or self._double_keying is None:
            return
        load = self._double_keying[0]
        dialog = DoubleKeyingDialog(batch, load(batch), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_double_keying_chosen(batch, dialog.chosen()))
        self.double_keying_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "double_keying_dialog", None))
        dialog.open()

    def _on_double_keying_chosen(self, batch: str, fields: list[str]) -> None:
        if self._double_keying is None:
            return
        self._double_keying[1](batch, fields)
        state = f"{len(fields)} field(s) keyed twice, blind" if fields else "off"
        self.status.setText(f"Double keying for {batch}: {state}")

    def ask_export(self) -> None:
        """Open the export dialog for the selected batch."""
        batch = self.selected_batch()
        if batch is None:
            return
        dialog = ExportDialog(batch, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_export(batch, *dialog.choice()))
        self.export_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "export_dialog", None))
        dialog.open()

    def start_export(self, batch: str, fmt: str, out: Path) -> None:
        """Run the store's export in the background with a progress bar."""
        run = self._run_export

        def job(token: CancelToken, progress: SignalProgress) -> str:
            return run(batch, fmt, out, progress).summary()

        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("Exporting…")
        self._pool.start(
            job,
            name="export",
            on_progress=self._on_export_progress,
            on_result=self._on_export_result,
            on_error=self._on_export_error,
            on_finished=self._on_export_finished,
        )

    def _on_export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_export_result(self, summary: str) -> None:
        self.status.setText(summary)
        self.exportFinished.emit(summary)

    def _on_export_error(self, error: WorkerError) -> None:
        self.status.setText(f"Export failed: {error.message}")
        self.exportFailed.emit(error.message)

    def _on_export_finished(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.refresh()
