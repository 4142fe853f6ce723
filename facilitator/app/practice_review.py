"""Debrief, history and trainer review of practice attempts (Qt-free; the ui only draws).

Everything here reads and writes practice tables only (``practice_attempt``,
``practice_entry``, ``practice_review``): a trainer's screens are built on these
functions, so a trainer role (issue 14) can be limited to this module and
:mod:`facilitator.app.practice` without reaching real groups, sessions or reports.

The debrief follows simulation-debriefing practice (PEARLS, INACSL): the trainee's
own reactions and self-rating come first, and :func:`debrief` refuses to give the
key moments and scores before they are saved. Then the timeline of key moments,
scores per competency with the reason for every point, critical actions and the
global result, and what to practise next.
"""

from __future__ import annotations

import json

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional, Sequence

from sqlalchemy import select

from facilitator.app.access import AccessDenied, Login, Principal, acting, as_user
from facilitator.app.practice import attempt_actor, may_open_attempt, owns_attempt
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.errors import InputError, Text
from facilitator.practice import text as ptext
from facilitator.practice.engine import COMPETENT_PERCENT, DEVELOPING_PERCENT, PracticeRun
from facilitator.practice.loader import builtin_scenarios
from facilitator.practice.model import COMPETENCIES, RESULTS, Competency, Scenario
from facilitator.store.db import Database
from facilitator.store.models_practice import PracticeAttempt, PracticeEntry
from facilitator.store.models_practice_review import PracticeReview

SECTIONS: tuple[str, ...] = ("reactions", "moments", "scores", "next")
SELF_RATING = (1, 5)
MAX_TEXT = 4000
MAX_LABEL = 100


def _label(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > MAX_LABEL:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Give {what} a name of 1 to {max_label} characters."),
            params={"what": what, "max_label": MAX_LABEL},
        )
    return value


def _attempt(s: Any, attempt_id: str) -> PracticeAttempt:
    row = s.get(PracticeAttempt, attempt_id)
    if row is None:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "There is no practice attempt '{attempt_id}'."),
            params={"attempt_id": attempt_id},
        )
    return row


# Roles (issue 14), checked first in every function below that reads or writes the
# store: the trainee's side (reflection, debrief, feedback PDF, replay) needs
# ``practice.use`` and the attempt to be one's own (:func:`attempt_actor`), or
# ``practice.review`` for anyone's; the trainer's side (comments, score changes,
# ratings, agreement, an observer's sheet) needs ``practice.review``. ``who`` is the
# acting user; without one, a one-person install acts as its owner.


def _reviewer(db: Database, attempt_id: str, who: Optional[Principal]) -> Principal:
    return attempt_actor(db, attempt_id, who, "practice.review")


def _add(
    db: Database,
    attempt_id: str,
    kind: str,
    author: str,
    data: dict[str, Any],
    *,
    audit: Optional[str] = None,
    user_id: Optional[str] = None,
) -> str:
    with db.unit() as s:
        _attempt(s, attempt_id)
        row = PracticeReview(attempt_id=attempt_id, kind=kind, author=author, data=data)
        s.add(row)
        if audit is not None:  # in the same unit of work: both or neither
            from facilitator.store.audit import append_audit

            append_audit(
                s,
                audit,
                entity="practice_attempt",
                entity_id=attempt_id,
                detail={"by": author, **data},
                user_id=user_id,
            )
        s.flush()
        return row.id


def _items(db: Database, attempt_id: str, kind: str) -> list[PracticeReview]:
    with db.session() as s:
        rows = list(
            s.scalars(
                select(PracticeReview)
                .where(PracticeReview.attempt_id == attempt_id, PracticeReview.kind == kind)
                .order_by(PracticeReview.at, PracticeReview.id)
            )
        )
        s.expunge_all()
        return rows


# ---- 1. the trainee's own reactions ------------------------------------------------------


@dataclass(frozen=True)
class Reflection:
    reactions: str
    went_well: str
    self_rating: int  # 1 (it went badly) .. 5 (it went very well)
    at: datetime


