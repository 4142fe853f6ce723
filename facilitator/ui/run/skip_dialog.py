"""Ask why a step is skipped (the reason is kept in the session record)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QWidget


TITLE_ROOM = 160  # px the window manager's title bar keeps for its icon and buttons


def ask_skip_reason(parent: QWidget, on_reason: Callable[[str], None]) -> QInputDialog:
    """Open a non-blocking dialog with the usual reasons (editable); ``on_reason`` gets the
    chosen or typed one. Strings keep the ``RunView`` context of the screen it opens from."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("skipDialog")
    dialog.setWindowTitle(QCoreApplication.translate("RunView", "Skip this step"))
    dialog.setLabelText(
        QCoreApplication.translate("RunView", "Why skip it? (kept in the session record)")
    )
    dialog.setComboBoxItems(
        [
            QCoreApplication.translate("RunView", "Running out of time"),
            QCoreApplication.translate("RunView", "Not right for the group today"),
            QCoreApplication.translate("RunView", "Already covered"),
        ]
    )
    dialog.setComboBoxEditable(True)
    # Wide enough for its whole title and the longest reason: the window manager adds the
    # application name and three buttons, and a narrow dialog cut the title to "Skip th…".
    metrics = dialog.fontMetrics()
    title = f"{dialog.windowTitle()} \u2014 {QCoreApplication.applicationName() or 'Facilitator'}"
    wanted = max(
        TITLE_ROOM + metrics.horizontalAdvance(title),
        metrics.horizontalAdvance(dialog.labelText()) + 60,
        440,
    )
    screen = parent.screen().availableGeometry().width() if parent.screen() else wanted
    # QInputDialog sizes itself from its layout (SetMinAndMaxSize): widen the question.
    box = dialog.layout()
    margins = box.contentsMargins().left() + box.contentsMargins().right() if box else 24
    room = min(wanted, screen - 40) - margins
    for label in dialog.findChildren(QLabel):
        label.setMinimumWidth(room)
    dialog.textValueSelected.connect(on_reason)
    dialog.open()
    return dialog
