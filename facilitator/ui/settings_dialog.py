"""Preferences: interface language, auto-lock delay and light/dark look.

Kept to what a facilitator would actually change. Language takes effect at once
(the screens are rebuilt), with no reinstall. The organisation's outcome measures
open from here in their own dialog (:mod:`facilitator.ui.measures_dialog`): they
are set up once, and are saved as they are added, not with this dialog's OK.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.context import AppContext
from facilitator.ui.labels import LANGUAGES

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.ui.measures_dialog import MeasuresDialog
    from facilitator.ui.store_settings import BackupDialog, PassphraseDialog


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.lang_box = QComboBox()
        self.lang_box.setAccessibleName(self.tr("Interface language"))
        for key, label in LANGUAGES.items():
            self.lang_box.addItem(label, key)
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(ctx.lang)))
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setValue(ctx.settings.autolock_minutes)
        self.look = QComboBox()
        self.look.setAccessibleName(self.tr("Colours"))
        for key, label in (
            ("auto", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.look.addItem(label, key)
        self.look.setCurrentIndex(
            max(0, self.look.findData(str(ctx.settings.value("ui/look", "auto"))))
        )

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Language"), self.lang_box),
            (self.tr("Lock &after"), self.autolock),
            (self.tr("&Colours"), self.look),
        ):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            form.addRow(buddy, widget)
        self.measures_button = QPushButton(self.tr("Outcome &measures…"))
        self.measures_button.setObjectName("openMeasures")
        self.measures_button.clicked.connect(self.open_measures)
        form.addRow(self.tr("Measures"), self.measures_button)
        # The store itself: passphrase and backups (before, only the command line).
        self.passphrase_button = QPushButton(self.tr("Change the &passphrase…"))
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.backup_button = QPushButton(self.tr("&Back up…"))
        self.backup_button.setObjectName("openBackup")
        self.backup_button.clicked.connect(self.open_backup)
        records = QHBoxLayout()
        records.addWidget(self.passphrase_button)
        records.addWidget(self.backup_button)
        records.addStretch(1)
        self._store = ctx.store
        if self._store is not None and not ctx.demo:
            form.addRow(self.tr("Your records"), records)
        else:
            self.passphrase_button.hide()
            self.backup_button.hide()
        # Where PDFs are saved (reports, handouts, summaries, the recovery kit).
        from facilitator.ui.save_files import save_folder, shown_path

        self.folder_label = QLabel(shown_path(save_folder(ctx.settings)))
        self.folder_label.setObjectName("saveFolder")
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("C&hange…"))
        self.folder_button.setObjectName("changeSaveFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.tr("Save files in"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.language = ctx.lang

    def change_passphrase(self) -> Optional[PassphraseDialog]:
        from facilitator.ui.store_settings import PassphraseDialog

        if self._store is None:  # the button is hidden without an opened store
            return None
        dialog = PassphraseDialog(self.ctx.tasks, self._store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.passphrase_dialog = dialog
        return dialog

    def open_backup(self) -> Optional[BackupDialog]:
        from facilitator.ui.store_settings import BackupDialog

        if self._store is None:  # the button is hidden without an opened store
            return None
        dialog = BackupDialog(self.ctx, self._store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.backup_dialog = dialog
        return dialog

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from facilitator.ui.save_files import save_folder, shown_path

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Save files in"), str(save_folder(self.ctx.settings))
        )
        if folder:
            self.ctx.settings.save_folder = Path(folder)
            self.folder_label.setText(shown_path(folder))

    def open_measures(self) -> MeasuresDialog:
        from facilitator.ui.measures_dialog import MeasuresDialog

        dialog = MeasuresDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.measures_dialog = dialog
        return dialog

    def _save(self) -> None:
        from PySide6.QtWidgets import QApplication

        from facilitator.ui import theme

        self.language = self.lang_box.currentData()
        self.ctx.settings.language = self.language
        self.ctx.settings.autolock_minutes = self.autolock.value()
        look = self.look.currentData()
        self.ctx.settings.set_value("ui/look", look)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, dark=None if look == "auto" else look == "dark")
        self.accept()
