"""Every command of the review window, declared once: text, keys, icon, menu.

The menus, the toolbar and the shortcuts help are built from this table, so
an action is never reachable by keyboard only or by mouse only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from ui import icons

SP = QStyle.StandardPixmap
Key = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command of the window."""

    name: str
    text: str
    keys: tuple[str | QKeySequence.StandardKey, ...]
    menu: str
    icon: SP | str | None = None
    toolbar: bool = False
    tip: str = ""
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "import",
        "&Import scans…",
        (Key.Open,),
        "&File",
        SP.SP_DialogOpenButton,
        True,
        "Queue scan files for reading",
    ),
    ActionSpec(
        "import_folder",
        "Import &folder…",
        ("Ctrl+Shift+O",),
        "&File",
        SP.SP_DirOpenIcon,
        False,
        "Queue every scan in a folder (and its sub-folders) for reading",
    ),
    ActionSpec("export", "&Export batch…", ("Ctrl+E",), "&File", SP.SP_DialogSaveButton),
    ActionSpec("quit", "&Quit", (Key.Quit, "Ctrl+Q"), "&File"),
    ActionSpec(
        "submit",
        "&Submit and next",
        ("Ctrl+Return", "Ctrl+Enter"),
        "&Document",
        SP.SP_DialogApplyButton,
        True,
        "Save the verified values and open the next document",
    ),
    ActionSpec(
        "reject",
        "&Reject…",
        ("Ctrl+R",),
        "&Document",
        SP.SP_DialogCancelButton,
        True,
        "Reject the document with a reason",
    ),
    ActionSpec(
        "next_doubtful",
        "Next &doubtful field",
        ("F8", "Ctrl+J"),
        "&Document",
        SP.SP_MessageBoxWarning,
        True,
        "Jump to the next low-confidence or invalid field",
    ),
    ActionSpec(
        "confirm_agreeing",
        "&Confirm agreeing fields",
        ("Ctrl+Shift+A",),
        "&Document",
        "✓",
        True,
        "Confirm every field both readers read alike with high confidence",
    ),
    ActionSpec(
        "postpone",
        "&Postpone",
        ("Ctrl+P",),
        "&Document",
        SP.SP_MediaPause,
        False,
        "Put this document aside; it comes back after the others",
    ),
    ActionSpec(
        "change_type",
        "Change document &type…",
        ("Ctrl+T",),
        "&Document",
        None,
        False,
        "Choose the document's type; its fields are read again for it",
    ),
    ActionSpec(
        "open_selected",
        "&Open selected document",
        ("Ctrl+Shift+Return",),
        "&Queue",
        SP.SP_DialogOpenButton,
        False,
        "Open the document selected in the queue (a ready one, or one you verified)",
    ),
    ActionSpec(
        "retry_failed",
        "Read failed scan &again",
        ("Ctrl+Shift+G",),
        "&Queue",
        SP.SP_BrowserReload,
        False,
        "Queue the failed scan selected in the queue to be read again",
    ),
    ActionSpec(
        "remove_failed",
        "&Remove failed scan",
        ("Ctrl+Shift+Del",),
        "&Queue",
        SP.SP_TrashIcon,
        False,
        "Take the failed scan selected in the queue out of the batch",
    ),
    ActionSpec(
        "switch_batch",
        "Switch &batch…",
        ("Ctrl+B",),
        "&Queue",
        None,
        False,
        "Choose another batch to work on",
    ),
    ActionSpec("undo", "&Undo", (Key.Undo,), "&Edit", SP.SP_ArrowBack, True),
    ActionSpec("redo", "&Redo", (Key.Redo, "Ctrl+Y"), "&Edit", SP.SP_ArrowForward, True),
    ActionSpec("zoom_in", "Zoom &in", (Key.ZoomIn, "Ctrl+="), "&View", "+", True),
    ActionSpec("zoom_out", "Zoom &out", (Key.ZoomOut,), "&View", "−", True),
    ActionSpec("fit_width", "Fit &width", ("Ctrl+1",), "&View", "↔", True),
    ActionSpec("fit_page", "Fit &page", ("Ctrl+0",), "&View", "▣", True),
    ActionSpec("prev_page", "P&revious page", ("Ctrl+PgUp",), "&View", SP.SP_ArrowUp, True),
    ActionSpec("next_page", "&Next page", ("Ctrl+PgDown",), "&View", SP.SP_ArrowDown, True),
    ActionSpec("rotate", "Ro&tate page 90°", ("Ctrl+Shift+R",), "&View", SP.SP_BrowserReload, True),
    ActionSpec(
        "toggle_prepared",
        "Show &prepared image",
        ("F6",),
        "&View",
        "◐",
        True,
        "Switch between the original scan and the cleaned image",
        checkable=True,
    ),
    ActionSpec("review_view", "Re&view", ("F9",), "&Window", SP.SP_FileDialogDetailedView),
    ActionSpec("supervisor_view", "&Supervisor", ("F10",), "&Window", SP.SP_FileDialogListView),
    ActionSpec(
        "shortcuts",
        "&Keyboard shortcuts",
        (Key.HelpContents, "F1"),
        "&Help",
        "?",
        True,
    ),
)

TOOLBAR_GROUPS: tuple[tuple[str, ...], ...] = (
    ("import",),
    ("submit", "reject", "next_doubtful", "confirm_agreeing"),
    ("undo", "redo"),
    (
        "zoom_out",
        "zoom_in",
        "fit_width",
        "fit_page",
        "prev_page",
        "next_page",
        "rotate",
        "toggle_prepared",
    ),
    ("shortcuts",),
)


def _icon(spec: ActionSpec) -> QIcon | None:
    if spec.icon is None:
        return None
    if isinstance(spec.icon, str):
        return icons.glyph(spec.icon)
    return icons.standard(spec.icon)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action of :data:`ACTIONS` on ``parent`` (window-wide shortcuts)."""
    built: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        shortcuts: list[QKeySequence] = []
        for key in spec.keys:
            for seq in (
                QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
            ):
                if not seq.isEmpty() and seq not in shortcuts:
                    shortcuts.append(seq)
        action.setShortcuts(shortcuts)
        icon = _icon(spec)
        if icon is not None:
            action.setIcon(icon)
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        parent.addAction(action)
        built[spec.name] = action
    return built
