"""Find the database key: keyring first, then passphrase, then recovery code.

Kept apart from :mod:`service` so restore (which unlocks a backup's own key file) and
open use exactly the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from facilitator.errors import KeyUnavailableError, WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import recovery, secrets
from facilitator.store.keyfile import KeyFile, passphrase_bytes

UnlockMethod = Literal["keyring", "passphrase", "recovery"]


@dataclass
class Unlocked:
    key: bytes = field(repr=False)
    method: UnlockMethod
    keyring_missing_entry: bool


def unlock_key(
    kf: KeyFile,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    use_keyring: bool = True,
) -> Unlocked:
    """Try each method in order; raise the most useful error when all fail.

    ``keyring_missing_entry`` is True when a real keyring exists but did not hold a
    valid key for this store, so the UI can offer to store it again.
    """
    keyring_missing = False
    if use_keyring and secrets.is_real_backend():
        key = secrets.get_key(kf.store_id)
        if key is not None and kf.matches(key):
            return Unlocked(key, "keyring", False)
        keyring_missing = True
    failure: WrongKeyError | None = None
    if passphrase is not None:
        if kf.has("passphrase"):
            try:
                key = kf.unlock("passphrase", passphrase_bytes(passphrase))
                return Unlocked(key, "passphrase", keyring_missing)
            except WrongKeyError as exc:
                failure = exc
        else:
            failure = WrongKeyError(
                QT_TRANSLATE_NOOP(
                    "store", "This store has no passphrase. Open it with the recovery code."
                )
            )
    if recovery_code is not None:
        secret = recovery.secret_bytes(recovery_code)  # RecoveryCodeTypo names the group
        key = kf.unlock("recovery", secret)
        return Unlocked(key, "recovery", keyring_missing)
    if failure is not None:
        raise failure
    if keyring_missing:
        raise KeyUnavailableError(
            QT_TRANSLATE_NOOP(
                "store",
                "The system keyring does not hold the key for this store. Enter the "
                "passphrase or the recovery code.",
            )
        )
    raise KeyUnavailableError(
        QT_TRANSLATE_NOOP(
            "store",
            "No system keyring holds the key here. Enter the passphrase or the recovery code.",
        )
    )
