"""Ground rules: the built-in bilingual rule set, a group's additions, and agreement.

Groups own their agreement: they may add rules or reword one in their own words
(``Group.extra_rules``, a reworded rule reuses the built-in id). What the session
records is the sha256 of exactly the rules that were on the screen when the group
agreed, so a supervisor can later tell which wording was in force.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError, ScriptError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.scripts.model import Text, content_hash
from facilitator.store.models import RulesAgreement, Session

CORE_ID = "core-v1"


class _RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    title: Text
    text: Text
    short: Optional[Text] = None


class _RuleSetModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    version: str
    title: Text
    rules: list[_RuleModel]


@dataclass(frozen=True)
class Rule:
    id: str
    title: dict[str, str]
    text: dict[str, str]
    short: dict[str, str]
    custom: bool = False  # added or reworded by the group

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "text": self.text, "short": self.short}


@dataclass(frozen=True)
class RuleSet:
    id: str
    version: str
    title: dict[str, str]
    rules: tuple[Rule, ...]

    @property
    def customised(self) -> bool:
        return any(r.custom for r in self.rules)

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def content_hash(self) -> str:
        return ruleset_hash(self.rules)


def _rule(m: _RuleModel, custom: bool) -> Rule:
    short = m.short or m.title
    return Rule(
        id=m.id,
        title=m.title.model_dump(),
        text=m.text.model_dump(),
        short=short.model_dump(),
        custom=custom,
    )


@functools.lru_cache(maxsize=4)
def load_ruleset(ruleset_id: str = CORE_ID) -> RuleSet:
    """A built-in rule set from ``resources/rules``; only ``core-v1`` ships today."""
    path = resource_path("rules", "core.yaml")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    try:
        model = _RuleSetModel.model_validate(data)
    except ValidationError as exc:  # a packaging bug, reported plainly
        raise ScriptError(
            QT_TRANSLATE_NOOP("errors", "the built-in ground rules are invalid: {problem}"),
            path=str(path),
            params={"problem": exc.errors()[0]["msg"]},
        ) from None
    if model.id != ruleset_id:
        raise ScriptError(
            QT_TRANSLATE_NOOP("errors", "there is no ground-rule set called '{ruleset_id}'"),
            params={"ruleset_id": ruleset_id},
        )
    return RuleSet(
        id=model.id,
        version=model.version,
        title=model.title.model_dump(),
        rules=tuple(_rule(r, False) for r in model.rules),
    )


def parse_extra_rules(extra: Iterable[Any]) -> list[Rule]:
    """Validate a group's added or reworded rules.

    Each is a mapping ``{id, title, text[, short]}``, or a plain line of text as the
    group form stores it: that becomes an added rule ``group-N`` (N its position) whose
    title and text are the group's own words, the same in both languages, since the
    group wrote it in the language it meets in.
    """
    out: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(extra or []):
        if isinstance(item, str):
            if not item.strip():
                continue
            words = {"en": item.strip(), "ar": item.strip()}
            item = {"id": f"group-{i + 1}", "title": words, "text": words}
        if isinstance(item, dict) and item.get("id") in seen:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors", "Group rule {n}: id: '{id}' is used by another of the group's rules"
                ),
                params={"n": i + 1, "id": item["id"]},
            )
        try:
            out.append(_rule(_RuleModel.model_validate(item), True))
            seen.add(out[-1].id)
        except ValidationError as exc:
            from facilitator.scripts.loader import _field_name, _plain

            err = exc.errors()[0]
            loc = tuple(err["loc"])
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "Group rule {n}: {field}: {problem}"),
                params={"n": i + 1, "field": _field_name(loc), "problem": _plain(err, loc)},
            ) from None
    return out


def effective_rules(group: Any = None, base: RuleSet | None = None) -> RuleSet:
    """The base set with the group's rewordings applied in place and additions appended.

    ``group`` is a :class:`~facilitator.store.models.Group`, a list of extra-rule
    mappings, or ``None`` for the plain built-in set.
    """
    base = base or load_ruleset(CORE_ID)
    extra = group if isinstance(group, (list, tuple)) else getattr(group, "extra_rules", None)
    overrides = {r.id: r for r in parse_extra_rules(extra or [])}
    rules = [overrides.pop(r.id, r) for r in base.rules]
    rules += list(overrides.values())
    return RuleSet(id=base.id, version=base.version, title=base.title, rules=tuple(rules))


def ruleset_hash(rules: RuleSet | Iterable[Rule]) -> str:
    """sha256 of the canonical JSON of the rules, in order, in both languages."""
    items = rules.rules if isinstance(rules, RuleSet) else rules
    return content_hash([r.as_dict() for r in items])


def record_agreement(
    db_session: OrmSession, session_id: str, rules: RuleSet, agreed: bool = True
) -> RulesAgreement:
    """Record that the group reviewed ``rules`` in this session and whether it agreed."""
    if db_session.get(Session, session_id) is None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "That session does not exist, so the agreement cannot be recorded."
            )
        )
    version = rules.version + ("+group" if rules.customised else "")
    row = RulesAgreement(
        session_id=session_id,
        ruleset_id=rules.id,
        ruleset_version=version,
        content_hash=ruleset_hash(rules),
        agreed=bool(agreed),
    )
    db_session.add(row)
    db_session.flush()
    return row
