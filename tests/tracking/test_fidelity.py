"""Fidelity from step logs written in the run engine's shape (step_id = current step
after the action; skip names the skipped step in its payload)."""

from datetime import date

import pytest

from facilitator.tracking.analytics import SessionRow, StepRow
from facilitator.tracking.fidelity import ScriptInfo, fidelity, session_fidelity


def ev(sid, seq, action, current=None, elapsed=0.0, **payload):
    return StepRow(sid, seq, action, current, elapsed, payload)


SCRIPT = ScriptInfo(frozenset({"welcome", "rules", "round", "closing"}), 60.0, frozenset({"rules"}))
# welcome -> rules -> (skip reading) -> round, extended; finish at 65 active minutes
# before reaching closing.
EVENTS_A = [
    ev("a", 1, "start", "welcome", 0, steps=6),
    ev("a", 2, "next", "rules", 300, **{"from": 0}),
    ev("a", 3, "next", "reading", 600, **{"from": 1}),
    ev("a", 4, "skip", "round", 610, index=2, step="reading", reason="time", mandatory=False),
    ev("a", 5, "extend", "round", 2400, minutes=5.0),
    ev("a", 6, "finish", "round", 3900, missed_mandatory=["closing"]),
]
# welcome, then the facilitator skips ahead over rules, later jumps back to it: un-skipped.
EVENTS_B = [
    ev("b", 1, "start", "welcome", 0),
    ev("b", 2, "skip", "round", 100, index=1, step="rules", mandatory=True, reason="late"),
    ev("b", 3, "jump", "rules", 200, **{"from": 3}),
    ev("b", 4, "jump", "closing", 900, **{"from": 1}),
    ev("b", 5, "finish", "closing", 3000, missed_mandatory=[]),
]
SESSIONS = [
    SessionRow("a", "g", date(2025, 1, 1), script_id="x"),
    SessionRow("b", "g", date(2025, 1, 8), script_id="x"),
    SessionRow("p", "g", date(2025, 1, 9), script_id="x", is_practice=True),
]


def test_session_fidelity_reads_the_engine_log():
    f = session_fidelity(SESSIONS[0], EVENTS_A, SCRIPT)
    assert f.done == ("welcome", "rules", "round")
    assert f.skipped == ("reading",)
    assert f.mandatory == ("closing", "round", "rules", "welcome")
    assert f.mandatory_done == 3
    assert f.overrun_minutes == pytest.approx(5.0)
    assert f.rules_reviewed is True


def test_going_back_to_a_skipped_step_unskips_it():
    f = session_fidelity(SESSIONS[1], EVENTS_B, SCRIPT)
    assert f.skipped == ()
    assert set(f.done) == {"welcome", "round", "rules", "closing"}
    assert f.mandatory_done == 4 and f.overrun_minutes == 0


def test_mandatory_steps_known_from_the_log_alone():
    f = session_fidelity(
        SESSIONS[1],
        EVENTS_B[:2] + [ev("b", 3, "finish", "round", 60, missed_mandatory=["rules", "closing"])],
    )
    assert f.mandatory == ("closing", "rules")
    assert f.mandatory_done == 0
    assert f.rules_reviewed is False and f.planned_minutes is None


def test_pooled_fidelity_ignores_practice():
    practice = [ev("p", 1, "start", "welcome"), ev("p", 2, "finish", "welcome", 99999)]
    f = fidelity(SESSIONS, EVENTS_A + EVENTS_B + practice, {"x": SCRIPT})
    assert f.sessions == 2
    assert (f.mandatory_total, f.mandatory_done) == (8, 7)
    assert f.mandatory_share == pytest.approx(7 / 8)
    assert f.overrun_minutes == pytest.approx(5.0) and f.sessions_overrun == 1
    assert f.mean_overrun == pytest.approx(2.5)
    assert f.rules_share == 1.0
