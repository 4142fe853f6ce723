"""Shared scenario fixtures: a small valid scenario text and helpers to play one."""

from __future__ import annotations

import pytest

from facilitator.practice.engine import ManualClock, PracticeRun, autoplay
from facilitator.practice.loader import builtin_scenarios
from facilitator.scripts.library import load_script

SMALL = """\
format: 1
id: small-test
version: "1.0"
script: mutual-support-circle
title: {en: "Small", ar: "صغير"}
summary: {en: "A test scenario.", ar: "سيناريو للاختبار."}
briefing: {en: "Briefing.", ar: "إحاطة."}
metadata:
  author: "Tests"
  reviewer: "Tests"
  status: reviewed
  framework: peer-facilitator-core-v1
participants:
  - code: AA1
    persona: {en: "One.", ar: "واحد."}
    tendencies: {en: "Talks.", ar: "يتكلم."}
    state: {trust: 5, distress: 5, engagement: 5}
    temperaments: [steady, anxious]
  - code: BB2
    persona: {en: "Two.", ar: "اثنان."}
    tendencies: {en: "Listens.", ar: "يصغي."}
  - code: CC3
    persona: {en: "Three.", ar: "ثلاثة."}
    tendencies: {en: "Waits.", ar: "ينتظر."}
events:
  - id: first
    step: check_in
    after_minutes: 2
    who: AA1
    kind: says
    text: {en: "Hello.", ar: "مرحبًا."}
    cue: {en: "Smiles.", ar: "يبتسم."}
    decision: d1
  - id: upset
    when: {who: AA1, var: distress, op: ">=", value: 8}
    who: AA1
    kind: leaves
    text: {en: "Leaves.", ar: "يغادر."}
    decision: d2
decisions:
  - id: d1
    prompt: {en: "What now?", ar: "ماذا الآن؟"}
    coach: {en: "Be kind.", ar: "كن لطيفًا."}
    options:
      - id: good
        text: {en: "Good.", ar: "جيد."}
        feedback: {en: "Right.", ar: "صحيح."}
        cites: ["rule:respect_no_judgement"]
        scores: {listening_empathy: 2, group_dynamics: 1}
        performs: [be_kind]
      - id: meh
        text: {en: "Meh.", ar: "عادي."}
        feedback: {en: "Could be better.", ar: "يمكن أن يكون أفضل."}
        cites: ["rule:own_experience"]
        scores: {listening_empathy: 1}
      - id: bad
        text: {en: "Bad.", ar: "سيئ."}
        feedback: {en: "No.", ar: "لا."}
        cites: ["rule:respect_no_judgement"]
        scores: {listening_empathy: -2}
        changes:
          - {who: AA1, var: distress, delta: 2}
  - id: d2
    prompt: {en: "He leaves.", ar: "يغادر."}
    options:
      - id: follow
        text: {en: "Follow.", ar: "الحق به."}
        feedback: {en: "Right.", ar: "صحيح."}
        cites: ["safety:private_check"]
        scores: {safety_response: 2}
        performs: [be_kind]
        minutes: 5
      - id: stay
        text: {en: "Stay.", ar: "ابق."}
        feedback: {en: "No.", ar: "لا."}
        cites: ["safety:private_check"]
        scores: {safety_response: -1}
      - id: shout
        text: {en: "Shout.", ar: "اصرخ."}
        feedback: {en: "No.", ar: "لا."}
        cites: ["rule:respect_no_judgement"]
        scores: {group_dynamics: -2}
critical_actions:
  - id: be_kind
    title: {en: "Be kind", ar: "كن لطيفًا"}
"""


@pytest.fixture(scope="session")
def builtins():
    return builtin_scenarios()


def play(scenario, choose: dict[str, str], seed: int = 1, mode: str = "assessment"):
    """Play a whole scenario on a manual clock, answering from ``choose``."""
    clock = ManualClock()
    run = PracticeRun(scenario, load_script(scenario.script), seed, mode, clock=clock)
    outcome = autoplay(run, lambda r, d: choose[d.id], clock)
    return run, outcome
