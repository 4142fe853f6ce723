"""Outcome measures: the built-in check-in rating and WHO-5, plus custom measures.

Built-in definitions live as YAML in ``resources/measures`` and are copied into
``MeasureDefinition`` rows on demand (:func:`ensure_builtin_measures` is idempotent
and refreshes a row when the shipped version changes). A response either carries a
value or is a "pass": ``passed=True`` with ``value`` NULL, which every analysis skips
rather than scoring it as a middle value.

WHO-5 scoring follows the published rules: five items 0-5, raw 0-25, times 4 gives
0-100; a raw score below 13 marks poor wellbeing and a 10-point change is
meaningful. A low score only ever produces a prompt for the facilitator to offer
support options; this app never labels anyone with a condition.
"""

from __future__ import annotations

import functools
import re
import uuid
from dataclasses import dataclass
from typing import Any, Sequence

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP, pick
from facilitator.resources import resource_path
from facilitator.store.models import (
    Group,
    MeasureDefinition,
    MeasureResponse,
    Participant,
    Phase,
    Session,
    SessionStatus,
)
from facilitator.tracking.attendance import session_when

BUILTIN_KEYS = ("checkin10", "who5")
CHECKIN = "checkin10"
WHO5 = "who5"
WHO5_POOR_BELOW_RAW = 13
WHO5_MEANINGFUL_CHANGE = 10
WHO5_EVERY = 4
_NAMESPACE = uuid.UUID("5f0c3a52-7a8e-4d0e-9a53-0b1c6e2f4d11")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")

WHO5_SIGNPOST = {
    "en": QT_TRANSLATE_NOOP(
        "Measures",
        "This WHO-5 score is in the low range. Consider a quiet, private word after the "
        "group: ask how things are, and offer the support options on your resource list. "
        "This is a prompt to check in, not a diagnosis.",
    ),
    "ar": (
        "نتيجة مؤشر WHO-5 هذه ضمن النطاق المنخفض. فكّر في حديث هادئ وخاص بعد انتهاء "
        "المجموعة: اسأل عن الأحوال، واعرض خيارات الدعم الموجودة في قائمة الموارد لديك. "
        "هذه دعوة للاطمئنان، وليست تشخيصًا."
    ),
}
WHO5_DROP = {
    "en": QT_TRANSLATE_NOOP(
        "Measures",
        "This WHO-5 score is 10 or more points lower than last time. It may be worth a "
        "private check-in and a reminder of the support options on your resource list.",
    ),
    "ar": (
        "نتيجة مؤشر WHO-5 هذه أقل بعشر نقاط أو أكثر من المرة السابقة. قد يكون من المفيد "
        "الاطمئنان على الشخص على انفراد وتذكيره بخيارات الدعم الموجودة في قائمة الموارد."
    ),
}


@functools.lru_cache(maxsize=4)
def builtin_spec(key: str) -> dict[str, Any]:
    """The shipped YAML definition of a built-in measure."""
    if key not in BUILTIN_KEYS:
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "'{key}' is not a built-in measure."), params={"key": key}
        )
    with open(resource_path("measures", f"{key}.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def builtin_measure_id(key: str) -> str:
    """The same id for a built-in measure on every machine, so stores can be merged."""
    return uuid.uuid5(_NAMESPACE, f"facilitator.measure.{key}").hex


def ensure_builtin_measures(s: OrmSession) -> dict[str, MeasureDefinition]:
    """Make sure each built-in measure has its row; safe to call any number of times.

    When the shipped YAML version changes the row is refreshed from it, but an
    organisation's own wording (``spec["override"]``, see :func:`set_builtin_wording`)
    is carried over: it is the organisation's data, not ours to replace.
    """
    existing = {
        m.key: m
        for m in s.scalars(select(MeasureDefinition).where(MeasureDefinition.key.in_(BUILTIN_KEYS)))
    }
    for key in BUILTIN_KEYS:
        spec = builtin_spec(key)
        row = existing.get(key)
        if row is None:
            row = MeasureDefinition(
                id=builtin_measure_id(key),
                key=key,
                title=dict(spec["title"]),
                spec=spec,
                builtin=True,
            )
            s.add(row)
            existing[key] = row
        elif row.spec.get("version") != spec.get("version"):
            override = (row.spec or {}).get("override")
            merged = _with_override(spec, override) if override else spec
            row.title, row.spec = _title_of(merged), merged
    s.flush()
    return existing


def get_measure(s: OrmSession, key: str) -> MeasureDefinition:
    if key in BUILTIN_KEYS:
        return ensure_builtin_measures(s)[key]
    m = s.scalars(select(MeasureDefinition).where(MeasureDefinition.key == key)).first()
    if m is None:
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "There is no measure called '{key}'."),
            params={"key": key},
        )
    return m


def is_retired(m: MeasureDefinition) -> bool:
    return bool((m.spec or {}).get("retired"))


