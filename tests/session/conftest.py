"""Fixtures for the session engine tests: a small valid script and a group in a store."""

from __future__ import annotations

import pytest

# Line numbers matter: tests/session/test_script_errors.py points at lines of this text.
VALID_YAML = """\
format: 1
id: tiny-circle
version: "1.0"
title: {en: "Tiny circle", ar: "حلقة صغيرة"}
summary: {en: "A short test circle.", ar: "حلقة قصيرة للاختبار."}
program_type: general
audience: {en: "Testers", ar: "المختبرون"}
duration_minutes: 30
group_size: {min: 2, max: 8}
ground_rules: core-v1
steps:
  - id: welcome
    kind: welcome
    title: {en: "Welcome", ar: "ترحيب"}
    minutes: 5
    mandatory: true
    say: {en: "Hello and welcome.", ar: "أهلًا وسهلًا."}
  - id: rules
    kind: ground_rules
    title: {en: "Rules", ar: "القواعد"}
    minutes: 5
    say: {en: "Our agreement.", ar: "اتفاقنا."}
  - id: sharing
    kind: round
    title: {en: "Sharing", ar: "مشاركة"}
    minutes: 10
    min_minutes: 6
    speaker_minutes: 2
    say: {en: "Each person in turn.", ar: "كل شخص بدوره."}
    prompts:
      - {en: "How are you?", ar: "كيف حالك؟"}
  - id: talk
    kind: discussion
    title: {en: "Talk", ar: "نقاش"}
    minutes: 6
    say: {en: "Let us talk.", ar: "لنتحدث."}
  - id: closing
    kind: closing
    title: {en: "Closing", ar: "الختام"}
    minutes: 4
    mandatory: true
    say: {en: "Thank you.", ar: "شكرًا لكم."}
"""


@pytest.fixture
def valid_yaml() -> str:
    return VALID_YAML


@pytest.fixture
def tiny_script():
    from facilitator.scripts.loader import parse_script_text

    return parse_script_text(VALID_YAML, "tiny.yaml")


@pytest.fixture
def group_id(raw_db):
    from facilitator.store.models import Group

    with raw_db.unit() as s:
        g = Group(name="Tuesday circle", program_type="general")
        s.add(g)
        s.flush()
        return g.id
