"""Write a supervisor's report from the app: a group's period report or the program report.

Why a dialog and not a one-click export: a report leaves the facilitator's machine,
so its three privacy choices are made in the open, each with its safe default: the
period (dates are shown at month level in the program report anyway), the smallest
count shown (k = 5; a report for outside the programme needs at least 11) and an
optional password (AES-256, typed twice). The report is built and written on the
task runner's worker thread, the same services the CLI's ``facilitator report``
uses, so the window never freezes and both give the same PDF.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.labels import LANGUAGES
from facilitator.ui.translations import format_number

from facilitator.policy import K_DEFAULT, K_EXTERNAL, K_MAX, K_MIN
from facilitator.tracking.periods import month_end

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.app.access import Principal
    from facilitator.store.db import Database
    from facilitator.ui.tasks import CancelFlag, ProgressFn

PASSWORD_MIN = 8
KIND_GROUP, KIND_PROGRAM, KIND_EXTERNAL = "group", "program", "external"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def report_job(
    db: Database,
    kind: str,
    group_id: Optional[str],
    date_from: Optional[date],
    date_to: Optional[date],
    lang: str,
    k: int,
    password: Optional[str],
    path: str,
    who: Optional[Principal] = None,
) -> str:
    """Build and write the report (worker thread): the same service as the CLI, which
    checks the acting user's roles first (issue 14)."""
    from facilitator.app import reports

    return reports.write(
        db,
        reports.GROUP if kind == KIND_GROUP else reports.PROGRAM,
        path,
        who,
        password=password,
        group_id=group_id,
        date_from=date_from,
        date_to=date_to,
        lang=lang,
        k=k,
        external=kind == KIND_EXTERNAL,
    )


