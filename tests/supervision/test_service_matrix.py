"""Every public function of every module in ``facilitator/app/`` is either called here
as every role, or named in :data:`NEEDS_NO_ROLE` with the reason it needs none.

- A new public function in ``facilitator/app/`` fails :func:`test_every_service_is_covered`
  until it is added to :data:`SERVICES` (with the permission it must check) or to
  :data:`NEEDS_NO_ROLE` (with a comment saying why).
- :func:`test_every_service_as_every_role` calls each service as the install's owner,
  an administrator, a supervisor, a facilitator, a trainer, a user with no role and
  nobody at all (a shared install with no one signed in). Where the role table
  (:data:`ROLE_TABLE`, the product's policy written out by hand) says no, the service
  must raise ``AccessDenied`` with the one sentence of ``access.refusal``, and the app
  (``ui.errors_ui.error_text``) must show the same sentence, in English and Arabic.
- :func:`test_own_groups_and_attempts_only` calls the scoped services as a facilitator
  on someone else's group, session, participant or practice attempt: refused too.

One store is built for the module (groups, sessions, practice attempts by four
people): the calls check roles before they read or write, so the order they run in
does not change what is refused.
"""

from __future__ import annotations

import inspect
import os
import pkgutil
from datetime import date
from importlib import import_module
from types import SimpleNamespace

import keyring
import pytest
from keyring.backends import fail

import facilitator.app
from facilitator.app import access
from facilitator.app.access import AccessDenied, Principal, refusal
from facilitator.ui.errors_ui import error_text

from .conftest import ADM_PASS, FAC_PASS, PASS, SUP_PASS, TRN_PASS

ROLES = ("owner", "ada", "sam", "fay", "tom", "nobody", "no user")

# The policy, written out by hand (not read from access.PERMISSIONS, so a change there
# that nobody meant fails here). owner: every role; ada: administrator; sam:
# supervisor; fay: facilitator; tom: trainer; nobody: an account with no role.
ROLE_TABLE: dict[str, set[str]] = {
    "users.manage": {"owner", "ada"},
    "users.list": {"owner", "ada", "sam"},
    "settings.manage": {"owner", "ada"},
    "audit.read": {"owner", "ada", "sam"},
    "review.read": {"owner", "sam", "fay"},
    "review.comment": {"owner", "sam", "fay"},
    "review.decide": {"owner", "sam"},
    "approval.decide": {"owner", "sam", "ada"},
    "dashboard.read": {"owner", "sam", "fay"},
    "practice.use": {"owner", "sam", "fay", "tom"},
    "practice.review": {"owner", "tom"},
    "reports.write": {"owner", "sam", "fay"},
    "reports.program": {"owner", "sam"},
    "reports.register": {"owner", "ada", "sam", "fay"},
    "reports.register_clear": {"owner", "ada"},
    "groups.read": {"owner", "sam", "fay"},
    "groups.manage": {"owner", "fay"},
    "sessions.read": {"owner", "sam", "fay"},
    "sessions.run": {"owner", "fay"},
    "safety_numbers.manage": {"owner", "ada", "fay"},
    "bundle.export": {"owner", "sam", "fay"},
    "bundle.import": {"owner", "sam"},
    "bundle.receipts": {"owner", "sam", "fay"},
    "keys.read": {"owner", "ada", "sam", "fay"},
    "keys.manage": {"owner", "ada"},
}

