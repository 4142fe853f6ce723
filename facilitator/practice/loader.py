"""Read a scenario file as strictly as a script; problems come as ``file:line: field: message``.

The YAML is read by the script loader's own public machinery
(:func:`facilitator.scripts.loader.read_yaml_document` and
:func:`~facilitator.scripts.loader.validation_problems`), so a scenario gets the
same guards (1 MB, UTF-8, no tags, anchors or aliases, depth and node limits, no
duplicate keys) and the same messages. Every failure is a
:class:`ScenarioValidationError`, a :class:`~facilitator.errors.ScriptError`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from pydantic import ValidationError

from facilitator.errors import FacilitatorError, InputError, Text
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.scripts.loader import (
    Problem,
    problem_at,
    ScriptValidationError,
    plain_message,
    read_file_bytes,
    read_yaml_document,
    validation_problems,
)
from facilitator.scripts.model import Script

from .model import (
    COMPETENCIES,
    EVENT_KINDS,
    TEMPERAMENTS,
    EventTiming,
    Scenario,
    event_timing_problems,
)

ScriptResolver = Callable[[str], Script]


class ScenarioValidationError(ScriptValidationError):
    """A scenario failed to load; ``problems`` lists every problem found."""


_LTEXT_FIELDS = (
    "title",
    "summary",
    "briefing",
    "persona",
    "tendencies",
    "text",
    "cue",
    "prompt",
    "coach",
    "feedback",
)


def _plain(err: Mapping[str, Any], loc: tuple[Any, ...]) -> Text:
    """The scenario's own words for a pydantic error, chosen by its type code and
    location; everything else is the script loader's."""
    kind, value = err["type"], err.get("input")
    last = loc[-1] if loc else None
    if kind == "literal_error":
        if last == "kind":
            return Text(
                QT_TRANSLATE_NOOP("problems", "unknown event kind {value}; use one of: {choices}"),
                value=repr(value),
                choices=", ".join(EVENT_KINDS),
            )
        if len(loc) > 1 and loc[-2] == "temperaments":
            return Text(
                QT_TRANSLATE_NOOP("problems", "unknown temperament {value}; use one of: {choices}"),
                value=repr(value),
                choices=", ".join(TEMPERAMENTS),
            )
        if (len(loc) > 1 and loc[-2] == "scores") or last == "[key]":
            return Text(
                QT_TRANSLATE_NOOP("problems", "unknown competency {value}; use one of: {choices}"),
                value=repr(value),
                choices=", ".join(COMPETENCIES),
            )
    if (kind in ("model_type", "dict_type", "model_attributes_type") and last in _LTEXT_FIELDS) or (
        kind == "model_type" and len(loc) > 1 and loc[-2] == "content_warnings"
    ):
        return Text(QT_TRANSLATE_NOOP("problems", "must be a mapping with 'en' and 'ar' texts"))
    return plain_message(err, loc)


def library_resolver() -> ScriptResolver:
    from facilitator.scripts.library import load_script

    return lambda script_id: load_script(script_id)


def parse_scenario_text(
    text: str | bytes, path: str = "<scenario>", resolve_script: ScriptResolver | None = None
) -> Scenario:
    """Validate scenario text into a :class:`Scenario`.

    ``resolve_script`` finds the base script by id (default: the built-in library);
    the steps that events name are checked against it.
    """
    try:
        root, data = read_yaml_document(text, path)
    except ScenarioValidationError:
        raise
    except ScriptValidationError as exc:  # the reader's own refusals, under our name
        raise ScenarioValidationError(exc.problems) from None
    resolve = resolve_script or library_resolver()
    try:
        return Scenario.model_validate(data, context={"resolve_script": resolve})
    except ValidationError as exc:
        problems = validation_problems(exc, root, path, _plain)
        raise ScenarioValidationError(
            _with_event_timing(problems, data, root, path, resolve)
        ) from None


