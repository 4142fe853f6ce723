"""Plain data the run engine hands out: plans, events, snapshots and outcomes.

Kept apart from :mod:`facilitator.session.engine` so the UI, the persistence layer
and reports can share these frozen dataclasses without the state machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Optional

from facilitator.scripts.model import Script

Status = Literal["ready", "running", "paused", "finished", "abandoned"]
Clock = Callable[[], float]


@dataclass(frozen=True)
class StepPlan:
    """What the engine needs to know about one script step."""

    id: str
    kind: str
    minutes: float
    floor_minutes: float
    mandatory: bool
    speaker_minutes: Optional[float] = None
    phase: Optional[str] = None

    @classmethod
    def from_script(cls, script: Script) -> list[StepPlan]:
        return [
            cls(
                s.id,
                s.kind,
                float(s.minutes),
                s.floor_minutes,
                s.mandatory,
                s.speaker_minutes,
                s.phase,
            )
            for s in script.steps
        ]


@dataclass(frozen=True)
class EngineEvent:
    """One action. ``step_index`` is the current step *after* the action."""

    seq: int
    action: str
    step_index: Optional[int]
    step_id: Optional[str]
    elapsed: float
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    """Everything the run screen shows, computed at one instant."""

    status: Status
    step_index: Optional[int]
    step_id: Optional[str]
    step_planned: float
    step_elapsed: float
    step_remaining: float
    session_elapsed: float
    session_planned: float
    session_remaining: float
    projected_overrun: float

    @property
    def step_overrun(self) -> bool:
        return self.step_remaining < 0


@dataclass(frozen=True)
class StepOutcome:
    index: int
    step_id: str
    kind: str
    phase: Optional[str]
    script_minutes: float
    planned_minutes: float  # after extensions and recovery cuts
    actual_seconds: float
    visited: bool
    skipped_reason: Optional[str]
    mandatory: bool
