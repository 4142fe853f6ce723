"""The "Wellbeing (WHO-5)" side tab: who has filled in the form today, and entry.

Why a tab of its own: WHO-5 is offered about every fourth session, on paper, and
the facilitator copies the answers in when there is a quiet moment, not at a fixed
step. The tab's title says when it is due today; when it is not due it is still
there (a group may want it anyway) but says nothing pressing.

After a save the score (0 to 100) is shown, and when the core's
:func:`~facilitator.tracking.measures.who5_prompt` has something to say (a low
score, or 10 points below this person's last one) its wording is shown calmly
beside it: a prompt to offer a private word and the support options, never a
label for the person. Scores, prompts and aliases live on this facilitator-only
screen; the presenter view is built from other state and never sees them.

The panel holds no database code: it emits :attr:`save_requested` (through its
entry form) and the run view writes through the task runner, then calls
:meth:`show_saved`.
"""

from __future__ import annotations

from typing import Iterable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.tracking.measures import WHO5_EVERY, MeasureText, who5_prompt
from facilitator.ui.run.common import Person, locale_digits, set_font
from facilitator.app.run_data import Who5State
from facilitator.ui.run.who5_entry import Who5Entry

_SMALL = "color: palette(mid);"
_NOTE = (
    "QFrame#who5Result { border: 1px solid #c9b458; border-radius: 6px;"
    " background: rgba(201, 180, 88, 0.12); }"
)


