"""File-system helpers: atomic writes and plain-language OS errors.

A key file or backup that is half written after a crash or a full disk could lock a
facilitator out of their own data, so every file the store writes goes through
:func:`atomic_write` (temp file in the same folder, fsync, rename, fsync folder): a
reader sees either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from facilitator.errors import DiskFullError, ReadOnlyError, StoreError
from facilitator.i18n import QT_TRANSLATE_NOOP


def fsync_dir(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_error_from_os(exc: OSError, action: str, path: Path | str) -> StoreError:
    """Turn an OSError into the StoreError a user can act on."""
    where = str(path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(QT_TRANSLATE_NOOP(
            "store", "The disk is full: could not {action} {path}. Nothing was changed; "
            "free some space and try again."), params=dict(action=action, path=where))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(QT_TRANSLATE_NOOP(
            "store", "The folder or file is read-only: could not {action} {path}. Nothing "
            "was changed."), params=dict(action=action, path=where))
    return StoreError(QT_TRANSLATE_NOOP(
        "store", "Could not {action} {path}: {reason}."), params=dict(
            action=action, path=where, reason=exc.strerror or exc))


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically with permissions ``mode``."""
    path = Path(path)
    tmp = _tmp_name(path)
    try:
        fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "write"), path) from exc


def atomic_copy(src: Path, dst: Path, *, mode: int = 0o600) -> None:
    """Copy a file into place atomically (used for key files and raw DB copies)."""
    dst = Path(dst)
    tmp = _tmp_name(dst)
    try:
        with open(src, "rb") as fin, open(os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                                                  mode), "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, dst)
        fsync_dir(dst.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "write"), dst) from exc
