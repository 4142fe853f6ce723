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
                    audit.append_audit(s, "export", entity="report",
                                       detail={"file": f"report-{i}.pdf", "lang": "en"})
        t_write = time.perf_counter() - t0
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            rep = audit.verify_chain(st.db)
            best = min(best, time.perf_counter() - t0)
        assert rep.ok and rep.entries == n + 1, rep
        print(f"audit chain: {rep.entries} entries written in {t_write:.1f} s; "
              f"verify {best * 1000:.0f} ms (target < 2000 ms, ratio {best / 2.0:.2f})")
        st.close()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--groups", type=int, default=50)
    ap.add_argument("--only", choices=("audit", "queue"), default=None)
    args = ap.parse_args(argv)
    if args.only in (None, "audit"):
        bench_audit(args.entries)
    if args.only in (None, "queue"):
        try:
            from bench_supervision_queue import bench_queue  # noqa: F401
        except ImportError:
            pass
        else:
            bench_queue(args.groups)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
