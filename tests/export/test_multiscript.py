"""Typed text in any script reads back as typed from every report type, in both languages.

A store holds names and notes in Latin, Arabic, Turkish, Polish, Czech, Romanian,
Cyrillic, Greek and Hebrew, with brackets, quotes and punctuation at either end. Each
report type is rendered in English and Arabic and read back three ways: ``pdftotext``
(what a person copying or searching gets), pdfplumber glyph positions (what is drawn
where) and the fonts' ``cmap``s (every character has a real glyph).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date

import pdfplumber
import pytest
from bidi import get_display
from reportlab.pdfbase import pdfmetrics

from facilitator.export.charts import chart_drawing
from facilitator.export.fonts import fonts
from facilitator.export.pdf import render_report
from facilitator.export.text import PLACEHOLDER, clean_text, shape_line
from facilitator.tracking import report_model as rm
from facilitator.tracking.report_program import partial_months
from tests.export.multiscript import NAMES, SAMPLES, all_reports, make_store
from tests.export.pdfcheck import as_file, key, needs_poppler, pdftotext

DB_PATH = "/home/أحمد/.local/share/facilitator/بيانات.db"
TEXTS = [t for _, t in SAMPLES]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    ids = make_store(tmp_path_factory.mktemp("multi"))
    out = {}
    for lang in ("en", "ar"):
        for name, report in all_reports(ids, lang, DB_PATH).items():
            out[(name, lang)] = render_report(report)
    ids["db"].close()
    return out


def _own_direction(text: str) -> str:
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls == "L":
            return "L"
        if cls in ("R", "AL"):
            return "R"
    return "L"


#: Which typed texts each report type carries.
EXPECTED = {
    "session0": TEXTS,
    "session1": TEXTS,  # group name, notes, step titles
    "handout": TEXTS,  # step titles and the group's own rules
    "group0": [TEXTS[0]],
    "group1": [TEXTS[2]],  # the group's name
    "recovery": [DB_PATH],
    "program": [],  # no group names, by design
}


def _visual_lines(data: bytes) -> list[str]:
    """Each drawn line's characters left to right, as their ToUnicode text (a
    right-to-left cluster is recorded in drawing order), without spaces."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[dict]] = {}
            for c in page.chars:
                if c["upright"]:  # one row per baseline (fonts differ in their boxes)
                    rows.setdefault(round(c["matrix"][5]), []).append(c)
            for row in rows.values():
                out.append("".join(c["text"] for c in sorted(row, key=lambda c: c["x0"])))
    return [re.sub(r"\s+", "", unicodedata.normalize("NFC", line)) for line in out]


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_report_reads_back_each_typed_text(pdfs, tmp_path, name, lang):
    """Each typed text is drawn exactly as it shows on its own (its own direction, its
    brackets and full stop where the writer put them), and ``pdftotext`` gives its
    letters back in the order typed.

    ``pdftotext`` orders every line by the page's main direction: it writes a text of
    that direction whole and in logical order (checked character for character), and
    a text of the other direction as logical runs of letters with its end
    punctuation placed by its own guess (so there the words and their order are
    checked, and the punctuation by the drawn positions)."""
    data = pdfs[(name, lang)]
    raw = pdftotext(as_file(data, tmp_path))
    logical = key(raw)
    drawn = _visual_lines(data)
    base = "R" if lang == "ar" else "L"
    for text in EXPECTED[name]:
        looks = re.sub(r"\s+", "", get_display(text, base_dir=_own_direction(text)))
        assert any(looks in line for line in drawn), (name, text)
        if name.startswith("session") and _own_direction(text) == base:
            assert key(text) in logical, (name, text)  # a note: a line of its own
        if text == DB_PATH and lang == "ar":
            continue  # poppler orders this line right to left: see the glyph-position test
        place = -1
        for word in re.findall(r"\w+", text):
            place = logical.find(key(word), place + 1)
            assert place >= 0, (name, text, word)
    # the report's own words (title) come out as logical text too
    title = {
        "en": {
            "session": "Session summary",
            "group": "Group report",
            "program": "Program report",
            "handout": "Participant handout",
            "recovery": "Recovery kit",
        },
        "ar": {
            "session": "ملخص الجلسة",
            "group": "تقرير المجموعة",
            "program": "تقرير البرنامج",
            "handout": "ورقة للمشاركين",
            "recovery": "مجموعة الاسترداد",
        },
    }[lang][name.rstrip("01")]
    assert key(title) in logical


