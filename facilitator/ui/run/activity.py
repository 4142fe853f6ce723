"""The "This step" side panel: what the facilitator records during the current step.

Ground rules show the agreement button, check-in and check-out show the score rows,
a round shows the speaker queue; other steps have nothing to record. Keeping the
choice in one place means the run view only says "show what fits this step".
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from facilitator.scripts.model import Step
from facilitator.ui.run.common import Person
from facilitator.ui.run.round_panel import RoundPanel
from facilitator.ui.run.rules_panel import RulesPanel
from facilitator.app.scales import Scale
from facilitator.ui.run.score_panel import ScorePanel


def panel_kind(step: Step) -> Optional[str]:
    """``rules``, ``pre``, ``post``, ``round`` or None for a step with nothing to record."""
    if step.kind == "ground_rules":
        return "rules"
    if step.outcome == "pre" or (step.outcome is None and step.kind == "check_in"):
        return "pre"
    if step.outcome == "post" or (step.outcome is None and step.kind == "check_out"):
        return "post"
    if step.kind == "round":
        return "round"
    return None


class ActivityStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityStack")
        self.empty = QLabel(self.tr("Nothing to record in this step."), self)
        self.empty.setWordWrap(True)
        self.rules = RulesPanel(self)
        self.scores_pre = ScorePanel("pre", self)
        self.scores_post = ScorePanel("post", self)
        self.round = RoundPanel(self)
        for w in (self.empty, self.rules, self.scores_pre, self.scores_post, self.round):
            self.addWidget(w)
        self._kind: Optional[str] = None
        self._people_key: tuple[str, ...] = ()
        self._custom: dict[str, list[Scale]] = {}
        self._lang = "en"

    def set_custom_scales(self, scales: dict[str, list[Scale]], lang: str) -> None:
        """The organisation's measures the check-in ("pre") and check-out ("post")
        steps also record; titles in ``lang``. None at all keeps the plain 0-10 rows."""
        self._custom = {k: list(v) for k, v in scales.items()}
        self._lang = lang
        self._people_key = ()

    def show_for(self, step: Step) -> Optional[QWidget]:
        self._kind = panel_kind(step)
        panel = {
            "rules": self.rules,
            "pre": self.scores_pre,
            "post": self.scores_post,
            "round": self.round,
        }.get(self._kind or "")
        self.setCurrentWidget(panel if panel is not None else self.empty)
        self._people_key = ()  # force the score rows to be rebuilt for this step
        return panel

    def set_people(
        self,
        present: list[Person],
        scores: dict[str, dict[str, tuple[Optional[float], bool]]],
        custom: dict[tuple[str, str], dict[str, tuple[Optional[float], bool]]] | None = None,
    ) -> None:
        """Rebuild the score rows when who is present changes (keeps saved answers,
        ``custom`` holding the custom measures' by (key, phase))."""
        if self._kind not in ("pre", "post"):
            return
        key = tuple(p.id for p in present)
        if key == self._people_key:
            return
        self._people_key = key
        panel = self.scores_pre if self._kind == "pre" else self.scores_post
        panel.set_scales(self._custom.get(self._kind, []), custom or {}, self._lang)
        panel.set_people(present, scores.get(self._kind, {}))
