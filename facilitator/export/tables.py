"""Tables and key figures as ReportLab ``Table`` objects built from :class:`TextBlock` cells.

Tables repeat their header row on every page and may split inside a row, so a cell
with hundreds of lines flows on to the next page instead of raising ``LayoutError``.
Right-to-left tables mirror the column order (the first column sits on the right)
and the alignment of numeric columns.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from facilitator.export.flowables import TextBlock, TextStyle
from facilitator.export.fonts import fonts
from facilitator.export.text import clean_text, text_width
from facilitator.tracking import report_model as rm

CELL_SIZE = 10.5
PAD = 4.0
HEADER_BG = colors.HexColor("#e8eef5")
RULE = colors.HexColor("#b8c4d0")
#: Rows sampled to size columns: enough to be representative, cheap for big tables.
_SAMPLE_ROWS = 120


def as_number(text: str, rtl: bool) -> str:
    """A figure in a right-to-left report reads left to right like the numbers in the
    notes ("<5", "+0.7", "0.3 … 1.0", "82%"); without the marks the bidi rules would
    draw "5>", "0.7+" and "1.0 … 0.3". Text holding Arabic letters is left alone."""
    if not rtl or not text or any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return text
    return f"\u200e{text}\u200e"


def _natural_width(text: str, font: str, size: float, cap: float) -> tuple[float, float]:
    """(single-line width capped at ``cap``, widest word capped at ``cap``)."""
    text = clean_text(text, keep_newlines=False)
    words = [w for w in text.split(" ") if w] or [""]
    longest = max(text_width(w[:60], font, size) for w in words)
    return min(text_width(text[:400], font, size), cap), min(longest, cap)


def column_widths(tbl: rm.Table, width: float) -> list[float]:
    """Column widths in points summing to ``width`` (``tbl.col_widths`` when given)."""
    n = len(tbl.columns)
    if n == 0:
        return []
    if tbl.col_widths and len(tbl.col_widths) == n and all(w > 0 for w in tbl.col_widths):
        total = float(sum(tbl.col_widths))
        return [width * w / total for w in tbl.col_widths]
    fs = fonts()
    cap = width * 0.6
    want = [0.0] * n
    floor = [0.0] * n
    rows = [(fs.bold, list(tbl.columns))] + [(fs.regular, list(r)) for r in tbl.rows[:_SAMPLE_ROWS]]
    for font, row in rows:
        for i in range(n):
            cell = row[i] if i < len(row) else ""
            nat, word = _natural_width(cell, font, CELL_SIZE, cap)
            want[i] = max(want[i], nat + 2 * PAD + 1)
            floor[i] = max(floor[i], min(word + 2 * PAD + 1, width / n))
    total = sum(want)
    if total <= width:  # everything fits on one line: share out the spare room
        spare = width - total
        return [w + spare * w / total for w in want]
    # shrink the wide columns towards their longest word, keep narrow ones whole
    result = list(want)
    for _ in range(8):
        excess = sum(result) - width
        if excess <= 0.01:
            break
        slack = [max(0.0, result[i] - floor[i]) for i in range(n)]
        room = sum(slack)
        if room <= 0:
            break
        cut = min(1.0, excess / room)
        result = [result[i] - slack[i] * cut for i in range(n)]
    total = sum(result)
    return [w * width / total for w in result]


def table_flowable(tbl: rm.Table, rtl: bool, width: float) -> Table:
    """A ReportLab table for ``tbl`` that fits ``width`` points."""
    fs = fonts()
    n = max(1, len(tbl.columns))
    widths = column_widths(tbl, width) if tbl.columns else [width]
    body = TextStyle(fs.regular, CELL_SIZE, rtl)
    head = body.but(font=fs.bold)
    total_style = body.but(font=fs.bold)
    order = list(range(n))[::-1] if rtl else list(range(n))

    def cell(text: str, i: int, style: TextStyle) -> TextBlock:
        if i in tbl.numeric:
            return TextBlock(as_number(text, rtl), style.but(align="end"), own_direction=False)
        return TextBlock(text, style.but(align="start"), own_direction=False)

    header = [cell(tbl.columns[i] if i < len(tbl.columns) else "", i, head) for i in order]
    data = [header]
    last = len(tbl.rows) - 1
    for r, row in enumerate(tbl.rows):
        style = total_style if (tbl.total_row and r == last) else body
        data.append([cell(str(row[i]) if i < len(row) else "", i, style) for i in order])
    if len(data) == 1:  # a table with no rows still shows its header and says so
        data.append([cell("—", i, body) for i in order])
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if tbl.total_row and tbl.rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black))
    col_widths = [widths[i] for i in order]
    # Small tables keep ReportLab's own rule, so they can still split if they must.
    kind = TotalsTable if tbl.total_row and len(data) >= 5 else Table
    return kind(
        data,
        colWidths=col_widths,
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
        style=TableStyle(commands),
        hAlign="CENTER",
    )


class TotalsTable(Table):
    """A table ending in a totals row that never starts a page alone under the repeated
    header: splits may only fall where at least one body row goes with it.

    ReportLab's ``rowSplitRange`` says where a split may fall, but the parts a split
    makes do not inherit it, so each part is given the rule again here.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, rowSplitRange=(2, -2), **kwargs)

    def split(self, availWidth, availHeight):  # noqa: N803 - ReportLab's names
        parts = super().split(availWidth, availHeight)
        for part in parts[1:]:
            if isinstance(part, Table) and len(part._cellvalues) >= 4:
                part.__class__ = TotalsTable
                part._rowSplitRange = (2, -2)
        return parts


def key_figures_flowable(kf: rm.KeyFigures, rtl: bool, width: float, *, per_row: int = 4) -> Table:
    """Key figures as a grid of large values over small labels."""
    fs = fonts()
    value_style = TextStyle(fs.bold, 20, rtl, align="center")
    label_style = TextStyle(fs.regular, 9.5, rtl, align="center", color=colors.HexColor("#444444"))
    items = list(kf.items) or [("", "—")]
    per_row = max(1, min(per_row, len(items)))
    room = width / per_row - 14  # cell width less padding

    def fitted(value: str) -> TextStyle:
        """Shrink a long value (a date, a script name) until its longest word fits and
        the whole of it takes about two lines."""
        words = clean_text(value, keep_newlines=False).split(" ") or [""]
        size = value_style.size
        while size > 11 and (
            max(text_width(w, fs.bold, size) for w in words) > room
            or text_width(" ".join(words), fs.bold, size) > 1.8 * room
        ):
            size -= 1  # a long value (a script's title) keeps to about two lines
        return value_style if size == value_style.size else value_style.but(size=size)

    rows = []
    for start in range(0, len(items), per_row):
        chunk = items[start : start + per_row]
        cells: list[object] = [
            [TextBlock(as_number(value, rtl), fitted(value)), TextBlock(name, label_style)]
            for name, value in chunk
        ]
        cells += [""] * (per_row - len(cells))
        rows.append(cells[::-1] if rtl else cells)
    # a row may split inside itself, so even a value of thousands of characters (a
    # script title from an old store) flows on to the next page instead of failing
    return Table(
        rows,
        colWidths=[width / per_row] * per_row,
        hAlign="CENTER",
        splitByRow=1,
        splitInRow=1,
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
