"""The one rule for every file Facilitator writes on request (``--out``, a save dialog).

Why one rule: a report written with ``--out facilitator.db`` once replaced the live
database with a PDF, and ``--out facilitator.db.keys`` replaced the key file, after
which nothing opened the store again. Every command that writes a file the user named
(report PDFs, handouts, WHO-5 forms, the recovery kit, backups, ``--recovery-out``,
``db init``'s target) calls :func:`check_output_path` *before* any work is done, and
the writers call it again just before the rename as a safety net.

The rule, on the resolved path (symlinks followed, ``..`` removed, hard links caught by
inode):

* never a store or anything that belongs to one: the database, its key file, its
  ``.keys.pending``, ``-wal``/``-shm``/``-journal``, its ``.lock``, its audit anchors
  ``.audit-head`` and ``.unlock-failures``, anything inside its ``backups/`` folder
  (refused bundles are quarantined inside the encrypted database, not in a folder).
  A store is recognised three ways: the stores this process opened
  (registered by :mod:`facilitator.store.service`), the stores the caller names, and any
  file that has a key file beside it or is itself a Facilitator key file;
* never a directory, a device, a FIFO or a socket (writing "to" ``/dev/null`` would
  replace the device node with a regular file);
* never an existing file unless ``overwrite`` is True (``--force`` on the command
  line; the app asks first, then passes True). :class:`OutputExistsError` says so, so
  the app can catch exactly that case and ask;
* the folder must exist and be writable.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Iterable

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP

# Names of the files a store keeps beside its database (suffixes added to its name).
# ``.audit-head`` anchors the end of the audit chain and ``.unlock-failures`` counts
# failed unlocks until the next unlock moves them into the chain (store/audit.py):
# overwriting either would hide a cut log or a guessing attempt.
STORE_SUFFIXES = (
    "",
    ".keys",
    ".keys.pending",
    "-wal",
    "-shm",
    "-journal",
    ".lock",
    ".audit-head",
    ".unlock-failures",
)
KEYFILE_MAGIC = b'"facilitator-keys"'
KEYFILE_SNIFF_BYTES = 256

_registry_lock = threading.Lock()
_registered: set[str] = set()


class OutputPathError(InputError):
    """The output path is one Facilitator must never write to."""


class OutputExistsError(OutputPathError):
    """The output file exists and overwriting was not confirmed (``--force``)."""


def register_store(db_path: Path | str) -> None:
    """Remember a store this process opened, so no output can ever land on it."""
    with _registry_lock:
        _registered.add(os.path.realpath(db_path))


def registered_stores() -> list[Path]:
    with _registry_lock:
        return [Path(p) for p in sorted(_registered)]


def _default_store() -> Path | None:
    """The per-user default store, computed without creating its folder."""
    try:
        override = os.environ.get("FACILITATOR_HOME")
        if override:
            return Path(override) / "facilitator.db"
        import platformdirs

        return Path(platformdirs.user_data_dir("facilitator", appauthor=False)) / "facilitator.db"
    except Exception:  # platformdirs cannot tell on an odd system: nothing to protect
        return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _looks_like_keyfile(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return KEYFILE_MAGIC in f.read(KEYFILE_SNIFF_BYTES)
    except OSError:
        return False


def _belongs_to_store(real: Path, stores: Iterable[Path]) -> Path | None:
    """The store ``real`` (a resolved path) belongs to, or None."""
    for db in stores:
        db_real = Path(os.path.realpath(db))
        for suffix in STORE_SUFFIXES:
            companion = Path(str(db_real) + suffix)
            if real == companion or _same_file(real, companion):
                return db_real
        backups = Path(os.path.realpath(db_real.parent / "backups"))
        if real == backups or backups in real.parents:
            return db_real
    # Any store, even one this process never heard of: a database has its key file
    # beside it; a companion file's base name is a database with a key file.
    if Path(str(real) + ".keys").exists():
        return real
    for suffix in STORE_SUFFIXES[1:]:
        name = real.name
        if name.endswith(suffix) and len(name) > len(suffix):
            base = real.with_name(name[: -len(suffix)])
            if base.is_file() and Path(str(base) + ".keys").exists():
                return base
    if real.is_file() and _looks_like_keyfile(real):
        return real
    if real.parent.name == "backups" and any(real.parent.glob("*.bak.keys")):
        return real.parent
    return None


def check_output_path(
    path: str | Path, *, overwrite: bool = False, stores: Iterable[Path | str | None] = ()
) -> Path:
    """Return ``path`` when a new file may be written there; raise a plain-words error.

    ``stores`` are stores the caller knows about (the command's ``--db``); the stores
    this process opened and the default store are always protected as well.
    """
    text = str(path) if path is not None else ""
    if not text.strip():
        raise OutputPathError(QT_TRANSLATE_NOOP("store", "No output file was given."))
    target = Path(text).expanduser()
    real = Path(os.path.realpath(target))
    known = [Path(s) for s in stores if s] + registered_stores()
    default = _default_store()
    if default is not None:
        known.append(default)
    owner = _belongs_to_store(real, known)
    if owner is not None:
        raise OutputPathError(
            QT_TRANSLATE_NOOP(
                "store",
                "{path} belongs to the store {store} (its database, key file, lock or "
                "backups); nothing was written. Choose another file name.",
            ),
            params=dict(path=text, store=owner),
        )
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputPathError(
            QT_TRANSLATE_NOOP("store", "{path} cannot be used: {reason}."),
            params=dict(path=text, reason=exc.strerror or exc),
        ) from exc
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputPathError(
                QT_TRANSLATE_NOOP("store", "{path} is a folder; give a file name inside it."),
                params=dict(path=text),
            )
        if not stat.S_ISREG(st.st_mode):
            raise OutputPathError(
                QT_TRANSLATE_NOOP(
                    "store", "{path} is a device, pipe or socket, not a file; nothing was written."
                ),
                params=dict(path=text),
            )
        if not overwrite:
            raise OutputExistsError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "{path} already exists; nothing was written. Choose another name, "
                    "or confirm that it may be replaced (--force on the command line).",
                ),
                params=dict(path=text),
            )
    folder = real.parent
    if not folder.is_dir():
        raise OutputPathError(
            QT_TRANSLATE_NOOP("store", "The folder {folder} does not exist."),
            params=dict(folder=target.parent),
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(
            QT_TRANSLATE_NOOP(
                "store", "The folder {folder} is read-only, so {path} cannot be written."
            ),
            params=dict(folder=target.parent, path=text),
        )
    return target


def check_store_target(path: str | Path) -> Path:
    """The same rule for a *new store*'s database path (``db init``, the first-run wizard).

    A new store may not be a folder, a device or a FIFO, nor land on another store's key
    file, lock, WAL or backups; an existing non-empty file is refused by
    :func:`facilitator.store.service.create_store` itself ("a store already exists").
    """
    text = str(path) if path is not None else ""
    if not text.strip():
        raise OutputPathError(QT_TRANSLATE_NOOP("store", "No output file was given."))
    target = Path(text).expanduser()
    real = Path(os.path.realpath(target))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputPathError(
            QT_TRANSLATE_NOOP("store", "{path} cannot be used: {reason}."),
            params=dict(path=text, reason=exc.strerror or exc),
        ) from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputPathError(
            QT_TRANSLATE_NOOP("store", "{path} is a folder; give a file name inside it."),
            params=dict(path=text),
        )
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputPathError(
            QT_TRANSLATE_NOOP(
                "store", "{path} is a device, pipe or socket, not a file; nothing was written."
            ),
            params=dict(path=text),
        )
    others = [
        p
        for p in registered_stores() + [_default_store()]
        if p is not None and Path(os.path.realpath(p)) != real
    ]
    owner = None
    if not Path(str(real) + ".keys").exists():  # a store of its own: create_store says so
        owner = _belongs_to_store(real, others)
    if owner is not None and owner != real:
        raise OutputPathError(
            QT_TRANSLATE_NOOP(
                "store",
                "{path} belongs to the store {store} (its database, key file, lock or "
                "backups); nothing was written. Choose another file name.",
            ),
            params=dict(path=text, store=owner),
        )
    return target
