"""Small-number suppression for every report that leaves the facilitator.

Groups of six to twelve people make re-identification easy: "one person in the
45-54 band reported an incident" can name someone. So:

* a count from 1 to k-1 is shown as ``"<k"`` (primary suppression; k = 5 by
  default, 11 for an external report);
* a mean or change based on fewer than k people is withheld;
* secondary suppression: in a table with totals, every row and column (totals
  included) is a sum constraint. A line with exactly one hidden entry would let that
  entry be recomputed, so another entry in the line is hidden too (the smallest
  non-zero cell first), repeated until no line has exactly one hidden entry;
* tables that state the same total (attendance by month and by programme type)
  are suppressed together (:func:`suppress_linked`), so one table's shown total
  cannot be combined with the other's shown cells.

Secondary cells are shown as ``"*"`` rather than ``"<k"`` because their true value
is not small and a report must not state something false.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from facilitator.i18n import QT_TRANSLATE_NOOP

from facilitator.policy import K_DEFAULT as DEFAULT_K
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


Cell = tuple[int, int, int]  # (table, row, column) in the augmented grids


def _augment(cells: Sequence[Sequence[int]], row_totals: bool, col_totals: bool
             ) -> list[list[int]]:
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
        grid.append([sum(grid[i][j] for i in range(len(data)))
                     for j in range(len(grid[0]) if grid else 0)])
    return grid


def suppress_table(cells: Sequence[Sequence[int]], k: int, *, row_totals: bool = True,
                   col_totals: bool = True) -> SuppressedTable:
    """Primary and secondary suppression of a count table; totals are computed here."""
    return suppress_linked([(cells, row_totals, col_totals)], k)[0]


def suppress_linked(tables: Sequence[tuple[Sequence[Sequence[int]], bool, bool]], k: int,
                    links: Sequence[tuple[Cell, Cell]] = ()) -> list[SuppressedTable]:
    """Suppress several count tables as one, where some cells state the same number.

    A report that gives attendance by month and by programme type prints the period
    total twice. Suppressing each table on its own lets a reader take the total from
    one table and subtract the other table's shown cells. Here a linked pair of cells
    (``(table, row, column)``, negative indices allowed, in the grids with totals) is
    one value: hidden in both places or in neither, and every table's sum lines are
    checked together, so hiding a shared total forces a second hidden cell in every
    table that contains it.
    """
    grids = [_augment(c, rt, ct) for c, rt, ct in tables]
    parent: dict[Cell, Cell] = {}

    def norm(c: Cell) -> Cell:
        t, i, j = c
        return (t, i % len(grids[t]), j % len(grids[t][0]))

    def find(c: Cell) -> Cell:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for a, b in links:
        a, b = norm(a), norm(b)
        if grids[a[0]][a[1]][a[2]] != grids[b[0]][b[1]][b[2]]:
            raise ValueError("linked cells must hold the same count")
        parent[find(a)] = find(b)

    lines: list[list[Cell]] = []
    totals: set[Cell] = set()
    for t, ((_, row_totals, col_totals), grid) in enumerate(zip(tables, grids)):
        n_rows, n_cols = len(grid), (len(grid[0]) if grid else 0)
        for pairs in _lines(n_rows, n_cols, row_totals, col_totals):
            lines.append([find((t, i, j)) for i, j in pairs])
        totals |= {find((t, i, j)) for i in range(n_rows) for j in range(n_cols)
                   if (col_totals and i == n_rows - 1) or (row_totals and j == n_cols - 1)}
    value = {find((t, i, j)): v for t, g in enumerate(grids)
             for i, r in enumerate(g) for j, v in enumerate(r)}
    hidden = {c for c, v in value.items() if is_small(v, k)}
    member: dict[Cell, list[int]] = {}
    for n, line in enumerate(lines):
        for c in line:
            member.setdefault(c, []).append(n)

    def lone(n: int) -> bool:
        return sum(1 for c in lines[n] if c in hidden) == 1

    def rank(c: Cell) -> tuple[int, int, int, int]:
        # Prefer a cell that also completes another line with one hidden entry (the
        # classic rectangle), then data cells over totals, non-zero over zero, small.
        fixes = sum(1 for n in member.get(c, ()) if lone(n))
        v = value[c]
        return (-fixes, 1 if c in totals else 0, 1 if v == 0 else 0, v)

    changed = True
    while changed:
        changed = False
        for line in lines:
            if len(line) >= 2 and sum(1 for c in line if c in hidden) == 1:
                hidden.add(min((c for c in line if c not in hidden), key=rank))
                changed = True
    out = []
    for t, ((_, row_totals, col_totals), grid) in enumerate(zip(tables, grids)):
        h = tuple(tuple(find((t, i, j)) in hidden for j in range(len(r)))
                  for i, r in enumerate(grid))
        p = tuple(tuple(is_small(v, k) for v in r) for r in grid)
        out.append(SuppressedTable(tuple(tuple(r) for r in grid), h, p, k,
                                   row_totals, col_totals))
    return out


def series_values(counts: Sequence[int], k: int) -> list[float | None]:
    """Counts for a chart: small ones become gaps (None) rather than bars.

    The series is treated as one table row whose total may be printed elsewhere in
    the report, so a lone small bar also hides its smallest neighbour.
    """
    if not counts:
        return []
    table = suppress_table([list(counts)], k, row_totals=True, col_totals=False)
    return [None if table.hidden[0][j] else float(c) for j, c in enumerate(counts)]
