"""Use cases for the audit log: show, verify, export (CSV and PDF, English/Arabic).

Reading needs the supervisor or administrator role (the log holds no participant
data, only who did what and when). Exporting is itself audited.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
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
from facilitator.textcheck import isolate_ltr

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


# Every action the code records, as words (one table: the app, the CSV's human column
# and the PDF read it; tests/app/test_audit_words.py checks that none is missing).
ACTION_TITLES: dict[str, str] = {
    "store_created": QT_TRANSLATE_NOOP("audit", "Store created"),
    "unlock": QT_TRANSLATE_NOOP("audit", "Store unlocked"),
    "unlock_failed": QT_TRANSLATE_NOOP("audit", "Failed unlock attempt"),
    "passphrase_changed": QT_TRANSLATE_NOOP("audit", "Passphrase changed"),
    "passphrase_removed": QT_TRANSLATE_NOOP("audit", "Passphrase removed"),
    "keyring_restored": QT_TRANSLATE_NOOP("audit", "Key put back in the system keyring"),
    "rekey": QT_TRANSLATE_NOOP("audit", "Database key changed"),
    "backup": QT_TRANSLATE_NOOP("audit", "Backup made"),
    "restore": QT_TRANSLATE_NOOP("audit", "Backup restored"),
    "migrate": QT_TRANSLATE_NOOP("audit", "Store upgraded"),
    "export": QT_TRANSLATE_NOOP("audit", "Report saved"),
    "report.register_clear": QT_TRANSLATE_NOOP("audit", "Register of reports emptied"),
    "import": QT_TRANSLATE_NOOP("audit", "Data imported"),
    "erase": QT_TRANSLATE_NOOP("audit", "Participant's data erased"),
    "participant.erase": QT_TRANSLATE_NOOP("audit", "Participant's data erased"),
    "demo_data": QT_TRANSLATE_NOOP("audit", "Demonstration data added"),
    "user_added": QT_TRANSLATE_NOOP("audit", "User added"),
    "user_removed": QT_TRANSLATE_NOOP("audit", "User removed"),
    "user_roles_changed": QT_TRANSLATE_NOOP("audit", "User's roles changed"),
    "user_passphrase_changed": QT_TRANSLATE_NOOP("audit", "User's passphrase changed"),
    "review_state": QT_TRANSLATE_NOOP("audit", "Review item taken"),
    "review_comment": QT_TRANSLATE_NOOP("audit", "Review item commented"),
    "review_signed": QT_TRANSLATE_NOOP("audit", "Review item signed off"),
    "review_closed": QT_TRANSLATE_NOOP("audit", "Review item closed without action"),
    "review_month_signed": QT_TRANSLATE_NOOP("audit", "Month signed off"),
    "approval_requested": QT_TRANSLATE_NOOP("audit", "Second person asked to approve"),
    "approval_given": QT_TRANSLATE_NOOP("audit", "Approved by a second person"),
    "settings_changed": QT_TRANSLATE_NOOP("audit", "Settings changed"),
    "audit_exported": QT_TRANSLATE_NOOP("audit", "Audit log exported"),
    "audit_tamper_detected": QT_TRANSLATE_NOOP("audit", "Audit log found tampered with"),
    "bundle.export": QT_TRANSLATE_NOOP("audit", "Bundle sent"),
    "bundle.import": QT_TRANSLATE_NOOP("audit", "Bundle received"),
    "bundle.refused": QT_TRANSLATE_NOOP("audit", "Bundle refused"),
    "bundle.conflict_resolved": QT_TRANSLATE_NOOP("audit", "Two versions of a record settled"),
    "bundle.receipt": QT_TRANSLATE_NOOP("audit", "Receipt for a bundle"),
    "keys.export_public": QT_TRANSLATE_NOOP("audit", "Public key exported"),
    "keys.trust": QT_TRANSLATE_NOOP("audit", "Another device's key trusted"),
    "keys.rotate": QT_TRANSLATE_NOOP("audit", "Device key replaced"),
    "keys.revoke": QT_TRANSLATE_NOOP("audit", "Key revoked"),
    "practice.score_override": QT_TRANSLATE_NOOP("audit", "Practice score changed by a trainer"),
}

# What a record is about (the "About" column), and the labels of detail keys
ENTITY_TITLES: dict[str, str] = {
    "review_item": QT_TRANSLATE_NOOP("audit", "review item"),
    "user": QT_TRANSLATE_NOOP("audit", "user"),
    "group": QT_TRANSLATE_NOOP("audit", "group"),
    "participant": QT_TRANSLATE_NOOP("audit", "participant"),
    "report": QT_TRANSLATE_NOOP("audit", "report"),
    "bundle": QT_TRANSLATE_NOOP("audit", "bundle"),
    "setting": QT_TRANSLATE_NOOP("audit", "setting"),
    "practice_attempt": QT_TRANSLATE_NOOP("audit", "practice attempt"),
    "report_release": QT_TRANSLATE_NOOP("audit", "register of reports"),
    "close_risk_item": QT_TRANSLATE_NOOP("audit", "closing a risk-to-life item"),
    "remove_user": QT_TRANSLATE_NOOP("audit", "removing a user"),
    "erase_participant": QT_TRANSLATE_NOOP("audit", "erasing a participant"),
}
DETAIL_LABELS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("audit", "User"),
    "roles": QT_TRANSLATE_NOOP("audit", "Roles"),
    "kind": QT_TRANSLATE_NOOP("audit", "Type"),
    "approved_by": QT_TRANSLATE_NOOP("audit", "Approved by"),
    "requested_by": QT_TRANSLATE_NOOP("audit", "Asked by"),
    "by": QT_TRANSLATE_NOOP("audit", "By"),
    "to": QT_TRANSLATE_NOOP("audit", "To"),
    "from": QT_TRANSLATE_NOOP("audit", "From"),
    "state": QT_TRANSLATE_NOOP("audit", "State"),
    "file": QT_TRANSLATE_NOOP("audit", "File"),
    "format": QT_TRANSLATE_NOOP("audit", "Format"),
    "entries": QT_TRANSLATE_NOOP("audit", "Entries"),
    "lang": QT_TRANSLATE_NOOP("audit", "Language"),
    "method": QT_TRANSLATE_NOOP("audit", "How"),
    "month": QT_TRANSLATE_NOOP("audit", "Month"),
    "items": QT_TRANSLATE_NOOP("audit", "Items"),
    "k": QT_TRANSLATE_NOOP("audit", "Smallest number shown"),
    "keyring": QT_TRANSLATE_NOOP("audit", "System keyring"),
    "passphrase": QT_TRANSLATE_NOOP("audit", "Passphrase"),
    "first_run": QT_TRANSLATE_NOOP("audit", "First start"),
    "rekey_advised": QT_TRANSLATE_NOOP("audit", "Key change advised"),
    "material_hash": QT_TRANSLATE_NOOP("audit", "Fingerprint of the records"),
    "take": QT_TRANSLATE_NOOP("audit", "Version kept"),
    "approval": QT_TRANSLATE_NOOP("audit", "Approval"),
    "group_id": QT_TRANSLATE_NOOP("audit", "Group"),
    "problem": QT_TRANSLATE_NOOP("audit", "Problem"),
    "first_broken_seq": QT_TRANSLATE_NOOP("audit", "First broken entry"),
    "seed": QT_TRANSLATE_NOOP("audit", "Seed"),
    "groups": QT_TRANSLATE_NOOP("audit", "Groups"),
    "weeks": QT_TRANSLATE_NOOP("audit", "Weeks"),
    "rows": QT_TRANSLATE_NOOP("audit", "Rows"),
    "key": QT_TRANSLATE_NOOP("audit", "Setting"),
    "single_person_install": QT_TRANSLATE_NOOP("audit", "One-person install"),
    "attempted_at": QT_TRANSLATE_NOOP("audit", "Tried at"),
    "sender": QT_TRANSLATE_NOOP("audit", "Sender"),
    "reason": QT_TRANSLATE_NOOP("audit", "Reason"),
    "key_id": QT_TRANSLATE_NOOP("audit", "Key"),
    "device_id": QT_TRANSLATE_NOOP("audit", "Device"),
    "bundle_id": QT_TRANSLATE_NOOP("audit", "Bundle"),
    "removed": QT_TRANSLATE_NOOP("audit", "Removed"),
    "counter": QT_TRANSLATE_NOOP("audit", "Number"),
    "conflict": QT_TRANSLATE_NOOP("audit", "Conflict"),
    "old": QT_TRANSLATE_NOOP("audit", "Old"),
    "new": QT_TRANSLATE_NOOP("audit", "New"),
    "sha256": QT_TRANSLATE_NOOP("audit", "Fingerprint"),
}
YES, NO = QT_TRANSLATE_NOOP("audit", "yes"), QT_TRANSLATE_NOOP("audit", "no")
_HASHLIKE = re.compile(r"^[0-9a-f]{24,}$")


def action_title(action: str, lang: str = "en") -> str:
    """An action in words, in ``lang`` (an unknown one as recorded, left to right)."""
    title = ACTION_TITLES.get(action)
    return translate(_CTX, title, lang) if title else isolate_ltr(action)


def entity_title(entity: str, lang: str = "en") -> str:
    title = ENTITY_TITLES.get(entity or "")
    return translate(_CTX, title, lang) if title else isolate_ltr(entity or "")


def _value_words(key: str, value: object, lang: str) -> str:
    from facilitator.app.review import STATE_TITLES
    from facilitator.tracking.review_triggers import KIND_TITLES

    if isinstance(value, bool):
        return translate(_CTX, YES if value else NO, lang)
    if isinstance(value, (list, tuple)):
        return ("، " if lang == "ar" else ", ").join(_value_words(key, v, lang) for v in value)
    text = str(value)
    if key == "roles":
        return translate("access", text, lang)
    if key == "kind" and text in KIND_TITLES:
        return translate("review", KIND_TITLES[text], lang)
    if key in ("to", "state") and text in STATE_TITLES:
        return translate("review", STATE_TITLES[text], lang)
    if _HASHLIKE.match(text):
        text = text[:12] + "…"
    # identifiers, names, files and numbers keep their own left-to-right order in an
    # Arabic line (and are never broken in the middle by the bidi algorithm)
    return isolate_ltr(text)


def detail_words(detail: dict | None, lang: str = "en") -> str:
    """Details as "label: value" pairs in ``lang``; empty values are left out."""
    sep = "؛ " if lang == "ar" else "; "
    pairs = []
    for key, value in sorted((detail or {}).items()):
        if value is None or value == "" or value == []:
            continue
        label = DETAIL_LABELS.get(key)
        name = translate(_CTX, label, lang) if label else isolate_ltr(key)
        pairs.append(f"{name}: {_value_words(key, value, lang)}")
    return sep.join(pairs)


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    user: str
    action: str
    entity: str
    detail: str
    hash: str
    raw: dict = field(default_factory=dict, compare=False)

    def action_words(self, lang: str = "en") -> str:
        return action_title(self.action, lang)

    def entity_words(self, lang: str = "en") -> str:
        return entity_title(self.entity, lang) if self.entity else ""

    def detail_words(self, lang: str = "en") -> str:
        return detail_words(self.raw, lang)


def _detail_text(detail: dict) -> str:
    """Details as the log holds them (machine identifiers): ``key=value, ...``."""

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
        Entry(
            seq or 0,
            at,
            logins.get(uid, uid or ""),
            act,
            ent or "",
            _detail_text(det),
            h or "",
            dict(det or {}),
        )
        for seq, at, uid, act, ent, det, h in rows
    ]


def verify(store: OpenedStore, who: Principal) -> core.ChainReport:
    require(who, "audit.read")
    return core.verify_chain(store.db)


def _rows(
    store: OpenedStore, who: Principal, lang: str, *, words: bool = True, **filters
) -> list[list[str]]:
    """The log's rows: the action, its subject and details in words (``words``), or the
    machine identifiers the log holds."""
    return [
        [
            str(e.seq),
            e.at.strftime("%Y-%m-%d %H:%M:%S") if e.at else "",
            isolate_ltr(e.user) if words else e.user,
            e.action_words(lang) if words else e.action,
            e.entity_words(lang) if words else e.entity,
            e.detail_words(lang) if words else e.detail,
            e.hash[:12],
        ]
        for e in entries(store, who, newest_first=False, **filters)
    ]


CSV_WORDS = (
    QT_TRANSLATE_NOOP("audit", "Action (in words)"),
    QT_TRANSLATE_NOOP("audit", "Details (in words)"),
)


def _plain(text: str) -> str:
    """Text for a CSV cell: no bidi controls (a spreadsheet lays out each cell itself)."""
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069")


def export_csv(
    store: OpenedStore, who: Principal, out: Path, *, lang: str = "en", **filters
) -> int:
    rows = [
        # the machine identifiers, as the log holds them, then the same in words
        [*raw, _plain(human[3]), _plain(human[5])]
        for raw, human in zip(
            _rows(store, who, lang, words=False, **filters),
            _rows(store, who, lang, **filters),
        )
    ]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([translate(_CTX, c, lang) for c in (*COLUMNS, *CSV_WORDS)])
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
        col_widths=[0.8, 1.4, 1.1, 1.6, 1.0, 2.4, 1.75],
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
