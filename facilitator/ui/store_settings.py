"""Settings for the store itself: change the passphrase, and back up.

Until now only the command line could do either. Both call the store's own services
(:func:`facilitator.store.service.change_passphrase`,
:func:`facilitator.store.service.backup_store`) on the task runner's worker, so the
window never freezes while Argon2 or a verified copy runs. After the recovery code
has opened the store (a forgotten passphrase), the app offers the passphrase dialog
straight away (:func:`offer_new_passphrase`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.policy import PASSPHRASE_MIN
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.errors_ui import error_text
from facilitator.ui.save_files import ask_save_path, open_folder, shown_path
from facilitator.ui.translations import format_number

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.store.service import OpenedStore
    from facilitator.ui.context import AppContext
    from facilitator.ui.tasks import _BaseRunner


class PassphraseDialog(QDialog):
    """Two fields, said-as-typed problems, and the change made on the worker."""

    def __init__(
        self,
        tasks: _BaseRunner,
        store: OpenedStore,
        parent: QWidget | None = None,
        *,
        after_recovery: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.tasks, self.store = tasks, store
        self.changed = False
        self.setWindowTitle(
            self.tr("Set a new passphrase") if after_recovery else self.tr("Change the passphrase")
        )
        intro = QLabel(
            self.tr(
                "The recovery code opened your records. Choose a new passphrase now, so you do "
                "not need the code next time."
            )
            if after_recovery
            else self.tr(
                "The new passphrase replaces the old one at once. Your records stay as they are, "
                "and the recovery code still works."
            )
        )
        intro.setWordWrap(True)
        self.pass1 = QLineEdit()
        self.pass1.setObjectName("newPassphrase")
        self.pass2 = QLineEdit()
        self.pass2.setObjectName("newPassphraseAgain")
        for field in (self.pass1, self.pass2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(lambda _t: self._typed())
        self.pass1.setAccessibleName(self.tr("New passphrase"))
        self.pass2.setAccessibleName(self.tr("New passphrase again"))
        form = QFormLayout()
        for text, field in (
            (self.tr("&New passphrase"), self.pass1),
            (self.tr("&Type it again"), self.pass2),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        hint = W.muted(
            self.tr(
                "At least %1 characters. A short sentence is easier to "
                "remember than a jumble of symbols."
            ).replace("%1", format_number(PASSPHRASE_MIN))
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(
            self.tr("&Save the passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("savePassphrase")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._typed()
        self.pass1.setFocus()

    def problem(self) -> Optional[str]:
        if len(self.pass1.text().strip()) < PASSPHRASE_MIN:
            return self.tr("The passphrase is too short.")
        if self.pass1.text() != self.pass2.text():
            return self.tr("The two passphrases are not the same.")
        return None

    def _typed(self) -> None:
        problem = self.problem()
        self.ok.setEnabled(problem is None)
        if problem and self.pass2.text():
            self.error.setText(problem)
            self.error.show()
        else:
            self.error.hide()

    def save(self) -> None:
        if self.problem() is not None:
            return
        from facilitator.store import service

        new, store = self.pass1.text(), self.store
        self.ok.setEnabled(False)
        self.tasks.run(
            lambda _p, _c: service.change_passphrase(store, new),
            self._done,
            self._failed,
            progress=True,
            label=self.tr("Saving the passphrase…"),
        )

    def _done(self, _result: Any) -> None:
        self.changed = True
        self.pass1.clear()
        self.pass2.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        from facilitator.errors import FacilitatorError

        self.error.setText(
            error_text(exc)
            if isinstance(exc, FacilitatorError)
            else self.tr("The passphrase could not be saved; the old one still works.")
        )
        self.error.show()


def offer_new_passphrase(
    tasks: _BaseRunner,
    store: Optional[OpenedStore],
    parent: QWidget | None = None,
    *,
    used_recovery: Optional[bool] = None,
) -> bool:
    """After the recovery code opened the store (at start-up, or the lock screen's
    ``used_recovery``): offer a new passphrase, Yes by default."""
    if store is None:
        return False
    if used_recovery is None:
        used_recovery = store.unlocked_by == "recovery"
    if not used_recovery:
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("PassphraseDialog", "Set a new passphrase?"),
        QCoreApplication.translate(
            "PassphraseDialog",
            "You opened your records with the recovery code. Set a new passphrase now?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    dialog = PassphraseDialog(tasks, store, parent, after_recovery=True)
    dialog.exec()
    return dialog.changed


class BackupDialog(QDialog):
    """Back up now (a kept generation beside the store) or save a copy elsewhere."""

    def __init__(self, ctx: AppContext, store: OpenedStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.ctx, self.store = ctx, store
        self.written: Optional[Path] = None
        self.setWindowTitle(self.tr("Back up your records"))
        intro = QLabel(
            self.tr(
                "A backup is an encrypted copy of all your records, checked after it is made. "
                "It opens with the same passphrase or recovery code. Keep a copy on a USB stick "
                "away from this computer, in case the computer is lost."
            )
        )
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.now_button = QPushButton(self.tr("&Back up now (on this computer)"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.back_up_here)
        self.copy_button = QPushButton(self.tr("&Save a copy to…"))
        self.copy_button.setObjectName("backupCopy")
        self.copy_button.setToolTip(self.tr("For example to a USB stick"))
        self.copy_button.clicked.connect(self.save_copy)
        self.folder_button = QPushButton(self.tr("&Open the backups folder"))
        self.folder_button.clicked.connect(self._open_backups)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        for b in (self.now_button, self.copy_button, self.folder_button):
            layout.addWidget(b)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        self._show_generations()

    def _show_generations(self) -> None:
        from facilitator.store.backup import generation_paths

        gens = generation_paths(self.store.path)
        if not gens:
            self.status.setText(self.tr("No backup has been made on this computer yet."))
            return
        from facilitator.ui.translations import format_date

        last = datetime.fromtimestamp(gens[-1].stat().st_mtime)
        self.status.setText(
            self.tr("%1 backups kept on this computer; the latest from %2.")
            .replace("%1", format_number(len(gens)))
            .replace("%2", format_date(last))
        )

    def _busy(self, busy: bool) -> None:
        for b in (self.now_button, self.copy_button):
            b.setEnabled(not busy)

    def back_up_here(self) -> None:
        self._run(None)

    def save_copy(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Save a copy of your records"),
            f"facilitator-backup-{stamp}.db",
            self.tr("Facilitator backups (*.db)"),
        )
        if path:
            self._run(Path(path))

    def _run(self, out: Optional[Path]) -> None:
        from facilitator.store import service

        store = self.store
        self._busy(True)
        self.ctx.tasks.run(
            lambda _p, _c: service.backup_store(store, out),
            self._done,
            self._failed,
            progress=True,
            label=self.tr("Making the backup…"),
        )

    def _done(self, path: Path) -> None:
        self._busy(False)
        self.written = Path(path)
        self._show_generations()
        self.status.setText(
            self.status.text()
            + "\n"
            + self.tr("Saved and checked: %1").replace("%1", shown_path(path))
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        W.show_error(self, exc)

    def _open_backups(self) -> None:
        from facilitator.paths import backups_dir

        folder = backups_dir(Path(self.store.path))
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
        open_folder(self, folder)
