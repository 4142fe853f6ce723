"""An independent attacker for the disclosure tests.

It does not use the production audit (HiGHS) or its model: it reads printed cells
(numbers and the hidden symbol) and sum relations, and narrows every unknown by
interval bound propagation: for ``total = a + b + ...`` each term lies within
``[total_lo - sum(others_hi), total_hi - sum(others_lo)]`` and the total within the
sum of its terms' intervals; for distinct-people totals, ``max(parts) <= total <=
sum(parts)``. Integer rounding after every step; repeated to a fixpoint. This is
what a careful reader with a pencil does, done exhaustively.
"""

from __future__ import annotations

import math
import re
from typing import Hashable, Iterable, Mapping, Sequence

INF = math.inf
INT = re.compile(r"^\d+$")


def propagate(
    known: Mapping[Hashable, int],
    unknown: Iterable[Hashable],
    sums: Sequence[tuple[Hashable, Sequence[Hashable]]],
    distinct: Sequence[tuple[Hashable, Sequence[Hashable]]] = (),
    zeros: Iterable[Hashable] = (),
    rounds: int = 200,
) -> dict[Hashable, tuple[float, float]]:
    lo: dict[Hashable, float] = {}
    hi: dict[Hashable, float] = {}
    for c in unknown:
        lo[c], hi[c] = 0.0, INF
    for total, parts in [*sums, *distinct]:
        for c in (total, *parts):
            if c not in known and c not in lo:
                lo[c], hi[c] = 0.0, INF
    for c, v in known.items():
        lo[c] = hi[c] = float(v)
    for c in zeros:
        if c not in known:
            lo[c], hi[c] = 0.0, 0.0

    def tighten(c, a, b) -> bool:
        a, b = math.ceil(a - 1e-9), (math.floor(b + 1e-9) if b < INF else INF)
        changed = False
        if a > lo[c]:
            lo[c], changed = a, True
        if b < hi[c]:
            hi[c], changed = b, True
        return changed

    for _ in range(rounds):
        changed = False
        for total, parts in sums:
            s_lo = sum(lo[p] for p in parts)
            s_hi = sum(hi[p] for p in parts)
            changed |= tighten(total, s_lo, s_hi)
            for p in parts:
                o_lo = s_lo - lo[p]
                o_hi = s_hi - hi[p] if hi[p] < INF else sum(hi[q] for q in parts if q != p)
                changed |= tighten(p, lo[total] - o_hi if o_hi < INF else 0.0, hi[total] - o_lo)
        for total, parts in distinct:
            changed |= tighten(
                total, max((lo[p] for p in parts), default=0.0), sum(hi[p] for p in parts)
            )
            for p in parts:
                changed |= tighten(p, 0.0, hi[total])
        if not changed:
            break
    return {c: (lo[c], hi[c]) for c in lo if c not in known}


def exposed(
    ranges: Mapping[Hashable, tuple[float, float]], truth: Mapping[Hashable, int], k: int
) -> dict[Hashable, tuple[int, tuple[float, float]]]:
    """Hidden cells holding 1..k-1 whose range is narrower than the protection interval
    (it must reach k and be at least k wide)."""
    out = {}
    for c, (a, b) in ranges.items():
        v = truth.get(c)
        if v is not None and 1 <= v < k and not (b >= k and b - a >= k):
            out[c] = (v, (a, b))
    return out


# -- reading relations off printed reports ---------------------------------------------

COUNT = re.compile(r"^(\d+|x)$")
DATED = re.compile(r"^(\d{4}-\d{2}-\d{2}|[^\d]+ \d{4}|\d{4} [^\d]+|.*\d{4}.*)$")


def _labels(lang: str) -> dict[str, str]:
    from facilitator.tracking import report_text as rt

    keys = (
        "total",
        "attendances",
        "attended",
        "new",
        "groups_active",
        "sessions_held",
        "unique",
        "people",
        "program_type",
        "month",
        "date",
    )
    return {key: rt.t(key, lang) for key in keys}


