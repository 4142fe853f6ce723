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
        return DiskFullError(
            QT_TRANSLATE_NOOP(
                "store",
                "The disk is full: could not {action} {path}. Nothing was changed; "
                "free some space and try again.",
            ),
            params=dict(action=action, path=where),
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(
            QT_TRANSLATE_NOOP(
                "store",
                "The folder or file is read-only: could not {action} {path}. Nothing was changed.",
            ),
            params=dict(action=action, path=where),
        )
    return StoreError(
        QT_TRANSLATE_NOOP("store", "Could not {action} {path}: {reason}."),
        params=dict(action=action, path=where, reason=exc.strerror or exc),
    )


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically with permissions ``mode``."""
    path = Path(path)
    clean_stale_temps_of(path)
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
        with (
            open(src, "rb") as fin,
            open(os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), "wb") as fout,
        ):
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, dst)
        fsync_dir(dst.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise store_error_from_os(exc, QT_TRANSLATE_NOOP("store", "write"), dst) from exc


SECRET_FILE_MAX_BYTES = 64 * 1024
KEYFILE_MAX_BYTES = 1024 * 1024


class TooLargeError(OSError):
    """A file was larger than the caller's limit (raised before reading it all)."""


def read_bounded(path: Path | str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of ``path``; raise :class:`TooLargeError` beyond that.

    Why: a passphrase file pointed at ``/dev/zero`` or at a huge file must fail at once,
    not fill the memory. Pipes (``--passphrase-file <(pass show x)``) still work: they
    are read until their end or until the limit.
    """
    with open(path, "rb", buffering=0) as f:
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = f.read(min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise TooLargeError(f"larger than {limit} bytes")
    return b"".join(chunks)


_TEMP_MARKERS = (".tmp-", ".restore-", ".probe-")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own leftovers from an earlier, failed step
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temps(db_path: Path) -> list[Path]:
    """Remove temporary copies a killed command left beside the store or its backups.

    Called with the store's lock held, so no other Facilitator process is working on
    these files; a temp name carries its writer's process id, and one whose writer is
    still alive is left alone all the same. Returns what was removed.
    """
    db_path = Path(db_path)
    removed: list[Path] = []
    for folder, prefix in (
        (db_path.parent, f".{db_path.name}"),
        (db_path.parent / "backups", f".{db_path.name}-"),
    ):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if not name.startswith(prefix):
                continue
            marker = next((m for m in _TEMP_MARKERS if m in name), None)
            if marker is None:
                continue
            digits = ""
            for ch in name.split(marker, 1)[1]:
                if not ch.isdigit():
                    break
                digits += ch
            if not digits or _pid_alive(int(digits)):
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed.append(entry)
            except OSError:
                continue
    return removed


def clean_stale_temps_of(target: Path) -> None:
    """Remove ``.<name>.tmp-<pid>-*`` files a killed writer of ``target`` left behind
    (a recovery code or a report half-written to a temp name); live writers' are kept."""
    target = Path(target)
    prefix = f".{target.name}.tmp-"
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        rest = entry.name[len(prefix) :] if entry.name.startswith(prefix) else ""
        pid = rest.split("-", 1)[0]
        if pid.isdigit() and not _pid_alive(int(pid)) and entry.is_file():
            try:
                entry.unlink()
            except OSError:
                pass
