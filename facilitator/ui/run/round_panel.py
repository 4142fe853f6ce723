"""A round: who speaks now, who is next, the per-speaker timer and talking-time bars.

The engine owns the round (speaker queue, passes, talking time from the clock);
this panel draws a :class:`~facilitator.session.rounds.RoundSummary` and emits what
the facilitator pressed. Bars make an uneven round visible at a glance, which is
the commonest way a round goes wrong.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.session.rounds import RoundSummary
from facilitator.ui.run.common import (
    Person,
    clock_text,
    locale_digits,
    set_font,
    timer_colour,
    timer_text,
)


class RoundPanel(QWidget):
    start_requested = Signal()
    next_requested = Signal()
    pass_requested = Signal(bool)  # come back later?
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundPanel")
        self._names: dict[str, str] = {}
        self._bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        self.title = QLabel(self)
        set_font(self.title, 1.3, bold=True)
        self.speaker = QLabel(self)
        self.speaker.setObjectName("roundSpeaker")
        set_font(self.speaker, 1.8, bold=True)
        self.speaker_timer = QLabel(self)
        self.speaker_timer.setObjectName("roundSpeakerTimer")
        set_font(self.speaker_timer, 2.2, bold=True)
        self.queue = QLabel(self)
        self.queue.setWordWrap(True)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("roundStart")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("roundNext")
        self.pass_button = QPushButton(self)
        self.pass_button.setObjectName("roundPass")
        self.later_button = QPushButton(self)
        self.later_button.setObjectName("roundPassLater")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("roundEnd")
        for b in (
            self.start_button,
            self.next_button,
            self.pass_button,
            self.later_button,
            self.end_button,
        ):
            b.setMinimumHeight(44)
            set_font(b, 1.1)
        self.start_button.clicked.connect(self.start_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.pass_button.clicked.connect(lambda: self.pass_requested.emit(False))
        self.later_button.clicked.connect(lambda: self.pass_requested.emit(True))
        self.end_button.clicked.connect(self.end_requested)
        self.balance = QLabel(self)
        self.balance.setWordWrap(True)
        self._bar_host = QWidget(self)
        self._bar_grid = QGridLayout(self._bar_host)
        self._bar_grid.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.addWidget(self.speaker, 1)
        top.addWidget(self.speaker_timer)
        buttons = QHBoxLayout()
        for b in (
            self.start_button,
            self.next_button,
            self.pass_button,
            self.later_button,
            self.end_button,
        ):
            buttons.addWidget(b)
        # Room kept for what a running round shows, so starting it moves nothing below.
        line = self.queue.fontMetrics().lineSpacing()
        for label, sample in ((self.speaker_timer, "0:00"), (self.speaker, "Speaking")):
            label.setText(sample)
            label.setMinimumHeight(label.sizeHint().height())
            label.setText("")
        self.queue.setMinimumHeight(line * 2)
        self.balance.setMinimumHeight(line)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.queue)
        layout.addLayout(buttons)
        layout.addWidget(self._bar_host)
        layout.addWidget(self.balance)
        layout.addStretch(1)
        self.retranslate()
        self.show_round(None, None)

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start the round"))
        self.next_button.setText(self.tr("Next speaker  [N]"))
        self.next_button.setAccessibleName(self.tr("Next speaker"))
        self.pass_button.setText(self.tr("Pass  [X]"))
        self.pass_button.setAccessibleName(self.tr("This person passes"))
        self.later_button.setText(self.tr("Pass, come back later"))
        self.end_button.setText(self.tr("End the round"))

    def set_people(self, people: list[Person]) -> None:
        """Map codes to the facilitator's labels (code and alias)."""
        self._names = {p.code: p.label() for p in people}

    def _name(self, code: Optional[str]) -> str:
        return self._names.get(code or "", code or "")

    def show_round(self, summary: Optional[RoundSummary], speaker_minutes: Optional[float]) -> None:
        if speaker_minutes and float(speaker_minutes).is_integer():
            self.title.setText(
                self.tr("Round: %1 min per speaker").replace(
                    "%1", locale_digits(str(int(speaker_minutes)))
                )
            )
        else:  # 1.5 reads as "1:30", never as a decimal of minutes
            self.title.setText(
                self.tr("Round: %1 per speaker").replace(
                    "%1", clock_text(speaker_minutes * 60) if speaker_minutes else "?"
                )
            )
        active = summary is not None and summary.current is not None
        self.start_button.setVisible(not active)
        self.start_button.setEnabled(not active)
        for b in (self.next_button, self.pass_button, self.later_button, self.end_button):
            b.setVisible(active)
        if summary is None:
            self.speaker.setText(self.tr("Mark who is here, then start the round."))
            self.speaker_timer.setText("")
            self.queue.setText("")
            self._show_bars({}, None)
            self.balance.setText("")
            return
        if active:
            self.speaker.setText(self.tr("Speaking: %1").replace("%1", self._name(summary.current)))
            remaining = summary.speaker_remaining
            if remaining is not None:
                self.speaker_timer.setText(timer_text(remaining))
                colour = timer_colour(remaining, summary.speaker_limit_seconds or 0)
                self.speaker_timer.setStyleSheet(f"color: {colour.name()};")
            waiting = ", ".join(self._name(c) for c in summary.waiting) or self.tr("nobody")
            self.queue.setText(self.tr("Next: %1").replace("%1", waiting))
        else:
            self.speaker.setText(self.tr("The round is over."))
            self.speaker_timer.setText("")
            passed = ", ".join(self._name(c) for c in summary.passed)
            self.queue.setText(self.tr("Passed: %1").replace("%1", passed) if passed else "")
        self._show_bars(summary.talk_seconds, summary.speaker_limit_seconds)
        self.balance.setText(
            self.tr("Talking time is uneven: invite the quieter voices.")
            if summary.unbalanced
            else ""
        )

    def _show_bars(self, talk: dict[str, float], limit: Optional[float]) -> None:
        if set(talk) != set(self._bars):
            for label, bar in self._bars.values():
                label.deleteLater()
                bar.deleteLater()
            self._bars = {}
            for row, code in enumerate(talk):
                label = QLabel(self._name(code), self._bar_host)
                bar = QProgressBar(self._bar_host)
                bar.setObjectName(f"talk-{code}")
                bar.setAccessibleName(self.tr("Talking time of %1").replace("%1", code))
                self._bar_grid.addWidget(label, row, 0)
                self._bar_grid.addWidget(bar, row, 1)
                self._bars[code] = (label, bar)
        top = max([limit * 1.5 if limit else 0.0, *talk.values(), 1.0])
        for code, seconds in talk.items():
            _label, bar = self._bars[code]
            bar.setRange(0, int(top))
            bar.setValue(int(seconds))
            bar.setFormat(clock_text(seconds))

    def talk_bar_values(self) -> dict[str, int]:
        return {code: bar.value() for code, (_l, bar) in self._bars.items()}
