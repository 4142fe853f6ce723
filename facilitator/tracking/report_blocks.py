"""Building blocks shared by the supervisor (group) and program reports.

Every count that reaches a table here goes through
:func:`facilitator.tracking.disclosure.suppress_table`, and every mean, share or
change is withheld when it rests on fewer than k people, so the two report builders
cannot forget a rule by accident.
"""

from __future__ import annotations

from typing import Sequence

from facilitator.tracking import report_text as rt
from facilitator.tracking.analytics import (
    ResponseRow,
    Retention,
    pairs,
    passes,
    period_change,
    person_means,
)
from facilitator.tracking.disclosure import (
    SuppressedTable,
    enough_people,
    is_small,
    show_count,
    suppress_table,
)
from facilitator.tracking.fidelity import Fidelity
from facilitator.tracking.custom_measures import CustomMeasure
from facilitator.tracking.report_model import (Chart, Heading, KeyFigures, Paragraph, Series,
                                               Table)
from facilitator.tracking.stats import ChangeStats


def count_table(row_labels: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]],
                k: int, lang: str, *, first_column: str, title: str = "",
                row_totals: bool = True, col_totals: bool = True,
                extra: Sequence[Sequence[str]] | None = None,
                extra_columns: Sequence[str] = (),
                total_label: str | None = None,
                sup: SuppressedTable | None = None) -> tuple[Table, SuppressedTable]:
    """A suppressed count table with a totals column and/or row.

    ``extra`` adds already-safe display columns (means that were checked against k)
    after the counts; they are blank on the totals row. ``sup`` is the suppression
    already worked out together with other tables that share its totals
    (:func:`~facilitator.tracking.disclosure.suppress_linked`).
    """
    if sup is None:
        sup = suppress_table(counts, k, row_totals=row_totals, col_totals=col_totals)
    shown = sup.display()
    header = [first_column, *columns]
    if row_totals:
        header.append(total_label or rt.t("total", lang))
    header += list(extra_columns)
    rows = []
    for i, label in enumerate(row_labels):
        rows.append([label, *shown[i], *(extra[i] if extra else ())])
    if col_totals:
        rows.append([rt.t("total", lang), *shown[-1], *([""] * len(extra_columns))])
    n_counts = len(columns) + (1 if row_totals else 0)
    numeric = frozenset(range(1, 1 + n_counts + len(extra_columns)))
    notes = []
    if sup.any_primary:
        notes.append(rt.t_disclosure("small", lang, k))
    if sup.any_secondary:
        notes.append(rt.t_disclosure("secondary", lang, k))
    return (Table(header, rows, title=title, numeric=numeric, total_row=col_totals,
                  footnote=" ".join(notes)), sup)


def mean_cell(value: float | None, n: int, k: int, digits: int = 1, signed: bool = False) -> str:
    if value is None or not enough_people(n, k):
        return "–"
    return rt.fmt_signed(value, digits) if signed else rt.fmt_num(value, digits)


def change_cells(stats: ChangeStats, k: int) -> list[str]:
    """People, mean change, 95% CI, d_z: the last three withheld below k people."""
    ok = enough_people(stats.n, k)
    return [show_count(stats.n, k),
            rt.fmt_signed(stats.mean) if ok else "–",
            rt.fmt_ci(stats.ci_low, stats.ci_high) if ok else "–",
            rt.fmt_num(stats.d_z, 2) if ok and stats.d_z is not None else "–"]


def partition_change_rows(labels: Sequence[str], parts: Sequence[ChangeStats],
                          total: ChangeStats, k: int, lang: str) -> list[list[str]]:
    """Change rows for groups of people that do not overlap (programme types), with a
    total row: the people counts add up to the total, so they are suppressed as one
    column with secondary suppression, and a row whose count is hidden withholds its
    mean, interval and effect size too (together they give the count back)."""
    if sum(p.n for p in parts) != total.n:
        raise ValueError("the parts do not add up to the total")
    sup = suppress_table([[p.n] for p in parts], k, row_totals=False, col_totals=True)
    rows = []
    for i, (label, stats) in enumerate(zip([*labels, rt.t("total", lang)], [*parts, total])):
        if sup.hidden[i][0]:
            rows.append([label, sup.cell(i, 0), "–", "–", "–"])
        else:
            rows.append([label, *change_cells(stats, k)])
    return rows


def change_rows(labels: Sequence[str], parts: Sequence[ChangeStats], total: ChangeStats,
                k: int, lang: str) -> list[list[str]]:
    """Change rows (months, programme types) with a total row.

    When the parts' people add up to the total (every person in one part: one group
    per person, or everyone answering in one month only) a hidden count could be
    worked out from the total, so the rows are suppressed together as in
    :func:`partition_change_rows`. Otherwise a person counts in several parts and no
    part can be recomputed, and each row stands alone.
    """
    if sum(p.n for p in parts) == total.n:
        return partition_change_rows(labels, parts, total, k, lang)
    return [[label, *change_cells(stats, k)]
            for label, stats in zip([*labels, rt.t("total", lang)], [*parts, total])]


