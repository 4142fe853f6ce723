"""Phone numbers read left to right wherever they are shown, in an Arabic screen too,
and a resource with no number says how to add one."""

from __future__ import annotations

import pytest
from bidi import get_display
from PySide6.QtWidgets import QStyleOptionViewItem

from facilitator.app.safety_numbers import set_safety_numbers
from facilitator.textcheck import BIDI_CONTROLS
from facilitator.ui.context import AppContext, AppSettings
from facilitator.ui.tasks import SyncTaskRunner
from facilitator.ui.translations import LanguageInstaller

CRISIS = "+962 6 550 0000"


@pytest.fixture
def arabic(qapp):
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    yield installer
    installer.install(qapp, "en")


def _seen(text: str) -> str:
    """What the eye reads on a right-to-left screen (the visual order), marks removed."""
    return "".join(ch for ch in get_display(text, base_dir="R") if ch not in BIDI_CONTROLS)


def _cell_text(table, row: int, column: int) -> str:
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(column).initStyleOption(option, index)
    return option.text


def test_arabic_safety_shows_numbers_in_dialling_order(qtbot, arabic, raw_db, tmp_path):
    from facilitator.ui.run.safety_dialog import RESOURCE_FIELDS, SafetyDialog

    assert _seen(CRISIS) != CRISIS  # the bare number is what the tester saw reversed
    with raw_db.unit() as s:
        set_safety_numbers(s, "ar", "911", CRISIS)
    ctx = AppContext(raw_db, "ar", SyncTaskRunner(), AppSettings(tmp_path / "s.ini"))
    dialog = SafetyDialog(ctx, "", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isRightToLeft()
    table, column = dialog.resources, RESOURCE_FIELDS.index("phone")
    numbers = [table.item(r, column).text() for r in range(table.rowCount())]
    assert CRISIS in numbers  # the stored number, as typed: no marks saved back
    row = numbers.index(CRISIS)
    shown = _cell_text(table, row, column)
    assert CRISIS in _seen(shown)
    assert CRISIS in _seen(dialog.numbers.text().splitlines()[1])

    # A row without a number says how to add one (it looked like a bug).
    empty = next(r for r, n in enumerate(numbers) if not n)
    hint = _cell_text(table, empty, column)
    assert hint and hint == dialog.phone_delegate.missing_text()
    assert hint != "No number yet: double-click to add"  # translated


def test_step_card_numbers_keep_their_order(qtbot, arabic):
    from facilitator.app.safety_numbers import SafetyNumbers
    from facilitator.ui.run.step_card import StepCard

    card = StepCard()
    qtbot.addWidget(card)
    card.set_numbers(SafetyNumbers("رقم الطوارئ", "911", "خط الأزمات", CRISIS))
    assert CRISIS in _seen(card.numbers.text().splitlines()[1])
