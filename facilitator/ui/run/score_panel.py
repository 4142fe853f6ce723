"""Check-in and check-out scores: 0 to 10 (or a custom measure) or Pass, fast.

Why this shape: twelve people call out a number while the facilitator records it,
so one row per person with eleven number buttons and a Pass button means one tap
each; with the keyboard, type the digits and press Enter to move to the next
person (``X`` records a pass). Each score is emitted as it is entered, so it is
saved at once and a crash loses nothing. Passing is a real answer ("I'd rather not
say"), stored as ``passed`` and never scored.

When the organisation has its own measures (see :mod:`facilitator.app.scales`
for which step asks which), a row of buttons above the scores switches what the
rows record: the built-in rating or one custom measure, each showing how many
people have answered. Without custom measures the panel is exactly the 0-10 one.
"""

from __future__ import annotations

from typing import Iterable, Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.run.common import Person, locale_digits, set_font
from facilitator.app.scales import CHECKIN_KEY, CHECKIN_SCALE, Scale
from facilitator.ui.run.score_rows import PASS_ID, ScoreRow

Score = tuple[Optional[float], bool]

LABEL_MAX_WIDTH = 190  # code and alias column; longer aliases are elided (tooltip has all)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
# X records a pass, as X passes a speaker in a round; P is Pause all over run mode and
# once recorded a pass here instead. (ء is the X key on the Arabic layout.)
_PASS_KEYS = {int(Qt.Key.Key_X), ord("ء")}
_OWN_KEYS = set(_DIGIT_KEYS) | _ENTER_KEYS | {Qt.Key.Key_Backspace, Qt.Key.Key_Up, Qt.Key.Key_Down}
_POINT_KEYS = {int(Qt.Key.Key_Period), int(Qt.Key.Key_Comma)}  # decimal scales
_MINUS_KEYS = {int(Qt.Key.Key_Minus)}  # scales that go below zero
_MEASURE_KEYS = {int(Qt.Key.Key_M), ord("ة")}  # next measure (M on the Arabic layout too)
# The letters this panel claims while it has focus, by meaning (the keyboard audit test
# checks they mean the same as run mode's own keys).
KEY_MEANINGS = {"pass": _PASS_KEYS, "next measure": _MEASURE_KEYS}


