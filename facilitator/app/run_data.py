"""What run mode reads from and writes to the store, as plain functions (no Qt).

Every function takes one ORM session so the UI can run it through the task runner
(``ctx.tasks.run_db``) and tests can call it directly. Writes delegate to the
owning core modules (tracking for attendance, participants and scores; session for
rules); only the session note, which no core module covers yet, is written here.
WHO-5 answers are loaded with the check-in scores and saved through
:func:`facilitator.tracking.measures.record_response` like them, and so are the
answers to the organisation's own measures (:func:`custom_scales` says which a
check-in or check-out step offers; none for headcount-only groups or no-notes
sessions, which keep no per-person answers at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import time
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlcipher3.dbapi2 import OperationalError as CipherOperationalError
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session.rules import RuleSet, effective_rules, load_ruleset, record_agreement
from facilitator.store.models import (
    Attendance,
    Group,
    MeasureDefinition,
    MeasureResponse,
    Note,
    RulesAgreement,
    Session,
    utcnow,
)
from facilitator.tracking import attendance, measures, participants
from facilitator.tracking.attendance import ATTENDED
from facilitator.tracking.custom_measures import list_measures
from facilitator.app.scales import Scale, run_phase, scale_from_spec

Score = tuple[Optional[float], bool]  # (value, passed)


@dataclass(frozen=True)
class Person:
    """A participant as run mode shows them on the facilitator's own screen."""

    id: str
    code: str
    alias: Optional[str] = None

    def label(self) -> str:
        return f"{self.code}  ·  {self.alias}" if self.alias else self.code


@dataclass(frozen=True)
class Who5State:
    """One person's WHO-5 in this session: a 0-100 score or a pass, plus their last
    score from an earlier real session (so a 10-point drop can be noticed)."""

    value: Optional[float]
    passed: bool
    items: tuple[int, ...] = ()
    previous: Optional[float] = None


BUSY_ATTEMPTS = 8
MARKED_STATUSES = ("left_early", "absent_notice")  # shown on the attendance buttons


def in_unit(db: Any, fn: Callable[[OrmSession], Any], attempts: int = BUSY_ATTEMPTS) -> Any:
    """Run ``fn`` in one unit of work, retrying when SQLite reports the store busy.

    Run mode writes from two threads at once: the engine's step log on the UI
    thread and attendance/scores/notes on the task runner's worker. A unit that
    reads before it writes (most of ours) starts a deferred transaction; if the
    other thread commits in between, SQLite refuses the upgrade with "database is
    locked" at once instead of waiting. The whole unit is then simply run again.
    """
    for attempt in range(attempts):
        try:
            with db.unit() as s:
                return fn(s)
        except (OperationalError, CipherOperationalError) as exc:
            # The engine is created with a creator function, so SQLAlchemy does not
            # recognise sqlcipher3's exceptions and they arrive unwrapped.
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class RunData:
    """The store's view of one session, loaded when run mode opens (or resumes)."""

    session_id: str
    group_id: str
    group_name: str
    group_language: str
    headcount_only: bool
    no_notes: bool
    is_practice: bool
    people: list[Person]
    present: list[str]
    newcomers: list[str]
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # phase -> pid -> score
    note: str = ""
    rules: Optional[RuleSet] = None
    rules_agreed: bool = False
    headcount: Optional[int] = None
    who5: dict[str, Who5State] = field(default_factory=dict)  # pid -> this session's WHO-5
    who5_due: bool = False
    who5_spec: dict[str, Any] = field(default_factory=dict)
    # pid -> "left_early" or "absent_notice" (plain "present" is the toggle itself)
    statuses: dict[str, str] = field(default_factory=dict)
    # custom measures offered on the check-in ("pre") and check-out ("post") steps
    custom_scales: dict[str, list[Scale]] = field(default_factory=dict)
    # (measure key, phase) -> pid -> this session's answer
    custom: dict[tuple[str, str], dict[str, Score]] = field(default_factory=dict)

    def aliases(self) -> list[str]:
        return [p.alias for p in self.people if p.alias]


