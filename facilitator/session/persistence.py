"""Wire a run engine to the store so a session survives a crash or a power cut.

Each engine event is written as a ``StepEvent`` row in its own short transaction
*before* it takes effect (the engine's recorder hook), together with the session's
status and start/end times. After a crash, :meth:`SessionRunner.resume` replays the
log into a fresh engine. If the session was running when the app died, the room
kept going, so the wall-clock time since the last event counts as elapsed (capped,
so a laptop left closed overnight does not produce a twelve-hour step); if it was
paused, it does not. The restart itself is logged as a ``recovered`` event.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable, Optional

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession

from facilitator import steplog
from facilitator.errors import EngineError, StoreError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session.engine import Clock, EngineEvent, RunEngine
from facilitator.scripts.model import Script
from facilitator.store.db import Database
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Group,
    Session,
    SessionStatus,
    StepEvent,
    utcnow,
)

MAX_CRASH_GAP_SECONDS = 4 * 3600
NO_NOTES_REASON = "-"
_NOTE_KEYS = frozenset({"reason", "codes", "code", "not_heard"})
WallClock = Callable[[], datetime]

_STATUS_AFTER = {
    "start": SessionStatus.running,
    "resume": SessionStatus.running,
    "pause": SessionStatus.paused,
    "finish": SessionStatus.completed,
    "abandon": SessionStatus.abandoned,
}


def _aware(dt: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class ResumableSession:
    """A session that was running or paused when the app last stopped."""

    session_id: str
    group_id: str
    group_name: str
    script_id: str
    status: str
    is_practice: bool
    started_at: Optional[datetime]
    last_event_at: Optional[datetime]
    step_index: Optional[int]
    step_id: Optional[str]
    elapsed: float


class SessionRunner:
    """A :class:`RunEngine` whose every event is persisted as it happens.

    Build one with :meth:`create` (new session) or :meth:`resume` (after a crash).
    Drive the session through ``runner.engine``; the runner needs no further calls.
    """

    def __init__(
        self,
        db: Database,
        session_id: str,
        engine: RunEngine,
        wall: WallClock = utcnow,
        no_notes: bool = False,
    ) -> None:
        self.db = db
        self.session_id = session_id
        self.engine = engine
        self.no_notes = no_notes
        self._seats: dict[str, str] = {}
        self._wall = wall
        engine.recorder = self._record

    @classmethod
    def create(
        cls,
        db: Database,
        group_id: str,
        script: Script,
        *,
        is_practice: bool = False,
        no_notes: bool = False,
        facilitator_id: str | None = None,
        clock: Clock = time.monotonic,
        wall: WallClock = utcnow,
    ) -> SessionRunner:
        """Create a planned session for ``script`` (not yet started)."""
        with db.unit() as s:
            if s.get(Group, group_id) is None:
                raise StoreError(QT_TRANSLATE_NOOP("errors", "That group does not exist."))
            row = Session(
                group_id=group_id,
                script_id=script.id,
                script_version=script.version,
                script_hash=script.fingerprint,
                status=SessionStatus.planned,
                is_practice=bool(is_practice),
                no_notes=bool(no_notes),
                facilitator_id=facilitator_id,
            )
            s.add(row)
            s.flush()
            session_id = row.id
        return cls(db, session_id, RunEngine(script, clock), wall, no_notes=bool(no_notes))

    @classmethod
    def resume(
        cls,
        db: Database,
        session_id: str,
        script: Script | None = None,
        *,
        clock: Clock = time.monotonic,
        wall: WallClock = utcnow,
        max_gap: float = MAX_CRASH_GAP_SECONDS,
    ) -> SessionRunner:
        """Rebuild the engine from the stored log and log the restart.

        ``script`` defaults to the session's script from the library. A script whose
        steps changed since the session began cannot be resumed safely.
        """
        with db.unit() as s:
            row = s.get(Session, session_id)
            if row is None:
                raise EngineError(QT_TRANSLATE_NOOP("errors", "That session does not exist."))
            if row.status not in (SessionStatus.running, SessionStatus.paused):
                raise EngineError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "That session is not running or paused, so there is nothing to resume.",
                    )
                )
            if script is None:
                from facilitator.scripts.library import load_script

                script = load_script(row.script_id, s)
            stored_hash, no_notes = row.script_hash, row.no_notes
            rows = list(
                s.scalars(
                    select(StepEvent)
                    .where(StepEvent.session_id == session_id)
                    .order_by(StepEvent.seq)
                )
            )
            events = [
                EngineEvent(
                    r.seq, r.action, r.step_index, r.step_id, r.elapsed, dict(r.payload or {})
                )
                for r in rows
            ]
            last_at = _aware(rows[-1].at) if rows else None
        if stored_hash and stored_hash != script.fingerprint:
            # Reworded texts are fine; steps moved, removed or renamed are not, since
            # the log refers to steps by position.
            ids = [st.id for st in script.steps]

            def moved(index: object, step_id: object) -> bool:
                return (
                    not isinstance(index, int) or not 0 <= index < len(ids) or ids[index] != step_id
                )

            if any(
                (e.step_index is not None and moved(e.step_index, e.step_id))
                or (e.action == "skip" and moved(e.payload.get("index"), e.payload.get("step")))
                for e in events
            ):
                raise EngineError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The script was changed since this session started, so it cannot be resumed.",
                    )
                )
        engine = RunEngine.replay(script, events, clock)
        runner = cls(db, session_id, engine, wall, no_notes=no_notes)
        if no_notes:  # the stored round already uses seat labels
            for summary in (engine.round_summary(i) for i in range(len(engine.plan))):
                if summary is not None:
                    runner._seats.update({c: c for c in summary.order})
        if engine.status in ("running", "paused"):
            gap = 0.0
            if last_at is not None:
                gap = min(max(0.0, (runner._wall() - last_at).total_seconds()), max_gap)
            engine.recover(gap)
        return runner

    def _stored_payload(self, event: EngineEvent) -> dict:
        """The payload as written. A no-notes session (first-responder defusing) keeps
        only structure: free-text reasons are dropped and participant codes become
        seat positions, so the log holds times, steps and phases and nothing else."""
        if not self.no_notes:
            return dict(event.payload)
        out = {k: v for k, v in event.payload.items() if k not in _NOTE_KEYS}
        if "reason" in event.payload:
            out["reason"] = NO_NOTES_REASON
        if event.action == "round_start":
            self._seats = {c: f"#{i + 1}" for i, c in enumerate(event.payload["codes"])}
            out["codes"] = list(self._seats.values())
        for key in ("code",):
            if key in event.payload:
                out[key] = self._seats.get(event.payload[key], "#?")
        if "not_heard" in event.payload:
            out["not_heard"] = [self._seats.get(c, "#?") for c in event.payload["not_heard"]]
        return out

    def _record(self, event: EngineEvent) -> None:
        """Write one event (and the session's status) in one short transaction."""
        at = self._wall()
        try:
            with self.db.unit() as s:
                s.add(
                    StepEvent(
                        session_id=self.session_id,
                        seq=event.seq,
                        action=event.action,
                        step_index=event.step_index,
                        step_id=event.step_id,
                        elapsed=event.elapsed,
                        payload=self._stored_payload(event),
                        at=at,
                    )
                )
                row = s.get(Session, self.session_id)
                if row is None:
                    raise EngineError(
                        QT_TRANSLATE_NOOP("errors", "The session was deleted while it was running.")
                    )
                status = _STATUS_AFTER.get(event.action)
                if status is not None:
                    row.status = status
                if event.action == "start":
                    row.started_at = at
                if event.action in ("finish", "abandon"):
                    row.ended_at = at
        except SQLAlchemyError as exc:  # the UI must say the log could not be saved
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "errors", "The session log could not be saved; the last action was not applied."
                )
            ) from exc


