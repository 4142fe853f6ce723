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


def _dark_runs(img, x0: int, x1: int, y0: int, y1: int) -> list[int]:
    from PySide6.QtGui import QColor

    runs = []
    for y in range(y0, y1):
        run = best = 0
        for x in range(x0, x1):
            run = run + 1 if QColor(img.pixel(x, y)).lightness() < 150 else 0
            best = max(best, run)
        runs.append(best)
    return runs


def _has_triangle(runs: list[int]) -> bool:
    """Three rows in a row whose dark runs widen (an arrow head), either way up."""
    for a, b, c in zip(runs, runs[1:], runs[2:]):
        if 0 < a < b < c or a > b > c > 0:
            return True
    return False


@pytest.mark.parametrize("dark", [False, True])
def test_spin_boxes_draw_their_arrows(qtbot, qapp, dark):
    """Item 10: the theme's style sheet once gave spin boxes a border and no arrows."""
    from PySide6.QtWidgets import QSpinBox

    from facilitator.ui.theme import apply_theme

    previous = qapp.styleSheet(), qapp.palette()
    apply_theme(qapp, dark=dark)
    try:
        box = QSpinBox()
        qtbot.addWidget(box)
        box.resize(120, 40)
        box.setValue(5)
        box.show()
        qtbot.waitExposed(box)
        img = box.grab().toImage()
        w, h = img.width(), img.height()
        # Light arrows on a dark theme: compare against the inverted image there.
        if dark:
            img.invertPixels()
        top = _dark_runs(img, w - 24, w - 3, 2, h // 2)
        bottom = _dark_runs(img, w - 24, w - 3, h // 2, h - 2)
        assert _has_triangle(top) and _has_triangle(bottom), (top, bottom)
    finally:
        qapp.setStyleSheet(previous[0])
        qapp.setPalette(previous[1])
