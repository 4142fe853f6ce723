"""The store's public API, used by the UI and the CLI alike.

``create_store`` makes a random 256-bit database key, wraps it in the key file (a
recovery slot always, a passphrase slot when given) and puts it in the OS keyring when
a real one exists; without a real keyring a passphrase is mandatory. ``open_store``
unlocks in the order keyring, passphrase, recovery code, holds a lock file while open,
and migrates after a backup. A failed open writes nothing to the database or key file.

Rekey design: rotating the database key is what you do when a key may have leaked, so
the old recovery code must *stop* working. :func:`rekey` therefore issues a NEW
recovery code (returned, to be shown once) and needs the current passphrase to rewrap
the passphrase slot. To survive a crash mid-rekey, the new key file is first written
as ``<db>.keys.pending`` with an extra ``previous_key`` slot (new key wrapped under
the old key); if the app dies after ``PRAGMA rekey`` but before the key file is
swapped, the next open finishes the job and issues a fresh recovery code
(``OpenedStore.new_recovery_code``). Backups taken before a rekey keep the old key
file and open with the old code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import (
    CorruptStoreError,
    InputError,
    KeyUnavailableError,
    ReadOnlyError,
    StoreError,
    WrongKeyError,
)
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit, backup, migrate, recovery, secrets
from facilitator.store.db import Database, _key_pragma, integrity_problems, raw_connect
from facilitator.store.fsutil import store_error_from_os
from facilitator.store.keyfile import KdfParams, KeyFile, keyfile_path, passphrase_bytes
from facilitator.store.lock import StoreLock
from facilitator.store.unlock import UnlockMethod, unlock_key

from facilitator.policy import PASSPHRASE_MIN as MIN_PASSPHRASE
_PREVIOUS_KDF = KdfParams("hkdf-sha256", 0, 0, 0)
_MIN_DB_BYTES = 512
VERIFY_ON_OPEN_MAX_BYTES = 16 * 1024 * 1024


def pending_keyfile_path(db_path: Path) -> Path:
    return keyfile_path(db_path).with_name(keyfile_path(db_path).name + ".pending")


@dataclass
class OpenedStore:
    """An open, locked store. Close it (or use ``with``) to release the lock."""

    db: Database
    unlocked_by: UnlockMethod
    keyring_missing_entry: bool
    path: Path
    store_id: str
    key: bytes = field(repr=False)
    lock: StoreLock = field(repr=False)
    new_recovery_code: str | None = field(default=None, repr=False)

    def close(self) -> None:
        self.db.close()
        self.lock.release()

    def __enter__(self) -> OpenedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class CreatedStore(OpenedStore):
    recovery_code: str = field(default="", repr=False)
    keyring_used: bool = False


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InputError(QT_TRANSLATE_NOOP(
            "store", "The passphrase must be at least {n} characters long."), params=dict(
                n=MIN_PASSPHRASE))


def create_store(path: Path, *, passphrase: str | None = None,
                 use_keyring: bool = True) -> CreatedStore:
    """Create a new encrypted store at ``path`` with its key file and schema."""
    path = Path(path)
    kpath = keyfile_path(path)
    if (path.exists() and path.stat().st_size > 0) or kpath.exists():
        raise StoreError(QT_TRANSLATE_NOOP(
            "store", "A store already exists at {path}; it was left untouched."), params=dict(
                path=path))
    real = use_keyring and secrets.is_real_backend()
    if passphrase is None and not real:
        raise KeyUnavailableError(QT_TRANSLATE_NOOP(
            "store", "No system keyring is available on this computer, so the store needs "
            "a passphrase. Choose one and keep it safe."))
    if passphrase is not None:
        check_passphrase(passphrase)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error_from_os(exc, "create the folder", path.parent) from exc
    lock = StoreLock(path).acquire()
    key = os.urandom(32)
    kf = KeyFile.new(key)
    code = recovery.generate()
    kf.add_slot("recovery", recovery.secret_bytes(code), key)
    if passphrase is not None:
        kf.add_slot("passphrase", passphrase_bytes(passphrase), key)
    db = None
    try:
        kf.save(kpath)  # the key file first: a database never exists without it
        os.close(os.open(str(path), os.O_WRONLY | os.O_CREAT, 0o600))  # SQLite keeps the mode
        db = Database(path, key)
        migrate.upgrade(db.engine)
        keyring_used = bool(real and secrets.set_key(kf.store_id, key))
        audit.record(db, "store_created", detail={"keyring": keyring_used,
                                                  "passphrase": passphrase is not None})
    except OSError as exc:
        _cleanup_failed_create(db, path, kpath, lock)
        raise store_error_from_os(exc, "create", path) from exc
    except BaseException:
        _cleanup_failed_create(db, path, kpath, lock)
        raise
    return CreatedStore(db=db, unlocked_by="keyring" if keyring_used else "passphrase",
                        keyring_missing_entry=False, path=path, store_id=kf.store_id,
                        key=key, lock=lock, recovery_code=code, keyring_used=keyring_used)


def _cleanup_failed_create(db: Database | None, path: Path, kpath: Path,
                           lock: StoreLock) -> None:
    """A half-made store holds nothing yet: remove it so a retry starts clean."""
    if db is not None:
        db.close()
    for p in (path, kpath, Path(f"{path}-wal"), Path(f"{path}-shm"), lock.path):
        p.unlink(missing_ok=True)
    lock.release()


def _checkpoint(path: Path, key: bytes) -> None:
    """Copy WAL frames into the database file.

    After ``PRAGMA rekey`` the re-encrypted pages sit in the WAL while the file still
    holds old-key pages; ``cipher_integrity_check`` reads the file, so it would call a
    healthy store damaged until the pages are checkpointed.
    """
    conn = raw_connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def _probe(path: Path, key: bytes) -> bool:
    """True when ``key`` opens the database (no writes on failure)."""
    try:
        raw_connect(path, key).close()
        return True
    except WrongKeyError:
        return False


def _finish_pending_rekey(path: Path, kf: KeyFile, key: bytes) -> tuple[KeyFile, bytes, str | None]:
    """Complete a rekey that was interrupted; see the module docstring."""
    pending = pending_keyfile_path(path)
    if not pending.exists():
        return kf, key, None
    if _probe(path, key):  # the rekey never reached the database: forget it
        pending.unlink()
        return kf, key, None
    pkf = KeyFile.load(pending)
    new_key = pkf.unlock("previous_key", key)
    if not _probe(path, new_key):
        raise CorruptStoreError(QT_TRANSLATE_NOOP(
            "store", "The database does not open with its key: it is damaged. Restore it "
            "from a backup."))
    _checkpoint(path, new_key)  # move the rekeyed pages out of the WAL into the file
    pkf.remove_slots("previous_key")
    pkf.remove_slots("recovery")
    code = recovery.generate()
    pkf.add_slot("recovery", recovery.secret_bytes(code), new_key)
    pkf.save(keyfile_path(path))
    pending.unlink()
    return pkf, new_key, code


def _refuse_read_only(path: Path) -> None:
    """Refuse a store whose file or folder cannot be written, before touching it.

    Why up front: SQLite would otherwise create ``-wal``/``-shm`` beside a read-only
    database file with the file's own read-only mode, and those leftovers keep the
    store read-only even after the user fixes the file's permissions.
    """
    for target in (path, path.parent):
        if not os.access(target, os.W_OK):
            raise ReadOnlyError(QT_TRANSLATE_NOOP(
                "store", "The store {path} cannot be opened for writing: {target} is "
                "read-only. Nothing was changed."), params=dict(path=path, target=target))


def open_store(path: Path, *, passphrase: str | None = None, recovery_code: str | None = None,
               use_keyring: bool = True, migrate_on_open: bool = True,
               verify: bool | None = None) -> OpenedStore:
    """Unlock and open the store at ``path``; see the module docstring for the order.

    ``verify`` runs ``cipher_integrity_check`` and ``quick_check`` before anything is
    written, so a damaged file is refused and left byte-identical. Both read every
    page (about 15 ms per MB on a slow laptop), so by default (``None``) they run only
    for stores up to ``VERIFY_ON_OPEN_MAX_BYTES``; larger stores are fully checked by
    every backup and by ``facilitator db check``.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(QT_TRANSLATE_NOOP("store", "There is no store at {path}."), params=dict(
            path=path))
    _refuse_read_only(path)
    lock = StoreLock(path).acquire()
    db = None
    try:
        kf = KeyFile.load(keyfile_path(path))
        if path.stat().st_size < _MIN_DB_BYTES:
            raise CorruptStoreError(QT_TRANSLATE_NOOP(
                "store", "The database {path} is truncated or empty. Restore it from a "
                "backup."), params=dict(path=path))
        unlocked = unlock_key(kf, passphrase=passphrase, recovery_code=recovery_code,
                              use_keyring=use_keyring)
        kf, key, new_code = _finish_pending_rekey(path, kf, unlocked.key)
        if not _probe(path, key):
            raise CorruptStoreError(QT_TRANSLATE_NOOP(
                "store", "The database {path} does not open with its own key: it is damaged "
                "or was replaced by another file. Restore it from a backup."), params=dict(path=path))
        if verify is None:
            verify = path.stat().st_size <= VERIFY_ON_OPEN_MAX_BYTES
        if verify:
            problems = integrity_problems(path, key, quick=True)
            if problems:
                raise CorruptStoreError(QT_TRANSLATE_NOOP(
                    "store", "The database {path} is damaged ({problem}). It was not changed; "
                    "restore it from a backup."), params=dict(path=path, problem=problems[0]))
        db = Database(path, key)
        if migrate_on_open and migrate.needs_upgrade(db.engine):
            backup.backup_generation(path, key, reason="pre-migrate")
            migrate.upgrade(db.engine)
            audit.record(db, "migrate", detail={"to": migrate.head_revision()})
        if new_code is not None and unlocked.method == "keyring":
            secrets.set_key(kf.store_id, key)
        audit.record(db, "unlock", detail={"method": unlocked.method})
    except BaseException:
        if db is not None:
            db.close()
        lock.release()
        raise
    return OpenedStore(db=db, unlocked_by=unlocked.method,
                       keyring_missing_entry=unlocked.keyring_missing_entry, path=path,
                       store_id=kf.store_id, key=key, lock=lock, new_recovery_code=new_code)


