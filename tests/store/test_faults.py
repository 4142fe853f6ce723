"""Bad files and failing disks: a clear error, and nothing already saved is lost."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, select

from facilitator.errors import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
    StoreLockedError,
)
from facilitator.store import service
from facilitator.store.keyfile import keyfile_path
from facilitator.store.models import Note

from .conftest import PASS, snapshot


def _store_with_notes(tmp_path: Path, n: int = 50) -> Path:
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    from facilitator.store.models import Group

    with created.db.unit() as s:
        g = Group(name="g", program_type="general")
        s.add(g)
        s.flush()
        for i in range(n):
            s.add(Note(group_id=g.id, body=f"note {i} " + "x" * 500))
    created.close()
    return path


def _note_count(st) -> int:
    with st.db.unit() as s:
        return len(s.scalars(select(Note.id)).all())


@pytest.mark.parametrize(
    "damage",
    ["truncate_half", "truncate_tiny", "flip_bytes", "zeros", "plain_sqlite", "text_file", "empty"],
)
def test_damaged_database_is_reported_and_left_byte_identical(tmp_path, no_keyring, damage):
    path = _store_with_notes(tmp_path)
    data = path.read_bytes()
    if damage == "truncate_half":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "truncate_tiny":
        path.write_bytes(data[:100])
    elif damage == "flip_bytes":
        mid = len(data) // 2
        path.write_bytes(
            data[:mid] + bytes(b ^ 0xFF for b in data[mid : mid + 64]) + data[mid + 64 :]
        )
    elif damage == "zeros":
        path.write_bytes(bytes(len(data)))
    elif damage == "plain_sqlite":
        path.unlink()
        import sqlite3

        c = sqlite3.connect(path)
        c.execute("create table t(x)")
        c.commit()
        c.close()
    elif damage == "text_file":
        path.write_text("this is not a database\n" * 100)
    elif damage == "empty":
        path.write_bytes(b"")
    before = snapshot(tmp_path)
    with pytest.raises(CorruptStoreError) as info:
        st = service.open_store(path, passphrase=PASS)
        # some damage only shows up on reading: then the check must report it
        try:
            from facilitator.store.db import integrity_problems

            problems = integrity_problems(path, st.key)
            _note_count(st)
        finally:
            st.close()
        if problems:
            raise CorruptStoreError("; ".join(problems))
    assert "Traceback" not in str(info.value)
    assert snapshot(tmp_path) == before


def test_missing_key_file(tmp_path, no_keyring):
    path = _store_with_notes(tmp_path, 1)
    keyfile_path(path).unlink()
    before = snapshot(tmp_path)
    with pytest.raises(CorruptStoreError, match="key file .* is missing"):
        service.open_store(path, passphrase=PASS)
    assert snapshot(tmp_path) == before


def test_database_full_rolls_back_and_keeps_committed(tmp_path, no_keyring):
    path = _store_with_notes(tmp_path, 10)
    st = service.open_store(path, passphrase=PASS)
    with st.db.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(st.db.engine, "connect")
    def _cap(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    st.db.engine.dispose()
    group_id = None
    from facilitator.store.models import Group

    with st.db.unit() as s:
        group_id = s.scalars(select(Group.id)).one()
    with pytest.raises(DiskFullError, match="disk is full"):
        with st.db.unit() as s:
            for i in range(200):
                s.add(Note(group_id=group_id, body="y" * 4000))
    assert _note_count(st) == 10
    st.close()
    with service.open_store(path, passphrase=PASS) as st2:
        assert _note_count(st2) == 10


def test_unwritable_folder_on_create(tmp_path, no_keyring, monkeypatch):
    real_open = os.open

    def ro_open(p, flags, *a, **k):
        if str(p).startswith(str(tmp_path / "ro")) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(p))
        return real_open(p, flags, *a, **k)

    (tmp_path / "ro").mkdir()
    monkeypatch.setattr(os, "open", ro_open)
    with pytest.raises(ReadOnlyError, match="read-only"):
        service.create_store(tmp_path / "ro" / "s.db", passphrase=PASS)
    monkeypatch.undo()
    assert list((tmp_path / "ro").iterdir()) == []


def test_real_full_disk_and_read_only_mount(small_tmpfs, no_keyring):
    path = small_tmpfs / "s.db"
    created = service.create_store(path, passphrase=PASS)
    from facilitator.store.models import Group

    with created.db.unit() as s:
        s.add(Group(name="kept", program_type="general"))
    with pytest.raises(DiskFullError):
        for _ in range(100):
            with created.db.unit() as s:
                gid = s.scalars(select(Group.id)).first()
                for i in range(20):
                    s.add(Note(group_id=gid, body=os.urandom(4000).hex()))
    committed = _note_count(created)
    with pytest.raises(DiskFullError, match="disk is full"):
        service.backup_store(created, small_tmpfs / "b.bak")
    assert not (small_tmpfs / "b.bak").exists()
    created.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    with pytest.raises((ReadOnlyError, StoreError), match="read-only"):
        service.open_store(path, passphrase=PASS)
    subprocess.run(["mount", "-o", "remount,rw", str(small_tmpfs)], check=True)
    with service.open_store(path, passphrase=PASS) as st:
        assert _note_count(st) == committed


def test_second_process_is_refused(tmp_path, no_keyring):
    path = _store_with_notes(tmp_path, 1)
    st = service.open_store(path, passphrase=PASS)
    code = textwrap.dedent(f"""
        import keyring
        from keyring.backends import fail
        keyring.set_keyring(fail.Keyring())
        from facilitator.errors import StoreLockedError
        from facilitator.store import service
        try:
            service.open_store({str(path)!r}, passphrase={PASS!r})
        except StoreLockedError as exc:
            print("LOCKED", exc)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOCKED This store is already open" in out.stdout, out.stderr
    st.close()
    with pytest.raises(StoreLockedError):
        with service.open_store(path, passphrase=PASS):
            service.open_store(path, passphrase=PASS)


