"""Promise: practice data never counts.

A facilitator rehearses with the practice mode; those sessions, the people in them,
their scores and incidents must not move a single figure in a supervisor or program
report. Practice rows of distinctive sizes (seven people nobody else has seen, ratings
of 0 then 10, WHO-5 of 8, three high-severity incidents each, one practice month with
no real sessions) are added to a demo store, and every group and program report is
compared with the one built before, block by block.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FollowUp,
    Group,
    Incident,
    MeasureResponse,
    Participant,
    Phase,
    RulesAgreement,
    Session,
    SessionStatus,
    StepEvent,
)
from facilitator.tracking import reports
from facilitator.tracking.codes import new_unique_code
from facilitator.tracking.measures import ensure_builtin_measures

from .helpers import demo_store, ok, pdf_text

PRACTICE_GROUP = "Rehearsal only"
PRACTICE_DAYS = (date(2024, 12, 17), date(2025, 1, 22), date(2025, 6, 11))
PERIODS = (
    (None, None),
    (date(2024, 12, 1), date(2025, 6, 30)),
    (date(2025, 1, 1), date(2025, 1, 31)),
)
NEW_PEOPLE, INCIDENTS_EACH = 7, 3


def real_group_ids(db) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(select(Group.id).where(Group.name != PRACTICE_GROUP).order_by(Group.id))
        )


def build_all(db, group_ids: list[str]) -> dict[tuple, object]:
    """Every supervisor-facing report over several periods, without the timestamp."""
    out = {}
    for lang in ("en", "ar"):
        for start, end in PERIODS:
            for gid in group_ids:
                for k in (5, 11):
                    out[("group", gid, lang, start, k)] = reports.build_group_report(
                        db, gid, start, end, lang, k=k
                    )
            for external in (False, True):
                out[("program", lang, start, external)] = reports.build_program_report(
                    db, start, end, lang, external=external
                )
    return {key: dataclasses.replace(r, generated_at=None) for key, r in out.items()}


def add_practice(db) -> dict[str, int]:
    """Practice sessions per group with attendance, scores, steps and incidents."""
    added = dict(sessions=0, people=0, incidents=0, responses=0)
    with db.unit() as s:
        measures = {k: m.id for k, m in ensure_builtin_measures(s).items()}
        rehearsal = Group(name=PRACTICE_GROUP, program_type="grief_loss")  # a new type too
        s.add(rehearsal)
        s.flush()
        gids = [g for (g,) in s.execute(select(Participant.group_id).distinct())]
        gids.append(rehearsal.id)
        for gid in gids:
            codes = set(s.scalars(select(Participant.code).where(Participant.group_id == gid)))
            regulars = list(s.scalars(select(Participant).where(Participant.group_id == gid)))
            newcomers = []
            for _ in range(NEW_PEOPLE):
                code = new_unique_code(codes)
                codes.add(code)
                newcomers.append(Participant(group_id=gid, code=code, age_band="18_24"))
            s.add_all(newcomers)
            s.flush()
            added["people"] += len(newcomers)
            for day in PRACTICE_DAYS:
                start = datetime(day.year, day.month, day.day, 18, tzinfo=timezone.utc)
                sess = Session(
                    group_id=gid,
                    script_id="mutual-support-circle",
                    script_version="1.0",
                    planned_start=start,
                    started_at=start,
                    ended_at=start + timedelta(minutes=170),
                    status=SessionStatus.completed,
                    is_practice=True,
                    headcount=40,
                )
                s.add(sess)
                s.flush()
                added["sessions"] += 1
                s.add_all(
                    [
                        StepEvent(
                            session_id=sess.id,
                            seq=1,
                            action="start",
                            step_index=0,
                            step_id="welcome",
                            payload={},
                        ),
                        StepEvent(
                            session_id=sess.id,
                            seq=2,
                            action="skip",
                            step_index=1,
                            step_id="ground_rules",
                            payload={"step": "welcome", "mandatory": True},
                        ),
                        StepEvent(
                            session_id=sess.id,
                            seq=3,
                            action="finish",
                            step_index=1,
                            step_id="ground_rules",
                            payload={"missed_mandatory": ["welcome", "round"]},
                        ),
                    ]
                )
                s.add(
                    RulesAgreement(
                        session_id=sess.id,
                        ruleset_id="core-v1",
                        ruleset_version="1",
                        content_hash="0" * 64,
                    )
                )
                for p in regulars + newcomers:
                    s.add(
                        Attendance(
                            session_id=sess.id,
                            participant_id=p.id,
                            status=AttendanceStatus.present,
                            first_time=p in newcomers,
                        )
                    )
                    for phase, value, key in (
                        (Phase.pre, 0.0, "checkin10"),
                        (Phase.post, 10.0, "checkin10"),
                        (Phase.single, 8.0, "who5"),
                    ):
                        s.add(
                            MeasureResponse(
                                session_id=sess.id,
                                participant_id=p.id,
                                measure_id=measures[key],
                                phase=phase,
                                value=value,
                            )
                        )
                        added["responses"] += 1
                for _ in range(INCIDENTS_EACH):
                    s.add(
                        Incident(
                            group_id=gid,
                            session_id=sess.id,
                            type="risk_disclosure",
                            severity=3,
                            follow_up=FollowUp.open,
                            created_at=start,
                        )
                    )
                    added["incidents"] += 1
    return added


@pytest.fixture(scope="module")
def practice_case(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("practice")
    store = demo_store(tmp / "store", tmp / "secrets", groups=2, weeks=8)
    with store.open() as opened:
        groups = real_group_ids(opened.db)
        before = build_all(opened.db, groups)
        added = add_practice(opened.db)
        after = build_all(opened.db, groups)
    return dict(store=store, before=before, after=after, added=added, tmp=tmp, groups=groups)


def test_practice_rows_were_really_written(practice_case):
    added = practice_case["added"]
    assert added["sessions"] == 3 * len(PRACTICE_DAYS) and added["people"] == 3 * NEW_PEOPLE
    with practice_case["store"].open() as opened, opened.db.session() as s:
        n = s.scalar(select(func.count()).select_from(Session).where(Session.is_practice.is_(True)))
    assert n >= added["sessions"]  # the demo adds one practice run per group as well


def test_every_report_is_identical_with_and_without_practice(practice_case):
    before, after = practice_case["before"], practice_case["after"]
    assert before.keys() == after.keys() and len(before) == 2 * 3 * (2 * 2 + 2)
    changed = [key for key in before if before[key] != after[key]]
    assert not changed, f"practice data changed {len(changed)} report(s), e.g. {changed[0]}"


def test_cli_reports_carry_no_practice_figures(practice_case):
    """Through the CLI and the PDF: the practice-only month and the 170-minute, 40-head
    practice sessions show nowhere."""
    store, tmp = practice_case["store"], practice_case["tmp"]
    for kind, extra, label in (
        ("program", [], "November 2024 to July 2025"),
        ("group", ["--group", store.group_ids[0]], "November 2024 to July 2025"),
    ):
        out = tmp / f"cli-{kind}.pdf"
        ok(
            "report",
            kind,
            *extra,
            *store.unlock_args(),
            "--lang",
            "en",
            "--from",
            "2024-11-01",
            "--to",
            "2025-07-31",
            "--out",
            out,
        )
        text = pdf_text(out)
        assert label in text  # the period label; the checks below are on data rows
        for absent in ("December 2024", "June 2025", *map(str, PRACTICE_DAYS)):
            assert absent not in text, (kind, absent)
        assert "January 2025" in text or "2025-01-" in text  # real data is there


def test_control_the_comparison_notices_a_session_that_counts(practice_case):
    """Flip one practice session to real: the reports must change, or the comparison
    above could not have failed."""
    store = practice_case["store"]
    with store.open() as opened:
        with opened.db.unit() as s:
            sess = s.scalars(
                select(Session)
                .where(Session.is_practice.is_(True))
                .order_by(Session.started_at.desc())
            ).first()
            sess.is_practice = False
            sid = sess.id
        try:
            flipped = build_all(opened.db, practice_case["groups"])
        finally:
            with opened.db.unit() as s:
                s.get(Session, sid).is_practice = True
    changed = [key for key in flipped if flipped[key] != practice_case["after"][key]]
    assert changed and any(key[0] == "program" for key in changed)


def test_a_group_that_only_rehearsed_has_nothing_to_report(practice_case):
    from facilitator.tracking import report_text as rt
    from facilitator.tracking.report_model import Paragraph

    with practice_case["store"].open() as opened:
        with opened.db.session() as s:
            gid = s.scalar(select(Group.id).where(Group.name == PRACTICE_GROUP))
        report = reports.build_group_report(opened.db, gid, None, None, "en")
    assert report.blocks == [Paragraph(rt.t("no_data", "en"))]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_practice_session_summary_is_marked_practice(practice_case, lang):
    """The one report that may show a practice session says so on every page."""
    import pdfplumber

    from facilitator.export.labels import label

    store, tmp = practice_case["store"], practice_case["tmp"]
    with store.open() as opened, opened.db.session() as s:
        sid = s.scalars(select(Session.id).where(Session.is_practice.is_(True))).first()
    out = tmp / f"practice-summary-{lang}.pdf"
    ok("report", "session", "--session", sid, *store.unlock_args(), "--lang", lang, "--out", out)
    assert "PRACTICE" in label("practice", lang)  # both languages carry the Latin word
    with pdfplumber.open(out) as pdf:
        pages = ["".join(c["text"] for c in page.chars) for page in pdf.pages]
    assert pages and all("PRACTICE" in p for p in pages)
