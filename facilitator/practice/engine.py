"""Play a scenario over the real run engine and session clock.

:class:`PracticeRun` wraps a :class:`~facilitator.session.engine.RunEngine` built from
the scenario's base script, so steps, the step timer, pauses and extensions behave
exactly as in a real session. On top it keeps the simulated participants' state, fires
the scenario's events when their step, minute or state condition comes due, and opens
decision points, which pause the run engine (and so the step timer) until a choice is
made. Everything that happens is an :class:`Entry` in the transcript; everything the
trainee (or trainer) does is an :class:`Action` with its time on the injected clock, so
an attempt replays exactly from its seed and action log (:meth:`PracticeRun.replay`).

Randomness comes only from ``random.Random(seed)``: each participant's temperament
(drawn from the scenario's choices) and the jitter of timed events.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Literal, Optional

from facilitator.errors import Items, EngineError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session.engine import RunEngine
from facilitator.session.events import Clock
from facilitator.scripts.model import Script

from .model import (
    COMPETENCIES,
    RESULTS,
    STATE_MAX,
    STATE_MIN,
    TEMPERAMENTS,
    Decision,
    Event,
    Scenario,
    StateChange,
)

Mode = Literal["practice", "assessment"]
MODES: tuple[str, ...] = ("practice", "assessment")
COMPETENT_PERCENT, DEVELOPING_PERCENT = 80.0, 50.0
_EPS = 1e-6


class ManualClock:
    """A clock that moves only when told to: for replay, the CLI and the checker."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = float(start)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, float(seconds))


@dataclass(frozen=True)
class Entry:
    """One line of the transcript. ``t`` is the session's active seconds (pauses excluded)."""

    seq: int
    t: float
    kind: str  # start step event decision choice feedback coach state critical finish ...
    step_id: Optional[str]
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """One input to the run; ``at`` is seconds on the injected clock since the run began."""

    seq: int
    at: float
    action: str  # start poll next choose inject pause resume finish abandon
    arg: Optional[str] = None


