"""``facilitator scripts list|validate`` through the real entry point."""

from __future__ import annotations

from facilitator.cli.main import main
from tests.session.conftest import VALID_YAML


def test_list_prints_one_line_per_script(capsys):
    assert main(["scripts", "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert rows["mutual-support-circle"][1:4] == ["mutual_support", "en,ar", "90 min"]
    assert "first-session-intake" in rows


def test_validate_good_and_bad_files(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(VALID_YAML, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        VALID_YAML.replace("kind: discussion", "kind: lecture").replace(
            "minutes: 4\n", "minutes: 0\n"
        ),
        encoding="utf-8",
    )
    garbage = tmp_path / "garbage.yaml"
    garbage.write_bytes(b"\xff\xd8\xff\xe0" * 100)

    assert main(["scripts", "validate", str(good)]) == 0
    assert "ok" in capsys.readouterr().out

    assert (
        main(
            [
                "scripts",
                "validate",
                str(good),
                str(bad),
                str(garbage),
                str(tmp_path / "missing.yaml"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == (
        f"{bad}:33: steps[3].kind: unknown step kind 'lecture'; use one of: "
        "welcome, ground_rules, check_in, round, discussion, skill_practice, "
        "reading, break, check_out, closing, safety_check"
    )
    assert err[1].startswith(f"{bad}:40: steps[4].minutes: 0 is too small")
    assert err[2] == f"{garbage}:1: the file is not UTF-8 text (bad byte at position 0)"
    assert err[3] == f"{tmp_path / 'missing.yaml'}: no such file"
    assert not any("Traceback" in line for line in err)


def test_validate_a_folder(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text(VALID_YAML, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(VALID_YAML.replace("format: 1", "format: 2"), encoding="utf-8")
    assert main(["scripts", "validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'a.yaml'}: ok" in out
    assert err.startswith(f"{tmp_path / 'b.yaml'}:1: format: ")


def test_validate_an_empty_folder_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not a script", encoding="utf-8")
    assert main(["scripts", "validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{tmp_path}: no script files (*.yaml) in this folder"
    )


def test_validate_the_built_in_library(capsys):
    from facilitator.resources import resource_path

    assert main(["scripts", "validate", str(resource_path("scripts"))]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) >= 13 and all(": ok (" in line for line in out)


def test_list_one_line_per_builtin_with_minutes_matching_the_steps(capsys):
    from facilitator.scripts.library import builtin_scripts

    assert main(["scripts", "list", "--lang", "ar"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    scripts = builtin_scripts()
    assert len(lines) == len(scripts)
    for line in lines:
        sid, ptype, langs, minutes, title = line.split("\t")
        s = scripts[sid]
        assert (ptype, langs, minutes, title) == (
            s.program_type,
            "en,ar",
            f"{sum(x.minutes for x in s.steps)} min",
            s.title.ar,
        )