class _PersonButton(QPushButton):
    """A code in the list; Enter opens it too (Space does already)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


class Who5Panel(QStackedWidget):
    """Page 0: present people and their WHO-5 state; page 1: the entry form."""

    save_requested = Signal(str, object, bool)  # participant id, items or None, passed

    def __init__(
        self,
        text: MeasureText,
        due: bool,
        practice: bool,
        states: dict[str, Who5State] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("who5Panel")
        self.text, self.due, self.practice = text, due, practice
        self.states: dict[str, Who5State] = dict(states or {})
        self._people: list[Person] = []
        self._buttons: dict[str, QPushButton] = {}
        self._state_labels: dict[str, QLabel] = {}
        self.addWidget(self._build_list())
        self.entry = Who5Entry(text, self)
        self.entry.save_requested.connect(self.save_requested)
        self.entry.back_requested.connect(self.show_list)
        self.addWidget(self._wrap_entry())

    def _footer(self, parent: QWidget) -> list[QLabel]:
        """The attribution line, and an honest note when the wording is unchecked."""
        labels = []
        if self.text.lang == "ar" and self.text.status != "published":
            note = QLabel(
                self.tr(
                    "The Arabic wording of WHO-5 here has not yet been checked "
                    "against the published Arabic translation."
                ),
                parent,
            )
            note.setObjectName("who5WordingNote")
            labels.append(note)
        attribution = QLabel(self.text.attribution, parent)
        attribution.setObjectName("who5Attribution")
        labels.append(attribution)
        for label in labels:
            label.setWordWrap(True)
            label.setStyleSheet(_SMALL)
            set_font(label, 0.9)
        return labels

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(self.tr("Wellbeing (WHO-5)"), page)
        set_font(self.title, 1.3, bold=True)
        self.due_label = QLabel(page)
        self.due_label.setObjectName("who5Due")
        self.due_label.setWordWrap(True)
        set_font(self.due_label, 1.1)
        if self.practice:
            self.due_label.setText(
                self.tr("Practice run: you can rehearse the form here; nothing counts in reports.")
            )
        elif self.due:
            self.due_label.setText(
                self.tr("WHO-5 is due today (it is offered about every %1 sessions).").replace(
                    "%1", locale_digits(str(WHO5_EVERY))
                )
            )
        else:
            self.due_label.setText(self.tr("Not due today. You can still collect it if you wish."))
        self.help = QLabel(
            self.tr("Copy each person's answers from their paper form: choose their code."), page
        )
        self.help.setWordWrap(True)

        self.result = QFrame(page)
        self.result.setObjectName("who5Result")
        self.result.setStyleSheet(_NOTE)
        self.result_label = QLabel(self.result)
        self.result_label.setObjectName("who5Score")
        set_font(self.result_label, 1.3, bold=True)
        self.prompt_label = QLabel(self.result)
        self.prompt_label.setObjectName("who5Prompt")
        self.prompt_label.setWordWrap(True)
        set_font(self.prompt_label, 1.1)
        box = QVBoxLayout(self.result)
        box.addWidget(self.result_label)
        box.addWidget(self.prompt_label)
        self.result.hide()

        self._host = QWidget(page)
        self._grid = QGridLayout(self._host)
        self._grid.setSpacing(6)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._grid.setColumnStretch(0, 1)
        self.empty = QLabel(self.tr("Mark who is here first."), self._host)
        self._grid.addWidget(self.empty, 0, 0)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.due_label)
        layout.addWidget(self.help)
        layout.addWidget(self.result)
        layout.addWidget(scroll, 1)
        for label in self._footer(page):
            layout.addWidget(label)
        return page

    def _wrap_entry(self) -> QWidget:
        """The form scrolls on a short screen (it needs about 600 px: six answers, the
        item strip, Pass and Save), rather than pushing run mode's Next off a laptop."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        scroll = QScrollArea(page)
        scroll.setObjectName("who5EntryScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the form
        scroll.setWidget(self.entry)
        layout.addWidget(scroll, 1)
        for label in self._footer(page):
            layout.addWidget(label)
        return page

    # -- content -------------------------------------------------------------------
    def tab_title(self) -> str:
        """ "WHO-5 due today" while it is due and someone present has no answer yet."""
        open_ = any(p.id not in self.states for p in self._people)
        if self.due and not self.practice and (open_ or not self._people):
            return self.tr("WHO-5 due today")
        return self.tr("Wellbeing (WHO-5)")

    def set_people(self, people: Iterable[Person]) -> None:
        """The people present, in roster order (rebuilt when attendance changes)."""
        people = list(people)
        if [p.id for p in people] == [p.id for p in self._people]:
            return
        for widget in (*self._buttons.values(), *self._state_labels.values()):
            self._grid.removeWidget(widget)
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
        self._buttons.clear()
        self._state_labels.clear()
        self._people = people
        self.empty.setVisible(not people)
        for row, person in enumerate(people, start=1):
            button = _PersonButton(person.label(), self._host)
            button.setObjectName(f"who5-{person.code}")
            button.setMinimumHeight(48)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            set_font(button, 1.25, bold=True)
            button.setAccessibleName(self.tr("WHO-5 for participant %1").replace("%1", person.code))
            button.clicked.connect(lambda _=False, p=person: self.open_person(p))
            state = QLabel(self._host)
            state.setObjectName(f"who5State-{person.code}")
            state.setMinimumWidth(120)
            set_font(state, 1.15)
            self._grid.addWidget(button, row, 0)
            self._grid.addWidget(state, row, 1)
            self._buttons[person.id] = button
            self._state_labels[person.id] = state
            self._show_state(person.id)

    def state_text(self, participant_id: str) -> str:
        state = self.states.get(participant_id)
        if state is None:
            return self.tr("not yet")
        if state.passed or state.value is None:
            return self.tr("passed")
        score = self.tr("%1 / 100").replace("%1", locale_digits(f"{state.value:g}"))
        if self.prompt_for(state):
            score = self.tr("%1 · offer a private word").replace("%1", score)
        return score

    def prompt_for(self, state: Who5State) -> Optional[str]:
        if state.passed or state.value is None:
            return None
        return who5_prompt(state.value, self.text.lang, state.previous)

    def _show_state(self, participant_id: str) -> None:
        label = self._state_labels.get(participant_id)
        if label is not None:
            label.setText(self.state_text(participant_id))

    def button_for(self, participant_id: str) -> QPushButton:
        return self._buttons[participant_id]

    # -- navigation ------------------------------------------------------------------
    def entry_open(self) -> bool:
        return self.currentIndex() == 1

    def open_person(self, person: Person) -> None:
        state = self.states.get(person.id)
        self.entry.open_for(person, state.items if state is not None else ())
        self.setCurrentIndex(1)
        self.entry.setFocus()

    def show_list(self) -> None:
        self.setCurrentIndex(0)
        following = next((p for p in self._people if p.id not in self.states), None)
        if following is not None:
            self._buttons[following.id].setFocus()

    def show_saved(self, participant_id: str, state: Who5State) -> None:
        """After the store has the answer: the score, and any prompt, then the list."""
        self.states[participant_id] = state
        self._show_state(participant_id)
        person = next((p for p in self._people if p.id == participant_id), None)
        code = person.code if person is not None else ""
        if state.passed or state.value is None:
            self.result_label.setText(self.tr("%1: passed (saved)").replace("%1", code))
        else:
            self.result_label.setText(
                self.tr("%1: WHO-5 score %2 out of 100 (saved)")
                .replace("%1", code)
                .replace("%2", locale_digits(f"{state.value:g}"))
            )
        prompt = self.prompt_for(state)
        self.prompt_label.setText(prompt or "")
        self.prompt_label.setVisible(bool(prompt))
        self.result.show()
        self.show_list()
