"""Tables for signed, encrypted report bundles between installs (issue 15).

Why these live in the encrypted store: the device's private keys, the list of trusted
peers, the replay counters and the quarantine are as sensitive as the records
themselves, and a stolen laptop must not yield a key that can sign as its owner.

* ``device_key``: this install's own key pairs (``own``: Ed25519 signing + X25519
  encryption, private halves kept here) and other installs' pinned public keys
  (``peer``). A key is ``active``, ``rotated`` (own: no longer used to sign; peer:
  bundles still accepted up to rotation) or ``revoked`` (refused from then on).
  ``device_id`` stays the same across rotations, so counters and record ownership
  survive a key change.
* ``bundle_seen``: every bundle this store accepted or refused (id, sender, counter),
  which makes replay refusal and the status board possible.
* ``bundle_sent``: bundles this store wrote (for receipts and "not yet acknowledged").
* ``bundle_record``: for each record that arrived or left, its origin device, its
  revision and content hash. Comparing hashes is what makes re-import a no-op.
* ``bundle_tombstone``: ids erased here or at their origin; they never come back.
* ``bundle_conflict``: same id, different content: both versions, for the review
  queue (issue 14) to adopt through :func:`facilitator.app.bundles.list_conflicts`.
* ``bundle_quarantine``: refused bundles, still encrypted, with the reason.
* ``bundle_receipt``: receipts that came back from a supervisor, to acknowledge.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, DateTime, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.store.models import Base, new_id, utcnow


def _ts(nullable: bool = False) -> Any:
    return mapped_column(
        DateTime(timezone=True), nullable=nullable, default=None if nullable else utcnow
    )


class DeviceKey(Base):
    __tablename__ = "device_key"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)  # minisign key id, hex
    device_id: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # own | peer
    label: Mapped[str] = mapped_column(String(200), default="")
    sign_public: Mapped[str] = mapped_column(String(64))  # base64 of 32 bytes
    age_recipient: Mapped[str] = mapped_column(String(80))  # age1...
    sign_secret: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    age_identity: Mapped[Optional[str]] = mapped_column(String(80), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    last_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = _ts()
    changed_at: Mapped[Optional[datetime]] = _ts(nullable=True)


class BundleSeen(Base):
    __tablename__ = "bundle_seen"
    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sender_key_id: Mapped[Optional[str]] = mapped_column(String(16), nullable=True, index=True)
    sender_device_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="data")  # data | receipt
    counter: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16))  # imported | refused
    reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    receipt_sent: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    at: Mapped[datetime] = _ts()


class BundleSent(Base):
    __tablename__ = "bundle_sent"
    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="data")
    counter: Mapped[int] = mapped_column(Integer)
    recipients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    acknowledged_by: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    at: Mapped[datetime] = _ts()


class BundleRecord(Base):
    __tablename__ = "bundle_record"
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    origin_device: Mapped[str] = mapped_column(String(32), index=True)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    hash: Mapped[str] = mapped_column(String(64))


class BundleTombstone(Base):
    __tablename__ = "bundle_tombstone"
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    group_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True, index=True)
    at: Mapped[datetime] = _ts()


class BundleConflict(Base):
    __tablename__ = "bundle_conflict"
    __table_args__ = (UniqueConstraint("record_id", "incoming_hash"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    record_id: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    bundle_id: Mapped[str] = mapped_column(String(32))
    sender_device_id: Mapped[str] = mapped_column(String(32), index=True)
    local_version: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON, nullable=True)
    incoming_version: Mapped[dict[str, Any]] = mapped_column(JSON)
    local_hash: Mapped[str] = mapped_column(String(64))
    incoming_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    outcome: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = _ts()


class BundleQuarantine(Base):
    __tablename__ = "bundle_quarantine"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(Text)
    sender_key_id: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    at: Mapped[datetime] = _ts()


class BundleReceipt(Base):
    __tablename__ = "bundle_receipt"
    receipt_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    from_device_id: Mapped[str] = mapped_column(String(32))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    acknowledged_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    at: Mapped[datetime] = _ts()
