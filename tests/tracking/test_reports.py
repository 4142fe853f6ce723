"""Report objects built from real stores: privacy, disclosure and hand-checked numbers."""

import os
import re
from datetime import date

import pytest
from sqlalchemy import select

from facilitator.demo import generate_demo
from facilitator.store.db import Database
from facilitator.store.models import Base, Group, Note, Participant
from facilitator.tracking import attendance as att
from facilitator.tracking import measures as me
from facilitator.tracking import participants as pa
from facilitator.tracking.report_model import KeyFigures, Report
from facilitator.tracking.report_text import L
from facilitator.tracking.reports import (
    build_group_report,
    build_program_report,
    build_session_report,
)
from tests.tracking.conftest import make_session
from tests.tracking.reportcheck import all_text, check_table_disclosure, tables

CODE = re.compile(r"\b[A-Z]{2}-\d{2}\b")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("demo") / "demo.db", os.urandom(32))
    Base.metadata.create_all(db.engine)
    generate_demo(db, groups=7, weeks=20, seed=11)
    with db.session() as s:
        people = s.execute(select(Participant.code, Participant.alias)).all()
        groups = [g for (g,) in s.execute(select(Group.id).order_by(Group.name))]
    yield db, people, groups
    db.close()


def figures(report: Report) -> dict[str, str]:
    return {k: v for b in report.blocks if isinstance(b, KeyFigures) for k, v in b.items}


def assert_no_people(report: Report, people) -> None:
    text = "\n".join(all_text(report))
    assert not CODE.search(text), CODE.search(text)
    for _code, alias in people:
        if alias:
            assert not re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text), alias


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("external", [False, True])
def test_program_report_has_no_people_and_passes_disclosure(demo_db, lang, external):
    db, people, _ = demo_db
    report = build_program_report(
        db, date(2025, 1, 1), date(2025, 12, 31), lang, k=5, external=external
    )
    k = 11 if external else 5
    assert report.kind == "program" and report.practice is False
    assert report.audience == ("external" if external else "supervisor")
    assert_no_people(report, people)
    assert not any(ISO_DAY.search(t) for t in all_text(report))  # months only
    assert len(tables(report)) >= 4
    for table in tables(report):
        check_table_disclosure(table, k)
    if external:
        assert "11" in report.confidentiality
    if lang == "ar":
        assert report.title == "تقرير البرنامج"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_group_reports_have_no_people_and_pass_disclosure(demo_db, lang):
    db, people, groups = demo_db
    for gid in groups:
        report = build_group_report(db, gid, date(2025, 1, 1), date(2025, 6, 30), lang, k=5)
        assert report.audience == "supervisor" and report.practice is False
        assert_no_people(report, people)
        for table in tables(report):
            check_table_disclosure(table, 5)


def test_every_report_label_has_arabic():
    assert all(v["en"] and v["ar"] and v["ar"] != v["en"] for v in L.values())


@pytest.fixture
def small_group(raw_db):
    """Two real sessions (6 and 7 people), one practice run with 3, hand-checkable."""
    with raw_db.unit() as s:
        g = Group(name="Hand group", program_type="grief")
        s.add(g)
        s.flush()
        people = [pa.add_participant(s, g.id, alias=f"Alias{i}") for i in range(8)]
        s1, s2 = make_session(s, g.id, 0), make_session(s, g.id, 7)
        practice = make_session(s, g.id, 3, practice=True)
        for p in people[:6]:
            att.mark_attendance(s, s1.id, p.id)
        for p in people[1:8]:
            att.mark_attendance(s, s2.id, p.id)
        for p in people[:3]:
            att.mark_attendance(s, practice.id, p.id)
            me.record_response(s, practice.id, p.id, "checkin10", "pre", value=0)
            me.record_response(s, practice.id, p.id, "checkin10", "post", value=10)
        # check-in pairs in s1: diffs +1 x5 and +3 -> per person mean change 4/3 overall
        for i, p in enumerate(people[:6]):
            me.record_response(s, s1.id, p.id, "checkin10", "pre", value=4)
            me.record_response(s, s1.id, p.id, "checkin10", "post", value=7 if i == 0 else 5)
        me.record_response(s, s2.id, people[7].id, "checkin10", "pre", passed=True)
        s.add(Note(group_id=g.id, session_id=s1.id, body="Talked with alias0 & Alias1 after."))
        return g.id, s1.id, practice.id, [(p.code, p.alias) for p in people]


