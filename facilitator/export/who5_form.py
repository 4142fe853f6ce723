"""A printable blank WHO-5 Well-Being Index form, in English or Arabic.

In peer-support groups each participant fills in WHO-5 on paper and the facilitator
types the answers in later, so the app must be able to print the form itself. The
page follows the published layout: the five statements as rows, the six answers as
columns with "All of the time" (5) first in reading order, and in every cell a box
to tick with its score printed small in the box's upper corner. In Arabic the whole
table is mirrored (statements on the right, 5 next to them, 0 at the far left).

The form carries no data: the "Your code" box is for the participant to write the
random group code they were given, and nothing here ever prints a code, an alias or
a name. The scoring note for the facilitator only says how to add up the score; the
app never diagnoses, so the form has no clinical wording. When the wording is not
the instrument's published text (:attr:`MeasureText.status`), the form says so.

All text goes through the export layer's own helpers (:class:`TextBlock`,
:func:`visual`), so every code point is checked against the embedded font, Arabic is
shaped and reordered per line, and nothing is read as ReportLab markup. Page chrome,
the PRACTICE watermark, atomic writing and AES-256 encryption are the same as for
every other report.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus import TableStyle
from reportlab.platypus.flowables import HRFlowable

from facilitator.errors import InputError, ReportError
from facilitator.export.flowables import TextBlock, draw_line
from facilitator.export.fonts import fonts
from facilitator.export.output import write_pdf

# render_story: the page layout and chrome (header, footer, watermark) every export shares
from facilitator.export.pdf import Styles, make_styles, render_story
from facilitator.export.text import visual
from facilitator.i18n import QT_TRANSLATE_NOOP, pick
from facilitator.tracking import report_model as rm

if TYPE_CHECKING:  # the store and SQLAlchemy are not needed to print a form
    from facilitator.tracking.measures import MeasureText

MAX_COPIES = 50
#: Side of a tick box: big enough to tick with a pen without touching the lines.
BOX = 10 * mm
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#f1f4f7")
SCORE_GREY = colors.HexColor("#555555")
#: Share of the table width given to the statements; the rest is split between answers.
STATEMENT_SHARE = 0.36
Choices = tuple[tuple[int, str], ...]  # (score, label), highest score first

_T: dict[str, dict[str, str]] = {
    "subtitle": {"en": "Participant form", "ar": "استمارة المشارك"},
    "over": {"en": "Over the last two weeks", "ar": "خلال الأسبوعين الماضيين"},
    "tick": {
        "en": "Tick one box in each row. Higher numbers mean better well-being.",
        "ar": "ضع علامة في مربع واحد في كل سطر. الأرقام الأعلى تعني رفاهاً أفضل.",
    },
    "code": {"en": "Your code", "ar": "رمزك"},
    "date": {"en": "Date", "ar": "التاريخ"},
    "code_hint": {
        "en": "Write the code your group uses for you. Please do not write your name.",
        "ar": "اكتب الرمز الذي تستخدمه مجموعتك لك. يُرجى عدم كتابة اسمك.",
    },
    "scoring": {
        "en": "For the facilitator: add up the five numbers ticked to get the raw score "
        "(0 to 25), then multiply it by 4 for the score from 0 to 100, where 0 is the "
        "lowest and 100 the highest well-being. A row left blank is not scored.",
        "ar": "للميسّر: اجمع الأرقام الخمسة المختارة لتحصل على الدرجة الخام (من 0 إلى 25)، "
        "ثم اضربها في 4 لتحصل على الدرجة من 0 إلى 100، حيث 0 أدنى رفاه و100 أعلاه. "
        "السطر المتروك فارغاً لا يُحسب.",
    },
    "unverified": {
        "en": "This wording has not yet been checked against the published WHO-5 wording.",
        "ar": "لم تُراجَع هذه الصياغة العربية بعد مقابل النسخة العربية المنشورة من WHO-5.",
    },
    "organisation": {
        "en": "This wording was supplied by your organisation; it has not been checked against "
        "the published WHO-5 wording.",
        "ar": "هذه الصياغة العربية قدّمتها منظمتك، ولم تُراجَع مقابل النسخة العربية المنشورة "
        "من WHO-5.",
    },
    "confidentiality": {
        "en": "For the participant to fill in. No names on this form.",
        "ar": "يملؤها المشارك. لا أسماء على هذه الاستمارة.",
    },
}


def _t(key: str, lang: str) -> str:
    return pick(_T[key], lang)


def wording_note(text: MeasureText) -> str:
    """The honest line printed when the wording is not the published text ("" when it is)."""
    if text.status == "published":
        return ""
    return _t("organisation" if text.status == "organisation" else "unverified", text.lang)


class TickBox(Flowable):
    """An empty square to tick, with its score small in the upper corner (the right
    corner as on the published form, the left one on a mirrored right-to-left form)."""

    def __init__(self, score: int, rtl: bool, side: float = BOX) -> None:
        super().__init__()
        self.score = score
        self.rtl = rtl
        self.side = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.side
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0 = (self.width - self.side) / 2
        canv.saveState()
        canv.setStrokeColor(colors.black)
        canv.setFillColor(colors.white)
        canv.setLineWidth(0.9)
        canv.rect(x0, 0, self.side, self.side, stroke=1, fill=1)
        number = visual(str(self.score), fonts().regular, 7.5, self.rtl)
        canv.setFillColor(SCORE_GREY)
        pad = 2.2
        x = x0 + pad if self.rtl else x0 + self.side - pad - number.width
        draw_line(canv, number, x, self.side - pad - 5.2)
        canv.restoreState()


def _check(text: MeasureText) -> Choices:
    """The answer choices, highest score first; refuse a wording that is not WHO-5's
    shape, because the scoring note and the layout are WHO-5's."""
    choices = tuple(sorted(text.choices, key=lambda c: -c[0]))
    if len(text.items) != 5 or [v for v, _ in choices] != [5, 4, 3, 2, 1, 0]:
        raise ReportError(
            QT_TRANSLATE_NOOP(
                "export",
                "This WHO-5 wording does not have five statements and six answers "
                "scored 5 to 0, so the form cannot be printed.",
            )
        )
    return choices


