"""The participant handout (no data, no facilitator text) and the recovery kit."""

from __future__ import annotations

import re

import pytest

from facilitator.errors import InputError
from facilitator.export.handout import handout_for
from facilitator.export.pdf import render_report
from facilitator.export.recovery_kit import build_recovery_kit, format_code, write_recovery_kit
from facilitator.scripts.library import load_script
from facilitator.store import recovery
from tests.export.pdfcheck import (
    as_file,
    key,
    needs_poppler,
    needs_qpdf,
    page_texts,
    pdftotext,
    qpdf_check,
)

SCRIPT = "grief-loss-circle"


def test_english_handout_has_agenda_and_rules_but_no_facilitator_text():
    script = load_script(SCRIPT)
    text = "\n".join(page_texts(render_report(handout_for(SCRIPT, "en"))))
    assert script.title.en in text
    for i, step in enumerate(script.steps, start=1):
        assert re.search(rf"^{i} {re.escape(step.title.en)} {step.minutes}$", text, re.M), step.id
    assert "Confidentiality" in text
    for step in script.steps:
        assert step.say.en[:40] not in text
        if step.notes is not None:
            assert step.notes.en[:40] not in text
        for prompt in step.prompts:
            assert prompt.en not in text


def test_group_rules_appear_on_the_handout():
    extra = [
        {
            "id": "phones",
            "title": {"en": "Phones away", "ar": "الهواتف جانبًا"},
            "text": {"en": "Phones stay in bags.", "ar": "تبقى الهواتف في الحقائب."},
        }
    ]
    text = "\n".join(page_texts(render_report(handout_for(SCRIPT, "en", extra_rules=extra))))
    assert "Phones away: Phones stay in bags." in text


@needs_poppler
def test_arabic_handout_reads_back(tmp_path):
    script = load_script(SCRIPT)
    path = as_file(render_report(handout_for(SCRIPT, "ar")), tmp_path)
    text = key(pdftotext(path))
    assert key(script.title.ar) in text
    for step in script.steps:
        assert key(step.title.ar) in text


@needs_qpdf
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_handout_and_kit_pass_qpdf(tmp_path, lang):
    qpdf_check(as_file(render_report(handout_for(SCRIPT, lang)), tmp_path, "h.pdf"))
    kit = write_recovery_kit(tmp_path / "kit.pdf", recovery.generate(), tmp_path / "f.db", lang)
    qpdf_check(kit)


def test_recovery_kit_shows_grouped_code_path_and_warning(tmp_path):
    code = recovery.generate()
    db = tmp_path / "store" / "facilitator.db"
    path = write_recovery_kit(tmp_path / "kit.pdf", code, db, "en")
    text = "\n".join(page_texts(path.read_bytes()))
    groups = code.split("-")
    assert " - ".join(groups[:4]) in text and " - ".join(groups[4:]) in text
    typed_back = re.search(r"Your recovery code\n(.+)\n(.+)\n", text)
    assert recovery.parse(typed_back.group(1) + typed_back.group(2)) == code
    assert "Keep this paper somewhere safe" in text
    assert "It unlocks all data in this store" in text
    assert str(db) in text
    assert len(page_texts(path.read_bytes())) == 1


@needs_poppler
def test_arabic_recovery_kit_keeps_code_and_path_readable(tmp_path):
    code = recovery.generate()
    path = write_recovery_kit(tmp_path / "kit.pdf", code, "/data/fac/facilitator.db", "ar")
    text = pdftotext(path)
    assert code.replace("-", "") in key(text).replace("-", "")
    assert "/data/fac/facilitator.db" in text
    assert key("احفظ هذه الورقة في مكان آمن") in key(text)


def test_format_code_groups_bare_codes_and_refuses_junk():
    assert format_code("abcde12345fghjk") == "ABCDE - 12345 - FGHJK"
    with pytest.raises(InputError):
        format_code("<script>")
    report = build_recovery_kit("ABCDE-12345", "/x.db", "en")
    assert report.kind == "recovery_kit" and report.audience == "facilitator"