# Public functions that check no role, and why. Keep each reason true.
NEEDS_NO_ROLE = {
    # the role machinery itself: the gates, the rule, the sentences
    **dict.fromkeys(
        [
            "access.acting",
            "access.allowed",
            "access.as_user",
            "access.implicit",
            "access.implicit_in",
            "access.in_scope",
            "access.may_see_group",
            "access.owns_group",
            "access.refusal",
            "access.require",
            "access.sees_all_groups",
            "access.visible_group_ids",
            "groups.authorize_in",  # the gate for writes; its callers are in SERVICES
            "practice.owns_attempt",  # the rule for "one's own attempt"
            "practice.may_open_attempt",
        ],
        "role machinery",
    ),
    # unlocking and signing in come before there is anyone to check
    **dict.fromkeys(
        [
            "unlock.keyring_available",
            "unlock.open_with",
            "unlock.open_with_keyring",
            "unlock.store_exists",
            "unlock.unlock_options",
            "unlock.verify",
            "unlock.verify_as",  # verify, then whose own passphrase it was
            "users.by_passphrase",  # the lock screen's "who is at the keyboard"
            "users.sign_in",
            "exports.write_recovery_kit",  # the unlock wizard's recovery sheet, no store data
        ],
        "unlock and sign-in",
    ),
    # pure functions of their arguments: no store is read or written
    **dict.fromkeys(
        [
            "audit.action_title",  # an action name in words
            "audit.detail_words",
            "audit.entity_title",
            "audit.parse_day",
            "bundle_keys.fingerprint_of_file",
            "bundle_keys.new_recovery_key",  # writes a key pair to files, not to the store
            "bundle_keys.parse_public",
            "bundle_keys.public_of",
            "bundle_keys.public_text",
            "bundle_keys.read_public",
            "bundles.conflict_differences",
            "bundles.month_of",
            "bundles.parse_month",
            "dashboard.completeness",  # over a Dashboard that dashboard.build made
            "dashboard.preview_pdf",
            "practice_review.check_scenario_file",  # a file on disk, checked, not stored
            "practice_review.check_scenario_text",  # the editor's text, checked, not stored
            "practice.bundled_scenario_source",  # a copy of a bundled file, no store data
            "practice.read_scenario_source",  # a file the user chose, no store data
            "practice.save_scenario_source",  # writes the editor's file, never the store
            "practice_review.cohen_kappa",
            "practice_review.engine_levels",
            "practice_review.practise_next",
            "reports.default_months",
            "review.signature_hash",
            "scales.run_phase",
            "scales.scale_from_spec",
        ],
        "pure",
    ),
    # content with no participant or practice data: scripts, scenarios, measure
    # definitions, the emergency numbers shown in every session, blank forms
    **dict.fromkeys(
        [
            "scripts.get_script",
            "scripts.script_summaries",
            "scripts.script_title",
            "runs.step_titles",
            "practice.list_scenarios",
            "practice.load_scenario",
            "measures.measure_table",
            "run_data.custom_scales",
            "safety_numbers.safety_numbers",
            "exports.write_who5_forms",
            "review.current_thresholds",
            # the days sessions were held (no names, codes or counts): the report
            # dialog's default period and its empty-period warning; reports.write checks
            "reports.held_days",
        ],
        "no participant data",
    ),
    # building blocks called only inside services that checked first (listed after #)
    **dict.fromkeys(
        [
            "approvals.request",  # users.request_removal, erasure.request_erasure, review.close
            "approvals.second_person_exists",  # erasure.request_erasure
            "bundle_keys.ensure_identity",  # takes an ORM session: export_public, rotate
            "bundle_keys.find_key",  # revoke, trust
            "bundle_keys.own_active",  # plan_export, write_receipt
            "bundles.apply_resolution",  # review.sign (take=)
            "bundles.audit_event",  # import_bundle, write_export
            "bundles.conflict_group",  # review
            "bundles.find_conflict",  # review.sign
            "bundles.review_messages_for",  # write_receipt
            "bundles.write_export",  # takes an ExportPlan, which only plan_export makes
            "review.verify_signoff",  # review.show
            "run_data.in_unit",  # retries a unit of work; the function it runs checks
        ]
        + [
            f"bundle_records.{n}"  # row (de)serialisers for plan_export / import_bundle
            for n in (
                "attendance_data",
                "canonical",
                "content_hash",
                "delete_row",
                "group_data",
                "incident_data",
                "insert_rows",
                "insert_rows_children",
                "local_data",
                "measure_data",
                "note_data",
                "parse_ts",
                "participant_data",
                "response_data",
                "row_values",
                "session_children",
                "session_data",
                "ts",
                "update_row",
            )
        ],
        "internal, behind a checked service",
    ),
    # the system keeps the review queue current on unlock and after an import; it
    # returns counts and ids, and reading the queue is checked (review.list_items)
    **dict.fromkeys(
        [
            "review.refresh",
            "review.collect_triggers",
            "review.conflict_items",
            "review.conflict_triggers",
        ],
        "system upkeep",
    ),
    # the demo store and its screenshots (a generated store with no real people)
    **dict.fromkeys(["demo.ensure_template", "demo.open_demo_store", "demo.template_dir"], "demo"),
    "runs.demo_run_group": "demo",
    # a rule on a status word: reads nothing (resume_attempt, which uses it, is checked)
    "practice.resumable": "rule only",
}


