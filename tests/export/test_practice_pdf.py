"""The practice feedback PDF's layout: the result stays with its section, and the page
header is never cut short (the seed is given whole on the first page)."""

from __future__ import annotations

import pytest

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.practice.engine import ManualClock
from facilitator.export.pdf import render_report
from facilitator.tracking import report_model as rm
from tests.export.pdfcheck import key, page_texts

BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}


def _attempt(db, seed):
    from tests.practice.test_app_practice import play_through

    clock = ManualClock(50.0)
    attempt = svc.start_attempt(db, "suicidal-disclosure-round", "Sam", seed=seed, clock=clock)
    play_through(attempt, clock, BEST)
    review.save_reflection(
        db, attempt.id, "Tense at first, calmer once I had said the first words. " * 6, 4
    )
    for n in range(6):  # trainer comments make the moments long, as on a real review
        review.add_comment(
            db, attempt.id, "Tom", "A calm voice and a clear next step here. " * 3, None
        )
    return attempt.id


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_result_never_stands_alone_and_the_header_is_whole(raw_db, lang):
    aid = _attempt(raw_db, seed=1_319_491_430)
    # pdfplumber gives Arabic lines in visual order: search for both directions
    pages = [
        key(p) + "|" + key(p)[::-1] for p in page_texts(review.feedback_pdf(raw_db, aid, lang))
    ]
    result_word = key("Result:" if lang == "en" else "النتيجة")
    critical = key("Critical actions" if lang == "en" else "الإجراءات الحاسمة")
    on = [i for i, p in enumerate(pages) if result_word in p]
    assert on, "the result line is in the PDF"
    assert critical in pages[on[0]], "the result sits on the page of the list it concludes"
    assert not any("…" in p for p in pages), "nothing in the page header is cut short"
    assert "1319491430" in pages[0] or "0341949131" in pages[0]


def test_a_kept_paragraph_moves_on_with_the_block_above_wherever_the_page_ends():
    """Whatever fills the page before, the last item of the list and the line kept with
    it are on the same page (without the keep, some filler lengths part them)."""
    for filler in range(30, 56):
        blocks: list[rm.Block] = [rm.Paragraph(f"Filler line {n}.") for n in range(filler)]
        blocks += [
            rm.Heading("Critical actions", 2),
            rm.BulletList([f"Action number {n}" for n in range(4)]),
            rm.Paragraph("Result: Competent", keep_with_previous=True),
        ]
        report = rm.Report(
            kind="handout",
            lang="en",
            title="T",
            period="p",
            audience="facilitator",
            blocks=blocks,
        )
        pages = page_texts(render_report(report))
        last = next(i for i, p in enumerate(pages) if "Action number 3" in p)
        assert "Result: Competent" in pages[last], f"parted with {filler} filler lines"
