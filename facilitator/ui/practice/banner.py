"""The PRACTICE banner every practice screen carries, so no one mistakes a simulated
group for a real one (and a screenshot of it says so too)."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.ui.run.common import set_font


class PracticeBanner(QLabel):
    def __init__(self, parent: QWidget | None = None, mode: Optional[str] = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBanner")
        text = self.tr("PRACTICE · simulated group · nothing here is a real session")
        if mode == "assessment":
            text += " · " + self.tr("assessment mode: feedback at the end")
        elif mode == "practice":
            text += " · " + self.tr("practice mode: coach notes as you go")
        self.setText(text)
        self.setAccessibleName(text)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#practiceBanner { background: #6a1b9a; color: white;"
            " padding: 6px; font-weight: bold; letter-spacing: 1px; }"
        )
        set_font(self, 1.05, bold=True)
