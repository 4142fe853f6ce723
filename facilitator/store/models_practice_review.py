"""Trainer review of practice attempts: the trainee's own reflection, trainers'
comments on moments, score overrides (with the reason) and blind second ratings.

Only practice data: every row points at a ``practice_attempt`` and at nothing real.
Score overrides are kept here, append-only, because the audit log of issue 14 was
not on main when this was written; once it is, the service also writes there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.store.models import Base, _ts, _uuid_pk

REVIEW_KINDS = ("reflection", "comment", "override", "rating", "observer")


class PracticeReview(Base):
    """One review item about one attempt; never edited, only added (a later reflection
    or rating by the same person supersedes an earlier one when read)."""

    __tablename__ = "practice_review"
    id: Mapped[str] = _uuid_pk()
    attempt_id: Mapped[str] = mapped_column(
        ForeignKey("practice_attempt.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # reflection comment override rating
    author: Mapped[str] = mapped_column(String(100))  # trainee or trainer label
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = _ts()
