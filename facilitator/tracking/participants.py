"""Participants: add, archive and erase.

A participant is a random code (see :mod:`facilitator.tracking.codes`). The optional
alias is a memory aid for the facilitator only: it is shown on the facilitator's own
screens and never leaves the app in any report. Age band and gender are optional and
can always be skipped. Erasing a participant removes every row that is linked to them
and leaves an audit record that says an erasure happened, without saying who.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from sqlalchemy import String, cast, delete, func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.models import (
    Attendance,
    AuditEvent,
    Group,
    MeasureResponse,
    Note,
    Participant,
    Session,
    StepEvent,
)
from facilitator.store.tombstones import record_tombstones
from facilitator.tracking.codes import Chooser, new_unique_code

ALIAS_MAX = 60

# Stored keys and their labels; the UI shows the label, the store keeps the key.
AGE_BANDS: dict[str, dict[str, str]] = {
    "under_18": {"en": QT_TRANSLATE_NOOP("AgeBand", "Under 18"), "ar": "أقل من 18"},
    "18_24": {"en": QT_TRANSLATE_NOOP("AgeBand", "18 to 24"), "ar": "من 18 إلى 24"},
    "25_34": {"en": QT_TRANSLATE_NOOP("AgeBand", "25 to 34"), "ar": "من 25 إلى 34"},
    "35_44": {"en": QT_TRANSLATE_NOOP("AgeBand", "35 to 44"), "ar": "من 35 إلى 44"},
    "45_54": {"en": QT_TRANSLATE_NOOP("AgeBand", "45 to 54"), "ar": "من 45 إلى 54"},
    "55_64": {"en": QT_TRANSLATE_NOOP("AgeBand", "55 to 64"), "ar": "من 55 إلى 64"},
    "65_plus": {"en": QT_TRANSLATE_NOOP("AgeBand", "65 or over"), "ar": "65 فأكثر"},
}
GENDERS: dict[str, dict[str, str]] = {
    "woman": {"en": QT_TRANSLATE_NOOP("Gender", "Woman"), "ar": "امرأة"},
    "man": {"en": QT_TRANSLATE_NOOP("Gender", "Man"), "ar": "رجل"},
    "another": {"en": QT_TRANSLATE_NOOP("Gender", "Another way"), "ar": "وصف آخر"},
}


def get_group(s: OrmSession, group_id: str) -> Group:
    """The group, or an InputError that says it does not exist."""
    group = s.get(Group, group_id)
    if group is None:
        raise InputError(QT_TRANSLATE_NOOP("participants", "That group does not exist."))
    return group


def _get_participant(s: OrmSession, participant_id: str) -> Participant:
    p = s.get(Participant, participant_id)
    if p is None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "participants", "That participant does not exist (it may have been erased)."
            )
        )
    return p


def _clean_alias(alias: str | None) -> str | None:
    if alias is None:
        return None
    alias = " ".join(alias.split())
    if not alias:
        return None
    if len(alias) > ALIAS_MAX:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "participants",
                "An alias can be at most {alias_max} characters; a first name or nickname is enough.",
            ),
            params={"alias_max": ALIAS_MAX},
        )
    return alias


def add_participant(
    s: OrmSession,
    group_id: str,
    *,
    alias: str | None = None,
    age_band: str | None = None,
    gender: str | None = None,
    choose: Chooser | None = None,
) -> Participant:
    """Create a participant with a fresh code unique within ``group_id``."""
    group = get_group(s, group_id)
    if group.headcount_only:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "participants", "This group keeps a headcount only, without a list of participants."
            )
        )
    _check_details(age_band, gender)
    existing = s.scalars(select(Participant.code).where(Participant.group_id == group_id)).all()
    participant = Participant(
        group_id=group_id,
        code=new_unique_code(existing, choose),
        alias=_clean_alias(alias),
        age_band=age_band,
        gender=gender,
    )
    s.add(participant)
    s.flush()
    return participant


def _check_details(age_band: str | None, gender: str | None) -> None:
    if age_band is not None and age_band not in AGE_BANDS:
        raise InputError(
            QT_TRANSLATE_NOOP("participants", "Unknown age band '{age_band}'."),
            params={"age_band": age_band},
        )
    if gender is not None and gender not in GENDERS:
        raise InputError(
            QT_TRANSLATE_NOOP("participants", "Unknown gender option '{gender}'."),
            params={"gender": gender},
        )


def set_details(
    s: OrmSession, participant_id: str, *, age_band: str | None, gender: str | None
) -> Participant:
    """Set or clear (None = skipped, "prefer not to say") the optional age band and gender."""
    _check_details(age_band, gender)
    p = _get_participant(s, participant_id)
    p.age_band, p.gender = age_band, gender
    return p


def set_alias(s: OrmSession, participant_id: str, alias: str | None) -> Participant:
    p = _get_participant(s, participant_id)
    p.alias = _clean_alias(alias)
    return p


def archive_participant(s: OrmSession, participant_id: str, archived: bool = True) -> Participant:
    """Hide a participant from the roster while keeping their history in the numbers."""
    p = _get_participant(s, participant_id)
    p.archived = archived
    return p


def list_participants(
    s: OrmSession, group_id: str, *, include_archived: bool = False
) -> list[Participant]:
    query = select(Participant).where(Participant.group_id == group_id)
    if not include_archived:
        query = query.where(Participant.archived.is_(False))
    return list(s.scalars(query.order_by(Participant.code)))


def erase_participant(
    s: OrmSession, participant_id: str, *, user_id: str | None = None
) -> dict[str, int]:
    """Delete a participant and every attendance and measure row linked to them.

    The run engine's log names speakers by code in talking rounds; those mentions are
    replaced by a random placeholder (the same one throughout, so a session log still
    replays), and the alias is removed from the group's notes. The audit event records
    the group and how many rows went, never the code, alias or id, so the log itself
    cannot re-identify the person. Returns the row counts.
    """
    p = _get_participant(s, participant_id)
    group_id = p.group_id
    n_events = _scrub_code(s, group_id, p.code, f"erased-{secrets.token_hex(4)}")
    n_notes = _scrub_alias(s, group_id, p.alias) if p.alias else 0
    n_att = (
        s.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.participant_id == participant_id)
        )
        or 0
    )
    n_resp = (
        s.scalar(
            select(func.count())
            .select_from(MeasureResponse)
            .where(MeasureResponse.participant_id == participant_id)
        )
        or 0
    )
    # the erasure travels in report bundles as tombstones (ids only, never the code)
    record_tombstones(
        s,
        "response",
        s.scalars(
            select(MeasureResponse.id).where(MeasureResponse.participant_id == participant_id)
        ).all(),
        group_id,
    )
    record_tombstones(
        s,
        "attendance",
        s.scalars(select(Attendance.id).where(Attendance.participant_id == participant_id)).all(),
        group_id,
    )
    record_tombstones(s, "participant", [participant_id], group_id)
    s.execute(delete(MeasureResponse).where(MeasureResponse.participant_id == participant_id))
    s.execute(delete(Attendance).where(Attendance.participant_id == participant_id))
    s.execute(delete(Participant).where(Participant.id == participant_id))
    s.expunge(p)
    counts = {
        "attendance": int(n_att),
        "responses": int(n_resp),
        "step_events": n_events,
        "notes": n_notes,
    }
    s.add(
        AuditEvent(
            user_id=user_id,
            action="participant.erase",
            entity="participant",
            entity_id=None,
            detail={"group_id": group_id, **counts},
        )
    )
    s.flush()
    return counts


def _replace(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        return [_replace(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, old, new) for k, v in value.items()}
    return value


def _scrub_code(s: OrmSession, group_id: str, code: str, placeholder: str) -> int:
    """Replace ``code`` in the step-event payloads of the group's sessions."""
    rows = s.scalars(
        select(StepEvent)
        .join(Session, Session.id == StepEvent.session_id)
        .where(Session.group_id == group_id, cast(StepEvent.payload, String).like(f'%"{code}"%'))
    )
    changed = 0
    for row in rows:
        new = _replace(row.payload or {}, code, placeholder)
        if new != row.payload:
            row.payload = new
            changed += 1
    s.flush()
    return changed


def _scrub_alias(s: OrmSession, group_id: str, alias: str) -> int:
    """Remove an erased person's alias (whole word, any case) from the group's notes."""
    pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", re.IGNORECASE)
    changed = 0
    for note in s.scalars(select(Note).where(Note.group_id == group_id)):
        body = pattern.sub("[…]", note.body or "")
        if body != note.body:
            note.body = body
            changed += 1
    s.flush()
    return changed
