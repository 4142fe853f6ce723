"""The run engine under a fake clock: timing, navigation, rounds and recovery plans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.errors import EngineError
from facilitator.session.engine import RunEngine, StepPlan


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def engine(tiny_script, clock):
    return RunEngine(tiny_script, clock)


def test_time_comes_from_the_clock_and_pauses_do_not_count(engine, clock):
    engine.start()
    clock.advance(90)
    snap = engine.snapshot()
    assert (snap.step_id, snap.step_elapsed, snap.step_remaining) == ("welcome", 90, 210)
    engine.pause("fire alarm")
    clock.advance(600)
    assert engine.snapshot().session_elapsed == 90
    engine.resume()
    clock.advance(3600)  # a stalled UI: no ticks at all for an hour
    snap = engine.snapshot()
    assert snap.step_elapsed == 3690 and snap.step_overrun
    assert snap.session_remaining == 30 * 60 - 3690
    assert snap.projected_overrun == 3690 - 300


def test_navigation_skip_jump_back_and_extend(engine, clock):
    engine.start()
    clock.advance(300)
    engine.next()
    clock.advance(120)
    engine.skip("group already knows the rules")
    assert engine.snapshot().step_id == "sharing"
    engine.skip("short on time", index=3)  # skip 'talk' ahead of time
    engine.extend(3)
    assert engine.snapshot().step_planned == 13 * 60
    clock.advance(600)
    engine.next()  # passes over the pre-skipped 'talk'
    assert engine.snapshot().step_id == "closing"
    engine.back()
    assert engine.snapshot().step_id == "talk" and 3 not in engine.skipped()  # un-skipped
    engine.jump(4)
    clock.advance(240)
    engine.finish()
    assert engine.status == "finished"
    assert engine.skipped() == {1: "group already knows the rules"}
    assert engine.step_elapsed(1) == 120 and engine.step_elapsed(2) == 600
    assert engine.mandatory_missed() == []
    assert [e.action for e in engine.events] == [
        "start",
        "next",
        "skip",
        "skip",
        "extend",
        "next",
        "back",
        "jump",
        "finish",
    ]


@pytest.mark.parametrize(
    "action,message",
    [
        (lambda e: e.next(), "not started"),
        (lambda e: e.resume(), "not started"),
        (lambda e: e.extend(5), "not started"),
    ],
)
def test_actions_before_start_are_refused(engine, action, message):
    with pytest.raises(EngineError, match=message):
        action(engine)
    assert engine.events == []


def test_illegal_actions_while_running(engine, clock):
    engine.start()
    for action, words in [
        (lambda: engine.start(), "already running"),
        (lambda: engine.resume(), "already running"),
        (lambda: engine.back(), "first step"),
        (lambda: engine.skip("  "), "reason"),
        (lambda: engine.extend(0), "more than 0"),
        (lambda: engine.extend(True), "more than 0"),
        (lambda: engine.extend(61), "at most 60"),
        (lambda: engine.extend(float("nan")), "more than 0"),
        (lambda: engine.jump(99), "no step 99"),
        (lambda: engine.jump(True), "no step True"),
        (lambda: engine.skip("x", index=True), "current or a later"),
        (lambda: engine.jump(0), "already the current"),
        (lambda: engine.shorten(4, 1), "mandatory"),
        (lambda: engine.shorten(2, 5), "shorter than 6"),
        (lambda: engine.next_speaker(), "No round"),
        (lambda: engine.start_round([]), "at least one"),
        (lambda: engine.start_round(["A", "A"]), "twice"),
    ]:
        with pytest.raises(EngineError, match=words):
            action()
    assert [e.action for e in engine.events] == ["start"]
    engine.jump(4)
    with pytest.raises(EngineError, match="last step"):
        engine.next()
    engine.abandon("venue closed")
    with pytest.raises(EngineError, match="abandoned"):
        engine.pause()


def test_a_recorder_that_fails_vetoes_the_action(engine, clock):
    def broken(event):
        if event.action == "next":
            raise RuntimeError("disk full")

    engine.recorder = broken
    engine.start()
    with pytest.raises(RuntimeError):
        engine.next()
    assert engine.snapshot().step_id == "welcome" and len(engine.events) == 1


def test_listeners_see_every_event(engine):
    seen = []
    engine.add_listener(lambda e: seen.append((e.seq, e.action, e.step_id)))
    engine.start()
    engine.next()
    assert seen == [(1, "start", "welcome"), (2, "next", "rules")]


def test_round_talking_time_pass_and_come_back(engine, clock):
    engine.start()
    engine.jump(2)
    engine.start_round(["P1", "P2", "P3", "P4"], start="P3")
    clock.advance(200)  # P3 talks a long time
    engine.next_speaker()
    clock.advance(10)
    engine.pass_speaker(come_back=True)  # P4 passes for now
    clock.advance(60)
    engine.next_speaker()  # P1
    engine.pause()
    clock.advance(500)  # paused: P2's timer must not run
    engine.resume()
    clock.advance(50)
    summary = engine.round_summary()
    assert summary.current == "P2" and summary.current_seconds == 50
    assert summary.speaker_remaining == 120 - 50
    assert summary.waiting == ("P4",)
    engine.next_speaker()
    clock.advance(30)
    engine.next_speaker()  # P4 came back and spoke
    summary = engine.round_summary()
    assert summary.current is None
    assert summary.order == ("P3", "P4", "P1", "P2")
    assert summary.spoken == ("P3", "P1", "P2", "P4") and summary.passed == ()
    assert summary.talk_seconds == {"P3": 200, "P4": 40, "P1": 60, "P2": 50}
    assert summary.over_limit == ("P3",) and summary.unbalanced
    assert summary.balance == pytest.approx(200 / 87.5)
    with pytest.raises(EngineError, match="No round"):
        engine.pass_speaker()


def test_replay_rebuilds_the_same_state(engine, clock, tiny_script):
    engine.start()
    clock.advance(100)
    engine.jump(2)
    engine.start_round(["A", "B"])
    clock.advance(70)
    engine.pass_speaker()
    clock.advance(20)
    engine.extend(2)
    engine.pause()
    clock.advance(999)
    other = FakeClock()
    copy = RunEngine.replay(tiny_script, engine.events, other)
    assert copy.snapshot() == engine.snapshot()
    assert copy.round_summary() == engine.round_summary()
    other.advance(30)
    copy.resume()
    other.advance(30)
    assert copy.snapshot().session_elapsed == 100 + 90 + 30


def test_replay_refuses_a_log_that_does_not_fit_the_plan(engine, clock, tiny_script):
    from dataclasses import replace

    engine.start()
    engine.next()
    engine.skip("known", index=3)
    events = list(engine.events)
    shorter = RunEngine(tiny_script, clock).plan[:1]
    with pytest.raises(EngineError, match="does not match this script at entry 2"):
        RunEngine.replay(shorter, events, clock)
    renamed = [replace(ev, step_id="other") if ev.seq == 2 else ev for ev in events]
    with pytest.raises(EngineError, match="entry 2"):
        RunEngine.replay(tiny_script, renamed, clock)
    broken = [replace(ev, payload={}) if ev.action == "skip" else ev for ev in events]
    with pytest.raises(EngineError, match="damaged at entry 3"):
        RunEngine.replay(tiny_script, broken, clock)
    no_minutes = events[:2] + [
        replace(events[0], seq=3, action="extend", step_index=1, step_id="rules", payload={})
    ]
    with pytest.raises(EngineError, match="damaged at entry 3"):
        RunEngine.replay(tiny_script, no_minutes, clock)


def test_recovery_respects_floors_and_mandatory_steps(engine, clock):
    engine.start()
    clock.advance(12 * 60)  # welcome planned 5: 7 minutes over
    plan = engine.suggest_recovery()
    assert plan.overrun_minutes == 7
    by_id = {c.step_id: c for c in plan.cuts}
    assert set(by_id) <= {"rules", "sharing", "talk"}  # never welcome/closing (mandatory)
    assert by_id["sharing"].suggested_minutes >= 6  # min_minutes floor
    assert all(c.suggested_minutes >= c.planned_minutes / 2 for c in plan.cuts)
    # rules 5->2.5 floor gives 2, sharing 10->6 gives 4, talk 6->3 gives 3: 9 available
    assert plan.fully_covered and plan.covered_minutes == 7
    engine.apply_recovery(plan)
    assert engine.snapshot().projected_overrun <= 60


def test_recovery_reports_what_cannot_be_covered(engine, clock):
    engine.start()
    clock.advance(25 * 60)
    plan = engine.suggest_recovery()
    assert plan.overrun_minutes == 20
    assert plan.covered_minutes == 9 and plan.uncovered_minutes == 11
    assert {c.step_id: c.suggested_minutes for c in plan.cuts} == {
        "rules": 3,
        "sharing": 6,
        "talk": 3,
    }


def test_no_recovery_needed_on_time(engine, clock):
    engine.start()
    clock.advance(60)
    plan = engine.suggest_recovery()
    assert plan.overrun_minutes == 0 and plan.cuts == ()


steps_strategy = st.lists(
    st.builds(
        lambda m, f, mand: StepPlan(
            f"s{m}{f}", "discussion", float(m), float(m) if mand else max(1.0, min(f, m)), mand
        ),
        st.integers(1, 60),
        st.integers(1, 60),
        st.booleans(),
    ),
    min_size=2,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(steps_strategy, st.integers(0, 240), st.integers(0, 10))
def test_recovery_never_breaks_a_floor(plan, overrun_minutes, current):
    plan = [
        StepPlan(f"s{i}", p.kind, p.minutes, p.floor_minutes, p.mandatory)
        for i, p in enumerate(plan)
    ]
    clock = FakeClock()
    engine = RunEngine(plan, clock)
    engine.start()
    current = min(current, len(plan) - 1)
    if current:
        engine.jump(current)
    clock.advance(plan[current].minutes * 60 + overrun_minutes * 60)
    rec = engine.suggest_recovery()
    for cut in rec.cuts:
        step = plan[cut.index]
        assert cut.index > current and not step.mandatory
        assert cut.suggested_minutes >= step.floor_minutes - 1e-9
        assert cut.cut_minutes >= 1
    slack = sum(int(p.minutes - p.floor_minutes) for p in plan[current + 1 :] if not p.mandatory)
    assert rec.covered_minutes == min(rec.overrun_minutes, slack)
    engine.apply_recovery(rec)  # the engine accepts its own plan


ACTIONS = [
    "next",
    "back",
    "jump",
    "skip",
    "skip_later",
    "extend",
    "pause",
    "resume",
    "round",
    "speaker",
    "pass",
    "end_round",
    "shorten",
    "recover",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, 4), st.floats(0, 900, allow_nan=False)),
        max_size=40,
    )
)
def test_any_action_sequence_replays_to_the_same_state(steps):
    """Whatever the facilitator presses, in whatever order: refused actions change
    nothing, time is only counted while running and always lands on exactly one step,
    and the event log alone rebuilds the same engine (what a crash relies on)."""
    from facilitator.scripts.loader import parse_script_text
    from tests.session.conftest import VALID_YAML

    tiny_script = parse_script_text(VALID_YAML, "tiny.yaml")
    clock = FakeClock()
    e = RunEngine(tiny_script, clock)
    e.start()
    for action, n, seconds in steps:
        before = len(e.events)
        running = e.status == "running"
        t0 = e.elapsed()
        clock.advance(seconds)
        assert e.elapsed() == pytest.approx(t0 + (seconds if running else 0.0))
        try:
            {
                "next": e.next,
                "back": e.back,
                "jump": lambda: e.jump(n),
                "skip": lambda: e.skip("r"),
                "skip_later": lambda: e.skip("r", index=n),
                "extend": lambda: e.extend(n + 1),
                "pause": e.pause,
                "resume": e.resume,
                "round": lambda: e.start_round([f"P{i}" for i in range(n + 1)]),
                "speaker": e.next_speaker,
                "pass": lambda: e.pass_speaker(bool(n % 2)),
                "end_round": e.end_round,
                "shorten": lambda: e.shorten(n, 1),
                "recover": lambda: e.recover(seconds),
            }[action]()
        except EngineError:
            assert len(e.events) == before
        total = sum(e.step_elapsed(i) for i in range(len(e.plan)))
        assert total == pytest.approx(e.elapsed(), abs=1e-6)
    e.finish()
    copy = RunEngine.replay(tiny_script, e.events, clock)
    assert copy.outcomes() == e.outcomes()
    assert copy.snapshot() == e.snapshot()
    assert [copy.round_summary(i) for i in range(5)] == [e.round_summary(i) for i in range(5)]
    for summary in filter(None, (e.round_summary(i) for i in range(5))):
        assert summary.current is None  # finishing closes every round
        assert sum(summary.talk_seconds.values()) <= e.step_elapsed(summary.step_index) + 1e-6