def may_run(s: OrmSession, who: Any, session_id: str) -> Any:
    """Roles (issue 14), checked in the write's own unit of work: a real session is
    read and written by a facilitator of its group (``sessions.run``); a practice
    session by whoever may practise (``practice.use``). Returns the acting user."""
    from facilitator.app.groups import authorize_in

    row = s.get(Session, session_id)
    if row is not None and row.is_practice:
        return authorize_in(s, who, "practice.use")
    return authorize_in(s, who, "sessions.run", row.group_id if row is not None else None)


def load_run_data(
    s: OrmSession, session_id: str, ruleset_id: str | None = None, *, who: Any = None
) -> RunData:
    """Everything run mode shows for ``session_id``; the ground rules start from the
    script's own rule set (``ruleset_id``) with the group's rewordings applied."""
    may_run(s, who, session_id)
    sess = s.get(Session, session_id)
    if sess is None:
        raise InputError(QT_TRANSLATE_NOOP("errors", "That session does not exist."))
    group: Group = sess.group
    people = [Person(p.id, p.code, p.alias) for p in participants.list_participants(s, group.id)]
    rows = list(s.scalars(select(Attendance).where(Attendance.session_id == session_id)))
    present = [a.participant_id for a in rows if a.status in ATTENDED]
    known = {p.id for p in people}
    for p, _a in attendance.session_attendance(s, session_id):  # archived but present
        if p.id not in known:
            people.append(Person(p.id, p.code, p.alias))
    scores: dict[str, dict[str, Score]] = {"pre": {}, "post": {}}
    who5: dict[str, Who5State] = {}
    custom: dict[tuple[str, str], dict[str, Score]] = {}
    for r, key in s.execute(
        select(MeasureResponse, MeasureDefinition.key)
        .join(MeasureDefinition, MeasureDefinition.id == MeasureResponse.measure_id)
        .where(MeasureResponse.session_id == session_id)
    ):
        if key == measures.CHECKIN and r.phase.value in scores:
            scores[r.phase.value][r.participant_id] = (r.value, r.passed)
        elif key == measures.WHO5:
            who5[r.participant_id] = Who5State(
                r.value,
                r.passed,
                tuple(r.items or ()),
                measures.who5_previous(s, r.participant_id, session_id),
            )
        else:
            custom.setdefault((key, r.phase.value), {})[r.participant_id] = (r.value, r.passed)
    note = (
        s.scalar(
            select(Note.body)
            .where(Note.session_id == session_id)
            .order_by(Note.created_at)
            .limit(1)
        )
        or ""
    )
    agreed = (
        s.scalar(
            select(RulesAgreement.id).where(
                RulesAgreement.session_id == session_id, RulesAgreement.agreed.is_(True)
            )
        )
        is not None
    )
    rules = effective_rules(group, base=load_ruleset(ruleset_id) if ruleset_id else None)
    return RunData(
        session_id=session_id,
        group_id=group.id,
        group_name=group.name,
        group_language=group.language or "en",
        headcount_only=group.headcount_only,
        no_notes=sess.no_notes,
        is_practice=sess.is_practice,
        people=people,
        present=present,
        newcomers=[a.participant_id for a in rows if a.first_time],
        scores=scores,
        note=note,
        rules=rules,
        rules_agreed=agreed,
        headcount=sess.headcount,
        who5=who5,
        who5_due=measures.who5_due(s, group, sess),
        who5_spec=dict(measures.get_measure(s, measures.WHO5).spec),
        statuses={
            a.participant_id: a.status.value for a in rows if a.status.value in MARKED_STATUSES
        },
        custom_scales={}
        if group.headcount_only or sess.no_notes
        else custom_scales(s, {key for key, _phase in custom}),
        custom=custom,
    )


