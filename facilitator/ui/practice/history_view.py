"""A trainee's attempts over time: one small line chart per competency, drawn with
QPainter (no chart library to load at start-up), and the list of attempts."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice_review as review
from facilitator.practice import text as ptext
from facilitator.practice.model import COMPETENCIES
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.run.common import set_font


class CompetencyChart(QWidget):
    """Share of the points available (0-100%) per attempt, oldest on the leading side."""

    def __init__(
        self, title: str, values: Sequence[Optional[float]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title, self.values = title, list(values)
        self.setMinimumSize(220, 120)
        self.setAccessibleName(title)

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        r = QRectF(self.rect()).adjusted(8, 26, -8, -10)
        p.setPen(pal.windowText().color())
        p.drawText(
            QRectF(8, 2, self.width() - 16, 22),
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        grid = QPen(QColor(160, 160, 160, 120), 1, Qt.PenStyle.DashLine)
        p.setPen(grid)
        for frac in (0.0, 0.5, 0.8, 1.0):
            y = r.bottom() - frac * r.height()
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        pts = [(i, v) for i, v in enumerate(self.values) if v is not None]
        if not pts:
            p.setPen(pal.placeholderText().color())
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.tr("not practised yet"))
            return
        n = max(1, len(self.values) - 1)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def at(i: int, v: float) -> QPointF:
            x = r.left() + (i / n) * r.width() if len(self.values) > 1 else r.center().x()
            if rtl:
                x = r.right() - (x - r.left())
            return QPointF(x, r.bottom() - v * r.height())

        path = QPainterPath(at(*pts[0]))
        for i, v in pts[1:]:
            path.lineTo(at(i, v))
        p.setPen(QPen(QColor("#1565c0"), 2))
        p.drawPath(path)
        p.setBrush(QColor("#1565c0"))
        for i, v in pts[-40:]:
            p.drawEllipse(at(i, v), 2.5, 2.5)


class HistoryView(QWidget):
    open_debrief = Signal(str)
    open_review = Signal(str)
    open_replay = Signal(str)
    resume = Signal(str)

    def __init__(
        self, ctx: Any, trainee: Optional[str] = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("traineeHistory")
        self.ctx, self.lang = ctx, ctx.lang
        self.points: list[review.HistoryPoint] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 6, 6)
        outer.addWidget(PracticeBanner(self))
        head = QHBoxLayout()
        title = QLabel(self.tr("A trainee's practice over time"), self)
        set_font(title, 1.5, bold=True)
        head.addWidget(title, 1)
        self.trainee_box = QComboBox(self)
        self.trainee_box.setObjectName("traineeBox")
        self.trainee_box.setAccessibleName(self.tr("Trainee"))
        head.addWidget(self.trainee_box)
        outer.addLayout(head)
        self.charts = QGridLayout()
        outer.addLayout(self.charts)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("attemptsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Started"),
                self.tr("Scenario"),
                self.tr("Mode"),
                self.tr("Result"),
                self.tr("Points"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        outer.addWidget(self.table, 1)
        bar = QHBoxLayout()
        for text, sig, name in (
            (self.tr("Debrief"), self.open_debrief, "historyDebrief"),
            (self.tr("Trainer review"), self.open_review, "historyReview"),
            (self.tr("Replay from its seed"), self.open_replay, "historyReplay"),
            (self.tr("Resume"), self.resume, "historyResume"),
        ):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, s=sig: self._emit(s))
            bar.addWidget(b)
        bar.addStretch(1)
        outer.addLayout(bar)
        names = review.trainees(ctx.db, who=getattr(ctx, "principal", None))
        self.trainee_box.addItems(names)
        if trainee and trainee in names:
            self.trainee_box.setCurrentText(trainee)
        self.trainee_box.currentTextChanged.connect(self.load)
        if names:
            self.load(self.trainee_box.currentText())

    def _emit(self, signal: Any) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.points):
            signal.emit(self.points[row].attempt_id)

    def load(self, trainee: str) -> None:
        self.points = (
            review.trainee_history(self.ctx.db, trainee, who=getattr(self.ctx, "principal", None))
            if trainee
            else []
        )
        while self.charts.count():
            item = self.charts.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        finished = [p for p in self.points if p.status == "finished"]
        for k, comp in enumerate(COMPETENCIES):
            chart = CompetencyChart(
                ptext.t(comp, self.lang), [p.ratios.get(comp) for p in finished], self
            )
            chart.setObjectName(f"chart_{comp}")
            self.charts.addWidget(chart, k // 4, k % 4)
        from facilitator.app.practice import list_scenarios
        from facilitator.i18n import pick

        titles = {sc.id: pick(sc.title, self.lang) for sc in list_scenarios()}
        self.table.setRowCount(len(self.points))
        for r, p in enumerate(self.points):
            result = (
                ptext.t(p.result, self.lang)
                if p.result
                else {"running": self.tr("not finished"), "abandoned": self.tr("stopped")}.get(
                    p.status, p.status
                )
            )
            cells = [
                f"{p.started_at:%Y-%m-%d %H:%M}",
                titles.get(p.scenario_id, p.scenario_id),
                ptext.t(p.mode + "_mode", self.lang).split(":")[0],
                result,
                f"{p.percent:g}%" if p.percent is not None else "—",
            ]
            for c, v in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        if self.points:
            self.table.selectRow(len(self.points) - 1)
