"""The session-script schema (``format: 1``) as pydantic v2 models.

A script is what the facilitator follows in the room: ordered steps, each with
words to say, private notes and a planned length. The schema is strict
(``extra="forbid"``) so a misspelt field is reported instead of silently ignored,
and every human-facing text must exist in both English and Arabic because a group
may be run in either language. Rules that span several fields (unique step ids,
minutes adding up, rounds needing a per-speaker time) live in one model validator
that reports *where* the problem is, so the loader can name the exact YAML line.

Loading YAML text into these models, with line numbers in every error, is
:mod:`facilitator.scripts.loader`.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Annotated, Any, Literal, Optional, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from facilitator.errors import Text as Sentence
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path

FORMAT_VERSION = 1
MAX_TEXT = 20_000
MAX_TITLE = 200
MIN_TOTAL_MINUTES = 10
MAX_TOTAL_MINUTES = 480

StepKind = Literal[
    "welcome",
    "ground_rules",
    "check_in",
    "round",
    "discussion",
    "skill_practice",
    "reading",
    "break",
    "check_out",
    "closing",
    "safety_check",
]
ProgramType = Literal[
    "mutual_support",
    "grief",
    "anxiety",
    "recovery",
    "chronic_illness",
    "first_responder",
    "trauma",
    "veterans",
    "school_listening",
    "peer_mediation",
    "caregivers",
    "general",
]

#: The same names as tuples, for messages and menus.
STEP_KINDS: tuple[str, ...] = get_args(StepKind)
PROGRAM_TYPES: tuple[str, ...] = get_args(ProgramType)

ScriptId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
StepId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$")]
PhaseId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


@functools.lru_cache(maxsize=1)
def known_ruleset_ids() -> frozenset[str]:
    """Ids of the built-in ground-rule sets in ``resources/rules``.

    A script names the rule set its ground_rules step reviews; a typo there would only
    show up in the room, when the rules screen cannot be filled, so the schema checks it.
    Read here: :mod:`facilitator.session.rules` sits a layer above this package.
    """
    import yaml

    ids = set()
    for path in sorted(resource_path("rules").glob("*.yaml")):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return frozenset(ids)


def _rule_error(
    message: Sentence, loc: tuple[Any, ...] = (), rule: str = "", values: tuple[Any, ...] = ()
) -> PydanticCustomError:
    """A cross-field error that carries the path of the offending field.

    Pydantic gives model-level errors the model's own location; the loader reads
    ``ctx['loc']`` to point at the exact field instead. ``rule`` names the rule and
    ``values`` are what the sentence quotes, so the script editor words it in the
    interface language from the key, never by reading the English ``message`` back.
    """
    return PydanticCustomError(
        "script_rule", "{detail}", {"detail": message, "loc": loc, "rule": rule, "values": values}
    )


class Text(_Strict):
    """A human-facing text in both languages; neither may be empty, and neither may
    hold control or direction-override characters (the one check every typed text
    passes: :func:`facilitator.textcheck.check_text`)."""

    en: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
    ar: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]

    @field_validator("en", "ar")
    @classmethod
    def _no_controls(cls, value: str) -> str:
        return _typed_text(value, multiline=True)

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


def _typed_text(value: str, *, multiline: bool) -> str:
    """Refuse control and direction-override characters; the text itself is kept as
    written (normalising it would change the script's content hash)."""
    from facilitator.errors import InputError
    from facilitator.textcheck import check_text

    try:
        check_text(
            value, QT_TRANSLATE_NOOP("problems", "The text"), limit=10**9, multiline=multiline
        )
    except InputError as exc:  # its template and parameters, for the loader to word
        raise PydanticCustomError(
            "typed_text", "{detail}", {"detail": Sentence(exc.template, **exc.params)}
        ) from None
    return value


class Title(Text):
    """A title (of a script or a step): one line, at most :data:`MAX_TITLE` characters
    in each language, so it fits a heading, a table cell and a page header."""

    en: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]
    ar: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]

    @field_validator("en", "ar")
    @classmethod
    def _no_controls(cls, value: str) -> str:
        return _typed_text(value, multiline=False)


class GroupSize(_Strict):
    min: int = Field(ge=1, le=200, strict=True)
    max: int = Field(ge=1, le=200, strict=True)

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP("problems", "min ({min}) is larger than max ({max})"),
                    min=self.min,
                    max=self.max,
                ),
                ("min",),
                "group_size_order",
                (self.min, self.max),
            )
        return self


class Options(_Strict):
    no_notes: bool = Field(default=False, strict=True)
    series_position: Literal["any", "first", "last"] = "any"


