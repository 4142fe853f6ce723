"""The scenario editor through the widgets: open a built-in scenario as a copy, break a
field by typing, see the problem (in Arabic in an Arabic run), click it and land on its
line, fix it, save (atomically, through the save dialog), import it into the practice
list; unsaved changes are asked about; F8 walks the problems."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from facilitator.app import practice as svc
from facilitator.errors import InputError

SCENARIO = "boundary-private-meeting"


@pytest.fixture(params=["en", "ar"])
def lang(request, qapp):
    if request.param == "ar":
        from facilitator.ui.translations import LanguageInstaller

        installer = LanguageInstaller()
        installer.install(qapp, "ar")
        yield "ar"
        installer.install(qapp, "en")
    else:
        yield "en"


@pytest.fixture
def home(qtbot, ctx, lang):
    from facilitator.ui.practice.home import PracticeHome

    ctx.lang = lang
    widget = PracticeHome(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    return widget


def _line_of(editor, needle: str) -> int:
    lines = editor.text.toPlainText().split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _select_on_line(editor, line: int, word: str) -> None:
    block = editor.text.document().findBlockByNumber(line - 1)
    start = block.position() + block.text().index(word)
    cursor = QTextCursor(editor.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    editor.text.setTextCursor(cursor)


def _problems(editor) -> list[str]:
    return [editor.problems.item(r).text() for r in range(editor.problems.count())]


def test_break_a_field_see_it_go_to_it_fix_save_and_import(qtbot, home, tmp_path, lang):
    (tmp_path / "out").mkdir()
    saved = tmp_path / "out" / "my-boundary.yaml"
    asked: list[str] = []

    def save_as(suggested: str) -> str:
        asked.append(suggested)
        return str(saved)

    home.select(SCENARIO)
    editor = home.edit_scenario(ask_save_path=save_as)
    assert home.pages.currentWidget() is editor and editor.path is None
    qtbot.waitUntil(lambda: editor.report is not None, timeout=10_000)
    assert editor.report.ok, _problems(editor)
    assert editor.check_ms and editor.check_ms[0] > 0

    # break the first event's kind by typing over it
    line = _line_of(editor, "kind: ")
    _select_on_line(
        editor, line, editor.text.document().findBlockByNumber(line - 1).text().split("kind: ")[1]
    )
    qtbot.keyClicks(editor.text, "shouts")
    assert editor.dirty and editor.title.text().startswith("• ")
    qtbot.waitUntil(lambda: editor.report is not None and not editor.report.ok, timeout=10_000)
    texts = _problems(editor)
    assert len(texts) >= 1
    problem = next(t for t in texts if "shouts" in t)
    if lang == "ar":
        assert "نوع حدث غير معروف" in problem and "مشكلة" in problem
        assert "unknown event kind" not in problem
    else:
        assert "unknown event kind 'shouts'" in problem
    assert str(line) in problem

    # click the problem: the cursor goes to its line
    editor.text.moveCursor(QTextCursor.MoveOperation.Start)
    row = texts.index(problem)
    item = editor.problems.item(row)
    rect = editor.problems.visualItemRect(item)
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.text.textCursor().blockNumber() + 1 == line
    assert editor.text.hasFocus() or editor.text.textCursor().blockNumber() + 1 == line
    # Enter on it does the same, and F8 walks to the (only) problem line from the top
    editor.text.moveCursor(QTextCursor.MoveOperation.Start)
    editor.problems.setCurrentRow(row)
    editor.problems.setFocus()
    qtbot.keyClick(editor.problems, Qt.Key.Key_Return)
    assert editor.text.textCursor().blockNumber() + 1 == line
    editor.text.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor.text, Qt.Key.Key_F8)
    assert editor.text.textCursor().blockNumber() + 1 == line

    # fix it (and give the copy its own id)
    _select_on_line(editor, line, "shouts")
    qtbot.keyClicks(editor.text, "says")
    id_line = _line_of(editor, f"id: {SCENARIO}")
    _select_on_line(editor, id_line, SCENARIO)
    qtbot.keyClicks(editor.text, "my-boundary")
    qtbot.waitUntil(lambda: editor.report is not None and editor.report.ok, timeout=10_000)

    # save: Ctrl+S asks where (a copy has no file yet) and writes it whole
    qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [f"{SCENARIO}-copy.yaml"]
    assert saved.read_text(encoding="utf-8") == editor.text.toPlainText()
    assert not editor.dirty and editor.path == str(saved)
    assert [p.name for p in saved.parent.iterdir()] == ["my-boundary.yaml"]  # no temp file left

    # import: the practice list shows it, selected
    qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)
    assert home.pages.currentIndex() == 0 and home.view is None
    current = home.scenarios.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == str(saved)
    assert "my-boundary.yaml" in current.text()
    scenario, _text = svc.load_scenario(str(saved), home.ctx.db)
    assert scenario.id == "my-boundary"


def test_unsaved_changes_are_asked_about(qtbot, home, tmp_path):
    path = tmp_path / "mine.yaml"
    original = svc.bundled_scenario_source(SCENARIO).text
    path.write_text(original, encoding="utf-8")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    editor = home.edit_file(str(path), ask_unsaved=lambda: answers.pop(0))
    assert editor.path == str(path)
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text, "# a note")
    assert not home.may_close()  # Cancel: the editor stays, with its text
    assert home.view is editor and editor.dirty
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)  # Discard
    assert home.view is None and path.read_text(encoding="utf-8") == original
    # Save answers by writing the known file, without a dialog
    editor = home.edit_file(str(path), ask_unsaved=lambda: QMessageBox.StandardButton.Save)
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text, "# kept")
    assert editor.close_editor()
    assert path.read_text(encoding="utf-8").endswith("# kept")


def test_a_broken_file_opens_with_its_problems_and_cannot_be_imported(qtbot, home, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(
        svc.bundled_scenario_source(SCENARIO).text.replace("version:", "versoin:", 1),
        encoding="utf-8",
    )
    editor = home.edit_file(str(path))
    report = editor.check_now()
    assert not report.ok and any(p.field == "versoin" for p in report.problems)
    assert not editor.import_into_practice()
    assert home.view is editor and str(path) not in [r for r, _t in home.extra_refs]
    assert editor.text.marks and editor.text.extraSelections()


def test_save_refuses_a_folder_and_a_store_file(tmp_path):
    with pytest.raises(InputError):
        svc.save_scenario_source(tmp_path, "x: 1\n")
    target = tmp_path / "a.yaml"
    svc.save_scenario_source(target, "format: 1\n")
    assert target.read_text(encoding="utf-8") == "format: 1\n"
    assert oct(os.stat(target).st_mode & 0o777) == "0o644"


def test_a_stale_check_never_overwrites_a_newer_one(qtbot, home):
    editor = home.edit_scenario(SCENARIO)
    qtbot.waitUntil(lambda: editor.report is not None, timeout=10_000)
    first = editor.report
    editor._show_result(editor._latest - 1, None, 1.0)  # an overtaken result: ignored
    assert editor.report is first
