"""An attempt replays exactly from its seed and its input log, whatever the trainee and
the trainer did: choices, injected events, pauses, step-outs and Safety, at times read
from a live clock that never falls on a whole millisecond."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.errors import EngineError
from facilitator.practice.engine import ManualClock, PracticeRun
from facilitator.practice.loader import parse_scenario_text
from facilitator.scripts.library import load_script

from .conftest import SMALL

SMALL_SCENARIO = parse_scenario_text(SMALL, "small.yaml")

MOVES = ("wait", "poll", "next", "choose", "inject", "pause", "resume", "step_out", "safety")


class LiveClock(ManualClock):
    """Like time.monotonic: readings with sub-millisecond noise."""

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, float(seconds)) + 0.000_123_456_7


def drive(run, clock: ManualClock, moves, picks, waits) -> None:
    """What a trainee and a trainer might do, in any order; refusals are part of it."""
    run.start()
    for move, pick, wait in zip(moves, picks, waits):
        if run.done:
            break
        clock.advance(wait)
        try:
            if move == "poll":
                run.poll()
            elif move == "next":
                if run.run.index == len(run.script.steps) - 1:
                    run.finish()
                else:
                    run.next_step()
            elif move == "choose" and run.pending:
                options = run.pending_decision().options
                run.choose(options[pick % len(options)].id)
            elif move == "inject":
                left = [e.id for e in run.scenario.events if e.id not in run.fired]
                if left:
                    run.inject(left[pick % len(left)])
            elif move in ("pause", "step_out"):  # step out pauses, as the trainer's pause does
                run.pause()
            elif move == "resume":
                run.resume()
            elif move == "safety":
                run.open_safety()
        except EngineError:
            pass  # refused inputs are not logged, and not replayed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenario_id=st.sampled_from(["suicidal-disclosure-round", "small"]),
    seed=st.integers(0, 2**31 - 1),
    start=st.floats(0.0, 1e6, allow_nan=False),
    moves=st.lists(st.sampled_from(MOVES), min_size=5, max_size=60),
    picks=st.lists(st.integers(0, 10), min_size=60, max_size=60),
    waits=st.lists(st.floats(0.0, 400.0, allow_nan=False), min_size=60, max_size=60),
)
def test_random_attempts_replay_identically(
    builtins, scenario_id, seed, start, moves, picks, waits
):
    scenario = SMALL_SCENARIO if scenario_id == "small" else builtins[scenario_id]
    script = load_script(scenario.script)
    clock = LiveClock(start + math.pi)
    run = PracticeRun(scenario, script, seed, clock=clock)
    drive(run, clock, moves, picks, waits)
    again = PracticeRun.replay(scenario, script, seed, "practice", run.actions)
    assert again.transcript() == run.transcript()
    assert again.outcome == run.outcome and again.fired == run.fired
    assert again.trainer_paused == run.trainer_paused and again.pending == run.pending


def test_next_on_the_last_step_is_refused_before_it_is_logged(builtins):
    scenario = builtins["suicidal-disclosure-round"]
    clock = LiveClock(10.0)
    run = PracticeRun(scenario, load_script(scenario.script), 5, clock=clock)
    run.start()
    while run.run.index < len(run.script.steps) - 1 or run.pending:
        clock.advance(3.0)
        if run.pending:
            run.choose(run.pending_decision().options[0].id)
        else:
            run.next_step()
    if run.done:
        return
    logged = len(run.actions)
    try:
        run.next_step()
    except EngineError as exc:
        assert "last step" in str(exc)
    assert len(run.actions) == logged
    again = PracticeRun.replay(scenario, run.script, 5, "practice", run.actions)
    assert again.transcript() == run.transcript()


def test_the_stored_attempt_with_inject_pause_step_out_and_safety_replays_the_same(raw_db):
    clock = LiveClock(7_654.321_987)
    attempt = svc.start_attempt(
        raw_db, "suicidal-disclosure-round", "Sam", seed=1_319_491_430, clock=clock
    )
    attempt.start()
    for _ in range(3):
        clock.advance(61.7)
        attempt.next_step()
    clock.advance(12.3)
    attempt.inject("disclosure")  # the trainer brings the disclosure forward
    clock.advance(4.2)
    attempt.open_safety()
    attempt.pause()  # the trainee steps out
    clock.advance(95.0)
    attempt.resume()
    clock.advance(8.8)
    attempt.choose("pause")
    while attempt.run.pending:
        clock.advance(5.55)
        attempt.choose(attempt.run.pending_decision().options[0].id)
    clock.advance(33.3)
    attempt.pause()
    clock.advance(20.0)
    attempt.resume()
    clock.advance(1000.0)
    attempt.poll()
    while not attempt.run.done:
        clock.advance(7.77)
        if attempt.run.pending:
            attempt.choose(attempt.run.pending_decision().options[0].id)
        elif attempt.run.run.index == len(attempt.run.script.steps) - 1:
            attempt.finish()
        else:
            attempt.next_step()
    lines, same = review.replay_transcript(raw_db, attempt.id, "en")
    assert same, "the replay differs from the stored transcript"
    stored = svc.stored_transcript(raw_db, attempt.id)
    assert svc.replay_attempt(raw_db, attempt.id).transcript() == stored
    assert any(e["kind"] == "event" and e["data"]["injected"] for e in stored)
    assert {"paused", "resumed", "safety"} <= {e["kind"] for e in stored}
