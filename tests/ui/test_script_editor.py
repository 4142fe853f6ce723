"""The script editor: duplicate a built-in, reorder, retime, reword in both languages.

Every edit is validated live, so a broken copy cannot be saved; what is saved is
asserted by loading the stored copy back through the engine's own loader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.session.library import builtin_scripts, list_scripts, load_script
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
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


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


def test_plan_screen_prints_the_handout_in_the_group_language(qtbot, ctx, tmp_path,
                                                              monkeypatch, message_boxes):
    from PySide6.QtWidgets import QFileDialog
    from pypdf import PdfReader

    from facilitator.store.models import Group
    from facilitator.ui.plan_view import PlanView

    with ctx.db.unit() as s:
        group = Group(name="حلقة الخميس", program_type="grief", language="ar",
                      default_script_id=BUILTIN, extra_rules=["Phones stay in bags"])
        s.add(group)
        s.flush()
        gid = group.id
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF files (*.pdf)")))
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
