"""Small pieces every run-mode screen shares: people, type sizes, colours, times.

Why a module of its own: run mode is read at a glance from a few steps away, so
sizes are expressed as multiples of the system font (the type then follows the
user's accessibility setting) and colours are chosen once, legible on light and
dark palettes alike.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.app.run_data import Person  # noqa: F401  (the run-mode views' import)

# Countdown colours: calm, near the end, past the end. Mid-tones that read on
# both light and dark window backgrounds.
COLOUR_CALM = QColor("#2e7d32")
COLOUR_NEAR = QColor("#c77800")
COLOUR_OVER = QColor("#d32f2f")  # >= 3:1 on both window colours (large text)

NEAR_FRACTION = 0.2  # last 20% of a step...
NEAR_SECONDS = 60.0  # ...or its last minute, whichever comes first


def scaled_font(factor: float = 1.0, bold: bool = False, base: QFont | None = None) -> QFont:
    """The application font scaled by ``factor`` (so system text size still applies)."""
    font = QFont(base if base is not None else QApplication.font())
    size = font.pointSizeF()
    if size <= 0:
        size = 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def set_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    widget.setFont(scaled_font(factor, bold))


def timer_colour(remaining: float, planned: float) -> QColor:
    """Green while there is time, amber near the end, red once past it."""
    if remaining < 0:
        return COLOUR_OVER
    if remaining <= max(NEAR_SECONDS, planned * NEAR_FRACTION) and planned > 0:
        return COLOUR_NEAR
    return COLOUR_CALM


def timer_state(remaining: float, planned: float) -> str:
    """``"calm"``, ``"near"`` or ``"over"``: the same rule as :func:`timer_colour`."""
    colour = timer_colour(remaining, planned)
    return {COLOUR_CALM.name(): "calm", COLOUR_NEAR.name(): "near"}.get(colour.name(), "over")


def format_clock(seconds: float, hours: bool = False) -> str:
    """``m:ss`` (or ``h:mm:ss``, always so with ``hours``); overruns get a leading minus."""
    # A countdown shows 1:00 until a full minute has gone, so round up while
    # positive; an overrun counts up, so round down.
    sign = "-" if seconds < 0 else ""
    total = math.ceil(seconds) if seconds >= 0 else math.floor(-seconds)
    whole_hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if whole_hours or hours:
        return f"{sign}{whole_hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def locale_digits(text: str) -> str:
    """ASCII digits in ``text`` written with the interface locale's digits.

    Why: Qt formats dates and counts with the locale (Arabic-Indic digits in
    Arabic), so clocks and step numbers must match them, or one screen mixes both.
    """
    zero = QLocale().zeroDigit()
    if not zero or zero == "0":
        return text
    base = ord(zero)
    return text.translate({ord("0") + i: chr(base + i) for i in range(10)})


def clock_text(seconds: float, hours: bool = False) -> str:
    """:func:`format_clock` for display, in the locale's digits."""
    return locale_digits(format_clock(seconds, hours))


def timer_text(seconds: float, hours: bool = False) -> str:
    """The big countdowns (run mode's step timer, the presenter's timer): Western digits
    in both languages.

    Why not the Arabic-Indic digits used everywhere else in Arabic: in large bold type
    the Arabic-Indic zero (a small dot) reads as a bullet or as part of the colon from
    across a room, so "٠:٤٥" looks like ":٤٥". Clocks and timers with Western digits are
    what people in the region see on phones, microwaves and station boards, so they read
    at a glance; every other number in the Arabic interface keeps the locale's digits.
    """
    return format_clock(seconds, hours)


def run_db(
    ctx: Any,
    fn: Callable[[Any], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> Any:
    """``ctx.tasks.run_db`` with a retry when the store is busy (see ``run_data.in_unit``)."""
    from facilitator.app.run_data import in_unit

    db = ctx.db
    return ctx.tasks.run(
        lambda _progress, _cancel: in_unit(db, fn), on_success, on_failure, **kwargs
    )
