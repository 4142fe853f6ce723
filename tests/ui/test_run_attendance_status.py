"""Attendance marks beyond "here": left early and absent with notice, saved as they happen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from facilitator.store.models import Attendance, AttendanceStatus, Group, Participant
from facilitator.tracking import attendance as att
from facilitator.ui.context import RunRequest

LEFT = Qt.MouseButton.LeftButton


def _group(ctx) -> tuple[str, list[str]]:
    with ctx.db.unit() as s:
        g = Group(name="Thursday circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        people = [
            Participant(group_id=g.id, code=code, alias=alias)
            for code, alias in (("AJ-37", "Rania"), ("EK-39", None), ("GJ-37", None))
        ]
        s.add_all(people)
        s.flush()
        return g.id, [p.id for p in people]


def _statuses(ctx, session_id) -> dict[str, AttendanceStatus]:
    with ctx.db.unit() as s:
        return {
            a.participant_id: a.status
            for a in s.scalars(select(Attendance).where(Attendance.session_id == session_id))
        }


def _choose(panel, pid, text):
    menu = panel.status_menu(pid)
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()
    return menu


def test_menu_marks_are_stored_shown_counted_and_resumed(qtbot, ctx):
    from facilitator.ui.run import create_run_view

    gid, (rania, ek, gj) = _group(ctx)
    view = create_run_view(ctx, RunRequest(gid, "mutual-support-circle"))
    qtbot.addWidget(view)
    panel = view.attendance
    sid = view.session_id
    qtbot.mouseClick(panel.button_for(rania), LEFT)  # a tap: here
    qtbot.mouseClick(panel.button_for(ek), LEFT)
    _choose(panel, gj, "Absent, sent word")
    assert _statuses(ctx, sid) == {
        rania: AttendanceStatus.present,
        ek: AttendanceStatus.present,
        gj: AttendanceStatus.absent_notice,
    }
    assert "(sent word)" in panel.button_for(gj).text()
    assert not panel.button_for(gj).isChecked()

    # Later Rania leaves early: still counted as attending, and marked on her button.
    menu = _choose(panel, rania, "Left early")
    assert [a.text() for a in menu.actions()] == [
        "Here",
        "Left early",
        "Absent, sent word",
        "Not here",
    ]
    assert _statuses(ctx, sid)[rania] == AttendanceStatus.left_early
    assert panel.button_for(rania).isChecked()
    assert "(left early)" in panel.button_for(rania).text()
    assert set(panel.present_ids()) == {rania, ek}
    assert "(2)" in view.side.tabText(view.side.indexOf(panel))
    with ctx.db.unit() as s:
        assert att.attended_count(s, sid) == 2
    current = [a.text() for a in panel.status_menu(rania).actions() if a.isChecked()]
    assert current == ["Left early"]

    # A plain tap on a marked button means "not here" again, and clears the mark.
    qtbot.mouseClick(panel.button_for(rania), LEFT)
    assert rania not in _statuses(ctx, sid)
    assert panel.button_for(rania).text() == "AJ-37  ·  Rania"
    _choose(panel, rania, "Left early")
    _choose(panel, ek, "Not here")
    assert ek not in _statuses(ctx, sid)

    # Leaving and resuming brings the marks back.
    view.go_next()
    view.leave()
    again = create_run_view(ctx, RunRequest(gid, "mutual-support-circle", session_id=sid))
    qtbot.addWidget(again)
    assert "(left early)" in again.attendance.button_for(rania).text()
    assert "(sent word)" in again.attendance.button_for(gj).text()
    assert again.attendance.present_ids() == [rania]