def load_events(db: Database, session_id: str) -> list[StepEvent]:
    """The stored step log of one session, in order (for summaries and tests)."""
    with db.unit() as s:
        return list(
            s.scalars(
                select(StepEvent).where(StepEvent.session_id == session_id).order_by(StepEvent.seq)
            )
        )


def find_resumable_sessions(
    db: Database | OrmSession, include_practice: bool = True
) -> list[ResumableSession]:
    """Sessions left running or paused, newest first, for the UI's "resume?" offer.

    Takes the :class:`Database` or an open ORM session (inside a caller's unit).
    """
    if isinstance(db, Database):
        with db.unit() as s:
            return _find_resumable(s, include_practice)
    return _find_resumable(db, include_practice)


def _find_resumable(s: OrmSession, include_practice: bool) -> list[ResumableSession]:
    out: list[ResumableSession] = []
    query = select(Session).where(Session.status.in_([SessionStatus.running, SessionStatus.paused]))
    if not include_practice:
        query = query.where(Session.is_practice.is_(False))
    for row in s.scalars(query):
        last = s.scalar(
            select(StepEvent)
            .where(StepEvent.session_id == row.id)
            .order_by(StepEvent.seq.desc())
            .limit(1)
        )
        group = s.get(Group, row.group_id)
        out.append(
            ResumableSession(
                session_id=row.id,
                group_id=row.group_id,
                group_name=group.name if group else "",
                script_id=row.script_id,
                status=row.status.value,
                is_practice=row.is_practice,
                started_at=_aware(row.started_at) if row.started_at else None,
                last_event_at=_aware(last.at) if last else None,
                step_index=last.step_index if last else None,
                step_id=last.step_id if last else None,
                elapsed=last.elapsed if last else 0.0,
            )
        )
    out.sort(
        key=lambda r: r.last_event_at or datetime.min.replace(tzinfo=timezone.utc), reverse=True
    )
    return out


