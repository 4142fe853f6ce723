"""Periods that cannot be sliced, and the release register, through the CLI.

Every refused cut is one line on stderr, exit code 1, and nothing written (no PDF,
no register entry). A written group or program report is recorded in the register;
``report register`` lists it without names; clearing it needs ``--yes``.
"""

from __future__ import annotations

import pytest

from facilitator.tracking import release

from .helpers import demo_store, ok, pdf_text, run_cli


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("register")
    s = demo_store(tmp / "store", tmp / "secrets", groups=3, weeks=14)
    return dict(store=s, tmp=tmp)


REFUSED = [  # (kind, --from, --to, words in the message)
    ("program", "2025-01-01", "2025-01-30", "does not end a month"),
    ("program", "2025-01-02", "2025-01-31", "does not start a month"),
    ("program", "2025-01-15", None, "does not start a month"),
    ("program", None, "2025-03-15", "does not end a month"),
    ("group", "2025-02-01", "2025-02-27", "does not end a month"),
    ("group", "2025-03-01", "2025-01-31", "is after --to"),
]


@pytest.mark.parametrize("kind,start,end,words", REFUSED)
def test_refused_periods_one_line_exit_1_nothing_written(store, kind, start, end, words):
    s, tmp = store["store"], store["tmp"]
    out = tmp / f"refused-{kind}-{start}-{end}.pdf"
    args = ["report", kind, *s.unlock_args(), "--out", out]
    args += ["--group", s.group_ids[0]] if kind == "group" else []
    args += ["--from", start] if start else []
    args += ["--to", end] if end else []
    before = _entries(s)
    result = run_cli(*args)
    assert result.rc == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.err
    if "month" in words:
        assert "whole calendar months" in lines[0]
    assert "Traceback" not in result.err and result.out == ""
    assert not out.exists()
    assert _entries(s) == before


def _entries(s):
    with s.open() as opened:
        return len(release.entries(opened.db))


def test_written_reports_are_registered_listed_and_cleared(store):
    s, tmp = store["store"], store["tmp"]
    unlock = s.unlock_args()
    ok("report", "register", *unlock, "--clear", "--yes")
    assert "empty" in ok("report", "register", *unlock).out
    ok(
        "report",
        "program",
        *unlock,
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--out",
        tmp / "q1.pdf",
    )
    ok(
        "report",
        "program",
        *unlock,
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--external",
        "--lang",
        "ar",
        "--out",
        tmp / "q1-ext.pdf",
    )
    ok(
        "report",
        "group",
        *unlock,
        "--group",
        s.group_ids[0],
        "--from",
        "2025-02-01",
        "--to",
        "2025-02-28",
        "--out",
        tmp / "feb.pdf",
    )
    ok("report", "session", *unlock, "--session", _a_session(s), "--out", tmp / "s.pdf")
    listing = ok("report", "register", *unlock).out.strip().splitlines()
    assert len(listing) == 4  # a header and the three group/program reports, no session
    assert "program  internal  2025-01..2025-03" in listing[1]
    assert "program  external  2025-01..2025-03   11" in listing[2]
    assert "group    internal  2025-02..2025-02" in listing[3]
    with s.open() as opened, opened.db.session() as db:
        from facilitator.store.models import Group
        from facilitator.store.models_release import ReportRelease

        names = [g.name for g in db.query(Group)]
        stored = " ".join(str(r.cells) for r in db.query(ReportRelease))
    assert names and not any(n in stored for n in names)  # no names in the register
    refused = run_cli("report", "register", *unlock, "--clear")
    assert refused.rc == 1 and "--yes" in refused.err and len(refused.err.splitlines()) == 1
    assert _entries(s) == 3
    assert "3 entries" in ok("report", "register", *unlock, "--clear", "--yes").out
    assert _entries(s) == 0


def test_the_pdf_names_the_period_used_and_the_one_symbol(store):
    s, tmp = store["store"], store["tmp"]
    out = tmp / "period.pdf"
    ok(
        "report",
        "program",
        *s.unlock_args(),
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--out",
        out,
    )
    text = pdf_text(out)
    assert "January 2025 to March 2025" in text
    assert "x: not shown" in text


def _a_session(s) -> str:
    from .helpers import session_ids

    return session_ids(s, practice=False)[0]
