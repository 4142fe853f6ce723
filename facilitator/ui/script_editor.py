"""Edit a copy of a script: reorder, retime and reword steps in both languages.

Why the live check: a script that does not validate cannot be run, and finding out
in front of the group is too late. Every change is validated at once with the
engine's own loader (the same YAML path a script file takes), the first problems are
shown in plain words in the interface language (:mod:`script_problems`), and Save
stays disabled until the script is sound. The total length follows the steps, so
retiming never leaves the minutes out of step.
"""

from __future__ import annotations

import copy as _copy
import re
from typing import Any, Optional

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.errors import ScriptError
from facilitator.scripts.library import builtin_scripts, save_custom_script
from facilitator.scripts.loader import parse_script_text
from facilitator.scripts.model import Script
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.errors_ui import error_text
from facilitator.ui.labels import step_kind_label
from facilitator.ui.script_problems import script_problems
from facilitator.ui.translations import format_number

TEXT_FIELDS = ("title", "say", "notes")


def script_to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def copy_id(original: str, taken: set[str]) -> str:
    base = re.sub(r"-copy(-\d+)?$", "", original)[:90] + "-copy"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# Kinds a step can be switched between here: none needs fields this editor lacks.
SIMPLE_KINDS = (
    "welcome",
    "ground_rules",
    "discussion",
    "skill_practice",
    "reading",
    "break",
    "safety_check",
    "closing",
)


