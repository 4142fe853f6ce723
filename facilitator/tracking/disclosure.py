"""Small-number suppression for every report that leaves the facilitator.

Groups of six to twelve people make re-identification easy: "one person in the
45-54 band reported an incident" can name someone. So:

* a count from 1 to k-1 is shown as ``"<k"`` (primary suppression; k = 5 by
  default, 11 for an external report);
* a mean or change based on fewer than k people is withheld;
* secondary suppression: in a table with totals, every row and column (totals
  included) is a sum constraint. A line with exactly one hidden entry would let that
  entry be recomputed, so another entry in the line is hidden too (the smallest
  non-zero cell first), repeated until no line has exactly one hidden entry.

Secondary cells are shown as ``"*"`` rather than ``"<k"`` because their true value
is not small and a report must not state something false.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from facilitator.i18n import QT_TRANSLATE_NOOP

DEFAULT_K = 5
EXTERNAL_K = 11
SECONDARY_MARK = "*"
WITHHELD = "–"

NOTES = {
    "small": {"en": QT_TRANSLATE_NOOP("Disclosure", "Counts from 1 to {km1} are shown as <{k}."),
              "ar": "تظهر الأعداد من 1 إلى {km1} على شكل ‎<{k}‎."},
    "secondary": {"en": QT_TRANSLATE_NOOP(
        "Disclosure", "* hidden so that a small number cannot be worked out from the totals."),
        "ar": "* مخفيّ حتى لا يمكن استنتاج عدد صغير من المجاميع."},
    "withheld": {"en": QT_TRANSLATE_NOOP(
        "Disclosure", "– withheld: based on fewer than {k} people."),
        "ar": "– محجوب: مبنيّ على أقل من {k} أشخاص."},
}


def effective_k(k: int = DEFAULT_K, external: bool = False) -> int:
    """The threshold in force: at least 11 for external reports, never below 2."""
    k = max(2, int(k))
    return max(k, EXTERNAL_K) if external else k


def is_small(n: int, k: int) -> bool:
    return 1 <= n < k


def show_count(n: int, k: int) -> str:
    return f"<{k}" if is_small(n, k) else str(n)


def enough_people(n: int, k: int) -> bool:
    """May a mean, share or change based on ``n`` people be shown?"""
    return n >= k


def month_only(day: date) -> date:
    """Program reports date things by month; the day is dropped before it is shown."""
    return day.replace(day=1)


@dataclass(frozen=True)
class SuppressedTable:
    """A count table with its totals after suppression.

    ``values`` and ``hidden`` cover the augmented grid: data cells plus a totals
    column (when ``row_totals``) and a totals row (when ``col_totals``).
    """

    values: tuple[tuple[int, ...], ...]
    hidden: tuple[tuple[bool, ...], ...]
    primary: tuple[tuple[bool, ...], ...]
    k: int
    row_totals: bool
    col_totals: bool

    def cell(self, i: int, j: int) -> str:
        if self.primary[i][j]:
            return f"<{self.k}"
        if self.hidden[i][j]:
            return SECONDARY_MARK
        return str(self.values[i][j])

    def display(self) -> list[list[str]]:
        return [[self.cell(i, j) for j in range(len(self.values[i]))]
                for i in range(len(self.values))]

    @property
    def any_secondary(self) -> bool:
        return any(h and not p for hr, pr in zip(self.hidden, self.primary)
                   for h, p in zip(hr, pr))

    @property
    def any_primary(self) -> bool:
        return any(any(r) for r in self.primary)


def _lines(n_rows: int, n_cols: int, row_totals: bool, col_totals: bool
           ) -> list[list[tuple[int, int]]]:
    """The sum constraints of the augmented grid, each as the coordinates it spans."""
    lines = []
    if row_totals:
        for i in range(n_rows):
            lines.append([(i, j) for j in range(n_cols)])
    if col_totals:
        for j in range(n_cols):
            lines.append([(i, j) for i in range(n_rows)])
    return lines


def suppress_table(cells: Sequence[Sequence[int]], k: int, *, row_totals: bool = True,
                   col_totals: bool = True) -> SuppressedTable:
    """Primary and secondary suppression of a count table; totals are computed here."""
    data = [[int(v) for v in row] for row in cells]
    if any(v < 0 for row in data for v in row):
        raise ValueError("counts cannot be negative")
    width = len(data[0]) if data else 0
    if any(len(r) != width for r in data):
        raise ValueError("ragged table")
    grid = [list(r) for r in data]
    if row_totals:
        for r in grid:
            r.append(sum(r))
    if col_totals:
        grid.append([sum(grid[i][j] for i in range(len(data))) for j in range(len(grid[0]) if grid else 0)])
    n_rows, n_cols = len(grid), (len(grid[0]) if grid else 0)
    primary = [[is_small(v, k) for v in row] for row in grid]
    hidden = [list(r) for r in primary]
    total_i = n_rows - 1 if col_totals else -1
    total_j = n_cols - 1 if row_totals else -1
    lines = _lines(n_rows, n_cols, row_totals, col_totals)

    member: dict[tuple[int, int], list[int]] = {}
    for n, line in enumerate(lines):
        for c in line:
            member.setdefault(c, []).append(n)

    def lone(n: int) -> bool:
        return sum(1 for i, j in lines[n] if hidden[i][j]) == 1

    def rank(c: tuple[int, int]) -> tuple[int, int, int, int]:
        # Prefer a cell that also completes another line with one hidden entry (the
        # classic rectangle), then data cells over totals, non-zero over zero, small.
        i, j = c
        fixes = sum(1 for n in member.get(c, ()) if lone(n))
        is_total = i == total_i or j == total_j
        v = grid[i][j]
        return (-fixes, 1 if is_total else 0, 1 if v == 0 else 0, v)

    changed = True
    while changed:
        changed = False
        for line in lines:
            if len(line) < 2:
                continue
            n_hidden = sum(1 for i, j in line if hidden[i][j])
            if n_hidden == 1:
                shown = [c for c in line if not hidden[c[0]][c[1]]]
                i, j = min(shown, key=rank)
                hidden[i][j] = True
                changed = True
    freeze = lambda m: tuple(tuple(r) for r in m)  # noqa: E731
    return SuppressedTable(freeze(grid), freeze(hidden), freeze(primary), k,
                           row_totals, col_totals)


def series_values(counts: Sequence[int], k: int) -> list[float | None]:
    """Counts for a chart: small ones become gaps (None) rather than bars.

    The series is treated as one table row whose total may be printed elsewhere in
    the report, so a lone small bar also hides its smallest neighbour.
    """
    if not counts:
        return []
    table = suppress_table([list(counts)], k, row_totals=True, col_totals=False)
    return [None if table.hidden[0][j] else float(c) for j, c in enumerate(counts)]
