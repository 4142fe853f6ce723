"""``facilitator report ...``: real stores in, PDFs out, one-line errors on bad input."""

from __future__ import annotations

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
from tests.export.pdfcheck import page_texts

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def store(tmp_path, memory_keyring):
    """A passphrase-protected store with one group, eight people and six weekly sessions."""
    path = tmp_path / "data" / "f.db"
    path.parent.mkdir()
    created = create_store(path, passphrase=PASSPHRASE, use_keyring=False)
    start = datetime(2026, 9, 1, 18, 0, tzinfo=timezone.utc)
    with created.db.unit() as s:
        group = Group(name="Tuesday <b>grief</b> circle", program_type="grief")
        s.add(group)
        s.flush()
        people = [
            Participant(group_id=group.id, code=f"P{i:03d}", alias=f"Alias{i}") for i in range(8)
        ]
        s.add_all(people)
        s.flush()
        session_ids = []
        for week in range(6):
            when = start + timedelta(weeks=week)
            sess = Session(
                group_id=group.id,
                script_id="grief-loss-circle",
                script_version="1",
                started_at=when,
                ended_at=when + timedelta(minutes=90),
                status=SessionStatus.completed,
            )
            s.add(sess)
            s.flush()
            session_ids.append(sess.id)
            for i, p in enumerate(people):
                if (i + week) % 4 != 0:
                    s.add(
                        Attendance(
                            session_id=sess.id,
                            participant_id=p.id,
                            status=AttendanceStatus.present,
                            first_time=week == 0,
                        )
                    )
        group_id = group.id
    created.close()
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"db": str(path), "pass": str(pw), "group": group_id, "session": session_ids[2]}


def _args(store, *extra):
    return ["report", *extra, "--db", store["db"], "--passphrase-file", store["pass"]]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_group_report_from_a_real_store(store, tmp_path, lang, capsys):
    out = tmp_path / f"group-{lang}.pdf"
    code = main(
        _args(
            store,
            "group",
            "--group",
            store["group"],
            "--lang",
            lang,
            "--from",
            "2026-09-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out),
        )
    )
    assert code == 0, capsys.readouterr().err
    text = "\n".join(page_texts(out.read_bytes()))
    if lang == "en":
        assert "Tuesday <b>grief</b> circle" in text
        assert "Page 1 of" in text
    assert "Alias" not in text and "P001" not in text  # no aliases, no codes


def test_session_and_program_reports(store, tmp_path, capsys):
    session_pdf = tmp_path / "s.pdf"
    assert (
        main(_args(store, "session", "--session", store["session"], "--out", str(session_pdf))) == 0
    ), capsys.readouterr().err
    assert "Alias" not in "\n".join(page_texts(session_pdf.read_bytes()))
    program_pdf = tmp_path / "p.pdf"
    assert main(_args(store, "program", "--external", "--out", str(program_pdf))) == 0
    assert program_pdf.read_bytes().startswith(b"%PDF-")


def test_encrypted_output_with_password_file(store, tmp_path):
    from pypdf import PdfReader

    pw = tmp_path / "report-pass.txt"
    pw.write_text("report password\n", encoding="utf-8")
    out = tmp_path / "enc.pdf"
    assert (
        main(
            _args(
                store,
                "group",
                "--group",
                store["group"],
                "--out",
                str(out),
                "--password-file",
                str(pw),
            )
        )
        == 0
    )
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("report password").name != "NOT_DECRYPTED"


def test_handout_needs_no_store(tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    assert (
        main(
            [
                "report",
                "handout",
                "--script",
                "grief-loss-circle",
                "--lang",
                "ar",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Wrote" in capsys.readouterr().out


@pytest.mark.parametrize(
    "extra, message",
    [
        (["group", "--group", "nope"], "does not exist"),
        (["group"], "needs --group"),
        (["session", "--session", "nope"], "does not exist"),
        (["group", "--group", "x", "--from", "2026-13-01"], "not a date"),
        (["group", "--group", "x", "--from", "2026-05-01", "--to", "2026-04-30"], "after"),
        (["program", "--k", "1"], "--k must be"),
        (["group", "--group", "x", "--external"], "program report only"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(store, tmp_path, capsys, extra, message):
    out = tmp_path / "bad.pdf"
    assert main(_args(store, *extra, "--out", str(out))) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("facilitator: error:")]
    assert len(errors) == 1 and message in errors[0]
    assert not out.exists()


def test_unwritable_output_and_empty_password_file(store, tmp_path, capsys):
    assert main(_args(store, "program", "--out", str(tmp_path / "no" / "such" / "r.pdf"))) == 1
    assert "does not exist" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert (
        main(
            _args(store, "program", "--out", str(tmp_path / "r.pdf"), "--password-file", str(empty))
        )
        == 1
    )
    assert "empty" in capsys.readouterr().err
    assert (
        main(["report", "handout", "--script", "no-such-script", "--out", str(tmp_path / "h.pdf")])
        == 1
    )
    assert "no-such-script" in capsys.readouterr().err
