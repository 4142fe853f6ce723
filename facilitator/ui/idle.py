"""Auto-lock after a quiet spell: an application-wide event filter resets a timer.

Why an event filter on the application: any key, click, wheel or touch in any
window (run mode, a dialog, the presenter window) counts as "someone is here", and
no screen has to remember to report it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle` once after ``minutes`` without input; 0 minutes disables it."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.poke()

    def poke(self) -> None:
        """Restart the quiet-time clock (also used for non-input activity)."""
        if self.minutes and self.minutes > 0:
            self._timer.start(int(self.minutes * 60_000))
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restarts with the same interval
        return False
