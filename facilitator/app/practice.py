"""Practice use cases for trainers and trainees, shared by the CLI and the app's screens.

List the scenarios, start an attempt, play it (next step, choose, inject, pause,
resume), finish it, look at a trainee's history, and replay any attempt from its seed.
Every transcript entry and every input is written to the store the moment it happens
(one small unit of work each), so a crash mid-attempt loses nothing. Practice rows live
only in the ``practice_*`` tables: nothing here writes a real session, attendance,
score or incident.
"""

from __future__ import annotations

import random
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator, Optional

from sqlalchemy import select

from facilitator.app.access import AccessDenied, Principal, acting, allowed, as_user
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.errors import InputError
from facilitator.practice.engine import Action, Entry, Mode, Outcome, PracticeRun
from facilitator.practice.loader import (
    ScenarioSummary,
    find_scenario,
    list_builtin,
    parse_scenario_text,
)
from facilitator.practice.model import Scenario
from facilitator.session.events import Clock
from facilitator.scripts.library import load_script
from facilitator.scripts.model import Script
from facilitator.store.db import Database
from facilitator.store.models_practice import PracticeAction, PracticeAttempt, PracticeEntry
from facilitator.store.models import utcnow

MAX_TRAINEE = 100
# how an attempt's status reads inside a sentence ("This attempt is finished; ...")
ATTEMPT_STATUS = {
    "finished": QT_TRANSLATE_NOOP("errors", "finished"),
    "abandoned": QT_TRANSLATE_NOOP("errors", "abandoned"),
}


# ---- whose attempts (issue 14) ------------------------------------------------------------
def owns_attempt(who: Principal, user_id: Optional[str]) -> bool:
    """THE rule for "one's own attempt": started by this user, or (no user recorded:
    older attempts, a one-person install's first run) by the install's owner."""
    return (bool(user_id) and user_id == who.user_id) or (not user_id and who.owner)


def may_open_attempt(who: Principal, user_id: Optional[str]) -> bool:
    """A trainer (``practice.review``) opens anyone's attempt; everyone else who
    practises (``practice.use``) only their own."""
    return allowed(who, "practice.review") or owns_attempt(who, user_id)


def attempt_actor(
    db: Database,
    attempt_id: str,
    who: Principal | None,
    permission: str = "practice.use",
) -> Principal:
    """The acting user, refused unless allowed ``permission`` and the attempt is theirs
    or they review anyone's. A missing attempt passes here (the caller says so)."""
    actor = acting(db, who, permission)
    with db.session() as s:
        owner = s.scalar(select(PracticeAttempt.user_id).where(PracticeAttempt.id == attempt_id))
        exists = owner is not None or s.get(PracticeAttempt, attempt_id) is not None
    if exists and not may_open_attempt(actor, owner):
        raise AccessDenied(
            QT_TRANSLATE_NOOP(
                "practice",
                "{user} may open only their own practice attempts: "
                "reviewing other people's needs the role trainer.",
            ),
            params=as_user(actor),
        )
    return actor


def list_scenarios() -> list[ScenarioSummary]:
    """The built-in scenarios, with title, status and content warnings."""
    return list_builtin()


def _script_for(db: Database | None, scenario: Scenario) -> Script:
    if db is None:
        return load_script(scenario.script)
    with db.session() as s:
        return load_script(scenario.script, s)


def _resolver(db: Database | None):  # type: ignore[no-untyped-def]
    def resolve(script_id: str) -> Script:
        if db is None:
            return load_script(script_id)
        with db.session() as s:
            return load_script(script_id, s)

    return resolve


def load_scenario(ref: str, db: Database | None = None) -> tuple[Scenario, Optional[str]]:
    """A built-in scenario by id, or a file by path (its text is returned to be kept)."""
    scenario = find_scenario(ref, _resolver(db))
    text = None
    if Path(ref).suffix in (".yaml", ".yml") and Path(ref).is_file():
        text = Path(ref).read_text(encoding="utf-8")
    return scenario, text


