"""Property: any sequence of init, passwd, rekey, backup, restore, record writes and
kills at any step leaves a store that the LATEST passphrase, the LATEST delivered
recovery code and the keyring all open, holding exactly the committed records.

Each administrative step runs through the CLI in a forked child killed before a drawn
step (or never), exactly as ``test_crash_admin`` does; the model follows what the user
can know afterwards (the new passphrase if it opens, a delivered code file, the backup
files on disk). Small Argon2 parameters come from the store tests' explicit
``FACILITATOR_KDF_PROFILE=test`` hook.
"""

from __future__ import annotations

import itertools
import shutil

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.cli.main import main
from facilitator.errors import StoreError
from facilitator.store import secrets, service
from facilitator.store.models import Group

from ._crash import FINISHED, KILLED, FileKeyring, run_killed

NEVER = 10**6
kill = st.one_of(st.just(NEVER), st.integers(min_value=0, max_value=40))
ops = st.lists(
    st.one_of(
        st.tuples(st.just("add")),
        st.tuples(st.just("passwd"), kill),
        st.tuples(st.just("rekey"), kill),
        st.tuples(st.just("backup"), kill),
        st.tuples(st.just("restore"), st.integers(0, 5), kill),
    ),
    min_size=1,
    max_size=7,
)

_runs = itertools.count()


def _names(db, **creds) -> set[str]:
    with service.open_store(db, **creds) as s, s.db.unit() as u:
        return set(u.scalars(select(Group.name)))


def _opens(db, **creds) -> bool:
    try:
        with service.open_store(db, **creds):
            return True
    except StoreError:
        return False


@pytest.fixture
def base(tmp_path_factory):
    previous = keyring.get_keyring()
    yield tmp_path_factory.mktemp("prop")
    keyring.set_keyring(previous)


@pytest.mark.slow
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=ops)
def test_latest_credentials_always_open_with_every_committed_record(base, sequence):
    root = base / f"run{next(_runs)}"
    root.mkdir()
    keyring.set_keyring(FileKeyring(root / "keyring.json"))
    secrets.reset_unresponsive()
    db = root / "s.db"
    passphrases = iter(f"passphrase number {i:02d}" for i in range(100))
    latest_p = next(passphrases)
    (root / "p.txt").write_text(latest_p + "\n")
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(db),
                "--passphrase-file",
                str(root / "p.txt"),
                "--recovery-out",
                str(root / "rc.txt"),
            ]
        )
        == 0
    )
    latest_c = (root / "rc.txt").read_text().split("\n")[2].strip()
    records: set[str] = set()
    backups: list[tuple[str, set[str]]] = []
    for step, op in enumerate(sequence):
        if op[0] == "add":
            with service.open_store(db) as s, s.db.unit() as u:
                u.add(Group(name=f"group {step}", program_type="general"))
            records.add(f"group {step}")
        elif op[0] == "passwd":
            new_p = next(passphrases)
            (root / "new.txt").write_text(new_p + "\n")
            (root / "cur.txt").write_text(latest_p + "\n")
            status = run_killed(
                op[1],
                lambda: main(
                    [
                        "db",
                        "passwd",
                        "--db",
                        str(db),
                        "--passphrase-file",
                        str(root / "cur.txt"),
                        "--new-passphrase-file",
                        str(root / "new.txt"),
                    ]
                ),
            )
            assert status in (KILLED, FINISHED)
            if _opens(db, passphrase=new_p, use_keyring=False):
                latest_p = new_p
            else:
                assert status == KILLED, "passwd finished but the new passphrase fails"
        elif op[0] == "rekey":
            out = root / f"rc{step}.txt"
            (root / "cur.txt").write_text(latest_p + "\n")
            status = run_killed(
                op[1],
                lambda: main(
                    [
                        "db",
                        "rekey",
                        "--db",
                        str(db),
                        "--passphrase-file",
                        str(root / "cur.txt"),
                        "--recovery-out",
                        str(out),
                    ]
                ),
            )
            assert status in (KILLED, FINISHED)
            lines = out.read_text().split("\n") if out.exists() else []
            if len(lines) > 2 and lines[2].strip():
                latest_c = lines[2].strip()  # delivered: the user now holds this code
            else:
                assert status == KILLED
        elif op[0] == "backup":
            out = root / f"b{step}.bak"
            status = run_killed(
                op[1], lambda: main(["db", "backup", "--db", str(db), "--out", str(out)])
            )
            assert status in (KILLED, FINISHED)
            if out.exists():
                backups.append((str(out), set(records)))
            else:
                assert status == KILLED
        elif op[0] == "restore" and backups:
            source, content = backups[op[1] % len(backups)]
            (root / "cur.txt").write_text(latest_p + "\n")
            status = run_killed(
                op[2],
                lambda: main(
                    [
                        "db",
                        "restore",
                        "--db",
                        str(db),
                        "--from",
                        source,
                        "--passphrase-file",
                        str(root / "cur.txt"),
                        "--yes",
                    ]
                ),
            )
            assert status in (KILLED, FINISHED)
            now = _names(db, passphrase=latest_p, use_keyring=False)
            assert now in (records, content), "a restore left a mixture"
            if status == FINISHED:
                assert now == content
            records = now
        # the invariant, after every step
        assert _names(db, passphrase=latest_p, use_keyring=False) == records, op
        assert _opens(db, recovery_code=latest_c, use_keyring=False), op
        assert _opens(db), op  # the keyring
    shutil.rmtree(root)
