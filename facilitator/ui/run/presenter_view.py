"""The presenter view: what the room sees on a projector or second screen.

Privacy by construction: this window is fed a :class:`PresenterState`, a small
dataclass that has no field for facilitator notes, codes or aliases, so no code
path can put them on the wall. It shows the ground rules, the current step's title
and its timer in very large type, and follows run mode live (the run view pushes a
new state on every repaint).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from facilitator.ui.run.common import scaled_font, timer_colour, timer_text


# Height kept for the timer, per pixel of its type: the digits and a little air. (The
# font's full line is taller, for Arabic marks the digits never use; the real-window
# test checks the digits themselves are never cut.)
TIMER_LINE = 1.25


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


def rules_html(rules: tuple[str, ...], rtl: bool = False) -> str:
    """The rules as a bulleted table: a rule that wraps keeps its hanging indent.

    (Plain lines put the second line of a long rule under its bullet, which reads
    as a new rule from the back of the room.) Qt's rich text does not mirror table
    columns, so in Arabic the bullet column is written last and the table fills the
    width from the right. Rule texts are escaped: they come from script files and
    the group's own extra rules.
    """
    bullet = (
        "<td width='1%'>\u2022&nbsp;&nbsp;</td>"
        if not rtl
        else "<td width='1%'>&nbsp;&nbsp;\u2022</td>"
    )
    rows = []
    for rule in rules:
        text = f"<td align='{'right' if rtl else 'left'}'>{html.escape(rule)}</td>"
        rows.append(f"<tr>{text + bullet if rtl else bullet + text}</tr>")
    return f"<table width='100%' cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"


class PresenterView(QWidget):
    """A separate top-level window with the step title, timer and (when relevant) rules.

    It is opened without taking the keyboard (on a single screen it sits over the
    facilitator's window, and run mode's keys must keep working); run mode also adds its
    actions to this window, so they answer whichever of the two has focus. Esc closes it.
    """

    closed = Signal()  # the window was closed (its close button, Esc, the window manager)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
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
        self.status.hide()  # shown only with a text ("Paused")
        self.rules = QLabel(self)
        self.rules.setObjectName("presenterRules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setFont(scaled_font(1.9))
        layout = self._box = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        # The window's size comes from the screen, never from its contents: type is fitted
        # to the window (``_fit``), so the window must not grow to fit the type. (It once
        # opened 952 px tall on a 900 px screen, measured before it had its real width.)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.title)
        layout.addWidget(self.timer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.rules)
        self._state = PresenterState()
        self.setWindowTitle(self.tr("Facilitator: presenter view"))
        self.setAccessibleName(self.tr("Presenter view"))

    def event(self, event) -> bool:
        # Nothing in this window takes focus, so when it is activated (a click on it)
        # the window itself must: run mode's keys go to the focused widget.
        if event.type() == QEvent.Type.WindowActivate and self.focusWidget() is None:
            self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().closeEvent(event)
        self.closed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()

    def _base(self) -> int:
        """The height type is measured against (a 16:10 height on a very wide window)."""
        return max(1, min(self.height(), int(self.width() * 0.625)) - 60)

    def _fit(self) -> None:
        """Type in proportion to the window, so it reads from the back of the room.

        Title and timer are shares of the window's height. The rules are as large as
        the room left after them allows, measured with their real wrapping at this
        width (a long rule takes two lines), up to a little under the title's size;
        so ten long rules still fit a 1280x800 projector without clipping, and four
        short ones are read from the back row (the timer then takes the room left).
        """
        base = self._base()
        rules_on = not self.rules.isHidden() and bool(self.rules.text())
        sizes = (
            (self.title, base * 0.085, True),
            (self.timer, base * (0.17 if rules_on else 0.34), True),
            (self.status, base * 0.05, False),
        )
        for label, px, bold in sizes:
            self._set_px(label, px, bold)
        if not rules_on:
            self.rules.setMinimumHeight(0)
            self.rules.setMaximumHeight(16777215)
            return
        margins = self._box.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        spacing = max(0, self._box.spacing())
        used = (
            margins.top()
            + margins.bottom()
            + self.title.heightForWidth(width)
            + int(self.timer.font().pixelSize() * TIMER_LINE)
            + 3 * spacing
        )
        if not self.status.isHidden():
            used += self.status.sizeHint().height()
        room = self.height() - used
        low, high = 12, max(12, int(base * 0.062))
        while low < high:  # the largest size whose wrapped rules fit the room
            mid = (low + high + 1) // 2
            self._set_px(self.rules, mid, False)
            if self.rules.heightForWidth(width) <= room:
                low = mid
            else:
                high = mid - 1
        self._set_px(self.rules, low, False)
        needed = min(self.rules.heightForWidth(width), max(0, room))
        self.rules.setFixedHeight(needed)  # never more than the room left: the timer keeps its
        # A short list leaves room: the timer takes it back (up to its size without rules).
        spare = max(0, room - needed)
        self._set_px(
            self.timer, min(base * 0.30, self.timer.font().pixelSize() + spare / TIMER_LINE), True
        )

    @staticmethod
    def _set_px(label: QLabel, px: float, bold: bool) -> None:
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
            from facilitator.ui.widgets import fit_to_screen

            fit_to_screen(self, 960, 600)
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
            shown = (
                state.speaker_remaining if state.speaker_remaining is not None else state.remaining
            )
            self.timer.setText(timer_text(shown))
            colour = timer_colour(state.remaining, state.planned)
            self.timer.setStyleSheet(f"color: {colour.name()};")
            self.status.setText(self.tr("Paused") if state.paused else "")
        self.status.setVisible(bool(self.status.text()))  # no empty band under the timer
        if state.show_rules and state.rules:
            self.rules.setText(rules_html(state.rules, self.isRightToLeft()))
            self.rules.show()
        else:
            self.rules.hide()
        self._fit()  # the timer shrinks for rules; rules and title may wrap anew
        self._box.activate()  # place them now, not on the next event-loop pass

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
