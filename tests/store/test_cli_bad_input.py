"""Every bad-input case of the store, through ``facilitator db ...`` as a user meets it:
one plain line on stderr, exit code 1, no traceback, and the files left byte-identical.

``capfd`` (not ``capsys``) is used so that anything SQLCipher itself might print on
file descriptor 2 would also count against the one-line rule.
"""

from __future__ import annotations

import sqlite3

import pytest

from facilitator.cli.main import main
from facilitator.store import service
from facilitator.store.keyfile import keyfile_path

from .conftest import PASS, snapshot


@pytest.fixture
def store(tmp_path, no_keyring, capfd):
    """A store with demo data in ``tmp_path/data``; returns (db, passphrase file, code)."""
    pp = tmp_path / "pass.txt"
    pp.write_text(PASS + "\n")
    db = tmp_path / "data" / "s.db"
    rc = tmp_path / "rc.txt"
    assert (
        main(
            ["db", "init", "--db", str(db), "--passphrase-file", str(pp), "--recovery-out", str(rc)]
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
                str(pp),
                "--groups",
                "1",
                "--weeks",
                "2",
            ]
        )
        == 0
    )
    capfd.readouterr()
    return db, str(pp), rc.read_text().split("\n")[2].strip()


def _one_line_error(capfd, *words: str) -> str:
    out = capfd.readouterr()
    err = out.err
    assert err.startswith("facilitator: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err + out.out
    for w in words:
        assert w in err, err
    return err


def _damage(db, how: str) -> None:
    data = db.read_bytes()
    if how == "truncate_half":
        db.write_bytes(data[: len(data) // 2])
    elif how == "truncate_tiny":
        db.write_bytes(data[:300])
    elif how == "empty":
        db.write_bytes(b"")
    elif how == "header_flipped":
        db.write_bytes(bytes(b ^ 0xA5 for b in data[:64]) + data[64:])
    elif how == "middle_flipped":
        mid = len(data) // 2
        db.write_bytes(
            data[:mid] + bytes(b ^ 0x5A for b in data[mid : mid + 64]) + data[mid + 64 :]
        )
    elif how == "plain_sqlite":
        db.unlink()
        c = sqlite3.connect(db)
        c.execute("create table t(x)")
        c.execute("insert into t values (zeroblob(4096))")
        c.commit()
        c.close()
    elif how == "text_file":
        db.write_text("Minutes of the Tuesday meeting\n" * 200)


@pytest.mark.parametrize(
    "how",
    [
        "truncate_half",
        "truncate_tiny",
        "empty",
        "header_flipped",
        "middle_flipped",
        "plain_sqlite",
        "text_file",
    ],
)
@pytest.mark.parametrize("command", ["check", "backup"])
def test_damaged_database_one_line_and_byte_identical(store, capfd, how, command):
    db, pp, _code = store
    _damage(db, how)
    before = snapshot(db.parent)
    assert main(["db", command, "--db", str(db), "--passphrase-file", pp]) == 1
    err = _one_line_error(capfd)
    assert any(w in err for w in ("damaged", "truncated", "could not be read")), err
    assert snapshot(db.parent) == before


def test_damaged_key_file_one_line_and_byte_identical(store, capfd):
    db, pp, _code = store
    kpath = keyfile_path(db)
    kpath.write_bytes(kpath.read_bytes()[:200])
    before = snapshot(db.parent)
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 1
    _one_line_error(capfd, "key file", "damaged")
    assert snapshot(db.parent) == before


def test_wrong_passphrase_and_recovery_code_typos(store, tmp_path, capfd):
    db, _pp, code = store
    before = snapshot(db.parent)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    assert main(["db", "check", "--db", str(db), "--passphrase-file", str(wrong)]) == 1
    _one_line_error(capfd, "passphrase is not correct")
    groups = code.split("-")
    for g in (0, 3, 6):  # one character mistyped in the first, a middle and the last group
        typo = list(groups)
        typo[g] = typo[g][:2] + ("7" if typo[g][2] != "7" else "8") + typo[g][3:]
        f = tmp_path / f"typo{g}.txt"
        f.write_text("-".join(typo) + "\n")
        assert main(["db", "check", "--db", str(db), "--recovery-code-file", str(f)]) == 1
        _one_line_error(capfd, f"Group {g + 1} of the recovery code", "mistyped")
    short = tmp_path / "short.txt"
    short.write_text(code[:-1] + "\n")
    assert main(["db", "check", "--db", str(db), "--recovery-code-file", str(short)]) == 1
    _one_line_error(capfd, "missing or extra character")
    other = service.create_store(tmp_path / "other" / "o.db", passphrase=PASS)
    other.close()
    f = tmp_path / "other-code.txt"
    f.write_text(other.recovery_code + "\n")
    assert main(["db", "check", "--db", str(db), "--recovery-code-file", str(f)]) == 1
    _one_line_error(capfd, "recovery code does not open this store")
    assert snapshot(db.parent) == before


def test_second_instance_is_refused(store, capfd):
    db, pp, _code = store
    with service.open_store(db, passphrase=PASS):
        before = snapshot(db.parent)
        for args in (["db", "check"], ["db", "backup"], ["demo-data", "--append"]):
            assert main([*args, "--db", str(db), "--passphrase-file", pp]) == 1
            _one_line_error(capfd, "already open in another Facilitator window")
        assert snapshot(db.parent) == before
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 0


def test_lost_keyring_entry_falls_back_and_is_stored_again(tmp_path, memory_keyring, capfd):
    pp = tmp_path / "pass.txt"
    pp.write_text(PASS + "\n")
    db = tmp_path / "s.db"
    rc = tmp_path / "rc.txt"
    assert (
        main(
            ["db", "init", "--db", str(db), "--passphrase-file", str(pp), "--recovery-out", str(rc)]
        )
        == 0
    )
    assert "system keyring" in capfd.readouterr().out
    code_file = tmp_path / "code.txt"
    code_file.write_text(rc.read_text().split("\n")[2].strip() + "\n")
    for fallback in (["--passphrase-file", str(pp)], ["--recovery-code-file", str(code_file)]):
        memory_keyring.items.clear()  # the OS keyring lost the entry
        assert main(["db", "check", "--db", str(db)]) == 1  # no terminal to ask on
        _one_line_error(capfd, "--passphrase-file", "--recovery-code-file")
        assert main(["db", "check", "--db", str(db), *fallback]) == 0
        out = capfd.readouterr()
        assert "healthy" in out.out and "it was stored again" in out.err
        assert len(memory_keyring.items) == 1
        assert main(["db", "check", "--db", str(db)]) == 0
        assert "unlocked by: keyring" in capfd.readouterr().out


@pytest.mark.parametrize("how", ["truncate_half", "middle_flipped", "text_file"])
def test_damaged_backup_never_replaces_the_live_store(store, tmp_path, capfd, how):
    db, pp, _code = store
    out = tmp_path / "b.bak"
    assert main(["db", "backup", "--db", str(db), "--passphrase-file", pp, "--out", str(out)]) == 0
    capfd.readouterr()
    _damage(out, how)
    before = snapshot(db.parent)
    assert (
        main(["db", "restore", "--from", str(out), "--db", str(db), "--passphrase-file", pp]) == 1
    )
    _one_line_error(capfd, "damaged")
    assert snapshot(db.parent) == before
    assert main(["db", "check", "--db", str(db), "--passphrase-file", pp]) == 0
