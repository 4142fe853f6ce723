"""A kill between any two steps of any administrative command never locks the store out,
never loses a delivered recovery code and never loses a committed record.

Each scenario builds a pristine folder (store, passphrase files, a file-backed keyring),
then for kill point n = 0, 1, ... copies it, runs the CLI command in a forked child that
dies before its n-th file-system/rekey step (``_crash.run_killed``) and checks, in the
parent, what a user would try next. The loop ends when the command runs to completion.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from facilitator.cli.main import main
from facilitator.errors import StoreError
from facilitator.store import migrate, secrets, service
from facilitator.store.backup import generation_paths
from facilitator.store.models import Group

from ._crash import FINISHED, KILLED, FileKeyring, run_killed

P0, P1 = "the first passphrase", "the second passphrase"
MAX_POINTS = 200


def _write(path: Path, text: str) -> str:
    path.write_text(text + "\n")
    return str(path)


def _code_in(path: Path) -> str | None:
    try:
        lines = path.read_text().split("\n")
    except FileNotFoundError:
        return None
    return lines[2].strip() if len(lines) > 2 and lines[2].strip() else None


def _use_keyring(folder: Path) -> None:
    keyring.set_keyring(FileKeyring(folder / "keyring.json"))
    secrets.reset_unresponsive()


def _opens(db: Path, **creds) -> bool:
    try:
        with service.open_store(db, **creds):
            return True
    except StoreError:
        return False


def _groups(db: Path, **creds) -> int:
    with service.open_store(db, **creds) as st, st.db.unit() as s:
        return s.scalar(select(func.count()).select_from(Group))


def _pristine(root: Path, *, passphrase: bool = True, groups: int = 5) -> dict:
    root.mkdir()
    _use_keyring(root)
    db = root / "s.db"
    created = service.create_store(db, passphrase=P0 if passphrase else None)
    with created.db.unit() as s:
        for i in range(groups):
            s.add(Group(name=f"g{i}", program_type="general"))
    code = created.recovery_code
    created.close()
    (root / "c0.txt").write_text(f"x\n\n{code}\n")
    _write(root / "p0.txt", P0)
    _write(root / "p1.txt", P1)
    return {"db": db, "code": code}


def _sweep(pristine: Path, argv, check) -> int:
    """Kill ``argv`` at every point; ``check(folder, killed)`` after each. Returns the
    number of kill points."""
    for n in range(MAX_POINTS):
        work = pristine.parent / f"run-{pristine.name}-{n}"
        shutil.copytree(pristine, work)
        _use_keyring(work)
        args = [a.replace(str(pristine), str(work)) for a in argv]
        status = run_killed(n, lambda: main(args))
        assert status in (KILLED, FINISHED), f"point {n}: exit {status}"
        _use_keyring(work)
        try:
            check(work, status == KILLED)
        except AssertionError as exc:
            raise AssertionError(f"kill point {n}: {exc}") from exc
        shutil.rmtree(work)
        if status == FINISHED:
            print(f"{' '.join(argv[:2])}: {n} kill points, none locked out")
            return n
    raise AssertionError("the command never finished")


@pytest.fixture(autouse=True)
def _restore_keyring():
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def _no_temp_left(folder: Path) -> None:
    left = [
        p.name
        for p in folder.rglob(".s.db*")
        if any(m in p.name for m in (".tmp-", ".restore-", ".probe-"))
    ]
    assert not left, f"temporary files left after an open: {left}"


@pytest.mark.slow
def test_kill_during_init(tmp_path):
    root = tmp_path / "init"
    root.mkdir()
    _write(root / "p0.txt", P0)
    db = root / "s.db"

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        code = _code_in(work / "rc.txt")
        if _opens(d, passphrase=P0, use_keyring=False):
            assert code, "a store exists but its recovery code was never delivered"
            assert _opens(d, recovery_code=code, use_keyring=False)
            assert _opens(d)  # the keyring
            return
        # no usable store: a new init must succeed (never a dead end)
        assert (
            main(
                [
                    "db",
                    "init",
                    "--db",
                    str(d),
                    "--passphrase-file",
                    str(work / "p0.txt"),
                    "--recovery-out",
                    str(work / "rc.txt"),
                    "--force",
                ]
            )
            == 0
        )
        code = _code_in(work / "rc.txt")
        assert _opens(d, recovery_code=code, use_keyring=False)
        assert _opens(d, passphrase=P0, use_keyring=False)

    points = _sweep(
        root,
        [
            "db",
            "init",
            "--db",
            str(db),
            "--passphrase-file",
            str(root / "p0.txt"),
            "--recovery-out",
            str(root / "rc.txt"),
        ],
        check,
    )
    assert points >= 5


@pytest.mark.slow
def test_kill_during_passwd(tmp_path):
    root = tmp_path / "passwd"
    st = _pristine(root)
    with service.open_store(st["db"]) as opened:
        service.backup_store(opened)

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        new = _opens(d, passphrase=P1, use_keyring=False)
        old = _opens(d, passphrase=P0, use_keyring=False)
        assert new or old, "neither passphrase opens the store"
        assert not killed or new != old or not new
        assert _opens(d, recovery_code=st["code"], use_keyring=False)
        assert _opens(d)
        assert _groups(d) == 5
        if not killed:  # finished: the old passphrase opens nothing the app keeps
            assert new and not old
            from facilitator.store.keyfile import KeyFile, keyfile_path

            for kept in generation_paths(d):
                kf = KeyFile.load(keyfile_path(kept))
                with pytest.raises(StoreError):
                    kf.unlock("passphrase", P0.encode())
                kf.unlock("passphrase", P1.encode())
        _no_temp_left(work)

    _sweep(
        root,
        [
            "db",
            "passwd",
            "--db",
            str(st["db"]),
            "--passphrase-file",
            str(root / "p0.txt"),
            "--new-passphrase-file",
            str(root / "p1.txt"),
        ],
        check,
    )


@pytest.mark.slow
@pytest.mark.parametrize("passphrase", [True, False], ids=["passphrase", "keyring-only"])
def test_kill_during_rekey(tmp_path, passphrase):
    root = tmp_path / "rekey"
    st = _pristine(root, passphrase=passphrase)
    argv = ["db", "rekey", "--db", str(st["db"]), "--recovery-out", str(root / "rc1.txt")]
    if passphrase:
        argv += ["--passphrase-file", str(root / "p0.txt")]

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        delivered = _code_in(work / "rc1.txt")
        if killed and passphrase:  # the user types the passphrase first: the keyring
            assert _opens(d, passphrase=P0, use_keyring=False)  # must follow all the same
        assert _opens(d), "the keyring no longer opens the store"
        if delivered:
            assert _opens(d, recovery_code=delivered, use_keyring=False), (
                "the delivered recovery code does not open the store"
            )
        else:
            assert _opens(d, recovery_code=st["code"], use_keyring=False)
        if passphrase:
            assert _opens(d, passphrase=P0, use_keyring=False)
        assert _groups(d) == 5
        assert not service.pending_keyfile_path(d).exists()
        if not killed:
            assert not _opens(d, recovery_code=st["code"], use_keyring=False)
        _no_temp_left(work)

    points = _sweep(root, argv, check)
    assert points >= 10


@pytest.mark.slow
@pytest.mark.parametrize("to_file", [False, True], ids=["generation", "out"])
def test_kill_during_backup(tmp_path, to_file):
    root = tmp_path / "backup"
    st = _pristine(root)
    argv = ["db", "backup", "--db", str(st["db"])]
    if to_file:
        argv += ["--out", str(root / "b.bak")]

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        assert _opens(d) and _opens(d, passphrase=P0, use_keyring=False)
        assert _opens(d, recovery_code=st["code"], use_keyring=False)
        assert _groups(d) == 5
        _no_temp_left(work)
        if not killed:
            made = [work / "b.bak"] if to_file else generation_paths(d)
            assert made and all(p.is_file() for p in made)

    _sweep(root, argv, check)


@pytest.mark.slow
def test_kill_during_restore(tmp_path):
    root = tmp_path / "restore"
    st = _pristine(root)
    with service.open_store(st["db"]) as opened:
        service.backup_store(opened, root / "b.bak")
        with opened.db.unit() as s:
            s.add(Group(name="after the backup", program_type="general"))

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        assert _opens(d) and _opens(d, passphrase=P0, use_keyring=False)
        assert _opens(d, recovery_code=st["code"], use_keyring=False)
        count = _groups(d)
        assert count in (5, 6)
        if not killed:
            assert count == 5
        _no_temp_left(work)

    _sweep(
        root,
        [
            "db",
            "restore",
            "--db",
            str(st["db"]),
            "--from",
            str(root / "b.bak"),
            "--passphrase-file",
            str(root / "p0.txt"),
            "--yes",
        ],
        check,
    )


@pytest.mark.slow
def test_kill_during_migrate(tmp_path):
    root = tmp_path / "migrate"
    st = _pristine(root, groups=0)
    with service.open_store(st["db"], migrate_on_open=False) as opened:
        migrate.downgrade(opened.db.engine, "base")

    def check(work: Path, killed: bool) -> None:
        d = work / "s.db"
        assert _opens(d, passphrase=P0, use_keyring=False)
        assert _opens(d, recovery_code=st["code"], use_keyring=False)
        with service.open_store(d) as opened:
            assert not migrate.needs_upgrade(opened.db.engine)
        _no_temp_left(work)

    _sweep(root, ["db", "backup", "--db", str(st["db"])], check)
