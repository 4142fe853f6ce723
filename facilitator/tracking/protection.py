"""Small-number protection of a whole report, in one pass.

The report builders do not decide what a reader sees. They build every table with
its true counts, as :class:`Count` placeholders registered in a :class:`Ledger`
that also records what a careful reader knows about how the counts relate (this
total is the sum of those cells; these distinct-people counts can overlap; at a
group's first session nobody is returning). :func:`protect` then decides, for the
report as a whole and together with earlier releases to the same readers:

1. *primary suppression*: every count from 1 to k-1 is hidden;
2. *secondary suppression*: in every sum that prints all of its terms, a lone hidden
   cell gets a partner (the classic quick rule, which removes most exact
   recalculations cheaply);
3. *the audit*: a linear programme (HiGHS, through ``highspy``) over every printed
   cell, every relation and every earlier overlapping release computes, for each
   hidden small cell, the smallest and largest value it could take. The cell is
   protected when that range reaches k or more and is at least k wide (the
   protection interval; see ``docs/disclosure.md``). A cell that fails gets another
   partner hidden, and the audit runs again until every cell passes.

:func:`resolve` then turns the placeholders into what is printed: the number, or
the one symbol :data:`HIDDEN` for every hidden cell, whatever the reason it is
hidden. A reader cannot tell a small count from a cell hidden to protect one.
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
import threading
from dataclasses import dataclass, field
from typing import Generic, Iterable, Mapping, Sequence, TypeVar, Union

import numpy as np

from facilitator.tracking.report_model import (
    Block,
    BulletList,
    Chart,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
    Report,
    ReportHead,
    Series,
    Table,
)

#: The one symbol printed for every hidden count.
HIDDEN = "x"
#: What a withheld mean, share or change shows.
WITHHELD = "–"

_INF = math.inf
#: Hidden small counts of earlier releases of another kind (a group report, when the
#: new one is the program report) are re-audited when they lie within this many
#: relations of a count the new report holds: a group's month is one relation from
#: the program report's numbers, its sessions two, its period total three.
NEAR_HOPS = 3


@dataclass(frozen=True)
class Count:
    """A printed count, by its key in the report's :class:`Ledger`."""

    key: str


#: What a derived figure shows: text in a table, a number in a chart.
S = TypeVar("S", covariant=True)


@dataclass(frozen=True)
class Derived(Generic[S]):
    """A figure computed from counts (a mean, a share, an average): shown as ``shown``
    only when every count in ``needs`` is printed and rests on at least k people, and
    every number in ``at_least`` is k or more and in ``not_small`` is not 1 to k-1."""

    shown: S
    needs: tuple[str, ...] = ()
    at_least: tuple[int, ...] = ()
    not_small: tuple[int, ...] = ()


#: A draft table's or key figures' cell: text printed as it is, or a placeholder.
DraftCell = Union[str, Count, Derived[str]]
#: A draft chart's value: a number (None: no data), or a placeholder.
DraftValue = Union[float, None, Count, Derived[float]]
#: A block before protection: :func:`resolve` makes it a printed
#: :data:`~facilitator.tracking.report_model.Block`.
DraftBlock = Union[
    Heading,
    Paragraph,
    BulletList,
    KeyFigures[DraftCell],
    Table[DraftCell],
    Chart[DraftValue],
    PageBreak,
]


@dataclass
class DraftReport(ReportHead):
    """A group or program report as its builders leave it: true counts in every
    cell. :func:`facilitator.tracking.release.finish_report` protects and prints it."""

    blocks: list[DraftBlock] = field(default_factory=list)


