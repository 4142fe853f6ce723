"""Report bundles: round trips, idempotence, conflicts, tombstones, free text, receipts."""

from __future__ import annotations

import gzip
import json
import zipfile

import pyrage
import pytest
from pyrage import x25519
from sqlalchemy import func, select

from facilitator.app import bundle_keys as keys
from facilitator.app import bundles
from facilitator.errors import InputError
from facilitator.store.models import (
    Attendance,
    FollowUp,
    Incident,
    MeasureResponse,
    Note,
    Participant,
    Session,
)
from facilitator.store.models_bundles import BundleConflict, DeviceKey
from facilitator.tracking.participants import erase_participant

from .conftest import PASS, data_tables, dump, pair


def _payload(sup, path) -> dict:
    """Decrypt a bundle the way a supervisor's install does, for inspection."""
    with zipfile.ZipFile(path) as z:
        cipher = z.read("bundle.age")
    with sup.db.unit() as s:
        ident = s.scalars(select(DeviceKey.age_identity).where(DeviceKey.kind == "own")).first()
    return json.loads(gzip.decompress(pyrage.decrypt(cipher, [x25519.Identity.from_str(ident)])))


def _count(db, model, *where) -> int:
    with db.unit() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _real_counts(db) -> dict[str, int]:
    with db.unit() as s:
        real = select(Session.id).where(Session.is_practice.is_(False))
        return {
            "session": s.scalar(
                select(func.count()).select_from(Session).where(Session.is_practice.is_(False))
            ),
            "attendance": s.scalar(
                select(func.count()).select_from(Attendance).where(Attendance.session_id.in_(real))
            ),
            "response": s.scalar(
                select(func.count())
                .select_from(MeasureResponse)
                .where(MeasureResponse.session_id.in_(real))
            ),
            "participant": s.scalar(select(func.count()).select_from(Participant)),
        }


def test_round_trip_two_stores_is_de_identified(make_install, tmp_path):
    fac = make_install("fac", demo_groups=2, weeks=6)
    sup = make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        p = s.scalars(select(Participant)).first()
        p.alias = "Samira Haddad"
        p.age_band, p.gender = "25_34", "woman"
        practice = s.scalars(select(Session.id).where(Session.is_practice.is_(True))).all()
    assert practice, "the demo must hold practice sessions for this test to mean anything"
    out = tmp_path / "b.fbundle"
    res = bundles.export_bundle(fac.db, [sup.pk], out)
    raw = out.read_bytes()
    assert b"Samira" not in raw
    payload = _payload(sup, out)
    text = json.dumps(payload, ensure_ascii=False)
    assert "Samira" not in text and "alias" not in text
    assert "age_band" not in text and "25_34" not in text and "gender" not in text
    assert not set(practice) & {r["id"] for r in payload["records"]}
    assert payload["counter"] == res.counter == 1

    r = bundles.import_bundle(sup.db, out)
    want = _real_counts(fac.db)
    assert _real_counts(sup.db) == want
    assert r.added["session"] == want["session"] and r.added["attendance"] == want["attendance"]
    with sup.db.unit() as s:
        assert (
            s.scalars(select(Participant.alias).where(Participant.alias.is_not(None))).all() == []
        )
        assert (
            s.scalar(select(func.count()).select_from(Session).where(Session.is_practice.is_(True)))
            == 0
        )


def test_reimport_is_idempotent_and_dry_run_writes_nothing(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=5)
    sup = make_install("sup")
    pair(fac, sup)
    b1, b2 = tmp_path / "1.fbundle", tmp_path / "2.fbundle"
    bundles.export_bundle(fac.db, [sup.pk], b1)
    bundles.export_bundle(fac.db, [sup.pk], b2)
    before = dump(sup.db)
    dry = bundles.import_bundle(sup.db, b1, dry_run=True)
    assert dry.dry_run and dry.added["session"] > 0
    assert dump(sup.db) == before
    bundles.import_bundle(sup.db, b1)
    after_first = data_tables(sup.db)
    again = bundles.import_bundle(sup.db, b2)
    assert sum(again.added.values()) == 0 and sum(again.changed.values()) == 0
    assert again.unchanged == sum(dry.added.values())
    assert not again.conflicts and not again.refused
    assert data_tables(sup.db) == after_first


def test_three_stores_and_forwarding(make_install, tmp_path):
    f1 = make_install("f1", demo_groups=1, weeks=4, seed=1, salt=0)
    f2 = make_install("f2", demo_groups=1, weeks=4, seed=2, salt=7)
    sup = make_install("sup")
    org = make_install("org")
    pair(f1, sup)
    pair(f2, sup)
    pair(sup, org)
    bundles.export_bundle(f1.db, [sup.pk], tmp_path / "f1.fbundle")
    bundles.export_bundle(f2.db, [sup.pk], tmp_path / "f2.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "f2.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "f1.fbundle")
    c1, c2, cs = _real_counts(f1.db), _real_counts(f2.db), _real_counts(sup.db)
    assert cs == {k: c1[k] + c2[k] for k in c1}
    # the supervisor forwards both to an organisation-wide store; origins are kept
    bundles.export_bundle(sup.db, [org.pk], tmp_path / "fw.fbundle")
    r = bundles.import_bundle(org.db, tmp_path / "fw.fbundle")
    assert not r.refused and not r.conflicts
    assert _real_counts(org.db) == cs
    assert data_tables(org.db) == data_tables(sup.db)


