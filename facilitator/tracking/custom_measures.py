"""Organisation-defined measures and an organisation's own wording of a built-in one.

Split from :mod:`facilitator.tracking.measures` (which scores and records answers)
because everything here handles untrusted definition text: a title is typed once by
an organisation and then printed in every report, so it is checked at the source
(:func:`clean_title`) and again when shown (:func:`display_title`). Retiring keeps a
measure's answers; the flag lives in the ``spec`` JSON, so no migration is needed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP, pick
from facilitator.store.models import MeasureDefinition
from facilitator.textcheck import check_text
from facilitator.tracking.measures import (
    BUILTIN_KEYS,
    KEY_RE,
    WHO5,
    _title_of,
    _with_override,
    builtin_spec,
    ensure_builtin_measures,
    get_measure,
    is_retired,
)


def create_custom_measure(
    s: OrmSession,
    key: str,
    title: dict[str, str],
    *,
    minimum: float,
    maximum: float,
    step: float = 1,
    higher_is_better: bool = True,
    phases: Sequence[str] = ("pre", "post", "single"),
    measure_id: str | None = None,
) -> MeasureDefinition:
    """An organisation-defined measure: a bilingual title and a numeric range.

    ``phases`` is when it is asked: ``("pre", "post")`` at the start and end of a
    session (reports show the change), ``("single",)`` once (reports show the mean),
    or all three. Titles are untrusted text that later reaches PDFs, so they are
    checked here (see :func:`clean_title`) and again when a report is built.
    """
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "A measure key uses lowercase letters, digits and '_' (2 to 41 "
                "characters, starting with a letter).",
            ),
            field="key",
        )
    if (
        key in BUILTIN_KEYS
        or s.scalars(select(MeasureDefinition.id).where(MeasureDefinition.key == key)).first()
    ):
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "A measure called '{key}' already exists."),
            params=dict(key=key),
            field="key",
        )
    if not isinstance(title, dict) or not title.get("en") or not title.get("ar"):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures", "A custom measure needs a title in both English and Arabic."
            ),
            field="title_en" if not (isinstance(title, dict) and title.get("en")) else "title_ar",
        )
    clean = {
        "en": clean_title(title["en"], EN_TITLE, field="title_en"),
        "ar": clean_title(title["ar"], AR_TITLE, arabic=True, field="title_ar"),
    }
    lo, hi, st = _check_range(minimum, maximum, step)
    wanted = tuple(phases)
    if wanted not in PHASE_SETS:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "A custom measure is asked at the start and end of a session (pre and post), once (single), or both.",
            )
        )
    spec = {
        "key": key,
        "version": "1",
        "title": clean,
        "validated": False,
        "min": lo,
        "max": hi,
        "step": st,
        "phases": list(wanted),
        "higher_is_better": bool(higher_is_better),
        "scoring": {"type": "value"},
    }
    row = MeasureDefinition(key=key, title=clean, spec=spec, builtin=False)
    if measure_id is not None:
        row.id = measure_id
    s.add(row)
    s.flush()
    return row


def set_titles(s: OrmSession, key: str, title: dict[str, str | None]) -> MeasureDefinition:
    """Reword a custom measure's English and/or Arabic title (None keeps that one).

    Only the titles can change: the range, step and when it is asked stay as they
    were, because the answers already given were on that scale. To change the scale,
    retire the measure and add a new one.
    """
    m = get_measure(s, key)
    if m.builtin:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures", "'{key}' is a built-in measure; its title cannot be changed."
            ),
            params={"key": key},
        )
    if not isinstance(title, dict) or not any(title.get(lang) is not None for lang in ("en", "ar")):
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "Give a new English title, a new Arabic title, or both.")
        )
    clean = dict(m.title or {})
    if title.get("en") is not None:
        clean["en"] = clean_title(title["en"], EN_TITLE, field="title_en")
    if title.get("ar") is not None:
        clean["ar"] = clean_title(title["ar"], AR_TITLE, arabic=True, field="title_ar")
    m.title = clean
    m.spec = {**(m.spec or {}), "title": clean}  # a new dict: JSON columns need one
    s.flush()
    return m


# --- validation of untrusted definition text ------------------------------------

TITLE_MAX = 120
EN_TITLE = QT_TRANSLATE_NOOP("measures", "The English title")
AR_TITLE = QT_TRANSLATE_NOOP("measures", "The Arabic title")
TEXT_MAX = 600
PHASE_SETS = {("pre", "post"), ("single",), ("pre", "post", "single")}
MAX_STEPS = 1000  # more answer points than anyone can choose between in a group
_LIMIT = 1_000_000
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def clean_title(
    value: Any, what: str, *, arabic: bool = False, limit: int = TITLE_MAX, field: str | None = None
) -> str:
    """One line of definition text, whitespace collapsed, or an InputError saying why not.

    ``what`` names the text in the message (a marked string such as :data:`EN_TITLE`
    is translated with it); ``field`` is the form input the error is about.

    Control, bidi-override, private-use and unassigned characters are refused by the
    check every typed text passes (:func:`facilitator.textcheck.check_text`): a title
    is typed once by an organisation and printed in every report, so it is fixed at
    the source.
    """
    try:
        text = check_text(value, what, limit=limit, required=True)
    except InputError as exc:
        exc.field = field
        raise
    if arabic and not _ARABIC.search(text):
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "{what} has no Arabic letters."),
            params=dict(what=what),
            field=field,
        )
    return text


def display_title(title: Any, lang: str) -> str:
    """A stored title made safe to print, whatever reached the store (reports call this;
    the PDF layer cleans again for its font)."""
    text = pick(title if isinstance(title, (dict, str)) else str(title or ""), lang)
    text = "".join(
        ch for ch in " ".join(str(text).split()) if unicodedata.category(ch) not in _HIDDEN
    )
    return text[:TITLE_MAX] or "?"


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "{what} must be a number."), params={"what": what}
        )
    if not math.isfinite(value) or abs(value) > _LIMIT:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "{what} must be a number between -{limit} and {limit}."),
            params={"what": what, "limit": _LIMIT},
        )
    return float(value)


def _check_range(minimum: Any, maximum: Any, step: Any) -> tuple[float, float, float]:
    lo = _number(minimum, QT_TRANSLATE_NOOP("measures", "The lowest score"))
    hi = _number(maximum, QT_TRANSLATE_NOOP("measures", "The highest score"))
    st = _number(step, QT_TRANSLATE_NOOP("measures", "The step"))
    if not lo < hi:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "The range must go from a smaller to a larger number ({lo} to {hi} does not).",
            ),
            params=dict(lo=f"{lo:g}", hi=f"{hi:g}"),
            field="range",
        )
    if st <= 0:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "The step must be a positive number."), field="step"
        )
    count = (hi - lo) / st
    if abs(count - round(count)) > 1e-9 * max(1.0, count) or round(count) < 1:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "A step of {step} does not divide the range {lo} to {hi} into equal steps.",
            ),
            params=dict(step=f"{st:g}", lo=f"{lo:g}", hi=f"{hi:g}"),
            field="step",
        )
    if round(count) > MAX_STEPS:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures", "A step of {step} gives {n} answer points; use at most {most}."
            ),
            params=dict(step=f"{st:g}", n=round(count), most=MAX_STEPS),
            field="step",
        )
    return lo, hi, st


# --- listing and retiring -----------------------------------------------------------


def list_measures(s: OrmSession, include_retired: bool = False) -> list[MeasureDefinition]:
    """Built-in measures first, then custom ones by key; retired ones only on request."""
    ensure_builtin_measures(s)
    rows = list(s.scalars(select(MeasureDefinition)))
    rows.sort(key=lambda m: (not m.builtin, BUILTIN_KEYS.index(m.key) if m.builtin else 0, m.key))
    return [m for m in rows if include_retired or not is_retired(m)]


def set_retired(s: OrmSession, key: str, retired: bool) -> bool:
    """Retire (or bring back) a custom measure; returns False when nothing changed.

    A retired measure keeps its answers and still appears in reports for periods in
    which it was used; it is only no longer offered, and no new answers are taken
    for a session that has none yet. The flag lives in ``spec`` (a JSON column), so
    no schema migration is needed.
    """
    m = get_measure(s, key)
    if m.builtin:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "'{key}' is a built-in measure and cannot be retired."),
            params={"key": key},
        )
    if is_retired(m) == retired:
        return False
    spec = {k: v for k, v in (m.spec or {}).items() if k != "retired"}
    if retired:
        spec["retired"] = True
    m.spec = spec  # a new dict: JSON columns do not notice changes made in place
    s.flush()
    return True


@dataclass(frozen=True)
class CustomMeasure:
    """What a report needs to know about an organisation-defined measure."""

    key: str
    title: dict[str, str]
    minimum: float
    maximum: float
    higher_is_better: bool
    phases: tuple[str, ...]
    retired: bool

    def label(self, lang: str) -> str:
        return display_title(self.title, lang)


def custom_measures(s: OrmSession) -> list[CustomMeasure]:
    """Every custom measure, retired ones included (their past data is still reported)."""
    out = []
    for m in s.scalars(
        select(MeasureDefinition)
        .where(MeasureDefinition.builtin.is_(False))
        .order_by(MeasureDefinition.key)
    ):
        spec = m.spec or {}
        out.append(
            CustomMeasure(
                m.key,
                dict(m.title or {}),
                float(spec.get("min", 0)),
                float(spec.get("max", 10)),
                bool(spec.get("higher_is_better", True)),
                tuple(spec.get("phases") or ("pre", "post", "single")),
                is_retired(m),
            )
        )
    return out


# --- an organisation's own wording for a built-in questionnaire ----------------------

WORDING_KEYS = {"title", "instructions", "items", "choices", "source"}


def check_wording(key: str, data: Any) -> dict[str, Any]:
    """Validate an organisation's Arabic wording for a built-in questionnaire.

    ``data`` holds ``title``, ``instructions``, ``items`` (one text per item, in the
    shipped order), ``choices`` (one label per answer, in value order from highest to
    lowest, e.g. WHO-5's 5 to 0) and optionally ``source`` (where the wording comes
    from). Every text must be non-empty, contain Arabic letters and no control chars.
    """
    if key != WHO5:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "Only the WHO-5 wording can be replaced, not '{key}'."),
            params=dict(key=key),
        )
    if not isinstance(data, dict):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "The wording must be a mapping with title, instructions, items and choices.",
            )
        )
    unknown = sorted(str(k) for k in data if k not in WORDING_KEYS)
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "Unknown field(s) in the wording: {fields}; expected title, "
                "instructions, items, choices and optionally source.",
            ),
            params=dict(fields=", ".join(unknown)),
        )
    missing = [k for k in ("title", "instructions", "items", "choices") if k not in data]
    if missing:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "The wording is missing: {fields}."),
            params=dict(fields=", ".join(missing)),
        )
    spec = builtin_spec(key)
    out: dict[str, Any] = {
        "title": clean_title(data["title"], "The title", arabic=True, limit=200),
        "instructions": clean_title(
            data["instructions"], "The instructions", arabic=True, limit=TEXT_MAX
        ),
    }
    for field, shipped, limit in (("items", spec["items"], 300), ("choices", spec["choices"], 80)):
        values = data[field]
        if not isinstance(values, list) or len(values) != len(shipped):
            raise InputError(
                QT_TRANSLATE_NOOP("measures", "'{field}' must be a list of exactly {n} texts."),
                params=dict(field=field, n=len(shipped)),
            )
        out[field] = [
            clean_title(v, f"{field[:-1].capitalize()} {i}", arabic=True, limit=limit)
            for i, v in enumerate(values, start=1)
        ]
    if data.get("source") is not None:
        out["source"] = clean_title(data["source"], "The source note", limit=TEXT_MAX)
    return out


def set_builtin_wording(s: OrmSession, key: str, data: Any, lang: str = "ar") -> MeasureDefinition:
    """Store an organisation's wording of a built-in questionnaire (Arabic).

    Why: the shipped Arabic WHO-5 is this project's rendering, marked "unverified";
    an organisation holding the published Arabic version can put it in without a
    code change. It is kept under ``spec["override"][lang]``, survives a refresh of
    the shipped definition, and :func:`measure_text` reads it with status
    "organisation".
    """
    if lang != "ar":
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures",
                "Only the Arabic wording can be replaced; English is the published text.",
            )
        )
    clean = check_wording(key, data)
    row = get_measure(s, key)
    base = builtin_spec(key)
    override = {**((row.spec or {}).get("override") or {}), lang: clean}
    merged = _with_override(base, override)
    row.title, row.spec = _title_of(merged), merged
    s.flush()
    return row


def clear_builtin_wording(s: OrmSession, key: str) -> bool:
    """Go back to the shipped wording; False when there was no organisation wording."""
    if key not in BUILTIN_KEYS:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "'{key}' is not a built-in measure."), params={"key": key}
        )
    row = get_measure(s, key)
    if not (row.spec or {}).get("override"):
        return False
    spec = builtin_spec(key)
    row.title, row.spec = dict(spec["title"]), spec
    s.flush()
    return True


MAX_WORDING_BYTES = 64_000


def read_wording(path: str, key: str) -> dict[str, Any]:
    """Load and check a wording file (YAML) before anything is opened or changed;
    the CLI's ``measures wording`` and the app's Outcome measures dialog both use it."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "Could not read {path}: {reason}."),
            params=dict(path=path, reason=exc.strerror or exc),
        ) from None
    if len(raw) > MAX_WORDING_BYTES:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "measures", "{path} is larger than {kb} kB; a wording file is a few lines of text."
            ),
            params=dict(path=path, kb=MAX_WORDING_BYTES // 1000),
        )
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "{path} is not UTF-8 text."), params=dict(path=path)
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise InputError(
                QT_TRANSLATE_NOOP("measures", "{path} is not valid YAML (line {line})."),
                params=dict(path=path, line=mark.line + 1),
            ) from None
        raise InputError(
            QT_TRANSLATE_NOOP("measures", "{path} is not valid YAML."), params=dict(path=path)
        ) from None
    if isinstance(data, dict) and isinstance(data.get("ar"), dict) and len(data) == 1:
        data = data["ar"]  # also accept the wording nested under its language
    return check_wording(key, data)
