"""Organisation-defined measures: definitions, retiring, the WHO-5 wording override,
and their blocks in the group, program and session reports (numbers checked by hand
on the produced PDF text)."""

from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.demo import generate_demo
from facilitator.demo.generator import CUSTOM_ID
from facilitator.errors import InputError
from facilitator.export.pdf import render_report
from facilitator.store.models import Group, MeasureDefinition, MeasureResponse, Phase
from facilitator.tracking import attendance as att
from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me
from facilitator.tracking import participants as pa
from facilitator.tracking.analytics import ResponseRow, SessionRow, pairs
from facilitator.tracking.loaders import load_dataset
from facilitator.tracking.report_blocks import custom_measure_blocks
from facilitator.tracking.protection import Ledger, protect, resolve
from facilitator.tracking.report_model import Chart, Heading, Table
from facilitator.tracking.reports import (
    build_group_report,
    build_program_report,
    build_session_report,
)
from tests.export.pdfcheck import as_file, key, needs_poppler, page_texts, pdftotext
from tests.tracking.conftest import make_session
from tests.tracking.reportcheck import all_text, check_table_disclosure

MOOD = {"en": "Confidence to cope", "ar": "الثقة بالقدرة على التأقلم"}
SLEEP = {"en": "Hours of sleep", "ar": "ساعات النوم"}
WORDING = {
    "title": "مؤشر الرفاه الخاص بالمنظمة",
    "instructions": "اختر لكل عبارة ما يصف شعورك خلال الأسبوعين الماضيين.",
    "items": ["عبارة أولى", "عبارة ثانية", "عبارة ثالثة", "عبارة رابعة", "عبارة خامسة"],
    "choices": ["دائمًا", "غالبًا", "أكثر من النصف", "أقل من النصف", "أحيانًا", "أبدًا"],
    "source": "Published Arabic version, organisation copy 2024",
}


def pdf_text(report) -> str:
    return "\n".join(page_texts(render_report(report)))


@pytest.fixture
def hand_group(raw_db):
    """Two March sessions. "mood" (pre/post): six people in s1 with changes
    1, 1, 1, 2, 3, 4 and a pass. "sleep" (single): five people, p0 twice (6 then 8).

    By hand: mood mean change 12/6 = 2.0; SD = sqrt(8/5) = 1.2649; t(5) = 2.5706;
    half width 2.5706 * 1.2649 / sqrt(6) = 1.3275, so 95% CI 0.67 to 3.33; d_z =
    2.0 / 1.2649 = 1.58. Sleep person means 7, 7, 8, 5, 9: mean 36/5 = 7.2.
    """
    with raw_db.unit() as s:
        g = Group(name="Hand group", program_type="grief")
        s.add(g)
        s.flush()
        cm.create_custom_measure(s, "mood", MOOD, minimum=0, maximum=10, phases=("pre", "post"))
        cm.create_custom_measure(
            s, "sleep", SLEEP, minimum=0, maximum=14, step=0.5, phases=("single",)
        )
        people = [pa.add_participant(s, g.id) for i in range(7)]
        s1, s2 = make_session(s, g.id, 0), make_session(s, g.id, 7)
        for p in people:
            att.mark_attendance(s, s1.id, p.id)
        att.mark_attendance(s, s2.id, people[0].id)
        for p, pre, post in zip(people, (2, 3, 4, 5, 5, 6), (3, 4, 5, 7, 8, 10)):
            me.record_response(s, s1.id, p.id, "mood", "pre", value=pre)
            me.record_response(s, s1.id, p.id, "mood", "post", value=post)
        me.record_response(s, s1.id, people[6].id, "mood", "pre", passed=True)
        for p, v in zip(people, (6, 7, 8, 5, 9)):
            me.record_response(s, s1.id, p.id, "sleep", "single", value=v)
        me.record_response(s, s2.id, people[0].id, "sleep", "single", value=8)
        return g.id, s1.id, [p.code for p in people]


