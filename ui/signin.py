"""Signing in to the review window: at start, and again after an automatic logoff.

:class:`SignInForm` asks for a user name and password and checks them with the
store (argon2, audited). :class:`SignInDialog` wraps it for start-up;
:class:`LockScreen` lays it over the whole main window, hiding every patient
value, until the same user signs in again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medreview.errors import MedreviewError
from medreview.store import UserInfo

Authenticate = Callable[[str, str], UserInfo]


class SignInForm(QWidget):
    """User name, password, a message line and a Sign in button."""

    signedIn = Signal(object)  # UserInfo

    def __init__(
        self,
        authenticate: Authenticate,
        name: str = "",
        *,
        fixed_name: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.name_edit = QLineEdit(name)
        self.name_edit.setReadOnly(fixed_name)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.button = QPushButton("Sign in")
        self.button.setDefault(True)
        form = QFormLayout(self)
        form.addRow("User name", self.name_edit)
        form.addRow("Password", self.password_edit)
        form.addRow(self.message)
        form.addRow(self.button)
        self.button.clicked.connect(self._on_sign_in)
        self.password_edit.returnPressed.connect(self._on_sign_in)

    def focus(self) -> None:
        """Put the cursor where the user types next."""
        target = self.password_edit if self.name_edit.text() else self.name_edit
        target.setFocus()

    def _on_sign_in(self) -> None:
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        self.password_edit.clear()
        try:
            user = self._authenticate(name, password)
        except MedreviewError as exc:
            self.message.setText(exc.message)
            self.focus()
            return
        self.message.clear()
        self.signedIn.emit(user)


class SignInDialog(QDialog):
    """The start-up sign-in."""

    def __init__(self, authenticate: Authenticate, name: str = "") -> None:
        super().__init__()
        self.setWindowTitle("Sign in to medreview")
        self.user: UserInfo | None = None
        self.form = SignInForm(authenticate, name, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.signedIn.connect(self._on_signed_in)
        self.form.focus()

    def _on_signed_in(self, user: UserInfo) -> None:
        self.user = user
        self.accept()


class LockScreen(QWidget):
    """An opaque cover over the whole main window until its user signs in again."""

    unlocked = Signal()

    def __init__(self, window: QWidget, authenticate: Authenticate, name: str) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockScreen { background: palette(window); }")
        self.title = QLabel("Signed off after a period without activity.\nSign in to go on.")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = SignInForm(authenticate, name, fixed_name=True, parent=self)
        self.form.setMaximumWidth(420)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.form, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.form.signedIn.connect(self._on_signed_in)
        window.installEventFilter(self)
        self.hide()

    @property
    def locked(self) -> bool:
        """True while the cover is up."""
        return self.isVisible()

    def lock(self) -> None:
        """Cover the window (everything under it stays hidden until sign-in)."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.form.focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep covering the whole window when it is resized."""
        if event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def _on_signed_in(self, _user: UserInfo) -> None:
        self.hide()
        self.unlocked.emit()