def save_reflection(
    db: Database,
    attempt_id: str,
    reactions: str,
    self_rating: int,
    went_well: str = "",
    *,
    who: Optional[Principal] = None,
) -> Reflection:
    """The trainee's reactions and self-rating, saved before any score is shown. Only
    on one's own attempt: a trainer does not write a trainee's reactions."""
    actor = acting(db, who, "practice.use")
    with db.session() as s:
        found = s.get(PracticeAttempt, attempt_id)
        if found is not None and not owns_attempt(actor, found.user_id):
            raise AccessDenied(
                QT_TRANSLATE_NOOP(
                    "practice", "{user} may write reactions only on their own attempts."
                ),
                params=as_user(actor),
            )
    reactions = (reactions or "").strip()
    if not reactions:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors", "Write a few words about how it felt before you see the debrief."
            )
        )
    if len(reactions) > MAX_TEXT or len(went_well or "") > MAX_TEXT:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Keep each answer under {max_text} characters."),
            params={"max_text": MAX_TEXT},
        )
    if (
        isinstance(self_rating, bool)
        or not isinstance(self_rating, int)
        or not SELF_RATING[0] <= self_rating <= SELF_RATING[1]
    ):
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Rate how it went from {low} to {high}."),
            params={"low": SELF_RATING[0], "high": SELF_RATING[1]},
        )
    with db.session() as s:
        row = _attempt(s, attempt_id)
        if row.status != "finished":
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "The debrief opens once the practice has finished.")
            )
        trainee = row.trainee
    _add(
        db,
        attempt_id,
        "reflection",
        trainee,
        {
            "reactions": reactions,
            "went_well": (went_well or "").strip(),
            "self_rating": self_rating,
        },
    )
    saved = _reflection(db, attempt_id)
    assert saved is not None
    return saved


def reflection(
    db: Database, attempt_id: str, *, who: Optional[Principal] = None
) -> Optional[Reflection]:
    """The trainee's saved reactions (their own attempt, or a trainer's review)."""
    attempt_actor(db, attempt_id, who)
    return _reflection(db, attempt_id)


def _reflection(db: Database, attempt_id: str) -> Optional[Reflection]:
    rows = _items(db, attempt_id, "reflection")
    if not rows:
        return None
    last = rows[-1]
    return Reflection(
        last.data["reactions"],
        last.data.get("went_well", ""),
        int(last.data["self_rating"]),
        last.at,
    )


# ---- 2-4. the debrief ---------------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    text: str
    seq: Optional[int]  # the transcript entry commented on (None: the attempt as a whole)
    at: datetime


@dataclass(frozen=True)
class Moment:
    seq: int  # the choice's transcript entry
    t: float
    decision: str
    prompt: str
    chosen_id: str
    chosen: str
    is_best: bool
    best: str  # the strongest option's text (the same as ``chosen`` when it was chosen)
    feedback: str
    cites: tuple[str, ...]  # rule and safety-step titles
    response_seconds: float
    safety_critical: bool
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Override:
    author: str
    score: int
    reason: str
    at: datetime


@dataclass(frozen=True)
class CompetencyScore:
    id: Competency
    name: str
    score: int  # the engine's score
    best: int
    reasons: tuple[str, ...]
    override: Optional[Override] = None

    @property
    def effective(self) -> int:
        return self.override.score if self.override is not None else self.score


@dataclass(frozen=True)
class Debrief:
    attempt_id: str
    lang: str
    scenario_id: str
    title: str
    trainee: str
    mode: str
    seed: int
    started_at: datetime
    reflection: Reflection
    moments: tuple[Moment, ...]
    safety_opened: tuple[float, ...]  # session seconds when Safety was pressed
    competencies: tuple[CompetencyScore, ...]
    critical: tuple[tuple[str, bool], ...]  # (title, performed)
    result: str  # not_yet | developing | competent
    result_text: str
    percent: float
    capped: bool
    next_steps: tuple[str, ...]
    comments: tuple[Comment, ...] = ()
    sections: tuple[str, ...] = SECTIONS


def comments(db: Database, attempt_id: str, *, who: Optional[Principal] = None) -> list[Comment]:
    attempt_actor(db, attempt_id, who)
    return _comments(db, attempt_id)


def _comments(db: Database, attempt_id: str) -> list[Comment]:
    return [
        Comment(r.id, r.author, r.data["text"], r.data.get("seq"), r.at)
        for r in _items(db, attempt_id, "comment")
    ]


