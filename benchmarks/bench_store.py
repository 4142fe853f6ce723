"""Store benchmark: open+unlock cost and the price of encryption on a real workload.

Run: ``.venv/bin/python benchmarks/bench_store.py [--rows 100000] [--opens 30] [--rounds 3]``

Prints
* open + unlock with the raw key (``Database`` + first query), median of N: target < 50 ms;
* the full ``open_store`` path (keyring unlock, lock file, quick integrity checks,
  audit row) on the same large store, so the cost of verifying on open is visible;
* a 100k-row attendance/outcome workload (inserts in 1,000-row transactions plus a few
  report-style aggregate queries) on SQLCipher and on plain sqlite3 with the same schema
  and pragmas (WAL, synchronous=FULL, the same page-cache size), and the
  encrypted/plain time ratio (median of alternating rounds): target <= 1.5.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, event, func, insert, select  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from facilitator.store.db import Database  # noqa: E402
from facilitator.store.models import (  # noqa: E402
    Attendance,
    Base,
    Group,
    MeasureDefinition,
    MeasureResponse,
    Participant,
    Session,
    new_id,
)

BATCH = 1000


def sqlcipher_cache_size(path: Path, key: bytes) -> int:
    """The page-cache size the app's connections really get (SQLCipher's default is
    larger than plain SQLite's), so the plain baseline can be given the same."""
    from facilitator.store.db import raw_connect

    conn = raw_connect(path, key)
    try:
        return int(conn.execute("PRAGMA cache_size").fetchone()[0])
    finally:
        conn.close()


