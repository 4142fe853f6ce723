"""``facilitator report session|group|program|handout|who5-form``: write a PDF.

``who5-form`` prints blank WHO-5 forms for participants to fill in on paper (no
data at all): the shipped wording, or with ``--db`` the wording the store holds.

Everything that can be checked before the store is unlocked (dates, k, the output
folder, the password file) is checked first, so a typo costs nothing and never
leaves a half-written file. Every failure is one plain line and exit code 1.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from facilitator.cli.auth import add_user_args, open_as
from facilitator.cli.common import open_from_args
from facilitator.errors import InputError
from facilitator.policy import K_MAX, K_MIN

KINDS = ("session", "group", "program", "handout", "who5-form", "register")
COPIES_MAX = 50


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write a PDF report (session, group, program), a participant handout "
        "or blank WHO-5 forms (who5-form); 'register' lists the group and "
        "program reports written so far",
    )
    parser.add_argument("kind", choices=KINDS, help="which report")
    add_user_args(parser)  # session, group and program reports honour roles
    parser.add_argument(
        "--group",
        metavar="ID",
        help="group id (group report; for a handout, adds the group's rules)",
    )
    parser.add_argument("--session", metavar="ID", help="session id (session summary)")
    parser.add_argument(
        "--script", metavar="ID", help="script id (handout; a custom script needs --db)"
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="first day of a month, YYYY-MM-01 (group and program reports "
        "cover whole calendar months)",
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="DATE", help="last day of a month, for example 2026-03-31"
    )
    parser.add_argument(
        "--lang",
        choices=("en", "ar"),
        default=argparse.SUPPRESS,
        help="report language (default: en)",
    )
    parser.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        help="encrypt the PDF (AES-256) with the password on FILE's first line",
    )
    parser.add_argument(
        "--k", type=int, default=5, metavar="N", help="hide counts below N (default 5)"
    )
    parser.add_argument(
        "--external",
        action="store_true",
        help="a report for outside the programme (program report; k at least 11)",
    )
    parser.add_argument(
        "--copies",
        metavar="N",
        help=f"who5-form: how many blank forms, one a page (1 to {COPIES_MAX}; default 1)",
    )
    parser.add_argument(
        "--clear",
        action="store_true",
        help="register: remove every entry (an administrator's decision; needs --yes)",
    )
    parser.add_argument("--yes", action="store_true", help="register --clear: confirm")
    parser.set_defaults(func=run)


def parse_day(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{flag} {value!r} is not a date; write it as YYYY-MM-DD, for example 2026-03-31."
        ) from None


def _require(value: str | None, flag: str, kind: str) -> str:
    if not value or not value.strip():
        raise InputError(f"The {kind} report needs {flag} ID.")
    return value.strip()


def _handout(args: argparse.Namespace, lang: str):
    """A built-in script needs no store. With ``--db`` the script may be one of the
    facilitator's own (saved in the store), and with ``--group`` the group's added or
    reworded rules are printed too; both are read here and handed to the export
    layer as plain data, exactly as the app does."""
    from facilitator.errors import ScriptError
    from facilitator.export.handout import handout_for, handout_report

    script_id = _require(args.script, "--script", "handout")
    if getattr(args, "db", None) is None and not args.group:
        try:
            return handout_for(script_id, lang)
        except ScriptError as exc:
            raise InputError(
                f"{exc} (a custom script is read from the store: give --db PATH)"
            ) from None
    from facilitator.scripts.library import load_script
    from facilitator.session.rules import effective_rules, load_ruleset
    from facilitator.store.models import Group

    with open_from_args(args) as store, store.db.unit() as s:
        script = load_script(script_id, s)
        group = None
        if args.group:
            group = s.get(Group, args.group.strip())
            if group is None:
                raise InputError("That group does not exist.")
        rules = effective_rules(group, base=load_ruleset(script.ground_rules))
    return handout_report(script, lang, rules)


def parse_copies(value: str | None, kind: str) -> int:
    """``--copies`` as a whole number from 1 to :data:`COPIES_MAX` (who5-form only)."""
    if value is None:
        return 1
    if kind != "who5-form":
        raise InputError("--copies applies to who5-form only.")
    text = value.strip()
    if not text.isdecimal() or not 1 <= int(text) <= COPIES_MAX:
        raise InputError(f"--copies must be a whole number from 1 to {COPIES_MAX} (got {value!r}).")
    return int(text)


def _who5_text(args: argparse.Namespace, lang: str):
    """The WHO-5 wording to print: the store's row with ``--db`` (it may hold an
    organisation's wording), otherwise the shipped definition (no store needed)."""
    from facilitator.tracking.measures import WHO5, builtin_spec, measure_text, stored_text

    if getattr(args, "db", None) is None:
        return measure_text(builtin_spec(WHO5), lang)
    with open_from_args(args) as store, store.db.unit() as s:
        return stored_text(s, WHO5, lang)


