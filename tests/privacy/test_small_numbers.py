"""Promise: small numbers are suppressed in every report that leaves the facilitator.

A group of three people who come every week is the hard case: every count about
people is between 1 and k-1. Group and program reports must hide them behind the one
symbol "x" (k = 5, or 11 with ``--k 11`` or ``--external``, named in the legend), and
no table, chart or people figure may carry the exact small count.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FollowUp,
    Group,
    Incident,
    MeasureResponse,
    Participant,
    Phase,
    Session,
    SessionStatus,
)
from facilitator.tracking import report_text as rt
from facilitator.tracking import reports
from facilitator.tracking.report_model import Chart, KeyFigures, Table
from facilitator.tracking.measures import ensure_builtin_measures

from .helpers import fold, init_store, ok, pdf_text

PEOPLE, WEEKS = 3, 6
FIRST = datetime(2025, 3, 3, 18, tzinfo=timezone.utc)


def fill_tiny_group(db) -> str:
    with db.unit() as s:
        measures = {k: m.id for k, m in ensure_builtin_measures(s).items()}
        group = Group(name="Tiny circle", program_type="mutual_support")
        s.add(group)
        s.flush()
        people = [
            Participant(group_id=group.id, code=code)
            for code in ("KT-47", "MW-93", "PH-66")[:PEOPLE]
        ]
        s.add_all(people)
        s.flush()
        for week in range(WEEKS):
            start = FIRST + timedelta(days=7 * week)
            sess = Session(
                group_id=group.id,
                script_id="mutual-support-circle",
                script_version="1.0",
                planned_start=start,
                started_at=start,
                ended_at=start + timedelta(minutes=90),
                status=SessionStatus.completed,
            )
            s.add(sess)
            s.flush()
            for n, p in enumerate(people):
                s.add(
                    Attendance(
                        session_id=sess.id,
                        participant_id=p.id,
                        status=AttendanceStatus.present,
                        first_time=week == 0,
                    )
                )
                for phase, value in ((Phase.pre, 3.0 + n), (Phase.post, 5.0 + n)):
                    s.add(
                        MeasureResponse(
                            session_id=sess.id,
                            participant_id=p.id,
                            measure_id=measures["checkin10"],
                            phase=phase,
                            value=value,
                        )
                    )
                if week % 4 == 0:
                    s.add(
                        MeasureResponse(
                            session_id=sess.id,
                            participant_id=p.id,
                            measure_id=measures["who5"],
                            phase=Phase.single,
                            value=40.0 + 8 * n,
                        )
                    )
            if week in (1, 3):
                s.add(
                    Incident(
                        group_id=group.id,
                        session_id=sess.id,
                        type="boundary_breach",
                        severity=1,
                        follow_up=FollowUp.done,
                        created_at=start,
                    )
                )
        return group.id


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tiny")
    store = init_store(tmp / "store", tmp / "secrets")
    with store.open() as opened:
        gid = fill_tiny_group(opened.db)
    store.group_ids = [gid]
    return dict(store=store, tmp=tmp, gid=gid)


def small_values(report, k: int) -> list[str]:
    """Exact counts from 1 to k-1 that a reader could see in tables, charts, or the
    people figures of the overview."""
    bad = []
    people_labels = {rt.t(key, report.lang) for key in ("unique", "attendances")}
    for block in report.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in list(row)[1:]:  # column 0 holds labels (dates, months, types)
                    if re.fullmatch(r"\d+", cell.strip()) and 1 <= int(cell) < k:
                        bad.append(f"table {block.columns}: {row}")
        elif isinstance(block, Chart):
            for series in block.series:
                for v in series.values:
                    if v is not None and float(v).is_integer() and 1 <= v < k:
                        bad.append(f"chart {block.title} / {series.name}: {v}")
        elif isinstance(block, KeyFigures):
            for label, value in block.items:
                if label in people_labels and re.fullmatch(r"\d+", value) and 1 <= int(value) < k:
                    bad.append(f"figure {label}: {value}")
    return bad


def shown_marks(report) -> set[str]:
    cells = set()
    for block in report.blocks:
        if isinstance(block, Table):
            cells |= {c for row in block.rows for c in row}
        elif isinstance(block, KeyFigures):
            cells |= {v for _, v in block.items}
    return {c for c in cells if re.fullmatch(r"<\d+|x|\*", c)}


CASES = [  # (kind, k passed, external, k in force)
    ("group", 5, False, 5),
    ("group", 11, False, 11),
    ("program", 5, False, 5),
    ("program", 11, False, 11),
    ("program", 5, True, 11),
]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind,k,external,k_used", CASES)
def test_report_objects_hide_small_counts(tiny, kind, k, external, k_used, lang):
    with tiny["store"].open() as opened:
        if kind == "group":
            report = reports.build_group_report(opened.db, tiny["gid"], None, None, lang, k=k)
        else:
            report = reports.build_program_report(
                opened.db, None, None, lang, k=k, external=external
            )
    # one symbol for every hidden cell, whatever the reason it is hidden
    assert shown_marks(report) == {"x"}
    assert not small_values(report, k_used)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind,k,external,k_used", CASES)
def test_pdf_shows_the_threshold_in_force(tiny, kind, k, external, k_used, lang):
    store, tmp = tiny["store"], tiny["tmp"]
    args = ["report", kind, *store.unlock_args(), "--lang", lang, "--k", str(k)]
    args += ["--group", tiny["gid"]] if kind == "group" else []
    args += ["--external"] if external else []
    out = tmp / f"{kind}-{k}-{external}-{lang}.pdf"
    ok(*args, "--out", out)
    text = fold(pdf_text(out))
    # the legend names the threshold in force; no cell says "<k" any more
    other = 11 if k_used == 5 else 5
    if lang == "en":
        assert f"from1to{k_used - 1}can" in text
        assert f"from1to{other - 1}can" not in text
    else:
        assert str(k_used - 1) in text
    assert f"<{k_used}" not in text and f">{k_used}" not in text


def test_control_the_facilitators_own_summary_does_show_exact_counts(tiny):
    """The session summary is not disclosure-controlled, so the checker must flag it;
    otherwise the checks above could not fail."""
    with tiny["store"].open() as opened, opened.db.session() as s:
        sid = s.scalars(select(Session.id)).first()
        report = reports.build_session_report(opened.db, sid, "en")
    figures = [b for b in report.blocks if isinstance(b, KeyFigures)]
    assert any(v == str(PEOPLE) for b in figures for _, v in b.items)
    relabelled = [KeyFigures([(rt.t("unique", "en"), v) for _, v in b.items]) for b in figures]
    report.blocks = relabelled
    assert small_values(report, 5)


def _int(cell: str) -> int | None:
    return int(cell) if re.fullmatch(r"\d+", cell.strip()) else None


def recoverable_across_tables(report, k: int) -> list[str]:
    """Small counts a reader can work out by combining the program report's two
    attendance tables.

    Attendance appears by month (with a total row) and by programme type (with a
    total row); both total rows state the same period totals for "New" and
    "Attendances", and the overview states the attendance total again. Were each
    table suppressed on its own (the bug this guards against), a total shown in one
    place and all but one cell of a column shown in the other would give the hidden
    cell by subtraction.
    """
    lang = report.lang
    tables = [b for b in report.blocks if isinstance(b, Table)]
    by_month = next(
        t
        for t in tables
        if t.columns[0] == rt.t("month", lang) and rt.t("headcount", lang) in t.columns
    )
    by_type = next(
        t
        for t in tables
        if t.columns[0] == rt.t("program_type", lang) and rt.t("sessions_held", lang) in t.columns
    )
    overview = next(b for b in report.blocks if isinstance(b, KeyFigures))
    leaks = []
    for key in ("new", "attendances"):
        name = rt.t(key, lang)
        columns = [[r[t.columns.index(name)] for r in t.rows] for t in (by_month, by_type)]
        totals = {_int(col[-1]) for col in columns}
        if key == "attendances":
            totals |= {_int(v) for label, v in overview.items if label == name}
        totals.discard(None)
        for total in totals:
            for col in columns:
                cells = col[:-1]
                hidden = [c for c in cells if _int(c) is None]
                if len(hidden) == 1:
                    value = total - sum(_int(c) for c in cells if _int(c) is not None)
                    if 1 <= value < k:
                        leaks.append(f"{name}: hidden {hidden[0]!r} = {total} - shown = {value}")
    return leaks


@pytest.mark.parametrize("k,external,k_used", [(5, False, 5), (11, False, 11), (5, True, 11)])
def test_program_report_tables_do_not_give_away_each_other(tiny, k, external, k_used):
    """By-month and by-programme-type attendance share their totals, so a cell hidden
    in one cannot be recomputed from a total the other shows."""
    with tiny["store"].open() as opened:
        report = reports.build_program_report(opened.db, None, None, "en", k=k, external=external)
    assert not recoverable_across_tables(report, k_used)
