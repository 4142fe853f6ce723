"""Every built-in script loads, and every text in it exists in English and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from facilitator.errors import ScriptError
from facilitator.resources import resource_path
from facilitator.scripts import library
from facilitator.scripts.loader import load_script_file

BUILTINS = sorted(Path(resource_path("scripts")).glob("*.yaml"))
TEXT_FIELDS = {"title", "summary", "audience", "say", "notes"}


def _walk_texts(node, path="$"):
    """Yield (path, mapping) for every bilingual text in raw YAML data, found by field
    name (not through the schema), so a schema bug cannot hide a missing translation."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            if key in TEXT_FIELDS:
                yield here, value
            elif key == "prompts":
                for i, p in enumerate(value or []):
                    yield f"{here}[{i}]", p
            else:
                yield from _walk_texts(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk_texts(item, f"{path}[{i}]")


def test_library_has_the_reference_scripts():
    ids = {p.stem for p in BUILTINS}
    assert {"mutual-support-circle", "first-session-intake"} <= ids


@pytest.mark.parametrize("path", BUILTINS, ids=[p.stem for p in BUILTINS])
def test_builtin_script_validates(path):
    script = load_script_file(path)
    assert script.id == path.stem
    assert sum(s.minutes for s in script.steps) == script.duration_minutes
    assert len(script.fingerprint) == 64


@pytest.mark.parametrize("path", BUILTINS, ids=[p.stem for p in BUILTINS])
def test_builtin_script_is_fully_bilingual(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = list(_walk_texts(data))
    assert len(texts) >= 3 * len(data["steps"]), "expected title, say and more per step"
    for where, text in texts:
        assert isinstance(text, dict), f"{path.name} {where}: not a bilingual mapping"
        for lang in ("en", "ar"):
            value = text.get(lang)
            assert isinstance(value, str) and value.strip(), f"{path.name} {where}.{lang} is empty"
        # The Arabic text must actually be Arabic, not a copy of the English.
        assert any("\u0600" <= ch <= "\u06ff" for ch in text["ar"]), f"{path.name} {where}.ar"
        assert text["ar"] != text["en"]


def test_walker_catches_a_missing_arabic_text(tmp_path):
    data = yaml.safe_load(BUILTINS[0].read_text(encoding="utf-8"))
    data["steps"][0]["say"]["ar"] = ""
    empty = [w for w, t in _walk_texts(data) if not str(t.get("ar", "")).strip()]
    assert empty == ["$.steps[0].say"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ScriptError) as err:
        load_script_file(bad)
    assert "steps[0].say.ar" in str(err.value)


def test_list_and_load_builtins():
    summaries = {s.id: s for s in library.list_scripts()}
    msc = summaries["mutual-support-circle"]
    assert msc.program_type == "mutual_support" and msc.minutes == 90
    assert msc.languages == ("en", "ar") and msc.builtin
    assert library.load_script("first-session-intake").options.series_position == "first"
    assert library.load_script("mutual-support-circle") is library.load_script(
        "mutual-support-circle"
    )  # cached
    with pytest.raises(ScriptError):
        library.load_script("no-such-script")


def test_custom_scripts_in_the_store(raw_db, valid_yaml):
    with raw_db.unit() as s:
        library.save_custom_script(s, valid_yaml, based_on="mutual-support-circle")
    with raw_db.unit() as s:
        ids = [x.id for x in library.list_scripts(s) if not x.builtin]
        assert ids == ["tiny-circle"]
        assert library.load_script("tiny-circle", s).steps[2].speaker_minutes == 2
        with pytest.raises(ScriptError, match="built-in"):
            library.save_custom_script(
                s, valid_yaml.replace("id: tiny-circle", "id: mutual-support-circle")
            )
        with pytest.raises(ScriptError):
            library.save_custom_script(s, valid_yaml.replace("minutes: 4", "minutes: -4"))
        assert library.delete_custom_script(s, "tiny-circle")
        with pytest.raises(ScriptError):
            library.load_script("tiny-circle", s)


# ---- content checks an experienced facilitator would make --------------------------

ISSUE_KINDS = {  # the kinds of group issue 3 lists, by program type (plus series position)
    "mutual_support",
    "grief",
    "anxiety",
    "recovery",
    "chronic_illness",
    "first_responder",
    "trauma",
    "veterans",
    "school_listening",
    "peer_mediation",
    "caregivers",
}


def _all():
    return library.builtin_scripts()


def test_library_covers_every_kind_of_group():
    scripts = _all()
    assert len(scripts) >= 10
    assert ISSUE_KINDS <= {s.program_type for s in scripts.values()}
    positions = {s.options.series_position for s in scripts.values()}
    assert {"first", "last"} <= positions  # a first (intake) and a closing session


def test_defusing_has_three_phases_in_order_and_a_no_notes_option():
    script = library.load_script("first-responder-defusing")
    assert script.options.no_notes
    phases = [s.phase for s in script.steps]
    assert None not in phases
    order = list(dict.fromkeys(phases))
    assert order == ["introduction", "exploration", "information"]
    assert phases == sorted(phases, key=order.index)  # each phase in one block
    assert script.duration_minutes <= 60  # held within hours, short


@pytest.mark.parametrize("script_id", sorted(_all()))
def test_every_round_holds_the_largest_group(script_id):
    """speaker_minutes times the largest group must fit in the round, or the round is
    planned to overrun before the session starts."""
    script = library.load_script(script_id)
    for step in script.steps:
        if step.kind == "round":
            need = step.speaker_minutes * script.group_size.max
            assert need <= step.minutes + 0.1, (
                f"{script_id}.{step.id}: {script.group_size.max} speakers x "
                f"{step.speaker_minutes} min = {need} > {step.minutes}"
            )


@pytest.mark.parametrize("script_id", sorted(_all()))
def test_every_script_keeps_safety_and_closing_and_signposts(script_id):
    script = library.load_script(script_id)
    kinds = [s.kind for s in script.steps]
    for kind in ("safety_check", "closing"):
        steps = [s for s in script.steps if s.kind == kind]
        assert steps and all(s.mandatory for s in steps), f"{script_id}: {kind}"
    assert kinds[-1] == "closing" and kinds[0] in ("welcome",)
    english = " ".join(t.en for _, t in script.texts()).lower()
    # Points people to someone qualified (peers never diagnose or treat).
    assert any(
        w in english
        for w in (
            "doctor",
            "professional",
            "counsellor",
            "supervis",
            "adult",
            "service",
            "safeguarding",
        )
    ), script_id
    for step in script.steps:
        assert step.min_minutes is None or step.min_minutes <= step.minutes
    # The first step's welcome and the rules review come before any sharing.
    first_share = next((i for i, k in enumerate(kinds) if k in ("round", "discussion")), 0)
    if script.options.series_position != "last":
        assert kinds.index("ground_rules") < first_share or script.program_type in (
            "peer_mediation",
            "general",
        )


@pytest.mark.parametrize("script_id", sorted(_all()))
def test_rules_step_says_confidentiality_aloud_and_asks_for_agreement(script_id):
    """The rules screen shows the full set; the words said aloud must still carry the
    confidentiality promise and ask the group to agree, in both languages."""
    for step in library.load_script(script_id).steps:
        if step.kind == "ground_rules":
            assert "stays" in step.say.en and "يبقى" in step.say.ar, f"{script_id}.{step.id}"
            assert "agree" in step.say.en.lower() or "agreement" in step.say.en.lower()
