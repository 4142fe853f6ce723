"""Run every benchmark in this folder, one process each, and print their figures.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/run_all.py [NAME ...]``).

Each ``bench_*.py`` is its own script with its own defaults (the sizes the issues
name); this runner only starts them in turn with the same interpreter, passes their
output through, and exits non-zero if any of them failed, so a broken benchmark is
noticed rather than skipped. Benchmarks print figures and ratios; they are not
pass/fail timing tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        wanted = {a.removeprefix("bench_").removesuffix(".py") for a in argv}
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
        if not scripts:
            print(f"run_all: no benchmark named {' '.join(argv)}", file=sys.stderr)
            return 1
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    failed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script)], env=env, cwd=HERE.parent)
        print(
            f"== {script.name}: {'ok' if rc == 0 else f'FAILED (exit {rc})'} "
            f"in {time.perf_counter() - t0:.1f} s\n",
            flush=True,
        )
        if rc != 0:
            failed.append(script.name)
    if failed:
        print("run_all: failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