@dataclass(frozen=True)
class UnlockOptions:
    """What an unlock screen should offer, read without unlocking anything."""

    exists: bool
    has_passphrase: bool
    has_recovery: bool
    keyring_available: bool


def unlock_options(path: Path) -> UnlockOptions:
    """Whether a store exists at ``path`` and which unlock methods it has.

    Cheap (no KDF, no keyring call) so the UI can build its first screen with it;
    a damaged key file raises CorruptStoreError.
    """
    path = Path(path)
    if not path.is_file():
        return UnlockOptions(False, False, False, secrets.is_real_backend())
    kf = KeyFile.load(keyfile_path(path))
    return UnlockOptions(True, kf.has("passphrase"), kf.has("recovery"),
                         secrets.is_real_backend())


def _keyfile(store: OpenedStore) -> KeyFile:
    return KeyFile.load(keyfile_path(store.path))


def change_passphrase(store: OpenedStore, new_passphrase: str) -> None:
    """Rewrap the key under a new passphrase (the database is not re-encrypted)."""
    check_passphrase(new_passphrase)
    kf = _keyfile(store)
    kf.remove_slots("passphrase")
    kf.add_slot("passphrase", passphrase_bytes(new_passphrase), store.key)
    kf.save(keyfile_path(store.path))
    audit.record(store.db, "passphrase_changed")


