"""Test clocks: a monotonic clock and a wall clock that move together, like a real room.

The run engine takes both clocks injected, so tests advance time exactly and can
simulate a crash (``reboot``: the monotonic clock restarts somewhere else entirely).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

DEFAULT_START = datetime(2026, 3, 1, 18, 0, tzinfo=timezone.utc)


class Clocks:
    def __init__(self, start: datetime = DEFAULT_START, mono: float = 50.0) -> None:
        self.mono, self.wall0, self.offset = mono, start, 0.0

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return self.wall0 + timedelta(seconds=self.offset)

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.offset += seconds

    def reboot(self) -> None:
        """After a crash the monotonic clock starts somewhere else entirely."""
        self.mono = 7.0
