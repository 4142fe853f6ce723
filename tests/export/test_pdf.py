"""Rendering reports: text and numbers on the page, page chrome, Arabic, watermark."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from facilitator.export.pdf import render_report
from facilitator.tracking import report_model as rm
from tests.export.pdfcheck import (
    as_file,
    key,
    needs_poppler,
    needs_qpdf,
    page_texts,
    pdftotext,
    qpdf_check,
    stream_texts,
)
from tests.export.samples import ARABIC_MIXED, sample_report


@needs_qpdf
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("kind", ["session", "group", "program"])
def test_every_report_kind_passes_qpdf_check(tmp_path, lang, kind):
    report = sample_report(lang)
    report.kind = kind
    qpdf_check(as_file(render_report(report), tmp_path))


def test_english_report_text_and_numbers():
    pages = page_texts(render_report(sample_report("en")))
    first = pages[0]
    assert "Group period report" in first
    assert "Tuesday grief circle" in first
    for figure in ("12", "31", "68%"):
        assert figure in first
    rows = re.findall(r"Week (\d) (\d+) (\S+) (\d\.\d)", first)
    assert rows[0] == ("1", "9", "1", "6.2")
    assert ("3", "11", "<5", "6.4") in rows
    assert re.search(r"Total 57", first)
    assert "<5: fewer than five people." in first


def test_header_and_footer_on_every_page():
    pages = page_texts(render_report(sample_report("en")))
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "September – November 2026" in text
        assert "Generated 2026-11-22 09:30 UTC" in text
        assert "Confidential: for supervision only" in text
        assert text.count("Group period report") >= 1


def test_a_long_table_repeats_its_header_on_every_page():
    rows = [[f"row {i:03d}", str(i), "x"] for i in range(300)]
    report = rm.Report(
        kind="program",
        lang="en",
        title="Big",
        period="2026",
        audience="supervisor",
        blocks=[rm.Table(columns=["Label", "Count", "Flag"], rows=rows, numeric=frozenset({1}))],
    )
    pages = page_texts(render_report(report))
    assert len(pages) >= 5
    for text in pages:
        assert "Label Count Flag" in text
    everything = "\n".join(pages)
    assert all(f"row {i:03d} {i} x" in everything for i in range(300))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_practice_watermark_only_on_practice_reports(lang):
    practice = stream_texts(render_report(sample_report(lang, practice=True)))
    real = stream_texts(render_report(sample_report(lang, practice=False)))
    assert len(practice) == 2
    assert all("PRACTICE" in t for t in practice)
    assert not any("PRACTICE" in t for t in real)


def test_charts_are_vector_graphics_with_labels():
    data = render_report(sample_report("en"))
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    for label in ("Attendance trend", "W1", "W12", "Distress", "Conflict", "2025", "2026"):
        assert label in text
    assert not any(list(page.images) for page in reader.pages)  # drawn, not pictures


@needs_poppler
def test_arabic_report_extracts_to_the_logical_text(tmp_path):
    path = as_file(render_report(sample_report("ar")), tmp_path)
    text = key(pdftotext(path))
    for phrase in ARABIC_MIXED:  # includes a paragraph that wraps over four lines
        assert key(phrase) in text, phrase
    assert key("تقرير فترة المجموعة") in text
    assert key("صفحة 1 من 2") in text and key("صفحة 2 من 2") in text


@needs_poppler
def test_arabic_table_columns_are_mirrored(tmp_path):
    path = as_file(render_report(sample_report("ar")), tmp_path)
    layout = pdftotext(path, "-layout", "-f", "1", "-l", "1")
    header = next(
        line for line in layout.splitlines() if "ﺍﻟﺤﺎﺿﺮﻭﻥ" in line or key("الحاضرون") in key(line)
    )
    # in the visual line the first logical column (Session) sits furthest right
    positions = {name: key(header).find(key(name)) for name in ("الجلسة", "الحاضرون")}
    assert positions["الجلسة"] > positions["الحاضرون"] >= 0


def test_document_metadata_and_language():
    reader = PdfReader(io.BytesIO(render_report(sample_report("ar"))))
    assert reader.metadata.title == "تقرير فترة المجموعة"
    assert reader.trailer["/Root"].get("/Lang") == "ar"
