"""Issue 12 ("ready for a real room"): run-mode behaviour a facilitator meets in the room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.ui.context import RunRequest

from .test_run_e2e import SCRIPT, FakeClock, key, make_group, open_view


@pytest.fixture
def clock():
    return FakeClock()


def test_ctrl_enter_asks_before_finishing_with_steps_left(qtbot, ctx, clock, message_boxes):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    key(qtbot, view, Qt.Key.Key_Right)  # start
    clock.advance(240)
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert message_boxes and message_boxes[-1][0] == "question"
    assert "Finish" in message_boxes[-1][1]
    assert view.engine.status == "running"  # the default answer keeps going
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    assert view.engine.status == "finished"


def test_finish_on_the_last_step_needs_no_question(qtbot, ctx, clock, message_boxes):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    key(qtbot, view, Qt.Key.Key_Right)
    while view.engine.index < len(view.script.steps) - 1:
        view.go_next()
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not [c for c in message_boxes if c[0] == "question"]
    assert view.engine.status == "finished"


def _dark_runs(img, x0: int, x1: int, y0: int, y1: int) -> list[int]:
    from PySide6.QtGui import QColor

    runs = []
    for y in range(y0, y1):
        run = best = 0
        for x in range(x0, x1):
            run = run + 1 if QColor(img.pixel(x, y)).lightness() < 150 else 0
            best = max(best, run)
        runs.append(best)
    return runs


def _has_triangle(runs: list[int]) -> bool:
    """Three rows in a row whose dark runs widen (an arrow head), either way up."""
    for a, b, c in zip(runs, runs[1:], runs[2:]):
        if 0 < a < b < c or a > b > c > 0:
            return True
    return False


@pytest.mark.parametrize("dark", [False, True])
def test_spin_boxes_draw_their_arrows(qtbot, qapp, dark):
    """Item 10: the theme's style sheet once gave spin boxes a border and no arrows."""
    from PySide6.QtWidgets import QSpinBox

    from facilitator.ui.theme import apply_theme

    previous = qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name()
    apply_theme(qapp, dark=dark)
    try:
        box = QSpinBox()
        qtbot.addWidget(box)
        box.resize(120, 40)
        box.setValue(5)
        box.show()
        qtbot.waitExposed(box)
        img = box.grab().toImage()
        w, h = img.width(), img.height()
        # Light arrows on a dark theme: compare against the inverted image there.
        if dark:
            img.invertPixels()
        top = _dark_runs(img, w - 24, w - 3, 2, h // 2)
        bottom = _dark_runs(img, w - 24, w - 3, h // 2, h - 2)
        assert _has_triangle(top) and _has_triangle(bottom), (top, bottom)
    finally:
        qapp.setStyleSheet(previous[0])
        qapp.setPalette(previous[1])
        qapp.setFont(previous[2])
        qapp.setStyle(previous[3])


def test_second_start_says_already_open_before_asking_for_the_passphrase(
    qtbot, qapp, tmp_path, no_keyring, monkeypatch, message_boxes
):
    """Item 16: the second window used to ask for the passphrase, then refuse."""
    import argparse

    from facilitator.store import service
    from facilitator.store.lock import StoreLock
    from facilitator.ui import app as app_module
    from facilitator.ui import unlock_dialog

    path = tmp_path / "facilitator.db"
    service.create_store(path, passphrase="a quiet room with tea", use_keyring=False).close()
    asked = []
    monkeypatch.setattr(
        unlock_dialog, "UnlockDialog", lambda *a, **k: asked.append(1) or pytest.fail("asked first")
    )
    style = qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name()
    held = StoreLock(path).acquire()  # the first window
    try:
        args = argparse.Namespace(demo=False, screenshots=None, db=str(path), lang="en")
        app = app_module.App(args)
        try:
            assert app.run() == 1
        finally:
            app.tasks.shutdown()
    finally:
        held.release()
        qapp.setStyleSheet(style[0])
        qapp.setPalette(style[1])
        qapp.setFont(style[2])
        qapp.setStyle(style[3])
    assert not asked
    assert message_boxes and "already open" in message_boxes[-1][2]


def test_no_notes_mode_offers_no_box_and_its_summary_no_scores(qtbot, ctx):
    """Item 17: no editable-looking box whose typing fires shortcuts; no score talk."""
    from facilitator.ui.run import create_run_view

    gid = make_group(qtbot, ctx)
    view = create_run_view(ctx, RunRequest(gid, "first-responder-defusing"))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.data.no_notes
    assert not view.notes.isVisible() and view.no_notes_label.isVisible()
    assert "No-notes" in view.no_notes_label.text()
    view.headcount.spin.setValue(5)
    view.go_next()
    while view.engine.index < len(view.script.steps) - 1:
        view.go_next()
    view.finish()
    summary = view.summary
    shown = [
        summary.captions[k].text()
        for k in summary.captions
        if summary.captions[k].isVisibleTo(summary)
    ]
    assert not [t for t in shown if "change" in t.lower() or "WHO-5" in t], shown
    assert "People present" in shown


def test_files_default_to_one_remembered_folder(qtbot, ctx, tmp_path, monkeypatch, message_boxes):
    """Item 12: Documents/Facilitator by default, the folder picked last remembered."""
    from PySide6.QtWidgets import QFileDialog

    from facilitator import paths
    from facilitator.ui.save_files import ask_save_path

    default = paths.default_documents_dir()
    assert default.parts[-2:] == ("Documents", "Facilitator")
    offered = []

    def dialog(parent, title, start, flt):
        offered.append(start)
        return (str(tmp_path / "elsewhere" / "r.pdf"), flt)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    (tmp_path / "elsewhere").mkdir()
    ask_save_path(None, ctx.settings, "Save", "report.pdf", "PDF files (*.pdf)")
    assert offered[-1] == str(default / "report.pdf") and default.is_dir()
    ask_save_path(None, ctx.settings, "Save", "handout.pdf", "PDF files (*.pdf)")
    assert offered[-1] == str(tmp_path / "elsewhere" / "handout.pdf")  # remembered
    # and the settings file keeps it for the next start
    from facilitator.ui.context import AppSettings

    assert AppSettings(ctx.settings.path).save_folder == tmp_path / "elsewhere"


def test_summary_pdf_is_written_at_the_close_into_the_save_folder(qtbot, ctx, clock, message_boxes):
    gid = make_group(qtbot, ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    view.go_next()
    while view.engine.index < len(view.script.steps) - 1:
        view.go_next()
    view.finish()
    path = view.summary.pdf_path
    assert path is not None and path.is_file()  # no click needed
    assert path.parent == ctx.settings.save_folder
    assert str(path) in view.summary.pdf_label.text()
    assert view.summary.pdf_label.text().count("\u2066") == 1  # the path reads left to right


def test_open_the_folder_says_why_not(qtbot, ctx, monkeypatch, message_boxes, tmp_path):
    from PySide6.QtGui import QDesktopServices

    from facilitator.ui.save_files import open_folder

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    assert not open_folder(None, tmp_path)
    assert message_boxes and str(tmp_path) in message_boxes[-1][2]
    assert not open_folder(None, tmp_path / "gone")
    assert "no longer exists" in message_boxes[-1][2]


def _leave_unfinished(qtbot, ctx, gid, clock):
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    view.go_next()  # running
    sid = view.session_id
    view.close()
    return sid


def test_starting_while_one_is_unfinished_asks(qtbot, ctx, clock, monkeypatch, message_boxes):
    """Item 14: no silent second session; resume, discard (after a yes) or cancel."""
    from facilitator.app.sessions import session_history, unfinished_sessions
    from facilitator.ui import unfinished
    from facilitator.ui.plan_view import PlanView

    gid = make_group(qtbot, ctx)
    first = _leave_unfinished(qtbot, ctx, gid, clock)
    started = []

    class Nav:
        def start_run(self, request):
            started.append(request)

    ctx.navigator = Nav()
    plan = PlanView(ctx)
    qtbot.addWidget(plan)
    plan.set_group(gid, SCRIPT)
    answers = iter([unfinished.CANCEL, unfinished.RESUME, unfinished.DISCARD, unfinished.DISCARD])
    asked = []
    monkeypatch.setattr(
        unfinished,
        "ask_before_starting",
        lambda parent, offer: asked.append(offer.session_id) or next(answers),
    )
    plan.start()  # cancel: nothing happens
    assert asked == [first] and not started
    plan.start()  # resume the open one
    assert started[-1].session_id == first
    plan.start()  # discard, but say No to the confirmation
    assert len(started) == 1 and unfinished_sessions(ctx.db, gid)
    message_boxes.answer = QMessageBox.StandardButton.Yes
    plan.start()  # discard for real, then a new one starts
    assert not unfinished_sessions(ctx.db, gid)
    assert started[-1].session_id is None and started[-1].script_id == SCRIPT
    history = session_history(ctx.db, gid)
    assert [h.status for h in history] == ["abandoned"]


def test_home_lists_every_unfinished_session_with_discard(qtbot, ctx, clock, message_boxes):
    from facilitator.ui.home_view import HomeView

    gid = make_group(qtbot, ctx)
    sids = {_leave_unfinished(qtbot, ctx, gid, clock) for _ in range(2)}
    home = HomeView(ctx)
    qtbot.addWidget(home)
    home.show()
    cards = [home.resume_box.itemAt(i).widget() for i in range(home.resume_box.count())]
    assert len(cards) == 2
    message_boxes.answer = QMessageBox.StandardButton.Yes
    from PySide6.QtWidgets import QPushButton

    drop = cards[0].findChild(QPushButton, "discard_button")
    qtbot.mouseClick(drop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            sum(
                1
                for i in range(home.resume_box.count())
                if home.resume_box.itemAt(i).widget().isVisible()
            )
            == 1
        )
    )
    from facilitator.app.sessions import unfinished_sessions

    assert (
        len(unfinished_sessions(ctx.db, gid)) == 1
        and {u.session_id for u in unfinished_sessions(ctx.db, gid)} < sids
    )


def test_group_page_shows_its_session_history(qtbot, ctx, clock):
    from facilitator.ui.group_view import GroupView

    gid = make_group(qtbot, ctx)
    group = GroupView(ctx)
    qtbot.addWidget(group)
    group.set_group(gid)
    group.show()
    assert group.history_empty.isVisible() and not group.history.isVisible()
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    view.go_next()
    while view.engine.index < len(view.script.steps) - 1:
        view.go_next()
    view.finish()
    group.refresh()
    assert group.history.count() == 1
    assert "finished" in group.history.item(0).text()


@pytest.mark.parametrize("rtl", [False, True])
def test_attendance_tiles_reflow_and_read_in_the_layout_direction(qtbot, rtl):
    """Item 11: no horizontal scrollbar for long aliases; columns follow the width;
    in Arabic the first tile is on the right."""
    from PySide6.QtWidgets import QScrollArea

    from facilitator.ui.run.attendance_panel import AttendancePanel
    from facilitator.ui.run.common import Person

    panel = AttendancePanel()
    qtbot.addWidget(panel)
    if rtl:
        panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    people = [
        Person(f"id{i}", f"KT-{40 + i}", alias)
        for i, alias in enumerate(["Maryamm", "Yousefa", "Khadija", "Sam", "Noor", "Lina", "Omar"])
    ]
    panel.set_people(people)
    scroll = panel.findChild(QScrollArea)
    buttons = [panel.button_for(p.id) for p in people]
    columns = {}
    for width in (420, 900):
        panel.resize(width, 600)
        panel.show()
        qtbot.waitExposed(panel)
        qtbot.wait(20)
        assert not scroll.horizontalScrollBar().isVisible(), width
        for b in buttons:  # every tile shows its whole label
            assert b.width() >= b.sizeHint().width() - 2, (width, b.text())
        tops = [b.geometry().top() for b in buttons]
        columns[width] = tops.count(tops[0])
        first, second = buttons[0].geometry(), buttons[1].geometry()
        if columns[width] > 1:
            assert (first.left() > second.left()) == rtl
    assert columns[900] > columns[420] >= 1


def _missing_glyphs(root) -> list[str]:
    """Visible texts with a character the widget's own font cannot draw."""
    import unicodedata

    from PySide6.QtGui import QRawFont, QTextDocument
    from PySide6.QtWidgets import QAbstractButton, QLabel

    missing = []
    for w in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not w.isVisibleTo(root) or not hasattr(w, "text"):
            continue
        text = w.text()
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText and "<" in text:
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        raw = QRawFont.fromFont(w.font())
        for ch in set(text):
            if ch.isspace() or unicodedata.category(ch) in ("Cf", "Mn", "Cc"):
                continue
            # glyph 0 is the font's "missing" box (supportsCharacter() reads the font's
            # declared ranges, which leave out symbols it does have, such as the check mark)
            if raw.glyphIndexesForString(ch)[:1] in ([], [0]):
                missing.append(f"{w.objectName() or type(w).__name__}: {ch!r} in {text!r}")
    return missing


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_run_mode_draws_every_character_in_the_app_font(
    qtbot, qapp, ctx, clock, lang, message_boxes
):
    """Item 7: no missing-glyph box (the pause symbol) and no fallback for the check mark;
    the bundled font draws every character run mode shows, paused or not."""
    from facilitator.ui.theme import apply_theme
    from facilitator.ui.translations import LanguageInstaller

    saved = qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name()
    apply_theme(qapp, dark=False)
    installer = LanguageInstaller()
    installer.install(qapp, lang)
    try:
        gid = make_group(qtbot, ctx)
        view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
        view.go_next()
        view.toggle_pause()
        assert view.card.paused_label.isVisible()
        assert view.card.paused_label.text() in ("Paused", "متوقّف مؤقتًا")
        problems = _missing_glyphs(view)
        view.toggle_pause()
        while view.script.steps[view.engine.index].kind != "ground_rules":
            view.go_next()
        view.activity.rules.agree_button.click()
        problems += _missing_glyphs(view)
        safety = view.open_safety()
        safety.tabs.setCurrentIndex(1)
        safety._saved("x")
        problems += _missing_glyphs(safety)
        safety.close()
        assert not problems, "\n".join(problems)
    finally:
        installer.install(qapp, "en")
        qapp.setStyleSheet(saved[0])
        qapp.setPalette(saved[1])
        qapp.setFont(saved[2])
        qapp.setStyle(saved[3])


def test_starting_a_round_moves_nothing_and_minutes_read_as_a_clock(qtbot):
    """Item 19: no layout jump when a round starts; 1.5 minutes reads "1:30"."""
    from facilitator.session.rounds import RoundSummary
    from facilitator.ui.run.round_panel import RoundPanel

    panel = RoundPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_round(None, 1.5)
    assert "1:30" in panel.title.text() and "1.5" not in panel.title.text()
    qtbot.wait(10)
    before = panel.start_button.mapTo(panel, panel.start_button.rect().topLeft()).y()
    running = RoundSummary(
        step_index=3,
        order=("AB-12", "CD-34"),
        current="AB-12",
        waiting=("CD-34",),
        spoken=(),
        passed=(),
        talk_seconds={"AB-12": 5.0},
        current_seconds=5.0,
        speaker_limit_seconds=90.0,
    )
    panel.show_round(running, 1.5)
    qtbot.wait(10)
    after = panel.next_button.mapTo(panel, panel.next_button.rect().topLeft()).y()
    assert after == before, (before, after)
    panel.show_round(None, 2)
    assert "2 min" in panel.title.text()


def test_safety_numbers_are_asked_for_and_shown_where_needed(qtbot, ctx, clock, message_boxes):
    """Item 4: the plan screen asks while a number is missing; the safety-check step shows
    them; F1 drops its reminder as soon as a number is typed and shows it large."""
    from facilitator.app.safety_numbers import safety_numbers
    from facilitator.ui.plan_view import PlanView
    from facilitator.ui.run.safety_dialog import SafetyDialog

    gid = make_group(qtbot, ctx)
    plan = PlanView(ctx)
    qtbot.addWidget(plan)
    plan.set_group(gid, SCRIPT)
    plan.show()
    assert plan.numbers_hint.isVisible() and plan.numbers_btn.isVisible()
    dialog = plan.ask_numbers()
    dialog.fields.emergency.setText("112")
    dialog.fields.crisis.setText("0800 123 456")
    dialog.save()
    assert not plan.numbers_hint.isVisible()  # it listens for the change
    with ctx.db.unit() as s:
        assert safety_numbers(s, "en").complete

    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT), clock)
    view.go_next()
    while view.script.steps[view.engine.index].kind != "safety_check":
        view.go_next()
    assert view.card.numbers_box.isVisible()
    assert "112" in view.card.numbers.text() and "0800 123 456" in view.card.numbers.text()
    view.go_next()
    assert not view.card.numbers_box.isVisible()

    safety = SafetyDialog(ctx, gid, None, [])
    qtbot.addWidget(safety)
    safety.show()
    assert not safety.reminder.isVisible() and "112" in safety.numbers.text()
    # Clear both numbers in the table: the reminder comes back at once, and goes again
    # as soon as one is typed.
    for row in range(2):
        safety.resources.item(row, 1).setText("")
    assert safety.reminder.isVisible() and not safety.numbers.isVisible()
    safety.resources.item(1, 1).setText("999")
    assert not safety.reminder.isVisible() and "999" in safety.numbers.text()
    phone_font = safety.resources.item(1, 1).font()
    assert phone_font.bold() and phone_font.pointSizeF() > safety.resources.font().pointSizeF()


def test_group_form_saves_the_safety_numbers(qtbot, ctx):
    from facilitator.app.safety_numbers import safety_numbers
    from facilitator.ui.group_dialog import GroupDialog

    dialog = GroupDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Thursday circle")
    dialog.numbers.emergency.setText("call me")
    dialog._save()
    assert not dialog.error.isHidden() and dialog.saved_group_id is None  # a bad number: said
    assert dialog.error.text().startswith("The emergency number may contain only")
    assert dialog.focusWidget() is dialog.numbers.emergency  # the field at fault
    dialog.numbers.emergency.setText("112")
    dialog.numbers.crisis.setText("+962 6 555 0000")
    dialog._save()
    assert dialog.saved_group_id
    with ctx.db.unit() as s:
        numbers = safety_numbers(s, "en")
    assert (numbers.emergency, numbers.crisis) == ("112", "+962 6 555 0000")
