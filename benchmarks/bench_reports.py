"""Benchmark: report PDFs on demo data (20 groups x 52 weekly sessions x 12 people).

Run:  .venv/bin/python benchmarks/bench_reports.py [--groups 20 --weeks 52 --repeat 3]

For the program report and a session summary it prints, in both languages:

* ``numbers``: building the :class:`Report` from the store (tracking layer),
* ``render``: laying it out and writing the PDF bytes (export layer),
* ``floor``: a minimal ReportLab document holding the same tables as plain strings
  in a base font (no shaping, no bidi, no chrome, no charts): the least any PDF
  writer on ReportLab could spend; ``ratio`` is render / floor,

``total`` is the best of ``--repeat`` runs and ``first run`` the first (cold
shaping caches); the verdict uses the first run. Then the peak memory of the
process (``ru_maxrss``) and the traced peak of one render.
Targets (issue 4): program report under 3 s, session summary under 0.3 s,
end to end (numbers + render).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table  # noqa: E402

from facilitator.export.pdf import render_report  # noqa: E402
from facilitator.store.db import Database  # noqa: E402
from facilitator.store.models import Base, Session, SessionStatus  # noqa: E402
from facilitator.tracking import report_model as rm  # noqa: E402
from facilitator.tracking.reports import build_program_report, build_session_report  # noqa: E402


def floor_pdf(report: rm.Report) -> bytes:
    """The same tables in the plainest ReportLab document possible."""
    buf = io.BytesIO()
    story = []
    for block in report.blocks:
        if isinstance(block, rm.Table):
            data = [list(block.columns)] + [list(r) for r in block.rows]
            story.append(Table(data, repeatRows=1))
        elif isinstance(block, rm.KeyFigures):
            story.append(Table([[v for _, v in block.items], [k for k, _ in block.items]]))
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def best_of(fn, repeat: int) -> tuple[float, object, float]:
    """Best time of ``repeat`` runs, the result, and the first run's time (the shaping
    caches are cold for a report's own strings on the first run only)."""
    best, first = float("inf"), None
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        took = time.perf_counter() - t0
        first = took if first is None else first
        best = min(best, took)
    return best, result, first


def bench(label: str, build, repeat: int, target: float) -> None:
    numbers, report, numbers_first = best_of(build, repeat)
    render, pdf, render_first = best_of(lambda: render_report(report), repeat)
    floor, _, _ = best_of(lambda: floor_pdf(report), repeat)
    total, first = numbers + render, numbers_first + render_first
    verdict = "OK" if first < target else "SLOW"
    print(
        f"{label:<22} numbers {numbers:6.3f} s  render {render:6.3f} s  "
        f"floor {floor:6.3f} s  ratio {render / floor if floor else float('nan'):5.1f}x  "
        f"total {total:6.3f} s, first run {first:6.3f} s (target < {target} s: {verdict})  "
        f"{len(pdf) // 1024} KiB"
    )


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
        t0 = time.perf_counter()
        summary = generate_demo(db, args.groups, args.weeks, 1, args.participants)
        print(
            f"demo data: {args.groups} groups x {args.weeks} weeks x {args.participants} "
            f"people, {summary.rows} rows in {time.perf_counter() - t0:.1f} s"
        )
        with db.session() as s:
            session_id = (
                s.query(Session.id)
                .filter(Session.status == SessionStatus.completed, Session.is_practice.is_(False))
                .order_by(Session.started_at.desc())
                .first()[0]
            )

        render_report(build_session_report(db, session_id, "en"))  # warm fonts and caches
        for lang in ("en", "ar"):
            bench(
                f"program report [{lang}]",
                lambda: build_program_report(db, None, None, lang),
                args.repeat,
                3.0,
            )
            bench(
                f"session summary [{lang}]",
                lambda: build_session_report(db, session_id, lang),
                args.repeat,
                0.3,
            )

        report = build_program_report(db, None, None, "ar")
        tracemalloc.start()
        render_report(report)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        db.close()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory: process {maxrss:.0f} MiB (ru_maxrss); "
        f"one Arabic program render traced {peak / 2**20:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
