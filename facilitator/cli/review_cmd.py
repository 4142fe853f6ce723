"""``facilitator review list|show|comment|sign|close|approve|month|refresh``.

The supervisor's review queue, headless: the same services as the app's queue
screen, honouring roles (``--user NAME`` with that user's ``--passphrase-file``).
Item ids may be shortened to their first 8 characters, as ``list`` prints them.
"""

from __future__ import annotations

import argparse
import json

from facilitator.app import review as svc
from facilitator.cli.auth import add_user_args, open_as
from facilitator.i18n import translate
from facilitator.tracking.report_text import severity as severity_word
from facilitator.tracking.review_triggers import KIND_TITLES, KINDS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("review", help="the supervisor's review queue")
    sub = parser.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list review items (refreshes the queue first)")
    add_user_args(p)
    p.add_argument("--group", metavar="ID")
    p.add_argument("--facilitator", metavar="NAME")
    p.add_argument("--type", dest="kind", choices=KINDS)
    p.add_argument("--state", help="open, new, in_review, needs_info, signed_off, closed")
    p.add_argument("--from", dest="month_from", metavar="YYYY-MM")
    p.add_argument("--to", dest="month_to", metavar="YYYY-MM")
    p.add_argument("--counts", action="store_true", help="print counts per type instead")
    p.add_argument("--no-refresh", action="store_true", help="do not re-run the triggers")
    p.set_defaults(func=_list)

    p = sub.add_parser("show", help="one item with its history and sign-off")
    add_user_args(p)
    p.add_argument("item", metavar="ID")
    p.set_defaults(func=_show)

    p = sub.add_parser("take", help="start reviewing an item (new -> in review)")
    add_user_args(p)
    p.add_argument("item", metavar="ID")
    p.set_defaults(func=_take)

    p = sub.add_parser("comment", help="comment on an item")
    add_user_args(p)
    p.add_argument("item", metavar="ID")
    p.add_argument("--text", required=True)
    p.add_argument(
        "--needs-info", action="store_true", help="ask the facilitator for information (supervisor)"
    )
    p.set_defaults(func=_comment)

    p = sub.add_parser("sign", help="sign off one item")
    add_user_args(p)
    p.add_argument("item", metavar="ID")
    p.add_argument("--comment", default="")
    p.add_argument(
        "--take",
        choices=svc.TAKES,
        help="two versions of a record: keep this store's (local) or the one "
        "that arrived (incoming)",
    )
    p.set_defaults(func=_sign)

    p = sub.add_parser("close", help="close one item without action (reason required)")
    add_user_args(p)
    p.add_argument("item", metavar="ID")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=_close)

    p = sub.add_parser("approve", help="second person: approve a risk-to-life sign-off")
    add_user_args(p)
    p.add_argument("request", metavar="ID")
    p.set_defaults(func=_approve)

    p = sub.add_parser("thresholds", help="show or set the trigger thresholds (administrator)")
    add_user_args(p)
    p.add_argument("--overrun-minutes", type=int)
    p.add_argument("--attendance-window", type=int, help="sessions compared on each side")
    p.add_argument("--attendance-drop-share", type=float, help="e.g. 0.3 for 30%%")
    p.add_argument("--quiet-days", type=int)
    p.set_defaults(func=_thresholds)

    p = sub.add_parser("month", help="sign off a month of a group once its items are closed")
    add_user_args(p)
    p.add_argument("--group", metavar="ID", required=True)
    p.add_argument("--month", metavar="YYYY-MM", required=True)
    p.add_argument("--comment", default="")
    p.set_defaults(func=_month)