def custom_scales(s: OrmSession, answered: set[str]) -> dict[str, list[Scale]]:
    """The organisation's measures each score step offers, by key.

    A retired measure is not offered, unless this session already holds answers
    to it (retired while the session was paused): those may still be corrected,
    as :func:`facilitator.tracking.measures.record_response` allows.
    """
    out: dict[str, list[Scale]] = {"pre": [], "post": []}
    for m in list_measures(s, include_retired=True):
        if m.builtin or (measures.is_retired(m) and m.key not in answered):
            continue
        spec = dict(m.spec or {})
        phases = spec.get("phases") or ("pre", "post", "single")
        for panel in out:
            phase = run_phase(panel, phases)
            if phase is not None:
                out[panel].append(scale_from_spec(m.key, m.title, spec, phase))
    return out


def set_status(
    s: OrmSession, session_id: str, participant_id: str, status: str, *, who: Any = None
) -> None:
    """Record "present", "left_early" or "absent_notice"; "" removes the mark."""
    may_run(s, who, session_id)
    if status:
        attendance.mark_attendance(s, session_id, participant_id, status)
    else:
        attendance.unmark_attendance(s, session_id, participant_id)


def set_present(
    s: OrmSession, session_id: str, participant_id: str, present: bool, *, who: Any = None
) -> bool:
    """Mark or unmark; returns whether this is the participant's first real session."""
    may_run(s, who, session_id)
    if present:
        return attendance.mark_attendance(s, session_id, participant_id).first_time
    attendance.unmark_attendance(s, session_id, participant_id)
    return False


def add_newcomer(s: OrmSession, group_id: str, session_id: str, *, who: Any = None) -> Person:
    """A new code for someone who just walked in, marked present at once."""
    may_run(s, who, session_id)
    p = participants.add_participant(s, group_id)
    attendance.mark_attendance(s, session_id, p.id)
    return Person(p.id, p.code, p.alias)


def record_score(
    s: OrmSession,
    session_id: str,
    participant_id: str,
    phase: str,
    value: Optional[int],
    passed: bool,
    *,
    who: Any = None,
) -> None:
    may_run(s, who, session_id)
    measures.record_response(
        s,
        session_id,
        participant_id,
        measures.CHECKIN,
        phase,
        value=None if passed else value,
        passed=passed,
    )


def record_custom(
    s: OrmSession,
    session_id: str,
    participant_id: str,
    key: str,
    phase: str,
    value: Optional[float],
    passed: bool,
    *,
    who: Any = None,
) -> None:
    """One answer to an organisation's measure (a pass stores no value)."""
    may_run(s, who, session_id)
    measures.record_response(
        s, session_id, participant_id, key, phase, value=None if passed else value, passed=passed
    )


def save_who5(
    s: OrmSession,
    session_id: str,
    participant_id: str,
    items: Optional[list[int]],
    passed: bool,
    *,
    who: Any = None,
) -> Who5State:
    """Store (or replace) one person's WHO-5 from their paper form, or their pass."""
    may_run(s, who, session_id)
    row = measures.record_response(
        s,
        session_id,
        participant_id,
        measures.WHO5,
        "single",
        items=None if passed else items,
        passed=passed,
    )
    return Who5State(
        row.value,
        row.passed,
        tuple(row.items or ()),
        measures.who5_previous(s, participant_id, session_id),
    )


def agree_rules(s: OrmSession, session_id: str, rules: RuleSet, *, who: Any = None) -> str:
    may_run(s, who, session_id)
    return record_agreement(s, session_id, rules, agreed=True).content_hash


def save_note(s: OrmSession, group_id: str, session_id: str, body: str, *, who: Any = None) -> str:
    """Keep one running note per session (created on first save, then updated)."""
    may_run(s, who, session_id)
    note = s.scalar(
        select(Note).where(Note.session_id == session_id).order_by(Note.created_at).limit(1)
    )
    if note is None:
        note = Note(group_id=group_id, session_id=session_id, body=body)
        s.add(note)
    else:
        note.body = body
        note.updated_at = utcnow()
    s.flush()
    return note.id


def set_headcount(s: OrmSession, session_id: str, headcount: int, *, who: Any = None) -> None:
    may_run(s, who, session_id)
    attendance.set_headcount(s, session_id, headcount)
