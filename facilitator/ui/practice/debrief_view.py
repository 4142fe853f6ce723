"""The debrief, in the order simulation debriefing asks for (PEARLS, INACSL):

1. the trainee's own reactions and self-rating (nothing else is shown until saved);
2. the timeline of key moments, each choice beside the strongest option, with its
   feedback and the rule or safety step it cites;
3. scores per competency with the reason for every point, critical actions and the
   global result;
4. what to practise next.

All of it comes from :func:`facilitator.app.practice_review.debrief`; this only draws.
"""

from __future__ import annotations

from functools import partial

from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice_review as review
from facilitator.practice import text as ptext
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.practice.digits import text_digits
from facilitator.ui.run.common import set_font
from facilitator.ui.translations import format_number


def _wrap(text: str = "", factor: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    set_font(label, factor, bold)
    return label


class DebriefView(QWidget):
    """Reactions first; the rest appears once they are saved."""

    done = Signal()
    review_requested = Signal(str)

    def __init__(self, ctx: Any, attempt_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debriefView")
        self.ctx, self.attempt_id, self.lang = ctx, attempt_id, ctx.lang
        self.debrief: Optional[review.Debrief] = None
        self.section_titles: list[QLabel] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 6, 6)
        outer.addWidget(PracticeBanner(self))
        self.body = QWidget(self)
        self.box = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        bar = QHBoxLayout()
        self.pdf_en = QPushButton(self.tr("Feedback PDF (English)"), self)
        self.pdf_ar = QPushButton(self.tr("Feedback PDF (Arabic)"), self)
        self.pdf_en.setObjectName("feedbackPdfEn")
        self.pdf_ar.setObjectName("feedbackPdfAr")
        self.pdf_en.clicked.connect(lambda: self.save_pdf("en"))
        self.pdf_ar.clicked.connect(lambda: self.save_pdf("ar"))
        self.review_button = QPushButton(self.tr("Trainer review"), self)
        self.review_button.setObjectName("openReview")
        self.review_button.clicked.connect(lambda: self.review_requested.emit(self.attempt_id))
        self.close_button = QPushButton(self.tr("Back to practice"), self)
        self.close_button.clicked.connect(self.done.emit)
        for b in (self.pdf_en, self.pdf_ar, self.review_button):
            b.setEnabled(False)
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        outer.addLayout(bar)
        self._build_reactions()
        mine = review.reflection(ctx.db, attempt_id, who=getattr(ctx, "principal", None))
        if mine is not None:
            self._show_rest()

    # ---- 1. reactions ----------------------------------------------------------------------
    def _section(self, text: str, name: str) -> QLabel:
        label = _wrap(text, 1.5, True, name)
        self.section_titles.append(label)
        self.box.addWidget(label)
        return label

    def _build_reactions(self) -> None:
        self._section(self.tr("1. How was that for you?"), "sectionReactions")
        self.box.addWidget(
            _wrap(self.tr("Before any score: what happened for you, and how did it feel?"), 1.05)
        )
        self.reactions = QPlainTextEdit(self.body)
        self.reactions.setObjectName("reactionsText")
        self.reactions.setMaximumHeight(110)
        self.box.addWidget(self.reactions)
        self.box.addWidget(_wrap(self.tr("What went well?"), 1.05))
        self.went_well = QLineEdit(self.body)
        self.went_well.setObjectName("wentWell")
        self.box.addWidget(self.went_well)
        self.box.addWidget(
            _wrap(
                self.tr("How well did it go, from %1 (not well) to %2 (very well)?")
                .replace("%1", format_number(1))
                .replace("%2", format_number(5)),
                1.05,
            )
        )
        row = QHBoxLayout()
        self.rating = QButtonGroup(self)
        for n in range(1, 6):
            b = QRadioButton(format_number(n), self.body)
            b.setObjectName(f"selfRating{n}")
            self.rating.addButton(b, n)
            row.addWidget(b)
        row.addStretch(1)
        self.box.addLayout(row)
        self.save_reactions = QPushButton(self.tr("Save and show the debrief"), self.body)
        self.save_reactions.setObjectName("saveReactions")
        self.save_reactions.clicked.connect(self.submit_reactions)
        self.box.addWidget(self.save_reactions, 0, Qt.AlignmentFlag.AlignLeading)
        self.reactions_error = _wrap("", 1.0, name="reactionsError")
        self.reactions_error.setStyleSheet("color: #b71c1c;")
        self.box.addWidget(self.reactions_error)
        self.box.addStretch(1)

    def submit_reactions(self) -> None:
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        try:
            review.save_reflection(
                self.ctx.db,
                self.attempt_id,
                self.reactions.toPlainText(),
                self.rating.checkedId(),
                self.went_well.text(),
                who=getattr(self.ctx, "principal", None),
            )
        except FacilitatorError as exc:
            self.reactions_error.setText(error_text(exc, self.lang))
            from facilitator.ui.sign_in import offer_sign_in

            self.sign_in_dialog = offer_sign_in(self, self.ctx, exc, self.submit_reactions)
            return
        self.reactions_error.clear()
        self._show_rest()

    # ---- 2-4 -------------------------------------------------------------------------------
    def _show_rest(self) -> None:
        d = review.debrief(
            self.ctx.db, self.attempt_id, self.lang, who=getattr(self.ctx, "principal", None)
        )
        self.debrief = d
        self.reactions.setPlainText(d.reflection.reactions)
        self.went_well.setText(d.reflection.went_well)
        btn = self.rating.button(d.reflection.self_rating)
        if btn is not None:
            btn.setChecked(True)
        for w in (self.reactions, self.went_well, self.save_reactions):
            w.setEnabled(False)
        for b in self.rating.buttons():
            b.setEnabled(False)
        stretch = self.box.itemAt(self.box.count() - 1)
        if stretch is not None and stretch.spacerItem() is not None:
            self.box.removeItem(stretch)

        # numbers in the interface's digits (Arabic-Indic in Arabic), as on every screen
        digits = partial(text_digits, lang=self.lang)  # codes such as K4T kept
        self._section(self.tr("2. Key moments"), "sectionMoments")
        for m in d.moments:
            frame = QFrame(self.body)
            frame.setObjectName("momentCard")
            frame.setStyleSheet(
                "QFrame#momentCard { border: 1px solid #b0bec5; border-radius: 6px; }"
            )
            fb = QVBoxLayout(frame)
            fb.addWidget(_wrap(digits(f"{ptext.clock(m.t)}  {m.prompt}"), 1.1, True))
            cols = QHBoxLayout()
            mine = _wrap(
                self.tr("You chose: %1").replace("%1", digits(m.chosen)), 1.0, name="chosen"
            )
            cols.addWidget(mine, 1)
            if m.is_best:
                cols.addWidget(
                    _wrap(self.tr("This was the strongest option."), 1.0, name="bestTaken"), 1
                )
                mine.setStyleSheet("color: #1b5e20;")
            else:
                best = _wrap(
                    self.tr("Strongest option: %1").replace("%1", digits(m.best)),
                    1.0,
                    name="bestOption",
                )
                best.setStyleSheet("color: #0d47a1;")
                cols.addWidget(best, 1)
            fb.addLayout(cols)
            fb.addWidget(_wrap(self.tr("Feedback: %1").replace("%1", digits(m.feedback)), 1.0))
            sep = "، " if self.lang == "ar" else "; "
            fb.addWidget(_wrap(self.tr("See: %1").replace("%1", digits(sep.join(m.cites))), 0.95))
            for note in m.comments:
                fb.addWidget(
                    _wrap(
                        self.tr("Trainer (%1): %2")
                        .replace("%1", note.author)
                        .replace("%2", note.text),
                        0.95,
                    )
                )
            self.box.addWidget(frame)
        if d.safety_opened:
            self.box.addWidget(
                _wrap(
                    self.tr("You opened the Safety steps at %1.").replace(
                        "%1", digits(", ".join(ptext.clock(s) for s in d.safety_opened))
                    ),
                    1.0,
                )
            )
        elif any(m.safety_critical for m in d.moments):
            self.box.addWidget(_wrap(self.tr("You did not open the Safety steps."), 1.0))

        self._section(self.tr("3. Scores"), "sectionScores")
        for c in d.competencies:
            head = _wrap(
                f"{c.name}: "
                + self.tr("%1 of %2")
                .replace("%1", format_number(c.effective))
                .replace("%2", format_number(c.best)),
                1.1,
                True,
                f"score_{c.id}",
            )
            self.box.addWidget(head)
            if c.override is not None:
                self.box.addWidget(
                    _wrap(
                        self.tr("Changed from %1 by %2: %3")
                        .replace("%1", format_number(c.score))
                        .replace("%2", c.override.author)
                        .replace("%3", c.override.reason),
                        0.95,
                    )
                )
            for reason in c.reasons:
                self.box.addWidget(_wrap("    " + digits(reason), 0.95))
        if d.critical:
            self.box.addWidget(_wrap(ptext.t("critical", self.lang), 1.1, True))
            for title, ok in d.critical:
                mark = ptext.t("done", self.lang) if ok else ptext.t("missed", self.lang)
                lab = _wrap(f"[{mark}] {title}", 1.0)
                lab.setStyleSheet("color: #1b5e20;" if ok else "color: #b71c1c;")
                self.box.addWidget(lab)
        result = _wrap(digits(d.result_text), 1.3, True, "globalResult")
        self.box.addWidget(result)
        if d.capped:
            self.box.addWidget(_wrap(ptext.t("capped", self.lang), 1.0))

        self._section(self.tr("4. What to practise next"), "sectionNext")
        for line in d.next_steps:
            self.box.addWidget(_wrap("•  " + digits(line), 1.05, name="nextStep"))
        self.box.addStretch(1)
        for b in (self.pdf_en, self.pdf_ar, self.review_button):
            b.setEnabled(True)

    def section_order(self) -> list[str]:
        """Section names top to bottom, in the page's layout (for tests)."""
        return [
            w.objectName() for w in sorted(self.section_titles, key=lambda w: self.box.indexOf(w))
        ]

    def save_pdf(self, lang: str, path: Optional[str] = None) -> Optional[str]:
        if path is None:
            from datetime import date

            from facilitator.ui.save_files import ask_save_path, file_name

            path = ask_save_path(
                self,
                self.ctx.settings,
                self.tr("Save the practice feedback"),
                file_name("practice-feedback", date.today(), lang, ext="pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not path:
                return None
        from facilitator.errors import FacilitatorError
        from facilitator.ui import widgets as W

        try:
            review.feedback_pdf(
                self.ctx.db, self.attempt_id, lang, path, who=getattr(self.ctx, "principal", None)
            )
        except FacilitatorError as exc:
            W.show_error(self, exc)
            return None
        return path
