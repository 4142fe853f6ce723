"""The trainee history: Resume only for an attempt cut short; each competency chart
has a scale and the attempts' dates, in the interface's language and digits."""

from __future__ import annotations

import pytest

from facilitator.app import practice as svc
from facilitator.practice.engine import ManualClock
from facilitator.ui.translations import LanguageInstaller
from tests.practice.test_app_practice import play_through

BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}


def _attempts(db):
    clock = ManualClock(10.0)
    done = svc.start_attempt(db, "suicidal-disclosure-round", "Sam", seed=3, clock=clock)
    play_through(done, clock, BEST)
    cut = svc.start_attempt(db, "suicidal-disclosure-round", "Sam", seed=4, clock=clock)
    cut.start()  # the app was closed in the middle
    return done.id, cut.id


@pytest.fixture
def history(qtbot, ctx):
    from facilitator.ui.practice.history_view import HistoryView

    ids = _attempts(ctx.db)

    def make():
        view = HistoryView(ctx, "Sam")
        qtbot.addWidget(view)
        view.resize(1200, 700)
        view.show()
        return view

    return make, ids


def test_resume_is_offered_only_for_an_attempt_cut_short(history):
    make, (done, cut) = history
    view = make()
    rows = {p.attempt_id: i for i, p in enumerate(view.points)}
    view.table.selectRow(rows[done])
    assert not view.resume_button.isEnabled()
    view.table.selectRow(rows[cut])
    assert view.resume_button.isEnabled()


def test_the_charts_have_a_scale_and_dates(history):
    make, _ = history
    view = make()
    chart = view.findChild(type(view.charts.itemAt(0).widget()), "chart_safety_response")
    assert chart.scale_labels() == ["0%", "50%", "80%", "100%"]
    assert len(chart.date_labels()) == 1 and chart.date_labels()[0][-4:].isdigit()
    chart.grab()  # it paints with its labels


def test_the_charts_speak_arabic(qapp, history):
    make, _ = history
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    try:
        view = make()
        chart = view.findChild(type(view.charts.itemAt(0).widget()), "chart_safety_response")
        assert chart.scale_labels()[-1].startswith("١٠٠٪")
        assert not any(ch.isascii() and ch.isdigit() for ch in chart.date_labels()[0])
        assert not any(ch.isascii() and ch.isdigit() for ch in view.table.item(0, 4).text())
        chart.grab()
        # the newest attempt (cut short) is the current row, so its buttons act on it
        assert view.table.currentRow() == len(view.points) - 1
        assert view.resume_button.isEnabled()
    finally:
        installer.install(qapp, "en")
