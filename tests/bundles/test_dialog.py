"""The bundles dialog, through its real widgets: a facilitator previews, ticks a text
and writes a bundle; the supervisor's dialog dry-runs, imports and shows the board."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from facilitator.store.models import Group, Note
from facilitator.ui.bundles_dialog import BundlesDialog
from facilitator.ui.context import AppContext, AppSettings
from facilitator.ui.tasks import SyncTaskRunner

from .conftest import pair


def _ctx(inst, tmp_path, lang="en"):
    return AppContext(inst.db, lang, SyncTaskRunner(), AppSettings(tmp_path / f"{inst.name}.ini"))


def test_send_and_receive_through_the_dialog(qtbot, qapp, make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=3)
    sup = make_install("sup")
    pair(fac, sup)
    with fac.db.unit() as s:
        gid = s.scalars(select(Group.id)).first()
        note = Note(group_id=gid, body="We moved the group to the bigger room.")
        s.add(note)
        s.flush()
        note_id = note.id
    d = BundlesDialog(_ctx(fac, tmp_path), None)
    qtbot.addWidget(d)
    assert d.recipient.count() == 1 and "sup" in d.recipient.currentText()
    assert d.own_fp.text() == fac.pk.fingerprint  # this side's fingerprint is shown
    d.preview_button.click()
    counts = {
        d.counts.item(i, 0).text(): int(d.counts.item(i, 1).text())
        for i in range(d.counts.rowCount())
    }
    assert counts["Sessions"] > 0 and "Notes" not in counts
    items = [d.texts.item(i) for i in range(d.texts.count())]
    mine = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == note_id)
    assert d.write_button.isEnabled()
    mine.setCheckState(Qt.CheckState.Checked)
    assert not d.write_button.isEnabled()  # a changed choice needs a new preview
    d.preview_button.click()
    counts = {
        d.counts.item(i, 0).text(): int(d.counts.item(i, 1).text())
        for i in range(d.counts.rowCount())
    }
    assert counts["Notes"] == 1
    out = tmp_path / "from-dialog.fbundle"
    d.write_to(out)
    assert out.exists() and "Written" in d.send_status.text()

    r = BundlesDialog(_ctx(sup, tmp_path), None)
    qtbot.addWidget(r)
    r.import_file(out, True)
    assert "Dry run" in r.receive_status.text() and r.import_button.isEnabled()
    with sup.db.unit() as s:
        assert s.get(Note, note_id) is None  # nothing written by the dry run
    r.import_button.click()
    assert "Imported a bundle from fac" in r.receive_status.text()
    with sup.db.unit() as s:
        assert s.get(Note, note_id).body.startswith("We moved")
    row = [r.board.item(0, j).text() for j in range(r.board.columnCount())]
    assert row[0] == "fac" and row[2] == "1" and row[3] == "1"
    # the same file again: refused in one sentence, shown in the dialog
    r.import_file(out, False)
    assert "refused" in r.receive_status.text() and "replay" in r.receive_status.text()


def test_refusal_reason_in_arabic(qtbot, qapp, make_install, tmp_path):
    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(qapp, "ar")
    try:
        sup = make_install("sup")
        junk = tmp_path / "junk.fbundle"
        junk.write_bytes(b"nothing")
        d = BundlesDialog(_ctx(sup, tmp_path, "ar"), None)
        qtbot.addWidget(d)
        d.import_file(junk, False)
        text = d.receive_status.text()
        assert "رُفضت الحزمة" in text and "تالفة أو مبتورة" in text
    finally:
        installer.install(qapp, "en")


def test_conflict_goes_to_the_review_queue_side_by_side(qtbot, qapp, make_install, tmp_path):
    from facilitator.app import bundles, users
    from facilitator.ui.review_view import ReviewView

    from .conftest import PASS
    from facilitator.store.models import Session

    f1 = make_install("f1", demo_groups=1, weeks=2, seed=1)
    f2 = make_install("f2", demo_groups=1, weeks=2, seed=1)  # same ids, another device
    sup = make_install("sup")
    pair(f1, sup)
    pair(f2, sup)
    with f2.db.unit() as s:
        x = s.scalars(select(Session).where(Session.is_practice.is_(False))).first()
        x.headcount = 77
        sid = x.id
    bundles.export_bundle(f1.db, [sup.pk], tmp_path / "1.fbundle")
    bundles.export_bundle(f2.db, [sup.pk], tmp_path / "2.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "1.fbundle")
    bundles.import_bundle(sup.db, tmp_path / "2.fbundle")
    d = BundlesDialog(_ctx(sup, tmp_path), None)
    qtbot.addWidget(d)
    # the Status tab only points at the queue: no second list to resolve from
    assert not hasattr(d, "conflicts")
    assert "review queue" in d.conflict_note.text() and d.conflict_note.text().startswith("1 ")
    ctx = _ctx(sup, tmp_path)
    view = ReviewView(ctx, users.sign_in(sup.store, None, PASS))
    qtbot.addWidget(view)
    view.refresh()
    [row] = [r for r, i in enumerate(view.items) if i.kind == "import_conflict"]
    view.table.selectRow(row)
    text = view.detail.text()
    assert (
        "another device holds this id" in text
        and "<td>headcount</td>" in text
        and "<td>77</td>" in text
    )
    from facilitator.app import review

    review.sign(sup.db, view.principal, view.items[row].id, "checked", take="incoming")
    with sup.db.unit() as s:
        assert s.get(Session, sid).headcount == 77
    d.refresh()
    assert d.conflict_note.text() == ""
