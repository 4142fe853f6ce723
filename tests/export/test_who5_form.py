"""The blank WHO-5 paper form: wording, mirrored table, copies, watermark, password, CLI."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import unicodedata

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from facilitator.cli.main import main
from facilitator.errors import InputError, ReportError
from facilitator.export import who5_form
from facilitator.export.fonts import fonts
from facilitator.export.text import PLACEHOLDER
from facilitator.export.who5_form import render_who5_form, write_who5_form
from facilitator.tracking.measures import builtin_spec, get_measure, measure_text
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

DIAGNOSTIC = (
    "depress",
    "diagnos",
    "disorder",
    "clinical",
    "illness",
    "symptom",
    "screening",
    "اكتئاب",
    "تشخيص",
    "اضطراب",
    "مرض",
)


def who5(lang: str, **changes):
    text = measure_text(builtin_spec("who5"), lang)
    return dataclasses.replace(text, **changes) if changes else text


@pytest.fixture(scope="module")
def forms() -> dict[str, bytes]:
    return {lang: render_who5_form(who5(lang)) for lang in ("en", "ar")}


def _words(data: bytes, page: int = 0) -> list[dict]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[page].extract_words()


def _visual_to_logical(word: str) -> str:
    """pdfplumber gives right-to-left words in visual order; reverse them character by
    character, then NFKC each (a lam-alef ligature comes back as lam, alef)."""
    return "".join(unicodedata.normalize("NFKC", ch) for ch in reversed(word))


def _tick_boxes(data: bytes) -> list[list[dict]]:
    """The square tick boxes of each page, as pdfplumber sees the drawn rectangles."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            [r for r in p.rects if abs(r["width"] - r["height"]) < 0.5 and r["width"] > 20]
            for p in pdf.pages
        ]


def _score_columns(data: bytes) -> list[int]:
    """The small score numbers of the first statement row, left to right."""
    boxes = sorted(_tick_boxes(data)[0], key=lambda r: (round(r["top"]), r["x0"]))[:6]
    words = _words(data)
    scores = []
    for box in boxes:
        inside = [
            w["text"]
            for w in words
            if box["x0"] <= w["x0"]
            and w["x1"] <= box["x1"]
            and box["top"] <= w["top"]
            and w["bottom"] <= box["bottom"]
        ]
        assert len(inside) == 1, inside
        scores.append(int(inside[0]))
    return scores


def _statements(data: bytes, page: int = 0) -> str:
    """The English statement column on its own (its lines wrap beside the boxes)."""
    left_of_boxes = min(b["x0"] for b in _tick_boxes(data)[page]) - 2
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[page]
        return re.sub(r"\s+", " ", p.crop((0, 0, left_of_boxes, p.height)).extract_text())


def _loose(text: str) -> str:
    """pdftotext gives the mirrored brackets of "(WHO-5)" inside Arabic back as ")(WHO-5"
    (it does not undo the mirroring) and moves the full stop after "WHO-5" in front of
    it (".WHO-5"), as it does with an Arabic comma after a number ("،100"), so brackets,
    full stops and commas are left out of these comparisons; the page's own order is
    checked by glyph positions (test_arabic_title_brackets_..., ..._word_positions)."""
    return re.sub(r"[().،]", "", text)


def test_english_form_holds_title_instructions_statements_and_fields(forms):
    text = page_texts(forms["en"])[0]
    en = who5("en")
    flat = re.sub(r"\s+", " ", text)
    assert en.title in text and en.instructions in flat
    statements = _statements(forms["en"])
    for n, item in enumerate(en.items, start=1):
        assert f"{n}. {item}" in statements, item
    assert "Your code" in text and "Date" in text
    assert "raw score (0 to 25)" in flat and "multiply it by 4" in flat and "0 to 100" in flat
    assert en.attribution in flat
    assert "Psychiatric Research Unit, Mental Health Centre North Zealand" in flat
    assert "not yet been checked" not in flat  # English is the published wording