def overrides(
    db: Database, attempt_id: str, *, who: Optional[Principal] = None
) -> dict[str, Override]:
    attempt_actor(db, attempt_id, who)
    return _overrides(db, attempt_id)


def _overrides(db: Database, attempt_id: str) -> dict[str, Override]:
    out: dict[str, Override] = {}
    for r in _items(db, attempt_id, "override"):
        out[r.data["competency"]] = Override(r.author, int(r.data["to"]), r.data["reason"], r.at)
    return out


def _replay(db: Database, attempt_id: str, who: Principal) -> PracticeRun:
    from facilitator.app.practice import replay_attempt

    return replay_attempt(db, attempt_id, who=who)


def debrief(
    db: Database,
    attempt_id: str,
    lang: str,
    *,
    run: PracticeRun | None = None,
    require_reflection: bool = True,
    who: Optional[Principal] = None,
) -> Debrief:
    """The debrief of a finished attempt, rebuilt by replaying it from its seed.

    Raises :class:`InputError` while the trainee's own reactions are not saved yet
    (pass ``require_reflection=False`` only for a trainer's review screen)."""
    actor = attempt_actor(db, attempt_id, who)
    with db.session() as s:
        row = _attempt(s, attempt_id)
        trainee, mode, seed, started = row.trainee, row.mode, row.seed, row.started_at
        status = row.status
    if status != "finished":
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "This attempt was not finished; there is no debrief.")
        )
    mine = _reflection(db, attempt_id)
    if mine is None and require_reflection:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "First say how it went for you; the debrief follows.")
        )
    run = run or _replay(db, attempt_id, actor)
    outcome = run.outcome
    if outcome is None:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "This attempt was not finished; there is no debrief.")
        )
    sc = run.scenario
    notes = _comments(db, attempt_id)
    by_seq: dict[Optional[int], list[Comment]] = defaultdict(list)
    for c in notes:
        by_seq[c.seq].append(c)
    moments: list[Moment] = []
    for e in run.entries:
        if e.kind != "choice":
            continue
        dec = sc.decision(e.data["decision"])
        opt = dec.option(e.data["option"])
        best = max(dec.options, key=lambda o: o.total)
        moments.append(
            Moment(
                seq=e.seq,
                t=e.t,
                decision=dec.id,
                prompt=dec.prompt.get(lang),
                chosen_id=opt.id,
                chosen=opt.text.get(lang),
                is_best=opt.total >= best.total,
                best=best.text.get(lang),
                feedback=opt.feedback.get(lang),
                cites=tuple(ptext.cite_title(c, lang) for c in opt.cites),
                response_seconds=float(e.data.get("response_seconds", 0.0)),
                safety_critical=dec.safety_critical,
                comments=tuple(by_seq.get(e.seq, ())),
            )
        )
    changed = _overrides(db, attempt_id)
    comps: list[CompetencyScore] = []
    for comp in COMPETENCIES:
        if not outcome.best[comp] and not outcome.scores[comp]:
            continue
        reasons = []
        for p in outcome.points:
            if p.competency != comp:
                continue
            dec = sc.decision(p.decision)
            reasons.append(
                f"{p.points:+d}  {dec.prompt.get(lang)} — "
                f"{dec.option(p.option).text.get(lang)} "
                f"({ptext.cites_line(p.cites, lang)})"
            )
        comps.append(
            CompetencyScore(
                comp,
                ptext.t(comp, lang),
                outcome.scores[comp],
                outcome.best[comp],
                tuple(reasons),
                changed.get(comp),
            )
        )
    critical = tuple(
        (a.title.get(lang), a.id in outcome.critical_performed) for a in sc.critical_actions
    )
    return Debrief(
        attempt_id=attempt_id,
        lang=lang,
        scenario_id=sc.id,
        title=sc.title.get(lang),
        trainee=trainee,
        mode=mode,
        seed=seed,
        started_at=started,
        reflection=mine or Reflection("", "", 0, started),
        moments=tuple(moments),
        safety_opened=tuple(e.t for e in run.entries if e.kind == "safety"),
        competencies=tuple(comps),
        critical=critical,
        result=outcome.result,
        result_text=ptext.t(
            "result", lang, result=ptext.t(outcome.result, lang), percent=f"{outcome.percent:g}"
        ),
        percent=outcome.percent,
        capped=outcome.capped,
        next_steps=tuple(practise_next(sc, comps, critical, lang)),
        comments=tuple(by_seq.get(None, ())),
    )


