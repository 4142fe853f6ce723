"""The identifying-text detector (pure Python: no Qt imported here)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.tracking.identifying import find_identifying, is_identifying, normalise


def kinds(text, aliases=()):
    return [(f.kind, f.text) for f in find_identifying(text, aliases)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("call her on 0791 234 567 tonight", ("phone", "0791 234 567")),
        ("mobile +44 (0)7700 900123", ("phone", "+44 (0)7700 900123")),
        ("رقمه ٠٧٩١٢٣٤٥٦٧ للطوارئ", ("phone", "٠٧٩١٢٣٤٥٦٧")),
        ("write to sam.k+grp@example.org please", ("email", "sam.k+grp@example.org")),
        ("born 12/03/1985", ("date", "12/03/1985")),
        ("dob 1985-03-12", ("date", "1985-03-12")),
        ("she was born on 3 March 1990", ("date", "3 March 1990")),
        ("ولدت في ١٢ مارس ١٩٨٥", ("date", "١٢ مارس ١٩٨٥")),
        ("her DOB is in the file", ("birth", "DOB")),
        ("he is 43 years old", ("birth", "43 years old")),
        ("من مواليد الثمانينات", ("birth", "مواليد")),
    ],
)
def test_flags_identifying_details(text, expected):
    assert expected in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We ran 10 minutes over; the round took 25 minutes.",
        "Check-in average went from 4 to 6.",
        "Next session at 18:30, room 2.",
        "جلسة هادئة، شارك ثمانية أعضاء.",
        "",
    ],
)
def test_ordinary_notes_pass(text):
    assert find_identifying(text, ["Sara"]) == []


def test_alias_whole_word_case_and_possessive():
    found = kinds("Talked with sara's sister; Sarah is new.", ["Sara"])
    assert found == [("alias", "sara's")]


def test_arabic_alias_with_proclitic_and_diacritics():
    # "and Fatima" with a diacritic and the ta marbuta spelt as ha.
    text = "تحدثت مع وفاطِمه بعد الجلسة"
    found = find_identifying(text, ["فاطمة"])
    assert len(found) == 1 and found[0].kind == "alias"
    assert "فاطِمه" in found[0].text


def test_multiword_alias_and_short_aliases_ignored():
    assert kinds("Umm   Ali came late", ["Umm Ali", "A", ""]) == [("alias", "Umm   Ali")]


def test_offsets_point_into_original_text():
    text = "ـــ سلمى ٠٧٩١٢٣٤٥٦٧"
    for f in find_identifying(text, ["سلمى"]):
        assert text[f.start : f.end] == f.text


@settings(max_examples=200, deadline=None)
@given(st.text(), st.lists(st.text(max_size=8), max_size=3))
def test_never_crashes_and_spans_are_consistent(text, aliases):
    norm, index = normalise(text)
    assert len(index) == len(norm) + 1
    last_end = 0
    for f in find_identifying(text, aliases):
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end  # no overlaps, reading order
        last_end = f.end
        assert text[f.start : f.end] == f.text


@given(st.from_regex(r"0[1-9]\d{2} \d{3} \d{3}", fullmatch=True))
def test_any_spaced_phone_number_is_flagged(number):
    assert is_identifying(f"ring {number} later")


def test_module_does_not_import_qt():
    """pytest-qt loads Qt in this process, so check in a fresh interpreter."""
    code = (
        "import sys, facilitator.tracking.identifying; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
