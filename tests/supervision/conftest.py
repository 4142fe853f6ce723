"""Fixtures for supervision tests: a store with an owner and more users, cheap KDF."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

PASS = "a long enough passphrase"
SUP_PASS = "supervisor passphrase 1"
FAC_PASS = "facilitator passphrase 1"
TRN_PASS = "trainer passphrase 11"
ADM_PASS = "second admin passphrase"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path, no_keyring):
    from facilitator.store import service

    st = service.create_store(tmp_path / "s.db", passphrase=PASS)
    yield st
    st.close()


@pytest.fixture
def people(store):
    """owner (admin+facilitator+supervisor), sam (supervisor), fay (facilitator),
    tom (trainer), ada (administrator only): principals by name."""
    from facilitator.app import users

    owner = users.sign_in(store, None, PASS)
    users.add_user(store, owner, "sam", ["supervisor"], SUP_PASS)
    users.add_user(store, owner, "fay", ["facilitator"], FAC_PASS)
    users.add_user(store, owner, "tom", ["trainer"], TRN_PASS)
    users.add_user(store, owner, "ada", ["administrator"], ADM_PASS)
    out = {"owner": owner}
    for name, pw in (("sam", SUP_PASS), ("fay", FAC_PASS), ("tom", TRN_PASS), ("ada", ADM_PASS)):
        out[name] = users.sign_in(store, name, pw)
    return out
