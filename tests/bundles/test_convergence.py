"""Property: however several facilitators' bundles interleave on the way, the
supervisor's store ends in the same state (no last-writer-wins, no lost erasure)."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.app import bundles
from facilitator.store.models import Attendance, FollowUp, Incident, Session
from facilitator.store.service import open_store
from facilitator.tracking.attendance import unmark_attendance
from facilitator.tracking.participants import erase_participant

from .conftest import PASS, data_tables, dump, pair


def _edit(fac, step: int) -> None:
    """A realistic change between two exports: an incident's follow-up moves, an
    attendance is un-marked, a participant is erased."""
    with fac.db.unit() as s:
        if step == 0:
            x = s.scalars(
                select(Session).where(Session.is_practice.is_(False)).order_by(Session.id)
            ).first()
            s.add(
                Incident(
                    group_id=x.group_id,
                    session_id=x.id,
                    type="distress",
                    severity=2,
                    follow_up=FollowUp.open,
                )
            )
        elif step == 1:
            inc = s.scalars(select(Incident).order_by(Incident.id)).first()
            inc.follow_up = FollowUp.done
            a = s.scalars(select(Attendance).order_by(Attendance.id)).first()
            unmark_attendance(s, a.session_id, a.participant_id)
        else:
            pid = s.scalars(select(Attendance.participant_id).order_by(Attendance.id)).first()
            erase_participant(s, pid)


def test_random_interleavings_converge(make_install, tmp_path):
    sup = make_install("sup")
    facs = [
        make_install(f"f{i}", demo_groups=1, weeks=3, seed=i + 1, salt=10 * i) for i in range(3)
    ]
    files: list[list] = []
    for i, fac in enumerate(facs):
        pair(fac, sup)
        mine = []
        for step in range(3 - (i == 2)):  # the third facilitator sends only two bundles
            out = tmp_path / f"f{i}-{step}.fbundle"
            bundles.export_bundle(fac.db, [sup.pk], out)
            mine.append(out)
            _edit(fac, step)
        files.append(mine)
    template = sup.path
    sup.close()

    def import_all(order: list, name: str) -> tuple[dict, dict]:
        folder = tmp_path / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        for f in template.parent.glob(template.name + "*"):
            shutil.copy2(f, folder / f.name)
        store = open_store(folder / template.name, passphrase=PASS, use_keyring=False)
        try:
            for f in order:
                try:
                    bundles.import_bundle(store.db, f)
                except bundles.BundleRefused as exc:
                    assert "not above the sender's last" in str(exc)  # an older one, late
            return data_tables(store.db), dump(
                store.db, ("bundle_record", "bundle_tombstone", "bundle_conflict")
            )
        finally:
            store.close()

    in_order = [f for mine in files for f in mine]
    want_data, want_meta = import_all(in_order, "ref")
    # the reference holds exactly each facilitator's last snapshot: nothing erased survives
    assert want_meta["bundle_conflict"] == []
    assert len(want_meta["bundle_tombstone"]) > 0

    @settings(
        max_examples=12,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(st.permutations(in_order))
    def check(order):
        got_data, got_meta = import_all(list(order), "run")
        assert got_data == want_data
        assert got_meta["bundle_record"] == want_meta["bundle_record"]
        assert {r[0] for r in got_meta["bundle_tombstone"]} == {
            r[0] for r in want_meta["bundle_tombstone"]
        }
        assert got_meta["bundle_conflict"] == []

    check()
