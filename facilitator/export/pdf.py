"""Render any :class:`~facilitator.tracking.report_model.Report` to PDF bytes or a file.

The report arrives translated and disclosure-controlled; this module only lays it out:
large comfortable type, a header and footer on every page (title, period, "page x of
y" from a two-pass canvas, generation time, confidentiality line), tables that repeat
their header row and may split inside a row, headings (with the notes under them)
that never end a page without the start of the block they introduce, charts from
ReportLab's own graphics, and a diagonal PRACTICE watermark on every page of anything
built from practice data.
Right-to-left reports mirror the column order and alignment.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable

from facilitator.errors import ReportError
from facilitator.export.charts import chart_drawing
from facilitator.export.flowables import KeepWithStart, TextBlock, TextStyle, draw_line
from facilitator.export.fonts import fonts
from facilitator.export.labels import label
from facilitator.export.tables import key_figures_flowable, table_flowable
from facilitator.export.text import clean_text, fit_line, visual
from facilitator.i18n import QT_TRANSLATE_NOOP, is_rtl
from facilitator.tracking import report_model as rm

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 24 * mm
BODY_SIZE = 11.5
MUTED = colors.HexColor("#555555")
WARNING = colors.HexColor("#8a1c10")


@dataclass(frozen=True)
class CodeBlock:
    """Export-only block: a short code in large monospaced type (the recovery kit)."""

    text: str
    size: float = 22.0


@dataclass(frozen=True)
class Styles:
    body: TextStyle
    note: TextStyle
    warning: TextStyle
    small: TextStyle
    h1: TextStyle
    h2: TextStyle
    title: TextStyle
    subtitle: TextStyle
    rtl: bool


def make_styles(lang: str) -> Styles:
    fs = fonts()
    rtl = is_rtl(lang)
    body = TextStyle(fs.regular, BODY_SIZE, rtl, space_after=6)
    return Styles(
        body=body,
        note=body.but(size=10, color=MUTED),
        warning=body.but(font=fs.bold, color=WARNING),
        small=body.but(size=9, color=MUTED, space_after=3),
        h1=body.but(font=fs.bold, size=16, space_before=10, space_after=6),
        h2=body.but(font=fs.bold, size=13, space_before=8, space_after=4),
        title=body.but(font=fs.bold, size=21, space_after=4),
        subtitle=body.but(size=12.5, color=MUTED, space_after=10),
        rtl=rtl,
    )


def _heading(text: str, style: TextStyle) -> TextBlock:
    block = TextBlock(text, style)
    block.lead_in = "heading"  # kept on the page of what it introduces (_bind_lead_ins)
    return block


def _note(text: str, style: TextStyle) -> TextBlock:
    """A short note; directly under a heading it travels with that heading."""
    block = TextBlock(text, style)
    block.lead_in = "note"
    return block


def _bind_lead_ins(story: list[Flowable]) -> list[Flowable]:
    """Put a :class:`KeepWithStart` before every run of headings and the notes and
    spaces directly under them, so the run never ends a page without the start of
    the block it introduces."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        f = story[i]
        if getattr(f, "lead_in", None) != "heading":
            out.append(f)
            i += 1
            continue
        j = i + 1
        while j < len(story) and (getattr(story[j], "lead_in", None) or type(story[j]) is Spacer):
            j += 1
        lead = story[i:j]
        out.append(KeepWithStart(lead, story[j] if j < len(story) else None))
        out.extend(lead)
        i = j
    return out


