"""Typed triggers for the supervisor's review queue: what deserves a look.

Each trigger looks at *records* (an incident, a session's log, attendance counts, a
date) and says which rule it met, with the facts that show it. None of them judges
a person: "attendance fell by 40% over the last 4 sessions" is a fact about a
group, for a conversation, not a rating of its facilitator. The thresholds come
from settings (:data:`DEFAULTS` until an administrator changes them).

Plain functions over plain rows (the tracking layer's own dataclasses), so each one
can be tested on data built to trip it and on data that must not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Sequence

from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.tracking.analytics import ATTENDED, SessionRow, StepRow, held_sessions
from facilitator.tracking.fidelity import ScriptInfo, phases_done, session_fidelity

KINDS = (
    "incident_follow_up",
    "safety_opened",
    "fidelity",
    "attendance_drop",
    "group_quiet",
    "import_conflict",
)
KIND_TITLES = {
    "incident_follow_up": QT_TRANSLATE_NOOP("review", "Incident needing follow-up"),
    "safety_opened": QT_TRANSLATE_NOOP("review", "Safety opened in a session"),
    "fidelity": QT_TRANSLATE_NOOP("review", "Session left out part of its script"),
    "attendance_drop": QT_TRANSLATE_NOOP("review", "Attendance falling"),
    "group_quiet": QT_TRANSLATE_NOOP("review", "No session for a while"),
    "import_conflict": QT_TRANSLATE_NOOP("review", "Two versions of a record"),
}

DEFAULTS: dict[str, Any] = {
    "overrun_minutes": 20,  # a session this much longer than planned
    "attendance_window": 4,  # compare the last N held sessions with the N before
    "attendance_drop_share": 0.3,  # ... and raise an item when the mean fell by this share
    "quiet_days": 42,  # a group with no held session for this many days
}
# An incident is a risk to life when its type says so or its severity is the highest.
RISK_TYPES = frozenset({"risk_disclosure"})
RISK_SEVERITY = 3
SAFETY_ACTIONS = frozenset({"safety", "safety_open"})


def thresholds(stored: Mapping[str, Any] | None) -> dict[str, Any]:
    out = dict(DEFAULTS)
    for k, v in (stored or {}).items():
        if k in DEFAULTS and isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0:
            out[k] = type(DEFAULTS[k])(v)
    return out


@dataclass(frozen=True)
class Trigger:
    kind: str
    subject: str
    group_id: str | None
    occurred_on: date | None
    facts: Mapping[str, Any] = field(default_factory=dict)
    session_id: str | None = None
    incident_id: str | None = None
    due_on: date | None = None
    risk_to_life: bool = False

    @property
    def month(self) -> str:
        return self.occurred_on.strftime("%Y-%m") if self.occurred_on else ""

    @property
    def material_hash(self) -> str:
        return material_hash(self.kind, self.subject, self.facts)


def material_hash(kind: str, subject: str, facts: Mapping[str, Any]) -> str:
    doc = json.dumps(
        {"kind": kind, "subject": subject, "facts": facts},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IncidentFact:
    id: str
    group_id: str
    session_id: str | None
    type: str
    severity: int
    follow_up: str
    day: date | None


def is_risk_to_life(type_: str, severity: int) -> bool:
    return type_ in RISK_TYPES or severity >= RISK_SEVERITY


def incident_triggers(
    incidents: Iterable[IncidentFact], follow_up_days: Mapping[int, int]
) -> list[Trigger]:
    """An incident whose follow-up is open (or done but not yet reviewed) needs a
    look, due ``follow_up_days[severity]`` after it happened (from the protocol)."""
    out = []
    for i in incidents:
        if i.follow_up == "none_needed":
            continue
        days = follow_up_days.get(i.severity)
        due = i.day + timedelta(days=days) if (i.day and days is not None) else None
        out.append(
            Trigger(
                "incident_follow_up",
                f"incident:{i.id}",
                i.group_id,
                i.day,
                {"type": i.type, "severity": i.severity, "follow_up": i.follow_up},
                session_id=i.session_id,
                incident_id=i.id,
                due_on=due,
                risk_to_life=is_risk_to_life(i.type, i.severity),
            )
        )
    return out


def safety_triggers(
    sessions: Sequence[SessionRow], steps: Iterable[StepRow], incidents: Iterable[IncidentFact]
) -> list[Trigger]:
    """A session where the Safety panel was opened (logged) or an incident recorded."""
    opened: dict[str, int] = {}
    for e in steps:
        if e.action in SAFETY_ACTIONS:
            opened[e.session_id] = opened.get(e.session_id, 0) + 1
    with_incident: dict[str, int] = {}
    for i in incidents:
        if i.session_id:
            with_incident[i.session_id] = with_incident.get(i.session_id, 0) + 1
    out = []
    for s in sessions:
        if s.is_practice or (s.id not in opened and s.id not in with_incident):
            continue
        out.append(
            Trigger(
                "safety_opened",
                f"safety:{s.id}",
                s.group_id,
                s.day,
                {"opened": opened.get(s.id, 0), "incidents": with_incident.get(s.id, 0)},
                session_id=s.id,
            )
        )
    return out


def fidelity_triggers(
    sessions: Sequence[SessionRow],
    steps: Iterable[StepRow],
    scripts: Mapping[str, ScriptInfo],
    limits: Mapping[str, Any],
    no_notes_phases: Mapping[str, Sequence[str]] | None = None,
) -> list[Trigger]:
    """A held session that skipped a mandatory step, did not agree ground rules,
    missed a defusing phase or ran much longer than planned (the fidelity rules of
    :mod:`facilitator.tracking.fidelity`)."""
    by_session: dict[str, list[StepRow]] = {}
    for e in steps:
        by_session.setdefault(e.session_id, []).append(e)
    out = []
    for s in held_sessions(sessions):
        script = scripts.get(s.script_id)
        facts: dict[str, Any] = {}
        expected_phases = sorted(set(script.phases.values())) if script else []
        if s.no_notes:
            done_phases = list((no_notes_phases or {}).get(s.id, ()))
        else:
            fid = session_fidelity(s, by_session.get(s.id, ()), script)
            missed = [m for m in fid.mandatory if m not in fid.done]
            if missed:
                facts["mandatory_skipped"] = missed
            has_rules = bool(script and script.rules_steps) or s.rules_reviewed
            if has_rules and not fid.rules_reviewed:
                facts["ground_rules_not_agreed"] = True
            if fid.overrun_minutes >= float(limits["overrun_minutes"]):
                facts["overrun_minutes"] = round(fid.overrun_minutes)
            done_phases = phases_done(fid, script)
        missing = [p for p in expected_phases if p not in done_phases]
        if expected_phases and missing:
            facts["phases_missing"] = missing
        if facts:
            out.append(
                Trigger("fidelity", f"fidelity:{s.id}", s.group_id, s.day, facts, session_id=s.id)
            )
    return out


def attendance_triggers(
    sessions: Sequence[SessionRow], attended: Mapping[str, int], limits: Mapping[str, Any]
) -> list[Trigger]:
    """Per group: the mean attendance of the last N held sessions fell by at least the
    set share against the N sessions before them."""
    n = int(limits["attendance_window"])
    share = float(limits["attendance_drop_share"])
    by_group: dict[str, list[SessionRow]] = {}
    for s in held_sessions(sessions):
        by_group.setdefault(s.group_id, []).append(s)
    out = []
    for gid, rows in by_group.items():
        rows.sort(key=lambda r: (r.day, r.id))
        if len(rows) < 2 * n:
            continue
        before = [attended.get(r.id, r.headcount or 0) for r in rows[-2 * n : -n]]
        after = [attended.get(r.id, r.headcount or 0) for r in rows[-n:]]
        mb, ma = sum(before) / n, sum(after) / n
        if mb > 0 and (mb - ma) / mb >= share:
            last = rows[-1]
            out.append(
                Trigger(
                    "attendance_drop",
                    f"attendance:{gid}:{last.id}",
                    gid,
                    last.day,
                    {
                        "sessions": n,
                        "mean_before": round(mb, 1),
                        "mean_after": round(ma, 1),
                        "drop_percent": round(100 * (mb - ma) / mb),
                    },
                )
            )
    return out


def quiet_triggers(
    groups: Mapping[str, date | None],
    sessions: Sequence[SessionRow],
    today: date,
    limits: Mapping[str, Any],
) -> list[Trigger]:
    """A group (not archived) with no held session for ``quiet_days``; ``groups`` maps
    each active group to the day it was created."""
    days = int(limits["quiet_days"])
    last: dict[str, date] = {}
    for s in held_sessions(sessions):
        if s.group_id not in last or s.day > last[s.group_id]:
            last[s.group_id] = s.day
    out = []
    for gid, created in groups.items():
        since = last.get(gid) or created
        if since is None or (today - since).days < days:
            continue
        out.append(
            Trigger(
                "group_quiet",
                f"quiet:{gid}:{since.isoformat()}",
                gid,
                since,
                {
                    "last_session": last[gid].isoformat() if gid in last else None,
                    "threshold_days": days,
                },
            )
        )  # stable: no day count that ages
    return out


def attended_counts(attendance: Iterable[Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for a in attendance:
        if a.status in ATTENDED:
            out[a.session_id] = out.get(a.session_id, 0) + 1
    return out
