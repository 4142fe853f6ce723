"""The supervisor's review queue: refresh from triggers, list, comment, sign, close.

States: ``new`` -> ``in_review`` -> ``needs_info`` (a comment for the facilitator)
-> ``signed_off`` or ``closed`` (without action; a reason is required). A sign-off
is written once (:class:`~facilitator.store.models_supervision.SignOff`): who, when,
the comment and the hash of the material signed; after it nothing about the item
changes. When the material behind a signed item changes later (an incident's
follow-up is edited, a session's log grows), :func:`refresh` opens a *new* item
that points at the old one.

Two-person rule: signing off or closing an item about an incident marked as a risk
to life is asked for by one supervisor and approved by a different one; there is
no batch sign-off of items (a whole month of a group is signed off as a whole only
once each of its items was closed one by one).

What a supervisor sees of an item is de-identified: kinds, dates, counts, step ids,
never a participant alias or code and never incident or note text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import func, select

from facilitator.app import approvals
from facilitator.app.access import (
    AccessDenied,
    Login,
    Principal,
    may_see_group,
    require,
    visible_group_ids,
)
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit
from facilitator.store.db import Database
from facilitator.store.models import Group, Incident, Session, Setting, utcnow
from facilitator.store.models_supervision import (
    MonthSignOff,
    ReviewEvent,
    ReviewItem,
    SignOff,
    UserAccount,
)
from facilitator.tracking import review_triggers as rt

STATES = ("new", "in_review", "needs_info", "signed_off", "closed")
OPEN_STATES = ("new", "in_review", "needs_info")
FINAL = ("signed_off", "closed")
STATE_TITLES = {
    "new": QT_TRANSLATE_NOOP("review", "New"),
    "in_review": QT_TRANSLATE_NOOP("review", "In review"),
    "needs_info": QT_TRANSLATE_NOOP("review", "Needs information"),
    "signed_off": QT_TRANSLATE_NOOP("review", "Signed off"),
    "closed": QT_TRANSLATE_NOOP("review", "Closed without action"),
}
SETTINGS_KEY = "review.thresholds"
MAX_COMMENT = 4000


# ---- refreshing the queue from triggers ---------------------------------------------


def _follow_up_days() -> dict[int, int]:
    from facilitator.session.safety import load_protocol

    return {
        s.level: s.follow_up_days
        for s in load_protocol().severities
        if s.follow_up_days is not None
    }


def current_thresholds(db: Database) -> dict[str, Any]:
    with db.session() as s:
        row = s.get(Setting, SETTINGS_KEY)
        return rt.thresholds(row.value if row is not None else None)


def set_thresholds(db: Database, who: Principal, **values: Any) -> dict[str, Any]:
    require(who, "settings.manage")
    for k, v in values.items():
        if k not in rt.DEFAULTS:
            raise InputError(
                QT_TRANSLATE_NOOP("review", "Unknown review setting '{k}'."), params={"k": k}
            )
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            raise InputError(
                QT_TRANSLATE_NOOP("review", "A review threshold must be a positive number.")
            )
    merged = {**current_thresholds(db), **values}
    with db.unit() as s:
        row = s.get(Setting, SETTINGS_KEY)
        if row is None:
            s.add(Setting(key=SETTINGS_KEY, value=merged))
        else:
            row.value = merged
        audit.append_audit(
            s,
            "settings_changed",
            entity="setting",
            user_id=who.user_id,
            detail={"key": SETTINGS_KEY, **{k: merged[k] for k in values}},
        )
    return merged


def collect_triggers(db: Database, today: date | None = None) -> list[rt.Trigger]:
    """Every trigger that fires on the store's real (never practice) records."""
    from facilitator.session.persistence import no_notes_record
    from facilitator.tracking.loaders import load_dataset

    today = today or datetime.now(timezone.utc).date()
    limits = current_thresholds(db)
    with db.session() as s:
        ds = load_dataset(s, with_steps=True)
        c = s.connection()
        practice = {
            sid for (sid,) in c.execute(select(Session.id).where(Session.is_practice.is_(True)))
        }
        incidents = [
            rt.IncidentFact(
                i, g, sid, t, int(sev), getattr(fu, "value", fu), at.date() if at else None
            )
            for i, g, sid, t, sev, fu, at in c.execute(
                select(
                    Incident.id,
                    Incident.group_id,
                    Incident.session_id,
                    Incident.type,
                    Incident.severity,
                    Incident.follow_up,
                    Incident.created_at,
                )
            )
            if sid not in practice
        ]
        active = {
            g: (created.date() if created else None)
            for g, created in c.execute(
                select(Group.id, Group.created_at).where(Group.archived.is_(False))
            )
        }
    quiet_ids = [x.id for x in ds.sessions if x.no_notes and x.status == "completed"]
    phases = {sid: no_notes_record(db, sid).phases_done for sid in quiet_ids}
    out = rt.incident_triggers(incidents, _follow_up_days())
    out += rt.safety_triggers(ds.sessions, ds.steps, incidents)
    out += rt.fidelity_triggers(ds.sessions, ds.steps, ds.scripts, limits, phases)
    out += rt.attendance_triggers(ds.sessions, rt.attended_counts(ds.attendance), limits)
    out += rt.quiet_triggers(active, ds.sessions, today, limits)
    out += conflict_triggers(db)
    return out