@dataclass
class Ledger:
    """The counts a report prints (and unprinted helper counts that tie them to
    other periods), with the relations a reader can use."""

    values: dict[str, int] = field(default_factory=dict)
    printed: set[str] = field(default_factory=set)
    totals: set[str] = field(default_factory=set)
    equal_sums: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    distinct_sums: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    zeros: set[str] = field(default_factory=set)

    def count(self, key: str, value: int, *, printed: bool = True, total: bool = False) -> Count:
        value = int(value)
        if value < 0:
            raise ValueError("counts cannot be negative")
        old = self.values.get(key)
        if old is not None and old != value:
            raise ValueError(f"{key} is printed twice with different values")
        self.values[key] = value
        if printed:
            self.printed.add(key)
        if total:
            self.totals.add(key)
        return Count(key)

    def sum_of(self, total: str, parts: Iterable[str]) -> None:
        """``total`` is the sum of ``parts`` (a row or column total, a repeated total)."""
        parts = tuple(parts)
        if sum(self.values[p] for p in parts) != self.values[total]:
            raise ValueError(f"{total} is not the sum of its parts")
        self.equal_sums.append((total, parts))

    def distinct_of(self, total: str, parts: Iterable[str]) -> None:
        """``total`` counts different people over ``parts`` that may share people: it
        is at least the largest part and at most their sum."""
        parts = tuple(parts)
        values = [self.values[p] for p in parts]
        if values and not max(values) <= self.values[total] <= sum(values):
            raise ValueError(f"{total} cannot count the different people of its parts")
        self.distinct_sums.append((total, parts))

    def zero(self, key: str) -> None:
        """A reader knows this count is 0 (returning people at a group's first session)."""
        if self.values.get(key, 0) != 0:
            raise ValueError(f"{key} is not 0")
        self.values.setdefault(key, 0)
        self.zeros.add(key)

    def table(
        self,
        prefix: str,
        rows: Sequence[str],
        columns: Sequence[str],
        counts: Sequence[Sequence[int]],
        *,
        row_totals: bool = True,
        col_totals: bool = True,
        total_row: str = "total",
        total_keys: Mapping[str, str] | None = None,
    ) -> list[list[Count]]:
        """A count table with its sums: cell keys ``prefix|row|column``, the totals
        column ``prefix|row|total`` and the totals row ``prefix|<total_row>|column``
        (name the totals row after the period when the rows are not: months or
        sessions are the same in every report, a period's total is not).
        ``total_keys`` maps a column (or ``"total"``) to a key the grand total of that
        column shares with another table (a repeated total is one number)."""
        total_keys = dict(total_keys or {})
        grid: list[list[Count]] = []
        for r, row in zip(rows, counts):
            line = [self.count(f"{prefix}|{r}|{c}", v) for c, v in zip(columns, row)]
            if row_totals:
                key = f"{prefix}|{r}|total"
                line.append(self.count(key, sum(row), total=True))
                self.sum_of(key, [x.key for x in line[:-1]])
            grid.append(line)
        if col_totals:
            names = [*columns, *(["total"] if row_totals else [])]
            last = []
            for j, c in enumerate(names):
                key = total_keys.get(c, f"{prefix}|{total_row}|{c}")
                value = sum(self.values[grid[i][j].key] for i in range(len(grid)))
                last.append(self.count(key, value, total=True))
                self.sum_of(key, [grid[i][j].key for i in range(len(grid))])
            if row_totals and len(names) > 1:
                self.sum_of(last[-1].key, [x.key for x in last[:-1]])
            grid.append(last)
        return grid


@dataclass(frozen=True)
class PriorRelease:
    """An earlier release to the same readers, as the register keeps it."""

    id: str
    cells: Mapping[str, int | None]  # printed value, or None where it showed HIDDEN
    small: frozenset[str]  # its hidden cells that held a count from 1 to k-1
    equal_sums: Sequence[tuple[str, Sequence[str]]]
    distinct_sums: Sequence[tuple[str, Sequence[str]]]
    zeros: frozenset[str] = frozenset()
    #: re-check its hidden small counts against the new report too (a release of the
    #: same report: the program report, or the same group's report). Releases of
    #: other kinds still bound what the new report may print, but their own cells are
    #: not re-audited: that would be hundreds of solves per report with a full register.
    recheck: bool = True


