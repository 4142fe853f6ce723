"""Practice through the widgets: a trainee plays the disclosure scenario on a known path
with the number keys, presses Safety, then debriefs (reactions first); trainer pause,
inject and step out; assessment mode; the trainer's review with a blind second rating;
importing a scenario file."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.practice.engine import ManualClock
from facilitator.practice.loader import builtin_scenarios
from facilitator.store.models_practice import PracticeAttempt

SCENARIO = "suicidal-disclosure-round"
PATH = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}
NUM_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4]


@pytest.fixture
def home(qtbot, ctx):
    from facilitator.ui.practice.home import PracticeHome

    clock = ManualClock(0.0)
    widget = PracticeHome(ctx, clock=clock)
    widget.clock_ref = clock
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    return widget


def start(qtbot, home, scenario=SCENARIO, mode="practice", seed=5):
    home.select(scenario)
    home.trainee.clear()
    qtbot.keyClicks(home.trainee, "Trainee A")
    home.mode.setCurrentIndex(0 if mode == "practice" else 1)
    seen = {}

    def confirm(dialog):
        seen["warnings"] = dialog.findChild(type(dialog.begin.parent().parent()), None)
        seen["text"] = " ".join(
            label.text()
            for label in dialog.findChildren(
                __import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel
            )
        )
        return True

    assert home.start_selected(seed=seed, confirm=confirm)
    return home.view, seen


def advance_to_decision(view, clock):
    from facilitator.ui.practice.screens import advance_to_decision as adv

    return adv(view, clock)


def test_trainee_run_end_to_end_scores_match_the_rubric(qtbot, home, ctx, tmp_path):
    from facilitator.ui.practice.debrief_view import DebriefView
    from facilitator.ui.practice.practice_view import DecisionPanel, EventCard, NoteCard

    view, seen = start(qtbot, home)
    sc = builtin_scenarios()[SCENARIO]
    for w in sc.metadata.content_warnings:  # content warnings shown before the start
        assert w.get("en") in seen["text"]
    assert "PRACTICE" in view.banner.text()
    assert [view.roster.item(i).text().split()[0] for i in range(view.roster.count())] == [
        p.code for p in sc.participants
    ]
    clock = home.clock_ref
    safety_pressed = False
    while not view.run.done:
        if not advance_to_decision(view, clock):
            break
        dec = view.run.pending_decision()
        panel = view.decision_panel
        assert isinstance(panel, DecisionPanel) and panel.prompt.text() == dec.prompt.get("en")
        assert view.run.run.status == "paused"  # the step timer stops at a decision
        if dec.coach is not None:
            assert panel.coach is not None and panel.coach.body.text() == dec.coach.get("en")
        if not safety_pressed:
            qtbot.keyClick(view, Qt.Key.Key_F1)
            assert view.safety_dialog.isVisible()
            view.safety_dialog.reject()
            safety_pressed = True
        clock.advance(5)
        n = [o.id for o in dec.options].index(PATH[dec.id])
        qtbot.keyClick(view, NUM_KEYS[n])
        feedback = [
            c for c in view.cards if isinstance(c, NoteCard) and c.objectName() == "feedbackCard"
        ][-1]
        assert feedback.body.text().startswith(dec.option(PATH[dec.id]).feedback.get("en"))
    events = [c for c in view.cards if isinstance(c, EventCard)]
    assert events and events[0].cue is not None
    if not view.run.done:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(home.view, DebriefView))
    with ctx.db.session() as s:
        row = s.get(PracticeAttempt, view.attempt.id)
        assert row.status == "finished" and row.result == "competent"
        expect = next(r for r in sc.reference_paths if r.id == "protocol_followed").expect
        assert {k: v for k, v in row.scores.items() if v} == expect.scores

    debrief = home.view
    # reactions first: nothing else until they are saved
    assert debrief.section_order() == ["sectionReactions"]
    assert not debrief.pdf_en.isEnabled()
    qtbot.mouseClick(debrief.save_reactions, Qt.MouseButton.LeftButton)
    assert debrief.reactions_error.text()  # empty reactions refused
    qtbot.keyClicks(debrief.reactions, "Nervous, then steadier.")
    debrief.rating.button(4).click()
    qtbot.mouseClick(debrief.save_reactions, Qt.MouseButton.LeftButton)
    assert debrief.section_order() == [
        "sectionReactions",
        "sectionMoments",
        "sectionScores",
        "sectionNext",
    ]
    labels = {w.objectName(): w.text() for w in debrief.findChildren(type(debrief.reactions_error))}
    assert labels["score_safety_response"] == "Safety response: 9 of 9"
    assert "Competent" in labels["globalResult"]
    assert debrief.debrief.safety_opened  # the Safety press is in the debrief
    assert all(m.is_best for m in debrief.debrief.moments)
    out = debrief.save_pdf("en", str(tmp_path / "fb.pdf"))
    assert out and (tmp_path / "fb.pdf").read_bytes().startswith(b"%PDF")


def test_pause_inject_and_step_out(qtbot, home):
    from facilitator.ui.practice.practice_view import EventCard

    view, _ = start(qtbot, home, mode="practice", seed=2)
    clock = home.clock_ref
    clock.advance(30)
    view.refresh()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.run.trainer_paused and view.run.run.status == "paused"
    before = view.run.run.elapsed()
    clock.advance(600)  # ten minutes of pause do not count
    view.poll()
    assert view.run.run.elapsed() == pytest.approx(before)
    assert view.pause_button.text().startswith("Resume")
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert not view.run.trainer_paused and view.run.run.status == "running"

    target = view.inject_box.itemData(view.inject_box.count() - 1)
    view.inject_box.setCurrentIndex(view.inject_box.count() - 1)
    qtbot.mouseClick(view.inject_button, Qt.MouseButton.LeftButton)
    card = [c for c in view.cards if isinstance(c, EventCard)][-1]
    assert "brought in by the trainer" in card.head.text()
    assert target in view.run.fired
    assert view.inject_box.findData(target) == -1  # cannot be brought in twice
    if view.run.pending:
        qtbot.keyClick(view, Qt.Key.Key_1)

    qtbot.keyClick(view, Qt.Key.Key_O)
    assert view.pages.currentWidget() is view.grounding and view.run.trainer_paused
    assert "Breathe" in view.grounding_text.text() or "breathe" in view.grounding_text.text()
    qtbot.keyClick(view, Qt.Key.Key_N)  # no step change while stepped out
    qtbot.mouseClick(view.back_in_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 0 and not view.run.trainer_paused
    actions = [a.action for a in view.run.actions]
    assert actions.count("pause") == 2 and actions.count("resume") == 2 and "inject" in actions


def test_assessment_mode_keeps_coach_notes_and_feedback_for_the_debrief(qtbot, home):
    from facilitator.ui.practice.practice_view import NoteCard

    view, _ = start(qtbot, home, mode="assessment", seed=4)
    assert "assessment" in view.banner.text()
    assert advance_to_decision(view, home.clock_ref)
    assert view.decision_panel.coach is None
    qtbot.keyClick(view, Qt.Key.Key_1)
    names = [c.objectName() for c in view.cards if isinstance(c, NoteCard)]
    assert "feedbackCard" not in names and "recordedCard" in names


def _finished(ctx, answers, seed, trainee="Trainee B"):
    from facilitator.ui.practice.practice_view import PracticeView
    from facilitator.ui.practice.screens import play_path

    clock = ManualClock(0.0)
    view = PracticeView(ctx, SCENARIO, trainee, "practice", seed=seed, clock=clock)
    play_path(view, clock, answers)
    assert view.run.done
    aid = view.attempt.id
    view.deleteLater()
    return aid


def test_review_blind_second_rating_override_and_replay(qtbot, ctx):
    from facilitator.ui.practice.review_view import ReviewView

    aid = _finished(ctx, {**PATH, "keep_it_secret": "promise"}, seed=11)
    first = ReviewView(ctx, aid, "Trainer One")
    qtbot.addWidget(first)
    first.level_boxes["boundaries"].setCurrentIndex(0)  # not yet
    qtbot.mouseClick(
        first.findChild(type(first.reviewer).__mro__[0], "reviewerName"), Qt.MouseButton.LeftButton
    )
    first.submit_rating()
    assert "Trainer One" in first.ratings_label.text(), first.message.text()

    second = ReviewView(ctx, aid, "Trainer Two")
    qtbot.addWidget(second)
    assert "hidden" in second.ratings_label.text()  # blind until rated
    assert "Trainer One" not in second.ratings_label.text()
    second.level_boxes["boundaries"].setCurrentIndex(1)  # developing: they disagree here
    second.submit_rating()  # the same person under another name: refused
    assert "a second rating must come from another trainer" in second.message.text()
    from facilitator.app.access import Principal

    ctx.principal = Principal("t2", "two", frozenset({"trainer"}))  # another trainer
    second.submit_rating()
    text = second.ratings_label.text()
    assert "Trainer One" in text and "Agreement with Trainer One" in text
    assert "Cohen's kappa" in text
    ctx.principal = None  # back to the install's owner (a real user, for the audit log)

    second.override_comp.setCurrentIndex(second.override_comp.findData("boundaries"))
    second.override_score.setValue(-1)
    second.apply_override()
    assert "reason" in second.message.text().lower()  # refused without a reason
    second.override_reason.setText("Refused the secret out loud a moment later")
    second.apply_override()
    assert review.overrides(ctx.db, aid)["boundaries"].score == -1

    seq = second.debrief.moments[0].seq
    second.comment_boxes[seq].setText("Calm voice here")
    second.add_comment(seq, second.comment_boxes[seq].text())
    assert review.comments(ctx.db, aid)[0].text == "Calm voice here"
    dialog = second.show_replay()
    assert (
        dialog.same
        and "PRACTICE" in dialog.findChild(type(second.message), "practiceBanner").text()
    )
    dialog.reject()


def test_history_lists_attempts_with_a_chart_per_competency(qtbot, ctx):
    from facilitator.ui.practice.history_view import CompetencyChart, HistoryView

    _finished(ctx, {**PATH, "keep_it_secret": "promise"}, seed=1, trainee="T9")
    _finished(ctx, PATH, seed=2, trainee="T9")
    view = HistoryView(ctx, "T9")
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    charts = {c.objectName(): c for c in view.findChildren(CompetencyChart)}
    assert charts["chart_safety_response"].values[-1] == 1.0
    assert charts["chart_safety_response"].values[0] < 1.0
    view.resize(1000, 700)
    view.show()
    assert not view.grab().isNull()


def test_import_dialog_shows_problems_with_their_line(qtbot, home, tmp_path):
    path = tmp_path / "mine.yaml"
    src = builtin_scenarios()[SCENARIO]
    text = (
        home
        and open(
            str(next(s.path for s in svc.list_scenarios() if s.id == SCENARIO)), encoding="utf-8"
        ).read()
    )
    path.write_text(text.replace("version:", "versoin:", 1), encoding="utf-8")
    dialog = home.import_file(str(path), show=False)
    assert not dialog.practise.isEnabled() and dialog.table.rowCount() >= 1
    wheres = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert any(w.startswith("line ") for w in wheres)
    good = tmp_path / "good.yaml"
    good.write_text(text.replace(f"id: {src.id}", "id: my-copy", 1), encoding="utf-8")
    ok = home.import_file(str(good), show=False)
    assert ok.practise.isEnabled()
    home.add_imported(str(good), ok.report.title)
    assert home.scenarios.currentItem().data(Qt.ItemDataRole.UserRole) == str(good)


def test_an_event_card_appears_within_a_frame_of_its_time(qtbot, ctx):
    """A fast session clock (300x): the card's lateness on the real clock stays under
    one 60 Hz frame (16.7 ms)."""
    from facilitator.ui.practice.practice_view import EventCard, PracticeView

    speed = 300.0
    t0 = time.monotonic()
    view = PracticeView(
        ctx,
        SCENARIO,
        "Timing",
        "practice",
        seed=1,
        clock=lambda: (time.monotonic() - t0) * speed,
        rate=speed,
    )
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for _ in range(len(view.script.steps)):
        if any(isinstance(c, EventCard) for c in view.cards):
            break
        wait = view.run.seconds_to_next_timed()
        if wait is not None and wait < view.run.run.snapshot().step_remaining:
            qtbot.waitUntil(
                lambda: any(isinstance(c, EventCard) for c in view.cards),
                timeout=int(wait / speed * 1000) + 2000,
            )
            break
        view.next_step()
    late = [s for kind, s in view.card_times if kind == "event"]
    assert late, "no event card was shown"
    assert late[0] / speed * 1000 < 16.7


def test_observer_marks_typed_back_in_become_a_scored_attempt(qtbot, home, ctx):
    from facilitator.ui.practice.review_view import ReviewView

    home.select(SCENARIO)
    sc = builtin_scenarios()[SCENARIO]

    def fill(dialog):
        dialog.trainee.setText("Live trainee")
        dialog.observer.setText("Observer O")
        for dec_id, opt in PATH.items():
            dialog.marks[dec_id].setValue(
                [o.id for o in sc.decision(dec_id).options].index(opt) + 1
            )
        return True

    aid = home.type_observer_marks(fill)
    assert aid and isinstance(home.view, ReviewView)
    [row] = svc.history(ctx.db, trainee="Live trainee")
    assert row.result == "competent" and row.scores["safety_response"] == 9

    def incomplete(dialog):
        dialog.trainee.setText("Live trainee")
        dialog.observer.setText("Observer O")
        return True

    assert home.type_observer_marks(incomplete) is None
    assert "no tick" in home.marks_dialog.error.text()


def test_the_toolbar_opens_the_practice_area(qtbot, ctx):
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.practice.home import PracticeHome

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.home.practice_btn, Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    assert isinstance(page, PracticeHome) and page.scenarios.count() == 12
    window.show_home()
    window.practice_action.trigger()  # Ctrl+T
    assert window.stack.currentWidget() is page
    window.lock()
    assert window.stack.currentWidget() is not page  # locked: no practice data shown


def test_an_attempt_cut_short_is_resumed_with_its_cards(qtbot, home, ctx):
    from facilitator.ui.practice.practice_view import EventCard

    view, _ = start(qtbot, home, seed=6)
    clock = home.clock_ref
    assert advance_to_decision(view, clock)
    aid, shown = view.attempt.id, len([c for c in view.cards if isinstance(c, EventCard)])
    pending = view.run.pending
    home.show_home()  # the window closed mid-decision: nothing finished, nothing lost
    assert home.resume_attempt(aid)
    again = home.view
    assert again.attempt.id == aid and again.run.pending == pending
    assert len([c for c in again.cards if isinstance(c, EventCard)]) == shown
    qtbot.keyClick(again, Qt.Key.Key_1)
    assert again.run.pending != pending
    assert not home.resume_attempt("no-such-attempt") and home.message.text()
