"""Deterministic synthetic data: groups, people, weekly sessions and their records.

The same seed always gives the same rows, ids included (ids are drawn from the
seeded RNG; built-in measure ids are fixed for every store), so tests and benchmarks
can compare runs. The shape follows what real peer groups look like: a core of
regulars, people who drift away, a trickle of newcomers, absences with notice, a
small average lift between check-in and check-out with some "pass" answers, WHO-5
every fourth session, an organisation-defined "confidence to cope" rating (0-10,
start and end of session) in every other group, occasional incidents with different
follow-up states, the run engine's step log for each session, and a practice run per
group that every report must ignore.

Rows are written with bulk Core inserts in one transaction: 20 groups x 52 weeks x
12 people (about 90,000 rows) takes a few seconds.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import yaml
from sqlalchemy import insert, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.demo import texts
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.store.db import Database
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FollowUp,
    Group,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Note,
    Participant,
    Phase,
    RulesAgreement,
    Session,
    SessionStatus,
    StepEvent,
)
from facilitator.tracking.codes import new_unique_code, seeded_chooser
from facilitator.tracking.custom_measures import create_custom_measure
from facilitator.tracking.measures import ensure_builtin_measures

DEFAULT_START = date(2025, 1, 6)  # a Monday; fixed so the same seed gives the same data
SKIP_SCRIPTS = {"first-session-intake", "series-closing-session"}
INCIDENT_TYPES = (
    ("conflict_hostile_dynamics", 5),
    ("boundary_breach", 3),
    ("other", 3),
    ("unqualified_medical_advice", 2),
    ("confidentiality_breach", 1),
    ("risk_disclosure", 2),
)
FALLBACK_SCRIPT = {
    "id": "mutual-support-circle",
    "version": "1.0",
    "program_type": "mutual_support",
    "duration_minutes": 90,
    "ground_rules": "core-v1",
    "steps": [
        {"id": i, "kind": k, "minutes": m, "mandatory": mand}
        for i, k, m, mand in (
            ("welcome", "welcome", 5, True),
            ("ground_rules", "ground_rules", 7, True),
            ("check_in", "check_in", 10, False),
            ("round", "round", 35, True),
            ("break", "break", 5, False),
            ("discussion", "discussion", 15, False),
            ("check_out", "check_out", 8, False),
            ("closing", "closing", 5, True),
        )
    ],
}
MAX_GROUPS, MAX_WEEKS, MAX_PEOPLE = 200, 520, 60
#: The demo's organisation-defined measure; its id is fixed like the built-in ones so
#: the same seed gives the same rows in every store.
CUSTOM_KEY = "cope_confidence"
CUSTOM_ID = uuid.uuid5(
    uuid.UUID("5f0c3a52-7a8e-4d0e-9a53-0b1c6e2f4d11"), "facilitator.demo.measure.cope_confidence"
).hex
CUSTOM_TITLE = {"en": "Confidence to cope this week", "ar": "الثقة بالقدرة على التأقلم هذا الأسبوع"}


@dataclass
class DemoSummary:
    groups: int = 0
    sessions: int = 0
    participants: int = 0
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def load_demo_scripts(folder: Path | None = None) -> list[dict[str, Any]]:
    """The shipped scripts' ids, versions and steps, read as plain YAML data."""
    folder = folder or resource_path("scripts")
    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            steps = [
                {
                    "id": str(s["id"]),
                    "kind": str(s.get("kind", "")),
                    "minutes": float(s.get("minutes", 5)),
                    "mandatory": bool(s.get("mandatory")),
                }
                for s in data["steps"]
            ]
            if data.get("id") in SKIP_SCRIPTS or not steps:
                continue
            out.append(
                {
                    "id": str(data["id"]),
                    "version": str(data.get("version", "1")),
                    "program_type": str(data.get("program_type", "general")),
                    "duration_minutes": float(
                        data.get("duration_minutes") or sum(s["minutes"] for s in steps)
                    ),
                    "ground_rules": str(data.get("ground_rules", "core-v1")),
                    "steps": steps,
                }
            )
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
            continue  # a script being edited must not stop the demo
    return out or [FALLBACK_SCRIPT]


