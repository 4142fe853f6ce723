"""Read-only folders and full disks, seen from the command line as a user sees them.

Read-only: the suite often runs as root, and root ignores file permissions, so the
CLI runs in a subprocess whose ``CAP_DAC_OVERRIDE``/``CAP_DAC_READ_SEARCH``/
``CAP_FOWNER`` are removed from its capability bounding set (``prctl`` before
``exec``). It stays uid 0, so it can still run the interpreter under ``/root`` (a
switch to ``nobody`` cannot), but a ``chmod 0555`` folder is now really read-only.
As a normal user no dropping is needed.

Disk full: a real 2 MiB tmpfs (root only, see ``small_tmpfs``), because SQLite's
reaction to ENOSPC happens in C code no Python monkeypatch reaches.

Each failure must be one plain line on stderr, exit code 1, no traceback, and the
last committed state must still be there, byte for byte where nothing was written.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from facilitator.cli.main import main
from facilitator.errors import DiskFullError
from facilitator.store import service
from facilitator.store.keyfile import keyfile_path
from facilitator.store.models import Attendance, Group, Session

from .conftest import PASS, snapshot

_PR_CAPBSET_DROP = 24
_DAC_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _cap_dropper():
    """A preexec_fn removing the permission-bypassing capabilities (root only).

    libc is loaded here, in the parent: loading a library between fork and exec of a
    threaded process can deadlock.
    """
    if os.geteuid() != 0:
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def drop() -> None:
        for cap in _DAC_CAPS:
            if prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop


_DRIVER = """
import contextlib, io, json, sys
from facilitator.cli.main import main
results = []
for args in json.loads(sys.argv[1]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = main(args)
    results.append([rc, err.getvalue()])
print(json.dumps(results))
"""


def _cli(*commands: list[str]) -> list[tuple[int, str]]:
    """Run CLI commands in ONE subprocess (start-up is the slow part); (rc, stderr) each.

    An exception escaping ``main`` would crash the driver and fail the test, so "no
    traceback" is checked too.
    """
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    r = subprocess.run(
        [sys.executable, "-c", _DRIVER, json.dumps(list(commands))],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        preexec_fn=_cap_dropper(),
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    return [tuple(x) for x in json.loads(r.stdout)]


def _assert_one_line_error(result: tuple[int, str], *words: str) -> None:
    rc, err = result
    assert rc == 1, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("facilitator: error: "), err
    for w in words:
        assert w in err, err


def _counts(path: Path) -> tuple[int, int, int]:
    with service.open_store(path, passphrase=PASS) as st, st.db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
            for m in (Group, Session, Attendance)
        )


@pytest.fixture
def pp(tmp_path) -> str:
    f = tmp_path / "pass.txt"
    f.write_text(PASS + "\n")
    return str(f)


def _store_with_demo(db: Path, pp: str) -> None:
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--recovery-out",
                str(db.parent.parent / "rc.txt"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "demo-data",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--groups",
                "1",
                "--weeks",
                "2",
                "--seed",
                "3",
            ]
        )
        == 0
    )


def test_read_only_folder_and_file_from_the_cli(tmp_path, pp, no_keyring, capsys):
    data = tmp_path / "data"
    db = data / "s.db"
    _store_with_demo(db, pp)
    committed = _counts(db)
    assert committed[0] == 1 and committed[2] > 0
    capsys.readouterr()
    (tmp_path / "ro").mkdir()
    before = snapshot(data)
    os.chmod(data, 0o555)
    os.chmod(tmp_path / "ro", 0o555)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(data / 'probe')!r}, 'w')"],
            capture_output=True,
            preexec_fn=_cap_dropper(),
        )
        if probe.returncode == 0:
            pytest.skip("this account ignores folder permissions even without CAP_DAC_OVERRIDE")
        store_args = ["--db", str(db), "--passphrase-file", pp]
        results = _cli(
            ["db", "check", *store_args],
            ["db", "backup", *store_args],
            ["db", "passwd", "--new-passphrase-file", pp, *store_args],
            ["demo-data", "--append", "--groups", "1", *store_args],
            ["db", "init", "--db", str(tmp_path / "ro" / "new.db"), "--passphrase-file", pp],
        )
        for result in results[:4]:
            _assert_one_line_error(result, "read-only", str(data))
        _assert_one_line_error(results[4], "read-only", "new.db")
        assert snapshot(data) == before  # nothing at all was written
        os.chmod(data, 0o755)  # the store is fine; only the backup's folder is read-only
        (result,) = _cli(["db", "backup", *store_args, "--out", str(tmp_path / "ro" / "b.bak")])
        _assert_one_line_error(result, "read-only", "b.bak")
        # a read-only database file (e.g. copied from a CD): refused before SQLite
        # leaves read-only -wal/-shm files behind that would outlive the chmod
        before = snapshot(data)
        os.chmod(db, 0o444)
        (result,) = _cli(["demo-data", "--append", *store_args])
        _assert_one_line_error(result, "read-only", str(db))
    finally:
        os.chmod(data, 0o755)
        os.chmod(tmp_path / "ro", 0o755)
        os.chmod(db, 0o600)
    assert snapshot(data) == before
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    assert list((tmp_path / "ro").iterdir()) == []
    assert _counts(db) == committed
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 0


def _fill(folder: Path, leave: int) -> Path:
    """Fill ``folder``'s filesystem until about ``leave`` bytes are free."""
    filler = folder / "filler"
    with open(filler, "wb") as f:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                f.write(b"\0" * min(64 * 1024, free - leave))
                f.flush()
            except OSError:
                break
    return filler


def test_disk_full_from_the_cli(small_tmpfs, tmp_path, pp, no_keyring, capsys):
    db = small_tmpfs / "s.db"
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--recovery-out",
                str(tmp_path / "rc.txt"),
            ]
        )
        == 0
    )
    assert (
        main(
            ["demo-data", "--db", str(db), "--passphrase-file", pp, "--groups", "1", "--weeks", "2"]
        )
        == 0
    )
    committed = _counts(db)
    capsys.readouterr()

    # a big import that cannot fit: rolled back as a whole, the earlier data stays
    assert (
        main(
            [
                "demo-data",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--append",
                "--groups",
                "40",
                "--weeks",
                "52",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "disk is full" in err and err.count("\n") == 1 and "Traceback" not in err
    assert _counts(db) == committed
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 0
    capsys.readouterr()

    # room to open the store, not to copy it: no half-written backup appears
    filler = _fill(small_tmpfs, db.stat().st_size // 2)
    assert (
        main(
            [
                "db",
                "backup",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--out",
                str(small_tmpfs / "b.bak"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "disk is full" in err and err.count("\n") == 1
    assert not [p.name for p in small_tmpfs.iterdir() if "b.bak" in p.name]

    # no room at all: opening says so instead of calling the store damaged
    filler.unlink()
    filler = _fill(small_tmpfs, 0)
    keys_before = keyfile_path(db).read_bytes()
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "damaged" not in err and err.count("\n") == 1
    assert main(["db", "init", "--db", str(small_tmpfs / "t.db"), "--passphrase-file", pp]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert not [p.name for p in small_tmpfs.iterdir() if p.name.startswith(("t.db", ".t.db"))]
    assert keyfile_path(db).read_bytes() == keys_before

    filler.unlink()
    assert _counts(db) == committed
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 0


def test_disk_full_while_changing_passphrase_keeps_the_old_one(small_tmpfs, no_keyring):
    db = small_tmpfs / "s.db"
    service.create_store(db, passphrase=PASS).close()
    keys_before = keyfile_path(db).read_bytes()
    with service.open_store(db, passphrase=PASS) as st:
        filler = _fill(small_tmpfs, 0)
        with pytest.raises(DiskFullError, match="disk is full"):
            service.change_passphrase(st, "a different passphrase")
        filler.unlink()
    assert keyfile_path(db).read_bytes() == keys_before
    assert not [p for p in small_tmpfs.iterdir() if ".tmp-" in p.name]
    with service.open_store(db, passphrase=PASS) as st:
        assert st.unlocked_by == "passphrase"
