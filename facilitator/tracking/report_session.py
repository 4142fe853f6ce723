"""The session summary: the facilitator's own record of one session.

It may list participant codes (the facilitator holds the key to them) but never
aliases; aliases typed into notes are replaced before the text reaches the report.
No disclosure control is applied because this record does not leave the facilitator;
a report built from a practice session is marked as practice. A no-notes session
(first-responder defusing) gets a summary of its date, headcount and phases only.
"""

from __future__ import annotations

from statistics import fmean
from datetime import datetime, timezone
from typing import Sequence

from sqlalchemy import select

from facilitator import steplog
from facilitator.errors import ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP, pick
from facilitator.store.db import Database
from facilitator.store.models import (
    Attendance,
    Incident,
    MeasureDefinition,
    MeasureResponse,
    Note,
    Participant,
    RulesAgreement,
    Session,
    StepEvent,
)
from facilitator.tracking import redact
from facilitator.tracking import report_text as rt
from facilitator.tracking.analytics import ATTENDED, SessionRow, StepRow
from facilitator.tracking.fidelity import phases_done, session_fidelity
from facilitator.tracking.loaders import load_script_infos
from facilitator.tracking.custom_measures import CustomMeasure, custom_measures
from facilitator.tracking.measures import who5_is_poor
from facilitator.tracking.report_blocks import custom_note
from facilitator.tracking.report_model import (
    Heading,
    KeyFigures,
    Paragraph,
    Report,
    Table,
)
from facilitator.tracking.stats import change_stats
from facilitator.textcheck import isolate


def redact_aliases(text: str, aliases: list[str], lang: str) -> str:
    """Replace every alias in a note with a neutral marker (see ``tracking.redact``
    for how Arabic proclitics, letter variants and Unicode forms are matched)."""
    return redact.redact_aliases(text, aliases, rt.t("name_removed", lang))


