"""Online backups and restore, in the same encrypted format as the live store.

A backup is only worth something if it opens, so every copy is written to a temp file
in the target folder, reopened with the key, passed through ``cipher_integrity_check``
and ``integrity_check``, and only then renamed into place. The key file is copied
next to it (``<backup>.keys``), so a backup opens with the recovery code or passphrase
that was valid when it was taken, even after the live store was rekeyed.

Restore works the other way round: the backup is copied beside the live database,
unlocked through its own key file, checked, and only then swapped in; the replaced
database (with its WAL) is kept under ``backups/`` so a restore can be undone.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3

from facilitator.errors import CorruptStoreError, DiskFullError, StoreError, WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.paths import backups_dir
from facilitator.store import audit, migrate
from facilitator.store.db import Database, _key_pragma, integrity_problems, raw_connect
from facilitator.store.fsutil import atomic_copy, fsync_dir, store_error_from_os
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.lock import StoreLock
from facilitator.store.unlock import UnlockMethod, unlock_key

DEFAULT_GENERATIONS = 7


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _sqlite_error(exc: sqlcipher3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "full" in text:
        return DiskFullError(QT_TRANSLATE_NOOP(
            "store", "The disk is full: the backup {path} could not be written. The store "
            "itself is unchanged."), params=dict(path=path))
    if "readonly" in text or "unable to open" in text:
        return store_error_from_os(PermissionError(13, "read-only"), "write", path)
    return StoreError(QT_TRANSLATE_NOOP("store", "The backup {path} failed: {reason}."), params=dict(
        path=path, reason=exc))


def verify_copy(path: Path, key: bytes) -> None:
    """Raise CorruptStoreError unless ``path`` opens with ``key`` and passes both checks."""
    try:
        problems = integrity_problems(path, key)
    except WrongKeyError as exc:
        raise CorruptStoreError(QT_TRANSLATE_NOOP(
            "store", "The copy {path} does not open with its key: it is damaged."), params=dict(
                path=path)) from exc
    if problems:
        raise CorruptStoreError(QT_TRANSLATE_NOOP(
            "store", "The copy {path} failed its integrity check: {problem}"), params=dict(
                path=path, problem=problems[0]))


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def backup_to(db_path: Path, key: bytes, out: Path) -> Path:
    """Copy the live store (and its key file) to ``out``, verified before it appears."""
    db_path, out = Path(db_path), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    src = raw_connect(db_path, key)
    try:
        os.close(os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        dst = sqlcipher3.connect(str(tmp), isolation_level=None)
        try:
            dst.execute("PRAGMA cipher_log_level = NONE")
            dst.execute(_key_pragma(key))
            src.backup(dst)
        finally:
            dst.close()
        verify_copy(tmp, key)
        _remove_sidecars(tmp)
        atomic_copy(keyfile_path(db_path), keyfile_path(out))  # key first: never a DB alone
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except sqlcipher3.Error as exc:
        raise _sqlite_error(exc, out) from exc
    except OSError as exc:
        raise store_error_from_os(exc, "write", out) from exc
    finally:
        src.close()
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
    return out


def generation_paths(db_path: Path) -> list[Path]:
    """Automatic backups of ``db_path``, oldest first."""
    folder = backups_dir(Path(db_path))
    stem = Path(db_path).name
    return sorted(p for p in folder.glob(f"{stem}-*.bak") if p.is_file())


def backup_generation(db_path: Path, key: bytes, *, keep: int = DEFAULT_GENERATIONS,
                      reason: str = "manual") -> Path:
    """Take a timestamped backup under ``backups/`` and keep only ``keep`` of them."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    out = folder / f"{db_path.name}-{_stamp()}-{reason}.bak"
    backup_to(db_path, key, out)
    gens = generation_paths(db_path)
    for old in gens[:max(0, len(gens) - keep)]:
        old.unlink(missing_ok=True)
        keyfile_path(old).unlink(missing_ok=True)
    return out


@dataclass
class RestoreResult:
    unlocked_by: UnlockMethod
    replaced: Path | None  # where the previous live database was kept


def _keep_replaced(db_path: Path) -> Path | None:
    """Raw copy of the live DB, its WAL and key file before a restore replaces them."""
    if not db_path.exists():
        return None
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{db_path.name}-{_stamp()}-replaced.bak"
    for suffix in ("-wal",):
        side = Path(str(db_path) + suffix)
        if side.exists():
            atomic_copy(side, Path(str(kept) + suffix))
    if keyfile_path(db_path).exists():
        atomic_copy(keyfile_path(db_path), keyfile_path(kept))
    atomic_copy(db_path, kept)
    return kept


def restore(from_file: Path, db_path: Path, *, passphrase: str | None = None,
            recovery_code: str | None = None, use_keyring: bool = True) -> RestoreResult:
    """Replace the store at ``db_path`` with a verified copy of the backup ``from_file``."""
    from_file, db_path = Path(from_file), Path(db_path)
    if not from_file.is_file():
        raise StoreError(QT_TRANSLATE_NOOP("store", "There is no backup at {path}."), params=dict(
            path=from_file))
    kf = KeyFile.load(keyfile_path(from_file))
    unlocked = unlock_key(kf, passphrase=passphrase, recovery_code=recovery_code,
                          use_keyring=use_keyring)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with StoreLock(db_path):
        tmp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}")
        try:
            try:
                shutil.copyfile(from_file, tmp)
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
            except OSError as exc:
                raise store_error_from_os(exc, "write", tmp) from exc
            verify_copy(tmp, unlocked.key)
            _remove_sidecars(tmp)
            replaced = _keep_replaced(db_path)
            _remove_sidecars(db_path)  # an old WAL must never be replayed onto the copy
            atomic_copy(keyfile_path(from_file), keyfile_path(db_path))
            os.replace(tmp, db_path)
            fsync_dir(db_path.parent)
        finally:
            tmp.unlink(missing_ok=True)
            _remove_sidecars(tmp)
        db = Database(db_path, unlocked.key)
        try:
            if not migrate.needs_upgrade(db.engine):
                audit.record(db, "restore", detail={"from": from_file.name,
                                                    "method": unlocked.method})
        finally:
            db.close()
    return RestoreResult(unlocked.method, replaced)
