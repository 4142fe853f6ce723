"""The report dialog writes the same de-identified PDFs as ``facilitator report``."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from facilitator.store.models import Attendance, Group, Participant, Session, SessionStatus
from facilitator.app.reports import default_months
from facilitator.ui.report_dialog import K_EXTERNAL, ReportDialog
from tests.export.pdfcheck import key


@pytest.fixture
def group(ctx):
    """Six people, four weekly sessions in March 2025; one person has an alias."""
    return _group(ctx, datetime(2025, 3, 3, 18, tzinfo=timezone.utc))


def _group(ctx, start, weeks=4):
    with ctx.db.unit() as s:
        g = Group(name="Tuesday circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        people = [
            Participant(group_id=g.id, code=f"K{i}M-P{i}Q", alias="Maya" if i == 0 else None)
            for i in range(6)
        ]
        s.add_all(people)
        s.flush()
        for week in range(weeks):
            when = start + timedelta(days=7 * week)
            sess = Session(
                group_id=g.id,
                script_id="mutual-support-circle",
                script_version="1",
                planned_start=when,
                started_at=when,
                ended_at=when + timedelta(minutes=90),
                status=SessionStatus.completed,
            )
            s.add(sess)
            s.flush()
            s.add_all(
                Attendance(session_id=sess.id, participant_id=p.id, first_time=week == 0)
                for p in people
            )
        return g.id, [p.code for p in people]


def _text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _dialog(qtbot, ctx, group_id=None, name=""):
    dialog = ReportDialog(ctx, group_id, name, today=date(2025, 4, 15))
    qtbot.addWidget(dialog)
    return dialog


def test_defaults_are_the_safe_ones(qtbot, ctx, group):
    gid, _codes = group
    dialog = _dialog(qtbot, ctx, gid, "Tuesday circle")
    choice = dialog.choices()
    # whole calendar months: the three before this one, the last complete one last
    assert choice == {
        "kind": "group",
        "group_id": gid,
        "date_from": date(2025, 1, 1),
        "date_to": date(2025, 3, 31),
        "lang": "en",
        "k": 5,
        "password": None,
    }
    assert dialog.date_from.displayFormat() == "yyyy-MM"  # months only: no day to pick
    dialog.date_from.setDate(date(2025, 2, 17))
    dialog.date_to.setDate(date(2025, 2, 3))
    assert (dialog.choices()["date_from"], dialog.choices()["date_to"]) == (
        date(2025, 2, 1),
        date(2025, 2, 28),
    )
    assert default_months([], date(2025, 2, 10)) == (date(2024, 12, 1), date(2025, 2, 1))
    # A report for outside the programme cannot go below k = 11.
    dialog.kind.setCurrentIndex(dialog.kind.findData("external"))
    assert dialog.k.value() == K_EXTERNAL and dialog.k.minimum() == K_EXTERNAL
    dialog.k.setValue(3)
    assert dialog.choices()["k"] == K_EXTERNAL


@pytest.mark.parametrize(
    "setup, problem",
    [
        (lambda d: d.date_from.setDate(d.date_to.date().addMonths(1)), "after the last month"),
        (
            lambda d: (d.password.setText("long enough 1"), d.password2.setText("long enough 2")),
            "not the same",
        ),
        (lambda d: (d.password.setText("short"), d.password2.setText("short")), "at least 8"),
    ],
)
def test_bad_choices_are_explained_and_nothing_is_written(
    qtbot, ctx, group, tmp_path, setup, problem
):
    dialog = _dialog(qtbot, ctx, group[0], "Tuesday circle")
    setup(dialog)
    dialog.save()  # stops before asking for a file name
    assert problem in dialog.problem.text()
    assert not list(tmp_path.glob("*.pdf"))


def test_group_report_from_the_dialog(qtbot, ctx, group, tmp_path, message_boxes):
    gid, codes = group
    dialog = _dialog(qtbot, ctx, gid, "Tuesday circle")
    dialog.whole.setChecked(True)
    out = tmp_path / "group"
    dialog.write(dialog.choices(), str(out))
    assert dialog.written == str(tmp_path / "group.pdf")
    text = _text(dialog.written)
    assert "Tuesday circle" in text and "Sessions held" in text
    for code in codes:
        assert code not in text
    assert "Maya" not in text


def test_program_report_in_arabic_with_a_password(qtbot, ctx, group, tmp_path, message_boxes):
    dialog = _dialog(qtbot, ctx)
    assert dialog.kind.currentData() == "program"  # no group: the program report
    dialog.lang.setCurrentIndex(dialog.lang.findData("ar"))
    dialog.password.setText("correct horse")
    dialog.password2.setText("correct horse")
    dialog.date_from.setDate(dialog.date_from.date().addYears(-1))
    out = tmp_path / "program.pdf"
    dialog.write(dialog.choices(), str(out))
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    assert reader.decrypt("correct horse") != 0
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert key("تقرير البرنامج") in key(text)
    # written to a file: recorded in the release register
    from facilitator.tracking import release

    assert [(e.kind, e.audience) for e in release.entries(ctx.db)] == [("program", "internal")]


def test_a_write_that_fails_is_shown_and_the_dialog_stays(
    qtbot, ctx, group, tmp_path, message_boxes
):
    dialog = _dialog(qtbot, ctx, group[0], "Tuesday circle")
    dialog.write(dialog.choices(), str(tmp_path / "missing-folder" / "r.pdf"))
    assert dialog.written is None and dialog.save_button.isEnabled()
    assert any("does not exist" in call[2] for call in message_boxes)


def test_the_report_can_never_land_on_the_store(qtbot, ctx, group, tmp_path, message_boxes):
    """The output-path rule in the app: the store's own files are refused whatever the
    save dialog returned, and a name the dialog never confirmed is never replaced."""
    store = ctx.db.path
    before = store.read_bytes()
    dialog = _dialog(qtbot, ctx, group[0], "Tuesday circle")
    link = tmp_path / "report.pdf"  # an innocent-looking name that leads to the store
    link.symlink_to(store)
    dialog.write(dialog.choices(), str(link))
    assert dialog.written is None
    assert any("belongs to the store" in call[2] for call in message_boxes)
    assert store.read_bytes() == before and link.is_symlink()
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"keep me")
    dialog.write(dialog.choices(), str(tmp_path / "old"))  # ".pdf" added: not confirmed
    assert existing.read_bytes() == b"keep me"
    assert any("already exists" in call[2] for call in message_boxes)


def test_arabic_k_hint_counts_in_arabic_digits(qtbot, ctx, group):
    """ "Counts from 1 to 4 are hidden" wrote a Western 1 beside an Arabic-Indic 4."""
    import re

    from PySide6.QtWidgets import QApplication

    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    installer.install(QApplication.instance(), "ar")
    try:
        ctx.lang = "ar"
        dialog = _dialog(qtbot, ctx, group[0], "Tuesday circle")
        text = dialog.k_hint.text()
        assert "١" in text and "٤" in text, text
        assert not re.search("[0-9]", text), text
    finally:
        installer.install(QApplication.instance(), "en")


def test_right_after_the_first_session_the_default_period_includes_it(
    qtbot, ctx, tmp_path, monkeypatch, message_boxes
):
    """The first session today: the default months end with this month, so the report
    holds it; a period with no session is questioned before anything is saved."""
    from PySide6.QtWidgets import QFileDialog

    gid, _codes = _group(ctx, datetime(2026, 12, 4, 18, 0, tzinfo=timezone.utc), weeks=1)
    dialog = ReportDialog(ctx, gid, "Tuesday circle", today=date(2026, 12, 4))
    qtbot.addWidget(dialog)
    choice = dialog.choices()
    assert (choice["date_from"], choice["date_to"]) == (date(2026, 10, 1), date(2026, 12, 31))
    assert not dialog.empty_period(choice)

    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", ""))
    )
    dialog.date_from.setDate(date(2026, 9, 1))
    dialog.date_to.setDate(date(2026, 11, 1))
    assert dialog.empty_period(dialog.choices())
    dialog.save()  # answered No: no save dialog, nothing written
    kind, _title, text = message_boxes[-1]
    assert kind == "question" and "No sessions were held" in text
    assert asked == []
