"""Each review trigger fires on a store built to trip it, and not on one that is not."""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.app import review
from facilitator.store.models import Group

from .helpers import FIRST, add_incident, add_session, make_group, steady_group


def kinds(db, today):
    return sorted(t.kind for t in review.collect_triggers(db, today))


def test_a_steady_group_raises_nothing(raw_db):
    _, _, last = steady_group(raw_db)
    assert kinds(raw_db, last + timedelta(days=7)) == []


def test_incident_needing_follow_up_with_due_date_from_the_protocol(raw_db):
    gid, ids, last = steady_group(raw_db)
    iid = add_incident(raw_db, gid, ids[-1], severity=2, day=last)
    add_incident(raw_db, gid, ids[-1], severity=1, follow_up="none_needed", day=last)
    trig = [t for t in review.collect_triggers(raw_db, last) if t.kind == "incident_follow_up"]
    assert [t.incident_id for t in trig] == [iid]
    assert trig[0].due_on == last + timedelta(days=7)  # severity 2: protocol says 7 days
    assert not trig[0].risk_to_life
    assert "never see" not in str(trig[0].facts)  # no incident text in the queue
    risk = add_incident(raw_db, gid, None, type_="risk_disclosure", severity=3, day=last)
    trig = {
        t.incident_id: t
        for t in review.collect_triggers(raw_db, last)
        if t.kind == "incident_follow_up"
    }
    assert trig[risk].risk_to_life and trig[risk].due_on == last + timedelta(days=1)


def test_safety_opened_in_a_session(raw_db):
    gid, _, last = steady_group(raw_db)
    assert "safety_opened" not in kinds(raw_db, last)
    sid = add_session(raw_db, gid, last + timedelta(days=7), safety_opened=True)
    trig = [
        t
        for t in review.collect_triggers(raw_db, last + timedelta(days=8))
        if t.kind == "safety_opened"
    ]
    assert [t.session_id for t in trig] == [sid] and trig[0].facts["opened"] == 1


@pytest.mark.parametrize(
    "change, fact",
    [
        ({"skip": ("safety_check",)}, "mandatory_skipped"),
        ({"rules": False, "skip": ("ground_rules",)}, "ground_rules_not_agreed"),
        ({"minutes": 90 + 25}, "overrun_minutes"),
    ],
)
def test_fidelity_problems(raw_db, change, fact):
    gid, _, last = steady_group(raw_db)
    sid = add_session(raw_db, gid, last + timedelta(days=7), **change)
    trig = [
        t for t in review.collect_triggers(raw_db, last + timedelta(days=8)) if t.kind == "fidelity"
    ]
    assert [t.session_id for t in trig] == [sid]
    assert fact in trig[0].facts


def test_a_small_overrun_below_the_threshold_is_not_raised(raw_db):
    gid, _, last = steady_group(raw_db)
    add_session(raw_db, gid, last + timedelta(days=7), minutes=90 + 10)
    assert "fidelity" not in kinds(raw_db, last + timedelta(days=8))


def test_defusing_phases_missing(raw_db):
    from facilitator.store.models import Session, SessionStatus, StepEvent
    from datetime import datetime, timezone

    gid = make_group(raw_db)
    start = datetime.combine(FIRST, datetime.min.time(), timezone.utc)
    with raw_db.unit() as s:
        sess = Session(
            group_id=gid,
            script_id="first-responder-defusing",
            script_version="1",
            started_at=start,
            ended_at=start + timedelta(minutes=40),
            status=SessionStatus.completed,
            no_notes=True,
            headcount=5,
        )
        s.add(sess)
        s.flush()
        s.add(
            StepEvent(
                session_id=sess.id,
                seq=1,
                action="finish",
                step_id="closing",
                payload={"phases_done": ["introduction", "information"]},
            )
        )
        sid = sess.id
    trig = [t for t in review.collect_triggers(raw_db, FIRST) if t.kind == "fidelity"]
    assert [t.session_id for t in trig] == [sid]
    assert trig[0].facts == {"phases_missing": ["exploration"]}


def test_attendance_falling_by_the_set_share(raw_db):
    gid, _, last = steady_group(raw_db, weeks=4)  # 6 people each
    day = last
    for _ in range(4):
        day += timedelta(days=7)
        add_session(raw_db, gid, day, people=3)
    trig = [t for t in review.collect_triggers(raw_db, day) if t.kind == "attendance_drop"]
    assert len(trig) == 1 and trig[0].facts["drop_percent"] == 50
    review.set_thresholds(raw_db, _admin(raw_db), attendance_drop_share=0.6)
    assert "attendance_drop" not in kinds(raw_db, day)


def test_a_group_with_no_session_for_the_set_time(raw_db):
    gid, _, last = steady_group(raw_db)
    assert "group_quiet" not in kinds(raw_db, last + timedelta(days=41))
    trig = [
        t
        for t in review.collect_triggers(raw_db, last + timedelta(days=42))
        if t.kind == "group_quiet"
    ]
    assert [t.group_id for t in trig] == [gid]
    with raw_db.unit() as s:
        s.get(Group, gid).archived = True
    assert "group_quiet" not in kinds(raw_db, last + timedelta(days=60))


def test_practice_sessions_never_raise_items(raw_db):
    gid, _, last = steady_group(raw_db)
    sid = add_session(
        raw_db,
        gid,
        last + timedelta(days=7),
        practice=True,
        skip=("safety_check",),
        safety_opened=True,
    )
    add_incident(raw_db, gid, sid, severity=3)
    assert kinds(raw_db, last + timedelta(days=8)) == []


def _admin(db):
    from facilitator.app.access import Principal
    from facilitator.store.models import User

    with db.unit() as s:
        u = User(display_name="admin")
        s.add(u)
        s.flush()
        return Principal(u.id, "admin", frozenset({"administrator"}))


def test_opening_safety_in_run_mode_is_logged_and_raises_an_item(raw_db):
    """The run engine logs 'safety' when the panel opens; the trigger reads that log."""
    from facilitator.scripts.library import load_script
    from facilitator.session.persistence import SessionRunner

    gid, _, last = steady_group(raw_db)
    with raw_db.unit() as s:
        script = load_script("mutual-support-circle", s)
    runner = SessionRunner.create(raw_db, gid, script)
    runner.engine.start()
    runner.engine.note_safety()
    runner.engine.next()
    runner.engine.finish()
    trig = [
        t
        for t in review.collect_triggers(raw_db, last + timedelta(days=400))
        if t.kind == "safety_opened"
    ]
    assert [t.session_id for t in trig] == [runner.session_id]
