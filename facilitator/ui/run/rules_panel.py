"""The ground-rules step: the group's effective rules and its agreement.

The rules shown are exactly the ones hashed when the group agrees (see
:func:`facilitator.session.rules.record_agreement`), so a supervisor can later tell
which wording was in force. The panel only emits :attr:`agreed`; the run view saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from facilitator.i18n import pick
from facilitator.session.rules import RuleSet
from facilitator.ui.run.common import locale_digits, set_font


def rule_lines(rules: RuleSet, lang: str, short: bool = False) -> list[str]:
    """One display line per rule: the short form for the projector, else title + text."""
    if short:
        return [pick(r.short, lang) for r in rules.rules]
    return [f"{pick(r.title, lang)}: {pick(r.text, lang)}" for r in rules.rules]


class RulesPanel(QWidget):
    agreed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesPanel")
        self.title = QLabel(self)
        set_font(self.title, 1.3, bold=True)
        self.body = QLabel(self)
        self.body.setObjectName("rulesText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        set_font(self.body, 1.15)
        self.body.setContentsMargins(6, 0, 6, 0)  # clear of the scroll bar and the edge
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.agree_button = QPushButton(self)
        self.agree_button.setObjectName("rulesAgreed")
        self.agree_button.setMinimumHeight(52)
        set_font(self.agree_button, 1.25, bold=True)
        self.agree_button.clicked.connect(self._on_agree)
        self.status = QLabel(self)
        self.status.setObjectName("rulesStatus")
        set_font(self.status, 1.1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.agree_button)
        layout.addWidget(self.status)
        self._agreed = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Our ground rules"))
        self.agree_button.setText(self.tr("The group agreed"))
        self.agree_button.setAccessibleName(self.tr("Record that the group agreed to these rules"))
        self._show_status()

    def set_rules(self, rules: RuleSet, lang: str, already_agreed: bool = False) -> None:
        lines = rule_lines(rules, lang)
        digits = locale_digits if lang == "ar" else (lambda text: text)
        # Numbered and laid out in the rules' own language: English rules on an Arabic
        # screen read "1." from the left (a "١." at the far left was cut by the edge).
        self.body.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
        )
        self.body.setText(
            "\n\n".join(f"{digits(str(i))}. {digits(line)}" for i, line in enumerate(lines, 1))
        )
        self._agreed = already_agreed
        self._show_status()

    def set_agreed(self, agreed: bool) -> None:
        self._agreed = agreed
        self._show_status()

    def is_agreed(self) -> bool:
        return self._agreed

    def _on_agree(self) -> None:
        if not self._agreed:
            self.agreed.emit()

    def _show_status(self) -> None:
        self.agree_button.setEnabled(not self._agreed)
        self.status.setText(self.tr("✓ Agreement recorded") if self._agreed else "")
