"""Script validation problems in the interface language, with the field they are about.

Why here and not in the loader: the core loader (``scripts.loader``) writes its
messages in English for files and the command line, and it has no Qt. The editor
shows the same problems to a facilitator who may read only Arabic, so it asks pydantic
for the structured errors (type, location, bounds) of the very document the loader
refused and words the common kinds (missing or empty text, a number out of range, a
bad identifier, durations not adding up, duplicate step ids, round timing) through
the translation catalogue. Anything rarer falls back to the loader's own sentence, so
no problem is ever hidden.
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml
from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication

from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.scripts.model import Script
from facilitator.ui.translations import format_number

CTX = "ScriptProblems"

# Every sentence and label shown here, marked for pyside6-lupdate.
T = {
    "en": QT_TRANSLATE_NOOP("ScriptProblems", "English"),
    "ar": QT_TRANSLATE_NOOP("ScriptProblems", "Arabic"),
    "step": QT_TRANSLATE_NOOP("ScriptProblems", "Step %1"),
    "in_lang": QT_TRANSLATE_NOOP("ScriptProblems", "%1 (%2)"),
    "item": QT_TRANSLATE_NOOP("ScriptProblems", "%1, item %2"),
    "script": QT_TRANSLATE_NOOP("ScriptProblems", "The script"),
    "missing_en": QT_TRANSLATE_NOOP("ScriptProblems", "The English text is missing."),
    "missing_ar": QT_TRANSLATE_NOOP("ScriptProblems", "The Arabic text is missing."),
    "missing": QT_TRANSLATE_NOOP("ScriptProblems", "This is required but missing."),
    "empty_en": QT_TRANSLATE_NOOP("ScriptProblems", "The English text is empty; write it."),
    "empty_ar": QT_TRANSLATE_NOOP("ScriptProblems", "The Arabic text is empty; write it."),
    "empty": QT_TRANSLATE_NOOP("ScriptProblems", "This must not be empty."),
    "too_long": QT_TRANSLATE_NOOP(
        "ScriptProblems", "The text is too long (at most %1 characters)."
    ),
    "pattern": QT_TRANSLATE_NOOP(
        "ScriptProblems", "Use only lower-case letters, digits and ‘-’ (for example grief-circle)."
    ),
    "pattern_step": QT_TRANSLATE_NOOP(
        "ScriptProblems", "Use only lower-case letters, digits, ‘_’ and ‘-’ (for example check_in)."
    ),
    "at_least": QT_TRANSLATE_NOOP("ScriptProblems", "%1 is too small; it must be at least %2."),
    "more_than": QT_TRANSLATE_NOOP("ScriptProblems", "%1 is too small; it must be more than %2."),
    "at_most": QT_TRANSLATE_NOOP("ScriptProblems", "%1 is too large; it must be at most %2."),
    "one_entry": QT_TRANSLATE_NOOP("ScriptProblems", "There must be at least one."),
}

FIELDS = {
    "id": QT_TRANSLATE_NOOP("ScriptProblems", "Identifier"),
    "title": QT_TRANSLATE_NOOP("ScriptProblems", "Title"),
    "say": QT_TRANSLATE_NOOP("ScriptProblems", "Words to say"),
    "notes": QT_TRANSLATE_NOOP("ScriptProblems", "Notes for you"),
    "minutes": QT_TRANSLATE_NOOP("ScriptProblems", "Minutes"),
    "min_minutes": QT_TRANSLATE_NOOP("ScriptProblems", "Shortest time"),
    "speaker_minutes": QT_TRANSLATE_NOOP("ScriptProblems", "Minutes per speaker"),
    "kind": QT_TRANSLATE_NOOP("ScriptProblems", "Kind"),
    "duration_minutes": QT_TRANSLATE_NOOP("ScriptProblems", "Total length"),
    "summary": QT_TRANSLATE_NOOP("ScriptProblems", "Summary"),
    "audience": QT_TRANSLATE_NOOP("ScriptProblems", "Audience"),
    "prompts": QT_TRANSLATE_NOOP("ScriptProblems", "Prompts"),
    "steps": QT_TRANSLATE_NOOP("ScriptProblems", "Steps"),
    "version": QT_TRANSLATE_NOOP("ScriptProblems", "Version"),
    "ground_rules": QT_TRANSLATE_NOOP("ScriptProblems", "Ground rules"),
    "group_size": QT_TRANSLATE_NOOP("ScriptProblems", "Group size"),
}

# Cross-field rules (pydantic type "script_rule") name their rule and the values they
# quote (scripts/model.py ``_rule_error``); each rule's sentence, with %1.. for
# the values in order. A rule not worded here is shown as the loader wrote it.
_RULES: dict[str, str] = {
    "duplicate_step_id": QT_TRANSLATE_NOOP(
        "ScriptProblems",
        "The step identifier ‘%1’ is already used by step %2; give each step its own.",
    ),
    "duration_mismatch": QT_TRANSLATE_NOOP(
        "ScriptProblems",
        "The steps add up to %1 minutes but the session length is %2 minutes; make them match.",
    ),
    "floor_over_minutes": QT_TRANSLATE_NOOP(
        "ScriptProblems", "The shortest time (%1 min) is longer than the step itself (%2 min)."
    ),
    "round_needs_speaker_minutes": QT_TRANSLATE_NOOP(
        "ScriptProblems", "A round needs the minutes each speaker has."
    ),
    "speaker_minutes_on_round_only": QT_TRANSLATE_NOOP(
        "ScriptProblems", "Only a round has minutes per speaker."
    ),
    "speaker_minutes_over_step": QT_TRANSLATE_NOOP(
        "ScriptProblems", "The time per speaker is longer than the whole step."
    ),
    "round_too_short": QT_TRANSLATE_NOOP(
        "ScriptProblems",
        "The round is %1 minutes, but %2 speakers at %3 minutes each need %4; give it more time.",
    ),
    "no_ground_rules_step": QT_TRANSLATE_NOOP(
        "ScriptProblems",
        "The script has no ground-rules step; every session except a "
        "series' last one reviews the ground rules.",
    ),
    "unknown_ruleset": QT_TRANSLATE_NOOP(
        "ScriptProblems", "There is no set of ground rules called ‘%1’."
    ),
    "group_size_order": QT_TRANSLATE_NOOP(
        "ScriptProblems", "The smallest group size (%1) is larger than the largest (%2)."
    ),
}


def _t(source: str, *values: Any) -> str:
    """Translate a marked source and fill Qt-style ``%1``.. (numbers in local digits)."""
    text = QCoreApplication.translate(CTX, source)
    for i, value in reversed(list(enumerate(values, start=1))):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = format_number(value, 0 if float(value).is_integer() else 1)
        text = text.replace(f"%{i}", str(value))
    return text


def location_text(loc: tuple[Any, ...]) -> str:
    """``("steps", 2, "title", "en")`` -> "Step 3 · Title (English)" in the UI language."""
    parts: list[str] = []
    rest = list(loc)
    if len(rest) >= 2 and rest[0] == "steps" and isinstance(rest[1], int):
        parts.append(_t(T["step"], rest[1] + 1))
        rest = rest[2:]
    label = ""
    for part in rest:
        if part in ("en", "ar"):
            label = _t(T["in_lang"], label, _t(T[part])) if label else _t(T[part])
        elif isinstance(part, int):
            label = _t(T["item"], label, part + 1)
        else:
            name = _t(FIELDS[part]) if part in FIELDS else str(part)
            label = f"{label} · {name}" if label else name
    if label:
        parts.append(label)
    return " · ".join(parts) if parts else _t(T["script"])


def message_text(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str | None:
    """One pydantic error as a translated sentence, or None for a kind not worded here."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    last = loc[-1] if loc else None
    if kind == "missing":
        return _t(T[f"missing_{last}"]) if last in ("en", "ar") else _t(T["missing"])
    if kind == "string_too_short":
        return _t(T[f"empty_{last}"]) if last in ("en", "ar") else _t(T["empty"])
    if kind == "string_too_long":
        return _t(T["too_long"], int(ctx.get("max_length", 0)))
    if kind == "string_pattern_mismatch":
        return _t(T["pattern_step"] if loc[:1] == ("steps",) else T["pattern"])
    if kind in ("greater_than_equal", "greater_than"):
        return _t(
            T["at_least"] if "ge" in ctx else T["more_than"], value, ctx.get("ge", ctx.get("gt"))
        )
    if kind in ("less_than_equal", "less_than"):
        return _t(T["at_most"], value, ctx.get("le", ctx.get("lt")))
    if kind == "too_short":
        return _t(T["one_entry"])
    if kind == "script_rule" and ctx.get("rule") in _RULES:
        return _t(_RULES[ctx["rule"]], *ctx.get("values", ()))
    return None


def script_problems(data: dict[str, Any], fallback: list[str]) -> list[str]:
    """Translated ``location: message`` lines for ``data`` (the editor's document).

    ``fallback`` holds the loader's own lines in the same order as pydantic's errors;
    a kind not worded here keeps the loader's line. The document goes through the
    same YAML round trip as the loader, so the errors are the loader's errors.
    """
    try:
        Script.model_validate(yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)))
    except ValidationError as exc:
        errors = exc.errors()
    else:
        return fallback
    if len(errors) != len(fallback):  # not the same failure: trust the loader's words
        return fallback
    out = []
    for err, core in zip(errors, fallback):
        loc = tuple(err["loc"]) + tuple((err.get("ctx") or {}).get("loc", ()))
        sentence = message_text(err, loc)
        out.append(f"{location_text(loc)}: {sentence}" if sentence else core)
    return out
