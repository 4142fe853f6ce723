"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it had
reported as committed, and the database always passes both integrity checks."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from facilitator.store.db import Database, integrity_problems, raw_connect
from facilitator.store.models import Base, Group

WRITER = Path(__file__).with_name("_kill_writer.py")
KILLS = 50


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_committed_transaction(tmp_path):
    rng = random.Random(20261122)
    path = tmp_path / "k.db"
    key = os.urandom(32)
    db = Database(path, key)
    Base.metadata.create_all(db.engine)
    with db.unit() as s:
        g = Group(name="g", program_type="general")
        s.add(g)
        s.flush()
        group_id = g.id
    db.close()
    reported: set[int] = set()
    next_n = 0
    env = dict(os.environ)
    probe = raw_connect(path, key)
    expected_ready = "ready {} {}".format(
        probe.execute("PRAGMA journal_mode").fetchone()[0],
        probe.execute("PRAGMA synchronous").fetchone()[0],
    )
    probe.close()
    assert expected_ready == "ready wal 2"
    deadline = time.monotonic() + 120
    for round_no in range(KILLS):
        assert time.monotonic() < deadline, "kill test too slow"
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), group_id, str(next_n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        proc.stdin.write(key.hex() + "\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == expected_ready, proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        reported.update(int(line) for line in out.split() if line.isdigit())
        problems = integrity_problems(path, key)
        assert problems == [], f"round {round_no}: {problems}"
        check = raw_connect(path, key)
        try:
            bodies = [
                r[0]
                for r in check.execute("SELECT body FROM note WHERE body LIKE 'txn %'").fetchall()
            ]
        finally:
            check.close()
        stored = {int(re.match(r"txn (\d+)", b).group(1)) for b in bodies}
        missing = reported - stored
        assert not missing, f"round {round_no}: committed but lost: {sorted(missing)[:5]}"
        next_n = max(stored | reported | {-1}) + 1
    assert len(reported) > KILLS  # the writer really wrote between kills