def mean_rows(labels: Sequence[str], parts: Sequence[dict[str, float]],
              total: dict[str, float], k: int, lang: str) -> list[list[str]]:
    """People and mean score per part and in total (each person averaged first), with
    the same suppression as :func:`change_rows`: a mean below k people is withheld,
    and when the parts add up to the total a hidden count gets a partner."""
    counts = [len(p) for p in parts]
    additive = sum(counts) == len(total)
    sup = suppress_table([[n] for n in counts], k, row_totals=False, col_totals=True)
    rows = []
    for i, (label, values) in enumerate(zip([*labels, rt.t("total", lang)], [*parts, total])):
        n = len(values)
        mean = sum(values.values()) / n if n else None
        if additive and sup.hidden[i][0]:
            rows.append([label, sup.cell(i, 0), "–"])
        else:
            rows.append([label, show_count(n, k), mean_cell(mean, n, k)])
    return rows


def custom_measure_blocks(measures: Sequence[CustomMeasure], responses: Sequence[ResponseRow],
                          parts: Sequence[tuple[str, set[str]]], first_column: str,
                          k: int, lang: str) -> list:
    """One section per organisation-defined measure answered in ``parts`` (label and
    session ids: months of a group, programme types of the program).

    Built like the check-in section: pre/post change with 95% CI and d_z per part and
    in total, and the number of passes; a measure asked once per session gets people
    and mean only. Each is marked as organisation-defined, not validated.
    """
    ids = set().union(*(s for _, s in parts)) if parts else set()
    out: list = []
    for m in measures:
        mine = [r for r in responses if r.measure == m.key and r.session_id in ids]
        if not mine:
            continue
        if not out:
            out.append(Heading(rt.t("custom_heading", lang)))
        answered = {r.session_id for r in mine}
        used = [(label, sids) for label, sids in parts if not answered.isdisjoint(sids)]
        labels = [label for label, _ in used]
        direction = rt.t("higher_better" if m.higher_is_better else "lower_better", lang)
        out += [Heading(m.label(lang), 2),
                Paragraph(rt.t("custom_note", lang, lo=f"{m.minimum:g}", hi=f"{m.maximum:g}",
                               direction=direction), "small")]
        if m.retired:
            out.append(Paragraph(rt.t("custom_retired", lang), "small"))
        if any(r.phase in ("pre", "post") for r in mine):
            all_pairs = pairs(mine, m.key)
            rows = change_rows(labels, [period_change([p for p in all_pairs
                                                       if p.session_id in sids])
                                        for _, sids in used],
                               period_change(all_pairs), k, lang)
            out.append(Table([first_column, *change_columns(lang)], rows,
                             title=rt.t("custom_prepost", lang),
                             numeric=frozenset({1, 2, 3, 4}), total_row=True))
            shown = [_shown_number(row[2]) for row in rows[:-1]]
            if len(shown) > 1 and any(v is not None for v in shown):
                # drawn from the table's own cells, so a withheld mean is a gap here too
                out.append(Chart("bar", rt.t("custom_change_chart", lang), labels,
                                 [Series(rt.t("mean_change", lang), shown)],
                                 y_label=rt.t("mean_change", lang)))
        if any(r.phase == "single" for r in mine):
            rows = mean_rows(labels, [person_means(mine, m.key, "single", sids)
                                      for _, sids in used],
                             person_means(mine, m.key, "single"), k, lang)
            out.append(Table([first_column, rt.t("people", lang), rt.t("mean", lang)], rows,
                             title=rt.t("custom_single", lang), numeric=frozenset({1, 2}),
                             total_row=True))
        out.append(KeyFigures([(rt.t("passes", lang), show_count(passes(mine, m.key), k))]))
    return out


def _shown_number(cell: str) -> float | None:
    """The number a table cell shows ("+0.9", "-1.2"), or None for "–" and the like."""
    try:
        return float(cell.replace("\u2212", "-"))
    except (TypeError, ValueError):
        return None


def change_columns(lang: str) -> list[str]:
    return [rt.t("people", lang), rt.t("mean_change", lang), rt.t("ci95", lang),
            rt.t("effect", lang)]


def retention_text(r: Retention, k: int) -> str:
    """The returning share, withheld below k newcomers and also when fewer than k of
    them returned or fewer than k did not: "96%" of 25 newcomers says that one
    person never came back, a small count in disguise."""
    if (not enough_people(r.newcomers, k) or r.share is None
            or is_small(r.returned, k) or is_small(r.newcomers - r.returned, k)):
        return "–"
    return rt.fmt_pct(r.share)


def fidelity_figures(f: Fidelity, lang: str) -> KeyFigures:
    return KeyFigures([(rt.t("mandatory_done", lang), rt.fmt_pct(f.mandatory_share)),
                       (rt.t("mean_overrun", lang), rt.fmt_num(f.mean_overrun)),
                       (rt.t("rules_reviewed", lang), rt.fmt_pct(f.rules_share))])


def disclosure_notes(lang: str, k: int) -> Paragraph:
    return Paragraph(" ".join([rt.t_disclosure("small", lang, k),
                               rt.t_disclosure("secondary", lang, k),
                               rt.t_disclosure("withheld", lang, k)]), "small")
