"""Run-mode screens for ``facilitator --demo --screenshots DIR``.

Builds the run view mid check-in (some scores in, the countdown near its end), the
presenter view showing the same moment, the Safety dialog and the end-of-session
summary, all against the demo store. The sessions made here are *practice*
sessions driven by a fake clock, so they never count in the demo's figures, and
each is abandoned when its widget closes so the home screen offers no resume.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

PREFERRED_SCRIPT = "anxiety-skills-group"


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _pick_group(ctx: Any) -> tuple[str, str]:
    """A demo group to show: in the UI language, the largest whose script has a check-in."""
    from facilitator.app.runs import demo_run_group

    return demo_run_group(ctx.db, ctx.lang, PREFERRED_SCRIPT)


def _run_view(ctx: Any, group_id: str, script_id: str) -> Any:
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run import create_run_view

    clock = _Clock()
    view = create_run_view(ctx, RunRequest(group_id, script_id, practice=True), clock=clock)
    view.discard_on_close = True
    view.resize(1280, 800)
    people = view.attendance.people()[:9]
    for p in people:
        view.attendance.button_for(p.id).click()
    view.go_next()
    target = next(
        (
            i
            for i, st in enumerate(view.script.steps)
            if st.outcome == "pre" or st.kind == "check_in"
        ),
        0,
    )
    while (view.engine.index or 0) < target:  # started: the index is set
        clock.now += view.script.steps[view.engine.index or 0].minutes * 60
        view.go_next()
    step = view.script.steps[view.engine.index or 0]
    clock.now += step.minutes * 60 - 45  # 45 s left: the amber countdown
    panel = view.activity.scores_pre
    for row, value in zip(panel.rows()[:5], (6, 4, 8, None, 5)):
        row.group.button(11 if value is None else value).click()
    if not view.data.no_notes:
        view.notes.editor.setPlainText(
            "وصل عضوان متأخرين، واندمجا بهدوء."
            if view.lang == "ar"
            else "Two members arrived late; settled well."
        )
    view.refresh()
    return view


def build_screens(ctx: Any) -> dict[str, QWidget]:
    from facilitator.ui.run.presenter_view import PresenterView
    from facilitator.ui.run.safety_dialog import SafetyDialog
    from facilitator.ui.run.summary_view import SummaryView

    from facilitator.app.runs import last_completed_session

    group_id, script_id = _pick_group(ctx)
    view = _run_view(ctx, group_id, script_id)
    direction = Qt.LayoutDirection.RightToLeft if ctx.rtl else Qt.LayoutDirection.LeftToRight
    presenter = PresenterView()
    presenter.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if view.lang == "ar" else Qt.LayoutDirection.LeftToRight
    )
    presenter.update_state(view.presenter_state())
    safety = SafetyDialog(ctx, group_id, view.session_id, view.data.aliases())
    done = last_completed_session(ctx.db, group_id)
    summary = SummaryView(ctx, done or view.session_id)
    for w in (view, presenter, safety, summary):
        if w is not presenter:
            w.setLayoutDirection(direction)
    return {"run": view, "presenter": presenter, "safety": safety, "summary": summary}
