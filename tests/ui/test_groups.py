"""Group creation and the roster, driven through the real widgets, asserted on the store."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.store.models import Attendance, AuditEvent, Group, Participant, Session
from facilitator.tracking.codes import is_valid_code
from facilitator.ui.group_dialog import GroupDialog
from facilitator.ui.group_view import GroupView
from facilitator.ui.home_view import HomeView
from facilitator.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def _when_modal(qtbot, action):
    """Run ``action(dialog)`` once a modal dialog is up (exec() blocks the test)."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)


def test_create_group_from_home_through_the_dialog(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.home.empty.isVisible()

    def fill(dialog: GroupDialog):
        qtbot.keyClicks(dialog.name, "  Thursday   grief circle ")
        dialog.program.setCurrentIndex(dialog.program.findData("grief"))
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        dialog.script.setCurrentIndex(dialog.script.findData("grief-loss-circle"))
        qtbot.keyClicks(dialog.rules, "Phones stay in bags")
        qtbot.keyClick(dialog.rules, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.rules, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.rules, "We start on time")
        qtbot.keyClicks(dialog.cofac, "Huda")
        qtbot.mouseClick(dialog.save_button, LEFT)

    _when_modal(qtbot, fill)
    qtbot.mouseClick(window.home.new_btn, LEFT)

    with ctx.db.unit() as s:
        g = s.query(Group).one()
        assert (g.name, g.program_type, g.language, g.default_script_id, g.co_facilitator) == (
            "Thursday grief circle",
            "grief",
            "ar",
            "grief-loss-circle",
            "Huda",
        )
        assert g.extra_rules == ["Phones stay in bags", "We start on time"]
        gid = g.id
    # After saving, the app opens the new group's screen.
    assert window.stack.currentWidget() is window.group
    assert window.group.group_id == gid
    assert window.group.title.text() == "Thursday grief circle"
    window.go_back()
    assert window.home.list.count() == 1
    assert "Thursday grief circle" in window.home.list.item(0).text()


def test_group_dialog_refuses_an_empty_name(qtbot, ctx):
    dialog = GroupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "   ")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.error.isVisible() and "name" in dialog.error.text()
    with ctx.db.unit() as s:
        assert s.query(Group).count() == 0


def _group(ctx, name="Circle") -> str:
    with ctx.db.unit() as s:
        g = Group(name=name, program_type="mutual_support")
        s.add(g)
        s.flush()
        return g.id


def test_roster_newcomer_in_two_clicks_alias_archive_and_erase(qtbot, ctx):
    gid = _group(ctx)
    view = GroupView(ctx)
    qtbot.addWidget(view)
    view.set_group(gid)
    view.show()
    assert view.table.rowCount() == 0

    # Two clicks: "Add newcomer", then "Add".
    _when_modal(qtbot, lambda d: qtbot.mouseClick(d.add_button, LEFT))
    qtbot.mouseClick(view.newcomer_btn, LEFT)
    with ctx.db.unit() as s:
        codes = [p.code for p in s.query(Participant)]
    assert len(codes) == 1 and is_valid_code(codes[0])
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == codes[0]

    # A second newcomer with an alias typed in the same dialog.
    def with_alias(d):
        qtbot.keyClicks(d.alias, "Sam")
        qtbot.keyClick(d.alias, Qt.Key.Key_Return)

    _when_modal(qtbot, with_alias)
    qtbot.mouseClick(view.newcomer_btn, LEFT)
    with ctx.db.unit() as s:
        sam = s.query(Participant).filter_by(alias="Sam").one()
        sam_id, sam_code = sam.id, sam.code
    assert view.table.rowCount() == 2
    assert view.selected().code == sam_code  # the newcomer is selected, ready to read out

    # Archive hides them from the roster but keeps the row.
    qtbot.mouseClick(view.archive_btn, LEFT)
    with ctx.db.unit() as s:
        assert s.get(Participant, sam_id).archived
    assert view.table.rowCount() == 1
    view.show_archived.setChecked(True)
    assert view.table.rowCount() == 2

    # Erase (with confirmation) removes the participant and their attendance.
    with ctx.db.unit() as s:
        sess = Session(group_id=gid, script_id="mutual-support-circle", script_version="1")
        s.add(sess)
        s.flush()
        s.add(Attendance(session_id=sess.id, participant_id=sam_id))
    for r in range(view.table.rowCount()):
        if view.table.item(r, 0).text() == sam_code:
            view.table.selectRow(r)

    def cancel(box: QMessageBox):
        box.button(QMessageBox.StandardButton.Cancel).click()

    _when_modal(qtbot, cancel)
    qtbot.mouseClick(view.erase_btn, LEFT)
    with ctx.db.unit() as s:
        assert s.get(Participant, sam_id) is not None  # cancelled: nothing gone

    def confirm(box: QMessageBox):
        erase = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        ][0]
        erase.click()

    _when_modal(qtbot, confirm)
    qtbot.mouseClick(view.erase_btn, LEFT)
    with ctx.db.unit() as s:
        assert s.get(Participant, sam_id) is None
        assert s.query(Attendance).count() == 0
        audit = s.query(AuditEvent).filter_by(action="participant.erase").one()
        assert sam_code not in str(audit.detail) and "Sam" not in str(audit.detail)
    assert view.table.rowCount() == 1


