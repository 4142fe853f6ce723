"""The review queue keeps one current item: the detail shows it, every action acts on
it, and reloading (a filter change, an action) keeps it while it is still listed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_supervision import _state, sup_ctx  # noqa: F401 - the fixture

__all__ = ["sup_ctx"]


def _queue(sup_ctx, qtbot):
    from facilitator.app import users
    from facilitator.ui.review_view import ReviewView

    view = ReviewView(sup_ctx, users.sign_in(sup_ctx.store))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.refresh()
    return view


def _shown_row_item(view):
    row = view.table.currentRow()
    assert row >= 0
    return view.items[row]


def test_the_detail_follows_the_highlighted_row_after_a_filter_change(sup_ctx, qtbot, monkeypatch):
    from facilitator.ui.review_view import state_title

    view = _queue(sup_ctx, qtbot)
    assert len(view.items) >= 3
    row0 = next(r for r, i in enumerate(view.items) if not i.risk_to_life)
    first = view.items[row0]
    view.table.setCurrentCell(row0, 0)
    from facilitator.ui.review_view import TextDialog

    def answer(dialog):
        dialog.text.setPlainText("Dealt with.")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TextDialog, "exec", answer)
    view.close_item()
    assert _state(sup_ctx.db, first.id) == "closed"
    shown = view.current()
    assert shown is not None and shown.id != first.id
    assert _shown_row_item(view).id == shown.id

    view.state.setCurrentIndex(view.state.findData(None))  # all states: the closed one is back
    assert first.id in [i.id for i in view.items]
    # the same item stays current, highlighted and shown
    assert view.current().id == shown.id
    assert _shown_row_item(view).id == shown.id
    assert state_title(sup_ctx, shown.state) in view.detail.text()

    # highlight the closed item: the detail and the T key follow it
    row = [i.id for i in view.items].index(first.id)
    view.table.setCurrentCell(row, 0)
    assert view.current().id == first.id
    assert "Closed without action" in view.detail.text()
    other = next(i for i in view.items if i.id != first.id and i.state == "new")
    view.table.setCurrentCell([i.id for i in view.items].index(other.id), 0)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    assert _state(sup_ctx.db, other.id) == "in_review"
    assert view.current().id == other.id and "In review" in view.detail.text()
    assert _state(sup_ctx.db, first.id) == "closed"


def test_closing_without_a_reason_keeps_the_dialog_open(sup_ctx, qtbot, monkeypatch):
    from facilitator.ui.review_view import TextDialog

    view = _queue(sup_ctx, qtbot)
    row = next(r for r, i in enumerate(view.items) if not i.risk_to_life)
    item = view.items[row]
    view.table.setCurrentCell(row, 0)
    seen = {}

    def answer(dialog):
        dialog.show()
        dialog.text.setPlainText("   ")
        dialog.accept()  # OK with an empty reason
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.error.text()
        dialog.text.setPlainText("Not ours: another team follows it.")
        dialog.accept()
        seen["closed"] = not dialog.isVisible()
        return dialog.result()

    monkeypatch.setattr(TextDialog, "exec", answer)
    view.close_item()
    assert seen["open"] and "reason is needed" in seen["error"]
    assert seen["closed"] and _state(sup_ctx.db, item.id) == "closed"


def test_the_comment_box_follows_arabic_right_to_left(qtbot, qapp):
    from PySide6.QtCore import Qt

    from facilitator.ui.review_view import TextDialog

    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        dialog = TextDialog(None, "تعليق", "تعليقك:")
        qtbot.addWidget(dialog)
        option = dialog.text.document().defaultTextOption()
        assert option.alignment() & Qt.AlignmentFlag.AlignRight
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_queue_dates_use_the_arabic_digits(sup_ctx, qtbot):
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), "ar")
    try:
        sup_ctx.lang = "ar"
        view = _queue(sup_ctx, qtbot)
        dated = [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
        assert any(dated) and all(not any(ch.isascii() and ch.isdigit() for ch in d) for d in dated)
    finally:
        installer.install(QApplication.instance(), "en")
