"""What travels in a bundle, record by record: the de-identified shape of each entity.

Each record is ``{"e": entity, "id": uuid, "o": origin device, "r": revision,
"h": sha256 of the canonical JSON of "d", "d": data}``. ``d`` holds only the fields
listed here: never an alias, never age band or gender (small groups make them
identifying and no report needs them at the supervisor's), never a talking-round
speaker list or a free-text reason from the run log (only the step-log keys fidelity
needs), and free text (notes, incident description and follow-up note, free-text
incident actions) only when the facilitator ticked that record for this bundle.

:func:`row_data` (export) and :func:`apply` (import) are inverse: applying a record
and serialising the row again gives the same hash, which is what makes re-import a
no-op and lets the importer notice a record changed locally since it arrived.
The importer uses SQLAlchemy Core statements only (no SQLite-only SQL).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from typing import Any, Iterable, cast

from sqlalchemy import CursorResult, delete, insert, select, update
from sqlalchemy.orm import Session as OrmSession

from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FollowUp,
    Group,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Note,
    Participant,
    Phase,
    RulesAgreement,
    Session,
    SessionStatus,
    StepEvent,
)

# Order matters: parents before children.
ENTITIES = (
    "group",
    "measure",
    "participant",
    "session",
    "attendance",
    "response",
    "incident",
    "note",
)
# every model a bundle carries; each has a string primary key ``id``
Record = (
    Group
    | MeasureDefinition
    | Participant
    | Session
    | Attendance
    | MeasureResponse
    | Incident
    | Note
)
MODELS: dict[str, type[Record]] = {
    "group": Group,
    "measure": MeasureDefinition,
    "participant": Participant,
    "session": Session,
    "attendance": Attendance,
    "response": MeasureResponse,
    "incident": Incident,
    "note": Note,
}
# parent entity -> data field holding its id (None: optional parent)
PARENTS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "participant": (("group", "group_id", True),),
    "session": (("group", "group_id", True),),
    "attendance": (("session", "session_id", True), ("participant", "participant_id", True)),
    "response": (
        ("session", "session_id", True),
        ("participant", "participant_id", True),
        ("measure", "measure_id", True),
    ),
    "incident": (("group", "group_id", True), ("session", "session_id", False)),
    "note": (("group", "group_id", True), ("session", "session_id", False)),
}
STEP_PAYLOAD_KEYS = frozenset(
    {
        "steps",
        "from",
        "index",
        "step",
        "mandatory",
        "minutes",
        "missed_mandatory",
        "phases_done",
        "gap_seconds",
        "was_running",
    }
)
ACTION_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


class BadRecord(ValueError):
    """A record that cannot be applied; its message is the reason shown to people."""


def canonical(data: Any) -> bytes:
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def ts(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def parse_ts(value: Any, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRecord(f"{what} is not a time")
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise BadRecord(f"{what} is not a time") from None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt.replace(tzinfo=timezone.utc)


def _enum_value(v: Any) -> Any:
    return getattr(v, "value", v)


# ---- export: row -> data ---------------------------------------------------------------


def group_data(g: Group) -> dict[str, Any]:
    return {
        "name": g.name,
        "program_type": g.program_type,
        "language": g.language,
        "headcount_only": bool(g.headcount_only),
        "archived": bool(g.archived),
    }


def measure_data(m: MeasureDefinition) -> dict[str, Any]:
    return {"key": m.key, "title": m.title, "spec": m.spec}


def participant_data(p: Participant) -> dict[str, Any]:
    return {"group_id": p.group_id, "code": p.code, "archived": bool(p.archived)}


def session_data(
    x: Session, steps: Iterable[StepEvent], rules: Iterable[RulesAgreement]
) -> dict[str, Any]:
    return {
        "group_id": x.group_id,
        "script_id": x.script_id,
        "script_version": x.script_version,
        "script_hash": x.script_hash,
        "planned_start": ts(x.planned_start),
        "started_at": ts(x.started_at),
        "ended_at": ts(x.ended_at),
        "status": _enum_value(x.status),
        "headcount": x.headcount,
        "no_notes": bool(x.no_notes),
        "created_at": ts(x.created_at),
        "steps": [
            [
                e.id,
                e.seq,
                e.action,
                e.step_index,
                e.step_id,
                e.elapsed,
                ts(e.at),
                {k: v for k, v in sorted((e.payload or {}).items()) if k in STEP_PAYLOAD_KEYS},
            ]
            for e in sorted(steps, key=lambda e: e.seq)
        ],
        "rules": [
            [
                r.id,
                r.ruleset_id,
                r.ruleset_version,
                r.content_hash,
                bool(r.agreed),
                ts(r.recorded_at),
            ]
            for r in sorted(rules, key=lambda r: r.id)
        ],
    }


def attendance_data(a: Attendance) -> dict[str, Any]:
    return {
        "session_id": a.session_id,
        "participant_id": a.participant_id,
        "status": _enum_value(a.status),
        "first_time": bool(a.first_time),
    }


def response_data(r: MeasureResponse) -> dict[str, Any]:
    return {
        "session_id": r.session_id,
        "participant_id": r.participant_id,
        "measure_id": r.measure_id,
        "phase": _enum_value(r.phase),
        "value": r.value,
        "passed": bool(r.passed),
        "items": r.items,
    }


def incident_data(i: Incident, with_text: bool) -> dict[str, Any]:
    actions = [a for a in (i.actions_taken or []) if with_text or ACTION_ID.match(str(a))]
    return {
        "group_id": i.group_id,
        "session_id": i.session_id,
        "type": i.type,
        "severity": i.severity,
        "follow_up": _enum_value(i.follow_up),
        "actions": actions,
        "created_at": ts(i.created_at),
        "description": i.description if with_text else "",
        "follow_up_note": i.follow_up_note if with_text else "",
        "text_shared": with_text,
    }


def note_data(n: Note) -> dict[str, Any]:
    return {
        "group_id": n.group_id,
        "session_id": n.session_id,
        "body": n.body,
        "created_at": ts(n.created_at),
    }


def local_data(s: OrmSession, entity: str, record_id: str) -> dict[str, Any] | None:
    """The data of the local row ``record_id`` as it would travel (None when absent).

    Free text counts as shared when the row holds any: a row that arrived without its
    text has empty text, so it serialises exactly as it arrived.
    """
    row = s.get(MODELS[entity], record_id)
    if row is None:
        return None
    if isinstance(row, Session):
        steps = s.scalars(select(StepEvent).where(StepEvent.session_id == record_id))
        rules = s.scalars(select(RulesAgreement).where(RulesAgreement.session_id == record_id))
        return session_data(row, steps, rules)
    if isinstance(row, Incident):
        shared = bool(
            row.description
            or row.follow_up_note
            or any(not ACTION_ID.match(str(a)) for a in row.actions_taken or [])
        )
        return incident_data(row, shared)
    if isinstance(row, Group):
        return group_data(row)
    if isinstance(row, MeasureDefinition):
        return measure_data(row)
    if isinstance(row, Participant):
        return participant_data(row)
    if isinstance(row, Attendance):
        return attendance_data(row)
    if isinstance(row, MeasureResponse):
        return response_data(row)
    if isinstance(row, Note):
        return note_data(row)
    raise KeyError(entity)  # MODELS holds no other model


# ---- import: validation and data -> row ------------------------------------------------


def _str(d: dict, k: str, limit: int, *, optional: bool = False) -> str | None:
    v = d.get(k)
    if v is None and optional:
        return None
    if not isinstance(v, str) or len(v) > limit:
        raise BadRecord(f"field '{k}' is missing or too long")
    return v


def _id(d: dict, k: str, *, optional: bool = False) -> str | None:
    v = d.get(k)
    if v is None and optional:
        return None
    if not isinstance(v, str) or not _HEX32.match(v):
        raise BadRecord(f"field '{k}' is not an id")
    return v


def _bool(d: dict, k: str) -> bool:
    v = d.get(k)
    if not isinstance(v, bool):
        raise BadRecord(f"field '{k}' is not true/false")
    return v


def _num(d: dict, k: str, *, optional: bool = True, integer: bool = False) -> Any:
    v = d.get(k)
    if v is None and optional:
        return None
    if (
        isinstance(v, bool)
        or not isinstance(v, (int, float))
        or (integer and not isinstance(v, int))
    ):
        raise BadRecord(f"field '{k}' is not a number")
    return v


def _choice(d: dict, k: str, enum: Any) -> Any:
    try:
        return enum(d.get(k))
    except ValueError:
        raise BadRecord(f"field '{k}' has an unknown value") from None


def _keys(d: dict, expected: set[str]) -> None:
    if set(d) != expected:
        raise BadRecord("unexpected or missing fields")


def row_values(entity: str, rid: str, d: Any) -> dict[str, Any]:
    """Column values for ``entity`` from incoming data; BadRecord when malformed."""
    if not isinstance(d, dict):
        raise BadRecord("the record holds no data")
    if entity == "group":
        _keys(d, {"name", "program_type", "language", "headcount_only", "archived"})
        return {
            "id": rid,
            "name": _str(d, "name", 200),
            "program_type": _str(d, "program_type", 64),
            "language": _str(d, "language", 8),
            "headcount_only": _bool(d, "headcount_only"),
            "archived": _bool(d, "archived"),
        }
    if entity == "measure":
        _keys(d, {"key", "title", "spec"})
        if not isinstance(d["title"], dict) or not isinstance(d["spec"], dict):
            raise BadRecord("a measure needs a title and a spec")
        return {
            "id": rid,
            "key": _str(d, "key", 64),
            "title": d["title"],
            "spec": d["spec"],
            "builtin": False,
        }
    if entity == "participant":
        _keys(d, {"group_id", "code", "archived"})
        return {
            "id": rid,
            "group_id": _id(d, "group_id"),
            "code": _str(d, "code", 16),
            "archived": _bool(d, "archived"),
            "alias": None,
        }
    if entity == "session":
        _keys(
            d,
            {
                "group_id",
                "script_id",
                "script_version",
                "script_hash",
                "planned_start",
                "started_at",
                "ended_at",
                "status",
                "headcount",
                "no_notes",
                "steps",
                "rules",
                "created_at",
            },
        )
        if not isinstance(d["steps"], list) or not isinstance(d["rules"], list):
            raise BadRecord("steps and rules must be lists")
        return {
            "id": rid,
            "group_id": _id(d, "group_id"),
            "script_id": _str(d, "script_id", 100),
            "script_version": _str(d, "script_version", 32),
            "script_hash": _str(d, "script_hash", 64, optional=True),
            "planned_start": parse_ts(d["planned_start"], "planned_start"),
            "started_at": parse_ts(d["started_at"], "started_at"),
            "ended_at": parse_ts(d["ended_at"], "ended_at"),
            "status": _choice(d, "status", SessionStatus),
            "headcount": _num(d, "headcount", integer=True),
            "no_notes": _bool(d, "no_notes"),
            "created_at": parse_ts(d["created_at"], "created_at"),
            "is_practice": False,
        }
    if entity == "attendance":
        _keys(d, {"session_id", "participant_id", "status", "first_time"})
        return {
            "id": rid,
            "session_id": _id(d, "session_id"),
            "participant_id": _id(d, "participant_id"),
            "status": _choice(d, "status", AttendanceStatus),
            "first_time": _bool(d, "first_time"),
        }
    if entity == "response":
        _keys(
            d, {"session_id", "participant_id", "measure_id", "phase", "value", "passed", "items"}
        )
        if d["items"] is not None and not isinstance(d["items"], list):
            raise BadRecord("items must be a list")
        return {
            "id": rid,
            "session_id": _id(d, "session_id"),
            "participant_id": _id(d, "participant_id"),
            "measure_id": _id(d, "measure_id"),
            "phase": _choice(d, "phase", Phase),
            "value": _num(d, "value"),
            "passed": _bool(d, "passed"),
            "items": d["items"],
        }
    if entity == "incident":
        _keys(
            d,
            {
                "group_id",
                "session_id",
                "type",
                "severity",
                "follow_up",
                "actions",
                "created_at",
                "description",
                "follow_up_note",
                "text_shared",
            },
        )
        if not isinstance(d["actions"], list) or not all(isinstance(a, str) for a in d["actions"]):
            raise BadRecord("actions must be a list of text")
        return {
            "id": rid,
            "group_id": _id(d, "group_id"),
            "session_id": _id(d, "session_id", optional=True),
            "type": _str(d, "type", 64),
            "severity": _num(d, "severity", optional=False, integer=True),
            "follow_up": _choice(d, "follow_up", FollowUp),
            "actions_taken": d["actions"],
            "created_at": parse_ts(d["created_at"], "created_at"),
            "description": _str(d, "description", 20000),
            "follow_up_note": _str(d, "follow_up_note", 20000),
        }
    if entity == "note":
        _keys(d, {"group_id", "session_id", "body", "created_at"})
        created = parse_ts(d["created_at"], "created_at")
        return {
            "id": rid,
            "group_id": _id(d, "group_id"),
            "session_id": _id(d, "session_id", optional=True),
            "body": _str(d, "body", 50000),
            "created_at": created,
            "updated_at": created,
        }
    raise BadRecord(f"unknown kind of record '{entity}'")


def session_children(rid: str, d: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """StepEvent and RulesAgreement column values carried inside a session record."""
    steps, rules = [], []
    try:
        for sid, seq, action, index, step_id, elapsed, at, payload in d["steps"]:
            if not (
                isinstance(sid, str)
                and _HEX32.match(sid)
                and isinstance(seq, int)
                and isinstance(action, str)
                and isinstance(payload, dict)
                and set(payload) <= STEP_PAYLOAD_KEYS
            ):
                raise BadRecord("a step of the session is malformed")
            steps.append(
                {
                    "id": sid,
                    "session_id": rid,
                    "seq": seq,
                    "action": action[:32],
                    "step_index": index,
                    "step_id": step_id,
                    "elapsed": float(elapsed),
                    "payload": payload,
                    "at": parse_ts(at, "step time"),
                }
            )
        for rid2, ruleset, version, chash, agreed, at in d["rules"]:
            if not (isinstance(rid2, str) and _HEX32.match(rid2) and isinstance(agreed, bool)):
                raise BadRecord("a rules agreement of the session is malformed")
            rules.append(
                {
                    "id": rid2,
                    "session_id": rid,
                    "ruleset_id": str(ruleset)[:100],
                    "ruleset_version": str(version)[:32],
                    "content_hash": str(chash)[:64],
                    "agreed": agreed,
                    "recorded_at": parse_ts(at, "rules time"),
                }
            )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, BadRecord):
            raise
        raise BadRecord("a step of the session is malformed") from None
    return steps, rules


def insert_rows(
    s: OrmSession,
    entity: str,
    rows: list[dict[str, Any]],
    children: list[tuple[list[dict], list[dict]]] | None = None,
) -> None:
    """Bulk insert (executemany) of new rows, with a session's steps and rules."""
    if not rows:
        return
    s.execute(insert(MODELS[entity]), rows)
    if entity == "session" and children:
        steps = [x for st, _ in children for x in st]
        rules = [x for _, ru in children for x in ru]
        if steps:
            s.execute(insert(StepEvent), steps)
        if rules:
            s.execute(insert(RulesAgreement), rules)