def practise_next(
    scenario: Scenario,
    comps: Sequence[CompetencyScore],
    critical: Sequence[tuple[str, bool]],
    lang: str,
    limit: int = 3,
) -> list[str]:
    """What to practise next: missed critical actions first, then the weakest
    competencies, each with the built-in scenario that trains it most."""
    out = [ptext.t("next_critical", lang, action=title) for title, done in critical if not done]
    weak = sorted(
        (c for c in comps if c.best > 0 and c.effective < c.best),
        key=lambda c: (c.effective / c.best, c.id),
    )
    others = {k: v for k, v in builtin_scenarios().items() if k != scenario.id}
    for comp in weak[:limit]:

        def weight(sc: Scenario) -> int:
            return sum(max(o.scores.get(comp.id, 0) for o in d.options) for d in sc.decisions)

        pick = max(sorted(others.values(), key=lambda s: s.id), key=weight, default=None)
        if pick is not None and weight(pick) > 0:
            out.append(
                ptext.t("next_comp", lang, competency=comp.name, scenario=pick.title.get(lang))
            )
        else:
            out.append(ptext.t("next_comp_again", lang, competency=comp.name))
    if not out:
        out.append(ptext.t("next_harder", lang))
    return out


# ---- trainer review -----------------------------------------------------------------------


def add_comment(
    db: Database,
    attempt_id: str,
    author: str,
    text: str,
    seq: Optional[int] = None,
    *,
    who: Optional[Principal] = None,
) -> str:
    """A trainer's comment on one moment (a transcript entry) or on the whole attempt."""
    actor = _reviewer(db, attempt_id, who)
    author = _label(author, QT_TRANSLATE_NOOP("errors", "the trainer"))
    text = (text or "").strip()
    if not text or len(text) > MAX_TEXT:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Write a comment of 1 to {max_text} characters."),
            params={"max_text": MAX_TEXT},
        )
    if seq is not None:
        with db.session() as s:
            found = s.scalar(
                select(PracticeEntry.id).where(
                    PracticeEntry.attempt_id == attempt_id, PracticeEntry.seq == seq
                )
            )
        if found is None:
            raise InputError(QT_TRANSLATE_NOOP("errors", "That moment is not in this attempt."))
    return _add(
        db, attempt_id, "comment", author, {"text": text, "seq": seq, "user_id": actor.user_id}
    )


def override_score(
    db: Database,
    attempt_id: str,
    author: str,
    competency: str,
    score: int,
    reason: str,
    *,
    who: Optional[Principal] = None,
) -> str:
    """A trainer changes one competency's score; the reason is required and kept.

    Recorded append-only in ``practice_review`` (the engine's own score is never
    rewritten, so the replay and the override can both be shown) and, in the same
    unit of work, in the audit log's hash chain (issue 14) as
    ``practice.score_override``."""
    user_id = _reviewer(db, attempt_id, who).user_id or None
    author = _label(author, QT_TRANSLATE_NOOP("errors", "the trainer"))
    if competency not in COMPETENCIES:
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Unknown competency '{competency}'."),
            params={"competency": competency},
        )
    if isinstance(score, bool) or not isinstance(score, int) or not -30 <= score <= 30:
        raise InputError(QT_TRANSLATE_NOOP("errors", "The score is a whole number from -30 to 30."))
    reason = (reason or "").strip()
    if len(reason) < 3 or len(reason) > MAX_TEXT:
        raise InputError(QT_TRANSLATE_NOOP("errors", "Give the reason for changing the score."))
    with db.session() as s:
        row = _attempt(s, attempt_id)
        if row.status != "finished":
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "Only a finished attempt has scores to change.")
            )
        before = int((row.scores or {}).get(competency, 0))
    return _add(
        db,
        attempt_id,
        "override",
        author,
        {"competency": competency, "from": before, "to": score, "reason": reason},
        audit="practice.score_override",
        user_id=user_id,
    )