# Free text never shows in the queue, even when it travelled: a conflict about it says
# only how long each version is.
_TEXT_FIELDS = frozenset({"description", "follow_up_note", "body", "actions"})


def conflict_triggers(db: Database) -> list[rt.Trigger]:
    """One ``import_conflict`` item per open bundle conflict (issue 15): the same id
    arrived with other content. Its facts put both versions side by side, field by
    field; signing it off or closing it resolves the conflict (:func:`_finish`)."""
    from facilitator.app import bundles
    from facilitator.store.models_bundles import BundleConflict, DeviceKey

    out: list[rt.Trigger] = []
    with db.session() as s:
        labels = dict(s.execute(select(DeviceKey.device_id, DeviceKey.label)).all())
        for c in s.scalars(
            select(BundleConflict)
            .where(BundleConflict.state == "open")
            .order_by(BundleConflict.at, BundleConflict.id)
        ):
            view = bundles.Conflict(
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
            fields = []
            for key, here, there in bundles.conflict_differences(view):
                if key in _TEXT_FIELDS:
                    here, there = _text_size(here), _text_size(there)
                fields.append([key, here, there])
            facts = {
                "entity": c.entity,
                "record": c.record_id,
                "reason": c.reason,
                "from": labels.get(c.sender_device_id, "") or c.sender_device_id[:8],
                "conflict": c.id,
                "bundle": c.bundle_id,
                "versions": fields,
            }
            out.append(
                rt.Trigger(
                    "import_conflict",
                    f"conflict:{c.id}",
                    bundles.conflict_group(s, c),
                    c.at.date() if c.at else None,
                    facts,
                )
            )
    return out


def conflict_items(db: Database) -> dict[str, str]:
    """bundle conflict id -> the review item that carries it."""
    with db.session() as s:
        return {
            str((facts or {}).get("conflict")): iid
            for iid, facts in s.execute(
                select(ReviewItem.id, ReviewItem.facts)
                .where(ReviewItem.kind == "import_conflict")
                .order_by(ReviewItem.created_at)
            )
        }


def _text_size(value: Any) -> str:
    n = len(value) if isinstance(value, (str, list)) else 0
    return f"({n})" if n else "-"


@dataclass(frozen=True)
class RefreshResult:
    added: int
    updated: int
    superseding: int


def refresh(
    db: Database, today: date | None = None, triggers: Iterable[rt.Trigger] | None = None
) -> RefreshResult:
    """Bring the queue up to date with the triggers (idempotent)."""
    trig = list(triggers) if triggers is not None else collect_triggers(db, today)
    added = updated = superseding = 0
    with db.unit() as s:
        latest: dict[str, ReviewItem] = {}
        for item in s.scalars(select(ReviewItem).order_by(ReviewItem.created_at)):
            latest[item.subject] = item  # the newest item per subject wins
        fac = _facilitators(s)
        for t in trig:
            h = t.material_hash
            old = latest.get(t.subject)
            if old is not None and old.material_hash == h:
                continue
            if old is not None and old.state not in FINAL:
                old.facts, old.material_hash, old.updated_at = dict(t.facts), h, utcnow()
                old.due_on, old.risk_to_life = t.due_on, t.risk_to_life
                _event(
                    s,
                    old,
                    None,
                    None,
                    None,
                    QT_TRANSLATE_NOOP("review", "The records behind this item changed."),
                )
                updated += 1
                continue
            item = ReviewItem(
                kind=t.kind,
                subject=t.subject,
                group_id=t.group_id,
                session_id=t.session_id,
                incident_id=t.incident_id,
                facilitator_id=fac.get((t.group_id, t.session_id)),
                month=t.month,
                occurred_on=t.occurred_on,
                due_on=t.due_on,
                risk_to_life=t.risk_to_life,
                state="new",
                facts=dict(t.facts),
                material_hash=h,
                supersedes_id=old.id if old else None,
            )
            s.add(item)
            latest[t.subject] = item
            added += 1
            superseding += old is not None
    return RefreshResult(added, updated, superseding)


def _facilitators(s) -> dict[tuple[str | None, str | None], str | None]:
    """(group, session) -> who ran it: the session's facilitator, else the group's owner."""
    owners = dict(s.execute(select(Group.id, Group.owner_id)).all())
    out: dict[tuple[str | None, str | None], str | None] = {(g, None): o for g, o in owners.items()}
    for sid, gid, fid in s.execute(select(Session.id, Session.group_id, Session.facilitator_id)):
        out[(gid, sid)] = fid or owners.get(gid)
    return out


# ---- reading --------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemView:
    id: str
    kind: str
    state: str
    group_id: str | None
    group_name: str
    facilitator: str
    month: str
    occurred_on: date | None
    due_on: date | None
    risk_to_life: bool
    facts: dict
    supersedes_id: str | None
    material_hash: str


@dataclass(frozen=True)
class Filters:
    group_id: str | None = None
    facilitator: str | None = None  # login
    kind: str | None = None
    state: str | None = None  # a state, or "open" for every open state
    month_from: str | None = None  # YYYY-MM
    month_to: str | None = None


def _visible_groups(s, who: Principal) -> set[str] | None:
    return visible_group_ids(s, who)  # the one rule (None: every group)


def list_items(
    db: Database, who: Principal, filters: Filters = Filters(), limit: int | None = None
) -> list[ItemView]:
    require(who, "review.read")
    _check_filters(filters)
    with db.session() as s:
        q = (
            select(ReviewItem, Group.name, UserAccount.login)
            .outerjoin(Group, Group.id == ReviewItem.group_id)
            .outerjoin(UserAccount, UserAccount.user_id == ReviewItem.facilitator_id)
        )
        visible = _visible_groups(s, who)
        if visible is not None:
            q = q.where(ReviewItem.group_id.in_(visible))
        if filters.group_id:
            q = q.where(ReviewItem.group_id == filters.group_id)
        if filters.facilitator:
            q = q.where(_fac_filter(db, filters.facilitator))
        if filters.kind:
            q = q.where(ReviewItem.kind == filters.kind)
        if filters.state == "open":
            q = q.where(ReviewItem.state.in_(OPEN_STATES))
        elif filters.state:
            q = q.where(ReviewItem.state == filters.state)
        if filters.month_from:
            q = q.where(ReviewItem.month >= filters.month_from)
        if filters.month_to:
            q = q.where(ReviewItem.month <= filters.month_to)
        q = q.order_by(
            ReviewItem.risk_to_life.desc(),
            ReviewItem.due_on.is_(None),
            ReviewItem.due_on,
            ReviewItem.occurred_on.desc(),
            ReviewItem.id,
        )
        if limit:
            q = q.limit(limit)
        owner = _owner_login(db)
        return [_view(i, name, login, owner) for i, name, login in s.execute(q)]


def counts(db: Database, who: Principal, filters: Filters = Filters()) -> dict[str, int]:
    """Items per kind under ``filters`` (every kind present, zero included)."""
    require(who, "review.read")
    _check_filters(filters)
    with db.session() as s:
        q = select(ReviewItem.kind, func.count()).group_by(ReviewItem.kind)
        visible = _visible_groups(s, who)
        if visible is not None:
            q = q.where(ReviewItem.group_id.in_(visible))
        if filters.group_id:
            q = q.where(ReviewItem.group_id == filters.group_id)
        if filters.facilitator:
            q = q.outerjoin(UserAccount, UserAccount.user_id == ReviewItem.facilitator_id).where(
                _fac_filter(db, filters.facilitator)
            )
        if filters.state == "open":
            q = q.where(ReviewItem.state.in_(OPEN_STATES))
        elif filters.state:
            q = q.where(ReviewItem.state == filters.state)
        if filters.month_from:
            q = q.where(ReviewItem.month >= filters.month_from)
        if filters.month_to:
            q = q.where(ReviewItem.month <= filters.month_to)
        found = dict(s.execute(q).all())
    return {k: int(found.get(k, 0)) for k in rt.KINDS}


def _check_filters(f: Filters) -> None:
    if f.kind and f.kind not in rt.KINDS:
        raise InputError(
            QT_TRANSLATE_NOOP("review", "Unknown item type {kind}; use one of: {kinds}."),
            params=dict(kind=f.kind, kinds=", ".join(rt.KINDS)),
        )
    if f.state and f.state != "open" and f.state not in STATES:
        raise InputError(
            QT_TRANSLATE_NOOP("review", "Unknown state {state}; use one of: {states}."),
            params=dict(state=f.state, states=", ".join(("open",) + STATES)),
        )
    for m in (f.month_from, f.month_to):
        if m is not None:
            try:
                datetime.strptime(m, "%Y-%m")
            except ValueError:
                raise InputError(
                    QT_TRANSLATE_NOOP("review", "{text} is not a month (use YYYY-MM)."),
                    params=dict(text=m),
                ) from None


def _owner_login(db: Database) -> str:
    """The install owner's user name: a group with no owner recorded is theirs
    (:func:`facilitator.app.access.owns_group`). Read only."""
    from facilitator.store import users as core

    return core.ensure_owner(db).login if core.accounts(db) else core.OWNER_LOGIN


def _fac_filter(db: Database, login: str) -> Any:
    """Items run by ``login``: their own, and for the owner those of unowned groups."""
    from sqlalchemy import and_, or_

    mine = UserAccount.login == login
    if login != _owner_login(db):
        return mine
    return or_(mine, and_(ReviewItem.facilitator_id.is_(None), ReviewItem.group_id.is_not(None)))


def _view(i: ReviewItem, group_name: str | None, login: str | None, owner: str = "") -> ItemView:
    if not login and i.facilitator_id is None and i.group_id is not None:
        login = owner  # the group's owner: the install's owner when none is recorded
    return ItemView(
        i.id,
        i.kind,
        i.state,
        i.group_id,
        group_name or "",
        login or "",
        i.month,
        i.occurred_on,
        i.due_on,
        bool(i.risk_to_life),
        dict(i.facts or {}),
        i.supersedes_id,
        i.material_hash,
    )


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user: str
    from_state: str | None
    to_state: str | None
    comment: str


@dataclass(frozen=True)
class ItemDetail:
    item: ItemView
    history: list[HistoryEntry]
    signoff: dict | None
    pending_approval: str | None


def _get_item(s, who: Principal, item_id: str, lang: str = "en") -> ReviewItem:
    item = s.get(ReviewItem, item_id)
    if item is None:
        matches = (
            list(s.scalars(select(ReviewItem).where(ReviewItem.id.like(f"{item_id}%")).limit(2)))
            if len(item_id) >= 6
            else []
        )
        item = matches[0] if len(matches) == 1 else None
    if item is None:
        raise InputError(
            QT_TRANSLATE_NOOP("review", "There is no review item {id}."), params=dict(id=item_id)
        )
    if not who.has("supervisor"):
        owner = s.scalar(select(Group.owner_id).where(Group.id == item.group_id))
        if item.group_id is None or not may_see_group(who, owner):
            raise AccessDenied(
                QT_TRANSLATE_NOOP(
                    "review", "{user} may not see this item: it is about a group they do not run."
                ),
                params=dict(user=Login(who.login)),
            )
    return item


def show(db: Database, who: Principal, item_id: str) -> ItemDetail:
    require(who, "review.read")
    with db.session() as s:
        item = _get_item(s, who, item_id)
        logins: dict[str | None, str] = dict(
            s.execute(select(UserAccount.user_id, UserAccount.login)).all()
        )
        hist = [
            HistoryEntry(e.at, logins.get(e.user_id, ""), e.from_state, e.to_state, e.comment)
            for e in s.scalars(
                select(ReviewEvent).where(ReviewEvent.item_id == item.id).order_by(ReviewEvent.seq)
            )
        ]
        so = s.scalar(select(SignOff).where(SignOff.item_id == item.id))
        sign = (
            None
            if so is None
            else {
                "outcome": so.outcome,
                "by": logins.get(so.user_id, so.user_id),
                "approved_by": logins.get(so.approved_by, so.approved_by)
                if so.approved_by
                else None,
                "at": so.at,
                "comment": so.comment,
                "material_hash": so.material_hash,
                "signature_hash": so.signature_hash,
            }
        )
        name = s.scalar(select(Group.name).where(Group.id == item.group_id))
        fac = logins.get(item.facilitator_id, "") if item.facilitator_id else ""
        view = _view(item, name, fac, _owner_login(db))
    pend = [a.id for a in approvals._pending(db, "close_risk_item") if a.target_id == view.id]
    return ItemDetail(view, hist, sign, pend[0] if pend else None)


# ---- changing an item -------------------------------------------------------------------


def _event(
    s, item: ReviewItem, who: Principal | None, frm: str | None, to: str | None, comment: str
) -> None:
    seq = (
        s.scalar(select(func.max(ReviewEvent.seq)).where(ReviewEvent.item_id == item.id)) or 0
    ) + 1
    s.add(
        ReviewEvent(
            item_id=item.id,
            seq=seq,
            user_id=who.user_id if who else None,
            from_state=frm,
            to_state=to,
            comment=comment,
        )
    )


def _refuse_final(item: ReviewItem) -> None:
    if item.state in FINAL:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "review",
                "This item was signed off or closed; it cannot change. A later change "
                "to its records opens a new item.",
            )
        )


