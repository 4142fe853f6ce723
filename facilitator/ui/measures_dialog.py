"""Outcome measures: see the built-in ones, add the organisation's own, retire them.

Why a dialog opened from Settings: measures are set up once by a coordinator, not
changed from session to session. The built-in check-in rating and WHO-5 are listed
read-only, each marked as a validated instrument or not, so nobody mistakes the
project's 0-10 rating for one. A custom measure is defined by the same core call
as ``facilitator measures add`` (:func:`create_custom_measure`), so the checks are
the same; its refusal is shown under the form in the interface language and the
form keeps what was typed. Retiring keeps every answer (reports still show them);
the measure is only no longer offered in run mode.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import changes
from facilitator.app.measures import MeasureRow, measure_table
from facilitator.errors import FacilitatorError
from facilitator.tracking import custom_measures as cm
from facilitator.tracking import measures as me
from facilitator.ui import theme
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.run.common import locale_digits

ASKED = (("prepost", ("pre", "post")), ("single", ("single",)), ("both", ("pre", "post", "single")))
RANGE_LIMIT = 1_000_000


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class MeasuresDialog(QDialog):
    """The list, a form to add a measure, and retire / offer again."""

    COLUMNS = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang if ctx.lang in ("en", "ar") else "en"
        self.setObjectName("measuresDialog")
        self.setWindowTitle(self.tr("Outcome measures"))
        self.setMinimumWidth(760)
        self._rows: list[MeasureRow] = []

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("measuresTable")
        self.table.setAccessibleName(self.tr("Outcome measures"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Measure"),
                self.tr("Scores"),
                self.tr("Asked"),
                self.tr("Kind"),
                self.tr("State"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        # Room for three measures (the WHO-5, the check-in and one of the organisation's)
        # rather than the one and a half rows the form below once left it.
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + 2 * self.table.frameWidth()
            + 3 * self.table.verticalHeader().defaultSectionSize()
        )
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.retire_button.setObjectName("retireMeasure")
        self.retire_button.setEnabled(False)
        self.retire_button.clicked.connect(self._toggle_retired)
        self.titles_button = QPushButton(self.tr("Edit &titles…"), self)
        self.titles_button.setObjectName("editTitles")
        self.titles_button.setToolTip(
            self.tr("Reword the English or Arabic title; the scale stays as it is")
        )
        self.titles_button.setEnabled(False)
        self.titles_button.clicked.connect(self.edit_titles)
        self.retire_note = QLabel(self)
        self.retire_note.setWordWrap(True)
        theme.set_role(self.retire_note, "muted")

        self.key = QLineEdit(self)
        self.key.setObjectName("measureKey")
        self.key.setMaxLength(41)
        self.key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.key.setPlaceholderText(self.tr("for example: sleep_quality"))
        self.title_en = QLineEdit(self)
        self.title_en.setMaxLength(cm.TITLE_MAX)
        self.title_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.title_ar = QLineEdit(self)
        self.title_ar.setMaxLength(cm.TITLE_MAX)
        self.title_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.minimum, self.maximum, self.step = (self._spin(0), self._spin(10), self._spin(1))
        self.step.setMinimum(0.01)
        self.asked = QComboBox(self)
        for key, text in zip(
            (k for k, _ in ASKED),
            (
                self.tr("At the start and at the end of a session"),
                self.tr("Once, at the end of a session"),
                self.tr("At the start, at the end and once"),
            ),
        ):
            self.asked.addItem(text, key)
        self.higher = QCheckBox(self.tr("A &higher score is better"), self)
        self.higher.setChecked(True)
        self.add_button = QPushButton(self.tr("&Add measure"), self)
        self.add_button.setObjectName("addMeasure")
        self.add_button.clicked.connect(self._add)
        self.error = QLabel(self)
        self.error.setObjectName("measureError")
        self.error.setWordWrap(True)
        theme.set_role(self.error, "error")
        self.error.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form = QFormLayout()
        scale = QHBoxLayout()
        for text, spin in (
            (self.tr("&From"), self.minimum),
            (self.tr("t&o"), self.maximum),
            (self.tr("in ste&ps of"), self.step),
        ):
            scale.addWidget(self._label(text, spin))
            scale.addWidget(spin)
        scale.addStretch(1)
        form.addRow(self._label(self.tr("&Key"), self.key), self.key)
        form.addRow(self._label(self.tr("Title in &English"), self.title_en), self.title_en)
        form.addRow(self._label(self.tr("Title in Arab&ic"), self.title_ar), self.title_ar)
        form.addRow(self.tr("Scores"), scale)
        form.addRow(self._label(self.tr("A&sked"), self.asked), self.asked)
        form.addRow("", self.higher)
        add_row = QHBoxLayout()
        add_row.addWidget(self.error, 1)
        add_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QGroupBox(self.tr("Add the organisation's own measure"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(
            QLabel(
                self.tr(
                    "An organisation's own measure is not a validated instrument; reports say so. "
                    "Pass is always allowed and is never scored."
                ),
                box,
            )
        )
        box_layout.addLayout(form)
        box_layout.addLayout(add_row)
        box_layout.addWidget(self.status)

        # The Arabic WHO-5 wording: the shipped text is this project's own rendering,
        # so an organisation holding the published Arabic version can load it here.
        self.wording_status = QLabel(self)
        self.wording_status.setObjectName("wordingStatus")
        self.wording_status.setWordWrap(True)
        self.wording_button = QPushButton(self.tr("Load the Arabic &WHO-5 wording…"), self)
        self.wording_button.setObjectName("loadWording")
        self.wording_button.setToolTip(
            self.tr(
                "A YAML file with title, instructions, the five items and the six answer "
                "labels (for 5 down to 0); see the README"
            )
        )
        self.wording_button.clicked.connect(self.load_wording)
        self.shipped_button = QPushButton(self.tr("&Use the shipped wording"), self)
        self.shipped_button.setObjectName("clearWording")
        self.shipped_button.clicked.connect(self.clear_wording)
        wording_row = QHBoxLayout()
        wording_row.addWidget(self.wording_status, 1)
        wording_row.addWidget(self.wording_button)
        wording_row.addWidget(self.shipped_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        retire_row = QHBoxLayout()
        retire_row.addWidget(self.retire_note, 1)
        retire_row.addWidget(self.titles_button)
        retire_row.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(retire_row)
        layout.addLayout(wording_row)
        layout.addWidget(box)
        layout.addWidget(buttons)
        W.fit_to_screen(self, 900, 820)
        self.reload()

    # -- the organisation's Arabic WHO-5 wording ----------------------------------------
    def _show_wording(self, status: str) -> None:
        self.wording_status.setText(
            {
                "organisation": self.tr("Arabic WHO-5 wording: your organisation's own."),
                "published": self.tr("Arabic WHO-5 wording: the published version."),
            }.get(
                status,
                self.tr(
                    "Arabic WHO-5 wording: this app's own rendering, not yet "
                    "checked against the published Arabic version."
                ),
            )
        )
        self.shipped_button.setEnabled(status == "organisation")

    def load_wording(self, path: Optional[str] = None) -> None:
        """Read, check and store a wording file; a bad file changes nothing."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("The Arabic WHO-5 wording"), "", self.tr("YAML files (*.yaml *.yml)")
            )
            if not path:
                return

        def store(s: Any) -> str:
            cm.set_builtin_wording(s, me.WHO5, cm.read_wording(path, me.WHO5))
            return me.WHO5

        self.ctx.tasks.run_db(
            self.ctx.db,
            store,
            self._wording_changed,
            self._wording_failed,
            label=self.tr("Saving the wording"),
        )

    def clear_wording(self) -> None:
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: cm.clear_builtin_wording(s, me.WHO5) and me.WHO5,
            self._wording_changed,
            self._wording_failed,
            label=self.tr("Saving the wording"),
        )

    def _wording_changed(self, _key: Any) -> None:
        self.reload()
        self.ctx.notify(changes.MEASURES)

    def _wording_failed(self, exc: BaseException) -> None:
        # the core's sentence names the file and the line or field at fault
        from facilitator.ui.errors_ui import error_text

        self.wording_status.setText(
            self.tr("The wording was not changed: %1").replace(
                "%1",
                error_text(exc, self.lang)
                if isinstance(exc, FacilitatorError)
                else type(exc).__name__,
            )
        )

    def _spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(-RANGE_LIMIT, RANGE_LIMIT)
        spin.setDecimals(2)
        spin.setValue(value)
        return spin

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- the list -------------------------------------------------------------------
    def reload(self, select_key: Optional[str] = None) -> None:
        self._rows, status = measure_table(self.ctx.db)
        self._show_wording(status)
        self.table.setRowCount(len(self._rows))
        for i, row in enumerate(self._rows):
            cells = (
                f"{cm.display_title(row.title, self.lang)}  ({row.key})",
                self._scale_text(row),
                self._asked_text(row.phases),
                self._kind_text(row),
                self.tr("Retired") if row.retired else self.tr("Offered"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(text)
                self.table.setItem(i, column, item)
        if select_key is not None:
            index = next((i for i, r in enumerate(self._rows) if r.key == select_key), -1)
            if index >= 0:
                self.table.selectRow(index)
        self._selection_changed()

    def _scale_text(self, row: MeasureRow) -> str:
        if row.key == me.WHO5:
            return locale_digits(self.tr("0 to 100 (five items 0 to 5)"))
        text = (
            self.tr("%1 to %2").replace("%1", f"{row.minimum:g}").replace("%2", f"{row.maximum:g}")
        )
        if row.step != 1:
            text += " " + self.tr("by %1").replace("%1", f"{row.step:g}")
        return locale_digits(text)

    def _asked_text(self, phases: tuple[str, ...]) -> str:
        if set(phases) == {"pre", "post", "single"}:
            return self.tr("start, end and once")
        if set(phases) == {"pre", "post"}:
            return self.tr("start and end")
        return self.tr("once")

    def _kind_text(self, row: MeasureRow) -> str:
        if row.builtin:
            return (
                self.tr("Built in, validated instrument")
                if row.validated
                else self.tr("Built in, not a validated instrument")
            )
        return self.tr("Organisation's own, not validated")

    def selected(self) -> Optional[MeasureRow]:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.retire_button.setEnabled(row is not None and not row.builtin)
        self.titles_button.setEnabled(row is not None and not row.builtin)
        self.retire_button.setText(
            self.tr("Offer a&gain") if row is not None and row.retired else self.tr("&Retire")
        )
        if row is not None and row.builtin:
            self.retire_note.setText(self.tr("Built-in measures cannot be retired."))
        elif row is not None:
            self.retire_note.setText(
                self.tr(
                    "Retiring keeps every answer; the measure is only no longer offered in "
                    "new sessions."
                )
            )
        else:
            self.retire_note.setText("")

    def _toggle_retired(self) -> None:
        row = self.selected()
        if row is None or row.builtin:
            return
        key, retired = row.key, not row.retired
        self.retire_button.setEnabled(False)
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: cm.set_retired(s, key, retired),
            lambda _changed: self._changed(key),
            self._failed,
            label=self.tr("Saving the measure"),
        )

    def edit_titles(self, titles: Optional[tuple[str, str]] = None) -> None:
        """Ask for the new titles (``titles`` given: tests and scripts skip the dialog)."""
        row = self.selected()
        if row is None or row.builtin:
            return
        if titles is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Edit titles"))
            en, ar = (
                QLineEdit(row.title.get("en", ""), dialog),
                QLineEdit(row.title.get("ar", ""), dialog),
            )
            en.setAccessibleName(self.tr("Title in English"))
            ar.setAccessibleName(self.tr("Title in Arabic"))
            en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            form = QFormLayout(dialog)
            form.addRow(self.tr("Title in English"), en)
            form.addRow(self.tr("Title in Arabic"), ar)
            box = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                dialog,
            )
            box.accepted.connect(dialog.accept)
            box.rejected.connect(dialog.reject)
            form.addRow(box)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            titles = (en.text(), ar.text())
        key, (en_text, ar_text) = row.key, titles
        self.error.hide()
        self.ctx.tasks.run_db(
            self.ctx.db,
            lambda s: cm.set_titles(s, key, {"en": en_text, "ar": ar_text}).key,
            self._changed,
            self._failed,
            label=self.tr("Saving the measure"),
        )

    # -- adding -----------------------------------------------------------------------
    def _add(self) -> None:
        key = self.key.text().strip()
        title = {"en": self.title_en.text(), "ar": self.title_ar.text()}
        lo, hi, step = (_number(w.value()) for w in (self.minimum, self.maximum, self.step))
        phases = dict(ASKED)[self.asked.currentData()]
        higher = self.higher.isChecked()
        self.error.hide()
        self.add_button.setEnabled(False)

        def create(s: Any) -> str:
            return cm.create_custom_measure(
                s,
                key,
                title,
                minimum=lo,
                maximum=hi,
                step=step,
                higher_is_better=higher,
                phases=phases,
            ).key

        self.ctx.tasks.run_db(
            self.ctx.db, create, self._added, self._failed, label=self.tr("Saving the measure")
        )

    def _added(self, key: str) -> None:
        self.add_button.setEnabled(True)
        for field in (self.key, self.title_en, self.title_ar):
            field.clear()
        self.status.setText(self.tr("Added the measure '%1'.").replace("%1", key))
        self._changed(key)

    def _changed(self, key: str) -> None:
        self.reload(select_key=key)
        self.ctx.notify(changes.MEASURES)

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self._selection_changed()
        self.status.clear()
        from facilitator.ui.errors_ui import error_text

        text = (
            error_text(exc, self.lang)
            if isinstance(exc, FacilitatorError)
            else self.tr("The measure could not be saved.")
        )
        field = self._field(getattr(exc, "field", None))
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def _field(self, name: Optional[str]) -> Optional[QWidget]:
        """The input a core refusal is about (``InputError.field``)."""
        return {
            "key": self.key,
            "title_en": self.title_en,
            "title_ar": self.title_ar,
            "range": self.maximum,
            "step": self.step,
        }.get(name or "")
