"""The supervisor's dashboard: the PDF report's own figures, drawn in the app.

One source for both: the dashboard *is* a :class:`~facilitator.tracking.report_model.Report`
built by the report functions (``program_blocks`` / ``group_blocks``) with the same
period and the same k, so every figure, every withheld cell ("<5") and every chart
series the app shows is the one the saved PDF prints. Only what the app adds is
computed here: the filters (programme type, group, period) and how complete the
records behind each section are.

A facilitator sees the dashboard of their own groups; a supervisor of all groups;
an administrator only (no participant data) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from facilitator.app.access import Principal, in_scope, require, visible_group_ids
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.store.db import Database
from facilitator.store.models import Group, Session
from facilitator.tracking import report_text as rtext
from facilitator.tracking.analytics import ATTENDED, Period, held_sessions
from facilitator.tracking.disclosure import effective_k
from facilitator.tracking.report_model import Report, ReportKind

_CTX = "dashboard"


@dataclass(frozen=True)
class Query:
    program_type: str | None = None
    group_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    k: int = 5
    lang: str = "en"


@dataclass(frozen=True)
class Completeness:
    """``done`` of ``of`` records are complete for a section (shown beside it)."""

    done: int
    of: int
    what: str

    @property
    def share(self) -> float | None:
        return self.done / self.of if self.of else None


@dataclass
class Dashboard:
    query: Query
    report: Report
    completeness: dict[str, Completeness] = field(default_factory=dict)


@dataclass(frozen=True)
class Choices:
    program_types: list[str]
    groups: list[tuple[str, str, str]]  # id, name, programme type
    last_day: date | None = None  # the latest real session of those groups (default period)


def choices(db: Database, who: Principal) -> Choices:
    require(who, "dashboard.read")
    with db.session() as s:
        visible = visible_group_ids(s, who)  # the one rule: a facilitator's own groups
        rows = [
            (g, n, t)
            for g, n, t in s.execute(
                select(Group.id, Group.name, Group.program_type)
                .where(Group.archived.is_(False))
                .order_by(Group.name)
            )
            if in_scope(visible, g)
        ]
        last = s.scalar(
            select(func.max(Session.started_at)).where(
                Session.is_practice.is_(False), Session.group_id.in_([g for g, _, _ in rows])
            )
        )
    return Choices(sorted({t for _, _, t in rows}), rows, last.date() if last else None)


def _group_ids(db: Database, who: Principal, q: Query) -> tuple[list[str], str | None]:
    with db.session() as s:
        rows = list(
            s.execute(
                select(
                    Group.id, Group.name, Group.program_type, Group.owner_id, Group.headcount_only
                )
            )
        )
        scope = visible_group_ids(s, who)  # the one rule: a facilitator's own groups
    visible = [r for r in rows if in_scope(scope, r[0])]
    if q.group_id:
        match = [r for r in visible if r[0] == q.group_id]
        if not match:
            if any(r[0] == q.group_id for r in rows):
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "dashboard", "{user} may not see that group: it is not one of theirs."
                    ),
                    params=dict(user=who.login),
                )
            raise InputError(QT_TRANSLATE_NOOP("dashboard", "There is no such group."))
        return [match[0][0]], match[0][1]
    if q.program_type:
        ids = [r[0] for r in visible if r[2] == q.program_type]
        if not ids:
            raise InputError(
                QT_TRANSLATE_NOOP("dashboard", "There are no groups of the programme type {type}."),
                params=dict(type=q.program_type),
            )
        return ids, None
    return [r[0] for r in visible], None


def build(db: Database, who: Principal, q: Query = Query()) -> Dashboard:
    """The dashboard for ``q``: the report blocks plus completeness per section."""
    from facilitator.tracking.custom_measures import custom_measures
    from facilitator.tracking.loaders import load_dataset
    from facilitator.tracking.report_group import group_blocks, period_label
    from facilitator.tracking.periods import check_months, span
    from facilitator.tracking.protection import DraftReport, Ledger
    from facilitator.tracking.release import finish_report
    from facilitator.tracking.report_program import program_blocks

    require(who, "dashboard.read")
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise InputError(QT_TRANSLATE_NOOP("dashboard", "The period ends before it starts."))
    check_months(q.date_from, q.date_to)  # whole calendar months, as the PDF reports
    k = effective_k(q.k)
    ids, group_name = _group_ids(db, who, q)
    with db.session() as s:
        ds = load_dataset(s, ids, details_from=q.date_from, details_to=q.date_to)
        measures = custom_measures(s)
        headcount_only = False
        if q.group_id:
            group = s.get(Group, q.group_id)
            if group is None:
                raise InputError(QT_TRANSLATE_NOOP("dashboard", "There is no such group."))
            headcount_only = bool(group.headcount_only)
    months = span(q.date_from, q.date_to, [x.day for x in held_sessions(ds.sessions)])
    period = Period(months.start, months.end) if months else Period()
    lang = q.lang
    ledger = Ledger()
    kind: ReportKind
    if q.group_id:
        blocks = group_blocks(
            ledger,
            ds,
            months,
            lang,
            group_id=q.group_id,
            headcount_only=headcount_only,
            measures=measures,
        )
        title, subtitle, kind = rtext.t("group_title", lang), group_name or "", "group"
    else:
        blocks = program_blocks(ledger, ds, months, lang, measures=measures)
        title, kind = rtext.t("program_title", lang), "program"
        subtitle = (
            rtext.program_type(q.program_type, lang)
            if q.program_type
            else rtext.t("all_groups", lang)
        )
    label = (
        period_label(months.start, months.end, lang, rtext.fmt_month)
        if months
        else period_label(None, None, lang)
    )
    draft = DraftReport(
        kind=kind,
        lang=lang,
        title=title,
        subtitle=subtitle,
        period=label,
        audience="supervisor",
        blocks=blocks,
        practice=False,
        confidentiality=rtext.t("conf_supervisor", lang),
        generated_at=datetime.now(timezone.utc),
    )
    # the same one pass over the whole report as the PDF (suppression, audit, earlier
    # releases): the screen never shows a cell the report would withhold
    report = finish_report(db, draft, ledger, k, months, external=False)
    return Dashboard(q, report, completeness(ds, period, lang))


def completeness(ds: Any, period: Period, lang: str) -> dict[str, Completeness]:
    """How complete the records behind each section are, for the period."""
    held = held_sessions(ds.sessions, period)
    ids = {x.id for x in held}
    marked = {a.session_id for a in ds.attendance if a.session_id in ids}
    att_ok = sum(1 for x in held if x.id in marked or x.headcount is not None)
    visits = [
        (a.session_id, a.participant_id)
        for a in ds.attendance
        if a.session_id in ids and a.status in ATTENDED
    ]
    answered: dict[str, set] = {"pre": set(), "post": set()}
    who5_sessions, who5_answers = set(), 0
    for r in ds.responses:
        if r.session_id not in ids:
            continue
        if (
            r.measure == "checkin10"
            and r.phase in answered
            and not r.passed
            and r.value is not None
        ):
            answered[r.phase].add((r.session_id, r.participant_id))
        if r.measure == "who5":
            who5_sessions.add(r.session_id)
            who5_answers += not r.passed and r.value is not None
    pairs = sum(1 for v in visits if v in answered["pre"] and v in answered["post"])
    who5_due = sum(1 for sid, _ in visits if sid in who5_sessions)
    incidents = [i for i in ds.incidents if i.day is None or i.day in period]
    followed = sum(1 for i in incidents if i.follow_up != "open")
    t = lambda text: translate(_CTX, text, lang)  # noqa: E731
    return {
        "attendance": Completeness(att_ok, len(held), t("sessions with attendance recorded")),
        "checkin": Completeness(pairs, len(visits), t("visits with both check-in and check-out")),
        "who5": Completeness(who5_answers, who5_due, t("WHO-5 forms answered where given")),
        "incidents": Completeness(followed, len(incidents), t("incidents with follow-up recorded")),
    }


QT_TRANSLATE_NOOP("dashboard", "sessions with attendance recorded")
QT_TRANSLATE_NOOP("dashboard", "visits with both check-in and check-out")
QT_TRANSLATE_NOOP("dashboard", "WHO-5 forms answered where given")
QT_TRANSLATE_NOOP("dashboard", "incidents with follow-up recorded")


def preview_pdf(dash: Dashboard) -> bytes:
    """The PDF of exactly what the dashboard shows (nothing written to disk)."""
    from facilitator.export.pdf import render_report

    return render_report(dash.report)


def save_pdf(
    db: Database, who: Principal, dash: Dashboard, out: Path, password: str | None = None
) -> Path:
    from facilitator.export.pdf import write_report
    from facilitator.store import audit

    require(who, "dashboard.read")
    from facilitator.tracking.release import record

    path = write_report(dash.report, Path(out), password=password)
    record(db, dash.report)  # a saved report is a release: later ones are audited with it
    audit.record(
        db,
        "export",
        entity="report",
        user_id=who.user_id,
        detail={
            "kind": dash.report.kind,
            "file": Path(out).name,
            "k": dash.query.k,
            "lang": dash.query.lang,
            "from": str(dash.query.date_from or ""),
            "to": str(dash.query.date_to or ""),
        },
    )
    return path