class ScorePanel(QWidget):
    """Rows of score buttons for one step (``"pre"`` check-in or ``"post"`` check-out)."""

    scored = Signal(str, object, bool)  # participant id, value (int or None), passed
    # custom measure: key, phase, participant id, value (float or None), passed
    custom_scored = Signal(str, str, str, object, bool)

    def __init__(self, phase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.setObjectName(f"scorePanel-{phase}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._rows: list[ScoreRow] = []
        self._people: list[Person] = []
        self._current = 0
        self._typed = ""
        self._lang = "en"
        self._scales: list[Scale] = [CHECKIN_SCALE[phase]]
        self._scale = self._scales[0]
        self._answers: dict[str, dict[str, Score]] = {CHECKIN_KEY: {}}
        self.selector = QWidget(self)
        self.selector.setObjectName("measureSelector")
        self.selector.setStyleSheet(
            "QPushButton:checked { background: #1565c0; color: white;"
            " font-weight: bold; border: 1px solid #0d47a1; }"
        )
        self._selector_layout = QHBoxLayout(self.selector)
        self._selector_layout.setContentsMargins(0, 0, 0, 0)
        self._selector_group = QButtonGroup(self)
        self._selector_group.idClicked.connect(lambda i: self.select_scale(self._scales[i].key))
        self.selector.hide()
        self.title = QLabel(self)
        self.title.setWordWrap(True)
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
        layout.addWidget(self.selector)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        scale = self._scale
        if scale.builtin:
            title = (
                self.tr("Check-in: how are you, from 0 to 10?")
                if self.phase == "pre"
                else self.tr("Check-out: how are you now, from 0 to 10?")
            )
        else:
            title = {
                "pre": self.tr("Check-in: %1, from %2 to %3"),
                "post": self.tr("Check-out: %1, from %2 to %3"),
                "single": self.tr("Asked once: %1, from %2 to %3"),
            }[scale.phase]
            title = (
                title.replace("%2", locale_digits(scale.text(scale.minimum)))
                .replace("%3", locale_digits(scale.text(scale.maximum)))
                .replace("%1", self._title_of(scale))
            )
        self.title.setText(title)
        if scale.uses_buttons():
            help_text = self.tr(
                "Tap a number, or type it and press Enter to go to the next "
                "person. X records a pass."
            )
        else:
            help_text = self.tr(
                "Set the number and press Save, or type it and press Enter to "
                "go to the next person. X records a pass."
            )
        if not scale.builtin:
            help_text += " " + (
                self.tr("A higher score is better.")
                if scale.higher_is_better
                else self.tr("A lower score is better.")
            )
        if len(self._scales) > 1:
            help_text += " " + self.tr("M goes to the next measure.")
        self.help.setText(help_text)
        self.setAccessibleName(title)
        self._update_selector()

    def _title_of(self, scale: Scale) -> str:
        from facilitator.tracking.custom_measures import display_title

        return display_title(scale.title, self._lang)

    # -- measures --------------------------------------------------------------------
    def set_scales(
        self,
        scales: list[Scale],
        answers: dict[tuple[str, str], dict[str, Score]],
        lang: str = "en",
    ) -> None:
        """The custom measures this step also records, with this session's answers.

        Call before :meth:`set_people`; the measure being recorded stays selected."""
        self._lang = lang
        self._scales = [CHECKIN_SCALE[self.phase], *scales]
        keep = self._answers.get(CHECKIN_KEY, {})
        self._answers = {CHECKIN_KEY: keep}
        for scale in scales:
            self._answers[scale.key] = dict(answers.get((scale.key, scale.phase), {}))
        for button in self._selector_group.buttons():
            self._selector_group.removeButton(button)
            button.hide()
            button.deleteLater()
        for i, scale in enumerate(self._scales):
            button = QPushButton(self.selector)
            button.setCheckable(True)
            button.setMinimumHeight(36)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setObjectName(f"measure-{scale.key}")
            self._selector_group.addButton(button, i)
            self._selector_layout.addWidget(button)
        self.selector.setVisible(len(self._scales) > 1)
        current = next((s for s in self._scales if s.key == self._scale.key), self._scales[0])
        self._scale = current
        self.retranslate()

    def scales(self) -> list[Scale]:
        return list(self._scales)

    def current_scale(self) -> Scale:
        return self._scale

    def selector_button(self, key: str) -> QPushButton:
        index = next(i for i, s in enumerate(self._scales) if s.key == key)
        return self._selector_group.button(index)  # type: ignore[return-value]

    def select_scale(self, key: str) -> None:
        """Record ``key`` with the rows from now on (the built-in rating is ``checkin10``)."""
        scale = next(s for s in self._scales if s.key == key)
        if scale != self._scale:
            self._scale = scale
            self._build_rows()
            self.retranslate()
        self.setFocus()

    def _update_selector(self) -> None:
        present = {p.id for p in self._people}
        for i, scale in enumerate(self._scales):
            button = self._selector_group.button(i)
            if button is None:
                continue
            name = (
                (self.tr("Check-in rating") if self.phase == "pre" else self.tr("Check-out rating"))
                if scale.builtin
                else self._title_of(scale)
            )
            done = sum(1 for pid in self._answers.get(scale.key, {}) if pid in present)
            count = locale_digits(f"{done}/{len(self._people)}")
            button.setText(f"{name}  {count}")
            button.setAccessibleName(name)
            button.setChecked(scale == self._scale)

    # -- content ---------------------------------------------------------------------
    def set_people(
        self, people: Iterable[Person], existing: dict[str, Score] | None = None
    ) -> None:
        """One row per present person; ``existing`` restores saved check-in answers."""
        self._people = list(people)
        self._answers[CHECKIN_KEY] = dict(existing or {})
        self._build_rows()
        self._update_selector()

    def _build_rows(self) -> None:
        for row in self._rows:
            self._list.removeWidget(row)
            row.hide()  # gone at once, not when the event loop gets to deleting it
            row.deleteLater()
        self._rows = []
        answers = self._answers.get(self._scale.key, {})
        for person in self._people:
            row = ScoreRow(person, self._scale, self.tr("Pass"), self.tr("Save"), self._host)
            row.group.idClicked.connect(lambda bid, r=row: self._clicked(r, bid))
            if row.save_button is not None:
                row.save_button.clicked.connect(lambda _c=False, r=row: self._clicked(r, 0))
            if row.spin is not None:
                row.spin.lineEdit().returnPressed.connect(lambda r=row: self._clicked(r, 0))
            self._list.insertWidget(self._list.count() - 1, row)
            self._rows.append(row)
            if person.id in answers:
                row.show_value(*answers[person.id])
        if self._rows:
            widest = max(
                r.label.fontMetrics().horizontalAdvance(r.person.label()) + 8 for r in self._rows
            )
            for row in self._rows:
                row.fit_label(max(110, min(widest, LABEL_MAX_WIDTH)))
        first_open = next((i for i, r in enumerate(self._rows) if not r.answered()), 0)
        self._set_current(first_open)

    def rows(self) -> list[ScoreRow]:
        return list(self._rows)

    def current_index(self) -> int:
        return self._current

    # -- entry -----------------------------------------------------------------------
    def _clicked(self, row: ScoreRow, button_id: int) -> None:
        index = self._rows.index(row)
        value, passed = row.value_for(button_id), button_id == PASS_ID
        if value is None and not passed:  # Save with no number set: keep what was there
            row.show_value(
                *self._answers.get(self._scale.key, {}).get(row.person.id, (None, False))
            )
            return
        self._record(index, value, passed)

    def _record(self, index: int, value: Optional[float], passed: bool) -> None:
        row = self._rows[index]
        row.show_value(value, passed)
        scale = self._scale
        self._answers.setdefault(scale.key, {})[row.person.id] = (value, passed)
        if scale.builtin:
            self.scored.emit(row.person.id, None if value is None else int(value), passed)
        else:
            self.custom_scored.emit(scale.key, scale.phase, row.person.id, value, passed)
        self._update_selector()
        self._set_current(min(index + 1, len(self._rows) - 1))

    def _set_current(self, index: int) -> None:
        self._typed = ""
        for i, row in enumerate(self._rows):
            row.set_current(i == index)
            row.set_entry("")
        self._current = index

    def _extra_keys(self) -> set[int]:
        keys = set(_POINT_KEYS) if self._scale.decimals() else set()
        keys |= _MEASURE_KEYS if len(self._scales) > 1 else set()
        return keys | (_MINUS_KEYS if self._scale.minimum < 0 else set())

    def next_scale(self) -> None:
        """Switch the rows to the next measure (after the last, back to the rating)."""
        index = self._scales.index(self._scale)
        self.select_scale(self._scales[(index + 1) % len(self._scales)].key)

    def event(self, event: QEvent) -> bool:
        # Claim digits, Enter and X before the run view's shortcuts.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (
                event.key() in _OWN_KEYS
                or event.key() in _PASS_KEYS
                or event.key() in self._extra_keys()
            ) and plain:
                event.accept()
                return True
        return super().event(event)

    def _type(self, char: str) -> None:
        """Add a typed character when the answer could still be on the scale."""
        candidate = self._typed + char
        if char == "-" and self._typed:
            return
        if char == "." and "." in self._typed:
            return
        try:
            number = float(candidate)
        except ValueError:
            number = None  # "-" or "." on its own: wait for the digits
        if number is not None and number > self._scale.maximum and number >= 0:
            return
        self._typed = candidate

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if not self._rows:
            super().keyPressEvent(event)
            return
        key = event.key()
        row = self._rows[self._current]
        if key in _MEASURE_KEYS and len(self._scales) > 1:
            self.next_scale()
        elif key in _DIGIT_KEYS or key in self._extra_keys():
            self._type(
                str(_DIGIT_KEYS[key]) if key in _DIGIT_KEYS else "-" if key in _MINUS_KEYS else "."
            )
            row.set_entry(self._typed)
        elif key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            row.set_entry(self._typed)
        elif key in _ENTER_KEYS:
            if self._typed:
                try:
                    index = self._scale.index_of(float(self._typed))
                except ValueError:
                    index = None
                if index is None:  # not a point of this scale: say so, keep what was typed
                    row.set_entry(self._typed, invalid=True)
                    return
                self._record(self._current, self._scale.value_at(index), False)
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