def _clean(comment: str | None) -> str:
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT:
        raise InputError(
            QT_TRANSLATE_NOOP("review", "The comment is too long (at most {n} characters)."),
            params=dict(n=MAX_COMMENT),
        )
    return text


def take(db: Database, who: Principal, item_id: str) -> str:
    """A supervisor starts looking at an item: new -> in review."""
    require(who, "review.decide")
    with db.unit() as s:
        item = _get_item(s, who, item_id)
        _refuse_final(item)
        if item.state == "in_review":
            return item.state
        _event(s, item, who, item.state, "in_review", "")
        item.state, item.updated_at = "in_review", utcnow()
        audit.append_audit(
            s,
            "review_state",
            entity="review_item",
            entity_id=item.id,
            user_id=who.user_id,
            detail={"to": "in_review"},
        )
        return item.state


def comment(
    db: Database, who: Principal, item_id: str, text: str, *, needs_info: bool = False
) -> str:
    """Add a comment. A supervisor may ask the facilitator for information
    (``needs_info``); a facilitator's answer on such an item returns it to review."""
    require(who, "review.decide" if needs_info else "review.comment")
    text = _clean(text)
    if not text:
        raise InputError(QT_TRANSLATE_NOOP("review", "Write a comment first."))
    with db.unit() as s:
        item = _get_item(s, who, item_id)
        _refuse_final(item)
        to = item.state
        if needs_info:
            to = "needs_info"
        elif item.state == "needs_info" and not who.has("supervisor"):
            to = "in_review"  # the facilitator answered
        _event(
            s,
            item,
            who,
            item.state if to != item.state else None,
            to if to != item.state else None,
            text,
        )
        if to != item.state:
            item.state = to
        item.updated_at = utcnow()
        audit.append_audit(
            s,
            "review_comment",
            entity="review_item",
            entity_id=item.id,
            user_id=who.user_id,
            detail={"state": item.state},
        )
        return item.state


