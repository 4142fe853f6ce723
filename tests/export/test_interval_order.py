"""Intervals ("-0.2 … 1.4", "0.7 … 3.3") in Arabic reports read low to high, left to
right, as a number run, wherever they are drawn: numeric table cells, cells or
sentences that also hold Arabic words, key figures, and real reports built from a
store. Checked on the page: pdfplumber's word positions around each ellipsis.
"""

from __future__ import annotations

import io
import os
import re

import pdfplumber
import pytest
from sqlalchemy import select

from facilitator.demo import generate_demo
from facilitator.export.pdf import render_report
from facilitator.store.db import Database
from facilitator.store.models import Base, Group
from facilitator.tracking import report_model as rm
from facilitator.tracking.reports import build_group_report, build_program_report

_NUMBER = re.compile(r"^[+\-\u2212]?\d+(?:\.\d+)?%?$")


def drawn_intervals(pdf_bytes: bytes) -> list[tuple[str, str]]:
    """(left end, right end) of every "a … b" drawn, by the x position of the words on
    its line (the ellipsis is a word of its own: the ends are spaced from it)."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for w in words:
                if w["text"] not in ("…", "..."):
                    continue
                line = sorted(
                    (
                        v
                        for v in words
                        if abs(v["top"] - w["top"]) < 2 and abs(v["bottom"] - w["bottom"]) < 2
                    ),
                    key=lambda v: v["x0"],
                )
                i = line.index(w)
                if 0 < i < len(line) - 1:
                    left, right = line[i - 1]["text"], line[i + 1]["text"]
                    if _NUMBER.match(left) and _NUMBER.match(right):
                        found.append((left, right))
    return found


def _value(text: str) -> float:
    return float(text.replace("\u2212", "-").rstrip("%"))


def assert_low_to_high(pairs: list[tuple[str, str]]) -> None:
    reversed_ = [(a, b) for a, b in pairs if _value(a) > _value(b)]
    assert not reversed_, f"drawn high end first: {reversed_}"


INTERVALS = [("-0.2", "1.4"), ("0.7", "3.3"), ("-1.5", "-0.2"), ("5%", "20%")]


def _sample(lang: str) -> rm.Report:
    ar = lang == "ar"
    t = lambda en, a: a if ar else en
    rows = [
        [
            t(f"Month {i}", f"الشهر {i}"),
            f"{lo} … {hi}",
            t(f"{lo} … {hi} points", f"{lo} … {hi} نقطة"),
        ]
        for i, (lo, hi) in enumerate(INTERVALS, start=1)
    ]
    return rm.Report(
        kind="program",
        lang=lang,
        title=t("Intervals", "الفترات"),
        period="2025",
        audience="supervisor",
        blocks=[
            rm.KeyFigures(
                [(t("95% CI", "فترة ثقة 95%"), "-0.2 … 1.4"), (t("Range", "النطاق"), "0.7 … 3.3")]
            ),
            rm.Table(
                [t("Month", "الشهر"), t("95% CI", "فترة ثقة 95%"), t("Range", "النطاق")],
                rows,
                numeric=frozenset({1}),
            ),
            rm.Paragraph(
                t(
                    "The interval was -0.2 … 1.4 overall and 0.7 … 3.3 in March.",
                    "كانت فترة الثقة -0.2 … 1.4 إجمالاً و 0.7 … 3.3 في مارس.",
                )
            ),
        ],
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_sample_intervals_are_drawn_low_end_on_the_left(lang):
    pairs = drawn_intervals(render_report(_sample(lang)))
    # key figures 2, numeric cells 4, Arabic-holding cells 4, sentence 2: all found
    assert sorted(pairs) == sorted(INTERVALS * 2 + [("-0.2", "1.4"), ("0.7", "3.3")] * 2)
    assert_low_to_high(pairs)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("demo") / "demo.db", os.urandom(32))
    Base.metadata.create_all(db.engine)
    generate_demo(db, groups=2, weeks=10, seed=3)
    with db.session() as s:
        groups = [g for (g,) in s.execute(select(Group.id).order_by(Group.name))]
    yield db, groups
    db.close()


def test_real_arabic_reports_draw_their_intervals_low_to_high(demo_db):
    db, groups = demo_db
    pairs = drawn_intervals(render_report(build_program_report(db, None, None, "ar")))
    for group in groups:
        pairs += drawn_intervals(render_report(build_group_report(db, group, None, None, "ar")))
    assert len(pairs) >= 6  # the check-in tables carry confidence intervals
    assert_low_to_high(pairs)
