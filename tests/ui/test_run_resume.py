"""Killing run mode mid-session loses nothing, and the session resumes at the same step.

Two ways: dropping the window in-process (no finish, no leave), and a real
``SIGKILL`` of a separate process that was running the real threaded task runner.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from facilitator.session.persistence import find_resumable_sessions
from facilitator.store.db import Database
from facilitator.store.models import Base, Group
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import RunRequest

SCRIPT = "grief-loss-circle"


def _group(db) -> str:
    with db.unit() as s:
        g = Group(name="Wednesday grief circle", program_type="grief")
        s.add(g)
        s.flush()
        for alias in ("Maha", None, "Karim"):
            add_participant(s, g.id, alias=alias)
        return g.id


def _check_in_index(view) -> int:
    return next(i for i, st in enumerate(view.script.steps) if st.outcome == "pre")


def test_drop_window_and_resume_same_step(qtbot, ctx):
    from facilitator.ui.run import create_run_view

    gid = _group(ctx.db)
    view = create_run_view(ctx, RunRequest(gid, SCRIPT))
    qtbot.addWidget(view)
    view.show()
    people = view.attendance.people()
    for p in people[:2]:
        qtbot.mouseClick(view.attendance.button_for(p.id), Qt.MouseButton.LeftButton)
    view.go_next()
    target = _check_in_index(view)
    while view.engine.index < target:
        view.go_next()
    panel = view.activity.scores_pre
    qtbot.mouseClick(panel.rows()[0].group.button(4), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.notes.editor, "Quiet start")
    view.notes.flush()
    view.extend()
    session_id = view.session_id
    # Drop the window as a crash would: no finish, no leave.
    view.timer.stop()
    view.hide()
    view.deleteLater()
    del view

    offers = find_resumable_sessions(ctx.db)
    assert [o.session_id for o in offers] == [session_id]
    resumed = create_run_view(ctx, RunRequest(gid, SCRIPT, session_id=session_id))
    qtbot.addWidget(resumed)
    assert resumed.engine.index == target
    assert resumed.engine.status == "running"
    assert resumed.engine.snapshot().step_planned == (resumed.script.steps[target].minutes + 2) * 60
    assert resumed.attendance.present_ids() == [p.id for p in people[:2]]
    assert resumed.activity.currentWidget() is resumed.activity.scores_pre
    rows = resumed.activity.scores_pre.rows()
    assert rows[0].group.checkedId() == 4 and rows[1].group.checkedId() == -1
    assert resumed.notes.text() == "Quiet start"
    assert resumed.engine.events[-1].action == "recovered"


CHILD = textwrap.dedent("""
    import os, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from facilitator.store.db import Database
    from facilitator.ui.context import AppContext, AppSettings, RunRequest
    from facilitator.ui.tasks import TaskRunner
    from facilitator.ui.run import create_run_view
    db = Database(sys.argv[1], bytes.fromhex(os.environ["TEST_DB_KEY"]))
    runner = TaskRunner()
    ctx = AppContext(db, "en", runner, AppSettings(sys.argv[1] + ".ini"))
    view = create_run_view(ctx, RunRequest(sys.argv[2], sys.argv[3]))
    view.show()
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()
    view.go_next()
    for _ in range(int(sys.argv[4])):
        view.go_next()
    view.notes.editor.setPlainText("kept after a kill")
    view.notes.flush()
    runner.wait_idle()
    print("READY", view.session_id, view.engine.index, flush=True)
    app.exec()
""")


def test_sigkill_mid_session_then_resume(qtbot, ctx, tmp_path):
    from facilitator.ui.run import create_run_view

    key = os.urandom(32)
    path = tmp_path / "killed.db"
    db = Database(path, key)
    Base.metadata.create_all(db.engine)
    gid = _group(db)
    env = dict(os.environ, TEST_DB_KEY=key.hex(), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), gid, SCRIPT, "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        line = child.stdout.readline().split()
        assert line and line[0] == "READY", line
        session_id, index = line[1], int(line[2])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    ctx.db = db
    resumed = create_run_view(ctx, RunRequest(gid, SCRIPT, session_id=session_id))
    qtbot.addWidget(resumed)
    assert resumed.engine.index == index == 3
    assert len(resumed.attendance.present_ids()) == 3
    assert resumed.notes.text() == "kept after a kill"
    db.close()


def _backdate(db, session_id: str, seconds: float) -> None:
    """As if run mode had been closed ``seconds`` ago (every recorded time moves back)."""
    from datetime import timedelta

    from sqlalchemy import select

    from facilitator.store.models import StepEvent

    with db.unit() as s:
        for row in s.scalars(select(StepEvent).where(StepEvent.session_id == session_id)):
            row.at = row.at - timedelta(seconds=seconds)


def test_resume_says_the_clocks_counted_the_time_closed(qtbot, ctx):
    """README: a running session went on in the room, so the time closed counts (session
    clock and step timer alike), and the screen says so instead of seeming to jump."""
    from facilitator.ui.run import create_run_view

    gid = _group(ctx.db)
    now = [0.0]
    view = create_run_view(ctx, RunRequest(gid, SCRIPT), clock=lambda: now[0])
    qtbot.addWidget(view)
    view.go_next()  # start
    now[0] = 15.0
    view.refresh()
    assert view.session_clock.text().startswith("Session 0:00:15")
    assert view.resume_note.isHidden()
    sid, index = view.session_id, view.engine.index
    view.close()
    _backdate(ctx.db, sid, 40)  # the start was recorded 40 s ago; closed, then reopened

    again = create_run_view(ctx, RunRequest(gid, SCRIPT, session_id=sid), clock=lambda: 1000.0)
    qtbot.addWidget(again)
    again.show()
    assert again.engine.index == index
    elapsed = again.engine.snapshot().session_elapsed
    assert 39 <= elapsed <= 42  # wall time since the start: the room did not stop
    note = again.resume_note
    assert note.isVisibleTo(again)
    assert "the clocks count that time: 40 s since the last thing recorded" in note.text()
    again.go_next()
    assert note.isHidden()  # said once


def test_resume_of_a_paused_session_counts_nothing(qtbot, ctx):
    from facilitator.ui.run import create_run_view

    gid = _group(ctx.db)
    now = [0.0]
    view = create_run_view(ctx, RunRequest(gid, SCRIPT), clock=lambda: now[0])
    qtbot.addWidget(view)
    view.go_next()
    now[0] = 15.0
    view.toggle_pause()
    sid = view.session_id
    view.close()
    _backdate(ctx.db, sid, 200)
    again = create_run_view(ctx, RunRequest(gid, SCRIPT, session_id=sid), clock=lambda: 5.0)
    qtbot.addWidget(again)
    again.show()
    assert again.engine.status == "paused"
    assert 14 <= again.engine.snapshot().session_elapsed <= 16
    assert "The session was paused, so the clocks did not move" in again.resume_note.text()