@dataclass
class Attempt:
    """A live attempt: the engine plus the store row it writes to as it goes."""

    id: str
    run: PracticeRun
    db: Database
    _closed: bool = False

    def _batch(self) -> ContextManager[None]:
        rec = self.run.recorder
        return rec.batch() if isinstance(rec, _Recorder) else nullcontext()

    def start(self) -> None:
        with self._batch():
            self.run.start()

    def poll(self) -> list[Entry]:
        with self._batch():
            return self.run.poll()

    def next_step(self) -> None:
        with self._batch():
            self.run.next_step()

    def choose(self, option_id: str) -> Entry:
        with self._batch():
            entry = self.run.choose(option_id)
        self.sync_if_ended()  # an option may end the scenario: store the result now
        return entry

    def inject(self, event_id: str) -> None:
        with self._batch():
            self.run.inject(event_id)

    def pause(self) -> None:
        with self._batch():
            self.run.pause()

    def open_safety(self) -> Entry:
        with self._batch():
            return self.run.open_safety()

    def resume(self) -> None:
        with self._batch():
            self.run.resume()

    def finish(self) -> Outcome:
        with self._batch():
            outcome = self.run.finish() if not self.run.done else self.run.outcome
        assert outcome is not None
        if not self._closed:
            self._close("finished", outcome)
        return outcome

    def abandon(self) -> None:
        with self._batch():
            self.run.abandon()
        self._close("abandoned", None)

    def sync_if_ended(self) -> Optional[Outcome]:
        """After a choice that ends the scenario, store the result (once)."""
        if self.run.done and self.run.outcome is not None and not self._closed:
            self._close("finished", self.run.outcome)
            return self.run.outcome
        return None

    def _close(self, status: str, outcome: Outcome | None) -> None:
        self._closed = True
        with self.db.unit() as s:
            row = s.get(PracticeAttempt, self.id)
            assert row is not None
            row.status = status
            row.finished_at = utcnow()
            if outcome is not None:
                row.result = outcome.result
                row.percent = outcome.percent
                row.scores = dict(outcome.scores)
                row.critical_missed = list(outcome.critical_missed)


class _Recorder:
    """Writes transcript entries and inputs to the store, then tells the listener.

    Inside :meth:`batch` (one input: a poll, a choice...) everything the engine logs is
    written in ONE unit of work, then shown: one commit per input instead of one per
    line, so an event card is on screen a single disk sync after its time, and still
    nothing is shown before it is saved."""

    def __init__(
        self,
        db: Database,
        attempt_id: str,
        listener: Callable[[Entry | Action], None] | None = None,
    ) -> None:
        self.db, self.attempt_id, self.listener = db, attempt_id, listener
        self.buffer: list[Entry | Action] = []
        self.depth = 0

    def __call__(self, item: Entry | Action) -> None:
        if self.depth:
            self.buffer.append(item)
        else:
            self._write([item])

    def _write(self, items: list[Entry | Action]) -> None:
        with self.db.unit() as s:
            for item in items:
                if isinstance(item, Entry):
                    s.add(
                        PracticeEntry(
                            attempt_id=self.attempt_id,
                            seq=item.seq,
                            kind=item.kind,
                            t=item.t,
                            step_id=item.step_id,
                            data=dict(item.data),
                        )
                    )
                else:
                    s.add(
                        PracticeAction(
                            attempt_id=self.attempt_id,
                            seq=item.seq,
                            action=item.action,
                            arg=item.arg,
                            clock=item.at,
                        )
                    )
        if self.listener is not None:  # the screen (or the terminal) shows it once saved
            for item in items:
                self.listener(item)

    @contextmanager
    def batch(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.buffer:
                items, self.buffer = self.buffer, []
                self._write(items)


def _recorder(
    db: Database, attempt_id: str, listener: Callable[[Entry | Action], None] | None = None
) -> _Recorder:
    return _Recorder(db, attempt_id, listener)


def start_attempt(
    db: Database,
    scenario_ref: str,
    trainee: str,
    *,
    seed: int | None = None,
    mode: Mode = "practice",
    clock: Clock = time.monotonic,
    listener: Callable[[Entry | Action], None] | None = None,
    who: Principal | None = None,
) -> Attempt:
    """Create the attempt row and a ready-to-start engine (call ``start()``).

    ``listener`` sees every transcript entry and input right after it is saved (the
    practice screen turns entries into event cards and decision panels). ``who``: the
    acting user (``practice.use``; see :func:`facilitator.app.access.acting`)."""
    actor = acting(db, who, "practice.use")
    trainee = (trainee or "").strip()
    if not trainee or len(trainee) > MAX_TRAINEE:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "Give the trainee a label of 1 to {max_trainee} characters."
            ),
            params={"max_trainee": MAX_TRAINEE},
        )
    if mode not in ("practice", "assessment"):
        raise InputError(QT_TRANSLATE_NOOP("errors", "The mode is practice or assessment."))
    scenario, text = load_scenario(scenario_ref, db)
    if mode == "assessment" and scenario.metadata.status != "reviewed":
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "'{id}' is a draft; only reviewed scenarios can be used for assessment. Use practice mode.",
            ),
            params={"id": scenario.id},
        )
    script = _script_for(db, scenario)
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    with db.unit() as s:
        row = PracticeAttempt(
            scenario_id=scenario.id,
            scenario_version=scenario.version,
            scenario_hash=scenario.fingerprint,
            scenario_yaml=text,
            script_id=script.id,
            script_hash=script.fingerprint,
            seed=seed,
            mode=mode,
            trainee=trainee,
            status="running",
            counts_for_assessment=mode == "assessment",
            user_id=actor.user_id or None,
        )
        s.add(row)
        s.flush()
        attempt_id = row.id
    run = PracticeRun(
        scenario, script, seed, mode, clock=clock, recorder=_recorder(db, attempt_id, listener)
    )
    with db.unit() as s:
        s.get(PracticeAttempt, attempt_id).temperaments = dict(run.temperaments)  # type: ignore[union-attr]
    return Attempt(attempt_id, run, db)


