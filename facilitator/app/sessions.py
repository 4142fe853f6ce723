"""Sessions as the group and home screens see them: unfinished ones, discard, history.

Qt-free use cases for the UI (and any future CLI command): which sessions were left
unfinished, ending one for good ("discard") through the session engine so the log
says what happened, and a group's past sessions for its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import select

from facilitator.app.access import Principal, acting, in_scope, visible_group_ids
from facilitator.session.persistence import ResumableSession, SessionRunner, find_resumable_sessions
from facilitator.store.db import Database
from facilitator.store.models import Session, SessionStatus
from facilitator.tracking.attendance import attended_count

DISCARD_REASON = "discarded by the facilitator"


def unfinished_sessions(
    db: Database, group_id: Optional[str] = None, *, who: Optional[Principal] = None
) -> list[ResumableSession]:
    """Sessions left running or paused (newest first), all or one group's: only of
    the groups the acting user may see (``sessions.read``)."""
    actor = acting(db, who, "sessions.read")
    found = find_resumable_sessions(db)
    with db.session() as s:
        visible = visible_group_ids(s, actor)
    return [
        f
        for f in found
        if (group_id is None or f.group_id == group_id) and in_scope(visible, f.group_id)
    ]


def discard_session(
    db: Database,
    session_id: str,
    reason: str = DISCARD_REASON,
    *,
    who: Optional[Principal] = None,
) -> None:
    """End an unfinished session for good: the engine records it as abandoned.

    What was recorded (attendance, scores, notes) stays; the session simply no longer
    waits to be resumed and is not counted as a completed session. Only the
    facilitator of the group (``sessions.run``) may.
    """
    from facilitator.app.groups import authorize

    with db.session() as s:
        row = s.get(Session, session_id)
        group_id = row.group_id if row is not None else None
    authorize(db, who, "sessions.run", group_id)
    runner = SessionRunner.resume(db, session_id)
    if runner.engine.status in ("ready", "running", "paused"):
        runner.engine.abandon(reason)


@dataclass(frozen=True)
class SessionLine:
    """One row of a group's session history."""

    session_id: str
    script_id: str
    started_at: Optional[datetime]
    status: str  # "completed", "abandoned", "running", "paused", "planned"
    is_practice: bool
    attended: int


def session_history(
    db: Database, group_id: str, limit: int = 100, *, who: Optional[Principal] = None
) -> list[SessionLine]:
    """The group's sessions, newest first (planned ones never started are left out);
    only for a group the acting user may see (``sessions.read``)."""
    from facilitator.app.groups import authorize

    authorize(db, who, "sessions.read", group_id)
    with db.unit() as s:
        rows = s.scalars(
            select(Session)
            .where(Session.group_id == group_id, Session.status != SessionStatus.planned)
            .order_by(Session.started_at.desc(), Session.created_at.desc())
            .limit(limit)
        ).all()
        return [
            SessionLine(
                r.id,
                r.script_id,
                r.started_at,
                r.status.value,
                r.is_practice,
                attended_count(s, r.id),
            )
            for r in rows
        ]
