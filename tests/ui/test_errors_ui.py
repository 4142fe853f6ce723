"""One translation path: an error's template is translated, then filled (no regexes)."""

from __future__ import annotations

import pytest

from facilitator.errors import InputError, StoreError
from facilitator.store.service import check_passphrase
from facilitator.tracking.custom_measures import AR_TITLE, clean_title
from facilitator.ui.errors_ui import error_text


def test_cli_gets_english_and_the_app_gets_arabic_from_one_error():
    with pytest.raises(InputError) as caught:
        check_passphrase("short")
    exc = caught.value
    assert str(exc) == "The passphrase must be at least 8 characters long."
    assert exc.template == "The passphrase must be at least {n} characters long."
    assert error_text(exc, "en") == str(exc)
    arabic = error_text(exc, "ar")
    assert "٨" in arabic and "8" not in arabic and "passphrase" not in arabic


def test_a_marked_parameter_is_translated_too():
    with pytest.raises(InputError) as caught:
        clean_title("Mood", AR_TITLE, arabic=True, field="title_ar")
    assert str(caught.value) == "The Arabic title has no Arabic letters."
    assert caught.value.field == "title_ar"
    assert error_text(caught.value, "ar") == "لا يحتوي العنوان العربي على أحرف عربية."


def test_an_uncatalogued_message_is_shown_as_written():
    exc = StoreError("Something nobody translated {x}.", params={"x": 3})
    assert str(exc) == "Something nobody translated 3."
    assert error_text(exc, "ar") == "Something nobody translated ٣."