def public_functions() -> set[str]:
    out = set()
    for mod in pkgutil.iter_modules(facilitator.app.__path__):
        module = import_module(f"facilitator.app.{mod.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                out.add(f"{mod.name}.{name}")
    return out


# ---- the world ----------------------------------------------------------------------------

BEST = {
    "first_response": "pause",
    "private_talk": "ask_directly",
    "keep_it_secret": "call_together",
    "group_after": "acknowledge",
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from facilitator.app import practice, review, users
    from facilitator.practice.engine import ManualClock
    from facilitator.store import service
    from facilitator.store.models import Group

    from ..practice.test_app_practice import play_through
    from .helpers import add_incident, steady_group

    old_env = os.environ.get("FACILITATOR_KDF_PROFILE")
    os.environ["FACILITATOR_KDF_PROFILE"] = "test"
    old_ring = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    tmp = tmp_path_factory.mktemp("matrix")
    store = service.create_store(tmp / "s.db", passphrase=PASS)
    try:
        owner = users.sign_in(store, None, PASS)
        for login, roles, pw in (
            ("sam", ["supervisor"], SUP_PASS),
            ("fay", ["facilitator"], FAC_PASS),
            ("tom", ["trainer"], TRN_PASS),
            ("ada", ["administrator"], ADM_PASS),
        ):
            users.add_user(store, owner, login, roles, pw)
        people = {"owner": owner}
        for login, pw in (
            ("sam", SUP_PASS),
            ("fay", FAC_PASS),
            ("tom", TRN_PASS),
            ("ada", ADM_PASS),
        ):
            people[login] = users.sign_in(store, login, pw)
        people["nobody"] = Principal("f" * 32, "nobody", frozenset())
        people["no user"] = None
        db = store.db
        fay_gid, fay_sids, last = steady_group(db, name="Fay's circle")
        own_gid, own_sids, _ = steady_group(db, name="The owner's circle")
        with db.unit() as s:
            s.get(Group, fay_gid).owner_id = people["fay"].user_id
        add_incident(db, fay_gid, fay_sids[-1], severity=2, day=last)
        review.refresh(db)
        attempts = {}
        for login in ("owner", "sam", "fay", "tom"):
            clock = ManualClock(10.0)
            a = practice.start_attempt(
                db,
                "suicidal-disclosure-round",
                f"trainee {login}",
                seed=5,
                clock=clock,
                who=people[login],
            )
            play_through(a, clock, BEST)
            attempts[login] = a.id
        from facilitator.store.models import Participant
        from sqlalchemy import select

        with db.session() as s:
            parts = {
                g: list(s.scalars(select(Participant.id).where(Participant.group_id == g)))
                for g in (fay_gid, own_gid)
            }
        junk = tmp / "junk.fbundle"
        junk.write_bytes(b"not a bundle")
        w = SimpleNamespace(
            store=store,
            db=db,
            people=people,
            tmp=tmp,
            junk=junk,
            groups={"fay": fay_gid, "owner": own_gid},
            sessions={fay_gid: fay_sids, own_gid: own_sids},
            parts=parts,
            attempts=attempts,
            item=review.list_items(db, people["sam"])[0].id,
        )
        yield w
    finally:
        store.close()
        keyring.set_keyring(old_ring)
        if old_env is None:
            os.environ.pop("FACILITATOR_KDF_PROFILE", None)
        else:
            os.environ["FACILITATOR_KDF_PROFILE"] = old_env


def _login(who):
    return who.login if who is not None else ""


def gid(w, who, foreign=False):
    """The group the caller would act on: their own (fay's for fay, the unowned one,
    which the install's owner runs, for everyone else); ``foreign``: the other one."""
    mine = w.groups["fay"] if _login(who) == "fay" else w.groups["owner"]
    if foreign:
        return w.groups["owner"] if mine == w.groups["fay"] else w.groups["fay"]
    return mine


def sid(w, who, foreign=False):
    return w.sessions[gid(w, who, foreign)][0]


def pid(w, who, foreign=False, k=0):
    return w.parts[gid(w, who, foreign)][k]


def aid(w, who, foreign=False):
    """The caller's own practice attempt (fay's for anyone who has none); ``foreign``:
    someone else's (tom's, or fay's for tom)."""
    login = _login(who)
    if foreign:
        return w.attempts["fay" if login == "tom" else "tom"]
    return w.attempts.get(login, w.attempts["fay"])


def in_unit(w, fn):
    with w.db.unit() as s:
        return fn(s)


def _services():
    """name -> (permission, call(w, who, foreign)); a name is ``module.function`` and
    may carry a ``#variant``. ``scoped``: the service acts on one group, session,
    participant or attempt, so a facilitator is refused someone else's."""
    from facilitator.app import (
        approvals,
        audit,
        bundle_keys,
        bundles,
        dashboard,
        erasure,
        exports,
        groups,
        practice,
        practice_review,
        reports,
        review,
        run_data,
        runs,
        safety_numbers,
        sessions,
        summary_data,
        users,
    )
    from facilitator.session.rules import load_ruleset

    z = "0" * 32
    S = {}
    SCOPED = set()

    def add(name, perm, fn, scoped=False):
        S[name] = (perm, fn)
        if scoped:
            SCOPED.add(name)

    # users, settings, audit, approvals
    add("users.list_users", "users.list", lambda w, who, f: users.list_users(w.store, who))
    add(
        "users.add_user",
        "users.manage",
        lambda w, who, f: users.add_user(
            w.store, who, f"new{_login(who) or 'x'}", ["trainer"], "another long passphrase"
        ),
    )
    add(
        "users.set_roles",
        "users.manage",
        lambda w, who, f: users.set_roles(w.store, who, "tom", ["trainer"]),
    )
    add(
        "users.set_passphrase",
        "users.manage",
        lambda w, who, f: users.set_passphrase(w.store, who, "ada", "ada's next passphrase 1"),
    )
    add(
        "users.request_removal",
        "users.manage",
        lambda w, who, f: users.request_removal(w.store, who, "zzz"),
    )
    add(
        "users.approve_removal",
        "approval.decide",
        lambda w, who, f: users.approve_removal(w.store, who, z),
    )
    add("approvals.approve", "approval.decide", lambda w, who, f: approvals.approve(w.db, who, z))
    add("approvals.pending", "approval.decide", lambda w, who, f: approvals.pending(w.db, who=who))
    add(
        "approvals.pending#remove_user",
        "users.list",
        lambda w, who, f: approvals.pending(w.db, "remove_user", who=who),
    )
    add("audit.entries", "audit.read", lambda w, who, f: audit.entries(w.store, who))
    add("audit.verify", "audit.read", lambda w, who, f: audit.verify(w.store, who))
    add(
        "audit.export_csv",
        "audit.read",
        lambda w, who, f: audit.export_csv(w.store, who, w.tmp / f"a-{_login(who)}.csv"),
    )
    add(
        "audit.export_pdf",
        "audit.read",
        lambda w, who, f: audit.export_pdf(w.store, who, w.tmp / f"a-{_login(who)}.pdf"),
    )
    add("audit.audit_report", "audit.read", lambda w, who, f: audit.audit_report(w.store, who))

    # review queue, erasure, dashboard
    add("review.list_items", "review.read", lambda w, who, f: review.list_items(w.db, who))
    add("review.counts", "review.read", lambda w, who, f: review.counts(w.db, who))
    add("review.show", "review.read", lambda w, who, f: review.show(w.db, who, w.item))
    add(
        "review.comment",
        "review.comment",
        lambda w, who, f: review.comment(w.db, who, w.item, "a note"),
    )
    add(
        "review.comment#needs_info",
        "review.decide",
        lambda w, who, f: review.comment(w.db, who, w.item, "?", needs_info=True),
    )
    add("review.take", "review.decide", lambda w, who, f: review.take(w.db, who, z))
    add("review.sign", "review.decide", lambda w, who, f: review.sign(w.db, who, z))
    add("review.close", "review.decide", lambda w, who, f: review.close(w.db, who, z, "reason"))
    add("review.approve", "review.decide", lambda w, who, f: review.approve(w.db, who, z))
    add(
        "review.sign_month",
        "review.decide",
        lambda w, who, f: review.sign_month(w.db, who, w.groups["fay"], "2026-10"),
    )
    add(
        "review.set_thresholds",
        "settings.manage",
        lambda w, who, f: review.set_thresholds(w.db, who, quiet_days=30),
    )
    add(
        "erasure.request_erasure",
        "review.comment",
        lambda w, who, f: erasure.request_erasure(w.db, who, pid(w, who, f, k=6)),
        scoped=True,
    )
    add(
        "erasure.approve_erasure",
        "approval.decide",
        lambda w, who, f: erasure.approve_erasure(w.db, who, z),
    )
    add("dashboard.choices", "dashboard.read", lambda w, who, f: dashboard.choices(w.db, who))
    add("dashboard.build", "dashboard.read", lambda w, who, f: dashboard.build(w.db, who))
    add(
        "dashboard.save_pdf",
        "dashboard.read",
        lambda w, who, f: dashboard.save_pdf(
            w.db, who, dashboard.build(w.db, w.people["sam"]), w.tmp / f"d-{_login(who)}.pdf"
        ),
    )

    # practice: one's own attempts (practice.use); anyone's (practice.review)
    add(
        "practice.start_attempt",
        "practice.use",
        lambda w, who, f: practice.start_attempt(
            w.db, "suicidal-disclosure-round", "t", seed=1, who=who
        ),
    )
    add("practice.history", "practice.use", lambda w, who, f: practice.history(w.db, who=who))
    add(
        "practice.attempt_actor",
        "practice.use",
        lambda w, who, f: practice.attempt_actor(w.db, aid(w, who, f), who),
        scoped=True,
    )
    for name in ("stored_transcript", "replay_attempt", "resume_attempt"):
        add(
            f"practice.{name}",
            "practice.use",
            lambda w, who, f, n=name: getattr(practice, n)(w.db, aid(w, who, f), who=who),
            scoped=True,
        )
    add(
        "practice.debrief",
        "practice.use",
        lambda w, who, f: practice.debrief(w.db, aid(w, who, f), "en", who=who),
        scoped=True,
    )
    add(
        "practice_review.save_reflection",
        "practice.use",
        lambda w, who, f: practice_review.save_reflection(
            w.db, aid(w, who, f), "It felt tense.", 3, who=who
        ),
        scoped=True,
    )
    for name in ("reflection", "comments", "overrides"):
        add(
            f"practice_review.{name}",
            "practice.use",
            lambda w, who, f, n=name: getattr(practice_review, n)(w.db, aid(w, who, f), who=who),
            scoped=True,
        )
    add(
        "practice_review.debrief",
        "practice.use",
        lambda w, who, f: practice_review.debrief(
            w.db, aid(w, who, f), "en", require_reflection=False, who=who
        ),
        scoped=True,
    )
    add(
        "practice_review.feedback_pdf",
        "practice.use",
        lambda w, who, f: practice_review.feedback_pdf(
            w.db, aid(w, who, f), "en", require_reflection=False, who=who
        ),
        scoped=True,
    )
    add(
        "practice_review.replay_transcript",
        "practice.use",
        lambda w, who, f: practice_review.replay_transcript(w.db, aid(w, who, f), "en", who=who),
        scoped=True,
    )
    add(
        "practice_review.trainees",
        "practice.use",
        lambda w, who, f: practice_review.trainees(w.db, who=who),
    )
    add(
        "practice_review.trainee_history",
        "practice.use",
        lambda w, who, f: practice_review.trainee_history(w.db, "trainee fay", who=who),
    )
    add(
        "practice_review.roleplay_kit",
        "practice.use",
        lambda w, who, f: practice_review.roleplay_kit(
            "suicidal-disclosure-round", "en", w.db, who=who
        ),
    )
    fay_attempt = lambda w: w.attempts["fay"]  # noqa: E731 - a trainer reviews fay's
    add(
        "practice_review.add_comment",
        "practice.review",
        lambda w, who, f: practice_review.add_comment(w.db, fay_attempt(w), "T", "Good", who=who),
    )
    add(
        "practice_review.override_score",
        "practice.review",
        lambda w, who, f: practice_review.override_score(
            w.db, fay_attempt(w), "T", "boundaries", 1, "Seen live", who=who
        ),
    )
    add(
        "practice_review.add_rating",
        "practice.review",
        lambda w, who, f: practice_review.add_rating(
            w.db,
            fay_attempt(w),
            _login(who) or "x",
            {"boundaries": "competent"},
            "competent",
            who=who,
        ),
    )
    add(
        "practice_review.ratings",
        "practice.review",
        lambda w, who, f: practice_review.ratings(w.db, fay_attempt(w), "T", who=who),
    )
    add(
        "practice_review.has_rated",
        "practice.review",
        lambda w, who, f: practice_review.has_rated(w.db, fay_attempt(w), "T", who=who),
    )
    add(
        "practice_review.agreement",
        "practice.review",
        lambda w, who, f: practice_review.agreement(w.db, [fay_attempt(w)], "a", "b", who=who),
    )
    add(
        "practice_review.record_observed_attempt",
        "practice.review",
        lambda w, who, f: practice_review.record_observed_attempt(
            w.db, "suicidal-disclosure-round", "t", "Observer", {}, who=who
        ),
    )

    # groups and participants
    add(
        "groups.authorize",
        "groups.read",
        lambda w, who, f: groups.authorize(w.db, who, "groups.read"),
    )
    add("groups.list_groups", "groups.read", lambda w, who, f: groups.list_groups(w.db, who=who))
    for name in ("group_form", "plan_info", "load_roster", "participant_codes"):
        add(
            f"groups.{name}",
            "groups.read",
            lambda w, who, f, n=name: getattr(groups, n)(w.db, gid(w, who, f), who=who),
            scoped=True,
        )
    add(
        "groups.find_resume_offers",
        "sessions.read",
        lambda w, who, f: groups.find_resume_offers(w.db, who=who),
    )
    add(
        "groups.save_group",
        "groups.manage",
        lambda w, who, f: in_unit(
            w,
            lambda s: groups.save_group(
                s,
                groups.group_form(w.db, w.groups["owner"], who=w.people["owner"]),
                gid(w, who, f),
                who=who,
            ),
        ),
        scoped=True,
    )
    add(
        "groups.add_group",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.add_group(s, "New", "mutual_support", "en", who=who)
        ),
    )
    add(
        "groups.rename_group",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.rename_group(s, gid(w, who, f), "Renamed", who=who)
        ),
        scoped=True,
    )
    add(
        "groups.archive_group",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.archive_group(s, gid(w, who, f), False, who=who)
        ),
        scoped=True,
    )
    add(
        "groups.add_participant",
        "groups.manage",
        lambda w, who, f: in_unit(w, lambda s: groups.add_participant(s, gid(w, who, f), who=who)),
        scoped=True,
    )
    add(
        "groups.set_alias",
        "groups.manage",
        lambda w, who, f: in_unit(w, lambda s: groups.set_alias(s, pid(w, who, f), "Sam", who=who)),
        scoped=True,
    )
    add(
        "groups.set_details",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.set_details(s, pid(w, who, f), age_band=None, gender=None, who=who)
        ),
        scoped=True,
    )
    add(
        "groups.archive_participant",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.archive_participant(s, pid(w, who, f), False, who=who)
        ),
        scoped=True,
    )
    add(
        "groups.erase_participant",
        "groups.manage",
        lambda w, who, f: in_unit(
            w, lambda s: groups.erase_participant(s, pid(w, who, f, k=5 if f else 7), who=who)
        ),
        scoped=True,
    )

    # sessions and run mode
    add(
        "sessions.unfinished_sessions",
        "sessions.read",
        lambda w, who, f: sessions.unfinished_sessions(w.db, who=who),
    )
    add(
        "sessions.session_history",
        "sessions.read",
        lambda w, who, f: sessions.session_history(w.db, gid(w, who, f), who=who),
        scoped=True,
    )
    add(
        "sessions.discard_session",
        "sessions.run",
        lambda w, who, f: sessions.discard_session(w.db, sid(w, who, f), who=who),
        scoped=True,
    )
    add(
        "runs.open_run",
        "sessions.run",
        lambda w, who, f: runs.open_run(w.db, gid(w, who, f), "no-such-script", who=who),
        scoped=True,
    )
    add(
        "runs.last_completed_session",
        "sessions.read",
        lambda w, who, f: runs.last_completed_session(w.db, gid(w, who, f), who=who),
        scoped=True,
    )
    add(
        "runs.record_incident",
        "sessions.run",
        lambda w, who, f: in_unit(
            w,
            lambda s: runs.record_incident(
                s, gid(w, who, f), sid(w, who, f), "no-such-type", 1, "x", [], who=who
            ),
        ),
        scoped=True,
    )
    run_calls = {
        "load_run_data": lambda s, w, who, f: run_data.load_run_data(s, sid(w, who, f), who=who),
        "may_run": lambda s, w, who, f: run_data.may_run(s, who, sid(w, who, f)),
        "set_status": lambda s, w, who, f: run_data.set_status(
            s, sid(w, who, f), pid(w, who, f), "present", who=who
        ),
        "set_present": lambda s, w, who, f: run_data.set_present(
            s, sid(w, who, f), pid(w, who, f), True, who=who
        ),
        "add_newcomer": lambda s, w, who, f: run_data.add_newcomer(
            s, gid(w, who, f), sid(w, who, f), who=who
        ),
        "record_score": lambda s, w, who, f: run_data.record_score(
            s, sid(w, who, f), pid(w, who, f), "check_in", 3, False, who=who
        ),
        "record_custom": lambda s, w, who, f: run_data.record_custom(
            s, sid(w, who, f), pid(w, who, f), "no-such-measure", "check_in", 1.0, False, who=who
        ),
        "save_who5": lambda s, w, who, f: run_data.save_who5(
            s, sid(w, who, f), pid(w, who, f), None, True, who=who
        ),
        "agree_rules": lambda s, w, who, f: run_data.agree_rules(
            s, sid(w, who, f), load_ruleset(), who=who
        ),
        "save_note": lambda s, w, who, f: run_data.save_note(
            s, gid(w, who, f), sid(w, who, f), "a note", who=who
        ),
        "set_headcount": lambda s, w, who, f: run_data.set_headcount(s, sid(w, who, f), 5, who=who),
    }
    for name, call in run_calls.items():
        add(
            f"run_data.{name}",
            "sessions.run",
            lambda w, who, f, c=call: in_unit(w, lambda s: c(s, w, who, f)),
            scoped=True,
        )
    add(
        "summary_data.session_summary",
        "sessions.run",
        lambda w, who, f: in_unit(
            w, lambda s: summary_data.session_summary(s, sid(w, who, f), who=who)
        ),
        scoped=True,
    )
    add(
        "safety_numbers.set_safety_numbers",
        "safety_numbers.manage",
        lambda w, who, f: in_unit(
            w, lambda s: safety_numbers.set_safety_numbers(s, "en", "112", "+44 116 123", who=who)
        ),
    )

    # reports, handouts, the register
    add(
        "reports.check",
        "reports.write",
        lambda w, who, f: reports.check(w.db, "group", who, group_id=gid(w, who, f)),
        scoped=True,
    )
    add(
        "reports.build",
        "reports.write",
        lambda w, who, f: reports.build(w.db, "session", who, session_id=sid(w, who, f)),
        scoped=True,
    )
    add(
        "reports.build#program",
        "reports.program",
        lambda w, who, f: reports.build(w.db, "program", who),
    )
    add(
        "reports.write",
        "reports.write",
        lambda w, who, f: reports.write(
            w.db,
            "group",
            w.tmp / f"g-{_login(who)}.pdf",
            who,
            group_id=gid(w, who, f),
            date_from=date(2026, 9, 1),
            date_to=date(2026, 10, 31),
        ),
        scoped=True,
    )
    add("reports.register", "reports.register", lambda w, who, f: reports.register(w.db, who))
    add(
        "reports.clear_register",
        "reports.register_clear",
        lambda w, who, f: reports.clear_register(w.db, who),
    )
    add(
        "exports.write_handout",
        "groups.read",
        lambda w, who, f: exports.write_handout(
            w.db,
            "mutual-support-circle",
            gid(w, who, f),
            w.tmp / f"h-{_login(who)}.pdf",
            "en",
            who=who,
        ),
        scoped=True,
    )

    # bundles and keys
    add(
        "bundles.plan_export",
        "bundle.export",
        lambda w, who, f: bundles.plan_export(w.db, [], who=who),
    )
    add(
        "bundles.export_bundle",
        "bundle.export",
        lambda w, who, f: bundles.export_bundle(w.db, [], w.tmp / "x.fbundle", who=who),
    )
    add(
        "bundles.export_choices",
        "bundle.export",
        lambda w, who, f: bundles.export_choices(w.db, who=who),
    )
    add(
        "bundles.import_bundle",
        "bundle.import",
        lambda w, who, f: bundles.import_bundle(w.db, w.junk, who=who),
    )
    add(
        "bundles.status_board",
        "bundle.import",
        lambda w, who, f: bundles.status_board(w.db, who=who),
    )
    add(
        "bundles.list_conflicts",
        "bundle.import",
        lambda w, who, f: bundles.list_conflicts(w.db, who=who),
    )
    add(
        "bundles.quarantine_list",
        "bundle.import",
        lambda w, who, f: bundles.quarantine_list(w.db, who=who),
    )
    add(
        "bundles.write_receipt",
        "bundle.import",
        lambda w, who, f: bundles.write_receipt(w.db, "0" * 16, w.tmp / "r.fbundle", who=who),
    )
    add("bundles.receipts", "bundle.receipts", lambda w, who, f: bundles.receipts(w.db, who=who))
    add(
        "bundles.acknowledge",
        "bundle.receipts",
        lambda w, who, f: bundles.acknowledge(w.db, "0" * 8, who=who),
    )
    add(
        "bundles.unacknowledged_sent",
        "bundle.receipts",
        lambda w, who, f: bundles.unacknowledged_sent(w.db, who=who),
    )
    add(
        "bundle_keys.list_keys", "keys.read", lambda w, who, f: bundle_keys.list_keys(w.db, who=who)
    )
    add("bundle_keys.own_info", "keys.read", lambda w, who, f: bundle_keys.own_info(w.db, who=who))
    add(
        "bundle_keys.export_public",
        "keys.read",
        lambda w, who, f: bundle_keys.export_public(w.db, w.tmp / f"k-{_login(who)}.pub", who=who),
    )
    add(
        "bundle_keys.trust",
        "keys.manage",
        lambda w, who, f: bundle_keys.trust(w.db, None, "0", who=who),
    )
    add("bundle_keys.rotate", "keys.manage", lambda w, who, f: bundle_keys.rotate(w.db, who=who))
    add(
        "bundle_keys.revoke",
        "keys.manage",
        lambda w, who, f: bundle_keys.revoke(w.db, "zzzz", who=who),
    )
    return S, SCOPED


