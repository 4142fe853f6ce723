"""A lock file so only one app instance writes a store at a time.

SQLite's own locking keeps the file consistent, but two Facilitator windows on the
same store would each run a session engine and step on each other's writes. An
advisory ``flock`` on ``<db>.lock`` is held for as long as the store is open and is
released by the OS if the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from facilitator.errors import StoreLockedError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.fsutil import store_error_from_os


def lock_path(db_path: Path) -> Path:
    """``<db>.lock`` beside the REAL file: a symlinked store name takes the same lock."""
    db_path = Path(os.path.realpath(db_path))
    return db_path.with_name(db_path.name + ".lock")


class StoreLock:
    """An exclusive, non-blocking lock; use :meth:`release` or as a context manager."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> StoreLock:
        try:
            fd = os.open(str(self.path), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise store_error_from_os(
                exc, QT_TRANSLATE_NOOP("store", "create the lock file"), self.path
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StoreLockedError(
                    QT_TRANSLATE_NOOP(
                        "store",
                        "This store is already open in another Facilitator window or "
                        "command. Close it there first.",
                    )
                ) from exc
            raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "lock"), self.path) from exc
        self._fd = fd
        return self

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def ensure_free(db_path: Path) -> None:
    """Raise :class:`StoreLockedError` if another window or command has the store open.

    Takes the lock and lets it go at once: the app calls this before asking for the
    passphrase, so a second start says "already open" first instead of after the
    facilitator has typed it (and waited for the key derivation).
    """
    StoreLock(db_path).acquire().release()
