"""Process hardening at start-up: no core dump may carry the key or a passphrase.

A crash core holds the raw database key, the unwrapped slot keys and any passphrase
typed in, all in the clear. :func:`disable_core_dumps` sets the core-file limit to 0
(soft and hard, so a child cannot raise it again) and, on Linux, marks the process
non-dumpable (``PR_SET_DUMPABLE 0``), which also stops other processes of the same user
from reading its memory through ``ptrace`` or ``/proc/<pid>/mem``. Called first thing
by ``facilitator`` (CLI and app alike).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def disable_core_dumps() -> bool:
    """Best effort; True when both measures (where available) took effect."""
    ok = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        ok = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            ok = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 and ok
        except (OSError, AttributeError):
            ok = False
    return ok


def dumpable() -> int | None:
    """The process's dumpable flag on Linux (0 = not dumpable), None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
