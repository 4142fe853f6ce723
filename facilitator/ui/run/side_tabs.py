"""Run mode's side tabs: who is here (or how many), this step's activity, WHO-5.

A view of the :class:`~facilitator.ui.run.controller.RunController`: the panels'
signals call the controller (which records them), and the controller's signals
(a newcomer, a saved WHO-5, agreed rules) are drawn here. Strings keep the
``RunView`` translation context, as they appear on that screen.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from facilitator.app.run_data import Person, Who5State
from facilitator.tracking.measures import measure_text
from facilitator.ui.run.activity import ActivityStack
from facilitator.ui.run.attendance_panel import AttendancePanel, HeadcountPanel
from facilitator.ui.run.common import locale_digits
from facilitator.ui.run.controller import RunController
from facilitator.ui.run.who5_panel import Who5Panel


class RunSideTabs(QTabWidget):
    """The tabs beside the step card, wired to one session's controller."""

    def __init__(self, controller: RunController, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runSideTabs")
        self.controller, self.lang = controller, lang
        c = controller
        self.attendance = AttendancePanel(self)
        self.attendance.toggled.connect(self._attendance_toggled)
        self.attendance.status_changed.connect(self._attendance_status)
        self.attendance.newcomer_requested.connect(c.add_newcomer)
        self.activity = ActivityStack(self)
        for panel in (self.activity.scores_pre, self.activity.scores_post):
            panel.scored.connect(
                lambda pid, value, passed, p=panel: c.record_score(p.phase, pid, value, passed)
            )
            panel.custom_scored.connect(c.record_custom)
        self.activity.rules.agreed.connect(c.agree_rules)
        self.activity.round.start_requested.connect(
            lambda: c.start_round([p.code for p in self.attendance.present_people()])
        )
        self.activity.round.next_requested.connect(c.next_speaker)
        self.activity.round.pass_requested.connect(c.pass_speaker)
        self.activity.round.end_requested.connect(c.end_round)
        self.addTab(self.attendance, QCoreApplication.translate("RunView", "Who is here"))
        self.addTab(self.activity, QCoreApplication.translate("RunView", "This step"))
        self.headcount: Optional[HeadcountPanel] = None
        self.who5: Optional[Who5Panel] = None
        c.newcomer_added.connect(self._newcomer_added)
        c.who5_saved.connect(self._who5_saved)
        c.rules_agreed.connect(lambda: self.activity.rules.set_agreed(True))

    def load(self) -> None:
        """Fill the tabs from the run data (once, when run mode opens)."""
        d = self.controller.data
        self.attendance.set_people(
            d.people, present=d.present, newcomers=d.newcomers, statuses=d.statuses
        )
        if d.headcount_only or d.no_notes:
            # A no-notes session (defusing) keeps only how many came, never who: the
            # roster is replaced by the same number field a headcount-only group uses.
            self.headcount = HeadcountPanel(self)
            self.headcount.set_value(d.headcount or 0)
            self.headcount.changed.connect(self.controller.set_headcount)
            self.removeTab(0)
            self.insertTab(0, self.headcount, QCoreApplication.translate("RunView", "How many"))
            self.setCurrentIndex(0)
        if d.rules is not None:
            self.activity.rules.set_rules(d.rules, self.lang, d.rules_agreed)
        self.activity.round.set_people(d.people)
        self.activity.set_custom_scales(d.custom_scales, self.lang)
        if not (d.headcount_only or d.no_notes):  # WHO-5 needs a roster (never in no-notes)
            ui_lang = self.controller.ctx.lang
            self.who5 = Who5Panel(
                measure_text(d.who5_spec, ui_lang if ui_lang in ("en", "ar") else "en"),
                d.who5_due,
                d.is_practice,
                d.who5,
                self,
            )
            self.who5.save_requested.connect(self.controller.save_who5)
            self.addTab(self.who5, "")

    def refresh_people(self) -> None:
        """Who is present, into the step's activity, the tab titles and WHO-5."""
        d = self.controller.data
        self.activity.set_people(self.attendance.present_people(), d.scores, d.custom)
        if not (d.headcount_only or d.no_notes):  # "who is here" at a glance
            count = locale_digits(str(len(self.attendance.present_ids())))
            self.setTabText(
                self.indexOf(self.attendance),
                QCoreApplication.translate("RunView", "Who is here (%1)").replace("%1", count),
            )
        if self.who5 is not None:
            self.who5.set_people(self.attendance.present_people())
            self.setTabText(self.indexOf(self.who5), self.who5.tab_title())

    def _attendance_toggled(self, pid: str, present: bool) -> None:
        self.controller.set_present(pid, present)
        self.refresh_people()

    def _attendance_status(self, pid: str, status: str) -> None:
        self.controller.set_status(pid, status)
        self.refresh_people()

    def _newcomer_added(self, person: Person) -> None:
        self.attendance.add_person(person, present=True, newcomer=True)
        self.activity.round.set_people(self.controller.data.people)
        self.refresh_people()

    def _who5_saved(self, pid: str, state: Who5State) -> None:
        if self.who5 is not None:
            self.who5.show_saved(pid, state)
            self.refresh_people()
