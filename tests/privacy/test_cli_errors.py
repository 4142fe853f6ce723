"""Promise: bad input never gets a traceback, and an error never echoes a secret.

Every case expects a non-zero exit with one plain ``facilitator: error: ...`` line,
or argparse's usage message and exit code 2 for malformed command lines. The main
cases run ``python -m facilitator ...`` in a fresh interpreter (with the network
tripwire loaded by ``site/sitecustomize.py``), concurrently, because each interpreter
spends about a second importing the stack; the rest call the same ``main()``
in-process, where an escaping exception would fail the test just as surely.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facilitator.store.keyfile import keyfile_path
from facilitator.store.lock import StoreLock

from .helpers import PASSPHRASE, init_store, run_cli
from .netguard import MARKER

SITE = Path(__file__).resolve().parent / "site"
WRONG = "not the right passphrase at all"


def _unwritable_target(tmp: Path) -> Path:
    """A PDF path in a folder that cannot be written (root ignores mode bits, so as
    root use the read-only sysfs)."""
    if os.geteuid() != 0:
        folder = tmp / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder / "report.pdf"
    return Path("/sys/facilitator-privacy-report.pdf")


IN_PROCESS = {
    "empty-passphrase-file",
    "directory-as-db",
    "unknown-report-kind",
    "out-folder-missing",
    "k-too-small",
    "unknown-script",
    "init-over-existing-store",
    "restore-from-garbage",
    "demo-data-bad-number",
    "reversed-dates",
    "external-group-report",
    "session-without-id",
    "short-pdf-password",
    "short-new-passphrase",
    "garbage-db-with-key-file",
    "k-not-a-number",
    "unknown-group",
    "store-in-use",
    "missing-passphrase-file",
}


def _cases(t: dict) -> dict[str, tuple[list[str], int]]:
    """id -> (argv after ``python -m facilitator``, expected exit code)."""
    S, pw, out = t["store"], t["pw"], t["tmp"] / "out.pdf"
    unlock = ["--db", S, "--passphrase-file", pw]
    return {
        "missing-db": (["db", "check", "--db", t["tmp"] / "nope.db", "--passphrase-file", pw], 1),
        "wrong-passphrase": (["db", "check", "--db", S, "--passphrase-file", t["wrong"]], 1),
        "missing-passphrase-file": (
            ["db", "check", "--db", S, "--passphrase-file", t["tmp"] / "no-such-file.txt"],
            1,
        ),
        "empty-passphrase-file": (["db", "check", "--db", S, "--passphrase-file", t["empty"]], 1),
        "no-unlock-method": (["db", "check", "--db", S], 1),
        "garbage-db": (["db", "check", "--db", t["garbage"], "--passphrase-file", pw], 1),
        "garbage-db-with-key-file": (
            [
                "report",
                "program",
                "--db",
                t["garbage_keyed"],
                "--passphrase-file",
                pw,
                "--out",
                out,
            ],
            1,
        ),
        "directory-as-db": (["db", "backup", "--db", t["tmp"], "--passphrase-file", pw], 1),
        "unknown-option": (["db", "check", *unlock, "--frobnicate"], 2),
        "unknown-report-kind": (["report", "weekly", *unlock, "--out", out], 2),
        "out-is-directory": (["report", "program", *unlock, "--out", t["tmp"]], 1),
        "out-folder-missing": (
            [
                "report",
                "handout",
                "--script",
                "mutual-support-circle",
                "--out",
                t["tmp"] / "no" / "such" / "x.pdf",
            ],
            1,
        ),
        "out-unwritable": (
            ["report", "handout", "--script", "mutual-support-circle", "--out", t["unwritable"]],
            1,
        ),
        "impossible-date": (
            ["report", "program", *unlock, "--from", "2026-02-30", "--out", out],
            1,
        ),
        "k-not-a-number": (["report", "program", *unlock, "--k", "five", "--out", out], 2),
        "k-too-small": (["report", "program", *unlock, "--k", "1", "--out", out], 1),
        "unknown-group": (
            ["report", "group", *unlock, "--group", "no-such-group", "--out", out],
            1,
        ),
        "unknown-script": (["report", "handout", "--script", "no-such-script", "--out", out], 1),
        "init-over-existing-store": (["db", "init", *unlock], 1),
        "restore-from-garbage": (
            ["db", "restore", "--db", t["copy"], "--passphrase-file", pw, "--from", t["garbage"]],
            1,
        ),
        "store-in-use": (["db", "check", "--db", t["locked"], "--passphrase-file", pw], 1),
        "demo-data-bad-number": (["demo-data", *unlock, "--groups", "lots"], 1),
        "reversed-dates": (
            [
                "report",
                "program",
                *unlock,
                "--from",
                "2026-03-01",
                "--to",
                "2026-01-31",
                "--out",
                out,
            ],
            1,
        ),
        "external-group-report": (
            ["report", "group", *unlock, "--group", "x", "--external", "--out", out],
            1,
        ),
        "session-without-id": (["report", "session", *unlock, "--out", out], 1),
        "short-pdf-password": (
            [
                "report",
                "handout",
                "--script",
                "mutual-support-circle",
                "--password-file",
                t["short"],
                "--out",
                out,
            ],
            1,
        ),
        "short-new-passphrase": (
            [
                "db",
                "passwd",
                "--db",
                S,
                "--passphrase-file",
                pw,
                "--new-passphrase-file",
                t["short"],
            ],
            1,
        ),
    }


# What each message must say, so a case cannot pass by failing for another reason.
EXPECT = {
    "missing-db": "There is no store",
    "wrong-passphrase": "passphrase is not correct",
    "missing-passphrase-file": "Could not read the passphrase file",
    "empty-passphrase-file": "is empty",
    "no-unlock-method": "--passphrase-file FILE",
    "garbage-db": "key file",
    "garbage-db-with-key-file": "does not open with its own key",
    "directory-as-db": "no store",
    "unknown-option": "unrecognized arguments: --frobnicate",
    "unknown-report-kind": "invalid choice: 'weekly'",
    "out-is-directory": "is a folder",
    "out-folder-missing": "does not exist",
    "out-unwritable": "could not write",
    "impossible-date": "is not a date",
    "k-not-a-number": "argument --k",
    "k-too-small": "--k must be between",
    "unknown-group": "group does not exist",
    "unknown-script": "no script with the id",
    "init-over-existing-store": "already exists",
    "restore-from-garbage": "key file",
    "store-in-use": "already open",
    "demo-data-bad-number": "whole number",
    "reversed-dates": "is after --to",
    "external-group-report": "program report only",
    "session-without-id": "--session ID",
    "short-pdf-password": "at least 4 characters",
    "short-new-passphrase": "at least 8",
}


def _copy_store(src: Path, folder: Path) -> Path:
    folder.mkdir()
    dst = folder / src.name
    shutil.copy2(src, dst)
    shutil.copy2(keyfile_path(src), keyfile_path(dst))
    return dst


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    store = init_store(tmp / "store", tmp / "secrets")
    t = dict(tmp=tmp, store=store.db, pw=store.passphrase_file, unwritable=_unwritable_target(tmp))
    for name, text in (("wrong", WRONG + "\n"), ("empty", "\n"), ("short", "abc\n")):
        t[name] = tmp / "secrets" / f"{name}.txt"
        t[name].write_text(text, encoding="utf-8")
    t["garbage"] = tmp / "garbage.db"
    t["garbage"].write_bytes(os.urandom(8192))
    t["garbage_keyed"] = tmp / "keyed" / "garbage.db"
    t["garbage_keyed"].parent.mkdir()
    t["garbage_keyed"].write_bytes(os.urandom(8192))
    shutil.copy2(keyfile_path(store.db), keyfile_path(t["garbage_keyed"]))
    t["copy"] = _copy_store(store.db, tmp / "copy")
    t["locked"] = _copy_store(store.db, tmp / "locked")
    env = dict(
        os.environ,
        PYTHONPATH=str(SITE),
        FACILITATOR_HOME=str(tmp / "home"),
        FACILITATOR_KDF_PROFILE="test",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    cases = _cases(t)
    results: dict[str, subprocess.CompletedProcess] = {}
    before = {p: p.read_bytes() for p in (t["garbage"], t["copy"], keyfile_path(t["copy"]))}

    def run(argv):
        return subprocess.run(
            [sys.executable, "-m", "facilitator", *map(str, argv)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    with StoreLock(t["locked"]):  # as if the desktop app had this store open
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {
                name: pool.submit(run, argv)
                for name, (argv, _) in cases.items()
                if name not in IN_PROCESS
            }
            for name in sorted(IN_PROCESS):
                r = run_cli(*cases[name][0])
                results[name] = subprocess.CompletedProcess([], r.rc, r.out, r.err)
            results.update({name: f.result() for name, f in futures.items()})
    return dict(cases=cases, results=results, t=t, before=before)


CASE_IDS = list(
    _cases(
        {
            k: Path("/x")
            for k in (
                "tmp",
                "store",
                "pw",
                "wrong",
                "empty",
                "short",
                "garbage",
                "garbage_keyed",
                "copy",
                "locked",
                "unwritable",
            )
        }
    )
)


@pytest.mark.parametrize("case", CASE_IDS)
def test_bad_input_gives_one_plain_line_and_no_traceback(runs, case):
    argv, expected = runs["cases"][case]
    result = runs["results"][case]
    both = result.stdout + result.stderr
    assert "Traceback" not in both, both
    assert MARKER not in result.stderr, result.stderr
    assert PASSPHRASE not in both and WRONG not in both
    assert result.returncode == expected, (result.returncode, both)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if expected == 2:
        assert lines[0].startswith("usage: facilitator"), result.stderr
        assert ": error: " in lines[-1], result.stderr
    else:
        assert len(lines) == 1 and lines[0].startswith("facilitator: error: "), result.stderr
    assert EXPECT[case] in lines[-1], lines[-1]


def test_failed_commands_changed_nothing(runs):
    """No half-written report, and the refused restore left the store it was aimed at
    (database and key file) and the garbage file byte-identical."""
    t = runs["t"]
    assert not (t["tmp"] / "out.pdf").exists()
    assert not list(t["tmp"].glob("*.tmp")) and not list(t["tmp"].glob(".*.tmp"))
    for path, data in runs["before"].items():
        assert path.read_bytes() == data, path
