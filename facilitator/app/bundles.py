"""Signed, encrypted report bundles between installs: export, import, receipts, status.

A bundle file (``.fbundle``) is a ZIP holding two standard files:

* ``bundle.age``: the payload, gzip-compressed JSON, encrypted in the age v1 format
  (via ``pyrage``) to one or more X25519 recipients (the supervisor, optionally a
  deputy and an organisation recovery key);
* ``bundle.age.minisig``: a minisign signature of ``bundle.age`` by the sender's
  Ed25519 key, whose *trusted comment* carries the bundle id, kind, sender key id,
  sender device, per-device counter, schema version and the recipients' key ids.

So ``unzip`` + ``minisign -V`` + ``age -d`` check and open a bundle with tools no one
here wrote. Signing the ciphertext lets the importer check signature and sender
*before* decrypting anything; the payload repeats id, sender and counter, and the
importer refuses a bundle whose payload and signature disagree.

Import order: parse -> signature and sender (unknown and revoked keys refused) ->
addressed to us -> replay (an id already imported, or a counter not above the
sender's last) -> decrypt -> payload matches the signed comment -> records one at a
time (see :mod:`facilitator.app.bundle_records` and :func:`_merge`). A refused bundle
changes no record: it is kept, still encrypted, in ``bundle_quarantine`` with its
reason, and an audit event notes the refusal. The importer uses only SQLAlchemy
(ORM and Core), so a PostgreSQL store can take the same bundles.

Merging (no last-writer-wins): every record carries its origin device and a
revision the origin bumps whenever the content changes. Same id and same hash: nothing.
A higher revision from the same origin, for a record not changed here since it
arrived: an update. Anything else with the same id and different content (another
device claims the id, same revision with other content, or the record was changed
here meanwhile) is a *conflict*: the local version stays, both versions go to
``bundle_conflict`` for the review queue (:func:`list_conflicts`). A tombstoned id
never comes back.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, cast

import pyrage
from pyrage import x25519
from sqlalchemy import Table, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from facilitator.app import bundle_keys as keys
from facilitator.app.access import (
    AccessDenied,
    Principal,
    acting,
    as_user,
    owns_group,
    sees_all_groups,
)
from facilitator.app import bundle_records as rec
from facilitator.errors import Text, Items, FacilitatorError, InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import devicekeys as dk
from facilitator.store.audit import append_audit
from facilitator.store.db import Database
from facilitator.store.fsutil import atomic_write
from facilitator.store.models import (
    Attendance,
    Group,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Note,
    Participant,
    RulesAgreement,
    Session,
    StepEvent,
    new_id,
    utcnow,
)
from facilitator.store.models_bundles import (
    BundleConflict,
    BundleQuarantine,
    BundleReceipt,
    BundleRecord,
    BundleSeen,
    BundleSent,
    BundleTombstone,
    DeviceKey,
)
from facilitator.store.tombstones import record_tombstones  # noqa: F401  (re-exported)
from facilitator.tracking.identifying import find_identifying
from facilitator.tracking.measures import ensure_builtin_measures

FORMAT = "facilitator-bundle"
SCHEMA = 1
PAYLOAD_NAME = "bundle.age"
SIG_NAME = "bundle.age.minisig"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MONTH_RE = _MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_TC = re.compile(
    r"^facilitator-bundle v(\d+) id=([0-9a-f]{32}) kind=(data|receipt) "
    r"sender=([0-9a-f]{16}) device=([0-9a-f]{32}) counter=(\d{1,12}) "
    r"to=([0-9a-f]{16}(?:,[0-9a-f]{16})*)$"
)
_CHUNK = 400
# the Core table behind BundleRecord (declarative models always map a Table)
_BUNDLE_RECORD = cast(Table, BundleRecord.__table__)
# Organisation-wide definitions (custom measures) belong to no one device: every
# install sends them with this origin, so identical copies from several facilitators
# are one record, whichever arrives first.
SHARED_ORIGIN = "0" * 32
SHARED_ENTITIES = frozenset({"measure"})


NOT_TRUSTED = QT_TRANSLATE_NOOP(
    "bundles",
    "That key is not trusted here: check its fingerprint with the person, then trust their key.",
)


# how a key's status reads inside a sentence ("The key ... is revoked; ...")
KEY_STATUS = {
    "revoked": QT_TRANSLATE_NOOP("bundles", "revoked"),
    "rotated": QT_TRANSLATE_NOOP("bundles", "rotated"),
}


class BundleRefused(FacilitatorError):
    """A bundle was refused as a whole; nothing in the store changed.

    ``reason`` is a ``QT_TRANSLATE_NOOP("bundles", ...)`` template and ``values`` its
    fields, so the app can show the reason in Arabic (``str()`` is the English line).
    """

    def __init__(
        self,
        message: str,
        *,
        params: dict | None = None,
        reason: str = "",
        values: dict | None = None,
        name: str = "",
    ) -> None:
        super().__init__(message, params=params)
        self.reason = reason or message
        self.values = dict(values or {})
        self.name = name


# ---- audit: one function, so the lead can point it at issue 14's audit log ----------


def audit_event(s: OrmSession, action: str, detail: dict[str, Any]) -> None:
    """Record a bundle/key event (never record content, only ids and counts)."""
    append_audit(s, action, entity="bundle", detail=detail)


# ---- export ------------------------------------------------------------------------


@dataclass
class TextCandidate:
    record_id: str
    entity: str  # note | incident
    group: str
    when: str
    text: str
    findings: list[str]
    ticked: bool


@dataclass
class ExportPlan:
    recipients: list[keys.KeyInfo]
    counts: dict[str, int]
    tombstones: int
    texts: list[TextCandidate]
    records: list[dict[str, Any]] = field(repr=False, default_factory=list)
    tombstone_list: list[dict[str, Any]] = field(repr=False, default_factory=list)
    scope: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    counter: int
    path: Path
    counts: dict[str, int]
    tombstones: int
    texts_shared: int
    recipients: list[str]


def parse_month(text: str | None, what: str) -> tuple[int, int] | None:
    if text is None or text == "":
        return None
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(
            QT_TRANSLATE_NOOP("bundles", "The from month must look like 2026-03.")
            if what == "from"
            else QT_TRANSLATE_NOOP("bundles", "The to month must look like 2026-03.")
        )
    return int(m.group(1)), int(m.group(2))


def _month_bounds(
    start: tuple[int, int] | None, end: tuple[int, int] | None
) -> tuple[datetime | None, datetime | None]:
    lo = datetime(start[0], start[1], 1) if start else None
    hi = None
    if end:
        y, m = (end[0] + 1, 1) if end[1] == 12 else (end[0], end[1] + 1)
        hi = datetime(y, m, 1)
    if lo and hi and lo >= hi:
        raise InputError(QT_TRANSLATE_NOOP("bundles", "The 'from' month is after the 'to' month."))
    return lo, hi


def _when(x: Session) -> datetime | None:
    value = x.started_at or x.planned_start or x.created_at
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _resolve_recipients(
    s: OrmSession, recipients: Iterable[keys.PublicKey | str]
) -> list[DeviceKey]:
    rows: list[DeviceKey] = []
    for r in recipients:
        kid = r.key_id if isinstance(r, keys.PublicKey) else str(r)
        row = s.get(DeviceKey, kid) if isinstance(r, keys.PublicKey) else keys.find_key(s, kid)
        if row is None or row.kind != "peer":
            raise InputError(NOT_TRUSTED)
        if row.status != "active":
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "bundles", "The key {key_id} is {status}; ask for the current key."
                ),
                params={"key_id": row.key_id, "status": KEY_STATUS.get(row.status, row.status)},
            )
        if row.key_id not in {x.key_id for x in rows}:
            rows.append(row)
    if not rows:
        raise InputError(
            QT_TRANSLATE_NOOP("bundles", "Choose at least one recipient (the supervisor's key).")
        )
    return rows


def plan_export(
    db: Database,
    recipients: Iterable[keys.PublicKey | str],
    *,
    groups: Iterable[str] | None = None,
    month_from: str | None = None,
    month_to: str | None = None,
    share_texts: Iterable[str] = (),
    who: Principal | None = None,
) -> ExportPlan:
    """What would travel: counts, tombstones and free-text candidates (with the
    identifying-text check). Writes nothing. A facilitator who is not a supervisor
    sends only the groups they run."""
    actor = acting(db, who, "bundle.export")
    lo, hi = _month_bounds(parse_month(month_from, "from"), parse_month(month_to, "to"))
    ticked = set(share_texts)
    with db.unit() as s:
        own = keys.ensure_identity(s)
        gq = select(Group).order_by(Group.name)
        wanted = list(groups or [])
        if wanted:
            gq = gq.where(Group.id.in_(wanted))
        group_rows = list(s.scalars(gq))
        if wanted and len(group_rows) != len(set(wanted)):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "bundles", "One of the chosen groups does not exist in this store."
                )
            )
        if not sees_all_groups(actor):
            mine = [g for g in group_rows if owns_group(actor, g.owner_id)]
            if wanted and len(mine) != len(group_rows):
                raise AccessDenied(
                    QT_TRANSLATE_NOOP("bundles", "{user} may send only the groups they run."),
                    params=as_user(actor),
                )
            group_rows = mine
        rcpts = _resolve_recipients(s, recipients)
        gids = [g.id for g in group_rows]
        gname = {g.id: g.name for g in group_rows}
        states = _state_map(s)
        records: list[dict[str, Any]] = []

        def add(entity: str, rid: str, data: dict[str, Any]) -> None:
            records.append({"e": entity, "id": rid, "d": data})

        for g in group_rows:
            add("group", g.id, rec.group_data(g))
        for m in s.scalars(
            select(MeasureDefinition)
            .where(MeasureDefinition.builtin.is_(False))
            .order_by(MeasureDefinition.key)
        ):
            add("measure", m.id, rec.measure_data(m))
        for p in s.scalars(
            select(Participant).where(Participant.group_id.in_(gids)).order_by(Participant.id)
        ):
            add("participant", p.id, rec.participant_data(p))
        sessions = [
            x
            for x in s.scalars(
                select(Session)
                .where(Session.group_id.in_(gids), Session.is_practice.is_(False))
                .order_by(Session.id)
            )
            if (lo is None or (_when(x) or lo) >= lo) and (hi is None or (_when(x) or hi) < hi)
        ]
        sids = [x.id for x in sessions]
        steps: dict[str, list[StepEvent]] = defaultdict(list)
        rules: dict[str, list[RulesAgreement]] = defaultdict(list)
        for chunk in _chunks(sids):
            for e in s.scalars(select(StepEvent).where(StepEvent.session_id.in_(chunk))):
                steps[e.session_id].append(e)
            for ra in s.scalars(select(RulesAgreement).where(RulesAgreement.session_id.in_(chunk))):
                rules[ra.session_id].append(ra)
        for x in sessions:
            add("session", x.id, rec.session_data(x, steps[x.id], rules[x.id]))
        for chunk in _chunks(sids):
            for a in s.scalars(select(Attendance).where(Attendance.session_id.in_(chunk))):
                add("attendance", a.id, rec.attendance_data(a))
            for resp in s.scalars(
                select(MeasureResponse).where(MeasureResponse.session_id.in_(chunk))
            ):
                add("response", resp.id, rec.response_data(resp))
        sidset = set(sids)
        aliases = _aliases(s, gids)
        texts: list[TextCandidate] = []

        def in_period(session_id: str | None, created: datetime | None) -> bool:
            if session_id is not None:
                return session_id in sidset
            c = created.replace(tzinfo=None) if created is not None else None
            return (lo is None or (c or lo) >= lo) and (hi is None or (c or hi) < hi)

        for i in s.scalars(
            select(Incident)
            .where(Incident.group_id.in_(gids))
            .order_by(Incident.created_at, Incident.id)
        ):
            if not in_period(i.session_id, i.created_at):
                continue
            body = "\n".join(
                t
                for t in (
                    i.description,
                    i.follow_up_note,
                    *[a for a in i.actions_taken or [] if not rec.ACTION_ID.match(str(a))],
                )
                if t
            )
            share = False
            if body:
                found = _findings(body, aliases.get(i.group_id, []))
                share = i.id in ticked and not found
                texts.append(
                    TextCandidate(
                        i.id,
                        "incident",
                        gname[i.group_id],
                        rec.ts(i.created_at) or "",
                        body,
                        found,
                        i.id in ticked,
                    )
                )
            add("incident", i.id, rec.incident_data(i, share))
        for n in s.scalars(
            select(Note).where(Note.group_id.in_(gids)).order_by(Note.created_at, Note.id)
        ):
            if not in_period(n.session_id, n.created_at) or not (n.body or "").strip():
                continue
            found = _findings(n.body, aliases.get(n.group_id, []))
            texts.append(
                TextCandidate(
                    n.id,
                    "note",
                    gname[n.group_id],
                    rec.ts(n.created_at) or "",
                    n.body,
                    found,
                    n.id in ticked,
                )
            )
            if n.id in ticked and not found:
                add("note", n.id, rec.note_data(n))
        unknown = ticked - {t.record_id for t in texts}
        if unknown:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "bundles",
                    "A text chosen to share is not a note or incident of the chosen groups and months.",
                )
            )
        blocked = [t for t in texts if t.ticked and t.findings]
        if blocked:
            t = blocked[0]
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "bundles",
                    "The incident {id} looks identifying ({findings}); edit it before sharing it.",
                )
                if t.entity == "incident"
                else QT_TRANSLATE_NOOP(
                    "bundles",
                    "The note {id} looks identifying ({findings}); edit it before sharing it.",
                ),
                params={"id": t.record_id[:8], "findings": Items(t.findings)},
            )
        tombs = [
            {"e": t.entity, "id": t.record_id, "g": t.group_id}
            for t in s.scalars(
                select(BundleTombstone)
                .where(or_(BundleTombstone.group_id.in_(gids), BundleTombstone.group_id.is_(None)))
                .order_by(BundleTombstone.record_id)
            )
        ]
        for r in records:
            r["h"] = rec.content_hash(r["d"])
            st = states.get(r["id"])
            origin_here = SHARED_ORIGIN if r["e"] in SHARED_ENTITIES else own.device_id
            if st is None or st[0] == origin_here:
                r["o"] = origin_here
                r["r"] = st[1] if st and st[2] == r["h"] else (st[1] + 1 if st else 1)
            else:  # forwarded: keep the origin's revision
                r["o"], r["r"] = st[0], st[1]
        counts = Counter(r["e"] for r in records)
        info = [keys._info(x) for x in rcpts]
    return ExportPlan(
        info,
        dict(counts),
        len(tombs),
        texts,
        records,
        tombs,
        {"groups": gids, "from": month_from, "to": month_to},
    )


def _findings(text: str, aliases: list[str]) -> list[str]:
    return sorted({f.kind for f in find_identifying(text, aliases)})


def _aliases(s: OrmSession, gids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for gid, alias in s.execute(
        select(Participant.group_id, Participant.alias).where(
            Participant.group_id.in_(gids), Participant.alias.is_not(None)
        )
    ):
        if alias is not None:  # the query already leaves out rows without one
            out[gid].append(alias)
    return out


def _chunks(items: list[str], n: int = _CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _state_map(s: OrmSession, ids: Iterable[str] | None = None) -> dict[str, tuple[str, int, str]]:
    """record id -> (origin device, revision, hash)."""
    cols = (BundleRecord.record_id, BundleRecord.origin_device, BundleRecord.rev, BundleRecord.hash)
    if ids is None:
        return {r[0]: (r[1], r[2], r[3]) for r in s.execute(select(*cols))}
    out = {}
    for chunk in _chunks(list(ids)):
        for r in s.execute(select(*cols).where(BundleRecord.record_id.in_(chunk))):
            out[r[0]] = (r[1], r[2], r[3])
    return out


def write_export(db: Database, plan: ExportPlan, out: Path) -> ExportResult:
    """Encrypt, sign and write the planned bundle; record revisions and the counter."""
    out = Path(out)
    with db.unit() as s:
        own = keys.ensure_identity(s)
        rcpts: list[DeviceKey] = []
        for info in plan.recipients:
            key = s.get(DeviceKey, info.key_id)
            if key is None:
                raise InputError(
                    QT_TRANSLATE_NOOP("bundles", "The recipient key {key_id} is no longer known."),
                    params={"key_id": info.key_id},
                )
            rcpts.append(key)
        own.last_counter += 1
        counter = own.last_counter
        bundle_id = new_id()
        payload = {
            "format": FORMAT,
            "schema": SCHEMA,
            "kind": "data",
            "bundle_id": bundle_id,
            "sender": own.key_id,
            "device": own.device_id,
            "counter": counter,
            "created_at": rec.ts(utcnow()),
            "to": [r.key_id for r in rcpts],
            "scope": plan.scope,
            "records": plan.records,
            "tombstones": plan.tombstone_list,
        }
        data = _seal(own, rcpts, payload, "data")
        states = _state_map(s, [r["id"] for r in plan.records])
        new_states = []
        for r in plan.records:
            st = states.get(r["id"])
            if st is None:
                new_states.append(
                    {
                        "record_id": r["id"],
                        "entity": r["e"],
                        "origin_device": r["o"],
                        "rev": r["r"],
                        "hash": r["h"],
                    }
                )
            elif st[2] != r["h"] and r["o"] in (own.device_id, SHARED_ORIGIN):
                s.execute(
                    _BUNDLE_RECORD.update()
                    .where(BundleRecord.record_id == r["id"])
                    .values(rev=r["r"], hash=r["h"])
                )
        if new_states:
            s.execute(_BUNDLE_RECORD.insert(), new_states)
        shared = sum(1 for t in plan.texts if t.ticked)
        s.add(
            BundleSent(
                bundle_id=bundle_id,
                kind="data",
                counter=counter,
                recipients=[r.key_id for r in rcpts],
                summary={"counts": plan.counts, "tombstones": plan.tombstones, "texts": shared},
            )
        )
        audit_event(
            s,
            "bundle.export",
            {
                "bundle_id": bundle_id,
                "counter": counter,
                "to": [r.key_id for r in rcpts],
                "counts": plan.counts,
                "texts_shared": shared,
            },
        )
        s.flush()
        atomic_write(out, data)  # inside the unit: a failed write rolls the counter back
    return ExportResult(
        bundle_id,
        counter,
        out,
        plan.counts,
        plan.tombstones,
        shared,
        [r.key_id for r in plan.recipients],
    )


def export_bundle(
    db: Database, recipients: Iterable[keys.PublicKey | str], out: Path, **scope: Any
) -> ExportResult:
    """Plan and write in one go (``scope``: the keywords of :func:`plan_export`,
    including ``who``)."""
    return write_export(db, plan_export(db, recipients, **scope), out)


def _seal(own: DeviceKey, rcpts: list[DeviceKey], payload: dict[str, Any], kind: str) -> bytes:
    plain = gzip.compress(rec.canonical(payload), compresslevel=6, mtime=0)
    cipher = pyrage.encrypt(plain, [x25519.Recipient.from_str(r.age_recipient) for r in rcpts])
    comment = (
        f"facilitator-bundle v{SCHEMA} id={payload['bundle_id']} kind={kind} "
        f"sender={own.key_id} device={own.device_id} counter={payload['counter']} "
        f"to={','.join(r.key_id for r in rcpts)}"
    )
    if own.sign_secret is None:
        raise RuntimeError("this device has no signing key")
    sig = dk.minisign_sign(
        keys._unb64(own.sign_secret),
        cipher,
        comment,
        f"facilitator bundle signed by key {own.key_id}",
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, blob in ((PAYLOAD_NAME, cipher), (SIG_NAME, sig)):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            z.writestr(info, blob)
    return buf.getvalue()


# ---- import ------------------------------------------------------------------------


@dataclass
class ImportResult:
    bundle_id: str
    kind: str
    sender_key_id: str
    sender_label: str
    counter: int
    dry_run: bool
    added: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    unchanged: int = 0
    conflicts: list[dict[str, str]] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)
    erased: int = 0

    def summary(self) -> dict[str, Any]:
        return {
            "added": dict(self.added),
            "changed": dict(self.changed),
            "unchanged": self.unchanged,
            "conflicts": len(self.conflicts),
            "refused": self.refused[:200],
            "refused_count": len(self.refused),
            "erased": self.erased,
        }


@dataclass(frozen=True)
class _Verified:
    bundle_id: str
    kind: str
    sender: DeviceKey
    counter: int
    to: list[str]
    cipher: bytes


def _refuse(template: str, **values: Any) -> BundleRefused:
    return BundleRefused(template, params=values, reason=template, values=values)


def _open_zip(raw: bytes) -> tuple[bytes, bytes]:
    if len(raw) > MAX_BUNDLE_BYTES:
        raise _refuse(QT_TRANSLATE_NOOP("bundles", "too large to be a bundle"))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = {i.filename: i for i in z.infolist()}
            if set(names) != {PAYLOAD_NAME, SIG_NAME}:
                raise _refuse(
                    QT_TRANSLATE_NOOP("bundles", "not a Facilitator bundle (unexpected contents)")
                )
            if sum(i.file_size for i in names.values()) > MAX_BUNDLE_BYTES:
                raise _refuse(QT_TRANSLATE_NOOP("bundles", "too large to be a bundle"))
            return z.read(PAYLOAD_NAME), z.read(SIG_NAME)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, BundleRefused):
            raise
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "damaged or truncated (not a readable bundle file)")
        ) from None


def _verify(s: OrmSession, raw: bytes) -> _Verified:
    cipher, sig_text = _open_zip(raw)
    try:
        sig = dk.parse_minisig(sig_text)
    except (ValueError, UnicodeDecodeError):
        raise _refuse(QT_TRANSLATE_NOOP("bundles", "its signature is damaged")) from None
    m = _TC.match(sig.trusted_comment)
    if not m:
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "its signed description is not one this version reads")
        )
    version, bundle_id, kind, sender_id, device, counter, to = m.groups()
    if int(version) != SCHEMA:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "bundles",
                "it was written in format version {version}; this install reads version {schema}",
            ),
            version=version,
            schema=SCHEMA,
        )
    sender = s.get(DeviceKey, sender_id)
    if sender is None or sender.kind != "peer":
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "bundles",
                "it comes from a key that is not trusted here ({key}); check its "
                "fingerprint and trust it first",
            ),
            key=sender_id,
        )
    if sig.key_id.hex() != sender_id or not dk.minisign_verify(
        keys._unb64(sender.sign_public), cipher, sig
    ):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "bundles", "its signature does not verify: it was altered or damaged on the way"
            )
        )
    if sender.status == "revoked":
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "it was signed by a revoked key ({key})"), key=sender_id
        )
    if sender.device_id != device:
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "its signed device does not match the trusted key")
        )
    mine = {
        r.key_id
        for r in s.scalars(
            select(DeviceKey).where(DeviceKey.kind == "own", DeviceKey.age_identity.is_not(None))
        )
    }
    if not mine & set(to.split(",")):
        raise _refuse(QT_TRANSLATE_NOOP("bundles", "it is not addressed to this install"))
    if s.get(BundleSeen, bundle_id) is not None:
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "it was already imported (bundle {bundle}): a replay"),
            bundle=bundle_id[:8],
        )
    last = (
        s.scalar(
            select(func.max(BundleSeen.counter)).where(
                BundleSeen.sender_device_id == device, BundleSeen.kind == kind
            )
        )
        or 0
    )
    if int(counter) <= last:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "bundles",
                "its counter {counter} is not above the sender's last ({last}): an "
                "old or replayed bundle",
            ),
            counter=counter,
            last=last,
        )
    return _Verified(bundle_id, kind, sender, int(counter), to.split(","), cipher)


def _decrypt(s: OrmSession, v: _Verified) -> dict[str, Any]:
    idents = [
        x25519.Identity.from_str(r.age_identity)
        for r in s.scalars(
            select(DeviceKey).where(
                DeviceKey.kind == "own",
                DeviceKey.age_identity.is_not(None),
                DeviceKey.key_id.in_(v.to),
            )
        )
    ]
    try:
        plain = pyrage.decrypt(v.cipher, idents)
        payload = json.loads(gzip.decompress(plain))
    except (pyrage.DecryptError, OSError, EOFError, ValueError, UnicodeDecodeError):
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "it could not be decrypted with this install's key")
        ) from None
    ok = (
        isinstance(payload, dict)
        and payload.get("format") == FORMAT
        and payload.get("schema") == SCHEMA
        and payload.get("bundle_id") == v.bundle_id
        and payload.get("kind") == v.kind
        and payload.get("sender") == v.sender.key_id
        and payload.get("device") == v.sender.device_id
        and payload.get("counter") == v.counter
        and payload.get("to") == v.to
    )
    if not ok:
        raise _refuse(
            QT_TRANSLATE_NOOP("bundles", "its contents do not match its signed description")
        )
    return payload


def import_bundle(
    db: Database, path: Path, *, dry_run: bool = False, who: Principal | None = None
) -> ImportResult:
    """Verify, then merge one bundle; raise BundleRefused (store unchanged, the file
    quarantined) when it is refused as a whole. Data bundles are taken in by a
    supervisor; a receipt by whoever sent (``bundle.receipts``). A refusal by role
    happens before anything is read into the store and quarantines nothing."""
    path = Path(path)
    try:
        too_big = path.stat().st_size > MAX_BUNDLE_BYTES
        raw = b"" if too_big else path.read_bytes()  # never read a huge file into memory
    except OSError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("bundles", "Could not read {path}: {reason}."),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    acting(db, who, "bundle.receipts" if _claimed_kind(raw) == "receipt" else "bundle.import")
    try:
        with db.unit() as s:
            if too_big:
                raise _refuse(QT_TRANSLATE_NOOP("bundles", "too large to be a bundle"))
            v = _verify(s, raw)
            payload = _decrypt(s, v)
            result = ImportResult(
                v.bundle_id, v.kind, v.sender.key_id, v.sender.label, v.counter, dry_run
            )
            if v.kind == "data":
                _merge(s, v, payload, result)
            else:
                _take_receipt(s, v, payload, result)
            s.add(
                BundleSeen(
                    bundle_id=v.bundle_id,
                    sender_key_id=v.sender.key_id,
                    sender_device_id=v.sender.device_id,
                    kind=v.kind,
                    counter=v.counter,
                    status="imported",
                    summary=result.summary(),
                )
            )
            audit_event(
                s,
                "bundle.import",
                {
                    "bundle_id": v.bundle_id,
                    "kind": v.kind,
                    "sender": v.sender.key_id,
                    "counter": v.counter,
                    "added": sum(result.added.values()),
                    "changed": sum(result.changed.values()),
                    "conflicts": len(result.conflicts),
                    "refused": len(result.refused),
                },
            )
            if dry_run:
                s.rollback()
    except BundleRefused as exc:
        if not dry_run:
            _quarantine(db, path.name, raw, str(exc))
        outer = (
            QT_TRANSLATE_NOOP(
                "bundles", "The bundle {name} was refused: {reason}. Nothing was imported."
            )
            if dry_run
            else QT_TRANSLATE_NOOP(
                "bundles",
                "The bundle {name} was refused: {reason}. "
                "Nothing was imported; it is kept in quarantine.",
            )
        )
        raise BundleRefused(
            outer,
            params={"name": path.name, "reason": Text(exc.template, **exc.params)},
            reason=exc.reason,
            values=exc.values,
            name=path.name,
        ) from None
    return result


def _claimed_kind(raw: bytes) -> str:
    """The kind a bundle's signed comment claims (checked properly by :func:`_verify`);
    only decides which role may import it."""
    try:
        m = _TC.match(dk.parse_minisig(_open_zip(raw)[1]).trusted_comment)
    except Exception:  # noqa: BLE001 - an unreadable bundle is refused by _verify
        return "data"
    return m.group(3) if m else "data"


def _quarantine(db: Database, name: str, raw: bytes, reason: str) -> None:
    sender = None
    try:
        m = _TC.match(dk.parse_minisig(_open_zip(raw)[1]).trusted_comment)
        sender = m.group(4) if m else None
    except Exception:  # an unreadable bundle has no sender to name
        sender = None
    digest = hashlib.sha256(raw).hexdigest()
    with db.unit() as s:
        if (
            s.scalar(
                select(func.count())
                .select_from(BundleQuarantine)
                .where(BundleQuarantine.sha256 == digest)
            )
            == 0
        ):
            s.add(
                BundleQuarantine(
                    file_name=name[:255],
                    sha256=digest,
                    reason=reason,
                    sender_key_id=sender,
                    data=raw[:MAX_BUNDLE_BYTES],
                )
            )
        audit_event(s, "bundle.refused", {"sha256": digest, "reason": reason, "sender": sender})


def _merge(s: OrmSession, v: _Verified, payload: dict[str, Any], result: ImportResult) -> None:
    records = payload.get("records")
    tombs = payload.get("tombstones")
    if not isinstance(records, list) or not isinstance(tombs, list):
        raise _refuse(QT_TRANSLATE_NOOP("bundles", "its contents are malformed"))
    ensure_builtin_measures(s)  # built-in measures have the same id on every install
    # 1. tombstones first: an erased id is removed and never comes back
    tomb_ids = {t for (t,) in s.execute(select(BundleTombstone.record_id))}
    for t in tombs:
        if not (
            isinstance(t, dict)
            and isinstance(t.get("id"), str)
            and rec._HEX32.match(t["id"])
            and t.get("e") in rec.ENTITIES + ("step",)
        ):
            result.refused.append(
                {
                    "id": str(t.get("id") if isinstance(t, dict) else "")[:32],
                    "entity": "tombstone",
                    "reason": "malformed tombstone",
                }
            )
            continue
        if t["id"] in tomb_ids:
            continue
        if rec.delete_row(s, t["e"], t["id"]):
            result.erased += 1
        s.execute(_BUNDLE_RECORD.delete().where(BundleRecord.record_id == t["id"]))
        g = (
            t.get("g")
            if isinstance(t.get("g"), str) and rec._HEX32.match(t.get("g") or "")
            else None
        )
        s.add(BundleTombstone(record_id=t["id"], entity=t["e"], group_id=g))
        tomb_ids.add(t["id"])
    s.flush()
    # 2. records, entity by entity (parents first)
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        if isinstance(r, dict) and r.get("e") in rec.ENTITIES:
            by_entity[r["e"]].append(r)
        else:
            result.refused.append(
                {
                    "id": str(r.get("id") if isinstance(r, dict) else "")[:32],
                    "entity": "?",
                    "reason": "unknown kind of record",
                }
            )
    known: dict[str, set[str]] = defaultdict(set)  # ids present after this bundle
    for entity in rec.ENTITIES:
        _merge_entity(s, v, entity, by_entity.get(entity, []), tomb_ids, known, result)


def _exists(s: OrmSession, entity: str, ids: list[str]) -> set[str]:
    model = rec.MODELS[entity]
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(s.scalars(select(model.id).where(model.id.in_(chunk))))
    return out


def _merge_entity(
    s: OrmSession,
    v: _Verified,
    entity: str,
    items: list[dict],
    tomb_ids: set[str],
    known: dict[str, set[str]],
    result: ImportResult,
) -> None:
    if not items:
        return
    states = _state_map(s, [str(r.get("id")) for r in items])
    present = _exists(s, entity, [str(r.get("id")) for r in items])
    # parents referenced but not in this bundle: look them up once
    parent_refs: dict[str, set[str]] = defaultdict(set)
    for r in items:
        d = r.get("d")
        if isinstance(d, dict):
            for pent, fieldname, _ in rec.PARENTS.get(entity, ()):
                pid = d.get(fieldname)
                if isinstance(pid, str) and pid not in known[pent]:
                    parent_refs[pent].add(pid)
    for pent, ids in parent_refs.items():
        known[pent].update(_exists(s, pent, list(ids)))
    new_rows: list[dict] = []
    new_children: list[tuple[list[dict], list[dict]]] = []
    new_states: list[dict] = []
    measure_keys = None
    if entity == "measure":
        measure_keys = {
            k: i for k, i in s.execute(select(MeasureDefinition.key, MeasureDefinition.id))
        }
    seen_ids: set[str] = set()
    for r in items:
        rid = r.get("id")
        try:
            if not isinstance(rid, str) or not rec._HEX32.match(rid) or rid in seen_ids:
                raise rec.BadRecord("missing, malformed or repeated id")
            seen_ids.add(rid)
            origin, rev, h, d = r.get("o"), r.get("r"), r.get("h"), r.get("d")
            if not (
                isinstance(origin, str)
                and rec._HEX32.match(origin)
                and isinstance(rev, int)
                and rev >= 1
                and isinstance(h, str)
            ):
                raise rec.BadRecord("missing origin, revision or hash")
            if rec.content_hash(d) != h:
                raise rec.BadRecord("its content does not match its hash")
            if rid in tomb_ids:
                raise rec.BadRecord("it was erased; erased records do not come back")
            values = rec.row_values(entity, rid, d)
            # row_values refused anything but a dict already
            children = (
                rec.session_children(rid, d)
                if entity == "session" and isinstance(d, dict)
                else None
            )
            for pent, fieldname, required in rec.PARENTS.get(entity, ()):
                pid = values.get(fieldname)
                if pid is None and not required:
                    continue
                if pid in tomb_ids:
                    raise rec.BadRecord(f"its {pent} was erased")
                if pid not in known[pent]:
                    raise rec.BadRecord(f"its {pent} is not in this store")
            st = states.get(rid)
            if st is None and rid not in present:
                if measure_keys is not None and values["key"] in measure_keys:
                    _conflict(
                        s,
                        v,
                        entity,
                        rid,
                        None,
                        r,
                        QT_TRANSLATE_NOOP("bundles", "a different measure has this key"),
                        result,
                    )
                    continue
                new_rows.append(values)
                if children is not None:
                    new_children.append(children)
                new_states.append(
                    {
                        "record_id": rid,
                        "entity": entity,
                        "origin_device": origin,
                        "rev": rev,
                        "hash": h,
                    }
                )
                known[entity].add(rid)
                result.added[entity] += 1
                continue
            known[entity].add(rid)
            if st is not None and st[2] == h:
                result.unchanged += 1
                continue
            local = rec.local_data(s, entity, rid)
            if st is None:
                if local is not None and rec.content_hash(local) == h:
                    s.add(
                        BundleRecord(
                            record_id=rid, entity=entity, origin_device=origin, rev=rev, hash=h
                        )
                    )
                    result.unchanged += 1
                else:
                    _conflict(
                        s,
                        v,
                        entity,
                        rid,
                        local,
                        r,
                        QT_TRANSLATE_NOOP("bundles", "the same id exists here"),
                        result,
                    )
                continue
            if st[0] != origin:
                _conflict(
                    s,
                    v,
                    entity,
                    rid,
                    local,
                    r,
                    QT_TRANSLATE_NOOP("bundles", "another device holds this id"),
                    result,
                )
            elif rev < st[1]:
                result.unchanged += 1  # an older revision: what is here is newer
            elif rev == st[1]:
                _conflict(
                    s,
                    v,
                    entity,
                    rid,
                    local,
                    r,
                    QT_TRANSLATE_NOOP("bundles", "same revision, different content"),
                    result,
                )
            elif local is None or rec.content_hash(local) != st[2]:
                _conflict(
                    s,
                    v,
                    entity,
                    rid,
                    local,
                    r,
                    QT_TRANSLATE_NOOP("bundles", "it was changed here too"),
                    result,
                )
            else:
                rec.update_row(s, entity, values, children)
                s.execute(
                    _BUNDLE_RECORD.update()
                    .where(BundleRecord.record_id == rid)
                    .values(rev=rev, hash=h)
                )
                result.changed[entity] += 1
        except rec.BadRecord as exc:
            result.refused.append({"id": str(rid)[:32], "entity": entity, "reason": str(exc)})
    _insert_batch(s, entity, new_rows, new_children, new_states, known, result)


def _insert_batch(
    s: OrmSession,
    entity: str,
    rows: list[dict],
    children: list[tuple[list[dict], list[dict]]],
    states: list[dict],
    known: dict[str, set[str]],
    result: ImportResult,
) -> None:
    """Insert all at once; when the database refuses the batch (a unique rule such as
    one attendance per person and session), retry one record at a time in savepoints
    so one bad record never blocks the others."""
    if not rows:
        return
    try:
        with s.begin_nested():
            rec.insert_rows(s, entity, rows, children or None)
            s.execute(_BUNDLE_RECORD.insert(), states)
        return
    except IntegrityError:
        pass
    for i, row in enumerate(rows):
        try:
            with s.begin_nested():
                rec.insert_rows(s, entity, [row], [children[i]] if children else None)
                s.execute(_BUNDLE_RECORD.insert(), [states[i]])
        except IntegrityError:
            result.added[entity] -= 1
            known[entity].discard(row["id"])
            result.refused.append(
                {
                    "id": row["id"],
                    "entity": entity,
                    "reason": "it clashes with a record already here",
                }
            )


def _conflict(
    s: OrmSession,
    v: _Verified,
    entity: str,
    rid: str,
    local: dict | None,
    incoming: dict,
    reason: str,
    result: ImportResult,
) -> None:
    result.conflicts.append({"id": rid, "entity": entity, "reason": reason})
    exists = s.scalar(
        select(func.count())
        .select_from(BundleConflict)
        .where(BundleConflict.record_id == rid, BundleConflict.incoming_hash == incoming["h"])
    )
    if exists:
        return
    s.add(
        BundleConflict(
            record_id=rid,
            entity=entity,
            bundle_id=v.bundle_id,
            sender_device_id=v.sender.device_id,
            local_version=local,
            incoming_version={"origin": incoming["o"], "rev": incoming["r"], "data": incoming["d"]},
            local_hash=rec.content_hash(local) if local is not None else "",
            incoming_hash=incoming["h"],
            reason=reason,
        )
    )
    s.flush()


# ---- conflicts: the interface the review queue (issue 14) adopts ------------------


@dataclass(frozen=True)
class Conflict:
    id: str
    record_id: str
    entity: str
    reason: str
    state: str
    outcome: str
    sender_device_id: str
    bundle_id: str
    local: dict[str, Any] | None
    incoming: dict[str, Any]
    at: datetime


def list_conflicts(
    db: Database, *, state: str | None = "open", who: Principal | None = None
) -> list[Conflict]:
    """Conflicts with both versions side by side (``local`` is what this store keeps)."""
    acting(db, who, "bundle.import")
    with db.unit() as s:
        q = select(BundleConflict).order_by(BundleConflict.at, BundleConflict.id)
        if state:
            q = q.where(BundleConflict.state == state)
        return [
            Conflict(
                c.id,
                c.record_id,
                c.entity,
                c.reason,
                c.state,
                c.outcome,
                c.sender_device_id,
                c.bundle_id,
                c.local_version,
                c.incoming_version,
                c.at,
            )
            for c in s.scalars(q)
        ]


def find_conflict(s: OrmSession, conflict_id: str) -> BundleConflict:
    """One conflict by its id (or an unambiguous prefix of at least 4 characters)."""
    found = (
        s.scalars(
            select(BundleConflict).where(BundleConflict.id.startswith(conflict_id.strip().lower()))
        ).all()
        if len(conflict_id.strip()) >= 4
        else []
    )
    if len(found) != 1:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "bundles",
                "No single conflict matches that id; see 'facilitator review list "
                "--type import_conflict'.",
            )
        )
    return found[0]


def apply_resolution(s: OrmSession, c: BundleConflict, *, take: str, comment: str = "") -> None:
    """Close a conflict inside the caller's unit of work: ``take="local"`` keeps this
    store's version, ``"incoming"`` applies the other one (recording it as the current
    revision). The review queue is the one path that calls this (signing off or closing
    an ``import_conflict`` item, :mod:`facilitator.app.review`); the comment goes back
    to the facilitator in the next receipt."""
    if take not in ("local", "incoming"):
        raise InputError(
            QT_TRANSLATE_NOOP("bundles", "Choose which version to keep: local or incoming.")
        )
    if c.state != "open":
        raise InputError(QT_TRANSLATE_NOOP("bundles", "That conflict was already resolved."))
    if take == "incoming":
        inc = c.incoming_version
        values = rec.row_values(c.entity, c.record_id, inc["data"])
        children = rec.session_children(c.record_id, inc["data"]) if c.entity == "session" else None
        if s.get(rec.MODELS[c.entity], c.record_id) is None:
            rec.insert_rows(s, c.entity, [values], [children] if children else None)
        else:
            rec.update_row(s, c.entity, values, children)
        st = s.get(BundleRecord, c.record_id)
        if st is None:
            s.add(
                BundleRecord(
                    record_id=c.record_id,
                    entity=c.entity,
                    origin_device=inc["origin"],
                    rev=inc["rev"],
                    hash=c.incoming_hash,
                )
            )
        else:
            st.origin_device, st.rev, st.hash = inc["origin"], inc["rev"], c.incoming_hash
    c.state, c.outcome = "resolved", f"{take}: {comment}".strip()
    audit_event(s, "bundle.conflict_resolved", {"conflict": c.id, "take": take})


def conflict_group(s: OrmSession, c: BundleConflict) -> str | None:
    """The group a conflicting record belongs to (for the review queue's filters)."""
    if c.entity == "group":
        return c.record_id
    for data in (c.local_version or {}, (c.incoming_version or {}).get("data") or {}):
        gid = data.get("group_id")
        if isinstance(gid, str):
            return gid
        sid = data.get("session_id")
        if isinstance(sid, str):
            found = s.scalar(select(Session.group_id).where(Session.id == sid))
            if found:
                return found
    return None


# ---- receipts ----------------------------------------------------------------------


def write_receipt(
    db: Database, device_or_key: str, out: Path, *, who: Principal | None = None
) -> ExportResult | None:
    """A signed receipt for one facilitator: every bundle of theirs imported since the
    last receipt (what arrived, what was refused and why), their quarantined bundles,
    new conflicts about their records and the review queue's messages to them. None
    when there is nothing new to say."""
    acting(db, who, "bundle.import")
    with db.unit() as s:
        peer = (
            keys.find_key(s, device_or_key)
            if len(device_or_key) != 32
            else s.scalars(
                select(DeviceKey).where(
                    DeviceKey.device_id == device_or_key,
                    DeviceKey.kind == "peer",
                    DeviceKey.status == "active",
                )
            ).first()
        )
        if peer is None or peer.kind != "peer" or peer.status != "active":
            raise InputError(
                QT_TRANSLATE_NOOP("bundles", "There is no active trusted key for that facilitator.")
            )
        seen = list(
            s.scalars(
                select(BundleSeen)
                .where(
                    BundleSeen.sender_device_id == peer.device_id,
                    BundleSeen.kind == "data",
                    BundleSeen.receipt_sent.is_(None),
                )
                .order_by(BundleSeen.counter)
            )
        )
        peer_keys = [
            k
            for (k,) in s.execute(
                select(DeviceKey.key_id).where(DeviceKey.device_id == peer.device_id)
            )
        ]
        quarantined = [
            {"sha256": q.sha256, "file": q.file_name, "reason": q.reason, "at": rec.ts(q.at)}
            for q in s.scalars(
                select(BundleQuarantine).where(BundleQuarantine.sender_key_id.in_(peer_keys))
            )
        ]
        # news only: conflicts that arose since the last receipt (how each one was
        # resolved travels with the review queue's messages)
        last = _last_receipt_to(s, peer_keys)
        cq = select(BundleConflict).where(BundleConflict.sender_device_id == peer.device_id)
        if last is not None:
            cq = cq.where(BundleConflict.at > last)
        conflicts = [
            {
                "record_id": c.record_id,
                "entity": c.entity,
                "reason": c.reason,
                "state": c.state,
                "outcome": c.outcome,
            }
            for c in s.scalars(cq)
        ]
        messages = review_messages_for(s, peer.device_id, last)
        if not seen and not quarantined and not conflicts and not messages:
            return None
        own = keys.ensure_identity(s)
        own.last_counter += 1
        rid = new_id()
        about = [
            {"bundle_id": b.bundle_id, "counter": b.counter, "at": rec.ts(b.at), **b.summary}
            for b in seen
        ]
        payload = {
            "format": FORMAT,
            "schema": SCHEMA,
            "kind": "receipt",
            "bundle_id": rid,
            "sender": own.key_id,
            "device": own.device_id,
            "counter": own.last_counter,
            "created_at": rec.ts(utcnow()),
            "to": [peer.key_id],
            "about": about,
            "quarantined": quarantined,
            "conflicts": conflicts,
            "messages": messages,
        }
        data = _seal(own, [peer], payload, "receipt")
        for b in seen:
            b.receipt_sent = rid
        s.add(
            BundleSent(
                bundle_id=rid,
                kind="receipt",
                counter=own.last_counter,
                recipients=[peer.key_id],
                summary={"about": len(about)},
            )
        )
        audit_event(s, "bundle.receipt", {"bundle_id": rid, "to": peer.key_id, "about": len(about)})
        s.flush()
        atomic_write(Path(out), data)
        return ExportResult(rid, own.last_counter, Path(out), {}, 0, 0, [peer.key_id])


def review_messages_for(
    s: OrmSession, device_id: str, since: datetime | None = None
) -> list[dict[str, Any]]:
    """What the review queue says to one facilitator: each "needs information" comment
    and each sign-off or close (with its comment) on an item about a record that came
    from their device (their groups, sessions and incidents, and conflicts about their
    records). ``since``: only what was written after that moment (the last receipt).

    Each message names the item's kind, state and the record ids the facilitator holds
    (group, session, incident), never who the supervisor is or anything about others.
    """
    from facilitator.store.models_supervision import ReviewEvent, ReviewItem, SignOff

    mine = {
        r
        for (r,) in s.execute(
            select(BundleRecord.record_id).where(
                BundleRecord.origin_device == device_id,
                BundleRecord.entity.in_(("group", "session", "incident")),
            )
        )
    }
    conflicts = {
        c
        for (c,) in s.execute(
            select(BundleConflict.id).where(BundleConflict.sender_device_id == device_id)
        )
    }
    items = {}
    for it in s.scalars(select(ReviewItem)):
        about = (
            it.group_id in mine
            or it.session_id in mine
            or it.incident_id in mine
            or (it.kind == "import_conflict" and (it.facts or {}).get("conflict") in conflicts)
        )
        if about:
            items[it.id] = it
    if not items:
        return []
    out: list[dict[str, Any]] = []

    def message(it: Any, state: str, text: str, at: datetime) -> dict[str, Any]:
        facts = it.facts or {}
        return {
            "item": it.id,
            "kind": it.kind,
            "state": state,
            "text": text,
            "group_id": it.group_id,
            "session_id": it.session_id,
            "incident_id": it.incident_id,
            "about": facts.get("record") or it.incident_id or it.session_id or it.group_id,
            "entity": facts.get("entity", ""),
            "at": rec.ts(at),
        }

    ids = list(items)
    for chunk in _chunks(ids):
        q = select(ReviewEvent).where(
            ReviewEvent.item_id.in_(chunk), ReviewEvent.to_state == "needs_info"
        )
        if since is not None:
            q = q.where(ReviewEvent.at > since)
        for e in s.scalars(q):
            out.append(message(items[e.item_id], "needs_info", e.comment, e.at))
        sq = select(SignOff).where(SignOff.item_id.in_(chunk))
        if since is not None:
            sq = sq.where(SignOff.at > since)
        for so in s.scalars(sq):
            out.append(message(items[so.item_id], so.outcome, so.comment, so.at))
    out.sort(key=lambda m: (m["at"] or "", m["item"]))
    return out


def _last_receipt_to(s: OrmSession, key_ids: list[str]) -> datetime | None:
    last = None
    for sent in s.scalars(select(BundleSent).where(BundleSent.kind == "receipt")):
        if set(sent.recipients or ()) & set(key_ids) and (last is None or sent.at > last):
            last = sent.at
    return last


def _take_receipt(
    s: OrmSession, v: _Verified, payload: dict[str, Any], result: ImportResult
) -> None:
    about = payload.get("about")
    if not isinstance(about, list):
        raise _refuse(QT_TRANSLATE_NOOP("bundles", "its contents are malformed"))
    content = {
        k: payload.get(k) for k in ("about", "quarantined", "conflicts", "messages", "created_at")
    }
    s.add(BundleReceipt(receipt_id=v.bundle_id, from_device_id=v.sender.device_id, content=content))
    for a in about:
        if isinstance(a, dict) and isinstance(a.get("bundle_id"), str):
            sent = s.get(BundleSent, a["bundle_id"])
            if sent is not None:
                sent.acknowledged_by = v.bundle_id
                result.changed["acknowledged"] += 1


@dataclass(frozen=True)
class ReceiptView:
    receipt_id: str
    from_label: str
    at: datetime
    arrived: int
    refused: list[dict[str, Any]]
    quarantined: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    messages: list[dict[str, Any]]
    acknowledged: bool


def receipts(
    db: Database, *, unacknowledged_only: bool = False, who: Principal | None = None
) -> list[ReceiptView]:
    acting(db, who, "bundle.receipts")
    with db.unit() as s:
        labels = {d: lb for d, lb in s.execute(select(DeviceKey.device_id, DeviceKey.label))}
        q = select(BundleReceipt).order_by(BundleReceipt.at)
        if unacknowledged_only:
            q = q.where(BundleReceipt.acknowledged_at.is_(None))
        out = []
        for r in s.scalars(q):
            c = r.content or {}
            about = c.get("about") or []
            out.append(
                ReceiptView(
                    r.receipt_id,
                    labels.get(r.from_device_id, ""),
                    r.at,
                    len(about),
                    [x for a in about for x in (a.get("refused") or [])],
                    c.get("quarantined") or [],
                    c.get("conflicts") or [],
                    c.get("messages") or [],
                    r.acknowledged_at is not None,
                )
            )
        return out


def acknowledge(db: Database, receipt_id: str, *, who: Principal | None = None) -> None:
    acting(db, who, "bundle.receipts")
    with db.unit() as s:
        rows = (
            s.scalars(
                select(BundleReceipt).where(BundleReceipt.receipt_id.startswith(receipt_id.lower()))
            ).all()
            if len(receipt_id) >= 4
            else []
        )
        if len(rows) != 1:
            raise InputError(QT_TRANSLATE_NOOP("bundles", "There is no such receipt."))
        rows[0].acknowledged_at = utcnow()


def unacknowledged_sent(db: Database, *, who: Principal | None = None) -> list[dict[str, Any]]:
    """Bundles this install sent that no receipt has confirmed yet."""
    acting(db, who, "bundle.receipts")
    with db.unit() as s:
        return [
            {
                "bundle_id": b.bundle_id,
                "counter": b.counter,
                "at": b.at,
                "recipients": b.recipients,
                **b.summary,
            }
            for b in s.scalars(
                select(BundleSent)
                .where(BundleSent.kind == "data", BundleSent.acknowledged_by.is_(None))
                .order_by(BundleSent.counter)
            )
        ]


# ---- status board --------------------------------------------------------------------


@dataclass(frozen=True)
class PeerStatus:
    device_id: str
    label: str
    key_status: str
    last_bundle_at: datetime | None
    last_counter: int
    bundles: int
    receipts_due: int
    quarantined: int
    open_conflicts: int


def status_board(db: Database, *, who: Principal | None = None) -> list[PeerStatus]:
    acting(db, who, "bundle.import")
    with db.unit() as s:
        peers: dict[str, list[DeviceKey]] = defaultdict(list)
        for k in s.scalars(
            select(DeviceKey).where(DeviceKey.kind == "peer").order_by(DeviceKey.created_at)
        ):
            peers[k.device_id].append(k)
        out = []
        for device, ks in peers.items():
            newest = ks[-1]
            seen = select(BundleSeen).where(
                BundleSeen.sender_device_id == device, BundleSeen.kind == "data"
            )
            last = s.scalars(seen.order_by(BundleSeen.counter.desc())).first()
            n = s.scalar(select(func.count()).select_from(seen.subquery()))
            due = s.scalar(
                select(func.count()).select_from(
                    seen.where(BundleSeen.receipt_sent.is_(None)).subquery()
                )
            )
            quar = s.scalar(
                select(func.count())
                .select_from(BundleQuarantine)
                .where(BundleQuarantine.sender_key_id.in_([k.key_id for k in ks]))
            )
            conf = s.scalar(
                select(func.count())
                .select_from(BundleConflict)
                .where(BundleConflict.sender_device_id == device, BundleConflict.state == "open")
            )
            out.append(
                PeerStatus(
                    device,
                    newest.label,
                    newest.status,
                    last.at if last else None,
                    last.counter if last else 0,
                    n or 0,
                    due or 0,
                    quar or 0,
                    conf or 0,
                )
            )
        out.sort(key=lambda p: p.label.lower())
        return out


def quarantine_list(db: Database, *, who: Principal | None = None) -> list[dict[str, Any]]:
    acting(db, who, "bundle.import")
    with db.unit() as s:
        return [
            {
                "id": q.id,
                "file": q.file_name,
                "reason": q.reason,
                "sender": q.sender_key_id,
                "at": q.at,
                "bytes": len(q.data),
            }
            for q in s.scalars(select(BundleQuarantine).order_by(BundleQuarantine.at))
        ]


def month_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


@dataclass(frozen=True)
class ExportChoices:
    """What the export dialog offers: trusted recipients, groups and months with data."""

    recipients: list[keys.KeyInfo]
    groups: list[tuple[str, str]]  # (id, name)
    months: list[str]  # YYYY-MM, oldest first


def export_choices(db: Database, *, who: Principal | None = None) -> ExportChoices:
    actor = acting(db, who, "bundle.export")
    with db.unit() as s:
        keys.ensure_identity(s)
        rcpts = [
            keys._info(k)
            for k in s.scalars(
                select(DeviceKey)
                .where(DeviceKey.kind == "peer", DeviceKey.status == "active")
                .order_by(DeviceKey.label)
            )
        ]
        groups = [
            (g.id, g.name)
            for g in s.scalars(select(Group).order_by(Group.name))
            if sees_all_groups(actor) or owns_group(actor, g.owner_id)
        ]
        months = sorted(
            {
                month_of(w)
                for x in s.scalars(select(Session).where(Session.is_practice.is_(False)))
                if (w := _when(x)) is not None
            }
        )
    return ExportChoices(rcpts, groups, months)


def conflict_differences(c: Conflict) -> list[tuple[str, Any, Any]]:
    """(field, this store's value, incoming value) for each field that differs; long
    lists (a session's step log) are summarised by their length."""
    local = c.local or {}
    incoming = (c.incoming or {}).get("data") or {}
    out = []
    for key in sorted(set(local) | set(incoming)):
        a, b = local.get(key), incoming.get(key)
        if a == b:
            continue
        if isinstance(a, list) or isinstance(b, list):
            a = f"[{len(a or [])}]"
            b = f"[{len(b or [])}]"
        out.append((key, a, b))
    return out
