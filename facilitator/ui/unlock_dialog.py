"""Unlocking: the passphrase / recovery-code panel, the startup dialog and the lock screen.

Why one panel in two places: at start-up it OPENS the store; after an auto-lock it
only CHECKS the credential against the store that is still open (a session in
progress keeps saving while the screen is hidden). The caller passes the job that
does either; the panel runs it on the task runner (Argon2 takes a moment) and shows
a plain message when the passphrase is wrong.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError, RecoveryCodeTypo, WrongKeyError
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.errors_ui import error_text
from facilitator.ui.tasks import _BaseRunner

# attempt(passphrase, recovery_code) -> result; runs on the worker thread
AttemptFn = Callable[[Optional[str], Optional[str]], Any]


class UnlockPanel(QWidget):
    """Passphrase field (or recovery code), an Unlock button and an error line."""

    unlocked = Signal(object)  # whatever the attempt returned

    def __init__(
        self,
        tasks: _BaseRunner,
        attempt: AttemptFn,
        *,
        has_passphrase: bool = True,
        keyring_attempt: Optional[Callable[[], Any]] = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.attempt = attempt
        self.keyring_attempt = keyring_attempt
        self.has_passphrase = has_passphrase
        self.recovery_mode = not has_passphrase and keyring_attempt is None

        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setObjectName("secret")
        self.secret.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("unlock_error")
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        self.unlock_btn = W.button(self.tr("&Unlock"), primary=True)
        self.unlock_btn.setObjectName("unlock_button")
        self.unlock_btn.clicked.connect(self.submit)
        self.keyring_btn = W.button(self.tr("Unlock with the &system keyring"))
        self.keyring_btn.clicked.connect(self.try_keyring)
        self.keyring_btn.setVisible(keyring_attempt is not None)
        self.switch_btn = W.button("")
        self.switch_btn.setFlat(True)
        self.switch_btn.clicked.connect(self._toggle_mode)

        # Enter in the field submits (returnPressed); no button may also take Enter
        # as a dialog's default, or one key press would act twice.
        for b in (self.unlock_btn, self.keyring_btn, self.switch_btn):
            b.setAutoDefault(False)
            b.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.keyring_btn)
        buttons.addWidget(self.unlock_btn)
        layout.addLayout(buttons)
        self._apply_mode()

    def _apply_mode(self) -> None:
        if self.recovery_mode:
            self.prompt.setText(
                self.tr(
                    "Type the recovery code from your recovery kit. "
                    "Dashes and spaces do not matter."
                )
            )
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
            self.secret.setAccessibleName(self.tr("Recovery code"))
            self.switch_btn.setText(self.tr("Use the &passphrase instead"))
            self.switch_btn.setVisible(self.has_passphrase)
        else:
            self.prompt.setText(self.tr("Enter your passphrase to open your groups."))
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setPlaceholderText("")
            self.secret.setAccessibleName(self.tr("Passphrase"))
            self.switch_btn.setText(self.tr("Forgot it? Use the &recovery code"))
            self.switch_btn.setVisible(True)
        self.secret.setVisible(self.has_passphrase or self.recovery_mode)
        self.switch_btn.setAccessibleName(self.switch_btn.text().replace("&", ""))

    def _toggle_mode(self) -> None:
        self.recovery_mode = not self.recovery_mode
        self.secret.clear()
        self.error.hide()
        self._apply_mode()
        self.secret.setFocus()

    def reset(self) -> None:
        self.secret.clear()
        self.error.hide()
        self.unlock_btn.setEnabled(True)
        self.recovery_mode = not self.has_passphrase and self.keyring_attempt is None
        self._apply_mode()

    def submit(self) -> None:
        text = self.secret.text()
        if not text.strip():
            if self.keyring_attempt is not None and not self.recovery_mode:
                self.try_keyring()
                return
            self._fail_text(
                self.tr("Type the recovery code first.")
                if self.recovery_mode
                else self.tr("Type your passphrase first.")
            )
            return
        passphrase, code = (None, text) if self.recovery_mode else (text, None)
        self._busy(True)
        self.tasks.run(
            lambda _p, _c: self.attempt(passphrase, code),
            self._ok,
            self._fail,
            label=self.tr("Checking…"),
        )

    def try_keyring(self) -> None:
        if self.keyring_attempt is None:
            return
        self._busy(True)
        attempt = self.keyring_attempt
        self.tasks.run(lambda _p, _c: attempt(), self._ok, self._fail)

    def _busy(self, busy: bool) -> None:
        self.unlock_btn.setEnabled(not busy)
        self.keyring_btn.setEnabled(not busy)
        if busy:
            self.error.hide()

    def _ok(self, result: Any) -> None:
        self._busy(False)
        self.secret.clear()
        self.unlocked.emit(result)

    def _fail(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, RecoveryCodeTypo):
            text = error_text(exc)
        elif isinstance(exc, WrongKeyError):
            text = (
                self.tr("That recovery code does not open this store.")
                if self.recovery_mode
                else self.tr("That passphrase is not right. Check Caps Lock and try again.")
            )
        elif isinstance(exc, FacilitatorError):
            text = error_text(exc)
        else:
            text = QCoreApplication.translate(
                "Widgets", "Something went wrong and the action was not finished."
            )
        self._fail_text(text)

    def _fail_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.secret.selectAll()
        self.secret.setFocus()


class UnlockDialog(QDialog):
    """At start-up: tries the keyring silently, then asks. ``result_store`` holds the result."""

    def __init__(
        self,
        tasks: _BaseRunner,
        attempt: AttemptFn,
        *,
        has_passphrase: bool,
        keyring_attempt: Optional[Callable[[], Any]] = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Facilitator: unlock"))
        self.result_store: Any = None
        self.keyring_attempt = keyring_attempt
        layout = QVBoxLayout(self)
        layout.addWidget(W.heading(self.tr("Welcome back"), "title"))
        self.status = W.muted()
        layout.addWidget(self.status)
        self.panel = UnlockPanel(tasks, attempt, has_passphrase=has_passphrase, parent=self)
        self.panel.unlocked.connect(self._done)
        layout.addWidget(self.panel)
        self.setMinimumWidth(480)
        self.tasks = tasks

    def start(self) -> None:
        """Try the keyring off the UI thread; on failure, show the passphrase field."""
        if self.keyring_attempt is None:
            self.status.hide()
            self.panel.secret.setFocus()
            return
        self.panel.setEnabled(False)
        self.status.setText(self.tr("Opening with the system keyring…"))
        attempt = self.keyring_attempt
        self.tasks.run(lambda _p, _c: attempt(), self._done, self._keyring_failed)

    def _keyring_failed(self, exc: BaseException) -> None:
        self.panel.setEnabled(True)
        self.status.setText(self.tr("The system keyring did not open the store this time."))
        self.panel.secret.setFocus()

    def _done(self, result: Any) -> None:
        self.result_store = result
        self.accept()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.panel.secret.setFocus(Qt.FocusReason.OtherFocusReason)
