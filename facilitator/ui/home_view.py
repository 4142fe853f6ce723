"""The home screen: the facilitator's groups, and an offer to resume an unfinished session.

Why the resume card sits on top: if the laptop died mid-session the facilitator
comes back with a room still waiting; the one thing they need is "carry on", so it is
the first and largest action on the screen.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.app.groups import GroupRow, ResumeOffer, find_resume_offers, list_groups
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext, RunRequest
from facilitator.ui.labels import program_label
from facilitator.ui.translations import format_date


class HomeView(QWidget):
    """Groups list with open/new actions, and resume cards for unfinished sessions."""

    new_group_requested = Signal()
    practice_requested = Signal()  # trainers and trainees: practice with a simulated group

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("home")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)

        self.resume_box = QVBoxLayout()
        outer.addLayout(self.resume_box)

        self.title = W.heading(self.tr("Your groups"))
        outer.addWidget(self.title)
        self.hint = W.muted(
            self.tr(
                "Choose a group to see its roster and plan the next "
                "session. Press Enter to open it."
            )
        )
        outer.addWidget(self.hint)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Groups"))
        self.list.setAccessibleDescription(self.tr("Your groups. Press Enter to open one."))
        self.list.itemActivated.connect(self._open_item)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        outer.addWidget(self.list, 1)

        self.empty = W.muted(self.tr("No groups yet. Create your first group to begin."))
        outer.addWidget(self.empty)

        self.show_archived = QCheckBox(self.tr("Show archived groups"))
        self.show_archived.toggled.connect(lambda _c: self.refresh())
        self.new_btn = W.button(self.tr("&New group…"), primary=True)
        self.new_btn.clicked.connect(self.new_group_requested.emit)
        self.open_btn = W.button(self.tr("&Open group"))
        self.open_btn.clicked.connect(self._open_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_archived)
        self.practice_btn = W.button(
            self.tr("Practice  [Ctrl+T]"), accessible=self.tr("Practice with a simulated group")
        )
        self.practice_btn.setObjectName("practiceButton")
        self.practice_btn.clicked.connect(self.practice_requested.emit)
        buttons.addWidget(self.practice_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.open_btn)
        buttons.addWidget(self.new_btn)
        outer.addLayout(buttons)

        ctx.data_changed.connect(self._on_data_changed)
        self.refresh()

    # -- data -------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.db is None or self.ctx.locked:
            return
        from facilitator.app.access import AccessDenied
        from facilitator.ui.errors_ui import error_text

        current = self.current_group_id()
        self.list.clear()
        try:  # only the groups the signed-in user may see (issue 14)
            rows = list_groups(self.ctx.db, self.show_archived.isChecked(), who=self.ctx.principal)
        except AccessDenied as exc:  # a shared install, nobody signed in (or a trainer)
            rows = []
            self.empty.setText(error_text(exc, self.ctx.lang))
        else:
            self.empty.setText(self.tr("No groups yet. Create your first group to begin."))
        for g in rows:
            self.list.addItem(self._item_for(g))
            if g.id == current:
                self.list.setCurrentRow(self.list.count() - 1)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self._refresh_resume()
        self._update_buttons()

    def _item_for(self, g: GroupRow) -> QListWidgetItem:
        people = self.tr("%n participant(s)", "", g.participants)
        if g.last_session is not None:
            when = self.tr("last met %1").replace("%1", format_date(g.last_session))
        else:
            when = self.tr("no sessions yet")
        parts = [g.name, program_label(g.program_type), people, when]
        if g.archived:
            parts.append(self.tr("archived"))
        item = QListWidgetItem("  ·  ".join(parts))
        item.setData(Qt.ItemDataRole.UserRole, g.id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(parts))
        return item

    def _refresh_resume(self) -> None:
        while self.resume_box.count():
            item = self.resume_box.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        from facilitator.ui import unfinished

        from facilitator.app.access import AccessDenied

        try:
            offers = find_resume_offers(self.ctx.db, who=self.ctx.principal)
        except AccessDenied:
            offers = []  # the group list says why
        for i, offer in enumerate(offers):
            # Every unfinished session gets its card; only the first carries the keys.
            label = W.heading(unfinished.describe(offer), "subtitle")
            label.setWordWrap(True)
            first = i == 0
            resume = W.button(
                self.tr("&Resume session") if first else self.tr("Resume session"), primary=True
            )
            resume.setObjectName("resume_button")
            resume.clicked.connect(lambda _c=False, o=offer: self._resume(o))
            drop = W.button(self.tr("D&iscard…") if first else self.tr("Discard…"))
            drop.setObjectName("discard_button")
            drop.setToolTip(self.tr("End this session for good; what was recorded stays"))
            drop.clicked.connect(
                lambda _c=False, o=offer: unfinished.discard(self.ctx, self, o, then=self.refresh)
            )
            box = W.card(label, horizontal=True)
            box_layout = box.layout()
            assert box_layout is not None
            box_layout.addWidget(drop)
            box_layout.addWidget(resume)
            box.setObjectName("resume_card")
            self.resume_box.addWidget(box)

    def _resume(self, offer: ResumeOffer) -> None:
        if self.ctx.navigator is not None:
            self.ctx.navigator.start_run(
                RunRequest(
                    group_id=offer.group_id, script_id=offer.script_id, session_id=offer.session_id
                )
            )

    def _on_data_changed(self, what: changes.Changes) -> None:
        if what.groups or what.participants or what.sessions:
            self.refresh()

    # -- actions ----------------------------------------------------------------
    def current_group_id(self) -> Optional[str]:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        self.open_btn.setEnabled(self.current_group_id() is not None)

    def _open_item(self, item: QListWidgetItem) -> None:
        if self.ctx.navigator is not None:
            self.ctx.navigator.show_group(item.data(Qt.ItemDataRole.UserRole))

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open_item(item)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.list.setFocus()
