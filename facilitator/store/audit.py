"""Append-only, tamper-evident audit trail of sensitive actions.

Why: a supervisor reviewing a store, or a facilitator wondering whether someone else
opened their laptop, needs to see *what* happened and *when* without any content.
``detail`` holds only non-identifying facts (the unlock method, a file name, a count);
never a key, passphrase, recovery code, participant code or alias, or note text.

Tamper evidence is a hash chain. Every :class:`AuditEvent` gets a gap-free ``seq``
(1, 2, 3 ...), the ``prev_hash`` of the entry before it and its own ``hash``:
SHA-256 over ``prev_hash`` and a canonical JSON encoding of its fields (sorted keys,
no spaces, UTF-8, times as UTC ISO text with microseconds). Whoever edits, deletes,
reorders or inserts an entry must recompute every later hash; :func:`verify_chain`
finds the first entry where the stored and recomputed values differ.

The newest ``(seq, hash)`` is also written to a small sidecar file beside the store
(``<db>.audit-head``), so cutting entries off the *end* of the chain (which leaves a
consistent shorter chain) is noticed too. The head file holds no content, only a
number and a hash; it is rewritten after every append and by a restore.

Nothing here, or anywhere else in the code, updates or deletes an audit row: the
``before_flush`` hook below refuses a flush that would, and the database itself has
``BEFORE UPDATE``/``BEFORE DELETE`` triggers that abort (migration ``i14``).

Failed unlocks cannot be written to the database (there is no key). They are counted
in ``<db>.unlock-failures`` (times only) and moved into the chain by the next unlock.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, cast

from sqlalchemy import event, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import StoreError, Text
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.db import Database
from facilitator.store.fsutil import atomic_write
from facilitator.store.models import AuditEvent

ACTIONS = frozenset(
    {
        "store_created",
        "unlock",
        "unlock_failed",
        "passphrase_changed",
        "passphrase_removed",
        "keyring_restored",
        "rekey",
        "backup",
        "restore",
        "migrate",
        "export",
        "import",
        "erase",
        "participant.erase",
        "demo_data",
        "user_added",
        "user_removed",
        "user_roles_changed",
        "user_passphrase_changed",
        "review_state",
        "review_comment",
        "review_signed",
        "review_closed",
        "review_month_signed",
        "approval_requested",
        "approval_given",
        "settings_changed",
        "audit_exported",
        "audit_tamper_detected",
    }
)

GENESIS = "0" * 64
TAMPER_ACTION = "audit_tamper_detected"


class AuditTamperError(StoreError):
    """The audit chain does not verify: an entry was edited, removed or inserted."""


class AuditAppendOnlyError(StoreError):
    """Code tried to change or delete an audit entry."""


def at_text(at: datetime | None) -> str:
    """A time as the store keeps it: UTC, ``YYYY-MM-DD HH:MM:SS.ffffff``."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def detail_text(detail: Any) -> str:
    """``detail`` as the JSON column stores it (SQLAlchemy's default ``json.dumps``)
    after sorting keys, so the hash covers the exact text in the database."""
    return json.dumps(detail if detail is not None else {})


