"""Append-only audit trail of sensitive actions (unlock, passphrase change, rekey,
backup, restore, export, erase).

Why: a supervisor reviewing a store, or a facilitator wondering whether someone else
opened their laptop, needs to see *what* happened and *when* without any content.
``detail`` holds only non-identifying facts (the unlock method, a file name); never a
key, passphrase, recovery code, participant alias or note text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session as OrmSession

from facilitator.store.db import Database
from facilitator.store.models import AuditEvent

ACTIONS = frozenset({
    "store_created", "unlock", "passphrase_changed", "passphrase_removed",
    "keyring_restored", "rekey", "backup", "restore", "migrate", "export", "erase",
})


def append_audit(session: OrmSession, action: str, entity: str | None = None,
                 entity_id: str | None = None, detail: dict[str, Any] | None = None,
                 user_id: str | None = None) -> AuditEvent:
    """Add an audit row to ``session`` (the caller's unit of work commits it)."""
    event = AuditEvent(action=action, entity=entity, entity_id=entity_id,
                       detail=dict(detail or {}), user_id=user_id)
    session.add(event)
    return event


def record(db: Database, action: str, **kwargs: Any) -> None:
    """Append one audit row in its own unit of work."""
    with db.unit() as s:
        append_audit(s, action, **kwargs)
