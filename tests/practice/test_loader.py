"""Scenario files are read as strictly as scripts: every problem is file:line: message."""

from __future__ import annotations


import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.errors import ScriptError
from facilitator.practice.loader import (
    ScenarioValidationError,
    load_scenario_file,
    parse_scenario_text,
)

from tests.yaml_fuzz import mutated_documents, nested_values

from .conftest import SMALL


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioValidationError) as info:
        parse_scenario_text(text, "s.yaml")
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return lines[nth]


def test_the_small_scenario_loads():
    sc = parse_scenario_text(SMALL, "s.yaml")
    assert sc.id == "small-test" and len(sc.participants) == 3
    assert (
        "decision.d1.option.good.feedback",
        sc.decision("d1").option("good").feedback,
    ) in sc.strings()


@pytest.mark.parametrize(
    "old,new,needle,message",
    [
        ("    coach: {en:", "    coaching: {en:", "coaching:", "coaching: unknown field"),
        ("    step: check_in", "    step: nowhere", "step: nowhere", "has no step 'nowhere'"),
        (
            "script: mutual-support-circle",
            "script: no-such-script",
            "script: no-such",
            "there is no session script 'no-such-script'",
        ),
        (
            '        cites: ["rule:own_experience"]',
            '        cites: ["rule:be_nice"]',
            "rule:be_nice",
            "'rule:be_nice' is not a ground rule",
        ),
        ("    kind: leaves", "    kind: shouts", "kind: shouts", "unknown event kind 'shouts'"),
        ('op: ">=", value: 8', 'op: ">=", value: 11', "value: 11", "can never be true"),
        (
            "        scores: {listening_empathy: 1}",
            "        scores: {listening_empathy: 9}",
            "listening_empathy: 9",
            "too large",
        ),
        (
            "        scores: {listening_empathy: 1}",
            "        scores: {listening: 1}",
            "listening: 1",
            "unknown competency 'listening'",
        ),
        ("    decision: d2", "    decision: d9", "decision: d9", "there is no decision 'd9'"),
        (
            "    who: AA1\n    kind: leaves",
            "    who: ZZ9\n    kind: leaves",
            "who: ZZ9",
            "there is no participant 'ZZ9'",
        ),
        (
            "    temperaments: [steady, anxious]",
            "    temperaments: [steady, grumpy]",
            "grumpy",
            "unknown temperament 'grumpy'",
        ),
    ],
)
def test_each_mistake_is_named_at_its_line(old, new, needle, message):
    text = SMALL.replace(old, new, 1)
    assert text != SMALL
    found = problems(text)
    assert any(p.startswith(f"s.yaml:{line_of(text, needle)}:") and message in p for p in found), (
        found
    )


def test_a_reviewed_scenario_needs_both_languages_but_a_draft_does_not():
    text = SMALL.replace('prompt: {en: "What now?", ar: "ماذا الآن؟"}', 'prompt: {en: "What now?"}')
    assert any("has no Arabic text" in p and "decision.d1.prompt" in p for p in problems(text))
    draft = text.replace("status: reviewed", "status: draft")
    sc = parse_scenario_text(draft, "s.yaml")
    assert sc.missing_translations() == [("decision.d1.prompt", "ar")]
    assert sc.decision("d1").prompt.get("ar") == "What now?"  # falls back while untranslated


@pytest.mark.parametrize(
    "text,message",
    [
        ("a: &x 1\nb: *x\n", "anchors and aliases"),
        ("format: !!python/object:os.system 1\n", "invalid YAML"),
        ("format: 1\nformat: 1\n", "appears twice"),
        ("- a\n- b\n", "top level must be a mapping"),
        ("", "empty"),
    ],
)
def test_hostile_yaml_is_refused_like_a_script(text, message):
    assert any(message in p for p in problems(text))


def test_a_file_that_is_not_there(tmp_path):
    with pytest.raises(ScenarioValidationError, match="no such file"):
        load_scenario_file(tmp_path / "missing.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 1_000_001)
    with pytest.raises(ScenarioValidationError, match="larger than 1 MB"):
        load_scenario_file(big)


VALID = yaml.safe_load(SMALL)
NESTED = nested_values(list(VALID), size=4, leaves=20, text=20, ints=10**6)


@st.composite
def edited(draw):
    text = SMALL
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 15)))
        text = (
            text[:i]
            + draw(st.text(alphabet=list(":-[]{}&*!|>'\"#\n ab1حل\x00"), max_size=6))
            + text[j:]
        )
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        mutated_documents(VALID, NESTED),
        edited(),
        st.binary(max_size=200),
        NESTED.map(yaml.safe_dump),
    )
)
def test_only_the_scenario_error_is_ever_raised_with_a_location(doc):
    try:
        parse_scenario_text(doc, "fuzz.yaml")
    except ScenarioValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path == "fuzz.yaml" and problem.message
            assert problem.line is not None and problem.line >= 1
            assert str(problem).startswith(f"fuzz.yaml:{problem.line}: ")
    except ScriptError as exc:  # pragma: no cover - any other kind would be a bug
        pytest.fail(f"a ScriptError that is not a ScenarioValidationError: {exc!r}")


def test_misplaced_events_are_named_beside_other_mistakes_in_one_try():
    """The script checks run on the model only once every field is valid, and stop at
    the first: an author who mistyped a step and a competency saw one problem per try
    (a new user's trial). Now both, and every misplaced event, at their lines."""
    text = (
        SMALL.replace("step: check_in\n    after_minutes: 2", "step: chek_in\n    after_minutes: 2")
        .replace("scores: {listening_empathy: 1}", "scores: {listening_empathyy: 1}")
        .replace(
            "  - id: upset\n",
            "  - id: late\n    step: check_in\n    after_minutes: 200\n    who: BB2\n"
            "    kind: says\n    text: {en: 'Late.', ar: 'متأخر.'}\n  - id: upset\n",
        )
    )
    found = problems(text)
    assert len(found) == 3, found
    assert f"s.yaml:{line_of(text, 'chek_in')}: events[0].step:" in found[0]
    assert "has no step 'chek_in'" in found[0]
    assert f"s.yaml:{line_of(text, 'after_minutes: 200')}: events[1].after_minutes:" in found[1]
    assert f"s.yaml:{line_of(text, 'listening_empathyy')}:" in found[2]
    assert "unknown competency 'listening_empathyy'" in found[2]


def test_all_misplaced_events_are_named_when_the_rest_is_valid():
    text = SMALL.replace("step: check_in", "step: chek_in").replace(
        "  - id: upset\n",
        "  - id: late\n    step: nowhere\n    who: BB2\n"
        "    kind: says\n    text: {en: 'Late.', ar: 'متأخر.'}\n  - id: upset\n",
    )
    found = problems(text)
    assert [p.split(": ")[1] for p in found] == ["events[0].step", "events[1].step"], found