def _block_flowables(block: object, st: Styles, lang: str, width: float) -> list[Flowable]:
    if isinstance(block, rm.Heading):
        return [_heading(block.text, st.h1 if block.level <= 1 else st.h2)]
    if isinstance(block, rm.Paragraph):
        style = {"note": st.note, "warning": st.warning, "small": st.small}.get(
            block.style, st.body
        )
        return [
            _note(block.text, style)
            if block.style in ("note", "small")
            else TextBlock(block.text, style)
        ]
    if isinstance(block, rm.BulletList):
        style = st.body.but(indent=18, space_after=3)
        out: list[Flowable] = []
        for i, item in enumerate(block.items, start=1):
            out.append(TextBlock(item, style, bullet=f"{i}." if block.numbered else "•"))
        if out:
            out.append(Spacer(1, 4))
        return out
    if isinstance(block, rm.KeyFigures):
        return [key_figures_flowable(block, st.rtl, width), Spacer(1, 8)]
    if isinstance(block, rm.Table):
        out = []
        if block.title:
            out.append(_heading(block.title, st.h2))
        out.append(table_flowable(block, st.rtl, width))
        if block.footnote:
            out.append(TextBlock(block.footnote, st.small.but(space_before=3)))
        out.append(Spacer(1, 8))
        return out
    if isinstance(block, rm.Chart):
        # the title is a lead-in: it moves to a new page with the drawing (and with an h1
        # just above it), which a KeepTogether of title and drawing alone would not do
        parts: list[Flowable] = [_heading(block.title, st.h2)] if block.title else []
        if not block.categories or not any(v is not None for s in block.series for v in s.values):
            parts.append(_note(label("no_chart_data", lang), st.note))
            return parts
        if not any(v for s in block.series for v in s.values):  # nothing but gaps and zeros
            parts.append(_note(label("all_withheld", lang), st.note))
            return parts
        parts.append(chart_drawing(block, width, st.rtl))
        notes = [block.note] if block.note else []
        if any(v is None for s in block.series for v in s.values):
            notes.append(label("withheld", lang))
        if block.kind == "line" and block.partial:
            notes.append(label("partial", lang))
        parts.extend(TextBlock(n, st.small) for n in notes)
        return parts + [Spacer(1, 6)]
    if isinstance(block, rm.PageBreak):
        return [PageBreak()]
    if isinstance(block, CodeBlock):
        style = TextStyle(
            fonts().mono,
            block.size,
            False,
            leading=block.size * 1.6,
            align="center",
            space_before=6,
            space_after=10,
        )
        return [TextBlock(block.text, style)]
    raise ReportError(
        QT_TRANSLATE_NOOP(
            "export", "This report contains a part the PDF writer does not know ({kind})."
        ),
        params=dict(kind=type(block).__name__),
    )


def build_story(report: rm.Report, width: float) -> list[Flowable]:
    st = make_styles(report.lang)
    story: list[Flowable] = [TextBlock(report.title, st.title)]
    sub = " · ".join(x for x in (report.subtitle, report.period) if x)
    if sub:
        story.append(TextBlock(sub, st.subtitle))
    story.append(
        HRFlowable(
            width="100%",
            thickness=0.6,
            color=colors.HexColor("#bbbbbb"),
            spaceBefore=2,
            spaceAfter=8,
        )
    )
    previous: object = None
    previous_start = len(story)
    for block in report.blocks:
        if (
            isinstance(block, (rm.Chart, rm.Table))
            and isinstance(previous, rm.Heading)
            and block.title == previous.text
        ):  # do not print the same title twice
            block = dataclasses.replace(block, title="")
        if (
            isinstance(block, rm.Heading)
            and isinstance(previous, rm.Heading)
            and block.text == previous.text
        ):
            continue
        start = len(story)
        story.extend(_block_flowables(block, st, report.lang, width))
        if isinstance(block, rm.KeyFigures) and isinstance(previous, rm.Table):
            # figures that sum up a table ("Passes" under the check-in table) stay on
            # the page of the table's last rows: together they move on when they fit a page
            together = [f for f in story[previous_start:] if type(f) is not Spacer]
            story[previous_start:] = [KeepTogether(together), Spacer(1, 8)]
        elif isinstance(block, rm.Paragraph) and block.keep_with_previous and previous:
            together = story[previous_start:]
            story[previous_start:] = [KeepTogether(together)]
            start = previous_start  # a further kept paragraph joins the same group
        previous = block
        previous_start = start
    return _bind_lead_ins(story)


def _generated_text(report: rm.Report) -> str:
    when = report.generated_at or datetime.now(timezone.utc)
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return label("generated", report.lang, when=when.strftime("%Y-%m-%d %H:%M UTC"))


def _confidentiality(report: rm.Report) -> str:
    if report.confidentiality:
        return report.confidentiality
    key = {"facilitator": "conf_facilitator", "external": "conf_external"}.get(
        report.audience, "conf_supervisor"
    )
    return label(key, report.lang)


