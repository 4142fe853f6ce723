"""After unlocking, the app tells what opening did: a foreign WAL set aside, or a key
change finished with a newly issued recovery code (shown nowhere else), in Arabic too."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture
def arabic_ui(qapp):
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    yield
    installer.install(qapp, "en")


def test_open_notices_and_a_new_recovery_code_are_shown_in_arabic(arabic_ui, message_boxes):
    from facilitator.errors import Text
    from facilitator.ui.app import App

    # what the store's WAL guard returns: the English sentence with its template
    notice = Text(
        "A write-ahead log that does not belong to this store was found beside it "
        "and moved aside as {path}; the store itself was not changed.",
        path="/x/s.db-wal.foreign-1",
    )
    assert notice.endswith(
        "moved aside as /x/s.db-wal.foreign-1; the store itself was not changed."
    )
    app = SimpleNamespace(
        lang="ar", store=SimpleNamespace(notices=[notice], new_recovery_code="ABCDE-12345")
    )
    App._tell_what_opening_did(app)
    ((kind, title, text),) = message_boxes
    assert kind == "information" and title == "المخزن"
    assert "نُقل جانبًا" in text and "/x/s.db-wal.foreign-1" in text
    assert "ABCDE-12345" in text and "رمز الاسترداد الجديد" in text
    app.store = SimpleNamespace(notices=[], new_recovery_code=None)
    App._tell_what_opening_did(app)
    assert len(message_boxes) == 1  # nothing to say: no box
