"""The review item state machine, sign-offs that cannot change, the two-person rule,
month sign-off, and a new item when signed material changes later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from facilitator.app import review
from facilitator.app.access import AccessDenied
from facilitator.errors import InputError
from facilitator.store import audit
from facilitator.store.models import AuditEvent, Group, Incident
from facilitator.store.models_supervision import ReviewItem, SignOff

from .helpers import add_incident, add_session, steady_group


@pytest.fixture
def queue(store, people):
    db = store.db
    gid, ids, last = steady_group(db)
    with db.unit() as s:
        s.get(Group, gid).owner_id = people["fay"].user_id
    inc = add_incident(db, gid, ids[-1], severity=2, day=last)
    risk = add_incident(
        db, gid, ids[-2], type_="risk_disclosure", severity=3, day=last - timedelta(days=7)
    )
    add_session(db, gid, last + timedelta(days=7), skip=("safety_check",))
    res = review.refresh(db, last + timedelta(days=8))
    assert res.added == 5  # 2 incidents, 2 sessions with an incident, 1 fidelity
    assert review.refresh(db, last + timedelta(days=8)).added == 0  # idempotent
    items = {i.incident_id or i.kind: i for i in _items(db)}
    return {
        "db": db,
        "gid": gid,
        "inc": items[inc].id,
        "risk": items[risk].id,
        "fid": items["fidelity"].id,
        "incident_id": inc,
        "today": last + timedelta(days=8),
        **people,
    }


def _items(db):
    with db.session() as s:
        return list(s.scalars(select(ReviewItem)))


def test_states_comment_needs_info_and_sign_off(queue):
    db, sam, fay = queue["db"], queue["sam"], queue["fay"]
    item = queue["inc"]
    assert review.take(db, sam, item) == "in_review"
    assert (
        review.comment(db, sam, item, "What follow-up was agreed?", needs_info=True) == "needs_info"
    )
    with pytest.raises(AccessDenied):  # a facilitator cannot ask for information
        review.comment(db, fay, item, "x", needs_info=True)
    assert review.comment(db, fay, item, "A call on Monday; done.") == "in_review"
    d = review.sign(db, sam, item, "Follow-up was right.")
    assert d.done and d.state == "signed_off"
    detail = review.show(db, sam, item)
    assert [h.to_state for h in detail.history] == [
        "in_review",
        "needs_info",
        "in_review",
        "signed_off",
    ]
    so = detail.signoff
    assert so["by"] == "sam" and so["comment"] == "Follow-up was right."
    assert so["material_hash"] == detail.item.material_hash
    assert review.verify_signoff(db, detail.item.id)
    # signed: nothing about it can change any more
    for call in (
        lambda: review.comment(db, sam, item, "late note"),
        lambda: review.take(db, sam, item),
        lambda: review.sign(db, sam, item),
        lambda: review.close(db, sam, item, "reason"),
    ):
        with pytest.raises(InputError, match="cannot change"):
            call()
    with pytest.raises(Exception, match="write-once"):
        with db.engine.begin() as conn:
            conn.execute(update(SignOff).values(comment="edited"))
    acts = [a for (a,) in db.session().execute(select(AuditEvent.action))]
    assert {"review_state", "review_comment", "review_signed"} <= set(acts)
    assert audit.verify_chain(db).ok


def test_close_needs_a_reason(queue):
    db, sam = queue["db"], queue["sam"]
    with pytest.raises(InputError, match="needs a reason"):
        review.close(db, sam, queue["fid"], "  ")
    assert review.close(db, sam, queue["fid"], "Script step not run by agreement.").done
    assert review.show(db, sam, queue["fid"]).item.state == "closed"


def test_risk_to_life_needs_a_second_person(queue):
    db, sam, owner, ada = queue["db"], queue["sam"], queue["owner"], queue["ada"]
    d = review.sign(db, sam, queue["risk"], "Safety plan in place.")
    assert not d.done and d.approval_id
    assert review.show(db, sam, queue["risk"]).item.state != "signed_off"
    with pytest.raises(InputError, match="second person"):
        review.approve(db, sam, d.approval_id)  # not the one who asked
    with pytest.raises(AccessDenied):
        review.approve(db, ada, d.approval_id)  # an administrator only is no supervisor
    done = review.approve(db, owner, d.approval_id)
    assert done.done and done.state == "signed_off"
    so = review.show(db, sam, queue["risk"]).signoff
    assert so["by"] == "sam" and so["approved_by"] == "owner"
    with pytest.raises(InputError, match="already decided"):
        review.approve(db, owner, d.approval_id)


def test_changed_material_after_sign_off_opens_a_new_item(queue):
    db, sam = queue["db"], queue["sam"]
    review.sign(db, sam, queue["inc"], "ok")
    with db.unit() as s:
        s.get(Incident, queue["incident_id"]).follow_up = "done"
    res = review.refresh(db, queue["today"])
    assert res.superseding == 1
    new = [i for i in _items(db) if i.supersedes_id == queue["inc"]]
    assert len(new) == 1 and new[0].state == "new" and new[0].facts["follow_up"] == "done"
    assert review.show(db, sam, queue["inc"]).item.state == "signed_off"
    assert review.verify_signoff(db, queue["inc"])


def test_an_unsigned_item_follows_its_material(queue):
    db = queue["db"]
    with db.unit() as s:
        s.get(Incident, queue["incident_id"]).follow_up = "done"
    res = review.refresh(db, queue["today"])
    assert res.updated == 1 and res.added == 0


def test_tampered_facts_are_refused_at_sign_off(queue):
    db, sam = queue["db"], queue["sam"]
    with db.engine.begin() as conn:
        conn.execute(
            update(ReviewItem)
            .where(ReviewItem.id == queue["fid"])
            .values(facts={"overrun_minutes": 1})
        )
    with pytest.raises(InputError, match="changed"):
        review.sign(db, sam, queue["fid"])


def test_month_sign_off_only_when_all_items_are_closed(queue):
    db, sam = queue["db"], queue["sam"]
    month = review.show(db, sam, queue["fid"]).item.month
    with pytest.raises(InputError, match="still open"):
        review.sign_month(db, sam, queue["gid"], month)
    for i in review.list_items(db, sam, review.Filters(group_id=queue["gid"], state="open")):
        if i.month != month:
            continue
        d = review.close(db, sam, i.id, "Reviewed in supervision.")
        if not d.done:
            review.approve(db, queue["owner"], d.approval_id)
    h = review.sign_month(db, sam, queue["gid"], month, "Month reviewed.")
    assert len(h) == 64
    with pytest.raises(InputError, match="already"):
        review.sign_month(db, sam, queue["gid"], month)


def test_filters_and_counts(queue):
    db, sam, fay = queue["db"], queue["sam"], queue["fay"]
    c = review.counts(db, sam)
    assert c["incident_follow_up"] == 2 and c["safety_opened"] == 2 and c["fidelity"] == 1
    assert c["attendance_drop"] == 0
    assert len(review.list_items(db, sam, review.Filters(kind="fidelity"))) == 1
    assert len(review.list_items(db, sam, review.Filters(facilitator="fay"))) == 5
    assert review.list_items(db, sam, review.Filters(facilitator="sam")) == []
    assert len(review.list_items(db, fay)) == 5  # her own group
    assert review.list_items(db, queue["owner"], review.Filters(month_from="2031-01")) == []
    first = review.list_items(db, sam)[0]
    assert first.risk_to_life  # risks first
    with pytest.raises(InputError, match="not a month"):
        review.list_items(db, sam, review.Filters(month_from="May"))
    with pytest.raises(InputError, match="Unknown state"):
        review.list_items(db, sam, review.Filters(state="done"))


def test_a_facilitator_sees_only_their_own_groups(queue, store):
    from facilitator.app import users

    db, sam, owner = queue["db"], queue["sam"], queue["owner"]
    users.add_user(store, owner, "fred", ["facilitator"], "fred passphrase 123")
    fred = users.sign_in(store, "fred", "fred passphrase 123")
    assert review.list_items(db, fred) == []
    with pytest.raises(AccessDenied, match="do not run"):
        review.show(db, fred, queue["inc"])
    with pytest.raises(AccessDenied, match="do not run"):
        review.comment(db, fred, queue["inc"], "hello")


def test_cli_review_flow(store, people, tmp_path, capsys):
    from facilitator.cli.main import main

    from .conftest import SUP_PASS

    db = store.db
    gid, ids, last = steady_group(db)
    add_incident(db, gid, ids[-1], severity=2, day=last)
    path = store.path
    store.close()
    pw = tmp_path / "sam"
    pw.write_text(SUP_PASS + "\n")
    base = ["--db", str(path), "--user", "sam", "--passphrase-file", str(pw)]
    assert main(["review", "list", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id\ttype") and len(lines) == 4  # + quiet since October
    # the facilitator column: the group's owner (the install's owner when none is recorded)
    assert [x.split("\t")[4] for x in lines[1:]] == ["owner"] * 3
    assert main(["review", "list", "--facilitator", "owner", *base]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    inc = next(x.split("\t")[0] for x in lines if "incident_follow_up" in x)
    assert main(["review", "list", "--counts", *base]) == 0
    assert "incident_follow_up\t1" in capsys.readouterr().out
    assert (
        main(["review", "comment", inc, "--text", "Who followed up?", "--needs-info", *base]) == 0
    )
    assert "needs_info" in capsys.readouterr().out
    assert main(["review", "close", inc, "--reason", " ", *base]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["review", "sign", inc, "--comment", "fine", *base]) == 0
    assert main(["review", "show", inc, *base]) == 0
    out = capsys.readouterr().out
    assert "signed_off by sam" in out and "signature: " in out
    assert "severity: Medium (level 2)" in out  # the protocol's word, not a bare number
    assert "\nfacilitator: owner\n" in out
    assert "never see" not in out  # incident text stays with the facilitator
    assert main(["review", "sign", inc, *base]) == 1
    assert "cannot change" in capsys.readouterr().err
    assert main(["review", "show", "zzzzzzzz", *base]) == 1
    assert main(["review", "list", "--state", "bogus", *base]) == 1