def resumable(status: str) -> bool:
    """THE rule for "can be resumed": only an attempt still running (the app was closed
    or crashed in the middle); a finished or stopped one is over."""
    return status == "running"


@dataclass(frozen=True)
class AttemptSummary:
    id: str
    scenario_id: str
    scenario_version: str
    trainee: str
    mode: str
    seed: int
    status: str
    started_at: datetime
    finished_at: Optional[datetime]
    result: Optional[str]
    percent: Optional[float]
    scores: dict[str, Any]
    critical_missed: list[Any]

    @property
    def resumable(self) -> bool:
        return resumable(self.status)


def _summary(row: PracticeAttempt) -> AttemptSummary:
    return AttemptSummary(
        row.id,
        row.scenario_id,
        row.scenario_version,
        row.trainee,
        row.mode,
        row.seed,
        row.status,
        row.started_at,
        row.finished_at,
        row.result,
        row.percent,
        dict(row.scores or {}),
        list(row.critical_missed or []),
    )


def history(
    db: Database,
    trainee: str | None = None,
    scenario_id: str | None = None,
    *,
    who: Principal | None = None,
) -> list[AttemptSummary]:
    """Attempts, oldest first, optionally for one trainee and/or one scenario: anyone's
    for a trainer, one's own for everyone else who practises."""
    actor = acting(db, who, "practice.use")
    query = select(PracticeAttempt).order_by(PracticeAttempt.started_at, PracticeAttempt.id)
    if trainee is not None:
        query = query.where(PracticeAttempt.trainee == trainee)
    if scenario_id is not None:
        query = query.where(PracticeAttempt.scenario_id == scenario_id)
    with db.session() as s:
        return [_summary(r) for r in s.scalars(query) if may_open_attempt(actor, r.user_id)]


def stored_transcript(
    db: Database, attempt_id: str, *, who: Principal | None = None
) -> list[dict[str, Any]]:
    attempt_actor(db, attempt_id, who)
    with db.session() as s:
        rows = s.scalars(
            select(PracticeEntry)
            .where(PracticeEntry.attempt_id == attempt_id)
            .order_by(PracticeEntry.seq)
        )
        return [
            {"seq": r.seq, "t": r.t, "kind": r.kind, "step_id": r.step_id, "data": dict(r.data)}
            for r in rows
        ]


class _ResumeClock:
    """Reads the recorded times while an attempt is replayed, then carries on from the
    last one with the live clock (the time the app was closed counts as a pause)."""

    def __init__(self, live: Clock) -> None:
        self.live = live
        self.replaying = True
        self.now = 0.0
        self._base = 0.0
        self._live0 = 0.0

    def go_live(self) -> None:
        self._base, self._live0, self.replaying = self.now, self.live(), False

    def __call__(self) -> float:
        return self.now if self.replaying else self._base + (self.live() - self._live0)


def resume_attempt(
    db: Database,
    attempt_id: str,
    clock: Clock = time.monotonic,
    listener: Callable[[Entry | Action], None] | None = None,
    *,
    who: Principal | None = None,
) -> Attempt:
    """Pick up an attempt that was not finished (the app was closed or crashed): its
    inputs are replayed from the store, then play continues where it stopped."""
    attempt_actor(db, attempt_id, who)
    with db.session() as s:
        row = s.get(PracticeAttempt, attempt_id)
        if row is None:
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "There is no practice attempt '{attempt_id}'."),
                params={"attempt_id": attempt_id},
            )
        if not resumable(row.status):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This attempt is finished or was stopped, so it cannot be resumed: "
                    "open its debrief, or start a new attempt.",
                )
            )
        actions = [Action(a.seq, a.clock, a.action, a.arg) for a in row.actions]
        scenario_id, yaml_text, seed, mode = row.scenario_id, row.scenario_yaml, row.seed, row.mode
        wanted = row.scenario_hash
    if yaml_text is not None:
        scenario = parse_scenario_text(yaml_text, f"attempt:{attempt_id}", _resolver(db))
    else:
        scenario = find_scenario(scenario_id, _resolver(db))
    if scenario.fingerprint != wanted:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The scenario '{scenario_id}' has changed since this attempt; it cannot be resumed.",
            ),
            params={"scenario_id": scenario_id},
        )
    rclock = _ResumeClock(clock)
    run = PracticeRun(scenario, _script_for(db, scenario), seed, mode, clock=rclock)  # type: ignore[arg-type]
    for act in actions:
        rclock.now = float(act.at)
        run.apply_action(act)
    rclock.go_live()
    run.recorder = _recorder(db, attempt_id, listener)
    return Attempt(attempt_id, run, db)


