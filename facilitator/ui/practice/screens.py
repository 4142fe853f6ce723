"""Practice screens filled with demo attempts, for ``facilitator --demo --screenshots``.

Only ever run on the demo store: it plays a few attempts on a manual clock (a known
path through the disclosure scenario) so every screen has something true to show.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

SCENARIO = "suicidal-disclosure-round"
TRAINEE = "Demo trainee"
PATHS = [
    {
        "first_response": "move_on",
        "private_talk": "reassure",
        "keep_it_secret": "promise",
        "group_after": "acknowledge",
    },
    {
        "first_response": "pause",
        "private_talk": "ask_directly",
        "keep_it_secret": "promise",
        "group_after": "acknowledge",
    },
    {
        "first_response": "pause",
        "private_talk": "ask_directly",
        "keep_it_secret": "call_together",
        "group_after": "acknowledge",
    },
]


def advance_to_decision(view: Any, clock: Any, limit: int = 200) -> bool:
    """Move a practice view's manual clock on until a decision is open (or it ends)."""
    run = view.run
    for _ in range(limit):
        if run.done:
            return False
        if run.pending:
            return True
        remaining = max(0.0, run.run.snapshot().step_remaining)
        wait = run.seconds_to_next_timed()
        if wait is not None and wait <= remaining:
            clock.advance(wait + 0.01)
            view.poll()
            continue
        clock.advance(remaining + 0.01)
        view.poll()
        if not run.pending and not run.done:
            view.next_step()
    return bool(run.pending)


def play_path(view: Any, clock: Any, answers: dict[str, str]) -> None:
    """Play a practice view to the end choosing ``answers`` (by number keys' logic)."""
    run = view.run
    for _ in range(100):
        if run.done:
            return
        if advance_to_decision(view, clock):
            dec = run.pending_decision()
            clock.advance(4.0)
            ids = [o.id for o in dec.options]
            view.choose_number(ids.index(answers[dec.id]) + 1)
        elif not run.done:
            view.next_step()


def _best_fallback(run: Any, answers: dict[str, str]) -> dict[str, str]:
    out = dict(answers)
    for d in run.scenario.decisions:
        out.setdefault(d.id, max(d.options, key=lambda o: o.total).id)
    return out


def build_screens(ctx: Any) -> dict[str, QWidget]:
    from facilitator.app import practice_review as review
    from facilitator.practice.engine import ManualClock
    from facilitator.ui.practice.debrief_view import DebriefView
    from facilitator.ui.practice.history_view import HistoryView
    from facilitator.ui.practice.home import ImportDialog, PracticeHome
    from facilitator.ui.practice.practice_view import PracticeSafetyDialog, PracticeView
    from facilitator.ui.practice.review_view import ReplayDialog, ReviewView

    out: dict[str, QWidget] = {}
    home = PracticeHome(ctx)
    home.trainee.setText(TRAINEE)
    out["practice-home"] = home
    scenario_title = ""
    for i in range(home.scenarios.count()):
        if home.scenarios.item(i).data(256) == SCENARIO:
            home.scenarios.setCurrentRow(i)
            scenario_title = home.scenarios.item(i).text()
    from facilitator.app import practice as svc
    from facilitator.ui.practice.home import BeforeStartDialog

    scenario, _ = svc.load_scenario(SCENARIO, ctx.db)
    lang = ctx.lang
    out["practice-warnings"] = BeforeStartDialog(
        scenario.title.get(lang),
        [w.get(lang) for w in scenario.metadata.content_warnings],
        scenario.briefing.get(lang),
    )
    del scenario_title

    # a live attempt at its first decision point
    clock = ManualClock(0.0)
    live = PracticeView(ctx, SCENARIO, TRAINEE, "practice", seed=3, clock=clock)
    advance_to_decision(live, clock)
    live.refresh()
    out["practice-run-decision"] = live
    safety = PracticeSafetyDialog(lang)
    out["practice-safety"] = safety

    # step out: a second attempt, paused on the grounding page
    clock2 = ManualClock(0.0)
    paused = PracticeView(ctx, SCENARIO, TRAINEE, "assessment", seed=4, clock=clock2)
    clock2.advance(90)
    paused.poll()
    paused.step_out()
    out["practice-step-out"] = paused

    # finished attempts for the debrief and the history
    ids = []
    for k, answers in enumerate(PATHS * 2):
        c = ManualClock(0.0)
        v = PracticeView(ctx, SCENARIO, TRAINEE, "practice", seed=10 + k, clock=c)
        play_path(v, c, _best_fallback(v.run, answers))
        ids.append(v.attempt.id)
        v.deleteLater()
    before = DebriefView(ctx, ids[1])
    out["debrief-reactions-trainee"] = before
    for aid in ids:
        review.save_reflection(
            ctx.db,
            aid,
            "Shaky at first; calmer once I paused the round."
            if lang == "en"
            else "توترت في البداية، ثم هدأت بعد إيقاف الجولة.",
            3,
            "",
        )
    review.add_comment(
        ctx.db,
        ids[1],
        "Trainer Amal",
        "Good: you paused the round at once." if lang == "en" else "أحسنت: أوقفت الجولة فورًا.",
        review.debrief(ctx.db, ids[1], lang).moments[0].seq,
    )
    out["debrief-trainee"] = DebriefView(ctx, ids[1])
    out["trainee-history"] = HistoryView(ctx, TRAINEE)
    levels = {
        "safety_response": "developing",
        "listening_empathy": "competent",
        "group_dynamics": "competent",
        "boundaries": "not_yet",
    }
    # a blind second rating needs a second trainer: Amal's, then the install's own
    from facilitator.app.access import Principal

    amal = Principal("demo-trainer-amal", "amal", frozenset({"trainer"}))
    review.add_rating(ctx.db, ids[1], "Trainer Amal", levels, "not_yet", who=amal)
    review.add_rating(
        ctx.db, ids[1], "Trainer Omar", {**levels, "boundaries": "developing"}, "developing"
    )
    rv = ReviewView(ctx, ids[1], "Trainer Omar")
    out["practice-review-trainee"] = rv
    out["practice-replay-trainee"] = ReplayDialog(ctx, ids[1])

    tmp = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
    bad = tmp / "draft-scenario.yaml"
    src = Path(svc.list_scenarios()[0].path).read_text(encoding="utf-8")
    bad.write_text(
        src.replace("\n    step: ", "\n    step: no_such_step_", 1).replace(
            "ar: ", "ar: ''\n    xx: ", 0
        ),
        encoding="utf-8",
    )
    out["practice-import"] = ImportDialog(review.check_scenario_file(bad, lang), lang)
    out["practice-editor"] = _editor_with_problems(ctx, home)
    return out


def _editor_with_problems(ctx: Any, home: Any) -> QWidget:
    """The scenario editor on a copy of a built-in scenario with two typing slips (an
    event kind and a state value), the cursor on the first problem's line."""
    from facilitator.app import practice as svc
    from facilitator.ui.practice.scenario_editor import ScenarioEditor

    source = svc.bundled_scenario_source("boundary-private-meeting")
    text = source.text.replace("kind: says", "kind: shouts", 1).replace(
        "after_minutes: 3", "after_minutes: soon", 1
    )
    editor = ScenarioEditor(ctx.lang, svc.ScenarioSource(text, None, source.suggested_name))
    editor.text.document().setModified(True)
    editor.check_now()
    editor.problems.setCurrentRow(0)
    editor.next_problem()
    editor.shutdown()
    return editor
