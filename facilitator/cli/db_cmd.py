"""``facilitator db init|check|backup|restore|rekey|passwd``: the store, headless.

These call exactly the services the desktop app uses (``facilitator.store.service``
and ``facilitator.store.backup``); nothing here knows about keys beyond passing
secrets through. Recovery codes go to stdout once, or to a 0600 file with
``--recovery-out``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.errors import InputError, StoreError
from facilitator.cli.common import (
    add_db_arg,
    add_store_args,
    db_path,
    open_from_args,
    prompt_secret,
    secret_from_args,
)
from facilitator.store import backup, migrate, secrets, service
from facilitator.store.db import integrity_problems, is_probably_sqlcipher
from facilitator.store.fsutil import atomic_write
from facilitator.store.keyfile import KeyFile, keyfile_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="create, check, back up and restore the store")
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    p = sub.add_parser("init", help="create a new encrypted store")
    add_db_arg(p)
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="passphrase to protect the key (required without a system keyring)")
    p.add_argument("--recovery-out", metavar="FILE",
                   help="write the recovery code to FILE (mode 0600) instead of printing it")
    p.add_argument("--no-keyring", action="store_true", help="do not use the system keyring")
    p.set_defaults(func=_init)

    p = sub.add_parser("check", help="unlock and run the integrity checks; exit 0 when healthy")
    add_store_args(p)
    p.set_defaults(func=_check)

    p = sub.add_parser("backup", help="write a verified encrypted backup")
    add_store_args(p)
    p.add_argument("--out", metavar="FILE",
                   help="backup file (default: a new generation in backups/)")
    p.set_defaults(func=_backup)

    p = sub.add_parser("restore", help="replace the store with a verified backup")
    add_store_args(p)
    p.add_argument("--from", dest="from_file", metavar="FILE", required=True)
    p.set_defaults(func=_restore)

    p = sub.add_parser("rekey", help="rotate the database key and issue a new recovery code")
    add_store_args(p)
    p.add_argument("--recovery-out", metavar="FILE",
                   help="write the new recovery code to FILE (mode 0600)")
    p.set_defaults(func=_rekey)

    p = sub.add_parser("passwd", help="set, change or remove the passphrase")
    add_store_args(p)
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument("--remove", action="store_true",
                   help="remove the passphrase (only while the system keyring holds the key)")
    p.set_defaults(func=_passwd)


def _emit_recovery_code(code: str, out: str | None) -> None:
    if out:
        text = ("Facilitator recovery code\n\n"
                f"{code}\n\n"
                "Keep this somewhere safe and private. It opens the store if the keyring\n"
                "entry and the passphrase are both lost.\n")
        atomic_write(Path(out), text.encode("utf-8"), mode=0o600)
        print(f"Recovery code written to {out} (readable only by you).")
    else:
        print("Recovery code (shown once; write it down and keep it safe):")
        print(f"  {code}")


def _init(args: argparse.Namespace) -> int:
    path = db_path(args)
    use_keyring = not args.no_keyring
    passphrase = secret_from_args(args, "passphrase_file", "passphrase")
    if passphrase is None and not (use_keyring and secrets.is_real_backend()):
        if not sys.stdin.isatty():
            raise InputError("No system keyring is available, so a passphrase is required: "
                             "give it with --passphrase-file FILE.")
        passphrase = prompt_secret("New passphrase: ", confirm=True)
    created = service.create_store(path, passphrase=passphrase, use_keyring=use_keyring)
    try:
        where = "the system keyring" if created.keyring_used else "your passphrase"
        print(f"Created an encrypted store at {path}. Unlock with {where}.")
        _emit_recovery_code(created.recovery_code, args.recovery_out)
    finally:
        created.close()
    return 0


def _check(args: argparse.Namespace) -> int:
    path = db_path(args)
    store = open_from_args(args, migrate_on_open=False)
    healthy = True
    try:
        kf = KeyFile.load(keyfile_path(path))
        kinds = ", ".join(sorted({s.type for s in kf.slots})) or "none"
        print(f"key file: ok ({len(kf.slots)} slot(s): {kinds})")
        print(f"unlocked by: {store.unlocked_by}")
        header_ok = is_probably_sqlcipher(path)
        healthy &= header_ok
        print(f"file header encrypted: {'ok' if header_ok else 'NO'}")
        current, head = migrate.current_revision(store.db.engine), migrate.head_revision()
        print(f"schema: {current or 'empty'} (latest {head})"
              + ("" if current == head else ": will be updated on next open"))
    finally:
        store.close()
    problems = integrity_problems(path, store.key)
    if problems:
        healthy = False
        for p in problems[:20]:
            print(f"integrity: {p}")
    else:
        print("cipher_integrity_check: ok")
        print("integrity_check: ok")
    print("healthy" if healthy else "PROBLEMS FOUND")
    return 0 if healthy else 1


def _backup(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        out = service.backup_store(store, Path(args.out) if args.out else None)
    print(f"Backup written and verified: {out}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    result = backup.restore(
        Path(args.from_file), path,
        passphrase=secret_from_args(args, "passphrase_file", "passphrase"),
        recovery_code=secret_from_args(args, "recovery_code_file", "recovery code"))
    print(f"Restored {path} from {args.from_file} (unlocked by {result.unlocked_by}).")
    if result.replaced:
        print(f"The previous database was kept as {result.replaced}.")
    return 0


def _rekey(args: argparse.Namespace) -> int:
    with open_from_args(args) as store:
        passphrase = secret_from_args(args, "passphrase_file", "passphrase")
        if passphrase is None and KeyFile.load(keyfile_path(store.path)).has("passphrase"):
            passphrase = prompt_secret("Current passphrase: ")
        code = service.rekey(store, passphrase=passphrase)
    print("The database key was changed. The old recovery code no longer opens this store.")
    _emit_recovery_code(code, args.recovery_out)
    return 0


def _passwd(args: argparse.Namespace) -> int:
    if args.remove and args.new_passphrase_file:
        raise InputError("Use either --remove or --new-passphrase-file, not both.")
    with open_from_args(args) as store:
        if args.remove:
            service.remove_passphrase(store)
            print("The passphrase was removed; the system keyring and the recovery code "
                  "still open the store.")
            return 0
        new = secret_from_args(args, "new_passphrase_file", "new passphrase")
        if new is None:
            new = prompt_secret("New passphrase: ", confirm=True)
        if not new:
            raise StoreError("The new passphrase is empty.")
        service.change_passphrase(store, new)
    print("The passphrase was changed. The database itself was not re-encrypted.")
    return 0
