"""Store safety and the audit chain together (issues 10 and 14): a restore of an older
backup, a backup copy and a rekey never make the chain look broken, keep the
``.audit-head`` anchor consistent and keep counted failed unlocks; the output-path rule
protects both audit anchors."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from facilitator.errors import StoreError
from facilitator.store import audit, backup, service
from facilitator.store.models import AuditEvent, Group
from facilitator.store.outpath import OutputPathError, check_output_path

from .conftest import PASS


def _add(st, name: str) -> None:
    with st.db.unit() as s:
        s.add(Group(name=name, program_type="mutual_support"))


def _actions(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _wrong_unlock(path) -> None:
    with pytest.raises(StoreError):
        service.open_store(path, passphrase="not the passphrase at all", use_keyring=False)


def test_restoring_an_older_backup_keeps_a_whole_chain(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    st = service.create_store(path, passphrase=PASS)
    _add(st, "before")
    out = service.backup_store(st, tmp_path / "out" / "copy.bak")
    # the copy carries its own anchor, equal to the copy's newest entry
    copy_head = audit.read_head(out)
    assert copy_head is not None
    for i in range(5):  # the live chain grows past the backup
        _add(st, f"after {i}")
        audit.record(st.db, "export", detail={"n": i})
    live_head = audit.read_head(path)
    assert live_head[0] > copy_head[0] + 4
    st.close()
    _wrong_unlock(path)  # counted beside the store, not yet in the chain
    assert audit.failures_path(path).exists()

    result = backup.restore(out, path, passphrase=PASS, use_keyring=False)
    # the replaced store is kept with its own anchor
    assert audit.read_head(result.replaced) == live_head
    # the anchor now ends at the restore entry, which names the replaced chain's end
    new_head = audit.read_head(path)
    assert new_head[0] == copy_head[0] + 1
    with service.open_store(path, passphrase=PASS, use_keyring=False) as st2:
        assert st2.audit_report is not None and st2.audit_report.ok, st2.audit_report
        assert audit.verify_chain(st2.db).ok
        acts = _actions(st2.db)
        assert acts[copy_head[0]] == "restore"  # right after the backup's last entry
        assert "unlock_failed" in acts[copy_head[0] :]  # the failed unlock is not lost
        with st2.db.session() as s:
            ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "restore")).one()
            assert ev.detail["replaced_head"] == list(live_head)
    assert not audit.failures_path(path).exists()


def test_a_backup_copy_verifies_on_its_own_and_shows_a_cut_tail(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    st = service.create_store(path, passphrase=PASS)
    _add(st, "g")
    out = service.backup_store(st, tmp_path / "copy.bak")
    st.close()
    # opened directly, the copy's chain checks against the copy's own anchor
    with service.open_store(out, passphrase=PASS, use_keyring=False) as cp:
        assert cp.audit_report.ok
    # an anchor further on than the copy's chain (entries cut off the end) is caught
    seq, h = audit.read_head(out)
    audit._write_head_file(out, seq + 3, h)
    with service.open_store(out, passphrase=PASS, use_keyring=False) as cp:
        assert not cp.audit_report.ok and "end of the log" in cp.audit_report.problem


def test_rekey_keeps_the_chain_and_counts_failures(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    st = service.create_store(path, passphrase=PASS)
    _add(st, "g")
    service.rekey(st, passphrase=PASS)
    assert audit.verify_chain(st.db).ok
    head = audit.read_head(path)
    assert head == audit.chain_head(st.db)
    st.close()
    _wrong_unlock(path)
    with service.open_store(path, passphrase=PASS, use_keyring=False) as st2:
        assert st2.audit_report.ok
        acts = _actions(st2.db)
        assert "rekey" in acts and acts[-2:] == ["unlock_failed", "unlock"]


@pytest.mark.parametrize("suffix", [".audit-head", ".unlock-failures"])
def test_output_rule_refuses_the_audit_anchors(tmp_path, no_keyring, suffix):
    path = tmp_path / "s.db"
    st = service.create_store(path, passphrase=PASS)
    try:
        target = tmp_path / f"s.db{suffix}"
        with pytest.raises(OutputPathError, match="belongs to the store"):
            check_output_path(target, overwrite=True, stores=[path])
        st.close()
        # also for a store this process does not know: recognised by its key file
        from facilitator.store import outpath

        outpath._registered.clear()
        with pytest.raises(OutputPathError, match="belongs to the store"):
            check_output_path(target, overwrite=True)
    finally:
        st.close()


def test_refused_bundles_are_quarantined_inside_the_store_not_a_folder(tmp_path, no_keyring):
    from facilitator.app import bundles

    path = tmp_path / "s.db"
    st = service.create_store(path, passphrase=PASS)
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        junk = tmp_path / "in" / "junk.fbundle"
        junk.parent.mkdir()
        junk.write_bytes(b"not a bundle")
        with pytest.raises(bundles.BundleRefused):
            bundles.import_bundle(st.db, junk)
        assert [q["file"] for q in bundles.quarantine_list(st.db)] == ["junk.fbundle"]
        after = sorted(p.name for p in tmp_path.iterdir())
        assert set(after) - set(before) <= {"in"}  # no quarantine folder beside the store
    finally:
        st.close()
