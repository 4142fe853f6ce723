"""Debrief (reactions first), trainer comments, score overrides, blind second ratings
with agreement, a trainee's history and importing a scenario file: over a real store."""

from __future__ import annotations

import pytest

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.errors import InputError
from facilitator.practice.engine import ManualClock
from facilitator.practice.model import COMPETENCIES

from .test_app_practice import play_through

BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}
SECRET = {**BEST, "keep_it_secret": "promise"}


def _played(db, answers, trainee="Trainee A", seed=7):
    clock = ManualClock(50.0)
    attempt = svc.start_attempt(db, "suicidal-disclosure-round", trainee, seed=seed, clock=clock)
    play_through(attempt, clock, answers)
    return attempt.id


def test_debrief_waits_for_the_trainees_reactions_then_follows_the_rubric(raw_db):
    aid = _played(raw_db, SECRET)
    with pytest.raises(InputError, match="how it went"):
        review.debrief(raw_db, aid, "en")
    with pytest.raises(InputError):
        review.save_reflection(raw_db, aid, "   ", 3)
    with pytest.raises(InputError):
        review.save_reflection(raw_db, aid, "Tense", 6)
    review.save_reflection(
        raw_db, aid, "Tense when he asked me to keep it secret.", 2, "I paused the round"
    )
    d = review.debrief(raw_db, aid, "en")
    assert d.sections == ("reactions", "moments", "scores", "next")
    assert d.reflection.self_rating == 2 and "secret" in d.reflection.reactions
    assert [m.decision for m in d.moments] == list(BEST)
    secret = d.moments[2]
    assert secret.chosen_id == "promise" and not secret.is_best
    assert secret.best.startswith("Tell him gently you cannot keep this")
    assert secret.cites and all(not c.startswith(("rule:", "safety:")) for c in secret.cites)
    scores = {c.id: (c.score, c.best) for c in d.competencies}
    # the reference path 'secret_promised' of the scenario's own rubric
    assert scores["safety_response"][0] == 3 and scores["boundaries"][0] == -3
    assert scores["listening_empathy"][0] == 4 and scores["group_dynamics"][0] == 3
    assert all(c.reasons for c in d.competencies if c.score)
    assert d.result == "not_yet"  # below half of the points, and critical actions missed
    assert [done for _t, done in d.critical] == [True, False, False]
    assert d.next_steps[0].startswith("Rehearse the critical action you missed")
    ar = review.debrief(raw_db, aid, "ar")
    assert ar.moments[2].chosen != secret.chosen and "النتيجة" in ar.result_text