def _fields(st: Styles, lang: str, width: float) -> list[Flowable]:
    """ "Your code" and "Date", each a label beside an empty box to write in."""
    label = st.body.but(font=fonts().bold, space_after=0)
    cells = [TextBlock(_t("code", lang), label), "", "", TextBlock(_t("date", lang), label), ""]
    widths = [width * w for w in (0.14, 0.34, 0.06, 0.12, 0.34)]
    boxes = [1, 4]
    if st.rtl:
        cells, widths = cells[::-1], widths[::-1]
        boxes = [len(cells) - 1 - i for i in boxes]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BOX", (i, 0), (i, 0), 0.9, colors.black) for i in boxes]
    table = Table(
        [cells], colWidths=widths, rowHeights=[11 * mm], hAlign="CENTER", style=TableStyle(commands)
    )
    return [table, Spacer(1, 3), TextBlock(_t("code_hint", lang), st.small)]


def _answer_table(text: MeasureText, choices: Choices, st: Styles, width: float) -> Table:
    """Statements as rows, answers as columns (mirrored in a right-to-left form)."""
    fs = fonts()
    rtl = st.rtl
    n = len(choices)
    first = width * STATEMENT_SHARE
    widths = [first] + [(width - first) / n] * n
    head = st.body.but(font=fs.bold, size=9.5, leading=12, align="center", space_after=0)
    corner = st.body.but(font=fs.bold, size=10, space_after=0)
    statement = st.body.but(size=12, leading=16, indent=18, space_after=0)
    header = [TextBlock(_t("over", text.lang), corner)] + [
        TextBlock(lab, head) for _, lab in choices
    ]
    rows = [header]
    for i, item in enumerate(text.items, start=1):
        rows.append(
            [TextBlock(item, statement, bullet=f"{i}.")]
            + [TickBox(value, rtl) for value, _ in choices]
        )
    if rtl:
        rows = [row[::-1] for row in rows]
        widths = widths[::-1]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
        ("TOPPADDING", (0, 1), (-1, -1), 11),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 11),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), SHADE) for r in range(2, len(rows), 2)]
    return Table(rows, colWidths=widths, hAlign="CENTER", style=TableStyle(commands))


def _one_form(text: MeasureText, choices: Choices, st: Styles, width: float) -> list[Flowable]:
    """The flowables of one form (each copy gets its own: flowables keep layout state)."""
    one: list[Flowable] = [
        TextBlock(text.title, st.title),
        TextBlock(_t("subtitle", text.lang), st.subtitle),
        *_fields(st, text.lang, width),
        Spacer(1, 8),
        TextBlock(text.instructions, st.body.but(size=12)),
        TextBlock(_t("tick", text.lang), st.note),
        Spacer(1, 4),
        _answer_table(text, choices, st, width),
        Spacer(1, 14),
        HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=0, spaceAfter=6),
        TextBlock(_t("scoring", text.lang), st.small),
        TextBlock(text.attribution, st.small),
    ]
    note = wording_note(text)
    if note:
        one.append(TextBlock(note, st.small.but(font=fonts().bold)))
    return one


def form_story(text: MeasureText, width: float, copies: int = 1) -> list[Flowable]:
    """The flowables of ``copies`` identical forms, one page each."""
    choices = _check(text)
    st = make_styles(text.lang)
    story: list[Flowable] = []
    for n in range(copies):
        if n:
            story.append(PageBreak())
        story.append(KeepTogether(_one_form(text, choices, st, width)))
    return story


def _check_copies(copies: int) -> int:
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "export", "The number of copies must be a whole number from 1 to {n}."
            ),
            params=dict(n=MAX_COPIES),
        )
    return copies


def render_who5_form(
    text: MeasureText,
    *,
    copies: int = 1,
    practice: bool = False,
    generated_at: datetime | None = None,
) -> bytes:
    """The blank form (``copies`` pages) as PDF bytes; ``text`` is a ``MeasureText``."""
    copies = _check_copies(copies)
    # an empty Report only carries the page chrome (header, footer, watermark) that
    # every export draws; "handout" because, like it, this page is for participants
    chrome = rm.Report(
        kind="handout",
        lang=text.lang,
        title=text.title,
        period=_t("subtitle", text.lang),
        audience="external",
        practice=practice,
        confidentiality=_t("confidentiality", text.lang),
        generated_at=generated_at or datetime.now(timezone.utc),
    )
    return render_story(
        chrome,
        lambda width: form_story(text, width, copies),
        subject=_t("subtitle", text.lang),
        what="form",
    )


def write_who5_form(
    path: str | Path,
    text: MeasureText,
    *,
    copies: int = 1,
    practice: bool = False,
    password: str | None = None,
) -> Path:
    """Write the blank WHO-5 form to ``path`` atomically (optionally AES-256 encrypted).

    ``text`` is ``measure_text(spec, lang)`` for the shipped spec or the store's row.
    """
    return write_pdf(
        render_who5_form(text, copies=copies, practice=practice), path, password=password
    )
