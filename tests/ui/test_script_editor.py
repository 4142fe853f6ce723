"""The script editor: duplicate a built-in, reorder, retime, reword in both languages.

Every edit is validated live, so a broken copy cannot be saved; what is saved is
asserted by loading the stored copy back through the engine's own loader.
"""

from __future__ import annotations

import copy
import re

import pytest
from PySide6.QtCore import Qt

from facilitator.scripts.library import builtin_scripts, list_scripts, load_script
from facilitator.ui.script_editor import ScriptEditor

BUILTIN = "grief-loss-circle"


def type_text(widget, text: str) -> None:
    """Type ``text`` as an Arabic keyboard does: key events carrying the characters.

    (QTest.keyClicks maps characters to Latin key codes and aborts on Arabic ones.)
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def test_duplicate_reorder_retime_reword_validated_live(qtbot, ctx):
    original = builtin_scripts()[BUILTIN]
    editor = ScriptEditor(ctx, original, copy=True)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.id_edit.text() != BUILTIN and editor.save_btn.isEnabled()
    total = sum(s.minutes for s in original.steps)

    # Reorder: the second step moves down one place.
    editor.step_list.setCurrentRow(1)
    moved = editor.data["steps"][1]["id"]
    qtbot.mouseClick(editor.down_btn, Qt.MouseButton.LeftButton)
    assert editor.data["steps"][2]["id"] == moved and editor.step_list.currentRow() == 2

    # Retime: the total follows at once.
    editor.minutes.setValue(editor.minutes.value() + 4)
    assert editor.total.text().endswith(f"{total + 4} minutes")

    # Reword in Arabic; emptying the English title is refused until it is filled again.
    title_ar = editor.fields[("title", "ar")]
    title_ar.selectAll()
    type_text(title_ar, "خطوة معدّلة")
    title_en = editor.fields[("title", "en")]
    title_en.selectAll()
    qtbot.keyClick(title_en, Qt.Key.Key_Delete)
    assert not editor.save_btn.isEnabled() and editor.problems.isVisible()
    assert editor.problems.text()
    qtbot.keyClicks(title_en, "A changed step")
    assert editor.save_btn.isEnabled() and not editor.problems.isVisible()

    # The copy may not keep a built-in's identifier.
    editor.id_edit.selectAll()
    qtbot.keyClicks(editor.id_edit, BUILTIN)
    assert not editor.save_btn.isEnabled()
    editor.id_edit.selectAll()
    qtbot.keyClicks(editor.id_edit, "my-grief-circle")
    assert editor.save_btn.isEnabled()

    qtbot.mouseClick(editor.save_btn, Qt.MouseButton.LeftButton)
    assert editor.saved_id == "my-grief-circle"
    with ctx.db.unit() as s:
        saved = load_script("my-grief-circle", s)
        assert any(x.id == "my-grief-circle" and not x.builtin for x in list_scripts(s))
    assert [st.id for st in saved.steps][2] == moved
    assert saved.steps[2].title.en == "A changed step"
    assert saved.steps[2].title.ar == "خطوة معدّلة"
    assert saved.duration_minutes == total + 4
    # The built-in itself is untouched.
    assert builtin_scripts()[BUILTIN].steps[1].id == moved


def test_plan_screen_prints_the_handout_in_the_group_language(
    qtbot, ctx, tmp_path, monkeypatch, message_boxes
):
    from PySide6.QtWidgets import QFileDialog
    from pypdf import PdfReader

    from facilitator.store.models import Group
    from facilitator.ui.plan_view import PlanView

    with ctx.db.unit() as s:
        group = Group(
            name="حلقة الخميس",
            program_type="grief",
            language="ar",
            default_script_id=BUILTIN,
            extra_rules=["Phones stay in bags"],
        )
        s.add(group)
        s.flush()
        gid = group.id
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "PDF files (*.pdf)")),
    )
    view = PlanView(ctx)
    qtbot.addWidget(view)
    view.set_group(gid)
    view.show()
    assert view.script.id == BUILTIN
    qtbot.mouseClick(view.handout_btn, Qt.MouseButton.LeftButton)
    assert not [m for m in message_boxes if m[0] != "information"], message_boxes
    assert target.is_file() and target.stat().st_size > 1000
    assert [kind for kind, *_ in message_boxes] == ["information"]  # "Handout saved"
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)  # Arabic, the group's language
    assert "Phones stay in bags" in text  # the group's own rule is on it


def test_handout_job_prints_a_custom_script_with_the_groups_reworded_rule(ctx, tmp_path):
    """The worker reads the facilitator's custom copy and the group's rules from the
    store in one unit: a reworded built-in rule replaces the standard wording."""
    from pypdf import PdfReader

    from facilitator.scripts.library import save_custom_script
    from facilitator.store.models import Group
    from facilitator.app.exports import write_handout
    from facilitator.ui.script_editor import script_to_yaml

    data = builtin_scripts()[BUILTIN].model_dump(mode="json", exclude_none=True)
    data["id"], data["title"]["en"] = "thursday-circle", "Thursday circle"
    own = {"en": "Stories stay with us", "ar": "القصص تبقى معنا"}
    with ctx.db.unit() as s:
        save_custom_script(s, script_to_yaml(data), based_on=BUILTIN)
        group = Group(
            name="Thursday",
            program_type="grief",
            language="en",
            extra_rules=[{"id": "confidentiality", "title": own, "text": own}, "Tea at the break"],
        )
        s.add(group)
        s.flush()
        gid = group.id
    target = write_handout(ctx.db, "thursday-circle", gid, str(tmp_path / "h.pdf"), "en")
    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Thursday circle" in text  # the custom copy, not the built-in
    assert "Stories stay with us" in text and "Tea at the break" in text
    assert "not even to family" not in " ".join(text.split())  # the standard wording is gone


# -- problems in the interface language -------------------------------------------------
LATIN_WORD = r"[A-Za-z]{3,}"


@pytest.fixture
def arabic_ui(qapp):
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    yield
    installer.install(qapp, "en")


def _core_lines(data):
    """What the core loader says about ``data``, as the editor would show it untranslated."""
    from facilitator.scripts.loader import ScriptValidationError, parse_script_text
    from facilitator.ui.script_editor import script_to_yaml

    with pytest.raises(ScriptValidationError) as info:
        parse_script_text(script_to_yaml(data), "copy")
    return [f"{p.field}: {p.message}" for p in info.value.problems]


def test_editor_problems_are_in_arabic_with_their_field(qtbot, ctx, arabic_ui):
    ctx.lang = "ar"
    editor = ScriptEditor(ctx, builtin_scripts()[BUILTIN], copy=True)
    qtbot.addWidget(editor)
    editor.show()
    editor.step_list.setCurrentRow(2)
    title_en = editor.fields[("title", "en")]
    title_en.selectAll()
    qtbot.keyClick(title_en, Qt.Key.Key_Delete)
    text = editor.problems.text()
    assert not editor.save_btn.isEnabled() and editor.problems.isVisible()
    # The field stays named (step 3, its English title), in Arabic words and digits.
    assert text == "الخطوة ٣ · العنوان (الإنجليزية): النص الإنجليزي فارغ؛ اكتبه.", text
    qtbot.keyClicks(title_en, "Back again")
    assert not editor.problems.isVisible()

    # Retiming the round below what the smallest group needs: a cross-field rule.
    round_row = next(i for i, s in enumerate(editor.data["steps"]) if s["kind"] == "round")
    editor.step_list.setCurrentRow(round_row)
    editor.minutes.setValue(9)
    text = editor.problems.text()
    assert not editor.save_btn.isEnabled()
    assert text.startswith(f"الخطوة {'٠١٢٣٤٥٦٧٨٩'[round_row + 1]} · الدقائق: الجولة ٩ دقيقة"), text
    assert not re.search(LATIN_WORD, text), text


def test_common_problem_kinds_are_worded_in_arabic(arabic_ui):
    from facilitator.ui.script_problems import script_problems

    base = builtin_scripts()[BUILTIN].model_dump(mode="json", exclude_none=True)
    cases = {
        "missing text": lambda d: d["steps"][2]["say"].pop("ar"),
        "out of range": lambda d: d["steps"][1].__setitem__("minutes", 999),
        "total too short": lambda d: d.__setitem__("duration_minutes", 5),
        "durations differ": lambda d: d.__setitem__("duration_minutes", 100),
        "duplicate id": lambda d: d["steps"][3].__setitem__("id", d["steps"][1]["id"]),
        "bad identifier": lambda d: d.__setitem__("id", "Bad Id"),
    }
    expected = {
        "missing text": "الخطوة ٣ · ما يُقال (العربية): النص العربي غير موجود.",
        "out of range": "الخطوة ٢ · الدقائق: القيمة ٩٩٩ كبيرة جدًا؛ يجب ألّا تزيد على ٢٤٠.",
        "total too short": "المدة الكلية: القيمة ٥ صغيرة جدًا؛ يجب ألّا تقل عن ١٠.",
        "durations differ": "المدة الكلية: مجموع الخطوات ٩٠ دقيقة لكن مدة الجلسة ١٠٠ دقيقة؛ "
        "اجعلهما متساويين.",
        "duplicate id": f"الخطوة ٤ · المعرّف: معرّف الخطوة «{base['steps'][1]['id']}» مستخدم "
        "في الخطوة ٢؛ أعطِ كل خطوة معرّفًا خاصًا بها.",
    }
    for name, change in cases.items():
        data = copy.deepcopy(base)
        change(data)
        core = _core_lines(data)
        shown = script_problems(data, core)
        assert len(shown) == len(core) == 1, (name, core)
        assert shown != core, (name, shown)  # not the loader's English line
        if name in expected:
            assert shown[0] == expected[name], (name, shown[0])
        else:  # the identifier rule quotes its example, which stays Latin
            assert shown[0].startswith("المعرّف: استخدم"), shown[0]


def test_english_ui_names_the_field_in_words(qtbot, ctx):
    editor = ScriptEditor(ctx, builtin_scripts()[BUILTIN], copy=True)
    qtbot.addWidget(editor)
    editor.step_list.setCurrentRow(2)
    title_ar = editor.fields[("title", "ar")]
    title_ar.selectAll()
    qtbot.keyClick(title_ar, Qt.Key.Key_Delete)
    assert editor.problems.text() == "Step 3 · Title (Arabic): The Arabic text is empty; write it."


def test_editor_opens_on_the_title_and_adds_a_step(qtbot, ctx):
    """Issue 12 item 15: the cursor starts in the title; Add step exists and saves."""
    from facilitator.scripts.library import load_script
    from facilitator.ui.script_editor import ScriptEditor

    editor = ScriptEditor(ctx, load_script("anxiety-skills-group"), copy=True)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.focusWidget() is editor.title_en
    before = len(editor.data["steps"])
    editor.step_list.setCurrentRow(2)
    qtbot.mouseClick(editor.add_btn, Qt.MouseButton.LeftButton)
    assert len(editor.data["steps"]) == before + 1
    assert editor.step_list.currentRow() == 3
    assert editor.data["steps"][3]["kind"] == "discussion"
    assert not editor.save_btn.isEnabled()  # the new step still needs its words
    editor.fields[("title", "en")].setText("")
    qtbot.keyClicks(editor.fields[("title", "en")], "Tea and a walk")
    qtbot.keyClicks(editor.fields[("say", "en")], "Let us take ten minutes outside.")
    type_text(editor.fields[("say", "ar")], "لنأخذ عشر دقائق في الخارج.")
    editor.kind.setCurrentIndex(editor.kind.findData("break"))
    assert editor.save_btn.isEnabled(), editor.problems.text()
    qtbot.mouseClick(editor.save_btn, Qt.MouseButton.LeftButton)
    with ctx.db.unit() as s:
        saved = load_script(editor.saved_id, s)
    assert [st.kind for st in saved.steps][3] == "break"
    assert saved.steps[3].title.en == "Tea and a walk"
