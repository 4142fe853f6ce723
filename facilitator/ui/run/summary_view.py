"""The end-of-session summary and the one click to the session summary PDF.

Shown in place of the run screen when the session is finished. The figures come
from the store (:func:`facilitator.app.summary_data.session_summary`); the PDF
is built by the tracking layer (:func:`build_session_report`, which applies the
alias redaction and disclosure rules) and drawn by the export layer, on the task
runner's worker thread so the window never freezes while ReportLab works.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.i18n import pick
from facilitator.ui.run.common import run_db, set_font
from facilitator.app.runs import step_titles
from facilitator.app.summary_data import SessionSummary, session_summary
from facilitator.ui.save_files import open_folder, shown_path

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.ui.context import AppContext


def reports_dir(ctx: AppContext) -> Path:
    """The save folder every PDF goes to (Documents/Facilitator unless chosen otherwise)."""
    from facilitator.ui.save_files import save_folder

    return save_folder(ctx.settings)


class SummaryView(QWidget):
    pdf_written = Signal(str)
    leave_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        session_id: str,
        report_lang: Optional[str] = None,
        parent: QWidget | None = None,
        *,
        scores: bool = True,
        auto_pdf: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.session_id = ctx, session_id
        # False for a no-notes session or a headcount-only group: no one was scored, so
        # the summary does not speak of scores or forms at all.
        self.scores = scores
        # At the close of a session the PDF is written at once (the README promised
        # it): the facilitator is thanking people, not looking for a button.
        self._auto_pdf = auto_pdf
        self.report_lang = report_lang or ctx.lang
        self.summary: Optional[SessionSummary] = None
        self.pdf_path: Optional[Path] = None
        self.setObjectName("summaryView")
        self.title = QLabel(self.tr("Session finished: thank you"), self)
        set_font(self.title, 2.4, bold=True)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()  # large, airy figures: read aloud to the group at the close
        form.setVerticalSpacing(22)
        form.setHorizontalSpacing(40)
        for key, caption in (
            ("attended", self.tr("People present")),
            ("newcomers", self.tr("Newcomers")),
            ("change", self.tr("Average change (check-out minus check-in)")),
            ("who5", self.tr("WHO-5 forms entered")),
            ("custom", self.tr("Other measures")),
            ("incidents", self.tr("Incidents recorded")),
            ("skipped", self.tr("Steps skipped")),
        ):
            value = QLabel("…", self)
            value.setObjectName(f"summary-{key}")
            value.setWordWrap(True)
            set_font(value, 1.5 if key == "custom" else 2.2, bold=True)
            cap = QLabel(caption, self)
            set_font(cap, 1.5)
            form.addRow(cap, value)
            self.values[key] = value
            self.captions[key] = cap
        self.pdf_button = QPushButton(self.tr("Make the session summary PDF"), self)
        self.pdf_button.setObjectName("makePdf")
        self.pdf_button.setMinimumHeight(52)
        set_font(self.pdf_button, 1.2, bold=True)
        self.pdf_button.clicked.connect(self.make_pdf)
        self.open_button = QPushButton(self.tr("Open the folder"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        self.pdf_label = QLabel(self)
        self.pdf_label.setObjectName("pdfPath")
        self.pdf_label.setWordWrap(True)
        self.leave_button = QPushButton(self.tr("Back to the group"), self)
        self.leave_button.setObjectName("leaveRun")
        self.leave_button.setMinimumHeight(44)
        self.leave_button.clicked.connect(self.leave_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addSpacing(24)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.pdf_label)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        session_id, who = self.session_id, getattr(self.ctx, "principal", None)
        run_db(
            self.ctx,
            lambda s: (session_summary(s, session_id, who=who), step_titles(s, session_id)),
            self._show,
        )

    def _show(self, result: tuple[SessionSummary, dict[str, dict[str, str]]]) -> None:
        summary, titles = result
        self.summary = summary
        for label in self.values.values():
            # Digits alone carry no direction; anchor the text to the layout's side.
            label.setAlignment(
                Qt.AlignmentFlag.AlignAbsolute
                | (
                    Qt.AlignmentFlag.AlignRight
                    if self.isRightToLeft()
                    else Qt.AlignmentFlag.AlignLeft
                )
                | Qt.AlignmentFlag.AlignVCenter
            )
        loc = self.locale()
        self.values["attended"].setText(self.count_text(summary.attended))
        self.values["newcomers"].setText(self.count_text(summary.newcomers))
        if summary.average_change is None:
            self.values["change"].setText(self.tr("no one gave both scores"))
        else:
            sign = "+" if summary.average_change > 0 else ""
            self.values["change"].setText(
                self.tr("%1 (from %2 people)")
                .replace("%1", sign + loc.toString(summary.average_change, "f", 1))
                .replace("%2", loc.toString(summary.paired))
            )
        self.values["who5"].setText(loc.toString(summary.who5_answered))
        lines = []
        for line in summary.custom:
            if line.is_change:
                sign = "+" if line.value > 0 else ""
                text = self.tr("%1: %2 change (from %3 people)").replace(
                    "%2", sign + loc.toString(line.value, "f", 1)
                )
            else:
                text = self.tr("%1: mean %2 (from %3 people)").replace(
                    "%2", loc.toString(line.value, "f", 1)
                )
            lines.append(
                text.replace("%1", pick(line.title, self.ctx.lang)).replace(
                    "%3", loc.toString(line.people)
                )
            )
        self.values["custom"].setText("\n".join(lines))
        for key, shown in (
            ("who5", self.scores and summary.who5_answered > 0),
            ("custom", self.scores and bool(lines)),
            ("change", self.scores),
        ):
            self.values[key].setVisible(shown)
            self.captions[key].setVisible(shown)
        if self._auto_pdf:
            self._auto_pdf = False
            self.make_pdf()
        self.values["incidents"].setText(self.count_text(summary.incidents))
        if summary.skipped_steps:
            names = ", ".join(
                pick(titles.get(s), self.report_lang) or s for s in summary.skipped_steps
            )
            self.values["skipped"].setText(f"{loc.toString(len(summary.skipped_steps))}: {names}")
        else:
            self.values["skipped"].setText(self.count_text(0))

    def count_text(self, n: int) -> str:
        """A count in large bold type; zero as a word ("None"), since a lone Arabic zero
        "٠" in bold reads as a bullet point from across a room."""
        return self.locale().toString(n) if n else self.tr("None")

    def make_pdf(self) -> None:
        from facilitator.app import reports

        db, session_id, lang = self.ctx.db, self.session_id, self.report_lang
        who = self.ctx.principal
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        path = reports_dir(self.ctx) / f"session-summary-{stamp}-{session_id[:6]}.pdf"

        def job(progress: Any, cancel: Any) -> str:
            progress(0, 2, "")
            # the reports service checks the acting user's roles first (issue 14)
            written = reports.write(
                db,
                reports.SESSION,
                path,
                who,
                record=False,
                session_id=session_id,
                lang=lang,
            )
            progress(1, 2, "")
            return written

        self.pdf_button.setEnabled(False)
        self.pdf_label.setText(self.tr("Making the PDF…"))
        self.ctx.tasks.run(
            job,
            on_success=self._pdf_done,
            on_failure=self._pdf_failed,
            progress=True,
            label=self.tr("Making the session summary PDF"),
        )

    def _pdf_done(self, path: str) -> None:
        self.pdf_path = Path(path)
        self.pdf_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.pdf_label.setText(self.tr("Saved: %1").replace("%1", shown_path(path)))
        self.pdf_button.setText(self.tr("Make the PDF again"))
        self.pdf_written.emit(path)

    def _pdf_failed(self, exc: BaseException) -> None:
        from facilitator.ui.tasks import report_failure

        self.pdf_button.setEnabled(True)
        self.pdf_label.setText(self.tr("The PDF could not be made."))
        report_failure(exc, self)

    def _open_folder(self) -> None:
        if self.pdf_path is not None:
            open_folder(self, self.pdf_path.parent)
