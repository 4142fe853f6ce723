"""``facilitator groups`` / ``facilitator sessions``: ids for reports, no people in them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from facilitator.cli.main import main
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Group,
    Participant,
    Session,
    SessionStatus,
)
from facilitator.store.service import create_store

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def store(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")
    path = tmp_path / "f.db"
    created = create_store(path, passphrase=PASSPHRASE, use_keyring=False)
    start = datetime(2026, 9, 1, 18, 0, tzinfo=timezone.utc)
    with created.db.unit() as s:
        grief = Group(name="Tuesday grief circle", program_type="grief")
        old = Group(name="Old circle", program_type="general", archived=True)
        s.add_all([grief, old])
        s.flush()
        people = [
            Participant(group_id=grief.id, code=f"K{i:03d}", alias=f"Alias{i}") for i in range(6)
        ]
        s.add_all(people)
        s.flush()
        for week, practice in [(0, False), (1, False), (2, True)]:
            when = start + timedelta(weeks=week)
            sess = Session(
                group_id=grief.id,
                script_id="grief-loss-circle",
                script_version="1",
                started_at=when,
                status=SessionStatus.completed,
                is_practice=practice,
            )
            s.add(sess)
            s.flush()
            for i, p in enumerate(people[: 4 + week]):
                s.add(
                    Attendance(
                        session_id=sess.id,
                        participant_id=p.id,
                        status=(
                            AttendanceStatus.absent_notice if i == 0 else AttendanceStatus.present
                        ),
                    )
                )
        ids = {"grief": grief.id, "old": old.id}
    created.close()
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"db": str(path), "pass": str(pw), **ids}


def _run(store, capsys, *args):
    code = main([*args, "--db", store["db"], "--passphrase-file", store["pass"]])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_groups_lists_real_sessions_only_and_hides_archived(store, capsys):
    code, out, _ = _run(store, capsys, "groups", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["Tuesday grief circle"]
    assert rows[0]["id"] == store["grief"]
    assert rows[0]["sessions"] == 2  # the practice session does not count
    assert rows[0]["last_session"] == "2026-09-08"
    code, out, _ = _run(store, capsys, "groups", "--archived")
    lines = out.strip().splitlines()
    assert lines[0].split("\t")[:2] == ["id", "name"]
    assert {line.split("\t")[1] for line in lines[1:]} == {"Tuesday grief circle", "Old circle"}


def test_sessions_count_people_present_and_never_show_codes(store, capsys):
    code, out, _ = _run(store, capsys, "sessions", "--group", store["grief"])
    assert code == 0
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert rows[0] == ["id", "date", "script", "status", "people"]
    assert [(r[1], r[4]) for r in rows[1:]] == [("2026-09-01", "3"), ("2026-09-08", "4")]
    assert "K00" not in out and "Alias" not in out
    code, out, _ = _run(
        store, capsys, "sessions", "--group", store["grief"], "--practice", "--json"
    )
    assert [r["practice"] for r in json.loads(out)] == [False, False, True]


def test_unknown_group_is_one_line_and_exit_1(store, capsys):
    code, out, err = _run(store, capsys, "sessions", "--group", "no-such-group")
    assert code == 1
    assert "No group with id no-such-group" in err
    errors = [line for line in err.splitlines() if line.startswith("facilitator: error:")]
    assert len(errors) == 1 and "Traceback" not in err


def test_a_database_error_outside_a_unit_is_one_line(store, capsys, monkeypatch):
    """Reads that fail in the driver (a damaged page) get the store's plain sentence."""
    import sqlcipher3

    import facilitator.cli.list_cmd as list_cmd

    def damaged(*_a, **_k):
        raise sqlcipher3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(list_cmd, "group_rows", damaged)
    code, _, err = _run(store, capsys, "groups")
    assert code == 1
    assert "damaged" in err and "db check" in err and "Traceback" not in err


def test_an_unexpected_error_is_named_in_one_line(store, capsys, monkeypatch):
    import facilitator.cli.list_cmd as list_cmd

    def bug(*_a, **_k):
        raise KeyError("surprise")

    monkeypatch.setattr(list_cmd, "group_rows", bug)
    code, _, err = _run(store, capsys, "groups")
    assert code == 1 and "unexpected KeyError" in err and "Traceback" not in err
    monkeypatch.setenv("FACILITATOR_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["groups", "--db", store["db"], "--passphrase-file", store["pass"]])


def test_a_reader_that_goes_away_is_not_an_error(store):
    """``facilitator groups --json | head -0``: no traceback, no error line."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "FACILITATOR_KDF_PROFILE": "test"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "facilitator",
            "groups",
            "--json",
            "--db",
            store["db"],
            "--passphrase-file",
            store["pass"],
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # the reader leaves before anything is written
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert "Traceback" not in err and "error" not in err, err
    assert code == 141
