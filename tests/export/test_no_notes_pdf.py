"""The printed summary of a no-notes defusing holds its date, headcount and phases
done, and nothing else: checked on the real PDF in English and Arabic."""

from __future__ import annotations

import pytest

from facilitator.export.pdf import render_report
from facilitator.tracking.reports import build_session_report
from tests.export.pdfcheck import (
    as_file,
    key,
    needs_poppler,
    needs_qpdf,
    page_texts,
    pdftotext,
    qpdf_check,
)
from tests.tracking import nonotes

LEAKS = (
    "stairwell",
    "nightmares",
    "not wanting",
    "Responder",
    "Check-in",
    "Incident",
    "Fidelity",
    "Notes",
    "Code",
    "Mandatory",
)


@pytest.fixture
def defusing(raw_db):
    return nonotes.build(raw_db)


def test_english_no_notes_pdf_shows_only_date_headcount_phases(raw_db, defusing):
    data = render_report(build_session_report(raw_db, defusing.session_id, "en"))
    pages = page_texts(data)
    assert len(pages) == 1
    text = pages[0]
    for wanted in ("Session summary", "2025-03-12", "Headcount", "Phases done", "No-notes session"):
        assert wanted in text, wanted
    import re

    # the headcount box: its value sits on the line above its label
    assert re.search(r"(^|\s)7(\s|$)[^\n]*\n[^\n]*Headcount", text) or re.search(
        r"Headcount\s+7\b", text
    ), text
    # the phases figure wraps inside its box: both phases, in script order
    assert text.index("Introduction,") < text.index("Exploration")
    assert "Information" not in text  # skipped, so not done
    for leak in (*LEAKS, *defusing.codes):
        assert leak not in text, leak


@needs_poppler
def test_arabic_no_notes_pdf_shows_only_date_headcount_phases(raw_db, defusing, tmp_path):
    path = as_file(render_report(build_session_report(raw_db, defusing.session_id, "ar")), tmp_path)
    text = key(pdftotext(path))
    for wanted in (
        "ملخص الجلسة",
        "2025-03-12",
        "عدد الحاضرين",
        "المراحل التي تمّت",
        "التمهيد، الاستكشاف",
        "جلسة دون ملاحظات",
    ):
        assert key(wanted) in text, wanted
    for leak in ("الحضور", "الحوادث", "الملاحظات", "الرمز", "بداية الجلسة", *defusing.codes):
        assert key(leak) not in text, leak


@needs_qpdf
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_notes_pdf_passes_qpdf(raw_db, defusing, tmp_path, lang):
    data = render_report(build_session_report(raw_db, defusing.session_id, lang))
    qpdf_check(as_file(data, tmp_path, f"nn-{lang}.pdf"))