def _list(args: argparse.Namespace) -> int:
    filters = svc.Filters(
        args.group, args.facilitator, args.kind, args.state, args.month_from, args.month_to
    )
    svc._check_filters(filters)
    store, who = open_as(args)
    with store:
        if not args.no_refresh and who.has("supervisor"):
            svc.refresh(store.db)
        if args.counts:
            for kind, n in svc.counts(store.db, who, filters).items():
                print(f"{kind}\t{n}\t{translate('review', KIND_TITLES[kind], 'en')}")
            return 0
        items = svc.list_items(store.db, who, filters)
    print("id\ttype\tstate\tgroup\tfacilitator\tdate\tdue\trisk")
    for i in items:
        print(
            f"{i.id[:8]}\t{i.kind}\t{i.state}\t{i.group_name}\t{i.facilitator}\t"
            f"{i.occurred_on or ''}\t{i.due_on or ''}\t{'RISK' if i.risk_to_life else ''}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        d = svc.show(store.db, who, args.item)
    i = d.item
    print(f"item {i.id}\ntype: {i.kind} ({translate('review', KIND_TITLES[i.kind], 'en')})")
    print(f"state: {i.state}\ngroup: {i.group_name}\nfacilitator: {i.facilitator}")
    print(
        f"date: {i.occurred_on or ''}\ndue: {i.due_on or ''}\nrisk to life: "
        f"{'yes' if i.risk_to_life else 'no'}"
    )
    if i.kind == "import_conflict":
        _print_versions(i.facts)
    else:
        if "severity" in i.facts:  # the word, as on the screen and in the PDF
            level = i.facts["severity"]
            print(f"severity: {severity_word(level, 'en')} (level {level})")
        print("facts: " + json.dumps(i.facts, ensure_ascii=False, sort_keys=True))
    if i.supersedes_id:
        print(f"follows signed item: {i.supersedes_id}")
    print(f"material hash: {i.material_hash}")
    for h in d.history:
        move = f"{h.from_state} -> {h.to_state}" if h.to_state else "comment"
        print(f"  {h.at:%Y-%m-%d %H:%M} {h.user or '-'} {move}: {h.comment}")
    if d.signoff:
        so = d.signoff
        print(
            f"{so['outcome']} by {so['by']} at {so['at']:%Y-%m-%d %H:%M}"
            + (f", approved by {so['approved_by']}" if so["approved_by"] else "")
            + f": {so['comment']}\nsignature: {so['signature_hash']}"
        )
    if d.pending_approval:
        print(f"waiting for a second person: request {d.pending_approval}")
    return 0


def _print_versions(facts: dict) -> None:
    """Both versions of a conflicting record side by side, one field a line."""
    print(
        f"record: {facts.get('entity')} {facts.get('record')}\nreason: {facts.get('reason')}"
        f"\nfrom: {facts.get('from')}"
    )
    rows = [("field", "this store (local)", "arrived (incoming)")] + [
        (str(k), json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False))
        for k, a, b in facts.get("versions") or []
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for k, a, b in rows:
        print(f"  {k:<{w0}}  {a:<{w1}}  {b}")
    print("sign with --take local|incoming; closing keeps the local version")


def _take(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        print(svc.take(store.db, who, args.item))
    return 0


def _comment(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        state = svc.comment(store.db, who, args.item, args.text, needs_info=args.needs_info)
    print(f"Comment saved; the item is now: {state}.")
    return 0


def _decision(d: svc.Decision) -> int:
    if d.done:
        print(f"Done: {d.state}.")
    else:
        print(
            f"This item is about a risk to life: a second supervisor must approve. "
            f"Request {d.approval_id}: facilitator review approve {d.approval_id} "
            "--user NAME --passphrase-file FILE"
        )
    return 0


def _sign(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        return _decision(svc.sign(store.db, who, args.item, args.comment, args.take))


def _close(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        return _decision(svc.close(store.db, who, args.item, args.reason))


def _approve(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        return _decision(svc.approve(store.db, who, args.request))


def _thresholds(args: argparse.Namespace) -> int:
    values = {
        k: v
        for k, v in (
            ("overrun_minutes", args.overrun_minutes),
            ("attendance_window", args.attendance_window),
            ("attendance_drop_share", args.attendance_drop_share),
            ("quiet_days", args.quiet_days),
        )
        if v is not None
    }
    store, who = open_as(args)
    with store:
        current = (
            svc.set_thresholds(store.db, who, **values)
            if values
            else svc.current_thresholds(store.db)
        )
    for k, v in current.items():
        print(f"{k}\t{v}")
    return 0


def _month(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        h = svc.sign_month(store.db, who, args.group, args.month, args.comment)
    print(f"Signed off {args.month} of the group (items hash {h[:16]}).")
    return 0
