"""A whole supervisor flow through the real widgets: queue, sign-off by keyboard, the
two-person rule with a second sign-in, the dashboard's figures, the audit log check
(intact, then tampered), and adding a user."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, text, update

from facilitator.store.models import AuditEvent, Group
from facilitator.store.models_supervision import ReviewItem
from tests.supervision.helpers import add_incident, steady_group

PASS = "owner passphrase long"
SUP = "second supervisor pass"


@pytest.fixture
def sup_ctx(qapp, tmp_path, no_keyring):
    from facilitator.app import users
    from facilitator.store import service
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.tasks import SyncTaskRunner

    store = service.create_store(tmp_path / "s.db", passphrase=PASS)
    owner = users.sign_in(store)
    users.add_user(store, owner, "sam", ["supervisor"], SUP)
    gid, ids, last = steady_group(store.db)
    add_incident(store.db, gid, ids[-1], severity=2, day=last)
    add_incident(
        store.db, gid, ids[-3], type_="risk_disclosure", severity=3, day=last - timedelta(days=14)
    )
    ctx = AppContext(store.db, "en", SyncTaskRunner(), AppSettings(tmp_path / "settings.ini"))
    ctx.store = store
    yield ctx
    store.close()


def key(qtbot, view, k, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: to whatever has focus inside the view."""
    from PySide6.QtWidgets import QApplication

    if QApplication.activeWindow() is not view.window():
        with qtbot.waitActive(view):
            view.activateWindow()
    focus = QApplication.focusWidget()
    if focus is None or not view.isAncestorOf(focus):
        view.setFocus()
        focus = view
    qtbot.keyClick(focus, k, modifier)


def _select(view, kind, risk=None):
    for r, item in enumerate(view.items):
        if item.kind == kind and (risk is None or item.risk_to_life == risk):
            view.table.selectRow(r)
            return item
    raise AssertionError(f"no {kind} item in the queue")


def _state(db, item_id):
    with db.session() as s:
        return s.get(ReviewItem, item_id).state


