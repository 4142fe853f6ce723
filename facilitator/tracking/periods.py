"""The periods a report may cover, so that two reports cannot be cut to differ by
one person.

* Group and program reports cover **whole calendar months**: a reader who compares
  two reports learns at most what one month's row already says, and that row is
  protected like every other.
* Counts of *different people* over a period (reach by age band and gender, the
  number of different people) are shown only for a **calendar quarter or a calendar
  year**: a fixed grid of periods that never overlap by a few days.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP

# Reports cover whole calendar months. The messages name "the start date" and "the end
# date", not a command-line flag: the app's report dialog and dashboard show them too.
NOT_A_MONTH_START = QT_TRANSLATE_NOOP(
    "periods",
    "The start date {date} does not start a month; reports cover whole calendar months: "
    "the first day of a month to the last day of a month, for example 2026-01-01 to 2026-03-31.",
)
NOT_A_MONTH_END = QT_TRANSLATE_NOOP(
    "periods",
    "The end date {date} does not end a month; reports cover whole calendar months: "
    "the first day of a month to the last day of a month, for example 2026-01-01 to 2026-03-31.",
)
REVERSED = QT_TRANSLATE_NOOP(
    "periods", "The start date {date_from} is after the end date {date_to}."
)


@dataclass(frozen=True)
class MonthSpan:
    """Whole months from ``start`` (a 1st) to ``end`` (a month's last day)."""

    start: date
    end: date

    @property
    def key(self) -> str:
        return f"{self.start:%Y-%m}..{self.end:%Y-%m}"

    @property
    def fixed(self) -> bool:
        """Exactly one calendar quarter or one calendar year."""
        if self.start.year != self.end.year:
            return False
        months = self.end.month - self.start.month + 1
        if months == 12:
            return True
        return months == 3 and self.start.month in (1, 4, 7, 10)

    def overlaps(self, other: "MonthSpan") -> bool:
        return self.start <= other.end and other.start <= self.end


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def check_months(date_from: date | None, date_to: date | None) -> None:
    """Raise :class:`InputError` (one line) unless the cut is whole calendar months."""
    if date_from is not None and date_from.day != 1:
        raise InputError(NOT_A_MONTH_START, params={"date": date_from.isoformat()})
    if date_to is not None and date_to != month_end(date_to):
        raise InputError(NOT_A_MONTH_END, params={"date": date_to.isoformat()})
    if date_from and date_to and date_from > date_to:
        raise InputError(
            REVERSED, params={"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
        )


def span(date_from: date | None, date_to: date | None, days: list[date]) -> MonthSpan | None:
    """The whole months a report covers: the given ends, or the months of the data
    where an end is open. None when there is no data and no period."""
    check_months(date_from, date_to)
    start = date_from or (min(days).replace(day=1) if days else None)
    end = date_to or (month_end(max(days)) if days else None)
    if start is None or end is None:
        return None
    return MonthSpan(start, end)
