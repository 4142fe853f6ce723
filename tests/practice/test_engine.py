"""The practice engine over the real run engine: timing, decisions, replay, modes."""

from __future__ import annotations

import pytest

from facilitator.errors import EngineError
from facilitator.practice.engine import ManualClock, PracticeRun, autoplay
from facilitator.practice.loader import parse_scenario_text
from facilitator.scripts.library import load_script

from .conftest import SMALL


@pytest.fixture
def small():
    return parse_scenario_text(SMALL, "small.yaml")


def new_run(scenario, seed=1, mode="practice"):
    clock = ManualClock(100.0)
    return PracticeRun(scenario, load_script(scenario.script), seed, mode, clock=clock), clock


def test_decision_pauses_the_step_timer_and_records_the_response_time(small):
    run, clock = new_run(small)
    run.start()
    clock.advance(5 * 60)  # welcome
    run.next_step()
    clock.advance(7 * 60)  # ground rules
    run.next_step()
    clock.advance(60)
    assert run.poll() == [] and run.pending is None  # the event is due at 2 min
    clock.advance(61)
    fired = run.poll()
    assert [e.kind for e in fired][:2] == ["event", "decision"]
    assert run.pending == "d1" and run.run.status == "paused"
    step_before, session_before = run.run.step_elapsed(), run.run.elapsed()
    clock.advance(42.5)  # the trainee thinks
    assert run.run.step_elapsed() == step_before and run.run.elapsed() == session_before
    entry = run.choose("good")
    assert entry.data["response_seconds"] == 42.5 and entry.data["best"] is True
    assert run.run.status == "running"
    clock.advance(10)
    assert run.run.step_elapsed() == pytest.approx(step_before + 10)


def test_events_come_due_on_the_session_clock_not_on_polls(small):
    run, clock = new_run(small)
    run.start()
    clock.advance(3600)  # nobody moved on: still in the welcome step
    assert run.poll() == []
    run.next_step()
    run.next_step()  # check_in reached late: the event waits for its 2 minutes in it
    assert run.pending is None
    run.next_step()  # left check_in early: what was going to happen still happens
    assert run.pending == "d1"


def test_a_state_condition_fires_its_event(small):
    run, clock = new_run(small, seed=1)
    autoplay_choices = {"d1": "bad", "d2": "follow"}
    outcome = autoplay(run, lambda r, d: autoplay_choices[d.id], clock)
    start = small.participant("AA1").state.distress + (
        1 if run.temperaments["AA1"] == "anxious" else 0
    )
    if start + 2 >= 8:
        assert "upset" in run.fired and outcome.decisions_reached == ("d1", "d2")
    else:
        assert "upset" not in run.fired and outcome.decisions_reached == ("d1",)
    changes = [e for e in run.entries if e.kind == "state"]
    assert changes and changes[0].data == {
        "who": "AA1",
        "var": "distress",
        "from": start,
        "to": start + 2,
        "source": "d1.bad",
    }


def test_the_seed_draws_temperaments_and_both_are_seen(small):
    seen = {new_run(small, seed=s)[0].temperaments["AA1"] for s in range(40)}
    assert seen == {"steady", "anxious"}
    assert new_run(small, seed=7)[0].temperaments == new_run(small, seed=7)[0].temperaments


def test_replay_with_the_same_seed_gives_the_same_transcript(builtins):
    scenario = builtins["suicidal-disclosure-round"]
    run, clock = new_run(scenario, seed=12345)
    answers = iter(["move_on", "follow", "ask_directly", "call_together", "acknowledge"])
    autoplay(run, lambda r, d: next(answers), clock, think_seconds=lambda r, d: 7.25)
    again = PracticeRun.replay(
        scenario, load_script(scenario.script), 12345, "practice", [a.__dict__ for a in run.actions]
    )
    assert again.transcript() == run.transcript()
    assert again.outcome == run.outcome and again.temperaments == run.temperaments
    other, _ = new_run(scenario, seed=54321)
    assert (other.jitter, other.temperaments) != (run.jitter, run.temperaments)
    try:  # another seed's draws do not fit these inputs: a different story, or a refusal
        assert (
            PracticeRun.replay(
                scenario, load_script(scenario.script), 54321, "practice", run.actions
            ).transcript()
            != run.transcript()
        )
    except EngineError:
        pass


