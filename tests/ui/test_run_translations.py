"""Every run-mode string has an Arabic translation, and the Arabic run view mirrors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

RUN_DIR = Path(__file__).resolve().parents[2] / "facilitator" / "ui" / "run"
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "facilitator_ar.ts"


def _messages(path: Path) -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            # plural messages keep their text in <numerusform> children
            out[(name, m.findtext("source"))] = "".join(tr.itertext()).strip() if done else ""
    return out


def test_every_run_string_is_translated(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate is part of PySide6 and must be available"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in RUN_DIR.glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 100
    have = _messages(TS)
    missing = [key for key in wanted if not have.get(key)]
    assert missing == []
    for (ctx, source), text in ((k, have[k]) for k in wanted):
        assert source.count("%1") == text.count("%1"), (ctx, source)
        assert any("\u0600" <= ch <= "\u06ff" for ch in text) or not any(
            ch.isalpha() for ch in source.replace("%", "")
        ), (ctx, source)


@pytest.fixture
def arabic(qapp, tmp_path):
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = tmp_path / "facilitator_ar.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Jordan))
    yield
    QLocale.setDefault(previous)
    QApplication.removeTranslator(translator)


def test_arabic_run_view_is_translated_and_mirrored(qtbot, ctx, arabic):
    from PySide6.QtCore import Qt

    from facilitator.store.models import Group
    from facilitator.tracking.participants import add_participant
    from facilitator.ui.context import RunRequest
    from facilitator.ui.run import create_run_view

    ctx.lang = "ar"
    with ctx.db.unit() as s:
        g = Group(name="حلقة", program_type="grief", language="ar")
        s.add(g)
        s.flush()
        add_participant(s, g.id, alias="سلمى")
        gid = g.id
    view = create_run_view(ctx, RunRequest(gid, "grief-loss-circle"))
    qtbot.addWidget(view)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    view.show()
    assert view.isRightToLeft()
    assert view.safety_button.text() == "السلامة  [F1]"
    assert view.side.tabText(0) == "الحاضرون (٠)"  # the count, in the locale's digits
    view.attendance.button_for(view.attendance.people()[0].id).click()
    assert view.side.tabText(0) == "الحاضرون (١)"
    assert view.extend_button.text() == "+٢ دقيقة  [E]"
    assert "١" in view.card.position.text() and "1" not in view.card.position.text()
    # Step text comes from the script in the group's language.
    assert view.card.title.text() == view.script.steps[0].title.ar
    # Controls sit mirrored: Next is to the left of Back in right-to-left.
    assert (
        view.next_button.mapTo(view, view.next_button.rect().topLeft()).x()
        < view.back_button.mapTo(view, view.back_button.rect().topLeft()).x()
    )
