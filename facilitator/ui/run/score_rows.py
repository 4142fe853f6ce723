"""One person's row in the score panel: code (alias beside it), the answers, Pass.

A scale with up to eleven points (the 0-10 check-in, most custom measures) gets one
button per point, so an answer is one tap. A longer scale (0 to 100, say) would not
fit a row of buttons, so it gets a spin box that takes the value in steps of the
scale, with a Save button beside it. Pass is always there and is never a score.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from facilitator.ui.run.common import Person, locale_digits, set_font
from facilitator.app.scales import Scale

PASS_ID = 11  # button id of "Pass" in each row's button group (0..10 are the points)

_BASE_STYLE = (
    "QPushButton { padding: 0px; min-width: 26px; }"
    " QPushButton#passButton { min-width: 48px; }"
    " QPushButton#saveScore { min-width: 64px; padding: 0px 6px; }"
    " QPushButton:checked { background: #1f6f6b; color: white;"
    " font-weight: bold; border: 1px solid #0d3d3a; }"
)


class ScoreRow(QFrame):
    """One person on one scale; ``group`` holds the point buttons (id = point index)."""

    def __init__(
        self, person: Person, scale: Scale, pass_text: str, save_text: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.person, self.scale = person, scale
        self.setObjectName(f"score-{person.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_BASE_STYLE)
        self.label = QLabel(person.label(), self)
        set_font(self.label, 1.2, bold=True)
        self.label.setMinimumWidth(110)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.spin: Optional[QDoubleSpinBox] = None
        self.save_button: Optional[QPushButton] = None
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(3)
        row.addWidget(self.label)
        if scale.uses_buttons():
            for index, value in enumerate(scale.points()):
                button = QPushButton(locale_digits(scale.text(value)), self)
                button.setCheckable(True)
                button.setMinimumSize(26 if scale.decimals() == 0 else 40, 40)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the panel
                set_font(button, 1.1)
                button.setAccessibleName(f"{person.code} {scale.text(value)}")
                self.group.addButton(button, index)
                row.addWidget(button)
        else:
            self.spin = QDoubleSpinBox(self)
            self.spin.setObjectName("scoreSpin")
            self.spin.setDecimals(scale.decimals())
            # One step below the scale means "not answered yet" and shows a dash, so an
            # unanswered row never looks like a saved lowest score.
            self.spin.setRange(scale.minimum - scale.step, scale.maximum)
            self.spin.setSpecialValueText("–")
            self.spin.setValue(self.spin.minimum())
            self.spin.setSingleStep(scale.step)
            self.spin.setMinimumHeight(40)
            self.spin.setMinimumWidth(90)
            set_font(self.spin, 1.1)
            self.spin.setAccessibleName(person.code)
            self.save_button = QPushButton(save_text, self)
            self.save_button.setObjectName("saveScore")
            self.save_button.setCheckable(True)
            self.save_button.setMinimumSize(72, 40)
            self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.save_button.setAccessibleName(f"{person.code} {save_text}")
            row.addWidget(self.spin)
            row.addWidget(self.save_button)
            row.addStretch(1)
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

    def value_for(self, button_id: int) -> Optional[float]:
        """The answer a click on ``button_id`` records (None for Pass)."""
        if button_id == PASS_ID:
            return None
        if self.spin is not None:
            if self.spin.value() < self.scale.minimum:
                return None  # still the dash: nothing to save
            index = self.scale.index_of(self.spin.value())
            return self.scale.value_at(
                index
                if index is not None
                else round((self.spin.value() - self.scale.minimum) / self.scale.step)
            )
        return self.scale.value_at(button_id)

    def show_value(self, value: Optional[float], passed: bool) -> None:
        self.group.blockSignals(True)
        index = None if passed else self.scale.index_of(value)
        if self.spin is not None:
            if index is not None:
                self.spin.setValue(self.scale.value_at(index))
            if self.save_button is not None:
                self.save_button.setChecked(index is not None)
        target = PASS_ID if passed else (index if self.spin is None else None)
        if target is None:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        else:
            self.group.button(target).setChecked(True)
        self.group.blockSignals(False)

    def answered(self) -> bool:
        return self.group.checkedButton() is not None or bool(
            self.save_button is not None and self.save_button.isChecked()
        )

    def fit_label(self, width: int) -> None:
        """Same width on every row (so the buttons line up); a long alias is elided."""
        full = self.person.label()
        metrics = self.label.fontMetrics()
        self.label.setFixedWidth(width)
        self.label.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, width - 4))
        self.label.setToolTip(full)

    def set_current(self, current: bool) -> None:
        # Border plus margin is 3 px either way, so the current row's buttons do not shift.
        ring = (
            "QFrame#%s { border: 3px solid #1565c0; border-radius: 6px; margin: 0px; }"
            if current
            else "QFrame#%s { border: 1px solid palette(mid); border-radius: 4px; margin: 2px; }"
        ) % self.objectName()
        self.setStyleSheet(_BASE_STYLE + ring)

    def set_entry(self, text: str, invalid: bool = False) -> None:
        self.entry.setText(locale_digits(text))
        self.entry.setStyleSheet("color: #d32f2f;" if invalid else "")
