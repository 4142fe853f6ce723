"""The participant handout: what today's session will look like, and the group agreement.

It is built from the script and the ground rules only, so it can never carry data:
no codes, no scores, no notes, and none of the script's facilitator-only text (what
to say aloud, notes, prompts).

The clean entry points take plain data the caller has already loaded, so every
caller prints the same thing: :func:`handout_report` / :func:`write_handout` with a
:class:`~facilitator.scripts.model.Script` (built-in or a facilitator's custom
script read from the store with ``load_script(id, db_session)``) and the rules as
``effective_rules(group)`` returns them (a :class:`RuleSet`, or its list of
:class:`Rule`). The older ``handout_for(script_id, ...)`` and
``write_handout(path, script_id, ..., extra_rules=...)`` forms still work.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence, Union

from facilitator.export.pdf import write_report
from facilitator.i18n import pick
from facilitator.scripts.library import load_script
from facilitator.session.rules import Rule, RuleSet, effective_rules, load_ruleset
from facilitator.scripts.model import Script
from facilitator.textcheck import isolate
from facilitator.tracking import report_model as rm

_T: dict[str, dict[str, str]] = {
    "subtitle": {"en": "Participant handout", "ar": "ورقة للمشاركين"},
    "length": {"en": "About {minutes} minutes", "ar": "حوالي {minutes} دقيقة"},
    "plan": {"en": "What happens in this session", "ar": "ما يجري في هذه الجلسة"},
    "step": {"en": "Part", "ar": "الجزء"},
    "minutes": {"en": "Minutes", "ar": "الدقائق"},
    "plan_note": {
        "en": "Times are a guide; the group may take longer over what matters.",
        "ar": "الأوقات تقريبية؛ قد تأخذ المجموعة وقتاً أطول لما يهمّها.",
    },
    "peer": {
        "en": "This is a peer-support group, led by a trained peer, not a clinician. It does not "
        "replace professional help. If you need urgent help, tell the facilitator or "
        "contact your local emergency number.",
        "ar": "هذه مجموعة دعم بين الأقران يقودها قرين مدرَّب، وليست علاجاً طبياً أو نفسياً، ولا "
        "تغني عن المساعدة المتخصصة. إن احتجت مساعدة عاجلة فأخبر الميسّر أو اتصل برقم "
        "الطوارئ المحلي.",
    },
    "confidentiality": {
        "en": "For participants. Contains no personal information.",
        "ar": "للمشاركين. لا تحتوي أي معلومات شخصية.",
    },
}


Rules = Union[RuleSet, Sequence[Rule], None]


def _t(key: str, lang: str, **values: Any) -> str:
    text = pick(_T[key], lang)
    return text.format(**values) if values else text


def _as_ruleset(script: Script, rules: Rules) -> RuleSet:
    """``None`` is the script's own rule set; a plain list of rules (a group's
    effective rules) is shown under the script's rule-set title."""
    if isinstance(rules, RuleSet):
        return rules
    base = load_ruleset(script.ground_rules)
    if rules is None:
        return base
    items = tuple(rules)
    for item in items:
        if not isinstance(item, Rule):
            raise TypeError(
                "rules must be Rule objects, as effective_rules() returns them; "
                "pass a group's stored extra rules as extra_rules= instead"
            )
    return RuleSet(id=base.id, version=base.version, title=base.title, rules=items)


def build_handout(script: Script, rules: Rules, lang: str) -> rm.Report:
    """A :class:`Report` holding the agenda (titles and minutes) and the rules."""
    rules = _as_ruleset(script, rules)
    agenda = rm.Table(
        columns=["#", _t("step", lang), _t("minutes", lang)],
        rows=[
            [str(i), isolate(step.title.get(lang)), str(step.minutes)]
            for i, step in enumerate(script.steps, start=1)
        ],
        numeric=frozenset({0, 2}),
        col_widths=[0.08, 0.74, 0.18],
        footnote=_t("plan_note", lang),
    )
    # each rule may be a group's own words, in either language: set apart from the colon
    # (a rule a group typed as one line has the same title and text: printed once)
    rule_items = [
        isolate(pick(r.text, lang))
        if pick(r.title, lang) == pick(r.text, lang)
        else f"{isolate(pick(r.title, lang))}: {isolate(pick(r.text, lang))}"
        for r in rules.rules
    ]
    blocks: list[rm.Block] = [
        rm.Paragraph(isolate(script.summary.get(lang))),
        rm.Heading(_t("plan", lang)),
        agenda,
        rm.Heading(pick(rules.title, lang)),
        rm.BulletList(rule_items),
        rm.Paragraph(_t("peer", lang), "note"),
    ]
    return rm.Report(
        kind="handout",
        lang=lang,
        title=isolate(script.title.get(lang)),
        subtitle=_t("subtitle", lang),
        period=_t("length", lang, minutes=script.total_minutes),
        audience="external",
        blocks=blocks,
        confidentiality=_t("confidentiality", lang),
        generated_at=datetime.now(timezone.utc),
    )


def handout_report(script: Script, lang: str, rules: Rules = None) -> rm.Report:
    """The handout for an already-loaded script with already-worked-out rules (the
    API any caller should use: see the module docstring)."""
    return build_handout(script, rules, lang)


def handout_for(
    script_id: str, lang: str, *, extra_rules: Iterable[Any] | None = None, db_session: Any = None
) -> rm.Report:
    """The handout for a built-in (or, given ``db_session``, custom) script by id.

    ``extra_rules`` are a group's own added or reworded rules as the store keeps them
    (``Group.extra_rules``: rule mappings or plain lines of text).
    """
    script = load_script(script_id, db_session)
    rules = effective_rules(list(extra_rules or []), base=load_ruleset(script.ground_rules))
    return build_handout(script, rules, lang)


def write_handout(
    path: str | Path,
    script: Script | str,
    lang: str,
    *,
    rules: Rules = None,
    extra_rules: Iterable[Any] | None = None,
    db_session: Any = None,
    password: str | None = None,
) -> Path:
    """Write the handout PDF (atomically, optionally AES-256 encrypted).

    Preferred: ``script`` a loaded :class:`Script` and ``rules`` the effective rules.
    Kept for older callers: ``script`` an id (custom ids need ``db_session``) and
    ``extra_rules`` in the store's shape. Giving both ``rules`` and ``extra_rules`` is
    a programming error.
    """
    if rules is not None and extra_rules is not None:
        raise TypeError("give rules or extra_rules, not both")
    if isinstance(script, str):
        report = (
            handout_for(script, lang, extra_rules=extra_rules, db_session=db_session)
            if rules is None
            else handout_report(load_script(script, db_session), lang, rules)
        )
    elif extra_rules is not None:
        report = handout_report(
            script, lang, effective_rules(list(extra_rules), base=load_ruleset(script.ground_rules))
        )
    else:
        report = handout_report(script, lang, rules)
    return write_report(report, path, password=password)