def test_group_report_numbers_by_hand_and_practice_excluded(raw_db, small_group):
    gid, *_ = small_group
    report = build_group_report(raw_db, gid, date(2025, 1, 1), date(2025, 3, 31), "en", k=5)
    assert report.period == "January 2025 to March 2025"
    f = figures(report)
    assert f["Sessions held"] == "2"
    assert f["Attendances"] == "13"
    assert f["Different participants"] == "8"
    assert f["Average attendance per session"] == "6.5"
    assert f["Passes"] == "x"
    attendance = next(t for t in tables(report) if t.columns[0] == "Date")
    # s1 (the group's first session: nobody returning, a reader knows): 6 new;
    # s2: 2 new, 5 returning. Hiding the 2 with a rectangle (5, 6 and s1's total)
    # is not enough: s1's total is its New (Returning is 0 there), so the audit hides
    # until every cell but the known 0 and the grand total is hidden; the 2 could
    # then be anything from 0 to 8.
    assert [r[1:] for r in attendance.rows] == [["x", "0", "x"], ["x", "x", "x"], ["x", "x", "13"]]
    d = report.release.decision
    small = next(c for c in d.small if c.endswith("|new"))
    assert d.ranges[small] == (0, 8)
    check_table_disclosure(attendance, 5)
    change = next(t for t in tables(report) if t.columns[0] == "Month")
    assert change.rows[-1][1:3] == ["6", "+1.3"]  # (3 + 1*5) / 6 = 1.33
    assert not any("Alias" in t for t in all_text(report))


def test_session_report_shows_codes_never_aliases(raw_db, small_group):
    gid, s1, practice, people = small_group
    report = build_session_report(raw_db, s1, "en")
    assert report.kind == "session" and report.audience == "facilitator"
    assert report.practice is False
    text = "\n".join(all_text(report))
    for code, alias in people[:6]:
        assert code in text
    assert "Alias" not in text and "alias0" not in text
    assert "Talked with [name removed] & [name removed] after." in text
    f = figures(report)
    assert (f["Attended"], f["New"], f["Absent with notice"]) == ("6", "6", "0")
    assert f["Mean change"] == "+1.3"
    roster = next(t for t in tables(report) if t.columns[0] == "Code")
    assert [r[0] for r in roster.rows] == sorted(c for c, _ in people[:6])
    assert report.period == "2025-03-03"
    practice_report = build_session_report(raw_db, practice, "ar")
    assert practice_report.practice is True
    assert practice_report.blocks[0].style == "warning"


def test_headcount_only_group(raw_db):
    with raw_db.unit() as s:
        g = Group(name="Drop-in", program_type="recovery", headcount_only=True)
        s.add(g)
        s.flush()
        ids = []
        for day, n in ((0, 9), (7, 3), (14, 12)):
            sess = make_session(s, g.id, day)
            att.set_headcount(s, sess.id, n)
            ids.append(sess.id)
        gid = g.id
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    head = next(t for t in tables(report) if t.columns[0] == "Date")
    assert [r[1] for r in head.rows] == ["x", "x", "12", "24"]  # 9 is the smallest partner
    session = build_session_report(raw_db, ids[0], "en")
    assert figures(session)["Headcount"] == "9"


@pytest.mark.parametrize(("lang", "word"), [("en", "Medium"), ("ar", "متوسطة")])
def test_session_report_names_incident_severity_in_words(raw_db, small_group, lang, word):
    """ "Severity 2" meant nothing to a reader: the protocol's word, in the report's language."""
    from facilitator.session.safety import record_incident
    from facilitator.tracking.report_text import severity

    gid, s1, _practice, _people = small_group
    with raw_db.unit() as s:
        record_incident(s, gid, s1, "boundary_breach", 2)
    report = build_session_report(raw_db, s1, lang)
    incidents = next(t for t in tables(report) if t.columns[1] == L["severity"][lang])
    assert [row[1] for row in incidents.rows] == [word]
    assert severity(3, lang) == {"en": "High", "ar": "مرتفعة"}[lang]
    assert severity(9, lang) == "9"  # a level the protocol does not know, as stored
