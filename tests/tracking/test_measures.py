"""Built-in and custom measures, responses, WHO-5 scoring and cadence."""

import pytest
from sqlalchemy import func, select

from facilitator.errors import InputError
from facilitator.store.models import MeasureDefinition, MeasureResponse, SessionStatus
from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me
from facilitator.tracking.participants import add_participant
from tests.tracking.conftest import make_session


def test_builtin_measures_are_seeded_once(raw_db):
    with raw_db.unit() as s:
        first = me.ensure_builtin_measures(s)
        again = me.ensure_builtin_measures(s)
    assert set(first) == {"checkin10", "who5"}
    assert {k: m.id for k, m in first.items()} == {k: m.id for k, m in again.items()}
    assert first["who5"].id == me.builtin_measure_id("who5")
    with raw_db.session() as s:
        assert s.scalar(select(func.count()).select_from(MeasureDefinition)) == 2
        checkin = s.scalars(
            select(MeasureDefinition).where(MeasureDefinition.key == "checkin10")
        ).one()
    assert checkin.spec["validated"] is False
    assert "not a validated instrument" in checkin.spec["disclaimer"]["en"]
    who5 = me.builtin_spec("who5")
    assert who5["translation_status"] == "unverified"
    assert len(who5["items"]) == 5 and all(i["text"]["ar"] for i in who5["items"])
    assert "North Zealand" in who5["attribution"]["en"]


def test_who5_scoring():
    assert me.who5_raw([5, 5, 5, 5, 5]) == 25 and me.who5_percent([5, 5, 5, 5, 5]) == 100
    assert me.who5_percent([2, 3, 2, 3, 2]) == 48
    assert me.who5_is_poor(48) and not me.who5_is_poor(52)  # raw 12 vs raw 13
    for bad in ([1, 2, 3], [0, 0, 0, 0, 6], [1, 1, 1, 1, -1], [1, 1, 1, 1, 1.5]):
        with pytest.raises(InputError):
            me.who5_raw(bad)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_low_who5_prompts_signposting_never_diagnosis(lang):
    text = me.who5_prompt(40, lang)
    assert text
    if lang == "en":
        assert "support options" in text and "not a diagnosis" in text
        for word in ("depress", "disorder", "patient", "symptom"):
            assert word not in text.lower()
    assert me.who5_prompt(80, lang) is None
    assert me.who5_prompt(60, lang, previous=72) is not None  # a 12-point drop
    assert me.who5_prompt(60, lang, previous=65) is None


def test_responses_pass_is_stored_without_value(raw_db, group_id):
    with raw_db.unit() as s:
        sess = make_session(s, group_id, 0)
        p = add_participant(s, group_id)
        me.record_response(s, sess.id, p.id, "checkin10", "pre", passed=True)
        me.record_response(s, sess.id, p.id, "checkin10", "post", value=7)
        me.record_response(s, sess.id, p.id, "who5", "single", items=[3, 3, 2, 4, 1])
        me.record_response(s, sess.id, p.id, "checkin10", "post", value=8)  # replaces
        for kwargs in (
            {"value": 11},
            {"value": 6.5},
            {"value": None},
            {"passed": True, "value": 3},
        ):
            with pytest.raises(InputError):
                me.record_response(s, sess.id, p.id, "checkin10", "pre", **kwargs)
        with pytest.raises(InputError):
            me.record_response(s, sess.id, p.id, "checkin10", "single", value=3)
    with raw_db.session() as s:
        rows = {(r.phase.value, r.measure_id): r for r in s.scalars(select(MeasureResponse))}
    assert len(rows) == 3
    pre = rows[("pre", me.builtin_measure_id("checkin10"))]
    assert pre.passed is True and pre.value is None
    assert rows[("post", me.builtin_measure_id("checkin10"))].value == 8
    who5 = rows[("single", me.builtin_measure_id("who5"))]
    assert (who5.value, who5.items) == (52.0, [3, 3, 2, 4, 1])


