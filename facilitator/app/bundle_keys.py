"""Device keys: this install's identity and the other installs it trusts.

A public-key file (``facilitator keys export-public``) is plain text anyone can read::

    facilitator-public-key v1
    label: <free text>
    device: <device id>
    minisign: RW...     (the minisign public key line, usable as ``minisign -P``)
    age: age1...        (the age X25519 recipient)
    fingerprint: ABCD-EFGH-JKMN-PQRS-TVWX

The fingerprint in the file is only a convenience: it is always recomputed from the
two keys, and ``trust`` pins a key only when the fingerprint the person read out over
the phone equals the recomputed one. Nothing here touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from facilitator.app.access import Principal, acting
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import devicekeys as dk
from facilitator.store.db import Database
from facilitator.store.fsutil import atomic_write
from facilitator.store.models import new_id, utcnow
from facilitator.store.models_bundles import DeviceKey

import base64

HEADER = "facilitator-public-key v1"
MAX_KEYFILE_BYTES = 4096
NO_SINGLE_KEY = QT_TRANSLATE_NOOP(
    "bundles", "No single key matches '{key_id}'; give more of its id."
)


@dataclass(frozen=True)
class PublicKey:
    label: str
    device_id: str
    sign_public: bytes
    age_recipient: str
    key_id: str

    @property
    def fingerprint(self) -> str:
        return dk.fingerprint(self.sign_public, dk.age_public_from_recipient(self.age_recipient))

    @property
    def minisign(self) -> str:
        return dk.minisign_public(self.sign_public)


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    device_id: str
    kind: str
    label: str
    status: str
    fingerprint: str
    created_at: object
    last_counter: int


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _unb64(s: str) -> bytes:
    return base64.b64decode(s)


def own_active(s: OrmSession) -> DeviceKey | None:
    return s.scalars(
        select(DeviceKey).where(DeviceKey.kind == "own", DeviceKey.status == "active")
    ).first()


def ensure_identity(s: OrmSession, label: str = "") -> DeviceKey:
    """This install's active key pair, made on first use."""
    row = own_active(s)
    if row is not None:
        return row
    previous = s.scalars(
        select(DeviceKey).where(DeviceKey.kind == "own").order_by(DeviceKey.created_at.desc())
    ).first()
    return _new_own(
        s,
        label,
        previous.device_id if previous else new_id(),
        previous.last_counter if previous else 0,
    )


def _new_own(s: OrmSession, label: str, device_id: str, counter: int) -> DeviceKey:
    kp = dk.generate()
    row = DeviceKey(
        key_id=kp.key_id,
        device_id=device_id,
        kind="own",
        label=label,
        sign_public=_b64(kp.sign_public),
        age_recipient=dk.age_recipient(kp.enc_public),
        sign_secret=_b64(kp.sign_secret),
        age_identity=dk.age_identity(kp.enc_secret),
        status="active",
        last_counter=counter,
    )
    s.add(row)
    s.flush()
    return row


def public_of(row: DeviceKey) -> PublicKey:
    return PublicKey(
        row.label, row.device_id, _unb64(row.sign_public), row.age_recipient, row.key_id
    )


def public_text(pk: PublicKey) -> str:
    return (
        f"{HEADER}\nlabel: {pk.label}\ndevice: {pk.device_id}\nminisign: {pk.minisign}\n"
        f"age: {pk.age_recipient}\nfingerprint: {pk.fingerprint}\n"
    )


def export_public(
    db: Database, out: Path, label: str | None = None, *, who: Principal | None = None
) -> PublicKey:
    """Write this install's public key (``keys.read``: whoever sends or receives
    bundles, or an administrator), made on first use."""
    acting(db, who, "keys.read")
    with db.unit() as s:
        row = ensure_identity(s, label or "")
        if label is not None:
            row.label = label
        pk = public_of(row)
        _audit(s, "keys.export_public", {"key_id": row.key_id})
    atomic_write(Path(out), public_text(pk).encode())
    return pk


def new_recovery_key(public_out: Path, secret_out: Path, label: str) -> PublicKey:
    """An organisation recovery key: a key pair made here but kept by no install.

    Why: if every supervisor's laptop is lost, bundles addressed also to this key can
    still be opened, with the reference ``age -d -i SECRET`` command and nothing of
    ours. The secret file is a standard age identity file, to be printed and kept
    offline (a safe, two people); its signing half is discarded at once, so the key
    can never send bundles. The public file is trusted like any other key.
    """
    kp = dk.generate()
    device = new_id()
    pk = PublicKey(
        label or "Organisation recovery key",
        device,
        kp.sign_public,
        dk.age_recipient(kp.enc_public),
        kp.key_id,
    )
    secret = (
        f"# Facilitator organisation recovery key '{pk.label}'\n"
        f"# fingerprint: {pk.fingerprint}\n"
        f"# public key: {pk.age_recipient}\n"
        f"# Opens bundles addressed to it: age -d -i THIS_FILE bundle.age | gunzip\n"
        f"{dk.age_identity(kp.enc_secret)}\n"
    )
    if Path(secret_out).exists() or Path(public_out).exists():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "Refusing to overwrite an existing key file; choose new names."
            )
        )
    atomic_write(Path(secret_out), secret.encode(), mode=0o600)
    atomic_write(Path(public_out), public_text(pk).encode(), mode=0o644)
    return pk