def test_definition_checks_refuse_bad_input(raw_db):
    with raw_db.unit() as s:
        cm.create_custom_measure(s, "mood", MOOD, minimum=0, maximum=10)
        cases = [
            ("mood", MOOD, 0, 10, 1, "already exists"),
            ("who5", MOOD, 0, 10, 1, "already exists"),
            ("calm", {"en": "Calm"}, 0, 10, 1, "both English and Arabic"),
            ("calm", {"en": "Calm", "ar": "Calm"}, 0, 10, 1, "no Arabic letters"),
            ("calm", {"en": "Calm\x00", "ar": "هدوء"}, 0, 10, 1, "control character"),
            ("calm", {"en": "Calm \u202eevil", "ar": "هدوء"}, 0, 10, 1, r"U\+202E"),
            ("calm", {"en": "x" * 121, "ar": "هدوء"}, 0, 10, 1, "limit is 120"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, 10, 0, 1, "smaller to a larger"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, 0, 10, 3, "does not divide"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, 0, 10, 0, "positive"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, 0, 10000, 1, "at most 1000"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, 0, float("inf"), 1, "between"),
            ("calm", {"en": "Calm", "ar": "هدوء"}, True, 10, 1, "must be a number"),
        ]
        for k, title, lo, hi, step, words in cases:
            with pytest.raises(InputError, match=words):
                cm.create_custom_measure(s, k, title, minimum=lo, maximum=hi, step=step)
        with pytest.raises(InputError, match="pre and post"):
            cm.create_custom_measure(
                s, "calm", {"en": "Calm", "ar": "هدوء"}, minimum=0, maximum=1, phases=("pre",)
            )
        ok = cm.create_custom_measure(
            s,
            "calm",
            {"en": "  Calm\n  now ", "ar": "هدوء"},
            minimum=-2,
            maximum=2,
            step=0.5,
            phases=("single",),
        )
        assert ok.title["en"] == "Calm now" and ok.spec["phases"] == ["single"]
    with raw_db.session() as s:
        keys = [m.key for m in s.scalars(select(MeasureDefinition))]
    assert sorted(keys) == ["calm", "mood"]  # nothing half-made by the refusals


def test_retired_measure_is_not_offered_but_keeps_reporting(raw_db, hand_group):
    gid, s1, _ = hand_group
    with raw_db.unit() as s:
        assert cm.set_retired(s, "mood", True) is True
        assert cm.set_retired(s, "mood", True) is False
        with pytest.raises(InputError, match="built-in"):
            cm.set_retired(s, "who5", True)
        assert [m.key for m in cm.list_measures(s)] == ["checkin10", "who5", "sleep"]
        assert [m.key for m in cm.list_measures(s, include_retired=True)] == [
            "checkin10",
            "who5",
            "mood",
            "sleep",
        ]
        group = s.get(Group, gid)
        new = make_session(s, gid, 14)
        p = pa.add_participant(s, group.id)
        with pytest.raises(InputError, match="retired"):
            me.record_response(s, new.id, p.id, "mood", "pre", value=3)
        # an answer already in a session may still be corrected
        before = s.query(MeasureResponse).count()
        first = s.scalars(
            select(MeasureResponse.participant_id).where(
                MeasureResponse.session_id == s1, MeasureResponse.phase == Phase.post
            )
        ).first()
        me.record_response(s, s1, first, "mood", "post", value=3)
    with raw_db.session() as s:
        assert me.is_retired(me.get_measure(s, "mood"))
        assert s.query(MeasureResponse).count() == before == 19  # nothing was deleted
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    text = "\n".join(all_text(report))
    assert "Confidence to cope" in text and "has been retired" in text
    with raw_db.unit() as s:
        assert cm.set_retired(s, "mood", False) is True
        assert "mood" in [m.key for m in cm.list_measures(s)]


def test_group_report_custom_numbers_by_hand_on_the_pdf(raw_db, hand_group):
    gid, *_ = hand_group
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    mood = next(
        t
        for t in report.blocks
        if isinstance(t, Table) and t.title == "Change from start to end of session"
    )
    assert mood.rows == [
        ["March 2025", "6", "+2.0", "0.7 … 3.3", "1.58"],
        ["Total", "6", "+2.0", "0.7 … 3.3", "1.58"],
    ]
    sleep = next(
        t for t in report.blocks if isinstance(t, Table) and t.title == "Asked once per session"
    )
    assert sleep.columns == ["Month", "People", "Mean"]
    assert sleep.rows == [["March 2025", "5", "7.2"], ["Total", "5", "7.2"]]
    text = pdf_text(report)
    assert "Organisation-defined measures" in text
    assert "Confidence to cope" in text and "Hours of sleep" in text
    assert "Organisation-defined, not a validated instrument." in text
    assert "March 2025 6 +2.0 0.7 … 3.3 1.58" in text
    assert "March 2025 5 7.2" in text
    assert "Passes x" in text or "x\nPasses" in text


