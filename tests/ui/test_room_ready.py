"""Issue 12 ("ready for a real room"): run-mode behaviour a facilitator meets in the room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.ui.context import RunRequest

from .test_run_e2e import SCRIPT, FakeClock, key, make_group, open_view


@pytest.fixture
def clock():
    return FakeClock()


def test_ctrl_enter_asks_before_finishing_with_steps_left(qtbot, ctx, clock, message_boxes):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    key(qtbot, view, Qt.Key.Key_Right)  # start
    clock.advance(240)
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert message_boxes and message_boxes[-1][0] == "question"
    assert "Finish" in message_boxes[-1][1]
    assert view.engine.status == "running"  # the default answer keeps going
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    assert view.engine.status == "finished"


def test_finish_on_the_last_step_needs_no_question(qtbot, ctx, clock, message_boxes):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    key(qtbot, view, Qt.Key.Key_Right)
    while view.engine.index < len(view.script.steps) - 1:
        view.go_next()
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not [c for c in message_boxes if c[0] == "question"]
    assert view.engine.status == "finished"
