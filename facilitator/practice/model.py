"""The practice-scenario schema (``format: 1``) as pydantic v2 models.

A scenario extends a session script: it names the script it runs on (``script``) and
adds simulated participants, events, decision points and critical actions. It is
validated as strictly as a script (``extra="forbid"``, strict numbers, cross-field
rules that name the offending field so the loader can give its line). Texts are
bilingual like a script's, with one difference: a *draft* scenario may leave the
Arabic (or English) empty while it is being translated; a *reviewed* one may not,
and the checker reports every missing translation. Every text has a stable id built
from the ids around it (``decision.d1.option.b.feedback``), so a translator can work
from a list of strings without touching the structure (:meth:`Scenario.strings`).
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal, Optional, Sequence

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from facilitator.errors import FacilitatorError, Text
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.scripts.model import Script, content_hash

FORMAT_VERSION = 1
MAX_TEXT = 5_000
STATE_MIN, STATE_MAX = 0, 10

Competency = Literal[
    "confidentiality",
    "boundaries",
    "safety_response",
    "group_dynamics",
    "peer_role",
    "listening_empathy",
    "time_keeping",
]

COMPETENCIES: tuple[Competency, ...] = (
    "confidentiality",
    "boundaries",
    "safety_response",
    "group_dynamics",
    "peer_role",
    "listening_empathy",
    "time_keeping",
)

EVENT_KINDS: tuple[str, ...] = (
    "says",
    "interrupts",
    "silent",
    "arrives_late",
    "leaves",
    "medical_advice",
    "risk_disclosure",
    "repeats_outside",
    "private_contact",
    "conflict",
)
EventKind = Literal[
    "says",
    "interrupts",
    "silent",
    "arrives_late",
    "leaves",
    "medical_advice",
    "risk_disclosure",
    "repeats_outside",
    "private_contact",
    "conflict",
]

STATE_VARS: tuple[str, ...] = ("trust", "distress", "engagement")
StateVar = Literal["trust", "distress", "engagement"]
DEFAULT_STATE = {"trust": 5, "distress": 3, "engagement": 5}

# A temperament shifts a participant's starting state; the engine draws one per
# participant from the scenario's choices with the attempt's seed.
TEMPERAMENTS: dict[str, dict[str, int]] = {
    "steady": {},
    "guarded": {"trust": -1, "engagement": -1},
    "open": {"trust": 1, "engagement": 1},
    "anxious": {"distress": 1},
    "irritable": {"distress": 1, "trust": -1},
}
Temperament = Literal["steady", "guarded", "open", "anxious", "irritable"]

RESULTS: tuple[str, ...] = ("not_yet", "developing", "competent")
Result = Literal["not_yet", "developing", "competent"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
ScenarioId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{0,11}$")]


EventTiming = tuple[int, Optional[str], float, Optional[float]]


def event_timing_problems(
    script: Script, events: Sequence[EventTiming]
) -> list[tuple[Text, tuple[Any, ...]]]:
    """Every event (index, step, after_minutes, minute) that does not fit ``script``:
    a step it does not have, a time past the step's or the session's end. The
    scenario's own rule, and the loader's when other fields failed first (so an author
    sees every misplaced event at once, not one per try)."""
    found: list[tuple[Text, tuple[Any, ...]]] = []
    steps = [s.id for s in script.steps]
    for i, step, after_minutes, minute in events:
        if step is not None and step not in steps:
            found.append(
                (
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "the script '{script}' has no step '{step}'; its steps are: {steps}",
                        ),
                        script=script.id,
                        step=step,
                        steps=", ".join(steps),
                    ),
                    ("events", i, "step"),
                )
            )
        elif step is not None and after_minutes >= script.steps[steps.index(step)].minutes:
            found.append(
                (
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "the step '{step}' lasts {minutes} minutes; after_minutes must be less",
                        ),
                        step=step,
                        minutes=script.steps[steps.index(step)].minutes,
                    ),
                    ("events", i, "after_minutes"),
                )
            )
        if minute is not None and minute >= script.total_minutes:
            found.append(
                (
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "the script lasts {minutes} minutes; the event's minute must be earlier",
                        ),
                        minutes=script.total_minutes,
                    ),
                    ("events", i, "minute"),
                )
            )
    return found


def _rule(message: Text, loc: tuple[Any, ...] = ()) -> PydanticCustomError:
    # The same error type as the script schema's cross-field rules, so the script
    # loader's machinery turns it into the same ``file:line: field: message``.
    return PydanticCustomError("script_rule", "{detail}", {"detail": message, "loc": loc})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class LText(_Strict):
    """A bilingual text; either side may be empty only in a draft."""

    en: Annotated[str, StringConstraints(max_length=MAX_TEXT)] = ""
    ar: Annotated[str, StringConstraints(max_length=MAX_TEXT)] = ""

    @model_validator(mode="after")
    def _some_text(self) -> LText:
        if not self.en and not self.ar:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "the text is empty in both languages; write at least the English",
                    )
                ),
                ("en",),
            )
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang``, or the other language while a translation is missing."""
        value = self.ar if lang == "ar" else self.en
        return value or self.en or self.ar

    def missing(self) -> list[str]:
        return [lang for lang in ("en", "ar") if not getattr(self, lang)]


