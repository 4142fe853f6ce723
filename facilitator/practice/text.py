"""Words for a practice attempt in English or Arabic: transcript lines and the debrief.

Labels are marked with ``QT_TRANSLATE_NOOP("Practice", ...)`` and translated from the
one catalogue (``resources/translations/facilitator_ar.ts``), so the CLI, the app and a
PDF say the same thing. Scenario texts come from the scenario itself; rule and safety-step
titles from ``resources/rules`` and ``resources/safety``.
"""

from __future__ import annotations

import functools
from typing import Any

import yaml

from facilitator.i18n import QT_TRANSLATE_NOOP, translate, translate_n
from facilitator.resources import resource_path

from .engine import Entry, Outcome, PracticeRun
from .model import COMPETENCIES, Scenario

CTX = "Practice"


L: dict[str, str] = {
    "confidentiality": QT_TRANSLATE_NOOP("Practice", "Confidentiality"),
    "boundaries": QT_TRANSLATE_NOOP("Practice", "Boundaries"),
    "safety_response": QT_TRANSLATE_NOOP("Practice", "Safety response"),
    "group_dynamics": QT_TRANSLATE_NOOP("Practice", "Group dynamics"),
    "peer_role": QT_TRANSLATE_NOOP("Practice", "Staying within the peer role"),
    "listening_empathy": QT_TRANSLATE_NOOP("Practice", "Listening and empathy"),
    "time_keeping": QT_TRANSLATE_NOOP("Practice", "Time keeping"),
    "ev_says": QT_TRANSLATE_NOOP("Practice", "says"),
    "ev_interrupts": QT_TRANSLATE_NOOP("Practice", "interrupts"),
    "ev_silent": QT_TRANSLATE_NOOP("Practice", "stays silent"),
    "ev_arrives_late": QT_TRANSLATE_NOOP("Practice", "arrives late"),
    "ev_leaves": QT_TRANSLATE_NOOP("Practice", "leaves"),
    "ev_medical_advice": QT_TRANSLATE_NOOP("Practice", "gives medical advice"),
    "ev_risk_disclosure": QT_TRANSLATE_NOOP("Practice", "discloses risk"),
    "ev_repeats_outside": QT_TRANSLATE_NOOP("Practice", "repeated a story outside the group"),
    "ev_private_contact": QT_TRANSLATE_NOOP("Practice", "asks for private contact"),
    "ev_conflict": QT_TRANSLATE_NOOP("Practice", "starts a conflict"),
    "steady": QT_TRANSLATE_NOOP("Practice", "steady"),
    "guarded": QT_TRANSLATE_NOOP("Practice", "guarded"),
    "open": QT_TRANSLATE_NOOP("Practice", "open"),
    "anxious": QT_TRANSLATE_NOOP("Practice", "anxious"),
    "irritable": QT_TRANSLATE_NOOP("Practice", "irritable"),
    "not_yet": QT_TRANSLATE_NOOP("Practice", "Not yet"),
    "developing": QT_TRANSLATE_NOOP("Practice", "Developing"),
    "competent": QT_TRANSLATE_NOOP("Practice", "Competent"),
    "practice_mode": QT_TRANSLATE_NOOP("Practice", "practice mode: coach notes as you go"),
    "assessment_mode": QT_TRANSLATE_NOOP("Practice", "assessment mode: feedback at the end"),
    "banner": QT_TRANSLATE_NOOP(
        "Practice", "PRACTICE: simulated group, nothing is recorded as real"
    ),
    "seed": QT_TRANSLATE_NOOP("Practice", "Seed {seed}"),
    "warnings": QT_TRANSLATE_NOOP("Practice", "Content warnings"),
    "participants": QT_TRANSLATE_NOOP("Practice", "The group"),
    "step": QT_TRANSLATE_NOOP("Practice", "Step {n} of {total}: {title} ({minutes})"),
    "cue": QT_TRANSLATE_NOOP("Practice", "Cue"),
    "to": QT_TRANSLATE_NOOP("Practice", "to {code}"),
    "decision": QT_TRANSLATE_NOOP("Practice", "Decision"),
    "coach": QT_TRANSLATE_NOOP("Practice", "Coach"),
    "you_chose": QT_TRANSLATE_NOOP("Practice", "You chose"),
    "feedback": QT_TRANSLATE_NOOP("Practice", "Feedback"),
    "cites": QT_TRANSLATE_NOOP("Practice", "See"),
    "critical_done": QT_TRANSLATE_NOOP("Practice", "Critical action performed"),
    "extended": QT_TRANSLATE_NOOP("Practice", "The step runs {minutes} longer."),
    "paused": QT_TRANSLATE_NOOP("Practice", "Paused by the trainer."),
    "resumed": QT_TRANSLATE_NOOP("Practice", "Resumed."),
    "finished": QT_TRANSLATE_NOOP("Practice", "The practice has ended."),
    "abandoned": QT_TRANSLATE_NOOP("Practice", "The practice was stopped."),
    "debrief": QT_TRANSLATE_NOOP("Practice", "Debrief"),
    "scores": QT_TRANSLATE_NOOP("Practice", "Scores per competency"),
    "of_best": QT_TRANSLATE_NOOP("Practice", "{score} of {best}"),
    "reasons": QT_TRANSLATE_NOOP("Practice", "Why"),
    "critical": QT_TRANSLATE_NOOP("Practice", "Critical actions"),
    "done": QT_TRANSLATE_NOOP("Practice", "done"),
    "missed": QT_TRANSLATE_NOOP("Practice", "MISSED"),
    "result": QT_TRANSLATE_NOOP(
        "Practice", "Result: {result} ({percent}% of the points available)"
    ),
    "capped": QT_TRANSLATE_NOOP(
        "Practice", "The result is capped because a critical action was missed."
    ),
    "timeline": QT_TRANSLATE_NOOP("Practice", "Key moments"),
    "best_was": QT_TRANSLATE_NOOP("Practice", "Strongest option"),
    "safety_opened": QT_TRANSLATE_NOOP("Practice", "Opened the Safety steps."),
    "next_critical": QT_TRANSLATE_NOOP(
        "Practice", "Rehearse the critical action you missed: {action}"
    ),
    "next_comp": QT_TRANSLATE_NOOP(
        "Practice", "Work on {competency}: try the scenario “{scenario}”."
    ),
    "next_comp_again": QT_TRANSLATE_NOOP(
        "Practice", "Work on {competency}: play this scenario again."
    ),
    "next_harder": QT_TRANSLATE_NOOP(
        "Practice",
        "Every point was earned: try the same scenario in assessment mode, or a harder one.",
    ),
    "response": QT_TRANSLATE_NOOP("Practice", "answered in {seconds} s"),
}


