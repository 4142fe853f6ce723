"""Property: no table in a rendered supervisor or program report shows a count from 1 to
k-1, or hides exactly one cell of a line whose total is shown (which would let it be
recomputed), whatever the data."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.tracking.analytics import (
    AttendanceRow,
    IncidentRow,
    Period,
    ResponseRow,
    SessionRow,
)
from facilitator.tracking.loaders import Dataset
from facilitator.tracking.report_group import group_blocks
from facilitator.tracking.report_model import Chart, Report, Table
from facilitator.tracking.report_program import program_blocks
from tests.privacy.test_small_numbers import recoverable_across_tables
from tests.tracking.reportcheck import check_table_disclosure

STATUSES = ["present", "present", "present", "left_early", "absent_notice", None]
TYPES = ["conflict_hostile_dynamics", "other", "risk_disclosure", "boundary_breach"]
FOLLOW = ["open", "done", "none_needed"]


@st.composite
def datasets(draw):
    n_groups = draw(st.integers(1, 3))
    groups = {f"g{i}": (f"G{i}", draw(st.sampled_from(["grief", "anxiety", "recovery"])))
              for i in range(n_groups)}
    sessions, attendance, responses, incidents = [], [], [], []
    for gid in groups:
        people = [f"{gid}p{i}" for i in range(draw(st.integers(0, 14)))]
        for w in range(draw(st.integers(1, 7))):
            sid = f"{gid}s{w}"
            day = date(2025, 1, 6) + timedelta(days=9 * w)
            sessions.append(SessionRow(sid, gid, day, is_practice=draw(st.booleans())
                                       and w == 0))
            for p in people:
                status = draw(st.sampled_from(STATUSES))
                if status:
                    attendance.append(AttendanceRow(sid, p, status))
                    if status != "absent_notice":
                        pre = draw(st.integers(0, 10))
                        responses.append(ResponseRow(sid, p, "checkin10", "pre", pre, False))
                        responses.append(ResponseRow(sid, p, "checkin10", "post",
                                                     min(10, pre + draw(st.integers(-2, 3))),
                                                     False))
                        if w % 4 == 0:
                            responses.append(ResponseRow(sid, p, "who5", "single",
                                                         4 * draw(st.integers(0, 25)), False))
            for _ in range(draw(st.integers(0, 3))):
                incidents.append(IncidentRow(gid, sid, draw(st.sampled_from(TYPES)),
                                             draw(st.sampled_from(FOLLOW))))
    return Dataset(groups, sessions, attendance, responses, incidents, [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ds=datasets(), k=st.sampled_from([5, 11]), lang=st.sampled_from(["en", "ar"]))
def test_rendered_tables_never_reveal_small_counts(ds, k, lang):
    period = Period(date(2025, 1, 1), date(2025, 12, 31))
    program = program_blocks(ds, period, lang, k)
    if any(isinstance(b, Table) for b in program):  # tables that share totals agree
        assert not recoverable_across_tables(
            Report(kind="program", lang=lang, title="", period="", audience="supervisor",
                   blocks=program), k)
    reports = [program]
    reports += [group_blocks(ds.for_group(g), period, lang, k) for g in ds.groups]
    for blocks in reports:
        for block in blocks:
            if isinstance(block, Table):
                check_table_disclosure(block, k)
        check_charts_repeat_only_shown_cells(blocks)


def check_charts_repeat_only_shown_cells(blocks):
    """A line chart drawn after its table must not show a value the table hides."""
    for n, chart in enumerate(blocks):
        if not (isinstance(chart, Chart) and chart.kind == "line"):
            continue
        table = next(b for b in reversed(blocks[:n]) if isinstance(b, Table))
        assert [r[0] for r in table.rows[:len(chart.categories)]] == list(chart.categories)
        for label, value, row in zip(chart.categories, chart.series[0].values, table.rows):
            assert (value is None) == (not row[-1][:1].isdigit()), (chart.title, label, row)
