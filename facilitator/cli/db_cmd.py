"""``facilitator db init|check|backup|restore|rekey|passwd``: the store, headless.

These call exactly the services the desktop app uses (``facilitator.store.service``
and ``facilitator.store.backup``); nothing here knows about keys beyond passing
secrets through. Recovery codes go to stdout once, or to a 0600 file with
``--recovery-out`` (written and read back BEFORE the store is created or the old key
stops working). Every file a command writes passes the output-path rule
(:func:`facilitator.store.outpath.check_output_path`) before any work is done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.cli.common import (
    add_db_arg,
    add_store_args,
    db_path,
    open_from_args,
    prompt_secret,
    secret_from_args,
)
from facilitator.errors import InputError, StoreError
from facilitator.store import backup, migrate, recovery, secrets, service
from facilitator.store.db import integrity_problems, is_probably_sqlcipher
from facilitator.store.fsutil import SECRET_FILE_MAX_BYTES, atomic_write, read_bounded
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.outpath import check_output_path, check_store_target


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="create, check, back up and restore the store")
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    p = sub.add_parser("init", help="create a new encrypted store")
    add_db_arg(p)
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="passphrase to protect the key (required without a system keyring)",
    )
    p.add_argument(
        "--recovery-out",
        metavar="FILE",
        help="write the recovery code to FILE (mode 0600) instead of printing it",
    )
    p.add_argument("--force", action="store_true", help="replace an existing --recovery-out file")
    p.add_argument("--no-keyring", action="store_true", help="do not use the system keyring")
    p.set_defaults(func=_init)

    p = sub.add_parser("check", help="unlock and run the integrity checks; exit 0 when healthy")
    add_store_args(p)
    p.set_defaults(func=_check)

    p = sub.add_parser("backup", help="write a verified encrypted backup")
    add_store_args(p)
    p.add_argument(
        "--out",
        metavar="FILE",
        help="backup file (default: a new generation in backups/); its key file "
        "is written beside it as FILE.keys",
    )
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.set_defaults(func=_backup)

    p = sub.add_parser("restore", help="replace the store with a verified backup")
    add_store_args(p)
    p.add_argument("--from", dest="from_file", metavar="FILE", required=True)
    p.add_argument(
        "--yes",
        action="store_true",
        help="replace the store without asking (after the checks and summary)",
    )
    p.set_defaults(func=_restore)

    p = sub.add_parser("rekey", help="rotate the database key and issue a new recovery code")
    add_store_args(p)
    p.add_argument(
        "--recovery-out", metavar="FILE", help="write the new recovery code to FILE (mode 0600)"
    )
    p.add_argument("--force", action="store_true", help="replace an existing --recovery-out file")
    p.set_defaults(func=_rekey)

    p = sub.add_parser("passwd", help="set, change or remove the passphrase")
    add_store_args(p)
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument(
        "--remove",
        action="store_true",
        help="remove the passphrase (only while the system keyring holds the key)",
    )
    p.set_defaults(func=_passwd)


def _recovery_deliverer(out: str | None):
    """A ``deliver(code)`` for the services: the code written to ``out`` and read back
    (or printed and flushed) before the store depends on it."""

    def deliver(code: str) -> None:
        if out:
            text = (
                "Facilitator recovery code\n\n"
                f"{code}\n\n"
                "Keep this somewhere safe and private. It opens the store if the keyring\n"
                "entry and the passphrase are both lost.\n"
            )
            atomic_write(Path(out), text.encode("utf-8"), mode=0o600)
            try:
                back = read_bounded(out, SECRET_FILE_MAX_BYTES).decode("utf-8")
                ok = recovery.parse(back.split("\n")[2]) == recovery.parse(code)
            except (OSError, UnicodeDecodeError, IndexError, StoreError):
                ok = False
            if not ok:
                raise StoreError(
                    f"The recovery code could not be read back from {out}; nothing was changed."
                )
            print(f"Recovery code written to {out} (readable only by you).", flush=True)
        else:
            print("Recovery code (shown once; write it down and keep it safe):")
            print(f"  {code}", flush=True)

    return deliver


def _check_recovery_out(args: argparse.Namespace, path: Path) -> None:
    if args.recovery_out:
        check_output_path(args.recovery_out, overwrite=args.force, stores=[path])


def _init(args: argparse.Namespace) -> int:
    path = db_path(args)
    check_store_target(path)
    _check_recovery_out(args, path)
    use_keyring = not args.no_keyring
    passphrase = secret_from_args(args, "passphrase_file", "passphrase")
    if passphrase is None and not (use_keyring and secrets.is_real_backend()):
        if not sys.stdin.isatty():
            raise InputError(
                "No system keyring is available, so a passphrase is required: "
                "give it with --passphrase-file FILE."
            )
        passphrase = prompt_secret("New passphrase: ", confirm=True)
    created = service.create_store(
        path,
        passphrase=passphrase,
        use_keyring=use_keyring,
        deliver=_recovery_deliverer(args.recovery_out),
    )
    try:
        if created.keyring_used and passphrase is not None:
            where = "the system keyring or your passphrase"
        elif created.keyring_used:
            where = "the system keyring"
        else:
            where = "your passphrase"
        print(
            f"Created an encrypted store at {created.path}. Unlock with {where} "
            "(or the recovery code)."
        )
    finally:
        created.close()
    return 0


def _check(args: argparse.Namespace) -> int:
    path = db_path(args)
    store = open_from_args(args, migrate_on_open=False)
    healthy = True
    try:
        kf = KeyFile.load(keyfile_path(store.path))
        kinds = ", ".join(sorted({s.type for s in kf.slots})) or "none"
        print(f"key file: ok ({len(kf.slots)} slot(s): {kinds})")
        print(f"unlocked by: {store.unlocked_by}")
        header_ok = is_probably_sqlcipher(store.path)
        healthy &= header_ok
        print(f"file header encrypted: {'ok' if header_ok else 'NO'}")
        current, head = migrate.current_revision(store.db.engine), migrate.head_revision()
        print(
            f"schema: {current or 'empty'} (latest {head})"
            + ("" if current == head else ": will be updated on next open")
        )
    finally:
        store.close()
    problems = integrity_problems(store.path, store.key)
    if problems:
        healthy = False
        for p in problems[:20]:
            print(f"integrity: {p}")
    else:
        print("cipher_integrity_check: ok")
        print("integrity_check: ok")
    del path
    print("healthy" if healthy else "PROBLEMS FOUND")
    return 0 if healthy else 1


def _backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    if args.out:
        for target in (args.out, keyfile_path(Path(args.out))):
            check_output_path(target, overwrite=args.force, stores=[path])
    with open_from_args(args) as store:
        out = service.backup_store(store, Path(args.out) if args.out else None)
    print(f"Backup written and verified: {out}")
    return 0


def _summary_lines(summary: backup.BackupSummary) -> list[str]:
    return [
        f"  groups: {summary.groups}",
        f"  sessions: {summary.sessions}",
        f"  last session: {summary.last_session or 'none'}",
        f"  schema: {summary.revision}",
        f"  size: {summary.size // 1024} KiB",
    ]


def _restore(args: argparse.Namespace) -> int:
    path = db_path(args)

    def confirm(summary: backup.BackupSummary) -> bool:
        print(f"The backup {args.from_file} is healthy and holds:")
        print("\n".join(_summary_lines(summary)), flush=True)
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise InputError(
                "Nothing was restored: add --yes to replace the store with this backup."
            )
        answer = input(f"Replace the store {path} with it? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    result = backup.restore(
        Path(args.from_file),
        path,
        passphrase=secret_from_args(args, "passphrase_file", "passphrase"),
        recovery_code=secret_from_args(args, "recovery_code_file", "recovery code"),
        confirm=confirm,
    )
    print(f"Restored {path} from {args.from_file} (unlocked by {result.unlocked_by}).")
    if result.replaced:
        print(f"The previous database was kept as {result.replaced}.")
    return 0


def _rekey(args: argparse.Namespace) -> int:
    _check_recovery_out(args, db_path(args))
    with open_from_args(args) as store:
        passphrase = secret_from_args(args, "passphrase_file", "passphrase")
        if passphrase is None and KeyFile.load(keyfile_path(store.path)).has("passphrase"):
            passphrase = prompt_secret("Current passphrase: ")
        result = service.rekey_detailed(
            store, passphrase=passphrase, deliver=_recovery_deliverer(args.recovery_out)
        )
    print(
        "The database key was changed. The old recovery code no longer opens this store "
        "or the backups the app keeps."
    )
    if result.keyring_updated is False:
        print(
            "warning: the system keyring could not be updated (locked or not answering). "
            "Next time open the store with the NEW recovery code or the passphrase; the "
            "key is then stored in the keyring again.",
            file=sys.stderr,
        )
    return 0


def _passwd(args: argparse.Namespace) -> int:
    if args.remove and args.new_passphrase_file:
        raise InputError("Use either --remove or --new-passphrase-file, not both.")
    with open_from_args(args) as store:
        current = secret_from_args(args, "passphrase_file", "passphrase")
        if args.remove:
            kept = service.remove_passphrase(store)
            print(
                "The passphrase was removed from the store and from "
                f"{kept.rewrapped + kept.revoked_only} kept backup key file(s); the system "
                "keyring and the recovery code still open the store."
            )
            return 0
        new = secret_from_args(args, "new_passphrase_file", "new passphrase")
        if new is None:
            new = prompt_secret("New passphrase: ", confirm=True)
        if not new:
            raise StoreError("The new passphrase is empty.")
        kept = service.change_passphrase(store, new, current=current)
    print("The passphrase was changed. The database itself was not re-encrypted.")
    if kept.rewrapped or kept.revoked_only:
        print(
            f"Backups the app keeps: {kept.rewrapped} now open with the new passphrase"
            + (
                f"; {kept.revoked_only} older one(s) no longer open with any passphrase "
                "(only with the recovery code of their time)"
                if kept.revoked_only
                else ""
            )
            + "."
        )
    return 0
