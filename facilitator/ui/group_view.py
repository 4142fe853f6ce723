"""One group: its details and the roster of participant codes.

Why codes first: the code is what is stored and reported; the alias is only a memory
aid on this screen (and run mode), so it sits in its own column and is marked as
private. Adding a newcomer is two clicks ("Add newcomer", then "Add"), because it
often happens while someone is standing at the door.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.app import groups as G
from facilitator.app.groups import RosterRow, load_roster
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.labels import age_band_label, gender_label, language_label, program_label
from facilitator.ui.participant_dialogs import DetailsDialog, NewcomerDialog
from facilitator.ui.translations import format_date

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.store.db import Database


class GroupView(QWidget):
    """Group header with edit/plan actions and the roster table."""

    COL_CODE, COL_ALIAS, COL_AGE, COL_GENDER, COL_STATUS = range(5)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id: Optional[str] = None
        self._group_name = ""
        self.setObjectName("group")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(10)

        self.title = W.heading("", "title", name=self.tr("Group name"))
        self.details = W.muted()
        self.edit_btn = W.button(self.tr("&Edit group…"))
        self.edit_btn.clicked.connect(self._edit_group)
        self.report_btn = W.button(
            self.tr("&Group report…"), tip=self.tr("A de-identified PDF report for a supervisor")
        )
        self.report_btn.clicked.connect(self.open_report)
        self.plan_btn = W.button(self.tr("&Plan a session"), primary=True)
        self.plan_btn.clicked.connect(self._plan)
        top = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(self.title)
        col.addWidget(self.details)
        top.addLayout(col, 1)
        top.addWidget(self.edit_btn, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.report_btn, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.plan_btn, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.roster_title = W.heading(self.tr("Participants"), "subtitle")
        outer.addWidget(self.roster_title)
        self.roster_hint = W.muted(
            self.tr(
                "Codes are what the app keeps. Aliases are private "
                "reminders for you; they never appear in reports "
                "or on the projector."
            )
        )
        outer.addWidget(self.roster_hint)
        self.headcount_hint = W.muted(
            self.tr(
                "This group keeps a headcount only: each session records how many people came, "
                "and no list of participants is kept. Change this with Edit group."
            )
        )
        self.headcount_hint.setObjectName("headcountHint")
        outer.addWidget(self.headcount_hint)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Roster"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Alias (private)"),
                self.tr("Age band"),
                self.tr("Gender"),
                self.tr("Status"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_ALIAS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        for column in (self.COL_AGE, self.COL_GENDER, self.COL_STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _i: self._edit_alias())
        outer.addWidget(self.table, 1)
        self.roster_empty = W.muted(
            self.tr(
                "No participants yet: press Add newcomer as people join. Each gets a random code."
            )
        )
        self.roster_empty.setObjectName("rosterEmpty")
        outer.addWidget(self.roster_empty)

        self.newcomer_btn = W.button(self.tr("Add &newcomer"), primary=True)
        self.newcomer_btn.clicked.connect(self.add_newcomer)
        self.alias_btn = W.button(self.tr("Edit &alias…"))
        self.alias_btn.clicked.connect(self._edit_alias)
        self.details_btn = W.button(
            self.tr("&Details…"), tip=self.tr("Optional age band and gender")
        )
        self.details_btn.clicked.connect(self._edit_details)
        self.archive_btn = W.button(self.tr("Arc&hive"))
        self.archive_btn.clicked.connect(self._toggle_archive)
        self.erase_btn = W.button(
            self.tr("E&rase…"),
            danger=True,
            tip=self.tr("Delete this participant and everything recorded about them"),
        )
        self.erase_btn.clicked.connect(self._erase)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(lambda _c: self.refresh())
        buttons = QHBoxLayout()
        for w in (
            self.newcomer_btn,
            self.alias_btn,
            self.details_btn,
            self.archive_btn,
            self.erase_btn,
        ):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        outer.addLayout(buttons)

        # The group's sessions, newest first: finished, discarded, still open, practice.
        self.history_title = W.heading(self.tr("Sessions"), "subtitle")
        outer.addWidget(self.history_title)
        self.history = QListWidget()
        self.history.setObjectName("sessionHistory")
        self.history.setAccessibleName(self.tr("Sessions of this group"))
        line = self.history.fontMetrics().height() + 12
        self.history.setMaximumHeight(line * 4 + 8)
        self.history.setMinimumHeight(line * 2 + 8)
        outer.addWidget(self.history)
        self.history_empty = W.muted(self.tr("No sessions yet: plan one with Plan a session."))
        self.history_empty.setObjectName("historyEmpty")
        outer.addWidget(self.history_empty)

        ctx.data_changed.connect(self._on_data_changed)

    # -- loading ----------------------------------------------------------------
    def set_group(self, group_id: str) -> None:
        self.group_id = group_id
        self.refresh()

    def _on_data_changed(self, what: changes.Changes) -> None:
        if (what.groups or what.participants or what.sessions) and self.group_id:
            self.refresh()

    def refresh(self) -> None:
        db, group_id = self.ctx.db, self.group_id
        if not group_id or db is None or self.ctx.locked:
            return
        found = G.group_form(db, group_id, self.ctx.lang, who=self.ctx.principal)
        if not found.name:
            return
        name, program, lang = found.name, found.program_type, found.language
        cofac, rules = found.co_facilitator, found.extra_rules
        script = found.default_script_id
        headcount_only = found.headcount_only
        self.title.setText(name)
        self._group_name = name
        bits = [program_label(program), language_label(lang)]
        if cofac:
            bits.append(self.tr("with %1").replace("%1", cofac))
        if script:
            bits.append(self.tr("default script: %1").replace("%1", self._script_title(script)))
        if rules:
            bits.append(self.tr("%n extra rule(s)", "", len(rules)))
        if headcount_only:
            bits.append(self.tr("headcount only"))
        self._set_roster_visible(not headcount_only)
        self.details.setText("  ·  ".join(bits))
        selected = self.selected()
        rows = load_roster(db, group_id, self.show_archived.isChecked(), who=self.ctx.principal)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            code = QTableWidgetItem(row.code)
            code.setData(Qt.ItemDataRole.UserRole, row.id)
            alias = QTableWidgetItem(row.alias or "")
            status = QTableWidgetItem(self.tr("Archived") if row.archived else self.tr("Active"))
            status.setData(Qt.ItemDataRole.UserRole, row.archived)
            age = QTableWidgetItem(age_band_label(row.age_band))
            age.setData(Qt.ItemDataRole.UserRole, row.age_band)
            gender = QTableWidgetItem(gender_label(row.gender))
            gender.setData(Qt.ItemDataRole.UserRole, row.gender)
            for c, item in enumerate((code, alias, age, gender, status)):
                self.table.setItem(r, c, item)
            if selected and row.id == selected.id:
                self.table.selectRow(r)
        self._update_buttons()
        self.roster_empty.setVisible(not headcount_only and not rows)
        self._fill_history(db, group_id)

    def _fill_history(self, db: Database, group_id: str) -> None:
        from facilitator.app.sessions import session_history

        self.history.clear()
        titles: dict[str, str] = {}
        status = {
            "completed": self.tr("finished"),
            "abandoned": self.tr("discarded"),
            "running": self.tr("not finished"),
            "paused": self.tr("not finished"),
        }
        for line in session_history(db, group_id, who=self.ctx.principal):
            if line.script_id not in titles:
                titles[line.script_id] = self._script_title(line.script_id)
            parts = [
                format_date(line.started_at) if line.started_at else "",
                titles[line.script_id],
                self.tr("%n present", "", line.attended),
                status.get(line.status, line.status),
            ]
            if line.is_practice:
                parts.append(self.tr("practice"))
            item = QListWidgetItem("  ·  ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, line.session_id)
            self.history.addItem(item)
        self.history.setVisible(self.history.count() > 0)
        self.history_empty.setVisible(self.history.count() == 0)

    def _set_roster_visible(self, visible: bool) -> None:
        for w in (
            self.roster_hint,
            self.table,
            self.newcomer_btn,
            self.alias_btn,
            self.details_btn,
            self.archive_btn,
            self.erase_btn,
            self.show_archived,
        ):
            w.setVisible(visible)
        self.headcount_hint.setVisible(not visible)
        self.roster_title.setText(self.tr("Participants") if visible else self.tr("Attendance"))

    def _script_title(self, script_id: str) -> str:
        from facilitator.app.scripts import script_title

        return script_title(self.ctx.db, script_id, self.ctx.lang)

    def selected(self) -> Optional[RosterRow]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        r = rows[0].row()
        code = self.table.item(r, self.COL_CODE)
        alias = self.table.item(r, self.COL_ALIAS)
        age = self.table.item(r, self.COL_AGE)
        gender = self.table.item(r, self.COL_GENDER)
        status = self.table.item(r, self.COL_STATUS)
        if code is None or alias is None or age is None or gender is None or status is None:
            return None  # a row being filled in by refresh()
        return RosterRow(
            code.data(Qt.ItemDataRole.UserRole),
            code.text(),
            alias.text() or None,
            bool(status.data(Qt.ItemDataRole.UserRole)),
            age.data(Qt.ItemDataRole.UserRole),
            gender.data(Qt.ItemDataRole.UserRole),
        )

    def _update_buttons(self) -> None:
        sel = self.selected()
        for b in (self.alias_btn, self.details_btn, self.archive_btn, self.erase_btn):
            b.setEnabled(sel is not None)
        self.archive_btn.setText(
            self.tr("Unarc&hive") if sel and sel.archived else self.tr("Arc&hive")
        )

    # -- actions ----------------------------------------------------------------
    def add_newcomer(self) -> None:
        gid = self.group_id
        if gid is None:  # no group shown yet
            return
        dialog = NewcomerDialog(self)
        dialog.setObjectName("newcomer_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        alias = dialog.alias.text()
        age_band, gender = dialog.details.values()
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: G.add_participant(
                s, gid, alias=alias, age_band=age_band, gender=gender, who=self.ctx.principal
            ),
            self._added,
            self._failed,
        )

    def _added(self, code: str) -> None:
        self.ctx.notify(changes.PARTICIPANTS)
        self.code_box = W.show_code(self, code)  # large, to read out or write on a card
        for r in range(self.table.rowCount()):
            item = self.table.item(r, self.COL_CODE)
            if item is not None and item.text() == code:
                self.table.selectRow(r)
        self.table.setFocus()

    def _edit_alias(self) -> None:
        sel = self.selected()
        if sel is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Alias"),
            self.tr("Alias for %1 (only you see it):").replace("%1", sel.code),
            QLineEdit.EchoMode.Normal,
            sel.alias or "",
        )
        if ok:
            self.ctx.tasks.run_db(
                self.ctx.db,
                lambda s: G.set_alias(s, sel.id, text, who=self.ctx.principal),
                lambda _r: self.ctx.notify(changes.PARTICIPANTS),
                self._failed,
            )

    def _edit_details(self) -> None:
        sel = self.selected()
        if sel is None:
            return
        dialog = DetailsDialog(sel.code, sel.age_band, sel.gender, self)
        dialog.setObjectName("details_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        age_band, gender = dialog.details.values()
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: G.set_details(
                s, sel.id, age_band=age_band, gender=gender, who=self.ctx.principal
            ),
            lambda _r: self.ctx.notify(changes.PARTICIPANTS),
            self._failed,
        )

    def _toggle_archive(self) -> None:
        sel = self.selected()
        if sel is None:
            return
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: G.archive_participant(s, sel.id, not sel.archived, who=self.ctx.principal),
            lambda _r: self.ctx.notify(changes.PARTICIPANTS),
            self._failed,
        )

    def _erase(self) -> None:
        sel = self.selected()
        if sel is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Erase participant"),
            self.tr(
                "Erase %1 and everything recorded about them (attendance "
                "and scores)? This cannot be undone. To keep their history "
                "in the numbers, archive them instead."
            ).replace("%1", sel.code),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        erase = box.addButton(self.tr("Erase for good"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("erase_confirm")
        box.exec()
        if box.clickedButton() is not erase:
            return
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: G.erase_participant(s, sel.id, who=self.ctx.principal),
            lambda _r: self.ctx.notify(changes.PARTICIPANTS),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        W.show_error(self, exc)

    def _edit_group(self) -> None:
        from facilitator.ui.group_dialog import GroupDialog

        GroupDialog(self.ctx, self.group_id, self).exec()

    def open_report(self) -> None:
        from facilitator.ui.report_dialog import ReportDialog

        if self.group_id:
            ReportDialog(self.ctx, self.group_id, self._group_name, self).exec()

    def _plan(self) -> None:
        if self.ctx.navigator is not None and self.group_id:
            self.ctx.navigator.show_plan(self.group_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.setFocus()
