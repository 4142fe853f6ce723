"""Who may do what: the acting user (a :class:`Principal`) and the role rules.

Every application service that reads or changes supervised data takes a
``Principal`` and calls :func:`require` first, so the desktop app and the CLI are
refused in the same place with the same sentence; hiding a widget is a courtesy on
top, never the protection.

Roles (issue 14):

- facilitator: their own groups (groups they own; on a one-person install, groups
  with no owner belong to the owner): listed, opened, run and reported on
  (:func:`visible_group_ids` is the one filter);
- supervisor: all groups, de-identified: never aliases, free text only where the
  facilitator chose to share it; the review queue, sign-offs, the dashboard, the audit log;
- trainer: practice data only, anyone's attempts (``practice.review``); everyone else
  who practises sees their own attempts only;
- administrator: users, keys and settings, and the audit log; no participant data
  unless also a supervisor (or facilitator, for their own groups).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.errors import FacilitatorError, Items
from facilitator.i18n import QT_TRANSLATE_NOOP, translate


class AccessDenied(FacilitatorError):
    """The acting user's roles do not allow this action."""

    exit_code = 1


@dataclass(frozen=True)
class Principal:
    user_id: str
    login: str
    roles: frozenset[str]
    owner: bool = False  # the install's first account: owns groups with no owner

    def has(self, role: str) -> bool:
        return role in self.roles


