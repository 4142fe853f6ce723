"""What the issue-10 guards cost when a store is opened.

Run: ``.venv/bin/python benchmarks/bench_open_guard.py [--groups 2000] [--opens 15]``

Prints the median ``open_store`` time (passphrase slot at the test KDF profile, so the
numbers show the store's own work, not Argon2) for
* a cleanly closed store (no ``-wal``: the probe is the same single read as before);
* a store with its own WAL left by a crash (read-only probe + quick_check first);
* a store with a foreign WAL beside it (the database alone is copied and probed, the WAL
  moved aside), the rare case;
and the time of one ``check_output_path`` call (the output-path rule).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["FACILITATOR_KDF_PROFILE"] = "test"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from facilitator.store import service  # noqa: E402
from facilitator.store.db import _key_pragma  # noqa: E402
from facilitator.store.models import Group, Note  # noqa: E402
from facilitator.store.outpath import check_output_path  # noqa: E402

PASS = "benchmark passphrase"


def _crash_with_wal(db: Path, key: bytes) -> None:
    script = (
        f"import os, sqlcipher3\nc = sqlcipher3.connect({str(db)!r}, isolation_level=None)\n"
        f"c.execute('''{_key_pragma(key)}''')\nc.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute(\"UPDATE note SET body = body || 'x'\")\nos._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False)


def _median_open(db: Path, n: int, prepare=None) -> float:
    times = []
    for _ in range(n):
        if prepare:
            prepare()
        t = time.perf_counter()
        service.open_store(db, passphrase=PASS).close()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=2000)
    ap.add_argument("--opens", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.db"
        st = service.create_store(db, passphrase=PASS)
        with st.db.unit() as s:
            for i in range(args.groups):
                g = Group(name=f"g{i}", program_type="general")
                s.add(g)
                s.flush()
                s.add(Note(group_id=g.id, body="n" * 200))
        key = st.key
        st.close()
        other = Path(tmp) / "o" / "o.db"
        ost = service.create_store(other, passphrase=PASS)
        ost.close()
        _crash_with_wal(other, ost.key)
        foreign = (other.parent / "o.db-wal").read_bytes()
        size = db.stat().st_size / 1e6
        clean = _median_open(db, args.opens)
        own = _median_open(db, args.opens, lambda: _crash_with_wal(db, key))

        def plant() -> None:
            (Path(tmp) / "s.db-wal").write_bytes(foreign)
            for p in Path(tmp).glob("s.db-wal.foreign-*"):
                p.unlink()

        alien = _median_open(db, max(3, args.opens // 3), plant)
        t = time.perf_counter()
        for _ in range(200):
            check_output_path(Path(tmp) / "report.pdf", stores=[db])
        rule = (time.perf_counter() - t) / 200 * 1000
        shutil.rmtree(other.parent)
    print(f"open_store, {size:.1f} MB store, median of {args.opens}:")
    print(f"  cleanly closed (no WAL)     : {clean:7.1f} ms")
    print(f"  own WAL after a crash       : {own:7.1f} ms  ({own / clean:.1f}x)")
    print(f"  foreign WAL (set aside)     : {alien:7.1f} ms  ({alien / clean:.1f}x)")
    print(f"check_output_path             : {rule:7.3f} ms per call")


if __name__ == "__main__":
    main()
