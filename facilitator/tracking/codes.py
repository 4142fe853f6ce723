"""Participant codes: random, short, easy to read aloud, never derived from a person.

A code such as ``KT-47`` is drawn with :mod:`secrets` from an alphabet that leaves out
characters people confuse when a code is read aloud or written by hand (0/O, 1/I/L,
5/S, 2/Z, 8/B). Nothing about the participant goes into it, so a code on its own says
nothing about who it belongs to. Uniqueness is only needed within a group; a clash is
simply redrawn.
"""

from __future__ import annotations

import random
import re
import secrets
from typing import Callable, Collection

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP

LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # no B, I, L, O, S, Z
DIGITS = "34679"  # no 0, 1, 2, 5, 8
CODE_RE = re.compile(rf"^[{LETTERS}]{{2}}-[{DIGITS}]{{2}}$")
CODE_SPACE = len(LETTERS) ** 2 * len(DIGITS) ** 2
MAX_ATTEMPTS = 200

Chooser = Callable[[str], str]


def _secret_choice(alphabet: str) -> str:
    return secrets.choice(alphabet)


def generate_code(choose: Chooser | None = None) -> str:
    """One random code. ``choose`` lets the demo generator use a seeded RNG."""
    pick = choose or _secret_choice
    return pick(LETTERS) + pick(LETTERS) + "-" + pick(DIGITS) + pick(DIGITS)


def seeded_chooser(rng: random.Random) -> Chooser:
    """A deterministic chooser for synthetic data; never used for real participants."""
    return rng.choice


def new_unique_code(
    existing: Collection[str], choose: Chooser | None = None, attempts: int = MAX_ATTEMPTS
) -> str:
    """A code not in ``existing`` (the group's codes), redrawing on collision."""
    taken = set(existing)
    if len(taken) >= CODE_SPACE:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "This group has used every available participant code.")
        )
    for _ in range(attempts):
        code = generate_code(choose)
        if code not in taken:
            return code
    raise InputError(
        QT_TRANSLATE_NOOP("errors", "Could not find a free participant code; please try again.")
    )


def normalize_code(text: str) -> str:
    """Accept what people type (``kt47``, ``KT 47``) and return ``KT-47``.

    Raises :class:`InputError` for anything that cannot be one of our codes.
    """
    cleaned = re.sub(r"[\s\-_.]", "", text or "").upper()
    if len(cleaned) == 4:
        cleaned = cleaned[:2] + "-" + cleaned[2:]
    if not CODE_RE.match(cleaned):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "'{text}' is not a participant code (two letters and two digits, for example KT-47).",
            ),
            params={"text": text},
        )
    return cleaned


def is_valid_code(text: str) -> bool:
    return bool(CODE_RE.match(text or ""))
