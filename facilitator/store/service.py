"""The store's public API, used by the UI and the CLI alike.

``create_store`` makes a random 256-bit database key, wraps it in the key file (a
recovery slot always, a passphrase slot when given) and puts it in the OS keyring when
a real one exists; without a real keyring a passphrase is mandatory. ``open_store``
unlocks in the order keyring, passphrase, recovery code, holds a lock file while open,
and migrates after a backup. A failed open writes nothing to the database or key file.

Rekey design: rotating the database key is what you do when a key may have leaked, so
the old recovery code must *stop* working. :func:`rekey` therefore issues a NEW
recovery code and needs the current passphrase to rewrap the passphrase slot. It is a
recoverable sequence (see the comment above :func:`_resolve_pending` and
docs/store.md): the new code is delivered (written and read back) before the old key
stops working, ``<db>.keys.pending`` bridges old and new key until the database, the
key file and the keyring all agree, and every open settles an interrupted change before
any unlock method is tried. A passphrase change or removal, and a rekey, also rewrap
every key file the app keeps under ``backups/`` (revocation that means it).
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from facilitator.errors import (
    CorruptStoreError,
    InputError,
    KeyUnavailableError,
    ReadOnlyError,
    StoreError,
    WrongKeyError,
)
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit, backup, fsutil, migrate, recovery, secrets, walguard
from facilitator.store.db import Database, _key_pragma, integrity_problems, raw_connect
from facilitator.store.fsutil import fsync_dir, store_error_from_os
from facilitator.store.keyfile import KdfParams, KeyFile, keyfile_path, passphrase_bytes
from facilitator.store.lock import StoreLock
from facilitator.store.outpath import check_store_target, register_store
from facilitator.store.unlock import Unlocked, UnlockMethod, unlock_key

from facilitator.policy import PASSPHRASE_MIN as MIN_PASSPHRASE

_PREVIOUS_KDF = KdfParams("hkdf-sha256", 0, 0, 0)
_MIN_DB_BYTES = 512
VERIFY_ON_OPEN_MAX_BYTES = 16 * 1024 * 1024


def pending_keyfile_path(db_path: Path) -> Path:
    return keyfile_path(db_path).with_name(keyfile_path(db_path).name + ".pending")


def resolve(path: Path | str) -> Path:
    """The store's real path: symlinks followed, so the lock, the key file and SQLite's
    own ``-wal`` (SQLite resolves symlinks too) all sit beside the same file."""
    return Path(os.path.realpath(Path(path).expanduser()))


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
    notices: list[str] = field(default_factory=list)
    # the audit chain as checked on unlock (None when not checked); see store/audit.py
    audit_report: audit.ChainReport | None = field(default=None, repr=False)

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
        raise InputError(
            QT_TRANSLATE_NOOP("store", "The passphrase must be at least {n} characters long."),
            params=dict(n=MIN_PASSPHRASE),
            field="passphrase",
        )


Deliver = Callable[[str], None]


def create_store(
    path: Path,
    *,
    passphrase: str | None = None,
    use_keyring: bool = True,
    deliver: Deliver | None = None,
) -> CreatedStore:
    """Create a new encrypted store at ``path`` with its key file and schema.

    ``deliver(code)`` (the CLI's ``--recovery-out`` writer or printer) receives the
    recovery code *before* anything is created, so a kill at any later point never
    leaves a store whose code nobody saw. Without a passphrase the key must be stored
    in the real keyring, read back and matched first; a keyring that is locked or does
    not answer is reported as such and nothing is created.
    """
    path = resolve(path)
    check_store_target(path)
    kpath = keyfile_path(path)
    leftover = _leftover_init(path, kpath)
    if not leftover and ((path.exists() and path.stat().st_size > 0) or kpath.exists()):
        raise StoreError(
            QT_TRANSLATE_NOOP("store", "A store already exists at {path}; it was left untouched."),
            params=dict(path=path),
        )
    real = use_keyring and secrets.is_real_backend()
    if passphrase is None and not real:
        raise KeyUnavailableError(
            QT_TRANSLATE_NOOP(
                "store",
                "No system keyring is available on this computer, so the store needs "
                "a passphrase. Choose one and keep it safe.",
            )
        )
    if passphrase is not None:
        check_passphrase(passphrase)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error_from_os(exc, "create the folder", path.parent) from exc
    lock = StoreLock(path).acquire()
    db = None
    made_db = False
    try:
        fsutil.clean_stale_temps(path)
        if leftover:
            _set_aside_leftover(path, kpath)
        pre_existing = path.exists()
        key = os.urandom(32)
        kf = KeyFile.new(key)
        code = recovery.generate()
        kf.add_slot("recovery", recovery.secret_bytes(code), key)
        if passphrase is not None:
            kf.add_slot("passphrase", passphrase_bytes(passphrase), key)
        keyring_used = False
        if real:  # before anything exists, so a kill never leaves the keyring behind
            keyring_used = secrets.set_key(kf.store_id, key) and secrets.get_key(kf.store_id) == key
            if not keyring_used and passphrase is None:
                raise KeyUnavailableError(
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The system keyring did not store the key (it is locked or did "
                        "not answer), so nothing was created. Unlock the keyring and try again, "
                        "or give the store a passphrase.",
                    )
                )
        if deliver is not None:
            deliver(code)
        kf.state, kf.delivered = "initializing", deliver is not None
        kf.save(kpath)  # the key file first: a database never exists without it
        made_db = not pre_existing
        os.close(os.open(str(path), os.O_WRONLY | os.O_CREAT, 0o600))  # SQLite keeps the mode
        db = Database(path, key)
        migrate.upgrade(db.engine)
        audit.record(
            db,
            "store_created",
            detail={"keyring": keyring_used, "passphrase": passphrase is not None},
        )
        kf.state = None
        kf.save(kpath)
    except OSError as exc:
        _cleanup_failed_create(db, path, kpath, lock, made_db)
        raise store_error_from_os(exc, "create", path) from exc
    except BaseException:
        _cleanup_failed_create(db, path, kpath, lock, made_db)
        raise
    register_store(path)
    return CreatedStore(
        db=db,
        unlocked_by="keyring" if keyring_used else "passphrase",
        keyring_missing_entry=False,
        path=path,
        store_id=kf.store_id,
        key=key,
        lock=lock,
        recovery_code=code,
        keyring_used=keyring_used,
    )


def _leftover_init(path: Path, kpath: Path) -> bool:
    """True when ``kpath`` is the key file of a ``db init`` that was killed before its
    schema was written (so a new init may start over)."""
    if not kpath.is_file():
        return False
    try:
        kf = KeyFile.load(kpath)
    except StoreError:
        return False
    if kf.state != "initializing":
        return False
    return not path.exists() or path.stat().st_size == 0


def _set_aside_leftover(path: Path, kpath: Path) -> None:
    """Keep (never delete) the key file of an unfinished init, then start over."""
    stamp = backup._stamp()
    os.replace(kpath, kpath.with_name(f"{kpath.name}.unfinished-{stamp}"))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _cleanup_failed_create(
    db: Database | None, path: Path, kpath: Path, lock: StoreLock, made_db: bool
) -> None:
    """A half-made store holds nothing yet: remove what THIS call made, so a retry
    starts clean; a file that was there before (an empty file, a device) is kept."""
    if db is not None:
        db.close()
    remove = [Path(f"{path}-wal"), Path(f"{path}-shm"), lock.path]
    if made_db:
        remove.append(path)
    if kpath.exists():
        try:
            ours = KeyFile.load(kpath).state == "initializing"
        except StoreError:
            ours = False
        if ours:
            remove.append(kpath)
    for p in remove:
        try:
            if p.is_file() and not p.is_symlink():
                p.unlink()
        except OSError:
            pass
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
    """True when ``key`` opens the database (no writes on failure, WAL checked first)."""
    found, _notice = walguard.which_key(path, [key])
    return found is not None


# -- a key change as a recoverable sequence ------------------------------------------------
#
# rekey:  1 pre-rekey backup  2 pending file "prepared" (new key file + links between the
#         old and the new key)  3 deliver the new recovery code (written and read back)
#         4 pending "switching"  5 PRAGMA rekey + checkpoint  6 key file replaced
#         7 keyring updated and read back  8 pending removed  9 kept key files re-wrapped.
# open:   a "prepared" pending file is simply removed (the database was never touched);
#         a "switching" one is finished with whichever key the user has (old or new).


def _resolve_pending(
    path: Path, kf: KeyFile, *, passphrase: str | None, recovery_code: str | None, use_keyring: bool
) -> tuple[KeyFile, Unlocked | None, str | None]:
    """Finish or roll back an interrupted key change BEFORE the normal unlock.

    Returns the settled key file, the unlock (when finishing needed a key) and, when the
    interrupted change never delivered its recovery code, a fresh code to show.
    """
    pending = pending_keyfile_path(path)
    if not pending.exists():
        return kf, None, None
    try:
        pkf = KeyFile.load(pending)
    except CorruptStoreError:
        pkf = None
    if pkf is None or pkf.store_id != kf.store_id:
        # damaged or from another store: kept for inspection, never deleted
        os.replace(pending, pending.with_name(f"{pending.name}.damaged-{backup._stamp()}"))
        fsync_dir(path.parent)
        return kf, None, None
    if pkf.state == "prepared":  # the database was never touched: roll back
        pending.unlink()
        fsync_dir(path.parent)
        return kf, None, None
    # the switch may have happened: unlock with whatever the user has, old or new
    unlocked = None
    failure: StoreError | None = None
    if use_keyring and secrets.is_real_backend():
        held = secrets.get_key(kf.store_id)
        if held is not None and (
            kf.matches(held)
            or pkf.matches(held)
            or (
                pkf.previous_check is not None
                and hmac.compare_digest(
                    KeyFile.key_check_for(pkf.store_id, held), pkf.previous_check
                )
            )
        ):
            unlocked = Unlocked(held, "keyring", False)
    for source in (kf, pkf):
        if unlocked is not None:
            break
        try:
            unlocked = unlock_key(
                source, passphrase=passphrase, recovery_code=recovery_code, use_keyring=use_keyring
            )
            break
        except (WrongKeyError, KeyUnavailableError) as exc:
            failure = failure or exc
    if unlocked is None:
        raise failure  # type: ignore[misc]
    key = unlocked.key
    new_key: bytes | None
    old_key: bytes | None
    if pkf.matches(key):
        new_key, old_key = key, pkf.open_link("old_key", key)
    else:
        old_key, new_key = key, pkf.open_link("previous_key", key)
        if new_key is None or not pkf.matches(new_key):
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The unfinished key change beside {path} is damaged. Restore the "
                    "store from a backup.",
                ),
                params=dict(path=path),
            )
    if old_key is None or (
        pkf.previous_check is not None
        and not hmac.compare_digest(
            KeyFile.key_check_for(pkf.store_id, old_key), pkf.previous_check
        )
    ):
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store",
                "The unfinished key change beside {path} is damaged. Restore the store "
                "from a backup.",
            ),
            params=dict(path=path),
        )
    found, notice = walguard.which_key(path, [new_key, old_key])
    if found is None:
        raise CorruptStoreError(
            QT_TRANSLATE_NOOP(
                "store",
                "The database does not open with its key: it is damaged. Restore it from a backup.",
            )
        )
    if found == old_key:
        _switch_key(path, old_key, new_key)
    _checkpoint(path, new_key)
    final = _settled(pkf)
    code = None
    if not pkf.delivered:  # the new code never reached the user: issue one now
        final.remove_slots("recovery")
        code = recovery.generate()
        final.add_slot("recovery", recovery.secret_bytes(code), new_key)
    final.save(keyfile_path(path))
    if secrets.is_real_backend():  # even when unlocked by passphrase or code: the
        held = secrets.get_key(kf.store_id)  # entry must not be left on the old key
        if held is not None and held != new_key:
            secrets.set_key(kf.store_id, new_key)  # best effort: the new code was delivered
    pending.unlink()
    fsync_dir(path.parent)
    result = Unlocked(new_key, unlocked.method, unlocked.keyring_missing_entry)
    if notice:
        result.notice = notice  # type: ignore[attr-defined]
    return final, result, code


def _settled(pkf: KeyFile) -> KeyFile:
    final = KeyFile.from_bytes(pkf.to_bytes())
    for kind in ("previous_key", "old_key"):
        final.remove_slots(kind)
    final.state, final.delivered, final.previous_check = None, False, None
    return final


def _switch_key(path: Path, old_key: bytes, new_key: bytes) -> None:
    conn = raw_connect(path, old_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
    finally:
        conn.close()


def _refuse_read_only(path: Path) -> None:
    """Refuse a store whose file or folder cannot be written, before touching it.

    Why up front: SQLite would otherwise create ``-wal``/``-shm`` beside a read-only
    database file with the file's own read-only mode, and those leftovers keep the
    store read-only even after the user fixes the file's permissions.
    """
    for target in (path, path.parent):
        if not os.access(target, os.W_OK):
            raise ReadOnlyError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The store {path} cannot be opened for writing: {target} is "
                    "read-only. Nothing was changed.",
                ),
                params=dict(path=path, target=target),
            )


def open_store(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    use_keyring: bool = True,
    migrate_on_open: bool = True,
    verify: bool | None = None,
) -> OpenedStore:
    """Unlock and open the store at ``path``; see the module docstring for the order.

    ``verify`` runs ``cipher_integrity_check`` and ``quick_check`` before anything is
    written, so a damaged file is refused and left byte-identical. Both read every
    page (about 15 ms per MB on a slow laptop), so by default (``None``) they run only
    for stores up to ``VERIFY_ON_OPEN_MAX_BYTES``; larger stores are fully checked by
    every backup and by ``facilitator db check``.
    """
    path = resolve(path)
    if not path.is_file():
        raise StoreError(
            QT_TRANSLATE_NOOP("store", "There is no store at {path}."), params=dict(path=path)
        )
    _refuse_read_only(path)
    lock = StoreLock(path).acquire()
    db = None
    notices: list[str] = []
    try:
        fsutil.clean_stale_temps(path)
        kf = KeyFile.load(keyfile_path(path))
        try:
            kf, unlocked, new_code = _resolve_pending(
                path,
                kf,
                passphrase=passphrase,
                recovery_code=recovery_code,
                use_keyring=use_keyring,
            )
        except WrongKeyError:
            audit.note_failed_unlock(path, "recovery" if recovery_code else "passphrase")
            raise
        if unlocked is not None and getattr(unlocked, "notice", None):
            notices.append(unlocked.notice)  # type: ignore[attr-defined]
        initializing = kf.state == "initializing"
        if path.stat().st_size < _MIN_DB_BYTES and not (initializing and path.stat().st_size == 0):
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "The database {path} is truncated or empty. Restore it from a backup."
                ),
                params=dict(path=path),
            )
        if unlocked is None:
            try:
                unlocked = unlock_key(
                    kf, passphrase=passphrase, recovery_code=recovery_code, use_keyring=use_keyring
                )
            except WrongKeyError:
                audit.note_failed_unlock(path, "recovery" if recovery_code else "passphrase")
                raise
        key = unlocked.key
        if path.stat().st_size > 0:
            found, notice = walguard.which_key(path, [key])
            if found is None:
                raise CorruptStoreError(
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The database {path} does not open with its own key: it is "
                        "damaged or was replaced by another file. Restore it from a "
                        "backup.",
                    ),
                    params=dict(path=path),
                )
            if notice:
                notices.append(notice)
        if verify is None:
            verify = path.stat().st_size <= VERIFY_ON_OPEN_MAX_BYTES
        if verify and path.stat().st_size > 0:
            problems = integrity_problems(path, key, quick=True)
            if problems:
                raise CorruptStoreError(
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The database {path} is damaged ({problem}). It was not changed; "
                        "restore it from a backup.",
                    ),
                    params=dict(path=path, problem=problems[0]),
                )
        db = Database(path, key)
        if initializing:  # a db init killed before its schema: finish it now
            migrate.upgrade(db.engine)
            if not kf.delivered:  # nobody saw its recovery code: issue one to show now
                kf.remove_slots("recovery")
                new_code = recovery.generate()
                kf.add_slot("recovery", recovery.secret_bytes(new_code), key)
            kf.state, kf.delivered = None, False
            kf.save(keyfile_path(path))
        elif migrate_on_open and migrate.needs_upgrade(db.engine):
            backup.backup_generation(path, key, reason="pre-migrate")
            migrate.upgrade(db.engine)
            audit.record(db, "migrate", detail={"to": migrate.head_revision()})
        audit_report = (
            None
            if migrate.needs_upgrade(db.engine)  # no chain columns yet
            else audit.check_on_unlock(db)
        )  # before this unlock adds to it
        audit.record(db, "unlock", detail={"method": unlocked.method})
    except BaseException:
        if db is not None:
            db.close()
        lock.release()
        raise
    register_store(path)
    return OpenedStore(
        db=db,
        unlocked_by=unlocked.method,
        keyring_missing_entry=unlocked.keyring_missing_entry,
        path=path,
        store_id=kf.store_id,
        key=key,
        lock=lock,
        new_recovery_code=new_code,
        notices=notices,
        audit_report=audit_report,
    )


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
    path = resolve(path)
    if not path.is_file():
        return UnlockOptions(False, False, False, secrets.is_real_backend())
    kf = KeyFile.load(keyfile_path(path))
    return UnlockOptions(True, kf.has("passphrase"), kf.has("recovery"), secrets.is_real_backend())


def _keyfile(store: OpenedStore) -> KeyFile:
    return KeyFile.load(keyfile_path(store.path))


# -- revocation: every key file the app keeps follows the live one ------------------------


def kept_keyfiles(db_path: Path) -> list[Path]:
    """Every key file the app keeps for this store: backups of every kind (generations,
    pre-rekey, pre-migrate, restore's replaced copy)."""
    folder = backup.backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{Path(db_path).name}-*.keys") if p.is_file())


@dataclass
class Rewrapped:
    rewrapped: int = 0
    revoked_only: int = 0  # passphrase slots removed where the key could not be reached
    untouched: int = 0


def rewrap_kept(
    store: OpenedStore,
    *,
    passphrase: str | None,
    current: str | None = None,
    recovery_code: str | None = None,
    old_key: bytes | None = None,
) -> Rewrapped:
    """Make every kept key file follow the live credentials.

    Passphrase slots are replaced by one for ``passphrase`` (or removed when it is
    None); with ``recovery_code`` (a rekey) the recovery slots are replaced too, so an
    old code opens nothing the app keeps. A kept file's own key is reached through the
    live key, ``old_key`` (the key a rekey just retired) or the ``current``
    passphrase; where none reaches it, its passphrase slots are still removed
    (revocation wins) and its recovery slot is left as it was.
    """
    result = Rewrapped()
    for kpath in kept_keyfiles(store.path):
        try:
            kf = KeyFile.load(kpath)
        except StoreError:
            result.untouched += 1
            continue
        if kf.store_id != store.store_id:
            result.untouched += 1
            continue
        key = None
        for candidate in (store.key, old_key):
            if candidate is not None and kf.matches(candidate):
                key = candidate
        if key is None and current is not None and kf.has("passphrase"):
            try:
                key = kf.unlock("passphrase", passphrase_bytes(current))
            except WrongKeyError:
                key = None
        kf.remove_slots("passphrase")
        if key is None:
            kf.save(kpath)
            result.revoked_only += 1
            continue
        if passphrase is not None:
            kf.add_slot("passphrase", passphrase_bytes(passphrase), key)
        if recovery_code is not None:
            kf.remove_slots("recovery")
            kf.add_slot("recovery", recovery.secret_bytes(recovery_code), key)
        kf.save(kpath)
        result.rewrapped += 1
    return result


def change_passphrase(
    store: OpenedStore, new_passphrase: str, *, current: str | None = None
) -> Rewrapped:
    """Rewrap the key under a new passphrase (the database is not re-encrypted).

    Every key file the app keeps (backups, pre-rekey and pre-migrate copies, restore's
    replaced copy) is rewrapped too, so the old passphrase opens nothing the app keeps.
    """
    check_passphrase(new_passphrase)
    kf = _keyfile(store)
    slots = kf.slots_of("passphrase")
    if len(slots) > 1:  # a shared install: change only the slot the current passphrase opens
        if current is None:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "This store has several users: give the current passphrase, or "
                    "change a user's passphrase with 'facilitator users passwd'.",
                )
            )
        mine = []
        for slot in slots:
            one = KeyFile(store_id=kf.store_id, key_check=kf.key_check, slots=[slot])
            try:
                one.unlock("passphrase", passphrase_bytes(current))
            except WrongKeyError:
                continue
            mine.append(slot)
        if not mine:
            raise WrongKeyError(QT_TRANSLATE_NOOP("store", "The passphrase is not correct."))
        kf.slots = [slot for slot in kf.slots if slot not in mine]
        for slot in mine:
            kf.add_slot(
                "passphrase",
                passphrase_bytes(new_passphrase),
                store.key,
                label=slot.label,
                user_id=slot.user_id,
            )
    else:
        owner = slots[0] if slots else None
        kf.remove_slots("passphrase")
        kf.add_slot(
            "passphrase",
            passphrase_bytes(new_passphrase),
            store.key,
            label=owner.label if owner else None,
            user_id=owner.user_id if owner else None,
        )
    kf.save(keyfile_path(store.path))
    audit.record(store.db, "passphrase_changed")
    return rewrap_kept(store, passphrase=new_passphrase, current=current)


