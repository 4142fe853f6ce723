"""The demo generator: same seed, same store; realistic shape; fast enough; CLI."""

import os
import time
from statistics import fmean

import pytest
from sqlalchemy import select, text

from facilitator.cli.main import main
from facilitator.demo import generate_demo
from facilitator.errors import InputError
from facilitator.store.db import Database
from facilitator.store.models import Base, Group, Session, Setting
from facilitator.tracking import analytics as an
from facilitator.tracking.fidelity import fidelity
from facilitator.tracking.loaders import load_dataset

TABLES = (
    "group",
    "participant",
    "session",
    "step_event",
    "attendance",
    "measure_response",
    "rules_agreement",
    "incident",
    "note",
)


def fresh(tmp_path, name):
    db = Database(tmp_path / name, os.urandom(32))
    Base.metadata.create_all(db.engine)
    return db


def dump(db):
    with db.engine.connect() as c:
        return {
            t: sorted(map(tuple, c.execute(text(f'SELECT * FROM "{t}"')).fetchall()), key=repr)
            for t in TABLES
        }


def test_same_seed_same_rows_ids_included(tmp_path):
    a, b, c = fresh(tmp_path, "a.db"), fresh(tmp_path, "b.db"), fresh(tmp_path, "c.db")
    generate_demo(a, groups=3, weeks=6, seed=5)
    generate_demo(b, groups=3, weeks=6, seed=5)
    generate_demo(c, groups=3, weeks=6, seed=6)
    da, db_, dc = dump(a), dump(b), dump(c)
    assert da == db_
    with a.engine.connect() as ca, b.engine.connect() as cb:  # built-in measures: fixed ids
        q = text("SELECT id, key FROM measure_definition ORDER BY key")
        assert ca.execute(q).fetchall() == cb.execute(q).fetchall()
    assert da["participant"] != dc["participant"]
    assert len(da["session"]) > 10
    for d in (a, b, c):
        d.close()


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("year") / "y.db", os.urandom(32))
    Base.metadata.create_all(db.engine)
    started = time.perf_counter()
    summary = generate_demo(db, groups=20, weeks=52, seed=2026, participants_per_group=12)
    took = time.perf_counter() - started
    with db.session() as s:
        ds = load_dataset(s)
        headcount_groups = s.scalar(select(Group.id).where(Group.headcount_only.is_(True)))
        practice = list(s.scalars(select(Session).where(Session.is_practice.is_(True))))
    yield summary, took, ds, headcount_groups, practice
    db.close()


def test_full_year_is_fast_and_sized(year):
    summary, took, *_ = year
    assert took < 45, f"20 groups x 52 weeks took {took:.1f} s"
    assert summary.groups == 20 and 950 <= summary.sessions <= 1060
    assert summary.rows > 35_000


def test_realistic_shape(year):
    summary, _took, ds, headcount_group, practice = year
    assert headcount_group is not None
    assert len(practice) == 20  # one practice run per group...
    assert all(s.is_practice is False for s in ds.sessions)  # ...never loaded as real data
    held = an.held_sessions(ds.sessions)
    per_session = an.attendance_per_session(held, ds.attendance)
    assert 6 <= fmean(per_session.values()) <= 11
    r = an.retention(ds.sessions, ds.attendance)
    assert 0.45 <= r.share <= 0.9, r
    change = an.period_change(an.pairs(ds.responses, "checkin10", [s.id for s in held]))
    assert 0.3 <= change.mean <= 1.5 and change.ci_low > 0
    assert an.passes(ds.responses, "checkin10") > 100
    who5_sessions = {r.session_id for r in ds.responses if r.measure == "who5"}
    assert 0.2 <= len(who5_sessions) / len(held) <= 0.3  # about every fourth session
    kinds = {(i.type, i.follow_up) for i in ds.incidents}
    assert len({k for k, _ in kinds}) >= 4 and len({f for _, f in kinds}) == 3
    f = fidelity(held, ds.steps, ds.scripts)
    assert 0.9 <= f.mandatory_share < 1.0 and 0.9 <= f.rules_share <= 1.0
    nvr = an.new_vs_returning(ds.sessions, ds.attendance)
    late = [nvr[s.id][0] for s in held[len(held) // 2 :]]
    assert sum(late) > 0  # newcomers keep joining
    assert any(a.status == "absent_notice" for a in ds.attendance)


def test_bad_sizes_are_refused(tmp_path):
    db = fresh(tmp_path, "x.db")
    for kwargs in ({"groups": 0}, {"weeks": -1}, {"participants_per_group": 500}, {"groups": 2.5}):
        with pytest.raises(InputError):
            generate_demo(db, **kwargs)
    db.close()


def test_cli_demo_data(tmp_path, capsys):
    store, pw = tmp_path / "s.db", tmp_path / "pw"
    pw.write_text("a long enough passphrase for tests\n")
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(store),
                "--passphrase-file",
                str(pw),
                "--no-keyring",
                "--recovery-out",
                str(tmp_path / "rc"),
            ]
        )
        == 0
    )
    args = [
        "demo-data",
        "--db",
        str(store),
        "--passphrase-file",
        str(pw),
        "--groups",
        "2",
        "--weeks",
        "3",
        "--seed",
        "9",
    ]
    assert main(args) == 0
    assert "Added 2 groups" in capsys.readouterr().out
    assert main(args) == 1  # refuses to mix with existing groups
    assert "already holds 2 group" in capsys.readouterr().err
    assert main(args[:-2] + ["--seed", "x"]) == 1
    assert main(args + ["--append"]) == 0
    from facilitator.store.service import open_store

    with open_store(store, passphrase=pw.read_text().strip()) as opened:
        with opened.db.session() as s:
            assert len(s.scalars(select(Group)).all()) == 4
            assert s.get(Setting, "demo_data").value["seed"] == 9