def test_update_from_origin_flows_but_local_change_makes_a_conflict(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=4)
    sup = make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        g = s.scalars(select(Session)).first()
        inc = Incident(
            group_id=g.group_id,
            session_id=None,
            type="distress",
            severity=2,
            follow_up=FollowUp.open,
        )
        s.add(inc)
        s.flush()
        inc_id = inc.id
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    # the facilitator closes the follow-up: a newer revision from its origin is an update
    with fac.db.unit() as s:
        s.get(Incident, inc_id).follow_up = FollowUp.done
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "2.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    assert r.changed["incident"] == 1 and not r.conflicts
    with sup.db.unit() as s:
        assert s.get(Incident, inc_id).follow_up == FollowUp.done
    # both sides change it: never last-writer-wins, a conflict with both versions
    with sup.db.unit() as s:
        s.get(Incident, inc_id).severity = 3
    with fac.db.unit() as s:
        s.get(Incident, inc_id).follow_up = FollowUp.open
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "3.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "3.fbundle")
    assert [c["id"] for c in r.conflicts] == [inc_id]
    with sup.db.unit() as s:
        kept = s.get(Incident, inc_id)
        assert (kept.severity, kept.follow_up) == (3, FollowUp.done)
    [c] = bundles.list_conflicts(sup.db)
    assert c.record_id == inc_id and c.entity == "incident"
    assert c.local["severity"] == 3 and c.local["follow_up"] == "done"
    assert c.incoming["data"]["follow_up"] == "open" and c.incoming["data"]["severity"] == 2
    # importing the same conflicting content again does not duplicate the item
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "4.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "4.fbundle")
    assert _count(sup.db, BundleConflict) == 1
    # the review queue is the one path that resolves it
    from facilitator.app import review, users

    review.refresh(sup.db)
    owner = users.sign_in(sup.store, None, PASS)
    review.sign(
        sup.db, owner, review.conflict_items(sup.db)[c.id], "Please confirm", take="incoming"
    )
    with sup.db.unit() as s:
        assert s.get(Incident, inc_id).follow_up == FollowUp.open
    assert bundles.list_conflicts(sup.db) == []


