"""Removing aliases from free text before it reaches a report.

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
* Arabic proclitics: و (and), ف (so), ب (with), ل (to/for) and ك (like) are written
  joined to the next word, alone or combined (وب، فل، ...), so "وهدى" and "لهدى"
  contain the alias "هدى". The proclitic is kept and only the name is replaced.

Over-redaction is the safe failure: a short alias that is also a common word is
removed wherever it stands as a word; the facilitator's own screens keep the note.
"""

from __future__ import annotations

import re
import unicodedata

# Letters written joined to the following word; at most one of و/ف then one of ب/ل/ك.
_PROCLITICS = "(?:[وف]?[بلك]?)"
# Invisible characters that can sit inside a word without changing how it reads.
_INVISIBLE = {"\u0640", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
              "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
              "\u2068", "\u2069", "\u2060", "\ufeff", "\u061c"}
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                              "ؤ": "و", "ئ": "ي"})


def _fold_char(ch: str) -> str:
    """One character of text as compared: no accents, harakat or case; Arabic letter
    variants merged; invisible characters dropped."""
    if ch in _INVISIBLE:
        return ""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.combining(c) and c not in _INVISIBLE)
    return base.casefold().translate(_LETTER_FOLD)


def fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", text))


def _folded_with_owners(text: str) -> tuple[str, list[int]]:
    """The folded text and, for every folded character, the index of the original
    character it came from."""
    out: list[str] = []
    owners: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch)
        out.append(piece)
        owners.extend([i] * len(piece))
    return "".join(out), owners


def redact_aliases(text: str, aliases: list[str], marker: str) -> str:
    """Replace every mention of any alias in ``text`` with ``marker``.

    The result is in NFC; text with no alias in it is otherwise unchanged.
    """
    text = unicodedata.normalize("NFC", text)
    folded_aliases = sorted({f for f in (fold(a).strip() for a in aliases if a) if f},
                            key=len, reverse=True)
    if not folded_aliases or not text:
        return text
    # Inner whitespace in a two-word alias matches any run of whitespace in the note.
    alts = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in folded_aliases)
    pattern = re.compile(rf"(?<!\w){_PROCLITICS}({alts})(?!\w)")
    folded, owners = _folded_with_owners(text)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(folded):
        start, end = owners[m.start(1)], owners[m.end(1) - 1] + 1
        while end < len(text) and _fold_char(text[end]) == "":
            end += 1  # trailing harakat or joiners belong to the removed name
        spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + marker + text[end:]
    return text
