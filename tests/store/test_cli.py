"""``facilitator db ...``: exit codes, one-line messages, secrets only from files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from facilitator.cli.main import main
from facilitator.store.keyfile import KeyFile, keyfile_path

from .conftest import PASS, snapshot


@pytest.fixture
def files(tmp_path):
    pp = tmp_path / "pass.txt"
    pp.write_text(PASS + "\n")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("definitely not it\n")
    return {
        "db": str(tmp_path / "data" / "s.db"),
        "pp": str(pp),
        "wrong": str(wrong),
        "rc": str(tmp_path / "recovery.txt"),
    }


def _init(files):
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                files["db"],
                "--passphrase-file",
                files["pp"],
                "--recovery-out",
                files["rc"],
            ]
        )
        == 0
    )
    return open(files["rc"]).read().split("\n")[2].strip()


def test_init_requires_passphrase_without_keyring(files, no_keyring, capsys):
    assert main(["db", "init", "--db", files["db"]]) == 1
    err = capsys.readouterr().err
    assert "passphrase is required" in err and err.count("\n") == 1
    assert not os.path.exists(files["db"])


def test_init_prints_code_once_or_writes_0600_file(files, tmp_path, no_keyring, capsys):
    code = _init(files)
    out = capsys.readouterr().out
    assert code not in out and "written to" in out
    assert stat.S_IMODE(os.stat(files["rc"]).st_mode) == 0o600
    other = str(tmp_path / "other.db")
    assert main(["db", "init", "--db", other, "--passphrase-file", files["pp"]]) == 0
    printed = capsys.readouterr().out
    # the code is printed (and flushed) before the store exists, then the confirmation
    assert printed.startswith("Recovery code") and len(printed.split("\n")[1].strip()) == 41
    assert "Created an encrypted store" in printed.split("\n")[2]


def test_init_with_keyring_needs_no_passphrase(files, memory_keyring, capsys):
    assert main(["db", "init", "--db", files["db"], "--recovery-out", files["rc"]]) == 0
    assert "system keyring" in capsys.readouterr().out
    assert main(["db", "check", "--db", files["db"]]) == 0
    assert "unlocked by: keyring" in capsys.readouterr().out


def test_check_healthy_wrong_and_recovery(files, tmp_path, no_keyring, capsys):
    code = _init(files)
    capsys.readouterr()
    assert main(["db", "check", "--db", files["db"], "--passphrase-file", files["pp"]]) == 0
    out = capsys.readouterr().out
    for line in (
        "cipher_integrity_check: ok",
        "integrity_check: ok",
        "healthy",
        "file header encrypted: ok",
    ):
        assert line in out
    before = snapshot(tmp_path / "data")
    assert main(["db", "check", "--db", files["db"], "--passphrase-file", files["wrong"]]) == 1
    assert capsys.readouterr().err == "facilitator: error: The passphrase is not correct.\n"
    assert snapshot(tmp_path / "data") == before
    typo = tmp_path / "typo.txt"
    typo.write_text(code[:3] + ("Z" if code[3] != "Z" else "Y") + code[4:])
    assert main(["db", "check", "--db", files["db"], "--recovery-code-file", str(typo)]) == 1
    assert "Group 1 of the recovery code" in capsys.readouterr().err
    good = tmp_path / "code.txt"
    good.write_text(code.lower().replace("-", " "))
    assert main(["db", "check", "--db", files["db"], "--recovery-code-file", str(good)]) == 0
    assert "unlocked by: recovery" in capsys.readouterr().out
    assert main(["db", "check", "--db", files["db"]]) == 1  # no TTY, no file
    assert "--passphrase-file" in capsys.readouterr().err


def test_backup_restore_rekey_passwd(files, tmp_path, no_keyring, capsys):
    _init(files)
    out = str(tmp_path / "b.bak")
    assert (
        main(["db", "backup", "--db", files["db"], "--passphrase-file", files["pp"], "--out", out])
        == 0
    )
    assert os.path.exists(out) and os.path.exists(out + ".keys")
    assert (
        main(
            ["db", "restore", "--db", files["db"], "--from", out, "--passphrase-file", files["pp"]]
        )
        == 1
    )  # no --yes, no terminal
    assert "add --yes" in capsys.readouterr().err
    assert (
        main(
            [
                "db",
                "restore",
                "--db",
                files["db"],
                "--from",
                out,
                "--passphrase-file",
                files["pp"],
                "--yes",
            ]
        )
        == 0
    )
    assert "previous database was kept" in capsys.readouterr().out
    new = tmp_path / "new.txt"
    new.write_text("my new long passphrase\n")
    assert (
        main(
            [
                "db",
                "passwd",
                "--db",
                files["db"],
                "--passphrase-file",
                files["pp"],
                "--new-passphrase-file",
                str(new),
            ]
        )
        == 0
    )
    assert main(["db", "check", "--db", files["db"], "--passphrase-file", files["pp"]]) == 1
    assert (
        main(
            [
                "db",
                "rekey",
                "--db",
                files["db"],
                "--passphrase-file",
                str(new),
                "--recovery-out",
                str(tmp_path / "rc2.txt"),
            ]
        )
        == 0
    )
    code2 = (tmp_path / "rc2.txt").read_text().split("\n")[2].strip()
    assert KeyFile.load(keyfile_path(files["db"])).unlock("recovery", code2.encode())
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    assert (
        main(
            [
                "db",
                "passwd",
                "--db",
                files["db"],
                "--passphrase-file",
                str(new),
                "--new-passphrase-file",
                str(short),
            ]
        )
        == 1
    )
    assert "at least 8 characters" in capsys.readouterr().err


def test_missing_and_garbage_files_give_one_line(files, tmp_path, no_keyring, capsys):
    assert (
        main(["db", "check", "--db", str(tmp_path / "nope.db"), "--passphrase-file", files["pp"]])
        == 1
    )
    assert "There is no store" in capsys.readouterr().err
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    assert main(["db", "check", "--db", str(junk), "--passphrase-file", files["pp"]]) == 1
    assert "key file" in capsys.readouterr().err
    assert (
        main(["db", "check", "--db", str(junk), "--passphrase-file", str(tmp_path / "missing.txt")])
        == 1
    )
    assert "Could not read the passphrase file" in capsys.readouterr().err


def test_subprocess_errors_have_no_traceback(files, tmp_path):
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    run = [sys.executable, "-m", "facilitator", "db"]
    r = subprocess.run(
        run
        + [
            "init",
            "--db",
            files["db"],
            "--passphrase-file",
            files["pp"],
            "--recovery-out",
            files["rc"],
        ],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        run + ["check", "--db", files["db"], "--passphrase-file", files["wrong"]],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "passphrase is not correct" in r.stderr


def test_check_reports_damage_with_exit_1(files, tmp_path, no_keyring, capsys):
    _init(files)
    data = bytearray(open(files["db"], "rb").read())
    for i in range(8192, 8192 + 32):
        data[i] ^= 0x5A
    open(files["db"], "wb").write(bytes(data))
    before = snapshot(tmp_path / "data")
    assert main(["db", "check", "--db", files["db"], "--passphrase-file", files["pp"]]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(tmp_path / "data") == before
