"""Opening never writes before the key is proven: the write-ahead log is checked first.

Why: SQLite replays (checkpoints) whatever valid frames sit in ``<db>-wal`` into the
database when the last connection closes, even after a failed read. A ``-wal`` copied in
by hand or by a sync tool from another store, or left from an older copy of this one,
therefore turned a healthy 643 KB store into 32 KB of garbage on the first (failed)
open. So before any connection touches the real files, every candidate key is tried on
a *read-only* connection (SQLite never checkpoints from one) and, if that fails, on a
private copy of the database alone (in a temporary folder beside the store, cleaned
even after a kill, see :func:`facilitator.store.fsutil.clean_stale_temps`):

* the database with its WAL opens read-only and passes ``quick_check`` -> the WAL is
  ours (a crash left committed transactions in it): SQLite replays it as usual;
* only the copy *without* the WAL opens -> the WAL is foreign or stale: it is moved
  aside as ``<db>-wal.foreign-<UTC time>`` (never deleted) with a message;
* neither opens -> wrong key or a damaged store; nothing was written.

Without a ``-wal`` a failed open writes nothing (there is nothing to checkpoint), so the
copy is made only in the rare case a WAL is present and does not fit.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3

from facilitator.errors import Text, WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.db import _key_pragma, open_error
from facilitator.store.fsutil import fsync_dir, store_error_from_os


def wal_path(db_path: Path) -> Path:
    return Path(f"{db_path}-wal")


def _attempt(uri: str, real: Path, key: bytes, *, check: bool) -> bool:
    """True when ``key`` reads the database; False when SQLite says "not a database"
    (wrong key); any other failure (full disk, read-only, damage) is raised as the
    StoreError a user can act on, named after the real store ``real``."""
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    except sqlcipher3.Error as exc:
        raise open_error(exc, real) from exc
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if check:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            return rows == ["ok"]
        return True
    except sqlcipher3.Error as exc:
        if isinstance(open_error(exc, real), WrongKeyError):
            return False
        if check:  # a copy whose pages do not fit together: not this key's data
            return False
        raise open_error(exc, real) from exc
    finally:
        conn.close()


def _opens(path: Path, key: bytes, *, check: bool, real: Path | None = None) -> bool:
    return _attempt(f"file:{path}", real or path, key, check=check)


def probe_dir(db_path: Path) -> Path:
    """A fresh private folder beside the store for throw-away copies."""
    folder = db_path.with_name(f".{db_path.name}.probe-{os.getpid()}-{os.urandom(4).hex()}")
    folder.mkdir(mode=0o700)
    return folder


def which_key(db_path: Path, keys: list[bytes]) -> tuple[bytes | None, str | None]:
    """The first of ``keys`` that opens the store, and a notice if a WAL was set aside.

    Never writes to the real database or WAL unless a key is proven; see the module
    docstring.
    """
    db_path = Path(db_path)
    wal = wal_path(db_path)
    if not wal.exists() or wal.stat().st_size == 0:
        for key in keys:  # no WAL: nothing a failed open could checkpoint
            if _attempt(f"file:{db_path}", db_path, key, check=False):
                return key, None
        return None, None
    for key in keys:  # read-only: SQLite never checkpoints from a read-only connection
        if _attempt(f"file:{db_path}?mode=ro", db_path, key, check=True):
            return key, None
    try:
        folder = probe_dir(db_path)
    except OSError as exc:
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "check"), db_path) from exc
    try:
        copy = folder / "probe.db"
        shutil.copyfile(db_path, copy)  # the database alone, without the WAL
        for key in keys:
            if _opens(copy, key, check=True, real=db_path):
                return key, _set_aside(db_path)
        return None, None
    except OSError as exc:
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "check"), db_path) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _set_aside(db_path: Path) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    wal = wal_path(db_path)
    kept = Path(f"{wal}.foreign-{stamp}")
    try:
        os.replace(wal, kept)
        Path(f"{db_path}-shm").unlink(missing_ok=True)
        fsync_dir(db_path.parent)
    except OSError as exc:
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "move aside"), wal) from exc
    return Text(
        QT_TRANSLATE_NOOP(
            "store",
            "A write-ahead log that does not belong to this store was found beside it "
            "and moved aside as {path}; the store itself was not changed.",
        ),
        path=kept,
    )


def require_key(db_path: Path, key: bytes) -> str | None:
    """Prove ``key`` opens the store (settling the WAL first); return any notice."""
    found, notice = which_key(db_path, [key])
    if found is None:
        raise WrongKeyError(
            QT_TRANSLATE_NOOP(
                "store",
                "The key does not open this database, or the file is not a Facilitator store.",
            )
        )
    return notice


__all__ = ["which_key", "require_key", "wal_path", "probe_dir"]