class Step(_Strict):
    id: StepId
    kind: StepKind
    title: Title
    # strict: a YAML ``true`` or "10" is not a number of minutes, and ``1`` is not a yes
    minutes: int = Field(ge=1, le=240, strict=True)
    min_minutes: Optional[int] = Field(default=None, ge=1, le=240, strict=True)
    mandatory: bool = Field(default=False, strict=True)
    say: Text
    notes: Optional[Text] = None
    prompts: list[Text] = Field(default_factory=list, max_length=50)
    outcome: Optional[Literal["pre", "post"]] = None
    speaker_minutes: Optional[float] = Field(
        default=None, gt=0, le=30, strict=True, allow_inf_nan=False
    )
    phase: Optional[PhaseId] = None  # e.g. defusing phases: introduction/exploration/information

    @model_validator(mode="after")
    def _step_rules(self) -> Step:
        if self.min_minutes is not None and self.min_minutes > self.minutes:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "problems", "min_minutes ({floor}) is more than minutes ({minutes})"
                    ),
                    floor=self.min_minutes,
                    minutes=self.minutes,
                ),
                ("min_minutes",),
                "floor_over_minutes",
                (self.min_minutes, self.minutes),
            )
        if self.kind == "round" and self.speaker_minutes is None:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "problems", "a round step needs speaker_minutes (minutes per speaker)"
                    )
                ),
                ("kind",),
                "round_needs_speaker_minutes",
            )
        if self.kind != "round" and self.speaker_minutes is not None:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP("problems", "speaker_minutes is only allowed on round steps")
                ),
                ("speaker_minutes",),
                "speaker_minutes_on_round_only",
            )
        if self.speaker_minutes is not None and self.speaker_minutes > self.minutes:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP("problems", "speaker_minutes is longer than the whole step")
                ),
                ("speaker_minutes",),
                "speaker_minutes_over_step",
            )
        return self

    @property
    def floor_minutes(self) -> float:
        """The shortest this step may be squeezed to by the engine's recovery plan."""
        if self.mandatory:
            return float(self.minutes)
        if self.min_minutes is not None:
            return float(self.min_minutes)
        return max(1.0, self.minutes / 2)


class Script(_Strict):
    format: Literal[1]
    id: ScriptId
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z.+-]{1,32}$")]
    title: Title
    summary: Text
    program_type: ProgramType
    audience: Text
    duration_minutes: int = Field(ge=MIN_TOTAL_MINUTES, le=MAX_TOTAL_MINUTES, strict=True)
    group_size: GroupSize
    ground_rules: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
    options: Options = Field(default_factory=Options)
    steps: list[Step] = Field(min_length=1, max_length=100)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        # ``version: 1.0`` in YAML is a float; accept it as the text the author meant.
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("ground_rules")
    @classmethod
    def _known_ruleset(cls, value: str) -> str:
        known = known_ruleset_ids()
        if value not in known:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "there is no ground-rule set called '{value}'; use one of: {known}",
                    ),
                    value=value,
                    known=", ".join(sorted(known)),
                ),
                rule="unknown_ruleset",
                values=(value,),
            )
        return value

    @model_validator(mode="after")
    def _script_rules(self) -> Script:
        seen: dict[str, int] = {}
        for i, step in enumerate(self.steps):
            if step.id in seen:
                raise _rule_error(
                    Sentence(
                        QT_TRANSLATE_NOOP("problems", "step id '{id}' is already used by step {n}"),
                        id=step.id,
                        n=seen[step.id] + 1,
                    ),
                    ("steps", i, "id"),
                    "duplicate_step_id",
                    (step.id, seen[step.id] + 1),
                )
            seen[step.id] = i
        for i, step in enumerate(self.steps):
            # A round must at least hold the smallest group it is written for; a plan
            # that cannot is discovered mid-session, when it is too late to fix.
            if (
                step.speaker_minutes is not None
                and step.speaker_minutes * self.group_size.min > step.minutes + 1e-9
            ):
                raise _rule_error(
                    Sentence(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "the round is {minutes} minutes but {speakers} speakers "
                            "(group_size.min) at {each} minutes each need {need}",
                        ),
                        minutes=step.minutes,
                        speakers=self.group_size.min,
                        each=f"{step.speaker_minutes:g}",
                        need=f"{step.speaker_minutes * self.group_size.min:g}",
                    ),
                    ("steps", i, "minutes"),
                    "round_too_short",
                    (
                        step.minutes,
                        self.group_size.min,
                        step.speaker_minutes,
                        step.speaker_minutes * self.group_size.min,
                    ),
                )
        total = sum(s.minutes for s in self.steps)
        if total != self.duration_minutes:
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the steps add up to {total} minutes but duration_minutes is "
                        "{duration}; make them match",
                    ),
                    total=total,
                    duration=self.duration_minutes,
                ),
                ("duration_minutes",),
                "duration_mismatch",
                (total, self.duration_minutes),
            )
        if self.options.series_position != "last" and not any(
            s.kind == "ground_rules" for s in self.steps
        ):
            raise _rule_error(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the script has no ground_rules step; every session except a "
                        "series' last one reviews the ground rules",
                    )
                ),
                ("steps",),
                "no_ground_rules_step",
            )
        return self

    @functools.cached_property
    def fingerprint(self) -> str:
        """sha256 of the canonical JSON of the validated script (stored on sessions).

        Defaults are left out, so writing ``mandatory: false`` or omitting it gives the
        same fingerprint, and adding an optional field to the schema later does not
        change the fingerprint of every existing script.
        """
        return content_hash(self.model_dump(mode="json", exclude_defaults=True))

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    def texts(self) -> list[tuple[str, Text]]:
        """Every bilingual text with a dotted path, for completeness checks and search."""
        out: list[tuple[str, Text]] = [
            ("title", self.title),
            ("summary", self.summary),
            ("audience", self.audience),
        ]
        for i, s in enumerate(self.steps):
            out += [(f"steps[{i}].title", s.title), (f"steps[{i}].say", s.say)]
            if s.notes is not None:
                out.append((f"steps[{i}].notes", s.notes))
            out += [(f"steps[{i}].prompts[{j}]", p) for j, p in enumerate(s.prompts)]
        return out


def canonical_json(data: Any) -> str:
    """One stable text form for hashing: sorted keys, no spacing, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
