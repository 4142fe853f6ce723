"""Analytics on a toy group whose every figure was worked out by hand (see comments)."""

from datetime import date, timedelta

import pytest

from facilitator.tracking import analytics as an
from facilitator.tracking.analytics import (
    AttendanceRow as A,
    IncidentRow,
    Period,
    ResponseRow as R,
    SessionRow,
)

D = date
S1, S2, S3, S4 = "s1", "s2", "s3", "s4"
SESSIONS = [
    SessionRow(S1, "g", D(2025, 3, 3)),
    SessionRow(S2, "g", D(2025, 3, 10)),
    SessionRow(S3, "g", D(2025, 3, 17)),
    SessionRow(S4, "g", D(2025, 4, 21)),
    SessionRow("prac", "g", D(2025, 3, 5), is_practice=True),
    SessionRow("aband", "g", D(2025, 3, 24), status="abandoned"),
]
ATT = [
    A(S1, "A"),
    A(S1, "B"),
    A(S1, "C", "left_early"),
    A(S1, "D", "absent_notice"),
    A(S2, "A"),
    A(S2, "D"),
    A(S2, "E"),
    A(S3, "A"),
    A(S3, "B"),
    A(S3, "E", "absent_notice"),
    A(S3, "F"),
    A(S4, "F"),
    A(S4, "G"),
    A("prac", "H"),
    A("prac", "A"),
    A("aband", "B"),
]


def ci(s, p, phase, v):
    return R(s, p, "checkin10", phase, None if v == "pass" else float(v), v == "pass")


RESP = [
    ci(S1, "A", "pre", 4),
    ci(S1, "A", "post", 6),
    ci(S1, "B", "pre", 5),
    ci(S1, "B", "post", "pass"),
    ci(S1, "C", "pre", "pass"),
    ci(S1, "C", "post", 7),
    ci(S2, "A", "pre", 5),
    ci(S2, "A", "post", 7),
    ci(S2, "D", "pre", 3),
    ci(S2, "D", "post", 4),
    ci(S2, "E", "pre", 6),
    ci(S2, "E", "post", 6),
    ci(S3, "A", "pre", 6),
    ci(S3, "A", "post", 9),
    ci(S3, "B", "pre", 2),
    ci(S3, "B", "post", 5),
    ci(S3, "F", "pre", 7),
    ci(S3, "F", "post", 6),
    ci("prac", "A", "pre", 1),
    ci("prac", "A", "post", 10),
    R(S1, "A", "who5", "single", 48, False),
    R(S1, "B", "who5", "single", 60, False),
    R(S3, "A", "who5", "single", 64, False),
    R(S3, "B", "who5", "single", 40, False),
    R(S3, "F", "who5", "single", 52, False),
    R(S3, "E", "who5", "single", None, True),
    R("prac", "H", "who5", "single", 4, False),
]
MARCH = Period(D(2025, 3, 1), D(2025, 3, 31))


def test_sessions_held_excludes_practice_and_abandoned():
    assert an.sessions_held(SESSIONS) == 4
    assert an.sessions_held(SESSIONS, MARCH) == 3
    assert [s.id for s in an.held_sessions(SESSIONS, MARCH)] == [S1, S2, S3]


def test_attendance_per_session_counts_present_and_left_early():
    held = an.held_sessions(SESSIONS)
    assert an.attendance_per_session(held, ATT) == {S1: 3, S2: 3, S3: 3, S4: 2}
    headcount = [SessionRow("h", "g2", D(2025, 3, 3), headcount=9)]
    assert an.attendance_per_session(headcount, []) == {"h": 9}


def test_unique_participants():
    assert an.unique_participants(SESSIONS, ATT, MARCH) == 6  # A-F; H only came to practice
    assert an.unique_participants(SESSIONS, ATT) == 7


def test_new_vs_returning():
    assert an.new_vs_returning(SESSIONS, ATT) == {S1: (3, 0), S2: (2, 1), S3: (1, 2), S4: (1, 1)}
    # April alone: F was first seen in March, so returning; G is new.
    april = Period(D(2025, 4, 1), D(2025, 4, 30))
    assert an.new_vs_returning(SESSIONS, ATT, april) == {S4: (1, 1)}


