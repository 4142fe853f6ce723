"""Key custody round trips: keyring, passphrase, recovery code, rekey."""

from __future__ import annotations

import time

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from sqlalchemy import select

from facilitator.errors import (
    CorruptStoreError,
    KeyUnavailableError,
    RecoveryCodeTypo,
    StoreLockedError,
    WrongKeyError,
)
from facilitator.store import secrets, service
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.models import AuditEvent, Group

from .conftest import PASS, snapshot


def _add_group(db, name="Tuesday circle"):
    with db.unit() as s:
        s.add(Group(name=name, program_type="grief"))


def _groups(db):
    with db.unit() as s:
        return sorted(s.scalars(select(Group.name)))


def _actions(db):
    with db.unit() as s:
        return [a for a in s.scalars(select(AuditEvent.action).order_by(AuditEvent.at))]


def test_keyring_round_trip_and_lost_entry(tmp_path, memory_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=None)
    assert created.keyring_used
    code = created.recovery_code
    _add_group(created.db)
    created.close()
    assert ("facilitator", f"store-{created.store_id}") in memory_keyring.items
    with service.open_store(path) as st:
        assert st.unlocked_by == "keyring" and not st.keyring_missing_entry
        assert _groups(st.db) == ["Tuesday circle"]
    memory_keyring.items.clear()  # the OS lost the entry
    with pytest.raises(KeyUnavailableError, match="keyring does not hold"):
        service.open_store(path)
    with service.open_store(path, recovery_code=code) as st:
        assert st.unlocked_by == "recovery" and st.keyring_missing_entry
        assert service.restore_keyring_entry(st)
        assert "keyring_restored" in _actions(st.db)
    with service.open_store(path) as st:
        assert st.unlocked_by == "keyring"
        assert _actions(st.db).count("unlock") == 3


def test_no_real_keyring_requires_passphrase(tmp_path, no_keyring):
    with pytest.raises(KeyUnavailableError, match="needs a passphrase"):
        service.create_store(tmp_path / "s.db", passphrase=None)
    assert not (tmp_path / "s.db").exists() and not keyfile_path(tmp_path / "s.db").exists()
    created = service.create_store(tmp_path / "s.db", passphrase=PASS)
    assert not created.keyring_used
    created.close()
    with pytest.raises(KeyUnavailableError):
        service.open_store(tmp_path / "s.db")
    with service.open_store(tmp_path / "s.db", passphrase=PASS) as st:
        assert st.unlocked_by == "passphrase" and not st.keyring_missing_entry


