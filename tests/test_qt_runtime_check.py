"""``make run``'s check for Qt's xcb runtime libraries (scripts/check_qt_runtime.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_qt_runtime.py"


def _load():
    spec = importlib.util.spec_from_file_location("check_qt_runtime", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_names_exactly_the_missing_packages():
    check = _load()
    present = {"xcb-icccm", "xkbcommon-x11"}
    missing = check.missing_packages(lambda lib: f"lib{lib}.so" if lib in present else None)
    assert "libxcb-cursor0" in missing and "libxcb-keysyms1" in missing
    assert "libxcb-icccm4" not in missing and "libxkbcommon-x11-0" not in missing


def test_one_plain_sentence_when_it_cannot_install(monkeypatch, capsys):
    check = _load()
    monkeypatch.setattr(check, "needs_xcb", lambda: True)
    monkeypatch.setattr(check, "missing_packages", lambda: ["libxcb-cursor0"])
    monkeypatch.setattr(check, "_install", lambda pkgs: False)
    assert check.main() == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "libxcb-cursor0" in err
    assert "sudo apt-get install libxcb-cursor0" in err


def test_only_x11_sessions_need_it():
    check = _load()
    assert not check.needs_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not check.needs_xcb({"DISPLAY": ":0"}, "darwin")
    assert check.needs_xcb({"DISPLAY": ":0"}, "linux")
    assert not check.needs_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
