"""Groups and their rosters: what the home, group and plan screens and the CLI ask for.

Reads take the open :class:`~facilitator.store.db.Database` and return plain frozen
dataclasses (they cross from the worker thread to the screen, and nothing on them
can lazy-load). Writes take one ORM session, so the UI runs them through
``ctx.tasks.run_db`` and the CLI inside ``db.unit()``; they return ids or codes,
never ORM objects. Participant rules (codes, aliases, details, erasure) stay in
:mod:`facilitator.tracking.participants`; this module is the one door to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import InputError
from facilitator.i18n import LANGS, QT_TRANSLATE_NOOP, pick
from facilitator.scripts.model import PROGRAM_TYPES
from facilitator.store.models import Group, Participant, Session
from facilitator.tracking import participants as P

NAME_MAX = 120


def authorize(
    db: Any,
    who: Any,
    permission: str,
    group_id: Optional[str] = None,
) -> Any:
    """The acting user (:func:`facilitator.app.access.acting`), refused unless allowed
    ``permission`` (``groups.read`` or ``groups.manage``) and, for one group, unless
    they run it (``groups.manage``) or may see it (``groups.read``). Every CLI path
    into groups and participants goes through here (issue 14)."""
    with db.session() as s:
        return authorize_in(s, who, permission, group_id)


def authorize_in(
    s: OrmSession,
    who: Any,
    permission: str,
    group_id: Optional[str] = None,
) -> Any:
    """:func:`authorize` in the caller's ORM session (the writes below run in the unit
    of work the ui's task runner or the CLI opened, and check there first)."""
    from facilitator.app.access import (
        AccessDenied,
        as_user,
        implicit_in,
        may_see_group,
        owns_group,
        require,
    )

    actor = require(implicit_in(s, who), permission)
    if group_id is not None:
        group = s.get(Group, group_id)
        owner_id = group.owner_id if group is not None else None
        if group is not None:
            ok = (
                owns_group(actor, owner_id)
                if permission in ("groups.manage", "sessions.run")
                else may_see_group(actor, owner_id)
            )
            if not ok:
                raise AccessDenied(
                    QT_TRANSLATE_NOOP("groups", "{user} may act only on the groups they run."),
                    params=as_user(actor),
                )
    return actor


@dataclass(frozen=True)
class GroupRow:
    """A group as the home list shows it."""

    id: str
    name: str
    program_type: str
    participants: int
    last_session: Optional[datetime]
    archived: bool
    language: str = "en"


@dataclass(frozen=True)
class ResumeOffer:
    """A session left running or paused, offered on the home screen."""

    session_id: str
    group_id: str
    group_name: str
    script_id: str
    started_at: Optional[datetime]


@dataclass(frozen=True)
class RosterRow:
    id: str
    code: str
    alias: Optional[str]
    archived: bool
    age_band: Optional[str] = None
    gender: Optional[str] = None


@dataclass(frozen=True)
class PlanInfo:
    """What the plan screen needs to know about the group it plans for."""

    name: str
    language: str
    program_type: str
    default_script_id: Optional[str]
    roster_size: int
    headcount_only: bool
    who5_due: bool


@dataclass
class GroupForm:
    """The fields of a group as a form (or the CLI) holds them: plain data."""

    name: str = ""
    program_type: str = "mutual_support"
    language: str = "en"
    default_script_id: Optional[str] = None
    extra_rules: list[str] = field(default_factory=list)
    co_facilitator: Optional[str] = None
    headcount_only: bool = False

    def validate(self) -> None:
        self.name = _clean_name(self.name)
        if self.program_type not in PROGRAM_TYPES:
            raise InputError(QT_TRANSLATE_NOOP("GroupDialog", "Choose a kind of group."))
        if self.language not in LANGS:
            raise InputError(QT_TRANSLATE_NOOP("GroupDialog", "Choose the group's language."))


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InputError(QT_TRANSLATE_NOOP("GroupDialog", "The group needs a name."))
    if len(name) > NAME_MAX:
        raise InputError(QT_TRANSLATE_NOOP("GroupDialog", "The name is too long."))
    return name


