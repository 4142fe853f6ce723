"""The differencing attack of issue 11, automated.

A year of demo data; program reports for every month, every calendar quarter, the
year, and the year-to-date cuts (January to each month), written one after another
as a programme would, each recorded in the release register. For every pair of
those reports that overlap, an independent attacker (interval propagation over both
reports' printed cells, tests/tracking/attacker.py) combines them: no count from 1
to k-1 that either report hides may be narrowed below its protection interval.
Day-level cuts are refused outright (tests/privacy/test_cli_errors.py and below).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from datetime import date

import pytest

from facilitator.demo import generate_demo
from facilitator.store.db import Database
from facilitator.store.models import Base
from facilitator.tracking import release
from facilitator.tracking.loaders import load_dataset
from facilitator.tracking.periods import MonthSpan, month_end
from facilitator.tracking.protection import Ledger, resolve
from facilitator.tracking.report_model import Report
from facilitator.tracking.report_program import program_blocks
from facilitator.tracking.reports import build_program_report
from tests.tracking.attacker import attack_reports, exposed, read_report

YEAR = 2025


def allowed_periods() -> list[MonthSpan]:
    months = [MonthSpan(date(YEAR, m, 1), month_end(date(YEAR, m, 1))) for m in range(1, 13)]
    quarters = [MonthSpan(date(YEAR, m, 1), month_end(date(YEAR, m + 2, 1))) for m in (1, 4, 7, 10)]
    to_date = [MonthSpan(date(YEAR, 1, 1), month_end(date(YEAR, m, 1))) for m in (2, 4, 8, 11)]
    return [*months, *quarters, *to_date, MonthSpan(date(YEAR, 1, 1), date(YEAR, 12, 31))]


@pytest.fixture(scope="module")
def year_db(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("year") / "demo.db", os.urandom(32))
    Base.metadata.create_all(db.engine)
    generate_demo(db, groups=4, weeks=52, seed=7)
    yield db
    db.close()


def truth_of(db, months: MonthSpan, lang: str = "en", decision=None) -> Report:
    """The report with nothing hidden (the true number behind every printed cell), or
    printed with ``decision``."""
    from facilitator.tracking.custom_measures import custom_measures

    with db.session() as s:
        ds = load_dataset(s)
        measures = custom_measures(s)
    L = Ledger()
    blocks = program_blocks(L, ds, months, lang, measures=measures)
    from facilitator.tracking.protection import Decision

    d = Decision(
        k=2,
        values=dict(L.values),
        hidden=frozenset(),
        printed=frozenset(L.printed),
        ranges={},
        rounds=0,
        because_of_earlier=False,
    )
    return Report(
        kind="program",
        lang=lang,
        title="",
        period="",
        audience="supervisor",
        blocks=resolve(blocks, decision or d),
    )


@pytest.mark.parametrize("k,external", [(5, False), (11, True)])
def test_no_pair_of_allowed_program_reports_gives_a_small_count_away(year_db, k, external):
    release.clear(year_db)
    with year_db.session() as s:
        first = min(x.day for x in load_dataset(s).sessions)
    assert first.year == YEAR or pytest.skip("demo data does not start in the test year")
    reads = []
    for n, months in enumerate(allowed_periods()):
        report = build_program_report(
            year_db, months.start, months.end, "en", k=k, external=external
        )
        release.record(year_db, report)  # as if written to a file
        reads.append((months, read_report(report, n, truth_of(year_db, months))))
    checked = 0
    for (a, ra), (b, rb) in itertools.combinations(reads, 2):
        if not a.overlaps(b):
            continue
        ranges, truth = attack_reports([ra, rb])
        assert not exposed(ranges, truth, k), (a, b)
        checked += 1
    assert checked > 60
    # the register made some later report withhold more than it would alone
    assert release.entries(year_db)


def test_the_attacker_catches_cell_by_cell_suppression(year_db):
    """Control: the same reports with only the small cells hidden (no partners, no
    audit) give counts away to this attacker, so the test above can fail."""
    release.clear(year_db)
    hits = 0
    for months in allowed_periods()[:6]:
        report = build_program_report(year_db, months.start, months.end, "en", k=5)
        d = report.release.decision
        naive = dataclasses.replace(d, hidden=d.small)
        truth = truth_of(year_db, months)
        shown = truth_of(year_db, months, decision=naive)
        ranges, values = attack_reports([read_report(shown, 0, truth)])
        hits += bool(exposed(ranges, values, 5))
    assert hits > 0


def test_day_level_periods_are_refused(year_db):
    from facilitator.errors import InputError

    with pytest.raises(InputError, match="does not end a month"):
        build_program_report(year_db, date(YEAR, 1, 1), date(YEAR, 1, 30), "en")
    with pytest.raises(InputError, match="does not start a month"):
        build_program_report(year_db, date(YEAR, 1, 2), date(YEAR, 1, 31), "en")


def test_group_reports_then_the_program_report(year_db):
    """Monthly reports of every group for a quarter, then the program report for the
    quarter, to the same readers. Over everything the register says they printed (the
    cells and the sums between them, group months tied to programme types), the
    attacker narrows no hidden small count of any of them below its interval."""
    import calendar

    from facilitator.store.models import Group
    from facilitator.store.models_release import ReportRelease
    from facilitator.tracking.reports import build_group_report
    from tests.tracking.attacker import propagate

    release.clear(year_db)
    with year_db.session() as s:
        groups = [g for (g,) in s.query(Group.id)]
    for month in (1, 2, 3):
        end = date(YEAR, month, calendar.monthrange(YEAR, month)[1])
        for gid in groups:
            release.record(
                year_db, build_group_report(year_db, gid, date(YEAR, month, 1), end, "en")
            )
    program = build_program_report(year_db, date(YEAR, 1, 1), date(YEAR, 3, 31), "en")
    release.record(year_db, program)
    assert len(program.release.decision.used_releases) == 3 * len(groups)
    known, hidden, small, sums, distinct, zeros = {}, set(), {}, [], [], set()
    with year_db.session() as s:
        rows = [r.cells for r in s.query(ReportRelease)]
    for cells in rows:
        for c, v in cells["cells"].items():
            if v is None:
                hidden.add(c)
            else:
                known[c] = v
        small.update({c: 1 for c in cells["small"]})
        sums += [(t, ps) for t, ps in cells["equal"]]
        distinct += [(t, ps) for t, ps in cells["distinct"]]
        zeros |= set(cells["zeros"])
    ranges = propagate(known, hidden - set(known), sums, distinct, zeros)
    weak = {c: r for c, r in ranges.items() if c in small and not (r[1] >= 5 and r[1] - r[0] >= 5)}
    assert not weak