def event_count(db: Database, session_id: str) -> int:
    with db.unit() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(StepEvent)
                .where(StepEvent.session_id == session_id)
            )
            or 0
        )


@dataclass(frozen=True)
class NoNotesRecord:
    """What a no-notes session (first-responder defusing) keeps: the date it was held,
    how many people were there and which phases were done; nothing about anyone."""

    date: Optional[date]
    headcount: Optional[int]
    phases_done: tuple[str, ...]


def no_notes_record(db: Database, session_id: str, script: Script | None = None) -> NoNotesRecord:
    """The no-notes record of one session.

    Phases come from the finish (or abandon) entry of the log; for a session still
    open they are worked out by replaying the log against ``script`` (by default the
    session's script from the library). The headcount is the one typed in, else the
    number of people marked present or leaving early.
    """
    with db.unit() as s:
        row = s.get(Session, session_id)
        if row is None:
            raise EngineError(QT_TRANSLATE_NOOP("errors", "That session does not exist."))
        when = _aware(row.started_at).date() if row.started_at else None
        attending = s.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(
                Attendance.session_id == session_id,
                Attendance.status.in_([AttendanceStatus.present, AttendanceStatus.left_early]),
            )
        )
        headcount = steplog.no_notes_headcount(row.headcount, int(attending or 0))
        rows = list(
            s.scalars(
                select(StepEvent).where(StepEvent.session_id == session_id).order_by(StepEvent.seq)
            )
        )
        recorded = steplog.recorded_phases((r.action, r.payload) for r in rows)
        if script is None and rows and recorded is None:
            from facilitator.scripts.library import load_script

            script = load_script(row.script_id, s)
    if recorded is not None:
        return NoNotesRecord(when, headcount, tuple(recorded))
    if not rows:
        return NoNotesRecord(when, headcount, ())
    assert script is not None
    events = [
        EngineEvent(r.seq, r.action, r.step_index, r.step_id, r.elapsed, dict(r.payload or {}))
        for r in rows
    ]
    return NoNotesRecord(
        when, headcount, tuple(RunEngine.replay(script, events, time.monotonic).phases_done())
    )
