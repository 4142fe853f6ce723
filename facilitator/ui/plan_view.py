"""Plan a session: choose a script, check its steps and times, print the handout, start.

Why the running start times: a facilitator plans against the clock on the wall
("the break is at 19:40"), so each step shows when it begins as well as how long it
lasts, and the footer confirms that the minutes add up to the session length.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.i18n import pick
from facilitator.app.scripts import get_script, script_summaries
from facilitator.scripts.library import ScriptSummary
from facilitator.scripts.model import Script
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext, RunRequest
from facilitator.ui.save_files import ask_save_path
from facilitator.ui.labels import program_label, step_kind_label
from facilitator.ui.translations import format_number


class PlanView(QWidget):
    """Script list on one side, the chosen script's plan on the other."""

    COLS = 4  # start, step, kind, minutes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plan")
        self.group_id: Optional[str] = None
        self.group_lang = ctx.lang
        self.group_program = ""
        self.default_script: Optional[str] = None
        self.script: Optional[Script] = None
        self.summaries: dict[str, ScriptSummary] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        self.title = W.heading(self.tr("Plan a session"), "title")
        outer.addWidget(self.title)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_l = QVBoxLayout(left)
        left_l.setContentsMargins(0, 0, 0, 0)
        left_l.addWidget(W.heading(self.tr("Scripts"), "subtitle"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Scripts"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._select(cur))
        left_l.addWidget(self.list, 1)
        split.addWidget(left)

        right = QWidget()
        right_l = QVBoxLayout(right)
        right_l.setContentsMargins(12, 0, 0, 0)
        self.script_title = W.heading("", "subtitle", name=self.tr("Script title"))
        self.summary = W.muted()
        self.meta = W.muted()
        self.steps = QTableWidget(0, self.COLS)
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("Steps of the session"))
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Starts at"), self.tr("Step"), self.tr("Kind"), self.tr("Minutes")]
        )
        self.steps.verticalHeader().setVisible(False)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setTabKeyNavigation(False)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (0, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.total = W.heading("", "body", name=self.tr("Total time"))
        self.total.setObjectName("total")
        for w in (self.script_title, self.summary, self.meta):
            right_l.addWidget(w)
        right_l.addWidget(self.steps, 1)
        right_l.addWidget(self.total)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([360, 900])
        outer.addWidget(split, 1)

        self.duplicate_btn = W.button(
            self.tr("&Duplicate to edit…"),
            tip=self.tr("Make your own copy of this script to reorder, retime or reword"),
        )
        self.duplicate_btn.clicked.connect(self.duplicate)
        self.edit_btn = W.button(self.tr("&Edit copy…"))
        self.edit_btn.clicked.connect(self.edit)
        self.handout_btn = W.button(
            self.tr("&Handout PDF…"), tip=self.tr("Save a one-page PDF for participants, to print")
        )
        self.handout_btn.clicked.connect(self.print_handout)
        self.who5_btn = W.button(
            self.tr("WHO-5 &forms PDF…"),
            tip=self.tr(
                "Save blank WHO-5 wellbeing forms as a PDF, to "
                "print for the group to fill in on paper"
            ),
        )
        self.who5_btn.clicked.connect(self.print_who5_forms)
        self.who5_hint = W.muted()
        self.who5_hint.setObjectName("who5Hint")
        self.practice = QCheckBox(self.tr("Practice run (not counted in reports)"))
        self.start_btn = W.button(self.tr("&Start session"), primary=True)
        self.start_btn.setObjectName("start_session")
        self.start_btn.clicked.connect(self.start)
        row = QHBoxLayout()
        for button in (self.duplicate_btn, self.edit_btn, self.handout_btn, self.who5_btn):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.practice)
        row.addWidget(self.start_btn)
        outer.addLayout(row)
        outer.addWidget(self.who5_hint)
        # Until both safety numbers are known, the plan screen says so, with the fields
        # one click away (they are the first thing F1 shows in a crisis).
        self.numbers_hint = W.muted()
        self.numbers_hint.setObjectName("safetyNumbersHint")
        theme.set_role(self.numbers_hint, "warning")
        self.numbers_hint.setWordWrap(True)
        self.numbers_btn = W.button(self.tr("Add the safety &numbers…"))
        self.numbers_btn.setObjectName("addSafetyNumbers")
        self.numbers_btn.clicked.connect(self.ask_numbers)
        numbers_row = QHBoxLayout()
        numbers_row.addWidget(self.numbers_hint, 1)
        numbers_row.addWidget(self.numbers_btn)
        outer.addLayout(numbers_row)
        self.numbers_hint.hide()
        self.numbers_btn.hide()
        ctx.data_changed.connect(lambda what: self.refresh() if what.scripts else None)
        ctx.data_changed.connect(lambda what: self._check_numbers() if what.safety else None)

    # -- data -------------------------------------------------------------------
    def set_group(self, group_id: str, script_id: Optional[str] = None) -> None:
        # imported here, not at the top: the window is built before the core loads
        from facilitator.app.groups import plan_info

        self.group_id = group_id
        info = plan_info(self.ctx.db, group_id, self.ctx.lang, who=self.ctx.principal)
        name = info.name if info else ""
        self.group_lang = info.language if info else self.ctx.lang
        self.group_program = info.program_type if info else ""
        self.default_script = info.default_script_id if info else None
        self.roster_size = info.roster_size if info else 0
        due = bool(info and info.who5_due)
        self.who5_btn.setVisible(info is not None and not info.headcount_only)
        self.who5_hint.setText(
            self.tr("WHO-5 is due at this session: print a form for each person.") if due else ""
        )
        self.who5_hint.setVisible(due)
        self.title.setText(self.tr("Plan a session for %1").replace("%1", name))
        self.refresh(script_id or self.default_script)
        self._check_numbers()

    def _check_numbers(self) -> None:
        from facilitator.ui.safety_numbers import load_numbers

        if self.ctx.db is None or self.ctx.locked:
            return
        load_numbers(self.ctx, self._show_numbers)

    def _show_numbers(self, numbers) -> None:
        missing = not numbers.complete
        self.numbers_hint.setText(
            self.tr(
                "The emergency number or the crisis line is not set yet: Safety (F1) would have "
                "no number to call."
            )
            if missing
            else ""
        )
        self.numbers_hint.setVisible(missing)
        self.numbers_btn.setVisible(missing)

    def ask_numbers(self):
        from facilitator.ui.safety_numbers import SafetyNumbersDialog

        dialog = SafetyNumbersDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.numbers_dialog = dialog
        return dialog

    def refresh(self, select: Optional[str] = None) -> None:
        if self.ctx.locked or self.ctx.db is None:
            return
        if select is None and self.script is not None:
            select = self.script.id
        summaries = script_summaries(self.ctx.db)
        summaries.sort(
            key=lambda x: (
                x.id != self.default_script,
                x.program_type != self.group_program,
                not x.builtin,
                pick(x.title, self.group_lang),
            )
        )
        self.summaries = {x.id: x for x in summaries}
        self.list.blockSignals(True)
        self.list.clear()
        chosen = 0
        for i, x in enumerate(summaries):
            text = pick(x.title, self.group_lang) + "\n"
            if not x.builtin:
                text += self.tr("your copy") + "  ·  "
            text += self.tr("%1 min").replace("%1", format_number(x.minutes))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, x.id)
            self.list.addItem(item)
            if x.id == select:
                chosen = i
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(chosen)
            self._select(self.list.currentItem())

    def _select(self, item: Optional[QListWidgetItem]) -> None:
        if item is None:
            return
        script_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.script = get_script(self.ctx.db, script_id)
        except FacilitatorError as exc:
            self.script = None
            W.show_error(self, exc)
            return
        self._show_script(self.script)

    def _show_script(self, script: Script) -> None:
        lang = self.group_lang
        self.script_title.setText(script.title.get(lang))
        self.summary.setText(script.summary.get(lang))
        self.meta.setText(
            "  ·  ".join(
                [
                    program_label(script.program_type),
                    self.tr("%1 to %2 people")
                    .replace("%1", format_number(script.group_size.min))
                    .replace("%2", format_number(script.group_size.max)),
                    self.tr("%n step(s)", "", len(script.steps)),
                ]
            )
        )
        self.steps.setRowCount(len(script.steps))
        start = 0
        for r, step in enumerate(script.steps):
            cells = [
                self._clock(start),
                step.title.get(lang),
                step_kind_label(step.kind),
                format_number(step.minutes),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.steps.setItem(r, c, item)
            start += step.minutes
        total = script.total_minutes
        if total == script.duration_minutes:
            text = self.tr("The steps add up to %1 minutes, the planned length of the session.")
        else:
            text = self.tr(
                "The steps add up to %1 minutes, but the session is planned for %2 minutes."
            ).replace("%2", format_number(script.duration_minutes))
        self.total.setText(text.replace("%1", format_number(total)))
        summary = self.summaries.get(script.id)
        self.edit_btn.setEnabled(bool(summary and not summary.builtin))

    @staticmethod
    def _clock(minutes: int) -> str:
        """Minutes from the start as ``h:mm``, formatted with the locale's digits."""
        h, m = divmod(minutes, 60)
        return f"{format_number(h)}:{format_number(m).rjust(2, format_number(0))}"

    # -- actions ----------------------------------------------------------------
    def duplicate(self) -> None:
        if self.script is None:
            return
        from facilitator.ui.script_editor import ScriptEditor

        editor = ScriptEditor(self.ctx, self.script, copy=True, parent=self)
        if editor.exec() and editor.saved_id:
            self.refresh(editor.saved_id)

    def edit(self) -> None:
        if self.script is None:
            return
        from facilitator.ui.script_editor import ScriptEditor

        editor = ScriptEditor(self.ctx, self.script, copy=False, parent=self)
        if editor.exec() and editor.saved_id:
            self.refresh(editor.saved_id)

    def print_handout(self) -> None:
        if self.script is None:
            return
        from facilitator.ui.exports import save_handout

        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Save the participant handout"),
            f"handout-{self.script.id}-{self.group_lang}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            save_handout(self.ctx, self, self.script.id, self.group_id, path, self.group_lang)

    def print_who5_forms(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from facilitator.ui.exports import save_who5_forms

        copies, ok = QInputDialog.getInt(
            self,
            self.tr("WHO-5 forms"),
            self.tr("How many forms (one page each)?"),
            max(1, min(self.roster_size or 12, 50)),
            1,
            50,
        )
        if not ok:
            return
        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Save the WHO-5 forms"),
            f"who5-forms-{self.group_lang}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            save_who5_forms(
                self.ctx, self, path, self.group_lang, copies, practice=self.practice.isChecked()
            )

    def start(self) -> None:
        if (
            self.script is None
            or self.group_id is None
            or self.ctx.navigator is None
            or self.ctx.db is None
        ):
            return
        from facilitator.app.sessions import unfinished_sessions
        from facilitator.ui import unfinished

        request = RunRequest(
            group_id=self.group_id, script_id=self.script.id, practice=self.practice.isChecked()
        )
        waiting = unfinished_sessions(self.ctx.db, self.group_id, who=self.ctx.principal)
        if not waiting:
            self.ctx.navigator.start_run(request)
            return
        # Never a silent second session: resume the one left open, or end it first.
        offer = waiting[0]
        choice = unfinished.ask_before_starting(self, offer)
        if choice == unfinished.RESUME:
            self.ctx.navigator.start_run(
                RunRequest(
                    group_id=offer.group_id, script_id=offer.script_id, session_id=offer.session_id
                )
            )
        elif choice == unfinished.DISCARD:
            unfinished.discard(self.ctx, self, offer, then=lambda: self.start())
