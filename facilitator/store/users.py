"""User accounts on one install, each with a passphrase slot around the same key.

The key file already holds one slot per unlock method; a *user* slot is an ordinary
``passphrase`` slot whose ``user_id`` names the account (``label`` is the login).
Every user's passphrase unwraps the same database key, so adding a user never
re-encrypts anything, and removing one drops that slot. A removed person may have
kept a copy of the old key file, so removal also advises a rekey
(``facilitator db rekey``), which makes every old copy useless.

A one-person install needs no set-up: the first time accounts are asked for,
:func:`ensure_owner` makes an ``owner`` account with every role except trainer and
binds the store's existing passphrase slot to it.

Role rules themselves (who may do what) live in :mod:`facilitator.app.access`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from facilitator.errors import InputError, WrongKeyError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store import audit
from facilitator.store.db import Database
from facilitator.store.keyfile import KeyFile, keyfile_path, passphrase_bytes
from facilitator.store.models import User, utcnow
from facilitator.store.models_supervision import UserAccount

ROLES = ("facilitator", "supervisor", "trainer", "administrator")
# the install's first account holds every role until others are given out: on a
# one-person install the same person leads, supervises, trains and administers
OWNER_ROLES = ("administrator", "facilitator", "supervisor", "trainer")
OWNER_LOGIN = "owner"
_LOGIN = re.compile(r"^[\w][\w.\-]{0,63}$", re.UNICODE)


@dataclass(frozen=True)
class Account:
    user_id: str
    login: str
    roles: tuple[str, ...]
    active: bool
    has_slot: bool = False


def check_login(login: str) -> str:
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "users",
                "A user name is 1 to 64 letters, digits, dots, dashes or underscores, "
                "starting with a letter or digit.",
            ),
            field="login",
        )
    return login


def check_roles(roles: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    out = tuple(dict.fromkeys(r.strip() for r in roles if r.strip()))
    bad = [r for r in out if r not in ROLES]
    if bad or not out:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "users",
                "Roles must be one or more of: facilitator, supervisor, trainer, administrator.",
            ),
            field="roles",
        )
    return out


def accounts(db: Database, *, include_removed: bool = False) -> list[Account]:
    kf = KeyFile.load(keyfile_path(db.path))
    slotted = {s.user_id for s in kf.slots_of("passphrase") if s.user_id}
    with db.session() as s:
        q = select(UserAccount).order_by(UserAccount.created_at, UserAccount.login)
        if not include_removed:
            q = q.where(UserAccount.active.is_(True))
        return [
            Account(a.user_id, a.login, tuple(a.roles or ()), a.active, a.user_id in slotted)
            for a in s.scalars(q)
        ]


def by_login(db: Database, login: str) -> Account | None:
    for a in accounts(db, include_removed=False):
        if a.login == login:
            return a
    return None


def by_id(db: Database, user_id: str) -> Account | None:
    for a in accounts(db, include_removed=True):
        if a.user_id == user_id:
            return a
    return None


def ensure_owner(db: Database) -> Account:
    """The install's first account, made on demand; returns the owner (or the first
    active administrator when accounts already exist)."""
    existing = accounts(db)
    if existing:
        admins = [a for a in existing if "administrator" in a.roles]
        return (admins or existing)[0]
    with db.unit() as s:
        user = User(display_name=OWNER_LOGIN)
        s.add(user)
        s.flush()
        s.add(UserAccount(user_id=user.id, login=OWNER_LOGIN, roles=list(OWNER_ROLES)))
        audit.append_audit(
            s,
            "user_added",
            entity="user",
            entity_id=user.id,
            detail={"login": OWNER_LOGIN, "roles": list(OWNER_ROLES), "first_run": True},
        )
        uid = user.id
    kpath = keyfile_path(db.path)
    kf = KeyFile.load(kpath)
    unbound = [sl for sl in kf.slots_of("passphrase") if not sl.user_id]
    if unbound:  # the passphrase chosen at first run is the owner's
        for sl in unbound:
            sl.user_id, sl.label = uid, OWNER_LOGIN  # not bound into the AEAD data
        kf.save(kpath)
    return Account(uid, OWNER_LOGIN, OWNER_ROLES, True, bool(unbound))


def add_account(
    db: Database,
    key: bytes,
    login: str,
    roles: list[str] | tuple[str, ...],
    passphrase: str,
    *,
    by: str | None,
) -> Account:
    from facilitator.store.service import check_passphrase

    login = check_login(login)
    roles = check_roles(roles)
    check_passphrase(passphrase)
    with db.session() as s:
        if s.scalar(select(UserAccount).where(UserAccount.login == login)) is not None:
            raise InputError(
                QT_TRANSLATE_NOOP("users", "There is already a user called {name}."),
                params=dict(name=login),
                field="login",
            )
    kpath = keyfile_path(db.path)
    kf = KeyFile.load(kpath)
    with db.unit() as s:
        user = User(display_name=login)
        s.add(user)
        s.flush()
        s.add(UserAccount(user_id=user.id, login=login, roles=list(roles)))
        uid = user.id
        kf.add_slot("passphrase", passphrase_bytes(passphrase), key, label=login, user_id=uid)
        kf.save(kpath)  # inside the unit: a failed save rolls the account back
        audit.append_audit(
            s,
            "user_added",
            entity="user",
            entity_id=uid,
            user_id=by,
            detail={"login": login, "roles": list(roles)},
        )
    return Account(uid, login, roles, True, True)


def remove_account(
    db: Database, user_id: str, *, by: str | None, approved_by: str | None = None
) -> Account:
    """Drop the user's slot and roles (the row stays for the audit log's sake)."""
    acct = by_id(db, user_id)
    if acct is None or not acct.active:
        raise InputError(QT_TRANSLATE_NOOP("users", "There is no such user."))
    others = [a for a in accounts(db) if a.user_id != user_id and "administrator" in a.roles]
    if "administrator" in acct.roles and not others:
        raise InputError(
            QT_TRANSLATE_NOOP("users", "{name} is the last administrator and cannot be removed."),
            params=dict(name=acct.login),
        )
    kpath = keyfile_path(db.path)
    kf = KeyFile.load(kpath)
    with db.unit() as s:
        row = s.get(UserAccount, user_id)
        if row is None:
            raise InputError(QT_TRANSLATE_NOOP("users", "There is no such user."))
        row.active, row.roles, row.removed_at = False, [], utcnow()
        kf.slots = [sl for sl in kf.slots if sl.user_id != user_id]
        kf.save(kpath)
        audit.append_audit(
            s,
            "user_removed",
            entity="user",
            entity_id=user_id,
            user_id=by,
            detail={"login": acct.login, "approved_by": approved_by, "rekey_advised": True},
        )
    return acct


def set_roles(db: Database, user_id: str, roles: list[str], *, by: str | None) -> Account:
    roles_t = check_roles(roles)
    acct = by_id(db, user_id)
    if acct is None or not acct.active:
        raise InputError(QT_TRANSLATE_NOOP("users", "There is no such user."))
    if (
        "administrator" in acct.roles
        and "administrator" not in roles_t
        and not [a for a in accounts(db) if a.user_id != user_id and "administrator" in a.roles]
    ):
        raise InputError(
            QT_TRANSLATE_NOOP("users", "{name} is the last administrator and cannot be removed."),
            params=dict(name=acct.login),
        )
    with db.unit() as s:
        row = s.get(UserAccount, user_id)
        if row is None:
            raise InputError(QT_TRANSLATE_NOOP("users", "There is no such user."))
        row.roles = list(roles_t)
        audit.append_audit(
            s,
            "user_roles_changed",
            entity="user",
            entity_id=user_id,
            user_id=by,
            detail={"login": acct.login, "roles": list(roles_t)},
        )
    return Account(acct.user_id, acct.login, roles_t, True, acct.has_slot)


def set_passphrase(
    db: Database, key: bytes, user_id: str, passphrase: str, *, by: str | None
) -> Account:
    """Give a user a new passphrase slot (after a rekey dropped it, or a forgotten one)."""
    from facilitator.store.service import check_passphrase

    check_passphrase(passphrase)
    acct = by_id(db, user_id)
    if acct is None or not acct.active:
        raise InputError(QT_TRANSLATE_NOOP("users", "There is no such user."))
    kpath = keyfile_path(db.path)
    kf = KeyFile.load(kpath)
    with db.unit() as s:
        kf.slots = [sl for sl in kf.slots if sl.user_id != user_id]
        kf.add_slot(
            "passphrase", passphrase_bytes(passphrase), key, label=acct.login, user_id=user_id
        )
        kf.save(kpath)
        audit.append_audit(
            s,
            "user_passphrase_changed",
            entity="user",
            entity_id=user_id,
            user_id=by,
            detail={"login": acct.login},
        )
    return Account(acct.user_id, acct.login, acct.roles, True, True)


def slot_user(path: Path, login: str, user_id: str, passphrase: str) -> bytes:
    """The database key from ``user_id``'s own slot (only that slot is tried)."""
    kf = KeyFile.load(keyfile_path(path))
    mine = [sl for sl in kf.slots_of("passphrase") if sl.user_id == user_id]
    if not mine:
        raise WrongKeyError(
            QT_TRANSLATE_NOOP("users", "{name} has no passphrase on this store."),
            params=dict(name=login),
        )
    only = KeyFile(store_id=kf.store_id, key_check=kf.key_check, slots=mine)
    try:
        return only.unlock("passphrase", passphrase_bytes(passphrase))
    except WrongKeyError:
        audit.note_failed_unlock(Path(path), f"passphrase:{login}")
        raise WrongKeyError(
            QT_TRANSLATE_NOOP("users", "The passphrase is not correct for {name}."),
            params=dict(name=login),
        ) from None


def user_of_passphrase(path: Path, passphrase: str) -> str | None:
    """Which user's slot this passphrase opens (None: an unbound slot or none)."""
    kf = KeyFile.load(keyfile_path(path))
    for sl in kf.slots_of("passphrase"):
        one = KeyFile(store_id=kf.store_id, key_check=kf.key_check, slots=[sl])
        try:
            one.unlock("passphrase", passphrase_bytes(passphrase))
        except WrongKeyError:
            continue
        return sl.user_id
    return None
