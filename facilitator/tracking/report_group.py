"""The group period report for a supervisor.

Everything here has passed disclosure control (k = 5 unless told otherwise): counts
of 1 to k-1 show as "<k" with secondary suppression against the totals, and means,
changes and shares resting on fewer than k people are withheld. No participant code,
alias or per-person score appears. Session dates are shown by day because the
supervisor oversees this one group; the program report goes down to months only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Sequence

from facilitator.errors import ReportError
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
from facilitator.tracking.disclosure import effective_k, enough_people, show_count
from facilitator.tracking.fidelity import fidelity
from facilitator.tracking.loaders import Dataset, load_dataset
from facilitator.tracking.custom_measures import CustomMeasure, custom_measures
from facilitator.tracking.report_blocks import (
    change_columns,
    change_rows,
    count_table,
    custom_measure_blocks,
    disclosure_notes,
    fidelity_figures,
    mean_cell,
    retention_text,
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


def period_label(date_from: date | None, date_to: date | None, lang: str,
                 fmt=rt.fmt_day) -> str:
    start = fmt(date_from, lang) if date_from else "…"
    end = fmt(date_to, lang) if date_to else "…"
    return rt.t("period_of", lang, start=start, end=end)


def build_group_report(db: Database, group_id: str, date_from: date | None,
                       date_to: date | None, lang: str, k: int = 5) -> Report:
    k = effective_k(k)
    with db.session() as s:
        group = s.get(Group, group_id)
        if group is None:
            raise ReportError("That group does not exist.")
        name, headcount_only = group.name, group.headcount_only
        ds = load_dataset(s, [group_id])
        measures = custom_measures(s)
    period = Period(date_from, date_to)
    blocks = group_blocks(ds, period, lang, k, headcount_only=headcount_only,
                          measures=measures)
    days = [x.day for x in held_sessions(ds.sessions, period)]
    label = period_label(date_from or (min(days) if days else None),
                         date_to or (max(days) if days else None), lang)
    return Report(kind="group", lang=lang, title=rt.t("group_title", lang), subtitle=isolate(name),
                  period=label, audience="supervisor",
                  blocks=blocks, practice=False, confidentiality=rt.t("conf_supervisor", lang),
                  generated_at=datetime.now(timezone.utc))


def group_blocks(ds: Dataset, period: Period, lang: str, k: int, *,
                 headcount_only: bool = False,
                 measures: Sequence[CustomMeasure] = ()) -> list:
    held = held_sessions(ds.sessions, period)
    if not held:
        return [Paragraph(rt.t("no_data", lang))]
    att = attendance_per_session(held, ds.attendance)
    labels = [rt.fmt_day(x.day, lang) for x in held]
    blocks: list = [Heading(rt.t("attendance", lang))]
    if headcount_only:
        table, sup = count_table(labels, [rt.t("headcount", lang)], [[att[x.id]] for x in held],
                                 k, lang, first_column=rt.t("date", lang), row_totals=False)
        total_j = 0
        uniq, ret_text = "–", "–"
    else:
        nvr = new_vs_returning(ds.sessions, ds.attendance, period)
        columns = [rt.t("new", lang), rt.t("returning", lang)]
        counts = [list(nvr[x.id]) for x in held]
        if any(x.no_notes for x in held):
            # a no-notes session brings its headcount only, in a column of its own
            columns.append(rt.t("headcount", lang))
            counts = [[*c, max(0, att[x.id] - sum(c))] for c, x in zip(counts, held)]
        table, sup = count_table(labels, columns, counts, k, lang,
                                 first_column=rt.t("date", lang),
                                 total_label=rt.t("attended", lang))
        total_j = len(columns)
        uniq = show_count(unique_participants(ds.sessions, ds.attendance, period), k)
        ret_text = retention_text(retention(ds.sessions, ds.attendance, period), k)
    # The overview and the chart only repeat what the table shows, so they can never
    # give away a cell the table hides.
    total_cell = sup.display()[-1][total_j]
    shown_total = not sup.hidden[-1][total_j]
    avg = sum(att.values()) / len(held)
    overview = KeyFigures([
        (rt.t("sessions_held", lang), str(len(held))),
        (rt.t("attendances", lang), total_cell),
        (rt.t("unique", lang), uniq),
        (rt.t("avg_attendance", lang), rt.fmt_num(avg) if shown_total else "–"),
        (rt.t("retention", lang), ret_text)])
    per_session = [None if sup.hidden[i][total_j] else float(att[x.id])
                   for i, x in enumerate(held)]
    notes = [] if headcount_only else [Paragraph(rt.t("retention_pending", lang), "small")]
    blocks = [Heading(rt.t("overview", lang)), overview, *notes, *blocks, table,
              Chart("line", rt.t("attendance", lang), labels,
                    [Series(rt.t("attended", lang), per_session)],
                    y_label=rt.t("people", lang), y_min=0,
                    x_values=[x.day.toordinal() for x in held])]
    if not headcount_only:
        blocks += checkin_blocks(ds, held, lang, k)
        blocks += who5_blocks(ds, period, lang, k, by="session")
        blocks += custom_measure_blocks(measures, ds.responses, month_parts(held, lang),
                                        rt.t("month", lang), k, lang)
    blocks += incident_blocks(ds, held, period, lang, k)
    blocks += [Heading(rt.t("fidelity_heading", lang)),
               fidelity_figures(fidelity(held, ds.steps, ds.scripts), lang),
               disclosure_notes(lang, k)]
    return blocks


def month_parts(held: list, lang: str) -> list[tuple[str, set[str]]]:
    """(month label, its session ids), oldest first."""
    by_month: dict[date, set[str]] = defaultdict(set)
    for x in held:
        by_month[x.day.replace(day=1)].add(x.id)
    return [(rt.fmt_month(m, lang), ids) for m, ids in sorted(by_month.items())]


def checkin_blocks(ds: Dataset, held: list, lang: str, k: int) -> list:
    """Pre/post change by month and overall (n counts people, each averaged)."""
    parts = month_parts(held, lang)
    all_pairs = pairs(ds.responses, "checkin10", [x.id for x in held])
    rows = change_rows([label for label, _ in parts],
                       [period_change([p for p in all_pairs if p.session_id in ids])
                        for _, ids in parts], period_change(all_pairs), k, lang)
    return [Heading(rt.t("checkin_heading", lang)),
            Table([rt.t("month", lang), *change_columns(lang)], rows,
                  numeric=frozenset({1, 2, 3, 4}), total_row=True),
            KeyFigures([(rt.t("passes", lang),
                         show_count(passes(ds.responses, "checkin10", [x.id for x in held]), k))]),
            Paragraph(rt.t("checkin_disclaimer", lang), "small")]


def who5_blocks(ds: Dataset, period: Period, lang: str, k: int, *, by: str) -> list:
    points = who5_trajectory(ds.sessions, ds.responses, by=by, period=period)
    if not points:
        return []
    fmt = rt.fmt_day if by == "session" else rt.fmt_month
    labels = [fmt(p.day, lang) for p in points]
    table, _ = count_table(labels, [rt.t("who5_low", lang), rt.t("who5_other", lang)],
                           [[p.poor, p.n - p.poor] for p in points], k, lang,
                           first_column=rt.t("date" if by == "session" else "month", lang),
                           col_totals=False, total_label=rt.t("people", lang),
                           extra=[[mean_cell(p.mean, p.n, k)] for p in points],
                           extra_columns=[rt.t("who5_mean", lang)])
    means = [p.mean if enough_people(p.n, k) else None for p in points]
    return [Heading(rt.t("who5_heading", lang)), table,
            Chart("line", rt.t("who5_trend" if by == "month" else "who5_trend_session", lang),
                  labels,
                  [Series(rt.t("who5_mean", lang), means)], y_min=0, y_max=100,
                  x_values=[p.day.toordinal() for p in points] if by == "session" else None),
            Paragraph(rt.t("who5_note", lang), "small"),
            Paragraph(rt.t("who5_attrib", lang), "small")]


def incident_blocks(ds: Dataset, held: list, period: Period, lang: str, k: int) -> list:
    table_data = incidents_by_type(ds.incidents, [x.id for x in held], period)
    if not table_data:
        return [Heading(rt.t("incidents_heading", lang)), Paragraph(rt.t("no_incidents", lang))]
    types = sorted(table_data)
    counts = [[table_data[ty].get(fu, 0) for fu in FOLLOW_UPS] for ty in types]
    table, sup = count_table([rt.incident_type(ty, lang) for ty in types],
                             [rt.follow_up(fu, lang) for fu in FOLLOW_UPS], counts, k, lang,
                             first_column=rt.t("incident_type", lang))
    series = [Series(rt.follow_up(fu, lang),
                     [None if sup.hidden[i][j] else float(counts[i][j])
                      for i in range(len(types))])
              for j, fu in enumerate(FOLLOW_UPS)]
    return [Heading(rt.t("incidents_heading", lang), 1), table,
            Chart("stacked_bar", rt.t("incidents_chart", lang),
                  [rt.incident_type(ty, lang) for ty in types], series,
                  y_label=rt.t("count", lang), y_min=0)]
