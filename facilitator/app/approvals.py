"""The two-person rule: one person asks, a different person approves, one at a time.

Used for closing a review item about an incident marked as a risk to life,
erasing a participant and removing a user. There is deliberately no "approve all":
each request is approved by id, by someone who is not the requester.
"""

from __future__ import annotations

from sqlalchemy import select

from facilitator.app.access import Principal, require
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit
from facilitator.store.db import Database
from facilitator.store.models import utcnow
from facilitator.store.models_supervision import Approval

ACTIONS = ("close_risk_item", "erase_participant", "remove_user")


def request(
    db: Database,
    who: Principal,
    action: str,
    target_id: str,
    reason: str = "",
    params: dict | None = None,
) -> str:
    if action not in ACTIONS:
        raise InputError(
            QT_TRANSLATE_NOOP("review", "Unknown two-person action '{action}'."),
            params={"action": action},
        )
    with db.unit() as s:
        pending = s.scalar(
            select(Approval).where(
                Approval.action == action,
                Approval.target_id == target_id,
                Approval.state == "pending",
            )
        )
        if pending is not None:
            return pending.id
        row = Approval(
            action=action,
            target_id=target_id,
            requested_by=who.user_id,
            reason=(reason or "").strip(),
            params=dict(params or {}),
        )
        s.add(row)
        s.flush()
        audit.append_audit(
            s,
            "approval_requested",
            entity=action,
            entity_id=target_id,
            user_id=who.user_id,
            detail={"approval": row.id},
        )
        return row.id


def second_person_exists(db: Database, who: Principal) -> bool:
    """Whether anyone other than ``who`` could approve (an active supervisor or
    administrator). On a one-person install nobody can, and the rule cannot apply."""
    from facilitator.store.models_supervision import UserAccount

    with db.session() as s:
        rows = s.execute(
            select(UserAccount.user_id, UserAccount.roles).where(
                UserAccount.active.is_(True), UserAccount.user_id != who.user_id
            )
        ).all()
    return any({"supervisor", "administrator"} & set(roles or ()) for _, roles in rows)


# who may see the requests waiting for a second person, by kind of request
PENDING_READ = {
    "remove_user": "users.list",
    "close_risk_item": "review.read",
    "erase_participant": "approval.decide",
}


def pending(
    db: Database, action: str | None = None, *, who: Principal | None = None
) -> list[Approval]:
    """Requests waiting for a second person (of one kind): for whoever may see that
    kind (:data:`PENDING_READ`; every kind: ``approval.decide``)."""
    from facilitator.app.access import acting

    acting(db, who, PENDING_READ.get(action or "", "approval.decide"))
    return _pending(db, action)


def _pending(db: Database, action: str | None = None) -> list[Approval]:
    with db.session() as s:
        q = select(Approval).where(Approval.state == "pending").order_by(Approval.created_at)
        if action:
            q = q.where(Approval.action == action)
        return list(s.scalars(q))


def approve(
    db: Database, who: Principal, approval_id: str, *, expected_action: str | None = None
) -> Approval:
    """Approve one request; refuses the requester and anything not pending."""
    require(who, "approval.decide")
    with db.unit() as s:
        row = s.get(Approval, approval_id)
        if row is None or (expected_action and row.action != expected_action):
            raise InputError(QT_TRANSLATE_NOOP("review", "There is no such request."))
        if row.state != "pending":
            raise InputError(QT_TRANSLATE_NOOP("review", "That request was already decided."))
        if row.requested_by == who.user_id:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "review",
                    "A second person must approve this: the person who asked cannot "
                    "approve their own request.",
                )
            )
        row.state, row.decided_by, row.decided_at = "approved", who.user_id, utcnow()
        audit.append_audit(
            s,
            "approval_given",
            entity=row.action,
            entity_id=row.target_id,
            user_id=who.user_id,
            detail={"approval": row.id, "requested_by": row.requested_by},
        )
        s.flush()
        s.expunge(row)
        return row
