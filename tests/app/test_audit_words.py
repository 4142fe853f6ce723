"""The audit log in words: every action the code records has an English and an Arabic
title, details read as "label: value" pairs, and the CSV keeps the machine columns."""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator

SRC = Path(facilitator.__file__).parent
RECORDERS = {"append_audit", "record", "audit_event", "_audit"}


def _strings(node: ast.AST) -> list[str]:
    """The names an argument may hold: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def recorded_actions() -> set[str]:
    """Every action name a call in the source may record (literal or conditional)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            for kw in call.keywords:  # action="demo_data", audit="practice.score_override"
                if kw.arg in ("action", "audit") and name != "add_argument":
                    found.update(_strings(kw.value))
            if name in RECORDERS and len(call.args) >= 2:
                found.update(_strings(call.args[1]))
    return {a for a in found if a and " " not in a and a == a.lower()}


def test_every_recorded_action_has_a_title_in_both_languages():
    from facilitator.app.audit import ACTION_TITLES, action_title
    from facilitator.store.audit import ACTIONS

    actions = recorded_actions()
    assert {"review_signed", "user_added", "bundle.import", "keys.trust"} <= actions
    missing = sorted((actions | set(ACTIONS)) - set(ACTION_TITLES))
    assert not missing, f"actions without a title: {missing}"
    for action in ACTION_TITLES:
        en, ar = action_title(action, "en"), action_title(action, "ar")
        assert en and "_" not in en and en != action
        assert ar != en and any("\u0600" <= ch <= "\u06ff" for ch in ar), (action, ar)


def test_details_read_as_label_value_pairs_without_none():
    from facilitator.app.audit import detail_words

    text = detail_words(
        {"kind": "incident_follow_up", "approved_by": None, "material_hash": "ab" * 32},
        "en",
    )
    assert "None" not in text and "approved" not in text.lower()
    assert "Type: " in text and "Incident needing follow-up" in text
    assert "material_hash" not in text and "=" not in text
    ar = detail_words({"login": "fay", "roles": ["facilitator", "supervisor"]}, "ar")
    assert "\u2066fay\u2069" in ar  # a Latin name stays left to right inside Arabic
    assert "facilitator" not in ar and "supervisor" not in ar  # role names in Arabic
