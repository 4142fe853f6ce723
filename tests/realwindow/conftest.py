"""Real-window tests: the app's screens in a real X window, under Xvfb and a window manager.

Why a separate run: the rest of the suite draws offscreen, where a window is as large
as it asks to be and nothing has a frame, so a screen 900 px tall passes on a
768 px laptop. Here ``Xvfb`` gives a screen of a real laptop or projector size and
``openbox`` manages the windows (frames, placement, maximising), and Qt draws through
its ``xcb`` platform plugin as it does on a facilitator's machine.

Qt chooses its platform once per process, so these tests are not collected by the
ordinary (offscreen) run. ``make test`` runs them afterwards, once per screen size::

    FACILITATOR_REALWINDOW=1366x768 .venv/bin/python -m pytest tests/realwindow -q

(``scripts/realwindow_tests.sh`` does all three sizes.) The X server gets a free display
number of its own (``-displayfd``), or ``FACILITATOR_XVFB_DISPLAY`` when set.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

SIZE = os.environ.get("FACILITATOR_REALWINDOW", "")
if not SIZE:
    collect_ignore_glob = ["test_*.py"]

_procs: list[subprocess.Popen] = []
_home: str | None = None


def _start_xvfb(size: str) -> str:
    wanted = os.environ.get("FACILITATOR_XVFB_DISPLAY")
    screen = f"{size}x24"
    if wanted:
        proc = subprocess.Popen(
            ["Xvfb", wanted, "-screen", "0", screen, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        display = wanted
        time.sleep(0.5)
    else:
        read, write = os.pipe()
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start (is the xvfb package installed?)")
        display = f":{number}"
    _procs.append(proc)
    return display


def pytest_configure(config):
    global _home
    if not SIZE:
        return
    for tool in ("Xvfb", "openbox"):
        if shutil.which(tool) is None:
            raise pytest.UsageError(
                f"the real-window tests need {tool} (make system-deps installs it)"
            )
    display = _start_xvfb(SIZE)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("WAYLAND_DISPLAY", None)
    _home = tempfile.mkdtemp(prefix="facilitator-realwindow-")
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": _home},
    )
    _procs.append(wm)
    time.sleep(0.8)  # the window manager takes the screen before the first window maps


def pytest_unconfigure(config):
    for proc in reversed(_procs):
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
    _procs.clear()
    if _home:
        shutil.rmtree(_home, ignore_errors=True)


@pytest.fixture(scope="session")
def screen_size() -> tuple[int, int]:
    w, h = SIZE.split("x")
    return int(w), int(h)


@pytest.fixture(scope="session")
def themed_app(qapp):
    from facilitator.ui.theme import apply_theme

    apply_theme(qapp, dark=False)
    return qapp


@pytest.fixture(scope="session")
def demo_store(themed_app):
    """The demo store (synthetic data), opened once for the whole run."""
    home = Path(_home or tempfile.mkdtemp()) / "home"
    home.mkdir(parents=True, exist_ok=True)
    old = os.environ.get("FACILITATOR_HOME")
    os.environ["FACILITATOR_HOME"] = str(home)
    os.environ["FACILITATOR_KDF_PROFILE"] = "test"
    from facilitator.app.demo import open_demo_store

    store, folder = open_demo_store()
    if old is not None:
        os.environ["FACILITATOR_HOME"] = old
    yield store
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
