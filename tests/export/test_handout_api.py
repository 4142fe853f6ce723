"""One handout API for every caller: a loaded script (built-in or a facilitator's
custom script from the store) and a group's effective rules, printed the same way by
the export layer, the old id-based forms and ``facilitator report handout``."""

from __future__ import annotations

import pytest

from facilitator.cli.main import main
from facilitator.export.handout import handout_for, handout_report, write_handout
from facilitator.export.pdf import render_report
from facilitator.resources import resource_path
from facilitator.scripts.library import load_script, save_custom_script
from facilitator.session.rules import effective_rules, load_ruleset
from facilitator.store.models import Group
from facilitator.store.service import create_store
from tests.export.pdfcheck import key, needs_poppler, page_texts, pdftotext

PASSPHRASE = "a long test passphrase"
CUSTOM_TITLE = "Our own grief evening"
CUSTOM_STEP = "Tea and quiet arrival"
# the group's own rules as the group form stores them: a JSON list of plain lines
GROUP_RULES = ["Phones stay in bags until the break.", "We end on time, at nine."]


def _custom_yaml() -> str:
    text = resource_path("scripts", "grief-loss-circle.yaml").read_text(encoding="utf-8")
    text = text.replace("id: grief-loss-circle", "id: my-grief-evening", 1)
    text = text.replace('title: {en: "Grief and loss circle"', f'title: {{en: "{CUSTOM_TITLE}"', 1)
    return text.replace('title: {en: "Welcome"', f'title: {{en: "{CUSTOM_STEP}"', 1)


@pytest.fixture
def store(tmp_path, memory_keyring):
    path = tmp_path / "f.db"
    created = create_store(path, passphrase=PASSPHRASE, use_keyring=False)
    with created.db.unit() as s:
        save_custom_script(s, _custom_yaml(), based_on="grief-loss-circle")
        g = Group(name="Thursday circle", program_type="grief", extra_rules=GROUP_RULES)
        s.add(g)
        s.flush()
        gid = g.id
    db = created.db
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield {"db": db, "path": str(path), "pass": str(pw), "group": gid, "close": created.close}
    created.close()


def _loaded(store):
    with store["db"].unit() as s:
        script = load_script("my-grief-evening", s)
        rules = effective_rules(
            s.get(Group, store["group"]), base=load_ruleset(script.ground_rules)
        )
    return script, rules


def _text(data: bytes) -> str:
    return " ".join("\n".join(page_texts(data)).split())


def test_loaded_custom_script_and_group_rules_are_printed(store, tmp_path):
    script, rules = _loaded(store)
    out = write_handout(tmp_path / "h.pdf", script, "en", rules=rules)
    text = _text(out.read_bytes())
    assert CUSTOM_TITLE in text and CUSTOM_STEP in text
    for line in GROUP_RULES:  # a rule typed as one line is printed once, not "x: x"
        assert line in text and f"{line}: {line}" not in text, line
    assert "Confidentiality" in text  # the built-in rules are still there
    # a plain list of rules (not a RuleSet) prints the same
    same = _text(render_report(handout_report(script, "en", list(rules.rules))))
    assert same.split("Generated")[0] == text.split("Generated")[0]


def test_old_forms_print_the_same_as_the_new_one(store):
    script, rules = _loaded(store)
    new = _text(render_report(handout_report(script, "en", rules)))
    with store["db"].unit() as s:  # what the app does today
        old = _text(
            render_report(
                handout_for(
                    "my-grief-evening",
                    "en",
                    db_session=s,
                    extra_rules=s.get(Group, store["group"]).extra_rules,
                )
            )
        )
    assert new.split("Generated")[0] == old.split("Generated")[0]


def test_write_handout_by_id_still_works_and_rejects_mixed_rules(tmp_path):
    out = write_handout(tmp_path / "b.pdf", "grief-loss-circle", "en", extra_rules=GROUP_RULES[:1])
    assert GROUP_RULES[0] in _text(out.read_bytes())
    with pytest.raises(TypeError):
        write_handout(
            tmp_path / "c.pdf", "grief-loss-circle", "en", rules=[], extra_rules=GROUP_RULES
        )
    assert not (tmp_path / "c.pdf").exists()


def test_cli_prints_a_custom_script_with_the_group_rules(store, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    args = [
        "report",
        "handout",
        "--script",
        "my-grief-evening",
        "--db",
        store["path"],
        "--passphrase-file",
        store["pass"],
    ]
    store["close"]()  # the CLI opens (and locks) the store itself
    assert main([*args, "--group", store["group"], "--out", str(out)]) == 0
    text = _text(out.read_bytes())
    assert CUSTOM_TITLE in text and CUSTOM_STEP in text
    assert all(line in text for line in GROUP_RULES)
    assert main([*args, "--group", "no-such-group", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "group does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_without_db_names_the_missing_store_for_a_custom_id(tmp_path, capsys):
    assert (
        main(
            ["report", "handout", "--script", "my-grief-evening", "--out", str(tmp_path / "h.pdf")]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "no script with the id 'my-grief-evening'" in err and "--db" in err
    assert "Traceback" not in err and not (tmp_path / "h.pdf").exists()


@needs_poppler
def test_arabic_custom_handout_reads_back(store, tmp_path):
    script, rules = _loaded(store)
    out = write_handout(tmp_path / "ar.pdf", script, "ar", rules=rules)
    text = key(pdftotext(out))
    assert key(script.title.ar) in text
    for line in GROUP_RULES:
        assert key(line) in text
