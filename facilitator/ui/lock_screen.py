"""The lock screen: covers every screen with data until the facilitator unlocks.

It lives in the main window's stack (not a separate window), so there is no moment
when data could show behind it, and the window title stays the same generic one.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from facilitator.ui import widgets as W
from facilitator.ui.tasks import _BaseRunner
from facilitator.ui.unlock_dialog import AttemptFn, UnlockPanel


class LockScreen(QWidget):
    unlocked = Signal()

    def __init__(
        self,
        tasks: _BaseRunner,
        attempt: AttemptFn,
        *,
        has_passphrase: bool,
        keyring_attempt: Optional[Callable[[], Any]] = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        self.title = W.heading(self.tr("Locked"), "display")
        inner.addWidget(self.title)
        inner.addWidget(
            W.muted(
                self.tr(
                    "Facilitator locked itself after a quiet spell, or "
                    "you locked it. Your groups are hidden until you "
                    "unlock. A session in progress is still being saved."
                )
            )
        )
        if demo:
            inner.addWidget(
                W.muted(self.tr("Demo store: the passphrase is %1").replace("%1", DEMO_PASSPHRASE))
            )
        self.panel = UnlockPanel(
            tasks,
            attempt,
            has_passphrase=has_passphrase,
            keyring_attempt=keyring_attempt,
            parent=box,
        )
        self.result: Any = None  # what the attempt returned: who unlocked, if known
        self.panel.unlocked.connect(self._done)
        inner.addWidget(self.panel)
        # Centre with stretches, not an alignment flag: an aligned item is given its
        # plain size hint, which ignores the wrapped labels' height-for-width and
        # squeezes the buttons.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def _done(self, result: Any) -> None:
        self.result = result
        self.unlocked.emit()

    def prepare(self) -> None:
        self.result = None
        self.panel.reset()
        self.panel.secret.setFocus()


DEMO_PASSPHRASE = "demo-passphrase"
