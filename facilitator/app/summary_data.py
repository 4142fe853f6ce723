"""The numbers on the end-of-session screen, computed from the store (no Qt).

Pure Python over one ORM session, so it is tested without a display and could
move to ``facilitator.tracking`` unchanged. These are the facilitator's own
figures for the session just run (no small-number suppression: nothing leaves the
machine from here; the PDF goes through the tracking layer's disclosure control).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.store.models import (
    Attendance,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Phase,
    StepEvent,
)
from facilitator.tracking.attendance import ATTENDED, attended_count
from facilitator.tracking.measures import CHECKIN, WHO5

SKIP_ACTIONS = ("skip",)


@dataclass(frozen=True)
class SessionSummary:
    attended: int
    newcomers: int
    paired: int  # people who gave both a check-in and a check-out
    average_change: float | None  # mean of (post - pre) over those people
    incidents: int
    skipped_steps: list[str] = field(default_factory=list)  # step ids, in order
    who5_answered: int = 0  # WHO-5 forms entered with a score (passes not counted)
    custom: list["CustomLine"] = field(default_factory=list)


@dataclass(frozen=True)
class CustomLine:
    """One organisation-defined measure in this session: the mean change over people
    who answered at the start and the end, or else the mean of its single answers."""

    title: dict[str, str]
    people: int
    value: float  # every line has at least one answer: there is always a value
    is_change: bool


def _custom_lines(s: OrmSession, session_id: str) -> list[CustomLine]:
    rows = s.execute(
        select(
            MeasureDefinition.key,
            MeasureDefinition.title,
            MeasureResponse.participant_id,
            MeasureResponse.phase,
            MeasureResponse.value,
        )
        .join(MeasureDefinition, MeasureDefinition.id == MeasureResponse.measure_id)
        .where(
            MeasureResponse.session_id == session_id,
            MeasureDefinition.builtin.is_(False),
            MeasureResponse.passed.is_(False),
            MeasureResponse.value.is_not(None),
        )
        .order_by(MeasureDefinition.key)
    ).all()
    by_key: dict[str, tuple[dict, dict[str, dict[str, float]]]] = {}
    for key, title, pid, phase, value in rows:
        _title, phases = by_key.setdefault(key, (dict(title or {}), {}))
        phases.setdefault(Phase(phase).value, {})[pid] = float(value)
    lines = []
    for title, phases in by_key.values():
        pre, post = phases.get("pre", {}), phases.get("post", {})
        both = set(pre) & set(post)
        if both:
            lines.append(
                CustomLine(title, len(both), sum(post[p] - pre[p] for p in both) / len(both), True)
            )
        else:
            single = phases.get("single") or post or pre
            lines.append(CustomLine(title, len(single), sum(single.values()) / len(single), False))
    return lines


def session_summary(s: OrmSession, session_id: str, *, who: Any = None) -> SessionSummary:
    """What the summary screen shows after a session: for whoever runs it
    (:func:`facilitator.app.run_data.may_run`)."""
    from facilitator.app.run_data import may_run

    may_run(s, who, session_id)
    newcomers = (
        s.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(
                Attendance.session_id == session_id,
                Attendance.first_time.is_(True),
                Attendance.status.in_(ATTENDED),
            )
        )
        or 0
    )
    rows = s.execute(
        select(MeasureResponse.participant_id, MeasureResponse.phase, MeasureResponse.value)
        .join(MeasureDefinition, MeasureDefinition.id == MeasureResponse.measure_id)
        .where(
            MeasureResponse.session_id == session_id,
            MeasureDefinition.key == CHECKIN,
            MeasureResponse.passed.is_(False),
            MeasureResponse.value.is_not(None),
        )
    ).all()
    pre: dict[str, float] = {}
    post: dict[str, float] = {}
    for pid, phase, value in rows:
        if value is None:  # excluded by the query; the type does not know that
            continue
        (pre if Phase(phase) == Phase.pre else post if Phase(phase) == Phase.post else {})[pid] = (
            float(value)
        )
    both = sorted(set(pre) & set(post))
    change = (sum(post[p] - pre[p] for p in both) / len(both)) if both else None
    incidents = (
        s.scalar(
            select(func.count()).select_from(Incident).where(Incident.session_id == session_id)
        )
        or 0
    )
    events = s.execute(
        select(StepEvent.action, StepEvent.step_id, StepEvent.payload)
        .where(StepEvent.session_id == session_id)
        .order_by(StepEvent.seq)
    )
    skipped: dict[str, None] = {}  # ordered set
    for action, step_id, payload in events:
        # The engine un-skips a step when the facilitator goes back to it.
        if action in ("next", "back", "jump") and step_id in skipped:
            del skipped[step_id]
        if action in SKIP_ACTIONS and (payload or {}).get("step"):
            skipped[payload["step"]] = None
    who5 = (
        s.scalar(
            select(func.count())
            .select_from(MeasureResponse)
            .join(MeasureDefinition, MeasureDefinition.id == MeasureResponse.measure_id)
            .where(
                MeasureResponse.session_id == session_id,
                MeasureDefinition.key == WHO5,
                MeasureResponse.passed.is_(False),
            )
        )
        or 0
    )
    return SessionSummary(
        attended=attended_count(s, session_id),
        newcomers=int(newcomers),
        paired=len(both),
        average_change=change,
        incidents=int(incidents),
        skipped_steps=list(skipped),
        who5_answered=int(who5),
        custom=_custom_lines(s, session_id),
    )
