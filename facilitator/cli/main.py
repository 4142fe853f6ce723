"""Entry point for ``facilitator`` and ``python -m facilitator``.

With no sub-command it starts the desktop app. Sub-commands live in one module per
area (``db_cmd``, ``scripts_cmd``, ``report_cmd``, ``demo_cmd``), each exposing
``register(subparsers)`` that adds its parsers and sets ``func`` (returns an exit code).
Every :class:`~facilitator.errors.FacilitatorError` becomes a one-line message on
stderr and its exit code; nothing reaches the user as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Sequence

from facilitator import __version__
from facilitator.errors import FacilitatorError

SUBCOMMAND_MODULES = (
    "db_cmd",
    "demo_cmd",
    "scripts_cmd",
    "report_cmd",
    "list_cmd",
    "groups_cmd",
    "measures_cmd",
    "scenarios_cmd",
    "bundle_cmd",
    "users_cmd",
    "review_cmd",
    "audit_cmd",
)

log = logging.getLogger("facilitator")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; we keep that but never print a traceback."""


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    # The quick parse (no sub-commands) must not reject a sub-command's own option
    # that shares a global name (``groups add X --lang fr``): it raises instead of exiting.
    parser = _Parser(
        prog="facilitator",
        exit_on_error=with_commands,
        description="Facilitator: tools for leading peer-support groups.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store filled with synthetic data"
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        help="render the main screens in English and Arabic to PNG files and exit",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="the store to open (default: per-user data folder)"
    )
    parser.add_argument("--lang", choices=("en", "ar"), help="interface language")
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"facilitator.cli.{name}").register(sub)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    try:
        from facilitator.ui.app import run_app
    except ImportError as exc:  # Qt missing or broken on this machine
        raise FacilitatorError(f"The desktop app cannot start: {exc}") from exc
    return run_app(args)


def cli_message(exc: FacilitatorError) -> str:
    """The line the CLI prints: the error's English sentence, or, where the services say
    "the start date" or "sign in", the same facts in the command line's own words."""
    from facilitator.app import access, bundle_keys, bundles
    from facilitator.tracking import periods

    wording = {
        periods.NOT_A_MONTH_START: "--from {date} does not start a month; reports cover "
        "whole calendar months: the first day of a month to the last day of a month, "
        "for example 2026-01-01 to 2026-03-31.",
        periods.NOT_A_MONTH_END: "--to {date} does not end a month; reports cover "
        "whole calendar months: the first day of a month to the last day of a month, "
        "for example 2026-01-01 to 2026-03-31.",
        periods.REVERSED: "--from {date_from} is after --to {date_to}.",
        access.SEVERAL_USERS: "This store has several users: sign in first "
        "(--user NAME on the command line).",
        bundles.NOT_TRUSTED: "That key is not trusted here: check its fingerprint with the "
        "person, then 'facilitator keys trust FILE --fingerprint FP'.",
        bundle_keys.NO_SINGLE_KEY: "No single key matches '{key_id}'; see 'facilitator keys list'.",
    }.get(exc.template)
    if wording is None:
        return str(exc)
    return wording.format(**exc.params)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from facilitator.store.hardening import disable_core_dumps

    disable_core_dumps()  # a crash core would hold the raw key and any passphrase
    argv = list(sys.argv[1:] if argv is None else argv)
    # Starting the app needs only the global options: skip importing every
    # sub-command module (and the store, alembic...) twice on the way to a window.
    rest = ["--help"] if {"-h", "--help"} & set(argv) else None
    if rest is None:
        try:
            args, rest = build_parser(with_commands=False).parse_known_args(argv)
        except argparse.ArgumentError:
            rest = argv  # the full parser below says what is wrong, or accepts it
    if rest:
        args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _run_app(args)
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except FacilitatorError as exc:
        print(f"facilitator: error: {cli_message(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("facilitator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``facilitator groups --json | head -1``): that is not an
        # error of ours. Point stdout at /dev/null so the interpreter's final flush is
        # quiet too, as the Python documentation on SIGPIPE recommends.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a closed pipe
    except OSError as exc:
        print(f"facilitator: error: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: one line, never a traceback
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    """A database error from a read outside ``Database.unit`` gets the store's plain
    sentence (disk full, read-only, damaged); anything else is a bug, named in one
    line with the way to see the details (``FACILITATOR_DEBUG=1`` re-raises)."""
    import os

    if os.environ.get("FACILITATOR_DEBUG") == "1":
        raise exc
    from facilitator.store.db import write_error

    mapped = write_error(exc) if _is_database_error(exc) else exc
    if isinstance(mapped, FacilitatorError):
        print(f"facilitator: error: {mapped}", file=sys.stderr)
        return mapped.exit_code
    detail = getattr(exc, "orig", None) or exc  # the driver's message, not the SQL
    print(
        f"facilitator: error: an unexpected {type(exc).__name__}: {detail}. Nothing was "
        "changed by the failed step; set FACILITATOR_DEBUG=1 to see the details.",
        file=sys.stderr,
    )
    return 1


def _is_database_error(exc: Exception) -> bool:
    import sqlcipher3
    from sqlalchemy.exc import DatabaseError

    return isinstance(exc, (DatabaseError, sqlcipher3.DatabaseError))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
