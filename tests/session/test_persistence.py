"""A whole session run against a real encrypted store, with a crash in the middle."""

from __future__ import annotations

from datetime import timezone

import pytest

from facilitator.errors import EngineError
from facilitator.session.persistence import (
    SessionRunner,
    event_count,
    find_resumable_sessions,
    load_events,
)
from facilitator.store.models import Session, SessionStatus, real_sessions
from tests.clocks import Clocks


def _session(db, session_id) -> Session:
    with db.unit() as s:
        return s.get(Session, session_id)


def test_full_session_with_crash_and_resume(raw_db, group_id, tiny_script):
    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    sid = runner.session_id
    row = _session(raw_db, sid)
    assert row.status == SessionStatus.planned and row.script_hash == tiny_script.fingerprint
    assert (row.script_id, row.script_version, row.is_practice) == ("tiny-circle", "1.0", False)

    e = runner.engine
    e.start()
    c.advance(240)
    e.next()
    c.advance(60)
    e.pause("latecomers")
    c.advance(300)  # paused: not counted
    e.resume()
    c.advance(180)
    e.extend(2)
    c.advance(240)
    e.next()  # sharing round
    e.start_round(["K7Q2", "M3X9", "Z8P1"], start="M3X9")
    c.advance(150)
    e.next_speaker()
    c.advance(5)
    e.pass_speaker(come_back=True)
    c.advance(90)
    assert _session(raw_db, sid).status == SessionStatus.running
    before = e.snapshot()
    assert before.step_elapsed == 245 and before.session_elapsed == 965

    # --- crash: the engine object is dropped, the room keeps going for 40 seconds
    del runner, e
    c.advance(40)
    c.reboot()
    offers = find_resumable_sessions(raw_db)
    assert [(o.session_id, o.step_id, o.status) for o in offers] == [(sid, "sharing", "running")]
    runner = SessionRunner.resume(raw_db, sid, tiny_script, clock=c.monotonic, wall=c.wall)
    e = runner.engine
    snap = e.snapshot()
    assert snap.step_id == "sharing"
    assert snap.step_elapsed == pytest.approx(245 + 40)
    assert snap.session_elapsed == pytest.approx(965 + 40)
    summary = e.round_summary()
    assert summary.current == "K7Q2" and summary.talk_seconds["K7Q2"] == pytest.approx(130)
    assert summary.waiting == ("Z8P1",)

    c.advance(30)
    e.next_speaker()  # back to Z8P1, who passed earlier
    c.advance(60)
    e.skip("running late")  # skips the sharing remainder, moves to talk
    assert e.snapshot().step_id == "talk"
    c.advance(200)
    e.next()
    c.advance(240)
    e.finish()

    row = _session(raw_db, sid)
    assert row.status == SessionStatus.completed
    assert row.started_at is not None and row.ended_at is not None
    assert (
        row.ended_at.replace(tzinfo=timezone.utc) - row.started_at.replace(tzinfo=timezone.utc)
    ).total_seconds() == pytest.approx(
        240 + 60 + 300 + 180 + 240 + 150 + 5 + 90 + 40 + 30 + 60 + 200 + 240
    )
    log = [(ev.seq, ev.action, ev.step_id) for ev in load_events(raw_db, sid)]
    assert log == [
        (1, "start", "welcome"),
        (2, "next", "rules"),
        (3, "pause", "rules"),
        (4, "resume", "rules"),
        (5, "extend", "rules"),
        (6, "next", "sharing"),
        (7, "round_start", "sharing"),
        (8, "round_next", "sharing"),
        (9, "round_pass", "sharing"),
        (10, "recovered", "sharing"),
        (11, "round_next", "sharing"),
        (12, "skip", "talk"),
        (13, "next", "closing"),
        (14, "round_end", "closing"),
        (15, "finish", "closing"),
    ]
    assert load_events(raw_db, sid)[13].payload == {"index": 2, "not_heard": []}
    events = load_events(raw_db, sid)
    recovered = events[9]
    # the gap runs from the last stored event: 90 s of round plus 40 s of crash
    assert recovered.payload == {"gap_seconds": 130.0, "was_running": True}
    assert recovered.elapsed == pytest.approx(1005)
    assert events[-1].elapsed == pytest.approx(1005 + 30 + 60 + 200 + 240)
    assert find_resumable_sessions(raw_db) == []
    with pytest.raises(EngineError, match="nothing to resume"):
        SessionRunner.resume(raw_db, sid, tiny_script)

    # Per-step figures survive the crash: active seconds, planned minutes after the
    # extension, visits and the skip reason.
    got = [
        (o.step_id, o.actual_seconds, o.planned_minutes, o.visited, o.skipped_reason)
        for o in e.outcomes()
    ]
    assert got == [
        ("welcome", 240, 5, True, None),
        ("rules", 60 + 180 + 240, 7, True, None),
        ("sharing", 150 + 5 + 90 + 40 + 30 + 60, 10, True, "running late"),
        ("talk", 200, 6, True, None),
        ("closing", 240, 4, True, None),
    ]
    summary = e.round_summary(2)
    assert summary.talk_seconds == {"M3X9": 150, "Z8P1": 5 + 60, "K7Q2": 90 + 40 + 30}
    # Z8P1 was back in the chair when the step was skipped; finishing closed that round.
    assert summary.current is None and summary.passed == ("Z8P1",)
    assert summary.spoken == ("M3X9", "K7Q2")
    # The stored log alone rebuilds exactly this state.
    from facilitator.session.engine import EngineEvent, RunEngine

    stored = [
        EngineEvent(r.seq, r.action, r.step_index, r.step_id, r.elapsed, dict(r.payload))
        for r in load_events(raw_db, sid)
    ]
    again = RunEngine.replay(tiny_script, stored, c.monotonic)
    assert again.outcomes() == e.outcomes() and again.status == "finished"


