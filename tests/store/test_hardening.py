"""Issue 10, item by item: restore verifies content, a foreign WAL is set aside before
anything is written, a changed passphrase is revoked everywhere the app keeps a key file,
secret files are read with a bound, absurd Argon2 settings are refused before deriving,
no core dumps, the lock follows symlinks, killed commands' temp files are cleaned, a
failed init keeps what was there, and a hanging keyring costs one timeout and never a
lock-out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import keyring
import pytest
import sqlcipher3
from keyring.backend import KeyringBackend
from sqlalchemy import select

from facilitator.cli.main import main
from facilitator.errors import (
    CorruptStoreError,
    InputError,
    KeyUnavailableError,
    StoreLockedError,
    WrongKeyError,
)
from facilitator.store import backup, secrets, service
from facilitator.store.db import _key_pragma
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.models import Group

from .conftest import PASS, snapshot

P2 = "a second long passphrase"


def _store(path, *, groups=3, passphrase=PASS):
    created = service.create_store(path, passphrase=passphrase)
    with created.db.unit() as s:
        for i in range(groups):
            s.add(Group(name=f"g{i}", program_type="general"))
    return created


def _names(st):
    with st.db.unit() as s:
        return sorted(s.scalars(select(Group.name)))


# -- restore ---------------------------------------------------------------------------


def test_restore_refuses_empty_files_and_empty_databases(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    code = st.recovery_code
    key = st.key
    st.close()
    before = snapshot(tmp_path)
    empty = tmp_path / "empty.bak"
    empty.write_bytes(b"")
    keyfile_path(empty).write_bytes(keyfile_path(db).read_bytes())
    with pytest.raises(CorruptStoreError, match="empty"):
        backup.restore(empty, db, passphrase=PASS)
    # a valid encrypted file under the right key, but with no tables at all
    hollow = tmp_path / "hollow.bak"
    conn = sqlcipher3.connect(str(hollow))
    conn.execute(_key_pragma(key))
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    keyfile_path(hollow).write_bytes(keyfile_path(db).read_bytes())
    with pytest.raises(CorruptStoreError, match="empty database|not a complete"):
        backup.restore(hollow, db, passphrase=PASS)
    with pytest.raises(InputError, match="live store itself"):
        backup.restore(db, db, recovery_code=code)
    with pytest.raises(InputError, match="device"):
        backup.restore(db, "/dev/null", recovery_code=code)
    after = snapshot(tmp_path)
    for name in ("empty.bak", "empty.bak.keys", "hollow.bak", "hollow.bak.keys"):
        after.pop(name, None)
    assert {k: v for k, v in after.items() if not k.startswith("s.db-")} == {
        k: v for k, v in before.items() if not k.startswith("s.db-")
    }


def test_restore_shows_a_summary_and_the_cli_needs_yes(tmp_path, no_keyring, capsys):
    db = tmp_path / "s.db"
    st = _store(db)
    service.backup_store(st, tmp_path / "b.bak")
    with st.db.unit() as s:
        s.add(Group(name="later", program_type="general"))
    st.close()
    seen = []
    with pytest.raises(InputError, match="cancelled"):
        backup.restore(
            tmp_path / "b.bak",
            db,
            passphrase=PASS,
            confirm=lambda summary: seen.append(summary) or False,
        )
    assert seen[0].groups == 3 and seen[0].sessions == 0 and seen[0].revision
    with service.open_store(db, passphrase=PASS) as st:
        assert len(_names(st)) == 4  # cancelled: nothing changed
    pp = tmp_path / "pp.txt"
    pp.write_text(PASS + "\n")
    argv = [
        "db",
        "restore",
        "--db",
        str(db),
        "--from",
        str(tmp_path / "b.bak"),
        "--passphrase-file",
        str(pp),
    ]
    assert main(argv) == 1
    out = capsys.readouterr()
    assert "groups: 3" in out.out and "last session: none" in out.out and "--yes" in out.err
    assert main(argv + ["--yes"]) == 0
    with service.open_store(db, passphrase=PASS) as st:
        assert _names(st) == ["g0", "g1", "g2"]


def test_restore_refuses_an_unknown_schema_revision(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    with st.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'from_the_future'")
    service.backup_store(st, tmp_path / "b.bak")
    with st.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    st.close()
    with pytest.raises(CorruptStoreError, match="not one this version"):
        backup.restore(tmp_path / "b.bak", db, passphrase=PASS)


def test_restore_keeps_the_latest_credentials(tmp_path, no_keyring):
    """A restore brings the data back, not the backup-time passphrase or code."""
    db = tmp_path / "s.db"
    st = _store(db)
    old_code = st.recovery_code
    service.backup_store(st, tmp_path / "b.bak")  # outside backups/: never rewrapped
    service.change_passphrase(st, P2, current=PASS)
    new_code = service.rekey(st, passphrase=P2)
    st.close()
    # the backup's own key file only knows the old credentials; the live ones unlock it
    with pytest.raises(WrongKeyError):
        backup.restore(tmp_path / "b.bak", db, passphrase=P2)
    result = backup.restore(tmp_path / "b.bak", db, passphrase=P2, recovery_code=old_code)
    assert result.summary.groups == 3
    with service.open_store(db, passphrase=P2) as st:
        assert _names(st) == ["g0", "g1", "g2"]
    with service.open_store(db, recovery_code=new_code) as st:
        assert st.unlocked_by == "recovery"
    with pytest.raises(WrongKeyError):
        service.open_store(db, passphrase=PASS)
    with pytest.raises(WrongKeyError):
        service.open_store(db, recovery_code=old_code)


# -- the write-ahead log -----------------------------------------------------------------


def test_a_foreign_wal_is_set_aside_before_anything_is_written(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db, groups=40)
    st.close()
    size = db.stat().st_size
    other = tmp_path / "o" / "o.db"
    ost = _store(other, groups=2)
    # keep the other store's WAL alive (committed frames not checkpointed) and copy it
    conn = sqlcipher3.connect(str(other))
    conn.execute(_key_pragma(ost.key))
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE frames_from_elsewhere (x)")
    conn.execute("INSERT INTO frames_from_elsewhere VALUES (1)")
    conn.commit()
    foreign = (other.parent / "o.db-wal").read_bytes()
    assert len(foreign) > 0
    conn.close()
    ost.close()
    (tmp_path / "s.db-wal").write_bytes(foreign)
    before = snapshot(tmp_path)
    with pytest.raises(WrongKeyError):  # a wrong passphrase first: nothing is written
        service.open_store(db, passphrase="not the passphrase at all")
    assert snapshot(tmp_path) == before
    with service.open_store(db, passphrase=PASS) as st:
        assert len(_names(st)) == 40
        assert st.notices and "moved aside" in st.notices[0]
    assert db.stat().st_size >= size
    kept = list(tmp_path.glob("s.db-wal.foreign-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == foreign


def test_our_own_wal_after_a_crash_is_replayed(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db, groups=1)
    key = st.key
    st.close()
    script = (
        "import os, sqlcipher3, sys\n"
        f"c = sqlcipher3.connect({str(db)!r}, isolation_level=None)\n"
        f"c.execute('''{_key_pragma(key)}''')\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute('CREATE TABLE crash_marker (x)')\n"
        "c.execute(\"INSERT INTO crash_marker VALUES ('committed before the crash')\")\n"
        "os._exit(9)\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 9, r.stderr
    assert (tmp_path / "s.db-wal").stat().st_size > 0
    with service.open_store(db, passphrase=PASS) as st:
        with st.db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT x FROM crash_marker").fetchall()
        assert rows == [("committed before the crash",)] and not st.notices
    assert not list(tmp_path.glob("*.foreign-*"))


# -- revocation ---------------------------------------------------------------------------


def test_passwd_revokes_the_old_passphrase_in_every_kept_key_file(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    service.backup_store(st)
    service.rekey(st, passphrase=PASS)  # a pre-rekey backup under the OLD database key
    service.backup_store(st)
    result = service.change_passphrase(st, P2, current=PASS)
    kept = service.kept_keyfiles(db)
    assert len(kept) == 3 and result.rewrapped == 3 and result.revoked_only == 0
    for path in kept:
        kf = KeyFile.load(path)
        with pytest.raises(WrongKeyError):
            kf.unlock("passphrase", PASS.encode())
        assert kf.unlock("passphrase", P2.encode())
    with pytest.raises(WrongKeyError):
        KeyFile.load(keyfile_path(db)).unlock("passphrase", PASS.encode())
    # without the current passphrase an older key file cannot be rewrapped: its
    # passphrase slot is removed all the same (revocation wins)
    result = service.change_passphrase(st, "a third long passphrase")
    assert result.rewrapped == 1 and result.revoked_only == 2  # two under the old key
    for path in service.kept_keyfiles(db):
        with pytest.raises(WrongKeyError):
            KeyFile.load(path).unlock("passphrase", P2.encode())
    st.close()


def test_passwd_remove_reaches_the_backups(tmp_path, memory_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    service.backup_store(st)
    service.remove_passphrase(st)
    for path in service.kept_keyfiles(db):
        assert not KeyFile.load(path).has("passphrase")
    st.close()


# -- bounded reads, Argon2 window, core dumps ----------------------------------------------


def test_secret_files_are_read_with_a_bound(tmp_path, no_keyring, capfd):
    started = time.monotonic()
    assert (
        main(["db", "check", "--db", str(tmp_path / "s.db"), "--passphrase-file", "/dev/zero"]) == 1
    )
    assert "too large" in capfd.readouterr().err
    assert (
        main(
            [
                "report",
                "who5-form",
                "--out",
                str(tmp_path / "f.pdf"),
                "--password-file",
                "/dev/zero",
            ]
        )
        == 1
    )
    assert "too large" in capfd.readouterr().err
    assert time.monotonic() - started < 5
    db = tmp_path / "s.db"
    _store(db).close()
    with open(keyfile_path(db), "ab") as f:
        f.write(b" " * (2 << 20))
    with pytest.raises(CorruptStoreError, match="key file"):
        service.open_store(db, passphrase=PASS)


@pytest.mark.parametrize(
    "change",
    [
        {"memory_kib": 4 * 1024 * 1024},
        {"iterations": 64},
        {"lanes": 255},
        {"memory_kib": 1 << 20, "iterations": 8},
    ],
)
def test_absurd_argon2_settings_are_refused_before_deriving(tmp_path, no_keyring, change):
    db = tmp_path / "s.db"
    _store(db).close()
    doc = json.loads(keyfile_path(db).read_text())
    for slot in doc["slots"]:
        if slot["type"] == "passphrase":
            slot["kdf"].update(change)
    keyfile_path(db).write_text(json.dumps(doc))
    started = time.monotonic()
    with pytest.raises(CorruptStoreError, match="impossible key-derivation"):
        service.open_store(db, passphrase=PASS)
    assert time.monotonic() - started < 1


def test_core_dumps_are_disabled_at_start_up():
    script = (
        "import resource\n"
        "from facilitator.cli.main import main\n"
        "from facilitator.store.hardening import dumpable\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), dumpable())\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n")[-2] == "(0, 0) 0"


# -- lock, temp files, init ------------------------------------------------------------------


def test_the_lock_is_taken_on_the_resolved_path(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    _store(db).close()
    link = tmp_path / "alias.db"
    link.symlink_to(db)
    with service.open_store(db, passphrase=PASS):
        with pytest.raises(StoreLockedError):
            service.open_store(link, passphrase=PASS)
    with service.open_store(link, passphrase=PASS) as st:
        assert st.path == db


def test_temp_copies_left_by_killed_commands_are_cleaned(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    service.backup_store(st)
    st.close()
    dead = 4194000  # above any pid_max default: no such process
    stale = [
        tmp_path / f".s.db.keys.tmp-{dead}-abcd",
        tmp_path / f".s.db.restore-{dead}",
        tmp_path / f".s.db.restore-{dead}-wal",
        tmp_path / "backups" / f".s.db-20260101T000000Z-manual.bak.tmp-{dead}",
    ]
    for p in stale:
        p.write_bytes(b"encrypted leftovers")
    (tmp_path / f".s.db.probe-{dead}-ffff").mkdir()
    alive = tmp_path / f".s.db.keys.tmp-{os.getppid()}-beef"
    alive.write_bytes(b"someone is writing this")
    with service.open_store(db, passphrase=PASS):
        pass
    assert not any(p.exists() for p in stale)
    assert not (tmp_path / f".s.db.probe-{dead}-ffff").exists()
    assert alive.exists()


def test_a_failed_init_never_deletes_what_was_there(tmp_path, no_keyring, capfd):
    target = tmp_path / "empty.db"
    target.write_bytes(b"")
    os.chmod(target, 0o640)
    with pytest.raises(Exception):
        service.create_store(target, passphrase=PASS, deliver=lambda code: 1 / 0)
    assert target.exists() and not keyfile_path(target).exists()
    pp = tmp_path / "pp.txt"
    pp.write_text(PASS + "\n")
    assert main(["db", "init", "--db", "/dev/null", "--passphrase-file", str(pp)]) == 1
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_killed_init_is_no_dead_end(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    real_upgrade = service.migrate.upgrade

    def killed(engine):
        raise KeyboardInterrupt  # stands in for the kill; cleanup is bypassed below

    service.migrate.upgrade = killed
    try:
        with pytest.raises(KeyboardInterrupt):
            service.create_store(db, passphrase=PASS)
    finally:
        service.migrate.upgrade = real_upgrade
    assert not db.exists() and not keyfile_path(db).exists()  # cleaned after a failure
    created = service.create_store(db, passphrase=PASS)  # starts over cleanly
    created.close()
    with service.open_store(db, passphrase=PASS) as st:
        assert st.unlocked_by == "passphrase"


def test_an_unfinished_init_is_finished_on_open(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db, groups=0)
    code = st.recovery_code
    st.close()
    kf = KeyFile.load(keyfile_path(db))
    kf.state, kf.delivered = "initializing", True  # killed between key file and schema
    kf.save(keyfile_path(db))
    db.write_bytes(b"")
    with service.open_store(db, recovery_code=code) as st:
        assert _names(st) == [] and st.new_recovery_code is None
    assert KeyFile.load(keyfile_path(db)).state is None
    # an init whose code was never delivered (the app's wizard died): a fresh code
    kf = KeyFile.load(keyfile_path(db))
    kf.state, kf.delivered = "initializing", False
    kf.save(keyfile_path(db))
    with service.open_store(db, passphrase=PASS) as st:
        fresh = st.new_recovery_code
    assert fresh and fresh != code
    with service.open_store(db, recovery_code=fresh) as st:
        assert st.unlocked_by == "recovery"


# -- a slow or hanging keyring -------------------------------------------------------------


class HangingKeyring(KeyringBackend):
    priority = 1

    def __init__(self, hang_get=True, hang_set=True):
        super().__init__()
        self.items = {}
        self.hang_get, self.hang_set = hang_get, hang_set
        self.release = threading.Event()

    def get_password(self, service, username):
        if self.hang_get:
            self.release.wait(30)
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.hang_set:
            self.release.wait(30)
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def hanging(monkeypatch):
    previous = keyring.get_keyring()
    backend = HangingKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setattr(secrets, "TIMEOUT_S", 0.3)
    monkeypatch.setattr(secrets.get_key, "__defaults__", (0.3,))
    monkeypatch.setattr(secrets.set_key, "__defaults__", (0.3,))
    secrets.reset_unresponsive()
    yield backend
    backend.release.set()
    secrets.reset_unresponsive()
    keyring.set_keyring(previous)


def test_init_with_a_hanging_keyring_and_no_passphrase_says_the_truth(tmp_path, hanging, capfd):
    db = tmp_path / "s.db"
    assert main(["db", "init", "--db", str(db)]) == 1
    err = capfd.readouterr().err
    assert "did not store the key" in err and "passphrase" in err
    assert not db.exists() and not keyfile_path(db).exists()
    started = time.monotonic()  # the keyring timed out once: later calls cost nothing
    assert secrets.get_key("abc") is None and secrets.set_key("abc", b"k" * 32) is False
    assert time.monotonic() - started < 0.1


def test_a_code_that_could_not_be_delivered_changes_nothing(tmp_path, no_keyring):
    db = tmp_path / "s.db"
    st = _store(db)
    before = KeyFile.load(keyfile_path(db)).to_bytes()
    offered = []

    def unreadable(code):
        offered.append(code)
        raise InputError("the recovery file could not be read back")

    with pytest.raises(InputError):
        service.rekey(st, passphrase=PASS, deliver=unreadable)
    assert KeyFile.load(keyfile_path(db)).to_bytes() == before
    assert not service.pending_keyfile_path(db).exists()
    with pytest.raises(WrongKeyError):
        KeyFile.load(keyfile_path(db)).unlock("recovery", offered[0].encode())
    assert len(_names(st)) == 3  # the store is still open and usable
    st.close()


def test_a_keyring_write_that_times_out_during_rekey_locks_nobody_out(
    tmp_path, memory_keyring, monkeypatch
):
    db = tmp_path / "s.db"
    st = _store(db, passphrase=None)
    assert st.keyring_used
    monkeypatch.setattr(secrets, "set_key", lambda *a, **k: False)  # a timed-out write
    delivered = []
    result = service.rekey_detailed(st, deliver=delivered.append)
    assert result.keyring_updated is False and delivered == [result.code]
    st.close()
    monkeypatch.undo()
    with pytest.raises(KeyUnavailableError):  # the keyring holds the retired key
        service.open_store(db)
    with service.open_store(db, recovery_code=delivered[0]) as st:
        assert st.keyring_missing_entry and service.restore_keyring_entry(st)
    with service.open_store(db) as st:
        assert len(_names(st)) == 3