def read_report(report, tag: str, truth_report=None, *, shared_rows: bool = True):
    """Variables, known values, sums and distinct sums a reader gets from ``report``.

    Cells in rows labelled by a date or month (sessions, months) are the same number
    in every report with the same columns (``shared_rows``); totals and other rows
    belong to this report (``tag``). A repeated total (overview figure, the same
    column's total in two tables) is one variable. ``truth_report`` is the same
    report with nothing hidden, for the true values.
    """
    from facilitator.tracking.report_model import KeyFigures, Table

    lang = report.lang
    lab = _labels(lang)
    total_names = {
        lab["total"],
        lab["attended"],
        lab["people"],
        lab["attendances"],
        "Attended",
        "People",
        "Total",
    }
    alias = {lab["attended"]: lab["attendances"]}
    shared = {
        lab["attendances"],
        lab["new"],
        lab["groups_active"],
        lab["sessions_held"],
        lab["unique"],
    }
    known, hidden, truth = {}, set(), {}
    sums, distinct = [], []
    truth_blocks = truth_report.blocks if truth_report is not None else report.blocks
    wanted = (KeyFigures, Table)
    shown_blocks = [b for b in report.blocks if isinstance(b, wanted)]
    truth_blocks = [b for b in truth_blocks if isinstance(b, wanted)]
    assert len(shown_blocks) == len(truth_blocks)

    def note(var, text, true_text):
        if text == "x":
            hidden.add(var)
            if true_text is not None and true_text.isdigit():
                truth[var] = int(true_text)
        elif text.isdigit():
            known[var] = int(text)

    for n, (b, tb) in enumerate(zip(shown_blocks, truth_blocks)):
        if isinstance(b, KeyFigures):
            for (label, v), (_, tv) in zip(b.items, tb.items):
                if label in shared:
                    note((tag, "total", alias.get(label, label)), v, tv)
            continue
        if not isinstance(b, Table) or len(b.rows) < 1:
            continue
        cols = [
            j
            for j in range(1, len(b.columns))
            if all(COUNT.match(r[j]) or r[j] == "" for r in b.rows)
            and any(COUNT.match(r[j]) for r in b.rows)
        ]
        if not cols:
            continue
        body = b.rows[:-1] if b.total_row else b.rows
        sig = tuple(b.columns)

        def var(i, j, row):
            label = row[0]
            if b.total_row and i == len(b.rows) - 1:
                head = alias.get(b.columns[j], b.columns[j])
                if head in shared and b.columns[0] != lab["month"] + "!":
                    return (tag, "total", head)
                return (tag, n, "total", j)
            if shared_rows and DATED.match(label):
                return (sig, label, j)
            return (tag, n, label, j)

        grid = {}
        for i, (row, trow) in enumerate(zip(b.rows, tb.rows)):
            for j in cols:
                if COUNT.match(row[j]):
                    grid[i, j] = var(i, j, row)
                    note(grid[i, j], row[j], trow[j])
        tcol = cols[-1] if b.columns[cols[-1]] in total_names and len(cols) > 1 else None
        if tcol is not None:
            parts_cols = [j for j in cols if j < tcol]
            if parts_cols:
                for i in range(len(b.rows)):
                    if (i, tcol) in grid and all((i, j) in grid for j in parts_cols):
                        sums.append((grid[i, tcol], [grid[i, j] for j in parts_cols]))
        if b.total_row:
            last = len(b.rows) - 1
            additive = b.columns[0] != lab["month"] or b.columns[1] != lab["people"]
            for j in cols:
                if (last, j) in grid and all((i, j) in grid for i in range(len(body))):
                    rel = (grid[last, j], [grid[i, j] for i in range(len(body))])
                    (sums if additive else distinct).append(rel)
    return known, hidden, truth, sums, distinct


def attack_reports(reads) -> dict:
    """Combine what several reports print and propagate bounds over all of it."""
    known, hidden, truth, sums, distinct = {}, set(), {}, [], []
    for k_, h, t, s, d in reads:
        for c, v in k_.items():
            known.setdefault(c, v)
        hidden |= h
        truth.update(t)
        sums += s
        distinct += d
    hidden -= set(known)
    return propagate(known, hidden, sums, distinct), truth
