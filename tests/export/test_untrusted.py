"""Untrusted text is text: markup, controls, huge words and cells never break a report."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.export.pdf import render_report
from facilitator.export.text import PLACEHOLDER
from facilitator.tracking import report_model as rm
from tests.export.pdfcheck import as_file, needs_qpdf, page_texts, qpdf_check

HOSTILE = [
    "Less < more & R&D",
    "<b>not bold",
    "unbalanced </i> close",
    '<a href="javascript:alert(1)">click</a>',
    "<font name='../../etc/passwd'>x</font>",
    "&amp; &#0; &bogus; <br/> <para>",
]


def _report(lang: str, secret_image: str, extra: list[rm.Block] = ()) -> rm.Report:
    img = f'<img src="{secret_image}" width="50" height="50"/>'
    texts = HOSTILE + [img]
    return rm.Report(
        kind="session",
        lang=lang,
        title="<b>Title & co",
        period="<i>2026",
        audience="facilitator",
        subtitle="NUL\x00here \u202eevil\u202c",
        blocks=[
            *(rm.Paragraph(t) for t in texts),
            rm.BulletList(items=texts),
            rm.KeyFigures(items=[("<b>", "&")]),
            rm.Table(columns=["<th>", "R&D"], rows=[[t, t] for t in texts]),
            rm.Chart(
                kind="bar",
                title="<b>chart",
                categories=["<a>", "&"],
                series=[rm.Series("<img>", [1, 2])],
            ),
            *extra,
        ],
    )


@pytest.fixture
def secret_png(tmp_path):
    """A real image file: if any text were treated as markup, ReportLab would embed it."""
    from reportlab.graphics.renderPM import drawToFile  # noqa: F401 - pillow present?
    from PIL import Image

    path = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_markup_renders_literally_and_reads_no_file(lang, secret_png):
    data = render_report(_report(lang, str(secret_png)))
    reader = PdfReader(io.BytesIO(data))
    assert all(not list(p.images) for p in reader.pages)
    assert b"/Subtype /Image" not in data
    if lang == "en":
        text = "\n".join(page_texts(data))
        for literal in (
            "Less < more & R&D",
            "<b>not bold",
            '<a href="javascript:alert(1)">click</a>',
            f'<img src="{secret_png}"',
            "&amp; &#0; &bogus; <br/> <para>",
            "<b>Title & co",
            "NULhere evil",
        ):
            assert literal in text, literal
        assert "R&D;" not in text


def test_long_words_and_a_400_line_cell_split_across_pages(tmp_path):
    word = "W" * 10_000
    cell = "\n".join(f"line {i}" for i in range(1, 401))
    report = rm.Report(
        kind="group",
        lang="en",
        title="Huge",
        period="",
        audience="supervisor",
        blocks=[
            rm.Paragraph(word),
            rm.Table(columns=["Note", "Count"], rows=[[cell, "7"], [word, "8"]]),
        ],
    )
    data = render_report(report)
    pages = page_texts(data)
    text = "\n".join(pages)
    assert text.count("W") >= 20_000
    assert re.search(r"^line 1 7$", text, re.M) and re.search(r"^line 400$", text, re.M)
    assert all(f"line {i}" in text for i in range(1, 401))
    assert len(pages) >= 8
    assert sum("Note Count" in p for p in pages) >= 5  # header repeated while the cell flows on


@needs_qpdf
def test_emoji_controls_and_bidi_overrides_are_cleaned(tmp_path):
    text = "ok 😀 done \x01\x02 \u202eReversed\u202c \ue123 end"
    report = rm.Report(
        kind="group",
        lang="ar",
        title=text,
        period="",
        audience="supervisor",
        blocks=[rm.Paragraph(text), rm.Table(columns=[text], rows=[[text]])],
    )
    data = render_report(report)
    qpdf_check(as_file(data, tmp_path))
    with_placeholders = "\n".join(page_texts(data))
    assert "Reversed" in with_placeholders  # not flipped by the stripped override
    assert PLACEHOLDER in with_placeholders
    assert "😀" not in with_placeholders and "\ue123" not in with_placeholders


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(["en", "ar"]))
def test_any_text_renders_in_every_kind_of_block(text, lang):
    report = rm.Report(
        kind="group",
        lang=lang,
        title=text,
        period=text,
        audience="external",
        subtitle=text,
        confidentiality=text,
        blocks=[
            rm.Heading(text),
            rm.Paragraph(text),
            rm.BulletList([text]),
            rm.KeyFigures([(text, text)]),
            rm.Table(columns=[text, "n"], rows=[[text, text]], title=text),
            rm.Chart(
                kind="line",
                title=text,
                categories=[text, "b"],
                series=[rm.Series(text, [1.0, None])],
            ),
        ],
    )
    data = render_report(report)
    assert data.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(data)).pages) >= 1
