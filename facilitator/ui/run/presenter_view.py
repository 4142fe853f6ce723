"""The presenter view: what the room sees on a projector or second screen.

Privacy by construction: this window is fed a :class:`PresenterState`, a small
dataclass that has no field for facilitator notes, codes or aliases, so no code
path can put them on the wall. It shows the ground rules, the current step's title
and its timer in very large type, and follows run mode live (the run view pushes a
new state on every repaint).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.ui.run.common import clock_text, scaled_font, timer_colour


@dataclass(frozen=True)
class PresenterState:
    """Everything the room may see. Add fields only if they are safe to project."""

    step_title: str = ""
    remaining: float = 0.0
    planned: float = 0.0
    paused: bool = False
    rules: tuple[str, ...] = field(default_factory=tuple)
    show_rules: bool = False
    finished: bool = False
    speaker_remaining: float | None = None  # a round: time left for whoever speaks


class PresenterView(QWidget):
    """A separate top-level window with the step title, timer and (when relevant) rules."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.setAutoFillBackground(True)
        self.title = QLabel(self)
        self.title.setObjectName("presenterTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setFont(scaled_font(3.2, bold=True))
        self.timer = QLabel(self)
        self.timer.setObjectName("presenterTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer.setFont(scaled_font(7.0, bold=True))
        # The timer takes the room that is left; its font follows the window, not the reverse.
        self.timer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.status = QLabel(self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setFont(scaled_font(2.0))
        self.rules = QLabel(self)
        self.rules.setObjectName("presenterRules")
        self.rules.setWordWrap(True)
        self.rules.setFont(scaled_font(1.9))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addWidget(self.timer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.rules)
        self._state = PresenterState()
        self.setWindowTitle(self.tr("Facilitator: presenter view"))
        self.setAccessibleName(self.tr("Presenter view"))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        """Type in proportion to the window, so it reads from the back of the room.

        Sizes are shares of the window's height (or of a 16:10 height on a very wide
        window) and the rules shrink with their number, so everything always fits.
        """
        super().resizeEvent(event)
        base = max(1, min(self.height(), int(self.width() * 0.625)) - 60)
        lines = self.rules.text().count("\n") + 1 if not self.rules.isHidden() else 0
        rule_px = min(base * 0.045, base * 0.40 / (lines * 1.45)) if lines else 0
        for label, px, bold in ((self.title, base * 0.085, True),
                                (self.timer, base * (0.22 if lines else 0.34), True),
                                (self.status, base * 0.05, False),
                                (self.rules, rule_px, False)):
            font = label.font()
            font.setBold(bold)
            font.setPixelSize(max(12, int(px)))
            label.setFont(font)

    def show_on_best_screen(self, facilitator_window: QWidget | None = None) -> None:
        """Full screen on a second screen if there is one, else an ordinary window."""
        screens = QGuiApplication.screens()
        own = facilitator_window.screen() if facilitator_window is not None else None
        others = [s for s in screens if s is not own]
        if len(screens) > 1 and others:
            target = others[0]
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(960, 600)
            self.show()

    def update_state(self, state: PresenterState) -> None:
        if state == self._state:
            return
        self._state = state
        self.title.setText(state.step_title)
        if state.finished:
            self.timer.setText("")
            self.status.setText(self.tr("Thank you for coming"))
        else:
            shown = state.speaker_remaining if state.speaker_remaining is not None \
                else state.remaining
            self.timer.setText(clock_text(shown))
            colour = timer_colour(state.remaining, state.planned)
            self.timer.setStyleSheet(f"color: {colour.name()};")
            self.status.setText(self.tr("Paused") if state.paused else "")
        was_shown = not self.rules.isHidden()
        if state.show_rules and state.rules:
            self.rules.setText("\n".join(f"•  {rule}" for rule in state.rules))
            self.rules.show()
        else:
            self.rules.hide()
        if was_shown != (not self.rules.isHidden()):
            self.resizeEvent(QResizeEvent(self.size(), self.size()))  # timer shrinks for rules

    def state(self) -> PresenterState:
        return self._state

    def visible_texts(self) -> list[str]:
        """Every text this window shows (tests walk it for notes and aliases)."""
        texts = [self.windowTitle()]
        for child in self.findChildren(QWidget):
            for attr in ("text", "toolTip", "accessibleName", "placeholderText"):
                getter = getattr(child, attr, None)
                if callable(getter):
                    value = getter()
                    if isinstance(value, str) and value:
                        texts.append(value)
        return texts
