"""The supervision screens fit a small laptop: the dashboard's filters wrap rather
than widen the window, and the report preview fits the screen it opens on."""

from __future__ import annotations

import pytest

from tests.ui.test_supervision import PASS, sup_ctx  # noqa: F401 - the fixture

__all__ = ["sup_ctx"]


def _window_with(sup_ctx, qtbot, tab):
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(sup_ctx)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    sup = window.show_supervision()
    assert sup is not None
    if sup.sign_in_form is not None:
        sup.sign_in_form.login.setText("owner")
        sup.sign_in_form.passphrase.setText(PASS)
        sup.sign_in_form.check()
    page = sup.open_tab(tab)
    assert page is not None
    return window, page


def test_the_dashboard_keeps_the_window_narrow_enough_for_1024(sup_ctx, qtbot):
    window, dash = _window_with(sup_ctx, qtbot, "dashboard")
    qtbot.wait(10)
    window.layout().activate()
    assert dash.dash is not None  # figures shown
    print("MIN", window.minimumSizeHint(), dash.minimumSizeHint(), window.size())
    assert window.minimumSizeHint().width() <= 1024, window.minimumSizeHint()
    assert dash.minimumSizeHint().width() <= 1000, dash.minimumSizeHint()


def test_the_report_preview_fits_the_screen(sup_ctx, qtbot):
    from PySide6.QtGui import QGuiApplication

    window, dash = _window_with(sup_ctx, qtbot, "dashboard")
    dash.preview()
    dialog = dash.preview_dialog
    qtbot.addWidget(dialog)
    avail = (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dialog.height() <= avail.height() and dialog.width() <= avail.width()
    assert avail.height() < 900  # the offscreen screen is smaller than the old fixed size


@pytest.fixture
def save_dialogs(monkeypatch):
    """Every save or folder dialog answers Cancel; what it proposed is recorded."""
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def save(parent, title, start="", *a, **k):
        asked.append(start)
        return "", ""

    def folder(parent, title, start="", *a, **k):
        asked.append(start)
        return ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    return asked


def test_every_supervision_save_dialog_opens_in_the_save_folder(sup_ctx, qtbot, save_dialogs):
    from pathlib import Path

    from facilitator.ui.save_files import save_folder

    folder = save_folder(sup_ctx.settings)
    assert folder.name == "Facilitator"
    window, dash = _window_with(sup_ctx, qtbot, "dashboard")
    dash.preview()
    qtbot.addWidget(dash.preview_dialog)
    dash.preview_dialog.save()
    audit = window.supervision.open_tab("audit")
    audit.export("csv")
    audit.export("pdf")
    assert len(save_dialogs) == 3
    for start in save_dialogs:
        assert Path(start).parent == folder, start
    names = [Path(s).name for s in save_dialogs]
    assert names[0].startswith("program-report-") and names[0].endswith("-en.pdf")
    assert "-to-" in names[0]  # the period is in the name
    assert names[1].startswith("audit-log-20") and names[1].endswith(".csv")
    assert names[2].startswith("audit-log-20") and names[2].endswith("-en.pdf")


def test_practice_save_dialogs_open_in_the_save_folder(ctx, qtbot, save_dialogs):
    from pathlib import Path

    from facilitator.practice.engine import ManualClock
    from facilitator.ui.practice.debrief_view import DebriefView
    from facilitator.ui.practice.home import PracticeHome
    from facilitator.ui.save_files import save_folder

    home = PracticeHome(ctx, clock=ManualClock(0.0))
    qtbot.addWidget(home)
    home.show()
    home.select("suicidal-disclosure-round")
    home.trainee.setText("Trainee A")
    assert home.start_selected(seed=5, confirm=lambda dialog: True)
    assert home.write_kit() == []
    debrief = DebriefView(ctx, home.view.attempt.id)
    qtbot.addWidget(debrief)
    assert debrief.save_pdf("ar") is None
    folder = save_folder(ctx.settings)
    assert save_dialogs[0] == str(folder)
    assert Path(save_dialogs[1]).parent == folder
    assert Path(save_dialogs[1]).name.startswith("practice-feedback-20")
    assert Path(save_dialogs[1]).name.endswith("-ar.pdf")


def test_dashboard_redraws_without_leaving_old_labels_behind(sup_ctx, qtbot):
    from PySide6.QtWidgets import QLabel

    from facilitator.app import users
    from facilitator.ui.dashboard_view import DashboardView

    view = DashboardView(sup_ctx, users.sign_in(sup_ctx.store))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.refresh()
    first = [w.text() for w in view.findChildren(QLabel, "completeness")]
    assert first
    view.program.setCurrentIndex(view.program.count() - 1)  # another programme filter
    view.refresh()
    view.refresh()
    qtbot.wait(10)
    again = [w.text() for w in view.findChildren(QLabel, "completeness")]
    assert len(again) == len(first), again  # the old page's labels are gone, not drawn under
    for table in view.tables:  # every row shows: no table scrolls inside the page
        assert table.verticalScrollBar().maximum() == 0 or table.height() >= 360
