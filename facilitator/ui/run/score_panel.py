"""Check-in and check-out scores: 0 to 10 or Pass, for everyone present, fast.

Why this shape: twelve people call out a number while the facilitator records it,
so one row per person with eleven number buttons and a Pass button means one tap
each; with the keyboard, type the digits and press Enter to move to the next
person (``P`` records a pass). Each score is emitted as it is entered, so it is
saved at once and a crash loses nothing. Passing is a real answer ("I'd rather not
say"), stored as ``passed`` and never scored.
"""

from __future__ import annotations

from typing import Iterable, Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from facilitator.ui.run.common import Person, locale_digits, set_font

LABEL_MAX_WIDTH = 190  # code and alias column; longer aliases are elided (tooltip has all)
PASS_ID = 11  # button id of "Pass" in each row's button group (0..10 are the scores)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_PASS_KEYS = {int(Qt.Key.Key_P), ord("ح")}  # P, or the same key on the Arabic layout
_OWN_KEYS = set(_DIGIT_KEYS) | _ENTER_KEYS | {Qt.Key.Key_Backspace, Qt.Key.Key_Up,
                                              Qt.Key.Key_Down}


class _ScoreRow(QFrame):
    """One person: their code (alias beside it), 0..10 and Pass."""

    def __init__(self, person: Person, pass_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.person = person
        self.setObjectName(f"score-{person.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._base_style = ("QPushButton { padding: 0px; min-width: 26px; }"
                            " QPushButton#passButton { min-width: 48px; }"
                            " QPushButton:checked { background: #1f6f6b; color: white;"
                            " font-weight: bold; border: 1px solid #0d3d3a; }")
        self.setStyleSheet(self._base_style)
        self.label = QLabel(person.label(), self)
        set_font(self.label, 1.2, bold=True)
        self.label.setMinimumWidth(110)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(3)
        row.addWidget(self.label)
        for value in range(11):
            button = QPushButton(locale_digits(str(value)), self)
            button.setCheckable(True)
            button.setMinimumSize(26, 40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the panel
            set_font(button, 1.1)
            button.setAccessibleName(f"{person.code} {value}")
            self.group.addButton(button, value)
            row.addWidget(button)
        self.pass_button = QPushButton(pass_text, self)
        self.pass_button.setObjectName("passButton")
        self.pass_button.setCheckable(True)
        self.pass_button.setMinimumSize(56, 40)
        self.pass_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pass_button.setAccessibleName(f"{person.code} {pass_text}")
        self.group.addButton(self.pass_button, PASS_ID)
        row.addWidget(self.pass_button)
        self.entry = QLabel("", self)  # digits typed so far
        self.entry.setMinimumWidth(24)
        set_font(self.entry, 1.2, bold=True)
        row.addWidget(self.entry)

    def show_value(self, value: Optional[int], passed: bool) -> None:
        self.group.blockSignals(True)
        target = PASS_ID if passed else value
        if target is None:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        else:
            self.group.button(target).setChecked(True)
        self.group.blockSignals(False)

    def fit_label(self, width: int) -> None:
        """Same width on every row (so the buttons line up); a long alias is elided."""
        full = self.person.label()
        metrics = self.label.fontMetrics()
        self.label.setFixedWidth(width)
        self.label.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, width - 4))
        self.label.setToolTip(full)

    def set_current(self, current: bool) -> None:
        # Border plus margin is 3 px either way, so the current row's buttons do not shift.
        ring = ("QFrame#%s { border: 3px solid #1565c0; border-radius: 6px; margin: 0px; }"
                if current else
                "QFrame#%s { border: 1px solid palette(mid); border-radius: 4px; margin: 2px; }"
                ) % self.objectName()
        self.setStyleSheet(self._base_style + ring)


class ScorePanel(QWidget):
    """Rows of score buttons for one phase (``"pre"`` check-in or ``"post"`` check-out)."""

    scored = Signal(str, object, bool)   # participant id, value (int or None), passed

    def __init__(self, phase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.setObjectName(f"scorePanel-{phase}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._rows: list[_ScoreRow] = []
        self._current = 0
        self._typed = ""
        self.title = QLabel(self)
        set_font(self.title, 1.3, bold=True)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self._host = QWidget(self)
        self._list = QVBoxLayout(self._host)
        self._list.setSpacing(4)
        self._list.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check-in: how are you, from 0 to 10?") if self.phase == "pre"
                           else self.tr("Check-out: how are you now, from 0 to 10?"))
        self.help.setText(self.tr("Tap a number, or type it and press Enter to go to the next "
                                  "person. P records a pass."))
        self.setAccessibleName(self.title.text())

    # -- content ---------------------------------------------------------------------
    def set_people(self, people: Iterable[Person],
                   existing: dict[str, tuple[Optional[float], bool]] | None = None) -> None:
        """One row per present person; ``existing`` restores saved answers (resume)."""
        existing = existing or {}
        for row in self._rows:
            self._list.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for person in people:
            row = _ScoreRow(person, self.tr("Pass"), self._host)
            row.group.idClicked.connect(lambda bid, r=row: self._clicked(r, bid))
            self._list.insertWidget(self._list.count() - 1, row)
            self._rows.append(row)
            if person.id in existing:
                value, passed = existing[person.id]
                row.show_value(None if value is None else int(value), passed)
        if self._rows:
            widest = max(r.label.fontMetrics().horizontalAdvance(r.person.label()) + 8
                         for r in self._rows)
            for row in self._rows:
                row.fit_label(max(110, min(widest, LABEL_MAX_WIDTH)))
        first_open = next((i for i, r in enumerate(self._rows)
                           if r.group.checkedButton() is None), 0)
        self._set_current(first_open)

    def rows(self) -> list[_ScoreRow]:
        return list(self._rows)

    def current_index(self) -> int:
        return self._current

    # -- entry -----------------------------------------------------------------------
    def _clicked(self, row: _ScoreRow, button_id: int) -> None:
        index = self._rows.index(row)
        self._record(index, None if button_id == PASS_ID else button_id, button_id == PASS_ID)

    def _record(self, index: int, value: Optional[int], passed: bool) -> None:
        row = self._rows[index]
        row.show_value(value, passed)
        self.scored.emit(row.person.id, value, passed)
        self._set_current(min(index + 1, len(self._rows) - 1))

    def _set_current(self, index: int) -> None:
        self._typed = ""
        for i, row in enumerate(self._rows):
            row.set_current(i == index)
            row.entry.setText("")
        self._current = index

    def event(self, event: QEvent) -> bool:
        # Claim digits, Enter and P before window shortcuts (P = pause elsewhere).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (event.key() in _OWN_KEYS or event.key() in _PASS_KEYS) and plain:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if not self._rows:
            super().keyPressEvent(event)
            return
        key = event.key()
        row = self._rows[self._current]
        if key in _DIGIT_KEYS:
            candidate = self._typed + str(_DIGIT_KEYS[key])
            if int(candidate) <= 10:
                self._typed = candidate
            row.entry.setText(locale_digits(self._typed))
        elif key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            row.entry.setText(locale_digits(self._typed))
        elif key in _ENTER_KEYS:
            if self._typed:
                self._record(self._current, int(self._typed), False)
            else:  # Enter on an empty entry just moves on
                self._set_current(min(self._current + 1, len(self._rows) - 1))
        elif key in _PASS_KEYS:
            self._record(self._current, None, True)
        elif key == Qt.Key.Key_Down:
            self._set_current(min(self._current + 1, len(self._rows) - 1))
        elif key == Qt.Key.Key_Up:
            self._set_current(max(self._current - 1, 0))
        else:
            super().keyPressEvent(event)
