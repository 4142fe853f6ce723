"""Practice screens (issue 17): a trainee history of 200 attempts, and event-card timing.

Prints:
* the time to open the trainee history screen over 200 stored attempts across four
  scenarios (service query + charts + table + first paint), target < 300 ms;
* how late event cards and decision panels appear after their time on the session
  clock, on the real clock (the session clock runs 600x so a whole session fits in
  seconds; lateness is converted back to real milliseconds), target < 16.7 ms
  (one frame at 60 Hz). The figure includes the store write made before a card shows.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCENARIOS = (
    "silent-member",
    "dominating-member",
    "suicidal-disclosure-round",
    "boundary-private-meeting",
)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from facilitator.app import practice as svc
    from facilitator.practice.engine import ManualClock, autoplay
    from facilitator.store.db import Database
    from facilitator.store.models import Base
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    # Few processEvents() calls on purpose: with PySide6 6.12.0 on CPython 3.11 every
    # call of a void Qt method drops a reference to None (see the README), and a busy
    # polling loop would exhaust it.
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db", os.urandom(32))
        Base.metadata.create_all(db.engine)
        t = time.perf_counter()
        for i in range(200):
            clock = ManualClock()
            attempt = svc.start_attempt(db, SCENARIOS[i % 4], "trainee", seed=i, clock=clock)
            autoplay(attempt.run, lambda r, d, i=i: d.options[(i // 4) % len(d.options)].id, clock)
            attempt.sync_if_ended() if attempt.run.outcome is None else attempt.finish()
        print(f"stored 200 attempts in {time.perf_counter() - t:.1f} s (set-up)")
        ctx = AppContext(db, "en", SyncTaskRunner(), AppSettings(Path(tmp) / "s.ini"))

        from facilitator.app import practice_review as review
        from facilitator.ui.practice.history_view import HistoryView

        review.trainee_history(db, "trainee")  # warm the scenario library (start-up work)
        opened = []
        for _ in range(7):
            t = time.perf_counter()
            view = HistoryView(ctx, "trainee")
            view.resize(1280, 800)
            view.show()
            app.processEvents()
            view.grab()
            opened.append((time.perf_counter() - t) * 1000)
            view.close()
            view.deleteLater()
            app.processEvents()
        q = []
        for _ in range(7):
            t = time.perf_counter()
            review.trainee_history(db, "trainee")
            q.append((time.perf_counter() - t) * 1000)
        print(
            f"trainee history, 200 attempts: query median {statistics.median(q):.1f} ms; "
            f"screen open+paint median {statistics.median(opened):.1f} ms, "
            f"worst {max(opened):.1f} ms (target < 300 ms, "
            f"{300 / statistics.median(opened):.1f}x headroom)"
        )

        from facilitator.ui.practice.practice_view import PracticeView

        speed = 600.0
        late: list[float] = []
        for seed in range(1):
            t0 = time.monotonic()
            view = PracticeView(
                ctx,
                "dominating-member",
                "timing",
                "practice",
                seed=seed,
                clock=lambda t0=t0: (time.monotonic() - t0) * speed,
                rate=speed,
            )
            view.show()
            deadline = time.monotonic() + 60
            while not view.run.done and time.monotonic() < deadline:
                app.processEvents()
                run = view.run
                if run.pending:
                    view.choose_number(1)
                elif run.run.snapshot().step_remaining <= 0:
                    view.next_step()
                time.sleep(0.002)
            late += [s / speed * 1000 for kind, s in view.card_times if kind == "event"]
            view.stop() if not view.run.done else None
            view.close()
            view.deleteLater()
            app.processEvents()
        if late:
            print(
                f"event cards: {len(late)} timed cards, lateness on the real clock median "
                f"{statistics.median(late):.2f} ms, worst {max(late):.2f} ms "
                f"(target < 16.7 ms)"
            )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
