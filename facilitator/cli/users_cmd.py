"""``facilitator users add|list|remove|roles|approve``: people on a shared install.

Each user has their own passphrase (their own key slot around the same database
key). Managing users needs the administrator role; removing one is a two-person
action: ``remove`` asks, and a different administrator or supervisor runs
``approve ID`` with their own ``--user`` and passphrase.
"""

from __future__ import annotations

import argparse

from facilitator.app import approvals
from facilitator.app import users as svc
from facilitator.cli.auth import add_user_args, open_as
from facilitator.cli.common import read_secret_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("users", help="add, list and remove the users of a store")
    sub = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list users and their roles")
    add_user_args(p)
    p.set_defaults(func=_list)

    p = sub.add_parser("add", help="add a user with their own passphrase")
    add_user_args(p)
    p.add_argument("name", help="the new user's name (letters, digits, . - _)")
    p.add_argument(
        "--roles",
        required=True,
        help="comma-separated: facilitator, supervisor, trainer, administrator",
    )
    p.add_argument(
        "--new-passphrase-file", metavar="FILE", required=True, help="the new user's passphrase"
    )
    p.set_defaults(func=_add)

    p = sub.add_parser("roles", help="change a user's roles")
    add_user_args(p)
    p.add_argument("name")
    p.add_argument("--roles", required=True)
    p.set_defaults(func=_roles)

    p = sub.add_parser("passwd", help="set a user's passphrase (administrator, or your own)")
    add_user_args(p)
    p.add_argument("name")
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True)
    p.set_defaults(func=_passwd)

    p = sub.add_parser("remove", help="ask for a user to be removed (a second person approves)")
    add_user_args(p)
    p.add_argument("name")
    p.add_argument("--reason", default="")
    p.set_defaults(func=_remove)

    p = sub.add_parser("approve", help="approve a pending removal (not your own request)")
    add_user_args(p)
    p.add_argument("request", metavar="ID", help="the request id printed by 'users remove'")
    p.set_defaults(func=_approve)


def _list(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        rows = svc.list_users(store, who)
        waiting = approvals.pending(store.db, "remove_user", who=who)
    print("name\troles\tpassphrase")
    for a in rows:
        print(f"{a.login}\t{','.join(a.roles)}\t{'yes' if a.has_slot else 'no'}")
    for req in waiting:
        print(f"pending removal: {req.params.get('login', '?')} (request {req.id})")
    return 0


def _add(args: argparse.Namespace) -> int:
    secret = read_secret_file(args.new_passphrase_file, "new passphrase")
    store, who = open_as(args)
    with store:
        acct = svc.add_user(store, who, args.name, args.roles.split(","), secret)
    print(f"Added {acct.login} ({', '.join(acct.roles)}).")
    return 0


def _roles(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        acct = svc.set_roles(store, who, args.name, args.roles.split(","))
    print(f"{acct.login} now has: {', '.join(acct.roles)}.")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    secret = read_secret_file(args.new_passphrase_file, "new passphrase")
    store, who = open_as(args)
    with store:
        acct = svc.set_passphrase(store, who, args.name, secret)
    print(f"{acct.login} has a new passphrase.")
    return 0


def _remove(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        req = svc.request_removal(store, who, args.name, args.reason)
    print(
        f"Removal of {req.login} requested (request {req.approval_id}). A second "
        "administrator or supervisor approves it with: facilitator users approve "
        f"{req.approval_id} --user NAME --passphrase-file FILE"
    )
    return 0


def _approve(args: argparse.Namespace) -> int:
    store, who = open_as(args)
    with store:
        acct = svc.approve_removal(store, who, args.request)
    print(f"Removed {acct.login}. {svc.REKEY_ADVICE}")
    return 0
