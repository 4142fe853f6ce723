"""A heading (and a short note under it) is never left at a page bottom without the
start of the table or chart it introduces (issue 4, PDF reports).

One long report holds many sections whose filler paragraphs differ by one line, so
their headings land at every height on a page, including the last lines; rendering
it once per language is much faster than one report per position. Markers in Latin
letters ("Q07", "R07", "C07") find each part on the page in both languages.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest

from facilitator.export.pdf import render_report
from facilitator.tracking import report_model as rm
from tests.export.pdfcheck import page_texts

SECTIONS = 36


def _section(k: int, ar: bool) -> list[rm.Block]:
    t = lambda en, a: a if ar else en
    filler = rm.Paragraph(
        "\n".join(
            t("Filler line of body text.", "سطر حشو من نص التقرير.") for _ in range(1 + k % 11)
        )
    )
    heading = rm.Heading(t(f"Section Q{k:02d}", f"القسم Q{k:02d}"), 1 if k % 2 else 2)
    note = rm.Paragraph(
        t("Counts below five are hidden.", "الأعداد الأقل من خمسة مخفية."),
        "small" if k % 2 else "note",
    )
    rows = [[f"R{k:02d}", "12", "0.2 … 1.4"]] + [[f"M{i}", str(i), "0.1 … 0.9"] for i in range(5)]
    table = rm.Table(
        [t("Month", "الشهر"), t("People", "الأشخاص"), "CI"],
        rows,
        numeric=frozenset({1, 2}),
        title=t("Per month", "حسب الشهر") if k % 4 == 1 else "",
    )
    chart = rm.Chart(
        "line",
        t("Trend", "الاتجاه") if k % 2 else "",
        [f"C{k:02d}", "x", "y"],
        [rm.Series("S", [1.0, 3.0, 2.0])],
    )
    kind = k % 3
    if kind == 0:
        return [filler, heading, note, table]
    if kind == 1:
        return [filler, heading, note, chart]
    return [filler, heading, rm.Heading(t("Detail", "تفاصيل"), 2), note, table]


def _report(lang: str) -> rm.Report:
    blocks = [b for k in range(SECTIONS) for b in _section(k, lang == "ar")]
    return rm.Report(
        kind="group", lang=lang, title="Layout", period="2025", audience="supervisor", blocks=blocks
    )


def _first_page(pages: list[str], marker: str) -> int:
    return next(n for n, text in enumerate(pages) if marker in text)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_headings_and_notes_share_a_page_with_the_start_of_their_block(lang):
    pages = page_texts(render_report(_report(lang)))
    assert len(pages) > 8  # headings really did meet many page ends
    apart = []
    for k in range(SECTIONS):
        start = f"C{k:02d}" if k % 3 == 1 else f"R{k:02d}"
        if _first_page(pages, f"Q{k:02d}") != _first_page(pages, start):
            apart.append(k)
    assert apart == []


def _bottom_of_body(pdf_bytes: bytes) -> list[float]:
    """Per page, the lowest text line above the footer (in points from the top)."""
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        out = []
        for page in pdf.pages:
            body = [w["bottom"] for w in page.extract_words() if w["bottom"] < page.height - 70]
            out.append(max(body, default=0.0))
        return out


def test_a_heading_does_not_push_a_long_table_off_a_roomy_page():
    """The table may split, so a heading with room for the header and a few rows
    keeps its table on the same page instead of moving it whole (page 1 stays full)."""
    rows = [[f"R{i:02d}", str(i)] for i in range(60)]
    report = rm.Report(
        kind="group",
        lang="en",
        title="Layout",
        period="2025",
        audience="supervisor",
        blocks=[
            rm.Paragraph("\n".join(["Filler."] * 25)),
            rm.Heading("Attendance"),
            rm.Paragraph("A note.", "small"),
            rm.Table(["Date", "People"], rows, numeric=frozenset({1})),
        ],
    )
    data = render_report(report)
    pages = page_texts(data)
    assert "Attendance" in pages[0] and "R00" in pages[0]
    assert _bottom_of_body(data)[0] > 700  # page 1 is used down to its footer


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_table_taller_than_a_page_still_splits_and_repeats_its_header(lang):
    long_cell = " ".join(["word"] * 1500)  # one row taller than a page
    rows = [["R00", long_cell]] + [[f"R{i:02d}", "short"] for i in range(1, 80)]
    report = rm.Report(
        kind="group",
        lang=lang,
        title="Layout",
        period="2025",
        audience="supervisor",
        blocks=[
            rm.Heading("Section Q01"),
            rm.Paragraph("A note.", "small"),
            rm.Table(["HeadA", "HeadB"], rows),
        ],
    )
    pages = page_texts(render_report(report))
    assert len(pages) >= 3
    table_pages = [
        n for n, text in enumerate(pages) if "R" in text and "word" in text or "short" in text
    ]
    assert _first_page(pages, "Q01") == _first_page(pages, "R00") == 0
    assert all("HeadA" in pages[n] and "HeadB" in pages[n] for n in table_pages)
