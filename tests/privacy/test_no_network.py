"""Promise: the app never touches the network.

The whole headless workflow runs under the tripwire from ``conftest.py`` (any name
lookup or internet socket fails the test), and every core module is imported under it,
both here and in a fresh interpreter where no module was imported before.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import facilitator

from .helpers import demo_store, ok, session_ids
from .netguard import MARKER

SITE = Path(__file__).resolve().parent / "site"
# Qt lives in ui; __main__ runs the app; migrations/env.py is alembic's script, which
# only runs inside ``alembic.context`` (the store loads it through alembic).
SKIP = ("facilitator.ui", "facilitator.__main__", "facilitator.store.migrations.env")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(facilitator.__path__, "facilitator."):
        if not any(info.name == s or info.name.startswith(s + ".") for s in SKIP):
            names.append(info.name)
    return sorted(names)


def test_tripwire_really_fires(no_network):
    """The guard itself: a lookup is refused and recorded (then forgiven here)."""
    import socket

    with pytest.raises(AssertionError):
        socket.getaddrinfo("example.org", 443)
    assert no_network.calls and "getaddrinfo" in no_network.calls[-1]
    no_network.calls.pop()


@pytest.mark.parametrize("unlock", ["passphrase", "keyring"])
def test_full_headless_workflow_makes_no_network_call(unlock, tmp_path, request):
    if unlock == "keyring":
        request.getfixturevalue("memory_keyring")
    store = demo_store(tmp_path / "store", tmp_path / "secrets", passphrase=unlock == "passphrase")
    base = store.unlock_args()
    check = ok("db", "check", *base)
    assert "healthy" in check.out.splitlines()[-1]
    assert f"unlocked by: {unlock}" in check.out
    backup = ok("db", "backup", *base)
    backups = list((store.db.parent / "backups").glob("*.bak"))
    assert len(backups) == 1 and backups[0].name in backup.out

    real = session_ids(store, practice=False)
    practice = session_ids(store, practice=True)
    assert real and practice and len(store.group_ids) == 2
    runs = [
        ["program"],
        ["program", "--external"],
        ["program", "--k", "11"],
        ["session", "--session", real[-1]],
        ["session", "--session", practice[0]],
        ["handout", "--script", "mutual-support-circle"],
    ]
    runs += [["group", "--group", g] for g in store.group_ids]
    written = []
    for lang in ("en", "ar"):
        for n, args in enumerate(runs):
            out = tmp_path / f"{lang}-{n}-{args[0]}.pdf"
            ok("report", *args, *base, "--lang", lang, "--out", out)
            assert out.read_bytes().startswith(b"%PDF-")
            written.append(out)
    assert len(written) == 2 * len(runs)


def test_importing_every_core_module_makes_no_network_call():
    names = core_modules()
    assert "facilitator.store.service" in names and "facilitator.export.pdf" in names
    for name in names:
        importlib.import_module(name)


def test_fresh_interpreter_imports_and_cli_make_no_network_call(tmp_path):
    """In-process imports may already be cached, so repeat them in a new interpreter
    with the tripwire loaded by ``sitecustomize`` before any project code."""
    env = dict(
        os.environ,
        PYTHONPATH=str(SITE),
        FACILITATOR_HOME=str(tmp_path),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "import facilitator.cli.main as m\n"
        "m.build_parser()\n"
        "print('imported', len(sys.argv) - 1)\n"
    )
    names = core_modules()
    result = subprocess.run(
        [sys.executable, "-c", code, *names], env=env, capture_output=True, text=True, timeout=120
    )
    assert MARKER not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(names)}"
    # and the guard really is active in such a child
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import socket\ntry:\n socket.getaddrinfo('example.org', 80)\n"
            "except AssertionError:\n pass",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert MARKER in probe.stderr
