"""The two-person rule for erasing a participant (and what a one-person install does)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from facilitator.app import erasure, review, users
from facilitator.app.access import AccessDenied
from facilitator.errors import InputError
from facilitator.store.models import AuditEvent, Group, Participant

from .helpers import add_incident, steady_group


def _participant(db, gid, n=0):
    with db.session() as s:
        return s.scalars(
            select(Participant.id).where(Participant.group_id == gid).order_by(Participant.code)
        ).all()[n]


def test_erasing_needs_a_second_person(store, people):
    db = store.db
    gid, _, _ = steady_group(db)
    with db.unit() as s:
        s.get(Group, gid).owner_id = people["fay"].user_id
    pid = _participant(db, gid)
    with pytest.raises(AccessDenied, match="not theirs"):
        erasure.request_erasure(db, _other_fac(store), pid)
    res = erasure.request_erasure(db, people["fay"], pid, "asked to be forgotten")
    assert not res.done and res.approval_id
    with db.session() as s:
        assert s.get(Participant, pid) is not None  # nothing erased yet
    with pytest.raises(AccessDenied):  # a facilitator cannot approve, her own or any
        erasure.approve_erasure(db, people["fay"], res.approval_id)
    other = erasure.request_erasure(db, people["sam"], _participant(db, gid, 1))
    with pytest.raises(InputError, match="second person"):  # a supervisor asking
        erasure.approve_erasure(db, people["sam"], other.approval_id)
    done = erasure.approve_erasure(db, people["sam"], res.approval_id)
    assert done.done and done.counts["attendance"] > 0
    with db.session() as s:
        assert s.get(Participant, pid) is None
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "erase")).one()
    assert ev.detail["approved_by"] == people["sam"].user_id
    assert ev.detail["requested_by"] == people["fay"].user_id


def _other_fac(store):
    from .conftest import PASS

    owner = users.sign_in(store, None, PASS)
    if not any(a.login == "fred" for a in users.list_users(store, owner)):
        users.add_user(store, owner, "fred", ["facilitator"], "fred passphrase 123")
    return users.sign_in(store, "fred", "fred passphrase 123")


def test_a_one_person_install_erases_and_closes_alone_and_says_so(store):
    db = store.db
    owner = users.sign_in(store)
    gid, ids, last = steady_group(db)
    res = erasure.request_erasure(db, owner, _participant(db, gid))
    assert res.done
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "erase")).one()
    assert ev.detail["single_person_install"] is True
    add_incident(db, gid, ids[-1], type_="risk_disclosure", severity=3, day=last)
    review.refresh(db, last + timedelta(days=1))
    risk = [i for i in review.list_items(db, owner) if i.risk_to_life][0]
    d = review.sign(db, owner, risk.id, "Safety plan agreed.")
    assert d.done and d.state == "signed_off"


def test_nobody_approves_their_own_removal(store, people):
    req = users.request_removal(store, people["owner"], "ada")
    with pytest.raises(InputError, match="own removal"):
        users.approve_removal(store, people["ada"], req.approval_id)
