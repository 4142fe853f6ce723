"""The Safety dialog: what to do now, who to call, and a one-screen incident record.

Opened from the always-visible Safety button (F1 or Ctrl+Shift+S). The first tab
puts the crisis steps beside the local resources, because in a crisis the
facilitator needs both at once; the resources are editable in place so a wrong
number is fixed where it is noticed. The second tab records the incident without
identity: there is no participant field, and the description warns as one types
if it looks identifying. Everything is saved through
:mod:`facilitator.session.safety` on the task runner.
"""

from __future__ import annotations

import html
from typing import Any, Callable, Iterable, Optional

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.app import runs
from facilitator.i18n import pick
from facilitator.session import safety
from facilitator.textcheck import phone_text
from facilitator.ui import theme
from facilitator.app.safety_numbers import SafetyNumbers, safety_numbers
from facilitator.ui.run.common import locale_digits, run_db, scaled_font, set_font
from facilitator.ui.run.notes_field import IdentifyingTextEdit
from facilitator.ui.widgets import fit_to_screen

RESOURCE_FIELDS = ("name", "phone", "hours", "language", "notes")


class PhoneDelegate(QStyledItemDelegate):
    """The phone column: a number drawn left to right in any language (the item keeps
    the number as typed, so editing it in place saves no bidi marks), and a row with no
    number says how to add one rather than looking broken."""

    def missing_text(self) -> str:
        return QCoreApplication.translate("SafetyDialog", "No number yet: double-click to add")

    def initStyleOption(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        number = str(index.data() or "").strip()
        if number:
            option.text = phone_text(number)  # type: ignore[attr-defined]
        else:
            option.text = self.missing_text()  # type: ignore[attr-defined]
            font = option.font  # type: ignore[attr-defined]
            font.setBold(False)
            font.setItalic(True)
            font.setPointSizeF(font.pointSizeF() / 1.5)  # the column's type is for numbers
            option.font = font  # type: ignore[attr-defined]
            option.palette.setColor(  # type: ignore[attr-defined]
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.PlaceholderText),  # type: ignore[attr-defined]
            )

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt name
        editor = super().createEditor(parent, option, index)
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # typed as it is dialled
        return editor


