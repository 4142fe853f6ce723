"""``--user NAME``: act as one user of a shared install (issue 14).

Commands that honour roles add :func:`add_user_arg` next to the store arguments and
call :func:`open_as` to get the open store and the acting
:class:`~facilitator.app.access.Principal`. With ``--user``, that user's own
passphrase (``--passphrase-file``) must open their own key slot; without it, the
passphrase given (or the keyring, which belongs to the install's owner) decides.
"""

from __future__ import annotations

import argparse

from facilitator.app.access import Principal
from facilitator.app.users import sign_in
from facilitator.cli.common import add_store_args, open_from_args, secret_from_args
from facilitator.errors import InputError
from facilitator.store.service import OpenedStore


def add_user_args(parser: argparse.ArgumentParser) -> None:
    add_store_args(parser)
    parser.add_argument(
        "--user", metavar="NAME", help="act as this user (with that user's --passphrase-file)"
    )


def open_as(args: argparse.Namespace) -> tuple[OpenedStore, Principal]:
    login = getattr(args, "user", None)
    passphrase = secret_from_args(args, "passphrase_file", "passphrase")
    if login and passphrase is None:
        raise InputError(
            f"--user {login} needs that user's passphrase: give --passphrase-file FILE."
        )
    store = open_from_args(args)
    try:
        who = sign_in(store, login, passphrase)
    except BaseException:
        store.close()
        raise
    return store, who
