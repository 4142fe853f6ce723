"""The live warning and the PDF redaction agree on which aliases a text contains.

Both use one folding and one matcher (:mod:`facilitator.tracking.redact`); this test
feeds the same aliases and texts to the note field's detector and to the report's
redaction and fails when one catches a name the other misses.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.tracking.identifying import find_identifying
from facilitator.tracking.redact import redact_aliases

MARK = "\u2588"

CASES = [
    # (text, alias, contains the alias?)
    ("Talked with sara's sister.", "Sara", True),
    ("SARA came late", "Sara", True),
    ("Sarah is new", "Sara", False),
    ("Alice and Ali", "Ali", True),
    ("Alice only", "Ali", False),
    ("walked out with Rene\u0301e", "Renée", True),  # decomposed accent
    ("walked out with Renee", "Renée", True),  # accent left off
    ("Umm   Ali came", "Umm Ali", True),
    ("تحدثت مع وفاطِمه بعد الجلسة", "فاطمة", True),  # proclitic, haraka, ta marbuta
    ("وبهدى", "هدى", True),  # two proclitics
    ("لهـــدى", "هدى", True),  # tatweel inside the name
    ("اسراء", "إسراء", True),  # alef with hamza typed plain
    ("مع هد\u200cى", "هدى", True),  # zero-width non-joiner inside the word
    ("هديل جاءت", "هدى", False),  # a longer name that starts the same
    ("no names here", "هدى", False),
    ("٣ أيام مع مريم", "مريم", True),
]


def _warned(text: str, alias: str) -> bool:
    return any(f.kind == "alias" for f in find_identifying(text, [alias]))


def _redacted(text: str, alias: str) -> bool:
    return MARK in redact_aliases(text, [alias], MARK)


@pytest.mark.parametrize("text, alias, expected", CASES)
def test_warning_and_redaction_catch_the_same_aliases(text, alias, expected):
    assert _warned(text, alias) == expected
    assert _redacted(text, alias) == expected


@pytest.mark.parametrize("text, alias, expected", CASES)
def test_what_the_warning_underlines_is_what_the_report_removes(text, alias, expected):
    found = [f for f in find_identifying(text, [alias]) if f.kind == "alias"]
    redacted = redact_aliases(text, [alias], MARK)
    assert len(found) == (1 if expected else 0)
    for f in found:
        # the report removes the name inside the underlined span (a joined proclitic
        # or a possessive "'s" stays) and leaves the text around it untouched
        assert redacted.startswith(text[: f.start]) and redacted.endswith(text[f.end :])
        assert MARK in redacted[f.start : len(redacted) - len(text[f.end :])]


ALIASES = ["Sara", "Renée", "Umm Ali", "فاطمة", "هدى", "إسراء"]
WORDS = ["with", "and", "the", "مع", "و", "في", "جاءت", "Sarah", "هديل", "Alice", "٣", "'s"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS + ALIASES + ["و" + a for a in ALIASES]), max_size=8),
    st.sampled_from(ALIASES),
)
def test_agreement_on_generated_notes(words, alias):
    text = " ".join(words)
    assert _warned(text, alias) == _redacted(text, alias)