def _with_event_timing(
    problems: list[Problem], data: Any, root: Any, path: str, resolve: ScriptResolver
) -> list[Problem]:
    """``problems`` and every event that does not fit its script. The model checks
    the events against the script only once every field is valid, and stops at the
    first; read from the raw data here, an author sees them all in one try."""
    if not isinstance(data, dict) or not isinstance(data.get("script"), str):
        return problems
    try:
        script = resolve(data["script"])
    except FacilitatorError:
        return problems  # the model said so, or will once the fields are right
    events = data.get("events")
    timings: list[EventTiming] = []
    for i, ev in enumerate(events if isinstance(events, list) else []):
        if not isinstance(ev, dict):
            continue
        step, after, minute = ev.get("step"), ev.get("after_minutes", 0), ev.get("minute")
        timings.append(
            (
                i,
                step if isinstance(step, str) else None,
                after if _number(after) else 0,
                minute if _number(minute) else None,
            )
        )
    seen = {_key(p) for p in problems}
    extra = [
        problem_at(root, path, loc, message)
        for message, loc in event_timing_problems(script, timings)
    ]
    out = problems + [p for p in extra if _key(p) not in seen]
    return sorted(out, key=lambda p: p.line or 0)


def _key(p: Problem) -> tuple[str | None, str]:
    return p.field, getattr(p.message, "template", p.message)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def load_scenario_file(path: str | Path, resolve_script: ScriptResolver | None = None) -> Scenario:
    """Read and validate one scenario file (refused unread over 1 MB)."""
    name = str(path)
    try:
        data = read_file_bytes(path)
    except ScriptValidationError as exc:
        raise ScenarioValidationError(exc.problems) from None
    return parse_scenario_text(data, name, resolve_script)


# ---- the built-in scenarios --------------------------------------------------------


@dataclass(frozen=True)
class ScenarioSummary:
    id: str
    version: str
    title: dict[str, str]
    script: str
    status: str
    participants: int
    decisions: int
    content_warnings: tuple[dict[str, str], ...]
    path: str


def builtin_dir() -> Path:
    return resource_path("scenarios")


@functools.lru_cache(maxsize=1)
def _builtins() -> dict[str, tuple[Scenario, Path]]:
    out: dict[str, tuple[Scenario, Path]] = {}
    for path in sorted(builtin_dir().glob("*.yaml")):
        scenario = load_scenario_file(path)
        if scenario.id != path.stem:
            raise ScenarioValidationError(
                [
                    Problem(
                        str(path),
                        None,
                        "id",
                        Text(
                            QT_TRANSLATE_NOOP(
                                "problems", "the id '{id}' does not match the file name"
                            ),
                            id=scenario.id,
                        ),
                    )
                ]
            )
        out[scenario.id] = (scenario, path)
    return out


def clear_cache() -> None:
    _builtins.cache_clear()


def builtin_scenarios() -> dict[str, Scenario]:
    return {k: v[0] for k, v in _builtins().items()}


def summarize(scenario: Scenario, path: str = "") -> ScenarioSummary:
    return ScenarioSummary(
        id=scenario.id,
        version=scenario.version,
        title={"en": scenario.title.get("en"), "ar": scenario.title.get("ar")},
        script=scenario.script,
        status=scenario.metadata.status,
        participants=len(scenario.participants),
        decisions=len(scenario.decisions),
        content_warnings=tuple(
            {"en": w.get("en"), "ar": w.get("ar")} for w in scenario.metadata.content_warnings
        ),
        path=path,
    )


def list_builtin() -> list[ScenarioSummary]:
    return [summarize(s, str(p)) for s, p in _builtins().values()]


def find_scenario(ref: str, resolve_script: ScriptResolver | None = None) -> Scenario:
    """A built-in scenario by id, or a scenario file by path."""
    found = _builtins().get(ref)
    if found is not None:
        return found[0]
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        return load_scenario_file(ref, resolve_script)
    known = ", ".join(sorted(_builtins()))
    raise InputError(
        QT_TRANSLATE_NOOP(
            "errors",
            "there is no built-in scenario '{ref}'; use one of: {known}, "
            "or give the path of a scenario file",
        ),
        params={"ref": ref, "known": known},
    )
