"""Unlock (wrong passphrase, then right) and auto-lock hiding every piece of data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QDialog, QTableWidget

from facilitator.store import service
from facilitator.store.models import Group
from facilitator.tracking.participants import add_participant
from facilitator.app import unlock
from facilitator.ui.context import AppContext, AppSettings
from facilitator.ui.main_window import MainWindow
from facilitator.ui.unlock_dialog import UnlockDialog

PASS = "a calm harbour at dawn"


@pytest.fixture
def store_path(tmp_path, no_keyring):
    path = tmp_path / "f.db"
    created = service.create_store(path, passphrase=PASS, use_keyring=False)
    with created.db.unit() as s:
        g = Group(name="Harbour circle", program_type="general")
        s.add(g)
        s.flush()
        add_participant(s, g.id, alias="Mona")
    created.close()
    return path


def test_unlock_dialog_wrong_then_right(qtbot, store_path, sync_tasks):
    opts = unlock.unlock_options(store_path)
    assert opts.passphrase and not opts.keyring
    dialog = UnlockDialog(
        sync_tasks,
        lambda p, c: unlock.open_with(store_path, passphrase=p, recovery_code=c),
        has_passphrase=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    panel = dialog.panel
    qtbot.keyClicks(panel.secret, "not the passphrase")
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    assert panel.error.isVisible()
    assert "not right" in panel.error.text()
    assert dialog.result_store is None
    panel.secret.clear()
    qtbot.keyClicks(panel.secret, PASS)
    qtbot.mouseClick(panel.unlock_btn, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    store = dialog.result_store
    try:
        with store.db.unit() as s:
            assert s.query(Group).one().name == "Harbour circle"
    finally:
        store.close()


def test_unlock_dialog_recovery_code_typo_is_named(qtbot, tmp_path, sync_tasks, no_keyring):
    path = tmp_path / "g.db"
    created = service.create_store(path, passphrase=PASS, use_keyring=False)
    code = created.recovery_code
    created.close()
    dialog = UnlockDialog(
        sync_tasks,
        lambda p, c: unlock.open_with(path, passphrase=p, recovery_code=c),
        has_passphrase=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.panel.switch_btn, Qt.MouseButton.LeftButton)
    assert dialog.panel.recovery_mode
    wrong = ("0" if code[0] != "0" else "1") + code[1:]
    qtbot.keyClicks(dialog.panel.secret, wrong)
    qtbot.keyClick(dialog.panel.secret, Qt.Key.Key_Return)
    assert dialog.panel.error.isVisible() and dialog.result_store is None
    dialog.panel.secret.clear()
    qtbot.keyClicks(dialog.panel.secret, code.lower())
    qtbot.keyClick(dialog.panel.secret, Qt.Key.Key_Return)
    assert dialog.result_store is not None and dialog.result_store.unlocked_by == "recovery"
    dialog.result_store.close()


def _visible_texts(widget) -> str:
    parts = []
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget):
            parts.append(label.text())
    for table in widget.findChildren(QTableWidget):
        if table.isVisibleTo(widget):
            for r in range(table.rowCount()):
                for c in range(table.columnCount()):
                    item = table.item(r, c)
                    parts.append(item.text() if item else "")
    return "\n".join(parts)


def test_auto_lock_hides_all_data_until_unlocked(qtbot, store_path, sync_tasks, tmp_path):
    store = unlock.open_with(store_path, passphrase=PASS)
    try:
        settings = AppSettings(tmp_path / "s.ini")
        settings.autolock_minutes = 10
        ctx = AppContext(store.db, "en", sync_tasks, settings)
        window = MainWindow(
            ctx,
            unlock_attempt=lambda p, c: unlock.verify(store, passphrase=p, recovery_code=c),
            has_passphrase=True,
        )
        qtbot.addWidget(window)
        window.show()
        with store.db.unit() as s:
            gid = s.query(Group).one().id
        window.show_group(gid)
        shown = _visible_texts(window.stack.currentWidget())
        assert "Harbour circle" in shown and "Mona" in shown
        assert window.idle.active and window.idle.remaining_ms() > 9 * 60_000

        # Ten quiet minutes: the timer fires (we fire it rather than wait).
        window.idle.idle.emit()
        assert ctx.locked
        assert window.stack.currentWidget() is window.lock_screen
        for page in (window.home, window.group):
            assert not page.isVisible()
        assert "Harbour circle" not in window.windowTitle()
        locked_text = _visible_texts(window)
        assert "Harbour circle" not in locked_text and "Mona" not in locked_text
        assert not window.home_action.isVisible()  # no way around the lock screen
        window.go_back()
        assert window.stack.currentWidget() is window.lock_screen

        panel = window.lock_screen.panel
        qtbot.keyClicks(panel.secret, "wrong passphrase")
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
        assert ctx.locked and panel.error.isVisible()
        panel.secret.clear()
        qtbot.keyClicks(panel.secret, PASS)
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
        assert not ctx.locked
        assert window.stack.currentWidget() is window.group
        assert "Mona" in _visible_texts(window.group)
        assert window.idle.active
    finally:
        store.close()


def test_lock_closes_open_dialogs_and_hides_other_windows(qtbot, store_path, sync_tasks, tmp_path):
    from PySide6.QtWidgets import QWidget

    store = unlock.open_with(store_path, passphrase=PASS)
    try:
        ctx = AppContext(store.db, "en", sync_tasks, AppSettings(tmp_path / "s.ini"))
        window = MainWindow(
            ctx, unlock_attempt=lambda p, c: unlock.verify(store, passphrase=p), has_passphrase=True
        )
        qtbot.addWidget(window)
        window.show()
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        presenter = QWidget()
        presenter.setProperty("safe_while_locked", True)
        qtbot.addWidget(presenter)
        presenter.show()
        dialog = QDialog(window)
        dialog.show()
        window.lock()
        assert not other.isVisible() and not dialog.isVisible()
        assert presenter.isVisible()
        window.lock_screen.panel.secret.setText(PASS)
        window.lock_screen.panel.submit()
        assert other.isVisible()
    finally:
        store.close()


def test_input_resets_the_idle_clock(qtbot, sync_tasks, raw_db, tmp_path):
    from facilitator.ui.idle import IdleWatcher

    watcher = IdleWatcher(0.001)  # 60 ms
    QApplication.instance().installEventFilter(watcher)
    try:
        fired = []
        watcher.idle.connect(lambda: fired.append(True))
        qtbot.waitUntil(lambda: bool(fired), timeout=2000)
        watcher.poke()
        fired.clear()
        watcher.set_minutes(0)
        qtbot.wait(150)
        assert not fired and not watcher.active  # 0 means never
    finally:
        QApplication.instance().removeEventFilter(watcher)
