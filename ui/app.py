"""``medreview-gui`` / ``medreview gui``: open the review window on a store and a batch.

With ``--screenshot PATH`` the window waits until the first document is shown
with its fields (or the supervisor page is filled), saves a PNG of itself and
exits: that is how the README's screenshots are made, offscreen or under Xvfb.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from medreview.commands.storeopts import PASSWORD_ENV
from medreview.config import PipelineConfig
from medreview.errors import ExitCode, MedreviewError
from medreview.layouts import available_layouts
from medreview.store import Role, Store, UserInfo
from ui.controller import ReviewController
from ui.idle import DEFAULT_LOCK_SECONDS, DEFAULT_RELEASE_SECONDS, IdleWatcher
from ui.layouts_dialog import open_layouts_dialog
from ui.main_window import MainWindow
from ui.signin import LockScreen, SignInDialog
from ui.supervisor_view import SupervisorView

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The options of the GUI (the same as ``medreview gui``)."""
    parser = argparse.ArgumentParser(prog="medreview gui", description="Open the review window.")
    parser.add_argument("--database", metavar="URL", help="store URL (default: the local store)")
    parser.add_argument("--batch", metavar="NAME", help="batch to review (default: the newest)")
    parser.add_argument(
        "--user",
        default=None,
        help="user name to sign in as (default: the login name); the password is asked "
        "for in a sign-in window, or read from $MEDREVIEW_PASSWORD for scripts",
    )
    parser.add_argument(
        "--lock-after",
        type=float,
        default=DEFAULT_LOCK_SECONDS / 60,
        metavar="MINUTES",
        help="hide patient data behind the sign-in after this idle time (default: 10)",
    )
    parser.add_argument(
        "--release-after",
        type=float,
        default=DEFAULT_RELEASE_SECONDS / 60,
        metavar="MINUTES",
        help="give the open document back to the queue after this idle time (default: 30)",
    )
    parser.add_argument("--engine", default=None, help="OCR engine for imported scans")
    parser.add_argument(
        "--import",
        dest="imports",
        metavar="PATH",
        nargs="+",
        type=Path,
        default=[],
        help="scan files or folders to queue for reading at start",
    )
    parser.add_argument("--view", choices=("review", "supervisor"), default="review")
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        type=Path,
        help="save a PNG of the window once the first document is shown, then exit",
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds --screenshot waits at most"
    )
    parser.add_argument("--size", default="1440x900", help="window size for --screenshot")
    parser.add_argument(
        "--settings", metavar="FILE", type=Path, help="keep window settings in this INI file"
    )
    return parser


class _Screenshot:
    """Saves the window once it shows what was asked for, then quits the application."""

    def __init__(self, window: MainWindow, path: Path, timeout: float, loop: QEventLoop) -> None:
        self.window = window
        self.path = path
        self._loop = loop
        self.code = int(ExitCode.INTERNAL)
        self._done = False
        QTimer.singleShot(int(timeout * 1000), self._on_timeout)

    def take(self) -> None:
        """Grab after the pending paint and layout events."""
        if not self._done:
            self._done = True
            QTimer.singleShot(150, self._save)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ok = self.window.grab().save(str(self.path), "PNG")
        self.code = int(ExitCode.OK) if ok else int(ExitCode.INTERNAL)
        if not ok:
            sys.stderr.write(f"medreview gui: cannot write {self.path}\n")
        self._loop.quit()

    def _on_timeout(self) -> None:
        if not self._done:
            sys.stderr.write("medreview gui: no document was shown before the timeout\n")
            self.code = int(ExitCode.FILE_FAILED)
            self._done = True
            self._loop.quit()


