"""Practice run mode: the real run screen's look and keys, with a simulated group.

The step card, countdown colours, fonts and the red Safety button [F1] are run mode's
own (:class:`~facilitator.ui.run.step_card.StepCard`, :mod:`facilitator.ui.run.common`);
the roster lists the scenario's simulated participants. Events arrive as cards in
the flow (who, what they say, the cue); a decision point stops the step timer and
takes its answer by click or by the number keys 1-4. A PRACTICE banner is on every
practice screen. In practice mode coach notes and feedback appear as you go; in
assessment mode they wait for the debrief.

Trainer controls: pause/resume [P], inject one of the scenario's events now [I], and
the trainee's "step out" [O], which pauses and offers grounding text.

Timing: a precise single-shot timer is armed for the next timed event on the engine's
clock (re-armed after every change), so a card is built within a frame of its time;
the 250 ms repaint timer only redraws the clocks. Every input and every transcript
entry is saved by :mod:`facilitator.app.practice` before it is shown.
"""

from __future__ import annotations

import math
import time
from functools import partial
from typing import Any, Callable, Optional

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice as svc
from facilitator.practice import text as ptext
from facilitator.practice.engine import Action, Entry, Mode
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.practice.digits import text_digits
from facilitator.ui.labels import step_kind_label
from facilitator.ui.run.common import clock_text, locale_digits, set_font
from facilitator.ui.translations import format_number
from facilitator.ui.run.step_card import StepCard

REPAINT_MS = 250
GROUNDING_KEY = "grounding"