SERVICES, SCOPED = _services()


def test_every_service_is_covered():
    """A public function of facilitator/app is in the matrix or in the allow-list."""
    found = public_functions()
    covered = {name.split("#")[0] for name in SERVICES}
    missing = sorted(found - covered - set(NEEDS_NO_ROLE))
    assert not missing, f"add these to SERVICES or NEEDS_NO_ROLE (with a reason): {missing}"
    stale = sorted((covered | set(NEEDS_NO_ROLE)) - found)
    assert not stale, f"these no longer exist: {stale}"
    assert not covered & set(NEEDS_NO_ROLE)


def test_the_role_table_is_the_permission_table():
    assert set(ROLE_TABLE) == set(access.PERMISSIONS)
    assert {p for p, _ in SERVICES.values()} <= set(ROLE_TABLE)


def _refused(w, name, who, foreign=False) -> AccessDenied:
    perm, call = SERVICES[name]
    with pytest.raises(AccessDenied) as info:
        call(w, who, foreign)
    return info.value


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_service_as_every_role(world, name):
    perm, call = SERVICES[name]
    for role in ROLES:
        who = world.people[role]
        if role in ROLE_TABLE[perm]:
            try:
                call(world, who, False)
            except AccessDenied as exc:  # pragma: no cover - the failure message
                pytest.fail(f"{role} was refused {name}: {exc}")
            except Exception:  # noqa: BLE001 - past the gate; the input may be refused
                pass
            continue
        exc = _refused(world, name, who)
        if who is None:  # a shared install with nobody signed in
            assert "sign in first" in str(exc).lower()
        else:
            assert str(exc) == refusal(who, perm), (name, role)
            # the app shows the same sentence, in English and in Arabic
            assert error_text(exc, "en") == str(exc)
            assert error_text(exc, "ar") == refusal(who, perm, "ar") != str(exc)
        assert error_text(exc, "ar") != str(exc)  # translated, not the English


