"""Screenshots from a REAL window (run under Xvfb + a window manager; see realwindow_shots.sh).

Grabs the X screen itself (``QScreen.grabWindow(0)``), frame and all, so the picture
is what a facilitator sees on a laptop of that size: run mode maximised as on a
1366x768 laptop, and the presenter view opened (F5) on a ground-rules step.
Usage: ``python scripts/realwindow_shots.py OUTDIR [en ar]`` with DISPLAY set.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _settle(app, rounds: int = 20) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    langs = argv[1:] or ["en", "ar"]
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.context import AppContext, AppSettings, RunRequest
    from facilitator.app.demo import open_demo_store
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.run import create_run_view
    from facilitator.ui.run.screens import _Clock, _pick_group
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.theme import apply_theme
    from facilitator.ui.translations import LanguageInstaller

    app = QApplication(["facilitator"])
    apply_theme(app, dark=False)
    store, _folder = open_demo_store()
    installer = LanguageInstaller()
    screen = app.primaryScreen()
    QCursor.setPos(screen.geometry().width() * 4, screen.geometry().height() * 4)
    for lang in langs:
        installer.install(app, lang)
        ctx = AppContext(
            store.db,
            lang,
            SyncTaskRunner(),
            AppSettings(Path(os.environ["FACILITATOR_HOME"]) / "s.ini"),
            demo=True,
        )
        ctx.store = store
        window = MainWindow(ctx)
        window.showMaximized()
        _settle(app)
        gid, script_id = _pick_group(ctx)
        clock = _Clock()
        view = create_run_view(ctx, RunRequest(gid, script_id, practice=True), window, clock=clock)
        view.discard_on_close = True
        window.stack.addWidget(view)
        window.run_view = view
        window.stack.setCurrentWidget(view)
        window._sync_toolbar()
        for person in view.attendance.people()[:9]:
            view.attendance.button_for(person.id).click()
        view.go_next()
        target = next((i for i, st in enumerate(view.script.steps) if st.outcome == "pre"), 0)
        while view.engine.index < target:
            clock.now += view.script.steps[view.engine.index].minutes * 60
            view.go_next()
        clock.now += view.script.steps[view.engine.index].minutes * 60 - 45
        for row, value in zip(view.activity.scores_pre.rows()[:5], (6, 4, 8, None, 5)):
            row.group.button(11 if value is None else value).click()
        view.refresh()
        _settle(app)
        screen.grabWindow(0).save(str(out / f"realwindow-{lang}-run-1366x768.png"))
        # The presenter view opened on the ground rules, as when the projector comes on.
        rules_at = next(i for i, st in enumerate(view.script.steps) if st.kind == "ground_rules")
        view2 = create_run_view(ctx, RunRequest(gid, script_id, practice=True), window, clock=clock)
        view2.discard_on_close = True
        window.stack.addWidget(view2)
        window.stack.setCurrentWidget(view2)
        view2.go_next()
        while view2.engine.index < rules_at:
            view2.go_next()
        view2._actions["presenter"].trigger()
        _settle(app, 40)
        # From the X server, frame excluded: what the projector shows.
        screen.grabWindow(int(view2.presenter.winId())).save(
            str(out / f"realwindow-{lang}-presenter-rules.png")
        )
        view2._actions["presenter"].trigger()
        view2.close()
        view.close()
        window.close()
        _settle(app)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