class SafetyDialog(QDialog):
    """Crisis steps + local resources + incident form for one group/session."""

    incident_saved = Signal(str)  # the new incident's id

    def __init__(
        self,
        ctx: Any,
        group_id: str,
        session_id: Optional[str],
        aliases: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.group_id, self.session_id = ctx, group_id, session_id
        self.lang = ctx.lang
        self.protocol = safety.load_protocol()
        self._loading = False
        self._resource_ids: list[str] = []
        self.setObjectName("safetyDialog")
        self.setWindowTitle(self.tr("Safety"))
        self.setAccessibleName(self.tr("Safety: crisis steps, resources and incident record"))
        fit_to_screen(self, 1000, 680)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_now_tab(), self.tr("What to do now"))
        # The form scrolls on a small screen; Save stays below it, always in reach.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._build_incident_tab(aliases))
        incident = QWidget(self)
        incident_layout = QVBoxLayout(incident)
        incident_layout.setContentsMargins(0, 0, 0, 0)
        incident_layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(9, 0, 9, 9)
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.save_button)
        incident_layout.addLayout(bottom)
        self.tabs.addTab(incident, self.tr("Record an incident"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.reload_resources()

    # -- tab 1: steps and resources -----------------------------------------------------
    def _build_now_tab(self) -> QWidget:
        page = QWidget(self)
        steps_title = QLabel(self.tr("Crisis steps"), page)
        set_font(steps_title, 1.3, bold=True)
        steps = QLabel(page)
        steps.setObjectName("crisisSteps")
        steps.setWordWrap(True)
        set_font(steps, 1.2)
        # Rich text only for the bold step names; the protocol's words are escaped.
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setText(
            "".join(
                f"<p><b>{locale_digits(str(i))}. {html.escape(pick(s.short, self.lang))}</b><br>"
                f"{html.escape(pick(s.long, self.lang))}</p>"
                for i, s in enumerate(self.protocol.steps, 1)
            )
        )
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(steps)
        steps.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        left = QVBoxLayout()
        left.addWidget(steps_title)
        left.addWidget(scroll, 1)

        res_title = QLabel(self.tr("Local resources"), page)
        set_font(res_title, 1.3, bold=True)
        self.reminder = QLabel(page)
        self.reminder.setWordWrap(True)
        theme.set_role(self.reminder, "error")  # the palette's danger colour, light or dark
        self.resources = QTableWidget(0, len(RESOURCE_FIELDS), page)
        self.resources.setObjectName("resourceTable")
        self.resources.setAccessibleName(self.tr("Local resources"))
        self.resources.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("Hours"),
                self.tr("Language"),
                self.tr("Notes"),
            ]
        )
        header = self.resources.horizontalHeader()
        for c, field in enumerate(RESOURCE_FIELDS):  # name and notes share what is left
            header.setSectionResizeMode(
                c,
                QHeaderView.ResizeMode.Stretch
                if field in ("name", "notes")
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.resources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wrapped notes need taller rows whenever the stretched column changes width.
        self.resources.horizontalHeader().sectionResized.connect(
            lambda *_: self.resources.resizeRowsToContents()
        )
        self.resources.setWordWrap(True)
        self.resources.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Rows always as tall as their wrapped notes (they were cut to one line).
        self.resources.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.resources.verticalHeader().hide()
        set_font(self.resources, 1.1)
        self.resources.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phone_delegate = PhoneDelegate(self.resources)
        self.resources.setItemDelegateForColumn(RESOURCE_FIELDS.index("phone"), self.phone_delegate)
        self.resources.itemChanged.connect(self._resource_edited)
        add = QPushButton(self.tr("Add resource"), page)
        add.setObjectName("addResource")
        add.clicked.connect(self._add_resource)
        remove = QPushButton(self.tr("Remove selected"), page)
        remove.clicked.connect(self._remove_resource)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        # The two numbers to call, in large type above the list.
        self.numbers = QLabel(page)
        self.numbers.setObjectName("safetyNumbersLarge")
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_font(self.numbers, 1.7, bold=True)
        right = QVBoxLayout()
        right.addWidget(res_title)
        right.addWidget(self.numbers)
        right.addWidget(self.reminder)
        right.addWidget(self.resources, 1)
        right.addLayout(buttons)
        row = QHBoxLayout(page)
        row.addLayout(left, 3)
        row.addLayout(right, 6)  # the table has five columns to fit, notes wrapped
        return page

    def _db(self, fn: Callable[[Any], Any], done: Callable[[Any], None] | None = None) -> None:
        run_db(self.ctx, fn, done)

    def reload_resources(self) -> None:
        def load(s: Any) -> tuple[list[tuple[str, list[str]]], bool, SafetyNumbers]:
            safety.seed_default_resources(s, self.ctx.lang)
            safety.localize_placeholders(s, self.ctx.lang)
            rows = [
                (r.id, [getattr(r, f) or "" for f in RESOURCE_FIELDS])
                for r in safety.list_resources(s)
            ]
            return rows, safety.resources_need_editing(s), safety_numbers(s, self.ctx.lang)

        self._db(load, self._show_resources)

    def _show_resources(
        self, result: tuple[list[tuple[str, list[str]]], bool, SafetyNumbers]
    ) -> None:
        rows, need_editing, numbers = result
        self._loading = True
        self.resources.setRowCount(len(rows))
        self._resource_ids = []
        for r, (rid, values) in enumerate(rows):
            self._resource_ids.append(rid)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if RESOURCE_FIELDS[c] == "phone":  # the number to dial: large and bold
                    item.setFont(scaled_font(1.5, bold=True))
                self.resources.setItem(r, c, item)
        self.resources.resizeRowsToContents()
        self._loading = False
        self._show_state(need_editing, numbers)

    def _show_state(self, need_editing: bool, numbers: SafetyNumbers) -> None:
        self.reminder.setText(
            self.tr(
                "No resource has a phone number yet. Add your local crisis "
                "line and emergency number before the session."
            )
            if need_editing
            else ""
        )
        self.reminder.setVisible(need_editing)
        lines = [
            f"{name}:  {phone_text(phone)}"
            for name, phone in (
                (numbers.emergency_name, numbers.emergency),
                (numbers.crisis_name, numbers.crisis),
            )
            if phone
        ]
        self.numbers.setText("\n".join(lines))
        self.numbers.setVisible(bool(lines))

    def _resource_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        rid = self._resource_ids[item.row()]
        field, value = RESOURCE_FIELDS[item.column()], item.text()
        lang = self.ctx.lang

        def save(s: Any) -> tuple[bool, SafetyNumbers]:
            safety.update_resource(s, rid, **{field: value})
            return safety.resources_need_editing(s), safety_numbers(s, lang)

        def saved(state: tuple[bool, SafetyNumbers]) -> None:
            self._show_state(*state)  # the reminder goes as soon as a number is typed
            self.ctx.notify(changes.SAFETY)

        run_db(self.ctx, save, saved, self._resource_failed)

    def _resource_failed(self, exc: BaseException) -> None:
        from facilitator.ui.tasks import report_failure

        report_failure(exc, self)
        self.reload_resources()

    def _add_resource(self) -> None:
        name = self.tr("New resource: edit me")
        self._db(lambda s: safety.add_resource(s, name).id, lambda _: self.reload_resources())

    def _remove_resource(self) -> None:
        rows = sorted({i.row() for i in self.resources.selectedIndexes()})
        ids = [self._resource_ids[r] for r in rows]
        if ids:
            self._db(
                lambda s: [safety.delete_resource(s, i) for i in ids],
                lambda _: self.reload_resources(),
            )

    # -- tab 2: incident -------------------------------------------------------------------
    def _build_incident_tab(self, aliases: Iterable[str]) -> QWidget:
        page = QWidget(self)
        note = QLabel(
            self.tr(
                "Record what happened without names or identifying details. "
                "Use participant codes only if you must."
            ),
            page,
        )
        note.setWordWrap(True)
        self.type_box = QComboBox(page)
        self.type_box.setObjectName("incidentType")
        self.type_box.setAccessibleName(self.tr("Incident type"))
        for t in self.protocol.incident_types:
            self.type_box.addItem(pick(t.title, self.lang), t.id)
        self.severity_group = QButtonGroup(page)
        sev_row = QHBoxLayout()
        for s in self.protocol.severities:
            radio = QRadioButton(pick(s.title, self.lang), page)
            radio.setObjectName(f"severity{s.level}")
            radio.setToolTip(pick(s.guidance, self.lang))
            self.severity_group.addButton(radio, s.level)
            sev_row.addWidget(radio)
        sev_row.addStretch(1)
        self.severity_group.buttons()[0].setChecked(True)
        self.description = IdentifyingTextEdit(page, debounce=False)
        self.description.setObjectName("incidentDescription")
        self.description.editor.setAccessibleName(self.tr("Short description"))
        self.description.editor.setPlaceholderText(self.tr("What happened, in a few lines"))
        self.description.set_aliases(aliases)
        self.action_boxes: list[QCheckBox] = []
        actions = QVBoxLayout()
        for step in self.protocol.steps:
            box = QCheckBox(pick(step.short, self.lang), page)
            box.setProperty("step_id", step.id)
            self.action_boxes.append(box)
            actions.addWidget(box)
        self.other_action = QLineEdit(page)
        self.other_action.setAccessibleName(self.tr("Other action taken"))
        self.other_action.setPlaceholderText(self.tr("Anything else you did"))
        actions.addWidget(self.other_action)
        self.follow_up = QComboBox(page)
        self.follow_up.setObjectName("incidentFollowUp")
        self.follow_up.setAccessibleName(self.tr("Follow-up"))
        for value, text in (
            ("open", self.tr("Follow-up needed")),
            ("none_needed", self.tr("No follow-up needed")),
            ("done", self.tr("Followed up already")),
        ):
            self.follow_up.addItem(text, value)
        self.follow_up_note = QLineEdit(page)
        self.follow_up_note.setAccessibleName(self.tr("Follow-up plan"))
        self.follow_up_note.setPlaceholderText(self.tr("Who will do what, by when"))
        self.save_button = QPushButton(self.tr("Save incident record"), self)
        self.save_button.setObjectName("saveIncident")
        set_font(self.save_button, 1.15, bold=True)
        self.save_button.clicked.connect(self.save_incident)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setObjectName("incidentSaved")
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type_box)
        form.addRow(self.tr("Severity"), sev_row)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Actions taken"), actions)
        form.addRow(self.tr("Follow-up"), self.follow_up)
        form.addRow("", self.follow_up_note)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addLayout(form, 1)
        return page

    def save_incident(self) -> None:
        type_id = self.type_box.currentData()
        severity = self.severity_group.checkedId()
        description = self.description.text()
        actions = [b.property("step_id") for b in self.action_boxes if b.isChecked()]
        if self.other_action.text().strip():
            actions.append(self.other_action.text().strip())
        follow, follow_note = self.follow_up.currentData(), self.follow_up_note.text()
        group_id, session_id = self.group_id, self.session_id

        def save(s: Any) -> str:
            return runs.record_incident(
                s,
                group_id,
                session_id,
                type_id,
                severity,
                description,
                actions,
                follow,
                follow_note,
                who=who,
            )

        who = getattr(self.ctx, "principal", None)  # the signed-in user (issue 14)
        run_db(self.ctx, save, self._saved)

    def _saved(self, incident_id: str) -> None:
        self.saved_label.setText(self.tr("✓ Incident saved. You can close this window."))
        self.description.set_text_silently("")
        self.other_action.clear()
        self.follow_up_note.clear()
        for box in self.action_boxes:
            box.setChecked(False)
        self.incident_saved.emit(incident_id)
