"""Rounds: each participant speaks in turn, with a per-speaker timer.

A round is the heart of most peer groups, and the commonest way one goes wrong is
that two people take most of the time. So the engine keeps talking time per speaker
(accumulated from the clock, never from ticks) and :class:`RoundSummary` exposes a
balance figure the run screen can show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class RoundState:
    """Mutable state of one round (owned by the engine; read it through summaries)."""

    order: list[str]
    queue: list[str]
    current: Optional[str]
    talk: dict[str, float] = field(default_factory=dict)
    spoken: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    come_back: set[str] = field(default_factory=set)
    current_talk: float = 0.0

    @classmethod
    def begin(cls, codes: list[str]) -> RoundState:
        return cls(
            order=list(codes), queue=list(codes[1:]), current=codes[0], talk={c: 0.0 for c in codes}
        )

    def add_time(self, seconds: float) -> None:
        if self.current is not None and seconds > 0:
            self.talk[self.current] = self.talk.get(self.current, 0.0) + seconds
            self.current_talk += seconds

    def advance(self) -> None:
        self.current = self.queue.pop(0) if self.queue else None
        self.current_talk = 0.0

    def done(self) -> None:
        if self.current is not None:
            if self.current in self.passed:
                self.passed.remove(self.current)  # came back and spoke after all
            self.spoken.append(self.current)
        self.advance()

    def pass_turn(self, come_back: bool) -> None:
        code = self.current
        if code is not None:
            if code not in self.passed:
                self.passed.append(code)
            if come_back and code not in self.come_back:
                self.come_back.add(code)
                self.queue.append(code)
        self.advance()

    def end(self) -> None:
        self.queue.clear()
        self.current = None
        self.current_talk = 0.0

    @property
    def active(self) -> bool:
        return self.current is not None


@dataclass(frozen=True)
class RoundSummary:
    """Plain figures about one round for the run screen and the close summary."""

    step_index: int
    order: tuple[str, ...]
    current: Optional[str]
    waiting: tuple[str, ...]
    spoken: tuple[str, ...]
    passed: tuple[str, ...]
    talk_seconds: dict[str, float]
    current_seconds: float
    speaker_limit_seconds: Optional[float]

    @property
    def speaker_remaining(self) -> Optional[float]:
        if self.speaker_limit_seconds is None or self.current is None:
            return None
        return self.speaker_limit_seconds - self.current_seconds

    @property
    def balance(self) -> float:
        """Largest talking time divided by the mean of those who spoke (1.0 = even)."""
        times = [t for t in self.talk_seconds.values() if t > 0]
        if len(times) < 2:
            return 1.0
        return max(times) / (sum(times) / len(times))

    @property
    def over_limit(self) -> tuple[str, ...]:
        """Speakers who talked longer than one and a half times the per-speaker time."""
        if not self.speaker_limit_seconds:
            return ()
        limit = 1.5 * self.speaker_limit_seconds
        return tuple(c for c, t in self.talk_seconds.items() if t > limit)

    @property
    def unbalanced(self) -> bool:
        return self.balance >= 2.0


def rotate(codes: list[str], start: Optional[str]) -> list[str]:
    """The queue starting from ``start``, going round the circle in seating order."""
    if start is None:
        return list(codes)
    i = codes.index(start)
    return codes[i:] + codes[:i]
