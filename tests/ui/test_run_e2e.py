"""A whole session driven through the real run-mode widgets, then checked in the store.

The group is created through the UI shell's group dialog, participants through the
tracking service (the roster screen has its own tests), and everything after
that through keys and clicks on run mode. Time comes from a fake monotonic clock, so
the talking-time and step figures asserted below are exact.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from facilitator.session.rules import effective_rules
from facilitator.store.models import (
    Attendance,
    Incident,
    MeasureResponse,
    Note,
    Phase,
    RulesAgreement,
    Session,
    SessionStatus,
    StepEvent,
)
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import RunRequest

SCRIPT = "anxiety-skills-group"
ALIASES = ["Rania", "Yousef", None, "Dana"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


def make_group(qtbot, ctx) -> str:
    from facilitator.ui.group_dialog import GroupDialog

    dialog = GroupDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Thursday calm group")
    dialog.program.setCurrentIndex(dialog.program.findData("anxiety"))
    dialog.rules.setPlainText("Phones stay in bags")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_group_id
    with ctx.db.unit() as s:
        for alias in ALIASES:
            add_participant(s, dialog.saved_group_id, alias=alias)
    return dialog.saved_group_id


def open_view(qtbot, ctx, request, clock):
    from facilitator.ui.run import create_run_view

    view = create_run_view(ctx, request, clock=clock)
    qtbot.addWidget(view)
    view.resize(1280, 860)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to whatever has focus inside the view."""
    from PySide6.QtWidgets import QApplication

    if QApplication.activeWindow() is not view.window():
        with qtbot.waitActive(view):
            view.activateWindow()
    focus = QApplication.focusWidget()
    if focus is None or not view.isAncestorOf(focus):
        view.setFocus()
        focus = view
    qtbot.keyClick(focus, k, modifier)


