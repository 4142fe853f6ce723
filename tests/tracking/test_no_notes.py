"""No-notes sessions (first-responder defusing) keep only date, headcount and phases
done: the session summary shows exactly that, and group and program reports count
the session's headcount and nothing else of it."""

from datetime import date

import pytest

from facilitator.session.persistence import no_notes_record
from facilitator.tracking.report_model import KeyFigures
from facilitator.tracking.reports import (
    build_group_report,
    build_program_report,
    build_session_report,
)
from tests.tracking import nonotes
from tests.tracking.reportcheck import all_text, check_table_disclosure, tables


@pytest.fixture
def defusing(raw_db):
    return nonotes.build(raw_db)


def _figures(report):
    return {k: v for b in report.blocks if isinstance(b, KeyFigures) for k, v in b.items}


def _assert_nothing_more(report, d):
    text = "\n".join(all_text(report))
    for code, alias in zip(d.codes, d.aliases):
        assert code not in text and alias not in text
    for leak in (nonotes.NOTE, nonotes.INCIDENT, "stairwell", "nightmares"):
        assert leak not in text
    assert not tables(report)  # no roster, no scores, no step list, no incident table


def test_finished_no_notes_summary_shows_date_headcount_phases_only(raw_db, defusing):
    record = no_notes_record(raw_db, defusing.session_id)
    assert record.headcount == 7 and record.phases_done == ("introduction", "exploration")
    en = build_session_report(raw_db, defusing.session_id, "en")
    assert _figures(en) == {
        "Date": "2025-03-12",
        "Headcount": "7",
        "Phases done": "Introduction, Exploration",
    }
    _assert_nothing_more(en, defusing)
    for absent in (
        "Check-in",
        "Incidents",
        "Notes",
        "Fidelity",
        "Script",
        "Status",
        "Attended",
        "Pass",
    ):
        assert not any(absent in t for t in all_text(en)), absent
    ar = build_session_report(raw_db, defusing.session_id, "ar")
    assert _figures(ar) == {
        "التاريخ": "2025-03-12",
        "عدد الحاضرين": "7",
        "المراحل التي تمّت": "التمهيد، الاستكشاف",
    }
    _assert_nothing_more(ar, defusing)
    assert ar.period == en.period == "2025-03-12"


def test_open_no_notes_summary_works_phases_out_from_the_log(raw_db, defusing):
    """No finish entry yet (the app closed mid-session): same answer as the session layer."""
    record = no_notes_record(raw_db, defusing.open_id)
    en = build_session_report(raw_db, defusing.open_id, "en")
    assert record.phases_done == ("introduction", "exploration") and record.headcount == 5
    assert _figures(en) == {
        "Date": "2025-03-20",
        "Headcount": "5",
        "Phases done": "Introduction, Exploration",
    }
    _assert_nothing_more(en, defusing)


def test_an_ordinary_session_of_the_group_keeps_its_detail(raw_db, defusing):
    report = build_session_report(raw_db, defusing.regular_id, "en")
    assert any(t.columns[0] == "Code" for t in tables(report))
    assert _figures(report)["Attended"] == "6"


def test_group_report_counts_the_headcount_and_nothing_else(raw_db, defusing):
    report = build_group_report(
        raw_db, defusing.group_id, date(2025, 1, 1), date(2025, 3, 31), "en", k=5
    )
    f = _figures(report)
    assert f["Sessions held"] == "2"  # the open one is not held yet
    assert f["Attendances"] == "13"  # 6 + the defusing's 7
    assert f["Different participants"] == "6"  # who came to the defusing is not kept
    attendance = next(t for t in tables(report) if t.columns[0] == "Date")
    assert attendance.columns == ["Date", "New", "Returning", "Headcount", "Attended"]
    assert [r[1:] for r in attendance.rows] == [
        ["6", "0", "0", "6"],
        ["0", "0", "7", "7"],
        ["6", "0", "7", "13"],
    ]
    check_table_disclosure(attendance, 5)
    change = next(t for t in tables(report) if t.columns[0] == "Month")
    # only the ordinary session's six pairs (+2 each); the defusing's +7 never counts
    assert change.rows[-1][1:3] == ["6", "+2.0"]
    # the defusing's risk disclosure still counts (type only; no text anywhere)
    incident_tables = [t for t in tables(report) if t.columns[0] == "Type"]
    assert len(incident_tables) == 1
    rows = {r[0]: r[1:] for r in incident_tables[0].rows}
    assert rows["Risk disclosure"] == ["x", "0", "0", "x"]  # every type listed, 0s too
    assert rows["Other"] == ["0", "0", "0", "0"] and rows["Total"] == ["x", "0", "0", "x"]
    # fidelity is judged on the ordinary session alone (40 minutes over, not 40 / 2)
    assert f["Mean overrun per session (minutes)"] == "40.0"
    _assert_no_people(report, defusing)


def test_program_report_counts_the_headcount_as_headcount_visits(raw_db, defusing):
    report = build_program_report(raw_db, None, None, "en", k=2)
    trend = next(t for t in tables(report) if t.columns[0] == "Month")
    assert trend.columns[1:] == ["New", "Returning", "Headcount", "Attendances"]
    assert trend.rows[-1][1:] == ["6", "0", "7", "13"]
    incidents = [t for t in tables(report) if t.columns[0] == "Type"]
    assert len(incidents) == 1 and incidents[0].rows[-1][-1] == "x"  # counted, hidden
    _assert_no_people(report, defusing)


def _assert_no_people(report, d):
    text = "\n".join(all_text(report))
    for code, alias in zip(d.codes, d.aliases):
        assert code not in text and alias not in text
    assert nonotes.INCIDENT not in text and nonotes.NOTE not in text


def test_no_notes_sessions_are_left_out_of_fidelity():
    from datetime import date

    from facilitator.tracking.analytics import SessionRow
    from facilitator.tracking.fidelity import ScriptInfo, fidelity

    info = {"s": ScriptInfo(mandatory=frozenset({"a"}))}
    rows = [
        SessionRow("1", "g", date(2025, 1, 1), script_id="s"),
        SessionRow("2", "g", date(2025, 1, 8), script_id="s", no_notes=True),
    ]
    assert fidelity(rows, [], info).sessions == 1
    assert fidelity(rows, [], info).mandatory_total == 1