def run(args: argparse.Namespace) -> int:
    """Open the window; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("medreview")
    app.setApplicationName("medreview")
    app.setApplicationDisplayName("medreview")
    name = args.user or getpass.getuser()
    try:
        store = Store.open(args.database)
    except MedreviewError as exc:
        if args.screenshot is None:
            QMessageBox.critical(None, "medreview", exc.message)
        sys.stderr.write(f"medreview gui: {exc.message}\n")
        return int(exc.exit_code)
    try:
        signed_in = _sign_in(store, name, interactive=args.screenshot is None)
        if signed_in is None:
            sys.stderr.write("medreview gui: not signed in\n")
            return int(ExitCode.AUTH)
        user = signed_in.name
        layouts = available_layouts(store.layout_set())
        config = PipelineConfig(engine=args.engine or PipelineConfig().engine, layouts=layouts)
        settings = (
            QSettings(str(args.settings), QSettings.Format.IniFormat)
            if args.settings
            else QSettings()
        )
        window = MainWindow(settings, user=user)
        controller = ReviewController(window, store, user=user, batch=args.batch, config=config)
        supervisor = SupervisorView(
            store.batch_stats,
            lambda batch, fmt, out, progress: store.export(batch, fmt, out, progress, user=user),
            controller.pool,
            manage_layouts=lambda: open_layouts_dialog(store, user, window),
            load_analysts=lambda batch: store.analyst_stats(batch),
            double_keying=(
                lambda batch: store.batch(batch).double_key_fields,
                lambda batch, fields: store.set_double_keying(batch, fields or None, user),
            )
            if controller.role is Role.SUPERVISOR
            else None,
        )
        window.add_supervisor_view(supervisor)

        def on_view_changed(view: str) -> None:
            if view == "supervisor":
                controller.pause_review()
                supervisor.refresh(select=controller.batch)
            else:
                controller.resume_review()

        window.viewChanged.connect(on_view_changed)

        def on_export_requested() -> None:
            if controller.role is not Role.SUPERVISOR:
                window.show_error("Only supervisors export batches.")
                return
            window.set_view("supervisor")
            supervisor.ask_export()

        window.exportRequested.connect(on_export_requested)
        # automatic logoff: cover patient data after an idle time, release the claim later
        lock = LockScreen(window, store.authenticate, user)
        idle = IdleWatcher(args.lock_after * 60, args.release_after * 60, window)
        app.installEventFilter(idle)
        idle.lockDue.connect(lock.lock)
        idle.releaseDue.connect(controller.release_open)

        def on_unlocked() -> None:
            idle.reset()
            controller.resume()

        lock.unlocked.connect(on_unlocked)
        # A loop of our own, not app.exec(): quitting it leaves the application usable
        # (the tests run several windows in one process).
        loop = QEventLoop()
        # Closing the window (Ctrl+Q, File > Quit, its close button) ends the session:
        # the controller releases the open document as the window closes.
        window.closing.connect(loop.quit)
        shot: _Screenshot | None = None
        if args.screenshot is not None:
            width, _, height = args.size.partition("x")
            window.resize(int(width), int(height))
            window.fit_panels()
            shot = _Screenshot(window, args.screenshot, args.timeout, loop)
            if args.view == "supervisor":
                window.set_view("supervisor")
                QTimer.singleShot(0, shot.take)
            else:
                controller.documentShown.connect(lambda _id: shot.take() if shot else None)
        window.show()
        controller.start(review=args.view != "supervisor")
        if args.imports:
            window.import_paths(list(args.imports))
        if args.view == "supervisor" and shot is None:
            window.set_view("supervisor")
        loop.exec()
        idle.stop()
        app.removeEventFilter(idle)
        controller.shutdown()
        window.close()  # saves the layout
        window.deleteLater()
        return shot.code if shot is not None else int(ExitCode.OK)
    finally:
        store.close()


def _sign_in(store: Store, name: str, *, interactive: bool) -> UserInfo | None:
    """The signed-in user: from ``MEDREVIEW_PASSWORD``, else the sign-in window."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None or not interactive:
        try:
            return store.authenticate(name, password or "")
        except MedreviewError as exc:
            sys.stderr.write(f"medreview gui: {exc.message}\n")
            return None
    dialog = SignInDialog(store.authenticate, name)
    dialog.exec()
    return dialog.user


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``medreview-gui`` and ``python -m ui.app``."""
    multiprocessing.freeze_support()  # the OCR processes of a frozen (PyInstaller) build
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