@dataclass(frozen=True)
class Decision:
    """What a reader sees: the hidden keys, and the audit's findings."""

    k: int
    values: Mapping[str, int]
    hidden: frozenset[str]
    printed: frozenset[str]
    ranges: Mapping[str, tuple[float, float]]  # of the hidden small counts
    rounds: int
    because_of_earlier: bool
    used_releases: tuple[str, ...] = ()
    dropped_releases: tuple[str, ...] = ()

    def shows(self, key: str) -> bool:
        return key not in self.hidden

    def text(self, key: str) -> str:
        return HIDDEN if key in self.hidden else str(self.values[key])

    @property
    def small(self) -> frozenset[str]:
        return frozenset(c for c in self.hidden if 1 <= self.values[c] < self.k)


def is_protected(lo: float, hi: float, k: int) -> bool:
    """The protection interval rule for a hidden count from 1 to k-1: the values a
    reader cannot rule out reach k or more, and span at least k."""
    return hi >= k and hi - lo >= k


# -- the audit ------------------------------------------------------------------------


_QUIET = threading.Lock()
_banner_done = False


def _new_highs():
    """A HiGHS instance. HiGHS prints its banner on the C stdout the first time one is
    made in a process, whatever its options; that one time the descriptor is pointed
    at the null device so the CLI's output stays one plain line."""
    global _banner_done
    import highspy

    with _QUIET:
        if _banner_done:
            h = highspy.Highs()
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            try:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 1)
                    h = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _banner_done = True
    h.setOptionValue("output_flag", False)
    # Each bound changes only the objective: the last basis stays primal feasible, so
    # the primal simplex restarts from it (about 2.5x faster here than HiGHS's default
    # dual simplex with a full register).
    h.setOptionValue("simplex_strategy", 4)
    return h


