"""First run: language, an encrypted store, the recovery code (shown once), the first group.

Why this order: the language comes first so every later sentence is understood; the
store is created before the recovery code can exist; the code is shown exactly once
and the wizard will not go on until the facilitator says it is written down or saved,
because without it a forgotten passphrase means every record is gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from facilitator.errors import FacilitatorError
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.errors_ui import error_text
from facilitator.ui.labels import LANGUAGES, PROGRAM_TYPES, program_label
from facilitator.ui.tasks import FailureFn, _BaseRunner
from facilitator.ui.translations import format_number

from facilitator.policy import PASSPHRASE_MIN as MIN_PASSPHRASE

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.store.service import CreatedStore
    from facilitator.ui.context import AppSettings


class _Page(QWizardPage):
    """A page that re-applies its texts when the language changes mid-wizard."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


class LanguagePage(_Page):
    def __init__(self, wizard: "FirstRunWizard") -> None:
        super().__init__()
        self.wiz = wizard
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, label in LANGUAGES.items():
            btn = QRadioButton(label)
            btn.setAccessibleName(label)
            theme.set_role(btn, "subtitle")
            btn.toggled.connect(lambda on, k=key: self._toggled(k, on))
            layout.addWidget(btn)
            self.buttons[key] = btn
        layout.addStretch(1)
        self.buttons.get(wizard.lang, self.buttons["en"]).setChecked(True)
        self.retranslate()

    def _toggled(self, lang: str, on: bool) -> None:
        if on:
            self.wiz.set_language(lang)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Facilitator"))
        self.setSubTitle(
            self.tr("Choose the language for the app. You can change it later in Settings.")
        )


