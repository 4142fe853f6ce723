"""Practice PDFs, in English or Arabic, every page watermarked PRACTICE.

* the practice feedback: one attempt's debrief in the debrief's order (the trainee's
  own reactions, the key moments beside the strongest options, the scores with the
  reason for every point, critical actions, the result, what to practise next);
* the live role-play kit for a training day: one persona card per simulated
  participant with their cues, and the observer's scoring sheet over the same rubric
  (one line per option, to tick the one the trainee took; the ticks are typed back in
  as an attempt by :func:`facilitator.app.practice_review.record_observed_attempt`).

Only scenario text and practice results: nothing here can read a real group. The
debrief arrives already built (:class:`facilitator.app.practice_review.Debrief`; this
layer sits below the application layer, so it takes any object of that shape).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from facilitator.export.pdf import render_report, write_report
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.practice import text as ptext
from facilitator.practice.model import COMPETENCIES, Competency, Scenario
from facilitator.tracking import report_model as rm

#: The competencies in their order (the keys an option's scores use).
_COMPETENCIES: tuple[Competency, ...] = COMPETENCIES

CTX = "PracticePdf"

#: Every sentence of the practice PDFs, translated from the catalogue.
_T: dict[str, str] = {
    "feedback": QT_TRANSLATE_NOOP("PracticePdf", "Practice feedback"),
    "kit_cards": QT_TRANSLATE_NOOP("PracticePdf", "Role-play kit: persona cards"),
    "kit_sheet": QT_TRANSLATE_NOOP("PracticePdf", "Role-play kit: observer's scoring sheet"),
    "trainee": QT_TRANSLATE_NOOP("PracticePdf", "Trainee: {name}"),
    "mode_practice": QT_TRANSLATE_NOOP("PracticePdf", "practice mode"),
    "mode_assessment": QT_TRANSLATE_NOOP("PracticePdf", "assessment mode"),
    "seed": QT_TRANSLATE_NOOP("PracticePdf", "seed {seed}"),
    "reactions": QT_TRANSLATE_NOOP("PracticePdf", "1. Your reactions"),
    "felt": QT_TRANSLATE_NOOP("PracticePdf", "How it felt: {text}"),
    "went_well": QT_TRANSLATE_NOOP("PracticePdf", "What went well: {text}"),
    "self": QT_TRANSLATE_NOOP("PracticePdf", "Your own rating: {n} of 5"),
    "moments": QT_TRANSLATE_NOOP("PracticePdf", "2. Key moments"),
    "you_chose": QT_TRANSLATE_NOOP("PracticePdf", "You chose: {text}"),
    "best": QT_TRANSLATE_NOOP("PracticePdf", "Strongest option: {text}"),
    "best_taken": QT_TRANSLATE_NOOP("PracticePdf", "This was the strongest option."),
    "feedback_line": QT_TRANSLATE_NOOP("PracticePdf", "Feedback: {text}"),
    "see": QT_TRANSLATE_NOOP("PracticePdf", "See: {text}"),
    "comment": QT_TRANSLATE_NOOP("PracticePdf", "Trainer ({who}): {text}"),
    "safety_at": QT_TRANSLATE_NOOP("PracticePdf", "Safety steps opened at {times}."),
    "no_safety": QT_TRANSLATE_NOOP("PracticePdf", "The Safety steps were not opened."),
    "scores": QT_TRANSLATE_NOOP("PracticePdf", "3. Scores per competency"),
    "competency": QT_TRANSLATE_NOOP("PracticePdf", "Competency"),
    "score": QT_TRANSLATE_NOOP("PracticePdf", "Score"),
    "possible": QT_TRANSLATE_NOOP("PracticePdf", "Possible"),
    "overridden": QT_TRANSLATE_NOOP("PracticePdf", "{name}: changed to {score} by {who}: {reason}"),
    "why": QT_TRANSLATE_NOOP("PracticePdf", "Why each point"),
    "critical": QT_TRANSLATE_NOOP("PracticePdf", "Critical actions"),
    "done": QT_TRANSLATE_NOOP("PracticePdf", "done"),
    "missed": QT_TRANSLATE_NOOP("PracticePdf", "MISSED"),
    "next": QT_TRANSLATE_NOOP("PracticePdf", "4. What to practise next"),
    "conf": QT_TRANSLATE_NOOP(
        "PracticePdf", "Practice only: a simulated group. Not a record of any real session."
    ),
    "card_for": QT_TRANSLATE_NOOP("PracticePdf", "Participant {code}"),
    "who": QT_TRANSLATE_NOOP("PracticePdf", "Who you are"),
    "how": QT_TRANSLATE_NOOP("PracticePdf", "How you tend to act"),
    "your_cues": QT_TRANSLATE_NOOP(
        "PracticePdf", "Your cues (say or do this when the trainer signals)"
    ),
    "during": QT_TRANSLATE_NOOP("PracticePdf", "during “{step}”"),
    "at_minute": QT_TRANSLATE_NOOP("PracticePdf", "at minute {m}"),
    "when_state": QT_TRANSLATE_NOOP("PracticePdf", "when it fits the moment"),
    "card_note": QT_TRANSLATE_NOOP(
        "PracticePdf",
        "Play the person, never a real member you know. Stop at once if you or the "
        "trainee need to step out.",
    ),
    "observer_intro": QT_TRANSLATE_NOOP(
        "PracticePdf",
        "Tick the one option closest to what the trainee did at each decision point; "
        "leave a decision blank if it never came up. Type the ticks into the app "
        "afterwards (Practice > Observer marks).",
    ),
    "observer": QT_TRANSLATE_NOOP(
        "PracticePdf", "Observer: ______________   Trainee: ______________   Date: ________"
    ),
    "tick": QT_TRANSLATE_NOOP("PracticePdf", "Tick"),
    "option": QT_TRANSLATE_NOOP("PracticePdf", "Option"),
    "points": QT_TRANSLATE_NOOP("PracticePdf", "Points"),
    "safety_critical": QT_TRANSLATE_NOOP("PracticePdf", "safety-critical"),
}


def _t(key: str, lang: str, **values: Any) -> str:
    text = translate(CTX, _T[key], lang)
    return text.format(**values) if values else text


def _report(title: str, subtitle: str, period: str, lang: str, blocks: list[rm.Block]) -> rm.Report:
    return rm.Report(
        kind="handout",
        lang=lang,
        title=title,
        subtitle=subtitle,
        period=period,
        audience="facilitator",
        blocks=blocks,
        practice=True,
        confidentiality=_t("conf", lang),
        generated_at=datetime.now(timezone.utc),
    )


def feedback_report(debrief: Any) -> rm.Report:
    """The practice feedback PDF's content for one attempt's debrief."""
    lang = debrief.lang
    blocks: list[rm.Block] = []
    mode = _t("mode_" + debrief.mode, lang)
    r = debrief.reflection
    blocks.append(rm.Heading(_t("reactions", lang)))
    blocks.append(rm.Paragraph(_t("felt", lang, text=r.reactions)))
    if r.went_well:
        blocks.append(rm.Paragraph(_t("went_well", lang, text=r.went_well)))
    blocks.append(rm.Paragraph(_t("self", lang, n=r.self_rating)))

    blocks.append(rm.Heading(_t("moments", lang)))
    for m in debrief.moments:
        blocks.append(rm.Heading(f"{ptext.clock(m.t)}  {m.prompt}", 2))
        items = [_t("you_chose", lang, text=m.chosen)]
        items.append(_t("best_taken", lang) if m.is_best else _t("best", lang, text=m.best))
        items.append(_t("feedback_line", lang, text=m.feedback))
        items.append(_t("see", lang, text=("، " if lang == "ar" else "; ").join(m.cites)))
        items += [_t("comment", lang, who=c.author, text=c.text) for c in m.comments]
        blocks.append(rm.BulletList(items))
    if debrief.safety_opened:
        blocks.append(
            rm.Paragraph(
                _t(
                    "safety_at",
                    lang,
                    times=", ".join(ptext.clock(s) for s in debrief.safety_opened),
                )
            )
        )
    elif any(m.safety_critical for m in debrief.moments):
        blocks.append(rm.Paragraph(_t("no_safety", lang), "note"))

    blocks.append(rm.Heading(_t("scores", lang)))
    rows = [[c.name, str(c.effective), str(c.best)] for c in debrief.competencies]
    blocks.append(
        rm.Table(
            columns=[_t("competency", lang), _t("score", lang), _t("possible", lang)],
            rows=rows,
            numeric=frozenset({1, 2}),
            col_widths=[0.6, 0.2, 0.2],
        )
    )
    for c in debrief.competencies:
        if c.override is not None:
            blocks.append(
                rm.Paragraph(
                    _t(
                        "overridden",
                        lang,
                        name=c.name,
                        score=c.override.score,
                        who=c.override.author,
                        reason=c.override.reason,
                    ),
                    "note",
                )
            )
    blocks.append(rm.Heading(_t("why", lang), 2))
    blocks.append(
        rm.BulletList([f"{c.name}: {reason}" for c in debrief.competencies for reason in c.reasons])
    )
    if debrief.critical:
        blocks.append(rm.Heading(_t("critical", lang), 2))
        blocks.append(
            rm.BulletList(
                [
                    f"[{_t('done' if done else 'missed', lang)}] {title}"
                    for title, done in debrief.critical
                ]
            )
        )
    # the result ends the scores section: it never stands alone on a page
    blocks.append(rm.Paragraph(debrief.result_text, keep_with_previous=True))
    if debrief.capped:
        blocks.append(rm.Paragraph(ptext.t("capped", lang), "note", keep_with_previous=True))
    blocks.append(rm.Heading(_t("next", lang)))
    blocks.append(rm.BulletList(list(debrief.next_steps)))
    # the page header carries the date and mode (short enough for every page); the
    # seed, to replay the attempt, is on the first page under the title
    period = f"{debrief.started_at:%Y-%m-%d} · {mode}"
    subtitle = " · ".join(
        (
            _t("feedback", lang),
            _t("trainee", lang, name=debrief.trainee),
            _t("seed", lang, seed=debrief.seed),
        )
    )
    return _report(
        debrief.title,
        subtitle,
        period,
        lang,
        blocks,
    )


def _cue_when(scenario: Scenario, ev: Any, steps: dict[str, Any], lang: str) -> str:
    if ev.step is not None:
        step = steps.get(ev.step)
        return _t("during", lang, step=step.title.get(lang) if step else ev.step)
    if ev.minute is not None:
        return _t("at_minute", lang, m=f"{ev.minute:g}")
    return _t("when_state", lang)


def persona_cards_report(scenario: Scenario, script: Any, lang: str) -> rm.Report:
    """One card (one page) per simulated participant, with the cues they play."""
    steps = {s.id: s for s in script.steps}
    blocks: list[rm.Block] = []
    for i, p in enumerate(scenario.participants):
        if i:
            blocks.append(rm.PageBreak())
        blocks.append(rm.Heading(_t("card_for", lang, code=p.code)))
        blocks.append(rm.Heading(_t("who", lang), 2))
        blocks.append(rm.Paragraph(p.persona.get(lang)))
        blocks.append(rm.Heading(_t("how", lang), 2))
        blocks.append(rm.Paragraph(p.tendencies.get(lang)))
        cues = []
        for ev in scenario.events:
            if ev.who != p.code:
                continue
            line = f"{_cue_when(scenario, ev, steps, lang)}: {ev.text.get(lang)}"
            if ev.cue is not None:
                line += f" ({ptext.t('cue', lang)}: {ev.cue.get(lang)})"
            cues.append(line)
        if cues:
            blocks.append(rm.Heading(_t("your_cues", lang), 2))
            blocks.append(rm.BulletList(cues, numbered=True))
        blocks.append(rm.Paragraph(_t("card_note", lang), "note"))
    return _report(scenario.title.get(lang), _t("kit_cards", lang), scenario.id, lang, blocks)


def observer_sheet_report(scenario: Scenario, lang: str) -> rm.Report:
    """The observer's sheet: each decision's options with their rubric points."""
    blocks: list[rm.Block] = [
        rm.Paragraph(_t("observer", lang)),
        rm.Paragraph(_t("observer_intro", lang), "note"),
    ]
    for n, d in enumerate(scenario.decisions, start=1):
        head = f"{n}. {d.prompt.get(lang)}"
        if d.safety_critical:
            head += f" ({_t('safety_critical', lang)})"
        rows = []
        for k, o in enumerate(d.options, start=1):
            pts = ", ".join(
                f"{ptext.t(c, lang)} {o.scores[c]:+d}" for c in _COMPETENCIES if o.scores.get(c)
            )
            rows.append(["[   ]", f"{k}. {o.text.get(lang)}", pts])
        blocks.append(
            rm.Table(
                columns=[_t("tick", lang), _t("option", lang), _t("points", lang)],
                rows=rows,
                title=head,
                col_widths=[0.08, 0.6, 0.32],
            )
        )
    if scenario.critical_actions:
        blocks.append(rm.Heading(_t("critical", lang), 2))
        blocks.append(
            rm.BulletList([f"[   ] {a.title.get(lang)}" for a in scenario.critical_actions])
        )
    return _report(scenario.title.get(lang), _t("kit_sheet", lang), scenario.id, lang, blocks)


def render(report: rm.Report) -> bytes:
    return render_report(report)


def write(report: rm.Report, path: str | Path) -> Path:
    return write_report(report, path)
