"""The supervisor's dashboard: filters, the report's own figures and charts, data
completeness beside each section, and a preview of the PDF before it is saved.

Drawing only: the figures come from :func:`facilitator.app.dashboard.build`, which
returns the very report blocks the PDF prints (one source for both). This module is
imported only when the dashboard is first opened, and it imports ``pypdfium2`` only
when a preview is asked for, so start-up pays for neither.

Why pypdfium2 for the preview: it renders the exact PDF bytes that would be saved
(fonts, Arabic shaping, suppression marks and all) with PDFium, is a small wheel
already installed with the test tools, and needs no QtPdf (PySide6-Addons).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.policy import K_DEFAULT, K_MAX
from facilitator.tracking.periods import month_end
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.translations import format_number

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.app.access import Principal
    from facilitator.app.dashboard import Dashboard, Query
    from facilitator.tracking import report_model as rm

SECTION_KEYS = {  # which completeness goes beside which report heading
    "attendance": ("attendance", "Attendance", "الحضور"),
    "checkin": ("checkin", "Check-in", "تسجيل"),
    "who5": ("who5", "WHO-5"),
    "incidents": ("incident", "Incident", "حوادث", "الحوادث"),
}


class DashboardView(QWidget):
    def __init__(
        self, ctx: AppContext, principal: Principal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.principal = principal
        self.dash: Optional[Dashboard] = None
        self.setObjectName("dashboardView")
        outer = QVBoxLayout(self)

        self.program = QComboBox()
        self.program.setObjectName("dashboardProgram")
        self.group = QComboBox()
        self.group.setObjectName("dashboardGroup")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM")  # reports cover whole calendar months
        self.k = QSpinBox()
        self.k.setRange(K_DEFAULT, K_MAX)
        self.k.setValue(K_DEFAULT)
        self.k.setObjectName("dashboardK")
        refresh = W.button(self.tr("Show  [F5]"), primary=True)
        refresh.clicked.connect(self.refresh)
        preview = W.button(self.tr("Preview report…  [Ctrl+P]"))
        preview.clicked.connect(self.preview)
        self.preview_button = preview
        # two rows, so the filters never widen the window past a 1024-pixel screen
        for combo in (self.program, self.group):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)  # a long group name is elided, not grown
        rows = (
            ((self.tr("Programme"), self.program), (self.tr("Group"), self.group)),
            (
                (self.tr("From"), self.date_from),
                (self.tr("To"), self.date_to),
                (self.tr("Smallest number shown"), self.k),
            ),
        )
        for n, fields in enumerate(rows):
            bar = QHBoxLayout()
            for label, w in fields:
                lab = QLabel(label)
                lab.setBuddy(w)
                bar.addWidget(lab)
                bar.addWidget(w, 1 if isinstance(w, QComboBox) else 0)
            bar.addStretch(1)
            if n == len(rows) - 1:
                bar.addWidget(refresh)
                bar.addWidget(preview)
            outer.addLayout(bar)
        self.status = W.muted("")
        outer.addWidget(self.status)
        self.scroll_area = QScrollArea()  # not "scroll": QWidget.scroll() is a method
        self.scroll_area.setWidgetResizable(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+P"), self, self.preview)
        self._load_choices()

    # -- data -------------------------------------------------------------------
    def _load_choices(self) -> None:
        from facilitator.app import dashboard

        if self.ctx.db is None:
            return
        ch = dashboard.choices(self.ctx.db, self.principal)
        from facilitator.tracking.report_text import program_type

        self.program.addItem(self.tr("All programmes"), None)
        for t in ch.program_types:
            self.program.addItem(program_type(t, self.ctx.lang), t)
        self.group.addItem(self.tr("All groups"), None)
        for gid, name, _t in ch.groups:
            self.group.addItem(name, gid)
        end = ch.last_day or date.today()  # a year up to the latest session
        self.date_from.setDate(QDate(end.year - 1, end.month, 1).addMonths(1))
        self.date_to.setDate(QDate(end.year, end.month, 1))

    def query(self) -> Query:
        from facilitator.app.dashboard import Query

        def first(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), 1)

        return Query(
            program_type=self.program.currentData(),
            group_id=self.group.currentData(),
            date_from=first(self.date_from),
            date_to=month_end(first(self.date_to)),
            k=self.k.value(),
            lang=self.ctx.lang,
        )

    def refresh(self) -> None:
        from facilitator.app import dashboard

        q = self.query()
        db, who = self.ctx.db, self.principal
        if db is None:
            return
        self.status.setText(self.tr("Loading…"))
        self.ctx.tasks.run(lambda _p, _c: dashboard.build(db, who, q), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        W.show_error(self, exc)

    # -- drawing ----------------------------------------------------------------
    def _show(self, dash: Dashboard) -> None:
        from facilitator.tracking import report_model as rm
        from facilitator.ui.chart_widget import ChartWidget

        self.dash = dash
        # a fresh page each time: the old one (with the widgets inside its heading rows,
        # which a layout's takeAt() would leave behind) is deleted by setWidget()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        rep = dash.report
        self.status.setText(f"{rep.title} · {rep.subtitle} · {rep.period}")
        self.figures: list[tuple[str, str]] = []
        self.charts: list[ChartWidget] = []
        self.tables: list[QTableWidget] = []
        for block in rep.blocks:
            if isinstance(block, rm.Heading):
                self.body_layout.addLayout(self._heading(block.text, block.level))
            elif isinstance(block, rm.KeyFigures):
                self.body_layout.addWidget(self._figures(block))
            elif isinstance(block, rm.Table):
                self.body_layout.addWidget(self._table(block))
            elif isinstance(block, rm.Chart):
                if block.title:
                    self.body_layout.addWidget(W.heading(block.title, "section"))
                chart = ChartWidget(block, self.ctx.rtl)
                self.charts.append(chart)
                self.body_layout.addWidget(chart)
                if block.note:
                    self.body_layout.addWidget(W.muted(block.note))
            elif isinstance(block, rm.Paragraph):
                lab = W.muted(block.text) if block.style != "body" else QLabel(block.text)
                lab.setWordWrap(True)
                self.body_layout.addWidget(lab)
            elif isinstance(block, rm.BulletList):
                lab = QLabel("\n".join(f"• {x}" for x in block.items))
                lab.setWordWrap(True)
                self.body_layout.addWidget(lab)
        self.body_layout.addStretch(1)

    def _heading(self, text: str, level: int) -> QVBoxLayout:
        """A heading with its data completeness on its own line under it (beside it, a
        wrapped label was clipped in Arabic)."""
        box = QVBoxLayout()
        box.setSpacing(0)
        box.addWidget(W.heading(text, "title" if level == 1 else "section"))
        comp = self._completeness_for(text)
        if comp is not None:
            lab = W.muted(comp)
            lab.setObjectName("completeness")
            lab.setWordWrap(True)
            box.addWidget(lab)
        return box

    def _completeness_for(self, heading: str) -> str | None:
        if self.dash is None:
            return None
        low = heading.lower()
        for key, needles in SECTION_KEYS.items():
            if any(n.lower() in low for n in needles):
                c = self.dash.completeness.get(key)
                if c is None or not c.of:
                    return None
                return self.tr("Complete: {pct}% ({done} of {of} {what})").format(
                    pct=format_number(round(100 * c.done / c.of)),
                    done=format_number(c.done),
                    of=format_number(c.of),
                    what=c.what,
                )
        return None

    def _figures(self, block: rm.KeyFigures) -> QFrame:
        frame = QFrame()
        frame.setObjectName("keyFigures")
        grid = QGridLayout(frame)
        for i, (label, value) in enumerate(block.items):
            v = W.heading(_ltr(str(value)), "title")
            v.setObjectName("figureValue")
            grid.addWidget(v, 0, i)
            grid.addWidget(W.muted(label), 1, i)
            self.figures.append((label, str(value)))
        return frame

    def _table(self, block: rm.Table) -> QTableWidget:
        t = QTableWidget(len(block.rows), len(block.columns))
        t.setObjectName("dashboardTable")
        t.setHorizontalHeaderLabels([str(c) for c in block.columns])
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(_ltr(str(cell)) if c in block.numeric else str(cell))
                if c in block.numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                t.setItem(r, c, item)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the header spans the whole viewport: with a gap beside the last column, a
        # right-to-left header was drawn ~15 px off its columns
        if block.columns:  # the first (label) column takes the rest
            t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.resizeRowsToContents()
        full = t.horizontalHeader().sizeHint().height() + t.verticalHeader().length()
        t.setMinimumHeight(min(360, full + 2 * t.frameWidth() + 2))
        t.setMaximumHeight(max(t.minimumHeight(), full + 2 * t.frameWidth() + 2))
        self.tables.append(t)
        return t

    # -- preview ------------------------------------------------------------------
    def preview(self) -> None:
        if self.dash is None:
            self.status.setText(self.tr("Show the dashboard first."))
            return
        from facilitator.app import dashboard

        dash = self.dash
        self.ctx.tasks.run(
            lambda _p, _c: dashboard.preview_pdf(dash),
            lambda pdf: self._open_preview(dash, pdf),
            self._failed,
        )

    def _open_preview(self, dash: Dashboard, pdf: bytes) -> None:
        # the dashboard the PDF was rendered from, not whatever is shown by now: Save
        # must write the report that was previewed, even if F5 finished meanwhile
        self.preview_dialog = PreviewDialog(self.ctx, self.principal, dash, pdf, self)
        self.preview_dialog.open()


def _ltr(text: str) -> str:
    """Keep "<5", "88%" and "-1.2" reading left to right inside Arabic text."""
    return f"\u2066{text}\u2069" if text else text


def render_pages(pdf: bytes, scale: float = 1.2) -> list[QImage]:
    """Each page of ``pdf`` as a QImage, rendered by PDFium (pypdfium2)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order
            w, h = bitmap.width, bitmap.height
            fmt = (
                QImage.Format.Format_RGBA8888
                if bitmap.n_channels == 4
                else QImage.Format.Format_RGB888
            )
            img = QImage(bytes(bitmap.buffer), w, h, bitmap.stride, fmt).copy()
            images.append(img)
            bitmap.close()
            page.close()
    finally:
        doc.close()
    return images


