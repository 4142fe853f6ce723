"""On one screen the presenter window sits over run mode: a click on it must not leave
the keyboard dead. Real X focus (openbox), real key presses (xdotool)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from .fit import settle

pytestmark = pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool")


def _xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)
    settle()


def _click(widget) -> None:
    centre = widget.mapToGlobal(widget.rect().center())
    _xdotool("mousemove", str(centre.x()), str(centre.y()), "click", "1")


def test_run_keys_answer_from_the_presenter_window(themed_app, demo_store, tmp_path, qtbot):
    from facilitator.ui.context import AppContext, AppSettings, RunRequest
    from facilitator.ui.run import create_run_view
    from facilitator.ui.run.screens import _Clock, _pick_group
    from facilitator.ui.tasks import SyncTaskRunner

    ctx = AppContext(
        demo_store.db, "en", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"), demo=True
    )
    gid, _ = _pick_group(ctx)
    view = create_run_view(
        ctx, RunRequest(gid, "mutual-support-circle", practice=True), clock=_Clock()
    )
    view.discard_on_close = True
    qtbot.addWidget(view)
    view.showMaximized()
    qtbot.waitExposed(view)
    with qtbot.waitActive(view):
        view.activateWindow()
    settle()
    _xdotool("key", "F5")
    presenter = view.presenter
    assert presenter is not None and presenter.isVisible()
    qtbot.waitExposed(presenter)
    settle()
    assert QApplication.activeWindow() is view  # opened without taking the keyboard
    _xdotool("key", "Right")  # so the first key after F5 still starts the session
    assert view.engine.status == "running"

    _click(presenter)  # the facilitator clicks the window that covers run mode
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    _xdotool("key", "Right")
    assert view.engine.index == 1
    _xdotool("key", "p")
    assert view.engine.status == "paused"
    _xdotool("key", "F1")
    dialog = view.safety_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reject()
    settle()
    qtbot.wait(300)
    # The room's window is back over run mode, as it was before F1 (it went under once).
    centre = presenter.mapToGlobal(presenter.rect().center())
    assert QApplication.widgetAt(centre).window() is presenter
    _click(presenter)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    _xdotool("key", "Escape")
    assert view.presenter is None
    assert not shiboken6.isValid(presenter) or not presenter.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    _xdotool("key", "p")  # the keyboard is back in run mode
    assert view.engine.status == "running"
    view.close()
