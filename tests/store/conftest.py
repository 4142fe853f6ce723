"""Store test fixtures: cheap KDF settings for speed, and explicit keyring setups.

``FACILITATOR_KDF_PROFILE=test`` only lowers the Argon2id cost of new key slots so
tests that are not about the KDF stay fast; ``test_keyfile.py`` checks the real
defaults with the variable removed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
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
    """Name -> sha256 of every file under ``folder`` (to prove nothing changed).

    ``.unlock-failures`` is left out: a failed unlock is *meant* to be counted there
    (times only) so the next unlock can put it in the audit log
    (tests/supervision/test_audit_chain.py checks that)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith((".lock", ".unlock-failures"))
    }


@pytest.fixture
def small_tmpfs(tmp_path):
    """A real 2 MiB filesystem (root only) to fill up and to remount read-only.

    Why a real one: SQLite's reaction to ENOSPC happens inside C code that no Python
    monkeypatch reaches, so only a genuinely full filesystem shows what a user sees.
    """
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        pytest.skip("needs root to mount a tmpfs")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip("mount is not permitted here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)