def test_a_paused_session_does_not_count_the_crash_gap(raw_db, group_id, tiny_script):
    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    c.advance(100)
    runner.engine.pause()
    c.advance(3000)
    c.reboot()
    again = SessionRunner.resume(
        raw_db, runner.session_id, tiny_script, clock=c.monotonic, wall=c.wall
    )
    assert again.engine.status == "paused"
    assert again.engine.snapshot().session_elapsed == 100
    assert load_events(raw_db, runner.session_id)[-1].payload == {
        "gap_seconds": 3000.0,
        "was_running": False,
    }


def test_crash_gap_is_capped(raw_db, group_id, tiny_script):
    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    c.advance(2 * 86400)  # the laptop stayed shut for two days
    again = SessionRunner.resume(
        raw_db, runner.session_id, tiny_script, clock=c.monotonic, wall=c.wall, max_gap=3600
    )
    assert again.engine.snapshot().session_elapsed == 3600


def test_practice_sessions_are_flagged_and_left_out_of_real_data(raw_db, group_id, tiny_script):
    c = Clocks()
    practice = SessionRunner.create(
        raw_db, group_id, tiny_script, is_practice=True, clock=c.monotonic, wall=c.wall
    )
    real = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    practice.engine.start()
    real.engine.start()
    c.advance(5)
    with raw_db.unit() as s:
        assert [x.id for x in s.scalars(real_sessions())] == [real.session_id]
    offers = {o.session_id: o.is_practice for o in find_resumable_sessions(raw_db)}
    assert offers == {practice.session_id: True, real.session_id: False}
    assert [o.session_id for o in find_resumable_sessions(raw_db, include_practice=False)] == [
        real.session_id
    ]


def test_a_rejected_action_writes_nothing(raw_db, group_id, tiny_script):
    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    with pytest.raises(EngineError):
        runner.engine.back()
    assert event_count(raw_db, runner.session_id) == 1


def test_resume_refuses_a_changed_script(raw_db, group_id, tiny_script, valid_yaml):
    from facilitator.scripts.loader import parse_script_text

    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    runner.engine.jump(3)
    changed = parse_script_text(valid_yaml.replace("- id: talk", "- id: chat"), "x.yaml")
    with pytest.raises(EngineError, match="changed"):
        SessionRunner.resume(raw_db, runner.session_id, changed, clock=c.monotonic, wall=c.wall)


def test_resume_refuses_a_reordered_script(raw_db, group_id, tiny_script, valid_yaml):
    """Same step ids in a new order: the log's positions no longer mean the same steps."""
    from facilitator.scripts.loader import parse_script_text

    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    runner.engine.next()
    runner.engine.skip("short on time", index=3)  # 'talk', ahead of time
    text = valid_yaml
    talk = text[text.index("  - id: talk") : text.index("  - id: closing")]
    sharing = text[text.index("  - id: sharing") : text.index("  - id: talk")]
    rules_block = text[text.index("  - id: rules") : text.index("  - id: sharing")]
    swapped = text.replace(rules_block + sharing + talk, sharing + rules_block + talk)
    changed = parse_script_text(swapped, "x.yaml")
    assert [s.id for s in changed.steps] == ["welcome", "sharing", "rules", "talk", "closing"]
    with pytest.raises(EngineError, match="changed"):
        SessionRunner.resume(raw_db, runner.session_id, changed, clock=c.monotonic, wall=c.wall)
    # A reworded script (same steps in the same places) still resumes.
    reworded = parse_script_text(valid_yaml.replace("Let us talk.", "Let us talk now."), "y.yaml")
    again = SessionRunner.resume(
        raw_db, runner.session_id, reworded, clock=c.monotonic, wall=c.wall
    )
    assert again.engine.snapshot().step_id == "rules"
    assert again.engine.skipped() == {3: "short on time"}
    # Steps after the skipped one swapped: the skip would now land on the wrong step.
    closing = text[text.index("  - id: closing") :]
    late_swap = text.replace(talk + closing, closing.rstrip("\n") + "\n" + talk)
    late = parse_script_text(late_swap, "z.yaml")
    assert [s.id for s in late.steps][3:] == ["closing", "talk"]
    with pytest.raises(EngineError, match="changed"):
        SessionRunner.resume(raw_db, runner.session_id, late, clock=c.monotonic, wall=c.wall)