def remove_passphrase(store: OpenedStore) -> Rewrapped:
    """Drop the passphrase slot; only allowed while the real keyring holds the key."""
    if secrets.get_key(store.store_id) != store.key:
        raise KeyUnavailableError(
            QT_TRANSLATE_NOOP(
                "store",
                "The passphrase cannot be removed: the system keyring does not hold "
                "this store's key, so the passphrase is needed to open it.",
            )
        )
    kf = _keyfile(store)
    kf.remove_slots("passphrase")
    kf.save(keyfile_path(store.path))
    audit.record(store.db, "passphrase_removed")
    return rewrap_kept(store, passphrase=None)


def restore_keyring_entry(store: OpenedStore) -> bool:
    """Put the key back into the keyring (after it was lost); True on success."""
    ok = secrets.set_key(store.store_id, store.key)
    if ok:
        store.keyring_missing_entry = False
        audit.record(store.db, "keyring_restored")
    return ok


@dataclass
class RekeyResult:
    code: str = field(repr=False)
    keyring_updated: bool | None  # None: the store does not use the keyring
    kept: Rewrapped = field(default_factory=Rewrapped)


def rekey(
    store: OpenedStore, *, passphrase: str | None = None, deliver: Deliver | None = None
) -> str:
    """Rotate the database key; returns the NEW recovery code (show it once).

    ``deliver(code)`` is called with the new code before the old key stops working;
    it must raise if the code could not be handed over (a file that cannot be read
    back, a closed terminal), and then nothing changes. Without ``deliver`` a crash
    mid-way issues a fresh code on the next open instead.
    """
    return rekey_detailed(store, passphrase=passphrase, deliver=deliver).code


