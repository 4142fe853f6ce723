"""Create or edit a group: name, program type, language, default script, rules, co-facilitator.

Why a dialog rather than an inline form: creating a group is rare and deliberate;
a dialog with OK/Cancel makes it clear when the change is saved.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.app.groups import NAME_MAX, GroupForm, group_form, save_group
from facilitator.errors import InputError
from facilitator.i18n import pick
from facilitator.ui import theme
from facilitator.ui.context import AppContext
from facilitator.ui.labels import LANGUAGES, PROGRAM_TYPES, program_label


class GroupDialog(QDialog):
    """The form. ``saved_group_id`` is set after a successful save."""

    def __init__(
        self, ctx: AppContext, group_id: Optional[str] = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id = group_id
        self.saved_group_id: Optional[str] = None
        self.setWindowTitle(self.tr("Edit group") if group_id else self.tr("New group"))
        self.setMinimumWidth(520)

        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("For example: Tuesday evening circle"))
        self.name.setAccessibleName(self.tr("Group name"))
        self.program = QComboBox()
        self.program.setAccessibleName(self.tr("Kind of group"))
        for key in PROGRAM_TYPES:
            self.program.addItem(program_label(key), key)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the sessions"))
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.script = QComboBox()
        self.script.setAccessibleName(self.tr("Default script"))
        self.rules = QPlainTextEdit()
        self.rules.setAccessibleName(self.tr("Extra ground rules"))
        self.rules.setPlaceholderText(
            self.tr("One rule per line, for example: Phones stay in bags during the session.")
        )
        self.rules.setTabChangesFocus(True)
        self.rules.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.cofac = QLineEdit()
        self.cofac.setAccessibleName(self.tr("Co-facilitator"))
        self.cofac.setPlaceholderText(self.tr("Optional: who leads the group with you"))
        self.headcount_only = QCheckBox(self.tr("Keep a &headcount only (no list of participants)"))
        self.headcount_only.setToolTip(
            self.tr(
                "For drop-in meetings: the app records how many came, never who. No codes, "
                "check-in scores or WHO-5 are kept."
            )
        )

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Name"), self.name), self.name)
        form.addRow(self._label(self.tr("&Kind of group"), self.program), self.program)
        form.addRow(self._label(self.tr("&Language"), self.language), self.language)
        form.addRow(self._label(self.tr("Default &script"), self.script), self.script)
        form.addRow(self._label(self.tr("Extra ground &rules"), self.rules), self.rules)
        form.addRow(self._label(self.tr("&Co-facilitator"), self.cofac), self.cofac)
        form.addRow("", self.headcount_only)
        # The emergency number and crisis line (the same for all groups), asked here so
        # Safety (F1) is never empty in a crisis.
        from facilitator.ui.safety_numbers import SafetyNumbersFields, load_numbers

        self.numbers = SafetyNumbersFields(self)
        self.numbers.add_to(form)
        load_numbers(ctx, self.numbers.show_numbers)

        self.error = QLabel()
        theme.set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save group"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.program.currentIndexChanged.connect(lambda _i: self._fill_scripts())
        self._load()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _load(self) -> None:
        form = group_form(self.ctx.db, self.group_id, self.ctx.lang, who=self.ctx.principal)
        self.name.setText(form.name)
        self.program.setCurrentIndex(max(0, self.program.findData(form.program_type)))
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        self._fill_scripts(form.default_script_id)
        self.rules.setPlainText("\n".join(form.extra_rules))
        self.cofac.setText(form.co_facilitator or "")
        self.headcount_only.setChecked(form.headcount_only)

    def _fill_scripts(self, selected: Optional[str] = None) -> None:
        from facilitator.app.scripts import script_summaries

        if selected is None:
            selected = self.script.currentData()
        program = self.program.currentData()
        self.script.clear()
        self.script.addItem(self.tr("Choose each time"), None)
        summaries = script_summaries(self.ctx.db)
        # Scripts for this kind of group first, then the rest.
        summaries.sort(key=lambda x: (x.program_type != program, pick(x.title, self.ctx.lang)))
        for summary in summaries:
            self.script.addItem(pick(summary.title, self.ctx.lang), summary.id)
        index = self.script.findData(selected) if selected else 0
        self.script.setCurrentIndex(max(0, index))

    def form(self) -> GroupForm:
        return GroupForm(
            name=self.name.text(),
            program_type=self.program.currentData(),
            language=self.language.currentData(),
            default_script_id=self.script.currentData(),
            extra_rules=self.rules.toPlainText().splitlines(),
            co_facilitator=self.cofac.text(),
            headcount_only=self.headcount_only.isChecked(),
        )

    def _save(self) -> None:
        form = self.form()
        try:
            form.validate()
        except InputError as exc:
            self._show_error(exc)
            return
        from facilitator.ui.safety_numbers import save_numbers_job

        numbers = save_numbers_job(self.ctx.lang, *self.numbers.values(), who=self.ctx.principal)
        group_id, who = self.group_id, self.ctx.principal

        def job(s):
            saved = save_group(s, form, group_id, who=who)
            numbers(s)  # one unit: a bad number leaves the group unsaved too, and says so
            return saved

        self.save_button.setEnabled(False)
        self.ctx.tasks.run_db(
            self.ctx.db, job, self._saved, self._failed, label=self.tr("Saving the group")
        )

    def _saved(self, group_id: str) -> None:
        self.saved_group_id = group_id
        self.ctx.notify(changes.GROUPS | changes.SAFETY)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        from facilitator.errors import FacilitatorError
        from PySide6.QtCore import QCoreApplication

        if isinstance(exc, FacilitatorError):
            from facilitator.ui.errors_ui import error_text

            translated = QCoreApplication.translate("GroupDialog", exc.message)
            text = translated if translated != exc.message else error_text(exc)
        else:
            text = self.tr("The group could not be saved.")
        self.error.setText(text)
        self.error.show()
        if not self.numbers.focus_error(exc):
            self.name.setFocus()