class PreviewDialog(QDialog):
    """The report as it will be saved; Save writes exactly these bytes' report."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        dash: Dashboard,
        pdf: bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal, self.dash = ctx, principal, dash
        group = getattr(parent, "group", None)  # the dashboard's group filter, if any
        self.group_name = group.currentText() if dash.query.group_id and group else ""
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("Report preview"))
        W.fit_to_screen(self, 820, 900)  # Save and Close stay on a 768-pixel screen
        lay = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        pages = QWidget()
        pl = QVBoxLayout(pages)
        self.page_labels = []
        for img in render_pages(pdf):
            lab = QLabel()
            lab.setPixmap(QPixmap.fromImage(img))
            lab.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pl.addWidget(lab)
            self.page_labels.append(lab)
        scroll.setWidget(pages)
        lay.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        from facilitator.app import dashboard

        from facilitator.ui.save_files import ask_save_path, file_name

        q = self.dash.query
        month = lambda d: f"{d:%Y-%m}" if d else ""  # noqa: E731
        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Save report"),
            file_name(
                f"{self.dash.report.kind}-report",
                self.group_name,
                month(q.date_from),
                "to" if q.date_to else "",
                month(q.date_to),
                q.lang,
                ext="pdf",
            ),
            self.tr("PDF files (*.pdf)"),
        )
        if not path or self.ctx.db is None:
            return
        try:
            dashboard.save_pdf(self.ctx.db, self.principal, self.dash, Path(path))
        except Exception as exc:  # noqa: BLE001 - shown as one plain message
            W.show_error(self, exc)
            return
        self.accept()
