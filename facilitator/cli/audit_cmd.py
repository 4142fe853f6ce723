"""``facilitator audit show|verify|export``: the tamper-evident audit log, headless.

``verify`` exits 1 and names the first broken entry when the chain does not check.
Reading needs the supervisor or administrator role (``--user NAME``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.app import audit as svc
from facilitator.cli.auth import add_user_args, open_as
from facilitator.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="show, verify and export the audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    p = sub.add_parser("show", help="list audit entries, newest first")
    add_user_args(p)
    p.add_argument("--limit", type=int, default=50, help="at most N entries (default 50)")
    p.add_argument("--action", help="only this action (e.g. unlock, export)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.set_defaults(func=_show)

    p = sub.add_parser("verify", help="check the hash chain; exit 1 at the first broken entry")
    add_user_args(p)
    p.set_defaults(func=_verify)

    p = sub.add_parser("export", help="write the audit log as CSV or PDF")
    add_user_args(p)
    p.add_argument("--out", metavar="FILE", required=True, help="FILE.csv or FILE.pdf")
    p.add_argument("--format", choices=("csv", "pdf"), help="default: from the file name")
    p.add_argument("--lang", dest="report_lang", choices=("en", "ar"), default="en")
    p.add_argument("--action", help="only this action")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.set_defaults(func=_export)


def _filters(args: argparse.Namespace) -> dict:
    return {
        "action": args.action,
        "date_from": svc.parse_day(args.date_from),
        "date_to": svc.parse_day(args.date_to),
    }


def _show(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit must be at least 1.")
    filters = _filters(args)
    store, who = open_as(args)
    with store:
        rows = svc.entries(store, who, limit=args.limit, **filters)
    print("seq\ttime_utc\tuser\taction\tabout\tdetail")
    for e in rows:
        print(f"{e.seq}\t{e.at:%Y-%m-%d %H:%M:%S}\t{e.user}\t{e.action}\t{e.entity}\t{e.detail}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        report = svc.verify(store, who)
    if report.ok:
        print(report.message())
        return 0
    print(f"facilitator: error: {report.message()}", file=sys.stderr)
    return 1


def _export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "pdf"):
        raise InputError(
            f"Cannot tell the format of {out}: name it .csv or .pdf, or give --format."
        )
    filters = _filters(args)
    store, who = open_as(args)
    with store:
        if fmt == "csv":
            n = svc.export_csv(store, who, out, lang=args.report_lang, **filters)
        else:
            n = svc.export_pdf(store, who, out, lang=args.report_lang, **filters)
    print(f"Wrote {n} audit entries to {out}.")
    return 0
