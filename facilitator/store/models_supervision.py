"""Tables for supervision: user accounts and roles, the review queue, sign-offs,
two-person approvals and whole-month sign-offs (issue 14).

Declared on the same :class:`~facilitator.store.models.Base`; imported by one line at
the end of :mod:`facilitator.store.models`. Sign-offs and month sign-offs are
write-once: no code path updates or deletes them, and migration ``i14`` adds
database triggers that abort an UPDATE or DELETE on them (as on ``audit_event``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.store.models import Base, _ts, _uuid_pk


class UserAccount(Base):
    """A person who signs in on this install. ``roles`` is a list of role names
    (facilitator, supervisor, trainer, administrator); a removed account keeps its
    row (the audit log and sign-offs name it) but has no key slot and no roles."""

    __tablename__ = "user_account"
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id"), primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = _ts()
    removed_at: Mapped[Optional[datetime]] = _ts(nullable=True)


class ReviewItem(Base):
    """One thing a supervisor should look at, raised by a typed trigger.

    ``subject`` identifies what the trigger is about (``safety_opened:<session>``);
    ``material_hash`` is the SHA-256 of the facts the item shows, so a change to the
    material after a sign-off is noticed and opens a new item (``supersedes_id``)."""

    __tablename__ = "review_item"
    id: Mapped[str] = _uuid_pk()
    kind: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    group_id: Mapped[Optional[str]] = mapped_column(
        ForeignKey("group.id", ondelete="SET NULL"), nullable=True, index=True
    )
    session_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    incident_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    facilitator_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM of the event
    occurred_on: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    due_on: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    risk_to_life: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(32), default="new", index=True)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    material_hash: Mapped[str] = mapped_column(String(64))
    supersedes_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = _ts()
    updated_at: Mapped[datetime] = _ts()


class ReviewEvent(Base):
    """The item's history: each state change and each comment, in order."""

    __tablename__ = "review_event"
    id: Mapped[str] = _uuid_pk()
    item_id: Mapped[str] = mapped_column(ForeignKey("review_item.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    from_state: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    to_state: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = _ts()


class SignOff(Base):
    """Write-once: who signed (or closed) an item, when, why and the hash signed."""

    __tablename__ = "review_signoff"
    id: Mapped[str] = _uuid_pk()
    item_id: Mapped[str] = mapped_column(ForeignKey("review_item.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(32))  # signed_off | closed
    user_id: Mapped[str] = mapped_column(String(32))
    approved_by: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    material_hash: Mapped[str] = mapped_column(String(64))
    signature_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = _ts()


class Approval(Base):
    """A two-person request: one person asks, a different person approves (or not)."""

    __tablename__ = "approval_request"
    id: Mapped[str] = _uuid_pk()
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(32), index=True)
    requested_by: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    decided_by: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    decided_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    created_at: Mapped[datetime] = _ts()


class MonthSignOff(Base):
    """Write-once: a whole month of a group signed off once its items were closed."""

    __tablename__ = "review_month_signoff"
    __table_args__ = (UniqueConstraint("group_id", "month"),)
    id: Mapped[str] = _uuid_pk()
    group_id: Mapped[str] = mapped_column(String(32))
    month: Mapped[str] = mapped_column(String(7))
    user_id: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text, default="")
    items_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = _ts()


from facilitator.store import audit as _audit  # noqa: E402,F401  (registers the chain hooks)
