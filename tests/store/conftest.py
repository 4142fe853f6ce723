"""Store test fixtures: cheap KDF settings for speed, and explicit keyring setups.

``FACILITATOR_KDF_PROFILE=test`` only lowers the Argon2id cost of new key slots so
tests that are not about the KDF stay fast; ``test_keyfile.py`` checks the real
defaults with the variable removed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

PASS = "a long enough passphrase"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def snapshot(folder: Path) -> dict[str, str]:
    """Name -> sha256 of every file under ``folder`` (to prove nothing changed)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}