@needs_poppler
def test_arabic_copies_out_as_the_letters_typed_not_presentation_forms(pdfs, tmp_path):
    raw = pdftotext(as_file(pdfs[("session0", "ar")], tmp_path))
    assert "الجلسة" in raw  # a plain search finds it: no presentation forms
    assert not any(0xFB50 <= ord(ch) <= 0xFEFF for ch in raw)
    kit = pdftotext(as_file(pdfs[("recovery", "ar")], tmp_path))
    assert "--recovery-code-file" in kit  # Latin "fi" is two letters, not a ligature
    assert "\ufb01" not in kit


def test_harakat_copy_out_with_their_letters(tmp_path):
    report = rm.Report(
        kind="session",
        lang="ar",
        title="ملخص",
        period="2026",
        audience="facilitator",
        blocks=[rm.Paragraph("تعلَّمْ الجلسةَ")],
    )
    with pdfplumber.open(io.BytesIO(render_report(report))) as pdf:
        text = "".join(c["text"] for c in pdf.pages[0].chars)
    assert "\u064e" in text and "\u0651" in text  # fatha, shadda: not lost


def _line_chars(data: bytes, page: int, predicate, which: int = -1) -> list[dict]:
    """The characters of the last visual line holding a character for which
    ``predicate(text)`` is true, sorted left to right."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[page].chars
    hit = [c for c in chars if predicate(c["text"])][which]
    base = hit["matrix"][5]
    return sorted((c for c in chars if abs(c["matrix"][5] - base) < 1), key=lambda c: c["x0"])


def test_a_latin_group_name_keeps_its_brackets_in_an_arabic_subtitle(pdfs):
    line = _line_chars(pdfs[("session0", "ar")], 0, lambda t: t == "T", which=0)
    text = "".join(c["text"] for c in line)
    # visual order, left to right: the date, the separator, then the name as typed
    assert text.replace(" ", "").endswith("(Tuesday)circle"), text
    assert re.match(r"^\d{4}-\d\d-\d\d", text.replace(" ", "")), text


def test_an_arabic_note_keeps_its_full_stop_at_its_end_in_an_english_report(pdfs):
    data = pdfs[("session0", "en")]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = len(pdf.pages) - 1
    line = _line_chars(data, page, lambda t: t == "ث")
    # right to left: the full stop ends the note on the left, "حلقة" starts it on the right
    assert line[0]["text"] == "."
    assert line[1]["text"] == "(" or line[1]["text"] == ")"
    assert unicodedata.bidirectional(line[-1]["text"]) in ("R", "AL")
    word = "".join(c["text"] for c in line[-4:])
    assert unicodedata.normalize("NFKC", word)[::-1] == "حلقة"


def test_an_english_note_keeps_its_full_stop_on_the_right_in_an_arabic_report(pdfs):
    data = pdfs[("session0", "ar")]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = len(pdf.pages) - 1
    line = _line_chars(data, page, lambda t: t == "O")  # '"Open door" group.'
    text = "".join(c["text"] for c in line)
    assert text.replace(" ", "") == '"Opendoor"group.'


def test_the_database_path_reads_in_order_in_the_arabic_recovery_kit(pdfs):
    line = _line_chars(pdfs[("recovery", "ar")], 0, lambda t: t == "h")
    text = "".join(unicodedata.normalize("NFKC", c["text"]) for c in line)
    # a path is left to right: folders in order, each Arabic name right to left
    assert text == "/home/" + "أحمد"[::-1] + "/.local/share/facilitator/" + "بيانات"[::-1] + ".db"


def test_every_character_of_names_in_many_scripts_has_a_real_glyph(pdfs):
    fs = fonts()
    for name in NAMES:
        assert PLACEHOLDER not in clean_text(name), name
        for rtl in (False, True):
            line = shape_line(name, fs.regular, 11, rtl)
            for piece in line.pieces:
                face = pdmetrics_face(piece.font)
                for ch in str(piece.glyphs):
                    gid = face.charToGlyph.get(ord(ch))
                    assert gid not in (None, 0), (name, piece.font, ch)  # 0 is .notdef

    # the fallback faces do the work: ş in Noto Sans, Hebrew in Heebo
    def font_of(text: str) -> str:
        piece = next(p for p in shape_line(text, fs.regular, 11, False).pieces)
        return piece.font

    assert "Noto" in font_of("ş") and "Noto" in font_of("Ольга") and "Noto" in font_of("Ελένη")
    assert "Heebo" in font_of("שרה")
    assert font_of("Ayse") == fs.regular


def pdmetrics_face(font_name: str):
    return pdfmetrics.getFont(font_name).face


def test_names_in_many_scripts_print_with_their_fonts_in_the_pdf(tmp_path):
    report = rm.Report(
        kind="session",
        lang="en",
        title="Names",
        period="2026",
        audience="facilitator",
        blocks=[rm.Paragraph(" ".join(NAMES))],
    )
    data = render_report(report)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    used = {c["text"]: c["fontname"] for c in chars}
    assert "NotoSans" in used["ş"] and "NotoSans" in used["ř"] and "NotoSans" in used["Ș"]
    assert "Heebo" in used["ש"]
    if shutil.which("pdftotext"):
        assert all(key(n) in key(pdftotext(as_file(data, tmp_path))) for n in NAMES)


@pytest.mark.parametrize("length", [800, 20_000])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_very_long_titles_are_laid_out_across_pages(length, lang):
    """A title longer than the validator allows (an older store) still prints: in the
    header cut at a word with an ellipsis, in full in the body and key figures."""
    title = ("Peer group for people living with long illness " * 500)[:length].strip()
    report = rm.Report(
        kind="session",
        lang=lang,
        title=title,
        period="2026",
        audience="facilitator",
        subtitle=title,
        blocks=[
            rm.KeyFigures([("Script", title), ("Date", "2026-01-01")]),
            rm.Table(["Step", "Minutes"], [[title, "5"]]),
        ],
    )
    data = render_report(report)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= (3 if length > 5000 else 1)
        page = pdf.pages[0]
        header = sorted((c for c in page.chars if c["top"] < 50), key=lambda c: c["x0"])
        assert all(0 < c["x0"] and c["x1"] < page.width for c in page.chars)
    text = "".join(c["text"] for c in header)
    assert "…" in text
    assert re.search(r"(illness|Peer|group|for|people|living|with|long)…", text), text


def test_the_partial_last_month_is_marked(tmp_path):
    months = [date(2025, m, 1) for m in range(1, 8)]
    assert partial_months(months, date(2025, 1, 1), date(2025, 7, 7)) == frozenset({6})
    assert partial_months(months, date(2025, 1, 6), date(2025, 7, 31)) == frozenset()
    chart = rm.Chart(
        "line",
        "Attendance by month",
        [f"M{i}" for i in range(1, 8)],
        [rm.Series("Attendances", [171, 188, 202, 208, 224, 225, 33])],
        partial=frozenset({6}),
    )
    drawing = chart_drawing(chart, 480, False)
    dashed = [ln for ln in _lines(drawing) if getattr(ln, "strokeDashArray", None)]
    assert dashed, "the stretch into the partial month is dashed"
    report = rm.Report(
        kind="program",
        lang="en",
        title="Program",
        period="2025",
        audience="supervisor",
        blocks=[chart],
    )
    text = "".join(p for p in _page_texts(render_report(report)))
    assert "covers only in part" in text


def _lines(drawing):
    from reportlab.graphics.shapes import Group, PolyLine

    out = []

    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, PolyLine):
                out.append(child)
            if isinstance(child, Group) or hasattr(child, "contents"):
                walk(child)

    from reportlab.graphics.shapes import Drawing

    for item in drawing.contents:
        walk(
            item.draw()
            if not isinstance(item, (Group, Drawing)) and hasattr(item, "draw")
            else item
        )
    return out


def _page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def test_session_dates_are_spaced_by_time():
    """Sessions one and three weeks apart: the second gap is three times the first."""
    days = [date(2026, 9, 1), date(2026, 9, 8), date(2026, 9, 29)]
    chart = rm.Chart(
        "line",
        "Attendance",
        [d.isoformat() for d in days],
        [rm.Series("Attended", [8, 9, 7])],
        x_values=[d.toordinal() for d in days],
    )
    report = rm.Report(
        kind="group", lang="en", title="Group", period="2026", audience="supervisor", blocks=[chart]
    )
    with pdfplumber.open(io.BytesIO(render_report(report))) as pdf:
        page = pdf.pages[0]
        marks = sorted(
            {
                round((c["x0"] + c["x1"]) / 2, 1)
                for c in page.curves
                if c["x1"] - c["x0"] < 8 and c["bottom"] - c["top"] < 8
            }
        )
    assert len(marks) == 3, marks
    first, second = marks[1] - marks[0], marks[2] - marks[1]
    assert second / first == pytest.approx(3.0, rel=0.03)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_long_category_labels_do_not_collide(lang):
    names = {
        "en": [
            "Anxiety skills and coping with everyday worry",
            "Carers of people with dementia",
            "First responders after critical incidents",
            "Grief and loss",
        ],
        "ar": [
            "مهارات التعامل مع القلق في الحياة اليومية",
            "مقدمو الرعاية لمرضى الخرف",
            "المستجيبون الأوائل بعد الحوادث الحرجة",
            "الفقد والحزن",
        ],
    }[lang]
    chart = rm.Chart("bar", "Change", names, [rm.Series("Mean change", [0.7, 0.6, 0.8, 0.5])])
    report = rm.Report(
        kind="program",
        lang=lang,
        title="Program",
        period="2025",
        audience="supervisor",
        blocks=[chart, rm.Paragraph("Note under")],
    )
    with pdfplumber.open(io.BytesIO(render_report(report))) as pdf:
        words = pdf.pages[0].extract_words(keep_blank_chars=False)
    label_words = [w for w in words if w["top"] > 200 and w["upright"]]
    for a in label_words:
        for b in label_words:
            if a is b:
                continue
            overlap_x = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, (a["text"], b["text"])


OCR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Mn", "Cf"))
    return text.translate(OCR_FOLD)


@pytest.mark.skipif(
    shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
    reason="tesseract-ocr (with Arabic) and poppler-utils are not installed",
)
@pytest.mark.parametrize(
    "name, words",
    [
        ("session0", ["ملخص", "الجلسة", "نظرة", "عامة", "الحضور"]),
        ("recovery", ["مجموعة", "الاسترداد", "احفظ", "هذه", "الورقة", "في", "مكان", "آمن", "رمز"]),
        ("handout", ["ورقة", "للمشاركين", "ما", "يجري", "في", "هذه", "الجلسة"]),
    ],
)
def test_ocr_reads_arabic_pages_in_order(pdfs, tmp_path, name, words):
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    if "ara" not in langs.stdout:
        pytest.skip("the Arabic OCR model (tesseract-ocr-ara) is not installed")
    pdf = as_file(pdfs[(name, "ar")], tmp_path)
    # the upper part of the first page, where the words are, at a resolution OCR reads
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "130",
            "-f",
            "1",
            "-l",
            "1",
            "-x",
            "0",
            "-y",
            "0",
            "-W",
            "1075",
            "-H",
            "760",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    out = subprocess.run(
        ["tesseract", str(image), "-", "-l", "ara", "--psm", "4"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = _fold(out).split()
    position = -1
    for word in words:
        target = _fold(word)
        later = [i for i, w in enumerate(found) if i > position and target in w]
        assert later, (word, out[:400])
        position = later[0]


def test_bold_text_falls_back_to_bold_faces():
    """Headings and key figures in Cyrillic, Greek or Hebrew are bold too: the bold
    fallbacks are their own instances (ReportLab would otherwise share one face)."""
    fs = fonts()
    for (regular, _), (bold, _) in zip(fs.fallbacks[fs.regular], fs.fallbacks[fs.bold]):
        assert pdfmetrics.getFont(regular).face is not pdfmetrics.getFont(bold).face
        assert pdfmetrics.stringWidth("Ольга ש", bold, 10) > pdfmetrics.stringWidth(
            "Ольга ש", regular, 10
        )
    report = rm.Report(
        kind="session",
        lang="en",
        title="Ольга и Ayşe",
        period="2026",
        audience="facilitator",
        blocks=[rm.Heading("שרה")],
    )
    with pdfplumber.open(io.BytesIO(render_report(report))) as pdf:
        used = {c["text"]: c["fontname"] for c in pdf.pages[0].chars if c["size"] > 12}
    assert "NotoSans-Bold" in used["О"] and "NotoSans-Bold" in used["ş"]
    assert "Heebo-Bold" in used["ש"]
