"""facilitator.app.safety_numbers: the emergency number and crisis line (issue 12 item 4)."""

from __future__ import annotations

import pytest

from facilitator.app.safety_numbers import safety_numbers, set_safety_numbers
from facilitator.errors import InputError
from facilitator.session import safety


def test_empty_store_has_placeholders_without_numbers(raw_db):
    with raw_db.unit() as s:
        numbers = safety_numbers(s, "en")
        assert not numbers.complete and numbers.emergency == "" and numbers.crisis == ""
        assert "edit me" in numbers.emergency_name


def test_setting_numbers_fills_the_placeholders_and_clears_the_reminder(raw_db):
    with raw_db.unit() as s:
        assert safety.resources_need_editing(s) or not safety.list_resources(s)
        numbers = set_safety_numbers(s, "en", "112", "0800 123 456")
        assert numbers.complete
        assert (numbers.emergency_name, numbers.emergency) == ("Emergency number", "112")
        assert (numbers.crisis_name, numbers.crisis) == ("Crisis line", "0800 123 456")
        assert not safety.resources_need_editing(s)
        names = [r.name for r in safety.list_resources(s)]
        assert names[:2] == ["Emergency number", "Crisis line"] and len(names) == 3
    with raw_db.unit() as s:  # and again: the same rows are found and updated
        set_safety_numbers(s, "ar", "911", "")
        numbers = safety_numbers(s, "ar")
        assert numbers.emergency == "911" and numbers.crisis == ""
        assert len(safety.list_resources(s)) == 3


def test_a_bad_number_is_refused(raw_db):
    with raw_db.unit() as s:
        with pytest.raises(InputError):
            set_safety_numbers(s, "en", "call Sam", "")
