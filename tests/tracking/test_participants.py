"""Participants and attendance against a real encrypted store."""

import pytest
from sqlalchemy import func, select

from facilitator.errors import InputError
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    AuditEvent,
    MeasureResponse,
    Note,
    Participant,
    StepEvent,
)
from facilitator.tracking import attendance as att
from facilitator.tracking import participants as pa
from facilitator.tracking.codes import CODE_RE
from facilitator.tracking.measures import record_response
from tests.tracking.conftest import make_session


def test_add_participant_codes_unique_and_optional_fields(raw_db, group_id):
    with raw_db.unit() as s:
        people = [pa.add_participant(s, group_id) for _ in range(30)]
        named = pa.add_participant(
            s, group_id, alias="  Maya   R ", age_band="25_34", gender="woman"
        )
    assert len({p.code for p in people}) == 30
    assert all(CODE_RE.match(p.code) for p in people)
    assert all(p.alias is None and p.age_band is None and p.gender is None for p in people)
    assert (named.alias, named.age_band, named.gender) == ("Maya R", "25_34", "woman")
    with raw_db.unit() as s, pytest.raises(InputError):
        pa.add_participant(s, group_id, age_band="42")


def test_details_can_be_set_changed_and_skipped(raw_db, group_id):
    with raw_db.unit() as s:
        pid = pa.add_participant(s, group_id).id
        pa.set_details(s, pid, age_band="45_54", gender="another")
    with raw_db.unit() as s:
        p = s.get(Participant, pid)
        assert (p.age_band, p.gender) == ("45_54", "another")
        pa.set_details(s, pid, age_band=None, gender="man")
    with raw_db.unit() as s:
        p = s.get(Participant, pid)
        assert (p.age_band, p.gender) == (None, "man")
        for bad in ({"age_band": "40s", "gender": None}, {"age_band": None, "gender": "x"}):
            with pytest.raises(InputError):
                pa.set_details(s, pid, **bad)
        with pytest.raises(InputError):
            pa.set_details(s, "gone", age_band=None, gender=None)
    with raw_db.session() as s:
        p = s.get(Participant, pid)
        assert (p.age_band, p.gender) == (None, "man")  # a refused change keeps the old one


def test_archive_hides_from_roster(raw_db, group_id):
    with raw_db.unit() as s:
        p = pa.add_participant(s, group_id)
        q = pa.add_participant(s, group_id)
        pa.archive_participant(s, p.id)
    with raw_db.session() as s:
        assert [x.id for x in pa.list_participants(s, group_id)] == [q.id]
        assert len(pa.list_participants(s, group_id, include_archived=True)) == 2


def test_erase_removes_everything_linked_and_audits_without_identity(raw_db, group_id):
    with raw_db.unit() as s:
        p = pa.add_participant(s, group_id, alias="Secret Name")
        other = pa.add_participant(s, group_id)
        sess = make_session(s, group_id, 0)
        att.mark_attendance(s, sess.id, p.id)
        att.mark_attendance(s, sess.id, other.id)
        record_response(s, sess.id, p.id, "checkin10", "pre", value=4)
        s.add(
            StepEvent(
                session_id=sess.id,
                seq=1,
                action="round_start",
                step_index=2,
                step_id="round",
                payload={"codes": [other.code, p.code]},
            )
        )
        s.add(
            StepEvent(
                session_id=sess.id,
                seq=2,
                action="round_pass",
                step_index=2,
                step_id="round",
                payload={"code": p.code, "come_back": False},
            )
        )
        s.add(
            Note(
                group_id=group_id,
                session_id=sess.id,
                body="Spoke with secret name; Secret Names is someone else.",
            )
        )
        pid, code, other_code = p.id, p.code, other.code
    with raw_db.unit() as s:
        counts = pa.erase_participant(s, pid)
    assert counts == {"attendance": 1, "responses": 1, "step_events": 2, "notes": 1}
    with raw_db.session() as s:
        assert s.get(Participant, pid) is None
        assert (
            s.scalar(
                select(func.count()).select_from(Attendance).where(Attendance.participant_id == pid)
            )
            == 0
        )
        assert (
            s.scalar(
                select(func.count())
                .select_from(MeasureResponse)
                .where(MeasureResponse.participant_id == pid)
            )
            == 0
        )
        assert s.scalar(select(func.count()).select_from(Attendance)) == 1  # the other one stays
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "participant.erase"))
        blob = repr((event.entity_id, event.detail))
        assert pid not in blob and code not in blob and "Secret" not in blob
        assert event.detail["attendance"] == 1
        start, passed = s.scalars(select(StepEvent).order_by(StepEvent.seq)).all()
        assert start.payload["codes"][0] == other_code
        placeholder = start.payload["codes"][1]
        assert placeholder.startswith("erased-") and passed.payload["code"] == placeholder
        (note,) = s.scalars(select(Note)).all()
        assert note.body == "Spoke with […]; Secret Names is someone else."


def test_first_time_is_computed_from_real_history(raw_db, group_id):
    with raw_db.unit() as s:
        p = pa.add_participant(s, group_id)
        practice = make_session(s, group_id, -3, practice=True)
        s1, s2, s3 = (make_session(s, group_id, d) for d in (0, 7, 14))
        att.mark_attendance(s, practice.id, p.id)
        att.mark_attendance(s, s2.id, p.id)
        att.mark_attendance(s, s1.id, p.id, "absent_notice")  # notice is not a visit
        att.mark_attendance(s, s3.id, p.id, AttendanceStatus.left_early)
        ids = (practice.id, s1.id, s2.id, s3.id)
    with raw_db.session() as s:
        flags = {a.session_id: a.first_time for a in s.scalars(select(Attendance))}
    assert [flags[i] for i in ids] == [False, False, True, False]
    with raw_db.unit() as s:  # entering the earlier session late moves the flag
        att.mark_attendance(s, ids[1], p.id, "present")
    with raw_db.session() as s:
        flags = {a.session_id: a.first_time for a in s.scalars(select(Attendance))}
    assert [flags[i] for i in ids] == [False, True, False, False]


def test_headcount_only_mode(raw_db, group_id):
    with raw_db.unit() as s:
        sess = make_session(s, group_id, 0)
        p = pa.add_participant(s, group_id)
        with pytest.raises(InputError):
            att.set_headcount(s, sess.id, 8)  # roster group
        with pytest.raises(InputError):
            att.set_headcount_only(s, group_id, True)  # still has people
        pa.archive_participant(s, p.id)
        att.set_headcount_only(s, group_id, True)
        att.set_headcount(s, sess.id, 8)
        assert att.attended_count(s, sess.id) == 8
        with pytest.raises(InputError):
            att.mark_attendance(s, sess.id, p.id)
        with pytest.raises(InputError):
            pa.add_participant(s, group_id)
        for bad in (-1, 501, 2.5, True):
            with pytest.raises(InputError):
                att.set_headcount(s, sess.id, bad)


def test_attendance_rejects_other_groups_participants(raw_db, group_id):
    from facilitator.store.models import Group

    with raw_db.unit() as s:
        other = Group(name="Other", program_type="grief")
        s.add(other)
        s.flush()
        stranger = pa.add_participant(s, other.id)
        sess = make_session(s, group_id, 0)
        with pytest.raises(InputError):
            att.mark_attendance(s, sess.id, stranger.id)
        with pytest.raises(InputError):
            att.mark_attendance(s, sess.id, stranger.id, "sleeping")
