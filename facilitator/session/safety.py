"""Safety protocol data, local resources and incident recording.

The protocol (crisis steps, incident types, severities) is bilingual data in
``resources/safety/protocol.yaml`` so an organisation can read and review it without
reading code. Local resources are rows the organisation edits; the defaults are
deliberately empty placeholders, because a wrong phone number in a crisis is worse
than none. Incidents are recorded without identity: the form has no participant
field at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import Items, InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.store.models import Group, Incident, SafetyResource, Session

MAX_DESCRIPTION = 5_000
_PHONE = re.compile(r"^[0-9+()\-\s./]*$")


@dataclass(frozen=True)
class ProtocolStep:
    id: str
    short: dict[str, str]
    long: dict[str, str]


@dataclass(frozen=True)
class IncidentType:
    id: str
    title: dict[str, str]
    guidance: dict[str, str]


@dataclass(frozen=True)
class Severity:
    level: int
    title: dict[str, str]
    guidance: dict[str, str]
    follow_up_days: Optional[int] = None  # the supervisor's review is due this many days after


@dataclass(frozen=True)
class Protocol:
    version: str
    steps: tuple[ProtocolStep, ...]
    incident_types: tuple[IncidentType, ...]
    severities: tuple[Severity, ...]
    # Each field is {"en": ..., "ar": ...}; a plain value in the file counts for both.
    default_resources: tuple[dict[str, dict[str, str]], ...]

    def incident_type(self, type_id: str) -> IncidentType:
        for t in self.incident_types:
            if t.id == type_id:
                return t
        known = Items(t.id for t in self.incident_types)
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Safety", "'{type_id}' is not a known incident type (use one of: {known})."
            ),
            params={"type_id": type_id, "known": known},
        )


def _bilingual(value: Any, where: str) -> dict[str, str]:
    if (
        not isinstance(value, dict)
        or not str(value.get("en", "")).strip()
        or not str(value.get("ar", "")).strip()
    ):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Safety", "The safety protocol file is damaged: {where} needs en and ar text."
            ),
            params={"where": where},
        )
    return {"en": str(value["en"]).strip(), "ar": str(value["ar"]).strip()}


@functools.lru_cache(maxsize=1)
def load_protocol() -> Protocol:
    with open(resource_path("safety", "protocol.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return Protocol(
        version=str(data["version"]),
        steps=tuple(
            ProtocolStep(s["id"], _bilingual(s["short"], s["id"]), _bilingual(s["long"], s["id"]))
            for s in data["steps"]
        ),
        incident_types=tuple(
            IncidentType(
                t["id"], _bilingual(t["title"], t["id"]), _bilingual(t["guidance"], t["id"])
            )
            for t in data["incident_types"]
        ),
        severities=tuple(
            Severity(
                int(s["level"]),
                _bilingual(s["title"], "severity"),
                _bilingual(s["guidance"], "severity"),
                int(s["follow_up_days"]) if s.get("follow_up_days") is not None else None,
            )
            for s in data["severities"]
        ),
        default_resources=tuple(
            {
                k: (
                    _bilingual(v, "default resource")
                    if isinstance(v, dict)
                    else {"en": str(v or ""), "ar": str(v or "")}
                )
                for k, v in r.items()
            }
            for r in data["default_resources"]
        ),
    )


# ---- local resources -------------------------------------------------------------


def _clean_resource(name: str, phone: str, hours: str, language: str, notes: str) -> dict:
    name = (name or "").strip()
    if not name:
        raise InputError(QT_TRANSLATE_NOOP("Safety", "A resource needs a name."))
    phone = (phone or "").strip()
    if not _PHONE.match(phone):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Safety", "A phone number may contain only digits, spaces and + ( ) - . /"
            ),
            field="phone",
        )
    for label, value, limit in (
        (QT_TRANSLATE_NOOP("Safety", "name"), name, 200),
        (QT_TRANSLATE_NOOP("Safety", "phone"), phone, 64),
        (QT_TRANSLATE_NOOP("Safety", "hours"), hours or "", 200),
        (QT_TRANSLATE_NOOP("Safety", "language"), language or "", 32),
        (QT_TRANSLATE_NOOP("Safety", "notes"), notes or "", 2000),
    ):
        if len(value) > limit:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Safety", "The resource {label} is too long (at most {limit} characters)."
                ),
                params={"label": label, "limit": limit},
            )
    return {
        "name": name,
        "phone": phone,
        "hours": (hours or "").strip(),
        "language": (language or "").strip(),
        "notes": (notes or "").strip(),
    }


def list_resources(db_session: OrmSession) -> list[SafetyResource]:
    return list(
        db_session.scalars(
            select(SafetyResource).order_by(SafetyResource.sort_order, SafetyResource.name)
        )
    )


def add_resource(
    db_session: OrmSession,
    name: str,
    phone: str = "",
    hours: str = "",
    language: str = "",
    notes: str = "",
) -> SafetyResource:
    last = db_session.scalar(select(func.max(SafetyResource.sort_order)))
    row = SafetyResource(
        **_clean_resource(name, phone, hours, language, notes), sort_order=(last or 0) + 1
    )
    db_session.add(row)
    db_session.flush()
    return row


def update_resource(db_session: OrmSession, resource_id: str, **fields: str) -> SafetyResource:
    row = db_session.get(SafetyResource, resource_id)
    if row is None:
        raise InputError(QT_TRANSLATE_NOOP("Safety", "That resource no longer exists."))
    unknown = set(fields) - {"name", "phone", "hours", "language", "notes", "sort_order"}
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP("Safety", "Unknown resource field(s): {fields}."),
            params={"fields": Items(sorted(unknown))},
        )
    order = fields.pop("sort_order", None)
    merged = {
        k: fields.get(k, getattr(row, k)) for k in ("name", "phone", "hours", "language", "notes")
    }
    for key, value in _clean_resource(**merged).items():
        setattr(row, key, value)
    if order is not None:
        if isinstance(order, bool) or not isinstance(order, int):
            raise InputError(QT_TRANSLATE_NOOP("Safety", "The position must be a whole number."))
        row.sort_order = order
    db_session.flush()
    return row


def delete_resource(db_session: OrmSession, resource_id: str) -> bool:
    row = db_session.get(SafetyResource, resource_id)
    if row is None:
        return False
    db_session.delete(row)
    db_session.flush()
    return True


def seed_default_resources(db_session: OrmSession, lang: str = "en") -> int:
    """Add the placeholder entries when the list is empty; returns how many were added.

    The placeholders are written in ``lang`` (the language of the screen that first
    shows them): they are the facilitator's own list from then on, edited in place.
    """
    if db_session.scalar(select(func.count()).select_from(SafetyResource)):
        return 0
    lang = lang if lang in ("en", "ar") else "en"

    def text(r: dict[str, dict[str, str]], field: str) -> str:
        return r.get(field, {}).get(lang, "")

    for i, r in enumerate(load_protocol().default_resources):
        db_session.add(
            SafetyResource(
                sort_order=i,
                **_clean_resource(
                    text(r, "name"),
                    text(r, "phone"),
                    text(r, "hours"),
                    text(r, "language"),
                    text(r, "notes"),
                ),
            )
        )
    db_session.flush()
    return len(load_protocol().default_resources)


def localize_placeholders(db_session: OrmSession, lang: str) -> int:
    """Rewrite untouched placeholder entries in ``lang``; returns how many changed.

    Why: the placeholders are seeded in the language of the screen that first showed
    them, and a facilitator who then switches language would see the other one's
    reminders. A row is only rewritten while every field still equals a placeholder
    word for word (in some language), so nothing the organisation typed is touched.
    """
    if lang not in ("en", "ar"):
        return 0
    fields = ("name", "phone", "hours", "language", "notes")
    changed = 0
    for row in list_resources(db_session):
        for default in load_protocol().default_resources:
            versions = [
                {f: default.get(f, {}).get(other, "") for f in fields} for other in ("en", "ar")
            ]
            current = {f: getattr(row, f) or "" for f in fields}
            if current in versions:
                wanted = {f: default.get(f, {}).get(lang, "") for f in fields}
                if current != wanted:
                    for f, value in wanted.items():
                        setattr(row, f, value)
                    changed += 1
                break
    if changed:
        db_session.flush()
    return changed


def resources_need_editing(db_session: OrmSession) -> bool:
    """True while no resource has a phone number: the UI shows a reminder."""
    return not any(r.phone for r in list_resources(db_session))


# ---- incidents -------------------------------------------------------------------


def record_incident(
    db_session: OrmSession,
    group_id: str,
    session_id: Optional[str],
    type: str,
    severity: int,
    description: str = "",
    actions_taken: Iterable[str] = (),
) -> Incident:
    """Record an incident without identity. Refuses unknown types and severities.

    ``actions_taken`` holds protocol step ids (``pause_group``...) and/or short free
    texts; both are kept as given so a supervisor sees what was done.
    """
    protocol = load_protocol()
    protocol.incident_type(type)
    levels = {s.level for s in protocol.severities}
    if isinstance(severity, bool) or not isinstance(severity, int) or severity not in levels:
        raise InputError(
            QT_TRANSLATE_NOOP("Safety", "Severity must be one of {levels}."),
            params={"levels": Items(sorted(levels))},
        )
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Safety", "The description is too long (at most {max_description} characters)."
            ),
            params={"max_description": MAX_DESCRIPTION},
        )
    actions = [str(a).strip() for a in actions_taken if str(a).strip()]
    if db_session.get(Group, group_id) is None:
        raise InputError(QT_TRANSLATE_NOOP("Safety", "That group does not exist."))
    if session_id is not None:
        sess = db_session.get(Session, session_id)
        if sess is None or sess.group_id != group_id:
            raise InputError(QT_TRANSLATE_NOOP("Safety", "That session is not in this group."))
    row = Incident(
        group_id=group_id,
        session_id=session_id,
        type=type,
        severity=severity,
        description=description,
        actions_taken=actions,
    )
    db_session.add(row)
    db_session.flush()
    return row
