"""The Practice screen: choose a scenario, see its content warnings and briefing, start
(practice or assessment mode); import and check a scenario file; print the live
role-play kit; a trainee's history; the trainer's review. It hosts the practice run,
the debrief, the history and the review as pages of its own stack, so the main window
only needs one entry point.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.i18n import pick
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.practice.problems import level_text, problem_text, where_text
from facilitator.ui.run.common import set_font


def _wrap(text: str = "", factor: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    set_font(label, factor, bold)
    return label


class _StatusLabel(QLabel):
    """The home screen's message line: a problem in red (any plain setText), a success
    in green (:meth:`done`), so "Saved: ..." never reads as an error."""

    ERROR, OK = "color: #b71c1c;", "color: #1b5e20;"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName(name)
        set_font(self, 1.0, False)
        self.setStyleSheet(self.ERROR)
        self.ok = False

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.ok = False
        self.setStyleSheet(self.ERROR)
        super().setText(text)

    def done(self, text: str) -> None:
        super().setText(text)
        self.ok = True
        self.setStyleSheet(self.OK)


class BeforeStartDialog(QDialog):
    """Content warnings and the briefing, shown before a scenario starts."""

    def __init__(
        self, title: str, warnings: list[str], briefing: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contentWarnings")
        self.setWindowTitle(self.tr("Before you start"))
        box = QVBoxLayout(self)
        box.addWidget(PracticeBanner(self))
        box.addWidget(_wrap(title, 1.4, True))
        if warnings:
            box.addWidget(_wrap(self.tr("Content warnings"), 1.15, True))
            self.warnings = _wrap("\n".join("•  " + w for w in warnings), 1.1, name="warningText")
            self.warnings.setStyleSheet("color: #b71c1c;")
            box.addWidget(self.warnings)
            box.addWidget(
                _wrap(
                    self.tr(
                        "You can step out at any moment with [O]; the practice "
                        "pauses and nothing is lost."
                    ),
                    1.0,
                )
            )
        box.addWidget(_wrap(self.tr("Briefing"), 1.15, True))
        box.addWidget(_wrap(briefing, 1.05, name="briefingText"))
        box.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.begin = buttons.addButton(
            self.tr("Begin the practice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(760, 520)


class ImportDialog(QDialog):
    """A scenario file's validation and checker findings, in plain words, with lines."""

    def __init__(
        self, report: review.ImportReport, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.report, self.lang = report, lang
        self.setWindowTitle(self.tr("Check a scenario file"))
        box = QVBoxLayout(self)
        box.addWidget(PracticeBanner(self))
        box.addWidget(_wrap(Path(report.path).name, 1.2, True))
        errors = [p for p in report.problems if p.level == "error"]
        if report.ok:
            verdict = (
                self.tr("Ready to practise: %1 (%2 paths checked).")
                .replace("%1", report.title)
                .replace("%2", str(report.paths_checked))
            )
        else:
            verdict = self.tr("%1 problem(s) to fix before this scenario can be used.").replace(
                "%1", str(len(errors))
            )
        self.verdict = _wrap(verdict, 1.1, True, "importVerdict")
        self.verdict.setStyleSheet("color: #1b5e20;" if report.ok else "color: #b71c1c;")
        box.addWidget(self.verdict)
        self.table = QTableWidget(len(report.problems), 3, self)
        self.table.setObjectName("importProblems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Where"), self.tr("What to fix")]
        )
        for r, p in enumerate(report.problems):
            values = (level_text(p.level), where_text(p), problem_text(p, self.lang))
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                self.table.setItem(r, c, item)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        box.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.practise = buttons.addButton(
            self.tr("Practise this scenario"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.practise.setEnabled(report.ok)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(980, 560)


class ObserverMarksDialog(QDialog):
    """An observer's paper sheet typed back in: one option number per decision (0 for a
    decision that never came up); saved as a scored attempt."""

    def __init__(self, scenario: Any, lang: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QSpinBox

        super().__init__(parent)
        self.setObjectName("observerMarks")
        self.setWindowTitle(self.tr("Observer marks"))
        box = QVBoxLayout(self)
        box.addWidget(PracticeBanner(self))
        box.addWidget(_wrap(scenario.title.get(lang), 1.3, True))
        form = QFormLayout()
        self.trainee = QLineEdit(self)
        self.observer = QLineEdit(self)
        form.addRow(self.tr("Trainee"), self.trainee)
        form.addRow(self.tr("Observer"), self.observer)
        self.marks: dict[str, Any] = {}
        for n, d in enumerate(scenario.decisions, start=1):
            spin = QSpinBox(self)
            spin.setRange(0, len(d.options))
            spin.setSpecialValueText(self.tr("not ticked"))
            spin.setObjectName(f"mark_{d.id}")
            label = _wrap(f"{n}. {d.prompt.get(lang)}", 1.0)
            form.addRow(label, spin)
            self.marks[d.id] = spin
        box.addLayout(form)
        self.error = _wrap("", 1.0, name="observerError")
        self.error.setStyleSheet("color: #b71c1c;")
        box.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def values(self) -> dict[str, int]:
        return {d: spin.value() for d, spin in self.marks.items() if spin.value()}


class PracticeHome(QWidget):
    """The trainer's and trainee's practice area (its own page stack)."""

    def __init__(
        self,
        ctx: Any,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("practiceHome")
        self.ctx, self.lang, self.clock = ctx, ctx.lang, clock
        self.view: Optional[QWidget] = None
        self.extra_refs: list[tuple[str, str]] = []  # imported files: (path, title)
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.pages.addWidget(self._build_home())

    def _build_home(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(6, 0, 6, 6)
        box.addWidget(PracticeBanner(page))
        box.addWidget(_wrap(self.tr("Practice with a simulated group"), 1.6, True))
        box.addWidget(
            _wrap(
                self.tr(
                    "Choose a scenario. The simulated participants, their "
                    "events and decision points run on a real session "
                    "script; nothing here touches your groups or reports."
                ),
                1.0,
            )
        )
        self.scenarios = QListWidget(page)
        self.scenarios.setObjectName("scenarioList")
        self.scenarios.setAccessibleName(self.tr("Scenarios"))
        self._fill_scenarios()
        box.addWidget(self.scenarios, 1)
        form = QFormLayout()
        self.trainee = QLineEdit(page)
        self.trainee.setObjectName("traineeName")
        self.trainee.setPlaceholderText(self.tr("A name or label for the trainee"))
        self.mode = QComboBox(page)
        self.mode.setObjectName("practiceMode")
        self.mode.addItem(self.tr("Practice: coach notes as you go"), "practice")
        self.mode.addItem(self.tr("Assessment: feedback at the end"), "assessment")
        form.addRow(self.tr("Trainee"), self.trainee)
        form.addRow(self.tr("Mode"), self.mode)
        box.addLayout(form)
        self.message = _StatusLabel(name="practiceHomeMessage")
        box.addWidget(self.message)
        bar = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start the practice"), page)
        self.start_button.setObjectName("startPractice")
        set_font(self.start_button, 1.15, bold=True)
        self.start_button.clicked.connect(lambda: self.start_selected())
        imp = QPushButton(self.tr("Import a scenario file…"), page)
        imp.setObjectName("importScenario")
        imp.clicked.connect(lambda: self.import_file())
        edit = QPushButton(self.tr("Scenario editor"), page)
        edit.setObjectName("editScenario")
        edit_menu = QMenu(edit)
        edit_menu.addAction(
            self.tr("Edit the chosen scenario (a built-in one as a copy)"),
            lambda: self.edit_scenario(),
        )
        edit_menu.addAction(self.tr("Open a scenario file…"), lambda: self.edit_file())
        edit.setMenu(edit_menu)
        kit = QPushButton(self.tr("Role-play kit (PDF)…"), page)
        kit.setObjectName("roleplayKit")
        kit.clicked.connect(lambda: self.write_kit())
        marks = QPushButton(self.tr("Observer marks…"), page)
        marks.setObjectName("observerMarksButton")
        marks.clicked.connect(lambda: self.type_observer_marks())
        hist = QPushButton(self.tr("Trainee history"), page)
        hist.setObjectName("openHistory")
        hist.clicked.connect(lambda: self.show_history())
        for b in (self.start_button, imp, edit, kit, marks, hist):
            bar.addWidget(b)
        bar.addStretch(1)
        box.addLayout(bar)
        return page

    def _fill_scenarios(self) -> None:
        self.scenarios.clear()
        for s in sorted(svc.list_scenarios(), key=lambda s: pick(s.title, self.lang)):
            text = pick(s.title, self.lang)
            if s.content_warnings:
                text += "   ⚠ " + "; ".join(pick(w, self.lang) for w in s.content_warnings)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(
                Qt.ItemDataRole.UserRole + 1, [pick(w, self.lang) for w in s.content_warnings]
            )
            self.scenarios.addItem(item)
        for path, title in self.extra_refs:
            item = QListWidgetItem(f"{title}   ({Path(path).name})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.scenarios.addItem(item)
        if self.scenarios.count():
            self.scenarios.setCurrentRow(0)

    def select(self, ref: str) -> None:
        for i in range(self.scenarios.count()):
            if self.scenarios.item(i).data(Qt.ItemDataRole.UserRole) == ref:
                self.scenarios.setCurrentRow(i)
                return
        raise KeyError(ref)

    # ---- start ------------------------------------------------------------------------------
    def start_selected(
        self,
        *,
        seed: Optional[int] = None,
        confirm: Optional[Callable[[BeforeStartDialog], bool]] = None,
    ) -> bool:
        item = self.scenarios.currentItem()
        if item is None:
            return False
        ref = item.data(Qt.ItemDataRole.UserRole)
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        try:
            scenario, _text = svc.load_scenario(ref, self.ctx.db)
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            return False
        dialog = BeforeStartDialog(
            scenario.title.get(self.lang),
            [w.get(self.lang) for w in scenario.metadata.content_warnings],
            scenario.briefing.get(self.lang),
            self,
        )
        self.before_start = dialog
        ok = (
            confirm(dialog) if confirm is not None else dialog.exec() == QDialog.DialogCode.Accepted
        )
        dialog.deleteLater()
        if not ok:
            return False
        from facilitator.ui.practice.practice_view import PracticeView

        try:
            view = PracticeView(
                self.ctx,
                ref,
                self.trainee.text(),
                self.mode.currentData(),
                seed=seed,
                clock=self.clock,
                parent=self,
            )
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            from facilitator.ui.sign_in import offer_sign_in

            self.sign_in_dialog = offer_sign_in(
                self, self.ctx, exc, lambda: self.start_selected(seed=seed, confirm=lambda d: True)
            )
            return False
        self.message.clear()
        view.ended.connect(self.show_debrief)
        view.abandoned.connect(lambda _id: self.show_home())
        self._swap(view)
        view.setFocus()
        return True

    def _swap(self, widget: QWidget) -> None:
        old = self.view
        self.view = widget
        self.pages.addWidget(widget)
        self.pages.setCurrentWidget(widget)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()

    def show_home(self) -> None:
        if self.view is not None:
            shutdown = getattr(self.view, "shutdown", None)
            if shutdown is not None:
                shutdown()
            self.pages.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self.pages.setCurrentIndex(0)

    def _refused(self, exc: BaseException, retry: Callable[[], Any]) -> None:
        """A practice screen refused (no one signed in on a shared install, or not a
        trainer for someone else's attempt): say so, offer to sign in, then ``retry``."""
        from facilitator.ui.errors_ui import error_text
        from facilitator.ui.sign_in import offer_sign_in

        self.show_home()
        self.message.setText(error_text(exc, self.lang))
        self.sign_in_dialog = offer_sign_in(self, self.ctx, exc, retry)

    def show_debrief(self, attempt_id: str) -> None:
        from facilitator.app.access import AccessDenied
        from facilitator.ui.practice.debrief_view import DebriefView

        try:
            view = DebriefView(self.ctx, attempt_id, self)
        except AccessDenied as exc:
            self._refused(exc, lambda: self.show_debrief(attempt_id))
            return
        view.done.connect(self.show_home)
        view.review_requested.connect(self.show_review)
        self._swap(view)

    def show_history(self, trainee: Optional[str] = None) -> None:
        from facilitator.ui.practice.history_view import HistoryView

        from facilitator.app.access import AccessDenied

        try:
            view = HistoryView(self.ctx, trainee or self.trainee.text().strip() or None, self)
        except AccessDenied as exc:
            self._refused(exc, lambda: self.show_history(trainee))
            return
        view.open_debrief.connect(self.show_debrief)
        view.open_review.connect(self.show_review)
        view.open_replay.connect(self.show_replay)
        view.resume.connect(self.resume_attempt)
        back = QPushButton(self.tr("Back"), view)
        back.clicked.connect(self.show_home)
        layout = view.layout()
        assert isinstance(layout, QBoxLayout)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignTrailing)
        self._swap(view)

    def resume_attempt(self, attempt_id: str) -> bool:
        """Carry on with an attempt that was cut short (replayed from the store)."""
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text
        from facilitator.ui.practice.practice_view import PracticeView

        try:
            view = PracticeView(self.ctx, "", "", clock=self.clock, parent=self, resume=attempt_id)
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            self.show_home()
            return False
        view.ended.connect(self.show_debrief)
        view.abandoned.connect(lambda _id: self.show_home())
        self._swap(view)
        view.setFocus()
        return True

    def show_review(self, attempt_id: str, reviewer: str = "") -> None:
        from facilitator.ui.practice.review_view import ReviewView

        from facilitator.app.access import AccessDenied

        try:
            view = ReviewView(self.ctx, attempt_id, reviewer, self)
        except AccessDenied as exc:
            self._refused(exc, lambda: self.show_review(attempt_id, reviewer))
            return
        view.done.connect(lambda: self.show_history())
        self._swap(view)

    def show_replay(self, attempt_id: str) -> None:
        from facilitator.ui.practice.review_view import ReplayDialog

        from facilitator.app.access import AccessDenied

        try:
            dialog = ReplayDialog(self.ctx, attempt_id, self)
        except AccessDenied as exc:
            self._refused(exc, lambda: self.show_replay(attempt_id))
            return
        self.replay_dialog = dialog
        dialog.open()

    # ---- authoring and the kit --------------------------------------------------------------
    def import_file(self, path: Optional[str] = None, *, show: bool = True) -> ImportDialog:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a scenario file"),
                "",
                self.tr("Scenario files (*.yaml *.yml)"),
            )
            if not path:
                return None  # type: ignore[return-value]
        report = review.check_scenario_file(path, self.lang)
        dialog = ImportDialog(report, self.lang, self)
        self.import_dialog = dialog
        if show and dialog.exec() == QDialog.DialogCode.Accepted and report.ok:
            self.add_imported(path, report.title)
        return dialog

    def add_imported(self, path: str, title: str) -> None:
        self.extra_refs = [(p, t) for p, t in self.extra_refs if p != str(path)]
        self.extra_refs.append((str(path), title))
        self._fill_scenarios()
        self.select(str(path))

    # ---- the scenario editor ----------------------------------------------------------------
    def edit_scenario(self, ref: Optional[str] = None, **editor_options: Any) -> Optional[QWidget]:
        """Open the chosen scenario in the editor: a built-in one as a copy (saved through a
        dialog), an imported file as itself."""
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        if ref is None:
            item = self.scenarios.currentItem()
            if item is None:
                return None
            ref = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            if any(p == ref for p, _t in self.extra_refs) or Path(ref).suffix in (".yaml", ".yml"):
                source = svc.read_scenario_source(ref)
            else:
                source = svc.bundled_scenario_source(ref)
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            return None
        return self._open_editor(source, **editor_options)

    def edit_file(self, path: Optional[str] = None, **editor_options: Any) -> Optional[QWidget]:
        """Open a scenario file (any, chosen in a dialog) in the editor."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open a scenario file"),
                "",
                self.tr("Scenario files (*.yaml *.yml)"),
            )
            if not path:
                return None
        return self.edit_scenario(str(path), **editor_options)

    def _open_editor(self, source: svc.ScenarioSource, **editor_options: Any) -> QWidget:
        from facilitator.ui.practice.scenario_editor import ScenarioEditor

        if isinstance(self.view, ScenarioEditor) and not self.view.close_editor():
            return self.view
        editor = ScenarioEditor(self.lang, source, self, **editor_options)
        editor.closed.connect(self.show_home)
        editor.imported.connect(self._editor_imported)
        self.message.clear()
        self._swap(editor)
        editor.text.setFocus()
        return editor

    def _editor_imported(self, path: str, title: str) -> None:
        self.show_home()
        self.add_imported(path, title)
        self.message.done(self.tr("Imported: %1").replace("%1", title))

    def may_close(self) -> bool:
        """False when an open editor has unsaved changes the trainer chose to keep."""
        from facilitator.ui.practice.scenario_editor import ScenarioEditor

        if isinstance(self.view, ScenarioEditor):
            if not self.view.may_close():
                return False
            self.view.shutdown()
        return True

    def type_observer_marks(
        self, fill: Optional[Callable[[ObserverMarksDialog], bool]] = None
    ) -> Optional[str]:
        """Type an observer's sheet in; the scored attempt opens in the trainer review."""
        item = self.scenarios.currentItem()
        if item is None:
            return None
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        ref = item.data(Qt.ItemDataRole.UserRole)
        scenario, _text = svc.load_scenario(ref, self.ctx.db)
        dialog = ObserverMarksDialog(scenario, self.lang, self)
        self.marks_dialog = dialog
        while True:
            ok = fill(dialog) if fill is not None else dialog.exec() == QDialog.DialogCode.Accepted
            if not ok:
                return None
            try:
                aid = review.record_observed_attempt(
                    self.ctx.db,
                    ref,
                    dialog.trainee.text(),
                    dialog.observer.text(),
                    dialog.values(),
                    who=getattr(self.ctx, "principal", None),
                )
            except FacilitatorError as exc:
                dialog.error.setText(error_text(exc, self.lang))
                if fill is not None:
                    return None
                continue
            break
        self.show_review(aid, dialog.observer.text())
        return aid

    def write_kit(self, folder: Optional[str] = None) -> list[Path]:
        item = self.scenarios.currentItem()
        if item is None:
            return []
        if folder is None:
            from facilitator.ui.save_files import ask_folder

            folder = ask_folder(self, self.ctx.settings, self.tr("Save the role-play kit"))
            if not folder:
                return []
        from facilitator.errors import FacilitatorError
        from facilitator.export.output import write_pdf
        from facilitator.ui import widgets as W

        ref = item.data(Qt.ItemDataRole.UserRole)
        stem = Path(ref).stem
        try:
            cards, sheet = review.roleplay_kit(
                ref, self.lang, self.ctx.db, who=getattr(self.ctx, "principal", None)
            )
            out = [
                Path(folder) / f"{stem}-persona-cards-{self.lang}.pdf",
                Path(folder) / f"{stem}-observer-sheet-{self.lang}.pdf",
            ]
            write_pdf(cards, out[0])
            write_pdf(sheet, out[1])
        except FacilitatorError as exc:
            W.show_error(self, exc)
            return []
        self.message.done(self.tr("Saved: %1").replace("%1", ", ".join(p.name for p in out)))
        return out
