"""The scenario editor: a trainer edits a scenario's YAML and sees its problems as they type.

Plain YAML text with line numbers (a ``QPlainTextEdit`` with a gutter, monospace; the
lines run left to right, and Arabic inside a value is laid out right to left by the
bidi algorithm). Beside it, the problems list: validation and checker problems in the
interface language with their line, re-checked 400 ms after typing stops. The check
walks every path of the scenario (35-175 ms for the built-in ones, measured in
``benchmarks/bench_scenario_check.py``), so it runs on a worker thread and a result
that a later edit has overtaken is dropped. Clicking a problem, or Enter on it, puts
the cursor on its line; F8 goes to the next problem. Ctrl+S saves, atomically, to the
file that was opened or through a save dialog (a built-in scenario is always edited as
a copy). Import checks the saved file and adds it to the practice list, as the
Import button on the practice screen does. Unsaved changes are asked about on close.

The editor reads and writes files only through :mod:`facilitator.app.practice` and
checks through :mod:`facilitator.app.practice_review`.
"""

from __future__ import annotations

import itertools
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.errors import FacilitatorError
from facilitator.ui.errors_ui import error_text
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.practice.problems import level_text, problem_text, where_text
from facilitator.ui.run.common import set_font

DEBOUNCE_MS = 400
PROBLEM_ROLE = Qt.ItemDataRole.UserRole
ERROR_LINE = QColor("#fde7e9")
WARNING_LINE = QColor("#fff4ce")


