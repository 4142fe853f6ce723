"""Read the store into the plain rows :mod:`analytics` computes on.

This is the only place the numbers touch SQL. Queries use Core selects returning
tuples (no ORM objects) so a program report over a year of twenty groups loads in a
fraction of a second. Practice sessions are filtered out here, in SQL, and every
other table is joined to the real sessions only.

A no-notes session (first-responder defusing) keeps only its date, its headcount
and the phases done, so that is all it brings into a dataset: its attendance marks
become a headcount, and its scores and step log are left out. An incident recorded
in it still counts by type, severity and follow-up (its text is never loaded), so a
supervisor sees that a risk was met.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Collection

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import ScriptError
from facilitator.scripts.library import load_script
from facilitator.store.models import (
    Attendance,
    Group,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Participant,
    RulesAgreement,
    Session,
    StepEvent,
)
from facilitator.tracking.analytics import (
    ATTENDED,
    AttendanceRow,
    IncidentRow,
    ResponseRow,
    SessionRow,
    StepRow,
)
from facilitator.tracking.fidelity import ScriptInfo


def _day(*moments: datetime | None) -> date:
    for m in moments:
        if m is not None:
            if m.tzinfo is None:
                m = m.replace(tzinfo=timezone.utc)
            return m.date()
    return date.min


def _val(x: Any) -> Any:
    return getattr(x, "value", x)  # enums come back as enum members


@dataclass
class Dataset:
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, type)
    sessions: list[SessionRow] = field(default_factory=list)
    attendance: list[AttendanceRow] = field(default_factory=list)
    responses: list[ResponseRow] = field(default_factory=list)
    incidents: list[IncidentRow] = field(default_factory=list)
    steps: list[StepRow] = field(default_factory=list)
    scripts: dict[str, ScriptInfo] = field(default_factory=dict)
    # participant id -> (age band, gender), each None when not asked; program report only
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def for_group(self, group_id: str) -> "Dataset":
        ids = {s.id for s in self.sessions if s.group_id == group_id}
        came = {a.participant_id for a in self.attendance if a.session_id in ids}
        return Dataset(
            {group_id: self.groups[group_id]} if group_id in self.groups else {},
            [s for s in self.sessions if s.id in ids],
            [a for a in self.attendance if a.session_id in ids],
            [r for r in self.responses if r.session_id in ids],
            [i for i in self.incidents if i.group_id == group_id],
            [e for e in self.steps if e.session_id in ids],
            self.scripts,
            {pid: d for pid, d in self.people.items() if pid in came},
        )


def load_dataset(
    s: OrmSession,
    group_ids: Collection[str] | None = None,
    *,
    with_steps: bool = True,
    practice: bool = False,
    details_from: date | None = None,
    details_to: date | None = None,
) -> Dataset:
    """All real-session data for the given groups (default: every group).

    The whole history is loaded, not only a period: "new" and "returning" depend on
    a participant's earlier visits. ``practice=True`` loads practice sessions only,
    for a report that is explicitly about practice.

    ``details_from``/``details_to`` (the supervisor dashboard) load answers and step
    logs only for sessions on those days: every report block reads them through the
    period's held sessions, so the figures are the same (tests/supervision/
    test_dashboard.py compares them with the full load) at a fraction of the rows.
    """
    c = s.connection()  # Core rows, not ORM loading: several times faster on a year of data
    gq = select(Group.id, Group.name, Group.program_type)
    if group_ids is not None:
        gq = gq.where(Group.id.in_(list(group_ids)))
    groups = {g: (n, t) for g, n, t in c.execute(gq)}
    sq = select(
        Session.id,
        Session.group_id,
        Session.started_at,
        Session.planned_start,
        Session.created_at,
        Session.ended_at,
        Session.status,
        Session.script_id,
        Session.headcount,
        Session.is_practice,
        Session.no_notes,
    ).where(Session.is_practice.is_(practice), Session.group_id.in_(list(groups)))
    reviewed = {
        sid
        for (sid,) in c.execute(
            select(RulesAgreement.session_id)
            .join(Session, Session.id == RulesAgreement.session_id)
            .where(RulesAgreement.agreed.is_(True), Session.group_id.in_(list(groups)))
        )
    }
    rows = list(c.execute(sq))
    real_ids = Session.id.in_(
        select(Session.id).where(
            Session.is_practice.is_(practice), Session.group_id.in_(list(groups))
        )
    )
    detail_ids = real_ids
    if details_from is not None or details_to is not None:
        lo, hi = details_from or date.min, details_to or date.max
        detail_ids = Session.id.in_([r[0] for r in rows if lo <= _day(r[2], r[3], r[4]) <= hi])
    quiet = {r[0] for r in rows if r[-1]}  # no-notes sessions
    attendance: list[AttendanceRow] = []
    quiet_count: Counter[str] = Counter()
    for sid, pid, st in c.execute(
        select(Attendance.session_id, Attendance.participant_id, Attendance.status)
        .join(Session, Session.id == Attendance.session_id)
        .where(real_ids)
    ):
        if sid not in quiet:
            attendance.append(AttendanceRow(sid, pid, _val(st)))
        elif _val(st) in ATTENDED:
            quiet_count[sid] += 1  # who came is not kept, only how many
    sessions = []
    for sid, gid, started, planned, created, ended, status, script, head, prac, nn in rows:
        actual = None
        if started is not None and ended is not None:
            actual = (ended - started).total_seconds() / 60.0
        if nn:
            head = head if head is not None else quiet_count.get(sid, 0)
        sessions.append(
            SessionRow(
                sid,
                gid,
                _day(started, planned, created),
                _val(status),
                script,
                head,
                bool(prac),
                None,
                actual,
                sid in reviewed and not nn,
                bool(nn),
            )
        )
    keys = dict(c.execute(select(MeasureDefinition.id, MeasureDefinition.key)).all())
    responses = [
        ResponseRow(sid, pid, keys.get(mid, mid), _val(ph), v, bool(pa))
        for sid, pid, mid, ph, v, pa in c.execute(
            select(
                MeasureResponse.session_id,
                MeasureResponse.participant_id,
                MeasureResponse.measure_id,
                MeasureResponse.phase,
                MeasureResponse.value,
                MeasureResponse.passed,
            )
            .join(Session, Session.id == MeasureResponse.session_id)
            .where(detail_ids)
        )
        if sid not in quiet
    ]
    same_kind = {r[0] for r in rows}  # every session of this practice flag
    incidents = []
    for gid, inc_sid, typ, fu, sev, created in c.execute(
        select(
            Incident.group_id,
            Incident.session_id,
            Incident.type,
            Incident.follow_up,
            Incident.severity,
            Incident.created_at,
        ).where(Incident.group_id.in_(list(groups)))
    ):
        if inc_sid is not None and inc_sid not in same_kind:
            # tied to a practice session (or, for practice=True, a real one). An incident
            # in a no-notes session still counts by type, severity and follow-up: a
            # supervisor must see that a risk was met; its text is never loaded here.
            continue
        if inc_sid is None and practice:
            continue
        incidents.append(IncidentRow(gid, inc_sid, typ, _val(fu), sev, _day(created)))
    steps: list[StepRow] = []
    if with_steps:
        steps = [
            StepRow(sid, seq, act, stp, el or 0.0, pl or {})
            for sid, seq, act, stp, el, pl in c.execute(
                select(
                    StepEvent.session_id,
                    StepEvent.seq,
                    StepEvent.action,
                    StepEvent.step_id,
                    StepEvent.elapsed,
                    StepEvent.payload,
                )
                .join(Session, Session.id == StepEvent.session_id)
                .where(detail_ids)
            )
            if sid not in quiet
        ]
    scripts = load_script_infos(s, {x.script_id for x in sessions})
    attenders = {a.participant_id for a in attendance}
    people = {
        pid: (band, gender)
        for pid, band, gender in c.execute(
            select(Participant.id, Participant.age_band, Participant.gender).where(
                Participant.group_id.in_(list(groups))
            )
        )
        if pid in attenders
    }
    return Dataset(groups, sessions, attendance, responses, incidents, steps, scripts, people)


def load_script_infos(s: OrmSession, script_ids: Collection[str]) -> dict[str, ScriptInfo]:
    """Script facts per id, from the script the run engine would load for that id
    (:func:`facilitator.scripts.library.load_script`: a built-in, else the store's
    custom script). An id no script answers to (a custom script deleted since, or one
    that no longer validates) has no facts: its sessions count without a plan."""
    out: dict[str, ScriptInfo] = {}
    for sid in sorted(set(script_ids)):
        try:
            out[sid] = ScriptInfo.of(load_script(sid, s))
        except ScriptError:
            continue
    return out