# -- reads ---------------------------------------------------------------------------
def list_groups(db: Any, include_archived: bool = False, *, who: Any = None) -> list[GroupRow]:
    """Groups with their roster size and last real session, for the list: only the
    groups the acting user may see (:func:`facilitator.app.access.visible_group_ids`)."""
    from facilitator.app.access import in_scope, visible_group_ids

    actor = authorize(db, who, "groups.read")
    with db.unit() as s:
        visible = visible_group_ids(s, actor)
        counts = dict(
            s.execute(
                select(Participant.group_id, func.count())
                .where(Participant.archived.is_(False))
                .group_by(Participant.group_id)
            ).all()
        )
        last = dict(
            s.execute(
                select(Session.group_id, func.max(Session.started_at))
                .where(Session.is_practice.is_(False))
                .group_by(Session.group_id)
            ).all()
        )
        query = select(Group).order_by(Group.name)
        if not include_archived:
            query = query.where(Group.archived.is_(False))
        return [
            GroupRow(
                g.id,
                g.name,
                g.program_type,
                int(counts.get(g.id, 0)),
                last.get(g.id),
                g.archived,
                g.language,
            )
            for g in s.scalars(query)
            if in_scope(visible, g.id)
        ]


def find_resume_offers(db: Any, *, who: Any = None) -> list[ResumeOffer]:
    """Sessions left running or paused, newest first as the engine finds them, of the
    groups the acting user may see (``sessions.read``)."""
    from facilitator.app.access import acting, in_scope, visible_group_ids
    from facilitator.session.persistence import find_resumable_sessions

    actor = acting(db, who, "sessions.read")
    with db.unit() as s:
        visible = visible_group_ids(s, actor)
        offers = []
        for found in find_resumable_sessions(s):
            sess = s.get(Session, found.session_id)
            if sess is not None and in_scope(visible, sess.group_id):
                offers.append(
                    ResumeOffer(
                        sess.id, sess.group_id, sess.group.name, sess.script_id, sess.started_at
                    )
                )
        return offers


def group_form(
    db: Any, group_id: Optional[str], default_language: str = "en", *, who: Any = None
) -> GroupForm:
    """The group's fields as a form holds them (an empty form for a new group)."""
    authorize(db, who, "groups.read", group_id)
    if not group_id:
        return GroupForm(language=default_language)
    with db.unit() as s:
        group = s.get(Group, group_id)
        if group is None:
            return GroupForm(language=default_language)
        rules = [
            r if isinstance(r, str) else pick(r, group.language) for r in group.extra_rules or []
        ]
        return GroupForm(
            group.name,
            group.program_type,
            group.language,
            group.default_script_id,
            rules,
            group.co_facilitator,
            bool(group.headcount_only),
        )


def plan_info(
    db: Any, group_id: str, fallback_language: str = "en", *, who: Any = None
) -> Optional[PlanInfo]:
    """The plan screen's facts about a group, or None when it does not exist."""
    from facilitator.tracking.measures import who5_due

    authorize(db, who, "groups.read", group_id)

    with db.unit() as s:
        group = s.get(Group, group_id)
        if group is None:
            return None
        size = 0 if group.headcount_only else len(P.list_participants(s, group_id))
        due = not group.headcount_only and who5_due(s, group)
        return PlanInfo(
            group.name,
            group.language or fallback_language,
            group.program_type,
            group.default_script_id,
            size,
            bool(group.headcount_only),
            due,
        )


def load_roster(
    db: Any, group_id: str, include_archived: bool = False, *, who: Any = None
) -> list[RosterRow]:
    """The group's participants. Aliases only for the group's own facilitator: a
    supervisor sees codes, never aliases (issue 14)."""
    from facilitator.app.access import owns_group

    actor = authorize(db, who, "groups.read", group_id)
    with db.unit() as s:
        group = s.get(Group, group_id)
        aliases = group is not None and owns_group(actor, group.owner_id)
        return [
            RosterRow(p.id, p.code, p.alias if aliases else None, p.archived, p.age_band, p.gender)
            for p in P.list_participants(s, group_id, include_archived=include_archived)
        ]


