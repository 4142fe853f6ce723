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
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlcipher3

from facilitator.errors import (
    CorruptStoreError,
    DiskFullError,
    InputError,
    StoreError,
    WrongKeyError,
)
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.paths import backups_dir
from facilitator.store import audit, migrate, secrets
from facilitator.store.db import Database, _key_pragma, integrity_problems, raw_connect
from facilitator.store.fsutil import (
    atomic_copy,
    clean_stale_temps,
    fsync_dir,
    store_error_from_os,
)
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.lock import StoreLock
from facilitator.store.outpath import check_output_path, check_store_target
from facilitator.store.unlock import Unlocked, UnlockMethod, unlock_key

DEFAULT_GENERATIONS = 7


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _sqlite_error(exc: sqlcipher3.Error, path: Path) -> StoreError:
    text = str(exc).lower()
    if "full" in text:
        return DiskFullError(
            QT_TRANSLATE_NOOP(
                "store",
                "The disk is full: the backup {path} could not be written. The store "
                "itself is unchanged.",
            ),
            params=dict(path=path),
        )
    if "readonly" in text or "unable to open" in text:
        return store_error_from_os(PermissionError(13, "read-only"), "write", path)
    return StoreError(
        QT_TRANSLATE_NOOP("store", "The backup {path} failed: {reason}."),
        params=dict(path=path, reason=exc),
    )


def verify_copy(path: Path, key: bytes) -> None:
    """Raise CorruptStoreError unless ``path`` opens with ``key`` and passes both checks."""
    try:
        problems = integrity_problems(path, key)
    except WrongKeyError as exc:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store", "The copy {path} does not open with its key: it is damaged."
            ),
            params=dict(path=path),
        ) from exc
    if problems:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP("store", "The copy {path} failed its integrity check: {problem}"),
            params=dict(path=path, problem=problems[0]),
        )


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def backup_to(db_path: Path, key: bytes, out: Path) -> Path:
    """Copy the live store (and its key file) to ``out``, verified before it appears."""
    db_path, out = Path(db_path), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.parent.resolve() != backups_dir(Path(os.path.realpath(db_path))).resolve():
        for target in (out, keyfile_path(out)):  # the rule, again, just before writing
            check_output_path(target, overwrite=True, stores=[db_path])
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
        head = _copy_chain_head(tmp, key)
        atomic_copy(keyfile_path(db_path), keyfile_path(out))  # key first: never a DB alone
        if head is not None:  # the copy's own anchor: a cut tail of the copy shows
            audit._write_head_file(out, *head)
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


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _copy_chain_head(path: Path, key: bytes) -> tuple[int, str] | None:
    """The newest audit entry of a copy (None on a schema without the chain)."""
    conn = raw_connect(path, key)
    try:
        row = conn.execute(
            "SELECT seq, hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    except sqlcipher3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return 0, audit.GENESIS
    seq, h = row
    # the anchor is only ever a number and a SHA-256: anything else in that column is
    # not copied out beside the backup (the chain check reports the broken entry)
    if not isinstance(h, str) or not _SHA256.fullmatch(h):
        return None
    return int(seq), h


def generation_paths(db_path: Path) -> list[Path]:
    """Automatic backups of ``db_path``, oldest first."""
    folder = backups_dir(Path(db_path))
    stem = Path(db_path).name
    return sorted(p for p in folder.glob(f"{stem}-*.bak") if p.is_file())


def backup_generation(
    db_path: Path, key: bytes, *, keep: int = DEFAULT_GENERATIONS, reason: str = "manual"
) -> Path:
    """Take a timestamped backup under ``backups/`` and keep only ``keep`` of them."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    out = folder / f"{db_path.name}-{_stamp()}-{reason}.bak"
    backup_to(db_path, key, out)
    gens = generation_paths(db_path)
    for old in gens[: max(0, len(gens) - keep)]:
        old.unlink(missing_ok=True)
        keyfile_path(old).unlink(missing_ok=True)
        audit.head_path(old).unlink(missing_ok=True)
    return out


@dataclass
class RestoreResult:
    unlocked_by: UnlockMethod
    replaced: Path | None  # where the previous live database was kept
    summary: BackupSummary | None = None


# Tables every revision this build knows has had since the first one (0001); a file
# without them is not a Facilitator store whatever its key says.
REQUIRED_TABLES = frozenset(
    {"alembic_version", "group", "participant", "session", "attendance", "setting", "audit_event"}
)


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, shown before it replaces the live store."""

    revision: str
    groups: int
    sessions: int
    last_session: str | None  # ISO date of the latest session, None when there is none
    size: int


def content_summary(path: Path, key: bytes) -> BackupSummary:
    """Check that ``path`` holds a Facilitator schema this build knows; summarise it.

    Raises CorruptStoreError for an empty database, a missing table, or a schema
    revision this build does not know (a newer version wrote it).
    """
    try:
        conn = raw_connect(path, key)
    except WrongKeyError as exc:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store", "The copy {path} does not open with its key: it is damaged."
            ),
            params=dict(path=path),
        ) from exc
    try:
        tables = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        }
        if not tables:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The backup holds an empty database (no tables at all); it was not restored.",
                )
            )
        missing = sorted(REQUIRED_TABLES - tables)
        if missing:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The backup is not a complete Facilitator store (missing: {tables}); "
                    "it was not restored.",
                ),
                params=dict(tables=", ".join(missing)),
            )
        revs = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        known = migrate.known_revisions()
        if len(revs) != 1 or revs[0] not in known:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The backup's schema version ({revision}) is not one this version of "
                    "Facilitator knows; it was not restored. A newer version may have written "
                    "it.",
                ),
                params=dict(revision=", ".join(revs) or "none"),
            )
        groups = conn.execute('SELECT count(*) FROM "group"').fetchone()[0]
        sessions, last = conn.execute(
            "SELECT count(*), max(coalesce(started_at, planned_start, created_at)) FROM session "
            "WHERE is_practice = 0"
        ).fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP("store", "The copy {path} failed its integrity check: {problem}"),
            params=dict(path=path, problem=exc),
        ) from exc
    finally:
        conn.close()
    return BackupSummary(
        revs[0], int(groups), int(sessions), str(last)[:10] if last else None, path.stat().st_size
    )


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
    if audit.head_path(db_path).exists():  # the replaced chain stays checkable
        atomic_copy(audit.head_path(db_path), audit.head_path(kept))
    atomic_copy(db_path, kept)
    return kept


