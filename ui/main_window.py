"""The review window: queue on the left, the scan in the middle, the typed fields on the right.

The window shows and collects; it never talks to the database or runs OCR. A
controller (``ui.controller``) listens to its request signals and feeds it
documents, statuses and progress.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from medreview.documents import DocumentType, FieldKind, fields_of
from medreview.model import BBox
from medreview.ocr import vision
from ui.actions import ACTIONS, TOOLBAR_GROUPS, build_actions
from ui.dialogs import RejectDialog, ShortcutsDialog
from ui.evidence import PreparedDocument
from ui.field_form import FieldForm
from ui.layouts_dialog import layout_caption
from ui.queue_model import QueueModel
from ui.scan_view import ScanView

SCAN_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"})


class MessageBar(QFrame):
    """A thin coloured strip above the form for problems and offers (never modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.use_button = QPushButton("Use (Enter)", self)
        self.dismiss_button = QPushButton("Dismiss", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.use_button)
        layout.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, text: str, kind: str, *, offer: bool = False) -> None:
        """Show ``text``; ``kind`` is ``error``, ``info`` or ``offer``."""
        colours = {"error": ("#fde7e6", "#b3261e"), "info": ("#e8f0fe", "#1a5fb4")}
        bg, fg = colours.get(kind, colours["info"])
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {bg}; border: 1px solid {fg}; border-radius: 4px; }}"
            f" QFrame#messageBar QLabel {{ color: {fg}; }}"
        )
        self.label.setText(text)
        self.use_button.setVisible(offer)
        self.show()


