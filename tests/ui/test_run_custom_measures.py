"""Organisation-defined measures in run mode, through the real widgets, checked in the store.

At check-in the rows record the 0-10 rating or, after a tap on the selector above
them, a custom measure asked at the start; at check-out the ones asked at the end
or once. What is asserted is what MeasureResponse holds (measure, phase, value or
pass), what the rows offer (points from min to max by step), and that nothing is
offered for retired measures, headcount-only groups or no-notes sessions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from facilitator.store.models import Group, MeasureDefinition, MeasureResponse, Session
from facilitator.tracking import custom_measures as cm
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import RunRequest

SCRIPT = "anxiety-skills-group"


def make_group(ctx, *, headcount_only: bool = False) -> str:
    with ctx.db.unit() as s:
        g = Group(
            name="Harbour circle",
            program_type="anxiety",
            language="en",
            default_script_id=SCRIPT,
            headcount_only=headcount_only,
        )
        s.add(g)
        s.flush()
        for alias in [] if headcount_only else ["Rania", None, "Yousef"]:
            add_participant(s, g.id, alias=alias)
        return g.id


def add_measures(ctx, retired: bool = False) -> None:
    with ctx.db.unit() as s:
        cm.create_custom_measure(
            s,
            "sleep",
            {"en": "Sleep last night", "ar": "النوم البارحة"},
            minimum=0,
            maximum=14,
            step=2,
            phases=("pre", "post"),
        )
        cm.create_custom_measure(
            s,
            "useful",
            {"en": "How useful was today", "ar": "ما مدى فائدة اليوم"},
            minimum=1,
            maximum=5,
            step=0.5,
            phases=("single",),
        )
        cm.create_custom_measure(
            s,
            "stress",
            {"en": "Stress", "ar": "التوتر"},
            minimum=0,
            maximum=100,
            step=1,
            higher_is_better=False,
            phases=("pre", "post"),
        )
        cm.create_custom_measure(
            s,
            "gone",
            {"en": "Old question", "ar": "سؤال قديم"},
            minimum=0,
            maximum=4,
            phases=("pre", "post"),
        )
        cm.set_retired(s, "gone", True)


def open_view(qtbot, ctx, request):
    from facilitator.ui.run import create_run_view

    view = create_run_view(ctx, request)
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    return view


def go_to(view, kind: str) -> None:
    if view.engine.status == "ready":
        view.go_next()
    while view.script.steps[view.engine.index].kind != kind:
        view.go_next()


def answers(ctx, sid: str, key: str) -> dict[tuple[str, str], tuple]:
    with ctx.db.unit() as s:
        mid = s.scalar(select(MeasureDefinition.id).where(MeasureDefinition.key == key))
        rows = s.scalars(
            select(MeasureResponse).where(
                MeasureResponse.session_id == sid, MeasureResponse.measure_id == mid
            )
        )
        return {(r.participant_id, r.phase.value): (r.value, r.passed) for r in rows}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_check_in_records_custom_measures_by_click_and_keys_and_resumes(qtbot, ctx):
    gid = make_group(ctx)
    add_measures(ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    people = view.attendance.people()
    for p in people:
        view.attendance.button_for(p.id).click()
    go_to(view, "check_in")
    panel = view.activity.scores_pre
    assert view.activity.currentWidget() is panel and panel.selector.isVisible()
    assert [s.key for s in panel.scales()] == ["checkin10", "sleep", "stress"]  # no "gone"
    click(qtbot, panel.rows()[0].group.button(7))  # the built-in rating still works
    click(qtbot, panel.selector_button("sleep"))
    assert panel.current_scale().key == "sleep" and "Sleep last night" in panel.title.text()
    row = panel.rows()[0]
    assert [b.text() for b in row.group.buttons() if b is not row.pass_button] == [
        "0",
        "2",
        "4",
        "6",
        "8",
        "10",
        "12",
        "14",
    ]
    click(qtbot, row.group.button(3))  # 6, by click
    assert panel.current_index() == 1
    panel.setFocus()
    qtbot.keyClicks(panel, "13")  # not on the scale: refused, nothing saved
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert panel.current_index() == 1 and panel.rows()[1].entry.text() == "13"
    qtbot.keyClick(panel, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel, Qt.Key.Key_Backspace)
    qtbot.keyClicks(panel, "12")
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # 12, by keys
    qtbot.keyClick(panel, Qt.Key.Key_X)  # third person passes
    got = answers(ctx, view.session_id, "sleep")
    ids = [p.id for p in people]
    assert got == {
        (ids[0], "pre"): (6.0, False),
        (ids[1], "pre"): (12.0, False),
        (ids[2], "pre"): (None, True),
    }
    assert answers(ctx, view.session_id, "checkin10") == {(ids[0], "pre"): (7.0, False)}
    assert "3/3" in panel.selector_button("sleep").text()

    qtbot.keyClick(panel, Qt.Key.Key_M)  # M: the next measure
    assert panel.current_scale().key == "stress"
    assert panel.selector_button("stress").isChecked()  # 101 points: a spin box and Save
    row = panel.rows()[0]
    assert row.spin is not None and row.spin.maximum() == 100
    assert "lower score is better" in panel.help.text()
    row.spin.setValue(35)
    click(qtbot, row.save_button)
    assert answers(ctx, view.session_id, "stress") == {(ids[0], "pre"): (35.0, False)}

    session_id = view.session_id
    view.timer.stop()
    view.hide()
    view.deleteLater()
    resumed = open_view(qtbot, ctx, RunRequest(gid, SCRIPT, session_id=session_id))
    panel = resumed.activity.scores_pre
    assert panel.rows()[0].group.checkedId() == 7
    panel.select_scale("sleep")
    assert [r.group.checkedId() for r in panel.rows()] == [3, 6, 11]  # 6, 12, pass
    panel.select_scale("stress")
    assert panel.rows()[0].spin.value() == 35 and panel.rows()[0].save_button.isChecked()


def test_check_out_asks_end_and_once_measures(qtbot, ctx):
    gid = make_group(ctx)
    add_measures(ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    people = view.attendance.people()
    for p in people[:2]:
        view.attendance.button_for(p.id).click()
    go_to(view, "check_out")
    panel = view.activity.scores_post
    assert view.activity.currentWidget() is panel
    assert [(s.key, s.phase) for s in panel.scales()] == [
        ("checkin10", "post"),
        ("sleep", "post"),
        ("stress", "post"),
        ("useful", "single"),
    ]
    panel.select_scale("useful")
    row = panel.rows()[0]
    assert [b.text() for b in row.group.buttons() if b is not row.pass_button] == [
        "1.0",
        "1.5",
        "2.0",
        "2.5",
        "3.0",
        "3.5",
        "4.0",
        "4.5",
        "5.0",
    ]
    click(qtbot, row.group.button(5))  # 3.5
    qtbot.keyClicks(panel, "4.5")
    qtbot.keyClick(panel, Qt.Key.Key_Enter)
    ids = [p.id for p in people]
    assert answers(ctx, view.session_id, "useful") == {
        (ids[0], "single"): (3.5, False),
        (ids[1], "single"): (4.5, False),
    }
    click(qtbot, panel.selector_button("sleep"))
    click(qtbot, panel.rows()[1].pass_button)
    assert answers(ctx, view.session_id, "sleep") == {(ids[1], "post"): (None, True)}


def test_without_custom_measures_the_check_in_is_unchanged(qtbot, ctx):
    gid = make_group(ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()
    go_to(view, "check_in")
    panel = view.activity.scores_pre
    assert panel.selector.isHidden() and len(panel.scales()) == 1
    assert len(panel.rows()[0].group.buttons()) == 12  # 0..10 and Pass


def test_no_custom_measures_in_headcount_only_or_no_notes(qtbot, ctx):
    add_measures(ctx)
    headcount = open_view(qtbot, ctx, RunRequest(make_group(ctx, headcount_only=True), SCRIPT))
    assert headcount.data.custom_scales == {}
    go_to(headcount, "check_in")
    assert headcount.activity.scores_pre.selector.isHidden()
    assert headcount.activity.scores_pre.rows() == []

    gid = make_group(ctx)
    defusing = open_view(qtbot, ctx, RunRequest(gid, "first-responder-defusing"))
    assert defusing.data.no_notes and defusing.data.custom_scales == {}
    with ctx.db.unit() as s:
        assert (
            s.scalars(select(MeasureResponse).join(Session).where(Session.group_id == gid)).first()
            is None
        )


def test_custom_controls_are_named_and_arabic(qtbot, ctx, qapp):
    import re

    from facilitator.ui.translations import LanguageInstaller
    from tests.ui.test_accessibility import _unnamed

    gid = make_group(ctx)
    add_measures(ctx)
    view = open_view(qtbot, ctx, RunRequest(gid, SCRIPT))
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()
    go_to(view, "check_in")
    panel = view.activity.scores_pre
    for key in ("sleep", "stress"):
        panel.select_scale(key)
        assert _unnamed(panel) == [], key
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    try:
        panel.set_scales(view.data.custom_scales["pre"], {}, "ar")
        panel.select_scale("sleep")
        panel.select_scale("stress")  # rows rebuilt in Arabic
        assert panel.title.text() == "بداية الجلسة: التوتر، من ٠ إلى ١٠٠"
        assert "الدرجة الأدنى أفضل" in panel.help.text()
        assert panel.rows()[0].save_button.text() == "حفظ"
        assert all(
            re.search("[\u0600-\u06ff]", panel.selector_button(s.key).text())
            for s in panel.scales()
        )
    finally:
        installer.install(qapp, "en")