@needs_poppler
def test_arabic_group_report_shows_the_arabic_title_and_numbers(raw_db, hand_group, tmp_path):
    gid, *_ = hand_group
    report = build_group_report(raw_db, gid, None, None, "ar", k=5)
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert "الثقة بالقدرة على التأقلم" in headings and "مقاييس حدّدتها المنظمة" in headings
    # poppler puts right-to-left runs back in logical order, as a reader's tool would
    text = key(pdftotext(as_file(render_report(report), tmp_path)))
    assert key("الثقة بالقدرة على التأقلم") in text
    assert key("مقياس حدّدته المنظمة، وليس أداة قياس معتمدة") in text
    assert "+2.0" in text and "1.58" in text and "7.2" in text


def test_small_numbers_are_withheld_and_cannot_be_recomputed(raw_db):
    """March: 6 people; April: 3 others. The 3 is hidden. A reader knows that people
    in months can overlap, so from the total of 9 and March's 6 April is anywhere
    from 3 to 9: protected without hiding March. By programme type (people never
    overlap) the external report hides the lone type and its total."""
    with raw_db.unit() as s:
        g = Group(name="Split group", program_type="grief")
        s.add(g)
        s.flush()
        cm.create_custom_measure(s, "mood", MOOD, minimum=0, maximum=10, phases=("pre", "post"))
        people = [pa.add_participant(s, g.id) for _ in range(9)]
        march, april = make_session(s, g.id, 0), make_session(s, g.id, 35)
        for i, p in enumerate(people):
            sess = march if i < 6 else april
            att.mark_attendance(s, sess.id, p.id)
            me.record_response(s, sess.id, p.id, "mood", "pre", value=4)
            me.record_response(s, sess.id, p.id, "mood", "post", value=5 + i % 2)
        gid = g.id
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    mood = next(
        t
        for t in report.blocks
        if isinstance(t, Table) and t.title == "Change from start to end of session"
    )
    assert mood.rows[1] == ["April 2025", "x", "–", "–", "–"]
    assert mood.rows[0][:2] == ["March 2025", "6"]
    assert mood.rows[2][:2] == ["Total", "9"]
    lo, hi = report.release.decision.ranges[
        next(c for c in report.release.decision.hidden if ":m:mood:chg|" in c)
    ]
    assert (lo, hi) == (3, 9)
    check_table_disclosure(mood, 5)
    text = pdf_text(report)
    assert "April 2025 x – – –" in text
    program = build_program_report(raw_db, None, None, "en", k=11, external=True)
    table = next(
        t
        for t in program.blocks
        if isinstance(t, Table) and t.title == "Change from start to end of session"
    )
    assert table.rows == [["Grief and loss", "x", "–", "–", "–"], ["Total", "x", "–", "–", "–"]]


def test_program_report_custom_block_by_programme_type(raw_db, hand_group):
    report = build_program_report(raw_db, None, None, "en", k=5)
    mood = next(
        t
        for t in report.blocks
        if isinstance(t, Table) and t.title == "Change from start to end of session"
    )
    assert mood.columns[0] == "Program type"
    assert mood.rows == [
        ["Grief and loss", "6", "+2.0", "0.7 … 3.3", "1.58"],
        ["Total", "6", "+2.0", "0.7 … 3.3", "1.58"],
    ]
    text = pdf_text(report)
    assert "Grief and loss 5 7.2" in text and "Confidence to cope" in text


def test_session_summary_lists_custom_answers(raw_db, hand_group):
    _gid, s1, codes = hand_group
    report = build_session_report(raw_db, s1, "en")
    mood = next(
        t
        for t in report.blocks
        if isinstance(t, Table) and t.columns == ["Code", "Start", "End", "Change"]
    )
    assert sorted(mood.rows) == sorted(
        [
            [c, str(a), str(b), f"+{b - a}"]
            for c, a, b in zip(codes, (2, 3, 4, 5, 5, 6), (3, 4, 5, 7, 8, 10))
        ]
        + [[codes[6], "Pass", "", ""]]
    )
    sleep = next(
        t for t in report.blocks if isinstance(t, Table) and t.columns == ["Code", "Score"]
    )
    assert sorted(sleep.rows) == sorted([[c, str(v)] for c, v in zip(codes, (6, 7, 8, 5, 9))])
    text = pdf_text(report)
    assert "Confidence to cope" in text and "Hours of sleep" in text


