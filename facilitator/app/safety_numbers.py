"""The two numbers a facilitator must have before a session: emergency and crisis line.

They live in the store's list of local safety resources (shown by Safety, F1), as
its first two entries, seeded as placeholders. These functions let the first-run
wizard, the group form and the plan screen ask for them directly, and let the
safety-check step show them, instead of the list staying empty until a crisis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session import safety
from facilitator.store.models import SafetyResource

# Names given to a placeholder once its number is filled in (stored in the language of
# the screen, like the placeholders themselves).
# Which number is wrong, said by name: a form with two phone fields must not leave the
# facilitator guessing. ``InputError.field`` is the key, so the form focuses that field.
BAD_NUMBER = {
    "emergency": QT_TRANSLATE_NOOP(
        "Safety", "The emergency number may contain only digits, spaces and + ( ) - . /"
    ),
    "crisis": QT_TRANSLATE_NOOP(
        "Safety", "The crisis line may contain only digits, spaces and + ( ) - . /"
    ),
}

NAMES = {
    "emergency": {"en": "Emergency number", "ar": "رقم الطوارئ"},
    "crisis": {"en": "Crisis line", "ar": "خط الأزمات"},
}


@dataclass(frozen=True)
class SafetyNumbers:
    emergency_name: str
    emergency: str  # the phone number, "" when not set
    crisis_name: str
    crisis: str

    @property
    def complete(self) -> bool:
        return bool(self.emergency and self.crisis)


def _placeholders() -> tuple[dict[str, dict[str, str]], ...]:
    return safety.load_protocol().default_resources


def _rows(
    s: OrmSession, lang: str, create: bool = True
) -> tuple[SafetyResource | None, SafetyResource | None]:
    """The emergency and crisis-line entries: the seeded placeholders if still there
    (matched by their name in either language, or by the names given here), else the
    first two entries of the list."""
    safety.seed_default_resources(s, lang)
    rows = safety.list_resources(s)
    found: dict[str, SafetyResource] = {}
    for key, index in (("emergency", 0), ("crisis", 1)):
        names = set(_placeholders()[index]["name"].values()) | set(NAMES[key].values())
        match = next((r for r in rows if r.name in names and r not in found.values()), None)
        if match is not None:
            found[key] = match
    rest = [r for r in rows if r not in found.values()]
    for key in ("emergency", "crisis"):
        if key not in found:
            if rest:
                found[key] = rest.pop(0)
            elif create:
                found[key] = safety.add_resource(s, NAMES[key].get(lang, NAMES[key]["en"]))
    return found.get("emergency"), found.get("crisis")


def safety_numbers(s: OrmSession, lang: str = "en") -> SafetyNumbers:
    safety.localize_placeholders(s, lang)
    emergency, crisis = _rows(s, lang, create=False)
    lang = lang if lang in ("en", "ar") else "en"
    return SafetyNumbers(
        emergency.name if emergency else NAMES["emergency"][lang],
        (emergency.phone or "") if emergency else "",
        crisis.name if crisis else NAMES["crisis"][lang],
        (crisis.phone or "") if crisis else "",
    )


def set_safety_numbers(
    s: OrmSession, lang: str, emergency: str, crisis: str, *, who: Any = None
) -> SafetyNumbers:
    """Store both numbers (validated like any resource phone); a placeholder that gets
    its number also loses its "(edit me)" name and its fill-in instruction. Install-wide:
    a facilitator (who needs them in the room) or an administrator
    (``safety_numbers.manage``); reading them needs no role (no participant data)."""
    from facilitator.app.access import implicit_in, require

    require(implicit_in(s, who), "safety_numbers.manage")
    lang = lang if lang in ("en", "ar") else "en"
    rows = _rows(s, lang, create=True)
    for key, row, phone, default in zip(
        ("emergency", "crisis"), rows, (emergency, crisis), _placeholders()[:2]
    ):
        if row is None:  # _rows(create=True) always finds or makes both entries
            raise RuntimeError(f"no {key} safety resource")
        fields = {"phone": (phone or "").strip()}
        if fields["phone"] and row.name in set(default["name"].values()):
            fields["name"] = NAMES[key][lang]
            if row.notes in set(default.get("notes", {}).values()):
                fields["notes"] = ""
        try:
            safety.update_resource(s, row.id, **fields)
        except InputError as exc:
            if exc.field != "phone":
                raise
            raise InputError(BAD_NUMBER[key], field=key) from exc
    return safety_numbers(s, lang)
