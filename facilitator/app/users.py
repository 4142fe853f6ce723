"""Use cases for users: sign in (resolve the acting user), add, list, remove.

The desktop app and the CLI both call these; each takes the acting
:class:`~facilitator.app.access.Principal` and is refused by
:func:`~facilitator.app.access.require` when the role does not allow it.

Removing a user is a two-person action: one administrator asks
(:func:`request_removal`), a *different* administrator or supervisor approves
(:func:`approve`); only then is the slot dropped. The result advises a rekey.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.app.access import Principal, require
from facilitator.app import approvals
from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import users as core
from facilitator.store.service import OpenedStore


def _principal(acct: core.Account, owner_id: str | None) -> Principal:
    return Principal(
        acct.user_id, acct.login, frozenset(acct.roles), owner=acct.user_id == owner_id
    )


def sign_in(
    store: OpenedStore, login: str | None = None, passphrase: str | None = None
) -> Principal:
    """The acting user for an open store.

    - ``login`` given: that user's own passphrase slot must open with ``passphrase``;
    - no login, opened with a passphrase: the user whose slot it opens;
    - otherwise (keyring or recovery code, which belong to the install's owner): the
      owner. A one-person install therefore never asks who you are.
    """
    owner = core.ensure_owner(store.db)
    if login is not None:
        acct = core.by_login(store.db, login)
        if acct is None:
            raise InputError(
                QT_TRANSLATE_NOOP("users", "There is no user called {name} on this store."),
                params=dict(name=login),
            )
        if passphrase is None:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "users",
                    "Signing in as {name} needs that user's passphrase (--passphrase-file FILE).",
                ),
                params=dict(name=login),
            )
        key = core.slot_user(store.path, acct.login, acct.user_id, passphrase)
        if key != store.key:
            raise InputError(
                QT_TRANSLATE_NOOP("users", "The passphrase is not correct for {name}."),
                params=dict(name=login),
            )
        return _principal(acct, owner.user_id)
    if passphrase is not None and store.unlocked_by == "passphrase":
        uid = core.user_of_passphrase(store.path, passphrase)
        acct = core.by_id(store.db, uid) if uid else None
        if acct is not None and acct.active:
            return _principal(acct, owner.user_id)
    return _principal(owner, owner.user_id)


def by_passphrase(store: OpenedStore, passphrase: str | None) -> Principal | None:
    """The user whose own passphrase this is (None: nobody's in particular, e.g. the
    install's first passphrase before users were added, or a recovery code).

    Why: on a shared install the passphrase typed at the lock screen already says who
    is at the keyboard, so nobody is asked for a name and the passphrase a second time.
    """
    if not passphrase:
        return None
    owner = core.ensure_owner(store.db)
    uid = core.user_of_passphrase(store.path, passphrase)
    acct = core.by_id(store.db, uid) if uid else None
    if acct is None or not acct.active:
        return None
    return _principal(acct, owner.user_id)


def list_users(store: OpenedStore, who: Principal) -> list[core.Account]:
    require(who, "users.list")
    return core.accounts(store.db)


def add_user(
    store: OpenedStore, who: Principal, login: str, roles: list[str], passphrase: str
) -> core.Account:
    require(who, "users.manage")
    return core.add_account(store.db, store.key, login, roles, passphrase, by=who.user_id)


def set_roles(store: OpenedStore, who: Principal, login: str, roles: list[str]) -> core.Account:
    require(who, "users.manage")
    acct = _find(store, login)
    return core.set_roles(store.db, acct.user_id, roles, by=who.user_id)


def set_passphrase(store: OpenedStore, who: Principal, login: str, passphrase: str) -> core.Account:
    """An administrator sets a user's passphrase; anyone may change their own."""
    if who is None:
        require(who, "users.manage")  # "sign in first"
    acct = _find(store, login)
    if acct.user_id != who.user_id:
        require(who, "users.manage")
    return core.set_passphrase(store.db, store.key, acct.user_id, passphrase, by=who.user_id)


def _find(store: OpenedStore, login: str) -> core.Account:
    acct = core.by_login(store.db, login)
    if acct is None:
        raise InputError(
            QT_TRANSLATE_NOOP("users", "There is no user called {name} on this store."),
            params=dict(name=login),
        )
    return acct


@dataclass(frozen=True)
class RemovalRequest:
    approval_id: str
    login: str


def request_removal(
    store: OpenedStore, who: Principal, login: str, reason: str = ""
) -> RemovalRequest:
    """First half of the two-person rule: ask for ``login`` to be removed."""
    require(who, "users.manage")
    acct = _find(store, login)
    if acct.user_id == who.user_id:
        raise InputError(QT_TRANSLATE_NOOP("users", "You cannot remove yourself."))
    req = approvals.request(
        store.db, who, "remove_user", acct.user_id, reason, {"login": acct.login}
    )
    return RemovalRequest(req, acct.login)


def approve_removal(store: OpenedStore, who: Principal, approval_id: str) -> core.Account:
    """Second half: a different person approves; the slot goes and a rekey is advised."""
    for waiting in approvals._pending(store.db, "remove_user"):
        if waiting.id == approval_id and waiting.target_id == who.user_id:
            raise InputError(QT_TRANSLATE_NOOP("users", "You cannot approve your own removal."))
    req = approvals.approve(store.db, who, approval_id, expected_action="remove_user")
    return core.remove_account(
        store.db, req.target_id, by=req.requested_by, approved_by=who.user_id
    )


REKEY_ADVICE = QT_TRANSLATE_NOOP(
    "users",
    "The user's passphrase no longer opens this store. If they may have kept a "
    "copy of the key file, change the database key now (facilitator db rekey).",
)
