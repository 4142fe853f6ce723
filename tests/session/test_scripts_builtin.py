"""Every built-in script loads, and every text in it exists in English and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from facilitator.errors import ScriptError
from facilitator.resources import resource_path
from facilitator.session import library
from facilitator.session.script_loader import load_script_file

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
        "mutual-support-circle")  # cached
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
                s, valid_yaml.replace("id: tiny-circle", "id: mutual-support-circle"))
        with pytest.raises(ScriptError):
            library.save_custom_script(s, valid_yaml.replace("minutes: 4", "minutes: -4"))
        assert library.delete_custom_script(s, "tiny-circle")
        with pytest.raises(ScriptError):
            library.load_script("tiny-circle", s)