def test_same_id_from_another_device_is_a_conflict(make_install, tmp_path):
    f1 = make_install("f1", demo_groups=1, weeks=3, seed=1)
    f2 = make_install("f2", demo_groups=1, weeks=3, seed=1)  # same seed: same ids
    sup = make_install("sup")
    pair(f1, sup)
    pair(f2, sup)
    with f2.db.unit() as s:
        s.scalars(select(Session).where(Session.is_practice.is_(False))).first().headcount = 99
    bundles.export_bundle(f1.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.export_bundle(f2.db, [sup.pk], tmp_path / "2.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    before = data_tables(sup.db)
    r = bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    assert len(r.conflicts) == 1 and r.conflicts[0]["reason"] == "another device holds this id"
    assert data_tables(sup.db) == before


def test_erasure_travels_as_a_tombstone_and_never_comes_back(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=4)
    sup = make_install("sup")
    pair(fac, sup)
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    with fac.db.unit() as s:
        pid = s.scalars(select(Attendance.participant_id)).first()
        snapshot = {
            c.key: getattr(s.get(Participant, pid), c.key) for c in Participant.__table__.columns
        }
        erase_participant(s, pid)
    assert _count(sup.db, Attendance, Attendance.participant_id == pid) > 0
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "2.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    assert r.erased > 1
    assert _count(sup.db, Participant, Participant.id == pid) == 0
    assert _count(sup.db, Attendance, Attendance.participant_id == pid) == 0
    assert _count(sup.db, MeasureResponse, MeasureResponse.participant_id == pid) == 0
    # the same id sent again (a restored backup on the laptop): refused, not revived
    with fac.db.unit() as s:
        s.add(Participant(**snapshot))
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "3.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "3.fbundle")
    assert any(x["id"] == pid and "erased" in x["reason"] for x in r.refused)
    assert _count(sup.db, Participant, Participant.id == pid) == 0


def test_free_text_only_when_ticked_and_clean(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=3)
    sup = make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        p = s.scalars(select(Participant)).first()
        p.alias = "Layla"
        gid = p.group_id
        clean = Note(group_id=gid, body="The group agreed to meet earlier next week.")
        risky = Note(group_id=gid, body="Layla asked to be called on 0791 234 567.")
        inc = Incident(
            group_id=gid,
            type="distress",
            severity=1,
            description="Someone left upset; checked in after.",
            actions_taken=["pause_group", "walked outside with them"],
        )
        s.add_all([clean, risky, inc])
        s.flush()
        clean_id, risky_id, inc_id = clean.id, risky.id, inc.id
    plan = bundles.plan_export(fac.db, [sup.pk])
    by_id = {t.record_id: t for t in plan.texts}
    assert by_id[risky_id].findings == ["alias", "phone"] and not by_id[clean_id].findings
    assert plan.counts.get("note", 0) == 0
    inc_rec = next(r for r in plan.records if r["id"] == inc_id)
    assert inc_rec["d"]["description"] == "" and inc_rec["d"]["actions"] == ["pause_group"]
    with pytest.raises(InputError, match="looks identifying"):
        bundles.plan_export(fac.db, [sup.pk], share_texts=[risky_id])
    out = tmp_path / "t.fbundle"
    bundles.export_bundle(fac.db, [sup.pk], out, share_texts=[clean_id, inc_id])
    bundles.import_bundle(sup.db, out)
    with sup.db.unit() as s:
        assert s.get(Note, clean_id).body.startswith("The group agreed")
        assert s.get(Note, risky_id) is None
        got = s.get(Incident, inc_id)
        assert got.description.startswith("Someone left") and len(got.actions_taken) == 2


def test_receipts_come_back_and_are_acknowledged(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=3)
    sup = make_install("sup")
    pair(fac, sup)
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    assert len(bundles.unacknowledged_sent(fac.db)) == 1
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    (tmp_path / "junk.fbundle").write_bytes(b"not a bundle")
    with pytest.raises(bundles.BundleRefused):
        bundles.import_bundle(sup.db, tmp_path / "junk.fbundle")
    [row] = bundles.status_board(sup.db)
    assert row.bundles == 1 and row.receipts_due == 1 and row.label == "fac"
    res = bundles.write_receipt(sup.db, fac.pk.key_id, tmp_path / "r.fbundle")
    assert res is not None
    assert bundles.write_receipt(sup.db, fac.pk.key_id, tmp_path / "r2.fbundle") is None
    assert bundles.status_board(sup.db)[0].receipts_due == 0
    r = bundles.import_bundle(fac.db, tmp_path / "r.fbundle")
    assert r.kind == "receipt"
    assert bundles.unacknowledged_sent(fac.db) == []
    [view] = bundles.receipts(fac.db, unacknowledged_only=True)
    assert view.arrived == 1 and view.from_label == "sup"
    bundles.acknowledge(fac.db, view.receipt_id[:8])
    assert bundles.receipts(fac.db, unacknowledged_only=True) == []


def test_rotation_keeps_the_device_and_counter(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=2)
    sup = make_install("sup")
    pair(fac, sup)
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "1.fbundle")
    new = keys.rotate(fac.db)
    assert new.key_id != fac.pk.key_id
    bundles.export_bundle(fac.db, [sup.pk], tmp_path / "2.fbundle")
    # the supervisor has not trusted the new key yet: refused
    with pytest.raises(bundles.BundleRefused, match="not trusted"):
        bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    pk2 = keys.export_public(fac.db, tmp_path / "fac2.pub")
    keys.trust(sup.db, pk2, pk2.fingerprint)
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    r = bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    assert r.counter == 2 and r.unchanged > 0
    statuses = {k.key_id: k.status for k in keys.list_keys(sup.db)}
    assert statuses[fac.pk.key_id] == "rotated" and statuses[pk2.key_id] == "active"


def test_trust_needs_the_right_fingerprint(make_install):
    a, b = make_install("a"), make_install("b")
    with pytest.raises(InputError, match="does not match"):
        keys.trust(a.db, b.pk, "AAAA-BBBB-CCCC-DDDD-EEEE")
    assert all(k.kind == "own" for k in keys.list_keys(a.db))
    info = keys.trust(a.db, b.pk, b.pk.fingerprint.lower().replace("-", " "))
    assert info.kind == "peer" and info.fingerprint == b.pk.fingerprint
    assert keys.fingerprint_of_file(b.pub) == b.pk.fingerprint


def test_export_refuses_untrusted_recipients(make_install, tmp_path):
    fac, sup = make_install("fac", demo_groups=1, weeks=2), make_install("sup")
    with pytest.raises(InputError, match="not trusted"):
        bundles.export_bundle(fac.db, [sup.pk], tmp_path / "x.fbundle")
    assert not (tmp_path / "x.fbundle").exists()


def test_month_scope(make_install, tmp_path):
    fac, sup = make_install("fac", demo_groups=1, weeks=10), make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        months = sorted(
            {
                (x.started_at or x.planned_start).strftime("%Y-%m")
                for x in s.scalars(select(Session).where(Session.is_practice.is_(False)))
            }
        )
    assert len(months) >= 2
    plan = bundles.plan_export(fac.db, [sup.pk], month_from=months[-1], month_to=months[-1])
    full = bundles.plan_export(fac.db, [sup.pk])
    assert 0 < plan.counts["session"] < full.counts["session"]
    with pytest.raises(InputError):
        bundles.plan_export(fac.db, [sup.pk], month_from="2026-13")
