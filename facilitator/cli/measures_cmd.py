"""``facilitator measures``: the organisation's own outcome measures, from the command line.

Why: issue 4 promises organisation-defined measures next to the built-in check-in
and WHO-5, and an organisation that holds the published Arabic WHO-5 needs a way to
put it in without a code change. These commands are how a coordinator sets that up
once for a store: ``list``, ``add``, ``retire``/``unretire``, ``wording`` and
``show``. Nothing here prints a participant's code, alias or answers; ``list``
shows only how many answers a measure has.

Every argument is parsed here rather than by argparse, so a bad value gets one
plain line and exit code 1, and every change runs in one unit of work, so a refused
change leaves the store as it was. A wording file is read and checked before the
store is even opened.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from sqlalchemy import func, select

from facilitator.cli.common import add_store_args, open_from_args
from facilitator.errors import InputError
from facilitator.i18n import pick
from facilitator.store.models import MeasureResponse
from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me

ASKED = {"prepost": ("pre", "post"), "single": ("single",), "both": ("pre", "post", "single")}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("measures", help="list, add and retire outcome measures")
    sub = p.add_subparsers(dest="measures_command", metavar="ACTION")
    sub.required = True

    ls = sub.add_parser("list", help="list the measures (built-in and custom)")
    add_store_args(ls)
    ls.add_argument("--all", action="store_true", help="include retired measures")
    ls.add_argument("--json", action="store_true", help="print JSON instead of columns")
    ls.set_defaults(func=run_list)

    add = sub.add_parser("add", help="add an organisation-defined measure")
    add.add_argument("key", help="short id: lowercase letters, digits and '_'")
    add.add_argument("--title-en", help="the title in English")
    add.add_argument("--title-ar", help="the title in Arabic")
    add.add_argument("--min", dest="minimum", help="lowest score")
    add.add_argument("--max", dest="maximum", help="highest score")
    add.add_argument("--step", default="1", help="distance between answer points (default 1)")
    add.add_argument(
        "--asked",
        default="prepost",
        help="prepost (start and end of session, the default), single (once) or both",
    )
    add.add_argument(
        "--lower-is-better", action="store_true", help="a lower score means doing better"
    )
    add_store_args(add)
    add.set_defaults(func=run_add)

    for name, retired in (("retire", True), ("unretire", False)):
        r = sub.add_parser(
            name,
            help=(
                "stop offering a custom measure (its answers are kept)"
                if retired
                else "offer a retired measure again"
            ),
        )
        r.add_argument("key")
        add_store_args(r)
        r.set_defaults(func=run_retire, retired=retired)

    rn = sub.add_parser("rename", help="reword a custom measure's title (the scale stays)")
    rn.add_argument("key")
    rn.add_argument("--title-en", help="the new English title")
    rn.add_argument("--title-ar", help="the new Arabic title")
    add_store_args(rn)
    rn.set_defaults(func=run_rename)

    w = sub.add_parser("wording", help="use the organisation's Arabic wording of WHO-5")
    w.add_argument("key", help="the built-in measure (who5)")
    w.add_argument(
        "--file", help="YAML with title, instructions, items, choices (5..0), optional source"
    )
    w.add_argument("--clear", action="store_true", help="go back to the shipped wording")
    add_store_args(w)
    w.set_defaults(func=run_wording)

    sh = sub.add_parser("show", help="print a measure's text and where the wording comes from")
    sh.add_argument("key")
    sh.add_argument("--lang", default="en", help="en or ar (default en)")
    add_store_args(sh)
    sh.set_defaults(func=run_show)


def _number(value: str | None, option: str) -> float:
    if value is None:
        raise InputError(f"{option} is required.")
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{option} must be a number, not '{value}'.") from None
    if not math.isfinite(number):
        raise InputError(f"{option} must be a finite number, not '{value}'.")
    return int(number) if number.is_integer() else number


def _row(m, answers: int) -> dict[str, Any]:
    spec = m.spec or {}
    phases = spec.get("phases") or []
    asked = next((name for name, ph in ASKED.items() if list(ph) == list(phases)), "single")
    return {
        "key": m.key,
        "title_en": cm.display_title(m.title, "en"),
        "title_ar": cm.display_title(m.title, "ar"),
        "builtin": bool(m.builtin),
        "min": spec.get("min"),
        "max": spec.get("max"),
        "step": spec.get("step"),
        "asked": asked,
        "higher_is_better": spec.get("higher_is_better", True),
        "retired": me.is_retired(m),
        "answers": answers,
    }


def measure_rows(db, include_retired: bool = False) -> list[dict[str, Any]]:
    with db.unit() as s:  # unit(): the built-in rows are created on first use
        counts = dict(
            s.execute(
                select(MeasureResponse.measure_id, func.count()).group_by(
                    MeasureResponse.measure_id
                )
            ).all()
        )
        return [_row(m, counts.get(m.id, 0)) for m in cm.list_measures(s, include_retired)]


def run_list(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    try:
        rows = measure_rows(store.db, include_retired=args.all)
    finally:
        store.close()
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    columns = ["key", "title_en", "title_ar", "min", "max", "step", "asked", "retired", "answers"]
    print("\t".join(columns))
    for row in rows:
        print(
            "\t".join(
                ""
                if row[c] is None
                else f"{row[c]:g}"
                if isinstance(row[c], float)
                else str(row[c])
                for c in columns
            )
        )
    return 0


def run_add(args: argparse.Namespace) -> int:
    if not args.title_en or not args.title_ar:
        raise InputError("A custom measure needs --title-en and --title-ar.")
    lo, hi = _number(args.minimum, "--min"), _number(args.maximum, "--max")
    step = _number(args.step, "--step")
    if args.asked not in ASKED:
        raise InputError(f"--asked must be prepost, single or both, not '{args.asked}'.")
    store = open_from_args(args)
    try:
        with store.db.unit() as s:
            m = cm.create_custom_measure(
                s,
                args.key,
                {"en": args.title_en, "ar": args.title_ar},
                minimum=lo,
                maximum=hi,
                step=step,
                higher_is_better=not args.lower_is_better,
                phases=ASKED[args.asked],
            )
            key = m.key
    finally:
        store.close()
    print(f"Added the measure '{key}' ({lo:g} to {hi:g}, step {step:g}, asked {args.asked}).")
    return 0


def run_retire(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    try:
        with store.db.unit() as s:
            changed = cm.set_retired(s, args.key, args.retired)
    finally:
        store.close()
    state = "retired" if args.retired else "offered again"
    print(
        f"The measure '{args.key}' is {state}."
        if changed
        else f"The measure '{args.key}' was already {'retired' if args.retired else 'active'}."
    )
    return 0


def run_rename(args: argparse.Namespace) -> int:
    if args.title_en is None and args.title_ar is None:
        raise InputError("Give --title-en, --title-ar or both.")
    for value, what in ((args.title_en, "The English title"), (args.title_ar, "The Arabic title")):
        if value is not None:  # checked before the store is opened
            cm.clean_title(value, what, arabic=what.startswith("The Arabic"))
    store = open_from_args(args)
    try:
        with store.db.unit() as s:
            m = cm.set_titles(s, args.key, {"en": args.title_en, "ar": args.title_ar})
            title = dict(m.title)
    finally:
        store.close()
    print(f"The measure '{args.key}' is now titled: {title.get('en')} / {title.get('ar')}")
    return 0


def run_wording(args: argparse.Namespace) -> int:
    if args.clear == bool(args.file):
        raise InputError("Give either --file FILE.yaml or --clear.")
    data = cm.read_wording(args.file, args.key) if args.file else None
    store = open_from_args(args)
    try:
        with store.db.unit() as s:
            if data is None:
                changed = cm.clear_builtin_wording(s, args.key)
            else:
                cm.set_builtin_wording(s, args.key, data)
    finally:
        store.close()
    if data is None:
        print(
            f"{args.key}: back to the shipped wording."
            if changed
            else f"{args.key} already uses the shipped wording."
        )
    else:
        print(f"{args.key}: the organisation's Arabic wording is stored (status: organisation).")
    return 0


def run_show(args: argparse.Namespace) -> int:
    if args.lang not in ("en", "ar"):
        raise InputError(f"--lang must be en or ar, not '{args.lang}'.")
    store = open_from_args(args)
    try:
        with store.db.unit() as s:
            m = me.get_measure(s, args.key)
            spec, builtin, retired = dict(m.spec or {}), m.builtin, me.is_retired(m)
            title = cm.display_title(m.title, args.lang)
    finally:
        store.close()
    if builtin and spec.get("items"):
        text = me.measure_text(spec, args.lang)
        lines = [text.title, f"status: {text.status}", "", text.instructions, ""]
        lines += [f"{i}. {item}" for i, item in enumerate(text.items, start=1)]
        lines += ["", *(f"{value} = {label}" for value, label in text.choices)]
        lines += ["", text.attribution]
    elif builtin:
        lines = [
            title,
            "status: "
            + (
                "published"
                if args.lang == "en"
                else str(spec.get("translation_status") or "project")
            ),
            "",
            pick(spec.get("question"), args.lang),
        ]
    else:
        lines = [
            title,
            "status: organisation-defined, not a validated instrument",
            f"scores: {spec.get('min'):g} to {spec.get('max'):g}, step "
            f"{spec.get('step', 1):g}; "
            + ("higher is better" if spec.get("higher_is_better", True) else "lower is better"),
            "asked: " + ", ".join(spec.get("phases") or ()),
            *(["retired: not offered for new sessions"] if retired else []),
        ]
    print("\n".join(lines).rstrip())
    return 0