def update_row(
    s: OrmSession,
    entity: str,
    values: dict[str, Any],
    children: tuple[list[dict], list[dict]] | None = None,
) -> None:
    model = MODELS[entity]
    rid = values["id"]
    s.execute(
        update(model)
        .where(model.id == rid)
        .values(**{k: v for k, v in values.items() if k not in ("id", "alias")})
    )
    if entity == "session" and children is not None:
        s.execute(delete(StepEvent).where(StepEvent.session_id == rid))
        s.execute(delete(RulesAgreement).where(RulesAgreement.session_id == rid))
        insert_rows_children(s, children)


def insert_rows_children(s: OrmSession, children: tuple[list[dict], list[dict]]) -> None:
    steps, rules = children
    if steps:
        s.execute(insert(StepEvent), steps)
    if rules:
        s.execute(insert(RulesAgreement), rules)


def delete_row(s: OrmSession, entity: str, rid: str) -> bool:
    """Remove a tombstoned row (and what hangs off it). True when something went."""
    model = MODELS.get(entity)
    if model is None:
        return False
    if entity == "participant":
        s.execute(delete(MeasureResponse).where(MeasureResponse.participant_id == rid))
        s.execute(delete(Attendance).where(Attendance.participant_id == rid))
    if entity == "session":
        for child in (StepEvent, RulesAgreement, Attendance, MeasureResponse):
            s.execute(delete(child).where(child.session_id == rid))
    # a DELETE statement always yields a CursorResult, which carries the row count
    result = cast(CursorResult[Any], s.execute(delete(model).where(model.id == rid)))
    return bool(result.rowcount)
