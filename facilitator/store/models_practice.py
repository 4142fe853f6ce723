"""Practice attempts: a trainee playing a scenario (see :mod:`facilitator.practice`).

Practice lives in its own tables and nothing here points at a real group, session or
participant: the simulated people are codes inside the scenario, and an attempt runs
the session script in memory without a ``session`` row. So no query over real data
(attendance, outcomes, incidents, reports, bundles) can meet a practice row, by
construction rather than by a filter someone might forget.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.store.models import Base, _ts, _uuid_pk


class PracticeAttempt(Base):
    """One play of one scenario; ``seed`` and the action log replay it exactly."""

    __tablename__ = "practice_attempt"
    id: Mapped[str] = _uuid_pk()
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    scenario_version: Mapped[str] = mapped_column(String(32))
    scenario_hash: Mapped[str] = mapped_column(String(64))
    scenario_yaml: Mapped[Optional[str]] = mapped_column(Text, nullable=True)  # imported files
    script_id: Mapped[str] = mapped_column(String(100))
    script_hash: Mapped[str] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(16))  # practice | assessment
    trainee: Mapped[str] = mapped_column(String(100), index=True)  # a trainee's label
    # the user who started it (issue 14: one's own attempts); None: the install's owner
    user_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running finished abandoned
    counts_for_assessment: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime] = _ts()
    finished_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    result: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    percent: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    critical_missed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    temperaments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    entries: Mapped[list[PracticeEntry]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="PracticeEntry.seq"
    )
    actions: Mapped[list[PracticeAction]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="PracticeAction.seq"
    )


class PracticeEntry(Base):
    """One transcript line (event, decision, choice with its response time, state change,
    points, critical action, finish), written as it happens."""

    __tablename__ = "practice_entry"
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)
    id: Mapped[str] = _uuid_pk()
    attempt_id: Mapped[str] = mapped_column(
        ForeignKey("practice_attempt.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    t: Mapped[float] = mapped_column(Float)  # session active seconds
    step_id: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = _ts()

    attempt: Mapped[PracticeAttempt] = relationship(back_populates="entries")


class PracticeAction(Base):
    """One input (start, next, choose, inject, pause...) at its clock time, for replay."""

    __tablename__ = "practice_action"
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)
    id: Mapped[str] = _uuid_pk()
    attempt_id: Mapped[str] = mapped_column(
        ForeignKey("practice_attempt.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    arg: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    clock: Mapped[float] = mapped_column(Float)  # seconds since the attempt began

    attempt: Mapped[PracticeAttempt] = relationship(back_populates="actions")