def build_session_report(db: Database, session_id: str, lang: str) -> Report:
    with db.session() as s:
        sess = s.get(Session, session_id)
        if sess is None:
            raise ReportError(QT_TRANSLATE_NOOP("errors", "That session does not exist."))
        group = sess.group
        keys = dict(s.execute(select(MeasureDefinition.id, MeasureDefinition.key)).all())
        customs = custom_measures(s)
        marks = s.execute(
            select(
                Participant.code,
                Participant.alias,
                Attendance.status,
                Attendance.first_time,
                Attendance.participant_id,
            )
            .join(Attendance, Attendance.participant_id == Participant.id)
            .where(Attendance.session_id == session_id)
            .order_by(Participant.code)
        ).all()
        # every alias in the store: a note may name someone from another group
        aliases = [
            a
            for (a,) in s.execute(select(Participant.alias).where(Participant.alias.is_not(None)))
            if a
        ]
        resp = s.execute(
            select(
                MeasureResponse.participant_id,
                MeasureResponse.measure_id,
                MeasureResponse.phase,
                MeasureResponse.value,
                MeasureResponse.passed,
            ).where(MeasureResponse.session_id == session_id)
        ).all()
        events = [
            StepRow(session_id, e.seq, e.action, e.step_id, e.elapsed or 0.0, e.payload or {})
            for e in s.scalars(
                select(StepEvent).where(StepEvent.session_id == session_id).order_by(StepEvent.seq)
            )
        ]
        reviewed = (
            s.scalar(
                select(RulesAgreement.id).where(
                    RulesAgreement.session_id == session_id, RulesAgreement.agreed.is_(True)
                )
            )
            is not None
        )
        incidents = s.execute(
            select(Incident.type, Incident.severity, Incident.follow_up)
            .where(Incident.session_id == session_id)
            .order_by(Incident.created_at)
        ).all()
        notes = [
            n
            for (n,) in s.execute(
                select(Note.body).where(Note.session_id == session_id).order_by(Note.created_at)
            )
        ]
        script_info = load_script_infos(s, [sess.script_id]).get(sess.script_id)
        started, ended = sess.started_at, sess.ended_at
        when = started or sess.planned_start or sess.created_at
        status = getattr(sess.status, "value", sess.status)
        # the script's title as the facilitator knows it, with the version that ran
        name = pick(script_info.name, lang) if script_info and script_info.name else ""
        info = dict(
            group_name=group.name,
            headcount_only=group.headcount_only,
            headcount=sess.headcount,
            practice=sess.is_practice,
            no_notes=sess.no_notes,
            script=rt.t(
                "script_version",
                lang,
                name=isolate(name or sess.script_id),
                version=sess.script_version,
            ),
        )

    actual = (ended - started).total_seconds() / 60 if started and ended else None
    fid = session_fidelity(
        SessionRow(session_id, "", when.date(), status, "", None, False, None, actual, reviewed),
        events,
        script_info,
    )
    if info["no_notes"]:
        return _no_notes_report(info, when.date(), marks, events, fid, script_info, lang)
    by_person: dict[str, dict[str, object]] = {}
    for pid, mid, phase, value, passed in resp:
        key = f"{keys.get(mid, mid)}:{getattr(phase, 'value', phase)}"
        by_person.setdefault(pid, {})[key] = "pass" if passed else value

    blocks: list = []
    if info["practice"]:
        blocks.append(Paragraph(rt.t("practice_note", lang), "warning"))
    attended = [m for m in marks if getattr(m[2], "value", m[2]) in ("present", "left_early")]
    absent = len(marks) - len(attended)
    figures: list[tuple[str, str]] = [
        (rt.t("date", lang), rt.fmt_day(when.date(), lang)),
        (rt.t("status", lang), rt.status(status, lang)),
        (rt.t("script", lang), str(info["script"])),
        (rt.t("duration", lang), rt.fmt_num(actual, 0) if actual is not None else "–"),
    ]
    if info["headcount_only"]:
        figures.append((rt.t("headcount", lang), str(info["headcount"] or 0)))
    else:
        figures += [
            (rt.t("attended", lang), str(len(attended))),
            (rt.t("new", lang), str(sum(1 for m in attended if m[3]))),
            (rt.t("absent_notice", lang), str(absent)),
        ]
    blocks += [Heading(rt.t("overview", lang)), KeyFigures(figures)]

    if info["headcount_only"]:
        blocks.append(Paragraph(rt.t("headcount_only", lang), "note"))
    else:
        blocks += _attendance_blocks(marks, by_person, lang)
        blocks += _custom_blocks(marks, by_person, customs, lang)
    blocks += _step_blocks(fid, script_info, lang)
    blocks.append(Heading(rt.t("incidents_heading", lang)))
    if incidents:
        blocks.append(
            Table(
                [rt.t("incident_type", lang), rt.t("severity", lang), rt.t("follow_up", lang)],
                [
                    [
                        rt.incident_type(ty, lang),
                        rt.severity(sev, lang),
                        rt.follow_up(getattr(fu, "value", fu), lang),
                    ]
                    for ty, sev, fu in incidents
                ],
                numeric=frozenset(),  # the severity is a word, not a figure
            )
        )
    else:
        blocks.append(Paragraph(rt.t("no_incidents", lang)))
    blocks.append(Heading(rt.t("notes_heading", lang)))
    if not notes:
        blocks.append(Paragraph(rt.t("no_notes", lang), "note"))
    for body in notes:
        blocks.append(Paragraph(isolate(redact_aliases(body, aliases, lang))))
    return Report(
        kind="session",
        lang=lang,
        title=rt.t("session_title", lang),
        subtitle=isolate(info["group_name"]),
        period=rt.fmt_day(when.date(), lang),
        audience="facilitator",
        blocks=blocks,
        practice=bool(info["practice"]),
        confidentiality=rt.t("conf_facilitator", lang),
        generated_at=datetime.now(timezone.utc),
    )


