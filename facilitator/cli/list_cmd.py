"""``facilitator groups`` and ``facilitator sessions``: find the ids that ``report`` asks for.

Why: ``facilitator report group --group ID`` and ``report session --session ID`` take
UUIDs, and a supervisor or a script needs a way to look them up without the app.
The listings show what the facilitator's own screens show of a group (its name,
programme type, language) and of a session (date, script, status, headcount), never
a participant code, alias, note or score. Practice sessions are left out unless
``--practice`` is given, and are then marked, as everywhere else.

Output is tab-separated, one line per row, with a header line, so it reads on a
terminal and pipes into ``cut``/``awk``; ``--json`` gives the same rows as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from sqlalchemy import func, select

from facilitator.cli import groups_cmd
from facilitator.cli.auth import add_user_args
from facilitator.errors import InputError
from facilitator.store.models import Attendance, AttendanceStatus, Group, Session, SessionStatus


def register(subparsers: argparse._SubParsersAction) -> None:
    g = subparsers.add_parser("groups", help="list the groups in a store (ids for reports)")
    add_user_args(g)  # listing groups honours roles (--user NAME)
    g.add_argument("--archived", action="store_true", help="include archived groups")
    g.add_argument("--json", action="store_true", help="print JSON instead of columns")
    g.set_defaults(func=run_groups)
    groups_cmd.register_group_actions(g)

    s = subparsers.add_parser("sessions", help="list a group's sessions (ids for reports)")
    add_user_args(s)  # listing sessions honours roles (--user NAME)
    s.add_argument("--group", metavar="ID", required=True, help="group id (see 'groups')")
    s.add_argument("--practice", action="store_true", help="include practice sessions")
    s.add_argument("--json", action="store_true", help="print JSON instead of columns")
    s.set_defaults(func=run_sessions)


def _print(rows: list[dict], columns: list[str], as_json: bool) -> None:
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    print("\t".join(columns))
    for row in rows:
        print("\t".join("" if row[c] is None else str(row[c]) for c in columns))


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def group_rows(db, *, archived: bool = False) -> list[dict]:
    """One dict per group: id, name, programme type, language, sessions held, last date."""
    # "sessions" means what the reports call sessions held: completed, real ones.
    held = (
        select(
            Session.group_id,
            func.count(Session.id).label("n"),
            func.max(Session.started_at).label("last"),
        )
        .where(Session.is_practice.is_(False), Session.status == SessionStatus.completed)
        .group_by(Session.group_id)
        .subquery()
    )
    query = (
        select(Group, held.c.n, held.c.last)
        .outerjoin(held, held.c.group_id == Group.id)
        .order_by(Group.name)
    )
    if not archived:
        query = query.where(Group.archived.is_(False))
    with db.session() as s:
        return [
            {
                "id": g.id,
                "name": g.name,
                "program_type": g.program_type,
                "language": g.language,
                "sessions": n or 0,
                "last_session": _day(last)
                if isinstance(last, datetime)
                else (str(last)[:10] if last else None),
                "archived": g.archived,
            }
            for g, n, last in s.execute(query)
        ]


def session_rows(db, group_id: str, *, practice: bool = False) -> list[dict]:
    """One dict per session of ``group_id``, oldest first; raises InputError if unknown."""
    present = (
        select(Attendance.session_id, func.count(Attendance.id).label("n"))
        .where(Attendance.status != AttendanceStatus.absent_notice)
        .group_by(Attendance.session_id)
        .subquery()
    )
    with db.session() as s:
        if s.get(Group, group_id) is None:
            raise InputError(
                f"No group with id {group_id} in this store (see 'facilitator groups')."
            )
        query = (
            select(Session, present.c.n)
            .outerjoin(present, present.c.session_id == Session.id)
            .where(Session.group_id == group_id)
            .order_by(func.coalesce(Session.started_at, Session.planned_start, Session.created_at))
        )
        if not practice:
            query = query.where(Session.is_practice.is_(False))
        return [
            {
                "id": x.id,
                "date": _day(x.started_at or x.planned_start),
                "script": x.script_id,
                "status": x.status.value,
                "people": x.headcount if x.headcount is not None else (n or 0),
                "practice": x.is_practice,
            }
            for x, n in s.execute(query)
        ]


def run_groups(args: argparse.Namespace) -> int:
    from facilitator.app.groups import authorize
    from facilitator.cli.auth import open_as

    from facilitator.app.access import in_scope, visible_group_ids

    store, who = open_as(args)
    try:
        actor = authorize(store.db, who, "groups.read")
        with store.db.session() as s:
            visible = visible_group_ids(s, actor)  # a facilitator lists their own groups
        rows = [
            r for r in group_rows(store.db, archived=args.archived) if in_scope(visible, r["id"])
        ]
    finally:
        store.close()
    _print(rows, ["id", "name", "program_type", "language", "sessions", "last_session"], args.json)
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    from facilitator.app.groups import authorize
    from facilitator.cli.auth import open_as

    store, who = open_as(args)
    try:
        group = (args.group or "").strip()
        authorize(store.db, who, "sessions.read", group or None)
        rows = session_rows(store.db, args.group, practice=args.practice)
    finally:
        store.close()
    columns = ["id", "date", "script", "status", "people"]
    if args.practice:
        columns.append("practice")
    _print(rows, columns, args.json)
    return 0