def _with_override(spec: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """The shipped spec with the organisation's wording attached (not merged in place,
    so the shipped text stays readable beside it)."""
    return {**spec, "override": override, "translation_status": "organisation"}


def _title_of(spec: dict[str, Any]) -> dict[str, str]:
    title = dict(spec["title"])
    for lang, words in (spec.get("override") or {}).items():
        if isinstance(words, dict) and words.get("title"):
            title[lang] = words["title"]
    return title


def who5_raw(items: Sequence[int]) -> int:
    """Raw WHO-5 score 0-25 from five item answers 0-5."""
    if len(items) != 5:
        raise InputError(QT_TRANSLATE_NOOP("Measures", "WHO-5 has exactly five items."))
    for v in items:
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 5:
            raise InputError(
                QT_TRANSLATE_NOOP("Measures", "Each WHO-5 answer is a whole number from 0 to 5.")
            )
    return sum(items)


def who5_percent(items: Sequence[int]) -> int:
    return who5_raw(items) * 4


def who5_is_poor(percent: float) -> bool:
    """Raw below 13 (i.e. below 52 on the 0-100 scale) marks poor wellbeing."""
    return percent < WHO5_POOR_BELOW_RAW * 4


def who5_prompt(percent: float, lang: str, previous: float | None = None) -> str | None:
    """A signposting prompt for the facilitator, or None when nothing stands out."""
    if who5_is_poor(percent):
        return pick(WHO5_SIGNPOST, lang)
    if previous is not None and previous - percent >= WHO5_MEANINGFUL_CHANGE:
        return pick(WHO5_DROP, lang)
    return None


def _validate_value(m: MeasureDefinition, value: float) -> float:
    spec = m.spec
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(QT_TRANSLATE_NOOP("Measures", "A score must be a number."))
    lo, hi = float(spec.get("min", 0)), float(spec.get("max", 10))
    if not lo <= value <= hi:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Measures", "A score for this measure must be between {lo} and {hi}."
            ),
            params={"lo": f"{lo:g}", "hi": f"{hi:g}"},
        )
    if m.key == CHECKIN and value != int(value):
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "The check-in rating is a whole number from 0 to 10.")
        )
    step = float(spec.get("step") or 0)
    if not m.builtin and step > 0:
        # an answer lies on the measure's own scale (0, 2, 4 ... for a step of 2)
        points = (value - lo) / step
        if abs(points - round(points)) > 1e-9 * max(1.0, abs(points)):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "Measures",
                    "A score for this measure goes from {lo} to {hi} in steps of {step}; {value} is not one of them.",
                ),
                params={
                    "lo": f"{lo:g}",
                    "hi": f"{hi:g}",
                    "step": f"{step:g}",
                    "value": f"{value:g}",
                },
            )
    return float(value)


def record_response(
    s: OrmSession,
    session_id: str,
    participant_id: str,
    measure_key: str,
    phase: Phase | str,
    *,
    value: float | None = None,
    passed: bool = False,
    items: Sequence[int] | None = None,
) -> MeasureResponse:
    """Store (or replace) one answer. A pass stores no value and is never scored."""
    m = get_measure(s, measure_key)
    try:
        phase = Phase(phase)
    except ValueError:
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "Unknown phase '{phase}'."), params={"phase": phase}
        ) from None
    allowed = m.spec.get("phases") or ["pre", "post", "single"]
    if phase.value not in allowed:
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "This measure is not asked at the '{value}' point."),
            params={"value": phase.value},
        )
    sess = s.get(Session, session_id)
    participant = s.get(Participant, participant_id)
    if sess is None or participant is None or participant.group_id != sess.group_id:
        raise InputError(
            QT_TRANSLATE_NOOP("Measures", "That participant is not in this session's group.")
        )
    if (
        is_retired(m)
        and s.scalars(
            select(MeasureResponse.id).where(
                MeasureResponse.session_id == session_id, MeasureResponse.measure_id == m.id
            )
        ).first()
        is None
    ):
        # answers already in a session may still be corrected; no new session starts it
        raise InputError(
            QT_TRANSLATE_NOOP(
                "Measures", "The measure '{key}' is retired and is not asked any more."
            ),
            params={"key": m.key},
        )
    stored_items: list[int] | None = None
    if passed:
        if value is not None or items:
            raise InputError(QT_TRANSLATE_NOOP("Measures", "A pass carries no score."))
        stored = None
    elif m.key == WHO5:
        if items is None:
            raise InputError(QT_TRANSLATE_NOOP("Measures", "WHO-5 needs all five answers."))
        stored_items = list(items)
        stored = float(who5_percent(stored_items))
    else:
        if value is None:
            raise InputError(QT_TRANSLATE_NOOP("Measures", "Give a score or choose 'pass'."))
        stored = _validate_value(m, value)
    row = s.scalars(
        select(MeasureResponse).where(
            MeasureResponse.session_id == session_id,
            MeasureResponse.participant_id == participant_id,
            MeasureResponse.measure_id == m.id,
            MeasureResponse.phase == phase,
        )
    ).first()
    if row is None:
        row = MeasureResponse(
            session_id=session_id, participant_id=participant_id, measure_id=m.id, phase=phase
        )
        s.add(row)
    row.value, row.passed, row.items = stored, passed, stored_items
    s.flush()
    return row


def _ref(s: OrmSession, model: type, ref: Any) -> Any:
    return ref if isinstance(ref, model) else s.get(model, ref)


