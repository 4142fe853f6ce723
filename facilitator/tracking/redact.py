"""Finding aliases in free text: one folding and one matcher for every use.

The PDF redaction here and the live "this looks identifying" warning in the note
field (:mod:`facilitator.tracking.identifying`) both call :func:`fold_with_owners` and
:func:`alias_matcher`, so an alias the warning catches is the alias the report
removes (``tests/tracking/test_alias_matching.py`` feeds the same texts to both).

An alias is the facilitator's private reminder of who a code is; a note such as
"walked out with Renée" must not carry it into a PDF. Plain string matching misses
the ways people actually write a name, so matching happens on a folded copy of the
text and the matched spans are replaced in the original:

* Unicode normalisation: a note pasted as decomposed "Rene\u0301e" (NFD) matches an
  alias saved as "Renée" (NFC); accents and case are ignored altogether, which can
  only redact more, never less.
* Arabic writing: short vowels (harakat), the tatweel and invisible joiners or bidi
  controls inside a word are ignored, the alef forms (أ إ آ ٱ), ى/ي and ة/ه are
  treated as one letter each, as people type them interchangeably.
* Digits: Arabic-Indic and extended Arabic-Indic digits read as 0-9.
* Arabic proclitics: و (and), ف (so), ب (with), ل (to/for) and ك (like) are written
  joined to the next word, alone or combined (وب، فل، ...), so "وهدى" and "لهدى"
  contain the alias "هدى". The proclitic is kept and only the name is replaced.

Over-redaction is the safe failure: a short alias that is also a common word is
removed wherever it stands as a word; the facilitator's own screens keep the note.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

# Letters written joined to the following word; at most one of و/ف then one of ب/ل/ك.
_PROCLITICS = "(?:[وف]?[بلك]?)"
# Invisible characters that can sit inside a word without changing how it reads.
_INVISIBLE = {
    "\u0640",
    "\u00ad",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u2060",
    "\ufeff",
    "\u061c",
}
_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def _fold_char(ch: str) -> str:
    """One character of text as compared: no accents, harakat or case; Arabic letter
    variants merged; invisible characters dropped."""
    if ch in _INVISIBLE:
        return ""
    base = "".join(
        c
        for c in unicodedata.normalize("NFKD", ch)
        if not unicodedata.combining(c) and c not in _INVISIBLE
    )
    return base.casefold().translate(_LETTER_FOLD)


def fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", text))


def fold_with_owners(text: str) -> tuple[str, list[int]]:
    """The folded text and, for every folded character, the index of the original
    character it came from (so a match on the folded text maps back to the original)."""
    out: list[str] = []
    owners: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch)
        out.append(piece)
        owners.extend([i] * len(piece))
    return "".join(out), owners


def alias_matcher(aliases: Iterable[str], min_chars: int = 1) -> re.Pattern[str] | None:
    """One pattern over folded text that finds any of ``aliases`` as a whole word.

    Group ``name`` is the alias itself; the whole match also takes a joined
    proclitic before it and a possessive "'s" after it. Aliases shorter than
    ``min_chars`` letters are left out (the live warning ignores one-letter aliases,
    which would flag every "a"; redaction keeps them: over-redaction is safe).
    None when no alias is left.
    """
    folded = {" ".join(f.split()) for f in (fold(a) for a in aliases if a)}
    folded = {f for f in folded if f and len(f.replace(" ", "")) >= min_chars}
    if not folded:
        return None
    # Inner whitespace in a two-word alias matches any run of whitespace in the note.
    alts = "|".join(
        r"\s+".join(re.escape(w) for w in a.split()) for a in sorted(folded, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w){_PROCLITICS}(?P<name>{alts})(?:['’]s)?(?!\w)")


def redact_aliases(text: str, aliases: list[str], marker: str) -> str:
    """Replace every mention of any alias in ``text`` with ``marker``.

    The result is in NFC; text with no alias in it is otherwise unchanged.
    """
    text = unicodedata.normalize("NFC", text)
    pattern = alias_matcher(aliases)
    if pattern is None or not text:
        return text
    folded, owners = fold_with_owners(text)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(folded):
        start, end = owners[m.start("name")], owners[m.end("name") - 1] + 1
        while end < len(text) and _fold_char(text[end]) == "":
            end += 1  # trailing harakat or joiners belong to the removed name
        spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + marker + text[end:]
    return text