def test_override_comment_and_blind_second_rating(raw_db):
    aid = _played(raw_db, SECRET)
    other = _played(raw_db, BEST, seed=8)
    review.save_reflection(raw_db, aid, "ok", 3)
    with pytest.raises(InputError, match="reason"):
        review.override_score(raw_db, aid, "Trainer One", "boundaries", -1, "")
    review.override_score(
        raw_db,
        aid,
        "Trainer One",
        "boundaries",
        -1,
        "He refused the secret a moment later, out loud",
    )
    d = review.debrief(raw_db, aid, "en")
    b = next(c for c in d.competencies if c.id == "boundaries")
    assert b.score == -3 and b.effective == -1 and b.override.author == "Trainer One"
    choice_seq = d.moments[0].seq
    review.add_comment(raw_db, aid, "Trainer One", "Good calm voice here", choice_seq)
    with pytest.raises(InputError):
        review.add_comment(raw_db, aid, "Trainer One", "x", 99999)
    assert review.debrief(raw_db, aid, "en").moments[0].comments[0].text == "Good calm voice here"

    levels_a = {
        "safety_response": "developing",
        "boundaries": "not_yet",
        "listening_empathy": "competent",
    }
    levels_b = {
        "safety_response": "developing",
        "boundaries": "developing",
        "listening_empathy": "competent",
    }
    from facilitator.app.access import AccessDenied, Principal

    one = Principal("t1", "one", frozenset({"trainer"}))
    two = Principal("t2", "two", frozenset({"trainer"}))
    review.add_rating(raw_db, aid, "Trainer One", levels_a, "not_yet", who=one)
    # blind: the service refuses the first rating to a second rater who has not rated
    assert not review.has_rated(raw_db, aid, "Trainer Two", who=two)
    with pytest.raises(InputError, match="Rate this attempt first"):
        review.ratings(raw_db, aid, "Trainer Two", who=two)
    # a second rating is another trainer's: one user cannot rate again under a new name
    with pytest.raises(AccessDenied, match="a second rating must come from another trainer"):
        review.add_rating(raw_db, aid, "Trainer Two", levels_b, "developing", who=one)
    review.add_rating(raw_db, aid, "Trainer Two", levels_b, "developing", who=two)
    seen = review.ratings(raw_db, aid, "Trainer Two", who=two)
    assert [r.rater for r in seen] == ["Trainer One", "Trainer Two"]
    review.add_rating(
        raw_db, other, "Trainer One", {"safety_response": "competent"}, "competent", who=one
    )
    review.add_rating(
        raw_db, other, "Trainer Two", {"safety_response": "competent"}, "competent", who=two
    )
    agree = {
        a.competency: a
        for a in review.agreement(raw_db, [aid, other], "Trainer One", "Trainer Two", who=two)
    }
    assert agree["safety_response"].pairs == 2 and agree["safety_response"].percent == 100.0
    assert agree["boundaries"].percent == 0.0
    # two attempts are too few for Cohen's kappa to mean anything: not computed yet
    assert review.KAPPA_MIN_PAIRS > 2 and agree["safety_response"].kappa is None
    with pytest.raises(InputError):
        review.add_rating(raw_db, aid, "Trainer Two", {"boundaries": "great"}, "competent", who=two)


def test_cohen_kappa_matches_the_textbook_example():
    # 50 items: both yes 20, a-yes/b-no 5, a-no/b-yes 10, both no 15 -> kappa 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert review.cohen_kappa(a, b) == 0.4
    assert review.cohen_kappa(["x", "x"], ["x", "x"]) == 1.0
    assert review.cohen_kappa([], []) is None


def test_history_shows_each_competency_over_time(raw_db):
    first = _played(raw_db, SECRET, trainee="T1")
    _played(raw_db, BEST, trainee="T1", seed=9)
    _played(raw_db, BEST, trainee="T2", seed=10)
    points = review.trainee_history(raw_db, "T1")
    assert [p.attempt_id for p in points][0] == first and len(points) == 2
    assert points[1].ratios["safety_response"] == 1.0
    assert points[0].ratios["safety_response"] < 1.0
    assert points[0].ratios["boundaries"] == 0.0  # -3 of 1, floored at zero
    assert set(points[1].ratios) <= set(COMPETENCIES)
    assert review.trainees(raw_db) == ["T1", "T2"]


def test_importing_a_scenario_file_names_problems_with_their_line(tmp_path):
    from facilitator.ui.errors_ui import message_text

    from .conftest import SMALL

    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("step: check_in", "step: no_such_step", 1), encoding="utf-8")
    rep = review.check_scenario_file(bad, "en")
    assert not rep.ok and rep.problems
    p = rep.problems[0]
    assert "no_such_step" in p.message and p.line and p.field == "events[0].step"
    assert p.message.template.startswith("the script '{script}' has no step")
    assert p.message.params["step"] == "no_such_step"
    assert "ليس فيه خطوة" in message_text(p.message, "ar")
    good = tmp_path / "good.yaml"
    good.write_text(SMALL, encoding="utf-8")
    ok = review.check_scenario_file(good, "en")
    assert ok.scenario_id == "small-test" and ok.paths_checked > 0
    missing = review.check_scenario_file(tmp_path / "nope.yaml", "en")
    assert not missing.ok and missing.problems


