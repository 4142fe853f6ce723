"""Open the encrypted SQLCipher database through SQLAlchemy.

The database key is a random 256-bit raw key (``PRAGMA key = "x'..'"``), so opening
costs no KDF. Passphrases and recovery codes only unwrap that key (see
``facilitator.store.keys``). This module owns the engine and the session factory:
one SQLAlchemy Session per unit of work, never shared between threads.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from sqlalchemy.exc import OperationalError

from facilitator.errors import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
    WrongKeyError,
)
from facilitator.i18n import QT_TRANSLATE_NOOP

KEY_BYTES = 32


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise StoreError("Internal error: the database key has the wrong length.")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def raw_connect(path: Path, key: bytes, *, check: bool = True) -> sqlcipher3.Connection:
    """A DB-API connection with the key applied and our pragmas set.

    Raises :class:`WrongKeyError` when the key does not open an existing file and
    :class:`CorruptStoreError` when the file is not a database at all. Opening never
    writes to an existing file that fails to open.
    """
    conn = sqlcipher3.connect(str(path), timeout=10, check_same_thread=False,
                              isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise StoreError("SQLCipher is not available: refusing to open an unencrypted store.")
        if check:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                raise WrongKeyError(
                    "The key does not open this database, or the file is not a Facilitator store."
                ) from exc
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    """A SQLAlchemy engine whose every pooled connection is keyed and configured."""
    path = Path(path)

    def creator() -> sqlcipher3.Connection:
        return raw_connect(path, key)

    engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool,
                           pool_size=2, max_overflow=4)

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
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> OrmSession:
        return self._factory()

    @contextlib.contextmanager
    def unit(self) -> Iterator[OrmSession]:
        """A session that commits on success and rolls back on error."""
        with self._factory() as s:
            try:
                yield s
                s.commit()
            except (OperationalError, sqlcipher3.OperationalError) as exc:
                # commit failures can arrive as the raw driver error
                s.rollback()
                raise write_error(exc) from exc
            except BaseException:
                s.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def write_error(exc: Exception) -> Exception:
    """Map SQLite's "disk is full" / "readonly database" to errors a user can act on.

    The failed transaction has been rolled back, so the last committed state stands;
    other errors are returned unchanged for the caller to re-raise.
    """
    text = str(getattr(exc, "orig", exc)).lower()
    if "database or disk is full" in text:
        return DiskFullError(QT_TRANSLATE_NOOP(
            "store", "The disk is full, so the last change was not saved. Everything saved "
            "before it is intact; free some space and try again."))
    if "readonly database" in text or "read-only" in text:
        return ReadOnlyError(QT_TRANSLATE_NOOP(
            "store", "The store is read-only here, so the last change was not saved. "
            "Everything saved before it is intact."))
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
