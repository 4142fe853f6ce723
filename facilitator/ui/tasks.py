"""One task runner for work that must not block the UI thread.

Why: a group leader is standing in front of twelve people; the window must never
freeze while the encrypted store fsyncs or a PDF is drawn. Following anki's
``taskman``/``QueryOp`` pattern, every database write and every export goes through
:meth:`TaskRunner.run`:

* ``fn(progress, cancel)`` runs on ONE worker thread (a single thread serialises
  writes to SQLite, so two jobs never fight over the write lock). Job code must
  never touch a widget. It opens its own SQLAlchemy session (``db.unit()``); use
  :meth:`TaskRunner.run_db` to have that done for you.
* ``progress(value, maximum=0, text="")`` reports progress from the job
  (``maximum=0`` means "busy, no known length"). ``cancel`` is a :class:`CancelFlag`;
  long jobs poll ``cancel.is_set()`` (or call ``cancel.check()``, which raises
  :class:`Cancelled`).
* ``on_success(result)`` and ``on_failure(exc)`` run on the MAIN thread, delivered
  through a queued Qt signal. If ``on_failure`` is omitted a
  :class:`~facilitator.errors.FacilitatorError` is shown in a message box with its
  plain message; anything else is logged with its traceback and shown as a short
  generic sentence. A job that raises :class:`Cancelled` calls ``on_cancelled``
  (if given) and nothing else.
* With ``progress=True`` a modal, cancellable progress dialog appears only if the
  job is still running after ``PROGRESS_DELAY_MS`` (about half a second), so quick
  writes never flash a dialog.

What still runs on the UI thread, and why (each a short transaction on a local file):

* the run engine's step log. :class:`~facilitator.session.persistence.SessionRunner`
  writes each engine event (next, skip, pause, ...) *before* it takes effect, on the
  thread that clicked, so a write that fails leaves the engine and the screen where
  they were; queuing it would let the screen run ahead of what is saved. Run mode's
  other writes (attendance, scores, notes) go through the worker, which is why both
  retry a busy store (``facilitator.app.run_data.in_unit``);
* opening or resuming a run (:func:`facilitator.app.runs.open_run` creates the
  session row and reads the log before the run view can be drawn);
* the first opening of Settings > Outcome measures, which creates the built-in
  measure rows if an older store lacks them;
* the reads a screen makes to draw itself (``facilitator.app.groups.list_groups``,
  ``plan_info``, ...): small indexed queries, each in its own unit of work.

Tests swap in :class:`SyncTaskRunner` (picard's ``FakeThreadPool`` idea): same
interface, but the job and its callbacks run immediately in the calling thread, so
a test can click a button and assert on the store on the next line.

Example (UI code)::

    def save(session):                      # runs on the worker thread
        session.add(Note(group_id=gid, body=text))

    ctx.tasks.run_db(ctx.db, save, on_success=lambda _: self.refresh())
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from facilitator.errors import FacilitatorError

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500

ProgressFn = Callable[..., None]
JobFn = Callable[[ProgressFn, "CancelFlag"], Any]
SuccessFn = Callable[[Any], None]
FailureFn = Callable[[BaseException], None]


class Cancelled(Exception):
    """Raised inside a job (usually by :meth:`CancelFlag.check`) when the user cancels."""


class CancelFlag:
    """Set by the UI when the user presses Cancel; read by the job."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user has asked to stop."""
        if self._event.is_set():
            raise Cancelled()

    def __bool__(self) -> bool:
        return self._event.is_set()


@dataclass
class TaskHandle:
    """What :meth:`TaskRunner.run` returns: lets the caller cancel or ask if it is done."""

    label: str
    cancel_flag: CancelFlag = field(default_factory=CancelFlag)
    done: bool = False

    def cancel(self) -> None:
        self.cancel_flag.set()


