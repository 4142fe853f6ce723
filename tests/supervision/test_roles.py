"""Every supervision service called as every role: refused where it should be, with
the same sentence in the application layer and on the command line."""

from __future__ import annotations

import pytest

from facilitator.app import audit as audit_svc
from facilitator.app import (
    bundle_keys,
    bundles,
    dashboard,
    erasure,
    groups,
    practice,
    reports,
    review,
    runs,
    users,
)
from facilitator.app.access import AccessDenied, refusal
from facilitator.cli.main import main

from .conftest import ADM_PASS, FAC_PASS, PASS, SUP_PASS, TRN_PASS
from .helpers import add_incident, steady_group

ROLES = ("owner", "sam", "fay", "tom", "ada")
# service -> (permission it needs, roles that hold it in the `people` fixture)
MATRIX = {
    "users.list": ("users.list", {"owner", "sam", "ada"}),
    "users.add": ("users.manage", {"owner", "ada"}),
    "users.roles": ("users.manage", {"owner", "ada"}),
    "users.remove": ("users.manage", {"owner", "ada"}),
    "audit.show": ("audit.read", {"owner", "sam", "ada"}),
    "audit.verify": ("audit.read", {"owner", "sam", "ada"}),
    "audit.csv": ("audit.read", {"owner", "sam", "ada"}),
    "review.list": ("review.read", {"owner", "sam", "fay"}),
    "review.counts": ("review.read", {"owner", "sam", "fay"}),
    "review.show": ("review.read", {"owner", "sam", "fay"}),
    "review.comment": ("review.comment", {"owner", "sam", "fay"}),
    "review.take": ("review.decide", {"owner", "sam"}),
    "review.needs_info": ("review.decide", {"owner", "sam"}),
    "review.sign": ("review.decide", {"owner", "sam"}),
    "review.close": ("review.decide", {"owner", "sam"}),
    "review.month": ("review.decide", {"owner", "sam"}),
    "review.approve": ("review.decide", {"owner", "sam"}),
    "settings.thresholds": ("settings.manage", {"owner", "ada"}),
    "users.passwd_other": ("users.manage", {"owner", "ada"}),
    "users.approve_removal": ("approval.decide", {"owner", "sam", "ada"}),
    "dashboard.build": ("dashboard.read", {"owner", "sam", "fay"}),
    "dashboard.choices": ("dashboard.read", {"owner", "sam", "fay"}),
    "erasure.request": ("review.comment", {"owner", "sam", "fay"}),
    "erasure.approve": ("approval.decide", {"owner", "sam", "ada"}),
    # practice (issue 16): a trainer, and anyone who leads or supervises groups
    "practice.start": ("practice.use", {"owner", "sam", "fay", "tom"}),
    "practice.history": ("practice.use", {"owner", "sam", "fay", "tom"}),
    "practice.transcript": ("practice.use", {"owner", "sam", "fay", "tom"}),
    "practice.replay": ("practice.use", {"owner", "sam", "fay", "tom"}),
    "practice.debrief": ("practice.use", {"owner", "sam", "fay", "tom"}),
    # bundles (issue 15)
    "bundle.plan_export": ("bundle.export", {"owner", "sam", "fay"}),
    "bundle.export_choices": ("bundle.export", {"owner", "sam", "fay"}),
    "bundle.import": ("bundle.import", {"owner", "sam"}),
    "bundle.status": ("bundle.import", {"owner", "sam"}),
    "bundle.conflicts": ("bundle.import", {"owner", "sam"}),
    "bundle.quarantine": ("bundle.import", {"owner", "sam"}),
    "bundle.write_receipt": ("bundle.import", {"owner", "sam"}),
    "bundle.receipts": ("bundle.receipts", {"owner", "sam", "fay"}),
    "bundle.acknowledge": ("bundle.receipts", {"owner", "sam", "fay"}),
    "bundle.unacknowledged": ("bundle.receipts", {"owner", "sam", "fay"}),
    "keys.trust": ("keys.manage", {"owner", "ada"}),
    "keys.rotate": ("keys.manage", {"owner", "ada"}),
    "keys.revoke": ("keys.manage", {"owner", "ada"}),
    # reports: a facilitator on their own groups, a supervisor on all (de-identified)
    "reports.session": ("reports.write", {"owner", "sam", "fay"}),
    "reports.group": ("reports.write", {"owner", "sam", "fay"}),
    "reports.program": ("reports.program", {"owner", "sam"}),
    # groups and participants: facilitators manage, supervisors list
    "groups.list": ("groups.read", {"owner", "sam", "fay"}),
    "groups.codes": ("groups.read", {"owner", "sam", "fay"}),
    "groups.manage": ("groups.manage", {"owner", "fay"}),
    "sessions.run": ("sessions.run", {"owner", "fay"}),
}