@dataclass(frozen=True)
class Rating:
    rater: str
    levels: dict[str, str]  # competency -> not_yet | developing | competent
    result: str
    at: datetime


def engine_levels(outcome_scores: dict[str, int], best: dict[str, int]) -> dict[str, str]:
    """The rubric's own level per competency (the same thresholds as the global result)."""
    out: dict[str, str] = {}
    for comp in COMPETENCIES:
        if best.get(comp, 0) <= 0:
            continue
        pct = 100.0 * outcome_scores.get(comp, 0) / best[comp]
        out[comp] = (
            "competent"
            if pct >= COMPETENT_PERCENT
            else "developing"
            if pct >= DEVELOPING_PERCENT
            else "not_yet"
        )
    return out


def add_rating(
    db: Database,
    attempt_id: str,
    rater: str,
    levels: dict[str, str],
    result: str,
    *,
    who: Optional[Principal] = None,
) -> str:
    """A trainer's own rating of an attempt, one level per competency and a global
    result. One per rater per attempt (a second one replaces the first when read).

    A second rating is another trainer's: the rating keeps the signed-in user, and
    one user may not rate the same attempt under two names."""
    actor = _reviewer(db, attempt_id, who)
    rater = _label(rater, QT_TRANSLATE_NOOP("errors", "the rater"))
    me = actor.user_id or actor.login
    for r in _items(db, attempt_id, "rating"):
        if r.author != rater and (r.data.get("user_id") or "") == me:
            raise AccessDenied(
                QT_TRANSLATE_NOOP(
                    "practice",
                    "{user} has already rated this attempt as {rater}: a second rating "
                    "must come from another trainer, signed in as themselves.",
                ),
                params=as_user(actor, rater=Login(r.author)),
            )
    bad = [v for v in list(levels.values()) + [result] if v not in RESULTS]
    if bad or any(k not in COMPETENCIES for k in levels):
        raise InputError(
            QT_TRANSLATE_NOOP("errors", "Each rating is one of: not yet, developing, competent.")
        )
    if not levels:
        raise InputError(QT_TRANSLATE_NOOP("errors", "Rate at least one competency."))
    return _add(
        db,
        attempt_id,
        "rating",
        rater,
        {"levels": dict(levels), "result": result, "user_id": me},
    )


def _all_ratings(db: Database, attempt_id: str) -> dict[str, Rating]:
    out: dict[str, Rating] = {}
    for r in _items(db, attempt_id, "rating"):
        out[r.author] = Rating(r.author, dict(r.data["levels"]), r.data["result"], r.at)
    return out


def has_rated(
    db: Database, attempt_id: str, rater: str, *, who: Optional[Principal] = None
) -> bool:
    """Whether ``rater`` has saved a rating of this attempt (says nothing of anyone else's)."""
    _reviewer(db, attempt_id, who)
    return (rater or "").strip() in _all_ratings(db, attempt_id)


def ratings(
    db: Database, attempt_id: str, viewer: str, *, who: Optional[Principal] = None
) -> list[Rating]:
    """Every rating of the attempt, for a ``viewer`` who has saved their own. A second
    rating is blind: anyone who has not rated yet is refused, so the first rating (and
    the agreement) cannot reach them before they have made up their own mind."""
    _reviewer(db, attempt_id, who)
    viewer = _label(viewer, "the rater")
    everyone = _all_ratings(db, attempt_id)
    if viewer not in everyone:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Rate this attempt first: other trainers' ratings and the agreement "
                "show once you have saved yours.",
            )
        )
    return sorted(everyone.values(), key=lambda r: r.at)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> Optional[float]:
    """Cohen's kappa for two raters' labels of the same items (None when undefined)."""
    if len(a) != len(b) or not a:
        return None
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    cats = set(a) | set(b)
    expected = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else None
    return round((observed - expected) / (1 - expected), 3)


@dataclass(frozen=True)
class Agreement:
    competency: str
    pairs: int
    percent: Optional[float]
    kappa: Optional[float]  # None: undefined, or fewer than KAPPA_MIN_PAIRS pairs yet


#: Cohen's kappa over fewer attempts rated by both trainers says more about chance than
#: about agreement: below this it is not computed ("not enough rated attempts yet").
KAPPA_MIN_PAIRS = 10


