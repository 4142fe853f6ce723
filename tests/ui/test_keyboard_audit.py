"""Keyboard audit (issue 12 items 8 and 9), over every screen and dialog, in both languages.

* No two mnemonics (Alt+letter) collide on one screen, and every mnemonic is a Latin
  letter: an Arabic letter cannot be typed with Alt on a Latin layout, while Qt maps
  a Latin mnemonic to the same key on the Arabic layout. (Arabic labels carry the
  key in brackets, as Chinese and Japanese interfaces do: "حفظ (&S)".)
* A mnemonic on a label goes to a field (its buddy), never to nothing.
* No single letter has two meanings on one screen: run mode's keys (P pause, S skip,
  E extend, N next speaker, X pass) and the keys its panels claim (X pass in a
  check-in, M next measure) agree.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from facilitator.store.models import Group
from facilitator.tracking.participants import add_participant
from facilitator.ui.context import AppContext, AppSettings, RunRequest
from facilitator.ui.translations import LanguageInstaller

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1) if found else None


def mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Visible mnemonics in ``top``: letter -> what carries it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        letter = _mnemonic(text or "")
        if letter:
            found[letter.lower()].append(f"{what} {text!r}")

    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) and w is not top:
            continue
        if isinstance(w, QAbstractButton):
            add(w.text(), type(w).__name__)
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QGroupBox):
            add(w.title(), "group box")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i), "tab")
    return found


def audit(top: QWidget, name: str) -> list[str]:
    problems = []
    for letter, owners in mnemonics(top).items():
        if len(owners) > 1:
            problems.append(f"{name}: Alt+{letter.upper()} is {' and '.join(owners)}")
        if not ("a" <= letter <= "z" or letter.isdigit()):
            problems.append(
                f"{name}: Alt+{letter} cannot be typed on a Latin keyboard ({owners[0]})"
            )
    for w in top.findChildren(QLabel):
        if w.isVisibleTo(top) and _mnemonic(w.text()) and w.buddy() is None:
            problems.append(f"{name}: the label {w.text()!r} has a key but no field")
    return problems


@pytest.fixture(params=["en", "ar"])
def lang(request, qapp):
    installer = LanguageInstaller()
    installer.install(qapp, request.param)
    yield request.param
    installer.install(qapp, "en")


@pytest.fixture
def world(lang, raw_db, tmp_path, qtbot):
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.tasks import SyncTaskRunner

    with raw_db.unit() as s:
        g = Group(
            name="Circle",
            program_type="anxiety",
            language=lang,
            default_script_id="anxiety-skills-group",
        )
        s.add(g)
        s.flush()
        gid = g.id
        for alias in ("Sam", "Noor", None):
            add_participant(s, gid, alias=alias)
    ctx = AppContext(raw_db, lang, SyncTaskRunner(), AppSettings(tmp_path / "s.ini"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return ctx, window, gid


def test_no_mnemonic_collides_on_any_screen(world, qtbot):
    ctx, window, gid = world
    problems = audit(window, "home")
    window.show_group(gid)
    problems += audit(window, "group")
    window.show_plan(gid)
    problems += audit(window, "plan")

    from facilitator.ui.group_dialog import GroupDialog
    from facilitator.ui.measures_dialog import MeasuresDialog
    from facilitator.ui.participant_dialogs import DetailsDialog, NewcomerDialog
    from facilitator.ui.report_dialog import ReportDialog
    from facilitator.ui.run.safety_dialog import SafetyDialog
    from facilitator.ui.settings_dialog import SettingsDialog

    dialogs = {
        "group dialog": GroupDialog(ctx, gid, window),
        "new group dialog": GroupDialog(ctx, None, window),
        "report dialog": ReportDialog(ctx, gid, "Circle", window),
        "settings": SettingsDialog(ctx, window),
        "measures": MeasuresDialog(ctx, window),
        "newcomer": NewcomerDialog(window),
        "details": DetailsDialog("KT-47", None, None, window),
        "safety": SafetyDialog(ctx, gid, None, ["Sam"], window),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        problems += audit(dialog, name)
        tabs = getattr(dialog, "tabs", None)
        if tabs is not None:
            for i in range(1, tabs.count()):
                tabs.setCurrentIndex(i)
                problems += audit(dialog, f"{name} tab {i}")
        dialog.reject()

    window.start_run(RunRequest(gid, "anxiety-skills-group"))
    view = window.run_view
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()
    problems += audit(window, "run")
    view.go_next()
    for _ in range(len(view.script.steps) - 1):
        problems += audit(window, f"run step {view.engine.index}")
        view.go_next()
    view.finish()
    problems += audit(window, "summary")
    assert not problems, "\n".join(sorted(set(problems)))


def test_wizard_and_unlock_mnemonics(lang, tmp_path, qtbot, no_keyring):
    """Every page of the first-run wizard, and the dialogs of a group leader's first
    evening (unlock, safety numbers, skip a step), has each access key once."""
    from PySide6.QtWidgets import QWizard

    from facilitator.ui.run.skip_dialog import ask_skip_reason
    from facilitator.ui.safety_numbers import SafetyNumbersDialog
    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.unlock_dialog import UnlockDialog
    from facilitator.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(SyncTaskRunner(), tmp_path / "store.db", lang, keyring=False)
    qtbot.addWidget(wizard)
    wizard.show()
    problems = audit(wizard, "wizard: language")
    wizard.next()
    problems += audit(wizard, "wizard: protect")
    wizard.protect_page.pass1.setText("quiet river stones")
    wizard.protect_page.pass2.setText("quiet river stones")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.recovery_page
    problems += audit(wizard, "wizard: recovery code")
    wizard.recovery_page.done.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.group_page
    problems += audit(wizard, "wizard: first group")
    assert mnemonics(wizard)["l"] and len(mnemonics(wizard)["l"]) == 1
    ctx = AppContext(wizard.store.db, lang, SyncTaskRunner(), AppSettings(tmp_path / "s.ini"))
    numbers = SafetyNumbersDialog(ctx)
    qtbot.addWidget(numbers)
    numbers.show()
    problems += audit(numbers, "safety numbers")
    skip = ask_skip_reason(wizard, lambda _reason: None)
    problems += audit(skip, "skip a step")
    wizard.store.close()
    dialog = UnlockDialog(SyncTaskRunner(), lambda p, c: None, has_passphrase=True)
    qtbot.addWidget(dialog)
    dialog.show()
    problems += audit(dialog, "unlock")
    assert not problems, "\n".join(sorted(set(problems)))


def _letters(keys) -> set[str]:
    out = set()
    for k in keys:
        text = QKeySequence(k).toString() if not isinstance(k, str) else k
        if len(text) == 1:
            out.add(text.upper())
    return out


def test_no_letter_has_two_meanings_in_run_mode(world, qtbot):
    """P is Pause in the bottom bar; it must not also be Pass in the check-in panel."""
    from facilitator.ui.run import score_panel

    ctx, window, gid = world
    window.start_run(RunRequest(gid, "anxiety-skills-group"))
    view = window.run_view
    meaning: dict[str, set[str]] = defaultdict(set)
    same = {"speaker_pass": "pass", "speaker_next": "next"}
    for name, action in view._actions.items():
        for seq in action.shortcuts():
            text = seq.toString()
            if len(text) == 1:
                meaning[text.upper()].add(same.get(name, name))
    for name, keys in score_panel.KEY_MEANINGS.items():
        for key in keys:
            text = (
                QKeySequence(key).toString()
                if isinstance(key, int) and key < 0x110000 and chr(key).isascii()
                else chr(key)
            )
            if len(text) == 1:
                meaning[text.upper()].add(name)
    clashes = {k: v for k, v in meaning.items() if len(v) > 1}
    assert not clashes, clashes
    assert meaning["P"] == {"pause"}


def test_p_pauses_even_when_a_score_row_has_focus(world, qtbot):
    ctx, window, gid = world
    window.start_run(RunRequest(gid, "anxiety-skills-group"))
    view = window.run_view
    present = view.attendance.people()
    for p in present:
        view.attendance.button_for(p.id).click()
    view.go_next()
    while view.script.steps[view.engine.index].outcome != "pre":
        view.go_next()
    panel = view.activity.scores_pre
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_P)
    assert view.engine.status == "paused"
    assert not any(r for r in panel.rows() if r.group.checkedId() == 11)  # no pass recorded
    qtbot.keyClick(panel, Qt.Key.Key_P)
    assert view.engine.status == "running"
    qtbot.keyClick(panel, Qt.Key.Key_X)  # X records a pass, as in a round
    assert panel.rows()[0].group.checkedId() == 11


def test_arabic_catalogue_keeps_the_english_access_keys():
    """Every Arabic label with an access key carries the English one, "(&S)" (ts_tool.py
    mnemonics writes them), so a key learnt in one language works in the other."""
    import xml.etree.ElementTree as ET

    from facilitator.resources import resource_path

    root = ET.parse(resource_path("translations", "facilitator_ar.ts")).getroot()
    wrong = []
    for msg in root.iter("message"):
        source = msg.findtext("source") or ""
        key = _mnemonic(source)
        text = msg.findtext("translation") or ""
        if key and msg.get("numerus") != "yes":
            if _mnemonic(text) != key.upper() or text.count("&") - 2 * text.count("&&") != 1:
                wrong.append(f"{source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)