@functools.lru_cache(maxsize=1)
def citable_ids() -> dict[str, frozenset[str]]:
    """What an option may cite: ``rule:<id>`` from the built-in rule sets and
    ``safety:<id>`` from the safety protocol's steps (read from ``resources/``)."""
    rules: set[str] = set()
    for path in sorted(resource_path("rules").glob("*.yaml")):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        for rule in (data or {}).get("rules", []) or []:
            if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                rules.add(rule["id"])
    with open(resource_path("safety", "protocol.yaml"), encoding="utf-8") as f:
        protocol = yaml.safe_load(f) or {}
    steps = {s["id"] for s in protocol.get("steps", []) if isinstance(s, dict) and "id" in s}
    return {"rule": frozenset(rules), "safety": frozenset(steps)}


class StateChange(_Strict):
    who: Code
    var: StateVar
    delta: int = Field(ge=-10, le=10, strict=True)


class Condition(_Strict):
    who: Code
    var: StateVar
    op: Literal[">=", "<=", "==", ">", "<"]
    value: int = Field(strict=True)

    def holds(self, state: dict[str, dict[str, int]]) -> bool:
        current = state[self.who][self.var]
        return {
            ">=": current >= self.value,
            "<=": current <= self.value,
            "==": current == self.value,
            ">": current > self.value,
            "<": current < self.value,
        }[self.op]

    def possible(self) -> bool:
        """False when no value in the state's range 0..10 can satisfy it."""
        return any(self.holds({self.who: {self.var: v}}) for v in range(STATE_MIN, STATE_MAX + 1))


class State(_Strict):
    trust: int = Field(default=DEFAULT_STATE["trust"], ge=STATE_MIN, le=STATE_MAX, strict=True)
    distress: int = Field(
        default=DEFAULT_STATE["distress"], ge=STATE_MIN, le=STATE_MAX, strict=True
    )
    engagement: int = Field(
        default=DEFAULT_STATE["engagement"], ge=STATE_MIN, le=STATE_MAX, strict=True
    )


def _default_temperaments() -> list[Temperament]:
    return ["steady"]


class Participant(_Strict):
    code: Code
    persona: LText
    tendencies: LText
    state: State = Field(default_factory=State)
    temperaments: list[Temperament] = Field(
        default_factory=_default_temperaments, min_length=1, max_length=5
    )


class Event(_Strict):
    id: Id
    # exactly one trigger: a step (and minutes into it), a session-clock minute, or a state
    step: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$")]] = None
    after_minutes: float = Field(default=0, ge=0, le=240, strict=True, allow_inf_nan=False)
    minute: Optional[float] = Field(default=None, ge=0, le=480, strict=True, allow_inf_nan=False)
    when: Optional[Condition] = None
    jitter_seconds: int = Field(default=0, ge=0, le=300, strict=True)
    who: Code
    kind: EventKind
    target: Optional[Code] = None
    text: LText
    cue: Optional[LText] = None
    changes: list[StateChange] = Field(default_factory=list, max_length=20)
    decision: Optional[Id] = None

    @model_validator(mode="after")
    def _one_trigger(self) -> Event:
        given = [name for name in ("step", "minute", "when") if getattr(self, name) is not None]
        if len(given) != 1:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "an event needs exactly one trigger: step, minute or when (found {found})",
                    ),
                    found=", ".join(given) or "-",
                ),
                ("id",),
            )
        if self.after_minutes and self.step is None:
            raise _rule(
                Text(QT_TRANSLATE_NOOP("problems", "after_minutes is only used with step")),
                ("after_minutes",),
            )
        if self.jitter_seconds and self.when is not None:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "jitter_seconds applies to step or minute triggers, not to when"
                    )
                ),
                ("jitter_seconds",),
            )
        if self.kind in ("conflict", "repeats_outside") and self.target is None:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "a '{kind}' event names the other member in target"
                    ),
                    kind=self.kind,
                ),
                ("target",),
            )
        return self


