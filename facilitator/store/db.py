"""Open the encrypted SQLCipher database through SQLAlchemy.

The database key is a random 256-bit raw key (``PRAGMA key = "x'..'"``), so opening
costs no KDF. Passphrases and recovery codes only unwrap that key (see
``facilitator.store.keys``). This module owns the engine and the session factory:
one SQLAlchemy Session per unit of work, never shared between threads.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from sqlalchemy.exc import DatabaseError

from facilitator.errors import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
    StoreLockedError,
    WrongKeyError,
)
from facilitator.i18n import QT_TRANSLATE_NOOP

KEY_BYTES = 32


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise StoreError(
            QT_TRANSLATE_NOOP("store", "Internal error: the database key has the wrong length.")
        )
    return f"PRAGMA key = \"x'{key.hex()}'\""


_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 3, 8, 10, 11, 13
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 5, 6, 14, 26
NEARLY_FULL_BYTES = 1 << 20
# Page cache per connection, in KiB when negative (SQLite's convention). Every page read
# from the file is decrypted and HMAC-checked, so re-reading hot index pages is what
# encryption makes expensive; 16 MiB (allocated only as pages are used) keeps a
# typical store's indexes cached. benchmarks/bench_store.py gives plain SQLite the same.
CACHE_SIZE = -16000


def _nearly_full(path: Path) -> bool:
    """True when the store's folder has less than 1 MiB free (False if it cannot be asked)."""
    try:
        return shutil.disk_usage(Path(path).parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def open_error(exc: sqlcipher3.Error, path: Path) -> StoreError:
    """The StoreError for a failed open, chosen from SQLite's primary result code.

    Why by code: a read-only folder (SQLite cannot create the ``-wal``/``-shm``
    files) and a wrong key both surface as a ``DatabaseError``; telling a user whose
    folder is merely read-only that their data is damaged would send them to restore
    a backup over a healthy store.
    """
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _SQLITE_NOTADB:
        return WrongKeyError(
            QT_TRANSLATE_NOOP(
                "store",
                "The key does not open this database, or the file is not a Facilitator store.",
            )
        )
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return ReadOnlyError(
            QT_TRANSLATE_NOOP(
                "store",
                "The store {path} cannot be opened for writing: its folder or file is "
                "read-only (or not accessible). Nothing was changed.",
            ),
            params=dict(path=path),
        )
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StoreLockedError(
            QT_TRANSLATE_NOOP(
                "store",
                "The database {path} is busy: another program is using it. Close it "
                "there and try again. Nothing was changed.",
            ),
            params=dict(path=path),
        )
    if code == _SQLITE_FULL or (code == _SQLITE_IOERR and _nearly_full(path)):
        # a full disk often surfaces as a generic I/O error (SQLite cannot grow -shm)
        return DiskFullError(
            QT_TRANSLATE_NOOP(
                "store",
                "The disk is full, so the store {path} cannot be opened. Nothing was "
                "changed; free some space and try again.",
            ),
            params=dict(path=path),
        )
    return CorruptStoreError(
        QT_TRANSLATE_NOOP(
            "store",
            "The database {path} could not be read ({reason}). It was not changed; "
            "restore it from a backup if this persists.",
        ),
        params=dict(path=path, reason=exc),
    )


def raw_connect(path: Path, key: bytes, *, check: bool = True) -> sqlcipher3.Connection:
    """A DB-API connection with the key applied and our pragmas set.

    Raises :class:`WrongKeyError` when the key does not open an existing file,
    :class:`ReadOnlyError` / :class:`DiskFullError` when the folder cannot be written,
    and :class:`CorruptStoreError` for other read failures (see :func:`open_error`).
    Opening never writes to an existing file that fails to open.
    """
    try:
        conn = sqlcipher3.connect(
            str(path), timeout=10, check_same_thread=False, isolation_level=None
        )
    except sqlcipher3.Error as exc:
        raise open_error(exc, path) from exc
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "store", "SQLCipher is not available: refusing to open an unencrypted store."
                )
            )
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    except sqlcipher3.Error as exc:
        conn.close()
        raise open_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    """A SQLAlchemy engine whose every pooled connection is keyed and configured."""
    path = Path(path)

    def creator() -> sqlcipher3.Connection:
        return raw_connect(path, key)

    # hide_parameters: an error's text never carries bound values (a note, an alias)
    # into a message box, the terminal or a log.
    engine = create_engine(
        "sqlite://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pysqlite-style drivers need an explicit BEGIN for atomic units
        conn.exec_driver_sql("BEGIN")

    return engine


def integrity_problems(path: Path, key: bytes, *, quick: bool = False) -> list[str]:
    """Run ``cipher_integrity_check`` and ``integrity_check``; an empty list is healthy.

    ``quick`` uses ``quick_check`` (no index cross-checks), cheap enough to run on
    every open so a damaged file is refused before anything is written to it.
    """
    conn = raw_connect(path, key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        check = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        problems += [r for r in rows if r != "ok"]
        return problems
    except sqlcipher3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


class Database:
    """An open store: engine plus session factory. Use :meth:`unit` per unit of work."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path, key)
        # info["db_path"] lets the audit chain remember its head beside the store
        self._factory = sessionmaker(
            self.engine, expire_on_commit=False, info={"db_path": str(self.path)}
        )

    def session(self) -> OrmSession:
        return self._factory()

    @contextlib.contextmanager
    def unit(self) -> Iterator[OrmSession]:
        """A session that commits on success and rolls back on error."""
        with self._factory() as s:
            try:
                yield s
                s.commit()
            except (DatabaseError, sqlcipher3.DatabaseError) as exc:
                # commit failures can arrive as the raw driver error
                s.rollback()
                mapped = write_error(exc, self.path)
                if mapped is exc:
                    raise
                raise mapped from exc
            except BaseException:
                s.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def write_error(exc: Exception, path: Path | None = None) -> Exception:
    """Map a failed unit of work to an error a user can act on.

    "disk is full" (or a bare I/O error while the disk is nearly full), "readonly
    database" and a damaged page each get a plain sentence. The failed transaction has
    been rolled back, so the last committed state stands; other errors (constraint
    violations: programming errors, not user conditions) are returned unchanged for
    the caller to re-raise.
    """
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower()
    code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
    if (
        "database or disk is full" in text
        or code == _SQLITE_FULL
        or (code == _SQLITE_IOERR and path is not None and _nearly_full(path))
    ):
        return DiskFullError(
            QT_TRANSLATE_NOOP(
                "store",
                "The disk is full, so the last change was not saved. Everything saved "
                "before it is intact; free some space and try again.",
            )
        )
    if "readonly database" in text or "read-only" in text or code == _SQLITE_READONLY:
        return ReadOnlyError(
            QT_TRANSLATE_NOOP(
                "store",
                "The store is read-only here, so the last change was not saved. "
                "Everything saved before it is intact.",
            )
        )
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store",
                "Part of the database is damaged ({reason}), so this could not be "
                "read or saved. Run 'facilitator db check' and restore from a backup.",
            ),
            params=dict(reason=orig),
        )
    return exc


def is_probably_sqlcipher(path: Path) -> bool:
    """A plain SQLite file starts with a readable header; ours must not."""
    with open(path, "rb") as f:
        return not f.read(16).startswith(b"SQLite format 3")


def fsync_dir(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