def signature_hash(
    item_id: str,
    outcome: str,
    user_id: str,
    approved_by: str | None,
    at: datetime,
    comment_: str,
    material: str,
) -> str:
    doc = json.dumps(
        [item_id, outcome, user_id, approved_by, audit.at_text(at), comment_, material],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Decision:
    done: bool  # False: waiting for a second person (approval id given)
    state: str
    approval_id: str | None = None


TAKES = ("local", "incoming")


def sign(
    db: Database, who: Principal, item_id: str, comment_: str = "", take: str | None = None
) -> Decision:
    """Sign an item off (one item; no batch). For an ``import_conflict`` item,
    ``take`` says which version stays: ``local`` (this store's) or ``incoming``."""
    return _decide(db, who, item_id, "signed_off", _clean(comment_), take)


def close(db: Database, who: Principal, item_id: str, reason: str) -> Decision:
    """Close an item without action; the reason is required. Closing an
    ``import_conflict`` item keeps this store's version."""
    reason = _clean(reason)
    if not reason:
        raise InputError(QT_TRANSLATE_NOOP("review", "Closing without action needs a reason."))
    return _decide(db, who, item_id, "closed", reason, None)


def _decide(
    db: Database, who: Principal, item_id: str, outcome: str, text: str, take: str | None = None
) -> Decision:
    require(who, "review.decide")
    with db.session() as s:
        item = _get_item(s, who, item_id)
        _refuse_final(item)
        risky, iid, kind = bool(item.risk_to_life), item.id, item.kind
    if kind == "import_conflict":
        take = "local" if outcome == "closed" else take
        if take not in TAKES:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "review",
                    "Two versions of a record: say which one to keep (this store's "
                    "version: local; the one that arrived: incoming).",
                )
            )
    elif take is not None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "review", "Only an item about two versions of a record takes a version."
            )
        )
    if risky and _other_supervisor(db, who):  # two-person rule: ask; another approves
        req = approvals.request(db, who, "close_risk_item", iid, text, {"outcome": outcome})
        return Decision(False, item.state, req)
    return _finish(db, who, iid, outcome, text, None, take)