class _Gen:
    def __init__(self, seed: int, start: date, id_salt: int) -> None:
        self.rng = random.Random(seed)
        # Ids come from their own seeded stream, so appending a second batch with the
        # same seed (and another salt) gives new ids but the same-looking data.
        self.ids = random.Random(f"{seed}:{id_salt}")
        self.start = start
        self.rows: dict[type, list[dict[str, Any]]] = {
            m: []
            for m in (
                Group,
                Participant,
                Session,
                StepEvent,
                Attendance,
                MeasureResponse,
                RulesAgreement,
                Incident,
                Note,
            )
        }

        # The custom measure draws from streams of its own, so adding it left every
        # other row of a given seed exactly as it was.
        self.custom_rng = random.Random(f"{seed}:custom")
        self.custom_ids = random.Random(f"{seed}:{id_salt}:custom")

    def uid(self, stream: random.Random | None = None) -> str:
        return uuid.UUID(int=(stream or self.ids).getrandbits(128), version=4).hex

    def add(self, model: type, **values: Any) -> str:
        values.setdefault("id", self.uid())
        self.rows[model].append(values)
        return values["id"]


@dataclass
class _Person:
    id: str
    attend_p: float
    level: float  # typical check-in rating
    wellbeing: float  # latent WHO-5 item mean, 0-5
    joined_week: int
    left_week: int | None = None
    visits: int = 0


def check_sizes(groups: int, weeks: int, participants_per_group: int) -> None:
    """Refuse sizes that are not sensible before anything is opened or written."""
    for name, value, hi in (
        (QT_TRANSLATE_NOOP("errors", "groups"), groups, MAX_GROUPS),
        (QT_TRANSLATE_NOOP("errors", "weeks"), weeks, MAX_WEEKS),
        (QT_TRANSLATE_NOOP("errors", "participants per group"), participants_per_group, MAX_PEOPLE),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= hi:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors", "The number of {name} must be a whole number from 1 to {hi}."
                ),
                params={"name": name, "hi": hi},
            )


