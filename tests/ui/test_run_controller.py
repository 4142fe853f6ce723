"""Run mode's controller on its own: it does the writes, the view only draws its signals."""

from __future__ import annotations

from facilitator.app import groups
from facilitator.app.runs import open_run
from facilitator.store.models import Attendance, MeasureResponse, Note, StepEvent
from facilitator.ui.run.controller import RunController

SCRIPT = "mutual-support-circle"


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def _controller(ctx) -> tuple[RunController, list[str]]:
    with ctx.db.unit() as s:
        gid = groups.add_group(s, "Tuesday circle", "mutual_support", "en")
        for _ in range(3):
            groups.add_participant(s, gid)
    run = open_run(ctx.db, gid, SCRIPT, clock=Clock())
    controller = RunController(ctx, run.runner, run.script, run.data)
    return controller, [p.id for p in run.data.people]


def test_writes_go_to_the_store_and_signals_tell_the_view(ctx, qtbot):
    c, people = _controller(ctx)
    steps, messages = [], []
    c.step_changed.connect(lambda: steps.append(c.engine.index))
    c.message.connect(lambda text, error: messages.append((text, error)))

    c.set_present(people[0], True)
    c.record_score("pre", people[0], 7, False)
    c.save_note("Two arrived late.")
    c.go_next()  # starts the session
    c.go_next()
    with ctx.db.unit() as s:
        assert [a.participant_id for a in s.query(Attendance)] == [people[0]]
        assert [(r.phase.value, r.value) for r in s.query(MeasureResponse)] == [("pre", 7.0)]
        assert [n.body for n in s.query(Note)] == ["Two arrived late."]
        assert [e.action for e in s.query(StepEvent).order_by(StepEvent.seq)] == ["start", "next"]
    assert steps == [0, 1] and c.data.scores["pre"][people[0]] == (7, False)

    c.start_round([])  # nobody marked for the round: refused calmly, nothing recorded
    assert messages[-1][1] is True and "round needs people" in messages[-1][0]
    with ctx.db.unit() as s:
        assert s.query(StepEvent).count() == 2


def test_finish_is_recorded_and_announced(ctx, qtbot):
    c, _people = _controller(ctx)
    c.go_next()
    with qtbot.waitSignal(c.finished, check_params_cb=lambda sid: sid == c.session_id):
        assert c.finish()
    with ctx.db.unit() as s:
        assert s.query(StepEvent).order_by(StepEvent.seq.desc()).first().action == "finish"
    assert not c.finish()  # already finished: nothing more happens


def test_refusals_read_in_the_interface_language(ctx, qtbot):
    ctx.lang = "ar"
    c, people = _controller(ctx)
    messages = []
    c.message.connect(lambda text, error: messages.append((text, error)))
    c.go_next()
    c.record_score("pre", people[0], 42, False)  # a store write refused by the core
    assert messages[-1] == ("يجب أن تكون درجة هذا المقياس بين ٠ و١٠.", True)
    assert not c.act(lambda: c.engine.jump(99))  # an engine refusal with parameters
    text, error = messages[-1]
    assert error and text.startswith("لا توجد خطوة رقم ٩٩؛ عدد خطوات النص ")
    assert not any("a" <= ch.lower() <= "z" for ch in text)