@dataclass(frozen=True)
class ScorePoint:
    competency: str
    points: int
    decision: str
    option: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """The scores of a finished attempt, with the reason for every point."""

    scores: dict[str, int]
    best: dict[str, int]  # the most each competency could have earned at the decisions met
    points: tuple[ScorePoint, ...]
    earned: int
    possible: int
    percent: float
    critical_performed: tuple[str, ...]
    critical_missed: tuple[str, ...]
    result: str  # not_yet | developing | competent
    capped: bool
    decisions_reached: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class PracticeRun:
    def __init__(
        self,
        scenario: Scenario,
        script: Script,
        seed: int,
        mode: Mode = "practice",
        clock: Clock = time.monotonic,
        recorder: Callable[[Entry | Action], None] | None = None,
        temperaments: dict[str, str] | None = None,
    ) -> None:
        if mode not in MODES:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "Practice", "Unknown practice mode '{mode}'; use practice or assessment."
                ),
                params={"mode": mode},
            )
        if script.id != scenario.script:
            raise EngineError(
                QT_TRANSLATE_NOOP("Practice", "The scenario runs on '{script}', not '{id}'."),
                params={"script": scenario.script, "id": script.id},
            )
        if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**31:
            raise EngineError(
                QT_TRANSLATE_NOOP("Practice", "The seed is a whole number from 0 to 2147483647.")
            )
        self.scenario, self.script, self.seed, self.mode = scenario, script, seed, mode
        self._raw_clock = clock
        self._t0 = clock()
        self.recorder = recorder
        # Every reading the run makes (the run engine's too) is the time since the run
        # began, to the millisecond: exactly what the action log keeps, so a replay
        # from the log reads the very same numbers and reproduces every entry.
        self.run = RunEngine(script, clock=self.clock_seconds)
        rng = random.Random(seed)
        self.temperaments: dict[str, str] = {}
        self.state: dict[str, dict[str, int]] = {}
        for p in scenario.participants:
            temperament: str = rng.choice(list(p.temperaments))
            if temperaments is not None:  # the checker walks every combination itself
                temperament = temperaments[p.code]
            self.temperaments[p.code] = temperament
            start = p.state.model_dump()
            for var, delta in TEMPERAMENTS[temperament].items():
                start[var] = _clamp(start[var] + delta)
            self.state[p.code] = start
        self.jitter: dict[str, int] = {
            ev.id: rng.randint(0, ev.jitter_seconds) for ev in scenario.events if ev.jitter_seconds
        }
        self._step_index = {s.id: i for i, s in enumerate(script.steps)}
        self.entries: list[Entry] = []
        self.actions: list[Action] = []
        self.fired: list[str] = []
        self.pending: Optional[str] = None
        self._pending_since = 0.0
        self._queue: list[str] = []
        self.reached: list[str] = []
        self.choices: list[tuple[str, str]] = []
        self.performed: list[str] = []
        self.points: list[ScorePoint] = []
        self.trainer_paused = False
        self.ended = False
        self.outcome: Optional[Outcome] = None

    # ---- views ----------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.ended

    def clock_seconds(self) -> float:
        return round(self._raw_clock() - self._t0, 3)

    def pending_decision(self) -> Optional[Decision]:
        return self.scenario.decision(self.pending) if self.pending else None

    def visible_entries(self) -> list[Entry]:
        """What the trainee sees now: in assessment mode, coach notes and feedback wait
        until the end."""
        if self.mode == "practice" or self.ended:
            return list(self.entries)
        return [e for e in self.entries if e.kind not in ("coach", "feedback")]

    def transcript(self) -> list[dict[str, Any]]:
        return [asdict(e) for e in self.entries]

    # ---- inputs -----------------------------------------------------------------------

    def start(self) -> None:
        if self.run.status != "ready":
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "The practice has already started."))
        self._act("start")
        self.run.start()
        self._log(
            "start",
            {
                "seed": self.seed,
                "mode": self.mode,
                "temperaments": dict(self.temperaments),
                "state": {c: dict(s) for c, s in self.state.items()},
            },
        )
        self._log("step", {"index": 0})
        self._fire_due()

    def poll(self) -> list[Entry]:
        """Fire whatever has come due; the UI calls this on its timer. Returns new entries."""
        if self.ended or self.run.status != "running" or self.pending:
            return []
        due = self._due_events()
        if not due:
            return []
        before = len(self.entries)
        self._act("poll")
        self._fire_due()
        return self.entries[before:]

    def next_step(self) -> None:
        self._need_open()
        if self.pending:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "Answer the decision first."))
        if self.run.index is not None and self.run.index >= len(self.script.steps) - 1:
            # refused before it is logged: a logged input must replay without an error
            raise EngineError(
                QT_TRANSLATE_NOOP("Practice", "This is the last step: finish the practice.")
            )
        self._act("next")
        self.run.next()
        self._log("step", {"index": self.run.index})
        self._fire_due()

    def choose(self, option_id: str) -> Entry:
        """Take an option at the pending decision; returns the choice entry."""
        self._need_open()
        decision = self.pending_decision()
        if decision is None:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "There is no decision to answer now."))
        try:
            option = decision.option(option_id)
        except KeyError:
            raise EngineError(
                QT_TRANSLATE_NOOP(
                    "Practice", "The decision has no option '{option_id}'; choose one of: {known}."
                ),
                params={"option_id": option_id, "known": Items(o.id for o in decision.options)},
            ) from None
        self._act("choose", option_id)
        response = round(self.clock_seconds() - self._pending_since, 3)
        self.choices.append((decision.id, option.id))
        best = max(o.total for o in decision.options)
        entry = self._log(
            "choice",
            {
                "decision": decision.id,
                "option": option.id,
                "response_seconds": response,
                "best": option.total == best,
                "scores": dict(option.scores),
            },
        )
        for comp in COMPETENCIES:
            if option.scores.get(comp):
                self.points.append(
                    ScorePoint(
                        comp, option.scores[comp], decision.id, option.id, tuple(option.cites)
                    )
                )
        self._log(
            "feedback", {"decision": decision.id, "option": option.id, "cites": list(option.cites)}
        )
        for act in option.performs:
            if act not in self.performed:
                self.performed.append(act)
                self._log("critical", {"action": act, "decision": decision.id})
        self._apply_changes(option.changes, f"{decision.id}.{option.id}")
        self.pending = None
        if option.minutes:
            self.run.extend(option.minutes)
            self._log("extend", {"minutes": option.minutes})
        if option.ends:
            self._end("ended_by_option")
            return entry
        if option.next is not None:
            self._open(option.next)
            return entry
        if self._queue:
            self._open(self._queue.pop(0))
            return entry
        if not self.trainer_paused:
            self.run.resume()
        self._fire_due()
        return entry

    def inject(self, event_id: str) -> None:
        """A trainer brings one of the scenario's events forward to now."""
        self._need_open()
        ev = next((e for e in self.scenario.events if e.id == event_id), None)
        if ev is None:
            raise EngineError(
                QT_TRANSLATE_NOOP("Practice", "The scenario has no event '{event_id}'."),
                params={"event_id": event_id},
            )
        if ev.id in self.fired:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "That event has already happened."))
        self._act("inject", event_id)
        self._fire(ev, injected=True)
        self._fire_due()

    def pause(self) -> None:
        self._need_open()
        if self.trainer_paused:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "The practice is already paused."))
        self._act("pause")
        self.trainer_paused = True
        if self.run.status == "running":
            self.run.pause("trainer")
        self._log("paused", {})

    def resume(self) -> None:
        self._need_open()
        if not self.trainer_paused:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "The practice is not paused."))
        self._act("resume")
        self.trainer_paused = False
        if not self.pending and self.run.status == "paused":
            self.run.resume()
        self._log("resumed", {})
        self._fire_due()

    def open_safety(self) -> Entry:
        """The trainee pressed Safety: recorded with its time (a disclosure scenario's
        debrief shows when the safety steps were opened). It changes no score."""
        self._need_open()
        self._act("safety")
        return self._log("safety", {"decision": self.pending})

    def finish(self) -> Outcome:
        self._need_open()
        if self.pending:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "Answer the decision first."))
        self._act("finish")
        self._end("finished")
        assert self.outcome is not None
        return self.outcome

    def abandon(self) -> None:
        self._need_open()
        self._act("abandon")
        self.run.abandon("practice stopped")
        self.ended = True
        self._log("abandon", {})

    # ---- replay -----------------------------------------------------------------------

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        script: Script,
        seed: int,
        mode: Mode,
        actions: Iterable[Action | dict[str, Any]],
    ) -> PracticeRun:
        """Play the same inputs at the same clock times again: the same transcript."""
        clock = ManualClock()
        run = cls(scenario, script, seed, mode, clock=clock)
        for a in actions:
            act = a if isinstance(a, Action) else Action(**a)
            clock.now = float(act.at)
            run.apply_action(act)
        return run

    def apply_action(self, act: Action) -> None:
        """Perform one logged input again (the clock must already read its time)."""
        if act.action == "poll":
            self.poll()
        elif act.action == "choose":
            self.choose(str(act.arg))
        elif act.action == "inject":
            self.inject(str(act.arg))
        elif act.action == "next":
            self.next_step()
        elif act.action == "safety":
            self.open_safety()
        elif act.action in ("start", "pause", "resume", "finish", "abandon"):
            getattr(self, act.action)()
        else:
            raise EngineError(
                QT_TRANSLATE_NOOP("Practice", "The attempt's log is damaged at entry {seq}."),
                params={"seq": act.seq},
            )

    # ---- internals --------------------------------------------------------------------

    def _need_open(self) -> None:
        if self.ended:
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "The practice has ended."))
        if self.run.status == "ready":
            raise EngineError(QT_TRANSLATE_NOOP("Practice", "The practice has not started."))

    def _act(self, action: str, arg: Optional[str] = None) -> None:
        act = Action(len(self.actions) + 1, self.clock_seconds(), action, arg)
        if self.recorder is not None:
            self.recorder(act)
        self.actions.append(act)

    def _log(self, kind: str, data: dict[str, Any]) -> Entry:
        i = self.run.index
        entry = Entry(
            len(self.entries) + 1,
            round(self.run.elapsed(), 3),
            kind,
            self.script.steps[i].id if i is not None else None,
            data,
        )
        if self.recorder is not None:
            self.recorder(entry)
        self.entries.append(entry)
        return entry

    def event_due_at(self, ev: Event) -> Optional[float]:
        """Seconds of session time at which a timed event is due (None: state-triggered)."""
        jitter = self.jitter.get(ev.id, 0)
        if ev.minute is not None:
            return ev.minute * 60 + jitter
        return None

    def _is_due(self, ev: Event) -> bool:
        if ev.id in self.fired:
            return False
        if ev.when is not None:
            return ev.when.holds(self.state)
        if ev.minute is not None:
            return self.run.elapsed() + _EPS >= ev.minute * 60 + self.jitter.get(ev.id, 0)
        target = self._step_index[ev.step]  # type: ignore[index]
        current = self.run.index if self.run.index is not None else -1
        if current > target:
            return True  # the step was left early: what was going to happen still happens
        return current == target and self.run.step_elapsed(
            target
        ) + _EPS >= ev.after_minutes * 60 + self.jitter.get(ev.id, 0)

    def _due_events(self) -> list[Event]:
        return [ev for ev in self.scenario.events if self._is_due(ev)]

    def seconds_to_next_timed(self) -> Optional[float]:
        """Active seconds until the next step- or minute-triggered event on the current
        step's clock; None when none is due before the step changes."""
        best: Optional[float] = None
        now, i = self.run.elapsed(), self.run.index
        for ev in self.scenario.events:
            if ev.id in self.fired or ev.when is not None:
                continue
            if ev.minute is not None:
                wait = ev.minute * 60 + self.jitter.get(ev.id, 0) - now
            elif self._step_index[ev.step] == i:  # type: ignore[index]
                wait = ev.after_minutes * 60 + self.jitter.get(ev.id, 0) - self.run.step_elapsed(i)
            else:
                continue
            best = wait if best is None else min(best, wait)
        return None if best is None else max(0.0, best)

    def _fire_due(self) -> None:
        # State-triggered events can make others due; bounded by the number of events.
        for _ in range(len(self.scenario.events) + 1):
            if self.ended or self.pending or self.run.status != "running":
                return
            due = self._due_events()
            if not due:
                return
            for ev in due:
                self._fire(ev)
                if self.pending:
                    return

    def _fire(self, ev: Event, injected: bool = False) -> None:
        self.fired.append(ev.id)
        self._log(
            "event",
            {
                "event": ev.id,
                "who": ev.who,
                "kind": ev.kind,
                "target": ev.target,
                "cue": ev.cue is not None,
                "injected": injected,
            },
        )
        self._apply_changes(ev.changes, ev.id)
        if (
            ev.decision is not None
            and ev.decision not in self.reached
            and ev.decision not in self._queue
        ):
            if self.pending:
                self._queue.append(ev.decision)
            else:
                self._open(ev.decision)

    def _open(self, decision_id: str) -> None:
        if decision_id in self.reached:  # a decision point is met at most once
            if self._queue:
                self._open(self._queue.pop(0))
            elif not self.trainer_paused and self.run.status == "paused":
                self.run.resume()
            return
        if self.run.status == "running":
            self.run.pause("decision")  # the step timer stops while the trainee decides
        self.pending = decision_id
        self._pending_since = self.clock_seconds()
        self.reached.append(decision_id)
        self._log("decision", {"decision": decision_id})
        if self.scenario.decision(decision_id).coach is not None:
            self._log("coach", {"decision": decision_id})

    def _apply_changes(self, changes: list[StateChange], source: str) -> None:
        for ch in changes:
            old = self.state[ch.who][ch.var]
            new = _clamp(old + ch.delta)
            self.state[ch.who][ch.var] = new
            self._log(
                "state", {"who": ch.who, "var": ch.var, "from": old, "to": new, "source": source}
            )

    def _end(self, how: str) -> None:
        if self.run.status in ("running", "paused"):
            self.run.finish()
        self.ended = True
        self.outcome = self._score()
        self._log(
            "finish",
            {
                "how": how,
                "result": self.outcome.result,
                "scores": dict(self.outcome.scores),
                "percent": self.outcome.percent,
                "critical_missed": list(self.outcome.critical_missed),
                "unfired": [e.id for e in self.scenario.events if e.id not in self.fired],
            },
        )

    def _score(self) -> Outcome:
        scores: dict[str, int] = {c: 0 for c in COMPETENCIES}
        best: dict[str, int] = {c: 0 for c in COMPETENCIES}
        earned = possible = 0
        chosen = dict(self.choices)
        for dec_id in self.reached:
            decision = self.scenario.decision(dec_id)
            possible += max(o.total for o in decision.options)
            for comp in COMPETENCIES:
                best[comp] += max(o.scores.get(comp, 0) for o in decision.options)
            if dec_id in chosen:
                option = decision.option(chosen[dec_id])
                earned += option.total
                for comp, pts in option.scores.items():
                    scores[comp] += pts
        percent = round(100.0 * earned / possible, 1) if possible > 0 else 0.0
        level = (
            "competent"
            if percent >= COMPETENT_PERCENT
            else "developing"
            if percent >= DEVELOPING_PERCENT
            else "not_yet"
        )
        missed = [a for a in self.scenario.critical_actions if a.id not in self.performed]
        result = level
        for act in missed:
            if RESULTS.index(act.cap) < RESULTS.index(result):
                result = act.cap
        return Outcome(
            scores=scores,
            best=best,
            points=tuple(self.points),
            earned=earned,
            possible=possible,
            percent=percent,
            critical_performed=tuple(
                a.id for a in self.scenario.critical_actions if a.id in self.performed
            ),
            critical_missed=tuple(a.id for a in missed),
            result=result,
            capped=result != level,
            decisions_reached=tuple(self.reached),
        )


