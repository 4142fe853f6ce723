"""Run mode's controller: owns the session's runner, engine and run data, does every write.

Run mode by composition (napari's model and view): the :class:`RunController` holds
the state of one session and performs every engine action and every store write;
the run view and its panels call its methods and draw what its signals say. No view
touches the engine's state or the store, and the controller touches no widget.

Writes follow the threading contract of :mod:`facilitator.ui.tasks`: engine actions
are written to the store by the engine's recorder *before* they take effect, on the
UI thread (:class:`~facilitator.session.persistence.SessionRunner`); attendance,
scores, WHO-5, rules and notes go through the task runner as they happen
(:func:`~facilitator.ui.run.common.run_db`, which retries a busy store).
Strings use the ``RunView`` translation context, as they appear on that screen.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, Signal

from facilitator.app import run_data
from facilitator.app.run_data import Person, RunData
from facilitator.errors import FacilitatorError
from facilitator.session.persistence import SessionRunner
from facilitator.scripts.model import Script, Step
from facilitator.ui.errors_ui import error_text
from facilitator.ui.run.common import run_db
from facilitator.ui.run.presenter_view import PresenterState
from facilitator.ui.run.rules_panel import rule_lines

log = logging.getLogger("facilitator.ui.run.run_view")

EXTEND_MINUTES = 2


class RunController(QObject):
    """One session in run mode: the state, the actions and the writes."""

    changed = Signal()  # an engine action took effect: repaint
    step_changed = Signal()  # the current step is another one
    message = Signal(str, bool)  # text for the facilitator, and whether it is an error
    newcomer_added = Signal(object)  # the new Person, present
    who5_saved = Signal(str, object)  # participant id, Who5State
    rules_agreed = Signal()
    finished = Signal(str)  # session id, after the engine recorded "finish"

    def __init__(
        self,
        ctx: Any,
        runner: SessionRunner,
        script: Script,
        data: RunData,
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.engine, self.script, self.data = (
            ctx,
            runner,
            runner.engine,
            script,
            data,
        )
        self.session_id, self.group_id = runner.session_id, data.group_id
        # who opened the run (open_run checked them): every write checks again as them
        self.who = getattr(ctx, "principal", None)
        self._index = self.engine.index
        self.engine.add_listener(self._on_event)

    def _on_event(self, _event: Any) -> None:
        if self.engine.index != self._index:
            self._index = self.engine.index
            self.step_changed.emit()

    # ---- store writes (on the task runner) --------------------------------------------
    def _db(self, fn: Callable[[Any], Any], done: Callable[[Any], None] | None = None) -> None:
        run_db(self.ctx, fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            log.error("Run mode could not save", exc_info=exc)
        self.message.emit(
            error_text(exc, self.ctx.lang)
            if isinstance(exc, FacilitatorError)
            else QCoreApplication.translate(
                "RunView", "That could not be saved. Please try again."
            ),
            True,
        )

    def set_present(self, pid: str, present: bool) -> None:
        sid = self.session_id
        self.data.statuses.pop(pid, None)
        self._db(lambda s: run_data.set_present(s, sid, pid, present, who=self.who))

    def set_status(self, pid: str, status: str) -> None:
        """Left early / absent, sent word (or back to here / not here)."""
        sid = self.session_id
        if status in run_data.MARKED_STATUSES:
            self.data.statuses[pid] = status
        else:
            self.data.statuses.pop(pid, None)
        self._db(lambda s: run_data.set_status(s, sid, pid, status, who=self.who))

    def set_headcount(self, value: int) -> None:
        sid = self.session_id
        self.data.headcount = value
        self._db(lambda s: run_data.set_headcount(s, sid, value, who=self.who))

    def add_newcomer(self) -> None:
        gid, sid = self.group_id, self.session_id
        self._db(lambda s: run_data.add_newcomer(s, gid, sid, who=self.who), self._newcomer_added)

    def _newcomer_added(self, person: Person) -> None:
        self.data.people.append(person)
        self.newcomer_added.emit(person)
        self.message.emit(
            QCoreApplication.translate("RunView", "Newcomer added with the code %1.").replace(
                "%1", person.code
            ),
            False,
        )

    def record_score(self, phase: str, pid: str, value: Optional[int], passed: bool) -> None:
        self.data.scores.setdefault(phase, {})[pid] = (value, passed)
        sid = self.session_id
        self._db(lambda s: run_data.record_score(s, sid, pid, phase, value, passed, who=self.who))

    def record_custom(
        self, key: str, phase: str, pid: str, value: Optional[float], passed: bool
    ) -> None:
        self.data.custom.setdefault((key, phase), {})[pid] = (value, passed)
        sid = self.session_id
        self._db(
            lambda s: run_data.record_custom(s, sid, pid, key, phase, value, passed, who=self.who)
        )

    def save_who5(self, pid: str, items: Optional[list[int]], passed: bool) -> None:
        sid = self.session_id

        def saved(state: run_data.Who5State) -> None:
            self.data.who5[pid] = state
            self.who5_saved.emit(pid, state)

        self._db(lambda s: run_data.save_who5(s, sid, pid, items, passed, who=self.who), saved)

    def agree_rules(self) -> None:
        sid, rules = self.session_id, self.data.rules
        if rules is None:
            return

        def saved(_hash: str) -> None:
            self.data.rules_agreed = True
            self.rules_agreed.emit()

        self._db(lambda s: run_data.agree_rules(s, sid, rules, who=self.who), saved)

    def save_note(self, text: str) -> None:
        if self.data.no_notes:
            return
        gid, sid = self.group_id, self.session_id
        self.data.note = text
        self._db(lambda s: run_data.save_note(s, gid, sid, text, who=self.who))

    # ---- engine actions (recorded before they take effect) -----------------------------
    def act(self, fn: Callable[[], Any]) -> bool:
        """Run an engine action; a refusal becomes a calm message, not a dialog."""
        try:
            fn()
        except FacilitatorError as exc:
            self.message.emit(error_text(exc, self.ctx.lang), True)
            return False
        except Exception as exc:  # noqa: BLE001 - e.g. the store busy: it did not happen
            log.error("A run-mode action failed", exc_info=exc)
            self.message.emit(
                QCoreApplication.translate(
                    "RunView", "That could not be saved, so it did not happen. Please try again."
                ),
                True,
            )
            return False
        self.changed.emit()
        return True

    def current_step(self) -> tuple[int, Step]:
        """The step on screen (the first one before the session starts)."""
        index = self.engine.index if self.engine.index is not None else 0
        return index, self.script.steps[index]

    def presenter_state(self, lang: str) -> PresenterState:
        """Only what the room may see: never notes, codes or aliases."""
        snap = self.engine.snapshot()
        _index, step = self.current_step()
        ready = snap.status == "ready"
        rs = self.engine.round_summary()
        rules = self.data.rules
        return PresenterState(
            step_title=step.title.get(lang),
            remaining=step.minutes * 60 if ready else snap.step_remaining,
            planned=step.minutes * 60 if ready else snap.step_planned,
            paused=snap.status == "paused",
            rules=tuple(rule_lines(rules, lang, short=True)) if rules else (),
            show_rules=step.kind
            in ("ground_rules", "welcome", "check_in", "round", "discussion", "check_out"),
            finished=snap.status in ("finished", "abandoned"),
            speaker_remaining=rs.speaker_remaining if rs is not None and rs.current else None,
        )

    def steps_left(self) -> int:
        """Steps after the current one that are neither done nor skipped."""
        start = -1 if self.engine.index is None else self.engine.index
        skipped = self.engine.skipped()
        return sum(1 for j in range(start + 1, len(self.script.steps)) if j not in skipped)

    def next_index(self) -> Optional[int]:
        """The next step that is not skipped, or None at the last one."""
        start = -1 if self.engine.index is None else self.engine.index
        skipped = self.engine.skipped()
        return next((j for j in range(start + 1, len(self.script.steps)) if j not in skipped), None)

    def go_next(self) -> None:
        if self.engine.status == "ready":
            self.act(self.engine.start)
        elif self.next_index() is None:
            self.message.emit(
                QCoreApplication.translate(
                    "RunView", "This is the last step: press Finish when you are ready."
                ),
                False,
            )
        else:
            self.act(self.engine.next)

    def go_back(self) -> None:
        if self.engine.status in ("running", "paused"):
            self.act(self.engine.back)

    def toggle_pause(self) -> None:
        if self.engine.status == "running":
            self.act(self.engine.pause)
        elif self.engine.status == "paused":
            self.act(self.engine.resume)

    def extend(self) -> None:
        if self.act(lambda: self.engine.extend(EXTEND_MINUTES)):
            self.message.emit(
                QCoreApplication.translate("RunView", "%1 minutes added to this step.").replace(
                    "%1", str(EXTEND_MINUTES)
                ),
                False,
            )

    def skip(self, reason: str) -> None:
        if self.engine.status in ("running", "paused"):
            self.act(lambda: self.engine.skip(reason))

    def start_round(self, present_codes: list[str]) -> None:
        """A talking round over the people present; with no roster (headcount only, no
        notes) it goes round seats "#1".."#n", so nothing in the log points at a person."""
        if self.data.headcount_only or self.data.no_notes:
            codes = [f"#{i}" for i in range(1, (self.data.headcount or 0) + 1)]
        else:
            codes = list(present_codes)
        if not codes:
            self.message.emit(
                QCoreApplication.translate(
                    "RunView", "Mark who is here first: a round needs people."
                ),
                True,
            )
            return
        self.act(lambda: self.engine.start_round(codes))

    def next_speaker(self) -> None:
        self.act(self.engine.next_speaker)

    def pass_speaker(self, come_back: bool = False) -> None:
        self.act(lambda: self.engine.pass_speaker(come_back))

    def end_round(self) -> None:
        self.act(self.engine.end_round)

    def round_key(self, fn: Callable[[], Any]) -> None:
        """A speaker key (N, X): only while someone has the floor."""
        summary = self.engine.round_summary()
        if summary is not None and summary.current is not None:
            self.act(fn)

    def apply_recovery(self) -> None:
        plan = self.engine.suggest_recovery()
        if plan.cuts and self.act(lambda: self.engine.apply_recovery(plan)):
            self.message.emit(
                QCoreApplication.translate("RunView", "Later steps shortened as suggested."), False
            )

    def finish(self) -> bool:
        if self.engine.status not in ("running", "paused"):
            return False
        if self.act(self.engine.finish):
            self.finished.emit(self.session_id)
            return True
        return False

    def note_safety(self) -> None:
        """Log that the Safety panel was opened (no content), for the review queue."""
        if self.engine.status in ("running", "paused"):
            self.act(self.engine.note_safety)

    def abandon(self, reason: str) -> None:
        if self.engine.status in ("ready", "running", "paused"):
            self.act(lambda: self.engine.abandon(reason))