def _wrap(text: str = "", factor: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    if name:
        label.setObjectName(name)
    set_font(label, factor, bold)
    return label


class EventCard(QFrame):
    """One thing a simulated participant says or does."""

    def __init__(
        self,
        who: str,
        kind: str,
        when: str,
        text: str,
        cue: Optional[str],
        injected: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventCard")
        self.setStyleSheet(
            "QFrame#eventCard { border: 1px solid #90a4ae; border-radius: 6px;"
            " background: rgba(144, 164, 174, 0.12); }"
        )
        box = QVBoxLayout(self)
        head = f"{who} · {kind} · {when}"
        if injected:
            head += " · " + self.tr("brought in by the trainer")
        self.head = _wrap(head, 0.95, True, "eventHead")
        self.text = _wrap(text, 1.25, name="eventText")
        box.addWidget(self.head)
        box.addWidget(self.text)
        self.cue = None
        if cue:
            self.cue = _wrap(self.tr("Cue: %1").replace("%1", cue), 1.0, name="eventCue")
            self.cue.setStyleSheet("color: #5d4037; font-style: italic;")
            box.addWidget(self.cue)


class NoteCard(QFrame):
    """Coach note, feedback or a plain line in the flow."""

    def __init__(
        self, caption: str, text: str, colour: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(
            f"QFrame#{name} {{"
            f" border-left: 6px solid {colour}; background: rgba(0,0,0,0.03);"
            " border-radius: 4px; }"
        )
        box = QVBoxLayout(self)
        if caption:
            box.addWidget(_wrap(caption, 0.95, True))
        self.body = _wrap(text, 1.1)
        box.addWidget(self.body)


class DecisionPanel(QFrame):
    """A decision point: the prompt, the coach note (practice mode) and the options."""

    chosen = Signal(str)

    def __init__(
        self,
        prompt: str,
        coach: Optional[str],
        options: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.setStyleSheet(
            "QFrame#decisionPanel { border: 2px solid #1565c0;"
            " border-radius: 8px; background: rgba(21, 101, 192, 0.07); }"
        )
        box = QVBoxLayout(self)
        title = _wrap(self.tr("Decision: what do you do?  (the step timer is stopped)"), 0.95, True)
        box.addWidget(title)
        self.prompt = _wrap(prompt, 1.3, True, "decisionPrompt")
        box.addWidget(self.prompt)
        self.coach = None
        if coach:
            self.coach = NoteCard(self.tr("Coach"), coach, "#c77800", "coachNote", self)
            box.addWidget(self.coach)
        self.buttons: list[QPushButton] = []
        self.labels: list[QLabel] = []
        for n, (oid, text) in enumerate(options, start=1):
            btn = QPushButton(format_number(n), self)  # the key to press, in the UI's digits
            btn.setObjectName(f"option_{oid}")
            btn.setAccessibleName(
                self.tr("Option %1: %2").replace("%1", format_number(n)).replace("%2", text)
            )
            btn.setToolTip(text)
            set_font(btn, 1.2, bold=True)
            btn.setMinimumWidth(72)
            btn.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            btn.setMinimumHeight(44)
            btn.clicked.connect(lambda _=False, o=oid: self.chosen.emit(o))
            label = _ClickLabel(text, self)
            label.clicked.connect(btn.click)
            row = QHBoxLayout()
            row.addWidget(btn, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            box.addLayout(row)
            self.buttons.append(btn)
            self.labels.append(label)
        self.option_ids = [o for o, _t in options]

    def close_with(self, option_id: str) -> None:
        for btn, label, oid in zip(self.buttons, self.labels, self.option_ids):
            btn.setEnabled(False)
            label.setEnabled(oid == option_id)
            if oid == option_id:
                btn.setStyleSheet("QPushButton { border: 2px solid #1565c0; }")
                label.setStyleSheet("font-weight: bold;")


class _ClickLabel(QLabel):
    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        set_font(self, 1.1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.isEnabled():
            self.clicked.emit()
        super().mousePressEvent(event)


class PracticeSafetyDialog(QDialog):
    """The Safety button in practice: the real crisis steps, nothing recorded as real."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from facilitator.i18n import pick
        from facilitator.session import safety

        self.setObjectName("practiceSafetyDialog")
        self.setWindowTitle(self.tr("Safety (practice)"))
        box = QVBoxLayout(self)
        box.addWidget(PracticeBanner(self))
        head = _wrap(self.tr("Crisis steps"), 1.3, True)
        box.addWidget(head)
        protocol = safety.load_protocol()
        self.steps = _wrap(
            "\n\n".join(
                f"{i}. {pick(s.short, lang)}\n{pick(s.long, lang)}"
                for i, s in enumerate(protocol.steps, 1)
            ),
            1.1,
            name="crisisSteps",
        )
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.steps)
        box.addWidget(scroll, 1)
        box.addWidget(
            _wrap(
                self.tr(
                    "In a real session you would also record the incident here. "
                    "In practice nothing is recorded as real; the time you "
                    "opened these steps goes into your debrief."
                ),
                0.95,
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(820, 620)


class PracticeView(QWidget):
    """One live attempt. Build with an :class:`~facilitator.app.practice.Attempt`."""

    ended = Signal(str)  # attempt id, once finished (the debrief follows)
    abandoned = Signal(str)

    def __init__(
        self,
        ctx: Any,
        scenario_ref: str,
        trainee: str,
        mode: Mode = "practice",
        seed: Optional[int] = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        *,
        rate: float = 1.0,
        resume: Optional[str] = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("practiceView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ctx, self.lang, self.mode = ctx, ctx.lang, mode
        self.rate = rate  # session seconds per real second (1 but for timing tests)
        self.cards: list[QWidget] = []
        self.decision_panel: Optional[DecisionPanel] = None
        self.card_times: list[tuple[str, float]] = []  # (kind, session seconds late)
        self._shown_step: Optional[int] = -1
        self._hint = ""  # the decision hint last shown on the message line
        self._flow_position = 0  # where the room was scrolled when the trainee stepped out
        self.stepped_out = False
        if resume is not None:  # an attempt cut short (app closed, crash): carry on
            self.attempt = svc.resume_attempt(
                ctx.db,
                resume,
                clock=clock,
                listener=self._on_item,
                who=getattr(ctx, "principal", None),  # the signed-in user (issue 14)
            )
            self.mode = self.attempt.run.mode
        else:
            self.attempt = svc.start_attempt(
                ctx.db,
                scenario_ref,
                trainee,
                seed=seed,
                mode=mode,
                clock=clock,
                listener=self._on_item,
                who=getattr(ctx, "principal", None),
            )
        self.run = self.attempt.run
        self.scenario, self.script = self.run.scenario, self.run.script
        self._build()
        self._build_keys()
        self.event_timer = QTimer(self)
        self.event_timer.setSingleShot(True)
        self.event_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.event_timer.timeout.connect(self.poll)
        # Persistent timers rather than QTimer.singleShot(0, callable): in PySide6 6.12
        # thousands of those crashed a long run with "deallocating None".
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._scroll_to_last)
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setInterval(REPAINT_MS)
        self.repaint_timer.timeout.connect(self.refresh)
        if resume is None:
            self.attempt.start()
        else:
            for entry in list(self.run.entries):  # the cards so far, as they were
                self._on_item(entry)
            if self.decision_panel is not None and self.run.pending is None:
                self.decision_panel.setEnabled(False)
        self.repaint_timer.start()
        self._after_change()

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = PracticeBanner(self, mode=self.mode)
        self.session_clock = QLabel(self)
        self.session_clock.setObjectName("sessionClock")
        set_font(self.session_clock, 1.3, bold=True)
        self.message = _wrap("", 1.0, name="practiceMessage")
        self.pause_button = QPushButton(self.tr("Pause  [P]"), self)
        self.pause_button.setObjectName("practicePause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.inject_box = QComboBox(self)
        self.inject_box.setObjectName("injectEvent")
        self.inject_box.setAccessibleName(self.tr("Event to bring in now"))
        self.inject_button = QPushButton(self.tr("Inject now  [I]"), self)
        self.inject_button.setObjectName("injectButton")
        self.inject_button.clicked.connect(self.inject_selected)
        self.step_out_button = QPushButton(self.tr("Step out  [O]"), self)
        self.step_out_button.setObjectName("stepOutButton")
        self.step_out_button.setToolTip(self.tr("Pause and take a moment; nothing is lost."))
        self.step_out_button.clicked.connect(self.step_out)
        self.safety_button = QPushButton(self.tr("Safety  [F1]"), self)
        self.safety_button.setObjectName("safetyButton")
        self.safety_button.setMinimumHeight(48)
        self.safety_button.setStyleSheet(
            "QPushButton { background: #b71c1c; color: white;"
            " font-weight: bold; padding: 6px 18px; }"
        )
        set_font(self.safety_button, 1.25, bold=True)
        self.safety_button.clicked.connect(self.open_safety)
        trainer = QLabel(self.tr("Trainer:"), self)
        set_font(trainer, 1.0, bold=True)
        top = QHBoxLayout()
        top.addWidget(self.session_clock)
        top.addWidget(self.message, 1)
        top.addWidget(trainer)
        top.addWidget(self.pause_button)
        top.addWidget(self.inject_box)
        top.addWidget(self.inject_button)
        top.addWidget(self.step_out_button)
        top.addWidget(self.safety_button)

        self.roster = QListWidget(self)
        self.roster.setObjectName("practiceRoster")
        self.roster.setAccessibleName(self.tr("Simulated participants"))
        for p in self.scenario.participants:
            item = QListWidgetItem(f"{p.code}  ·  {p.persona.get(self.lang)}")
            item.setToolTip(p.tendencies.get(self.lang))
            self.roster.addItem(item)
        self.roster.setWordWrap(True)
        self.roster.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        roster_title = QLabel(self.tr("Present (simulated)"), self)
        set_font(roster_title, 1.1, bold=True)
        self.card = StepCard(self)
        self.next_button = QPushButton(self.tr("Next step  [N]"), self)
        self.next_button.setObjectName("practiceNext")
        set_font(self.next_button, 1.15, bold=True)
        self.next_button.clicked.connect(self.next_step)
        left = QWidget(self)
        lbox = QVBoxLayout(left)
        lbox.addWidget(self.card, 3)
        lbox.addWidget(self.next_button)
        lbox.addWidget(roster_title)
        lbox.addWidget(self.roster, 1)

        self.flow_body = QWidget(self)
        self.flow = QVBoxLayout(self.flow_body)
        self.flow.addStretch(1)
        self.flow_scroll = QScrollArea(self)
        self.flow_scroll.setObjectName("practiceFlow")
        self.flow_scroll.setWidgetResizable(True)
        self.flow_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flow_scroll.setWidget(self.flow_body)
        flow_title = QLabel(self.tr("In the room"), self)
        set_font(flow_title, 1.1, bold=True)
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.addWidget(flow_title)
        rbox.addWidget(self.flow_scroll, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 680])

        run_page = QWidget(self)
        rp = QVBoxLayout(run_page)
        rp.setContentsMargins(0, 0, 0, 0)
        rp.addLayout(top)
        rp.addWidget(split, 1)

        self.grounding = QWidget(self)
        self.grounding.setObjectName("groundingPage")
        g = QVBoxLayout(self.grounding)
        g.addStretch(1)
        g.addWidget(_wrap(self.tr("You stepped out. Take your time."), 1.8, True))
        self.grounding_text = _wrap(
            self.tr(
                "Feet flat on the floor. Breathe in slowly for four, out for six, three times.\n"
                "Name five things you can see, four you can hear, three you can touch.\n"
                "This was a practice: the people are not real, and nothing here is lost.\n"
                "Talk to your trainer if something in the scenario touched you; you can stop "
                "at any time."
            ),
            1.3,
            name="groundingText",
        )
        g.addWidget(self.grounding_text)
        self.back_in_button = QPushButton(self.tr("I am ready to go back in"), self)
        self.back_in_button.setObjectName("backInButton")
        self.back_in_button.setDefault(True)  # drawn as the default: Enter presses it
        self.back_in_button.clicked.connect(self.step_back_in)
        self.stop_button = QPushButton(self.tr("Stop this practice"), self)
        self.stop_button.setObjectName("stopPractice")
        self.stop_button.clicked.connect(self.stop)
        g.addWidget(self.back_in_button)
        g.addWidget(self.stop_button)
        g.addStretch(2)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(run_page)
        self.pages.addWidget(self.grounding)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 6, 6)
        outer.addWidget(self.banner)
        outer.addWidget(self.pages, 1)
        self._fill_inject()

    def _build_keys(self) -> None:
        def key(seq: str | QKeySequence, slot: Callable[[], None]) -> None:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        for n in range(1, 5):
            key(str(n), partial(self.choose_number, n))
        key("P", self.toggle_pause)
        key("I", self.inject_selected)
        key("O", self.step_out)
        key("N", self.next_step)
        key("F1", self.open_safety)
        # on the grounding page Enter presses the focused button (a plain widget has no
        # default button as a dialog does)
        for seq in ("Return", "Enter"):
            sc = QShortcut(QKeySequence(seq), self.grounding)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self._press_focused)
        key("Ctrl+Shift+S", self.open_safety)

    def _fill_inject(self) -> None:
        self.inject_box.clear()
        for ev in self.scenario.events:
            if ev.id in self.run.fired:
                continue
            # who and a neutral label only: the trainee sees this screen too, and must
            # not read a participant's words before they are said
            label = f"{ev.who} — {ptext.t('ev_' + ev.kind, self.lang)} ({ev.id})"
            self.inject_box.addItem(label, ev.id)
        self.inject_box.setEnabled(self.inject_box.count() > 0 and not self.run.done)
        self.inject_button.setEnabled(self.inject_box.count() > 0 and not self.run.done)

    # ---- engine items -> cards ------------------------------------------------------------
    def _on_item(self, item: Entry | Action) -> None:
        if not isinstance(item, Entry):
            return
        kind, d = item.kind, item.data
        sc = self.scenario
        if kind == "event":
            ev = next(e for e in sc.events if e.id == d["event"])
            self._add(
                EventCard(
                    ev.who,
                    ptext.t("ev_" + ev.kind, self.lang),
                    clock_text(item.t),
                    self._digits(ev.text.get(self.lang)),
                    self._digits(ev.cue.get(self.lang)) if ev.cue is not None else None,
                    bool(d.get("injected")),
                    self.flow_body,
                )
            )
            self.card_times.append(("event", self._lateness(ev, item, bool(d.get("injected")))))
        elif kind == "decision":
            dec = sc.decision(d["decision"])
            coach = (
                self._digits(dec.coach.get(self.lang))
                if dec.coach is not None and self.mode == "practice"
                else None
            )
            panel = DecisionPanel(
                self._digits(dec.prompt.get(self.lang)),
                coach,
                [(o.id, self._digits(o.text.get(self.lang))) for o in dec.options],
                self.flow_body,
            )
            panel.chosen.connect(self.choose)
            self.decision_panel = panel
            self._add(panel)
            self.card_times.append(("decision", 0.0))
        elif kind == "feedback" and self.mode == "practice":
            opt = sc.decision(d["decision"]).option(d["option"])
            self._add(
                NoteCard(
                    self.tr("Feedback"),
                    self._digits(opt.feedback.get(self.lang))
                    + "\n"
                    + self.tr("See: %1").replace(
                        "%1", self._digits(ptext.cites_line(opt.cites, self.lang))
                    ),
                    "#2e7d32",
                    "feedbackCard",
                    self.flow_body,
                )
            )
        elif kind == "choice" and self.mode == "assessment":
            self._add(
                NoteCard(
                    "",
                    self.tr("Your choice is recorded; feedback comes in the debrief."),
                    "#607d8b",
                    "recordedCard",
                    self.flow_body,
                )
            )
        elif kind == "critical" and self.mode == "practice":
            act = next(a for a in sc.critical_actions if a.id == d["action"])
            self._add(
                NoteCard(
                    "",
                    ptext.t("critical_done", self.lang) + ": " + act.title.get(self.lang),
                    "#2e7d32",
                    "criticalCard",
                    self.flow_body,
                )
            )
        elif kind == "extend":
            # an option lengthened the step (a break was called): say why the countdown
            # goes up, right where it happens
            self._add(
                NoteCard(
                    "",
                    self.tr("This step now runs %1 longer, so its countdown goes up.").replace(
                        "%1", locale_digits(ptext.minutes(float(d["minutes"]), self.lang))
                    ),
                    "#607d8b",
                    "extendCard",
                    self.flow_body,
                )
            )
        elif kind == "safety":
            self._add(
                NoteCard(
                    "", ptext.t("safety_opened", self.lang), "#b71c1c", "safetyCard", self.flow_body
                )
            )

    def _scroll_to_last(self) -> None:
        if self.cards:
            self.flow_scroll.ensureWidgetVisible(self.cards[-1])

    def _lateness(self, ev: Any, item: Entry, injected: bool) -> float:
        """Session seconds from an event's planned time to now, as its card is built
        (after the entry is saved); 0 for injected or state-triggered events."""
        jitter = self.run.jitter.get(ev.id, 0)
        eng = self.run.run
        if injected or ev.when is not None:
            return 0.0
        if ev.minute is not None:
            return max(0.0, eng.elapsed() - (ev.minute * 60 + jitter))
        ids = [s.id for s in self.script.steps]
        if eng.index is None or ids.index(ev.step) != eng.index:
            return 0.0  # the step was left early: it happens as the next one starts
        return max(0.0, eng.step_elapsed(eng.index) - (ev.after_minutes * 60 + jitter))

    def _add(self, widget: QWidget) -> None:
        self.flow.insertWidget(self.flow.count() - 1, widget)
        self.cards.append(widget)
        widget.show()
        self._scroll_timer.start()  # once laid out: show the newest card

    # ---- inputs ---------------------------------------------------------------------------
    def _guard(self, fn: Callable[[], Any]) -> Any:
        from facilitator.errors import FacilitatorError

        try:
            return fn()
        except FacilitatorError as exc:
            from facilitator.ui.errors_ui import error_text

            self.message.setText(error_text(exc, self.lang))
            return None
        finally:
            self._after_change()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def choose(self, option_id: str) -> None:
        if self.run.pending is None or self.stepped_out:
            return
        panel = self.decision_panel
        if self._guard(lambda: self.attempt.choose(option_id)) is not None and panel:
            panel.close_with(option_id)
            if self.decision_panel is panel:
                self.decision_panel = None if self.run.pending is None else self.decision_panel

    def choose_number(self, n: int) -> None:
        decision = self.run.pending_decision()
        if decision is None or n > len(decision.options):
            return
        self.choose(decision.options[n - 1].id)

    def next_step(self) -> None:
        if self.run.done or self.stepped_out:
            return
        if self.run.pending:
            self.say(self.tr("Answer the decision first."))
            return
        if self.run.run.index == len(self.script.steps) - 1:
            self._guard(self.attempt.finish)
        else:
            self._guard(self.attempt.next_step)

    def toggle_pause(self) -> None:
        if self.run.done or self.stepped_out:
            return
        if self.run.trainer_paused:
            self._guard(self.attempt.resume)
        else:
            self._guard(self.attempt.pause)

    def inject_selected(self) -> None:
        event_id = self.inject_box.currentData()
        if event_id is None or self.run.done or self.stepped_out:
            return
        self._guard(lambda: self.attempt.inject(event_id))
        self._fill_inject()

    def _press_focused(self) -> None:
        focused = self.focusWidget()
        button = focused if isinstance(focused, QPushButton) else self.back_in_button
        if button.isVisible() and button.isEnabled():
            button.click()

    def step_out(self) -> None:
        if self.run.done or self.stepped_out:
            return
        if not self.run.trainer_paused:
            self._guard(self.attempt.pause)
        self.stepped_out = True
        self._flow_position = self.flow_scroll.verticalScrollBar().value()
        self.pages.setCurrentWidget(self.grounding)
        self.back_in_button.setFocus()

    def step_back_in(self) -> None:
        if not self.stepped_out:
            return
        self.stepped_out = False
        # focus leaves the grounding page first: otherwise the stack hands it to the
        # first button in the room (an answered decision's) and the room scrolls there
        self.setFocus()
        self.pages.setCurrentIndex(0)
        self.flow_scroll.verticalScrollBar().setValue(self._flow_position)
        if self.run.trainer_paused:
            self._guard(self.attempt.resume)
        self.setFocus()

    def stop(self) -> None:
        self.event_timer.stop()
        self.repaint_timer.stop()
        if not self.run.done:
            self._guard(self.attempt.abandon)
        self.abandoned.emit(self.attempt.id)

    def open_safety(self) -> None:
        if self.run.done:
            return
        self._guard(self.attempt.open_safety)
        dialog = PracticeSafetyDialog(self.lang, self)
        self.safety_dialog = dialog
        dialog.open()

    def poll(self) -> None:
        if self.run.done:
            return
        self._guard(self.attempt.poll)

    # ---- state --------------------------------------------------------------------------
    def _after_change(self) -> None:
        if self.run.done:
            self.event_timer.stop()
            self.repaint_timer.stop()
            self.refresh()
            if self.attempt.sync_if_ended() is not None or self.run.outcome is not None:
                self.ended.emit(self.attempt.id)
            return
        self._arm()
        self.refresh()

    def _arm(self) -> None:
        self.event_timer.stop()
        if self.run.run.status != "running" or self.run.pending:
            return
        wait = self.run.seconds_to_next_timed()
        if wait is None:
            return
        self.event_timer.start(max(0, math.ceil(wait * 1000 / self.rate)))

    def refresh(self) -> None:
        eng = self.run.run
        snap = eng.snapshot()
        self.session_clock.setText(clock_text(eng.elapsed()))
        if eng.index is not None and eng.index != self._shown_step:
            self._shown_step = eng.index
            step = self.script.steps[eng.index]
            self.card.show_step(
                step, eng.index, len(self.script.steps), self.lang, step_kind_label(step.kind)
            )
            last = eng.index == len(self.script.steps) - 1
            self.next_button.setText(self.tr("Finish  [N]") if last else self.tr("Next step  [N]"))
        if eng.index is not None:
            # paused=False: the run card's pause glyph is missing from common fonts; the
            # message line says why the timer is stopped instead
            self.card.show_time(
                snap.step_remaining, self.script.steps[eng.index].minutes * 60, paused=False
            )
        paused = self.run.trainer_paused
        self.pause_button.setText(self.tr("Resume  [P]") if paused else self.tr("Pause  [P]"))
        if self.run.done:
            self.say(ptext.t("finished", self.lang))
        elif paused and not self.stepped_out:
            self.say(self.tr("Paused by the trainer."))
        elif self.run.pending:
            self._hint = self._decision_hint()
            self.say(self._hint)
        elif self.message.text() in (self.tr("Paused by the trainer."), self._hint):
            self.message.clear()
        self.next_button.setEnabled(not self.run.done and not self.run.pending)
        # a stalled event loop must not hold an event back: poll when one is due
        if not self.run.done and eng.status == "running" and not self.run.pending:
            wait = self.run.seconds_to_next_timed()
            if wait is not None and wait <= 0 and not self.event_timer.isActive():
                self.event_timer.start(0)

    def _digits(self, text: str) -> str:
        """Scenario text with its numbers in the interface's digits (codes kept)."""
        return text_digits(text, self.lang)

    def _decision_hint(self) -> str:
        decision = self.run.pending_decision()
        n = len(decision.options) if decision is not None else 4
        return (
            self.tr("Decision: choose with %1 to %2 or a click.")
            .replace("%1", format_number(1))
            .replace("%2", format_number(min(n, 4)))
        )

    def confirm_close(self) -> bool:
        return True