def _other_supervisor(db: Database, who: Principal) -> bool:
    """A risk-to-life item needs a second *supervisor*; on an install with only one
    supervisor the rule cannot apply, and the sign-off is recorded as single-person."""
    with db.session() as s:
        rows = s.execute(
            select(UserAccount.roles).where(
                UserAccount.active.is_(True), UserAccount.user_id != who.user_id
            )
        ).all()
    return any("supervisor" in (roles or ()) for (roles,) in rows)


def approve(db: Database, who: Principal, approval_id: str) -> Decision:
    """The second person approves signing off or closing a risk-to-life item."""
    require(who, "review.decide")
    req = approvals.approve(db, who, approval_id, expected_action="close_risk_item")
    requester = Principal(req.requested_by, "", frozenset({"supervisor"}))
    return _finish(
        db,
        requester,
        req.target_id,
        str(req.params.get("outcome", "signed_off")),
        req.reason,
        who.user_id,
    )


def _finish(
    db: Database,
    who: Principal,
    item_id: str,
    outcome: str,
    text: str,
    approved_by: str | None,
    take: str | None = None,
) -> Decision:
    with db.unit() as s:
        item = s.get(ReviewItem, item_id)
        if item is None:  # the callers resolved the id; the item went meanwhile
            raise InputError(
                QT_TRANSLATE_NOOP("review", "There is no review item {id}."),
                params=dict(id=item_id),
            )
        _refuse_final(item)
        at = utcnow()
        material = rt.material_hash(item.kind, item.subject, item.facts or {})
        if material != item.material_hash:  # the facts were altered behind the queue
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "review", "The records behind this item changed; refresh the queue first."
                )
            )
        if item.kind == "import_conflict":
            _resolve_conflict(s, item, take or "local", text)
        s.add(
            SignOff(
                item_id=item.id,
                outcome=outcome,
                user_id=who.user_id,
                approved_by=approved_by,
                comment=text,
                material_hash=material,
                signature_hash=signature_hash(
                    item.id, outcome, who.user_id, approved_by, at, text, material
                ),
                at=at,
            )
        )
        _event(s, item, who, item.state, outcome, text)
        item.state, item.updated_at = outcome, at
        audit.append_audit(
            s,
            "review_signed" if outcome == "signed_off" else "review_closed",
            entity="review_item",
            entity_id=item.id,
            user_id=who.user_id,
            detail={
                "kind": item.kind,
                "material_hash": material,
                "approved_by": approved_by,
                **({"take": take or "local"} if item.kind == "import_conflict" else {}),
            },
        )
        return Decision(True, outcome)


