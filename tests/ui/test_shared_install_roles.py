"""A shared install through the real widgets (issue 14): whoever signs in on the
Supervision screen acts for the whole app until the lock. A trainer practises, and
is refused reports with the same sentence as the command line; nobody signed in is
told to sign in first."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.app import practice
from facilitator.app.access import refusal
from facilitator.practice.engine import ManualClock

PASS = "owner passphrase long"
TRN = "trainer passphrase 11"


@pytest.fixture
def shared(qapp, tmp_path, no_keyring):
    from facilitator.app import users
    from facilitator.store import service
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    store = service.create_store(tmp_path / "s.db", passphrase=PASS)
    owner = users.sign_in(store)
    users.add_user(store, owner, "tom", ["trainer"], TRN)
    ctx = AppContext(store.db, "en", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"))
    ctx.store = store
    yield ctx
    store.close()


def _report(qtbot, ctx, tmp_path):
    from facilitator.ui.report_dialog import ReportDialog

    dialog = ReportDialog(ctx, today=date(2025, 4, 15))
    qtbot.addWidget(dialog)
    out = tmp_path / "program.pdf"
    dialog.write(dialog.choices(), str(out))
    return out


def test_a_trainer_signs_in_practises_and_is_refused_reports(
    shared, qtbot, tmp_path, message_boxes
):
    from facilitator.ui.practice.home import PracticeHome
    from facilitator.ui.supervision_view import SupervisionView

    # nobody signed in yet: a report is refused with "sign in first", nothing written,
    # and the refusal offers to sign in; yes opens the sign-in form in place, the owner
    # signs in through it and the report is written as the owner
    from facilitator.ui.report_dialog import ReportDialog
    from facilitator.ui.sign_in import SignInDialog

    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog = ReportDialog(shared, today=date(2025, 4, 15))
    qtbot.addWidget(dialog)
    out = tmp_path / "owner.pdf"
    dialog.write(dialog.choices(), str(out))
    kind, _title, text = message_boxes[-1]
    assert kind == "question" and "sign in first" in text
    assert not out.exists()
    form = dialog.findChild(SignInDialog)
    assert form is not None and form.isVisible()
    form.login.setText("owner")
    form.passphrase.setText("not it")
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert form.error.text() and shared.principal is None and not out.exists()
    form.passphrase.setText(PASS)
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert shared.principal is not None and shared.principal.login == "owner"
    assert out.exists() and out.stat().st_size > 1000
    shared.principal = None

    view = SupervisionView(shared)
    qtbot.addWidget(view)
    view.show()
    assert view.sign_in_form is not None
    view.sign_in_form.login.setText("tom")
    view.sign_in_form.passphrase.setText(TRN)
    qtbot.keyClick(view.sign_in_form.passphrase, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert shared.principal is not None and shared.principal.login == "tom"

    # practice works as tom
    home = PracticeHome(shared, clock=ManualClock(0.0))
    qtbot.addWidget(home)
    home.show()
    home.select("suicidal-disclosure-round")
    home.trainee.clear()
    qtbot.keyClicks(home.trainee, "Trainee T")
    assert home.start_selected(seed=5, confirm=lambda dialog: True)
    assert [a.trainee for a in practice.history(shared.db, who=shared.principal)] == ["Trainee T"]

    # a report is refused with the command line's sentence, and no file is written
    # (with the offer to sign in as someone who may, answered no here)
    message_boxes.answer = QMessageBox.StandardButton.No
    out = _report(qtbot, shared, tmp_path)
    kind, _title, text = message_boxes[-1]
    assert kind == "question"
    assert text.startswith(refusal(shared.principal, "reports.program") + "\n\n")
    assert not out.exists()

    # locking forgets who signed in
    shared.lock_changed.emit(True)
    assert shared.principal is None
