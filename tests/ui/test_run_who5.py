"""The WHO-5 side tab in run mode, driven through the real widgets, checked in the store.

Answers go in by clicks and by keys as a facilitator copies a paper form; what is
asserted is what the store holds (items, 0-100 value, pass), what the screen shows
(score, the signposting prompt, the due label) and what the presenter view never
shows (codes, aliases, scores).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from sqlalchemy import select

from facilitator.store.models import Group, MeasureResponse, Session, SessionStatus
from facilitator.tracking import measures
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import RunRequest

SCRIPT = "anxiety-skills-group"
ALIASES = ["Rania", "Yousef", None]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_group(
    ctx, *, headcount_only: bool = False, language: str = "en", aliases=ALIASES
) -> tuple[str, list[str]]:
    with ctx.db.unit() as s:
        g = Group(
            name="Thursday calm group",
            program_type="anxiety",
            language=language,
            default_script_id=SCRIPT,
            headcount_only=headcount_only,
        )
        s.add(g)
        s.flush()
        ids = [add_participant(s, g.id, alias=a).id for a in aliases]
        return g.id, ids


def past_session(ctx, gid: str, pid: str, items: list[int], days_ago: int = 7) -> str:
    """A completed real session a week ago in which ``pid`` filled in WHO-5."""
    with ctx.db.unit() as s:
        sess = Session(
            group_id=gid,
            script_id=SCRIPT,
            script_version="1",
            status=SessionStatus.completed,
            started_at=datetime.now(timezone.utc) - timedelta(days=days_ago),
        )
        s.add(sess)
        s.flush()
        measures.record_response(s, sess.id, pid, measures.WHO5, "single", items=items)
        return sess.id


def open_view(qtbot, ctx, request):
    from facilitator.ui.run import create_run_view

    view = create_run_view(ctx, request, clock=FakeClock())
    qtbot.addWidget(view)
    view.resize(1280, 860)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def all_present(view) -> None:
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()


def who5_rows(ctx, sid: str) -> dict[str, MeasureResponse]:
    with ctx.db.unit() as s:
        m = measures.get_measure(s, measures.WHO5)
        rows = list(
            s.scalars(
                select(MeasureResponse).where(
                    MeasureResponse.session_id == sid, MeasureResponse.measure_id == m.id
                )
            )
        )
        s.expunge_all()
    return {r.participant_id: r for r in rows}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def enter_by_clicks(qtbot, panel, pid: str, values: list[int]) -> None:
    click(qtbot, panel.button_for(pid))
    assert panel.currentWidget() is not panel.widget(0)
    for v in values:
        click(qtbot, panel.entry.choices.button(v))
    click(qtbot, panel.entry.save_button)


@pytest.fixture
def view(qtbot, ctx):
    gid, _ids = make_group(ctx)
    v = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    all_present(v)
    v.side.setCurrentWidget(v.who5)
    return v


def test_clicks_and_keys_store_items_and_percent(qtbot, ctx, view):
    panel = view.who5
    first, second, third = [p.id for p in view.attendance.people()]
    view.go_next()  # the session is running: arrows would move the step
    index = view.engine.index
    view.side.setCurrentWidget(panel)
    enter_by_clicks(qtbot, panel, first, [4, 3, 5, 2, 1])
    rows = who5_rows(ctx, view.session_id)
    assert rows[first].items == [4, 3, 5, 2, 1] and rows[first].value == 60.0
    assert not rows[first].passed
    assert panel.currentIndex() == 0  # back on the list, the score shown
    assert "60 out of 100" in panel.result_label.text()
    assert panel.state_text(first) == "60 / 100"
    assert panel.prompt_label.isHidden()  # 60 is not low and there is no earlier score

    # By keys: digits answer and move on, arrows never move the step.
    assert panel.button_for(second).hasFocus()  # the next person without an answer
    qtbot.keyClick(panel.button_for(second), Qt.Key.Key_Return)
    entry = panel.entry
    assert entry.hasFocus()
    for k in (Qt.Key.Key_5, Qt.Key.Key_5, Qt.Key.Key_Right, Qt.Key.Key_Left):
        qtbot.keyClick(QApplication.focusWidget(), k)
    assert entry.current == 2 and entry.answers[:2] == [5, 5]
    qtbot.keyClick(entry, Qt.Key.Key_Up)  # back to statement 2, change it
    qtbot.keyClicks(entry, "4")
    qtbot.keyClicks(entry, "31")
    assert not entry.save_button.isEnabled()
    qtbot.keyClicks(entry, "0")
    assert entry.save_button.isEnabled()
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert view.engine.index == index
    rows = who5_rows(ctx, view.session_id)
    assert rows[second].items == [5, 4, 3, 1, 0] and rows[second].value == 52.0
    assert third not in rows
    assert view.side.tabText(view.side.indexOf(panel)) == "WHO-5 due today"  # one to go


def test_pass_and_reentry_replace(qtbot, ctx, view):
    panel = view.who5
    pid = view.attendance.people()[0].id
    enter_by_clicks(qtbot, panel, pid, [1, 1, 1, 1, 1])
    click(qtbot, panel.button_for(pid))
    assert panel.entry.answers == [1, 1, 1, 1, 1]  # re-entry starts from what was saved
    click(qtbot, panel.entry.pass_button)
    rows = who5_rows(ctx, view.session_id)
    assert len(rows) == 1
    assert rows[pid].passed and rows[pid].value is None and rows[pid].items is None
    assert panel.state_text(pid) == "passed"
    assert panel.prompt_label.isHidden()
    enter_by_clicks(qtbot, panel, pid, [5, 5, 5, 5, 4])
    rows = who5_rows(ctx, view.session_id)
    assert len(rows) == 1 and rows[pid].value == 96.0 and not rows[pid].passed


def test_low_score_prompts_and_high_does_not(qtbot, ctx, view):
    panel = view.who5
    low, high, _ = [p.id for p in view.attendance.people()]
    enter_by_clicks(qtbot, panel, high, [5, 4, 5, 4, 5])
    assert panel.prompt_label.isHidden()
    enter_by_clicks(qtbot, panel, low, [2, 2, 2, 2, 4])  # raw 12: the low range
    assert who5_rows(ctx, view.session_id)[low].value == 48.0
    assert not panel.prompt_label.isHidden()
    text = panel.prompt_label.text()
    assert text == measures.who5_prompt(48, "en") and "not a diagnosis" in text
    assert "offer a private word" in panel.state_text(low)
    assert "offer" not in panel.state_text(high)


def test_drop_from_last_time_prompts_and_not_due(qtbot, ctx):
    gid, ids = make_group(ctx)
    past_session(ctx, gid, ids[0], [4, 4, 4, 4, 4])  # 80 a week ago
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    all_present(view)
    with ctx.db.unit() as s:
        due = measures.who5_due(s, gid, view.session_id)
    assert due is False  # collected at the last session: next due in three sessions
    assert view.side.tabText(view.side.indexOf(view.who5)) == "Wellbeing (WHO-5)"
    assert view.who5.due_label.text().startswith("Not due today")
    view.side.setCurrentWidget(view.who5)
    enter_by_clicks(qtbot, view.who5, ids[0], [3, 3, 3, 4, 4])  # 68: not low, 12 below
    assert not view.who5.prompt_label.isHidden()
    assert view.who5.prompt_label.text() == measures.who5_prompt(68, "en", 80)
    assert "10 or more points lower" in view.who5.prompt_label.text()
    enter_by_clicks(qtbot, view.who5, ids[1], [3, 3, 3, 4, 4])  # no earlier score
    assert view.who5.prompt_label.isHidden()


def test_due_today_follows_who5_due_and_resume_keeps_answers(qtbot, ctx, view):
    with ctx.db.unit() as s:
        assert measures.who5_due(s, view.group_id, view.session_id) is True
    assert view.side.tabText(view.side.indexOf(view.who5)) == "WHO-5 due today"
    assert view.who5.due_label.text().startswith("WHO-5 is due today")
    people = [p.id for p in view.attendance.people()]
    view.go_next()  # started, so the session can be resumed
    view.side.setCurrentWidget(view.who5)
    for pid in people:
        enter_by_clicks(qtbot, view.who5, pid, [3, 3, 3, 3, 3])
    assert view.side.tabText(view.side.indexOf(view.who5)) == "Wellbeing (WHO-5)"  # all done
    gid, sid = view.group_id, view.session_id
    view.close()  # as after a crash: only the store is left
    resumed = open_view(qtbot, ctx, RunRequest(gid, SCRIPT, session_id=sid))
    assert [resumed.who5.state_text(pid) for pid in people] == ["60 / 100"] * 3


def test_practice_may_rehearse_but_is_never_due(qtbot, ctx):
    gid, ids = make_group(ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT, practice=True))
    all_present(view)
    assert view.side.tabText(view.side.indexOf(view.who5)) == "Wellbeing (WHO-5)"
    assert view.who5.due_label.text().startswith("Practice run")
    enter_by_clicks(qtbot, view.who5, ids[0], [1, 2, 3, 4, 5])
    assert who5_rows(ctx, view.session_id)[ids[0]].value == 60.0


def test_no_tab_without_a_roster(qtbot, ctx):
    gid, _ = make_group(ctx, headcount_only=True, aliases=[])
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    assert view.who5 is None
    assert all("WHO-5" not in view.side.tabText(i) for i in range(view.side.count()))
    gid, _ = make_group(ctx)
    defusing = open_view(qtbot, ctx, RunRequest(gid, "first-responder-defusing"))
    assert defusing.data.no_notes
    assert defusing.who5 is None
    assert all("WHO-5" not in defusing.side.tabText(i) for i in range(defusing.side.count()))


def test_presenter_never_shows_codes_aliases_or_scores(qtbot, ctx, view):
    people = view.attendance.people()
    enter_by_clicks(qtbot, view.who5, people[0].id, [1, 1, 1, 1, 1])  # 20, with a prompt
    enter_by_clicks(qtbot, view.who5, people[1].id, [5, 5, 5, 5, 5])  # 100
    view.presenter_button.click()
    presenter = view.presenter
    assert presenter is not None
    shown = " ".join(
        w.text()
        for kind in (QLabel, QAbstractButton)
        for w in presenter.findChildren(kind)
        if w.isVisibleTo(presenter)
    )
    shown = re.sub(r"<[^>]*>", " ", shown)  # rich-text labels: their words, not their markup
    assert shown.strip()
    for secret in [p.code for p in people] + ["Rania", "Yousef", "WHO-5", "wellbeing"]:
        assert secret.lower() not in shown.lower(), secret
    assert not re.search(r"\b(20|100)\b", shown), shown
    view.set_presenter_visible(False)


def test_every_who5_control_has_a_name(qtbot, view):
    from tests.ui.test_accessibility import _unnamed

    assert _unnamed(view.who5) == []
    view.who5.open_person(view.attendance.people()[0])
    assert _unnamed(view.who5) == []


def test_arabic_items_right_to_left_and_wording_note(qtbot, ctx, arabic_ui):
    ctx.lang = "ar"
    gid, ids = make_group(ctx, language="ar", aliases=["سلمى", None])
    view = open_view(qtbot, ctx, RunRequest(gid, "grief-loss-circle"))
    all_present(view)
    view.side.setCurrentWidget(view.who5)
    assert view.who5.isRightToLeft()
    text = measures.measure_text(measures.builtin_spec("who5"), "ar")
    assert view.side.tabText(view.side.indexOf(view.who5)) == QApplication.translate(
        "Who5Panel", "WHO-5 due today"
    )
    assert view.side.tabText(view.side.indexOf(view.who5)) != "WHO-5 due today"
    notes = [w for w in view.who5.findChildren(QLabel, "who5WordingNote") if w.isVisible()]
    assert len(notes) == 1 and "\u0627" in notes[0].text()  # on the page in front
    credits = [w for w in view.who5.findChildren(QLabel, "who5Attribution") if w.isVisible()]
    assert [w.text() for w in credits] == [text.attribution]
    click(qtbot, view.who5.button_for(ids[0]))
    entry = view.who5.entry
    assert entry.statement.text() == text.items[0]
    assert entry.choices.button(5).text().endswith(text.choices[0][1])
    assert "٥" in entry.choices.button(5).text()
    for _ in range(5):  # Arabic-Indic digits, as an Arabic keyboard types them
        # (QTest cannot type non-Latin characters, so the key event is built here)
        QApplication.sendEvent(
            entry, QKeyEvent(QEvent.Type.KeyPress, 0x0662, Qt.KeyboardModifier.NoModifier, "٢")
        )
    assert entry.answers == [2, 2, 2, 2, 2]
    # Mirrored: "5 all of the time" starts from the right; statement 1 sits rightmost.
    assert (
        entry.strip[0].mapTo(view, entry.strip[0].rect().topLeft()).x()
        > entry.strip[4].mapTo(view, entry.strip[4].rect().topLeft()).x()
    )
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert who5_rows(ctx, view.session_id)[ids[0]].value == 40.0
    prompt = view.who5.prompt_label.text()
    assert prompt == measures.who5_prompt(40, "ar") and "تشخيص" in prompt
    assert "٤٠" in view.who5.result_label.text()


@pytest.fixture
def arabic_ui(qapp, tmp_path):
    """The Arabic catalogue compiled fresh from the .ts source, and Arabic locale."""
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QLocale, QTranslator

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "facilitator_ar.ts"
    qm = tmp_path / "facilitator_ar.qm"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pyside6-lrelease")),
            "-silent",
            str(ts),
            "-qm",
            str(qm),
        ],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Jordan))
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(previous)
    QApplication.removeTranslator(translator)


def test_a_half_copied_form_stays_in_front_when_the_step_changes(qtbot, ctx, view):
    pid = view.attendance.people()[0].id
    click(qtbot, view.who5.button_for(pid))
    click(qtbot, view.who5.entry.choices.button(3))
    view.go_next()  # start: the welcome step would otherwise bring "Who is here" forward
    assert view.engine.status == "running"
    assert view.side.currentWidget() is view.who5 and view.who5.entry_open()
    assert view.who5.entry.answers[0] == 3
    qtbot.keyClick(view.who5.entry, Qt.Key.Key_Escape)
    view.go_next()
    assert view.side.currentWidget() is not view.who5  # the list does not hold the tab
