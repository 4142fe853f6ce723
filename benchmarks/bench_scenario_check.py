"""The scenario editor's live check: how long one check takes, and what it costs the UI.

Run: ``.venv/bin/python benchmarks/bench_scenario_check.py`` (QT_QPA_PLATFORM=offscreen).

1. ``check_scenario_text`` (validation + the path checker) on each built-in scenario:
   median and worst time. Anything over a few milliseconds must not run on the UI
   thread, which is why the editor runs it on a worker.
2. The UI thread's longest stall while the editor checks the largest built-in scenario
   ten times in a row: a 5 ms timer on the UI thread records the longest gap between
   its ticks, with the check on the worker (as the editor does) and, for the ratio, on
   the UI thread itself.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import facilitator.store.models  # noqa: E402,F401 - the models before the practice services
from facilitator.app import practice as svc  # noqa: E402
from facilitator.app import practice_review as review  # noqa: E402

ROUNDS = 10


def check_times() -> tuple[list[tuple[str, float]], str]:
    out = []
    for s in svc.list_scenarios():
        text = Path(s.path).read_text(encoding="utf-8")
        review.check_scenario_text(text, s.path, "en")  # warm caches
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            review.check_scenario_text(text, s.path, "en")
            runs.append((time.perf_counter() - t0) * 1000)
        out.append((s.id, min(runs)))
    largest = max(out, key=lambda x: x[1])[0]
    return out, largest


def ui_stall(scenario_id: str) -> tuple[float, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.practice.scenario_editor import ScenarioEditor

    app = QApplication.instance() or QApplication([])
    source = svc.bundled_scenario_source(scenario_id)

    def measure(on_worker: bool) -> float:
        editor = ScenarioEditor("en", source)
        editor.show()
        done = {"n": 0}
        editor.checked.connect(lambda: done.__setitem__("n", done["n"] + 1))
        while done["n"] < 1:  # the first check, started by the editor itself
            app.processEvents()
        clock = QElapsedTimer()
        gaps: list[float] = []
        last = {"t": 0}

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last["t"])
            last["t"] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        for i in range(ROUNDS):
            if on_worker:
                editor.check_later()
                while done["n"] < i + 2:
                    app.processEvents()
            else:
                editor.check_now()
                app.processEvents()
        timer.stop()
        editor.shutdown()
        editor.deleteLater()
        app.processEvents()
        return max(gaps) if gaps else 0.0

    return measure(True), measure(False)


def main() -> int:
    times, largest = check_times()
    values = [ms for _id, ms in times]
    for sid, ms in times:
        print(f"  {sid:32s} {ms:7.1f} ms")
    print(
        f"check of one scenario: median {statistics.median(values):.1f} ms, "
        f"worst {max(values):.1f} ms ({largest})"
    )
    worker, ui = ui_stall(largest)
    print(
        f"longest UI-thread stall over {ROUNDS} checks of {largest}: "
        f"{worker:.0f} ms on the worker thread, {ui:.0f} ms on the UI thread "
        f"({ui / max(worker, 1):.1f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
