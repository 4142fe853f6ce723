"""Entering one person's WHO-5 from their paper form: five statements, six answers.

Why one statement at a time: the side panel is narrow, and the answer labels
("More than half of the time") are long, so the current statement is shown large
with its six answers as full-width buttons, highest first as on the published form.
A strip of five small buttons underneath shows every answer so far (and goes back
to a statement when clicked), so the whole form can be checked against the paper
before saving. With the keyboard, a digit 0-5 answers the current statement and
moves to the next, Up/Down move between statements, Enter saves once all five are
answered and Escape goes back to the list. The digits are claimed before the run
view's shortcuts, so typing a form never moves the session on.

The widget holds no database code: it emits :attr:`save_requested` and
:attr:`back_requested`; the WHO-5 panel and the run view do the rest.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.tracking.measures import MeasureText
from facilitator.ui.run.common import Person, locale_digits, set_font

ITEMS = 5
_DIGITS = {int(getattr(Qt.Key, f"Key_{d}")): d for d in range(6)}
_DIGITS.update({0x0660 + d: d for d in range(6)})  # Arabic-Indic digits (Arabic layout)
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
# Keys this form answers to; arrows are claimed too, so Left/Right (next/back step
# in the run view) cannot change the step while a form is being typed in.
_OWN = (
    set(_DIGITS)
    | _ENTER
    | {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Backspace,
    }
)
_CHECKED = (
    "QPushButton:checked { background: #1f6f6b; color: white; font-weight: bold;"
    " border: 1px solid #0d3d3a; }"
)


class Who5Entry(QWidget):
    """The WHO-5 form for one person at a time (call :meth:`open_for`)."""

    save_requested = Signal(str, object, bool)  # participant id, items (list) or None, passed
    back_requested = Signal()

    def __init__(self, text: MeasureText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("who5Entry")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = text
        self.person: Optional[Person] = None
        self.answers: list[Optional[int]] = [None] * ITEMS
        self.current = 0

        self.who = QLabel(self)
        self.who.setObjectName("who5Person")
        set_font(self.who, 1.4, bold=True)
        self.position = QLabel(self)
        self.position.setObjectName("who5Position")
        set_font(self.position, 1.1)
        self.instructions = QLabel(text.instructions, self)
        self.instructions.setWordWrap(True)
        self.statement = QLabel(self)
        self.statement.setObjectName("who5Statement")
        self.statement.setWordWrap(True)
        self.statement.setAlignment(Qt.AlignmentFlag.AlignTop)
        set_font(self.statement, 1.45, bold=True)
        # Room for two lines, so the answers do not jump when a statement wraps.
        self.statement.setMinimumHeight(self.statement.fontMetrics().lineSpacing() * 2 + 4)

        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        choice_box = QVBoxLayout()
        choice_box.setSpacing(6)
        for value, label in text.choices:  # highest first, as on the form
            button = QPushButton(f"{locale_digits(str(value))}   {label}", self)
            button.setObjectName(f"who5Choice{value}")
            button.setCheckable(True)
            button.setMinimumHeight(50)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the form
            button.setStyleSheet(_CHECKED + " QPushButton { text-align: left; padding: 4px 14px; }")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            set_font(button, 1.25)
            self.choices.addButton(button, value)
            choice_box.addWidget(button)
        self.choices.idClicked.connect(self.answer)

        self.strip: list[QPushButton] = []
        strip = QHBoxLayout()
        strip.setSpacing(4)
        for i in range(ITEMS):
            button = QPushButton(self)
            button.setObjectName(f"who5Item{i + 1}")
            button.setMinimumHeight(44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(text.items[i])
            set_font(button, 1.15)
            button.clicked.connect(lambda _=False, i=i: self.go_to(i))
            self.strip.append(button)
            strip.addWidget(button)

        self.pass_button = QPushButton(self.tr("Pass (would rather not)"), self)
        self.pass_button.setObjectName("who5Pass")
        self.pass_button.setMinimumHeight(48)
        self.pass_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pass_button.setAccessibleName(self.tr("Pass: this person would rather not answer"))
        self.pass_button.clicked.connect(self._pass)
        self.save_button = QPushButton(self.tr("Save  [Enter]"), self)
        self.save_button.setObjectName("who5Save")
        self.save_button.setMinimumHeight(48)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.setAccessibleName(self.tr("Save these WHO-5 answers"))
        set_font(self.save_button, 1.2, bold=True)
        self.save_button.clicked.connect(self.save)
        self.back_button = QPushButton(self.tr("Back to the list  [Esc]"), self)
        self.back_button.setObjectName("who5Back")
        self.back_button.setMinimumHeight(48)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setAccessibleName(self.tr("Back to the WHO-5 list without saving"))
        self.back_button.clicked.connect(self.back_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.pass_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)

        self.help = QLabel(
            self.tr(
                "Type 0 to 5 to answer and move on; Up and Down go back and forth; Enter saves."
            ),
            self,
        )
        self.help.setWordWrap(True)
        self.help.setObjectName("who5Help")

        header = QHBoxLayout()
        header.addWidget(self.who, 1)
        header.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the panel's page supplies the margins
        layout.addLayout(header)
        layout.addWidget(self.instructions)
        layout.addWidget(self.statement)
        layout.addLayout(choice_box)
        layout.addSpacing(6)
        layout.addLayout(strip)
        layout.addWidget(self.help)
        layout.addStretch(1)
        layout.addLayout(actions)

    # -- content -------------------------------------------------------------------
    def open_for(self, person: Person, items: tuple[int, ...] = ()) -> None:
        """Start ``person``'s form; ``items`` are their saved answers (re-entry)."""
        self.person = person
        self.who.setText(person.label())
        saved = list(items) if len(items) == ITEMS else []
        self.answers = [saved[i] if saved else None for i in range(ITEMS)]
        self.go_to(0 if not saved else ITEMS - 1)
        self.setFocus()

    def go_to(self, index: int) -> None:
        self.current = max(0, min(index, ITEMS - 1))
        self.statement.setText(self.text.items[self.current])
        self.position.setText(
            self.tr("Statement %1 of %2")
            .replace("%1", locale_digits(str(self.current + 1)))
            .replace("%2", locale_digits(str(ITEMS)))
        )
        answer = self.answers[self.current]
        self.choices.setExclusive(False)  # so "no answer yet" can show no checked button
        for button in self.choices.buttons():
            button.setChecked(self.choices.id(button) == answer)
        self.choices.setExclusive(True)
        self._update_strip()
        self.setFocus()

    def answer(self, value: int) -> None:
        """Answer the current statement, then move to the next (the last stays put)."""
        self.answers[self.current] = value
        if self.current < ITEMS - 1:
            self.go_to(self.current + 1)
        else:
            self.go_to(self.current)

    def complete(self) -> bool:
        return all(a is not None for a in self.answers)

    def save(self) -> None:
        if self.person is not None and self.complete():
            self.save_requested.emit(
                self.person.id, [int(a) for a in self.answers if a is not None], False
            )

    def _pass(self) -> None:
        if self.person is not None:
            self.save_requested.emit(self.person.id, None, True)

    def _update_strip(self) -> None:
        labels = dict(self.text.choices)
        for i, button in enumerate(self.strip):
            a = self.answers[i]
            shown = "–" if a is None else locale_digits(str(a))
            button.setText(f"{locale_digits(str(i + 1))}:  {shown}")
            button.setAccessibleName(
                self.tr("Statement %1: %2")
                .replace("%1", locale_digits(str(i + 1)))
                .replace("%2", labels[a] if a is not None else self.tr("not answered yet"))
            )
            style = (
                "QPushButton { border: 3px solid #1565c0; border-radius: 6px; font-weight: bold; }"
                if i == self.current
                else ""
            )
            button.setStyleSheet(style)
        self.save_button.setEnabled(self.complete())

    # -- keys ------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Claim digits, arrows, Enter and Escape before the run view's shortcuts.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain and event.key() in _OWN:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        key = event.key()
        if key in _DIGITS:
            self.answer(_DIGITS[key])
        elif key in _ENTER:
            self.save()
        elif key == Qt.Key.Key_Escape:
            self.back_requested.emit()
        elif key in (Qt.Key.Key_Down,):
            self.go_to(self.current + 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Backspace):
            self.go_to(self.current - 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.accept()  # claimed (see above) so the session does not move on
        else:
            super().keyPressEvent(event)
