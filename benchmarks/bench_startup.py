"""Start-up benchmark: cold start to an interactive main window, beside a bare PySide6 window.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs 7]``

Each measurement is a whole new process, timed from spawn until it reports (on
stdout, ``FACILITATOR_EXIT_AFTER_SHOW=1``) that its main window is shown and
answering events, and until the demo groups are listed. The window appears first
and stays responsive while the store is unlocked and the core (SQLAlchemy,
pydantic, alembic) loads on the worker thread; both times are printed. The app opens the ``--demo`` store (an
encrypted copy of a cached demo template, unlocked with its passphrase), so the
time includes Python start-up, imports, the store unlock (Argon2), the script
library and the first screens. A warm-up run builds the demo template first; the
operating system's file cache is warm for both sides, so the ratio compares like
with like. Target: ratio <= 2.

Also prints the peak resident memory of a process that opens run mode on the
demo store, marks everyone present, walks every step (scores, a round) with the
presenter window open, opens the Safety dialog and idles a few seconds (target < 300 MB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

BARE = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLabel("Hello"))
w.resize(1100, 760)
w.show()
def ready():
    print("facilitator: window 0", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""

RUN_MODE = r"""
import argparse, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facilitator.ui.app import App
from facilitator.ui.context import RunRequest
from facilitator.app.groups import list_groups as load_groups
from facilitator.store.models import Group

args = argparse.Namespace(demo=True, screenshots=None, db=None, lang="en")
app = App(args)
app.open_store()
app.window = app.build_window()
app.window.show()
with app.ctx.db.unit() as s:
    g = s.query(Group).filter(Group.default_script_id.isnot(None)).first()
    gid, script = g.id, g.default_script_id
app.window.start_run(RunRequest(group_id=gid, script_id=script, practice=True))
view = app.window.run_view
# A busy moment of a real session: everyone marked, check-in scores in, the
# presenter window open, the Safety dialog up, then every step walked through.
for person in view.attendance.people():
    view.attendance.button_for(person.id).click()
view.go_next()
view.set_presenter_visible(True)
while view.engine.index is not None and view.controller.next_index() is not None:
    step = view.script.steps[view.engine.index]
    if step.kind in ("check_in", "check_out"):
        panel = view.activity.scores_pre if step.kind == "check_in" else view.activity.scores_post
        for i, row in enumerate(panel.rows()):
            row.group.button(i % 11).click()
    if step.kind == "round":
        view.start_round()
    QApplication.processEvents()
    view.go_next()
safety = view.open_safety()
end = time.monotonic() + float(sys.argv[1])
while time.monotonic() < end:
    QApplication.processEvents()
    time.sleep(0.02)
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"peak_mb {peak_kb / 1024:.1f}")
safety.close()
view.discard_on_close = True  # the practice session is abandoned, not left resumable
view.close()
app.window.close()
app.close()
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["FACILITATOR_HOME"] = str(home)
    env["FACILITATOR_EXIT_AFTER_SHOW"] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each ``facilitator: <marker>`` line, and to exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "facilitator:":
            marks[parts[1]] = time.perf_counter() - start
    proc.wait(timeout=300)
    marks["exit"] = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}):\n{proc.stderr.read()[-2000:]}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--run-seconds", type=float, default=3.0)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = _env(Path(tmp))
        app_cmd = [PY, "-m", "facilitator", "--demo", "--lang", "en"]
        bare_cmd = [PY, "-c", BARE]
        print("warming up (builds the demo template once)…", flush=True)
        _time(app_cmd, env)
        _time(bare_cmd, env)
        bare, window, ready = [], [], []
        for _ in range(opts.runs):  # interleaved, so drift hits both sides alike
            bare.append(_time(bare_cmd, env)["window"])
            marks = _time(app_cmd, env)
            window.append(marks["window"])
            ready.append(marks["ready"])
        b, w, r = (statistics.median(x) for x in (bare, window, ready))
        print(f"bare PySide6 window shown      : median {b * 1000:6.0f} ms")
        print(
            f"facilitator main window shown  : median {w * 1000:6.0f} ms  "
            f"ratio {w / b:.2f} (target <= 2)"
        )
        print(
            f"facilitator groups listed      : median {r * 1000:6.0f} ms  "
            f"ratio {r / b:.2f} (store unlocked, core loaded on the worker thread)"
        )
        env.pop("FACILITATOR_EXIT_AFTER_SHOW")
        done = subprocess.run(
            [PY, "-c", RUN_MODE, str(opts.run_seconds)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("peak_mb")]
        if done.returncode != 0 or not line:
            print(f"run mode memory     : not measured ({done.stderr.strip()[-300:]})")
        else:
            print(f"run mode peak RSS   : {line[0].split()[1]} MB  (target < 300)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