def sorted_detail(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {str(k): sorted_detail(detail[k]) for k in sorted(detail, key=str)}
    if isinstance(detail, (list, tuple)):
        return [sorted_detail(v) for v in detail]
    if detail is None or isinstance(detail, (str, int, float, bool)):
        return detail
    return str(detail)


def canonical(
    seq: int,
    entry_id: str,
    at: str,
    user_id: str | None,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: str,
) -> bytes:
    """The bytes an entry's hash covers: its fields as stored, in a fixed order,
    separated by the ASCII unit separator (which none of them can contain: ids and
    actions are identifiers, times are digits, and JSON escapes control characters)."""
    return "\x1f".join(
        (
            str(seq),
            entry_id,
            at or "",
            user_id or "",
            action,
            entity or "",
            entity_id or "",
            detail or "{}",
        )
    ).encode("utf-8")


def entry_hash(prev_hash: str, body: bytes) -> str:
    h = hashlib.sha256(prev_hash.encode("ascii"))
    h.update(b"\n")
    h.update(body)
    return h.hexdigest()


# ---- appending ---------------------------------------------------------------------


def append_audit(
    session: OrmSession,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    detail: dict[str, Any] | None = None,
    user_id: str | None = None,
) -> AuditEvent:
    """Add an audit row to ``session`` (the caller's unit of work commits it; the
    chain fields are filled in at flush time)."""
    event_ = AuditEvent(
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=dict(detail or {}),
        user_id=user_id,
    )
    session.add(event_)
    return event_


def record(db: Database, action: str, **kwargs: Any) -> None:
    """Append one audit row in its own unit of work."""
    with db.unit() as s:
        append_audit(s, action, **kwargs)


@event.listens_for(OrmSession, "before_flush")
def _chain_new_entries(session: OrmSession, flush_context: Any, instances: Any) -> None:
    """Give every new AuditEvent its seq and hashes; refuse changes to old ones."""
    for obj in session.deleted:
        if isinstance(obj, AuditEvent):
            raise AuditAppendOnlyError(
                QT_TRANSLATE_NOOP(
                    "store", "The audit log is append-only: an entry cannot be deleted."
                )
            )
    for obj in session.dirty:
        if isinstance(obj, AuditEvent) and session.is_modified(obj):
            raise AuditAppendOnlyError(
                QT_TRANSLATE_NOOP(
                    "store", "The audit log is append-only: an entry cannot be changed."
                )
            )
    new = [o for o in session.new if isinstance(o, AuditEvent)]
    if not new:
        return
    with session.no_autoflush:
        last = session.execute(
            select(AuditEvent.seq, AuditEvent.hash)
            .where(AuditEvent.seq.is_not(None))
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
    # the newest chained entry: the query keeps only rows whose seq is set, and seq
    # and hash are always filled in together, so neither is None here
    seq, prev = (cast(int, last[0]), cast(str, last[1])) if last else (0, GENESIS)
    from facilitator.store.models import new_id, utcnow

    for ev in new:
        seq += 1
        ev.id = ev.id or new_id()
        when = ev.at or utcnow()
        if when.tzinfo is not None:  # the store keeps naive UTC; hash what it keeps
            when = when.astimezone(timezone.utc)
        ev.at = when
        ev.detail = sorted_detail(dict(ev.detail or {}))
        ev.seq = seq
        ev.prev_hash = prev
        prev = entry_hash(
            prev,
            canonical(
                seq,
                ev.id,
                at_text(when),
                ev.user_id,
                ev.action,
                ev.entity,
                ev.entity_id,
                detail_text(ev.detail),
            ),
        )
        ev.hash = prev
    session.info["audit_head"] = (seq, prev)


@event.listens_for(OrmSession, "after_commit")
def _write_head_after_commit(session: OrmSession) -> None:
    head = session.info.pop("audit_head", None)
    path = session.info.get("db_path")
    if head is not None and path is not None:
        _write_head_file(Path(path), *head)


@event.listens_for(OrmSession, "after_soft_rollback")
def _forget_head(session: OrmSession, previous_transaction: Any) -> None:
    session.info.pop("audit_head", None)


# ---- the head anchor -------------------------------------------------------------------


def head_path(db_path: Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".audit-head")


def chain_head(db: Database) -> tuple[int, str]:
    with db.session() as s:
        row = s.execute(
            select(AuditEvent.seq, AuditEvent.hash)
            .where(AuditEvent.seq.is_not(None))
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
    # seq is set (the query says so) and the hash is always filled in with it
    return (cast(int, row[0]), cast(str, row[1])) if row else (0, GENESIS)


def write_head(db: Database) -> None:
    """Remember the newest entry beside the store (no content: a number and a hash)."""
    _write_head_file(db.path, *chain_head(db))


def _write_head_file(db_path: Path, seq: int, h: str) -> None:
    try:
        atomic_write(
            head_path(db_path), json.dumps({"seq": seq, "hash": h}).encode("ascii"), mode=0o600
        )
    except (OSError, StoreError):
        pass  # the chain itself is intact; a missing head only weakens tail checks


def read_head(db_path: Path) -> tuple[int, str] | None:
    try:
        doc = json.loads(head_path(db_path).read_text(encoding="ascii"))
        return int(doc["seq"]), str(doc["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# ---- verifying ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken_seq: int | None = None
    first_broken_id: str | None = None
    problem: str = ""

    def message(self) -> str:
        if self.ok:
            return Text(
                QT_TRANSLATE_NOOP("store", "The audit log is intact ({n} entries)."), n=self.entries
            )
        return Text(
            QT_TRANSLATE_NOOP(
                "store", "The audit log has been tampered with: entry {seq} ({problem})."
            ),
            seq=self.first_broken_seq,
            problem=self.problem,
        )


def _rows(db: Database) -> Iterator[tuple]:
    """Raw stored text (no type conversion: the hash covers what is stored)."""
    with db.engine.connect() as conn:
        cur = conn.exec_driver_sql(
            "SELECT seq, id, at, user_id, action, entity, entity_id, detail, prev_hash, hash "
            "FROM audit_event ORDER BY seq"
        )
        while True:
            chunk = cur.fetchmany(5000)
            if not chunk:
                break
            yield from chunk


def verify_chain(db: Database, *, check_head: bool = True) -> ChainReport:
    """Recompute the whole chain; report the first entry that does not match."""
    prev = GENESIS
    expected = 1
    n = 0
    found_before: tuple[int, Any] | None = None
    for seq, eid, at, user, action, entity, entity_id, detail, prev_hash, h in _rows(db):
        n += 1
        if action == TAMPER_ACTION and found_before is None:
            try:
                found_before = (seq, json.loads(detail or "{}"))
            except ValueError:
                found_before = (seq, {})
        if seq is None or seq != expected:
            if seq is not None and seq > expected:
                return ChainReport(
                    False,
                    n,
                    expected,
                    eid,
                    QT_TRANSLATE_NOOP("store", "missing: the entries before this one were removed"),
                )
            return ChainReport(
                False, n, seq or expected, eid, QT_TRANSLATE_NOOP("store", "out of sequence")
            )
        if prev_hash != prev:
            return ChainReport(
                False,
                n,
                seq,
                eid,
                QT_TRANSLATE_NOOP(
                    "store",
                    "it does not follow the entry before it: an entry was removed, "
                    "inserted or moved",
                ),
            )
        if entry_hash(prev, canonical(seq, eid, at, user, action, entity, entity_id, detail)) != h:
            return ChainReport(
                False, n, seq, eid, QT_TRANSLATE_NOOP("store", "its content was changed")
            )
        prev = h
        expected += 1
    if check_head:
        head = read_head(db.path)
        if head is not None:
            hseq, hhash = head
            if hseq > n:
                return ChainReport(
                    False,
                    n,
                    n + 1,
                    None,
                    QT_TRANSLATE_NOOP(
                        "store", "missing: entries at the end of the log were removed"
                    ),
                )
            if hseq >= 1 and hseq <= n:
                with db.session() as s:
                    stored = s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == hseq))
                if stored != hhash:
                    return ChainReport(
                        False,
                        n,
                        hseq,
                        None,
                        QT_TRANSLATE_NOOP(
                            "store", "it differs from the last entry remembered beside the store"
                        ),
                    )
    if found_before is not None:  # evidence stays evident: a later unlock cannot clear it
        seq, detail = found_before
        return ChainReport(
            False,
            n,
            detail.get("first_broken_seq"),
            None,
            Text(
                QT_TRANSLATE_NOOP(
                    "store", "found broken when the store was unlocked; see entry {seq}"
                ),
                seq=seq,
            ),
        )
    return ChainReport(True, n)


def check_on_unlock(db: Database) -> ChainReport:
    """Verify before this unlock adds to the chain; a break is itself recorded (so
    appending to a cut chain does not hide the cut), then counted failed unlocks
    are moved in."""
    report = verify_chain(db)
    if not report.ok and not report.problem.startswith("found broken"):
        record(
            db,
            TAMPER_ACTION,
            detail={"first_broken_seq": report.first_broken_seq, "problem": report.problem},
        )
    take_failed_unlocks(db)
    return report


# ---- failed unlocks -------------------------------------------------------------------


def failures_path(db_path: Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".unlock-failures")


def note_failed_unlock(db_path: Path, method: str) -> None:
    """Count a failed unlock beside the store (a time and a method, nothing secret)."""
    path = failures_path(db_path)
    try:
        doc = json.loads(path.read_text(encoding="ascii")) if path.exists() else []
        if not isinstance(doc, list):
            doc = []
    except (OSError, ValueError):
        doc = []
    doc = doc[-999:] + [
        {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "method": str(method)}
    ]
    try:
        atomic_write(path, json.dumps(doc).encode("ascii"), mode=0o600)
    except (OSError, StoreError):
        pass


def take_failed_unlocks(db: Database) -> int:
    """Move counted failures into the chain (one entry per attempt); returns how many."""
    path = failures_path(db.path)
    if not path.exists():
        return 0
    try:
        doc = json.loads(path.read_text(encoding="ascii"))
    except (OSError, ValueError):
        doc = [{"at": "", "method": "unknown"}]
    if not isinstance(doc, list):
        doc = []
    with db.unit() as s:
        for item in doc:
            item = item if isinstance(item, dict) else {}
            append_audit(
                s,
                "unlock_failed",
                detail={
                    "attempted_at": str(item.get("at", "")),
                    "method": str(item.get("method", "")),
                },
            )
    path.unlink(missing_ok=True)
    return len(doc)