# permission -> (roles that hold it, what it is called in a refusal)
PERMISSIONS: dict[str, tuple[frozenset[str], str]] = {
    "users.manage": (frozenset({"administrator"}), QT_TRANSLATE_NOOP("access", "managing users")),
    "users.list": (
        frozenset({"administrator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "listing users"),
    ),
    "settings.manage": (
        frozenset({"administrator"}),
        QT_TRANSLATE_NOOP("access", "changing settings"),
    ),
    "audit.read": (
        frozenset({"administrator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "reading the audit log"),
    ),
    "review.read": (
        frozenset({"supervisor", "facilitator"}),
        QT_TRANSLATE_NOOP("access", "reading the review queue"),
    ),
    "review.comment": (
        frozenset({"supervisor", "facilitator"}),
        QT_TRANSLATE_NOOP("access", "commenting on a review item"),
    ),
    "review.decide": (
        frozenset({"supervisor"}),
        QT_TRANSLATE_NOOP("access", "signing off or closing review items"),
    ),
    "approval.decide": (
        frozenset({"supervisor", "administrator"}),
        QT_TRANSLATE_NOOP("access", "approving a two-person action"),
    ),
    "dashboard.read": (
        frozenset({"supervisor", "facilitator"}),
        QT_TRANSLATE_NOOP("access", "opening the dashboard"),
    ),
    # practice (issues 16, 17): anyone who leads, supervises or trains groups practises
    # and sees their OWN attempts (debrief, reflection, history, replay); a trainer
    # reviews ANYONE's attempts (comments, score changes, ratings, a trainee's history,
    # an observer's sheet typed in). A trainer sees practice data only.
    "practice.use": (
        frozenset({"trainer", "facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "using practice mode"),
    ),
    "practice.review": (
        frozenset({"trainer"}),
        QT_TRANSLATE_NOOP("access", "reviewing other people's practice attempts"),
    ),
    # reports (issue 14): session, group and program reports hold group data; a
    # facilitator writes them on their own groups, a supervisor on all (de-identified)
    "reports.write": (
        frozenset({"facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "writing a report"),
    ),
    # groups and participants (issue 14): a facilitator manages the groups they run;
    # a supervisor lists every group (names and codes, never aliases)
    "groups.read": (
        frozenset({"facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "listing groups and participant codes"),
    ),
    "groups.manage": (
        frozenset({"facilitator"}),
        QT_TRANSLATE_NOOP("access", "managing groups and participants"),
    ),
    # the emergency and crisis-line numbers every session shows (no participant data)
    "safety_numbers.manage": (
        frozenset({"facilitator", "administrator"}),
        QT_TRANSLATE_NOOP("access", "changing the emergency and crisis-line numbers"),
    ),
    "sessions.run": (
        frozenset({"facilitator"}),
        QT_TRANSLATE_NOOP("access", "running a session"),
    ),
    # the register of reports that left the install (issue 11): what was released,
    # to whom, for which months; no participant data. Clearing it is an administrator's
    # decision (later reports are no longer checked against what was cleared).
    "reports.register": (
        frozenset({"facilitator", "supervisor", "administrator"}),
        QT_TRANSLATE_NOOP("access", "reading the report register"),
    ),
    "reports.register_clear": (
        frozenset({"administrator"}),
        QT_TRANSLATE_NOOP("access", "clearing the report register"),
    ),
    # sessions of groups (unfinished ones to resume, a group's history): a facilitator
    # on their own groups, a supervisor on all
    "sessions.read": (
        frozenset({"facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "listing sessions"),
    ),
    "reports.program": (
        frozenset({"supervisor"}),
        QT_TRANSLATE_NOOP("access", "writing the program report"),
    ),
    # bundles (issue 15): a facilitator sends their own groups; a supervisor takes
    # bundles in, answers with receipts and may forward; receipts are read by whoever
    # sent; only an administrator changes which keys this install trusts or holds.
    "bundle.export": (
        frozenset({"facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "sending a report bundle"),
    ),
    "bundle.import": (
        frozenset({"supervisor"}),
        QT_TRANSLATE_NOOP("access", "importing report bundles"),
    ),
    "bundle.receipts": (
        frozenset({"facilitator", "supervisor"}),
        QT_TRANSLATE_NOOP("access", "reading receipts"),
    ),
    "keys.read": (
        frozenset({"facilitator", "supervisor", "administrator"}),
        QT_TRANSLATE_NOOP("access", "reading bundle keys"),
    ),
    "keys.manage": (
        frozenset({"administrator"}),
        QT_TRANSLATE_NOOP("access", "managing bundle keys"),
    ),
}

_ROLE_NAMES = {
    "facilitator": QT_TRANSLATE_NOOP("access", "facilitator"),
    "supervisor": QT_TRANSLATE_NOOP("access", "supervisor"),
    "trainer": QT_TRANSLATE_NOOP("access", "trainer"),
    "administrator": QT_TRANSLATE_NOOP("access", "administrator"),
}


class Login:
    """A user's login as a message parameter: shown as typed, never looked up in the
    catalogue (a login such as "owner" must not be translated)."""

    def __init__(self, login: str) -> None:
        self.login = login

    def __str__(self) -> str:
        return self.login

    def __format__(self, spec: str) -> str:
        return format(self.login, spec)


REFUSAL = QT_TRANSLATE_NOOP(
    "access", "{user} may not do this ({action}): it needs the role {roles}."
)


def _refusal_params(principal: Principal, permission: str) -> dict[str, Any]:
    roles, what = PERMISSIONS[permission]
    names = Items((_ROLE_NAMES[r] for r in sorted(roles)), sep=" / ")
    return as_user(principal, action=what, roles=names)


def refusal(principal: Principal, permission: str, lang: str = "en") -> str:
    """The one sentence both the app and the CLI show for a refusal."""
    roles, what = PERMISSIONS[permission]
    names = " / ".join(translate("access", _ROLE_NAMES[r], lang) for r in sorted(roles))
    return translate("access", REFUSAL, lang).format(
        user=principal.login, action=translate("access", what, lang), roles=names
    )


def as_user(principal: Principal, **params: Any) -> dict[str, Any]:
    """The parameters of a refusal that names its user: ``{user}`` is the login, as
    typed (never looked up in the catalogue), beside ``params``. Raise
    ``AccessDenied(QT_TRANSLATE_NOOP(...), params=as_user(actor, ...))``: the CLI
    prints the English, the app translates the template (``ui.errors_ui.error_text``)."""
    return {"user": Login(principal.login), **params}


SIGN_IN = QT_TRANSLATE_NOOP("access", "Sign in first: this needs a user.")
SEVERAL_USERS = QT_TRANSLATE_NOOP("access", "This store has several users: sign in first.")


def allowed(principal: Principal, permission: str) -> bool:
    return bool(PERMISSIONS[permission][0] & principal.roles)


def require(principal: Principal | None, permission: str) -> Principal:
    if principal is None:
        raise AccessDenied(SIGN_IN)
    if not allowed(principal, permission):
        raise AccessDenied(REFUSAL, params=_refusal_params(principal, permission))
    return principal


def implicit(db, who: Principal | None = None) -> Principal:
    """``who``, or, without one, the owner of a one-person install (a single active
    account), so the plain CLI and the first-run app need no sign-in; on a shared
    install the caller must say who acts, or is refused."""
    if who is not None:
        return who
    with db.session() as s:  # read only: a refusal must not write anything
        return implicit_in(s, None)


def implicit_in(s: Any, who: Principal | None = None) -> Principal:
    """:func:`implicit`, read in the caller's ORM session ``s`` (a write that runs in
    a unit of work the ui's task runner or the CLI opened)."""
    if who is not None:
        return who
    from sqlalchemy import select

    from facilitator.store import users as core
    from facilitator.store.models_supervision import UserAccount

    rows = s.execute(
        select(UserAccount.user_id, UserAccount.login, UserAccount.roles)
        .where(UserAccount.active.is_(True))
        .limit(2)
    ).all()
    if len(rows) > 1:
        raise AccessDenied(SEVERAL_USERS)
    if not rows:  # the first-run owner, not yet written down
        return Principal("", core.OWNER_LOGIN, frozenset(core.OWNER_ROLES), owner=True)
    uid, login, roles = rows[0]
    return Principal(uid, login, frozenset(roles or ()), owner=True)


def acting(db, who: Principal | None, permission: str) -> Principal:
    """The acting user (:func:`implicit`), refused unless allowed ``permission``."""
    return require(implicit(db, who), permission)


def sees_all_groups(principal: Principal) -> bool:
    return principal.has("supervisor")


def owns_group(principal: Principal, owner_id: str | None) -> bool:
    """True when ``principal`` runs a group whose ``Group.owner_id`` is ``owner_id``."""
    if not principal.has("facilitator"):
        return False
    return owner_id == principal.user_id or (owner_id is None and principal.owner)


def may_see_group(principal: Principal, owner_id: str | None) -> bool:
    """THE rule for which groups a user lists and opens (issue 14): a supervisor every
    group (de-identified: never aliases); a facilitator the groups they own (the
    install's owner also those with no owner, so a one-person install's owner sees
    all); an administrator without either role, and a trainer, none."""
    return sees_all_groups(principal) or owns_group(principal, owner_id)


def visible_group_ids(s: Any, principal: Principal) -> set[str] | None:
    """The ids of the groups ``principal`` may see (:func:`may_see_group`), read in
    the ORM session ``s``; ``None`` means every group. Every listing of groups,
    sessions, reports, review items and dashboard figures filters through here."""
    if sees_all_groups(principal):
        return None
    if not principal.has("facilitator"):
        return set()
    from sqlalchemy import select

    from facilitator.store.models import Group

    rows = s.execute(select(Group.id, Group.owner_id))
    return {g for g, owner in rows if may_see_group(principal, owner)}


def in_scope(visible: set[str] | None, group_id: str | None) -> bool:
    """Whether a group is among ``visible`` (a :func:`visible_group_ids` answer)."""
    return visible is None or (group_id is not None and group_id in visible)
