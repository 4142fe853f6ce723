"""Fidelity: did sessions follow their script?

Read from the run engine's step log (``StepEvent`` rows as plain :class:`StepRow`).
Tracking and session live in the same layer and may not import each other, so the
list of mandatory steps reaches this module as data: either in event payloads
(``{"mandatory": true}`` on a step's event, or ``{"mandatory_steps": [...]}`` on any
event such as the start) or from the caller as ``mandatory_by_script``.

A step counts as *done* when the log shows it was visited and it was never skipped;
a step the session ended before reaching is not done. Overrun is actual minus
planned minutes, floored at zero. Ground rules count as reviewed when a rules
agreement was recorded or a ``ground_rules`` step was done.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Collection, Iterable, Mapping, Sequence

from facilitator.tracking.analytics import SessionRow, StepRow, held_sessions

SKIP_ACTIONS = frozenset({"skip", "skipped", "skip_step"})
NON_STEP_ACTIONS = frozenset({"start", "pause", "resume", "end", "finish", "complete",
                              "abandon", "safety", "safety_pause", "incident", "note"})


@dataclass(frozen=True)
class SessionFidelity:
    session_id: str
    mandatory: tuple[str, ...]
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    planned_minutes: float | None
    actual_minutes: float | None
    rules_reviewed: bool

    @property
    def mandatory_done(self) -> int:
        return sum(1 for m in self.mandatory if m in self.done)

    @property
    def overrun_minutes(self) -> float:
        if self.planned_minutes is None or self.actual_minutes is None:
            return 0.0
        return max(0.0, self.actual_minutes - self.planned_minutes)


@dataclass(frozen=True)
class Fidelity:
    sessions: int
    mandatory_total: int
    mandatory_done: int
    overrun_minutes: float  # total over all sessions
    sessions_overrun: int
    rules_reviewed: int

    @property
    def mandatory_share(self) -> float | None:
        return self.mandatory_done / self.mandatory_total if self.mandatory_total else None

    @property
    def rules_share(self) -> float | None:
        return self.rules_reviewed / self.sessions if self.sessions else None

    @property
    def mean_overrun(self) -> float | None:
        return self.overrun_minutes / self.sessions if self.sessions else None


def session_fidelity(session: SessionRow, events: Sequence[StepRow],
                     mandatory: Collection[str] = ()) -> SessionFidelity:
    events = sorted(events, key=lambda e: e.seq)
    required = set(mandatory)
    visited: list[str] = []
    skipped: set[str] = set()
    planned = session.planned_minutes
    reviewed = session.rules_reviewed
    last_elapsed = 0.0
    for e in events:
        last_elapsed = max(last_elapsed, float(e.elapsed or 0.0))
        payload = e.payload or {}
        required.update(payload.get("mandatory_steps") or ())
        if planned is None and payload.get("planned_minutes") is not None:
            planned = float(payload["planned_minutes"])
        if not e.step_id:
            continue
        if payload.get("mandatory") is True:
            required.add(e.step_id)
        if e.action in SKIP_ACTIONS:
            skipped.add(e.step_id)
        elif e.action not in NON_STEP_ACTIONS and e.step_id not in visited:
            visited.append(e.step_id)
    done = tuple(s for s in visited if s not in skipped)
    if not reviewed:
        reviewed = any((e.payload or {}).get("kind") == "ground_rules" and e.step_id in done
                       for e in events)
    actual = session.actual_minutes
    if actual is None and events:
        actual = last_elapsed / 60.0
    return SessionFidelity(session.id, tuple(sorted(required)), done, tuple(sorted(skipped)),
                           planned, actual, reviewed)


def fidelity(sessions: Sequence[SessionRow], steps: Iterable[StepRow],
             mandatory_by_script: Mapping[str, Collection[str]] | None = None) -> Fidelity:
    """Pooled fidelity over the held real sessions in ``sessions``."""
    by_session: dict[str, list[StepRow]] = defaultdict(list)
    for e in steps:
        by_session[e.session_id].append(e)
    held = held_sessions(sessions)
    per = [session_fidelity(s, by_session.get(s.id, ()),
                            (mandatory_by_script or {}).get(s.script_id, ()))
           for s in held]
    return Fidelity(
        sessions=len(per),
        mandatory_total=sum(len(f.mandatory) for f in per),
        mandatory_done=sum(f.mandatory_done for f in per),
        overrun_minutes=sum(f.overrun_minutes for f in per),
        sessions_overrun=sum(1 for f in per if f.overrun_minutes > 0),
        rules_reviewed=sum(1 for f in per if f.rules_reviewed),
    )
