"""The program report across every group, for supervisors or for sharing outside.

Dates go down to months only; no group name, participant code, alias or per-person
score appears; every count passes small-number suppression (k = 5 by default, at
least 11 with ``external=True``) and every mean, share or change resting on fewer
than k people is withheld. Charts draw suppressed values as gaps.
"""

from __future__ import annotations

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
from facilitator.tracking.disclosure import (
    effective_k,
    series_values,
    show_count,
    suppress_linked,
)
from facilitator.tracking.fidelity import fidelity
from facilitator.tracking.custom_measures import CustomMeasure, custom_measures
from facilitator.tracking.loaders import Dataset, load_dataset
from facilitator.tracking.participants import AGE_BANDS, GENDERS
from facilitator.tracking.report_blocks import (
    change_columns,
    count_table,
    custom_measure_blocks,
    disclosure_notes,
    fidelity_figures,
    partition_change_rows,
    retention_text,
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


def build_program_report(db: Database, date_from: date | None, date_to: date | None,
                         lang: str, k: int = 5, external: bool = False) -> Report:
    k = effective_k(k, external)
    with db.session() as s:
        ds = load_dataset(s)
        measures = custom_measures(s)
    period = Period(date_from, date_to)
    audience: Audience = "external" if external else "supervisor"
    conf = (rt.t("conf_external", lang, k=k) if external else rt.t("conf_supervisor", lang))
    days = [x.day for x in held_sessions(ds.sessions, period)]
    label = period_label(date_from or (min(days) if days else None),
                         date_to or (max(days) if days else None), lang, rt.fmt_month)
    return Report(kind="program", lang=lang, title=rt.t("program_title", lang),
                  subtitle=rt.t("all_groups", lang), period=label, audience=audience,
                  blocks=program_blocks(ds, period, lang, k, measures=measures), practice=False,
                  confidentiality=conf, generated_at=datetime.now(timezone.utc))


def program_blocks(ds: Dataset, period: Period, lang: str, k: int, *,
                   measures: Sequence[CustomMeasure] = ()) -> list:
    held = held_sessions(ds.sessions, period)
    if not held:
        return [Paragraph(rt.t("no_data", lang))]
    att = attendance_per_session(held, ds.attendance)
    nvr = new_vs_returning(ds.sessions, ds.attendance, period)
    blocks: list = []

    # Attendance by month (new, returning, headcount-only visits) and by programme
    # type state the same period totals of new people and of attendances, so the two
    # tables are suppressed together; the overview and the trend chart repeat only
    # what the tables show.
    months: dict[date, list] = defaultdict(list)
    for x in held:
        months[x.day.replace(day=1)].append(x)
    mkeys = sorted(months)
    mlabels = [rt.fmt_month(m, lang) for m in mkeys]
    visits = {x.id: max(att[x.id], sum(nvr.get(x.id, (0, 0)))) for x in held}
    mcounts = []
    for m in mkeys:
        new = sum(nvr.get(x.id, (0, 0))[0] for x in months[m])
        ret = sum(nvr.get(x.id, (0, 0))[1] for x in months[m])
        mcounts.append([new, ret, sum(visits[x.id] for x in months[m]) - new - ret])
    types: dict[str, list] = defaultdict(list)
    for x in held:
        types[ds.groups.get(x.group_id, ("", "general"))[1]].append(x)
    names = sorted(types)
    counts = [[len({x.group_id for x in types[t]}), len(types[t]),
               sum(visits[x.id] for x in types[t]), sum(nvr.get(x.id, (0, 0))[0] for x in types[t])]
              for t in names]
    msup, tsup = suppress_linked([(mcounts, True, True), (counts, False, True)], k,
                                 links=[((0, -1, 0), (1, -1, 3)),   # new people
                                        ((0, -1, 3), (1, -1, 2))])  # attendances
    mtable, _ = count_table(mlabels, [rt.t("new", lang), rt.t("returning", lang),
                                      rt.t("headcount", lang)], mcounts, k, lang,
                            first_column=rt.t("month", lang),
                            total_label=rt.t("attendances", lang), sup=msup)
    trend = [None if msup.hidden[i][3] else float(sum(mcounts[i])) for i in range(len(mkeys))]
    table, _ = count_table([rt.program_type(t, lang) for t in names],
                           [rt.t("groups_active", lang), rt.t("sessions_held", lang),
                            rt.t("attendances", lang), rt.t("new", lang)], counts, k,
                           lang, first_column=rt.t("program_type", lang), row_totals=False,
                           sup=tsup)

    ttotal = tsup.display()[-1]  # a group has one programme type, so these are totals
    overview = KeyFigures([
        (rt.t("groups_active", lang), ttotal[0]),
        (rt.t("sessions_held", lang), ttotal[1]),
        (rt.t("attendances", lang), msup.display()[-1][3]),
        (rt.t("unique", lang), show_count(unique_participants(ds.sessions, ds.attendance,
                                                              period), k)),
        (rt.t("retention", lang), retention_text(retention(ds.sessions, ds.attendance,
                                                           period), k))])
    blocks += [Heading(rt.t("overview", lang)), overview,
               Paragraph(rt.t("retention_pending", lang), "small")]
    blocks += [Heading(rt.t("by_program", lang)), table]
    blocks += reach_blocks(ds, period, lang, k)

    blocks += [Heading(rt.t("attendance_trend", lang)), mtable,
               Chart("line", rt.t("attendance_trend", lang), mlabels,
                     [Series(rt.t("attendances", lang), trend)],
                     y_label=rt.t("attendances", lang), y_min=0)]

    # Check-in/out: distribution chart and change by program type
    ids = [x.id for x in held]
    dist = []
    for phase in ("pre", "post"):
        values = answered(ds.responses, "checkin10", phase, ids)
        dist.append([sum(1 for v in values if lo <= v <= hi) for lo, hi in BINS])
    bin_labels = [f"{lo}–{hi}" for lo, hi in BINS]
    all_pairs = pairs(ds.responses, "checkin10", ids)
    parts = []
    for t in names:
        tid = {x.id for x in types[t]}
        parts.append(period_change([p for p in all_pairs if p.session_id in tid]))
    rows = partition_change_rows([rt.program_type(t, lang) for t in names], parts,
                                 period_change(all_pairs), k, lang)
    blocks += [Heading(rt.t("checkin_heading", lang)),
               Chart("bar", rt.t("prepost_dist", lang), bin_labels,
                     [Series(rt.t("check_in", lang), series_values(dist[0], k)),
                      Series(rt.t("check_out", lang), series_values(dist[1], k))],
                     y_label=rt.t("count", lang), y_min=0),
               Table([rt.t("program_type", lang), *change_columns(lang)], rows,
                     numeric=frozenset({1, 2, 3, 4}), total_row=True),
               Paragraph(rt.t("checkin_disclaimer", lang), "small")]

    blocks += who5_blocks(ds, period, lang, k, by="month")
    # a person belongs to one group, so the programme types partition the people
    blocks += custom_measure_blocks(
        measures, ds.responses,
        [(rt.program_type(t, lang), {x.id for x in types[t]}) for t in names],
        rt.t("program_type", lang), k, lang)
    blocks += incident_blocks(ds, held, period, lang, k)
    blocks += [Heading(rt.t("fidelity_heading", lang)),
               fidelity_figures(fidelity(held, ds.steps, ds.scripts), lang),
               disclosure_notes(lang, k)]
    return blocks


def reach_blocks(ds: Dataset, period: Period, lang: str, k: int) -> list:
    """Different people by age band and by gender, as two one-way tables (never
    crossed, which would single people out), each suppressed with its total. Left
    out when nobody's age band or gender was recorded."""
    bands, genders = reach(ds.sessions, ds.attendance, ds.people, period)
    if not (set(bands) - {None} or set(genders) - {None}):
        return []
    blocks: list = [Heading(rt.t("reach_heading", lang))]
    for title, counter, options in ((rt.t("age_band", lang), bands, AGE_BANDS),
                                    (rt.t("gender", lang), genders, GENDERS)):
        keys = [key for key in options if counter.get(key)] + [None]
        labels = [pick(options[key], lang) if key else rt.t("not_recorded", lang)
                  for key in keys]
        table, _ = count_table(labels, [rt.t("unique", lang)],
                               [[counter.get(key, 0)] for key in keys], k, lang,
                               first_column=title, row_totals=False)
        blocks.append(table)
    blocks.append(Paragraph(rt.t("reach_note", lang), "small"))
    return blocks