def test_untrusted_title_prints_literally(raw_db, hand_group):
    gid, s1, _ = hand_group
    with raw_db.unit() as s:
        m = me.get_measure(s, "mood")
        # a row written by some other path: markup and a bidi override in the title
        m.title = {"en": "<b>R&D <img src='/etc/passwd'> \u202egood", "ar": "مقياس <i>"}
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    assert "<b>R&D <img src='/etc/passwd'> good" in [
        b.text for b in report.blocks if isinstance(b, Heading)
    ]
    assert "<b>R&D <img src='/etc/passwd'> good" in pdf_text(report)
    assert "\u202e" not in "".join(all_text(build_session_report(raw_db, s1, "en")))


def test_wording_override_survives_a_shipped_refresh(raw_db):
    with raw_db.unit() as s:
        row = cm.set_builtin_wording(s, "who5", WORDING)
        assert row.spec["translation_status"] == "organisation"
        assert row.title["ar"] == WORDING["title"]
    with raw_db.unit() as s:  # an older shipped version in the row: refresh happens
        row = me.get_measure(s, "who5")
        row.spec = {**row.spec, "version": "0"}
    with raw_db.unit() as s:
        me.ensure_builtin_measures(s)
    with raw_db.session() as s:
        spec = me.get_measure(s, "who5").spec
    assert spec["version"] == me.builtin_spec("who5")["version"]
    ar = me.measure_text(spec, "ar")
    assert ar.status == "organisation"
    assert ar.title == WORDING["title"] and ar.items == tuple(WORDING["items"])
    assert ar.choices == tuple(zip(range(5, -1, -1), WORDING["choices"]))
    assert WORDING["source"] in ar.attribution
    en = me.measure_text(spec, "en")
    assert en.status == "published" and en.items[0] == "I have felt cheerful and in good spirits"
    assert me.measure_text(me.builtin_spec("who5"), "ar").status == "unverified"
    with raw_db.unit() as s:
        assert cm.clear_builtin_wording(s, "who5") is True
        assert cm.clear_builtin_wording(s, "who5") is False
        assert me.measure_text(me.get_measure(s, "who5").spec, "ar").status == "unverified"


@pytest.mark.parametrize(
    "change,words",
    [
        ({"items": WORDING["items"][:4]}, "exactly 5"),
        ({"choices": WORDING["choices"] + ["زيادة"]}, "exactly 6"),
        ({"title": "WHO-5 in English"}, "no Arabic letters"),
        ({"instructions": ""}, "empty"),
        ({"items": [*WORDING["items"][:4], "عبارة\u0007"]}, "control character"),
        ({"items": [*WORDING["items"][:4], 5]}, "must be text"),
        ({"colour": "أحمر"}, "Unknown field"),
    ],
)
def test_wording_checks(raw_db, change, words):
    with raw_db.unit() as s:
        with pytest.raises(InputError, match=words):
            cm.set_builtin_wording(s, "who5", {**WORDING, **change})
        with pytest.raises(InputError, match="Only the WHO-5"):
            cm.set_builtin_wording(s, "checkin10", WORDING)
        assert me.get_measure(s, "who5").spec.get("override") is None


@st.composite
def custom_data(draw):
    """Random answers to one pre/post and one single custom measure across groups and
    months; people answer in some sessions only, so parts may or may not add up."""
    sessions, responses = [], []
    groups = {}
    for g in range(draw(st.integers(1, 3))):
        gid = f"g{g}"
        groups[gid] = (gid, draw(st.sampled_from(["grief", "anxiety", "recovery"])))
        people = [f"{gid}p{i}" for i in range(draw(st.integers(0, 13)))]
        for w in range(draw(st.integers(1, 6))):
            sid = f"{gid}s{w}"
            sessions.append(SessionRow(sid, gid, date(2025, 1, 6) + timedelta(days=17 * w)))
            for p in people:
                if draw(st.integers(0, 3)) == 0:
                    continue
                pre = draw(st.integers(0, 10))
                responses.append(ResponseRow(sid, p, "mood", "pre", pre, False))
                post_pass = draw(st.integers(0, 9)) == 0
                responses.append(
                    ResponseRow(
                        sid,
                        p,
                        "mood",
                        "post",
                        None if post_pass else draw(st.integers(0, 10)),
                        post_pass,
                    )
                )
                if draw(st.booleans()):
                    responses.append(
                        ResponseRow(sid, p, "sleep", "single", draw(st.integers(0, 14)), False)
                    )
    return groups, sessions, responses


