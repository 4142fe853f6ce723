"""Before ``make run``: are the system libraries Qt's X11 (xcb) platform plugin needs here?

Qt's own message when one is missing ("Could not load the Qt platform plugin xcb")
names none of them, and repeats itself after the first is installed. This check asks
the dynamic loader for each library the plugin links to, installs the Debian/Ubuntu
packages that are missing when it can (as root or with sudo, non-interactively),
and otherwise prints one plain sentence naming them. Exit code 0: the app can start.

Only X11 sessions need these; on Wayland, macOS or Windows the check is skipped.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys

# Library soname -> Debian/Ubuntu package (Qt 6.5+ xcb plugin: see Qt's "Qt for X11
# Requirements" page).
LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xinerama": "libxcb-xinerama0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}


def missing_packages(find=ctypes.util.find_library) -> list[str]:
    return [pkg for lib, pkg in LIBRARIES.items() if find(lib) is None]


def needs_xcb(env=os.environ, platform: str = sys.platform) -> bool:
    if not platform.startswith("linux"):
        return False
    wanted = env.get("QT_QPA_PLATFORM", "")
    if wanted and not wanted.startswith("xcb"):
        return False  # offscreen, wayland...: the xcb plugin is not loaded
    return bool(env.get("DISPLAY")) or not env.get("WAYLAND_DISPLAY")


def _install(packages: list[str]) -> bool:
    if shutil.which("apt-get") is None:
        return False
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            return False
        prefix = ["sudo", "-n"]  # never prompt: a password prompt here would look like a hang
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(
            prefix + ["apt-get", "install", "-y", "-qq", *packages],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def main() -> int:
    if not needs_xcb():
        return 0
    missing = missing_packages()
    if not missing:
        return 0
    if _install(missing):
        missing = missing_packages()
        if not missing:
            return 0
    names = " ".join(missing)
    print(
        f"facilitator: the window cannot open because this system lacks {names}; "
        f"install {'it' if len(missing) == 1 else 'them'} with: sudo apt-get install {names}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
