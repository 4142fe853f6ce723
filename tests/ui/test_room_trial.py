"""What a new group leader met in a real window (the room trial): the summary's zero,
a clipped button, the skip dialog's title, English rules on an Arabic screen, and
month names that differed between the screen and the PDFs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton, QWidget

from facilitator.store.models import Group, Session, SessionStatus
from facilitator.tracking.report_text import MONTHS, fmt_month
from facilitator.ui import theme
from facilitator.ui.context import AppContext, AppSettings
from facilitator.ui.tasks import SyncTaskRunner
from facilitator.ui.translations import LanguageInstaller, format_date


@pytest.fixture
def arabic(qapp):
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    yield installer
    installer.install(qapp, "en")


@pytest.fixture
def themed(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(theme.stylesheet(False))
    yield
    qapp.setStyleSheet(before)


def _finished_session(db) -> str:
    with db.unit() as s:
        g = Group(name="Circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        sess = Session(
            group_id=g.id,
            script_id="mutual-support-circle",
            script_version="1",
            status=SessionStatus.completed,
        )
        s.add(sess)
        s.flush()
        return sess.id


def _text_room(button) -> int:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    return rect.width()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_summary_says_none_for_zero_and_its_buttons_are_whole(
    qtbot, qapp, raw_db, tmp_path, themed, lang, request
):
    from facilitator.ui.run.summary_view import SummaryView

    if lang == "ar":
        request.getfixturevalue("arabic")
    ctx = AppContext(raw_db, lang, SyncTaskRunner(), AppSettings(tmp_path / "s.ini"))
    sid = _finished_session(raw_db)
    holder = QWidget()
    qtbot.addWidget(holder)
    view = SummaryView(ctx, sid, parent=holder)
    holder.resize(1100, 700)
    view.resize(1100, 700)
    holder.show()
    none = {"en": "None", "ar": "لا شيء"}[lang]
    assert view.values["incidents"].text() == none  # not a bold "٠" that reads as a bullet
    assert view.values["skipped"].text() == none
    assert view.values["attended"].text() == none
    # "Back to the group" keeps its last letters when it takes the keyboard focus.
    button = view.leave_button
    with qtbot.waitActive(holder):
        holder.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    button.style().unpolish(button)
    button.style().polish(button)
    assert _text_room(button) >= button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= button.sizeHint().width()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_skip_dialog_is_wide_enough_for_its_title(qtbot, qapp, lang, request):
    from facilitator.ui.run.skip_dialog import TITLE_ROOM, ask_skip_reason

    if lang == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = ask_skip_reason(parent, lambda _reason: None)
    qtbot.waitExposed(dialog)
    title = f"{dialog.windowTitle()} \u2014 Facilitator"
    assert dialog.windowTitle() == {"en": "Skip this step", "ar": "تخطّي هذه الخطوة"}[lang]
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + TITLE_ROOM
    dialog.reject()


def test_english_rules_on_an_arabic_screen_read_from_the_left(qtbot, arabic):
    from facilitator.session.rules import load_ruleset
    from facilitator.ui.run.rules_panel import RulesPanel

    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.set_rules(load_ruleset(), "en")
    assert panel.isRightToLeft()
    assert panel.body.text().startswith("1. ")  # not "١." cut by the left edge
    assert "\n\n2. " in panel.body.text()
    assert panel.body.layoutDirection() == Qt.LayoutDirection.LeftToRight
    panel.set_rules(load_ruleset(), "ar")
    assert panel.body.text().startswith("١. ")
    assert panel.body.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_month_names_on_screen_match_the_pdfs(qapp, arabic):
    day = date(2026, 12, 4)
    shown = format_date(day)
    assert shown == "٤ ديسمبر ٢٠٢٦"
    assert "كانون" not in shown  # Qt's Levantine name, which no report uses
    assert MONTHS["ar"][11] in fmt_month(day, "ar")
    for month in range(1, 13):
        assert MONTHS["ar"][month - 1] in format_date(date(2026, month, 1))


def test_month_names_in_english(qapp):
    assert format_date(date(2026, 12, 4)) == "4 Dec 2026"
    assert format_date(date(2026, 9, 30)) == "30 Sep 2026"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