def t(key: str, lang: str, **fmt: Any) -> str:
    """The label ``key`` in ``lang``, from the one catalogue."""
    text = translate(CTX, L[key], lang)
    return text.format(**fmt) if fmt else text


def minutes(n: float, lang: str) -> str:
    """``n`` minutes, in the plural form the catalogue gives (Arabic: دقيقة، دقيقتان، دقائق)."""
    return translate_n(CTX, "%n min", n, lang)  # plural forms: ui/practice/problems.py


def clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


@functools.lru_cache(maxsize=1)
def _cite_titles() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(resource_path("rules").glob("*.yaml")):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        for rule in data.get("rules", []) or []:
            out[f"rule:{rule['id']}"] = dict(rule["title"])
    with open(resource_path("safety", "protocol.yaml"), encoding="utf-8") as f:
        protocol = yaml.safe_load(f) or {}
    step_title = QT_TRANSLATE_NOOP("Practice", "Safety step {n}: {title}")
    for n, step in enumerate(protocol.get("steps", []), start=1):
        out[f"safety:{step['id']}"] = {
            k: translate(CTX, step_title, k).format(n=n, title=v) for k, v in step["short"].items()
        }
    return out


def cite_title(cite: str, lang: str) -> str:
    titles = _cite_titles().get(cite)
    return titles.get(lang) or titles["en"] if titles else cite


def cites_line(cites: list[str] | tuple[str, ...], lang: str) -> str:
    sep = "، " if lang == "ar" else "; "
    return sep.join(cite_title(c, lang) for c in cites)


def participants_lines(run: PracticeRun, lang: str) -> list[str]:
    out = [t("participants", lang) + ":"]
    for p in run.scenario.participants:
        out.append(f"  {p.code}: {p.persona.get(lang)} {p.tendencies.get(lang)}")
    return out


