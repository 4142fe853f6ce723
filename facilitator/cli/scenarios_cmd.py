"""``facilitator scenarios list|validate|check|strings|play``: practice scenarios for trainers.

``validate`` and ``check`` print one ``file:line: ...`` line per problem and exit 1 when a
file has any (``check`` also walks every path: see :mod:`facilitator.practice.checker`).
``strings`` prints the translator's list (``id<TAB>English<TAB>translation``). ``play``
plays a scenario in the terminal on a simulated clock, reading the number of each choice
from stdin, so an author can test a path (``printf '1\\n2\\n' | facilitator scenarios
play ID --seed 3``). None of these opens the store.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from facilitator.cli.auth import add_user_args, open_as
from facilitator.errors import InputError, ScriptError
from facilitator.scripts.loader import ScriptValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scenarios", help="practice scenarios for trainers")
    sub = parser.add_subparsers(dest="scenarios_command", metavar="ACTION", required=True)
    lst = sub.add_parser("list", help="one line per built-in scenario")
    lst.add_argument("--lang", choices=("en", "ar"), default="en")
    lst.set_defaults(func=_list)
    for name, helptext, func in (
        ("validate", "check scenario files; exit 1 if any has problems", _validate),
        ("check", "validate, then walk every path; exit 1 on any error", _check),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
        if name == "check":
            p.add_argument("--quiet", action="store_true", help="print errors only")
        p.set_defaults(func=func)
    st = sub.add_parser("strings", help="the translator's list of texts with their ids")
    st.add_argument("path", metavar="PATH", help="a scenario file or a built-in id")
    st.add_argument(
        "--lang",
        choices=("en", "ar"),
        default="ar",
        help="the language being translated (default ar)",
    )
    st.add_argument("--missing", action="store_true", help="only texts not yet translated")
    st.set_defaults(func=_strings)
    play = sub.add_parser("play", help="play a scenario in the terminal (choices from stdin)")
    play.add_argument("scenario", metavar="ID", help="a built-in scenario id or a file path")
    play.add_argument("--seed", type=int, default=1, help="the seed (default 1)")
    play.add_argument("--mode", choices=("practice", "assessment"), default="practice")
    play.add_argument("--lang", choices=("en", "ar"), default="en")
    play.add_argument(
        "--show-state",
        action="store_true",
        help="also print the simulated participants' state changes",
    )
    play.add_argument(
        "--trainee", metavar="LABEL", help="save the attempt in the store under this trainee label"
    )
    add_user_args(play)
    play.set_defaults(func=_play)
    hist = sub.add_parser("history", help="saved practice attempts in a store")
    hist.add_argument("--trainee", metavar="LABEL", help="only this trainee's attempts")
    hist.add_argument("--debrief", metavar="ATTEMPT", help="print one attempt's debrief")
    hist.add_argument("--lang", choices=("en", "ar"), default="en")
    add_user_args(hist)
    hist.set_defaults(func=_history)


def _list(args: argparse.Namespace) -> int:
    from facilitator.app.practice import list_scenarios

    for s in list_scenarios():
        print(
            f"{s.id}\t{s.script}\t{s.status}\t{s.participants} people\t"
            f"{s.decisions} decisions\t{s.title[args.lang]}"
        )
    return 0


def _expand(given: list[str]) -> tuple[list[str], int]:
    bad, paths = 0, []
    for item in given:
        folder = Path(item)
        if not folder.is_dir():
            paths.append(item)
            continue
        found = sorted(str(p) for p in folder.glob("*.yaml"))
        if not found:
            bad += 1
            print(f"{item}: no scenario files (*.yaml) in this folder", file=sys.stderr)
        paths += found
    return paths, bad


def _print_problems(exc: ScriptError) -> None:
    if isinstance(exc, ScriptValidationError):
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
    else:
        print(str(exc), file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from facilitator.practice.loader import load_scenario_file

    paths, bad = _expand(args.paths)
    for path in paths:
        try:
            sc = load_scenario_file(path)
        except ScriptError as exc:
            bad += 1
            _print_problems(exc)
        else:
            print(
                f"{path}: ok ({sc.id}, {len(sc.participants)} participants, "
                f"{len(sc.events)} events, {len(sc.decisions)} decisions, "
                f"{sc.metadata.status})"
            )
    return 1 if bad else 0


def _check(args: argparse.Namespace) -> int:
    from facilitator.practice.checker import check_file

    paths, bad = _expand(args.paths)
    for path in paths:
        try:
            _, report = check_file(path)
        except ScriptError as exc:
            bad += 1
            _print_problems(exc)
            continue
        for finding in report.findings:
            if args.quiet and finding.level != "error":
                continue
            print(finding.format(path), file=sys.stderr if finding.level == "error" else sys.stdout)
        if not report.ok:
            bad += 1
        else:
            print(f"{path}: ok ({report.paths} paths)")
    return 1 if bad else 0


def _strings(args: argparse.Namespace) -> int:
    from facilitator.practice.loader import find_scenario

    scenario = find_scenario(args.path)
    for sid, text in scenario.strings():
        target = text.ar if args.lang == "ar" else text.en
        if args.missing and target:
            continue
        source = text.en if args.lang == "ar" else text.ar
        print(f"{sid}\t{_one_line(source)}\t{_one_line(target)}")
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _play(args: argparse.Namespace) -> int:
    from facilitator.practice import text as words
    from facilitator.practice.engine import ManualClock, PracticeRun, autoplay
    from facilitator.practice.loader import find_scenario
    from facilitator.scripts.library import load_script

    if not 0 <= args.seed < 2**31:
        raise InputError("--seed is a whole number from 0 to 2147483647.")
    lang = args.lang
    scenario = find_scenario(args.scenario)
    script = load_script(scenario.script)
    clock = ManualClock()
    shown: list = []

    def show(item) -> None:  # type: ignore[no-untyped-def]
        from facilitator.practice.engine import Entry

        if not isinstance(item, Entry):
            return
        if args.mode == "assessment" and item.kind in ("coach", "feedback", "critical"):
            return
        shown.append(item)
        for line in words.entry_lines(run, item, lang, show_state=args.show_state):
            print(line)

    store = None
    if args.trainee:
        from facilitator.app.practice import start_attempt

        store, who = open_as(args)
        try:
            attempt = start_attempt(
                store.db,
                args.scenario,
                args.trainee,
                seed=args.seed,
                mode=args.mode,
                clock=clock,
                listener=show,
                who=who,
            )
        except BaseException:
            store.close()
            raise
        run = attempt.run
    else:
        run = PracticeRun(scenario, script, args.seed, args.mode, clock=clock, recorder=show)
    print(words.t("banner", lang))
    print(
        f"{scenario.title.get(lang)} | {words.t('seed', lang, seed=args.seed)} | "
        f"{words.t(args.mode + '_mode', lang)}"
    )
    if scenario.metadata.content_warnings:
        print(
            words.t("warnings", lang)
            + ": "
            + " ".join(w.get(lang) for w in scenario.metadata.content_warnings)
        )
    print(scenario.briefing.get(lang))
    for line in words.participants_lines(run, lang):
        print(line)

    def choose(run: PracticeRun, decision) -> str:  # type: ignore[no-untyped-def]
        for n, opt in enumerate(decision.options, start=1):
            print(f"  {n}. {opt.text.get(lang)}")
        asked = time.monotonic()
        while True:
            print(f"  > 1-{len(decision.options)}: ", end="", flush=True)
            line = sys.stdin.readline()
            # the decision has paused the step timer; the clock still moves, which gives
            # the response time
            clock.advance(min(time.monotonic() - asked, 3600.0))
            asked = time.monotonic()
            if not line:
                raise InputError(f"the input ended before decision '{decision.id}' was answered")
            answer = line.strip()
            if not sys.stdin.isatty():
                print(answer)  # echo piped input so the transcript reads as a dialogue
            if answer.isdigit() and 1 <= int(answer) <= len(decision.options):
                return decision.options[int(answer) - 1].id
            print(f"  ({answer!r}: type a number from 1 to {len(decision.options)})")

    try:
        outcome = autoplay(run, choose, clock)
        if store is not None:
            attempt.finish()
            print(f"saved as attempt {attempt.id}")
    finally:
        if store is not None:
            store.close()
    for line in words.debrief_lines(run, outcome, lang):
        print(line)
    return 0


def _history(args: argparse.Namespace) -> int:
    from facilitator.app import practice as svc

    store, who = open_as(args)
    try:
        if args.debrief:
            for line in svc.debrief(store.db, args.debrief, args.lang, who=who):
                print(line)
            return 0
        for h in svc.history(store.db, trainee=args.trainee, who=who):
            when = h.started_at.strftime("%Y-%m-%d %H:%M")
            print(
                f"{h.id}\t{when}\t{h.trainee}\t{h.scenario_id}\t{h.mode}\tseed {h.seed}\t"
                f"{h.status}\t{h.result or '-'}\t"
                f"{'' if h.percent is None else f'{h.percent:g}%'}"
            )
    finally:
        store.close()
    return 0
