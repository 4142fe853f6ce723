"""The schema: SQLAlchemy 2 typed ORM.

Every primary key is a UUID (stored as 32-char hex text) so records made on several
facilitators' machines can later be merged by id without clashes. Sessions carry an
``is_practice`` flag; every query over real data must filter it out (see
:func:`real_sessions`). Times are stored in UTC.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _uuid_pk() -> Mapped[str]:
    return mapped_column(String(32), primary_key=True, default=new_id)


def _ts(nullable: bool = False) -> Any:
    return mapped_column(
        DateTime(timezone=True), nullable=nullable, default=None if nullable else utcnow
    )


class Role(str, enum.Enum):
    facilitator = "facilitator"
    supervisor = "supervisor"
    trainer = "trainer"


class SessionStatus(str, enum.Enum):
    planned = "planned"
    running = "running"
    paused = "paused"
    completed = "completed"
    abandoned = "abandoned"


class AttendanceStatus(str, enum.Enum):
    present = "present"
    left_early = "left_early"
    absent_notice = "absent_notice"


class Phase(str, enum.Enum):
    pre = "pre"
    post = "post"
    single = "single"


class FollowUp(str, enum.Enum):
    none_needed = "none_needed"
    open = "open"
    done = "done"


def _enum(e: type[enum.Enum]) -> Enum:
    return Enum(e, native_enum=False, validate_strings=True, length=32)


class Setting(Base):
    """Program/organisation settings: one row per key, JSON value."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = _ts()


class User(Base):
    __tablename__ = "user"
    id: Mapped[str] = _uuid_pk()
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum(Role), default=Role.facilitator)
    created_at: Mapped[datetime] = _ts()


