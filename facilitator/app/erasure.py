"""Erasing a participant under the two-person rule (issue 14).

The facilitator of the group (or a supervisor) asks; a *different* supervisor or
administrator approves, and only then is the participant erased (through
:func:`facilitator.tracking.participants.erase_participant`, which also scrubs the
logs and notes). On an install where nobody else could approve (one person), the
request is carried out at once and the audit entry says that no second person
exists, rather than making erasure impossible.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from facilitator.app import approvals
from facilitator.app.access import AccessDenied, Login, Principal, may_see_group, require
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit
from facilitator.store.db import Database
from facilitator.store.models import Group, Participant


@dataclass(frozen=True)
class ErasureResult:
    done: bool
    approval_id: str | None = None
    counts: dict | None = None


def _check_group(db: Database, who: Principal, participant_id: str) -> str:
    with db.session() as s:
        row = s.execute(
            select(Participant.group_id, Group.owner_id)
            .join(Group, Group.id == Participant.group_id)
            .where(Participant.id == participant_id)
        ).first()
    if row is None:
        raise InputError(QT_TRANSLATE_NOOP("erasure", "There is no such participant."))
    if not (who.has("supervisor") or may_see_group(who, row[1])):
        raise AccessDenied(
            QT_TRANSLATE_NOOP(
                "erasure", "{user} may not erase this participant: the group is not theirs."
            ),
            params=dict(user=Login(who.login)),
        )
    return row[0]


def request_erasure(
    db: Database, who: Principal, participant_id: str, reason: str = ""
) -> ErasureResult:
    require(who, "review.comment")  # a facilitator or a supervisor
    _check_group(db, who, participant_id)
    if not approvals.second_person_exists(db, who):
        return ErasureResult(
            True, None, _erase(db, participant_id, who.user_id, None, single_person=True)
        )
    return ErasureResult(
        False, approvals.request(db, who, "erase_participant", participant_id, reason)
    )


def approve_erasure(db: Database, who: Principal, approval_id: str) -> ErasureResult:
    req = approvals.approve(db, who, approval_id, expected_action="erase_participant")
    return ErasureResult(True, None, _erase(db, req.target_id, req.requested_by, who.user_id))


def _erase(
    db: Database,
    participant_id: str,
    by: str,
    approved_by: str | None,
    *,
    single_person: bool = False,
) -> dict:
    from facilitator.tracking.participants import erase_participant

    with db.unit() as s:
        counts = erase_participant(s, participant_id, user_id=by)
        audit.append_audit(
            s,
            "erase",
            entity="participant",
            user_id=approved_by or by,
            detail={
                "requested_by": by,
                "approved_by": approved_by,
                "single_person_install": single_person,
            },
        )
    return counts