def _no_notes_report(
    info: dict, day, marks: Sequence, events: list, fid, script, lang: str
) -> Report:
    """A no-notes session (first-responder defusing) keeps its date, how many people
    were there and which phases were done, and its summary shows exactly that: no
    codes, scores, step detail, incidents or notes, even if some reached the store.

    The same record as ``facilitator.session.persistence.no_notes_record``, by the
    same rules (:mod:`facilitator.steplog`): the phases listed in the finish or
    abandon entry of the log, else worked out from the log with the engine's rule;
    the headcount typed in, else the number of people marked present or leaving early."""
    attending = sum(1 for m in marks if getattr(m[2], "value", m[2]) in ATTENDED)
    headcount = steplog.no_notes_headcount(info["headcount"], attending) or 0
    phases = steplog.recorded_phases((e.action, e.payload) for e in events)
    if phases is None:
        phases = phases_done(fid, script)
    sep = "، " if lang == "ar" else ", "
    shown = sep.join(rt.phase(str(p), lang) for p in phases) or rt.t("phases_none", lang)
    blocks: list = []
    if info["practice"]:
        blocks.append(Paragraph(rt.t("practice_note", lang), "warning"))
    blocks += [
        Heading(rt.t("overview", lang)),
        KeyFigures(
            [
                (rt.t("date", lang), rt.fmt_day(day, lang)),
                (rt.t("headcount", lang), str(headcount)),
                (rt.t("phases_done", lang), shown),
            ]
        ),
        Paragraph(rt.t("no_notes_record", lang), "note"),
    ]
    return Report(
        kind="session",
        lang=lang,
        title=rt.t("session_title", lang),
        subtitle=isolate(info["group_name"]),
        period=rt.fmt_day(day, lang),
        audience="facilitator",
        blocks=blocks,
        practice=bool(info["practice"]),
        confidentiality=rt.t("conf_facilitator", lang),
        generated_at=datetime.now(timezone.utc),
    )


def _score(v: object, lang: str, digits: int = 0) -> str:
    if v == "pass":
        return rt.t("pass", lang)
    if isinstance(v, (int, float)) and digits and float(v).is_integer():
        digits = 0  # a custom measure with a step of 0.5 shows 6 as "6", 6.5 as "6.5"
    return rt.fmt_num(v, digits) if isinstance(v, (int, float)) else ""


def _attendance_blocks(marks: Sequence, by_person: dict, lang: str) -> list:
    rows, diffs, passes, who5_rows = [], [], 0, []
    pres: list[float] = []
    posts: list[float] = []
    for code, _alias, status, first, pid in marks:  # the alias is never used
        r = by_person.get(pid, {})
        pre, post = r.get("checkin10:pre"), r.get("checkin10:post")
        passes += (pre == "pass") + (post == "pass")
        pres += [pre] if isinstance(pre, (int, float)) else []
        posts += [post] if isinstance(post, (int, float)) else []
        change = ""
        if isinstance(pre, (int, float)) and isinstance(post, (int, float)):
            diffs.append(post - pre)
            change = rt.fmt_signed(post - pre, 0)
        st = getattr(status, "value", status)
        rows.append(
            [
                code,
                rt.t(st, lang),
                rt.t("yes" if first else "no", lang),
                _score(pre, lang),
                _score(post, lang),
                change,
            ]
        )
        who5 = r.get("who5:single")
        if who5 is not None:
            note = (
                rt.t("signpost", lang)
                if isinstance(who5, (int, float)) and who5_is_poor(who5)
                else ""
            )
            who5_rows.append([code, _score(who5, lang), note])
    blocks: list = [
        Heading(rt.t("attendance", lang)),
        Table(
            [
                rt.t("code", lang),
                rt.t("status", lang),
                rt.t("first_time", lang),
                rt.t("check_in", lang),
                rt.t("check_out", lang),
                rt.t("change", lang),
            ],
            rows,
            numeric=frozenset({3, 4, 5}),
        ),
    ]
    stats = change_stats(diffs)
    blocks += [
        Heading(rt.t("checkin_heading", lang), 2),
        KeyFigures(
            [
                (rt.t("mean_pre", lang), rt.fmt_num(fmean(pres)) if pres else "–"),
                (rt.t("mean_post", lang), rt.fmt_num(fmean(posts)) if posts else "–"),
                (rt.t("people", lang), str(stats.n)),
                (rt.t("mean_change", lang), rt.fmt_signed(stats.mean)),
                (rt.t("ci95", lang), rt.fmt_ci(stats.ci_low, stats.ci_high)),
                (rt.t("passes", lang), str(passes)),
            ]
        ),
        Paragraph(rt.t("checkin_disclaimer", lang), "small"),
    ]
    if who5_rows:
        blocks += [
            Heading(rt.t("who5_heading", lang), 2),
            Table(
                [rt.t("code", lang), rt.t("who5_score", lang), rt.t("note", lang)],
                who5_rows,
                numeric=frozenset({1}),
            ),
            Paragraph(rt.t("who5_note", lang), "small"),
            Paragraph(rt.t("who5_attrib", lang), "small"),
        ]
    return blocks


