"""Privacy audit fixtures: a network tripwire around every test, fast key slots and no
OS keyring (tests that want one ask for ``memory_keyring`` from ``tests/conftest.py``).

The tripwire is installed once for the whole ``tests/privacy`` package (so module-scoped
stores are built under it too) and checked after every test: a call that some code
caught and swallowed still fails the test that made it.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from .netguard import NetworkGuard


@pytest.fixture(scope="package", autouse=True)
def _network_tripwire():
    guard = NetworkGuard().install()
    yield guard
    guard.uninstall()


@pytest.fixture(autouse=True)
def no_network(_network_tripwire):
    """Fail the test if anything tried to reach the network while it ran."""
    before = len(_network_tripwire.calls)
    yield _network_tripwire
    made = _network_tripwire.calls[before:]
    if made:
        pytest.fail("network calls were attempted: " + "; ".join(made), pytrace=False)


@pytest.fixture(scope="package", autouse=True)
def _privacy_environment():
    """Cheap Argon2 slots (the KDF cost is not what these tests are about) and a
    keyring that refuses, as on a machine without one."""
    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACILITATOR_KDF_PROFILE", "test")
        keyring.set_keyring(fail.Keyring())
        yield
    keyring.set_keyring(previous)
