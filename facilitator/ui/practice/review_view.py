"""The trainer's review of one attempt: comment on any moment, change a score with a
reason, rate it blind as a second trainer and see the agreement, replay it.

Reads and writes practice data only, through :mod:`facilitator.app.practice_review`.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import practice_review as review
from facilitator.practice import text as ptext
from facilitator.practice.model import RESULTS
from facilitator.ui.practice.banner import PracticeBanner
from facilitator.ui.run.common import set_font


def _wrap(text: str = "", factor: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    set_font(label, factor, bold)
    return label


class ReplayDialog(QDialog):
    def __init__(self, ctx: Any, attempt_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayDialog")
        self.setWindowTitle(self.tr("Replay from its seed"))
        lines, same = review.replay_transcript(
            ctx.db, attempt_id, ctx.lang, who=getattr(ctx, "principal", None)
        )
        self.same = same
        box = QVBoxLayout(self)
        box.addWidget(PracticeBanner(self))
        self.verdict = _wrap(
            self.tr("Played again from its seed and inputs: the same as the stored transcript.")
            if same
            else self.tr(
                "Played again from its seed and inputs: it differs from the stored transcript."
            ),
            1.05,
            True,
            "replayVerdict",
        )
        box.addWidget(self.verdict)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(lines))
        box.addWidget(self.text, 1)
        b = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        b.rejected.connect(self.reject)
        box.addWidget(b)
        self.resize(860, 640)


class ReviewView(QWidget):
    done = Signal()

    def __init__(
        self, ctx: Any, attempt_id: str, reviewer: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.ctx, self.attempt_id, self.lang = ctx, attempt_id, ctx.lang
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 6, 6)
        outer.addWidget(PracticeBanner(self))
        head = QHBoxLayout()
        title = _wrap(self.tr("Trainer review"), 1.5, True)
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("Your name (trainer):"), self))
        signed = getattr(ctx, "principal", None)
        self.reviewer = QLineEdit(reviewer or (signed.login if signed is not None else ""), self)
        self.reviewer.setObjectName("reviewerName")
        self.reviewer.editingFinished.connect(self.refresh_ratings)
        head.addWidget(self.reviewer)
        outer.addLayout(head)
        self.message = _wrap("", 1.0, name="reviewMessage")
        outer.addWidget(self.message)
        self.body = QWidget(self)
        self.box = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        bar = QHBoxLayout()
        replay = QPushButton(self.tr("Replay from its seed"), self)
        replay.setObjectName("replayButton")
        replay.clicked.connect(self.show_replay)
        back = QPushButton(self.tr("Back"), self)
        back.clicked.connect(self.done.emit)
        bar.addWidget(replay)
        bar.addStretch(1)
        bar.addWidget(back)
        outer.addLayout(bar)
        self.comment_boxes: dict[int, QLineEdit] = {}
        self.level_boxes: dict[str, QComboBox] = {}
        self._build()

    @property
    def who(self) -> Any:
        """The signed-in user (None: a one-person install acts as its owner)."""
        return getattr(self.ctx, "principal", None)

    def _guard(self, fn: Callable[[], Any], retry: Optional[Callable[[], Any]] = None) -> bool:
        """Run a review action; an error is shown above the moments, and a refusal for
        want of a user or the trainer role offers to sign in, then ``retry``."""
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text
        from facilitator.ui.sign_in import offer_sign_in

        try:
            fn()
        except FacilitatorError as exc:
            self.message.setText(error_text(exc, self.lang))
            self.sign_in_dialog = offer_sign_in(self, self.ctx, exc, retry)
            return False
        self.message.clear()
        return True

    def _build(self) -> None:
        d = review.debrief(
            self.ctx.db, self.attempt_id, self.lang, require_reflection=False, who=self.who
        )
        self.debrief = d
        self.box.addWidget(_wrap(f"{d.title} · {d.trainee} · {d.result_text}", 1.15, True))
        if d.reflection.reactions:
            self.box.addWidget(
                _wrap(
                    self.tr("Trainee's reactions: %1 (self-rating %2 of 5)")
                    .replace("%1", d.reflection.reactions)
                    .replace("%2", str(d.reflection.self_rating)),
                    1.0,
                )
            )
        self.box.addWidget(_wrap(self.tr("Moments"), 1.3, True))
        for m in d.moments:
            frame = QFrame(self.body)
            frame.setObjectName("reviewMoment")
            frame.setStyleSheet(
                "QFrame#reviewMoment { border: 1px solid #b0bec5; border-radius: 6px; }"
            )
            fb = QVBoxLayout(frame)
            fb.addWidget(_wrap(f"{ptext.clock(m.t)}  {m.prompt}", 1.05, True))
            fb.addWidget(
                _wrap(
                    self.tr("Chose: %1").replace("%1", m.chosen)
                    + (
                        ""
                        if m.is_best
                        else "  ·  " + self.tr("Strongest: %1").replace("%1", m.best)
                    ),
                    0.95,
                )
            )
            for note in m.comments:
                fb.addWidget(_wrap(f"{note.author}: {note.text}", 0.95))
            row = QHBoxLayout()
            edit = QLineEdit(frame)
            edit.setObjectName(f"comment_{m.seq}")
            edit.setPlaceholderText(self.tr("Comment on this moment"))
            add = QPushButton(self.tr("Add comment"), frame)
            add.clicked.connect(lambda _=False, s=m.seq, e=edit: self.add_comment(s, e.text()))
            row.addWidget(edit, 1)
            row.addWidget(add)
            fb.addLayout(row)
            self.comment_boxes[m.seq] = edit
            self.box.addWidget(frame)

        self.box.addWidget(_wrap(self.tr("Change a score"), 1.3, True))
        form = QFormLayout()
        self.override_comp = QComboBox(self.body)
        self.override_comp.setObjectName("overrideCompetency")
        for c in d.competencies:
            self.override_comp.addItem(f"{c.name} ({c.effective} / {c.best})", c.id)
        self.override_score = QSpinBox(self.body)
        self.override_score.setObjectName("overrideScore")
        self.override_score.setRange(-30, 30)
        self.override_reason = QLineEdit(self.body)
        self.override_reason.setObjectName("overrideReason")
        form.addRow(self.tr("Competency"), self.override_comp)
        form.addRow(self.tr("New score"), self.override_score)
        form.addRow(self.tr("Reason (kept with the change)"), self.override_reason)
        self.box.addLayout(form)
        apply_btn = QPushButton(self.tr("Change the score"), self.body)
        apply_btn.setObjectName("applyOverride")
        apply_btn.clicked.connect(self.apply_override)
        self.box.addWidget(apply_btn, 0, Qt.AlignmentFlag.AlignLeading)

        self.box.addWidget(
            _wrap(
                self.tr("Your rating (blind: others' ratings show once you have rated)"), 1.3, True
            )
        )
        rform = QFormLayout()
        for c in d.competencies:
            if c.best <= 0:
                continue
            combo = QComboBox(self.body)
            combo.setObjectName(f"level_{c.id}")
            for r in RESULTS:
                combo.addItem(ptext.t(r, self.lang), r)
            rform.addRow(c.name, combo)
            self.level_boxes[c.id] = combo
        self.result_box = QComboBox(self.body)
        self.result_box.setObjectName("ratingResult")
        for r in RESULTS:
            self.result_box.addItem(ptext.t(r, self.lang), r)
        rform.addRow(self.tr("Global result"), self.result_box)
        self.box.addLayout(rform)
        rate = QPushButton(self.tr("Submit my rating"), self.body)
        rate.setObjectName("submitRating")
        rate.clicked.connect(self.submit_rating)
        self.box.addWidget(rate, 0, Qt.AlignmentFlag.AlignLeading)
        self.ratings_label = _wrap("", 1.0, name="ratingsShown")
        self.box.addWidget(self.ratings_label)
        self.box.addStretch(1)
        self.refresh_ratings()

    # ---- actions --------------------------------------------------------------------------
    def add_comment(self, seq: int, text: str) -> None:
        if self._guard(
            lambda: review.add_comment(
                self.ctx.db, self.attempt_id, self.reviewer.text(), text, seq, who=self.who
            ),
            lambda: self.add_comment(seq, text),
        ):
            self.comment_boxes[seq].clear()
            self.message.setText(self.tr("Comment saved."))

    def apply_override(self) -> None:
        if self._guard(
            lambda: review.override_score(
                self.ctx.db,
                self.attempt_id,
                self.reviewer.text(),
                self.override_comp.currentData(),
                self.override_score.value(),
                self.override_reason.text(),
                who=self.who,
            ),
            self.apply_override,
        ):
            self.override_reason.clear()
            self.message.setText(self.tr("Score changed; the reason is kept with it."))

    def submit_rating(self) -> None:
        levels = {c: box.currentData() for c, box in self.level_boxes.items()}
        if self._guard(
            lambda: review.add_rating(
                self.ctx.db,
                self.attempt_id,
                self.reviewer.text(),
                levels,
                self.result_box.currentData(),
                who=self.who,
            ),
            self.submit_rating,
        ):
            self.refresh_ratings()

    def refresh_ratings(self) -> None:
        from facilitator.errors import FacilitatorError
        from facilitator.ui.errors_ui import error_text

        name = self.reviewer.text().strip()
        try:
            seen = review.ratings(self.ctx.db, self.attempt_id, name, who=self.who) if name else []
        except FacilitatorError as exc:  # not a trainer: the ratings stay hidden
            self.ratings_label.setText(error_text(exc, self.lang))
            return
        if not seen:
            self.ratings_label.setText(
                self.tr("Other trainers' ratings stay hidden until you submit yours.")
            )
            return
        lines = []
        for r in seen:
            levels = ", ".join(
                f"{ptext.t(c, self.lang)}: {ptext.t(v, self.lang)}" for c, v in r.levels.items()
            )
            lines.append(f"{r.rater}: {ptext.t(r.result, self.lang)} — {levels}")
        others = [r for r in seen if r.rater != name]
        if others:
            from facilitator.app import practice as svc

            mine = next(r for r in seen if r.rater == name)
            other = others[0]
            common = [c for c in mine.levels if c in other.levels]
            same = sum(mine.levels[c] == other.levels[c] for c in common)
            pct = round(100.0 * same / len(common), 1) if common else 0.0
            lines.append(
                self.tr("Agreement with %1 on this attempt: %2% of %3 competencies")
                .replace("%1", other.rater)
                .replace("%2", f"{pct:g}")
                .replace("%3", str(len(common)))
            )
            ids = [a.id for a in svc.history(self.ctx.db, who=self.who)]
            for a in review.agreement(self.ctx.db, ids, other.rater, name, who=self.who):
                kappa = "—" if a.kappa is None else f"{a.kappa:.2f}"
                lines.append(
                    self.tr("%1 over %2 attempts: %3% agreement, Cohen's kappa %4")
                    .replace("%1", ptext.t(a.competency, self.lang))
                    .replace("%2", str(a.pairs))
                    .replace("%3", f"{a.percent:g}")
                    .replace("%4", kappa)
                )
        self.ratings_label.setText("\n".join(lines))

    def show_replay(self) -> Optional[ReplayDialog]:
        dialog = ReplayDialog(self.ctx, self.attempt_id, self)
        self.replay_dialog = dialog
        dialog.open()
        return dialog