def test_each_answer_column_carries_its_label(forms):
    """The header cells wrap, so read each answer column's header on its own."""
    en = who5("en")
    with pdfplumber.open(io.BytesIO(forms["en"])) as pdf:
        page = pdf.pages[0]
        boxes = sorted(_tick_boxes(forms["en"])[0], key=lambda r: (round(r["top"]), r["x0"]))[:6]
        corner = next(w for w in page.extract_words() if w["text"] == "Over")
        step = boxes[1]["x0"] - boxes[0]["x0"]
        for box, (value, label) in zip(boxes, en.choices):
            middle = (box["x0"] + box["x1"]) / 2
            cell = page.crop(
                (
                    middle - step / 2 + 1,
                    corner["top"] - 25,
                    middle + step / 2 - 1,
                    boxes[0]["top"] - 12,
                )
            )
            assert re.sub(r"\s+", " ", cell.extract_text()) == label


def test_english_reads_all_of_the_time_first_and_arabic_mirrors_it(forms):
    assert _score_columns(forms["en"]) == [5, 4, 3, 2, 1, 0]
    assert _score_columns(forms["ar"]) == [0, 1, 2, 3, 4, 5]  # right to left: 5 first
    for lang, statement_side in (("en", "left"), ("ar", "right")):
        boxes = _tick_boxes(forms[lang])[0]
        words = _words(forms[lang])
        first_word = who5(lang).items[0].split(" ")[-1]
        if lang == "ar":
            hit = [w for w in words if key(_visual_to_logical(w["text"])) == key(first_word)]
        else:
            hit = [w for w in words if w["text"] == first_word]
        assert hit, first_word
        if statement_side == "left":
            assert hit[0]["x1"] < min(b["x0"] for b in boxes)
        else:
            assert hit[0]["x0"] > max(b["x1"] for b in boxes)


def test_arabic_glyph_order_by_word_positions(forms):
    """Every word of every Arabic statement is in logical order once its visual glyphs
    are reversed, and the words of a line run from right to left."""
    words = _words(forms["ar"])
    for item in who5("ar").items:
        expected = [key(w) for w in item.split(" ")]
        found = {key(_visual_to_logical(w["text"])): w for w in words}
        assert all(e in found for e in expected), (item, expected)
        xs = [found[e]["x0"] for e in expected]
        tops = [found[e]["top"] for e in expected]
        same_line = [x for x, t in zip(xs, tops) if abs(t - tops[0]) < 2]
        assert same_line == sorted(same_line, reverse=True), item


def test_arabic_title_brackets_are_drawn_around_who5(forms):
    """On the page (visual order) the title line reads "(WHO-5)" at its left end, then
    the Arabic words from right to left: the brackets enclose the Latin name."""
    words = _words(forms["ar"])
    # the drawn brackets copy out as the brackets typed (logical), so compare shapes
    same = str.maketrans("()", "||")
    title_top = next(
        w["top"] for w in words if w["text"].translate(same) == "|WHO-5|" and w["top"] > 60
    )
    line = sorted((w for w in words if abs(w["top"] - title_top) < 3), key=lambda w: w["x0"])
    assert line[0]["text"].translate(same) == "|WHO-5|"
    logical = [key(_visual_to_logical(w["text"])) for w in reversed(line[1:])]
    assert logical == [key(w) for w in who5("ar").title.split(" ")[:-1]]


@needs_poppler
def test_arabic_form_reads_back_with_pdftotext(tmp_path, forms):
    ar = who5("ar")
    text = _loose(key(pdftotext(as_file(forms["ar"], tmp_path))))
    for part in (ar.title, ar.instructions, ar.attribution, *ar.items):
        assert _loose(key(part)) in text, part
    for _, label in ar.choices:
        for word in label.split(" "):  # header cells wrap between words
            assert key(word) in text, label
    assert key("رمزك") in text and key("التاريخ") in text
    assert _loose(key("الدرجة الخام (من 0 إلى")) in text and key("اضربها في 4") in text
    assert _loose(key("لتحصل على الدرجة من 0 إلى 100")) in text
    assert key("لم تُراجَع هذه الصياغة العربية بعد مقابل النسخة العربية المنشورة") in text