class Group(Base):
    __tablename__ = "group"
    id: Mapped[str] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200))
    program_type: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="en")
    default_script_id: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    extra_rules: Mapped[list[Any]] = mapped_column(JSON, default=list)
    co_facilitator: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    headcount_only: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user.id"), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = _ts()

    participants: Mapped[list[Participant]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[Session]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class Participant(Base):
    """A random code; ``alias`` is shown only on the facilitator's own screens."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("group_id", "code"),)
    id: Mapped[str] = _uuid_pk()
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    alias: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    age_band: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    gender: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = _ts()

    group: Mapped[Group] = relationship(back_populates="participants")


class Session(Base):
    __tablename__ = "session"
    id: Mapped[str] = _uuid_pk()
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"), index=True)
    script_id: Mapped[str] = mapped_column(String(100))
    script_version: Mapped[str] = mapped_column(String(32))
    script_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    planned_start: Mapped[Optional[datetime]] = _ts(nullable=True)
    started_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    ended_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    status: Mapped[SessionStatus] = mapped_column(
        _enum(SessionStatus), default=SessionStatus.planned
    )
    is_practice: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    headcount: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    no_notes: Mapped[bool] = mapped_column(Boolean, default=False)
    facilitator_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at: Mapped[datetime] = _ts()

    group: Mapped[Group] = relationship(back_populates="sessions")
    events: Mapped[list[StepEvent]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="StepEvent.seq"
    )


class StepEvent(Base):
    """The run engine's event log, one row per action, written as it happens.

    ``elapsed`` is the engine's session-elapsed seconds at the event and ``at`` the
    wall-clock time, so a session can be resumed after a crash.
    """

    __tablename__ = "step_event"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)
    id: Mapped[str] = _uuid_pk()
    session_id: Mapped[str] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    step_index: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    step_id: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    elapsed: Mapped[float] = mapped_column(Float, default=0.0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = _ts()

    session: Mapped[Session] = relationship(back_populates="events")


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)
    id: Mapped[str] = _uuid_pk()
    session_id: Mapped[str] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[AttendanceStatus] = mapped_column(
        _enum(AttendanceStatus), default=AttendanceStatus.present
    )
    first_time: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[datetime] = _ts()


class MeasureDefinition(Base):
    """An outcome measure: built-in (check-in 0-10, WHO-5) or organisation-defined."""

    __tablename__ = "measure_definition"
    id: Mapped[str] = _uuid_pk()
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"en": ..., "ar": ...}
    spec: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # items, range, scoring
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = _ts()


class MeasureResponse(Base):
    """One participant's answer. ``passed`` means they chose not to answer; ``value``
    is then NULL and never scored."""

    __tablename__ = "measure_response"
    __table_args__ = (UniqueConstraint("session_id", "participant_id", "measure_id", "phase"),)
    id: Mapped[str] = _uuid_pk()
    session_id: Mapped[str] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    measure_id: Mapped[str] = mapped_column(ForeignKey("measure_definition.id"), index=True)
    phase: Mapped[Phase] = mapped_column(_enum(Phase))
    value: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    items: Mapped[Optional[list[Any]]] = mapped_column(JSON, nullable=True)
    recorded_at: Mapped[datetime] = _ts()


class RulesAgreement(Base):
    __tablename__ = "rules_agreement"
    id: Mapped[str] = _uuid_pk()
    session_id: Mapped[str] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    ruleset_id: Mapped[str] = mapped_column(String(100))
    ruleset_version: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64))
    agreed: Mapped[bool] = mapped_column(Boolean, default=True)
    recorded_at: Mapped[datetime] = _ts()


class Incident(Base):
    """A safety or group-process incident, recorded without identity."""

    __tablename__ = "incident"
    id: Mapped[str] = _uuid_pk()
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[Optional[str]] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), nullable=True, index=True
    )
    type: Mapped[str] = mapped_column(String(64))
    severity: Mapped[int] = mapped_column(Integer, default=1)  # 1 low .. 3 high
    description: Mapped[str] = mapped_column(Text, default="")
    actions_taken: Mapped[list[Any]] = mapped_column(JSON, default=list)
    follow_up: Mapped[FollowUp] = mapped_column(_enum(FollowUp), default=FollowUp.open)
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[Optional[str]] = mapped_column(ForeignKey("user.id"), nullable=True)
    reviewed_at: Mapped[Optional[datetime]] = _ts(nullable=True)
    created_at: Mapped[datetime] = _ts()


class Note(Base):
    __tablename__ = "note"
    id: Mapped[str] = _uuid_pk()
    group_id: Mapped[str] = mapped_column(ForeignKey("group.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[Optional[str]] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), nullable=True, index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = _ts()
    updated_at: Mapped[datetime] = _ts()


class SafetyResource(Base):
    """A local crisis or referral resource the facilitator can call or signpost to."""

    __tablename__ = "safety_resource"
    id: Mapped[str] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(64), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class CustomScript(Base):
    """A facilitator's editable copy of a script, kept as validated YAML text."""

    __tablename__ = "custom_script"
    id: Mapped[str] = _uuid_pk()
    script_id: Mapped[str] = mapped_column(String(100), unique=True)
    based_on: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)
    yaml_text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = _ts()


class AuditEvent(Base):
    """Append-only record of sensitive actions (unlock, export, erase, rekey...)."""

    __tablename__ = "audit_event"
    id: Mapped[str] = _uuid_pk()
    at: Mapped[datetime] = _ts()
    user_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    entity_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # the hash chain (facilitator.store.audit): filled in at flush time
    seq: Mapped[Optional[int]] = mapped_column(Integer, unique=True, nullable=True)
    prev_hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)
    hash: Mapped[Optional[str]] = mapped_column(String(64), nullable=True)


def real_sessions() -> Any:
    """``select(Session)`` restricted to real (non-practice) sessions.

    Every query that feeds attendance, outcomes, incidents or reports starts here.
    """
    return select(Session).where(Session.is_practice.is_(False))


from facilitator.store import models_practice as _models_practice  # noqa: E402,F401 - practice tables
from facilitator.store import models_bundles as _models_bundles  # noqa: E402,F401  (issue 15 tables)
from facilitator.store import models_supervision  # noqa: E402,F401  (issue 14 tables)
from facilitator.store import models_release as _models_release  # noqa: E402,F401  (issue 11: release register)
from facilitator.store import text_fields as _text_fields  # noqa: E402,F401 - checks typed text
from facilitator.store import models_practice_review as _models_practice_review  # noqa: E402,F401 - practice review
