"""The UI's view of the store service: open, create, and check a credential again.

Why an adapter: the lock screen must check a passphrase against the store that is
already open (without reopening the database or touching the lock file), and the
startup dialog must open the store. Both use the store's own rules
(:func:`facilitator.store.unlock.unlock_key`), never a second copy of them. Every
function here is slow (Argon2, keyring) and is meant to run on the task runner.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from facilitator.errors import WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import secrets, service
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.unlock import unlock_key


@dataclass(frozen=True)
class UnlockOptions:
    """Which ways in this store offers, so the dialog shows only what can work."""

    passphrase: bool
    recovery: bool
    keyring: bool  # a real system keyring exists (it may or may not hold the key)


def store_exists(path: Path) -> bool:
    return Path(path).is_file() and keyfile_path(Path(path)).is_file()


def unlock_options(path: Path) -> UnlockOptions:
    kf = KeyFile.load(keyfile_path(Path(path)))
    return UnlockOptions(kf.has("passphrase"), kf.has("recovery"), secrets.is_real_backend())


def keyring_available() -> bool:
    return secrets.is_real_backend()


def open_with_keyring(path: Path) -> service.OpenedStore:
    """Open silently through the keyring; raises KeyUnavailableError when it cannot."""
    return service.open_store(Path(path), use_keyring=True)


def open_with(
    path: Path, *, passphrase: Optional[str] = None, recovery_code: Optional[str] = None
) -> service.OpenedStore:
    return service.open_store(
        Path(path), passphrase=passphrase, recovery_code=recovery_code, use_keyring=False
    )


def verify(
    store: service.OpenedStore,
    *,
    passphrase: Optional[str] = None,
    recovery_code: Optional[str] = None,
    use_keyring: bool = False,
) -> None:
    """Check a credential against the OPEN store's key; raise WrongKeyError if it does not fit.

    Used by the lock screen: the database stays open while locked (a session in
    progress keeps saving), only the screen is hidden.
    """
    kf = KeyFile.load(keyfile_path(store.path))
    unlocked = unlock_key(
        kf, passphrase=passphrase, recovery_code=recovery_code, use_keyring=use_keyring
    )
    if not hmac.compare_digest(unlocked.key, store.key):
        raise WrongKeyError(QT_TRANSLATE_NOOP("store", "The passphrase is not correct."))


def verify_as(
    store: service.OpenedStore,
    *,
    passphrase: Optional[str] = None,
    recovery_code: Optional[str] = None,
) -> object:
    """:func:`verify`, then who is at the keyboard: the user whose own passphrase this
    is (an :class:`~facilitator.app.access.Principal`), or None (a recovery code, or
    the install's first passphrase)."""
    from facilitator.app import users

    verify(store, passphrase=passphrase, recovery_code=recovery_code)
    return users.by_passphrase(store, passphrase)
