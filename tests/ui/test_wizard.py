"""The first-run wizard creates a real encrypted store, shows the code once, makes a group."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from facilitator.store import service
from facilitator.store.models import Group
from facilitator.ui.wizard import FirstRunWizard


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_wizard_without_keyring_requires_passphrase_and_creates_store(
    qtbot, tmp_path, sync_tasks, no_keyring
):
    db_path = tmp_path / "store" / "facilitator.db"
    wizard = FirstRunWizard(sync_tasks, db_path, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.language_page
    _next(qtbot, wizard)
    page = wizard.protect_page
    assert wizard.currentPage() is page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # no passphrase yet
    qtbot.keyClicks(page.pass1, "quiet river stones")
    qtbot.keyClicks(page.pass2, "quiet river stone")
    assert not commit.isEnabled()  # not the same
    qtbot.keyClick(page.pass2, Qt.Key.Key_S)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.recovery_page
    code = wizard.recovery_page.code.text()
    assert len(code.replace("-", "")) == 35
    next_btn = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_btn.isEnabled()  # must confirm the code is written down
    wizard.recovery_page.done.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.recovery_page.code.text() == ""  # shown once

    assert wizard.currentPage() is wizard.group_page
    qtbot.keyClicks(wizard.group_page.name, "Tuesday evening circle")
    wizard.group_page.program.setCurrentIndex(wizard.group_page.program.findData("grief"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    wizard.store.close()

    # The store really is encrypted and opens with the passphrase and the recovery code.
    with service.open_store(db_path, passphrase="quiet river stones", use_keyring=False) as st:
        with st.db.unit() as s:
            groups = [(g.name, g.program_type) for g in s.query(Group)]
    assert groups == [("Tuesday evening circle", "grief")]
    with service.open_store(db_path, recovery_code=code, use_keyring=False) as st:
        assert st.unlocked_by == "recovery"
    assert not db_path.read_bytes()[:16].startswith(b"SQLite format 3")


def test_wizard_with_keyring_needs_no_passphrase(
    qtbot, tmp_path, sync_tasks, memory_keyring, message_boxes
):
    db_path = tmp_path / "facilitator.db"
    wizard = FirstRunWizard(sync_tasks, db_path, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    assert wizard.protect_page.also.isVisible()
    assert not wizard.protect_page.pass1.isVisible()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.store is not None and wizard.store.keyring_used
    assert memory_keyring.items  # the key went into the keyring
    # Leaving before the recovery code is confirmed asks first; "No" keeps the wizard.
    assert wizard.currentPage() is wizard.recovery_page
    wizard.reject()
    assert [c[0] for c in message_boxes] == ["question"]
    assert wizard.isVisible()
    wizard.recovery_page.done.setChecked(True)
    wizard.store.close()
    with service.open_store(db_path) as st:
        assert st.unlocked_by == "keyring"


def test_wizard_language_switch_retranslates_pages(qtbot, tmp_path, sync_tasks, no_keyring):
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.translations import LanguageInstaller

    installer = LanguageInstaller()
    wizard = FirstRunWizard(
        sync_tasks,
        tmp_path / "f.db",
        "en",
        on_language=lambda lang: installer.install(QApplication.instance(), lang),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        english = wizard.protect_page.title()
        wizard.language_page.buttons["ar"].setChecked(True)
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.waitUntil(lambda: wizard.protect_page.title() != english, timeout=2000)
        assert wizard.lang == "ar"
    finally:
        installer.install(QApplication.instance(), "en")


def test_finish_works_on_the_first_press_with_the_threaded_runner(qtbot, tmp_path, no_keyring):
    """Issue 12 item 3: the group is saved on the worker; Finish must still finish."""
    from facilitator.ui.tasks import TaskRunner

    runner = TaskRunner()
    wizard = FirstRunWizard(runner, tmp_path / "s" / "facilitator.db", "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    page = wizard.protect_page
    qtbot.keyClicks(page.pass1, "quiet river stones")
    qtbot.keyClicks(page.pass2, "quiet river stones")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20000)
    wizard.recovery_page.done.setChecked(True)
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.group_page.name, "Tuesday evening circle")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10000)
    assert not wizard.isVisible()
    wizard.store.close()
    runner.shutdown()


def test_passphrase_problems_are_said_not_only_greyed_out(qtbot, tmp_path, sync_tasks, no_keyring):
    wizard = FirstRunWizard(sync_tasks, tmp_path / "facilitator.db", "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    page = wizard.protect_page
    qtbot.keyClicks(page.pass1, "short")
    qtbot.keyClicks(page.pass2, "short")
    assert page.error.isVisible() and "too short" in page.error.text()
    page.pass1.setText("quiet river stones")
    page.pass2.setText("quiet river stonez")
    assert page.error.isVisible() and "not the same" in page.error.text()
    page.pass2.setText("quiet river stones")
    assert not page.error.isVisible()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_leaving_without_the_recovery_code_defaults_to_no(
    qtbot, tmp_path, sync_tasks, no_keyring, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def question(parent, title, text, buttons=None, default=None):
        seen["default"] = default
        return default

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    wizard = FirstRunWizard(sync_tasks, tmp_path / "facilitator.db", "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    wizard.protect_page.pass1.setText("quiet river stones")
    wizard.protect_page.pass2.setText("quiet river stones")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page
    wizard.reject()
    assert seen["default"] == QMessageBox.StandardButton.No
    assert wizard.isVisible()  # Enter (the default) kept the code on screen
    wizard.store.close()


def test_a_bad_number_is_named_and_focused(qtbot, tmp_path, sync_tasks, no_keyring):
    """Two phone fields on the page: the message says which one, and the cursor goes there."""
    wizard = FirstRunWizard(sync_tasks, tmp_path / "store.db", "en")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    wizard.protect_page.pass1.setText("quiet river stones")
    wizard.protect_page.pass2.setText("quiet river stones")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wizard.recovery_page.done.setChecked(True)
    _next(qtbot, wizard)
    page = wizard.group_page
    qtbot.keyClicks(page.name, "Tuesday (evening) circle")
    page.numbers.emergency.setText("112 ext")
    page.numbers.crisis.setText("0800 123 456")
    page.numbers.crisis.setFocus()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() != QWizard.DialogCode.Accepted
    assert page.error.isVisible()
    assert page.error.text().startswith("The emergency number may contain only digits")
    qtbot.waitUntil(lambda: page.numbers.emergency.hasFocus())
    assert page.numbers.emergency.selectedText() == "112 ext"
    page.numbers.emergency.setText("112")
    page.numbers.crisis.setText("0800 123 456 (free)")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert page.error.text().startswith("The crisis line may contain only digits")
    qtbot.waitUntil(lambda: page.numbers.crisis.hasFocus())
    wizard.store.close()
