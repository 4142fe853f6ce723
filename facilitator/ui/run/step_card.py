"""The current step, big and readable: title, countdown, words to say, prompts, notes.

Facilitator-only notes sit in a visibly different box (tinted, labelled "For you
only") so nobody reads them aloud by mistake. Text comes from the script in the
*group's* language, which may differ from the interface language.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from facilitator.scripts.model import Step
from facilitator.textcheck import phone_text
from facilitator.ui.run.common import locale_digits, set_font, timer_colour, timer_state, timer_text


def _wrapping(parent: QWidget, factor: float, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_font(label, factor, bold)
    if name:
        label.setObjectName(name)
    return label


class StepCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        self.position = _wrapping(self, 1.0, name="stepPosition")
        self.title = _wrapping(self, 2.2, True, "stepTitle")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("stepCountdown")
        set_font(self.countdown, 3.4, bold=True)
        self.countdown.setAccessibleName(self.tr("Time left in this step"))
        # "Paused" in words under the clock (no symbol: the bundled font has no pause
        # glyph, and a word reads from any distance). Its room is kept while hidden,
        # so pausing never moves the rest of the card.
        self.paused_label = QLabel(self)
        self.paused_label.setObjectName("stepPaused")
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_label.setStyleSheet(
            "background: #4e5561; color: white; border-radius: 4px; padding: 2px 10px;"
        )
        set_font(self.paused_label, 1.15, bold=True)
        policy = self.paused_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.paused_label.setSizePolicy(policy)
        self.paused_label.hide()
        self.say_caption = _wrapping(self, 1.0, True)
        self.say = _wrapping(self, 1.45, name="stepSay")
        self.prompts = _wrapping(self, 1.3, name="stepPrompts")
        self.notes_box = QFrame(self)
        self.notes_box.setObjectName("notesBox")
        self.notes_box.setStyleSheet(
            "QFrame#notesBox { background: rgba(255, 193, 7, 0.16);"
            " border-left: 6px solid #c77800; border-radius: 4px; }"
        )
        self.notes_caption = _wrapping(self.notes_box, 1.0, True)
        self.notes = _wrapping(self.notes_box, 1.15, name="stepNotes")
        box = QVBoxLayout(self.notes_box)
        box.addWidget(self.notes_caption)
        box.addWidget(self.notes)

        # At a safety check the numbers are on the card itself, large, not behind F1.
        self.numbers_box = QFrame(self)
        self.numbers_box.setObjectName("safetyNumbersBox")
        self.numbers_box.setStyleSheet(
            "QFrame#safetyNumbersBox { border: 2px solid #b71c1c; border-radius: 6px; }"
        )
        self.numbers = _wrapping(self.numbers_box, 1.6, True, "safetyNumbers")
        self.numbers.setTextFormat(Qt.TextFormat.PlainText)
        numbers_layout = QVBoxLayout(self.numbers_box)
        numbers_layout.addWidget(self.numbers)
        self.numbers_box.hide()
        self._numbers = None

        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addWidget(self.numbers_box)
        inner.addWidget(self.say_caption)
        inner.addWidget(self.say)
        inner.addWidget(self.prompts)
        inner.addWidget(self.notes_box)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.position)
        titles.addWidget(self.title)
        head.addLayout(titles, 1)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignHCenter)
        clock.addWidget(self.paused_label, 0, Qt.AlignmentFlag.AlignHCenter)
        clock.addStretch(1)
        head.addLayout(clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.paused_label.setText(self.tr("Paused"))
        self.say_caption.setText(self.tr("Say:"))
        self.notes_caption.setText(self.tr("For you only (not to be read aloud):"))

    def set_numbers(self, numbers) -> None:
        """The emergency number and crisis line (:class:`~facilitator.app.safety_numbers.
        SafetyNumbers`), shown on a safety-check step."""
        self._numbers = numbers
        if numbers is None:
            return
        missing = self.tr("not set: press F1 to add it")
        lines = [
            f"{numbers.emergency_name}:  {phone_text(numbers.emergency)}"
            if numbers.emergency
            else f"{numbers.emergency_name}: {missing}",
            f"{numbers.crisis_name}:  {phone_text(numbers.crisis)}"
            if numbers.crisis
            else f"{numbers.crisis_name}: {missing}",
        ]
        self.numbers.setText("\n".join(lines))

    def show_step(self, step: Step, index: int, total: int, lang: str, kind_label: str) -> None:
        self.numbers_box.setVisible(step.kind == "safety_check" and self._numbers is not None)
        self.position.setText(
            self.tr("Step %1 of %2 · %3")
            .replace("%1", locale_digits(str(index + 1)))
            .replace("%2", locale_digits(str(total)))
            .replace("%3", kind_label)
        )
        # Arabic script text keeps the interface's digits ("من ٠ إلى ١٠"), not the
        # Western digits the script files are written with.
        digits = locale_digits if lang == "ar" else (lambda text: text)
        self.title.setText(digits(step.title.get(lang)))
        self.say.setText(digits(step.say.get(lang)))
        if step.prompts:
            self.prompts.setText("\n".join(f"•  {digits(p.get(lang))}" for p in step.prompts))
            self.prompts.show()
        else:
            self.prompts.hide()
        if step.notes is not None:
            self.notes.setText(digits(step.notes.get(lang)))
            self.notes_box.show()
        else:
            self.notes.setText("")
            self.notes_box.hide()
        for label in (self.title, self.say, self.prompts, self.notes):
            label.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
            )
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)

    def show_time(self, remaining: float, planned: float, paused: bool = False) -> Optional[str]:
        """Draw the countdown; returns the colour state (``calm``/``near``/``over``)."""
        text = timer_text(remaining)
        self.countdown.setText(text)
        self.paused_label.setVisible(paused)
        colour = timer_colour(remaining, planned)
        self.countdown.setStyleSheet(f"color: {colour.name()};")
        state = timer_state(remaining, planned)
        self.countdown.setProperty("timerState", state)
        return state