def generate_demo(
    db: Database,
    groups: int = 4,
    weeks: int = 12,
    seed: int = 1,
    participants_per_group: int = 12,
    *,
    start: date = DEFAULT_START,
    id_salt: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill ``db`` with synthetic groups; returns what was written.

    ``id_salt`` changes only the ids (use the number of groups already in the store
    when appending); ``progress(done, total)`` is called after each group.
    """
    check_sizes(groups, weeks, participants_per_group)
    scripts = load_demo_scripts()
    with db.unit() as s:
        measures = {k: m.id for k, m in ensure_builtin_measures(s).items()}
        custom = _custom_measure(s)
        if custom is not None:
            measures[CUSTOM_KEY] = custom
    g = _Gen(seed, start, id_salt)
    for gi in range(groups):
        _group(g, gi, weeks, participants_per_group, scripts[gi % len(scripts)], measures)
        if progress:
            progress(gi + 1, groups)
    order = (
        Group,
        Participant,
        Session,
        StepEvent,
        Attendance,
        MeasureResponse,
        RulesAgreement,
        Incident,
        Note,
    )
    summary = DemoSummary(groups=groups)
    with db.unit() as s:
        for model in order:
            batch = g.rows[model]
            for i in range(0, len(batch), 5000):
                s.execute(insert(model), batch[i : i + 5000])
            summary.counts[model.__tablename__] = len(batch)
    summary.sessions = summary.counts["session"]
    summary.participants = summary.counts["participant"]
    summary.rows = sum(summary.counts.values())
    return summary


def _group(
    g: _Gen, gi: int, weeks: int, size: int, script: dict[str, Any], measures: dict[str, str]
) -> None:
    rng = g.rng
    lang = "ar" if gi % 3 == 1 else "en"
    names = texts.GROUP_NAMES[lang]
    headcount_only = gi % 7 == 6
    created = datetime.combine(g.start, time(9), timezone.utc) - timedelta(days=14)
    gid = g.add(
        Group,
        name=f"{names[gi % len(names)]} {gi + 1}",
        program_type=script["program_type"],
        language=lang,
        default_script_id=script["id"],
        extra_rules=[],
        headcount_only=headcount_only,
        archived=False,
        created_at=created,
    )
    weekday = gi % 5
    codes: set[str] = set()
    people: list[_Person] = []
    aliases = texts.ALIASES[lang]
    person_alias: dict[str, str] = {}

    def join(week: int) -> None:
        code = new_unique_code(codes, seeded_chooser(rng))
        codes.add(code)
        alias = rng.choice(aliases) if rng.random() < 0.6 else None
        pid = g.add(
            Participant,
            group_id=gid,
            code=code,
            alias=alias,
            age_band=rng.choice((None, "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus")),
            gender=rng.choice((None, None, "woman", "man", "woman", "another")),
            archived=False,
            created_at=created + timedelta(days=7 * week),
        )
        if alias:
            person_alias[pid] = alias
        people.append(
            _Person(pid, rng.uniform(0.55, 0.95), rng.gauss(5.0, 1.3), rng.uniform(1.8, 3.6), week)
        )

    for _ in range(0 if headcount_only else max(3, size - 2)):
        join(0)
    # One practice run before the real series: it must never reach any figure.
    day0 = g.start + timedelta(days=weekday - 7)
    practice_id = _session(g, gid, script, day0, practice=True, headcount=None)
    for p in people[:3]:
        g.add(
            Attendance,
            session_id=practice_id,
            participant_id=p.id,
            status=AttendanceStatus.present,
            first_time=False,
            recorded_at=_at(day0, 18),
        )
    for week in range(weeks):
        day = g.start + timedelta(days=7 * week + weekday)
        if rng.random() < 0.03:
            continue  # cancelled that week: no session row at all
        active = [p for p in people if p.left_week is None]
        headcount = max(2, round(rng.gauss(size * 0.7, 2))) if headcount_only else None
        abandoned = rng.random() < 0.01
        sid = _session(
            g, gid, script, day, practice=False, headcount=headcount, abandoned=abandoned
        )
        if not headcount_only:
            _attendance(
                g,
                sid,
                day,
                active,
                week,
                measures,
                measures.get(CUSTOM_KEY) if gi % 2 == 0 else None,
            )
        if rng.random() < 0.05:
            _incident(g, gid, sid, day, weeks - week)
        if rng.random() < 0.18:
            note = rng.choice(texts.NOTES[lang])
            alias = person_alias.get(rng.choice(active).id) if active else None
            g.add(
                Note,
                group_id=gid,
                session_id=sid,
                body=note.format(alias=alias or ("someone" if lang == "en" else "أحدهم")),
                created_at=_at(day, 20),
                updated_at=_at(day, 20),
            )
        if headcount_only:
            continue
        for p in active:  # many first-timers do not come back; regulars mostly stay
            if p.visits == 1 and p.joined_week > 0:
                quit_p = 0.3
            else:
                quit_p = 0.02 if p.visits > 4 else 0.06
            if rng.random() < quit_p:
                p.left_week = week
        n_active = sum(1 for p in people if p.left_week is None)
        arrivals = _poisson(rng, max(0.15, 0.35 * (size - n_active)))
        for _ in range(arrivals):
            join(week + 1)


def _at(day: date, hour: float) -> datetime:
    return datetime.combine(day, time(0), timezone.utc) + timedelta(hours=hour)


def _poisson(rng: random.Random, lam: float) -> int:
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def _session(
    g: _Gen,
    gid: str,
    script: dict[str, Any],
    day: date,
    *,
    practice: bool,
    headcount: int | None,
    abandoned: bool = False,
) -> str:
    rng = g.rng
    planned = _at(day, 18)
    started = planned + timedelta(minutes=rng.choice((0, 0, 1, 2, 3, 5)))
    sid = g.uid()
    steps = script["steps"]
    n = len(steps)
    # The run engine's log shape (facilitator.session.engine): step_id is the current
    # step after the action; skip names the skipped step in its payload.
    events: list[tuple[str, int, dict[str, Any], float]] = [("start", 0, {"steps": n}, 0.0)]
    elapsed = 0.0
    stop_at = rng.randrange(2, n) if abandoned and n > 2 else n
    current, visited, skipped = 0, {0}, set()
    while True:
        st = steps[current]
        skip_p = 0.015 if st["mandatory"] else 0.08
        if current < n - 1 and current > 0 and rng.random() < skip_p:
            skipped.add(current)
            current += 1
            visited.add(current)
            events.append(
                (
                    "skip",
                    current,
                    {
                        "index": current - 1,
                        "step": st["id"],
                        "reason": "time",
                        "mandatory": st["mandatory"],
                    },
                    elapsed,
                )
            )
            continue
        spent = st["minutes"] * rng.uniform(0.8, 1.15)
        if rng.random() < 0.07:
            events.append(("extend", current, {"minutes": 2.0}, elapsed + spent * 60))
            spent += 2
        elapsed += spent * 60
        if current + 1 >= min(n, stop_at):
            break
        current += 1
        visited.add(current)
        events.append(("next", current, {"from": current - 1}, elapsed))
    done = visited - skipped
    if abandoned:
        events.append(("abandon", current, {"reason": "room needed"}, elapsed))
    else:
        missed = [s["id"] for i, s in enumerate(steps) if s["mandatory"] and i not in done]
        events.append(("finish", current, {"missed_mandatory": missed}, elapsed))
    rules_done = any(steps[i]["kind"] == "ground_rules" for i in done)
    ended = started + timedelta(seconds=elapsed)
    g.add(
        Session,
        id=sid,
        group_id=gid,
        script_id=script["id"],
        script_version=script["version"],
        planned_start=planned,
        started_at=started,
        ended_at=ended,
        status=SessionStatus.abandoned if abandoned else SessionStatus.completed,
        is_practice=practice,
        headcount=headcount,
        no_notes=False,
        created_at=planned,
    )
    for seq, (action, index, payload, at_s) in enumerate(events, start=1):
        g.add(
            StepEvent,
            session_id=sid,
            seq=seq,
            action=action,
            step_index=index,
            step_id=steps[index]["id"],
            elapsed=round(at_s, 3),
            payload=payload,
            at=started + timedelta(seconds=at_s),
        )
    if rules_done:
        g.add(
            RulesAgreement,
            session_id=sid,
            ruleset_id=script["ground_rules"],
            ruleset_version="1",
            content_hash="0" * 64,
            agreed=True,
            recorded_at=started,
        )
    return sid


def _attendance(
    g: _Gen,
    sid: str,
    day: date,
    active: list[_Person],
    week: int,
    measures: dict[str, str],
    custom: str | None = None,
) -> None:
    rng = g.rng
    who5_week = week % 4 == 0
    when = _at(day, 18.1)
    for p in active:
        roll = rng.random()
        if roll >= p.attend_p:
            if rng.random() < 0.45:
                g.add(
                    Attendance,
                    session_id=sid,
                    participant_id=p.id,
                    status=AttendanceStatus.absent_notice,
                    first_time=False,
                    recorded_at=when,
                )
            continue
        left = rng.random() < 0.05
        g.add(
            Attendance,
            session_id=sid,
            participant_id=p.id,
            status=AttendanceStatus.left_early if left else AttendanceStatus.present,
            first_time=p.visits == 0,
            recorded_at=when,
        )
        p.visits += 1
        p.level += rng.gauss(0.03, 0.15)  # slow drift, slightly upwards
        pre = _clamp(round(rng.gauss(p.level, 1.4)), 0, 10)
        _response(g, sid, p.id, measures["checkin10"], Phase.pre, pre, when)
        if not left:
            post = _clamp(pre + round(rng.gauss(0.8, 1.3)), 0, 10)
            _response(g, sid, p.id, measures["checkin10"], Phase.post, post, when)
        if custom is not None:
            _custom(g, sid, p, custom, left, when)
        if who5_week:
            p.wellbeing = min(5.0, p.wellbeing + rng.gauss(0.12, 0.25))
            if rng.random() < 0.05:
                _response(g, sid, p.id, measures["who5"], Phase.single, None, when)
            else:
                items = [int(_clamp(round(rng.gauss(p.wellbeing, 0.9)), 0, 5)) for _ in range(5)]
                g.add(
                    MeasureResponse,
                    session_id=sid,
                    participant_id=p.id,
                    measure_id=measures["who5"],
                    phase=Phase.single,
                    value=float(sum(items) * 4),
                    passed=False,
                    items=items,
                    recorded_at=when,
                )


def _custom_measure(s: OrmSession) -> str | None:
    """The demo's custom measure id (created once; reused when appending). A store
    whose organisation already uses the key for another range, or retired it, gets no
    demo answers."""
    row = s.scalars(select(MeasureDefinition).where(MeasureDefinition.key == CUSTOM_KEY)).first()
    if row is None:
        row = create_custom_measure(
            s,
            CUSTOM_KEY,
            CUSTOM_TITLE,
            minimum=0,
            maximum=10,
            phases=("pre", "post"),
            measure_id=CUSTOM_ID,
        )
    spec = row.spec or {}
    if (
        (spec.get("min"), spec.get("max")) != (0, 10)
        or spec.get("retired")
        or "pre" not in (spec.get("phases") or ())
    ):
        return None
    return row.id


def _custom(g: _Gen, sid: str, p: _Person, mid: str, left: bool, when: datetime) -> None:
    """Start and end answers to the demo's custom measure: near the person's usual
    check-in level, a small lift by the end, now and then a pass."""
    rng = g.custom_rng
    pre = _clamp(round(rng.gauss(p.level - 0.5, 1.6)), 0, 10)
    answers = [(Phase.pre, pre)]
    if not left:
        answers.append((Phase.post, _clamp(pre + round(rng.gauss(0.6, 1.2)), 0, 10)))
    for phase, value in answers:
        passed = rng.random() < 0.05
        g.add(
            MeasureResponse,
            id=g.uid(g.custom_ids),
            session_id=sid,
            participant_id=p.id,
            measure_id=mid,
            phase=phase,
            value=None if passed or value is None else float(value),
            passed=passed,
            items=None,
            recorded_at=when,
        )


def _response(
    g: _Gen, sid: str, pid: str, mid: str, phase: Phase, value: float | None, when: datetime
) -> None:
    passed = value is None or g.rng.random() < 0.07
    g.add(
        MeasureResponse,
        session_id=sid,
        participant_id=pid,
        measure_id=mid,
        phase=phase,
        value=None if passed or value is None else float(value),
        passed=passed,
        items=None,
        recorded_at=when,
    )


def _incident(g: _Gen, gid: str, sid: str, day: date, weeks_ago: int) -> None:
    rng = g.rng
    kinds = [k for k, w in INCIDENT_TYPES for _ in range(w)]
    severity = rng.choice((1, 1, 1, 2, 2, 3))
    if weeks_ago <= 2:
        follow = FollowUp.open
    elif severity == 1 and rng.random() < 0.6:
        follow = FollowUp.none_needed
    else:
        follow = rng.choice((FollowUp.done, FollowUp.done, FollowUp.done, FollowUp.open))
    g.add(
        Incident,
        group_id=gid,
        session_id=sid,
        type=rng.choice(kinds),
        severity=severity,
        description="",
        actions_taken=[],
        follow_up=follow,
        follow_up_note="",
        created_at=_at(day, 19.5),
    )


def _clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))
