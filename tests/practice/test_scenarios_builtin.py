"""The twelve built-in scenarios: valid, checked, bilingual, safe, and scored as written."""

from __future__ import annotations

import re

import pytest
import yaml

from facilitator.practice.checker import check
from facilitator.practice.loader import builtin_dir
from facilitator.practice.model import COMPETENCIES
from facilitator.scripts.library import load_script

from .conftest import play

ARABIC = re.compile(r"[\u0600-\u06ff]")
EXPECTED = {
    "boundary-private-meeting",
    "confidentiality-breach",
    "dominating-member",
    "silent-member",
    "conflict-two-members",
    "stop-medication-advice",
    "suicidal-disclosure-round",
    "defusing-operational-critique",
    "school-mediation-meeting",
    "grief-move-on",
    "recovery-intoxicated-arrival",
    "caregivers-blame-professional",
}


def test_the_twelve_are_there(builtins):
    assert set(builtins) == EXPECTED
    assert {p.stem for p in builtin_dir().glob("*.yaml")} == EXPECTED


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_passes_the_checker(builtins, sid):
    scenario = builtins[sid]
    report = check(scenario, load_script(scenario.script))
    assert report.ok, [f.message for f in report.errors()]
    assert report.complete and report.paths >= 9


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_complete_in_both_languages(builtins, sid):
    scenario = builtins[sid]
    assert scenario.metadata.status == "reviewed" and scenario.metadata.reviewer
    assert scenario.metadata.content_warnings
    for string_id, text in scenario.strings():
        assert text.en and text.ar, string_id
        assert ARABIC.search(text.ar), f"{string_id}: the Arabic has no Arabic letters"
        assert not ARABIC.search(text.en), f"{string_id}: Arabic letters in the English"
    ids = [sid for sid, _ in scenario.strings()]
    assert len(ids) == len(set(ids)), "string ids must be unique"


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_reviewed_against_the_protocol_and_rules(builtins, sid):
    """Each hard moment leads to a decision whose best answer cites the right rule or
    safety step, every decision has a clearly best option, and the best option never
    scores below zero anywhere."""
    scenario = builtins[sid]
    for ev in scenario.events:
        assert ev.decision, f"{ev.id}: every event in a built-in asks the trainee something"
        dec = scenario.decision(ev.decision)
        best = max(dec.options, key=lambda o: o.total)
        assert sum(o.total == best.total for o in dec.options) == 1, dec.id
        assert all(v >= 0 for v in best.scores.values()), dec.id
        if ev.kind == "risk_disclosure":
            assert dec.safety_critical and any(c.startswith("safety:") for c in best.cites)
        if ev.kind == "medical_advice":
            assert "rule:no_medical_advice" in best.cites
        if ev.kind == "private_contact":
            assert "rule:boundaries" in best.cites
        if ev.kind == "repeats_outside":
            assert "rule:confidentiality" in best.cites
    for dec in scenario.decisions:
        if dec.safety_critical:
            best = max(dec.options, key=lambda o: o.total)
            assert best.scores.get("safety_response", 0) > 0


def _expected_from_yaml(sid: str, choices: list[tuple[str, str]]) -> dict[str, int]:
    """Sum the rubric straight from the YAML file, not through the model or the engine."""
    raw = yaml.safe_load((builtin_dir() / f"{sid}.yaml").read_text(encoding="utf-8"))
    options = {
        (d["id"], o["id"]): o.get("scores", {}) for d in raw["decisions"] for o in d["options"]
    }
    total = {c: 0 for c in COMPETENCIES}
    for key in choices:
        for comp, pts in options[key].items():
            total[comp] += pts
    return total


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_known_paths_give_the_rubric_scores(builtins, sid):
    scenario = builtins[sid]
    assert len(scenario.reference_paths) >= 2
    results = set()
    for ref in scenario.reference_paths:
        run, outcome = play(scenario, dict(ref.choose), seed=ref.seed)
        assert outcome.scores == _expected_from_yaml(sid, run.choices)
        assert outcome.scores == {c: ref.expect.scores.get(c, 0) for c in COMPETENCIES}
        assert outcome.result == ref.expect.result
        assert sorted(outcome.critical_missed) == sorted(ref.expect.critical_missed)
        results.add(outcome.result)
        # every point has its reason: the option that earned it and what it cites
        for point in outcome.points:
            option = scenario.decision(point.decision).option(point.option)
            assert option.scores[point.competency] == point.points and point.cites
    assert "competent" in results and len(results) >= 2


def test_suicidal_disclosure_rubric_by_hand(builtins):
    """One path worked out by hand, independently of the reference paths in the file."""
    scenario = builtins["suicidal-disclosure-round"]
    run, outcome = play(
        scenario,
        {
            "first_response": "ask_in_group",
            "private_talk": "ask_directly",
            "keep_it_secret": "call_emergency",
            "group_after": "explain",
        },
    )
    assert outcome.scores["safety_response"] == 1 + 3 + 2
    assert outcome.scores["confidentiality"] == -1 - 3
    assert outcome.scores["group_dynamics"] == -1 - 1
    assert outcome.scores["listening_empathy"] == 2 - 1
    assert outcome.critical_missed == ()
    assert outcome.earned == -1 + 5 + 1 - 4 and outcome.possible == 5 + 5 + 5 + 5
    assert outcome.result == "not_yet" and not outcome.capped


def test_a_missed_critical_action_caps_a_high_score(builtins):
    scenario = builtins["caregivers-blame-professional"]
    _, outcome = play(
        scenario, {"pile_on": "reframe", "med_advice": "redirect", "scared_check": "everyone_snaps"}
    )
    assert outcome.percent == pytest.approx(100 * (4 + 4 - 3) / 13, abs=0.1)
    assert outcome.critical_missed == ("check_privately",)
    assert outcome.result == "not_yet"
