"""Pagination a typesetter would accept: no lone first or last line of a paragraph on a
page, key figures on the page of the table they sum up."""

from __future__ import annotations

import io

import pdfplumber

from facilitator.export.flowables import TextBlock, TextStyle
from facilitator.export.fonts import fonts
from facilitator.export.pdf import render_report
from facilitator.tracking import report_model as rm


def _block(lines: int) -> TextBlock:
    style = TextStyle(fonts().regular, 10, False, leading=12)
    block = TextBlock("\n".join(f"line {i}" for i in range(lines)), style)
    block.wrap(400, 10_000)
    return block


def test_a_split_never_leaves_one_line_on_either_side():
    five = _block(5)
    head, tail = five.split(400, 12 * 4 + 1)  # room for four lines
    assert head.line_count(400) == 3 and tail.line_count(400) == 2  # no widow
    assert five.split(400, 12 * 1 + 1) == []  # no orphan: all of it moves on
    head, tail = five.split(400, 12 * 2 + 1)
    assert head.line_count(400) == 2 and tail.line_count(400) == 3
    assert _block(3).split(400, 12 * 2 + 1) == []  # three lines never split


def _page_of(data: bytes, text: str) -> list[int]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [i for i, p in enumerate(pdf.pages) if text in (p.extract_text() or "")]


def test_no_line_of_a_paragraph_is_alone_at_a_page_head_or_foot():
    """Fill a page to every possible depth ahead of a six-line paragraph: wherever it
    breaks, each page holds at least two of its lines."""
    para = " ".join(f"word{i}" for i in range(60))  # six lines
    for filler in range(22, 30):  # the paragraph starts ever lower on the first page
        blocks = [rm.Paragraph(f"filler {i}") for i in range(filler)] + [rm.Paragraph(para)]
        report = rm.Report(
            kind="handout", lang="en", title="T", period="P", audience="external", blocks=blocks
        )
        with pdfplumber.open(io.BytesIO(render_report(report))) as pdf:
            counts = [
                sum(1 for w in p.extract_words() if w["text"].startswith("word")) > 0
                and len(
                    {round(w["top"]) for w in p.extract_words() if w["text"].startswith("word")}
                )
                for p in pdf.pages
            ]
        assert all(c == 0 or c >= 2 for c in counts), (filler, counts)


def test_key_figures_stay_with_the_table_they_sum_up():
    rows = [[f"Month {i}", str(i), "+0.5"] for i in range(8)]
    for filler in range(20, 34, 2):
        blocks = [rm.Paragraph(f"filler {i}") for i in range(filler)] + [
            rm.Heading("Check-in"),
            rm.Table(["Month", "People", "Change"], rows, numeric=frozenset({1, 2})),
            rm.KeyFigures([("Passes", "22")]),
        ]
        report = rm.Report(
            kind="group", lang="en", title="T", period="P", audience="supervisor", blocks=blocks
        )
        data = render_report(report)
        assert _page_of(data, "Passes") == _page_of(data, "Month 7"), filler


def test_a_layout_failure_is_one_plain_sentence(monkeypatch):
    """Whatever ReportLab says (class names, object ids, frame sizes) stays out of the
    message; it is kept as the chained cause."""
    import pytest
    from reportlab.graphics.shapes import Drawing

    from facilitator.errors import ReportError
    from facilitator.export import pdf

    monkeypatch.setattr(pdf, "chart_drawing", lambda *a, **k: Drawing(400, 5000))
    chart = rm.Chart("bar", "Too tall", ["a"], [rm.Series("s", [1.0])])
    report = rm.Report(
        kind="group", lang="en", title="T", period="P", audience="supervisor", blocks=[chart]
    )
    with pytest.raises(ReportError) as err:
        render_report(report)
    message = str(err.value)
    assert message.startswith("The report could not be laid out")
    for internal in ("Flowable", "Drawing", "0x", "frame", "reportlab", "LayoutError"):
        assert internal not in message
    assert err.value.__cause__ is not None
