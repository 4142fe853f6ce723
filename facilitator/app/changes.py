"""What a write changed, as a typed value the screens check (anki's ``OpChanges``).

A screen that wrote to the store tells the others with ``ctx.notify(Changes(...))``;
each view looks only at the fields it shows (the home list at groups, participants
and sessions; the plan screen at scripts) instead of comparing free-text topics,
so a misspelt topic cannot go unheard and a new kind of change is a new field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    groups: bool = False
    participants: bool = False
    sessions: bool = False
    scripts: bool = False
    measures: bool = False
    safety: bool = False  # the group's or the organisation's safety numbers

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


GROUPS = Changes(groups=True)
PARTICIPANTS = Changes(participants=True)
SESSIONS = Changes(sessions=True)
SCRIPTS = Changes(scripts=True)
MEASURES = Changes(measures=True)
SAFETY = Changes(safety=True)
