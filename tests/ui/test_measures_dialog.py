"""The Measures dialog (opened from Settings): list, add, refuse inline, retire.

What is asserted is what the store holds after a click, and what the dialog shows:
built-ins read-only and marked validated or not, a refused measure leaving the
store unchanged and the form as typed, a retired one no longer offered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from facilitator.store.models import MeasureDefinition
from facilitator.tracking import measures as me


def open_dialog(qtbot, ctx):
    from facilitator.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(ctx)
    qtbot.addWidget(settings)
    dialog = settings.open_measures()
    dialog.resize(900, 700)
    dialog.settings = settings  # keep the parent alive for the test
    return dialog


def rows(ctx) -> dict[str, MeasureDefinition]:
    with ctx.db.unit() as s:
        found = {m.key: m for m in s.scalars(select(MeasureDefinition))}
        s.expunge_all()
    return found


def fill(dialog, key, en, ar, lo, hi, step, asked="prepost", higher=True) -> None:
    dialog.key.setText(key)
    dialog.title_en.setText(en)
    dialog.title_ar.setText(ar)
    dialog.minimum.setValue(lo)
    dialog.maximum.setValue(hi)
    dialog.step.setValue(step)
    dialog.asked.setCurrentIndex(dialog.asked.findData(asked))
    dialog.higher.setChecked(higher)


def test_lists_builtins_read_only(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    keys = [r.key for r in dialog._rows]
    assert keys == ["checkin10", "who5"]
    kinds = [dialog.table.item(i, 3).text() for i in range(dialog.table.rowCount())]
    assert kinds == ["Built in, not a validated instrument", "Built in, validated instrument"]
    dialog.table.selectRow(1)
    assert not dialog.retire_button.isEnabled()
    assert "cannot be retired" in dialog.retire_note.text()


def test_add_refuse_and_retire(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    fill(dialog, "sleep", "Sleep quality", "جودة النوم", 0, 14, 2, asked="single", higher=False)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    sleep = rows(ctx)["sleep"]
    assert not sleep.builtin and sleep.title == {"en": "Sleep quality", "ar": "جودة النوم"}
    assert (sleep.spec["min"], sleep.spec["max"], sleep.spec["step"]) == (0, 14, 2)
    assert sleep.spec["phases"] == ["single"] and sleep.spec["higher_is_better"] is False
    assert dialog.error.isHidden() and dialog.key.text() == ""
    assert dialog.table.rowCount() == 3 and "sleep" in dialog.table.item(2, 0).text()

    # a step that does not divide the range: refused inline, store and form unchanged
    fill(dialog, "mood", "Mood", "المزاج", 0, 10, 3)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden()
    assert dialog.error.text() == "A step of 3 does not divide the range 0 to 10 into equal steps."
    assert "mood" not in rows(ctx) and dialog.key.text() == "mood"
    assert dialog.title_ar.text() == "المزاج" and dialog.add_button.isEnabled()
    # a title with no Arabic letters, and a key already used
    fill(dialog, "mood", "Mood", "Mood", 0, 10, 1)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The Arabic title has no Arabic letters."
    fill(dialog, "sleep", "Sleep", "النوم", 0, 10, 1)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "A measure called 'sleep' already exists."
    with ctx.db.unit() as s:
        assert s.scalar(select(func.count()).select_from(MeasureDefinition)) == 3

    dialog.table.selectRow(2)
    assert dialog.retire_button.isEnabled()
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert me.is_retired(rows(ctx)["sleep"])
    assert dialog.table.item(2, 4).text() == "Retired"
    assert dialog.retire_button.text().replace("&", "") == "Offer again"
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert not me.is_retired(rows(ctx)["sleep"])


def test_every_control_is_named_and_arabic_is_complete(qtbot, ctx, qapp):
    import re

    from facilitator.ui.translations import LanguageInstaller
    from tests.ui.test_accessibility import _unnamed
    from tests.ui.test_arabic import _visible_texts

    dialog = open_dialog(qtbot, ctx)
    dialog.show()
    assert _unnamed(dialog) == []
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    try:
        ctx.lang = "ar"
        dialog = open_dialog(qtbot, ctx)
        dialog.show()
        assert dialog.isRightToLeft()
        fill(dialog, "mood", "Mood", "المزاج", 0, 10, 3)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "الخطوة ٣ لا تقسم المدى من ٠ إلى ١٠ إلى خطوات متساوية."
        for text in _visible_texts(dialog) + [dialog.table.item(0, c).text() for c in (2, 3, 4)]:
            assert re.search("[\u0600-\u06ff]", text) or not re.search("[A-Za-z]", text), text
    finally:
        installer.install(qapp, "en")
        ctx.lang = "en"


WORDING = """\
title: "مؤشر الرفاه الخماسي"
instructions: "اختر لكل عبارة الإجابة الأقرب إلى شعورك في الأسبوعين الماضيين."
items: ["عبارة أولى", "عبارة ثانية", "عبارة ثالثة", "عبارة رابعة", "عبارة خامسة"]
choices: ["دائمًا", "غالبًا", "أكثر من النصف", "أقل من النصف", "أحيانًا", "أبدًا"]
source: "Organisation's copy of the published version"
"""


def test_organisation_wording_is_loaded_checked_and_undone(qtbot, ctx, tmp_path):
    dialog = open_dialog(qtbot, ctx)
    assert "not yet checked" in dialog.wording_status.text()
    assert not dialog.shipped_button.isEnabled()

    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    dialog.load_wording(str(bad))
    assert "not valid YAML" in dialog.wording_status.text()
    short = tmp_path / "short.yaml"
    short.write_text(WORDING.replace('"عبارة خامسة"', ""), encoding="utf-8")
    dialog.load_wording(str(short))
    assert "exactly 5" in dialog.wording_status.text()
    with ctx.db.unit() as s:
        assert me.measure_text(dict(me.get_measure(s, "who5").spec), "ar").status == "unverified"

    good = tmp_path / "who5-ar.yaml"
    good.write_text(WORDING, encoding="utf-8")
    dialog.load_wording(str(good))
    assert "your organisation's own" in dialog.wording_status.text()
    with ctx.db.unit() as s:
        text = me.measure_text(dict(me.get_measure(s, "who5").spec), "ar")
    assert text.status == "organisation" and text.items[0] == "عبارة أولى"
    assert dialog.shipped_button.isEnabled()

    qtbot.mouseClick(dialog.shipped_button, Qt.MouseButton.LeftButton)
    assert "not yet checked" in dialog.wording_status.text()
    with ctx.db.unit() as s:
        assert me.measure_text(dict(me.get_measure(s, "who5").spec), "ar").status == "unverified"


def test_a_bad_wording_file_is_explained_in_arabic(qtbot, ctx, qapp, tmp_path):
    from facilitator.ui.translations import LanguageInstaller

    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    try:
        ctx.lang = "ar"
        dialog = open_dialog(qtbot, ctx)
        dialog.load_wording(str(bad))
        text = dialog.wording_status.text()
        assert text.startswith("لم تتغير الصياغة") and "ليس YAML صالحًا (السطر" in text, text
        assert str(bad) in text
    finally:
        installer.install(qapp, "en")
        ctx.lang = "en"


def test_titles_can_be_reworded_and_a_bad_one_is_refused(qtbot, ctx):
    from facilitator.tracking import custom_measures as cm

    with ctx.db.unit() as s:
        cm.create_custom_measure(
            s, "cope", {"en": "Coping", "ar": "التأقلم"}, minimum=0, maximum=10
        )
    dialog = open_dialog(qtbot, ctx)
    dialog.table.selectRow(0)  # a built-in measure: its titles stay
    assert not dialog.titles_button.isEnabled()
    dialog.table.selectRow([r.key for r in dialog._rows].index("cope"))
    assert dialog.titles_button.isEnabled()
    dialog.edit_titles(("Able to cope", "القدرة على التأقلم"))
    assert rows(ctx)["cope"].title == {"en": "Able to cope", "ar": "القدرة على التأقلم"}
    assert (
        "Able to cope" in dialog.table.item([r.key for r in dialog._rows].index("cope"), 0).text()
    )
    dialog.table.selectRow([r.key for r in dialog._rows].index("cope"))
    dialog.edit_titles(("Able to cope", "Coping"))  # no Arabic letters
    assert "no Arabic letters" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert rows(ctx)["cope"].title["ar"] == "القدرة على التأقلم"
