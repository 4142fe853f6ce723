"""Group and program numbers computed from plain rows.

Nothing here touches the database: :mod:`facilitator.tracking.loaders` reads rows
into the dataclasses below, and these functions only compute. That keeps every
figure testable against small hand-worked fixtures. Practice sessions are dropped
by the loader and again by :func:`real` so that no caller can count them by mistake.

Definitions a supervisor will ask about:

* a session is *held* when its status is ``completed``;
* *attended* means present or left early (an absence with notice is not a visit);
  a headcount-only session contributes its headcount and no people;
* a participant is *new* at their first attended real session of the group and
  *returning* afterwards;
* *retention* is the share of newcomers (first visit in the period) who attend again
  within 28 days of that first visit; newcomers whose 28 days have not yet passed by
  ``as_of`` are reported as pending rather than counted as lost;
* *change* is post minus pre on the same person in the same session; "pass" answers
  never pair. Period figures first average each person's changes so that n counts
  people, not sessions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean
from typing import Any, Iterable, Mapping, Sequence

from facilitator.tracking.stats import ChangeStats, change_stats

ATTENDED = frozenset({"present", "left_early"})
HELD = "completed"
RETENTION_DAYS = 28


@dataclass(frozen=True)
class SessionRow:
    id: str
    group_id: str
    day: date
    status: str = HELD
    script_id: str = ""
    headcount: int | None = None
    is_practice: bool = False
    planned_minutes: float | None = None
    actual_minutes: float | None = None
    rules_reviewed: bool = False
    no_notes: bool = False  # kept only date, headcount and phases (first-responder defusing)


@dataclass(frozen=True)
class AttendanceRow:
    session_id: str
    participant_id: str
    status: str = "present"


@dataclass(frozen=True)
class ResponseRow:
    session_id: str
    participant_id: str
    measure: str
    phase: str
    value: float | None
    passed: bool = False


@dataclass(frozen=True)
class IncidentRow:
    group_id: str
    session_id: str | None
    type: str
    follow_up: str
    severity: int = 1
    day: date | None = None


@dataclass(frozen=True)
class StepRow:
    session_id: str
    seq: int
    action: str
    step_id: str | None
    elapsed: float = 0.0
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Period:
    """Inclusive date range; ``None`` on either side means open."""

    start: date | None = None
    end: date | None = None

    def __contains__(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


ALL_TIME = Period()


def real(sessions: Iterable[SessionRow]) -> list[SessionRow]:
    return [s for s in sessions if not s.is_practice]


def held_sessions(sessions: Iterable[SessionRow], period: Period = ALL_TIME) -> list[SessionRow]:
    """Real, completed sessions in the period, oldest first."""
    out = [s for s in real(sessions) if s.status == HELD and s.day in period]
    return sorted(out, key=lambda s: (s.day, s.id))


def sessions_held(sessions: Iterable[SessionRow], period: Period = ALL_TIME) -> int:
    return len(held_sessions(sessions, period))


def attendance_per_session(
    sessions: Sequence[SessionRow], attendance: Iterable[AttendanceRow]
) -> dict[str, int]:
    """People in the room per session (headcount where the group keeps no roster)."""
    counts: Counter[str] = Counter(a.session_id for a in attendance if a.status in ATTENDED)
    return {
        s.id: (s.headcount if s.headcount is not None else counts.get(s.id, 0)) for s in sessions
    }


def visits(
    sessions: Sequence[SessionRow], attendance: Iterable[AttendanceRow]
) -> dict[str, list[date]]:
    """Each participant's attended days in the given (real, held) sessions, sorted."""
    day_of = {s.id: s.day for s in real(sessions) if s.status == HELD}
    out: dict[str, list[date]] = defaultdict(list)
    for a in attendance:
        if a.status in ATTENDED and a.session_id in day_of:
            out[a.participant_id].append(day_of[a.session_id])
    for days in out.values():
        days.sort()
    return dict(out)