def entry_lines(
    run: PracticeRun, entry: Entry, lang: str, *, show_state: bool = False
) -> list[str]:
    """The lines a trainee reads for one transcript entry ([] for entries kept hidden)."""
    sc: Scenario = run.scenario
    d, stamp = entry.data, f"[{clock(entry.t)}]"
    if entry.kind == "step":
        i = d["index"]
        step = run.script.steps[i]
        return [
            "",
            "-- "
            + t(
                "step",
                lang,
                n=i + 1,
                total=len(run.script.steps),
                title=step.title.get(lang),
                minutes=minutes(step.minutes, lang),
            ),
        ]
    if entry.kind == "event":
        ev = next(e for e in sc.events if e.id == d["event"])
        if lang == "ar":  # a noun, not a verb: Arabic verbs would need the member's gender
            head = f"{stamp} {ev.who} ({t('ev_' + ev.kind, lang)}"
            head += ("، " + t("to", lang, code=ev.target) if ev.target else "") + ")"
        else:
            head = f"{stamp} {ev.who} {t('ev_' + ev.kind, lang)}"
            if ev.target:
                head += " (" + t("to", lang, code=ev.target) + ")"
        lines = [head + ": " + ev.text.get(lang)]
        if ev.cue is not None:
            lines.append(f"    {t('cue', lang)}: {ev.cue.get(lang)}")
        return lines
    if entry.kind == "decision":
        return [f"{stamp} {t('decision', lang)}: {sc.decision(d['decision']).prompt.get(lang)}"]
    if entry.kind == "coach":
        coach = sc.decision(d["decision"]).coach
        return [f"    {t('coach', lang)}: {coach.get(lang)}"] if coach else []
    if entry.kind == "choice":
        opt = sc.decision(d["decision"]).option(d["option"])
        return [f"    {t('you_chose', lang)}: {opt.text.get(lang)}"]
    if entry.kind == "feedback":
        opt = sc.decision(d["decision"]).option(d["option"])
        return [
            f"    {t('feedback', lang)}: {opt.feedback.get(lang)}",
            f"    {t('cites', lang)}: {cites_line(opt.cites, lang)}",
        ]
    if entry.kind == "critical":
        act = next(a for a in sc.critical_actions if a.id == d["action"])
        return [f"    {t('critical_done', lang)}: {act.title.get(lang)}"]
    if entry.kind == "extend":
        return [f"    {t('extended', lang, minutes=minutes(d['minutes'], lang))}"]
    if entry.kind == "state":
        return [f"    ({d['who']} {d['var']} {d['from']} -> {d['to']})"] if show_state else []
    if entry.kind == "safety":
        return [f"{stamp} {t('safety_opened', lang)}"]
    if entry.kind in ("paused", "resumed"):
        return [f"{stamp} {t(entry.kind, lang)}"]
    if entry.kind == "finish":
        return ["", f"{stamp} {t('finished', lang)}"]
    if entry.kind == "abandon":
        return [f"{stamp} {t('abandoned', lang)}"]
    return []


def debrief_lines(run: PracticeRun, outcome: Outcome, lang: str) -> list[str]:
    """Key moments (each choice beside the strongest option), scores with reasons,
    critical actions and the result."""
    sc = run.scenario
    out = ["", "== " + t("debrief", lang), t("timeline", lang) + ":"]
    times = {(e.data["decision"]): e for e in run.entries if e.kind == "choice"}
    for dec_id, opt_id in run.choices:
        dec = sc.decision(dec_id)
        opt = dec.option(opt_id)
        best = max(dec.options, key=lambda o: o.total)
        e = times[dec_id]
        out.append(f"  [{clock(e.t)}] {dec.prompt.get(lang)}")
        out.append(
            f"    {t('you_chose', lang)}: {opt.text.get(lang)} "
            f"({t('response', lang, seconds=round(e.data['response_seconds']))})"
        )
        if opt.total < best.total:
            out.append(f"    {t('best_was', lang)}: {best.text.get(lang)}")
        out.append(f"    {t('feedback', lang)}: {opt.feedback.get(lang)}")
        out.append(f"    {t('cites', lang)}: {cites_line(opt.cites, lang)}")
    out.append(t("scores", lang) + ":")
    for comp in COMPETENCIES:
        if not outcome.best[comp] and not outcome.scores[comp]:
            continue
        out.append(
            f"  {t(comp, lang)}: "
            + t("of_best", lang, score=outcome.scores[comp], best=outcome.best[comp])
        )
        for p in outcome.points:
            if p.competency == comp:
                out.append(
                    f"    {p.points:+d}  {p.decision} / {p.option}: {cites_line(p.cites, lang)}"
                )
    if sc.critical_actions:
        out.append(t("critical", lang) + ":")
        for act in sc.critical_actions:
            mark = t("done", lang) if act.id in outcome.critical_performed else t("missed", lang)
            out.append(f"  [{mark}] {act.title.get(lang)}")
    out.append(t("result", lang, result=t(outcome.result, lang), percent=f"{outcome.percent:g}"))
    if outcome.capped:
        out.append(t("capped", lang))
    return out