def plain_engine(path: Path, cache_size: int) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(conn, _rec):
        conn.isolation_level = None
        for p in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            f"cache_size = {cache_size}",
        ):
            conn.execute(f"PRAGMA {p}")

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def _rows(n_rows: int, seed: int = 7):
    """Deterministic groups/participants/sessions plus attendance and responses."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 18, tzinfo=timezone.utc)
    groups = [
        {
            "id": new_id(),
            "name": f"group {i}",
            "program_type": "general",
            "language": "en",
            "extra_rules": [],
            "headcount_only": False,
            "archived": False,
            "created_at": start,
        }
        for i in range(40)
    ]
    parts = [
        {
            "id": new_id(),
            "group_id": g["id"],
            "code": f"P{gi:02d}{j:03d}",
            "archived": False,
            "created_at": start,
        }
        for gi, g in enumerate(groups)
        for j in range(25)
    ]
    sessions = [
        {
            "id": new_id(),
            "group_id": g["id"],
            "script_id": "mutual-support-circle",
            "script_version": "1.0",
            "status": "completed",
            "is_practice": w % 10 == 9,
            "no_notes": False,
            "started_at": start + timedelta(weeks=w),
            "created_at": start,
        }
        for g in groups
        for w in range(60)
    ]
    measure = {
        "id": new_id(),
        "key": "checkin",
        "title": {"en": "Check-in", "ar": "..."},
        "spec": {},
        "builtin": True,
        "created_at": start,
    }
    by_group: dict[str, list[dict]] = {}
    for p in parts:
        by_group.setdefault(p["group_id"], []).append(p)
    att, resp = [], []
    half = n_rows // 2
    for s in sessions:  # 40 groups x 60 weeks x 25 people x ~85% >= 50k
        for p in by_group[s["group_id"]]:
            if len(att) < half and rng.random() < 0.85:
                att.append(
                    {
                        "id": new_id(),
                        "session_id": s["id"],
                        "participant_id": p["id"],
                        "status": "present",
                        "first_time": False,
                        "recorded_at": start,
                    }
                )
    for a in att:
        for phase in ("pre", "post"):
            if len(resp) >= n_rows - half:
                break
            resp.append(
                {
                    "id": new_id(),
                    "session_id": a["session_id"],
                    "participant_id": a["participant_id"],
                    "measure_id": measure["id"],
                    "phase": phase,
                    "value": float(rng.randint(0, 10)),
                    "passed": False,
                    "recorded_at": start,
                }
            )
    return groups, parts, sessions, measure, att, resp


def workload(engine: Engine, data) -> tuple[float, float]:
    """Run the workload; (wall seconds, CPU seconds of this process)."""
    groups, parts, sessions, measure, att, resp = data
    t0, c0 = time.perf_counter(), time.process_time()
    with engine.begin() as c:
        c.execute(insert(Group), groups)
        c.execute(insert(Participant), parts)
        c.execute(insert(Session), sessions)
        c.execute(insert(MeasureDefinition), [measure])
    for table, rows in ((Attendance, att), (MeasureResponse, resp)):
        for i in range(0, len(rows), BATCH):
            with engine.begin() as c:
                c.execute(insert(table), rows[i : i + BATCH])
    with engine.connect() as c:
        real = Session.is_practice.is_(False)
        c.execute(
            select(Session.group_id, func.count(Attendance.id))
            .join(Attendance, Attendance.session_id == Session.id)
            .where(real)
            .group_by(Session.group_id)
        ).all()
        c.execute(
            select(
                MeasureResponse.session_id, MeasureResponse.phase, func.avg(MeasureResponse.value)
            ).group_by(MeasureResponse.session_id, MeasureResponse.phase)
        ).all()
        c.execute(select(func.count(func.distinct(Attendance.participant_id)))).scalar()
        c.execute(
            select(Participant.group_id, func.count(Attendance.id))
            .join(Attendance, Attendance.participant_id == Participant.id)
            .group_by(Participant.group_id)
        ).all()
    return time.perf_counter() - t0, time.process_time() - c0


def compare(
    data, rounds: int, folder: Path
) -> tuple[list[tuple[float, float]], list[tuple[float, float]], bytes]:
    """``rounds`` fresh plain/encrypted runs, alternating which goes first.

    Why several rounds: on a shared or throttled laptop one run of each differs by
    +-30 % from the next (fsync latency, other processes), which is more than the
    cost of encryption; medians of alternating runs cancel most of that drift.
    The last round's encrypted store is left as ``folder/enc.db`` (its key returned)
    for the open benchmarks.
    """
    plain_t, enc_t = [], []
    key = b""
    for r in range(rounds):
        for leftover in folder.iterdir():
            leftover.unlink()
        key = os.urandom(32)
        enc = Database(folder / "enc.db", key)
        Base.metadata.create_all(enc.engine)
        plain = plain_engine(folder / "plain.db", sqlcipher_cache_size(folder / "enc.db", key))
        Base.metadata.create_all(plain)
        order = [(plain, plain_t), (enc.engine, enc_t)]
        for engine, out in order if r % 2 == 0 else order[::-1]:
            out.append(workload(engine, data))
        enc.close()
        plain.dispose()
    return plain_t, enc_t, key


def bench_open(path: Path, key: bytes, n: int) -> list[float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        db = Database(path, key)
        with db.engine.connect() as c:
            c.exec_driver_sql("SELECT count(*) FROM session").scalar()
        times.append((time.perf_counter() - t0) * 1000)
        db.close()
    return times


def bench_open_store(path: Path, key: bytes, n: int, *, verify: bool | None) -> list[float]:
    """The app's whole open path, using an in-memory keyring holding the raw key."""
    import base64

    import keyring
    from keyring.backend import KeyringBackend

    from facilitator.store import service
    from facilitator.store.keyfile import KeyFile, keyfile_path

    class _Mem(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        items: dict = {}

        def get_password(self, s, u):
            return self.items.get((s, u))

        def set_password(self, s, u, p):
            self.items[(s, u)] = p

        def delete_password(self, s, u):
            self.items.pop((s, u), None)

    kpath = keyfile_path(path)
    kf = KeyFile.load(kpath) if kpath.exists() else KeyFile.new(key)
    kf.save(kpath)
    keyring.set_keyring(_Mem())
    keyring.set_password("facilitator", f"store-{kf.store_id}", base64.b64encode(key).decode())
    with Database(path, key).engine.connect() as c:  # stamp as migrated
        from facilitator.store import migrate

        c.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS alembic_version "
            "(version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
        )
        c.exec_driver_sql(
            "INSERT OR REPLACE INTO alembic_version VALUES (?)", (migrate.head_revision(),)
        )
        c.commit()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        st = service.open_store(path, verify=verify)
        times.append((time.perf_counter() - t0) * 1000)
        st.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--opens", type=int, default=30)
    ap.add_argument(
        "--rounds", type=int, default=3, help="plain/encrypted workload pairs to take the median of"
    )
    args = ap.parse_args(argv)
    data = _rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        plain_t, enc_t, key = compare(data, max(1, args.rounds), tmpd)
        med = statistics.median
        wall_p, wall_e = med(t for t, _ in plain_t), med(t for t, _ in enc_t)
        cpu_p, cpu_e = med(c for _, c in plain_t), med(c for _, c in enc_t)
        n = len(data[4]) + len(data[5])
        print(
            f"workload: {n} attendance+outcome rows, {BATCH}-row transactions, 4 "
            f"aggregates; median of {len(plain_t)} alternating rounds (load average "
            f"{os.getloadavg()[0]:.1f})"
        )
        print(
            f"  plain sqlite3 : {wall_p * 1000:8.0f} ms  (cpu {cpu_p * 1000:.0f} ms; "
            "rounds " + ", ".join(f"{t * 1000:.0f}" for t, _ in plain_t) + ")"
        )
        print(
            f"  SQLCipher     : {wall_e * 1000:8.0f} ms  (cpu {cpu_e * 1000:.0f} ms; "
            "rounds " + ", ".join(f"{t * 1000:.0f}" for t, _ in enc_t) + ")"
        )
        print(
            f"  ratio         : {wall_e / wall_p:8.2f}  (target <= 1.5; cpu-time ratio "
            f"{cpu_e / cpu_p:.2f})"
        )
        size = (tmpd / "enc.db").stat().st_size / 1e6
        opens = bench_open(tmpd / "enc.db", key, args.opens)
        print(
            f"open + unlock with raw key ({size:.1f} MB store): median "
            f"{statistics.median(opens):.1f} ms, max {max(opens):.1f} ms over {args.opens} "
            f"(target < 50 ms)"
        )
        n_full = max(5, args.opens // 3)
        full = bench_open_store(tmpd / "enc.db", key, n_full, verify=None)
        print(
            f"open_store (keyring, lock, audit row; no verify above 16 MB): median "
            f"{statistics.median(full):.1f} ms"
        )
        checked = bench_open_store(tmpd / "enc.db", key, n_full, verify=True)
        print(
            f"open_store with cipher_integrity_check + quick_check: median "
            f"{statistics.median(checked):.1f} ms ({size:.1f} MB; runs by default up to "
            f"16 MB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
