"""Supervision benchmarks (issue 14): audit chain verify, review queue, dashboard.

Targets: the audit chain of 100,000 entries verifies in under 2 s; with a supervisor
store of 50 groups x 3 years x 12 people the review queue lists in under 100 ms and
a dashboard refresh for one programme and one year takes under 300 ms.

Run: ``.venv/bin/python benchmarks/bench_supervision.py [--entries N] [--groups N]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("FACILITATOR_KDF_PROFILE", "test")


def _store(folder: Path):
    import keyring
    from keyring.backends import fail

    from facilitator.store import service

    keyring.set_keyring(fail.Keyring())
    return service.create_store(folder / "bench.db", passphrase="benchmark passphrase")


def bench_audit(n: int) -> None:
    from facilitator.store import audit

    with tempfile.TemporaryDirectory() as tmp:
        st = _store(Path(tmp))
        t0 = time.perf_counter()
        batch = 5000
        for start in range(0, n, batch):
            with st.db.unit() as s:
                for i in range(start, min(n, start + batch)):
                    audit.append_audit(
                        s,
                        "export",
                        entity="report",
                        detail={"file": f"report-{i}.pdf", "lang": "en"},
                    )
        t_write = time.perf_counter() - t0
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            rep = audit.verify_chain(st.db)
            best = min(best, time.perf_counter() - t0)
        assert rep.ok and rep.entries == n + 1, rep
        print(
            f"audit chain: {rep.entries} entries written in {t_write:.1f} s; "
            f"verify {best * 1000:.0f} ms (target < 2000 ms, ratio {best / 2.0:.2f})"
        )
        st.close()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--groups", type=int, default=50)
    ap.add_argument("--weeks", type=int, default=156)
    ap.add_argument("--only", choices=("audit", "queue"), default=None)
    args = ap.parse_args(argv)
    if args.only in (None, "audit"):
        bench_audit(args.entries)
    if args.only in (None, "queue"):
        bench_queue(args.groups, args.weeks)
    return 0


def _best(fn, runs: int = 5) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def bench_queue(groups: int, weeks: int) -> None:
    """A supervisor store of ``groups`` x ``weeks`` x 12 people (the demo generator)."""
    from datetime import date

    from facilitator.app import dashboard, review, users
    from facilitator.demo.generator import generate_demo
    from facilitator.tracking.periods import month_end

    with tempfile.TemporaryDirectory() as tmp:
        st = _store(Path(tmp))
        t0 = time.perf_counter()
        summary = generate_demo(
            st.db, groups=groups, weeks=weeks, seed=7, participants_per_group=12
        )
        t_gen = time.perf_counter() - t0
        who = users.sign_in(st)
        t0 = time.perf_counter()
        res = review.refresh(st.db)
        t_refresh = time.perf_counter() - t0
        t_again, _ = _best(lambda: review.refresh(st.db), runs=1)
        t_list, items = _best(lambda: review.list_items(st.db, who, review.Filters(state="open")))
        t_counts, _ = _best(lambda: review.counts(st.db, who))
        t_group, _ = _best(
            lambda: review.list_items(
                st.db, who, review.Filters(group_id=items[0].group_id if items else None)
            )
        )
        print(
            f"supervisor store: {groups} groups x {weeks} weeks x 12 people, "
            f"{summary.sessions} sessions, {summary.rows} rows (generated in {t_gen:.1f} s)"
        )
        print(
            f"review queue: refresh from triggers {t_refresh:.2f} s ({res.added} items); "
            f"again (nothing new) {t_again:.2f} s"
        )
        print(
            f"review queue: list open {t_list * 1000:.0f} ms ({len(items)} items; target "
            f"< 100 ms, ratio {t_list / 0.1:.2f}); counts {t_counts * 1000:.0f} ms; "
            f"one group {t_group * 1000:.0f} ms"
        )
        ch = dashboard.choices(st.db, who)
        # Reports cover whole calendar months: the twelve months ending with the
        # month of the store's last session.
        end = month_end(ch.last_day or date.today())
        start = date(end.year - (end.month < 12), end.month % 12 + 1, 1)
        q = dashboard.Query(program_type=ch.program_types[0], date_from=start, date_to=end)
        t_dash, dash = _best(lambda: dashboard.build(st.db, who, q), runs=3)
        n_groups = sum(1 for g in ch.groups if g[2] == q.program_type)
        print(
            f"dashboard: one programme ({q.program_type}, {n_groups} groups) and a year: "
            f"{t_dash * 1000:.0f} ms (target < 300 ms, ratio {t_dash / 0.3:.2f}); "
            f"{len(dash.report.blocks)} blocks"
        )
        st.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
