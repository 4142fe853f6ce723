"""Benchmark: the disclosure audit inside the program report (issue 11).

Run:  .venv/bin/python benchmarks/bench_disclosure.py [--groups 20 --weeks 52 --repeat 3]

Builds the program report (numbers only, no PDF) on demo data of 20 groups x 52
weekly sessions x 12 people for a calendar year, and prints the whole build, the
share spent in :func:`facilitator.tracking.protection.protect` (suppression, the
HiGHS audit and the release register), the printed and hidden cells and the audit
rounds. Then the same with one earlier overlapping release in the register, and the
quarter after 60 monthly group reports to the same readers (a busy register). Target:
the program report under 1 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.store.db import Database  # noqa: E402
from facilitator.store.models import Base  # noqa: E402
from facilitator.tracking import release  # noqa: E402
from facilitator.tracking.reports import build_program_report  # noqa: E402

SPENT = [0.0, 0.0]
_protect = release.protect


def timed_protect(*args, **kwargs):
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        return _protect(*args, **kwargs)
    finally:
        SPENT[0] += time.perf_counter() - t0
        SPENT[1] += time.process_time() - c0


release.protect = timed_protect


def run(db, start, end, repeat):
    best = None
    for _ in range(repeat):
        SPENT[0] = SPENT[1] = 0.0
        t0, c0 = time.perf_counter(), time.process_time()
        report = build_program_report(db, start, end, "en")
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        if best is None or took < best[0]:
            best = (took, SPENT[0], report, cpu, SPENT[1])
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--participants", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from facilitator.demo.generator import generate_demo

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db", os.urandom(32))
        Base.metadata.create_all(db.engine)
        generate_demo(db, args.groups, args.weeks, 1, args.participants)
        from facilitator.tracking.analytics import held_sessions
        from facilitator.tracking.loaders import load_dataset

        with db.session() as s:
            days = [x.day for x in held_sessions(load_dataset(s).sessions)]
        year = min(days).year
        cases = [
            ("calendar year", date(year, 1, 1), date(year, 12, 31)),
            ("first quarter", date(year, 1, 1), date(year, 3, 31)),
        ]
        for label, start, end in cases:
            took, audit, report, cpu, audit_cpu = run(db, start, end, args.repeat)
            d = report.release.decision
            verdict = "OK" if cpu < 1.0 else "SLOW"  # CPU: steady on a shared machine
            print(
                f"program report, {label:<14} {took:6.3f} s (CPU {cpu:5.3f} s; target "
                f"< 1 s: {verdict}); protection {audit:6.3f} s = {100 * audit / took:4.1f}% "
                f"(CPU {audit_cpu:5.3f} s = {100 * audit_cpu / cpu:4.1f}%; "
                f"{len(d.printed)} counts printed, {len(d.hidden)} hidden, "
                f"{len(d.small)} small, {d.rounds} audit round(s))"
            )
        # with an earlier overlapping release in the register
        release.record(db, build_program_report(db, date(year, 1, 1), date(year, 3, 31), "en"))
        took, audit, report, cpu, audit_cpu = run(
            db, date(year, 1, 1), date(year, 12, 31), args.repeat
        )
        d = report.release.decision
        print(
            f"program report, year after a Q1 release {took:6.3f} s (CPU {cpu:5.3f} s); "
            f"protection {audit:6.3f} s = {100 * audit / took:4.1f}% (CPU {audit_cpu:5.3f} s; "
            f"{len(d.hidden)} hidden, {len(d.used_releases)} earlier release(s) audited "
            f"with it)"
        )
        # a busy register: every group's report for each month of the first quarter
        # (60 releases to the same readers), then the program report for the quarter
        import calendar

        from facilitator.store.models import Group
        from facilitator.tracking.reports import build_group_report

        release.clear(db)
        with db.session() as s:
            groups = [g for (g,) in s.query(Group.id)]
        for month in (1, 2, 3):
            end = date(year, month, calendar.monthrange(year, month)[1])
            for gid in groups:
                release.record(db, build_group_report(db, gid, date(year, month, 1), end, "en"))
        took, audit, report, cpu, audit_cpu = run(db, date(year, 1, 1), date(year, 3, 31), 1)
        d = report.release.decision
        print(
            f"program report, first quarter after {len(d.used_releases)} group releases "
            f"{took:6.3f} s (CPU {cpu:5.3f} s); protection CPU {audit_cpu:5.3f} s "
            f"({len(d.hidden)} hidden; withheld more because of them: "
            f"{d.because_of_earlier})"
        )
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
