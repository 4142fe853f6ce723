"""Report bundles (issue 15): 50 facilitators' one-year bundles into one supervisor store.

Measures, on real SQLCipher stores:

* export of one facilitator-year (plan + encrypt + sign + write), median of 3;
* importing every facilitator's bundle into one supervisor store (all of them, in
  one process), with the resident memory after every tenth bundle, so growth with
  the number of bundles shows;
* re-importing a second, unchanged bundle from every facilitator (all records
  already there: nothing changes) and its ratio to the first import.

Setup (making 50 stores with a year of demo data each) is not timed. Key slots use
the test KDF profile so setup is quick; unlocking is not what is measured.
Run: ``.venv/bin/python benchmarks/bench_bundles.py [--facilitators N] [--weeks W]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("FACILITATOR_KDF_PROFILE", "test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.app import bundle_keys as keys  # noqa: E402
from facilitator.app import bundles  # noqa: E402
from facilitator.demo import generate_demo  # noqa: E402
from facilitator.store.service import create_store  # noqa: E402

PASS = "benchmark passphrase"


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--facilitators", type=int, default=50)
    ap.add_argument("--groups", type=int, default=2, help="groups per facilitator")
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--people", type=int, default=12)
    a = ap.parse_args()
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sup = create_store(root / "sup.db", passphrase=PASS, use_keyring=False)
        sup_pk = keys.export_public(sup.db, root / "sup.pub", "supervisor")
        t0 = time.perf_counter()
        first, second = [], []
        export_times = []
        for i in range(a.facilitators):
            st = create_store(root / f"f{i}.db", passphrase=PASS, use_keyring=False)
            generate_demo(
                st.db,
                groups=a.groups,
                weeks=a.weeks,
                seed=i + 1,
                id_salt=i * 100,
                participants_per_group=a.people,
            )
            pk = keys.export_public(st.db, root / f"f{i}.pub", f"facilitator {i}")
            keys.trust(st.db, sup_pk, sup_pk.fingerprint)
            keys.trust(sup.db, pk, pk.fingerprint)
            t = time.perf_counter()
            bundles.export_bundle(st.db, [sup_pk], root / f"f{i}-1.fbundle")
            export_times.append(time.perf_counter() - t)
            if i < 2:  # two more timings of the same facilitator-year
                for k in range(2):
                    t = time.perf_counter()
                    bundles.export_bundle(st.db, [sup_pk], root / f"f{i}-x{k}.fbundle")
                    export_times.append(time.perf_counter() - t)
            bundles.export_bundle(st.db, [sup_pk], root / f"f{i}-2.fbundle")
            first.append(root / f"f{i}-1.fbundle")
            second.append(root / f"f{i}-2.fbundle")
            st.close()
        setup = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in first) / len(first)
        print(
            f"setup: {a.facilitators} facilitator stores, {a.groups} groups x {a.weeks} weeks "
            f"x {a.people} people each, in {setup:.1f} s (not timed below)"
        )
        print(
            f"export of one facilitator-year: median {statistics.median(export_times):.3f} s "
            f"(max {max(export_times):.3f} s); bundle {size / 1024:.0f} KiB"
        )

        rss = [rss_mib()]
        blocks = [sys.getallocatedblocks()]
        t = time.perf_counter()
        records = 0
        for n, f in enumerate(first, 1):
            r = bundles.import_bundle(sup.db, f)
            assert not r.refused and not r.conflicts, (r.refused[:3], r.conflicts[:3])
            records += sum(r.added.values())
            if n % 10 == 0:
                rss.append(rss_mib())
                blocks.append(sys.getallocatedblocks())
        t_first = time.perf_counter() - t
        t = time.perf_counter()
        unchanged = 0
        for f in second:
            r = bundles.import_bundle(sup.db, f)
            assert sum(r.added.values()) == 0 and sum(r.changed.values()) == 0
            unchanged += r.unchanged
        t_again = time.perf_counter() - t
        print(
            f"import of {len(first)} bundles ({records} records): {t_first:.1f} s "
            f"({t_first / len(first) * 1000:.0f} ms per bundle)"
        )
        print(
            "resident memory (MiB) after 0, 10, 20... bundles: "
            + ", ".join(f"{x:.0f}" for x in rss)
        )
        print(
            "Python heap blocks (thousands) at the same points: "
            + ", ".join(f"{x / 1000:.0f}" for x in blocks)
        )
        print(
            f"re-import of {len(second)} unchanged bundles ({unchanged} records, nothing "
            f"written): {t_again:.1f} s = {t_again / t_first:.2f} of the first import"
        )
        sup.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
