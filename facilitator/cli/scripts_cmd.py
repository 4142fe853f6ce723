"""``facilitator scripts list`` and ``facilitator scripts validate PATH...``.

``validate`` is what script authors run while writing: it prints one
``file:line: field: message`` line per problem and exits 1 when anything is wrong,
so it can sit in an editor's build command or a CI job. It never opens the store.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.errors import ScriptError
from facilitator.scripts.loader import ScriptValidationError, load_script_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scripts", help="list and check session scripts")
    sub = parser.add_subparsers(dest="scripts_command", metavar="ACTION", required=True)
    lst = sub.add_parser("list", help="one line per built-in script")
    lst.add_argument("--lang", choices=("en", "ar"), default="en", help="language of the titles")
    lst.set_defaults(func=_list)
    val = sub.add_parser("validate", help="check script files; exit 1 if any has problems")
    val.add_argument("paths", nargs="+", metavar="PATH", help="script files or folders")
    val.set_defaults(func=_validate)


def _list(args: argparse.Namespace) -> int:
    from facilitator.scripts.library import list_scripts

    for s in list_scripts():
        title = s.title.get(args.lang) or s.title["en"]
        print(f"{s.id}\t{s.program_type}\t{','.join(s.languages)}\t{s.minutes} min\t{title}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    bad = 0
    paths: list[str] = []
    for given in args.paths:  # a folder means every *.yaml in it
        folder = Path(given)
        if not folder.is_dir():
            paths.append(given)
            continue
        found = sorted(str(p) for p in folder.glob("*.yaml"))
        if not found:  # a wrong folder must not pass as "all valid"
            bad += 1
            print(f"{given}: no script files (*.yaml) in this folder", file=sys.stderr)
        paths += found
    for path in paths:
        try:
            script = load_script_file(path)
        except ScriptValidationError as exc:
            bad += 1
            for problem in exc.problems:
                print(str(problem), file=sys.stderr)
        except ScriptError as exc:
            bad += 1
            print(str(exc), file=sys.stderr)
        else:
            print(
                f"{path}: ok ({script.id}, {len(script.steps)} steps, {script.total_minutes} min)"
            )
    return 1 if bad else 0
