"""The task runner: one worker thread, callbacks on the main thread, late progress dialog."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from facilitator.errors import InputError
from facilitator.store.models import Group
from facilitator.ui.tasks import Cancelled, SyncTaskRunner, TaskRunner


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_job_runs_off_main_thread_and_callback_on_main(runner, raw_db):
    seen = {}

    def job(progress, cancel):
        seen["job_thread"] = threading.current_thread()
        with raw_db.unit() as s:
            s.add(Group(name="Tuesday circle", program_type="grief"))
        return 42

    def ok(value):
        seen["value"] = value
        seen["cb_thread"] = threading.current_thread()

    runner.run(job, ok)
    assert runner.wait_idle(5)
    assert seen["value"] == 42
    assert seen["job_thread"] is not threading.main_thread()
    assert seen["cb_thread"] is threading.main_thread()
    with raw_db.unit() as s:
        assert [g.name for g in s.query(Group)] == ["Tuesday circle"]


def test_jobs_are_serialised_in_order(runner):
    order = []
    for i in range(5):
        runner.run(lambda p, c, i=i: (time.sleep(0.01), order.append(i)), None)
    assert runner.wait_idle(5)
    assert order == [0, 1, 2, 3, 4]


def test_failure_goes_to_on_failure_and_db_rolls_back(runner, raw_db):
    errors = []

    def save(session):
        session.add(Group(name="Will not stay", program_type="general"))
        raise InputError("The group needs a name.")

    runner.run_db(raw_db, save, lambda v: errors.append("success?"), errors.append)
    assert runner.wait_idle(5)
    assert len(errors) == 1 and isinstance(errors[0], InputError)
    with raw_db.unit() as s:
        assert s.query(Group).count() == 0


def test_progress_dialog_only_after_delay_and_cancel_stops_job(runner, qtbot):
    started = threading.Event()
    cancelled = []

    def slow(progress, cancel):
        started.set()
        for i in range(200):
            progress(i, 200, "Writing")
            cancel.check()
            time.sleep(0.01)
        return "finished"

    results = []
    handle = runner.run(
        slow,
        results.append,
        progress=True,
        label="Writing the report",
        on_cancelled=lambda: cancelled.append(True),
    )
    started.wait(2)
    QApplication.processEvents()
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]

    def dialog_visible():
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(dialog_visible()), timeout=2000)
    dialog = dialog_visible()[0]
    qtbot.waitUntil(lambda: dialog.maximum() == 200, timeout=2000)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    button = dialog.findChild(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(5)
    assert handle.done and cancelled == [True] and results == []


def test_sync_runner_runs_at_once(raw_db):
    runner = SyncTaskRunner()
    out = []
    runner.run_db(
        raw_db, lambda s: s.add(Group(name="A", program_type="general")) or "ok", out.append
    )
    assert out == ["ok"] and runner.jobs == 1
    with raw_db.unit() as s:
        assert s.query(Group).count() == 1
    with pytest.raises(AssertionError):
        runner.run(
            lambda p, c: (_ for _ in ()).throw(Cancelled()),
            None,
            on_cancelled=lambda: (_ for _ in ()).throw(AssertionError("cancelled")),
        )