def read_public(path: Path) -> PublicKey:
    """Parse a public-key file; one clear InputError when it is not one."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("bundles", "Could not read the key file {path}: {reason}."),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    return parse_public(raw, str(path))


def parse_public(raw: bytes, name: str = "the key file") -> PublicKey:
    bad = InputError(
        QT_TRANSLATE_NOOP("errors", "{name} is not a Facilitator public-key file."),
        params={"name": name},
    )
    if len(raw) > MAX_KEYFILE_BYTES:
        raise bad
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise bad from None
    if not lines or lines[0].strip() != HEADER:
        raise bad
    fields = {}
    for line in lines[1:]:
        k, sep, v = line.partition(":")
        if sep:
            fields[k.strip()] = v.strip()
    try:
        kid, pub = dk.parse_minisign_public(fields["minisign"])
        dk.age_public_from_recipient(fields["age"])
        device = fields["device"]
        if len(device) != 32 or any(c not in "0123456789abcdef" for c in device):
            raise ValueError("device id")
    except (KeyError, ValueError):
        raise bad from None
    if kid != dk.key_id(pub):
        raise bad
    return PublicKey(fields.get("label", "")[:200], device, pub, fields["age"].lower(), kid.hex())


def fingerprint_of_file(path: Path) -> str:
    return read_public(path).fingerprint


def trust(
    db: Database,
    pk: PublicKey,
    fingerprint: str,
    label: str | None = None,
    *,
    who: Principal | None = None,
) -> KeyInfo:
    """Pin ``pk`` after the person confirmed its fingerprint (an administrator).

    A new key for a device already trusted marks that device's previous active key
    ``rotated`` (its bundles stay acceptable; a revoked key stays revoked).
    """
    acting(db, who, "keys.manage")
    if dk.normalise_fingerprint(fingerprint) != pk.fingerprint:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The fingerprint does not match this key file: the key was NOT trusted. "
                "Check the file came from the right person.",
            )
        )
    with db.unit() as s:
        row = s.get(DeviceKey, pk.key_id)
        if row is not None and row.kind == "own":
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors", "That is this install's own key; it cannot be trusted as a peer."
                )
            )
        if row is not None and row.status == "revoked":
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors", "That key was revoked; it cannot be trusted again. Ask for a new key."
                )
            )
        if row is None:
            for old in s.scalars(
                select(DeviceKey).where(
                    DeviceKey.kind == "peer",
                    DeviceKey.device_id == pk.device_id,
                    DeviceKey.status == "active",
                )
            ):
                old.status, old.changed_at = "rotated", utcnow()
            row = DeviceKey(
                key_id=pk.key_id,
                device_id=pk.device_id,
                kind="peer",
                label=(label if label is not None else pk.label)[:200],
                sign_public=_b64(pk.sign_public),
                age_recipient=pk.age_recipient,
                status="active",
            )
            s.add(row)
            s.flush()
            _audit(s, "keys.trust", {"key_id": pk.key_id, "device_id": pk.device_id})
        elif label is not None:
            row.label = label[:200]
        return _info(row)


def _info(row: DeviceKey) -> KeyInfo:
    return KeyInfo(
        row.key_id,
        row.device_id,
        row.kind,
        row.label,
        row.status,
        dk.fingerprint(_unb64(row.sign_public), dk.age_public_from_recipient(row.age_recipient)),
        row.created_at,
        row.last_counter,
    )


def list_keys(db: Database, *, who: Principal | None = None) -> list[KeyInfo]:
    """This install's own key and the keys it trusts (``keys.read``)."""
    acting(db, who, "keys.read")
    with db.unit() as s:
        ensure_identity(s)
        rows = s.scalars(select(DeviceKey).order_by(DeviceKey.kind, DeviceKey.created_at))
        return [_info(r) for r in rows]


def own_info(db: Database, *, who: Principal | None = None) -> KeyInfo:
    acting(db, who, "keys.read")
    with db.unit() as s:
        return _info(ensure_identity(s))


def find_key(s: OrmSession, key_id: str) -> DeviceKey:
    kid = key_id.strip().lower()
    rows = (
        s.scalars(select(DeviceKey).where(DeviceKey.key_id.startswith(kid))).all()
        if len(kid) >= 4
        else []
    )
    if len(rows) != 1:
        raise InputError(NO_SINGLE_KEY, params={"key_id": key_id})
    return rows[0]


def rotate(db: Database, *, who: Principal | None = None) -> KeyInfo:
    """A new own key pair; the old one stops signing but can still decrypt late bundles."""
    acting(db, who, "keys.manage")
    with db.unit() as s:
        old = ensure_identity(s)
        old.status, old.changed_at = "rotated", utcnow()
        s.flush()
        new = _new_own(s, old.label, old.device_id, old.last_counter)
        _audit(s, "keys.rotate", {"old": old.key_id, "new": new.key_id})
        return _info(new)


def revoke(db: Database, key_id: str, *, who: Principal | None = None) -> KeyInfo:
    """Revoke a peer key (its bundles are refused from now on) or an old own key
    (its private halves are destroyed). The active own key is rotated first."""
    acting(db, who, "keys.manage")
    with db.unit() as s:
        row = find_key(s, key_id)
        if row.kind == "own":
            if row.status == "active":
                row.status = "rotated"
                s.flush()
                _new_own(s, row.label, row.device_id, row.last_counter)
            row.sign_secret = None
            row.age_identity = None
        row.status, row.changed_at = "revoked", utcnow()
        _audit(s, "keys.revoke", {"key_id": row.key_id, "kind": row.kind})
        return _info(row)


def _audit(s: OrmSession, action: str, detail: dict) -> None:
    # One place for this module's audit events, so the lead can point it at issue
    # 14's hash-chained audit log at merge time.
    from facilitator.app.bundles import audit_event

    audit_event(s, action, detail)
