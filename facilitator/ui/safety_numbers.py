"""Asking for the emergency number and the crisis line where a facilitator sets up.

The same two fields appear in the first-run wizard, the group form and (while one is
missing) on the plan screen, so the numbers are known before a session, not looked
for in a crisis. They are the first two entries of Safety (F1)'s list of local
resources (:mod:`facilitator.app.safety_numbers`); they are the same for all groups.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.ui import theme
from facilitator.ui import widgets as W


def _phone_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setMaxLength(64)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a number reads left to right
    field.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return field


class SafetyNumbersFields(QWidget):
    """Two phone fields and a line saying what they are for. Add to a form with ``rows``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()  # only its fields are shown, in the caller's form
        self.emergency = _phone_field("emergencyNumber", "")
        self.crisis = _phone_field("crisisLine", "")
        self.hint = W.muted()
        self.hint.setWordWrap(True)
        self.l_emergency = QLabel()
        self.l_emergency.setBuddy(self.emergency)
        self.l_crisis = QLabel()
        self.l_crisis.setBuddy(self.crisis)
        self.retranslate()

    def retranslate(self) -> None:
        self.emergency.setAccessibleName(self.tr("Local emergency number"))
        self.emergency.setPlaceholderText(self.tr("for example 112 or 911"))
        self.crisis.setAccessibleName(self.tr("Crisis line"))
        self.crisis.setPlaceholderText(self.tr("a crisis or mental-health line you trust"))
        self.hint.setText(
            self.tr(
                "Shown by Safety (F1) and at the safety check, for all "
                "your groups. Only digits, spaces and + ( ) - . /"
            )
        )
        self.l_emergency.setText(self.tr("&Emergency number"))
        self.l_crisis.setText(self.tr("Cr&isis line"))

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.l_emergency, self.emergency)
        form.addRow(self.l_crisis, self.crisis)
        form.addRow("", self.hint)

    def values(self) -> tuple[str, str]:
        return self.emergency.text().strip(), self.crisis.text().strip()

    def focus_error(self, exc: BaseException) -> bool:
        """Put the cursor in the field a save refused (``InputError.field``), all of its
        text selected to type over; False when the error is not about these fields."""
        field = {"emergency": self.emergency, "crisis": self.crisis}.get(
            str(getattr(exc, "field", ""))
        )
        if field is None:
            return False
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()
        return True

    def show_numbers(self, numbers: Any) -> None:
        self.emergency.setText(numbers.emergency)
        self.crisis.setText(numbers.crisis)


def load_numbers(ctx: Any, done: Callable[[Any], None]) -> None:
    from facilitator.app.safety_numbers import safety_numbers

    lang = ctx.lang
    ctx.tasks.run_db(ctx.db, lambda s: safety_numbers(s, lang), done)


def save_numbers_job(
    lang: str, emergency: str, crisis: str, who: Any = None
) -> Callable[[Any], Any]:
    """A store job (for ``tasks.run_db``) that saves both numbers as ``who``."""
    from facilitator.app.safety_numbers import set_safety_numbers

    return lambda s: set_safety_numbers(s, lang, emergency, crisis, who=who)


class SafetyNumbersDialog(QDialog):
    """The two fields on their own (from the plan screen's reminder)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyNumbersDialog")
        self.ctx = ctx
        self.saved: Optional[Any] = None
        self.setWindowTitle(self.tr("Safety numbers"))
        intro = QLabel(
            self.tr(
                "Before the session: the numbers to call if someone is in "
                "danger. Ask your organisation if you are not sure."
            )
        )
        intro.setWordWrap(True)
        self.fields = SafetyNumbersFields(self)
        form = QFormLayout()
        self.fields.add_to(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)
        load_numbers(ctx, self.fields.show_numbers)

    def save(self) -> None:
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        emergency, crisis = self.fields.values()

        def failed(exc: BaseException) -> None:
            self.error.setText(
                error_text(exc)
                if isinstance(exc, FacilitatorError)
                else self.tr("The numbers could not be saved.")
            )
            self.error.show()
            self.fields.focus_error(exc)

        def done(numbers: Any) -> None:
            self.saved = numbers
            self.ctx.notify(changes.SAFETY)
            self.accept()

        self.ctx.tasks.run_db(
            self.ctx.db,
            save_numbers_job(self.ctx.lang, emergency, crisis, self.ctx.principal),
            done,
            failed,
        )
