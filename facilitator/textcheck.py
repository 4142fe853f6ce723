"""The one check every piece of typed text passes at the door (plain Python, no Qt).

Group names, aliases, notes, script texts, custom rules, safety resources and
measure titles are typed (or pasted) once and then shown on screens and printed in
reports for years, in English and Arabic. What must never get in:

* control characters (NUL, ESC, the C1 block...): they corrupt files and terminals;
* bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
  PDI): they reorder what is drawn, can disguise text ("Trojan Source") and an
  unbalanced one leaks its direction into the text around it;
* private-use, unassigned and surrogate code points, and other invisible format
  characters (tags, Arabic number signs, interlinear annotations).

These are refused with one clear sentence naming the character, so the person can
fix the text where they typed it. A few invisible characters that word processors
and phones add on their own are removed quietly instead: direction marks (LRM, RLM,
ALM: every report now gives each typed text its own direction, see :func:`isolate`),
zero-width space, byte-order mark, word joiner, soft hyphen, and a zero-width
joiner or non-joiner that does not stand between two letters (where Persian, Urdu
or Indic writing needs it, it stays). Text is stored in Unicode NFC.

:func:`check_text` is used by every core function that stores typed text; the
interface calls the same functions, so the same sentence shows in a dialog, on the
command line and in a script validation error.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP

#: Bidi embeddings, overrides and isolates: refused.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Invisible characters that arrive by themselves from editors and keyboards: removed.
QUIET = frozenset("\u200e\u200f\u061c\u200b\ufeff\u2060\u00ad")
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: kept between two letters only
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def _name(ch: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL"}
    return names.get(ch) or unicodedata.name(ch, "") or "control character"


def _letterish(ch: str | None) -> bool:
    return ch is not None and unicodedata.category(ch)[0] in "LM"


def check_text(
    value: Any, what: str, *, limit: int, multiline: bool = False, required: bool = False
) -> str:
    """``value`` as it may be stored, or an :class:`InputError` that says why not.

    ``what`` names the field in the message ("The group name"). One-line fields get
    their runs of white space collapsed to one space; ``multiline`` fields keep line
    breaks (tabs become spaces). ``limit`` is in characters, after normalising.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(
            QT_TRANSLATE_NOOP("textcheck", "{what} must be text."), params=dict(what=what)
        )
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append("\n" if multiline else " ")
            continue
        if ch == "\t" or ch in ("\u2028", "\u2029"):
            out.append(" " if ch == "\t" or not multiline else "\n")
            continue
        if ch in QUIET:
            continue
        if ch in _JOINERS:
            before = out[-1] if out else None
            after = text[i + 1] if i + 1 < len(text) else None
            if _letterish(before) and _letterish(after):
                out.append(ch)
            continue
        if ch in BIDI_CONTROLS or unicodedata.category(ch) in _REFUSED_CATEGORIES:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "textcheck",
                    "{what} contains an invisible control character (U+{code} {name}); "
                    "remove it and try again.",
                ),
                params=dict(what=what, code=f"{ord(ch):04X}", name=_name(ch)),
            )
        out.append(ch)
    text = "".join(out)
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
    else:
        text = " ".join(text.split())
    if required and not text:
        raise InputError(QT_TRANSLATE_NOOP("textcheck", "{what} is empty."), params=dict(what=what))
    if len(text) > limit:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "textcheck", "{what} is {length} characters long; the limit is {limit}."
            ),
            params=dict(what=what, length=len(text), limit=limit),
        )
    return text


def isolate(text: Any) -> str:
    """Typed ``text`` set apart for display inside other text: a bidi isolate (FSI ...
    PDI) whose direction comes from its own first strong letter.

    Report builders wrap every piece of typed text with this before putting it in a
    sentence, a subtitle or a table, so an English group name keeps its brackets in
    an Arabic report and an Arabic name keeps its full stop in an English one. The
    PDF renderer honours isolates; any bidi control inside ``text`` is dropped first.
    """
    body = "".join(ch for ch in str(text or "") if ch not in BIDI_CONTROLS)
    return f"{FSI}{body}{PDI}" if body else ""


def isolate_ltr(text: Any) -> str:
    """Like :func:`isolate`, but always left to right: file paths, commands, codes."""
    body = "".join(ch for ch in str(text or "") if ch not in BIDI_CONTROLS)
    return f"{LRI}{body}{PDI}" if body else ""


def phone_text(number: Any) -> str:
    """A phone number as shown anywhere (a label, a table cell, a PDF): left to right.

    Written once because a crisis number read backwards is dialled wrong: in an Arabic
    line the bidi algorithm otherwise puts "+962 6 550 0000" as "0000 550 6 962+".
    """
    return isolate_ltr(number)
