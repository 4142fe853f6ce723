"""Fidelity: did sessions follow their script?

Read from the run engine's step log (``StepEvent`` rows as plain :class:`StepRow`),
in the shape ``facilitator.session.engine`` writes it, walked with the engine's own
rules (:mod:`facilitator.steplog`: which actions visit a step, how a skip is undone);
``skip`` also says whether the step was mandatory (``{"step": id, "mandatory": bool}``),
``finish`` lists ``missed_mandatory``; ``extend`` adds minutes.

What the script says (its mandatory steps, planned minutes, which step is the
ground rules) reaches this module as data: a :class:`ScriptInfo` per script id,
made by :meth:`ScriptInfo.of` from the script as :mod:`facilitator.scripts` reads it
for the run engine too (:func:`facilitator.tracking.loaders.load_script_infos`),
plus whatever the log itself states.

A step is *done* when it was visited and is not skipped at the end; a step the
session ended before reaching is not done. Overrun is the session's active
(running) minutes minus the script's planned minutes, floored at zero. Ground rules
count as reviewed when a rules agreement was recorded or a ground-rules step was done.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from facilitator import steplog
from facilitator.scripts.model import Script
from facilitator.tracking.analytics import SessionRow, StepRow, held_sessions


@dataclass(frozen=True)
class ScriptInfo:
    mandatory: frozenset[str] = frozenset()
    planned_minutes: float | None = None
    rules_steps: frozenset[str] = frozenset()  # steps of kind ground_rules
    order: tuple[str, ...] = ()  # step ids in script order (for the session summary)
    titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict, compare=False)
    name: Mapping[str, str] = field(default_factory=dict, compare=False)  # the script's title
    phases: Mapping[str, str] = field(default_factory=dict, compare=False)  # step id -> phase

    @classmethod
    def of(cls, script: Script) -> ScriptInfo:
        """What fidelity and the session summary need from a validated script."""
        steps = script.steps
        return cls(
            mandatory=frozenset(st.id for st in steps if st.mandatory),
            planned_minutes=float(script.duration_minutes),
            rules_steps=frozenset(st.id for st in steps if st.kind == "ground_rules"),
            order=tuple(st.id for st in steps),
            titles={st.id: {"en": st.title.en, "ar": st.title.ar} for st in steps},
            name={"en": script.title.en, "ar": script.title.ar},
            phases={st.id: st.phase for st in steps if st.phase},
        )


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


def phases_done(fid: SessionFidelity, script: ScriptInfo | None) -> list[str]:
    """Phases with at least one step done, in script order: the run engine's rule
    (:func:`facilitator.steplog.phases_done`), for a log without a finish."""
    return steplog.phases_done(
        fid.done, script.order if script else (), script.phases if script else {}
    )


def session_fidelity(
    session: SessionRow, events: Sequence[StepRow], script: ScriptInfo | None = None
) -> SessionFidelity:
    script = script or ScriptInfo()
    required = set(script.mandatory)
    walk = steplog.StepWalk()
    last_elapsed = 0.0
    for e in sorted(events, key=lambda e: e.seq):
        last_elapsed = max(last_elapsed, float(e.elapsed or 0.0))
        payload = e.payload or {}
        if e.action == "skip" and payload.get("step") and payload.get("mandatory") is True:
            required.add(str(payload["step"]))
        if e.action == "finish":
            required.update(str(x) for x in payload.get("missed_mandatory") or ())
        walk.observe(e.action, e.step_id, payload)
    done, skipped = walk.done(), walk.skipped
    reviewed = session.rules_reviewed or any(s in script.rules_steps for s in done)
    actual = last_elapsed / 60.0 if events else session.actual_minutes
    planned = (
        session.planned_minutes if session.planned_minutes is not None else script.planned_minutes
    )
    return SessionFidelity(
        session.id, tuple(sorted(required)), done, tuple(sorted(skipped)), planned, actual, reviewed
    )


def fidelity(
    sessions: Sequence[SessionRow],
    steps: Iterable[StepRow],
    scripts: Mapping[str, ScriptInfo] | None = None,
) -> Fidelity:
    """Pooled fidelity over the held real sessions in ``sessions``.

    No-notes sessions are left out: they keep no step detail to judge fidelity by,
    and counting them as "nothing done" would understate the group's fidelity."""
    by_session: dict[str, list[StepRow]] = defaultdict(list)
    for e in steps:
        by_session[e.session_id].append(e)
    per = [
        session_fidelity(s, by_session.get(s.id, ()), (scripts or {}).get(s.script_id))
        for s in held_sessions(sessions)
        if not s.no_notes
    ]
    return Fidelity(
        sessions=len(per),
        mandatory_total=sum(len(f.mandatory) for f in per),
        mandatory_done=sum(f.mandatory_done for f in per),
        overrun_minutes=sum(f.overrun_minutes for f in per),
        sessions_overrun=sum(1 for f in per if f.overrun_minutes > 0),
        rules_reviewed=sum(1 for f in per if f.rules_reviewed),
    )
