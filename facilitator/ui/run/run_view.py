"""Run mode: the screen a facilitator follows while leading a session.

One glance tells what to say now (the step card), how long is left (a countdown
that turns amber near the end and red past it), who is here (attendance), and
where the Safety button is (always top right, F1). Times come from the engine's
monotonic clock; the QTimer here only repaints, so a stalled event loop causes no
drift. The view owns no session state and writes nothing: a
:class:`~facilitator.ui.run.controller.RunController` holds the runner, the engine and
the run data and does every engine action and store write; the view draws what it
emits. Closing the window or killing the process loses nothing, and
:func:`facilitator.ui.run.create_run_view` resumes from the log.

Panels live in their own modules (the side tabs in :mod:`side_tabs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import Qt, QTimer, Signal
from shiboken6 import isValid as shiboken_valid
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import run_data
from facilitator.session.persistence import SessionRunner
from facilitator.scripts.model import Script, Step
from facilitator.ui import theme
from facilitator.ui.run.common import clock_text, locale_digits, set_font
from facilitator.ui.run.controller import EXTEND_MINUTES, RunController
from facilitator.ui.run.notes_field import IdentifyingTextEdit
from facilitator.ui.run.presenter_view import PresenterState, PresenterView
from facilitator.ui.run.recovery_bar import RecoveryBar
from facilitator.ui.run.side_tabs import RunSideTabs
from facilitator.ui.run.skip_dialog import ask_skip_reason
from facilitator.ui.run.step_card import StepCard
from facilitator.ui.translations import format_number

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.ui.context import AppContext
    from facilitator.ui.run.attendance_panel import HeadcountPanel
    from facilitator.ui.run.summary_view import SummaryView
    from facilitator.ui.run.who5_panel import Who5Panel

REPAINT_MS = 250


class RunView(QWidget):
    """The run screen for one session; build it with ``create_run_view``."""

    finished = Signal(str)  # session id, after the engine recorded "finish"
    left = Signal()

    def __init__(
        self,
        ctx: AppContext,
        runner: SessionRunner,
        script: Script,
        data: run_data.RunData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runView")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # so shortcuts work before any click
        self.ctx = ctx
        self.controller = c = RunController(ctx, runner, script, data, self)
        # read-only views of the controller's state, for drawing
        self.runner, self.engine, self.script, self.data = c.runner, c.engine, c.script, c.data
        self.session_id, self.group_id = c.session_id, c.group_id
        self.lang = data.group_language if data.group_language in ("en", "ar") else ctx.lang
        self.presenter: Optional[PresenterView] = None
        self.summary: Optional[SummaryView] = None
        self.discard_on_close = False  # screenshots: abandon the practice session on close
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_run_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._actions: dict[str, QAction] = {}
        self._build_actions()
        self.side.load()
        self._load_notes()
        self._load_numbers()
        ctx.data_changed.connect(lambda what: self._load_numbers() if what.safety else None)
        c.changed.connect(self.refresh)
        c.step_changed.connect(self._on_step_changed)
        c.message.connect(self.show_message)
        c.newcomer_added.connect(self._newcomer_shown)
        # The session is over: the room no longer needs the step and the rules on the wall.
        c.finished.connect(lambda _sid: self.set_presenter_visible(False))
        c.finished.connect(lambda _sid: self._show_summary(at_close=True))
        c.finished.connect(self.finished)
        self.timer = QTimer(self)
        self.timer.setInterval(REPAINT_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._on_step_changed()
        self._show_resumed()
        c.step_changed.connect(self.resume_note.hide)  # said once; the next step moves on
        self.refresh()
        if self.engine.status in ("finished", "abandoned"):
            self._show_summary()

    # ---- layout -----------------------------------------------------------------
    def _build_run_page(self) -> QWidget:
        page = QWidget(self)
        self.session_clock = QLabel(page)
        self.session_clock.setObjectName("sessionClock")
        set_font(self.session_clock, 1.3, bold=True)
        self.message = QLabel(page)
        self.message.setObjectName("runMessage")
        self.message.setWordWrap(True)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(6000)
        self._message_timer.timeout.connect(self.message.clear)
        self.presenter_button = QPushButton(self.tr("Presenter view  [F5]"), page)
        self.presenter_button.setObjectName("presenterButton")
        self.presenter_button.setCheckable(True)
        self.presenter_button.toggled.connect(self.set_presenter_visible)
        self.leave_button = QPushButton(self.tr("Leave (resume later)"), page)
        self.leave_button.setObjectName("leaveSession")
        self.leave_button.clicked.connect(self.leave)
        self.safety_button = QPushButton(self.tr("Safety  [F1]"), page)
        self.safety_button.setObjectName("safetyButton")
        self.safety_button.setAccessibleName(self.tr("Safety: crisis steps and incident record"))
        self.safety_button.setMinimumHeight(48)
        self.safety_button.setStyleSheet(
            "QPushButton { background: #b71c1c; color: white;"
            " font-weight: bold; padding: 6px 18px; }"
            " QPushButton:focus { border: 3px solid #ffd54f; }"
        )
        set_font(self.safety_button, 1.25, bold=True)
        self.safety_button.clicked.connect(self.open_safety)
        self.practice_badge = QLabel(self.tr("Practice run: not counted in reports"), page)
        self.practice_badge.setObjectName("practiceBadge")
        self.practice_badge.setStyleSheet(
            "background: #1565c0; color: white; padding: 4px 10px;"
            " border-radius: 4px; font-weight: bold;"
        )
        self.practice_badge.setVisible(self.data.is_practice)
        top = QHBoxLayout()
        top.addWidget(self.session_clock)
        top.addWidget(self.practice_badge)
        top.addWidget(self.message, 1)
        top.addWidget(self.leave_button)
        top.addWidget(self.presenter_button)
        top.addWidget(self.safety_button)

        self.card = StepCard(page)
        self.next_label = QLabel(page)
        self.next_label.setObjectName("nextStep")
        self.next_label.setWordWrap(True)
        set_font(self.next_label, 1.1)
        self.recovery = RecoveryBar(self.controller.apply_recovery, page)
        self.recovery_label, self.recovery_button = self.recovery.label, self.recovery.button
        self.notes = IdentifyingTextEdit(page)
        self.notes.setObjectName("sessionNotes")
        self.notes.editor.setAccessibleName(self.tr("Session notes"))
        self.notes.setMaximumHeight(150)
        self.notes.save_requested.connect(self.controller.save_note)
        # After a restart: what the clocks did while run mode was closed (``_show_resumed``).
        self.resume_note = QLabel(page)
        self.resume_note.setObjectName("resumeNote")
        self.resume_note.setWordWrap(True)
        self.resume_note.setStyleSheet("color: #c77800;")
        self.resume_note.hide()
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.resume_note)
        left_layout.addWidget(self.card, 1)
        left_layout.addWidget(self.next_label)
        left_layout.addWidget(self.recovery)
        left_layout.addWidget(self.notes)
        self.no_notes_label = QLabel(page)
        self.no_notes_label.setObjectName("noNotesMode")
        self.no_notes_label.setWordWrap(True)
        theme.set_role(self.no_notes_label, "muted")
        self.no_notes_label.hide()
        left_layout.addWidget(self.no_notes_label)

        self.side = RunSideTabs(self.controller, self.lang, page)
        self.attendance, self.activity = self.side.attendance, self.side.activity
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.back_button = self._control(page, "backButton")
        self.pause_button = self._control(page, "pauseButton")
        self.skip_button = self._control(page, "skipButton")
        self.extend_button = self._control(page, "extendButton")
        self.next_button = self._control(page, "nextButton")
        self.finish_button = self._control(page, "finishButton")
        set_font(self.next_button, 1.3, bold=True)
        self.back_button.clicked.connect(self.controller.go_back)
        self.pause_button.clicked.connect(self.controller.toggle_pause)
        self.skip_button.clicked.connect(lambda: self.skip_step())
        self.extend_button.clicked.connect(self.controller.extend)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.request_finish)
        controls = QHBoxLayout()
        for b in (self.back_button, self.pause_button, self.skip_button, self.extend_button):
            controls.addWidget(b)
        controls.addStretch(1)
        controls.addWidget(self.finish_button)
        controls.addWidget(self.next_button)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(controls)
        return page

    def _control(self, parent: QWidget, name: str) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(name)
        button.setMinimumHeight(52)
        set_font(button, 1.15)
        return button

    def _build_actions(self) -> None:
        """Keyboard shortcuts, scoped to this view; each is printed on its button.

        Letter keys also answer to the letter on the same key of the Arabic layout
        (P/ح, S/س, E/ث, N/ى, X/ء), so they work whichever keyboard is active.
        """
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft or self.ctx.rtl
        forward, backward = ("Left", "Right") if rtl else ("Right", "Left")
        table: list[tuple[str, list[str], Callable[[], Any]]] = [
            ("next", [forward, "PgDown"], self.go_next),
            ("back", [backward, "PgUp"], self.controller.go_back),
            ("pause", ["P", "ح"], self.controller.toggle_pause),
            ("skip", ["S", "س"], lambda: self.skip_step()),
            ("extend", ["E", "ث"], self.controller.extend),
            ("finish", ["Ctrl+Return", "Ctrl+Enter"], self.request_finish),
            ("safety", ["F1", "Ctrl+Shift+S"], self.open_safety),
            ("presenter", ["F5"], self.presenter_button.toggle),
            (
                "speaker_next",
                ["N", "ى"],
                lambda: self.controller.round_key(self.engine.next_speaker),
            ),
            (
                "speaker_pass",
                ["X", "ء"],
                lambda: self.controller.round_key(self.engine.pass_speaker),
            ),
        ]
        for name, keys, fn in table:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(fn)
            self.addAction(action)
            self._actions[name] = action
        arrow = "←" if rtl else "→"
        back_arrow = "→" if rtl else "←"
        self._labels = {
            "back": self.tr("%1 Back").replace("%1", back_arrow),
            "pause": self.tr("Pause  [P]"),
            "resume": self.tr("Resume  [P]"),
            "skip": self.tr("Skip…  [S]"),
            "extend": self.tr("+%1 min  [E]").replace("%1", locale_digits(str(EXTEND_MINUTES))),
            "next": self.tr("Next %1").replace("%1", arrow),
            "start": self.tr("Start the session %1").replace("%1", arrow),
            "finish": self.tr("Finish  [Ctrl+Enter]"),
        }
        self.back_button.setText(self._labels["back"])
        self.skip_button.setText(self._labels["skip"])
        self.extend_button.setText(self._labels["extend"])
        self.finish_button.setText(self._labels["finish"])
        for button, name in (
            (self.back_button, self.tr("Back to the previous step")),
            (self.pause_button, self.tr("Pause or resume the session")),
            (self.skip_button, self.tr("Skip this step")),
            (self.extend_button, self.tr("Add two minutes to this step")),
            (self.next_button, self.tr("Next step")),
            (self.finish_button, self.tr("Finish the session")),
        ):
            button.setAccessibleName(name)

    def _load_numbers(self) -> None:
        """The safety numbers for the safety-check step's card."""
        from facilitator.app.safety_numbers import safety_numbers
        from facilitator.ui.run.common import run_db

        lang = self.lang

        def shown(numbers: Any) -> None:
            self.card.set_numbers(numbers)
            _index, step = self._step()
            self.card.numbers_box.setVisible(step.kind == "safety_check")

        run_db(self.ctx, lambda s: safety_numbers(s, lang), shown)

    # ---- drawing ------------------------------------------------------------------
    def _step(self) -> tuple[int, Step]:
        return self.controller.current_step()

    def _on_step_changed(self) -> None:
        from facilitator.ui.labels import step_kind_label

        index, step = self._step()
        self.card.show_step(
            step, index, len(self.script.steps), self.lang, step_kind_label(step.kind)
        )
        panel = self.activity.show_for(step)
        self.side.refresh_people()
        who5 = self.who5
        if who5 is not None and self.side.currentWidget() is who5 and who5.entry_open():
            pass  # a WHO-5 form half copied from paper stays in front
        elif panel is not None:
            self.side.setCurrentWidget(self.activity)
            if panel in (self.activity.scores_pre, self.activity.scores_post):
                panel.setFocus()
        else:
            self.side.setCurrentIndex(0)

    def refresh(self) -> None:
        """Repaint from the engine's clock (called by the timer and after each action)."""
        snap = self.engine.snapshot()
        index, step = self._step()
        ready = snap.status == "ready"
        planned = step.minutes * 60 if ready else snap.step_planned
        remaining = planned if ready else snap.step_remaining
        self.card.show_time(remaining, planned, paused=snap.status == "paused")
        long_session = snap.session_planned >= 3600  # then both read h:mm:ss alike
        self.session_clock.setText(
            self.tr("Session %1 of %2")
            .replace("%1", clock_text(snap.session_elapsed, long_session))
            .replace("%2", clock_text(snap.session_planned))
        )
        nxt = self.controller.next_index()
        self.next_label.setText(
            self.tr("Next: %1").replace("%1", self.script.steps[nxt].title.get(self.lang))
            if nxt is not None
            else self.tr("Next: the end of the session")
        )
        active = snap.status in ("running", "paused")
        self.next_button.setText(self._labels["start"] if ready else self._labels["next"])
        self.next_button.setEnabled(ready or (active and nxt is not None))
        self.pause_button.setText(
            self._labels["resume"] if snap.status == "paused" else self._labels["pause"]
        )
        for b in (self.pause_button, self.skip_button, self.extend_button, self.finish_button):
            b.setEnabled(active)
        self.back_button.setEnabled(active and index > 0)
        self.recovery.show_plan(
            snap.projected_overrun if active else 0.0,
            self.engine.suggest_recovery,
            self.script.steps,
            self.lang,
        )
        round_summary = self.engine.round_summary()
        if step.kind == "round":
            self.activity.round.show_round(round_summary, step.speaker_minutes)
        if self.presenter is not None:
            self.presenter.update_state(self.presenter_state())

    def _show_resumed(self) -> None:
        """Say what happened to the clocks while run mode was closed (README: resume).

        A running session went on in the room, so the time since the last recorded
        action counts in both the session clock and the step timer (the engine's
        ``recovered`` event); a paused one counts nothing. Without a word the clock
        seemed to jump (closed at 0:20, reopened at 0:41).
        """
        last = self.engine.events[-1] if self.engine.events else None
        if last is None or last.action != "recovered":
            return
        gap = float(last.payload.get("gap_seconds", 0.0))
        if not last.payload.get("was_running"):
            text = self.tr(
                "Resumed. The session was paused, so the clocks did not move while run mode "
                "was closed. Press P to go on."
            )
        else:
            text = self.tr(
                "Resumed. The group went on while run mode was closed, so the clocks count "
                "that time: %1 since the last thing recorded. If the group stopped too, "
                "pause [P] before closing next time."
            ).replace("%1", self.duration_text(gap))
        self.resume_note.setText(text)
        self.resume_note.show()

    def duration_text(self, seconds: float) -> str:
        """ "40 s", "3 min 5 s", "2 h 10 min": a short span in words, locale digits."""
        total = int(round(seconds))
        h, rest = divmod(total, 3600)
        m, s = divmod(rest, 60)
        if h:
            text = self.tr("%1 h %2 min").replace("%1", str(h)).replace("%2", str(m))
        elif m:
            text = self.tr("%1 min %2 s").replace("%1", str(m)).replace("%2", str(s))
        else:
            text = self.tr("%1 s").replace("%1", str(s))
        return locale_digits(text)

    def show_message(self, text: str, error: bool = False) -> None:
        theme.set_role(self.message, "error" if error else "")
        self.message.setText(text)
        self._message_timer.start()  # owned by the view, so it dies with it

    def _load_notes(self) -> None:
        d = self.data
        self.notes.load_session_note(d.note, d.aliases(), no_notes=d.no_notes)
        if d.no_notes:
            # No box at all: a greyed-out box still looked like a place to type, and the
            # letters typed "into" it went to run mode's shortcuts (S skipped a step).
            self.notes.hide()
            self.no_notes_label.setText(
                self.tr("No-notes mode: nothing is written down in this session.")
            )
            self.no_notes_label.show()

    def _newcomer_shown(self, person: Any) -> None:
        from facilitator.ui.widgets import show_code

        self.newcomer_code_box = show_code(self, person.code)  # large, to read out

    @property
    def who5(self) -> Optional[Who5Panel]:
        return self.side.who5

    @property
    def headcount(self) -> Optional[HeadcountPanel]:
        return self.side.headcount

    # ---- the facilitator's actions: the controller acts, the view draws ------------
    def go_next(self) -> None:
        if self.engine.status != "ready":
            self.notes.flush()
        self.controller.go_next()

    def go_back(self) -> None:
        self.controller.go_back()

    def toggle_pause(self) -> None:
        self.controller.toggle_pause()

    def extend(self) -> None:
        self.controller.extend()

    def start_round(self) -> None:
        self.controller.start_round([p.code for p in self.attendance.present_people()])

    def skip_step(self, reason: Optional[str] = None) -> None:
        """Skip with ``reason``; with no reason, ask for one (non-blocking dialog)."""
        if self.engine.status not in ("running", "paused"):
            return
        if reason is not None:
            self.controller.skip(reason)
            return
        ask_skip_reason(self, self.skip_step)

    def request_finish(self) -> None:
        """Finish [Ctrl+Enter]: at once on the last step, otherwise only after a yes.

        It sits next to Next, so a slip of the hand four minutes in must not end the
        session: the question's default answer (Enter, Escape) is No, keep going.
        """
        if self.engine.status not in ("running", "paused"):
            return
        left = self.controller.steps_left()
        if left == 0:
            self.finish()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Finish the session?"),
            self.tr("Steps of the plan still ahead: %1. Finish the session now?").replace(
                "%1", format_number(left)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.finish()

    def finish(self) -> None:
        if self.engine.status not in ("running", "paused"):
            return
        self.notes.flush()
        self.controller.finish()  # on success: the summary page (via ``finished``)

    def leave(self) -> None:
        """Leave run mode; an unfinished session stays resumable from the home screen."""
        self.notes.flush()
        self.set_presenter_visible(False)
        self.timer.stop()
        self.left.emit()
        if self.ctx.navigator is not None:
            self.ctx.navigator.leave_run(self.group_id)

    # ---- presenter, safety, summary ----------------------------------------------
    def presenter_state(self) -> PresenterState:
        return self.controller.presenter_state(self.lang)

    def set_presenter_visible(self, visible: bool) -> None:
        if (
            visible
            and self.presenter is None
            and self.engine.status
            not in (
                "finished",
                "abandoned",
            )
        ):
            self.presenter = presenter = PresenterView(self)
            presenter.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if self.lang == "ar"
                else Qt.LayoutDirection.LeftToRight
            )
            # Run mode's keys answer in the presenter window too (on one screen it sits
            # over this one, and a click on it must not leave the keyboard dead).
            presenter.addActions(list(self._actions.values()))
            presenter.closed.connect(lambda: self.set_presenter_visible(False))
            presenter.update_state(self.presenter_state())
            presenter.show_on_best_screen(self.window())
        elif not visible and self.presenter is not None:
            presenter, self.presenter = self.presenter, None
            presenter.closed.disconnect()
            presenter.close()
            presenter.deleteLater()
            self.window().activateWindow()  # the keyboard back to run mode
        visible = self.presenter is not None
        if self.presenter_button.isChecked() != visible:
            self.presenter_button.blockSignals(True)
            self.presenter_button.setChecked(visible)
            self.presenter_button.blockSignals(False)

    def _presenter_on_top(self) -> None:
        if self.presenter is not None and self.presenter.isVisible():
            QTimer.singleShot(0, self._raise_presenter)  # after the activation it follows

    def _raise_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.raise_()

    def open_safety(self):
        from facilitator.ui.run.safety_dialog import SafetyDialog

        open_already = getattr(self, "safety_dialog", None)
        if open_already is not None and shiboken_valid(open_already) and open_already.isVisible():
            open_already.raise_()  # F1 from the presenter window: the one already open
            open_already.activateWindow()
            return open_already
        self.controller.note_safety()
        dialog = SafetyDialog(self.ctx, self.group_id, self.session_id, self.data.aliases(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        # Over whatever is on top: on one screen the presenter window may cover this one.
        dialog.raise_()
        dialog.activateWindow()
        # Closed, it hands the focus back to run mode, whose window the window manager
        # then raises: the room's window goes back over it, as it was before F1.
        dialog.finished.connect(lambda _result: self._presenter_on_top())
        self.safety_dialog = dialog
        return dialog

    def _show_summary(self, at_close: bool = False) -> None:
        from facilitator.ui.run.summary_view import SummaryView

        self.timer.stop()
        self.refresh()
        self.summary = summary = SummaryView(
            self.ctx,
            self.session_id,
            report_lang=self.ctx.lang,
            parent=self,
            scores=not (self.data.no_notes or self.data.headcount_only),
            auto_pdf=at_close and not self.data.is_practice,
        )
        summary.leave_requested.connect(self.leave)
        self.pages.addWidget(summary)
        self.pages.setCurrentWidget(summary)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt name
        # Hidden by the lock screen, a screen switch or the window closing: keep the note.
        self.notes.flush()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt name
        self.notes.flush()
        self.set_presenter_visible(False)
        if self.discard_on_close:
            self.controller.abandon("screenshot")
        super().closeEvent(event)
