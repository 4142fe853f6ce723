"""Display names for stored keys (program types, step kinds, languages).

The store and the scripts keep short English keys (``grief``, ``check_in``); people
see these names, translated through the same catalogue as the rest of the UI.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.i18n import QT_TRANSLATE_NOOP

PROGRAM_TYPES: dict[str, str] = {
    "mutual_support": QT_TRANSLATE_NOOP("ProgramType", "Mutual support"),
    "grief": QT_TRANSLATE_NOOP("ProgramType", "Grief and loss"),
    "anxiety": QT_TRANSLATE_NOOP("ProgramType", "Anxiety skills"),
    "recovery": QT_TRANSLATE_NOOP("ProgramType", "Recovery"),
    "chronic_illness": QT_TRANSLATE_NOOP("ProgramType", "Living with a long-term illness"),
    "first_responder": QT_TRANSLATE_NOOP("ProgramType", "First responders"),
    "trauma": QT_TRANSLATE_NOOP("ProgramType", "Trauma survivors"),
    "veterans": QT_TRANSLATE_NOOP("ProgramType", "Veterans and families"),
    "school_listening": QT_TRANSLATE_NOOP("ProgramType", "School peer listening"),
    "peer_mediation": QT_TRANSLATE_NOOP("ProgramType", "Peer mediation"),
    "caregivers": QT_TRANSLATE_NOOP("ProgramType", "Caregivers"),
    "general": QT_TRANSLATE_NOOP("ProgramType", "General"),
}

STEP_KINDS: dict[str, str] = {
    "welcome": QT_TRANSLATE_NOOP("StepKind", "Welcome"),
    "ground_rules": QT_TRANSLATE_NOOP("StepKind", "Ground rules"),
    "check_in": QT_TRANSLATE_NOOP("StepKind", "Check-in"),
    "round": QT_TRANSLATE_NOOP("StepKind", "Round"),
    "discussion": QT_TRANSLATE_NOOP("StepKind", "Discussion"),
    "skill_practice": QT_TRANSLATE_NOOP("StepKind", "Skill practice"),
    "reading": QT_TRANSLATE_NOOP("StepKind", "Reading"),
    "break": QT_TRANSLATE_NOOP("StepKind", "Break"),
    "check_out": QT_TRANSLATE_NOOP("StepKind", "Check-out"),
    "closing": QT_TRANSLATE_NOOP("StepKind", "Closing"),
    "safety_check": QT_TRANSLATE_NOOP("StepKind", "Safety check"),
}

# Language names are shown in their own language, so anyone can find theirs.
LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}


def program_label(key: str | None) -> str:
    if not key:
        return ""
    source = PROGRAM_TYPES.get(key)
    return QCoreApplication.translate("ProgramType", source) if source else key


def step_kind_label(key: str) -> str:
    source = STEP_KINDS.get(key)
    return QCoreApplication.translate("StepKind", source) if source else key


def language_label(key: str | None) -> str:
    return LANGUAGES.get(key or "", key or "")


def age_band_label(key: str | None) -> str:
    from facilitator.tracking.participants import AGE_BANDS

    source = AGE_BANDS.get(key or "")
    return QCoreApplication.translate("AgeBand", source["en"]) if source else ""


def gender_label(key: str | None) -> str:
    from facilitator.tracking.participants import GENDERS

    source = GENDERS.get(key or "")
    return QCoreApplication.translate("Gender", source["en"]) if source else ""