def rekey_detailed(
    store: OpenedStore, *, passphrase: str | None = None, deliver: Deliver | None = None
) -> RekeyResult:
    kf = _keyfile(store)
    if kf.has("passphrase"):
        if passphrase is None:
            raise InputError(
                QT_TRANSLATE_NOOP("store", "Changing the key needs the current passphrase.")
            )
        if kf.unlock("passphrase", passphrase_bytes(passphrase)) != store.key:
            raise WrongKeyError(QT_TRANSLATE_NOOP("store", "The passphrase is not correct."))
    held = secrets.get_key(store.store_id) if secrets.is_real_backend() else None
    uses_keyring = held is not None or store.unlocked_by == "keyring"
    backup.backup_generation(store.path, store.key, reason="pre-rekey")
    old_key, new_key = store.key, os.urandom(32)
    new_kf = KeyFile.new(new_key, store_id=kf.store_id)
    code = recovery.generate()
    # the new code opens the OLD key too until the switch: if the change is rolled back
    # after the code was delivered, the code the user holds still works
    early = kf.add_slot("recovery", recovery.secret_bytes(code), old_key)
    kf.save(keyfile_path(store.path))
    new_kf.add_slot("recovery", recovery.secret_bytes(code), new_key)
    for slot in kf.slots_of("passphrase"):
        # Only the slot(s) this passphrase opens are rewrapped: on a shared install the
        # other users' slots cannot be (their passphrases are theirs); they are dropped
        # and an administrator gives those users a new passphrase (users.set_passphrase).
        one = KeyFile(store_id=kf.store_id, key_check=kf.key_check, slots=[slot])
        try:
            one.unlock("passphrase", passphrase_bytes(passphrase or ""))
        except WrongKeyError:
            continue
        new_kf.add_slot(
            "passphrase",
            passphrase_bytes(passphrase or ""),
            new_key,
            label=slot.label,
            user_id=slot.user_id,
        )
    new_kf.add_slot("previous_key", old_key, new_key, params=_PREVIOUS_KDF)
    new_kf.add_link("old_key", new_key, old_key)
    new_kf.previous_check = kf.key_check
    new_kf.state = "prepared"
    pending = pending_keyfile_path(store.path)
    new_kf.save(pending)
    if deliver is not None:
        try:
            deliver(code)
        except BaseException:
            pending.unlink(missing_ok=True)
            kf.slots = [slot for slot in kf.slots if slot.id != early.id]
            kf.save(keyfile_path(store.path))  # the undelivered code opens nothing
            raise
    new_kf.state, new_kf.delivered = "switching", deliver is not None
    new_kf.save(pending)
    store.db.close()
    _switch_key(store.path, old_key, new_key)
    _checkpoint(store.path, new_key)
    _settled(new_kf).save(keyfile_path(store.path))
    keyring_updated: bool | None = None
    if uses_keyring:
        keyring_updated = bool(
            secrets.set_key(store.store_id, new_key) and secrets.get_key(store.store_id) == new_key
        )
        if keyring_updated:
            store.keyring_missing_entry = False
        else:
            store.keyring_missing_entry = True
    pending.unlink()
    fsync_dir(store.path.parent)
    store.key = new_key
    store.db = Database(store.path, new_key)
    audit.record(store.db, "rekey", detail={"keyring": keyring_updated})
    kept = rewrap_kept(
        store,
        passphrase=passphrase if kf.has("passphrase") else None,
        current=passphrase,
        recovery_code=code,
        old_key=old_key,
    )
    return RekeyResult(code, keyring_updated, kept)


def backup_store(
    store: OpenedStore, out: Path | None = None, *, keep: int = backup.DEFAULT_GENERATIONS
) -> Path:
    """A verified backup to ``out`` or a new generation under ``backups/``."""
    target = (
        backup.backup_to(store.path, store.key, Path(out))
        if out is not None
        else backup.backup_generation(store.path, store.key, keep=keep)
    )
    audit.record(store.db, "backup", detail={"file": target.name})
    return target