def _pdf_text(data: bytes, tmp_path) -> str:
    import subprocess

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_feedback_pdf_in_both_languages_is_watermarked_and_in_debrief_order(raw_db, tmp_path):
    aid = _played(raw_db, SECRET)
    with pytest.raises(InputError):
        review.feedback_pdf(raw_db, aid, "en")  # reactions first, in the PDF too
    review.save_reflection(raw_db, aid, "My hands were shaking", 2)
    from tests.export.pdfcheck import stream_texts

    data = review.feedback_pdf(raw_db, aid, "en")
    assert all("PRACTICE" in page for page in stream_texts(data))  # on every page
    text = _pdf_text(data, tmp_path)
    assert "Trainee A" in text and "My hands were shaking" in text
    order = [
        text.index(h)
        for h in (
            "1. Your reactions",
            "2. Key moments",
            "3. Scores per competency",
            "4. What to practise next",
        )
    ]
    assert order == sorted(order)
    assert "Strongest option" in text and "MISSED" in text
    ar_data = review.feedback_pdf(raw_db, aid, "ar")
    assert all("PRACTICE" in page for page in stream_texts(ar_data))
    assert "My hands were shaking" in _pdf_text(ar_data, tmp_path)


def test_roleplay_kit_and_observer_marks_typed_back_in(raw_db, tmp_path):
    cards, sheet = review.roleplay_kit("suicidal-disclosure-round", "en")
    cards_text, sheet_text = _pdf_text(cards, tmp_path), _pdf_text(sheet, tmp_path)
    from tests.export.pdfcheck import stream_texts

    assert "Participant" in cards_text and "Tick" in sheet_text
    assert all("PRACTICE" in p for p in stream_texts(cards) + stream_texts(sheet))
    assert len(stream_texts(cards)) == 4  # one card per simulated participant
    from facilitator.practice.loader import builtin_scenarios

    sc = builtin_scenarios()["suicidal-disclosure-round"]
    marks = {d: [o.id for o in sc.decision(d).options].index(opt) + 1 for d, opt in BEST.items()}
    aid = review.record_observed_attempt(
        raw_db, "suicidal-disclosure-round", "Live T", "Observer O", marks
    )
    [row] = svc.history(raw_db, trainee="Live T")
    assert row.id == aid and row.status == "finished" and row.result == "competent"
    assert row.scores["safety_response"] == 9
    with pytest.raises(InputError, match="no tick"):
        review.record_observed_attempt(
            raw_db,
            "suicidal-disclosure-round",
            "Live T",
            "Observer O",
            {"first_response": marks["first_response"]},
        )


def test_a_score_override_is_in_the_audit_chain_and_roles_are_enforced(raw_db):
    from sqlalchemy import select

    from facilitator.app.access import AccessDenied, Principal
    from facilitator.store.audit import verify_chain
    from facilitator.store.models import AuditEvent

    aid = _played(raw_db, SECRET)
    review.override_score(raw_db, aid, "Trainer One", "boundaries", -1, "Seen live")
    with raw_db.session() as s:
        [ev] = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "practice.score_override")
        ).all()
        assert ev.entity_id == aid and ev.detail["reason"] == "Seen live"
        assert ev.detail["from"] == -3 and ev.detail["to"] == -1
    assert verify_chain(raw_db, check_head=False).ok
    admin_only = Principal("u1", "sam", frozenset({"administrator"}))
    with pytest.raises(AccessDenied):
        review.override_score(raw_db, aid, "Sam", "boundaries", 0, "no role", who=admin_only)
    with pytest.raises(AccessDenied):
        review.add_rating(
            raw_db, aid, "Sam", {"boundaries": "developing"}, "developing", who=admin_only
        )
    assert review.overrides(raw_db, aid)["boundaries"].score == -1  # nothing changed