def agreement(
    db: Database,
    attempt_ids: Sequence[str],
    rater_a: str,
    rater_b: str,
    *,
    who: Optional[Principal] = None,
) -> list[Agreement]:
    """Per competency, how often two raters gave the same level over the attempts both
    rated: percent agreement and Cohen's kappa."""
    acting(db, who, "practice.review")
    by_comp: dict[Competency, tuple[list[str], list[str]]] = {c: ([], []) for c in COMPETENCIES}
    for aid in attempt_ids:
        rs = _all_ratings(db, aid)
        if rater_a not in rs or rater_b not in rs:
            continue
        for comp in COMPETENCIES:
            x, y = rs[rater_a].levels.get(comp), rs[rater_b].levels.get(comp)
            if x is not None and y is not None:
                by_comp[comp][0].append(x)
                by_comp[comp][1].append(y)
    out = []
    for comp, (xs, ys) in by_comp.items():
        if not xs:
            continue
        pct = round(100.0 * sum(x == y for x, y in zip(xs, ys)) / len(xs), 1)
        kappa = cohen_kappa(xs, ys) if len(xs) >= KAPPA_MIN_PAIRS else None
        out.append(Agreement(comp, len(xs), pct, kappa))
    return out


# ---- history over time --------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryPoint:
    attempt_id: str
    scenario_id: str
    started_at: datetime
    status: str
    mode: str
    result: Optional[str]
    percent: Optional[float]
    ratios: dict[str, float] = field(default_factory=dict)  # competency -> share of best, 0..1


def trainees(db: Database, *, who: Optional[Principal] = None) -> list[str]:
    """The trainee labels with attempts: everyone's for a trainer, one's own otherwise."""
    actor = acting(db, who, "practice.use")
    with db.session() as s:
        return sorted(
            {
                name
                for name, user_id in s.execute(
                    select(PracticeAttempt.trainee, PracticeAttempt.user_id)
                )
                if may_open_attempt(actor, user_id)
            }
        )


def trainee_history(
    db: Database, trainee: str, *, who: Optional[Principal] = None
) -> list[HistoryPoint]:
    """A trainee's attempts across scenarios, oldest first, with each competency's
    share of the points available at the decisions met (overrides applied); only
    one's own attempts unless a trainer."""
    actor = acting(db, who, "practice.use")
    with db.session() as s:
        rows = list(
            s.execute(
                select(
                    PracticeAttempt.id,
                    PracticeAttempt.scenario_id,
                    PracticeAttempt.started_at,
                    PracticeAttempt.status,
                    PracticeAttempt.mode,
                    PracticeAttempt.result,
                    PracticeAttempt.percent,
                    PracticeAttempt.scores,
                    PracticeAttempt.user_id,
                )
                .where(PracticeAttempt.trainee == trainee)
                .order_by(PracticeAttempt.started_at, PracticeAttempt.id)
            )
        )
        rows = [r for r in rows if may_open_attempt(actor, r.user_id)]
        ids = [r.id for r in rows if r.status == "finished"]
        reached: dict[str, list[str]] = defaultdict(list)
        changed: dict[str, dict[str, int]] = defaultdict(dict)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for aid, data in s.execute(
                select(PracticeEntry.attempt_id, PracticeEntry.data)
                .where(PracticeEntry.attempt_id.in_(part), PracticeEntry.kind == "decision")
                .order_by(PracticeEntry.seq)
            ):
                reached[aid].append(data["decision"])
            for aid, data in s.execute(
                select(PracticeReview.attempt_id, PracticeReview.data)
                .where(PracticeReview.attempt_id.in_(part), PracticeReview.kind == "override")
                .order_by(PracticeReview.at)
            ):
                changed[aid][data["competency"]] = int(data["to"])
    library = builtin_scenarios()
    best_cache: dict[tuple[str, tuple[str, ...]], dict[str, int]] = {}
    out = []
    for r in rows:
        ratios: dict[str, float] = {}
        sc = library.get(r.scenario_id)
        if r.status == "finished" and sc is not None:
            key = (r.scenario_id, tuple(reached.get(r.id, ())))
            best = best_cache.get(key)
            if best is None:
                best = {c: 0 for c in COMPETENCIES}
                for dec_id in key[1]:
                    try:
                        dec = sc.decision(dec_id)
                    except KeyError:
                        continue
                    for c in COMPETENCIES:
                        best[c] += max(o.scores.get(c, 0) for o in dec.options)
                best_cache[key] = best
            scores = {**(r.scores or {}), **changed.get(r.id, {})}
            for c in COMPETENCIES:
                if best[c] > 0:
                    ratios[c] = max(0.0, min(1.0, scores.get(c, 0) / best[c]))
        out.append(
            HistoryPoint(
                r.id, r.scenario_id, r.started_at, r.status, r.mode, r.result, r.percent, ratios
            )
        )
    return out


