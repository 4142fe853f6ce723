"""The run engine and the reports read the step log by the same rules (facilitator.steplog).

The engine keeps its own state while a session runs; fidelity and the no-notes
summary walk the stored log afterwards. Random walks through a script with phases
must give the same phases done both ways.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator import steplog
from facilitator.errors import EngineError
from facilitator.session.engine import RunEngine, StepPlan
from facilitator.tracking.analytics import SessionRow, StepRow
from facilitator.tracking.fidelity import ScriptInfo, phases_done, session_fidelity

PLAN = [
    StepPlan("welcome", "welcome", 5, 1, True, phase="arrive"),
    StepPlan("rules", "ground_rules", 5, 1, False, phase="arrive"),
    StepPlan("facts", "discussion", 10, 1, False, phase="facts"),
    StepPlan("feelings", "round", 10, 1, False, phase="feelings"),
    StepPlan("close", "closing", 5, 1, True, phase="close"),
]
INFO = ScriptInfo(order=tuple(p.id for p in PLAN), phases={p.id: p.phase for p in PLAN})

ACTIONS = st.lists(
    st.one_of(
        st.just(("next",)),
        st.just(("back",)),
        st.tuples(st.just("jump"), st.integers(0, 4)),
        st.tuples(st.just("skip"), st.integers(0, 4)),
    ),
    max_size=12,
)


def _rows(engine: RunEngine) -> list[StepRow]:
    return [
        StepRow("s", e.seq, e.action, e.step_id, e.elapsed, dict(e.payload or {}))
        for e in engine.events
    ]


@settings(max_examples=200, deadline=None)
@given(ACTIONS)
def test_engine_and_log_agree_on_phases_done(actions):
    engine = RunEngine(PLAN, lambda: 0.0)
    engine.start()
    for action in actions:
        try:
            if action[0] == "skip":
                engine.skip("time", index=action[1])
            elif action[0] == "jump":
                engine.jump(action[1])
            else:
                getattr(engine, action[0])()
        except EngineError:
            continue  # not allowed here (back from the first step, skip behind...)
    fid = session_fidelity(SessionRow("s", "g", date(2026, 1, 1)), _rows(engine), INFO)
    assert phases_done(fid, INFO) == engine.phases_done()
    finished = engine.finish()
    assert steplog.recorded_phases([(finished.action, finished.payload)]) == engine.phases_done()


def test_moving_onto_a_skipped_step_unskips_it():
    walk = steplog.StepWalk()
    walk.observe("start", "a", {})
    walk.observe("skip", "c", {"step": "b"})
    assert walk.done() == ("a", "c") and walk.skipped == {"b"}
    walk.observe("back", "b", {})
    assert walk.done() == ("a", "c", "b") and not walk.skipped


def test_recorded_phases_and_headcount():
    assert steplog.recorded_phases([("start", {}), ("next", None)]) is None
    assert steplog.recorded_phases(
        [("abandon", {"phases_done": ["x"]}), ("finish", {"phases_done": ["x", "y"]})]
    ) == ["x", "y"]
    assert steplog.no_notes_headcount(7, 3) == 7
    assert steplog.no_notes_headcount(None, 3) == 3
    assert steplog.no_notes_headcount(None, 0) is None
    assert steplog.no_notes_headcount(0, 3) == 0
