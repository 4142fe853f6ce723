"""What run mode does when the facilitator acts: engine actions and store writes.

A mixin of :class:`~facilitator.ui.run.run_view.RunView`, split out so the view
module holds layout and drawing only. Engine actions go through :meth:`_act`,
which turns a refusal into a calm message; store writes go through the task runner
(:func:`~facilitator.ui.run.common.run_db`) as they happen. Strings use the
``RunView`` translation context, as they appear on that screen.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from facilitator.errors import FacilitatorError
from facilitator.app import run_data
from facilitator.ui.run.attendance_panel import HeadcountPanel
from facilitator.tracking.measures import measure_text
from facilitator.ui.run.common import Person, run_db
from facilitator.ui.run.who5_panel import Who5Panel

log = logging.getLogger("facilitator.ui.run.run_view")

EXTEND_MINUTES = 2


class RunActions:
    """Behaviour shared by the run view; expects the attributes RunView builds."""

    ctx: Any
    engine: Any

    # ---- data -------------------------------------------------------------------
    def _load_data(self) -> None:
        d = self.data
        self.attendance.set_people(d.people, present=d.present, newcomers=d.newcomers,
                                   statuses=d.statuses)
        if d.headcount_only or d.no_notes:
            # A no-notes session (defusing) keeps only how many came, never who: the
            # roster is replaced by the same number field a headcount-only group uses.
            self.headcount = HeadcountPanel(self)
            self.headcount.set_value(d.headcount or 0)
            self.headcount.changed.connect(self._headcount_changed)
            self.side.removeTab(0)
            self.side.insertTab(0, self.headcount,
                                QCoreApplication.translate("RunView", "How many"))
            self.side.setCurrentIndex(0)
        self.notes.set_aliases(d.aliases())
        self.notes.set_text_silently(d.note)
        if d.no_notes:
            self.notes.editor.setEnabled(False)
            self.notes.editor.setPlaceholderText(QCoreApplication.translate(
                "RunView", "No-notes mode: nothing is written down in this session."))
        else:
            self.notes.editor.setPlaceholderText(QCoreApplication.translate(
                "RunView", "Session notes (anonymous: codes, never names)"))
        if d.rules is not None:
            self.activity.rules.set_rules(d.rules, self.lang, d.rules_agreed)
        self.activity.round.set_people(d.people)
        self.activity.set_custom_scales(d.custom_scales, self.lang)
        self.who5: Optional[Who5Panel] = None
        if not (d.headcount_only or d.no_notes):  # WHO-5 needs a roster (never in no-notes)
            lang = self.ctx.lang if self.ctx.lang in ("en", "ar") else "en"
            self.who5 = Who5Panel(measure_text(d.who5_spec, lang), d.who5_due, d.is_practice,
                                  d.who5, self)
            self.who5.save_requested.connect(self._who5_save)
            self.side.addTab(self.who5, "")

    def _db(self, fn: Callable[[Any], Any], done: Callable[[Any], None] | None = None) -> None:
        run_db(self.ctx, fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            log.error("Run mode could not save", exc_info=exc)
        self.show_message(str(exc) if isinstance(exc, FacilitatorError) else
                          QCoreApplication.translate(
                              "RunView", "That could not be saved. Please try again."),
                          error=True)

    def _attendance_toggled(self, pid: str, present: bool) -> None:
        sid = self.session_id
        self.data.statuses.pop(pid, None)
        self._db(lambda s: run_data.set_present(s, sid, pid, present))
        self._refresh_activity_people()

    def _attendance_status(self, pid: str, status: str) -> None:
        """Left early / absent, sent word (or back to here / not here) from the menu."""
        sid = self.session_id
        if status in run_data.MARKED_STATUSES:
            self.data.statuses[pid] = status
        else:
            self.data.statuses.pop(pid, None)
        self._db(lambda s: run_data.set_status(s, sid, pid, status))
        self._refresh_activity_people()

    def _headcount_changed(self, value: int) -> None:
        sid = self.session_id
        self.data.headcount = value
        self._db(lambda s: run_data.set_headcount(s, sid, value))

    def add_newcomer(self) -> None:
        gid, sid = self.group_id, self.session_id
        self._db(lambda s: run_data.add_newcomer(s, gid, sid), self._newcomer_added)

    def _newcomer_added(self, person: Person) -> None:
        self.data.people.append(person)
        self.attendance.add_person(person, present=True, newcomer=True)
        self.activity.round.set_people(self.data.people)
        self._refresh_activity_people()
        self.show_message(QCoreApplication.translate(
            "RunView", "Newcomer added with the code %1.").replace("%1", person.code))

    def _scored(self, pid: str, value: Optional[int], passed: bool) -> None:
        phase = self.sender().phase  # type: ignore[union-attr]
        self.data.scores.setdefault(phase, {})[pid] = (value, passed)
        sid = self.session_id
        self._db(lambda s: run_data.record_score(s, sid, pid, phase, value, passed))

    def _custom_scored(self, key: str, phase: str, pid: str, value: Optional[float],
                       passed: bool) -> None:
        self.data.custom.setdefault((key, phase), {})[pid] = (value, passed)
        sid = self.session_id
        self._db(lambda s: run_data.record_custom(s, sid, pid, key, phase, value, passed))

    def _who5_save(self, pid: str, items: Optional[list[int]], passed: bool) -> None:
        sid = self.session_id

        def saved(state: run_data.Who5State) -> None:
            self.data.who5[pid] = state
            if self.who5 is not None:
                self.who5.show_saved(pid, state)
                self._refresh_activity_people()
        self._db(lambda s: run_data.save_who5(s, sid, pid, items, passed), saved)

    def _rules_agreed(self) -> None:
        sid, rules = self.session_id, self.data.rules
        if rules is None:
            return

        def saved(_hash: str) -> None:
            self.data.rules_agreed = True
            self.activity.rules.set_agreed(True)
        self._db(lambda s: run_data.agree_rules(s, sid, rules), saved)

    def _save_note(self, text: str) -> None:
        if self.data.no_notes:
            return
        gid, sid = self.group_id, self.session_id
        self.data.note = text
        self._db(lambda s: run_data.save_note(s, gid, sid, text))

    def _refresh_activity_people(self) -> None:
        self.activity.set_people(self.attendance.present_people(), self.data.scores,
                                 self.data.custom)
        if not (self.data.headcount_only or self.data.no_notes):  # "who is here" at a glance
            from facilitator.ui.run.common import locale_digits

            count = locale_digits(str(len(self.attendance.present_ids())))
            self.side.setTabText(self.side.indexOf(self.attendance), QCoreApplication.translate(
                "RunView", "Who is here (%1)").replace("%1", count))
        if getattr(self, "who5", None) is not None:
            self.who5.set_people(self.attendance.present_people())
            self.side.setTabText(self.side.indexOf(self.who5), self.who5.tab_title())

    # ---- engine actions -----------------------------------------------------------
    def _act(self, fn: Callable[[], Any]) -> bool:
        """Run an engine action; a refusal is shown as a calm message, not a dialog."""
        try:
            fn()
        except FacilitatorError as exc:
            self.show_message(self.ctx.tr_core("RunEngine", exc.message), error=True)
            return False
        except Exception as exc:  # noqa: BLE001 - e.g. the store busy: the action did not happen
            log.error("A run-mode action failed", exc_info=exc)
            self.show_message(QCoreApplication.translate(
                "RunView", "That could not be saved, so it did not happen. Please try again."),
                error=True)
            return False
        self.refresh()
        return True

    def go_next(self) -> None:
        if self.engine.status == "ready":
            self._act(self.engine.start)
        elif self._next_index() is None:
            self.show_message(QCoreApplication.translate(
                "RunView", "This is the last step: press Finish when you are ready."))
        else:
            self.notes.flush()
            self._act(self.engine.next)

    def go_back(self) -> None:
        if self.engine.status in ("running", "paused"):
            self._act(self.engine.back)

    def toggle_pause(self) -> None:
        if self.engine.status == "running":
            self._act(self.engine.pause)
        elif self.engine.status == "paused":
            self._act(self.engine.resume)

    def extend(self) -> None:
        if self._act(lambda: self.engine.extend(EXTEND_MINUTES)):
            self.show_message(QCoreApplication.translate(
                "RunView", "%1 minutes added to this step.").replace("%1", str(EXTEND_MINUTES)))

    def skip_step(self, reason: Optional[str] = None) -> None:
        """Skip with ``reason``; with no reason, ask for one (non-blocking dialog)."""
        if self.engine.status not in ("running", "paused"):
            return
        if reason is not None:
            self._act(lambda: self.engine.skip(reason))
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("skipDialog")
        dialog.setWindowTitle(QCoreApplication.translate("RunView", "Skip this step"))
        dialog.setLabelText(QCoreApplication.translate(
            "RunView", "Why skip it? (kept in the session record)"))
        dialog.setComboBoxItems([
            QCoreApplication.translate("RunView", "Running out of time"),
            QCoreApplication.translate("RunView", "Not right for the group today"),
            QCoreApplication.translate("RunView", "Already covered")])
        dialog.setComboBoxEditable(True)
        dialog.textValueSelected.connect(lambda text: self.skip_step(text))
        dialog.open()

    def start_round(self) -> None:
        if self.data.headcount_only or self.data.no_notes:
            # No roster: the round goes round seats "#1".."#n", so talking time is
            # still balanced and nothing in the log points at a person.
            codes = [f"#{i}" for i in range(1, (self.data.headcount or 0) + 1)]
        else:
            codes = [p.code for p in self.attendance.present_people()]
        if not codes:
            self.show_message(QCoreApplication.translate(
                "RunView", "Mark who is here first: a round needs people."), error=True)
            return
        self._act(lambda: self.engine.start_round(codes))

    def _round_key(self, fn: Callable[[], Any]) -> None:
        summary = self.engine.round_summary()
        if summary is not None and summary.current is not None:
            self._act(fn)

    def apply_recovery(self) -> None:
        plan = self.engine.suggest_recovery()
        if plan.cuts and self._act(lambda: self.engine.apply_recovery(plan)):
            self.show_message(QCoreApplication.translate(
                "RunView", "Later steps shortened as suggested."))

    def finish(self) -> None:
        if self.engine.status not in ("running", "paused"):
            return
        self.notes.flush()
        if self._act(self.engine.finish):
            self._show_summary()
            self.finished.emit(self.session_id)

    def leave(self) -> None:
        """Leave run mode; an unfinished session stays resumable from the home screen."""
        self.notes.flush()
        self.set_presenter_visible(False)
        self.timer.stop()
        self.left.emit()
        if getattr(self.ctx, "navigator", None) is not None:
            self.ctx.navigator.leave_run(self.group_id)

    def _on_event(self, _event: Any) -> None:
        if self.engine.index != self._shown_index:
            self._on_step_changed()
