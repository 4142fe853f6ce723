"""A table that splits across pages never leaves its totals row alone on the new page."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from facilitator.export.pdf import render_report
from facilitator.tracking import report_model as rm


def _report(n_rows: int, filler: int, lang: str) -> rm.Report:
    from datetime import datetime, timezone

    rows = [[f"Row {i}", str(i)] for i in range(n_rows)] + [["Total", str(sum(range(n_rows)))]]
    blocks = [rm.Paragraph("Filler paragraph. " * 40) for _ in range(filler)]
    blocks.append(rm.Table(["Name", "Count"], rows, numeric=frozenset({1}), total_row=True))
    return rm.Report(
        kind="group",
        lang=lang,
        title="Split test",
        period="2026",
        audience="supervisor",
        blocks=blocks,
        practice=False,
        confidentiality="Confidential",
        generated_at=datetime.now(timezone.utc),
    )


def _pages_with(data: bytes, word: str) -> list[tuple[int, list[str]]]:
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            out.append((number, (page.extract_text() or "").splitlines()))
    return out


# (filler paragraphs, body rows) that put the totals row alone on a page before the fix
@pytest.mark.parametrize("filler, n_rows", [(1, 22), (1, 55), (2, 48), (3, 41)])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_total_row_keeps_company(filler, n_rows, lang):
    data = render_report(_report(n_rows, filler, lang))
    pages = _pages_with(data, "Total")
    total_page = next(n for n, lines in pages if any("Total" in line for line in lines))
    lines = dict(pages)[total_page]
    body = [line for line in lines if "Row " in line]
    assert body, f"filler={filler}: the totals row is alone on page {total_page}"
    assert any(f"Row {n_rows - 1}" in line for line in lines)  # the last row went with it
