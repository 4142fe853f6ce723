"""The whole app as a facilitator meets it: unlock, lock, a new group, newcomers, a plan,
then a session run from a built-in script, all through the main window's real widgets.

``test_run_e2e`` drives run mode in depth on a fake clock; this test drives the path
*to* it (the unlock dialog, the lock screen, the home, group and plan screens) and
checks at every screen that the window title carries no group or participant data.
Modal dialogs (``exec()``) are answered by :func:`_when_modal`, which rejects the
dialog if filling it fails, so a broken step fails the test instead of hanging it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from facilitator.store import service
from facilitator.store.models import (
    Attendance,
    Group,
    Incident,
    MeasureResponse,
    Participant,
    Phase,
    Session,
    SessionStatus,
    StepEvent,
)
from facilitator.app import unlock
from facilitator.ui.context import AppContext, AppSettings
from facilitator.ui.main_window import MainWindow
from facilitator.ui.unlock_dialog import UnlockDialog

PASS = "a quiet room with tea"
LEFT = Qt.MouseButton.LeftButton
SCRIPT = "anxiety-skills-group"
GROUP_NAME = "Wednesday calm circle"
ALIASES = ("Samira", "Karim", "")


def _when_modal(qtbot, action, errors: list):
    """Run ``action(dialog)`` once a modal dialog is up (``exec()`` blocks the test)."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        try:
            action(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test below
            errors.append(exc)
        if dialog.isVisible() and isinstance(dialog, QDialog):
            dialog.reject()  # never leave a modal open: the test fails, it does not hang

    QTimer.singleShot(0, poll)


@pytest.fixture
def store_path(tmp_path, no_keyring):
    path = tmp_path / "facilitator.db"
    service.create_store(path, passphrase=PASS, use_keyring=False).close()
    return path


def test_from_unlock_to_a_finished_session_through_the_main_window(
    qtbot, store_path, sync_tasks, tmp_path, message_boxes
):
    errors: list = []
    # ---- unlock: a wrong passphrase, then the right one -----------------------------
    dialog = UnlockDialog(
        sync_tasks,
        lambda p, c: unlock.open_with(store_path, passphrase=p, recovery_code=c),
        has_passphrase=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.keyClicks(dialog.panel.secret, "not it")
    qtbot.keyClick(dialog.panel.secret, Qt.Key.Key_Return)
    assert dialog.result_store is None and dialog.panel.error.isVisible()
    dialog.panel.secret.clear()
    qtbot.keyClicks(dialog.panel.secret, PASS)
    qtbot.keyClick(dialog.panel.secret, Qt.Key.Key_Return)
    store = dialog.result_store
    assert store is not None
    try:
        ctx = AppContext(store.db, "en", sync_tasks, AppSettings(tmp_path / "settings.ini"))
        window = MainWindow(
            ctx,
            unlock_attempt=lambda p, c: unlock.verify(store, passphrase=p, recovery_code=c),
            has_passphrase=True,
        )
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        titles = [window.windowTitle()]

        # ---- lock now, then unlock on the lock screen --------------------------------
        window.lock_action.trigger()
        assert ctx.locked and window.stack.currentWidget() is window.lock_screen
        qtbot.keyClicks(window.lock_screen.panel.secret, PASS)
        qtbot.keyClick(window.lock_screen.panel.secret, Qt.Key.Key_Return)
        assert not ctx.locked and window.stack.currentWidget() is window.home

        # ---- a new group, from the home screen --------------------------------------
        def fill_group(d):
            qtbot.keyClicks(d.name, GROUP_NAME)
            d.program.setCurrentIndex(d.program.findData("anxiety"))
            qtbot.mouseClick(d.save_button, LEFT)

        _when_modal(qtbot, fill_group, errors)
        qtbot.mouseClick(window.home.new_btn, LEFT)
        assert not errors, errors
        assert window.stack.currentWidget() is window.group
        gid = window.group.group_id
        titles.append(window.windowTitle())

        # ---- three newcomers on the roster (two with a private alias) ---------------
        for alias in ALIASES:

            def fill_newcomer(d, alias=alias):
                qtbot.keyClicks(d.alias, alias)
                qtbot.mouseClick(d.add_button, LEFT)

            _when_modal(qtbot, fill_newcomer, errors)
            qtbot.mouseClick(window.group.newcomer_btn, LEFT)
            assert not errors, errors
        assert window.group.table.rowCount() == 3
        with ctx.db.unit() as s:
            people = {
                p.alias: p.code
                for p in s.scalars(select(Participant).where(Participant.group_id == gid))
            }
        assert set(people) == {"Samira", "Karim", None}

        # ---- plan: choose the built-in script and start ------------------------------
        qtbot.mouseClick(window.group.plan_btn, LEFT)
        plan = window.plan
        assert window.stack.currentWidget() is plan
        row = next(
            i
            for i in range(plan.list.count())
            if plan.list.item(i).data(Qt.ItemDataRole.UserRole) == SCRIPT
        )
        plan.list.setCurrentRow(row)
        assert plan.script.id == SCRIPT and plan.steps.rowCount() == len(plan.script.steps)
        titles.append(window.windowTitle())
        qtbot.mouseClick(plan.start_btn, LEFT)
        view = window.run_view
        assert view is not None and window.stack.currentWidget() is view
        titles.append(window.windowTitle())

        # ---- run: attendance, start, check-in scores, a round, an incident, finish ---
        present = view.attendance.people()[:2]
        for person in present:
            qtbot.mouseClick(view.attendance.button_for(person.id), LEFT)
        qtbot.mouseClick(view.next_button, LEFT)  # start
        assert view.engine.status == "running"
        while view.script.steps[view.engine.index].kind != "check_in":
            qtbot.mouseClick(view.next_button, LEFT)
        panel = view.activity.scores_pre
        assert [r.person.id for r in panel.rows()] == [p.id for p in present]
        qtbot.keyClicks(panel, "7")
        qtbot.keyClick(panel, Qt.Key.Key_Return)
        qtbot.keyClick(panel, Qt.Key.Key_X)  # a pass
        while view.script.steps[view.engine.index].kind != "round":
            qtbot.mouseClick(view.next_button, LEFT)
        qtbot.mouseClick(view.activity.round.start_button, LEFT)
        assert view.engine.round_summary().current == present[0].code
        qtbot.mouseClick(view.activity.round.next_button, LEFT)
        qtbot.mouseClick(view.activity.round.end_button, LEFT)

        qtbot.mouseClick(view.safety_button, LEFT)
        safety = view.safety_dialog
        safety.tabs.setCurrentIndex(1)
        safety.type_box.setCurrentIndex(safety.type_box.findData("conflict_hostile_dynamics"))
        safety.severity_group.button(1).setChecked(True)
        qtbot.keyClicks(safety.description.editor, "A member was upset; we took a break")
        qtbot.mouseClick(safety.save_button, LEFT)
        safety.close()
        titles.append(window.windowTitle())

        message_boxes.answer = message_boxes.answer.Yes  # "finish before the last step?"
        qtbot.mouseClick(view.finish_button, LEFT)
        assert view.engine.status == "finished"
        assert view.pages.currentWidget() is view.summary

        # ---- what the store holds -----------------------------------------------------
        sid = view.session_id
        with ctx.db.unit() as s:
            group = s.get(Group, gid)
            assert (group.name, group.program_type) == (GROUP_NAME, "anxiety")
            sess = s.get(Session, sid)
            assert sess.status == SessionStatus.completed and sess.script_id == SCRIPT
            assert not sess.is_practice
            assert {
                a.participant_id
                for a in s.scalars(select(Attendance).where(Attendance.session_id == sid))
            } == {p.id for p in present}
            scores = {
                (r.participant_id, r.phase): (r.value, r.passed)
                for r in s.scalars(select(MeasureResponse).where(MeasureResponse.session_id == sid))
            }
            assert scores[(present[0].id, Phase.pre)] == (7.0, False)
            assert scores[(present[1].id, Phase.pre)] == (None, True)
            actions = [
                e.action
                for e in s.scalars(
                    select(StepEvent).where(StepEvent.session_id == sid).order_by(StepEvent.seq)
                )
            ]
            assert actions[0] == "start" and actions[-1] == "finish"
            assert {"round_start", "round_next", "round_end"} <= set(actions)
            incident = s.scalars(select(Incident).where(Incident.session_id == sid)).one()
            assert (incident.type, incident.severity) == ("conflict_hostile_dynamics", 1)

        # No screen put the group's name, a code or an alias in a window title.
        forbidden = [GROUP_NAME, *(c for c in people.values()), "Samira", "Karim"]
        for title in titles:
            assert not any(word in title for word in forbidden), title
    finally:
        store.close()
