"""Each kind of bad script input gives a ScriptError that names file, line and field."""

from __future__ import annotations

import os

import pytest

from facilitator.errors import ScriptError
from facilitator.scripts.loader import MAX_BYTES, load_script_file, parse_script_text
from tests.session.conftest import VALID_YAML


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` (must be unique)."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} found on lines {hits}"
    return hits[0]


def first_changed_line(text: str) -> int:
    for i, (a, b) in enumerate(zip(VALID_YAML.splitlines(), text.splitlines()), 1):
        if a != b:
            return i
    raise AssertionError("text is unchanged")


def problem(text, path="tiny.yaml") -> ScriptError:
    with pytest.raises(ScriptError) as info:
        parse_script_text(text, path)
    return info.value


def edit(old: str, new: str) -> str:
    assert VALID_YAML.count(old) == 1, old
    return VALID_YAML.replace(old, new)


def test_valid_script_loads(tiny_script):
    assert [s.id for s in tiny_script.steps] == ["welcome", "rules", "sharing", "talk", "closing"]


@pytest.mark.parametrize(
    "old,new,field,words",
    [
        ("kind: discussion", "kind: lecture", "steps[3].kind", "unknown step kind"),
        ("    minutes: 6\n", "    minutes: -6\n", "steps[3].minutes", "too small"),
        ("    minutes: 6\n", "    minutes: 9999\n", "steps[3].minutes", "too large"),
        ("    minutes: 6\n", "    minutes: six\n", "steps[3].minutes", "whole number"),
        (
            'say: {en: "Let us talk.", ar: "لنتحدث."}',
            'say: {en: "Let us talk.", ar: ""}',
            "steps[3].say.ar",
            "Arabic text is empty",
        ),
        ("  - id: talk", "  - id: rules", "steps[3].id", "already used"),
        ("  - id: talk", "  - id: Talk Step", "steps[3].id", "lower-case"),
        (
            'mandatory: true\n    say: {en: "Hello',
            'colour: red\n    say: {en: "Hello',
            "steps[0].colour",
            "unknown field",
        ),
        ("duration_minutes: 30", "duration_minutes: 31", "duration_minutes", "add up to 30"),
        ("program_type: general", "program_type: astrology", "program_type", "not allowed"),
        (
            "group_size: {min: 2, max: 8}",
            "group_size: {min: 9, max: 8}",
            "group_size.min",
            "larger",
        ),
        (
            "ground_rules: core-v1",
            "ground_rules: core-v9",
            "ground_rules",
            "no ground-rule set called 'core-v9'; use one of: core-v1",
        ),
        (
            "    speaker_minutes: 2\n",
            "    speaker_minutes: 0\n",
            "steps[2].speaker_minutes",
            "more than 0",
        ),
        (
            "    speaker_minutes: 2\n",
            "    speaker_minutes: .nan\n",
            "steps[2].speaker_minutes",
            "ordinary number",
        ),
        (
            "    speaker_minutes: 2\n",
            "    speaker_minutes: 1e400\n",
            "steps[2].speaker_minutes",
            "must be a number",
        ),
        ("    minutes: 6\n", "    minutes: true\n", "steps[3].minutes", "whole number"),
        ("    minutes: 6\n", '    minutes: "6"\n', "steps[3].minutes", "whole number"),
        ("duration_minutes: 30", "duration_minutes: 100000", "duration_minutes", "too large"),
        ("  - id: talk", '  - id: ""', "steps[3].id", "lower-case"),
    ],
)
def test_field_errors_point_at_the_line(old, new, field, words):
    text = edit(old, new)
    err = problem(text)
    expected_line = first_changed_line(text)
    assert err.line == expected_line
    assert err.field == field
    assert str(err).startswith(f"tiny.yaml:{expected_line}: {field}: ")
    assert words in str(err)


def test_missing_arabic_points_at_the_text():
    text = edit('title: {en: "Talk", ar: "نقاش"}', 'title: {en: "Talk"}')
    err = problem(text)
    assert (err.line, err.field) == (line_of(text, 'title: {en: "Talk"}'), "steps[3].title.ar")
    assert "Arabic text ('ar') is missing" in str(err)


def test_a_round_too_short_for_the_smallest_group():
    text = edit("group_size: {min: 2, max: 8}", "group_size: {min: 6, max: 8}")
    err = problem(text)
    assert err.field == "steps[2].minutes"
    assert err.line == line_of(text, "minutes: 10")
    assert "6 speakers (group_size.min) at 2 minutes each need 12" in str(err)


def test_round_without_speaker_minutes():
    text = edit("    speaker_minutes: 2\n", "")
    err = problem(text)
    assert err.line == line_of(text, "kind: round") and "speaker_minutes" in str(err)


def test_speaker_minutes_outside_a_round():
    text = edit("kind: discussion", "kind: discussion\n    speaker_minutes: 2")
    err = problem(text)
    assert err.field == "steps[3].speaker_minutes"
    assert err.line == first_changed_line(text) == line_of(VALID_YAML, "kind: discussion") + 1


def test_invalid_yaml_syntax():
    text = edit("    minutes: 6\n", "    minutes: 6: 7\n")
    err = problem(text)
    assert err.line == line_of(text, "minutes: 6: 7") and "invalid YAML" in str(err)


def test_duplicate_key():
    text = edit("    minutes: 6\n", "    minutes: 6\n    minutes: 7\n")
    err = problem(text)
    assert err.line == line_of(text, "minutes: 7") and "appears twice" in str(err)


def test_billion_laughs_is_refused_at_the_first_anchor():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    err = problem(bomb)
    assert err.line == 1 and "anchors and aliases" in str(err)


def test_alias_alone_is_refused():
    err = problem(VALID_YAML + "extra: *nothing\n")
    assert err.line == VALID_YAML.count("\n") + 1


def test_python_tags_are_refused():
    text = "format: 1\nid: !!python/object/apply:os.system ['echo pwned']\n"
    err = problem(text)
    assert err.line == 2 and "tag" in str(err)


def test_custom_tag_is_refused():
    err = problem("format: 1\ntitle: !secret {en: a, ar: b}\n")
    assert err.line == 2


@pytest.mark.parametrize(
    "text,line",
    [("- a\n- b\n", 1), ("just text\n", 1), ("42\n", 1), ("\n\n", 1), ("# only a comment\n", 1)],
)
def test_top_level_must_be_a_mapping(text, line):
    err = problem(text)
    assert err.line == line
    assert "top level" in str(err) or "empty" in str(err)


def test_deep_nesting_is_refused():
    err = problem("a: " + "[" * 200 + "]" * 200 + "\n")
    assert "nested" in str(err) and err.line == 1


def test_binary_garbage_and_bad_encoding(tmp_path):
    f = tmp_path / "garbage.yaml"
    f.write_bytes(os.urandom(4096))
    with pytest.raises(ScriptError) as info:
        load_script_file(f)
    assert str(info.value).startswith(str(f))
    err = problem(b"format: 1\nid: caf\xe9\n")
    assert "not UTF-8" in str(err) and err.line == 2
    assert str(err).startswith("tiny.yaml:2: ")
    err = problem(b"format: 1\n\n\x00\x01")
    assert "binary" in str(err) and err.line == 3
    err = problem("format: 1\nid: a\x00b\n")  # the same check on text from the store
    assert "binary" in str(err) and err.line == 2
    err = problem("format: 1\nid: a\x07b\n")  # a control character PyYAML refuses
    assert "invalid YAML" in str(err)


def test_one_megabyte_string():
    big = "x" * (MAX_BYTES + 10)
    text = edit('say: {en: "Let us talk."', f'say: {{en: "{big}"')
    err = problem(text)
    assert "larger than 1 MB" in str(err)


def test_long_text_under_the_size_limit_names_its_line():
    text = edit('say: {en: "Let us talk."', f'say: {{en: "{"y" * 30_000}"')
    err = problem(text)
    assert err.field == "steps[3].say.en" and "too long" in str(err)
    assert err.line == line_of(text, "yyyy")


def test_file_over_one_megabyte_is_rejected_before_parsing(tmp_path):
    f = tmp_path / "huge.yaml"
    f.write_bytes(b"[" * (MAX_BYTES + 1))  # would be a deep-nesting problem if parsed
    with pytest.raises(ScriptError, match="larger than 1 MB"):
        load_script_file(f)


def test_missing_file(tmp_path):
    with pytest.raises(ScriptError, match="no such file"):
        load_script_file(tmp_path / "nope.yaml")


def test_several_problems_are_all_listed():
    text = edit("kind: discussion", "kind: lecture").replace("minutes: 4\n", "minutes: 0\n")
    with pytest.raises(ScriptError) as info:
        parse_script_text(text, "tiny.yaml")
    lines = sorted(p.line for p in info.value.problems)
    assert lines == [line_of(text, "kind: lecture"), line_of(text, "minutes: 0")]


def test_fingerprint_follows_content_not_spelling(tiny_script):
    same = parse_script_text(
        VALID_YAML.replace("    minutes: 6\n", "    minutes: 6\n    mandatory: false\n")
        + "options: {no_notes: false}\n",
        "same.yaml",
    )
    assert same.fingerprint == tiny_script.fingerprint
    reworded = parse_script_text(VALID_YAML.replace("Let us talk.", "Let us talk now."), "x.yaml")
    assert reworded.fingerprint != tiny_script.fingerprint