class ReportDialog(QDialog):
    """Choose the report, its period, language, k and password; then save."""

    def __init__(
        self,
        ctx: AppContext,
        group_id: Optional[str] = None,
        group_name: str = "",
        parent: QWidget | None = None,
        today: Optional[date] = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id = group_id
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Write a report"))
        self.setMinimumWidth(520)
        today = today or date.today()
        from facilitator.app import reports

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Which report"))
        if group_id:
            self.kind.addItem(self.tr("Group report: %1").replace("%1", group_name), KIND_GROUP)
        self.kind.addItem(self.tr("Program report: all groups"), KIND_PROGRAM)
        self.kind.addItem(self.tr("Program report for outside the programme"), KIND_EXTERNAL)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        # Reports cover whole calendar months, so the dialog asks for months only.
        # Three whole months up to the month of the latest session (this month when
        # none was held yet): a report written right after a session includes it.
        self.held: list[date] = self._held_days()
        start, end = reports.default_months(self.held, today)
        self.date_from = QDateEdit(_qdate(start), self)
        self.date_to = QDateEdit(_qdate(end), self)
        for edit, name in (
            (self.date_from, self.tr("First month")),
            (self.date_to, self.tr("Last month")),
        ):
            edit.setDisplayFormat("yyyy-MM")
            edit.setAccessibleName(name)
        self.whole = QCheckBox(self.tr("Whole history"), self)
        self.whole.toggled.connect(self._whole_history)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.date_to)
        period.addWidget(self.whole)
        period.addStretch(1)

        self.lang = QComboBox(self)
        self.lang.setAccessibleName(self.tr("Report language"))
        for code, name in LANGUAGES.items():
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(ctx.lang)))

        self.k = QSpinBox(self)
        self.k.setAccessibleName(self.tr("Smallest count shown"))
        self.k.setRange(K_MIN, K_MAX)
        self.k.setValue(K_DEFAULT)
        self.k_hint = W.muted()
        self.k.valueChanged.connect(lambda _v: self._update_hint())

        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password, optional"))
        # "(AES-256)" stays whole inside Arabic: a left-to-right isolate around it
        self.password.setPlaceholderText(
            self.tr("Optional: protects the PDF %1").replace("%1", "\u2066(AES-256)\u2069")
        )
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2.setAccessibleName(self.tr("Password again"))

        form = QFormLayout()
        form.addRow(self.tr("&Report"), self.kind)
        form.addRow(self.tr("Period"), period)
        form.addRow(
            "",
            W.muted(
                self.tr(
                    "Whole calendar months. The number of different people, age bands and genders "
                    "are shown for a calendar quarter or a calendar year only."
                )
            ),
        )
        form.addRow(self.tr("&Language"), self.lang)
        form.addRow(self.tr("Smallest &count shown"), self.k)
        form.addRow("", self.k_hint)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("Password a&gain"), self.password2)

        self.problem = QLabel(self)
        self.problem.setObjectName("reportProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            self.tr("&Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save the report as a PDF"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            W.muted(
                self.tr(
                    "Reports hold no codes, aliases, notes or individual scores. Counts below the "
                    "smallest count, and any count that would let one be worked out, are shown as "
                    '"x"; small averages are withheld.'
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._kind_changed()
        self.written: Optional[str] = None

    # -- state ---------------------------------------------------------------------
    def _kind_changed(self) -> None:
        external = self.kind.currentData() == KIND_EXTERNAL
        self.k.setMinimum(K_EXTERNAL if external else K_MIN)
        self._update_hint()

    def _update_hint(self) -> None:
        if self.kind.currentData() == KIND_EXTERNAL:
            self.k_hint.setText(
                self.tr(
                    "For readers outside the programme the smallest count is at least %1."
                ).replace("%1", format_number(K_EXTERNAL))
            )
        else:
            self.k_hint.setText(
                self.tr('Counts from 1 to %1 are hidden (shown as "x").').replace(
                    "%1", format_number(self.k.value() - 1)
                )
            )

    def _whole_history(self, on: bool) -> None:
        self.date_from.setEnabled(not on)
        self.date_to.setEnabled(not on)

    def choices(self) -> dict[str, Any]:
        """What the dialog would write, or raise ValueError with the reason to show."""
        date_from = date_to = None
        if not self.whole.isChecked():
            date_from = _pydate(self.date_from.date()).replace(day=1)
            date_to = month_end(_pydate(self.date_to.date()))
            if date_from > date_to:
                raise ValueError(self.tr("The first month is after the last month."))
        password = self.password.text() or None
        if password is not None or self.password2.text():
            if self.password.text() != self.password2.text():
                raise ValueError(self.tr("The two passwords are not the same."))
            if len(self.password.text()) < PASSWORD_MIN:
                raise ValueError(
                    self.tr("Use a password of at least %1 characters, or none.").replace(
                        "%1", format_number(PASSWORD_MIN)
                    )
                )
        return {
            "kind": self.kind.currentData(),
            "group_id": self.group_id,
            "date_from": date_from,
            "date_to": date_to,
            "lang": self.lang.currentData(),
            "k": self.k.value(),
            "password": password,
        }

    def _held_days(self) -> list[date]:
        from facilitator.app import reports

        if self.ctx.db is None:
            return []
        try:
            return reports.held_days(self.ctx.db, self.group_id)
        except Exception:  # noqa: BLE001 - only a default and a warning depend on it
            return []

    def empty_period(self, choice: dict[str, Any]) -> bool:
        """No session was held in the chosen period (for the chosen group)."""
        start, end = choice["date_from"], choice["date_to"]
        days = self.held if choice["kind"] == KIND_GROUP or not self.group_id else self._all_held()
        return not any((start is None or d >= start) and (end is None or d <= end) for d in days)

    def _all_held(self) -> list[date]:
        from facilitator.app import reports

        return reports.held_days(self.ctx.db) if self.ctx.db is not None else []

    def default_name(self, choice: dict[str, Any]) -> str:
        stamp = date.today().isoformat()
        return f"{choice['kind']}-report-{choice['lang']}-{stamp}.pdf"

    # -- saving ----------------------------------------------------------------------
    def save(self) -> None:
        try:
            choice = self.choices()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        if self.empty_period(choice):
            answer = QMessageBox.question(
                self,
                self.tr("No sessions in this period"),
                self.tr(
                    "No sessions were held in the months chosen, so the report would be "
                    "empty. Save it anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.date_from.setFocus()
                return
        from facilitator.ui.save_files import ask_save_path

        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Save the report"),
            self.default_name(choice),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.write(choice, path)

    def write(self, choice: dict[str, Any], path: str) -> None:
        """Write ``choice`` to ``path`` on the worker thread (tests call this directly)."""
        asked = path  # what a retry after signing in is given again
        confirmed = True  # the save dialog asked before replacing the name it returned
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
            confirmed = False  # a name the dialog never saw: never replaced silently
        db = self.ctx.db
        if db is None:  # the Reports action waits for the store to open
            return
        who = self.ctx.principal  # the signed-in user, if any
        self.save_button.setEnabled(False)

        def job(_progress: ProgressFn, _cancel: CancelFlag) -> str:
            from facilitator.export.output import check_output_path

            check_output_path(path, overwrite=confirmed, stores=[db.path])
            return report_job(db, path=path, who=who, **choice)

        def done(written: str) -> None:
            from facilitator.ui.save_files import shown_path

            self.save_button.setEnabled(True)
            self.written = written
            QMessageBox.information(
                self,
                self.tr("Report saved"),
                # the path on a line of its own, left to right, with no full stop
                # after it: an Arabic sentence no longer splits it or moves the stop
                self.tr("The report was saved in this file:") + "\n\n" + shown_path(Path(written)),
            )
            self.accept()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            # a refusal offers to sign in; then the report is written as that user
            W.show_refusal(self, self.ctx, exc, lambda: self.write(choice, asked))

        self.ctx.tasks.run(job, done, failed, progress=True, label=self.tr("Writing the report…"))
