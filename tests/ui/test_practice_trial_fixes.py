"""What a tester found using practice mode as a new user, each checked on the real
widgets: the inject list gives nothing away, the step header names the step's kind,
Enter presses "I am ready to go back in", the room stays where it was after a step-out,
the countdown says why it goes up, and finished attempts cannot be resumed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.practice.engine import ManualClock
from facilitator.practice.loader import builtin_scenarios

SCENARIO = "suicidal-disclosure-round"


@pytest.fixture
def view(qtbot, ctx):
    from facilitator.ui.practice.practice_view import PracticeView

    clock = ManualClock(0.0)
    widget = PracticeView(ctx, SCENARIO, "Sam", seed=5, clock=clock)
    widget.clock_ref = clock
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _to_sharing_round(view):
    for _ in range(3):
        view.clock_ref.advance(2.0)
        view.next_step()


def test_the_inject_list_names_who_and_a_neutral_label_never_the_words(view):
    sc = builtin_scenarios()[SCENARIO]
    labels = [view.inject_box.itemText(i) for i in range(view.inject_box.count())]
    assert len(labels) == len(sc.events)
    for ev, label in zip(sc.events, labels):
        assert label.startswith(f"{ev.who} — ") and ev.id in label
        words = ev.text.get("en")
        assert words[:12] not in label and words[-12:] not in label
    assert "discloses risk (disclosure)" in labels[0]


def test_the_header_names_the_step_kind_not_practice(view):
    from facilitator.ui.labels import step_kind_label

    text = view.card.position.text()
    assert "practice" not in text
    assert text.endswith(step_kind_label(view.script.steps[0].kind))


def test_enter_presses_the_focused_back_in_button_and_the_room_stays_put(qtbot, view):
    _to_sharing_round(view)
    view.inject_selected()  # the disclosure, now
    assert view.run.pending == "first_response"
    # the trainee clicks option 1 (the button keeps the focus in the room)
    first = view.decision_panel
    qtbot.mouseClick(first.buttons[0], Qt.MouseButton.LeftButton)
    assert view.run.pending != "first_response"
    while view.run.pending:  # answer what follows, so the room has several cards
        view.choose_number(1)
    QApplication.processEvents()
    bar = view.flow_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    first.buttons[0].setFocus()  # as on the tester's screen: the answered option's button
    bar.setValue(bar.maximum())
    before = bar.value()
    assert before > 0
    view.step_out()
    assert view.pages.currentWidget() is view.grounding and view.run.trainer_paused
    assert view.back_in_button.hasFocus()
    qtbot.keyClick(view.back_in_button, Qt.Key.Key_Return)
    assert view.pages.currentIndex() == 0 and not view.stepped_out
    assert not view.run.trainer_paused
    for _ in range(5):
        QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is None or not view.flow_body.isAncestorOf(focused), (
        "focus went to an answered decision's button"
    )
    assert bar.value() == before, "the room scrolled away from where the trainee was"


def test_the_countdown_going_up_is_explained_where_it_happens(view):
    _to_sharing_round(view)
    view.inject_selected()
    before = view.run.run.snapshot().step_remaining
    view.choose("pause")  # calls a break: the step runs five minutes longer
    assert view.run.run.snapshot().step_remaining == pytest.approx(before + 300)
    notes = [c for c in view.cards if c.objectName() == "extendCard"]
    assert notes and "5 min longer" in " ".join(
        lbl.text()
        for lbl in notes[0].findChildren(__import__("PySide6.QtWidgets").QtWidgets.QLabel)
    )


def test_the_decision_hint_counts_the_options_in_the_interface_digits(view):
    _to_sharing_round(view)
    view.inject_selected()
    n = len(view.run.pending_decision().options)
    assert view.message.text() == f"Decision: choose with 1 to {n} or a click."


def test_the_kit_saved_message_is_a_success_not_an_error(qtbot, ctx, tmp_path):
    from facilitator.ui.practice.home import PracticeHome

    home = PracticeHome(ctx, clock=ManualClock(0.0))
    qtbot.addWidget(home)
    home.select(SCENARIO)
    out = home.write_kit(str(tmp_path))
    assert out and all(p.exists() for p in out)
    assert home.message.text().startswith("Saved: ")
    colour = home.message.palette().windowText().color().name()
    assert home.message.ok and "#1b5e20" in home.message.styleSheet(), colour
    home.message.setText("Something went wrong")  # a later problem is red again
    assert not home.message.ok and "#b71c1c" in home.message.styleSheet()