@dataclass
class _Job:
    fn: JobFn
    handle: TaskHandle
    on_success: Optional[SuccessFn]
    on_failure: Optional[FailureFn]
    on_cancelled: Optional[Callable[[], None]]
    show_progress: bool
    dialog: Optional[QProgressDialog] = None
    timer: Optional[QTimer] = None
    relay: Optional["_ProgressRelay"] = None


def report_failure(exc: BaseException, parent: QWidget | None = None) -> None:
    """The default failure handler: a plain sentence, never a traceback on screen."""
    if isinstance(exc, FacilitatorError):
        from facilitator.ui.errors_ui import error_text

        message = error_text(exc)
    else:
        log.error(
            "Unexpected error in a background task:\n%s", "".join(traceback.format_exception(exc))
        )
        message = QApplication.translate(
            "Tasks",
            "Something went wrong and the action was not finished. "
            "Nothing you saved before has been lost.",
        )
    QMessageBox.warning(parent, QApplication.translate("Tasks", "Could not finish"), message)


class _BaseRunner(QObject):
    """Shared interface of the threaded and the synchronous runner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parent_widget: Callable[[], QWidget | None] = lambda: None

    def run(
        self,
        fn: JobFn,
        on_success: Optional[SuccessFn] = None,
        on_failure: Optional[FailureFn] = None,
        *,
        progress: bool = False,
        label: str = "",
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> TaskHandle:
        raise NotImplementedError

    def run_db(
        self,
        db: Any,
        fn: Callable[[Any], Any],
        on_success: Optional[SuccessFn] = None,
        on_failure: Optional[FailureFn] = None,
        *,
        progress: bool = False,
        label: str = "",
    ) -> TaskHandle:
        """Run ``fn(orm_session)`` inside ``db.unit()`` (commit on success, rollback on error).

        Return plain values (ids, dataclasses, tuples) rather than ORM objects: the
        session is closed by the time ``on_success`` runs.
        """

        def job(_progress: ProgressFn, _cancel: CancelFlag) -> Any:
            with db.unit() as session:
                return fn(session)

        return self.run(job, on_success, on_failure, progress=progress, label=label)

    def _deliver(self, job: _Job, ok: bool, value: Any) -> None:
        job.handle.done = True
        if ok:
            if job.on_success is not None:
                job.on_success(value)
        elif isinstance(value, Cancelled):
            if job.on_cancelled is not None:
                job.on_cancelled()
        elif job.on_failure is not None:
            job.on_failure(value)
        else:
            report_failure(value, self.parent_widget())

    def wait_idle(self, timeout: float = 10.0) -> bool:  # pragma: no cover - overridden
        return True

    def shutdown(self) -> None:  # pragma: no cover - overridden
        pass


class TaskRunner(_BaseRunner):
    """The app's runner: one worker thread, results handed back through a signal."""

    _finished = Signal(object, bool, object)  # job, ok, value-or-exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._work, name="facilitator-tasks", daemon=True)
        self._thread.start()

    def run(
        self,
        fn: JobFn,
        on_success: Optional[SuccessFn] = None,
        on_failure: Optional[FailureFn] = None,
        *,
        progress: bool = False,
        label: str = "",
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> TaskHandle:
        """Queue ``fn(progress_cb, cancel_flag)``; see the module docstring for the contract."""
        handle = TaskHandle(label=label)
        job = _Job(fn, handle, on_success, on_failure, on_cancelled, progress)
        job.relay = _ProgressRelay(job)
        with self._lock:
            self._pending += 1
            self._idle.clear()
        if progress:
            job.timer = QTimer(self)
            job.timer.setSingleShot(True)
            job.timer.timeout.connect(lambda: self._show_dialog(job))
            job.timer.start(PROGRESS_DELAY_MS)
        self._queue.put(job)
        return handle

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            progress_cb = self._make_progress(job)
            try:
                job.handle.cancel_flag.check()
                value = job.fn(progress_cb, job.handle.cancel_flag)
            except BaseException as exc:  # noqa: BLE001 - handed to on_failure
                self._finished.emit(job, False, exc)
            else:
                self._finished.emit(job, True, value)

    def _make_progress(self, job: _Job) -> ProgressFn:
        relay = job.relay  # created on the main thread in run()
        assert relay is not None

        def progress(value: int, maximum: int = 0, text: str = "") -> None:
            relay.changed.emit(int(value), int(maximum), str(text))

        return progress

    def _show_dialog(self, job: _Job) -> None:
        if job.handle.done:
            return
        dialog = QProgressDialog(self.parent_widget())
        dialog.setWindowTitle(QApplication.translate("Tasks", "Working"))
        dialog.setLabelText(job.handle.label or QApplication.translate("Tasks", "Please wait…"))
        dialog.setCancelButtonText(QApplication.translate("Tasks", "Cancel"))
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAccessibleName(QApplication.translate("Tasks", "Progress"))
        dialog.canceled.connect(job.handle.cancel)
        job.dialog = dialog
        if job.relay is not None:
            job.relay.dialog = dialog
            job.relay.apply_last()
        dialog.show()

    @Slot(object, bool, object)
    def _on_finished(self, job: _Job, ok: bool, value: Any) -> None:
        if job.timer is not None:
            job.timer.stop()
        if job.dialog is not None:
            job.dialog.reset()
            job.dialog.hide()
            job.dialog.deleteLater()
            job.dialog = None
        if job.relay is not None:
            job.relay.dialog = None
            job.relay.deleteLater()
            job.relay = None
        try:
            self._deliver(job, ok, value)
        finally:
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Process events until every queued job has delivered its callbacks (tests, quit)."""
        import time

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QApplication.processEvents()
            if self._idle.is_set():
                return True
            self._idle.wait(0.01)
        QApplication.processEvents()
        return self._idle.is_set()

    def shutdown(self) -> None:
        """Finish queued jobs (writes must not be lost), then stop the worker."""
        self.wait_idle(30.0)
        self._queue.put(None)
        self._thread.join(timeout=5.0)


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the dialog on the main thread."""

    changed = Signal(int, int, str)

    def __init__(self, job: _Job) -> None:
        super().__init__()
        self.dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] | None = None
        self.changed.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, str)
    def _apply(self, value: int, maximum: int, text: str) -> None:
        self._last = (value, maximum, text)
        self.apply_last()

    def apply_last(self) -> None:
        # A modal QProgressDialog.setValue() processes events, so the job may finish
        # (and the dialog go away) in the middle of this method: hold a local reference.
        dialog = self.dialog
        if dialog is None or self._last is None:
            return
        value, maximum, text = self._last
        if text:
            dialog.setLabelText(text)
        dialog.setRange(0, maximum)
        if maximum and self.dialog is dialog:
            dialog.setValue(min(value, maximum))


class SyncTaskRunner(_BaseRunner):
    """For tests: runs the job and its callbacks at once, in the calling thread.

    ``jobs`` counts what ran so a test can check that work went through the runner.
    ``progress_reports`` keeps every progress call for assertions.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = 0
        self.progress_reports: list[tuple[int, int, str]] = []

    def run(
        self,
        fn: JobFn,
        on_success: Optional[SuccessFn] = None,
        on_failure: Optional[FailureFn] = None,
        *,
        progress: bool = False,
        label: str = "",
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> TaskHandle:
        handle = TaskHandle(label=label)
        job = _Job(fn, handle, on_success, on_failure, on_cancelled, progress)
        self.jobs += 1

        def progress_cb(value: int, maximum: int = 0, text: str = "") -> None:
            self.progress_reports.append((int(value), int(maximum), str(text)))

        try:
            value = fn(progress_cb, handle.cancel_flag)
        except BaseException as exc:  # noqa: BLE001 - handed to on_failure
            self._deliver(job, False, exc)
        else:
            self._deliver(job, True, value)
        return handle

    def wait_idle(self, timeout: float = 10.0) -> bool:
        return True

    def shutdown(self) -> None:
        pass
