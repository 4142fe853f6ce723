"""Every main screen, run mode and every dialog fits a real screen, in English and Arabic.

Run under Xvfb + openbox at 1280x720, 1366x768 and 1920x1080 (see ``conftest.py``).
A screen "fits" when its framed window lies inside the screen's available area and
every button, field and label is on the screen and not cut off by its parent (a
widget inside a scroll area counts as reachable).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from .fit import problems, settle, show_like_the_app

LANGS = ("en", "ar")


@pytest.fixture(params=LANGS)
def lang_ctx(request, demo_store, tmp_path):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.translations import LanguageInstaller

    lang = request.param
    installer = LanguageInstaller()
    installer.install(QApplication.instance(), lang)
    ctx = AppContext(
        demo_store.db, lang, SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"), demo=True
    )
    ctx.store = demo_store
    yield ctx
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()
    settle()
    installer.install(QApplication.instance(), "en")


@pytest.fixture
def window(lang_ctx, qtbot):
    from facilitator.ui.main_window import MainWindow

    win = MainWindow(lang_ctx)
    qtbot.addWidget(win)
    show_like_the_app(win, qtbot)
    return win


def _group_id(ctx) -> str:
    from facilitator.ui.run.screens import _pick_group

    return _pick_group(ctx)[0]


def _check(widget: QWidget) -> None:
    settle()
    found = problems(widget)
    assert not found, "\n".join(found)


def test_main_screens_fit(window, lang_ctx):
    _check(window)  # home
    gid = _group_id(lang_ctx)
    window.show_group(gid)
    _check(window)
    window.show_plan(gid)
    _check(window)
    window.lock()
    _check(window)


def test_run_mode_and_summary_fit(window, lang_ctx):
    from facilitator.ui.run.screens import _run_view

    from facilitator.ui.run.screens import _pick_group

    gid, script_id = _pick_group(lang_ctx)
    view = _run_view(lang_ctx, gid, script_id)
    view.setParent(None)
    window.stack.addWidget(view)
    window.run_view = view
    window.stack.setCurrentWidget(view)
    window._sync_toolbar()
    _check(window)
    # Every step: a round, the rules, a check-in... each brings its own panel.
    for _ in range(len(view.script.steps)):
        view.side.setCurrentIndex(1)
        _check(window)
        if view.engine.index is not None and view.engine.index >= len(view.script.steps) - 1:
            break
        view.go_next()
    view.finish()  # the summary takes run mode's place, at the same size
    assert view.summary is not None
    _check(window)
    view.discard_on_close = True


@pytest.mark.parametrize(
    "name",
    [
        "group",
        "new_group",
        "report",
        "settings",
        "measures",
        "newcomer",
        "details",
        "safety",
        "safety_incident",
        "script_editor",
        "passphrase",
        "backup",
        "safety_numbers",
        "newcomer_code",
    ],
)
def test_dialog_fits(window, lang_ctx, name):
    gid = _group_id(lang_ctx)
    dialog = _make_dialog(name, lang_ctx, window, gid)
    show_like_the_app(dialog)
    _check(dialog)
    # A dialog's title must not be cut: the window is at least as wide as its title.
    fm = dialog.fontMetrics()
    assert dialog.width() >= min(
        fm.horizontalAdvance(dialog.windowTitle()) + 120,
        dialog.screen().availableGeometry().width(),
    ), f"{name}: {dialog.width()} px is too narrow for its title {dialog.windowTitle()!r}"
    dialog.reject()


def _make_dialog(name: str, ctx, parent, gid: str) -> QDialog:
    if name in ("group", "new_group"):
        from facilitator.ui.group_dialog import GroupDialog

        return GroupDialog(ctx, gid if name == "group" else None, parent)
    if name == "report":
        from facilitator.ui.report_dialog import ReportDialog

        return ReportDialog(ctx, gid, "Group", parent)
    if name == "settings":
        from facilitator.ui.settings_dialog import SettingsDialog

        return SettingsDialog(ctx, parent)
    if name == "measures":
        from facilitator.ui.measures_dialog import MeasuresDialog

        return MeasuresDialog(ctx, parent)
    if name == "newcomer":
        from facilitator.ui.participant_dialogs import NewcomerDialog

        return NewcomerDialog(parent)
    if name == "details":
        from facilitator.ui.participant_dialogs import DetailsDialog

        return DetailsDialog("KT-47", None, None, parent)
    if name.startswith("safety"):
        from facilitator.ui.run.safety_dialog import SafetyDialog

        dialog = SafetyDialog(ctx, gid, None, ["Sam", "Noor"], parent)
        if name == "safety_incident":
            dialog.tabs.setCurrentIndex(1)
        return dialog
    if name == "script_editor":
        from facilitator.scripts.library import load_script
        from facilitator.ui.script_editor import ScriptEditor

        with ctx.db.unit() as s:
            script = load_script("anxiety-skills-group", s)
        return ScriptEditor(ctx, script, copy=True, parent=parent)
    if name == "safety_numbers":
        from facilitator.ui.safety_numbers import SafetyNumbersDialog

        return SafetyNumbersDialog(ctx, parent)
    if name == "newcomer_code":
        from facilitator.ui.widgets import show_code

        box = show_code(parent, "KT-47")
        box.hide()
        return box
    if name == "passphrase":
        from facilitator.ui.store_settings import PassphraseDialog

        return PassphraseDialog(ctx.tasks, ctx.store, parent, after_recovery=True)
    if name == "backup":
        from facilitator.ui.store_settings import BackupDialog

        return BackupDialog(ctx, ctx.store, parent)
    raise AssertionError(name)


@pytest.mark.parametrize("page", [0, 1, 2, 3])
@pytest.mark.parametrize("lang", LANGS)
def test_wizard_pages_fit(themed_app, tmp_path, lang, page, qtbot):
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.translations import LanguageInstaller
    from facilitator.ui.wizard import FirstRunWizard

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), lang)
    try:
        wizard = FirstRunWizard(SyncTaskRunner(), tmp_path / "store.db", lang, keyring=False)
        qtbot.addWidget(wizard)
        show_like_the_app(wizard, qtbot)
        ids = wizard.pageIds()
        if page < len(ids):
            wizard.setStartId(ids[page])
            wizard.restart()
        _check(wizard)
        wizard.hide()
    finally:
        installer.install(QApplication.instance(), "en")


@pytest.mark.parametrize("lang", LANGS)
def test_unlock_dialog_fits(themed_app, lang, qtbot):
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.translations import LanguageInstaller
    from facilitator.ui.unlock_dialog import UnlockDialog

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), lang)
    try:
        dialog = UnlockDialog(SyncTaskRunner(), lambda p, c: None, has_passphrase=True)
        qtbot.addWidget(dialog)
        show_like_the_app(dialog, qtbot)
        _check(dialog)
        dialog.hide()
    finally:
        installer.install(QApplication.instance(), "en")


def test_measures_table_shows_three_rows(lang_ctx, window):
    from facilitator.ui.measures_dialog import MeasuresDialog

    dialog = MeasuresDialog(lang_ctx, window)
    show_like_the_app(dialog)
    table = dialog.table
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows >= 2.9, f"the measures table shows {rows:.1f} rows"
    dialog.reject()
