"""Shared CLI helpers: one way to name a store and unlock it on the command line.

Every command that opens a store calls :func:`add_store_args` and
:func:`open_from_args`, so ``--db``, ``--passphrase-file`` and
``--recovery-code-file`` behave the same everywhere. Secrets are read only from a
file or an interactive prompt, never from argv (visible in ``ps`` and shell history);
when stdin is not a terminal and no file is given, the command fails with a clear
message instead of hanging.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from facilitator.errors import InputError, KeyUnavailableError
from facilitator.paths import default_db_path
from facilitator.store import secrets
from facilitator.store.service import OpenedStore, open_store, restore_keyring_entry


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a top-level ``facilitator --db X COMMAND`` value intact.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the store (default: the per-user data folder)",
    )


def add_store_args(parser: argparse.ArgumentParser, *, recovery: bool = True) -> None:
    """Add ``--db``, ``--passphrase-file`` and (optionally) ``--recovery-code-file``."""
    add_db_arg(parser)
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from FILE (used when the keyring does not hold the key)",
    )
    if recovery:
        parser.add_argument(
            "--recovery-code-file", metavar="FILE", help="read the recovery code from FILE"
        )


def db_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "db", None)
    return Path(value) if value else default_db_path()


def read_secret_file(path: str | Path, what: str = "passphrase") -> str:
    """The first line of ``path`` (trailing newline removed); must not be empty."""
    from facilitator.store.fsutil import SECRET_FILE_MAX_BYTES, TooLargeError, read_bounded

    try:
        text = read_bounded(path, SECRET_FILE_MAX_BYTES).decode("utf-8")
    except TooLargeError:
        raise InputError(
            f"The {what} file {path} is too large to hold a {what} "
            f"(more than {SECRET_FILE_MAX_BYTES // 1024} KiB)."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"Could not read the {what} file {path}: {getattr(exc, 'strerror', None) or exc}."
        ) from exc
    lines = text.splitlines()
    secret = lines[0] if lines else ""
    if not secret.strip():
        raise InputError(f"The {what} file {path} is empty.")
    return secret


def prompt_secret(prompt: str, *, confirm: bool = False) -> str:
    """Ask on the terminal; refuse when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        raise InputError(
            "No terminal to ask for the passphrase: give it with --passphrase-file FILE."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat to confirm: ") != first:
        raise InputError("The two entries do not match.")
    return first


def secret_from_args(args: argparse.Namespace, attr: str, what: str) -> str | None:
    value = getattr(args, attr, None)
    return read_secret_file(value, what) if value else None


def open_from_args(args: argparse.Namespace, *, migrate_on_open: bool = True) -> OpenedStore:
    """Open the store named by ``args``: keyring, then passphrase, then recovery code.

    Prompts only on a terminal. When the key had to come from the passphrase or the
    recovery code although a real keyring exists, the key is stored there again.
    """
    path = db_path(args)
    passphrase = secret_from_args(args, "passphrase_file", "passphrase")
    code = secret_from_args(args, "recovery_code_file", "recovery code")
    try:
        store = open_store(
            path, passphrase=passphrase, recovery_code=code, migrate_on_open=migrate_on_open
        )
    except KeyUnavailableError:
        if not sys.stdin.isatty():
            raise InputError(
                "No keyring entry opens this store and no passphrase "
                "was given: use --passphrase-file FILE or "
                "--recovery-code-file FILE."
            ) from None
        passphrase = prompt_secret("Passphrase (leave empty to use the recovery code): ")
        if passphrase:
            store = open_store(path, passphrase=passphrase, migrate_on_open=migrate_on_open)
        else:
            code = prompt_secret("Recovery code: ")
            store = open_store(path, recovery_code=code, migrate_on_open=migrate_on_open)
    if store.keyring_missing_entry and secrets.is_real_backend():
        if restore_keyring_entry(store):
            print(
                "note: the system keyring had lost this store's key; it was stored again.",
                file=sys.stderr,
            )
    for notice in store.notices:
        print(f"note: {notice}", file=sys.stderr)
    if store.new_recovery_code:
        print(
            "An interrupted key change was completed. Your NEW recovery code is:\n"
            f"  {store.new_recovery_code}\nWrite it down now; the old one no longer works."
        )
    return store