@pytest.fixture
def world(store, people, tmp_path):
    db = store.db
    gid, ids, last = steady_group(db)
    from facilitator.store.models import Group

    with db.unit() as s:
        s.get(Group, gid).owner_id = people["fay"].user_id
    add_incident(db, gid, ids[-1], severity=2, day=last)
    review.refresh(db)
    junk = tmp_path / "junk.fbundle"
    junk.write_bytes(b"not a bundle")
    return {"gid": gid, "sid": ids[0], "tmp": tmp_path, "junk": junk}


def _call(name, store, who, world):
    db = store.db
    item = review.list_items(db, _sup(store))[0].id
    calls = {
        "users.list": lambda: users.list_users(store, who),
        "users.add": lambda: users.add_user(
            store, who, f"new{who.login}", ["trainer"], "another long passphrase"
        ),
        "users.roles": lambda: users.set_roles(store, who, "tom", ["trainer"]),
        "users.remove": lambda: users.request_removal(store, who, "tom"),
        "audit.show": lambda: audit_svc.entries(store, who),
        "audit.verify": lambda: audit_svc.verify(store, who),
        "audit.csv": lambda: audit_svc.export_csv(store, who, world["tmp"] / f"{who.login}.csv"),
        "review.list": lambda: review.list_items(db, who),
        "review.counts": lambda: review.counts(db, who),
        "review.show": lambda: review.show(db, who, item),
        "review.comment": lambda: review.comment(db, who, item, "a note"),
        "review.take": lambda: review.take(db, who, item),
        "review.needs_info": lambda: review.comment(db, who, item, "?", needs_info=True),
        "review.sign": lambda: review.sign(db, who, item),
        "review.close": lambda: review.close(db, who, item, "reason"),
        "review.month": lambda: review.sign_month(db, who, world["gid"], "2026-10"),
        "review.approve": lambda: review.approve(db, who, "0" * 32),
        "settings.thresholds": lambda: review.set_thresholds(db, who, quiet_days=30),
        "users.passwd_other": lambda: users.set_passphrase(
            store, who, "owner", "owner's next passphrase"
        ),
        "users.approve_removal": lambda: users.approve_removal(store, who, "0" * 32),
        "dashboard.build": lambda: dashboard.build(db, who),
        "dashboard.choices": lambda: dashboard.choices(db, who),
        "erasure.request": lambda: erasure.request_erasure(db, who, "0" * 32),
        "erasure.approve": lambda: erasure.approve_erasure(db, who, "0" * 32),
        "practice.start": lambda: practice.start_attempt(
            db, practice.list_scenarios()[0].id, "trainee A", seed=1, who=who
        ),
        "practice.history": lambda: practice.history(db, who=who),
        "practice.transcript": lambda: practice.stored_transcript(db, "0" * 32, who=who),
        "practice.replay": lambda: practice.replay_attempt(db, "0" * 32, who=who),
        "practice.debrief": lambda: practice.debrief(db, "0" * 32, "en", who=who),
        "bundle.plan_export": lambda: bundles.plan_export(db, [], who=who),
        "bundle.export_choices": lambda: bundles.export_choices(db, who=who),
        "bundle.import": lambda: bundles.import_bundle(db, world["junk"], who=who),
        "bundle.status": lambda: bundles.status_board(db, who=who),
        "bundle.conflicts": lambda: bundles.list_conflicts(db, who=who),
        "bundle.quarantine": lambda: bundles.quarantine_list(db, who=who),
        "bundle.write_receipt": lambda: bundles.write_receipt(
            db, "0" * 16, world["tmp"] / f"r-{who.login}.fbundle", who=who
        ),
        "bundle.receipts": lambda: bundles.receipts(db, who=who),
        "bundle.acknowledge": lambda: bundles.acknowledge(db, "0" * 8, who=who),
        "bundle.unacknowledged": lambda: bundles.unacknowledged_sent(db, who=who),
        "keys.trust": lambda: bundle_keys.trust(db, None, "0", who=who),
        "keys.rotate": lambda: bundle_keys.rotate(db, who=who),
        "keys.revoke": lambda: bundle_keys.revoke(db, "zzzz", who=who),
        "reports.session": lambda: reports.build(db, "session", who, session_id=world["sid"]),
        "reports.group": lambda: reports.build(db, "group", who, group_id=world["gid"]),
        "reports.program": lambda: reports.build(db, "program", who),
        "groups.list": lambda: groups.authorize(db, who, "groups.read"),
        "groups.codes": lambda: groups.authorize(db, who, "groups.read", world["gid"]),
        "groups.manage": lambda: groups.authorize(db, who, "groups.manage"),
        "sessions.run": lambda: runs.open_run(db, "0" * 32, "no-such-script", who=who),
    }
    return calls[name]()