def _clamp(value: int) -> int:
    return max(STATE_MIN, min(STATE_MAX, value))


Chooser = Callable[[PracticeRun, Decision], str]


def autoplay(
    run: PracticeRun,
    chooser: Chooser,
    clock: ManualClock,
    think_seconds: Callable[[PracticeRun, Decision], float] | None = None,
    max_moves: int = 10_000,
) -> Outcome:
    """Play a whole attempt on a manual clock: each step runs its planned time, events
    fire when due, ``chooser`` answers each decision. Used by the CLI and the checker."""
    if run.run.status == "ready":
        run.start()
    for _ in range(max_moves):
        if run.done:
            break
        decision = run.pending_decision()
        if decision is not None:
            if think_seconds is not None:
                clock.advance(think_seconds(run, decision))
            run.choose(chooser(run, decision))
            continue
        remaining = max(0.0, run.run.snapshot().step_remaining)
        wait = run.seconds_to_next_timed()
        if wait is not None and wait <= remaining:
            clock.advance(wait)
            if not run.poll() and wait <= _EPS:
                clock.advance(0.001)  # rounding: never loop on the same instant
            continue
        clock.advance(remaining)
        run.poll()
        if run.pending or run.done:
            continue
        if run.run.index == len(run.script.steps) - 1:
            run.finish()
        else:
            run.next_step()
    else:
        raise EngineError(
            QT_TRANSLATE_NOOP("Practice", "The practice did not finish within the move limit.")
        )
    assert run.outcome is not None or run.done
    return run.outcome  # type: ignore[return-value]
