"""Starting, resuming and recording a session: what run mode asks of the store.

Run mode's screens call these; so can the CLI and the tests. Opening a run returns a
:class:`RunContext` (the runner that writes the step log, the script and the plain
run data the views draw); the per-action writes (attendance, scores, notes) are in
:mod:`facilitator.app.run_data`; incidents are recorded here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.app.run_data import RunData, load_run_data
from facilitator.errors import ScriptError
from facilitator.scripts.library import load_script
from facilitator.session.persistence import SessionRunner
from facilitator.scripts.model import Script
from facilitator.store.models import FollowUp, Group, Participant, Session, SessionStatus

#: Follow-up states an incident can be saved with (the form's choices).
FOLLOW_UPS: tuple[str, ...] = tuple(f.value for f in FollowUp)


@dataclass
class RunContext:
    """A session opened for run mode: its runner, its script and the data views show."""

    runner: SessionRunner
    script: Script
    data: RunData


def open_run(
    db: Any,
    group_id: str,
    script_id: str,
    *,
    session_id: Optional[str] = None,
    practice: bool = False,
    clock: Callable[[], float] = time.monotonic,
    who: Any = None,
) -> RunContext:
    """Open run mode's session with everything it shows: a new session of ``script_id``
    for ``group_id``, or ``session_id`` resumed after a crash (its log replayed).

    Roles (issue 14): a real session is run by a facilitator of the group
    (``sessions.run``); a practice session needs ``practice.use``."""
    from facilitator.app.groups import authorize

    if practice:
        actor = authorize(db, who, "practice.use")
    else:
        actor = authorize(db, who, "sessions.run", group_id)
    if session_id:
        runner = SessionRunner.resume(db, session_id, clock=clock)
    else:
        with db.unit() as s:
            planned = load_script(script_id, s)
        runner = SessionRunner.create(
            db,
            group_id,
            planned,
            is_practice=practice,
            no_notes=planned.options.no_notes,
            clock=clock,
        )
    with db.unit() as s:
        sess = s.get(Session, runner.session_id)
        assert sess is not None  # the runner has just created or loaded it
        script = load_script(sess.script_id, s)
        data = load_run_data(s, runner.session_id, script.ground_rules, who=actor)
    return RunContext(runner, script, data)


def step_titles(s: OrmSession, session_id: str) -> dict[str, dict[str, str]]:
    """Step titles of the session's script, so skipped steps are named, not coded."""
    sess = s.get(Session, session_id)
    if sess is None:
        return {}
    try:
        script = load_script(sess.script_id, s)
    except ScriptError:  # a custom script deleted since: fall back to the step ids
        return {}
    return {st.id: {"en": st.title.en, "ar": st.title.ar} for st in script.steps}


def record_incident(
    s: OrmSession,
    group_id: str,
    session_id: Optional[str],
    type_id: str,
    severity: int,
    description: str,
    actions: Iterable[str],
    follow_up: str = FollowUp.open.value,
    follow_up_note: str = "",
    *,
    who: Any = None,
) -> str:
    """Record an incident (no identity on it) with its follow-up; returns its id. By
    whoever runs the session (:func:`facilitator.app.run_data.may_run`), or, outside
    a session, a facilitator of the group."""
    from facilitator.app.groups import authorize_in
    from facilitator.app.run_data import may_run
    from facilitator.session import safety

    if session_id:
        may_run(s, who, session_id)
    else:
        authorize_in(s, who, "sessions.run", group_id)

    row = safety.record_incident(
        s, group_id, session_id, type_id, severity, description, list(actions)
    )
    row.follow_up, row.follow_up_note = FollowUp(follow_up), follow_up_note.strip()
    s.flush()
    return row.id


# -- the demo store's pictures (``--screenshots``) -------------------------------------
def demo_run_group(db: Any, lang: str, preferred_script: str) -> tuple[str, str]:
    """A demo group to picture in run mode: in ``lang`` first, the largest whose script
    has a check-in; returns (group id, script id)."""
    with db.unit() as s:
        found = s.execute(
            select(Group.id, Group.default_script_id, func.count(Participant.id), Group.language)
            .join(Participant, Participant.group_id == Group.id, isouter=True)
            .where(Group.archived.is_(False), Group.headcount_only.is_(False))
            .group_by(Group.id)
            .order_by(func.count(Participant.id).desc())
        ).all()
        # A group meeting in the interface language first: its script text matches the UI.
        rows = [r[:3] for r in sorted(found, key=lambda r: r[3] != lang)]  # stable
        if not rows:
            raise LookupError("the demo store has no group to show in run mode")
        for gid, script_id, _count in rows:
            try:
                script = load_script(script_id or preferred_script, s)
            except ScriptError:
                continue
            if any(st.outcome == "pre" for st in script.steps):
                return gid, script.id
        return rows[0][0], rows[0][1] or preferred_script


def last_completed_session(db: Any, group_id: str, *, who: Any = None) -> Optional[str]:
    """The group's most recent completed real session, if any (``sessions.read``)."""
    from facilitator.app.groups import authorize

    authorize(db, who, "sessions.read", group_id)
    with db.unit() as s:
        return s.scalar(
            select(Session.id)
            .where(
                Session.group_id == group_id,
                Session.status == SessionStatus.completed,
                Session.is_practice.is_(False),
            )
            .order_by(Session.started_at.desc())
            .limit(1)
        )
