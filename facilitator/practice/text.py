"""Words for a practice attempt in English or Arabic: transcript lines and the debrief.

Labels are marked with ``QT_TRANSLATE_NOOP("Practice", ...)`` for the shared catalogue
and carry their Arabic inline (as the report texts do), so the CLI, the app and a PDF
say the same thing. Scenario texts come from the scenario itself; rule and safety-step
titles from ``resources/rules`` and ``resources/safety``.
"""

from __future__ import annotations

import functools
from typing import Any

import yaml

from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.resources import resource_path

from .engine import Entry, Outcome, PracticeRun
from .model import COMPETENCIES, Scenario

CTX = "Practice"


def _l(en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar}


L: dict[str, dict[str, str]] = {
    "confidentiality": _l(QT_TRANSLATE_NOOP(CTX, "Confidentiality"), "السرية"),
    "boundaries": _l(QT_TRANSLATE_NOOP(CTX, "Boundaries"), "الحدود"),
    "safety_response": _l(QT_TRANSLATE_NOOP(CTX, "Safety response"), "الاستجابة للخطر"),
    "group_dynamics": _l(QT_TRANSLATE_NOOP(CTX, "Group dynamics"), "ديناميكيات المجموعة"),
    "peer_role": _l(
        QT_TRANSLATE_NOOP(CTX, "Staying within the peer role"), "البقاء ضمن دور القرين"
    ),
    "listening_empathy": _l(QT_TRANSLATE_NOOP(CTX, "Listening and empathy"), "الإصغاء والتعاطف"),
    "time_keeping": _l(QT_TRANSLATE_NOOP(CTX, "Time keeping"), "ضبط الوقت"),
    "ev_says": _l(QT_TRANSLATE_NOOP(CTX, "says"), "كلام"),
    "ev_interrupts": _l(QT_TRANSLATE_NOOP(CTX, "interrupts"), "مقاطعة"),
    "ev_silent": _l(QT_TRANSLATE_NOOP(CTX, "stays silent"), "صمت"),
    "ev_arrives_late": _l(QT_TRANSLATE_NOOP(CTX, "arrives late"), "وصول متأخر"),
    "ev_leaves": _l(QT_TRANSLATE_NOOP(CTX, "leaves"), "مغادرة"),
    "ev_medical_advice": _l(QT_TRANSLATE_NOOP(CTX, "gives medical advice"), "نصيحة طبية"),
    "ev_risk_disclosure": _l(QT_TRANSLATE_NOOP(CTX, "discloses risk"), "إفصاح عن خطر"),
    "ev_repeats_outside": _l(
        QT_TRANSLATE_NOOP(CTX, "repeated a story outside the group"), "نقل قصة إلى خارج المجموعة"
    ),
    "ev_private_contact": _l(QT_TRANSLATE_NOOP(CTX, "asks for private contact"), "طلب تواصل خاص"),
    "ev_conflict": _l(QT_TRANSLATE_NOOP(CTX, "starts a conflict"), "بداية خلاف"),
    "steady": _l(QT_TRANSLATE_NOOP(CTX, "steady"), "متزن"),
    "guarded": _l(QT_TRANSLATE_NOOP(CTX, "guarded"), "متحفّظ"),
    "open": _l(QT_TRANSLATE_NOOP(CTX, "open"), "منفتح"),
    "anxious": _l(QT_TRANSLATE_NOOP(CTX, "anxious"), "قلِق"),
    "irritable": _l(QT_TRANSLATE_NOOP(CTX, "irritable"), "سريع الانفعال"),
    "not_yet": _l(QT_TRANSLATE_NOOP(CTX, "Not yet"), "لم يتحقق بعد"),
    "developing": _l(QT_TRANSLATE_NOOP(CTX, "Developing"), "في طور النمو"),
    "competent": _l(QT_TRANSLATE_NOOP(CTX, "Competent"), "متمكّن"),
    "practice_mode": _l(
        QT_TRANSLATE_NOOP(CTX, "practice mode: coach notes as you go"),
        "وضع التدريب: ملاحظات المدرّب أثناء التقدم",
    ),
    "assessment_mode": _l(
        QT_TRANSLATE_NOOP(CTX, "assessment mode: feedback at the end"),
        "وضع التقييم: الملاحظات في النهاية",
    ),
    "banner": _l(
        QT_TRANSLATE_NOOP(CTX, "PRACTICE: simulated group, nothing is recorded as real"),
        "PRACTICE تدريب: مجموعة محاكاة، ولا يُسجَّل شيء على أنه حقيقي",
    ),
    "seed": _l(QT_TRANSLATE_NOOP(CTX, "Seed {seed}"), "البذرة {seed}"),
    "warnings": _l(QT_TRANSLATE_NOOP(CTX, "Content warnings"), "تنبيهات المحتوى"),
    "participants": _l(QT_TRANSLATE_NOOP(CTX, "The group"), "المجموعة"),
    "step": _l(
        QT_TRANSLATE_NOOP(CTX, "Step {n} of {total}: {title} ({minutes})"),
        "الخطوة {n} من {total}: {title} ({minutes})",
    ),
    "cue": _l(QT_TRANSLATE_NOOP(CTX, "Cue"), "إشارة"),
    "to": _l(QT_TRANSLATE_NOOP(CTX, "to {code}"), "إلى {code}"),
    "decision": _l(QT_TRANSLATE_NOOP(CTX, "Decision"), "قرار"),
    "coach": _l(QT_TRANSLATE_NOOP(CTX, "Coach"), "ملاحظة المدرّب"),
    "you_chose": _l(QT_TRANSLATE_NOOP(CTX, "You chose"), "اخترت"),
    "feedback": _l(QT_TRANSLATE_NOOP(CTX, "Feedback"), "التعليق"),
    "cites": _l(QT_TRANSLATE_NOOP(CTX, "See"), "انظر"),
    "critical_done": _l(
        QT_TRANSLATE_NOOP(CTX, "Critical action performed"), "إجراء حاسم تم تنفيذه"
    ),
    "extended": _l(
        QT_TRANSLATE_NOOP(CTX, "The step runs {minutes} longer."), "تطول الخطوة {minutes}."
    ),
    "paused": _l(QT_TRANSLATE_NOOP(CTX, "Paused by the trainer."), "أوقفه المدرّب مؤقتًا."),
    "resumed": _l(QT_TRANSLATE_NOOP(CTX, "Resumed."), "استُؤنف."),
    "finished": _l(QT_TRANSLATE_NOOP(CTX, "The practice has ended."), "انتهى التدريب."),
    "abandoned": _l(QT_TRANSLATE_NOOP(CTX, "The practice was stopped."), "أُوقف التدريب."),
    "debrief": _l(QT_TRANSLATE_NOOP(CTX, "Debrief"), "المراجعة"),
    "scores": _l(QT_TRANSLATE_NOOP(CTX, "Scores per competency"), "الدرجات حسب الكفاءة"),
    "of_best": _l(QT_TRANSLATE_NOOP(CTX, "{score} of {best}"), "{score} من {best}"),
    "reasons": _l(QT_TRANSLATE_NOOP(CTX, "Why"), "الأسباب"),
    "critical": _l(QT_TRANSLATE_NOOP(CTX, "Critical actions"), "الإجراءات الحاسمة"),
    "done": _l(QT_TRANSLATE_NOOP(CTX, "done"), "نُفّذ"),
    "missed": _l(QT_TRANSLATE_NOOP(CTX, "MISSED"), "فات"),
    "result": _l(
        QT_TRANSLATE_NOOP(CTX, "Result: {result} ({percent}% of the points available)"),
        "النتيجة: {result} ({percent}% من النقاط المتاحة)",
    ),
    "capped": _l(
        QT_TRANSLATE_NOOP(CTX, "The result is capped because a critical action was missed."),
        "النتيجة محدودة لأن إجراءً حاسمًا فات.",
    ),
    "timeline": _l(QT_TRANSLATE_NOOP(CTX, "Key moments"), "اللحظات الرئيسية"),
    "best_was": _l(QT_TRANSLATE_NOOP(CTX, "Strongest option"), "الخيار الأقوى"),
    "safety_opened": _l(QT_TRANSLATE_NOOP(CTX, "Opened the Safety steps."), "فتح خطوات السلامة."),
    "next_critical": _l(
        QT_TRANSLATE_NOOP(CTX, "Rehearse the critical action you missed: {action}"),
        "تمرّن على الإجراء الحاسم الذي فاتك: {action}",
    ),
    "next_comp": _l(
        QT_TRANSLATE_NOOP(CTX, "Work on {competency}: try the scenario \u201c{scenario}\u201d."),
        "اعمل على {competency}: جرّب سيناريو \u201c{scenario}\u201d.",
    ),
    "next_comp_again": _l(
        QT_TRANSLATE_NOOP(CTX, "Work on {competency}: play this scenario again."),
        "اعمل على {competency}: العب هذا السيناريو مرة أخرى.",
    ),
    "next_harder": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Every point was earned: try the same scenario in assessment mode, or a harder one.",
        ),
        "حصلت على كل النقاط: جرّب السيناريو نفسه في وضع التقييم، أو سيناريو أصعب.",
    ),
    "response": _l(QT_TRANSLATE_NOOP(CTX, "answered in {seconds} s"), "زمن الإجابة {seconds} ث"),
}