class _Gutter(QWidget):
    """The line numbers beside the text (Qt's code editor example)."""

    def __init__(self, editor: YamlEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.editor.paint_gutter(event)


class YamlEdit(QPlainTextEdit):
    """A monospace plain-text editor with line numbers; lines run left to right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioText")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        # YAML is read left to right whatever the interface language; a value's Arabic
        # is still shaped and ordered right to left inside its line.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        self.document().setDefaultTextOption(option)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self.updateRequest.connect(self._scroll_gutter)
        self._update_margins()
        self.marks: list[tuple[int, str]] = []  # (line, level) of problems, for the tint

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        r = self.contentsRect()
        self.gutter.setGeometry(QRect(r.left(), r.top(), self.gutter_width(), r.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), QColor("#f1f1f1"))
        marked = {line: level for line, level in self.marks}
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        current = self.textCursor().blockNumber()
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                level = marked.get(number + 1)
                if level is not None:
                    painter.fillRect(
                        0,
                        top,
                        self.gutter.width(),
                        height,
                        QColor("#c62828" if level == "error" else "#b26a00"),
                    )
                    painter.setPen(QColor("white"))
                else:
                    painter.setPen(QColor("#202020" if number == current else "#777777"))
                painter.drawText(
                    0,
                    top,
                    self.gutter.width() - 6,
                    height,
                    int(Qt.AlignmentFlag.AlignRight),
                    str(number + 1),
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        # past the indentation, where the field name starts
        text = block.text()
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            len(text) - len(text.lstrip(" ")),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def set_marks(self, marks: list[tuple[int, str]]) -> None:
        """Tint the lines that have a problem (errors red, warnings amber)."""
        self.marks = marks
        selections = []
        for line, level in marks:
            if level not in ("error", "warning"):
                continue
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(ERROR_LINE if level == "error" else WARNING_LINE)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            selections.append(sel)
        self.setExtraSelections(selections)
        self.gutter.update()


class _Relay(QObject):
    """Carries a check's result from the worker thread back to the UI thread."""

    done = Signal(int, object, float)


class ScenarioEditor(QWidget):
    """The editor page: text, problems, Save, Import, Back."""

    closed = Signal()
    imported = Signal(str, str)  # path, title
    checked = Signal()  # a check's result is on the screen

    def __init__(
        self,
        lang: str,
        source: svc.ScenarioSource,
        parent: QWidget | None = None,
        *,
        ask_save_path: Optional[Callable[[str], str]] = None,
        ask_unsaved: Optional[Callable[[], QMessageBox.StandardButton]] = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioEditor")
        self.lang = lang
        self.path: Optional[str] = source.path
        self.suggested_name = source.suggested_name
        self.report: Optional[review.ImportReport] = None
        self.check_ms: list[float] = []  # how long each check took (worker thread)
        self._ask_save_path = ask_save_path or self._save_dialog
        self._ask_unsaved = ask_unsaved or self._unsaved_dialog
        self._generation = itertools.count(1)
        self._latest = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scenario-check")
        self._relay = _Relay(self)
        self._relay.done.connect(self._show_result)

        box = QVBoxLayout(self)
        box.setContentsMargins(6, 0, 6, 6)
        box.addWidget(PracticeBanner(self))
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        set_font(self.title, 1.3, bold=True)
        head.addWidget(self.title, 1)
        box.addLayout(head)

        self.text = YamlEdit(self)
        self.text.setAccessibleName(self.tr("Scenario YAML"))
        self.text.setPlainText(source.text)
        self.text.document().setModified(False)
        side = QWidget(self)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel(side)
        self.verdict.setObjectName("editorVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        set_font(self.verdict, 1.1, bold=True)
        side_box.addWidget(self.verdict)
        self.problems = QListWidget(side)
        self.problems.setObjectName("scenarioProblems")
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setWordWrap(True)
        self.problems.setSpacing(2)
        self.problems.itemClicked.connect(self._go_to_item)
        self.problems.itemActivated.connect(self._go_to_item)  # Enter (and double-click)
        side_box.addWidget(self.problems, 1)
        hint = QLabel(
            self.tr("Click a problem or press Enter on it to go to its line; F8: next problem."),
            side,
        )
        hint.setWordWrap(True)
        side_box.addWidget(hint)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.text)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box.addWidget(split, 1)

        self.message = QLabel(self)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.message)
        bar = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save [Ctrl+S]"), self)
        self.save_button.setObjectName("editorSave")
        self.save_button.clicked.connect(lambda: self.save())
        self.save_as_button = QPushButton(self.tr("Save as…"), self)
        self.save_as_button.clicked.connect(lambda: self.save(choose=True))
        self.import_button = QPushButton(self.tr("Import into practice"), self)
        self.import_button.setObjectName("editorImport")
        self.import_button.clicked.connect(lambda: self.import_into_practice())
        self.back_button = QPushButton(self.tr("Close the editor"), self)
        self.back_button.setObjectName("editorClose")
        self.back_button.clicked.connect(lambda: self.close_editor())
        for b in (self.save_button, self.save_as_button, self.import_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.back_button)
        box.addLayout(bar)

        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(lambda: self.save())
        next_key = QShortcut(QKeySequence(Qt.Key.Key_F8), self)
        next_key.activated.connect(self.next_problem)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_later)
        self.text.textChanged.connect(self._edited)
        self.text.document().modificationChanged.connect(lambda _m: self._update_title())
        self._update_title()
        self.check_later()

    # ---- checking ---------------------------------------------------------------------------
    def _edited(self) -> None:
        self.timer.start()  # restarts: the check runs once typing has stopped for 400 ms
        self.verdict.setText(self.tr("Checking…"))
        self.verdict.setStyleSheet("color: #555555;")

    def check_later(self) -> None:
        """Check the current text on the worker thread; only the newest result is shown."""
        generation = next(self._generation)
        self._latest = generation
        text, name, lang = self.text.toPlainText(), self.path or self.suggested_name, self.lang

        def work() -> tuple[review.ImportReport, float]:
            t0 = time.perf_counter()
            report = review.check_scenario_text(text, name, lang)
            return report, (time.perf_counter() - t0) * 1000

        def deliver(future: Future[tuple[review.ImportReport, float]]) -> None:
            if future.cancelled():
                return
            try:
                report, ms = future.result()
                outcome: object = report
            except Exception as exc:  # noqa: BLE001 - shown on the screen, never swallowed
                outcome, ms = exc, 0.0
            try:
                self._relay.done.emit(generation, outcome, ms)
            except RuntimeError:  # the editor was deleted while this check ran
                pass

        try:
            self._pool.submit(work).add_done_callback(deliver)
        except RuntimeError:  # the editor is closing
            pass

    def check_now(self) -> review.ImportReport:
        """Check on this thread (tests, and Import, which needs the answer at once)."""
        self.timer.stop()
        self._latest = next(self._generation)
        t0 = time.perf_counter()
        report = review.check_scenario_text(
            self.text.toPlainText(), self.path or self.suggested_name, self.lang
        )
        self._show_result(self._latest, report, (time.perf_counter() - t0) * 1000)
        return report

    def _show_result(self, generation: int, result: object, ms: float) -> None:
        if generation != self._latest:
            return  # a later edit is being checked
        if isinstance(result, BaseException):
            self.verdict.setText(error_text(result, self.lang))
            self.verdict.setStyleSheet("color: #b71c1c;")
            return
        assert isinstance(result, review.ImportReport)
        self.report = result
        self.check_ms.append(ms)
        self.problems.clear()
        for p in result.problems:
            item = QListWidgetItem(
                f"{level_text(p.level)} · {where_text(p)}\n{problem_text(p, self.lang)}"
            )
            item.setData(PROBLEM_ROLE, p.line or 0)
            item.setToolTip(problem_text(p, self.lang))
            if p.level == "error":
                item.setForeground(QColor("#b71c1c"))
            elif p.level == "warning":
                item.setForeground(QColor("#8a5300"))
            else:
                item.setForeground(QColor("#555555"))
            self.problems.addItem(item)
        errors = sum(1 for p in result.problems if p.level == "error")
        if result.ok:
            self.verdict.setText(
                self.tr("No problems: ready to import (%1 paths checked).").replace(
                    "%1", str(result.paths_checked)
                )
            )
            self.verdict.setStyleSheet("color: #1b5e20;")
        else:
            self.verdict.setText(
                self.tr("%n problem(s) to fix before this scenario can be used.", "", errors)
            )
            self.verdict.setStyleSheet("color: #b71c1c;")
        self.text.set_marks([(p.line, p.level) for p in result.problems if p.line])
        self.checked.emit()

    # ---- moving to a problem ----------------------------------------------------------------
    def _go_to_item(self, item: QListWidgetItem) -> None:
        line = int(item.data(PROBLEM_ROLE) or 0)
        if line:
            self.text.go_to_line(line)

    def next_problem(self) -> None:
        """F8: the next problem with a line below the cursor (wrapping to the first)."""
        rows = [
            (int(self.problems.item(r).data(PROBLEM_ROLE) or 0), r)
            for r in range(self.problems.count())
        ]
        rows = [(line, r) for line, r in rows if line]
        if not rows:
            return
        here = self.text.textCursor().blockNumber() + 1
        after = [x for x in sorted(rows) if x[0] > here]
        line, row = (after or sorted(rows))[0]
        self.problems.setCurrentRow(row)
        self.text.go_to_line(line)

    # ---- files ------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.text.document().isModified()

    def _update_title(self) -> None:
        name = Path(self.path).name if self.path else self.suggested_name
        title = name if self.path else self.tr("%1 (a copy, not saved yet)").replace("%1", name)
        self.title.setText(("• " if self.dirty else "") + title)

    def _save_dialog(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the scenario"), suggested, self.tr("Scenario files (*.yaml *.yml)")
        )
        return path

    def save(self, *, choose: bool = False) -> bool:
        """Save to the known file, or through the save dialog for a copy (or Save as)."""
        path = self.path
        if path is None or choose:
            path = self._ask_save_path(path or self.suggested_name)
            if not path:
                return False
            if Path(path).suffix not in (".yaml", ".yml"):
                path += ".yaml"
        try:
            written = svc.save_scenario_source(path, self.text.toPlainText())
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            self.message.setStyleSheet("color: #b71c1c;")
            return False
        self.path = str(written)
        self.text.document().setModified(False)
        self._update_title()
        self.message.setText(self.tr("Saved: %1").replace("%1", str(written)))
        self.message.setStyleSheet("")
        return True

    def import_into_practice(self) -> bool:
        """Save if needed, check the saved file as the practice screen's Import does, and
        add it to the practice list when it has no problems."""
        if (self.dirty or self.path is None) and not self.save():
            return False
        assert self.path is not None
        self.timer.stop()
        self._latest = next(self._generation)
        t0 = time.perf_counter()
        report = review.check_scenario_file(self.path, self.lang)  # the file, as Import reads it
        self._show_result(self._latest, report, (time.perf_counter() - t0) * 1000)
        if not report.ok:
            self.message.setText(
                self.tr("Fix the problems first: this file cannot be imported yet.")
            )
            self.message.setStyleSheet("color: #b71c1c;")
            return False
        self.imported.emit(self.path, report.title)
        return True

    # ---- leaving ----------------------------------------------------------------------------
    def _unsaved_dialog(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The scenario has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def may_close(self) -> bool:
        """True when the editor may go: nothing unsaved, or the trainer said what to do."""
        if not self.dirty:
            return True
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_editor(self) -> bool:
        if not self.may_close():
            return False
        self.shutdown()
        self.closed.emit()
        return True

    def shutdown(self) -> None:
        self.timer.stop()
        self._latest = -1
        self._pool.shutdown(wait=False, cancel_futures=True)