def who5_due(
    s: OrmSession, group: Group | str, session: Session | str | None = None, every: int = WHO5_EVERY
) -> bool:
    """Is WHO-5 due at ``session`` (default: the group's next session)?

    It is offered at a group's first real session and then whenever ``every - 1``
    real sessions have passed since the last one that collected it (so sessions 1,
    5, 9, ... with the default of 4). Practice sessions neither count nor collect.
    """
    found: Group | None = _ref(s, Group, group)
    if found is None:
        raise InputError(QT_TRANSLATE_NOOP("Measures", "That group does not exist."))
    target = _ref(s, Session, session) if session is not None else None
    if target is not None and target.is_practice:
        return False
    m = ensure_builtin_measures(s)[WHO5]
    sessions = [
        x
        for x in s.scalars(
            select(Session).where(Session.group_id == found.id, Session.is_practice.is_(False))
        )
        if (target is None or x.id != target.id)
        and x.status not in (SessionStatus.planned, SessionStatus.abandoned)
    ]
    if target is not None:
        cutoff = session_when(target)
        sessions = [x for x in sessions if session_when(x) < cutoff]
    sessions.sort(key=lambda x: (session_when(x), x.id))
    collected = set(
        s.scalars(
            select(MeasureResponse.session_id).where(
                MeasureResponse.measure_id == m.id,
                MeasureResponse.session_id.in_([x.id for x in sessions]),
            )
        )
    )
    since = 0
    for x in reversed(sessions):
        if x.id in collected:
            return since >= every - 1
        since += 1
    return True


def who5_previous(s: OrmSession, participant_id: str, session_id: str) -> float | None:
    """This participant's last WHO-5 score (0-100) from a real session before
    ``session_id``, or None. Run mode uses it to notice a meaningful drop."""
    target = s.get(Session, session_id)
    if target is None:
        raise InputError(QT_TRANSLATE_NOOP("Measures", "That session does not exist."))
    m = ensure_builtin_measures(s)[WHO5]
    cutoff = session_when(target)
    rows = s.execute(
        select(MeasureResponse.value, Session)
        .join(Session, Session.id == MeasureResponse.session_id)
        .where(
            MeasureResponse.participant_id == participant_id,
            MeasureResponse.measure_id == m.id,
            MeasureResponse.passed.is_(False),
            MeasureResponse.value.is_not(None),
            Session.is_practice.is_(False),
            Session.id != session_id,
        )
    ).all()
    earlier = [
        (session_when(sess), sess.id, value) for value, sess in rows if session_when(sess) < cutoff
    ]
    return max(earlier)[2] if earlier else None


@dataclass(frozen=True)
class MeasureText:
    """What a person filling in a built-in questionnaire reads, in one language.

    ``status`` says where the wording comes from: "published" (the instrument's own
    text), "unverified" (this project's rendering, not yet checked against the
    published translation) or "organisation" (supplied by the organisation).
    """

    key: str
    lang: str
    title: str
    instructions: str
    items: tuple[str, ...]
    choices: tuple[tuple[int, str], ...]  # (value, label), highest first
    attribution: str
    status: str


def measure_text(spec: dict[str, Any], lang: str) -> MeasureText:
    """The questionnaire text of a measure spec (a row's ``spec`` or :func:`builtin_spec`).

    English is always the published wording; the other language carries the spec's
    ``translation_status``, or "organisation" when the row holds an organisation's
    own wording for that language (:func:`set_builtin_wording`), which then replaces
    the shipped text. Pass the row's spec (``get_measure(s, "who5").spec``) to see it.
    """

    def tr(d: Any) -> str:
        return pick(d, lang) if isinstance(d, dict) else str(d or "")

    status = "published" if lang == "en" else str(spec.get("translation_status") or "unverified")
    own = (spec.get("override") or {}).get(lang) if lang != "en" else None
    text = MeasureText(
        key=str(spec.get("key")),
        lang=lang,
        title=tr(spec.get("title")),
        instructions=tr(spec.get("instructions")),
        items=tuple(tr(i["text"]) for i in spec.get("items") or ()),
        choices=tuple((int(c["value"]), tr(c["label"])) for c in spec.get("choices") or ()),
        attribution=tr(spec.get("attribution")),
        status=status,
    )
    if not isinstance(own, dict):
        return text
    values = [v for v, _ in sorted(text.choices, reverse=True)]
    labels = list(own.get("choices") or ())
    return MeasureText(
        key=text.key,
        lang=lang,
        title=own.get("title") or text.title,
        instructions=own.get("instructions") or text.instructions,
        items=tuple(own.get("items") or text.items),
        choices=(tuple(zip(values, labels)) if len(labels) == len(values) else text.choices),
        attribution=" ".join(x for x in (text.attribution, own.get("source")) if x),
        status="organisation",
    )


def stored_text(s: OrmSession, key: str, lang: str) -> MeasureText:
    """The questionnaire text as this store holds it (an organisation's wording
    included), in ``lang``: what the app's forms and the CLI print."""
    return measure_text(dict(get_measure(s, key).spec), lang)