@pytest.mark.parametrize("name", sorted(SCOPED))
def test_own_groups_and_attempts_only(world, name):
    """fay (a facilitator) on the owner's group, session or participant, or on tom's
    practice attempt: refused, with a sentence the app translates."""
    fay = world.people["fay"]
    exc = _refused(world, name, fay, foreign=True)
    assert "fay may" in str(exc)
    assert "fay" in error_text(exc, "ar") and error_text(exc, "ar") != str(exc)


def test_a_facilitator_lists_only_their_own_groups(world):
    from facilitator.app import dashboard, groups, review, sessions

    fay, sam, ada = world.people["fay"], world.people["sam"], world.people["ada"]
    from sqlalchemy import select

    from facilitator.store.models import Group

    with world.db.session() as s:  # fay's: the one she was given, and any she added
        hers = set(s.scalars(select(Group.id).where(Group.owner_id == fay.user_id)))
    listed = {g.id for g in groups.list_groups(world.db, who=fay)}
    assert world.groups["fay"] in listed and world.groups["owner"] not in listed
    assert listed <= hers
    assert {g.id for g in groups.list_groups(world.db, who=sam)} >= set(world.groups.values())
    assert {g for g, _n, _t in dashboard.choices(world.db, fay).groups} == listed
    assert {i.group_id for i in review.list_items(world.db, fay)} <= {world.groups["fay"]}
    assert all(
        u.group_id == world.groups["fay"] for u in sessions.unfinished_sessions(world.db, who=fay)
    )
    with pytest.raises(AccessDenied):
        groups.list_groups(world.db, who=ada)  # an administrator alone: no participant data
    with pytest.raises(AccessDenied):
        groups.list_groups(world.db, who=world.people["tom"])  # a trainer: no groups