def test_cli_demo_data_is_deterministic(tmp_path, capfd, monkeypatch):
    """The same command line gives the same rows, ids included, in two stores."""
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")  # not about the KDF
    pw = tmp_path / "pw"
    pw.write_text("a long enough passphrase for tests\n")
    dumps = {}
    for name, seed in (("a", "11"), ("b", "11"), ("c", "12")):
        store = tmp_path / name / "s.db"
        assert (
            main(
                [
                    "db",
                    "init",
                    "--db",
                    str(store),
                    "--passphrase-file",
                    str(pw),
                    "--no-keyring",
                    "--recovery-out",
                    str(tmp_path / f"{name}.rc"),
                ]
            )
            == 0
        )
        assert (
            main(
                [
                    "demo-data",
                    "--db",
                    str(store),
                    "--passphrase-file",
                    str(pw),
                    "--groups",
                    "2",
                    "--weeks",
                    "4",
                    "--seed",
                    seed,
                ]
            )
            == 0
        )
        from facilitator.store.service import open_store

        with open_store(store, passphrase=pw.read_text().strip()) as opened:
            dumps[name] = dump(opened.db)
    assert dumps["a"] == dumps["b"]
    assert all(dumps["a"][t] for t in ("group", "participant", "session", "attendance"))
    assert dumps["a"]["participant"] != dumps["c"]["participant"]
    capfd.readouterr()
    before = (tmp_path / "a" / "s.db").read_bytes()
    for bad, word in (
        (["--groups", "0"], "groups"),
        (["--weeks", "-1"], "weeks"),
        (["--groups", "2.5"], "groups"),
        (["--seed", "abc"], "--seed"),
    ):
        assert (
            main(
                [
                    "demo-data",
                    "--db",
                    str(tmp_path / "a" / "s.db"),
                    "--passphrase-file",
                    str(pw),
                    "--append",
                    *bad,
                ]
            )
            == 1
        )
        err = capfd.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err and word in err, err
    assert (tmp_path / "a" / "s.db").read_bytes() == before


def test_demo_template_of_another_schema_is_rebuilt(tmp_path, monkeypatch):
    """A cached demo template made at another schema revision (an older release, or
    a branch whose migrations were ordered differently) is rebuilt, never opened."""
    from facilitator.app import demo
    from facilitator.store import service
    from facilitator.store.migrate import HEAD_REVISION

    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path))
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")
    first = demo.ensure_template()
    ready = demo.template_dir() / "ready"
    assert ready.read_text().endswith("@" + HEAD_REVISION)
    ready.write_text("generator-light-kdf@some-other-head")
    first.write_bytes(b"stale")  # what a template of another schema stands for here
    again = demo.ensure_template()
    assert again == first and ready.read_text().endswith("@" + HEAD_REVISION)
    store = service.open_store(first, passphrase=demo.DEMO_PASSPHRASE, use_keyring=False)
    try:
        with store.db.session() as s:
            names = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master"))}
    finally:
        store.close()
    assert "practice_attempt" in names
