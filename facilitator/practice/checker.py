"""The scenario checker: beyond validation, walk every path and judge the whole.

Every combination of temperaments (the only thing a seed changes that can alter which
events fire) is played with every sequence of choices, on a manual clock, by the real
practice engine. From the finished paths the checker reports decision points nobody can
reach, state conditions that are never true, choices after which a critical action can
no longer be performed (dead ends), missing translations, the lowest and highest score
per competency, the longest path's duration against the script's time, and whether the
reference paths the author wrote down give the scores they promise. A scenario with
critical actions fails when some temperament leaves no route that performs them all.
The walk stops at ``max_paths`` finished paths with a message saying so (and fails,
since an unchecked scenario is not a checked one).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

import yaml

from facilitator.errors import Text
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.scripts.loader import node_line, read_file_bytes, read_yaml_document
from facilitator.scripts.model import Script

from .engine import ManualClock, Outcome, PracticeRun, autoplay
from .model import COMPETENCIES, Decision, Scenario

MAX_PATHS = 20_000
Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    level: Level
    message: str  # a Text: template + params, translated by the screen that shows it
    loc: tuple[Any, ...] = ()
    line: Optional[int] = None

    def format(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.level}: {self.message}"


@dataclass
class PathResult:
    temperaments: dict[str, str]
    choices: list[tuple[str, str]]
    outcome: Outcome
    fired: list[str]
    minutes: float


@dataclass
class CheckReport:
    scenario_id: str
    findings: list[Finding] = field(default_factory=list)
    paths: int = 0
    complete: bool = True
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    longest_minutes: float = 0.0
    script_minutes: int = 0

    @property
    def ok(self) -> bool:
        return not any(f.level == "error" for f in self.findings)

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]


class _Branch(Exception):
    def __init__(self, decision: Decision) -> None:
        self.decision = decision


def _assignments(scenario: Scenario) -> list[dict[str, str]]:
    """The temperament combinations that can change a path. A temperament only shifts
    starting state, and state only steers a path through ``when`` conditions, so the
    participants no condition looks at keep their first temperament."""
    watched = {ev.when.who for ev in scenario.events if ev.when is not None}
    choices = [
        sorted(set(p.temperaments)) if p.code in watched else [p.temperaments[0]]
        for p in scenario.participants
    ]
    codes = [p.code for p in scenario.participants]
    return [dict(zip(codes, combo)) for combo in itertools.product(*choices)]


def walk(
    scenario: Scenario, script: Script, max_paths: int = MAX_PATHS
) -> tuple[list[PathResult], bool]:
    """Every finished path (for every temperament combination); False when capped."""
    results: list[PathResult] = []
    for assignment in _assignments(scenario):
        stack: list[list[str]] = [[]]
        while stack:
            if len(results) >= max_paths:
                return results, False
            prefix = stack.pop()
            clock = ManualClock()
            run = PracticeRun(
                scenario, script, 0, "assessment", clock=clock, temperaments=assignment
            )
            taken: list[str] = []

            def chooser(run: PracticeRun, decision: Decision) -> str:
                if len(taken) < len(prefix):
                    taken.append(prefix[len(taken)])
                    return taken[-1]
                raise _Branch(decision)

            try:
                outcome = autoplay(run, chooser, clock)
            except _Branch as branch:
                for opt in reversed(branch.decision.options):
                    stack.append(prefix + [opt.id])
                continue
            results.append(
                PathResult(
                    dict(assignment),
                    list(run.choices),
                    outcome,
                    list(run.fired),
                    run.run.elapsed() / 60,
                )
            )
    return results, True


def play_reference(
    scenario: Scenario, script: Script, choose: dict[str, str], seed: int
) -> tuple[Optional[PracticeRun], Optional[str]]:
    """Play a reference path; returns the run, or the decision it has no choice for."""
    clock = ManualClock()
    run = PracticeRun(scenario, script, seed, "assessment", clock=clock)
    missing: list[str] = []

    def chooser(run: PracticeRun, decision: Decision) -> str:
        if decision.id not in choose:
            missing.append(decision.id)
            raise _Branch(decision)
        return choose[decision.id]

    try:
        autoplay(run, chooser, clock)
    except _Branch:
        return None, missing[0]
    return run, None


def check(
    scenario: Scenario, script: Script, root: yaml.Node | None = None, max_paths: int = MAX_PATHS
) -> CheckReport:
    report = CheckReport(scenario.id, script_minutes=script.total_minutes)

    def add(level: Level, message: Text, loc: tuple[Any, ...] = ()) -> None:
        line = node_line(root, loc) if root is not None and loc else None
        report.findings.append(Finding(level, message, loc, line))

    for sid, lang in scenario.missing_translations():
        add(
            "error",
            Text(
                QT_TRANSLATE_NOOP("problems", "missing translation: '{id}' has no Arabic text")
                if lang == "ar"
                else QT_TRANSLATE_NOOP(
                    "problems", "missing translation: '{id}' has no English text"
                ),
                id=sid,
            ),
            _string_loc(scenario, sid),
        )

    paths, complete = walk(scenario, script, max_paths)
    report.paths, report.complete = len(paths), complete
    if not complete:
        add(
            "error",
            Text(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "the checker stopped after {n} paths; this scenario branches too "
                    "much to check every path (split it, or make fewer options lead on)",
                ),
                n=max_paths,
            ),
        )
    if not paths:
        add("error", Text(QT_TRANSLATE_NOOP("problems", "no path through the scenario finishes")))
        return report

    dec_index = {d.id: i for i, d in enumerate(scenario.decisions)}
    ev_index = {e.id: i for i, e in enumerate(scenario.events)}
    reached = {d for p in paths for d in p.outcome.decisions_reached}
    fired = {e for p in paths for e in p.fired}
    for d in scenario.decisions:
        if d.id not in reached:
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "decision '{id}' is unreachable: no event or option leads to it on any path",
                    ),
                    id=d.id,
                ),
                ("decisions", dec_index[d.id], "id"),
            )
    for ev in scenario.events:
        if ev.id in fired:
            continue
        if ev.when is not None:
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "event '{id}': the condition {condition} is never true on any path",
                    ),
                    id=ev.id,
                    condition=f"{ev.when.who} {ev.when.var} {ev.when.op} {ev.when.value}",
                ),
                ("events", ev_index[ev.id], "when"),
            )
        else:
            add(
                "warning",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "event '{id}' never happens on any path (every path ends first)"
                    ),
                    id=ev.id,
                ),
                ("events", ev_index[ev.id], "id"),
            )

    # dead ends: a choice after which a critical action some other path performs is lost
    performable = {a for p in paths for a in p.outcome.critical_performed}
    for d in scenario.decisions:
        for j, opt in enumerate(d.options):
            through = [p for p in paths if (d.id, opt.id) in p.choices]
            if not through:
                continue
            lost = [
                a
                for a in performable
                if all(a in p.outcome.critical_missed for p in through) and a not in opt.performs
            ]
            if lost:
                add(
                    "warning",
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "dead end: after '{id}' option '{option}' no path performs the "
                            "critical action(s) {actions}",
                        ),
                        id=d.id,
                        option=opt.id,
                        actions=", ".join(sorted(lost)),
                    ),
                    ("decisions", dec_index[d.id], "options", j, "id"),
                )
            if opt.ends:
                add(
                    "info",
                    Text(
                        QT_TRANSLATE_NOOP("problems", "'{id}' option '{option}' ends the scenario"),
                        id=d.id,
                        option=opt.id,
                    ),
                    ("decisions", dec_index[d.id], "options", j, "ends"),
                )

    for i, act in enumerate(scenario.critical_actions):
        if act.id not in performable:
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP("problems", "critical action '{id}' is performed on no path"),
                    id=act.id,
                ),
                ("critical_actions", i, "id"),
            )
    if scenario.critical_actions:
        for assignment in _assignments(scenario):
            mine = [p for p in paths if p.temperaments == assignment]
            if mine and not any(not p.outcome.critical_missed for p in mine):
                who = ", ".join(f"{k}={v}" for k, v in assignment.items())
                add(
                    "error",
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "the safety-critical path has no correct route: no sequence of "
                            "choices performs every critical action (temperaments {who})",
                        ),
                        who=who,
                    ),
                    ("critical_actions",),
                )
    if not any(p.outcome.result == "competent" for p in paths):
        add(
            "warning",
            Text(QT_TRANSLATE_NOOP("problems", "no path reaches the result 'competent'")),
        )

    for comp in COMPETENCIES:
        values = [p.outcome.scores[comp] for p in paths]
        report.ranges[comp] = (min(values), max(values))
    report.longest_minutes = max(p.minutes for p in paths)
    longest = max(paths, key=lambda p: p.minutes)
    add(
        "info",
        Text(
            QT_TRANSLATE_NOOP(
                "problems", "{paths} path(s) checked over {combinations} temperament combination(s)"
            ),
            paths=len(paths),
            combinations=len(_assignments(scenario)),
        ),
    )
    for name, (lo, hi) in report.ranges.items():
        if lo or hi:
            add(
                "info",
                Text(
                    QT_TRANSLATE_NOOP("problems", "{competency}: lowest {low}, highest {high}"),
                    competency=name,
                    low=lo,
                    high=hi,
                ),
            )
    level: Level = "warning" if report.longest_minutes > script.total_minutes + 1e-9 else "info"
    if level == "warning":
        longest_text = Text(
            QT_TRANSLATE_NOOP(
                "problems",
                "the longest path runs {minutes} min against the script's {script} min "
                "(choices {choices})",
            ),
            minutes=f"{report.longest_minutes:.0f}",
            script=script.total_minutes,
            choices=", ".join(f"{d}={o}" for d, o in longest.choices),
        )
    else:
        longest_text = Text(
            QT_TRANSLATE_NOOP(
                "problems", "the longest path runs {minutes} min against the script's {script} min"
            ),
            minutes=f"{report.longest_minutes:.0f}",
            script=script.total_minutes,
        )
    add(level, longest_text)

    for i, ref in enumerate(scenario.reference_paths):
        loc = ("reference_paths", i, "id")
        run, missing = play_reference(scenario, script, ref.choose, ref.seed)
        if run is None:
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "reference path '{id}' reaches decision '{decision}' but gives no "
                        "choice for it",
                    ),
                    id=ref.id,
                    decision=missing,
                ),
                loc,
            )
            continue
        out = run.outcome
        assert out is not None
        want = {c: ref.expect.scores.get(c, 0) for c in COMPETENCIES}
        if out.scores != want:
            diff = ", ".join(
                f"{c} {out.scores[c]} ≠ {want[c]}" for c in COMPETENCIES if out.scores[c] != want[c]
            )
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "reference path '{id}' scores other than it expects "
                        "(competency score ≠ expected): {diff}",
                    ),
                    id=ref.id,
                    diff=diff,
                ),
                loc,
            )
        if out.result != ref.expect.result:
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "reference path '{id}' gives the result {result}, expected {expected}",
                    ),
                    id=ref.id,
                    result=out.result,
                    expected=ref.expect.result,
                ),
                loc,
            )
        if sorted(out.critical_missed) != sorted(ref.expect.critical_missed):
            add(
                "error",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "reference path '{id}' misses {missed}, expected {expected}"
                    ),
                    id=ref.id,
                    missed=", ".join(out.critical_missed) or "-",
                    expected=", ".join(ref.expect.critical_missed) or "-",
                ),
                loc,
            )
        unused = set(ref.choose) - set(out.decisions_reached)
        if unused:
            add(
                "warning",
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "reference path '{id}' gives choices for decisions it never reaches: "
                        "{decisions}",
                    ),
                    id=ref.id,
                    decisions=", ".join(sorted(unused)),
                ),
                loc,
            )
    return report


def _string_loc(scenario: Scenario, sid: str) -> tuple[Any, ...]:
    """The YAML location of a string id (for the line number of a missing translation)."""
    parts = sid.split(".")
    if parts[0] in ("title", "summary", "briefing"):
        return (parts[0],)
    if parts[0] == "participant":
        i = next(i for i, p in enumerate(scenario.participants) if p.code == parts[1])
        return ("participants", i, parts[2])
    if parts[0] == "event":
        i = next(i for i, e in enumerate(scenario.events) if e.id == parts[1])
        return ("events", i, parts[2])
    if parts[0] == "decision":
        i = next(i for i, d in enumerate(scenario.decisions) if d.id == parts[1])
        if parts[2] == "option":
            j = next(j for j, o in enumerate(scenario.decisions[i].options) if o.id == parts[3])
            return ("decisions", i, "options", j, parts[4])
        return ("decisions", i, parts[2])
    if parts[0] == "critical":
        i = next(i for i, a in enumerate(scenario.critical_actions) if a.id == parts[1])
        return ("critical_actions", i, "title")
    if parts[0] == "metadata":
        return ("metadata", "content_warnings", int(parts[2]) - 1)
    return ()


def check_file(
    path: str | Path, resolve_script: Any = None, max_paths: int = MAX_PATHS
) -> tuple[Scenario, CheckReport]:
    """Validate then check a scenario file (raises ScenarioValidationError when invalid)."""
    from .loader import library_resolver, parse_scenario_text

    resolve = resolve_script or library_resolver()
    data = read_file_bytes(path)
    scenario = parse_scenario_text(data, str(path), resolve)
    root, _ = read_yaml_document(data, str(path))
    return scenario, check(scenario, resolve(scenario.script), root, max_paths)
