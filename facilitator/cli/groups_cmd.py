"""``facilitator groups add|rename|archive`` and ``facilitator participants add|list``.

Why: automation and tests can build a store without the app, through the very
services the screens use (:mod:`facilitator.app.groups`), so a rule about a group's
name or a participant's code is checked once for both. ``participants`` prints
codes only: an alias is a memory aid for the facilitator's own screen and never
leaves it. Bad input is one line on stderr and exit code 1 (``main`` prints it).
"""

from __future__ import annotations

import argparse

from facilitator.app import groups as G
from facilitator.cli.auth import add_user_args, open_as


def register_group_actions(groups_parser: argparse.ArgumentParser) -> None:
    """Add the actions under ``facilitator groups`` (which alone lists the groups)."""
    actions = groups_parser.add_subparsers(dest="action", metavar="ACTION")

    add = actions.add_parser("add", help="create a group and print its id")
    add.add_argument("name", help="the group's name")
    add.add_argument(
        "--type",
        dest="program_type",
        default="mutual_support",
        metavar="TYPE",
        help="kind of group, e.g. grief, anxiety, general (default: mutual_support)",
    )
    add.add_argument(
        "--lang",
        dest="group_lang",
        default="en",
        metavar="LANG",
        help="the language the group meets in: en or ar (default: en)",
    )
    add_user_args(add)
    add.set_defaults(func=run_add)

    rename = actions.add_parser("rename", help="give a group a new name")
    rename.add_argument("group", metavar="ID", help="group id (see 'groups')")
    rename.add_argument("name", help="the new name")
    add_user_args(rename)
    rename.set_defaults(func=run_rename)

    archive = actions.add_parser(
        "archive", help="hide a group from the lists (its history stays in the reports)"
    )
    archive.add_argument("group", metavar="ID", help="group id (see 'groups')")
    archive.add_argument("--undo", action="store_true", help="bring an archived group back")
    add_user_args(archive)
    archive.set_defaults(func=run_archive)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("participants", help="add participants to a group, list codes")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a participant and print the new code")
    add.add_argument("--group", metavar="ID", required=True, help="group id (see 'groups')")
    add_user_args(add)
    add.set_defaults(func=run_participant_add)

    listing = actions.add_parser("list", help="the codes of a group's active participants")
    listing.add_argument("--group", metavar="ID", required=True, help="group id (see 'groups')")
    add_user_args(listing)
    listing.set_defaults(func=run_participant_list)


def _as(args: argparse.Namespace, permission: str, group_id: str | None = None):
    """Open the store as ``--user`` (or the one-person owner) and check the role."""
    store, who = open_as(args)
    try:
        who = G.authorize(store.db, who, permission, group_id)
    except BaseException:
        store.close()
        raise
    return store, who


def run_add(args: argparse.Namespace) -> int:
    store, who = _as(args, "groups.manage")
    with store, store.db.unit() as s:
        # a shared install: a facilitator's new group is theirs (app.groups.save_group)
        group_id = G.add_group(s, args.name, args.program_type, args.group_lang, who=who)
    print(group_id)
    return 0


def run_rename(args: argparse.Namespace) -> int:
    store, who = _as(args, "groups.manage", args.group)
    with store, store.db.unit() as s:
        G.rename_group(s, args.group, args.name, who=who)
    return 0


def run_archive(args: argparse.Namespace) -> int:
    store, who = _as(args, "groups.manage", args.group)
    with store, store.db.unit() as s:
        G.archive_group(s, args.group, not args.undo, who=who)
    return 0


def run_participant_add(args: argparse.Namespace) -> int:
    store, who = _as(args, "groups.manage", args.group)
    with store, store.db.unit() as s:
        code = G.add_participant(s, args.group, who=who)
    print(code)
    return 0


def run_participant_list(args: argparse.Namespace) -> int:
    store, _who = _as(args, "groups.read", args.group)
    with store:
        codes = G.participant_codes(store.db, args.group, who=_who)
    for code in codes:
        print(code)
    return 0