def _sup(store):
    return users.sign_in(store, "sam", SUP_PASS)


@pytest.mark.parametrize("service", sorted(MATRIX))
def test_every_service_as_every_role(store, people, world, service):
    permission, allowed = MATRIX[service]
    for role in ROLES:
        who = people[role]
        if role in allowed:
            try:
                _call(service, store, who, world)
            except AccessDenied as exc:  # pragma: no cover - the failure message
                pytest.fail(f"{role} was refused {service}: {exc}")
            except Exception:
                pass  # allowed through the gate; a later rule (state, input) may refuse
        else:
            with pytest.raises(AccessDenied) as info:
                _call(service, store, who, world)
            assert str(info.value) == refusal(who, permission)


CLI = [  # (argv after the store args, permission)
    (["users", "list"], "users.list"),
    (
        ["users", "add", "zed", "--roles", "trainer", "--new-passphrase-file", "{pw}"],
        "users.manage",
    ),
    (["audit", "show"], "audit.read"),
    (["audit", "verify"], "audit.read"),
    (["audit", "export", "--out", "{tmp}/x.csv"], "audit.read"),
    (["review", "list"], "review.read"),
    (["review", "sign", "abcdef12"], "review.decide"),
    (["review", "close", "abcdef12", "--reason", "r"], "review.decide"),
    (["review", "thresholds", "--quiet-days", "30"], "settings.manage"),
    (["users", "passwd", "owner", "--new-passphrase-file", "{pw}"], "users.manage"),
    (["scenarios", "history"], "practice.use"),
    (["bundle", "import", "{tmp}/junk.fbundle"], "bundle.import"),
    (["bundle", "receipts"], "bundle.receipts"),
    (["bundle", "conflicts"], "bundle.import"),
    (["keys", "rotate"], "keys.manage"),
    (["report", "group", "--group", "abcdef12", "--out", "{tmp}/g.pdf"], "reports.write"),
    (["report", "session", "--session", "abcdef12", "--out", "{tmp}/s.pdf"], "reports.write"),
    (["report", "program", "--out", "{tmp}/p.pdf"], "reports.program"),
    (["groups", "--json"], "groups.read"),
    (["groups", "add", "Zed's group"], "groups.manage"),
    (["participants", "list", "--group", "abcdef12"], "groups.read"),
    (["participants", "add", "--group", "abcdef12"], "groups.manage"),
    (["report", "register"], "reports.register"),
    (["report", "register", "--clear", "--yes"], "reports.register_clear"),
    (["sessions", "--json", "--group", "abcdef12"], "sessions.read"),
    (["keys", "list"], "keys.read"),
    (["keys", "export-public", "--out", "{tmp}/k.pub"], "keys.read"),
]
PASSWORDS = {"owner": PASS, "sam": SUP_PASS, "fay": FAC_PASS, "tom": TRN_PASS, "ada": ADM_PASS}


