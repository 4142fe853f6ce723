"""The end-of-session screen lists WHO-5 forms entered and the organisation's own measures."""

from __future__ import annotations

from facilitator.store.models import Group, Participant, Session, SessionStatus
from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me
from facilitator.app.summary_data import session_summary
from facilitator.ui.run.summary_view import SummaryView


def _session(ctx):
    with ctx.db.unit() as s:
        g = Group(name="Circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        people = [Participant(group_id=g.id, code=f"AJ-3{i}") for i in range(4)]
        s.add_all(people)
        sess = Session(
            group_id=g.id,
            script_id="mutual-support-circle",
            script_version="1",
            status=SessionStatus.completed,
        )
        s.add(sess)
        s.flush()
        cm.create_custom_measure(
            s,
            "cope",
            {"en": "Coping", "ar": "التأقلم"},
            minimum=0,
            maximum=10,
            phases=("pre", "post"),
        )
        cm.create_custom_measure(
            s,
            "sleep",
            {"en": "Sleep", "ar": "النوم"},
            minimum=0,
            maximum=14,
            step=2,
            phases=("single",),
        )
        for p, (pre, post) in zip(people, ((2, 5), (4, 4), (6, 9), (None, 3))):
            if pre is not None:
                me.record_response(s, sess.id, p.id, "cope", "pre", value=pre)
            me.record_response(s, sess.id, p.id, "cope", "post", value=post)
        for p, hours in zip(people, (6, 8, 10)):
            me.record_response(s, sess.id, p.id, "sleep", "single", value=hours)
        me.record_response(s, sess.id, people[0].id, "who5", "single", items=[3, 3, 3, 3, 3])
        me.record_response(s, sess.id, people[1].id, "who5", "single", passed=True)
        return sess.id


def test_summary_counts_who5_and_custom_measures(qtbot, ctx):
    sid = _session(ctx)
    with ctx.db.unit() as s:
        summary = session_summary(s, sid)
    assert summary.who5_answered == 1  # a pass is not a form entered with a score
    lines = {line.title["en"]: line for line in summary.custom}
    assert (lines["Coping"].people, lines["Coping"].is_change) == (3, True)
    assert abs(lines["Coping"].value - 2.0) < 1e-9  # (3 + 0 + 3) / 3
    assert (lines["Sleep"].people, lines["Sleep"].value, lines["Sleep"].is_change) == (
        3,
        8.0,
        False,
    )
    view = SummaryView(ctx, sid)
    qtbot.addWidget(view)
    view.show()
    assert view.values["who5"].text() == "1"
    text = view.values["custom"].text()
    assert "Coping: +2.0 change (from 3 people)" in text
    assert "Sleep: mean 8.0 (from 3 people)" in text