def test_supervisor_flow_through_the_widgets(sup_ctx, qtbot, monkeypatch, message_boxes):
    from facilitator.app import dashboard
    from facilitator.tracking import report_model as rm
    from facilitator.ui import review_view
    from facilitator.ui.supervision_view import SupervisionView

    view = SupervisionView(sup_ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    # a shared install: the person at the keyboard signs in first
    assert view.principal is None and view.sign_in_form is not None
    view.sign_in_form.login.setText("owner")
    view.sign_in_form.passphrase.setText("not it")
    view.sign_in_form.check()
    assert view.principal is None and "not correct" in view.sign_in_form.error.text()
    view.sign_in_form.passphrase.setText(PASS)
    qtbot.keyClick(view.sign_in_form.passphrase, Qt.Key.Key_Return)
    qtbot.wait(20)  # the event loop runs between two key presses, as for a person
    review = view.open_tab("review")
    review.table.setFocus()
    assert view.principal.login == "owner"
    kinds = {i.kind for i in review.items}
    assert {"incident_follow_up", "safety_opened", "group_quiet"} <= kinds
    assert "Incident needing follow-up: 2" in review.counts.text()

    # sign off the ordinary incident with the keyboard (Ctrl+Return), with a comment
    def typed(dialog):
        dialog.text.setPlainText("Follow-up agreed with the team.")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(review_view.TextDialog, "exec", typed)
    item = _select(review, "incident_follow_up", risk=False)
    assert "Incident needing follow-up" in review.detail.text()
    assert "never see" not in review.detail.text()  # incident text stays private
    assert "Severity: \u2068Medium\u2069" in review.detail.text()  # a word, not "2"
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _state(sup_ctx.db, item.id) == "signed_off"

    # the risk-to-life incident: signing asks for a second person
    review.state.setCurrentIndex(review.state.findData(None))  # all states
    risk = _select(review, "incident_follow_up", risk=True)
    key(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _state(sup_ctx.db, risk.id) != "signed_off"
    assert message_boxes[-1][0] == "information" and "second supervisor" in message_boxes[-1][2]
    _select(review, "incident_follow_up", risk=True)
    assert "Waiting for a second person" in review.detail.text()

    def second_person(dialog):
        dialog.login.setText("sam")
        dialog.passphrase.setText(SUP)
        dialog.check()
        return dialog.result()

    monkeypatch.setattr(review_view.SecondPersonDialog, "exec", second_person)
    key(
        qtbot,
        view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _state(sup_ctx.db, risk.id) == "signed_off"
    review.reload()
    _select(review, "incident_follow_up", risk=True)
    assert "Signed by \u2068owner\u2069" in review.detail.text()  # the name isolated

    # the dashboard shows the report's figures for the same query
    dash_view = view.open_tab("dashboard")
    assert dash_view.dash is not None
    expected = dashboard.build(sup_ctx.db, view.principal, dash_view.query()).report
    figures = [
        (label, str(value))
        for b in expected.blocks
        if isinstance(b, rm.KeyFigures)
        for label, value in b.items
    ]
    assert dash_view.figures == figures and figures
    assert len(dash_view.charts) == sum(isinstance(b, rm.Chart) for b in expected.blocks)
    assert [c.values() for c in dash_view.charts] == [
        [list(s.values) for s in b.series] for b in expected.blocks if isinstance(b, rm.Chart)
    ]

    # the audit log: intact, then an entry edited behind the app's back is found
    audit_view = view.open_tab("audit")
    assert audit_view.table.rowCount() > 0
    actions = {
        audit_view.table.item(r, 3).text().split(" (")[0]
        for r in range(audit_view.table.rowCount())
    }
    assert {"Review item signed off", "Approved by a second person"} <= actions  # in words
    details = " ".join(
        audit_view.table.item(r, 4).text() for r in range(audit_view.table.rowCount())
    )
    assert "None" not in details and "approved_by" not in details and "=" not in details
    audit_view.verify()
    assert "intact" in audit_view.status.text()
    with sup_ctx.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_event_no_update"))
        conn.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(action="backup"))
    audit_view.verify()
    assert "tampered" in audit_view.status.text() and "entry 2" in audit_view.status.text()

    # users: add one through the dialog
    from facilitator.ui import users_view

    def fill(dialog):
        dialog.login.setText("lin")
        dialog.boxes["facilitator"].setChecked(True)
        dialog.passphrase.setText("lin's own passphrase")
        dialog.again.setText("lin's own passphrase")
        dialog.accept()  # OK: the dialog adds the user, and closes only if that worked
        return dialog.result()

    monkeypatch.setattr(users_view.AddUserDialog, "exec", fill)
    uv = view.open_tab("users")
    uv.add()
    assert [uv.table.item(r, 0).text() for r in range(uv.table.rowCount())] == [
        "owner",
        "sam",
        "lin",
    ]


def test_a_trainer_sees_no_supervision_tabs(sup_ctx, qtbot):
    from facilitator.app import users
    from facilitator.ui.supervision_view import SupervisionView

    owner = users.sign_in(sup_ctx.store)
    users.add_user(sup_ctx.store, owner, "tom", ["trainer"], "trainer passphrase")
    tom = users.sign_in(sup_ctx.store, "tom", "trainer passphrase")
    view = SupervisionView(sup_ctx)
    qtbot.addWidget(view)
    view.sign_in_form.login.setText("tom")
    view.sign_in_form.passphrase.setText("trainer passphrase")
    view.sign_in_form.check()
    assert view.principal.login == "tom"
    assert view.tabs.count() == 0
    with sup_ctx.db.session() as s:
        assert s.scalars(select(Group)).first() is not None


def test_the_preview_saves_the_dashboard_it_rendered(sup_ctx, qtbot, monkeypatch):
    """F5 finishing while the preview renders must not swap what Save writes."""
    from facilitator.app import users
    from facilitator.ui.dashboard_view import DashboardView

    view = DashboardView(sup_ctx, users.sign_in(sup_ctx.store))
    qtbot.addWidget(view)
    view.refresh()
    rendered = view.dash
    assert rendered is not None
    held = []
    monkeypatch.setattr(
        sup_ctx.tasks, "run", lambda job, ok=None, failed=None, **_kw: held.append((job, ok))
    )
    view.preview()  # the PDF is rendered on the worker...
    monkeypatch.undo()
    view.k.setValue(rendered.query.k + 1)
    view.refresh()  # ...while a newer dashboard arrives first
    assert view.dash is not rendered and view.dash.query.k == rendered.query.k + 1
    ((job, ok),) = held
    ok(job(lambda *_a: None, None))
    assert view.preview_dialog.dash is rendered


def test_dashboard_completeness_counts_in_arabic_digits(sup_ctx, qtbot):
    import re

    from PySide6.QtWidgets import QLabel

    from facilitator.app import users
    from facilitator.ui.dashboard_view import DashboardView
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), "ar")
    try:
        sup_ctx.lang = "ar"
        view = DashboardView(sup_ctx, users.sign_in(sup_ctx.store))
        qtbot.addWidget(view)
        view.refresh()
        shown = [w.text() for w in view.findChildren(QLabel, "completeness")]
        assert shown and all("الاكتمال" in t for t in shown), shown
        assert not any(re.search("[0-9]", t) for t in shown), shown
    finally:
        installer.install(QApplication.instance(), "en")