@pytest.mark.parametrize("argv, permission", CLI, ids=[" ".join(a[:2]) for a, _ in CLI])
def test_the_cli_refuses_with_the_same_sentence(store, people, tmp_path, capsys, argv, permission):
    path = store.path
    who_by_role = people
    store.close()
    pw = tmp_path / "zed.txt"
    pw.write_text("zed passphrase long enough\n")
    (tmp_path / "junk.fbundle").write_bytes(b"not a bundle")
    for role in ("tom", "fay", "ada", "sam"):
        who = who_by_role[role]
        from facilitator.app.access import allowed

        if allowed(who, permission):
            continue
        f = tmp_path / f"{role}.txt"
        f.write_text(PASSWORDS[role] + "\n")
        args = [a.format(pw=pw, tmp=tmp_path) for a in argv]
        code = main(
            [*args[:2], "--db", str(path), "--user", role, "--passphrase-file", str(f), *args[2:]]
        )
        err = capsys.readouterr().err
        assert code == 1
        assert err == f"facilitator: error: {refusal(who, permission)}\n"


def test_cli_user_needs_their_own_passphrase(store, people, tmp_path, capsys):
    path = store.path
    store.close()
    f = tmp_path / "wrong.txt"
    f.write_text(PASS + "\n")  # the owner's passphrase is not sam's
    assert (
        main(["review", "list", "--db", str(path), "--user", "sam", "--passphrase-file", str(f)])
        == 1
    )
    assert "not correct for sam" in capsys.readouterr().err
    assert (
        main(["review", "list", "--db", str(path), "--user", "nobody", "--passphrase-file", str(f)])
        == 1
    )
    assert "no user called nobody" in capsys.readouterr().err
    assert main(["review", "list", "--db", str(path), "--user", "sam"]) == 1
    assert "needs that user's passphrase" in capsys.readouterr().err


def test_a_trainer_sees_practice_only(store, people, world):
    tom = people["tom"]
    attempt = practice.start_attempt(
        store.db, practice.list_scenarios()[0].id, "tom", seed=3, who=tom
    )
    assert [h.id for h in practice.history(store.db, who=tom)] == [attempt.id]
    for refused in (
        lambda: review.list_items(store.db, tom),
        lambda: dashboard.build(store.db, tom),
        lambda: bundles.plan_export(store.db, [], who=tom),
        lambda: bundles.receipts(store.db, who=tom),
    ):
        with pytest.raises(AccessDenied, match="tom may not do this"):
            refused()


def test_a_facilitator_sends_only_their_own_groups(store, people, world):
    from facilitator.store.models import Group

    with store.db.unit() as s:
        other = Group(
            name="Not Fay's", program_type="mutual_support", owner_id=people["sam"].user_id
        )
        s.add(other)
        s.flush()
        other_id = other.id
    fay = people["fay"]
    assert [g for g, _ in bundles.export_choices(store.db, who=fay).groups] == [world["gid"]]
    with pytest.raises(AccessDenied, match="only the groups they run"):
        bundles.plan_export(store.db, [], groups=[other_id], who=fay)
    sent = {g for g, _ in bundles.export_choices(store.db, who=people["sam"]).groups}
    assert sent == {world["gid"], other_id}


def test_a_shared_install_needs_a_user_for_bundles_and_practice(store, people, world):
    """Without a user, only a one-person install acts as its owner."""
    for call in (
        lambda: practice.history(store.db),
        lambda: bundles.status_board(store.db),
        lambda: bundle_keys.rotate(store.db),
    ):
        with pytest.raises(AccessDenied, match="several users: sign in first"):
            call()