def test_home_lists_groups_with_counts_and_opens_with_enter(qtbot, ctx):
    from facilitator.ui.context import RunRequest

    gid = _group(ctx, "Evening circle")
    _group(ctx, "Morning circle")
    opened = []

    class Nav:
        def show_group(self, group_id):
            opened.append(group_id)

        def start_run(self, request: RunRequest):
            opened.append(request)

    ctx.navigator = Nav()
    home = HomeView(ctx)
    qtbot.addWidget(home)
    home.show()
    assert [home.list.item(i).text().split("  ·  ")[0] for i in range(home.list.count())] == [
        "Evening circle",
        "Morning circle",
    ]
    home.list.setCurrentRow(0)
    qtbot.keyClick(home.list, Qt.Key.Key_Return)
    assert opened == [gid]


def test_optional_details_are_skippable_set_on_arrival_and_editable(qtbot, ctx):
    gid = _group(ctx)
    view = GroupView(ctx)
    qtbot.addWidget(view)
    view.set_group(gid)
    view.show()
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers == ["Code", "Alias (private)", "Age band", "Gender", "Status"]

    # Not asked is the default: pressing Add at once stores nothing.
    _when_modal(qtbot, lambda d: qtbot.mouseClick(d.add_button, LEFT))
    qtbot.mouseClick(view.newcomer_btn, LEFT)

    def with_details(d):
        assert d.details.values() == (None, None)
        d.details.age_band.setCurrentIndex(d.details.age_band.findData("35_44"))
        d.details.gender.setCurrentIndex(d.details.gender.findData("woman"))
        qtbot.mouseClick(d.add_button, LEFT)

    _when_modal(qtbot, with_details)
    qtbot.mouseClick(view.newcomer_btn, LEFT)
    with ctx.db.unit() as s:
        people = {(p.age_band, p.gender): p.code for p in s.query(Participant)}
    assert set(people) == {(None, None), ("35_44", "woman")}
    row = next(
        r
        for r in range(view.table.rowCount())
        if view.table.item(r, 0).text() == people[("35_44", "woman")]
    )
    assert view.table.item(row, view.COL_AGE).text() == "35 to 44"
    assert view.table.item(row, view.COL_GENDER).text() == "Woman"

    # Details…: clear the age band, keep the gender.
    view.table.selectRow(row)

    def clear_age(d):
        assert d.details.values() == ("35_44", "woman")
        d.details.age_band.setCurrentIndex(0)
        d.accept()

    _when_modal(qtbot, clear_age)
    qtbot.mouseClick(view.details_btn, LEFT)
    with ctx.db.unit() as s:
        p = s.query(Participant).filter_by(code=people[("35_44", "woman")]).one()
        assert (p.age_band, p.gender) == (None, "woman")
    assert view.table.item(row, view.COL_AGE).text() == ""


def test_headcount_only_group_from_the_dialog(qtbot, ctx):
    dialog = GroupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Drop-in coffee morning")
    dialog.headcount_only.setChecked(True)
    dialog._save()
    assert dialog.saved_group_id
    with ctx.db.unit() as s:
        assert s.get(Group, dialog.saved_group_id).headcount_only is True
    view = GroupView(ctx)
    qtbot.addWidget(view)
    view.set_group(dialog.saved_group_id)
    view.show()
    assert view.headcount_hint.isVisible() and not view.table.isVisible()
    assert not view.newcomer_btn.isVisible()

    # A group with codes on its roster is refused, in the dialog's own words.
    gid = _group(ctx, "Roster circle")
    with ctx.db.unit() as s:
        s.add(Participant(group_id=gid, code="K7M-P3Q"))
    edit = GroupDialog(ctx, gid)
    qtbot.addWidget(edit)
    edit.headcount_only.setChecked(True)
    edit._save()
    assert edit.saved_group_id is None
    assert "still has participants" in edit.error.text()
    with ctx.db.unit() as s:
        assert s.get(Group, gid).headcount_only is False
