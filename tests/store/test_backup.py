"""Backups are verified before they appear; restore never replaces the live store
with something that does not open."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from facilitator.errors import CorruptStoreError, StoreLockedError, WrongKeyError
from facilitator.store import backup, service
from facilitator.store.db import integrity_problems, is_probably_sqlcipher
from facilitator.store.keyfile import keyfile_path
from facilitator.store.models import AuditEvent, Group

from .conftest import PASS, snapshot


def _names(st):
    with st.db.unit() as s:
        return sorted(s.scalars(select(Group.name)))


def _add(st, name):
    with st.db.unit() as s:
        s.add(Group(name=name, program_type="general"))


def test_generations_are_kept_and_pruned(tmp_path, no_keyring):
    created = service.create_store(tmp_path / "s.db", passphrase=PASS)
    for i in range(9):
        service.backup_store(created, keep=7)
    gens = backup.generation_paths(tmp_path / "s.db")
    assert len(gens) == 7
    for g in gens:
        assert keyfile_path(g).exists() and is_probably_sqlcipher(g)
        assert integrity_problems(g, created.key) == []
    with created.db.unit() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "backup")).all()
    created.close()


def test_backup_and_restore_round_trip(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    code = created.recovery_code
    _add(created, "before backup")
    out = service.backup_store(created, tmp_path / "out" / "copy.bak")
    _add(created, "after backup")
    with pytest.raises(StoreLockedError):
        backup.restore(out, path, passphrase=PASS)
    created.close()
    result = backup.restore(out, path, recovery_code=code)
    assert result.unlocked_by == "recovery"
    with service.open_store(path, passphrase=PASS) as st:
        assert _names(st) == ["before backup"]
    with service.open_store(result.replaced, passphrase=PASS) as old:
        assert _names(old) == ["after backup", "before backup"]


@pytest.mark.parametrize("damage", ["flip", "truncate", "wrong_passphrase"])
def test_bad_backup_never_replaces_live(tmp_path, no_keyring, damage):
    path = tmp_path / "live" / "s.db"
    created = service.create_store(path, passphrase=PASS)
    _add(created, "live data")
    out = service.backup_store(created, tmp_path / "copy.bak")
    created.close()
    data = out.read_bytes()
    if damage == "flip":
        out.write_bytes(data[:5000] + bytes(b ^ 1 for b in data[5000:5100]) + data[5100:])
    elif damage == "truncate":
        out.write_bytes(data[: len(data) // 2])
    before = snapshot(tmp_path / "live")
    expected = WrongKeyError if damage == "wrong_passphrase" else CorruptStoreError
    with pytest.raises(expected):
        backup.restore(
            out, path, passphrase="not the passphrase" if damage == "wrong_passphrase" else PASS
        )
    assert snapshot(tmp_path / "live") == before
    with service.open_store(path, passphrase=PASS) as st:
        assert _names(st) == ["live data"]
