"""The presenter view never shows a facilitator note, a code or an alias.

Walks every child widget's text at every step of a script (including a live round,
where the facilitator's screen shows speaker codes and aliases) and on the
ground-rules step, in both script languages.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.store.models import Group
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import RunRequest

ALIASES = ["Layla", "Ibrahim", "Noor"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_presenter_never_shows_notes_codes_or_aliases(qtbot, ctx, lang):
    from facilitator.ui.run import create_run_view

    with ctx.db.unit() as s:
        group = Group(name="Evening circle", program_type="caregivers", language=lang)
        s.add(group)
        s.flush()
        gid = group.id
        for alias in ALIASES:
            add_participant(s, gid, alias=alias)
    now = [0.0]
    view = create_run_view(ctx, RunRequest(gid, "caregivers-circle"), clock=lambda: now[0])
    qtbot.addWidget(view)
    view.show()
    people = view.attendance.people()
    for p in people:
        qtbot.mouseClick(view.attendance.button_for(p.id), Qt.MouseButton.LeftButton)
    view.presenter_button.click()
    presenter = view.presenter
    assert presenter is not None and presenter.isVisible()
    forbidden = [p.code for p in people] + [p.alias for p in people if p.alias]

    view.go_next()
    seen_notes = seen_round = seen_rules = 0
    while True:
        step = view.script.steps[view.engine.index]
        if step.kind == "round":
            view.start_round()
            now[0] += 30
            seen_round += 1
        now[0] += 10
        view.refresh()
        # The facilitator's own screen does show the notes (so the check below means something).
        if step.notes is not None:
            assert view.card.notes.text() == step.notes.get(lang)
            assert view.card.notes.isVisibleTo(view)
            seen_notes += 1
        texts = presenter.visible_texts()
        assert step.title.get(lang) in texts
        blob = "\n".join(texts)
        if step.notes is not None:
            for fragment in (step.notes.en, step.notes.ar):
                assert fragment not in blob
                assert fragment[:40] not in blob
        for word in forbidden:
            assert word not in blob, f"{word!r} on the presenter at step {step.id}"
        if step.kind == "ground_rules":
            assert presenter.rules.isVisibleTo(presenter) and presenter.rules.text()
            seen_rules += 1
        if view.controller.next_index() is None:
            break
        view.go_next()
    assert seen_notes >= 3 and seen_round and seen_rules
    view.finish()
    assert presenter.state().finished


def test_presenter_type_follows_the_window_and_everything_fits(qtbot):
    """Very large type on a projector, yet ten rules, title and timer fit one screen."""
    from facilitator.ui.run.presenter_view import PresenterState, PresenterView

    view = PresenterView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    rules = tuple(f"Rule number {i} about listening with respect" for i in range(10))
    view.update_state(
        PresenterState(
            step_title="Our group agreement",
            remaining=300,
            planned=300,
            rules=rules,
            show_rules=True,
        )
    )
    qtbot.waitUntil(lambda: view.rules.isVisible())
    big_timer = view.timer.font().pixelSize()
    assert big_timer >= 170 and view.title.font().pixelSize() >= 80
    assert view.layout().minimumSize().height() <= 1080  # the window need not grow
    bottom = view.rules.mapTo(view, view.rules.rect().bottomLeft()).y()
    assert bottom <= view.height()
    # No rules on screen: the timer takes the room they leave.
    view.update_state(PresenterState(step_title="Short break", remaining=300, planned=300))
    full = view.timer.font().pixelSize()
    assert full > big_timer
    view.resize(960, 600)  # a smaller window: smaller type
    qtbot.waitUntil(lambda: view.timer.font().pixelSize() < full * 0.6)


def _core_rules(lang):
    import yaml

    from facilitator.resources import resource_path

    with open(resource_path("rules", "core.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return tuple(r["short"][lang] for r in data["rules"])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_ground_rules_are_large_on_a_projector_and_never_clipped(qtbot, qapp, lang):
    """The rules are read from the back row: their type follows the window like the
    title and timer, and ten of them (one long enough to wrap) still fit whole."""
    from PySide6.QtGui import QFontMetrics

    from facilitator.ui.run.presenter_view import PresenterState, PresenterView
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(qapp, lang)
    try:
        rules = _core_rules(lang)
        assert len(rules) == 10
        long_rule = (
            "Phones stay in bags during the whole session, including the break, "
            "and nobody writes down what another member said"
            if lang == "en"
            else "تبقى الهواتف في الحقائب طوال الجلسة، بما في ذلك الاستراحة، ولا يكتب "
            "أحد ما قاله عضو آخر"
        )
        sizes = {}
        for w, h in ((1280, 800), (1920, 1080)):
            for case in (rules, rules[:9] + (long_rule,)):
                view = PresenterView()
                qtbot.addWidget(view)
                view.resize(w, h)
                view.show()
                view.update_state(
                    PresenterState(
                        step_title="Ground rules",
                        remaining=290,
                        planned=300,
                        rules=case,
                        show_rules=True,
                    )
                )
                qtbot.waitUntil(view.rules.isVisible)
                px = view.rules.font().pixelSize()
                sizes.setdefault((w, h), px)
                # Large: at least half the title's size, and readable across a room.
                assert px >= 0.5 * view.title.font().pixelSize(), (w, px)
                assert px >= h * 0.042, (w, h, px)
                # Whole: the label has the height its wrapped text needs, inside the window.
                assert view.rules.height() >= view.rules.heightForWidth(view.rules.width())
                top = view.rules.mapTo(view, view.rules.rect().topLeft()).y()
                timer_bottom = view.timer.mapTo(view, view.timer.rect().bottomLeft()).y()
                assert top >= timer_bottom and top + view.rules.height() <= h
                # The timer's digits are not cut by the rules below them.
                assert view.timer.height() >= QFontMetrics(view.timer.font()).height() * 0.95
                if case[-1] == long_rule:  # it wraps, and still has its bullet once
                    assert view.rules.heightForWidth(view.rules.width()) > px * 1.2 * 10
                view.close()
        assert sizes[(1920, 1080)] > sizes[(1280, 800)] * 1.2  # follows the window
    finally:
        installer.install(qapp, "en")


def test_rules_are_escaped_and_mirror_in_arabic():
    from facilitator.ui.run.presenter_view import rules_html

    html = rules_html(("Use <b>names</b> & codes",))
    assert "&lt;b&gt;" in html and "<b>" not in html and "&amp; codes" in html
    rtl = rules_html(("ما يقال هنا يبقى هنا",), rtl=True)
    assert rtl.index("ما يقال") < rtl.index("\u2022")  # bullet column on the right