def participant_codes(db: Any, group_id: str, *, who: Any = None) -> list[str]:
    """The codes of a group's active participants (never an alias), sorted."""
    authorize(db, who, "groups.read", group_id)
    with db.unit() as s:
        P.get_group(s, group_id)
        return [p.code for p in P.list_participants(s, group_id)]


# -- writes (one ORM session each: run them in a unit of work) ------------------------
# Each checks the acting user first, in the same unit of work (``groups.manage``, and
# for an existing group that they run it): ``who`` is the signed-in user; without
# one, a one-person install acts as its owner.


def _participant_group(s: OrmSession, participant_id: str) -> Optional[str]:
    row = s.get(Participant, participant_id)
    return row.group_id if row is not None else None


def save_group(
    s: OrmSession, form: GroupForm, group_id: Optional[str] = None, *, who: Any = None
) -> str:
    """Insert or update a group from the form; returns its id. A new group made by a
    facilitator on a shared install is theirs (``Group.owner_id``)."""
    from facilitator.tracking.attendance import set_headcount_only

    actor = authorize_in(s, who, "groups.manage", group_id)
    form.validate()
    group = s.get(Group, group_id) if group_id else None
    if group is None:
        group = Group(name=form.name, program_type=form.program_type)
        if not actor.owner and actor.user_id:  # the install's owner owns unowned groups
            group.owner_id = actor.user_id
        s.add(group)
    group.name = form.name
    group.program_type = form.program_type
    group.language = form.language
    group.default_script_id = form.default_script_id or None
    group.extra_rules = [r for r in (x.strip() for x in form.extra_rules) if r]
    group.co_facilitator = (form.co_facilitator or "").strip() or None
    s.flush()
    if bool(group.headcount_only) != form.headcount_only:
        try:
            set_headcount_only(s, group.id, form.headcount_only)
        except InputError:
            # the core refuses while codes are on the roster: say so in the form's words
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "GroupDialog",
                    "This group still has participants on its roster. Archive or "
                    "erase them before keeping a headcount only.",
                )
            ) from None
    return group.id


def add_group(
    s: OrmSession, name: str, program_type: str, language: str, *, who: Any = None
) -> str:
    """A new group with the given name, kind and language; returns its id."""
    return save_group(s, GroupForm(name, program_type, language), who=who)


def rename_group(s: OrmSession, group_id: str, name: str, *, who: Any = None) -> None:
    authorize_in(s, who, "groups.manage", group_id)
    P.get_group(s, group_id).name = _clean_name(name)


def archive_group(s: OrmSession, group_id: str, archived: bool = True, *, who: Any = None) -> None:
    """Hide a group from the lists (its history stays in the reports)."""
    authorize_in(s, who, "groups.manage", group_id)
    P.get_group(s, group_id).archived = archived


def add_participant(
    s: OrmSession,
    group_id: str,
    *,
    alias: Optional[str] = None,
    age_band: Optional[str] = None,
    gender: Optional[str] = None,
    who: Any = None,
) -> str:
    """A newcomer with a fresh random code; returns the code."""
    authorize_in(s, who, "groups.manage", group_id)
    return P.add_participant(s, group_id, alias=alias, age_band=age_band, gender=gender).code


def set_alias(s: OrmSession, participant_id: str, alias: Optional[str], *, who: Any = None) -> None:
    authorize_in(s, who, "groups.manage", _participant_group(s, participant_id))
    P.set_alias(s, participant_id, alias)


def set_details(
    s: OrmSession,
    participant_id: str,
    *,
    age_band: Optional[str],
    gender: Optional[str],
    who: Any = None,
) -> None:
    authorize_in(s, who, "groups.manage", _participant_group(s, participant_id))
    P.set_details(s, participant_id, age_band=age_band, gender=gender)


def archive_participant(
    s: OrmSession, participant_id: str, archived: bool = True, *, who: Any = None
) -> None:
    authorize_in(s, who, "groups.manage", _participant_group(s, participant_id))
    P.archive_participant(s, participant_id, archived)


def erase_participant(s: OrmSession, participant_id: str, *, who: Any = None) -> None:
    authorize_in(s, who, "groups.manage", _participant_group(s, participant_id))
    P.erase_participant(s, participant_id)