def test_damage_found_only_when_reading_is_a_clear_error(tmp_path, no_keyring):
    """Large stores skip the verify-on-open; a damaged page met later must still be
    a plain CorruptStoreError (exit 1 on the CLI), not a raw driver exception."""
    path = _store_with_notes(tmp_path, 400)
    data = bytearray(path.read_bytes())
    page = 4096
    # Damage a few pages in the last third, where the notes are (one fixed offset hit
    # an index page the query never reads once more tables came before the notes).
    for at in range((len(data) * 2 // 3) // page * page + 100, len(data) - page, page * 3):
        data[at : at + 64] = bytes(b ^ 0x77 for b in data[at : at + 64])
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError, match="damaged"):
        with service.open_store(path, passphrase=PASS, verify=False) as st:
            with st.db.unit() as s:
                s.scalars(select(Note.body)).all()


@pytest.mark.parametrize(
    "code, expected, words",
    [
        (26, "WrongKeyError", "key does not open"),  # SQLITE_NOTADB
        (8, "ReadOnlyError", "read-only"),  # SQLITE_READONLY
        (8 | (1 << 8), "ReadOnlyError", "read-only"),  # SQLITE_READONLY_RECOVERY (extended)
        (14, "ReadOnlyError", "read-only"),  # SQLITE_CANTOPEN
        (13, "DiskFullError", "disk is full"),  # SQLITE_FULL
        (5, "StoreLockedError", "another program"),  # SQLITE_BUSY
        (11, "CorruptStoreError", "could not be read"),  # SQLITE_CORRUPT
    ],
)
def test_open_errors_are_named_by_sqlite_code(tmp_path, code, expected, words):
    """Every SQLite result code an open can meet maps to the right plain sentence."""
    import sqlcipher3

    from facilitator.store.db import open_error

    exc = sqlcipher3.DatabaseError("driver text")
    exc.sqlite_errorcode = code
    err = open_error(exc, tmp_path / "s.db")
    assert type(err).__name__ == expected and words in str(err)


def test_every_pooled_connection_gets_the_store_pragmas(tmp_path, no_keyring):
    """The issue's settings, read back from a real pooled connection of an open store."""
    from facilitator.store.db import CACHE_SIZE

    path = _store_with_notes(tmp_path, 1)
    with service.open_store(path, passphrase=PASS) as st, st.db.engine.connect() as c:
        got = {
            p: c.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "cache_size", "cipher_version")
        }
    assert got["journal_mode"] == "wal" and got["synchronous"] == 2  # 2 = FULL
    assert got["foreign_keys"] == 1 and got["cache_size"] == CACHE_SIZE
    assert got["cipher_version"].startswith("4.")
