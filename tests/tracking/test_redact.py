"""Alias redaction against the ways people actually write names in notes."""

from __future__ import annotations

import unicodedata

import pytest

from facilitator.tracking.redact import redact_aliases

M = "[X]"


@pytest.mark.parametrize(
    "note,expected",
    [
        ("قابلت هدى اليوم", "قابلت [X] اليوم"),
        ("قابلت سامي وهدى", "قابلت سامي و[X]"),  # and
        ("قلت لهدى", "قلت ل[X]"),  # to
        ("مررت بهدى", "مررت ب[X]"),  # with
        ("فهدى قالت", "ف[X] قالت"),  # so
        ("كهدى تماما", "ك[X] تماما"),  # like
        ("وبهدى ولهدى فلهدى", "وب[X] ول[X] فل[X]"),  # combined proclitics
        ("قابلت هُدَى", "قابلت [X]"),  # harakat, and the trailing one
        ("قابلت هـــدى", "قابلت [X]"),  # tatweel
        ("قابلت ه\u200cدى", "قابلت [X]"),  # zero-width non-joiner inside
        ("قابلت هدي", "قابلت [X]"),  # ى typed as ي
    ],
)
def test_arabic_forms_of_an_alias_are_removed(note, expected):
    assert redact_aliases(note, ["هدى"], M) == expected


def test_alef_and_ta_marbuta_variants_match():
    assert redact_aliases("تحدثت مع اسامه", ["أسامة"], M) == "تحدثت مع [X]"
    assert redact_aliases("وإسامة", ["أسامة"], M) == "و[X]"


def test_arabic_words_that_only_contain_the_alias_are_kept():
    note = "هداية الطريق"  # starts with the letters of هدى but is another word
    assert redact_aliases(note, ["هدى"], M) == note
    assert redact_aliases("المهدى", ["هدى"], M) == "المهدى"  # ال is not a proclitic here


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKD"])
def test_unicode_forms_and_case_match(form):
    note = unicodedata.normalize(form, "Saw RENÉE ostwald and renée.")
    out = redact_aliases(note, ["Renée Ostwald", "Renée"], M)
    assert out == "Saw [X] and [X]."


def test_latin_word_boundaries_and_multiple_spaces():
    assert redact_aliases("Ali, Alison and Kali", ["Ali"], M) == "[X], Alison and Kali"
    assert redact_aliases("with Sam   Lee.", ["Sam Lee"], M) == "with [X]."
    assert redact_aliases("Sam's leaflet", ["Sam"], M) == "[X]'s leaflet"


def test_text_without_aliases_is_unchanged_and_empty_aliases_are_ignored():
    note = "R&D <b> 10,000 — لا شيء"
    assert redact_aliases(note, ["", "  ", None], M) == note  # type: ignore[list-item]
    assert redact_aliases(note, ["Zed"], M) == note
