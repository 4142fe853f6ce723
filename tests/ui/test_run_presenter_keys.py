"""Presenter view on one screen: run mode's keys still work, Esc closes it, Safety is on
top, and it closes when the session ends (no stale "Welcome" left on the wall)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.store.models import Group
from facilitator.ui.context import RunRequest


@pytest.fixture
def run_view(qtbot, ctx):
    from facilitator.ui.run import create_run_view

    with ctx.db.unit() as s:
        group = Group(name="Evening circle", program_type="caregivers", language="en")
        s.add(group)
        s.flush()
        gid = group.id
    now = [0.0]
    view = create_run_view(ctx, RunRequest(gid, "caregivers-circle"), clock=lambda: now[0])
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _focus_presenter(qtbot, view):
    """Give the presenter window the keyboard, as a click on it does."""
    presenter = view.presenter
    assert presenter is not None and presenter.isVisible()
    presenter.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is presenter.windowHandle())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is presenter)
    return presenter


def test_run_keys_work_while_the_presenter_has_focus(qtbot, run_view):
    view = run_view
    qtbot.keyClick(view, Qt.Key.Key_F5)
    presenter = _focus_presenter(qtbot, view)

    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # start
    assert view.engine.status == "running"
    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # next step
    assert view.engine.index == 1
    qtbot.keyClick(presenter, Qt.Key.Key_P)
    assert view.engine.status == "paused"
    assert presenter.state().paused

    qtbot.keyClick(presenter, Qt.Key.Key_F1)
    dialog = view.safety_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.close()

    presenter = _focus_presenter(qtbot, view)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert view.presenter is None and not presenter.isVisible()
    assert not view.presenter_button.isChecked()

    # The keyboard is back in run mode: F5 opens it again, and F5 in it closes it.
    qtbot.waitUntil(lambda: QApplication.focusWindow() is view.windowHandle())
    qtbot.keyClick(view, Qt.Key.Key_F5)
    presenter = _focus_presenter(qtbot, view)
    qtbot.keyClick(presenter, Qt.Key.Key_F5)
    assert view.presenter is None and not view.presenter_button.isChecked()


def test_presenter_closes_when_the_session_ends(qtbot, run_view):
    view = run_view
    view.go_next()
    view.set_presenter_visible(True)
    presenter = view.presenter
    assert presenter is not None
    view.controller.finish()
    assert view.presenter is None
    assert not presenter.isVisible()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "presenterView" and w.isVisible()
    ]
    view.set_presenter_visible(True)  # F5 on the summary: nothing to project
    assert view.presenter is None