@needs_poppler
def test_wording_note_follows_the_status(tmp_path):
    note = key("لم تُراجَع هذه الصياغة العربية بعد")
    published = as_file(render_who5_form(who5("ar", status="published")), tmp_path, "p.pdf")
    assert note not in key(pdftotext(published))
    org = as_file(render_who5_form(who5("ar", status="organisation")), tmp_path, "o.pdf")
    assert key("هذه الصياغة العربية قدّمتها منظمتك") in key(pdftotext(org))
    spec = dict(builtin_spec("who5"), translation_status="published")
    assert measure_text(spec, "ar").status == "published"
    assert note not in key(
        pdftotext(as_file(render_who5_form(measure_text(spec, "ar")), tmp_path, "s.pdf"))
    )


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_diagnostic_words_and_no_missing_glyphs(tmp_path, forms, lang):
    text = pdftotext(as_file(forms[lang], tmp_path)).lower()
    normal = unicodedata.normalize("NFKC", text)
    assert not [w for w in DIAGNOSTIC if w in normal]
    assert PLACEHOLDER not in text
    # every character the form prints is one the embedded font has
    strings = [
        who5(lang).title,
        who5(lang).instructions,
        who5(lang).attribution,
        *who5(lang).items,
        *(label for _, label in who5(lang).choices),
        *(who5_form.pick(v, lang) for v in who5_form._T.values()),
    ]
    missing = {ch for s in strings for ch in s if ord(ch) not in fonts().coverage}
    assert not missing


@needs_qpdf
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_form_passes_qpdf_check(tmp_path, forms, lang):
    qpdf_check(as_file(forms[lang], tmp_path))


def test_copies_give_one_complete_form_a_page():
    data = render_who5_form(who5("en"), copies=3)
    assert len(page_texts(data)) == 3
    boxes = _tick_boxes(data)
    assert [len(b) for b in boxes] == [30, 30, 30]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, page_boxes in zip(pdf.pages, boxes):
            left = page.crop((0, 0, min(b["x0"] for b in page_boxes) - 2, page.height))
            statements = re.sub(r"\s+", " ", left.extract_text())
            assert all(item in statements for item in who5("en").items)
            assert statements.count("Your code") == 1
            # big enough to tick (at least 8 mm), all inside the A4 page
            assert all(b["width"] >= 8 * 72 / 25.4 for b in page_boxes)
            assert all(
                0 < b["x0"] and b["x1"] < page.width and 0 < b["top"] and b["bottom"] < page.height
                for b in page_boxes
            )


@pytest.mark.parametrize("copies", [0, -1, 51, True, 2.5])
def test_bad_copies_are_refused(copies, tmp_path):
    with pytest.raises(InputError, match="copies"):
        write_who5_form(tmp_path / "f.pdf", who5("en"), copies=copies)
    assert not (tmp_path / "f.pdf").exists()


def test_a_wording_that_is_not_who5_shaped_is_refused():
    with pytest.raises(ReportError, match="five statements"):
        render_who5_form(who5("en", items=who5("en").items[:4]))


def test_a_long_organisation_wording_still_lays_out():
    """An organisation may store statements of up to 300 characters: the rows grow and
    may run on to a second page, but the form is still made."""
    long_item = "عبارة طويلة جداً كتبتها المنظمة " * 9
    data = render_who5_form(who5("ar", items=(long_item,) * 5, status="organisation"))
    assert 1 <= len(page_texts(data)) <= 2


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_practice_watermark_only_when_asked(lang):
    practice = stream_texts(render_who5_form(who5(lang), copies=2, practice=True))
    assert len(practice) == 2 and all("PRACTICE" in t for t in practice)
    assert not any("PRACTICE" in t for t in stream_texts(render_who5_form(who5(lang))))


@needs_poppler
def test_password_protected_form_needs_its_password(tmp_path):
    path = write_who5_form(tmp_path / "enc.pdf", who5("ar"), password="form password")
    reader = PdfReader(path)
    assert reader.is_encrypted
    with pytest.raises((FileNotDecryptedError, DependencyError)):
        reader.pages[0].extract_text()
    assert PdfReader(path).decrypt("wrong").name == "NOT_DECRYPTED"
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0
    assert key(who5("ar").items[0]) in key(pdftotext(path, "-upw", "form password"))