# ---- authoring: import a scenario file ---------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One validation or checker problem, structured: the screen translates ``message``
    (a :class:`~facilitator.errors.Text`: template + params) and words the location."""

    level: str  # error | warning | info
    line: Optional[int]  # 1-based line in the file, when known
    field: Optional[str]  # "events[2].step" (the YAML path; ids stay as written)
    message: Text
    detail: Optional[str] = None  # a library's English words (PyYAML, the system) beside it


@dataclass(frozen=True)
class ImportReport:
    path: str
    ok: bool
    scenario_id: Optional[str]
    title: str
    problems: tuple[ImportProblem, ...]
    paths_checked: int = 0


def _field(loc: Sequence[Any] | str | None) -> Optional[str]:
    if isinstance(loc, str):
        return loc or None
    if not loc:
        return None
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(
    level: str, line: Optional[int], field: Optional[str], message: str, detail: Optional[str]
) -> ImportProblem:
    """An :class:`ImportProblem`. Every loader and checker message is a Text; one that
    is not (a bug) is said to be unforeseen in every language and keeps its words as
    the detail, so it is shown rather than hidden."""
    if isinstance(message, Text):
        return ImportProblem(level, line, field, message, detail)
    unforeseen = Text(
        QT_TRANSLATE_NOOP("problems", "this value is not accepted ({code})"), code="message"
    )
    return ImportProblem(level, line, field, unforeseen, " ".join(filter(None, (message, detail))))


def check_scenario_text(text: str | bytes, path: str | Path, lang: str) -> ImportReport:
    """Validate scenario text and run the path checker (the editor's live check and the
    import's): every problem structured, with its line and field."""
    from facilitator.practice.checker import check
    from facilitator.practice.loader import ScenarioValidationError, parse_scenario_text
    from facilitator.scripts.loader import ScriptValidationError, read_yaml_document

    from .practice import _resolver

    name = str(path)
    resolve = _resolver(None)
    try:
        scenario = parse_scenario_text(text, name, resolve)
        root, _ = read_yaml_document(text, name)
        report = check(scenario, resolve(scenario.script), root)
    except (ScenarioValidationError, ScriptValidationError) as exc:
        problems = tuple(
            _problem("error", p.line, p.field, p.message, p.detail) for p in exc.problems
        )
        return ImportReport(name, False, None, "", problems)
    problems = tuple(
        _problem(f.level, f.line, _field(f.loc), f.message, None) for f in report.findings
    )
    return ImportReport(
        name, report.ok, scenario.id, scenario.title.get(lang), problems, report.paths
    )


def check_scenario_file(path: str | Path, lang: str) -> ImportReport:
    """Read a scenario file (refused unread over 1 MB) and check it as
    :func:`check_scenario_text` does."""
    from facilitator.scripts.loader import ScriptValidationError, read_file_bytes

    try:
        data = read_file_bytes(path)
    except ScriptValidationError as exc:
        problems = tuple(
            _problem("error", p.line, p.field, p.message, p.detail) for p in exc.problems
        )
        return ImportReport(str(path), False, None, "", problems)
    return check_scenario_text(data, path, lang)


# ---- PDFs and the live role-play kit -------------------------------------------------------


def feedback_pdf(
    db: Database,
    attempt_id: str,
    lang: str,
    path: str | Path | None = None,
    *,
    require_reflection: bool = True,
    who: Optional[Principal] = None,
) -> bytes:
    """The practice feedback PDF (PRACTICE watermark) for one attempt; written to
    ``path`` too when given."""
    from facilitator.export import practice_pdf

    report = practice_pdf.feedback_report(
        debrief(db, attempt_id, lang, require_reflection=require_reflection, who=who)
    )
    data = practice_pdf.render(report)
    if path is not None:
        from facilitator.export.output import write_pdf

        write_pdf(data, path)
    return data


def roleplay_kit(
    scenario_ref: str, lang: str, db: Database | None = None, *, who: Optional[Principal] = None
) -> tuple[bytes, bytes]:
    """(persona cards, observer's sheet) PDFs for a live role-play of a scenario. With
    a store (a scenario may be imported there) the acting user needs ``practice.use``;
    a built-in scenario without a store holds no one's data."""
    from facilitator.app.practice import _script_for, load_scenario

    if db is not None:
        acting(db, who, "practice.use")
    from facilitator.export import practice_pdf

    scenario, _text = load_scenario(scenario_ref, db)
    script = _script_for(db, scenario)
    return (
        practice_pdf.render(practice_pdf.persona_cards_report(scenario, script, lang)),
        practice_pdf.render(practice_pdf.observer_sheet_report(scenario, lang)),
    )


def record_observed_attempt(
    db: Database,
    scenario_ref: str,
    trainee: str,
    observer: str,
    marks: dict[str, int],
    *,
    who: Optional[Principal] = None,
) -> str:
    """Type an observer's sheet back in: ``marks`` maps a decision id to the option's
    number on the sheet (1-4). The attempt is played on a manual clock with those
    choices, scored by the same rubric and stored like any other (the observer is
    kept in the review rows). A decision that came up but was left blank is refused."""
    from facilitator.app.practice import start_attempt
    from facilitator.practice.engine import ManualClock, autoplay

    actor = acting(db, who, "practice.review")
    observer = _label(observer, QT_TRANSLATE_NOOP("errors", "the observer"))
    scenario, _text = _svc_load(scenario_ref, db)
    choose: dict[str, str] = {}
    for dec_id, number in marks.items():
        try:
            dec = scenario.decision(dec_id)
        except KeyError:
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "The scenario has no decision '{dec_id}'."),
                params={"dec_id": dec_id},
            ) from None
        if (
            isinstance(number, bool)
            or not isinstance(number, int)
            or not 1 <= number <= len(dec.options)
        ):
            raise InputError(
                QT_TRANSLATE_NOOP("errors", "Decision '{dec_id}' has options 1 to {n}."),
                params={"dec_id": dec_id, "n": len(dec.options)},
            )
        choose[dec_id] = dec.options[number - 1].id
    clock = ManualClock()
    attempt = start_attempt(
        db, scenario_ref, trainee, seed=0, mode="practice", clock=clock, who=actor
    )

    def chooser(_run: PracticeRun, decision: Any) -> str:
        if decision.id not in choose:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The sheet has no tick for decision '{id}', which came up on this path.",
                ),
                params={"id": decision.id},
            )
        return choose[decision.id]

    try:
        autoplay(attempt.run, chooser, clock)
    except InputError:
        attempt.abandon()
        raise
    attempt.sync_if_ended()
    if not attempt._closed:
        attempt.finish()
    _add(db, attempt.id, "observer", observer, {"marks": dict(marks)})
    return attempt.id


def _svc_load(ref: str, db: Database | None) -> tuple[Scenario, Optional[str]]:
    from facilitator.app.practice import load_scenario

    return load_scenario(ref, db)


def replay_transcript(
    db: Database, attempt_id: str, lang: str, *, who: Optional[Principal] = None
) -> tuple[list[str], bool]:
    """An attempt played again from its seed and inputs: its transcript lines, and
    whether the replay matches the transcript stored as it happened."""
    from facilitator.app.practice import stored_transcript

    actor = attempt_actor(db, attempt_id, who)
    run = _replay(db, attempt_id, actor)
    stored = stored_transcript(db, attempt_id, who=actor)
    # every entry whole, as stored: its time, step, what happened and with what data
    # (an injected event, a pause, a Safety press...); the store keeps JSON
    again = json.loads(json.dumps(run.transcript()))
    same = stored == again
    lines = [ptext.t("seed", lang, seed=run.seed)]
    for e in run.entries:
        lines += ptext.entry_lines(run, e, lang)
    return lines, same
