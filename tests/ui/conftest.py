"""Fixtures for widget tests: an AppContext over a real temporary store.

``ctx`` uses the synchronous task runner so a test can click and then assert on the
store at once; ``threaded_ctx`` uses the real runner (call ``ctx.tasks.wait_idle()``).
"""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, raw_db, tmp_path):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    context = AppContext(raw_db, "en", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"))
    yield context


@pytest.fixture
def threaded_ctx(qapp, raw_db, tmp_path):
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import TaskRunner

    runner = TaskRunner()
    context = AppContext(raw_db, "en", runner, AppSettings(tmp_path / "settings.ini"))
    yield context
    runner.shutdown()


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    """Argon2 at test strength: the UI tests exercise flows, not the KDF's cost."""
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")


@pytest.fixture
def no_keyring(monkeypatch):
    """A machine without a real system keyring (headless Linux)."""
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def sync_tasks(qapp):
    from facilitator.ui.tasks import SyncTaskRunner

    return SyncTaskRunner()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch, qapp):
    """Static QMessageBox calls answer at once and are recorded here.

    Why: a modal box opened with no one to press a key blocks the event loop for
    ever (CI once hung 90 minutes on a confirmation shown while pytest-qt closed a
    wizard). A question answers No, so nothing destructive happens by default; a
    test that wants another answer sets ``message_boxes.answer``.
    """
    from PySide6.QtWidgets import QMessageBox

    class Recorder(list):
        answer = QMessageBox.StandardButton.No

    calls = Recorder()

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            calls.append((kind, title, text))
            if kind == "question":
                return calls.answer
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return calls


@pytest.fixture(autouse=True)
def _app_look_restored(qapp):
    """Whatever a test does to the application's look (``theme.apply_theme`` sets the
    style, palette, font and style sheet app-wide), the next test starts from the
    same look: a leaked theme font once shrank the presenter's rules in a later test."""
    saved = qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name()
    yield
    qapp.setStyleSheet(saved[0])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[2])
    if qapp.style().name() != saved[3]:
        qapp.setStyle(saved[3])
