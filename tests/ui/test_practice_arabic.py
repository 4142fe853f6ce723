"""Practice screens in Arabic: numbers in the interface's digits (the self-rating scale,
scores, the result), and the debrief's errors in Arabic."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QRadioButton

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.practice.engine import ManualClock
from facilitator.ui.translations import LanguageInstaller
from tests.practice.test_app_practice import play_through

BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}


def _ascii_digit(text: str) -> bool:
    """A Western-digit number outside a participant code such as K4T."""
    return re.search(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])", text) is not None


@pytest.fixture
def arabic_ctx(qapp, raw_db, tmp_path):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    yield AppContext(raw_db, "ar", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"))
    installer.install(qapp, "en")


def _finished(db):
    clock = ManualClock(10.0)
    attempt = svc.start_attempt(db, "suicidal-disclosure-round", "سارة", seed=3, clock=clock)
    play_through(attempt, clock, BEST)
    return attempt.id


def test_the_arabic_debrief_counts_in_arabic_digits(qtbot, arabic_ctx):
    from facilitator.ui.practice.debrief_view import DebriefView

    aid = _finished(arabic_ctx.db)
    view = DebriefView(arabic_ctx, aid)
    qtbot.addWidget(view)
    radios = [b.text() for b in view.findChildren(QRadioButton)]
    assert radios == ["١", "٢", "٣", "٤", "٥"]
    question = [lbl.text() for lbl in view.findChildren(QLabel) if "١" in lbl.text()]
    assert question and not _ascii_digit(question[0])
    review.save_reflection(arabic_ctx.db, aid, "كنت متوترًا", 4)
    view2 = DebriefView(arabic_ctx, aid)
    qtbot.addWidget(view2)
    for name in ("globalResult", "score_safety_response"):
        label = view2.findChild(QLabel, name)
        assert label is not None and not _ascii_digit(label.text()), label.text()
    shown = [lbl.text() for lbl in view2.findChildren(QLabel) if lbl.isVisibleTo(view2)]
    feedback = [t for t in shown if t.startswith("التعليق")]
    assert feedback and not any(_ascii_digit(t) for t in feedback), feedback
    # participant codes are identifiers: their digits are never rewritten
    assert any("K4T" in t for t in shown) and not any("K٤T" in t for t in shown)


def test_the_banner_is_arabic_first_and_unmistakable(qtbot, arabic_ctx):
    from facilitator.ui.practice.banner import PracticeBanner

    for mode in (None, "practice", "assessment"):
        banner = PracticeBanner(mode=mode)
        qtbot.addWidget(banner)
        text = banner.text()
        assert text.startswith("تدريب — PRACTICE"), text  # the export watermark's word kept
        assert not any("a" <= ch <= "z" for ch in text), text


def test_the_debrief_errors_are_arabic(qtbot, arabic_ctx):
    from facilitator.ui.practice.debrief_view import DebriefView

    view = DebriefView(arabic_ctx, _finished(arabic_ctx.db))
    qtbot.addWidget(view)
    view.submit_reactions()  # nothing written
    first = view.reactions_error.text()
    assert first and not any("a" <= ch.lower() <= "z" for ch in first), first
    view.reactions.setPlainText("كان صعبًا")
    view.submit_reactions()  # no self-rating chosen
    text = view.reactions_error.text()
    assert text and not any("a" <= ch.lower() <= "z" for ch in text), text
    assert "١" in text and "٥" in text and not _ascii_digit(text)


def test_the_arabic_room_counts_in_arabic_digits_and_keeps_codes(qtbot, arabic_ctx):
    from facilitator.ui.practice.practice_view import PracticeView

    view = PracticeView(
        arabic_ctx, "suicidal-disclosure-round", "سارة", seed=5, clock=ManualClock()
    )
    qtbot.addWidget(view)
    for _ in range(3):
        view.next_step()
    view.inject_selected()  # the disclosure
    view.choose("pause")  # its feedback cites protocol steps 1 and 2
    texts = [lbl.text() for card in view.cards for lbl in card.findChildren(QLabel)]
    feedback = [t for t in texts if "البروتوكول" in t]
    assert feedback and not any(_ascii_digit(t) for t in feedback), feedback
    assert any("K4T" in t for t in texts) and not any("K٤T" in t for t in texts)
