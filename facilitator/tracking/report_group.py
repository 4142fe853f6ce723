"""The group period report for a supervisor.

The builders here put every count, with its true value, into the report's
:class:`~facilitator.tracking.protection.Ledger`; :func:`build_group_report` then
protects the report as a whole (:mod:`facilitator.tracking.release`): counts of 1 to
k-1, and whatever would give one away, print as "x"; means, changes and shares
resting on fewer than k people are withheld. No participant code, alias or
per-person score appears. The report covers whole calendar months; session dates are
shown by day because the supervisor oversees this one group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timezone
from typing import Sequence

from facilitator.errors import ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.db import Database
from facilitator.store.models import Group
from facilitator.tracking import report_text as rt
from facilitator.tracking.analytics import (
    Period,
    attendance_per_session,
    held_sessions,
    incidents_by_type,
    new_vs_returning,
    pairs,
    passes,
    period_change,
    retention,
    unique_participants,
    who5_trajectory,
)
from facilitator.tracking.disclosure import effective_k
from facilitator.tracking.fidelity import fidelity
from facilitator.tracking.loaders import Dataset, SessionRow, load_dataset
from facilitator.tracking.custom_measures import CustomMeasure, custom_measures
from facilitator.tracking.periods import MonthSpan, month_end, span
from facilitator.tracking.protection import Derived, DraftBlock, DraftCell, DraftReport, Ledger
from facilitator.tracking.report_blocks import (
    change_columns,
    change_rows,
    count_table,
    custom_measure_blocks,
    fidelity_figures,
    mean_cell,
    retention_cell,
)
from facilitator.textcheck import isolate
from facilitator.tracking.report_model import (
    Chart,
    Heading,
    KeyFigures,
    Paragraph,
    Report,
    Series,
    Table,
)

FOLLOW_UPS = ("open", "done", "none_needed")


def period_label(date_from: date | None, date_to: date | None, lang: str, fmt=rt.fmt_day) -> str:
    start = fmt(date_from, lang) if date_from else "…"
    end = fmt(date_to, lang) if date_to else "…"
    return rt.t("period_of", lang, start=start, end=end)


def build_group_report(
    db: Database, group_id: str, date_from: date | None, date_to: date | None, lang: str, k: int = 5
) -> Report:
    """The group report over whole calendar months (``date_from`` a 1st, ``date_to``
    a month's last day; open ends run to the data's first or last month)."""
    from facilitator.tracking.release import finish_report

    k = effective_k(k)
    with db.session() as s:
        group = s.get(Group, group_id)
        if group is None:
            raise ReportError(QT_TRANSLATE_NOOP("errors", "That group does not exist."))
        name, headcount_only = group.name, group.headcount_only
        ds = load_dataset(s, [group_id])
        measures = custom_measures(s)
    days = [x.day for x in held_sessions(ds.sessions)]
    months = span(date_from, date_to, days)
    L = Ledger()
    blocks = group_blocks(
        L, ds, months, lang, group_id=group_id, headcount_only=headcount_only, measures=measures
    )
    label = (
        period_label(months.start, months.end, lang, rt.fmt_month)
        if months
        else period_label(None, None, lang)
    )
    draft = DraftReport(
        kind="group",
        lang=lang,
        title=rt.t("group_title", lang),
        subtitle=isolate(name),
        period=label,
        audience="supervisor",
        blocks=blocks,
        practice=False,
        confidentiality=rt.t("conf_supervisor", lang),
        generated_at=datetime.now(timezone.utc),
    )
    return finish_report(db, draft, L, k, months, external=False)


def _period(months: MonthSpan | None) -> Period:
    return Period(months.start, months.end) if months else Period()


def group_blocks(
    L: Ledger,
    ds: Dataset,
    months: MonthSpan | None,
    lang: str,
    *,
    group_id: str,
    headcount_only: bool = False,
    measures: Sequence[CustomMeasure] = (),
) -> list[DraftBlock]:
    period = _period(months)
    held = held_sessions(ds.sessions, period)
    if not held or months is None:
        return [Paragraph(rt.t("no_data", lang))]
    pk = months.key
    g = f"g:{group_id}"
    att = attendance_per_session(held, ds.attendance)
    labels = [rt.fmt_day(x.day, lang) for x in held]
    rows = [x.id for x in held]
    uniq: DraftCell
    ret: DraftCell
    blocks: list[DraftBlock] = [Heading(rt.t("attendance", lang))]
    if headcount_only:
        table, grid = count_table(
            L,
            f"{g}:att",
            rows,
            labels,
            ["head"],
            [rt.t("headcount", lang)],
            [[att[x.id]] for x in held],
            lang,
            first_column=rt.t("date", lang),
            row_totals=False,
            total_row=f"total@{pk}",
        )
        total = grid[-1][0]
        per_session = [grid[i][0] for i in range(len(held))]
        uniq, ret = "–", "–"
    else:
        nvr = new_vs_returning(ds.sessions, ds.attendance, period)
        columns = [rt.t("new", lang), rt.t("returning", lang)]
        col_keys = ["new", "ret"]
        counts = [list(nvr[x.id]) for x in held]
        if any(x.no_notes for x in held):
            # a no-notes session brings its headcount only, in a column of its own
            columns.append(rt.t("headcount", lang))
            col_keys.append("head")
            counts = [[*c, max(0, att[x.id] - sum(c))] for c, x in zip(counts, held)]
        table, grid = count_table(
            L,
            f"{g}:att",
            rows,
            labels,
            col_keys,
            columns,
            counts,
            lang,
            first_column=rt.t("date", lang),
            total_label=rt.t("attended", lang),
            total_row=f"total@{pk}",
        )
        first = held_sessions(ds.sessions)[0].id
        if first in rows:
            # a reader knows that nobody returns to a group's first session
            L.zero(f"{g}:att|{first}|ret")
        total = grid[-1][-1]
        per_session = [grid[i][-1] for i in range(len(held))]
        if months.fixed:
            uniq = L.count(
                f"{g}:unique@{pk}", unique_participants(ds.sessions, ds.attendance, period)
            )
            # the people at each session (new + returning; a headcount is not people)
            came = []
            for i, x in enumerate(held):
                key = f"{g}:people|{x.id}"
                L.count(key, sum(nvr[x.id]), printed=False)
                L.sum_of(key, [grid[i][0].key, grid[i][1].key])
                came.append(key)
            L.distinct_of(f"{g}:unique@{pk}", came)
        else:
            uniq = "–"
        ret = retention_cell(retention(ds.sessions, ds.attendance, period))
    # each month's new people and attendances: unprinted here, the same numbers the
    # program report adds up by programme type, so a group report and a program
    # report to the same readers are audited together
    rows_of_month: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(held):
        rows_of_month[f"{x.day:%Y-%m}"].append(i)
    for mk, idx in rows_of_month.items():
        for col, j in (("att", 0),) if headcount_only else (("new", 0), ("att", -1)):
            parts = [grid[i][j].key for i in idx]
            key = L.count(f"{g}:m|{mk}|{col}", sum(L.values[c] for c in parts), printed=False).key
            L.sum_of(key, parts)
    avg = sum(att.values()) / len(held)
    overview: KeyFigures[DraftCell] = KeyFigures(
        [
            (rt.t("sessions_held", lang), str(len(held))),
            (rt.t("attendances", lang), total),
            (rt.t("unique", lang), uniq),
            (rt.t("avg_attendance", lang), Derived(rt.fmt_num(avg), needs=(total.key,))),
            (rt.t("retention", lang), ret),
        ]
    )
    notes = [] if headcount_only else [Paragraph(rt.t("retention_pending", lang), "small")]
    if not headcount_only and not months.fixed:
        notes.append(Paragraph(rt.t("people_fixed_periods", lang), "small"))
    blocks = [
        Heading(rt.t("overview", lang)),
        overview,
        *notes,
        *blocks,
        table,
        Chart(
            "line",
            rt.t("attendance", lang),
            labels,
            [Series(rt.t("attended", lang), per_session)],
            y_label=rt.t("people", lang),
            y_min=0,
            x_values=[x.day.toordinal() for x in held],
        ),
    ]
    if not headcount_only:
        blocks += checkin_blocks(L, g, pk, ds, held, lang)
        blocks += who5_blocks(L, g, ds, period, lang, by="session")
        blocks += custom_measure_blocks(
            L,
            g,
            pk,
            measures,
            ds.responses,
            month_parts(held, lang),
            rt.t("month", lang),
            lang,
            additive=False,
        )
    blocks += incident_blocks(L, g, pk, ds, held, period, lang)
    blocks += [
        Heading(rt.t("fidelity_heading", lang)),
        fidelity_figures(fidelity(held, ds.steps, ds.scripts), lang),
    ]
    return blocks


def month_parts(held: Sequence[SessionRow], lang: str) -> list[tuple[str, str, set[str]]]:
    """(month key, month label, its session ids), oldest first."""
    by_month: dict[date, set[str]] = defaultdict(set)
    for x in held:
        by_month[x.day.replace(day=1)].add(x.id)
    return [(f"{m:%Y-%m}", rt.fmt_month(m, lang), ids) for m, ids in sorted(by_month.items())]


def checkin_blocks(
    L: Ledger, g: str, pk: str, ds: Dataset, held: Sequence[SessionRow], lang: str
) -> list[DraftBlock]:
    """Pre/post change by month and overall (n counts people, each averaged)."""
    parts = month_parts(held, lang)
    ids = [x.id for x in held]
    all_pairs = pairs(ds.responses, "checkin10", ids)
    rows = change_rows(
        L,
        f"{g}:chk",
        [key for key, _, _ in parts],
        [label for _, label, _ in parts],
        [period_change([p for p in all_pairs if p.session_id in sids]) for _, _, sids in parts],
        period_change(all_pairs),
        f"{g}:chk@{pk}",
        lang,
        additive=False,
    )
    return [
        Heading(rt.t("checkin_heading", lang)),
        Table(
            [rt.t("month", lang), *change_columns(lang)],
            rows,
            numeric=frozenset({1, 2, 3, 4}),
            total_row=True,
        ),
        KeyFigures(
            [
                (
                    rt.t("passes", lang),
                    L.count(f"{g}:passes@{pk}", passes(ds.responses, "checkin10", ids)),
                )
            ]
        ),
        Paragraph(rt.t("checkin_disclaimer", lang), "small"),
    ]


def who5_blocks(
    L: Ledger, prefix: str, ds: Dataset, period: Period, lang: str, *, by: str
) -> list[DraftBlock]:
    """Low and other WHO-5 scores per session (group) or month (program); the rows
    are the same in every report, so their keys carry no period."""
    points = who5_trajectory(ds.sessions, ds.responses, by=by, period=period)
    if not points:
        return []
    fmt = rt.fmt_day if by == "session" else rt.fmt_month
    labels = [fmt(p.day, lang) for p in points]
    keys = [str(p.key) if by == "session" else f"{p.day:%Y-%m}" for p in points]
    base = f"{prefix}:who5"
    table, grid = count_table(
        L,
        base,
        keys,
        labels,
        ["low", "other"],
        [rt.t("who5_low", lang), rt.t("who5_other", lang)],
        [[p.poor, p.n - p.poor] for p in points],
        lang,
        first_column=rt.t("date" if by == "session" else "month", lang),
        col_totals=False,
        total_label=rt.t("people", lang),
        extra=[[mean_cell(p.mean, f"{base}|{key}|total")] for p, key in zip(points, keys)],
        extra_columns=[rt.t("who5_mean", lang)],
    )
    means = [
        Derived(p.mean, needs=(f"{base}|{key}|total",)) if p.mean is not None else None
        for p, key in zip(points, keys)
    ]
    return [
        Heading(rt.t("who5_heading", lang)),
        table,
        Chart(
            "line",
            rt.t("who5_trend" if by == "month" else "who5_trend_session", lang),
            labels,
            [Series(rt.t("who5_mean", lang), means)],
            y_min=0,
            y_max=100,
            x_values=[p.day.toordinal() for p in points] if by == "session" else None,
        ),
        Paragraph(rt.t("who5_note", lang), "small"),
        Paragraph(rt.t("who5_attrib", lang), "small"),
    ]


def incident_blocks(
    L: Ledger,
    prefix: str,
    pk: str,
    ds: Dataset,
    held: Sequence[SessionRow],
    period: Period,
    lang: str,
) -> list[DraftBlock]:
    """Incidents by type and follow-up state, every follow-up state and every type
    the product knows listed (an empty row is a 0 like any other), protected with
    the rest of the report. Each cell is tied to its months, so two reports over
    nested periods are audited together."""
    table_data = incidents_by_type(ds.incidents, [x.id for x in held], period)
    if not table_data:
        return [Heading(rt.t("incidents_heading", lang)), Paragraph(rt.t("no_incidents", lang))]
    types = sorted(set(rt.INCIDENT_TYPES) | set(table_data))
    none: Counter[str] = Counter()
    counts = [[table_data.get(ty, none)[fu] for fu in FOLLOW_UPS] for ty in types]
    base = f"{prefix}:inc@{pk}"
    table, grid = count_table(
        L,
        base,
        types,
        [rt.incident_type(ty, lang) for ty in types],
        list(FOLLOW_UPS),
        [rt.follow_up(fu, lang) for fu in FOLLOW_UPS],
        counts,
        lang,
        first_column=rt.t("incident_type", lang),
    )
    by_month: dict[date, list[str]] = defaultdict(list)
    for x in held:
        by_month[x.day.replace(day=1)].append(x.id)
    monthly = {
        m: incidents_by_type(ds.incidents, ids, Period(m, month_end(m)))
        for m, ids in by_month.items()
    }
    if sum(sum(c.values()) for t in monthly.values() for c in t.values()) == sum(map(sum, counts)):
        for i, ty in enumerate(types):
            for j, fu in enumerate(FOLLOW_UPS):
                helpers = []
                for m, data in monthly.items():
                    key = f"{prefix}:inc|{ty}|{fu}|{m:%Y-%m}"
                    L.count(key, data.get(ty, none)[fu], printed=False)
                    helpers.append(key)
                L.sum_of(grid[i][j].key, helpers)
    shown_types = [i for i, ty in enumerate(types) if ty in table_data]
    series = [
        Series(rt.follow_up(fu, lang), [grid[i][j] for i in shown_types])
        for j, fu in enumerate(FOLLOW_UPS)
    ]
    return [
        Heading(rt.t("incidents_heading", lang), 1),
        table,
        Chart(
            "stacked_bar",
            rt.t("incidents_chart", lang),
            [rt.incident_type(types[i], lang) for i in shown_types],
            series,
            y_label=rt.t("count", lang),
            y_min=0,
        ),
    ]
