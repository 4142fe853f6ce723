"""The "running over" line under the step card: how far over, and a plan to catch up.

It draws the engine's recovery suggestion (which later steps to shorten, by how much)
and offers to apply it; the controller applies it. Strings keep the ``RunView``
context of the screen it sits on.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.ui.run.common import locale_digits

SHOW_AFTER_SECONDS = 60  # projected overrun below this is not worth a word


class RecoveryBar(QWidget):
    def __init__(self, apply: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("recoverySuggestion")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #c77800;")
        self.button = QPushButton(QCoreApplication.translate("RunView", "Apply this plan"), self)
        self.button.setObjectName("applyRecovery")
        self.button.clicked.connect(apply)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)

    def show_plan(
        self, overrun: float, plan: Callable[[], Any], steps: list[Any], lang: str
    ) -> None:
        """Hide when on time; else say how far over and what to shorten (``plan`` is
        asked only then: it is the engine's ``suggest_recovery``)."""
        if overrun < SHOW_AFTER_SECONDS:
            self.hide()  # the whole bar: an empty row would still take the layout's spacing
            return
        suggestion = plan()
        parts = [
            QCoreApplication.translate("RunView", "%1 by %2 min")
            .replace("%1", steps[c.index].title.get(lang))
            .replace("%2", locale_digits(f"{c.cut_minutes:g}"))
            for c in suggestion.cuts
        ]
        text = QCoreApplication.translate("RunView", "Running about %1 min over.").replace(
            "%1", locale_digits(str(suggestion.overrun_minutes))
        )
        if parts:
            text += " " + QCoreApplication.translate("RunView", "Suggestion: shorten %1.").replace(
                "%1", ", ".join(parts)
            )
        if not suggestion.fully_covered:
            text += " " + QCoreApplication.translate(
                "RunView", "Still %1 min over: skip a step or agree with the group to run over."
            ).replace("%1", locale_digits(f"{suggestion.uncovered_minutes:g}"))
        self.label.setText(text)
        self.button.setVisible(bool(suggestion.cuts))
        self.show()