class Option(_Strict):
    id: Id
    text: LText
    feedback: LText
    cites: list[Annotated[str, StringConstraints(pattern=r"^(rule|safety):[a-z0-9_-]{1,64}$")]] = (
        Field(min_length=1, max_length=6)
    )
    scores: dict[Competency, Annotated[int, Field(ge=-3, le=3, strict=True)]] = Field(
        default_factory=dict
    )
    changes: list[StateChange] = Field(default_factory=list, max_length=20)
    performs: list[Id] = Field(default_factory=list, max_length=5)
    minutes: int = Field(default=0, ge=0, le=60, strict=True)
    next: Optional[Id] = None
    ends: bool = Field(default=False, strict=True)

    @field_validator("cites")
    @classmethod
    def _known_cites(cls, value: list[str]) -> list[str]:
        known = citable_ids()
        for i, cite in enumerate(value):
            kind, _, name = cite.partition(":")
            if name not in known[kind]:
                raise _rule(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems", "'{cite}' is not a ground rule; use one of: {choices}"
                        )
                        if kind == "rule"
                        else QT_TRANSLATE_NOOP(
                            "problems", "'{cite}' is not a safety step; use one of: {choices}"
                        ),
                        cite=cite,
                        choices=", ".join(kind + ":" + n for n in sorted(known[kind])),
                    ),
                    (i,),
                )
        return value

    @model_validator(mode="after")
    def _next_or_end(self) -> Option:
        if self.next is not None and self.ends:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "an option either leads to the next decision or ends the scenario, not both",
                    )
                ),
                ("ends",),
            )
        return self

    @property
    def total(self) -> int:
        return sum(self.scores.values())


class Decision(_Strict):
    id: Id
    prompt: LText
    coach: Optional[LText] = None
    safety_critical: bool = Field(default=False, strict=True)
    options: list[Option] = Field(min_length=3, max_length=4)

    @model_validator(mode="after")
    def _unique_options(self) -> Decision:
        seen = set()
        for i, opt in enumerate(self.options):
            if opt.id in seen:
                raise _rule(
                    Text(
                        QT_TRANSLATE_NOOP("problems", "option id '{id}' is used twice"), id=opt.id
                    ),
                    ("options", i, "id"),
                )
            seen.add(opt.id)
        if self.safety_critical and not any(
            o.scores.get("safety_response", 0) > 0 for o in self.options
        ):
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems",
                        "a safety-critical decision needs an option that scores safety_response above 0",
                    )
                ),
                ("safety_critical",),
            )
        return self

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)


class CriticalAction(_Strict):
    id: Id
    title: LText
    cap: Literal["not_yet", "developing"] = "not_yet"


class Metadata(_Strict):
    author: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    reviewer: Optional[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = None
    status: Literal["draft", "reviewed"]
    content_warnings: list[LText] = Field(default_factory=list, max_length=10)
    framework: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]

    @model_validator(mode="after")
    def _reviewed_has_reviewer(self) -> Metadata:
        if self.status == "reviewed" and self.reviewer is None:
            raise _rule(
                Text(QT_TRANSLATE_NOOP("problems", "a reviewed scenario names its reviewer")),
                ("status",),
            )
        return self


class Expectation(_Strict):
    scores: dict[Competency, Annotated[int, Field(strict=True)]] = Field(default_factory=dict)
    result: Result
    critical_missed: list[Id] = Field(default_factory=list)


class ReferencePath(_Strict):
    """A path an author has worked out by hand; the checker and the tests replay it."""

    id: Id
    seed: int = Field(default=1, ge=0, le=2**31 - 1, strict=True)
    choose: dict[Id, Id]
    expect: Expectation


