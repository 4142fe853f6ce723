"""The checker walks every path and finds what validation cannot."""

from __future__ import annotations

from facilitator.practice.checker import check, check_file
from facilitator.practice.loader import parse_scenario_text
from facilitator.scripts.library import load_script

from .conftest import SMALL

SCRIPT = load_script("mutual-support-circle")


def run_check(text: str, max_paths: int = 20_000):
    from facilitator.scripts.loader import read_yaml_document

    scenario = parse_scenario_text(text, "s.yaml")
    root, _ = read_yaml_document(text, "s.yaml")
    return check(scenario, SCRIPT, root, max_paths)


def messages(report, level="error"):
    return [f.message for f in report.findings if f.level == level]


def test_the_small_scenario_is_fine_and_ranges_are_reported():
    report = run_check(SMALL)
    assert report.ok, messages(report)
    assert report.ranges["listening_empathy"] == (-2, 2)
    assert report.ranges["safety_response"][0] == -1 and report.ranges["safety_response"][1] == 2
    assert report.paths == 3 + 5  # steady: good, meh, bad; anxious: bad opens d2 (3 more)


def test_temperaments_are_walked():
    """AA1 starts at distress 5 (steady) or 6 (anxious); 'bad' adds 2: only an anxious
    AA1 reaches 8 and walks out, so d2 is reachable through one temperament only."""
    report = run_check(SMALL)
    assert "2 temperament combination(s)" in " ".join(messages(report, "info"))


def test_a_condition_that_no_path_makes_true():
    text = SMALL.replace('op: ">=", value: 8', 'op: ">=", value: 10')
    report = run_check(text)
    assert any("upset" in m and "never true on any path" in m for m in messages(report))
    assert any("decision 'd2' is unreachable" in m for m in messages(report))
    found = [f for f in report.findings if "never true" in f.message][0]
    assert found.line == next(
        i + 1 for i, line in enumerate(text.splitlines()) if "when: {who: AA1" in line
    )


def test_no_correct_route_for_the_safety_critical_path():
    text = SMALL.replace("        performs: [be_kind]\n      - id: meh", "      - id: meh")
    text = text.replace("        performs: [be_kind]\n        minutes: 5", "        minutes: 5")
    text = text.replace("critical_actions:\n  - id: be_kind", "critical_actions:\n  - id: be_kind")
    # be_kind is now performed by no option at all
    report = run_check(text)
    assert any("performed on no path" in m for m in messages(report))
    assert any("no correct route" in m for m in messages(report))


def test_dead_ends_and_the_longest_path():
    report = run_check(SMALL)
    warnings = messages(report, "warning")
    assert any("dead end: after 'd1' option 'meh'" in m for m in warnings)
    assert any("longest path runs 95 min against the script's 90 min" in m for m in warnings)
    assert report.longest_minutes == 95


def test_missing_translations_fail_the_check():
    text = SMALL.replace("status: reviewed", "status: draft").replace(
        'feedback: {en: "Right.", ar: "صحيح."}', 'feedback: {en: "Right."}', 1
    )
    report = run_check(text)
    assert any("'decision.d1.option.good.feedback' has no Arabic" in m for m in messages(report))


def test_the_cap_stops_with_a_clear_message():
    report = run_check(SMALL, max_paths=2)
    assert not report.complete and not report.ok
    assert any("stopped after 2 paths" in m for m in messages(report))


def test_reference_paths_are_checked():
    text = (
        SMALL
        + """reference_paths:
  - id: good_path
    choose: {d1: good}
    expect:
      scores: {listening_empathy: 2, group_dynamics: 5}
      result: competent
"""
    )
    report = run_check(text)
    assert any("group_dynamics 1 ≠ 5" in m for m in messages(report))


def test_check_file_reads_a_file(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    scenario, report = check_file(path)
    assert scenario.id == "small-test" and report.ok
