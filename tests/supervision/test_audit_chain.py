"""The audit log's hash chain: intact on a normal store, and broken, at the right
entry, by every kind of tampering done through SQLAlchemy on the encrypted store."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text, update

from facilitator.cli.main import main
from facilitator.errors import WrongKeyError
from facilitator.store import audit, service
from facilitator.store.db import Database
from facilitator.store.models import AuditEvent

from .conftest import PASS


def _fill(st, n=6):
    for i in range(n):
        audit.record(st.db, "export", detail={"file": f"r{i}.pdf"})


def _tamper(path, key, *sql, drop_triggers=True):
    """Change the encrypted store the way someone holding its key could."""
    db = Database(path, key)
    try:
        with db.engine.begin() as conn:
            if drop_triggers:
                conn.execute(text("DROP TRIGGER audit_event_no_update"))
                conn.execute(text("DROP TRIGGER audit_event_no_delete"))
            for stmt in sql:
                conn.execute(stmt)
    finally:
        db.close()


def _seq_ids(db):
    with db.session() as s:
        return dict(s.execute(select(AuditEvent.seq, AuditEvent.id)).all())


def test_a_fresh_store_chain_verifies_and_grows_by_one_per_action(store):
    _fill(store)
    rep = audit.verify_chain(store.db)
    assert rep.ok and rep.entries == 7  # store_created + 6 exports
    with store.db.session() as s:
        rows = s.execute(
            select(AuditEvent.seq, AuditEvent.prev_hash, AuditEvent.hash).order_by(AuditEvent.seq)
        ).all()
    assert [r.seq for r in rows] == list(range(1, 8))
    assert rows[0].prev_hash == audit.GENESIS
    assert all(rows[i].prev_hash == rows[i - 1].hash for i in range(1, 7))
    assert audit.read_head(store.path) == (7, rows[-1].hash)


def test_code_cannot_change_or_delete_an_entry(store):
    with pytest.raises(audit.AuditAppendOnlyError):
        with store.db.unit() as s:
            s.scalars(select(AuditEvent)).first().action = "nothing"
    with pytest.raises(audit.AuditAppendOnlyError):
        with store.db.unit() as s:
            s.delete(s.scalars(select(AuditEvent)).first())
    with pytest.raises(Exception, match="write-once"):  # and the database refuses too
        with store.db.engine.begin() as conn:
            conn.execute(update(AuditEvent).values(action="x"))
    assert audit.verify_chain(store.db).ok


@pytest.mark.parametrize("how", ["edit", "delete", "reorder", "insert", "truncate"])
def test_tampering_is_found_at_the_first_broken_entry(store, how, capsys):
    _fill(store)
    path, key = store.path, store.key
    ids = _seq_ids(store.db)
    store.close()
    t = AuditEvent.__table__
    if how == "edit":
        _tamper(path, key, update(t).where(t.c.seq == 4).values(detail={"file": "other.pdf"}))
        broken = 4
    elif how == "delete":
        _tamper(path, key, t.delete().where(t.c.seq == 3))
        broken = 3
    elif how == "reorder":  # swap entries 3 and 5 (their seq numbers)
        _tamper(
            path,
            key,
            update(t).where(t.c.seq == 3).values(seq=-3),
            update(t).where(t.c.seq == 5).values(seq=3),
            update(t).where(t.c.seq == -3).values(seq=5),
        )
        broken = 3
    elif how == "insert":  # a forged entry in the middle, chained to its predecessor
        with Database(path, key).session() as s:
            prev = s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == 2))
        when = datetime(2026, 1, 1, 12, 0)
        body = audit.canonical(3, "f" * 32, audit.at_text(when), None, "export", None, None, "{}")
        _tamper(
            path,
            key,
            *[update(t).where(t.c.seq == n).values(seq=n + 1) for n in range(7, 2, -1)],
            t.insert().values(
                id="f" * 32,
                seq=3,
                prev_hash=prev,
                action="export",
                detail={},
                hash=audit.entry_hash(prev, body),
                at=when,
            ),
        )
        broken = 4  # the forged entry fits; the next one no longer follows it
    else:  # cut the two newest entries off the end: only the head file notices
        _tamper(path, key, t.delete().where(t.c.seq >= 6))
        broken = 6
    db = Database(path, key)
    try:
        rep = audit.verify_chain(db)
    finally:
        db.close()
    assert not rep.ok and rep.first_broken_seq == broken, rep
    # the CLI says so with exit 1 and names the entry; the unlock notices as well
    assert main(["audit", "verify", "--db", str(path), "--passphrase-file", str(_pw(path))]) == 1
    err = capsys.readouterr().err
    assert f"entry {broken}" in err and "tampered" in err and err.count("\n") == 1
    with service.open_store(path, passphrase=PASS) as st:
        assert st.audit_report is not None and not st.audit_report.ok
    # appending more (this unlock, the next) never makes a broken log look intact again
    assert main(["audit", "verify", "--db", str(path), "--passphrase-file", str(_pw(path))]) == 1
    if how == "edit" and ids:
        assert rep.first_broken_id == ids[4]


def _pw(path):
    f = path.with_name("pw.txt")
    f.write_text(PASS + "\n")
    return f


def test_cli_verify_ok_and_show_and_export(store, tmp_path, capsys):
    _fill(store, 3)
    path = store.path
    store.close()
    pw = _pw(path)
    assert main(["audit", "verify", "--db", str(path), "--passphrase-file", str(pw)]) == 0
    assert "intact" in capsys.readouterr().out
    assert (
        main(
            ["audit", "show", "--db", str(path), "--passphrase-file", str(pw), "--action", "export"]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("seq\t") and len(out) == 4 and "file=r2.pdf" in out[1]
    csv_out, pdf_out = tmp_path / "a.csv", tmp_path / "a.pdf"
    assert (
        main(
            [
                "audit",
                "export",
                "--db",
                str(path),
                "--passphrase-file",
                str(pw),
                "--out",
                str(csv_out),
            ]
        )
        == 0
    )
    lines = csv_out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("No.,Time (UTC),User,Action") and any("r1.pdf" in x for x in lines)
    assert (
        main(
            [
                "audit",
                "export",
                "--db",
                str(path),
                "--passphrase-file",
                str(pw),
                "--out",
                str(pdf_out),
                "--lang",
                "ar",
            ]
        )
        == 0
    )
    assert pdf_out.read_bytes().startswith(b"%PDF")
    assert (
        main(
            [
                "audit",
                "export",
                "--db",
                str(path),
                "--passphrase-file",
                str(pw),
                "--out",
                str(tmp_path / "a.txt"),
            ]
        )
        == 1
    )
    assert "name it .csv or .pdf" in capsys.readouterr().err
    with service.open_store(path, passphrase=PASS) as st:
        with st.db.session() as s:
            acts = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert acts.count("audit_exported") == 2 and audit.verify_chain(st.db).ok


def test_failed_unlocks_are_counted_and_enter_the_chain_on_the_next_unlock(store):
    path = store.path
    store.close()
    for _ in range(2):
        with pytest.raises(WrongKeyError):
            service.open_store(path, passphrase="not the passphrase at all")
    assert audit.failures_path(path).exists()
    with service.open_store(path, passphrase=PASS) as st:
        with st.db.session() as s:
            acts = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
        assert acts[-3:] == ["unlock_failed", "unlock_failed", "unlock"]
        assert st.audit_report.ok
    assert not audit.failures_path(path).exists()


def test_no_participant_data_in_audit_entries_of_an_erasure(store):
    from facilitator.store.models import Group
    from facilitator.tracking import participants

    with store.db.unit() as s:
        g = Group(name="G", program_type="peer")
        s.add(g)
        s.flush()
        gid = g.id
    with store.db.unit() as s:
        p = participants.add_participant(s, gid, alias="Rania Secret")
        code, pid = p.code, p.id
    with store.db.unit() as s:
        participants.erase_participant(s, pid)
    with store.db.session() as s:
        details = [str(d) for d in s.scalars(select(AuditEvent.detail))]
    assert not any("Rania" in d or code in d for d in details)
    assert audit.verify_chain(store.db).ok


def test_migration_chains_entries_written_before_the_chain_existed(store):
    from facilitator.store import migrate

    migrate.downgrade(store.db.engine, "0001")
    with store.db.engine.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_event (id, at, action, detail) VALUES "
                    "(:i, :at, 'export', :d)"
                ),
                {
                    "i": f"{i:032x}",
                    "at": f"2026-01-0{i + 1} 10:00:00.000000",
                    "d": '{"file": "old.pdf"}',
                },
            )
    migrate.upgrade(store.db.engine)
    rep = audit.verify_chain(store.db, check_head=False)
    assert rep.ok and rep.entries >= 4
    audit.record(store.db, "export")
    assert audit.verify_chain(store.db).ok