def debrief(db: Database, attempt_id: str, lang: str, *, who: Principal | None = None) -> list[str]:
    """The debrief of a finished attempt, rebuilt by replaying it: key moments beside the
    strongest options, scores with reasons, critical actions, the result."""
    from facilitator.practice.text import debrief_lines

    run = replay_attempt(db, attempt_id, who=who)
    if run.outcome is None:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "This attempt was not finished; there is no debrief.")
        )
    return debrief_lines(run, run.outcome, lang)


def replay_attempt(db: Database, attempt_id: str, *, who: Principal | None = None) -> PracticeRun:
    """Play a stored attempt again from its seed and inputs (the same transcript)."""
    attempt_actor(db, attempt_id, who)
    with db.session() as s:
        row = s.get(PracticeAttempt, attempt_id)
        if row is None:
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "There is no practice attempt '{attempt_id}'."),
                params={"attempt_id": attempt_id},
            )
        actions = [Action(a.seq, a.clock, a.action, a.arg) for a in row.actions]
        scenario_id, yaml_text, seed, mode = row.scenario_id, row.scenario_yaml, row.seed, row.mode
        wanted = row.scenario_hash
    if yaml_text is not None:
        scenario = parse_scenario_text(yaml_text, f"attempt:{attempt_id}", _resolver(db))
    else:
        scenario = find_scenario(scenario_id, _resolver(db))
    if scenario.fingerprint != wanted:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The scenario '{scenario_id}' has changed since this attempt; it cannot be replayed exactly.",
            ),
            params={"scenario_id": scenario_id},
        )
    return PracticeRun.replay(scenario, _script_for(db, scenario), seed, mode, actions)  # type: ignore[arg-type]


# ---- authoring: the scenario editor's files ----------------------------------------------


@dataclass(frozen=True)
class ScenarioSource:
    """A scenario's YAML for the editor. ``path`` is where Save writes without asking
    (None for a copy of a built-in scenario, which is saved through a dialog)."""

    text: str
    path: Optional[str]
    suggested_name: str


def bundled_scenario_source(scenario_id: str) -> ScenarioSource:
    """A copy of a built-in scenario's file to edit (the original is never written)."""
    for summary in list_builtin():
        if summary.id == scenario_id:
            text = Path(summary.path).read_text(encoding="utf-8")
            return ScenarioSource(text, None, f"{scenario_id}-copy.yaml")
    raise InputError(
        QT_TRANSLATE_NOOP("errors", "There is no built-in scenario '{id}'."),
        params={"id": scenario_id},
    )


def read_scenario_source(path: str | Path) -> ScenarioSource:
    """A scenario file's text (refused unread over 1 MB, or when it is not UTF-8 text)."""
    from facilitator.scripts.loader import ScriptValidationError, read_file_bytes

    try:
        data = read_file_bytes(path)
        text = data.decode("utf-8-sig")
    except ScriptValidationError as exc:
        problem = exc.problems[0]
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Cannot open {file}: {reason}"),
            params={"file": Path(path).name, "reason": problem.message},
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Cannot open {file}: it is not UTF-8 text."),
            params={"file": Path(path).name},
        ) from None
    return ScenarioSource(text, str(path), Path(path).name)


def save_scenario_source(path: str | Path, text: str) -> Path:
    """Write the editor's text to ``path`` atomically (a temporary file, then a rename),
    under the output-path rule: never a store, its keys, a folder or a device. The
    caller has asked before replacing a file (a save dialog, or the file it opened)."""
    from facilitator.store.fsutil import atomic_write
    from facilitator.store.outpath import check_output_path

    target = check_output_path(path, overwrite=True)
    atomic_write(target, text.encode("utf-8"), mode=0o644)
    return target
