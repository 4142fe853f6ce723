"""Build stores that trip (or do not trip) each review trigger."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from facilitator.store.models import (
    Attendance,
    Group,
    Incident,
    Participant,
    RulesAgreement,
    Session,
    SessionStatus,
    StepEvent,
)

STEPS = (
    "welcome",
    "ground_rules",
    "check_in",
    "sharing_round",
    "break",
    "theme_discussion",
    "safety_check",
    "check_out",
    "closing",
)
FIRST = date(2026, 9, 1)


def make_group(db, name="Circle", owner_id=None, created=None) -> str:
    with db.unit() as s:
        g = Group(
            name=name,
            program_type="mutual_support",
            owner_id=owner_id,
            created_at=datetime.combine(
                created or FIRST - timedelta(days=30), datetime.min.time(), timezone.utc
            ),
        )
        s.add(g)
        s.flush()
        for i in range(8):
            s.add(Participant(group_id=g.id, code=f"P{i:03d}"))
        return g.id


def add_session(
    db,
    group_id,
    day: date,
    *,
    people=6,
    skip=(),
    minutes=85,
    rules=True,
    safety_opened=False,
    practice=False,
    facilitator_id=None,
) -> str:
    start = datetime.combine(day, datetime.min.time(), timezone.utc) + timedelta(hours=18)
    with db.unit() as s:
        sess = Session(
            group_id=group_id,
            script_id="mutual-support-circle",
            script_version="1.0",
            planned_start=start,
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            status=SessionStatus.completed,
            is_practice=practice,
            facilitator_id=facilitator_id,
        )
        s.add(sess)
        s.flush()
        steps = [x for x in STEPS if x not in skip]
        seq = 0
        for i, step in enumerate(steps):
            seq += 1
            s.add(
                StepEvent(
                    session_id=sess.id,
                    seq=seq,
                    action="start" if i == 0 else "next",
                    step_index=STEPS.index(step),
                    step_id=step,
                    elapsed=minutes * 60 * i / len(steps),
                    payload={},
                )
            )
            if safety_opened and i == 3:
                seq += 1
                s.add(
                    StepEvent(
                        session_id=sess.id,
                        seq=seq,
                        action="safety",
                        step_id=step,
                        step_index=STEPS.index(step),
                        elapsed=minutes * 30,
                        payload={},
                    )
                )
        seq += 1
        s.add(
            StepEvent(
                session_id=sess.id,
                seq=seq,
                action="finish",
                step_id=steps[-1],
                step_index=STEPS.index(steps[-1]),
                elapsed=minutes * 60,
                payload={
                    "missed_mandatory": [
                        x
                        for x in skip
                        if x in ("welcome", "ground_rules", "safety_check", "closing")
                    ]
                },
            )
        )
        if rules:
            s.add(
                RulesAgreement(
                    session_id=sess.id,
                    ruleset_id="core",
                    ruleset_version="1",
                    content_hash="0" * 64,
                )
            )
        pids = [
            p.id
            for p in s.query(Participant).filter_by(group_id=group_id).order_by(Participant.code)
        ][:people]
        for pid in pids:
            s.add(Attendance(session_id=sess.id, participant_id=pid))
        return sess.id


def steady_group(db, weeks=8, **kw) -> tuple[str, list[str], date]:
    """A group meeting weekly with nothing to review; returns (group, sessions, last day)."""
    gid = make_group(db, **kw)
    ids = [add_session(db, gid, FIRST + timedelta(weeks=w)) for w in range(weeks)]
    return gid, ids, FIRST + timedelta(weeks=weeks - 1)


def add_incident(
    db,
    group_id,
    session_id,
    *,
    type_="conflict_hostile_dynamics",
    severity=2,
    follow_up="open",
    day=None,
) -> str:
    with db.unit() as s:
        row = Incident(
            group_id=group_id,
            session_id=session_id,
            type=type_,
            severity=severity,
            description="text the supervisor must never see",
            follow_up=follow_up,
        )
        if day is not None:
            row.created_at = datetime.combine(day, datetime.min.time(), timezone.utc)
        s.add(row)
        s.flush()
        return row.id
