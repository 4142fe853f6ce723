"""Writer for the SIGKILL test: numbered transactions, each printed once committed.

Uses the bare driver (importing SQLAlchemy would triple each restart's cost) with the
same pragmas as ``facilitator.store.db.raw_connect``; it prints the journal mode and
synchronous level it got so the test can check they match the app's. Reads the hex
key from stdin, never argv.
"""

import sys

import sqlcipher3

path, group_id, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
key = sys.stdin.readline().strip()
conn = sqlcipher3.connect(path, isolation_level=None)
conn.execute("PRAGMA cipher_log_level = NONE")
conn.execute(f"PRAGMA key = \"x'{key}'\"")
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("PRAGMA foreign_keys = ON")
mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
sync = conn.execute("PRAGMA synchronous").fetchone()[0]
print(f"ready {mode} {sync}", flush=True)
n = start
while True:
    conn.execute("BEGIN")
    for kind, pad in (("txn", "z" * 300), ("pad", "p" * 1500)):
        conn.execute(
            "INSERT INTO note (id, group_id, body, created_at, updated_at) "
            "VALUES (lower(hex(randomblob(16))), ?, ?, datetime('now'), "
            "datetime('now'))",
            (group_id, f"{kind} {n} {pad}"),
        )
    conn.execute("COMMIT")
    print(n, flush=True)
    n += 1