def test_reports_only_on_groups_one_runs(store, people, world, tmp_path, capsys):
    """A facilitator is refused a report on someone else's group, in the service and
    on the command line with the same sentence; a supervisor writes it."""
    from facilitator.store.models import Group

    with store.db.unit() as s:
        s.get(Group, world["gid"]).owner_id = people["sam"].user_id
    fay = people["fay"]
    with pytest.raises(AccessDenied) as info:
        reports.build(store.db, "group", fay, group_id=world["gid"])
    sentence = str(info.value)
    assert sentence == "fay may write reports only on the groups they run."
    written = reports.write(
        store.db, "group", tmp_path / "sam.pdf", people["sam"], group_id=world["gid"]
    )
    assert (tmp_path / "sam.pdf").stat().st_size > 1000 and written.endswith("sam.pdf")
    path = store.path
    store.close()
    f = tmp_path / "fay.txt"
    f.write_text(FAC_PASS + "\n")
    argv = ["report", "group", "--db", str(path), "--user", "fay", "--passphrase-file", str(f)]
    code = main([*argv, "--group", world["gid"], "--out", str(tmp_path / "fay.pdf")])
    assert code == 1
    assert capsys.readouterr().err == f"facilitator: error: {sentence}\n"
    assert not (tmp_path / "fay.pdf").exists()


def test_a_shared_install_needs_a_user_for_reports(store, people, world):
    with pytest.raises(AccessDenied, match="several users: sign in first"):
        reports.build(store.db, "group", group_id=world["gid"])


def test_a_facilitator_manages_only_their_own_groups(store, people, world, tmp_path, capsys):
    """fay adds a group on the command line and it is hers; sam's group is refused."""
    from facilitator.store.models import Group

    with store.db.unit() as s:
        other = Group(name="Sam's", program_type="mutual_support", owner_id=people["sam"].user_id)
        s.add(other)
        s.flush()
        other_id = other.id
    with pytest.raises(AccessDenied) as info:
        groups.authorize(store.db, people["fay"], "groups.manage", other_id)
    sentence = str(info.value)
    assert sentence == "fay may act only on the groups they run."
    path = store.path
    store.close()
    f = tmp_path / "fay.txt"
    f.write_text(FAC_PASS + "\n")
    who = ["--db", str(path), "--user", "fay", "--passphrase-file", str(f)]
    assert main(["participants", "add", *who, "--group", other_id]) == 1
    assert capsys.readouterr().err == f"facilitator: error: {sentence}\n"
    assert main(["groups", "add", *who, "Fay's new group"]) == 0
    new_id = capsys.readouterr().out.strip()
    assert main(["participants", "add", *who, "--group", new_id]) == 0
    code = capsys.readouterr().out.strip()
    assert main(["participants", "list", *who, "--group", new_id]) == 0
    assert capsys.readouterr().out.split() == [code]
    from facilitator.store import service

    with service.open_store(path, passphrase=PASS) as st, st.db.session() as s:
        assert s.get(Group, new_id).owner_id == people["fay"].user_id


def test_the_cli_lists_a_facilitators_own_groups_and_sessions(
    store, people, world, tmp_path, capsys
):
    """``groups`` as fay lists her group only; ``sessions`` of someone else's group is
    refused with the service's sentence; the owner lists both."""
    from .helpers import make_group

    other = make_group(store.db, name="Not Fay's")
    path = store.path
    store.close()
    f = tmp_path / "fay.txt"
    f.write_text(FAC_PASS + "\n")
    fay = ["--db", str(path), "--user", "fay", "--passphrase-file", str(f)]
    assert main(["groups", *fay, "--json"]) == 0
    import json

    assert [g["id"] for g in json.loads(capsys.readouterr().out)] == [world["gid"]]
    assert main(["sessions", *fay, "--group", world["gid"]]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 1
    assert main(["sessions", *fay, "--group", other]) == 1
    assert capsys.readouterr().err == (
        "facilitator: error: fay may act only on the groups they run.\n"
    )
    o = tmp_path / "owner.txt"
    o.write_text(PASS + "\n")
    owner = ["--db", str(path), "--user", "owner", "--passphrase-file", str(o)]
    assert main(["groups", *owner, "--json"]) == 0
    assert {g["id"] for g in json.loads(capsys.readouterr().out)} == {world["gid"], other}
