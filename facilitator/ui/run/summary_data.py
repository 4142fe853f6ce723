"""The numbers on the end-of-session screen, computed from the store (no Qt).

Pure Python over one ORM session, so it is tested without a display and could
move to ``facilitator.tracking`` unchanged. These are the facilitator's own
figures for the session just run (no small-number suppression: nothing leaves the
machine from here; the PDF goes through the tracking layer's disclosure control).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.store.models import (Attendance, Incident, MeasureDefinition, MeasureResponse,
                                      Phase, StepEvent)
from facilitator.tracking.attendance import ATTENDED, attended_count
from facilitator.tracking.measures import CHECKIN

SKIP_ACTIONS = ("skip",)


@dataclass(frozen=True)
class SessionSummary:
    attended: int
    newcomers: int
    paired: int                      # people who gave both a check-in and a check-out
    average_change: float | None     # mean of (post - pre) over those people
    incidents: int
    skipped_steps: list[str] = field(default_factory=list)  # step ids, in order


def session_summary(s: OrmSession, session_id: str) -> SessionSummary:
    newcomers = s.scalar(select(func.count()).select_from(Attendance).where(
        Attendance.session_id == session_id, Attendance.first_time.is_(True),
        Attendance.status.in_(ATTENDED))) or 0
    rows = s.execute(
        select(MeasureResponse.participant_id, MeasureResponse.phase, MeasureResponse.value)
        .join(MeasureDefinition, MeasureDefinition.id == MeasureResponse.measure_id)
        .where(MeasureResponse.session_id == session_id, MeasureDefinition.key == CHECKIN,
               MeasureResponse.passed.is_(False), MeasureResponse.value.is_not(None))).all()
    pre: dict[str, float] = {}
    post: dict[str, float] = {}
    for pid, phase, value in rows:
        (pre if Phase(phase) == Phase.pre else post if Phase(phase) == Phase.post else {})[pid] \
            = float(value)
    both = sorted(set(pre) & set(post))
    change = (sum(post[p] - pre[p] for p in both) / len(both)) if both else None
    incidents = s.scalar(select(func.count()).select_from(Incident)
                         .where(Incident.session_id == session_id)) or 0
    events = s.execute(select(StepEvent.action, StepEvent.step_id, StepEvent.payload)
                       .where(StepEvent.session_id == session_id).order_by(StepEvent.seq))
    skipped: dict[str, None] = {}  # ordered set
    for action, step_id, payload in events:
        # The engine un-skips a step when the facilitator goes back to it.
        if action in ("next", "back", "jump") and step_id in skipped:
            del skipped[step_id]
        if action in SKIP_ACTIONS and (payload or {}).get("step"):
            skipped[payload["step"]] = None
    return SessionSummary(attended=attended_count(s, session_id), newcomers=int(newcomers),
                          paired=len(both), average_change=change, incidents=int(incidents),
                          skipped_steps=list(skipped))
