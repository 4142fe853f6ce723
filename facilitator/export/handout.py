"""The participant handout: what today's session will look like, and the group agreement.

It is built from the script and the ground rules only, so it can never carry data:
no codes, no scores, no notes, and none of the script's facilitator-only text (what
to say aloud, notes, prompts). It needs no store.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from facilitator.export.pdf import write_report
from facilitator.i18n import pick
from facilitator.session.library import load_script
from facilitator.session.rules import RuleSet, effective_rules, load_ruleset
from facilitator.session.scripts import Script
from facilitator.tracking import report_model as rm

_T: dict[str, dict[str, str]] = {
    "subtitle": {"en": "Participant handout", "ar": "ورقة للمشاركين"},
    "length": {"en": "About {minutes} minutes", "ar": "حوالي {minutes} دقيقة"},
    "plan": {"en": "What happens in this session", "ar": "ما يجري في هذه الجلسة"},
    "step": {"en": "Part", "ar": "الجزء"},
    "minutes": {"en": "Minutes", "ar": "الدقائق"},
    "plan_note": {"en": "Times are a guide; the group may take longer over what matters.",
                  "ar": "الأوقات تقريبية؛ قد تأخذ المجموعة وقتاً أطول لما يهمّها."},
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


def _t(key: str, lang: str, **values: Any) -> str:
    text = pick(_T[key], lang)
    return text.format(**values) if values else text


def build_handout(script: Script, rules: RuleSet, lang: str) -> rm.Report:
    """A :class:`Report` holding the agenda (titles and minutes) and the rules."""
    agenda = rm.Table(
        columns=["#", _t("step", lang), _t("minutes", lang)],
        rows=[[str(i), step.title.get(lang), str(step.minutes)]
              for i, step in enumerate(script.steps, start=1)],
        numeric=frozenset({0, 2}), col_widths=[0.08, 0.74, 0.18],
        footnote=_t("plan_note", lang),
    )
    rule_items = [f"{pick(r.title, lang)}: {pick(r.text, lang)}" for r in rules.rules]
    blocks: list[rm.Block] = [
        rm.Paragraph(script.summary.get(lang)),
        rm.Heading(_t("plan", lang)),
        agenda,
        rm.Heading(pick(rules.title, lang)),
        rm.BulletList(rule_items),
        rm.Paragraph(_t("peer", lang), "note"),
    ]
    return rm.Report(kind="handout", lang=lang, title=script.title.get(lang),
                     subtitle=_t("subtitle", lang),
                     period=_t("length", lang, minutes=script.total_minutes),
                     audience="external", blocks=blocks,
                     confidentiality=_t("confidentiality", lang),
                     generated_at=datetime.now(timezone.utc))


def handout_for(script_id: str, lang: str, *, extra_rules: Iterable[Any] | None = None,
                db_session: Any = None) -> rm.Report:
    """The handout for a built-in (or, given ``db_session``, custom) script.

    ``extra_rules`` are a group's own added or reworded rules (``Group.extra_rules``).
    """
    script = load_script(script_id, db_session)
    rules = effective_rules(list(extra_rules or []), base=load_ruleset(script.ground_rules))
    return build_handout(script, rules, lang)


def write_handout(path: str | Path, script_id: str, lang: str, *,
                  extra_rules: Iterable[Any] | None = None, password: str | None = None) -> Path:
    return write_report(handout_for(script_id, lang, extra_rules=extra_rules), path,
                        password=password)