def _live_key(db_path: Path, store_id: str, **creds) -> Unlocked | None:
    """The live store's key when its key file is healthy, belongs to the same store and
    the given credentials (or the keyring) open it; None otherwise (then the backup's
    own key file is installed with it)."""
    kpath = keyfile_path(db_path)
    if not db_path.is_file() or not kpath.is_file():
        return None
    try:
        live = KeyFile.load(kpath)
        if live.store_id != store_id:
            return None
        return unlock_key(live, **creds)
    except StoreError:
        return None


def _rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    conn = raw_connect(path, old_key)
    try:
        conn.execute(_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def restore(
    from_file: Path,
    db_path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    use_keyring: bool = True,
    confirm: Callable[[BackupSummary], bool] | None = None,
) -> RestoreResult:
    """Replace the store at ``db_path`` with a verified copy of the backup ``from_file``.

    The copy must open with its key, pass both integrity checks and hold a schema this
    build knows (:func:`content_summary`); then ``confirm(summary)`` decides (the app
    asks, the CLI needs ``--yes``). Only after a True answer is the live store (kept
    under ``backups/``) replaced.
    """
    from_file, db_path = Path(from_file), Path(os.path.realpath(db_path))
    check_store_target(db_path)  # never "restore" onto a device, a FIFO or a folder
    if not from_file.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("store", "There is no backup at {path}."), params=dict(path=from_file)
        )
    real_from = Path(os.path.realpath(from_file))
    if real_from == db_path or (db_path.exists() and os.path.samefile(real_from, db_path)):
        raise InputError(
            QT_TRANSLATE_NOOP("store", "{path} is the live store itself, not a backup."),
            params=dict(path=from_file),
        )
    if from_file.stat().st_size < 512:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store",
                "The backup {path} is empty or far too small to be a store; nothing was restored.",
            ),
            params=dict(path=from_file),
        )
    kf = KeyFile.load(keyfile_path(from_file))
    live_key = _live_key(
        db_path,
        kf.store_id,
        passphrase=passphrase,
        recovery_code=recovery_code,
        use_keyring=use_keyring,
    )
    if live_key is not None and kf.matches(live_key.key):
        unlocked = live_key
    else:
        unlocked = unlock_key(
            kf, passphrase=passphrase, recovery_code=recovery_code, use_keyring=use_keyring
        )
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error_from_os(exc, "create the folder", db_path.parent) from exc
    with StoreLock(db_path):
        clean_stale_temps(db_path)
        tmp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}")
        try:
            try:
                shutil.copyfile(from_file, tmp)
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
            except OSError as exc:
                raise store_error_from_os(exc, "write", tmp) from exc
            verify_copy(tmp, unlocked.key)
            summary = content_summary(tmp, unlocked.key)
            _remove_sidecars(tmp)
            if confirm is not None and not confirm(summary):
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "store", "The restore was cancelled; the store was not changed."
                    )
                )
            final_key = unlocked.key
            if live_key is not None and live_key.key != unlocked.key:
                # the data comes back, the credentials stay: the copy is re-encrypted
                # under the live key, so the latest passphrase, recovery code and keyring
                # entry open it, and an older (revoked) passphrase does not
                _rekey_file(tmp, unlocked.key, live_key.key)
                verify_copy(tmp, live_key.key)
                _remove_sidecars(tmp)
                final_key = live_key.key
            replaced_head = audit.read_head(db_path)
            replaced = _keep_replaced(db_path)
            _remove_sidecars(db_path)  # an old WAL must never be replayed onto the copy
            if live_key is None:  # no live credentials to keep: the backup's own apply
                atomic_copy(keyfile_path(from_file), keyfile_path(db_path))
            os.replace(tmp, db_path)
            fsync_dir(db_path.parent)
        finally:
            tmp.unlink(missing_ok=True)
            _remove_sidecars(tmp)
        if live_key is None and use_keyring and secrets.is_real_backend():
            held = secrets.get_key(kf.store_id)
            if held != unlocked.key:
                secrets.set_key(kf.store_id, unlocked.key)
        db = Database(db_path, final_key)
        try:
            if not migrate.needs_upgrade(db.engine):
                # The restored chain is shorter than the one it replaced: the restore
                # entry names the replaced chain's last entry (kept under backups/), and
                # its append rewrites <db>.audit-head, so the next check sees a whole
                # chain, not a cut one. Failed unlocks counted beside the store stay
                # there and go into the restored chain at the next unlock.
                audit.record(
                    db,
                    "restore",
                    detail={
                        "from": from_file.name,
                        "method": unlocked.method,
                        "replaced_head": list(replaced_head) if replaced_head else None,
                    },
                )
            else:
                # an older schema has no chain yet: its head is written after the
                # upgrade at the next unlock; a stale anchor must not call it cut
                audit.head_path(db_path).unlink(missing_ok=True)
        finally:
            db.close()
    return RestoreResult(unlocked.method, replaced, summary)
