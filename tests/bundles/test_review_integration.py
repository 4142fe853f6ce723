"""Bundles and the supervision queue working together (issues 14 and 15): a conflict
becomes a review item and its sign-off resolves it; review outcomes travel back in a
receipt; bundle events sit in the audit hash chain."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from facilitator.app import bundles, review, users
from facilitator.errors import InputError
from facilitator.store.models import FollowUp, Incident, Session
from facilitator.store.models_bundles import BundleConflict

from .conftest import PASS, pair


def _conflict(make_install, tmp_path):
    """A facilitator and a supervisor who both changed one incident: one conflict."""
    fac = make_install("fac", demo_groups=1, weeks=3)
    sup = make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        x = s.scalars(select(Session).where(Session.is_practice.is_(False))).first()
        inc = Incident(
            group_id=x.group_id,
            session_id=x.id,
            type="distress",
            severity=1,
            follow_up=FollowUp.open,
            description="private words",
        )
        s.add(inc)
        s.flush()
        inc_id = inc.id
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    with sup.db.unit() as s:
        s.get(Incident, inc_id).severity = 2
    with fac.db.unit() as s:
        s.get(Incident, inc_id).follow_up = FollowUp.done
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "2.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    assert [c["id"] for c in r.conflicts] == [inc_id]
    return fac, sup, inc_id


def _conflict_item(sup):
    review.refresh(sup.db)
    owner = users.sign_in(sup.store, None, PASS)
    items = review.list_items(sup.db, owner, review.Filters(kind="import_conflict"))
    return owner, items


def test_conflict_reaches_the_queue_and_sign_off_takes_the_incoming_version(
    make_install, tmp_path, capsys
):
    fac, sup, inc_id = _conflict(make_install, tmp_path)
    owner, [item] = _conflict_item(sup)
    assert item.state == "new" and item.facts["record"] == inc_id
    versions = {k: (a, b) for k, a, b in item.facts["versions"]}
    assert versions["severity"] == (2, 1) and versions["follow_up"] == ("open", "done")
    assert "private words" not in repr(item.facts)  # free text never shows in the queue
    # the group filter works: the item belongs to the incident's group
    with sup.db.unit() as s:
        gid = s.get(Incident, inc_id).group_id
    assert item.group_id == gid
    # refreshing again adds nothing
    assert review.refresh(sup.db).added == 0
    # the CLI shows both versions side by side
    assert sup.cli("review", "show", item.id[:8]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("severity"))
    assert line.split() == ["severity", "2", "1"]
    assert "this store (local)" in out and "arrived (incoming)" in out
    # signing off needs a choice of version
    with pytest.raises(InputError, match="which one to keep"):
        review.sign(sup.db, owner, item.id, "ok")
    with pytest.raises(InputError, match="takes a version"):
        other = [i for i in review.list_items(sup.db, owner) if i.kind != "import_conflict"]
        review.sign(sup.db, owner, other[0].id, "ok", take="local")
    assert (
        sup.cli(
            "review",
            "sign",
            item.id[:8],
            "--take",
            "incoming",
            "--comment",
            "Follow-up is done, thank you",
        )
        == 0
    )
    with sup.db.unit() as s:
        assert s.get(Incident, inc_id).follow_up == FollowUp.done
        assert s.get(Incident, inc_id).severity == 1
        c = s.scalars(select(BundleConflict)).one()
        assert c.state == "resolved" and c.outcome == "incoming: Follow-up is done, thank you"
    assert bundles.list_conflicts(sup.db) == []
    # the item is final and no new item opens for the resolved conflict
    assert review.show(sup.db, owner, item.id).item.state == "signed_off"
    review.refresh(sup.db)
    assert [
        i.state for i in review.list_items(sup.db, owner, review.Filters(kind="import_conflict"))
    ] == ["signed_off"]


def test_closing_a_conflict_item_keeps_the_local_version(make_install, tmp_path, capsys):
    fac, sup, inc_id = _conflict(make_install, tmp_path)
    owner, [item] = _conflict_item(sup)
    # the bundle command lists the conflict with the item that resolves it
    assert sup.cli("bundle", "conflicts") == 0
    out = capsys.readouterr().out
    assert item.id[:8] in out and "review sign" in out
    review.close(sup.db, owner, item.id, "Ours is right")
    with sup.db.unit() as s:
        assert s.get(Incident, inc_id).severity == 2
        assert s.scalars(select(BundleConflict)).one().outcome == "local: Ours is right"
    # a resolved conflict cannot be resolved again by another path
    with sup.db.unit() as s:
        c = s.scalars(select(BundleConflict)).one()
        with pytest.raises(InputError, match="already resolved"):
            bundles.apply_resolution(s, c, take="incoming")


def test_review_outcomes_travel_back_in_a_receipt(make_install, tmp_path, capsys):
    """facilitator -> supervisor -> receipt -> the facilitator reads the comment."""
    fac, sup, inc_id = _conflict(make_install, tmp_path)
    owner, [conflict_item] = _conflict_item(sup)
    review.sign(sup.db, owner, conflict_item.id, "Kept your version", take="incoming")
    incident_items = [i for i in review.list_items(sup.db, owner) if i.kind == "incident_follow_up"]
    assert incident_items
    ask = incident_items[0]
    review.comment(sup.db, owner, ask.id, "Was the person signposted?", needs_info=True)
    out = tmp_path / "r.fbundle"
    assert bundles.write_receipt(sup.db, fac.pk.key_id, out) is not None
    bundles.import_bundle(fac.db, out)
    [view] = bundles.receipts(fac.db, unacknowledged_only=True)
    by_text = {m["text"]: m for m in view.messages}
    asked = by_text["Was the person signposted?"]
    assert asked["state"] == "needs_info" and asked["kind"] == "incident_follow_up"
    with fac.db.unit() as s:  # the facilitator holds the record the message is about
        assert s.get(Incident, asked["incident_id"]) is not None
    kept = by_text["Kept your version"]
    assert kept["state"] == "signed_off" and kept["about"] == inc_id
    # and on the facilitator's command line
    assert fac.cli("bundle", "receipts") == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        f"  supervisor [needs_info] incident_follow_up incident {asked['about'][:8]}: "
        "Was the person signposted?"
    ) in lines
    # nothing new: no second receipt; a later sign-off makes one with only the news
    assert bundles.write_receipt(sup.db, fac.pk.key_id, tmp_path / "r2.fbundle") is None
    review.comment(sup.db, owner, ask.id, "Signposted to the clinic; thanks")
    review.sign(sup.db, owner, ask.id, "Thanks, all clear")
    assert bundles.write_receipt(sup.db, fac.pk.key_id, tmp_path / "r3.fbundle") is not None
    bundles.import_bundle(fac.db, tmp_path / "r3.fbundle")
    newest = bundles.receipts(fac.db, unacknowledged_only=True)[-1]
    assert [(m["state"], m["text"]) for m in newest.messages] == [
        ("signed_off", "Thanks, all clear")
    ]


def test_messages_only_reach_the_facilitator_whose_records_they_concern(make_install, tmp_path):
    f1 = make_install("f1", demo_groups=1, weeks=3, seed=1, salt=1)
    f2 = make_install("f2", demo_groups=1, weeks=3, seed=2, salt=2)
    sup = make_install("sup")
    pair(f1, sup)
    pair(f2, sup)
    for i, f in enumerate((f1, f2)):
        bundles.export_bundle(f.db, [sup.pk], tmp_path / f"{i}.fbundle")
        bundles.import_bundle(sup.db, tmp_path / f"{i}.fbundle")
    review.refresh(sup.db)
    owner = users.sign_in(sup.store, None, PASS)
    with f1.db.session() as s:
        f1_groups = {g for (g,) in s.execute(select(Session.group_id))}
    items = review.list_items(sup.db, owner)
    mine = next(i for i in items if i.group_id in f1_groups)
    review.comment(sup.db, owner, mine.id, "Question for f1", needs_info=True)
    with sup.db.session() as s:
        assert [m["text"] for m in bundles.review_messages_for(s, f1.pk.device_id)] == [
            "Question for f1"
        ]
        assert bundles.review_messages_for(s, f2.pk.device_id) == []


def test_bundle_import_and_refusal_are_in_the_audit_chain(make_install, tmp_path, capsys):
    fac = make_install("fac", demo_groups=1, weeks=2)
    sup = make_install("sup")
    pair(fac, sup)
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    with pytest.raises(bundles.BundleRefused):  # a replay
        bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    assert sup.cli("audit", "show") == 0
    shown = capsys.readouterr().out
    assert "bundle.import" in shown and "bundle.refused" in shown
    assert sup.cli("audit", "verify") == 0
    assert "The audit log is intact" in capsys.readouterr().out
    # and the chain notices an edited bundle entry
    from sqlalchemy import text

    with sup.db.engine.begin() as c:
        c.execute(text("DROP TRIGGER IF EXISTS audit_event_no_update"))
        c.execute(text("UPDATE audit_event SET detail = '{}' WHERE action = 'bundle.refused'"))
    assert sup.cli("audit", "verify") == 1