def _register(args: argparse.Namespace) -> int:
    """List the release register, or clear it with ``--clear --yes`` (roles: see
    :func:`facilitator.app.reports.register` and ``clear_register``)."""
    from facilitator.app import reports

    if args.out:
        raise InputError("report register writes no file; leave out --out.")
    if args.clear and not args.yes:
        raise InputError(
            "report register --clear removes every entry, so later reports are "
            "no longer checked against them; add --yes to confirm."
        )
    store, who = open_as(args)
    with store:
        if args.clear:
            n = reports.clear_register(store.db, who)
            print(f"Cleared the release register ({n} entr{'y' if n == 1 else 'ies'}).")
            return 0
        rows = reports.register(store.db, who)
    if not rows:
        print("The release register is empty: no group or program report has been written.")
        return 0
    print(
        f"{'written (UTC)':<17} {'report':<8} {'readers':<9} {'months':<17} {'k':>3} "
        f"{'counts':>6} {'hidden':>6}"
    )
    for r in rows:
        print(
            f"{r.released_at:%Y-%m-%d %H:%M}  {r.kind:<8} {r.audience:<9} "
            f"{r.start:%Y-%m}..{r.end:%Y-%m}  {r.k:>3} {r.cells:>6} {r.hidden:>6}"
        )
    return 0


def run(args: argparse.Namespace) -> int:
    from facilitator.export.output import check_output_path, read_password_file
    from facilitator.export.pdf import write_report
    from facilitator.tracking.periods import check_months

    if args.kind == "register":
        return _register(args)
    if args.clear or args.yes:
        raise InputError("--clear and --yes apply to 'report register' only.")
    if not args.out:
        raise InputError(f"The {args.kind} report needs --out FILE.pdf.")
    lang = getattr(args, "lang", None) or "en"
    date_from = parse_day(args.date_from, "--from")
    date_to = parse_day(args.date_to, "--to")
    if args.kind in ("group", "program"):
        check_months(date_from, date_to)
    elif date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}.")
    if not K_MIN <= args.k <= K_MAX:
        raise InputError(f"--k must be between {K_MIN} and {K_MAX}.")
    if args.external and args.kind != "program":
        raise InputError("--external applies to the program report only.")
    copies = parse_copies(args.copies, args.kind)
    from facilitator.cli.common import db_path

    out = check_output_path(args.out, overwrite=args.force, stores=[db_path(args)])
    password = read_password_file(args.password_file) if args.password_file else None

    written: Path | str
    if args.kind == "who5-form":
        from facilitator.export.who5_form import write_who5_form

        text = _who5_text(args, lang)
        written = write_who5_form(out, text, copies=copies, password=password)
    elif args.kind == "handout":
        written = write_report(_handout(args, lang), out, password=password)
    else:
        from facilitator.app import reports

        group_id = _require(args.group, "--group", "group") if args.kind == "group" else None
        session_id = (
            _require(args.session, "--session", "session") if args.kind == "session" else None
        )
        store, who = open_as(args)
        with store:
            # the role check, the build, the PDF and the release register: one service
            written = reports.write(
                store.db,
                args.kind,
                out,
                who,
                password=password,
                group_id=group_id,
                session_id=session_id,
                date_from=date_from,
                date_to=date_to,
                lang=lang,
                k=args.k,
                external=args.external,
            )
    note = " (encrypted)" if password else ""
    print(f"Wrote {written}{note}")
    return 0
