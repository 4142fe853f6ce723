"""Layout found by looking at the demo reports: page use, figures in Arabic, charts."""

from __future__ import annotations

from facilitator.export.pdf import build_story, render_report
from facilitator.export.tables import as_number
from facilitator.tracking import report_model as rm
from tests.export.pdfcheck import page_texts
from tests.export.test_text import _visual


def _long_table_report(lang: str = "en") -> rm.Report:
    rows = [[f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", str(5 + i % 7)] for i in range(24)]
    return rm.Report(
        kind="group",
        lang=lang,
        title="Layout",
        period="2025",
        audience="supervisor",
        blocks=[
            rm.KeyFigures([("Sessions", "24"), ("People", "31")]),
            rm.Heading("Attendance"),
            rm.Table(["Date", "Attended"], rows, numeric=frozenset({1})),
        ],
    )


def test_a_table_that_fits_no_page_whole_starts_below_its_heading():
    """keepWithNext used to push heading and a 24-row table to page 2, leaving page 1
    nearly empty; now the table starts on page 1 and splits."""
    pages = page_texts(render_report(_long_table_report()))
    assert "Attendance" in pages[0] and "2025-01-01" in pages[0]


def test_a_heading_is_never_left_alone_at_a_page_bottom():
    filler = [rm.Paragraph("Filler line of body text. " * 6) for _ in range(15)]
    report = _long_table_report()
    report.blocks = filler + report.blocks
    pages = page_texts(render_report(report))
    where = [n for n, text in enumerate(pages) if "Attendance" in text]
    assert where and "2025-01-01" in pages[where[0]]


def test_figures_in_arabic_tables_read_left_to_right():
    """Without the marks the bidi rules draw "<5" as "5>" and "+0.7" as "0.7+"."""
    for figure in ("<5", "+0.7"):
        assert _visual(figure, True) != figure  # the problem
        assert _visual(as_number(figure, True), True) == figure
    # an interval is kept left to right by shape_line itself (so also inside Arabic
    # sentences, test_interval_order.py), with or without the marks
    for figure in ("-0.1 ... 1.2", "-0.1 \u2026 1.2"):
        assert _visual(figure, True) == _visual(as_number(figure, True), True) == "-0.1 ... 1.2"
    assert as_number("<5", False) == "<5"
    assert as_number("نعم", True) == "نعم"


def test_a_chart_of_only_gaps_and_zeros_is_replaced_by_a_sentence():
    chart = rm.Chart(
        "stacked_bar",
        "Incidents",
        ["A", "B"],
        [rm.Series("Open", [None, None]), rm.Series("Done", [0.0, 0.0])],
    )
    report = rm.Report(
        kind="program", lang="en", title="T", period="2025", audience="supervisor", blocks=[chart]
    )
    text = page_texts(render_report(report))[0]
    assert "Every value in this chart is withheld or zero" in text
    story = build_story(report, 400)
    assert not any(type(f).__name__ == "Drawing" for f in story)
