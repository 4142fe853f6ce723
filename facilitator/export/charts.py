"""Charts drawn with ReportLab's own graphics (no images, no plotting library).

Values that are ``None`` (withheld by disclosure control, or not collected) are left
as gaps: a line breaks, a bar is missing. Labels go through the same shaping and bidi
path as body text, so Arabic category and series names join and read correctly; the
axes themselves keep the left-to-right time direction, as Arabic statistical
publications commonly do.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from facilitator.export.fonts import fonts
from facilitator.export.tables import as_number
from facilitator.export.text import visual
from facilitator.tracking.report_model import Chart

PALETTE = [colors.HexColor(c) for c in
           ("#1f5f99", "#e07b00", "#2a9d8f", "#7a5195", "#c23b22", "#6b6b6b")]
_LABEL_SIZE = 8.5


def _label(text: object, rtl: bool) -> str:
    # a range such as "0–2" under a left-to-right axis reads left to right too
    text = as_number(str(text), rtl) if text is not None else text
    return visual(text, fonts().regular, _LABEL_SIZE, rtl, vector_marks=False,
                  single_font=True).glyphs


def _value_range(chart: Chart) -> tuple[float, float]:
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.kind == "stacked_bar" and values:
        totals = [sum((s.values[i] or 0) for s in chart.series if i < len(s.values))
                  for i in range(len(chart.categories))]
        values = values + totals
    low = chart.y_min if chart.y_min is not None else min([0.0, *values])
    high = chart.y_max if chart.y_max is not None else max([1.0, *values])
    if high <= low:
        high = low + 1
    return low, high


def _segments(values: list[float | None]) -> list[list[float | None]]:
    """Split a series at its gaps: each piece keeps its positions, None elsewhere."""
    pieces: list[list[float | None]] = []
    current: list[float | None] | None = None
    for i, v in enumerate(values):
        if v is None:
            current = None
            continue
        if current is None:
            current = [None] * len(values)
            pieces.append(current)
        current[i] = v
    return pieces


def chart_drawing(chart: Chart, width: float, rtl: bool, *, height: float = 190) -> Drawing:
    """A :class:`Drawing` for one :class:`Chart` block, ``width`` points wide."""
    fs = fonts()
    n_series = max(1, len(chart.series))
    legend_h = 16 * ((n_series + 2) // 3) if len(chart.series) > 1 else 0
    drawing = Drawing(width, height + legend_h)
    cats = list(chart.categories)
    n = len(cats)
    data = []
    for s in chart.series:
        vals = list(s.values)[:n] + [None] * max(0, n - len(s.values))
        data.append(vals)
    if not data:
        data = [[None] * max(n, 1)]
    if chart.kind == "line":
        plot = HorizontalLineChart()
        plot.joinedLines = 1
        # ReportLab joins a line across a missing value; drawing each unbroken stretch
        # as its own line (same colour) leaves a real gap where a value is withheld.
        segments: list[list[float | None]] = []
        for i, vals in enumerate(data):
            for seg in _segments(vals):
                k = len(segments)
                segments.append(seg)
                plot.lines[k].strokeColor = PALETTE[i % len(PALETTE)]
                plot.lines[k].strokeWidth = 2
                # a marker on every point keeps a value between two gaps visible
                plot.lines[k].symbol = makeMarker("FilledCircle", size=3.5,
                                                  fillColor=PALETTE[i % len(PALETTE)])
        data = segments or [[None] * max(n, 1)]
    else:
        plot = VerticalBarChart()
        plot.categoryAxis.style = "stacked" if chart.kind == "stacked_bar" else "parallel"
        plot.barSpacing = 1
        plot.groupSpacing = 6
        for i in range(len(data)):
            plot.bars[i].fillColor = PALETTE[i % len(PALETTE)]
            plot.bars[i].strokeColor = None
    plot.x = 42
    plot.y = 38 + legend_h
    plot.width = width - 60
    plot.height = height - 50
    plot.data = data
    plot.categoryAxis.categoryNames = [_label(c, rtl) for c in cats] or [""]
    labels = plot.categoryAxis.labels
    labels.fontName = fs.regular
    labels.fontSize = _LABEL_SIZE
    if n > 8:
        labels.angle = 40
        labels.boxAnchor = "ne"
        labels.dy = -2
    else:
        labels.boxAnchor = "n"
    if n > 26:  # weekly series over a year: label every fourth week
        step = (n + 25) // 26 * 2
        plot.categoryAxis.categoryNames = [name if i % step == 0 else ""
                                           for i, name in enumerate(plot.categoryAxis.categoryNames)]
    low, high = _value_range(chart)
    plot.valueAxis.valueMin = low
    plot.valueAxis.valueMax = high
    values = [v for row in data for v in row if v is not None]
    if high - low <= 10 and all(float(v).is_integer() for v in values):
        plot.valueAxis.valueStep = 1 if high - low <= 5 else 2  # counts: no "0.2 people"
    plot.valueAxis.labels.fontName = fs.regular
    plot.valueAxis.labels.fontSize = _LABEL_SIZE
    plot.valueAxis.visibleGrid = 1
    plot.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    drawing.add(plot)
    if chart.y_label:
        drawing.add(String(4, plot.y + plot.height + 6, _label(chart.y_label, rtl),
                           fontName=fs.regular, fontSize=_LABEL_SIZE,
                           fillColor=colors.HexColor("#444444")))
    if len(chart.series) > 1:
        legend = Legend()
        legend.fontName = fs.regular
        legend.fontSize = _LABEL_SIZE
        legend.alignment = "right"
        legend.x = plot.x
        legend.y = legend_h
        legend.dx = legend.dy = 8
        legend.columnMaximum = 1
        legend.deltax = max(90.0, plot.width / 3)
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], _label(s.name, rtl))
                                 for i, s in enumerate(chart.series)]
        drawing.add(legend)
    return drawing
