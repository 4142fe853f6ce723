"""The run engine: a pure-Python state machine that walks a session through a script.

Every action becomes an :class:`EngineEvent` carrying the session's *active*
elapsed seconds (time spent running, pauses excluded). All timing is derived from
those stamps plus an injected monotonic clock, never from counting timer ticks, so
a UI that stalls for a second loses nothing, and an engine rebuilt from its event
log (:meth:`RunEngine.replay`) is in exactly the state it was in. The engine knows
nothing about Qt or the database: a *recorder* (the persistence layer) sees each
event before it takes effect and may veto it by raising; *listeners* (the UI) see
it afterwards.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from facilitator import steplog
from facilitator.errors import EngineError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session.events import (  # noqa: F401 - re-exported for callers
    Clock,
    EngineEvent,
    Snapshot,
    Status,
    StepOutcome,
    StepPlan,
)
from facilitator.session.recovery import Candidate, Recovery, plan_recovery
from facilitator.session.round_actions import RoundActions
from facilitator.session.rounds import RoundState
from facilitator.scripts.model import Script

MAX_EXTEND_MINUTES = 60


@dataclass
class _StepState:
    active: float = 0.0  # seconds spent on this step while running
    extra: float = 0.0  # seconds added by extend, removed by shorten
    skipped: Optional[str] = None  # the reason, while skipped
    visited: bool = False


def _is_index(value: object) -> bool:
    """A step position: an int, and not ``True``/``False`` (which Python counts as ints)."""
    return isinstance(value, int) and not isinstance(value, bool)


class RunEngine(RoundActions):
    def __init__(
        self,
        steps: list[StepPlan] | Script,
        clock: Clock = time.monotonic,
        recorder: Callable[[EngineEvent], None] | None = None,
    ) -> None:
        self.plan: list[StepPlan] = (
            StepPlan.from_script(steps) if isinstance(steps, Script) else list(steps)
        )
        if not self.plan:
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "The script has no steps to run."))
        self._clock = clock
        self.recorder = recorder
        self._listeners: list[Callable[[EngineEvent], None]] = []
        self.status: Status = "ready"
        self.index: Optional[int] = None
        self._steps = [_StepState() for _ in self.plan]
        self._rounds: dict[int, RoundState] = {}
        self._elapsed = 0.0  # session active seconds at the last event
        self._anchor = clock()  # clock reading at the last event
        self.events: list[EngineEvent] = []

    # ---- observers and replay ---------------------------------------------------

    def add_listener(self, fn: Callable[[EngineEvent], None]) -> None:
        self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[EngineEvent], None]) -> None:
        self._listeners.remove(fn)

    @classmethod
    def replay(
        cls,
        steps: list[StepPlan] | Script,
        events: Iterable[EngineEvent],
        clock: Clock = time.monotonic,
    ) -> RunEngine:
        """Rebuild an engine from its event log; the clock restarts from now."""
        engine = cls(steps, clock)
        for ev in events:
            if ev.seq != len(engine.events) + 1:
                raise EngineError(
                    QT_TRANSLATE_NOOP(
                        "RunEngine", "The session log is out of order at entry {seq}."
                    ),
                    params={"seq": ev.seq},
                )
            engine._check_replayable(ev)
            try:
                engine._apply(ev)
            except (KeyError, IndexError, TypeError, ValueError, AttributeError):
                # A log we wrote ourselves should never fail here; a damaged one must
                # still give the user a sentence, not a traceback.
                raise EngineError(
                    QT_TRANSLATE_NOOP("RunEngine", "The session log is damaged at entry {seq}."),
                    params={"seq": ev.seq},
                ) from None
        engine._anchor = clock()
        return engine

    def _check_replayable(self, ev: EngineEvent) -> None:
        """Refuse an event that points at a step this plan does not have in that place
        (the script was reordered or shortened since the log was written)."""
        n = len(self.plan)
        if ev.step_index is not None and (
            not isinstance(ev.step_index, int)
            or not 0 <= ev.step_index < n
            or self.plan[ev.step_index].id != ev.step_id
        ):
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "RunEngine",
                    "The session log does not match this script at entry {seq}: "
                    "step '{step_id}' is not step {step_index} of the script.",
                ),
                params={"seq": ev.seq, "step_id": ev.step_id, "step_index": ev.step_index},
            )
        target = ev.payload.get("index") if isinstance(ev.payload, dict) else None
        if ev.action in ("skip", "shorten") and (
            not isinstance(target, int) or not 0 <= target < n
        ):
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "The session log is damaged at entry {seq}."),
                params={"seq": ev.seq},
            )
        if (
            ev.action == "skip"
            and isinstance(target, int)
            and ev.payload.get("step", self.plan[target].id) != self.plan[target].id
        ):
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "RunEngine",
                    "The session log does not match this script at entry {seq}: "
                    "the skipped step '{step}' is not step {target}.",
                ),
                params={"seq": ev.seq, "step": ev.payload.get("step"), "target": target},
            )

    # ---- time -------------------------------------------------------------------

    def elapsed(self) -> float:
        """Session active seconds now (pauses excluded)."""
        if self.status == "running":
            return self._elapsed + max(0.0, self._clock() - self._anchor)
        return self._elapsed

    def _live(self) -> float:
        return self.elapsed() - self._elapsed

    def planned_seconds(self, index: int) -> float:
        return self.plan[index].minutes * 60 + self._steps[index].extra

    def step_elapsed(self, index: Optional[int] = None) -> float:
        i = self.index if index is None else index
        if i is None:
            return 0.0
        return self._steps[i].active + (self._live() if i == self.index else 0.0)

    @property
    def budget_seconds(self) -> float:
        """The session's planned length: the script's minutes. Extending a step does
        not move the end of the session; it creates an overrun to recover."""
        return sum(p.minutes for p in self.plan) * 60

    def snapshot(self) -> Snapshot:
        elapsed = self.elapsed()
        i = self.index
        if i is None:
            planned = step_el = 0.0
            future = range(len(self.plan))
        else:
            planned, step_el = self.planned_seconds(i), self.step_elapsed(i)
            future = range(i + 1, len(self.plan))
        rest = sum(
            max(0.0, self.planned_seconds(j) - self._steps[j].active)
            for j in future
            if self._steps[j].skipped is None
        )
        done = self.status in ("finished", "abandoned")
        projected = elapsed if done else elapsed + max(0.0, planned - step_el) + rest
        return Snapshot(
            status=self.status,
            step_index=i,
            step_id=self.plan[i].id if i is not None else None,
            step_planned=planned,
            step_elapsed=step_el,
            step_remaining=planned - step_el,
            session_elapsed=elapsed,
            session_planned=self.budget_seconds,
            session_remaining=self.budget_seconds - elapsed,
            projected_overrun=max(0.0, projected - self.budget_seconds),
        )

    def suggest_recovery(self) -> Recovery:
        """Which remaining steps to shorten, and by how much, to finish on time."""
        snap = self.snapshot()
        start = -1 if self.index is None else self.index
        candidates = [
            Candidate(j, p.id, self.planned_seconds(j) / 60, p.floor_minutes)
            for j, p in enumerate(self.plan)
            if j > start
            and not p.mandatory
            and self._steps[j].skipped is None
            and self._steps[j].active == 0.0
        ]
        return plan_recovery(snap.projected_overrun, candidates)

    def apply_recovery(self, recovery: Recovery) -> None:
        for cut in recovery.cuts:
            self.shorten(cut.index, cut.cut_minutes)

    # ---- step log views ---------------------------------------------------------

    def skipped(self) -> dict[int, str]:
        return {i: s.skipped for i, s in enumerate(self._steps) if s.skipped is not None}

    def visited(self) -> list[int]:
        return [i for i, s in enumerate(self._steps) if s.visited]

    def phases_done(self) -> list[str]:
        """Phases with at least one step reached and not skipped, in script order
        (what a no-notes defusing record keeps)."""
        done = [p.id for p, st in zip(self.plan, self._steps) if st.visited and st.skipped is None]
        return steplog.phases_done(
            done, [p.id for p in self.plan], {p.id: p.phase for p in self.plan}
        )

    def outcomes(self) -> list[StepOutcome]:
        """Planned against actual time for every step, for the close summary."""
        return [
            StepOutcome(
                i,
                p.id,
                p.kind,
                p.phase,
                p.minutes,
                self.planned_seconds(i) / 60,
                self.step_elapsed(i),
                st.visited,
                st.skipped,
                p.mandatory,
            )
            for i, (p, st) in enumerate(zip(self.plan, self._steps))
        ]

    def mandatory_missed(self) -> list[str]:
        """Mandatory steps never reached or skipped: a fidelity flag for the summary."""
        return [
            p.id
            for p, s in zip(self.plan, self._steps)
            if p.mandatory and (not s.visited or s.skipped is not None)
        ]

    # ---- actions ----------------------------------------------------------------

    def _need(self, *states: Status) -> None:
        if self.status in states:
            return
        messages = {
            "ready": QT_TRANSLATE_NOOP("RunEngine", "The session has not started yet."),
            "running": QT_TRANSLATE_NOOP("RunEngine", "The session is already running."),
            "paused": QT_TRANSLATE_NOOP("RunEngine", "The session is paused; resume it first."),
            "finished": QT_TRANSLATE_NOOP("RunEngine", "The session has already finished."),
            "abandoned": QT_TRANSLATE_NOOP("RunEngine", "The session was abandoned."),
        }
        raise EngineError(messages[self.status])

    def start(self) -> EngineEvent:
        self._need("ready")
        return self._emit("start", 0, {"steps": len(self.plan)})

    def pause(self, reason: str = "") -> EngineEvent:
        self._need("running")
        return self._emit("pause", self.index, {"reason": reason} if reason else {})

    def resume(self) -> EngineEvent:
        self._need("paused")
        return self._emit("resume", self.index)

    def note_safety(self) -> EngineEvent:
        """The Safety panel was opened: logged without content, so the supervisor's
        review queue sees that the safety protocol was used in this session."""
        self._need("running", "paused")
        return self._emit("safety", self.index)

    def _next_open(self, after: int) -> Optional[int]:
        for j in range(after + 1, len(self.plan)):
            if self._steps[j].skipped is None:
                return j
        return None

    def next(self) -> EngineEvent:
        self._need("running", "paused")
        assert self.index is not None
        target = self._next_open(self.index)
        if target is None:
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "This is the last step: finish the session.")
            )
        return self._emit("next", target, {"from": self.index})

    def back(self) -> EngineEvent:
        self._need("running", "paused")
        assert self.index is not None
        if self.index == 0:
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "This is the first step."))
        return self._emit("back", self.index - 1, {"from": self.index})

    def jump(self, index: int) -> EngineEvent:
        self._need("running", "paused")
        if not _is_index(index) or not 0 <= index < len(self.plan):
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "RunEngine", "There is no step {index}; the script has {n} steps."
                ),
                params={"index": index, "n": len(self.plan)},
            )
        if index == self.index:
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "That is already the current step."))
        return self._emit("jump", index, {"from": self.index})

    def skip(self, reason: str, index: Optional[int] = None) -> EngineEvent:
        """Skip the current step (and move on) or a later one, with a reason."""
        self._need("running", "paused")
        assert self.index is not None
        reason = (reason or "").strip()
        if not reason:
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "Give a reason for skipping the step.")
            )
        target = self.index if index is None else index
        if not _is_index(target) or not self.index <= target < len(self.plan):
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "Only the current or a later step can be skipped.")
            )
        if self._steps[target].skipped is not None:
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "That step is already skipped."))
        payload = {
            "index": target,
            "step": self.plan[target].id,
            "reason": reason[:500],
            "mandatory": self.plan[target].mandatory,
        }
        new_index = self.index
        if target == self.index:
            nxt = self._next_open(self.index)
            new_index = nxt if nxt is not None else self.index
        return self._emit("skip", new_index, payload)

    def extend(self, minutes: float) -> EngineEvent:
        self._need("running", "paused")
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, (int, float))
            or not 0 < minutes <= MAX_EXTEND_MINUTES
        ):
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "RunEngine", "Extend by more than 0 and at most {max_extend_minutes} minutes."
                ),
                params={"max_extend_minutes": MAX_EXTEND_MINUTES},
            )
        return self._emit("extend", self.index, {"minutes": float(minutes)})

    def shorten(self, index: int, minutes: float) -> EngineEvent:
        """Plan a later step shorter (how a recovery suggestion is applied)."""
        self._need("running", "paused")
        assert self.index is not None
        if not _is_index(index) or not self.index < index < len(self.plan):
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "Only a later step can be shortened."))
        plan = self.plan[index]
        if plan.mandatory:
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "'{id}' is mandatory and cannot be shortened."),
                params={"id": plan.id},
            )
        new = self.planned_seconds(index) / 60 - minutes
        if not minutes > 0 or new < plan.floor_minutes - 1e-9:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "RunEngine", "'{id}' cannot be shorter than {floor_minutes} minutes."
                ),
                params={"id": plan.id, "floor_minutes": f"{plan.floor_minutes:g}"},
            )
        return self._emit("shorten", self.index, {"index": index, "minutes": float(minutes)})

    def finish(self) -> EngineEvent:
        self._need("running", "paused")
        self._end_round_if_any()
        # The phases reached go into the log itself: for a no-notes defusing they are,
        # with the date and the headcount, the whole record that is kept.
        return self._emit(
            "finish",
            self.index,
            {"missed_mandatory": self.mandatory_missed(), "phases_done": self.phases_done()},
        )

    def abandon(self, reason: str = "") -> EngineEvent:
        self._need("ready", "running", "paused")
        return self._emit(
            "abandon",
            self.index,
            {"reason": (reason or "").strip()[:500], "phases_done": self.phases_done()},
        )

    def recover(self, gap_seconds: float) -> EngineEvent:
        """Mark a restart after a crash; a running session's gap counts as elapsed."""
        self._need("running", "paused")
        gap = max(0.0, float(gap_seconds))
        was_running = self.status == "running"
        return self._emit(
            "recovered",
            self.index,
            {"gap_seconds": round(gap, 3), "was_running": was_running},
            elapsed=self._elapsed + (gap if was_running else 0.0),
        )

    # ---- event plumbing ---------------------------------------------------------

    def _emit(
        self,
        action: str,
        index: Optional[int],
        payload: dict[str, Any] | None = None,
        elapsed: Optional[float] = None,
    ) -> EngineEvent:
        now = self._clock()
        stamp = (
            self._elapsed + max(0.0, now - self._anchor)
            if self.status == "running"
            else self._elapsed
        )
        if elapsed is not None:
            stamp = elapsed
        event = EngineEvent(
            seq=len(self.events) + 1,
            action=action,
            step_index=index,
            step_id=self.plan[index].id if index is not None else None,
            elapsed=round(stamp, 3),
            payload=dict(payload or {}),
        )
        if self.recorder is not None:
            self.recorder(event)  # may raise: the action then has not happened
        self._apply(event)
        self._anchor = now
        for fn in list(self._listeners):
            fn(event)
        return event

    def _apply(self, ev: EngineEvent) -> None:
        """Advance time to ``ev.elapsed`` under the old state, then change the state."""
        delta = max(0.0, ev.elapsed - self._elapsed)
        if self.status == "running" and self.index is not None:
            self._steps[self.index].active += delta
            state = self._rounds.get(self.index)
            if state is not None:
                state.add_time(delta)
        self._elapsed = max(self._elapsed, ev.elapsed)
        p, a = ev.payload, ev.action
        if a in ("start", "resume"):
            self.status = "running"
        elif a == "pause":
            self.status = "paused"
        elif a == "finish":
            self.status = "finished"
        elif a == "abandon":
            self.status = "abandoned"
        elif a == "skip":
            self._steps[p["index"]].skipped = p["reason"]
        elif a == "extend":
            self._steps[ev.step_index].extra += p["minutes"] * 60  # type: ignore[index]
        elif a == "shorten":
            self._steps[p["index"]].extra -= p["minutes"] * 60
        elif a == "round_start":
            self._rounds[ev.step_index] = RoundState.begin(list(p["codes"]))  # type: ignore[index]
        elif a in ("round_next", "round_pass", "round_end"):
            state = self._rounds[p.get("index", ev.step_index)]  # type: ignore[index]
            if a == "round_next":
                state.done()
            elif a == "round_pass":
                state.pass_turn(bool(p.get("come_back")))
            else:
                state.end()
        if ev.step_index is not None and ev.step_index != self.index:
            self.index = ev.step_index
            self._steps[ev.step_index].skipped = None  # going to a step un-skips it
        if self.index is not None and a in steplog.VISIT_ACTIONS:
            self._steps[self.index].visited = True
        self.events.append(ev)
