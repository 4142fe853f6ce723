"""Every problem the scenario loader and checker can give has Arabic, from the catalogue.

Problems are templates with parameters (:class:`facilitator.errors.Text`), never English
sentences read back by pattern. Here each distinct template in the code is provoked by a
broken scenario (or, for the script format the loader shares, a broken script), and its
Arabic wording is checked: it comes from ``facilitator_ar.ts`` and holds no Latin word
except field names, ids and the values the author typed.
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.app import practice_review as review
from facilitator.errors import Text
from facilitator.i18n import catalogue_forms, translate
from facilitator.practice import checker, loader
from facilitator.practice import model as practice_model
from facilitator.resources import resource_path
from facilitator.scripts import model as script_model
from facilitator.scripts.library import load_script
from facilitator.scripts.loader import (
    MAX_DEPTH,
    ScriptValidationError,
    parse_script_text,
    plain_message,
    read_yaml_document,
)
from facilitator.ui.errors_ui import message_text

from .conftest import SMALL

ROOT = Path(__file__).resolve().parents[2] / "facilitator"
SOURCES = [
    ROOT / "scripts" / "loader.py",
    ROOT / "practice" / "model.py",
    ROOT / "practice" / "loader.py",
    ROOT / "practice" / "checker.py",
]


def _templates() -> set[str]:
    out = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value == "problems"
            ):
                out.add(node.args[1].value)
    return out


TEMPLATES = _templates()

# Kept for safety, but no input reaches them: PyYAML raises only marked or reader
# errors while loading, and the guarded loader counts depth before Python's stack runs out.
DEFENSIVE = {
    "invalid YAML ({kind})",
    "the YAML is nested too deeply",
}

# Latin words an Arabic problem may show: the format's own field and value names (what
# the author types) and the names of the formats themselves.
FIELDS = {
    name
    for mod in (practice_model, script_model)
    for obj in vars(mod).values()
    if isinstance(obj, type) and hasattr(obj, "model_fields")
    for name in obj.model_fields
}
ALLOWED = (
    FIELDS
    | set(practice_model.COMPETENCIES)
    | {"YAML", "UTF", "nan", "inf", "true", "false", "grief", "circle", "check_in"}
)


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z_]+", text))


def _arabic(message: Text) -> str:
    """The Arabic wording, with the parameters' own values taken out (ids and what the
    author typed stay as written in any language)."""
    text = message_text(message, "ar")
    assert text != str(message) or not _latin_words(message.template), message.template
    for value in message.params.values():
        text = text.replace(str(value), " ")
    return text


def _base() -> dict[str, Any]:
    return yaml.safe_load(SMALL)


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _mutate(fn: Callable[[dict[str, Any]], None]) -> str:
    data = _base()
    fn(data)
    return _dump(data)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def go(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return go


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def go(data: dict[str, Any]) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return go


def _all(*fns: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def go(data: dict[str, Any]) -> None:
        for fn in fns:
            fn(data)

    return go


D1 = ("decisions", 0)
GOOD = ("decisions", 0, "options", 0)
EV0, EV1 = ("events", 0), ("events", 1)


def _extra_decision(data: dict[str, Any]) -> None:
    d = copy.deepcopy(data["decisions"][0])
    d["id"], d["coach"] = "d3", d["coach"]
    for o in d["options"]:
        o.pop("performs", None)
    data["decisions"].append(d)


def _late_event_and_every_option_ends(data: dict[str, Any]) -> None:
    data["events"].append(
        {
            "id": "late",
            "minute": 89,
            "who": "BB2",
            "kind": "says",
            "text": {"en": "Late.", "ar": "متأخر."},
        }
    )
    for o in data["decisions"][0]["options"]:
        o["ends"] = True


def _never_performed(data: dict[str, Any]) -> None:
    data["critical_actions"].append({"id": "never", "title": {"en": "Never", "ar": "أبدًا"}})


def _reference(choose: dict[str, str], **expect: Any) -> Callable[[dict[str, Any]], None]:
    return _set(
        ("reference_paths",),
        [{"id": "ref", "choose": choose, "expect": {"result": "competent", **expect}}],
    )


# Scenario text (a string) or a mutation of the small valid scenario -> the template it
# must produce. One row per template.
SCENARIO_CASES: list[tuple[str, Any]] = [
    # the reader's guards
    (
        "YAML anchors and aliases (& and *) are not allowed here",
        SMALL.replace("title: {", "title: &t {"),
    ),
    ("the file has more than {n} YAML values", "x: [" + "1," * 50_001 + "1]\n"),
    (
        "the YAML is nested more than {n} levels deep",
        "x: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
    ),
    ("invalid YAML: the character {char} is not allowed", SMALL + "x: \x07\n"),
    (
        "a YAML value cannot be read (a date or number out of range?)",
        SMALL + "x: 2020-02-30\n",
    ),
    ("the key '{key}' appears twice in the same mapping", SMALL + "id: again\n"),
    ("invalid YAML: tags (!) are not allowed here", SMALL + "x: !!python/object {}\n"),
    (
        "invalid YAML: a character at column {column} cannot be read here (a ':' or quote out of place?)",
        SMALL + 'x: "unclosed\n',
    ),
    (
        "invalid YAML: the structure is broken near column {column} (check the indentation and the '-' and ':' marks)",
        SMALL + "events:\n  - a\n b: c\n",
    ),
    ("the file is larger than {n} MB; a script is never that big", b"x: " + b"a" * 1_000_001),
    ("the text is larger than {n} MB; a script is never that big", "x: " + "a" * 1_000_001),
    ("this is not a text file (it contains binary data)", SMALL + "x: \x00\n"),
    ("the file is not UTF-8 text (bad byte at position {n})", SMALL.encode() + b"x: \xff\n"),
    ("the file is empty", ""),
    ("the top level must be a mapping (format:, id:, title:, steps: ...)", "- a\n"),
    # pydantic, by error type
    ("this field is required but missing", _delete(("summary",))),
    ("unknown field (check the spelling or remove it)", _set(("versoin",), "1")),
    ("{value} is not allowed; use one of: {choices}", _set(("metadata", "status"), "done")),
    ("must not be empty", _set(("metadata", "author"), "")),
    ("the text is too long (at most {n} characters)", _set(("title", "en"), "a" * 5001)),
    (
        "use only lower-case letters, digits and '-' (for example grief-circle)",
        _set(("id",), "Bad Id"),
    ),
    (
        "use only lower-case letters, digits, '_' and '-' (for example check_in)",
        _set(EV0 + ("id",), "Bad Id"),
    ),
    ("{value} has characters that are not allowed here", _set(("version",), "one two")),
    ("{value} is too small; it must be at least {bound}", _set(EV0 + ("after_minutes",), -1.0)),
    ("{value} is too large; it must be at most {bound}", _set(EV0 + ("jitter_seconds",), 1000)),
    ("{value} must be a whole number", _set(("participants", 0, "state", "trust"), 1.5)),
    (
        "{value} must be an ordinary number (not .nan or .inf)",
        _set(EV0 + ("after_minutes",), float("nan")),
    ),
    ("{value} must be a number", _set(EV0 + ("after_minutes",), "soon")),
    ("must be text", _set(("metadata", "author"), 5)),
    ("must be true or false", _set(D1 + ("safety_critical",), "yes")),
    ("must be a mapping (key: value lines)", _set(("metadata",), 5)),
    ("must be a list (lines starting with '-')", _set(("participants",), 5)),
    ("must have at least one entry", _set(("events",), [])),
    ("has too many entries (at most {n})", _set(GOOD + ("cites",), ["rule:own_experience"] * 7)),
    # the scenario loader's own words
    ("unknown event kind {value}; use one of: {choices}", _set(EV0 + ("kind",), "dance")),
    (
        "unknown temperament {value}; use one of: {choices}",
        _set(("participants", 0, "temperaments"), ["zen"]),
    ),
    ("unknown competency {value}; use one of: {choices}", _set(GOOD + ("scores",), {"charm": 1})),
    ("must be a mapping with 'en' and 'ar' texts", _set(("title",), "plain")),
    # the scenario model's rules
    (
        "the text is empty in both languages; write at least the English",
        _set(("title",), {"en": "", "ar": ""}),
    ),
    (
        "an event needs exactly one trigger: step, minute or when (found {found})",
        _set(EV0 + ("minute",), 1.0),
    ),
    ("after_minutes is only used with step", _set(EV1 + ("after_minutes",), 1.0)),
    (
        "jitter_seconds applies to step or minute triggers, not to when",
        _set(EV1 + ("jitter_seconds",), 5),
    ),
    ("a '{kind}' event names the other member in target", _set(EV0 + ("kind",), "conflict")),
    (
        "'{cite}' is not a ground rule; use one of: {choices}",
        _set(GOOD + ("cites",), ["rule:nope"]),
    ),
    (
        "'{cite}' is not a safety step; use one of: {choices}",
        _set(GOOD + ("cites",), ["safety:nope"]),
    ),
    (
        "an option either leads to the next decision or ends the scenario, not both",
        _all(_set(GOOD + ("next",), "d2"), _set(GOOD + ("ends",), True)),
    ),
    ("option id '{id}' is used twice", _set(("decisions", 0, "options", 1, "id"), "good")),
    (
        "a safety-critical decision needs an option that scores safety_response above 0",
        _set(D1 + ("safety_critical",), True),
    ),
    ("a reviewed scenario names its reviewer", _delete(("metadata", "reviewer"))),
    ("there is no session script '{script}'", _set(("script",), "no-such-script")),
    (
        "the script '{script}' has no step '{step}'; its steps are: {steps}",
        _set(EV0 + ("step",), "nope"),
    ),
    (
        "the step '{step}' lasts {minutes} minutes; after_minutes must be less",
        _set(EV0 + ("after_minutes",), 200.0),
    ),
    (
        "the script lasts {minutes} minutes; the event's minute must be earlier",
        _all(
            _delete(EV0 + ("step",)),
            _delete(EV0 + ("after_minutes",)),
            _set(EV0 + ("minute",), 400.0),
        ),
    ),
    ("participant code '{code}' is used twice", _set(("participants", 1, "code"), "AA1")),
    ("decision id '{id}' is used twice", _set(("decisions", 1, "id"), "d1")),
    (
        "two critical actions share an id",
        _set(
            ("critical_actions",),
            [{"id": "be_kind", "title": {"en": "A", "ar": "أ"}} for _ in range(2)],
        ),
    ),
    ("there is no participant '{code}'", _set(EV0 + ("who",), "ZZ9")),
    ("event id '{id}' is used twice", _set(EV1 + ("id",), "first")),
    ("target is the same participant as who", _set(EV0 + ("target",), "AA1")),
    (
        "the condition {condition} can never be true (state runs from {low} to {high})",
        _set(EV1 + ("when", "value"), 11),
    ),
    ("there is no decision '{id}'", _set(EV0 + ("decision",), "nope")),
    ("an option cannot lead back to its own decision", _set(GOOD + ("next",), "d1")),
    ("there is no critical action '{id}'", _set(GOOD + ("performs",), ["nope"])),
    ("decision '{id}' has no option '{option}'", _reference({"d1": "zz"})),
    (
        "a reviewed scenario is complete in both languages; '{id}' has no Arabic text ({count} missing in all)",
        _set(("title", "ar"), ""),
    ),
    (
        "a reviewed scenario is complete in both languages; '{id}' has no English text ({count} missing in all)",
        _set(("title", "en"), ""),
    ),
    # the checker
    (
        "missing translation: '{id}' has no Arabic text",
        _all(_set(("metadata", "status"), "draft"), _set(("title", "ar"), "")),
    ),
    (
        "missing translation: '{id}' has no English text",
        _all(_set(("metadata", "status"), "draft"), _set(("title", "en"), "")),
    ),
    ("decision '{id}' is unreachable: no event or option leads to it on any path", _extra_decision),
    (
        "event '{id}': the condition {condition} is never true on any path",
        _set(EV1 + ("when", "value"), 10),
    ),
    (
        "event '{id}' never happens on any path (every path ends first)",
        _late_event_and_every_option_ends,
    ),
    (
        "dead end: after '{id}' option '{option}' no path performs the critical action(s) {actions}",
        _set(("decisions", 0, "options", 1, "ends"), True),
    ),
    (
        "'{id}' option '{option}' ends the scenario",
        _set(("decisions", 0, "options", 1, "ends"), True),
    ),
    ("critical action '{id}' is performed on no path", _never_performed),
    (
        "the safety-critical path has no correct route: no sequence of choices performs every critical action (temperaments {who})",
        _never_performed,
    ),
    ("no path reaches the result 'competent'", _never_performed),
    ("{paths} path(s) checked over {combinations} temperament combination(s)", SMALL),
    ("{competency}: lowest {low}, highest {high}", SMALL),
    (
        "the longest path runs {minutes} min against the script's {script} min",
        _set(("decisions", 1, "options", 0, "minutes"), 0),
    ),
    (
        "the longest path runs {minutes} min against the script's {script} min (choices {choices})",
        SMALL,
    ),
    (
        "reference path '{id}' reaches decision '{decision}' but gives no choice for it",
        _all(_set(("participants", 0, "state", "distress"), 6), _reference({"d1": "bad"})),
    ),
    (
        "reference path '{id}' scores other than it expects (competency score ≠ expected): {diff}",
        _reference({"d1": "meh"}),
    ),
    (
        "reference path '{id}' gives the result {result}, expected {expected}",
        _reference({"d1": "meh"}),
    ),
    ("reference path '{id}' misses {missed}, expected {expected}", _reference({"d1": "meh"})),
    (
        "reference path '{id}' gives choices for decisions it never reaches: {decisions}",
        _reference(
            {"d1": "good", "d2": "follow"}, scores={"listening_empathy": 2, "group_dynamics": 1}
        ),
    ),
]


def _scenario_problems(case: Any) -> list[review.ImportProblem]:
    text = case if isinstance(case, (str, bytes)) else _mutate(case)
    return list(review.check_scenario_text(text, "case.yaml", "ar").problems)


def _script_problems(fn: Callable[[dict[str, Any]], None]) -> list[Text]:
    data = yaml.safe_load(resource_path("scripts", "caregivers-circle.yaml").read_text("utf-8"))
    fn(data)
    with pytest.raises(ScriptValidationError) as caught:
        parse_script_text(_dump(data), "script.yaml")
    return [p.message for p in caught.value.problems]


STEP0 = ("steps", 0)
# Templates of the script format the scenario loader shares but a scenario cannot reach.
SCRIPT_CASES: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("the English text ('en') is missing", _delete(("title", "en"))),
    ("the Arabic text ('ar') is missing", _delete(("title", "ar"))),
    ("unknown step kind {value}; use one of: {choices}", _set(STEP0 + ("kind",), "dance")),
    ("the English text is empty", _set(("title", "en"), "")),
    ("the Arabic text is empty", _set(("title", "ar"), "")),
    ("{value} is too small; it must be more than {bound}", _set(STEP0 + ("speaker_minutes",), 0.0)),
    ("must be a mapping with both 'en' and 'ar' texts", _set(("title",), "plain")),
]


def _file_cases(tmp_path: Path) -> list[tuple[str, Path]]:
    plain = tmp_path / "plain.yaml"
    plain.write_text("x: 1\n", encoding="utf-8")
    return [
        ("not a file", tmp_path),
        ("no such file", tmp_path / "missing.yaml"),
        ("cannot read the file ({code})", plain / "below-a-file.yaml"),
    ]


@pytest.mark.parametrize("template, case", SCENARIO_CASES, ids=[c[0][:50] for c in SCENARIO_CASES])
def test_each_scenario_problem_is_provoked_and_has_arabic(template, case):
    problems = _scenario_problems(case)
    found = {p.message.template: p for p in problems}
    assert template in found, sorted(found)
    for p in problems:
        assert p.line is None or p.line >= 1
        words = _latin_words(_arabic(p.message)) - ALLOWED
        assert not words, (p.message.template, message_text(p.message, "ar"), words)


@pytest.mark.parametrize("template, fn", SCRIPT_CASES, ids=[c[0][:50] for c in SCRIPT_CASES])
def test_each_shared_script_problem_is_provoked_and_has_arabic(template, fn):
    messages = _script_problems(fn)
    assert template in {m.template for m in messages}
    for m in messages:
        if m.template in TEMPLATES:
            assert not _latin_words(_arabic(m)) - ALLOWED, message_text(m, "ar")


def test_file_problems_and_the_rest(tmp_path, monkeypatch):
    seen: set[str] = set()
    for template, path in _file_cases(tmp_path):
        rep = review.check_scenario_file(path, "ar")
        assert not rep.ok and template in {p.message.template for p in rep.problems}
        seen.add(template)
    # the cap on paths
    scenario = loader.parse_scenario_text(SMALL)
    root, _ = read_yaml_document(SMALL, "x")
    capped = checker.check(scenario, load_script(scenario.script), root, max_paths=0)
    capped_templates = {f.message.template for f in capped.findings}
    assert {
        "the checker stopped after {n} paths; this scenario branches too much to check "
        "every path (split it, or make fewer options lead on)",
        "no path through the scenario finishes",
    } <= capped_templates
    # a built-in scenario whose id is not its file name
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "renamed.yaml").write_text(SMALL, encoding="utf-8")
    monkeypatch.setattr(loader, "builtin_dir", lambda: folder)
    loader.clear_cache()
    try:
        with pytest.raises(ScriptValidationError) as caught:
            loader.builtin_scenarios()
    finally:
        loader.clear_cache()
    assert caught.value.problems[0].message.template == "the id '{id}' does not match the file name"
    # PyYAML's own English is the problem's detail: beside the message in English only
    from facilitator.ui.practice.problems import problem_text

    (broken,) = review.check_scenario_text(SMALL + 'x: "unclosed\n', "x", "ar").problems
    assert broken.detail and broken.detail in problem_text(broken, "en")
    assert broken.detail not in problem_text(broken, "ar")
    # a pydantic error type no rule foresaw: its code, and Arabic without pydantic's English
    odd = plain_message({"type": "uuid_parsing", "msg": "Input should be a valid UUID"}, ("id",))
    assert odd.template == "this value is not accepted ({code})"
    assert "UUID" not in message_text(odd, "ar") and "uuid_parsing" in message_text(odd, "ar")


def test_every_template_in_the_code_is_provoked_by_a_case():
    covered = {t for t, _ in SCENARIO_CASES} | {t for t, _ in SCRIPT_CASES} | DEFENSIVE
    covered |= {
        "not a file",
        "no such file",
        "cannot read the file ({code})",
        "the checker stopped after {n} paths; this scenario branches too much to check "
        "every path (split it, or make fewer options lead on)",
        "no path through the scenario finishes",
        "the id '{id}' does not match the file name",
        "this value is not accepted ({code})",
    }
    assert TEMPLATES - covered == set()
    assert covered - TEMPLATES == set()  # no case names a template the code no longer has


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_has_arabic_in_the_catalogue(template):
    arabic = translate("problems", template, "ar")
    assert arabic != template and re.search("[\u0600-\u06ff]", arabic), template
    assert set(re.findall(r"\{(\w+)\}", arabic)) <= set(re.findall(r"\{(\w+)\}", template))
    assert not _latin_words(re.sub(r"\{\w+\}", " ", arabic)) - ALLOWED, arabic


def test_the_plural_minutes_have_every_arabic_form():
    forms = catalogue_forms("ar")[("Practice", "%n min")]
    assert len(forms) == 6 and all(re.search("[\u0600-\u06ff]", f) for f in forms)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(min_value=0, max_value=len(SMALL)),
    junk=st.sampled_from(["", ":", "- ", "\t", "'", "{", "]", "&a ", "!!str ", "x: [", "\n  "]),
)
def test_damaged_scenarios_give_only_catalogued_problems(cut, junk):
    """Any damage yields problems whose templates are all in the code's catalogued set."""
    text = SMALL[:cut] + junk + SMALL[cut:]
    for p in review.check_scenario_text(text, "case.yaml", "ar").problems:
        template = p.message.template
        assert template in TEMPLATES, template
        assert message_text(p.message, "ar") != str(p.message) or not _latin_words(template)