class _Model:
    """The reader's knowledge as a linear programme over non-negative unknowns."""

    def __init__(
        self,
        keys: list[str],
        rows: list[tuple[dict[int, float], float, float]],
        fixed: Mapping[str, float],
    ) -> None:
        import highspy

        self.index = {key: i for i, key in enumerate(keys)}
        h = _new_highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("log_to_console", False)
        n = len(keys)
        lower = np.zeros(n)
        upper = np.full(n, highspy.kHighsInf)
        for key, v in fixed.items():
            lower[self.index[key]] = upper[self.index[key]] = v
        h.addVars(n, lower, upper)
        if rows:
            lo = np.array([r[1] for r in rows], dtype=float)
            hi = np.array([r[2] for r in rows], dtype=float)
            starts: list[int] = []
            idx: list[int] = []
            val: list[float] = []
            for terms, _, _ in rows:
                starts.append(len(idx))
                idx += list(terms)
                val += list(terms.values())
            lo[lo == -_INF] = -highspy.kHighsInf
            hi[hi == _INF] = highspy.kHighsInf
            h.addRows(
                len(rows),
                lo,
                hi,
                len(idx),
                np.array(starts, dtype=np.int32),
                np.array(idx, dtype=np.int32),
                np.array(val, dtype=float),
            )
        self.h, self.hs = h, highspy

    def free(self, key: str) -> None:
        self.h.changeColBounds(self.index[key], 0.0, self.hs.kHighsInf)

    def feasible(self) -> bool:
        self.h.run()
        return self.h.getModelStatus() == self.hs.HighsModelStatus.kOptimal

    def bound(self, key: str, sense: int) -> float:
        """Smallest (sense 1) or largest (sense -1) value of ``key``."""
        i = self.index[key]
        self.h.changeColCost(i, float(sense))
        self.h.run()
        status = self.h.getModelStatus()
        v = self.h.getInfo().objective_function_value * sense
        self.h.changeColCost(i, 0.0)
        if status == self.hs.HighsModelStatus.kOptimal:
            return math.ceil(v - 1e-6) if sense == 1 else math.floor(v + 1e-6)
        if status in (
            self.hs.HighsModelStatus.kUnbounded,
            self.hs.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            return _INF if sense == -1 else 0.0
        raise RuntimeError(f"the disclosure audit could not solve its model ({status})")


def _rows(
    index: Mapping[str, int],
    equal: Iterable[tuple[str, Sequence[str]]],
    distinct: Iterable[tuple[str, Sequence[str]]],
) -> list[tuple[dict[int, float], float, float]]:
    rows = []
    for total, parts in equal:
        terms: dict[int, float] = {}
        for p in parts:
            terms[index[p]] = terms.get(index[p], 0.0) + 1.0
        terms[index[total]] = terms.get(index[total], 0.0) - 1.0
        rows.append((terms, 0.0, 0.0))
    for total, parts in distinct:
        for p in parts:  # part <= total
            if p != total:
                rows.append(({index[p]: 1.0, index[total]: -1.0}, -_INF, 0.0))
        terms = {index[p]: -1.0 for p in parts}  # total <= sum of parts
        terms[index[total]] = terms.get(index[total], 0.0) + 1.0
        rows.append((terms, -_INF, 0.0))
    return rows


def _neighbours(ledger: Ledger) -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for total, parts in [*ledger.equal_sums, *ledger.distinct_sums]:
        line = {total, *parts}
        for c in line:
            near.setdefault(c, set()).update(line - {c})
    return near


def _quick_secondary(ledger: Ledger, hidden: set[str]) -> None:
    """Hide a partner in every printed sum with exactly one hidden term."""
    lines = [
        (t, ps)
        for t, ps in ledger.equal_sums
        if t in ledger.printed and all(p in ledger.printed for p in ps)
    ]
    member: dict[str, list[int]] = {}
    for n, (t, ps) in enumerate(lines):
        for c in (t, *ps):
            member.setdefault(c, []).append(n)

    def lone(n: int) -> bool:
        t, ps = lines[n]
        return sum(1 for c in (t, *ps) if c in hidden) == 1

    def rank(c: str) -> tuple:
        v = ledger.values[c]
        fixes = sum(1 for n in member.get(c, ()) if lone(n))
        return (-fixes, c in ledger.totals, v == 0, v, c)

    changed = True
    while changed:
        changed = False
        for t, ps in lines:
            line = (t, *ps)
            if len(line) >= 2 and sum(1 for c in line if c in hidden) == 1:
                choices = [c for c in line if c not in hidden and c not in ledger.zeros]
                if choices:
                    hidden.add(min(choices, key=rank))
                    changed = True


def _partner(
    ledger: Ledger, cell: str, hidden: set[str], near: Mapping[str, set[str]]
) -> str | None:
    """The printed cell to hide next for ``cell``: the nearest by the relations, a
    data cell before a total, a non-zero before a zero, the smallest first."""
    seen, frontier = {cell}, [cell]
    while frontier:
        options = set()
        nxt = []
        for c in frontier:
            for d in near.get(c, ()):
                if d in seen:
                    continue
                seen.add(d)
                if d in ledger.printed and d not in hidden and d not in ledger.zeros:
                    options.add(d)
                else:
                    nxt.append(d)
        if options:
            return min(
                options,
                key=lambda d: (d in ledger.totals, ledger.values[d] == 0, ledger.values[d], d),
            )
        frontier = nxt
    return None


def protect(ledger: Ledger, k: int, prior: Sequence[PriorRelease] = ()) -> Decision:
    """Decide which printed counts are hidden, for the report as a whole."""
    hidden = {c for c in ledger.printed if 1 <= ledger.values[c] < k}
    _quick_secondary(ledger, hidden)
    hidden, rounds, model = _audit_loop(ledger, k, hidden, ())
    alone = set(hidden)
    used, dropped = _consistent(ledger, prior)
    because = False
    if used:
        hidden, more, model = _audit_loop(ledger, k, hidden, used)
        rounds += more
        because = hidden != alone
    # the final model already has every hidden cell free: warm re-solves
    ranges = {
        c: (model.bound(c, 1), model.bound(c, -1))
        for c in sorted(hidden)
        if 1 <= ledger.values[c] < k
    }
    return Decision(
        k=k,
        values=dict(ledger.values),
        hidden=frozenset(hidden),
        printed=frozenset(ledger.printed),
        ranges=ranges,
        rounds=rounds,
        because_of_earlier=because,
        used_releases=tuple(p.id for p in used),
        dropped_releases=tuple(p.id for p in dropped),
    )


def _build(ledger: Ledger, hidden: set[str], prior: Sequence[PriorRelease]) -> _Model:
    keys = list(ledger.values)
    known = set(keys)
    equal = list(ledger.equal_sums)
    distinct = list(ledger.distinct_sums)
    zeros = set(ledger.zeros)
    fixed: dict[str, float] = {
        c: float(ledger.values[c]) for c in ledger.printed if c not in hidden
    }
    for p in prior:
        for total, parts in [*p.equal_sums, *p.distinct_sums]:
            for c in (total, *parts):
                if c not in known:
                    known.add(c)
                    keys.append(c)
        for c in p.cells:
            if c not in known:
                known.add(c)
                keys.append(c)
        equal += [(t, tuple(ps)) for t, ps in p.equal_sums]
        distinct += [(t, tuple(ps)) for t, ps in p.distinct_sums]
        zeros |= set(p.zeros)
        for c, v in p.cells.items():
            if v is not None:
                fixed.setdefault(c, float(v))
    for c in zeros:
        fixed.setdefault(c, 0.0)
    index = {c: i for i, c in enumerate(keys)}
    return _Model(keys, _rows(index, equal, distinct), fixed)


def _near(ledger: Ledger, prior: Sequence[PriorRelease], hops: int = NEAR_HOPS) -> set[str]:
    """Keys within ``hops`` relations of a count the new report holds."""
    near: dict[str, set[str]] = {}
    for total, parts in [
        *ledger.equal_sums,
        *ledger.distinct_sums,
        *(r for p in prior for r in [*p.equal_sums, *p.distinct_sums]),
    ]:
        line = {total, *parts}
        for c in line:
            near.setdefault(c, set()).update(line)
    seen = set(ledger.values)
    frontier = set(seen)
    for _ in range(hops):
        frontier = {d for c in frontier for d in near.get(c, ())} - seen
        seen |= frontier
    return seen


def _to_check(ledger: Ledger, k: int, hidden: set[str], prior: Sequence[PriorRelease]) -> list[str]:
    mine = sorted(c for c in hidden if 1 <= ledger.values[c] < k)
    theirs = {c for p in prior if p.recheck for c in p.small}
    others = {c for p in prior if not p.recheck for c in p.small}
    if others:
        theirs |= others & _near(ledger, prior)
    rest = sorted(theirs - set(mine) - {c for c in ledger.printed if c not in hidden})
    return mine + rest


def _audit_loop(
    ledger: Ledger, k: int, hidden: set[str], prior: Sequence[PriorRelease]
) -> tuple[set[str], int, _Model]:
    hidden = set(hidden)
    near = _neighbours(ledger)
    for p in prior:
        extra = PriorRelease("", {}, frozenset(), p.equal_sums, p.distinct_sums)
        for total, parts in [*extra.equal_sums, *extra.distinct_sums]:
            line = {total, *parts}
            for c in line:
                near.setdefault(c, set()).update(line - {c})
    model = _build(ledger, hidden, prior)
    rounds = 0
    # Hiding one more cell only frees a value the model held fixed, so every range can
    # only widen: a cell that passed stays protected, and later rounds re-check the
    # weak ones alone.
    todo = _to_check(ledger, k, hidden, prior)
    while True:
        rounds += 1
        weak = []
        for c in todo:
            hi = model.bound(c, -1)  # the largest value first: most weak cells fail there
            if hi >= k and is_protected(model.bound(c, 1), hi, k):
                continue
            weak.append(c)
        if not weak:
            return hidden, rounds, model
        grew = False
        added: set[str] = set()
        for c in weak:
            if near.get(c, set()) & added:
                continue  # a partner hidden this round may already protect it: re-audit
            d = _partner(ledger, c, hidden, near)
            if d is not None:
                hidden.add(d)
                added.add(d)
                model.free(d)
                grew = True
        if not grew:  # nothing left to hide near the weak cells
            return hidden, rounds, model
        before = set(hidden)
        _quick_secondary(ledger, hidden)
        for d in hidden - before:
            model.free(d)
        todo = weak + [c for c in hidden - set(todo) if 1 <= ledger.values[c] < k]


def _consistent(
    ledger: Ledger, prior: Sequence[PriorRelease]
) -> tuple[list[PriorRelease], list[PriorRelease]]:
    """The earlier releases whose printed cells still agree with the store (a session
    entered late changes a total; such a release is left out and reported)."""
    if not prior:
        return [], []
    if not any(
        v is not None and c in ledger.values and ledger.values[c] != v
        for p in prior
        for c, v in p.cells.items()
    ):
        if _build(ledger, set(), prior).feasible():  # the usual case: all still agree
            return list(prior), []
    used: list[PriorRelease] = []
    dropped: list[PriorRelease] = []
    for p in prior:
        clash = any(
            v is not None and c in ledger.values and ledger.values[c] != v
            for c, v in p.cells.items()
        )
        if clash or not _build(ledger, set(), [*used, p]).feasible():
            dropped.append(p)
        else:
            used.append(p)
    return used, dropped


# -- rendering -------------------------------------------------------------------------


def _shows(value: Derived[object], d: Decision) -> bool:
    return (
        all(d.shows(c) and d.values[c] >= d.k for c in value.needs)
        and all(v >= d.k for v in value.at_least)
        and all(not 1 <= v < d.k for v in value.not_small)
    )


def _cell(value: DraftCell, d: Decision) -> str:
    if isinstance(value, Count):
        return d.text(value.key)
    if isinstance(value, Derived):
        return value.shown if _shows(value, d) else WITHHELD
    return value


def _chart_value(value: DraftValue, d: Decision) -> float | None:
    if isinstance(value, Count):
        return None if value.key in d.hidden else float(d.values[value.key])
    if isinstance(value, Derived):
        return value.shown if _shows(value, d) else None
    return value


def hides_any(table: Table[DraftCell], d: Decision) -> bool:
    return any(isinstance(c, Count) and c.key in d.hidden for r in table.rows for c in r)


def _table(b: Table[DraftCell], d: Decision, footnote: str) -> Table[str]:
    note = b.footnote
    if footnote and hides_any(b, d) and footnote not in note:
        note = " ".join(x for x in (note, footnote) if x)
    return Table(
        b.columns,
        [[_cell(c, d) for c in r] for r in b.rows],
        title=b.title,
        numeric=b.numeric,
        total_row=b.total_row,
        footnote=note,
        col_widths=b.col_widths,
    )


def _chart(b: Chart[DraftValue], d: Decision) -> Chart[float | None]:
    return Chart(
        b.kind,
        b.title,
        b.categories,
        [Series(s.name, [_chart_value(v, d) for v in s.values]) for s in b.series],
        y_label=b.y_label,
        y_min=b.y_min,
        y_max=b.y_max,
        note=b.note,
        partial=b.partial,
        x_values=b.x_values,
    )


def resolve(blocks: Sequence[DraftBlock], d: Decision, footnote: str = "") -> list[Block]:
    """The blocks as printed: placeholders become numbers, :data:`HIDDEN` or
    :data:`WITHHELD`; a table that hides a count gets ``footnote``."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(_table(b, d, footnote))
        elif isinstance(b, KeyFigures):
            out.append(KeyFigures([(label, _cell(v, d)) for label, v in b.items]))
        elif isinstance(b, Chart):
            out.append(_chart(b, d))
        else:
            out.append(b)
    return out


def printed(draft: DraftReport, blocks: list[Block]) -> Report:
    """``draft``'s head over its printed ``blocks``."""
    head = {f.name: getattr(draft, f.name) for f in dataclasses.fields(ReportHead)}
    return Report(**head, blocks=blocks)
