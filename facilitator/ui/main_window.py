"""The main window: one stack of screens (home, group, plan, run, lock) and a toolbar.

Why a stack in one window: a facilitator in a room must never hunt for a window.
Every screen replaces the previous one, Back (Alt+Left) returns, and the lock screen
is just another page on top, so nothing can peek out from behind it. The window title
is always the app's name: participant or group names never reach the title bar,
the task switcher or a screen-sharing picker.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QProgressDialog,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.ui.context import AppContext, RunRequest
from facilitator.ui.idle import IdleWatcher
from facilitator.ui.lock_screen import LockScreen
from facilitator.ui.unlock_dialog import AttemptFn
from facilitator.ui import widgets as W

if TYPE_CHECKING:  # pragma: no cover - the screens are imported when first shown
    from facilitator.ui.group_view import GroupView
    from facilitator.ui.home_view import HomeView
    from facilitator.ui.plan_view import PlanView
    from facilitator.ui.supervision_view import SupervisionView

log = logging.getLogger(__name__)


def _warm_script_library(_progress: Any, _cancel: Any) -> None:
    from facilitator.scripts.library import builtin_scripts

    builtin_scripts()


def key_text(seq: QKeySequence) -> str:
    """The keys as printed on the keycaps: ``Ctrl+L`` (``⌘L`` on a Mac).

    Not Qt's translated native text: that turns ``Alt+Left`` into a half-Arabic
    ``Alt+اليسار`` that matches no key, where run mode shows ``[P]`` in both languages.
    """
    fmt = (
        QKeySequence.SequenceFormat.NativeText
        if sys.platform == "darwin"
        else QKeySequence.SequenceFormat.PortableText
    )
    return seq.toString(fmt)


def shortcut_label(text: str, keys: str) -> str:
    """``Home  [Ctrl+Home]``: the shortcut on screen, as run mode shows ``Pause  [P]``.

    The issue wants every shortcut visible, not only in a tooltip. The key names stay
    as printed on the keycaps; in Arabic they are wrapped in a left-to-right isolate so
    right-to-left text never reorders the brackets or the ``+``.
    """
    return f"{text}  \u2066[{keys}]\u2069" if keys else text


class MainWindow(QMainWindow):
    """Implements :class:`~facilitator.ui.context.Navigator` for the whole app."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        unlock_attempt: Optional[AttemptFn] = None,
        has_passphrase: bool = True,
        keyring_attempt: Optional[Callable[[], Any]] = None,
        on_language: Optional[Callable[[str], None]] = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.navigator = self
        ctx.tasks.parent_widget = lambda: self
        self._on_language = on_language
        self.setObjectName("main_window")
        self.setWindowTitle(self._title())
        W.fit_to_screen(self, 1100, 760)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home: Optional[HomeView] = None
        self.group: Optional[GroupView] = None
        self.plan: Optional[PlanView] = None  # built on first use: it loads the script library
        self.supervision: Optional[SupervisionView] = None  # built on first use
        self.run_view: Optional[QWidget] = None
        self.practice: Optional[QWidget] = None
        self.lock_screen: Optional[LockScreen] = None
        self._history: list[QWidget] = []
        self._before_lock: Optional[QWidget] = None
        self._hidden_windows: list[QWidget] = []
        self.loading = QWidget()
        self.loading.setObjectName("loading")
        box = QVBoxLayout(self.loading)
        box.addStretch(1)
        box.addWidget(
            W.heading(self.tr("Opening your groups…"), "title"), 0, Qt.AlignmentFlag.AlignHCenter
        )
        box.addStretch(2)
        self.stack.addWidget(self.loading)

        self._build_toolbar()
        self.idle = IdleWatcher(0, self)
        self.idle.idle.connect(self.lock)
        ctx.activity.connect(self.idle.poke)
        _qapp().installEventFilter(self.idle)
        self._sync_toolbar()
        if ctx.db is not None:
            self.attach(
                unlock_attempt=unlock_attempt,
                has_passphrase=has_passphrase,
                keyring_attempt=keyring_attempt,
            )

    def attach(
        self,
        *,
        unlock_attempt: Optional[AttemptFn] = None,
        has_passphrase: bool = True,
        keyring_attempt: Optional[Callable[[], Any]] = None,
    ) -> None:
        """Build the data screens once ``ctx.db`` is open.

        Why separate: the window can appear (and answer clicks) while the store and
        the core modules are still loading on the worker thread; nothing that shows
        data exists before this point, so nothing needs hiding.
        """
        from facilitator.ui.group_view import GroupView
        from facilitator.ui.home_view import HomeView

        self.home = home = HomeView(self.ctx)
        home.new_group_requested.connect(self.new_group)
        home.practice_requested.connect(self.show_practice)
        self.group = group = GroupView(self.ctx)
        self.stack.addWidget(home)
        self.stack.addWidget(group)
        attempt = unlock_attempt or (lambda _p, _c: None)
        self.lock_screen = LockScreen(
            self.ctx.tasks,
            attempt,
            has_passphrase=has_passphrase,
            keyring_attempt=keyring_attempt,
            demo=self.ctx.demo,
        )
        self.lock_screen.unlocked.connect(self.unlock)
        self.stack.addWidget(self.lock_screen)
        self.idle.set_minutes(self.ctx.settings.autolock_minutes)
        self.show_home()
        # Parse the built-in scripts on the worker now, so the first plan screen opens at
        # once instead of reading thirteen YAML files on the UI thread (about half a second).
        self.ctx.tasks.run(
            _warm_script_library,
            on_failure=lambda exc: log.warning(
                "the script library could not be read ahead: %s", exc
            ),
        )

    @property
    def ready(self) -> bool:
        return self.home is not None

    def _title(self) -> str:
        return self.tr("Facilitator (demo)") if self.ctx.demo else self.tr("Facilitator")

    # -- toolbar ----------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Navigation"))
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

        def action(text: str, shortcut: QKeySequence | str, slot: Callable[[], object]) -> QAction:
            keys = key_text(QKeySequence(shortcut))
            act = QAction(shortcut_label(text, keys), self)
            act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(f"{text} ({keys})")
            act.triggered.connect(slot)
            bar.addAction(act)
            bar.widgetForAction(act).setAccessibleName(text)  # read without the brackets
            self.addAction(act)
            return act

        self.back_action = action(
            self.tr("Back"), QKeySequence(QKeySequence.StandardKey.Back), self.go_back
        )
        self.home_action = action(self.tr("Home"), "Ctrl+Home", self.show_home)
        self.new_group_action = action(self.tr("New group"), "Ctrl+N", self.new_group)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.reports_action = action(self.tr("Reports"), "Ctrl+R", self.open_reports)
        self.bundles_action = action(self.tr("Bundles"), "Ctrl+B", self.open_bundles)
        self.supervision_action = action(self.tr("Supervision"), "Ctrl+U", self.show_supervision)
        self.settings_action = action(self.tr("Settings"), "Ctrl+,", self.open_settings)
        self.lock_action = action(self.tr("Lock"), "Ctrl+L", self.lock)
        # Practice: a window shortcut and a button on the home screen (the toolbar row is
        # full); T for training.
        self.practice_action = QAction(self.tr("Practice"), self)
        self.practice_action.setShortcut(QKeySequence("Ctrl+T"))
        self.practice_action.triggered.connect(self.show_practice)
        self.addAction(self.practice_action)

    def _sync_toolbar(self) -> None:
        current = self.stack.currentWidget()
        running = current is self.run_view and self.run_view is not None
        locked = self.ctx.locked
        for act in (
            self.back_action,
            self.home_action,
            self.new_group_action,
            self.reports_action,
            self.bundles_action,
            self.supervision_action,
            self.settings_action,
        ):
            act.setVisible(self.ready and not locked and not running)
        self.back_action.setEnabled(bool(self._history))
        self.lock_action.setVisible(self.ready and not locked)

    # -- navigation ---------------------------------------------------------------
    def _show(self, page: QWidget, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if (
            remember
            and current is not None
            and current is not page
            and current is not self.lock_screen
            and current is not self.run_view
        ):
            self._history.append(current)
            del self._history[:-10]
        self.stack.setCurrentWidget(page)
        self._sync_toolbar()

    def show_home(self) -> None:
        if self.home is None:  # not ready: the store is still opening
            return
        self._history.clear()
        self.home.refresh()
        self._show(self.home, remember=False)

    def show_group(self, group_id: str) -> None:
        if self.group is None:  # not ready
            return
        self.group.set_group(group_id)
        self._show(self.group)

    def show_plan(self, group_id: str, script_id: Optional[str] = None) -> None:
        if self.plan is None:
            from facilitator.ui.plan_view import PlanView

            self.plan = PlanView(self.ctx)
            self.stack.addWidget(self.plan)
        self.plan.set_group(group_id, script_id)
        self._show(self.plan)

    def show_practice(self) -> None:
        """The practice area (simulated groups; reads practice data only)."""
        if (
            not self.ready
            or self.ctx.locked
            or (self.run_view is not None and self.stack.currentWidget() is self.run_view)
        ):
            return  # never leave a live session by a shortcut
        if self.practice is None:
            from facilitator.ui.practice import create_practice_home

            self.practice = create_practice_home(self.ctx, self)
            self.stack.addWidget(self.practice)
        self._show(self.practice)

    def show_supervision(self, tab: str | None = None) -> Optional[QWidget]:
        """Review queue, dashboard, audit log and users (issue 14), built on first use."""
        if not self.ready or self.ctx.locked or self.ctx.store is None:
            return None
        if self.supervision is None:
            from facilitator.ui.supervision_view import SupervisionView

            self.supervision = SupervisionView(self.ctx)
            self.stack.addWidget(self.supervision)
        self._show(self.supervision)
        return self.supervision.open_tab(tab) if tab else self.supervision

    def go_back(self) -> None:
        if self.ctx.locked or not self._history:
            return
        page = self._history.pop()
        _refresh(page)
        self._show(page, remember=False)

    def new_group(self) -> None:
        if not self.ready or self.ctx.locked:
            return
        from facilitator.ui.group_dialog import GroupDialog

        dialog = GroupDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_group_id:
            self.show_group(dialog.saved_group_id)

    def start_run(self, request: RunRequest) -> None:
        """Open run mode (:func:`facilitator.ui.run.create_run_view`) in the central stack."""
        from facilitator.ui.run import create_run_view

        if self.run_view is not None:
            self.stack.removeWidget(self.run_view)
            self.run_view.deleteLater()
        self.run_view = create_run_view(self.ctx, request, self)
        self.stack.addWidget(self.run_view)
        self._show(self.run_view)
        self.run_view.setFocus()

    def leave_run(self, group_id: Optional[str] = None) -> None:
        view, self.run_view = self.run_view, None
        if group_id and self.home is not None and self.group is not None:
            self._history.clear()
            self._history.append(self.home)
            self.group.set_group(group_id)
            self._show(self.group, remember=False)
        else:
            self.show_home()
        if view is not None:
            self.stack.removeWidget(view)
            view.deleteLater()
        self.ctx.notify(changes.SESSIONS)

    # -- lock -------------------------------------------------------------------
    def lock(self) -> None:
        """Hide all data behind the lock screen (the store stays open and saving)."""
        if self.ctx.locked or self.lock_screen is None:
            return
        self.ctx.locked = True
        self.ctx.principal = None  # locking forgets who was signed in
        self.ctx.lock_changed.emit(True)
        self.idle.stop()
        self._before_lock = self.stack.currentWidget()
        self._hidden_windows = []
        for w in QApplication.topLevelWidgets():
            if w is self or not w.isVisible() or isinstance(w, QProgressDialog):
                continue
            if w.property("safe_while_locked"):
                continue  # e.g. the presenter view: no participant data by design
            if isinstance(w, QDialog):
                w.reject()  # a form left open would show data: close it unsaved
            else:
                w.hide()
                self._hidden_windows.append(w)
        self.lock_screen.prepare()
        self.stack.setCurrentWidget(self.lock_screen)
        self.setWindowTitle(self._title())
        self._sync_toolbar()
        self.lock_screen.panel.secret.setFocus()

    def unlock(self) -> None:
        if not self.ctx.locked:
            return
        self.ctx.locked = False
        from facilitator.app.access import Principal

        who = getattr(self.lock_screen, "result", None)
        if isinstance(who, Principal):  # their own passphrase says who it is
            self.ctx.principal = who
        page = self._before_lock or self.home
        self._before_lock = None
        if page is not None:
            _refresh(page)
            self.stack.setCurrentWidget(page)
        for w in self._hidden_windows:
            w.show()
        self._hidden_windows = []
        self._sync_toolbar()
        self.idle.poke()
        self.ctx.lock_changed.emit(False)
        if (
            self.lock_screen is not None
            and self.lock_screen.panel.recovery_mode
            and self.lock_screen.panel.has_passphrase
        ):
            # The passphrase was forgotten: offer a new one now, not at the next lock.
            from PySide6.QtCore import QTimer

            from facilitator.ui.store_settings import offer_new_passphrase

            store = self.ctx.store
            QTimer.singleShot(
                0, lambda: offer_new_passphrase(self.ctx.tasks, store, self, used_recovery=True)
            )

    # -- settings ----------------------------------------------------------------
    def open_reports(self) -> None:
        """The report dialog; on a group's screen it offers that group's report first."""
        if not self.ready or self.ctx.locked:
            return
        from facilitator.ui.report_dialog import ReportDialog

        group = self.group
        if group is not None and self.stack.currentWidget() is group and group.group_id:
            group.open_report()
        else:
            ReportDialog(self.ctx, parent=self).exec()

    def open_bundles(self) -> None:
        """Signed, encrypted report bundles: send, receive, status board, keys."""
        if not self.ready or self.ctx.locked:
            return
        from facilitator.ui.bundles_dialog import BundlesDialog

        BundlesDialog(self.ctx, self, principal=self.ctx.principal).exec()

    def open_settings(self) -> None:
        if not self.ready or self.ctx.locked:
            return
        from facilitator.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.idle.set_minutes(self.ctx.settings.autolock_minutes)
        if dialog.language != self.ctx.lang and self._on_language is not None:
            self._on_language(dialog.language)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.run_view is not None and hasattr(self.run_view, "confirm_close"):
            if not self.run_view.confirm_close():
                event.ignore()
                return
        if self.practice is not None and not getattr(self.practice, "may_close", bool)():
            event.ignore()  # the scenario editor has unsaved changes the trainer kept
            return
        self.ctx.tasks.wait_idle(30.0)
        _qapp().removeEventFilter(self.idle)
        super().closeEvent(event)


def _refresh(page: QWidget) -> None:
    """Reload a screen that reads the store (home, group, plan...) before showing it again."""
    refresh = getattr(page, "refresh", None)
    if callable(refresh):
        refresh()


def _qapp() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # a QMainWindow cannot exist without one
        raise RuntimeError("no QApplication")
    return app
