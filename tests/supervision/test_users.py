"""Users on one install: own key slots around one key, first-run owner, removal by two."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from facilitator.app import users
from facilitator.cli.main import main
from facilitator.errors import InputError, WrongKeyError
from facilitator.store import service
from facilitator.store.keyfile import KeyFile, keyfile_path
from facilitator.store.models import AuditEvent

from .conftest import ADM_PASS, PASS, SUP_PASS


def test_first_run_is_a_one_person_install(store):
    who = users.sign_in(store)  # no name, no question
    assert who.login == "owner" and who.owner
    assert who.roles == {"administrator", "facilitator", "supervisor", "trainer"}
    kf = KeyFile.load(keyfile_path(store.path))
    assert [s.user_id for s in kf.slots_of("passphrase")] == [who.user_id]
    assert users.sign_in(store).user_id == who.user_id  # made once


def test_each_user_has_a_slot_that_opens_the_same_store(store, people, tmp_path):
    kf = KeyFile.load(keyfile_path(store.path))
    slots = {s.label: s.user_id for s in kf.slots_of("passphrase")}
    assert set(slots) == {"owner", "sam", "fay", "tom", "ada"}
    path = store.path
    store.close()
    with service.open_store(path, passphrase=SUP_PASS) as st:  # sam's own passphrase
        assert users.sign_in(st, None, SUP_PASS).login == "sam"
    with pytest.raises(InputError, match="already a user called sam"):
        with service.open_store(path, passphrase=PASS) as st:
            users.add_user(st, users.sign_in(st), "sam", ["supervisor"], "x" * 20)
    with pytest.raises(InputError, match="Roles must be"):
        with service.open_store(path, passphrase=PASS) as st:
            users.add_user(st, users.sign_in(st), "zoe", ["boss"], "x" * 20)


def test_removal_needs_a_second_person_and_drops_the_slot(store, people):
    owner, ada, sam = people["owner"], people["ada"], people["sam"]
    req = users.request_removal(store, owner, "sam", "left the programme")
    with pytest.raises(InputError, match="second person"):
        users.approve_removal(store, owner, req.approval_id)
    gone = users.approve_removal(store, ada, req.approval_id)
    assert gone.login == "sam"
    kf = KeyFile.load(keyfile_path(store.path))
    assert sam.user_id not in {s.user_id for s in kf.slots_of("passphrase")}
    assert "sam" not in {a.login for a in users.list_users(store, owner)}
    path = store.path
    with store.db.session() as s:
        acts = list(s.scalars(select(AuditEvent.action)))
    assert "approval_requested" in acts and "user_removed" in acts
    store.close()
    with pytest.raises(WrongKeyError):
        service.open_store(path, passphrase=SUP_PASS)
    with pytest.raises(InputError, match="cannot remove yourself"):
        with service.open_store(path, passphrase=ADM_PASS) as st:
            users.request_removal(st, users.sign_in(st, "ada", ADM_PASS), "ada")


def test_the_last_administrator_stays(store):
    owner = users.sign_in(store)
    with pytest.raises(InputError, match="last administrator"):
        users.set_roles(store, owner, "owner", ["supervisor"])


def test_cli_users_add_list_remove_approve(store, tmp_path, capsys):
    path = store.path
    store.close()
    pw, new, adm = tmp_path / "pw", tmp_path / "new", tmp_path / "adm"
    pw.write_text(PASS + "\n")
    new.write_text("a new user's passphrase\n")
    adm.write_text(ADM_PASS + "\n")
    base = ["--db", str(path), "--passphrase-file", str(pw)]
    assert (
        main(
            [
                "users",
                "add",
                "lin",
                "--roles",
                "facilitator",
                "--new-passphrase-file",
                str(new),
                *base,
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "users",
                "add",
                "ada",
                "--roles",
                "administrator,supervisor",
                "--new-passphrase-file",
                str(adm),
                *base,
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "users",
                "add",
                "bad name!",
                "--roles",
                "facilitator",
                "--new-passphrase-file",
                str(new),
                *base,
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "user name is 1 to 64" in err
    assert main(["users", "list", *base]) == 0
    out = capsys.readouterr().out
    assert (
        "lin\tfacilitator\tyes" in out
        and "owner\tadministrator,facilitator,supervisor,trainer" in out
    )
    assert main(["users", "remove", "lin", *base]) == 0
    req = capsys.readouterr().out.split("(request ")[1].split(")")[0]
    assert main(["users", "approve", req, *base]) == 1  # the asker cannot approve
    assert "second person" in capsys.readouterr().err
    assert (
        main(
            [
                "users",
                "approve",
                req,
                "--db",
                str(path),
                "--user",
                "ada",
                "--passphrase-file",
                str(adm),
            ]
        )
        == 0
    )
    assert "rekey" in capsys.readouterr().out
    assert main(["users", "list", *base]) == 0
    assert "lin" not in capsys.readouterr().out


def test_rekey_on_a_shared_install_keeps_only_the_rekeyer_slot(store, people, capsys, tmp_path):
    from facilitator.store.service import rekey

    rekey(store, passphrase=PASS)
    kf = KeyFile.load(keyfile_path(store.path))
    assert [s.label for s in kf.slots_of("passphrase")] == ["owner"]
    accts = {a.login: a.has_slot for a in users.list_users(store, people["owner"])}
    assert accts["owner"] and not accts["sam"]
    path = store.path
    store.close()
    with pytest.raises(WrongKeyError):  # sam's old passphrase no longer opens anything
        service.open_store(path, passphrase=SUP_PASS)
    with service.open_store(path, passphrase=PASS) as st:
        users.set_passphrase(st, users.sign_in(st), "sam", "sam's new passphrase")
    with service.open_store(path, passphrase="sam's new passphrase") as st:
        assert users.sign_in(st, None, "sam's new passphrase").login == "sam"
