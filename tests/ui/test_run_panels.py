"""Run-mode panels on their own: attendance, scores, notes warning, safety dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from facilitator.store.models import FollowUp, Group, Incident, SafetyResource
from facilitator.ui.run.attendance_panel import AttendancePanel
from facilitator.ui.run.common import Person, format_clock, timer_state
from facilitator.ui.run.notes_field import IdentifyingTextEdit
from facilitator.ui.run.score_panel import ScorePanel

PEOPLE = [Person(f"id{i}", f"K{i}-{i}{i}", f"Alias{i}" if i % 2 else None) for i in range(12)]


def test_attendance_toggle_and_newcomer(qtbot):
    panel = AttendancePanel()
    qtbot.addWidget(panel)
    panel.set_people(PEOPLE[:3], present=["id1"])
    events = []
    panel.toggled.connect(lambda pid, on: events.append((pid, on)))
    qtbot.mouseClick(panel.button_for("id0"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.button_for("id1"), Qt.MouseButton.LeftButton)
    assert events == [("id0", True), ("id1", False)]
    assert panel.present_ids() == ["id0"]
    with qtbot.waitSignal(panel.newcomer_requested):
        qtbot.mouseClick(panel.newcomer_button, Qt.MouseButton.LeftButton)
    panel.add_person(Person("new", "NN-44"))
    assert panel.present_ids() == ["id0", "new"]
    assert panel.newcomer_ids() == {"new"}
    assert "Alias1" in panel.button_for("id1").text()
    assert "2" in panel.count_label.text()


def test_twelve_scores_by_keyboard(qtbot):
    panel = ScorePanel("pre")
    qtbot.addWidget(panel)
    panel.set_people(PEOPLE)
    panel.show()
    panel.setFocus()
    got = []
    panel.scored.connect(lambda pid, value, passed: got.append((pid, value, passed)))
    for i in range(12):
        if i == 5:
            qtbot.keyClick(panel, Qt.Key.Key_X)
        else:
            qtbot.keyClicks(panel, str(i % 11 if i != 10 else 10))
            qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert len(got) == 12
    assert got[5] == ("id5", None, True)
    assert got[10] == ("id10", 10, False)
    assert got[3] == ("id3", 3, False)
    assert panel.rows()[10].group.checkedId() == 10


def test_score_by_click_and_restore(qtbot):
    panel = ScorePanel("post")
    qtbot.addWidget(panel)
    panel.set_people(PEOPLE[:2], existing={"id0": (7.0, False)})
    assert panel.current_index() == 1  # the first person without an answer
    got = []
    panel.scored.connect(lambda *a: got.append(a))
    qtbot.mouseClick(panel.rows()[1].pass_button, Qt.MouseButton.LeftButton)
    assert got == [("id1", None, True)]
    assert panel.rows()[0].group.checkedId() == 7


def test_notes_warn_and_debounce(qtbot):
    field = IdentifyingTextEdit()
    qtbot.addWidget(field)
    field.set_aliases(["Mariam"])
    field.show()
    saved = []
    field.save_requested.connect(saved.append)
    qtbot.keyClicks(field.editor, "Quiet group. ")
    assert field.warning.isHidden()
    qtbot.keyClicks(field.editor, "mariam said call 0791 234 567")
    assert not field.warning.isHidden()
    assert {f.kind for f in field.findings()} == {"alias", "phone"}
    assert "phone number" in field.warning.text()
    assert saved == []
    qtbot.waitUntil(lambda: bool(saved), timeout=3000)
    assert saved[-1].endswith("0791 234 567")


def test_clock_format_and_state():
    assert format_clock(59.2) == "1:00"
    assert format_clock(-61.5) == "-1:01"
    assert format_clock(3725) == "1:02:05"
    assert timer_state(600, 600) == "calm"
    assert timer_state(50, 600) == "near"
    assert timer_state(-1, 600) == "over"
    assert format_clock(1155, hours=True) == "0:19:15"  # beside a planned 1:30:00


def test_clock_uses_the_locale_digits(qapp):
    from PySide6.QtCore import QLocale

    from facilitator.ui.run.common import clock_text

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Jordan))
    try:
        assert clock_text(-61.5) == "-١:٠١"
    finally:
        QLocale.setDefault(previous)
    assert clock_text(45) == "0:45"


def test_score_rows_line_up_and_long_aliases_are_elided(qtbot):
    panel = ScorePanel("pre")
    qtbot.addWidget(panel)
    people = [
        Person("a", "AB-12"),
        Person("b", "CD-34", "Jo"),
        Person("c", "EF-56", "Maximiliana-Theodora Alexandrescu"),
    ]
    panel.set_people(people)
    panel.resize(900, 400)
    panel.show()
    lefts = {
        row.group.button(0).mapTo(panel, row.group.button(0).rect().topLeft()).x()
        for row in panel.rows()
    }
    assert len(lefts) == 1  # the 0 buttons form one column
    long_row = panel.rows()[2]
    assert long_row.label.text() != people[2].label() and "…" in long_row.label.text()
    assert long_row.label.toolTip() == people[2].label()


@pytest.fixture
def group_id(raw_db):
    with raw_db.unit() as s:
        g = Group(name="Tuesday circle", program_type="grief")
        s.add(g)
        s.flush()
        return g.id


def test_safety_dialog_records_incident_and_edits_resources(qtbot, ctx, group_id):
    from facilitator.ui.run.safety_dialog import SafetyDialog

    dialog = SafetyDialog(ctx, group_id, None, aliases=["Huda"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.resources.rowCount() >= 1  # placeholders seeded
    assert "Pause the group calmly" in dialog.findChild(type(dialog.reminder), "crisisSteps").text()
    dialog.resources.item(0, 1).setText("+962 6 000 0000")
    with ctx.db.unit() as s:
        phones = [r.phone for r in s.scalars(select(SafetyResource))]
    assert "+962 6 000 0000" in phones
    dialog.tabs.setCurrentIndex(1)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("risk_disclosure"))
    dialog.severity_group.button(3).setChecked(True)
    qtbot.keyClicks(dialog.description.editor, "Huda talked about harm")
    assert not dialog.description.warning.isHidden()
    dialog.action_boxes[0].setChecked(True)
    dialog.follow_up_note.setText("Lead calls the service tomorrow")
    with qtbot.waitSignal(dialog.incident_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.unit() as s:
        rows = list(s.scalars(select(Incident)))
    assert len(rows) == 1
    inc = rows[0]
    assert (inc.type, inc.severity, inc.follow_up) == ("risk_disclosure", 3, FollowUp.open)
    assert inc.actions_taken == ["pause_group"]
    assert inc.follow_up_note == "Lead calls the service tomorrow"
    assert dialog.description.text() == ""


def test_headcount_group_records_a_number(qtbot, ctx):
    from facilitator.store.models import Session
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run import create_run_view

    with ctx.db.unit() as s:
        g = Group(name="Drop-in", program_type="recovery", headcount_only=True)
        s.add(g)
        s.flush()
        gid = g.id
    view = create_run_view(ctx, RunRequest(gid, "recovery-sharing-meeting"))
    qtbot.addWidget(view)
    assert view.side.widget(0) is view.headcount
    view.headcount.spin.setValue(14)
    with ctx.db.unit() as s:
        assert s.get(Session, view.session_id).headcount == 14


def test_main_window_opens_and_leaves_run_mode(qtbot, ctx, group_id):
    """The shell's start_run builds this run view; leaving returns to the group."""
    from facilitator.ui.context import RunRequest
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.run.run_view import RunView

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start_run(RunRequest(group_id, "mutual-support-circle"))
    assert isinstance(window.run_view, RunView)
    view = window.run_view
    view.go_next()
    assert view.engine.status == "running"
    qtbot.mouseClick(view.leave_button, Qt.MouseButton.LeftButton)
    assert window.run_view is None
    from facilitator.session.persistence import find_resumable_sessions

    assert [o.session_id for o in find_resumable_sessions(ctx.db)] == [view.session_id]


