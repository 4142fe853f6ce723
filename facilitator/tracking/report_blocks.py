"""Building blocks shared by the supervisor (group) and program reports.

Nothing here decides what a reader sees. Every count goes into the report's
:class:`~facilitator.tracking.protection.Ledger` with its true value and is placed in
a table as a :class:`~facilitator.tracking.protection.Count`; every mean, share or
change is a :class:`~facilitator.tracking.protection.Derived` tied to the counts it
rests on. :func:`~facilitator.tracking.protection.protect` then decides for the
report as a whole, and :func:`~facilitator.tracking.protection.resolve` prints it.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from facilitator.tracking import report_text as rt
from facilitator.tracking.analytics import (
    ResponseRow,
    Retention,
    pairs,
    passes,
    period_change,
    person_means,
)
from facilitator.tracking.custom_measures import CustomMeasure
from facilitator.tracking.fidelity import Fidelity
from facilitator.tracking.protection import (
    Count,
    Derived,
    DraftBlock,
    DraftCell,
    DraftValue,
    Ledger,
)
from facilitator.tracking.report_model import Chart, Heading, KeyFigures, Paragraph, Series, Table
from facilitator.tracking.stats import ChangeStats


def count_table(
    L: Ledger,
    prefix: str,
    row_keys: Sequence[str],
    row_labels: Sequence[str],
    col_keys: Sequence[str],
    columns: Sequence[str],
    counts: Sequence[Sequence[int]],
    lang: str,
    *,
    first_column: str,
    title: str = "",
    row_totals: bool = True,
    col_totals: bool = True,
    total_row: str = "total",
    total_keys: Mapping[str, str] | None = None,
    extra: Sequence[Sequence[DraftCell]] | None = None,
    extra_columns: Sequence[str] = (),
    total_label: str | None = None,
) -> tuple[Table[DraftCell], list[list[Count]]]:
    """A count table with a totals column and/or row, cells keyed ``prefix|row|col``.

    ``extra`` adds derived columns (means) after the counts; they are blank on the
    totals row. ``total_keys`` shares a grand total with another table.
    """
    grid = L.table(
        prefix,
        row_keys,
        col_keys,
        counts,
        row_totals=row_totals,
        col_totals=col_totals,
        total_row=total_row,
        total_keys=total_keys,
    )
    header = [first_column, *columns]
    if row_totals:
        header.append(total_label or rt.t("total", lang))
    header += list(extra_columns)
    rows: list[list[DraftCell]] = []
    for i, label in enumerate(row_labels):
        rows.append([label, *grid[i], *(extra[i] if extra else ())])
    if col_totals:
        rows.append([rt.t("total", lang), *grid[-1], *([""] * len(extra_columns))])
    n_counts = len(columns) + (1 if row_totals else 0)
    numeric = frozenset(range(1, 1 + n_counts + len(extra_columns)))
    return Table(header, rows, title=title, numeric=numeric, total_row=col_totals), grid


def mean_cell(value: float | None, key: str, digits: int = 1, signed: bool = False) -> DraftCell:
    if value is None:
        return "–"
    return Derived(
        rt.fmt_signed(value, digits) if signed else rt.fmt_num(value, digits), needs=(key,)
    )


def change_cells(L: Ledger, key: str, stats: ChangeStats) -> list[DraftCell]:
    """People, mean change, 95% CI, d_z: the last three withheld with the people."""
    need = (key,)
    return [
        L.count(key, stats.n),
        Derived(rt.fmt_signed(stats.mean), need) if stats.n else "–",
        Derived(rt.fmt_ci(stats.ci_low, stats.ci_high), need) if stats.n else "–",
        Derived(rt.fmt_num(stats.d_z, 2), need) if stats.d_z is not None else "–",
    ]


def change_rows(
    L: Ledger,
    prefix: str,
    keys: Sequence[str],
    labels: Sequence[str],
    parts: Sequence[ChangeStats],
    total: ChangeStats,
    total_key: str,
    lang: str,
    *,
    additive: bool,
) -> list[list[DraftCell]]:
    """Change rows (months, programme types) with a total row. People in programme
    types do not overlap (``additive``: the total is their sum); people in months do
    (the total is at least the largest month and at most their sum)."""
    rows = [
        [label, *change_cells(L, f"{prefix}|{key}", stats)]
        for key, label, stats in zip(keys, labels, parts)
    ]
    rows.append([rt.t("total", lang), *change_cells(L, total_key, total)])
    L.totals.add(total_key)
    part_keys = [f"{prefix}|{key}" for key in keys]
    if additive:
        L.sum_of(total_key, part_keys)
    else:
        L.distinct_of(total_key, part_keys)
    return rows


def mean_rows(
    L: Ledger,
    prefix: str,
    keys: Sequence[str],
    labels: Sequence[str],
    parts: Sequence[dict[str, float]],
    total: dict[str, float],
    total_key: str,
    lang: str,
    *,
    additive: bool,
) -> list[list[DraftCell]]:
    """People and mean score per part and in total (each person averaged first)."""
    rows: list[list[DraftCell]] = []
    for key, label, values in zip(
        [*[f"{prefix}|{k}" for k in keys], total_key],
        [*labels, rt.t("total", lang)],
        [*parts, total],
    ):
        n = len(values)
        mean = sum(values.values()) / n if n else None
        rows.append([label, L.count(key, n), mean_cell(mean, key)])
    L.totals.add(total_key)
    part_keys = [f"{prefix}|{k}" for k in keys]
    (L.sum_of if additive else L.distinct_of)(total_key, part_keys)
    return rows


def custom_measure_blocks(
    L: Ledger,
    prefix: str,
    period_key: str,
    measures: Sequence[CustomMeasure],
    responses: Sequence[ResponseRow],
    parts: Sequence[tuple[str, str, set[str]]],
    first_column: str,
    lang: str,
    *,
    additive: bool,
) -> list[DraftBlock]:
    """One section per organisation-defined measure answered in ``parts`` (key, label
    and session ids: months of a group, programme types of the program).

    Built like the check-in section: pre/post change with 95% CI and d_z per part and
    in total, and the number of passes; a measure asked once per session gets people
    and mean only. Each is marked as organisation-defined, not validated.
    """
    ids = set().union(*(s for _, _, s in parts)) if parts else set()
    out: list[DraftBlock] = []
    for m in measures:
        mine = [r for r in responses if r.measure == m.key and r.session_id in ids]
        if not mine:
            continue
        if not out:
            out.append(Heading(rt.t("custom_heading", lang)))
        answered = {r.session_id for r in mine}
        used = [(key, label, sids) for key, label, sids in parts if not answered.isdisjoint(sids)]
        keys = [key for key, _, _ in used]
        labels = [label for _, label, _ in used]
        base = f"{prefix}:m:{m.key}"
        out += [Heading(m.label(lang), 2), custom_note(m, lang)]
        if m.retired:
            out.append(Paragraph(rt.t("custom_retired", lang), "small"))
        if any(r.phase in ("pre", "post") for r in mine):
            all_pairs = pairs(mine, m.key)
            rows = change_rows(
                L,
                f"{base}:chg",
                keys,
                labels,
                [
                    period_change([p for p in all_pairs if p.session_id in sids])
                    for _, _, sids in used
                ],
                period_change(all_pairs),
                f"{base}:chg@{period_key}",
                lang,
                additive=additive,
            )
            out.append(
                Table(
                    [first_column, *change_columns(lang)],
                    rows,
                    title=rt.t("custom_prepost", lang),
                    numeric=frozenset({1, 2, 3, 4}),
                    total_row=True,
                )
            )
            shown = [row[2] for row in rows[:-1]]
            if len(shown) > 1:
                # the table's own cells, so a withheld mean is a gap here too
                out.append(
                    Chart(
                        "bar",
                        rt.t("custom_change_chart", lang),
                        labels,
                        [Series(rt.t("mean_change", lang), [_as_number(c) for c in shown])],
                        y_label=rt.t("mean_change", lang),
                    )
                )
        if any(r.phase == "single" for r in mine):
            rows = mean_rows(
                L,
                f"{base}:one",
                keys,
                labels,
                [person_means(mine, m.key, "single", sids) for _, _, sids in used],
                person_means(mine, m.key, "single"),
                f"{base}:one@{period_key}",
                lang,
                additive=additive,
            )
            out.append(
                Table(
                    [first_column, rt.t("people", lang), rt.t("mean", lang)],
                    rows,
                    title=rt.t("custom_single", lang),
                    numeric=frozenset({1, 2}),
                    total_row=True,
                )
            )
        out.append(
            KeyFigures(
                [
                    (
                        rt.t("passes", lang),
                        L.count(f"{base}:passes@{period_key}", passes(mine, m.key)),
                    )
                ]
            )
        )
    return out


def custom_note(m: CustomMeasure, lang: str) -> Paragraph:
    """The note under an organisation-defined measure: its range and direction, and
    that it is not a validated scale."""
    direction = rt.t("higher_better" if m.higher_is_better else "lower_better", lang)
    return Paragraph(
        rt.t("custom_note", lang, lo=f"{m.minimum:g}", hi=f"{m.maximum:g}", direction=direction),
        "small",
    )


def _as_number(cell: DraftCell) -> DraftValue:
    """A chart value from a table cell: a derived mean keeps its guard."""
    if isinstance(cell, Derived):
        try:
            return Derived(float(cell.shown.replace("\u2212", "-")), cell.needs)
        except ValueError:
            return None
    return None


def change_columns(lang: str) -> list[str]:
    return [
        rt.t("people", lang),
        rt.t("mean_change", lang),
        rt.t("ci95", lang),
        rt.t("effect", lang),
    ]


def retention_cell(r: Retention) -> DraftCell:
    """The returning share, withheld below k newcomers and also when fewer than k of
    them returned or fewer than k did not: "96%" of 25 newcomers says that one
    person never came back, a small count in disguise."""
    if r.share is None:
        return "–"
    return Derived(
        rt.fmt_pct(r.share),
        at_least=(r.newcomers,),
        not_small=(r.returned, r.newcomers - r.returned),
    )


def fidelity_figures(f: Fidelity, lang: str) -> KeyFigures[str]:
    return KeyFigures(
        [
            (rt.t("mandatory_done", lang), rt.fmt_pct(f.mandatory_share)),
            (rt.t("mean_overrun", lang), rt.fmt_num(f.mean_overrun)),
            (rt.t("rules_reviewed", lang), rt.fmt_pct(f.rules_share)),
        ]
    )


def disclosure_notes(lang: str, k: int) -> Paragraph:
    return Paragraph(
        " ".join([rt.t_disclosure("hidden", lang, k), rt.t_disclosure("withheld", lang, k)]),
        "small",
    )
