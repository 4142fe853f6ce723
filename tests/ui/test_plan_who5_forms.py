"""The plan screen prints blank WHO-5 forms and says when WHO-5 is due."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pypdf import PdfReader

from facilitator.store.models import Group, Participant


def _group(ctx, **kw) -> str:
    with ctx.db.unit() as s:
        group = Group(name="Harbour circle", program_type="mutual_support", **kw)
        s.add(group)
        s.flush()
        if not kw.get("headcount_only"):
            s.add_all(
                Participant(group_id=group.id, code=f"AJ-3{i}", alias=f"Person {i}")
                for i in range(7)
            )
        return group.id


def test_forms_are_printed_one_per_person_without_any_code(
    qtbot, ctx, tmp_path, monkeypatch, message_boxes
):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from facilitator.ui.plan_view import PlanView

    gid = _group(ctx)
    target = tmp_path / "forms.pdf"
    asked = {}

    def get_int(_parent, _title, _label, value, *_a, **_k):
        asked["default"] = value
        return value, True

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "PDF files (*.pdf)")),
    )
    view = PlanView(ctx)
    qtbot.addWidget(view)
    view.set_group(gid)
    view.show()
    assert view.who5_hint.isVisible() and "due" in view.who5_hint.text()  # first session
    qtbot.mouseClick(view.who5_btn, Qt.MouseButton.LeftButton)
    assert asked["default"] == 7  # one per person on the roster
    assert [kind for kind, *_ in message_boxes] == ["information"], message_boxes
    reader = PdfReader(str(target))
    assert len(reader.pages) == 7
    text = reader.pages[0].extract_text()
    assert "I have felt calm and" in text and "relaxed" in text  # wrapped in its cell
    for i in range(7):
        assert f"AJ-3{i}" not in text and f"Person {i}" not in text


def test_no_forms_for_a_headcount_only_group(qtbot, ctx):
    from facilitator.ui.plan_view import PlanView

    view = PlanView(ctx)
    qtbot.addWidget(view)
    view.set_group(_group(ctx, headcount_only=True))
    view.show()
    assert not view.who5_btn.isVisible() and not view.who5_hint.isVisible()
