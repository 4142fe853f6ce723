"""The program report across every group, for supervisors or for sharing outside.

Dates go down to months only; no group name, participant code, alias or per-person
score appears; the whole report is protected in one pass (k = 5 by default, at
least 11 with ``external=True``; see :mod:`facilitator.tracking.protection`) and every
mean, share or change resting on fewer than k people is withheld. Charts draw hidden
values as gaps.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Sequence

from facilitator.i18n import pick
from facilitator.store.db import Database
from facilitator.tracking import report_text as rt
from facilitator.tracking.analytics import (
    Period,
    answered,
    attendance_per_session,
    held_sessions,
    new_vs_returning,
    pairs,
    period_change,
    reach,
    retention,
    unique_participants,
)
from facilitator.tracking.disclosure import effective_k
from facilitator.tracking.fidelity import fidelity
from facilitator.tracking.custom_measures import CustomMeasure, custom_measures
from facilitator.tracking.loaders import Dataset, SessionRow, load_dataset
from facilitator.tracking.participants import AGE_BANDS, GENDERS
from facilitator.tracking.periods import MonthSpan, span
from facilitator.tracking.protection import DraftBlock, DraftCell, DraftReport, Ledger
from facilitator.tracking.report_blocks import (
    change_columns,
    change_rows,
    count_table,
    custom_measure_blocks,
    fidelity_figures,
    retention_cell,
)
from facilitator.tracking.report_group import incident_blocks, period_label, who5_blocks
from facilitator.tracking.report_model import (
    Audience,
    Chart,
    Heading,
    KeyFigures,
    Paragraph,
    Report,
    Series,
    Table,
)

BINS = ((0, 2), (3, 4), (5, 6), (7, 8), (9, 10))


def build_program_report(
    db: Database,
    date_from: date | None,
    date_to: date | None,
    lang: str,
    k: int = 5,
    external: bool = False,
) -> Report:
    """The program report over whole calendar months; the reach tables and the
    number of different people only when the months are a calendar quarter or year."""
    from facilitator.tracking.release import finish_report

    k = effective_k(k, external)
    with db.session() as s:
        ds = load_dataset(s)
        measures = custom_measures(s)
    months = span(date_from, date_to, [x.day for x in held_sessions(ds.sessions)])
    audience: Audience = "external" if external else "supervisor"
    conf = rt.t("conf_external", lang, k=k) if external else rt.t("conf_supervisor", lang)
    label = (
        period_label(months.start, months.end, lang, rt.fmt_month)
        if months
        else period_label(None, None, lang)
    )
    L = Ledger()
    draft = DraftReport(
        kind="program",
        lang=lang,
        title=rt.t("program_title", lang),
        subtitle=rt.t("all_groups", lang),
        period=label,
        audience=audience,
        blocks=program_blocks(L, ds, months, lang, measures=measures),
        practice=False,
        confidentiality=conf,
        generated_at=datetime.now(timezone.utc),
    )
    return finish_report(db, draft, L, k, months, external=external)


def partial_months(months: Sequence[date], start: date, end: date) -> frozenset[int]:
    """Indices of the months the period [start, end] covers for less than three
    quarters of their days: their totals are not comparable with whole months."""
    out = set()
    for i, first in enumerate(months):
        days = calendar.monthrange(first.year, first.month)[1]
        last = first.replace(day=days)
        covered = (min(last, end) - max(first, start)).days + 1
        if covered < 0.75 * days:
            out.add(i)
    return frozenset(out)


def program_blocks(
    L: Ledger,
    ds: Dataset,
    months: MonthSpan | None,
    lang: str,
    *,
    measures: Sequence[CustomMeasure] = (),
) -> list[DraftBlock]:
    period = Period(months.start, months.end) if months else Period()
    held = held_sessions(ds.sessions, period)
    if not held or months is None:
        return [Paragraph(rt.t("no_data", lang))]
    pk = months.key
    att = attendance_per_session(held, ds.attendance)
    nvr = new_vs_returning(ds.sessions, ds.attendance, period)
    blocks: list[DraftBlock] = []

    # Attendance by month (new, returning, headcount-only visits) and by programme
    # type state the same period totals of new people and of attendances: one key
    # each. Unprinted type-by-month counts tie both tables to the months, so a
    # report over other months is audited against this one.
    by_month: dict[date, list[SessionRow]] = defaultdict(list)
    for x in held:
        by_month[x.day.replace(day=1)].append(x)
    mkeys = sorted(by_month)
    mlabels = [rt.fmt_month(m, lang) for m in mkeys]
    visits = {x.id: max(att[x.id], sum(nvr.get(x.id, (0, 0)))) for x in held}
    mcounts = []
    for m in mkeys:
        new = sum(nvr.get(x.id, (0, 0))[0] for x in by_month[m])
        ret = sum(nvr.get(x.id, (0, 0))[1] for x in by_month[m])
        mcounts.append([new, ret, sum(visits[x.id] for x in by_month[m]) - new - ret])
    types: dict[str, list[SessionRow]] = defaultdict(list)
    for x in held:
        types[ds.groups.get(x.group_id, ("", "general"))[1]].append(x)
    names = sorted(types)
    counts = [
        [
            len({x.group_id for x in types[t]}),
            len(types[t]),
            sum(visits[x.id] for x in types[t]),
            sum(nvr.get(x.id, (0, 0))[0] for x in types[t]),
        ]
        for t in names
    ]
    mrow = [f"{m:%Y-%m}" for m in mkeys]
    mtable, mgrid = count_table(
        L,
        "p:att",
        mrow,
        mlabels,
        ["new", "ret", "head"],
        [rt.t("new", lang), rt.t("returning", lang), rt.t("headcount", lang)],
        mcounts,
        lang,
        first_column=rt.t("month", lang),
        total_label=rt.t("attendances", lang),
        total_row=f"total@{pk}",
    )
    new_key, att_key = mgrid[-1][0].key, mgrid[-1][3].key
    table, tgrid = count_table(
        L,
        f"p:type@{pk}",
        names,
        [rt.program_type(t, lang) for t in names],
        ["groups", "sessions", "att", "new"],
        [
            rt.t("groups_active", lang),
            rt.t("sessions_held", lang),
            rt.t("attendances", lang),
            rt.t("new", lang),
        ],
        counts,
        lang,
        first_column=rt.t("program_type", lang),
        row_totals=False,
        total_keys={"att": att_key, "new": new_key},
    )
    for col, j_type, j_month in (("new", 3, 0), ("att", 2, 3)):
        cells: dict[tuple[str, str], str] = {}
        for t in names:
            for m, mk in zip(mkeys, mrow):
                mine = [x for x in types[t] if x.day.replace(day=1) == m]
                value = (
                    sum(nvr.get(x.id, (0, 0))[0] for x in mine)
                    if col == "new"
                    else sum(visits[x.id] for x in mine)
                )
                key = f"p:tm|{t}|{mk}|{col}"
                L.count(key, value, printed=False)
                cells[t, mk] = key
                # each group's own month: the numbers a group report to the same
                # readers adds up, so the two are audited as one when both are released
                gkeys = []
                for gid in sorted({x.group_id for x in mine}):
                    ours = [x for x in mine if x.group_id == gid]
                    gkeys.append(
                        L.count(
                            f"g:{gid}:m|{mk}|{col}",
                            sum(nvr.get(x.id, (0, 0))[0] for x in ours)
                            if col == "new"
                            else sum(visits[x.id] for x in ours),
                            printed=False,
                        ).key
                    )
                if gkeys:
                    L.sum_of(key, gkeys)
        for i, t in enumerate(names):
            L.sum_of(tgrid[i][j_type].key, [cells[t, mk] for mk in mrow])
        for r, mk in enumerate(mrow):
            L.sum_of(mgrid[r][j_month].key, [cells[t, mk] for t in names])

    unique: DraftCell
    if months.fixed:
        unique = L.count(f"p:unique@{pk}", unique_participants(ds.sessions, ds.attendance, period))
    else:
        unique = "–"
    overview = KeyFigures(
        [
            (rt.t("groups_active", lang), tgrid[-1][0]),
            (rt.t("sessions_held", lang), tgrid[-1][1]),
            (rt.t("attendances", lang), mgrid[-1][3]),
            (rt.t("unique", lang), unique),
            (
                rt.t("retention", lang),
                retention_cell(retention(ds.sessions, ds.attendance, period)),
            ),
        ]
    )
    blocks += [
        Heading(rt.t("overview", lang)),
        overview,
        Paragraph(rt.t("retention_pending", lang), "small"),
    ]
    blocks += [Heading(rt.t("by_program", lang)), table]
    blocks += reach_blocks(L, ds, months, period, lang)

    blocks += [
        Heading(rt.t("attendance_trend", lang)),
        mtable,
        Chart(
            "line",
            rt.t("attendance_trend", lang),
            mlabels,
            [Series(rt.t("attendances", lang), [mgrid[i][3] for i in range(len(mkeys))])],
            y_label=rt.t("attendances", lang),
            y_min=0,
            partial=partial_months(mkeys, months.start, min(months.end, date.today())),
        ),
    ]

    # Check-in/out: distribution chart and change by program type
    ids = [x.id for x in held]
    dist = []
    for phase in ("pre", "post"):
        values = answered(ds.responses, "checkin10", phase, ids)
        dist.append(
            [
                L.count(f"p:dist@{pk}|{phase}|{lo}-{hi}", sum(1 for v in values if lo <= v <= hi))
                for lo, hi in BINS
            ]
        )
    bin_labels = [f"{lo}–{hi}" for lo, hi in BINS]
    all_pairs = pairs(ds.responses, "checkin10", ids)
    parts = []
    for t in names:
        tid = {x.id for x in types[t]}
        parts.append(period_change([p for p in all_pairs if p.session_id in tid]))
    # a person belongs to one group, so the programme types partition the people
    rows = change_rows(
        L,
        f"p:chk@{pk}",
        names,
        [rt.program_type(t, lang) for t in names],
        parts,
        period_change(all_pairs),
        f"p:chk@{pk}|total",
        lang,
        additive=True,
    )
    blocks += [
        Heading(rt.t("checkin_heading", lang)),
        Chart(
            "bar",
            rt.t("prepost_dist", lang),
            bin_labels,
            [Series(rt.t("check_in", lang), dist[0]), Series(rt.t("check_out", lang), dist[1])],
            y_label=rt.t("count", lang),
            y_min=0,
            note=rt.t("bins_note", lang),
        ),
        _table([rt.t("program_type", lang), *change_columns(lang)], rows),
        Paragraph(rt.t("checkin_disclaimer", lang), "small"),
    ]

    blocks += who5_blocks(L, "p", ds, period, lang, by="month")
    blocks += custom_measure_blocks(
        L,
        f"p@{pk}",
        pk,
        measures,
        ds.responses,
        [(t, rt.program_type(t, lang), {x.id for x in types[t]}) for t in names],
        rt.t("program_type", lang),
        lang,
        additive=True,
    )
    blocks += incident_blocks(L, "p", pk, ds, held, period, lang)
    blocks += [
        Heading(rt.t("fidelity_heading", lang)),
        fidelity_figures(fidelity(held, ds.steps, ds.scripts), lang),
    ]
    return blocks


def _table(columns: list[str], rows: list[list[DraftCell]]) -> Table[DraftCell]:
    return Table(columns, rows, numeric=frozenset({1, 2, 3, 4}), total_row=True)


def reach_blocks(
    L: Ledger, ds: Dataset, months: MonthSpan, period: Period, lang: str
) -> list[DraftBlock]:
    """Different people by age band and by gender, as two one-way tables (never
    crossed, which would single people out), each with its total: the number of
    different people in the overview. Every band and gender is listed, empty ones
    too, so a missing row cannot say "nobody". Shown for a calendar quarter or year
    only: a fixed grid of periods cannot be cut to differ by one person."""
    if not months.fixed:
        return [
            Heading(rt.t("reach_heading", lang)),
            Paragraph(rt.t("people_fixed_periods", lang), "small"),
        ]
    bands, genders = reach(ds.sessions, ds.attendance, ds.people, period)
    if not (set(bands) - {None} or set(genders) - {None}):
        return []
    blocks: list[DraftBlock] = [Heading(rt.t("reach_heading", lang))]
    for name, title, counter, options in (
        ("age", rt.t("age_band", lang), bands, AGE_BANDS),
        ("gender", rt.t("gender", lang), genders, GENDERS),
    ):
        keys = [*options, None]
        labels = [pick(options[key], lang) if key else rt.t("not_recorded", lang) for key in keys]
        table, _ = count_table(
            L,
            f"p:{name}@{months.key}",
            [key or "none" for key in keys],
            labels,
            ["n"],
            [rt.t("unique", lang)],
            [[counter.get(key, 0)] for key in keys],
            lang,
            first_column=title,
            row_totals=False,
            total_keys={"n": f"p:unique@{months.key}"},
        )
        blocks.append(table)
    blocks.append(Paragraph(rt.t("reach_note", lang), "small"))
    return blocks
