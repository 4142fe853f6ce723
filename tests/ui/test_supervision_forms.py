"""Forms in the supervision screens keep what was typed when something is wrong, and
say what beside the field at fault."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.ui.test_supervision import sup_ctx  # noqa: F401 - the fixture

__all__ = ["sup_ctx"]


def _add_dialog(sup_ctx, qtbot):
    from facilitator.app import users
    from facilitator.ui.users_view import UsersView

    owner = users.sign_in(sup_ctx.store)
    view = UsersView(sup_ctx, owner)
    qtbot.addWidget(view)
    view.reload()
    added = []

    def add(login, roles, passphrase):
        users.add_user(sup_ctx.store, owner, login, roles, passphrase)
        added.append(login)

    from facilitator.ui.users_view import AddUserDialog

    dialog = AddUserDialog(sup_ctx, view, add=add)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.keep = view  # the view owns the dialog: keep it alive for the test
    return dialog, added


def test_add_user_keeps_the_dialog_open_and_names_the_field_at_fault(sup_ctx, qtbot):
    dialog, added = _add_dialog(sup_ctx, qtbot)
    dialog.login.setText("fay")
    dialog.passphrase.setText("fay's long passphrase")
    dialog.again.setText("fay's long passphrase")
    dialog.accept()  # no role ticked
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "role" in dialog.errors["roles"].text() and dialog.errors["roles"].isVisible()
    assert dialog.login.text() == "fay" and dialog.passphrase.text()  # nothing lost

    dialog.boxes["facilitator"].setChecked(True)
    dialog.again.setText("fay's long passphrasE")
    dialog.accept()
    assert dialog.isVisible() and "not the same" in dialog.errors["again"].text()
    assert not dialog.errors["roles"].isVisible()

    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    dialog.accept()  # refused by the service: said beside the passphrase
    assert dialog.isVisible() and added == []
    assert "at least" in dialog.errors["passphrase"].text()
    assert dialog.login.text() == "fay" and dialog.boxes["facilitator"].isChecked()

    dialog.passphrase.setText("fay's long passphrase")
    dialog.again.setText("fay's long passphrase")
    dialog.accept()
    assert added == ["fay"] and dialog.result() == QDialog.DialogCode.Accepted


def test_the_role_error_names_roles_in_arabic(sup_ctx, qtbot):
    from PySide6.QtWidgets import QApplication

    from facilitator.app import users
    from facilitator.errors import InputError
    from facilitator.ui.errors_ui import error_text
    from facilitator.ui.translations import LanguageInstaller

    owner = users.sign_in(sup_ctx.store)
    try:
        users.add_user(sup_ctx.store, owner, "fay", [], "fay's long passphrase")
    except InputError as exc:
        assert exc.field == "roles"
        installer = LanguageInstaller()
        installer.install(QApplication.instance(), "ar")
        try:
            text = error_text(exc, "ar")
        finally:
            installer.install(QApplication.instance(), "en")
        for role in ("facilitator", "supervisor", "trainer", "administrator"):
            assert role not in text, text
    else:  # pragma: no cover - the service must refuse
        raise AssertionError("no roles was accepted")


def test_unlocking_with_a_users_own_passphrase_signs_them_in(sup_ctx, qtbot):
    """One step after the lock: sam's passphrase unlocks and signs sam in; the
    Supervision screen says so and offers Switch user."""
    from PySide6.QtCore import Qt

    from facilitator.app import unlock
    from facilitator.ui.main_window import MainWindow
    from tests.ui.test_supervision import PASS, SUP

    store = sup_ctx.store
    window = MainWindow(
        sup_ctx,
        unlock_attempt=lambda p, c: unlock.verify_as(store, passphrase=p, recovery_code=c),
    )
    qtbot.addWidget(window)
    window.show()
    sup = window.show_supervision()
    assert sup.sign_in_form is not None  # nobody said who they are yet
    sup.sign_in_form.login.setText("owner")
    sup.sign_in_form.passphrase.setText(PASS)
    sup.sign_in_form.check()
    assert sup.principal.login == "owner" and sup.switch_user.isVisible()

    window.lock()
    assert sup_ctx.principal is None
    panel = window.lock_screen.panel
    qtbot.keyClicks(panel.secret, SUP)
    qtbot.keyClick(panel.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not sup_ctx.locked, timeout=5000)
    assert sup_ctx.principal is not None and sup_ctx.principal.login == "sam"
    sup = window.show_supervision()
    assert sup.sign_in_form is None and sup.principal.login == "sam"
    assert "sam" in sup.who.text() and sup.switch_user.isVisible()
    assert sup.open_tab("review") is not None

    sup.switch_user.click()  # someone else takes the keyboard
    assert sup.sign_in_form is not None and sup_ctx.principal is None
    assert not sup.tabs.isVisible()
