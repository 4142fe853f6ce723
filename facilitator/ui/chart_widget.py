"""A chart drawn with QPainter from the report model's :class:`Chart` block.

Why QPainter and not QtCharts: the app depends on PySide6-Essentials only; QtCharts
lives in PySide6-Addons (several hundred MB more to install, and a module that
costs start-up time when imported). The report model already holds exactly the
series the PDF draws, withheld points as ``None`` (gaps), so a small painter that
draws lines and bars from it shows the same figures with no new dependency.
Right-to-left: categories run from the right, as in the Arabic PDF.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#2f6f9f", "#d08a2e", "#5a9b54", "#9b4f8f", "#7a7a7a")


class ChartWidget(QWidget):
    def __init__(self, chart: Any, rtl: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.rtl = rtl
        self.setObjectName("dashboardChart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(chart.title)
        # the figures in words for a screen reader: the same numbers as drawn
        parts = []
        for s in chart.series:
            vals = ", ".join(
                f"{c}: {'—' if v is None else _num(v)}" for c, v in zip(chart.categories, s.values)
            )
            parts.append(f"{s.name}: {vals}")
        self.setAccessibleDescription("; ".join(parts))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(560, 240)

    def values(self) -> list[list[float | None]]:
        return [list(s.values) for s in self.chart.series]

    def _range(self) -> tuple[float, float]:
        vals = [v for s in self.chart.series for v in s.values if v is not None]
        lo = self.chart.y_min if self.chart.y_min is not None else min([0.0, *vals])
        hi = self.chart.y_max if self.chart.y_max is not None else max([1.0, *vals])
        if hi <= lo:
            hi = lo + 1
        return float(lo), float(hi)

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_col = pal.windowText().color()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fm = p.fontMetrics()
        legend_h = fm.height() + 6
        left, right, top, bottom = 44, 12, 8, fm.height() * 2 + legend_h
        if self.rtl:
            left, right = right, left
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        lo, hi = self._range()
        n = max(1, len(self.chart.categories))

        def y_of(v: float) -> float:
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        def x_of(i: int) -> float:
            step = plot.width() / n
            x = plot.left() + step * (i + 0.5)
            return plot.right() - (x - plot.left()) if self.rtl else x

        grid = QPen(QColor(text_col))
        grid.setColor(QColor(text_col.red(), text_col.green(), text_col.blue(), 50))
        p.setPen(grid)
        for j in range(5):
            v = lo + (hi - lo) * j / 4
            y = y_of(v)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text_col)
            label = _num(v)
            if self.rtl:
                p.drawText(
                    QRectF(plot.right() + 4, y - fm.height() / 2, 40, fm.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            else:
                p.drawText(
                    QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            p.setPen(grid)
        p.setPen(text_col)
        every = max(1, int(n / max(1, plot.width() / (fm.horizontalAdvance("0000-00") + 8))))
        for i, cat in enumerate(self.chart.categories):
            if i % every:
                continue
            x = x_of(i)
            p.drawText(
                QRectF(x - 60, plot.bottom() + 2, 120, fm.height()),
                Qt.AlignmentFlag.AlignHCenter,
                str(cat),
            )
        series = list(self.chart.series)
        width = plot.width() / n
        for si, s in enumerate(series):
            col = QColor(PALETTE[si % len(PALETTE)])
            if self.chart.kind == "line":
                pen = QPen(col, 2)
                p.setPen(pen)
                path = QPainterPath()
                started = False
                for i, v in enumerate(s.values):
                    if v is None:  # withheld or no data: a gap, never a zero
                        started = False
                        continue
                    pt = QPointF(x_of(i), y_of(v))
                    if started:
                        path.lineTo(pt)
                    else:
                        path.moveTo(pt)
                        started = True
                    p.setBrush(col)
                    p.drawEllipse(pt, 2.5, 2.5)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(path)
            else:
                bw = width * 0.8 / max(1, len(series))
                for i, v in enumerate(s.values):
                    if v is None:
                        continue
                    x = x_of(i) - width * 0.4 + bw * si
                    if self.rtl:
                        x = x_of(i) + width * 0.4 - bw * (si + 1)
                    y0, y1 = y_of(max(lo, 0.0)), y_of(v)
                    p.fillRect(QRectF(x, min(y0, y1), bw, abs(y0 - y1)), col)
        # legend
        x = plot.left() if not self.rtl else plot.right()
        y = self.height() - legend_h + 2
        for si, s in enumerate(series):
            col = QColor(PALETTE[si % len(PALETTE)])
            w = fm.horizontalAdvance(s.name) + 24
            box = QRectF(x if not self.rtl else x - 12, y + 3, 10, 10)
            p.fillRect(box, col)
            p.setPen(text_col)
            if self.rtl:
                p.drawText(
                    QRectF(x - w, y, w - 16, fm.height()), Qt.AlignmentFlag.AlignRight, s.name
                )
                x -= w + 8
            else:
                p.drawText(QRectF(x + 14, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft, s.name)
                x += w + 8
        p.end()


def _num(v: float) -> str:
    return f"{v:.0f}" if abs(v - round(v)) < 1e-9 else f"{v:.1f}"
