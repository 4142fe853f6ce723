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

    context = AppContext(raw_db, "en", SyncTaskRunner(),
                         AppSettings(tmp_path / "settings.ini"))
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
