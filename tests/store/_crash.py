"""Crash injection for the administrative commands, and a keyring that survives a kill.

:func:`run_killed` forks; the child counts every file-system step (``os.replace``,
``rename``, ``unlink``, ``fsync``, ``mkdir``, ``link``, ``shutil.copyfile``,
``rmtree``) and every ``PRAGMA rekey``/``wal_checkpoint`` the store issues, and at
step ``n`` calls ``os._exit`` *before* the step runs: no ``finally``, no flush, no
close, just like SIGKILL or a power cut (the OS drops the lock as it would). Kill
point ``n`` is therefore "after step n-1 and before step n"; running ``n = 0, 1, ...``
until the command completes covers every point between two steps of every command.

:class:`FileKeyring` is a real-priority keyring backend kept in a JSON file, so what a
killed child wrote to "the keyring" is still there for the parent to check.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
from pathlib import Path

from keyring.backend import KeyringBackend

KILLED = 77
FINISHED = 0


class FileKeyring(KeyringBackend):
    priority = 1

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, self.path)

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(data))


_FS_STEPS = (
    (os, "replace"),
    (os, "rename"),
    (os, "unlink"),
    (os, "remove"),
    (os, "fsync"),
    (os, "mkdir"),
    (os, "link"),
    (shutil, "copyfile"),
    (shutil, "rmtree"),
)


def _arm(n: int) -> None:
    counter = itertools.count()

    def step() -> None:
        if next(counter) == n:
            os._exit(KILLED)

    for module, name in _FS_STEPS:
        original = getattr(module, name)

        def wrapped(*a, _original=original, **kw):
            step()
            return _original(*a, **kw)

        setattr(module, name, wrapped)

    from facilitator.store import db, service

    real_connect = db.raw_connect

    class Conn:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *a):
            marked = sql.startswith(("PRAGMA rekey", "PRAGMA wal_checkpoint"))
            if marked:
                step()
            result = self._conn.execute(sql, *a)
            if marked:
                step()
            return result

        def __getattr__(self, name):
            return getattr(self._conn, name)

    def connect(path, key, **kw):
        return Conn(real_connect(path, key, **kw))

    service.raw_connect = connect


def run_killed(n: int, fn) -> int:
    """Run ``fn()`` in a forked child killed before its step ``n``; KILLED or exit code."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            _arm(n)
            code = int(fn() or 0)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