def first_sessions(
    sessions: Sequence[SessionRow], attendance: Iterable[AttendanceRow]
) -> dict[str, str]:
    """participant -> id of the first held real session they attended (full history)."""
    order = {s.id: (s.day, s.id) for s in held_sessions(sessions)}
    best: dict[str, tuple[date, str]] = {}
    for a in attendance:
        if a.status in ATTENDED and a.session_id in order:
            key = order[a.session_id]
            if a.participant_id not in best or key < best[a.participant_id]:
                best[a.participant_id] = key
    return {p: k[1] for p, k in best.items()}


def unique_participants(
    sessions: Sequence[SessionRow], attendance: Iterable[AttendanceRow], period: Period = ALL_TIME
) -> int:
    ids = {s.id for s in held_sessions(sessions, period)}
    return len(
        {a.participant_id for a in attendance if a.session_id in ids and a.status in ATTENDED}
    )


def reach(
    sessions: Sequence[SessionRow],
    attendance: Iterable[AttendanceRow],
    people: Mapping[str, tuple[str | None, str | None]],
    period: Period = ALL_TIME,
) -> tuple[Counter[str | None], Counter[str | None]]:
    """Unique people who attended in the period, counted by age band and by gender
    (None: not asked, or preferred not to say). Each person is counted once."""
    ids = {s.id for s in held_sessions(sessions, period)}
    came = {a.participant_id for a in attendance if a.session_id in ids and a.status in ATTENDED}
    bands: Counter[str | None] = Counter()
    genders: Counter[str | None] = Counter()
    for pid in came:
        band, gender = people.get(pid, (None, None))
        bands[band] += 1
        genders[gender] += 1
    return bands, genders


def new_vs_returning(
    sessions: Sequence[SessionRow], attendance: Sequence[AttendanceRow], period: Period = ALL_TIME
) -> dict[str, tuple[int, int]]:
    """session id -> (new, returning) for held sessions in the period.

    ``sessions`` and ``attendance`` should cover the group's whole history so that a
    person first seen before the period counts as returning.
    """
    first = first_sessions(sessions, attendance)
    in_period = {s.id for s in held_sessions(sessions, period)}
    out = {sid: [0, 0] for sid in in_period}
    for a in attendance:
        if a.session_id in in_period and a.status in ATTENDED:
            out[a.session_id][0 if first.get(a.participant_id) == a.session_id else 1] += 1
    return {sid: (v[0], v[1]) for sid, v in out.items()}


@dataclass(frozen=True)
class Retention:
    newcomers: int  # newcomers whose 28-day window is complete
    returned: int
    pending: int  # newcomers too recent to judge

    @property
    def share(self) -> float | None:
        return self.returned / self.newcomers if self.newcomers else None


def retention(
    sessions: Sequence[SessionRow],
    attendance: Sequence[AttendanceRow],
    period: Period = ALL_TIME,
    *,
    as_of: date | None = None,
    window_days: int = RETENTION_DAYS,
) -> Retention:
    """Share of the period's newcomers who came back within ``window_days``.

    A return is any attended session strictly after the first visit day and no more
    than ``window_days`` later. ``as_of`` (default: the last held session in the data)
    is the day the data runs to; a newcomer whose window ends after it is pending.
    """
    held = held_sessions(sessions)
    if as_of is None:
        as_of = held[-1].day if held else date.min
    seen = visits(held, attendance)
    newcomers = returned = pending = 0
    for days in seen.values():
        first = days[0]
        if first not in period:
            continue
        limit = first + timedelta(days=window_days)
        came_back = any(first < d <= limit for d in days)
        if limit > as_of:
            pending += 1
            continue
        newcomers += 1
        returned += came_back
    return Retention(newcomers, returned, pending)


@dataclass(frozen=True)
class Pair:
    session_id: str
    participant_id: str
    pre: float
    post: float

    @property
    def diff(self) -> float:
        return self.post - self.pre


def pairs(
    responses: Iterable[ResponseRow], measure: str, session_ids: Iterable[str] | None = None
) -> list[Pair]:
    """Pre/post pairs for ``measure``; a pass on either side drops the pair."""
    wanted = set(session_ids) if session_ids is not None else None
    pre: dict[tuple[str, str], float] = {}
    post: dict[tuple[str, str], float] = {}
    for r in responses:
        if r.measure != measure or r.passed or r.value is None:
            continue
        if wanted is not None and r.session_id not in wanted:
            continue
        key = (r.session_id, r.participant_id)
        if r.phase == "pre":
            pre[key] = r.value
        elif r.phase == "post":
            post[key] = r.value
    return [Pair(k[0], k[1], pre[k], post[k]) for k in sorted(pre.keys() & post.keys())]


