"""The key file beside the database: the database key wrapped once per unlock method.

``facilitator.db.keys`` is a small JSON document::

    {"format": "facilitator-keys", "version": 1, "store_id": "<hex>",
     "key_check": "<b64 HMAC-SHA256(db_key, constant + store_id)>",
     "slots": [{"id", "type": "recovery"|"passphrase"|"previous_key", "label", "user_id",
                "created_at", "kdf": {"name": "argon2id", "memory_kib", "iterations",
                "lanes", "salt"}, "nonce", "ciphertext"}]}

Each slot holds the 32-byte database key encrypted with AES-256-GCM under a key
derived from the slot's secret (Argon2id, parameters stored per slot so they can be
raised later without breaking old files). The associated data binds the store id, the
slot id, its type and its KDF parameters, so a slot copied from another store or with
its parameters edited fails to decrypt instead of yielding a wrong key.

The key-check value tells the two failures apart: a GCM tag failure means *wrong
passphrase/code*; a slot that decrypts but whose key does not match ``key_check`` (or
a document that does not parse) means *damaged key file*.

Why the recovery slot uses cheaper Argon2id parameters: a recovery code carries 140
random bits, so stretching adds nothing an attacker would notice; the passphrase slot,
whose secret is chosen by a person, gets the full >= 64 MiB / 3 passes. For test
speed only, ``FACILITATOR_KDF_PROFILE=test`` lowers the cost of *new* slots; the
stored parameters are always what is used to unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from facilitator.errors import CorruptStoreError, WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.fsutil import KEYFILE_MAX_BYTES, TooLargeError, atomic_write, read_bounded

FORMAT = "facilitator-keys"
VERSION = 1
SlotType = Literal["recovery", "passphrase", "previous_key"]
_KCV_CONTEXT = b"facilitator/key-check/v1:"
# The sane window for stored Argon2id parameters, checked BEFORE any derivation: a
# tampered key file must not stall an unlock for minutes or exhaust the memory. Our own
# slots use 64 MiB x 3 (passphrase) and 19 MiB x 2 (recovery); the test profile 64 KiB x 1.
KDF_MIN_MEMORY_KIB = 64
KDF_MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
KDF_MAX_ITERATIONS = 10
KDF_MAX_LANES = 16
KDF_MAX_WORK = 2 * 1024 * 1024  # memory_kib x iterations: at most 2 GiB-passes
MAX_SLOTS = 16  # a key file with more slots than this was not written by us


@dataclass(frozen=True)
class KdfParams:
    name: str = "argon2id"
    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4


PASSPHRASE_KDF = KdfParams("argon2id", 65536, 3, 4)
RECOVERY_KDF = KdfParams("argon2id", 19456, 2, 1)  # OWASP minimum; see module docstring
_TEST_KDF = KdfParams("argon2id", 64, 1, 1)


def default_kdf(slot_type: SlotType) -> KdfParams:
    """Parameters for a new slot; only the test profile may lower them."""
    if os.environ.get("FACILITATOR_KDF_PROFILE") == "test":
        return _TEST_KDF
    return RECOVERY_KDF if slot_type == "recovery" else PASSPHRASE_KDF


def keyfile_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".keys")


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC-normalise so the same Arabic or accented passphrase typed on another
    keyboard (composed vs decomposed forms) still unlocks."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class KeySlot:
    id: str
    type: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    label: str | None = None
    user_id: str | None = None
    created_at: str = ""

    def aad(self, store_id: str) -> bytes:
        bound = {
            "store_id": store_id,
            "slot_id": self.id,
            "type": self.type,
            "kdf": asdict(self.kdf),
            "salt": _b64(self.salt),
        }
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label,
            "user_id": self.user_id,
            "created_at": self.created_at,
            "kdf": {**asdict(self.kdf), "salt": _b64(self.salt)},
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, d: dict) -> KeySlot:
        kdf = dict(d["kdf"])
        salt = _unb64(kdf.pop("salt"))
        params = KdfParams(
            str(kdf["name"]), int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])
        )
        return cls(
            id=str(d["id"]),
            type=str(d["type"]),
            kdf=params,
            salt=salt,
            nonce=_unb64(d["nonce"]),
            ciphertext=_unb64(d["ciphertext"]),
            label=d.get("label"),
            user_id=d.get("user_id"),
            created_at=str(d.get("created_at", "")),
        )


def kdf_params_sane(params: KdfParams) -> bool:
    """True when Argon2id ``params`` lie inside the window above."""
    return (
        1 <= params.lanes <= KDF_MAX_LANES
        and max(KDF_MIN_MEMORY_KIB, 8 * params.lanes) <= params.memory_kib <= KDF_MAX_MEMORY_KIB
        and 1 <= params.iterations <= KDF_MAX_ITERATIONS
        and params.memory_kib * params.iterations <= KDF_MAX_WORK
    )


def derive(params: KdfParams, salt: bytes, secret: bytes) -> bytes:
    """The 32-byte wrapping key for one slot."""
    if params.name == "argon2id":
        if not kdf_params_sane(params):
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The key file holds impossible key-derivation settings: it is "
                    "damaged or was edited.",
                )
            )
        return Argon2id(
            salt=salt,
            length=32,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive(secret)
    if params.name == "hkdf-sha256":  # secret is itself a random 256-bit key
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=salt, info=b"facilitator/previous-key"
        ).derive(secret)
    raise CorruptStoreError(
        QT_TRANSLATE_NOOP(
            "store",
            "The key file uses an unknown key-derivation method: it is damaged or "
            "was written by a newer version of Facilitator.",
        )
    )


@dataclass
class KeyFile:
    store_id: str
    key_check: bytes
    slots: list[KeySlot] = field(default_factory=list)
    version: int = VERSION
    # None for a settled key file. "initializing": written by ``create_store`` before
    # the schema exists (a killed ``db init`` is finished or restarted, never a dead
    # end). In a ``.keys.pending`` file: "prepared" (the new recovery code is not yet
    # delivered: roll back) or "switching" (roll forward).
    state: str | None = None
    delivered: bool = False
    previous_check: bytes | None = None  # key check of the key a pending rekey replaces

    @staticmethod
    def key_check_for(store_id: str, db_key: bytes) -> bytes:
        return hmac.new(db_key, _KCV_CONTEXT + store_id.encode(), hashlib.sha256).digest()

    @classmethod
    def new(cls, db_key: bytes, store_id: str | None = None) -> KeyFile:
        sid = store_id or os.urandom(16).hex()
        return cls(store_id=sid, key_check=cls.key_check_for(sid, db_key))

    def matches(self, db_key: bytes) -> bool:
        return hmac.compare_digest(self.key_check_for(self.store_id, db_key), self.key_check)

    def slots_of(self, slot_type: str) -> list[KeySlot]:
        return [s for s in self.slots if s.type == slot_type]

    def has(self, slot_type: str) -> bool:
        return bool(self.slots_of(slot_type))

    def add_slot(
        self,
        slot_type: SlotType,
        secret: bytes,
        db_key: bytes,
        *,
        params: KdfParams | None = None,
        label: str | None = None,
        user_id: str | None = None,
    ) -> KeySlot:
        """Wrap ``db_key`` under ``secret`` in a new slot (caller saves the file)."""
        if not self.matches(db_key):
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "Internal error: wrapping a key that is not this store's."
                )
            )
        slot = KeySlot(
            id=os.urandom(8).hex(),
            type=slot_type,
            kdf=params or default_kdf(slot_type),
            salt=os.urandom(16),
            nonce=os.urandom(12),
            ciphertext=b"",
            label=label,
            user_id=user_id,
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        wrapping = derive(slot.kdf, slot.salt, secret)
        slot.ciphertext = AESGCM(wrapping).encrypt(slot.nonce, db_key, slot.aad(self.store_id))
        self.slots.append(slot)
        return slot

    def add_link(self, slot_type: str, secret_key: bytes, payload: bytes) -> None:
        """Wrap ``payload`` (another 32-byte key, NOT checked against ``key_check``)
        under the random key ``secret_key``; used by a pending rekey to reach the old
        key from the new one. The caller verifies what :meth:`open_link` returns."""
        params = KdfParams("hkdf-sha256", 0, 0, 0)
        slot = KeySlot(
            id=os.urandom(8).hex(),
            type=slot_type,
            kdf=params,
            salt=os.urandom(16),
            nonce=os.urandom(12),
            ciphertext=b"",
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        wrapping = derive(params, slot.salt, secret_key)
        slot.ciphertext = AESGCM(wrapping).encrypt(slot.nonce, payload, slot.aad(self.store_id))
        self.slots.append(slot)

    def open_link(self, slot_type: str, secret_key: bytes) -> bytes | None:
        """The payload of a link slot that ``secret_key`` opens, or None."""
        for slot in self.slots_of(slot_type):
            if slot.kdf.name != "hkdf-sha256":
                continue
            try:
                return AESGCM(derive(slot.kdf, slot.salt, secret_key)).decrypt(
                    slot.nonce, slot.ciphertext, slot.aad(self.store_id)
                )
            except InvalidTag:
                continue
        return None

    def remove_slots(self, slot_type: str) -> None:
        self.slots = [s for s in self.slots if s.type != slot_type]

    def unlock(self, slot_type: str, secret: bytes) -> bytes:
        """The database key from the first ``slot_type`` slot that ``secret`` opens.

        Raises :class:`WrongKeyError` when no slot opens and :class:`CorruptStoreError`
        when a slot opens but the key inside fails the key check.
        """
        for slot in self.slots_of(slot_type):
            wrapping = derive(slot.kdf, slot.salt, secret)
            try:
                key = AESGCM(wrapping).decrypt(slot.nonce, slot.ciphertext, slot.aad(self.store_id))
            except InvalidTag:
                continue
            if len(key) != 32 or not self.matches(key):
                raise CorruptStoreError(
                    QT_TRANSLATE_NOOP(
                        "store", "The key file is damaged: its key check does not match."
                    )
                )
            return key
        if slot_type == "passphrase":
            msg = QT_TRANSLATE_NOOP("store", "The passphrase is not correct.")
        elif slot_type == "recovery":
            msg = QT_TRANSLATE_NOOP("store", "The recovery code does not open this store.")
        else:
            msg = QT_TRANSLATE_NOOP("store", "The key does not open this key file.")
        raise WrongKeyError(msg)

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": self.version,
            "store_id": self.store_id,
            "key_check": _b64(self.key_check),
            "slots": [s.to_json() for s in self.slots],
        }
        if self.state is not None:
            doc["state"] = self.state
            doc["delivered"] = self.delivered
        if self.previous_check is not None:
            doc["previous_check"] = _b64(self.previous_check)
        return (json.dumps(doc, indent=2, ensure_ascii=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes, where: Path | str = "key file") -> KeyFile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a key file")
            version = int(doc["version"])
            if version > VERSION:
                raise CorruptStoreError(
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The key file {path} was written by a newer version of "
                        "Facilitator; update the app to open it.",
                    ),
                    params=dict(path=where),
                )
            if not isinstance(doc["slots"], list) or len(doc["slots"]) > MAX_SLOTS:
                raise ValueError("too many slots")
            slots = [KeySlot.from_json(s) for s in doc["slots"]]
            for slot in slots:
                if slot.kdf.name == "argon2id" and not kdf_params_sane(slot.kdf):
                    raise CorruptStoreError(
                        QT_TRANSLATE_NOOP(
                            "store",
                            "The key file holds impossible key-derivation settings: it "
                            "is damaged or was edited.",
                        )
                    )
            kf = cls(
                store_id=str(doc["store_id"]),
                key_check=_unb64(doc["key_check"]),
                slots=slots,
                version=version,
            )
            state = doc.get("state")
            kf.state = str(state) if state is not None else None
            kf.delivered = doc.get("delivered") is True
            if doc.get("previous_check") is not None:
                kf.previous_check = _unb64(doc["previous_check"])
        except CorruptStoreError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "The key file {path} is damaged or is not a Facilitator key file."
                ),
                params=dict(path=where),
            ) from exc
        if len(kf.key_check) != 32:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "The key file {path} is damaged or is not a Facilitator key file."
                ),
                params=dict(path=where),
            )
        return kf

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        try:
            data = read_bounded(path, KEYFILE_MAX_BYTES)
        except TooLargeError as exc:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "The key file {path} is damaged or is not a Facilitator key file."
                ),
                params=dict(path=path),
            ) from exc
        except IsADirectoryError as exc:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store", "The key file {path} is damaged or is not a Facilitator key file."
                ),
                params=dict(path=path),
            ) from exc
        except FileNotFoundError as exc:
            raise CorruptStoreError(
                QT_TRANSLATE_NOOP(
                    "store",
                    "The key file {path} is missing. Restore it from a backup (it is "
                    "saved next to every backup).",
                ),
                params=dict(path=path),
            ) from exc
        return cls.from_bytes(data, path)

    def save(self, path: Path) -> None:
        atomic_write(Path(path), self.to_bytes(), mode=0o600)