def _custom_blocks(
    marks: Sequence, by_person: dict, customs: list[CustomMeasure], lang: str
) -> list:
    """Answers to organisation-defined measures, listed like the check-in ones."""
    blocks: list = []
    for m in customs:
        rows, diffs, passes = [], [], 0
        single = pre_post = False
        for code, _alias, _status, _first, pid in marks:  # the alias is never used
            r = by_person.get(pid, {})
            pre, post, one = (r.get(f"{m.key}:{ph}") for ph in ("pre", "post", "single"))
            if pre is None and post is None and one is None:
                continue
            passes += sum(v == "pass" for v in (pre, post, one))
            pre_post |= pre is not None or post is not None
            single |= one is not None
            change = ""
            if isinstance(pre, (int, float)) and isinstance(post, (int, float)):
                diffs.append(post - pre)
                diff = post - pre
                change = rt.fmt_signed(diff, 0 if float(diff).is_integer() else 1)
            rows.append(
                [code, _score(pre, lang, 1), _score(post, lang, 1), change, _score(one, lang, 1)]
            )
        if not rows:
            continue
        keep = [0, *([1, 2, 3] if pre_post else []), *([4] if single else [])]
        header = [
            rt.t("code", lang),
            rt.t("start", lang),
            rt.t("end", lang),
            rt.t("change", lang),
            rt.t("score", lang),
        ]
        blocks += [
            Heading(m.label(lang), 2),
            Table(
                [header[i] for i in keep],
                [[row[i] for i in keep] for row in rows],
                numeric=frozenset(range(1, len(keep))),
            ),
        ]
        figures = []
        if pre_post:
            stats = change_stats(diffs)
            figures += [
                (rt.t("people", lang), str(stats.n)),
                (rt.t("mean_change", lang), rt.fmt_signed(stats.mean)),
                (rt.t("ci95", lang), rt.fmt_ci(stats.ci_low, stats.ci_high)),
            ]
        figures.append((rt.t("passes", lang), str(passes)))
        blocks += [
            KeyFigures(figures),
            custom_note(m, lang),
        ]
    return blocks


def _step_blocks(fid, script, lang: str) -> list:
    """Every step in script order (when the script is known), with what happened to it."""
    order = list(script.order) if script else []
    order += [s for s in (*fid.done, *fid.skipped, *fid.mandatory) if s not in order]
    titles = script.titles if script else {}
    rows = []
    for sid in order:
        state = "skipped" if sid in fid.skipped else "done" if sid in fid.done else "not_reached"
        rows.append(
            [
                isolate(pick(titles.get(sid), lang) or sid),
                rt.t("yes" if sid in fid.mandatory else "no", lang),
                rt.t(state, lang),
            ]
        )
    share = fid.mandatory_done / len(fid.mandatory) if fid.mandatory else None
    return [
        Heading(rt.t("steps_heading", lang)),
        Table([rt.t("step", lang), rt.t("mandatory", lang), rt.t("status", lang)], rows),
        Heading(rt.t("fidelity_heading", lang), 2),
        KeyFigures(
            [
                (
                    rt.t("mandatory_done", lang),
                    f"{fid.mandatory_done}/{len(fid.mandatory)} ({rt.fmt_pct(share)})",
                ),
                (rt.t("overrun", lang), rt.fmt_num(fid.overrun_minutes, 0)),
                (rt.t("rules_reviewed", lang), rt.t("yes" if fid.rules_reviewed else "no", lang)),
            ]
        ),
    ]