class ScriptEditor(QDialog):
    """``saved_id`` is the id of the stored custom script after Save."""

    def __init__(
        self, ctx: AppContext, script: Script, *, copy: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.based_on = script.id if copy else None
        self.saved_id: Optional[str] = None
        self.data: dict[str, Any] = script.model_dump(mode="json", exclude_none=True)
        if copy:
            taken = set(builtin_scripts())
            self.data["id"] = copy_id(script.id, taken)
            self.data["version"] = "1.0"
            for lang in ("en", "ar"):
                self.data["title"][lang] = self.data["title"][lang] + (
                    " (my copy)" if lang == "en" else " (نسختي)"
                )
        self.setWindowTitle(self.tr("Edit your copy of a script"))
        W.fit_to_screen(self, 1000, 720)
        self._loading = False

        self.id_edit = QLineEdit(self.data["id"])
        self.id_edit.setAccessibleName(self.tr("Script identifier"))
        self.title_en = QLineEdit(self.data["title"]["en"])
        self.title_en.setAccessibleName(self.tr("Title in English"))
        self.title_ar = QLineEdit(self.data["title"]["ar"])
        self.title_ar.setAccessibleName(self.tr("Title in Arabic"))
        self.title_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # The titles first, and the cursor in the title of the interface's language: the
        # identifier is a technical name (for files and the command line) and comes last.
        self.id_edit.setToolTip(
            self.tr("A short name for files and the command line: letters, digits and hyphens.")
        )
        top = QFormLayout()
        top.addRow(self._label(self.tr("Title (&English)"), self.title_en), self.title_en)
        top.addRow(self._label(self.tr("Title (&Arabic)"), self.title_ar), self.title_ar)
        top.addRow(self._label(self.tr("&Identifier"), self.id_edit), self.id_edit)
        for w in (self.id_edit, self.title_en, self.title_ar):
            w.textEdited.connect(lambda _t: self._header_changed())

        self.step_list = QListWidget()
        self.step_list.setObjectName("step_list")
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.currentRowChanged.connect(self._show_step)
        self.up_btn = W.button(self.tr("Move &up"))
        self.up_btn.clicked.connect(lambda: self.move_step(-1))
        self.down_btn = W.button(self.tr("Move do&wn"))
        self.down_btn.clicked.connect(lambda: self.move_step(1))
        self.remove_btn = W.button(self.tr("&Remove step"), danger=True)
        self.remove_btn.clicked.connect(self.remove_step)
        self.add_btn = W.button(
            self.tr("Add s&tep"), tip=self.tr("A new step after the selected one")
        )
        self.add_btn.setObjectName("add_step")
        self.add_btn.clicked.connect(self.add_step)
        left = QVBoxLayout()
        left.addWidget(self.step_list, 1)
        moves = QHBoxLayout()
        for b in (self.up_btn, self.down_btn):
            moves.addWidget(b)
        left.addLayout(moves)
        edits = QHBoxLayout()
        for b in (self.add_btn, self.remove_btn):
            edits.addWidget(b)
        left.addLayout(edits)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.setAccessibleName(self.tr("Kind of step"))
        for key in SIMPLE_KINDS:
            self.kind.addItem(step_kind_label(key), key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setObjectName("minutes")
        self.minutes.setAccessibleName(self.tr("Minutes for this step"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("English")), 0, 1)
        grid.addWidget(QLabel(self.tr("Arabic")), 0, 2)
        self.fields: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        names = {
            "title": self.tr("Title"),
            "say": self.tr("Words to say"),
            "notes": self.tr("Notes for you"),
        }
        for r, name in enumerate(TEXT_FIELDS, start=1):
            grid.addWidget(QLabel(names[name]), r, 0, Qt.AlignmentFlag.AlignTop)
            for c, lang in enumerate(("en", "ar"), start=1):
                edit: QLineEdit | QPlainTextEdit = (
                    QLineEdit() if name == "title" else QPlainTextEdit()
                )
                if isinstance(edit, QPlainTextEdit):
                    edit.setTabChangesFocus(True)
                    edit.textChanged.connect(lambda n=name, lg=lang: self._text_changed(n, lg))
                else:
                    edit.textEdited.connect(lambda _t, n=name, lg=lang: self._text_changed(n, lg))
                edit.setLayoutDirection(
                    Qt.LayoutDirection.RightToLeft
                    if lang == "ar"
                    else Qt.LayoutDirection.LeftToRight
                )
                in_lang = self.tr("English") if lang == "en" else self.tr("Arabic")
                edit.setAccessibleName(f"{names[name]} ({in_lang})")
                edit.setObjectName(f"{name}_{lang}")
                self.fields[(name, lang)] = edit
                grid.addWidget(edit, r, c)
        right = QVBoxLayout()
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Kind"), self.kind), self.kind)
        form.addRow(self._label(self.tr("&Minutes"), self.minutes), self.minutes)
        right.addLayout(form)
        right.addLayout(grid, 1)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)

        self.total = QLabel()
        self.total.setObjectName("editor_total")
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        theme.set_role(self.problems, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_btn = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_btn.setAccessibleName(self.tr("Save the script"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._fill_list()
        self.step_list.setCurrentRow(0)
        self.validate()
        (self.title_ar if ctx.lang == "ar" else self.title_en).setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- list -------------------------------------------------------------------
    def _fill_list(self) -> None:
        row = self.step_list.currentRow()
        self.step_list.blockSignals(True)
        self.step_list.clear()
        lang = self.ctx.lang
        for i, step in enumerate(self.data["steps"], start=1):
            self.step_list.addItem(
                f"{format_number(i)}. {step['title'].get(lang, '')}  ·  "
                + self.tr("%1 min").replace("%1", format_number(step["minutes"]))
            )
        self.step_list.blockSignals(False)
        if 0 <= row < self.step_list.count():
            self.step_list.setCurrentRow(row)

    def _current(self) -> Optional[dict[str, Any]]:
        row = self.step_list.currentRow()
        return self.data["steps"][row] if 0 <= row < len(self.data["steps"]) else None

    def _show_step(self, row: int) -> None:
        step = self._current()
        if step is None:
            return
        self._loading = True
        # A kind with its own fields (a check-in's scores, a round's minutes per speaker)
        # is shown but not changed here; the plain kinds can be swapped freely.
        if self.kind.findData(step["kind"]) < 0:
            self.kind.addItem(step_kind_label(step["kind"]), step["kind"])
        self.kind.setCurrentIndex(self.kind.findData(step["kind"]))
        self.kind.setEnabled(step["kind"] in SIMPLE_KINDS and not step.get("outcome"))
        self.minutes.setValue(int(step["minutes"]))
        for (name, lang), w in self.fields.items():
            text = (step.get(name) or {}).get(lang, "")
            if isinstance(w, QLineEdit):
                w.setText(text)
            else:
                w.setPlainText(text)
        self._loading = False
        n = len(self.data["steps"])
        self.up_btn.setEnabled(row > 0)
        self.down_btn.setEnabled(row < n - 1)
        self.remove_btn.setEnabled(n > 1)

    def move_step(self, delta: int) -> None:
        row = self.step_list.currentRow()
        new = row + delta
        steps = self.data["steps"]
        if not (0 <= row < len(steps) and 0 <= new < len(steps)):
            return
        steps[row], steps[new] = steps[new], steps[row]
        self._fill_list()
        self.step_list.setCurrentRow(new)
        self.validate()

    def add_step(self) -> None:
        """A new discussion step after the selected one, its title ready to type."""
        steps = self.data["steps"]
        row = self.step_list.currentRow()
        taken = {st["id"] for st in steps}
        n = len(steps) + 1
        while f"step-{n}" in taken:
            n += 1
        new = {
            "id": f"step-{n}",
            "kind": "discussion",
            "minutes": 10,
            "title": {"en": "New step", "ar": "خطوة جديدة"},
            "say": {"en": "", "ar": ""},
        }
        at = row + 1 if row >= 0 else len(steps)
        steps.insert(at, new)
        self._fill_list()
        self.step_list.setCurrentRow(at)
        self.validate()
        field = self.fields[("title", "ar" if self.ctx.lang == "ar" else "en")]
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def _kind_changed(self, _index: int) -> None:
        step = self._current()
        if self._loading or step is None or self.kind.currentData() is None:
            return
        step["kind"] = self.kind.currentData()
        self.validate()

    def remove_step(self) -> None:
        row = self.step_list.currentRow()
        if len(self.data["steps"]) <= 1 or row < 0:
            return
        del self.data["steps"][row]
        self._fill_list()
        self.step_list.setCurrentRow(min(row, len(self.data["steps"]) - 1))
        self.validate()

    # -- edits ------------------------------------------------------------------
    def _header_changed(self) -> None:
        self.data["id"] = self.id_edit.text().strip()
        self.data["title"] = {"en": self.title_en.text(), "ar": self.title_ar.text()}
        self.validate()

    def _minutes_changed(self, value: int) -> None:
        step = self._current()
        if self._loading or step is None:
            return
        step["minutes"] = value
        if step.get("min_minutes", 0) > value:
            step["min_minutes"] = value
        row = self.step_list.currentRow()
        self._fill_list()
        self.step_list.setCurrentRow(row)
        self.validate()

    def _text_changed(self, name: str, lang: str) -> None:
        step = self._current()
        if self._loading or step is None:
            return
        w = self.fields[(name, lang)]
        text = w.text() if isinstance(w, QLineEdit) else w.toPlainText()
        if (
            name == "notes"
            and not text
            and not (step.get("notes") or {}).get("ar" if lang == "en" else "en")
        ):
            step.pop("notes", None)
        else:
            step.setdefault(name, {"en": "", "ar": ""})[lang] = text
        if name == "title":
            row = self.step_list.currentRow()
            self._fill_list()
            self.step_list.setCurrentRow(row)
        self.validate()

    # -- validation and save ----------------------------------------------------------
    def document(self) -> dict[str, Any]:
        data = _copy.deepcopy(self.data)
        data["duration_minutes"] = sum(int(s["minutes"]) for s in data["steps"])
        return data

    def validate(self) -> bool:
        data = self.document()
        self.total.setText(
            self.tr("Total: %1 minutes").replace("%1", format_number(data["duration_minutes"]))
        )
        problems: list[str] = []
        if data["id"] in builtin_scripts():
            problems.append(
                self.tr("Give your copy its own identifier; this one belongs to a built-in script.")
            )
        try:
            parse_script_text(script_to_yaml(data), "copy")
        except ScriptError as exc:
            items = getattr(exc, "problems", None)
            if items:
                core = [f"{p.field}: {p.message}" if p.field else p.message for p in items]
                problems += script_problems(data, core)[:3]
            else:
                problems.append(error_text(exc))
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.save_btn.setEnabled(not problems)
        return not problems

    def save(self) -> None:
        if not self.validate():
            return
        text = script_to_yaml(self.document())
        based_on = self.based_on
        self.save_btn.setEnabled(False)
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: save_custom_script(s, text, based_on=based_on).id,
            self._saved,
            self._failed,
        )

    def _saved(self, script_id: str) -> None:
        self.saved_id = script_id
        self.ctx.notify(changes.SCRIPTS)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_btn.setEnabled(True)
        self.problems.setText(error_text(exc))
        self.problems.show()