def test_a_supervisor_never_sees_aliases(world):
    from facilitator.app import groups

    fay, sam = world.people["fay"], world.people["sam"]
    g = world.groups["fay"]
    with world.db.unit() as s:
        groups.set_alias(s, world.parts[g][1], "Layla", who=fay)
    assert "Layla" in {r.alias for r in groups.load_roster(world.db, g, who=fay)}
    assert {r.alias for r in groups.load_roster(world.db, g, who=sam)} == {None}


def test_a_trainer_sees_practice_only_and_trainees_their_own(world):
    from facilitator.app import practice, practice_review

    tom, fay, sam = world.people["tom"], world.people["fay"], world.people["sam"]
    everyone = {a.id for a in practice.history(world.db, who=tom)}
    assert set(world.attempts.values()) <= everyone
    mine = {a.id for a in practice.history(world.db, who=fay)}
    assert world.attempts["fay"] in mine
    assert not mine & {world.attempts[x] for x in ("owner", "sam", "tom")}
    names = practice_review.trainees(world.db, who=sam)
    assert "trainee sam" in names and "trainee fay" not in names
    assert {"trainee fay", "trainee sam"} <= set(practice_review.trainees(world.db, who=tom))
    assert practice_review.trainee_history(world.db, "trainee fay", who=sam) == []
