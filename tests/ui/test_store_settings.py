"""Settings > Your records: change the passphrase, back up, and a new passphrase after the
recovery code (issue 12 item 13). Everything is checked against the real store files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.errors import WrongKeyError
from facilitator.store import service

OLD = "a quiet room with tea"
NEW = "the kettle sings at seven"


@pytest.fixture
def store_path(tmp_path, no_keyring):
    path = tmp_path / "store" / "facilitator.db"
    created = service.create_store(path, passphrase=OLD, use_keyring=False)
    created.close()
    return path, created.recovery_code


def test_change_passphrase_from_settings(qtbot, store_path, sync_tasks, tmp_path):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.settings_dialog import SettingsDialog

    path, _code = store_path
    store = service.open_store(path, passphrase=OLD, use_keyring=False)
    try:
        ctx = AppContext(store.db, "en", sync_tasks, AppSettings(tmp_path / "s.ini"))
        ctx.store = store
        settings = SettingsDialog(ctx)
        qtbot.addWidget(settings)
        settings.show()
        assert settings.passphrase_button.isVisible() and settings.backup_button.isVisible()
        qtbot.mouseClick(settings.passphrase_button, Qt.MouseButton.LeftButton)
        dialog = settings.passphrase_dialog
        qtbot.keyClicks(dialog.pass1, NEW)
        qtbot.keyClicks(dialog.pass2, NEW[:-1])
        assert dialog.error.isVisible() and not dialog.ok.isEnabled()
        qtbot.keyClicks(dialog.pass2, NEW[-1])
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.changed
    finally:
        store.close()
    with service.open_store(path, passphrase=NEW, use_keyring=False) as reopened:
        assert reopened.unlocked_by == "passphrase"
    with pytest.raises(WrongKeyError):
        service.open_store(path, passphrase=OLD, use_keyring=False)


def test_back_up_here_and_to_a_usb_stick(qtbot, store_path, sync_tasks, tmp_path, monkeypatch):
    from facilitator.store.backup import generation_paths
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.store_settings import BackupDialog

    path, _code = store_path
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(stick / "copy.db"), ""))
    )
    store = service.open_store(path, passphrase=OLD, use_keyring=False)
    try:
        ctx = AppContext(store.db, "en", sync_tasks, AppSettings(tmp_path / "s.ini"))
        dialog = BackupDialog(ctx, store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "No backup" in dialog.status.text()
        before = len(generation_paths(path))
        qtbot.mouseClick(dialog.now_button, Qt.MouseButton.LeftButton)
        assert len(generation_paths(path)) == before + 1
        assert "1 backups" in dialog.status.text() or "backups kept" in dialog.status.text()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert dialog.written == stick / "copy.db"
    finally:
        store.close()
    with service.open_store(stick / "copy.db", passphrase=OLD, use_keyring=False) as copy:
        assert copy.unlocked_by == "passphrase"


def test_recovery_code_unlock_offers_a_new_passphrase(
    qtbot, store_path, sync_tasks, message_boxes, monkeypatch
):
    from facilitator.ui import store_settings

    path, code = store_path
    store = service.open_store(path, recovery_code=code, use_keyring=False)
    try:
        assert store.unlocked_by == "recovery"

        def fill(dialog):
            dialog.pass1.setText(NEW)
            dialog.pass2.setText(NEW)
            dialog.save()
            return dialog.result()

        monkeypatch.setattr(store_settings.PassphraseDialog, "exec", fill)
        message_boxes.answer = QMessageBox.StandardButton.Yes
        assert store_settings.offer_new_passphrase(sync_tasks, store)
        assert message_boxes[-1][0] == "question"
    finally:
        store.close()
    with service.open_store(path, passphrase=NEW, use_keyring=False) as reopened:
        assert reopened.unlocked_by == "passphrase"


def test_no_offer_after_an_ordinary_unlock(store_path, sync_tasks, message_boxes):
    from facilitator.ui import store_settings

    path, _code = store_path
    with service.open_store(path, passphrase=OLD, use_keyring=False) as store:
        assert not store_settings.offer_new_passphrase(sync_tasks, store)
    assert not message_boxes


def test_lock_screen_recovery_code_offers_a_new_passphrase(
    qtbot, store_path, sync_tasks, tmp_path, message_boxes
):
    from facilitator.app import unlock as store_access
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.main_window import MainWindow

    path, code = store_path
    store = service.open_store(path, passphrase=OLD, use_keyring=False)
    try:
        ctx = AppContext(store.db, "en", sync_tasks, AppSettings(tmp_path / "s.ini"))
        ctx.store = store
        window = MainWindow(
            ctx,
            unlock_attempt=lambda p, c: store_access.verify(store, passphrase=p, recovery_code=c),
            has_passphrase=True,
        )
        qtbot.addWidget(window)
        window.show()
        window.lock()
        panel = window.lock_screen.panel
        qtbot.mouseClick(panel.switch_btn, Qt.MouseButton.LeftButton)  # forgot it
        assert panel.recovery_mode
        panel.secret.setText(code)
        qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
        assert not ctx.locked
        qtbot.waitUntil(lambda: any(kind == "question" for kind, *_ in message_boxes))
        assert "recovery code" in message_boxes[-1][2]
    finally:
        store.close()
