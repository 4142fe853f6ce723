"""Property: whatever the data and whichever allowed period, no table in a supervisor or
program report shows a count from 1 to k-1, and an independent attacker (interval
propagation over the printed cells and the sums a reader can see, in
``tests/tracking/attacker.py``; not the production HiGHS audit) narrows no hidden
small count below its protection interval."""

import dataclasses
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.tracking.analytics import (
    AttendanceRow,
    IncidentRow,
    ResponseRow,
    SessionRow,
)
from facilitator.tracking.loaders import Dataset
from facilitator.tracking.periods import MonthSpan, month_end
from facilitator.tracking.protection import Ledger, protect, resolve
from facilitator.tracking.report_group import group_blocks
from facilitator.tracking.report_model import Chart, Report, Table
from facilitator.tracking.report_program import program_blocks
from tests.privacy.test_small_numbers import recoverable_across_tables
from tests.tracking.attacker import attack_reports, exposed, read_report
from tests.tracking.reportcheck import check_table_disclosure

STATUSES = ["present", "present", "present", "left_early", "absent_notice", None]
TYPES = ["conflict_hostile_dynamics", "other", "risk_disclosure", "boundary_breach"]
FOLLOW = ["open", "done", "none_needed"]


@st.composite
def datasets(draw):
    n_groups = draw(st.integers(1, 3))
    groups = {
        f"g{i}": (f"G{i}", draw(st.sampled_from(["grief", "anxiety", "recovery"])))
        for i in range(n_groups)
    }
    sessions, attendance, responses, incidents = [], [], [], []
    for gid in groups:
        people = [f"{gid}p{i}" for i in range(draw(st.integers(0, 14)))]
        for w in range(draw(st.integers(1, 7))):
            sid = f"{gid}s{w}"
            day = date(2025, 1, 6) + timedelta(days=13 * w)
            sessions.append(SessionRow(sid, gid, day, is_practice=draw(st.booleans()) and w == 0))
            for p in people:
                status = draw(st.sampled_from(STATUSES))
                if status:
                    attendance.append(AttendanceRow(sid, p, status))
                    if status != "absent_notice":
                        pre = draw(st.integers(0, 10))
                        responses.append(ResponseRow(sid, p, "checkin10", "pre", pre, False))
                        responses.append(
                            ResponseRow(
                                sid,
                                p,
                                "checkin10",
                                "post",
                                min(10, pre + draw(st.integers(-2, 3))),
                                False,
                            )
                        )
                        if w % 4 == 0:
                            responses.append(
                                ResponseRow(
                                    sid, p, "who5", "single", 4 * draw(st.integers(0, 25)), False
                                )
                            )
            for _ in range(draw(st.integers(0, 3))):
                incidents.append(
                    IncidentRow(
                        gid, sid, draw(st.sampled_from(TYPES)), draw(st.sampled_from(FOLLOW))
                    )
                )
    return Dataset(groups, sessions, attendance, responses, incidents, [])


periods = st.one_of(
    st.just(MonthSpan(date(2025, 1, 1), date(2025, 12, 31))),
    st.sampled_from([MonthSpan(date(2025, m, 1), month_end(date(2025, m + 2, 1))) for m in (1, 4)]),
    st.tuples(st.integers(1, 4), st.integers(0, 3)).map(
        lambda t: MonthSpan(date(2025, t[0], 1), month_end(date(2025, t[0] + t[1], 1)))
    ),
)


def protected(blocks_of, k, lang, kind="program"):
    """Build with true counts, protect the whole report, print it; and the same
    report with nothing hidden (the truth behind every printed position)."""
    L = Ledger()
    blocks = blocks_of(L)
    d = protect(L, k)
    shown = Report(
        kind=kind, lang=lang, title="", period="", audience="supervisor", blocks=resolve(blocks, d)
    )
    truth = Report(
        kind=kind,
        lang=lang,
        title="",
        period="",
        audience="supervisor",
        blocks=resolve(blocks, dataclasses.replace(d, hidden=frozenset())),
    )
    return shown, truth


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ds=datasets(), months=periods, k=st.sampled_from([5, 11]), lang=st.sampled_from(["en", "ar"])
)
def test_no_hidden_small_count_can_be_worked_out(ds, months, k, lang):
    program, ptruth = protected(lambda L: program_blocks(L, ds, months, lang), k, lang)
    if any(isinstance(b, Table) for b in program.blocks):  # tables that share totals agree
        assert not recoverable_across_tables(program, k)
    reports = [(program, ptruth)]
    for g in ds.groups:
        reports.append(
            protected(
                lambda L: group_blocks(L, ds.for_group(g), months, lang, group_id=g),
                k,
                lang,
                "group",
            )
        )
    for n, (report, truth) in enumerate(reports):
        for block in report.blocks:
            if isinstance(block, Table):
                check_table_disclosure(block, k)
        check_charts_repeat_only_shown_cells(report.blocks)
        ranges, values = attack_reports([read_report(report, n, truth)])
        assert not exposed(ranges, values, k)


def check_charts_repeat_only_shown_cells(blocks):
    """A line chart drawn after its table must not show a value the table hides."""
    for n, chart in enumerate(blocks):
        if not (isinstance(chart, Chart) and chart.kind == "line"):
            continue
        table = next(b for b in reversed(blocks[:n]) if isinstance(b, Table))
        assert [r[0] for r in table.rows[: len(chart.categories)]] == list(chart.categories)
        for label, value, row in zip(chart.categories, chart.series[0].values, table.rows):
            cell = row[-1] if chart.title != table.title else row[-1]
            if cell[:1].isdigit() or cell == "x":
                assert (value is None) == (cell == "x"), (chart.title, label, row)
