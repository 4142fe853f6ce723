"""A shared install with nobody signed in, through the real widgets: the bundles dialog
and the trainer's review are refused by the services, each refusal offers to sign in,
the person signs in through the form that opens, and what was refused carries on as
them (issue 14: roles are enforced in the services; the screens only offer the way
in)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.app import practice
from facilitator.app import practice_review as review
from facilitator.practice.engine import ManualClock

PASS = "owner passphrase long"
SUP = "supervisor passphrase 1"
TRN = "trainer passphrase 11"
FAC = "facilitator passphrase 1"
BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}


@pytest.fixture
def shared(qapp, tmp_path, no_keyring):
    from facilitator.app import users
    from facilitator.store import service
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    store = service.create_store(tmp_path / "s.db", passphrase=PASS)
    owner = users.sign_in(store)
    users.add_user(store, owner, "sam", ["supervisor"], SUP)
    users.add_user(store, owner, "tom", ["trainer"], TRN)
    users.add_user(store, owner, "fay", ["facilitator"], FAC)
    ctx = AppContext(store.db, "en", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"))
    ctx.store = store
    yield ctx
    store.close()


def _sign_in(qtbot, form, login, passphrase):
    assert form is not None and form.isVisible()
    form.login.setText(login)
    form.passphrase.setText(passphrase)
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)


def test_the_bundles_dialog_offers_to_sign_in_then_loads(shared, qtbot, message_boxes):
    from facilitator.ui.bundles_dialog import BundlesDialog

    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog = BundlesDialog(shared)
    qtbot.addWidget(dialog)
    kind, _title, text = message_boxes[-1]
    assert kind == "question" and "several users: sign in first" in text
    assert "sign in first" in dialog.keys_status.text() and dialog.own_fp.text() == ""
    _sign_in(qtbot, dialog.sign_in_dialog, "sam", SUP)
    # sam acts for the whole app now, and the refused refresh ran again as sam
    assert shared.principal is not None and shared.principal.login == "sam"
    assert dialog.own_fp.text() and dialog.key_table.rowCount() >= 1


def test_the_trainer_review_offers_to_sign_in_then_opens(shared, qtbot, message_boxes):
    from facilitator.app import users
    from facilitator.ui.practice.home import PracticeHome
    from facilitator.ui.practice.review_view import ReviewView

    fay = users.sign_in(shared.store, "fay", FAC)
    clock = ManualClock(10.0)
    attempt = practice.start_attempt(
        shared.db, "suicidal-disclosure-round", "Trainee F", seed=4, clock=clock, who=fay
    )
    from ..practice.test_app_practice import play_through

    play_through(attempt, clock, BEST)

    home = PracticeHome(shared, clock=ManualClock(0.0))
    qtbot.addWidget(home)
    home.show()
    # nobody signed in: refused, and the offer declined leaves the practice home
    home.show_review(attempt.id)
    assert message_boxes[-1][0] == "question" and "sign in first" in home.message.text()
    assert not isinstance(home.view, ReviewView) and home.sign_in_dialog is None

    # fay (whose attempt it is, not a trainer) signs in: the review is still refused
    # with the role sentence; then tom, a trainer, signs in and the review opens
    message_boxes.answer = QMessageBox.StandardButton.Yes
    home.show_review(attempt.id)
    _sign_in(qtbot, home.sign_in_dialog, "fay", FAC)
    assert shared.principal.login == "fay"
    assert isinstance(home.view, ReviewView)  # her own attempt: she may read it
    view = home.view
    seq = view.debrief.moments[0].seq
    view.add_comment(seq, "A note from fay")
    assert "needs the role trainer" in view.message.text()
    _sign_in(qtbot, view.sign_in_dialog, "tom", TRN)
    assert shared.principal.login == "tom"
    # the refused comment went through as tom once he signed in
    assert [c.text for c in review.comments(shared.db, attempt.id, who=shared.principal)] == [
        "A note from fay"
    ]
    with shared.db.session() as s:
        from facilitator.store.models_practice_review import PracticeReview

        row = s.query(PracticeReview).filter_by(kind="comment").one()
        assert row.data["user_id"] == shared.principal.user_id


def test_a_sign_in_through_the_offer_is_the_supervision_screens_too(shared, qtbot, message_boxes):
    from facilitator.ui.bundles_dialog import BundlesDialog
    from facilitator.ui.supervision_view import SupervisionView

    view = SupervisionView(shared)
    qtbot.addWidget(view)
    assert view.sign_in_form is not None  # a shared install: who are you?
    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog = BundlesDialog(shared)
    qtbot.addWidget(dialog)
    _sign_in(qtbot, dialog.sign_in_dialog, "sam", SUP)
    view.show()
    assert view.sign_in_form is None and view.principal.login == "sam"
    assert "sam" in view.who.text()
