"""The practice use cases over a real store: every entry saved as it happens, results,
history and an exact replay from the stored seed and inputs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from facilitator.app import practice as svc
from facilitator.errors import InputError
from facilitator.practice.engine import ManualClock
from facilitator.store.models_practice import PracticeAction, PracticeAttempt, PracticeEntry

from .conftest import SMALL


def play_through(attempt, clock, answers):
    run = attempt.run
    if run.run.status == "ready":
        attempt.start()
    while not run.done:
        decision = run.pending_decision()
        if decision is not None:
            clock.advance(3.5)
            attempt.choose(answers[decision.id])
            continue
        remaining = run.run.snapshot().step_remaining
        wait = run.seconds_to_next_timed()
        if wait is not None and wait <= remaining:
            clock.advance(wait + 0.5)
            attempt.poll()
            continue
        clock.advance(remaining)
        attempt.poll()
        if run.pending:
            continue
        if run.run.index == len(run.script.steps) - 1:
            return attempt.finish()
        attempt.next_step()
    return attempt.sync_if_ended()


def test_an_attempt_is_saved_as_it_happens_and_replays_exactly(raw_db):
    clock = ManualClock(1000.0)
    attempt = svc.start_attempt(
        raw_db, "suicidal-disclosure-round", "Trainee A", seed=99, clock=clock
    )
    attempt.start()
    with raw_db.session() as s:  # already in the store, before anything else happens
        assert s.scalar(select(func.count()).select_from(PracticeEntry)) == 2
        assert s.scalar(select(func.count()).select_from(PracticeAction)) == 1
    outcome = play_through(
        attempt,
        clock,
        {
            "first_response": "pause",
            "private_talk": "ask_directly",
            "keep_it_secret": "promise",
            "group_after": "acknowledge",
        },
    )
    assert outcome.result == "not_yet" and set(outcome.critical_missed) == {
        "no_secret",
        "connect_help",
    }
    with raw_db.session() as s:
        row = s.get(PracticeAttempt, attempt.id)
        assert row.status == "finished" and row.result == "not_yet" and row.seed == 99
        assert row.scores["boundaries"] == -3 and row.mode == "practice"
        assert row.temperaments == attempt.run.temperaments
    stored = svc.stored_transcript(raw_db, attempt.id)
    assert stored == attempt.run.transcript()
    choices = [e for e in stored if e["kind"] == "choice"]
    assert [c["data"]["response_seconds"] for c in choices] == [3.5] * 4
    replayed = svc.replay_attempt(raw_db, attempt.id)
    assert replayed.transcript() == stored and replayed.outcome == outcome


def test_history_per_trainee_and_assessment_rules(raw_db, tmp_path):
    for trainee, seed in (("A", 1), ("B", 2), ("A", 3)):
        clock = ManualClock()
        attempt = svc.start_attempt(
            raw_db, "silent-member", trainee, seed=seed, clock=clock, mode="assessment"
        )
        play_through(
            attempt,
            clock,
            {
                "at_check_in": "accept",
                "in_the_round": "open_door",
                "at_the_break": "listening_counts",
            },
        )
    mine = svc.history(raw_db, trainee="A")
    assert [h.seed for h in mine] == [1, 3] and all(h.result == "competent" for h in mine)
    assert len(svc.history(raw_db)) == 3
    draft = tmp_path / "draft.yaml"
    draft.write_text(SMALL.replace("status: reviewed", "status: draft"), encoding="utf-8")
    with pytest.raises(InputError, match="only reviewed scenarios"):
        svc.start_attempt(raw_db, str(draft), "A", mode="assessment")
    attempt = svc.start_attempt(raw_db, str(draft), "A", seed=4)  # practice is fine
    with raw_db.session() as s:
        assert s.get(PracticeAttempt, attempt.id).scenario_yaml.startswith("format: 1")
    with pytest.raises(InputError, match="label"):
        svc.start_attempt(raw_db, "silent-member", "  ")


def test_an_abandoned_attempt_is_kept_as_abandoned(raw_db):
    attempt = svc.start_attempt(raw_db, "grief-move-on", "C", seed=5, clock=ManualClock())
    attempt.start()
    attempt.abandon()
    assert [h.status for h in svc.history(raw_db, trainee="C")] == ["abandoned"]
    assert len(svc.list_scenarios()) == 12


def test_an_interrupted_attempt_resumes_where_it_stopped(raw_db):
    clock = ManualClock(500.0)
    first = svc.start_attempt(raw_db, "dominating-member", "D", seed=8, clock=clock)
    first.start()
    for _ in range(3):  # welcome, ground rules, check-in
        clock.advance(first.run.run.snapshot().step_remaining)
        first.next_step()
    clock.advance(200)
    first.poll()
    assert first.run.pending == "interruption"
    del first  # the app is closed mid-decision

    later = ManualClock(9000.0)
    resumed = svc.resume_attempt(raw_db, svc.history(raw_db, trainee="D")[0].id, clock=later)
    assert resumed.run.pending == "interruption" and resumed.run.run.index == 3
    later.advance(6)
    resumed.choose("protect_turn")
    choice = [e for e in resumed.run.entries if e.kind == "choice"][0]
    assert choice.data["response_seconds"] == 6.0  # the closed hours are not counted
    outcome = play_through(
        resumed, later, {"over_time": "summarise_move", "at_the_break": "honest_kind"}
    )
    assert outcome.result == "competent"
    stored = svc.stored_transcript(raw_db, resumed.id)
    assert [e["seq"] for e in stored] == list(range(1, len(stored) + 1))
    assert svc.replay_attempt(raw_db, resumed.id).transcript() == stored
    with pytest.raises(InputError, match="cannot be resumed"):
        svc.resume_attempt(raw_db, resumed.id)


def test_a_finished_or_stopped_attempt_is_not_resumable_and_says_so(raw_db):
    clock = ManualClock(5.0)
    done = svc.start_attempt(raw_db, "grief-move-on", "E", seed=3, clock=clock)
    play_through(done, clock, {d.id: d.options[0].id for d in done.run.scenario.decisions})
    stopped = svc.start_attempt(raw_db, "grief-move-on", "E", seed=4, clock=clock)
    stopped.start()
    stopped.abandon()
    running = svc.start_attempt(raw_db, "grief-move-on", "E", seed=5, clock=clock)
    running.start()
    rows = {h.id: h for h in svc.history(raw_db, trainee="E")}
    assert [rows[a.id].resumable for a in (done, stopped, running)] == [False, False, True]
    for attempt in (done, stopped):
        with pytest.raises(InputError) as err:
            svc.resume_attempt(raw_db, attempt.id, clock=clock)
        assert str(err.value).startswith("This attempt is finished or was stopped")
        assert "open its debrief" in str(err.value)
