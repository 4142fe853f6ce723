"""A text flowable that wraps, splits across pages and draws right-to-left correctly.

ReportLab's ``Paragraph`` parses its input as markup and reorders bidi text before
wrapping; :class:`TextBlock` takes plain cleaned text, wraps it logically with shaped
widths and reorders each line on its own (see :mod:`facilitator.export.text`). It can
split between any two lines, so table rows with very long cells may break across
pages (``Table(splitInRow=1)``) instead of raising ``LayoutError``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table

from facilitator.export.text import (
    Line,
    clean_text,
    glyph_outline,
    shape_line,
    sole_isolate,
    wrap_text,
)

Align = Literal["start", "center", "end"]
_HUGE = 1e7  # "as tall as it likes" when measuring a flowable


def draw_line(canv, line: Line, x: float, baseline: float) -> None:
    """Draw a shaped line at ``x``, each piece in its own font; combining marks are
    filled outlines."""
    k = line.size / 1000.0
    for piece in line.pieces:
        if piece.glyphs:
            canv.setFont(piece.font, line.size)
            canv.drawString(x, baseline, piece.glyphs)
        if piece.marks:
            _draw_marks(canv, piece, x, baseline, k)
        x += piece.advance * k


def _draw_marks(canv, piece, x: float, baseline: float, k: float) -> None:
    if piece.marks:
        path = canv.beginPath()
        for gid, mx, my in piece.marks:
            ox, oy = x + mx * k, baseline + my * k
            for op in glyph_outline(piece.font, gid):
                if op[0] == "m":
                    path.moveTo(ox + op[1] * k, oy + op[2] * k)
                elif op[0] == "l":
                    path.lineTo(ox + op[1] * k, oy + op[2] * k)
                elif op[0] == "c":
                    path.curveTo(
                        *(ox + v * k if i % 2 == 0 else oy + v * k for i, v in enumerate(op[1:]))
                    )
                else:
                    path.close()
        canv.drawPath(path, stroke=0, fill=1)


@dataclass(frozen=True)
class TextStyle:
    """Font, size and layout of a :class:`TextBlock`; ``rtl`` is the paragraph direction."""

    font: str
    size: float
    rtl: bool
    leading: float = 0.0
    align: Align = "start"
    color: colors.Color = colors.black
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0  # on the starting side (left in English, right in Arabic)

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.45

    def but(self, **changes) -> "TextStyle":
        return replace(self, **changes)


class TextBlock(Flowable):
    """A block of untrusted text drawn literally, with an optional bullet or number."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        bullet: str = "",
        _logical_lines: list[str] | None = None,
        _first: bool = True,
        _last: bool = True,
        own_direction: bool = True,
    ) -> None:
        super().__init__()
        self.text = clean_text(text) if _logical_lines is None else ""
        # a text that is wholly one person's words (one isolate) keeps its own
        # direction: an English note in an Arabic report reads and aligns left to right
        own = sole_isolate(self.text) if _logical_lines is None else None
        if own_direction and own is not None and own != style.rtl and not bullet:
            style = style.but(rtl=own)
        self.style = style
        self.bullet = bullet if _first else ""
        self._given_lines = _logical_lines
        self._first = _first
        self._last = _last
        self._lines: list[Line] = []
        self._logical: list[str] = []
        self._wrapped_for: float | None = None

    # -- layout ----------------------------------------------------------------
    def _layout(self, avail_width: float) -> None:
        if self._wrapped_for == avail_width:
            return
        st = self.style
        text_width = max(avail_width - st.indent, st.size * 2)
        if self._given_lines is not None:
            self._logical = list(self._given_lines)
        else:
            self._logical = wrap_text(self.text, st.font, st.size, text_width)
        self._lines = [shape_line(t, st.font, st.size, st.rtl) for t in self._logical]
        self._wrapped_for = avail_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = len(self._lines) * self.style.line_height
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab API
        return self.style.space_before if self._first else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab API
        return self.style.space_after if self._last else 0.0

    #: Lines a split must leave on each side: no paragraph's first line alone at the
    #: foot of a page (orphan) and no last line alone at the head of the next (widow).
    MIN_LINES = 2

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._layout(avail_width)
        n = len(self._lines)
        fit = int(avail_height // self.style.line_height)
        if fit >= n:
            return [self]
        fit = min(fit, n - self.MIN_LINES)
        if fit < self.MIN_LINES:
            return []  # all of it moves on: a fresh page always holds more than that
        head = TextBlock(
            "",
            self.style,
            bullet=self.bullet,
            _logical_lines=self._logical[:fit],
            _first=self._first,
            _last=False,
        )
        tail = TextBlock(
            "", self.style, _logical_lines=self._logical[fit:], _first=False, _last=self._last
        )
        return [head, tail]

    def line_count(self, avail_width: float) -> int:
        self._layout(avail_width)
        return len(self._lines)

    # -- drawing ---------------------------------------------------------------
    def _x_for(self, line: Line) -> float:
        st = self.style
        room = self.width - st.indent
        if st.align == "center":
            offset = (room - line.width) / 2
        elif st.align == "end":
            offset = room - line.width
        else:
            offset = 0.0
        # "start" is the left edge in a left-to-right paragraph, the right edge otherwise
        return (self.width - st.indent - offset - line.width) if st.rtl else (st.indent + offset)

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        canv.setFillColor(st.color)
        lh = st.line_height
        for i, line in enumerate(self._lines):
            baseline = self.height - i * lh - 0.5 * lh - 0.33 * st.size
            draw_line(canv, line, self._x_for(line), baseline)
            if i == 0 and self.bullet:
                mark = shape_line(self.bullet, st.font, st.size, st.rtl)
                gap = st.size * 0.5
                x = (self.width - st.indent + gap) if st.rtl else (st.indent - gap - mark.width)
                draw_line(canv, mark, x, baseline)


class KeepWithStart(CondPageBreak):
    """Start a new page unless a heading, the short notes under it and the start of the
    block they introduce all fit in the space left on this one.

    ReportLab's ``keepWithNext`` binds a heading to one following flowable only, so a
    heading with a note under it could still be left alone at a page bottom, and it
    keeps the whole of that flowable together, so a long table that may split would be
    pushed whole to the next page, leaving this one half empty. This measures, at
    layout time and at the real width, the lead-in (headings, notes, spaces) plus the
    smallest start worth showing: a table's header and first rows (the table still
    splits and repeats its header), a chart's whole drawing (drawings cannot split),
    the first lines of a paragraph. The need is capped at a page, so a block taller
    than a page still starts on this page's fresh successor and splits from there.
    """

    #: Data rows of a splittable table that must share the page with its heading.
    TABLE_ROWS = 3
    #: A tall first row may split inside itself; this much of it is enough to start.
    ROW_CAP = 60.0
    #: Lines of a paragraph (or bullet) that must share the page with its heading.
    TEXT_LINES = 2

    def __init__(self, lead: list[Flowable], start: Flowable | None) -> None:
        super().__init__(0)
        self.lead = lead
        self.start = start

    def __repr__(self) -> str:
        return f"KeepWithStart({len(self.lead)} lead-in, {type(self.start).__name__})"

    def _start_height(self, width: float) -> float:
        f = self.start
        if f is None or getattr(f, "frameAction", None):  # PageBreak and friends
            return 0.0
        if isinstance(f, KeepTogether):  # a table with its figures: all of it must fit
            return min(
                sum(
                    c.wrap(width, _HUGE)[1] + c.getSpaceBefore() + c.getSpaceAfter()
                    for c in f._content
                ),
                _HUGE,
            )
        _, h = f.wrap(width, _HUGE)
        if isinstance(f, Table) and f.repeatRows and len(f._rowHeights) > 1:
            head = sum(f._rowHeights[: f.repeatRows])
            rows = f._rowHeights[f.repeatRows : f.repeatRows + self.TABLE_ROWS]
            return head + sum(min(r, self.ROW_CAP) for r in rows)
        if isinstance(f, TextBlock):
            return min(h, self.TEXT_LINES * f.style.line_height) + f.getSpaceBefore()
        return h + f.getSpaceBefore()

    def needed(self, width: float) -> float:
        """Height (points) that must be free below this point at ``width``."""
        total = 0.0
        for f in self.lead:
            _, h = f.wrap(width, _HUGE)
            total += h + f.getSpaceAfter() + f.getSpaceBefore()
        return total + self._start_height(width)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is None or getattr(frame, "_atTop", False):
            return 0, 0  # a fresh page: breaking again would only add a blank page
        self.height = min(self.needed(avail_width), getattr(frame, "_aH", _HUGE) - 1)
        return super().wrap(avail_width, avail_height)