def t(key: str, lang: str, **fmt: Any) -> str:
    entry = L[key]
    text = entry["en"]
    if lang != "en":
        caught = translate(CTX, text, lang)
        text = caught if caught != text else entry.get(lang) or text
    return text.format(**fmt) if fmt else text


def minutes(n: float, lang: str) -> str:
    """``n`` minutes, with Arabic number agreement (دقيقة، دقيقتان، دقائق)."""
    n = int(n) if float(n).is_integer() else n
    if lang != "ar":
        return f"{n:g} min"
    if n == 1:
        return "دقيقة واحدة"
    if n == 2:
        return "دقيقتان"
    if isinstance(n, int) and 3 <= n <= 10:
        return f"{n} دقائق"
    return f"{n:g} دقيقة"


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
    for n, step in enumerate(protocol.get("steps", []), start=1):
        prefix = {"en": f"Safety step {n}: ", "ar": f"خطوة السلامة {n}: "}
        out[f"safety:{step['id']}"] = {k: prefix[k] + v for k, v in step["short"].items()}
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


# Checker and loader messages are built in English with the ids they name; the
# authoring screen shows them in Arabic through these patterns (ids kept as written).
_AR_PATTERNS: list[tuple[str, str]] = [
    (r"missing translation: '(?P<a>[^']+)' has no Arabic text", "ترجمة ناقصة: '{a}' بلا نص عربي"),
    (
        r"missing translation: '(?P<a>[^']+)' has no English text",
        "ترجمة ناقصة: '{a}' بلا نص إنجليزي",
    ),
    (
        r"decision '(?P<a>[^']+)' is unreachable.*",
        "لا يمكن الوصول إلى القرار '{a}': لا يقود إليه أي حدث أو خيار في أي مسار",
    ),
    (
        r"event '(?P<a>[^']+)' never happens on any path.*",
        "الحدث '{a}' لا يقع في أي مسار (كل المسارات تنتهي قبله)",
    ),
    (
        r"critical action '(?P<a>[^']+)' is performed on no path",
        "الإجراء الحاسم '{a}' لا يُنفَّذ في أي مسار",
    ),
    (r"no path through the scenario finishes", "لا يوجد مسار ينتهي في هذا السيناريو"),
    (r"no path reaches the result 'competent'", "لا يصل أي مسار إلى نتيجة «متمكّن»"),
    (
        r"the script '(?P<a>[^']+)' has no step '(?P<b>[^']+)'; its steps are: (?P<c>.*)",
        "النص '{a}' ليس فيه خطوة '{b}'؛ خطواته: {c}",
    ),
    (r"there is no session script '(?P<a>[^']+)'.*", "لا يوجد نص جلسة باسم '{a}'"),
    (
        r"unknown event kind (?P<a>.+); use one of: (?P<b>.*)",
        "نوع حدث غير معروف {a}؛ استعمل أحد: {b}",
    ),
    (
        r"unknown competency (?P<a>.+); use one of: (?P<b>.*)",
        "كفاءة غير معروفة {a}؛ استعمل أحد: {b}",
    ),
    (
        r"'(?P<a>[^']+)' option '(?P<b>[^']+)' ends the scenario",
        "الخيار '{b}' في '{a}' ينهي السيناريو",
    ),
    (
        r"(?P<a>\d+) path\(s\) checked over (?P<b>\d+) temperament.*",
        "فُحص {a} مسارًا عبر {b} من توليفات الطباع",
    ),
    (
        r"reference path '(?P<a>[^']+)' scores (?P<b>.*)",
        "المسار المرجعي '{a}' يعطي درجات مختلفة: {b}",
    ),
    (
        r"reference path '(?P<a>[^']+)' gives the result (?P<b>\S+), expected (?P<c>.*)",
        "المسار المرجعي '{a}' يعطي النتيجة {b}، والمتوقع {c}",
    ),
    (r"[Ff]ield required", "حقل مطلوب غير موجود"),
    (r"[Ee]xtra inputs are not permitted|unknown field.*", "حقل غير معروف في هذا الموضع"),
    (
        r"must be a mapping with 'en' and 'ar' texts",
        "يجب أن يكون نصًا بالإنجليزية والعربية (en و ar)",
    ),
    (
        r"an event needs exactly one trigger.*",
        "يحتاج الحدث إلى مُطلِق واحد بالضبط: step أو minute أو when",
    ),
    (r"participant code '(?P<a>[^']+)' is used twice", "رمز المشارك '{a}' مستعمل مرتين"),
    (r"(?P<a>[^:]+): No such file or directory.*", "الملف غير موجود: {a}"),
]


def plain_problem(message: str, lang: str) -> str:
    """A loader or checker message in ``lang`` (English passes through; a message
    without an Arabic pattern is shown in English rather than guessed)."""
    import re

    if lang != "ar":
        return message
    for pattern, arabic in _AR_PATTERNS:
        m = re.fullmatch(pattern, message.strip(), flags=re.S) or re.search(pattern, message)
        if m:
            return arabic.format(**m.groupdict())
    return message
