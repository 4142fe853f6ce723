"""The presenter view opened on every kind of step: timer and rules at their fitted sizes.

The projector is usually switched on at the ground rules, so the window is opened
*on* each step (not opened first and then moved to it): that is the case that once
gave a window taller than the screen, 12 px rules and a timer of zero height.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from .fit import problems, settle, show_like_the_app


def _steps_by_kind(ctx):
    """One step of each kind (and one with rules shown) from the built-in scripts."""
    from facilitator.scripts.library import builtin_scripts

    seen: dict[str, tuple[str, int]] = {}
    for script in builtin_scripts().values():
        for i, step in enumerate(script.steps):
            if step.kind not in seen:
                seen[step.kind] = (script.id, i)
    return seen


def _digits_span(label) -> tuple[int, int]:
    """Where the label's digits are drawn, top and bottom in its own pixels (text is
    centred vertically by its line box: ascent plus descent)."""
    fm = label.fontMetrics()
    tight = fm.tightBoundingRect(label.text() or "0:00")
    baseline = (label.height() - fm.height()) / 2 + fm.ascent()
    return int(baseline + tight.top()), int(baseline + tight.bottom())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_presenter_opened_on_every_kind_of_step(themed_app, demo_store, tmp_path, lang, qtbot):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run.screens import _Clock, _pick_group
    from facilitator.ui.run import create_run_view
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), lang)
    ctx = AppContext(
        demo_store.db, lang, SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"), demo=True
    )
    try:
        gid, _ = _pick_group(ctx)
        kinds = _steps_by_kind(ctx)
        assert "ground_rules" in kinds, kinds
        checked = []
        for kind, (script_id, index) in sorted(kinds.items()):
            clock = _Clock()
            view = create_run_view(ctx, RunRequest(gid, script_id, practice=True), clock=clock)
            view.discard_on_close = True
            qtbot.addWidget(view)
            view.go_next()
            while view.engine.index is not None and view.engine.index < index:
                view.go_next()
            view.resize(1000, 600)
            view.show()
            state = view.presenter_state()
            view._actions["presenter"].trigger()  # F5, as in the room
            presenter = view.presenter
            assert presenter is not None and presenter.isVisible()
            show_like_the_app(presenter, qtbot)
            settle()
            found = problems(presenter)
            assert not found, f"{kind}: " + "\n".join(found)
            height = presenter.height()
            timer = presenter.timer
            assert timer.height() >= 0.12 * height, (
                f"{kind}: timer {timer.height()} px high in a {height} px window"
            )
            assert timer.font().pixelSize() >= 0.12 * height, f"{kind}: timer type too small"
            top, bottom = _digits_span(timer)
            assert top >= 0 and bottom <= timer.height(), (
                f"{kind}: the timer's digits span {top}..{bottom} in a {timer.height()} px label"
            )
            if state.show_rules and state.rules:
                rules = presenter.rules
                assert rules.isVisible()
                assert rules.font().pixelSize() >= max(16, 0.03 * height), (
                    f"{kind}: rules at {rules.font().pixelSize()} px in a {height} px window"
                )
                assert rules.height() >= rules.heightForWidth(rules.width()) - 2, (
                    f"{kind}: rules clipped"
                )
            # Moving on keeps it right (it once stayed broken on later steps).
            if view.engine.index is not None and view.engine.index + 1 < len(view.script.steps):
                view.go_next()
                view.refresh()
                settle()
                assert presenter.timer.height() >= 0.12 * presenter.height(), f"{kind}: after"
                assert not problems(presenter)
            checked.append(kind)
            view._actions["presenter"].trigger()
            view.close()
            settle()
        assert len(checked) >= 4, checked
    finally:
        installer.install(QApplication.instance(), "en")