def remove_passphrase(store: OpenedStore) -> None:
    """Drop the passphrase slot; only allowed while the real keyring holds the key."""
    if secrets.get_key(store.store_id) != store.key:
        raise KeyUnavailableError(QT_TRANSLATE_NOOP(
            "store", "The passphrase cannot be removed: the system keyring does not hold "
            "this store's key, so the passphrase is needed to open it."))
    kf = _keyfile(store)
    kf.remove_slots("passphrase")
    kf.save(keyfile_path(store.path))
    audit.record(store.db, "passphrase_removed")


def restore_keyring_entry(store: OpenedStore) -> bool:
    """Put the key back into the keyring (after it was lost); True on success."""
    ok = secrets.set_key(store.store_id, store.key)
    if ok:
        store.keyring_missing_entry = False
        audit.record(store.db, "keyring_restored")
    return ok


def rekey(store: OpenedStore, *, passphrase: str | None = None) -> str:
    """Rotate the database key; returns the NEW recovery code (show it once).

    ``passphrase`` must be the current passphrase when the store has one, so its slot
    can be rewrapped. ``store.db`` is replaced by a fresh Database on the new key.
    """
    kf = _keyfile(store)
    if kf.has("passphrase"):
        if passphrase is None:
            raise InputError(QT_TRANSLATE_NOOP(
                "store", "Changing the key needs the current passphrase."))
        if kf.unlock("passphrase", passphrase_bytes(passphrase)) != store.key:
            raise WrongKeyError(QT_TRANSLATE_NOOP("store", "The passphrase is not correct."))
    backup.backup_generation(store.path, store.key, reason="pre-rekey")
    new_key = os.urandom(32)
    new_kf = KeyFile.new(new_key, store_id=kf.store_id)
    code = recovery.generate()
    new_kf.add_slot("recovery", recovery.secret_bytes(code), new_key)
    for slot in kf.slots_of("passphrase"):
        new_kf.add_slot("passphrase", passphrase_bytes(passphrase or ""), new_key,
                        label=slot.label, user_id=slot.user_id)
    final = new_kf.to_bytes()
    new_kf.add_slot("previous_key", store.key, new_key, params=_PREVIOUS_KDF)
    pending = pending_keyfile_path(store.path)
    new_kf.save(pending)
    store.db.close()
    conn = raw_connect(store.path, store.key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
    finally:
        conn.close()
    _checkpoint(store.path, new_key)
    KeyFile.from_bytes(final).save(keyfile_path(store.path))
    pending.unlink()
    had_keyring = secrets.get_key(store.store_id) is not None
    store.key = new_key
    store.db = Database(store.path, new_key)
    if had_keyring or store.unlocked_by == "keyring":
        secrets.set_key(store.store_id, new_key)
    audit.record(store.db, "rekey")
    return code


def backup_store(store: OpenedStore, out: Path | None = None, *,
                 keep: int = backup.DEFAULT_GENERATIONS) -> Path:
    """A verified backup to ``out`` or a new generation under ``backups/``."""
    target = (backup.backup_to(store.path, store.key, Path(out)) if out is not None
              else backup.backup_generation(store.path, store.key, keep=keep))
    audit.record(store.db, "backup", detail={"file": target.name})
    return target
