"""The one output-path rule: no command can write over the store, its key file, its
WAL/lock/backups, a device, a FIFO or a folder, nor replace a file without --force;
and the check happens before any work (no store created, no key rotated)."""

from __future__ import annotations

import os
import stat

import pytest

from facilitator.cli.main import main
from facilitator.store import service
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.outpath import (
    OutputExistsError,
    OutputPathError,
    check_output_path,
    check_store_target,
)

from .conftest import PASS, snapshot


@pytest.fixture
def store(tmp_path, no_keyring, capfd):
    pp = tmp_path / "pass.txt"
    pp.write_text(PASS + "\n")
    db = tmp_path / "data" / "s.db"
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(db),
                "--passphrase-file",
                str(pp),
                "--recovery-out",
                str(tmp_path / "rc.txt"),
            ]
        )
        == 0
    )
    assert main(["db", "backup", "--db", str(db), "--passphrase-file", str(pp)]) == 0
    capfd.readouterr()
    return db, str(pp)


def _one_line(capfd, *words):
    err = capfd.readouterr().err
    assert err.startswith("facilitator: error: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err, err
    return err


def _store_targets(db):
    backups = db.parent / "backups"
    kept = sorted(backups.glob("*.bak"))[0]
    return [
        db,
        keyfile_path(db),
        db.with_name(db.name + "-wal"),
        db.with_name(db.name + "-shm"),
        db.with_name(db.name + ".lock"),
        db.with_name(db.name + ".keys.pending"),
        backups / "new.pdf",
        kept,
        keyfile_path(kept),
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "who5-form", "--force"],
        ["report", "handout", "--script", "sharing-circle", "--force"],
        ["db", "backup", "--force"],
        ["keys", "export-public", "--force"],
        ["bundle", "receipt", "--for", "abc", "--force"],
    ],
)
def test_nothing_that_belongs_to_the_store_is_ever_an_output(store, capfd, argv):
    db, pp = store
    before = snapshot(db.parent)
    for target in _store_targets(db):
        extra = (
            ["--db", str(db), "--passphrase-file", pp]
            if argv[0] in ("db", "keys", "bundle")
            else []
        )
        assert main([*argv, *extra, "--out", str(target)]) == 1, target
        _one_line(capfd, "belongs to the store")
    assert snapshot(db.parent) == before
    with service.open_store(db, passphrase=PASS) as st:
        assert st.unlocked_by == "passphrase"


def test_symlinks_and_hard_links_to_the_store_are_caught(store, tmp_path, capfd):
    db, _pp = store
    link = tmp_path / "innocent.pdf"
    link.symlink_to(keyfile_path(db))
    hard = tmp_path / "hard.pdf"
    os.link(db, hard)
    for target in (link, hard):
        assert main(["report", "who5-form", "--out", str(target), "--force"]) == 1
        _one_line(capfd, "belongs to the store")
    assert KeyFile.load(keyfile_path(db))  # still a key file


def test_devices_fifos_and_folders_are_refused(store, tmp_path, capfd):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, words in (
        ("/dev/null", "device"),
        ("/dev/full", "device"),
        (str(fifo), "device, pipe"),
        (str(tmp_path), "folder"),
    ):
        assert main(["report", "who5-form", "--out", target, "--force"]) == 1
        _one_line(capfd, words)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_existing_file_needs_force(tmp_path, capfd):
    out = tmp_path / "forms.pdf"
    out.write_bytes(b"precious")
    assert main(["report", "who5-form", "--out", str(out)]) == 1
    _one_line(capfd, "already exists", "--force")
    assert out.read_bytes() == b"precious"
    assert main(["report", "who5-form", "--out", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    with pytest.raises(OutputExistsError):  # the app catches exactly this, then asks
        check_output_path(out)
    assert check_output_path(out, overwrite=True) == out


def test_any_store_is_recognised_even_one_never_opened(tmp_path, no_keyring):
    other = tmp_path / "elsewhere" / "x.db"
    service.create_store(other, passphrase=PASS).close()
    for target in (other, keyfile_path(other), other.with_name("x.db-wal")):
        with pytest.raises(OutputPathError, match="belongs to the store"):
            check_output_path(target, overwrite=True, stores=[])


def test_db_init_on_a_device_or_another_stores_key_file(store, tmp_path, capfd):
    db, pp = store
    assert main(["db", "init", "--db", "/dev/null", "--passphrase-file", pp]) == 1
    _one_line(capfd, "device")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    before = snapshot(db.parent)
    assert main(["db", "init", "--db", str(keyfile_path(db)), "--passphrase-file", pp]) == 1
    _one_line(capfd, "belongs to the store")
    assert snapshot(db.parent) == before
    with pytest.raises(OutputPathError):
        check_store_target(tmp_path)


def test_recovery_out_is_checked_before_the_store_is_made_or_the_key_turned(store, tmp_path, capfd):
    db, pp = store
    new = tmp_path / "new.db"
    assert (
        main(
            [
                "db",
                "init",
                "--db",
                str(new),
                "--passphrase-file",
                pp,
                "--recovery-out",
                str(keyfile_path(db)),
            ]
        )
        == 1
    )
    _one_line(capfd, "belongs to the store")
    assert not new.exists() and not keyfile_path(new).exists()
    before = snapshot(db.parent)
    existing = tmp_path / "rc.txt"  # written by the fixture's init
    assert (
        main(
            [
                "db",
                "rekey",
                "--db",
                str(db),
                "--passphrase-file",
                pp,
                "--recovery-out",
                str(existing),
            ]
        )
        == 1
    )
    _one_line(capfd, "already exists")
    assert snapshot(db.parent) == before  # the key was not rotated


def test_backup_out_checks_its_key_file_too(store, tmp_path, capfd):
    db, pp = store
    out = tmp_path / "b.bak"
    keyfile_path(out).write_text("mine")  # someone's file where the backup's key would go
    assert (
        main(
            ["db", "backup", "--db", str(db), "--passphrase-file", pp, "--out", str(out), "--force"]
        )
        == 1
    )
    _one_line(capfd, "belongs to the store")  # a name with a key file beside it is a store
    assert not out.exists() and keyfile_path(out).read_text() == "mine"
    # an earlier backup (database + key file) is a store too: never overwritten
    first = tmp_path / "first.bak"
    assert (
        main(["db", "backup", "--db", str(db), "--passphrase-file", pp, "--out", str(first)]) == 0
    )
    capfd.readouterr()
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
                str(first),
                "--force",
            ]
        )
        == 1
    )
    _one_line(capfd, "belongs to the store")


def test_a_recovery_key_secret_never_lands_on_the_store(store, tmp_path, capfd):
    db, _pp = store
    before = snapshot(db.parent)
    assert (
        main(
            [
                "keys",
                "recovery-new",
                "--out-public",
                str(tmp_path / "pub.txt"),
                "--out-secret",
                str(keyfile_path(db)),
            ]
        )
        == 1
    )
    _one_line(capfd, "belongs to the store")
    assert snapshot(db.parent) == before and not (tmp_path / "pub.txt").exists()