def test_whole_session_through_the_widgets(qtbot, ctx, clock):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    engine = view.engine
    assert engine.status == "ready"

    # Attendance: three of four arrive, plus one newcomer.
    people = view.attendance.people()
    for person in people[:3]:
        qtbot.mouseClick(view.attendance.button_for(person.id), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.attendance.newcomer_button, Qt.MouseButton.LeftButton)
    present = view.attendance.present_people()
    assert len(present) == 4

    key(qtbot, view, Qt.Key.Key_Right)  # start
    assert engine.status == "running"
    clock.advance(240)
    key(qtbot, view, Qt.Key.Key_Right)  # -> ground rules
    assert view.script.steps[engine.index].kind == "ground_rules"
    assert view.activity.currentWidget() is view.activity.rules
    assert "Phones stay in bags" in view.activity.rules.body.text()
    qtbot.mouseClick(view.activity.rules.agree_button, Qt.MouseButton.LeftButton)
    assert not view.activity.rules.agree_button.isEnabled()

    clock.advance(300)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)  # -> check-in
    panel = view.activity.scores_pre
    assert view.activity.currentWidget() is panel
    assert len(panel.rows()) == 4
    for typed in ("3", "10"):
        qtbot.keyClicks(panel, typed)
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    qtbot.keyClick(panel, Qt.Key.Key_X)  # the third person passes
    qtbot.mouseClick(panel.rows()[3].group.button(5), Qt.MouseButton.LeftButton)

    # Notes: an alias triggers the warning; the note is saved when the step changes.
    qtbot.keyClicks(view.notes.editor, "Rania seemed tired")
    assert not view.notes.warning.isHidden()
    view.notes.set_text_silently("")
    qtbot.keyClicks(view.notes.editor, "Group settled quickly; KT code asked about the handout")
    assert view.notes.warning.isHidden()

    clock.advance(500)
    key(qtbot, view, Qt.Key.Key_Right)  # -> anxiety_cycle (reading)
    key(qtbot, view, Qt.Key.Key_S)  # skip asks for a reason
    dialog = view.findChild(QInputDialog, "skipDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("Covered last week")
    dialog.accept()
    assert engine.plan[engine.index].id == "my_cycle"
    key(qtbot, view, Qt.Key.Key_E)  # extend +2 min
    assert engine.snapshot().step_planned == 12 * 60
    key(qtbot, view, Qt.Key.Key_P)  # pause
    assert engine.status == "paused"
    clock.advance(1000)  # paused time does not count
    key(qtbot, view, Qt.Key.Key_P)
    assert engine.status == "running"

    # Through to the round.
    while engine.plan[engine.index].kind != "round":
        clock.advance(60)
        key(qtbot, view, Qt.Key.Key_Right)
    rp = view.activity.round
    assert view.activity.currentWidget() is rp
    qtbot.mouseClick(rp.start_button, Qt.MouseButton.LeftButton)
    summary = engine.round_summary()
    assert summary.current == present[0].code
    clock.advance(50)
    key(qtbot, view, Qt.Key.Key_N)  # first speaker done after 50 s
    clock.advance(5)
    qtbot.mouseClick(rp.pass_button, Qt.MouseButton.LeftButton)  # second passes
    clock.advance(90)
    view.refresh()
    assert "Speaking" in rp.speaker.text() and present[2].code in rp.speaker.text()
    assert rp.talk_bar_values()[present[0].code] == 50
    assert rp.talk_bar_values()[present[2].code] == 90
    qtbot.mouseClick(rp.end_button, Qt.MouseButton.LeftButton)

    # Safety: F1 opens the dialog; record an incident.
    key(qtbot, view, Qt.Key.Key_F1)
    safety = view.safety_dialog
    assert safety.isVisible()
    safety.tabs.setCurrentIndex(1)
    safety.type_box.setCurrentIndex(safety.type_box.findData("boundary_breach"))
    safety.severity_group.button(2).setChecked(True)
    qtbot.keyClicks(safety.description.editor, "A member gave medical advice; redirected")
    safety.action_boxes[0].setChecked(True)
    qtbot.mouseClick(safety.save_button, Qt.MouseButton.LeftButton)
    safety.close()

    # Check-out, by clicks.
    clock.advance(60)
    key(qtbot, view, Qt.Key.Key_Right)
    post = view.activity.scores_post
    assert view.activity.currentWidget() is post
    for row, value in zip(post.rows(), (6, 10, 4, 7)):
        qtbot.mouseClick(row.group.button(value), Qt.MouseButton.LeftButton)
    clock.advance(60)
    key(qtbot, view, Qt.Key.Key_Right)  # closing, the last step
    assert engine.plan[engine.index].id == "closing"
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert engine.status == "finished"
    assert view.pages.currentWidget() is view.summary

    # ---- what the store holds ------------------------------------------------------
    sid = view.session_id
    with ctx.db.unit() as s:
        sess = s.get(Session, sid)
        assert sess.status == SessionStatus.completed and sess.ended_at is not None
        att = list(s.scalars(select(Attendance).where(Attendance.session_id == sid)))
        assert len(att) == 4 and all(a.first_time for a in att)
        resp = {
            (r.participant_id, r.phase): (r.value, r.passed)
            for r in s.scalars(select(MeasureResponse).where(MeasureResponse.session_id == sid))
        }
        ids = [p.id for p in present]
        assert resp[(ids[0], Phase.pre)] == (3.0, False)
        assert resp[(ids[1], Phase.pre)] == (10.0, False)
        assert resp[(ids[2], Phase.pre)] == (None, True)
        assert resp[(ids[3], Phase.pre)] == (5.0, False)
        assert [resp[(i, Phase.post)][0] for i in ids] == [6.0, 10.0, 4.0, 7.0]
        events = list(
            s.scalars(select(StepEvent).where(StepEvent.session_id == sid).order_by(StepEvent.seq))
        )
        actions = [e.action for e in events]
        for needed in (
            "start",
            "next",
            "skip",
            "extend",
            "pause",
            "resume",
            "round_start",
            "round_next",
            "round_pass",
            "round_end",
            "finish",
        ):
            assert needed in actions
        skip = next(e for e in events if e.action == "skip")
        assert skip.payload["step"] == "anxiety_cycle"
        assert skip.payload["reason"] == "Covered last week"
        pause = actions.index("pause")
        assert events[pause + 1].elapsed == events[pause].elapsed  # paused time not counted
        agreement = s.scalars(select(RulesAgreement).where(RulesAgreement.session_id == sid)).one()
        group = sess.group
        assert agreement.content_hash == effective_rules(group).content_hash
        assert agreement.content_hash != effective_rules(None).content_hash  # group rule counted
        incident = s.scalars(select(Incident).where(Incident.session_id == sid)).one()
        assert (incident.type, incident.severity) == ("boundary_breach", 2)
        assert incident.actions_taken == ["pause_group"]
        note = s.scalars(select(Note).where(Note.session_id == sid)).one()
        assert note.body.startswith("Group settled quickly")

    sv = view.summary
    assert sv.values["attended"].text() == "4"
    assert sv.values["newcomers"].text() == "4"
    # (6-3) + (10-10) + (7-5) over 3 people who gave both scores = +1.7
    assert sv.values["change"].text().startswith("+1.7")
    assert sv.values["incidents"].text() == "1"
    assert "How the anxiety cycle works" in sv.values["skipped"].text()

    # One click to the session summary PDF (tracking builds it, export draws it).
    qtbot.mouseClick(sv.pdf_button, Qt.MouseButton.LeftButton)
    assert sv.pdf_path is not None and sv.pdf_path.is_file()
    assert str(sv.pdf_path) in sv.pdf_label.text()
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(sv.pdf_path)).pages)
    assert "Boundary breach" in text
    assert "Group settled quickly" in text
    for alias in ALIASES:
        if alias:
            assert alias not in text