class MainWindow(QMainWindow):
    """The analyst's window; emits requests, shows what the controller gives it."""

    submitRequested = Signal(int, dict)
    rejectRequested = Signal(int, str)
    fieldEdited = Signal(int, str, object)
    regionRequested = Signal(int, int, object, str)
    importRequested = Signal(list)
    documentActivated = Signal(int)
    exportRequested = Signal()
    viewChanged = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        *,
        user: str = "",
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("medreview — verification")
        self.setAcceptDrops(True)
        self._settings = settings
        self._today = today
        self._document: PreparedDocument | None = None
        self._offer: tuple[int, str, str] | None = None
        self.reject_dialog: RejectDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None

        self.commands = build_actions(self)
        self.queue = QueueModel(self)
        self.scan = ScanView(self)
        self.form = FieldForm(self)
        self.form.prebuild([t.value for t in DocumentType if fields_of(t.value)])
        self.queue_view = QTableView(self)
        self.messages = MessageBar(self)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._build_layout()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._update_document_actions()

    # ----- construction --------------------------------------------------------------------

    def _build_layout(self) -> None:
        view = self.queue_view
        view.setObjectName("queueView")
        view.setModel(self.queue)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        view.verticalHeader().setDefaultSectionSize(26)

        queue_panel = QWidget(self)
        queue_layout = QVBoxLayout(queue_panel)
        queue_layout.setContentsMargins(6, 6, 0, 6)
        self.batch_label = QLabel("No batch")
        self.batch_label.setObjectName("batchLabel")
        self.batch_label.setStyleSheet("font-weight: 600; padding: 2px 2px 4px 2px;")
        queue_layout.addWidget(self.batch_label)
        queue_layout.addWidget(view)

        scan_panel = QWidget(self)
        scan_layout = QVBoxLayout(scan_panel)
        scan_layout.setContentsMargins(0, 6, 0, 6)
        scan_layout.setSpacing(4)
        self.scan_header = QLabel("")
        self.scan_header.setObjectName("scanHeader")
        self.scan_header.setStyleSheet("color: #3c4043; padding: 0 4px;")
        scan_layout.addWidget(self.scan_header)
        scan_layout.addWidget(self.scan, 1)

        form_panel = QWidget(self)
        form_layout = QVBoxLayout(form_panel)
        form_layout.setContentsMargins(0, 6, 6, 6)
        form_layout.setSpacing(6)
        form_layout.addWidget(self.messages)
        form_layout.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.reject_button = QPushButton("Reject…")
        self.submit_button = QPushButton("Submit and next")
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.submit_button.setStyleSheet(
            "QPushButton#submitButton { background: #1a5fb4; color: white; font-weight: 600;"
            " padding: 6px 16px; border-radius: 4px; }"
            " QPushButton#submitButton:disabled { background: #9aa0a6; }"
        )
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        form_layout.addLayout(buttons)

        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(queue_panel)
        self.splitter.addWidget(scan_panel)
        self.splitter.addWidget(form_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([300, 680, 480])
        self.splitter.setChildrenCollapsible(False)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

    def _build_menus_and_toolbar(self) -> None:
        menus: dict[str, list[QAction]] = {}
        for spec in ACTIONS:
            menus.setdefault(spec.menu, []).append(self.commands[spec.name])
        for title, actions in menus.items():
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addAction(action)
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for index, group in enumerate(TOOLBAR_GROUPS):
            if index:
                toolbar.addSeparator()
            for name in group:
                toolbar.addAction(self.commands[name])
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel("")
        self.user_label.setObjectName("userLabel")
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("batchProgressLabel")
        self.ocr_label = QLabel("")
        self.ocr_label.setObjectName("ocrLabel")
        self.layout_label = QLabel("")
        self.layout_label.setObjectName("layoutLabel")
        self.ocr_progress = QProgressBar(self)
        self.ocr_progress.setObjectName("ocrProgress")
        self.ocr_progress.setMaximumWidth(160)
        self.ocr_progress.setMaximumHeight(14)
        self.ocr_progress.setTextVisible(False)
        self.ocr_progress.hide()
        # Pages leave the machine while Google Cloud Vision is enabled: always say so.
        self.cloud_label = QLabel("Cloud OCR on: pages are sent to Google")
        self.cloud_label.setObjectName("cloudOcrLabel")
        self.cloud_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.cloud_label.setVisible(vision.enabled())
        bar.addPermanentWidget(self.cloud_label)
        bar.addPermanentWidget(self.ocr_label)
        bar.addPermanentWidget(self.ocr_progress)
        bar.addPermanentWidget(self.layout_label)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.user_label)

    def _connect(self) -> None:
        a = self.commands
        a["submit"].triggered.connect(self._on_submit_triggered)
        a["reject"].triggered.connect(self._on_reject_triggered)
        a["next_doubtful"].triggered.connect(self._on_next_doubtful_triggered)
        a["undo"].triggered.connect(self.form.undo_stack.undo)
        a["redo"].triggered.connect(self.form.undo_stack.redo)
        self.form.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.form.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        a["zoom_in"].triggered.connect(self.scan.zoom_in)
        a["zoom_out"].triggered.connect(self.scan.zoom_out)
        a["fit_width"].triggered.connect(self.scan.fit_width)
        a["fit_page"].triggered.connect(self.scan.fit_page)
        a["prev_page"].triggered.connect(self.scan.previous_page)
        a["next_page"].triggered.connect(self.scan.next_page)
        a["rotate"].triggered.connect(lambda: self.scan.rotate_page(90))
        a["toggle_prepared"].toggled.connect(self.scan.set_show_prepared)
        a["shortcuts"].triggered.connect(self._on_shortcuts_triggered)
        a["import"].triggered.connect(self._on_import_triggered)
        a["import_folder"].triggered.connect(self._on_import_folder_triggered)
        a["export"].triggered.connect(self.exportRequested)
        a["quit"].triggered.connect(self.close)
        a["review_view"].triggered.connect(lambda: self.set_view("review"))
        a["supervisor_view"].triggered.connect(lambda: self.set_view("supervisor"))
        self.submit_button.clicked.connect(a["submit"].trigger)
        self.reject_button.clicked.connect(a["reject"].trigger)
        self.messages.use_button.clicked.connect(self._on_offer_accepted)
        self.messages.dismiss_button.clicked.connect(self._on_offer_dismissed)
        self.form.fieldFocused.connect(self._on_field_focused)
        self.form.fieldEdited.connect(self._on_field_edited)
        self.form.validityChanged.connect(self._on_validity_changed)
        self.scan.wordsPicked.connect(self._on_words_picked)
        self.scan.regionDrawn.connect(self._on_region_drawn)
        self.scan.pageChanged.connect(lambda _p, _n: self._update_scan_header())
        self.scan.zoomChanged.connect(lambda _z: self._update_scan_header())
        self.queue_view.activated.connect(self._on_queue_activated)
        self.queue_view.doubleClicked.connect(self._on_queue_activated)

    # ----- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        """Remember geometry, toolbar state and splitter sizes."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout on the way out."""
        self.save_settings()
        super().closeEvent(event)

    # ----- what the controller calls ------------------------------------------------------

    @property
    def document(self) -> PreparedDocument | None:
        """The document shown."""
        return self._document

    def set_user(self, name: str) -> None:
        """Show who is working."""
        self.user_label.setText(f"  {name}  " if name else "")

    def set_batch(self, name: str) -> None:
        """Show the open batch's name."""
        self.batch_label.setText(f"Batch: {name}" if name else "No batch")

    def set_batch_progress(self, done: int, total: int) -> None:
        """Show how much of the batch is finished."""
        self.progress_label.setText(f"  {done} of {total} finished  " if total else "")

    def set_background_progress(self, done: int, total: int, text: str = "") -> None:
        """Show background OCR; hidden when nothing runs."""
        running = total > 0 and done < total
        self.ocr_progress.setVisible(running)
        self.ocr_progress.setRange(0, max(1, total))
        self.ocr_progress.setValue(done)
        self.ocr_label.setText(text if running else "")

    def show_document(self, document: PreparedDocument) -> None:
        """Show a prepared document (pages already in memory) and focus its first doubt."""
        self._document = document
        self._offer = None
        self.messages.hide()
        labels = {s.name: s.label for s in fields_of(document.result.document_type)}
        self.scan.set_document(document.pages, document.evidence, labels)
        self.form.set_document(
            document.result.document_type or "unknown",
            document.result.fields,
            document.values,
            title=document.name,
            today=self._today,
        )
        self._select_queue_row(document.doc_id)
        self._update_document_actions()
        self._update_scan_header()
        self.layout_label.setText(layout_caption(document.result))
        self.form.focus_first()

    def clear_document(self, message: str = "") -> None:
        """Show no document, with an explanation."""
        self._document = None
        self.scan.clear_document()
        self.form.clear_document()
        self.layout_label.setText("")
        if message:
            self.messages.show_message(message, "info")
        else:
            self.messages.hide()
        self._update_document_actions()
        self._update_scan_header()

    def show_error(self, message: str) -> None:
        """Tell the analyst something went wrong (the window stays usable)."""
        self.messages.show_message(message, "error")
        self.statusBar().showMessage(message, 8000)

    def offer_region_text(self, doc_id: int, field: str, text: str) -> None:
        """Offer the text read in a drawn region for a field; Enter or "Use" takes it."""
        if self._document is None or self._document.doc_id != doc_id:
            return
        if not text:
            self.messages.show_message("Nothing could be read in that region.", "info")
            return
        self._offer = (doc_id, field, text)
        label = {s.name: s.label for s in fields_of(self._document.result.document_type)}
        self.messages.show_message(
            f"Read in region for {label.get(field, field)}: {text}", "info", offer=True
        )
        self.messages.use_button.setFocus()

    def set_view(self, name: str) -> None:
        """Switch between ``review`` and ``supervisor``."""
        index = 1 if name == "supervisor" and self.stack.count() > 1 else 0
        self.stack.setCurrentIndex(index)
        self.toolbar.setVisible(index == 0)
        self.viewChanged.emit("supervisor" if index else "review")

    def add_supervisor_view(self, widget: QWidget) -> None:
        """Install the supervisor page (built by the controller, which owns the store)."""
        self.stack.addWidget(widget)

    # ----- slots ---------------------------------------------------------------------------

    def _on_submit_triggered(self) -> None:
        document = self._document
        if document is None:
            return
        errors = self.form.errors()
        if errors:
            labels = {s.name: s.label for s in fields_of(document.result.document_type)}
            name = next(n for n in self.form.field_names if n in errors)
            lines = [f"{labels.get(n, n)}: {m}" for n, m in errors.items()]
            self.messages.show_message("Cannot submit yet. " + "; ".join(lines), "error")
            self.form.focus_field(name)
            return
        self.submitRequested.emit(document.doc_id, self.form.values())

    def _on_reject_triggered(self) -> None:
        if self._document is None:
            return
        dialog = RejectDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        doc_id = self._document.doc_id
        dialog.accepted.connect(lambda: self.rejectRequested.emit(doc_id, dialog.reason()))
        self.reject_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "reject_dialog", None))
        dialog.open()

    def _on_next_doubtful_triggered(self) -> None:
        if self.form.focus_next_doubtful() is None and self._document is not None:
            self.statusBar().showMessage("No doubtful field left: ready to submit.", 4000)

    def _on_shortcuts_triggered(self) -> None:
        dialog = ShortcutsDialog(list(self.commands.values()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "shortcuts_dialog", None))
        dialog.open()

    def _on_import_triggered(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Import scans",
            "",
            "Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)",
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def _on_import_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of scans")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Queue the scans among ``paths`` (folders searched), as a drop or the dialogs do."""
        found = scan_paths(paths)
        if found:
            self.importRequested.emit(found)
        else:
            self.statusBar().showMessage("No scans (PDF or image files) found there.", 5000)

    def _on_field_focused(self, name: str) -> None:
        self.scan.focus_field(name)

    def _on_field_edited(self, name: str, value: object) -> None:
        if self._document is not None:
            self.fieldEdited.emit(self._document.doc_id, name, value)

    def _on_validity_changed(self, valid: bool) -> None:
        if valid and self.messages.isVisible() and self._offer is None:
            self.messages.hide()

    def _on_words_picked(self, words: list[str]) -> None:
        name = self.form.focused_field
        if self._document is None or name is None or not words:
            return
        text = " ".join(words)
        spec = next(s for s in fields_of(self._document.result.document_type) if s.name == name)
        if spec.kind is FieldKind.LIST:
            current = self.form.text(name).rstrip("\n")
            text = f"{current}\n{text}" if current else text
        self.form.set_field_text(name, text)
        self.form.focus_field(name)

    def _on_region_drawn(self, page: int, bbox: BBox) -> None:
        name = self.form.focused_field
        if self._document is None or name is None:
            self.statusBar().showMessage("Focus a field first, then draw the region.", 4000)
            return
        self.statusBar().showMessage("Reading the region…", 3000)
        self.regionRequested.emit(self._document.doc_id, page, bbox, name)

    def _on_offer_accepted(self) -> None:
        offer, self._offer = self._offer, None
        self.messages.hide()
        if offer is None or self._document is None or offer[0] != self._document.doc_id:
            return
        _, name, text = offer
        self.form.set_field_text(name, text)
        self.form.focus_field(name)

    def _on_offer_dismissed(self) -> None:
        self._offer = None
        if self.form.focused_field:
            self.form.focus_field(self.form.focused_field)

    def _on_queue_activated(self, index: QModelIndex) -> None:
        doc_id = self.queue.data(index, QueueModel.DocIdRole)
        if isinstance(doc_id, int):
            self.documentActivated.emit(doc_id)

    # ----- helpers -------------------------------------------------------------------------

    def _select_queue_row(self, doc_id: int) -> None:
        row = self.queue.row_of(doc_id)
        if row >= 0:
            self.queue_view.selectRow(row)

    def _update_document_actions(self) -> None:
        has = self._document is not None
        for name in ("submit", "reject", "next_doubtful"):
            self.commands[name].setEnabled(has)
        for button in (self.submit_button, self.reject_button):
            button.setEnabled(has)

    def _update_scan_header(self) -> None:
        if self.scan.page_count == 0:
            self.scan_header.setText("")
            return
        mode = "prepared" if self.scan.showing_prepared else "original"
        self.scan_header.setText(
            f"Page {self.scan.page + 1} of {self.scan.page_count}  ·  "
            f"{self.scan.zoom:.0%}  ·  {mode}"
        )

    # ----- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files and folders."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Queue dropped scans (folders are searched)."""
        self.import_paths([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()


def scan_paths(paths: list[Path]) -> list[Path]:
    """The scan files among ``paths``, folders expanded, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SCAN_SUFFIXES))
        elif path.suffix.lower() in SCAN_SUFFIXES:
            found.append(path)
    return found
