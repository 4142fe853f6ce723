"""Use cases for the audit log: show, verify, export (CSV and PDF, English/Arabic).

Reading needs the supervisor or administrator role (the log holds no participant
data, only who did what and when). Exporting is itself audited.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path

from sqlalchemy import select

from facilitator.app.access import Principal, require
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.store import audit as core
from facilitator.store.fsutil import atomic_write
from facilitator.store.models import AuditEvent
from facilitator.store.models_supervision import UserAccount
from facilitator.store.service import OpenedStore

_CTX = "audit"
COLUMNS = (
    QT_TRANSLATE_NOOP("audit", "No."),
    QT_TRANSLATE_NOOP("audit", "Time (UTC)"),
    QT_TRANSLATE_NOOP("audit", "User"),
    QT_TRANSLATE_NOOP("audit", "Action"),
    QT_TRANSLATE_NOOP("audit", "About"),
    QT_TRANSLATE_NOOP("audit", "Details"),
    QT_TRANSLATE_NOOP("audit", "Hash"),
)


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    user: str
    action: str
    entity: str
    detail: str
    hash: str


def _detail_text(detail: dict) -> str:
    def show(v: object) -> str:
        return "/".join(str(x) for x in v) if isinstance(v, (list, tuple)) else str(v)

    return ", ".join(f"{k}={show(v)}" for k, v in sorted((detail or {}).items()))


def entries(
    store: OpenedStore,
    who: Principal,
    *,
    action: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int | None = None,
    newest_first: bool = True,
) -> list[Entry]:
    require(who, "audit.read")
    q = select(
        AuditEvent.seq,
        AuditEvent.at,
        AuditEvent.user_id,
        AuditEvent.action,
        AuditEvent.entity,
        AuditEvent.detail,
        AuditEvent.hash,
    )
    if action:
        q = q.where(AuditEvent.action == action)
    if date_from:
        q = q.where(AuditEvent.at >= datetime.combine(date_from, time.min, timezone.utc))
    if date_to:
        q = q.where(AuditEvent.at <= datetime.combine(date_to, time.max, timezone.utc))
    q = q.order_by(AuditEvent.seq.desc() if newest_first else AuditEvent.seq)
    if limit:
        q = q.limit(limit)
    with store.db.session() as s:
        logins = dict(s.execute(select(UserAccount.user_id, UserAccount.login)).all())
        rows = s.execute(q).all()
    return [
        Entry(seq or 0, at, logins.get(uid, uid or ""), act, ent or "", _detail_text(det), h or "")
        for seq, at, uid, act, ent, det, h in rows
    ]


def verify(store: OpenedStore, who: Principal) -> core.ChainReport:
    require(who, "audit.read")
    return core.verify_chain(store.db)


def _rows(store: OpenedStore, who: Principal, lang: str, **filters) -> list[list[str]]:
    return [
        [
            str(e.seq),
            e.at.strftime("%Y-%m-%d %H:%M:%S") if e.at else "",
            e.user,
            e.action,
            e.entity,
            e.detail,
            e.hash[:12],
        ]
        for e in entries(store, who, newest_first=False, **filters)
    ]


def export_csv(
    store: OpenedStore, who: Principal, out: Path, *, lang: str = "en", **filters
) -> int:
    rows = _rows(store, who, lang, **filters)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([translate(_CTX, c, lang) for c in COLUMNS])
    w.writerows(rows)
    atomic_write(Path(out), buf.getvalue().encode("utf-8-sig"), mode=0o600)
    core.record(
        store.db,
        "audit_exported",
        user_id=who.user_id,
        detail={"format": "csv", "entries": len(rows), "file": Path(out).name},
    )
    return len(rows)


def audit_report(store: OpenedStore, who: Principal, lang: str = "en", **filters):
    """The audit log as a report model (the same table the PDF shows)."""
    from facilitator.tracking import report_model as rm

    rows = _rows(store, who, lang, **filters)
    check = core.verify_chain(store.db)
    status = (
        translate("store", "The audit log is intact ({n} entries).", lang).format(n=check.entries)
        if check.ok
        else translate(
            "store", "The audit log has been tampered with: entry {seq} ({problem}).", lang
        ).format(seq=check.first_broken_seq, problem=translate("store", check.problem, lang))
    )
    table = rm.Table(
        columns=[translate(_CTX, c, lang) for c in COLUMNS],
        rows=rows,
        numeric=frozenset({0}),
        col_widths=[0.8, 1.5, 1.1, 1.4, 0.7, 2.3, 1.0],
    )
    return rm.Report(
        kind="program",
        lang=lang,
        title=translate(_CTX, "Audit log", lang),
        period=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        audience="supervisor",
        blocks=[rm.Paragraph(status, "note" if check.ok else "warning"), table],
        generated_at=datetime.now(timezone.utc),
    )


QT_TRANSLATE_NOOP("audit", "Audit log")


def export_pdf(
    store: OpenedStore, who: Principal, out: Path, *, lang: str = "en", **filters
) -> int:
    from facilitator.export.pdf import write_report

    report = audit_report(store, who, lang, **filters)
    write_report(report, Path(out))
    n = len(report.blocks[-1].rows)
    core.record(
        store.db,
        "audit_exported",
        user_id=who.user_id,
        detail={"format": "pdf", "entries": n, "file": Path(out).name, "lang": lang},
    )
    return n


def parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            QT_TRANSLATE_NOOP("audit", "{text} is not a date (use YYYY-MM-DD)."),
            params=dict(text=text),
        ) from None