# --- CLI --------------------------------------------------------------------------

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def store(tmp_path, memory_keyring):
    """A store with participants (codes and aliases that must never be printed) and an
    organisation's own Arabic wording of the first statement."""
    from facilitator.store.models import Group, Participant
    from facilitator.store.service import create_store

    path = tmp_path / "data" / "f.db"
    path.parent.mkdir()
    created = create_store(path, passphrase=PASSPHRASE, use_keyring=False)
    with created.db.unit() as s:
        group = Group(name="Thursday circle", program_type="grief")
        s.add(group)
        s.flush()
        s.add_all(
            [Participant(group_id=group.id, code=f"QX{i}7", alias=f"Alias{i}") for i in range(4)]
        )
        row = get_measure(s, "who5")
        spec = dict(row.spec, translation_status="organisation")
        spec["items"] = [dict(i) for i in spec["items"]]
        spec["items"][0] = dict(
            spec["items"][0],
            text={"en": spec["items"][0]["text"]["en"], "ar": "كنتُ مبتهجاً ومعنوياتي عالية"},
        )
        row.spec = spec
    created.close()
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"db": str(path), "pass": str(pw)}


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_writes_the_shipped_form_without_a_store(tmp_path, capsys, lang):
    out = tmp_path / f"who5-{lang}.pdf"
    assert main(["report", "who5-form", "--lang", lang, "--out", str(out), "--copies", "2"]) == 0, (
        capsys.readouterr().err
    )
    assert "Wrote" in capsys.readouterr().out
    assert len(PdfReader(out).pages) == 2
    assert key(who5(lang).items[0]) in key(pdftotext(out))


@needs_poppler
def test_cli_with_db_prints_the_stores_wording_and_no_codes(store, tmp_path, capsys):
    out = tmp_path / "org.pdf"
    assert (
        main(
            [
                "report",
                "who5-form",
                "--lang",
                "ar",
                "--out",
                str(out),
                "--db",
                store["db"],
                "--passphrase-file",
                store["pass"],
            ]
        )
        == 0
    ), capsys.readouterr().err
    text = pdftotext(out)
    assert key("كنتُ مبتهجاً ومعنوياتي عالية") in key(text)
    assert key(who5("ar").items[0]) not in key(text)
    assert key("هذه الصياغة العربية قدّمتها منظمتك") in key(text)
    en = tmp_path / "org-en.pdf"
    assert (
        main(
            [
                "report",
                "who5-form",
                "--out",
                str(en),
                "--db",
                store["db"],
                "--passphrase-file",
                store["pass"],
            ]
        )
        == 0
    )
    for printed in (text, pdftotext(en)):
        assert "QX" not in printed and "Alias" not in printed and "Thursday" not in printed


def test_cli_password_file_encrypts_the_form(tmp_path):
    pw = tmp_path / "p.txt"
    pw.write_text("form password\n", encoding="utf-8")
    out = tmp_path / "enc.pdf"
    assert main(["report", "who5-form", "--out", str(out), "--password-file", str(pw)]) == 0
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("form password").name != "NOT_DECRYPTED"


@pytest.mark.parametrize(
    "extra, message",
    [
        (["who5-form", "--copies", "0"], "--copies must be a whole number from 1 to 50"),
        (["who5-form", "--copies", "-2"], "--copies must be"),
        (["who5-form", "--copies", "51"], "--copies must be"),
        (["who5-form", "--copies", "two"], "--copies must be"),
        (["who5-form", "--copies", "1.5"], "--copies must be"),
        (["handout", "--script", "grief-loss-circle", "--copies", "2"], "who5-form only"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_1(tmp_path, capsys, extra, message):
    out = tmp_path / "bad.pdf"
    assert main(["report", *extra, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("facilitator: error:")]
    assert len(errors) == 1 and message in errors[0]
    assert not out.exists()
