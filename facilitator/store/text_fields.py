"""Every typed text column passes :func:`facilitator.textcheck.check_text` when set.

Attribute ``set`` events run on construction (``Group(name=...)``) and on every
assignment, whichever code path (a dialog, the command line, an import) does it, so
a NUL, an ESC or a right-to-left override cannot reach the store through a path
that forgot to check. The value is replaced by its normalised form (NFC, stray
direction marks removed, white space tidied). Imported once by
:mod:`facilitator.store.models`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from facilitator.errors import InputError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.store.models import Group, Incident, Note, Participant, SafetyResource, User
from facilitator.store.models_practice import PracticeAttempt
from facilitator.textcheck import check_text

#: (column, what the message calls it, limit, multiline, required)
_FIELDS = [
    (Group.name, QT_TRANSLATE_NOOP("textcheck", "The group name"), 200, False, True),
    (Group.co_facilitator, QT_TRANSLATE_NOOP("textcheck", "The co-facilitator"), 200, False, False),
    (User.display_name, QT_TRANSLATE_NOOP("textcheck", "The name"), 200, False, False),
    (Participant.alias, QT_TRANSLATE_NOOP("textcheck", "The alias"), 200, False, False),
    (Note.body, QT_TRANSLATE_NOOP("textcheck", "The note"), 50_000, True, False),
    (
        Incident.description,
        QT_TRANSLATE_NOOP("textcheck", "The incident description"),
        20_000,
        True,
        False,
    ),
    (
        Incident.follow_up_note,
        QT_TRANSLATE_NOOP("textcheck", "The follow-up note"),
        20_000,
        True,
        False,
    ),
    (SafetyResource.name, QT_TRANSLATE_NOOP("textcheck", "The resource name"), 200, False, True),
    (SafetyResource.hours, QT_TRANSLATE_NOOP("textcheck", "The resource hours"), 200, False, False),
    (
        SafetyResource.language,
        QT_TRANSLATE_NOOP("textcheck", "The resource language"),
        32,
        False,
        False,
    ),
    (SafetyResource.notes, QT_TRANSLATE_NOOP("textcheck", "The resource notes"), 2000, True, False),
    (
        PracticeAttempt.trainee,
        QT_TRANSLATE_NOOP("textcheck", "The trainee's label"),
        100,
        False,
        False,
    ),
]

RULE_MAX = 2000


def _listen(column, what: str, limit: int, multiline: bool, required: bool) -> None:
    @event.listens_for(column, "set", retval=True)
    def _check(target, value, oldvalue, initiator):  # noqa: ARG001 - SQLAlchemy's signature
        if value is None and not required:
            return None
        return check_text(value, what, limit=limit, multiline=multiline, required=required)


for _args in _FIELDS:
    _listen(*_args)


def check_rule(rule: Any) -> Any:
    """A group's own rule: plain text, or a mapping of texts per language."""
    what = QT_TRANSLATE_NOOP("textcheck", "A group rule")
    if isinstance(rule, str):
        return check_text(rule, what, limit=RULE_MAX, multiline=True)
    if isinstance(rule, dict):
        return {
            k: (
                check_text(v, what, limit=RULE_MAX, multiline=True)
                if isinstance(v, str)
                else check_rule(v)
                if isinstance(v, dict)
                else v
            )
            for k, v in rule.items()
        }
    raise InputError(QT_TRANSLATE_NOOP("textcheck", "A group rule must be text."))


@event.listens_for(Group.extra_rules, "set", retval=True)
def _check_rules(target, value, oldvalue, initiator):  # noqa: ARG001
    if value is None:
        return value
    return [check_rule(r) for r in value]