def session_change(pairs_: Sequence[Pair]) -> ChangeStats:
    """Change within one session: one difference per person."""
    return change_stats([p.diff for p in pairs_])


def period_change(pairs_: Sequence[Pair]) -> ChangeStats:
    """Change over many sessions: each person's mean difference, so n counts people."""
    per_person: dict[str, list[float]] = defaultdict(list)
    for p in pairs_:
        per_person[p.participant_id].append(p.diff)
    return change_stats([fmean(v) for _, v in sorted(per_person.items())])


def answered(
    responses: Iterable[ResponseRow],
    measure: str,
    phase: str,
    session_ids: Iterable[str] | None = None,
) -> list[float]:
    wanted = set(session_ids) if session_ids is not None else None
    return [
        r.value
        for r in responses
        if r.measure == measure
        and r.phase == phase
        and not r.passed
        and r.value is not None
        and (wanted is None or r.session_id in wanted)
    ]


def person_means(
    responses: Iterable[ResponseRow],
    measure: str,
    phase: str,
    session_ids: Iterable[str] | None = None,
) -> dict[str, float]:
    """participant -> mean of their answers, so a period mean counts people, not visits."""
    wanted = set(session_ids) if session_ids is not None else None
    per: dict[str, list[float]] = defaultdict(list)
    for r in responses:
        if (
            r.measure == measure
            and r.phase == phase
            and not r.passed
            and r.value is not None
            and (wanted is None or r.session_id in wanted)
        ):
            per[r.participant_id].append(r.value)
    return {p: fmean(v) for p, v in per.items()}


def passes(
    responses: Iterable[ResponseRow], measure: str, session_ids: Iterable[str] | None = None
) -> int:
    wanted = set(session_ids) if session_ids is not None else None
    return sum(
        1
        for r in responses
        if r.measure == measure and r.passed and (wanted is None or r.session_id in wanted)
    )


@dataclass(frozen=True)
class Who5Point:
    key: Any  # a session id or a month (date of the 1st)
    day: date
    n: int  # people with a score
    mean: float | None
    poor: int  # raw below 13, i.e. below 52 on the 0-100 scale


def who5_trajectory(
    sessions: Sequence[SessionRow],
    responses: Iterable[ResponseRow],
    *,
    by: str = "session",
    period: Period = ALL_TIME,
    measure: str = "who5",
) -> list[Who5Point]:
    """Mean WHO-5 (0-100) per session, or per calendar month with ``by="month"``.

    A person answering twice in one month counts once, with their mean.
    """
    day_of = {s.id: s.day for s in held_sessions(sessions, period)}
    buckets: dict[Any, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    bucket_day: dict[Any, date] = {}
    for r in responses:
        if r.measure != measure or r.passed or r.value is None or r.session_id not in day_of:
            continue
        d = day_of[r.session_id]
        key = r.session_id if by == "session" else d.replace(day=1)
        bucket_day[key] = d if by == "session" else d.replace(day=1)
        buckets[key][r.participant_id].append(r.value)
    out = []
    for key in sorted(buckets, key=lambda k: (bucket_day[k], str(k))):
        scores = [fmean(v) for v in buckets[key].values()]
        out.append(
            Who5Point(
                key, bucket_day[key], len(scores), fmean(scores), sum(1 for x in scores if x < 52)
            )
        )
    return out


def incidents_by_type(
    incidents: Iterable[IncidentRow],
    session_ids: Iterable[str] | None = None,
    period: Period = ALL_TIME,
) -> dict[str, Counter[str]]:
    """type -> Counter(follow_up state). Incidents tied to practice sessions are excluded
    by passing the real session ids; loose incidents are kept when their day is in the period."""
    wanted = set(session_ids) if session_ids is not None else None
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for i in incidents:
        if i.session_id is not None and wanted is not None and i.session_id not in wanted:
            continue
        if i.session_id is None and (i.day is None or i.day not in period):
            continue
        out[i.type][i.follow_up] += 1
    return dict(out)
