"""The program report says whom the groups reach (age band, gender), never per group,
never crossed, and under the same small-number rules as every other count."""

from __future__ import annotations

from datetime import date

from facilitator.store.models import Attendance, AttendanceStatus, Group, Participant
from facilitator.tracking.reports import build_group_report, build_program_report
from tests.tracking.conftest import make_session
from tests.tracking.reportcheck import all_text, check_table_disclosure, tables

# 14 people: (age band, gender); None = not asked
PEOPLE = (
    [("25_34", "woman")] * 6
    + [("35_44", "man")] * 5
    + [("65_plus", None)] * 2
    + [(None, "another")]
)


def _store(raw_db, *, practice_extra: bool = False) -> str:
    with raw_db.unit() as s:
        g = Group(name="Harbour circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        people = [
            Participant(group_id=g.id, code=f"AJ-{10 + i}", age_band=band, gender=gender)
            for i, (band, gender) in enumerate(PEOPLE)
        ]
        never = Participant(group_id=g.id, code="ZZ-99", age_band="18_24", gender="man")
        s.add_all([*people, never])
        s.flush()
        for week in range(3):
            sess = make_session(s, g.id, 7 * week)
            for p in people:  # everyone comes to all three: still counted once
                s.add(Attendance(session_id=sess.id, participant_id=p.id))
            s.add(
                Attendance(
                    session_id=sess.id,
                    participant_id=never.id,
                    status=AttendanceStatus.absent_notice,
                )
            )  # did not attend
        practice = make_session(s, g.id, 30, practice=True)
        extra = Participant(group_id=g.id, code="PR-11", age_band="45_54", gender="woman")
        s.add(extra)
        s.flush()
        s.add(Attendance(session_id=practice.id, participant_id=extra.id))
        return g.id


Q1 = (date(2025, 1, 1), date(2025, 3, 31))  # reach is shown for a quarter or a year only


def _table(report, first_column):
    return next(t for t in tables(report) if t.columns[0] == first_column)


def test_hand_counted_reach_with_suppression(raw_db):
    gid = _store(raw_db)
    report = build_program_report(raw_db, *Q1, "en", k=5)
    age = _table(report, "Age band")
    assert age.columns == ["Age band", "Different participants"]
    rows = {r[0]: r[1] for r in age.rows}
    # 2 (65+) and 1 (not recorded) are below k; hidden alone they would sum to
    # 14 - 11 = 3, so the audit hides 35-44 (5) too: the three could be 0 to 8 each
    assert rows["25 to 34"] == "6" and rows["35 to 44"] == "x"
    assert rows["65 or over"] == "x" and rows["Not recorded"] == "x"
    assert rows["Total"] == "14"
    # every band is listed, empty ones too, so a missing row cannot say "nobody"
    assert rows["18 to 24"] == "0" and rows["45 to 54"] == "0"  # absent / practice only
    gender = {r[0]: r[1] for r in _table(report, "Gender").rows}
    assert gender["Woman"] == "6" and gender["Total"] == "14"
    assert gender["Another way"] == "x" and gender["Not recorded"] == "x"
    assert gender["Man"] == "x"
    for table in tables(report):
        check_table_disclosure(table, 5)
    # never in a group report, and never crossed (no table has both dimensions)
    group = build_group_report(raw_db, gid, None, None, "en", k=5)
    assert not any(t.columns[0] in ("Age band", "Gender") for t in tables(group))
    assert "Who the groups reach" not in all_text(group)


def test_a_single_small_cell_is_protected_by_a_second(raw_db):
    _store(raw_db)
    report = build_program_report(raw_db, *Q1, "en", k=6)
    rows = {r[0]: r[1] for r in _table(report, "Age band").rows}
    # 35-44 (5) is now below k, so with 65+ and not recorded the hidden cells hold
    # 8 people; nothing hidden can be worked out from the total of 14
    assert rows["35 to 44"] == "x" and rows["25 to 34"] == "6"
    check_table_disclosure(_table(report, "Age band"), 6)


def test_arabic_labels(raw_db):
    _store(raw_db)
    report = build_program_report(raw_db, *Q1, "ar", k=5)
    text = all_text(report)
    assert "مَن تصل إليهم المجموعات" in text
    rows = {r[0]: r[1] for r in _table(report, "الفئة العمرية").rows}
    assert rows["من 25 إلى 34"] == "6" and rows["غير مسجَّل"] == "x"


def test_no_block_when_nothing_was_recorded(raw_db):
    with raw_db.unit() as s:
        g = Group(name="Quiet circle", program_type="grief")
        s.add(g)
        s.flush()
        p = Participant(group_id=g.id, code="AJ-10")
        s.add(p)
        s.flush()
        s.add(Attendance(session_id=make_session(s, g.id, 0).id, participant_id=p.id))
    report = build_program_report(raw_db, *Q1, "en", k=5)
    assert "Who the groups reach" not in all_text(report)


def test_reach_is_shown_for_a_quarter_or_a_year_only(raw_db):
    _store(raw_db)
    for months in (
        (date(2025, 3, 1), date(2025, 3, 31)),
        (date(2025, 2, 1), date(2025, 4, 30)),
        (None, None),
    ):
        report = build_program_report(raw_db, *months, "en", k=5)
        assert not any(t.columns[0] in ("Age band", "Gender") for t in tables(report))
        assert any("calendar quarter or a calendar year only" in x for x in all_text(report))
    year = build_program_report(raw_db, date(2025, 1, 1), date(2025, 12, 31), "en", k=5)
    assert any(t.columns[0] == "Age band" for t in tables(year))
