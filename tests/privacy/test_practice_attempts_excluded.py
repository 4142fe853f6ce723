"""Promise: practice attempts (trainees playing scenarios) never reach real data.

Attempts live in their own ``practice_*`` tables, which point at nothing real, and the
scenario's session script runs in memory without a ``session`` row. This test plays
attempts of several scenarios into a demo store through the same application service
the app and the CLI use, and checks that every group and program report, rendered to
PDF in English and Arabic, is byte-for-byte the same before and after (the date stamp
fixed, ReportLab in invariant mode so its own dates and ids are fixed too), as are the
store's session and group listings.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

import pytest
from reportlab import rl_config
from sqlalchemy import func, select

from facilitator.app import practice as svc
from facilitator.app import practice_review as review
from facilitator.export.pdf import render_report
from facilitator.practice.engine import ManualClock
from facilitator.store.models import Base, Group, Session
from facilitator.store.models_practice import PracticeAttempt, PracticeEntry
from facilitator.tracking import reports

from .helpers import demo_store, ok

STAMP = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)  # the date stamp, removed
PERIODS = ((None, None), (date(2024, 12, 1), date(2025, 6, 30)))
PLAYS = (
    ("suicidal-disclosure-round", 11, "T1"),
    ("recovery-intoxicated-arrival", 12, "T1"),
    ("caregivers-blame-professional", 13, "T2"),
    ("school-mediation-meeting", 14, "T2"),
)


def all_reports(db, group_ids) -> dict[tuple, bytes]:
    out = {}
    for lang in ("en", "ar"):
        for start, end in PERIODS:
            for gid in group_ids:
                report = reports.build_group_report(db, gid, start, end, lang)
                out[("group", gid, lang, start)] = render_report(
                    dataclasses.replace(report, generated_at=STAMP)
                )
            for external in (False, True):
                report = reports.build_program_report(db, start, end, lang, external=external)
                out[("program", lang, start, external)] = render_report(
                    dataclasses.replace(report, generated_at=STAMP)
                )
    return out


def listings(store) -> list[str]:
    out = [ok("groups", *store.unlock_args(), "--json").out]
    for gid in store.group_ids:
        out.append(ok("sessions", *store.unlock_args(), "--group", gid, "--json").out)
    return out


def play_all(db) -> None:
    for scenario_id, seed, trainee in PLAYS:
        clock = ManualClock()
        attempt = svc.start_attempt(db, scenario_id, trainee, seed=seed, clock=clock)
        run = attempt.run
        attempt.start()
        while not run.done:
            decision = run.pending_decision()
            if decision is not None:
                if not any(e.kind == "safety" for e in run.entries):
                    attempt.open_safety()  # the Safety button in practice: nothing real
                clock.advance(4)
                attempt.choose(decision.options[seed % len(decision.options)].id)
                continue
            clock.advance(run.run.snapshot().step_remaining)
            attempt.poll()
            if run.pending or run.done:
                continue
            if run.run.index == len(run.script.steps) - 1:
                attempt.finish()
            else:
                attempt.next_step()
        attempt.sync_if_ended()
        # the debrief and the trainer's review (issue 17): practice tables only
        review.save_reflection(db, attempt.id, "It felt tense.", 3)
        review.add_comment(db, attempt.id, "Trainer", "Good pace", None)
        review.override_score(db, attempt.id, "Trainer", "safety_response", 1, "Seen live")
        review.add_rating(
            db, attempt.id, "Trainer", {"safety_response": "developing"}, "developing"
        )
        review.feedback_pdf(db, attempt.id, "ar")
    review.record_observed_attempt(
        db,
        "suicidal-disclosure-round",
        "T3",
        "Observer",
        {"first_response": 1, "private_talk": 1, "keep_it_secret": 1, "group_after": 1},
    )


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attempts")
    store = demo_store(tmp / "store", tmp / "secrets", groups=2, weeks=6)
    old = rl_config.invariant
    rl_config.invariant = 1
    try:
        before_lists = listings(store)
        with store.open() as opened:
            with opened.db.session() as s:
                gids = list(s.scalars(select(Group.id).order_by(Group.id)))
                sessions_before = s.scalar(select(func.count()).select_from(Session))
            before = all_reports(opened.db, gids)
            again = all_reports(opened.db, gids)
            play_all(opened.db)
            after = all_reports(opened.db, gids)
            with opened.db.session() as s:
                sessions_after = s.scalar(select(func.count()).select_from(Session))
                attempts = s.scalar(select(func.count()).select_from(PracticeAttempt))
                entries = s.scalar(select(func.count()).select_from(PracticeEntry))
        after_lists = listings(store)
    finally:
        rl_config.invariant = old
    return dict(
        store=store,
        gids=gids,
        before=before,
        again=again,
        after=after,
        lists=(before_lists, after_lists),
        sessions=(sessions_before, sessions_after),
        attempts=attempts,
        entries=entries,
    )


def test_the_comparison_is_deterministic_and_the_attempts_are_real(case):
    assert case["before"] == case["again"]  # otherwise "identical" would prove nothing
    assert all(pdf.startswith(b"%PDF") for pdf in case["before"].values())
    assert case["attempts"] == len(PLAYS) + 1 and case["entries"] > 40  # + the observed one


def test_every_real_report_is_byte_identical_after_practice(case):
    before, after = case["before"], case["after"]
    assert before.keys() == after.keys() and len(before) == 2 * 2 * (2 + 2)
    changed = [key for key in before if before[key] != after[key]]
    assert not changed, f"practice attempts changed {len(changed)} report(s): {changed[:3]}"


def test_no_session_or_listing_was_added(case):
    assert case["sessions"][0] == case["sessions"][1]
    assert case["lists"][0] == case["lists"][1]


def test_control_a_session_that_counts_does_change_the_bytes(case):
    """Flip one of the demo's practice sessions to real: the same comparison must see it."""
    store = case["store"]
    old = rl_config.invariant
    rl_config.invariant = 1
    try:
        with store.open() as opened:
            with opened.db.unit() as s:
                sess = s.scalars(select(Session).where(Session.is_practice.is_(True))).first()
                sess.is_practice = False
                sid = sess.id
            try:
                flipped = all_reports(opened.db, case["gids"])
            finally:
                with opened.db.unit() as s:
                    s.get(Session, sid).is_practice = True
    finally:
        rl_config.invariant = old
    assert any(flipped[key] != case["after"][key] for key in flipped)


def test_practice_tables_point_at_nothing_real():
    """The data layer makes it impossible, not merely unlikely: no practice table has a
    foreign key to a real table, and no real table has one to a practice table."""
    practice = {name for name in Base.metadata.tables if name.startswith("practice_")}
    assert practice == {"practice_attempt", "practice_entry", "practice_action", "practice_review"}
    for name, table in Base.metadata.tables.items():
        for fk in table.foreign_keys:
            target = fk.column.table.name
            assert (name in practice) == (target in practice), f"{name} -> {target}"
