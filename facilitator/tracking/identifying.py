"""Spot text that may identify someone, as the facilitator types a note.

Notes and incident records must stay anonymous: participants are codes, and an
alias is for the facilitator's eyes only. People still type "Sara's number is
0791 234 567" in the heat of a session, so the note field warns while typing.
This is a *warning*, not a filter: it errs towards flagging (a false alarm costs a
glance; a missed phone number in an exported note costs someone's privacy).

Pure Python with no Qt import, in the core so the bundle export applies the same
check before a note travels (the note field in run mode uses it live). Text is folded before matching with the same
folding and alias matcher as the PDF redaction (:mod:`facilitator.tracking.redact`:
accents, harakat and tatweel dropped, alef/ya/ta-marbuta variants merged,
Arabic-Indic digits read as digits, joined proclitics allowed), while offsets still
point into the original text, so the UI can underline the exact characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.tracking.redact import alias_matcher, fold_with_owners

CTX = "Identifying"
ALIAS_MIN_CHARS = 2  # a one-letter alias would flag every "a"

KIND_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("Identifying", "a phone number"),
    "email": QT_TRANSLATE_NOOP("Identifying", "an e-mail address"),
    "date": QT_TRANSLATE_NOOP("Identifying", "a date that could be a date of birth"),
    "birth": QT_TRANSLATE_NOOP("Identifying", "a date of birth or age detail"),
    "alias": QT_TRANSLATE_NOOP("Identifying", "a participant's name"),
}


@dataclass(frozen=True)
class Finding:
    """One suspicious span: ``text[start:end]`` of the original string."""

    kind: str  # phone | email | date | birth | alias
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        """An untranslated description; the UI passes it through ``translate``."""
        return KIND_LABELS[self.kind]


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; return it with a map back to original offsets.

    The same folding as the PDF redaction (:func:`facilitator.tracking.redact.fold_with_owners`).
    ``index[i]`` is the original offset of folded character ``i``; one extra entry
    maps the end of the string.
    """
    folded, owners = fold_with_owners(text)
    return folded, [*owners, len(text)]


_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")

_MONTHS_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Arabic month names after normalisation (both the Levantine/Iraqi and the
# Egyptian/Gulf series), so "12 كانون الثاني 1985" and "3 مارس 1990" are both found.
_MONTHS_AR = (
    r"يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|"
    r"كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|"
    r"تشرين الثاني|كانون الاول"
)
_MONTH = rf"(?:{_MONTHS_EN}|{_MONTHS_AR})"
_YEAR = r"(?:19|20)\d\d"

_DATES = [
    # 12/03/1985, 12-3-85, 12.03.1985
    re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-])"),
    # 1985-03-12
    re.compile(rf"(?<!\d){_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}(?![\d/.-])"),
    # 12 March 1985, 12 مارس 1985
    re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}(?!\d)"),
    # March 12, 1985
    re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)"),
]

# Words that announce a birth date or an exact age: "born 1985", "DOB", "d.o.b.",
# "aged 43", "مواليد 1985", "تاريخ الميلاد", "عمره 43".
_BIRTH = re.compile(
    r"\b(?:born(?:\s+(?:in|on))?\s+[^\n,;]{0,20}?" + _YEAR + r"(?!\d)"
    r"|d\.?o\.?b\.?\b|date\s+of\s+birth|birthday"
    r"|aged?\s+\d{1,2}\b(?!\s*(?:min|minute|sec|%))"
    r"|\d{1,2}\s*(?:years?\s+old|yrs?\s+old|y/?o)\b)"
    r"|(?:مواليد|تاريخ\s+الميلاد|تاريخ\s+ميلاد|عيد\s+ميلاد|ولد(?:ت)?\s+(?:في|عام|سنه)"
    r"|عمره|عمرها|عمري)"
)

# A phone number: optional +/00 prefix, then digit groups separated by a space,
# dash, dot or brackets, with at least 7 digits in all. Dates ("/") are excluded
# by the separators allowed; times ("10:30") by the colon.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?![\w])")
_MIN_PHONE_DIGITS = 7


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def find_identifying(text: str, aliases: Iterable[str] = ()) -> list[Finding]:
    """All spans in ``text`` that look identifying, in reading order.

    ``aliases`` are the group's participant aliases (the only real names the app
    knows). Dates are matched before phone numbers so "12.03.1985" is reported once,
    as a date.
    """
    if not text:
        return []
    norm, index = normalise(text)
    raw: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if _overlaps((start, end), taken):
            return
        taken.append((start, end))
        raw.append((kind, start, end))

    for m in _EMAIL.finditer(norm):
        add("email", *m.span())
    for pattern in _DATES:
        for m in pattern.finditer(norm):
            add("date", *m.span())
    for m in _BIRTH.finditer(norm):
        add("birth", *m.span())
    for m in _PHONE.finditer(norm):
        if sum(ch.isdigit() for ch in m.group()) >= _MIN_PHONE_DIGITS:
            add("phone", *m.span())
    alias_re = alias_matcher(aliases, min_chars=ALIAS_MIN_CHARS)
    if alias_re is not None:
        for m in alias_re.finditer(norm):
            add("alias", *m.span())

    findings = []
    for kind, start, end in sorted(raw, key=lambda r: r[1]):
        o_start, o_end = index[start], index[end - 1] + 1
        findings.append(Finding(kind, o_start, o_end, text[o_start:o_end]))
    return findings


def is_identifying(text: str, aliases: Iterable[str] = ()) -> bool:
    return bool(find_identifying(text, aliases))