def test_wrong_passphrase_and_typo_leave_files_identical(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    code = created.recovery_code
    _add_group(created.db)
    created.close()
    before = snapshot(tmp_path)
    with pytest.raises(WrongKeyError, match="passphrase is not correct"):
        service.open_store(path, passphrase="not my passphrase")
    typo = ("X" if code[6] != "X" else "Y").join([code[:6], code[7:]])
    with pytest.raises(RecoveryCodeTypo, match="Group 2"):
        service.open_store(path, recovery_code=typo)
    other = service.create_store(tmp_path / "other.db", passphrase=PASS)
    other.close()
    before_other = snapshot(tmp_path)
    with pytest.raises(WrongKeyError, match="recovery code does not open"):
        service.open_store(path, recovery_code=other.recovery_code)
    assert snapshot(tmp_path) == before_other
    assert {k: v for k, v in before_other.items() if not k.startswith("other")} == before


def test_change_and_remove_passphrase(tmp_path, memory_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    key = created.key
    service.change_passphrase(created, "a brand new passphrase")
    created.close()
    kf = KeyFile.load(keyfile_path(path))
    assert len(kf.slots_of("passphrase")) == 1
    with pytest.raises(WrongKeyError):
        service.open_store(path, passphrase=PASS, use_keyring=False)
    with service.open_store(path, passphrase="a brand new passphrase", use_keyring=False) as st:
        assert st.key == key  # rewrapped only: same database key
        service.remove_passphrase(st)
        assert "passphrase_changed" in _actions(st.db)
    assert not KeyFile.load(keyfile_path(path)).has("passphrase")


def test_remove_passphrase_refused_without_keyring(tmp_path, no_keyring):
    created = service.create_store(tmp_path / "s.db", passphrase=PASS)
    with pytest.raises(KeyUnavailableError):
        service.remove_passphrase(created)
    created.close()
    assert KeyFile.load(keyfile_path(tmp_path / "s.db")).has("passphrase")


def test_rekey_rotates_key_and_recovery_code(tmp_path, memory_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    old_key, old_code = created.key, created.recovery_code
    _add_group(created.db)
    with pytest.raises(WrongKeyError):
        service.rekey(created, passphrase="wrong passphrase!")
    new_code = service.rekey(created, passphrase=PASS)
    assert created.key != old_key and new_code != old_code
    _add_group(created.db, "after rekey")
    created.close()
    with service.open_store(path) as st:  # keyring updated with the new key
        assert st.unlocked_by == "keyring" and st.key != old_key
    with pytest.raises(WrongKeyError):
        service.open_store(path, recovery_code=old_code, use_keyring=False)
    with service.open_store(path, recovery_code=new_code, use_keyring=False) as st:
        assert _groups(st.db) == ["Tuesday circle", "after rekey"]
        assert "rekey" in _actions(st.db)
    with service.open_store(path, passphrase=PASS, use_keyring=False) as st:
        assert st.unlocked_by == "passphrase"
    # the pre-rekey backup keeps its own (old) database key, but its key file now
    # follows the live credentials: the NEW code opens it, the old code opens nothing
    from facilitator.store.backup import generation_paths, verify_copy

    pre = [p for p in generation_paths(path) if "pre-rekey" in p.name]
    assert len(pre) == 1
    kept = KeyFile.load(keyfile_path(pre[0]))
    assert kept.unlock("recovery", new_code.encode()) == old_key
    with pytest.raises(WrongKeyError):
        kept.unlock("recovery", old_code.encode())
    assert kept.unlock("passphrase", PASS.encode()) == old_key
    verify_copy(pre[0], old_key)


def test_interrupted_rekey_is_completed_on_next_open(tmp_path, no_keyring, monkeypatch):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    _add_group(created.db)
    real_save = KeyFile.save

    main_saves = []

    def crash_on_final_save(self, p):
        if p == keyfile_path(path):
            main_saves.append(p)
            if len(main_saves) == 2:  # the 1st adds the new code's slot; the 2nd swaps
                raise KeyboardInterrupt("simulated crash after PRAGMA rekey")
        real_save(self, p)

    monkeypatch.setattr(KeyFile, "save", crash_on_final_save)
    with pytest.raises(KeyboardInterrupt):
        service.rekey(created, passphrase=PASS)
    monkeypatch.undo()
    created.lock.release()
    assert service.pending_keyfile_path(path).exists()
    with service.open_store(path, passphrase=PASS) as st:
        assert st.new_recovery_code
        assert _groups(st.db) == ["Tuesday circle"]
        fresh = st.new_recovery_code
    assert not service.pending_keyfile_path(path).exists()
    with service.open_store(path, recovery_code=fresh) as st:
        assert st.unlocked_by == "recovery" and st.new_recovery_code is None


def test_second_instance_refused(tmp_path, no_keyring):
    created = service.create_store(tmp_path / "s.db", passphrase=PASS)
    with pytest.raises(StoreLockedError, match="already open"):
        service.open_store(tmp_path / "s.db", passphrase=PASS)
    created.close()
    service.open_store(tmp_path / "s.db", passphrase=PASS).close()


class _SlowKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def get_password(self, service, username):
        time.sleep(3)
        return None

    def set_password(self, service, username, password):
        time.sleep(3)

    def delete_password(self, service, username):
        pass


class PlaintextKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def get_password(self, s, u):
        return None

    def set_password(self, s, u, p):
        pass

    def delete_password(self, s, u):
        pass


def test_backend_classification(memory_keyring):
    assert secrets.is_real_backend(memory_keyring)
    assert not secrets.is_real_backend(fail.Keyring())
    assert not secrets.is_real_backend(null.Keyring())
    assert not secrets.is_real_backend(PlaintextKeyring())
    alt = type("Keyring", (PlaintextKeyring,), {"__module__": "keyrings.alt.file"})
    assert not secrets.is_real_backend(alt())

    def chain(*members):
        return type("Chain", (chainer.ChainerBackend,), {"backends": list(members)})()

    assert not secrets.is_real_backend(chain())
    assert secrets.is_real_backend(chain(memory_keyring))
    assert not secrets.is_real_backend(chain(memory_keyring, PlaintextKeyring()))


def test_hung_keyring_times_out(tmp_path):
    previous = keyring.get_keyring()
    keyring.set_keyring(_SlowKeyring())
    try:
        t0 = time.monotonic()
        assert secrets.get_key("abc", timeout=0.3) is None
        assert secrets.set_key("abc", b"k" * 32, timeout=0.3) is False
        assert time.monotonic() - t0 < 2
    finally:
        keyring.set_keyring(previous)


def test_key_file_swapped_for_another_store(tmp_path, no_keyring):
    a = service.create_store(tmp_path / "a.db", passphrase=PASS)
    a.close()
    b = service.create_store(tmp_path / "b.db", passphrase=PASS)
    b.close()
    keyfile_path(tmp_path / "a.db").write_bytes(keyfile_path(tmp_path / "b.db").read_bytes())
    before = snapshot(tmp_path)
    with pytest.raises(CorruptStoreError, match="does not open with its own key"):
        service.open_store(tmp_path / "a.db", passphrase=PASS)
    assert snapshot(tmp_path) == before


class _BrokenKeyring(_SlowKeyring):
    def get_password(self, service, username):
        from keyring.errors import KeyringLocked

        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        from keyring.errors import KeyringLocked

        raise KeyringLocked("locked")


def test_locked_keyring_falls_back_to_passphrase(tmp_path):
    previous = keyring.get_keyring()
    keyring.set_keyring(_BrokenKeyring())
    try:
        created = service.create_store(tmp_path / "s.db", passphrase=PASS)
        assert not created.keyring_used
        created.close()
        with service.open_store(tmp_path / "s.db", passphrase=PASS) as st:
            assert st.unlocked_by == "passphrase" and st.keyring_missing_entry
    finally:
        keyring.set_keyring(previous)


def test_unlock_options_and_plain_sqlite_refuses(tmp_path, no_keyring):
    import sqlite3

    path = tmp_path / "s.db"
    opts = service.unlock_options(path)
    assert not opts.exists and not opts.keyring_available
    service.create_store(path, passphrase=PASS).close()
    opts = service.unlock_options(path)
    assert opts.exists and opts.has_passphrase and opts.has_recovery
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_sigkill_right_after_pragma_rekey_is_recovered(tmp_path, no_keyring):
    """The nastiest moment: rekey committed to the WAL, nothing checkpointed, key file
    not yet swapped. The next open must finish the job with all data intact."""
    import subprocess
    import sys
    import textwrap

    from facilitator.store.db import integrity_problems

    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    for i in range(30):
        _add_group(created.db, f"group {i:02d}")
    created.close()
    script = textwrap.dedent(f"""
        import os, keyring
        from keyring.backends import fail
        keyring.set_keyring(fail.Keyring())
        from facilitator.store import service

        real = service.raw_connect

        class Dying:
            def __init__(self, conn):
                self.conn = conn
            def execute(self, sql, *a):
                result = self.conn.execute(sql, *a)
                if sql.startswith("PRAGMA rekey"):
                    os._exit(9)  # like SIGKILL: no close, no checkpoint
                return result
            def close(self):
                self.conn.close()

        service.raw_connect = lambda p, k, **kw: Dying(real(p, k, **kw))
        st = service.open_store({str(path)!r}, passphrase={PASS!r})
        service.rekey(st, passphrase={PASS!r})
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 9, r.stderr
    assert service.pending_keyfile_path(path).exists()
    with service.open_store(path, passphrase=PASS) as st:
        assert st.new_recovery_code
        assert len(_groups(st.db)) == 30
        key = st.key
    assert integrity_problems(path, key) == []
    with service.open_store(path, recovery_code=st.new_recovery_code) as st2:
        assert st2.key == key