def chrome_canvas(report: rm.Report):
    """A canvas class that defers each page, then draws header, footer and watermark
    on all of them once the page count is known ("page x of y")."""
    rtl = is_rtl(report.lang)
    fs = fonts()
    title = clean_text(report.title, keep_newlines=False)
    period = clean_text(report.period, keep_newlines=False)
    generated = _generated_text(report)
    conf = clean_text(_confidentiality(report), keep_newlines=False)
    width, height = PAGE
    inner = width - 2 * MARGIN_X

    def put(
        canv: Canvas,
        text: str,
        y: float,
        size: float,
        side: str,
        font: str | None = None,
        max_width: float | None = None,
    ) -> None:
        font = font or fs.regular
        if max_width is not None:  # keep chrome on one line
            text = fit_line(text, font, size, max_width)
        line = visual(text, font, size, rtl)
        left = (side == "start") != rtl
        x = MARGIN_X if left else width - MARGIN_X - line.width
        draw_line(canv, line, x, y)

    class ChromeCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_chrome(number, total)
                super().showPage()
            super().save()

        def _draw_chrome(self, number: int, total: int) -> None:
            self.saveState()
            self.setFillColor(MUTED)
            top = height - 14 * mm
            put(self, title, top, 9.5, "start", fs.bold, inner * 0.6)
            put(self, period, top, 9.5, "end", max_width=inner * 0.38)
            self.setStrokeColor(colors.HexColor("#cccccc"))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 5, width - MARGIN_X, top - 5)
            bottom = 14 * mm
            self.line(MARGIN_X, bottom + 12, width - MARGIN_X, bottom + 12)
            put(self, conf, bottom, 8.5, "start", max_width=inner * 0.75)
            put(
                self,
                label("page", report.lang, page=number, pages=total),
                bottom,
                9,
                "end",
                fs.bold,
            )
            put(self, generated, bottom - 11, 8, "start")
            if report.practice:
                self._watermark()
            self.restoreState()

        def _watermark(self) -> None:
            line = visual(label("practice", report.lang), fs.bold, 72, False)
            self.saveState()
            self.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.16))
            self.translate(width / 2, height / 2)
            self.rotate(50)
            draw_line(self, line, -line.width / 2, -24)
            self.restoreState()

    return ChromeCanvas


class _Document(BaseDocTemplate):
    """A4 with one frame whose edges are the margins: no inner padding, so body text,
    headings and table edges share one left and one right edge (ReportLab's default
    frame pads 6 pt, which set paragraphs in from tables that span the full width)."""

    def build(self, flowables, canvasmaker):  # noqa: D102 - ReportLab API
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=self.pagesize)])
        super().build(flowables, canvasmaker=canvasmaker)


def render_story(
    chrome: rm.Report,
    make_story: Callable[[float], list[Flowable]],
    *,
    subject: str,
    what: str = "report",
) -> bytes:
    """Lay out the flowables ``make_story(frame_width)`` returns on A4 pages with the
    shared chrome of ``chrome`` (header, footer, watermark) and return the PDF bytes.

    Every export (reports, the WHO-5 form) goes through here, so they share margins,
    metadata and the plain failure message. ``what`` is "report" or "form".
    """
    buf = io.BytesIO()
    doc = _Document(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=clean_text(chrome.title, keep_newlines=False),
        author="Facilitator",
        creator="Facilitator",
        subject=clean_text(subject),
        lang=chrome.lang,
    )
    story = make_story(doc.width)
    try:
        doc.build(story, canvasmaker=chrome_canvas(chrome))
    except ReportError:
        raise
    except Exception as exc:  # LayoutError and friends: say it plainly, keep the cause
        # ReportLab's own words (class names, object ids, frame sizes) mean nothing to a
        # reader; they stay in the chained cause for FACILITATOR_DEBUG
        message = (
            QT_TRANSLATE_NOOP(
                "export", "The form could not be laid out: a part of it is too large for a page."
            )
            if what == "form"
            else QT_TRANSLATE_NOOP(
                "export",
                "The report could not be laid out: a part of "
                "it is too large for a page. Shorten the longest text "
                "(a title or a note) and try again.",
            )
        )
        raise ReportError(message) from exc
    return buf.getvalue()


def render_report(report: rm.Report) -> bytes:
    """Lay out ``report`` and return the PDF as bytes (nothing touches the disk)."""
    return render_story(report, lambda width: build_story(report, width), subject=report.period)


def write_report(report: rm.Report, path: str | Path, *, password: str | None = None) -> Path:
    """Render ``report`` and write it atomically to ``path`` (optionally encrypted)."""
    from facilitator.export.output import write_pdf

    return write_pdf(render_report(report), path, password=password)
