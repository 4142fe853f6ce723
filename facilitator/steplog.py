"""The run engine's vocabulary as the stored step log speaks it, written once.

The engine (:mod:`facilitator.session.engine`) writes the log; the session
summaries, fidelity and reports (:mod:`facilitator.tracking`) read it back. The two
packages may not import each other, so the rules both apply live here, below both:

* which actions *visit* the step they land on (``start``, ``next``, ``back``,
  ``jump``, ``skip``); ``skip`` names the skipped step in its payload and moving onto
  a skipped step un-skips it;
* a step is *done* when it was visited and is not skipped at the end;
* a *phase* is done when at least one of its steps is done, listed in script order;
* a no-notes session keeps the phases listed by its ``finish``/``abandon`` entry and
  a headcount: the one typed in, else the number of people marked as attending.

Plain Python: no store, no Qt.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

VISIT_ACTIONS = frozenset({"start", "next", "back", "jump", "skip"})
END_ACTIONS = frozenset({"finish", "abandon"})


class StepWalk:
    """Visited and skipped steps (by step id), followed one log entry at a time."""

    def __init__(self) -> None:
        self.visited: list[str] = []
        self.skipped: set[str] = set()
        self.current: Optional[str] = None

    def observe(self, action: str, step_id: Optional[str], payload: Mapping[str, Any]) -> None:
        """Take one entry: ``step_id`` is the current step *after* the action."""
        if action == "skip" and payload.get("step"):
            self.skipped.add(str(payload["step"]))
        if step_id and step_id != self.current:
            self.skipped.discard(step_id)  # moving onto a skipped step un-skips it
            self.current = step_id
        if step_id and action in VISIT_ACTIONS and step_id not in self.visited:
            self.visited.append(step_id)

    def done(self) -> tuple[str, ...]:
        return tuple(s for s in self.visited if s not in self.skipped)


def phases_done(
    done: Iterable[str], order: Sequence[str], phases: Mapping[str, Optional[str]]
) -> list[str]:
    """Phases with at least one step done, in script ``order`` (step ids missing from
    ``order`` come after it, in the order given)."""
    done = list(done)
    done_set = set(done)
    out: list[str] = []
    for sid in [*order, *done]:
        phase = phases.get(sid)
        if sid in done_set and phase and phase not in out:
            out.append(phase)
    return out


def recorded_phases(
    entries: Iterable[tuple[str, Optional[Mapping[str, Any]]]],
) -> Optional[list[str]]:
    """The phases a ``finish`` or ``abandon`` entry recorded (the last one wins), or
    None when the log has no such entry (a session still open)."""
    found: Optional[list[str]] = None
    for action, payload in entries:
        if action in END_ACTIONS and payload and "phases_done" in payload:
            found = [str(p) for p in payload["phases_done"]]
    return found


def no_notes_headcount(typed: Optional[int], attending: int) -> Optional[int]:
    """A no-notes session's headcount: the one typed in, else how many were marked
    present or leaving early (None when nobody was)."""
    if typed is not None:
        return typed
    return attending or None