def _resolve_conflict(s, item: ReviewItem, take: str, text: str) -> None:
    """The one path that resolves a bundle conflict: in the same unit of work as the
    sign-off, so the item and the conflict never disagree."""
    from facilitator.app import bundles

    cid = str((item.facts or {}).get("conflict", ""))
    bundles.apply_resolution(s, bundles.find_conflict(s, cid), take=take, comment=text)


def verify_signoff(db: Database, item_id: str) -> bool:
    """True when the stored sign-off still matches what was signed."""
    with db.session() as s:
        so = s.scalar(select(SignOff).where(SignOff.item_id == item_id))
        item = s.get(ReviewItem, item_id)
        if so is None or item is None:
            return False
        material = rt.material_hash(item.kind, item.subject, item.facts or {})
        return material == so.material_hash and so.signature_hash == signature_hash(
            item.id, so.outcome, so.user_id, so.approved_by, so.at, so.comment, material
        )


def sign_month(db: Database, who: Principal, group_id: str, month: str, comment_: str = "") -> str:
    """Sign off a whole month of a group once every item in it is signed or closed."""
    require(who, "review.decide")
    _check_filters(Filters(month_from=month))
    text = _clean(comment_)
    with db.unit() as s:
        if s.get(Group, group_id) is None:
            raise InputError(QT_TRANSLATE_NOOP("review", "There is no such group."))
        items = list(
            s.scalars(
                select(ReviewItem)
                .where(ReviewItem.group_id == group_id, ReviewItem.month == month)
                .order_by(ReviewItem.id)
            )
        )
        still = [i for i in items if i.state not in FINAL]
        if still:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "review",
                    "{n} item(s) of this month are still open; sign off or close each one first.",
                ),
                params=dict(n=len(still)),
            )
        if (
            s.scalar(
                select(MonthSignOff).where(
                    MonthSignOff.group_id == group_id, MonthSignOff.month == month
                )
            )
            is not None
        ):
            raise InputError(
                QT_TRANSLATE_NOOP("review", "This month of the group was already signed off.")
            )
        sigs = dict(
            s.execute(
                select(SignOff.item_id, SignOff.signature_hash).where(
                    SignOff.item_id.in_([i.id for i in items])
                )
            ).all()
        )
        items_hash = hashlib.sha256(
            "\n".join(f"{i.id}:{sigs.get(i.id, '')}" for i in items).encode()
        ).hexdigest()
        row = MonthSignOff(
            group_id=group_id, month=month, user_id=who.user_id, comment=text, items_hash=items_hash
        )
        s.add(row)
        audit.append_audit(
            s,
            "review_month_signed",
            entity="group",
            entity_id=group_id,
            user_id=who.user_id,
            detail={"month": month, "items": len(items)},
        )
        return items_hash