class ProtectPage(_Page):
    """Creates the encrypted store. A passphrase is required when there is no keyring."""

    def __init__(self, wizard: "FirstRunWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.setCommitPage(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.also = QCheckBox()
        self.also.toggled.connect(self._update)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setObjectName("passphrase")
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setObjectName("passphrase_again")
        for f in (self.pass1, self.pass2):
            f.textChanged.connect(lambda _t: self._typed())
        self.l1, self.l2 = QLabel(), QLabel()
        self.l1.setBuddy(self.pass1)
        self.l2.setBuddy(self.pass2)
        self.hint = W.muted()
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.l1, self.pass1)
        form.addRow(self.l2, self.pass2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.also)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.busy = False
        self._validating = False
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Protect your records"))
        if self.wiz.keyring:
            self.setSubTitle(self.tr("Everything is kept encrypted on this computer."))
            self.explain.setText(
                self.tr(
                    "The key will be kept in this computer's system keyring, so the app opens "
                    "without typing anything while you are logged in. On a shared computer, "
                    "also set a passphrase."
                )
            )
        else:
            self.setSubTitle(self.tr("Everything is kept encrypted on this computer."))
            self.explain.setText(
                self.tr(
                    "This computer has no system keyring, so the store needs a passphrase. "
                    "Choose one you can remember; you will type it each time you open the app."
                )
            )
        self.also.setText(self.tr("Also use a &passphrase"))
        self.also.setVisible(self.wiz.keyring)
        self.l1.setText(self.tr("&Passphrase"))
        self.l2.setText(self.tr("&Type it again"))
        self.pass1.setAccessibleName(self.tr("Passphrase"))
        self.pass2.setAccessibleName(self.tr("Passphrase again"))
        self.hint.setText(
            self.tr(
                "At least %1 characters. A short sentence is easier to "
                "remember than a jumble of symbols."
            ).replace("%1", format_number(MIN_PASSPHRASE))
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the store"))

    def wants_passphrase(self) -> bool:
        return not self.wiz.keyring or self.also.isChecked()

    def _update(self) -> None:
        on = self.wants_passphrase()
        for w in (self.pass1, self.pass2, self.l1, self.l2, self.hint):
            w.setVisible(on)
        self.completeChanged.emit()

    def _typed(self) -> None:
        """Say what is wrong as soon as the second field is being filled in.

        (The button stays greyed out while a problem remains; without a word next to it
        a newcomer cannot tell why.)
        """
        problem = self.problem() if self.pass2.text() else None
        if problem:
            self._show_error(problem)
        else:
            self.error.hide()
        self.completeChanged.emit()

    def problem(self) -> Optional[str]:
        if not self.wants_passphrase():
            return None
        if len(self.pass1.text().strip()) < MIN_PASSPHRASE:
            return self.tr("The passphrase is too short.")
        if self.pass1.text() != self.pass2.text():
            return self.tr("The two passphrases are not the same.")
        return None

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.busy and self.problem() is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.wiz.store is not None:
            return True
        problem = self.problem()
        if problem:
            self._show_error(problem)
            return False
        passphrase = self.pass1.text() if self.wants_passphrase() else None
        self.busy = True
        self.completeChanged.emit()
        self.error.hide()
        self._validating = True
        try:
            self.wiz.create_store(passphrase, self._created, self._failed)
        finally:
            self._validating = False
        return self.wiz.store is not None  # the sync runner (tests) has finished already

    def _created(self, store: CreatedStore) -> None:
        self.busy = False
        self.pass1.clear()
        self.pass2.clear()
        self.wiz.store = store
        if self.wiz.currentPage() is self and not self._validating:
            self.wiz.next()  # the threaded runner finished after validatePage returned

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.completeChanged.emit()
        self._show_error(error_text(exc) if isinstance(exc, FacilitatorError) else str(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class RecoveryPage(_Page):
    """Shows the recovery code once; going on needs "written down" or a saved kit."""

    def __init__(self, wizard: "FirstRunWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(QFont().pointSizeF() * 1.5)
        mono.setBold(True)
        self.code.setFont(mono)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.kit_btn = W.button("")
        self.kit_btn.clicked.connect(self.save_kit)
        self.kit_status = W.muted()
        self.done = QCheckBox()
        self.done.toggled.connect(lambda _c: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(W.card(self.code))
        layout.addWidget(self.kit_btn, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.kit_status)
        layout.addWidget(self.done)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr("It is shown only this once."))
        self.explain.setText(
            self.tr(
                "If the passphrase is forgotten or this computer's keyring is lost, this code is "
                "the only way back into your records. Write it on paper, or save the recovery "
                "kit and print it. Keep it somewhere safe, away from this computer."
            )
        )
        self.kit_btn.setText(self.tr("&Save the recovery kit (PDF)…"))
        self.kit_btn.setAccessibleName(self.tr("Save the recovery kit as a PDF"))
        self.done.setText(self.tr("I have &written it down or saved the kit"))
        self.code.setAccessibleName(self.tr("Recovery code"))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        store = self.wiz.store
        self.code.setText(getattr(store, "recovery_code", "") if store else "")
        self.code.setFocus()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.done.isChecked()

    def save_kit(self) -> None:
        from facilitator.app.exports import write_recovery_kit

        from facilitator.ui.save_files import ask_save_path

        path = ask_save_path(
            self,
            self.wiz.settings,
            self.tr("Save the recovery kit"),
            "facilitator-recovery-kit.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        store = self.wiz.store
        if store is None:  # this page follows the one that creates the store
            return
        self.kit_btn.setEnabled(False)
        self.wiz.tasks.run(
            lambda _p, _c: write_recovery_kit(
                Path(path), store.recovery_code, store.path, self.wiz.lang
            ),
            lambda _r: self._kit_saved(path),
            self._kit_failed,
            progress=True,
            label=self.tr("Saving the recovery kit"),
        )

    def _kit_saved(self, path: str) -> None:
        self.kit_btn.setEnabled(True)
        from facilitator.ui.save_files import shown_path

        self.kit_status.setText(
            self.tr("Saved to %1. Print it, then delete the file.").replace("%1", shown_path(path))
        )
        self.done.setChecked(True)

    def _kit_failed(self, exc: BaseException) -> None:
        self.kit_btn.setEnabled(True)
        W.show_error(self, exc)

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.code.clear()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.code.clear()  # shown once: gone from the screen when we move on
        return True


class FirstGroupPage(_Page):
    def __init__(self, wizard: "FirstRunWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.name = QLineEdit()
        self.name.setObjectName("group_name")
        self.name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.program = QComboBox()
        for key in PROGRAM_TYPES:
            self.program.addItem("", key)
        self.language = QComboBox()
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.ln, self.lp, self.ll = QLabel(), QLabel(), QLabel()
        self.ln.setBuddy(self.name)
        self.lp.setBuddy(self.program)
        self.ll.setBuddy(self.language)
        self.error = QLabel()
        self.error.setObjectName("groupPageError")
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.ln, self.name)
        form.addRow(self.lp, self.program)
        form.addRow(self.ll, self.language)
        from facilitator.ui.safety_numbers import SafetyNumbersFields

        self.numbers = SafetyNumbersFields(self)
        self.numbers.add_to(form)
        form.addRow(self.error)
        self.group_id: Optional[str] = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your first group"))
        self.setSubTitle(self.tr("You can add more groups, and the participants, later."))
        self.ln.setText(self.tr("&Name"))
        self.lp.setText(self.tr("&Kind of group"))
        self.ll.setText(self.tr("&Language of the sessions"))
        self.name.setPlaceholderText(self.tr("For example: Tuesday evening circle"))
        self.name.setAccessibleName(self.tr("Group name"))
        self.program.setAccessibleName(self.tr("Kind of group"))
        self.language.setAccessibleName(self.tr("Language of the sessions"))
        for i in range(self.program.count()):
            self.program.setItemText(i, program_label(self.program.itemData(i)))
        self.numbers.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.language.setCurrentIndex(max(0, self.language.findData(self.wiz.lang)))
        self.name.setFocus()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.group_id is not None:
            return True
        from facilitator.app.groups import GroupForm, save_group

        form = GroupForm(
            name=self.name.text(),
            program_type=self.program.currentData(),
            language=self.language.currentData(),
        )
        if self.wiz.store is None:  # this page follows the one that creates the store
            return False
        db = self.wiz.store.db

        validating = True

        def ok(group_id: str) -> None:
            self.group_id = group_id
            if self.wiz.currentPage() is self and not validating:
                # The threaded runner saved it after validatePage returned: finish now
                # (next() does nothing on the last page, which once made Finish need
                # a second press).
                if self.isFinalPage() or self.wiz.nextId() == -1:
                    self.wiz.accept()
                else:
                    self.wiz.next()

        def fail(exc: BaseException) -> None:
            self.error.setText(error_text(exc))
            self.error.show()
            self.numbers.focus_error(exc)  # the field at fault, when it is a number

        from facilitator.ui.safety_numbers import save_numbers_job

        numbers = save_numbers_job(self.wiz.lang, *self.numbers.values())

        def job(s):
            group_id = save_group(s, form)  # the first run: the owner, implicitly
            numbers(s)  # the emergency number and crisis line, for Safety (F1)
            return group_id

        self.wiz.tasks.run_db(db, job, ok, fail)
        validating = False  # noqa: F841 - read by ok() through the closure
        return self.group_id is not None


class FirstRunWizard(QWizard):
    """``store`` holds the created (open) store once the store page has run."""

    def __init__(
        self,
        tasks: _BaseRunner,
        db_path: Path,
        lang: str,
        *,
        on_language: Optional[Callable[[str], None]] = None,
        keyring: Optional[bool] = None,
        parent: QWidget | None = None,
        settings: Optional[AppSettings] = None,
    ) -> None:
        super().__init__(parent)
        from facilitator.app import unlock
        from facilitator.ui.context import AppSettings

        self.settings = settings if settings is not None else AppSettings()
        self.tasks = tasks
        self.db_path = Path(db_path)
        self.lang = lang
        self.on_language = on_language
        self.keyring = unlock.keyring_available() if keyring is None else keyring
        self.store: Optional[CreatedStore] = None
        self.setObjectName("first_run")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(720, 520)
        self.language_page = LanguagePage(self)
        self.protect_page = ProtectPage(self)
        self.recovery_page = RecoveryPage(self)
        self.group_page = FirstGroupPage(self)
        for page in (self.language_page, self.protect_page, self.recovery_page, self.group_page):
            self.addPage(page)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Facilitator: first start"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        if self.on_language is not None:
            self.on_language(lang)  # installs translators: pages get LanguageChange

    def create_store(
        self,
        passphrase: Optional[str],
        on_success: Callable[[CreatedStore], None],
        on_failure: FailureFn,
    ) -> None:
        from facilitator.store import service

        path = self.db_path
        use_keyring = self.keyring
        self.tasks.run(
            lambda _p, _c: service.create_store(
                path, passphrase=passphrase, use_keyring=use_keyring
            ),
            on_success,
            on_failure,
            progress=True,
            label=self.tr("Creating the encrypted store…"),
        )

    def reject(self) -> None:
        if (
            self.store is not None
            and self.currentPage() is self.recovery_page
            and not self.recovery_page.done.isChecked()
        ):
            answer = QMessageBox.question(
                self,
                self.tr("Leave without the recovery code?"),
                self.tr("The recovery code will not be shown again. Leave anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # a stray Enter keeps the code on screen
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
