"""``facilitator keys ...`` and ``facilitator bundle ...``: report bundles between installs.

Thin wrappers over :mod:`facilitator.app.bundle_keys` and :mod:`facilitator.app.bundles`
(the app's dialogs call the same services). Every refusal is one line and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.app import bundle_keys as keys
from facilitator.app import bundles
from facilitator.app.access import allowed, require
from facilitator.cli.auth import add_user_args, open_as
from facilitator.cli.common import db_path
from facilitator.errors import InputError
from facilitator.store.outpath import check_output_path


def register(subparsers: argparse._SubParsersAction) -> None:
    k = subparsers.add_parser("keys", help="this install's bundle keys and the keys it trusts")
    ks = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ks.add_parser("export-public", help="write this install's public keys to a file")
    add_user_args(p)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument(
        "--label", help="a name others will see for this install (no real names of participants)"
    )
    p.set_defaults(func=run_export_public)
    p = ks.add_parser("fingerprint", help="print the fingerprint of a public-key file")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=run_fingerprint)
    p = ks.add_parser(
        "trust", help="trust another install's public key after checking its fingerprint"
    )
    add_user_args(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--fingerprint", metavar="FP", help="the fingerprint read out by its owner")
    p.add_argument("--label", help="how to name this key here")
    p.set_defaults(func=run_trust)
    p = ks.add_parser("list", help="list own and trusted keys")
    add_user_args(p)
    p.set_defaults(func=run_list)
    p = ks.add_parser("rotate", help="make a new key pair for this install")
    add_user_args(p)
    p.set_defaults(func=run_rotate)
    p = ks.add_parser("revoke", help="revoke a key (its bundles are refused from now on)")
    add_user_args(p)
    p.add_argument("key_id", metavar="KEYID")
    p.set_defaults(func=run_revoke)

    p = ks.add_parser(
        "recovery-new",
        help="make an organisation recovery key (its secret goes to a file to keep offline)",
    )
    p.add_argument("--out-public", required=True, metavar="FILE")
    p.add_argument("--out-secret", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace existing --out-* files")
    p.add_argument("--label", default="Organisation recovery key")
    p.set_defaults(func=run_recovery_new)

    b = subparsers.add_parser("bundle", help="signed, encrypted report bundles")
    bs = b.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    p = bs.add_parser("export", help="write a bundle of de-identified records")
    add_user_args(p)
    p.add_argument(
        "--to",
        required=True,
        action="append",
        metavar="KEYFILE",
        help="a trusted recipient's public-key file (repeat for a deputy or an "
        "organisation recovery key)",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument("--group", action="append", metavar="ID", help="only this group (repeatable)")
    p.add_argument("--from", dest="month_from", metavar="YYYY-MM")
    p.add_argument(
        "--until", "--to-month", dest="month_to", metavar="YYYY-MM", help="last month included"
    )
    p.add_argument(
        "--share-text",
        action="append",
        default=[],
        metavar="ID",
        help="share this note's or incident's free text (checked first)",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would travel")
    p.set_defaults(func=run_export)
    p = bs.add_parser("import", help="verify and merge a bundle or a receipt")
    add_user_args(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument(
        "--receipts",
        metavar="DIR",
        help="write a signed receipt per facilitator into DIR after importing",
    )
    p.set_defaults(func=run_import)
    p = bs.add_parser("receipt", help="write a signed receipt for one facilitator")
    add_user_args(p)
    p.add_argument("--for", dest="who", required=True, metavar="KEYID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.set_defaults(func=run_receipt)
    p = bs.add_parser("status", help="each facilitator, their last bundle, what is waiting")
    add_user_args(p)
    p.set_defaults(func=run_status)
    p = bs.add_parser("conflicts", help="records that arrived with different content")
    add_user_args(p)
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.set_defaults(func=run_conflicts)
    p = bs.add_parser("quarantine", help="refused bundles kept (still encrypted) with the reason")
    add_user_args(p)
    p.set_defaults(func=run_quarantine)
    p = bs.add_parser("receipts", help="receipts from the supervisor")
    add_user_args(p)
    p.add_argument("--ack", metavar="ID", help="mark a receipt as read")
    p.set_defaults(func=run_receipts)


def _check_out(args: argparse.Namespace, *paths: str) -> None:
    """The output-path rule (never the store's files, a device or a folder; an existing
    file only with --force), before any work."""
    for path in paths:
        check_output_path(path, overwrite=getattr(args, "force", False), stores=[db_path(args)])


def run_export_public(args: argparse.Namespace) -> int:
    _check_out(args, args.out)
    store, who = open_as(args)
    with store:
        pk = keys.export_public(store.db, Path(args.out), args.label, who=who)
    print(f"Public key written to {args.out}")
    print(f"Key id:      {pk.key_id}")
    print(f"Fingerprint: {pk.fingerprint}   (read this out when the other side trusts it)")
    return 0


def run_fingerprint(args: argparse.Namespace) -> int:
    pk = keys.read_public(Path(args.file))
    print(pk.fingerprint)
    return 0


def run_trust(args: argparse.Namespace) -> int:
    pk = keys.read_public(Path(args.file))
    fp = args.fingerprint
    if fp is None:
        if not sys.stdin.isatty():
            raise InputError(
                "Give the fingerprint the key's owner read out to you with "
                "--fingerprint FP (there is no terminal to ask on)."
            )
        print(f"Key '{pk.label}' ({pk.key_id})\nFingerprint: {pk.fingerprint}")
        answer = input("Type the fingerprint its owner reads out to you: ")
        fp = answer
    store, who = open_as(args)
    with store:
        info = keys.trust(store.db, pk, fp, args.label, who=who)
    print(f"Trusted {info.label or info.key_id} ({info.key_id}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        rows = keys.list_keys(store.db, who=who)
    print("key_id\tkind\tstatus\tfingerprint\tlabel")
    for r in rows:
        print(f"{r.key_id}\t{r.kind}\t{r.status}\t{r.fingerprint}\t{r.label}")
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        info = keys.rotate(store.db, who=who)
    print(
        f"New key {info.key_id}, fingerprint {info.fingerprint}. Send the new public key "
        "(keys export-public) to your supervisor."
    )
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        info = keys.revoke(store.db, args.key_id, who=who)
    print(f"Revoked {info.key_id}.")
    return 0


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {e}" for e, n in sorted(counts.items()) if n) or "nothing"


def run_export(args: argparse.Namespace) -> int:
    # the spelling "--to KEYFILE ... --from MONTH --to MONTH": a --to that is a
    # month (and not a file) is the last month
    files = [f for f in args.to if not (bundles.MONTH_RE.match(f) and not Path(f).exists())]
    months = [f for f in args.to if f not in files]
    if len(months) > 1 or (months and args.month_to):
        raise InputError("Give the last month once.")
    month_to = months[0] if months else args.month_to
    if not files:
        raise InputError("Name the supervisor's public-key file with --to KEYFILE.")
    if not args.dry_run:
        _check_out(args, args.out)
    recipients = [keys.read_public(Path(f)) for f in files]
    store, who = open_as(args)
    with store:
        plan = bundles.plan_export(
            store.db,
            recipients,
            groups=args.group,
            month_from=args.month_from,
            month_to=month_to,
            share_texts=args.share_text,
            who=who,
        )
        for t in plan.texts:
            mark = "shared" if t.ticked else "kept here"
            warn = f" (looks identifying: {', '.join(t.findings)})" if t.findings else ""
            print(f"text {t.entity} {t.record_id} [{mark}]{warn}")
        if args.dry_run:
            print(f"Would send {_counts_line(plan.counts)}; {plan.tombstones} erasures.")
            return 0
        res = bundles.write_export(store.db, plan, Path(args.out))
    print(
        f"Wrote {res.path}: {_counts_line(res.counts)}; {res.tombstones} erasures; "
        f"{res.texts_shared} free texts shared; bundle {res.bundle_id[:8]} #{res.counter}."
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    code = 0
    store, who = open_as(args)
    with store:
        for f in args.files:
            try:
                r = bundles.import_bundle(store.db, Path(f), dry_run=args.dry_run, who=who)
            except bundles.BundleRefused as exc:
                print(f"facilitator: error: {exc}", file=sys.stderr)
                code = 1
                continue
            prefix = "Would import" if r.dry_run else "Imported"
            if r.kind == "receipt":
                print(f"{prefix} a receipt from {r.sender_label or r.sender_key_id}.")
                continue
            print(
                f"{prefix} {Path(f).name} from {r.sender_label or r.sender_key_id}: "
                f"{r.added['session']} sessions, {r.added['attendance']} attendances, "
                f"{r.added['incident']} incidents added "
                f"({sum(r.added.values())} records in all); "
                f"{sum(r.changed.values())} changed, {r.unchanged} unchanged, "
                f"{len(r.conflicts)} conflicts, {len(r.refused)} refused, "
                f"{r.erased} erased."
            )
            for x in r.refused[:20]:
                print(f"  refused {x['entity']} {x['id']}: {x['reason']}")
            for x in r.conflicts[:20]:
                print(f"  conflict {x['entity']} {x['id']}: {x['reason']}")
        if args.receipts and not args.dry_run:
            out = Path(args.receipts)
            out.mkdir(parents=True, exist_ok=True)
            for peer in bundles.status_board(store.db, who=who):
                if peer.receipts_due:
                    target = out / f"receipt-{peer.device_id[:8]}.fbundle"
                    # a newer receipt replaces the older one; never a store's file
                    check_output_path(target, overwrite=True, stores=[db_path(args)])
                    if bundles.write_receipt(store.db, peer.device_id, target, who=who):
                        print(f"Receipt for {peer.label or peer.device_id[:8]}: {target}")
    return code


def run_receipt(args: argparse.Namespace) -> int:
    _check_out(args, args.out)
    store, who = open_as(args)
    with store:
        res = bundles.write_receipt(store.db, args.who, Path(args.out), who=who)
    print(
        f"Wrote receipt {args.out}." if res else "Nothing new to acknowledge; no receipt written."
    )
    return 0


def run_status(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        # each part for whoever may see it: the board for a supervisor, what was sent
        # and the receipts for whoever sends
        if not (allowed(who, "bundle.import") or allowed(who, "bundle.receipts")):
            require(who, "bundle.import")
        rows = bundles.status_board(store.db, who=who) if allowed(who, "bundle.import") else []
        if allowed(who, "bundle.receipts"):
            sent = bundles.unacknowledged_sent(store.db, who=who)
            unread = bundles.receipts(store.db, unacknowledged_only=True, who=who)
        else:
            sent, unread = [], []
    print(
        "facilitator\tkey\tlast bundle\tcounter\tbundles\treceipt due\tquarantined\topen conflicts"
    )
    for p in rows:
        when = p.last_bundle_at.strftime("%Y-%m-%d %H:%M") if p.last_bundle_at else "never"
        print(
            f"{p.label or p.device_id[:8]}\t{p.key_status}\t{when}\t{p.last_counter}\t"
            f"{p.bundles}\t{p.receipts_due}\t{p.quarantined}\t{p.open_conflicts}"
        )
    if sent:
        print(f"{len(sent)} bundle(s) sent from here are not yet acknowledged by a receipt.")
    if unread:
        print(f"{len(unread)} receipt(s) not yet read (bundle receipts).")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    """Conflicts are review items: this lists them with the item to sign or close."""
    from facilitator.app import review

    store, who = open_as(args)
    with store:
        rows = bundles.list_conflicts(store.db, state=None if args.all else "open", who=who)
        review.refresh(store.db)
        items = review.conflict_items(store.db)
    print("item\tentity\trecord\treason\tstate")
    for c in rows:
        print(f"{items.get(c.id, '')[:8]}\t{c.entity}\t{c.record_id}\t{c.reason}\t{c.state}")
    if rows:
        print(
            "Resolve each in the review queue: facilitator review show ITEM; facilitator "
            "review sign ITEM --take local|incoming [--comment TEXT]"
        )
    return 0


def run_receipts(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        if args.ack:
            bundles.acknowledge(store.db, args.ack, who=who)
        rows = bundles.receipts(store.db, who=who)
    for r in rows:
        flag = "read" if r.acknowledged else "NEW"
        print(
            f"{r.receipt_id[:12]}\t{flag}\tfrom {r.from_label}\t{r.arrived} bundle(s) "
            f"arrived\t{len(r.refused)} refused\t{len(r.quarantined)} quarantined\t"
            f"{len(r.conflicts)} conflicts"
        )
        for m in r.messages:  # what the review queue said about this facilitator's records
            about = m.get("entity") or (
                "incident"
                if m.get("incident_id")
                else "session"
                if m.get("session_id")
                else "group"
            )
            print(
                f"  supervisor [{m.get('state', '')}] {m.get('kind', '')} {about} "
                f"{str(m.get('about') or '')[:8]}: {m.get('text')}"
            )
    return 0


def run_recovery_new(args: argparse.Namespace) -> int:
    _check_out(args, args.out_public, args.out_secret)
    pk = keys.new_recovery_key(Path(args.out_public), Path(args.out_secret), args.label)
    print(
        f"Recovery key made. Public part: {args.out_public} (trust it on each install and "
        f"add it with a second --to). Secret part: {args.out_secret}: print it, keep it "
        "offline, then delete the file."
    )
    print(f"Fingerprint: {pk.fingerprint}")
    return 0


def run_quarantine(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        rows = bundles.quarantine_list(store.db, who=who)
    print("when\tfile\tsender\treason")
    for q in rows:
        print(f"{q['at']:%Y-%m-%d %H:%M}\t{q['file']}\t{q['sender'] or '?'}\t{q['reason']}")
    return 0