def test_no_notes_session_keeps_only_structure(raw_db, group_id, valid_yaml):
    from facilitator.scripts.loader import parse_script_text

    phased = (
        valid_yaml.replace("    kind: welcome\n", "    kind: welcome\n    phase: introduction\n")
        .replace("    kind: round\n", "    kind: round\n    phase: exploration\n")
        .replace("    kind: closing\n", "    kind: closing\n    phase: information\n")
    )
    script = parse_script_text(phased, "phased.yaml")
    c = Clocks()
    runner = SessionRunner.create(
        raw_db, group_id, script, no_notes=True, clock=c.monotonic, wall=c.wall
    )
    e = runner.engine
    e.start()
    c.advance(60)
    e.skip("Crew already briefed")
    e.skip("Crew already briefed on rules")
    assert e.snapshot().step_id == "sharing"
    e.pause("Radio call for K7Q2")
    e.resume()
    e.start_round(["K7Q2", "M3X9", "Z8P1"])
    c.advance(100)
    e.next_speaker()
    e.pass_speaker()
    c.advance(10)
    c.reboot()
    runner = SessionRunner.resume(raw_db, runner.session_id, script, clock=c.monotonic, wall=c.wall)
    e = runner.engine
    e.next_speaker()
    e.jump(4)
    e.finish()
    stored = load_events(raw_db, runner.session_id)
    text = repr([(ev.action, ev.payload) for ev in stored])
    for secret in ("K7Q2", "M3X9", "Z8P1", "briefed", "Radio"):
        assert secret not in text
    starts = [ev.payload for ev in stored if ev.action == "round_start"]
    assert starts == [{"codes": ["#1", "#2", "#3"]}]
    assert [ev.payload.get("code") for ev in stored if ev.action.startswith("round_")][1:] == [
        "#1",
        "#2",
        "#3",
    ]
    assert e.phases_done() == ["exploration", "information"]  # welcome was skipped
    outcomes = {o.step_id: o for o in e.outcomes()}
    assert outcomes["welcome"].skipped_reason is not None and outcomes["welcome"].visited
    assert outcomes["sharing"].actual_seconds == pytest.approx(110)
    assert not outcomes["talk"].visited


def test_defusing_no_notes_record_keeps_date_headcount_and_phases(raw_db, group_id):
    from datetime import date

    from facilitator.scripts.library import load_script
    from facilitator.session.persistence import no_notes_record

    script = load_script("first-responder-defusing")
    c = Clocks()
    runner = SessionRunner.create(
        raw_db, group_id, script, no_notes=True, clock=c.monotonic, wall=c.wall
    )
    sid = runner.session_id
    assert no_notes_record(raw_db, sid) == no_notes_record(raw_db, sid, script)
    assert no_notes_record(raw_db, sid).phases_done == ()
    e = runner.engine
    e.start()
    c.advance(240)
    e.next()
    c.advance(120)
    e.next()  # exploration
    e.start_round(["K7Q2", "M3X9", "Z8P1", "B4N6"])
    c.advance(300)
    with raw_db.unit() as s:
        s.get(Session, sid).headcount = 4
    # Mid-session (or after a crash): worked out from the log.
    mid = no_notes_record(raw_db, sid)
    assert (mid.date, mid.headcount, mid.phases_done) == (
        date(2026, 3, 1),
        4,
        ("introduction", "exploration"),
    )
    e.jump(3)  # information
    c.advance(60)
    e.skip("short on time", index=4)
    e.jump(5)
    c.advance(60)
    e.finish()
    record = no_notes_record(raw_db, sid)
    assert (record.date, record.headcount) == (date(2026, 3, 1), 4)
    assert record.phases_done == ("introduction", "exploration", "information")
    finish = load_events(raw_db, sid)[-1]
    assert finish.action == "finish"
    assert finish.payload["phases_done"] == ["introduction", "exploration", "information"]
    text = repr([ev.payload for ev in load_events(raw_db, sid)])
    assert not any(code in text for code in ("K7Q2", "M3X9", "Z8P1", "B4N6"))


def test_find_resumable_inside_a_unit(raw_db, group_id, tiny_script):
    c = Clocks()
    runner = SessionRunner.create(raw_db, group_id, tiny_script, clock=c.monotonic, wall=c.wall)
    runner.engine.start()
    with raw_db.unit() as s:
        found = find_resumable_sessions(s)
    assert [(f.session_id, f.group_name, f.step_id) for f in found] == [
        (runner.session_id, "Tuesday circle", "welcome")
    ]