def test_retention_hand_computed():
    # First visits: A,B,C 3 Mar; D,E 10 Mar; F 17 Mar; G 21 Apr (the last day of data).
    # Back within 28 days: A (10 Mar), B (17 Mar). C, D never; E only sent notice;
    # F came back on 21 Apr, 35 days later: too late. G's window is still open: pending.
    r = an.retention(SESSIONS, ATT)
    assert (r.newcomers, r.returned, r.pending) == (6, 2, 1)
    assert r.share == pytest.approx(1 / 3)
    r = an.retention(SESSIONS, ATT, MARCH)
    assert (r.newcomers, r.returned, r.pending) == (6, 2, 0)


@pytest.mark.parametrize("gap,returned", [(28, 1), (29, 0), (1, 1), (0, 0)])
def test_retention_window_edges(gap, returned):
    first = D(2025, 1, 1)
    sessions = [
        SessionRow("a", "g", first),
        SessionRow("b", "g", first + timedelta(days=gap)),
        SessionRow("z", "g", first + timedelta(days=60)),
    ]
    att = [A("a", "P"), A("b", "P")]
    r = an.retention(sessions, att, Period(first, first))
    assert (r.newcomers, r.returned) == (1, returned)


def test_retention_with_no_newcomers_has_no_share():
    r = an.retention(SESSIONS, ATT, Period(D(2026, 1, 1), D(2026, 2, 1)))
    assert (r.newcomers, r.share) == (0, None)


def test_pairs_never_score_a_pass():
    pairs = an.pairs(RESP, "checkin10")
    assert [(p.session_id, p.participant_id, p.diff) for p in pairs] == [
        ("prac", "A", 9.0),  # the raw function pairs whatever it is given...
        (S1, "A", 2.0),
        (S2, "A", 2.0),
        (S2, "D", 1.0),
        (S2, "E", 0.0),
        (S3, "A", 3.0),
        (S3, "B", 3.0),
        (S3, "F", -1.0),
    ]
    held = [s.id for s in an.held_sessions(SESSIONS)]  # ...so callers pass real session ids
    assert len(an.pairs(RESP, "checkin10", held)) == 7
    assert an.passes(RESP, "checkin10", held) == 2
    assert 5.0 not in an.answered(RESP, "checkin10", "post", [S1])  # B's pass is not a value


def test_session_change_hand_computed():
    st = an.session_change(an.pairs(RESP, "checkin10", [S2]))
    # diffs 2, 1, 0: mean 1, sd 1, t(2) = 4.3027, half width 4.3027 / sqrt(3) = 2.4842
    assert (st.n, st.mean, st.sd, st.d_z) == (3, 1.0, 1.0, 1.0)
    assert st.ci_low == pytest.approx(-1.4842, abs=1e-3)
    assert st.ci_high == pytest.approx(3.4842, abs=1e-3)


def test_period_change_counts_people_not_sessions():
    held = [s.id for s in an.held_sessions(SESSIONS)]
    st = an.period_change(an.pairs(RESP, "checkin10", held))
    # per person: A (2+2+3)/3 = 7/3, B 3, D 1, E 0, F -1 -> mean 16/15
    assert st.n == 5
    assert st.mean == pytest.approx(16 / 15)


def test_who5_trajectory_by_session_and_month():
    pts = an.who5_trajectory(SESSIONS, RESP)
    assert [(p.key, p.n, p.mean, p.poor) for p in pts] == [(S1, 2, 54.0, 1), (S3, 3, 52.0, 1)]
    (march,) = an.who5_trajectory(SESSIONS, RESP, by="month")
    # A (48+64)/2 = 56, B (60+40)/2 = 50, F 52: mean 52.667, one below 52 (B)
    assert march.day == D(2025, 3, 1)
    assert (march.n, march.poor) == (3, 1)
    assert march.mean == pytest.approx(158 / 3)


def test_incidents_by_type_and_follow_up():
    incidents = [
        IncidentRow("g", S1, "conflict_hostile_dynamics", "open"),
        IncidentRow("g", S2, "conflict_hostile_dynamics", "done"),
        IncidentRow("g", S3, "other", "none_needed"),
        IncidentRow("g", "prac", "risk_disclosure", "open"),
        IncidentRow("g", None, "other", "done", day=D(2025, 3, 20)),
        IncidentRow("g", None, "other", "done", day=D(2025, 5, 20)),
    ]
    held = [s.id for s in an.held_sessions(SESSIONS, MARCH)]
    table = an.incidents_by_type(incidents, held, MARCH)
    assert {k: dict(v) for k, v in table.items()} == {
        "conflict_hostile_dynamics": {"open": 1, "done": 1},
        "other": {"none_needed": 1, "done": 1},
    }