def test_assessment_mode_holds_back_coach_notes_and_feedback(small):
    run, clock = new_run(small, mode="assessment")
    run.start()
    run.next_step()
    run.next_step()
    clock.advance(150)
    run.poll()
    assert "coach" not in [e.kind for e in run.visible_entries()]
    run.choose("meh")
    assert "feedback" not in [e.kind for e in run.visible_entries()]
    practice, pclock = new_run(small, mode="practice")
    practice.start()
    practice.next_step()
    practice.next_step()
    pclock.advance(150)
    practice.poll()
    practice.choose("meh")
    assert {"coach", "feedback"} <= {e.kind for e in practice.visible_entries()}
    while not run.done:
        if run.run.index == len(run.script.steps) - 1:
            run.finish()
        else:
            run.next_step()
    assert "feedback" in [e.kind for e in run.visible_entries()]  # shown at the end


def test_trainer_pause_inject_and_resume(small):
    run, clock = new_run(small)
    run.start()
    run.pause()
    clock.advance(600)
    assert run.run.elapsed() == 0 and run.poll() == []
    run.inject("upset")  # the trainer brings an event forward
    assert run.pending == "d2"
    run.choose("stay")
    assert run.run.status == "paused"  # still paused by the trainer
    run.resume()
    assert run.run.status == "running"
    with pytest.raises(EngineError, match="already happened"):
        run.inject("upset")
    with pytest.raises(EngineError, match="no event"):
        run.inject("nope")


def test_refusals_are_plain_errors(small):
    run, _ = new_run(small)
    with pytest.raises(EngineError, match="not started"):
        run.choose("good")
    run.start()
    with pytest.raises(EngineError, match="no decision"):
        run.choose("good")
    run.next_step()
    run.next_step()
    run.next_step()
    with pytest.raises(EngineError, match="no option 'zzz'"):
        run.choose("zzz")
    with pytest.raises(EngineError, match="Answer the decision first"):
        run.next_step()
    with pytest.raises(EngineError, match="seed"):
        PracticeRun(small, load_script("mutual-support-circle"), -1)
    with pytest.raises(EngineError, match="runs on"):
        PracticeRun(small, load_script("grief-loss-circle"), 1)


def test_an_unreached_critical_decision_counts_as_missed(small):
    run, clock = new_run(small)
    run.start()
    outcome = run.finish()  # ended before anything happened
    assert outcome.critical_missed == ("be_kind",) and outcome.result == "not_yet"
    assert outcome.possible == 0 and outcome.percent == 0.0


def test_option_minutes_extend_the_step_on_the_run_engine(builtins):
    scenario = builtins["dominating-member"]
    run, clock = new_run(scenario)
    choose = {"interruption": "protect_turn", "over_time": "extend", "at_the_break": "fine"}
    autoplay(run, lambda r, d: choose[d.id], clock)
    assert [e.action for e in run.run.events].count("extend") == 1
    assert run.run.elapsed() == pytest.approx((90 + 15) * 60, abs=1)


def test_an_option_can_end_the_scenario(small):
    text = SMALL.replace(
        "        scores: {group_dynamics: -2}",
        "        scores: {group_dynamics: -2}\n        ends: true",
    )
    scenario = parse_scenario_text(text, "s.yaml")
    run, clock = new_run(scenario)
    run.start()
    run.inject("upset")
    run.choose("shout")
    assert run.done and run.outcome is not None and run.run.status == "finished"
    finish = run.entries[-1]
    assert finish.kind == "finish" and finish.data["how"] == "ended_by_option"
    assert finish.data["unfired"] == ["first"]
    with pytest.raises(EngineError, match="has ended"):
        run.next_step()
    bad = text.replace("        ends: true", "        ends: true\n        next: d1")
    from facilitator.practice.loader import ScenarioValidationError

    with pytest.raises(ScenarioValidationError, match="not both"):
        parse_scenario_text(bad, "s.yaml")


def test_a_second_event_waits_while_a_decision_is_open(small):
    run, clock = new_run(small)
    run.start()
    run.next_step()
    run.next_step()
    clock.advance(121)
    run.poll()
    assert run.pending == "d1"
    run.inject("upset")  # the trainer brings the other event forward meanwhile
    assert run.pending == "d1" and run._queue == ["d2"]
    run.choose("good")
    assert run.pending == "d2"  # the queued decision opens next, still paused
    assert run.run.status == "paused"
    run.choose("stay")
    assert run.run.status == "running"
