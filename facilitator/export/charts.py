"""Charts drawn with ReportLab's own graphics (no images, no plotting library).

Values that are ``None`` (withheld by disclosure control, or not collected) are left
as gaps: a line breaks, a bar is missing. Labels go through the same shaping and bidi
path as body text, so Arabic category and series names join and read correctly; the
axes themselves keep the left-to-right time direction, as Arabic statistical
publications commonly do.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.export.fonts import fonts
from facilitator.export.tables import as_number
from facilitator.export.text import clean_text, fit_line, visual, wrap_text
from facilitator.tracking.report_model import Chart

PALETTE = [
    colors.HexColor(c) for c in ("#1f5f99", "#e07b00", "#2a9d8f", "#7a5195", "#c23b22", "#6b6b6b")
]
_LABEL_SIZE = 8.5
_ANGLE = 40
_MAX_ROTATED = 140.0  # points: room kept below the axis for the longest rotated label


def _label(text: object, rtl: bool) -> str:
    # a range such as "0–2" under a left-to-right axis reads left to right too
    text = as_number(str(text), rtl) if text is not None else text
    return visual(
        text, fonts().regular, _LABEL_SIZE, rtl, vector_marks=False, single_font=True
    ).glyphs


def _value_range(chart: Chart) -> tuple[float, float]:
    values = [v for s in chart.series for v in s.values if v is not None]
    if chart.kind == "stacked_bar" and values:
        totals = [
            sum((s.values[i] or 0) for s in chart.series if i < len(s.values))
            for i in range(len(chart.categories))
        ]
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


def _wrapped_label(text: object, rtl: bool, width: float, lines: int = 3) -> tuple[str, float]:
    """A category label broken into at most ``lines`` lines of ``width`` points (the
    last one cut with an ellipsis); returns the shaped text and its widest line."""
    fs = fonts()
    clean = clean_text(as_number(str(text), rtl) if text is not None else "", keep_newlines=False)
    parts = wrap_text(clean, fs.regular, _LABEL_SIZE, width)
    if len(parts) > lines:
        parts = parts[: lines - 1] + [
            fit_line(" ".join(parts[lines - 1 :]), fs.regular, _LABEL_SIZE, width)
        ]
    shaped = [
        visual(p, fs.regular, _LABEL_SIZE, rtl, vector_marks=False, single_font=True) for p in parts
    ]
    return "\n".join(str(x.glyphs) for x in shaped), max((x.width for x in shaped), default=0)


def _axis_labels(cats: list, rtl: bool, slot: float) -> tuple[list[str], float, bool, int]:
    """Category labels that do not collide: wrapped into their slot when that works,
    else rotated (and thinned to every n-th when even rotated they would touch).
    Returns (labels, height they need below the axis, rotated, step)."""
    fs = fonts()
    flat = [_label(c, rtl) for c in cats]
    widths = [stringWidth(str(x), fs.regular, _LABEL_SIZE) for x in flat]
    if not cats:
        return [""], 14.0, False, 1
    if max(widths) <= slot - 4:
        return flat, 14.0, False, 1
    if len(cats) <= 8:  # few wide labels: wrap each into its slot, up to three lines
        wrapped = [_wrapped_label(c, rtl, slot - 6) for c in cats]
        if all(w <= slot - 4 for _, w in wrapped):
            rows = max(t.count("\n") + 1 for t, _ in wrapped)
            return [t for t, _ in wrapped], 4 + rows * _LABEL_SIZE * 1.2, False, 1
    # rotated by 40 degrees: a label needs about its height / sin(40) along the axis
    step = max(1, math.ceil(_LABEL_SIZE * 1.6 / max(slot, 0.1)))
    longest = min(max(widths), _MAX_ROTATED)
    flat = [x if i % step == 0 else "" for i, x in enumerate(flat)]
    return flat, 8 + longest * math.sin(math.radians(_ANGLE)) + _LABEL_SIZE, True, step


def _line_segments(
    values: list[float | None], partial: frozenset[int]
) -> list[tuple[list[float | None], bool, bool]]:
    """Pieces of a line: (values with None elsewhere, dashed, isolated point)."""
    out: list[tuple[list[float | None], bool, bool]] = []
    for seg in _segments(values):
        idx = [i for i, v in enumerate(seg) if v is not None]
        solid = [i for i in idx if i not in partial]
        # the stretch that reaches into a partial category is drawn dashed
        dashed_pairs = [(a, b) for a, b in zip(idx, idx[1:]) if a in partial or b in partial]
        if solid:
            keep: list[float | None] = [None] * len(values)
            for i in solid:
                keep[i] = seg[i]
            for piece in _segments(keep):
                n = sum(v is not None for v in piece)
                out.append((piece, False, n == 1 and len(idx) == 1))
        for a, b in dashed_pairs:
            pair: list[float | None] = [None] * len(values)
            pair[a], pair[b] = seg[a], seg[b]
            out.append((pair, True, False))
        for i in idx:
            if i in partial and len(idx) == 1:
                lone: list[float | None] = [None] * len(values)
                lone[i] = seg[i]
                out.append((lone, True, True))
    return out


def chart_drawing(chart: Chart, width: float, rtl: bool, *, height: float = 190) -> Drawing:
    """A :class:`Drawing` for one :class:`Chart` block, ``width`` points wide."""
    fs = fonts()
    n_series = max(1, len(chart.series))
    legend_h = 16 * ((n_series + 2) // 3) if len(chart.series) > 1 else 0
    cats = list(chart.categories)
    n = len(cats)
    plot_w = width - 60
    # where each category sits in time, when the chart is a line chart that has them
    x_values = (
        chart.x_values
        if chart.kind == "line"
        and chart.x_values is not None
        and len(chart.x_values) == n
        and n > 1
        else None
    )
    timed = x_values is not None
    names, below, rotated, step = _axis_labels(cats, rtl, plot_w / max(n, 1))
    if x_values is not None:
        names, below, rotated, step = _time_labels(cats, list(x_values), rtl, plot_w)
    drawing = Drawing(width, height + legend_h + below - 14)
    # one row per line or series: values, or (x, value) points on a timed line chart
    data: list[list[Any]] = []
    for s in chart.series:
        vals = list(s.values)[:n] + [None] * max(0, n - len(s.values))
        data.append(vals)
    if not data:
        data = [[None] * max(n, 1)]
    partial = frozenset(i for i in chart.partial if 0 <= i < n)
    if chart.kind == "line":
        plot = LinePlot() if timed else HorizontalLineChart()
        if not timed:
            plot.joinedLines = 1
        # ReportLab joins a line across a missing value; drawing each unbroken stretch
        # as its own line (same colour) leaves a real gap where a value is withheld.
        lines: list = []
        for i, vals in enumerate(data):
            colour = PALETTE[i % len(PALETTE)]
            for seg, dashed, lone in _line_segments(vals, partial):
                k = len(lines)
                if x_values is not None:
                    lines.append([(x_values[j], v) for j, v in enumerate(seg) if v is not None])
                else:
                    lines.append(seg)
                line = plot.lines[k]
                line.strokeColor = colour
                line.strokeWidth = 2
                if dashed:
                    line.strokeDashArray = (4, 3)
                # every point has a marker, so a value between two gaps stays visible;
                # one alone is drawn larger, a partial one hollow
                size = 7 if lone else 4
                fill = colors.white if dashed else colour
                line.symbol = makeMarker(
                    "Circle" if dashed else "FilledCircle",
                    size=size,
                    fillColor=fill,
                    strokeColor=colour,
                    strokeWidth=1.2,
                )
        data = lines or ([[(0, 0)]] if timed else [[None] * max(n, 1)])
    else:
        plot = VerticalBarChart()
        plot.categoryAxis.style = "stacked" if chart.kind == "stacked_bar" else "parallel"
        plot.barSpacing = 1
        plot.groupSpacing = 6
        for i in range(len(data)):
            plot.bars[i].fillColor = PALETTE[i % len(PALETTE)]
            plot.bars[i].strokeColor = None
    plot.x = 42
    plot.y = 24 + legend_h + below
    plot.width = plot_w
    plot.height = height - 50
    plot.data = data
    low, high = _value_range(chart)
    values = [
        v for row in data for v in (row if not timed else [p[1] for p in row]) if v is not None
    ]
    value_axis = plot.yValueAxis if timed else plot.valueAxis
    value_axis.valueMin = low
    value_axis.valueMax = high
    if high - low <= 10 and all(float(v).is_integer() for v in values):
        step = 1 if high - low <= 5 else 2  # counts: no "0.2 people"
        value_axis.valueStep = step
        value_axis.valueMax = math.ceil(high / step) * step  # the top value has a tick
    value_axis.labels.fontName = fs.regular
    value_axis.labels.fontSize = _LABEL_SIZE
    value_axis.visibleGrid = 1
    value_axis.gridStrokeColor = colors.HexColor("#dddddd")
    if x_values is not None:
        xs = list(x_values)
        pad = max(1.0, (max(xs) - min(xs)) * 0.03)
        axis = plot.xValueAxis
        axis.valueMin, axis.valueMax = min(xs) - pad, max(xs) + pad
        shown = {x: name for x, name in zip(xs, names) if name}
        axis.valueSteps = sorted(shown)
        axis.labelTextFormat = lambda v, shown=shown: shown.get(v, "")
        labels = axis.labels
    else:
        plot.categoryAxis.categoryNames = names
        labels = plot.categoryAxis.labels
    labels.fontName = fs.regular
    labels.fontSize = _LABEL_SIZE
    if rotated:
        labels.angle = _ANGLE
        labels.boxAnchor = "ne"
        labels.dy = -2
    else:
        labels.boxAnchor = "n"
    drawing.add(plot)
    if chart.y_label:
        drawing.add(
            String(
                4,
                plot.y + plot.height + 6,
                _label(chart.y_label, rtl),
                fontName=fs.regular,
                fontSize=_LABEL_SIZE,
                fillColor=colors.HexColor("#444444"),
            )
        )
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
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], _label(s.name, rtl)) for i, s in enumerate(chart.series)
        ]
        drawing.add(legend)
    return drawing


def _time_labels(
    cats: list, xs: list[float], rtl: bool, plot_w: float
) -> tuple[list[str], float, bool, int]:
    """Labels for a time axis: as many as fit without touching, the first and the last
    always among them (positions follow time, so the gaps between labels vary)."""
    fs = fonts()
    flat = [_label(c, rtl) for c in cats]
    span = (max(xs) - min(xs)) * 1.06 or 1.0
    per_day = plot_w / span
    widths = [stringWidth(str(x), fs.regular, _LABEL_SIZE) for x in flat]
    rotated = min((b - a) * per_day for a, b in zip(xs, xs[1:])) < max(widths) + 6
    need = (_LABEL_SIZE * 1.6) if rotated else (max(widths) + 6)
    keep = [False] * len(flat)
    last = None
    for i, x in enumerate(xs):
        if last is None or (x - last) * per_day >= need:
            keep[i] = True
            last = x
    if not keep[-1]:  # the last date is always shown: drop the one before it instead
        j = max(i for i in range(len(keep) - 1) if keep[i])
        if (xs[-1] - xs[j]) * per_day < need and j > 0:
            keep[j] = False
        keep[-1] = True
    names = [x if k else "" for x, k in zip(flat, keep)]
    longest = min(max(widths), _MAX_ROTATED)
    below = (8 + longest * math.sin(math.radians(_ANGLE)) + _LABEL_SIZE) if rotated else 14.0
    return names, below, rotated, 1