def test_custom_measure(raw_db, group_id):
    with raw_db.unit() as s:
        m = cm.create_custom_measure(
            s, "sleep_hours", {"en": "Hours of sleep", "ar": "ساعات النوم"}, minimum=0, maximum=14
        )
        assert m.title == {"en": "Hours of sleep", "ar": "ساعات النوم"} and not m.builtin
        for key, title, lo, hi in (
            ("sleep_hours", {"en": "x", "ar": "y"}, 0, 1),
            ("Bad Key", {"en": "x", "ar": "y"}, 0, 1),
            ("mood", {"en": "Mood"}, 0, 1),
            ("mood", {"en": "Mood", "ar": "المزاج"}, 5, 5),
        ):
            with pytest.raises(InputError):
                cm.create_custom_measure(s, key, title, minimum=lo, maximum=hi)
        sess = make_session(s, group_id, 0)
        p = add_participant(s, group_id)
        assert me.record_response(s, sess.id, p.id, "sleep_hours", "single", value=6).value == 6
        for off_scale in (15, 6.5):  # above the range; between two points of a step of 1
            with pytest.raises(InputError):
                me.record_response(s, sess.id, p.id, "sleep_hours", "single", value=off_scale)
        cm.create_custom_measure(
            s, "useful", {"en": "Useful", "ar": "مفيد"}, minimum=1, maximum=5, step=0.5
        )
        assert me.record_response(s, sess.id, p.id, "useful", "single", value=3.5).value == 3.5
        with pytest.raises(InputError):
            me.record_response(s, sess.id, p.id, "useful", "single", value=3.25)


def test_who5_due_every_fourth_real_session(raw_db, group_id):
    with raw_db.unit() as s:
        p = add_participant(s, group_id)
        assert me.who5_due(s, group_id)  # nothing collected yet
        due = []
        for week in range(9):
            if week == 2:  # a practice run in between neither counts nor collects
                practice = make_session(s, group_id, 7 * week + 1, practice=True)
                assert me.who5_due(s, group_id, practice) is False
            sess = make_session(s, group_id, 7 * week, status=SessionStatus.running)
            is_due = me.who5_due(s, group_id, sess)
            due.append(is_due)
            if is_due:
                me.record_response(s, sess.id, p.id, "who5", "single", items=[3] * 5)
            sess.status = SessionStatus.completed
        assert due == [True, False, False, False, True, False, False, False, True]


def test_who5_previous_is_the_last_real_score_before(raw_db, group_id):
    with raw_db.unit() as s:
        first, second, third = (make_session(s, group_id, i) for i in range(3))
        p = add_participant(s, group_id)
        assert me.who5_previous(s, p.id, third.id) is None
        me.record_response(s, first.id, p.id, "who5", "single", items=[4, 4, 4, 4, 4])
        me.record_response(s, second.id, p.id, "who5", "single", passed=True)
        assert me.who5_previous(s, p.id, third.id) == 80.0  # a pass is not a score
        me.record_response(s, second.id, p.id, "who5", "single", items=[2, 2, 2, 2, 2])
        assert me.who5_previous(s, p.id, third.id) == 40.0
        assert me.who5_previous(s, p.id, second.id) == 80.0
        assert me.who5_previous(s, p.id, first.id) is None
        with pytest.raises(InputError):
            me.who5_previous(s, p.id, "no-such-session")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_measure_text(lang):
    text = me.measure_text(me.builtin_spec("who5"), lang)
    assert len(text.items) == 5 and all(text.items)
    assert [v for v, _ in text.choices] == [5, 4, 3, 2, 1, 0]
    assert text.status == ("published" if lang == "en" else "unverified")
    if lang == "en":
        assert text.items[0] == "I have felt cheerful and in good spirits"
    else:
        assert all(any("\u0600" <= ch <= "\u06ff" for ch in item) for item in text.items)
