"""Attendance: who came to a session, and headcounts for groups without a roster.

``first_time`` is never typed in: it is worked out from the participant's history
of real sessions (practice runs do not count), and recomputed for the whole
participant whenever a mark changes, so entering an older session late still leaves
every flag right.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Group,
    Participant,
    Session,
)
from facilitator.store.tombstones import record_tombstones

ATTENDED = (AttendanceStatus.present, AttendanceStatus.left_early)
MAX_HEADCOUNT = 500


def session_when(sess: Session) -> datetime:
    """The moment a session is dated by: started, else planned, else created."""
    when = sess.started_at or sess.planned_start or sess.created_at
    if when is None:
        return datetime.min.replace(tzinfo=timezone.utc)
    if when.tzinfo is None:  # SQLite hands back naive datetimes; they are stored as UTC
        when = when.replace(tzinfo=timezone.utc)
    return when


def _session_and_group(s: OrmSession, session_id: str) -> tuple[Session, Group]:
    sess = s.get(Session, session_id)
    if sess is None:
        raise InputError(QT_TRANSLATE_NOOP("errors", "That session does not exist."))
    return sess, sess.group


def _as_status(status: AttendanceStatus | str) -> AttendanceStatus:
    try:
        return AttendanceStatus(status)
    except ValueError:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Unknown attendance status '{status}'."),
            params={"status": status},
        ) from None


def mark_attendance(
    s: OrmSession,
    session_id: str,
    participant_id: str,
    status: AttendanceStatus | str = AttendanceStatus.present,
) -> Attendance:
    """Record (or change) one participant's attendance at one session."""
    sess, group = _session_and_group(s, session_id)
    if group.headcount_only:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "This group keeps a headcount only; record the number of people instead."
            )
        )
    participant = s.get(Participant, participant_id)
    if participant is None or participant.group_id != group.id:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "That participant is not in this session's group.")
        )
    status = _as_status(status)
    row = s.scalars(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.participant_id == participant_id
        )
    ).first()
    if row is None:
        row = Attendance(session_id=session_id, participant_id=participant_id, status=status)
        s.add(row)
    else:
        row.status = status
    s.flush()
    recompute_first_time(s, participant_id)
    return row


def unmark_attendance(s: OrmSession, session_id: str, participant_id: str) -> bool:
    row = s.scalars(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.participant_id == participant_id
        )
    ).first()
    if row is None:
        return False
    session = s.get(Session, session_id)
    # an un-marked attendance must also disappear from stores that received it
    record_tombstones(s, "attendance", [row.id], session.group_id if session else None)
    s.delete(row)
    s.flush()
    recompute_first_time(s, participant_id)
    return True


def recompute_first_time(s: OrmSession, participant_id: str) -> None:
    """Set ``first_time`` on the earliest real session the participant attended.

    Absences with notice never count as a first visit; practice sessions are ignored
    and never carry the flag.
    """
    rows = s.execute(
        select(Attendance, Session)
        .join(Session, Session.id == Attendance.session_id)
        .where(Attendance.participant_id == participant_id)
    ).all()
    attended = [
        (session_when(sess), sess.id, att)
        for att, sess in rows
        if att.status in ATTENDED and not sess.is_practice
    ]
    first = min(attended, key=lambda t: (t[0], t[1]))[2] if attended else None
    for att, _sess in rows:
        att.first_time = att is first
    s.flush()


def session_attendance(s: OrmSession, session_id: str) -> list[tuple[Participant, Attendance]]:
    """Roster marks for a session, ordered by code (for the facilitator's screens)."""
    rows = s.execute(
        select(Participant, Attendance)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.session_id == session_id)
        .order_by(Participant.code)
    ).all()
    return [(p, a) for p, a in rows]


def attended_count(s: OrmSession, session_id: str) -> int:
    """People in the room: the headcount for roster-less groups, else present + left early."""
    sess, group = _session_and_group(s, session_id)
    if group.headcount_only or sess.headcount is not None:
        return int(sess.headcount or 0)
    return int(
        s.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.session_id == session_id, Attendance.status.in_(ATTENDED))
        )
        or 0
    )


def set_headcount(s: OrmSession, session_id: str, headcount: int) -> Session:
    """Record how many people came, for a group that keeps no roster or a no-notes
    session (first-responder defusing), which keeps only its headcount."""
    sess, group = _session_and_group(s, session_id)
    if not (group.headcount_only or sess.no_notes):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "This group keeps a list of participants; mark attendance instead."
            )
        )
    if isinstance(headcount, bool) or not isinstance(headcount, int):
        raise InputError(QT_TRANSLATE_NOOP("errors", "The headcount must be a whole number."))
    if not 0 <= headcount <= MAX_HEADCOUNT:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "The headcount must be between 0 and {max_headcount}."),
            params={"max_headcount": MAX_HEADCOUNT},
        )
    sess.headcount = headcount
    s.flush()
    return sess


def set_headcount_only(s: OrmSession, group_id: str, enabled: bool) -> Group:
    """Switch a group between roster and headcount-only mode.

    Switching to headcount-only is refused while the group has participants, so no
    roster data is silently hidden; archive or erase them first.
    """
    group = s.get(Group, group_id)
    if group is None:
        raise InputError(QT_TRANSLATE_NOOP("errors", "That group does not exist."))
    if enabled and not group.headcount_only:
        n = (
            s.scalar(
                select(func.count())
                .select_from(Participant)
                .where(Participant.group_id == group_id, Participant.archived.is_(False))
            )
            or 0
        )
        if n:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This group still has participants on its roster; "
                    "archive or erase them before switching to headcount only.",
                )
            )
    group.headcount_only = enabled
    s.flush()
    return group
