"""The key file: real KDF defaults, wrong key vs damaged file, atomic 0600 writes."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest

from facilitator.errors import CorruptStoreError, DiskFullError, WrongKeyError
from facilitator.store import keyfile as kfmod
from facilitator.store import service
from facilitator.store.keyfile import KeyFile, keyfile_path, passphrase_bytes

from .conftest import PASS


def test_created_store_uses_real_kdf_defaults(tmp_path, no_keyring, monkeypatch):
    monkeypatch.delenv("FACILITATOR_KDF_PROFILE")
    created = service.create_store(tmp_path / "s.db", passphrase=PASS)
    created.close()
    kpath = keyfile_path(tmp_path / "s.db")
    doc = json.loads(kpath.read_text())
    pslot = next(s for s in doc["slots"] if s["type"] == "passphrase")
    assert pslot["kdf"]["name"] == "argon2id"
    assert pslot["kdf"]["memory_kib"] >= 65536 and pslot["kdf"]["iterations"] >= 3
    rslot = next(s for s in doc["slots"] if s["type"] == "recovery")
    assert rslot["kdf"]["name"] == "argon2id" and rslot["kdf"]["memory_kib"] >= 19456
    assert stat.S_IMODE(kpath.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "s.db").stat().st_mode) == 0o600
    # nothing secret in the file: the passphrase and the key never appear
    assert PASS not in kpath.read_text()
    assert created.key.hex() not in kpath.read_text()


def test_wrong_secret_vs_damaged_file():
    key = os.urandom(32)
    kf = KeyFile.new(key)
    kf.add_slot("passphrase", passphrase_bytes(PASS), key)
    assert kf.unlock("passphrase", passphrase_bytes(PASS)) == key
    with pytest.raises(WrongKeyError):
        kf.unlock("passphrase", passphrase_bytes("not the passphrase"))
    damaged = KeyFile.from_bytes(kf.to_bytes())
    damaged.key_check = bytes(32)
    with pytest.raises(CorruptStoreError, match="key check"):
        damaged.unlock("passphrase", passphrase_bytes(PASS))


def test_slot_bound_to_its_store_and_params():
    key = os.urandom(32)
    kf = KeyFile.new(key)
    kf.add_slot("passphrase", passphrase_bytes(PASS), key)
    doc = json.loads(kf.to_bytes())
    doc["store_id"] = "0" * 32  # slot moved to another store
    moved = KeyFile.from_bytes(json.dumps(doc).encode())
    with pytest.raises(WrongKeyError):
        moved.unlock("passphrase", passphrase_bytes(PASS))
    doc = json.loads(kf.to_bytes())
    doc["slots"][0]["type"] = "recovery"  # relabelled slot
    with pytest.raises(WrongKeyError):
        KeyFile.from_bytes(json.dumps(doc).encode()).unlock("recovery", passphrase_bytes(PASS))


def test_arabic_passphrase_in_either_unicode_form():
    key = os.urandom(32)
    kf = KeyFile.new(key)
    composed = "كلمة سر طويلة آمنة"  # contains ALEF WITH MADDA (composed form)
    kf.add_slot("passphrase", passphrase_bytes(composed), key)
    import unicodedata

    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert kf.unlock("passphrase", passphrase_bytes(decomposed)) == key


@pytest.mark.parametrize(
    "data",
    [b"", b"{not json", b'{"format": "other"}', b'{"format": "facilitator-keys", "version": 1}'],
)
def test_garbage_key_file_is_reported_as_damaged(tmp_path, data):
    p = tmp_path / "x.keys"
    p.write_bytes(data)
    with pytest.raises(CorruptStoreError, match="damaged"):
        KeyFile.load(p)


def test_tampered_kdf_cost_refused():
    key = os.urandom(32)
    kf = KeyFile.new(key)
    kf.add_slot("passphrase", passphrase_bytes(PASS), key)
    doc = json.loads(kf.to_bytes())
    doc["slots"][0]["kdf"]["memory_kib"] = 1 << 40
    with pytest.raises(CorruptStoreError, match="impossible"):
        KeyFile.from_bytes(json.dumps(doc).encode()).unlock("passphrase", passphrase_bytes(PASS))


def test_disk_full_while_writing_key_file_keeps_old_file(tmp_path, monkeypatch):
    key = os.urandom(32)
    kf = KeyFile.new(key)
    kf.add_slot("passphrase", passphrase_bytes(PASS), key)
    path = tmp_path / "s.db.keys"
    kf.save(path)
    before = path.read_bytes()
    kf.add_slot("passphrase", passphrase_bytes("another passphrase"), key)

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kfmod.atomic_write.__globals__["os"], "write", full)
    with pytest.raises(DiskFullError, match="disk is full"):
        kf.save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("*keys*")) == ["s.db.keys"]  # no temp left
