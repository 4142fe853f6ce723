"""Suggest how to win back time when a session runs over.

A facilitator who is running late has to decide, while also holding the room, what
to trim. The engine proposes it: shorten the remaining non-mandatory steps in
proportion to how much room each has above its floor, in whole minutes, never below
the floor and never touching a mandatory step (closing, safety check...). If that is
not enough the plan says how many minutes are still uncovered, so the facilitator
can decide to skip something or agree with the group to run over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class StepCut:
    index: int
    step_id: str
    planned_minutes: float
    suggested_minutes: float

    @property
    def cut_minutes(self) -> float:
        return self.planned_minutes - self.suggested_minutes


@dataclass(frozen=True)
class Recovery:
    overrun_minutes: int  # projected overrun, rounded up to whole minutes
    cuts: tuple[StepCut, ...]

    @property
    def covered_minutes(self) -> float:
        return sum(c.cut_minutes for c in self.cuts)

    @property
    def uncovered_minutes(self) -> float:
        return max(0.0, self.overrun_minutes - self.covered_minutes)

    @property
    def fully_covered(self) -> bool:
        return self.uncovered_minutes == 0


@dataclass(frozen=True)
class Candidate:
    index: int
    step_id: str
    planned_minutes: float
    floor_minutes: float

    @property
    def slack(self) -> int:
        """Whole minutes this step can give up."""
        return max(0, math.floor(self.planned_minutes - self.floor_minutes + 1e-9))


def plan_recovery(overrun_seconds: float, candidates: list[Candidate]) -> Recovery:
    """Spread ``overrun_seconds`` over ``candidates`` (already filtered: future,
    not mandatory, not skipped) by largest remainder on each step's slack."""
    need = math.ceil(max(0.0, overrun_seconds) / 60 - 1e-9)
    usable = [c for c in candidates if c.slack > 0]
    total = sum(c.slack for c in usable)
    if need == 0 or total == 0:
        return Recovery(need, ())
    take = min(need, total)
    shares = [take * c.slack / total for c in usable]
    alloc = [min(c.slack, math.floor(s)) for c, s in zip(usable, shares)]
    left = take - sum(alloc)
    # Hand out the remaining minutes to the largest remainders; later steps first on
    # ties, since the end of a session usually has more give than its middle.
    order = sorted(range(len(usable)), key=lambda i: (shares[i] - alloc[i], i), reverse=True)
    while left > 0:
        progressed = False
        for i in order:
            if left and alloc[i] < usable[i].slack:
                alloc[i] += 1
                left -= 1
                progressed = True
        if not progressed:  # pragma: no cover - take <= total guarantees progress
            break
    cuts = tuple(
        StepCut(c.index, c.step_id, c.planned_minutes, c.planned_minutes - a)
        for c, a in zip(usable, alloc)
        if a > 0
    )
    return Recovery(need, cuts)