class Scenario(_Strict):
    format: Literal[1]
    id: ScenarioId
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z.+-]{1,32}$")]
    script: ScenarioId
    title: LText
    summary: LText
    briefing: LText
    metadata: Metadata
    participants: list[Participant] = Field(min_length=3, max_length=8)
    events: list[Event] = Field(min_length=1, max_length=60)
    decisions: list[Decision] = Field(min_length=1, max_length=30)
    critical_actions: list[CriticalAction] = Field(default_factory=list, max_length=10)
    reference_paths: list[ReferencePath] = Field(default_factory=list, max_length=10)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value

    @model_validator(mode="after")
    def _against_script(self, info: ValidationInfo) -> Scenario:
        """With a ``resolve_script`` in the validation context: the script exists and
        every step an event names is one of its steps."""
        resolve = (info.context or {}).get("resolve_script")
        if resolve is None:
            return self
        try:
            script = resolve(self.script)
        except FacilitatorError:
            raise _rule(
                Text(
                    QT_TRANSLATE_NOOP("problems", "there is no session script '{script}'"),
                    script=self.script,
                ),
                ("script",),
            ) from None
        found = event_timing_problems(
            script, [(i, ev.step, ev.after_minutes, ev.minute) for i, ev in enumerate(self.events)]
        )
        if found:
            raise _rule(*found[0])
        return self

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        codes: dict[str, int] = {}
        for i, p in enumerate(self.participants):
            if p.code in codes:
                raise _rule(
                    Text(
                        QT_TRANSLATE_NOOP("problems", "participant code '{code}' is used twice"),
                        code=p.code,
                    ),
                    ("participants", i, "code"),
                )
            codes[p.code] = i
        decisions = {d.id: d for d in self.decisions}
        if len(decisions) != len(self.decisions):
            dup = next(
                d.id for d in self.decisions if sum(x.id == d.id for x in self.decisions) > 1
            )
            raise _rule(
                Text(QT_TRANSLATE_NOOP("problems", "decision id '{id}' is used twice"), id=dup),
                ("decisions",),
            )
        actions = {a.id for a in self.critical_actions}
        if len(actions) != len(self.critical_actions):
            raise _rule(
                Text(QT_TRANSLATE_NOOP("problems", "two critical actions share an id")),
                ("critical_actions",),
            )
        seen_events: set[str] = set()

        def check_changes(changes: list[StateChange], loc: tuple[Any, ...]) -> None:
            for k, ch in enumerate(changes):
                if ch.who not in codes:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP("problems", "there is no participant '{code}'"),
                            code=ch.who,
                        ),
                        loc + (k, "who"),
                    )

        for i, ev in enumerate(self.events):
            loc: tuple[Any, ...] = ("events", i)
            if ev.id in seen_events:
                raise _rule(
                    Text(QT_TRANSLATE_NOOP("problems", "event id '{id}' is used twice"), id=ev.id),
                    loc + ("id",),
                )
            seen_events.add(ev.id)
            for field in ("who", "target"):
                code = getattr(ev, field)
                if code is not None and code not in codes:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP("problems", "there is no participant '{code}'"),
                            code=code,
                        ),
                        loc + (field,),
                    )
            if ev.target is not None and ev.target == ev.who:
                raise _rule(
                    Text(QT_TRANSLATE_NOOP("problems", "target is the same participant as who")),
                    loc + ("target",),
                )
            if ev.when is not None:
                if ev.when.who not in codes:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP("problems", "there is no participant '{code}'"),
                            code=ev.when.who,
                        ),
                        loc + ("when", "who"),
                    )
                if not ev.when.possible():
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP(
                                "problems",
                                "the condition {condition} can never be true "
                                "(state runs from {low} to {high})",
                            ),
                            condition=f"{ev.when.var} {ev.when.op} {ev.when.value}",
                            low=STATE_MIN,
                            high=STATE_MAX,
                        ),
                        loc + ("when", "value"),
                    )
            if ev.decision is not None and ev.decision not in decisions:
                raise _rule(
                    Text(
                        QT_TRANSLATE_NOOP("problems", "there is no decision '{id}'"), id=ev.decision
                    ),
                    loc + ("decision",),
                )
            check_changes(ev.changes, loc + ("changes",))
        for i, d in enumerate(self.decisions):
            for j, opt in enumerate(d.options):
                loc = ("decisions", i, "options", j)
                if opt.next is not None and opt.next not in decisions:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP("problems", "there is no decision '{id}'"),
                            id=opt.next,
                        ),
                        loc + ("next",),
                    )
                if opt.next == d.id:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP(
                                "problems", "an option cannot lead back to its own decision"
                            )
                        ),
                        loc + ("next",),
                    )
                for k, act in enumerate(opt.performs):
                    if act not in actions:
                        raise _rule(
                            Text(
                                QT_TRANSLATE_NOOP("problems", "there is no critical action '{id}'"),
                                id=act,
                            ),
                            loc + ("performs", k),
                        )
                check_changes(opt.changes, loc + ("changes",))
        for i, ref in enumerate(self.reference_paths):
            for dec, opt_id in ref.choose.items():
                if dec not in decisions:
                    raise _rule(
                        Text(QT_TRANSLATE_NOOP("problems", "there is no decision '{id}'"), id=dec),
                        ("reference_paths", i, "choose"),
                    )
                if opt_id not in {o.id for o in decisions[dec].options}:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP(
                                "problems", "decision '{id}' has no option '{option}'"
                            ),
                            id=dec,
                            option=opt_id,
                        ),
                        ("reference_paths", i, "choose", dec),
                    )
            for act in ref.expect.critical_missed:
                if act not in actions:
                    raise _rule(
                        Text(
                            QT_TRANSLATE_NOOP("problems", "there is no critical action '{id}'"),
                            id=act,
                        ),
                        ("reference_paths", i, "expect", "critical_missed"),
                    )
        if self.metadata.status == "reviewed":
            missing = self.missing_translations()
            if missing:
                sid, lang = missing[0]
                raise _rule(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems",
                            "a reviewed scenario is complete in both languages; "
                            "'{id}' has no Arabic text ({count} missing in all)",
                        )
                        if lang == "ar"
                        else QT_TRANSLATE_NOOP(
                            "problems",
                            "a reviewed scenario is complete in both languages; "
                            "'{id}' has no English text ({count} missing in all)",
                        ),
                        id=sid,
                        count=len(missing),
                    ),
                    ("metadata", "status"),
                )
        return self

    # ---- lookups ------------------------------------------------------------------

    def decision(self, decision_id: str) -> Decision:
        for d in self.decisions:
            if d.id == decision_id:
                return d
        raise KeyError(decision_id)

    def participant(self, code: str) -> Participant:
        for p in self.participants:
            if p.code == code:
                return p
        raise KeyError(code)

    @functools.cached_property
    def fingerprint(self) -> str:
        return content_hash(self.model_dump(mode="json", exclude_defaults=True))

    # ---- strings for translators ---------------------------------------------------

    def strings(self) -> list[tuple[str, LText]]:
        """Every text with its stable id (built from element ids, never positions)."""
        out: list[tuple[str, LText]] = [
            ("title", self.title),
            ("summary", self.summary),
            ("briefing", self.briefing),
        ]
        out += [
            (f"metadata.content_warnings.{i + 1}", w)
            for i, w in enumerate(self.metadata.content_warnings)
        ]
        for p in self.participants:
            out += [
                (f"participant.{p.code}.persona", p.persona),
                (f"participant.{p.code}.tendencies", p.tendencies),
            ]
        for ev in self.events:
            out.append((f"event.{ev.id}.text", ev.text))
            if ev.cue is not None:
                out.append((f"event.{ev.id}.cue", ev.cue))
        for d in self.decisions:
            out.append((f"decision.{d.id}.prompt", d.prompt))
            if d.coach is not None:
                out.append((f"decision.{d.id}.coach", d.coach))
            for o in d.options:
                out += [
                    (f"decision.{d.id}.option.{o.id}.text", o.text),
                    (f"decision.{d.id}.option.{o.id}.feedback", o.feedback),
                ]
        out += [(f"critical.{a.id}.title", a.title) for a in self.critical_actions]
        return out

    def missing_translations(self) -> list[tuple[str, str]]:
        return [(sid, lang) for sid, text in self.strings() for lang in text.missing()]