def test_countdown_colours_and_recovery_plan(qtbot, ctx, group_id):
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run import create_run_view

    now = [0.0]
    view = create_run_view(ctx, RunRequest(group_id, "anxiety-skills-group"), clock=lambda: now[0])
    qtbot.addWidget(view)
    view.show()
    view.go_next()  # welcome: 5 minutes
    assert view.card.countdown.property("timerState") == "calm"
    now[0] += 4 * 60 + 10  # 50 s left: within the last minute
    view.refresh()
    assert view.card.countdown.property("timerState") == "near"
    assert view.card.countdown.text() == "0:50"
    now[0] += 6 * 60  # 5 min 10 s past the end
    view.refresh()
    assert view.card.countdown.property("timerState") == "over"
    assert view.card.countdown.text() == "-5:10"
    assert view.recovery_label.isVisibleTo(view)
    assert "6 min over" in view.recovery_label.text()
    before = view.engine.snapshot().projected_overrun
    qtbot.mouseClick(view.recovery_button, Qt.MouseButton.LeftButton)
    assert view.engine.snapshot().projected_overrun < before
    assert any(e.action == "shorten" for e in view.engine.events)


def test_no_notes_session_takes_a_headcount_and_rounds_go_by_seat(qtbot, ctx, group_id):
    """Defusing keeps only date, headcount and phases: no roster, no codes in the log."""
    from sqlalchemy import select

    from facilitator.store.models import Attendance, Session, StepEvent
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run import create_run_view

    view = create_run_view(ctx, RunRequest(group_id, "first-responder-defusing"))
    qtbot.addWidget(view)
    assert view.data.no_notes
    assert view.side.widget(0) is view.headcount
    assert view.side.indexOf(view.attendance) == -1  # no roster to tap
    assert not view.notes.editor.isEnabled()
    view.headcount.spin.setValue(6)
    view.go_next()  # start
    while view.engine.snapshot().step_id != "exploration":  # the round
        view.go_next()
    view.start_round()
    with ctx.db.unit() as s:
        assert s.get(Session, view.session_id).headcount == 6
        assert not s.scalars(
            select(Attendance).where(Attendance.session_id == view.session_id)
        ).all()
        codes = {p.code for p in view.data.people}
        payloads = [
            str(e.payload)
            for e in s.scalars(select(StepEvent).where(StepEvent.session_id == view.session_id))
        ]
    assert any("#6" in p for p in payloads)  # six seats in the round
    assert not [c for c in codes if any(c in p for p in payloads)]
