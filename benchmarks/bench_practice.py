"""Practice scenarios: how long the checker and the engine take.

Prints: the time to check all built-in scenarios (every path, every temperament
combination that matters), the time for one whole simulated attempt (engine only, on a
manual clock), and the time to write one attempt to an encrypted store entry by entry
as it happens, then read a trainee history of 200 attempts (what issue 17's history
screen will ask for).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.practice.checker import check  # noqa: E402
from facilitator.practice.engine import ManualClock, PracticeRun, autoplay  # noqa: E402
from facilitator.practice.loader import builtin_scenarios  # noqa: E402
from facilitator.scripts.library import load_script  # noqa: E402


def main() -> int:
    scenarios = builtin_scenarios()
    t0 = time.perf_counter()
    paths = sum(check(s, load_script(s.script)).paths for s in scenarios.values())
    took = time.perf_counter() - t0
    print(
        f"check all {len(scenarios)} scenarios: {took:.2f} s, {paths} paths "
        f"({took / paths * 1000:.2f} ms a path)"
    )

    sc = scenarios["suicidal-disclosure-round"]
    script = load_script(sc.script)
    times = []
    for seed in range(300):
        clock = ManualClock()
        t = time.perf_counter()
        autoplay(PracticeRun(sc, script, seed, clock=clock), lambda r, d: d.options[0].id, clock)
        times.append(time.perf_counter() - t)
    print(f"one simulated attempt (engine only): median {statistics.median(times) * 1000:.2f} ms")

    from facilitator.app import practice as svc
    from facilitator.store.db import Database
    from facilitator.store.models import Base

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db", os.urandom(32))
        Base.metadata.create_all(db.engine)
        stored = []
        for i in range(200):
            clock = ManualClock()
            t = time.perf_counter()
            attempt = svc.start_attempt(db, "silent-member", "trainee", seed=i, clock=clock)
            autoplay(attempt.run, lambda r, d: d.options[0].id, clock)
            attempt.sync_if_ended() if attempt.run.outcome is None else attempt.finish()
            stored.append(time.perf_counter() - t)
        print(f"one attempt saved entry by entry: median {statistics.median(stored) * 1000:.1f} ms")
        t = time.perf_counter()
        rows = svc.history(db, trainee="trainee")
        print(f"history of {len(rows)} attempts: {(time.perf_counter() - t) * 1000:.1f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