MEASURES = [
    cm.CustomMeasure("mood", MOOD, 0, 10, True, ("pre", "post"), False),
    cm.CustomMeasure("sleep", SLEEP, 0, 14, True, ("single",), False),
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=custom_data(), k=st.sampled_from([5, 11]))
def test_custom_tables_never_reveal_small_counts(data, k):
    groups, sessions, responses = data
    by_month, by_type = defaultdict(set), defaultdict(set)
    for x in sessions:
        by_month[x.day.replace(day=1).isoformat()].add(x.id)
        by_type[groups[x.group_id][1]].add(x.id)
    for additive, parts in ((False, sorted(by_month.items())), (True, sorted(by_type.items()))):
        L = Ledger()
        blocks = custom_measure_blocks(
            L,
            "t",
            "P",
            MEASURES,
            responses,
            [(key, key, sids) for key, sids in parts],
            "Part",
            "en",
            additive=additive,
        )
        blocks = resolve(blocks, protect(L, k))
        truth = {}  # (table title, part label) -> people behind that row
        for label, sids in [*parts, ("Total", set().union(*(s for _, s in parts)))]:
            mood = pairs([r for r in responses if r.session_id in sids], "mood")
            truth["Change from start to end of session", label] = len(
                {p.participant_id for p in mood}
            )
            truth["Asked once per session", label] = len(
                {
                    r.participant_id
                    for r in responses
                    if r.measure == "sleep" and r.session_id in sids
                }
            )
        for table in (b for b in blocks if isinstance(b, Table)):
            check_table_disclosure(table, k)
            *body, total = table.rows
            for row in table.rows:
                n = truth[table.title, row[0]]
                if row[1] == "x":
                    assert all(c == "–" for c in row[2:]), row  # nothing rests on them
                else:
                    assert int(row[1]) == n and (n >= k or all(c == "–" for c in row[2:]))
            hidden = [r for r in body if not r[1].isdigit()]
            if additive and len(hidden) == 1 and total[1].isdigit():
                guess = int(total[1]) - sum(int(r[1]) for r in body if r[1].isdigit())
                assert guess != truth[table.title, hidden[0][0]], (table.rows, guess)
        # a chart repeats its table's shown means: a withheld mean is a gap, never a bar
        tables_ = [
            b
            for b in blocks
            if isinstance(b, Table) and b.title == "Change from start to end of session"
        ]
        charts = [b for b in blocks if isinstance(b, Chart)]
        for chart in charts:
            table = tables_[0]
            shown = {row[0]: row[2] for row in table.rows[:-1]}
            for label, value in zip(chart.categories, chart.series[0].values):
                cell = shown[label]
                assert (value is None) == (cell == "–"), (label, value, cell)
                if value is not None:
                    assert f"{value:+.1f}" == cell or f"{value:.1f}" == cell, (value, cell)


def test_demo_data_carries_the_custom_measure(raw_db):
    summary = generate_demo(raw_db, groups=3, weeks=6, seed=4)
    assert summary.groups == 3
    with raw_db.session() as s:
        ds = load_dataset(s)
        row = me.get_measure(s, "cope_confidence")
        assert row.id == CUSTOM_ID and row.title["en"] == "Confidence to cope this week"
    with_custom = {
        x.group_id
        for x in ds.sessions
        if any(r.session_id == x.id and r.measure == "cope_confidence" for r in ds.responses)
    }
    assert 1 <= len(with_custom) < len(ds.groups)  # some groups, not all
    gid = sorted(with_custom)[0]
    report = build_group_report(raw_db, gid, None, None, "en", k=5)
    assert "Confidence to cope this week" in [
        b.text for b in report.blocks if isinstance(b, Heading)
    ]
    generate_demo(raw_db, groups=1, weeks=2, seed=4, id_salt=3)  # appending reuses it
    with raw_db.session() as s:
        assert [m.key for m in cm.list_measures(s)].count("cope_confidence") == 1
