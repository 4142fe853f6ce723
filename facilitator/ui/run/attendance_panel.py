"""Attendance while the session runs: one large toggle per participant code.

Why large toggles: the facilitator taps codes as people sit down, often standing,
sometimes on a touch screen. The alias (a facilitator-only memory aid) is shown
beside the code here and nowhere a participant could see it. A newcomer is one
click: the panel asks for a new code and it appears already marked present.
A tap means "here"; the rarer marks ("left early", "absent, sent word") are on each
button's menu (right-click, or the Menu key), so the common case stays one tap.

The panel holds no database code: it emits :attr:`toggled` and
:attr:`newcomer_requested`, and the run view persists through the task runner.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui.run.common import Person, locale_digits, set_font
from facilitator.ui.run.tile_layout import TileLayout

PRESENT, LEFT_EARLY, ABSENT_NOTICE, NOT_HERE = "present", "left_early", "absent_notice", ""
_STYLE = {
    PRESENT: "QPushButton:checked { background-color: #2e7d32; color: white; }",
    LEFT_EARLY: "QPushButton:checked { background-color: #8d5a00; color: white; }",
    ABSENT_NOTICE: "QPushButton { color: #555555; font-style: italic;"
    " border: 1px dashed #777777; }",
}


class AttendancePanel(QWidget):
    """Toggle buttons for the group's codes plus an "Add newcomer" button."""

    toggled = Signal(str, bool)  # participant id, present
    status_changed = Signal(str, str)  # participant id, one of the statuses above
    newcomer_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePanel")
        self._buttons: dict[str, QPushButton] = {}
        self._people: list[Person] = []
        self._newcomers: set[str] = set()
        self._status: dict[str, str] = {}  # only the marks a tap cannot give

        self.title = QLabel(self)
        set_font(self.title, 1.3, bold=True)
        self.count_label = QLabel(self)
        set_font(self.count_label, 1.2)
        self.count_label.setObjectName("attendanceCount")

        self._grid_host = QWidget(self)
        # Tiles reflow to the panel's width and read right to left in Arabic.
        self._grid = TileLayout(self._grid_host, spacing=8)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.empty = QLabel(self)
        self.empty.setObjectName("attendanceEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.newcomer_button = QPushButton(self)
        self.newcomer_button.setObjectName("addNewcomer")
        set_font(self.newcomer_button, 1.2)
        self.newcomer_button.setMinimumHeight(48)
        self.newcomer_button.clicked.connect(self.newcomer_requested)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.newcomer_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Who is here"))
        self.newcomer_button.setText(self.tr("+ Add a newcomer"))
        self.newcomer_button.setAccessibleName(self.tr("Add a newcomer with a new code"))
        self.empty.setText(
            self.tr(
                "No one on the roster yet: add each person with the button below as they arrive."
            )
        )
        self._update_count()

    # -- content -------------------------------------------------------------------
    def set_people(
        self,
        people: Iterable[Person],
        present: Iterable[str] = (),
        newcomers: Iterable[str] = (),
        statuses: dict[str, str] | None = None,
    ) -> None:
        """Show ``people``; ids in ``present`` start checked (e.g. after a resume) and
        ``statuses`` carries the "left early" / "absent, sent word" marks."""
        for button in self._buttons.values():
            self._grid.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._people = []
        self._newcomers = set(newcomers)
        self._status = {
            pid: st for pid, st in (statuses or {}).items() if st in (LEFT_EARLY, ABSENT_NOTICE)
        }
        present_ids = set(present)
        for person in people:
            self._add_button(person, person.id in present_ids)
        self._update_count()

    def add_person(self, person: Person, present: bool = True, newcomer: bool = True) -> None:
        """Add one code (a newcomer) without rebuilding the others."""
        if newcomer:
            self._newcomers.add(person.id)
        self._add_button(person, present)
        self._update_count()

    def _add_button(self, person: Person, present: bool) -> None:
        button = QPushButton(person.label(), self._grid_host)
        button.setObjectName(f"attend-{person.code}")
        button.setCheckable(True)
        button.setChecked(present)
        button.setMinimumHeight(56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        set_font(button, 1.4, bold=True)
        button.setAccessibleName(self.tr("Participant %1").replace("%1", person.code))
        button.toggled.connect(lambda on, pid=person.id: self._on_toggled(pid, on))
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        button.customContextMenuRequested.connect(
            lambda pos, pid=person.id: self._show_menu(pid, pos)
        )
        self._people.append(person)
        self._buttons[person.id] = button
        self._grid.addWidget(button)
        self._show_status(person.id)

    def _on_toggled(self, participant_id: str, on: bool) -> None:
        self._status.pop(participant_id, None)  # a tap means plainly here, or not here
        self._show_status(participant_id)
        self._update_count()
        self.toggled.emit(participant_id, on)

    # -- the rarer marks ---------------------------------------------------------------
    def status(self, participant_id: str) -> str:
        if participant_id in self._status:
            return self._status[participant_id]
        button = self._buttons.get(participant_id)
        return PRESENT if button is not None and button.isChecked() else NOT_HERE

    def status_menu(self, participant_id: str) -> QMenu:
        """The four marks for one code, the current one ticked."""
        menu = QMenu(self)
        menu.setObjectName("attendanceMenu")
        group = QActionGroup(menu)
        current = self.status(participant_id)
        for status, text in (
            (PRESENT, self.tr("Here")),
            (LEFT_EARLY, self.tr("Left early")),
            (ABSENT_NOTICE, self.tr("Absent, sent word")),
            (NOT_HERE, self.tr("Not here")),
        ):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(status == current)
            action.setData(status)
            group.addAction(action)
            action.triggered.connect(
                lambda _c=False, st=status, pid=participant_id: self.set_status(pid, st)
            )
        return menu

    def _show_menu(self, participant_id: str, pos: QPoint) -> None:
        button = self._buttons[participant_id]
        self.status_menu(participant_id).exec(button.mapToGlobal(pos))

    def set_status(self, participant_id: str, status: str, emit: bool = True) -> None:
        """Apply one of the four marks (from the menu, or ``emit=False`` from elsewhere)."""
        button = self._buttons.get(participant_id)
        if button is None or status not in (PRESENT, LEFT_EARLY, ABSENT_NOTICE, NOT_HERE):
            return
        if status in (LEFT_EARLY, ABSENT_NOTICE):
            self._status[participant_id] = status
        else:
            self._status.pop(participant_id, None)
        button.blockSignals(True)
        button.setChecked(status in (PRESENT, LEFT_EARLY))
        button.blockSignals(False)
        self._show_status(participant_id)
        self._update_count()
        if emit:
            self.status_changed.emit(participant_id, status)

    def _show_status(self, participant_id: str) -> None:
        button = self._buttons[participant_id]
        person = next(p for p in self._people if p.id == participant_id)
        status = self._status.get(participant_id, PRESENT)
        note = {LEFT_EARLY: self.tr("left early"), ABSENT_NOTICE: self.tr("sent word")}.get(status)
        button.setText(f"{person.label()}\n({note})" if note else person.label())
        button.setMinimumHeight(84 if note else 56)
        button.setStyleSheet(_STYLE[status])
        name = self.tr("Participant %1").replace("%1", person.code)
        button.setAccessibleName(f"{name}, {note}" if note else name)

    def _update_count(self) -> None:
        self.empty.setVisible(not self._people)
        n = len(self.present_ids())
        self.count_label.setText(self.tr("Present: %1").replace("%1", locale_digits(str(n))))

    # -- queries ---------------------------------------------------------------------
    def present_ids(self) -> list[str]:
        """Present participants in roster order (the order rounds and scores use)."""
        return [p.id for p in self._people if self._buttons[p.id].isChecked()]

    def present_people(self) -> list[Person]:
        return [p for p in self._people if self._buttons[p.id].isChecked()]

    def newcomer_ids(self) -> set[str]:
        return set(self._newcomers)

    def button_for(self, participant_id: str) -> QPushButton:
        return self._buttons[participant_id]

    def people(self) -> list[Person]:
        return list(self._people)

    def set_present_silently(self, participant_id: str, present: bool) -> None:
        """Reflect a change made elsewhere without emitting :attr:`toggled`."""
        button = self._buttons.get(participant_id)
        if button is not None:
            button.blockSignals(True)
            button.setChecked(present)
            button.blockSignals(False)
            self._update_count()


class HeadcountPanel(QWidget):
    """For groups that keep no roster (e.g. drop-in meetings): just how many came."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QSpinBox

        super().__init__(parent)
        self.setObjectName("headcountPanel")
        self.label = QLabel(self.tr("How many people are here?"), self)
        self.label.setWordWrap(True)
        set_font(self.label, 1.3, bold=True)
        self.spin = QSpinBox(self)
        self.spin.setObjectName("headcount")
        self.spin.setRange(0, 500)
        self.spin.setMinimumHeight(56)
        set_font(self.spin, 2.0, bold=True)
        self.spin.setAccessibleName(self.tr("Number of people present"))
        self.spin.valueChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.spin)
        layout.addStretch(1)

    def set_value(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
