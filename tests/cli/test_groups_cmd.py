"""``facilitator groups add|rename|archive`` and ``participants add|list``: a store
built without the app, through the same services as the screens."""

from __future__ import annotations

import pytest

from facilitator.cli.main import main
from facilitator.store.models import Group, Participant
from facilitator.store.service import create_store, open_store

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def store(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")
    path = tmp_path / "f.db"
    create_store(path, passphrase=PASSPHRASE).close()  # the key also in the (memory) keyring
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"db": str(path), "pass": str(pw)}


def _run(store, capsys, *args):
    code = main([*args, "--db", store["db"], "--passphrase-file", store["pass"]])
    out = capsys.readouterr()
    return code, out.out, out.err


def _groups(store):
    with (
        open_store(store["db"], passphrase=PASSPHRASE, use_keyring=False) as opened,
        opened.db.unit() as s,
    ):
        return {g.id: (g.name, g.program_type, g.language, g.archived) for g in s.query(Group)}, {
            p.code: p.group_id for p in s.query(Participant)
        }


def test_build_a_store_from_the_command_line(store, capsys):
    code, out, err = _run(
        store, capsys, "groups", "add", "Tuesday circle", "--type", "grief", "--lang", "ar"
    )
    assert code == 0 and "error" not in err
    gid = out.strip()
    assert _groups(store)[0] == {gid: ("Tuesday circle", "grief", "ar", False)}

    assert _run(store, capsys, "groups", "rename", gid, "Wednesday circle")[0] == 0
    codes = []
    for _ in range(3):
        code, out, _ = _run(store, capsys, "participants", "add", "--group", gid)
        assert code == 0
        codes.append(out.strip())
    code, out, _ = _run(store, capsys, "participants", "list", "--group", gid)
    assert code == 0 and sorted(out.split()) == sorted(codes)
    groups, people = _groups(store)
    assert groups[gid][0] == "Wednesday circle" and people == {c: gid for c in codes}

    code, out, _ = _run(store, capsys, "groups")
    assert "Wednesday circle" in out
    assert _run(store, capsys, "groups", "archive", gid)[0] == 0
    code, out, _ = _run(store, capsys, "groups")
    assert code == 0 and "Wednesday circle" not in out
    assert _groups(store)[0][gid][3] is True
    assert _run(store, capsys, "groups", "archive", gid, "--undo")[0] == 0
    assert _groups(store)[0][gid][3] is False


@pytest.mark.parametrize(
    "args, words",
    [
        (("groups", "add", "   "), "needs a name"),
        (("groups", "add", "Circle", "--type", "astrology"), "kind of group"),
        (("groups", "add", "Circle", "--lang", "fr"), "language"),
        (("groups", "rename", "nope", "X"), "does not exist"),
        (("groups", "archive", "nope"), "does not exist"),
        (("participants", "add", "--group", "nope"), "does not exist"),
        (("participants", "list", "--group", "nope"), "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(store, capsys, args, words):
    code, out, err = _run(store, capsys, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("facilitator: error:") and words in err
    assert _groups(store) == ({}, {})
