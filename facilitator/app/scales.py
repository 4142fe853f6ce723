"""Answer scales for the score rows: the built-in 0-10 rating and custom measures.

Why a module of its own (and no Qt): the score panel draws whatever scale it is
given, and the run data decides which scales a step offers, so both share this
small description. A custom measure's points are ``min, min + step, ..., max``;
they are computed once here, rounded so that a step of 0.1 gives 0.3 and not
0.30000000000000004, and typed answers are checked against the same points.

Which phase a custom measure is recorded under (:func:`scales_for_step`):
check-in records ``pre`` and check-out ``post`` for measures asked at the start
and end. A measure asked once (``single``) is asked at check-out, because by then
the person has had the whole session to answer about (a "how useful was today"
kind of question) and everyone who stayed is still in the room; asking it at the
start would only measure the week before. A measure asked both ways is asked at
check-in and check-out only: a third question about the same thing in one sitting
adds nothing a pre/post pair does not already say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

BUTTONS_MAX = 11  # up to this many points get one button each; more get a spin box
CHECKIN_KEY = "checkin10"  # facilitator.tracking.measures.CHECKIN


@dataclass(frozen=True)
class Scale:
    """One question the score rows can record: its key, phase and answer points."""

    key: str
    phase: str  # "pre", "post" or "single"
    title: dict[str, str]  # {"en": ..., "ar": ...}; empty for the built-in rating
    minimum: float
    maximum: float
    step: float
    higher_is_better: bool = True

    @property
    def builtin(self) -> bool:
        return self.key == CHECKIN_KEY

    @property
    def count(self) -> int:
        return int(round((self.maximum - self.minimum) / self.step)) + 1

    def points(self) -> list[float]:
        return [self.value_at(i) for i in range(self.count)]

    def value_at(self, index: int) -> float:
        return round(self.minimum + index * self.step, self.decimals() + 6)

    def index_of(self, value: Optional[float]) -> Optional[int]:
        """The point ``value`` falls on, or None when it is off the scale."""
        if value is None:
            return None
        index = round((value - self.minimum) / self.step)
        if 0 <= index < self.count and abs(self.value_at(index) - value) <= self.step * 1e-6:
            return int(index)
        return None

    def decimals(self) -> int:
        """Digits after the point that the answers need (0 for whole-number scales)."""
        return max(_decimals(self.minimum), _decimals(self.step))

    def uses_buttons(self) -> bool:
        return self.count <= BUTTONS_MAX

    def text(self, value: float) -> str:
        return f"{value:.{self.decimals()}f}"


def _decimals(x: float) -> int:
    text = f"{x:.6f}".rstrip("0")
    return min(4, len(text.split(".")[1])) if "." in text else 0


CHECKIN_SCALE = {phase: Scale(CHECKIN_KEY, phase, {}, 0, 10, 1) for phase in ("pre", "post")}


def scale_from_spec(key: str, title: Any, spec: dict[str, Any], phase: str) -> Scale:
    return Scale(
        key,
        phase,
        dict(title) if isinstance(title, dict) else {},
        float(spec.get("min", 0)),
        float(spec.get("max", 10)),
        float(spec.get("step", 1) or 1),
        bool(spec.get("higher_is_better", True)),
    )


def run_phase(panel: str, phases: Sequence[str]) -> Optional[str]:
    """The phase a measure asked at ``phases`` is recorded under on the ``panel``
    ("pre" check-in or "post" check-out) step, or None when it is not asked there."""
    if panel == "pre":
        return "pre" if "pre" in phases else None
    if "post" in phases:
        return "post"
    return "single" if "single" in phases else None
