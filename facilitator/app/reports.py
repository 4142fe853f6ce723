"""The reports service: every report that holds group data (session summary, group
report, program report) is built here, after the role check, so the CLI's
``report`` command, the app's report dialog and the session summary screen are
refused in the same place with the same sentence (issue 14).

- a facilitator writes reports on the groups they run (session and group reports);
- a supervisor writes any of them: the reports are aggregate and de-identified
  (codes and suppressed counts, never aliases);
- a trainer or an administrator alone is refused (no participant data).

Handouts and blank WHO-5 forms hold no participant data and need no role.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from facilitator.app.access import AccessDenied, Principal, acting, as_user, may_see_group
from facilitator.i18n import QT_TRANSLATE_NOOP

SESSION, GROUP, PROGRAM = "session", "group", "program"


def _group_owner(db: Any, group_id: Optional[str], session_id: Optional[str]) -> Optional[str]:
    from facilitator.store.models import Group, Session

    with db.session() as s:
        if session_id is not None:
            row = s.get(Session, session_id)
            group_id = row.group_id if row is not None else None
        group = s.get(Group, group_id) if group_id else None
        return group.owner_id if group is not None else None


def held_days(db: Any, group_id: Optional[str] = None) -> list[date]:
    """The days real sessions were held (one group's, or every group's), oldest first:
    the report dialog's default period ends with the latest, and it warns before
    saving a period with none. No participant data: days only."""
    from facilitator.tracking.analytics import held_sessions
    from facilitator.tracking.loaders import load_dataset

    with db.session() as s:
        data = load_dataset(s, [group_id] if group_id else None, with_steps=False)
    return [row.day for row in held_sessions(data.sessions)]


def default_months(days: list[date], today: date) -> tuple[date, date]:
    """Three whole months ending with the month of the latest session held (or this
    month when none was), so a report written right after a session includes it."""
    end = max(days) if days else today
    first = end.replace(day=1)
    month = first.month - 2
    start = date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return start, first


def check(
    db: Any,
    kind: str,
    who: Optional[Principal] = None,
    *,
    group_id: Optional[str] = None,
    session_id: Optional[str] = None,
) -> Principal:
    """The acting user, refused unless they may write this report."""
    if kind == PROGRAM:  # every group, so a supervisor's report
        return acting(db, who, "reports.program")
    actor = acting(db, who, "reports.write")
    if not may_see_group(actor, _group_owner(db, group_id, session_id)):
        raise AccessDenied(
            QT_TRANSLATE_NOOP("reports", "{user} may write reports only on the groups they run."),
            params=as_user(actor),
        )
    return actor


def build(
    db: Any,
    kind: str,
    who: Optional[Principal] = None,
    *,
    group_id: Optional[str] = None,
    session_id: Optional[str] = None,
    date_from: Optional[date] = None,
    date_to: Optional[date] = None,
    lang: str = "en",
    k: int = 5,
    external: bool = False,
) -> Any:
    """Check the role, then build the report (nothing is written)."""
    from facilitator.tracking import reports

    check(db, kind, who, group_id=group_id, session_id=session_id)
    if kind == SESSION:
        return reports.build_session_report(db, session_id or "", lang)
    if kind == GROUP:
        return reports.build_group_report(db, group_id or "", date_from, date_to, lang, k=k)
    return reports.build_program_report(db, date_from, date_to, lang, k=k, external=external)


def write(
    db: Any,
    kind: str,
    path: Any,
    who: Optional[Principal] = None,
    *,
    password: Optional[str] = None,
    record: bool = True,
    **options: Any,
) -> str:
    """Build, write the PDF and (group and program reports) record the release,
    so later reports to the same readers are checked against it."""
    from facilitator.export.pdf import write_report
    from facilitator.tracking import release

    report = build(db, kind, who, **options)
    written = str(write_report(report, path, password=password))
    if record:
        release.record(db, report)
    return written


# ---- the release register (issue 11) ----------------------------------------------------


def register(db: Any, who: Optional[Principal] = None) -> list[Any]:
    """The register of group and program reports written, oldest first
    (``reports.register``: what left, to whom, for which months; no participant data)."""
    from facilitator.tracking import release

    acting(db, who, "reports.register")
    return release.entries(db)


def clear_register(db: Any, who: Optional[Principal] = None) -> int:
    """Empty the register: an administrator's decision (``reports.register_clear``),
    since later reports are no longer checked against what was cleared. Kept in the
    audit log."""
    from facilitator.store.audit import append_audit
    from facilitator.tracking import release

    actor = acting(db, who, "reports.register_clear")
    n = release.clear(db)
    with db.unit() as s:
        append_audit(
            s,
            "report.register_clear",
            entity="report_release",
            detail={"removed": n},
            user_id=actor.user_id or None,
        )
    return n
